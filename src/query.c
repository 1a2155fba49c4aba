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
	const char *p = text, *e;
	int plain = 1;

	*out = NULL;
	if (len > QUERY_MAX_BYTES)
		return pt_err_set(
		    err, PT_EUSAGE, NULL, 0, 0,
		    "the query has %zu bytes, more than the maximum "
		    "of %d",
		    len, QUERY_MAX_BYTES);
	while (*p) {
		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		if (*p == '"') {
			if ((e = phrase_end(p)) == NULL) {
				plain = 0; /* the store reports it */
				break;
			}
		} else if (bare((unsigned char)*p)) {
			for (e = p; bare((unsigned char)*e); e++)
				;
			if (is_operator(p, (size_t)(e - p))) {
				plain = 0;
				p = e;
				continue;
			}
		} else {
			plain = 0;
			p++;
			continue;
		}
		if (*e == '*')
			e++;
		if (*e != '\0' && !isspace((unsigned char)*e))
			plain = 0; /* "word:", "word(", "a^b" */
		nterms++;
		if (!seen(t, ndistinct, p, (size_t)(e - p))) {
			if (ndistinct == QUERY_MAX_TERMS)
				return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				                  "the query has more than %d "
				                  "different terms",
				                  QUERY_MAX_TERMS);
			t[ndistinct].s = p;
			t[ndistinct++].len = (size_t)(e - p);
		}
		p = e;
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

enum pt_status
query_search(struct pt_store *st, const char *text, const char *date,
             size_t limit, struct store_search_hit **hits, size_t *n,
             struct pt_err *err)
{
	char *q;
	enum pt_status rc;

	*hits = NULL;
	*n = 0;
	if ((rc = query_build(text, &q, err)) != PT_OK)
		return rc;
	rc = store_search(st, q, date, limit, hits, n, err);
	free(q);
	return rc;
}
