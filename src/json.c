/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * json.c: streaming JSON writer (see json.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

void
json_init(struct json *j, struct pt_buf *out, int pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
}

static void
newline(struct json *j)
{
	static const char spaces[] = "\n                                "
	                             "                                ";
	size_t n;

	if (!j->pretty)
		return;
	n = 1 + 2 * (size_t)(j->depth > 0 ? j->depth : 0);
	if (n > sizeof spaces - 1)
		n = sizeof spaces - 1;
	pt_buf_add(j->out, spaces, n);
}

/* Called before every value or key: comma and indentation. */
static void
before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (j->count[j->depth - 1]++ > 0)
			pt_buf_addc(j->out, ',');
		newline(j);
	}
}

static void
open(struct json *j, char c)
{
	before_value(j);
	pt_buf_addc(j->out, c);
	if (j->depth < JSON_MAX_DEPTH)
		j->count[j->depth] = 0;
	j->depth++;
}

static void
close(struct json *j, char c)
{
	int had = j->depth > 0 && j->depth <= JSON_MAX_DEPTH
	              ? j->count[j->depth - 1]
	              : 0;

	j->depth--;
	if (had)
		newline(j);
	pt_buf_addc(j->out, c);
}

void
json_begin_object(struct json *j)
{
	open(j, '{');
}
void
json_end_object(struct json *j)
{
	close(j, '}');
}
void
json_begin_array(struct json *j)
{
	open(j, '[');
}
void
json_end_array(struct json *j)
{
	close(j, ']');
}

/*
 * The length of the run of bytes from s (before end) that need no escape:
 * no control character, '"' or '\\'.  Eight bytes at a time, loaded with
 * memcpy so that alignment does not matter: the reports quote long
 * provision texts, nearly all of which need no escape.
 */
static size_t
plain_run(const unsigned char *s, const unsigned char *end)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	const unsigned char *p = s;

	while (end - p >= 8) {
		uint64_t w, quote, bslash;

		memcpy(&w, p, 8);
		quote = w ^ (ones * '"');
		bslash = w ^ (ones * '\\');
		/* Any byte below 0x20, or zero after the xor with '"' or '\\'.
		 */
		if ((((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
		     ((bslash - ones) & ~bslash)) &
		    high)
			break;
		p += 8;
	}
	while (p < end && *p >= 0x20 && *p != '"' && *p != '\\')
		p++;
	return (size_t)(p - s);
}

void
json_escape(struct pt_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + strlen(s);

	pt_buf_grow(b, (size_t)(end - p) + 2);
	pt_buf_addc(b, '"');
	for (;;) {
		size_t n = plain_run(p, end);

		pt_buf_add(b, (const char *)p, n);
		p += n;
		if (p == end)
			break;
		switch (*p) {
		case '"':
			pt_buf_adds(b, "\\\"");
			break;
		case '\\':
			pt_buf_adds(b, "\\\\");
			break;
		case '\n':
			pt_buf_adds(b, "\\n");
			break;
		case '\r':
			pt_buf_adds(b, "\\r");
			break;
		case '\t':
			pt_buf_adds(b, "\\t");
			break;
		case '\b':
			pt_buf_adds(b, "\\b");
			break;
		case '\f':
			pt_buf_adds(b, "\\f");
			break;
		default:
			pt_buf_addf(b, "\\u%04x", *p);
			break;
		}
		p++;
	}
	pt_buf_addc(b, '"');
}

void
json_key(struct json *j, const char *key)
{
	before_value(j);
	json_escape(j->out, key);
	pt_buf_adds(j->out, j->pretty ? ": " : ":");
	j->after_key = 1;
}

void
json_string(struct json *j, const char *s)
{
	before_value(j);
	if (s == NULL)
		pt_buf_adds(j->out, "null");
	else
		json_escape(j->out, s);
}

void
json_int(struct json *j, long long v)
{
	before_value(j);
	pt_buf_addf(j->out, "%lld", v);
}

void
json_bool(struct json *j, int v)
{
	before_value(j);
	pt_buf_adds(j->out, v ? "true" : "false");
}

void
json_null(struct json *j)
{
	before_value(j);
	pt_buf_adds(j->out, "null");
}

void
json_kstring(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void
json_kint(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void
json_kbool(struct json *j, const char *key, int v)
{
	json_key(j, key);
	json_bool(j, v);
}
