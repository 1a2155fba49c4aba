/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_review.h: the review log in the registry, for review.c and
 * saved.c; the SQL behind review.h.
 *
 * Owns the table review_log(id, finding_id, logged_at, reviewer,
 * old_status, new_status, note), created with its append-only triggers by
 * migration 2 -> 3 in store.c; reads finding, finding_snapshot and
 * proeftuin_version (store_saved.h) to list findings.  Checking what is
 * written (statuses, names, notes) is review.c's work, not this module's.
 *
 * Ownership: input strings are borrowed.  Entries and items are those of
 * review.h and are freed with its functions; strings returned through
 * char ** are malloc'd and freed by the caller.
 */
#ifndef PROEFTOETS_STORE_REVIEW_H
#define PROEFTOETS_STORE_REVIEW_H

#include <stddef.h>

#include "err.h"
#include "review.h"
#include "store.h"

/* Whether a saved proeftuin has a finding with this id. */
enum pt_status store_review_known(struct pt_store *st, const char *finding_id,
                                  int *known, struct pt_err *err);

/*
 * Append a decision in one write transaction.  Its old_status is the
 * new_status of the finding's last entry, or initial when there is none.
 * *known = 0, and nothing is written, when no saved proeftuin has the
 * finding; with only_current, *resolved = 1 and nothing is written when
 * the latest version of its proeftuin no longer has it.  out (may be
 * NULL) receives the row as stored.
 */
enum pt_status store_review_append(struct pt_store *st, const char *finding_id,
                                   const char *initial, const char *new_status,
                                   const char *by, const char *note,
                                   int only_current, int *known, int *resolved,
                                   struct review_entry *out,
                                   struct pt_err *err);

/* The entries of one finding, oldest first (none for an unknown one). */
enum pt_status store_review_entries(struct pt_store *st, const char *finding_id,
                                    struct review_entry **entries, size_t *n,
                                    struct pt_err *err);

/* The entries of every finding that q selects, newest first, with their
 * proeftuin, and how many it selects in all (review_log_page()). */
enum pt_status store_review_page(struct pt_store *st,
                                 const struct review_log_query *q,
                                 struct review_entry **entries, size_t *n,
                                 long long *total, struct pt_err *err);

/*
 * The new_status and note of the last entry of each finding ids[0..n):
 * status[i] and note[i] receive copies, NULL when it has no entry.
 */
enum pt_status store_review_last(struct pt_store *st, const char *const *ids,
                                 size_t n, char **status, char **note,
                                 struct pt_err *err);

/*
 * The findings of one proeftuin, one finding, or every one (both NULL),
 * in the order of review_list().  Each item has what the tables hold:
 * decision, by, at and note of its last entry (NULL when none), entries,
 * resolved; status is left NULL for the caller.
 */
enum pt_status store_review_items(struct pt_store *st, const char *proeftuin,
                                  const char *finding_id,
                                  struct review_item **items, size_t *n,
                                  struct pt_err *err);

#endif
