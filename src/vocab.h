/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * vocab.h: the fixed vocabulary of the design format (spec sections 1-3):
 * roles, tasks, data categories, designations, target groups, and the
 * levels of law an amendment can need.
 *
 * All strings are static; nothing to free.  Look-ups return NULL or -1 for
 * an unknown name, so readers can report it with the file and line.
 */
#ifndef PROEFTOETS_VOCAB_H
#define PROEFTOETS_VOCAB_H

struct vocab_entry {
	const char *id;     /* as written in XML, e.g. "uitvoering-ots" */
	const char *label;  /* Dutch description for reports */
	const char *holder; /* tasks: who the law gives it to today; roles:
	                       legal basis */
	const char *roles;  /* tasks: the roles of those holders, space-
	                       separated, most usual first ("" when the law
	                       names no role of the design format); roles:
	                       NULL */
};

extern const struct vocab_entry vocab_roles[];
extern const int vocab_nroles;
extern const struct vocab_entry vocab_tasks[];
extern const int vocab_ntasks;

const struct vocab_entry *vocab_role(const char *id);
const struct vocab_entry *vocab_task(const char *id);

/* Data categories of <deling gegevens="..."> as bits. */
enum vocab_gegevens {
	GEG_JEUGDHULP = 1 << 0,
	GEG_GEZONDHEID = 1 << 1,
	GEG_STRAFRECHTELIJK = 1 << 2,
	GEG_MELDING = 1 << 3,
	GEG_RAADSONDERZOEK = 1 << 4
};
extern const char *const vocab_gegevens_names[]; /* index = bit number */
#define VOCAB_NGEGEVENS 5
/* Returns the bit for a name, 0 when unknown. */
unsigned vocab_gegevens_bit(const char *name);

/* Designations of actor/@aangewezen-als as bits. */
enum vocab_aanwijzing {
	AANW_VEILIG_THUIS = 1 << 0,
	AANW_JEUGDHULPAANBIEDER = 1 << 1
};
unsigned vocab_aanwijzing_bit(const char *name);
extern const char *const vocab_aanwijzing_names[];
#define VOCAB_NAANWIJZING 2

enum vocab_doelgroep { DOELGROEP_JEUGD = 0, DOELGROEP_ALLE = 1 };

/* Level of law at which a barrier can be lifted (spec 4). */
enum vocab_level {
	LEVEL_WET = 0,
	LEVEL_AMVB,
	LEVEL_MR,
	LEVEL_COLLEGE,
	LEVEL_GEEN
};
#define VOCAB_NLEVELS 5
/* "wet", "amvb", "ministeriele-regeling", "college", "geen"; -1 if unknown. */
int vocab_level_parse(const char *s);
const char *vocab_level_name(enum vocab_level level);
/* Dutch phrase: "wet in formele zin", "algemene maatregel van bestuur", ... */
const char *vocab_level_label(enum vocab_level level);

/* Whether s is a slug [a-z0-9-]+ (design and rule ids). */
int vocab_is_slug(const char *s);
/* Whether s is a valid calendar date YYYY-MM-DD. */
int vocab_is_date(const char *s);

#endif
