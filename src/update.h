/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * update.h: keep the registry current from the BWB repository (the KOOP
 * repository behind wetten.overheid.nl) or an offline mirror laid out the
 * same way:
 *
 *   BASE/BWB-ID/manifest.xml                        the versions of a law
 *   BASE/BWB-ID/EXPRESSION-LABEL/xml/ITEM           one version's XML
 *
 * The manifest (root <work label="BWB-ID">) has one <expression label=...>
 * per version with metadata/datum_inwerkingtreding, metadata/einddatum
 * (inclusive; 9999-12-31 or absent = open) and a <manifestation
 * label="xml"> with metadata/size, metadata/hashcode (SHA-512 of the file,
 * hex) and <item label="FILE"/>.  Several expressions may share a date
 * (2013-01-01_0, 2013-01-01_1): the one with the highest sequence number
 * is the current text for that date; the others are never selected.
 *
 * update_run() takes each law in turn: downloads its manifest, selects the
 * versions wanted, and for each one either skips it (the same file, by
 * SHA-512, was fetched before and its version is still in the registry: no
 * download at all), or downloads it to a temporary file next to the
 * database, checks size, SHA-512 and the law's BWB id in the file before
 * anything is stored, and imports it with import_file() (one transaction).
 * A failure stops only that version (or, for a manifest, that law); the
 * others go on.  The table `fetched(bwb, expression, sha512, sha256, size,
 * url, fetched_at)` remembers what was fetched.  The library never prints:
 * every outcome is passed to the report callback.
 *
 * Ownership: strings passed in are borrowed.  struct update_manifest is
 * freed with update_manifest_free(); struct update_summary's contents with
 * update_summary_release().
 */
#ifndef PROEFTOETS_UPDATE_H
#define PROEFTOETS_UPDATE_H

#include <stddef.h>

#include "err.h"
#include "http.h"
#include "import.h"
#include "store.h"

#define UPDATE_DEFAULT_BASE                                                    \
	"https://repository.officiele-overheidspublicaties.nl/bwb"

/* --- manifests ------------------------------------------------------------ */

struct update_version {
	char *label;            /* expression label "2022-05-01_0" */
	char *inwerkingtreding; /* datum_inwerkingtreding YYYY-MM-DD */
	char *einddatum;        /* YYYY-MM-DD; NULL when absent */
	char *item;             /* file name of the xml manifestation */
	char *sha512;           /* lower-case hex (128 digits) */
	unsigned long long size;
	int have_size; /* 0 when the manifest gives no size */
	long line;     /* line of <expression> in the manifest */
};

struct update_manifest {
	char *bwb;                       /* work/@label */
	struct update_version *versions; /* in manifest order */
	size_t n;
};

/*
 * Read a manifest file.  bwb (may be NULL) is the law it must describe.
 * Expressions without a live xml item (_deleted="true") are left out.
 * PT_EINPUT (with file and line) when it does not parse or lacks what is
 * needed: a date, a hashcode of 128 hex digits, an item; and for labels
 * that are not plain names.
 */
enum pt_status update_manifest_load(const char *path, const char *bwb,
                                    struct update_manifest **out,
                                    struct pt_err *err);
void update_manifest_free(struct update_manifest *m);

enum update_select {
	UPDATE_CURRENT = 0, /* in force on `today`, and every later version */
	UPDATE_SINCE,       /* every version in force on or after `since` */
	UPDATE_ALL          /* every version */
};

/*
 * The versions wanted, as indexes into m->versions in date order (oldest
 * first); idx must have room for m->n entries.  Returns the count.
 * UPDATE_CURRENT: the version with the latest date <= today whose
 * einddatum is absent or >= today, plus every version dated after today.
 * date is `today` for UPDATE_CURRENT and `since` for UPDATE_SINCE.
 */
size_t update_select_versions(const struct update_manifest *m,
                              enum update_select how, const char *date,
                              size_t *idx);

