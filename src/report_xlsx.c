/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_xlsx.c: the findings as a workbook (workbook.h): the sheet
 * "Bevindingen", one row per finding, "Teksten", the quoted text of each
 * provision of each finding in full (a text too long for its row on
 * Bevindingen is cut there and says so), and "Herkomst", the provenance
 * as in the amendment workbook.
 *
 * A report is written a part at a time and each result is freed after its
 * part (format.h), so the parts keep what the workbook needs in out: one
 * record per finding row, per law version quoted and per result's
 * provenance, each field written as "LEN:BYTES" (or "-" for none) and
 * ended by ',' or, for the last field of a record, '\n'.  The last part
 * reads the records back and makes the workbook in their place.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "provenance.h"
#include "report.h"
#include "vocab.h"
#include "workbook.h"

/* The columns of the sheet Bevindingen. */
enum {
	XC_PROEFTUIN,
	XC_REGEL,
	XC_SOORT,
	XC_ERNST,
	XC_NIVEAU,
	XC_TITEL,
	XC_BEPALINGEN,
	XC_TEKST,
	XC_LINK,
	XC_WIJZIGING,
	XC_BEOORDELING,
	XC_TOELICHTING,
	XC_BEVINDING,
	XC_NCOLS
};

#define TEKSTEN_MORE "De hele tekst staat op het blad Teksten."

static const struct workbook_column columns[XC_NCOLS] = {
    [XC_PROEFTUIN] = {"Proeftuin", 14, 0, NULL},
    [XC_REGEL] = {"Regel", 24, 0, NULL},
    [XC_SOORT] = {"Soort", 12, 0, NULL},
    [XC_ERNST] = {"Ernst", 11, 0, NULL},
    [XC_NIVEAU] = {"Niveau", 9, 0, NULL},
    [XC_TITEL] = {"Titel", 40, 0, NULL},
    [XC_BEPALINGEN] = {"Aangehaalde bepalingen", 26, 0, NULL},
    [XC_TEKST] = {"Geciteerde tekst", 70, 0, TEKSTEN_MORE},
    [XC_LINK] = {"wetten.overheid.nl", 30, WORKBOOK_LINK, NULL},
    [XC_WIJZIGING] = {"Wijziging", 50, 0, NULL},
    [XC_BEOORDELING] = {"Beoordeling", 16, 0, NULL},
    [XC_TOELICHTING] = {"Toelichting beoordeling", 40, 0, NULL},
    [XC_BEVINDING] = {"Bevinding", 30, 0, NULL},
};

/* The sheet Teksten: each provision's text of each finding in full. */
enum { TC_BEVINDING, TC_BEPALING, TC_LINK, TC_TEKST, TC_NCOLS };

static const struct workbook_column text_columns[TC_NCOLS] = {
    [TC_BEVINDING] = {"Bevinding", 30, 0, NULL},
    [TC_BEPALING] = {"Bepaling", 26, 0, NULL},
    [TC_LINK] = {"wetten.overheid.nl", 30, WORKBOOK_LINK, NULL},
    [TC_TEKST] = {"Tekst", 100, 0, NULL},
};

/* The kinds of record. */
#define REC_TEXT    'T'
#define REC_FINDING 'F'
#define REC_LAW     'L'
#define REC_PROV    'P'

static void
put(struct pt_buf *out, const char *s, int last)
{
	if (s == NULL)
		pt_buf_addc(out, '-');
	else
		pt_buf_addf(out, "%zu:%s", strlen(s), s);
	pt_buf_addc(out, last ? '\n' : ',');
}

/* The next field of a record at *p (before end) into *val (NULL for
 * none; borrowed until the next call); 0 at the end or on a bad record. */
static int
get(const char **p, const char *end, char **val, int *last)
{
	const char *s = *p;
	char *e;
	unsigned long long n;

	free(*val);
	*val = NULL;
	if (s >= end)
		return 0;
	if (*s == '-') {
		s++;
	} else {
		n = strtoull(s, &e, 10);
		if (e == s || e >= end || *e != ':' ||
		    n > (unsigned long long)(end - e - 1))
			return 0;
		*val = xstrndup(e + 1, (size_t)n);
		s = e + 1 + n;
	}
	if (s >= end || (*s != ',' && *s != '\n'))
		return 0;
	*last = *s == '\n';
	*p = s + 1;
	return 1;
}

/* The quoted text of every provision of f, each under its citation. */
static char *
quoted(const struct finding *f)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < f->nprovisions; i++) {
		const struct finding_provision *p = &f->provisions[i];
		char *c = cite_provision(p);

		if (i > 0)
			pt_buf_adds(&b, "\n\n");
		if (p->in_registry && p->text != NULL)
			pt_buf_addf(&b, "%s:\n%s", c, p->text);
		else
			pt_buf_addf(&b, "%s: niet in het register: %s", c,
			            p->missing ? p->missing
			                       : "onbekend waarom");
		free(c);
	}
	return pt_buf_detach(&b);
}

