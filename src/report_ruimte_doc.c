/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_ruimte_doc.c: the juridische ruimte (ruimte.h) as whole
 * documents: Markdown, and a standalone HTML page.
 *
 * Both follow the text (report_ruimte.c): per design its title and
 * provenance, the three parts (nu, amvb, wet) and the ladder, then the
 * text of the provisions the AMvB and statute parts name, quoted from the
 * registry; for several designs, the provisions that block more than one.
 * The page has the look of the check report (report_html_page_head()) and
 * holds the fragment of the web workspace (report_ruimte_html()).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "html.h"
#include "report.h"
#include "report_ruimte_priv.h"
#include "ruimte.h"

static const char *
naam(const struct ruimte_result *r)
{
	return r->design->naam != NULL ? r->design->naam : r->design->id;
}

static const char gedeeld_title[] =
    "Bepalingen die meer dan een proeftuin blokkeren (de kern van een "
    "experimenteerwet)";
static const char quoted_title[] = "5. De tekst van de bepalingen";

/* --- Markdown ---------------------------------------------------------- */

static void
m_item(struct pt_buf *b, const char *label, char *v)
{
	pt_buf_addf(b, "- **%s:** ", label);
	report_md_text(b, v);
	pt_buf_addc(b, '\n');
	free(v);
}

static void
m_head(struct pt_buf *b, const struct ruimte_result *r)
{
	pt_buf_adds(b, "# Juridische ruimte: ");
	report_md_text(b, naam(r));
	pt_buf_adds(b, " (");
	report_md_code(b, r->design->id);
	pt_buf_adds(b, ")\n\n");
	m_item(b, "Peildatum", report_peildatum(r->design));
	m_item(b, "Register", xstrdup(report_registry(r->full)));
	m_item(b, "Gemaakt", report_made(r->full));
	m_item(b, "Regels", report_rules_made(r->full));
	m_item(b, "Wetten", report_laws_made(r->full));
	pt_buf_addc(b, '\n');
}

static void
m_nu(struct pt_buf *b, const struct ruimte_result *r)
{
	size_t i, k;

	pt_buf_adds(b, "## 1. Wat nu kan, binnen de huidige wet\n\n");
	if (r->nroutes == 0)
		pt_buf_adds(b, "Het ontwerp heeft geen belemmering die een "
		               "route zonder wetswijziging opheft.\n\n");
	for (i = 0; i < r->nroutes; i++) {
		const struct ruimte_route *rt = &r->routes[i];
		const struct finding *f = ruimte_rep_finding(r, rt->finding);

		pt_buf_addf(b, "- **%s** (", ruimte_soort_name(rt->soort));
		report_md_text(b, rt->actor != NULL ? rt->actor : "-");
		pt_buf_adds(b, "): ");
		report_md_text(b, rt->toelichting);
		pt_buf_adds(b, "\\\n  bevinding ");
		report_md_code(b, rt->finding);
		pt_buf_adds(b, "; regel ");
		report_md_code(b, rt->rule->id);
		for (k = 0; f != NULL && k < f->nprovisions; k++) {
			char *cite = cite_provision(&f->provisions[k]);

			pt_buf_adds(b, k ? ", " : "; rust op ");
			report_md_text(b, cite);
			free(cite);
		}
		pt_buf_adds(b, i + 1 < r->nroutes ? "\n" : "\n\n");
	}
	pt_buf_addf(b,
	            "De variant met deze routes heeft **%zu belemmering%s** "
	            "die geen afspraak opheft.\n\n",
	            r->barriers_after, r->barriers_after == 1 ? "" : "en");
}

