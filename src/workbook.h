/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * workbook.h: the XLSX workbooks of check and amendments, made the same
 * way (libxlsxwriter).  A sheet is a table: a header row in bold, frozen
 * and repeated on every printed page, an autofilter over it, columns of
 * the widths given, text wrapped and aligned to the top, each row as high
 * as its longest text needs (up to the most a spreadsheet allows); pages
 * are A4 landscape, fitted to the page width.  A column with
 * WORKBOOK_LINK holds web addresses, written as clickable hyperlinks.
 * Every cell is written as text, so that no spreadsheet takes a value
 * for a formula, a number or a date.  The sheet "Herkomst" gives the
 * provenance (provenance.h) of the check results the workbook was made
 * from.
 *
 * libxlsxwriter writes only to a named file: workbook_make() makes the
 * workbook in a private directory (0700, under tmpdir) and reads it back
 * into a buffer, so that it reaches its target the way every other
 * format does.  Errors of the calls that fill a workbook are kept in it
 * (the first one) and returned by workbook_make().
 *
 * Ownership: a struct workbook belongs to workbook_make(); the fill
 * function borrows it.  Strings passed in are borrowed.
 */
#ifndef PROEFTOETS_WORKBOOK_H
#define PROEFTOETS_WORKBOOK_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "err.h"

struct provenance_law;
struct ruleset;
struct workbook;
struct workbook_sheet;

enum { WORKBOOK_LINK = 1u }; /* the column holds web addresses */

struct workbook_column {
	const char *head; /* Dutch header */
	double width;     /* in characters */
	unsigned flags;   /* WORKBOOK_LINK */
	/* Not NULL: a text too long for the highest row is cut at a word
	 * and this line added, which says where the whole text is. */
	const char *more;
};

/* The largest workbook read back. */
#define WORKBOOK_MAX (1024u << 20)

typedef void (*workbook_fill_fn)(struct workbook *wb, const void *arg);

/*
 * Make a workbook: fill(wb, arg) adds its sheets; the file is appended to
 * b.  tmpdir NULL: $TMPDIR, else /tmp.  PT_EIO when the file cannot be
 * made or read, PT_EINTERNAL when a sheet cannot be written.
 */
enum pt_status workbook_make(struct pt_buf *b, const char *tmpdir,
                             workbook_fill_fn fill, const void *arg,
                             struct pt_err *err);

/* A new sheet with the columns given (its header row written); NULL when
 * it cannot be added (the error is kept). */
struct workbook_sheet *workbook_sheet(struct workbook *wb, const char *name,
                                      const struct workbook_column *cols,
                                      size_t ncols);
/* Write row r (1 is the first below the header): cells[c] for column c,
 * NULL or "" for an empty cell; the row's height fits its texts. */
void workbook_row(struct workbook_sheet *ws, size_t r,
                  const char *const *cells);
/* What the sheet "Herkomst" says: when, this version, the rule set (its
 * description, workbook_rules_text(), and SHA-256, may be NULL) and each
 * law version quoted (each once, as provenance_laws() gives them). */
struct workbook_prov {
	time_t when;
	const char *rules, *rules_sha256;
	const struct provenance_law *laws;
	size_t nlaws;
};
/* "12 regels uit 3 bestanden" ("0 regels" for NULL; caller frees). */
char *workbook_rules_text(const struct ruleset *rs);
/* Add the sheet "Herkomst"; also dates the workbook's properties. */
void workbook_provenance(struct workbook *wb, const struct workbook_prov *p);

#endif
