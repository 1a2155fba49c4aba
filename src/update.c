/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * update.c: manifests, version selection, and the fetch / verify / import
 * loop of `proeftoets update` (see update.h).  The fetched table's SQL is
 * in store_fetch.c.
 */
#include "config.h"

#include <sys/types.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "buf.h"
#include "bwb.h"
#include "digest.h"
#include "fileio.h"
#include "rules.h"
#include "stale.h"
#include "store_fetch.h"
#include "update.h"
#include "vocab.h"
#include "xmlsec.h"

#define MANIFEST_MAX_SIZE (16ULL << 20)

/* --- manifests ------------------------------------------------------------ */

int
update_is_bwb_id(const char *s)
{
	int i;

	if (strncmp(s, "BWB", 3) != 0 || !isupper((unsigned char)s[3]))
		return 0;
	for (i = 4; i < 11; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return s[11] == '\0';
}

/* A label used in a URL path: letters, digits, '.', '_', '-', no "..". */
static int
plain_name(const char *s)
{
	const char *p;

	if (s == NULL || *s == '\0' || *s == '.' || strlen(s) > 200)
		return 0;
	for (p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' &&
		    *p != '-')
			return 0;
	return strstr(s, "..") == NULL;
}

static int
is_name(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *
child(const xmlNode *n, const char *name)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (is_name(n, name))
			return n;
	return NULL;
}

static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The text of a child element, trimmed; NULL when absent or empty. */
static char *
child_text(const xmlNode *n, const char *name)
{
	const xmlNode *c = child(n, name);
	xmlChar *v;
	const char *b, *e;
	char *s = NULL;

	if (c == NULL || (v = xmlNodeGetContent(c)) == NULL)
		return NULL;
	b = (const char *)v;
	while (isspace((unsigned char)*b))
		b++;
	e = b + strlen(b);
	while (e > b && isspace((unsigned char)e[-1]))
		e--;
	if (e > b)
		s = xstrndup(b, (size_t)(e - b));
	xmlFree(v);
	return s;
}

static void
version_release(struct update_version *v)
{
	free(v->label);
	free(v->inwerkingtreding);
	free(v->einddatum);
	free(v->item);
	free(v->sha512);
	memset(v, 0, sizeof *v);
}

void
update_manifest_free(struct update_manifest *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		version_release(&m->versions[i]);
	free(m->versions);
	free(m->bwb);
	free(m);
}

/* The first live item of the xml manifestation: fills item, size, hash. */
static enum pt_status
read_manifestation(const xmlNode *expr, const char *path,
                   struct update_version *v, struct pt_err *err)
{
	const xmlNode *m, *it;
	char *s;

	for (m = expr->children; m; m = m->next) {
		if (!is_name(m, "manifestation"))
			continue;
		s = attr(m, "label");
		if (s == NULL || strcmp(s, "xml") != 0) {
			free(s);
			continue;
		}
		free(s);
		for (it = m->children; it; it = it->next) {
			char *del;
			int deleted;

			if (!is_name(it, "item"))
				continue;
			del = attr(it, "_deleted");
			deleted = del && (strcmp(del, "true") == 0 ||
			                  strcmp(del, "1") == 0);
			free(del);
			if (deleted)
				continue;
			v->item = attr(it, "label");
			break;
		}
		if (v->item == NULL)
			continue;
		if (!plain_name(v->item))
			return pt_err_set(
			    err, PT_EINPUT, path, xmlsec_line(it), 0,
			    "bad item label '%s' in expression '%s'", v->item,
			    v->label);
		v->sha512 = child_text(child(m, "metadata"), "hashcode");
		s = child_text(child(m, "metadata"), "size");
		if (s != NULL) {
			char *end;

			errno = 0;
			v->size = strtoull(s, &end, 10);
			if (!isdigit((unsigned char)*s) || *end != '\0' ||
			    errno) {
				pt_err_set(err, PT_EINPUT, path, xmlsec_line(m),
				           0,
				           "bad size '%s' in expression '%s'",
				           s, v->label);
				free(s);
				return PT_EINPUT;
			}
			v->have_size = 1;
			free(s);
		}
		if (v->sha512 == NULL)
			return pt_err_set(err, PT_EINPUT, path, xmlsec_line(m),
			                  0, "no hashcode for expression '%s'",
			                  v->label);
		for (s = v->sha512; *s; s++) {
			if (!isxdigit((unsigned char)*s))
				break;
			*s = (char)tolower((unsigned char)*s);
		}
		if (*s != '\0' || strlen(v->sha512) != DIGEST_SHA512_HEX - 1)
			return pt_err_set(
			    err, PT_EINPUT, path, xmlsec_line(m), 0,
			    "hashcode of expression '%s' is not a "
			    "SHA-512 in hex",
			    v->label);
		return PT_OK;
	}
	return PT_OK;
}

static enum pt_status
read_expression(const xmlNode *e, const char *path, struct update_version *v,
                struct pt_err *err)
{
	const xmlNode *md = child(e, "metadata");

	v->line = xmlsec_line(e);
	v->label = attr(e, "label");
	if (!plain_name(v->label))
		return pt_err_set(err, PT_EINPUT, path, v->line, 0,
		                  "bad expression label '%s'",
		                  v->label ? v->label : "");
	v->inwerkingtreding = child_text(md, "datum_inwerkingtreding");
	v->einddatum = child_text(md, "einddatum");
	if (v->inwerkingtreding == NULL || !vocab_is_date(v->inwerkingtreding))
		return pt_err_set(
		    err, PT_EINPUT, path, v->line, 0,
		    "expression '%s' has no valid datum_inwerkingtreding",
		    v->label);
	if (v->einddatum != NULL && !vocab_is_date(v->einddatum))
		return pt_err_set(err, PT_EINPUT, path, v->line, 0,
		                  "expression '%s' has a bad einddatum '%s'",
		                  v->label, v->einddatum);
	return read_manifestation(e, path, v, err);
}

enum pt_status
update_manifest_load(const char *path, const char *bwb,
                     struct update_manifest **out, struct pt_err *err)
{
	struct update_manifest *m;
	xmlDocPtr doc;
	const xmlNode *root, *e;
	size_t cap = 0, i;
	enum pt_status rc = PT_OK;

	*out = NULL;
	if ((doc = xmlsec_parse_file(path, err)) == NULL)
		return err ? err->code : PT_EINPUT;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !is_name(root, "work")) {
		rc = pt_err_set(
		    err, PT_EINPUT, path, xmlsec_line(root), 0,
		    "not a BWB manifest: the root is <%s>, not <work>",
		    root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return rc;
	}
	m = xcalloc(1, sizeof *m);
	m->bwb = attr(root, "label");
	if (m->bwb == NULL || !update_is_bwb_id(m->bwb))
		rc =
		    pt_err_set(err, PT_EINPUT, path, xmlsec_line(root), 0,
		               "the manifest's work label '%s' is not a BWB id",
		               m->bwb ? m->bwb : "");
	else if (bwb != NULL && strcmp(m->bwb, bwb) != 0)
		rc = pt_err_set(err, PT_EINPUT, path, xmlsec_line(root), 0,
		                "the manifest is for '%s', not '%s'", m->bwb,
		                bwb);
	for (e = root->children; rc == PT_OK && e; e = e->next) {
		struct update_version v;

		if (!is_name(e, "expression"))
			continue;
		if (m->n == UPDATE_MAX_VERSIONS) {
			rc = pt_err_set(err, PT_EINPUT, path, xmlsec_line(e), 0,
			                "the manifest lists more than %d "
			                "expressions",
			                UPDATE_MAX_VERSIONS);
			break;
		}
		memset(&v, 0, sizeof v);
		rc = read_expression(e, path, &v, err);
		for (i = 0; rc == PT_OK && i < m->n; i++)
			if (strcmp(m->versions[i].label, v.label) == 0)
				rc = pt_err_set(
				    err, PT_EINPUT, path, v.line, 0,
				    "expression '%s' is listed twice", v.label);
		if (rc != PT_OK || v.item == NULL) {
			version_release(&v);
			continue;
		}
		PT_ARRAY_PUSH(m->versions, m->n, cap);
		m->versions[m->n - 1] = v;
	}
	xmlFreeDoc(doc);
	if (rc != PT_OK) {
		update_manifest_free(m);
		return rc;
	}
	*out = m;
	return PT_OK;
}

/* --- selection --------------------------------------------------------------
 */

static long
label_seq(const char *label)
{
	const char *u = strrchr(label, '_');

	return u ? strtol(u + 1, NULL, 10) : 0;
}

static const struct update_manifest *sort_m;

static int
cmp_version(const void *a, const void *b)
{
	const struct update_version *x = &sort_m->versions[*(const size_t *)a];
	const struct update_version *y = &sort_m->versions[*(const size_t *)b];
	int c = strcmp(x->inwerkingtreding, y->inwerkingtreding);
	long sx, sy;

	if (c != 0)
		return c;
	sx = label_seq(x->label);
	sy = label_seq(y->label);
	if (sx != sy)
		return sx < sy ? -1 : 1;
	return strcmp(x->label, y->label);
}

size_t
update_select_versions(const struct update_manifest *m, enum update_select how,
                       const char *date, size_t *idx)
{
	size_t *all, nall = 0, n = 0, i, cur = (size_t)-1;

	if (m->n == 0)
		return 0;
	all = xcalloc(m->n, sizeof *all);
	for (i = 0; i < m->n; i++)
		all[i] = i;
	sort_m = m;
	qsort(all, m->n, sizeof *all, cmp_version);
	sort_m = NULL;
	/* Of several expressions with one date, keep the last (correction). */
	for (i = 0; i < m->n; i++) {
		if (i + 1 < m->n &&
		    strcmp(m->versions[all[i]].inwerkingtreding,
		           m->versions[all[i + 1]].inwerkingtreding) == 0)
			continue;
		all[nall++] = all[i];
	}
	for (i = 0; i < nall; i++) {
		const struct update_version *v = &m->versions[all[i]];
		int open_end = v->einddatum == NULL;

		switch (how) {
		case UPDATE_ALL:
			idx[n++] = all[i];
			break;
		case UPDATE_SINCE:
			if (open_end || strcmp(v->einddatum, date) >= 0)
				idx[n++] = all[i];
			break;
		case UPDATE_CURRENT:
			if (strcmp(v->inwerkingtreding, date) > 0) {
				if (cur != (size_t)-1) {
					idx[n++] = cur;
					cur = (size_t)-1;
				}
				idx[n++] = all[i];
			} else if (open_end ||
			           strcmp(v->einddatum, date) >= 0) {
				cur = all[i];
			}
			break;
		}
	}
	if (cur != (size_t)-1)
		idx[n++] = cur;
	free(all);
	return n;
}

/* --- one law
 * ------------------------------------------------------------------ */

struct run {
	struct pt_store *st;
	const struct update_opts *o;
	const char *base;
	struct update_summary *sum;
	struct pt_err first; /* the first failure */
	time_t start;        /* when the run began (--max-time) */
	size_t changes_cap;
};

void
update_opts_default(struct update_opts *o)
{
	memset(o, 0, sizeof *o);
	http_opts_default(&o->http);
	o->max_manifest_size = MANIFEST_MAX_SIZE;
	o->max_run_time = UPDATE_MAX_RUN_TIME;
}

static void
emit(struct run *r, const char *bwb, const struct update_version *v,
     enum update_outcome outcome, const struct import_result *res,
     int downloaded, const struct pt_err *err)
{
	struct update_event ev;

	switch (outcome) {
	case UPDATE_IMPORTED:
		r->sum->imported++;
		break;
	case UPDATE_UNCHANGED:
		r->sum->unchanged++;
		break;
	case UPDATE_FAILED:
		r->sum->failed++;
		if (r->first.code == PT_OK)
			r->first = *err;
		break;
	case UPDATE_NONE:
		r->sum->none++;
		break;
	}
	if (r->o->report == NULL)
		return;
	memset(&ev, 0, sizeof ev);
	ev.bwb = bwb;
	ev.version = v;
	ev.outcome = outcome;
	ev.import = res;
	ev.downloaded = downloaded;
	ev.err = err;
	r->o->report(r->o->report_ctx, &ev);
}

/* A fresh temporary file next to the database; caller unlinks and frees. */
static char *
temp_file(struct run *r, struct pt_err *err)
{
	char *tmpl = xasprintf("%s.update-%ld-XXXXXX", store_path(r->st),
	                       (long)getpid());
	int fd = mkstemp(tmpl);

	if (fd < 0) {
		pt_err_set(err, PT_EIO, tmpl, 0, 0,
		           "cannot create a temporary file: %s",
		           strerror(errno));
		free(tmpl);
		return NULL;
	}
	close(fd);
	return tmpl;
}

/*
 * Remove the temporary downloads that runs killed before they could
 * (named "<registry>.update-<pid>-XXXXXX"): those of a process that is
 * gone.  Those of a run still going on are left alone.
 */
void
update_clean_temp(const char *registry)
{
	const char *slash = strrchr(registry, '/');
	char *dirname = fileio_dirname(registry);
	char *prefix = xasprintf("%s.update-", slash ? slash + 1 : registry);
	size_t plen = strlen(prefix);
	struct dirent *de;
	DIR *d;

	if ((d = opendir(dirname)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			char *end, *path;
			long pid;

			if (strncmp(de->d_name, prefix, plen) != 0)
				continue;
			pid = strtol(de->d_name + plen, &end, 10);
			if (end == de->d_name + plen || *end != '-' ||
			    pid <= 0 || strlen(end) != 7 ||
			    !(kill((pid_t)pid, 0) != 0 && errno == ESRCH))
				continue;
			path = xasprintf("%s/%s", dirname, de->d_name);
			unlink(path);
			free(path);
		}
		closedir(d);
	}
	free(prefix);
	free(dirname);
}

/*
 * Name the law and version in err's message.  An error about the
 * temporary file is about the URL it was downloaded from.
 */
static void
name_failure(struct pt_err *e, const char *bwb, const char *label,
             const char *tmp, const char *url)
{
	if (label)
		pt_err_prefix(e, "%s version %s", bwb, label);
	else
		pt_err_prefix(e, "%s manifest", bwb);
	if (tmp != NULL && strcmp(e->file, tmp) == 0)
		snprintf(e->file, sizeof e->file, "%s", url ? url : "");
}

struct peek {
	char *bwb, *date;
	int seen;
};

static enum pt_status
peek_meta(void *ctx, const struct bwb_meta *m, struct pt_err *err)
{
	struct peek *p = ctx;

	p->bwb = xstrdup0(m->bwb_id);
	p->date = xstrdup0(m->inwerkingtreding);
	p->seen = 1;
	/* Stop the parse: the metadata is all that is wanted. */
	return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0, "stop");
}

