/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * review.h: the review workflow of the denktank: a decision per finding,
 * kept in an append-only audit log.
 *
 * Statuses a reviewer can set:
 *   open             not yet decided (also: reopened)
 *   confirmed        the barrier is real
 *   rejected         not a barrier; a note saying why is required
 *   mitigated        solved without a change of law (certificate,
 *                    designation, ...)
 *   needs-amendment  the law has to change
 * A finding that is no longer produced by the latest saved version of its
 * design is shown as "resolved" (REVIEW_RESOLVED); that is derived, never
 * set, and the finding keeps its log.
 *
 * Every decision is one row of review_log(id, finding_id, logged_at,
 * reviewer, old_status, new_status, note): who, when (UTC, ISO 8601), the
 * status before and after, and the note.  The current status of a finding
 * is the new_status of its last entry ("open" when it has none).  Rows are
 * never changed or removed: triggers in the schema abort every UPDATE and
 * DELETE of review_log.  Decisions are keyed by the finding id, which is
 * stable across runs of the same design (check.h), so they stay attached
 * when a design is checked or saved again.
 *
 * review_set() reads the current status and appends the entry in one
 * write transaction, which waits while another process writes, so
 * concurrent reviewers never lose a decision and old_status is always the
 * status the entry replaced.
 *
 * Ownership: input strings are borrowed.  Arrays returned are freed with
 * the matching *_free(); a struct review_entry filled by review_set() is
 * released with review_entry_release().
 */
#ifndef PROEFTOETS_REVIEW_H
#define PROEFTOETS_REVIEW_H

#include <stddef.h>

#include "err.h"
#include "store.h"

enum review_status {
	REVIEW_OPEN = 0,
	REVIEW_CONFIRMED,
	REVIEW_REJECTED,
	REVIEW_MITIGATED,
	REVIEW_NEEDS_AMENDMENT,
	REVIEW_NSTATUS /* number of statuses that can be set */
};
/* Derived status of a finding that the latest design no longer has. */
#define REVIEW_RESOLVED "resolved"

/* The longest note review_set() takes, in characters (code points); the
 * web form states the same limit. */
#define REVIEW_NOTE_MAX 8000

/* The number of characters (code points) of valid UTF-8 text s. */
size_t review_text_chars(const char *s);

/* "open", "confirmed", ...; NULL for a bad value. */
const char *review_status_name(enum review_status s);
/* The Dutch label of a status name or "resolved", for reports and pages:
 * open, bevestigd, verworpen, ondervangen, wetswijziging nodig, opgelost.
 * NULL gives "open"; a name it does not know is returned as it is.
 * Machine-readable output (JSON) keeps the names. */
const char *review_status_label(const char *s);
/* The status named s, or -1 ("resolved" is not a status one can set). */
int review_status_parse(const char *s);
/* Whether s names a status or "resolved" (for filters). */
int review_status_filter_ok(const char *s);

struct review_entry {
	long long id; /* position in the log (increasing) */
	char *finding_id;
	char *at; /* UTC, ISO 8601 */
	char *by;
	char *old_status, *new_status;
	char *note;      /* NULL when none */
	char *proeftuin; /* review_log_page() only; NULL otherwise */
};

/*
 * Record a decision.  by must be non-blank; a rejection needs a non-blank
 * note; by and note must be UTF-8 (PT_EUSAGE otherwise).  PT_ENOTFOUND
 * when no saved proeftuin has this finding, and when the finding is
 * resolved (the latest saved version of its design no longer has it):
 * nothing is written then; the check and the write are one transaction.
 * out (may be NULL) receives the entry written.
 */
enum pt_status review_set(struct pt_store *st, const char *finding_id,
                          enum review_status status, const char *by,
                          const char *note, struct review_entry *out,
                          struct pt_err *err);
/*
 * As review_set(), but a resolved finding is PT_OK with *resolved = 1
 * and nothing written, so that the caller can say so in its own way (the
 * web workspace answers 409).
 */
enum pt_status review_set_current(struct pt_store *st, const char *finding_id,
                                  enum review_status status, const char *by,
                                  const char *note, int *resolved,
                                  struct review_entry *out, struct pt_err *err);
void review_entry_release(struct review_entry *e);

/* The log of one finding, oldest first; PT_ENOTFOUND if it is unknown. */
enum pt_status review_log(struct pt_store *st, const char *finding_id,
                          struct review_entry **entries, size_t *n,
                          struct pt_err *err);
void review_log_free(struct review_entry *entries, size_t n);

/* Which entries review_log_page() reads: NULL for any.  since and before
 * are UTC times as the log writes them (since <= logged_at < before). */
struct review_log_query {
	const char *reviewer, *proeftuin, *since, *before;
	long limit, offset; /* limit > 0 */
};
/*
 * The log of every finding, newest first: the entries q selects from
 * q->offset on, at most q->limit, each with its proeftuin; *total is the
 * number q selects in all.
 */
enum pt_status review_log_page(struct pt_store *st,
                               const struct review_log_query *q,
                               struct review_entry **entries, size_t *n,
                               long long *total, struct pt_err *err);

struct review_item {
	char *id, *proeftuin;
	char *rule, *kind, *severity, *title; /* from its latest snapshot */
	char *status;         /* current: a status name or "resolved" */
	char *decision;       /* last decision ("open" when none) */
	char *by, *at, *note; /* of the last entry; NULL when none */
	long entries;         /* number of log entries */
	int resolved;
};

/*
 * The findings of every saved proeftuin (or of one, proeftuin not NULL)
 * with their current status, optionally only those whose current status
 * is `status` (a status name or "resolved").  Ordered by proeftuin, then
 * findings of the latest version in report order, then resolved ones by
 * id.  An unknown proeftuin gives an empty list.
 */
enum pt_status review_list(struct pt_store *st, const char *proeftuin,
                           const char *status, struct review_item **items,
                           size_t *n, struct pt_err *err);
void review_list_free(struct review_item *items, size_t n);
/* One finding as in review_list(); free with review_list_free(*item, 1).
 * PT_ENOTFOUND if no saved proeftuin has it. */
enum pt_status review_get(struct pt_store *st, const char *finding_id,
                          struct review_item **item, struct pt_err *err);

/* Index of the counts below: the statuses, then resolved. */
#define REVIEW_NCOUNTS (REVIEW_NSTATUS + 1)
/* Name of count i: a status name, or "resolved" for REVIEW_NSTATUS. */
const char *review_count_name(int i);
/* Number of findings of a proeftuin per current status. */
enum pt_status review_counts(struct pt_store *st, const char *proeftuin,
                             long counts[REVIEW_NCOUNTS], struct pt_err *err);

#endif
