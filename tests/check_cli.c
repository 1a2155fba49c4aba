/*
 * check_cli.c: tests of cli.c.
 */
#include "config.h"

#include "suites.h"
#include "testlib.h"

START_TEST(test_cli_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *
suite_cli(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_cli_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
