/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * json.h: a small streaming JSON writer with correct string escaping.
 *
 * The writer appends to a caller-owned pt_buf and tracks commas and
 * nesting itself; output is indented by two spaces per level when pretty
 * is set.  Strings must be UTF-8; control characters, quotes and
 * backslashes are escaped, so any text from law or designs is safe.
 */
#ifndef PROEFTOETS_JSON_H
#define PROEFTOETS_JSON_H

#include "buf.h"

#define JSON_MAX_DEPTH 32

struct json {
	struct pt_buf *out;
	int pretty;
	int depth;
	int count[JSON_MAX_DEPTH]; /* members written at each level */
	int after_key;
};

void json_init(struct json *j, struct pt_buf *out, int pretty);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, long long v);
void json_bool(struct json *j, int v);
void json_null(struct json *j);
/* key + value shorthands */
void json_kstring(struct json *j, const char *key, const char *s);
void json_kint(struct json *j, const char *key, long long v);
void json_kbool(struct json *j, const char *key, int v);
/* Append s as a JSON string literal (with quotes) to b. */
void json_escape(struct pt_buf *b, const char *s);

#endif
