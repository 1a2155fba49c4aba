/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store.c: the law registry in SQLite (see store.h), and what the store
 * modules share (store_priv.h): the schema migrations, the statement
 * helpers, the SQLite backend and the transactions built on it.
 *
 * All SQL is static text with bound parameters.  Statements used per row
 * during an import are prepared once and cached in struct pt_store.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "store_priv.h"
#include "i18n.h"

static const char *const cached_sql[Q_COUNT] = {
    "INSERT INTO provision(version_id, seq, artikel, lid, label, title,"
    " text, status, path, jci, url) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT INTO reference(provision_id, kind, target, text)"
    " VALUES(?,?,?,?)",
    "SELECT id, citeertitel FROM law WHERE bwb = ?",
    "SELECT id, inwerkingtreding, source, sha256 FROM version WHERE law_id = ?"
    " AND inwerkingtreding IS NOT NULL AND (?2 IS NULL OR inwerkingtreding <= "
    "?2)"
    " ORDER BY inwerkingtreding DESC LIMIT 1",
    /* A version of unknown date stands in only for a law that has no
     * dated version at all: otherwise it may be of another era than the
     * date asked for (an old-format file imported without --date). */
    "SELECT id, inwerkingtreding, source, sha256 FROM version WHERE law_id = ?1"
    " AND inwerkingtreding IS NULL AND NOT EXISTS (SELECT 1 FROM version"
    " WHERE law_id = ?1 AND inwerkingtreding IS NOT NULL) LIMIT 1",
    "SELECT min(inwerkingtreding), (SELECT source FROM version WHERE"
    " law_id = ?1 AND inwerkingtreding IS NULL) FROM version"
    " WHERE law_id = ?1 AND inwerkingtreding IS NOT NULL",
    "SELECT id, artikel, lid, label, title, text, status, path, jci, url"
    " FROM provision WHERE version_id = ? AND artikel = ? AND lid IS ?3"
    " ORDER BY seq LIMIT 1",
    "SELECT target FROM reference WHERE provision_id = ? ORDER BY rowid",
};

/*
 * Look-ups made inside a read transaction opened by store_read_begin() are
 * remembered until store_read_end(): the snapshot cannot change meanwhile,
 * and checking many designs asks for the same provisions again and again.
 */
struct store_memo {
	struct store_memo *next;
	char *key;
	struct store_provision p; /* for store_provision_at */
	int val;                  /* for store_memo_get/_put */
};

static void memo_clear(struct pt_store *st);
static void memo_free(struct store_memo *m);

/*
 * Schema migrations: element i brings user_version from i to i + 1.  Never
 * edit a migration that has shipped; append a new one.
 */
static const char *const migrations[] = {
    /* 0 -> 1: the law registry */
    "CREATE TABLE law ("
    "  id INTEGER PRIMARY KEY,"
    "  bwb TEXT NOT NULL UNIQUE,"
    "  citeertitel TEXT,"
    "  soort TEXT);"
    "CREATE TABLE version ("
    "  id INTEGER PRIMARY KEY,"
    "  law_id INTEGER NOT NULL REFERENCES law(id) ON DELETE CASCADE,"
    "  inwerkingtreding TEXT," /* NULL = unknown */
    "  source TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL UNIQUE,"
    "  format INTEGER NOT NULL,"
    "  imported_at TEXT NOT NULL);"
    "CREATE UNIQUE INDEX version_law_date"
    "  ON version(law_id, ifnull(inwerkingtreding, ''));"
    "CREATE TABLE provision ("
    "  id INTEGER PRIMARY KEY,"
    "  version_id INTEGER NOT NULL REFERENCES version(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"
    "  artikel TEXT NOT NULL,"
    "  lid TEXT," /* NULL = the whole article */
    "  label TEXT,"
    "  title TEXT,"
    "  text TEXT NOT NULL,"
    "  status TEXT,"
    "  path TEXT,"
    "  jci TEXT,"
    "  url TEXT);"
    "CREATE INDEX provision_lookup ON provision(version_id, artikel, lid);"
    "CREATE TABLE reference ("
    "  provision_id INTEGER NOT NULL REFERENCES provision(id) ON DELETE "
    "CASCADE,"
    "  kind TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  text TEXT);"
    "CREATE INDEX reference_provision ON reference(provision_id);"
    "CREATE VIRTUAL TABLE provision_fts USING fts5("
    "  text, content='provision', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER provision_fts_ins AFTER INSERT ON provision"
    "  WHEN new.lid IS NULL BEGIN"
    "  INSERT INTO provision_fts(rowid, text) VALUES(new.id, new.text);"
    "END;"
    "CREATE TRIGGER provision_fts_del AFTER DELETE ON provision"
    "  WHEN old.lid IS NULL BEGIN"
    "  INSERT INTO provision_fts(provision_fts, rowid, text)"
    "    VALUES('delete', old.id, old.text);"
    "END;",
    /* 1 -> 2: files fetched by `update` (update.c), to skip unchanged
     * versions without downloading them */
    "CREATE TABLE fetched ("
    "  bwb TEXT NOT NULL,"
    "  expression TEXT NOT NULL," /* manifest expression label */
    "  sha512 TEXT NOT NULL,"     /* as verified against the manifest */
    "  sha256 TEXT NOT NULL,"     /* = version.sha256 of the import */
    "  size INTEGER NOT NULL,"
    "  url TEXT NOT NULL,"
    "  fetched_at TEXT NOT NULL,"
    "  PRIMARY KEY (bwb, expression));",
    /* 2 -> 3: saved proeftuinen, their versions and findings (saved.c),
     * and the append-only review log (review.c) */
    "CREATE TABLE proeftuin ("
    "  id TEXT PRIMARY KEY,"
    "  naam TEXT,"
    "  created_at TEXT NOT NULL);"
    "CREATE TABLE proeftuin_version ("
    "  id INTEGER PRIMARY KEY,"
    "  proeftuin_id TEXT NOT NULL REFERENCES proeftuin(id),"
    "  seq INTEGER NOT NULL," /* 1, 2, ... per proeftuin */
    "  sha256 TEXT NOT NULL," /* of the design file */
    "  source TEXT,"          /* path it was read from */
    "  naam TEXT,"
    "  peildatum TEXT NOT NULL,"
    "  design TEXT NOT NULL," /* the design XML as read */
    "  barriers INTEGER NOT NULL,"
    "  risks INTEGER NOT NULL,"
    "  saved_at TEXT NOT NULL,"
    "  UNIQUE (proeftuin_id, seq));"
    "CREATE TABLE finding ("
    "  id TEXT PRIMARY KEY,"
    "  proeftuin_id TEXT NOT NULL REFERENCES proeftuin(id));"
    "CREATE INDEX finding_proeftuin ON finding(proeftuin_id);"
    "CREATE TABLE finding_snapshot ("
    "  version_id INTEGER NOT NULL REFERENCES proeftuin_version(id),"
    "  finding_id TEXT NOT NULL REFERENCES finding(id),"
    "  seq INTEGER NOT NULL," /* order in the report */
    "  rule TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  severity TEXT NOT NULL,"
    "  title TEXT,"
    "  trigger TEXT,"
    "  actors TEXT NOT NULL," /* JSON arrays */
    "  tasks TEXT NOT NULL,"
    "  jci TEXT NOT NULL,"
    "  PRIMARY KEY (version_id, finding_id));"
    "CREATE INDEX finding_snapshot_finding ON finding_snapshot(finding_id);"
    "CREATE TABLE review_log ("
    "  id INTEGER PRIMARY KEY,"
    "  finding_id TEXT NOT NULL REFERENCES finding(id),"
    "  logged_at TEXT NOT NULL," /* UTC, ISO 8601 */
    "  reviewer TEXT NOT NULL CHECK (length(reviewer) > 0),"
    "  old_status TEXT NOT NULL CHECK (old_status IN"
    "    ('open','confirmed','rejected','mitigated','needs-amendment')),"
    "  new_status TEXT NOT NULL CHECK (new_status IN"
    "    ('open','confirmed','rejected','mitigated','needs-amendment')),"
    "  note TEXT,"
    "  CHECK (new_status <> 'rejected' OR length(note) > 0));"
    "CREATE INDEX review_log_finding ON review_log(finding_id, id);"
    "CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log BEGIN"
    "  SELECT RAISE(ABORT, 'the review log is append-only');"
    "END;"
    "CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log BEGIN"
    "  SELECT RAISE(ABORT, 'the review log is append-only');"
    "END;",
    /* 3 -> 4: look up an article or lid without sorting */
    "CREATE INDEX provision_lookup_seq ON provision(version_id, artikel, lid, "
    "seq);"
    "DROP INDEX provision_lookup;",
    /* 4 -> 5: the full-text index is filled once per imported version */
    "DROP TRIGGER provision_fts_ins;",
    /* 5 -> 6: accounts and sessions of the web workspace (auth.c); a
     * session is stored as the SHA-256 of its token */
    "CREATE TABLE web_user ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL CHECK (role IN ('reader','reviewer')),"
    "  pwhash TEXT NOT NULL,"         /* crypto_pwhash_str */
    "  created_at INTEGER NOT NULL);" /* Unix seconds */
    "CREATE TABLE web_session ("
    "  token_sha256 TEXT PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES web_user(id),"
    "  created_at INTEGER NOT NULL,"
    "  expires_at INTEGER NOT NULL);"
    "CREATE INDEX web_session_user ON web_session(user_id);",
    /* 6 -> 7: the full-text index cuts Dutch words to their stems
     * (store_stem.c): built again from the whole articles */
    "DROP TABLE provision_fts;"
    "CREATE VIRTUAL TABLE provision_fts USING fts5("
    "  text, content='provision', content_rowid='id',"
    "  tokenize='dutch');"
    "INSERT INTO provision_fts(rowid, text)"
    "  SELECT id, text FROM provision WHERE lid IS NULL;",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int
store_schema_version(void)
{
	return NMIGRATIONS;
}

/* --- helpers of the store modules (store_priv.h) -------------------------- */

enum pt_status
store_sqlerr(struct pt_store *st, const char *what, struct pt_err *err)
{
	int rc = sqlite3_errcode(st->db) & 0xff;
	int sys = sqlite3_system_errno(st->db);
	int ext = sqlite3_extended_errcode(st->db);

	what = pt_tr(what);
	st->busy = rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
	/* A full disk shows as SQLITE_FULL, or as an I/O error of ENOSPC. */
	if (rc == SQLITE_FULL ||
	    (rc == SQLITE_IOERR &&
	     (sys == ENOSPC || sys == EDQUOT || sys == EFBIG)))
		return pt_err_set(err, PT_EDB, st->path, 0, 0,
		                  "%s: disk full: no space left for the "
		                  "registry",
		                  what);
	/* A write that failed for want of room often shows only as this. */
	if (ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
	    ext == SQLITE_IOERR_TRUNCATE || ext == SQLITE_IOERR_SHMSIZE)
		return pt_err_set(err, PT_EDB, st->path, 0, 0,
		                  "%s: the registry file cannot be written "
		                  "(disk full?): %s",
		                  what, sqlite3_errmsg(st->db));
	if (rc == SQLITE_READONLY)
		return pt_err_set(err, PT_EDB, st->path, 0, 0,
		                  "%s: the registry is read-only (%s)", what,
		                  sqlite3_errmsg(st->db));
	return pt_err_set(err, PT_EDB, st->path, 0, 0, "%s: %s", what,
	                  sqlite3_errmsg(st->db));
}

int
store_busy(const struct pt_store *st)
{
	return st->busy;
}

enum pt_status
store_prepare(struct pt_store *st, const char *sql, sqlite3_stmt **s,
              struct pt_err *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) {
		*s = NULL;
		return store_sqlerr(st, "cannot prepare a query", err);
	}
	return PT_OK;
}

