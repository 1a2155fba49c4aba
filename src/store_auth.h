/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_auth.h: accounts and sessions of the web workspace in the
 * registry, for auth.c; the SQL behind auth.h.
 *
 * Owns the tables web_user(id, name, role, pwhash, created_at) and
 * web_session(token_sha256, user_id, created_at, expires_at) (migration
 * 5 -> 6 in store.c).  Names, passwords, hashes, tokens and limits are
 * auth.c's: this module stores the password hash and the SHA-256 of a
 * token it is given and never sees a password or a token.
 *
 * Ownership: input strings are borrowed.  auth_user arrays are those of
 * auth.h (auth_user_list_free()); *user of store_auth_session_get() is
 * malloc'd and freed by the caller.
 */
#ifndef PROEFTOETS_STORE_AUTH_H
#define PROEFTOETS_STORE_AUTH_H

#include <stddef.h>
#include <time.h>

#include "auth.h"
#include "err.h"
#include "store.h"

/* Add an account; *exists = 1, and nothing added, when the name is taken. */
enum pt_status store_auth_user_add(struct pt_store *st, const char *name,
                                   const char *role, const char *pwhash,
                                   int *exists, struct pt_err *err);

/* Every account, by name, with its live sessions. */
enum pt_status store_auth_user_list(struct pt_store *st,
                                    struct auth_user **users, size_t *n,
                                    struct pt_err *err);

/* Remove an account and its sessions in one write transaction; *found =
 * 0, and nothing removed, when there is no such account. */
enum pt_status store_auth_user_remove(struct pt_store *st, const char *name,
                                      int *found, struct pt_err *err);

/* The id (-1 when there is no account of that name) and password hash,
 * copied into hash of size bytes. */
enum pt_status store_auth_password(struct pt_store *st, const char *name,
                                   long long *uid, char *hash, size_t size,
                                   struct pt_err *err);

/*
 * A sign-in's sessions in one write transaction: sessions expired at now
 * go, old_th (may be NULL) ends, th starts for uid until now + seconds,
 * and the account keeps its keep newest.  *busy is set when it failed
 * because another connection held the lock.
 */
enum pt_status store_auth_session_start(struct pt_store *st, long long uid,
                                        const char *old_th, const char *th,
                                        time_t now, long seconds, long keep,
                                        int *busy, struct pt_err *err);

/* The account of the session th live at now; *found = 0 when none. */
enum pt_status store_auth_session_get(struct pt_store *st, const char *th,
                                      time_t now, char **user,
                                      enum auth_role *role, int *found,
                                      struct pt_err *err);

/* End the session th (nothing happens when there is none). */
enum pt_status store_auth_session_end(struct pt_store *st, const char *th,
                                      struct pt_err *err);

#endif
