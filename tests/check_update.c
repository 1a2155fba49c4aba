/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_update.c: `proeftoets update` against a local mirror of the BWB
 * repository built from the corpus and served by tests/mirror_server.py
 * on a loopback port: real manifests and hashes, version selection,
 * skipping without downloading, and each failure (corrupt, 404, truncated,
 * stalled, unparsable manifest, wrong size, wrong law) leaving the registry
 * as it was while the other laws go on.
 */
#include "config.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "digest.h"
#include "query.h"
#include "rules.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"
#include "update.h"

#define L1    "BWBR0045754" /* Wet open overheid: reduced real manifest */
#define L2    "BWBR0002458" /* Drank- en Horecawet: the real manifest */
#define L3    "BWBR0018451" /* Wet op de zorgtoeslag: a manifest made here */
#define F1    "/" L1 "/2022-05-01_0/xml/" L1 "_2022-05-01_0.xml"
#define F2    "/" L2 "/2015-01-01_0/xml/" L2 "_2015-01-01_0.xml"
#define F3    "/" L3 "/2025-01-01_0/xml/" L3 "_2025-01-01_0.xml"
#define M1    "/" L1 "/manifest.xml"
#define M2    "/" L2 "/manifest.xml"
#define M3    "/" L3 "/manifest.xml"
#define TODAY "2015-06-01"

static char *dir, *db, *mirror, *logpath, *base, *filebase;
static pid_t server = -1;

/* --- the mirror -------------------------------------------------------------
 */

static void
mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	mkdir(p, 0755);
	free(p);
}

/* Write data to mirror/rel, creating directories. */
static void
put(const char *rel, const char *data, size_t len)
{
	char *path = xasprintf("%s%s", mirror, rel);
	char *slash = strrchr(path, '/');
	char *d = xstrndup(path, (size_t)(slash - path));
	char *w;

	mkdirs(d);
	w = t_write(d, slash + 1, data, len);
	free(w);
	free(d);
	free(path);
}

static char *
corpus(const char *name, size_t *len)
{
	char *rel = xasprintf("corpus/bwb/%s", name);
	char *path = t_sharedpath(rel);
	char *data = t_read(path, len);

	ck_assert_msg(data != NULL, "cannot read %s", path);
	free(path);
	free(rel);
	return data;
}

/* A manifest with one expression for data, as the repository writes it. */
static char *
make_manifest(const char *bwb, const char *label, const char *date,
              const char *item, const char *data, size_t len, long size_delta)
{
	char sha[DIGEST_SHA512_HEX];

	digest_sha512_mem(data, len, sha);
	return xasprintf(
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<work label=\"%s\" gegenereerd=\"2025-01-02T06:00:00+01:00\">"
	    "<metadata><datum_inwerkingtreding>%s</datum_inwerkingtreding></"
	    "metadata>\n"
	    "<expression label=\"%s\"><metadata>"
	    "<datum_inwerkingtreding>%s</datum_inwerkingtreding>"
	    "<zichtdatum_start>%s</zichtdatum_start></metadata>\n"
	    "<manifestation label=\"xml\"><metadata><size>%ld</size>"
	    "<hashcode>%s</hashcode></metadata>"
	    "<item label=\"%s\" _deleted=\"false\"/></manifestation>"
	    "</expression></work>\n",
	    bwb, date, label, date, date, (long)len + size_delta, sha, item);
}

static void
build_mirror(void)
{
	char *m, *f, *cut, *red;
	size_t mlen, flen;

	/* L1: the real manifest with only its first expression. */
	m = corpus(L1 "_manifest.xml", &mlen);
	cut = strstr(m, "</expression>");
	ck_assert_ptr_nonnull(cut);
	red = xasprintf("%.*s</work>\n", (int)(cut - m + 13), m);
	put(M1, red, strlen(red));
	free(red);
	free(m);
	f = corpus(L1 "_2022-05-01_0.xml", &flen);
	put(F1, f, flen);
	free(f);
	/* L2: the real manifest as it is (16 expressions). */
	m = corpus(L2 "_manifest.xml", &mlen);
	put(M2, m, mlen);
	free(m);
	f = corpus(L2 "_2015-01-01_0.xml", &flen);
	put(F2, f, flen);
	free(f);
	/* L3: a manifest made for the corpus file, without einddatum. */
	f = corpus(L3 "_2025-01-01_0.xml", &flen);
	put(F3, f, flen);
	m = make_manifest(L3, "2025-01-01_0", "2025-01-01",
	                  L3 "_2025-01-01_0.xml", f, flen, 0);
	put(M3, m, strlen(m));
	free(m);
	free(f);
}

static void
setup(void)
{
	dir = t_tmpdir();
	db = xasprintf("%s/reg.db", dir);
	mirror = xasprintf("%s/mirror", dir);
	logpath = xasprintf("%s/server.log", dir);
	filebase = xasprintf("file://%s", mirror);
	base = NULL;
	server = -1;
	build_mirror();
}

static void
stop_server(void)
{
	if (server > 0) {
		kill(server, SIGTERM);
		waitpid(server, NULL, 0);
		server = -1;
	}
}

static void
teardown(void)
{
	stop_server();
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
	free(mirror);
	free(logpath);
	free(filebase);
	free(base);
}

