/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_stale.c: tests of stale.c (law changes under the rules), the
 * `rules stale` command and the stale marks that check_run() sets.
 *
 * The real version pairs: Jeugdwet 2015-01-01 and 2026-01-01 (extracts),
 * BW Boek 1 2012 (the full <wetgeving> file, imported with --date
 * 2012-01-01) and 2025-07-05 (extract).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "design.h"
#include "digest.h"
#include "format.h"
#include "report.h"
#include "rules.h"
#include "stale.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"

static char *tmp, *db;

static void
setup_real(void)
{
	char *bw12 =
	    t_sharedpath("corpus/bwb/BWBR0002656_wettenbestand-2012.xml");
	char *bw25 =
	    t_sharedpath("corpus/extracts/BWBR0002656_2025-07-05_extract.xml");
	char *jw15 =
	    t_sharedpath("corpus/extracts/BWBR0034925_2015-01-01_extract.xml");
	char *jw26 =
	    t_sharedpath("corpus/extracts/BWBR0034925_2026-01-01_extract.xml");
	char *out, *err;
	int rc;

	tmp = t_tmpdir();
	db = xasprintf("%s/reg.db", tmp);
	rc = t_cli(&out, &err, "--db", db, "import", "-q", "--date",
	           "2012-01-01", bw12, bw25, jw15, jw26, NULL);
	ck_assert_msg(rc == 0, "import: %s", err);
	free(out);
	free(err);
	free(bw12);
	free(bw25);
	free(jw15);
	free(jw26);
}

static void
teardown_real(void)
{
	t_tmpdir_cleanup(tmp);
	free(tmp);
	free(db);
}

static struct ruleset *
load_rules(const char *rel)
{
	char *dir = t_src(rel);
	struct ruleset *rs = NULL;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_msg(rules_load_dir(dir, &rs, &e) == PT_OK, "%s", e.msg);
	free(dir);
	return rs;
}

static struct pt_store *
open_db(void)
{
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_msg(store_open(db, &st, &e) == PT_OK, "%s", e.msg);
	return st;
}

static const struct stale_rule *
find_rule(const struct stale_report *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->rules[i].rule->id, id) == 0)
			return &r->rules[i];
	return NULL;
}

START_TEST(test_stale_real_2015_rules)
{
	struct pt_store *st = open_db();
	struct ruleset *rs = load_rules("tests/fixtures/stale/geschreven-2015");
	struct stale_report *rep = NULL;
	struct pt_err e = PT_ERR_INIT;
	const struct stale_rule *sr;
	const struct stale_provision *p;

	ck_assert_int_eq(stale_rules(st, rs, NULL, &rep, &e), PT_OK);
	ck_assert_uint_eq(rep->provisions, 6);
	ck_assert_uint_eq(rep->stale, 4);
	ck_assert_uint_eq(rep->n, 4);
	ck_assert_uint_eq(rep->unpinned, 0);

	/* Jeugdwet 2.11 lid 1: changed; 3.2 lid 1 of the same rule did not. */
	sr = find_rule(rep, "oud-jw-2-11");
	ck_assert_ptr_nonnull(sr);
	ck_assert_uint_eq(sr->n, 1);
	p = &sr->provisions[0];
	ck_assert_str_eq(p->rp->artikel, "2.11");
	ck_assert_int_eq(p->reason, STALE_CHANGED);
	ck_assert_str_eq(p->old_date, "2015-01-01");
	ck_assert_str_eq(p->new_date, "2026-01-01");
	ck_assert(t_contains(
	    p->old_text, "behoudens de vaststelling van de "
	                 "rechten en plichten van de jeugdige of zijn ouders"));
	ck_assert(!t_contains(p->new_text, "behoudens"));
	ck_assert(t_contains(p->new_text,
	                     "Het college kan de uitvoering van "
	                     "deze wet door derden laten verrichten."));

	/* Jeugdwet 3.1 lid 1: AMHK became Veilig Thuis. */
	sr = find_rule(rep, "oud-jw-3-1");
	ck_assert_ptr_nonnull(sr);
	ck_assert_int_eq(sr->provisions[0].reason, STALE_CHANGED);
	ck_assert(
	    t_contains(sr->provisions[0].old_text, "advies- en meldpunt"));
	ck_assert(t_contains(sr->provisions[0].new_text, "Veilig Thuis"));

	/* BW 1:238 lid 5 changed between the 2012 text and 2025; 239 lid 5 not.
	 */
	sr = find_rule(rep, "oud-bw-238");
	ck_assert_ptr_nonnull(sr);
	ck_assert_uint_eq(sr->n, 1);
	p = &sr->provisions[0];
	ck_assert_str_eq(p->rp->artikel, "238");
	ck_assert_int_eq(p->reason, STALE_CHANGED);
	ck_assert_str_eq(p->old_date, "2012-01-01");
	ck_assert_str_eq(p->new_date, "2025-07-05");
	ck_assert(t_contains(p->old_text, "Wet op de jeugdzorg"));
	ck_assert(t_contains(p->new_text, "gecertificeerde instelling"));

	/* BW 1:265b is not in the 2012 text: nothing to compare with. */
	sr = find_rule(rep, "oud-bw-265b");
	ck_assert_ptr_nonnull(sr);
	p = &sr->provisions[0];
	ck_assert_int_eq(p->reason, STALE_NO_BASELINE);
	ck_assert_ptr_null(p->old_text);
	ck_assert(t_contains(
	    p->new_text,
	    "De machtiging kan eveneens worden "
	    "verleend op verzoek van de raad voor de kinderbescherming"));

	stale_report_free(rep);
	rules_free(rs);
	store_close(st);
}
END_TEST

