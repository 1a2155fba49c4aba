/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_diff.c: tests of the word diff (diff.c) and the diff command.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "diff.h"
#include "suites.h"
#include "testlib.h"

/* The plain rendering of diff(a, b) (caller frees). */
static char *
plain(const char *a, const char *b)
{
	struct diff d;
	struct pt_buf out = PT_BUF_INIT;

	diff_words(a, b, &d);
	diff_plain(&out, &d, 0);
	diff_free(&d);
	return pt_buf_detach(&out);
}

/* s with every run of white space made one space, trimmed (caller frees). */
static char *
norm(const char *s)
{
	struct pt_buf t = PT_BUF_INIT;
	int sp = 1;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			if (!sp)
				pt_buf_addc(&t, ' ');
			sp = 1;
		} else {
			pt_buf_addc(&t, *s);
			sp = 0;
		}
	}
	pt_buf_rtrim(&t);
	return pt_buf_detach(&t);
}

/*
 * Apply a diff to check it: the equal and deleted chunks must spell a, the
 * equal and inserted ones b.
 */
static void
assert_spells(const struct diff *d, const char *a, const char *b)
{
	struct pt_buf x = PT_BUF_INIT, y = PT_BUF_INIT;
	char *nx, *ny, *na, *nb;
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (d->chunks[i].op != DIFF_INSERT)
			pt_buf_addf(&x, "%s ", d->chunks[i].text);
		if (d->chunks[i].op != DIFF_DELETE)
			pt_buf_addf(&y, "%s ", d->chunks[i].text);
	}
	nx = norm(x.s);
	ny = norm(y.s);
	na = norm(a);
	nb = norm(b);
	ck_assert_str_eq(nx, na);
	ck_assert_str_eq(ny, nb);
	free(nx);
	free(ny);
	free(na);
	free(nb);
	pt_buf_release(&x);
	pt_buf_release(&y);
}

START_TEST(test_diff_empty)
{
	struct diff d;
	char *p;

	diff_words("", "", &d);
	ck_assert_uint_eq(d.n, 0);
	ck_assert(!diff_changed(&d));
	diff_free(&d);
	diff_words(NULL, NULL, &d);
	ck_assert_uint_eq(d.n, 0);
	diff_free(&d);
	p = plain("", "Het college");
	ck_assert_str_eq(p, "{+Het college+}");
	free(p);
	p = plain("Het college", NULL);
	ck_assert_str_eq(p, "[-Het college-]");
	free(p);
	p = plain("  \n ", "\t");
	ck_assert_str_eq(p, "");
	free(p);
}
END_TEST

START_TEST(test_diff_identical)
{
	const char *t = "1. Het college kan de uitvoering van deze wet door "
	                "derden laten verrichten.";
	struct diff d;
	char *p;

	diff_words(t, t, &d);
	ck_assert(!diff_changed(&d));
	ck_assert_uint_eq(d.n, 1);
	ck_assert_uint_eq(d.equal, 13);
	ck_assert_uint_eq(d.deleted + d.inserted, 0);
	diff_free(&d);
	/* Only white space differs: no change. */
	p = plain("Het  college\tkan", "Het college kan");
	ck_assert_str_eq(p, "Het college kan");
	free(p);
}
END_TEST

START_TEST(test_diff_insert_delete)
{
	struct diff d;
	char *p;

	p = plain("Het college kan", "Het college van B en W kan");
	ck_assert_str_eq(p, "Het college {+van B en W+} kan");
	free(p);
	p = plain("a b c d", "a d");
	ck_assert_str_eq(p, "a [-b c-] d");
	free(p);
	p = plain("b c", "a b c");
	ck_assert_str_eq(p, "{+a+} b c");
	free(p);
	p = plain("a b c", "a b");
	ck_assert_str_eq(p, "a b [-c-]");
	free(p);
	diff_words("a b c d", "a d x", &d);
	ck_assert_uint_eq(d.deleted, 2);
	ck_assert_uint_eq(d.inserted, 1);
	ck_assert_uint_eq(d.equal, 2);
	ck_assert(!d.approximate);
	assert_spells(&d, "a b c d", "a d x");
	diff_free(&d);
}
END_TEST

START_TEST(test_diff_replace)
{
	char *p;

	/* Deleted words come before inserted ones, like git. */
	p = plain("het advies- en meldpunt huiselijk geweld en "
	          "kindermishandeling hiertoe",
	          "Veilig Thuis hiertoe");
	ck_assert_str_eq(p, "[-het advies- en meldpunt huiselijk geweld en "
	                    "kindermishandeling-] {+Veilig Thuis+} hiertoe");
	free(p);
	p = plain("x a y", "x b y");
	ck_assert_str_eq(p, "x [-a-] {+b+} y");
	free(p);
	p = plain("a", "b");
	ck_assert_str_eq(p, "[-a-] {+b+}");
	free(p);
	/* The real change of Jeugdwet 2.11 lid 1 between 2015 and 2026. */
	p = plain(
	    "1. Het college kan de uitvoering van deze wet, behoudens de "
	    "vaststelling van de rechten en plichten van de jeugdige of zijn "
	    "ouders, door derden laten verrichten.",
	    "1. Het college kan de uitvoering van deze wet door derden laten "
	    "verrichten.");
	ck_assert_str_eq(
	    p,
	    "1. Het college kan de uitvoering van deze "
	    "[-wet, behoudens de vaststelling van de rechten en plichten van "
	    "de jeugdige of zijn ouders,-] {+wet+} door derden laten "
	    "verrichten.");
	free(p);
}
END_TEST

