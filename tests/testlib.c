/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * testlib.c: shared test fixtures (see testlib.h).
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <sqlite3.h>

#include "buf.h"
#include "cli.h"
#include "digest.h"
#include "format.h"
#include "store_priv.h"
#include "testlib.h"

const char *
t_srcdir(void)
{
	const char *s = getenv("TOP_SRCDIR");

	return s && *s ? s : ".";
}

const char *
t_shared(void)
{
	static char *p;
	const char *s = getenv("SHARED_DIR");

	if (s && *s)
		return s;
	if (p == NULL)
		p = xasprintf("%s/tests/data", t_srcdir());
	return p;
}

char *
t_src(const char *rel)
{
	return xasprintf("%s/%s", t_srcdir(), rel);
}

char *
t_sharedpath(const char *rel)
{
	return xasprintf("%s/%s", t_shared(), rel);
}

char *
t_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/proeftoets-test-XXXXXX",
	                       base && *base ? base : "/tmp");

	if (mkdtemp(tmpl) == NULL)
		abort();
	return tmpl;
}

void
t_tmpdir_cleanup(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		fprintf(stderr, "warning: could not remove %s\n", dir);
	free(cmd);
}

char *
t_write(const char *dir, const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		abort();
	if (len && fwrite(data, 1, len, f) != len)
		abort();
	fclose(f);
	return path;
}

char *
t_read(const char *path, size_t *len)
{
	struct pt_buf b = PT_BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		pt_buf_add(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return pt_buf_detach(&b);
}

int
t_cli(char **out, char **err, const char *arg0, ...)
{
	char *argv[64];
	int argc = 0, rc;
	const char *a;
	va_list ap;
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *fo, *fe;

	argv[argc++] = (char *)"proeftoets";
	va_start(ap, arg0);
	for (a = arg0; a != NULL && argc < 63; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	fo = open_memstream(&obuf, &olen);
	fe = open_memstream(&ebuf, &elen);
	rc = proeftoets_main(argc, argv, fo, fe);
	fclose(fo);
	fclose(fe);
	if (out)
		*out = obuf;
	else
		free(obuf);
	if (err)
		*err = ebuf;
	else
		free(ebuf);
	return rc;
}

int
t_contains(const char *haystack, const char *needle)
{
	return haystack != NULL && strstr(haystack, needle) != NULL;
}

char *
t_db_fingerprint(const char *path)
{
	static const char *const tables[] = {
	    "SELECT * FROM law ORDER BY id",
	    "SELECT * FROM version ORDER BY id",
	    "SELECT * FROM provision ORDER BY id",
	    "SELECT * FROM reference ORDER BY rowid",
	};
	struct pt_buf b = PT_BUF_INIT;
	char hex[DIGEST_SHA256_HEX];
	sqlite3 *db;
	size_t i;
	int c;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		sqlite3_stmt *s;

		if (sqlite3_prepare_v2(db, tables[i], -1, &s, NULL) !=
		    SQLITE_OK) {
			sqlite3_close(db);
			pt_buf_release(&b);
			return NULL;
		}
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(s); c++) {
				const unsigned char *t =
				    sqlite3_column_text(s, c);

				pt_buf_adds(&b, t ? (const char *)t : "\\N");
				pt_buf_addc(&b, '\x1f');
			}
			pt_buf_addc(&b, '\n');
		}
		sqlite3_finalize(s);
		pt_buf_addf(&b, "-- table %zu\n", i);
	}
	sqlite3_close(db);
	digest_sha256_mem(b.s, b.len, hex);
	pt_buf_release(&b);
	return xstrdup(hex);
}

long long
t_db_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	store_stem_register(db); /* the tokenizer of provision_fts */
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

void
t_report(struct pt_buf *b, const char *name, struct check_result *const *res,
         size_t n)
{
	const struct format *f = format_find(FORMAT_REPORT, name);

	ck_assert_msg(f != NULL, "no report format %s", name);
	ck_assert_int_eq(format_write_report(f, b, res, n, NULL), PT_OK);
}

int
t_fork_fsize(unsigned long limit)
{
	pid_t pid = fork();
	struct rlimit lim;

	ck_assert_int_ge(pid, 0);
	if (pid > 0)
		return (int)pid;
	signal(SIGXFSZ, SIG_IGN);
	if (getrlimit(RLIMIT_FSIZE, &lim) != 0)
		_exit(99);
	lim.rlim_cur = limit;
	if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
		_exit(99);
	return 0;
}

int
t_wait(int pid)
{
	int status;

	ck_assert_int_eq(waitpid((pid_t)pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status), "child did not exit");
	return WEXITSTATUS(status);
}