START_TEST(test_stale_real_2026_rules_no_alarm)
{
	struct pt_store *st = open_db();
	struct ruleset *rs = load_rules("tests/fixtures/stale/geschreven-2026");
	struct stale_report *rep = NULL;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_int_eq(stale_rules(st, rs, NULL, &rep, &e), PT_OK);
	ck_assert_uint_eq(rep->provisions, 6);
	ck_assert_uint_eq(rep->stale, 0);
	ck_assert_uint_eq(rep->n, 0);
	stale_report_free(rep);
	/* Compared with the texts of 2015 the 2026 rules are not stale
	 * either: an older date is never a later version. */
	ck_assert_int_eq(stale_rules(st, rs, "2015-06-01", &rep, &e), PT_OK);
	ck_assert_uint_eq(rep->stale, 0);
	stale_report_free(rep);
	rules_free(rs);
	store_close(st);
}
END_TEST

START_TEST(test_stale_hash)
{
	struct pt_store *st = open_db();
	struct store_provision p15, p26, p32;
	struct pt_err e = PT_ERR_INIT;
	char h15[DIGEST_SHA256_HEX], h26[DIGEST_SHA256_HEX],
	    h32[DIGEST_SHA256_HEX];
	struct ruleset *rs = rules_new();
	struct stale_report *rep = NULL;
	struct pt_buf x = PT_BUF_INIT;

	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "2.11", "1",
	                                    "2015-01-01", &p15, &e),
	                 PT_OK);
	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "2.11", "1",
	                                    "2026-01-01", &p26, &e),
	                 PT_OK);
	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "3.2", "1",
	                                    "2015-01-01", &p32, &e),
	                 PT_OK);
	digest_sha256_mem(p15.text, strlen(p15.text), h15);
	digest_sha256_mem(p26.text, strlen(p26.text), h26);
	digest_sha256_mem(p32.text, strlen(p32.text), h32);
	/* Only a hash, no date: the newest text is compared with it. */
	pt_buf_addf(
	    &x,
	    "<regels>"
	    "<regel id=\"h-oud\" soort=\"barrier\" "
	    "ernst=\"low\"><titel>t</titel>"
	    "<toewijzing><taken>jeugdhulp</taken></toewijzing>"
	    "<bepaling bwb=\"BWBR0034925\" artikel=\"2.11\" lid=\"1\" "
	    "zekerheid=\"V15\" tekst-sha256=\"%s\"/>"
	    "<wijziging niveau=\"wet\">w</wijziging></regel>"
	    "<regel id=\"h-nieuw\" soort=\"barrier\" "
	    "ernst=\"low\"><titel>t</titel>"
	    "<toewijzing><taken>jeugdhulp</taken></toewijzing>"
	    "<bepaling bwb=\"BWBR0034925\" artikel=\"2.11\" lid=\"1\" "
	    "zekerheid=\"V26\" tekst-sha256=\"%s\"/>"
	    "<bepaling bwb=\"BWBR0034925\" artikel=\"3.2\" lid=\"1\" "
	    "zekerheid=\"V26\" getoetst-aan=\"2015-01-01\" "
	    "tekst-sha256=\"%s\"/>"
	    "<bepaling bwb=\"BWBR0034925\" artikel=\"3.3\" zekerheid=\"V26\"/>"
	    "<wijziging niveau=\"wet\">w</wijziging></regel>"
	    "</regels>",
	    h15, h26, h32);
	ck_assert_msg(rules_load_memory(rs, x.s, x.len, "hash.xml", &e) ==
	                  PT_OK,
	              "%s", e.msg);
	ck_assert_int_eq(stale_rules(st, rs, NULL, &rep, &e), PT_OK);
	ck_assert_uint_eq(rep->provisions, 4);
	ck_assert_uint_eq(rep->unpinned, 1);
	ck_assert_uint_eq(rep->n, 1);
	ck_assert_str_eq(rep->rules[0].rule->id, "h-oud");
	ck_assert_int_eq(rep->rules[0].provisions[0].reason, STALE_CHANGED);
	/* Without a date there is no old text to show, only the hash. */
	ck_assert_ptr_null(rep->rules[0].provisions[0].old_text);
	stale_report_free(rep);

	store_provision_release(&p15);
	store_provision_release(&p26);
	store_provision_release(&p32);
	pt_buf_release(&x);
	rules_free(rs);
	store_close(st);
}
END_TEST

