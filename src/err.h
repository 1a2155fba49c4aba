/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * err.h: status codes and the error record every library call fills.
 *
 * The library never prints and never exits.  A function that can fail
 * returns an `enum pt_status` (PT_OK on success) and, on failure, fills a
 * caller-owned `struct pt_err` with the status, a message and, where there
 * is one, the file, line and column the message is about.  The CLI prints
 * the error with pt_err_format() and exits with the status: the values are
 * the documented exit statuses of proeftoets(1) and are never reused;
 * err.c keeps their one description (pt_status_docs()), which --help
 * shows and against which a test holds the man page.
 *
 * A record may carry further errors: a reader that finds several (the
 * design reader does) fills the first with pt_err_add() as pt_err_set()
 * would and appends the others, up to PT_ERR_MAX in all; beyond that it
 * only counts them (`omitted`).  The CLI prints each on its own line.
 *
 * Ownership: the first error sits in fixed-size buffers; the further
 * errors are owned by the record and freed by pt_err_clear(), or replaced
 * by the next pt_err_set().  Every record therefore starts as PT_ERR_INIT
 * (or zeroed memory), and one that holds further errors is never copied
 * by assignment.
 */
#ifndef PROEFTOETS_ERR_H
#define PROEFTOETS_ERR_H

#include <stddef.h>

enum pt_status {
	PT_OK = 0,       /* success; for check: no barriers */
	PT_FINDINGS = 1, /* check: the design has one or more barriers */
	PT_EUSAGE = 2,   /* bad command line */
	PT_EINPUT = 3, /* input not well-formed, not valid, not BWB, bad design
	                  or rules */
	PT_EUNSAFE =
	    4, /* XML refused for safety: DTD entities, external entities */
	PT_EIO = 5, /* a file could not be opened, read or written */
	PT_EDB = 6, /* the database could not be opened, read or written */
	PT_ENOTFOUND =
	    7, /* a law, version, article, finding or proeftuin not found */
	PT_EINTERNAL = 8 /* out of memory or a broken invariant */
};

#define PT_ERR_MSG_MAX  1024
#define PT_ERR_FILE_MAX 512

/* The most errors one record keeps: the first and PT_ERR_MAX - 1 more. */
#define PT_ERR_MAX 20

/* One further error of a record, after the first. */
struct pt_err_more {
	char *file; /* "" when the error is not about a file */
	long line;  /* 0 when unknown */
	long col;   /* 0 when unknown */
	char *msg;
};

struct pt_err {
	enum pt_status code;
	char file[PT_ERR_FILE_MAX]; /* "" when the error is not about a file */
	long line;                  /* 0 when unknown */
	long col;                   /* 0 when unknown */
	char msg[PT_ERR_MSG_MAX];
	struct pt_err_more *more; /* further errors in order; NULL if none */
	size_t nmore;             /* at most PT_ERR_MAX - 1 */
	size_t omitted;           /* errors found beyond PT_ERR_MAX, not kept */
};

#define PT_ERR_INIT                                                            \
	{                                                                      \
		PT_OK, "", 0, 0, "", NULL, 0, 0                                \
	}

#if defined(__GNUC__)
#define PT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define PT_PRINTF(a, b)
#endif

/* A macro's value as a string literal: PT_STR(REVIEW_NOTE_MAX) is "8000". */
#define PT_STR_(x) #x
#define PT_STR(x)  PT_STR_(x)

/* Reset err to "no error", freeing its further errors. */
void pt_err_clear(struct pt_err *err);

/*
 * Fill err (if not NULL) and return code.  file may be NULL; line and col
 * may be 0.  The message starts lower-case and has no final full stop.
 * Further errors that err held are freed: it now holds this one.
 */
enum pt_status pt_err_set(struct pt_err *err, enum pt_status code,
                          const char *file, long line, long col,
                          const char *fmt, ...) PT_PRINTF(6, 7);

/*
 * Record one more error (err may be NULL) and return code.  When err holds
 * no error yet (code PT_OK) this is pt_err_set(); otherwise the error is
 * appended to err->more and err->code stays that of the first, or, once
 * err holds PT_ERR_MAX errors, only err->omitted is counted.
 */
enum pt_status pt_err_add(struct pt_err *err, enum pt_status code,
                          const char *file, long line, long col,
                          const char *fmt, ...) PT_PRINTF(6, 7);

/* How many errors err reports: 0 for none, else 1 + nmore + omitted. */
size_t pt_err_count(const struct pt_err *err);

/* Prefix the existing message with "what: ". */
void pt_err_prefix(struct pt_err *err, const char *fmt, ...) PT_PRINTF(2, 3);

/*
 * Write "file:line:col: message" (omitting the parts that are unknown) into
 * buf, truncating to size.  Returns buf.
 */
char *pt_err_format(const struct pt_err *err, char *buf, size_t size);

/* The same for the further error err->more[i] (i < err->nmore). */
char *pt_err_format_more(const struct pt_err *err, size_t i, char *buf,
                         size_t size);

/* The name of a status, for documentation and JSON ("ok", "input", ...). */
const char *pt_status_name(enum pt_status code);

/* One exit status as --help and the man page document it. */
struct pt_status_doc {
	enum pt_status code;
	const char *name; /* pt_status_name() */
	const char *text; /* one line: "usage error" */
};

/* Every status in order, ended by an entry whose name is NULL. */
const struct pt_status_doc *pt_status_docs(void);

/*
 * Write the table "Exit status:\n  0  success ...\n" that --help shows into
 * buf, truncating to size.  Returns its length.
 */
size_t pt_status_table(char *buf, size_t size);

#endif
