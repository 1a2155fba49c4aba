/*
 * auth.c: accounts, sessions, CSRF tokens and login limits (see auth.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>
#include <sodium.h>
#include <sqlite3.h>

#include "auth.h"
#include "buf.h"
#include "digest.h"

/* Names with recent failed sign-ins that are tracked at once; the global
 * limit keeps the number of names tried within a minute below this. */
#define LIMIT_USERS (2 * AUTH_LOGINS_GLOBAL)

/*
 * Sliding windows of 60 seconds: the times of the last attempts (all
 * names) and of the last failures per name, as rings.
 */
struct auth_limits {
	time_t global[AUTH_LOGINS_GLOBAL];
	size_t gnext;
	struct {
		char name[AUTH_NAME_MAX + 1];
		time_t fails[AUTH_LOGINS_PER_USER];
		size_t next;
	} users[LIMIT_USERS];
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
auth_limits_new(void)
{
	return xcalloc(1, sizeof(struct auth_limits));
}

void
auth_limits_free(struct auth_limits *l)
{
	if (l != NULL)
		sodium_memzero(l, sizeof *l);
	free(l);
}

/* Whether a ring of n times holds n within the last minute. */
static int
ring_full(const time_t *t, size_t n, time_t now)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i] == 0 || now - t[i] >= 60)
			return 0;
	return 1;
}

/* The slot of name (a free or stale one when new and create is set);
 * -1 when there is none. */
static int
limits_slot(struct auth_limits *l, const char *name, time_t now, int create)
{
	size_t i;
	int free_slot = -1;

	for (i = 0; i < LIMIT_USERS; i++) {
		size_t k, live = 0;

		if (l->users[i].name[0] && strcmp(l->users[i].name, name) == 0)
			return (int)i;
		for (k = 0; k < AUTH_LOGINS_PER_USER; k++)
			if (l->users[i].fails[k] != 0 &&
			    now - l->users[i].fails[k] < 60)
				live++;
		if (live == 0 && free_slot < 0)
			free_slot = (int)i;
	}
	if (!create || free_slot < 0)
		return -1;
	memset(&l->users[free_slot], 0, sizeof l->users[free_slot]);
	snprintf(l->users[free_slot].name, sizeof l->users[free_slot].name, "%s",
		 name);
	return free_slot;
}

/* Count one attempt; 0 when name or everyone is over a limit. */
static int
limits_take(struct auth_limits *l, const char *name, time_t now)
{
	int i = limits_slot(l, name, now, 0);

	if (ring_full(l->global, AUTH_LOGINS_GLOBAL, now))
		return 0;
	if (i >= 0 && ring_full(l->users[i].fails, AUTH_LOGINS_PER_USER, now))
		return 0;
	l->global[l->gnext] = now;
	l->gnext = (l->gnext + 1) % AUTH_LOGINS_GLOBAL;
	return 1;
}

/* A failed attempt counts against its name. */
static void
limits_fail(struct auth_limits *l, const char *name, time_t now)
{
	int i = limits_slot(l, name, now, 1);

	if (i < 0)
		return;     /* every slot busy: the global limit still holds */
	l->users[i].fails[l->users[i].next] = now;
	l->users[i].next = (l->users[i].next + 1) % AUTH_LOGINS_PER_USER;
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

enum pt_status
auth_login(struct pt_store *st, struct auth_limits *l, const char *name,
	   const char *password, time_t now, enum auth_outcome *outcome,
	   char token[AUTH_TOKEN_HEX], struct pt_err *err)
{
	char hash[crypto_pwhash_STRBYTES], th[DIGEST_SHA256_HEX];
	sqlite3_stmt *s;
	long long uid = -1, live;
	size_t plen = strlen(password);
	int rc, match;

	*outcome = AUTH_BAD;
	token[0] = '\0';
	if (strlen(name) > AUTH_NAME_MAX || *name == '\0') {
		/* Counted globally only: it names no account. */
		if (!limits_take(l, "", now))
			*outcome = AUTH_LIMITED;
		return PT_OK;
	}
	if (!limits_take(l, name, now)) {
		*outcome = AUTH_LIMITED;
		return PT_OK;
	}
	if (!l->have_dummy) {
		char pw[AUTH_TOKEN_HEX];

		new_token(pw);
		if (crypto_pwhash_str(l->dummy, pw, strlen(pw),
				      crypto_pwhash_OPSLIMIT_INTERACTIVE,
				      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
			return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
					  "cannot hash (out of memory)");
		l->have_dummy = 1;
	}
	if (prepare(st, "SELECT id, pwhash FROM web_user WHERE name = ?", &s, err))
		return PT_EDB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		uid = sqlite3_column_int64(s, 0);
		snprintf(hash, sizeof hash, "%s",
			 (const char *)sqlite3_column_text(s, 1));
	} else {
		memcpy(hash, l->dummy, sizeof hash);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the user", err);
	match = plen <= AUTH_PASSWORD_MAX &&
	    crypto_pwhash_str_verify(hash, password, plen) == 0;
	if (!match || uid < 0) {
		limits_fail(l, name, now);
		return PT_OK;
	}

	/* Expired sessions go first; then there must be room. */
	if (prepare(st, "DELETE FROM web_session WHERE expires_at <= ?", &s, err))
		return PT_EDB;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	if (step_done(st, s, "cannot remove expired sessions", err))
		return PT_EDB;
	if (prepare(st, "SELECT count(*) FROM web_session", &s, err))
		return PT_EDB;
	rc = sqlite3_step(s);
	live = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot count sessions", err);
	if (live >= AUTH_MAX_SESSIONS) {
		*outcome = AUTH_FULL;
		return PT_OK;
	}
	new_token(token);
	digest_sha256_mem(token, AUTH_TOKEN_HEX - 1, th);
	if (prepare(st, "INSERT INTO web_session(token_sha256, user_id,"
		    " created_at, expires_at) VALUES(?, ?, ?, ?)", &s, err)) {
		token[0] = '\0';
		return PT_EDB;
	}
	sqlite3_bind_text(s, 1, th, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, uid);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)now + AUTH_SESSION_SECONDS);
	if (step_done(st, s, "cannot store the session", err)) {
		token[0] = '\0';
		return PT_EDB;
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
