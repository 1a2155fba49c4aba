/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_review.c: saved proeftuinen and the review workflow: versions by
 * SHA-256, decisions that stay attached, resolved findings, validation,
 * the append-only log, hostile text, and concurrent reviewers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "check.h"
#include "cli.h"
#include "design.h"
#include "json.h"
#include "review.h"
#include "rules.h"
#include "saved.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"

/* In noord.xml: uitvoering-ots alone stays; jeugdhulp makes the combination. */
#define F_UITVOERING "noord/jw-3.2-1-uitvoering/rvt-noord"
#define F_COMBINATIE "noord/jw-3.2-2-hulp-en-maatregel/rvt-noord"

static char *dir, *db, *rules, *v1, *v2;
static char *v1_xml;
static size_t v1_len;

static void
setup(void)
{
	char *path, *s, *cut, *end;
	size_t len;

	dir = t_tmpdir();
	db = xasprintf("%s/reg.db", dir);
	rules = t_src("rules");
	path = t_src("xml/proeftuinen/noord.xml");
	v1_xml = t_read(path, &v1_len);
	ck_assert_ptr_nonnull(v1_xml);
	free(path);
	v1 = t_write(dir, "noord-v1.xml", v1_xml, v1_len);
	/* Version 2: the team no longer gives jeugdhulp. */
	s = xstrdup(v1_xml);
	cut = strstr(s, "<taak id=\"jeugdhulp\"");
	ck_assert_ptr_nonnull(cut);
	end = strchr(cut, '\n');
	memmove(cut, end + 1, strlen(end + 1) + 1);
	len = strlen(s);
	v2 = t_write(dir, "noord-v2.xml", s, len);
	free(s);
}

static void
teardown(void)
{
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
	free(rules);
	free(v1);
	free(v2);
	free(v1_xml);
}

static int
add(const char *path, char **out)
{
	return t_cli(out, NULL, "--db", db, "proeftuin", "add", "--rules",
	             rules, path, NULL);
}

static int
set(const char *id, const char *status, const char *by, const char *note,
    char **err)
{
	if (note)
		return t_cli(NULL, err, "--db", db, "review", "set", id, status,
		             "--by", by, "--note", note, NULL);
	return t_cli(NULL, err, "--db", db, "review", "set", id, status, "--by",
	             by, NULL);
}

static long long
log_rows(void)
{
	return t_db_int(db, "SELECT count(*) FROM review_log");
}

/* The current status of a finding as review_list reports it. */
static char *
status_of(const char *id)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct review_item *it;
	char *s;

	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(review_get(st, id, &it, &e), PT_OK);
	s = xstrdup(it->status);
	review_list_free(it, 1);
	store_close(st);
	return s;
}

