/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_priv.h: shared by the store modules (store.c and store_*.c); no
 * other file includes it, so SQL and SQLite stay behind store.h.
 *
 * struct pt_store is defined here.  The connection-level work (opening,
 * migrating, closing, transactions) goes through a struct store_backend,
 * a table of functions; store.c holds the SQLite one (store_sqlite), and
 * the generic parts of store.c (nesting and retrying transactions, the
 * memo of a read transaction) call only the table, so another backend is
 * another table.  The statements of the store modules are SQLite's: each
 * prepares static SQL with bound parameters through the helpers below.
 *
 * The helpers (defined in store.c): store_prepare() prepares, and on
 * failure leaves *s NULL and fills err; store_sqlerr() turns the
 * connection's last error into PT_EDB with the registry's path and
 * remembers whether it was a held lock (store_busy()); store_bind_text()
 * binds NULL for a NULL string and copies otherwise; store_col_dup()
 * returns a malloc'd copy of a column (NULL for NULL) the caller frees;
 * store_step_done() runs a statement that returns no rows (it does not
 * finalize it).
 *
 * Ownership: as in store.h.  A struct pt_store belongs to the thread that
 * uses it.
 */
#ifndef PROEFTOETS_STORE_PRIV_H
#define PROEFTOETS_STORE_PRIV_H

#include <sqlite3.h>

#include "err.h"
#include "store.h"

/* Statements of the law tables prepared once and kept until close. */
enum store_cached {
	Q_PUT_PROVISION,
	Q_PUT_REFERENCE,
	Q_LAW_BY_BWB,
	Q_VERSION_DATED,
	Q_VERSION_UNKNOWN,
	Q_VERSION_EARLIEST,
	Q_PROVISION,
	Q_REFERENCES,
	Q_COUNT
};

/* Register the FTS5 tokenizer "dutch" (store_stem.c) on db: a SQLite
 * result code.  Every connection needs it before it touches the index. */
int store_stem_register(sqlite3 *db);

#define STORE_MEMO_BUCKETS 1024

struct store_memo;

/*
 * A backend: what a kind of database does for the generic store code.
 * Each function fills err (where it takes one) and, for a lock another
 * connection holds, sets st->busy so that the caller may wait and retry.
 */
struct store_backend {
	const char *name;
	/* Open (creating) st->path and bring the schema up to date. */
	enum pt_status (*open)(struct pt_store *st, struct pt_err *err);
	/* Open st->path only to read it, creating no file beside it and
	 * changing nothing; the schema must be up to date. */
	enum pt_status (*open_read)(struct pt_store *st, struct pt_err *err);
	/* Free what open made; st itself is freed by store_close(). */
	void (*close)(struct pt_store *st);
	/* Start a write transaction, waiting at most wait_ms for the lock. */
	enum pt_status (*begin)(struct pt_store *st, long wait_ms,
	                        struct pt_err *err);
	enum pt_status (*commit)(struct pt_store *st, long wait_ms,
	                         struct pt_err *err);
	/* Undo the open transaction; nothing when there is none. */
	void (*rollback)(struct pt_store *st);
	/* A read snapshot: 1 when one was started. */
	int (*read_begin)(struct pt_store *st);
	void (*read_end)(struct pt_store *st);
	/* Whether a transaction of any kind is open. */
	int (*in_transaction)(struct pt_store *st);
};

extern const struct store_backend store_sqlite;

struct pt_store {
	const struct store_backend *be;
	char *path;
	long lock_wait_ms; /* STORE_LOCK_WAIT_MS or the environment's */
	int depth;         /* store_begin()s not yet committed or undone */
	int doomed;        /* an inner transaction was rolled back */
	int busy;          /* the last error was a lock held elsewhere */
	int read_only;     /* opened with store_open_read_only() */
	void (*on_wait)(void *ctx); /* told when a write starts to wait */
	void *on_wait_ctx;
	int memo_on;
	int memo_hold; /* store_memo_hold()s not yet released */
	struct store_memo *memo[STORE_MEMO_BUCKETS];
	struct store_memo *memo_kept; /* ended while held: freed on release */
	/* the SQLite backend */
	sqlite3 *db;
	sqlite3_stmt *q[Q_COUNT];
};

enum pt_status store_sqlerr(struct pt_store *st, const char *what,
                            struct pt_err *err);
enum pt_status store_prepare(struct pt_store *st, const char *sql,
                             sqlite3_stmt **s, struct pt_err *err);
void store_bind_text(sqlite3_stmt *s, int i, const char *v);
void store_bind_int(sqlite3_stmt *s, int i, long long v);
char *store_col_dup(sqlite3_stmt *s, int i);
enum pt_status store_step_done(struct pt_store *st, sqlite3_stmt *s,
                               const char *what, struct pt_err *err);

#endif
