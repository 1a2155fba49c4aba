/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report.h: write a check result as text, Markdown, HTML, JSON, CSV or
 * OpenDocument text (ODT) or a Word document (DOCX).
 *
 * Every format carries the same content: a summary; the barriers grouped by
 * the amendment they need (provision and level) with the findings under
 * each; the rechtsbescherming risks with the norms at stake; what is fine;
 * and for every provision the quoted text, the Juriconnect id, the link and
 * whether it is in the registry or unverified.  JSON follows the report
 * contract of the spec (section 4); it is what other tools read.
 *
 * The writers append to a caller-owned pt_buf (they never print); the CLI
 * writes the buffer out.  Several results (one per design) make one report:
 *   text, markdown  one block per design, one after the other;
 *   html            one page with one <section> per design;
 *   json            one object for one design, an array of such objects
 *                   for several (and an empty array for none);
 *   csv             one header row, then the rows of every design.
 * Output depends only on the input: the same result gives the same bytes.
 * Inside each section, findings keep the order of the result.
 *
 * CSV columns (RFC 4180, CRLF, UTF-8, one row per finding and provision; a
 * finding without provisions gets one row with empty provision columns):
 *   proeftuin, peildatum, bevinding_id, soort, ernst, regel, titel,
 *   actoren, taken, niveau, wijziging, bwb, artikel, lid, jci, in_register,
 *   zekerheid, tekst, beoordeling, toelichting_beoordeling, bepaling,
 *   opmerking, overige_bronnen, versie, versie_sha256, gemaakt, proeftoets,
 *   regels_sha256
 * beoordeling is the Dutch label of the review status (review.h),
 * toelichting_beoordeling the reviewer's note (empty when none).
 * soort is "belemmering" or "risico", ernst "blokkerend", "hoog", "middel"
 * or "laag", niveau the level name of the spec ("wet", "amvb", ...),
 * in_register "ja" or "nee", zekerheid "V26", "V15", "P" or "GK"; actoren
 * and taken are ids separated by "; ".  tekst is empty when the provision
 * is not in the registry; opmerking then says why, and also carries the
 * notes on verification, unknown version dates and changed texts.
 * versie and versie_sha256 are the date ("onbekend" when unknown) and the
 * file's SHA-256 of the law version the tekst was quoted from (empty with
 * the tekst); gemaakt (UTC, "2026-12-03T19:10:00Z"), proeftoets (its
 * version) and regels_sha256 (of the rule set, empty when not loaded from
 * a directory) are the same on every row of a design (see provenance.h).
 *
 * JSON members beyond the contract: naam, omschrijving, peildatum_given,
 * registry, summary {barriers, risks, verdict}, per finding: trigger,
 * toelichting, norm, analyse, unverified, routes [{soort, text}],
 * amendment.label; per provision: onderdeel, citation (short style; with
 * --citeerstijl lang also citation_lang), citeertitel, url,
 * version_date, date_unknown, missing, stale, zekerheid, verified; groups
 * [{provision {bwb, artikel, lid, citation}, level, findings [ids]}]; ok
 * [{task, actor, reason}].
 */
#ifndef PROEFTOETS_REPORT_H
#define PROEFTOETS_REPORT_H

#include <stddef.h>

#include "buf.h"
#include "check.h"
#include "cite.h"

/*
 * The writers, one per format (report_<format>.c; format.h's table names
 * them).  report_X_part(out, r, i, n) appends what comes before the i-th
 * of n results (the head when i is 0), the result r, and after the last
 * (i == n - 1) the tail.  Calling it for i = 0 .. n-1 in order gives the
 * whole report, so that it can be written, and each result freed, as it
 * is made; for n == 0, call it once with i = 0 and r = NULL.
 */
void report_text_part(struct pt_buf *out, const struct check_result *r,
                      size_t i, size_t n);
void report_markdown_part(struct pt_buf *out, const struct check_result *r,
                          size_t i, size_t n);
void report_html_part(struct pt_buf *out, const struct check_result *r,
                      size_t i, size_t n);
