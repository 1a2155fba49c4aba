/*
 * review.c: review decisions on findings and their append-only audit log
 * (see review.h).  The table and its guarding triggers are created by a
 * migration in store.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "review.h"
#include "saved.h"

static const char *const status_names[REVIEW_NSTATUS] = {
	"open", "confirmed", "rejected", "mitigated", "needs-amendment"
};

const char *
review_status_name(enum review_status s)
{
	if ((int)s < 0 || s >= REVIEW_NSTATUS)
		return NULL;
	return status_names[s];
}

int
review_status_parse(const char *s)
{
	int i;

	for (i = 0; i < REVIEW_NSTATUS; i++)
		if (strcmp(s, status_names[i]) == 0)
			return i;
	return -1;
}

int
review_status_filter_ok(const char *s)
{
	return review_status_parse(s) >= 0 || strcmp(s, REVIEW_RESOLVED) == 0;
}

const char *
review_count_name(int i)
{
	if (i == REVIEW_NSTATUS)
		return REVIEW_RESOLVED;
	return review_status_name((enum review_status)i);
}

/* --- helpers --------------------------------------------------------------- */

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? xstrdup((const char *)t) : NULL;
}

static enum pt_status
prepare(struct pt_store *st, const char *sql, sqlite3_stmt **s,
	struct pt_err *err)
{
	if (sqlite3_prepare_v2(store_db(st), sql, -1, s, NULL) != SQLITE_OK) {
		*s = NULL;
		return store_sqlerr(st, "cannot prepare a query", err);
	}
	return PT_OK;
}

/* Whether s is well-formed UTF-8 (no overlong forms, no surrogates). */
static int
utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p, min;
		int k, i;

		if (c < 0x80) {
			p++;
			continue;
		}
		if ((c & 0xe0) == 0xc0) {
			k = 1; c &= 0x1f; min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2; c &= 0x0f; min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3; c &= 0x07; min = 0x10000;
		} else {
			return 0;
		}
		for (i = 1; i <= k; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (p[i] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0;
		p += k + 1;
	}
	return 1;
}

/* Whether s has something besides white space. */
static int
blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s; s++)
		if (strchr(" \t\n\r\f\v", *s) == NULL)
			return 0;
	return 1;
}

static enum pt_status
finding_known(struct pt_store *st, const char *id, int *known,
	      struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*known = 0;
	if (prepare(st, "SELECT 1 FROM finding WHERE id = ?", &s, err))
		return PT_EDB;
	bind_text(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		*known = 1;
	else if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read findings", err);
	return PT_OK;
}

static enum pt_status
unknown_finding(const char *id, struct pt_err *err)
{
	return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
			  "unknown finding '%s': no saved proeftuin has it "
			  "(save the design with 'proeftoets check --save' or "
			  "'proeftoets proeftuin add')", id);
}

static void
entry_fill(struct review_entry *e, sqlite3_stmt *s)
{
	e->id = sqlite3_column_int64(s, 0);
	e->finding_id = col_dup(s, 1);
	e->at = col_dup(s, 2);
	e->by = col_dup(s, 3);
	e->old_status = col_dup(s, 4);
	e->new_status = col_dup(s, 5);
	e->note = col_dup(s, 6);
}

#define ENTRY_COLUMNS \
	"id, finding_id, logged_at, reviewer, old_status, new_status, note"

void
review_entry_release(struct review_entry *e)
{
	free(e->finding_id);
	free(e->at);
	free(e->by);
	free(e->old_status);
	free(e->new_status);
	free(e->note);
	memset(e, 0, sizeof *e);
}

/* --- writing --------------------------------------------------------------- */

/* Inside the transaction. */
static enum pt_status
append(struct pt_store *st, const char *finding_id, enum review_status status,
       const char *by, const char *note, struct review_entry *out,
       struct pt_err *err)
{
	sqlite3_stmt *s;
	char *old = NULL;
	long long id;
	int known, rc;

	if (finding_known(st, finding_id, &known, err))
		return PT_EDB;
	if (!known)
		return unknown_finding(finding_id, err);
	if (prepare(st, "SELECT new_status FROM review_log WHERE finding_id = ?"
		    " ORDER BY id DESC LIMIT 1", &s, err))
		return PT_EDB;
	bind_text(s, 1, finding_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		old = col_dup(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the review log", err);

	if (prepare(st, "INSERT INTO review_log(finding_id, logged_at, reviewer,"
		    " old_status, new_status, note) VALUES(?,"
		    " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)", &s, err)) {
		free(old);
		return PT_EDB;
	}
	bind_text(s, 1, finding_id);
	bind_text(s, 2, by);
	bind_text(s, 3, old ? old : "open");
	bind_text(s, 4, status_names[status]);
	bind_text(s, 5, note);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	free(old);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot write the review log", err);
	id = sqlite3_last_insert_rowid(store_db(st));
	if (out == NULL)
		return PT_OK;
	if (prepare(st, "SELECT " ENTRY_COLUMNS " FROM review_log WHERE id = ?",
		    &s, err))
		return PT_EDB;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		entry_fill(out, s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the review log", err);
	return PT_OK;
}

size_t
review_text_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

enum pt_status
review_set(struct pt_store *st, const char *finding_id,
	   enum review_status status, const char *by, const char *note,
	   struct review_entry *out, struct pt_err *err)
{
	enum pt_status rc;

	if (out)
		memset(out, 0, sizeof *out);
	if (review_status_name(status) == NULL)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "unknown review status %d", (int)status);
	if (blank(by))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "a decision needs the name of the reviewer");
	if (!utf8_ok(by))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "the reviewer's name is not valid UTF-8");
	if (note != NULL && *note == '\0')
		note = NULL;
	if (note != NULL && !utf8_ok(note))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "the note is not valid UTF-8");
	if (note != NULL && review_text_chars(note) > REVIEW_NOTE_MAX)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "the note is longer than %d characters",
				  REVIEW_NOTE_MAX);
	if (status == REVIEW_REJECTED && blank(note))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
				  "status 'rejected' needs a note saying why "
				  "the finding is not a barrier");
	if (store_begin(st, err))
		return PT_EDB;
	if ((rc = append(st, finding_id, status, by, note, out, err)) != PT_OK) {
		store_rollback(st);
		if (out)
			review_entry_release(out);
		return rc;
	}
	if ((rc = store_commit(st, err)) != PT_OK && out)
		review_entry_release(out);
	return rc;
}

