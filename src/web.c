/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * web.c: the pages and JSON API of the web workspace (see web.h).
 *
 * Every value from outside the program goes through html_esc() (the escaping
 * of the HTML report) or, inside a URL, through html_url_encode() first.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "amend.h"
#include "buf.h"
#include "check.h"
#include "design.h"
#include "designform.h"
#include "diff.h"
#include "format.h"
#include "auth.h"
#include "html.h"
#include "json.h"
#include "provenance.h"
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
    "form.filter{display:flex;flex-wrap:wrap;gap:.4em .8em;"
    "align-items:center;margin:.5em 0 1em}"
    ".opgeslagen{border:2px solid #2d6a4f;padding:.5em 1em;"
    "background:#eef8f1}"
    ".veldfout{color:#8a1c00;font-weight:600}"
    "label{font-weight:600}"
    "input,select,textarea,button{font:inherit;padding:.3em}"
    "textarea{min-height:5em}"
    "summary{cursor:pointer;color:#1d3557;font-weight:600}"
    "button{background:#1d3557;color:#fff;border:0;border-radius:.3em;"
    "padding:.4em 1em;cursor:pointer}"
    ".wie button{background:#fff;color:#1d3557}"
    ".schuif{overflow-x:auto;max-width:100%}"
    ".afbeelding{margin:0 0 1em}"
    ".afbeelding svg{max-width:100%;height:auto}"
    ".schuif table{margin:0 0 1em}"
    "header nav ul{flex-wrap:wrap}"
    "@media (max-width:40em){table{display:block;overflow-x:auto}"
    "table.velden th{width:auto}}"
    "table.matrix td.ja{font-weight:600;white-space:nowrap}"
    "@media print{@page{margin:2cm 1.8cm}"
    "header,nav,form,button{display:none}"
    "body,main{background:#fff;margin:0;padding:0;max-width:none;"
    "min-height:0;font-size:11pt}"
    "a{color:inherit}"
    "a[href]::after{content:\" (\" attr(href) \")\";font-size:.85em;"
    "word-break:break-all}"
    "a[href^=\"#\"]::after{content:none}"
    "tr,blockquote,li,.melding{break-inside:avoid}"
    "h1,h2,h3{break-after:avoid}"
    "thead{display:table-header-group}"
    "blockquote,th{background:none}"
    ".schuif{overflow:visible}"
    "@supports selector(::details-content){"
    "details::details-content{content-visibility:visible;display:block}"
    "summary{display:none}}}";

/* Dutch label of a review status name (or "resolved"). */
static const char *
status_label(const char *s)
{
	return review_status_label(s);
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
		       "<li><a href=\"/bevindingen\">Bevindingen</a></li>"
		       "<li><a href=\"/logboek\">Logboek</a></li>"
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

/* A row of a field table whose value is a date, in Dutch; after it the
 * text tail (may be NULL). */
static void
date_row(struct pt_buf *b, const char *label, const char *iso, const char *tail)
{
	html_tag(b, "<tr><th scope=\"row\">", label, "</th><td>");
	html_date(b, iso);
	if (tail != NULL)
		html_esc(b, tail);
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
	if (c->next != NULL)
		html_tag(out,
		         "<input type=\"hidden\" name=\"volgende\" value=\"",
		         c->next, "\">\n");
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

/* A stored UTC time as Dutch text in Europe/Amsterdam ("1 juli 2026
 * 14:05"), the UTC time in <time datetime>. */
static void
log_time(struct pt_buf *b, const char *at)
{
	char nl[48];
	time_t t;

	html_tag(b, "<time datetime=\"", at, "\">");
	if (provenance_parse_utc(at, &t) == 0) {
		provenance_amsterdam_nl_short(t, nl);
		html_esc(b, nl);
	} else {
		html_esc(b, at);
	}
	pt_buf_adds(b, "</time>");
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
	if (c->reviewer)
		pt_buf_adds(out, "<p><a href=\"/proeftuinen/nieuw\">Nieuwe "
		                 "proeftuin</a> (een ontwerpbestand opladen of "
		                 "invoeren).</p>\n");
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
		            "<th scope=\"col\">Laatst opgeslagen</th>"
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
		pt_buf_adds(out, "<td>");
		html_date(out, p->peildatum);
		pt_buf_adds(out, "</td>");
		pt_buf_addf(out, "<td>%d</td>", p->versions);
		pt_buf_adds(out, "<td>");
		log_time(out, p->saved_at);
		pt_buf_adds(out, "</td>");
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
 * The XML of the latest saved design of a proeftuin and the name its
 * messages give it ("proeftuin ID"); the caller frees both.  PT_ENOTFOUND
 * if never saved.
 */
static enum pt_status
latest_design(const struct web_ctx *c, const char *id, char **xml, size_t *len,
              char **name, struct pt_err *err)
{
	enum pt_status s;

	*name = NULL;
	if ((s = saved_latest_design(c->st, id, xml, len, err)) != PT_OK)
		return s;
	*name = xasprintf("proeftuin %s", id);
	return PT_OK;
}

/*
 * The latest saved design of a proeftuin, checked with the current rules
 * and registry, review statuses applied.  PT_ENOTFOUND if never saved.
 */
static enum pt_status check_saved(const struct web_ctx *c, const char *id,
                                  char *xml, size_t len, struct design **d,
                                  struct check_result **r, struct pt_err *err);

static enum pt_status
recheck(const struct web_ctx *c, const char *id, struct design **d,
        struct check_result **r, struct pt_err *err)
{
	char *xml, *name;
	size_t len;
	enum pt_status s;

	*d = NULL;
	*r = NULL;
	if ((s = latest_design(c, id, &xml, &len, &name, err)) != PT_OK)
		return s;
	free(name);
	return check_saved(c, id, xml, len, d, r, err);
}

/* A saved design xml of proeftuin id (freed here) checked as recheck()
 * does. */
static enum pt_status
check_saved(const struct web_ctx *c, const char *id, char *xml, size_t len,
            struct design **d, struct check_result **r, struct pt_err *err)
{
	char *name;
	enum pt_status s;

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

/* --- filters of a list of findings ------------------------------------------
 */

static const char *const soort_names[] = {"belemmering", "risico"};
static const char *const ernst_names[] = {"blokkerend", "hoog", "middel",
                                          "laag"};
/* The levels of niveau=, in the order of enum vocab_level. */
static const char *const niveau_names[] = {"wet", "amvb", "regeling",
                                           "college"};
static const char *const niveau_labels[] = {"wet", "AMvB", "regeling",
                                            "college"};
static const char *const sort_names[] = {"proeftuin", "status", "ernst",
                                         "soort",     "niveau", "regel"};
#define NSORT (sizeof sort_names / sizeof sort_names[0])

/* The filters parsed: -1 where none is given. */
struct filt {
	int status, soort, ernst, niveau, sort;
	const char *proeftuin, *regel, *wet;
};

static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

/* Index of s in names[0..n) (case-insensitive), or -1. */
static int
name_index(const char *s, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

static const struct rule *
rule_by_id(const struct ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->rules[i].id, id) == 0)
			return &rs->rules[i];
	return NULL;
}

/* Whether a rule of rs cites a provision of law bwb. */
static int
rules_cite_law(const struct ruleset *rs, const char *bwb)
{
	size_t i, k;

	for (i = 0; i < rs->n; i++)
		for (k = 0; k < rs->rules[i].nprovisions; k++)
			if (strcmp(rs->rules[i].provisions[k].bwb, bwb) == 0)
				return 1;
	return 0;
}

/* Parse one enumerated filter; 0 when it is fine, else *msg is set. */
static int
filt_enum(const char *v, const char *what, const char *const *names, size_t n,
          int *out, char **msg)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	*out = -1;
	if (!given(v))
		return 0;
	if ((*out = name_index(v, names, n)) >= 0)
		return 0;
	pt_buf_addf(&b,
	            "Onbekende waarde van %s: \xe2\x80\x98%s\xe2\x80\x99. "
	            "Kies uit: ",
	            what, v);
	for (i = 0; i < n; i++)
		pt_buf_addf(&b, "%s%s", i ? ", " : "", names[i]);
	pt_buf_adds(&b, ".");
	*msg = pt_buf_detach(&b);
	return -1;
}

/*
 * Check the filters of f against the rules and the saved proeftuinen
 * (list, n); fill p.  0 when all are known; else *msg (caller frees) says
 * in Dutch which one is not.
 */
static int
filt_parse(const struct web_ctx *c, const struct web_filter *f,
           const struct saved_proeftuin *list, size_t n, struct filt *p,
           char **msg)
{
	static const struct web_filter none;
	size_t i;

	*msg = NULL;
	memset(p, 0, sizeof *p);
	if (f == NULL)
		f = &none;
	if (given(f->status) && review_status_parse(f->status) < 0) {
		*msg = xasprintf(
		    "Onbekende status \xe2\x80\x98%s\xe2\x80\x99. Kies uit: "
		    "open, confirmed, rejected, mitigated, needs-amendment%s.",
		    f->status,
		    strcmp(f->status, REVIEW_RESOLVED) == 0
		        ? " (opgeloste bevindingen staan op de pagina van hun "
		          "proeftuin)"
		        : "");
		return -1;
	}
	p->status = given(f->status) ? review_status_parse(f->status) : -1;
	if (filt_enum(f->soort, "soort", soort_names, 2, &p->soort, msg) ||
	    filt_enum(f->ernst, "ernst", ernst_names, 4, &p->ernst, msg) ||
	    filt_enum(f->niveau, "niveau", niveau_names, 4, &p->niveau, msg) ||
	    filt_enum(f->sorteer, "sorteer", sort_names, NSORT, &p->sort, msg))
		return -1;
	if (given(f->proeftuin)) {
		for (i = 0; i < n; i++)
			if (strcmp(list[i].id, f->proeftuin) == 0)
				break;
		if (i == n) {
			*msg = xasprintf("Onbekende proeftuin "
			                 "\xe2\x80\x98%s\xe2\x80\x99.",
			                 f->proeftuin);
			return -1;
		}
		p->proeftuin = f->proeftuin;
	}
	if (given(f->regel)) {
		if (rule_by_id(c->rs, f->regel) == NULL) {
			*msg = xasprintf("Onbekende regel "
			                 "\xe2\x80\x98%s\xe2\x80\x99.",
			                 f->regel);
			return -1;
		}
		p->regel = f->regel;
	}
	if (given(f->wet)) {
		if (!rules_cite_law(c->rs, f->wet)) {
			*msg =
			    xasprintf("Geen regel haalt een wet met "
			              "BWB-id \xe2\x80\x98%s\xe2\x80\x99 aan.",
			              f->wet);
			return -1;
		}
		p->wet = f->wet;
	}
	return 0;
}

/* Whether finding fi of proeftuin pid passes p; the status is left out
 * when with_status is 0 (for the counts). */
static int
filt_match(const struct filt *p, const char *pid, const struct finding *fi,
           int with_status)
{
	size_t k;

	if (with_status && p->status >= 0 &&
	    strcmp(report_review_status(fi),
	           review_status_name((enum review_status)p->status)) != 0)
		return 0;
	if (p->soort >= 0 && (int)fi->rule->kind != p->soort)
		return 0;
	if (p->ernst >= 0 && (int)fi->severity != p->ernst)
		return 0;
	if (p->niveau >= 0 &&
	    (fi->rule->kind != RULE_BARRIER || (int)fi->level != p->niveau))
		return 0;
	if (p->proeftuin != NULL && strcmp(p->proeftuin, pid) != 0)
		return 0;
	if (p->regel != NULL && strcmp(p->regel, fi->rule->id) != 0)
		return 0;
	if (p->wet == NULL)
		return 1;
	for (k = 0; k < fi->nprovisions; k++)
		if (strcmp(fi->provisions[k].rp->bwb, p->wet) == 0)
			return 1;
	return 0;
}

/* The value of filter i of f (in the order of filter_keys). */
static const char *const filter_keys[] = {"status", "soort",     "ernst",
                                          "niveau", "proeftuin", "regel",
                                          "wet",    "sorteer"};
#define NFILTER (sizeof filter_keys / sizeof filter_keys[0])

static const char *
filter_value(const struct web_filter *f, size_t i)
{
	const char *v[NFILTER];

	if (f == NULL)
		return NULL;
	v[0] = f->status;
	v[1] = f->soort;
	v[2] = f->ernst;
	v[3] = f->niveau;
	v[4] = f->proeftuin;
	v[5] = f->regel;
	v[6] = f->wet;
	v[7] = f->sorteer;
	return given(v[i]) ? v[i] : NULL;
}

/* An href value (escaped for an attribute): base with the filters of f,
 * filter key set to val (NULL: left out). */
static void
filter_href(struct pt_buf *b, const char *base, const struct web_filter *f,
            const char *key, const char *val)
{
	struct pt_buf u = PT_BUF_INIT;
	size_t i;
	int first = 1;

	pt_buf_adds(&u, base);
	for (i = 0; i < NFILTER; i++) {
		const char *v = filter_value(f, i);

		if (key != NULL && strcmp(key, filter_keys[i]) == 0)
			v = val;
		if (v == NULL)
			continue;
		pt_buf_addf(&u, "%s%s=", first ? "?" : "&", filter_keys[i]);
		html_url_encode(&u, v);
		first = 0;
	}
	html_esc(b, u.s);
	pt_buf_release(&u);
}

/* Dutch label of the value v of filter key. */
static const char *
filter_label(const char *key, const char *v)
{
	int i;

	if (strcmp(key, "status") == 0)
		return status_label(v);
	if (strcmp(key, "niveau") == 0 &&
	    (i = name_index(v, niveau_names, 4)) >= 0)
		return niveau_labels[i];
	return v;
}

/* One <select> of the filter form; names[0..n) are the values, labels
 * (may be NULL) what they show. */
static void
filter_select(struct pt_buf *b, const char *key, const char *label,
              const char *cur, const char *const *names,
              const char *const *labels, size_t n)
{
	size_t i;

	pt_buf_addf(b, "<label for=\"f-%s\">", key);
	html_esc(b, label);
	pt_buf_addf(b,
	            "</label>\n<select id=\"f-%s\" name=\"%s\">\n"
	            "<option value=\"\">alle</option>\n",
	            key, key);
	for (i = 0; i < n; i++) {
		html_tag(b, "<option value=\"", names[i], "\"");
		if (cur != NULL && strcasecmp(cur, names[i]) == 0)
			pt_buf_adds(b, " selected");
		html_tag(b, ">", labels != NULL ? labels[i] : names[i],
		         "</option>\n");
	}
	pt_buf_adds(b, "</select>\n");
}

/*
 * The filter bar of a list at base: the counts per status (each a link
 * that sets it), the active filters (each removable) and the form.
 * proeftuinen (may be NULL) are the choices of the proeftuin filter.
 */
static void
filter_bar(struct pt_buf *b, const struct web_ctx *c, const char *base,
           const struct web_filter *f, const long counts[REVIEW_NSTATUS],
           const struct saved_proeftuin *list, size_t nlist)
{
	const char *st[REVIEW_NSTATUS], *stl[REVIEW_NSTATUS];
	const char **ids = xcalloc(c->rs->n + nlist + 1, sizeof *ids);
	size_t i;
	int k, any = 0;

	pt_buf_adds(b, "<p class=\"tellingen\">Per status:");
	for (k = 0; k < REVIEW_NSTATUS; k++) {
		st[k] = review_status_name((enum review_status)k);
		stl[k] = status_label(st[k]);
		pt_buf_adds(b, k ? ", " : " ");
		pt_buf_adds(b, "<a href=\"");
		filter_href(b, base, f, "status", st[k]);
		pt_buf_adds(b, "\">");
		html_esc(b, stl[k]);
		pt_buf_addf(b, ": %ld</a>", counts[k]);
	}
	pt_buf_adds(b, "</p>\n");
	for (i = 0; i < NFILTER; i++) {
		const char *v = filter_value(f, i);

		if (v == NULL)
			continue;
		pt_buf_adds(b, any ? " " : "<p class=\"filters\">Filters: ");
		pt_buf_adds(b, "<a href=\"");
		filter_href(b, base, f, filter_keys[i], NULL);
		pt_buf_addf(
		    b, "\" title=\"Filter weghalen\">%s: ", filter_keys[i]);
		html_esc(b, filter_label(filter_keys[i], v));
		pt_buf_adds(b, " \xc3\x97</a>");
		any = 1;
	}
	if (any) {
		html_tag(b, " <a href=\"", base,
		         "\">alle filters weghalen</a>");
		pt_buf_adds(b, "</p>\n");
	}
	html_tag(b, "<form method=\"get\" class=\"filter\" action=\"", base,
	         "\">\n");
	filter_select(b, "status", "Status", filter_value(f, 0), st, stl,
	              REVIEW_NSTATUS);
	filter_select(b, "soort", "Soort", filter_value(f, 1), soort_names,
	              NULL, 2);
	filter_select(b, "ernst", "Ernst", filter_value(f, 2), ernst_names,
	              NULL, 4);
	filter_select(b, "niveau", "Niveau", filter_value(f, 3), niveau_names,
	              niveau_labels, 4);
	for (i = 0; i < nlist; i++)
		ids[i] = list[i].id;
	if (nlist > 0)
		filter_select(b, "proeftuin", "Proeftuin", filter_value(f, 4),
		              ids, NULL, nlist);
	for (i = 0; i < c->rs->n; i++)
		ids[i] = c->rs->rules[i].id;
	filter_select(b, "regel", "Regel", filter_value(f, 5), ids, NULL,
	              c->rs->n);
	html_tag(b,
	         "<label for=\"f-wet\">Wet (BWB-id)</label>\n<input "
	         "id=\"f-wet\" name=\"wet\" size=\"12\" value=\"",
	         filter_value(f, 6), "\">\n");
	filter_select(b, "sorteer", "Sorteren op", filter_value(f, 7),
	              sort_names, NULL, NSORT);
	pt_buf_adds(b, "<div><button type=\"submit\">Filteren</button></div>\n"
	               "</form>\n");
	free(ids);
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
              const struct report_group *g, size_t i, const struct filt *p)
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
		if (filt_match(p, d->id, g->findings[k], 1))
			finding_row(out, d, g->findings[k], 0);
	pt_buf_adds(out, "</tbody>\n</table>\n</section>\n");
}

/* --- the design -------------------------------------------------------------
 */

/* The names of the bits set in bits, comma-separated, or "-"; caller
 * frees. */
static char *
bit_str(unsigned bits, const char *const *names, int n)
{
	struct pt_buf b = PT_BUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (b.len > 0)
			pt_buf_adds(&b, ", ");
		pt_buf_adds(&b, names[i]);
	}
	if (b.len == 0)
		pt_buf_adds(&b, "-");
	return pt_buf_detach(&b);
}