static void
m_findings(struct pt_buf *b, const struct finding *const *f, size_t n,
           int voorwaarden)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct finding_provision *key = ruimte_rep_key(f[i]);

		pt_buf_adds(b, "- ");
		report_md_text(b, f[i]->rule->titel);
		pt_buf_adds(b, "\\\n  ");
		report_md_code(b, f[i]->id);
		if (key != NULL) {
			char *cite = cite_provision(key);

			pt_buf_adds(b, "; ");
			report_md_text(b, cite);
			free(cite);
		}
		pt_buf_adds(b, "; laagste niveau: **");
		report_md_text(b, vocab_level_label(f[i]->level));
		pt_buf_adds(b, "**");
		if (voorwaarden && f[i]->wijziging != NULL) {
			pt_buf_adds(b, "\\\n  Voorwaarden: ");
			report_md_text(b, f[i]->wijziging);
		}
		pt_buf_addc(b, '\n');
	}
	if (n > 0)
		pt_buf_addc(b, '\n');
}

static void
m_amvb_wet(struct pt_buf *b, const struct ruimte_result *r)
{
	const struct finding_provision *clause = ruimte_rep_amvb_clause(r);

	pt_buf_adds(b, "## 2. Wat een AMvB kan toestaan\n\n");
	if (r->namvb == 0)
		pt_buf_adds(b, "Geen belemmering van dit ontwerp is bij AMvB "
		               "op te heffen.\n\n");
	if (clause != NULL) {
		char *cite = cite_provision(clause);

		pt_buf_adds(b, "Grondslag: ");
		report_md_text(b, cite);
		pt_buf_adds(b, "\n\n");
		free(cite);
	}
	m_findings(b, r->amvb, r->namvb, 1);
	pt_buf_adds(b, "## 3. Wat de wetgever moet doen\n\n");
	if (r->nwet == 0)
		pt_buf_adds(b, "Geen belemmering vraagt een wet in formele "
		               "zin.\n\n");
	m_findings(b, r->wet, r->nwet, 0);
}

static void
m_ladder(struct pt_buf *b, const struct ruimte_result *r)
{
	size_t i, k;

	pt_buf_adds(b, "## 4. De ladder: van de variant naar het volledige "
	               "ontwerp\n\n");
	pt_buf_addf(b, "0. De variant van deel 1 (%zu belemmering%s)\n",
	            r->barriers_after, r->barriers_after == 1 ? "" : "en");
	for (i = 0; i < r->nladder; i++) {
		const struct ruimte_step *s = &r->ladder[i];

		pt_buf_addf(b, "%zu. Erbij: ", i + 1);
		report_md_text(b, s->adds);
		if (s->nbarriers == 0)
			pt_buf_adds(b, "\\\n   geen nieuwe belemmering\n");
		else
			pt_buf_addf(b,
			            "\\\n   %zu nieuwe belemmering%s, laagste "
			            "niveau: **%s**\n",
			            s->nbarriers, s->nbarriers == 1 ? "" : "en",
			            vocab_level_label(s->level));
		for (k = 0; k < s->nbarriers; k++) {
			pt_buf_adds(b, k == 0 ? "\n   - " : "   - ");
			report_md_code(b, s->barriers[k]);
			pt_buf_addc(b, '\n');
		}
		if (s->nbarriers > 0 && i + 1 < r->nladder)
			pt_buf_addc(b, '\n');
	}
	pt_buf_addc(b, '\n');
}

static void
m_quoted(struct pt_buf *b, const struct ruimte_result *r)
{
	const struct finding_provision **p;
	size_t n, i;

	ruimte_rep_quoted(r, &p, &n);
	pt_buf_addf(b, "## %s\n\n", quoted_title);
	if (n == 0)
		pt_buf_adds(b,
		            "Geen: dit ontwerp vraagt geen AMvB of wet.\n\n");
	for (i = 0; i < n; i++)
		report_md_provision(b, p[i]);
	free(p);
}

