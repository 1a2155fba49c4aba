/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * strmap.h: a map from strings to indices, for the look-ups that would
 * otherwise scan a list (actor ids, finding ids): open addressing, FNV-1a.
 *
 * The map does not own its keys: each key is a string the caller keeps
 * alive (and unchanged) as long as the map, typically the id field of an
 * array element; the map stores the element's index.  Free with
 * strmap_release().
 */
#ifndef PROEFTOETS_STRMAP_H
#define PROEFTOETS_STRMAP_H

#include <stddef.h>

struct strmap {
	const char **keys; /* NULL: empty slot */
	size_t *vals;
	size_t cap, n; /* cap a power of two, or 0 */
};

#define STRMAP_INIT                                                            \
	{                                                                      \
		NULL, NULL, 0, 0                                               \
	}

/* The value of key, or -1. */
long strmap_get(const struct strmap *m, const char *key);
/* Add key -> val unless key is there: returns -1 when added, else the
 * value already held (which is kept). */
long strmap_add(struct strmap *m, const char *key, size_t val);
void strmap_release(struct strmap *m);

#endif