/* Start the mirror server with fault options (NULL-terminated). */
static void
start_server(const char *const *faults)
{
	char *script = t_src("tests/mirror_server.py");
	const char *argv[32];
	char line[32];
	int fd[2], argc = 0, i;
	ssize_t n;
	size_t got = 0;

	argv[argc++] = "python3";
	argv[argc++] = script;
	argv[argc++] = "--root";
	argv[argc++] = mirror;
	argv[argc++] = "--log";
	argv[argc++] = logpath;
	argv[argc++] = "--lifetime";
	argv[argc++] = "60";
	for (i = 0; faults && faults[i] && argc < 30; i++)
		argv[argc++] = faults[i];
	argv[argc] = NULL;
	ck_assert_int_eq(pipe(fd), 0);
	server = fork();
	ck_assert_int_ge(server, 0);
	if (server == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execvp("python3", (char *const *)argv);
		_exit(127);
	}
	close(fd[1]);
	while (got < sizeof line - 1 &&
	       (n = read(fd[0], line + got, sizeof line - 1 - got)) > 0) {
		got += (size_t)n;
		if (memchr(line, '\n', got))
			break;
	}
	close(fd[0]);
	line[got] = '\0';
	ck_assert_msg(atoi(line) > 0, "the mirror server did not start");
	free(base);
	base = xasprintf("http://127.0.0.1:%d", atoi(line));
	free(script);
}

/* How many requests the server logged for path (with any status). */
static int
requests(const char *path)
{
	char *log = t_read(logpath, NULL), *p;
	char *needle = xasprintf("GET %s ", path);
	int n = 0;

	for (p = log; p && (p = strstr(p, needle)) != NULL; p++)
		n++;
	free(needle);
	free(log);
	return n;
}

static long long
versions_of(const char *bwb)
{
	char *sql = xasprintf("SELECT count(*) FROM version v JOIN law l"
	                      " ON l.id = v.law_id WHERE l.bwb = '%s'",
	                      bwb);
	long long n = t_db_int(db, sql);

	free(sql);
	return n;
}

/* Whether a temporary download file is left next to the database. */
static int
temp_left(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)) != NULL)
		if (strstr(e->d_name, ".update-"))
			found = 1;
	if (d)
		closedir(d);
	return found;
}

#define UPDATE(out, err, b, ...)                                               \
	t_cli(out, err, "--db", db, "update", "--base", b, "--today", TODAY,   \
	      __VA_ARGS__, NULL)

/* --- manifests -------------------------------------------------------------
 */

static struct update_manifest *
load_real(const char *bwb)
{
	char *rel = xasprintf("corpus/bwb/%s_manifest.xml", bwb);
	char *path = t_sharedpath(rel);
	struct update_manifest *m = NULL;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_msg(update_manifest_load(path, bwb, &m, &e) == PT_OK, "%s",
	              e.msg);
	free(path);
	free(rel);
	return m;
}

static void
assert_real_hash(const struct update_manifest *m, const char *label,
                 const char *file)
{
	char *rel = xasprintf("corpus/bwb/%s", file);
	char *path = t_sharedpath(rel);
	char sha[DIGEST_SHA512_HEX];
	unsigned long long size;
	struct pt_err e = PT_ERR_INIT;
	size_t i;

	ck_assert_int_eq(digest_sha512_file(path, sha, &size, &e), PT_OK);
	for (i = 0; i < m->n; i++)
		if (strcmp(m->versions[i].label, label) == 0)
			break;
	ck_assert_msg(i < m->n, "no expression %s", label);
	ck_assert_str_eq(m->versions[i].sha512, sha);
	ck_assert(m->versions[i].have_size);
	ck_assert_uint_eq(m->versions[i].size, size);
	ck_assert_str_eq(m->versions[i].item, file);
	free(path);
	free(rel);
}

START_TEST(test_manifest_real_woo)
{
	struct update_manifest *m = load_real(L1);

	ck_assert_str_eq(m->bwb, L1);
	ck_assert_uint_eq(m->n, 4);
	ck_assert_str_eq(m->versions[0].label, "2022-05-01_0");
	ck_assert_str_eq(m->versions[0].inwerkingtreding, "2022-05-01");
	ck_assert_str_eq(m->versions[0].einddatum, "2022-07-31");
	ck_assert_str_eq(m->versions[3].label, "2023-04-01_0");
	ck_assert_str_eq(m->versions[3].einddatum, "9999-12-31");
	ck_assert_str_eq(m->versions[3].item, L1 "_2023-04-01_0.xml");
	ck_assert_uint_eq(m->versions[3].size, 456038);
	assert_real_hash(m, "2022-05-01_0", L1 "_2022-05-01_0.xml");
	update_manifest_free(m);
}
END_TEST

START_TEST(test_manifest_real_dhw)
{
	struct update_manifest *m = load_real(L2);

	/* Re-indented: the hashcode is surrounded by white space. */
	ck_assert_uint_eq(m->n, 16);
	ck_assert_uint_eq(strlen(m->versions[0].sha512), 128);
	assert_real_hash(m, "2015-01-01_0", L2 "_2015-01-01_0.xml");
	update_manifest_free(m);
}
END_TEST

static char *
selected(const char *bwb, enum update_select how, const char *date)
{
	struct update_manifest *m = load_real(bwb);
	struct pt_buf b = PT_BUF_INIT;
	size_t *idx = xcalloc(m->n, sizeof *idx), n, i;

	n = update_select_versions(m, how, date, idx);
	for (i = 0; i < n; i++)
		pt_buf_addf(&b, "%s%s", i ? " " : "",
		            m->versions[idx[i]].label);
	free(idx);
	update_manifest_free(m);
	return pt_buf_detach(&b);
}