static enum pt_status
peek_article(void *ctx, const struct bwb_article *a, struct pt_err *err)
{
	(void)ctx;
	(void)a;
	(void)err;
	return PT_OK;
}

/* Check that the downloaded file is the law and version the manifest says. */
static enum pt_status
verify(const char *tmp, const char *bwb, const struct update_version *v,
       const char *url, unsigned long long *size, struct pt_err *err)
{
	char sha[DIGEST_SHA512_HEX];
	struct bwb_handler h;
	struct peek p;
	struct pt_err pe = PT_ERR_INIT;
	enum pt_status rc;

	if (digest_sha512_file(tmp, sha, size, err) != PT_OK)
		return PT_EIO;
	if (v->have_size && *size != v->size)
		return pt_err_set(
		    err, PT_EIO, NULL, 0, 0,
		    "size mismatch: the manifest says %llu bytes, "
		    "the download has %llu (%s)",
		    v->size, *size, url);
	if (strcmp(sha, v->sha512) != 0)
		return pt_err_set(
		    err, PT_EIO, NULL, 0, 0,
		    "SHA-512 mismatch: the manifest says %.16s..., "
		    "the download has %.16s... (%s)",
		    v->sha512, sha, url);
	memset(&p, 0, sizeof p);
	h.meta = peek_meta;
	h.article = peek_article;
	h.ctx = &p;
	h.chunk = NULL;
	(void)bwb_parse_file(tmp, &h, &pe); /* peek_meta stops it */
	if (!p.seen) {
		if (pe.code == PT_OK)
			pt_err_set(&pe, PT_EINPUT, tmp, 0, 0,
			           "no BWB law found in the file");
		if (err)
			*err = pe;
		rc = pe.code;
	} else if (p.bwb == NULL || strcmp(p.bwb, bwb) != 0) {
		rc = pt_err_set(err, PT_EINPUT, NULL, 0, 0,
		                "the file holds '%s', not '%s' (%s)",
		                p.bwb ? p.bwb : "", bwb, url);
	} else if (p.date != NULL && strcmp(p.date, v->inwerkingtreding) != 0) {
		rc = pt_err_set(
		    err, PT_EINPUT, NULL, 0, 0,
		    "the file is the version of %s, the manifest says %s (%s)",
		    p.date, v->inwerkingtreding, url);
	} else {
		rc = PT_OK;
	}
	free(p.bwb);
	free(p.date);
	return rc;
}

