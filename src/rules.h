/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * rules.h: the rule set, read from XML files in a rules directory.
 *
 * Rules are data: each file rules/NAME.xml holds <regels> with one or more
 * <regel> elements, validated by rules/schema/regels.rng (compiled in) and
 * then checked for what the schema cannot see: unique ids across all files,
 * known task and role names, valid levels and dates.  The format is
 * documented in rules/README.md.
 *
 * A rule has exactly one condition:
 *   toewijzing     a task in `taken` is given to an actor that matches
 *                  `geldt_voor` (any actor when empty) and no pattern in
 *                  `toegestaan`; optionally only when the design names at
 *                  least `min_gemeenten` municipalities.  One finding per
 *                  actor, listing all its matching tasks.
 *   combinatie     one actor (matching geldt_voor, not toegestaan) holds a
 *                  task of `taken` and a task of `taken_b`.  One finding
 *                  per actor.
 *   gegevensdeling a <deling> (optionally only for the categories in
 *                  `gegevens`, and only when sender or receiver matches
 *                  geldt_voor) whose grondslag is "geen", or "wettelijk"
 *                  without a cited provision that is one of `kanalen` for
 *                  that sender, receiver, receiver's tasks and data
 *                  categories; and, when `dossiers` is set, every
 *                  integral file shared by two or more actors.  One finding
 *                  per sender/receiver pair or per dossier.
 *
 * Ownership: rules_load_dir() returns a struct ruleset freed with
 * rules_free(); it owns every string and array inside.
 */
#ifndef PROEFTOETS_RULES_H
#define PROEFTOETS_RULES_H

#include <stddef.h>

#include "err.h"
#include "vocab.h"

enum rule_kind { RULE_BARRIER = 0, RULE_RISK = 1 };
enum rule_severity { SEV_BLOCKING = 0, SEV_HIGH, SEV_MEDIUM, SEV_LOW };
enum rule_cond { COND_TOEWIJZING = 0, COND_COMBINATIE, COND_GEGEVENSDELING };

/* An actor pattern: every attribute that is set must match (AND). */
struct rule_pattern {
	char **rollen; /* actor's rol is one of these; none = any role */
	size_t nrollen;
	int gecertificeerd;  /* -1 any, 0 must not be, 1 must be */
	unsigned aangewezen; /* all these AANW_* bits must be set */
	int doelgroep;       /* -1 any, else DOELGROEP_* */
	char **taken;        /* the actor holds one of these tasks in the design
	                        (checked by check.c, which has the design); none = no
	                        condition */
	size_t ntaken;
};

enum rule_zekerheid {
	ZEKER_V26 = 0, /* read verbatim in a recent consolidated text */
	ZEKER_V15,     /* read only in a 2015 text */
	ZEKER_P,       /* public policy page; not statute */
	ZEKER_GK       /* general knowledge; not verified */
};

struct rule_provision {
	char *bwb, *artikel, *lid; /* lid may be NULL */
	char *onderdeel;           /* e.g. "b" for "onder b"; may be NULL */
	enum rule_zekerheid zekerheid;
	char *getoetst_aan; /* date of the version the rule was written against;
	                       may be NULL */
	char *tekst_sha256; /* hash of that text; may be NULL */
	char *citeertitel;  /* short name for reports when the law is absent
	                       ("Jeugdwet") */
	char **bij_taken;   /* cited only when the design gives one of these
	                       tasks to some actor ("tijdelijk-huisverbod");
	                       none = always */
	size_t nbij_taken;
};

/*
 * A source the rule rests on that is not a provision in the registry: a
 * treaty or EU regulation, a policy decision, or a provision the analysis
 * knows only from general knowledge.  Reports list them with their mark,
 * so an unverified claim is never shown as settled law.
 */
struct rule_source {
	enum rule_zekerheid zekerheid;
	char *
	    text; /* "AVG art. 5 lid 1 onder b", "Kabinetsreactie 24-04-2024" */
	char *url; /* may be NULL */
};

/*
 * A statutory gateway: sharing without consent that one provision allows,
 * from these senders, to these receivers, and (when naar_taken is set)
 * only to a receiver that holds one of these tasks in the design.
 */
