/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * web.c: the pages and JSON API of the web workspace (see web.h).
 *
 * Every value from outside the program goes through html_esc() (the escaping
 * of the HTML report) or, inside a URL, through html_url_encode() first.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amend.h"
#include "buf.h"
#include "check.h"
#include "design.h"
#include "diff.h"
#include "format.h"
#include "auth.h"
#include "html.h"
#include "json.h"
#include "query.h"
#include "report.h"
#include "review.h"
#include "ruimte.h"
#include "saved.h"
#include "vocab.h"
#include "web.h"

static const char css[] =
    "body{font-family:system-ui,Helvetica,Arial,sans-serif;margin:0;"
    "color:#111;line-height:1.45;background:#fafafa}"
    "header{background:#1d3557;color:#fff;padding:.5em 1em;display:flex;"
    "flex-wrap:wrap;align-items:center;gap:1em}"
    "header a{color:#fff}"
    "header nav ul{list-style:none;display:flex;gap:1.2em;margin:0;padding:0}"
    ".wie{margin-left:auto;display:flex;gap:.6em;align-items:center}"
    ".wie form{margin:0}"
    "main{max-width:72em;margin:0 auto;padding:1em 1.5em 3em;"
    "background:#fff;min-height:80vh}"
    "h1,h2,h3{line-height:1.2}h1{font-size:1.6em}h2{font-size:1.3em;"
    "margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1.1em}"
    "table{border-collapse:collapse;margin:.5em 0 1em;width:100%}"
    "th,td{text-align:left;vertical-align:top;padding:.3em .6em;"
    "border-bottom:1px solid #ddd}"
    "th{background:#f0f0f0;font-weight:600}"
    "table.velden th{width:12em;background:none}"
    "td.tekst{white-space:pre-line}"
    "blockquote{margin:.5em 0;padding:.4em 1em;border-left:4px solid #457b9d;"
    "background:#f3f6f9;white-space:pre-line;font-family:Georgia,serif}"
    "code{font-size:.9em;word-break:break-all}"
    ".let-op{color:#8a1c00;font-weight:600}"
    ".melding{border:2px solid #8a1c00;padding:.5em 1em;background:#fff4f0}"
    ".status{display:inline-block;padding:0 .4em;border-radius:.3em;"
    "background:#e9ecef;white-space:nowrap}"
    ".s-confirmed,.s-needs-amendment{background:#ffd6cc}"
    ".s-rejected{background:#ddd;text-decoration:line-through}"
    ".s-mitigated{background:#d8f3dc}.s-resolved{background:#cfe2ff}"
    "form.beoordeling{display:grid;gap:.5em;max-width:40em}"
    "label{font-weight:600}"
    "input,select,textarea,button{font:inherit;padding:.3em}"
    "textarea{min-height:5em}"
    "summary{cursor:pointer;color:#1d3557;font-weight:600}"
    "button{background:#1d3557;color:#fff;border:0;border-radius:.3em;"
    "padding:.4em 1em;cursor:pointer}"
    ".wie button{background:#fff;color:#1d3557}"
    "@media print{header,form{display:none}}";

/* Dutch label of a review status name (or "resolved"). */
static const char *
status_label(const char *s)
{
	static const char *const map[][2] = {
	    {"open", "open"},
	    {"confirmed", "bevestigd"},
	    {"rejected", "verworpen"},
	    {"mitigated", "ondervangen"},
	    {"needs-amendment", "wetswijziging nodig"},
	    {"resolved", "opgelost"},
	};
	size_t i;

	for (i = 0; s != NULL && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], s) == 0)
			return map[i][1];
	return s != NULL ? s : "open";
}

static void
status_badge(struct pt_buf *b, const char *s)
{
	if (s == NULL)
		s = "open";
	pt_buf_adds(b, "<span class=\"status s-");
	html_esc(b, s);
	pt_buf_adds(b, "\">");
	html_esc(b, status_label(s));
	pt_buf_adds(b, "</span>");
}

static void
page_begin(struct pt_buf *b, const struct web_ctx *c, const char *title)
{
	pt_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
	               "<meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width, "
	               "initial-scale=1\">\n<title>");
	html_esc(b, title);
	pt_buf_adds(b, " \xe2\x80\x94 Proeftoets</title>\n<style>");
	pt_buf_adds(b, css);
	pt_buf_adds(b, "</style>\n</head>\n<body>\n<header>\n"
	               "<strong>Proeftoets</strong>\n");
	if (c->user != NULL) {
		pt_buf_adds(
		    b, "<nav aria-label=\"Hoofdmenu\"><ul>"
		       "<li><a href=\"/\">Proeftuinen</a></li>"
		       "<li><a href=\"/amendments\">Wijzigingen</a></li>"
		       "<li><a href=\"/wet\">Wetten</a></li>"
		       "</ul></nav>\n<div class=\"wie\"><span>Ingelogd als ");
		html_tag(b, "<strong>", c->user, "</strong>");
		pt_buf_adds(b, c->reviewer ? " (beoordelaar)" : " (lezer)");
		pt_buf_adds(b,
		            "</span>\n<form method=\"post\" action=\"/logout\">"
		            "<input type=\"hidden\" name=\"csrf\" value=\"");
		html_esc(b, c->csrf);
		pt_buf_adds(b, "\"><button type=\"submit\">Uitloggen</button>"
		               "</form></div>\n");
	}
	pt_buf_adds(b, "</header>\n<main>\n");
}

static void
page_end(struct pt_buf *b)
{
	pt_buf_adds(b, "</main>\n</body>\n</html>\n");
}

static void
h(struct pt_buf *b, int level, const char *s)
{
	pt_buf_addf(b, "<h%d>", level);
	html_esc(b, s);
	pt_buf_addf(b, "</h%d>\n", level);
}

/* A row of a field table. */
static void
row(struct pt_buf *b, const char *label, const char *v)
{
	html_tag(b, "<tr><th scope=\"row\">", label,
	         "</th><td class=\"tekst\">");
	html_esc(b, v != NULL ? v : "-");
	pt_buf_adds(b, "</td></tr>\n");
}

static int
db_error(const struct web_ctx *c, struct pt_buf *out)
{
	pt_buf_reset(out);
	return web_error(c, 500, "De gegevens konden niet worden gelezen.",
	                 out);
}

int
web_error(const struct web_ctx *c, int status, const char *msg,
          struct pt_buf *out)
{
	const char *title = status == 404   ? "Niet gevonden"
	                    : status == 403 ? "Niet toegestaan"
	                    : status == 400 ? "Ongeldig verzoek"
	                    : status == 405 ? "Methode niet toegestaan"
	                    : status == 413 ? "Verzoek te groot"
	                    : status == 429 ? "Te veel pogingen"
	                    : status >= 500 ? "Fout in de server"
	                                    : "Fout";

	page_begin(out, c, title);
	h(out, 1, title);
	html_tag(out, "<p>", msg, "</p>\n");
	if (c->user != NULL)
		pt_buf_adds(out,
		            "<p><a href=\"/\">Naar de proeftuinen</a></p>\n");
	page_end(out);
	return status;
}

int
web_login(const struct web_ctx *c, int status, const char *msg,
          struct pt_buf *out)
{
	struct web_ctx anon = *c;

	anon.user = NULL;
	page_begin(out, &anon, "Inloggen");
	h(out, 1, "Inloggen");
	if (msg != NULL)
		html_tag(out, "<p class=\"melding\" role=\"alert\">", msg,
		         "</p>\n");
	pt_buf_adds(
	    out,
	    "<p>De werkruimte van de denktank: proeftuinen, bevindingen en de "
	    "wetten waarop zij steunen.  Log in met het account dat de "
	    "beheerder voor u heeft aangemaakt.</p>\n"
	    "<form method=\"post\" action=\"/login\" class=\"beoordeling\">\n");
	if (c->csrf != NULL) {
		pt_buf_adds(out,
		            "<input type=\"hidden\" name=\"csrf\" value=\"");
		html_esc(out, c->csrf);
		pt_buf_adds(out, "\">\n");
	}
	pt_buf_adds(
	    out,
	    "<label for=\"user\">Naam</label>\n"
	    "<input id=\"user\" name=\"user\" autocomplete=\"username\" "
	    "maxlength=\"" PT_STR(
	        AUTH_NAME_MAX) "\" required>\n"
	                       "<label for=\"password\">Wachtwoord</label>\n"
	                       "<input id=\"password\" name=\"password\" "
	                       "type=\"password\" "
	                       "autocomplete=\"current-password\" "
	                       "maxlength=\"" PT_STR(
	                           AUTH_PASSWORD_MAX) "\" required>\n"
	                                              "<div><button "
	                                              "type=\"submit\">"
	                                              "Inloggen</button></"
	                                              "div>\n</form>\n");
	page_end(out);
	return status;
}

