/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * html.c: shared HTML helpers and the provision renderer.  See html.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "html.h"
#include "provenance.h"
#include "report.h"
#include "rules.h"

void
html_esc(struct pt_buf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			pt_buf_adds(b, "&amp;");
			break;
		case '<':
			pt_buf_adds(b, "&lt;");
			break;
		case '>':
			pt_buf_adds(b, "&gt;");
			break;
		case '"':
			pt_buf_adds(b, "&quot;");
			break;
		case '\'':
			pt_buf_adds(b, "&#39;");
			break;
		default:
			pt_buf_addc(b, *s);
		}
	}
}

void
html_tag(struct pt_buf *b, const char *open, const char *s, const char *close)
{
	pt_buf_adds(b, open);
	html_esc(b, s);
	pt_buf_adds(b, close);
}

void
html_heading(struct pt_buf *b, int level, const char *s)
{
	if (level > 6)
		level = 6;
	pt_buf_addf(b, "<h%d>", level);
	html_esc(b, s);
	pt_buf_addf(b, "</h%d>\n", level);
}

void
html_date(struct pt_buf *b, const char *iso)
{
	char nl[48];

	provenance_date_nl(iso, nl);
	if (iso == NULL || strcmp(nl, iso) == 0) {
		html_esc(b, nl);
		return;
	}
	html_tag(b, "<time datetime=\"", iso, "\">");
	html_tag(b, "", nl, "</time>");
}

int
html_is_web_url(const char *u)
{
	return u != NULL && (strncmp(u, "https://", 8) == 0 ||
	                     strncmp(u, "http://", 7) == 0);
}

void
html_url_encode(struct pt_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	if (s == NULL)
		return;
	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			pt_buf_addc(b, (char)*p);
		} else {
			pt_buf_addc(b, '%');
			pt_buf_addc(b, hex[*p >> 4]);
			pt_buf_addc(b, hex[*p & 15]);
		}
	}
}

void
html_href(struct pt_buf *b, const char *prefix, const char *id,
          const char *suffix, const char *text)
{
	pt_buf_adds(b, "<a href=\"");
	pt_buf_adds(b, prefix);
	html_url_encode(b, id);
	pt_buf_adds(b, suffix);
	pt_buf_adds(b, "\">");
	html_esc(b, text);
	pt_buf_adds(b, "</a>");
}

void
html_register_link(struct pt_buf *b, const struct rule_provision *rp,
                   const char *date, const char *text)
{
	pt_buf_adds(b, "<a href=\"/wet/");
	html_url_encode(b, rp->bwb);
	pt_buf_adds(b, "/");
	html_url_encode(b, rp->artikel);
	pt_buf_adds(b, "?date=");
	html_url_encode(b, date);
	if (rp->lid != NULL) {
		pt_buf_adds(b, "&amp;lid=");
		html_url_encode(b, rp->lid);
	}
	pt_buf_adds(b, "\">");
	html_esc(b, text);
	pt_buf_adds(b, "</a>");
}

/* The text as a <blockquote>, folded when it is long. */
static void
provision_text(struct pt_buf *b, const struct finding_provision *p,
               const struct html_provision_opts *o)
{
	size_t len = strlen(p->text);
	int fold = o != NULL && o->fold > 0 && len > o->fold;

	/* Long texts (definition articles) fold away; no script needed. */
	if (fold)
		pt_buf_addf(b,
		            "<details><summary>Tekst (%zu tekens) tonen"
		            "</summary>\n",
		            len);
	pt_buf_adds(b, "<blockquote");
	if (html_is_web_url(p->url))
		html_tag(b, " cite=\"", p->url, "\"");
	pt_buf_adds(b, ">");
	html_esc(b, p->text);
	pt_buf_adds(b, "</blockquote>\n");
	if (fold)
		pt_buf_adds(b, "</details>\n");
}

void
html_provision(struct pt_buf *b, const struct finding_provision *p,
               const struct html_provision_opts *o)
{
	char *cite, *notes, *line, *nl;

	cite = cite_provision(p);
	pt_buf_adds(b, "<div class=\"bepaling\">\n<p><strong>");
	html_esc(b, cite);
	pt_buf_adds(b, "</strong>");
	free(cite);
	if (p->rp != NULL) {
		pt_buf_adds(b, " \xe2\x80\x94 ");
		if (!rules_zekerheid_verified(p->rp->zekerheid))
			html_tag(b, "<span class=\"let-op\">",
			         report_zekerheid_label(p->rp->zekerheid),
			         "</span>");
		else
			html_esc(b, report_zekerheid_label(p->rp->zekerheid));
	}
	pt_buf_adds(b, "</p>\n");
	if (p->in_registry && p->text != NULL)
		provision_text(b, p, o);
	notes = report_provision_notes(p);
	for (line = notes; *line != '\0'; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		else
			nl = line + strlen(line);
		html_tag(b, "<p class=\"let-op\">Let op: ", line, "</p>\n");
	}
	free(notes);
	pt_buf_adds(b, "<p>Juriconnect: ");
	if (p->jci != NULL)
		html_tag(b, "<code>", p->jci, "</code>");
	else
		pt_buf_adds(b, "-");
	if (p->in_registry && p->text != NULL) {
		if (p->date_unknown)
			pt_buf_adds(b, "; versie met onbekende datum");
		else if (p->version_date != NULL) {
			pt_buf_adds(b, "; tekst geldend vanaf ");
			html_date(b, p->version_date);
		}
	}
	if (html_is_web_url(p->url))
		html_tag(b, "; <a href=\"", p->url,
		         "\">wetten.overheid.nl</a>");
	else if (p->url != NULL)
		html_tag(b, "; <code>", p->url, "</code>");
	if (o != NULL && o->register_date != NULL && p->rp != NULL) {
		pt_buf_adds(b, "; ");
		html_register_link(b, p->rp, o->register_date,
		                   "in het register");
	}
	pt_buf_adds(b, "</p>\n</div>\n");
}

void
html_legend(struct pt_buf *b, int level)
{
	static const char *const terms[][2] = {
	    {"Analyse B1, R3",
	     "het nummer van de belemmering (B) of het "
	     "rechtsbeschermingsrisico (R) in de juridische analyse waarop de "
	     "regel berust."},
	    {"Laagste niveau",
	     "het laagste niveau van regelgeving waarop de belemmering kan "
	     "worden weggenomen: wet, algemene maatregel van bestuur (AMvB), "
	     "ministeri\xc3\xable regeling of besluit van het college."},
	    {"V26",
	     "geverifieerd: de tekst is letterlijk gelezen in een recente "
	     "geconsolideerde tekst (2025/2026)."},
	    {"V15",
	     "alleen gelezen in een tekst van omstreeks 2015; de bepaling kan "
	     "sindsdien gewijzigd zijn."},
	    {"P", "een beleidsbron of standpunt, geen wettekst; niet "
	          "geverifieerd als wettekst."},
	    {"GK", "algemene kennis, niet in een tekst geverifieerd: een "
	           "hypothese tot iemand het nagaat."}};
	size_t i;

	pt_buf_adds(b, "<section id=\"verklaring\" class=\"verklaring\">\n");
	html_heading(b, level, "Verklaring van termen");
	pt_buf_adds(b, "<dl>\n");
	for (i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		html_tag(b, "<dt>", terms[i][0], "</dt>");
		html_tag(b, "<dd>", terms[i][1], "</dd>\n");
	}
	pt_buf_adds(b, "</dl>\n</section>\n");
}
