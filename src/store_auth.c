/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_auth.c: the SQL of accounts and sessions (see store_auth.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store_auth.h"
#include "store_priv.h"

/* Prepare, bind text (NULL = none) then the integers, run, finalize. */
static enum pt_status
exec_bound(struct pt_store *st, const char *sql, const char *text,
           const long long *ints, int nints, const char *what,
           struct pt_err *err)
{
	sqlite3_stmt *s;
	enum pt_status rc;
	int i, col = 1;

	if (store_prepare(st, sql, &s, err))
		return PT_EDB;
	if (text != NULL)
		store_bind_text(s, col++, text);
	for (i = 0; i < nints; i++)
		store_bind_int(s, col++, ints[i]);
	rc = store_step_done(st, s, what, err);
	sqlite3_finalize(s);
	return rc;
}

static enum auth_role
role_of(sqlite3_stmt *s, int i)
{
	return auth_role_parse((const char *)sqlite3_column_text(s, i)) ==
	               AUTH_REVIEWER
	           ? AUTH_REVIEWER
	           : AUTH_READER;
}

enum pt_status
store_auth_user_add(struct pt_store *st, const char *name, const char *role,
                    const char *pwhash, int *exists, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*exists = 0;
	if (store_prepare(st,
	                  "INSERT INTO web_user(name, role, pwhash,"
	                  " created_at) VALUES(?, ?, ?, strftime('%s','now'))",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, name);
	store_bind_text(s, 2, role);
	store_bind_text(s, 3, pwhash);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		*exists = 1;
		return PT_OK;
	}
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot add the user", err);
	return PT_OK;
}

enum pt_status
store_auth_user_list(struct pt_store *st, struct auth_user **users, size_t *n,
                     struct pt_err *err)
{
	struct auth_user *v = NULL;
	size_t cap = 0, len = 0;
	sqlite3_stmt *s;
	int rc;

	*users = NULL;
	*n = 0;
	if (store_prepare(st,
	                  "SELECT name, role, created_at, (SELECT count(*)"
	                  " FROM web_session WHERE user_id = web_user.id AND"
	                  " expires_at > strftime('%s','now')) FROM web_user"
	                  " ORDER BY name",
	                  &s, err))
		return PT_EDB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		PT_ARRAY_PUSH(v, len, cap);
		v[len - 1].name = store_col_dup(s, 0);
		v[len - 1].role = role_of(s, 1);
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

enum pt_status
store_auth_user_remove(struct pt_store *st, const char *name, int *found,
                       struct pt_err *err)
{
	*found = 0;
	if (store_begin(st, err) != PT_OK)
		return PT_EDB;
	if (exec_bound(st,
	               "DELETE FROM web_session WHERE user_id IN"
	               " (SELECT id FROM web_user WHERE name = ?)",
	               name, NULL, 0, "cannot remove sessions", err) ||
	    exec_bound(st, "DELETE FROM web_user WHERE name = ?", name, NULL, 0,
	               "cannot remove the user", err)) {
		store_rollback(st);
		return PT_EDB;
	}
	if (sqlite3_changes(st->db) == 0) {
		store_rollback(st);
		return PT_OK;
	}
	*found = 1;
	return store_commit(st, err);
}

enum pt_status
store_auth_password(struct pt_store *st, const char *name, long long *uid,
                    char *hash, size_t size, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*uid = -1;
	if (store_prepare(st, "SELECT id, pwhash FROM web_user WHERE name = ?",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, name);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*uid = sqlite3_column_int64(s, 0);
		snprintf(hash, size, "%s",
		         (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the user", err);
	return PT_OK;
}

enum pt_status
store_auth_session_start(struct pt_store *st, long long uid, const char *old_th,
                         const char *th, time_t now, long seconds, long keep,
                         int *busy, struct pt_err *err)
{
	long long v[3];

	*busy = 0;
	if (store_begin(st, err) != PT_OK) {
		*busy = store_busy(st);
		return PT_EDB;
	}
	v[0] = (long long)now;
	if (exec_bound(st, "DELETE FROM web_session WHERE expires_at <= ?",
	               NULL, v, 1, "cannot remove expired sessions", err))
		goto fail;
	if (old_th != NULL &&
	    exec_bound(st, "DELETE FROM web_session WHERE token_sha256 = ?",
	               old_th, NULL, 0, "cannot end the old session", err))
		goto fail;
	v[0] = uid;
	v[1] = (long long)now;
	v[2] = (long long)now + seconds;
	if (exec_bound(st,
	               "INSERT INTO web_session(token_sha256, user_id,"
	               " created_at, expires_at) VALUES(?, ?, ?, ?)",
	               th, v, 3, "cannot store the session", err))
		goto fail;
	v[1] = uid;
	v[2] = keep;
	if (exec_bound(
	        st,
	        "DELETE FROM web_session WHERE user_id = ? AND rowid"
	        " NOT IN (SELECT rowid FROM web_session WHERE user_id = ?"
	        " ORDER BY created_at DESC, rowid DESC LIMIT ?)",
	        NULL, v, 3, "cannot end the oldest session", err))
		goto fail;
	if (store_commit(st, err) != PT_OK) {
		*busy = store_busy(st);
		return PT_EDB;
	}
	return PT_OK;
fail:
	*busy = store_busy(st);
	store_rollback(st);
	return PT_EDB;
}

enum pt_status
store_auth_session_get(struct pt_store *st, const char *th, time_t now,
                       char **user, enum auth_role *role, int *found,
                       struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*user = NULL;
	*found = 0;
	if (store_prepare(st,
	                  "SELECT u.name, u.role FROM web_session s"
	                  " JOIN web_user u ON u.id = s.user_id"
	                  " WHERE s.token_sha256 = ? AND s.expires_at > ?",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, th);
	store_bind_int(s, 2, (long long)now);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*user = store_col_dup(s, 0);
		*role = role_of(s, 1);
		*found = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the session", err);
	return PT_OK;
}

enum pt_status
store_auth_session_end(struct pt_store *st, const char *th, struct pt_err *err)
{
	return exec_bound(st, "DELETE FROM web_session WHERE token_sha256 = ?",
	                  th, NULL, 0, "cannot end the session", err);
}