/* --- proeftuinen ---------------------------------------------------------- */

int
web_index(const struct web_ctx *c, struct pt_buf *out, struct pt_err *err)
{
	struct saved_proeftuin *list;
	size_t n, i;
	int k;

	if (saved_list(c->st, &list, &n, err) != PT_OK)
		return db_error(c, out);
	page_begin(out, c, "Proeftuinen");
	h(out, 1, "Proeftuinen");
	if (n == 0) {
		pt_buf_adds(out,
		            "<p>Er zijn nog geen proeftuinen opgeslagen.  "
		            "Sla een ontwerp op met <code>proeftoets proeftuin "
		            "add</code>.</p>\n");
	} else {
		pt_buf_adds(out,
		            "<table>\n<caption>Opgeslagen proeftuinen met "
		            "de bevindingen van de laatste versie en de stand "
		            "van de beoordeling</caption>\n<thead><tr>"
		            "<th scope=\"col\">Proeftuin</th>"
		            "<th scope=\"col\">Peildatum</th>"
		            "<th scope=\"col\">Versies</th>"
		            "<th scope=\"col\">Laatst opgeslagen (UTC)</th>"
		            "<th scope=\"col\">Belemmeringen</th>"
		            "<th scope=\"col\">Risico&#39;s</th>"
		            "<th scope=\"col\">Beoordeling</th></tr></thead>\n"
		            "<tbody>\n");
	}
	for (i = 0; i < n; i++) {
		const struct saved_proeftuin *p = &list[i];
		long counts[REVIEW_NCOUNTS], barriers, risks;
		int first = 1;

		if (saved_counts(c->st, p->id, &barriers, &risks, err) !=
		        PT_OK ||
		    review_counts(c->st, p->id, counts, err) != PT_OK) {
			saved_list_free(list, n);
			return db_error(c, out);
		}
		pt_buf_adds(out, "<tr><th scope=\"row\">");
		html_href(out, "/proeftuinen/", p->id, "",
		          p->naam != NULL ? p->naam : p->id);
		html_tag(out, "<br><code>", p->id, "</code></th>");
		html_tag(out, "<td>", p->peildatum, "</td>");
		pt_buf_addf(out, "<td>%d</td>", p->versions);
		html_tag(out, "<td>", p->saved_at, "</td>");
		pt_buf_addf(out, "<td>%ld</td><td>%ld</td><td>", barriers,
		            risks);
		for (k = 0; k < REVIEW_NCOUNTS; k++) {
			if (counts[k] == 0)
				continue;
			pt_buf_addf(out, "%s%ld ", first ? "" : ", ",
			            counts[k]);
			html_esc(out, status_label(review_count_name(k)));
			first = 0;
		}
		if (first)
			pt_buf_adds(out, "-");
		pt_buf_adds(out, "</td></tr>\n");
	}
	if (n > 0)
		pt_buf_adds(out, "</tbody>\n</table>\n");
	saved_list_free(list, n);
	page_end(out);
	return 200;
}

/*
 * The latest saved design of a proeftuin, checked with the current rules
 * and registry, review statuses applied.  PT_ENOTFOUND if never saved.
 */
static enum pt_status
recheck(const struct web_ctx *c, const char *id, struct design **d,
        struct check_result **r, struct pt_err *err)
{
	char *xml, *name;
	size_t len;
	enum pt_status s;

	*d = NULL;
	*r = NULL;
	if ((s = saved_latest_design(c->st, id, &xml, &len, err)) != PT_OK)
		return s;
	name = xasprintf("proeftuin %s", id);
	s = design_load_memory(xml, len, name, c->today, d, err);
	free(name);
	free(xml);
	if (s == PT_OK)
		s = check_run(*d, c->rs, c->st, r, err);
	if (s == PT_OK)
		s = saved_review_apply(c->st, *r, err);
	if (s != PT_OK) {
		check_result_free(*r);
		design_free(*d);
		*r = NULL;
		*d = NULL;
	}
	return s;
}

static void
actors_cell(struct pt_buf *b, const struct design *d, const struct finding *f)
{
	char *s;
	size_t i;

	pt_buf_adds(b, "<td>");
	for (i = 0; i < f->nactors; i++) {
		s = report_actor_label(d, f->actors[i]);
		if (i > 0)
			pt_buf_adds(b, "; ");
		html_esc(b, s);
		free(s);
	}
	if (f->nactors == 0)
		pt_buf_adds(b, "-");
	pt_buf_adds(b, "</td>");
}

static void
finding_row(struct pt_buf *b, const struct design *d, const struct finding *f,
            int risk)
{
	pt_buf_adds(b, "<tr><td>");
	html_href(b, "/findings/", f->id, "", f->rule->titel);
	html_tag(b, "<br><code>", f->id, "</code></td>");
	html_tag(b, "<td>", report_severity_label(f->severity), "</td>");
	actors_cell(b, d, f);
	if (risk)
		html_tag(b, "<td>", f->rule->norm != NULL ? f->rule->norm : "-",
		         "</td>");
	pt_buf_adds(b, "<td>");
	status_badge(b, report_review_status(f));
	pt_buf_adds(b, "</td></tr>\n");
}

static void
findings_table_head(struct pt_buf *b, const char *caption, int risk)
{
	html_tag(b, "<table>\n<caption>", caption,
	         "</caption>\n<thead><tr>"
	         "<th scope=\"col\">Bevinding</th><th scope=\"col\">Ernst</th>"
	         "<th scope=\"col\">Actoren</th>");
	if (risk)
		pt_buf_adds(b, "<th scope=\"col\">Norm</th>");
	pt_buf_adds(b, "<th scope=\"col\">Beoordeling</th></tr></thead>\n"
	               "<tbody>\n");
}

/* The findings of a proeftuin that the latest design no longer has. */
static enum pt_status
resolved_section(const struct web_ctx *c, const char *id, struct pt_buf *b,
                 struct pt_err *err)
{
	struct review_item *items;
	size_t n, i;

	if (review_list(c->st, id, REVIEW_RESOLVED, &items, &n, err) != PT_OK)
		return PT_EDB;
	if (n > 0) {
		h(b, 2, "Opgeloste bevindingen");
		pt_buf_adds(b,
		            "<p>Deze bevindingen komen in de laatste "
		            "opgeslagen versie van het ontwerp niet meer voor; "
		            "hun beoordeling blijft bewaard.</p>\n<table>\n"
		            "<thead><tr><th scope=\"col\">Bevinding</th>"
		            "<th scope=\"col\">Laatste beslissing</th></tr>"
		            "</thead>\n<tbody>\n");
	}
	for (i = 0; i < n; i++) {
		pt_buf_adds(b, "<tr><td>");
		html_href(b, "/findings/", items[i].id, "",
		          items[i].title != NULL ? items[i].title
		                                 : items[i].id);
		html_tag(b, "<br><code>", items[i].id, "</code></td><td>");
		status_badge(b, items[i].decision);
		pt_buf_adds(b, "</td></tr>\n");
	}
	if (n > 0)
		pt_buf_adds(b, "</tbody>\n</table>\n");
	review_list_free(items, n);
	return PT_OK;
}

/* One amendment group of the proeftuin page: the provision, its level,
 * the amendments the rules describe and the barriers it lifts. */