START_TEST(test_diff_lines)
{
	char *p;

	/* Line breaks and list indentation are kept. */
	p = plain("1. De taken zijn:\n  a. melden;\n  b. onderzoeken.",
	          "1. De taken zijn:\n  a. melden;\n  b. beoordelen.");
	ck_assert_str_eq(p, "1. De taken zijn:\n  a. melden;\n  b. "
	                    "[-onderzoeken.-] {+beoordelen.+}");
	free(p);
	p = plain("a b", "a\n  c b");
	ck_assert_str_eq(p, "a{+\n  c+} b");
	free(p);
}
END_TEST

START_TEST(test_diff_colour)
{
	struct diff d;
	struct pt_buf b = PT_BUF_INIT;

	diff_words("a b", "a c", &d);
	diff_plain(&b, &d, 1);
	ck_assert_str_eq(b.s, "a \033[31m[-b-]\033[m \033[32m{+c+}\033[m");
	pt_buf_release(&b);
	diff_free(&d);
}
END_TEST

/* A text of n words "w<i>" with every k-th word replaced by "x<i>". */
static char *
words(size_t n, size_t k, const char *alt)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		pt_buf_addf(&b, "%s%s%zu", i ? " " : "",
		            k && i % k == 0 ? alt : "w", i);
	return pt_buf_detach(&b);
}

START_TEST(test_diff_shortest)
{
	/* Myers finds the shortest script: 1 delete, 1 insert per change. */
	char *a = words(3000, 100, "x"), *b = words(3000, 100, "y");
	struct diff d;

	diff_words(a, b, &d);
	ck_assert(!d.approximate);
	ck_assert_uint_eq(d.deleted, 30);
	ck_assert_uint_eq(d.inserted, 30);
	ck_assert_uint_eq(d.equal, 2970);
	assert_spells(&d, a, b);
	diff_free(&d);
	free(a);
	free(b);
}
END_TEST

