/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * html.h: the HTML pieces shared by the HTML report (report_html.c) and
 * the web workspace (web.c): escaping, links, headings, and the one
 * rendering of a quoted provision.
 *
 * Every value from outside the program goes through html_esc() (or a
 * helper that calls it); only http(s) addresses become links, and path
 * parts are percent-encoded.  The helpers append to a caller-owned
 * pt_buf; nothing to free.
 */
#ifndef PROEFTOETS_HTML_H
#define PROEFTOETS_HTML_H

#include "buf.h"
#include "check.h"

/* s with & < > " ' escaped (NULL appends nothing). */
void html_esc(struct pt_buf *b, const char *s);
/* open, s escaped, close. */
void html_tag(struct pt_buf *b, const char *open, const char *s,
              const char *close);
/* <hN>s</hN> with N at most 6. */
void html_heading(struct pt_buf *b, int level, const char *s);
/* Whether u is an http or https address (only those become links). */
/* A date "2026-07-01" as <time datetime="2026-07-01">1 juli 2026</time>;
 * anything else escaped as it is. */
void html_date(struct pt_buf *b, const char *iso);

int html_is_web_url(const char *u);
/* s percent-encoded for a path part or a query value (RFC 3986 unreserved
 * characters kept). */
void html_url_encode(struct pt_buf *b, const char *s);
/* <a href="prefix<encoded id>suffix">text</a>; prefix and suffix are the
 * program's own. */
void html_href(struct pt_buf *b, const char *prefix, const char *id,
               const char *suffix, const char *text);

/* <a href="/wet/BWB/ARTIKEL?date=DATE[&lid=LID]">text</a>: the web
 * workspace's page of the provision rp at date. */
void html_register_link(struct pt_buf *b, const struct rule_provision *rp,
                        const char *date, const char *text);

/* How html_provision() renders. */
struct html_provision_opts {
	/* Fold a text longer than this many bytes into <details>; 0: never. */
	size_t fold;
	/* Link to the registry's page of the provision at this date (the
	 * web workspace's /wet/BWB/ARTIKEL?date=...); NULL: no link. */
	const char *register_date;
};

/*
 * One quoted provision: its citation and verification mark, the text (as
 * a <blockquote>), the notes (missing, unverified, changed), the
 * Juriconnect id, the date of the text and the source link.
 */
void html_provision(struct pt_buf *b, const struct finding_provision *p,
                    const struct html_provision_opts *o);

/*
 * "Verklaring van termen": what "analyse B1", "laagste niveau" and the
 * verification marks of a source (V26, V15, P, GK) mean, as a definition
 * list under a heading of the given level (id "verklaring").  Plain text,
 * so that it reads the same with a keyboard, a screen reader and on paper.
 */
void html_legend(struct pt_buf *b, int level);

#endif