START_TEST(test_review_save_versions_by_sha256)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct saved_proeftuin *list;
	char *out, *xml;
	size_t n, len;

	ck_assert_int_eq(add(v1, &out), PT_OK);
	ck_assert(t_contains(out, "saved     noord: version 1"));
	free(out);
	/* The same bytes again add no version. */
	ck_assert_int_eq(add(v1, &out), PT_OK);
	ck_assert(t_contains(out, "unchanged noord: version 1"));
	free(out);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin_version"),
	                 1);
	ck_assert_int_eq(add(v2, NULL), PT_OK);
	/* Back to the first design: the latest version is the one saved last.
	 */
	ck_assert_int_eq(add(v1, &out), PT_OK);
	ck_assert(t_contains(out, "saved     noord: version 3"));
	free(out);
	ck_assert_int_eq(
	    t_db_int(db,
	             "SELECT count(DISTINCT sha256) FROM proeftuin_version"),
	    2);

	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(saved_list(st, &list, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(list[0].id, "noord");
	ck_assert_str_eq(list[0].naam, "Proeftuin Noord");
	ck_assert_str_eq(list[0].peildatum, "2026-07-01");
	ck_assert_int_eq(list[0].versions, 3);
	ck_assert_int_eq(strlen(list[0].saved_at), 20);
	saved_list_free(list, n);
	ck_assert_int_eq(saved_latest_design(st, "noord", &xml, &len, &e),
	                 PT_OK);
	ck_assert_uint_eq(len, v1_len);
	ck_assert(memcmp(xml, v1_xml, len) == 0);
	free(xml);
	ck_assert_int_eq(saved_latest_design(st, "zuid", &xml, &len, &e),
	                 PT_ENOTFOUND);
	ck_assert_ptr_null(xml);
	store_close(st);

	/* Version 2 lacks the combination finding; versions 1 and 3 have it. */
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM finding_snapshot s"
	                 " JOIN proeftuin_version v ON v.id = s.version_id"
	                 " WHERE s.finding_id = '" F_COMBINATIE "'"
	                 " AND v.seq IN (1, 3)"),
	    2);
	ck_assert_int_eq(
	    t_db_int(db,
	             "SELECT count(*) FROM finding_snapshot s"
	             " JOIN proeftuin_version v ON v.id = s.version_id"
	             " WHERE s.finding_id = '" F_COMBINATIE "' AND v.seq = 2"),
	    0);
	ck_assert_int_eq(
	    t_db_int(
	        db,
	        "SELECT count(*) FROM finding_snapshot"
	        " WHERE finding_id = '" F_UITVOERING "'"
	        " AND rule = 'jw-3.2-1-uitvoering' AND kind = 'barrier'"
	        " AND severity = 'blocking' AND actors = '[\"rvt-noord\"]'"
	        " AND tasks = '[\"uitvoering-ots\"]'"
	        " AND jci LIKE "
	        "'[\"jci1.3:c:BWBR0034925&artikel=3.2&lid=1&g=2026-07-01\"%'"),
	    3);
}
END_TEST

START_TEST(test_review_snapshot_matches_check)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct ruleset *rs;
	struct design *d;
	struct check_result *r;
	struct saved_put_info info;

	ck_assert_int_eq(rules_load_dir(rules, &rs, &e), PT_OK);
	ck_assert_int_eq(
	    design_load_memory(v1_xml, v1_len, "noord.xml", NULL, &d, &e),
	    PT_OK);
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(check_run(d, rs, st, &r, &e), PT_OK);
	ck_assert_int_eq(saved_put(st, r, v1_xml, v1_len, &info, &e), PT_OK);
	ck_assert_int_eq(info.added, 1);
	ck_assert_int_eq(info.version, 1);
	ck_assert_int_eq(strlen(info.sha256), 64);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM finding_snapshot"),
	                 (long long)r->nfindings);
	ck_assert_int_eq(t_db_int(db, "SELECT barriers FROM proeftuin_version"),
	                 (long long)r->nbarriers);
	ck_assert_int_eq(t_db_int(db, "SELECT risks FROM proeftuin_version"),
	                 (long long)r->nrisks);
	ck_assert_int_eq(saved_put(st, r, v1_xml, v1_len, &info, &e), PT_OK);
	ck_assert_int_eq(info.added, 0);
	ck_assert_int_eq(info.version, 1);

	/* saved_review_apply: open by default, then the last decision. */
	ck_assert_int_eq(saved_review_apply(st, r, &e), PT_OK);
	ck_assert_str_eq(r->findings[0].review_status, "open");
	ck_assert_ptr_null(r->findings[0].review_note);
	ck_assert_int_eq(review_set(st, r->findings[0].id, REVIEW_MITIGATED,
	                            "Ann", "certificaat aangevraagd", NULL, &e),
	                 PT_OK);
	ck_assert_int_eq(review_set(st, r->findings[0].id, REVIEW_CONFIRMED,
	                            "Bo", NULL, NULL, &e),
	                 PT_OK);
	ck_assert_int_eq(saved_review_apply(st, r, &e), PT_OK);
	ck_assert_str_eq(r->findings[0].review_status, "confirmed");
	ck_assert_ptr_null(r->findings[0].review_note);
	ck_assert_str_eq(r->findings[1].review_status, "open");
	check_result_free(r);
	store_close(st);
	design_free(d);
	rules_free(rs);
}
END_TEST