static void
finding_record(struct pt_buf *out, const struct check_result *r,
               const struct finding *f)
{
	struct pt_buf cites = PT_BUF_INIT;
	const char *cells[XC_NCOLS];
	char *text = quoted(f);
	size_t i;

	for (i = 0; i < f->nprovisions; i++) {
		char *c = cite_provision(&f->provisions[i]);

		pt_buf_addf(&cites, "%s%s", i ? "\n" : "", c);
		free(c);
	}
	cells[XC_PROEFTUIN] = r->design->id;
	cells[XC_REGEL] = f->rule->id;
	cells[XC_SOORT] = report_kind_label(f->rule->kind);
	cells[XC_ERNST] = report_severity_label(f->severity);
	cells[XC_NIVEAU] = vocab_level_name(f->level);
	cells[XC_TITEL] = f->rule->titel;
	cells[XC_BEPALINGEN] = cites.s;
	cells[XC_TEKST] = text;
	/* The first provision, which an amendment concerns (report.h). */
	cells[XC_LINK] = f->nprovisions > 0 ? f->provisions[0].url : NULL;
	cells[XC_WIJZIGING] = f->wijziging;
	cells[XC_BEOORDELING] = report_review_label(f);
	cells[XC_TOELICHTING] = f->review_note;
	cells[XC_BEVINDING] = f->id;
	pt_buf_addc(out, REC_FINDING);
	pt_buf_addc(out, ',');
	for (i = 0; i < XC_NCOLS; i++)
		put(out, cells[i], i + 1 == XC_NCOLS);
	pt_buf_release(&cites);
	free(text);
	for (i = 0; i < f->nprovisions; i++) {
		const struct finding_provision *p = &f->provisions[i];
		char *c = cite_provision(p), *t = NULL;

		if (!(p->in_registry && p->text != NULL))
			t = xasprintf("niet in het register: %s",
			              p->missing ? p->missing
			                         : "onbekend waarom");
		pt_buf_adds(out, "T,");
		put(out, f->id, 0);
		put(out, c, 0);
		put(out, p->url, 0);
		put(out, t != NULL ? t : p->text, 1);
		free(c);
		free(t);
	}
}

/* The records of one result: its provenance, laws and findings. */
static void
records(struct pt_buf *out, const struct check_result *r)
{
	struct provenance_law *laws;
	char when[32], *rules;
	size_t n, i;

	snprintf(when, sizeof when, "%lld", (long long)r->generated);
	rules = workbook_rules_text(r->rules);
	pt_buf_adds(out, "P,");
	put(out, when, 0);
	put(out, rules, 0);
	put(out,
	    r->rules != NULL && r->rules->sha256[0] != '\0' ? r->rules->sha256
	                                                    : NULL,
	    1);
	free(rules);
	provenance_laws(&r, 1, &laws, &n);
	for (i = 0; i < n; i++) {
		pt_buf_adds(out, "L,");
		put(out, laws[i].bwb, 0);
		put(out, laws[i].version, 0);
		put(out, laws[i].sha256, 1);
	}
	free(laws);
	for (i = 0; i < r->nfindings; i++)
		finding_record(out, r, &r->findings[i]);
}

/* What the records hold, read back. */
struct sheet_data {
	char ***rows; /* XC_NCOLS fields each */
	size_t nrows;
	char ***texts; /* TC_NCOLS fields each */
	size_t ntexts;
	struct provenance_law *laws; /* strings owned, see data_free() */
	size_t nlaws;
	char *when, *rules, *sha;
};

static void
data_free(struct sheet_data *d)
{
	size_t i, c;

	for (i = 0; i < d->nrows; i++) {
		for (c = 0; c < XC_NCOLS; c++)
			free(d->rows[i][c]);
		free(d->rows[i]);
	}
	free(d->rows);
	for (i = 0; i < d->ntexts; i++) {
		for (c = 0; c < TC_NCOLS; c++)
			free(d->texts[i][c]);
		free(d->texts[i]);
	}
	free(d->texts);
	for (i = 0; i < d->nlaws; i++) {
		free((char *)d->laws[i].bwb);
		free((char *)d->laws[i].version);
		free((char *)d->laws[i].sha256);
	}
	free(d->laws);
	free(d->when);
	free(d->rules);
	free(d->sha);
}

