/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * designform.h: the design as the fields of the web workspace's form, and
 * back: no HTTP and no HTML here.
 *
 * The form has one field per part of the design (spec section 1); the
 * lists have one item a line, its parts separated by ';':
 *
 *   id, naam, omschrijving, peildatum   as in <proeftuin>
 *   gemeenten        one gemeente a line
 *   actoren          id; rol; naam; gecertificeerd (ja/nee);
 *                    aangewezen-als (space-separated); doelgroep;
 *                    taken (the task ids of this actor, space-separated)
 *                    -- the parts after rol may be left out
 *   gegevensdeling   deling; van; naar; gegevens (space-separated);
 *                    grondslag; bepalingen (BWB-ID artikel [lid], several
 *                    separated by ',')
 *                    or: dossier; actor actor ...
 *
 * designform_xml() writes the design file those fields describe, one
 * element a line, so that every line of the XML belongs to one line of
 * one field (the map): the design reader then checks it exactly as it
 * checks a file, and each of its errors can be shown next to the field it
 * is about.  Empty lines are skipped; values are taken as written (the
 * reader trims and checks them).  designform_from_design() fills the
 * fields from a design, for editing.
 *
 * Ownership: the strings of struct designform are owned by it and freed
 * by designform_release(); designform_xml() returns a malloc'd string and
 * fills a map freed by designform_map_release().
 */
#ifndef PROEFTOETS_DESIGNFORM_H
#define PROEFTOETS_DESIGNFORM_H

#include <stddef.h>

#include "design.h"

enum designform_field {
	DF_ID = 0,
	DF_NAAM,
	DF_OMSCHRIJVING,
	DF_PEILDATUM,
	DF_GEMEENTEN,
	DF_ACTOREN,
	DF_GEGEVENSDELING,
	DF_N
};
/* The form field names: "id", "naam", ... "gegevensdeling". */
extern const char *const designform_names[DF_N];

struct designform {
	char *v[DF_N]; /* NULL when absent */
};

/* Where a line of the XML comes from: at[line - 1]; field -1 for none. */
struct designform_map {
	struct {
		int field;
		long line; /* 1-based line of the field */
	} * at;
	size_t n;
};

char *designform_xml(const struct designform *f, struct designform_map *map);
/* The field and its line that XML line `line` comes from (msg: the
 * error's message, which tells id and peildatum apart); -1 if none. */
int designform_where(const struct designform_map *map, long line,
                     const char *msg, long *field_line);
void designform_map_release(struct designform_map *map);

void designform_from_design(const struct design *d, struct designform *f);
void designform_release(struct designform *f);

#endif
