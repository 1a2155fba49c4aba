/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_fetch.c: the SQL of the fetched table (see store_fetch.h).
 */
#include "config.h"

#include <stdlib.h>

#include "buf.h"
#include "store_fetch.h"
#include "store_priv.h"

enum pt_status
store_fetched_current(struct pt_store *st, const char *bwb, const char *label,
                      const char *sha512, int *yes, struct pt_err *err)
{
	sqlite3_stmt *s;
	char *sha256 = NULL;
	int rc, found = 0;

	*yes = 0;
	if (sqlite3_prepare_v2(st->db,
	                       "SELECT sha256 FROM fetched WHERE bwb = ?"
	                       " AND expression = ? AND sha512 = ?",
	                       -1, &s, NULL) != SQLITE_OK)
		return store_sqlerr(st, "cannot read the fetched table", err);
	store_bind_text(s, 1, bwb);
	store_bind_text(s, 2, label);
	store_bind_text(s, 3, sha512);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		sha256 = store_col_dup(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the fetched table", err);
	if (sha256 == NULL)
		return PT_OK;
	rc = store_has_sha256(st, sha256, &found, NULL, err);
	free(sha256);
	if (rc != PT_OK)
		return rc;
	*yes = found;
	return PT_OK;
}

enum pt_status
store_fetched_record(struct pt_store *st, const char *bwb, const char *label,
                     const char *sha512, const char *sha256,
                     unsigned long long size, const char *url, const char *tmp,
                     struct pt_err *err)
{
	static const char *const sql[2] = {
	    "UPDATE version SET source = ?3 WHERE sha256 = ?1 AND source = ?2",
	    "INSERT OR REPLACE INTO fetched(bwb, expression, sha512, sha256,"
	    " size, url, fetched_at) VALUES(?4, ?5, ?6, ?1, ?7, ?3,"
	    " strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
	};
	sqlite3_stmt *s;
	int i, rc;

	if (store_begin(st, err) != PT_OK)
		return PT_EDB;
	for (i = 0; i < 2; i++) {
		if (sqlite3_prepare_v2(st->db, sql[i], -1, &s, NULL) !=
		    SQLITE_OK) {
			store_sqlerr(st, "cannot record the download", err);
			store_rollback(st);
			return PT_EDB;
		}
		store_bind_text(s, 1, sha256);
		store_bind_text(s, 2, tmp);
		store_bind_text(s, 3, url);
		if (i == 1) {
			store_bind_text(s, 4, bwb);
			store_bind_text(s, 5, label);
			store_bind_text(s, 6, sha512);
			store_bind_int(s, 7, (long long)size);
		}
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE) {
			store_sqlerr(st, "cannot record the download", err);
			store_rollback(st);
			return PT_EDB;
		}
	}
	return store_commit(st, err);
}
