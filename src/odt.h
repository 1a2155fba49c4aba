/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * odt.h: OpenDocument text (ODF 1.2), and WordprocessingML (docx) from
 * the same calls, for the report writers.
 *
 * A document is written in two steps.  First its body, the children of
 * office:text, as fragments: an odt writer (struct odt) writes elements
 * and text with libxml2's xmlTextWriter and odt_fragment() appends what
 * it wrote to a pt_buf.  Then odt_package() wraps a whole body in
 * content.xml and makes the package with libzip: the entries mimetype
 * (first, stored, no extra field), META-INF/manifest.xml, content.xml,
 * styles.xml and meta.xml, in that order.
 *
 * styles.xml holds the styles the writers use, by name:
 *   paragraphs  Standard, Kop_20_1 .. Kop_20_4 (through odt_h()), Titel
 *               (starts a page), Ondertitel, Titelgegevens,
 *               Titelpagina_20_einde (ends the page), Citaat (quoted law
 *               text), Let_20_op, Opsomming, Tabelinhoud, Tabelkop,
 *               Voettekst
 *   text        Vet, Cursief, Code, Internetkoppeling
 * and an A4 page with the page number in its footer.  content.xml adds
 * the table styles: Tabel (full width) with the columns Tabel.Label and
 * Tabel.Waarde for a field table of two columns.
 *
 * Every date in the package (the zip entries' times, meta.xml or
 * docProps/core.xml) is the time given to odt_package(), normally
 * provenance_time()'s: SOURCE_DATE_EPOCH when set, so that the same input gives
 * the same bytes.
 *
 * Ownership: struct odt is the caller's (odt_new .. odt_free); strings
 * passed in are borrowed.  A writer that failed (invalid text for XML, out
 * of memory in libxml2) ignores further calls and odt_fragment() says so.
 */
#ifndef PROEFTOETS_ODT_H
#define PROEFTOETS_ODT_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "err.h"

#define ODT_MEDIA_TYPE "application/vnd.oasis.opendocument.text"
#define DOCX_MEDIA_TYPE                                                        \
	"application/vnd.openxmlformats-officedocument.wordprocessingml."      \
	"document"

/*
 * What a writer writes.  ODT_DOCX gives the same document as
 * WordprocessingML: paragraphs and runs of the styles named above (the
 * style id drops "_20_": Kop_20_1 is Kop1), w:tbl tables, links as
 * HYPERLINK fields, the title page ended by a page break; the package
 * holds [Content_Types].xml, _rels/.rels, word/document.xml,
 * word/_rels/document.xml.rels, word/styles.xml, word/footer1.xml (PAGE
 * and NUMPAGES) and docProps/core.xml, all deflated.
 */
enum odt_kind { ODT_TEXT, ODT_DOCX };

struct odt;

struct odt *odt_new(enum odt_kind kind);
void odt_free(struct odt *o);

/* Text in the paragraph, span or cell being written, kept as written:
 * runs of spaces become text:s, tabs text:tab, newlines text:line-break,
 * other control characters a space.  NULL is no text. */
void odt_text(struct odt *o, const char *s);
void odt_textf(struct odt *o, const char *fmt, ...) PT_PRINTF(2, 3);

/* A paragraph of style (NULL: Standard) to write into, up to
 * odt_para_end(). */
void odt_para(struct odt *o, const char *style);
void odt_para_end(struct odt *o);
/* A heading of level 1 .. 4 (style Kop_20_<level>). */
void odt_h(struct odt *o, int level, const char *s);
/* A paragraph of style (NULL: Standard) holding s. */
void odt_p(struct odt *o, const char *style, const char *s);
/* A span of text style holding s. */
void odt_span(struct odt *o, const char *style, const char *s);
/* A link to url showing text (url when NULL); plain text unless url is
 * an http(s) address. */
void odt_link(struct odt *o, const char *url, const char *text);
/* A block quote: one Citaat paragraph per non-empty line of s. */
void odt_quote(struct odt *o, const char *s);

/* A table of ncols columns (2: the field table's widths) with a header
 * row when the first odt_row() is given header = 1. */
void odt_table(struct odt *o, size_t ncols);
void odt_table_end(struct odt *o);
void odt_row(struct odt *o, int header);
void odt_row_end(struct odt *o);
/* A cell holding a paragraph: odt_cell() .. odt_cell_end(), or
 * odt_cell_text() for one of text only. */
void odt_cell(struct odt *o, int header);
void odt_cell_end(struct odt *o);
void odt_cell_text(struct odt *o, int header, const char *s);
/* A row of a field table: the label in bold, then the value. */
void odt_field(struct odt *o, const char *label, const char *value);

/* Append what o wrote to out and start afresh.  PT_EINTERNAL when the
 * writer failed. */
enum pt_status odt_fragment(struct odt *o, struct pt_buf *out,
                            struct pt_err *err);

/* "3 december 2026" (UTC) in buf. */
void odt_date(char *buf, size_t size, time_t t);

/*
 * Replace out with the package of kind of the body (the children of
 * office:text or w:body) titled title, made at when.  PT_EINTERNAL when it
 * cannot be made.
 */
enum pt_status odt_package(struct pt_buf *out, enum odt_kind kind,
                           const char *body, size_t len, const char *title,
                           time_t when, struct pt_err *err);

#endif
