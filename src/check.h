/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check.h: apply a rule set to a design at its peildatum.
 *
 * check_run() evaluates every rule (rules.h) against the design and, for
 * each finding, quotes the text of every provision the rule rests on from
 * the registry as in force at the design's peildatum.  When the law, the
 * version, the article or the lid is not in the registry, the provision is
 * kept with in_registry = 0 and `missing` saying why: never silently.
 * A registry may be NULL (then every provision is "not in registry").
 *
 * Findings come out in a stable order: by rule order in the rule set, then
 * by actor order in the design.  Finding ids are stable across runs of the
 * same design: "<proeftuin>/<rule>/<subject>" where subject is the actor
 * id, "<van>><naar>" for a sharing, or "dossier:<a>+<b>..." for a file.
 *
 * Ownership: check_run() returns a struct check_result freed with
 * check_result_free(); it owns its strings and arrays, but for the
 * citeertitel, text, version_date and version_sha256 of a provision,
 * which it may borrow.  It borrows the design and the rule set, which
 * must outlive it.  When the registry's memo is held (store_memo_hold())
 * while check_run() runs in a read transaction, those four strings point
 * into the store's remembered look-ups, shared by every finding that
 * cites the provision, instead of being copied: the result must then be
 * freed before the matching store_memo_release().  Otherwise they are
 * the result's own copies.
 */
#ifndef PROEFTOETS_CHECK_H
#define PROEFTOETS_CHECK_H

#include <stddef.h>
#include <time.h>

#include "design.h"
#include "err.h"
#include "rules.h"
#include "store.h"

struct finding_provision {
	const struct rule_provision *rp; /* what the rule cites */
	/* jci1.3:c:BWB[&divisions of the file's own id]&artikel=..&lid=..
	 * [&o=..]&g=<peildatum> (store_jci_own(), else store_jci_part()) */
	char *jci;
	char *url; /* wetten.overheid.nl link */
	/* citeertitel: from the registry, else the rule's, else NULL */
	const char *citeertitel;
	/* text: quoted text at the peildatum; NULL when not in registry */
	const char *text;
	const char *version_date;   /* inwerkingtreding of the version quoted */
	const char *version_sha256; /* SHA-256 of the file that version came
	                               from */
	int in_registry;
	int date_unknown; /* quoted from a version whose date is unknown */
	char *missing;    /* Dutch explanation when !in_registry */
	int stale; /* the text differs from the one the rule was written against
	            */
	/*
	 * The verification mark belongs to the version the rule was checked
	 * against (getoetst-aan).  other_version: the quoted text comes from
	 * another version than the one in force on that date;
	 * checked_version is that version's date (NULL when the registry has
	 * none for that date, or it is of unknown date).
	 */
	int other_version;
	char *checked_version;
	/* the rule cites a part (onderdeel) of the lid that the text has no
	 * list item for: the whole lid is quoted */
	int part_missing;
	/* enum cite_style (cite.h) of cite_provision(); 0 = kort */
	int citeerstijl;
	/* private: those of citeertitel, text, version_date, version_sha256
	 * (in that order) that the result owns; the others are lent */
	char *owned[4];
};

struct finding {
	char *id;
	const struct rule *rule;
	char **actors; /* actor ids */
	size_t nactors;
	char **tasks; /* task ids that triggered it */
	size_t ntasks;
	char *trigger; /* Dutch: which assignment triggered it */
	struct finding_provision *provisions;
	size_t nprovisions;
	int unverified; /* a cited provision is marked [P] or [GK] */
	/*
	 * What the finding is about, for a picture of the design: an actor
	 * (every actor in actors), a data flow (actors[0] gives to
	 * actors[1]) or a shared dossier (dossier indexes design.dossiers).
	 */
	enum finding_subject {
		FINDING_ACTOR = 0,
		FINDING_FLOW,
		FINDING_DOSSIER
	} subject;
	size_t dossier;
	/*
	 * The rule's routes that are open to this finding's actor (borrowed
	 * from the rule), and the severity and lowest level of law that
	 * follow: the rule's, unless an open route needs a lower level.
	 */
	const struct rule_route **routes;
	size_t nroutes;
	enum rule_severity severity;
	enum vocab_level level;
	const char *wijziging; /* the amendment text that goes with level: the
	                          rule's, or the route's that sets the level */
	/* review state (filled by the review workflow; "open" by default) */
	char *review_status;
	char *review_note;
};

/* An assignment (task to actor) that no barrier was found for. */
struct check_ok {
	size_t taak;  /* index into design.taken */
	char *reason; /* Dutch: why it is fine */
};

struct check_result {
	const struct design *design;
	const struct ruleset *rules;
	struct finding *findings;
	size_t nfindings;
	size_t nbarriers, nrisks;
	struct check_ok *ok;
	size_t nok;
	char *registry;    /* database path used, or NULL */
	time_t generated;  /* when it was checked (provenance_time()) */
	struct strmap ids; /* private: finding id -> index, while checking */
	unsigned long long tasks; /* private: a bit per vocab task the design
	                             gives to some actor */
};

enum pt_status check_run(const struct design *d, const struct ruleset *rs,
                         struct pt_store *st, struct check_result **out,
                         struct pt_err *err);
void check_result_free(struct check_result *r);

#endif