struct rule_kanaal {
	char *id; /* optional name, for <kanaal ref="..."/>; may be NULL */
	char *bwb, *artikel,
	    *lid; /* the gateway provision; lid NULL = any lid */
	struct rule_pattern
	    *van; /* senders it allows (OR); none = any sender */
	size_t nvan;
	struct rule_pattern
	    *naar; /* receivers it allows (OR); none = any receiver */
	size_t nnaar;
	char **naar_taken; /* the receiver must hold one of these tasks; none =
	                      no condition */
	size_t nnaar_taken;
	unsigned gegevens; /* categories it covers; 0 = all */
	long line;
};

/*
 * A way to lift a barrier without amending the provisions it cites.  It is
 * open only to an actor that matches one of `voor` (any actor the rule
 * finds when there is none): a police team cannot be designated as a
 * jeugdhulpaanbieder.  When it is open and gives a level (`level_given`),
 * that level and severity are the finding's; otherwise the rule's stand.
 */
struct rule_route {
	char *soort; /* "certificaat", "aanwijzing-veilig-thuis",
	                "aanwijzing-jeugdhulpaanbieder", "experiment-amvb",
	                "samenwerking", "toerekening" */
	char *text;
	struct rule_pattern *voor; /* actors that can take it (OR) */
	size_t nvoor;
	enum vocab_level level;      /* the act the route needs */
	int level_given;             /* 1 when the route gives a niveau */
	enum rule_severity severity; /* with level_given */
	long line;
};

struct rule {
	char *id;
	char *file;
	long line;
	enum rule_kind kind;
	enum rule_severity severity;
	char *analyse; /* reference into the legal analysis: "B1", "R3"; may be
	                  NULL */
	char *titel;
	char *toelichting;
	char
	    *norm; /* risks: the rechtsbescherming norm at stake; may be NULL */

	enum rule_cond cond;
	char **taken; /* toewijzing: tasks; combinatie: first group */
	size_t ntaken;
	char **taken_b; /* combinatie: second group */
	size_t ntaken_b;
	struct rule_pattern *geldt_voor;
	size_t ngeldt_voor;
	struct rule_pattern *toegestaan;
	size_t ntoegestaan;
	int min_gemeenten; /* 0 = no condition */
	unsigned gegevens; /* gegevensdeling: categories considered; 0 = all */
	int dossiers;      /* gegevensdeling: also integral files */
	struct rule_kanaal *kanalen;
	size_t nkanalen;

	struct rule_provision *provisions;
	size_t nprovisions;
	struct rule_source *sources; /* <bron> elements */
	size_t nsources;
	enum vocab_level level; /* lowest level of law to lift it (barriers);
	                           LEVEL_GEEN when not given (risks) */
	int level_given;        /* 1 when the rule file gave a niveau */
	char *wijziging; /* the amendment needed; may be NULL for risks */
	struct rule_route *routes;
	size_t nroutes;
};

struct ruleset {
	struct rule *rules;
	size_t n;
	char *dir;
	/* rules_load_dir(): the number of rule files and the SHA-256 of
	 * `sha256sum *.xml` in the directory (empty when not loaded from a
	 * directory) */
	size_t nfiles;
	char sha256[65];
};

/* Load every *.xml file of dir (sorted by name). */
enum pt_status rules_load_dir(const char *dir, struct ruleset **out,
                              struct pt_err *err);
/* Load one file into an existing set (ids must stay unique). */
enum pt_status rules_load_file(struct ruleset *rs, const char *path,
                               struct pt_err *err);
/* Parse rules from memory (fuzzing, tests). */
enum pt_status rules_load_memory(struct ruleset *rs, const char *data,
                                 size_t len, const char *name,
                                 struct pt_err *err);
struct ruleset *rules_new(void);
void rules_free(struct ruleset *rs);

/* Whether an actor with these properties matches a pattern (all but the
 * task condition, which needs the design: see check.c). */
struct design_actor;
int rules_pattern_match(const struct rule_pattern *p,
                        const struct design_actor *a);

const char *rules_kind_name(enum rule_kind k);         /* "barrier" / "risk" */
const char *rules_severity_name(enum rule_severity s); /* "blocking", ... */
const char *
rules_zekerheid_name(enum rule_zekerheid z); /* "V26", "V15", "P", "GK" */
int rules_zekerheid_verified(enum rule_zekerheid z); /* 1 for V26/V15 */

#endif
