/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_store.c: the registry: schema, transactions, versions by date,
 * look-ups, search.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "store.h"
#include "store_priv.h"
#include "import.h"
#include "query.h"
#include "suites.h"
#include "testlib.h"
#include <sqlite3.h>

static char *dir, *dbpath;

static void
setup(void)
{
	dir = t_tmpdir();
	dbpath = xasprintf("%s/reg.db", dir);
}

static void
teardown(void)
{
	t_tmpdir_cleanup(dir);
	free(dir);
	free(dbpath);
}

/* A law with two dated versions and one of unknown date. */
static struct pt_store *
filled(void)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct store_provision_in p;
	long long law, v;
	int replaced;

	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(
	    store_put_law(st, "BWBR0000001", "Testwet", "wet", &law, &e),
	    PT_OK);
	memset(&p, 0, sizeof p);

	ck_assert_int_eq(store_put_version(st, law, NULL, "old.xml", "h0", 2,
	                                   &v, &replaced, &e),
	                 PT_OK);
	p.artikel = "1";
	p.text = "oude tekst zonder datum";
	p.seq = 0;
	ck_assert_int_eq(store_put_provision(st, v, &p, NULL, &e), PT_OK);
	ck_assert_int_eq(store_index_version(st, v, &e), PT_OK);

	ck_assert_int_eq(store_put_version(st, law, "2015-01-01", "a.xml", "h1",
	                                   1, &v, &replaced, &e),
	                 PT_OK);
	ck_assert_int_eq(replaced, 0);
	p.artikel = "1";
	p.text = "tekst van 2015 over de jeugdhulp";
	p.seq = 0;
	ck_assert_int_eq(store_put_provision(st, v, &p, NULL, &e), PT_OK);
	p.lid = "1";
	p.text = "1. lid een van 2015";
	p.seq = 1;
	ck_assert_int_eq(store_put_provision(st, v, &p, NULL, &e), PT_OK);
	p.lid = NULL;
	p.artikel = "2";
	p.text = "artikel twee";
	p.seq = 2;
	ck_assert_int_eq(store_put_provision(st, v, &p, NULL, &e), PT_OK);
	ck_assert_int_eq(store_index_version(st, v, &e), PT_OK);

	ck_assert_int_eq(store_put_version(st, law, "2026-01-01", "b.xml", "h2",
	                                   1, &v, &replaced, &e),
	                 PT_OK);
	p.artikel = "1";
	p.text = "tekst van 2026 over de gecertificeerde instelling";
	p.seq = 0;
	ck_assert_int_eq(store_put_provision(st, v, &p, NULL, &e), PT_OK);
	ck_assert_int_eq(store_index_version(st, v, &e), PT_OK);
	ck_assert_int_eq(store_commit(st, &e), PT_OK);
	return st;
}

START_TEST(test_store_schema)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	store_close(st);
	ck_assert_int_eq(t_db_int(dbpath, "PRAGMA user_version"),
	                 store_schema_version());
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM law"), 0);
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM sqlite_master "
	                                  "WHERE name = 'provision_fts'"),
	                 1);
	/* reopening does not migrate again */
	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	ck_assert_str_eq(store_path(st), dbpath);
	store_close(st);
}
END_TEST

START_TEST(test_store_wal_and_fk)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	sqlite3_stmt *s;
	sqlite3 *db;
	long long v;
	int replaced;

	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	/* the journal mode is the file's, seen by any connection */
	ck_assert_int_eq(
	    sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
	/* foreign keys are the connection's: a version of no law is refused */
	ck_assert_int_eq(store_put_version(st, 4242, "2020-01-01", "x.xml",
	                                   "hx", 1, &v, &replaced, &e),
	                 PT_EDB);
	ck_assert(t_contains(e.msg, "FOREIGN KEY"));
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM version"), 0);
	store_close(st);
}
END_TEST

START_TEST(test_store_newer_schema_refused)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_EDB);
	ck_assert_ptr_null(st);
	ck_assert(t_contains(e.msg, "newer proeftoets"));
}
END_TEST

