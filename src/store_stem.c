/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_stem.c: the FTS5 tokenizer "dutch" (see store_priv.h): the words of
 * unicode61 (remove_diacritics 2), each cut to its stem by the Snowball
 * Dutch stemmer, so that "gecertificeerd" finds "gecertificeerde" and
 * "ouders" finds "ouder".  The index and the query are cut alike; the
 * offsets are those of the words as written, so snippets show the text.
 * A prefix term ("kind*") is left as typed: the stem of a prefix is not a
 * prefix of the stems.
 *
 * Ownership: a tokenizer owns its unicode61 instance and its stemmer.
 */
#include "config.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store_priv.h"

struct stem_tok {
	fts5_tokenizer base; /* unicode61's methods */
	Fts5Tokenizer *inner;
	struct sb_stemmer *sb;
};

struct stem_call {
	struct stem_tok *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
};

static void
stem_delete(Fts5Tokenizer *p)
{
	struct stem_tok *t = (struct stem_tok *)p;

	if (t == NULL)
		return;
	if (t->inner != NULL)
		t->base.xDelete(t->inner);
	if (t->sb != NULL)
		sb_stemmer_delete(t->sb);
	free(t);
}

static int
stem_create(void *api, const char **argv, int argc, Fts5Tokenizer **out)
{
	static const char *const args[] = {"remove_diacritics", "2"};
	fts5_api *fts = api;
	struct stem_tok *t = xcalloc(1, sizeof *t);
	void *ud = NULL;
	int rc;

	(void)argv;
	(void)argc;
	*out = NULL;
	rc = fts->xFindTokenizer(fts, "unicode61", &ud, &t->base);
	if (rc == SQLITE_OK)
		rc = t->base.xCreate(ud, (const char **)args, 2, &t->inner);
	if (rc == SQLITE_OK && (t->sb = sb_stemmer_new("dutch", NULL)) == NULL)
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK) {
		stem_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static int
stem_token(void *p, int flags, const char *s, int n, int start, int end)
{
	struct stem_call *c = p;
	const sb_symbol *stem;

	stem = sb_stemmer_stem(c->t->sb, (const sb_symbol *)s, n);
	if (stem == NULL)
		return SQLITE_NOMEM;
	return c->token(c->ctx, flags, (const char *)stem,
	                sb_stemmer_length(c->t->sb), start, end);
}

static int
stem_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
              int (*token)(void *, int, const char *, int, int, int))
{
	struct stem_tok *t = (struct stem_tok *)p;
	struct stem_call c;

	if (flags & FTS5_TOKENIZE_PREFIX)
		return t->base.xTokenize(t->inner, ctx, flags, text, n, token);
	c.t = t;
	c.ctx = ctx;
	c.token = token;
	return t->base.xTokenize(t->inner, &c, flags, text, n, stem_token);
}

/* The fts5_api of db, or NULL. */
static fts5_api *
fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	return api;
}

int
store_stem_register(sqlite3 *db)
{
	static fts5_tokenizer methods = {stem_create, stem_delete,
	                                 stem_tokenize};
	fts5_api *api = fts5_of(db);

	if (api == NULL || api->iVersion < 2)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "dutch", api, &methods, NULL);
}