static const struct {
	const char *bwb;
	enum update_select how;
	const char *date;
	const char *want;
} selections[] = {
    {L1, UPDATE_CURRENT, "2022-06-01",
     "2022-05-01_0 2022-08-01_0 2023-02-18_0 2023-04-01_0"},
    /* einddatum is the last day in force */
    {L1, UPDATE_CURRENT, "2022-07-31",
     "2022-05-01_0 2022-08-01_0 2023-02-18_0 2023-04-01_0"},
    {L1, UPDATE_CURRENT, "2022-08-01",
     "2022-08-01_0 2023-02-18_0 2023-04-01_0"},
    {L1, UPDATE_CURRENT, "2023-03-15", "2023-02-18_0 2023-04-01_0"},
    {L1, UPDATE_CURRENT, "2026-11-25", "2023-04-01_0"},
    /* not yet in force: every published version is later */
    {L1, UPDATE_CURRENT, "2020-01-01",
     "2022-05-01_0 2022-08-01_0 2023-02-18_0 2023-04-01_0"},
    {L1, UPDATE_SINCE, "2023-01-01", "2022-08-01_0 2023-02-18_0 2023-04-01_0"},
    {L1, UPDATE_SINCE, "2023-04-01", "2023-04-01_0"},
    {L1, UPDATE_ALL, NULL,
     "2022-05-01_0 2022-08-01_0 2023-02-18_0 2023-04-01_0"},
    /* 2013-01-01_1 corrects 2013-01-01_0: the correction is the version */
    {L2, UPDATE_CURRENT, "2013-06-01",
     "2013-01-01_1 2014-01-01_1 2014-02-15_0 2015-01-01_0"},
    {L2, UPDATE_CURRENT, "2015-06-01", "2015-01-01_0"},
    {L2, UPDATE_SINCE, "2014-02-14", "2014-01-01_1 2014-02-15_0 2015-01-01_0"},
    {L2, UPDATE_ALL, NULL,
     "2000-11-01_0 2002-07-01_0 2003-06-01_0 2004-12-01_0 2005-07-01_0 "
     "2005-07-31_0 2005-09-14_0 2009-07-01_0 2010-07-14_0 2012-01-01_0 "
     "2013-01-01_1 2014-01-01_1 2014-02-15_0 2015-01-01_0"},
};

START_TEST(test_select_real)
{
	char *got = selected(selections[_i].bwb, selections[_i].how,
	                     selections[_i].date);

	ck_assert_msg(strcmp(got, selections[_i].want) == 0,
	              "%s %d %s: got '%s', want '%s'", selections[_i].bwb,
	              (int)selections[_i].how,
	              selections[_i].date ? selections[_i].date : "-", got,
	              selections[_i].want);
	free(got);
}
END_TEST

#define HASH128                                                                \
	"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"     \
	"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define EXPR(label, item, hash)                                                \
	"<expression label=\"" label "\"><metadata><datum_inwerkingtreding>"   \
	"2020-01-01</datum_inwerkingtreding></metadata><manifestation "        \
	"label=\"xml\"><metadata><size>10</size><hashcode>" hash "</hashcode>" \
	"</metadata><item label=\"" item "\"/></manifestation></expression>"

static const struct {
	const char *xml;
	enum pt_status want;
	const char *msg;
} bad_manifests[] = {
    {"<work label=\"" L3 "\"><expression", PT_EINPUT, ""},
    {"<toestand label=\"" L3 "\"/>", PT_EINPUT, "not a BWB manifest"},
    {"<work label=\"" L1 "\"/>", PT_EINPUT, "is for '" L1 "'"},
    {"<work label=\"" L3 "\">" EXPR("a/b", "x.xml", HASH128) "</work>",
     PT_EINPUT, "bad expression label 'a/b'"},
    {"<work label=\"" L3
     "\">" EXPR("2020-01-01_0", "../x.xml", HASH128) "</work>",
     PT_EINPUT, "bad item label '../x.xml'"},
    {"<work label=\"" L3 "\">" EXPR("2020-01-01_0", "x.xml", "abc") "</work>",
     PT_EINPUT, "not a SHA-512"},
    {"<work label=\"" L3 "\">" EXPR("2020-01-01_0", "x.xml", HASH128)
         EXPR("2020-01-01_0", "y.xml", HASH128) "</work>",
     PT_EINPUT, "listed twice"},
    {"<work label=\"" L3
     "\"><expression label=\"x\"><metadata/></expression></work>",
     PT_EINPUT, "no valid datum_inwerkingtreding"},
    {"<!DOCTYPE work [<!ENTITY a \"b\">]><work label=\"" L3 "\"/>", PT_EUNSAFE,
     ""},
};

START_TEST(test_manifest_bad)
{
	struct update_manifest *m = NULL;
	struct pt_err e = PT_ERR_INIT;
	char *path = t_write(dir, "manifest.xml", bad_manifests[_i].xml,
	                     strlen(bad_manifests[_i].xml));

	ck_assert_int_eq(update_manifest_load(path, L3, &m, &e),
	                 bad_manifests[_i].want);
	ck_assert_ptr_null(m);
	ck_assert_msg(t_contains(e.msg, bad_manifests[_i].msg), "%s", e.msg);
	ck_assert_str_eq(e.file, path);
	free(path);
}
END_TEST

START_TEST(test_manifest_deleted_item)
{
	static const char xml[] =
	    "<work label=\"" L3 "\">"
	    "<expression "
	    "label=\"2020-01-01_0\"><metadata><datum_inwerkingtreding>"
	    "2020-01-01</datum_inwerkingtreding></metadata><manifestation "
	    "label=\"xml\">"
	    "<metadata><hashcode>" HASH128 "</hashcode></metadata>"
	    "<item label=\"x.xml\" "
	    "_deleted=\"true\"/></manifestation></expression>"
	    "</work>";
	struct update_manifest *m = NULL;
	struct pt_err e = PT_ERR_INIT;
	char *path = t_write(dir, "manifest.xml", xml, sizeof xml - 1);

	ck_assert_int_eq(update_manifest_load(path, L3, &m, &e), PT_OK);
	ck_assert_uint_eq(m->n, 0);
	update_manifest_free(m);
	free(path);
}
END_TEST

/* --- updating over HTTP ----------------------------------------------------
 */

