/*
 * auth.c: accounts, sessions, CSRF tokens and login limits (see auth.h).
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <libxml/xmlstring.h>
#include <sodium.h>
#include <sqlite3.h>

#include "auth.h"
#include "buf.h"
#include "digest.h"

/* Entries of each limit table; when full, the quietest is forgotten. */
#define LIMIT_SLOTS 1024
#define LIMIT_FORGET 3600          /* seconds of quiet that clear an entry */

struct limit_entry {
	char key[48 + AUTH_NAME_MAX + 2];   /* address, or address "\n" name */
	unsigned fails;
	time_t last;
};

struct auth_limits {
	pthread_mutex_t mu;         /* guards the tables and the dummy */
	struct limit_entry addr[LIMIT_SLOTS], pair[LIMIT_SLOTS];
	sem_t slots;                /* password checks that may run now */
	char dummy[crypto_pwhash_STRBYTES]; /* for names without account */
	int have_dummy;
};

static const char *const role_names[] = { "reader", "reviewer" };

const char *
auth_role_name(enum auth_role r)
{
	return (unsigned)r < 2 ? role_names[r] : NULL;
}

int
auth_role_parse(const char *s)
{
	if (s != NULL && strcmp(s, "reader") == 0)
		return AUTH_READER;
	if (s != NULL && strcmp(s, "reviewer") == 0)
		return AUTH_REVIEWER;
	return -1;
}

enum pt_status
auth_init(struct pt_err *err)
{
	if (sodium_init() < 0)
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
				  "cannot initialise libsodium");
	return PT_OK;
}

static enum pt_status
prepare(struct pt_store *st, const char *sql, sqlite3_stmt **s,
	struct pt_err *err)
{
	if (sqlite3_prepare_v2(store_db(st), sql, -1, s, NULL) != SQLITE_OK)
		return store_sqlerr(st, "cannot prepare a query", err);
	return PT_OK;
}

/* Run a statement that returns no rows, then finalize it. */
static enum pt_status
step_done(struct pt_store *st, sqlite3_stmt *s, const char *what,
	  struct pt_err *err)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE) {
		store_sqlerr(st, what, err);
		sqlite3_finalize(s);
		return PT_EDB;
	}
	sqlite3_finalize(s);
	return PT_OK;
}

static int
name_ok(const char *name)
{
	size_t len = strlen(name);
	const unsigned char *p;

	if (len == 0 || len > AUTH_NAME_MAX || name[0] == ' ' ||
	    name[len - 1] == ' ' || !xmlCheckUTF8((const xmlChar *)name))
		return 0;
	for (p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

enum pt_status
auth_user_add(struct pt_store *st, const char *name, enum auth_role role,
	      const char *password, struct pt_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	sqlite3_stmt *s;
	size_t plen = strlen(password);
	int rc;

	if (!name_ok(name))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "bad user name '%s': 1 to %d bytes of UTF-8, "
				  "no control characters, no space at either end",
				  name, AUTH_NAME_MAX);
	if (auth_role_name(role) == NULL)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0, "unknown role");
	if (plen == 0)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "empty password refused");
	if (plen > AUTH_PASSWORD_MAX)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "password longer than %d bytes", AUTH_PASSWORD_MAX);
	if (crypto_pwhash_str(hash, password, plen,
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
				  "cannot hash the password (out of memory)");
	if (prepare(st, "INSERT INTO web_user(name, role, pwhash, created_at)"
		    " VALUES(?, ?, ?, strftime('%s','now'))", &s, err))
		return PT_EDB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, auth_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, hash, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sodium_memzero(hash, sizeof hash);
	sqlite3_finalize(s);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "user '%s' exists", name);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot add the user", err);
	return PT_OK;
}

enum pt_status
auth_user_list(struct pt_store *st, struct auth_user **users, size_t *n,
	       struct pt_err *err)
{
	struct auth_user *v = NULL;
	size_t cap = 0, len = 0;
	sqlite3_stmt *s;
	int rc;