static void
group_section(struct pt_buf *out, const struct design *d,
              const struct report_group *g, size_t i)
{
	const char **seen;
	size_t nseen = 0, j, k;
	char *s;

	pt_buf_adds(out, "<section>\n");
	if (g->key != NULL) {
		char *cite = cite_provision(g->key);

		s = xasprintf("%zu. Wijziging van %s", i + 1, cite);
		free(cite);
	} else {
		s = xasprintf("%zu. Zonder aangehaalde bepaling", i + 1);
	}
	h(out, 3, s);
	free(s);
	html_tag(out, "<p>Laagste niveau: <strong>",
	         vocab_level_label(g->level), "</strong>");
	if (g->key != NULL && g->key->rp != NULL) {
		pt_buf_adds(out, " \xe2\x80\x94 ");
		html_register_link(out, g->key->rp, d->peildatum,
		                   "tekst op de peildatum");
	}
	pt_buf_adds(out, "</p>\n");
	/* The amendments the rules describe, each once. */
	seen = xcalloc(g->nfindings, sizeof *seen);
	for (k = 0; k < g->nfindings; k++) {
		const char *w = g->findings[k]->wijziging;

		for (j = 0; w != NULL && j < nseen; j++)
			if (strcmp(seen[j], w) == 0)
				break;
		if (w != NULL && j == nseen)
			seen[nseen++] = w;
	}
	if (nseen > 0)
		pt_buf_adds(out, "<ul>\n");
	for (j = 0; j < nseen; j++)
		html_tag(out, "<li>", seen[j], "</li>\n");
	if (nseen > 0)
		pt_buf_adds(out, "</ul>\n");
	free(seen);
	findings_table_head(out,
	                    "Belemmeringen die deze wijziging "
	                    "opheft",
	                    0);
	for (k = 0; k < g->nfindings; k++)
		finding_row(out, d, g->findings[k], 0);
	pt_buf_adds(out, "</tbody>\n</table>\n</section>\n");
}

/* --- juridische ruimte ------------------------------------------------------
 */

/* The juridische ruimte of the latest saved design of a proeftuin
 * (ruimte.h).  PT_ENOTFOUND if never saved. */
static enum pt_status
ruimte_of(const struct web_ctx *c, const char *id, struct ruimte_result **res,
          struct pt_err *err)
{
	char *xml, *name;
	size_t len;
	enum pt_status s;

	*res = NULL;
	if ((s = saved_latest_design(c->st, id, &xml, &len, err)) != PT_OK)
		return s;
	name = xasprintf("proeftuin %s", id);
	s = ruimte_run(xml, len, name, c->today, c->rs, c->st, res, err);
	free(name);
	free(xml);
	return s;
}

/* The save button of the section, or why there is none. */
static void
ruimte_form(struct pt_buf *b, const struct web_ctx *c, const char *id,
            const struct ruimte_result *res)
{
	if (res->nroutes == 0)
		return;
	if (!c->reviewer) {
		pt_buf_adds(b, "<p>U bent ingelogd als lezer: een beoordelaar "
		               "kan deze variant opslaan als proeftuin.</p>\n");
		return;
	}
	pt_buf_adds(b, "<form method=\"post\" class=\"beoordeling\" "
	               "action=\"/proeftuinen/");
	html_url_encode(b, id);
	pt_buf_adds(b, "/ruimte/opslaan\">\n<input type=\"hidden\" "
	               "name=\"csrf\" value=\"");
	html_esc(b, c->csrf);
	html_tag(b,
	         "\">\n<div><button type=\"submit\">Variant opslaan als "
	         "proeftuin ",
	         res->variant_design->id,
	         "</button></div>\n</form>\n"
	         "<p>De variant wordt opgeslagen zoals <code>proeftoets "
	         "proeftuin add</code> een ontwerp opslaat, met eigen "
	         "bevindingen om te beoordelen.</p>\n");
}

/* The section "Juridische ruimte" of the proeftuin page; msg (may be NULL)
 * is what became of the save button just pressed. */
static enum pt_status
ruimte_section(const struct web_ctx *c, const char *id, const char *msg,
               struct pt_buf *b, struct pt_err *err)
{
	struct ruimte_result *res;
	long nb, nr;
	enum pt_status s;

	if ((s = ruimte_of(c, id, &res, err)) != PT_OK)
		return s;
	h(b, 2, "Juridische ruimte");
	pt_buf_adds(b, "<p>Wat deze proeftuin binnen de huidige wet kan "
	               "proberen, wat een AMvB kan toestaan en wat de "
	               "wetgever moet doen, en de ladder van de variant "
	               "binnen de huidige wet naar het volledige ontwerp "
	               "(<code>proeftoets ruimte</code>).</p>\n");
	report_ruimte_html(b, res, 3, "/findings/");
	h(b, 3, "De variant binnen de huidige wet");
	s = saved_counts(c->st, res->variant_design->id, &nb, &nr, err);
	if (s == PT_OK) {
		pt_buf_adds(b, "<p>Opgeslagen als proeftuin ");
		html_href(b, "/proeftuinen/", res->variant_design->id, "",
		          res->variant_design->id);
		pt_buf_addf(b,
		            " (%ld belemmering%s in de laatste versie).</p>\n",
		            nb, nb == 1 ? "" : "en");
	} else if (s == PT_ENOTFOUND) {
		s = PT_OK;
		pt_err_clear(err);
		html_tag(b, "<p>Nog niet opgeslagen als proeftuin <code>",
		         res->variant_design->id, "</code>.</p>\n");
	}
	if (msg != NULL)
		html_tag(b, "<p class=\"melding\" role=\"alert\">", msg,
		         "</p>\n");
	if (s == PT_OK)
		ruimte_form(b, c, id, res);
	ruimte_free(res);
	return s;
}

enum pt_status
web_ruimte_save(const struct web_ctx *c, const char *id, char **new_id,
                int *added, struct pt_err *err)
{
	struct ruimte_result *res;
	struct check_result *r = NULL;
	struct saved_put_info info;
	enum pt_status s;

	*new_id = NULL;
	*added = 0;
	if ((s = ruimte_of(c, id, &res, err)) != PT_OK)
		return s;
	if (res->nroutes == 0) {
		ruimte_free(res);
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "the design has no route within current law");
	}
	s = check_run(res->variant_design, c->rs, c->st, &r, err);
	if (s == PT_OK)
		s = saved_put(c->st, r, res->variant_xml,
		              strlen(res->variant_xml), &info, err);
	if (s == PT_OK) {
		*new_id = xstrdup(res->variant_design->id);
		*added = info.added;
	}
	check_result_free(r);
	ruimte_free(res);
	return s;
}

int
web_proeftuin(const struct web_ctx *c, const char *id, int status,
              const char *msg, struct pt_buf *out, struct pt_err *err)
{
	struct design *d;
	struct check_result *r;
	struct report_group *g;
	size_t ng, i, nr;
	char *s;
	enum pt_status st;

	st = recheck(c, id, &d, &r, err);
	if (st == PT_ENOTFOUND)
		return web_error(c, 404, "Deze proeftuin is niet opgeslagen.",
		                 out);
	if (st != PT_OK)
		return db_error(c, out);
	s = d->naam != NULL ? xstrdup(d->naam)
	                    : xasprintf("Proeftuin %s", d->id);
	page_begin(out, c, s);
	h(out, 1, s);
	free(s);
	pt_buf_adds(out, "<table class=\"velden\">\n");
	row(out, "Id", d->id);
	if (d->omschrijving != NULL)
		row(out, "Omschrijving", d->omschrijving);
	s = report_peildatum(d);
	row(out, "Peildatum", s);
	free(s);
	pt_buf_addf(out,
	            "<tr><th scope=\"row\">Belemmeringen</th><td>%zu</td>"
	            "</tr>\n<tr><th scope=\"row\">Risico&#39;s</th><td>%zu</td>"
	            "</tr>\n",
	            r->nbarriers, r->nrisks);
	pt_buf_adds(out, "</table>\n");
	s = report_verdict(r);
	html_tag(out, "<p><strong>", s, ".</strong>  ");
	free(s);
	pt_buf_adds(
	    out, "De laatste opgeslagen versie van het ontwerp is "
	         "opnieuw getoetst aan de huidige regels en het register.  ");
	html_href(out, "/api/proeftuinen/", d->id, "", "Rapport als JSON");
	pt_buf_adds(out, ".</p>\n");

	h(out, 2, "Belemmeringen, per benodigde wijziging");
	report_groups(r, &g, &ng);
	if (ng == 0)
		pt_buf_adds(out, "<p>Geen.</p>\n");
	for (i = 0; i < ng; i++)
		group_section(out, d, &g[i], i);
	report_groups_free(g, ng);

	h(out, 2, "Risico's voor de rechtsbescherming");
	for (i = 0, nr = 0; i < r->nfindings; i++) {
		if (r->findings[i].rule->kind != RULE_RISK)
			continue;
		if (nr++ == 0)
			findings_table_head(out,
			                    "Risico's om te wegen; zij "
			                    "blokkeren het ontwerp niet",
			                    1);
		finding_row(out, d, &r->findings[i], 1);
	}
	if (nr > 0)
		pt_buf_adds(out, "</tbody>\n</table>\n");
	else
		pt_buf_adds(out, "<p>Geen.</p>\n");
	st = ruimte_section(c, d->id, msg, out, err);
	if (st == PT_OK)
		st = resolved_section(c, d->id, out, err);
	check_result_free(r);
	design_free(d);
	if (st != PT_OK)
		return db_error(c, out);
	page_end(out);
	return status;
}

