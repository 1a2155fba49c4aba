/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * odt.c: OpenDocument text: the body writer (xmlTextWriter) and the
 * package (libzip).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "odt.h"

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG      "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK    "http://www.w3.org/1999/xlink"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

struct odt {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	enum odt_kind kind;
	int failed;
	int header;     /* in table:table-header-rows */
	int page_after; /* docx: a page break ends this paragraph */
};

/* --- the body writer --------------------------------------------------- */

static void
odt_open(struct odt *o)
{
	o->buf = xmlBufferCreate();
	o->w = o->buf != NULL ? xmlNewTextWriterMemory(o->buf, 0) : NULL;
	if (o->w == NULL)
		o->failed = 1;
}

static void
odt_close(struct odt *o)
{
	if (o->w != NULL)
		xmlFreeTextWriter(o->w);
	if (o->buf != NULL)
		xmlBufferFree(o->buf);
	o->w = NULL;
	o->buf = NULL;
}

struct odt *
odt_new(enum odt_kind kind)
{
	struct odt *o = xcalloc(1, sizeof *o);

	o->kind = kind;
	odt_open(o);
	return o;
}

void
odt_free(struct odt *o)
{
	if (o == NULL)
		return;
	odt_close(o);
	free(o);
}

/* Record a failed libxml2 call. */
static void
ok(struct odt *o, int rc)
{
	if (rc < 0)
		o->failed = 1;
}

static void
odt_start(struct odt *o, const char *name)
{
	if (!o->failed)
		ok(o, xmlTextWriterStartElement(o->w, BAD_CAST name));
}

static void
odt_attr(struct odt *o, const char *name, const char *value)
{
	if (!o->failed)
		ok(o, xmlTextWriterWriteAttribute(o->w, BAD_CAST name,
		                                  BAD_CAST value));
}

static void
odt_end(struct odt *o)
{
	if (!o->failed)
		ok(o, xmlTextWriterEndElement(o->w));
}

static void
empty(struct odt *o, const char *name, const char *attr, const char *value)
{
	odt_start(o, name);
	if (attr != NULL)
		odt_attr(o, attr, value);
	odt_end(o);
}

/* Write the run [s, e) as character data. */
static void
run(struct odt *o, const char *s, const char *e)
{
	char *t;

	if (e <= s || o->failed)
		return;
	t = xstrndup(s, (size_t)(e - s));
	if (!xmlCheckUTF8(BAD_CAST t)) {
		/* Not UTF-8 (the library's input always is): keep the
		 * package well-formed. */
		char *c;

		for (c = t; *c != '\0'; c++)
			if ((unsigned char)*c >= 0x80)
				*c = '?';
	}
	ok(o, xmlTextWriterWriteString(o->w, BAD_CAST t));
	free(t);
}

/*
 * WordprocessingML: a run of style rstyle (NULL: none) holding s, with
 * spaces kept (xml:space), w:tab for tabs and w:br for newlines.
 */
static void
w_t(struct odt *o, const char *s, const char *e)
{
	if (e <= s)
		return;
	odt_start(o, "w:t");
	odt_attr(o, "xml:space", "preserve");
	run(o, s, e);
	odt_end(o);
}

static void
w_run(struct odt *o, const char *rstyle, const char *s)
{
	static const char sp[] = " ";
	const char *p, *q;

	if (s == NULL || *s == '\0')
		return;
	odt_start(o, "w:r");
	if (rstyle != NULL) {
		odt_start(o, "w:rPr");
		empty(o, "w:rStyle", "w:val", rstyle);
		odt_end(o);
	}
	for (p = q = s; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch >= 0x20 && ch != 0x7f)
			continue;
		w_t(o, q, p);
		if (ch == '\n')
			empty(o, "w:br", NULL, NULL);
		else if (ch == '\t')
			empty(o, "w:tab", NULL, NULL);
		else
			w_t(o, sp, sp + 1);
		q = p + 1;
	}
	w_t(o, q, p);
	odt_end(o);
}

/* A style id of WordprocessingML from the ODF name: "Kop_20_1" is "Kop1". */
static void
w_style(struct odt *o, const char *name, const char *style)
{
	char id[64];
	size_t i = 0;

	for (; *style != '\0' && i + 1 < sizeof id; style++) {
		if (strncmp(style, "_20_", 4) == 0) {
			style += 3;
			continue;
		}
		id[i++] = *style;
	}
	id[i] = '\0';
	empty(o, name, "w:val", id);
}

/* One field (PAGE, HYPERLINK "..."): begin, code, separate; the caller
 * writes the result, then w_field_end(). */
static void
w_field(struct odt *o, const char *code)
{
	odt_start(o, "w:r");
	empty(o, "w:fldChar", "w:fldCharType", "begin");
	odt_end(o);
	odt_start(o, "w:r");
	odt_start(o, "w:instrText");
	odt_attr(o, "xml:space", "preserve");
	run(o, code, code + strlen(code));
	odt_end(o);
	odt_end(o);
	odt_start(o, "w:r");
	empty(o, "w:fldChar", "w:fldCharType", "separate");
	odt_end(o);
}

static void
w_field_end(struct odt *o)
{
	odt_start(o, "w:r");
	empty(o, "w:fldChar", "w:fldCharType", "end");
	odt_end(o);
}

static void
w_para(struct odt *o, const char *style)
{
	odt_start(o, "w:p");
	odt_start(o, "w:pPr");
	w_style(o, "w:pStyle", style != NULL ? style : "Standard");
	odt_end(o);
	/* The title page ends with a page break (ODF: the style's). */
	o->page_after =
	    style != NULL && strcmp(style, "Titelpagina_20_einde") == 0;
}

static void
w_para_end(struct odt *o)
{
	if (o->page_after) {
		odt_start(o, "w:r");
		empty(o, "w:br", "w:type", "page");
		odt_end(o);
	}
	o->page_after = 0;
	odt_end(o);
}