START_TEST(test_review_check_shows_decisions)
{
	char *out;
	const char *note = "Geen belemmering: \"de wet\" staat het toe";

	/* check --save stores the design and still reports as check does. */
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "check", "--save",
	                       "--rules", rules, "--format", "json", v1, NULL),
	                 PT_FINDINGS);
	ck_assert(t_contains(out, "\"status\": \"open\""));
	free(out);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin_version"),
	                 1);
	ck_assert_int_eq(set(F_UITVOERING, "rejected", "Ann", note, NULL),
	                 PT_OK);

	/* check without --save shows the stored status and note everywhere. */
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "check", "--rules",
	                       rules, "--format", "json", v1, NULL),
	                 PT_FINDINGS);
	ck_assert(t_contains(out, "\"status\": \"rejected\""));
	ck_assert(t_contains(
	    out,
	    "\"note\": \"Geen belemmering: \\\"de wet\\\" staat het toe\""));
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "check", "--rules",
	                       rules, "--format", "csv", v1, NULL),
	                 PT_FINDINGS);
	/* Dutch reports give the Dutch label, JSON the machine value. */
	ck_assert(t_contains(out, ",verworpen,"));
	ck_assert(!t_contains(out, "rejected"));
	free(out);
	ck_assert_int_eq(
	    t_cli(&out, NULL, "--db", db, "check", "--rules", rules, v1, NULL),
	    PT_FINDINGS);
	ck_assert(t_contains(out, "verworpen (Geen belemmering"));
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "check", "--rules",
	                       rules, "--format", "markdown", v1, NULL),
	                 PT_FINDINGS);
	ck_assert(t_contains(out, "verworpen"));
	ck_assert(!t_contains(out, "rejected"));
	free(out);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin_version"),
	                 1);
}
END_TEST

START_TEST(test_review_status_labels)
{
	static const char *const want[REVIEW_NSTATUS] = {
	    [REVIEW_OPEN] = "open",
	    [REVIEW_CONFIRMED] = "bevestigd",
	    [REVIEW_REJECTED] = "verworpen",
	    [REVIEW_MITIGATED] = "ondervangen",
	    [REVIEW_NEEDS_AMENDMENT] = "wetswijziging nodig"};
	int s;

	for (s = 0; s < REVIEW_NSTATUS; s++)
		ck_assert_str_eq(review_status_label(
		                     review_status_name((enum review_status)s)),
		                 want[s]);
	ck_assert_str_eq(review_status_label(REVIEW_RESOLVED), "opgelost");
	ck_assert_str_eq(review_status_label(NULL), "open");
	/* A value it does not know is shown as it was recorded. */
	ck_assert_str_eq(review_status_label("aanvaard"), "aanvaard");
}
END_TEST

