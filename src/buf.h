/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * buf.h: growable NUL-terminated byte buffers and allocation helpers.
 *
 * struct pt_buf owns its bytes.  After PT_BUF_INIT or pt_buf_init(), `s` is
 * never NULL and always NUL-terminated, so it can be read as a C string.
 * pt_buf_release() frees the bytes and re-initialises the buffer;
 * pt_buf_detach() hands the bytes to the caller (free() them) and
 * re-initialises the buffer.
 *
 * Allocation failure: the x* helpers and every pt_buf function call abort()
 * when memory runs out.  That is the one case in which the library stops the
 * process; every other failure is returned as a status (see err.h).
 */
#ifndef PROEFTOETS_BUF_H
#define PROEFTOETS_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "err.h"

struct pt_buf {
	char *s;
	size_t len;
	size_t cap;
};

extern char pt_buf_empty[];
#define PT_BUF_INIT                                                            \
	{                                                                      \
		pt_buf_empty, 0, 0                                             \
	}

void pt_buf_init(struct pt_buf *b);
void pt_buf_release(struct pt_buf *b);
char *pt_buf_detach(struct pt_buf *b);
void pt_buf_reset(struct pt_buf *b); /* len = 0, keeps memory */
void pt_buf_grow(struct pt_buf *b, size_t extra);
void pt_buf_add(struct pt_buf *b, const char *data, size_t len);
void pt_buf_adds(struct pt_buf *b, const char *s);
void pt_buf_addc(struct pt_buf *b, char c);
void pt_buf_addf(struct pt_buf *b, const char *fmt, ...) PT_PRINTF(2, 3);
void pt_buf_vaddf(struct pt_buf *b, const char *fmt, va_list ap);
/* Remove trailing spaces, tabs and newlines. */
void pt_buf_rtrim(struct pt_buf *b);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* xstrdup that passes NULL through. */
char *xstrdup0(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PT_PRINTF(1, 2);

/* Append one element to a dynamic array (*arr, *n), growing it. */
#define PT_ARRAY_PUSH(arr, n, cap)                                             \
	do {                                                                   \
		if ((n) == (cap)) {                                            \
			(cap) = (cap) ? 2 * (cap) : 8;                         \
			(arr) = xreallocarray((arr), (cap), sizeof *(arr));    \
		}                                                              \
		(n)++;                                                         \
	} while (0)

#endif