void
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

void
store_bind_int(sqlite3_stmt *s, int i, long long v)
{
	sqlite3_bind_int64(s, i, (sqlite3_int64)v);
}

char *
store_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? xstrdup((const char *)t) : NULL;
}

enum pt_status
store_step_done(struct pt_store *st, sqlite3_stmt *s, const char *what,
                struct pt_err *err)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_sqlerr(st, what, err);
	return PT_OK;
}

static sqlite3_stmt *
cached(struct pt_store *st, int which, struct pt_err *err)
{
	if (st->q[which] == NULL &&
	    store_prepare(st, cached_sql[which], &st->q[which], err) != PT_OK)
		return NULL;
	sqlite3_reset(st->q[which]);
	sqlite3_clear_bindings(st->q[which]);
	return st->q[which];
}

/* *dst becomes a copy of column i (NULL for SQL NULL); the old value is
 * freed. */
static void
col_replace(char **dst, sqlite3_stmt *s, int i)
{
	free(*dst);
	*dst = store_col_dup(s, i);
}

/* --- the SQLite backend ----------------------------------------------------
 */

static enum pt_status
exec(struct pt_store *st, const char *sql, const char *what, struct pt_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return store_sqlerr(st, what, err);
	}
	return PT_OK;
}

static int
user_version(struct pt_store *st, int *v)
{
	sqlite3_stmt *s;
	int rc;

	rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

static void
sqlite_rollback(struct pt_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static enum pt_status
migrate(struct pt_store *st, struct pt_err *err)
{
	char pragma[64];
	int v = 0, i;

	if (user_version(st, &v) != SQLITE_OK)
		return store_sqlerr(
		    st,
		    "cannot read the database (is it a proeftoets registry?)",
		    err);
	if (v > NMIGRATIONS)
		return pt_err_set(
		    err, PT_EDB, st->path, 0, 0,
		    "the registry has schema version %d; this proeftoets "
		    "knows up to %d: use a newer proeftoets",
		    v, NMIGRATIONS);
	if (v == NMIGRATIONS)
		return PT_OK;
	if (exec(st, "BEGIN IMMEDIATE", "cannot start migration", err))
		return PT_EDB;
	/* Re-read inside the write lock: another process may have migrated. */
	if (user_version(st, &v) != SQLITE_OK) {
		sqlite_rollback(st);
		return store_sqlerr(st, "cannot read the schema version", err);
	}
	for (i = v; i < NMIGRATIONS; i++) {
		if (exec(st, migrations[i], "cannot create the registry schema",
		         err)) {
			sqlite_rollback(st);
			return PT_EDB;
		}
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d",
	         NMIGRATIONS);
	if (exec(st, pragma, "cannot set the schema version", err) ||
	    exec(st, "COMMIT", "cannot commit the schema", err)) {
		sqlite_rollback(st);
		return PT_EDB;
	}
	return PT_OK;
}

/*
 * A database without a schema version that already holds tables belongs to
 * another program: never add the registry's tables to it.  A file that
 * cannot be read is left to the checks that follow, which say why.
 */
static enum pt_status
refuse_foreign(struct pt_store *st, struct pt_err *err)
{
	sqlite3_stmt *s;
	int v = 0, tables = 0;

	if (user_version(st, &v) != SQLITE_OK || v != 0)
		return PT_OK;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1,
	                       &s, NULL) != SQLITE_OK)
		return PT_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		tables = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (tables > 0)
		return pt_err_set(err, PT_EDB, st->path, 0, 0,
		                  "not a proeftoets registry: the database "
		                  "holds tables of another program");
	return PT_OK;
}

