/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * designform.c: the design form's fields <-> design XML (designform.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "designform.h"
#include "vocab.h"

const char *const designform_names[DF_N] = {
    "id",        "naam",    "omschrijving",   "peildatum",
    "gemeenten", "actoren", "gegevensdeling",
};

struct writer {
	struct pt_buf b;
	struct designform_map *map;
};

/* End the current XML line; it belongs to line `line` of field. */
static void
endl(struct writer *w, int field, long line)
{
	pt_buf_addc(&w->b, '\n');
	w->map->at = xrealloc(w->map->at, (w->map->n + 1) * sizeof *w->map->at);
	w->map->at[w->map->n].field = field;
	w->map->at[w->map->n].line = line;
	w->map->n++;
}

/* XML-escaped text or attribute value (s of n bytes). */
static void
esc(struct pt_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			pt_buf_adds(b, "&amp;");
			break;
		case '<':
			pt_buf_adds(b, "&lt;");
			break;
		case '>':
			pt_buf_adds(b, "&gt;");
			break;
		case '"':
			pt_buf_adds(b, "&quot;");
			break;
		case '\t':
			pt_buf_adds(b, "&#9;");
			break;
		case '\r':
		case '\n':
			pt_buf_addc(b, ' ');
			break;
		default:
			pt_buf_addc(b, s[i]);
		}
	}
}

static void
attr(struct pt_buf *b, const char *name, const char *s, size_t n)
{
	pt_buf_addf(b, " %s=\"", name);
	esc(b, s, n);
	pt_buf_addc(b, '"');
}

