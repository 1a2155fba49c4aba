/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cite.h: the short Dutch citation of a provision, used wherever a
 * provision is named (reports, the amendment list, stale rules, the web
 * pages).  It sits below the report writers and the checker: it needs only
 * the rule and finding records.
 */
#ifndef PROEFTOETS_CITE_H
#define PROEFTOETS_CITE_H

#include "check.h"
#include "rules.h"
#include "store.h"

/*
 * The two citation styles.  kort, the style of reports and the web
 * pages, with the abbreviations the rules use (BW, Rv, Wmo 2015, Wth,
 * Awb, Jeugdwet; other laws by their citeertitel):
 *   "art. 3.2 lid 1 Jeugdwet", "art. 4.1.1 lid 2 onder b Wmo 2015",
 *   "art. 1:255 lid 2 BW".
 * lang, the written-out style of explanatory memoranda, with the
 * citeertitel and its article (de/het):
 *   "artikel 3.2, eerste lid, van de Jeugdwet",
 *   "artikel 7.1.1, eerste lid, onderdeel a, van de Jeugdwet",
 *   "artikel 1:255, tweede lid, van het Burgerlijk Wetboek".
 * The books of the Burgerlijk Wetboek are cited as lawyers do ("1:255")
 * for citeertitel "Burgerlijk Wetboek Boek N", and for BWBR0002656 when
 * no title is known.  A lid beyond the twentieth, or not a number, is
 * written ", lid 2a," in the lang style.
 */
enum cite_style { CITE_KORT = 0, CITE_LANG = 1 };

/* "kort" or "lang" into *out: 1, else 0. */
int cite_style_parse(const char *name, enum cite_style *out);
/* "eerste" .. "twintigste" for "1" .. "20", else NULL (static). */
const char *cite_ordinal(const char *n);

/* What a citation names; all but artikel may be NULL. title is the
 * citeertitel as the registry (or the rule) gives it. */
struct cite_ref {
	const char *bwb, *title, *artikel, *lid, *onderdeel;
};
/* The one function every citation is made by (owned by caller). */
char *cite_ref(const struct cite_ref *r, enum cite_style style);

/*
 * The citation of a provision in its style (finding_provision.citeerstijl;
 * owned by caller).  The title is the registry's, else the rule's, else
 * the BWB id is named.  "(onbekende bepaling)" without a provision.
 */
char *cite_provision(const struct finding_provision *p);
char *cite_provision_as(const struct finding_provision *p,
                        enum cite_style style);
/* Set the style of every provision of r's findings (NULL: nothing). */
void cite_style_result(struct check_result *r, enum cite_style style);

/*
 * Why the registry gave no text for rp at date (the look-up p): "... is
 * niet in het register ingelezen", "het register bevat geen versie van
 * ... die op DATE geldt", no such article or lid.  Owned by the caller;
 * NULL when the text was found.  The checker and the amendment list say
 * it in the same words.
 */
char *cite_missing(const struct store_provision *p,
                   const struct rule_provision *rp, const char *date);

/*
 * The part (onderdeel) of a lid, quoted as lawyers quote it: the lid's
 * opening words (its first line), "(...)" for the items left out, and the
 * item itself with everything nested in it.  text is the lid as the
 * registry holds it: the opening line, then one line per list item,
 * indented by depth ("  e. het in kennis stellen ...").  Owned by the
 * caller; NULL when the text has no such item.
 */
char *cite_part_text(const char *text, const char *onderdeel);

#endif
