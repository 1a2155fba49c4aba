/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_import.c: files into the registry: counts per file, point in time,
 * re-import, and the bad-input catalogue (each case leaves the registry as
 * it was).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "digest.h"
#include "import.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"

static char *dir, *db;

static void
setup(void)
{
	dir = t_tmpdir();
	db = xasprintf("%s/reg.db", dir);
}

static void
teardown(void)
{
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
}

static enum pt_status
import_one(const char *path, const char *date, struct import_result *res,
           struct pt_err *e)
{
	struct pt_store *st;
	struct import_opts o;
	enum pt_status rc;

	memset(&o, 0, sizeof o);
	o.date = date;
	ck_assert_int_eq(store_open(db, &st, e), PT_OK);
	rc = import_file(st, path, &o, res, e);
	store_close(st);
	return rc;
}

static const struct {
	const char *file;
	const char *bwb;
	const char *date; /* NULL = unknown */
	long articles;    /* count(//artikel), corpus README */
} corpus[] = {
    {"corpus/bwb/BWBR0002656_wettenbestand-2012.xml", "BWBR0002656", NULL, 490},
    {"corpus/bwb/BWBR0018451_2025-01-01_0.xml", "BWBR0018451", "2025-01-01", 9},
    {"corpus/bwb/BWBR0045754_2022-05-01_0.xml", "BWBR0045754", "2022-05-01",
     112},
    {"corpus/bwb/BWBR0008326_2011-01-01_0.xml", "BWBR0008326", "2011-01-01", 6},
    {"corpus/bwb/BWBR0003984_1986-06-26_0.xml", "BWBR0003984", "1986-06-26", 3},
    {"corpus/bwb/BWBR0018450_2025-07-05_0.xml", "BWBR0018450", "2025-07-05",
     175},
    {"corpus/bwb/BWBR0002458_2015-01-01_0.xml", "BWBR0002458", "2015-01-01",
     74},
    {"corpus/extracts/BWBR0034925_2015-01-01_extract.xml", "BWBR0034925",
     "2015-01-01", 19},
    {"corpus/extracts/BWBR0034925_2026-01-01_extract.xml", "BWBR0034925",
     "2026-01-01", 21},
    {"corpus/extracts/BWBR0002656_2025-07-05_extract.xml", "BWBR0002656",
     "2025-07-05", 29},
    {"corpus/extracts/BWBR0035362_2026-07-01_extract.xml", "BWBR0035362",
     "2026-07-01", 7},
    {"corpus/extracts/BWBR0024649_2020-07-01_extract.xml", "BWBR0024649",
     "2020-07-01", 11},
};
#define NCORPUS (sizeof corpus / sizeof corpus[0])

/*
 * A full disk (a file-size limit, in a child) during an import of several
 * files: the message names the disk and the law file; the
 * registry keeps what it had.
 */
START_TEST(test_import_disk_full)
{
	char *small = t_src("xml/bwb/BWBR0034925_2015-01-01_extract.xml");
	char *big = t_src("xml/bwb/BWBR0002656_wettenbestand-2012.xml");
	int pid;

	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", db, "import", "-q", small, NULL), 0);
	if ((pid = t_fork_fsize(1200 * 1024)) == 0) {
		char *err = NULL;
		int rc =
		    t_cli(NULL, &err, "--db", db, "import", "-q", big, NULL);

		int ok = rc == PT_EDB && t_contains(err, "disk") &&
		         t_contains(err, "importing ") && t_contains(err, big);

		/* No leak in the child either (valgrind checks it too). */
		free(err);
		free(small);
		free(big);
		_exit(ok ? 0 : 1);
	}
	ck_assert_int_eq(t_wait(pid), 0);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM law"), 1);
	free(small);
	free(big);
}
END_TEST

START_TEST(test_import_corpus_counts)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	char *path = t_sharedpath(corpus[_i].file);
	char *sql;

	ck_assert_msg(import_one(path, NULL, &res, &e) == PT_OK, "%s: %s", path,
	              e.msg);
	ck_assert_int_eq(res.outcome, IMPORT_ADDED);
	ck_assert_str_eq(res.bwb, corpus[_i].bwb);
	if (corpus[_i].date)
		ck_assert_str_eq(res.inwerkingtreding, corpus[_i].date);
	else
		ck_assert_ptr_null(res.inwerkingtreding);
	ck_assert_int_eq(res.articles, corpus[_i].articles);
	import_result_release(&res);
	/* what is stored equals count(//artikel) */
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM provision WHERE lid IS NULL"),
	    corpus[_i].articles);
	sql = xasprintf("SELECT count(*) FROM version WHERE sha256 IS NOT NULL"
	                " AND source = '%s'",
	                path);
	ck_assert_int_eq(t_db_int(db, sql), 1);
	free(sql);
	free(path);
}
END_TEST

