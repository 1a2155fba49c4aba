/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * diff.h: word-level difference between two texts.
 *
 * diff_words() splits both texts into words (runs of bytes other than
 * space, tab, carriage return and newline) and line breaks, and finds a
 * shortest edit script with Myers' O(ND) algorithm, after taking off the
 * common prefix and suffix.  Time is O((N+M) D) and memory O(D^2) for D
 * edits, both bounded: when more than DIFF_MAX_EDITS edits would be needed
 * the part that is left is shown as deleted and inserted whole, and the
 * result says so (approximate = 1).  The edit script is still correct (it
 * turns a into b); it is only not the shortest.
 *
 * The result is a list of chunks: runs of words that are equal, deleted
 * (only in a) or inserted (only in b).  Inside a stretch between two equal
 * chunks the deleted chunk always comes before the inserted one.  A chunk's
 * text is its words joined by one space, with "\n" where a line ended and
 * the indentation of the line kept.
 *
 * diff_plain() writes the diff the way `git diff --word-diff=plain` does:
 * equal words plain, deleted words as [-woord-], inserted words as
 * {+woord+}; with colour (ANSI red/green) when asked.
 *
 * Ownership: struct diff owns its chunks and their text; free with
 * diff_free().  Input strings are borrowed.
 */
#ifndef PROEFTOETS_DIFF_H
#define PROEFTOETS_DIFF_H

#include <stddef.h>

#include "buf.h"

/* Edits beyond which the rest is shown as replaced whole. */
#define DIFF_MAX_EDITS 1000

enum diff_op { DIFF_EQUAL = 0, DIFF_DELETE, DIFF_INSERT };

struct diff_chunk {
	enum diff_op op;
	char *text;
	size_t words; /* words in the chunk (line breaks not counted) */
};

struct diff {
	struct diff_chunk *chunks;
	size_t n;
	size_t equal, deleted, inserted; /* words */
	int approximate;                 /* the edit limit was reached */
};

/* Diff a against b (either may be NULL, meaning empty). */
void diff_words(const char *a, const char *b, struct diff *out);
/* Same, with an edit limit of one's own (tests). */
void diff_words_limit(const char *a, const char *b, size_t max_edits,
                      struct diff *out);
void diff_free(struct diff *d);
/* Whether the two texts differ in their words. */
int diff_changed(const struct diff *d);

/* git-style word diff; color adds ANSI colours. Ends without a newline. */
void diff_plain(struct pt_buf *b, const struct diff *d, int color);
/* "equal", "delete", "insert". */
const char *diff_op_name(enum diff_op op);

#endif
