/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fileio.h: the one way proeftoets reads a whole input file and writes an
 * output file.
 *
 * Reading: fileio_read() takes a regular file only.  A directory, a
 * device, a FIFO or a socket is refused before a byte is read (PT_EIO,
 * "not a regular file" or "is a directory, not a file"), so /dev/zero or a
 * pipe never hangs or fills memory; a file over the caller's cap is
 * refused with PT_EINPUT ("file larger than N MB") without reading past
 * the cap.  Every path that reads a design, a rule file or a saved file
 * goes through it (xmlsec_read_document() adds the XML checks).  The
 * name "-" is standard input, which may be a pipe or a terminal (a
 * directory is refused) and has the same cap; errors call it "<stdin>"
 * (fileio_name()).
 *
 * Writing: fileio_create() .. fileio_commit() write an output file.
 *   - A regular file (or a new one) is written to a temporary file beside
 *     it, fsync()ed, and renamed over it: a failed or interrupted write
 *     leaves the old file whole.  The temporary file is anonymous where
 *     the system allows (O_TMPFILE on Linux; it is named by linkat() only
 *     just before the rename, so a killed write leaves nothing behind),
 *     else a name made by mkstemp(), created exclusively; either way no
 *     link planted beside the target is followed.  An existing file keeps its
 * permission bits; a new one gets 0666 less the umask, as with any shell
 *     redirection.
 *   - A target that exists and is not a regular file (a character device
 *     such as /dev/null, a FIFO) is written through: opened and written
 *     in place, never replaced.
 *   - A symbolic link is refused (PT_EIO, "is a symbolic link"): the
 *     link is never replaced and never followed, so a link planted where
 *     a report is written cannot redirect it.  Give the target itself.
 *   - A directory is refused.
 *
 * Ownership: fileio_create() returns a handle that fileio_commit() or
 * fileio_abort() frees (exactly one of them, always).  Strings passed in
 * are borrowed.  Not for concurrent use of one handle; fileio_create()
 * reads the umask by setting it, so call it from one thread only.
 */
#ifndef PROEFTOETS_FILEIO_H
#define PROEFTOETS_FILEIO_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

/*
 * Append the whole of the regular file path to b: at most max bytes.
 * Errors name path; b then holds what it held before plus nothing useful.
 */
enum pt_status fileio_read(const char *path, size_t max, struct pt_buf *b,
                           struct pt_err *err);

/* How errors and reports name the input path: "<stdin>" for "-". */
#define FILEIO_STDIN_NAME "<stdin>"
const char *fileio_name(const char *path);

struct fileio_out;

/* Open path for writing as described above. */
enum pt_status fileio_create(const char *path, struct fileio_out **out,
                             struct pt_err *err);
/* Write n bytes; on failure the handle must still be aborted. */
enum pt_status fileio_write(struct fileio_out *o, const void *p, size_t n,
                            struct pt_err *err);
/* Flush to disk and put the file in place; frees o. */
enum pt_status fileio_commit(struct fileio_out *o, struct pt_err *err);
/* Drop what was written (the old file stays as it was); frees o. */
void fileio_abort(struct fileio_out *o);

/* The directory part of path ("." for a bare name, "/" for the root);
 * caller frees. */
char *fileio_dirname(const char *path);

/* create + write + commit of one buffer. */
enum pt_status fileio_write_file(const char *path, const void *p, size_t n,
                                 struct pt_err *err);

#endif
