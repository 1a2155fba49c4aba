/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_odt.c: the report as an OpenDocument text or a Word document
 * (odt.h), to open in a word processor, edit and print.
 *
 * The content is that of the Markdown report: per design a title page
 * (the proeftuin, its peildatum and the date the report was made), the
 * summary as a table, the barriers grouped by the amendment they need,
 * the rechtsbescherming risks and what is fine.  Findings are field
 * tables, law text is quoted in the paragraph style Citaat and links go
 * to wetten.overheid.nl.
 *
 * A package is made whole: each part appends its body to out (which must
 * be empty at part 0 and is not written out before the last part, see
 * FORMAT_BINARY in format.h) and the last part replaces the body by the
 * package.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odt.h"
#include "provenance.h"
#include "report.h"

/* "a; b; c" of actor or task labels, "-" for none (caller frees). */
static char *
ids_text(const struct design *d, char **ids, size_t n, int tasks)
{
	struct pt_buf b = PT_BUF_INIT;
	char *s;
	size_t i;

	if (n == 0)
		pt_buf_adds(&b, "-");
	for (i = 0; i < n; i++) {
		s = tasks ? report_task_label(ids[i])
		          : report_actor_label(d, ids[i]);
		pt_buf_addf(&b, "%s%s", i > 0 ? "; " : "", s);
		free(s);
	}
	return pt_buf_detach(&b);
}

/* A paragraph that starts with a bold label. */
static void
labelled(struct odt *o, const char *style, const char *label, const char *v)
{
	odt_para(o, style);
	odt_span(o, "Vet", label);
	odt_text(o, " ");
	odt_text(o, v);
	odt_para_end(o);
}

static void
provision(struct odt *o, const struct finding_provision *p)
{
	char *cite, *notes, *s;

	cite = cite_provision(p);
	odt_para(o, "Standard");
	odt_span(o, "Vet", cite);
	if (p->rp != NULL) {
		odt_text(o, " \xe2\x80\x94 ");
		odt_text(o, report_zekerheid_label(p->rp->zekerheid));
	}
	odt_para_end(o);
	free(cite);
	if (p->in_registry && p->text != NULL)
		odt_quote(o, p->text);
	notes = report_provision_notes(p);
	if (*notes != '\0') {
		for (s = notes; *s != '\0'; s++)
			if (*s == '\n')
				*s = ';';
		labelled(o, "Let_20_op", "Let op:", notes);
	}
	free(notes);
	odt_para(o, "Standard");
	odt_text(o, "Juriconnect: ");
	if (p->jci != NULL)
		odt_span(o, "Code", p->jci);
	else
		odt_text(o, "-");
	if (p->in_registry && p->text != NULL) {
		if (p->date_unknown)
			odt_text(o, "; versie met onbekende datum");
		else if (p->version_date != NULL)
			odt_textf(o, "; tekst geldend vanaf %s",
			          p->version_date);
	}
	if (p->url != NULL) {
		odt_text(o, "; ");
		odt_link(o, p->url, NULL);
	}
	odt_para_end(o);
}

/* The provisions and the sources outside the registry of a finding. */
static void
provisions(struct odt *o, const struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;

	labelled(o, NULL, "Bepalingen:", f->nprovisions == 0 ? "geen." : NULL);
	for (i = 0; i < f->nprovisions; i++)
		provision(o, &f->provisions[i]);
	if (r->nsources == 0)
		return;
	labelled(o, NULL, "Overige bronnen (niet in het register):", NULL);
	for (i = 0; i < r->nsources; i++) {
		odt_para(o, "Opsomming");
		odt_text(o, "\xe2\x80\xa2 ");
		odt_text(o, r->sources[i].text);
		odt_textf(o, " (%s)",
		          report_zekerheid_label(r->sources[i].zekerheid));
		if (r->sources[i].url != NULL) {
			odt_text(o, " ");
			odt_link(o, r->sources[i].url, NULL);
		}
		odt_para_end(o);
	}
}

static void
finding_head(struct odt *o, const struct design *d, const struct finding *f)
{
	const struct rule *r = f->rule;
	char *s;

	odt_field(o, "Bevinding", f->id);
	s = r->analyse != NULL ? xasprintf("%s (analyse %s)", r->id, r->analyse)
	                       : xstrdup(r->id);
	odt_field(o, "Regel", s);
	free(s);
	s = ids_text(d, f->actors, f->nactors, 0);
	odt_field(o, "Actoren", s);
	free(s);
	s = ids_text(d, f->tasks, f->ntasks, 1);
	odt_field(o, "Taken", s);
	free(s);
	if (f->trigger != NULL)
		odt_field(o, "Aanleiding", f->trigger);
	if (r->toelichting != NULL)
		odt_field(o, "Toelichting", r->toelichting);
}

