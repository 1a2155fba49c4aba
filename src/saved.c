/*
 * saved.c: proeftuinen stored in the registry, versions and finding
 * snapshots (see saved.h).  The tables are created by a migration in
 * store.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "digest.h"
#include "json.h"
#include "saved.h"
#include "store_review.h"

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

/* --- reading ------------------------------------------------------------- */

enum pt_status
saved_list(struct pt_store *st, struct saved_proeftuin **list, size_t *n,
	   struct pt_err *err)
{
	sqlite3_stmt *s;
	struct saved_proeftuin *v = NULL;
	size_t cap = 0;
	int rc;

	*list = NULL;
	*n = 0;
	if (prepare(st, "SELECT p.id, v.naam, v.peildatum, v.saved_at,"
		    " (SELECT count(*) FROM proeftuin_version c"
		    "  WHERE c.proeftuin_id = p.id)"
		    " FROM proeftuin p JOIN proeftuin_version v ON v.id ="
		    " (SELECT l.id FROM proeftuin_version l"
		    "  WHERE l.proeftuin_id = p.id ORDER BY l.seq DESC LIMIT 1)"
		    " ORDER BY p.id", &s, err))
		return PT_EDB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct saved_proeftuin *p;

		PT_ARRAY_PUSH(v, *n, cap);
		p = &v[*n - 1];
		p->id = col_dup(s, 0);
		p->naam = col_dup(s, 1);
		p->peildatum = col_dup(s, 2);
		p->saved_at = col_dup(s, 3);
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

void
saved_list_free(struct saved_proeftuin *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(list[i].id);
		free(list[i].naam);
		free(list[i].peildatum);
		free(list[i].saved_at);
	}
	free(list);
}

enum pt_status
saved_latest_design(struct pt_store *st, const char *id, char **xml,
		    size_t *len, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*xml = NULL;
	*len = 0;
	if (prepare(st, "SELECT design FROM proeftuin_version"
		    " WHERE proeftuin_id = ? ORDER BY seq DESC LIMIT 1", &s, err))
		return PT_EDB;
	bind_text(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const void *p = sqlite3_column_blob(s, 0);
		size_t k = (size_t)sqlite3_column_bytes(s, 0);

		*xml = xmalloc(k + 1);
		if (k > 0)
			memcpy(*xml, p, k);
		(*xml)[k] = '\0';
		*len = k;
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
				  "no saved proeftuin '%s'", id);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the saved design", err);
	return PT_OK;
}

enum pt_status
saved_counts(struct pt_store *st, const char *id, long *barriers,
	     long *risks, struct pt_err *err)
{
	sqlite3_stmt *s;
	int rc;

	*barriers = *risks = 0;
	if (prepare(st, "SELECT barriers, risks FROM proeftuin_version"
		    " WHERE proeftuin_id = ? ORDER BY seq DESC LIMIT 1", &s, err))
		return PT_EDB;
	bind_text(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*barriers = (long)sqlite3_column_int64(s, 0);
		*risks = (long)sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
				  "no saved proeftuin '%s'", id);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the saved proeftuin", err);
	return PT_OK;
}

enum pt_status
saved_review_apply(struct pt_store *st, struct check_result *r,
		   struct pt_err *err)
{
	const char **ids;
	char **status, **note;
	enum pt_status rc;
	size_t i, n = r->nfindings;

	if (n == 0)
		return PT_OK;
	ids = xcalloc(n, sizeof *ids);
	status = xcalloc(n, sizeof *status);
	note = xcalloc(n, sizeof *note);
	for (i = 0; i < n; i++)
		ids[i] = r->findings[i].id;
	rc = store_review_last(st, ids, n, status, note, err);
	for (i = 0; i < n && rc == PT_OK; i++) {
		struct finding *f = &r->findings[i];

		free(f->review_status);
		free(f->review_note);
		f->review_status = status[i] ? status[i] : xstrdup("open");
		f->review_note = note[i];
		status[i] = note[i] = NULL;
	}
	for (i = 0; i < n; i++) {
		free(status[i]);
		free(note[i]);
	}
	free(ids);
	free(status);
	free(note);
	return rc;
}

/* --- saving ------------------------------------------------------------ */

enum pt_status
saved_read_file(const char *path, struct pt_buf *b, struct pt_err *err)
{
	struct stat sb;
	char chunk[8192];
	size_t n;
	FILE *f;
	int bad;

	if ((f = fopen(path, "rb")) == NULL)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot open: %s",
				  strerror(errno));
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(f);
		return pt_err_set(err, PT_EIO, path, 0, 0,
				  "is a directory, not a file");
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		pt_buf_add(b, chunk, n);
	bad = ferror(f);
	fclose(f);
	if (bad)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot read");
	if (b->len == 0)
		return pt_err_set(err, PT_EINPUT, path, 1, 1,
				  "empty file: no XML document");
	return PT_OK;
}

/* A JSON array of strings, compact. */
static char *
json_list(char *const *v, size_t n)
{
	struct pt_buf b = PT_BUF_INIT;
	struct json j;
	size_t i;

	json_init(&j, &b, 0);
	json_begin_array(&j);
	for (i = 0; i < n; i++)
		json_string(&j, v[i]);
	json_end_array(&j);
	return pt_buf_detach(&b);
}

static char *
json_jci(const struct finding *f)
{
	struct pt_buf b = PT_BUF_INIT;
	struct json j;
	size_t i;

	json_init(&j, &b, 0);
	json_begin_array(&j);
	for (i = 0; i < f->nprovisions; i++)
		json_string(&j, f->provisions[i].jci);
	json_end_array(&j);
	return pt_buf_detach(&b);
}