void
odt_text(struct odt *o, const char *s)
{
	const char *p, *q;
	unsigned char ch;
	size_t n;
	char c[24];

	if (s == NULL)
		return;
	if (o->kind == ODT_DOCX) {
		w_run(o, NULL, s);
		return;
	}
	for (p = q = s; *p != '\0';) {
		ch = (unsigned char)*p;
		if (ch == ' ') {
			/* One space between words stays; the others of a
			 * run, and one at the start, become text:s. */
			for (n = 0; p[n] == ' '; n++)
				;
			if (p > s) {
				p++;
				n--;
			}
			if (n > 0) {
				run(o, q, p);
				snprintf(c, sizeof c, "%zu", n);
				empty(o, "text:s", n > 1 ? "text:c" : NULL, c);
				q = p += n;
			}
			continue;
		}
		if (ch >= 0x20 && ch != 0x7f) {
			p++;
			continue;
		}
		run(o, q, p);
		if (ch == '\n')
			empty(o, "text:line-break", NULL, NULL);
		else if (ch == '\t')
			empty(o, "text:tab", NULL, NULL);
		else
			empty(o, "text:s", NULL, NULL);
		q = ++p;
	}
	run(o, q, p);
}

void
odt_textf(struct odt *o, const char *fmt, ...)
{
	struct pt_buf b = PT_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	pt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	odt_text(o, b.s);
	pt_buf_release(&b);
}

void
odt_h(struct odt *o, int level, const char *s)
{
	char style[32], lv[8];

	if (level < 1)
		level = 1;
	if (level > 4)
		level = 4;
	snprintf(style, sizeof style, "Kop_20_%d", level);
	snprintf(lv, sizeof lv, "%d", level);
	if (o->kind == ODT_DOCX) {
		w_para(o, style);
		w_run(o, NULL, s);
		w_para_end(o);
		return;
	}
	odt_start(o, "text:h");
	odt_attr(o, "text:style-name", style);
	odt_attr(o, "text:outline-level", lv);
	odt_text(o, s);
	odt_end(o);
}

void
odt_para(struct odt *o, const char *style)
{
	if (o->kind == ODT_DOCX) {
		w_para(o, style);
		return;
	}
	odt_start(o, "text:p");
	odt_attr(o, "text:style-name", style != NULL ? style : "Standard");
}

void
odt_para_end(struct odt *o)
{
	if (o->kind == ODT_DOCX)
		w_para_end(o);
	else
		odt_end(o);
}

void
odt_p(struct odt *o, const char *style, const char *s)
{
	odt_para(o, style);
	odt_text(o, s);
	odt_para_end(o);
}

void
odt_span(struct odt *o, const char *style, const char *s)
{
	if (o->kind == ODT_DOCX) {
		w_run(o, style, s);
		return;
	}
	odt_start(o, "text:span");
	odt_attr(o, "text:style-name", style);
	odt_text(o, s);
	odt_end(o);
}

void
odt_link(struct odt *o, const char *url, const char *text)
{
	if (url == NULL)
		return;
	if (text == NULL)
		text = url;
	if (strncmp(url, "https://", 8) != 0 &&
	    strncmp(url, "http://", 7) != 0) {
		odt_text(o, text);
		return;
	}
	if (o->kind == ODT_DOCX) {
		char *code;

		if (strpbrk(url, "\" \\") != NULL) {
			odt_text(o, text);
			return;
		}
		code = xasprintf(" HYPERLINK \"%s\" ", url);
		w_field(o, code);
		w_run(o, "Internetkoppeling", text);
		w_field_end(o);
		free(code);
		return;
	}
	odt_start(o, "text:a");
	odt_attr(o, "xlink:type", "simple");
	odt_attr(o, "xlink:href", url);
	odt_attr(o, "text:style-name", "Internetkoppeling");
	odt_text(o, text);
	odt_end(o);
}

void
odt_quote(struct odt *o, const char *s)
{
	const char *e;
	char *line;

	for (; s != NULL && *s != '\0'; s = *e != '\0' ? e + 1 : e) {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		line = xstrndup(s, (size_t)(e - s));
		if (strspn(line, " \t\r") != strlen(line))
			odt_p(o, "Citaat", line);
		free(line);
	}
}

/* A table of the full width (16.6 cm; 4.6 and 12 cm for a field table). */
static void
w_table(struct odt *o, size_t ncols)
{
	char w[32];
	size_t i;

	odt_start(o, "w:tbl");
	odt_start(o, "w:tblPr");
	empty(o, "w:tblStyle", "w:val", "Tabel");
	odt_start(o, "w:tblW");
	odt_attr(o, "w:w", "9411");
	odt_attr(o, "w:type", "dxa");
	odt_end(o);
	empty(o, "w:tblLayout", "w:type", "fixed");
	odt_end(o);
	odt_start(o, "w:tblGrid");
	for (i = 0; i < ncols; i++) {
		snprintf(w, sizeof w, "%zu",
		         ncols == 2 ? (i == 0 ? (size_t)2608 : (size_t)6803)
		                    : (size_t)9411 / (ncols ? ncols : 1));
		empty(o, "w:gridCol", "w:w", w);
	}
	odt_end(o);
}

void
odt_table(struct odt *o, size_t ncols)
{
	char n[32];

	if (o->kind == ODT_DOCX) {
		w_table(o, ncols);
		return;
	}
	odt_start(o, "table:table");
	odt_attr(o, "table:style-name", "Tabel");
	if (ncols == 2) {
		empty(o, "table:table-column", "table:style-name",
		      "Tabel.Label");
		empty(o, "table:table-column", "table:style-name",
		      "Tabel.Waarde");
		return;
	}
	snprintf(n, sizeof n, "%zu", ncols);
	empty(o, "table:table-column", "table:number-columns-repeated", n);
}