	*users = NULL;
	*n = 0;
	if (prepare(st, "SELECT name, role, created_at, (SELECT count(*) FROM"
		    " web_session WHERE user_id = web_user.id AND expires_at >"
		    " strftime('%s','now')) FROM web_user ORDER BY name", &s, err))
		return PT_EDB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		PT_ARRAY_PUSH(v, len, cap);
		v[len - 1].name = xstrdup((const char *)sqlite3_column_text(s, 0));
		v[len - 1].role = auth_role_parse(
		    (const char *)sqlite3_column_text(s, 1)) == AUTH_REVIEWER ?
		    AUTH_REVIEWER : AUTH_READER;
		v[len - 1].created_at = sqlite3_column_int64(s, 2);
		v[len - 1].sessions = (long)sqlite3_column_int64(s, 3);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		auth_user_list_free(v, len);
		return store_sqlerr(st, "cannot list users", err);
	}
	*users = v;
	*n = len;
	return PT_OK;
}

void
auth_user_list_free(struct auth_user *users, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(users[i].name);
	free(users);
}

enum pt_status
auth_user_remove(struct pt_store *st, const char *name, struct pt_err *err)
{
	sqlite3_stmt *s;

	if (store_begin(st, err) != PT_OK)
		return PT_EDB;
	if (prepare(st, "DELETE FROM web_session WHERE user_id IN"
		    " (SELECT id FROM web_user WHERE name = ?)", &s, err))
		goto fail;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	if (step_done(st, s, "cannot remove sessions", err))
		goto fail;
	if (prepare(st, "DELETE FROM web_user WHERE name = ?", &s, err))
		goto fail;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	if (step_done(st, s, "cannot remove the user", err))
		goto fail;
	if (sqlite3_changes(store_db(st)) == 0) {
		store_rollback(st);
		return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
				  "no user '%s'", name);
	}
	return store_commit(st, err);
fail:
	store_rollback(st);
	return PT_EDB;
}

/* --- login limits -------------------------------------------------------- */

struct auth_limits *
auth_limits_new(unsigned slots)
{
	struct auth_limits *l = xcalloc(1, sizeof(struct auth_limits));

	pthread_mutex_init(&l->mu, NULL);
	sem_init(&l->slots, 0, slots > 0 ? slots : 1);
	return l;
}

void
auth_limits_free(struct auth_limits *l)
{
	if (l == NULL)
		return;
	pthread_mutex_destroy(&l->mu);
	sem_destroy(&l->slots);
	sodium_memzero(l, sizeof *l);
	free(l);
}

void
auth_addr_key(const struct sockaddr *sa, char key[48])
{
	key[0] = '\0';
	if (sa != NULL && sa->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)
			  ->sin_addr, key, 48);
	} else if (sa != NULL && sa->sa_family == AF_INET6) {
		struct in6_addr a = ((const struct sockaddr_in6 *)
				     (const void *)sa)->sin6_addr;

		if (IN6_IS_ADDR_V4MAPPED(&a)) {
			inet_ntop(AF_INET, &a.s6_addr[12], key, 48);
			return;
		}
		memset(&a.s6_addr[8], 0, 8);
		inet_ntop(AF_INET6, &a, key, 44);
		/* 48 - 44 leaves room for "/64" and the NUL */
		memcpy(key + strlen(key), "/64", 4);
	}
}

/* The entry of key in t, or NULL; with create, a new one (the quietest
 * entry makes room when the table is full). */
static struct limit_entry *
limit_find(struct limit_entry *t, const char *key, time_t now, int create)
{
	struct limit_entry *room = NULL;
	size_t i;

	for (i = 0; i < LIMIT_SLOTS; i++) {
		if (t[i].key[0] != '\0' && now - t[i].last > LIMIT_FORGET)
			t[i].key[0] = '\0';
		if (t[i].key[0] != '\0' && strcmp(t[i].key, key) == 0)
			return &t[i];
		if (room == NULL || (room->key[0] != '\0' &&
		    (t[i].key[0] == '\0' || t[i].last < room->last)))
			room = &t[i];
	}
	if (!create)
		return NULL;
	memset(room, 0, sizeof *room);
	snprintf(room->key, sizeof room->key, "%s", key);
	room->last = now;
	return room;
}

