/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_saved.c: the SQL of saved proeftuinen (see store_saved.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store_priv.h"
#include "store_saved.h"

enum pt_status
store_saved_list(struct pt_store *st, struct saved_proeftuin **list, size_t *n,
                 struct pt_err *err)
{
	sqlite3_stmt *s;
	struct saved_proeftuin *v = NULL;
	size_t cap = 0;
	int rc;

	*list = NULL;
	*n = 0;
	if (store_prepare(
	        st,
	        "SELECT p.id, v.naam, v.peildatum, v.saved_at,"
	        " (SELECT count(*) FROM proeftuin_version c"
	        "  WHERE c.proeftuin_id = p.id)"
	        " FROM proeftuin p JOIN proeftuin_version v ON v.id ="
	        " (SELECT l.id FROM proeftuin_version l"
	        "  WHERE l.proeftuin_id = p.id ORDER BY l.seq DESC LIMIT 1)"
	        " ORDER BY p.id",
	        &s, err))
		return PT_EDB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct saved_proeftuin *p;

		PT_ARRAY_PUSH(v, *n, cap);
		p = &v[*n - 1];
		p->id = store_col_dup(s, 0);
		p->naam = store_col_dup(s, 1);
		p->peildatum = store_col_dup(s, 2);
		p->saved_at = store_col_dup(s, 3);
		p->versions = sqlite3_column_int(s, 4);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		saved_list_free(v, *n);
		*n = 0;
		return store_sqlerr(st, "cannot list proeftuinen", err);
	}
	*list = v;
	return PT_OK;
}

