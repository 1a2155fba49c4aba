/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_fetch.h: what `update` fetched, in the registry, for update.c;
 * the SQL behind update.h's table.
 *
 * Owns the table fetched(bwb, expression, sha512, sha256, size, url,
 * fetched_at) (migration 1 -> 2 in store.c), and sets version.source of
 * the law tables (store.h) to the URL a version was fetched from.
 * Manifests, downloads and their checks are update.c's.
 *
 * Ownership: input strings are borrowed; nothing is returned to free.
 */
#ifndef PROEFTOETS_STORE_FETCH_H
#define PROEFTOETS_STORE_FETCH_H

#include "err.h"
#include "store.h"

/*
 * Whether expression `label` of law bwb was fetched with this SHA-512 and
 * the version imported from it is still in the registry.
 */
enum pt_status store_fetched_current(struct pt_store *st, const char *bwb,
                                     const char *label, const char *sha512,
                                     int *yes, struct pt_err *err);

/*
 * Record a fetch (replacing an earlier one of the same expression) and
 * make url the source of the version with this SHA-256 that was imported
 * from the temporary file tmp, in one write transaction.
 */
enum pt_status store_fetched_record(struct pt_store *st, const char *bwb,
                                    const char *label, const char *sha512,
                                    const char *sha256, unsigned long long size,
                                    const char *url, const char *tmp,
                                    struct pt_err *err);

#endif