START_TEST(test_update_http)
{
	char *out, *err;
	int rc;

	start_server(NULL);
	rc = UPDATE(&out, &err, base, L1, L2, L3);
	ck_assert_msg(rc == PT_OK, "rc %d: %s", rc, err);
	ck_assert(t_contains(out, "imported  " L1
	                          " 2022-05-01_0  Wet open overheid"));
	ck_assert(t_contains(out, "imported  " L2
	                          " 2015-01-01_0  Drank- en Horecawet"));
	ck_assert(t_contains(out, "imported  " L3 " 2025-01-01_0"));
	ck_assert(t_contains(
	    out, "3 imported, 0 unchanged, 0 failed; 3 files downloaded"));
	ck_assert_int_eq(versions_of(L1), 1);
	ck_assert_int_eq(versions_of(L2), 1);
	ck_assert_int_eq(versions_of(L3), 1);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM provision p JOIN version v"
	                 " ON v.id = p.version_id JOIN law l ON l.id = v.law_id"
	                 " WHERE l.bwb = '" L1 "' AND p.lid IS NULL"),
	    112);
	/* The version's source is where it came from, not the temporary file.
	 */
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM version"
	                 " WHERE source LIKE 'http://127.0.0.1:%/xml/%.xml'"),
	    3);
	ck_assert_int_eq(requests(M1), 1);
	ck_assert_int_eq(requests(F1), 1);
	ck_assert_int_eq(requests(F2), 1);
	ck_assert_int_eq(requests(F3), 1);
	ck_assert(!temp_left());
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_twice)
{
	char *out, *err, *fp1, *fp2;

	start_server(NULL);
	ck_assert_int_eq(UPDATE(NULL, NULL, base, L1, L2, L3), PT_OK);
	fp1 = t_db_fingerprint(db);
	ck_assert_int_eq(UPDATE(&out, &err, base, L1, L2, L3), PT_OK);
	fp2 = t_db_fingerprint(db);
	ck_assert_str_eq(fp1, fp2);
	ck_assert(t_contains(out, "unchanged " L1 " 2022-05-01_0\n"));
	ck_assert(t_contains(out, "unchanged " L2 " 2015-01-01_0\n"));
	ck_assert(t_contains(
	    out, "0 imported, 3 unchanged, 0 failed; 0 files downloaded"));
	/* The manifests were read again; no file body was. */
	ck_assert_int_eq(requests(M1), 2);
	ck_assert_int_eq(requests(M2), 2);
	ck_assert_int_eq(requests(F1), 1);
	ck_assert_int_eq(requests(F2), 1);
	ck_assert_int_eq(requests(F3), 1);
	free(fp1);
	free(fp2);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_corrupt)
{
	static const char *const faults[] = {"--corrupt", F3, NULL};
	char *out, *err, *fp1, *fp2;
	int rc;

	start_server(faults);
	rc = UPDATE(&out, &err, base, L1, L2, L3);
	ck_assert_int_eq(rc, PT_EIO);
	ck_assert_msg(
	    t_contains(err, L3 " version 2025-01-01_0: SHA-512 mismatch"), "%s",
	    err);
	ck_assert(t_contains(out, "failed    " L3 " 2025-01-01_0\n"));
	ck_assert(t_contains(out, "2 imported, 0 unchanged, 1 failed"));
	ck_assert_int_eq(versions_of(L1), 1);
	ck_assert_int_eq(versions_of(L2), 1);
	ck_assert_int_eq(versions_of(L3), 0);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM law WHERE bwb = '" L3 "'"), 0);
	ck_assert(!temp_left());
	/* Again: still refused, nothing changes. */
	fp1 = t_db_fingerprint(db);
	ck_assert_int_eq(UPDATE(NULL, NULL, base, L1, L2, L3), PT_EIO);
	fp2 = t_db_fingerprint(db);
	ck_assert_str_eq(fp1, fp2);
	ck_assert_int_eq(requests(F3), 2);
	free(fp1);
	free(fp2);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_404)
{
	char *out, *err, *m;
	size_t len;
	int rc;

	/* The full real manifest: three later versions are not in the mirror.
	 */
	m = corpus(L1 "_manifest.xml", &len);
	put(M1, m, len);
	free(m);
	start_server(NULL);
	rc = t_cli(&out, &err, "--db", db, "update", "--base", base, "--today",
	           "2022-06-01", L1, L3, NULL);
	ck_assert_int_eq(rc, PT_EIO);
	ck_assert(t_contains(out, "imported  " L1 " 2022-05-01_0"));
	ck_assert(t_contains(out, "failed    " L1 " 2022-08-01_0\n"));
	ck_assert(t_contains(out, "failed    " L1 " 2023-04-01_0\n"));
	ck_assert(t_contains(out, "imported  " L3 " 2025-01-01_0"));
	ck_assert_msg(
	    t_contains(err, L1 " version 2023-02-18_0: cannot download"), "%s",
	    err);
	ck_assert(t_contains(err, "HTTP 404 Not Found"));
	ck_assert(!t_contains(err, "attempts"));
	ck_assert_int_eq(versions_of(L1), 1);
	/* 404 is never retried. */
	ck_assert_int_eq(
	    requests("/" L1 "/2022-08-01_0/xml/" L1 "_2022-08-01_0.xml"), 1);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_truncated)
{
	static const char *const faults[] = {"--truncate", F1, NULL};
	char *out, *err;
	int rc;

	start_server(faults);
	rc = UPDATE(&out, &err, base, "--retries", "1", L1, L2);
	ck_assert_int_eq(rc, PT_EIO);
	ck_assert_msg(
	    t_contains(err, L1 " version 2022-05-01_0: cannot download"), "%s",
	    err);
	ck_assert(t_contains(err, "truncated download"));
	ck_assert(t_contains(err, "(after 2 attempts)"));
	ck_assert_int_eq(requests(F1), 2);
	ck_assert_int_eq(versions_of(L1), 0);
	ck_assert_int_eq(versions_of(L2), 1);
	ck_assert(!temp_left());
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_stalled)
{
	static const char *const faults[] = {"--stall", F2, NULL};
	char *out, *err;
	time_t t0;
	int rc;

	start_server(faults);
	t0 = time(NULL);
	rc = UPDATE(&out, &err, base, "--timeout", "1", "--retries", "0", L2,
	            L3);
	ck_assert_int_le(time(NULL) - t0, 10);
	ck_assert_int_eq(rc, PT_EIO);
	ck_assert_msg(
	    t_contains(err, L2 " version 2015-01-01_0: cannot download"), "%s",
	    err);
	ck_assert(t_contains(err, "timed out"));
	ck_assert_int_eq(requests(F2), 1);
	ck_assert_int_eq(versions_of(L2), 0);
	ck_assert_int_eq(versions_of(L3), 1);
	free(out);
	free(err);
}
END_TEST

