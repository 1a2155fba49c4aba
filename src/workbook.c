/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * workbook.c: the XLSX workbooks of check and amendments (see
 * workbook.h).
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "fileio.h"
#include "provenance.h"
#include "rules.h"
#include "workbook.h"

struct workbook_sheet {
	struct workbook *wb;
	lxw_worksheet *ws;
	const struct workbook_column *cols;
	size_t ncols;
};

/* At most this many sheets per workbook. */
#define WORKBOOK_SHEETS 8

struct workbook {
	lxw_workbook *wb;
	lxw_format *head, *wrap, *link;
	lxw_error e; /* the first error */
	struct workbook_sheet sheets[WORKBOOK_SHEETS];
	size_t nsheets;
};
/* Excel holds at most 32767 characters in a cell, a row at most 409
 * points high, a link at most 2079 characters. */
#define XLSX_STR_MAX 32767
#define XLSX_ROW_MAX 409.0
#define XLSX_URL_MAX 2079
/* The height of a line of text in the default font (Calibri 11), and the
 * characters of text a column of width 1 (the width of a digit) holds:
 * letters and spaces are narrower than digits. */
#define LINE_HEIGHT     15.0
#define CHARS_PER_WIDTH 1.2

static void
keep(struct workbook *wb, lxw_error e)
{
	if (wb->e == LXW_NO_ERROR)
		wb->e = e;
}

/* The number of characters (code points) of s[0..n). */
static size_t
chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* The lines s takes in a column `width` characters wide, wrapped. */
static double
lines(const char *s, double width)
{
	const char *nl;
	double n = 0, w = width * CHARS_PER_WIDTH - 1, c;
	size_t len;

	if (w < 1)
		w = 1;
	while (s != NULL) {
		nl = strchr(s, '\n');
		len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		c = (double)chars(s, len);
		/* ceil(c / w), at least one line */
		n += c <= w ? 1 : (double)(long)((c + w - 1) / w);
		s = nl != NULL ? nl + 1 : NULL;
	}
	return n;
}

/* The lines of the highest row. */
#define ROW_LINES ((size_t)(XLSX_ROW_MAX / LINE_HEIGHT))

/* The length of the start of s that takes at most max lines in a column
 * `width` characters wide, ended at a space or line break where there is
 * one. */
static size_t
fit(const char *s, double width, size_t max)
{
	size_t i, used = 1, col = 0, cut = 0, w;

	w = (size_t)(width * CHARS_PER_WIDTH);
	w = w > 2 ? w - 1 : 1;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\n') {
			cut = i;
			col = 0;
			if (++used > max)
				return cut;
			continue;
		}
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (s[i] == ' ')
			cut = i;
		if (++col > w) {
			col = 1;
			if (++used > max)
				break;
		}
	}
	if (s[i] == '\0')
		return i;
	if (cut == 0) /* one long word: at a character */
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
	return cut > 0 ? cut : i;
}

static void
cell(struct workbook_sheet *sh, lxw_row_t r, lxw_col_t c, const char *s)
{
	struct workbook *wb = sh->wb;
	char *cut = NULL;
	size_t n;
	lxw_error e;

	if (s == NULL || *s == '\0' || wb->e != LXW_NO_ERROR)
		return;
	if ((sh->cols[c].flags & WORKBOOK_LINK) && strlen(s) <= XLSX_URL_MAX &&
	    (strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0)) {
		e = worksheet_write_url(sh->ws, r, c, s, wb->link);
		/* Past the links a sheet can hold: the address as text. */
		if (e != LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED) {
			keep(wb, e);
			return;
		}
	}
	if (sh->cols[c].more != NULL &&
	    lines(s, sh->cols[c].width) > (double)ROW_LINES) {
		n = fit(s, sh->cols[c].width, ROW_LINES - 3);
		s = cut = xasprintf("%.*s \xe2\x80\xa6\n%s", (int)n, s,
		                    sh->cols[c].more);
	} else if (strlen(s) > XLSX_STR_MAX) {
		n = XLSX_STR_MAX;
		while (n > 0 && (s[n] & 0xc0) == 0x80)
			n--;
		s = cut = xstrndup(s, n);
	}
	keep(wb, worksheet_write_string(sh->ws, r, c, s, wb->wrap));
	free(cut);
}

