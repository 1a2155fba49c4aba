/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store.h: the law registry, one SQLite file.
 *
 * Schema (created and migrated by store_open through PRAGMA user_version):
 *   law(id, bwb, citeertitel, soort)
 *   version(id, law_id, inwerkingtreding (NULL = unknown), source, sha256,
 *           format, imported_at)
 *   provision(id, version_id, artikel, lid (NULL for the whole article),
 *             label, title, text, status, path, jci, url, seq)
 *   reference(provision_id, kind, target, text)
 *   provision_fts (FTS5 over provision text, whole articles only)
 * The migrations create the other modules' tables too; each is read and
 * written only by its store module (store_saved.h, store_review.h,
 * store_auth.h, store_fetch.h), the one place besides store.c with SQL.
 * The database runs in WAL mode with foreign keys on and waits for a lock
 * held elsewhere at most the lock wait (STORE_LOCK_WAIT_MS); every
 * statement is prepared with bound parameters.
 *
 * A look-up "at date D" uses the version of the law with the latest
 * inwerkingtreding <= D.  Versions whose date is unknown (old <wetgeving>
 * files imported without --date) are used only when no dated version is in
 * force at D, and the result says so (date_unknown = 1).
 *
 * Ownership: struct pt_store is opaque; store_close() frees it.  Strings in
 * result structs are owned by the struct; release them with the matching
 * *_release() function.  Input strings are borrowed.
 */
#ifndef PROEFTOETS_STORE_H
#define PROEFTOETS_STORE_H

#include <stddef.h>

#include "err.h"

struct pt_store;

/* The schema version this program creates and understands (user_version). */
int store_schema_version(void);

/* Open (creating if needed) the registry at path; migrates the schema. */
enum pt_status store_open(const char *path, struct pt_store **out,
                          struct pt_err *err);
void store_close(struct pt_store *st);
const char *store_path(const struct pt_store *st);

/*
 * For commands that only read.  store_open_read() opens a registry this
 * process can write (or that does not exist yet) with store_open(), and
 * any other with store_open_read_only(): read-only, immutable when its
 * write-ahead log is empty, so that it can be read on a read-only file
 * system, in a read-only directory or as another user without creating
 * -wal or -shm files.  A read-only store refuses store_begin() ("the
 * registry is read-only").  Its schema must be current.
 */
enum pt_status store_open_read(const char *path, struct pt_store **out,
                               struct pt_err *err);
enum pt_status store_open_read_only(const char *path, struct pt_store **out,
                                    struct pt_err *err);

/*
 * How long a write waits for a lock another process holds, in
 * milliseconds; the environment variable PROEFTOETS_LOCK_WAIT_MS, read by
 * store_open(), overrides it (for tests).
 */
#define STORE_LOCK_WAIT_MS 10000

/*
 * Write transactions.  store_begin() takes the write lock, waiting and
 * retrying while another process holds it, at most the lock wait in all
 * (then PT_EDB, "the registry is in use by another process").  store_commit()
 * retries the same way and, when it finally fails, undoes the transaction. They
 * nest: a store_begin() inside an open transaction only counts, and its
 * store_commit() only counts down; the outermost commit commits.  A
 * store_rollback() inside undoes nothing yet, but the outermost commit
 * then fails and undoes the whole; the outermost rollback undoes it at
 * once.  store_rollback() without a transaction does nothing.
 */
enum pt_status store_begin(struct pt_store *st, struct pt_err *err);
/* fn(ctx) is called when a begin or commit finds the lock held and starts
 * to wait (the command line says so on a terminal).  NULL: no call. */
void store_on_wait(struct pt_store *st, void (*fn)(void *ctx), void *ctx);
enum pt_status store_commit(struct pt_store *st, struct pt_err *err);
void store_rollback(struct pt_store *st);
/*
 * A read transaction around many look-ups: one snapshot and one lock
 * instead of one per query.  store_read_begin() returns 1 when it started
 * one (pass that to store_read_end), 0 inside an open transaction.
 */
int store_read_begin(struct pt_store *st);
void store_read_end(struct pt_store *st, int started);
/* Whether the last statement that failed failed because another
 * connection held the lock past the busy time-out (so that trying again
 * later can succeed), rather than for another reason. */
int store_busy(const struct pt_store *st);
/*
 * A number another module derived from the registry, remembered for a key
 * of nkey parts (at most 8; NULL parts allowed and told apart from empty
 * ones) until store_read_end().  store_memo_get returns 1 and sets *val
 * when it was remembered; outside a read transaction nothing is, and
 * store_memo_put does nothing.
 */