static void
add_change(struct run *r, const char *bwb, const struct update_version *v)
{
	struct update_change *c;

	PT_ARRAY_PUSH(r->sum->changes, r->sum->nchanges, r->changes_cap);
	c = &r->sum->changes[r->sum->nchanges - 1];
	c->bwb = xstrdup(bwb);
	c->label = xstrdup(v->label);
	c->inwerkingtreding = xstrdup(v->inwerkingtreding);
	c->einddatum = xstrdup0(v->einddatum);
}

static void
update_version(struct run *r, const char *bwb, const struct update_version *v)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_result res;
	struct import_opts io;
	char sha256[DIGEST_SHA256_HEX];
	char *url = NULL, *tmp = NULL;
	unsigned long long size = 0, max;
	struct http_opts ho;
	int same;

	memset(&res, 0, sizeof res);
	if (store_fetched_current(r->st, bwb, v->label, v->sha512, &same, &e) !=
	    PT_OK)
		goto failed;
	if (same) {
		emit(r, bwb, v, UPDATE_UNCHANGED, NULL, 0, NULL);
		return;
	}
	url = xasprintf("%s/%s/%s/xml/%s", r->base, bwb, v->label, v->item);
	max = r->o->http.max_size ? r->o->http.max_size : HTTP_DEFAULT_MAX_SIZE;
	if (v->have_size && v->size > max) {
		pt_err_set(&e, PT_EIO, NULL, 0, 0,
		           "the manifest gives %llu bytes, "
		           "more than the maximum of %llu",
		           v->size, max);
		goto failed;
	}
	if (r->o->max_run_time > 0 &&
	    time(NULL) - r->start > r->o->max_run_time) {
		pt_err_set(&e, PT_EIO, NULL, 0, 0,
		           "not downloaded: the run took "
		           "more than %ld s (--max-time)",
		           r->o->max_run_time);
		goto failed;
	}
	/* Not one byte more than the manifest announces. */
	ho = r->o->http;
	if (v->have_size)
		ho.max_size = v->size;
	if ((tmp = temp_file(r, &e)) == NULL)
		goto failed;
	if (http_fetch(&ho, url, tmp, NULL, &e) != PT_OK) {
		pt_err_prefix(&e, "cannot download %s", url);
		goto failed;
	}
	r->sum->downloads++;
	if (verify(tmp, bwb, v, url, &size, &e) != PT_OK)
		goto failed;
	if (digest_sha256_file(tmp, sha256, NULL, &e) != PT_OK)
		goto failed;
	memset(&io, 0, sizeof io);
	io.date = v->inwerkingtreding;
	/*
	 * The version, its source (the URL, not the temporary file) and the
	 * fetch record in one transaction: a kill between them cannot leave
	 * a version named after a file that is gone.
	 */
	if (store_begin(r->st, &e) != PT_OK)
		goto failed;
	if (import_file(r->st, tmp, &io, &res, &e) != PT_OK) {
		store_rollback(r->st);
		goto failed;
	}
	if (store_fetched_record(r->st, bwb, v->label, v->sha512, sha256, size,
	                         url, tmp, &e) != PT_OK ||
	    store_commit(r->st, &e) != PT_OK) {
		store_rollback(r->st);
		import_result_release(&res);
		goto failed;
	}
	unlink(tmp);
	if (res.outcome == IMPORT_UNCHANGED) {
		emit(r, bwb, v, UPDATE_UNCHANGED, &res, 1, NULL);
	} else {
		add_change(r, bwb, v);
		emit(r, bwb, v, UPDATE_IMPORTED, &res, 1, NULL);
	}
	import_result_release(&res);
	free(tmp);
	free(url);
	return;

