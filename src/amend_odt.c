/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * amend_odt.c: the amendment list as an OpenDocument text or a Word
 * document (odt.h).
 *
 * The content is that of the Markdown list: a title page (the proeftuinen
 * it covers, the date of the texts and the date it was made), the
 * proeftuinen as a table, the counts, then per provision to amend its
 * level, severity, link and current text (quoted in the style Citaat),
 * the amendments the rules describe and the findings that need it; the
 * mitigated provisions apart, then the risks.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"
#include "odt.h"
#include "provenance.h"
#include "report.h"

static const char *
source_naam(const struct amend_source *s)
{
	if (s->design != NULL && s->design->naam != NULL)
		return s->design->naam;
	return s->naam != NULL ? s->naam : s->id;
}

static void
refs(struct odt *o, const char *head, const struct amend_ref *r, size_t n)
{
	const struct finding *f;
	size_t i;

	if (n == 0)
		return;
	odt_para(o, "Standard");
	odt_span(o, "Vet", head);
	odt_para_end(o);
	for (i = 0; i < n; i++) {
		f = r[i].f;
		odt_para(o, "Opsomming");
		odt_text(o, "\xe2\x80\xa2 ");
		odt_span(o, "Vet", report_review_label(f));
		odt_text(o, " ");
		odt_span(o, "Code", f->id);
		odt_text(o, ": ");
		odt_text(o, f->rule->titel);
		if (f->review_note != NULL && *f->review_note != '\0') {
			odt_text(o, " (opmerking: ");
			odt_text(o, f->review_note);
			odt_text(o, ")");
		}
		odt_para_end(o);
	}
}

static void
item(struct odt *o, const struct amend_item *it, size_t nr)
{
	struct pt_buf b = PT_BUF_INIT;
	char *notes = amend_item_notes(it);
	size_t i;

	pt_buf_addf(&b, "%zu. %s", nr,
	            it->citation != NULL ? it->citation
	                                 : "Zonder aangehaalde bepaling");
	odt_h(o, 3, b.s);
	odt_table(o, 2);
	pt_buf_reset(&b);
	pt_buf_addf(&b, "%s (%s)", vocab_level_name(it->level),
	            vocab_level_label(it->level));
	odt_field(o, "Niveau", b.s);
	odt_field(o, "Ernst", report_severity_label(it->severity));
	if (it->jci != NULL)
		odt_field(o, "Juriconnect", it->jci);
	if (it->url != NULL) {
		odt_row(o, 0);
		odt_cell(o, 0);
		odt_span(o, "Vet", "Link");
		odt_cell_end(o);
		odt_cell(o, 0);
		odt_link(o, it->url, NULL);
		odt_cell_end(o);
		odt_row_end(o);
	}
	pt_buf_reset(&b);
	for (i = 0; i < it->nproeftuinen; i++)
		pt_buf_addf(&b, "%s%s", i ? ", " : "", it->proeftuinen[i]);
	odt_field(o, "Proeftuinen", b.s);
	if (*notes != '\0')
		odt_field(o, "Let op", notes);
	odt_table_end(o);
	free(notes);
	if (it->text != NULL) {
		pt_buf_reset(&b);
		pt_buf_addf(&b, "Huidige tekst (versie %s):",
		            it->version_date ? it->version_date
		                             : "van onbekende datum");
		odt_p(o, NULL, b.s);
		odt_quote(o, it->text);
	}
	for (i = 0; i < it->nwijzigingen; i++) {
		odt_para(o, "Standard");
		odt_span(o, "Vet", "Wijziging:");
		odt_text(o, " ");
		odt_text(o, it->wijzigingen[i]);
		odt_para_end(o);
	}
	refs(o, "Bevindingen:", it->findings, it->nfindings);
	refs(o, "Gemitigeerd (apart gehouden):", it->mitigated, it->nmitigated);
	pt_buf_release(&b);
}

static void
risk(struct odt *o, const struct amend_risk *rk)
{
	const struct rule *r = rk->rule;
	char *cites = amend_risk_citations(rk, "; ", 0), *s;

	odt_h(o, 3, r->titel != NULL ? r->titel : r->id);
	odt_table(o, 2);
	odt_field(o, "Regel", r->id);
	odt_field(o, "Ernst", report_severity_label(r->severity));
	if (r->norm != NULL)
		odt_field(o, "Norm", r->norm);
	if (*cites != '\0')
		odt_field(o, "Bepalingen", cites);
	if (rk->nrejected > 0) {
		s = xasprintf("%zu afgewezen bevinding%s weggelaten",
		              rk->nrejected, rk->nrejected == 1 ? "" : "en");
		odt_field(o, "Let op", s);
		free(s);
	}
	odt_table_end(o);
	free(cites);
	refs(o, "Bevindingen:", rk->findings, rk->nfindings);
	refs(o, "Gemitigeerd (apart gehouden):", rk->mitigated, rk->nmitigated);
}