/* The last rows of the table, the table's end, then the provisions. */
static void
finding_tail(struct odt *o, const struct finding *f)
{
	if (f->unverified)
		odt_field(o, "Let op",
		          "deze bevinding steunt mede op een bron die niet "
		          "is geverifieerd");
	odt_field(o, "Beoordeling", report_review_label(f));
	if (f->review_note != NULL && *f->review_note != '\0')
		odt_field(o, "Toelichting beoordeling", f->review_note);
	odt_table_end(o);
	provisions(o, f);
}

static void
barrier(struct odt *o, const struct design *d, const struct finding *f,
        const struct report_group *g, size_t gi, size_t fi)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	pt_buf_addf(&b, "%zu.%zu %s", gi, fi,
	            f->rule->titel != NULL ? f->rule->titel : f->rule->id);
	odt_h(o, 4, b.s);
	odt_table(o, 2);
	finding_head(o, d, f);
	odt_field(o, "Wijziging",
	          f->wijziging != NULL ? f->wijziging : "(niet beschreven)");
	if (f->level != g->level)
		odt_field(o, "Niveau", vocab_level_label(f->level));
	pt_buf_reset(&b);
	if (f->nroutes == 0)
		pt_buf_adds(&b, "geen route bekend");
	for (i = 0; i < f->nroutes; i++)
		pt_buf_addf(&b, "%s%s: %s", i > 0 ? "\n" : "",
		            f->routes[i]->soort != NULL ? f->routes[i]->soort
		                                        : "route",
		            f->routes[i]->text);
	odt_field(o, "Zonder wetswijziging", b.s);
	pt_buf_release(&b);
	finding_tail(o, f);
}

static void
risk(struct odt *o, const struct design *d, const struct finding *f, size_t ri)
{
	const struct rule *r = f->rule;
	char *s;

	s = xasprintf("R%zu %s", ri, r->titel != NULL ? r->titel : r->id);
	odt_h(o, 3, s);
	free(s);
	odt_table(o, 2);
	odt_field(o, "Ernst", report_severity_label(f->severity));
	odt_field(o, "Norm", r->norm != NULL ? r->norm : "(niet beschreven)");
	finding_head(o, d, f);
	finding_tail(o, f);
}

static const char *
naam(const struct design *d)
{
	return d->naam != NULL ? d->naam : d->id;
}

static void
title_page(struct odt *o, const struct check_result *r, time_t when)
{
	const struct design *d = r->design;
	char date[64], *s;

	odt_p(o, "Titel", "Proeftoets");
	s = xasprintf("Juridische toets van proeftuin %s", naam(d));
	odt_p(o, "Ondertitel", s);
	free(s);
	s = xasprintf("Proeftuin: %s", d->id);
	odt_p(o, "Titelgegevens", s);
	free(s);
	s = report_peildatum(d);
	odt_para(o, "Titelgegevens");
	odt_textf(o, "Peildatum: %s", s);
	odt_para_end(o);
	free(s);
	odt_date(date, sizeof date, when);
	s = xasprintf("Gemaakt op %s", date);
	odt_p(o, "Titelgegevens", s);
	free(s);
	odt_p(o, "Titelpagina_20_einde",
	      "De belemmeringen die de wet voor dit ontwerp opwerpt, per "
	      "benodigde wijziging, de risico's voor de rechtsbescherming "
	      "en wat in orde is; met de tekst van de aangehaalde "
	      "bepalingen.");
}

static void
summary(struct odt *o, const struct check_result *r)
{
	const struct design *d = r->design;
	struct pt_buf b = PT_BUF_INIT;
	char *s;
	size_t i;

	odt_h(o, 2, "Samenvatting");
	odt_table(o, 2);
	if (d->naam != NULL)
		pt_buf_addf(&b, "%s (%s)", d->naam, d->id);
	else
		pt_buf_adds(&b, d->id);
	odt_field(o, "Proeftuin", b.s);
	if (d->omschrijving != NULL)
		odt_field(o, "Omschrijving", d->omschrijving);
	if (d->ngemeenten > 0) {
		pt_buf_reset(&b);
		for (i = 0; i < d->ngemeenten; i++)
			pt_buf_addf(&b, "%s%s", i > 0 ? ", " : "",
			            d->gemeenten[i]);
		odt_field(o, "Gemeenten", b.s);
	}
	s = report_peildatum(d);
	odt_field(o, "Peildatum", s);
	free(s);
	odt_field(o, "Register", report_registry(r));
	pt_buf_reset(&b);
	pt_buf_addf(&b, "%zu", r->nbarriers);
	odt_field(o, "Belemmeringen", b.s);
	pt_buf_reset(&b);
	pt_buf_addf(&b, "%zu", r->nrisks);
	odt_field(o, "Risico's", b.s);
	s = report_verdict(r);
	odt_field(o, "Oordeel", s);
	free(s);
	odt_table_end(o);
	pt_buf_release(&b);
}