void
odt_table_end(struct odt *o)
{
	odt_end(o);
}

void
odt_row(struct odt *o, int header)
{
	if (o->kind == ODT_DOCX) {
		odt_start(o, "w:tr");
		if (header) {
			odt_start(o, "w:trPr");
			empty(o, "w:tblHeader", NULL, NULL);
			odt_end(o);
		}
		return;
	}
	if (header)
		odt_start(o, "table:table-header-rows");
	odt_start(o, "table:table-row");
	o->header = header;
}

void
odt_row_end(struct odt *o)
{
	odt_end(o);
	if (o->header && o->kind != ODT_DOCX)
		odt_end(o); /* table:table-header-rows */
	o->header = 0;
}

void
odt_cell(struct odt *o, int header)
{
	if (o->kind == ODT_DOCX) {
		odt_start(o, "w:tc");
		w_para(o, header ? "Tabelkop" : "Tabelinhoud");
		return;
	}
	odt_start(o, "table:table-cell");
	odt_attr(o, "table:style-name", "Tabel.Cel");
	odt_attr(o, "office:value-type", "string");
	odt_start(o, "text:p");
	odt_attr(o, "text:style-name", header ? "Tabelkop" : "Tabelinhoud");
}

void
odt_cell_end(struct odt *o)
{
	odt_end(o); /* text:p */
	odt_end(o);
}

void
odt_cell_text(struct odt *o, int header, const char *s)
{
	odt_cell(o, header);
	odt_text(o, s);
	odt_cell_end(o);
}

void
odt_field(struct odt *o, const char *label, const char *value)
{
	odt_row(o, 0);
	odt_cell(o, 0);
	odt_span(o, "Vet", label);
	odt_cell_end(o);
	odt_cell_text(o, 0, value);
	odt_row_end(o);
}

enum pt_status
odt_fragment(struct odt *o, struct pt_buf *out, struct pt_err *err)
{
	enum pt_status rc = PT_OK;

	if (!o->failed)
		ok(o, xmlTextWriterFlush(o->w));
	if (o->failed)
		rc = pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                "cannot write the OpenDocument text");
	else
		pt_buf_add(out, (const char *)xmlBufferContent(o->buf),
		           (size_t)xmlBufferLength(o->buf));
	odt_close(o);
	o->failed = 0;
	odt_open(o);
	return rc;
}

/* --- time ------------------------------------------------------------- */

void
odt_date(char *buf, size_t size, time_t t)
{
	static const char *const months[] = {"januari", "februari", "maart",
	                                     "april",   "mei",      "juni",
	                                     "juli",    "augustus", "september",
	                                     "oktober", "november", "december"};
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL) {
		snprintf(buf, size, "?");
		return;
	}
	snprintf(buf, size, "%d %s %d", tm.tm_mday, months[tm.tm_mon],
	         tm.tm_year + 1900);
}

/* "2026-12-03T18:00:00" (UTC). */
static void
iso_time(char *buf, size_t size, time_t t)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
}

/* --- the parts of the package -------------------------------------------- */

static const char manifest_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"" NS_MANIFEST "\" "
    "manifest:version=\"1.2\">\n"
    " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
    "manifest:media-type=\"" ODT_MEDIA_TYPE "\"/>\n"
    " <manifest:file-entry manifest:full-path=\"content.xml\" "
    "manifest:media-type=\"text/xml\"/>\n"
    " <manifest:file-entry manifest:full-path=\"styles.xml\" "
    "manifest:media-type=\"text/xml\"/>\n"
    " <manifest:file-entry manifest:full-path=\"meta.xml\" "
    "manifest:media-type=\"text/xml\"/>\n"
    "</manifest:manifest>\n";

#define PSTYLE(name, display, extra, props)                                    \
	"<style:style style:name=\"" name "\" style:display-name=\"" display   \
	"\" style:family=\"paragraph\" "                                       \
	"style:parent-style-name=\"Standard\"" extra ">" props                 \
	"</style:style>\n"
#define HSTYLE(n, size)                                                        \
	PSTYLE("Kop_20_" #n, "Kop " #n,                                        \
	       " style:next-style-name=\"Standard\" "                          \
	       "style:default-outline-level=\"" #n "\"",                       \
	       "<style:paragraph-properties fo:margin-top=\"0.42cm\" "         \
	       "fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/>"    \
	       "<style:text-properties style:font-name=\"Liberation Sans\" "   \
	       "fo:font-family=\"'Liberation Sans'\" fo:font-size=\"" size     \
	       "\" fo:font-weight=\"bold\"/>")
#define TSTYLE(name, display, props)                                           \
	"<style:style style:name=\"" name "\" style:display-name=\"" display   \
	"\" style:family=\"text\"><style:text-properties " props               \
	"/></style:style>\n"