static int
streq0(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
law_cmp(const void *a, const void *b)
{
	const struct provenance_law *x = a, *y = b;
	int c = strcmp(x->bwb, y->bwb);

	if (c != 0)
		return c;
	if (x->version == NULL || y->version == NULL)
		return (x->version != NULL) - (y->version != NULL);
	return strcmp(x->version, y->version);
}

/* Read the records of s[0..n) into d; 0 when one is bad. */
static int
data_read(const char *s, size_t n, struct sheet_data *d)
{
	const char *p = s, *end = s + n;
	char *v = NULL, *f[XC_NCOLS];
	size_t k, want, i;
	int last = 0, kind;

	memset(d, 0, sizeof *d);
	while (p < end) {
		kind = *p;
		if (p + 1 >= end || p[1] != ',')
			return 0;
		p += 2;
		want = kind == REC_FINDING ? XC_NCOLS
		       : kind == REC_TEXT  ? TC_NCOLS
		                           : 3;
		for (k = 0; k < want; k++) {
			if (!get(&p, end, &v, &last) ||
			    last != (k + 1 == want)) {
				while (k-- > 0)
					free(f[k]);
				free(v);
				return 0;
			}
			f[k] = v;
			v = NULL;
		}
		if (kind == REC_FINDING) {
			d->rows =
			    xrealloc(d->rows, (d->nrows + 1) * sizeof *d->rows);
			d->rows[d->nrows] = xcalloc(XC_NCOLS, sizeof(char *));
			memcpy(d->rows[d->nrows++], f, sizeof f);
		} else if (kind == REC_TEXT) {
			d->texts = xrealloc(d->texts,
			                    (d->ntexts + 1) * sizeof *d->texts);
			d->texts[d->ntexts] = xcalloc(TC_NCOLS, sizeof(char *));
			memcpy(d->texts[d->ntexts++], f,
			       TC_NCOLS * sizeof(char *));
		} else if (kind == REC_LAW && f[0] != NULL) {
			d->laws =
			    xrealloc(d->laws, (d->nlaws + 1) * sizeof *d->laws);
			d->laws[d->nlaws].bwb = f[0];
			d->laws[d->nlaws].version = f[1];
			d->laws[d->nlaws++].sha256 = f[2];
		} else if (kind == REC_PROV && d->when == NULL) {
			d->when = f[0];
			d->rules = f[1];
			d->sha = f[2];
		} else {
			for (k = 0; k < want; k++)
				free(f[k]);
		}
	}
	/* Each law version once, in order. */
	if (d->nlaws > 1)
		qsort(d->laws, d->nlaws, sizeof *d->laws, law_cmp);
	for (i = k = 0; i < d->nlaws; i++) {
		if (k > 0 && strcmp(d->laws[k - 1].bwb, d->laws[i].bwb) == 0 &&
		    streq0(d->laws[k - 1].version, d->laws[i].version)) {
			free((char *)d->laws[i].bwb);
			free((char *)d->laws[i].version);
			free((char *)d->laws[i].sha256);
			continue;
		}
		d->laws[k++] = d->laws[i];
	}
	d->nlaws = k;
	return 1;
}

static void
fill(struct workbook *wb, const void *arg)
{
	const struct sheet_data *d = arg;
	struct workbook_sheet *sh, *texts;
	struct workbook_prov p;
	struct pt_err e = PT_ERR_INIT;
	size_t i;

	sh = workbook_sheet(wb, "Bevindingen", columns, XC_NCOLS);
	texts = workbook_sheet(wb, "Teksten", text_columns, TC_NCOLS);
	memset(&p, 0, sizeof p);
	if (d->when != NULL)
		p.when = (time_t)strtoll(d->when, NULL, 10);
	else if (provenance_time(&p.when, &e) != PT_OK)
		p.when = time(NULL);
	pt_err_clear(&e);
	p.rules = d->rules != NULL ? d->rules : "0 regels";
	p.rules_sha256 = d->sha;
	p.laws = d->laws;
	p.nlaws = d->nlaws;
	workbook_provenance(wb, &p);
	for (i = 0; i < d->nrows; i++)
		workbook_row(sh, i + 1, (const char *const *)d->rows[i]);
	for (i = 0; i < d->ntexts; i++)
		workbook_row(texts, i + 1, (const char *const *)d->texts[i]);
}

enum pt_status
report_xlsx_part(struct pt_buf *out, const struct check_result *r, size_t i,
                 size_t n, struct pt_err *err)
{
	struct sheet_data d;
	struct pt_buf rec;
	enum pt_status rc;

	if (i == 0 && out->len != 0)
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "a workbook report must start in an empty "
		                  "buffer");
	if (r != NULL)
		records(out, r);
	if (i + 1 < n)
		return PT_OK;
	/* The last part: the records become the workbook. */
	rec = *out;
	pt_buf_init(out);
	if (!data_read(rec.s != NULL ? rec.s : "", rec.len, &d)) {
		data_free(&d);
		pt_buf_release(&rec);
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "the parts of a workbook report are damaged");
	}
	pt_buf_release(&rec);
	rc = workbook_make(out, NULL, fill, &d, err);
	data_free(&d);
	return rc;
}