/* --- one finding ------------------------------------------------------------
 */

static void
finding_details(struct pt_buf *b, const struct design *d,
                const struct finding *f)
{
	const struct html_provision_opts popts = {1200, d->peildatum};
	const struct rule *r = f->rule;
	struct pt_buf t = PT_BUF_INIT;
	size_t i;

	pt_buf_adds(b, "<table class=\"velden\">\n");
	pt_buf_adds(b, "<tr><th scope=\"row\">Proeftuin</th><td>");
	html_href(b, "/proeftuinen/", d->id, "",
	          d->naam != NULL ? d->naam : d->id);
	pt_buf_adds(b, "</td></tr>\n");
	row(b, "Soort", report_kind_label(r->kind));
	row(b, "Ernst", report_severity_label(f->severity));
	pt_buf_adds(b, "<tr><th scope=\"row\">Regel</th><td>");
	html_tag(b, "<code>", r->id, "</code>");
	if (r->analyse != NULL)
		html_tag(b, " (analyse ", r->analyse, ")");
	pt_buf_adds(b, "</td></tr>\n");
	for (i = 0; i < f->nactors; i++) {
		char *s = report_actor_label(d, f->actors[i]);

		pt_buf_adds(&t, i ? "; " : "");
		pt_buf_adds(&t, s);
		free(s);
	}
	row(b, "Actoren", t.len ? t.s : "-");
	pt_buf_reset(&t);
	for (i = 0; i < f->ntasks; i++) {
		char *s = report_task_label(f->tasks[i]);

		pt_buf_adds(&t, i ? "; " : "");
		pt_buf_adds(&t, s);
		free(s);
	}
	row(b, "Taken", t.len ? t.s : "-");
	pt_buf_release(&t);
	row(b, "Peildatum", d->peildatum);
	if (f->trigger != NULL)
		row(b, "Aanleiding", f->trigger);
	if (r->toelichting != NULL)
		row(b, "Toelichting", r->toelichting);
	if (r->norm != NULL)
		row(b, "Norm", r->norm);
	if (r->kind == RULE_BARRIER) {
		row(b, "Wijziging",
		    f->wijziging != NULL ? f->wijziging : "(niet beschreven)");
		row(b, "Laagste niveau", vocab_level_label(f->level));
	}
	for (i = 0; i < f->nroutes; i++)
		row(b, i == 0 ? "Zonder wetswijziging" : "",
		    f->routes[i]->text);
	if (f->unverified)
		pt_buf_adds(
		    b, "<tr><th scope=\"row\">Let op</th>"
		       "<td class=\"let-op\">deze bevinding steunt mede op "
		       "een bron die niet is geverifieerd</td></tr>\n");
	pt_buf_adds(b, "</table>\n");

	h(b, 2, "Bepalingen op de peildatum");
	if (f->nprovisions == 0)
		pt_buf_adds(b, "<p>Geen.</p>\n");
	for (i = 0; i < f->nprovisions; i++)
		html_provision(b, &f->provisions[i], &popts);
	if (r->nsources > 0) {
		h(b, 2, "Overige bronnen (niet in het register)");
		pt_buf_adds(b, "<ul>\n");
		for (i = 0; i < r->nsources; i++) {
			html_tag(b, "<li>", r->sources[i].text, " ");
			html_tag(
			    b, "<span class=\"let-op\">(",
			    report_zekerheid_label(r->sources[i].zekerheid),
			    ")</span>");
			if (html_is_web_url(r->sources[i].url))
				html_tag(b, " <a href=\"", r->sources[i].url,
				         "\">bron</a>");
			pt_buf_adds(b, "</li>\n");
		}
		pt_buf_adds(b, "</ul>\n");
	}
}

static void
review_form(struct pt_buf *b, const struct web_ctx *c, const char *id,
            const char *current)
{
	int s;

	if (!c->reviewer) {
		pt_buf_adds(b, "<p>U bent ingelogd als lezer: u kunt de "
		               "beoordeling lezen, niet vastleggen.</p>\n");
		return;
	}
	pt_buf_adds(b, "<form method=\"post\" class=\"beoordeling\" action=\"");
	pt_buf_adds(b, "/findings/");
	html_url_encode(b, id);
	pt_buf_adds(b, "/review\">\n<input type=\"hidden\" name=\"csrf\" "
	               "value=\"");
	html_esc(b, c->csrf);
	pt_buf_adds(b, "\">\n<label for=\"status\">Beslissing</label>\n"
	               "<select id=\"status\" name=\"status\">\n");
	for (s = 0; s < REVIEW_NSTATUS; s++) {
		const char *name = review_status_name((enum review_status)s);

		html_tag(b, "<option value=\"", name, "\"");
		if (current != NULL && strcmp(current, name) == 0)
			pt_buf_adds(b, " selected");
		html_tag(b, ">", status_label(name), "</option>\n");
	}
	pt_buf_adds(
	    b, "</select>\n<label for=\"note\">Toelichting "
	       "(verplicht bij verwerpen)</label>\n"
	       "<textarea id=\"note\" name=\"note\" rows=\"4\" "
	       "maxlength=\"" PT_STR(
	           REVIEW_NOTE_MAX) "\"></textarea>\n"
	                            "<div><button type=\"submit\">Beslissing "
	                            "vastleggen</button>"
	                            "</div>\n</form>\n");
	html_tag(b, "<p>De beslissing komt in het logboek op naam van <strong>",
	         c->user, "</strong>.</p>\n");
}

static void
log_table(struct pt_buf *b, const struct review_entry *log, size_t n)
{
	size_t i;

	if (n == 0) {
		pt_buf_adds(b, "<p>Nog geen beslissingen.</p>\n");
		return;
	}
	pt_buf_adds(
	    b, "<table>\n<caption>Logboek, oudste eerst; het wordt "
	       "nooit gewijzigd</caption>\n<thead><tr>"
	       "<th scope=\"col\">Tijd (UTC)</th><th scope=\"col\">Door</th>"
	       "<th scope=\"col\">Van</th><th scope=\"col\">Naar</th>"
	       "<th scope=\"col\">Toelichting</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		html_tag(b, "<tr><td><time>", log[i].at, "</time></td>");
		html_tag(b, "<td>", log[i].by, "</td><td>");
		status_badge(b, log[i].old_status);
		pt_buf_adds(b, "</td><td>");
		status_badge(b, log[i].new_status);
		html_tag(b, "</td><td class=\"tekst\">", log[i].note,
		         "</td></tr>\n");
	}
	pt_buf_adds(b, "</tbody>\n</table>\n");
}

int
web_finding(const struct web_ctx *c, const char *id, int status,
            const char *msg, struct pt_buf *out, struct pt_err *err)
{
	struct review_item *it = NULL;
	struct review_entry *log = NULL;
	struct design *d = NULL;
	struct check_result *r = NULL;
	const struct finding *f = NULL;
	size_t n = 0, i;
	enum pt_status st;

	st = review_get(c->st, id, &it, err);
	if (st == PT_ENOTFOUND)
		return web_error(c, 404, "Deze bevinding is niet bekend.", out);
	if (st != PT_OK)
		return db_error(c, out);
	if (review_log(c->st, id, &log, &n, err) != PT_OK ||
	    (!it->resolved &&
	     recheck(c, it->proeftuin, &d, &r, err) != PT_OK)) {
		review_list_free(it, 1);
		review_log_free(log, n);
		return db_error(c, out);
	}
	for (i = 0; r != NULL && i < r->nfindings; i++)
		if (strcmp(r->findings[i].id, id) == 0)
			f = &r->findings[i];
	page_begin(out, c, f != NULL ? f->rule->titel : id);
	h(out, 1,
	  f != NULL           ? f->rule->titel
	  : it->title != NULL ? it->title
	                      : id);
	html_tag(out, "<p>Bevinding <code>", id, "</code></p>\n");
	if (f != NULL) {
		finding_details(out, d, f);
	} else {
		pt_buf_adds(out, "<p>Deze bevinding komt in de laatste "
		                 "opgeslagen versie van ");
		html_href(out, "/proeftuinen/", it->proeftuin, "",
		          it->proeftuin);
		pt_buf_adds(out, " niet meer voor (opgelost).</p>\n");
	}
	h(out, 2, "Beoordeling");
	pt_buf_adds(out, "<p>Huidige status: ");
	status_badge(out, it->status);
	if (it->by != NULL) {
		html_tag(out, ", laatst door ", it->by, "");
		html_tag(out, " op <time>", it->at, "</time>");
	}
	pt_buf_adds(out, "</p>\n");
	if (msg != NULL)
		html_tag(out, "<p class=\"melding\" role=\"alert\">", msg,
		         "</p>\n");
	review_form(out, c, id, it->decision);
	h(out, 2, "Geschiedenis");
	log_table(out, log, n);
	page_end(out);
	check_result_free(r);
	design_free(d);
	review_list_free(it, 1);
	review_log_free(log, n);
	return status;
}

