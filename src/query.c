/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * query.c: bound and de-duplicate a search query (see query.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "lawref.h"
#include "query.h"

struct term {
	const char *s;
	size_t len;
};

/* A byte of an FTS5 bareword: letters, digits, '_' and all of non-ASCII. */
static int
bare(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80 || c == 0x1a;
}

static int
is_operator(const char *s, size_t len)
{
	return (len == 3 &&
	        (memcmp(s, "AND", 3) == 0 || memcmp(s, "NOT", 3) == 0)) ||
	       (len == 2 && memcmp(s, "OR", 2) == 0) ||
	       (len == 4 && memcmp(s, "NEAR", 4) == 0);
}

/* The end of the phrase opening at p ('"'), or NULL when it is open. */
static const char *
phrase_end(const char *p)
{
	for (p++; *p; p++) {
		if (*p == '"') {
			if (p[1] != '"')
				return p + 1;
			p++;
		}
	}
	return NULL;
}

enum tok_kind {
	TOK_END,
	TOK_WORD,     /* a bareword, perhaps with a final '*' */
	TOK_PHRASE,   /* a "quoted phrase" */
	TOK_OPEN,     /* a '"' that opens a phrase never closed */
	TOK_OPERATOR, /* AND, OR, NOT, NEAR */
	TOK_PUNCT     /* one other byte: ':', '(', '-', '.', ... */
};

struct tok {
	enum tok_kind kind;
	const char *s; /* the token's bytes in the text */
	size_t len;
	int glued; /* a token follows without white space between */
};

/*
 * The one tokenizer of a query: the token at or after *p, and *p moved past
 * it.  query_build() reads the tokens as FTS5 syntax; literal_query() joins
 * glued tokens back into the words the reader typed.
 */
static struct tok
next_tok(const char **p)
{
	struct tok t = {TOK_END, NULL, 0, 0};
	const char *s = *p, *e;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*p = s;
		return t;
	}
	if (*s == '"') {
		e = phrase_end(s);
		t.kind = e != NULL ? TOK_PHRASE : TOK_OPEN;
		if (e == NULL)
			e = s + strlen(s);
	} else if (bare((unsigned char)*s)) {
		for (e = s; bare((unsigned char)*e); e++)
			;
		t.kind =
		    is_operator(s, (size_t)(e - s)) ? TOK_OPERATOR : TOK_WORD;
		if (t.kind == TOK_WORD && *e == '*')
			e++;
	} else {
		t.kind = TOK_PUNCT;
		e = s + 1;
	}
	t.s = s;
	t.len = (size_t)(e - s);
	t.glued = *e != '\0' && !isspace((unsigned char)*e);
	*p = e;
	return t;
}

static int
seen(const struct term *t, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].len == len && strncasecmp(t[i].s, s, len) == 0)
			return 1;
	return 0;
}

enum pt_status
query_build(const char *text, char **out, struct pt_err *err)
{
	struct term t[QUERY_MAX_TERMS];
	struct pt_buf b = PT_BUF_INIT;
	size_t nterms = 0, ndistinct = 0, len = strlen(text), i;
	const char *p = text;
	struct tok k;
	int plain = 1;

	*out = NULL;
	if (len > QUERY_MAX_BYTES)
		return pt_err_set(
		    err, PT_EUSAGE, NULL, 0, 0,
		    "the query has %zu bytes, more than the maximum "
		    "of %d",
		    len, QUERY_MAX_BYTES);
	while ((k = next_tok(&p)).kind != TOK_END) {
		if (k.kind == TOK_OPEN)
			plain = 0; /* the store reports it */
		if (k.kind != TOK_WORD && k.kind != TOK_PHRASE) {
			plain = 0;
			continue;
		}
		if (k.glued)
			plain = 0; /* "word:", "word(", "a^b" */
		nterms++;
		if (!seen(t, ndistinct, k.s, k.len)) {
			if (ndistinct == QUERY_MAX_TERMS)
				return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				                  "the query has more than %d "
				                  "different terms",
				                  QUERY_MAX_TERMS);
			t[ndistinct].s = k.s;
			t[ndistinct++].len = k.len;
		}
	}
	if (!plain && nterms > QUERY_MAX_TERMS)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "the query has %zu terms, more than the "
		                  "maximum of %d with operators",
		                  nterms, QUERY_MAX_TERMS);
	if (!plain) {
		*out = xstrdup(text);
		return PT_OK;
	}
	if (ndistinct == 0)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0, "no query given");
	for (i = 0; i < ndistinct; i++) {
		if (i)
			pt_buf_addc(&b, ' ');
		pt_buf_add(&b, t[i].s, t[i].len);
	}
	*out = pt_buf_detach(&b);
	return PT_OK;
}

