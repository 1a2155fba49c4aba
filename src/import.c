/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * import.c: BWB files into the registry, one transaction per file (see
 * import.h).  The reader (bwb.c) streams articles; this file turns each into
 * provision rows: one for the whole article and one per lid.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "bwb.h"
#include "digest.h"
#include "import.h"
#include "vocab.h"

struct import_state {
	struct pt_store *st;
	const char *path;
	const struct import_opts *opts;
	const char *sha256; /* "-" while it is being computed */
	struct digest_sha256 digest;
	char *replaced_sha256; /* of the version this file replaces */
	unsigned long long size;
	struct import_result *res;
	long long version_id;
	int seq;
	int have_meta;
};

void
import_result_release(struct import_result *r)
{
	free(r->bwb);
	free(r->citeertitel);
	free(r->inwerkingtreding);
	memset(r, 0, sizeof *r);
}

static enum pt_status
on_meta(void *ctx, const struct bwb_meta *m, struct pt_err *err)
{
	struct import_state *s = ctx;
	const char *date = m->inwerkingtreding;
	long long law_id;
	int replaced;

	if (date == NULL && s->opts && s->opts->date)
		date = s->opts->date;
	if (date != NULL && !vocab_is_date(date))
		return pt_err_set(err, PT_EINPUT, s->path, 1, 0,
		                  "bad date of entry into force '%s'", date);
	if (store_put_law(s->st, m->bwb_id, m->citeertitel, m->soort, &law_id,
	                  err) ||
	    (strcmp(s->sha256, "-") == 0 &&
	     store_version_sha256(s->st, law_id, date, &s->replaced_sha256,
	                          err)) ||
	    store_put_version(s->st, law_id, date, s->path, s->sha256,
	                      (int)m->format, &s->version_id, &replaced, err))
		return err->code;
	s->res->outcome = replaced ? IMPORT_REPLACED : IMPORT_ADDED;
	s->res->bwb = xstrdup(m->bwb_id);
	s->res->citeertitel = xstrdup0(m->citeertitel);
	s->res->inwerkingtreding = xstrdup0(date);
	s->have_meta = 1;
	return PT_OK;
}

static enum pt_status
on_article(void *ctx, const struct bwb_article *a, struct pt_err *err)
{
	struct import_state *s = ctx;
	struct store_provision_in p;
	long long pid;
	char *url;
	size_t i;
	enum pt_status rc;

	memset(&p, 0, sizeof p);
	p.artikel = a->nr;
	p.label = a->label;
	p.title = a->title;
	p.text = a->text;
	p.status = a->status;
	p.path = a->path;
	p.jci = a->jci;
	url = store_url(s->res->bwb, a->nr, s->res->inwerkingtreding);
	p.url = url;
	p.seq = s->seq++;
	rc = store_put_provision(s->st, s->version_id, &p, &pid, err);
	for (i = 0; rc == PT_OK && i < a->nrefs; i++)
		rc = store_put_reference(s->st, pid, (int)a->refs[i].kind,
		                         a->refs[i].target, a->refs[i].text,
		                         err);
	for (i = 0; rc == PT_OK && i < a->nleden; i++) {
		p.lid = a->leden[i].nr;
		p.text = a->leden[i].text;
		p.title = NULL;
		p.seq = s->seq++;
		rc = store_put_provision(s->st, s->version_id, &p, NULL, err);
		s->res->provisions++;
	}
	free(url);
	if (rc != PT_OK) {
		if (err->line == 0)
			err->line = a->line;
		return rc;
	}
	s->res->articles++;
	s->res->provisions++;
	if (s->opts && s->opts->progress && s->res->articles % 500 == 0)
		s->opts->progress(s->opts->progress_ctx, s->path,
		                  s->res->articles, s->size);
	return PT_OK;
}

static void
hash_chunk(void *ctx, const char *data, size_t len)
{
	struct import_state *s = ctx;

	digest_sha256_update(&s->digest, data, len);
}

/*
 * Parse s->path into the open transaction.  With s->sha256 NULL the
 * reader hands every chunk to the hash as it parses (one read of the file
 * instead of two: the second read cost 7% of an import, bench/README.md),
 * and the version gets its SHA-256 at the end.  Content already in the
 * registry under another name is noticed then: *known is set and the
 * caller rolls back.
 */
static enum pt_status
import_parse(struct import_state *s, int *known, struct pt_err *err)
{
	struct bwb_handler h;
	char sha[DIGEST_SHA256_HEX];
	char *bwb = NULL;
	enum pt_status rc;

	*known = 0;
	h.meta = on_meta;
	h.article = on_article;
	h.ctx = s;
	h.chunk = NULL;
	if (s->sha256 == NULL) {
		digest_sha256_init(&s->digest);
		h.chunk = hash_chunk;
		s->sha256 = "-";
	}
	rc = bwb_parse_file(s->path, &h, err);
	if (rc == PT_OK && !s->have_meta)
		rc = pt_err_set(err, PT_EINPUT, s->path, 0, 0,
		                "no BWB law found in the file");
	if (rc == PT_OK && h.chunk != NULL) {
		digest_sha256_final(&s->digest, sha);
		if (store_has_sha256(s->st, sha, known, &bwb, err))
			return PT_EDB;
		/* the same content under another name, over itself */
		if (!*known && s->replaced_sha256 != NULL &&
		    strcmp(s->replaced_sha256, sha) == 0) {
			*known = 1;
			bwb = xstrdup(s->res->bwb);
		}
		if (*known) {
			import_result_release(s->res);
			s->res->outcome = IMPORT_UNCHANGED;
			s->res->bwb = bwb;
			return PT_OK;
		}
		rc = store_set_version_sha256(s->st, s->version_id, sha, err);
	}
	if (rc == PT_OK)
		rc = store_index_version(s->st, s->version_id, err);
	return rc;
}