/* --- the law
 * ------------------------------------------------------------------ */

static void
search_form(struct pt_buf *b, const char *q, const char *date)
{
	pt_buf_adds(b, "<form method=\"get\" action=\"/wet\" "
	               "class=\"beoordeling\" role=\"search\">\n"
	               "<label for=\"q\">Zoeken in de wetteksten</label>\n"
	               "<input id=\"q\" name=\"q\" type=\"search\" value=\"");
	html_esc(b, q);
	pt_buf_adds(
	    b, "\">\n<label for=\"date\">Geldend op (JJJJ-MM-DD, "
	       "leeg: alle versies)</label>\n<input id=\"date\" name=\"date\" "
	       "value=\"");
	html_esc(b, date);
	pt_buf_adds(b,
	            "\">\n<div><button type=\"submit\">Zoeken</button></div>\n"
	            "</form>\n");
}

static void
article_href(struct pt_buf *b, const char *bwb, const char *artikel,
             const char *date)
{
	pt_buf_adds(b, "/wet/");
	html_url_encode(b, bwb);
	pt_buf_adds(b, "/");
	html_url_encode(b, artikel);
	if (date != NULL) {
		pt_buf_adds(b, "?date=");
		html_url_encode(b, date);
	}
}

/* Hits on one page of the web search. */
#define WEB_PER_PAGE 50

/* The address of page k of the search for q at date. */
static void
search_href(struct pt_buf *b, const char *q, const char *date, size_t k)
{
	pt_buf_adds(b, "/wet?q=");
	html_url_encode(b, q);
	if (date != NULL) {
		pt_buf_adds(b, "&amp;date=");
		html_url_encode(b, date);
	}
	if (k > 1)
		pt_buf_addf(b, "&amp;pagina=%zu", k);
}

/* "resultaten X-Y van Z" and the links to the pages before and after. */
static void
search_pages(struct pt_buf *out, const char *q, const char *date, size_t k,
             size_t n, size_t total)
{
	size_t first = (k - 1) * WEB_PER_PAGE + 1;
	size_t pages = (total + WEB_PER_PAGE - 1) / WEB_PER_PAGE;

	if (n == 0) {
		pt_buf_addf(out,
		            "<p class=\"melding\" role=\"alert\">Pagina %zu "
		            "bestaat niet: er %s %zu %s, op %zu "
		            "pagina%s.</p>\n",
		            k, total == 1 ? "is" : "zijn", total,
		            total == 1 ? "resultaat" : "resultaten", pages,
		            pages == 1 ? "" : "'s");
		pt_buf_adds(out,
		            "<nav class=\"paginas\" aria-label=\"Pagina's\">"
		            "<a href=\"");
		search_href(out, q, date, pages);
		pt_buf_adds(out, "\">Naar de laatste pagina</a></nav>\n");
		return;
	}
	pt_buf_addf(out,
	            "<nav class=\"paginas\" aria-label=\"Pagina's\"><p>"
	            "resultaten %zu-%zu van %zu",
	            first, first + n - 1, total);
	if (k > 1) {
		pt_buf_adds(out, " <a rel=\"prev\" href=\"");
		search_href(out, q, date, k - 1);
		pt_buf_adds(out, "\">Vorige pagina</a>");
	}
	if (k < pages) {
		pt_buf_adds(out, " <a rel=\"next\" href=\"");
		search_href(out, q, date, k + 1);
		pt_buf_adds(out, "\">Volgende pagina</a>");
	}
	pt_buf_adds(out, "</p></nav>\n");
}

/* The page number of ?pagina= (NULL or empty: 1), or 0 when it is bad. */
static size_t
parse_pagina(const char *s)
{
	char *end;
	long l;

	if (s == NULL || *s == '\0')
		return 1;
	if (!isdigit((unsigned char)*s))
		return 0;
	l = strtol(s, &end, 10);
	return *end == '\0' && l >= 1 && l <= 100000 ? (size_t)l : 0;
}

static int
web_search(const struct web_ctx *c, const char *q, const char *date, size_t k,
           struct pt_buf *out, struct pt_err *err)
{
	struct store_search_hit *hits;
	size_t n, i, total = 0;
	enum pt_status s =
	    query_search(c->st, q, date, WEB_PER_PAGE, (k - 1) * WEB_PER_PAGE,
	                 &hits, &n, &total, err);

	if (s == PT_EUSAGE) {
		html_tag(out,
		         "<p class=\"melding\" role=\"alert\">Deze "
		         "zoekvraag kan niet worden gelezen: ",
		         err->msg, "</p>\n");
		page_end(out);
		return 400;
	}
	if (s != PT_OK)
		return db_error(c, out);
	h(out, 2, "Resultaten");
	if (total == 0)
		pt_buf_adds(out, "<p>Niets gevonden.</p>\n");
	else if (n > 0)
		pt_buf_addf(out,
		            "<table>\n<caption>%zu %s (ten hoogste "
		            "50)</caption>\n<thead><tr><th scope=\"col\">"
		            "Artikel</th><th scope=\"col\">Wet</th>"
		            "<th scope=\"col\">Versie</th><th scope=\"col\">"
		            "Fragment</th></tr></thead>\n<tbody>\n",
		            n, n == 1 ? "treffer" : "treffers");
	for (i = 0; i < n; i++) {
		pt_buf_adds(out, "<tr><td><a href=\"");
		article_href(out, hits[i].bwb, hits[i].artikel,
		             date != NULL ? date : hits[i].version_date);
		html_tag(out, "\">art. ", hits[i].artikel, "</a></td>");
		html_tag(out, "<td>", hits[i].citeertitel, "");
		html_tag(out, " <code>", hits[i].bwb, "</code></td>");
		html_tag(out, "<td>",
		         hits[i].version_date != NULL ? hits[i].version_date
		                                      : "onbekend",
		         "</td>");
		html_tag(out, "<td>", hits[i].snippet, "</td></tr>\n");
	}
	if (n > 0)
		pt_buf_adds(out, "</tbody>\n</table>\n");
	if (total > n || k > 1)
		search_pages(out, q, date, k, n, total);
	store_search_free(hits, n);
	page_end(out);
	return 200;
}