struct workbook_sheet *
workbook_sheet(struct workbook *wb, const char *name,
               const struct workbook_column *cols, size_t ncols)
{
	struct workbook_sheet *sh;
	lxw_worksheet *ws;
	size_t c;

	if (wb->e != LXW_NO_ERROR)
		return NULL;
	if (wb->nsheets == WORKBOOK_SHEETS ||
	    (ws = workbook_add_worksheet(wb->wb, name)) == NULL) {
		keep(wb, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	sh = &wb->sheets[wb->nsheets++];
	sh->wb = wb;
	sh->ws = ws;
	sh->cols = cols;
	sh->ncols = ncols;
	for (c = 0; c < ncols && wb->e == LXW_NO_ERROR; c++) {
		keep(wb, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		                              cols[c].width, wb->wrap));
		keep(wb, worksheet_write_string(ws, 0, (lxw_col_t)c,
		                                cols[c].head, wb->head));
	}
	worksheet_freeze_panes(ws, 1, 0);
	keep(wb, worksheet_autofilter(ws, 0, 0, 0, (lxw_col_t)(ncols - 1)));
	/* Printed: A4 landscape, as wide as the page, the header row on
	 * every page. */
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	keep(wb, worksheet_repeat_rows(ws, 0, 0));
	return wb->e == LXW_NO_ERROR ? sh : NULL;
}

void
workbook_row(struct workbook_sheet *sh, size_t r, const char *const *cells)
{
	double h = 1, n;
	size_t c;

	if (sh == NULL || sh->wb->e != LXW_NO_ERROR)
		return;
	for (c = 0; c < sh->ncols; c++) {
		cell(sh, (lxw_row_t)r, (lxw_col_t)c, cells[c]);
		if (cells[c] != NULL && !(sh->cols[c].flags & WORKBOOK_LINK) &&
		    (n = lines(cells[c], sh->cols[c].width)) > h)
			h = sh->cols[c].more != NULL && n > (double)ROW_LINES
			        ? (double)ROW_LINES
			        : n;
	}
	/* As high as the longest text needs; the default for one line. */
	if (h > 1)
		keep(sh->wb, worksheet_set_row(sh->ws, (lxw_row_t)r,
		                               h * LINE_HEIGHT < XLSX_ROW_MAX
		                                   ? h * LINE_HEIGHT
		                                   : XLSX_ROW_MAX,
		                               NULL));
}

static const struct workbook_column prov_columns[] = {
    {"Gegeven", 28, 0, NULL},
    {"Waarde", 30, 0, NULL},
    {"Versie", 12, 0, NULL},
    {"SHA-256", 66, 0, NULL},
};

char *
workbook_rules_text(const struct ruleset *rs)
{
	if (rs == NULL)
		return xstrdup("0 regels");
	if (rs->sha256[0] == '\0')
		return xasprintf("%zu regels", rs->n);
	return xasprintf("%zu regels uit %zu bestanden", rs->n, rs->nfiles);
}

void
workbook_provenance(struct workbook *wb, const struct workbook_prov *p)
{
	struct workbook_sheet *sh;
	lxw_doc_properties props;
	char at[32], utc[32];
	size_t i, r = 1;

	memset(&props, 0, sizeof props);
	props.created = p->when;
	keep(wb, workbook_set_properties(wb->wb, &props));
	sh = workbook_sheet(wb, "Herkomst", prov_columns,
	                    sizeof prov_columns / sizeof *prov_columns);
	if (sh == NULL)
		return;
	provenance_amsterdam(p->when, at);
	provenance_utc(p->when, utc);
	{
		const char *rows[][4] = {
		    {"Gemaakt (Europe/Amsterdam)", at, NULL, NULL},
		    {"Gemaakt (UTC)", utc, NULL, NULL},
		    {"proeftoets-versie", PACKAGE_VERSION, NULL, NULL},
		    {"Regels", p->rules, NULL, p->rules_sha256}};

		for (i = 0; i < 4; i++)
			workbook_row(sh, r++, rows[i]);
	}
	for (i = 0; i < p->nlaws; i++) {
		const char *row[4] = {"Wet", p->laws[i].bwb,
		                      p->laws[i].version != NULL
		                          ? p->laws[i].version
		                          : "onbekend",
		                      p->laws[i].sha256};

		workbook_row(sh, r++, row);
	}
	if (p->nlaws == 0) {
		const char *row[4] = {"Wet",
		                      "geen: niets geciteerd uit het register",
		                      NULL, NULL};

		workbook_row(sh, r, row);
	}
}

static enum pt_status
make_file(const char *path, workbook_fill_fn fill, const void *arg,
          struct pt_err *err)
{
	struct workbook wb;
	lxw_error e;

	memset(&wb, 0, sizeof wb);
	if ((wb.wb = workbook_new(path)) == NULL)
		return pt_err_set(err, PT_EIO, path, 0, 0,
		                  "cannot create workbook");
	wb.head = workbook_add_format(wb.wb);
	format_set_bold(wb.head);
	format_set_text_wrap(wb.head);
	format_set_align(wb.head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(wb.head, 0xDDEBF7);
	format_set_bottom(wb.head, LXW_BORDER_THIN);
	wb.wrap = workbook_add_format(wb.wb);
	format_set_text_wrap(wb.wrap);
	format_set_align(wb.wrap, LXW_ALIGN_VERTICAL_TOP);
	wb.link = workbook_add_format(wb.wb);
	format_set_underline(wb.link, LXW_UNDERLINE_SINGLE);
	format_set_font_color(wb.link, LXW_COLOR_BLUE);
	format_set_align(wb.link, LXW_ALIGN_VERTICAL_TOP);
	fill(&wb, arg);
	if (wb.e != LXW_NO_ERROR) {
		workbook_close(wb.wb);
		return pt_err_set(err, PT_EINTERNAL, path, 0, 0,
		                  "cannot write workbook: %s",
		                  lxw_strerror(wb.e));
	}
	e = workbook_close(wb.wb);
	if (e != LXW_NO_ERROR)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot write: %s",
		                  lxw_strerror(e));
	return PT_OK;
}

/*
 * libxlsxwriter writes only to a named file: the workbook is made in a
 * directory of its own (0700, under tmpdir) and read back whole, so that
 * it reaches its target the way every other format does.
 */
enum pt_status
workbook_make(struct pt_buf *b, const char *tmpdir, workbook_fill_fn fill,
              const void *arg, struct pt_err *err)
{
	char *dir, *path;
	enum pt_status rc;

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = getenv("TMPDIR");
	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	dir = xasprintf("%s/proeftoets-XXXXXX", tmpdir);
	if (mkdtemp(dir) == NULL) {
		rc = pt_err_set(err, PT_EIO, tmpdir, 0, 0,
		                "cannot make a temporary directory: %s",
		                strerror(errno));
		free(dir);
		return rc;
	}
	path = xasprintf("%s/werkmap.xlsx", dir);
	rc = make_file(path, fill, arg, err);
	if (rc == PT_OK)
		rc = fileio_read(path, WORKBOOK_MAX, b, err);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return rc;
}