static void
bit_names(struct pt_buf *b, unsigned bits, const char *const *names, int n)
{
	char *s = bit_str(bits, names, n);

	html_esc(b, s);
	free(s);
}

/* An actor of the design in a table cell: its name and id. */
static void
actor_cell(struct pt_buf *b, const struct design *d, size_t ai)
{
	char *s = report_actor_label(d, d->actors[ai].id);

	html_tag(b, "<td>", s, "</td>");
	free(s);
}

static void
actors_table(struct pt_buf *b, const struct design *d)
{
	const struct design_actor *a;
	const struct vocab_entry *v;
	size_t i;

	h(b, 3, "Actoren");
	if (d->nactors == 0) {
		pt_buf_adds(b, "<p>Geen.</p>\n");
		return;
	}
	pt_buf_adds(b, "<div class=\"schuif\"><table>\n<thead><tr>"
	               "<th scope=\"col\">Actor</th><th scope=\"col\">Rol</th>"
	               "<th scope=\"col\">Gecertificeerd</th>"
	               "<th scope=\"col\">Aangewezen als</th>"
	               "<th scope=\"col\">Doelgroep</th></tr></thead>\n"
	               "<tbody>\n");
	for (i = 0; i < d->nactors; i++) {
		a = &d->actors[i];
		v = vocab_role(a->rol);
		pt_buf_adds(b, "<tr>");
		actor_cell(b, d, i);
		html_tag(b, "<td>", v != NULL ? v->label : a->rol, "");
		html_tag(b, " <code>", a->rol, "</code></td>");
		html_tag(b, "<td>", a->gecertificeerd ? "ja" : "nee", "</td>");
		pt_buf_adds(b, "<td>");
		bit_names(b, a->aangewezen, vocab_aanwijzing_names,
		          VOCAB_NAANWIJZING);
		html_tag(b, "</td><td>",
		         a->doelgroep == DOELGROEP_ALLE ? "alle leeftijden"
		                                        : "jeugd",
		         "</td></tr>\n");
	}
	pt_buf_adds(b, "</tbody>\n</table></div>\n");
}

/* Who does what: a row per task of the design, a column per actor, and
 * the body the law gives the task to today (vocab.h). */
static void
task_matrix(struct pt_buf *b, const struct design *d)
{
	const struct vocab_entry *v;
	size_t i, j, k;

	h(b, 3, "Taken");
	if (d->ntaken == 0) {
		pt_buf_adds(b, "<p>Geen.</p>\n");
		return;
	}
	pt_buf_adds(b, "<div class=\"schuif\"><table class=\"matrix\">\n"
	               "<caption>Wie doet wat in het ontwerp, en aan wie de "
	               "huidige wet de taak geeft</caption>\n<thead><tr>"
	               "<th scope=\"col\">Taak</th>");
	for (j = 0; j < d->nactors; j++) {
		pt_buf_adds(b, "<th scope=\"col\">");
		html_esc(b, d->actors[j].naam != NULL ? d->actors[j].naam
		                                      : d->actors[j].id);
		html_tag(b, "<br><code>", d->actors[j].id, "</code></th>");
	}
	pt_buf_adds(b, "<th scope=\"col\">Wettelijke taakhouder nu</th>"
	               "</tr></thead>\n<tbody>\n");
	for (i = 0; i < d->ntaken; i++) {
		/* each task once, in the order of its first mention */
		for (k = 0; k < i; k++)
			if (strcmp(d->taken[k].id, d->taken[i].id) == 0)
				break;
		if (k < i)
			continue;
		v = vocab_task(d->taken[i].id);
		html_tag(b, "<tr><th scope=\"row\">",
		         v != NULL ? v->label : d->taken[i].id, "");
		html_tag(b, "<br><code>", d->taken[i].id, "</code></th>");
		for (j = 0; j < d->nactors; j++) {
			for (k = i; k < d->ntaken; k++)
				if (d->taken[k].actor == j &&
				    strcmp(d->taken[k].id, d->taken[i].id) == 0)
					break;
			pt_buf_adds(b, k < d->ntaken ? "<td class=\"ja\">"
			                               "\xe2\x9c\x93 ja</td>"
			                             : "<td></td>");
		}
		html_tag(b, "<td>",
		         v != NULL && v->holder != NULL ? v->holder : "-",
		         "</td></tr>\n");
	}
	pt_buf_adds(b, "</tbody>\n</table></div>\n");
}

static const char *
grondslag_label(enum design_grondslag g)
{
	switch (g) {
	case GRONDSLAG_TOESTEMMING:
		return "toestemming";
	case GRONDSLAG_WETTELIJK:
		return "wettelijk";
	case GRONDSLAG_GEEN:
		break;
	}
	return "geen";
}