/* Whether s is a BWB id: "BWB", a capital letter, seven digits. */
int update_is_bwb_id(const char *s);

/* --- updating ------------------------------------------------------------ */

enum update_outcome {
	UPDATE_IMPORTED = 0, /* downloaded, verified and stored */
	UPDATE_UNCHANGED,    /* the registry holds this file already */
	UPDATE_FAILED,       /* nothing of it was stored; see err */
	UPDATE_NONE          /* law: the manifest lists no version wanted */
};

/* One outcome, for the report callback; all pointers are borrowed. */
struct update_event {
	const char *bwb;
	const struct update_version *version; /* NULL: about the whole law */
	enum update_outcome outcome;
	const struct import_result *import; /* UPDATE_IMPORTED */
	int downloaded;                     /* a body was fetched */
	const struct pt_err *err;           /* UPDATE_FAILED */
};
typedef void (*update_report_fn)(void *ctx, const struct update_event *ev);

struct update_opts {
	const char *base; /* NULL = UPDATE_DEFAULT_BASE; no final '/' needed */
	enum update_select select;
	const char *since;     /* UPDATE_SINCE */
	const char *today;     /* UPDATE_CURRENT; NULL = the local date */
	struct http_opts http; /* set with http_opts_default() first */
	unsigned long long max_manifest_size; /* 0 = 16 MiB */
	long max_run_time; /* seconds for the whole run; 0 = no limit */
	update_report_fn report;
	void *report_ctx;
};

/* Defaults: UPDATE_MAX_RUN_TIME seconds in all; a manifest may list at
 * most UPDATE_MAX_VERSIONS expressions. */
#define UPDATE_MAX_RUN_TIME 3600
#define UPDATE_MAX_VERSIONS 5000
void update_opts_default(struct update_opts *o);

/* A version stored by this run: what the stale-rule check looks at. */
struct update_change {
	char *bwb, *label, *inwerkingtreding, *einddatum;
};

struct update_summary {
	long imported, unchanged, failed, none;
	long downloads; /* file bodies received (manifests not counted) */
	struct update_change *changes;
	size_t nchanges;
};
void update_summary_release(struct update_summary *s);

/* Remove the temporary downloads of killed runs beside the registry file
 * (update_run() does this first). */
void update_clean_temp(const char *registry);

/*
 * Update the laws bwbs[0..n).  Returns PT_OK when nothing failed;
 * otherwise the status of the first failure (PT_EIO download or
 * verification, PT_EINPUT manifest or file that does not parse, PT_EUNSAFE,
 * PT_EDB) with err holding its message.  PT_EUSAGE before anything is done
 * for a bad id, base or date.  sum is always filled.
 */
enum pt_status update_run(struct pt_store *st, const char *const *bwbs,
                          size_t n, const struct update_opts *o,
                          struct update_summary *sum, struct pt_err *err);

/* --- rules ------------------------------------------------------------------
 */

struct ruleset;

/*
 * The distinct BWB ids the rules cite (provisions and gateway provisions),
 * sorted.  The caller frees the array and its strings with
 * update_ids_free().
 */
void update_rule_laws(const struct ruleset *rs, char ***ids, size_t *n);
void update_ids_free(char **ids, size_t n);

/*
 * The rules that became stale: every rule provision of a law updated in
 * this run (changes from struct update_summary) whose newest text differs
 * from the text the rule was written against, or that is repealed or gone,
 * or whose baseline is missing (see stale.h).  *available is 0 when there
 * is no rule set (rs NULL): the caller says "not checked" rather than
 * "nothing stale".  Fills *stale, freed with update_stale_free().
 */
struct update_stale {
	char *rule_id, *bwb, *artikel, *lid, *reason;
};
enum pt_status update_stale_rules(struct pt_store *st, const struct ruleset *rs,
                                  const struct update_change *changes,
                                  size_t nchanges, int *available,
                                  struct update_stale **stale, size_t *nstale,
                                  struct pt_err *err);
void update_stale_free(struct update_stale *s, size_t n);

#endif