static enum pt_status
step_done(struct pt_store *st, sqlite3_stmt *s, const char *what,
	  struct pt_err *err)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE)
		return store_sqlerr(st, what, err);
	return PT_OK;
}

static enum pt_status
put_findings(struct pt_store *st, const struct check_result *r,
	     long long vid, struct pt_err *err)
{
	sqlite3_stmt *fs = NULL, *ss = NULL;
	enum pt_status rc = PT_OK;
	size_t i;

	if (prepare(st, "INSERT INTO finding(id, proeftuin_id) VALUES(?,?)"
		    " ON CONFLICT(id) DO NOTHING", &fs, err) ||
	    prepare(st, "INSERT INTO finding_snapshot(version_id, finding_id,"
		    " seq, rule, kind, severity, title, trigger, actors, tasks, jci)"
		    " VALUES(?,?,?,?,?,?,?,?,?,?,?)", &ss, err)) {
		sqlite3_finalize(fs);
		return PT_EDB;
	}
	for (i = 0; i < r->nfindings && rc == PT_OK; i++) {
		const struct finding *f = &r->findings[i];
		char *actors, *tasks, *jci;

		sqlite3_reset(fs);
		bind_text(fs, 1, f->id);
		bind_text(fs, 2, r->design->id);
		if ((rc = step_done(st, fs, "cannot store a finding", err)))
			break;
		actors = json_list(f->actors, f->nactors);
		tasks = json_list(f->tasks, f->ntasks);
		jci = json_jci(f);
		sqlite3_reset(ss);
		sqlite3_bind_int64(ss, 1, vid);
		bind_text(ss, 2, f->id);
		sqlite3_bind_int64(ss, 3, (sqlite3_int64)i);
		bind_text(ss, 4, f->rule->id);
		bind_text(ss, 5, rules_kind_name(f->rule->kind));
		bind_text(ss, 6, rules_severity_name(f->rule->severity));
		bind_text(ss, 7, f->rule->titel);
		bind_text(ss, 8, f->trigger);
		bind_text(ss, 9, actors);
		bind_text(ss, 10, tasks);
		bind_text(ss, 11, jci);
		rc = step_done(st, ss, "cannot store a finding", err);
		free(actors);
		free(tasks);
		free(jci);
	}
	sqlite3_finalize(fs);
	sqlite3_finalize(ss);
	return rc;
}

/* Inside the transaction: everything but BEGIN and COMMIT. */
static enum pt_status
put(struct pt_store *st, const struct check_result *r, const char *xml,
    size_t len, struct saved_put_info *info, struct pt_err *err)
{
	const struct design *d = r->design;
	sqlite3_stmt *s;
	char *latest = NULL;
	int seq = 0, rc;
	long long vid;

	if (prepare(st, "SELECT seq, sha256 FROM proeftuin_version"
		    " WHERE proeftuin_id = ? ORDER BY seq DESC LIMIT 1", &s, err))
		return PT_EDB;
	bind_text(s, 1, d->id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int(s, 0);
		latest = col_dup(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read saved versions", err);
	if (latest != NULL && strcmp(latest, info->sha256) == 0) {
		free(latest);
		info->version = seq;
		info->added = 0;
		return PT_OK;
	}
	free(latest);

	if (prepare(st, "INSERT INTO proeftuin(id, naam, created_at)"
		    " VALUES(?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
		    " ON CONFLICT(id) DO UPDATE SET naam = excluded.naam", &s, err))
		return PT_EDB;
	bind_text(s, 1, d->id);
	bind_text(s, 2, d->naam);
	rc = step_done(st, s, "cannot store the proeftuin", err);
	sqlite3_finalize(s);
	if (rc)
		return PT_EDB;

	if (prepare(st, "INSERT INTO proeftuin_version(proeftuin_id, seq,"
		    " sha256, source, naam, peildatum, design, barriers, risks,"
		    " saved_at) VALUES(?,?,?,?,?,?,?,?,?,"
		    " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", &s, err))
		return PT_EDB;
	bind_text(s, 1, d->id);
	sqlite3_bind_int(s, 2, seq + 1);
	bind_text(s, 3, info->sha256);
	bind_text(s, 4, d->path);
	bind_text(s, 5, d->naam);
	bind_text(s, 6, d->peildatum);
	sqlite3_bind_text(s, 7, xml, (int)len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 8, (sqlite3_int64)r->nbarriers);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)r->nrisks);
	rc = step_done(st, s, "cannot store the design", err);
	sqlite3_finalize(s);
	if (rc)
		return PT_EDB;
	vid = sqlite3_last_insert_rowid(store_db(st));
	if (put_findings(st, r, vid, err))
		return PT_EDB;
	info->version = seq + 1;
	info->added = 1;
	return PT_OK;
}

enum pt_status
saved_put(struct pt_store *st, const struct check_result *r, const char *xml,
	  size_t len, struct saved_put_info *info, struct pt_err *err)
{
	struct saved_put_info tmp;

	if (info == NULL)
		info = &tmp;
	memset(info, 0, sizeof *info);
	if (len > 1000000000)
		return pt_err_set(err, PT_EINPUT, r->design->path, 0, 0,
				  "design too large to save");
	digest_sha256_mem(xml, len, info->sha256);
	if (store_begin(st, err))
		return PT_EDB;
	if (put(st, r, xml, len, info, err)) {
		store_rollback(st);
		return PT_EDB;
	}
	return store_commit(st, err);
}
