/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ruimte_odt.c: the juridische ruimte (ruimte.h) as an OpenDocument text
 * (odt.h), to open in a word processor, edit and print.
 *
 * The content is that of the Markdown document (report_ruimte_doc.c): per
 * design a title page with the provenance (when and with which version,
 * the rule set, the law versions quoted), then the parts nu (the routes
 * as a table), amvb and wet, the ladder as a table and the quoted text of
 * the provisions in the paragraph style Citaat; for several designs, the
 * provisions that block more than one.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "odt.h"
#include "provenance.h"
#include "report.h"
#include "report_ruimte_priv.h"
#include "ruimte.h"

static const char *
naam(const struct ruimte_result *r)
{
	return r->design->naam != NULL ? r->design->naam : r->design->id;
}

static void
title_line(struct odt *o, const char *label, char *v)
{
	odt_para(o, "Titelgegevens");
	odt_textf(o, "%s: %s", label, v);
	odt_para_end(o);
	free(v);
}

static void
title_page(struct odt *o, const struct ruimte_result *r, time_t when)
{
	char date[64], *s;

	odt_p(o, "Titel", "Juridische ruimte");
	s = xasprintf("Wat proeftuin %s binnen de huidige wet kan", naam(r));
	odt_p(o, "Ondertitel", s);
	free(s);
	title_line(o, "Proeftuin", xstrdup(r->design->id));
	title_line(o, "Peildatum", report_peildatum(r->design));
	odt_date(date, sizeof date, when);
	s = xasprintf("Gemaakt op %s", date);
	odt_p(o, "Titelgegevens", s);
	free(s);
	title_line(o, "Gemaakt", report_made(r->full));
	title_line(o, "Regels", report_rules_made(r->full));
	title_line(o, "Wetten", report_laws_made(r->full));
	title_line(o, "Register", xstrdup(report_registry(r->full)));
	odt_p(o, "Titelpagina_20_einde",
	      "Wat de proeftuin nu al kan binnen de huidige wet, wat een "
	      "algemene maatregel van bestuur kan toestaan en wat de "
	      "wetgever moet doen; de ladder van de variant naar het "
	      "volledige ontwerp; met de tekst van de aangehaalde "
	      "bepalingen.");
}

static void
nu(struct odt *o, const struct ruimte_result *r)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i, k;

	odt_h(o, 2, "1. Wat nu kan, binnen de huidige wet");
	if (r->nroutes == 0)
		odt_p(o, NULL,
		      "Het ontwerp heeft geen belemmering die een route "
		      "zonder wetswijziging opheft.");
	else {
		odt_table(o, 4);
		odt_row(o, 1);
		odt_cell_text(o, 1, "Route");
		odt_cell_text(o, 1, "Actor");
		odt_cell_text(o, 1, "Wat verandert");
		odt_cell_text(o, 1, "Bevinding en bepalingen");
		odt_row_end(o);
	}
	for (i = 0; i < r->nroutes; i++) {
		const struct ruimte_route *rt = &r->routes[i];
		const struct finding *f = ruimte_rep_finding(r, rt->finding);

		odt_row(o, 0);
		odt_cell_text(o, 0, ruimte_soort_name(rt->soort));
		odt_cell_text(o, 0, rt->actor != NULL ? rt->actor : "-");
		odt_cell_text(o, 0, rt->toelichting);
		pt_buf_reset(&b);
		pt_buf_addf(&b, "%s\nregel %s", rt->finding, rt->rule->id);
		for (k = 0; f != NULL && k < f->nprovisions; k++) {
			char *cite = cite_provision(&f->provisions[k]);

			pt_buf_addf(&b, "%s%s", k ? ", " : "\nrust op ", cite);
			free(cite);
		}
		odt_cell_text(o, 0, b.s);
		odt_row_end(o);
	}
	if (r->nroutes > 0)
		odt_table_end(o);
	pt_buf_reset(&b);
	pt_buf_addf(&b,
	            "De variant met deze routes heeft %zu belemmering%s die "
	            "geen afspraak opheft.",
	            r->barriers_after, r->barriers_after == 1 ? "" : "en");
	odt_p(o, NULL, b.s);
	pt_buf_release(&b);
}

static void
findings(struct odt *o, const struct finding *const *f, size_t n,
         int voorwaarden)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct finding_provision *key = ruimte_rep_key(f[i]);
		char *cite = key != NULL ? cite_provision(key) : NULL;

		odt_para(o, "Opsomming");
		odt_text(o, "\xe2\x80\xa2 ");
		odt_span(o, "Vet", f[i]->rule->titel);
		odt_text(o, "\n");
		odt_span(o, "Code", f[i]->id);
		if (cite != NULL)
			odt_textf(o, "; %s", cite);
		odt_textf(o, "; laagste niveau: %s",
		          vocab_level_label(f[i]->level));
		if (voorwaarden && f[i]->wijziging != NULL)
			odt_textf(o, "\nVoorwaarden: %s", f[i]->wijziging);
		odt_para_end(o);
		free(cite);
	}
}