START_TEST(test_import_reimport_changes_nothing)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	char *path =
	    t_sharedpath("corpus/extracts/BWBR0034925_2026-01-01_extract.xml");
	char *before, *after;

	ck_assert_int_eq(import_one(path, NULL, &res, &e), PT_OK);
	import_result_release(&res);
	before = t_db_fingerprint(db);
	ck_assert_int_eq(import_one(path, NULL, &res, &e), PT_OK);
	ck_assert_int_eq(res.outcome, IMPORT_UNCHANGED);
	ck_assert_str_eq(res.bwb, "BWBR0034925");
	import_result_release(&res);
	after = t_db_fingerprint(db);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	free(path);
}
END_TEST

/*
 * A file seen for the first time is hashed while it is parsed: the version
 * carries the file's SHA-256, and the same content under another name (or
 * over its own version) changes nothing.
 */
START_TEST(test_import_one_pass_hash)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	char *path =
	    t_sharedpath("corpus/extracts/BWBR0034925_2026-01-01_extract.xml");
	char sha[DIGEST_SHA256_HEX], *data, *copy, *sql, *before, *after;
	size_t len;

	ck_assert_int_eq(digest_sha256_file(path, sha, NULL, &e), PT_OK);
	ck_assert_int_eq(import_one(path, NULL, &res, &e), PT_OK);
	ck_assert_int_eq(res.outcome, IMPORT_ADDED);
	import_result_release(&res);
	sql =
	    xasprintf("SELECT count(*) FROM version WHERE sha256 = '%s'", sha);
	ck_assert_int_eq(t_db_int(db, sql), 1);
	free(sql);

	before = t_db_fingerprint(db);
	data = t_read(path, &len);
	copy = t_write(dir, "kopie.xml", data, len);
	ck_assert_int_eq(import_one(copy, NULL, &res, &e), PT_OK);
	ck_assert_int_eq(res.outcome, IMPORT_UNCHANGED);
	ck_assert_str_eq(res.bwb, "BWBR0034925");
	ck_assert_int_eq(res.articles, 0);
	import_result_release(&res);
	after = t_db_fingerprint(db);
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM version WHERE sha256 = '-'"), 0);
	free(before);
	free(after);
	free(data);
	free(copy);
	free(path);
}
END_TEST

/* A known path whose content changed is imported again (the digest-first
 * path), and replaces its version. */
START_TEST(test_import_changed_file_same_path)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	char *path =
	    t_sharedpath("corpus/extracts/BWBR0034925_2026-01-01_extract.xml");
	char *data, *copy, *edited, sha[DIGEST_SHA256_HEX], *sql;
	size_t len;

	data = t_read(path, &len);
	copy = t_write(dir, "wet.xml", data, len);
	ck_assert_int_eq(import_one(copy, NULL, &res, &e), PT_OK);
	ck_assert_int_eq(res.outcome, IMPORT_ADDED);
	import_result_release(&res);
	/* the same file with a trailing comment: other bytes, same law */
	edited = xasprintf("%.*s\n<!-- gewijzigd -->\n", (int)len, data);
	free(copy);
	copy = t_write(dir, "wet.xml", edited, strlen(edited));
	ck_assert_int_eq(import_one(copy, NULL, &res, &e), PT_OK);
	ck_assert_int_eq(res.outcome, IMPORT_REPLACED);
	import_result_release(&res);
	ck_assert_int_eq(digest_sha256_file(copy, sha, NULL, &e), PT_OK);
	sql =
	    xasprintf("SELECT count(*) FROM version WHERE sha256 = '%s'", sha);
	ck_assert_int_eq(t_db_int(db, sql), 1);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM version"), 1);
	free(sql);
	free(edited);
	free(data);
	free(copy);
	free(path);
}
END_TEST