/* The bepalingen of a flow as the design names them. */
static void
bepalingen_cell(struct pt_buf *b, const struct design_deling *f)
{
	size_t k;

	pt_buf_adds(b, "<td>");
	for (k = 0; k < f->nbepalingen; k++) {
		const struct design_bepaling *p = &f->bepalingen[k];

		if (k > 0)
			pt_buf_adds(b, "; ");
		html_tag(b, "<code>", p->bwb, "</code>");
		html_tag(b, " art. ", p->artikel, "");
		if (p->lid != NULL)
			html_tag(b, " lid ", p->lid, "");
	}
	if (f->nbepalingen == 0)
		pt_buf_adds(b, "-");
	pt_buf_adds(b, "</td>");
}

static void
flows_table(struct pt_buf *b, const struct design *d)
{
	size_t i, k;

	h(b, 3, "Gegevensdeling");
	if (d->ndelingen == 0 && d->ndossiers == 0) {
		pt_buf_adds(b, "<p>Geen.</p>\n");
		return;
	}
	if (d->ndelingen > 0)
		pt_buf_adds(b, "<div class=\"schuif\"><table>\n<thead><tr>"
		               "<th scope=\"col\">Van</th>"
		               "<th scope=\"col\">Naar</th>"
		               "<th scope=\"col\">Gegevens</th>"
		               "<th scope=\"col\">Grondslag</th>"
		               "<th scope=\"col\">Bepaling</th></tr></thead>\n"
		               "<tbody>\n");
	for (i = 0; i < d->ndelingen; i++) {
		const struct design_deling *f = &d->delingen[i];

		pt_buf_adds(b, "<tr>");
		actor_cell(b, d, f->van);
		actor_cell(b, d, f->naar);
		pt_buf_adds(b, "<td>");
		bit_names(b, f->gegevens, vocab_gegevens_names,
		          VOCAB_NGEGEVENS);
		html_tag(b, "</td><td>", grondslag_label(f->grondslag),
		         "</td>");
		bepalingen_cell(b, f);
		pt_buf_adds(b, "</tr>\n");
	}
	if (d->ndelingen > 0)
		pt_buf_adds(b, "</tbody>\n</table></div>\n");
	if (d->ndossiers > 0)
		pt_buf_adds(b, "<p>Integrale dossiers (alle genoemde actoren "
		               "lezen en schrijven erin):</p>\n<ul>\n");
	for (i = 0; i < d->ndossiers; i++) {
		pt_buf_adds(b, "<li>");
		for (k = 0; k < d->dossiers[i].nactoren; k++) {
			char *s = report_actor_label(
			    d, d->actors[d->dossiers[i].actoren[k]].id);

			if (k > 0)
				pt_buf_adds(b, ", ");
			html_esc(b, s);
			free(s);
		}
		pt_buf_adds(b, "</li>\n");
	}
	if (d->ndossiers > 0)
		pt_buf_adds(b, "</ul>\n");
}

/* The section "Ontwerp" of the proeftuin page: the design as saved. */
static void
design_section(struct pt_buf *b, const struct design *d, int reviewer)
{
	size_t i;

	h(b, 2, "Ontwerp");
	pt_buf_adds(b, "<p>De laatste opgeslagen versie van het ontwerp ");
	html_href(b, "/proeftuinen/", d->id, "/ontwerp.xml",
	          "als ontwerpbestand (XML)");
	pt_buf_adds(b, "; ");
	html_href(b, "/proeftuinen/", d->id, "/versies",
	          "alle opgeslagen versies");
	if (reviewer) {
		pt_buf_adds(b, "; ");
		html_href(b, "/proeftuinen/", d->id, "/bewerken", "bewerken");
	}
	pt_buf_adds(b, ".</p>\n<table class=\"velden\">\n");
	pt_buf_adds(b, "<tr><th scope=\"row\">Gemeenten</th><td>");
	for (i = 0; i < d->ngemeenten; i++) {
		if (i > 0)
			pt_buf_adds(b, ", ");
		html_esc(b, d->gemeenten[i]);
	}
	if (d->ngemeenten == 0)
		pt_buf_adds(b, "-");
	pt_buf_adds(b, "</td></tr>\n");
	date_row(b, "Peildatum", d->peildatum,
	         d->peildatum_given ? NULL : " (niet in het ontwerp: vandaag)");
	pt_buf_adds(b, "</table>\n");
	actors_table(b, d);
	task_matrix(b, d);
	flows_table(b, d);
}

/*
 * The design as a picture (report_svg.c), inline: each barrier or risk on
 * the box or arrow it concerns links to its finding.  Without Graphviz
 * the page says so and goes on.
 */