static void
amvb_wet(struct odt *o, const struct ruimte_result *r)
{
	const struct finding_provision *clause = ruimte_rep_amvb_clause(r);

	odt_h(o, 2, "2. Wat een AMvB kan toestaan");
	if (r->namvb == 0)
		odt_p(o, NULL,
		      "Geen belemmering van dit ontwerp is bij AMvB op te "
		      "heffen.");
	if (clause != NULL) {
		char *cite = cite_provision(clause);

		odt_para(o, NULL);
		odt_span(o, "Vet", "Grondslag:");
		odt_textf(o, " %s", cite);
		odt_para_end(o);
		free(cite);
	}
	findings(o, r->amvb, r->namvb, 1);
	odt_h(o, 2, "3. Wat de wetgever moet doen");
	if (r->nwet == 0)
		odt_p(o, NULL,
		      "Geen belemmering vraagt een wet in formele zin.");
	findings(o, r->wet, r->nwet, 0);
}

static void
ladder(struct odt *o, const struct ruimte_result *r)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i, k;

	odt_h(o, 2, "4. De ladder: van de variant naar het volledige ontwerp");
	odt_table(o, 4);
	odt_row(o, 1);
	odt_cell_text(o, 1, "Stap");
	odt_cell_text(o, 1, "Erbij");
	odt_cell_text(o, 1, "Nieuwe belemmeringen");
	odt_cell_text(o, 1, "Laagste niveau");
	odt_row_end(o);
	odt_row(o, 0);
	odt_cell_text(o, 0, "0");
	odt_cell_text(o, 0, "De variant van deel 1");
	pt_buf_addf(&b, "%zu", r->barriers_after);
	odt_cell_text(o, 0, b.s);
	odt_cell_text(o, 0, "-");
	odt_row_end(o);
	for (i = 0; i < r->nladder; i++) {
		const struct ruimte_step *s = &r->ladder[i];

		odt_row(o, 0);
		pt_buf_reset(&b);
		pt_buf_addf(&b, "%zu", i + 1);
		odt_cell_text(o, 0, b.s);
		odt_cell_text(o, 0, s->adds);
		pt_buf_reset(&b);
		pt_buf_addf(&b, "%zu", s->nbarriers);
		for (k = 0; k < s->nbarriers; k++)
			pt_buf_addf(&b, "\n%s", s->barriers[k]);
		odt_cell_text(o, 0, b.s);
		odt_cell_text(o, 0,
		              s->has_level ? vocab_level_label(s->level) : "-");
		odt_row_end(o);
	}
	odt_table_end(o);
	pt_buf_release(&b);
}

static void
one(struct odt *o, const struct ruimte_result *r, time_t when)
{
	const struct finding_provision **p;
	char *s;
	size_t n, i;

	title_page(o, r, when);
	s = xasprintf("Juridische ruimte: %s (%s)", naam(r), r->design->id);
	odt_h(o, 1, s);
	free(s);
	nu(o, r);
	amvb_wet(o, r);
	ladder(o, r);
	odt_h(o, 2, "5. De tekst van de bepalingen");
	ruimte_rep_quoted(r, &p, &n);
	if (n == 0)
		odt_p(o, NULL, "Geen: dit ontwerp vraagt geen AMvB of wet.");
	for (i = 0; i < n; i++)
		report_odt_provision(o, p[i]);
	free(p);
}

static void
gedeeld(struct odt *o, struct ruimte_result *const *res, size_t n)
{
	struct ruimte_gedeeld *g;
	size_t i, ng, any = 0;

	odt_h(o, 1,
	      "Bepalingen die meer dan een proeftuin blokkeren (de kern van "
	      "een experimenteerwet)");
	ruimte_gedeeld(res, n, &g, &ng);
	for (i = 0; i < ng; i++)
		if (g[i].m >= 2) {
			char *cite = cite_provision(g[i].key);

			odt_para(o, "Opsomming");
			odt_textf(o, "\xe2\x80\xa2 %s: %s", cite, g[i].who);
			odt_para_end(o);
			free(cite);
			any++;
		}
	if (!any)
		odt_p(o, NULL, "Geen: elke belemmering is lokaal.");
	ruimte_gedeeld_free(g, ng);
}

enum pt_status
report_ruimte_odt(struct pt_buf *out, struct ruimte_result *const *res,
                  size_t n, struct pt_err *err)
{
	struct pt_buf doc = PT_BUF_INIT, pkg = PT_BUF_INIT;
	struct odt *o;
	enum pt_status rc;
	time_t when;
	char *title;
	size_t i;

	if ((rc = provenance_time(&when, err)) != PT_OK)
		return rc;
	o = odt_new(ODT_TEXT);
	for (i = 0; i < n; i++)
		one(o, res[i], when);
	if (n > 1)
		gedeeld(o, res, n);
	rc = odt_fragment(o, &doc, err);
	odt_free(o);
	if (n == 1)
		title = xasprintf("Juridische ruimte: %s", naam(res[0]));
	else
		title = xasprintf("Juridische ruimte van %zu proeftuinen", n);
	if (rc == PT_OK)
		rc = odt_package(&pkg, ODT_TEXT, doc.s, doc.len, title, when,
		                 err);
	if (rc == PT_OK)
		pt_buf_add(out, pkg.s, pkg.len);
	free(title);
	pt_buf_release(&doc);
	pt_buf_release(&pkg);
	return rc;
}