failed:
	name_failure(&e, bwb, v->label, tmp, url);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	emit(r, bwb, v, UPDATE_FAILED, NULL, 0, &e);
	free(url);
}

static void
update_law(struct run *r, const char *bwb)
{
	struct pt_err e = PT_ERR_INIT;
	struct http_opts ho = r->o->http;
	struct update_manifest *m = NULL;
	char *url, *tmp;
	size_t *idx, n, i;

	url = xasprintf("%s/%s/manifest.xml", r->base, bwb);
	if ((tmp = temp_file(r, &e)) == NULL) {
		name_failure(&e, bwb, NULL, NULL, NULL);
		emit(r, bwb, NULL, UPDATE_FAILED, NULL, 0, &e);
		free(url);
		return;
	}
	ho.max_size = r->o->max_manifest_size ? r->o->max_manifest_size
	                                      : MANIFEST_MAX_SIZE;
	ho.progress = NULL;
	if (http_fetch(&ho, url, tmp, NULL, &e) != PT_OK) {
		pt_err_prefix(&e, "cannot download %s", url);
		name_failure(&e, bwb, NULL, tmp, url);
	} else if (update_manifest_load(tmp, bwb, &m, &e) != PT_OK) {
		name_failure(&e, bwb, NULL, tmp, url);
	}
	unlink(tmp);
	free(tmp);
	free(url);
	if (m == NULL) {
		emit(r, bwb, NULL, UPDATE_FAILED, NULL, 0, &e);
		return;
	}
	idx = xcalloc(m->n ? m->n : 1, sizeof *idx);
	n = update_select_versions(
	    m, r->o->select,
	    r->o->select == UPDATE_SINCE ? r->o->since : r->o->today, idx);
	if (n == 0)
		emit(r, bwb, NULL, UPDATE_NONE, NULL, 0, NULL);
	for (i = 0; i < n; i++)
		update_version(r, bwb, &m->versions[idx[i]]);
	free(idx);
	update_manifest_free(m);
}