START_TEST(test_import_point_in_time)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	struct pt_store *st;
	struct store_provision p;
	char *a =
	    t_sharedpath("corpus/extracts/BWBR0034925_2015-01-01_extract.xml");
	char *b =
	    t_sharedpath("corpus/extracts/BWBR0034925_2026-01-01_extract.xml");

	ck_assert_int_eq(import_one(b, NULL, &res, &e), PT_OK);
	import_result_release(&res);
	ck_assert_int_eq(import_one(a, NULL, &res, &e), PT_OK);
	import_result_release(&res);
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	/* Jeugdwet 2.11 lid 1: the 2015 text excluded "vaststelling van de
	 * rechten en plichten" */
	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "2.11", "1",
	                                    "2020-01-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_FOUND);
	ck_assert_str_eq(p.version_date, "2015-01-01");
	ck_assert(t_contains(
	    p.text, "behoudens de vaststelling van de rechten en plichten"));
	store_provision_release(&p);
	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "2.11", "1",
	                                    "2026-01-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_FOUND);
	ck_assert_str_eq(p.version_date, "2026-01-01");
	ck_assert(t_contains(p.text, "Het college kan de uitvoering van deze "
	                             "wet door derden laten verrichten."));
	ck_assert(!t_contains(p.text, "behoudens"));
	store_provision_release(&p);
	/* 3.2 lid 1 quoted exactly */
	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "3.2", "1",
	                                    "2026-01-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_FOUND);
	ck_assert(t_contains(
	    p.text,
	    "Een kinderbeschermingsmaatregel of jeugdreclassering wordt "
	    "uitsluitend uitgevoerd door een gecertificeerde instelling."));
	store_provision_release(&p);
	/* 7.4.0 is new since 2015: absent at a 2020 date, present in 2026 */
	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "7.4.0", NULL,
	                                    "2020-01-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_NO_ARTICLE);
	store_provision_release(&p);
	ck_assert_int_eq(store_provision_at(st, "BWBR0034925", "7.4.0", NULL,
	                                    "2026-06-01", &p, &e),
	                 PT_OK);
	ck_assert_int_eq(p.found, STORE_FOUND);
	store_provision_release(&p);
	store_close(st);
	free(a);
	free(b);
}
END_TEST

START_TEST(test_import_old_format_with_date)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	char *path =
	    t_sharedpath("corpus/bwb/BWBR0002656_wettenbestand-2012.xml");

	ck_assert_int_eq(import_one(path, "2012-01-01", &res, &e), PT_OK);
	ck_assert_str_eq(res.inwerkingtreding, "2012-01-01");
	import_result_release(&res);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM version WHERE "
	                              "inwerkingtreding = '2012-01-01'"),
	                 1);
	free(path);
}
END_TEST

START_TEST(test_import_list_dir)
{
	struct pt_err e = PT_ERR_INIT;
	char **files;
	size_t n, i;
	char *bwb = t_sharedpath("corpus/bwb");

	ck_assert_int_eq(import_list(bwb, &files, &n, &e), PT_OK);
	ck_assert_uint_eq(n, 7); /* manifests and WTI files are skipped */
	for (i = 0; i < n; i++) {
		ck_assert(!t_contains(files[i], "manifest"));
		ck_assert(!t_contains(files[i], ".WTI."));
		if (i)
			ck_assert(strcmp(files[i - 1], files[i]) < 0);
	}
	ck_assert_ptr_null(files[n]);
	import_list_free(files, n);
	free(bwb);
}
END_TEST

