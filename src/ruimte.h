/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ruimte.h: the juridische ruimte of a design: what a proeftuin can try
 * within current law, what an AMvB could allow, what needs the legislator,
 * and the cost of each step from the lawful variant to the full design.
 *
 * ruimte_run() checks the design (check.h), then builds the lawful
 * variant ("nu") by changing the design's XML, one barrier at a time, and
 * checking again until nothing changes:
 *   - a route of the rule that is open to the actor and changes the design
 *     (certificaat: gecertificeerd="ja"; aanwijzing-veilig-thuis and
 *     aanwijzing-jeugdhulpaanbieder: aangewezen-als), as the rule files say;
 *   - a data flow: the statutory gateway of the rule that covers sender
 *     and receiver (grondslag), else consent (toestemming); an integral
 *     file is given up (toestemming);
 *   - a route that needs an agreement and no change of the design
 *     (samenwerking: a gemeenschappelijke regeling; toerekening): recorded,
 *     and that barrier counts as lifted;
 *   - otherwise the task goes back to a body the law names for it
 *     (vocab.h), an actor of the design or a new one (taak-terug).
 * The variant is checked with the same rules; barriers_after counts the
 * barriers it still has that no recorded agreement lifts.
 *
 * The barriers of the full design are then split by what lifts them as
 * designed: a route that keeps what the design wants (nu: a certificate, a
 * designation, a gateway that covers the flow, an agreement), an AMvB
 * (amvb: the finding's level is amvb), or a statute (wet).  Consent and a
 * task given back make the variant lawful but do something else than the
 * design: their barriers stay in amvb or wet.  The ladder starts at the lawful
 * variant and gives back one group of tasks or flows per step, the groups whose
 * barriers need the lowest level first, and ends with the design as submitted,
 * whose findings are the full design's.
 *
 * Ownership: ruimte_run() returns a result freed with ruimte_free(); it
 * owns the checks, designs and strings inside and borrows the rule set,
 * which must outlive it.  The library never writes files: the variant's
 * XML is in variant_xml for the caller to save.
 */
#ifndef PROEFTOETS_RUIMTE_H
#define PROEFTOETS_RUIMTE_H

#include <stddef.h>

#include "check.h"
#include "design.h"
#include "err.h"
#include "rules.h"
#include "store.h"

/* The kinds of route, as the JSON report names them. */
enum ruimte_soort {
	RUIMTE_CERTIFICAAT = 0,
	RUIMTE_AANWIJZING_VT,
	RUIMTE_AANWIJZING_JHA,
	RUIMTE_TOESTEMMING,
	RUIMTE_GRONDSLAG,
	RUIMTE_GEMEENSCHAPPELIJKE_REGELING,
	RUIMTE_TOEREKENING,
	RUIMTE_TAAK_TERUG
};
/* "certificaat", "aanwijzing-veilig-thuis", ... "taak-terug". */
const char *ruimte_soort_name(enum ruimte_soort s);

/* One route taken towards the lawful variant. */
struct ruimte_route {
	char *finding; /* the finding id it lifts */
	enum ruimte_soort soort;
	char *actor;       /* the actor it concerns (for a flow: the sender) */
	char *toelichting; /* Dutch: what changes and why */
	const struct rule *rule; /* whose provisions it rests on */
	int group;               /* ladder group (taak-terug, flows), or -1 */
};

/* What a step gives back: a task to its actor ("taak": a = task, b =
 * actor), the flows from a to b ("deling"), an integral file of the
 * actors in a ("dossier"), or the design as submitted ("ontwerp"). */
struct ruimte_item {
	const char *kind;
	char *a, *b;
};

/* One step of the ladder. */
struct ruimte_step {
	char *adds; /* Dutch: what this step gives back */
	struct ruimte_item *items;
	size_t nitems;
	char **barriers; /* ids of the barriers it brings in */
	size_t nbarriers;
	enum vocab_level level; /* the lowest level that lifts them all */
	int has_level;          /* 0 when the step brings in no barrier */
};

struct ruimte_result {
	const struct design *design; /* the design as submitted */
	struct design *own_design;   /* loaded by ruimte_run, or NULL */
	struct check_result *full;   /* its findings */
	char *variant_xml;           /* the lawful variant, spec XML */
	struct design *variant_design;
	struct check_result *variant;
	struct ruimte_route *routes;
	size_t nroutes;
	size_t barriers_after;
	/* the full design's barriers, by what lifts them (borrowed from
	 * full) */
	const struct finding **nu, **amvb, **wet;
	size_t nnu, namvb, nwet;
	struct ruimte_step *ladder;
	size_t nladder;
};

/*
 * The juridische ruimte of the design in xml (len bytes, read from name)
 * at its peildatum.  st may be NULL (then no provision is quoted).
 * Errors: PT_EINPUT for a design that does not load, PT_EDB.
 */
enum pt_status ruimte_run(const char *xml, size_t len, const char *name,
                          const char *today, const struct ruleset *rs,
                          struct pt_store *st, struct ruimte_result **out,
                          struct pt_err *err);
void ruimte_free(struct ruimte_result *r);

#endif