/* A body sent with a Content-Encoding that was not asked for (a gzip
 * bomb is one) is refused before it is decoded; nothing is stored. */
START_TEST(test_update_refuses_encoding)
{
	static const char *const faults[] = {"--gzip", F1, NULL};
	char *out, *err;

	start_server(faults);
	ck_assert_int_eq(UPDATE(&out, &err, base, "--retries", "0", L1, L2),
	                 PT_EIO);
	ck_assert_msg(t_contains(err, "Content-Encoding 'gzip'"), "%s", err);
	ck_assert_int_eq(requests(F1), 1);
	ck_assert_int_eq(versions_of(L1), 0);
	ck_assert_int_eq(versions_of(L2), 1);
	ck_assert(!temp_left());
	free(out);
	free(err);
}
END_TEST

/* A body longer than the manifest's size is cut off at that size. */
START_TEST(test_update_caps_at_manifest_size)
{
	static const char *const faults[] = {"--oversize", F1, NULL};
	char *out, *err;

	start_server(faults);
	ck_assert_int_eq(UPDATE(&out, &err, base, "--retries", "0", L1),
	                 PT_EIO);
	ck_assert_msg(t_contains(err, "larger than the maximum of"), "%s", err);
	ck_assert_int_eq(versions_of(L1), 0);
	ck_assert(!temp_left());
	free(out);
	free(err);
}
END_TEST

/* Redirects within the origin are followed; to another host only with
 * --any-origin. */
START_TEST(test_update_redirects)
{
	static const char *const same[] = {"--redirect", F1 "=/elders" F1,
	                                   NULL};
	static const char *const foreign[] = {"--redirect-foreign",
	                                      F1 "=/elders" F1, NULL};
	char *out, *err, *body, *path;
	size_t len;

	path = xasprintf("%s%s", mirror, F1);
	body = t_read(path, &len);
	ck_assert_ptr_nonnull(body);
	put("/elders" F1, body, len);
	free(body);
	free(path);

	start_server(foreign);
	ck_assert_int_eq(UPDATE(&out, &err, base, "--retries", "0", L1),
	                 PT_EIO);
	ck_assert_msg(t_contains(err, "redirect to another origin refused: "
	                              "http://localhost:"),
	              "%s", err);
	ck_assert_int_eq(versions_of(L1), 0);
	free(out);
	free(err);
	ck_assert_int_eq(UPDATE(&out, &err, base, "--any-origin", L1), PT_OK);
	ck_assert_int_eq(versions_of(L1), 1);
	free(out);
	free(err);
	stop_server();

	/* Within the origin: followed, the same file (a fresh registry). */
	free(db);
	db = xasprintf("%s/reg-2.db", dir);
	start_server(same);
	ck_assert_int_eq(UPDATE(&out, &err, base, L1), PT_OK);
	ck_assert_int_eq(versions_of(L1), 1);
	/* Once through localhost (--any-origin) above, once here. */
	ck_assert_int_eq(requests("/elders" F1), 2);
	free(out);
	free(err);
}
END_TEST

/* The temporary downloads of a killed run are removed by the next run;
 * those of a run still going on are not.  The version a run stores names
 * its URL as the source, never the temporary file. */
