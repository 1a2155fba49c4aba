/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_html.c: the report as one self-contained HTML page.
 *
 * Inline CSS, no scripts, no external resources; lang="nl".  Headings,
 * tables with header cells, block quotes for law text and links to
 * wetten.overheid.nl.  Everything that comes from the input (design, rules,
 * registry) is escaped with html_esc() (html.h); links are only made for
 * http(s) addresses.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "report.h"

static const char css[] =
    "body{font-family:Georgia,'Times New Roman',serif;max-width:60em;"
    "margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\n"
    "h1,h2,h3,h4,h5,h6{font-family:Helvetica,Arial,sans-serif;"
    "line-height:1.2}\n"
    "table{border-collapse:collapse;margin:.5em 0 1em}\n"
    "th,td{text-align:left;vertical-align:top;padding:.25em .6em;"
    "border-bottom:1px solid #ccc}\n"
    "td{white-space:pre-line}\n"
    "th{font-weight:600;white-space:nowrap}\n"
    "blockquote{margin:.5em 0 .5em 1em;padding:.3em 1em;"
    "border-left:4px solid #888;background:#f5f5f5;white-space:pre-line}\n"
    ".oordeel{font-size:1.15em;font-weight:bold}\n"
    ".let-op{color:#8a1c00;font-weight:bold}\n"
    ".bepaling{margin:0 0 1em 1em}\n"
    "code{font-size:.9em;word-break:break-all}\n"
    "article{border-top:1px solid #ddd;margin-top:1em}\n"
    /* Printed (or saved as PDF) as a memo: the page's margins, link
     * addresses written out, rows and quotes kept on one page, folded
     * texts open (where the browser lets CSS open <details>). */
    "@media print{@page{margin:2cm 1.8cm}\n"
    "body{max-width:none;margin:0;padding:0;font-size:11pt;color:#000}\n"
    "a{color:inherit}\n"
    "a[href]::after{content:\" (\" attr(href) \")\";font-size:.85em;"
    "word-break:break-all}\n"
    "a[href^=\"#\"]::after{content:none}\n"
    "nav,form,button{display:none}\n"
    "tr,blockquote,.bepaling,li{break-inside:avoid}\n"
    "h1,h2,h3,h4,h5,h6{break-after:avoid}\n"
    "thead{display:table-header-group}\n"
    "blockquote{background:none}\n"
    "@supports selector(::details-content){"
    "details::details-content{content-visibility:visible;display:block}"
    "summary{display:none}}}\n";

/* One row of a field table: <tr><th scope="row">label</th><td>v</td></tr> */
static void
row(struct pt_buf *b, const char *label, const char *v)
{
	html_tag(b, "<tr><th scope=\"row\">", label, "</th><td>");
	html_esc(b, v);
	pt_buf_adds(b, "</td></tr>\n");
}

static void
ids_row(struct pt_buf *b, const char *label, const struct design *d, char **ids,
        size_t n, int tasks)
{
	char *s;
	size_t i;

	html_tag(b, "<tr><th scope=\"row\">", label, "</th><td>");
	if (n == 0)
		pt_buf_adds(b, "-");
	for (i = 0; i < n; i++) {
		s = tasks ? report_task_label(ids[i])
		          : report_actor_label(d, ids[i]);
		if (i > 0)
			pt_buf_adds(b, "; ");
		html_esc(b, s);
		free(s);
	}
	pt_buf_adds(b, "</td></tr>\n");
}

static void
provisions(struct pt_buf *b, int h, const struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;

	html_heading(b, h, "Bepalingen");
	if (f->nprovisions == 0)
		pt_buf_adds(b, "<p>Geen.</p>\n");
	for (i = 0; i < f->nprovisions; i++)
		html_provision(b, &f->provisions[i], NULL);
	if (r->nsources == 0)
		return;
	html_heading(b, h, "Overige bronnen (niet in het register)");
	pt_buf_adds(b, "<ul>\n");
	for (i = 0; i < r->nsources; i++) {
		html_tag(b, "<li>", r->sources[i].text, " ");
		html_tag(b, "<span class=\"let-op\">(",
		         report_zekerheid_label(r->sources[i].zekerheid),
		         ")</span>");
		if (html_is_web_url(r->sources[i].url))
			html_tag(b, " <a href=\"", r->sources[i].url,
			         "\">bron</a>");
		pt_buf_adds(b, "</li>\n");
	}
	pt_buf_adds(b, "</ul>\n");
}