/*
 * text with every word made a phrase ("art." "3.2" "ouder-kind"), each
 * once: what a reader meant who typed punctuation, not FTS5 syntax.  A word
 * is a run of glued tokens of next_tok().  The tokenizer of the index then
 * reads "3.2" as 3 followed by 2.  NULL when no word is left.  Caller frees.
 */
static char *
literal_query(const char *text)
{
	struct term t[QUERY_MAX_TERMS];
	struct pt_buf b = PT_BUF_INIT;
	const char *p = text, *e, *q, *s;
	struct tok k;
	size_t n = 0;

	while ((k = next_tok(&p)).kind != TOK_END) {
		if (k.kind == TOK_OPERATOR && !k.glued)
			continue; /* "kind AND": a dangling operator, no word */
		for (s = k.s; k.glued;)
			k = next_tok(&p);
		e = p;
		if (!seen(t, n, s, (size_t)(e - s)) && n < QUERY_MAX_TERMS) {
			t[n].s = s;
			t[n++].len = (size_t)(e - s);
			if (b.len > 0)
				pt_buf_addc(&b, ' ');
			pt_buf_addc(&b, '"');
			for (q = s; q < e; q++) {
				if (*q == '"')
					pt_buf_addc(&b, '"');
				pt_buf_addc(&b, *q);
			}
			pt_buf_addc(&b, '"');
		}
	}
	if (n == 0) {
		pt_buf_release(&b);
		return NULL;
	}
	return pt_buf_detach(&b);
}

/* At most this many bytes of a provision's text stand in for a snippet. */
#define QUERY_REF_SNIPPET 240

/* The first bytes of s, cut at a character boundary, with "..." when cut. */
static char *
opening(const char *s)
{
	size_t len = strlen(s);

	if (len <= QUERY_REF_SNIPPET)
		return xstrdup(s);
	len = QUERY_REF_SNIPPET;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return xasprintf("%.*s...", (int)len, s);
}

/* The hit for the provision p (found). */
static void
hit_of(const struct store_provision *p, struct store_search_hit *h)
{
	h->bwb = xstrdup(p->bwb);
	h->citeertitel = p->citeertitel ? xstrdup(p->citeertitel) : NULL;
	h->version_date = p->version_date ? xstrdup(p->version_date) : NULL;
	h->artikel = xstrdup(p->artikel);
	h->label = p->lid != NULL
	               ? xasprintf("%s, lid %s",
	                           p->label ? p->label : p->artikel, p->lid)
	           : p->label ? xstrdup(p->label)
	                      : NULL;
	h->snippet = opening(p->text ? p->text : "");
}

/*
 * The provisions ref names, in force at date: the one of ref.bwb, or when
 * ref names no law that article (and lid) of every law of the registry
 * that has it, as candidates, by BWB id.  Those from the offset-th, at
 * most limit, into *hits; their number in *total.
 */
static void
provisions_of(struct pt_store *st, const struct lawref *ref,
              const struct store_law *laws, size_t nlaws, const char *date,
              size_t limit, size_t offset, struct store_search_hit **hits,
              size_t *n, size_t *total)
{
	struct store_search_hit *v = NULL;
	size_t i, cap = 0, all = 0;

	for (i = 0; i < nlaws; i++) {
		struct pt_err e = PT_ERR_INIT;
		struct store_provision p;
		const char *bwb = ref->bwb != NULL ? ref->bwb : laws[i].bwb;

		if (ref->bwb != NULL && i > 0)
			break;
		memset(&p, 0, sizeof p);
		if (store_provision_at(st, bwb, ref->artikel, ref->lid, date,
		                       &p, &e) == PT_OK &&
		    p.found == STORE_FOUND) {
			if (all >= offset && *n < limit) {
				PT_ARRAY_PUSH(v, *n, cap);
				hit_of(&p, &v[*n - 1]);
			}
			all++;
		}
		pt_err_clear(&e);
		store_provision_release(&p);
	}
	*hits = v;
	*total = all;
}