START_TEST(test_stale_cli)
{
	char *out, *err, *r15 = t_src("tests/fixtures/stale/geschreven-2015");
	char *r26 = t_src("tests/fixtures/stale/geschreven-2026");
	int rc;

	rc = t_cli(&out, &err, "--db", db, "rules", "stale", "--rules", r15,
	           NULL);
	ck_assert_msg(rc == 1, "exit %d: %s", rc, err);
	ck_assert(t_contains(out, "Rules to re-review: 4 (4 provisions)"));
	ck_assert(
	    t_contains(out, "art. 2.11 lid 1 Jeugdwet (BWBR0034925): changed"));
	ck_assert(t_contains(
	    out, "written against: 2015-01-01 (version 2015-01-01)"));
	ck_assert(t_contains(out, "now: version 2026-01-01"));
	ck_assert(t_contains(out,
	                     "[-het advies- en meldpunt huiselijk geweld en "
	                     "kindermishandeling-] {+Veilig Thuis+}"));
	ck_assert(t_contains(
	    out, "art. 1:265b lid 2 BW (BWBR0002656): baseline-missing"));
	ck_assert(!t_contains(out, "art. 3.2 lid 1"));
	ck_assert(!t_contains(out, "\033["));
	free(out);
	free(err);

	rc = t_cli(&out, &err, "--db", db, "rules", "stale", "--rules", r15,
	           "--format", "json", NULL);
	ck_assert_int_eq(rc, 1);
	ck_assert(t_contains(out, "\"reason\": \"changed\""));
	ck_assert(t_contains(out, "\"reason\": \"baseline-missing\""));
	ck_assert(t_contains(out, "\"stale\": 4"));
	ck_assert(t_contains(out, "\"op\": \"insert\""));
	free(out);
	free(err);

	rc = t_cli(&out, &err, "--db", db, "rules", "stale", "--rules", r26,
	           NULL);
	ck_assert_msg(rc == 0, "exit %d: %s", rc, err);
	ck_assert(
	    t_contains(out, "No rule rests on a provision whose text changed"));
	ck_assert(t_contains(out, "6 provisions cited, 0 to re-review"));
	free(out);
	free(err);

	rc = t_cli(&out, &err, "--db", db, "rules", "frobnicate", NULL);
	ck_assert_int_eq(rc, 2);
	free(out);
	free(err);
	free(r15);
	free(r26);
}
END_TEST

