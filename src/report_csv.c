/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_csv.c: the findings as CSV (RFC 4180) for spreadsheets: a header
 * row, then one row per finding and provision, so a sheet can filter by
 * article.  The columns are listed in report.h.  The provenance
 * (provenance.h) is in short columns of every row, so that each row still
 * says where it came from once a sheet is filtered or rows are pasted
 * elsewhere: the law version of the row's provision (versie,
 * versie_sha256), and when and with what the report was made (gemaakt in
 * UTC, proeftoets, regels_sha256).  The review of a finding is on each of
 * its rows: beoordeling (the Dutch label) and toelichting_beoordeling
 * (the note).  A cell that a spreadsheet would run as a formula gets a
 * quote first (csv.h).
 */
#include "config.h"

#include <stdlib.h>

#include "provenance.h"
#include "report.h"

static const char *const columns[] = {
    "proeftuin",
    "peildatum",
    "bevinding_id",
    "soort",
    "ernst",
    "regel",
    "titel",
    "actoren",
    "taken",
    "niveau",
    "wijziging",
    "bwb",
    "artikel",
    "lid",
    "jci",
    "in_register",
    "zekerheid",
    "tekst",
    "beoordeling",
    "toelichting_beoordeling",
    "bepaling",
    "opmerking",
    "overige_bronnen",
    "versie",
    "versie_sha256",
    "gemaakt",
    "proeftoets",
    "regels_sha256",
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

static void
join(struct pt_buf *b, char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			pt_buf_adds(b, "; ");
		pt_buf_adds(b, v[i]);
	}
}

/* Field i of a row: a separator first unless it is the first field. */
static void
cell(struct pt_buf *out, int first, const char *s)
{
	if (!first)
		pt_buf_addc(out, ',');
	report_csv_field(out, s);
}

static void
line(struct pt_buf *out, const struct check_result *r, const struct finding *f,
     const struct finding_provision *p)
{
	const struct rule *rule = f->rule;
	const struct rule_provision *rp = p != NULL ? p->rp : NULL;
	struct pt_buf v = PT_BUF_INIT;
	const char *vdate = NULL, *vsha = NULL;
	char *s, t[32];
	size_t c;
	int have = p != NULL && p->in_registry && p->text != NULL;

	cell(out, 1, r->design->id);
	cell(out, 0, r->design->peildatum);
	cell(out, 0, f->id);
	cell(out, 0, report_kind_label(rule->kind));
	cell(out, 0, report_severity_label(f->severity));
	cell(out, 0, rule->id);
	cell(out, 0, rule->titel);
	join(&v, f->actors, f->nactors);
	cell(out, 0, v.s);
	pt_buf_reset(&v);
	join(&v, f->tasks, f->ntasks);
	cell(out, 0, v.s);
	pt_buf_reset(&v);
	cell(out, 0, vocab_level_name(f->level));
	cell(out, 0, f->wijziging);
	cell(out, 0, rp != NULL ? rp->bwb : NULL);
	cell(out, 0, rp != NULL ? rp->artikel : NULL);
	cell(out, 0, rp != NULL ? rp->lid : NULL);
	cell(out, 0, p != NULL ? p->jci : NULL);
	cell(out, 0, p == NULL ? NULL : have ? "ja" : "nee");
	cell(out, 0, rp != NULL ? rules_zekerheid_name(rp->zekerheid) : NULL);
	cell(out, 0, have ? p->text : NULL);
	cell(out, 0, report_review_label(f));
	cell(out, 0, f->review_note);
	if (p != NULL) {
		if (have) {
			vdate = p->version_date ? p->version_date : "onbekend";
			vsha = p->version_sha256;
		}
		s = cite_provision(p);
		cell(out, 0, s);
		free(s);
		if (rp != NULL && !rules_zekerheid_verified(rp->zekerheid))
			pt_buf_adds(&v, report_zekerheid_label(rp->zekerheid));
		s = report_provision_notes(p);
		if (*s != '\0') {
			if (v.len > 0)
				pt_buf_adds(&v, "\n");
			pt_buf_adds(&v, s);
		}
		free(s);
		cell(out, 0, v.s);
	} else {
		cell(out, 0, NULL);
		cell(out, 0, "geen bepaling aangehaald");
	}
	pt_buf_reset(&v);
	for (c = 0; c < rule->nsources; c++)
		pt_buf_addf(&v, "%s%s (%s)", c ? "; " : "",
		            rule->sources[c].text,
		            report_zekerheid_label(rule->sources[c].zekerheid));
	cell(out, 0, v.s);
	pt_buf_release(&v);
	cell(out, 0, vdate);
	cell(out, 0, vsha);
	provenance_utc(r->generated, t);
	cell(out, 0, t);
	cell(out, 0, PACKAGE_VERSION);
	cell(out, 0,
	     r->rules != NULL && r->rules->sha256[0] != '\0' ? r->rules->sha256
	                                                     : NULL);
	pt_buf_adds(out, "\r\n");
}

void
report_csv_part(struct pt_buf *out, const struct check_result *r, size_t i,
                size_t n)
{
	const struct finding *f;
	size_t k, c;

	(void)n;
	if (i == 0) {
		for (c = 0; c < NCOLUMNS; c++)
			cell(out, c == 0, columns[c]);
		pt_buf_adds(out, "\r\n");
	}
	if (r == NULL)
		return;
	for (k = 0; k < r->nfindings; k++) {
		f = &r->findings[k];
		if (f->nprovisions == 0)
			line(out, r, f, NULL);
		for (c = 0; c < f->nprovisions; c++)
			line(out, r, f, &f->provisions[c]);
	}
}