int
web_wet(const struct web_ctx *c, const char *q, const char *date,
        const char *pagina, struct pt_buf *out, struct pt_err *err)
{
	struct store_law *laws;
	size_t n, i, k = parse_pagina(pagina);

	if (date != NULL && *date == '\0')
		date = NULL;
	if (q != NULL && *q == '\0')
		q = NULL;
	if ((date != NULL && !vocab_is_date(date)) || k == 0) {
		page_begin(out, c, "Wetten");
		h(out, 1, "Wetten");
		if (k == 0)
			html_tag(
			    out,
			    "<p class=\"melding\" role=\"alert\">Ongeldige "
			    "pagina ",
			    pagina,
			    "; gebruik een paginanummer van 1 tot "
			    "100000.</p>\n");
		else
			html_tag(
			    out,
			    "<p class=\"melding\" role=\"alert\">Ongeldige "
			    "datum ",
			    date, "; gebruik JJJJ-MM-DD.</p>\n");
		search_form(out, q, date);
		page_end(out);
		return 400;
	}
	page_begin(out, c, q != NULL ? "Zoeken in de wetten" : "Wetten");
	h(out, 1, q != NULL ? "Zoeken in de wetten" : "Wetten");
	search_form(out, q, date);
	if (q != NULL)
		return web_search(c, q, date, k, out, err);
	if (store_laws(c->st, &laws, &n, err) != PT_OK)
		return db_error(c, out);
	h(out, 2, "Wetten in het register");
	if (n == 0)
		pt_buf_adds(out, "<p>Het register is leeg.</p>\n");
	else
		pt_buf_adds(out,
		            "<table>\n<thead><tr><th scope=\"col\">Wet</th>"
		            "<th scope=\"col\">BWB-id</th><th scope=\"col\">"
		            "Versies (in werking vanaf; artikelen)</th></tr>"
		            "</thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		pt_buf_adds(out, "<tr><th scope=\"row\"><a href=\"/wet/");
		html_url_encode(out, laws[i].bwb);
		html_tag(out, "\">",
		         laws[i].citeertitel != NULL ? laws[i].citeertitel
		                                     : laws[i].bwb,
		         "</a></th>");
		html_tag(out, "<td><code>", laws[i].bwb, "</code></td><td>");
		for (k = 0; k < laws[i].nversions; k++) {
			const struct store_version *v = &laws[i].versions[k];

			if (k > 0)
				pt_buf_adds(out, "; ");
			html_esc(out, v->inwerkingtreding != NULL
			                  ? v->inwerkingtreding
			                  : "onbekend");
			pt_buf_addf(out, " (%ld)", v->articles);
		}
		pt_buf_adds(out, "</td></tr>\n");
	}
	if (n > 0)
		pt_buf_adds(out, "</tbody>\n</table>\n");
	store_laws_free(laws, n);
	page_end(out);
	return 200;
}

static const char *
lookup_reason(enum store_lookup l)
{
	switch (l) {
	case STORE_NO_LAW:
		return "Deze wet is niet in het register.";
	case STORE_NO_VERSION:
		return "Het register heeft geen versie van deze "
		       "wet die op die datum gold.";
	case STORE_NO_ARTICLE:
		return "De versie die op die datum gold, heeft "
		       "dit artikel niet.";
	case STORE_NO_LID:
		return "Het artikel heeft dit lid niet.";
	default:
		return "Niet gevonden.";
	}
}

int
web_law(const struct web_ctx *c, const char *bwb, const char *date,
        struct pt_buf *out, struct pt_err *err)
{
	struct store_toc t;
	const char *last = NULL;
	char *title;
	size_t i;

	if (date != NULL && *date == '\0')
		date = NULL;
	if (date != NULL && !vocab_is_date(date))
		return web_error(c, 400, "Ongeldige datum; gebruik JJJJ-MM-DD.",
		                 out);
	if (store_toc(c->st, bwb, date, &t, err) != PT_OK) {
		store_toc_release(&t);
		return db_error(c, out);
	}
	if (t.found != STORE_FOUND) {
		enum store_lookup why = t.found;

		store_toc_release(&t);
		return web_error(c, 404, lookup_reason(why), out);
	}
	title = xasprintf("%s", t.citeertitel != NULL ? t.citeertitel : bwb);
	page_begin(out, c, title);
	h(out, 1, title);
	free(title);
	pt_buf_adds(out, "<table class=\"velden\">\n");
	row(out, "BWB-id", bwb);
	row(out, "Gevraagd op", date != NULL ? date : "nieuwste versie");
	row(out, "Versie geldend vanaf",
	    t.version_date != NULL ? t.version_date : "onbekende datum");
	pt_buf_adds(out, "</table>\n");
	h(out, 2, "Inhoud");
	if (t.n == 0)
		pt_buf_adds(out, "<p>Deze versie heeft geen artikelen.</p>\n");
	for (i = 0; i < t.n; i++) {
		const struct store_toc_entry *e = &t.entries[i];
		const char *path = e->path != NULL ? e->path : "";

		if (last == NULL || strcmp(path, last) != 0) {
			if (last != NULL)
				pt_buf_adds(out, "</ul>\n");
			if (*path != '\0')
				html_tag(out, "<h3>", path, "</h3>\n");
			pt_buf_adds(out, "<ul>\n");
			last = path;
		}
		pt_buf_adds(out, "<li><a href=\"");
		article_href(out, bwb, e->artikel, date);
		html_tag(out, "\">", e->label != NULL ? e->label : e->artikel,
		         "</a>");
		if (e->title != NULL)
			html_tag(out, " <em>", e->title, "</em>");
		pt_buf_adds(out, "</li>\n");
	}
	if (last != NULL)
		pt_buf_adds(out, "</ul>\n");
	pt_buf_adds(
	    out, "<form method=\"get\" class=\"beoordeling\" action=\"/wet/");
	html_url_encode(out, bwb);
	pt_buf_adds(out, "\">\n<label for=\"date\">Andere datum (JJJJ-MM-DD)"
	                 "</label>\n<input id=\"date\" name=\"date\" value=\"");
	html_esc(out, date);
	pt_buf_adds(out, "\">\n<div><button type=\"submit\">Tonen</button>"
	                 "</div>\n</form>\n");
	store_toc_release(&t);
	page_end(out);
	return 200;
}

/* The address of the article (lid) at date, for an href. */
static void
provision_href(struct pt_buf *b, const char *bwb, const char *artikel,
               const char *lid, const char *date)
{
	article_href(b, bwb, artikel, date);
	if (lid != NULL) {
		pt_buf_adds(b, date != NULL ? "&amp;lid=" : "?lid=");
		html_url_encode(b, lid);
	}
}

/* The dated versions of the law in which the provision stands, each a link
 * to it at that date; the first and the last offered as a diff. */
static void
provision_versions(const struct web_ctx *c, const char *bwb,
                   const char *artikel, const char *lid, struct pt_buf *out)
{
	struct pt_err e = PT_ERR_INIT;
	struct store_law *laws;
	const char *first = NULL, *last = NULL;
	size_t n, i, k, shown = 0;

	if (store_laws(c->st, &laws, &n, &e) != PT_OK) {
		pt_err_clear(&e);
		return;
	}
	for (i = 0; i < n && strcmp(laws[i].bwb, bwb) != 0; i++)
		;
	for (k = 0; i < n && k < laws[i].nversions; k++) {
		const char *d = laws[i].versions[k].inwerkingtreding;
		struct store_provision p;

		if (d == NULL)
			continue;
		if (store_provision_at(c->st, bwb, artikel, lid, d, &p, &e) ==
		        PT_OK &&
		    p.found == STORE_FOUND && p.version_date != NULL &&
		    strcmp(p.version_date, d) == 0) {
			if (shown++ == 0) {
				h(out, 2, "Versies");
				pt_buf_adds(out, "<ul>\n");
				first = d;
			}
			last = d;
			pt_buf_adds(out, "<li><a href=\"");
			provision_href(out, bwb, artikel, lid, d);
			html_tag(out, "\">geldend vanaf ", d, "</a></li>\n");
		}
		pt_err_clear(&e);
		store_provision_release(&p);
	}
	if (shown > 0)
		pt_buf_adds(out, "</ul>\n");
	if (shown > 1) {
		pt_buf_adds(out, "<p><a href=\"");
		provision_href(out, bwb, artikel, lid, NULL);
		pt_buf_adds(out, lid != NULL ? "&amp;van=" : "?van=");
		html_url_encode(out, first);
		pt_buf_adds(out, "&amp;tot=");
		html_url_encode(out, last);
		html_tag(out, "\">Verschil tussen ", first, "");
		html_tag(out, " en ", last, "</a></p>\n");
	}
	store_laws_free(laws, n);
}

/* The findings of the saved proeftuinen that quote the article, as links. */
static void
provision_findings(const struct web_ctx *c, const char *bwb,
                   const char *artikel, struct pt_buf *out)
{
	struct pt_err e = PT_ERR_INIT;
	char **ids, **titles;
	size_t n, i;

	if (saved_citing(c->st, bwb, artikel, &ids, &titles, &n, &e) != PT_OK) {
		pt_err_clear(&e);
		return;
	}
	if (n > 0) {
		h(out, 2, "Bevindingen die dit artikel noemen");
		pt_buf_adds(out, "<ul>\n");
	}
	for (i = 0; i < n; i++) {
		pt_buf_adds(out, "<li>");
		html_href(out, "/findings/", ids[i], "",
		          titles[i] != NULL ? titles[i] : ids[i]);
		pt_buf_adds(out, "</li>\n");
	}
	if (n > 0)
		pt_buf_adds(out, "</ul>\n");
	saved_citing_free(ids, titles, n);
}