START_TEST(test_review_validation)
{
	char *err;

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	ck_assert_int_eq(
	    set("noord/no-such-rule/x", "confirmed", "Ann", NULL, &err),
	    PT_ENOTFOUND);
	ck_assert(t_contains(err, "unknown finding 'noord/no-such-rule/x'"));
	free(err);
	ck_assert_int_eq(set(F_UITVOERING, "approved", "Ann", NULL, &err),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "unknown status 'approved'"));
	free(err);
	ck_assert_int_eq(set(F_UITVOERING, "resolved", "Ann", NULL, NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(set(F_UITVOERING, "confirmed", "", NULL, NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(set(F_UITVOERING, "confirmed", " \t\n", NULL, NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "review", "set",
	                       F_UITVOERING, "confirmed", NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", db, "review", "set", F_UITVOERING, NULL),
	    PT_EUSAGE);
	/* A rejection says why. */
	ck_assert_int_eq(set(F_UITVOERING, "rejected", "Ann", NULL, &err),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "needs a note"));
	free(err);
	ck_assert_int_eq(set(F_UITVOERING, "rejected", "Ann", "  ", NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(
	    set(F_UITVOERING, "confirmed", "Ann", "\xff\xfe", NULL), PT_EUSAGE);
	ck_assert_int_eq(set(F_UITVOERING, "confirmed", "\xc0\xaf", NULL, NULL),
	                 PT_EUSAGE);
	{
		/* The note's limit counts characters, not bytes: 8,000 "é"
		 * (16,000 bytes) pass, one more character does not. */
		struct pt_buf b = PT_BUF_INIT;
		int i;

		for (i = 0; i < REVIEW_NOTE_MAX + 1; i++)
			pt_buf_adds(&b, "\xc3\xa9");
		ck_assert_int_eq(
		    set(F_UITVOERING, "confirmed", "Ann", b.s, &err),
		    PT_EUSAGE);
		ck_assert(t_contains(err, "longer than 8000 characters"));
		free(err);
		ck_assert_int_eq(log_rows(), 0);
		b.s[b.len - 2] = '\0';
		ck_assert_int_eq(set(F_UITVOERING, "open", "Ann", b.s, NULL),
		                 PT_OK);
		ck_assert_int_eq(log_rows(), 1);
		ck_assert_int_eq(
		    t_db_int(db, "SELECT length(note) FROM review_log"),
		    REVIEW_NOTE_MAX);
		pt_buf_release(&b);
	}
	ck_assert_int_eq(log_rows(), 1);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "review", "list",
	                       "--status", "bogus", NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "review", "log",
	                       "noord/no-such-rule/x", NULL),
	                 PT_ENOTFOUND);
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", db, "review", "frobnicate", NULL),
	    PT_EUSAGE);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "review", NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "proeftuin", NULL),
	                 PT_EUSAGE);

	ck_assert_int_eq(set(F_UITVOERING, "rejected", "Ann",
	                     "geen OTS maar vrijwillig", NULL),
	                 PT_OK);
	ck_assert_int_eq(set(F_UITVOERING, "needs-amendment", "Bo", NULL, NULL),
	                 PT_OK);
	ck_assert_int_eq(set(F_UITVOERING, "mitigated", "Cy", "", NULL), PT_OK);
	ck_assert_int_eq(set(F_UITVOERING, "open", "Di", NULL, NULL), PT_OK);
	ck_assert_int_eq(log_rows(), 5);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM review_log WHERE note IS NULL"),
	    3);
}
END_TEST

START_TEST(test_review_log_and_list)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct review_entry *log;
	struct review_item *items;
	char *out, *s;
	size_t n, i;

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	ck_assert_int_eq(set(F_UITVOERING, "confirmed", "Ann", "echt", NULL),
	                 PT_OK);
	ck_assert_int_eq(
	    set(F_UITVOERING, "needs-amendment", "Bo", "wet wijzigen", NULL),
	    PT_OK);
	ck_assert_int_eq(
	    set(F_COMBINATIE, "mitigated", "Cy", "aparte rechtspersoon", NULL),
	    PT_OK);

	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(review_log(st, F_UITVOERING, &log, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(log[0].old_status, "open");
	ck_assert_str_eq(log[0].new_status, "confirmed");
	ck_assert_str_eq(log[0].by, "Ann");
	ck_assert_str_eq(log[0].note, "echt");
	ck_assert_str_eq(log[1].old_status, "confirmed");
	ck_assert_str_eq(log[1].new_status, "needs-amendment");
	ck_assert(log[0].id < log[1].id);
	/* UTC, ISO 8601: 2026-01-31T09:15:00Z */
	ck_assert_int_eq(strlen(log[1].at), 20);
	ck_assert(log[1].at[10] == 'T' && log[1].at[19] == 'Z');
	review_log_free(log, n);

	ck_assert_int_eq(
	    review_list(st, "noord", "needs-amendment", &items, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(items[0].id, F_UITVOERING);
	ck_assert_str_eq(items[0].by, "Bo");
	ck_assert_str_eq(items[0].note, "wet wijzigen");
	ck_assert_int_eq(items[0].entries, 2);
	review_list_free(items, n);
	ck_assert_int_eq(review_list(st, NULL, "open", &items, &n, &e), PT_OK);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(items[i].status, "open");
	ck_assert_int_eq((long long)n + 2,
	                 t_db_int(db, "SELECT count(*) FROM finding"));
	review_list_free(items, n);
	ck_assert_int_eq(review_list(st, "zuid", NULL, &items, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 0);
	review_list_free(items, n);
	store_close(st);

	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "review", "log",
	                       F_UITVOERING, "--format", "json", NULL),
	                 PT_OK);
	ck_assert(t_contains(out, "\"status\": \"needs-amendment\""));
	ck_assert(t_contains(out, "\"old_status\": \"confirmed\""));
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "review", "list",
	                       "--proeftuin", "noord", "--status", "mitigated",
	                       NULL),
	                 PT_OK);
	ck_assert(
	    t_contains(out, F_COMBINATIE "\n  status:  mitigated, by Cy at "));
	ck_assert(t_contains(out, "  note:    aparte rechtspersoon\n"));
	ck_assert(!t_contains(out, F_UITVOERING));
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "proeftuinen",
	                       "--format", "json", NULL),
	                 PT_OK);
	ck_assert(t_contains(out, "\"needs-amendment\": 1"));
	ck_assert(t_contains(out, "\"mitigated\": 1"));
	ck_assert(t_contains(out, "\"versions\": 1"));
	free(out);
	s = status_of(F_COMBINATIE);
	ck_assert_str_eq(s, "mitigated");
	free(s);
}
END_TEST