/* The stale marks check_run() sets on quoted provisions. */
static struct check_result *
run_check(struct pt_store *st, const struct ruleset *rs, const char *design,
          struct design **dp)
{
	char *path = t_src(design);
	struct pt_err e = PT_ERR_INIT;
	struct check_result *r = NULL;

	ck_assert_msg(design_load(path, NULL, dp, &e) == PT_OK, "%s", e.msg);
	ck_assert_msg(check_run(*dp, rs, st, &r, &e) == PT_OK, "%s", e.msg);
	free(path);
	return r;
}

static const struct finding *
finding_of(const struct check_result *r, const char *rule)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule->id, rule) == 0)
			return &r->findings[i];
	ck_abort_msg("no finding of %s", rule);
	return NULL;
}

START_TEST(test_stale_check_marks)
{
	struct pt_store *st = open_db();
	struct ruleset *r15 =
	    load_rules("tests/fixtures/stale/geschreven-2015");
	struct ruleset *r26 =
	    load_rules("tests/fixtures/stale/geschreven-2026");
	struct design *d;
	struct check_result *r;
	const struct finding *f;
	struct pt_buf b = PT_BUF_INIT;

	/* Peildatum 2026: the 2015 rules quote changed texts. */
	r = run_check(st, r15, "tests/fixtures/stale/wijkteam-ots-2026.xml",
	              &d);
	f = finding_of(r, "oud-jw-2-11");
	ck_assert_uint_eq(f->nprovisions, 2);
	ck_assert_int_eq(f->provisions[0].stale, 1); /* 2.11 lid 1 */
	ck_assert_int_eq(f->provisions[1].stale, 0); /* 3.2 lid 1 */
	ck_assert_int_eq(finding_of(r, "oud-jw-3-1")->provisions[0].stale, 1);
	f = finding_of(r, "oud-bw-238");
	ck_assert_int_eq(f->provisions[0].stale, 1);
	ck_assert_int_eq(f->provisions[1].stale, 0);
	/* No baseline is no reason to say the text changed. */
	ck_assert_int_eq(finding_of(r, "oud-bw-265b")->provisions[0].stale, 0);
	/* The report says so next to the provision. */
	t_report(&b, "text", &r, 1);
	ck_assert(t_contains(b.s, "de tekst is gewijzigd sinds de regel is"));
	/* and which version the rule, and its mark, were checked against */
	ck_assert(t_contains(b.s, "geciteerd uit de versie van 2026-01-01"));
	ck_assert(
	    t_contains(b.s, "getoetst aan de versie van 2015-01-01, het"));
	pt_buf_release(&b);
	check_result_free(r);
	design_free(d);

	/* Peildatum 2015-06-01: the texts the rules were written against. */
	r = run_check(st, r15, "tests/fixtures/stale/wijkteam-ots-2015.xml",
	              &d);
	ck_assert_int_eq(finding_of(r, "oud-jw-2-11")->provisions[0].stale, 0);
	ck_assert_int_eq(finding_of(r, "oud-jw-3-1")->provisions[0].stale, 0);
	ck_assert_int_eq(finding_of(r, "oud-bw-238")->provisions[0].stale, 0);
	check_result_free(r);
	design_free(d);

	/* Rules written against the current texts: no false alarm. */
	r = run_check(st, r26, "tests/fixtures/stale/wijkteam-ots-2026.xml",
	              &d);
	ck_assert_int_eq(finding_of(r, "oud-jw-2-11")->provisions[0].stale, 0);
	ck_assert_int_eq(finding_of(r, "oud-jw-3-1")->provisions[0].stale, 0);
	ck_assert_int_eq(finding_of(r, "oud-bw-238")->provisions[0].stale, 0);
	t_report(&b, "text", &r, 1);
	ck_assert(!t_contains(b.s, "de tekst is gewijzigd"));
	pt_buf_release(&b);
	check_result_free(r);
	design_free(d);

	rules_free(r15);
	rules_free(r26);
	store_close(st);
}
END_TEST