static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-styles xmlns:office=\"" NS_OFFICE
    "\" xmlns:style=\"" NS_STYLE "\" xmlns:text=\"" NS_TEXT
    "\" xmlns:table=\"" NS_TABLE "\" xmlns:fo=\"" NS_FO "\" xmlns:svg=\"" NS_SVG
    "\" office:version=\"1.2\">\n"
    "<office:font-face-decls>"
    "<style:font-face style:name=\"Liberation Serif\" "
    "svg:font-family=\"'Liberation Serif'\" "
    "style:font-family-generic=\"roman\"/>"
    "<style:font-face style:name=\"Liberation Sans\" "
    "svg:font-family=\"'Liberation Sans'\" "
    "style:font-family-generic=\"swiss\"/>"
    "<style:font-face style:name=\"Liberation Mono\" "
    "svg:font-family=\"'Liberation Mono'\" "
    "style:font-family-generic=\"modern\" style:font-pitch=\"fixed\"/>"
    "</office:font-face-decls>\n"
    "<office:styles>\n"
    "<style:default-style style:family=\"paragraph\">"
    "<style:text-properties style:font-name=\"Liberation Serif\" "
    "fo:font-family=\"'Liberation Serif'\" fo:font-size=\"11pt\" "
    "fo:language=\"nl\" fo:country=\"NL\"/></style:default-style>\n"
    "<style:style style:name=\"Standard\" style:display-name=\"Standaard\" "
    "style:family=\"paragraph\"><style:paragraph-properties "
    "fo:margin-top=\"0cm\" "
    "fo:margin-bottom=\"0.18cm\"/></style:style>\n" HSTYLE(1, "18pt")
        HSTYLE(2, "15pt") HSTYLE(3, "13pt") HSTYLE(4, "11.5pt") PSTYLE(
            "Titel", "Titel", "",
            "<style:paragraph-properties fo:break-before=\"page\" "
            "fo:margin-top=\"6cm\" fo:margin-bottom=\"0.5cm\" "
            "fo:text-align=\"center\"/>"
            "<style:text-properties style:font-name=\"Liberation Sans\" "
            "fo:font-family=\"'Liberation Sans'\" fo:font-size=\"28pt\" "
            "fo:font-weight=\"bold\"/>") PSTYLE("Ondertitel", "Ondertitel", "",
                                                "<style:paragraph-properties "
                                                "fo:margin-bottom=\"1.5cm\" "
                                                "fo:text-align=\"center\"/>"
                                                "<style:text-properties "
                                                "style:font-name=\"Liberation "
                                                "Sans\" "
                                                "fo:font-family=\"'Liberation "
                                                "Sans'\" "
                                                "fo:font-size=\"18pt\"/>")
            PSTYLE("Titelgegevens", "Titelgegevens", "",
                   "<style:paragraph-properties fo:margin-bottom=\"0.2cm\" "
                   "fo:text-align=\"center\"/>"
                   "<style:text-properties fo:font-size=\"12pt\"/>")
                PSTYLE("Titelpagina_20_einde", "Titelpagina einde", "",
                       "<style:paragraph-properties fo:break-after=\"page\" "
                       "fo:margin-top=\"1cm\" fo:text-align=\"center\"/>"
                       "<style:text-properties fo:font-size=\"10pt\" "
                       "fo:font-style=\"italic\"/>")
                    PSTYLE(
                        "Citaat", "Citaat", "",
                        "<style:paragraph-properties fo:margin-left=\"1cm\" "
                        "fo:margin-right=\"0.5cm\" fo:margin-top=\"0cm\" "
                        "fo:margin-bottom=\"0.12cm\" "
                        "fo:padding-left=\"0.25cm\" "
                        "fo:border-left=\"0.1cm solid #888888\" "
                        "fo:background-color=\"#f2f2f2\"/>"
                        "<style:text-properties fo:font-size=\"10.5pt\" "
                        "fo:font-style=\"italic\"/>") PSTYLE("Let_20_op",
                                                             "Let op", "",
                                                             "<style:text-"
                                                             "properties "
                                                             "fo:color=\"#"
                                                             "8a1c00\" "
                                                             "fo:font-weight="
                                                             "\"bold\"/>")
                        PSTYLE(
                            "Opsomming", "Opsomming", "",
                            "<style:paragraph-properties "
                            "fo:margin-left=\"0.6cm\" "
                            "fo:text-indent=\"-0.4cm\" "
                            "fo:margin-bottom=\"0.08cm\"/>") PSTYLE("Tabelinhou"
                                                                    "d",
                                                                    "Tabelinhou"
                                                                    "d",
                                                                    "",
                                                                    "<style:"
                                                                    "paragraph-"
                                                                    "properties"
                                                                    " fo:"
                                                                    "margin-"
                                                                    "bottom="
                                                                    "\"0cm\"/>"
                                                                    "<style:"
                                                                    "text-"
                                                                    "properties"
                                                                    " fo:font-"
                                                                    "size="
                                                                    "\"10pt\"/"
                                                                    ">")
                            PSTYLE(
                                "Tabelkop", "Tabelkop", "",
                                "<style:paragraph-properties "
                                "fo:margin-bottom=\"0cm\"/>"
                                "<style:text-properties fo:font-size=\"10pt\" "
                                "fo:font-weight=\"bold\"/>") PSTYLE("Voettekst",
                                                                    "Voettekst",
                                                                    "",
                                                                    "<style:"
                                                                    "paragraph-"
                                                                    "properties"
                                                                    " fo:text-"
                                                                    "align="
                                                                    "\"center\""
                                                                    "/>"
                                                                    "<style:"
                                                                    "text-"
                                                                    "properties"
                                                                    " fo:font-"
                                                                    "size="
                                                                    "\"9pt\"/>")
                                TSTYLE(
                                    "Vet", "Vet",
                                    "fo:font-weight=\"bold\"") TSTYLE("Cursief",
                                                                      "Cursief",
                                                                      "fo:font-"
                                                                      "style="
                                                                      "\"italic"
                                                                      "\"")
                                    TSTYLE(
                                        "Code", "Code",
                                        "style:font-name=\"Liberation Mono\" "
                                        "fo:font-family=\"'Liberation Mono'\" "
                                        "fo:font-size=\"9pt\"")
                                        TSTYLE(
                                            "Internetkoppeling",
                                            "Internetkoppeling",
                                            "fo:color=\"#000080\" "
                                            "style:text-underline-style="
                                            "\"solid\" "
                                            "style:text-underline-width="
                                            "\"auto\" "
                                            "style:text-underline-color=\"font-"
                                            "color\"") "</office:styles>\n"
                                                       "<office:automatic-"
                                                       "styles>"
                                                       "<style:page-layout "
                                                       "style:name=\"A4\"><"
                                                       "style:page-layout-"
                                                       "properties "
                                                       "fo:page-width=\"21cm\" "
                                                       "fo:page-height=\"29."
                                                       "7cm\" "
                                                       "style:print-"
                                                       "orientation="
                                                       "\"portrait\" "
                                                       "fo:margin-top=\"2cm\" "
                                                       "fo:margin-bottom=\"1."
                                                       "5cm\" "
                                                       "fo:margin-left=\"2."
                                                       "2cm\" "
                                                       "fo:margin-right=\"2."
                                                       "2cm\"/"
                                                       "><style:footer-style>"
                                                       "<style:header-footer-"
                                                       "properties "
                                                       "fo:min-height=\"0cm\" "
                                                       "fo:margin-top=\"0."
                                                       "5cm\"/></"
                                                       "style:footer-style></"
                                                       "style:page-layout>"
                                                       "</"
                                                       "office:automatic-"
                                                       "styles>\n"
                                                       "<office:master-styles><"
                                                       "style:master-page "
                                                       "style:name="
                                                       "\"Standard\" "
                                                       "style:page-layout-name="
                                                       "\"A4\"><style:footer>"
                                                       "<text:p "
                                                       "text:style-name="
                                                       "\"Voettekst\">Pagina "
                                                       "<text:page-number "
                                                       "text:select-page="
                                                       "\"current\">1</"
                                                       "text:page-number>"
                                                       " van "
                                                       "<text:page-count>1</"
                                                       "text:page-count></"
                                                       "text:p>"
                                                       "</style:footer></"
                                                       "style:master-page></"
                                                       "office:master-styles>\n"
                                                       "</"
                                                       "office:document-styles>"
                                                       "\n";