static void
picture_section(struct pt_buf *b, const struct check_result *r)
{
	struct pt_buf svg = PT_BUF_INIT;
	struct pt_err e = PT_ERR_INIT;
	const char *start;

	h(b, 3, "Afbeelding");
	if (report_svg_design(&svg, r, "/findings/", &e) != PT_OK ||
	    (start = strstr(svg.s, "<svg")) == NULL) {
		pt_buf_adds(b,
		            "<p>De afbeelding kan niet worden gemaakt.</p>\n");
		pt_buf_release(&svg);
		pt_err_clear(&e);
		return;
	}
	pt_buf_adds(b, "<p>Actoren als vakken, gegevensstromen als pijlen, "
	               "gedeelde dossiers als cilinders; rood: een "
	               "belemmering, oranje: een risico (een klik opent de "
	               "bevinding).</p>\n<figure class=\"afbeelding\">");
	pt_buf_adds(b, start);
	pt_buf_adds(b, "</figure>\n");
	pt_buf_release(&svg);
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
	if ((s = latest_design(c, id, &xml, &len, &name, err)) != PT_OK)
		return s;
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

/* Whether a group of the proeftuin page has a finding that passes p. */
static int
group_shown(const struct report_group *g, const char *pid, const struct filt *p)
{
	size_t k;

	for (k = 0; k < g->nfindings; k++)
		if (filt_match(p, pid, g->findings[k], 1))
			return 1;
	return 0;
}

/*
 * The filters of the proeftuin page (c->filter) for the checked result r:
 * p, the page's address (*base, caller frees) and the counts per status.
 * 0 when fine; else *msg is the Dutch message of a 400 (caller frees), or
 * NULL after a database error.
 */
static int
proeftuin_filter(const struct web_ctx *c, const struct check_result *r,
                 struct filt *p, char **base, long counts[REVIEW_NSTATUS],
                 char **msg, struct pt_err *err)
{
	struct saved_proeftuin *list;
	struct pt_buf b = PT_BUF_INIT;
	size_t n, i;
	int s;

	*base = NULL;
	*msg = NULL;
	if (saved_list(c->st, &list, &n, err) != PT_OK)
		return -1;
	s = filt_parse(c, c->filter, list, n, p, msg);
	saved_list_free(list, n);
	if (s != 0)
		return -1;
	for (s = 0; s < REVIEW_NSTATUS; s++)
		counts[s] = 0;
	for (i = 0; i < r->nfindings; i++)
		if (filt_match(p, r->design->id, &r->findings[i], 0) &&
		    (s = review_status_parse(
		         report_review_status(&r->findings[i]))) >= 0)
			counts[s]++;
	pt_buf_adds(&b, "/proeftuinen/");
	html_url_encode(&b, r->design->id);
	*base = pt_buf_detach(&b);
	return 0;
}

int
web_proeftuin(const struct web_ctx *c, const char *id, int status,
              const char *msg, struct pt_buf *out, struct pt_err *err)
{
	struct design *d;
	struct check_result *r;
	struct report_group *g;
	size_t ng, i, nr, k;
	long counts[REVIEW_NSTATUS];
	struct filt p;
	char *s, *base;
	enum pt_status st;

	st = recheck(c, id, &d, &r, err);
	if (st == PT_ENOTFOUND)
		return web_error(c, 404, "Deze proeftuin is niet opgeslagen.",
		                 out);
	if (st != PT_OK)
		return db_error(c, out);
	if (proeftuin_filter(c, r, &p, &base, counts, &s, err) != 0) {
		check_result_free(r);
		design_free(d);
		if (s == NULL)
			return db_error(c, out);
		status = web_error(c, 400, s, out);
		free(s);
		return status;
	}
	s = d->naam != NULL ? xstrdup(d->naam)
	                    : xasprintf("Proeftuin %s", d->id);
	page_begin(out, c, s);
	h(out, 1, s);
	free(s);
	pt_buf_adds(out, "<table class=\"velden\">\n");
	row(out, "Id", d->id);
	if (d->omschrijving != NULL)
		row(out, "Omschrijving", d->omschrijving);
	date_row(out, "Peildatum", d->peildatum,
	         d->peildatum_given ? NULL : " (niet in het ontwerp: vandaag)");
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

	h(out, 2, "Bevindingen");
	filter_bar(out, c, base, c->filter, counts, NULL, 0);
	h(out, 2, "Belemmeringen, per benodigde wijziging");
	report_groups(r, &g, &ng);
	for (i = 0, k = 0; i < ng; i++)
		if (group_shown(&g[i], d->id, &p))
			group_section(out, d, &g[i], k++, &p);
	if (k == 0)
		pt_buf_adds(out, "<p>Geen.</p>\n");
	report_groups_free(g, ng);
	free(base);

	h(out, 2, "Risico's voor de rechtsbescherming");
	for (i = 0, nr = 0; i < r->nfindings; i++) {
		if (r->findings[i].rule->kind != RULE_RISK ||
		    !filt_match(&p, d->id, &r->findings[i], 1))
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
	design_section(out, d, c->reviewer);
	picture_section(out, r);
	st = ruimte_section(c, d->id, msg, out, err);
	if (st == PT_OK)
		st = resolved_section(c, d->id, out, err);
	check_result_free(r);
	design_free(d);
	if (st != PT_OK)
		return db_error(c, out);
	html_legend(out, 2);
	page_end(out);
	return status;
}

/* --- findings across the proeftuinen ---------------------------------------
 */

/* A finding of the list with its sort key. */
struct frow {
	const struct saved_proeftuin *p;
	const struct finding *f;
	const char *ks; /* string key (NULL: none) */
	int ki;         /* number key */
	size_t ord;     /* order of the proeftuinen and their reports */
};

static int
frow_cmp(const void *pa, const void *pb)
{
	const struct frow *a = pa, *b = pb;
	int c = a->ks != NULL && b->ks != NULL ? strcmp(a->ks, b->ks) : 0;

	if (c == 0)
		c = (a->ki > b->ki) - (a->ki < b->ki);
	if (c == 0)
		c = (a->ord > b->ord) - (a->ord < b->ord);
	return c;
}

static void
frow_key(struct frow *w, int sort)
{
	w->ks = NULL;
	w->ki = 0;
	switch (sort) {
	case 1:
		w->ki = review_status_parse(report_review_status(w->f));
		break;
	case 2:
		w->ki = (int)w->f->severity;
		break;
	case 3:
		w->ki = (int)w->f->rule->kind;
		break;
	case 4:
		w->ki = w->f->rule->kind == RULE_BARRIER ? (int)w->f->level
		                                         : VOCAB_NLEVELS;
		break;
	case 5:
		w->ks = w->f->rule->id;
		break;
	default:
		w->ks = w->p->id;
		break;
	}
}

/* The laws a finding quotes, each once, as BWB ids. */
static void
laws_cell(struct pt_buf *b, const struct finding *f)
{
	size_t i, k;
	int any = 0;

	pt_buf_adds(b, "<td>");
	for (i = 0; i < f->nprovisions; i++) {
		const char *w = f->provisions[i].rp->bwb;

		for (k = 0; k < i; k++)
			if (strcmp(f->provisions[k].rp->bwb, w) == 0)
				break;
		if (k < i)
			continue;
		html_tag(b, any ? " <code>" : "<code>", w, "</code>");
		any = 1;
	}
	pt_buf_adds(b, any ? "</td>" : "-</td>");
}

static void
frow_html(struct pt_buf *b, const struct frow *w)
{
	const struct finding *f = w->f;

	pt_buf_adds(b, "<tr><td>");
	html_href(b, "/findings/", f->id, "", f->rule->titel);
	html_tag(b, "<br><code>", f->id, "</code></td><td>");
	html_href(b, "/proeftuinen/", w->p->id, "",
	          w->p->naam != NULL ? w->p->naam : w->p->id);
	html_tag(b, "</td><td>", report_kind_label(f->rule->kind), "</td>");
	html_tag(b, "<td>", report_severity_label(f->severity), "</td>");
	html_tag(b, "<td>",
	         f->rule->kind == RULE_BARRIER ? vocab_level_label(f->level)
	                                       : "-",
	         "</td>");
	html_tag(b, "<td><code>", f->rule->id, "</code></td>");
	laws_cell(b, f);
	pt_buf_adds(b, "<td>");
	status_badge(b, report_review_status(f));
	pt_buf_adds(b, "</td></tr>\n");
}

/* A column head that sorts by key. */
static void
sort_head(struct pt_buf *b, const struct web_filter *f, const char *key,
          const char *label)
{
	pt_buf_adds(b, "<th scope=\"col\"><a href=\"");
	filter_href(b, "/bevindingen", f, "sorteer", key);
	html_tag(b, "\">", label, "</a></th>");
}

static void
findings_table(struct pt_buf *b, const struct web_filter *f,
               const struct frow *rows, size_t n)
{
	size_t i;

	if (n == 0) {
		pt_buf_adds(b, "<p>Geen bevindingen met deze filters.</p>\n");
		return;
	}
	pt_buf_addf(b,
	            "<table>\n<caption>%zu bevinding%s van de laatste "
	            "versie van de proeftuinen</caption>\n<thead><tr>",
	            n, n == 1 ? "" : "en");
	pt_buf_adds(b, "<th scope=\"col\">Bevinding</th>");
	sort_head(b, f, "proeftuin", "Proeftuin");
	sort_head(b, f, "soort", "Soort");
	sort_head(b, f, "ernst", "Ernst");
	sort_head(b, f, "niveau", "Niveau");
	sort_head(b, f, "regel", "Regel");
	pt_buf_adds(b, "<th scope=\"col\">Wet</th>");
	sort_head(b, f, "status", "Beoordeling");
	pt_buf_adds(b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++)
		frow_html(b, &rows[i]);
	pt_buf_adds(b, "</tbody>\n</table>\n");
}

/* The checked latest versions of the proeftuinen of list. */
struct checked {
	struct design **d;
	struct check_result **r;
	size_t n;
};

static void
checked_free(struct checked *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		check_result_free(k->r[i]);
		design_free(k->d[i]);
	}
	free(k->d);
	free(k->r);
}

/* Check each proeftuin of list again (those p leaves out are skipped);
 * the rows that pass p and the counts per status of those that pass p
 * but for the status. */
static enum pt_status
findings_collect(const struct web_ctx *c, const struct filt *p,
                 const struct saved_proeftuin *list, size_t nlist,
                 struct checked *k, struct frow **rows, size_t *nrows,
                 long counts[REVIEW_NSTATUS], struct pt_err *err)
{
	size_t i, j, cap = 0, ord = 0;
	int s;

	k->d = xcalloc(nlist + 1, sizeof *k->d);
	k->r = xcalloc(nlist + 1, sizeof *k->r);
	k->n = nlist;
	*rows = NULL;
	*nrows = 0;
	for (s = 0; s < REVIEW_NSTATUS; s++)
		counts[s] = 0;
	for (i = 0; i < nlist; i++) {
		if (p->proeftuin != NULL &&
		    strcmp(p->proeftuin, list[i].id) != 0)
			continue;
		if (recheck(c, list[i].id, &k->d[i], &k->r[i], err) != PT_OK)
			return PT_EDB;
		for (j = 0; j < k->r[i]->nfindings; j++) {
			const struct finding *f = &k->r[i]->findings[j];

			if (!filt_match(p, list[i].id, f, 0))
				continue;
			s = review_status_parse(report_review_status(f));
			if (s >= 0)
				counts[s]++;
			if (!filt_match(p, list[i].id, f, 1))
				continue;
			PT_ARRAY_PUSH(*rows, *nrows, cap);
			(*rows)[*nrows - 1].p = &list[i];
			(*rows)[*nrows - 1].f = f;
			(*rows)[*nrows - 1].ord = ord++;
			frow_key(&(*rows)[*nrows - 1], p->sort);
		}
	}
	return PT_OK;
}

int
web_findings(const struct web_ctx *c, const struct web_filter *f,
             struct pt_buf *out, struct pt_err *err)
{
	struct saved_proeftuin *list;
	struct checked k = {NULL, NULL, 0};
	struct frow *rows = NULL;
	long counts[REVIEW_NSTATUS];
	size_t n, nrows = 0;
	struct filt p;
	char *msg;
	int status;

	if (saved_list(c->st, &list, &n, err) != PT_OK)
		return db_error(c, out);
	if (filt_parse(c, f, list, n, &p, &msg) != 0) {
		status = web_error(c, 400, msg, out);
		free(msg);
		saved_list_free(list, n);
		return status;
	}
	if (findings_collect(c, &p, list, n, &k, &rows, &nrows, counts, err) !=
	    PT_OK) {
		free(rows);
		checked_free(&k);
		saved_list_free(list, n);
		return db_error(c, out);
	}
	if (nrows > 0)
		qsort(rows, nrows, sizeof *rows, frow_cmp);
	page_begin(out, c, "Bevindingen");
	h(out, 1, "Bevindingen");
	pt_buf_adds(out, "<p>De bevindingen van de laatste opgeslagen versie "
	                 "van elke proeftuin, opnieuw getoetst aan de huidige "
	                 "regels en het register, met de stand van de "
	                 "beoordeling.  Opgeloste bevindingen staan op de "
	                 "pagina van hun proeftuin.</p>\n");
	filter_bar(out, c, "/bevindingen", f, counts, list, n);
	findings_table(out, f, rows, nrows);
	page_end(out);
	free(rows);
	checked_free(&k);
	saved_list_free(list, n);
	return 200;
}

/* --- the audit log
 * ------------------------------------------------------------
 */

static const char *const log_keys[] = {"lid", "proeftuin", "van", "tot",
                                       "pagina"};
#define NLOGKEY (sizeof log_keys / sizeof log_keys[0])

static const char *
log_value(const struct web_log_filter *f, size_t i)
{
	const char *v[NLOGKEY];

	v[0] = f->lid;
	v[1] = f->proeftuin;
	v[2] = f->van;
	v[3] = f->tot;
	v[4] = f->pagina;
	return given(v[i]) ? v[i] : NULL;
}

/* An href value (escaped): /logboek with the filters of f, key set to
 * val (NULL: left out); a new filter starts at the first page. */
static void
log_href(struct pt_buf *b, const struct web_log_filter *f, const char *key,
         const char *val)
{
	struct pt_buf u = PT_BUF_INIT;
	size_t i;
	int first = 1;

	pt_buf_adds(&u, "/logboek");
	for (i = 0; i < NLOGKEY; i++) {
		const char *v = log_value(f, i);

		if (key != NULL && strcmp(key, log_keys[i]) == 0)
			v = val;
		else if (key != NULL && strcmp(key, "pagina") != 0 &&
		         strcmp(log_keys[i], "pagina") == 0)
			v = NULL;
		if (v == NULL)
			continue;
		pt_buf_addf(&u, "%s%s=", first ? "?" : "&", log_keys[i]);
		html_url_encode(&u, v);
		first = 0;
	}
	html_esc(b, u.s);
	pt_buf_release(&u);
}

/* The page number of f (from 1), or 0 when it is not a number. */
static long
log_page_number(const struct web_log_filter *f)
{
	const char *s = log_value(f, 4);
	long v = 0;

	if (s == NULL)
		return 1;
	if (strlen(s) > 6 || s[strspn(s, "0123456789")] != '\0')
		return 0;
	v = strtol(s, NULL, 10);
	return v;
}

/* What is wrong with the filters of f, in Dutch (caller frees), or NULL;
 * q receives them. */
static char *
log_query(const struct web_ctx *c, const struct web_log_filter *f,
          struct review_log_query *q, char since[32], char before[32],
          int *dberr, struct pt_err *err)
{
	struct saved_proeftuin *list;
	size_t n, i;
	long page = log_page_number(f);

	memset(q, 0, sizeof *q);
	*dberr = 0;
	if (page < 1)
		return xasprintf("Ongeldig paginanummer \xe2\x80\x98%s\xe2\x80"
		                 "\x99; de pagina's tellen vanaf 1.",
		                 f->pagina);
	for (i = 2; i <= 3; i++)
		if (log_value(f, i) != NULL && !vocab_is_date(log_value(f, i)))
			return xasprintf("Ongeldige datum bij %s: "
			                 "\xe2\x80\x98%s\xe2\x80\x99; schrijf "
			                 "JJJJ-MM-DD.",
			                 log_keys[i], log_value(f, i));
	if (log_value(f, 2) != NULL && log_value(f, 3) != NULL &&
	    strcmp(f->van, f->tot) > 0)
		return xstrdup("De periode eindigt (tot) voor zij begint "
		               "(van).");
	if (log_value(f, 1) != NULL) {
		if (saved_list(c->st, &list, &n, err) != PT_OK) {
			*dberr = 1;
			return NULL;
		}
		for (i = 0; i < n && strcmp(list[i].id, f->proeftuin) != 0; i++)
			;
		saved_list_free(list, n);
		if (i == n)
			return xasprintf("Onbekende proeftuin "
			                 "\xe2\x80\x98%s\xe2\x80\x99.",
			                 f->proeftuin);
		q->proeftuin = f->proeftuin;
	}
	q->reviewer = log_value(f, 0);
	if (log_value(f, 2) != NULL) {
		provenance_amsterdam_day_utc(f->van, 0, since);
		q->since = since;
	}
	if (log_value(f, 3) != NULL) {
		provenance_amsterdam_day_utc(f->tot, 1, before);
		q->before = before;
	}
	q->limit = WEB_LOG_PAGE;
	q->offset = (page - 1) * WEB_LOG_PAGE;
	return NULL;
}

static void
log_form(struct pt_buf *b, const struct web_log_filter *f)
{
	static const char *const labels[] = {"Lid", "Proeftuin", "Van",
	                                     "Tot en met"};
	size_t i;
	int any = 0;

	for (i = 0; i < 4; i++) {
		if (log_value(f, i) == NULL)
			continue;
		pt_buf_adds(b, any ? " " : "<p class=\"filters\">Filters: ");
		pt_buf_adds(b, "<a href=\"");
		log_href(b, f, log_keys[i], NULL);
		pt_buf_addf(b,
		            "\" title=\"Filter weghalen\">%s: ", log_keys[i]);
		html_esc(b, log_value(f, i));
		pt_buf_adds(b, " \xc3\x97</a>");
		any = 1;
	}
	if (any)
		pt_buf_adds(b, " <a href=\"/logboek\">alle filters "
		               "weghalen</a></p>\n");
	pt_buf_adds(b, "<form method=\"get\" class=\"filter\" "
	               "action=\"/logboek\">\n");
	for (i = 0; i < 4; i++) {
		pt_buf_addf(b,
		            "<label for=\"f-%s\">%s</label>\n<input "
		            "id=\"f-%s\" name=\"%s\"%s value=\"",
		            log_keys[i], labels[i], log_keys[i], log_keys[i],
		            i >= 2 ? " type=\"date\"" : "");
		html_esc(b, log_value(f, i));
		pt_buf_adds(b, "\">\n");
	}
	pt_buf_adds(b, "<div><button type=\"submit\">Filteren</button></div>\n"
	               "</form>\n");
}

static void
log_rows(struct pt_buf *b, const struct web_log_filter *f,
         const struct review_entry *e, size_t n)
{
	size_t i;

	pt_buf_adds(
	    b, "<table>\n<caption>Beslissingen, nieuwste eerst; tijden in "
	       "Nederlandse tijd</caption>\n<thead><tr>"
	       "<th scope=\"col\">Tijd</th><th scope=\"col\">Lid</th>"
	       "<th scope=\"col\">Proeftuin</th>"
	       "<th scope=\"col\">Bevinding</th>"
	       "<th scope=\"col\">Van</th><th scope=\"col\">Naar</th>"
	       "<th scope=\"col\">Toelichting</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		pt_buf_adds(b, "<tr><td>");
		log_time(b, e[i].at);
		pt_buf_adds(b, "</td><td><a href=\"");
		log_href(b, f, "lid", e[i].by);
		html_tag(b, "\">", e[i].by, "</a></td><td>");
		pt_buf_adds(b, "<a href=\"");
		log_href(b, f, "proeftuin", e[i].proeftuin);
		html_tag(b, "\">", e[i].proeftuin, "</a></td><td>");
		html_href(b, "/findings/", e[i].finding_id, "",
		          e[i].finding_id);
		pt_buf_adds(b, "</td><td>");
		status_badge(b, e[i].old_status);
		pt_buf_adds(b, "</td><td>");
		status_badge(b, e[i].new_status);
		html_tag(b, "</td><td class=\"tekst\">", e[i].note,
		         "</td></tr>\n");
	}
	pt_buf_adds(b, "</tbody>\n</table>\n");
}

static void
log_pager(struct pt_buf *b, const struct web_log_filter *f, long page,
          long pages)
{
	char num[24];

	pt_buf_addf(b, "<nav aria-label=\"Pagina's\"><p>Pagina %ld van %ld",
	            page, pages);
	if (page > 1) {
		snprintf(num, sizeof num, "%ld", page - 1);
		pt_buf_adds(b, " \xe2\x80\x94 <a rel=\"prev\" href=\"");
		log_href(b, f, "pagina", num);
		pt_buf_adds(b, "\">vorige</a>");
	}
	if (page < pages) {
		snprintf(num, sizeof num, "%ld", page + 1);
		pt_buf_adds(b, " \xe2\x80\x94 <a rel=\"next\" href=\"");
		log_href(b, f, "pagina", num);
		pt_buf_adds(b, "\">volgende</a>");
	}
	pt_buf_adds(b, "</p></nav>\n");
}

int
web_log(const struct web_ctx *c, const struct web_log_filter *f,
        struct pt_buf *out, struct pt_err *err)
{
	struct review_log_query q;
	struct review_entry *e = NULL;
	char since[32], before[32], *msg;
	long long total = 0;
	long page, pages;
	size_t n = 0;
	int dberr, status;

	msg = log_query(c, f, &q, since, before, &dberr, err);
	if (dberr)
		return db_error(c, out);
	if (msg != NULL) {
		status = web_error(c, 400, msg, out);
		free(msg);
		return status;
	}
	if (review_log_page(c->st, &q, &e, &n, &total, err) != PT_OK)
		return db_error(c, out);
	page = q.offset / WEB_LOG_PAGE + 1;
	pages =
	    total == 0 ? 1 : (long)((total + WEB_LOG_PAGE - 1) / WEB_LOG_PAGE);
	if (page > pages) {
		msg = xasprintf("Deze pagina bestaat niet: het logboek heeft "
		                "met deze filters %ld pagina%s.",
		                pages, pages == 1 ? "" : "'s");
		status = web_error(c, 404, msg, out);
		free(msg);
		return status;
	}
	page_begin(out, c, "Logboek");
	h(out, 1, "Logboek");
	pt_buf_addf(out,
	            "<p>Alle beslissingen over bevindingen, zoals zij zijn "
	            "vastgelegd; het logboek wordt nooit gewijzigd.  %lld "
	            "beslissing%s met deze filters.</p>\n",
	            total, total == 1 ? "" : "en");
	log_form(out, f);
	if (n == 0)
		pt_buf_adds(out, "<p>Geen beslissingen.</p>\n");
	else
		log_rows(out, f, e, n);
	log_pager(out, f, page, pages);
	page_end(out);
	review_log_free(e, n);
	return 200;
}

int
web_design_xml(const struct web_ctx *c, const char *id, struct pt_buf *out,
               struct pt_err *err)
{
	char *xml, *name;
	size_t len;
	enum pt_status s;

	s = latest_design(c, id, &xml, &len, &name, err);
	if (s == PT_ENOTFOUND)
		return web_error(c, 404, "Deze proeftuin is niet opgeslagen.",
		                 out);
	if (s != PT_OK)
		return db_error(c, out);
	pt_buf_add(out, xml, len);
	free(xml);
	free(name);
	return 200;
}

/* --- versions and what changed between them --------------------------------
 */

/* What a version's source says about who or what added it. */
static const char *
source_label(const char *src)
{
	if (src == NULL || *src == '\0')
		return "niet vastgelegd";
	return src;
}

int
web_versions(const struct web_ctx *c, const char *id, struct pt_buf *out,
             struct pt_err *err)
{
	struct saved_version *v;
	size_t n, i;
	enum pt_status st;
	char *s;

	st = saved_versions(c->st, id, &v, &n, err);
	if (st == PT_ENOTFOUND)
		return web_error(c, 404, "Deze proeftuin is niet opgeslagen.",
		                 out);
	if (st != PT_OK)
		return db_error(c, out);
	s = xasprintf("Versies van proeftuin %s", id);
	page_begin(out, c, s);
	h(out, 1, s);
	free(s);
	pt_buf_adds(out, "<p>");
	html_href(out, "/proeftuinen/", id, "", "Terug naar de proeftuin");
	pt_buf_adds(out, ".  Elke opslag van een ander ontwerp is een nieuwe "
	                 "versie; de tijden zijn Nederlandse tijd.</p>\n"
	                 "<div class=\"schuif\"><table>\n<thead><tr>"
	                 "<th scope=\"col\">Versie</th>"
	                 "<th scope=\"col\">Opgeslagen</th>"
	                 "<th scope=\"col\">Toegevoegd uit</th>"
	                 "<th scope=\"col\">Naam</th>"
	                 "<th scope=\"col\">Peildatum</th>"
	                 "<th scope=\"col\">Bevindingen</th>"
	                 "<th scope=\"col\">Vergelijken</th></tr></thead>\n"
	                 "<tbody>\n");
	for (i = 0; i < n; i++) {
		pt_buf_addf(out, "<tr><td>%d</td><td>", v[i].seq);
		log_time(out, v[i].saved_at);
		html_tag(out, "</td><td><code>", source_label(v[i].source),
		         "</code></td>");
		html_tag(out, "<td>", v[i].naam != NULL ? v[i].naam : "-",
		         "</td>");
		pt_buf_adds(out, "<td>");
		html_date(out, v[i].peildatum);
		pt_buf_adds(out, "</td>");
		pt_buf_addf(
		    out, "<td>%ld (%ld belemmering%s, %ld risico%s)</td><td>",
		    v[i].findings, v[i].barriers,
		    v[i].barriers == 1 ? "" : "en", v[i].risks,
		    v[i].risks == 1 ? "" : "'s");
		if (i > 0) {
			s = xasprintf("/vergelijk?van=%d&amp;naar=%d",
			              v[i - 1].seq, v[i].seq);
			html_href(out, "/proeftuinen/", id, s,
			          "met de vorige versie");
			free(s);
		} else {
			pt_buf_adds(out, "-");
		}
		pt_buf_adds(out, "</td></tr>\n");
	}
	pt_buf_adds(out, "</tbody>\n</table></div>\n");
	if (n > 1) {
		pt_buf_adds(out, "<form method=\"get\" class=\"beoordeling\" "
		                 "action=\"/proeftuinen/");
		html_url_encode(out, id);
		pt_buf_addf(
		    out,
		    "/vergelijk\">\n<label for=\"van\">Van versie</label>"
		    "<input id=\"van\" name=\"van\" type=\"number\" "
		    "min=\"1\" value=\"1\">\n<label for=\"naar\">Naar "
		    "versie</label><input id=\"naar\" name=\"naar\" "
		    "type=\"number\" min=\"1\" value=\"%d\">\n<div><button "
		    "type=\"submit\">Vergelijken</button></div>\n"
		    "</form>\n",
		    v[n - 1].seq);
	}
	saved_versions_free(v, n);
	page_end(out);
	return 200;
}

/* A version number as the compare page's query gives it; -1 if bad. */
static int
version_arg(const char *s)
{
	long v = 0;
	size_t i;

	if (s == NULL || *s == '\0' || strlen(s) > 9)
		return -1;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v >= 1 ? (int)v : -1;
}

/* Version seq of proeftuin id as a design; PT_ENOTFOUND if none. */
static enum pt_status
version_design(const struct web_ctx *c, const char *id, int seq,
               struct design **d, struct pt_err *err)
{
	char *xml, *name;
	size_t len;
	enum pt_status s;

	*d = NULL;
	if ((s = saved_version_design(c->st, id, seq, &xml, &len, err)) !=
	    PT_OK)
		return s;
	name = xasprintf("proeftuin %s versie %d", id, seq);
	s = design_load_memory(xml, len, name, c->today, d, err);
	free(name);
	free(xml);
	return s;
}

/* One row of a change table; counts it. */
static void
change_row(struct pt_buf *b, size_t *n, const char *what, const char *label,
           const char *change)
{
	if ((*n)++ == 0)
		pt_buf_adds(b,
		            "<div class=\"schuif\"><table>\n<thead><tr>"
		            "<th scope=\"col\">Onderdeel</th>"
		            "<th scope=\"col\">Wat</th>"
		            "<th scope=\"col\">Verandering</th></tr></thead>\n"
		            "<tbody>\n");
	html_tag(b, "<tr><td>", what, "</td>");
	html_tag(b, "<td>", label, "</td>");
	html_tag(b, "<td>", change, "</td></tr>\n");
}

/* "field: old → new; " into t when old and new differ. */
static void
field_change(struct pt_buf *t, const char *field, const char *a, const char *b)
{
	if (a == NULL)
		a = "-";
	if (b == NULL)
		b = "-";
	if (strcmp(a, b) != 0)
		pt_buf_addf(t, "%s%s: %s \xe2\x86\x92 %s",
		            t->len > 0 ? "; " : "", field, a, b);
}

/* The differences of two actors, field by field ("" when none); caller
 * frees. */
static char *
actor_changes(const struct design_actor *a, const struct design_actor *b)
{
	struct pt_buf t = PT_BUF_INIT;
	char *x, *y;

	pt_buf_adds(&t, "");
	field_change(&t, "rol", a->rol, b->rol);
	field_change(&t, "naam", a->naam, b->naam);
	field_change(&t, "gecertificeerd", a->gecertificeerd ? "ja" : "nee",
	             b->gecertificeerd ? "ja" : "nee");
	x = bit_str(a->aangewezen, vocab_aanwijzing_names, VOCAB_NAANWIJZING);
	y = bit_str(b->aangewezen, vocab_aanwijzing_names, VOCAB_NAANWIJZING);
	field_change(&t, "aangewezen als", x, y);
	free(x);
	free(y);
	field_change(
	    &t, "doelgroep",
	    a->doelgroep == DOELGROEP_ALLE ? "alle leeftijden" : "jeugd",
	    b->doelgroep == DOELGROEP_ALLE ? "alle leeftijden" : "jeugd");
	return pt_buf_detach(&t);
}

static void
actors_diff(struct pt_buf *b, size_t *n, const struct design *a,
            const struct design *z)
{
	size_t i;
	long j;
	char *s, *l;

	for (i = 0; i < a->nactors; i++) {
		l = report_actor_label(a, a->actors[i].id);
		if ((j = design_actor_index(z, a->actors[i].id)) < 0) {
			change_row(b, n, "actor", l, "vervallen");
		} else {
			s = actor_changes(&a->actors[i], &z->actors[j]);
			if (*s != '\0')
				change_row(b, n, "actor", l, s);
			free(s);
		}
		free(l);
	}
	for (i = 0; i < z->nactors; i++) {
		if (design_actor_index(a, z->actors[i].id) >= 0)
			continue;
		l = report_actor_label(z, z->actors[i].id);
		s = xasprintf("toegevoegd (%s)", z->actors[i].rol);
		change_row(b, n, "actor", l, s);
		free(s);
		free(l);
	}
}

/* Whether d gives task t to the actor with id actor. */
static int
has_task(const struct design *d, const char *t, const char *actor)
{
	size_t i;

	for (i = 0; i < d->ntaken; i++)
		if (strcmp(d->taken[i].id, t) == 0 &&
		    strcmp(d->actors[d->taken[i].actor].id, actor) == 0)
			return 1;
	return 0;
}

static void
tasks_diff(struct pt_buf *b, size_t *n, const struct design *a,
           const struct design *z)
{
	const struct design *d[2] = {a, z};
	size_t i, k;
	char *l;

	for (k = 0; k < 2; k++)
		for (i = 0; i < d[k]->ntaken; i++) {
			const struct design_taak *t = &d[k]->taken[i];
			const char *actor = d[k]->actors[t->actor].id;

			if (has_task(d[1 - k], t->id, actor))
				continue;
			l = xasprintf("%s: %s", t->id, actor);
			change_row(b, n, "taak", l,
			           k == 0 ? "vervallen" : "toegevoegd");
			free(l);
		}
}

/* A flow's contents (not its actors), for comparing; caller frees. */
static char *
flow_desc(const struct design_deling *f)
{
	struct pt_buf t = PT_BUF_INIT;
	char *g = bit_str(f->gegevens, vocab_gegevens_names, VOCAB_NGEGEVENS);
	size_t k;

	pt_buf_addf(&t, "gegevens %s, grondslag %s", g,
	            grondslag_label(f->grondslag));
	free(g);
	for (k = 0; k < f->nbepalingen; k++) {
		const struct design_bepaling *p = &f->bepalingen[k];

		pt_buf_addf(&t, "%s %s art. %s%s%s", k == 0 ? "," : ";", p->bwb,
		            p->artikel, p->lid != NULL ? " lid " : "",
		            p->lid != NULL ? p->lid : "");
	}
	return pt_buf_detach(&t);
}

/* The flow of d from van to naar that is the k-th such, or NULL. */
static const struct design_deling *
nth_flow(const struct design *d, const char *van, const char *naar, size_t k)
{
	size_t i;

	for (i = 0; i < d->ndelingen; i++)
		if (strcmp(d->actors[d->delingen[i].van].id, van) == 0 &&
		    strcmp(d->actors[d->delingen[i].naar].id, naar) == 0 &&
		    k-- == 0)
			return &d->delingen[i];
	return NULL;
}

/* Flows are matched by sender and receiver, in file order. */
static void
flows_diff(struct pt_buf *b, size_t *n, const struct design *a,
           const struct design *z)
{
	const struct design *d[2] = {a, z};
	size_t i, j, k, occ;
	char *l, *x, *y, *m;

	for (k = 0; k < 2; k++)
		for (i = 0; i < d[k]->ndelingen; i++) {
			const struct design_deling *f = &d[k]->delingen[i], *o;
			const char *van = d[k]->actors[f->van].id;
			const char *naar = d[k]->actors[f->naar].id;

			for (j = 0, occ = 0; j < i; j++)
				if (d[k]->delingen[j].van == f->van &&
				    d[k]->delingen[j].naar == f->naar)
					occ++;
			o = nth_flow(d[1 - k], van, naar, occ);
			if (o != NULL && k == 1)
				continue; /* compared from the other side */
			l = xasprintf("%s \xe2\x86\x92 %s", van, naar);
			x = flow_desc(f);
			if (o == NULL) {
				m = xasprintf(
				    "%s: %s",
				    k == 0 ? "vervallen" : "toegevoegd", x);
				change_row(b, n, "gegevensdeling", l, m);
				free(m);
			} else if (strcmp(x, (y = flow_desc(o))) != 0) {
				m = xasprintf("%s \xe2\x86\x92 %s", x, y);
				change_row(b, n, "gegevensdeling", l, m);
				free(m);
				free(y);
			} else {
				free(y);
			}
			free(x);
			free(l);
		}
}

/* An integral file as the sorted ids of its actors; caller frees. */
static char *
dossier_key(const struct design *d, const struct design_dossier *f)
{
	struct pt_buf t = PT_BUF_INIT;
	const char **ids = xcalloc(f->nactoren + 1, sizeof *ids);
	size_t i, j;

	for (i = 0; i < f->nactoren; i++) {
		const char *id = d->actors[f->actoren[i]].id;

		for (j = i; j > 0 && strcmp(ids[j - 1], id) > 0; j--)
			ids[j] = ids[j - 1];
		ids[j] = id;
	}
	for (i = 0; i < f->nactoren; i++)
		pt_buf_addf(&t, "%s%s", i > 0 ? ", " : "", ids[i]);
	free(ids);
	pt_buf_adds(&t, "");
	return pt_buf_detach(&t);
}

static void
dossiers_diff(struct pt_buf *b, size_t *n, const struct design *a,
              const struct design *z)
{
	const struct design *d[2] = {a, z};
	size_t i, j, k;
	int found;
	char *x, *y;

	for (k = 0; k < 2; k++)
		for (i = 0; i < d[k]->ndossiers; i++) {
			x = dossier_key(d[k], &d[k]->dossiers[i]);
			for (j = 0, found = 0; j < d[1 - k]->ndossiers; j++) {
				y = dossier_key(d[1 - k],
				                &d[1 - k]->dossiers[j]);
				found |= strcmp(x, y) == 0;
				free(y);
			}
			if (!found)
				change_row(b, n, "integraal dossier", x,
				           k == 0 ? "vervallen" : "toegevoegd");
			free(x);
		}
}

/* The general fields: naam, omschrijving, peildatum, gemeenten. */
static void
general_diff(struct pt_buf *b, size_t *n, const struct design *a,
             const struct design *z)
{
	struct pt_buf ga = PT_BUF_INIT, gz = PT_BUF_INIT, t = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < a->ngemeenten; i++)
		pt_buf_addf(&ga, "%s%s", i > 0 ? ", " : "", a->gemeenten[i]);
	for (i = 0; i < z->ngemeenten; i++)
		pt_buf_addf(&gz, "%s%s", i > 0 ? ", " : "", z->gemeenten[i]);
	pt_buf_adds(&ga, "");
	pt_buf_adds(&gz, "");
	pt_buf_adds(&t, "");
	field_change(&t, "naam", a->naam, z->naam);
	field_change(&t, "omschrijving", a->omschrijving, z->omschrijving);
	field_change(&t, "peildatum", a->peildatum, z->peildatum);
	field_change(&t, "gemeenten", ga.s, gz.s);
	if (t.len > 0)
		change_row(b, n, "proeftuin", a->id, t.s);
	pt_buf_release(&ga);
	pt_buf_release(&gz);
	pt_buf_release(&t);
}

