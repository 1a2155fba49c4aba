/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * design.h: proeftuin designs (spec sections 1-3).
 *
 * design_load() reads one design file safely (xmlsec.h), validates it with
 * the RELAX NG schema xml/schema/proeftuin.rng (compiled in), then checks
 * what the schema cannot: known roles, tasks, data categories and
 * designations; unique actor ids; task and sharing references to actors
 * that exist; valid dates.  Every error names the file, the line and what
 * is wrong, with status PT_EINPUT (PT_EIO if unreadable, PT_EUNSAFE for
 * entity declarations).
 *
 * A file that is well-formed and follows the schema is checked whole: every
 * error found is reported, the one of the lowest line in err itself and the
 * others, in line order, as err's further errors (err.h), up to PT_ERR_MAX;
 * err->omitted counts the rest.  The caller frees them with pt_err_clear().
 * A file that cannot be parsed, does not follow the schema or has another
 * root element gives its first error only: what follows would be guesswork.
 * An element with an error is still read as far as it goes, so that it
 * causes no errors elsewhere: an actor with an unknown role can be named by
 * a taak; only the first of two <taken> (or other parts) is read.
 *
 * Reading rules beyond the spec text (the spec is silent on these):
 * - the children of <proeftuin> may come in any order, each at most once;
 *   all of them are optional, only proeftuin/@id is required;
 * - attribute values are taken without surrounding white space; list
 *   attributes (aangewezen-als, gegevens, dossier/@actoren) are split on
 *   white space; naam, omschrijving and gemeente have their white space
 *   collapsed, and an empty naam or omschrijving counts as absent;
 * - gecertificeerd defaults to "nee" and is always 1 for the role
 *   gecertificeerde-instelling, whatever the file says; doelgroep defaults
 *   to "jeugd"; an empty or absent aangewezen-als means no designation;
 * - deling/@grondslag is required; grondslag "wettelijk" needs at least
 *   one <bepaling> (several are allowed), and a <bepaling> under any other
 *   grondslag is an error (it would cite a basis the design says it does
 *   not use); bepaling/@bwb must look like BWBR0034925;
 * - a deling from an actor to itself, a dossier with fewer than two
 *   distinct actors or one that names an actor twice, an empty gemeente
 *   and the same taak given twice to the same actor are errors; the same
 *   taak given to two different actors is allowed.
 * The line in an error is the one libxml2 records for the element: the
 * line on which its start tag ends.  A bad `today` argument gives
 * PT_EUSAGE.
 *
 * Ownership: design_load() returns a struct design the caller frees with
 * design_free(); it owns every string and array inside.  *out is NULL on
 * failure.
 */
#ifndef PROEFTOETS_DESIGN_H
#define PROEFTOETS_DESIGN_H

#include <stddef.h>

#include "err.h"
#include "strmap.h"

struct design_actor {
	char *id;
	char *rol;           /* a role id of vocab.h */
	char *naam;          /* may be NULL */
	int gecertificeerd;  /* 1 for "ja", and always for rol
	                        gecertificeerde-instelling */
	unsigned aangewezen; /* AANW_* bits of vocab.h */
	int doelgroep;       /* DOELGROEP_JEUGD or DOELGROEP_ALLE */
	long line;
};

struct design_taak {
	char *id;     /* a task id of vocab.h */
	size_t actor; /* index into design.actors */
	long line;
};

struct design_bepaling {
	char *bwb, *artikel, *lid; /* lid may be NULL */
};

enum design_grondslag {
	GRONDSLAG_GEEN = 0,
	GRONDSLAG_TOESTEMMING,
	GRONDSLAG_WETTELIJK
};

struct design_deling {
	size_t van, naar;  /* indexes into design.actors */
	unsigned gegevens; /* GEG_* bits of vocab.h, at least one */
	enum design_grondslag grondslag;
	struct design_bepaling *bepalingen; /* only with GRONDSLAG_WETTELIJK */
	size_t nbepalingen; /* >= 1 with GRONDSLAG_WETTELIJK, else 0 */
	long line;
};

struct design_dossier {
	size_t *actoren; /* indexes into design.actors */
	size_t nactoren;
	long line;
};

struct design {
	char *path; /* as given to design_load */
	char *id;
	char *peildatum;           /* YYYY-MM-DD; today's date when absent */
	int peildatum_given;       /* 0 when the file had no peildatum */
	char *naam, *omschrijving; /* may be NULL */
	char **gemeenten;
	size_t ngemeenten;
	struct design_actor *actors;
	size_t nactors;
	struct design_taak *taken;
	size_t ntaken;
	struct design_deling *delingen;
	size_t ndelingen;
	struct design_dossier *dossiers;
	size_t ndossiers;
	/*
	 * Look-up tables built by the reader (private; design_actor_index()
	 * and design_actor_taken() read them): the actor ids, and
	 * the tasks grouped by actor (taken_by_actor[taken_start[a] ..
	 * taken_start[a + 1]) are the indices into taken of actor a's).
	 */
	struct strmap ids; /* actor id -> index */
	size_t *taken_by_actor, *taken_start;
};

/* today: YYYY-MM-DD used when the design has no peildatum (NULL = real today).
 */
enum pt_status design_load(const char *path, const char *today,
                           struct design **out, struct pt_err *err);
/* The same from memory (fuzzing, tests). */
enum pt_status design_load_memory(const char *data, size_t len,
                                  const char *name, const char *today,
                                  struct design **out, struct pt_err *err);
void design_free(struct design *d);

/* The tasks of actor ai: *n indices into d->taken, in file order. */
const size_t *design_actor_taken(const struct design *d, size_t ai, size_t *n);

/* Index of the actor with this id, or -1. */
long design_actor_index(const struct design *d, const char *id);

#endif