/* The "generated" key and object of a JSON document (README, "Report
 * JSON"): when (UTC and Europe/Amsterdam), the tool and its version, the
 * rule set, and the law versions quoted in the n results. */
struct json;
struct ruleset;
void report_json_generated(struct json *j, time_t when,
                           const struct ruleset *rs,
                           const struct check_result *const *res, size_t n);
void report_json_part(struct pt_buf *out, const struct check_result *r,
                      size_t i, size_t n);
void report_csv_part(struct pt_buf *out, const struct check_result *r, size_t i,
                     size_t n);
/* OpenDocument text (report_odt.c): the package is made at the last part,
 * so out must be empty at part 0 and kept until then.  PT_EINTERNAL when
 * the package cannot be made, PT_EUSAGE for a bad SOURCE_DATE_EPOCH. */
enum pt_status report_odt_part(struct pt_buf *out, const struct check_result *r,
                               size_t i, size_t n, struct pt_err *err);
/* The same as a Word document (docx), likewise. */
enum pt_status report_docx_part(struct pt_buf *out,
                                const struct check_result *r, size_t i,
                                size_t n, struct pt_err *err);
/*
 * A picture of r's design as SVG (report_svg.c): actors as boxes, data
 * flows as arrows, shared dossiers as cylinders, each marked with the
 * barriers and risks that concern it.  With href non-NULL a marked item
 * links to href followed by the id of its (first) finding, percent-encoded.
 * Fails only when Graphviz cannot be loaded or cannot lay the graph out.
 */
enum pt_status report_svg_design(struct pt_buf *out,
                                 const struct check_result *r, const char *href,
                                 struct pt_err *err);
/* The format table's writer: n must be 1 (FORMAT_ONE). */
enum pt_status report_svg_part(struct pt_buf *out, const struct check_result *r,
                               size_t i, size_t n, struct pt_err *err);
/* A workbook (report_xlsx.c): the sheets "Bevindingen", one row per
 * finding, "Teksten", the provisions' texts, and "Herkomst"; made at the
 * last part, likewise. */
enum pt_status report_xlsx_part(struct pt_buf *out,
                                const struct check_result *r, size_t i,
                                size_t n, struct pt_err *err);

/* --- shared by the writers (report.c) ------------------------------------ */

/* The head of a whole HTML page titled title, with the report's
 * stylesheet, up to and with <main>; and its end (report_html.c). */
void report_html_page_head(struct pt_buf *out, const char *title);
void report_html_page_foot(struct pt_buf *out);
/* Markdown (report_markdown.c): escaped inline text (a newline becomes a
 * space), a code span, and a quoted provision as the report writes it: a
 * list item with its citation, the text as a block quote and its notes. */
void report_md_text(struct pt_buf *b, const char *s);
void report_md_code(struct pt_buf *b, const char *s);
void report_md_provision(struct pt_buf *b, const struct finding_provision *p);
/* A quoted provision as the ODT report writes it, the text in the
 * paragraph style Citaat (report_odt.c, odt.h). */
struct odt;
void report_odt_provision(struct odt *o, const struct finding_provision *p);

/*
 * An amendment group: the barriers that need the same provision changed.
 * Groups are keyed by (bwb, artikel, lid) of the first provision a rule
 * cites, and take the lowest level among their findings, in the order of
 * enum vocab_level (LEVEL_WET first): the group's level is therefore the
 * most demanding one, the level at which every barrier of the group can be
 * lifted.  Only barriers are grouped; barriers without provisions form one
 * group with key NULL.  Groups come in the order of their first finding.
 */
struct report_group {
	const struct finding_provision *key; /* the provision to amend */
	enum vocab_level level;
	const struct finding **findings;
	size_t nfindings;
};
/* Build the groups of one result; free with report_groups_free(). */
void report_groups(const struct check_result *r, struct report_group **groups,
                   size_t *n);
void report_groups_free(struct report_group *groups, size_t n);

/* The juridische ruimte of n designs (ruimte.h): Dutch text, and the JSON
 * of the contract in README.md. */
