/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * import.h: import BWB files and directories into the registry.
 *
 * Each file is imported in its own transaction: a file that fails leaves
 * nothing behind and earlier imports untouched.  A file whose SHA-256 is
 * already in the registry is skipped (nothing changes).  A new file for a
 * version that exists (same law, same date) replaces that version.
 *
 * Ownership: strings are borrowed; the result struct holds copies freed by
 * import_result_release().
 */
#ifndef PROEFTOETS_IMPORT_H
#define PROEFTOETS_IMPORT_H

#include <stddef.h>

#include "err.h"
#include "store.h"

enum import_outcome {
	IMPORT_ADDED = 0, /* a new version was stored */
	IMPORT_REPLACED,  /* an existing version (same date) was replaced */
	IMPORT_UNCHANGED  /* the same file was imported before */
};

struct import_result {
	enum import_outcome outcome;
	char *bwb, *citeertitel,
	    *inwerkingtreding; /* inwerkingtreding NULL = unknown */
	long articles;
	long provisions; /* articles plus leden */
};
void import_result_release(struct import_result *r);

/*
 * Called every few hundred articles during an import: articles stored so
 * far, and the size of the file in bytes.
 */
typedef void (*import_progress_fn)(void *ctx, const char *path, long articles,
                                   unsigned long long size);

struct import_opts {
	const char *date; /* inwerkingtreding for files that carry none; NULL =
	                     unknown */
	import_progress_fn progress;
	void *progress_ctx;
};

/* Import one file. */
enum pt_status import_file(struct pt_store *st, const char *path,
                           const struct import_opts *opts,
                           struct import_result *res, struct pt_err *err);

/*
 * List the *.xml files under path (a file gives itself; a directory is
 * walked recursively, sorted by name; manifest and WTI files are skipped).
 * Returns a NULL-terminated array the caller frees with import_list_free().
 */
enum pt_status import_list(const char *path, char ***files, size_t *n,
                           struct pt_err *err);
void import_list_free(char **files, size_t n);

#endif
