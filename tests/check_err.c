/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_err.c: the error record, buffers and the vocabulary.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "json.h"
#include "suites.h"
#include "vocab.h"

START_TEST(test_err_format)
{
	struct pt_err e = PT_ERR_INIT;
	char buf[256];

	ck_assert_int_eq(
	    pt_err_set(&e, PT_EINPUT, "a.xml", 3, 7, "bad %s", "thing"),
	    PT_EINPUT);
	ck_assert_str_eq(pt_err_format(&e, buf, sizeof buf),
	                 "a.xml:3:7: bad thing");
	e.col = 0;
	ck_assert_str_eq(pt_err_format(&e, buf, sizeof buf),
	                 "a.xml:3: bad thing");
	pt_err_prefix(&e, "import");
	ck_assert_str_eq(pt_err_format(&e, buf, sizeof buf),
	                 "a.xml:3: import: bad thing");
	pt_err_clear(&e);
	ck_assert_int_eq(e.code, PT_OK);
	ck_assert_str_eq(pt_err_format(&e, buf, sizeof buf), "");
}
END_TEST

/* Further errors: kept in order up to PT_ERR_MAX, then only counted. */
START_TEST(test_err_more)
{
	struct pt_err e = PT_ERR_INIT;
	char buf[256];
	int i;

	ck_assert_uint_eq(pt_err_count(&e), 0);
	ck_assert_int_eq(pt_err_add(&e, PT_EINPUT, "a.xml", 3, 0, "first"),
	                 PT_EINPUT);
	ck_assert_uint_eq(pt_err_count(&e), 1);
	ck_assert_ptr_null(e.more);
	ck_assert_str_eq(pt_err_format(&e, buf, sizeof buf), "a.xml:3: first");
	pt_err_add(&e, PT_EINPUT, "a.xml", 5, 2, "second %d", 2);
	pt_err_add(&e, PT_EIO, NULL, 0, 0, "third");
	ck_assert_int_eq(e.code, PT_EINPUT);
	ck_assert_uint_eq(e.nmore, 2);
	ck_assert_uint_eq(pt_err_count(&e), 3);
	ck_assert_str_eq(pt_err_format_more(&e, 0, buf, sizeof buf),
	                 "a.xml:5:2: second 2");
	ck_assert_str_eq(pt_err_format_more(&e, 1, buf, sizeof buf), "third");
	ck_assert_str_eq(pt_err_format_more(&e, 2, buf, sizeof buf), "");
	for (i = 3; i < PT_ERR_MAX + 5; i++)
		pt_err_add(&e, PT_EINPUT, "a.xml", i, 0, "error %d", i);
	ck_assert_uint_eq(e.nmore, PT_ERR_MAX - 1);
	ck_assert_uint_eq(e.omitted, 5);
	ck_assert_uint_eq(pt_err_count(&e), PT_ERR_MAX + 5);
	ck_assert_str_eq(
	    pt_err_format_more(&e, PT_ERR_MAX - 2, buf, sizeof buf),
	    "a.xml:19: error 19");

	/* A new error replaces them all. */
	pt_err_set(&e, PT_EDB, NULL, 0, 0, "other");
	ck_assert_ptr_null(e.more);
	ck_assert_uint_eq(e.nmore, 0);
	ck_assert_uint_eq(e.omitted, 0);
	ck_assert_uint_eq(pt_err_count(&e), 1);
	pt_err_add(&e, PT_EINPUT, "b.xml", 1, 0, "more");
	ck_assert_uint_eq(e.nmore, 1);
	pt_err_clear(&e);
	ck_assert_ptr_null(e.more);
	ck_assert_uint_eq(pt_err_count(&e), 0);
	ck_assert_int_eq(pt_err_add(NULL, PT_EINPUT, NULL, 0, 0, "x"),
	                 PT_EINPUT);
}
END_TEST

