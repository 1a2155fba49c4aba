/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * lawref.c: a reference to a provision as lawyers type it (lawref.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lawref.h"
#include "store.h"

/* The names lawyers use for the laws the rules cite, lower case, spaces
 * single.  A citeertitel of the registry is tried after these. */
static const struct {
	const char *name, *bwb;
} names[] = {
    {"bw", "BWBR0002656"},
    {"bw boek 1", "BWBR0002656"},
    {"boek 1 bw", "BWBR0002656"},
    {"burgerlijk wetboek", "BWBR0002656"},
    {"burgerlijk wetboek boek 1", "BWBR0002656"},
    {"jeugdwet", "BWBR0034925"},
    {"jw", "BWBR0034925"},
    {"wmo", "BWBR0035362"},
    {"wmo 2015", "BWBR0035362"},
    {"wet maatschappelijke ondersteuning 2015", "BWBR0035362"},
    {"wth", "BWBR0024649"},
    {"wet tijdelijk huisverbod", "BWBR0024649"},
    {"rv", "BWBR0001827"},
    {"wetboek van burgerlijke rechtsvordering", "BWBR0001827"},
    {"awb", "BWBR0005537"},
    {"algemene wet bestuursrecht", "BWBR0005537"},
    {"besluit jeugdwet", "BWBR0035779"},
};

int
lawref_is_bwb(const char *s)
{
	size_t i;

	if (strncmp(s, "BWBR", 4) != 0 && strncmp(s, "bwbr", 4) != 0)
		return 0;
	for (i = 4; s[i] != '\0'; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return i > 4;
}

/* An article number: digits, then letters, digits and dots ("3.2",
 * "7.3.11", "265b", "1.1"), optionally after "N:" (a book of the BW). */
static int
is_article(const char *s)
{
	const char *c = strchr(s, ':');

	if (c != NULL) {
		const char *p;

		for (p = s; p < c; p++)
			if (!isdigit((unsigned char)*p))
				return 0;
		if (c == s)
			return 0;
		s = c + 1;
	}
	if (!isdigit((unsigned char)*s))
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '.')
			return 0;
	return s[-1] != '.';
}

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* The BWB id of name (lower case, single spaces), or NULL; *ambiguous
 * lists the citeertitels a part of which it is, when there are several. */
static const char *
law_of(const char *name, const struct store_law *laws, size_t nlaws,
       struct pt_buf *ambiguous)
{
	const char *hit = NULL;
	size_t i, nhits = 0;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].name, name) == 0)
			return names[i].bwb;
	for (i = 0; i < nlaws; i++) {
		char *t;

		if (laws[i].citeertitel == NULL)
			continue;
		t = xstrdup(laws[i].citeertitel);
		lower(t);
		if (strcmp(t, name) == 0) {
			free(t);
			return laws[i].bwb;
		}
		if (strstr(t, name) != NULL) {
			pt_buf_addf(ambiguous, "%s%s (%s)", nhits ? "; " : "",
			            laws[i].citeertitel, laws[i].bwb);
			hit = laws[i].bwb;
			nhits++;
		}
		free(t);
	}
	if (nhits == 1) {
		pt_buf_reset(ambiguous);
		return hit;
	}
	return NULL;
}

/* The tokens of text (split at spaces and commas), "art." and "artikel"
 * left out, "lid N" taken into *lid; caller frees with free_tokens. */
static char **
tokens(const char *text, size_t *n, char **lid, int *bad_lid)
{
	char **v = NULL, *copy = xstrdup(text), *save = NULL, *t;
	size_t cap = 0;

	*n = 0;
	for (t = strtok_r(copy, " ,\t", &save); t != NULL;
	     t = strtok_r(NULL, " ,\t", &save)) {
		char *l = xstrdup(t);

		lower(l);
		if (strcmp(l, "art.") == 0 || strcmp(l, "art") == 0 ||
		    strcmp(l, "artikel") == 0) {
			free(l);
			continue;
		}
		if (strcmp(l, "lid") == 0) {
			free(l);
			t = strtok_r(NULL, " ,\t", &save);
			if (t == NULL || !isdigit((unsigned char)*t) || *lid)
				*bad_lid = 1;
			else
				*lid = xstrdup(t);
			continue;
		}
		free(l);
		PT_ARRAY_PUSH(v, *n, cap);
		v[*n - 1] = xstrdup(t);
	}
	free(copy);
	return v;
}

