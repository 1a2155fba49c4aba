/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * buf.c: growable buffers and allocation helpers (see buf.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

char pt_buf_empty[1];

void
pt_buf_init(struct pt_buf *b)
{
	b->s = pt_buf_empty;
	b->len = 0;
	b->cap = 0;
}

void
pt_buf_release(struct pt_buf *b)
{
	if (b->cap)
		free(b->s);
	pt_buf_init(b);
}

char *
pt_buf_detach(struct pt_buf *b)
{
	char *s = b->cap ? b->s : xstrdup("");

	pt_buf_init(b);
	return s;
}

void
pt_buf_reset(struct pt_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->s[0] = '\0';
}

void
pt_buf_grow(struct pt_buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		abort();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0) {
		b->cap = need < 64 ? 64 : need;
		b->s = xmalloc(b->cap);
		b->s[0] = '\0';
		return;
	}
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->s = xrealloc(b->s, b->cap);
}

void
pt_buf_add(struct pt_buf *b, const char *data, size_t len)
{
	if (len == 0)
		return;
	pt_buf_grow(b, len);
	memcpy(b->s + b->len, data, len);
	b->len += len;
	b->s[b->len] = '\0';
}

void
pt_buf_adds(struct pt_buf *b, const char *s)
{
	pt_buf_add(b, s, strlen(s));
}

void
pt_buf_addc(struct pt_buf *b, char c)
{
	pt_buf_add(b, &c, 1);
}

void
pt_buf_vaddf(struct pt_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	/* Format once into the room there is; again only when it is short. */
	pt_buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		abort();
	if ((size_t)n >= b->cap - b->len) {
		pt_buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
pt_buf_addf(struct pt_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pt_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
pt_buf_rtrim(struct pt_buf *b)
{
	while (b->len > 0 && strchr(" \t\r\n", b->s[b->len - 1]) != NULL)
		b->len--;
	if (b->cap)
		b->s[b->len] = '\0';
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		abort();
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		abort();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrdup0(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct pt_buf b = PT_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	pt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return pt_buf_detach(&b);
}