/* The table styles of content.xml: full width, the field table's two
 * columns, cells with a border below. */
static void
table_styles(struct odt *o)
{
	odt_start(o, "style:style");
	odt_attr(o, "style:name", "Tabel");
	odt_attr(o, "style:family", "table");
	odt_start(o, "style:table-properties");
	odt_attr(o, "style:width", "16.6cm");
	odt_attr(o, "table:align", "margins");
	odt_attr(o, "fo:margin-top", "0.1cm");
	odt_attr(o, "fo:margin-bottom", "0.3cm");
	odt_end(o);
	odt_end(o);
	odt_start(o, "style:style");
	odt_attr(o, "style:name", "Tabel.Label");
	odt_attr(o, "style:family", "table-column");
	odt_start(o, "style:table-column-properties");
	odt_attr(o, "style:column-width", "4.6cm");
	odt_end(o);
	odt_end(o);
	odt_start(o, "style:style");
	odt_attr(o, "style:name", "Tabel.Waarde");
	odt_attr(o, "style:family", "table-column");
	odt_start(o, "style:table-column-properties");
	odt_attr(o, "style:column-width", "12cm");
	odt_end(o);
	odt_end(o);
	odt_start(o, "style:style");
	odt_attr(o, "style:name", "Tabel.Cel");
	odt_attr(o, "style:family", "table-cell");
	odt_start(o, "style:table-cell-properties");
	odt_attr(o, "fo:padding", "0.08cm");
	odt_attr(o, "fo:border-bottom", "0.5pt solid #bbbbbb");
	odt_end(o);
	odt_end(o);
}

static void
ns(struct odt *o, const char *prefix, const char *uri)
{
	char name[32];

	snprintf(name, sizeof name, "xmlns:%s", prefix);
	odt_attr(o, name, uri);
}

/* content.xml around the body. */
static enum pt_status
content_xml(struct pt_buf *out, const char *body, size_t len,
            struct pt_err *err)
{
	enum pt_status rc;
	struct odt o;

	memset(&o, 0, sizeof o);
	odt_open(&o);
	if (!o.failed)
		ok(&o, xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", NULL));
	odt_start(&o, "office:document-content");
	ns(&o, "office", NS_OFFICE);
	ns(&o, "style", NS_STYLE);
	ns(&o, "text", NS_TEXT);
	ns(&o, "table", NS_TABLE);
	ns(&o, "fo", NS_FO);
	ns(&o, "xlink", NS_XLINK);
	odt_attr(&o, "office:version", "1.2");
	odt_start(&o, "office:automatic-styles");
	table_styles(&o);
	odt_end(&o);
	odt_start(&o, "office:body");
	odt_start(&o, "office:text");
	if (len > INT_MAX)
		o.failed = 1;
	if (!o.failed && len > 0)
		ok(&o, xmlTextWriterWriteRawLen(o.w, BAD_CAST body, (int)len));
	if (!o.failed)
		ok(&o, xmlTextWriterEndDocument(o.w));
	rc = odt_fragment(&o, out, err);
	odt_close(&o);
	return rc;
}

/* meta.xml: title, language, generator and the dates. */
static enum pt_status
meta_xml(struct pt_buf *out, const char *title, time_t when, struct pt_err *err)
{
	enum pt_status rc;
	struct odt o;
	char t[32];

	iso_time(t, sizeof t, when);
	memset(&o, 0, sizeof o);
	odt_open(&o);
	if (!o.failed)
		ok(&o, xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", NULL));
	odt_start(&o, "office:document-meta");
	ns(&o, "office", NS_OFFICE);
	ns(&o, "meta", NS_META);
	ns(&o, "dc", NS_DC);
	odt_attr(&o, "office:version", "1.2");
	odt_start(&o, "office:meta");
	odt_start(&o, "meta:generator");
	odt_text(&o, PACKAGE_NAME "/" PACKAGE_VERSION);
	odt_end(&o);
	odt_start(&o, "dc:title");
	odt_text(&o, title);
	odt_end(&o);
	odt_start(&o, "dc:language");
	odt_text(&o, "nl-NL");
	odt_end(&o);
	odt_start(&o, "meta:creation-date");
	odt_text(&o, t);
	odt_end(&o);
	odt_start(&o, "dc:date");
	odt_text(&o, t);
	odt_end(&o);
	if (!o.failed)
		ok(&o, xmlTextWriterEndDocument(o.w));
	rc = odt_fragment(&o, out, err);
	odt_close(&o);
	return rc;
}

/* --- the zip package ------------------------------------------------------ */

/* The time of the entries in MS-DOS form, as UTC (not local time), so that
 * the bytes do not depend on the time zone. */
static void
dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || tm.tm_year < 80) {
		*dtime = 0;
		*ddate = (zip_uint16_t)((1 << 5) | 1); /* 1980-01-01 */
		return;
	}
	if (tm.tm_year > 80 + 127)
		tm.tm_year = 80 + 127;
	*dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) |
	                        (tm.tm_sec / 2));
	*ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) |
	                        ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