static void
free_tokens(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* s as a message quotes it: at most 60 bytes, then "...". */
static const char *
shown(const char *s, char buf[72])
{
	size_t n = strlen(s);

	if (n <= 60)
		return s;
	n = 60;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--; /* not in the middle of a UTF-8 character */
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

/* The BWB id s (checked by lawref_is_bwb()) with its prefix in capitals;
 * caller frees. */
static char *
bwb_upper(const char *s)
{
	char *id = xstrdup(s);

	memcpy(id, "BWBR", 4);
	return id;
}

int
lawref_pair(const char *bwb, const char *artikel, struct lawref *out)
{
	memset(out, 0, sizeof *out);
	if (!lawref_is_bwb(bwb))
		return 0;
	out->bwb = bwb_upper(bwb);
	out->artikel = xstrdup(artikel);
	return 1;
}

/* lawref_parse(); any_law: a reference that names no law is read, with
 * out->bwb NULL. */
static enum pt_status
parse(const char *text, const struct store_law *laws, size_t nlaws, int any_law,
      struct lawref *out, struct pt_err *err)
{
	struct pt_buf name = PT_BUF_INIT, amb = PT_BUF_INIT;
	char **v, *art = NULL, *lid = NULL;
	const char *bwb = NULL;
	size_t n, i, pick = (size_t)-1;
	int bad_lid = 0, book = 0;
	char tb[72], nb[72];
	enum pt_status rc = PT_OK;

	memset(out, 0, sizeof *out);
	v = tokens(text, &n, &lid, &bad_lid);
	/* The article: the first number with a dot, colon or letter ("3.2",
	 * "1:255", "265b"), else the last plain number, since a plain number
	 * may also end a law's name ("Wmo 2015 art. 4"). */
	for (i = 0; i < n && pick == (size_t)-1; i++)
		if (is_article(v[i]) &&
		    strspn(v[i], "0123456789") != strlen(v[i]))
			pick = i;
	for (i = n; i > 0 && pick == (size_t)-1; i--)
		if (is_article(v[i - 1]))
			pick = i - 1;
	for (i = 0; i < n; i++) {
		if (i == pick) {
			const char *c = strchr(v[i], ':');

			if (c != NULL)
				book = atoi(v[i]);
			art = xstrdup(c != NULL ? c + 1 : v[i]);
		} else if (bwb == NULL && lawref_is_bwb(v[i])) {
			bwb = v[i];
		} else {
			if (name.len > 0)
				pt_buf_addc(&name, ' ');
			pt_buf_adds(&name, v[i]);
		}
	}
	if (name.len > 0 && name.s[name.len - 1] == '.')
		name.s[--name.len] = '\0'; /* "BW." */
	if (name.len > 0)
		lower(name.s);
	if (bad_lid) {
		rc = pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                "'%s': 'lid' needs a number after it",
		                shown(text, tb));
	} else if (art == NULL) {
		rc = pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                "'%s': no article number (such as 3.2, 255 "
		                "or 1:255)",
		                shown(text, tb));
	} else if (book != 0 && book != 1) {
		rc =
		    pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		               "'%s': of the Burgerlijk Wetboek only Boek 1 is "
		               "a law of the registry (BWBR0002656)",
		               shown(text, tb));
	} else if (bwb != NULL && name.len > 0) {
		rc = pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                "'%s': a BWB id and a name ('%s'): give one",
		                shown(text, tb), shown(name.s, nb));
	} else if (bwb == NULL && name.len == 0 && book == 1) {
		bwb = "BWBR0002656"; /* "1:255" */
	} else if (bwb == NULL && name.len == 0 && any_law) {
		/* "2.4 lid 2": the article of whichever law has it */
	} else if (bwb == NULL && name.len == 0) {
		rc = pt_err_set(
		    err, PT_EUSAGE, NULL, 0, 0,
		    "'%s': which law? Give its BWB id, citeertitel "
		    "or abbreviation (BW, Rv, Jeugdwet, Wmo 2015, Wth)",
		    shown(text, tb));
	} else if (bwb == NULL &&
	           (bwb = law_of(name.s, laws, nlaws, &amb)) == NULL) {
		if (amb.len > 0)
			rc = pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
			                "'%s' fits several laws: %s",
			                shown(name.s, nb), amb.s);
		else
			rc = pt_err_set(
			    err, PT_EUSAGE, NULL, 0, 0,
			    "'%s': no law of that name (try its BWB "
			    "id, citeertitel or an abbreviation such as "
			    "BW, Rv, Jeugdwet, Wmo 2015, Wth)",
			    shown(name.s, nb));
	} else if (book == 1 && strcmp(bwb, "BWBR0002656") != 0) {
		rc = pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                "'%s': a book number (1:) belongs to the "
		                "Burgerlijk Wetboek",
		                shown(text, tb));
	}
	if (rc == PT_OK) {
		out->bwb = bwb != NULL ? bwb_upper(bwb) : NULL;
		out->artikel = art;
		out->lid = lid;
		art = lid = NULL;
	}
	free(art);
	free(lid);
	free_tokens(v, n);
	pt_buf_release(&name);
	pt_buf_release(&amb);
	return rc;
}

enum pt_status
lawref_parse(const char *text, const struct store_law *laws, size_t nlaws,
             struct lawref *out, struct pt_err *err)
{
	return parse(text, laws, nlaws, 0, out, err);
}

enum pt_status
lawref_parse_any(const char *text, const struct store_law *laws, size_t nlaws,
                 struct lawref *out, struct pt_err *err)
{
	return parse(text, laws, nlaws, 1, out, err);
}

void
lawref_release(struct lawref *r)
{
	free(r->bwb);
	free(r->artikel);
	free(r->lid);
	memset(r, 0, sizeof *r);
}
