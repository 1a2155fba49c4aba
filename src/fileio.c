/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fileio.c: capped whole-file reads and atomic (or write-through) output.
 */
/* O_TMPFILE and linkat()'s AT_SYMLINK_FOLLOW are Linux extensions; the
 * code falls back to mkstemp() where they are missing. */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* The refusal of a file that is there but is not a regular file. */
static enum pt_status
not_regular(const char *path, mode_t mode, struct pt_err *err)
{
	if (S_ISDIR(mode))
		pt_err_set(err, PT_EIO, path, 0, 0,
		           "is a directory, not a file");
	else
		pt_err_set(err, PT_EIO, path, 0, 0,
		           "not a regular file (a device, FIFO or socket)");
	return PT_EIO;
}

static enum pt_status
too_large(const char *path, size_t max, struct pt_err *err)
{
	if (max >= (1u << 20))
		return pt_err_set(err, PT_EINPUT, path, 0, 0,
		                  "file larger than %zu MB", max >> 20);
	return pt_err_set(err, PT_EINPUT, path, 0, 0,
	                  "file larger than %zu bytes", max);
}

/* Append fd to b up to max bytes; errors name path.  fd stays open. */
static enum pt_status
read_fd(int fd, const char *path, size_t max, struct pt_buf *b,
        struct pt_err *err)
{
	size_t start = b->len, got = 0;
	ssize_t n;

	for (;;) {
		if (b->cap - b->len < 8192)
			pt_buf_grow(b, 65536);
		n = read(fd, b->s + b->len, b->cap - b->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		b->len += (size_t)n;
		got += (size_t)n;
		if (got > max) {
			b->len = start;
			b->s[b->len] = '\0';
			return too_large(path, max, err);
		}
	}
	if (n < 0) {
		int e = errno;

		b->len = start;
		b->s[b->len] = '\0';
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot read: %s",
		                  strerror(e));
	}
	b->s[b->len] = '\0';
	return PT_OK;
}

/*
 * Standard input, asked for by name ("-"): a pipe or a terminal is what
 * the user chose, so only a directory is refused; the cap still holds.
 */
static enum pt_status
read_stdin(size_t max, struct pt_buf *b, struct pt_err *err)
{
	const char *name = fileio_name("-");
	struct stat st;

	if (fstat(STDIN_FILENO, &st) != 0)
		return pt_err_set(err, PT_EIO, name, 0, 0, "cannot read: %s",
		                  strerror(errno));
	if (S_ISDIR(st.st_mode))
		return not_regular(name, st.st_mode, err);
	return read_fd(STDIN_FILENO, name, max, b, err);
}

const char *
fileio_name(const char *path)
{
	return path != NULL && strcmp(path, "-") == 0 ? FILEIO_STDIN_NAME
	                                              : path;
}

enum pt_status
fileio_read(const char *path, size_t max, struct pt_buf *b, struct pt_err *err)
{
	enum pt_status rc;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		return read_stdin(max, b, err);
	/*
	 * O_NONBLOCK: opening a FIFO for reading must not wait for a
	 * writer; the file is refused right after, by its type.
	 */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot open: %s",
		                  strerror(errno));
	if (fstat(fd, &st) != 0) {
		int e = errno;

		close(fd);
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot read: %s",
		                  strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return not_regular(path, st.st_mode, err);
	}
	if (st.st_size > 0 && (unsigned long long)st.st_size > max) {
		close(fd);
		return too_large(path, max, err);
	}
	/* The size may change while reading: the cap is kept on the bytes. */
	pt_buf_grow(b, (size_t)st.st_size + 1);
	rc = read_fd(fd, path, max, b, err);
	close(fd);
	return rc;
}

/* --- writing ------------------------------------------------------------ */

struct fileio_out {
	char *path;
	char *tmp;   /* NULL when written through or while anonymous */
	int through; /* a device or FIFO, written in place */
	int fd;
};

static enum pt_status
write_error(const char *path, int e, struct pt_err *err)
{
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		pt_err_set(err, PT_EIO, path, 0, 0,
		           "disk full: cannot write (%s)", strerror(e));
	else
		pt_err_set(err, PT_EIO, path, 0, 0, "cannot write: %s",
		           strerror(e));
	return PT_EIO;
}

/*
 * The mode a new file gets from open(..., 0666): mkstemp() makes 0600.
 * umask() can only be read by setting it; the library writes files only
 * from the command line's one thread.
 */
static mode_t
new_file_mode(void)
{
	mode_t mask = umask(077);

	umask(mask);
	return 0666 & ~mask;
}

/*
 * An anonymous file in the directory of path, or -1 where the system has
 * none (no O_TMPFILE, a file system without it, or no /proc/self/fd to
 * give it a name by at the commit).
 */
static int
open_anonymous(const char *path)
{
#ifdef O_TMPFILE
	char *dir;
	int fd;

	if (access("/proc/self/fd", X_OK) != 0)
		return -1;
	dir = fileio_dirname(path);
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	free(dir);
	return fd;
#else
	(void)path;
	return -1;
#endif
}

/*
 * Give the anonymous file of o a name beside its target: o->tmp.  linkat()
 * never follows or replaces what is there, so a name that exists (even a
 * planted link) only makes it try the next one.
 */