struct ruimte_result;
void report_ruimte_text(struct pt_buf *out, struct ruimte_result *const *r,
                        size_t n);
void report_ruimte_json(struct pt_buf *out, struct ruimte_result *const *r,
                        size_t n);
/* The same as whole documents: Markdown, and a standalone HTML page
 * around report_ruimte_html() (report_ruimte_doc.c); the provenance of
 * the reports and the quoted text of the provisions of the AMvB and the
 * statute parts with them. */
void report_ruimte_markdown(struct pt_buf *out, struct ruimte_result *const *r,
                            size_t n);
void report_ruimte_page(struct pt_buf *out, struct ruimte_result *const *r,
                        size_t n);
/* As an OpenDocument text (ruimte_odt.c); out is replaced by the
 * package.  PT_EINTERNAL when it cannot be made, PT_EUSAGE for a bad
 * SOURCE_DATE_EPOCH. */
enum pt_status report_ruimte_odt(struct pt_buf *out,
                                 struct ruimte_result *const *r, size_t n,
                                 struct pt_err *err);
/*
 * The juridische ruimte of one design as an HTML fragment for a page: the
 * three parts and the ladder, in Dutch, headings at level, everything
 * escaped.  When href is not NULL, a finding of the design as submitted
 * links to href followed by its percent-encoded id.
 */
void report_ruimte_html(struct pt_buf *out, const struct ruimte_result *r,
                        int level, const char *href);

/*
 * Dutch label of a verification mark: V26 "geverifieerd in geconsolideerde
 * tekst (2025/2026)", V15 "alleen geverifieerd in tekst van 2015", P
 * "beleidsbron, geen wettekst — niet geverifieerd", GK "algemene kennis —
 * niet geverifieerd".
 */
const char *report_zekerheid_label(enum rule_zekerheid z);
/* One CSV field per RFC 4180 (quoted when needed; NULL is empty); a
 * cell starting with = + - @ tab or CR gets a ' first (csv.h). */
void report_csv_field(struct pt_buf *b, const char *s);

/* Dutch words: "belemmering"/"risico"; "blokkerend", "hoog", ... */
const char *report_kind_label(enum rule_kind k);
const char *report_severity_label(enum rule_severity s);
/* The review status of a finding; "open" when none was recorded. */
const char *report_review_status(const struct finding *f);
/* Its Dutch label (review_status_label()), for every Dutch report. */
const char *report_review_label(const struct finding *f);
/* "De wet blokkeert dit ontwerp op N punten" or "Geen juridische
 * belemmeringen gevonden" (owned by caller). */
char *report_verdict(const struct check_result *r);
/* The peildatum, with "(peildatum niet opgegeven; vandaag gebruikt)" when
 * the design gave none (owned by caller). */
char *report_peildatum(const struct design *d);
/*
 * The provenance of a report (provenance.h), as the summary of the text,
 * Markdown and HTML reports says it (owned by caller): when and with
 * which version ("3 december 2026, 20:10 (Europe/Amsterdam), proeftoets
 * 0.1.0"), the rule set ("81 regels uit 10 bestanden, SHA-256 ..."), and
 * the law versions quoted ("BWBR0034925 versie 2026-01-01 (SHA-256 ...);
 * ...").
 */
char *report_made(const struct check_result *r);
char *report_rules_made(const struct check_result *r);
char *report_laws_made(const struct check_result *r);
/* The registry used, or a Dutch phrase when there was none. */
const char *report_registry(const struct check_result *r);
/* "Naam (id)" of an actor id of the design, or the id (owned by caller). */
char *report_actor_label(const struct design *d, const char *id);
/* "label (id)" of a task id, or the id (owned by caller). */
char *report_task_label(const char *id);
/*
 * The notes a reader needs next to a provision, in Dutch, one per line
 * (owned by caller; "" when there are none): not in the registry and why,
 * or else that the quoted version's date is unknown; and that the text
 * changed since the rule was written.  The
 * verification mark is not included (use report_zekerheid_label).
 */
char *report_provision_notes(const struct finding_provision *p);

#endif
