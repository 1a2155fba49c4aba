/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_main.c: runs every suite.  Select with CK_RUN_SUITE / CK_RUN_CASE;
 * debug in-process with CK_FORK=no.
 */
#include "config.h"

#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(suite_err());
	srunner_add_suite(sr, suite_fileio());
	srunner_add_suite(sr, suite_bwb());
	srunner_add_suite(sr, suite_store());
	srunner_add_suite(sr, suite_import());
	srunner_add_suite(sr, suite_design());
	srunner_add_suite(sr, suite_rules());
	srunner_add_suite(sr, suite_check());
	srunner_add_suite(sr, suite_ruimte());
	srunner_add_suite(sr, suite_report());
	srunner_add_suite(sr, suite_cite());
	srunner_add_suite(sr, suite_stale());
	srunner_add_suite(sr, suite_diff());
	srunner_add_suite(sr, suite_amend());
	srunner_add_suite(sr, suite_odt());
	srunner_add_suite(sr, suite_svg());
	srunner_add_suite(sr, suite_cli());
	srunner_add_suite(sr, suite_review());
	srunner_add_suite(sr, suite_update());
	srunner_add_suite(sr, suite_serve());
	srunner_add_suite(sr, suite_designform());
	srunner_add_suite(sr, suite_badinput());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
