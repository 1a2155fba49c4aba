/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * query.h: what a reader types into search, made into the FTS5 query the
 * store runs, within bounds that keep every query cheap.
 *
 * A query is at most QUERY_MAX_BYTES bytes and names at most
 * QUERY_MAX_TERMS terms (a term is a word, a word with a final '*', or a
 * "quoted phrase").  A plain list of terms (no operator, parenthesis or
 * column filter) keeps each term once: FTS5 scores and highlights every
 * instance of every term against every other, so a word repeated N times
 * costs N^2 and finds nothing more.  A query with FTS5 operators is
 * passed on as typed (after the same bounds); its syntax is the store's
 * to judge.
 *
 * Ownership: text is borrowed; *out is the caller's to free().
 */
#ifndef PROEFTOETS_QUERY_H
#define PROEFTOETS_QUERY_H

#include <stddef.h>

#include "err.h"
#include "store.h"

#define QUERY_MAX_BYTES 1024
#define QUERY_MAX_TERMS 32

/*
 * Make the FTS5 query for text.  PT_EUSAGE with a message for a query
 * that is empty, too long, or has too many terms.
 */
enum pt_status query_build(const char *text, char **out, struct pt_err *err);

/* store_search() with the query query_build() makes of text.  A text that
 * is a reference to a provision of the registry in force at date, as
 * lawyers type it ("art. 3.2 Jeugdwet", "BW 1:255 lid 2": see lawref.h),
 * gives that provision as the one hit, its text's opening as the snippet;
 * put a reference in quotes to search for its words.  A query the store
 * cannot read as FTS5 syntax ("art. 3.2", "c.q.", "ouder-kind") and has
 * no '"' is run again with each word as a phrase of its own.  limit,
 * offset and total page the hits as store_search() does. */
enum pt_status query_search(struct pt_store *st, const char *text,
                            const char *date, size_t limit, size_t offset,
                            struct store_search_hit **hits, size_t *n,
                            size_t *total, struct pt_err *err);

#endif