static enum pt_status
sqlite_open(struct pt_store *st, struct pt_err *err)
{
	int rc;

	rc = sqlite3_open_v2(st->path, &st->db,
	                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		return pt_err_set(
		    err, PT_EDB, st->path, 0, 0, "cannot open the registry: %s",
		    st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, (int)st->lock_wait_ms);
	if (store_stem_register(st->db) != SQLITE_OK)
		return store_sqlerr(st, "cannot set up the search index", err);
	if (refuse_foreign(st, err) ||
	    exec(st, "PRAGMA foreign_keys = ON",
	         "cannot configure the registry", err) ||
	    /* Pages of 16 KiB for a new registry (an existing one keeps its
	     * own): provision texts are long; importing 200 MiB takes a
	     * quarter of the write calls of 4 KiB pages, and the file is 8%
	     * smaller (bench/README.md). */
	    exec(st, "PRAGMA page_size = 16384",
	         "cannot configure the registry", err) ||
	    exec(st, "PRAGMA journal_mode = WAL", "cannot open the registry",
	         err) ||
	    exec(st, "PRAGMA synchronous = FULL",
	         "cannot configure the registry", err) ||
	    /* 8 MiB of page cache: an import was 5-10% faster than with 32
	     * and peaked at half the memory (bench/import.sh). */
	    exec(st, "PRAGMA cache_size = -8192",
	         "cannot configure the registry", err) ||
	    migrate(st, err))
		return PT_EDB;
	return PT_OK;
}

/* "file:" URI of path with the query q: '%', '?' and '#' escaped. */
static char *
file_uri(const char *path, const char *q)
{
	struct pt_buf b = PT_BUF_INIT;
	const char *p;

	pt_buf_adds(&b, "file:");
	for (p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			pt_buf_addf(&b, "%%%02X", (unsigned char)*p);
		else
			pt_buf_addc(&b, *p);
	}
	pt_buf_addf(&b, "?%s", q);
	return pt_buf_detach(&b);
}

/*
 * Read only.  A registry whose write-ahead log is empty (closed cleanly)
 * is opened immutable: no lock and no -wal or -shm file, so it can be
 * read on a read-only file system, in a read-only directory or as
 * another user, and nothing is left behind.  With a log that holds
 * pages (a writer at work, or one that was killed) it is opened
 * read-only the ordinary way, which reads the log.
 */
static enum pt_status
sqlite_open_read(struct pt_store *st, struct pt_err *err)
{
	char *wal = xasprintf("%s-wal", st->path), *uri;
	struct stat sb;
	int rc, v = 0, live = stat(wal, &sb) == 0 && sb.st_size > 0;

	free(wal);
	uri = file_uri(st->path, live ? "mode=ro" : "immutable=1");
	rc = sqlite3_open_v2(uri, &st->db,
	                     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return pt_err_set(
		    err, PT_EDB, st->path, 0, 0, "cannot open the registry: %s",
		    st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, (int)st->lock_wait_ms);
	if (store_stem_register(st->db) != SQLITE_OK)
		return store_sqlerr(st, "cannot set up the search index", err);
	if (refuse_foreign(st, err) != PT_OK)
		return PT_EDB;
	if (user_version(st, &v) != SQLITE_OK)
		return store_sqlerr(st,
		                    "cannot read the database (is it a "
		                    "proeftoets registry?)",
		                    err);
	if (v != NMIGRATIONS)
		return pt_err_set(err, PT_EDB, st->path, 0, 0,
		                  "the registry has schema version %d, this "
		                  "proeftoets reads %d: %s",
		                  v, NMIGRATIONS,
		                  v < NMIGRATIONS
		                      ? "a command that writes "
		                        "(with write access) upgrades it"
		                      : "use a newer proeftoets");
	/* 2 MiB: a read touches few pages, and a larger cache costs page
	 * faults (searches were 2-3 times faster than with 32 MiB). */
	if (exec(st, "PRAGMA cache_size = -2048",
	         "cannot configure the "
	         "registry",
	         err))
		return PT_EDB;
	return PT_OK;
}

static void
sqlite_close(struct pt_store *st)
{
	int i;

	for (i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(st->q[i]);
	sqlite3_close(st->db);
	st->db = NULL;
}

/* One statement with the busy handler waiting at most wait_ms. */
static enum pt_status
exec_waiting(struct pt_store *st, const char *sql, long wait_ms,
             const char *what, struct pt_err *err)
{
	enum pt_status rc;

	sqlite3_busy_timeout(st->db, (int)wait_ms);
	rc = exec(st, sql, what, err);
	sqlite3_busy_timeout(st->db, (int)st->lock_wait_ms);
	return rc;
}

static enum pt_status
sqlite_begin(struct pt_store *st, long wait_ms, struct pt_err *err)
{
	return exec_waiting(st, "BEGIN IMMEDIATE", wait_ms,
	                    "cannot start a transaction", err);
}

static enum pt_status
sqlite_commit(struct pt_store *st, long wait_ms, struct pt_err *err)
{
	return exec_waiting(st, "COMMIT", wait_ms, "cannot commit", err);
}

static int
sqlite_read_begin(struct pt_store *st)
{
	return sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void
sqlite_read_end(struct pt_store *st)
{
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

static int
sqlite_in_transaction(struct pt_store *st)
{
	return !sqlite3_get_autocommit(st->db);
}

const struct store_backend store_sqlite = {
    "sqlite",        sqlite_open,           sqlite_open_read, sqlite_close,
    sqlite_begin,    sqlite_commit,         sqlite_rollback,  sqlite_read_begin,
    sqlite_read_end, sqlite_in_transaction,
};

/* --- opening and transactions -----------------------------------------------
 */

/* STORE_LOCK_WAIT_MS, or PROEFTOETS_LOCK_WAIT_MS when that is a number
 * of milliseconds (at most an hour). */
static long
lock_wait_ms(void)
{
	const char *v = getenv("PROEFTOETS_LOCK_WAIT_MS");
	char *end;
	long ms;

	if (v == NULL || *v < '0' || *v > '9')
		return STORE_LOCK_WAIT_MS;
	errno = 0;
	ms = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || ms > 3600000L)
		return STORE_LOCK_WAIT_MS;
	return ms;
}

/* A store for path opened by the backend's open or, read_only, its
 * open_read. */
static enum pt_status
open_store(const char *path, int read_only, struct pt_store **out,
           struct pt_err *err)
{
	struct pt_store *st;

	*out = NULL;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->be = &store_sqlite;
	st->lock_wait_ms = lock_wait_ms();
	st->read_only = read_only;
	if ((read_only ? st->be->open_read : st->be->open)(st, err) != PT_OK) {
		store_close(st);
		return PT_EDB;
	}
	*out = st;
	return PT_OK;
}

enum pt_status
store_open(const char *path, struct pt_store **out, struct pt_err *err)
{
	return open_store(path, 0, out, err);
}

/* Whether dir of path lets us make files (for -wal and -shm). */
static int
dir_writable(const char *path)
{
	char *dir = fileio_dirname(path);
	int ok = access(dir, W_OK) == 0;

	free(dir);
	return ok;
}

enum pt_status
store_open_read(const char *path, struct pt_store **out, struct pt_err *err)
{
	struct stat sb;

	/*
	 * A registry that can be written is opened as for writing (which
	 * also creates a new one and upgrades an old schema); one that
	 * cannot be, read-only.
	 */
	if (stat(path, &sb) != 0 ||
	    (access(path, W_OK) == 0 && dir_writable(path)))
		return store_open(path, out, err);
	return store_open_read_only(path, out, err);
}

enum pt_status
store_open_read_only(const char *path, struct pt_store **out,
                     struct pt_err *err)
{
	return open_store(path, 1, out, err);
}

void
store_close(struct pt_store *st)
{
	if (st == NULL)
		return;
	st->memo_hold = 0;
	memo_clear(st);
	memo_free(st->memo_kept);
	st->be->close(st);
	free(st->path);
	free(st);
}

const char *
store_path(const struct pt_store *st)
{
	return st->path;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Sleep 5-40 ms, different in every process so that waiters spread. */
static void
pause_a_little(unsigned *seed)
{
	struct timespec ts;

	*seed = *seed * 1103515245u + 12345u;
	ts.tv_sec = 0;
	ts.tv_nsec = (long)(5 + (*seed >> 16) % 36) * 1000000L;
	nanosleep(&ts, NULL);
}

/*
 * Call a backend's begin or commit until it succeeds, fails for another
 * reason than a lock held elsewhere, or st->lock_wait_ms have passed.
 * The backend waits for the lock itself; the pauses are for the locks it
 * reports without waiting (SQLite does so to break a deadlock).
 */
static enum pt_status
with_lock_wait(struct pt_store *st,
               enum pt_status (*fn)(struct pt_store *, long, struct pt_err *),
               struct pt_err *err)
{
	unsigned seed =
	    (unsigned)getpid() ^ (unsigned)time(NULL) ^ (unsigned)(uintptr_t)st;
	long long end = now_ms() + st->lock_wait_ms, left;

	/* A first try that does not wait: whoever waits is told so. */
	st->busy = 0;
	if (fn(st, 0, err) == PT_OK)
		return PT_OK;
	if (!st->busy)
		return PT_EDB;
	if (st->on_wait != NULL)
		st->on_wait(st->on_wait_ctx);
	for (;;) {
		left = end - now_ms();
		st->busy = 0;
		if (fn(st, left > 0 ? (long)left : 0, err) == PT_OK)
			return PT_OK;
		if (!st->busy)
			return PT_EDB;
		if (now_ms() >= end)
			return pt_err_set(err, PT_EDB, st->path, 0, 0,
			                  "the registry is in use by another "
			                  "process: its lock was not free "
			                  "within %ld s",
			                  (st->lock_wait_ms + 999) / 1000);
		pause_a_little(&seed);
	}
}

void
store_on_wait(struct pt_store *st, void (*fn)(void *ctx), void *ctx)
{
	st->on_wait = fn;
	st->on_wait_ctx = ctx;
}

enum pt_status
store_begin(struct pt_store *st, struct pt_err *err)
{
	if (st->read_only)
		return pt_err_set(err, PT_EDB, st->path, 0, 0,
		                  "the registry is read-only: it was opened "
		                  "to be read (no write access to it or to its "
		                  "directory)");
	if (st->depth > 0) {
		st->depth++;
		return PT_OK;
	}
	if (with_lock_wait(st, st->be->begin, err) != PT_OK)
		return PT_EDB;
	st->depth = 1;
	st->doomed = 0;
	return PT_OK;
}

enum pt_status
store_commit(struct pt_store *st, struct pt_err *err)
{
	if (st->depth > 1) {
		st->depth--;
		return PT_OK;
	}
	st->depth = 0;
	if (st->doomed) {
		st->doomed = 0;
		st->be->rollback(st);
		return pt_err_set(
		    err, PT_EDB, st->path, 0, 0,
		    "cannot commit: "
		    "a part of the transaction failed and was undone");
	}
	if (with_lock_wait(st, st->be->commit, err) != PT_OK) {
		st->be->rollback(st);
		return PT_EDB;
	}
	return PT_OK;
}

void
store_rollback(struct pt_store *st)
{
	if (st->depth > 1) {
		st->depth--;
		st->doomed = 1;
		return;
	}
	st->depth = 0;
	st->doomed = 0;
	st->be->rollback(st);
}

int
store_read_begin(struct pt_store *st)
{
	if (st->be->in_transaction(st) || !st->be->read_begin(st))
		return 0;
	st->memo_on = 1;
	return 1;
}

void
store_read_end(struct pt_store *st, int started)
{
	if (!started)
		return;
	memo_clear(st);
	st->memo_on = 0;
	st->be->read_end(st);
}

/* --- writing ---------------------------------------------------------------
 */

enum pt_status
store_has_sha256(struct pt_store *st, const char *sha256, int *found,
                 char **bwb, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*found = 0;
	if (bwb)
		*bwb = NULL;
	if (store_prepare(
	        st,
	        "SELECT l.bwb FROM version v JOIN law l ON l.id = v.law_id"
	        " WHERE v.sha256 = ?",
	        &s, err))
		return PT_EDB;
	store_bind_text(s, 1, sha256);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = 1;
		if (bwb)
			*bwb = store_col_dup(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read versions", err);
	return PT_OK;
}

enum pt_status
store_has_source(struct pt_store *st, const char *source, int *found,
                 struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*found = 0;
	if (store_prepare(st, "SELECT 1 FROM version WHERE source = ? LIMIT 1",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, source);
	rc = sqlite3_step(s);
	*found = rc == SQLITE_ROW;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read versions", err);
	return PT_OK;
}

/* The version of a law in force from that date (NULL: the unknown date):
 * *id -1 when there is none; *sha256 (owned) when asked for. */
static enum pt_status
version_dated(struct pt_store *st, long long law_id,
              const char *inwerkingtreding, long long *id, char **sha256,
              struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*id = -1;
	if (sha256)
		*sha256 = NULL;
	if (store_prepare(st,
	                  "SELECT id, sha256 FROM version WHERE law_id = ?"
	                  " AND ifnull(inwerkingtreding, '') = ifnull(?, '')",
	                  &s, err))
		return PT_EDB;
	sqlite3_bind_int64(s, 1, law_id);
	store_bind_text(s, 2, inwerkingtreding);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		if (sha256)
			*sha256 = store_col_dup(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read versions", err);
	return PT_OK;
}

enum pt_status
store_version_sha256(struct pt_store *st, long long law_id,
                     const char *inwerkingtreding, char **sha256,
                     struct pt_err *err)
{
	long long id;

	return version_dated(st, law_id, inwerkingtreding, &id, sha256, err);
}

enum pt_status
store_set_version_sha256(struct pt_store *st, long long version_id,
                         const char *sha256, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, "UPDATE version SET sha256 = ? WHERE id = ?", &s,
	                  err))
		return PT_EDB;
	store_bind_text(s, 1, sha256);
	sqlite3_bind_int64(s, 2, version_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot record the version", err);
	return PT_OK;
}

enum pt_status
store_put_law(struct pt_store *st, const char *bwb, const char *citeertitel,
              const char *soort, long long *law_id, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(
	        st,
	        "INSERT INTO law(bwb, citeertitel, soort) VALUES(?,?,?)"
	        " ON CONFLICT(bwb) DO UPDATE SET"
	        "  citeertitel = coalesce(excluded.citeertitel, citeertitel),"
	        "  soort = coalesce(excluded.soort, soort)",
	        &s, err))
		return PT_EDB;
	store_bind_text(s, 1, bwb);
	store_bind_text(s, 2, citeertitel);
	store_bind_text(s, 3, soort);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot store the law", err);
	if (store_prepare(st, "SELECT id FROM law WHERE bwb = ?", &s, err))
		return PT_EDB;
	store_bind_text(s, 1, bwb);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*law_id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the law back", err);
	return PT_OK;
}

enum pt_status
store_put_version(struct pt_store *st, long long law_id,
                  const char *inwerkingtreding, const char *source,
                  const char *sha256, int format, long long *version_id,
                  int *replaced, struct pt_err *err)
{
	sqlite3_stmt *s;
	long long old = -1;
	int rc;

	*replaced = 0;
	if (version_dated(st, law_id, inwerkingtreding, &old, NULL, err))
		return PT_EDB;
	if (old >= 0) {
		/* Delete provisions explicitly so the FTS triggers run. */
		if (store_prepare(st,
		                  "DELETE FROM provision WHERE version_id = ?",
		                  &s, err))
			return PT_EDB;
		sqlite3_bind_int64(s, 1, old);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_sqlerr(st, "cannot replace the version",
			                    err);
		if (store_prepare(st, "DELETE FROM version WHERE id = ?", &s,
		                  err))
			return PT_EDB;
		sqlite3_bind_int64(s, 1, old);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_sqlerr(st, "cannot replace the version",
			                    err);
		*replaced = 1;
	}
	if (store_prepare(
	        st,
	        "INSERT INTO version(law_id, inwerkingtreding, source,"
	        " sha256, format, imported_at) VALUES(?,?,?,?,?,"
	        " strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
	        &s, err))
		return PT_EDB;
	sqlite3_bind_int64(s, 1, law_id);
	store_bind_text(s, 2, inwerkingtreding);
	store_bind_text(s, 3, source);
	store_bind_text(s, 4, sha256);
	sqlite3_bind_int(s, 5, format);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot store the version", err);
	*version_id = sqlite3_last_insert_rowid(st->db);
	return PT_OK;
}

enum pt_status
store_put_provision(struct pt_store *st, long long version_id,
                    const struct store_provision_in *p, long long *provision_id,
                    struct pt_err *err)
{
	sqlite3_stmt *s = cached(st, Q_PUT_PROVISION, err);

	if (s == NULL)
		return PT_EDB;
	sqlite3_bind_int64(s, 1, version_id);
	sqlite3_bind_int(s, 2, p->seq);
	store_bind_text(s, 3, p->artikel ? p->artikel : "");
	store_bind_text(s, 4, p->lid);
	store_bind_text(s, 5, p->label);
	store_bind_text(s, 6, p->title);
	store_bind_text(s, 7, p->text ? p->text : "");
	store_bind_text(s, 8, p->status);
	store_bind_text(s, 9, p->path);
	store_bind_text(s, 10, p->jci);
	store_bind_text(s, 11, p->url);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_sqlerr(st, "cannot store a provision", err);
	if (provision_id)
		*provision_id = sqlite3_last_insert_rowid(st->db);
	return PT_OK;
}

enum pt_status
store_index_version(struct pt_store *st, long long version_id,
                    struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st,
	                  "INSERT INTO provision_fts(rowid, text)"
	                  " SELECT id, text FROM provision"
	                  " WHERE version_id = ? AND lid IS NULL",
	                  &s, err))
		return PT_EDB;
	sqlite3_bind_int64(s, 1, version_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot index the version for search",
		                    err);
	return PT_OK;
}

enum pt_status
store_put_reference(struct pt_store *st, long long provision_id, int kind,
                    const char *target, const char *text, struct pt_err *err)
{
	sqlite3_stmt *s = cached(st, Q_PUT_REFERENCE, err);

	if (s == NULL)
		return PT_EDB;
	sqlite3_bind_int64(s, 1, provision_id);
	store_bind_text(s, 2, kind == 2 ? "extref" : "intref");
	store_bind_text(s, 3, target);
	store_bind_text(s, 4, text);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_sqlerr(st, "cannot store a reference", err);
	return PT_OK;
}

/* --- reading ---------------------------------------------------------------
 */

enum pt_status
store_law_count(struct pt_store *st, long long *n, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*n = 0;
	if (store_prepare(st, "SELECT count(*) FROM law", &s, err))
		return PT_EDB;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot count the laws", err);
	return PT_OK;
}

enum pt_status
store_laws(struct pt_store *st, struct store_law **laws, size_t *n,
           struct pt_err *err)
{
	sqlite3_stmt *s;
	struct store_law *v = NULL, *law = NULL;
	size_t cap = 0, vcap = 0;
	long long last = -1;
	int rc;

	*laws = NULL;
	*n = 0;
	if (store_prepare(
	        st,
	        "SELECT l.id, l.bwb, l.citeertitel, l.soort,"
	        " v.inwerkingtreding, v.source, v.sha256, v.imported_at, "
	        "v.format,"
	        " (SELECT count(*) FROM provision p WHERE p.version_id = v.id"
	        "   AND p.lid IS NULL)"
	        " FROM law l JOIN version v ON v.law_id = l.id"
	        " ORDER BY l.bwb, ifnull(v.inwerkingtreding, '')",
	        &s, err))
		return PT_EDB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_version *ver;

		if (law == NULL || sqlite3_column_int64(s, 0) != last) {
			last = sqlite3_column_int64(s, 0);
			PT_ARRAY_PUSH(v, *n, cap);
			law = &v[*n - 1];
			memset(law, 0, sizeof *law);
			law->bwb = store_col_dup(s, 1);
			law->citeertitel = store_col_dup(s, 2);
			law->soort = store_col_dup(s, 3);
			vcap = 0;
		}
		PT_ARRAY_PUSH(law->versions, law->nversions, vcap);
		ver = &law->versions[law->nversions - 1];
		ver->inwerkingtreding = store_col_dup(s, 4);
		ver->source = store_col_dup(s, 5);
		ver->sha256 = store_col_dup(s, 6);
		ver->imported_at = store_col_dup(s, 7);
		ver->format = sqlite3_column_int(s, 8);
		ver->articles = sqlite3_column_int(s, 9);
	}
	sqlite3_finalize(s);
	*laws = v;
	if (rc != SQLITE_DONE) {
		store_laws_free(v, *n);
		*laws = NULL;
		*n = 0;
		return store_sqlerr(st, "cannot list laws", err);
	}
	return PT_OK;
}

void
store_laws_free(struct store_law *laws, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < laws[i].nversions; j++) {
			free(laws[i].versions[j].inwerkingtreding);
			free(laws[i].versions[j].source);
			free(laws[i].versions[j].sha256);
			free(laws[i].versions[j].imported_at);
		}
		free(laws[i].versions);
		free(laws[i].bwb);
		free(laws[i].citeertitel);
		free(laws[i].soort);
	}
	free(laws);
}

/* The version of law_id in force at date (NULL: the newest). */
static enum pt_status
version_at(struct pt_store *st, long long law_id, const char *date,
           long long *vid, char **vdate, char **source, char **sha256,
           struct pt_err *err)
{
	static const int qs[2] = {Q_VERSION_DATED, Q_VERSION_UNKNOWN};
	int i, rc;

	*vid = -1;
	for (i = 0; i < 2 && *vid < 0; i++) {
		sqlite3_stmt *s = cached(st, qs[i], err);

		if (s == NULL)
			return PT_EDB;
		sqlite3_bind_int64(s, 1, law_id);
		if (i == 0)
			store_bind_text(s, 2, date);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*vid = sqlite3_column_int64(s, 0);
			*vdate = store_col_dup(s, 1);
			*source = store_col_dup(s, 2);
			*sha256 = store_col_dup(s, 3);
		}
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_sqlerr(st, "cannot read versions", err);
	}
	return PT_OK;
}