/* How many changes the compare page would list from a to z (0: the same
 * design, whatever its XML looks like). */
static size_t
design_changes(const struct design *a, const struct design *z)
{
	struct pt_buf scratch = PT_BUF_INIT;
	size_t n = 0;

	general_diff(&scratch, &n, a, z);
	actors_diff(&scratch, &n, a, z);
	tasks_diff(&scratch, &n, a, z);
	flows_diff(&scratch, &n, a, z);
	dossiers_diff(&scratch, &n, a, z);
	pt_buf_release(&scratch);
	return n;
}

/* The findings of one version that the other does not have. */
static void
findings_only_in(struct pt_buf *b, const struct saved_finding *x, size_t nx,
                 const struct saved_finding *y, size_t ny, const char *title)
{
	size_t i, j, shown = 0;

	h(b, 3, title);
	for (i = 0; i < nx; i++) {
		for (j = 0; j < ny; j++)
			if (strcmp(x[i].id, y[j].id) == 0)
				break;
		if (j < ny)
			continue;
		if (shown++ == 0)
			pt_buf_adds(b, "<ul>\n");
		pt_buf_adds(b, "<li>");
		html_href(b, "/findings/", x[i].id, "",
		          x[i].title != NULL ? x[i].title : x[i].id);
		html_tag(b, " (",
		         strcmp(x[i].kind, "risk") == 0 ? "risico"
		                                        : "belemmering",
		         ")");
		html_tag(b, "<br><code>", x[i].id, "</code></li>\n");
	}
	pt_buf_adds(b, shown > 0 ? "</ul>\n" : "<p>Geen.</p>\n");
}

