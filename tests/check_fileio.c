/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_fileio.c: the one reader and the one writer of whole files.
 *
 * Device files are made with mknod inside the test's own temporary
 * directory (as root; where mknod is not allowed those cases use a FIFO
 * only).  Nothing outside that directory is written.
 */
/* mknod() and S_IFCHR are XSI. */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "suites.h"
#include "testlib.h"

static char *dir;

static void
setup(void)
{
	dir = t_tmpdir();
}

static void
teardown(void)
{
	t_tmpdir_cleanup(dir);
	free(dir);
}

/* The number of entries of dir other than . and .. */
static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

START_TEST(test_read_regular_and_cap)
{
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	char *p = t_write(dir, "a.xml", "0123456789", 10);

	ck_assert_int_eq(fileio_read(p, 10, &b, &e), PT_OK);
	ck_assert_uint_eq(b.len, 10);
	ck_assert_str_eq(b.s, "0123456789");
	pt_buf_reset(&b);
	ck_assert_int_eq(fileio_read(p, 9, &b, &e), PT_EINPUT);
	ck_assert(t_contains(e.msg, "file larger than 9 bytes"));
	ck_assert_str_eq(e.file, p);
	ck_assert_uint_eq(b.len, 0);
	pt_buf_release(&b);
	free(p);
}
END_TEST

START_TEST(test_read_refuses_non_regular)
{
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	char *fifo = xasprintf("%s/pijp", dir),
	     *zero = xasprintf("%s/nul", dir);

	/* A FIFO without a writer: refused at once, no hang. */
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(fileio_read(fifo, 1 << 20, &b, &e), PT_EIO);
	ck_assert(t_contains(e.msg, "not a regular file"));
	/* A directory. */
	ck_assert_int_eq(fileio_read(dir, 1 << 20, &b, &e), PT_EIO);
	ck_assert(t_contains(e.msg, "is a directory"));
	/* A character device (an endless one): refused before reading. */
	if (mknod(zero, S_IFCHR | 0600, makedev(1, 5)) != 0) {
		free(zero);
		zero = xstrdup("/dev/zero");
	}
	ck_assert_int_eq(fileio_read(zero, 1 << 20, &b, &e), PT_EIO);
	ck_assert(t_contains(e.msg, "not a regular file"));
	ck_assert_uint_eq(b.len, 0);
	/* A file that is not there. */
	ck_assert_int_eq(fileio_read("/nonexistent/x.xml", 10, &b, &e), PT_EIO);
	ck_assert(t_contains(e.msg, "cannot open"));
	pt_buf_release(&b);
	free(fifo);
	free(zero);
}
END_TEST

START_TEST(test_write_replaces_atomically)
{
	struct pt_err e = PT_ERR_INIT;
	char *p = t_write(dir, "rapport", "oud", 3), *got;
	struct stat st;

	ck_assert_int_eq(chmod(p, 0640), 0);
	ck_assert_int_eq(fileio_write_file(p, "nieuw", 5, &e), PT_OK);
	got = t_read(p, NULL);
	ck_assert_str_eq(got, "nieuw");
	free(got);
	/* The permission bits of the old file are kept. */
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	/* No temporary file left beside it. */
	ck_assert_int_eq(entries(), 1);
	free(p);
}
END_TEST

/* A write that is dropped, or that fails half-way, leaves the old file. */
START_TEST(test_write_failure_keeps_old)
{
	struct pt_err e = PT_ERR_INIT;
	char *p = t_write(dir, "rapport", "oud", 3), *got, big[65536];
	struct fileio_out *o;
	int pid;

	ck_assert_int_eq(fileio_create(p, &o, &e), PT_OK);
	ck_assert_int_eq(fileio_write(o, "half", 4, &e), PT_OK);
	fileio_abort(o);
	got = t_read(p, NULL);
	ck_assert_str_eq(got, "oud");
	free(got);
	ck_assert_int_eq(entries(), 1);

	/*
	 * A file-size limit makes the write itself fail (as a full disk); in
	 * a child of its own, so that the limit stays there.
	 */
	memset(big, 'x', sizeof big);
	if ((pid = t_fork_fsize(4096)) == 0) {
		int ok = fileio_write_file(p, big, sizeof big, &e) == PT_EIO &&
		         t_contains(e.msg, "cannot write");

		free(p);
		_exit(ok ? 0 : 1);
	}
	ck_assert_int_eq(t_wait(pid), 0);
	got = t_read(p, NULL);
	ck_assert_str_eq(got, "oud");
	free(got);
	ck_assert_int_eq(entries(), 1);
	free(p);
}
END_TEST

