/*
 * check_import.c: tests of import.c.
 */
#include "config.h"

#include "suites.h"
#include "testlib.h"

START_TEST(test_import_placeholder)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *
suite_import(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_import_placeholder);
	suite_add_tcase(s, tc);
	return s;
}