/* --- repealed and gone, in a registry made by hand ---------------------------
 */

static void
put(struct pt_store *st, long long vid, const char *art, const char *lid,
    const char *text, const char *status, int seq)
{
	struct store_provision_in in;
	struct pt_err e = PT_ERR_INIT;
	long long pid;

	memset(&in, 0, sizeof in);
	in.artikel = art;
	in.lid = lid;
	in.label = "Artikel";
	in.text = text;
	in.status = status;
	in.path = "";
	in.seq = seq;
	ck_assert_int_eq(store_put_provision(st, vid, &in, &pid, &e), PT_OK);
}

START_TEST(test_stale_repealed_gone)
{
	char *dir = t_tmpdir(), *path = xasprintf("%s/hand.db", dir);
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;
	struct ruleset *rs = rules_new();
	struct stale_report *rep = NULL;
	struct stale_provision sp;
	long long law, v1, v2;
	int rep_, stale = 0;
	const char *xml =
	    "<regels><regel id=\"r\" soort=\"barrier\" "
	    "ernst=\"low\"><titel>t</titel>"
	    "<toewijzing><taken>jeugdhulp</taken></toewijzing>"
	    "<bepaling bwb=\"BWBR0099999\" artikel=\"1\" lid=\"1\" "
	    "zekerheid=\"V26\" getoetst-aan=\"2020-06-01\"/>"
	    "<bepaling bwb=\"BWBR0099999\" artikel=\"2\" zekerheid=\"V26\" "
	    "getoetst-aan=\"2020-06-01\"/>"
	    "<bepaling bwb=\"BWBR0099999\" artikel=\"3\" zekerheid=\"V26\" "
	    "getoetst-aan=\"2020-06-01\"/>"
	    "<bepaling bwb=\"BWBR0099999\" artikel=\"1\" lid=\"2\" "
	    "zekerheid=\"V26\" getoetst-aan=\"2020-06-01\"/>"
	    "<bepaling bwb=\"BWBR0088888\" artikel=\"1\" zekerheid=\"V26\" "
	    "getoetst-aan=\"2020-06-01\"/>"
	    "<wijziging niveau=\"wet\">w</wijziging></regel></regels>";

	ck_assert_int_eq(store_open(path, &st, &e), PT_OK);
	ck_assert_int_eq(
	    store_put_law(st, "BWBR0099999", "Proefwet", "wet", &law, &e),
	    PT_OK);
	ck_assert_int_eq(store_put_version(st, law, "2020-01-01", "a.xml", "aa",
	                                   1, &v1, &rep_, &e),
	                 PT_OK);
	ck_assert_int_eq(store_put_version(st, law, "2024-01-01", "b.xml", "bb",
	                                   1, &v2, &rep_, &e),
	                 PT_OK);
	put(st, v1, "1", NULL, "1. De wet geldt. 2. Ook hier.", "goed", 1);
	put(st, v1, "1", "1", "1. De wet geldt.", "goed", 2);
	put(st, v1, "1", "2", "2. Ook hier.", "goed", 3);
	put(st, v1, "2", NULL, "Een artikel dat verdwijnt.", "goed", 4);
	put(st, v1, "3", NULL, "Een artikel dat vervalt.", "goed", 5);
	/* 2024: 1 lid 1 the same (white space aside), lid 2 gone, 2 gone, 3
	 * vervallen. */
	put(st, v2, "1", NULL, "1. De wet  geldt.", "goed", 1);
	put(st, v2, "1", "1", "1. De wet\n geldt.", "goed", 2);
	put(st, v2, "3", NULL, "[Vervallen per 01-01-2024]", "vervallen", 3);

	ck_assert_int_eq(
	    rules_load_memory(rs, xml, strlen(xml), "hand.xml", &e), PT_OK);
	ck_assert_int_eq(stale_rules(st, rs, NULL, &rep, &e), PT_OK);
	ck_assert_uint_eq(rep->provisions, 5);
	ck_assert_uint_eq(rep->stale, 3);
	ck_assert_uint_eq(rep->unchecked, 1); /* BWBR0088888 not imported */
	ck_assert_uint_eq(rep->n, 1);
	ck_assert_str_eq(rep->rules[0].provisions[0].rp->artikel, "2");
	ck_assert_int_eq(rep->rules[0].provisions[0].reason, STALE_GONE);
	ck_assert_ptr_null(rep->rules[0].provisions[0].new_text);
	ck_assert_str_eq(rep->rules[0].provisions[0].old_text,
	                 "Een artikel dat verdwijnt.");
	ck_assert_str_eq(rep->rules[0].provisions[1].rp->artikel, "3");
	ck_assert_int_eq(rep->rules[0].provisions[1].reason, STALE_REPEALED);
	ck_assert_str_eq(rep->rules[0].provisions[2].rp->lid, "2");
	ck_assert_int_eq(rep->rules[0].provisions[2].reason, STALE_GONE);
	stale_report_free(rep);

	/* At a date in force with the baseline's version: nothing. */
	ck_assert_int_eq(
	    stale_check(st, &rs->rules[0].provisions[2], "2023-12-31", &sp, &e),
	    PT_OK);
	ck_assert_int_eq(sp.reason, STALE_NONE);
	ck_assert_int_eq(sp.checked, 1);
	stale_provision_release(&sp);
	/* Before the baseline: nothing either. */
	ck_assert_int_eq(
	    stale_check(st, &rs->rules[0].provisions[2], "2019-01-01", &sp, &e),
	    PT_OK);
	ck_assert_int_eq(sp.reason, STALE_NONE);
	stale_provision_release(&sp);
	ck_assert_int_eq(stale_mark(st, &rs->rules[0].provisions[0],
	                            "2024-06-01", &stale, &e),
	                 PT_OK);
	ck_assert_int_eq(stale, 0);
	ck_assert_int_eq(stale_mark(st, &rs->rules[0].provisions[2],
	                            "2024-06-01", &stale, &e),
	                 PT_OK);
	ck_assert_int_eq(stale, 1);
	ck_assert_int_eq(stale_mark(NULL, &rs->rules[0].provisions[2],
	                            "2024-06-01", &stale, &e),
	                 PT_OK);

	rules_free(rs);
	store_close(st);
	t_tmpdir_cleanup(dir);
	free(dir);
	free(path);
}
END_TEST

