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
 * AUTH_SESSION_SECONDS; at most AUTH_MAX_SESSIONS live at once.
 *
 * Schema (migration 3 -> 4 in store.c):
 *   web_user(id, name UNIQUE, role, pwhash, created_at)
 *   web_session(token_sha256 PRIMARY KEY, user_id, created_at, expires_at)
 * Times are Unix seconds (UTC).
 *
 * Login limits live in memory (struct auth_limits, one per server), over
 * the last 60 seconds: a name with AUTH_LOGINS_PER_USER failed attempts,
 * or everyone after AUTH_LOGINS_GLOBAL attempts of any kind, must wait;
 * both are checked before the password is.  A name that does not exist is checked against a dummy hash,
 * so the answer takes as long as for a real account.
 *
 * Ownership: input strings are borrowed; structs filled here are released
 * with the matching release or free function.  auth_limits_new() returns a
 * heap object freed with auth_limits_free().  Not thread-safe: one thread
 * uses one struct auth_limits and one store.
 */
#ifndef PROEFTOETS_AUTH_H
#define PROEFTOETS_AUTH_H

#include <stddef.h>
#include <time.h>

#include "err.h"
#include "store.h"

enum auth_role { AUTH_READER = 0, AUTH_REVIEWER = 1 };

#define AUTH_TOKEN_HEX 65          /* 64 hex digits and the NUL */
#define AUTH_SESSION_SECONDS (12 * 3600)
#define AUTH_MAX_SESSIONS 512
#define AUTH_LOGINS_PER_USER 5     /* per minute */
#define AUTH_LOGINS_GLOBAL 30      /* per minute */
#define AUTH_NAME_MAX 64           /* bytes */
#define AUTH_PASSWORD_MAX 1024     /* bytes */

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
	long sessions;          /* live sessions */
};
/* Every account, by name. */
enum pt_status auth_user_list(struct pt_store *st, struct auth_user **users,
			      size_t *n, struct pt_err *err);
void auth_user_list_free(struct auth_user *users, size_t n);
/* Remove an account and its sessions; PT_ENOTFOUND when there is none. */
enum pt_status auth_user_remove(struct pt_store *st, const char *name,
				struct pt_err *err);

struct auth_limits;
struct auth_limits *auth_limits_new(void);
void auth_limits_free(struct auth_limits *l);

enum auth_outcome {
	AUTH_OK = 0,
	AUTH_BAD,               /* unknown name or wrong password */
	AUTH_LIMITED,           /* too many attempts this minute */
	AUTH_FULL               /* too many live sessions */
};

/*
 * Check a name and password and, when they match, start a session:
 * token receives the cookie value.  Errors only for database trouble.
 */
enum pt_status auth_login(struct pt_store *st, struct auth_limits *l,
			  const char *name, const char *password, time_t now,
			  enum auth_outcome *outcome, char token[AUTH_TOKEN_HEX],
			  struct pt_err *err);

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

#endif
