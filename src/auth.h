/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * auth.h: accounts, sessions, CSRF tokens and login limits of the web
 * workspace (serve.h).
 *
 * Accounts have a name, a role and a password hash: libsodium's
 * crypto_pwhash_str (Argon2id, interactive limits), never the password.
 * A reader may read every page; a reviewer may also record decisions.
 *
 * A session is a 32-byte random token (64 hex digits in the cookie); the
 * registry keeps only its SHA-256, so a copy of the database gives no
 * session away.  Its CSRF token is SHA-256("proeftoets-csrf:" token): the
 * server derives it from the cookie and never stores it; forms carry it
 * and auth_csrf_ok() compares in constant time.  Sessions expire after
 * AUTH_SESSION_SECONDS; an account has at most AUTH_SESSIONS_PER_USER
 * live sessions (a sign-in beyond that ends the oldest), and a sign-in
 * ends the session the browser presented with it.
 *
 * Schema (migration 5 -> 6 in store.c; its SQL is in store_auth.c):
 *   web_user(id, name UNIQUE, role, pwhash, created_at)
 *   web_session(token_sha256 PRIMARY KEY, user_id, created_at, expires_at)
 * Times are Unix seconds (UTC).
 *
 * Login limits live in memory (struct auth_limits, one per server) and
 * count failed sign-ins per client address and per (name, client
 * address).  After AUTH_FREE_PER_PAIR failures of one name from one
 * address, or AUTH_FREE_PER_ADDR failures of any names from one address,
 * the next attempt from there must wait 2^k seconds after the last
 * failure (k the failures over the free ones, at most AUTH_BACKOFF_MAX
 * seconds); a success clears the pair and gives the address its attempt
 * back; a quiet hour forgets an entry.  There is no limit per name over
 * all addresses and no global one, so failures on other names, or from
 * elsewhere, never lock a member out.  An attempt counts as a failure
 * from the moment it is let through, so parallel attempts cannot pass the
 * limit together.  An IPv6 client counts by its /64.
 *
 * At most slots password checks run at once (auth_limits_new); an attempt
 * that waits AUTH_HASH_WAIT seconds for one is AUTH_BUSY.  A name that
 * does not exist is checked against a dummy hash, so the answer takes as
 * long as for a real account.
 *
 * Ownership: input strings are borrowed; structs filled here are released
 * with the matching release or free function.  auth_limits_new() returns a
 * heap object freed with auth_limits_free().  Thread-safe: a struct
 * auth_limits is shared by every thread (a mutex guards it); a store is
 * used by one thread at a time.
 */
#ifndef PROEFTOETS_AUTH_H
#define PROEFTOETS_AUTH_H

#include <stddef.h>
#include <sys/socket.h>
#include <time.h>

#include "err.h"
#include "store.h"

enum auth_role { AUTH_READER = 0, AUTH_REVIEWER = 1 };

#define AUTH_TOKEN_HEX         65 /* 64 hex digits and the NUL */
#define AUTH_SESSION_SECONDS   (12 * 3600)
#define AUTH_SESSIONS_PER_USER 5
#define AUTH_FREE_PER_PAIR     3    /* failures of one name from one address */
#define AUTH_FREE_PER_ADDR     10   /* failures of any names from one address */
#define AUTH_BACKOFF_MAX       900  /* seconds */
#define AUTH_HASH_WAIT         10   /* seconds waiting for a password check */
#define AUTH_NAME_MAX          64   /* bytes */
#define AUTH_PASSWORD_MAX      1024 /* bytes */

/* "reader", "reviewer"; auth_role_parse gives -1 for anything else. */
const char *auth_role_name(enum auth_role r);
int auth_role_parse(const char *s);

/* Initialise libsodium; PT_EINTERNAL when it cannot be used. */
enum pt_status auth_init(struct pt_err *err);

/*
 * Add an account.  The name is 1..AUTH_NAME_MAX bytes of UTF-8 without
 * control characters or spaces at either end; the password 1..
 * AUTH_PASSWORD_MAX bytes.  PT_EUSAGE for a bad name or password or a name
 * that exists.
 */
enum pt_status auth_user_add(struct pt_store *st, const char *name,
                             enum auth_role role, const char *password,
                             struct pt_err *err);

struct auth_user {
	char *name;
	enum auth_role role;
	long long created_at;
	long sessions; /* live sessions */
};
/* Every account, by name. */
enum pt_status auth_user_list(struct pt_store *st, struct auth_user **users,
                              size_t *n, struct pt_err *err);
void auth_user_list_free(struct auth_user *users, size_t n);
/* Remove an account and its sessions; PT_ENOTFOUND when there is none. */
enum pt_status auth_user_remove(struct pt_store *st, const char *name,
                                struct pt_err *err);

struct auth_limits;
/* slots: password checks at once (at least 1). */
struct auth_limits *auth_limits_new(unsigned slots);
void auth_limits_free(struct auth_limits *l);

enum auth_outcome {
	AUTH_OK = 0,
	AUTH_BAD,     /* unknown name or wrong password */
	AUTH_LIMITED, /* too many failures: wait *retry_after s */
	AUTH_BUSY     /* no password check free, or the registry
	               * locked: nothing changed, try again */
};

struct auth_attempt {
	const char *name, *password;
	const char *addr;      /* client address, e.g. from auth_addr_key */
	const char *old_token; /* the session presented, ended; or NULL */
	time_t now;
};

/* The limit key of a client address: IPv4 as is, IPv6 by its /64. */
void auth_addr_key(const struct sockaddr *sa, char key[48]);

/*
 * Check a name and password and, when they match, start a session:
 * token receives the cookie value.  *retry_after is set for
 * AUTH_LIMITED and AUTH_BUSY.  Errors only for database trouble.
 */
enum pt_status auth_login(struct pt_store *st, struct auth_limits *l,
                          const struct auth_attempt *a,
                          enum auth_outcome *outcome, int *retry_after,
                          char token[AUTH_TOKEN_HEX], struct pt_err *err);

struct auth_session {
	char *user;
	enum auth_role role;
	char csrf[AUTH_TOKEN_HEX];
};
/*
 * The live session of a cookie value; *found = 0 for a token that is
 * malformed, unknown or expired.
 */
enum pt_status auth_session_get(struct pt_store *st, const char *token,
                                time_t now, struct auth_session *s, int *found,
                                struct pt_err *err);
void auth_session_release(struct auth_session *s);
/* End a session (nothing happens for an unknown token). */
enum pt_status auth_logout(struct pt_store *st, const char *token,
                           struct pt_err *err);
/* Whether given (may be NULL) is the session's CSRF token. */
int auth_csrf_ok(const struct auth_session *s, const char *given);

/*
 * The sign-in form has a token of its own, before there is a session:
 * the login page sets a cookie with a random nonce (64 hex digits) and
 * puts SHA-256("proeftoets-login:" nonce) in the form.  A page of another
 * origin can neither read nor set that cookie (HttpOnly, SameSite=Strict),
 * so it cannot sign the browser in under an account of its choosing.
 *
 * auth_login_nonce() keeps a well-formed nonce the browser presented
 * (given, may be NULL) and makes a new one otherwise; auth_login_csrf()
 * gives the form's token for nonce; auth_login_csrf_ok() checks a form's
 * token (may be NULL) against the cookie's nonce (may be NULL) in
 * constant time.
 */
void auth_login_nonce(const char *given, char nonce[AUTH_TOKEN_HEX]);
void auth_login_csrf(const char *nonce, char csrf[AUTH_TOKEN_HEX]);
int auth_login_csrf_ok(const char *nonce, const char *given);

#endif
