/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * strmap.c: string -> index map.  See strmap.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strmap.h"

static size_t
hash(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* The slot holding key, or the empty one where it would go. */
static size_t
slot(const struct strmap *m, const char *key)
{
	size_t i = hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

long
strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0 || key == NULL)
		return -1;
	i = slot(m, key);
	return m->keys[i] != NULL ? (long)m->vals[i] : -1;
}

static void
grow(struct strmap *m)
{
	struct strmap old = *m;
	size_t k, i;

	m->cap = m->cap ? 2 * m->cap : 64;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	for (k = 0; k < old.cap; k++)
		if (old.keys[k] != NULL) {
			i = slot(m, old.keys[k]);
			m->keys[i] = old.keys[k];
			m->vals[i] = old.vals[k];
		}
	free(old.keys);
	free(old.vals);
}

long
strmap_add(struct strmap *m, const char *key, size_t val)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap)
		grow(m);
	i = slot(m, key);
	if (m->keys[i] != NULL)
		return (long)m->vals[i];
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return -1;
}

void
strmap_release(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}
