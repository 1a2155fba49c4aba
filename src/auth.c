/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * auth.c: accounts, sessions, CSRF tokens and login limits (see auth.h).
 * The accounts' and sessions' SQL is in store_auth.c.
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

#include "auth.h"
#include "buf.h"
#include "digest.h"
#include "store_auth.h"

/* Entries of each limit table; when full, the quietest is forgotten. */
#define LIMIT_SLOTS  1024
#define LIMIT_FORGET 3600 /* seconds of quiet that clear an entry */

struct limit_entry {
	char key[48 + AUTH_NAME_MAX + 2]; /* address, or address "\n" name */
	unsigned fails;
	time_t last;
};

struct auth_limits {
	pthread_mutex_t mu; /* guards the tables and the dummy */
	struct limit_entry addr[LIMIT_SLOTS], pair[LIMIT_SLOTS];
	sem_t slots; /* password checks that may run now */
	char dummy[crypto_pwhash_STRBYTES]; /* for names without account */
	int have_dummy;
};

static const char *const role_names[] = {"reader", "reviewer"};

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
	size_t plen = strlen(password);
	enum pt_status rc;
	int exists;

	if (!name_ok(name))
		return pt_err_set(
		    err, PT_EUSAGE, NULL, 0, 0,
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
		                  "password longer than %d bytes",
		                  AUTH_PASSWORD_MAX);
	if (crypto_pwhash_str(hash, password, plen,
	                      crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "cannot hash the password (out of memory)");
	rc = store_auth_user_add(st, name, auth_role_name(role), hash, &exists,
	                         err);
	sodium_memzero(hash, sizeof hash);
	if (rc != PT_OK)
		return rc;
	if (exists)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "user '%s' exists", name);
	return PT_OK;
}

enum pt_status
auth_user_list(struct pt_store *st, struct auth_user **users, size_t *n,
               struct pt_err *err)
{
	return store_auth_user_list(st, users, n, err);
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
	int found;

	if (store_auth_user_remove(st, name, &found, err) != PT_OK)
		return PT_EDB;
	if (!found)
		return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0, "no user '%s'",
		                  name);
	return PT_OK;
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
		inet_ntop(
		    AF_INET,
		    &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
		    key, 48);
	} else if (sa != NULL && sa->sa_family == AF_INET6) {
		struct in6_addr a =
		    ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;

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
		if (room == NULL ||
		    (room->key[0] != '\0' &&
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
	wp = limit_wait(limit_find(l->pair, pk, now, 0), AUTH_FREE_PER_PAIR,
	                now);
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
		if (!((t[i] >= '0' && t[i] <= '9') ||
		      (t[i] >= 'a' && t[i] <= 'f')))
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
	size_t plen = strlen(password);
	long long id;
	int match;

	*uid = -1;
	if (store_auth_password(st, name, &id, hash, sizeof hash, err))
		return PT_EDB;
	if (id < 0 && !dummy_hash(l, hash))
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
		name = ""; /* names no account; counts for the address */
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
		return PT_OK; /* stays counted as a failure */
	limits_undo(l, a->addr, name, a->now, 1);
	new_token(token);
	digest_sha256_mem(token, AUTH_TOKEN_HEX - 1, th);
	if (token_ok(a->old_token))
		digest_sha256_mem(a->old_token, AUTH_TOKEN_HEX - 1, old);
	rc = store_auth_session_start(
	    st, uid, token_ok(a->old_token) ? old : NULL, th, a->now,
	    AUTH_SESSION_SECONDS, AUTH_SESSIONS_PER_USER, &busy, err);
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

	memset(out, 0, sizeof *out);
	*found = 0;
	if (!token_ok(token))
		return PT_OK;
	digest_sha256_mem(token, AUTH_TOKEN_HEX - 1, th);
	if (store_auth_session_get(st, th, now, &out->user, &out->role, found,
	                           err))
		return PT_EDB;
	if (*found) {
		pt_buf_adds(&b, "proeftoets-csrf:");
		pt_buf_adds(&b, token);
		digest_sha256_mem(b.s, b.len, out->csrf);
		pt_buf_release(&b);
	}
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

	if (!token_ok(token))
		return PT_OK;
	digest_sha256_mem(token, AUTH_TOKEN_HEX - 1, th);
	return store_auth_session_end(st, th, err);
}

void
auth_login_nonce(const char *given, char nonce[AUTH_TOKEN_HEX])
{
	if (token_ok(given))
		memcpy(nonce, given, AUTH_TOKEN_HEX);
	else
		new_token(nonce);
}

void
auth_login_csrf(const char *nonce, char csrf[AUTH_TOKEN_HEX])
{
	struct pt_buf b = PT_BUF_INIT;

	pt_buf_adds(&b, "proeftoets-login:");
	pt_buf_adds(&b, nonce);
	digest_sha256_mem(b.s, b.len, csrf);
	pt_buf_release(&b);
}

int
auth_login_csrf_ok(const char *nonce, const char *given)
{
	char want[AUTH_TOKEN_HEX];

	if (!token_ok(nonce) || given == NULL ||
	    strlen(given) != AUTH_TOKEN_HEX - 1)
		return 0;
	auth_login_csrf(nonce, want);
	return sodium_memcmp(want, given, AUTH_TOKEN_HEX - 1) == 0;
}

int
auth_csrf_ok(const struct auth_session *s, const char *given)
{
	if (given == NULL || s->user == NULL ||
	    strlen(given) != AUTH_TOKEN_HEX - 1)
		return 0;
	return sodium_memcmp(s->csrf, given, AUTH_TOKEN_HEX - 1) == 0;
}
