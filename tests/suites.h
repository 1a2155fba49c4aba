/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * suites.h: one Check suite per module; tests/check_main.c runs them all.
 */
#ifndef PROEFTOETS_TESTS_SUITES_H
#define PROEFTOETS_TESTS_SUITES_H

#include <check.h>

Suite *suite_err(void);
Suite *suite_fileio(void);
Suite *suite_bwb(void);
Suite *suite_store(void);
Suite *suite_import(void);
Suite *suite_design(void);
Suite *suite_rules(void);
Suite *suite_check(void);
Suite *suite_ruimte(void);
Suite *suite_report(void);
Suite *suite_cite(void);
Suite *suite_stale(void);
Suite *suite_diff(void);
Suite *suite_amend(void);
Suite *suite_odt(void);
Suite *suite_svg(void);
Suite *suite_cli(void);
Suite *suite_review(void);
Suite *suite_update(void);
Suite *suite_serve(void);
Suite *suite_designform(void);
Suite *suite_badinput(void);

#endif