START_TEST(test_review_resolved_and_reappearing)
{
	char *out, *s, want[128];
	long long gone;

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	ck_assert_int_eq(set(F_COMBINATIE, "confirmed", "Ann", "echt", NULL),
	                 PT_OK);
	ck_assert_int_eq(set(F_UITVOERING, "confirmed", "Ann", NULL, NULL),
	                 PT_OK);
	ck_assert_int_eq(add(v2, NULL), PT_OK);

	/* Gone from the new version: resolved, with its log kept. */
	s = status_of(F_COMBINATIE);
	ck_assert_str_eq(s, "resolved");
	free(s);
	s = status_of(F_UITVOERING);
	ck_assert_str_eq(s, "confirmed");
	free(s);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "review", "list",
	                       "--status", "resolved", "--format", "json",
	                       NULL),
	                 PT_OK);
	ck_assert(t_contains(out, "\"id\": \"" F_COMBINATIE "\""));
	ck_assert(t_contains(out, "\"decision\": \"confirmed\""));
	ck_assert(!t_contains(out, F_UITVOERING));
	free(out);
	ck_assert_int_eq(
	    t_cli(&out, NULL, "--db", db, "review", "log", F_COMBINATIE, NULL),
	    PT_OK);
	ck_assert(t_contains(out, "Status:  resolved"));
	ck_assert(t_contains(out, "Ann: open -> confirmed\n    echt\n"));
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "proeftuinen", NULL),
	                 PT_OK);
	ck_assert(t_contains(out, "versions: 2"));
	gone = t_db_int(
	    db, "SELECT count(*) FROM finding WHERE id NOT IN"
	        " (SELECT finding_id FROM finding_snapshot WHERE version_id ="
	        "  (SELECT max(id) FROM proeftuin_version))");
	ck_assert_int_ge(gone, 1);
	snprintf(want, sizeof want,
	         " 1 confirmed, 0 rejected, 0 mitigated,"
	         " 0 needs-amendment, %lld resolved\n",
	         gone);
	ck_assert_msg(t_contains(out, want), "%s", out);
	free(out);
	ck_assert_int_eq(log_rows(), 2);

	/* A resolved finding takes no new decision: exit status 7, the
	 * reason named, the log as it was. */
	{
		char *err = NULL;

		ck_assert_int_eq(
		    set(F_COMBINATIE, "rejected", "Bob", "geen drempel", &err),
		    PT_ENOTFOUND);
		ck_assert_msg(t_contains(err, "is resolved") &&
		                  t_contains(err, F_COMBINATIE) &&
		                  t_contains(err, "no decision was recorded"),
		              "%s", err);
		free(err);
	}
	ck_assert_int_eq(log_rows(), 2);

	/* The design comes back: the old decision is attached again. */
	ck_assert_int_eq(add(v1, NULL), PT_OK);
	s = status_of(F_COMBINATIE);
	ck_assert_str_eq(s, "confirmed");
	free(s);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM finding"),
	    t_db_int(
	        db, "SELECT count(DISTINCT finding_id) FROM finding_snapshot"));
}
END_TEST