void
update_summary_release(struct update_summary *s)
{
	size_t i;

	for (i = 0; i < s->nchanges; i++) {
		free(s->changes[i].bwb);
		free(s->changes[i].label);
		free(s->changes[i].inwerkingtreding);
		free(s->changes[i].einddatum);
	}
	free(s->changes);
	memset(s, 0, sizeof *s);
}

enum pt_status
update_run(struct pt_store *st, const char *const *bwbs, size_t n,
           const struct update_opts *o, struct update_summary *sum,
           struct pt_err *err)
{
	struct update_opts oo = *o;
	struct run r;
	char today[16];
	char *base;
	size_t i, len;
	enum pt_status rc;

	memset(sum, 0, sizeof *sum);
	for (i = 0; i < n; i++)
		if (!update_is_bwb_id(bwbs[i]))
			return pt_err_set(
			    err, PT_EUSAGE, NULL, 0, 0,
			    "'%s' is not a BWB id (like BWBR0045754)", bwbs[i]);
	base = xstrdup(o->base ? o->base : UPDATE_DEFAULT_BASE);
	len = strlen(base);
	while (len > 0 && base[len - 1] == '/')
		base[--len] = '\0';
	if (!http_url_allowed(base)) {
		rc = pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                "base '%s' is not an "
		                "http, https or file URL",
		                base);
		free(base);
		return rc;
	}
	if (oo.select == UPDATE_SINCE &&
	    (oo.since == NULL || !vocab_is_date(oo.since))) {
		free(base);
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "bad date '%s' (want YYYY-MM-DD)",
		                  oo.since ? oo.since : "");
	}
	if (oo.select == UPDATE_CURRENT && oo.today == NULL) {
		time_t t = time(NULL);
		struct tm tm;

		localtime_r(&t, &tm);
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
		oo.today = today;
	} else if (oo.select == UPDATE_CURRENT && !vocab_is_date(oo.today)) {
		free(base);
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "bad date '%s' (want YYYY-MM-DD)", oo.today);
	}
	if ((rc = http_global_init(err)) != PT_OK) {
		free(base);
		return rc;
	}
	memset(&r, 0, sizeof r);
	r.st = st;
	r.o = &oo;
	r.base = base;
	r.sum = sum;
	r.start = time(NULL);
	update_clean_temp(store_path(st));
	for (i = 0; i < n; i++)
		update_law(&r, bwbs[i]);
	http_global_cleanup();
	free(base);
	if (r.first.code != PT_OK) {
		if (err)
			*err = r.first;
		return r.first.code;
	}
	return PT_OK;
}

