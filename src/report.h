/*
 * report.h: write a check result as text, Markdown, HTML, JSON or CSV.
 *
 * Every format carries the same content: a summary; the barriers grouped by
 * the amendment they need (provision and level) with the findings under
 * each; the rechtsbescherming risks with the norms at stake; what is fine;
 * and for every provision the quoted text, the Juriconnect id, the link and
 * whether it is in the registry or unverified.  JSON follows the report
 * contract of the spec (section 4); it is what other tools read.
 *
 * The writers append to a caller-owned pt_buf (they never print); the CLI
 * writes the buffer out.  Several results (one per design) make one report.
 */
#ifndef PROEFTOETS_REPORT_H
#define PROEFTOETS_REPORT_H

#include <stddef.h>

#include "buf.h"
#include "check.h"

enum report_format {
	REPORT_TEXT = 0,
	REPORT_MARKDOWN,
	REPORT_HTML,
	REPORT_JSON,
	REPORT_CSV
};

/* "text", "markdown", "html", "json", "csv"; -1 when unknown. */
int report_format_parse(const char *s);

void report_text(struct pt_buf *out, struct check_result *const *res, size_t n);
void report_markdown(struct pt_buf *out, struct check_result *const *res, size_t n);
void report_html(struct pt_buf *out, struct check_result *const *res, size_t n);
void report_json(struct pt_buf *out, struct check_result *const *res, size_t n);
void report_csv(struct pt_buf *out, struct check_result *const *res, size_t n);
void report_write(struct pt_buf *out, enum report_format f,
		  struct check_result *const *res, size_t n);

/* --- shared by the writers (report.c) ------------------------------------ */

/*
 * An amendment group: the barriers that need the same provision changed.
 * Groups are keyed by (bwb, artikel, lid) of the first provision a rule
 * cites, and take the lowest level among their findings.
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

/* Short Dutch citation: "art. 3.2 lid 1 Jeugdwet" (owned by caller). */
char *report_cite(const struct finding_provision *p);
/* Dutch label of a verification mark: "niet geverifieerd (algemene kennis)". */
const char *report_zekerheid_label(enum rule_zekerheid z);
/* Escape for HTML text and attribute values. */
void report_html_escape(struct pt_buf *b, const char *s);
/* One CSV field per RFC 4180 (quoted when needed). */
void report_csv_field(struct pt_buf *b, const char *s);

#endif
