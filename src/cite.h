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
 * Short Dutch citation (owned by caller): "art. 3.2 lid 1 Jeugdwet",
 * "art. 4.1.1 lid 2 onder b Wet maatschappelijke ondersteuning 2015".
 * The books of the Burgerlijk Wetboek are cited the way lawyers do:
 * "art. 1:255 lid 2 BW" (for citeertitel "Burgerlijk Wetboek Boek N", and
 * for BWBR0002656 when no title is known).  The title is the registry's,
 * else the rule's, else the BWB id.
 */
char *cite_provision(const struct finding_provision *p);

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