START_TEST(test_store_corrupt_file)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	char junk[4096];
	char *p;

	memset(junk, 'x', sizeof junk);
	p = t_write(dir, "junk.db", junk, sizeof junk);
	ck_assert_int_eq(store_open(p, &st, &e), PT_EDB);
	ck_assert_ptr_null(st);
	ck_assert_str_eq(e.file, p);
	free(p);
}
END_TEST

START_TEST(test_store_version_at_date)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_provision p;

	ck_assert_int_eq(store_provision_at(st, "BWBR0000001", "1", NULL,
	                                    "2020-06-30", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_FOUND);
	ck_assert_str_eq(p.version_date, "2015-01-01");
	ck_assert_str_eq(p.text, "tekst van 2015 over de jeugdhulp");
	ck_assert_str_eq(p.citeertitel, "Testwet");
	store_provision_release(&p);

	ck_assert_int_eq(store_provision_at(st, "BWBR0000001", "1", NULL,
	                                    "2026-01-01", &p, &e),
	                 PT_OK);
	ck_assert_str_eq(p.version_date, "2026-01-01");
	ck_assert(t_contains(p.text, "2026"));
	store_provision_release(&p);

	/* newest when no date */
	ck_assert_int_eq(
	    store_provision_at(st, "BWBR0000001", "1", NULL, NULL, &p, &e),
	    PT_OK);
	ck_assert_str_eq(p.version_date, "2026-01-01");
	store_provision_release(&p);

	/*
	 * Before every dated version: the version of unknown date is not
	 * used, since it may be of another era; the look-up says which
	 * dated version is the earliest and which undated one it passed
	 * over.
	 */
	ck_assert_int_eq(store_provision_at(st, "BWBR0000001", "1", NULL,
	                                    "2000-01-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_NO_VERSION);
	ck_assert_ptr_null(p.text);
	ck_assert_str_eq(p.earliest_dated, "2015-01-01");
	ck_assert_ptr_nonnull(p.undated_source);
	store_provision_release(&p);
	store_close(st);
}
END_TEST

/* A law known only in a version of unknown date: that version stands in
 * for every date, flagged as such. */
START_TEST(test_store_only_undated_version)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_provision p;
	long long law, v;
	int replaced;
	struct store_provision_in in;

	memset(&in, 0, sizeof in);
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(
	    store_put_law(st, "BWBR0000002", "Oudwet", "wet", &law, &e), PT_OK);
	ck_assert_int_eq(store_put_version(st, law, NULL, "oud2.xml", "h9", 2,
	                                   &v, &replaced, &e),
	                 PT_OK);
	in.artikel = "1";
	in.text = "alleen zonder datum";
	ck_assert_int_eq(store_put_provision(st, v, &in, NULL, &e), PT_OK);
	ck_assert_int_eq(store_index_version(st, v, &e), PT_OK);
	ck_assert_int_eq(store_commit(st, &e), PT_OK);
	ck_assert_int_eq(store_provision_at(st, "BWBR0000002", "1", NULL,
	                                    "2000-01-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_FOUND);
	ck_assert_int_eq(p.date_unknown, 1);
	ck_assert_ptr_null(p.version_date);
	ck_assert_str_eq(p.text, "alleen zonder datum");
	store_provision_release(&p);
	store_close(st);
}
END_TEST

START_TEST(test_store_not_found)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_provision p;

	ck_assert_int_eq(
	    store_provision_at(st, "BWBR9999999", "1", NULL, NULL, &p, &e),
	    PT_OK);
	ck_assert_int_eq(p.found, STORE_NO_LAW);
	store_provision_release(&p);
	/* article 2 exists in 2015 but not in 2026: no silent fallback */
	ck_assert_int_eq(store_provision_at(st, "BWBR0000001", "2", NULL,
	                                    "2026-02-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_NO_ARTICLE);
	ck_assert_str_eq(p.version_date, "2026-01-01");
	store_provision_release(&p);
	ck_assert_int_eq(store_provision_at(st, "BWBR0000001", "1", "1",
	                                    "2015-06-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_FOUND);
	ck_assert_str_eq(p.text, "1. lid een van 2015");
	ck_assert_str_eq(p.lid, "1");
	store_provision_release(&p);
	ck_assert_int_eq(store_provision_at(st, "BWBR0000001", "1", "7",
	                                    "2015-06-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_NO_LID);
	store_provision_release(&p);
	store_close(st);
}
END_TEST

START_TEST(test_store_no_version_in_force)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct store_provision p;
	long long law, v;
	int replaced;

	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	ck_assert_int_eq(
	    store_put_law(st, "BWBR0000002", "Nieuwe wet", NULL, &law, &e),
	    PT_OK);
	ck_assert_int_eq(store_put_version(st, law, "2030-01-01", "n.xml", "h9",
	                                   1, &v, &replaced, &e),
	                 PT_OK);
	ck_assert_int_eq(store_provision_at(st, "BWBR0000002", "1", NULL,
	                                    "2026-01-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_NO_VERSION);
	store_provision_release(&p);
	store_close(st);
}
END_TEST

START_TEST(test_store_replace_version)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_provision_in p;
	long long law, v;
	int replaced, found;

	ck_assert_int_eq(store_put_law(st, "BWBR0000001", NULL, NULL, &law, &e),
	                 PT_OK);
	ck_assert_int_eq(store_put_version(st, law, "2015-01-01", "a2.xml",
	                                   "h1b", 1, &v, &replaced, &e),
	                 PT_OK);
	ck_assert_int_eq(replaced, 1);
	memset(&p, 0, sizeof p);
	p.artikel = "1";
	p.text = "gecorrigeerde tekst";
	ck_assert_int_eq(store_put_provision(st, v, &p, NULL, &e), PT_OK);
	ck_assert_int_eq(store_has_sha256(st, "h1", &found, NULL, &e), PT_OK);
	ck_assert_int_eq(found, 0);
	ck_assert_int_eq(store_has_sha256(st, "h1b", &found, NULL, &e), PT_OK);
	ck_assert_int_eq(found, 1);
	store_close(st);
	/* title kept by coalesce; old provisions and their FTS rows gone */
	ck_assert_int_eq(
	    t_db_int(dbpath,
	             "SELECT count(*) FROM law WHERE citeertitel = 'Testwet'"),
	    1);
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM version"), 3);
	ck_assert_int_eq(t_db_int(dbpath,
	                          "SELECT count(*) FROM provision_fts WHERE "
	                          "provision_fts MATCH 'jeugdhulp'"),
	                 0);
}
END_TEST

START_TEST(test_store_laws_list)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_law *laws;
	size_t n;

	ck_assert_int_eq(store_laws(st, &laws, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(laws[0].bwb, "BWBR0000001");
	ck_assert_uint_eq(laws[0].nversions, 3);
	ck_assert_ptr_null(laws[0].versions[0].inwerkingtreding);
	ck_assert_str_eq(laws[0].versions[1].inwerkingtreding, "2015-01-01");
	ck_assert_int_eq(laws[0].versions[1].articles,
	                 2); /* leden are not articles */
	ck_assert_int_eq(laws[0].versions[2].articles, 1);
	store_laws_free(laws, n);
	store_close(st);
}
END_TEST

START_TEST(test_store_search)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_search_hit *h;
	size_t n;

	ck_assert_int_eq(
	    store_search(st, "gecertificeerde", NULL, 10, 0, &h, &n, NULL, &e),
	    PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(h[0].version_date, "2026-01-01");
	ck_assert(t_contains(h[0].snippet, "[gecertificeerde]"));
	store_search_free(h, n);
	/* restricted to the version in force in 2020 */
	ck_assert_int_eq(
	    store_search(st, "tekst", "2020-01-01", 10, 0, &h, &n, NULL, &e),
	    PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(h[0].version_date, "2015-01-01");
	store_search_free(h, n);
	ck_assert_int_eq(
	    store_search(st, "tekst", NULL, 10, 0, &h, &n, NULL, &e), PT_OK);
	ck_assert_uint_eq(n, 3);
	store_search_free(h, n);
	/* a page: the same hits in the same order, and the total */
	{
		struct store_search_hit *all, *pg;
		size_t na, np, total = 99, i;

		ck_assert_int_eq(
		    store_search(st, "tekst", NULL, 10, 0, &all, &na, NULL, &e),
		    PT_OK);
		ck_assert_int_eq(
		    store_search(st, "tekst", NULL, 2, 1, &pg, &np, &total, &e),
		    PT_OK);
		ck_assert_uint_eq(np, 2);
		ck_assert_uint_eq(total, 3);
		for (i = 0; i < np; i++) {
			ck_assert_str_eq(pg[i].artikel, all[i + 1].artikel);
			ck_assert_str_eq(pg[i].version_date,
			                 all[i + 1].version_date);
			ck_assert_str_eq(pg[i].snippet, all[i + 1].snippet);
		}
		store_search_free(pg, np);
		/* beyond the end: nothing, and still the total */
		ck_assert_int_eq(
		    store_search(st, "tekst", NULL, 2, 7, &pg, &np, &total, &e),
		    PT_OK);
		ck_assert_uint_eq(np, 0);
		ck_assert_uint_eq(total, 3);
		store_search_free(pg, np);
		ck_assert_int_eq(store_search(st, "tekst", "2020-01-01", 1, 0,
		                              &pg, &np, &total, &e),
		                 PT_OK);
		ck_assert_uint_eq(total, 1);
		store_search_free(pg, np);
		ck_assert_int_eq(store_search(st, "nergens", NULL, 5, 0, &pg,
		                              &np, &total, &e),
		                 PT_OK);
		ck_assert_uint_eq(total, 0);
		store_search_free(pg, np);
		store_search_free(all, na);
	}
	/* a malformed query is a usage error, not a crash */
	ck_assert_int_eq(
	    store_search(st, "\"unbalanced", NULL, 10, 0, &h, &n, NULL, &e),
	    PT_EUSAGE);
	ck_assert_uint_eq(n, 0);
	/* SQL metacharacters are just text */
	ck_assert_int_eq(store_search(st, "\"'; DROP TABLE law; --\"", NULL, 10,
	                              0, &h, &n, NULL, &e),
	                 PT_OK);
	ck_assert_uint_eq(n, 0);
	store_search_free(h, n);
	store_close(st);
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM law"), 1);
}
END_TEST

START_TEST(test_store_jci_url)
{
	char *j = store_jci("BWBR0034925", "3.2", "1", "2026-01-01");
	char *u = store_url("BWBR0034925", "3.2", "2026-01-01");

	ck_assert_str_eq(j,
	                 "jci1.3:c:BWBR0034925&artikel=3.2&lid=1&g=2026-01-01");
	ck_assert_str_eq(u, "https://wetten.overheid.nl/"
	                    "jci1.3:c:BWBR0034925&artikel=3.2&g=2026-01-01");
	free(j);
	free(u);
	j = store_jci("BWBR0002656", "255", NULL, NULL);
	ck_assert_str_eq(j, "jci1.3:c:BWBR0002656&artikel=255");
	free(j);
}
END_TEST

/* Numbers remembered inside a read transaction, and only there; a NULL
 * key part is not an empty one, and a look-up's memo is not confused
 * with them. */
START_TEST(test_store_memo_int)
{
	struct pt_store *st = filled();
	struct store_provision p;
	struct pt_err e = PT_ERR_INIT;
	const char *k1[] = {"stale", "BWBR0000001", NULL};
	const char *k2[] = {"stale", "BWBR0000001", ""};
	const char *k3[] = {"BWBR0000001", "1", NULL, "2016-01-01"};
	int v = -1, txn;

	store_memo_put(st, k1, 3, 7);
	ck_assert_int_eq(store_memo_get(st, k1, 3, &v), 0);
	txn = store_read_begin(st);
	ck_assert_int_eq(txn, 1);
	ck_assert_int_eq(store_memo_get(st, k1, 3, &v), 0);
	store_memo_put(st, k1, 3, 7);
	store_memo_put(st, k2, 3, 0);
	ck_assert_int_eq(store_memo_get(st, k1, 3, &v), 1);
	ck_assert_int_eq(v, 7);
	ck_assert_int_eq(store_memo_get(st, k2, 3, &v), 1);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(store_memo_get(st, k1, 2, &v), 0);
	ck_assert_int_eq(store_provision_at(st, "BWBR0000001", "1", NULL,
	                                    "2016-01-01", &p, &e),
	                 PT_OK);
	store_provision_release(&p);
	ck_assert_int_eq(store_memo_get(st, k3, 4, &v), 0);
	store_read_end(st, txn);
	ck_assert_int_eq(store_memo_get(st, k1, 3, &v), 0);
	store_close(st);
}
END_TEST

/* A lent look-up is the memo's own answer: the same each time, nothing
 * outside a read transaction, and kept past its end while held. */
START_TEST(test_store_provision_shared)
{
	struct pt_store *st = filled();
	const struct store_provision *a, *b;
	struct pt_err e = PT_ERR_INIT;
	int txn;

	ck_assert_int_eq(store_provision_shared(st, "BWBR0000001", "1", NULL,
	                                        "2016-01-01", &a, &e),
	                 PT_OK);
	ck_assert_ptr_null(a);
	ck_assert_int_eq(store_memo_held(st), 0);
	store_memo_hold(st);
	ck_assert_int_eq(store_memo_held(st), 1);
	txn = store_read_begin(st);
	ck_assert_int_eq(txn, 1);
	ck_assert_int_eq(store_provision_shared(st, "BWBR0000001", "1", NULL,
	                                        "2016-01-01", &a, &e),
	                 PT_OK);
	ck_assert_ptr_nonnull(a);
	ck_assert_int_eq(a->found, STORE_FOUND);
	ck_assert_str_eq(a->text, "tekst van 2015 over de jeugdhulp");
	ck_assert_int_eq(store_provision_shared(st, "BWBR0000001", "1", NULL,
	                                        "2017-06-01", &b, &e),
	                 PT_OK);
	ck_assert_ptr_ne(a, b); /* another key, another entry */
	ck_assert_int_eq(store_provision_shared(st, "BWBR0000001", "1", NULL,
	                                        "2016-01-01", &b, &e),
	                 PT_OK);
	ck_assert_ptr_eq(a, b);
	ck_assert_int_eq(store_provision_shared(st, "BWBR0000009", "1", NULL,
	                                        "2016-01-01", &b, &e),
	                 PT_OK);
	ck_assert_int_eq(b->found, STORE_NO_LAW);
	store_read_end(st, txn);
	/* Ended, but held: still readable, no longer found. */
	ck_assert_str_eq(a->text, "tekst van 2015 over de jeugdhulp");
	ck_assert_int_eq(store_provision_shared(st, "BWBR0000001", "1", NULL,
	                                        "2016-01-01", &b, &e),
	                 PT_OK);
	ck_assert_ptr_null(b);
	store_memo_release(st);
	ck_assert_int_eq(store_memo_held(st), 0);
	store_memo_release(st); /* one too many does nothing */
	ck_assert_int_eq(store_memo_held(st), 0);
	/* Held at close: freed all the same. */
	store_memo_hold(st);
	txn = store_read_begin(st);
	ck_assert_int_eq(store_provision_shared(st, "BWBR0000001", "1", "1",
	                                        "2016-01-01", &a, &e),
	                 PT_OK);
	ck_assert_str_eq(a->text, "1. lid een van 2015");
	store_read_end(st, txn);
	store_close(st);
}
END_TEST

/* A law whose row id is -1 (another tool may write one) is listed like
 * any other; 'laws' once took -1 for "no law yet" and crashed. */
START_TEST(test_store_laws_negative_id)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct store_law *laws;
	size_t n;
	sqlite3 *db;

	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	store_close(st);
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(db,
	                 "INSERT INTO law(id, bwb, citeertitel, soort)"
	                 "  VALUES (-1, 'BWBR0000009', 'Minwet', 'wet');"
	                 "INSERT INTO version(law_id, inwerkingtreding, "
	                 "source, sha256, format, imported_at)"
	                 "  VALUES (-1, '2020-01-01', 'min.xml', 'h9', 1, "
	                 "'2026-01-01T00:00:00Z');",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	ck_assert_int_eq(store_laws(st, &laws, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(laws[0].bwb, "BWBR0000009");
	ck_assert_uint_eq(laws[0].nversions, 1);
	ck_assert_str_eq(laws[0].versions[0].source, "min.xml");
	store_laws_free(laws, n);
	store_close(st);
}
END_TEST

/* An inner begin/commit only counts; the outermost rollback undoes all. */
START_TEST(test_store_txn_nested)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	long long law;

	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(store_put_law(st, "BWBR0000001", "A", "wet", &law, &e),
	                 PT_OK);
	ck_assert_int_eq(store_commit(st, &e), PT_OK);
	store_rollback(st);
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM law"), 0);

	/* an inner rollback makes the outer commit fail and undo */
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(store_put_law(st, "BWBR0000001", "A", "wet", &law, &e),
	                 PT_OK);
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	store_rollback(st);
	ck_assert_int_eq(store_commit(st, &e), PT_EDB);
	ck_assert(t_contains(e.msg, "cannot commit"));
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM law"), 0);

	/* and afterwards transactions work as before */
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(store_put_law(st, "BWBR0000001", "A", "wet", &law, &e),
	                 PT_OK);
	ck_assert_int_eq(store_commit(st, &e), PT_OK);
	ck_assert_int_eq(store_commit(st, &e), PT_OK);
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM law"), 1);
	store_close(st);
}
END_TEST

/*
 * A registry opened only to read: its laws can be read, no -wal or -shm
 * file is made beside it, a write is refused as read-only, and an old
 * schema is named rather than upgraded.
 */
START_TEST(test_store_open_read_only)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct store_law *laws;
	char *wal = xasprintf("%s-wal", dbpath),
	     *shm = xasprintf("%s-shm", dbpath);
	char *law = t_src("xml/bwb/BWBR0034925_2015-01-01_extract.xml");
	struct import_result res;
	struct stat sb;
	size_t n;

	ck_assert_int_eq(store_open(dbpath, &st, &e), PT_OK);
	ck_assert_int_eq(import_file(st, law, NULL, &res, &e), PT_OK);
	import_result_release(&res);
	store_close(st);
	ck_assert_int_ne(stat(wal, &sb), 0);

	ck_assert_int_eq(store_open_read_only(dbpath, &st, &e), PT_OK);
	ck_assert_int_eq(store_laws(st, &laws, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 1);
	store_laws_free(laws, n);
	ck_assert_int_ne(stat(wal, &sb), 0);
	ck_assert_int_ne(stat(shm, &sb), 0);
	ck_assert_int_eq(store_begin(st, &e), PT_EDB);
	ck_assert(t_contains(e.msg, "the registry is read-only"));
	store_close(st);
	ck_assert_int_ne(stat(wal, &sb), 0);
	ck_assert_int_ne(stat(shm, &sb), 0);

	/* An older schema is not upgraded by a reader. */
	{
		sqlite3 *h;

		ck_assert_int_eq(sqlite3_open(dbpath, &h), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(h, "PRAGMA user_version = 1",
		                              NULL, NULL, NULL),
		                 SQLITE_OK);
		sqlite3_close(h);
	}
	ck_assert_int_eq(store_open_read_only(dbpath, &st, &e), PT_EDB);
	ck_assert(t_contains(e.msg, "a command that writes"));
	free(law);
	free(wal);
	free(shm);
}
END_TEST

static void
count_wait(void *ctx)
{
	(*(int *)ctx)++;
}

/* A writer waits for another one at most the lock wait, is told once that
 * it waits, then says that another process holds the registry. */
START_TEST(test_store_txn_lock_wait)
{
	struct pt_store *a, *b;
	struct pt_err e = PT_ERR_INIT;
	struct timespec t0, t1;
	double waited;
	int waits = 0;

	setenv("PROEFTOETS_LOCK_WAIT_MS", "300", 1);
	ck_assert_int_eq(store_open(dbpath, &a, &e), PT_OK);
	ck_assert_int_eq(store_open(dbpath, &b, &e), PT_OK);
	unsetenv("PROEFTOETS_LOCK_WAIT_MS");
	store_on_wait(b, count_wait, &waits);
	ck_assert_int_eq(store_begin(a, &e), PT_OK);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(store_begin(b, &e), PT_EDB);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	waited = (double)(t1.tv_sec - t0.tv_sec) +
	         (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert(waited >= 0.25);
	ck_assert(waited < 5.0);
	ck_assert(
	    t_contains(e.msg, "the registry is in use by another process"));
	ck_assert_int_eq(waits, 1);
	ck_assert_int_eq(store_commit(a, &e), PT_OK);
	ck_assert_int_eq(store_begin(b, &e), PT_OK);
	ck_assert_int_eq(waits, 1);
	ck_assert_int_eq(store_commit(b, &e), PT_OK);
	store_close(a);
	store_close(b);
}
END_TEST

/* The index cuts Dutch words to their stems: a form finds the others, a
 * phrase still needs its words in order, a prefix is a prefix. */
START_TEST(test_store_search_stems)
{
	static const struct {
		const char *q;
		size_t n;
	} rows[] = {
	    {"gecertificeerd", 1}, /* gecertificeerde */
	    {"instellingen", 1},   /* instelling */
	    {"\"gecertificeerde instelling\"", 1},
	    {"\"instelling gecertificeerde\"", 0},
	    {"\"gecertificeerd instellingen\"", 1},
	    {"gecert*", 1},
	    {"teksten", 3},      /* tekst, three versions */
	    {"certificeren", 0}, /* another word */
	};
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_search_hit *h;
	size_t n, i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ck_assert_int_eq(
		    store_search(st, rows[i].q, NULL, 10, 0, &h, &n, NULL, &e),
		    PT_OK);
		ck_assert_msg(n == rows[i].n, "%s: %zu hits", rows[i].q, n);
		store_search_free(h, n);
	}
	/* the snippet shows the word as written */
	ck_assert_int_eq(
	    store_search(st, "gecertificeerd", NULL, 10, 0, &h, &n, NULL, &e),
	    PT_OK);
	ck_assert(t_contains(h[0].snippet, "[gecertificeerde]"));
	store_search_free(h, n);
	store_close(st);
}
END_TEST

/* A reference that names no law gives that article of every law that has
 * it, as candidates, paged like hits; an ambiguous name is searched. */
START_TEST(test_query_reference_candidates)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_provision_in p;
	struct store_search_hit *h;
	long long law, v;
	size_t n, total;
	int replaced;

	memset(&p, 0, sizeof p);
	ck_assert_int_eq(store_begin(st, &e), PT_OK);
	ck_assert_int_eq(
	    store_put_law(st, "BWBR0000002", "Andere wet", "wet", &law, &e),
	    PT_OK);
	ck_assert_int_eq(store_put_version(st, law, "2010-01-01", "c.xml", "h3",
	                                   1, &v, &replaced, &e),
	                 PT_OK);
	p.artikel = "1";
	p.text = "de andere wet";
	ck_assert_int_eq(store_put_provision(st, v, &p, NULL, &e), PT_OK);
	ck_assert_int_eq(store_index_version(st, v, &e), PT_OK);
	ck_assert_int_eq(store_commit(st, &e), PT_OK);

	ck_assert_int_eq(
	    query_search(st, "art. 1", NULL, 10, 0, &h, &n, &total, &e), PT_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(total, 2);
	ck_assert_str_eq(h[0].bwb, "BWBR0000001");
	ck_assert_str_eq(h[1].bwb, "BWBR0000002");
	ck_assert_str_eq(h[1].snippet, "de andere wet");
	store_search_free(h, n);
	ck_assert_int_eq(
	    query_search(st, "artikel 1", NULL, 1, 1, &h, &n, &total, &e),
	    PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(total, 2);
	ck_assert_str_eq(h[0].bwb, "BWBR0000002");
	store_search_free(h, n);
	/* with a lid, at a date: only the law whose version has it */
	ck_assert_int_eq(query_search(st, "1 lid 1", "2020-01-01", 10, 0, &h,
	                              &n, &total, &e),
	                 PT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(h[0].bwb, "BWBR0000001");
	ck_assert(t_contains(h[0].label, "lid 1"));
	store_search_free(h, n);
	/* "wet" fits both laws: the words are searched, no error */
	ck_assert_int_eq(
	    query_search(st, "wet 1", NULL, 10, 0, &h, &n, &total, &e), PT_OK);
	store_search_free(h, n);
	store_close(st);
}
END_TEST

/* A registry indexed before stemming (schema 6, unicode61) is brought up
 * to date on open: the index is built again and finds the stems. */
START_TEST(test_store_search_old_index)
{
	struct pt_store *st = filled();
	struct pt_err e = PT_ERR_INIT;
	struct store_search_hit *h;
	size_t n;
	sqlite3 *db;

	store_close(st);
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(store_stem_register(db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(db,
	                 "DROP TABLE provision_fts;"
	                 "CREATE VIRTUAL TABLE provision_fts USING fts5("
	                 "  text, content='provision', content_rowid='id',"
	                 "  tokenize='unicode61 remove_diacritics 2');"
	                 "INSERT INTO provision_fts(rowid, text)"
	                 "  SELECT id, text FROM provision WHERE lid IS NULL;"
	                 "PRAGMA user_version = 6;",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	/* read-only, it is not changed, and the message says what to do */
	chmod(dbpath, 0444);
	if (access(dbpath, W_OK) != 0) {
		ck_assert_int_eq(store_open_read(dbpath, &st, &e), PT_EDB);
		ck_assert(t_contains(e.msg, "upgrades it"));
		pt_err_clear(&e);
	}
	chmod(dbpath, 0644);
	ck_assert_int_eq(t_db_int(dbpath, "PRAGMA user_version"), 6);
	ck_assert_int_eq(store_open_read(dbpath, &st, &e), PT_OK);
	ck_assert_int_eq(t_db_int(dbpath, "PRAGMA user_version"),
	                 store_schema_version());
	ck_assert_int_eq(
	    store_search(st, "gecertificeerd", NULL, 10, 0, &h, &n, NULL, &e),
	    PT_OK);
	ck_assert_uint_eq(n, 1);
	store_search_free(h, n);
	/* whole articles only, as before: the lid "1. lid een" is not in it */
	ck_assert_int_eq(store_search(st, "een", NULL, 10, 0, &h, &n, NULL, &e),
	                 PT_OK);
	ck_assert_uint_eq(n, 0);
	store_search_free(h, n);
	store_close(st);
	ck_assert_int_eq(t_db_int(dbpath, "SELECT count(*) FROM "
	                                  "provision_fts_docsize"),
	                 t_db_int(dbpath, "SELECT count(*) FROM provision "
	                                  "WHERE lid IS NULL"));
}
END_TEST

Suite *
suite_store(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store_open");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_store_schema);
	tcase_add_test(tc, test_store_wal_and_fk);
	tcase_add_test(tc, test_store_newer_schema_refused);
	tcase_add_test(tc, test_store_corrupt_file);
	tcase_add_test(tc, test_store_txn_nested);
	tcase_add_test(tc, test_store_txn_lock_wait);
	tcase_add_test(tc, test_store_open_read_only);
	suite_add_tcase(s, tc);
	tc = tcase_create("store_provision_at");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_store_version_at_date);
	tcase_add_test(tc, test_store_only_undated_version);
	tcase_add_test(tc, test_store_not_found);
	tcase_add_test(tc, test_store_no_version_in_force);
	tcase_add_test(tc, test_store_replace_version);
	tcase_add_test(tc, test_store_laws_list);
	tcase_add_test(tc, test_store_memo_int);
	tcase_add_test(tc, test_store_provision_shared);
	tcase_add_test(tc, test_store_laws_negative_id);
	tcase_add_test(tc, test_store_search_stems);
	tcase_add_test(tc, test_store_search_old_index);
	tcase_add_test(tc, test_query_reference_candidates);
	suite_add_tcase(s, tc);
	tc = tcase_create("store_search");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_store_search);
	tcase_add_test(tc, test_store_jci_url);
	suite_add_tcase(s, tc);
	return s;
}