enum pt_status
import_file(struct pt_store *st, const char *path,
            const struct import_opts *opts, struct import_result *res,
            struct pt_err *err)
{
	struct import_state s;
	char sha[DIGEST_SHA256_HEX];
	unsigned long long size;
	int found, known, fd;
	char *bwb = NULL;
	struct stat sb;
	enum pt_status rc;

	memset(res, 0, sizeof *res);
	if (opts && opts->date && !vocab_is_date(opts->date))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "bad date '%s' (want YYYY-MM-DD)",
		                  opts->date);
	/* A pipe or a device would hang, or read as a different document
	 * if it were read twice. */
	if (stat(path, &sb) != 0)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot open: %s",
		                  strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return pt_err_set(err, PT_EIO, path, 0, 0,
		                  "not a regular file");
	/* An unreadable file is the file's fault, not the registry's: say
	 * so before a transaction is asked for. */
	if ((fd = open(path, O_RDONLY)) < 0)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot open: %s",
		                  strerror(errno));
	close(fd);
	memset(&s, 0, sizeof s);
	s.st = st;
	s.path = path;
	s.opts = opts;
	s.size = (unsigned long long)sb.st_size;
	s.res = res;
	/* A path imported before is most likely unchanged: hash it first,
	 * and an unchanged file costs one read and no transaction. */
	if (store_has_source(st, path, &found, err))
		return PT_EDB;
	if (found) {
		rc = digest_sha256_file(path, sha, &size, err);
		if (rc != PT_OK)
			return rc;
		if (store_has_sha256(st, sha, &found, &bwb, err))
			return PT_EDB;
		if (found) {
			res->outcome = IMPORT_UNCHANGED;
			res->bwb = bwb;
			return PT_OK;
		}
		s.sha256 = sha;
		s.size = size;
	}
	if ((rc = store_begin(st, err)) != PT_OK)
		return rc;
	rc = import_parse(&s, &known, err);
	free(s.replaced_sha256);
	if (rc == PT_OK && known) {
		store_rollback(st);
		return PT_OK;
	}
	if (rc == PT_OK)
		rc = store_commit(st, err);
	if (rc != PT_OK) {
		store_rollback(st);
		import_result_release(res);
		return rc;
	}
	return PT_OK;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
wanted(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.' || n < 5 || strcmp(name + n - 4, ".xml") != 0)
		return 0;
	if (strstr(name, "manifest") != NULL ||
	    (n > 8 && strcmp(name + n - 8, ".WTI.xml") == 0))
		return 0;
	return 1;
}

static enum pt_status
walk(const char *dir, char ***files, size_t *n, size_t *cap, int depth,
     struct pt_err *err)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t nn = 0, ncap = 0, i;
	enum pt_status rc = PT_OK;

	if (depth > 32)
		return pt_err_set(err, PT_EIO, dir, 0, 0,
		                  "directories nested too deeply");
	d = opendir(dir);
	if (d == NULL)
		return pt_err_set(err, PT_EIO, dir, 0, 0,
		                  "cannot open directory: %s", strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		PT_ARRAY_PUSH(names, nn, ncap);
		names[nn - 1] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (nn)
		qsort(names, nn, sizeof *names, cmp_str);
	for (i = 0; i < nn; i++) {
		struct stat sb;
		const char *base = strrchr(names[i], '/') + 1;

		if (rc == PT_OK && stat(names[i], &sb) == 0 &&
		    S_ISDIR(sb.st_mode)) {
			rc = walk(names[i], files, n, cap, depth + 1, err);
		} else if (rc == PT_OK && wanted(base)) {
			PT_ARRAY_PUSH(*files, *n, *cap);
			(*files)[*n - 1] = names[i];
			names[i] = NULL;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

enum pt_status
import_list(const char *path, char ***files, size_t *n, struct pt_err *err)
{
	struct stat sb;
	size_t cap = 0;
	enum pt_status rc;

	*files = NULL;
	*n = 0;
	if (stat(path, &sb) != 0)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot open: %s",
		                  strerror(errno));
	if (!S_ISDIR(sb.st_mode)) {
		PT_ARRAY_PUSH(*files, *n, cap);
		(*files)[0] = xstrdup(path);
	} else if ((rc = walk(path, files, n, &cap, 0, err)) != PT_OK) {
		import_list_free(*files, *n);
		*files = NULL;
		*n = 0;
		return rc;
	}
	PT_ARRAY_PUSH(*files, *n, cap);
	(*files)[--*n] = NULL;
	return PT_OK;
}

void
import_list_free(char **files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}