int store_memo_get(struct pt_store *st, const char *const *key, size_t nkey,
                   int *val);
void store_memo_put(struct pt_store *st, const char *const *key, size_t nkey,
                    int val);
/*
 * Holding the memo: while a store_memo_hold() is not matched by a
 * store_memo_release(), store_read_end() stops using the remembered
 * look-ups but does not free them, so that what store_provision_shared()
 * lent stays valid until the last release.  store_memo_held() says
 * whether it is held.  store_close() frees everything regardless.
 */
void store_memo_hold(struct pt_store *st);
void store_memo_release(struct pt_store *st);
int store_memo_held(const struct pt_store *st);

/* --- writing (import) ---------------------------------------------------- */

/* Whether a version with this SHA-256 exists; fills *bwb (owned) if asked. */
enum pt_status store_has_sha256(struct pt_store *st, const char *sha256,
                                int *found, char **bwb, struct pt_err *err);

/* Whether a version was imported from this path (*found 0 or 1). */
enum pt_status store_has_source(struct pt_store *st, const char *source,
                                int *found, struct pt_err *err);

/* The SHA-256 of the law's version in force from that date (NULL: the
 * unknown date), owned by the caller; NULL when there is none. */
enum pt_status store_version_sha256(struct pt_store *st, long long law_id,
                                    const char *inwerkingtreding, char **sha256,
                                    struct pt_err *err);

/* Set the SHA-256 of a version written with a placeholder (the importer
 * knows it only once the whole file has been read). */
enum pt_status store_set_version_sha256(struct pt_store *st,
                                        long long version_id,
                                        const char *sha256, struct pt_err *err);

/* Create or update the law row; *law_id receives its id. */
enum pt_status store_put_law(struct pt_store *st, const char *bwb,
                             const char *citeertitel, const char *soort,
                             long long *law_id, struct pt_err *err);

/*
 * Add a version.  An existing version of the same law with the same
 * inwerkingtreding (or both unknown) is deleted first with its provisions
 * (*replaced = 1).
 */
enum pt_status store_put_version(struct pt_store *st, long long law_id,
                                 const char *inwerkingtreding,
                                 const char *source, const char *sha256,
                                 int format, long long *version_id,
                                 int *replaced, struct pt_err *err);

struct store_provision_in {
	const char *artikel, *lid, *label, *title, *text, *status, *path;
	const char *jci, *url;
	int seq;
};
enum pt_status store_put_provision(struct pt_store *st, long long version_id,
                                   const struct store_provision_in *p,
                                   long long *provision_id, struct pt_err *err);
/*
 * Add the articles of a version to the full-text index.  Called once after
 * all its provisions are stored, in the same transaction: one bulk insert
 * costs far less than one per row.
 */
enum pt_status store_index_version(struct pt_store *st, long long version_id,
                                   struct pt_err *err);
enum pt_status store_put_reference(struct pt_store *st, long long provision_id,
                                   int kind, const char *target,
                                   const char *text, struct pt_err *err);

/* --- reading ------------------------------------------------------------- */

struct store_version {
	char *inwerkingtreding; /* NULL = unknown */
	char *source, *sha256, *imported_at;
	int format;
	long articles; /* number of <artikel> elements */
};
struct store_law {
	char *bwb, *citeertitel, *soort;
	struct store_version *versions; /* oldest first, unknown date first */
	size_t nversions;
};
/* All laws, ordered by BWB id. */
/* The number of laws in the registry (0 for a new one). */
enum pt_status store_law_count(struct pt_store *st, long long *n,
                               struct pt_err *err);
enum pt_status store_laws(struct pt_store *st, struct store_law **laws,
                          size_t *n, struct pt_err *err);
void store_laws_free(struct store_law *laws, size_t n);

enum store_lookup {
	STORE_FOUND = 0,
	STORE_NO_LAW,     /* the law was never imported */
	STORE_NO_VERSION, /* no version in force at the date */
	STORE_NO_ARTICLE, /* the version in force has no such article */
	STORE_NO_LID      /* the article exists but has no such lid */
};

