/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_rules.c: libFuzzer harness for the rule reader (rules_load_memory:
 * safe parse, RELAX NG validation, vocabulary and id checks).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pt_err err = PT_ERR_INIT;
	struct ruleset *rs = rules_new();
	enum pt_status rc;

	rc = rules_load_memory(rs, (const char *)data, size, "fuzz.xml", &err);
	if (rc != PT_OK && err.msg[0] == '\0')
		abort();	/* every failure says why */
	rules_free(rs);
	return 0;
}