/* --- reading --------------------------------------------------------------- */

enum pt_status
review_log(struct pt_store *st, const char *finding_id,
	   struct review_entry **entries, size_t *n, struct pt_err *err)
{
	sqlite3_stmt *s;
	struct review_entry *v = NULL;
	size_t cap = 0;
	int known, rc;

	*entries = NULL;
	*n = 0;
	if (finding_known(st, finding_id, &known, err))
		return PT_EDB;
	if (!known)
		return unknown_finding(finding_id, err);
	if (prepare(st, "SELECT " ENTRY_COLUMNS " FROM review_log"
		    " WHERE finding_id = ? ORDER BY id", &s, err))
		return PT_EDB;
	bind_text(s, 1, finding_id);
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

void
review_log_free(struct review_entry *entries, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		review_entry_release(&entries[i]);
	free(entries);
}

/* The findings of one proeftuin, one finding or all (NULL, NULL). */
static enum pt_status
list_query(struct pt_store *st, const char *proeftuin, const char *id,
	   const char *status, struct review_item **items, size_t *n,
	   struct pt_err *err)
{
	sqlite3_stmt *s;
	struct review_item *v = NULL;
	size_t cap = 0;
	int rc;

	*items = NULL;
	*n = 0;
	if (prepare(st,
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
		    " CASE WHEN is_current THEN s.seq ELSE 0 END, f.id", &s, err))
		return PT_EDB;
	bind_text(s, 1, proeftuin);
	bind_text(s, 2, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct review_item it;

		memset(&it, 0, sizeof it);
		it.resolved = !sqlite3_column_int(s, 6);
		it.decision = col_dup(s, 7);
		if (it.decision == NULL)
			it.decision = xstrdup("open");
		it.status = xstrdup(it.resolved ? REVIEW_RESOLVED : it.decision);
		if (status != NULL && strcmp(status, it.status) != 0) {
			free(it.decision);
			free(it.status);
			continue;
		}
		it.id = col_dup(s, 0);
		it.proeftuin = col_dup(s, 1);
		it.rule = col_dup(s, 2);
		it.kind = col_dup(s, 3);
		it.severity = col_dup(s, 4);
		it.title = col_dup(s, 5);
		it.by = col_dup(s, 8);
		it.at = col_dup(s, 9);
		it.note = col_dup(s, 10);
		it.entries = (long)sqlite3_column_int64(s, 11);
		PT_ARRAY_PUSH(v, *n, cap);
		v[*n - 1] = it;
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

enum pt_status
review_list(struct pt_store *st, const char *proeftuin, const char *status,
	    struct review_item **items, size_t *n, struct pt_err *err)
{
	return list_query(st, proeftuin, NULL, status, items, n, err);
}

enum pt_status
review_get(struct pt_store *st, const char *finding_id,
	   struct review_item **item, struct pt_err *err)
{
	size_t n;

	*item = NULL;
	if (list_query(st, NULL, finding_id, NULL, item, &n, err))
		return PT_EDB;
	if (n == 0)
		return unknown_finding(finding_id, err);
	return PT_OK;
}

void
review_list_free(struct review_item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(items[i].id);
		free(items[i].proeftuin);
		free(items[i].rule);
		free(items[i].kind);
		free(items[i].severity);
		free(items[i].title);
		free(items[i].status);
		free(items[i].decision);
		free(items[i].by);
		free(items[i].at);
		free(items[i].note);
	}
	free(items);
}

enum pt_status
review_counts(struct pt_store *st, const char *proeftuin,
	      long counts[REVIEW_NCOUNTS], struct pt_err *err)
{
	struct review_item *items;
	size_t n, i;
	int k;

	for (k = 0; k < REVIEW_NCOUNTS; k++)
		counts[k] = 0;
	if (review_list(st, proeftuin, NULL, &items, &n, err))
		return PT_EDB;
	for (i = 0; i < n; i++) {
		k = items[i].resolved ? REVIEW_NSTATUS :
			review_status_parse(items[i].status);
		if (k >= 0)
			counts[k]++;
	}
	review_list_free(items, n);
	return PT_OK;
}