struct store_provision {
	enum store_lookup found;
	char *bwb, *citeertitel;
	char *version_date; /* inwerkingtreding of the version used; NULL =
	                       unknown */
	int date_unknown;
	char *artikel, *lid, *label, *title, *text, *status, *path, *jci, *url;
	char *source; /* file the version came from */
	char *sha256; /* SHA-256 of that file */
	/* STORE_NO_VERSION: the earliest dated version (NULL when there is
	 * none), and the source of a version of unknown date that was passed
	 * over because dated versions exist (NULL when there is none) */
	char *earliest_dated, *undated_source;
	char **refs; /* reference targets of the article */
	size_t nrefs;
};

/*
 * Look up an article (lid NULL) or one lid at date (NULL = the newest
 * version).  Returns PT_OK with out->found telling whether it was found;
 * errors only for database trouble.
 */
enum pt_status store_provision_at(struct pt_store *st, const char *bwb,
                                  const char *artikel, const char *lid,
                                  const char *date, struct store_provision *out,
                                  struct pt_err *err);
void store_provision_release(struct store_provision *p);
/*
 * The same look-up, lent instead of copied: inside a read transaction
 * *out points at the remembered answer, owned by the store and valid
 * until store_read_end() (while the memo is held, until the last
 * store_memo_release()); the caller must not change or free it.  Outside
 * a read transaction *out is NULL and nothing is looked up: use
 * store_provision_at() then.
 */
enum pt_status store_provision_shared(struct pt_store *st, const char *bwb,
                                      const char *artikel, const char *lid,
                                      const char *date,
                                      const struct store_provision **out,
                                      struct pt_err *err);

struct store_search_hit {
	char *bwb, *citeertitel, *version_date, *artikel, *label, *snippet;
	double rank;
};
/*
 * Full-text search over whole articles (FTS5 query syntax; a plain list of
 * words means all of them; diacritics are ignored).  date NULL searches
 * every version; a date searches only the versions in force then.  The
 * hits are ranked best first (bm25); *hits holds at most limit of them
 * from the offset-th on (0: the first), and *total, when total is not
 * NULL, how many there are in all.  A bad query gives PT_EUSAGE.
 */
enum pt_status store_search(struct pt_store *st, const char *query,
                            const char *date, size_t limit, size_t offset,
                            struct store_search_hit **hits, size_t *n,
                            size_t *total, struct pt_err *err);
void store_search_free(struct store_search_hit *hits, size_t n);

/* The table of contents of a law: its articles in order, each with the
 * divisions it stands in (path: "Hoofdstuk 3 / Afdeling 2" as imported). */
struct store_toc_entry {
	char *artikel, *label, *title, *path;
};
struct store_toc {
	int found; /* STORE_FOUND, STORE_NO_LAW or STORE_NO_VERSION */
	char *citeertitel, *version_date;
	struct store_toc_entry *entries;
	size_t n;
};
/* The articles of the version of bwb in force at date (NULL: the newest).
 * Release out with store_toc_release(), also after an error. */
enum pt_status store_toc(struct pt_store *st, const char *bwb, const char *date,
                         struct store_toc *out, struct pt_err *err);
void store_toc_release(struct store_toc *t);

/* wetten.overheid.nl link for an article at a date (owned by caller). */
char *store_url(const char *bwb, const char *artikel, const char *date);
/* Juriconnect id: jci1.3:c:BWB&artikel=A[&lid=L][&g=DATE] (owned by caller). */
/* The same for a part (onderdeel) of a lid: "...&lid=2&o=e&g=...", as the
 * BWB XML names list items (Juriconnect "o="). */
char *store_jci_part(const char *bwb, const char *artikel, const char *lid,
                     const char *onderdeel, const char *date);
char *store_jci(const char *bwb, const char *artikel, const char *lid,
                const char *date);
/*
 * The Juriconnect id in the BWB XML's own form: own is the article's id
 * as its file gives it (store_provision.jci: "jci1.3:c:BWBR0035362&
 * hoofdstuk=1&paragraaf=1&artikel=1.1.1&z=2026-07-01&g=2026-07-01"),
 * whose location keys (the divisions the file names before artikel) are
 * kept; lid and onderdeel follow artikel, as in the file's own ids of a
 * lid and a list item ("...&artikel=1.1.1&lid=2&o=a"); the file's dates
 * (z=, g=: those of the version) give way to &g=date, the peildatum (when
 * date is not NULL), as in store_jci_part().  NULL when own is not the id
 * of artikel (no "&artikel=A" as its last location key), so that the
 * caller falls back to store_jci_part().
 */
char *store_jci_own(const char *own, const char *artikel, const char *lid,
                    const char *onderdeel, const char *date);

#endif