START_TEST(test_update_cleans_killed_runs)
{
	char *dead, *live, *name, *out, *err;
	pid_t pid = fork();
	struct stat st;

	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(pid, NULL, 0), pid);
	name = xasprintf("reg.db.update-%ld-Ab12Cd", (long)pid);
	dead = t_write(dir, name, "half a law", 10);
	free(name);
	name = xasprintf("reg.db.update-%ld-Ef34Gh", (long)getpid());
	live = t_write(dir, name, "in progress", 11);
	free(name);
	start_server(NULL);
	ck_assert_int_eq(UPDATE(&out, &err, base, L1), PT_OK);
	ck_assert_int_ne(stat(dead, &st), 0);
	ck_assert_int_eq(stat(live, &st), 0);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM version "
	                              "WHERE source LIKE '%.update-%'"),
	                 0);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM version "
	                              "WHERE source LIKE 'http://127.0.0.1:%'"),
	                 1);
	unlink(live);
	free(dead);
	free(live);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_retry_503)
{
	static const char *const faults[] = {"--flaky", M2 ":2", NULL};
	char *out, *err;

	start_server(faults);
	ck_assert_int_eq(UPDATE(&out, &err, base, "--retries", "2", L2), PT_OK);
	ck_assert_int_eq(requests(M2), 3);
	ck_assert_int_eq(versions_of(L2), 1);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_bad_manifest)
{
	static const char junk[] = "<work label=\"" L3 "\"><expression label=";
	char *out, *err, *fp1, *fp2;
	int rc;

	start_server(NULL);
	ck_assert_int_eq(UPDATE(NULL, NULL, base, L1, L3), PT_OK);
	fp1 = t_db_fingerprint(db);
	put(M3, junk, sizeof junk - 1);
	rc = UPDATE(&out, &err, base, L3);
	ck_assert_int_eq(rc, PT_EINPUT);
	fp2 = t_db_fingerprint(db);
	ck_assert_str_eq(fp1, fp2);
	ck_assert_msg(t_contains(err, base) && t_contains(err, M3 ":1"), "%s",
	              err);
	ck_assert(t_contains(err, ": " L3 " manifest: "));
	ck_assert(t_contains(out, "failed    " L3 " manifest\n"));
	free(out);
	free(err);
	/* The laws after it still go on. */
	rc = UPDATE(&out, &err, base, L3, L2, L1);
	ck_assert_int_eq(rc, PT_EINPUT);
	ck_assert(t_contains(out, "imported  " L2 " 2015-01-01_0"));
	ck_assert(t_contains(out, "unchanged " L1 " 2022-05-01_0\n"));
	ck_assert_int_eq(versions_of(L3), 1);
	ck_assert_int_eq(versions_of(L2), 1);
	free(fp1);
	free(fp2);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_size_mismatch)
{
	char *f, *m, *out, *err;
	size_t flen;

	f = corpus(L3 "_2025-01-01_0.xml", &flen);
	m = make_manifest(L3, "2025-01-01_0", "2025-01-01",
	                  L3 "_2025-01-01_0.xml", f, flen, 1);
	put(M3, m, strlen(m));
	start_server(NULL);
	ck_assert_int_eq(UPDATE(&out, &err, base, L3, L1), PT_EIO);
	ck_assert_msg(
	    t_contains(err, L3 " version 2025-01-01_0: size mismatch"), "%s",
	    err);
	ck_assert_int_eq(versions_of(L3), 0);
	ck_assert_int_eq(versions_of(L1), 1);
	free(m);
	free(f);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_wrong_law)
{
	char *f, *m, *out, *err;
	size_t flen;

	/* A correct hash, but the file is another law. */
	f = corpus("BWBR0003984_1986-06-26_0.xml", &flen);
	put(F3, f, flen);
	m = make_manifest(L3, "2025-01-01_0", "2025-01-01",
	                  L3 "_2025-01-01_0.xml", f, flen, 0);
	put(M3, m, strlen(m));
	start_server(NULL);
	ck_assert_int_eq(UPDATE(&out, &err, base, L3), PT_EINPUT);
	ck_assert_msg(
	    t_contains(err, L3
	               " version 2025-01-01_0: the file holds 'BWBR0003984'"),
	    "%s", err);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM version"), 0);
	free(m);
	free(f);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_file_base)
{
	char *out, *err, *fp1, *fp2;
	size_t len;
	int rc;

	rc = UPDATE(&out, &err, filebase, L1, L2, L3);
	ck_assert_msg(rc == PT_OK, "%s", err);
	ck_assert(t_contains(out, "3 imported, 0 unchanged, 0 failed"));
	ck_assert_int_eq(
	    t_db_int(
	        db,
	        "SELECT count(*) FROM version WHERE source LIKE 'file://%'"),
	    3);
	fp1 = t_db_fingerprint(db);
	free(out);
	free(err);
	ck_assert_int_eq(UPDATE(&out, &err, filebase, L1, L2, L3), PT_OK);
	ck_assert(t_contains(
	    out, "0 imported, 3 unchanged, 0 failed; 0 files downloaded"));
	fp2 = t_db_fingerprint(db);
	ck_assert_str_eq(fp1, fp2);
	/* Files missing from the mirror: the real manifest lists four. */
	free(out);
	free(err);
	out = corpus(L1 "_manifest.xml", &len);
	put(M1, out, len);
	free(out);
	rc = t_cli(&out, &err, "--db", db, "update", "--base", filebase,
	           "--all-versions", L1, NULL);
	ck_assert_int_eq(rc, PT_EIO);
	ck_assert(t_contains(out, "unchanged " L1 " 2022-05-01_0\n"));
	ck_assert(t_contains(out, "0 imported, 1 unchanged, 3 failed"));
	ck_assert_msg(
	    t_contains(err, L1 " version 2022-08-01_0: cannot download"), "%s",
	    err);
	ck_assert(t_contains(err, "not found"));
	free(fp1);
	free(fp2);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_replaced_file)
{
	char *f, *m, *out, *err;
	size_t flen;

	/* The repository republishes a version: the new file is fetched. */
	ck_assert_int_eq(UPDATE(NULL, NULL, filebase, L3), PT_OK);
	f = corpus(L3 "_2025-01-01_0.xml", &flen);
	f = xrealloc(f, flen + 2);
	memcpy(f + flen, "\n", 2);
	put(F3, f, flen + 1);
	m = make_manifest(L3, "2025-01-01_0", "2025-01-01",
	                  L3 "_2025-01-01_0.xml", f, flen + 1, 0);
	put(M3, m, strlen(m));
	ck_assert_int_eq(UPDATE(&out, &err, filebase, L3), PT_OK);
	ck_assert_msg(t_contains(out, "imported  " L3 " 2025-01-01_0"), "%s",
	              out);
	ck_assert_int_eq(versions_of(L3), 1);
	free(m);
	free(f);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_update_usage)
{
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", db, "update", "BWBX12", NULL), PT_EUSAGE);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "update", "--since",
	                       "2020-13-01", L1, NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "update", "--since",
	                       "2020-01-01", "--all-versions", L1, NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "update", "--base",
	                       "ftp://example.org/bwb", L1, NULL),
	                 PT_EUSAGE);
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", db, "update", "--timeout", "0", L1, NULL),
	    PT_EUSAGE);
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", db, "update", "--retries", "x", L1, NULL),
	    PT_EUSAGE);
	ck_assert_int_eq(access(db, F_OK), -1);
}
END_TEST

/* --- the library ------------------------------------------------------------
 */

struct events {
	int n, failed;
	char text[2048];
};

static void
collect(void *ctx, const struct update_event *ev)
{
	struct events *c = ctx;
	size_t len = strlen(c->text);

	c->n++;
	if (ev->outcome == UPDATE_FAILED)
		c->failed++;
	snprintf(c->text + len, sizeof c->text - len, "%d %s %s %s\n",
	         (int)ev->outcome, ev->bwb,
	         ev->version ? ev->version->label : "-",
	         ev->err ? ev->err->msg : "");
}