/* The body of the compare page, below its heading. */
static enum pt_status
compare_body(const struct web_ctx *c, const char *id, int van, int naar,
             const struct design *a, const struct design *z, struct pt_buf *out,
             struct pt_err *err)
{
	struct saved_finding *fa = NULL, *fz = NULL;
	size_t na = 0, nz = 0, n = 0;

	if (saved_version_findings(c->st, id, van, &fa, &na, err) != PT_OK ||
	    saved_version_findings(c->st, id, naar, &fz, &nz, err) != PT_OK) {
		saved_findings_free(fa, na);
		return PT_EDB;
	}
	h(out, 2, "Wat veranderde in het ontwerp");
	general_diff(out, &n, a, z);
	actors_diff(out, &n, a, z);
	tasks_diff(out, &n, a, z);
	flows_diff(out, &n, a, z);
	dossiers_diff(out, &n, a, z);
	pt_buf_adds(out, n > 0 ? "</tbody>\n</table></div>\n"
	                       : "<p>Niets: het ontwerp is inhoudelijk "
	                         "gelijk.</p>\n");
	h(out, 2, "Bevindingen");
	pt_buf_addf(
	    out,
	    "<p>Zoals elke versie bij het opslaan werd getoetst: "
	    "versie %d had %zu bevinding%s, versie %d heeft er %zu.</p>\n",
	    van, na, na == 1 ? "" : "en", naar, nz);
	findings_only_in(out, fz, nz, fa, na, "Nieuw");
	findings_only_in(out, fa, na, fz, nz, "Verdwenen");
	saved_findings_free(fa, na);
	saved_findings_free(fz, nz);
	return PT_OK;
}

int
web_compare(const struct web_ctx *c, const char *id, const char *van_s,
            const char *naar_s, struct pt_buf *out, struct pt_err *err)
{
	int van = version_arg(van_s), naar = version_arg(naar_s);
	struct design *a = NULL, *z = NULL;
	enum pt_status s;
	char *t;

	if (van < 0 || naar < 0)
		return web_error(c, 400,
		                 "Geef twee versienummers, bijvoorbeeld "
		                 "?van=1&naar=2 (gehele getallen vanaf 1).",
		                 out);
	s = version_design(c, id, van, &a, err);
	if (s == PT_OK)
		s = version_design(c, id, naar, &z, err);
	if (s == PT_ENOTFOUND) {
		design_free(a);
		t = xasprintf("Proeftuin %s heeft geen versie %d.", id,
		              a == NULL ? van : naar);
		s = web_error(c, 404, t, out);
		free(t);
		return s;
	}
	if (s != PT_OK) {
		design_free(a);
		return db_error(c, out);
	}
	t = xasprintf("Proeftuin %s: versie %d en %d", id, van, naar);
	page_begin(out, c, t);
	h(out, 1, t);
	free(t);
	pt_buf_adds(out, "<p>");
	html_href(out, "/proeftuinen/", id, "/versies", "Alle versies");
	pt_buf_adds(out, "; ");
	html_href(out, "/proeftuinen/", id, "", "de proeftuin");
	pt_buf_adds(out, ".</p>\n");
	s = compare_body(c, id, van, naar, a, z, out, err);
	design_free(a);
	design_free(z);
	if (s != PT_OK)
		return db_error(c, out);
	page_end(out);
	return 200;
}