static void
finding_head(struct pt_buf *b, const struct design *d, const struct finding *f)
{
	const struct rule *r = f->rule;

	pt_buf_adds(b, "<table>\n");
	html_tag(b, "<tr><th scope=\"row\">Bevinding</th><td><code>", f->id,
	         "</code></td></tr>\n");
	html_tag(b, "<tr><th scope=\"row\">Regel</th><td><code>", r->id,
	         "</code>");
	if (r->analyse != NULL)
		html_tag(b, " (analyse ", r->analyse, ")");
	pt_buf_adds(b, "</td></tr>\n");
	ids_row(b, "Actoren", d, f->actors, f->nactors, 0);
	ids_row(b, "Taken", d, f->tasks, f->ntasks, 1);
	if (f->trigger != NULL)
		row(b, "Aanleiding", f->trigger);
	if (r->toelichting != NULL)
		row(b, "Toelichting", r->toelichting);
}

static void
finding_tail(struct pt_buf *b, int h, const struct finding *f)
{
	if (f->unverified)
		pt_buf_adds(
		    b, "<tr><th scope=\"row\">Let op</th>"
		       "<td class=\"let-op\">deze bevinding steunt mede op een "
		       "bron die niet is geverifieerd</td></tr>\n");
	html_tag(b, "<tr><th scope=\"row\">Beoordeling</th><td>",
	         report_review_label(f), "");
	if (f->review_note != NULL && *f->review_note != '\0')
		html_tag(b, " (", f->review_note, ")");
	pt_buf_adds(b, "</td></tr>\n</table>\n");
	provisions(b, h + 1, f);
	pt_buf_adds(b, "</article>\n");
}

static void
barrier(struct pt_buf *b, int h, const struct design *d,
        const struct finding *f, const struct report_group *g, size_t gi,
        size_t fi)
{
	const struct rule *r = f->rule;
	size_t i;

	pt_buf_adds(b, "<article class=\"bevinding belemmering\">\n");
	pt_buf_addf(b, "<h%d>%zu.%zu ", h, gi, fi);
	html_esc(b, r->titel);
	pt_buf_addf(b, "</h%d>\n", h);
	finding_head(b, d, f);
	row(b, "Wijziging",
	    f->wijziging != NULL ? f->wijziging : "(niet beschreven)");
	if (f->level != g->level)
		row(b, "Niveau", vocab_level_label(f->level));
	pt_buf_adds(b, "<tr><th scope=\"row\">Zonder wetswijziging</th><td>");
	if (f->nroutes == 0)
		pt_buf_adds(b, "geen route bekend");
	else {
		pt_buf_adds(b, "<ul>\n");
		for (i = 0; i < f->nroutes; i++) {
			html_tag(b, "<li><em>",
			         f->routes[i]->soort != NULL
			             ? f->routes[i]->soort
			             : "route",
			         ":</em> ");
			html_tag(b, "", f->routes[i]->text, "</li>\n");
		}
		pt_buf_adds(b, "</ul>");
	}
	pt_buf_adds(b, "</td></tr>\n");
	finding_tail(b, h, f);
}

static void
risk(struct pt_buf *b, int h, const struct design *d, const struct finding *f,
     size_t ri)
{
	const struct rule *r = f->rule;

	pt_buf_adds(b, "<article class=\"bevinding risico\">\n");
	pt_buf_addf(b, "<h%d>R%zu ", h, ri);
	html_esc(b, r->titel);
	pt_buf_addf(b, "</h%d>\n", h);
	finding_head(b, d, f);
	row(b, "Ernst", report_severity_label(f->severity));
	row(b, "Norm", r->norm != NULL ? r->norm : "(niet beschreven)");
	finding_tail(b, h, f);
}

