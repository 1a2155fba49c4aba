/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_review.c: the review log's SQL (see store_review.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store_priv.h"
#include "store_review.h"

#define ENTRY_COLUMNS                                                          \
	"id, finding_id, logged_at, reviewer, old_status, new_status, note"

static void
entry_fill(struct review_entry *e, sqlite3_stmt *s)
{
	e->id = sqlite3_column_int64(s, 0);
	e->finding_id = store_col_dup(s, 1);
	e->at = store_col_dup(s, 2);
	e->by = store_col_dup(s, 3);
	e->old_status = store_col_dup(s, 4);
	e->new_status = store_col_dup(s, 5);
	e->note = store_col_dup(s, 6);
	e->proeftuin = NULL;
}

enum pt_status
store_review_known(struct pt_store *st, const char *id, int *known,
                   struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*known = 0;
	if (store_prepare(st, "SELECT 1 FROM finding WHERE id = ?", &s, err))
		return PT_EDB;
	store_bind_text(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		*known = 1;
	else if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read findings", err);
	return PT_OK;
}

/* Whether the latest version of the finding's proeftuin has it. */
static enum pt_status
is_current(struct pt_store *st, const char *finding_id, int *current,
           struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*current = 0;
	if (store_prepare(st,
	                  "SELECT 1 FROM finding_snapshot s WHERE"
	                  " s.finding_id = ?1 AND s.version_id = (SELECT v.id"
	                  "  FROM proeftuin_version v JOIN finding f"
	                  "  ON f.proeftuin_id = v.proeftuin_id WHERE f.id = ?1"
	                  "  ORDER BY v.seq DESC LIMIT 1)",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, finding_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		*current = 1;
	else if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read findings", err);
	return PT_OK;
}

/* Inside the transaction. */
static enum pt_status
append(struct pt_store *st, const char *finding_id, const char *initial,
       const char *new_status, const char *by, const char *note,
       int only_current, int *known, int *resolved, struct review_entry *out,
       struct pt_err *err)
{
	sqlite3_stmt *s;
	char *old = NULL;
	long long id;
	int rc, current;

	if (store_review_known(st, finding_id, known, err))
		return PT_EDB;
	if (!*known)
		return PT_OK;
	if (only_current) {
		if (is_current(st, finding_id, &current, err))
			return PT_EDB;
		if (!current) {
			*resolved = 1;
			return PT_OK;
		}
	}
	if (store_prepare(st,
	                  "SELECT new_status FROM review_log"
	                  " WHERE finding_id = ? ORDER BY id DESC LIMIT 1",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, finding_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		old = store_col_dup(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the review log", err);

	if (store_prepare(st,
	                  "INSERT INTO review_log(finding_id, logged_at,"
	                  " reviewer, old_status, new_status, note) VALUES(?,"
	                  " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
	                  &s, err)) {
		free(old);
		return PT_EDB;
	}
	store_bind_text(s, 1, finding_id);
	store_bind_text(s, 2, by);
	store_bind_text(s, 3, old ? old : initial);
	store_bind_text(s, 4, new_status);
	store_bind_text(s, 5, note);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	free(old);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot write the review log", err);
	id = sqlite3_last_insert_rowid(st->db);
	if (out == NULL)
		return PT_OK;
	if (store_prepare(st,
	                  "SELECT " ENTRY_COLUMNS " FROM review_log"
	                  " WHERE id = ?",
	                  &s, err))
		return PT_EDB;
	store_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		entry_fill(out, s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the review log", err);
	return PT_OK;
}

enum pt_status
store_review_append(struct pt_store *st, const char *finding_id,
                    const char *initial, const char *new_status, const char *by,
                    const char *note, int only_current, int *known,
                    int *resolved, struct review_entry *out, struct pt_err *err)
{
	enum pt_status rc;

	*known = 0;
	*resolved = 0;
	if (store_begin(st, err))
		return PT_EDB;
	rc = append(st, finding_id, initial, new_status, by, note, only_current,
	            known, resolved, out, err);
	if (rc != PT_OK || !*known || *resolved) {
		store_rollback(st);
		if (out)
			review_entry_release(out);
		return rc;
	}
	if ((rc = store_commit(st, err)) != PT_OK && out)
		review_entry_release(out);
	return rc;
}

enum pt_status
store_review_entries(struct pt_store *st, const char *finding_id,
                     struct review_entry **entries, size_t *n,
                     struct pt_err *err)
{
	sqlite3_stmt *s;
	struct review_entry *v = NULL;
	size_t cap = 0;
	int rc;

	*entries = NULL;
	*n = 0;
	if (store_prepare(st,
	                  "SELECT " ENTRY_COLUMNS " FROM review_log"
	                  " WHERE finding_id = ? ORDER BY id",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, finding_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		PT_ARRAY_PUSH(v, *n, cap);
		entry_fill(&v[*n - 1], s);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		review_log_free(v, *n);
		*n = 0;
		return store_sqlerr(st, "cannot read the review log", err);
	}
	*entries = v;
	return PT_OK;
}

/* The selection of store_review_page(), parameters ?1 to ?4. */
#define PAGE_WHERE                                                             \
	" FROM review_log l JOIN finding f ON f.id = l.finding_id"             \
	" WHERE (?1 IS NULL OR l.reviewer = ?1)"                               \
	" AND (?2 IS NULL OR f.proeftuin_id = ?2)"                             \
	" AND (?3 IS NULL OR l.logged_at >= ?3)"                               \
	" AND (?4 IS NULL OR l.logged_at < ?4)"

static void
page_bind(sqlite3_stmt *s, const struct review_log_query *q)
{
	store_bind_text(s, 1, q->reviewer);
	store_bind_text(s, 2, q->proeftuin);
	store_bind_text(s, 3, q->since);
	store_bind_text(s, 4, q->before);
}

enum pt_status
store_review_page(struct pt_store *st, const struct review_log_query *q,
                  struct review_entry **entries, size_t *n, long long *total,
                  struct pt_err *err)
{
	sqlite3_stmt *s;
	struct review_entry *v = NULL;
	size_t cap = 0;
	int rc;

	*entries = NULL;
	*n = 0;
	*total = 0;
	if (store_prepare(st, "SELECT count(*)" PAGE_WHERE, &s, err))
		return PT_EDB;
	page_bind(s, q);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the review log", err);
	if (store_prepare(
	        st,
	        "SELECT l.id, l.finding_id, l.logged_at, l.reviewer,"
	        " l.old_status, l.new_status, l.note,"
	        " f.proeftuin_id" PAGE_WHERE
	        " ORDER BY l.logged_at DESC, l.id DESC LIMIT ?5 OFFSET ?6",
	        &s, err))
		return PT_EDB;
	page_bind(s, q);
	store_bind_int(s, 5, q->limit);
	store_bind_int(s, 6, q->offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		PT_ARRAY_PUSH(v, *n, cap);
		entry_fill(&v[*n - 1], s);
		v[*n - 1].proeftuin = store_col_dup(s, 7);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		review_log_free(v, *n);
		*n = 0;
		return store_sqlerr(st, "cannot read the review log", err);
	}
	*entries = v;
	return PT_OK;
}

enum pt_status
store_review_last(struct pt_store *st, const char *const *ids, size_t n,
                  char **status, char **note, struct pt_err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		status[i] = note[i] = NULL;
	if (store_prepare(st,
	                  "SELECT new_status, note FROM review_log"
	                  " WHERE finding_id = ? ORDER BY id DESC LIMIT 1",
	                  &s, err))
		return PT_EDB;
	for (i = 0; i < n; i++) {
		sqlite3_reset(s);
		store_bind_text(s, 1, ids[i]);
		rc = sqlite3_step(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			sqlite3_finalize(s);
			return store_sqlerr(st, "cannot read the review log",
			                    err);
		}
		if (rc == SQLITE_ROW) {
			status[i] = store_col_dup(s, 0);
			note[i] = store_col_dup(s, 1);
		}
	}
	sqlite3_finalize(s);
	return PT_OK;
}

enum pt_status
store_review_items(struct pt_store *st, const char *proeftuin,
                   const char *finding_id, struct review_item **items,
                   size_t *n, struct pt_err *err)
{
	sqlite3_stmt *s;
	struct review_item *v = NULL;
	size_t cap = 0;
	int rc;

	*items = NULL;
	*n = 0;
	if (store_prepare(
	        st,
	        "SELECT f.id, f.proeftuin_id, s.rule, s.kind, s.severity,"
	        " s.title, s.version_id = (SELECT v.id FROM proeftuin_version v"
	        "   WHERE v.proeftuin_id = f.proeftuin_id"
	        "   ORDER BY v.seq DESC LIMIT 1) AS is_current,"
	        " l.new_status, l.reviewer, l.logged_at, l.note,"
	        " (SELECT count(*) FROM review_log c WHERE c.finding_id = f.id)"
	        " FROM finding f"
	        " JOIN finding_snapshot s ON s.rowid = (SELECT s2.rowid"
	        "   FROM finding_snapshot s2"
	        "   JOIN proeftuin_version v2 ON v2.id = s2.version_id"
	        "   WHERE s2.finding_id = f.id ORDER BY v2.seq DESC LIMIT 1)"
	        " LEFT JOIN review_log l ON l.id = (SELECT max(l2.id)"
	        "   FROM review_log l2 WHERE l2.finding_id = f.id)"
	        " WHERE (?1 IS NULL OR f.proeftuin_id = ?1)"
	        " AND (?2 IS NULL OR f.id = ?2)"
	        " ORDER BY f.proeftuin_id, is_current DESC,"
	        " CASE WHEN is_current THEN s.seq ELSE 0 END, f.id",
	        &s, err))
		return PT_EDB;
	store_bind_text(s, 1, proeftuin);
	store_bind_text(s, 2, finding_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct review_item *it;

		PT_ARRAY_PUSH(v, *n, cap);
		it = &v[*n - 1];
		memset(it, 0, sizeof *it);
		it->id = store_col_dup(s, 0);
		it->proeftuin = store_col_dup(s, 1);
		it->rule = store_col_dup(s, 2);
		it->kind = store_col_dup(s, 3);
		it->severity = store_col_dup(s, 4);
		it->title = store_col_dup(s, 5);
		it->resolved = !sqlite3_column_int(s, 6);
		it->decision = store_col_dup(s, 7);
		it->by = store_col_dup(s, 8);
		it->at = store_col_dup(s, 9);
		it->note = store_col_dup(s, 10);
		it->entries = (long)sqlite3_column_int64(s, 11);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		review_list_free(v, *n);
		*n = 0;
		return store_sqlerr(st, "cannot list findings", err);
	}
	*items = v;
	return PT_OK;
}
