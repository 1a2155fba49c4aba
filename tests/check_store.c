/*
 * check_store.c: tests of store.c.
 */
#include "config.h"

#include "suites.h"
#include "testlib.h"

START_TEST(test_store_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *
suite_store(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_store_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