/* Seconds an entry with fails failures must wait after its last one. */
static long
limit_wait(const struct limit_entry *e, unsigned free_fails, time_t now)
{
	unsigned k;
	long w;

	if (e == NULL || e->fails < free_fails)
		return 0;
	k = e->fails - free_fails;
	w = k >= 10 ? AUTH_BACKOFF_MAX : 1L << k;
	if (w > AUTH_BACKOFF_MAX)
		w = AUTH_BACKOFF_MAX;
	return e->last + w > now ? (long)(e->last + w - now) : 0;
}

static void
pair_key(char *key, size_t size, const char *addr, const char *name)
{
	snprintf(key, size, "%s\n%s", addr, name);
}

/* Let an attempt through (counted as a failure until limits_undo) or
 * return the seconds it must wait. */
static long
limits_take(struct auth_limits *l, const char *addr, const char *name,
	    time_t now)
{
	char pk[sizeof l->pair[0].key];
	struct limit_entry *a, *p;
	long wa, wp;

	pair_key(pk, sizeof pk, addr, name);
	pthread_mutex_lock(&l->mu);
	wa = limit_wait(limit_find(l->addr, addr, now, 0), AUTH_FREE_PER_ADDR,
			now);
	wp = limit_wait(limit_find(l->pair, pk, now, 0), AUTH_FREE_PER_PAIR, now);
	if (wa == 0 && wp == 0) {
		a = limit_find(l->addr, addr, now, 1);
		p = limit_find(l->pair, pk, now, 1);
		a->fails++;
		a->last = now;
		p->fails++;
		p->last = now;
	}
	pthread_mutex_unlock(&l->mu);
	return wa > wp ? wa : wp;
}

/* Give back an attempt: a success (clears the pair) or one not tried. */
static void
limits_undo(struct auth_limits *l, const char *addr, const char *name,
	    time_t now, int success)
{
	char pk[sizeof l->pair[0].key];
	struct limit_entry *e;

	pair_key(pk, sizeof pk, addr, name);
	pthread_mutex_lock(&l->mu);
	if ((e = limit_find(l->addr, addr, now, 0)) != NULL && e->fails > 0)
		e->fails--;
	if ((e = limit_find(l->pair, pk, now, 0)) != NULL) {
		if (success)
			e->key[0] = '\0';
		else if (e->fails > 0)
			e->fails--;
	}
	pthread_mutex_unlock(&l->mu);
}

/* The token as 64 hex digits: 32 random bytes. */
static void
new_token(char token[AUTH_TOKEN_HEX])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, AUTH_TOKEN_HEX, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

