/*
 * check_design.c: tests of design.c.
 */
#include "config.h"

#include "suites.h"
#include "testlib.h"

START_TEST(test_design_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *
suite_design(void)
{
	Suite *s = suite_create("design");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_design_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
