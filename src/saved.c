/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * saved.c: proeftuinen stored in the registry, versions and finding
 * snapshots (see saved.h): what is saved and the messages; the SQL is in
 * store_saved.c.
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
#include "store_saved.h"

/* --- reading ------------------------------------------------------------- */

enum pt_status
saved_list(struct pt_store *st, struct saved_proeftuin **list, size_t *n,
           struct pt_err *err)
{
	return store_saved_list(st, list, n, err);
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

static enum pt_status
not_saved(const char *id, struct pt_err *err)
{
	return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
	                  "no saved proeftuin '%s'", id);
}

enum pt_status
saved_latest_design(struct pt_store *st, const char *id, char **xml,
                    size_t *len, struct pt_err *err)
{
	int found;

	if (store_saved_design(st, id, xml, len, &found, err))
		return PT_EDB;
	return found ? PT_OK : not_saved(id, err);
}

enum pt_status
saved_finding_design(struct pt_store *st, const char *finding_id, char **xml,
                     size_t *len, struct pt_err *err)
{
	int found;

	if (store_saved_finding_design(st, finding_id, xml, len, &found, err))
		return PT_EDB;
	if (!found)
		return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
		                  "no saved version has finding '%s'",
		                  finding_id);
	return PT_OK;
}

enum pt_status
saved_counts(struct pt_store *st, const char *id, long *barriers, long *risks,
             struct pt_err *err)
{
	int found;

	if (store_saved_counts(st, id, barriers, risks, &found, err))
		return PT_EDB;
	return found ? PT_OK : not_saved(id, err);
}

enum pt_status
saved_citing(struct pt_store *st, const char *bwb, const char *artikel,
             char ***ids, char ***titles, size_t *n, struct pt_err *err)
{
	return store_saved_citing(st, bwb, artikel, ids, titles, n, err);
}

void
saved_citing_free(char **ids, char **titles, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(ids[i]);
		free(titles[i]);
	}
	free(ids);
	free(titles);
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

enum pt_status
saved_put(struct pt_store *st, const struct check_result *r, const char *xml,
          size_t len, struct saved_put_info *info, struct pt_err *err)
{
	const struct design *d = r->design;
	struct store_saved_version v;
	struct store_saved_finding *f;
	struct saved_put_info tmp;
	enum pt_status rc;
	size_t i;

	if (info == NULL)
		info = &tmp;
	memset(info, 0, sizeof *info);
	if (len > 1000000000)
		return pt_err_set(err, PT_EINPUT, d->path, 0, 0,
		                  "design too large to save");
	digest_sha256_mem(xml, len, info->sha256);
	memset(&v, 0, sizeof v);
	v.proeftuin = d->id;
	v.naam = d->naam;
	v.sha256 = info->sha256;
	v.source = d->path;
	v.peildatum = d->peildatum;
	v.design = xml;
	v.len = len;
	v.barriers = (long)r->nbarriers;
	v.risks = (long)r->nrisks;
	f = r->nfindings ? xcalloc(r->nfindings, sizeof *f) : NULL;
	for (i = 0; i < r->nfindings; i++) {
		const struct finding *fi = &r->findings[i];

		f[i].id = fi->id;
		f[i].rule = fi->rule->id;
		f[i].kind = rules_kind_name(fi->rule->kind);
		f[i].severity = rules_severity_name(fi->severity);
		f[i].title = fi->rule->titel;
		f[i].trigger = fi->trigger;
		f[i].actors = json_list(fi->actors, fi->nactors);
		f[i].tasks = json_list(fi->tasks, fi->ntasks);
		f[i].jci = json_jci(fi);
	}
	rc = store_saved_put(st, &v, f, r->nfindings, &info->version,
	                     &info->added, err);
	for (i = 0; i < r->nfindings; i++) {
		free((char *)f[i].actors);
		free((char *)f[i].tasks);
		free((char *)f[i].jci);
	}
	free(f);
	return rc;
}

enum pt_status
saved_versions(struct pt_store *st, const char *id, struct saved_version **list,
               size_t *n, struct pt_err *err)
{
	if (store_saved_versions(st, id, list, n, err))
		return PT_EDB;
	return *n > 0 ? PT_OK : not_saved(id, err);
}

void
saved_versions_free(struct saved_version *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(list[i].saved_at);
		free(list[i].source);
		free(list[i].naam);
		free(list[i].peildatum);
	}
	free(list);
}

enum pt_status
saved_version_design(struct pt_store *st, const char *id, int seq, char **xml,
                     size_t *len, struct pt_err *err)
{
	int found;

	if (store_saved_version_design(st, id, seq, xml, len, &found, err))
		return PT_EDB;
	if (!found)
		return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
		                  "proeftuin '%s' has no version %d", id, seq);
	return PT_OK;
}

enum pt_status
saved_version_findings(struct pt_store *st, const char *id, int seq,
                       struct saved_finding **list, size_t *n,
                       struct pt_err *err)
{
	if (store_saved_version_findings(st, id, seq, list, n, err))
		return PT_EDB;
	return PT_OK;
}

void
saved_findings_free(struct saved_finding *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(list[i].id);
		free(list[i].title);
		free(list[i].kind);
	}
	free(list);
}