/* One design; its title is a heading of level h. */
static void
one(struct pt_buf *b, int h, const struct check_result *r)
{
	const struct design *d = r->design;
	const struct design_taak *t;
	struct report_group *g;
	char *s;
	size_t ng, i, k;

	html_tag(b, "<section class=\"proeftuin\" id=\"proeftuin-", d->id,
	         "\">\n");
	s = xasprintf("Proeftoets: %s", d->naam != NULL ? d->naam : d->id);
	html_heading(b, h, s);
	free(s);

	html_heading(b, h + 1, "Samenvatting");
	pt_buf_adds(b, "<table class=\"samenvatting\">\n");
	s = d->naam != NULL ? xasprintf("%s (%s)", d->naam, d->id)
	                    : xstrdup(d->id);
	row(b, "Proeftuin", s);
	free(s);
	if (d->omschrijving != NULL)
		row(b, "Omschrijving", d->omschrijving);
	if (d->ngemeenten > 0) {
		pt_buf_adds(b, "<tr><th scope=\"row\">Gemeenten</th><td>");
		for (i = 0; i < d->ngemeenten; i++) {
			if (i > 0)
				pt_buf_adds(b, ", ");
			html_esc(b, d->gemeenten[i]);
		}
		pt_buf_adds(b, "</td></tr>\n");
	}
	s = report_peildatum(d);
	row(b, "Peildatum", s);
	free(s);
	row(b, "Register", report_registry(r));
	s = report_made(r);
	row(b, "Gemaakt", s);
	free(s);
	s = report_rules_made(r);
	row(b, "Regels", s);
	free(s);
	s = report_laws_made(r);
	row(b, "Wetten", s);
	free(s);
	pt_buf_addf(b,
	            "<tr><th scope=\"row\">Belemmeringen</th><td>%zu"
	            "</td></tr>\n",
	            r->nbarriers);
	pt_buf_addf(b,
	            "<tr><th scope=\"row\">Risico&#39;s</th><td>%zu"
	            "</td></tr>\n",
	            r->nrisks);
	pt_buf_adds(b, "</table>\n");
	s = report_verdict(r);
	html_tag(b, "<p class=\"oordeel\">", s, ".</p>\n");
	free(s);

	html_heading(b, h + 1, "Belemmeringen, per benodigde wijziging");
	report_groups(r, &g, &ng);
	if (ng == 0)
		pt_buf_adds(b, "<p>Geen.</p>\n");
	for (i = 0; i < ng; i++) {
		pt_buf_adds(b, "<section class=\"groep\">\n");
		if (g[i].key != NULL) {
			char *c = cite_provision(g[i].key);

			s = xasprintf("%zu. Wijziging van %s", i + 1, c);
			free(c);
		} else
			s = xasprintf("%zu. Zonder aangehaalde bepaling",
			              i + 1);
		html_heading(b, h + 2, s);
		free(s);
		html_tag(b, "<p>Laagste niveau: <strong>",
		         vocab_level_label(g[i].level), "</strong></p>\n");
		for (k = 0; k < g[i].nfindings; k++)
			barrier(b, h + 3, d, g[i].findings[k], &g[i], i + 1,
			        k + 1);
		pt_buf_adds(b, "</section>\n");
	}
	report_groups_free(g, ng);

	html_heading(b, h + 1, "Risico's voor de rechtsbescherming");
	for (i = 0, k = 0; i < r->nfindings; i++)
		if (r->findings[i].rule->kind == RULE_RISK)
			risk(b, h + 2, d, &r->findings[i], ++k);
	if (k == 0)
		pt_buf_adds(b, "<p>Geen.</p>\n");

	html_heading(b, h + 1, "Wat in orde is");
	if (r->nok == 0)
		pt_buf_adds(b, "<p>Geen toewijzingen zonder bevinding.</p>\n");
	else
		pt_buf_adds(
		    b, "<table class=\"in-orde\">\n<thead><tr>"
		       "<th scope=\"col\">Taak</th><th scope=\"col\">Actor</th>"
		       "<th scope=\"col\">Reden</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < r->nok; i++) {
		if (r->ok[i].taak >= d->ntaken)
			continue;
		t = &d->taken[r->ok[i].taak];
		s = report_task_label(t->id);
		html_tag(b, "<tr><td>", s, "</td>");
		free(s);
		s = t->actor < d->nactors
		        ? report_actor_label(d, d->actors[t->actor].id)
		        : xstrdup("?");
		html_tag(b, "<td>", s, "</td>");
		free(s);
		html_tag(b, "<td>", r->ok[i].reason, "</td></tr>\n");
	}
	if (r->nok > 0)
		pt_buf_adds(b, "</tbody>\n</table>\n");
	pt_buf_adds(b, "</section>\n");
}

void
report_html_page_head(struct pt_buf *out, const char *title)
{
	pt_buf_adds(out,
	            "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
	            "<meta charset=\"utf-8\">\n"
	            "<meta name=\"viewport\" content=\"width=device-width, "
	            "initial-scale=1\">\n<title>");
	html_esc(out, title);
	pt_buf_adds(out, "</title>\n<style>\n");
	pt_buf_adds(out, css);
	pt_buf_adds(out, "</style>\n</head>\n<body>\n<main>\n");
}

void
report_html_page_foot(struct pt_buf *out)
{
	html_legend(out, 2);
	pt_buf_adds(out, "</main>\n</body>\n</html>\n");
}

void
report_html_part(struct pt_buf *out, const struct check_result *r, size_t i,
                 size_t n)
{
	const struct design *d;
	char *s;

	if (i == 0) {
		if (n == 1 && r != NULL) {
			d = r->design;
			s = xasprintf("Proeftoets: %s",
			              d->naam != NULL ? d->naam : d->id);
		} else
			s = xstrdup("Proeftoets-rapport");
		report_html_page_head(out, s);
		free(s);
		if (n != 1)
			pt_buf_addf(out,
			            "<h1>Proeftoets-rapport</h1>\n"
			            "<p>%zu ontwerpen getoetst.</p>\n",
			            n);
	}
	if (r != NULL)
		one(out, n == 1 ? 1 : 2, r);
	if (i + 1 >= n)
		report_html_page_foot(out);
}