/*
 * When text is a reference ("art. 3.2 Jeugdwet", "BW 1:255 lid 2", or "2.4
 * lid 2" naming no law) to provisions of the registry in force at date,
 * those provisions as the hits: 1.  Else 0, and nothing is set; a quoted
 * phrase is always text.
 */
static int
reference_hit(struct pt_store *st, const char *text, const char *date,
              size_t limit, size_t offset, struct store_search_hit **hits,
              size_t *n, size_t *total)
{
	struct pt_err e = PT_ERR_INIT;
	struct store_law *laws = NULL;
	struct lawref ref;
	size_t nlaws = 0, all = 0;

	if (strchr(text, '"') != NULL ||
	    store_laws(st, &laws, &nlaws, &e) != PT_OK)
		return 0;
	if (lawref_parse_any(text, laws, nlaws, &ref, &e) != PT_OK) {
		store_laws_free(laws, nlaws);
		pt_err_clear(&e);
		return 0;
	}
	provisions_of(st, &ref, laws, nlaws, date, limit, offset, hits, n,
	              &all);
	store_laws_free(laws, nlaws);
	lawref_release(&ref);
	if (all > 0 && total != NULL)
		*total = all;
	return all > 0;
}

/*
 * What the reader is told about a query the index cannot read, in Dutch
 * and in the reader's terms: never the syntax of the search engine.
 */
static enum pt_status
syntax_hint(const char *text, struct pt_err *err)
{
	const char *p;
	size_t quotes = 0;

	pt_err_clear(err);
	for (p = text; *p; p++)
		quotes += *p == '"';
	if (quotes % 2 == 1)
		return pt_err_set(
		    err, PT_EUSAGE, NULL, 0, 0,
		    "zoekvraag '%s': een aanhalingsteken (\") "
		    "opent een woordgroep die niet wordt gesloten; "
		    "sluit die met een tweede \" of laat het "
		    "aanhalingsteken weg",
		    text);
	return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
	                  "zoekvraag '%s' kan niet worden gelezen; zoek op "
	                  "woorden, op \"een woordgroep\" tussen "
	                  "aanhalingstekens, met OR of NOT tussen twee woorden "
	                  "of een * achter een woord",
	                  text);
}

enum pt_status
query_search(struct pt_store *st, const char *text, const char *date,
             size_t limit, size_t offset, struct store_search_hit **hits,
             size_t *n, size_t *total, struct pt_err *err)
{
	char *q;
	enum pt_status rc;

	*hits = NULL;
	*n = 0;
	if (total != NULL)
		*total = 0;
	if (reference_hit(st, text, date, limit, offset, hits, n, total))
		return PT_OK;
	if ((rc = query_build(text, &q, err)) != PT_OK)
		return rc;
	rc = store_search(st, q, date, limit, offset, hits, n, total, err);
	free(q);
	/* Not FTS5 syntax after all ("art. 3.2", "c.q.", "1:255"): the
	 * words as they stand.  A query with a '"' meant the syntax, and
	 * hears what is wrong with it. */
	if (rc == PT_EUSAGE && strchr(text, '"') == NULL &&
	    (q = literal_query(text)) != NULL) {
		struct pt_err e2 = PT_ERR_INIT;

		if (store_search(st, q, date, limit, offset, hits, n, total,
		                 &e2) == PT_OK) {
			pt_err_clear(err);
			rc = PT_OK;
		}
		pt_err_clear(&e2);
		free(q);
	}
	if (rc == PT_EUSAGE)
		return syntax_hint(text, err);
	return rc;
}
