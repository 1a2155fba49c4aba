/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_design.c: libFuzzer harness for the proeftuin design reader
 * (design_load_memory: safe parse, RELAX NG validation, value checks).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "design.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pt_err err = PT_ERR_INIT;
	struct design *d = NULL;
	enum pt_status rc;
	size_t i, n = 0;

	rc = design_load_memory((const char *)data, size, "fuzz.xml",
				"2026-01-01", &d, &err);
	if (rc != PT_OK) {
		if (d != NULL || err.msg[0] == '\0')
			abort();	/* nothing half-read; say why */
		if (err.nmore >= PT_ERR_MAX || pt_err_count(&err) < 1)
			abort();	/* the further errors are capped */
		pt_err_clear(&err);
		return 0;
	}
	if (d == NULL || d->id == NULL || d->peildatum == NULL)
		abort();
	for (i = 0; i < d->nactors; i++)
		n += strlen(d->actors[i].id) + strlen(d->actors[i].rol);
	for (i = 0; i < d->ntaken; i++) {
		if (d->taken[i].actor >= d->nactors)
			abort();	/* a task names an actor of the design */
		n += strlen(d->taken[i].id);
	}
	(void)n;
	design_free(d);
	return 0;
}
