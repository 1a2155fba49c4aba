/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * lawref.h: a reference to a provision as lawyers type it, read into a
 * BWB id, an article and a lid.
 *
 * Accepted, in any order and case: the law as a BWB id ("BWBR0034925",
 * "bwbr0034925"), an abbreviation of the table in lawref.c (BW, Rv,
 * Jeugdwet, Wmo 2015, Wth, Awb, ...) or a citeertitel of the registry (a
 * unique part of one will do); the article, with or without "art." or
 * "artikel" ("3.2", "7.3.11", "255", "265b"); for the Burgerlijk Wetboek
 * the book before a colon ("1:255", "BW 1:255"; only Boek 1 is a law of
 * the registry); and "lid N".  Examples: "BW 1:255 lid 2",
 * "art. 3.2 Jeugdwet", "Jeugdwet 7.3.11", "1:255".
 *
 * lawref_parse() fills out (free with lawref_release()) or returns
 * PT_EUSAGE with a message that says what could not be read; a name that
 * fits several laws names them all.  Domain: nothing here prints.
 */
#ifndef PROEFTOETS_LAWREF_H
#define PROEFTOETS_LAWREF_H

#include <stddef.h>

#include "err.h"

struct store_law;

struct lawref {
	char *bwb, *artikel, *lid; /* lid NULL when not given */
};

enum pt_status lawref_parse(const char *text, const struct store_law *laws,
                            size_t nlaws, struct lawref *out,
                            struct pt_err *err);
/* lawref_parse(), except that a reference naming no law ("2.4 lid 2",
 * "art. 3.2") is read too: out->bwb is then NULL. */
enum pt_status lawref_parse_any(const char *text, const struct store_law *laws,
                                size_t nlaws, struct lawref *out,
                                struct pt_err *err);
/* The plain form "BWB-ID ARTIKEL" of two operands: 1 and out filled (the
 * article as given, unread) when bwb is a BWB id, else 0.  Free out with
 * lawref_release(). */
int lawref_pair(const char *bwb, const char *artikel, struct lawref *out);
void lawref_release(struct lawref *r);
/* Whether s is a BWB id in any case ("BWBR0034925", "bwbr0034925"). */
int lawref_is_bwb(const char *s);

#endif
