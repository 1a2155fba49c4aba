/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * testlib.h: shared fixtures for the Check suites (prefix t_).
 *
 * Paths: t_srcdir() is the source tree (TOP_SRCDIR, else "."), t_shared()
 * the test corpus (SHARED_DIR, else TOP_SRCDIR/tests/data, which holds
 * corpus/).
 * Returned strings are static or owned by the caller as noted.
 */
#ifndef PROEFTOETS_TESTS_TESTLIB_H
#define PROEFTOETS_TESTS_TESTLIB_H

#include <stddef.h>

const char *t_srcdir(void);
const char *t_shared(void);
/* "<srcdir>/<rel>" / "<shared>/<rel>"; caller frees. */
char *t_src(const char *rel);
char *t_sharedpath(const char *rel);
/* A fresh temporary directory (removed by t_tmpdir_cleanup); caller frees. */
char *t_tmpdir(void);
void t_tmpdir_cleanup(const char *dir);
/* Write data to dir/name; returns the path (caller frees). */
char *t_write(const char *dir, const char *name, const char *data, size_t len);
/* Read a whole file (caller frees); NULL if unreadable. */
char *t_read(const char *path, size_t *len);
/* Run the CLI in-process; returns the exit status, out/err are caller-freed. */
int t_cli(char **out, char **err, const char *arg0, ...);
/* Append the report of n results in the report format called name. */
struct pt_buf;
struct check_result;
void t_report(struct pt_buf *b, const char *name,
              struct check_result *const *res, size_t n);
/*
 * Fork a child whose files cannot grow past limit bytes (as on a full
 * disk; SIGXFSZ ignored, so a write fails with EFBIG).  Returns 0 in the
 * child, which ends with _exit(), and the child's pid in the parent;
 * t_wait() then gives the child's exit status.
 */
int t_fork_fsize(unsigned long limit);
int t_wait(int pid);
/* Whether haystack contains needle. */
int t_contains(const char *haystack, const char *needle);

/*
 * A digest of every row of the registry's content tables in the file at
 * path (law, version, provision, reference), for "nothing changed" checks.
 * Caller frees.  Returns NULL if the file cannot be read as a registry.
 */
char *t_db_fingerprint(const char *path);
/* Number of rows of a query's first column as an integer (e.g. count). */
long long t_db_int(const char *path, const char *sql);

#endif