START_TEST(test_buf)
{
	struct pt_buf b = PT_BUF_INIT;
	char *s;
	int i;

	ck_assert_str_eq(b.s, "");
	for (i = 0; i < 1000; i++)
		pt_buf_addf(&b, "%d,", i);
	ck_assert(strncmp(b.s, "0,1,2,", 6) == 0);
	ck_assert_uint_eq(b.len, strlen(b.s));
	pt_buf_adds(&b, "  \n");
	pt_buf_rtrim(&b);
	ck_assert_int_eq(b.s[b.len - 1], ',');
	s = pt_buf_detach(&b);
	ck_assert_str_eq(b.s, "");
	free(s);

	/* Text longer than the room left: formatted again after growing. */
	{
		char big[5000];

		memset(big, 'x', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		pt_buf_adds(&b, "ab");
		pt_buf_addf(&b, "<%s|%d>", big, 42);
		ck_assert_uint_eq(b.len, 2 + 1 + 4999 + 4);
		ck_assert_uint_eq(strlen(b.s), b.len);
		ck_assert(strncmp(b.s, "ab<xxx", 6) == 0);
		ck_assert_str_eq(b.s + b.len - 5, "x|42>");
		pt_buf_release(&b);
	}
}
END_TEST

START_TEST(test_vocab)
{
	ck_assert_ptr_nonnull(vocab_role("regionaal-veiligheidsteam"));
	ck_assert_ptr_null(vocab_role("rvt"));
	ck_assert_ptr_nonnull(vocab_task("uitvoering-ots"));
	ck_assert_int_eq(vocab_ntasks, 20);
	ck_assert_int_eq(vocab_nroles, 12);
	ck_assert_uint_eq(vocab_gegevens_bit("melding"), GEG_MELDING);
	ck_assert_uint_eq(vocab_gegevens_bit("x"), 0);
	ck_assert_int_eq(vocab_level_parse("ministeriele-regeling"), LEVEL_MR);
	ck_assert_int_eq(vocab_level_parse("wetje"), -1);
	ck_assert(vocab_is_date("2024-02-29"));
	ck_assert(!vocab_is_date("2023-02-29"));
	ck_assert(!vocab_is_date("2026-13-01"));
	ck_assert(!vocab_is_date("2026-1-01"));
	ck_assert(vocab_is_slug("rvt-noord-2"));
	ck_assert(!vocab_is_slug("Rvt"));
	ck_assert(!vocab_is_slug(""));
}
END_TEST

START_TEST(test_json)
{
	struct pt_buf b = PT_BUF_INIT;
	struct json j;

	json_init(&j, &b, 0);
	json_begin_object(&j);
	json_kstring(&j, "a", "x\"y\\z\n\x01");
	json_key(&j, "b");
	json_begin_array(&j);
	json_int(&j, 1);
	json_bool(&j, 0);
	json_null(&j);
	json_end_array(&j);
	json_key(&j, "c");
	json_begin_array(&j);
	json_end_array(&j);
	json_end_object(&j);
	ck_assert_str_eq(
	    b.s,
	    "{\"a\":\"x\\\"y\\\\z\\n\\u0001\",\"b\":[1,false,null],\"c\":[]}");
	pt_buf_release(&b);
}
END_TEST

/* The escape one byte at a time, as JSON (RFC 8259) asks. */
static void
escape_slowly(struct pt_buf *b, const char *s)
{
	const unsigned char *p;

	pt_buf_addc(b, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			pt_buf_addc(b, '\\');
			pt_buf_addc(b, (char)*p);
		} else if (*p == '\n') {
			pt_buf_adds(b, "\\n");
		} else if (*p == '\t') {
			pt_buf_adds(b, "\\t");
		} else if (*p == '\r') {
			pt_buf_adds(b, "\\r");
		} else if (*p == '\b') {
			pt_buf_adds(b, "\\b");
		} else if (*p == '\f') {
			pt_buf_adds(b, "\\f");
		} else if (*p < 0x20) {
			pt_buf_addf(b, "\\u%04x", *p);
		} else {
			pt_buf_addc(b, (char)*p);
		}
	}
	pt_buf_addc(b, '"');
}

/* The escape works on whole words: every byte that matters, at every
 * position within and across words, at the very end, in strings of every
 * length up to three words. */
START_TEST(test_json_escape_positions)
{
	static const unsigned char odd[] = {
	    '"', '\\', '\n', '\t', 0x01, 0x1f, 0x20, '!',  '#', '[',
	    ']', 0x5b, 0x7f, 0x80, 0xa2, 0xc3, 0xff, 0x21, 0x1e};
	char s[25];
	size_t len, pos, k;

	for (len = 1; len < sizeof s; len++)
		for (pos = 0; pos < len; pos++)
			for (k = 0; k < sizeof odd; k++) {
				struct pt_buf got = PT_BUF_INIT,
				              want = PT_BUF_INIT;

				memset(s, 'a', len);
				s[len] = '\0';
				s[pos] = (char)odd[k];
				json_escape(&got, s);
				escape_slowly(&want, s);
				ck_assert_msg(
				    strcmp(got.s, want.s) == 0,
				    "byte 0x%02x at %zu of %zu: %s, want %s",
				    odd[k], pos, len, got.s, want.s);
				pt_buf_release(&got);
				pt_buf_release(&want);
			}
}
END_TEST

Suite *
suite_err(void)
{
	Suite *s = suite_create("err");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_err_format);
	tcase_add_test(tc, test_err_more);
	tcase_add_test(tc, test_buf);
	tcase_add_test(tc, test_vocab);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_json_escape_positions);
	suite_add_tcase(s, tc);
	return s;
}