/* A device or FIFO is written through and stays what it was. */
START_TEST(test_write_through_devices)
{
	struct pt_err e = PT_ERR_INIT;
	char *null = xasprintf("%s/null", dir),
	     *fifo = xasprintf("%s/pijp", dir);
	char *copy = xasprintf("%s/kopie", dir), *got;
	struct stat st;
	pid_t pid;
	int status;

	if (mknod(null, S_IFCHR | 0600, makedev(1, 3)) == 0) {
		ck_assert_int_eq(fileio_write_file(null, "rapport", 7, &e),
		                 PT_OK);
		ck_assert_int_eq(lstat(null, &st), 0);
		ck_assert(S_ISCHR(st.st_mode));
		ck_assert_int_eq(st.st_rdev, makedev(1, 3));
	}
	/* A FIFO with a reader that copies what comes through. */
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct pt_buf b = PT_BUF_INIT;
		FILE *in = fopen(fifo, "rb"), *out = fopen(copy, "wb");
		char chunk[256];
		size_t n;

		if (in == NULL || out == NULL)
			_exit(1);
		int ok;

		while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
			pt_buf_add(&b, chunk, n);
		fwrite(b.s, 1, b.len, out);
		fclose(in);
		ok = fclose(out) == 0;
		pt_buf_release(&b);
		/* No leak in the child either (valgrind checks it too). */
		free(null);
		free(fifo);
		free(copy);
		_exit(ok ? 0 : 1);
	}
	ck_assert_int_eq(fileio_write_file(fifo, "door de pijp", 12, &e),
	                 PT_OK);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	got = t_read(copy, NULL);
	ck_assert_str_eq(got, "door de pijp");
	free(got);
	ck_assert_int_eq(lstat(fifo, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	free(null);
	free(fifo);
	free(copy);
}
END_TEST

/* A symbolic link is refused: neither replaced nor followed. */
START_TEST(test_write_refuses_symlink)
{
	struct pt_err e = PT_ERR_INIT;
	char *target = t_write(dir, "doel", "doel", 4);
	char *link = xasprintf("%s/link", dir), *got;
	struct stat st;

	ck_assert_int_eq(symlink(target, link), 0);
	ck_assert_int_eq(fileio_write_file(link, "x", 1, &e), PT_EIO);
	ck_assert(t_contains(e.msg, "symbolic link"));
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	got = t_read(target, NULL);
	ck_assert_str_eq(got, "doel");
	free(got);
	ck_assert_int_eq(fileio_write_file(dir, "x", 1, &e), PT_EIO);
	ck_assert(t_contains(e.msg, "is a directory"));
	free(target);
	free(link);
}
END_TEST

/*
 * Links planted where a temporary file could be (the names of the pid, as
 * earlier versions used) are never followed: the file they point to is
 * unchanged, the report is written.
 */
START_TEST(test_write_ignores_planted_links)
{
	struct pt_err e = PT_ERR_INIT;
	char *victim = t_write(dir, "slachtoffer", "blijft", 6);
	char *out = xasprintf("%s/rapport", dir), *got, *name;
	int i;

	for (i = -1; i < 100; i++) {
		name = i < 0
		           ? xasprintf("%s.tmp.%ld", out, (long)getpid())
		           : xasprintf("%s.tmp.%ld.%d", out, (long)getpid(), i);
		ck_assert_int_eq(symlink(victim, name), 0);
		free(name);
	}
	ck_assert_int_eq(fileio_write_file(out, "rapport", 7, &e), PT_OK);
	got = t_read(victim, NULL);
	ck_assert_str_eq(got, "blijft");
	free(got);
	got = t_read(out, NULL);
	ck_assert_str_eq(got, "rapport");
	free(got);
	/* The victim, the report and the 101 links: no temporary file left. */
	ck_assert_int_eq(entries(), 103);
	free(victim);
	free(out);
}
END_TEST

Suite *
suite_fileio(void)
{
	Suite *s = suite_create("fileio");
	TCase *tc = tcase_create("fileio");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_read_regular_and_cap);
	tcase_add_test(tc, test_read_refuses_non_regular);
	tcase_add_test(tc, test_write_replaces_atomically);
	tcase_add_test(tc, test_write_failure_keeps_old);
	tcase_add_test(tc, test_write_through_devices);
	tcase_add_test(tc, test_write_refuses_symlink);
	tcase_add_test(tc, test_write_ignores_planted_links);
	suite_add_tcase(s, tc);
	return s;
}
