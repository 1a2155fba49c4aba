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
 *   web_design_xml    the latest saved design as XML (ontwerp.xml)
 *   web_versions      the stored versions of a proeftuin
 *   web_compare       what changed between two versions: the design and
 *                     the findings
 *   web_design_form, web_design_save   a new proeftuin, or a new version
 *                     of one, from the browser (reviewers only)
 *   web_finding       one finding: provisions quoted at the peildatum with
 *                     Juriconnect id and link, the review log, and the
 *                     review form for reviewers
 *   web_amendments    the amendment list over all proeftuinen (amend.h)
 *   web_findings      the findings of every proeftuin's latest version,
 *                     filtered and sorted (struct web_filter; the
 *                     proeftuin page takes the same filters), counts per
 *                     status; filtered in memory on the checked results
 *   web_log           the audit log of all findings: by member,
 *                     proeftuin and period, newest first, paged
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
#include "designform.h"
#include "err.h"
#include "format.h"
#include "rules.h"
#include "store.h"

/*
 * The filters of a list of findings, from the query string: raw values,
 * NULL or "" when not given.  status: a status name (review.h); soort:
 * belemmering, risico; ernst: blokkerend, hoog, middel, laag; niveau: wet,
 * amvb, regeling, college; proeftuin, regel: ids; wet: a BWB id that a
 * rule cites; sorteer: proeftuin, status, ernst, soort, niveau, regel.
 * An unknown value gives 400 with a Dutch message.
 */
struct web_filter {
	const char *status, *soort, *ernst, *niveau, *proeftuin, *regel, *wet;
	const char *sorteer;
};

/* The filters of the audit log (web_log): lid (a name), proeftuin, van
 * and tot (dates, Europe/Amsterdam, both days included), pagina (from
 * 1); NULL or "" when not given. */
struct web_log_filter {
	const char *lid, *proeftuin, *van, *tot, *pagina;
};

struct web_ctx {
	struct pt_store *st;
	const struct ruleset *rs;
	const char *user;  /* signed-in user; NULL when nobody is */
	int reviewer;      /* the user may record decisions */
	const char *csrf;  /* the session's CSRF token, or NULL */
	const char *today; /* YYYY-MM-DD */
	/* The findings filters of web_proeftuin (NULL: none). */
	const struct web_filter *filter;
	/* web_login: the local path to go to after signing in (NULL: /). */
	const char *next;
	/* web_finding: the values of a refused decision form, shown again
	 * (NULL: none); saved: the page confirms a decision just stored. */
	const char *form_status, *form_note;
	const char *form_error_field; /* "status" or "note": msg goes there */
	int saved;
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
/*
 * The latest saved design of proeftuin id as the spec's XML: the bytes
 * exactly as `proeftuin add` read them (or as `ruimte --variant` wrote
 * them for a saved variant), so that `proeftuin add` of the download adds
 * no version.  404 with an error page when id was never saved.
 */
int web_design_xml(const struct web_ctx *c, const char *id, struct pt_buf *out,
                   struct pt_err *err);
/* The stored versions of proeftuin id (404 when never saved). */
int web_versions(const struct web_ctx *c, const char *id, struct pt_buf *out,
                 struct pt_err *err);
/*
 * What changed from version van to version naar of proeftuin id (the
 * query's strings, may be NULL): actors, tasks and flows added, removed
 * or changed, and the findings that appeared and disappeared.  400 when
 * either is not a number from 1, 404 for an unknown proeftuin or version.
 */
int web_compare(const struct web_ctx *c, const char *id, const char *van,
                const char *naar, struct pt_buf *out, struct pt_err *err);
/* The largest design a reviewer may send (upload or text), in bytes. */
#define WEB_MAX_UPLOAD (512 * 1024)
/* What a reviewer sent that was not saved, to show again. */
struct web_design_sent {
	const char *text;                 /* the XML sent, or NULL */
	const struct designform *fields;  /* the fields sent, or NULL */
	const struct designform_map *map; /* with fields: designform_xml()'s */
	const char *msg;                  /* Dutch, or NULL */
	const struct pt_err *e;           /* the design reader's errors */
};
/*
 * The page that creates a proeftuin (edit_id NULL) or edits the latest
 * version of proeftuin edit_id: the design in fields (designform.h), a
 * design file to upload, or its XML to type or change, each posting to
 * /proeftuinen (?vorige=ID when editing).  sent NULL: empty, or the latest
 * version when editing; else what was sent, with its problems next to
 * the fields they are about.  403 for a reader, 404 for an unknown
 * edit_id.
 */
int web_design_form(const struct web_ctx *c, const char *edit_id,
                    const struct web_design_sent *sent, int status,
                    struct pt_buf *out, struct pt_err *err);
/*
 * The write behind that form: the design xml/len read and checked as
 * `proeftuin add` reads and checks a file, saved with saved_put() (no new
 * version when it says what the latest one says: the compare page would
 * find no change, whatever the bytes), its source "webwerkruimte
 * (USER)".  *id receives the proeftuin's id (caller frees), *added whether
 * a version was made.  PT_EINPUT or PT_EUNSAFE: err holds the reader's
 * errors; PT_EUSAGE: *msg (caller frees) says in Dutch what is wrong (an
 * empty design, another id than edit_id, or, when creating, an id that
 * exists); PT_EDB.  Nothing is stored on an error.
 */
enum pt_status web_design_save(const struct web_ctx *c, const char *edit_id,
                               const char *xml, size_t len, char **id,
                               int *added, char **msg, struct pt_err *err);
/* msg (may be NULL): a problem with the form just sent, shown above it. */
int web_finding(const struct web_ctx *c, const char *id, int status,
                const char *msg, struct pt_buf *out, struct pt_err *err);
int web_amendments(const struct web_ctx *c, struct pt_buf *out,
                   struct pt_err *err);
/* The findings of the latest version of every proeftuin, filtered by f
 * (may be NULL), with the counts per status. */
int web_findings(const struct web_ctx *c, const struct web_filter *f,
                 struct pt_buf *out, struct pt_err *err);
/* The audit log of every finding, newest first, WEB_LOG_PAGE a page. */
#define WEB_LOG_PAGE 50
int web_log(const struct web_ctx *c, const struct web_log_filter *f,
            struct pt_buf *out, struct pt_err *err);
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
