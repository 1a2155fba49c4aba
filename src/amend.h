/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * amend.h: the amendment list over the stored proeftuinen.
 *
 * amend_collect() takes the latest saved design of every stored proeftuin
 * (or of the ones named), checks it at its peildatum with the rule set
 * given, and applies the review decisions (saved.h).  amend_build() then
 * groups the barriers by the provision the amendment concerns, as
 * report_groups() does for one design: the first provision the rule cites,
 * keyed by (bwb, artikel, lid); barriers citing no provision form one item
 * with key NULL.  Per item: the current text of the provision (in force at
 * `today`), its Juriconnect id, the level (the lowest, i.e. most demanding,
 * vocab_level of its findings: every barrier of the item is lifted at that
 * level), the amendments the rules describe, the proeftuinen and findings
 * that need it with their review status.  Findings whose review status is
 * "rejected" are left out (only counted); "mitigated" findings are kept
 * apart: an item whose findings are all mitigated has needed = 0 and is
 * listed after the needed ones.  Items come ordered by needed, then level
 * (wet first), then first appearance; risks are grouped by rule, ordered by
 * severity, then first appearance, with the same split of statuses.
 *
 * Writers append to a pt_buf (text, markdown, csv, json) or write a file
 * (xlsx); they never print.  CSV (RFC 4180, CRLF, UTF-8) has one header
 * row and one row per item, then one per risk, in the columns of
 * amend_csv_column(); lists of findings are one per line inside the field,
 * beoordeling counts the Dutch review labels of its findings and
 * toelichting_beoordeling gives their review notes ("id: note", one per
 * line).
 * Every row ends with the provenance of the list (provenance.h):
 * versie_sha256, the SHA-256 of the file of the law version in versie,
 * then gemaakt (UTC), proeftoets (its version) and regels_sha256, the
 * same on every row.  The XLSX has the sheets "Wijzigingen" and
 * "Risico's" in the columns of the CSV up to opmerking, and "Herkomst"
 * with the provenance: the time, the version, the rule set and each law
 * version quoted.
 * The JSON is documented in README.md ("Amendment list JSON").
 *
 * Ownership: struct amend_list owns its sources (designs and check
 * results), items and risks; it borrows the rule set, which must outlive
 * it.  Free with amend_free().
 */
#ifndef PROEFTOETS_AMEND_H
#define PROEFTOETS_AMEND_H

#include <stddef.h>

#include "buf.h"
#include "check.h"
#include "cite.h"
#include "err.h"
#include "rules.h"
#include "store.h"
#include "vocab.h"

struct amend_source {
	char *id, *naam, *peildatum, *saved_at; /* as saved */
	int versions;
	struct design *design;
	struct check_result *result;
};

struct amend_ref {
	const struct amend_source *src;
	const struct finding *f;
};

struct amend_item {
	const struct finding_provision
	    *key;          /* NULL: barriers citing no provision */
	char *citation;    /* "art. 3.2 lid 1 Jeugdwet", in citeerstijl */
	int citeerstijl;   /* enum cite_style; see amend_citeerstijl() */
	char *citeertitel; /* may be NULL */
	char *jci, *url;   /* at today; NULL when key is NULL */
	char *text; /* in force at today; NULL when not in the registry */
	char *version_date;   /* of that text; NULL when unknown */
	char *version_sha256; /* of the file that version came from, or NULL */
	int in_registry, date_unknown;
	char *missing; /* Dutch: why the text is not in the registry */
	int stale;     /* the text changed since a rule was written */
	enum vocab_level level;
	enum rule_severity severity; /* the most severe of its findings */
	int needed; /* at least one finding that is not mitigated */
	const char **wijzigingen; /* distinct amendment texts of the rules */
	size_t nwijzigingen;
	const struct rule **rules; /* distinct rules, in order */
	size_t nrules;
	struct amend_ref *findings; /* open, confirmed, needs-amendment */
	size_t nfindings;
	struct amend_ref *mitigated;
	size_t nmitigated;
	size_t nrejected;
	char **proeftuinen; /* ids of the proeftuinen with a finding kept */
	size_t nproeftuinen;
};