START_TEST(test_review_log_is_append_only)
{
	sqlite3 *h;
	char *msg = NULL;

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	ck_assert_int_eq(set(F_UITVOERING, "confirmed", "Ann", "echt", NULL),
	                 PT_OK);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_ne(
	    sqlite3_exec(h, "UPDATE review_log SET new_status = 'rejected'",
	                 NULL, NULL, &msg),
	    SQLITE_OK);
	ck_assert(t_contains(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	ck_assert_int_ne(
	    sqlite3_exec(h, "DELETE FROM review_log", NULL, NULL, &msg),
	    SQLITE_OK);
	ck_assert(t_contains(msg, "append-only"));
	sqlite3_free(msg);
	msg = NULL;
	/* Nor can the finding it is about go away. */
	ck_assert_int_ne(sqlite3_exec(h,
	                              "PRAGMA foreign_keys = ON;"
	                              "DELETE FROM finding",
	                              NULL, NULL, &msg),
	                 SQLITE_OK);
	sqlite3_free(msg);
	sqlite3_close(h);
	ck_assert_int_eq(log_rows(), 1);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM review_log"
	                 " WHERE new_status = 'confirmed' AND note = 'echt'"),
	    1);
}
END_TEST

START_TEST(test_review_hostile_text)
{
	static const char note[] = "'); DROP TABLE review_log; --\n\"quoted\" "
	                           "<script>alert(1)</script>"
	                           " &amp; \x01\x1b[31mred\\ tab\there "
	                           "\xc2\x9b ok \xe2\x80\x94 \xf0\x9f\x98\x80";
	static const char by[] = "O'Brien \"Bob\" <b>; DELETE FROM finding";
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct review_entry *log;
	struct pt_buf want = PT_BUF_INIT;
	char *out;
	size_t n;
	long long findings;

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	findings = t_db_int(db, "SELECT count(*) FROM finding");
	ck_assert_int_gt(findings, 2);
	ck_assert_int_eq(set(F_UITVOERING, "rejected", by, note, NULL), PT_OK);

	/* Stored exactly. */
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(review_log(st, F_UITVOERING, &log, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(log[0].note, note);
	ck_assert_str_eq(log[0].by, by);
	review_log_free(log, n);
	store_close(st);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM finding"),
	                 findings);

	/* JSON: the exact text, escaped. */
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "review", "log",
	                       F_UITVOERING, "--format", "json", NULL),
	                 PT_OK);
	json_escape(&want, note);
	ck_assert(t_contains(out, want.s));
	ck_assert(!t_contains(out, "\x1b"));
	pt_buf_reset(&want);
	json_escape(&want, by);
	ck_assert(t_contains(out, want.s));
	pt_buf_release(&want);
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "review", "list",
	                       "--format", "json", NULL),
	                 PT_OK);
	ck_assert(!t_contains(out, "\x1b"));
	ck_assert(t_contains(out, "\\u001b[31mred\\\\ tab\\there"));
	free(out);

	/* Text: no raw control characters; backslash and controls escaped;
	 * continuation lines indented so nothing looks like a log entry. */
	ck_assert_int_eq(
	    t_cli(&out, NULL, "--db", db, "review", "log", F_UITVOERING, NULL),
	    PT_OK);
	ck_assert(!t_contains(out, "\x1b") && !t_contains(out, "\x01"));
	ck_assert(!t_contains(out, "\xc2\x9b"));
	ck_assert(t_contains(
	    out, "    '); DROP TABLE review_log; --\n"
	         "    \"quoted\" <script>alert(1)</script> &amp; "
	         "\\x01\\x1b[31mred\\\\ tab\there \\u009b ok \xe2\x80\x94 "
	         "\xf0\x9f\x98\x80\n"));
	ck_assert(t_contains(
	    out,
	    "  O'Brien \"Bob\" <b>; DELETE FROM finding: open -> rejected"));
	free(out);

	/* HTML report: markup escaped by the report writer. */
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "check", "--rules",
	                       rules, "--format", "html", v1, NULL),
	                 PT_FINDINGS);
	ck_assert(t_contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert(!t_contains(out, "<script>alert(1)"));
	free(out);
}
END_TEST