/* The word diff of the provision between the versions in force at van and
 * at tot (valid dates), as the diff command makes it, inside the page:
 * 200, or 404 with a message when one of them has no such provision. */
static int
provision_diff(const struct web_ctx *c, const char *bwb, const char *artikel,
               const char *lid, const char *van, const char *tot,
               struct pt_buf *out, struct pt_err *err)
{
	struct store_provision a, b;
	struct diff d;
	size_t i;
	int status = 200;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	h(out, 2, "Verschil");
	if (store_provision_at(c->st, bwb, artikel, lid, van, &a, err) !=
	        PT_OK ||
	    store_provision_at(c->st, bwb, artikel, lid, tot, &b, err) !=
	        PT_OK) {
		store_provision_release(&a);
		store_provision_release(&b);
		return db_error(c, out);
	}
	if (a.found != STORE_FOUND || b.found != STORE_FOUND) {
		html_tag(
		    out, "<p class=\"melding\" role=\"alert\">",
		    lookup_reason(a.found != STORE_FOUND ? a.found : b.found),
		    "</p>\n");
		store_provision_release(&a);
		store_provision_release(&b);
		return 404;
	}
	diff_words(a.text, b.text, &d);
	html_tag(out, "<p>Van de versie geldend vanaf ",
	         a.version_date != NULL ? a.version_date : "onbekende datum",
	         "");
	html_tag(out, " naar die geldend vanaf ",
	         b.version_date != NULL ? b.version_date : "onbekende datum",
	         "");
	pt_buf_addf(out, ": %zu woorden weg, %zu erbij.</p>\n", d.deleted,
	            d.inserted);
	if (!diff_changed(&d))
		pt_buf_adds(out, "<p>De tekst is gelijk.</p>\n");
	pt_buf_adds(out, "<blockquote class=\"verschil\">");
	for (i = 0; i < d.n; i++) {
		const char *open = d.chunks[i].op == DIFF_DELETE   ? "<del>"
		                   : d.chunks[i].op == DIFF_INSERT ? "<ins>"
		                                                   : "";
		const char *close = d.chunks[i].op == DIFF_DELETE   ? "</del>"
		                    : d.chunks[i].op == DIFF_INSERT ? "</ins>"
		                                                    : "";

		if (i > 0)
			pt_buf_addc(out, ' ');
		html_tag(out, open, d.chunks[i].text, close);
	}
	pt_buf_adds(out, "</blockquote>\n");
	diff_free(&d);
	store_provision_release(&a);
	store_provision_release(&b);
	return status;
}

int
web_article(const struct web_ctx *c, const char *bwb, const char *artikel,
            const char *lid, const char *date, const char *van, const char *tot,
            struct pt_buf *out, struct pt_err *err)
{
	struct store_provision p;
	char *title, *jci, *url;
	size_t i;
	int status = 200;

	if (date != NULL && *date == '\0')
		date = NULL;
	if (lid != NULL && *lid == '\0')
		lid = NULL;
	if (van != NULL && *van == '\0')
		van = NULL;
	if (tot != NULL && *tot == '\0')
		tot = NULL;
	if (date != NULL && !vocab_is_date(date))
		return web_error(c, 400, "Ongeldige datum; gebruik JJJJ-MM-DD.",
		                 out);
	if ((van != NULL || tot != NULL) &&
	    (van == NULL || tot == NULL || !vocab_is_date(van) ||
	     !vocab_is_date(tot)))
		return web_error(c, 400,
		                 "Geef voor het verschil twee datums: "
		                 "?van=JJJJ-MM-DD&tot=JJJJ-MM-DD.",
		                 out);
	if (store_provision_at(c->st, bwb, artikel, lid, date, &p, err) !=
	    PT_OK)
		return db_error(c, out);
	if (p.found != STORE_FOUND) {
		enum store_lookup why = p.found;

		store_provision_release(&p);
		return web_error(c, 404, lookup_reason(why), out);
	}
	title = lid != NULL
	            ? xasprintf("Artikel %s lid %s %s", artikel, lid,
	                        p.citeertitel != NULL ? p.citeertitel : bwb)
	            : xasprintf("Artikel %s %s", artikel,
	                        p.citeertitel != NULL ? p.citeertitel : bwb);
	page_begin(out, c, title);
	h(out, 1, title);
	free(title);
	if (p.title != NULL)
		html_tag(out, "<p><em>", p.title, "</em></p>\n");
	if (p.status != NULL && strcmp(p.status, "vervallen") == 0)
		pt_buf_adds(out, "<p class=\"let-op\">Dit artikel is vervallen."
		                 "</p>\n");
	html_tag(out, "<blockquote>", p.text, "</blockquote>\n");
	pt_buf_adds(out, "<table class=\"velden\">\n");
	row(out, "Gevraagd op", date != NULL ? date : "nieuwste versie");
	row(out, "Versie geldend vanaf",
	    p.date_unknown ? "onbekende datum" : p.version_date);
	/* The id of exactly what is shown: this lid, at the date asked. */
	jci =
	    store_jci(bwb, artikel, lid, date != NULL ? date : p.version_date);
	url = store_url(bwb, artikel, date != NULL ? date : p.version_date);
	pt_buf_adds(out, "<tr><th scope=\"row\">Juriconnect</th><td>");
	html_tag(out, "<code>", jci, "</code></td></tr>\n");
	pt_buf_adds(out, "<tr><th scope=\"row\">Bron</th><td>");
	if (html_is_web_url(url))
		html_tag(out, "<a href=\"", url, "\">wetten.overheid.nl</a>");
	else
		html_esc(out, url != NULL ? url : "-");
	pt_buf_adds(out, "</td></tr>\n");
	free(jci);
	free(url);
	if (p.nrefs > 0) {
		pt_buf_adds(out, "<tr><th scope=\"row\">Verwijzingen</th><td>");
		for (i = 0; i < p.nrefs; i++)
			html_tag(out, i ? "; <code>" : "<code>", p.refs[i],
			         "</code>");
		pt_buf_adds(out, "</td></tr>\n");
	}
	pt_buf_adds(out, "</table>\n");
	pt_buf_adds(out,
	            "<form method=\"get\" class=\"beoordeling\" action=\"");
	article_href(out, bwb, artikel, NULL);
	pt_buf_adds(out, "\">\n<label for=\"date\">Andere datum (JJJJ-MM-DD)"
	                 "</label>\n<input id=\"date\" name=\"date\" value=\"");
	html_esc(out, date);
	pt_buf_adds(out, "\">\n");
	if (lid != NULL)
		html_tag(out, "<input type=\"hidden\" name=\"lid\" value=\"",
		         lid, "\">\n");
	pt_buf_adds(out, "<div><button type=\"submit\">Tonen</button></div>\n"
	                 "</form>\n");
	store_provision_release(&p);
	provision_versions(c, bwb, artikel, lid, out);
	provision_findings(c, bwb, artikel, out);
	if (van != NULL && (status = provision_diff(c, bwb, artikel, lid, van,
	                                            tot, out, err)) == 500)
		return status; /* the page is the error page now */
	page_end(out);
	return status;
}

/* --- JSON ----------------------------------------------------------------- */

int
web_api_error(int status, const char *msg, struct pt_buf *out)
{
	struct json j;

	json_init(&j, out, 1);
	json_begin_object(&j);
	json_kstring(&j, "error", msg);
	json_end_object(&j);
	pt_buf_addc(out, '\n');
	return status;
}

int
web_api_proeftuinen(const struct web_ctx *c, struct pt_buf *out,
                    struct pt_err *err)
{
	struct saved_proeftuin *list;
	struct json j;
	size_t n, i;
	int k;

	if (saved_list(c->st, &list, &n, err) != PT_OK)
		return web_api_error(500, "database error", out);
	json_init(&j, out, 1);
	json_begin_array(&j);
	for (i = 0; i < n; i++) {
		const struct saved_proeftuin *p = &list[i];
		long counts[REVIEW_NCOUNTS], barriers, risks;

		if (saved_counts(c->st, p->id, &barriers, &risks, err) !=
		        PT_OK ||
		    review_counts(c->st, p->id, counts, err) != PT_OK) {
			saved_list_free(list, n);
			pt_buf_reset(out);
			return web_api_error(500, "database error", out);
		}
		json_begin_object(&j);
		json_kstring(&j, "id", p->id);
		json_kstring(&j, "naam", p->naam);
		json_kstring(&j, "peildatum", p->peildatum);
		json_kint(&j, "versions", p->versions);
		json_kstring(&j, "saved_at", p->saved_at);
		json_kint(&j, "barriers", barriers);
		json_kint(&j, "risks", risks);
		json_key(&j, "review");
		json_begin_object(&j);
		for (k = 0; k < REVIEW_NCOUNTS; k++)
			json_kint(&j, review_count_name(k), counts[k]);
		json_end_object(&j);
		json_end_object(&j);
	}
	json_end_array(&j);
	pt_buf_addc(out, '\n');
	saved_list_free(list, n);
	return 200;
}