START_TEST(test_stale_names)
{
	ck_assert_str_eq(stale_reason_name(STALE_CHANGED), "changed");
	ck_assert_str_eq(stale_reason_name(STALE_REPEALED), "repealed");
	ck_assert_str_eq(stale_reason_name(STALE_GONE), "gone");
	ck_assert_str_eq(stale_reason_name(STALE_NO_BASELINE),
	                 "baseline-missing");
	ck_assert(stale_marks_finding(STALE_CHANGED));
	ck_assert(stale_marks_finding(STALE_REPEALED));
	ck_assert(stale_marks_finding(STALE_GONE));
	ck_assert(!stale_marks_finding(STALE_NO_BASELINE));
	ck_assert(!stale_marks_finding(STALE_NONE));
}
END_TEST

Suite *
suite_stale(void)
{
	Suite *s = suite_create("stale");
	TCase *real = tcase_create("real");
	TCase *hand = tcase_create("hand");

	tcase_add_checked_fixture(real, setup_real, teardown_real);
	tcase_set_timeout(real, 120);
	tcase_add_test(real, test_stale_real_2015_rules);
	tcase_add_test(real, test_stale_real_2026_rules_no_alarm);
	tcase_add_test(real, test_stale_hash);
	tcase_add_test(real, test_stale_cli);
	tcase_add_test(real, test_stale_check_marks);
	suite_add_tcase(s, real);
	tcase_add_test(hand, test_stale_repealed_gone);
	tcase_add_test(hand, test_stale_names);
	suite_add_tcase(s, hand);
	return s;
}