void
report_ruimte_markdown(struct pt_buf *out, struct ruimte_result *const *res,
                       size_t n)
{
	struct ruimte_gedeeld *g;
	size_t i, ng, any = 0;

	for (i = 0; i < n; i++) {
		if (i > 0)
			pt_buf_adds(out, "---\n\n");
		m_head(out, res[i]);
		m_nu(out, res[i]);
		m_amvb_wet(out, res[i]);
		m_ladder(out, res[i]);
		m_quoted(out, res[i]);
	}
	if (n < 2)
		return;
	pt_buf_addf(out, "---\n\n# %s\n\n", gedeeld_title);
	ruimte_gedeeld(res, n, &g, &ng);
	for (i = 0; i < ng; i++)
		if (g[i].m >= 2) {
			char *cite = cite_provision(g[i].key);

			pt_buf_adds(out, "- ");
			report_md_text(out, cite);
			pt_buf_adds(out, ": ");
			report_md_text(out, g[i].who);
			pt_buf_addc(out, '\n');
			free(cite);
			any++;
		}
	pt_buf_adds(out, any ? "\n" : "Geen: elke belemmering is lokaal.\n\n");
	ruimte_gedeeld_free(g, ng);
}

/* --- HTML page ---------------------------------------------------------- */

static void
h_row(struct pt_buf *b, const char *label, char *v)
{
	html_tag(b, "<tr><th scope=\"row\">", label, "</th>");
	html_tag(b, "<td>", v, "</td></tr>\n");
	free(v);
}

static void
h_one(struct pt_buf *b, const struct ruimte_result *r, int h)
{
	const struct finding_provision **p;
	char *s;
	size_t n, i;

	html_tag(b, "<section class=\"proeftuin\" id=\"proeftuin-",
	         r->design->id, "\">\n");
	s = xasprintf("Juridische ruimte: %s (%s)", naam(r), r->design->id);
	html_heading(b, h, s);
	free(s);
	pt_buf_adds(b, "<table class=\"samenvatting\">\n");
	h_row(b, "Peildatum", report_peildatum(r->design));
	h_row(b, "Register", xstrdup(report_registry(r->full)));
	h_row(b, "Gemaakt", report_made(r->full));
	h_row(b, "Regels", report_rules_made(r->full));
	h_row(b, "Wetten", report_laws_made(r->full));
	pt_buf_adds(b, "</table>\n");
	report_ruimte_html(b, r, h + 1, NULL);
	html_heading(b, h + 1, quoted_title);
	ruimte_rep_quoted(r, &p, &n);
	if (n == 0)
		pt_buf_adds(b, "<p>Geen: dit ontwerp vraagt geen AMvB of "
		               "wet.</p>\n");
	for (i = 0; i < n; i++)
		html_provision(b, p[i], NULL);
	free(p);
	pt_buf_adds(b, "</section>\n");
}

static void
h_gedeeld(struct pt_buf *b, struct ruimte_result *const *res, size_t n)
{
	struct ruimte_gedeeld *g;
	size_t i, ng, any = 0;

	pt_buf_adds(b, "<section class=\"gedeeld\">\n");
	html_heading(b, 2, gedeeld_title);
	ruimte_gedeeld(res, n, &g, &ng);
	for (i = 0; i < ng; i++)
		if (g[i].m >= 2) {
			char *cite = cite_provision(g[i].key);

			pt_buf_adds(b, any ? "" : "<ul>\n");
			html_tag(b, "<li>", cite, ": ");
			html_tag(b, "", g[i].who, "</li>\n");
			free(cite);
			any++;
		}
	pt_buf_adds(b, any ? "</ul>\n"
	                   : "<p>Geen: elke belemmering is lokaal.</p>\n");
	pt_buf_adds(b, "</section>\n");
	ruimte_gedeeld_free(g, ng);
}

void
report_ruimte_page(struct pt_buf *out, struct ruimte_result *const *res,
                   size_t n)
{
	char *s;
	size_t i;

	if (n == 1)
		s = xasprintf("Juridische ruimte: %s", naam(res[0]));
	else
		s = xasprintf("Juridische ruimte van %zu proeftuinen", n);
	report_html_page_head(out, s);
	if (n != 1)
		html_heading(out, 1, s);
	free(s);
	for (i = 0; i < n; i++)
		h_one(out, res[i], n == 1 ? 1 : 2);
	if (n > 1)
		h_gedeeld(out, res, n);
	report_html_page_foot(out);
}