/* --- rules ------------------------------------------------------------------
 */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_id(char ***ids, size_t *n, size_t *cap, const char *id)
{
	size_t i;

	if (id == NULL || *id == '\0')
		return;
	for (i = 0; i < *n; i++)
		if (strcmp((*ids)[i], id) == 0)
			return;
	PT_ARRAY_PUSH(*ids, *n, *cap);
	(*ids)[*n - 1] = xstrdup(id);
}

void
update_rule_laws(const struct ruleset *rs, char ***ids, size_t *n)
{
	size_t cap = 0, i, j;

	*ids = NULL;
	*n = 0;
	for (i = 0; rs && i < rs->n; i++) {
		const struct rule *ru = &rs->rules[i];

		for (j = 0; j < ru->nprovisions; j++)
			add_id(ids, n, &cap, ru->provisions[j].bwb);
		for (j = 0; j < ru->nkanalen; j++)
			add_id(ids, n, &cap, ru->kanalen[j].bwb);
	}
	if (*n > 1)
		qsort(*ids, *n, sizeof **ids, cmp_str);
}

void
update_ids_free(char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

enum pt_status
update_stale_rules(struct pt_store *st, const struct ruleset *rs,
                   const struct update_change *changes, size_t nchanges,
                   int *available, struct update_stale **stale, size_t *nstale,
                   struct pt_err *err)
{
	struct stale_report *rep;
	size_t i, k, c, cap = 0;

	*available = rs != NULL;
	*stale = NULL;
	*nstale = 0;
	if (rs == NULL || nchanges == 0)
		return PT_OK;
	/* Against the newest text of every law; keep the laws just updated. */
	if (stale_rules(st, rs, NULL, &rep, err) != PT_OK)
		return err->code;
	for (i = 0; i < rep->n; i++) {
		const struct stale_rule *sr = &rep->rules[i];

		for (k = 0; k < sr->n; k++) {
			const struct stale_provision *sp = &sr->provisions[k];
			struct update_stale *u;
			int changed = 0;

			for (c = 0; c < nchanges && !changed; c++)
				changed =
				    strcmp(changes[c].bwb, sp->rp->bwb) == 0;
			if (!changed)
				continue;
			PT_ARRAY_PUSH(*stale, *nstale, cap);
			u = &(*stale)[*nstale - 1];
			u->rule_id = xstrdup(sr->rule->id);
			u->bwb = xstrdup(sp->rp->bwb);
			u->artikel = xstrdup(sp->rp->artikel);
			u->lid = sp->rp->lid ? xstrdup(sp->rp->lid) : NULL;
			u->reason = xstrdup(stale_reason_name(sp->reason));
		}
	}
	stale_report_free(rep);
	return PT_OK;
}

void
update_stale_free(struct update_stale *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(s[i].rule_id);
		free(s[i].bwb);
		free(s[i].artikel);
		free(s[i].lid);
		free(s[i].reason);
	}
	free(s);
}
