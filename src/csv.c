/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * csv.c: the CSV dialects (see csv.h).
 */
#include "config.h"

#include <string.h>

#include "csv.h"

static const char *const dialect_names[] = {"rfc4180", "excel-nl"};

int
csv_dialect_parse(const char *s)
{
	size_t i;

	for (i = 0;
	     s != NULL && i < sizeof dialect_names / sizeof *dialect_names; i++)
		if (strcmp(s, dialect_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
csv_dialect_name(enum csv_dialect d)
{
	return (size_t)d < sizeof dialect_names / sizeof *dialect_names
	           ? dialect_names[d]
	           : NULL;
}

int
csv_looks_numeric(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] < '0' || s[0] > '9')
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] < '0' || s[i] > '9') &&
		    strchr(".,:/-+%eETZ ", s[i]) == NULL)
			return 0;
	return 1;
}

/* One field of dialect excel-nl. */
static void
excel_nl_field(struct pt_buf *out, const char *s, size_t n)
{
	size_t i;
	int quote = 0;

	for (i = 0; i < n && !quote; i++)
		quote =
		    s[i] == ';' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		pt_buf_addc(out, '"');
	if (csv_looks_numeric(s, n))
		pt_buf_adds(out, CSV_TEXT_MARK);
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			pt_buf_addc(out, '"');
		pt_buf_addc(out, s[i]);
	}
	if (quote)
		pt_buf_addc(out, '"');
}

/*
 * Read the field at *p of RFC 4180 text ending at end into val (its value
 * unquoted) and return what ended it: ',' (another field follows), '\n'
 * (the row ended) or 0 (the text ended).
 */
static int
next_field(const char **p, const char *end, struct pt_buf *val)
{
	const char *s = *p;

	pt_buf_reset(val);
	if (s < end && *s == '"') {
		for (s++; s < end; s++) {
			if (*s == '"' && s + 1 < end && s[1] == '"')
				s++;
			else if (*s == '"') {
				s++;
				break;
			}
			pt_buf_addc(val, *s);
		}
	}
	/* Unquoted (or what follows a closing quote). */
	for (; s < end && *s != ',' && *s != '\n'; s++)
		if (!(*s == '\r' && s + 1 < end && s[1] == '\n'))
			pt_buf_addc(val, *s);
	*p = s < end ? s + 1 : s;
	return s < end ? *s : 0;
}

void
csv_dialect_apply(struct pt_buf *b, enum csv_dialect d, int bom)
{
	struct pt_buf out = PT_BUF_INIT, val = PT_BUF_INIT;
	const char *p, *end;
	int sep;

	if (d != CSV_EXCEL_NL)
		return;
	if (bom)
		pt_buf_adds(&out, "\xef\xbb\xbf");
	p = b->s != NULL ? b->s : "";
	end = p + b->len;
	while (p < end) {
		sep = next_field(&p, end, &val);
		excel_nl_field(&out, val.s != NULL ? val.s : "", val.len);
		if (sep == ',')
			pt_buf_addc(&out, ';');
		else
			pt_buf_adds(&out, "\r\n");
	}
	pt_buf_release(&val);
	pt_buf_release(b);
	*b = out;
}