static void
title_page(struct odt *o, const struct amend_list *l, time_t when)
{
	struct pt_buf b = PT_BUF_INIT;
	char date[64];
	size_t i;

	odt_p(o, "Titel", "Wijzigingslijst");
	odt_p(o, "Ondertitel", "Te wijzigen bepalingen voor de proeftuinen");
	pt_buf_adds(&b, l->nsources == 1 ? "Proeftuin: " : "Proeftuinen: ");
	for (i = 0; i < l->nsources; i++)
		pt_buf_addf(&b, "%s%s", i ? ", " : "", l->sources[i].id);
	if (l->nsources == 0)
		pt_buf_adds(&b, "geen");
	odt_p(o, "Titelgegevens", b.s);
	pt_buf_reset(&b);
	pt_buf_addf(&b, "Teksten zoals geldend op %s", l->today);
	odt_p(o, "Titelgegevens", b.s);
	odt_date(date, sizeof date, when);
	pt_buf_reset(&b);
	pt_buf_addf(&b, "Gemaakt op %s", date);
	odt_p(o, "Titelgegevens", b.s);
	odt_p(o, "Titelpagina_20_einde",
	      "De bepalingen die voor de opgeslagen proeftuinen gewijzigd "
	      "moeten worden, per bepaling met het niveau van de wijziging, "
	      "de huidige tekst en de bevindingen die erom vragen; daarna de "
	      "risico's voor de rechtsbescherming.");
	pt_buf_release(&b);
}

static void
sources(struct odt *o, const struct amend_list *l)
{
	const struct amend_source *s;
	char v[32];
	size_t i;

	odt_table(o, 4);
	odt_row(o, 1);
	odt_cell_text(o, 1, "Proeftuin");
	odt_cell_text(o, 1, "Naam");
	odt_cell_text(o, 1, "Peildatum");
	odt_cell_text(o, 1, "Versie");
	odt_row_end(o);
	for (i = 0; i < l->nsources; i++) {
		s = &l->sources[i];
		odt_row(o, 0);
		odt_cell_text(o, 0, s->id);
		odt_cell_text(o, 0, source_naam(s));
		odt_cell_text(o, 0, s->design ? s->design->peildatum : "?");
		snprintf(v, sizeof v, "%d", s->versions);
		odt_cell_text(o, 0, v);
		odt_row_end(o);
	}
	odt_table_end(o);
}

static void
counts(struct odt *o, const struct amend_list *l)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i, lv, c;

	pt_buf_addf(&b, "%zu bepaling%s te wijzigen", amend_count_needed(l, 1),
	            amend_count_needed(l, 1) == 1 ? "" : "en");
	for (lv = 0; lv < VOCAB_NLEVELS; lv++) {
		for (i = c = 0; i < l->nitems; i++)
			if (l->items[i].needed && l->items[i].level == lv)
				c++;
		if (c > 0)
			pt_buf_addf(&b, "; %s: %zu", vocab_level_name(lv), c);
	}
	pt_buf_addf(&b,
	            ". %zu gemitigeerd, %zu risico%s. Afgewezen "
	            "bevindingen weggelaten: %zu.",
	            amend_count_needed(l, 0), l->nrisks,
	            l->nrisks == 1 ? "" : "'s", l->nrejected);
	odt_p(o, NULL, b.s);
	pt_buf_release(&b);
}

static void
body(struct odt *o, const struct amend_list *l, time_t when)
{
	size_t i, nr = 0;
	char *s;

	title_page(o, l, when);
	odt_h(o, 1, "Wijzigingslijst");
	s = xasprintf("Teksten zoals geldend op %s.", l->today);
	odt_p(o, NULL, s);
	free(s);
	sources(o, l);
	counts(o, l);
	odt_h(o, 2, "Te wijzigen bepalingen");
	if (amend_count_needed(l, 1) == 0)
		odt_p(o, NULL, "Geen.");
	for (i = 0; i < l->nitems; i++)
		if (l->items[i].needed)
			item(o, &l->items[i], ++nr);
	if (amend_count_needed(l, 0) > 0) {
		odt_h(o, 2,
		      "Gemitigeerd (geen wijziging nodig zolang de "
		      "maatregel werkt)");
		for (i = 0; i < l->nitems; i++)
			if (!l->items[i].needed)
				item(o, &l->items[i], ++nr);
	}
	odt_h(o, 2, "Risico's");
	if (l->nrisks == 0)
		odt_p(o, NULL, "Geen.");
	for (i = 0; i < l->nrisks; i++)
		risk(o, &l->risks[i]);
}

static enum pt_status
document(struct pt_buf *b, const struct amend_list *l, enum odt_kind kind,
         struct pt_err *err)
{
	struct pt_buf doc = PT_BUF_INIT, pkg = PT_BUF_INIT;
	struct odt *o;
	enum pt_status rc;
	time_t when;

	if ((rc = provenance_time(&when, err)) != PT_OK)
		return rc;
	o = odt_new(kind);
	body(o, l, when);
	rc = odt_fragment(o, &doc, err);
	odt_free(o);
	if (rc == PT_OK)
		rc = odt_package(&pkg, kind, doc.s, doc.len, "Wijzigingslijst",
		                 when, err);
	if (rc == PT_OK)
		pt_buf_add(b, pkg.s, pkg.len);
	pt_buf_release(&doc);
	pt_buf_release(&pkg);
	return rc;
}

enum pt_status
amend_odt(struct pt_buf *b, const struct amend_list *l, const char *tmpdir,
          struct pt_err *err)
{
	(void)tmpdir;
	return document(b, l, ODT_TEXT, err);
}

enum pt_status
amend_docx(struct pt_buf *b, const struct amend_list *l, const char *tmpdir,
           struct pt_err *err)
{
	(void)tmpdir;
	return document(b, l, ODT_DOCX, err);
}
