/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * stale.h: law changes under the rules.
 *
 * A rule provision can say which text it was written against: the date of
 * the version (getoetst_aan) and/or the SHA-256 of the text (tekst_sha256,
 * over the text exactly as the registry stores it).  stale_check() compares
 * that baseline with the text of the same provision in the version in
 * force at a later date (NULL: the newest version in the registry):
 *
 *   STALE_CHANGED      the text differs from the baseline: from the text
 *                      at getoetst_aan, or, when tekst_sha256 is given,
 *                      from the text with that hash
 *   STALE_REPEALED     the article's status is "vervallen"
 *   STALE_GONE         the article, or the lid, is not in that version (an
 *                      extract in the registry that leaves the article out
 *                      looks the same: the reviewer decides)
 *   STALE_NO_BASELINE  only getoetst_aan is given and the registry holds no
 *                      text of the provision at that date, while it does
 *                      hold a later one: the rule cannot be verified
 *   STALE_NONE         none of these; also when the provision gives neither
 *                      getoetst_aan nor tekst_sha256 (pinned = 0), when the
 *                      law is not in the registry, when no version is in
 *                      force at the date, or when the version in force at
 *                      the date is not later than getoetst_aan
 *                      (checked = 0 in those cases)
 * Only the version in force at the date is compared with the baseline: a
 * change that was made and undone in between is not reported.
 *
 * check_run() marks a quoted provision stale (finding_provision.stale)
 * through stale_check() at the design's peildatum for CHANGED, REPEALED and
 * GONE; not for NO_BASELINE, which says nothing about the text.
 * `proeftoets rules stale` lists every rule with a provision that is not
 * STALE_NONE at the newest version, with the old and new text.
 *
 * Ownership: strings in struct stale_provision are owned by it (release
 * with stale_provision_release()); struct stale_report owns its arrays and
 * borrows the rule set.
 */
#ifndef PROEFTOETS_STALE_H
#define PROEFTOETS_STALE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "rules.h"
#include "store.h"

enum stale_reason {
	STALE_NONE = 0,
	STALE_CHANGED,
	STALE_REPEALED,
	STALE_GONE,
	STALE_NO_BASELINE
};

struct stale_provision {
	const struct rule_provision *rp;
	enum stale_reason reason;
	int pinned;        /* getoetst_aan or tekst_sha256 given */
	int checked;       /* baseline and target could be compared */
	char *citeertitel; /* from the registry, else the rule's; may be NULL */
	char
	    *old_text; /* text at getoetst_aan; NULL when not in the registry */
	char *new_text; /* text at the date; NULL when gone */
	char *old_date; /* version date of the old text; NULL when unknown */
	char *new_date; /* version date of the new text; NULL when unknown */
	int old_date_unknown, new_date_unknown;
	int hash_mismatch; /* old_text does not have the rule's tekst_sha256 */
};

/*
 * Compare the provision's baseline with its text at date (NULL: newest).
 * Errors only for database trouble.
 */
enum pt_status stale_check(struct pt_store *st, const struct rule_provision *rp,
                           const char *date, struct stale_provision *out,
                           struct pt_err *err);
void stale_provision_release(struct stale_provision *p);

/* Whether check should mark a provision stale for this reason. */
int stale_marks_finding(enum stale_reason r);
/*
 * For check_run(): set *stale to 1 when the provision is stale at date
 * for a reason that marks a finding (never clears it).  st may be NULL.
 */
enum pt_status stale_mark(struct pt_store *st, const struct rule_provision *rp,
                          const char *date, int *stale, struct pt_err *err);

struct stale_rule {
	const struct rule *rule;
	struct stale_provision *provisions; /* only those not STALE_NONE */
	size_t n;
};

struct stale_report {
	const char *date; /* borrowed; NULL = newest */
	struct stale_rule
	    *rules; /* rules with a stale provision, in set order */
	size_t n;
	size_t provisions; /* provisions cited by all rules */
	size_t unpinned;   /* of those, without getoetst_aan and tekst_sha256 */
	size_t stale;      /* of those, not STALE_NONE */
	size_t unchecked;  /* pinned, but law or version not in the registry */
};

enum pt_status stale_rules(struct pt_store *st, const struct ruleset *rs,
                           const char *date, struct stale_report **out,
                           struct pt_err *err);
void stale_report_free(struct stale_report *r);

/* "changed", "repealed", "gone", "baseline-missing", "none". */
const char *stale_reason_name(enum stale_reason r);
/* Dutch: "tekst gewijzigd", "vervallen", ... */
const char *stale_reason_label(enum stale_reason r);

/* The report as text (with word diffs) or JSON (pt_buf, never printed). */
void stale_report_text(struct pt_buf *b, const struct stale_report *r,
                       int color);
void stale_report_json(struct pt_buf *b, const struct stale_report *r);

#endif