#define NCHILD 8
#define NSET   25

/* A child process: NSET decisions on two findings, alternating. */
static void
child(int k)
{
	static const char *const st[] = {"confirmed", "mitigated",
	                                 "needs-amendment", "open"};
	FILE *null = fopen("/dev/null", "w");
	char by[32], note[64];
	int i, rc, bad = 0;

	for (i = 0; i < NSET; i++) {
		char *argv[] = {
		    (char *)"proeftoets",
		    (char *)"--db",
		    db,
		    (char *)"review",
		    (char *)"set",
		    (char *)((i + k) % 2 ? F_UITVOERING : F_COMBINATIE),
		    (char *)st[(i + k) % 4],
		    (char *)"--by",
		    by,
		    (char *)"--note",
		    note,
		    NULL};

		snprintf(by, sizeof by, "reviewer-%d", k);
		snprintf(note, sizeof note, "beslissing %d van %d", i, k);
		rc = proeftoets_main(11, argv, null, null);
		if (rc != PT_OK)
			bad++;
	}
	fclose(null);
	_exit(bad);
}

START_TEST(test_review_concurrent_reviewers)
{
	pid_t pids[NCHILD];
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct review_entry *log;
	const char *ids[2] = {F_UITVOERING, F_COMBINATIE};
	size_t n, i;
	int k, status;
	char sql[128];

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	fflush(NULL);
	for (k = 0; k < NCHILD; k++) {
		pids[k] = fork();
		ck_assert_int_ge(pids[k], 0);
		if (pids[k] == 0)
			child(k);
	}
	for (k = 0; k < NCHILD; k++) {
		ck_assert_int_eq(waitpid(pids[k], &status, 0), pids[k]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		              "child %d: %d decisions failed", k,
		              WEXITSTATUS(status));
	}
	/* Every decision landed, once. */
	ck_assert_int_eq(log_rows(), NCHILD * NSET);
	for (k = 0; k < NCHILD; k++) {
		snprintf(sql, sizeof sql,
		         "SELECT count(DISTINCT note) FROM review_log"
		         " WHERE reviewer = 'reviewer-%d'",
		         k);
		ck_assert_int_eq(t_db_int(db, sql), NSET);
	}
	ck_assert_int_eq(t_db_int(db,
	                          "SELECT count(*) FROM pragma_integrity_check"
	                          " WHERE integrity_check = 'ok'"),
	                 1);
	/* Each entry's old status is the new status of the one before it:
	 * no decision was made against a stale status. */
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	for (k = 0; k < 2; k++) {
		ck_assert_int_eq(review_log(st, ids[k], &log, &n, &e), PT_OK);
		ck_assert_uint_eq(n, NCHILD * NSET / 2);
		ck_assert_str_eq(log[0].old_status, "open");
		for (i = 1; i < n; i++)
			ck_assert_str_eq(log[i].old_status,
			                 log[i - 1].new_status);
		review_log_free(log, n);
	}
	store_close(st);
}
END_TEST