/* The bad-input catalogue of the importer. */
static const struct {
	const char *name;
	const char *data;
	enum pt_status code;
	long line;       /* expected line, 0 = don't care */
	const char *msg; /* part of the message */
} bad[] = {
    {"empty.xml", "", PT_EINPUT, 1, "empty"},
    {"garbage.xml",
     "\x7f"
     "ELF\x02\x01\x01\x00\x00\x00binary",
     PT_EINPUT, 1, ""},
    {"truncated.xml",
     "<?xml version=\"1.0\"?>\n<toestand bwb-id=\"BWBR0000001\" "
     "inwerkingtreding=\"2020-01-01\">\n<wetgeving><wet-besluit><wettekst><"
     "artikel><kop><nr>1</nr></kop><al>tekst",
     PT_EINPUT, 0, ""},
    {"root.xml", "<?xml version=\"1.0\"?>\n<html><body/></html>\n", PT_EINPUT,
     2, "html"},
    {"utf8.xml",
     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<toestand "
     "bwb-id=\"BWBR0000001\" "
     "inwerkingtreding=\"2020-01-01\">\n<wetgeving><citeertitel>bad \xff\xfe "
     "byte</citeertitel></wetgeving></toestand>\n",
     PT_EINPUT, 3, "UTF-8"},
    {"xxe.xml",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE toestand [\n<!ENTITY x SYSTEM "
     "\"file:///etc/passwd\">\n]>\n<toestand bwb-id=\"BWBR0000001\" "
     "inwerkingtreding=\"2020-01-01\"><wetgeving><citeertitel>&x;</"
     "citeertitel></wetgeving></toestand>\n",
     PT_EUNSAFE, 3, "entit"},
    {"xxe-net.xml",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE toestand [\n<!ENTITY x SYSTEM "
     "\"http://127.0.0.1:9/x\">\n]>\n<toestand bwb-id=\"BWBR0000001\" "
     "inwerkingtreding=\"2020-01-01\"><wetgeving><citeertitel>&x;</"
     "citeertitel></wetgeving></toestand>\n",
     PT_EUNSAFE, 3, "entit"},
    {"laughs.xml",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE toestand [\n<!ENTITY a "
     "\"lol\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c "
     "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n<!ENTITY d "
     "\"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n]>\n<toestand "
     "bwb-id=\"BWBR0000001\" "
     "inwerkingtreding=\"2020-01-01\"><wetgeving><citeertitel>&d;</"
     "citeertitel></wetgeving></toestand>\n",
     PT_EUNSAFE, 3, "entit"},
    {"nobwbid.xml",
     "<?xml version=\"1.0\"?>\n<toestand "
     "inwerkingtreding=\"2020-01-01\"><wetgeving/></toestand>\n",
     PT_EINPUT, 2, "bwb-id"},
};
#define NBAD (sizeof bad / sizeof bad[0])

START_TEST(test_import_bad_input_leaves_registry)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	char *good =
	    t_sharedpath("corpus/extracts/BWBR0024649_2020-07-01_extract.xml");
	char *path, *before, *after;

	ck_assert_int_eq(import_one(good, NULL, &res, &e), PT_OK);
	import_result_release(&res);
	before = t_db_fingerprint(db);
	path = t_write(dir, bad[_i].name, bad[_i].data, strlen(bad[_i].data));
	pt_err_clear(&e);
	ck_assert_int_eq(import_one(path, NULL, &res, &e), bad[_i].code);
	ck_assert_msg(strcmp(e.file, path) == 0, "%s: error names '%s'",
	              bad[_i].name, e.file);
	if (bad[_i].line)
		ck_assert_msg(e.line == bad[_i].line,
		              "%s: line %ld, want %ld (%s)", bad[_i].name,
		              e.line, bad[_i].line, e.msg);
	ck_assert_msg(t_contains(e.msg, bad[_i].msg),
	              "%s: message '%s' lacks '%s'", bad[_i].name, e.msg,
	              bad[_i].msg);
	after = t_db_fingerprint(db);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	free(path);
	free(good);
}
END_TEST

START_TEST(test_import_unreadable)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	char *missing = xasprintf("%s/missing.xml", dir);

	ck_assert_int_eq(import_one(missing, NULL, &res, &e), PT_EIO);
	ck_assert_str_eq(e.file, missing);
	free(missing);
}
END_TEST

Suite *
suite_import(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import_file");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_import_corpus_counts, 0, NCORPUS);
	tcase_add_test(tc, test_import_disk_full);
	tcase_add_test(tc, test_import_reimport_changes_nothing);
	tcase_add_test(tc, test_import_one_pass_hash);
	tcase_add_test(tc, test_import_changed_file_same_path);
	tcase_add_test(tc, test_import_point_in_time);
	tcase_add_test(tc, test_import_old_format_with_date);
	tcase_add_test(tc, test_import_list_dir);
	tcase_add_test(tc, test_import_unreadable);
	suite_add_tcase(s, tc);
	tc = tcase_create("bad_input");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_import_bad_input_leaves_registry, 0, NBAD);
	suite_add_tcase(s, tc);
	return s;
}