static void
barriers(struct odt *o, const struct check_result *r)
{
	struct report_group *g;
	char *s, *cite;
	size_t ng, i, k;

	odt_h(o, 2, "Belemmeringen, per benodigde wijziging");
	report_groups(r, &g, &ng);
	if (ng == 0)
		odt_p(o, NULL, "Geen.");
	for (i = 0; i < ng; i++) {
		if (g[i].key != NULL) {
			cite = cite_provision(g[i].key);
			s = xasprintf("%zu. Wijziging van %s", i + 1, cite);
			free(cite);
		} else
			s = xasprintf("%zu. Zonder aangehaalde bepaling",
			              i + 1);
		odt_h(o, 3, s);
		free(s);
		labelled(o, NULL,
		         "Laagste niveau:", vocab_level_label(g[i].level));
		for (k = 0; k < g[i].nfindings; k++)
			barrier(o, r->design, g[i].findings[k], &g[i], i + 1,
			        k + 1);
	}
	report_groups_free(g, ng);
}

static void
fine(struct odt *o, const struct check_result *r)
{
	const struct design *d = r->design;
	const struct design_taak *t;
	char *s;
	size_t i;

	odt_h(o, 2, "Wat in orde is");
	if (r->nok == 0) {
		odt_p(o, NULL, "Geen toewijzingen zonder bevinding.");
		return;
	}
	odt_table(o, 3);
	odt_row(o, 1);
	odt_cell_text(o, 1, "Taak");
	odt_cell_text(o, 1, "Actor");
	odt_cell_text(o, 1, "Waarom in orde");
	odt_row_end(o);
	for (i = 0; i < r->nok; i++) {
		if (r->ok[i].taak >= d->ntaken)
			continue;
		t = &d->taken[r->ok[i].taak];
		odt_row(o, 0);
		s = report_task_label(t->id);
		odt_cell_text(o, 0, s);
		free(s);
		s = t->actor < d->nactors
		        ? report_actor_label(d, d->actors[t->actor].id)
		        : xstrdup("?");
		odt_cell_text(o, 0, s);
		free(s);
		odt_cell_text(o, 0, r->ok[i].reason);
		odt_row_end(o);
	}
	odt_table_end(o);
}

static void
one(struct odt *o, const struct check_result *r, time_t when)
{
	const struct design *d = r->design;
	char *s;
	size_t i, k;

	title_page(o, r, when);
	s = xasprintf("Proeftoets: %s", naam(d));
	odt_h(o, 1, s);
	free(s);
	summary(o, r);
	barriers(o, r);
	odt_h(o, 2, "Risico's voor de rechtsbescherming");
	for (i = 0, k = 0; i < r->nfindings; i++)
		if (r->findings[i].rule->kind == RULE_RISK)
			risk(o, d, &r->findings[i], ++k);
	if (k == 0)
		odt_p(o, NULL, "Geen.");
	fine(o, r);
}

static enum pt_status
part(struct pt_buf *out, const struct check_result *r, size_t i, size_t n,
     enum odt_kind kind, struct pt_err *err)
{
	struct odt *o;
	enum pt_status rc;
	time_t when;
	char *body, *title;
	size_t len;

	if (i == 0 && out->len != 0)
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "a document report must start in an empty "
		                  "buffer");
	if ((rc = provenance_time(&when, err)) != PT_OK)
		return rc;
	o = odt_new(kind);
	if (r != NULL)
		one(o, r, when);
	else if (n == 0) {
		odt_p(o, "Titel", "Proeftoets");
		odt_p(o, NULL, "Geen proeftuinen getoetst.");
	}
	rc = odt_fragment(o, out, err);
	odt_free(o);
	if (rc != PT_OK || i + 1 < n)
		return rc;
	/* The last part: the body becomes the package. */
	if (n == 1 && r != NULL)
		title = xasprintf("Proeftoets: %s", naam(r->design));
	else
		title = xasprintf("Proeftoets van %zu proeftuinen", n);
	len = out->len;
	body = pt_buf_detach(out);
	rc = odt_package(out, kind, body, len, title, when, err);
	free(body);
	free(title);
	return rc;
}

enum pt_status
report_odt_part(struct pt_buf *out, const struct check_result *r, size_t i,
                size_t n, struct pt_err *err)
{
	return part(out, r, i, n, ODT_TEXT, err);
}

enum pt_status
report_docx_part(struct pt_buf *out, const struct check_result *r, size_t i,
                 size_t n, struct pt_err *err)
{
	return part(out, r, i, n, ODT_DOCX, err);
}

void
report_odt_provision(struct odt *o, const struct finding_provision *p)
{
	provision(o, p);
}
