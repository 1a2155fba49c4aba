/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * web.h: the pages and the JSON API of the web workspace (serve.h), as
 * bytes: no HTTP here.
 *
 * Pages are server-rendered HTML in Dutch, readable without scripts, with
 * one small inline stylesheet and no external resources.  Everything that
 * comes from a design, a rule, the registry, the review log or the request
 * is escaped with html_esc() (html.h), as in the HTML report; links carry
 * ids percent-encoded (html_url_encode) and only http(s) addresses become
 * links to outside.
 *
 *   web_index         the saved proeftuinen with their review counts
 *   web_proeftuin     one proeftuin: the latest saved design checked again
 *                     with the current rules and registry, review statuses
 *                     applied; barriers grouped by the amendment they need
 *                     (report_groups), then the risks, then the findings
 *                     the latest design no longer has, and the
 *                     juridische ruimte (ruimte.h, report_ruimte_html)
 *                     with the button that saves its lawful variant
 *   web_finding       one finding: provisions quoted at the peildatum with
 *                     Juriconnect id and link, the review log, and the
 *                     review form for reviewers
 *   web_amendments    the amendment list over all proeftuinen (amend.h)
 *   web_wet           the laws in the registry and full-text search
 *   web_law           a law's table of contents at a date
 *   web_article       one article (or lid) as in force at a date
 *   web_login, web_error
 *   web_api_*         JSON: the proeftuinen, one report (exactly the JSON
 *                     report of the spec, section 4), the amendment list
 *
 * Every renderer appends to out and returns the HTTP status to send.  A
 * database or input problem gives 500 with an error page and err filled.
 *
 * Ownership: the context and the strings passed in are borrowed.
 */
#ifndef PROEFTOETS_WEB_H
#define PROEFTOETS_WEB_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "format.h"
#include "rules.h"
#include "store.h"

struct web_ctx {
	struct pt_store *st;
	const struct ruleset *rs;
	const char *user;  /* signed-in user; NULL when nobody is */
	int reviewer;      /* the user may record decisions */
	const char *csrf;  /* the session's CSRF token, or NULL */
	const char *today; /* YYYY-MM-DD */
};

int web_index(const struct web_ctx *c, struct pt_buf *out, struct pt_err *err);
/* msg (may be NULL): what became of the save button just pressed, shown
 * in the section "Juridische ruimte"; status is the HTTP status when the
 * page can be rendered. */
int web_proeftuin(const struct web_ctx *c, const char *id, int status,
                  const char *msg, struct pt_buf *out, struct pt_err *err);
/*
 * The write behind the save button (no page): the lawful variant of the
 * latest saved design of proeftuin id, checked with the current rules,
 * saved with saved_put() as `proeftuin add` saves a design, under its own
 * id ("<id>-nu").  *new_id receives that id (caller frees), *added
 * whether a new version was made (0: the latest version is the same
 * design).  PT_ENOTFOUND: id was never saved; PT_EUSAGE: the design has
 * no route within current law; PT_EDB.  Nothing is stored on an error.
 */
enum pt_status web_ruimte_save(const struct web_ctx *c, const char *id,
                               char **new_id, int *added, struct pt_err *err);
/* msg (may be NULL): a problem with the form just sent, shown above it. */
int web_finding(const struct web_ctx *c, const char *id, int status,
                const char *msg, struct pt_buf *out, struct pt_err *err);
int web_amendments(const struct web_ctx *c, struct pt_buf *out,
                   struct pt_err *err);
/* The amendment list in f, one of the formats with FORMAT_WEB (404 for
 * another or NULL); tmpdir for a workbook's scratch file; *type receives
 * the media type. */
int web_amendments_export(const struct web_ctx *c, const struct format *f,
                          const char *tmpdir, struct pt_buf *out,
                          const char **type, struct pt_err *err);
/* q, date and pagina (the page of the hits, from 1) may be NULL or empty;
 * a bad date or pagina gives 400 with a message. */
int web_wet(const struct web_ctx *c, const char *q, const char *date,
            const char *pagina, struct pt_buf *out, struct pt_err *err);
/* The table of contents of the law bwb at date (NULL or empty: the newest
 * version): its articles, each a link, under the divisions they stand in. */
int web_law(const struct web_ctx *c, const char *bwb, const char *date,
            struct pt_buf *out, struct pt_err *err);
/* van and tot (both or neither; NULL or empty: neither) add the word diff
 * of the provision between the versions in force at those dates. */
int web_article(const struct web_ctx *c, const char *bwb, const char *artikel,
                const char *lid, const char *date, const char *van,
                const char *tot, struct pt_buf *out, struct pt_err *err);
/* The sign-in page; msg (may be NULL) says why it is shown. */
int web_login(const struct web_ctx *c, int status, const char *msg,
              struct pt_buf *out);
int web_error(const struct web_ctx *c, int status, const char *msg,
              struct pt_buf *out);

int web_api_proeftuinen(const struct web_ctx *c, struct pt_buf *out,
                        struct pt_err *err);
int web_api_proeftuin(const struct web_ctx *c, const char *id,
                      struct pt_buf *out, struct pt_err *err);
int web_api_amendments(const struct web_ctx *c, struct pt_buf *out,
                       struct pt_err *err);
/* {"error": msg} */
int web_api_error(int status, const char *msg, struct pt_buf *out);

#endif
