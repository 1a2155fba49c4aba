/*
 * check_check.c: tests of check.c.
 */
#include "config.h"

#include "suites.h"
#include "testlib.h"

START_TEST(test_check_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *
suite_check(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_check_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