/*
 * No version is in force at the date: say which dated version is the
 * earliest, and whether a version of unknown date was passed over.
 */
static enum pt_status
version_passed_over(struct pt_store *st, long long law_id,
                    struct store_provision *out, struct pt_err *err)
{
	sqlite3_stmt *s = cached(st, Q_VERSION_EARLIEST, err);
	int rc;

	if (s == NULL)
		return PT_EDB;
	sqlite3_bind_int64(s, 1, law_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->earliest_dated = store_col_dup(s, 0);
		out->undated_source = store_col_dup(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read versions", err);
	return PT_OK;
}

static enum pt_status
provision_row(struct pt_store *st, long long vid, const char *artikel,
              const char *lid, struct store_provision *out, long long *pid,
              int *found, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*found = 0;
	if ((s = cached(st, Q_PROVISION, err)) == NULL)
		return PT_EDB;
	sqlite3_bind_int64(s, 1, vid);
	store_bind_text(s, 2, artikel);
	store_bind_text(s, 3, lid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = 1;
		*pid = sqlite3_column_int64(s, 0);
		col_replace(&out->artikel, s, 1);
		col_replace(&out->lid, s, 2);
		col_replace(&out->label, s, 3);
		col_replace(&out->title, s, 4);
		col_replace(&out->text, s, 5);
		col_replace(&out->status, s, 6);
		col_replace(&out->path, s, 7);
		col_replace(&out->jci, s, 8);
		col_replace(&out->url, s, 9);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read provisions", err);
	return PT_OK;
}

static char *
xdup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void
provision_copy(struct store_provision *to, const struct store_provision *from)
{
	size_t i;

	*to = *from;
	to->bwb = xdup(from->bwb);
	to->citeertitel = xdup(from->citeertitel);
	to->version_date = xdup(from->version_date);
	to->artikel = xdup(from->artikel);
	to->lid = xdup(from->lid);
	to->label = xdup(from->label);
	to->title = xdup(from->title);
	to->text = xdup(from->text);
	to->status = xdup(from->status);
	to->path = xdup(from->path);
	to->jci = xdup(from->jci);
	to->url = xdup(from->url);
	to->source = xdup(from->source);
	to->sha256 = xdup(from->sha256);
	to->earliest_dated = xdup(from->earliest_dated);
	to->undated_source = xdup(from->undated_source);
	to->refs = from->nrefs ? xcalloc(from->nrefs, sizeof *to->refs) : NULL;
	for (i = 0; i < from->nrefs; i++)
		to->refs[i] = xstrdup(from->refs[i]);
}

static void
memo_free(struct store_memo *m)
{
	struct store_memo *next;

	for (; m != NULL; m = next) {
		next = m->next;
		free(m->key);
		store_provision_release(&m->p);
		free(m);
	}
}

/* Forget every look-up; while the memo is held, keep them for release. */
static void
memo_clear(struct pt_store *st)
{
	struct store_memo *last;
	size_t i;

	for (i = 0; i < STORE_MEMO_BUCKETS; i++) {
		if (st->memo[i] == NULL)
			continue;
		if (st->memo_hold > 0) {
			for (last = st->memo[i]; last->next != NULL;
			     last = last->next)
				;
			last->next = st->memo_kept;
			st->memo_kept = st->memo[i];
		} else
			memo_free(st->memo[i]);
		st->memo[i] = NULL;
	}
}

void
store_memo_hold(struct pt_store *st)
{
	st->memo_hold++;
}

void
store_memo_release(struct pt_store *st)
{
	if (st == NULL || st->memo_hold == 0 || --st->memo_hold > 0)
		return;
	memo_free(st->memo_kept);
	st->memo_kept = NULL;
}

int
store_memo_held(const struct pt_store *st)
{
	return st != NULL && st->memo_hold > 0;
}

/* The key parts joined by 0x1f, a NULL part as 0x1e; and its bucket. */
static char *
memo_key_parts(const char *const *parts, size_t n, unsigned *bucket)
{
	struct pt_buf b = PT_BUF_INIT;
	unsigned h = 2166136261u;
	const unsigned char *p;
	char *key;
	size_t i;

	pt_buf_grow(&b, 64);
	for (i = 0; i < n; i++) {
		if (i > 0)
			pt_buf_addc(&b, '\x1f');
		pt_buf_adds(&b, parts[i] ? parts[i] : "\x1e");
	}
	key = pt_buf_detach(&b);
	for (p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	*bucket = h % STORE_MEMO_BUCKETS;
	return key;
}

static char *
memo_key(const char *bwb, const char *artikel, const char *lid,
         const char *date, unsigned *bucket)
{
	const char *parts[4];

	parts[0] = bwb;
	parts[1] = artikel;
	parts[2] = lid;
	parts[3] = date;
	return memo_key_parts(parts, 4, bucket);
}

static struct store_memo *
memo_find(struct pt_store *st, const char *key, unsigned bucket)
{
	struct store_memo *m;

	for (m = st->memo[bucket]; m != NULL; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

/* A new, empty entry for key (which it takes) at the head of its bucket. */
static struct store_memo *
memo_add(struct pt_store *st, char *key, unsigned bucket)
{
	struct store_memo *m = xcalloc(1, sizeof *m);

	m->key = key;
	m->next = st->memo[bucket];
	st->memo[bucket] = m;
	return m;
}

/* A store_memo_put key: "#" first, which is never a BWB id. */
static char *
memo_int_key(const char *const *key, size_t nkey, unsigned *bucket)
{
	const char *parts[9];
	size_t i;

	if (nkey > 8)
		abort();
	parts[0] = "#";
	for (i = 0; i < nkey; i++)
		parts[i + 1] = key[i];
	return memo_key_parts(parts, nkey + 1, bucket);
}

int
store_memo_get(struct pt_store *st, const char *const *key, size_t nkey,
               int *val)
{
	struct store_memo *m;
	unsigned bucket;
	char *k;

	if (!st->memo_on)
		return 0;
	k = memo_int_key(key, nkey, &bucket);
	m = memo_find(st, k, bucket);
	free(k);
	if (m == NULL)
		return 0;
	*val = m->val;
	return 1;
}

void
store_memo_put(struct pt_store *st, const char *const *key, size_t nkey,
               int val)
{
	struct store_memo *m;
	unsigned bucket;
	char *k;

	if (!st->memo_on)
		return;
	k = memo_int_key(key, nkey, &bucket);
	m = memo_add(st, k, bucket);
	m->val = val;
}

static enum pt_status lookup(struct pt_store *st, const char *bwb,
                             const char *artikel, const char *lid,
                             const char *date, struct store_provision *out,
                             struct pt_err *err);

enum pt_status
store_provision_shared(struct pt_store *st, const char *bwb,
                       const char *artikel, const char *lid, const char *date,
                       const struct store_provision **out, struct pt_err *err)
{
	struct store_memo *m;
	unsigned bucket;
	char *key;
	enum pt_status rc;

	*out = NULL;
	if (!st->memo_on)
		return PT_OK;
	key = memo_key(bwb, artikel, lid, date, &bucket);
	if ((m = memo_find(st, key, bucket)) != NULL) {
		free(key);
		*out = &m->p;
		return PT_OK;
	}
	m = memo_add(st, key, bucket);
	if ((rc = lookup(st, bwb, artikel, lid, date, &m->p, err)) != PT_OK) {
		/* Not remembered: an empty answer found again next time would
		 * hide the error. */
		st->memo[bucket] = m->next;
		free(m->key);
		store_provision_release(&m->p);
		free(m);
		return rc;
	}
	*out = &m->p;
	return PT_OK;
}

enum pt_status
store_provision_at(struct pt_store *st, const char *bwb, const char *artikel,
                   const char *lid, const char *date,
                   struct store_provision *out, struct pt_err *err)
{
	const struct store_provision *m;
	enum pt_status rc;

	if (!st->memo_on)
		return lookup(st, bwb, artikel, lid, date, out, err);
	if ((rc = store_provision_shared(st, bwb, artikel, lid, date, &m,
	                                 err)) != PT_OK) {
		memset(out, 0, sizeof *out);
		return rc;
	}
	provision_copy(out, m);
	return PT_OK;
}

static enum pt_status
lookup(struct pt_store *st, const char *bwb, const char *artikel,
       const char *lid, const char *date, struct store_provision *out,
       struct pt_err *err)
{
	sqlite3_stmt *s;
	long long law_id = -1, vid, pid = -1;
	int rc, found;
	size_t cap = 0;

	memset(out, 0, sizeof *out);
	out->bwb = xstrdup(bwb);
	if ((s = cached(st, Q_LAW_BY_BWB, err)) == NULL)
		return PT_EDB;
	store_bind_text(s, 1, bwb);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		law_id = sqlite3_column_int64(s, 0);
		out->citeertitel = store_col_dup(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read laws", err);
	if (law_id < 0) {
		out->found = STORE_NO_LAW;
		return PT_OK;
	}
	if (version_at(st, law_id, date, &vid, &out->version_date, &out->source,
	               &out->sha256, err))
		return PT_EDB;
	if (vid < 0) {
		out->found = STORE_NO_VERSION;
		return version_passed_over(st, law_id, out, err);
	}
	out->date_unknown = out->version_date == NULL;
	if (provision_row(st, vid, artikel, NULL, out, &pid, &found, err))
		return PT_EDB;
	if (!found) {
		out->found = STORE_NO_ARTICLE;
		return PT_OK;
	}
	if ((s = cached(st, Q_REFERENCES, err)) == NULL)
		return PT_EDB;
	sqlite3_bind_int64(s, 1, pid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		PT_ARRAY_PUSH(out->refs, out->nrefs, cap);
		out->refs[out->nrefs - 1] = store_col_dup(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read references", err);
	if (lid != NULL) {
		if (provision_row(st, vid, artikel, lid, out, &pid, &found,
		                  err))
			return PT_EDB;
		if (!found) {
			out->found = STORE_NO_LID;
			return PT_OK;
		}
	}
	out->found = STORE_FOUND;
	return PT_OK;
}

void
store_provision_release(struct store_provision *p)
{
	size_t i;

	free(p->bwb);
	free(p->citeertitel);
	free(p->version_date);
	free(p->artikel);
	free(p->lid);
	free(p->label);
	free(p->title);
	free(p->text);
	free(p->status);
	free(p->path);
	free(p->jci);
	free(p->url);
	free(p->source);
	free(p->sha256);
	free(p->earliest_dated);
	free(p->undated_source);
	for (i = 0; i < p->nrefs; i++)
		free(p->refs[i]);
	free(p->refs);
	memset(p, 0, sizeof *p);
}

/* The versions in force at ?2, one per law (see store_search()). */
#define SEARCH_CURRENT                                                         \
	"WITH cur(vid) AS (SELECT coalesce("                                   \
	"  (SELECT v2.id FROM version v2 WHERE v2.law_id = l.id"               \
	"   AND v2.inwerkingtreding IS NOT NULL AND v2.inwerkingtreding <= ?2" \
	"   ORDER BY v2.inwerkingtreding DESC LIMIT 1),"                       \
	"  (SELECT v3.id FROM version v3 WHERE v3.law_id = l.id"               \
	"   AND v3.inwerkingtreding IS NULL)) FROM law l WHERE ?2 IS NOT "     \
	"NULL) "

/* How many articles match query (at date), without ranking any. */
static enum pt_status
search_count(struct pt_store *st, const char *query, const char *date,
             size_t *total, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st,
	                  SEARCH_CURRENT
	                  "SELECT count(*) FROM provision_fts f"
	                  " WHERE provision_fts MATCH ?1 AND (?2 IS NULL OR"
	                  " (SELECT p.version_id FROM provision p"
	                  "  WHERE p.id = f.rowid) IN cur)",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, query);
	store_bind_text(s, 2, date);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*total = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? PT_OK : PT_EDB;
}

static enum pt_status
search_failed(struct pt_store *st, const char *query, struct pt_err *err)
{
	int code = sqlite3_extended_errcode(st->db);

	return pt_err_set(
	    err, (code & 0xff) == SQLITE_ERROR ? PT_EUSAGE : PT_EDB, NULL, 0, 0,
	    "cannot search for '%s': %s", query, sqlite3_errmsg(st->db));
}

/* The rows of the page (page(id, r)) given their law, version, article
 * and snippet: CROSS JOIN keeps page first, each of its rows looked up in
 * the index by rowid rather than the whole match scanned again. */
#define SEARCH_SHOW                                                            \
	" SELECT l.bwb, l.citeertitel, v.inwerkingtreding, p.artikel,"         \
	" p.label, snippet(provision_fts, 0, '[', ']', '...', 16), page.r"     \
	" FROM page"                                                           \
	" CROSS JOIN provision_fts ON provision_fts.rowid = page.id"           \
	" CROSS JOIN provision p ON p.id = page.id"                            \
	" CROSS JOIN version v ON v.id = p.version_id"                         \
	" CROSS JOIN law l ON l.id = v.law_id"                                 \
	" WHERE provision_fts MATCH ?1"                                        \
	" ORDER BY page.r, l.bwb, ifnull(v.inwerkingtreding, ''), p.seq"

/* Every version: the index alone finds the score of the last hit of the
 * page (cut); only the hits that score as well (ties included) are joined
 * to be ordered by law, version and article. */
static const char search_all_sql[] =
    "WITH cut(b) AS (SELECT bm25(provision_fts) FROM provision_fts"
    "  WHERE provision_fts MATCH ?1 ORDER BY 1 LIMIT 1 OFFSET ?3 + ?4 - 1),"
    " cand(id, r) AS (SELECT rowid, bm25(provision_fts) FROM provision_fts"
    "  WHERE provision_fts MATCH ?1 AND ((SELECT b FROM cut) IS NULL"
    "  OR bm25(provision_fts) <= (SELECT b FROM cut))),"
    " page(id, r) AS (SELECT cand.id, cand.r FROM cand"
    "  CROSS JOIN provision p ON p.id = cand.id"
    "  CROSS JOIN version v ON v.id = p.version_id"
    "  CROSS JOIN law l ON l.id = v.law_id WHERE ?2 IS NULL"
    "  ORDER BY 2, l.bwb, ifnull(v.inwerkingtreding, ''), p.seq"
    "  LIMIT ?3 OFFSET ?4)" SEARCH_SHOW;

/* At a date: every hit is joined to its version to keep those in force. */
static const char search_at_sql[] = SEARCH_CURRENT
    ", page(id, r) AS (SELECT provision_fts.rowid, bm25(provision_fts)"
    "  FROM provision_fts"
    "  JOIN provision p ON p.id = provision_fts.rowid"
    "  JOIN version v ON v.id = p.version_id"
    "  JOIN law l ON l.id = v.law_id"
    "  WHERE provision_fts MATCH ?1 AND p.version_id IN cur"
    "  ORDER BY 2, l.bwb, ifnull(v.inwerkingtreding, ''), p.seq"
    "  LIMIT ?3 OFFSET ?4)" SEARCH_SHOW;

/*
 * The page is chosen first, by bm25 (ties by law, version and article),
 * reading no text; only its rows are given a snippet.  Ranking, joining and
 * snipping every hit before the sort made a common word cost as much as
 * the whole match.  bm25() rather than the rank column: FTS5 sorts "ORDER
 * BY rank" again on its own.
 */
enum pt_status
store_search(struct pt_store *st, const char *query, const char *date,
             size_t limit, size_t offset, struct store_search_hit **hits,
             size_t *n, size_t *total, struct pt_err *err)
{
	sqlite3_stmt *s;
	struct store_search_hit *v = NULL;
	size_t cap = 0;
	int rc;

	*hits = NULL;
	*n = 0;
	if (store_prepare(st, date == NULL ? search_all_sql : search_at_sql, &s,
	                  err))
		return PT_EDB;
	store_bind_text(s, 1, query);
	store_bind_text(s, 2, date);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)limit);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_search_hit *h;

		PT_ARRAY_PUSH(v, *n, cap);
		h = &v[*n - 1];
		h->bwb = store_col_dup(s, 0);
		h->citeertitel = store_col_dup(s, 1);
		h->version_date = store_col_dup(s, 2);
		h->artikel = store_col_dup(s, 3);
		h->label = store_col_dup(s, 4);
		h->snippet = store_col_dup(s, 5);
		h->rank = sqlite3_column_double(s, 6);
	}
	*hits = v;
	if (rc != SQLITE_DONE) {
		search_failed(st, query, err);
		sqlite3_finalize(s);
		store_search_free(v, *n);
		*hits = NULL;
		*n = 0;
		return err ? err->code : PT_EDB;
	}
	sqlite3_finalize(s);
	if (total == NULL)
		return PT_OK;
	/* The page tells the total when it is the last, else count. */
	if (*n < limit && (*n > 0 || offset == 0))
		*total = offset + *n;
	else if (search_count(st, query, date, total, err) != PT_OK) {
		search_failed(st, query, err);
		store_search_free(v, *n);
		*hits = NULL;
		*n = 0;
		return err ? err->code : PT_EDB;
	}
	return PT_OK;
}

enum pt_status
store_toc(struct pt_store *st, const char *bwb, const char *date,
          struct store_toc *out, struct pt_err *err)
{
	sqlite3_stmt *s;
	long long law_id = -1, vid = -1;
	char *source = NULL, *sha256 = NULL;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((s = cached(st, Q_LAW_BY_BWB, err)) == NULL)
		return PT_EDB;
	store_bind_text(s, 1, bwb);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		law_id = sqlite3_column_int64(s, 0);
		out->citeertitel = store_col_dup(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read laws", err);
	out->found = law_id < 0 ? STORE_NO_LAW : STORE_NO_VERSION;
	if (law_id < 0)
		return PT_OK;
	if (version_at(st, law_id, date, &vid, &out->version_date, &source,
	               &sha256, err) != PT_OK)
		return PT_EDB;
	free(source);
	free(sha256);
	if (vid < 0)
		return PT_OK;
	out->found = STORE_FOUND;
	if (store_prepare(st,
	                  "SELECT artikel, label, title, path FROM provision"
	                  " WHERE version_id = ?1 AND lid IS NULL ORDER BY seq",
	                  &s, err))
		return PT_EDB;
	sqlite3_bind_int64(s, 1, vid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_toc_entry *t;

		PT_ARRAY_PUSH(out->entries, out->n, cap);
		t = &out->entries[out->n - 1];
		t->artikel = store_col_dup(s, 0);
		t->label = store_col_dup(s, 1);
		t->title = store_col_dup(s, 2);
		t->path = store_col_dup(s, 3);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read provisions", err);
	return PT_OK;
}

void
store_toc_release(struct store_toc *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->entries[i].artikel);
		free(t->entries[i].label);
		free(t->entries[i].title);
		free(t->entries[i].path);
	}
	free(t->entries);
	free(t->citeertitel);
	free(t->version_date);
	memset(t, 0, sizeof *t);
}

void
store_search_free(struct store_search_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(hits[i].bwb);
		free(hits[i].citeertitel);
		free(hits[i].version_date);
		free(hits[i].artikel);
		free(hits[i].label);
		free(hits[i].snippet);
	}
	free(hits);
}

char *
store_jci(const char *bwb, const char *artikel, const char *lid,
          const char *date)
{
	return store_jci_part(bwb, artikel, lid, NULL, date);
}

char *
store_jci_part(const char *bwb, const char *artikel, const char *lid,
               const char *onderdeel, const char *date)
{
	struct pt_buf b = PT_BUF_INIT;

	pt_buf_grow(&b, 64);
	pt_buf_adds(&b, "jci1.3:c:");
	pt_buf_adds(&b, bwb);
	if (artikel && *artikel) {
		pt_buf_adds(&b, "&artikel=");
		pt_buf_adds(&b, artikel);
	}
	if (lid && *lid) {
		pt_buf_adds(&b, "&lid=");
		pt_buf_adds(&b, lid);
	}
	if (onderdeel && *onderdeel) {
		pt_buf_adds(&b, "&o=");
		pt_buf_adds(&b, onderdeel);
	}
	if (date && *date) {
		pt_buf_adds(&b, "&g=");
		pt_buf_adds(&b, date);
	}
	return pt_buf_detach(&b);
}

/* Where the date keys (&z=, &g=) of a Juriconnect id start, or its end. */
static const char *
jci_dates(const char *id)
{
	const char *s;

	for (s = strchr(id, '&'); s != NULL; s = strchr(s + 1, '&'))
		if ((s[1] == 'z' || s[1] == 'g') && s[2] == '=')
			return s;
	return id + strlen(id);
}

char *
store_jci_own(const char *own, const char *artikel, const char *lid,
              const char *onderdeel, const char *date)
{
	struct pt_buf b = PT_BUF_INIT;
	const char *dates, *last = NULL, *s;
	size_t alen;

	if (own == NULL || artikel == NULL || strncmp(own, "jci1.3:c:", 9) != 0)
		return NULL;
	dates = jci_dates(own);
	for (s = strchr(own, '&'); s != NULL && s < dates;
	     s = strchr(s + 1, '&'))
		last = s;
	alen = strlen(artikel);
	if (last == NULL || strncmp(last, "&artikel=", 9) != 0 ||
	    (size_t)(dates - last) != 9 + alen ||
	    memcmp(last + 9, artikel, alen) != 0)
		return NULL;
	pt_buf_add(&b, own, (size_t)(dates - own));
	if (lid && *lid) {
		pt_buf_adds(&b, "&lid=");
		pt_buf_adds(&b, lid);
	}
	if (onderdeel && *onderdeel) {
		pt_buf_adds(&b, "&o=");
		pt_buf_adds(&b, onderdeel);
	}
	if (date && *date) {
		pt_buf_adds(&b, "&g=");
		pt_buf_adds(&b, date);
	}
	return pt_buf_detach(&b);
}

char *
store_url(const char *bwb, const char *artikel, const char *date)
{
	struct pt_buf b = PT_BUF_INIT;
	char *jci = store_jci(bwb, artikel, NULL, date);

	pt_buf_adds(&b, "https://wetten.overheid.nl/");
	pt_buf_adds(&b, jci);
	free(jci);
	return pt_buf_detach(&b);
}