struct amend_risk {
	const struct rule *rule;
	const struct finding *first; /* for its provisions */
	struct amend_ref *findings;
	size_t nfindings;
	struct amend_ref *mitigated;
	size_t nmitigated;
	size_t nrejected;
	char **proeftuinen;
	size_t nproeftuinen;
};

struct amend_list {
	char *today;
	struct amend_source *sources;
	size_t nsources;
	struct amend_item *items;
	size_t nitems;
	struct amend_risk *risks;
	size_t nrisks;
	size_t nfindings, nmitigated, nrejected; /* barriers and risks */
};

/*
 * Check the latest saved design of each proeftuin in ids (all saved ones
 * when nids is 0) and build the list.  today (YYYY-MM-DD, not NULL) is the
 * date of the current text and the peildatum of designs that give none.
 * PT_ENOTFOUND when an id was never saved.
 */
enum pt_status amend_collect(struct pt_store *st, const struct ruleset *rs,
                             char *const *ids, size_t nids, const char *today,
                             struct amend_list **out, struct pt_err *err);
/*
 * Build the list from sources already checked (the list takes them over:
 * their strings, designs and results; the array itself stays the
 * caller's).  st may be NULL (then no text is quoted).
 */
enum pt_status amend_build(struct pt_store *st, struct amend_source *src,
                           size_t n, const char *today, struct amend_list **out,
                           struct pt_err *err);
/* Cite every provision of l in style (cite.h); kort when not called. */
void amend_citeerstijl(struct amend_list *l, enum cite_style style);
void amend_free(struct amend_list *l);
/* The number of items of l whose needed is needed: 1 counts the
 * provisions still to amend, 0 those all of whose findings are mitigated. */
size_t amend_count_needed(const struct amend_list *l, int needed);

/* The writers (format.h's table names them). */
void amend_text(struct pt_buf *b, const struct amend_list *l);
void amend_markdown(struct pt_buf *b, const struct amend_list *l);
void amend_csv(struct pt_buf *b, const struct amend_list *l);
void amend_json(struct pt_buf *b, const struct amend_list *l);
/*
 * Workbook (workbook.h) with the sheets "Wijzigingen" (the items),
 * "Risico's" (the risks) and "Herkomst"; appended to b.  It is made in a
 * private directory under tmpdir (NULL: $TMPDIR, else /tmp) that is
 * removed again.  PT_EIO when it cannot be made.
 */
enum pt_status amend_xlsx(struct pt_buf *b, const struct amend_list *l,
                          const char *tmpdir, struct pt_err *err);

/*
 * OpenDocument text (amend_odt.c): a title page, the summary, the items
 * to amend and the mitigated ones with their current text quoted, and the
 * risks; appended to b.  tmpdir is not used.  PT_EINTERNAL when the
 * package cannot be made, PT_EUSAGE for a bad SOURCE_DATE_EPOCH.
 */
enum pt_status amend_odt(struct pt_buf *b, const struct amend_list *l,
                         const char *tmpdir, struct pt_err *err);
/* The same as a Word document (docx). */
enum pt_status amend_docx(struct pt_buf *b, const struct amend_list *l,
                          const char *tmpdir, struct pt_err *err);

/* Shared by the writers.  The notes on an item, one per line: not in the
 * registry, date unknown, stale, rejected findings left out ("" for none).
 * The citations of a risk's provisions (its Juriconnect ids when jci),
 * separated by sep.  Both caller-freed. */
char *amend_item_notes(const struct amend_item *it);
char *amend_risk_citations(const struct amend_risk *rk, const char *sep,
                           int jci);

/* The name of CSV column i, NULL past the last. */
const char *amend_csv_column(size_t i);

#endif