int
web_api_proeftuin(const struct web_ctx *c, const char *id, struct pt_buf *out,
                  struct pt_err *err)
{
	struct design *d;
	struct check_result *r;
	enum pt_status st;

	st = recheck(c, id, &d, &r, err);
	if (st == PT_ENOTFOUND)
		return web_api_error(404, "proeftuin not saved", out);
	if (st != PT_OK)
		return web_api_error(500, "cannot check the saved design", out);
	report_json_part(out, r, 0, 1);
	check_result_free(r);
	design_free(d);
	return 200;
}

/* --- the amendment list -----------------------------------------------------
 */

static void
refs_cell(struct pt_buf *b, const struct amend_ref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			pt_buf_adds(b, "<br>");
		html_href(b, "/findings/", refs[i].f->id, "", refs[i].f->id);
		pt_buf_adds(b, " ");
		status_badge(b, report_review_status(refs[i].f));
	}
	if (n == 0)
		pt_buf_adds(b, "-");
}

static void
proeftuinen_cell(struct pt_buf *b, char *const *ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			pt_buf_adds(b, ", ");
		html_href(b, "/proeftuinen/", ids[i], "", ids[i]);
	}
	if (n == 0)
		pt_buf_adds(b, "-");
}

int
web_amendments(const struct web_ctx *c, struct pt_buf *out, struct pt_err *err)
{
	const struct format *f;
	struct amend_list *l;
	size_t i, k, n;

	if (amend_collect(c->st, c->rs, NULL, 0, c->today, &l, err) != PT_OK)
		return db_error(c, out);
	page_begin(out, c, "Wijzigingen");
	h(out, 1, "Te wijzigen bepalingen");
	pt_buf_adds(
	    out, "<p>Over de laatste opgeslagen versie van elke "
	         "proeftuin, opnieuw getoetst aan de huidige regels; de tekst "
	         "is die van ");
	html_esc(out, l->today);
	pt_buf_adds(
	    out, ".  Verworpen bevindingen tellen niet mee; bepalingen "
	         "waarvan alle bevindingen zijn ondervangen staan onderaan.  "
	         "Downloaden:");
	for (f = formats, n = 0; f->name != NULL; f++) {
		if (!format_carries(f, FORMAT_AMEND) ||
		    !(f->flags & FORMAT_WEB))
			continue;
		pt_buf_addf(out, "%s <a href=\"/amendments.%s\">",
		            n++ ? "," : "", f->ext);
		html_esc(out, f->label);
		pt_buf_adds(out, "</a>");
	}
	pt_buf_adds(out, ".</p>\n");
	if (l->nitems == 0)
		pt_buf_adds(out, "<p>Geen belemmeringen.</p>\n");
	for (i = 0; i < l->nitems; i++) {
		const struct amend_item *it = &l->items[i];
		char *s = xasprintf("%zu. %s", i + 1,
		                    it->citation != NULL
		                        ? it->citation
		                        : "Zonder aangehaalde bepaling");

		pt_buf_adds(out, "<section>\n");
		h(out, 2, s);
		free(s);
		pt_buf_adds(out, "<table class=\"velden\">\n");
		row(out, "Laagste niveau", vocab_level_label(it->level));
		row(out, "Nodig",
		    it->needed ? "ja"
		               : "nee: alle bevindingen zijn ondervangen");
		if (it->jci != NULL) {
			pt_buf_adds(
			    out, "<tr><th scope=\"row\">Juriconnect</th><td>");
			html_tag(out, "<code>", it->jci, "</code>");
			if (html_is_web_url(it->url))
				html_tag(out, "; <a href=\"", it->url,
				         "\">wetten.overheid.nl</a>");
			pt_buf_adds(out, "</td></tr>\n");
		}
		for (k = 0; k < it->nwijzigingen; k++)
			row(out, k == 0 ? "Wijziging" : "", it->wijzigingen[k]);
		pt_buf_adds(out, "<tr><th scope=\"row\">Proeftuinen</th><td>");
		proeftuinen_cell(out, it->proeftuinen, it->nproeftuinen);
		pt_buf_adds(out, "</td></tr>\n<tr><th scope=\"row\">Bevindingen"
		                 "</th><td>");
		refs_cell(out, it->findings, it->nfindings);
		pt_buf_adds(out, "</td></tr>\n");
		if (it->nmitigated > 0) {
			pt_buf_adds(
			    out, "<tr><th scope=\"row\">Ondervangen</th><td>");
			refs_cell(out, it->mitigated, it->nmitigated);
			pt_buf_adds(out, "</td></tr>\n");
		}
		if (it->nrejected > 0)
			pt_buf_addf(out,
			            "<tr><th scope=\"row\">Verworpen</th>"
			            "<td>%zu</td></tr>\n",
			            it->nrejected);
		pt_buf_adds(out, "</table>\n");
		if (it->in_registry && it->text != NULL)
			html_tag(out,
			         "<details><summary>Huidige tekst</summary>"
			         "<blockquote>",
			         it->text, "</blockquote></details>\n");
		else if (it->missing != NULL)
			html_tag(out, "<p class=\"let-op\">", it->missing,
			         "</p>\n");
		pt_buf_adds(out, "</section>\n");
	}
	h(out, 1, "Risico's voor de rechtsbescherming");
	if (l->nrisks == 0)
		pt_buf_adds(out, "<p>Geen.</p>\n");
	else
		pt_buf_adds(
		    out, "<table>\n<thead><tr><th scope=\"col\">Risico"
		         "</th><th scope=\"col\">Ernst</th><th scope=\"col\">"
		         "Proeftuinen</th><th scope=\"col\">Bevindingen</th>"
		         "</tr></thead>\n<tbody>\n");
	for (i = 0; i < l->nrisks; i++) {
		const struct amend_risk *rk = &l->risks[i];

		html_tag(out, "<tr><td>", rk->rule->titel, "");
		html_tag(out, "<br><code>", rk->rule->id, "</code></td>");
		html_tag(out, "<td>", report_severity_label(rk->rule->severity),
		         "</td><td>");
		proeftuinen_cell(out, rk->proeftuinen, rk->nproeftuinen);
		pt_buf_adds(out, "</td><td>");
		refs_cell(out, rk->findings, rk->nfindings);
		if (rk->nmitigated > 0) {
			pt_buf_adds(out, "<br>Ondervangen: ");
			refs_cell(out, rk->mitigated, rk->nmitigated);
		}
		pt_buf_adds(out, "</td></tr>\n");
	}
	if (l->nrisks > 0)
		pt_buf_adds(out, "</tbody>\n</table>\n");
	amend_free(l);
	page_end(out);
	return 200;
}

int
web_amendments_export(const struct web_ctx *c, const struct format *f,
                      const char *tmpdir, struct pt_buf *out, const char **type,
                      struct pt_err *err)
{
	struct amend_list *l;
	int status = 200;

	*type = "text/plain; charset=utf-8";
	if (f == NULL || !format_carries(f, FORMAT_AMEND) ||
	    !(f->flags & FORMAT_WEB))
		return 404;
	if (amend_collect(c->st, c->rs, NULL, 0, c->today, &l, err) != PT_OK) {
		pt_buf_adds(out, "cannot build the amendment list\n");
		return 500;
	}
	if (f->amend(out, l, tmpdir, err) != PT_OK) {
		pt_buf_reset(out);
		pt_buf_addf(out, "cannot write %s\n", f->what);
		status = 500;
	} else {
		*type = f->media;
	}
	amend_free(l);
	return status;
}

int
web_api_amendments(const struct web_ctx *c, struct pt_buf *out,
                   struct pt_err *err)
{
	struct amend_list *l;

	if (amend_collect(c->st, c->rs, NULL, 0, c->today, &l, err) != PT_OK)
		return web_api_error(500, "cannot build the amendment list",
		                     out);
	amend_json(out, l);
	amend_free(l);
	return 200;
}
