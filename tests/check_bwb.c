/*
 * check_bwb.c: tests of bwb.c.
 */
#include "config.h"

#include "suites.h"
#include "testlib.h"

START_TEST(test_bwb_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *
suite_bwb(void)
{
	Suite *s = suite_create("bwb");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_bwb_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