static int
name_anonymous(struct fileio_out *o)
{
#ifdef O_TMPFILE
	static unsigned seq;
	char proc[64];
	int i;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", o->fd);
	for (i = 0; i < 100; i++) {
		/* a name no one can guess, as mkstemp() would make */
		unsigned long r = 0;

		if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
			r = (unsigned long)getpid() * 2654435761u + seq;
		seq++;
		o->tmp = xasprintf("%s.tmp.%016lx", o->path, r);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp,
		           AT_SYMLINK_FOLLOW) == 0)
			return 0;
		free(o->tmp);
		o->tmp = NULL;
		if (errno != EEXIST)
			return -1;
	}
	errno = EEXIST;
#endif
	return -1;
}

enum pt_status
fileio_create(const char *path, struct fileio_out **out, struct pt_err *err)
{
	struct fileio_out *o;
	struct stat st;
	int have = 0;
	mode_t mode = 0;

	*out = NULL;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			pt_err_set(err, PT_EIO, path, 0, 0,
			           "is a symbolic "
			           "link; give the file it points to");
			return PT_EIO;
		}
		if (S_ISDIR(st.st_mode))
			return not_regular(path, st.st_mode, err);
		if (!S_ISREG(st.st_mode)) {
			/* A device or FIFO: write through, never replace. */
			int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

			if (fd < 0)
				return write_error(path, errno, err);
			o = xmalloc(sizeof *o);
			o->path = xstrdup(path);
			o->tmp = NULL;
			o->through = 1;
			o->fd = fd;
			*out = o;
			return PT_OK;
		}
		have = 1;
		mode = st.st_mode & 07777;
	} else if (errno != ENOENT) {
		return write_error(path, errno, err);
	}

	o = xmalloc(sizeof *o);
	o->path = xstrdup(path);
	o->through = 0;
	/*
	 * The temporary file: where the system has them, an anonymous file
	 * in the target's directory (O_TMPFILE), which a kill during the
	 * write leaves nowhere; it gets a name only at the commit.
	 */
	if ((o->fd = open_anonymous(path)) >= 0) {
		o->tmp = NULL;
		(void)fchmod(o->fd, have ? mode : new_file_mode());
		*out = o;
		return PT_OK;
	}
	/*
	 * Otherwise a name no one can guess (mkstemp), created with O_EXCL,
	 * so that a link planted beside the target is never followed and
	 * never written to.
	 */
	o->tmp = xasprintf("%s.tmp.XXXXXX", path);
	if ((o->fd = mkstemp(o->tmp)) < 0) {
		int e = errno;

		free(o->tmp);
		free(o->path);
		free(o);
		return write_error(path, e, err);
	}
	(void)fchmod(o->fd, have ? mode : new_file_mode());
	*out = o;
	return PT_OK;
}

enum pt_status
fileio_write(struct fileio_out *o, const void *p, size_t n, struct pt_err *err)
{
	const char *s = p;

	while (n > 0) {
		ssize_t w = write(o->fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return write_error(o->path, w < 0 ? errno : EIO, err);
		s += w;
		n -= (size_t)w;
	}
	return PT_OK;
}

static void
out_free(struct fileio_out *o)
{
	free(o->tmp);
	free(o->path);
	free(o);
}

char *
fileio_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Make the rename itself durable; a directory that cannot be synced
 * (some file systems refuse) does not fail the write. */
static void
sync_dir(const char *path)
{
	char *dir = fileio_dirname(path);
	int fd;

	fd = open(dir, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

enum pt_status
fileio_commit(struct fileio_out *o, struct pt_err *err)
{
	enum pt_status rc = PT_OK;

	if (o->through) {
		if (close(o->fd) != 0 && errno != EINTR)
			rc = write_error(o->path, errno, err);
		out_free(o);
		return rc;
	}
	if (fsync(o->fd) != 0)
		rc = write_error(o->path, errno, err);
	if (rc == PT_OK && o->tmp == NULL && name_anonymous(o) != 0)
		rc = write_error(o->path, errno, err);
	if (close(o->fd) != 0 && rc == PT_OK && errno != EINTR)
		rc = write_error(o->path, errno, err);
	if (rc == PT_OK && rename(o->tmp, o->path) != 0)
		rc = write_error(o->path, errno, err);
	if (rc != PT_OK && o->tmp != NULL)
		unlink(o->tmp);
	else if (rc == PT_OK)
		sync_dir(o->path);
	out_free(o);
	return rc;
}

void
fileio_abort(struct fileio_out *o)
{
	if (o == NULL)
		return;
	close(o->fd);
	if (o->tmp != NULL)
		unlink(o->tmp);
	out_free(o);
}

enum pt_status
fileio_write_file(const char *path, const void *p, size_t n, struct pt_err *err)
{
	struct fileio_out *o;
	enum pt_status rc;

	if ((rc = fileio_create(path, &o, err)) != PT_OK)
		return rc;
	if ((rc = fileio_write(o, p, n, err)) != PT_OK) {
		fileio_abort(o);
		return rc;
	}
	return fileio_commit(o, err);
}