START_TEST(test_review_proeftuinen_empty_and_help)
{
	char *out;

	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "proeftuinen", NULL),
	                 PT_OK);
	ck_assert(t_contains(out, "No saved proeftuinen"));
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "proeftuinen",
	                       "--format", "json", NULL),
	                 PT_OK);
	ck_assert_str_eq(out, "[]\n");
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "review", "list", NULL),
	                 PT_OK);
	ck_assert_str_eq(out, "No findings.\n");
	free(out);
	ck_assert_int_eq(t_cli(&out, NULL, "review", "set", "--help", NULL),
	                 PT_OK);
	ck_assert(t_contains(out, "needs-amendment"));
	free(out);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "proeftuinen",
	                       "--format", "xml", NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", db, "proeftuin", "add", NULL), PT_EUSAGE);
	/* Bad input stores nothing. */
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "proeftuin", "add",
	                       "--rules", rules, v1, "/nonexistent/design.xml",
	                       NULL),
	                 PT_EIO);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin"), 0);
}
END_TEST

/* A design with several errors: all are shown, and nothing is stored. */
START_TEST(test_review_several_errors_store_nothing)
{
	char *bad = t_src("tests/fixtures/designs/several-errors.xml");
	char *out, *err;

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin_version"),
	                 1);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "check", "--save",
	                       "--rules", rules, v2, bad, NULL),
	                 PT_EINPUT);
	ck_assert_str_eq(out, "");
	ck_assert(t_contains(err, "several-errors.xml:3: bad date"));
	ck_assert(
	    t_contains(err, "several-errors.xml:12: unknown actor 'rvt-zuid'"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "proeftuin", "add",
	                       "--rules", rules, v2, bad, NULL),
	                 PT_EINPUT);
	ck_assert(t_contains(err, "several-errors.xml:7: duplicate actor id"));
	free(err);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin_version"),
	                 1);
	free(bad);
}
END_TEST

/*
 * A batch is all or nothing: when the second design of `proeftuin add`
 * or `check --save` cannot be stored (here a trigger refuses it), the
 * first is not stored either, and nothing is reported as saved.
 */
START_TEST(test_review_batch_all_or_nothing)
{
	char *other = t_src("xml/proeftuinen/rvt-integraal.xml");
	char *out, *err, *msg = NULL;
	sqlite3 *h;

	ck_assert_int_eq(add(v1, NULL), PT_OK);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(h,
	                 "CREATE TRIGGER weiger BEFORE INSERT "
	                 "ON proeftuin_version WHEN NEW.proeftuin_id"
	                 " = 'rvt-integraal' BEGIN SELECT RAISE(ABORT,"
	                 " 'geweigerd'); END",
	                 NULL, NULL, &msg),
	    SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "proeftuin", "add",
	                       "--rules", rules, v2, other, NULL),
	                 PT_EDB);
	ck_assert_str_eq(out, "");
	ck_assert_msg(t_contains(err, "geweigerd"), "%s", err);
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "check", "--save",
	                       "--rules", rules, v2, other, NULL),
	                 PT_EDB);
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	/* Only the first version of noord; no proeftuin rvt-integraal. */
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin_version"),
	                 1);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin"), 1);
	free(other);
}
END_TEST

Suite *
suite_review(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("review");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_review_save_versions_by_sha256);
	tcase_add_test(tc, test_review_snapshot_matches_check);
	tcase_add_test(tc, test_review_check_shows_decisions);
	tcase_add_test(tc, test_review_status_labels);
	tcase_add_test(tc, test_review_validation);
	tcase_add_test(tc, test_review_several_errors_store_nothing);
	tcase_add_test(tc, test_review_batch_all_or_nothing);
	tcase_add_test(tc, test_review_log_and_list);
	tcase_add_test(tc, test_review_resolved_and_reappearing);
	tcase_add_test(tc, test_review_log_is_append_only);
	tcase_add_test(tc, test_review_hostile_text);
	tcase_add_test(tc, test_review_concurrent_reviewers);
	tcase_add_test(tc, test_review_proeftuinen_empty_and_help);
	suite_add_tcase(s, tc);
	return s;
}
