/*
 * check_rules.c: tests of rules.c.
 */
#include "config.h"

#include "suites.h"
#include "testlib.h"

START_TEST(test_rules_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *
suite_rules(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_rules_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