/* A line's parts, split on ';' and trimmed (pointers into the line). */
struct parts {
	const char *p[8];
	size_t n[8], count;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void
split(const char *s, size_t len, struct parts *pt)
{
	size_t i = 0, start;

	memset(pt, 0, sizeof *pt);
	while (pt->count < 8) {
		start = i;
		while (i < len && s[i] != ';')
			i++;
		pt->p[pt->count] = s + start;
		pt->n[pt->count] = i - start;
		while (pt->n[pt->count] > 0 && is_space(*pt->p[pt->count])) {
			pt->p[pt->count]++;
			pt->n[pt->count]--;
		}
		while (pt->n[pt->count] > 0 &&
		       is_space(pt->p[pt->count][pt->n[pt->count] - 1]))
			pt->n[pt->count]--;
		pt->count++;
		if (i >= len)
			break;
		i++; /* the ';'; the eighth part keeps the rest */
		if (pt->count == 7) {
			pt->p[7] = s + i;
			pt->n[7] = len - i;
			pt->count = 8;
		}
	}
}

/* Call fn for every non-empty line of field value s (1-based numbers). */
#define EACH_LINE(s, line, at, len)                                            \
	for (const char *at = (s), *nl_ = NULL; at != NULL && *at != '\0';     \
	     at = nl_ != NULL ? nl_ + 1 : NULL, (line)++)                      \
		if (nl_ = strchr(at, '\n'),                                    \
		    (len) = nl_ != NULL ? (size_t)(nl_ - at) : strlen(at),     \
		    (len) > 0 && !(len == 1 && at[0] == '\r'))

static size_t
span_len(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

static void
head(struct writer *w, const struct designform *f)
{
	const char *id = f->v[DF_ID] != NULL ? f->v[DF_ID] : "";

	pt_buf_adds(&w->b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	endl(w, -1, 0);
	pt_buf_adds(&w->b, "<proeftuin");
	attr(&w->b, "id", id, strlen(id));
	if (span_len(f->v[DF_PEILDATUM]) > 0)
		attr(&w->b, "peildatum", f->v[DF_PEILDATUM],
		     strlen(f->v[DF_PEILDATUM]));
	pt_buf_adds(&w->b, ">");
	endl(w, DF_ID, 1);
	if (span_len(f->v[DF_NAAM]) > 0) {
		pt_buf_adds(&w->b, "<naam>");
		esc(&w->b, f->v[DF_NAAM], strlen(f->v[DF_NAAM]));
		pt_buf_adds(&w->b, "</naam>");
		endl(w, DF_NAAM, 1);
	}
	if (span_len(f->v[DF_OMSCHRIJVING]) > 0) {
		pt_buf_adds(&w->b, "<omschrijving>");
		esc(&w->b, f->v[DF_OMSCHRIJVING],
		    strlen(f->v[DF_OMSCHRIJVING]));
		pt_buf_adds(&w->b, "</omschrijving>");
		endl(w, DF_OMSCHRIJVING, 1);
	}
}

static void
gemeenten(struct writer *w, const struct designform *f)
{
	long line = 1;
	size_t len;

	if (span_len(f->v[DF_GEMEENTEN]) == 0)
		return;
	pt_buf_adds(&w->b, "<gemeenten>");
	endl(w, DF_GEMEENTEN, 1);
	EACH_LINE(f->v[DF_GEMEENTEN], line, at, len)
	{
		pt_buf_adds(&w->b, "<gemeente>");
		esc(&w->b, at, len);
		pt_buf_adds(&w->b, "</gemeente>");
		endl(w, DF_GEMEENTEN, line);
	}
	pt_buf_adds(&w->b, "</gemeenten>");
	endl(w, DF_GEMEENTEN, line > 1 ? line - 1 : 1);
}

static void
actoren(struct writer *w, const struct designform *f)
{
	/* the parts that are attributes; part 2 is the naam, 6 the taken */
	static const char *const names[6] = {
	    "id", "rol", "", "gecertificeerd", "aangewezen-als", "doelgroep"};
	struct parts pt;
	long line = 1;
	size_t len, k;

	pt_buf_adds(&w->b, "<actoren>");
	endl(w, DF_ACTOREN, 1);
	EACH_LINE(f->v[DF_ACTOREN], line, at, len)
	{
		split(at, len, &pt);
		pt_buf_adds(&w->b, "<actor");
		for (k = 0; k < 6; k++) {
			if (k == 2 ||
			    (k >= 2 && (k >= pt.count || pt.n[k] == 0)))
				continue;
			attr(&w->b, names[k], k < pt.count ? pt.p[k] : "",
			     k < pt.count ? pt.n[k] : 0);
		}
		pt_buf_adds(&w->b, ">");
		if (pt.count > 2 && pt.n[2] > 0) {
			pt_buf_adds(&w->b, "<naam>");
			esc(&w->b, pt.p[2], pt.n[2]);
			pt_buf_adds(&w->b, "</naam>");
		}
		pt_buf_adds(&w->b, "</actor>");
		endl(w, DF_ACTOREN, line);
	}
	pt_buf_adds(&w->b, "</actoren>");
	endl(w, DF_ACTOREN, 1);
}

/* The tasks of every actor line (its seventh part), one taak a line. */
static void
taken(struct writer *w, const struct designform *f)
{
	struct parts pt;
	long line = 1;
	size_t len, i, j;

	pt_buf_adds(&w->b, "<taken>");
	endl(w, DF_ACTOREN, 1);
	EACH_LINE(f->v[DF_ACTOREN], line, at, len)
	{
		split(at, len, &pt);
		if (pt.count < 7)
			continue;
		for (i = 0; i < pt.n[6]; i = j) {
			while (i < pt.n[6] && is_space(pt.p[6][i]))
				i++;
			for (j = i; j < pt.n[6] && !is_space(pt.p[6][j]); j++)
				continue;
			if (j == i)
				break;
			pt_buf_adds(&w->b, "<taak");
			attr(&w->b, "id", pt.p[6] + i, j - i);
			attr(&w->b, "actor", pt.p[0], pt.n[0]);
			pt_buf_adds(&w->b, "/>");
			endl(w, DF_ACTOREN, line);
		}
	}
	pt_buf_adds(&w->b, "</taken>");
	endl(w, DF_ACTOREN, 1);
}

/* The next word of s[*i .. n), skipping blanks; its length (0: none). */
static size_t
word(const char *s, size_t n, size_t *i, size_t *start)
{
	while (*i < n && is_space(s[*i]))
		(*i)++;
	*start = *i;
	while (*i < n && !is_space(s[*i]))
		(*i)++;
	return *i - *start;
}

/* The bepalingen of a deling: "BWB artikel [lid]", separated by ','. */
static void
bepalingen(struct pt_buf *b, const char *s, size_t n)
{
	size_t i = 0, j, k, at, len, rest;

	while (i < n) {
		for (j = i; j < n && s[j] != ','; j++)
			continue;
		k = i;
		if ((len = word(s, j, &k, &at)) > 0) {
			pt_buf_adds(b, "<bepaling");
			attr(b, "bwb", s + at, len);
			if ((len = word(s, j, &k, &at)) > 0)
				attr(b, "artikel", s + at, len);
			while (k < j && is_space(s[k]))
				k++;
			for (rest = j; rest > k && is_space(s[rest - 1]);
			     rest--)
				continue;
			if (rest > k)
				attr(b, "lid", s + k, rest - k);
			pt_buf_adds(b, "/>");
		}
		i = j + 1;
	}
}

static void
gegevensdeling(struct writer *w, const struct designform *f)
{
	struct parts pt;
	long line = 1;
	size_t len;

	pt_buf_adds(&w->b, "<gegevensdeling>");
	endl(w, DF_GEGEVENSDELING, 1);
	EACH_LINE(f->v[DF_GEGEVENSDELING], line, at, len)
	{
		split(at, len, &pt);
		if (pt.n[0] == 7 && strncmp(pt.p[0], "dossier", 7) == 0) {
			pt_buf_adds(&w->b, "<dossier");
			attr(&w->b, "actoren", pt.count > 1 ? pt.p[1] : "",
			     pt.count > 1 ? pt.n[1] : 0);
			pt_buf_adds(&w->b, "/>");
			endl(w, DF_GEGEVENSDELING, line);
			continue;
		}
		/* "deling; " may be left out */
		if (pt.n[0] == 6 && strncmp(pt.p[0], "deling", 6) == 0) {
			memmove(pt.p, pt.p + 1, 7 * sizeof pt.p[0]);
			memmove(pt.n, pt.n + 1, 7 * sizeof pt.n[0]);
			pt.count--;
		}
		pt_buf_adds(&w->b, "<deling");
		attr(&w->b, "van", pt.p[0], pt.n[0]);
		attr(&w->b, "naar", pt.count > 1 ? pt.p[1] : "",
		     pt.count > 1 ? pt.n[1] : 0);
		attr(&w->b, "gegevens", pt.count > 2 ? pt.p[2] : "",
		     pt.count > 2 ? pt.n[2] : 0);
		attr(&w->b, "grondslag", pt.count > 3 ? pt.p[3] : "",
		     pt.count > 3 ? pt.n[3] : 0);
		pt_buf_adds(&w->b, ">");
		if (pt.count > 4)
			bepalingen(&w->b, pt.p[4], pt.n[4]);
		pt_buf_adds(&w->b, "</deling>");
		endl(w, DF_GEGEVENSDELING, line);
	}
	pt_buf_adds(&w->b, "</gegevensdeling>");
	endl(w, DF_GEGEVENSDELING, 1);
}

char *
designform_xml(const struct designform *f, struct designform_map *map)
{
	struct writer w;

	memset(map, 0, sizeof *map);
	pt_buf_init(&w.b);
	w.map = map;
	head(&w, f);
	gemeenten(&w, f);
	actoren(&w, f);
	taken(&w, f);
	gegevensdeling(&w, f);
	pt_buf_adds(&w.b, "</proeftuin>");
	endl(&w, -1, 0);
	return pt_buf_detach(&w.b);
}

int
designform_where(const struct designform_map *map, long line, const char *msg,
                 long *field_line)
{
	*field_line = 0;
	if (line < 1 || (size_t)line > map->n)
		return -1;
	*field_line = map->at[line - 1].line;
	/* the start tag of <proeftuin> carries both id and peildatum */
	if (map->at[line - 1].field == DF_ID && msg != NULL &&
	    strstr(msg, "peildatum") != NULL)
		return DF_PEILDATUM;
	return map->at[line - 1].field;
}

void
designform_map_release(struct designform_map *map)
{
	free(map->at);
	map->at = NULL;
	map->n = 0;
}

/* --- from a design ----------------------------------------------------------
 */

static void
add_bits(struct pt_buf *b, unsigned bits, const char *const *names, int n)
{
	int i, any = 0;

	for (i = 0; i < n; i++)
		if (bits & (1u << i))
			pt_buf_addf(b, "%s%s", any++ ? " " : "", names[i]);
}

static char *
actors_text(const struct design *d)
{
	struct pt_buf b = PT_BUF_INIT;
	const size_t *t;
	size_t i, k, nt;

	for (i = 0; i < d->nactors; i++) {
		const struct design_actor *a = &d->actors[i];

		pt_buf_addf(&b, "%s; %s; %s; %s; ", a->id, a->rol,
		            a->naam != NULL ? a->naam : "",
		            a->gecertificeerd ? "ja" : "nee");
		add_bits(&b, a->aangewezen, vocab_aanwijzing_names,
		         VOCAB_NAANWIJZING);
		pt_buf_addf(&b, "; %s; ",
		            a->doelgroep == DOELGROEP_ALLE ? "alle-leeftijden"
		                                           : "jeugd");
		t = design_actor_taken(d, i, &nt);
		for (k = 0; k < nt; k++)
			pt_buf_addf(&b, "%s%s", k > 0 ? " " : "",
			            d->taken[t[k]].id);
		pt_buf_addc(&b, '\n');
	}
	pt_buf_adds(&b, "");
	return pt_buf_detach(&b);
}

static char *
flows_text(const struct design *d)
{
	static const char *const grond[] = {"geen", "toestemming", "wettelijk"};
	struct pt_buf b = PT_BUF_INIT;
	size_t i, k;

	for (i = 0; i < d->ndelingen; i++) {
		const struct design_deling *f = &d->delingen[i];

		pt_buf_addf(&b, "deling; %s; %s; ", d->actors[f->van].id,
		            d->actors[f->naar].id);
		add_bits(&b, f->gegevens, vocab_gegevens_names,
		         VOCAB_NGEGEVENS);
		pt_buf_addf(&b, "; %s", grond[f->grondslag]);
		for (k = 0; k < f->nbepalingen; k++)
			pt_buf_addf(
			    &b, "%s%s %s%s%s", k == 0 ? "; " : ", ",
			    f->bepalingen[k].bwb, f->bepalingen[k].artikel,
			    f->bepalingen[k].lid != NULL ? " " : "",
			    f->bepalingen[k].lid != NULL ? f->bepalingen[k].lid
			                                 : "");
		pt_buf_addc(&b, '\n');
	}
	for (i = 0; i < d->ndossiers; i++) {
		pt_buf_adds(&b, "dossier;");
		for (k = 0; k < d->dossiers[i].nactoren; k++)
			pt_buf_addf(&b, " %s",
			            d->actors[d->dossiers[i].actoren[k]].id);
		pt_buf_addc(&b, '\n');
	}
	pt_buf_adds(&b, "");
	return pt_buf_detach(&b);
}

void
designform_from_design(const struct design *d, struct designform *f)
{
	struct pt_buf g = PT_BUF_INIT;
	size_t i;

	memset(f, 0, sizeof *f);
	f->v[DF_ID] = xstrdup(d->id);
	f->v[DF_NAAM] = xstrdup(d->naam != NULL ? d->naam : "");
	f->v[DF_OMSCHRIJVING] =
	    xstrdup(d->omschrijving != NULL ? d->omschrijving : "");
	f->v[DF_PEILDATUM] = xstrdup(d->peildatum_given ? d->peildatum : "");
	for (i = 0; i < d->ngemeenten; i++)
		pt_buf_addf(&g, "%s\n", d->gemeenten[i]);
	pt_buf_adds(&g, "");
	f->v[DF_GEMEENTEN] = pt_buf_detach(&g);
	f->v[DF_ACTOREN] = actors_text(d);
	f->v[DF_GEGEVENSDELING] = flows_text(d);
}

void
designform_release(struct designform *f)
{
	size_t i;

	for (i = 0; i < DF_N; i++) {
		free(f->v[i]);
		f->v[i] = NULL;
	}
}