/* --- creating and editing a design -----------------------------------------
 */

/* The problems of a design just sent, next to the field. */
static void
form_problems(struct pt_buf *b, const char *msg, const struct pt_err *e)
{
	size_t i;

	if (msg == NULL && (e == NULL || e->code == PT_OK))
		return;
	pt_buf_adds(b, "<div class=\"melding\" role=\"alert\" "
	               "id=\"fouten\">\n<p><strong>Het ontwerp is niet "
	               "opgeslagen.</strong>");
	if (msg != NULL)
		html_tag(b, " ", msg, "");
	pt_buf_adds(b, "</p>\n");
	if (e != NULL && e->code != PT_OK) {
		pt_buf_adds(b, "<p>De ontwerplezer (dezelfde als die van "
		               "<code>proeftoets proeftuin add</code>) meldt:"
		               "</p>\n<ul>\n<li>");
		if (e->line > 0)
			pt_buf_addf(b, "regel %ld: ", e->line);
		html_esc(b, e->msg);
		pt_buf_adds(b, "</li>\n");
		for (i = 0; i < e->nmore; i++) {
			pt_buf_adds(b, "<li>");
			if (e->more[i].line > 0)
				pt_buf_addf(b, "regel %ld: ", e->more[i].line);
			html_esc(b, e->more[i].msg);
			pt_buf_adds(b, "</li>\n");
		}
		if (e->omitted > 0)
			pt_buf_addf(b, "<li>en nog %zu fout%s</li>\n",
			            e->omitted, e->omitted == 1 ? "" : "en");
		pt_buf_adds(b, "</ul>\n");
	}
	pt_buf_adds(b, "</div>\n");
}

/* The hidden field of the forms, and their action (the id edited goes in
 * the query, so that the field form keeps within the field limit). */
