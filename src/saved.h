/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * saved.h: proeftuinen stored in the registry, with their history.
 *
 * `check --save` and `proeftuin add` store each checked design under its
 * proeftuin id: the design XML exactly as read, its SHA-256 and peildatum,
 * and a snapshot of every finding the check produced (id, rule, kind,
 * severity, title, trigger, actors, tasks and the jci of every provision;
 * list columns are JSON arrays).  A design whose SHA-256 equals that of
 * the latest saved version of its proeftuin adds nothing; any other design
 * becomes the next version (numbered from 1), so the history says which
 * version of the design produced which findings.  A design saved again
 * after a different one (A, B, A) becomes a new version: the latest
 * version is always the design saved last.
 *
 * Schema (migration 2 -> 3 in store.c; its SQL is in store_saved.c):
 *   proeftuin(id, naam, created_at)
 *   proeftuin_version(id, proeftuin_id, seq, sha256, source, naam,
 *                     peildatum, design, barriers, risks, saved_at)
 *   finding(id, proeftuin_id)        every finding ever saved
 *   finding_snapshot(version_id, finding_id, seq, rule, kind, severity,
 *                    title, trigger, actors, tasks, jci)
 *   review_log(...)                  see review.h
 * Times are UTC, ISO 8601 ("2026-01-31T09:15:00Z").  A finding whose id is
 * not among the findings of the latest version of its proeftuin is
 * "resolved" (review.h); nothing is ever deleted.
 *
 * Writes run in transactions that wait while another process holds the
 * lock (store_begin), so several processes may save and review at the
 * same time.  All SQL is static with bound parameters.
 *
 * Ownership: input strings are borrowed.  saved_list() returns an array
 * freed with saved_list_free(); saved_latest_design() returns a
 * NUL-terminated malloc'd copy the caller frees (len excludes the NUL).
 * saved_review_apply() replaces finding->review_status / review_note with
 * strings owned by the finding (freed by check_result_free()).
 */
#ifndef PROEFTOETS_SAVED_H
#define PROEFTOETS_SAVED_H

#include <stddef.h>

#include "buf.h"
#include "check.h"
#include "err.h"
#include "store.h"

struct saved_proeftuin {
	char *id, *naam, *peildatum, *saved_at; /* of the latest version */
	int versions;
};

/* Every saved proeftuin, ordered by id. */
enum pt_status saved_list(struct pt_store *st, struct saved_proeftuin **list,
                          size_t *n, struct pt_err *err);
void saved_list_free(struct saved_proeftuin *list, size_t n);

/*
 * The design XML of the latest saved version of a proeftuin.
 * PT_ENOTFOUND when the proeftuin was never saved.
 */
enum pt_status saved_latest_design(struct pt_store *st, const char *id,
                                   char **xml, size_t *len, struct pt_err *err);

/*
 * The design XML of the latest saved version that produced the finding
 * finding_id (for a resolved finding: the last one that had it), as
 * saved_latest_design().  PT_ENOTFOUND when no version has it.
 */
enum pt_status saved_finding_design(struct pt_store *st, const char *finding_id,
                                    char **xml, size_t *len,
                                    struct pt_err *err);

/*
 * Fill review_status / review_note of every finding from the log (status
 * "open" and note NULL when none): the status and note of the finding's
 * last log entry.  Works for designs that were never saved too.
 */
enum pt_status saved_review_apply(struct pt_store *st, struct check_result *r,
                                  struct pt_err *err);

/* --- saving -----------------------------------------------------------------
 */

struct saved_put_info {
	int version; /* number of the version that holds the design */
	int added;   /* 1: a new version; 0: same as the latest one */
	char sha256[65];
};

/*
 * Store the checked design r->design, read from the bytes xml/len, with
 * the findings of r, in one transaction.
 */
enum pt_status saved_put(struct pt_store *st, const struct check_result *r,
                         const char *xml, size_t len,
                         struct saved_put_info *info, struct pt_err *err);

/* --- for the review workflow and the proeftuinen listing ------------------ */

/* Barriers and risks found in the latest version; PT_ENOTFOUND if unknown. */
enum pt_status saved_counts(struct pt_store *st, const char *id, long *barriers,
                            long *risks, struct pt_err *err);

/* --- the history of a proeftuin --------------------------------------------
 */

struct saved_version {
	int seq;        /* 1, 2, ... */
	char *saved_at; /* UTC, ISO 8601 */
	char *source;   /* what it was read from ("proeftuin ID" for a design
	                   the web workspace saved); may be NULL */
	char *naam, *peildatum;
	long barriers, risks, findings;
};

/* Every version of proeftuin id, oldest first; PT_ENOTFOUND when it was
 * never saved.  Free with saved_versions_free(). */
enum pt_status saved_versions(struct pt_store *st, const char *id,
                              struct saved_version **list, size_t *n,
                              struct pt_err *err);
void saved_versions_free(struct saved_version *list, size_t n);

/* The design XML of version seq of proeftuin id (as saved_latest_design);
 * PT_ENOTFOUND when there is no such version. */
enum pt_status saved_version_design(struct pt_store *st, const char *id,
                                    int seq, char **xml, size_t *len,
                                    struct pt_err *err);

/* A finding as a version saved it. */
struct saved_finding {
	char *id, *title, *kind; /* title may be NULL */
};

/* The findings of version seq of proeftuin id, in report order (none for
 * an unknown version).  Free with saved_findings_free(). */
enum pt_status saved_version_findings(struct pt_store *st, const char *id,
                                      int seq, struct saved_finding **list,
                                      size_t *n, struct pt_err *err);
void saved_findings_free(struct saved_finding *list, size_t n);

/* The findings of the latest version of every saved proeftuin that quote
 * article artikel of bwb (any lid, any date): their ids and titles (title
 * may be NULL), by id.  Free both with saved_citing_free(). */
enum pt_status saved_citing(struct pt_store *st, const char *bwb,
                            const char *artikel, char ***ids, char ***titles,
                            size_t *n, struct pt_err *err);
void saved_citing_free(char **ids, char **titles, size_t n);

#endif
