/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * format.h: the one table of output formats.
 *
 * Each format has a name (the value of --format), a file extension, a
 * media type, a label for the web workspace's download links, flags, and
 * a writer for each kind of document it can carry: a check report
 * (report.h) and an amendment list (amend.h).  Everything that names
 * formats is derived from this table: the parsing of --format for check
 * and amendments, their help texts and usage errors, the web workspace's
 * downloads, and (held by a test) the man page's lists.  To add a format,
 * add its writer(s) and one row to formats[] in format.c.
 *
 * The table sits above the writers: report.c and amend.c know nothing of
 * it.  The rows are static; nothing to free.
 */
#ifndef PROEFTOETS_FORMAT_H
#define PROEFTOETS_FORMAT_H

#include <stddef.h>

#include "amend.h"
#include "buf.h"
#include "check.h"
#include "err.h"

/* The kinds of document; a format carries one or both. */
enum format_doc {
	FORMAT_REPORT = 1u, /* check */
	FORMAT_AMEND = 2u,  /* amendments */
	FORMAT_RUIMTE = 4u  /* ruimte */
};

/* Flags of a format. */
enum {
	FORMAT_BINARY = 1u,    /* not text (a zip package): see below */
	FORMAT_NO_STDOUT = 2u, /* only to a file: never to standard output */
	FORMAT_WEB = 4u,       /* offered as a download by the web workspace */
	FORMAT_ONE = 8u        /* one design per document (a picture) */
};

/*
 * A report is written a part at a time: the writer appends what comes
 * before the i-th of n results (the head when i is 0), the result r, and
 * after the last the tail (see report_part() in report.h).
 */
/*
 * A FORMAT_BINARY writer may need the whole report to make its package:
 * the caller gives it an empty out at part 0 and writes out only after the
 * last part, as the writer left it.
 */
typedef enum pt_status (*format_report_fn)(struct pt_buf *out,
                                           const struct check_result *r,
                                           size_t i, size_t n,
                                           struct pt_err *err);
/* An amendment list; tmpdir for formats that need a scratch file. */
typedef enum pt_status (*format_amend_fn)(struct pt_buf *out,
                                          const struct amend_list *l,
                                          const char *tmpdir,
                                          struct pt_err *err);

/* The juridische ruimte of n designs (ruimte.h). */
struct ruimte_result;
typedef enum pt_status (*format_ruimte_fn)(struct pt_buf *out,
                                           struct ruimte_result *const *r,
                                           size_t n, struct pt_err *err);
struct format {
	const char *name;  /* "html": the value of --format */
	const char *ext;   /* file extension without the dot */
	const char *media; /* media type for HTTP */
	const char *label; /* link text in the web workspace */
	const char *what;  /* for messages: "a workbook", "a report" */
	unsigned flags;    /* FORMAT_BINARY, FORMAT_NO_STDOUT, FORMAT_WEB */
	format_report_fn report; /* NULL: cannot carry a report */
	format_amend_fn amend;   /* NULL: cannot carry an amendment list */
	format_ruimte_fn ruimte; /* NULL: cannot carry a juridische ruimte */
};

/* The table, ended by a row with name NULL.  The first row that carries
 * a kind of document is that kind's default. */
extern const struct format formats[];

/* Whether f carries doc. */
int format_carries(const struct format *f, enum format_doc doc);
/* The default format for doc: the first row that carries it. */
const struct format *format_default(enum format_doc doc);
/* The format called name that carries doc, or NULL. */
const struct format *format_find(enum format_doc doc, const char *name);
/* The format with extension ext that carries doc and has every flag of
 * flags, or NULL. */
const struct format *format_by_ext(enum format_doc doc, unsigned flags,
                                   const char *ext);
/* The whole report of n results (n may be 0) in format f. */
enum pt_status format_write_report(const struct format *f, struct pt_buf *out,
                                   struct check_result *const *res, size_t n,
                                   struct pt_err *err);

/*
 * Append the names of the formats that carry doc, separated by sep, the
 * last two by last: format_names(b, FORMAT_REPORT, "|", "|") gives
 * "text|markdown|html|json|csv", (", ", " or ") "text, markdown, html,
 * json or csv".
 */
void format_names(struct pt_buf *b, enum format_doc doc, const char *sep,
                  const char *last);

#endif