static void
form_open(struct pt_buf *b, const struct web_ctx *c, const char *edit_id,
          const char *extra)
{
	pt_buf_adds(b, "<form method=\"post\" action=\"/proeftuinen");
	if (edit_id != NULL) {
		pt_buf_adds(b, "?vorige=");
		html_url_encode(b, edit_id);
	}
	pt_buf_addf(b, "\" class=\"beoordeling\"%s>\n", extra);
	pt_buf_adds(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_esc(b, c->csrf);
	pt_buf_adds(b, "\">\n");
}

/* The reader's errors about field f of the field form, or the ones no
 * field has (f = -1); how many. */
static size_t
field_errors(struct pt_buf *b, const struct web_design_sent *sent, int f)
{
	const struct pt_err *e = sent->e;
	size_t i, n = 0;
	long fl;

	if (e == NULL || e->code == PT_OK || sent->map == NULL)
		return 0;
	for (i = 0; i <= e->nmore; i++) {
		long line = i == 0 ? e->line : e->more[i - 1].line;
		const char *m = i == 0 ? e->msg : e->more[i - 1].msg;

		if (designform_where(sent->map, line, m, &fl) != f)
			continue;
		if (n++ == 0)
			pt_buf_addf(b,
			            "<ul class=\"melding\" id=\"fout-%s\">\n",
			            f >= 0 ? designform_names[f] : "ontwerp");
		pt_buf_adds(b, "<li>");
		if (f >= 0 && fl > 0)
			pt_buf_addf(b, "regel %ld: ", fl);
		html_esc(b, m);
		pt_buf_adds(b, "</li>\n");
	}
	if (n > 0)
		pt_buf_adds(b, "</ul>\n");
	return n;
}

/* The form in fields (designform.h). */
static void
fields_form(struct pt_buf *b, const struct web_ctx *c, const char *edit_id,
            const struct designform *v, const struct web_design_sent *sent)
{
	static const char *const labels[DF_N] = {
	    "Id (kleine letters, cijfers en -)",
	    "Naam",
	    "Omschrijving",
	    "Peildatum (JJJJ-MM-DD; leeg: vandaag)",
	    "Gemeenten (een per regel)",
	    "Actoren, een per regel: id; rol; naam; gecertificeerd (ja/nee); "
	    "aangewezen-als; doelgroep (jeugd/alle-leeftijden); taken "
	    "(gescheiden door spaties)",
	    "Gegevensdeling, een per regel: deling; van; naar; gegevens; "
	    "grondslag (geen/toestemming/wettelijk); bepalingen (BWB-id "
	    "artikel lid, gescheiden door komma's), of: dossier; actor actor "
	    "..."};
	size_t i, n;

	h(b, 2, "Het ontwerp in velden");
	form_open(b, c, edit_id, "");
	if (sent != NULL && sent->fields != NULL)
		field_errors(b, sent, -1);
	for (i = 0; i < DF_N; i++) {
		const char *nm = designform_names[i];
		int line = i == DF_ID || i == DF_NAAM || i == DF_PEILDATUM;

		html_tag(b, "<label for=\"v-", nm, "\">");
		html_esc(b, labels[i]);
		pt_buf_adds(b, "</label>\n");
		n = 0;
		if (sent != NULL && sent->fields != NULL) {
			n = field_errors(b, sent, (int)i);
			if (i == DF_ID && sent->msg != NULL && n++ == 0)
				html_tag(b,
				         "<p class=\"melding\" id=\"fout-id\">",
				         sent->msg, "</p>\n");
		}
		html_tag(b,
		         line ? "<input type=\"text\" id=\"v-"
		              : "<textarea rows=\"6\" spellcheck=\"false\" "
		                "id=\"v-",
		         nm, "\" name=\"");
		html_esc(b, nm);
		pt_buf_adds(b, "\"");
		if (n > 0)
			html_tag(
			    b,
			    " aria-invalid=\"true\" aria-describedby=\"fout-",
			    nm, "\"");
		if (line) {
			html_tag(b, " value=\"", v != NULL ? v->v[i] : NULL,
			         "\">\n");
		} else {
			pt_buf_adds(b, ">");
			html_esc(b, v != NULL ? v->v[i] : NULL);
			pt_buf_adds(b, "</textarea>\n");
		}
	}
	pt_buf_adds(b, "<div><button type=\"submit\">Opslaan</button></div>\n"
	               "</form>\n");
}

/* The upload and the XML text field. */
static void
xml_forms(struct pt_buf *b, const struct web_ctx *c, const char *edit_id,
          const char *text, const struct web_design_sent *sent)
{
	int mine = sent != NULL && sent->fields == NULL;

	h(b, 2, "Een ontwerpbestand opladen");
	form_open(b, c, edit_id, " enctype=\"multipart/form-data\"");
	pt_buf_addf(b,
	            "<label for=\"bestand\">Ontwerpbestand (XML, ten hoogste "
	            "%d KiB)</label>\n<input type=\"file\" id=\"bestand\" "
	            "name=\"ontwerp\" accept=\".xml,application/xml,text/xml\" "
	            "required>\n<div><button type=\"submit\">Bestand "
	            "opslaan</button></div>\n</form>\n",
	            WEB_MAX_UPLOAD / 1024);
	h(b, 2, "Het ontwerp als XML");
	form_open(b, c, edit_id, "");
	pt_buf_adds(b, "<label for=\"tekst\">Ontwerp (XML)</label>\n");
	if (mine)
		form_problems(b, sent->msg, sent->e);
	pt_buf_adds(b, "<textarea id=\"tekst\" name=\"ontwerp\" rows=\"24\" "
	               "spellcheck=\"false\"");
	if (mine &&
	    (sent->msg != NULL || (sent->e != NULL && sent->e->code != PT_OK)))
		pt_buf_adds(b, " aria-invalid=\"true\" "
		               "aria-describedby=\"fouten\"");
	pt_buf_adds(b, ">");
	html_esc(b, text != NULL ? text : "");
	pt_buf_adds(b, "</textarea>\n<div><button type=\"submit\">"
	               "Opslaan</button></div>\n</form>\n");
}

int
web_design_form(const struct web_ctx *c, const char *edit_id,
                const struct web_design_sent *sent, int status,
                struct pt_buf *out, struct pt_err *err)
{
	char *xml = NULL, *name = NULL, *t;
	struct designform fresh;
	struct design *d = NULL;
	const struct designform *v = NULL;
	const char *text = NULL;
	size_t len;
	enum pt_status s;

	if (!c->reviewer)
		return web_error(c, 403,
		                 "Alleen een beoordelaar mag proeftuinen "
		                 "aanmaken of bewerken.",
		                 out);
	memset(&fresh, 0, sizeof fresh);
	if (sent != NULL) {
		text = sent->text;
		v = sent->fields;
	} else if (edit_id != NULL) {
		s = latest_design(c, edit_id, &xml, &len, &name, err);
		if (s == PT_ENOTFOUND)
			return web_error(
			    c, 404, "Deze proeftuin is niet opgeslagen.", out);
		if (s != PT_OK)
			return db_error(c, out);
		text = xml;
		if (design_load_memory(xml, len, name, c->today, &d, err) ==
		    PT_OK)
			designform_from_design(d, &fresh);
		pt_err_clear(err);
		design_free(d);
		v = &fresh;
	}
	t = edit_id != NULL ? xasprintf("Proeftuin %s bewerken", edit_id)
	                    : xstrdup("Nieuwe proeftuin");
	page_begin(out, c, t);
	h(out, 1, t);
	free(t);
	pt_buf_adds(
	    out, "<p>Vul het ontwerp in velden in, laad een ontwerpbestand "
	         "op of bewerk het als XML.  Het wordt gelezen en getoetst "
	         "zoals <code>proeftoets proeftuin add</code> dat doet: bij "
	         "een fout wordt niets opgeslagen, en een ontwerp dat gelijk "
	         "is aan de laatste versie maakt geen nieuwe versie.</p>\n");
	if (edit_id != NULL)
		html_tag(out, "<p>Het id moet <code>", edit_id,
		         "</code> blijven; een ander id is een andere "
		         "proeftuin.</p>\n");
	fields_form(out, c, edit_id, v, sent);
	xml_forms(out, c, edit_id, text, sent);
	designform_release(&fresh);
	free(xml);
	free(name);
	page_end(out);
	return status;
}

/* Whether d says what the latest saved version of its proeftuin says
 * (the form writes the same design in other words than a file may). */
static int
same_as_latest(const struct web_ctx *c, const struct design *d,
               struct pt_err *err)
{
	struct design *l = NULL;
	char *xml, *name;
	size_t len;
	int same = 0;

	if (latest_design(c, d->id, &xml, &len, &name, err) != PT_OK) {
		pt_err_clear(err);
		return 0;
	}
	if (design_load_memory(xml, len, name, c->today, &l, err) == PT_OK)
		same = design_changes(l, d) == 0 &&
		       l->peildatum_given == d->peildatum_given;
	pt_err_clear(err);
	design_free(l);
	free(xml);
	free(name);
	return same;
}

enum pt_status
web_design_save(const struct web_ctx *c, const char *edit_id, const char *xml,
                size_t len, char **id, int *added, char **msg,
                struct pt_err *err)
{
	struct design *d = NULL;
	struct check_result *r = NULL;
	struct saved_put_info info;
	char *name;
	long nb, nr;
	int exists;
	enum pt_status s;

	*id = NULL;
	*added = 0;
	*msg = NULL;
	if (len == 0) {
		*msg = xstrdup("Het ontwerp is leeg.");
		return PT_EUSAGE;
	}
	/* The source of the version says who saved it, and where. */
	name = xasprintf("webwerkruimte (%s)", c->user != NULL ? c->user : "?");
	s = design_load_memory(xml, len, name, c->today, &d, err);
	free(name);
	if (s != PT_OK)
		return s;
	s = saved_counts(c->st, d->id, &nb, &nr, err);
	exists = s == PT_OK;
	if (s == PT_ENOTFOUND) {
		pt_err_clear(err);
		s = PT_OK;
	}
	if (s != PT_OK) {
		/* the registry could not be read */
	} else if (edit_id != NULL && strcmp(d->id, edit_id) != 0) {
		*msg = xasprintf("Het ontwerp heeft id %s, maar u bewerkt "
		                 "proeftuin %s.",
		                 d->id, edit_id);
		s = PT_EUSAGE;
	} else if (edit_id != NULL && !exists) {
		*msg = xasprintf("Proeftuin %s is niet opgeslagen; maak hem "
		                 "aan als nieuwe proeftuin.",
		                 d->id);
		s = PT_EUSAGE;
	} else if (edit_id == NULL && exists) {
		*msg = xasprintf("Proeftuin %s bestaat al; bewerk die "
		                 "proeftuin of kies een ander id.",
		                 d->id);
		s = PT_EUSAGE;
	} else if (exists && same_as_latest(c, d, err)) {
		/* the design did not change: no version, as proeftuin add */
		*id = xstrdup(d->id);
	} else {
		s = check_run(d, c->rs, c->st, &r, err);
		if (s == PT_OK)
			s = saved_put(c->st, r, xml, len, &info, err);
		if (s == PT_OK) {
			*id = xstrdup(d->id);
			*added = info.added;
		}
	}
	check_result_free(r);
	design_free(d);
	return s;
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
	date_row(b, "Peildatum", d->peildatum, NULL);
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

/* The message of a refused form beside its field name, when it is the
 * field the message is about. */
static void
field_error(struct pt_buf *b, const struct web_ctx *c, const char *field,
            const char *msg)
{
	if (msg == NULL || c->form_error_field == NULL ||
	    strcmp(c->form_error_field, field) != 0)
		return;
	pt_buf_addf(b, "<p class=\"veldfout\" id=\"%s-fout\" role=\"alert\">",
	            field);
	html_esc(b, msg);
	pt_buf_adds(b, "</p>\n");
}

/* The decision form; the values of a refused form (c->form_status,
 * c->form_note) are shown again, msg beside its field. */
static void
review_form(struct pt_buf *b, const struct web_ctx *c, const char *id,
            const char *current, const char *msg)
{
	const char *sel = c->form_status != NULL ? c->form_status : current;
	int s, on_status = 0, on_note = 0;

	if (!c->reviewer) {
		pt_buf_adds(b, "<p>U bent ingelogd als lezer: u kunt de "
		               "beoordeling lezen, niet vastleggen.</p>\n");
		return;
	}
	if (msg != NULL && c->form_error_field != NULL) {
		on_status = strcmp(c->form_error_field, "status") == 0;
		on_note = strcmp(c->form_error_field, "note") == 0;
	}
	pt_buf_adds(b, "<form method=\"post\" class=\"beoordeling\" action=\"");
	pt_buf_adds(b, "/findings/");
	html_url_encode(b, id);
	pt_buf_adds(b, "/review\">\n<input type=\"hidden\" name=\"csrf\" "
	               "value=\"");
	html_esc(b, c->csrf);
	pt_buf_adds(b, "\">\n<label for=\"status\">Beslissing</label>\n");
	field_error(b, c, "status", msg);
	pt_buf_addf(b, "<select id=\"status\" name=\"status\"%s>\n",
	            on_status ? " aria-invalid=\"true\" "
	                        "aria-describedby=\"status-fout\""
	                      : "");
	for (s = 0; s < REVIEW_NSTATUS; s++) {
		const char *name = review_status_name((enum review_status)s);

		html_tag(b, "<option value=\"", name, "\"");
		if (sel != NULL && strcmp(sel, name) == 0)
			pt_buf_adds(b, " selected");
		html_tag(b, ">", status_label(name), "</option>\n");
	}
	pt_buf_adds(b, "</select>\n<label for=\"note\">Toelichting "
	               "(verplicht bij verwerpen)</label>\n");
	field_error(b, c, "note", msg);
	pt_buf_addf(b,
	            "<textarea id=\"note\" name=\"note\" rows=\"4\" "
	            "maxlength=\"%d\"%s>",
	            REVIEW_NOTE_MAX,
	            on_note ? " aria-invalid=\"true\" "
	                      "aria-describedby=\"note-fout\""
	                    : "");
	html_esc(b, c->form_note);
	pt_buf_adds(b, "</textarea>\n<div><button type=\"submit\">Beslissing "
	               "vastleggen</button></div>\n</form>\n");
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
	    b, "<table>\n<caption>Logboek, oudste eerst, in Nederlandse "
	       "tijd; het wordt nooit gewijzigd</caption>\n<thead><tr>"
	       "<th scope=\"col\">Tijd</th><th scope=\"col\">Door</th>"
	       "<th scope=\"col\">Van</th><th scope=\"col\">Naar</th>"
	       "<th scope=\"col\">Toelichting</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		pt_buf_adds(b, "<tr><td>");
		log_time(b, log[i].at);
		html_tag(b, "</td><td>", log[i].by, "</td><td>");
		status_badge(b, log[i].old_status);
		pt_buf_adds(b, "</td><td>");
		status_badge(b, log[i].new_status);
		html_tag(b, "</td><td class=\"tekst\">", log[i].note,
		         "</td></tr>\n");
	}
	pt_buf_adds(b, "</tbody>\n</table>\n");
}

/* The top of the finding page: the current status, the confirmation of
 * a decision just saved or the problem of a refused one, the form. */
static void
decision_section(struct pt_buf *out, const struct web_ctx *c,
                 const struct review_item *it, const char *msg)
{
	h(out, 2, "Beoordeling");
	if (c->saved && msg == NULL && it->by != NULL) {
		pt_buf_adds(out, "<p class=\"opgeslagen\" role=\"status\">"
		                 "Uw beslissing is vastgelegd: ");
		status_badge(out, it->decision);
		pt_buf_adds(out, ".</p>\n");
	}
	pt_buf_adds(out, "<p>Huidige status: ");
	status_badge(out, it->status);
	if (it->by != NULL) {
		html_tag(out, ", laatst door ", it->by, " op ");
		log_time(out, it->at);
	}
	pt_buf_adds(out, "</p>\n");
	if (it->resolved) {
		/* Resolved is final: the log is kept, no decision follows. */
		if (msg != NULL)
			html_tag(out, "<p class=\"melding\" role=\"alert\">",
			         msg, "</p>\n");
		pt_buf_adds(out,
		            "<p>Deze bevinding is opgelost: de laatste "
		            "opgeslagen versie van het ontwerp heeft haar "
		            "niet meer.  Haar inhoud en geschiedenis "
		            "blijven bewaard; er kan geen nieuwe beslissing "
		            "over worden vastgelegd.</p>\n");
		return;
	}
	if (msg != NULL && (c->form_error_field == NULL || !c->reviewer))
		html_tag(out, "<p class=\"melding\" role=\"alert\">", msg,
		         "</p>\n");
	else if (msg != NULL)
		pt_buf_adds(out, "<p class=\"melding\">Er is niets vastgelegd; "
		                 "zie de melding bij het formulier.</p>\n");
	review_form(out, c, it->id, it->decision, msg);
}

/*
 * A resolved finding as the last saved version that produced it gives it,
 * checked with the current rules and registry (PT_OK with *r NULL when
 * that version is gone or its design no longer reads).
 */
static enum pt_status
last_version_of(const struct web_ctx *c, const struct review_item *it,
                struct design **d, struct check_result **r, struct pt_err *err)
{
	char *xml;
	size_t len;
	enum pt_status s;

	*d = NULL;
	*r = NULL;
	s = saved_finding_design(c->st, it->id, &xml, &len, err);
	if (s == PT_OK)
		s = check_saved(c, it->proeftuin, xml, len, d, r, err);
	if (s == PT_EDB)
		return s;
	pt_err_clear(err);
	return PT_OK;
}

/* What the snapshot says of a finding no check gives any more. */
static void
snapshot_details(struct pt_buf *b, const struct review_item *it)
{
	pt_buf_adds(b, "<table class=\"velden\">\n");
	pt_buf_adds(b, "<tr><th scope=\"row\">Proeftuin</th><td>");
	html_href(b, "/proeftuinen/", it->proeftuin, "", it->proeftuin);
	pt_buf_adds(b, "</td></tr>\n");
	row(b, "Titel", it->title);
	row(b, "Soort", it->kind);
	row(b, "Ernst", it->severity);
	pt_buf_adds(b, "<tr><th scope=\"row\">Regel</th><td>");
	html_tag(b, "<code>", it->rule, "</code></td></tr>\n");
	pt_buf_adds(b, "</table>\n");
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
	     recheck(c, it->proeftuin, &d, &r, err) != PT_OK) ||
	    (it->resolved && last_version_of(c, it, &d, &r, err) != PT_OK)) {
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
	decision_section(out, c, it, msg);
	h(out, 2, "De bevinding");
	if (it->resolved) {
		pt_buf_adds(out, "<p>Deze bevinding komt in de laatste "
		                 "opgeslagen versie van ");
		html_href(out, "/proeftuinen/", it->proeftuin, "",
		          it->proeftuin);
		pt_buf_adds(out, " niet meer voor (opgelost).");
		if (f != NULL)
			pt_buf_adds(out,
			            "  Hieronder staat zij zoals de laatste "
			            "versie die haar had, opnieuw getoetst "
			            "aan de huidige regels en het register, "
			            "haar geeft.");
		pt_buf_adds(out, "</p>\n");
	}
	if (f != NULL)
		finding_details(out, d, f);
	else
		snapshot_details(out, it);
	h(out, 2, "Geschiedenis");
	log_table(out, log, n);
	html_legend(out, 2);
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
	if (date != NULL)
		date_row(out, "Gevraagd op", date, NULL);
	else
		row(out, "Gevraagd op", "nieuwste versie");
	if (t.version_date != NULL)
		date_row(out, "Versie geldend vanaf", t.version_date, NULL);
	else
		row(out, "Versie geldend vanaf", "onbekende datum");
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
			pt_buf_adds(out, "\">geldend vanaf ");
			html_date(out, d);
			pt_buf_adds(out, "</a></li>\n");
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
	pt_buf_adds(out, "<p>Van de versie geldend vanaf ");
	html_date(out,
	          a.version_date != NULL ? a.version_date : "onbekende datum");
	pt_buf_adds(out, " naar die geldend vanaf ");
	html_date(out,
	          b.version_date != NULL ? b.version_date : "onbekende datum");
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
	{ /* cited as the reports cite it */
		struct cite_ref r = {bwb, p.citeertitel, artikel, lid, NULL};

		title = cite_ref(&r, CITE_KORT);
	}
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
	if (date != NULL)
		date_row(out, "Gevraagd op", date, NULL);
	else
		row(out, "Gevraagd op", "nieuwste versie");
	if (p.date_unknown || p.version_date == NULL)
		row(out, "Versie geldend vanaf", "onbekende datum");
	else
		date_row(out, "Versie geldend vanaf", p.version_date, NULL);
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
	html_legend(out, 2);
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