/* Add an entry; the archive borrows data until zip_close(). */
static int
add(zip_t *za, const char *name, const char *data, size_t len, int store,
    time_t when)
{
	zip_source_t *src;
	zip_int64_t idx;
	zip_uint16_t dtime, ddate;

	if ((src = zip_source_buffer(za, data, len, 0)) == NULL)
		return -1;
	if ((idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return -1;
	}
	dos_time(when, &dtime, &ddate);
	if (zip_set_file_compression(za, (zip_uint64_t)idx,
	                             store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
	                             store ? 0 : 9) < 0 ||
	    zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) < 0)
		return -1;
	return 0;
}

/* Read the whole of a written buffer source into out. */
static int
read_source(zip_source_t *src, struct pt_buf *out)
{
	char chunk[16384];
	zip_int64_t n;

	if (zip_source_open(src) < 0)
		return -1;
	while ((n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		pt_buf_add(out, chunk, (size_t)n);
	zip_source_close(src);
	return n < 0 ? -1 : 0;
}

static enum pt_status
zip_failed(struct pt_err *err, const char *why)
{
	return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
	                  "cannot make the document package: %s", why);
}

/* The package of n parts, in memory, in order; mimetype stored. */
static enum pt_status
zip_parts(struct pt_buf *out, const char *const *names, struct pt_buf *part,
          size_t n, time_t when, struct pt_err *err)
{
	enum pt_status rc = PT_OK;
	zip_source_t *src;
	zip_error_t ze;
	zip_t *za;
	size_t i;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		rc = zip_failed(err, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		rc = zip_failed(err, zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_source_keep(src); /* for reading it back after zip_close() */
	for (i = 0; i < n && rc == PT_OK; i++)
		if (add(za, names[i], part[i].s, part[i].len,
		        strcmp(names[i], "mimetype") == 0, when) < 0)
			rc = zip_failed(err, zip_strerror(za));
	if (rc == PT_OK && zip_close(za) < 0)
		rc = zip_failed(err, zip_strerror(za));
	if (rc != PT_OK)
		zip_discard(za);
	pt_buf_reset(out);
	if (rc == PT_OK && read_source(src, out) < 0)
		rc = zip_failed(err, "cannot read it back");
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

/* What every part of a package is made from. */
struct package_in {
	const char *body;
	size_t len;
	const char *title;
	time_t when;
};

/* One part of a package: a fixed text, or made by a function. */
struct package_part {
	const char *name;
	const char *fixed;
	enum pt_status (*make)(struct pt_buf *out, const struct package_in *in,
	                       struct pt_err *err);
};

#define PACKAGE_MAX_PARTS 8

/* The package of the parts of table (n of them), in their order. */
static enum pt_status
make_package(struct pt_buf *out, const struct package_part *table, size_t n,
             const struct package_in *in, struct pt_err *err)
{
	const char *names[PACKAGE_MAX_PARTS];
	struct pt_buf part[PACKAGE_MAX_PARTS];
	enum pt_status rc = PT_OK;
	size_t i;

	for (i = 0; i < n; i++) {
		pt_buf_init(&part[i]);
		names[i] = table[i].name;
	}
	for (i = 0; i < n && rc == PT_OK; i++)
		if (table[i].make != NULL)
			rc = table[i].make(&part[i], in, err);
		else
			pt_buf_adds(&part[i], table[i].fixed);
	if (rc == PT_OK)
		rc = zip_parts(out, names, part, n, in->when, err);
	for (i = 0; i < n; i++)
		pt_buf_release(&part[i]);
	return rc;
}

static enum pt_status
make_content(struct pt_buf *out, const struct package_in *in,
             struct pt_err *err)
{
	return content_xml(out, in->body, in->len, err);
}

static enum pt_status
make_meta(struct pt_buf *out, const struct package_in *in, struct pt_err *err)
{
	return meta_xml(out, in->title, in->when, err);
}

/* OpenDocument: mimetype first and stored, as the standard requires. */
static const struct package_part odf_parts[] = {
    {"mimetype", ODT_MEDIA_TYPE, NULL},
    {"META-INF/manifest.xml", manifest_xml, NULL},
    {"content.xml", NULL, make_content},
    {"styles.xml", styles_xml, NULL},
    {"meta.xml", NULL, make_meta},
};

/* --- WordprocessingML (docx) --------------------------------------------- */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R                                                                   \
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PR "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_W  "application/vnd.openxmlformats-officedocument.wordprocessingml"

static const char content_types_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_W
    ".document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_W
    ".styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"" CT_W
    ".footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
    "vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>\n";

static const char rels_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" NS_PR "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_PR
    "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>\n";

static const char document_rels_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" NS_PR "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_R "/footer\" "
    "Target=\"footer1.xml\"/>"
    "</Relationships>\n";

#define W_FIELD(code)                                                          \
	"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "    \
	"xml:space=\"preserve\"> " code " </w:instrText></w:r><w:r>"           \
	"<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t>"       \
	"</w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"

static const char footer_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:ftr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Voettekst\"/>"
    "</w:pPr><w:r><w:t xml:space=\"preserve\">Pagina </w:t></w:r>" W_FIELD(
        "PAGE") "<w:r><w:t xml:space=\"preserve\"> van "
                "</w:t></w:r>" W_FIELD("NUMPAGES") "</w:p></w:ftr>\n";

#define WSTYLE(type, id, name, extra, ppr, rpr)                                \
	"<w:style w:type=\"" type "\" w:styleId=\"" id                         \
	"\"><w:name w:val=\"" name "\"/>" extra "<w:pPr>" ppr                  \
	"</w:pPr><w:rPr>" rpr "</w:rPr></w:style>"
#define WPARA(id, name, ppr, rpr)                                              \
	WSTYLE("paragraph", id, name, "<w:basedOn w:val=\"Standard\"/>", ppr,  \
	       rpr)
#define WHEAD(n, lvl, size)                                                    \
	WPARA("Kop" #n, "heading " #n,                                         \
	      "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"     \
	      "<w:outlineLvl w:val=\"" #lvl "\"/>",                            \
	      "<w:rFonts w:ascii=\"Liberation Sans\" w:hAnsi=\"Liberation "    \
	      "Sans\"/><w:b/><w:sz w:val=\"" size "\"/>")
#define WCHAR(id, name, rpr)                                                   \
	"<w:style w:type=\"character\" w:styleId=\"" id                        \
	"\"><w:name w:val=\"" name "\"/><w:rPr>" rpr "</w:rPr></w:style>"

static const char wstyles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Liberation "
    "Serif\" w:hAnsi=\"Liberation Serif\" w:cs=\"Liberation Serif\"/>"
    "<w:sz w:val=\"22\"/><w:lang w:val=\"nl-NL\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"100\"/></w:pPr>"
    "</w:pPrDefault></w:docDefaults>" WSTYLE("paragraph\" w:default=\"1",
                                             "Standard", "Normal", "", "",
                                             "") WHEAD(1, 0, "36")
        WHEAD(2, 1, "30") WHEAD(3, 2, "26") WHEAD(4, 3, "23") WPARA(
            "Titel", "Title",
            "<w:pageBreakBefore/><w:spacing w:before=\"3400\" "
            "w:after=\"280\"/><w:jc w:val=\"center\"/>",
            "<w:rFonts w:ascii=\"Liberation Sans\" w:hAnsi=\"Liberation "
            "Sans\"/><w:b/><w:sz w:val=\"56\"/>") WPARA("Ondertitel",
                                                        "Subtitle",
                                                        "<w:spacing "
                                                        "w:after=\"850\"/"
                                                        "><w:jc "
                                                        "w:val=\"center\"/>",
                                                        "<w:rFonts "
                                                        "w:ascii=\"Liberation "
                                                        "Sans\" "
                                                        "w:hAnsi=\"Liberation "
                                                        "Sans\"/><w:sz "
                                                        "w:val=\"36\"/>")
            WPARA("Titelgegevens", "Titelgegevens",
                  "<w:spacing w:after=\"110\"/><w:jc w:val=\"center\"/>",
                  "<w:sz w:val=\"24\"/>") WPARA("Titelpaginaeinde",
                                                "Titelpagina einde",
                                                "<w:spacing "
                                                "w:before=\"570\"/><w:jc "
                                                "w:val=\"center\"/>",
                                                "<w:i/><w:sz w:val=\"20\"/>")
                WPARA("Citaat", "Quote",
                      "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" "
                      "w:space=\"7\" "
                      "w:color=\"888888\"/></w:pBdr><w:shd w:val=\"clear\" "
                      "w:color=\"auto\" w:fill=\"F2F2F2\"/><w:spacing "
                      "w:after=\"70\"/>"
                      "<w:ind w:left=\"567\" w:right=\"283\"/>",
                      "<w:i/><w:sz w:val=\"21\"/>") WPARA("Letop", "Let op", "",
                                                          "<w:b/><w:color "
                                                          "w:val=\"8A1C00\"/>")
                    WPARA("Opsomming", "Opsomming",
                          "<w:spacing w:after=\"45\"/><w:ind w:left=\"340\" "
                          "w:hanging=\"227\"/>",
                          "") WPARA("Tabelinhoud", "Tabelinhoud",
                                    "<w:spacing w:after=\"0\"/>",
                                    "<w:sz w:val=\"20\"/>") WPARA("Tabelkop",
                                                                  "Tabelkop",
                                                                  "<w:spacing "
                                                                  "w:after="
                                                                  "\"0\"/>",
                                                                  "<w:b/><w:sz "
                                                                  "w:val="
                                                                  "\"20\"/>")
                        WPARA("Voettekst", "footer", "<w:jc w:val=\"center\"/>",
                              "<w:sz w:val=\"18\"/>") WCHAR("Vet", "Vet",
                                                            "<w:b/>")
                            WCHAR("Cursief", "Cursief", "<w:i/>") WCHAR(
                                "Code", "Code",
                                "<w:rFonts w:ascii=\"Liberation Mono\" "
                                "w:hAnsi=\"Liberation "
                                "Mono\"/><w:sz w:val=\"18\"/>")
                                WCHAR(
                                    "Internetkoppeling", "Hyperlink",
                                    "<w:color w:val=\"000080\"/><w:u "
                                    "w:val=\"single\"/>") "<w:style "
                                                          "w:type=\"table\" "
                                                          "w:styleId=\"Tabel\">"
                                                          "<w:name "
                                                          "w:val=\"Tabel\"/>"
                                                          "<w:tblPr><w:"
                                                          "tblBorders><w:"
                                                          "bottom "
                                                          "w:val=\"single\" "
                                                          "w:sz=\"4\" "
                                                          "w:space=\"0\" "
                                                          "w:color=\"BBBBBB\"/"
                                                          "><w:insideH "
                                                          "w:val=\"single\" "
                                                          "w:sz=\"4\" "
                                                          "w:space=\"0\" "
                                                          "w:color=\"BBBBBB\"/"
                                                          "></w:tblBorders>"
                                                          "<w:tblCellMar><w:"
                                                          "top w:w=\"45\" "
                                                          "w:type=\"dxa\"/"
                                                          "><w:left w:w=\"57\" "
                                                          "w:type=\"dxa\"/"
                                                          "><w:bottom "
                                                          "w:w=\"45\" "
                                                          "w:type=\"dxa\"/"
                                                          "><w:right "
                                                          "w:w=\"57\" "
                                                          "w:type=\"dxa\"/></"
                                                          "w:tblCellMar></"
                                                          "w:tblPr></w:style>"
                                                          "</w:styles>\n";

/* One empty element with up to three attributes (name, value pairs). */
static void
elem(struct odt *o, const char *name, const char *const *av)
{
	odt_start(o, name);
	for (; av != NULL && av[0] != NULL; av += 2)
		odt_attr(o, av[0], av[1]);
	odt_end(o);
}

/* word/document.xml around the body, with the A4 section and its footer. */
static enum pt_status
document_xml(struct pt_buf *out, const char *body, size_t len,
             struct pt_err *err)
{
	static const char *const footer[] = {"w:type", "default", "r:id",
	                                     "rId2", NULL};
	static const char *const size[] = {"w:w", "11906", "w:h", "16838",
	                                   NULL};
	static const char *const margins[] = {
	    "w:top",    "1134",   "w:right",  "1247",     "w:bottom",
	    "1134",     "w:left", "1247",     "w:header", "567",
	    "w:footer", "567",    "w:gutter", "0",        NULL};
	enum pt_status rc;
	struct odt o;

	memset(&o, 0, sizeof o);
	o.kind = ODT_DOCX;
	odt_open(&o);
	if (!o.failed)
		ok(&o, xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", "yes"));
	odt_start(&o, "w:document");
	ns(&o, "w", NS_W);
	ns(&o, "r", NS_R);
	odt_start(&o, "w:body");
	if (len > INT_MAX)
		o.failed = 1;
	if (!o.failed && len > 0)
		ok(&o, xmlTextWriterWriteRawLen(o.w, BAD_CAST body, (int)len));
	odt_start(&o, "w:sectPr");
	elem(&o, "w:footerReference", footer);
	elem(&o, "w:pgSz", size);
	elem(&o, "w:pgMar", margins);
	if (!o.failed)
		ok(&o, xmlTextWriterEndDocument(o.w));
	rc = odt_fragment(&o, out, err);
	odt_close(&o);
	return rc;
}

/* docProps/core.xml: title, language and the dates. */
static enum pt_status
core_xml(struct pt_buf *out, const char *title, time_t when, struct pt_err *err)
{
	enum pt_status rc;
	struct odt o;
	char t[32], tz[40];
	int i;

	iso_time(t, sizeof t, when);
	snprintf(tz, sizeof tz, "%sZ", t); /* W3CDTF in UTC */
	memset(&o, 0, sizeof o);
	odt_open(&o);
	if (!o.failed)
		ok(&o, xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", "yes"));
	odt_start(&o, "cp:coreProperties");
	ns(&o, "cp",
	   "http://schemas.openxmlformats.org/package/2006/"
	   "metadata/core-properties");
	ns(&o, "dc", NS_DC);
	ns(&o, "dcterms", "http://purl.org/dc/terms/");
	ns(&o, "xsi", "http://www.w3.org/2001/XMLSchema-instance");
	odt_start(&o, "dc:title");
	odt_text(&o, title);
	odt_end(&o);
	odt_start(&o, "dc:language");
	odt_text(&o, "nl-NL");
	odt_end(&o);
	for (i = 0; i < 2; i++) {
		odt_start(&o, i == 0 ? "dcterms:created" : "dcterms:modified");
		odt_attr(&o, "xsi:type", "dcterms:W3CDTF");
		odt_text(&o, tz);
		odt_end(&o);
	}
	if (!o.failed)
		ok(&o, xmlTextWriterEndDocument(o.w));
	rc = odt_fragment(&o, out, err);
	odt_close(&o);
	return rc;
}

static enum pt_status
make_document(struct pt_buf *out, const struct package_in *in,
              struct pt_err *err)
{
	return document_xml(out, in->body, in->len, err);
}

static enum pt_status
make_core(struct pt_buf *out, const struct package_in *in, struct pt_err *err)
{
	return core_xml(out, in->title, in->when, err);
}

static const struct package_part docx_parts[] = {
    {"[Content_Types].xml", content_types_xml, NULL},
    {"_rels/.rels", rels_xml, NULL},
    {"word/document.xml", NULL, make_document},
    {"word/_rels/document.xml.rels", document_rels_xml, NULL},
    {"word/styles.xml", wstyles_xml, NULL},
    {"word/footer1.xml", footer_xml, NULL},
    {"docProps/core.xml", NULL, make_core},
};

#define NPARTS(t) (sizeof(t) / sizeof((t)[0]))

enum pt_status
odt_package(struct pt_buf *out, enum odt_kind kind, const char *body,
            size_t len, const char *title, time_t when, struct pt_err *err)
{
	const struct package_in in = {body, len, title, when};

	if (kind == ODT_DOCX)
		return make_package(out, docx_parts, NPARTS(docx_parts), &in,
		                    err);
	return make_package(out, odf_parts, NPARTS(odf_parts), &in, err);
}