START_TEST(test_update_library)
{
	const char *ids[] = {L1, L3};
	struct update_opts o;
	struct update_summary sum;
	struct update_stale *stale;
	struct events ev;
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	size_t nstale;
	int available = 1;

	memset(&ev, 0, sizeof ev);
	update_opts_default(&o);
	o.base = filebase;
	o.today = TODAY;
	o.report = collect;
	o.report_ctx = &ev;
	o.http.max_size = 100000; /* L1 is 465371 bytes, L3 48374 */
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(update_run(st, ids, 2, &o, &sum, &e), PT_EIO);
	ck_assert_msg(
	    t_contains(e.msg,
	               L1 " version 2022-05-01_0: the manifest gives "
	                  "465371 bytes, more than the maximum of 100000"),
	    "%s", e.msg);
	ck_assert_int_eq(ev.n, 2);
	ck_assert_int_eq(ev.failed, 1);
	ck_assert_int_eq(sum.imported, 1);
	ck_assert_int_eq(sum.failed, 1);
	ck_assert_int_eq(sum.downloads, 1);
	/* What the stale-rule check gets: the versions stored by this run. */
	ck_assert_uint_eq(sum.nchanges, 1);
	ck_assert_str_eq(sum.changes[0].bwb, L3);
	ck_assert_str_eq(sum.changes[0].label, "2025-01-01_0");
	ck_assert_str_eq(sum.changes[0].inwerkingtreding, "2025-01-01");
	ck_assert_ptr_null(sum.changes[0].einddatum);
	ck_assert_int_eq(update_stale_rules(st, NULL, sum.changes, sum.nchanges,
	                                    &available, &stale, &nstale, &e),
	                 PT_OK);
	ck_assert_int_eq(available, 0);
	ck_assert_uint_eq(nstale, 0);
	update_summary_release(&sum);
	/* A bad id is refused before anything is fetched. */
	ids[1] = "BWBR123";
	ck_assert_int_eq(update_run(st, ids, 2, &o, &sum, &e), PT_EUSAGE);
	ck_assert_int_eq(ev.n, 2);
	update_summary_release(&sum);
	store_close(st);
}
END_TEST

START_TEST(test_rule_laws)
{
	struct ruleset *rs = NULL;
	struct pt_err e = PT_ERR_INIT;
	char *rules = t_src("rules"), *out, *err, **ids;
	size_t n, i;
	int rc;

	ck_assert_msg(rules_load_dir(rules, &rs, &e) == PT_OK, "%s", e.msg);
	update_rule_laws(rs, &ids, &n);
	ck_assert_uint_gt(n, 0);
	for (i = 0; i < n; i++) {
		ck_assert_msg(update_is_bwb_id(ids[i]), "'%s'", ids[i]);
		if (i > 0)
			ck_assert_int_lt(strcmp(ids[i - 1], ids[i]), 0);
	}
	/* Without ids, update fetches the manifest of every law cited. */
	start_server(NULL);
	rc = t_cli(&out, &err, "--db", db, "update", "--base", base, "--rules",
	           rules, NULL);
	ck_assert_int_eq(rc, PT_EIO); /* the mirror holds none of them */
	for (i = 0; i < n; i++) {
		char *path = xasprintf("/%s/manifest.xml", ids[i]);

		ck_assert_msg(requests(path) == 1, "%s", path);
		free(path);
	}
	update_ids_free(ids, n);
	rules_free(rs);
	free(rules);
	free(out);
	free(err);
}
END_TEST

/*
 * Update the Jeugdwet from its 2015 text to its 2026 text while rules
 * written against 2015 cite it: the stale-rule report names them.
 */
START_TEST(test_update_reports_stale_rules)
{
	static const char *const dates[2] = {"2015-01-01", "2026-01-01"};
	struct pt_buf exprs[2] = {PT_BUF_INIT, PT_BUF_INIT};
	char *out, *err, *man,
	    *rules = t_src("tests/fixtures/stale/geschreven-2015");
	char *rules26 = t_src("tests/fixtures/stale/geschreven-2026");
	int i, rc;

	for (i = 0; i < 2; i++) {
		char *rel = xasprintf(
		    "corpus/extracts/BWBR0034925_%s_extract.xml", dates[i]);
		char *path = t_sharedpath(rel);
		char *dest =
		    xasprintf("/BWBR0034925/%s_0/xml/BWBR0034925_%s_0.xml",
		              dates[i], dates[i]);
		char sha[DIGEST_SHA512_HEX];
		size_t len;
		char *data = t_read(path, &len);

		ck_assert_ptr_nonnull(data);
		put(dest, data, len);
		digest_sha512_mem(data, len, sha);
		pt_buf_addf(
		    &exprs[i],
		    "<expression label=\"%s_0\"><metadata>"
		    "<datum_inwerkingtreding>%s</datum_inwerkingtreding>%s"
		    "</metadata><manifestation label=\"xml\"><metadata>"
		    "<size>%zu</size><hashcode>%s</hashcode></metadata>"
		    "<item label=\"BWBR0034925_%s_0.xml\" _deleted=\"false\"/>"
		    "</manifestation></expression>\n",
		    dates[i], dates[i],
		    i == 0 ? "<einddatum>2025-12-31</einddatum>" : "", len, sha,
		    dates[i]);
		free(data);
		free(dest);
		free(path);
		free(rel);
	}
	/* First only the 2015 text is published: nothing changed under the
	 * rules. */
	man = xasprintf("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	                "<work label=\"BWBR0034925\"><metadata/>\n%s</work>\n",
	                exprs[0].s);
	put("/BWBR0034925/manifest.xml", man, strlen(man));
	free(man);
	rc = t_cli(&out, &err, "--db", db, "update", "--base", filebase,
	           "--today", "2015-06-01", "--rules", rules, "BWBR0034925",
	           NULL);
	ck_assert_msg(rc == PT_OK, "%s", err);
	ck_assert_msg(t_contains(out, "stale rules: none"), "%s", out);
	free(out);
	free(err);
	/* Then the 2026 text is published: the rules on 2.11 and 3.1 are stale.
	 */
	man =
	    xasprintf("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	              "<work label=\"BWBR0034925\"><metadata/>\n%s%s</work>\n",
	              exprs[0].s, exprs[1].s);
	put("/BWBR0034925/manifest.xml", man, strlen(man));
	free(man);
	rc = t_cli(&out, &err, "--db", db, "update", "--base", filebase,
	           "--today", "2026-06-01", "--rules", rules, "BWBR0034925",
	           NULL);
	ck_assert_msg(rc == PT_OK, "%s", err);
	ck_assert_msg(t_contains(out, "stale rule oud-jw-2-11: BWBR0034925 "
	                              "artikel 2.11 lid 1: changed"),
	              "%s", out);
	ck_assert(t_contains(
	    out,
	    "stale rule oud-jw-3-1: BWBR0034925 artikel 3.1 lid 1: changed"));
	ck_assert(!t_contains(out, "artikel 3.2 lid 1"));
	free(out);
	free(err);
	/* Nothing new to fetch: no law changed in this run, so nothing to
	 * report. */
	rc = t_cli(&out, &err, "--db", db, "update", "--base", filebase,
	           "--today", "2026-06-01", "--rules", rules26, "BWBR0034925",
	           NULL);
	ck_assert_msg(rc == PT_OK, "%s", err);
	ck_assert_msg(t_contains(out, "0 imported, 1 unchanged"), "%s", out);
	ck_assert(!t_contains(out, "stale rule"));
	free(out);
	free(err);
	pt_buf_release(&exprs[0]);
	pt_buf_release(&exprs[1]);
	free(rules);
	free(rules26);
}
END_TEST

