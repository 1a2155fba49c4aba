/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * format.c: the table of output formats and its look-ups.
 */
#include "config.h"

#include <string.h>

#include "format.h"
#include "odt.h"
#include "report.h"
#include "i18n.h"

/* The writers of report.c and amend.c append to memory and cannot fail;
 * these give them the table's signature. */
#define REPORT_WRITER(fmt)                                                     \
	static enum pt_status report_##fmt(                                    \
	    struct pt_buf *out, const struct check_result *r, size_t i,        \
	    size_t n, struct pt_err *err)                                      \
	{                                                                      \
		(void)err;                                                     \
		report_##fmt##_part(out, r, i, n);                             \
		return PT_OK;                                                  \
	}
#define AMEND_WRITER(fmt)                                                      \
	static enum pt_status amend_##fmt##_fmt(                               \
	    struct pt_buf *out, const struct amend_list *l,                    \
	    const char *tmpdir, struct pt_err *err)                            \
	{                                                                      \
		(void)tmpdir;                                                  \
		(void)err;                                                     \
		amend_##fmt(out, l);                                           \
		return PT_OK;                                                  \
	}

#define RUIMTE_WRITER(fmt)                                                     \
	static enum pt_status ruimte_##fmt(struct pt_buf *out,                 \
	                                   struct ruimte_result *const *r,     \
	                                   size_t n, struct pt_err *err)       \
	{                                                                      \
		(void)err;                                                     \
		report_ruimte_##fmt(out, r, n);                                \
		return PT_OK;                                                  \
	}
RUIMTE_WRITER(text)
RUIMTE_WRITER(markdown)
RUIMTE_WRITER(json)
static enum pt_status
ruimte_html(struct pt_buf *out, struct ruimte_result *const *r, size_t n,
            struct pt_err *err)
{
	(void)err;
	report_ruimte_page(out, r, n);
	return PT_OK;
}
REPORT_WRITER(text)
REPORT_WRITER(markdown)
REPORT_WRITER(html)
REPORT_WRITER(json)
REPORT_WRITER(csv)
AMEND_WRITER(text)
AMEND_WRITER(markdown)
AMEND_WRITER(json)
AMEND_WRITER(csv)

const struct format formats[] = {
    /* name, ext, media type, web label, what, flags, writers */
    {"text", "txt", "text/plain; charset=utf-8", "tekst", "a report", 0,
     report_text, amend_text_fmt, ruimte_text},
    {"markdown", "md", "text/markdown; charset=utf-8", "Markdown", "a report",
     0, report_markdown, amend_markdown_fmt, ruimte_markdown},
    {"html", "html", "text/html; charset=utf-8", "HTML", "a page", 0,
     report_html, NULL, ruimte_html},
    {"json", "json", "application/json", "JSON", "a document", FORMAT_WEB,
     report_json, amend_json_fmt, ruimte_json},
    {"csv", "csv", "text/csv; charset=utf-8", "CSV", "a table", FORMAT_WEB,
     report_csv, amend_csv_fmt, NULL},
    {"xlsx", "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "Excel (XLSX)", N_("a workbook"),
     FORMAT_BINARY | FORMAT_NO_STDOUT | FORMAT_WEB, report_xlsx_part,
     amend_xlsx, NULL},
    {"odt", "odt", ODT_MEDIA_TYPE, "OpenDocument (ODT)",
     N_("an OpenDocument text"), FORMAT_BINARY | FORMAT_NO_STDOUT | FORMAT_WEB,
     report_odt_part, amend_odt, report_ruimte_odt},
    {"docx", "docx", DOCX_MEDIA_TYPE, "Word (DOCX)", N_("a Word document"),
     FORMAT_BINARY | FORMAT_NO_STDOUT | FORMAT_WEB, report_docx_part,
     amend_docx, NULL},
    {"svg", "svg", "image/svg+xml", "afbeelding (SVG)",
     N_("a picture of one design"), FORMAT_ONE, report_svg_part, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL}};

int
format_carries(const struct format *f, enum format_doc doc)
{
	return (doc == FORMAT_REPORT && f->report != NULL) ||
	       (doc == FORMAT_AMEND && f->amend != NULL) ||
	       (doc == FORMAT_RUIMTE && f->ruimte != NULL);
}

const struct format *
format_default(enum format_doc doc)
{
	const struct format *f;

	for (f = formats; f->name != NULL; f++)
		if (format_carries(f, doc))
			return f;
	return NULL;
}

const struct format *
format_find(enum format_doc doc, const char *name)
{
	const struct format *f;

	for (f = formats; f->name != NULL; f++)
		if (format_carries(f, doc) && strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const struct format *
format_by_ext(enum format_doc doc, unsigned flags, const char *ext)
{
	const struct format *f;

	for (f = formats; f->name != NULL; f++)
		if (format_carries(f, doc) && (f->flags & flags) == flags &&
		    strcmp(f->ext, ext) == 0)
			return f;
	return NULL;
}

enum pt_status
format_write_report(const struct format *f, struct pt_buf *out,
                    struct check_result *const *res, size_t n,
                    struct pt_err *err)
{
	enum pt_status rc = PT_OK;
	size_t i;

	if (n == 0)
		return f->report(out, NULL, 0, 0, err);
	for (i = 0; i < n && rc == PT_OK; i++)
		rc = f->report(out, res[i], i, n, err);
	return rc;
}

void
format_names(struct pt_buf *b, enum format_doc doc, const char *sep,
             const char *last)
{
	const struct format *f, *g;
	int first = 1;

	for (f = formats; f->name != NULL; f++) {
		if (!format_carries(f, doc))
			continue;
		if (!first) {
			/* Is there another after this one? */
			for (g = f + 1; g->name != NULL; g++)
				if (format_carries(g, doc))
					break;
			pt_buf_adds(b, g->name != NULL ? sep : last);
		}
		pt_buf_adds(b, f->name);
		first = 0;
	}
}