/* The blob of column 0 of the one row of s, bound to id. */
static enum pt_status
design_of(struct pt_store *st, sqlite3_stmt *s, const char *id, char **xml,
          size_t *len, int *found, struct pt_err *err)
{
	int rc;

	store_bind_text(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const void *p = sqlite3_column_blob(s, 0);
		size_t k = (size_t)sqlite3_column_bytes(s, 0);

		*xml = xmalloc(k + 1);
		if (k > 0)
			memcpy(*xml, p, k);
		(*xml)[k] = '\0';
		*len = k;
		*found = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the saved design", err);
	return PT_OK;
}

enum pt_status
store_saved_design(struct pt_store *st, const char *id, char **xml, size_t *len,
                   int *found, struct pt_err *err)
{
	sqlite3_stmt *s;

	*xml = NULL;
	*len = 0;
	*found = 0;
	if (store_prepare(st,
	                  "SELECT design FROM proeftuin_version"
	                  " WHERE proeftuin_id = ? ORDER BY seq DESC LIMIT 1",
	                  &s, err))
		return PT_EDB;
	return design_of(st, s, id, xml, len, found, err);
}

enum pt_status
store_saved_finding_design(struct pt_store *st, const char *finding_id,
                           char **xml, size_t *len, int *found,
                           struct pt_err *err)
{
	sqlite3_stmt *s;

	*xml = NULL;
	*len = 0;
	*found = 0;
	if (store_prepare(st,
	                  "SELECT v.design FROM proeftuin_version v"
	                  " JOIN finding_snapshot s ON s.version_id = v.id"
	                  " WHERE s.finding_id = ? ORDER BY v.seq DESC LIMIT 1",
	                  &s, err))
		return PT_EDB;
	return design_of(st, s, finding_id, xml, len, found, err);
}

enum pt_status
store_saved_counts(struct pt_store *st, const char *id, long *barriers,
                   long *risks, int *found, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*barriers = *risks = 0;
	*found = 0;
	if (store_prepare(st,
	                  "SELECT barriers, risks FROM proeftuin_version"
	                  " WHERE proeftuin_id = ? ORDER BY seq DESC LIMIT 1",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*barriers = (long)sqlite3_column_int64(s, 0);
		*risks = (long)sqlite3_column_int64(s, 1);
		*found = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the saved proeftuin", err);
	return PT_OK;
}

enum pt_status
store_saved_versions(struct pt_store *st, const char *id,
                     struct saved_version **list, size_t *n, struct pt_err *err)
{
	sqlite3_stmt *s;
	struct saved_version *v = NULL;
	size_t cap = 0;
	int rc;

	*list = NULL;
	*n = 0;
	if (store_prepare(st,
	                  "SELECT v.seq, v.saved_at, v.source, v.naam,"
	                  " v.peildatum, v.barriers, v.risks,"
	                  " (SELECT count(*) FROM finding_snapshot f"
	                  "  WHERE f.version_id = v.id)"
	                  " FROM proeftuin_version v WHERE v.proeftuin_id = ?"
	                  " ORDER BY v.seq",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct saved_version *p;

		PT_ARRAY_PUSH(v, *n, cap);
		p = &v[*n - 1];
		p->seq = sqlite3_column_int(s, 0);
		p->saved_at = store_col_dup(s, 1);
		p->source = store_col_dup(s, 2);
		p->naam = store_col_dup(s, 3);
		p->peildatum = store_col_dup(s, 4);
		p->barriers = (long)sqlite3_column_int64(s, 5);
		p->risks = (long)sqlite3_column_int64(s, 6);
		p->findings = (long)sqlite3_column_int64(s, 7);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		saved_versions_free(v, *n);
		*n = 0;
		return store_sqlerr(st, "cannot list saved versions", err);
	}
	*list = v;
	return PT_OK;
}

enum pt_status
store_saved_version_design(struct pt_store *st, const char *id, int seq,
                           char **xml, size_t *len, int *found,
                           struct pt_err *err)
{
	sqlite3_stmt *s;

	*xml = NULL;
	*len = 0;
	*found = 0;
	if (store_prepare(st,
	                  "SELECT design FROM proeftuin_version"
	                  " WHERE proeftuin_id = ? AND seq = ?",
	                  &s, err))
		return PT_EDB;
	store_bind_int(s, 2, seq);
	return design_of(st, s, id, xml, len, found, err);
}

enum pt_status
store_saved_version_findings(struct pt_store *st, const char *id, int seq,
                             struct saved_finding **list, size_t *n,
                             struct pt_err *err)
{
	sqlite3_stmt *s;
	struct saved_finding *v = NULL;
	size_t cap = 0;
	int rc;

	*list = NULL;
	*n = 0;
	if (store_prepare(st,
	                  "SELECT f.finding_id, f.title, f.kind"
	                  " FROM finding_snapshot f JOIN proeftuin_version v"
	                  " ON v.id = f.version_id"
	                  " WHERE v.proeftuin_id = ? AND v.seq = ?"
	                  " ORDER BY f.seq",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, id);
	store_bind_int(s, 2, seq);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct saved_finding *p;

		PT_ARRAY_PUSH(v, *n, cap);
		p = &v[*n - 1];
		p->id = store_col_dup(s, 0);
		p->title = store_col_dup(s, 1);
		p->kind = store_col_dup(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		saved_findings_free(v, *n);
		*n = 0;
		return store_sqlerr(st, "cannot read saved findings", err);
	}
	*list = v;
	return PT_OK;
}

static enum pt_status
put_findings(struct pt_store *st, const char *proeftuin, long long vid,
             const struct store_saved_finding *f, size_t nf, struct pt_err *err)
{
	sqlite3_stmt *fs = NULL, *ss = NULL;
	enum pt_status rc = PT_OK;
	size_t i;

	if (store_prepare(st,
	                  "INSERT INTO finding(id, proeftuin_id) VALUES(?,?)"
	                  " ON CONFLICT(id) DO NOTHING",
	                  &fs, err) ||
	    store_prepare(
	        st,
	        "INSERT INTO finding_snapshot(version_id,"
	        " finding_id, seq, rule, kind, severity, title, trigger,"
	        " actors, tasks, jci) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
	        &ss, err)) {
		sqlite3_finalize(fs);
		return PT_EDB;
	}
	for (i = 0; i < nf && rc == PT_OK; i++) {
		sqlite3_reset(fs);
		store_bind_text(fs, 1, f[i].id);
		store_bind_text(fs, 2, proeftuin);
		if ((rc = store_step_done(st, fs, "cannot store a finding",
		                          err)))
			break;
		sqlite3_reset(ss);
		store_bind_int(ss, 1, vid);
		store_bind_text(ss, 2, f[i].id);
		store_bind_int(ss, 3, (long long)i);
		store_bind_text(ss, 4, f[i].rule);
		store_bind_text(ss, 5, f[i].kind);
		store_bind_text(ss, 6, f[i].severity);
		store_bind_text(ss, 7, f[i].title);
		store_bind_text(ss, 8, f[i].trigger);
		store_bind_text(ss, 9, f[i].actors);
		store_bind_text(ss, 10, f[i].tasks);
		store_bind_text(ss, 11, f[i].jci);
		rc = store_step_done(st, ss, "cannot store a finding", err);
	}
	sqlite3_finalize(fs);
	sqlite3_finalize(ss);
	return rc;
}

/* Inside the transaction: everything but BEGIN and COMMIT. */
static enum pt_status
put(struct pt_store *st, const struct store_saved_version *v,
    const struct store_saved_finding *f, size_t nf, int *version, int *added,
    struct pt_err *err)
{
	sqlite3_stmt *s;
	char *latest = NULL;
	int seq = 0, rc;
	long long vid;

	if (store_prepare(st,
	                  "SELECT seq, sha256 FROM proeftuin_version"
	                  " WHERE proeftuin_id = ? ORDER BY seq DESC LIMIT 1",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, v->proeftuin);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int(s, 0);
		latest = store_col_dup(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read saved versions", err);
	if (latest != NULL && strcmp(latest, v->sha256) == 0) {
		free(latest);
		*version = seq;
		*added = 0;
		return PT_OK;
	}
	free(latest);

	if (store_prepare(st,
	                  "INSERT INTO proeftuin(id, naam, created_at)"
	                  " VALUES(?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	                  " ON CONFLICT(id) DO UPDATE SET naam = excluded.naam",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, v->proeftuin);
	store_bind_text(s, 2, v->naam);
	rc = store_step_done(st, s, "cannot store the proeftuin", err);
	sqlite3_finalize(s);
	if (rc)
		return PT_EDB;

	if (store_prepare(st,
	                  "INSERT INTO proeftuin_version(proeftuin_id, seq,"
	                  " sha256, source, naam, peildatum, design, barriers,"
	                  " risks, saved_at) VALUES(?,?,?,?,?,?,?,?,?,"
	                  " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
	                  &s, err))
		return PT_EDB;
	store_bind_text(s, 1, v->proeftuin);
	sqlite3_bind_int(s, 2, seq + 1);
	store_bind_text(s, 3, v->sha256);
	store_bind_text(s, 4, v->source);
	store_bind_text(s, 5, v->naam);
	store_bind_text(s, 6, v->peildatum);
	sqlite3_bind_text(s, 7, v->design, (int)v->len, SQLITE_TRANSIENT);
	store_bind_int(s, 8, v->barriers);
	store_bind_int(s, 9, v->risks);
	rc = store_step_done(st, s, "cannot store the design", err);
	sqlite3_finalize(s);
	if (rc)
		return PT_EDB;
	vid = sqlite3_last_insert_rowid(st->db);
	if (put_findings(st, v->proeftuin, vid, f, nf, err))
		return PT_EDB;
	*version = seq + 1;
	*added = 1;
	return PT_OK;
}

enum pt_status
store_saved_put(struct pt_store *st, const struct store_saved_version *v,
                const struct store_saved_finding *f, size_t nf, int *version,
                int *added, struct pt_err *err)
{
	*version = 0;
	*added = 0;
	if (store_begin(st, err))
		return PT_EDB;
	if (put(st, v, f, nf, version, added, err)) {
		store_rollback(st);
		return PT_EDB;
	}
	return store_commit(st, err);
}

/* s with the LIKE wildcards '%', '_' and the escape '\\' escaped. */
static void
like_esc(struct pt_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			pt_buf_addc(b, '\\');
		pt_buf_addc(b, *s);
	}
}

enum pt_status
store_saved_citing(struct pt_store *st, const char *bwb, const char *artikel,
                   char ***ids, char ***titles, size_t *n, struct pt_err *err)
{
	struct pt_buf a = PT_BUF_INIT, b = PT_BUF_INIT;
	sqlite3_stmt *s;
	size_t cap = 0, cap2 = 0, n2 = 0;
	int rc;

	*ids = *titles = NULL;
	*n = 0;
	pt_buf_adds(&a, "%c:");
	like_esc(&a, bwb);
	pt_buf_adds(&a, "&artikel=");
	like_esc(&a, artikel);
	pt_buf_adds(&b, a.s);
	pt_buf_adds(&a, "&%");
	pt_buf_adds(&b, "\"%");
	if (store_prepare(
	        st,
	        "SELECT fs.finding_id, fs.title FROM finding_snapshot fs"
	        " JOIN proeftuin_version pv ON pv.id = fs.version_id"
	        " WHERE pv.seq = (SELECT max(seq) FROM"
	        "  proeftuin_version WHERE proeftuin_id ="
	        "  pv.proeftuin_id)"
	        " AND (fs.jci LIKE ?1 ESCAPE '\\'"
	        "  OR fs.jci LIKE ?2 ESCAPE '\\')"
	        " ORDER BY fs.finding_id",
	        &s, err)) {
		pt_buf_release(&a);
		pt_buf_release(&b);
		return PT_EDB;
	}
	store_bind_text(s, 1, a.s);
	store_bind_text(s, 2, b.s);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		PT_ARRAY_PUSH(*ids, *n, cap);
		(*ids)[*n - 1] = store_col_dup(s, 0);
		PT_ARRAY_PUSH(*titles, n2, cap2);
		(*titles)[n2 - 1] = store_col_dup(s, 1);
	}
	sqlite3_finalize(s);
	pt_buf_release(&a);
	pt_buf_release(&b);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the saved findings", err);
	return PT_OK;
}
