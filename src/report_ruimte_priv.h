/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_ruimte_priv.h: what the writers of the juridische ruimte share
 * (report_ruimte.c: text, JSON, the HTML fragment; report_ruimte_doc.c:
 * Markdown and the HTML page; ruimte_odt.c: OpenDocument text).
 *
 * Everything returned is borrowed from the results, except the lists of
 * ruimte_gedeeld(), which the caller frees with ruimte_gedeeld_free().
 */
#ifndef PROEFTOETS_REPORT_RUIMTE_PRIV_H
#define PROEFTOETS_REPORT_RUIMTE_PRIV_H

#include <stddef.h>

#include "check.h"
#include "ruimte.h"

/* The finding a route or id names, in the full design or the variant. */
const struct finding *ruimte_rep_finding(const struct ruimte_result *r,
                                         const char *id);
/* The provision to amend for a barrier: its first cited provision. */
const struct finding_provision *ruimte_rep_key(const struct finding *f);
/* Whether a and b are the same (bwb, artikel, lid); NULLs are equal. */
int ruimte_rep_same_key(const struct finding_provision *a,
                        const struct finding_provision *b);
/* The provision of the AMvB part: cited by every finding after its key
 * (the delegation, such as Jeugdwet 12.1); NULL when there is none. */
const struct finding_provision *
ruimte_rep_amvb_clause(const struct ruimte_result *r);

/* The provisions whose text the documents quote: the AMvB clause, then
 * the key of each barrier of the amvb and wet parts, each once; the
 * caller frees the array (not the provisions). */
void ruimte_rep_quoted(const struct ruimte_result *r,
                       const struct finding_provision ***out, size_t *n);
/* Whether design r has a barrier for amvb or wet whose key is key. */
int ruimte_rep_blocks(const struct ruimte_result *r,
                      const struct finding_provision *key);

/* A provision that blocks (amvb or wet) designs: who is their ids, ", "
 * between them, in the order of the results; m how many. */
struct ruimte_gedeeld {
	const struct finding_provision *key;
	char *who;
	size_t m;
};
/* The provisions that block any of the n designs, in the order they are
 * first met; free with ruimte_gedeeld_free(). */
void ruimte_gedeeld(struct ruimte_result *const *res, size_t n,
                    struct ruimte_gedeeld **out, size_t *nout);
void ruimte_gedeeld_free(struct ruimte_gedeeld *g, size_t n);

#endif