/* --- search queries (query.c) ----------------------------------------------
 */

START_TEST(test_query_bounds)
{
	struct pt_buf b = PT_BUF_INIT;
	struct pt_err e = PT_ERR_INIT;
	char *q = NULL;
	int i;

	/* A word repeated 2,000 times is searched once. */
	for (i = 0; i < 2000; i++)
		pt_buf_adds(&b, i ? " kind" : "kind");
	ck_assert_int_eq(
	    query_build("kind Kind \"de ouder\" kind*  kind", &q, &e), PT_OK);
	ck_assert_str_eq(q, "kind \"de ouder\" kind*");
	free(q);
	ck_assert_int_eq(query_build(b.s, &q, &e), PT_EUSAGE);
	ck_assert_msg(t_contains(e.msg, "more than the maximum of 1024"), "%s",
	              e.msg);
	pt_buf_reset(&b);
	for (i = 0; i < 200; i++)
		pt_buf_adds(&b, "kind ");
	ck_assert_int_eq(query_build(b.s, &q, &e), PT_OK);
	ck_assert_str_eq(q, "kind");
	free(q);
	pt_buf_reset(&b);
	for (i = 0; i < 33; i++)
		pt_buf_addf(&b, "w%d ", i);
	ck_assert_int_eq(query_build(b.s, &q, &e), PT_EUSAGE);
	ck_assert_msg(t_contains(e.msg, "more than 32 different terms"), "%s",
	              e.msg);
	pt_buf_reset(&b);
	for (i = 0; i < 40; i++)
		pt_buf_adds(&b, "kind OR ");
	pt_buf_adds(&b, "kind");
	ck_assert_int_eq(query_build(b.s, &q, &e), PT_EUSAGE);
	ck_assert_msg(t_contains(e.msg, "41 terms"), "%s", e.msg);
	/* FTS5 syntax is left to the store. */
	ck_assert_int_eq(query_build("kind OR (ouder NOT voogd)", &q, &e),
	                 PT_OK);
	ck_assert_str_eq(q, "kind OR (ouder NOT voogd)");
	free(q);
	ck_assert_int_eq(query_build("\"open", &q, &e), PT_OK);
	ck_assert_str_eq(q, "\"open");
	free(q);
	ck_assert_int_eq(query_build("  ", &q, &e), PT_EUSAGE);
	ck_assert_ptr_null(q);
	pt_buf_release(&b);
}
END_TEST

Suite *
suite_update(void)
{
	Suite *s = suite_create("update");
	TCase *tc;

	tc = tcase_create("manifest");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_manifest_real_woo);
	tcase_add_test(tc, test_manifest_real_dhw);
	tcase_add_loop_test(tc, test_select_real, 0,
	                    sizeof selections / sizeof selections[0]);
	tcase_add_loop_test(tc, test_manifest_bad, 0,
	                    sizeof bad_manifests / sizeof bad_manifests[0]);
	tcase_add_test(tc, test_manifest_deleted_item);
	suite_add_tcase(s, tc);

	tc = tcase_create("query");
	tcase_add_test(tc, test_query_bounds);
	suite_add_tcase(s, tc);

	tc = tcase_create("mirror");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_update_http);
	tcase_add_test(tc, test_update_twice);
	tcase_add_test(tc, test_update_corrupt);
	tcase_add_test(tc, test_update_404);
	tcase_add_test(tc, test_update_truncated);
	tcase_add_test(tc, test_update_stalled);
	tcase_add_test(tc, test_update_refuses_encoding);
	tcase_add_test(tc, test_update_cleans_killed_runs);
	tcase_add_test(tc, test_update_caps_at_manifest_size);
	tcase_add_test(tc, test_update_redirects);
	tcase_add_test(tc, test_update_retry_503);
	tcase_add_test(tc, test_update_bad_manifest);
	tcase_add_test(tc, test_update_size_mismatch);
	tcase_add_test(tc, test_update_wrong_law);
	tcase_add_test(tc, test_update_file_base);
	tcase_add_test(tc, test_update_replaced_file);
	tcase_add_test(tc, test_update_usage);
	tcase_add_test(tc, test_update_library);
	tcase_add_test(tc, test_rule_laws);
	tcase_add_test(tc, test_update_reports_stale_rules);
	suite_add_tcase(s, tc);
	return s;
}
