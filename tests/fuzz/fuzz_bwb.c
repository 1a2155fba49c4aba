/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_bwb.c: libFuzzer harness for the BWB reader and the importer.
 *
 * Every input is parsed with bwb_parse_memory(); the handler reads every
 * string it is given, so that a pointer into freed or unterminated memory
 * shows up under AddressSanitizer.  The input is then imported into a
 * registry in a temporary directory, which drives the store code with the
 * same articles; the registry is emptied after each input.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "bwb.h"
#include "import.h"
#include "store.h"
#include "store_priv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct pt_store *st;
static sqlite3 *db;             /* the same registry, to empty it */
static char *dir, *file;

/* Touch every byte of s, so a bad pointer is caught here. */
static size_t
touch(const char *s)
{
	return s ? strlen(s) : 0;
}

static enum pt_status
on_meta(void *ctx, const struct bwb_meta *m, struct pt_err *err)
{
	size_t *n = ctx;

	(void)err;
	if (m->bwb_id == NULL || *m->bwb_id == '\0')
		abort();	/* the reader promises a bwb-id */
	*n += touch(m->bwb_id) + touch(m->citeertitel) + touch(m->soort) +
	    touch(m->inwerkingtreding);
	return PT_OK;
}

static enum pt_status
on_article(void *ctx, const struct bwb_article *a, struct pt_err *err)
{
	size_t *n = ctx, i;

	(void)err;
	if (a->nr == NULL || a->label == NULL || a->status == NULL ||
	    a->path == NULL || a->text == NULL)
		abort();	/* documented as never NULL */
	*n += touch(a->nr) + touch(a->label) + touch(a->title) +
	    touch(a->status) + touch(a->path) + touch(a->jci) +
	    touch(a->inwerking) + touch(a->text);
	for (i = 0; i < a->nleden; i++)
		*n += touch(a->leden[i].nr) + touch(a->leden[i].text);
	for (i = 0; i < a->nrefs; i++) {
		if (a->refs[i].target == NULL)
			abort();
		*n += touch(a->refs[i].target) + touch(a->refs[i].text);
	}
	return PT_OK;
}

static void
cleanup(void)
{
	sqlite3_close(db);
	store_close(st);
	if (file != NULL)
		unlink(file);
	if (dir != NULL) {
		char *p;

		p = xasprintf("%s/registry.db", dir);
		unlink(p);
		free(p);
		p = xasprintf("%s/registry.db-wal", dir);
		unlink(p);
		free(p);
		p = xasprintf("%s/registry.db-shm", dir);
		unlink(p);
		free(p);
		rmdir(dir);
	}
	free(file);
	free(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pt_err err = PT_ERR_INIT;
	const char *tmp = getenv("TMPDIR");
	char *path;

	(void)argc; (void)argv;
	dir = xasprintf("%s/fuzz-bwb-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	file = xasprintf("%s/input.xml", dir);
	path = xasprintf("%s/registry.db", dir);
	if (store_open(path, &st, &err) != PT_OK) {
		fprintf(stderr, "fuzz_bwb: %s\n", err.msg);
		abort();
	}
	/* A connection of our own empties the registry after each input
	 * (with foreign keys on, so that the delete cascades, and the
	 * tokenizer of the full-text index, which the delete updates). */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    store_stem_register(db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL,
			 NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_bwb: %s\n", sqlite3_errmsg(db));
		abort();
	}
	free(path);
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pt_err err = PT_ERR_INIT;
	struct bwb_handler h;
	struct import_result res;
	enum pt_status rc;
	size_t n = 0;
	FILE *f;

	h.meta = on_meta;
	h.article = on_article;
	h.ctx = &n;
	h.chunk = NULL;
	rc = bwb_parse_memory((const char *)data, size, "fuzz.xml", &h, &err);
	if (rc != PT_OK && (err.code != rc || err.msg[0] == '\0'))
		abort();	/* every failure says why */

	/* The importer: only inputs the reader accepts get that far. */
	if (rc != PT_OK)
		return 0;
	if ((f = fopen(file, "wb")) == NULL)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	pt_err_clear(&err);
	rc = import_file(st, file, NULL, &res, &err);
	if (rc == PT_OK)
		import_result_release(&res);
	else if (err.msg[0] == '\0')
		abort();
	if (sqlite3_exec(db, "DELETE FROM law", NULL, NULL, NULL) != SQLITE_OK)
		abort();
	return 0;
}