static int
token_ok(const char *t)
{
	size_t i;

	if (t == NULL || strlen(t) != AUTH_TOKEN_HEX - 1)
		return 0;
	for (i = 0; i < AUTH_TOKEN_HEX - 1; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return 0;
	return 1;
}

/* The dummy hash for names without an account, made once. */
static int
dummy_hash(struct auth_limits *l, char hash[crypto_pwhash_STRBYTES])
{
	int ok = 1;

	pthread_mutex_lock(&l->mu);
	if (!l->have_dummy) {
		char pw[AUTH_TOKEN_HEX];

		new_token(pw);
		ok = crypto_pwhash_str(l->dummy, pw, strlen(pw),
				       crypto_pwhash_OPSLIMIT_INTERACTIVE,
				       crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
		l->have_dummy = ok;
	}
	memcpy(hash, l->dummy, crypto_pwhash_STRBYTES);
	pthread_mutex_unlock(&l->mu);
	return ok;
}

/* Wait at most AUTH_HASH_WAIT seconds for a password check slot. */
static int
slot_take(struct auth_limits *l)
{
	struct timespec ts;
	int rc;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += AUTH_HASH_WAIT;
	while ((rc = sem_timedwait(&l->slots, &ts)) != 0 && errno == EINTR)
		;
	return rc == 0;
}

/*
 * The account id of name when password matches it (else -1); *busy when
 * no password check could start.  The check runs outside every lock.
 */
static enum pt_status
password_check(struct pt_store *st, struct auth_limits *l, const char *name,
	       const char *password, long long *uid, int *busy,
	       struct pt_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	sqlite3_stmt *s;
	size_t plen = strlen(password);
	long long id = -1;
	int rc, match;

	*uid = -1;
	if (prepare(st, "SELECT id, pwhash FROM web_user WHERE name = ?", &s, err))
		return PT_EDB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(hash, sizeof hash, "%s",
			 (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the user", err);
	if (rc != SQLITE_ROW && !dummy_hash(l, hash))
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
				  "cannot hash (out of memory)");
	if (!slot_take(l)) {
		*busy = 1;
		return PT_OK;
	}
	match = plen <= AUTH_PASSWORD_MAX &&
	    crypto_pwhash_str_verify(hash, password, plen) == 0;
	sem_post(&l->slots);
	sodium_memzero(hash, sizeof hash);
	if (match)
		*uid = id;
	return PT_OK;
}

/* Run one statement binding the given integers and text (NULL = none). */
static enum pt_status
exec_bound(struct pt_store *st, const char *sql, const char *text,
	   const sqlite3_int64 *ints, int nints, const char *what,
	   struct pt_err *err)
{
	sqlite3_stmt *s;
	int i, col = 1;

	if (prepare(st, sql, &s, err))
		return PT_EDB;
	if (text != NULL)
		sqlite3_bind_text(s, col++, text, -1, SQLITE_TRANSIENT);
	for (i = 0; i < nints; i++)
		sqlite3_bind_int64(s, col++, ints[i]);
	return step_done(st, s, what, err);
}

static int
is_busy(struct pt_store *st)
{
	int rc = sqlite3_errcode(store_db(st)) & 0xff;

	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/*
 * Session SQL of a sign-in, in one transaction: expired sessions go, the
 * presented one (old_th, may be NULL) ends, the new one is stored, and
 * the account keeps its AUTH_SESSIONS_PER_USER newest.  *busy is set when
 * it failed because another connection held the lock (read before the
 * rollback, which clears the error code).
 */
static enum pt_status
session_start(struct pt_store *st, long long uid, const char *old_th,
	      const char *th, time_t now, int *busy, struct pt_err *err)
{
	sqlite3_int64 v[3];

	*busy = 0;
	if (store_begin(st, err) != PT_OK) {
		*busy = is_busy(st);
		return PT_EDB;
	}
	v[0] = (sqlite3_int64)now;
	if (exec_bound(st, "DELETE FROM web_session WHERE expires_at <= ?",
		       NULL, v, 1, "cannot remove expired sessions", err))
		goto fail;
	if (old_th != NULL &&
	    exec_bound(st, "DELETE FROM web_session WHERE token_sha256 = ?",
		       old_th, NULL, 0, "cannot end the old session", err))
		goto fail;
	v[0] = uid;
	v[1] = (sqlite3_int64)now;
	v[2] = (sqlite3_int64)now + AUTH_SESSION_SECONDS;
	if (exec_bound(st, "INSERT INTO web_session(token_sha256, user_id,"
		       " created_at, expires_at) VALUES(?, ?, ?, ?)", th, v, 3,
		       "cannot store the session", err))
		goto fail;
	v[1] = uid;
	v[2] = AUTH_SESSIONS_PER_USER;
	if (exec_bound(st, "DELETE FROM web_session WHERE user_id = ? AND rowid"
		       " NOT IN (SELECT rowid FROM web_session WHERE user_id = ?"
		       " ORDER BY created_at DESC, rowid DESC LIMIT ?)", NULL, v, 3,
		       "cannot end the oldest session", err))
		goto fail;
	return store_commit(st, err);
fail:
	*busy = is_busy(st);
	store_rollback(st);
	return PT_EDB;
}

enum pt_status
auth_login(struct pt_store *st, struct auth_limits *l,
	   const struct auth_attempt *a, enum auth_outcome *outcome,
	   int *retry_after, char token[AUTH_TOKEN_HEX], struct pt_err *err)
{
	char th[DIGEST_SHA256_HEX], old[DIGEST_SHA256_HEX];
	const char *name = a->name;
	long long uid;
	long wait;
	int busy = 0;
	enum pt_status rc;

	*outcome = AUTH_BAD;
	*retry_after = 0;
	token[0] = '\0';
	if (strlen(name) > AUTH_NAME_MAX || *name == '\0')
		name = "";      /* names no account; counts for the address */
	if ((wait = limits_take(l, a->addr, name, a->now)) > 0) {
		*outcome = AUTH_LIMITED;
		*retry_after = (int)wait;
		return PT_OK;
	}
	if (*name == '\0')
		return PT_OK;
	rc = password_check(st, l, name, a->password, &uid, &busy, err);
	if (rc != PT_OK || busy) {
		limits_undo(l, a->addr, name, a->now, 0);
		*outcome = AUTH_BUSY;
		*retry_after = AUTH_HASH_WAIT;
		return rc;
	}
	if (uid < 0)
		return PT_OK;   /* stays counted as a failure */
	limits_undo(l, a->addr, name, a->now, 1);
	new_token(token);
	digest_sha256_mem(token, AUTH_TOKEN_HEX - 1, th);
	if (token_ok(a->old_token))
		digest_sha256_mem(a->old_token, AUTH_TOKEN_HEX - 1, old);
	rc = session_start(st, uid, token_ok(a->old_token) ? old : NULL, th,
			   a->now, &busy, err);
	if (rc != PT_OK) {
		token[0] = '\0';
		if (busy) {
			*outcome = AUTH_BUSY;
			*retry_after = 2;
			return PT_OK;
		}
		return rc;
	}
	*outcome = AUTH_OK;
	return PT_OK;
}

enum pt_status
auth_session_get(struct pt_store *st, const char *token, time_t now,
		 struct auth_session *out, int *found, struct pt_err *err)
{
	char th[DIGEST_SHA256_HEX];
	struct pt_buf b = PT_BUF_INIT;
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	*found = 0;
	if (!token_ok(token))
		return PT_OK;
	digest_sha256_mem(token, AUTH_TOKEN_HEX - 1, th);
	if (prepare(st, "SELECT u.name, u.role FROM web_session s JOIN web_user u"
		    " ON u.id = s.user_id WHERE s.token_sha256 = ?"
		    " AND s.expires_at > ?", &s, err))
		return PT_EDB;
	sqlite3_bind_text(s, 1, th, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->user = xstrdup((const char *)sqlite3_column_text(s, 0));
		out->role = auth_role_parse((const char *)sqlite3_column_text(s, 1))
		    == AUTH_REVIEWER ? AUTH_REVIEWER : AUTH_READER;
		pt_buf_adds(&b, "proeftoets-csrf:");
		pt_buf_adds(&b, token);
		digest_sha256_mem(b.s, b.len, out->csrf);
		pt_buf_release(&b);
		*found = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the session", err);
	return PT_OK;
}

void
auth_session_release(struct auth_session *s)
{
	free(s->user);
	memset(s, 0, sizeof *s);
}

enum pt_status
auth_logout(struct pt_store *st, const char *token, struct pt_err *err)
{
	char th[DIGEST_SHA256_HEX];
	sqlite3_stmt *s;

	if (!token_ok(token))
		return PT_OK;
	digest_sha256_mem(token, AUTH_TOKEN_HEX - 1, th);
	if (prepare(st, "DELETE FROM web_session WHERE token_sha256 = ?", &s, err))
		return PT_EDB;
	sqlite3_bind_text(s, 1, th, -1, SQLITE_TRANSIENT);
	return step_done(st, s, "cannot end the session", err);
}

int
auth_csrf_ok(const struct auth_session *s, const char *given)
{
	if (given == NULL || s->user == NULL ||
	    strlen(given) != AUTH_TOKEN_HEX - 1)
		return 0;
	return sodium_memcmp(s->csrf, given, AUTH_TOKEN_HEX - 1) == 0;
}
