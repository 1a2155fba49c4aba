/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * csv.h: the dialects of the CSV that check and amendments write.
 *
 * The writers (report_csv.c, amend.c) write RFC 4180 with
 * report_csv_field(): comma, CRLF after every row, UTF-8 without a BOM,
 * a field quoted when it holds a comma, a quote or a line break.  A cell
 * that starts with =, +, -, @, a tab or a carriage return gets a single
 * quote (') in front, so that no spreadsheet runs it as a formula (CSV
 * injection); that holds in every dialect.
 *
 * csv_dialect_apply() turns whole rows of that text into another
 * dialect.  excel-nl is what a spreadsheet set to Dutch opens as it is:
 * semicolons between the fields (a Dutch spreadsheet reads the comma as
 * the decimal sign), the UTF-8 byte order mark before the first row, CRLF
 * after every row, and every cell that a spreadsheet could take for a
 * number, a date or a time (it starts with a digit and holds only digits
 * and . , : / - + % e E T Z or spaces: an article number such as 2.10 or
 * 1:255, a lid, a date) preceded by U+2060 WORD JOINER, an invisible
 * character that is no digit, so the cell stays the text it was.
 *
 * Nothing here allocates beyond the buffers given.
 */
#ifndef PROEFTOETS_CSV_H
#define PROEFTOETS_CSV_H

#include "buf.h"

enum csv_dialect { CSV_RFC4180 = 0, CSV_EXCEL_NL };

/* The names, for the option's help: "rfc4180|excel-nl". */
#define CSV_DIALECT_NAMES "rfc4180|excel-nl"
/* The UTF-8 encoding of U+2060 WORD JOINER. */
#define CSV_TEXT_MARK "\xe2\x81\xa0"

/* The dialect called s; -1 when there is none. */
int csv_dialect_parse(const char *s);
const char *csv_dialect_name(enum csv_dialect d);
/* Whether a spreadsheet could read s as a number, a date or a time. */
int csv_looks_numeric(const char *s, size_t n);
/* Rewrite b, whole rows of RFC 4180 CSV, in dialect d; bom: b is the
 * start of the file. CSV_RFC4180 leaves b as it is. */
void csv_dialect_apply(struct pt_buf *b, enum csv_dialect d, int bom);

#endif