START_TEST(test_diff_long_bounded)
{
	/* Two long texts with nothing in common: the limit applies. */
	char *a = words(60000, 1, "a"), *b = words(60000, 1, "b");
	struct diff d;
	clock_t t0 = clock();

	diff_words(a, b, &d);
	ck_assert(d.approximate);
	ck_assert_uint_eq(d.deleted, 60000);
	ck_assert_uint_eq(d.inserted, 60000);
	assert_spells(&d, a, b);
	/* O(ND) with D capped: well under a few seconds. */
	ck_assert((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	diff_free(&d);
	free(a);
	free(b);
}
END_TEST

START_TEST(test_diff_limit_prefix_kept)
{
	/* With a small limit the start is still diffed word by word. */
	const char *a = "a b c d e f g h", *b = "a X c Y e Z g W";
	struct diff d;

	diff_words_limit(a, b, 4, &d);
	ck_assert(d.approximate);
	assert_spells(&d, a, b);
	ck_assert_uint_ge(d.equal, 2);
	diff_free(&d);
	diff_words_limit(a, b, 100, &d);
	ck_assert(!d.approximate);
	ck_assert_uint_eq(d.equal, 4);
	ck_assert_uint_eq(d.deleted, 4);
	assert_spells(&d, a, b);
	diff_free(&d);
	diff_words_limit(a, b, 0, &d);
	ck_assert(d.approximate);
	assert_spells(&d, a, b);
	diff_free(&d);
}
END_TEST

START_TEST(test_diff_random)
{
	/* Random edits of a small vocabulary: always a valid script. */
	static const char *const voc[] = {"de",      "het",  "een",
	                                  "college", "raad", "wet"};
	unsigned seed = 12345;
	int round, i;

	for (round = 0; round < 300; round++) {
		struct pt_buf a = PT_BUF_INIT, b = PT_BUF_INIT;
		struct diff d, d2;
		int na, nb;

		seed = seed * 1103515245u + 12345u;
		na = (int)(seed >> 16) % 30;
		seed = seed * 1103515245u + 12345u;
		nb = (int)(seed >> 16) % 30;
		for (i = 0; i < na; i++) {
			seed = seed * 1103515245u + 12345u;
			pt_buf_addf(&a, "%s ", voc[(seed >> 16) % 6]);
		}
		for (i = 0; i < nb; i++) {
			seed = seed * 1103515245u + 12345u;
			pt_buf_addf(&b, "%s ", voc[(seed >> 16) % 6]);
		}
		diff_words(a.s, b.s, &d);
		assert_spells(&d, a.s, b.s);
		ck_assert(!d.approximate);
		/* Limited runs are valid scripts too, never shorter. */
		diff_words_limit(a.s, b.s, 3, &d2);
		assert_spells(&d2, a.s, b.s);
		ck_assert_uint_ge(d2.deleted + d2.inserted,
		                  d.deleted + d.inserted);
		ck_assert_uint_eq(d.equal + d.deleted, (size_t)na);
		ck_assert_uint_eq(d.equal + d.inserted, (size_t)nb);
		diff_free(&d);
		diff_free(&d2);
		pt_buf_release(&a);
		pt_buf_release(&b);
	}
}
END_TEST

/* --- the diff command against the real Jeugdwet versions -------------------
 */

static char *tmp;
static char *db;

static void
setup_db(void)
{
	char *x15 =
	    t_sharedpath("corpus/extracts/BWBR0034925_2015-01-01_extract.xml");
	char *x26 =
	    t_sharedpath("corpus/extracts/BWBR0034925_2026-01-01_extract.xml");
	char *out, *err;
	int rc;

	tmp = t_tmpdir();
	db = xasprintf("%s/reg.db", tmp);
	rc = t_cli(&out, &err, "--db", db, "import", "-q", x15, x26, NULL);
	ck_assert_msg(rc == 0, "import: %s", err);
	free(out);
	free(err);
	free(x15);
	free(x26);
}

static void
teardown_db(void)
{
	t_tmpdir_cleanup(tmp);
	free(tmp);
	free(db);
}

START_TEST(test_diff_cli_jeugdwet)
{
	char *out, *err;
	int rc;

	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "2.11",
	           "--lid", "1", "--from", "2015-01-01", "--to", "2026-01-01",
	           NULL);
	ck_assert_msg(rc == 0, "%s", err);
	ck_assert(t_contains(out, "--- 2015-01-01: version 2015-01-01"));
	ck_assert(t_contains(out, "+++ 2026-01-01: version 2026-01-01"));
	ck_assert(t_contains(
	    out,
	    "[-wet, behoudens de vaststelling van de "
	    "rechten en plichten van de jeugdige of zijn ouders,-] {+wet+}"));
	/* Not a terminal: no colour. */
	ck_assert(!t_contains(out, "\033["));
	free(out);
	free(err);

	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "3.1",
	           "--lid", "1", "--from", "2015-01-01", "--to", "2026-01-01",
	           "--color=always", NULL);
	ck_assert_int_eq(rc, 0);
	ck_assert(t_contains(out, "\033[32m{+Veilig Thuis+}\033[m"));
	ck_assert(t_contains(out, "advies- en meldpunt huiselijk geweld en "
	                          "kindermishandeling"));
	free(out);
	free(err);

	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "2.11",
	           "--lid", "1", "--from", "2015-01-01", "--to", "2026-01-01",
	           "--format", "json", NULL);
	ck_assert_int_eq(rc, 0);
	ck_assert(t_contains(out, "\"changed\": true"));
	ck_assert(t_contains(out, "\"op\": \"delete\""));
	ck_assert(t_contains(out, "\"version_date\": \"2015-01-01\""));
	free(out);
	free(err);
}
END_TEST

START_TEST(test_diff_cli_errors)
{
	char *out, *err;
	int rc;

	/* No version in force in 2010: exit 7 naming the date. */
	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "2.11",
	           "--from", "2010-01-01", "--to", "2026-01-01", NULL);
	ck_assert_int_eq(rc, 7);
	ck_assert(t_contains(err, "no version of BWBR0034925 is in force on "
	                          "2010-01-01"));
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "99.9",
	           "--from", "2015-01-01", "--to", "2026-01-01", NULL);
	ck_assert_int_eq(rc, 7);
	ck_assert(t_contains(err, "no article '99.9' on 2015-01-01"));
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "2.11",
	           "--lid", "9", "--from", "2015-01-01", "--to", "2026-01-01",
	           NULL);
	ck_assert_int_eq(rc, 7);
	ck_assert(t_contains(err, "has no lid '9' on 2015-01-01"));
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "2.11",
	           "--from", "2015-01-01", NULL);
	ck_assert_int_eq(rc, 2);
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "diff", "BWBR0034925", "2.11",
	           "--from", "2015-01-01", "--to", "2026-01-01",
	           "--color=maybe", NULL);
	ck_assert_int_eq(rc, 2);
	free(out);
	free(err);
}
END_TEST

Suite *
suite_diff(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("words");
	TCase *cli = tcase_create("cli");

	tcase_add_test(tc, test_diff_empty);
	tcase_add_test(tc, test_diff_identical);
	tcase_add_test(tc, test_diff_insert_delete);
	tcase_add_test(tc, test_diff_replace);
	tcase_add_test(tc, test_diff_lines);
	tcase_add_test(tc, test_diff_colour);
	tcase_add_test(tc, test_diff_shortest);
	tcase_add_test(tc, test_diff_long_bounded);
	tcase_add_test(tc, test_diff_limit_prefix_kept);
	tcase_add_test(tc, test_diff_random);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(cli, setup_db, teardown_db);
	tcase_add_test(cli, test_diff_cli_jeugdwet);
	tcase_add_test(cli, test_diff_cli_errors);
	suite_add_tcase(s, cli);
	return s;
}
