/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * review.c: review decisions on findings and their append-only audit log
 * (see review.h): statuses and what a decision must hold.  The log's SQL
 * is in store_review.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "review.h"
#include "store_review.h"

static const char *const status_names[REVIEW_NSTATUS] = {
    "open", "confirmed", "rejected", "mitigated", "needs-amendment"};

const char *
review_status_name(enum review_status s)
{
	if ((int)s < 0 || s >= REVIEW_NSTATUS)
		return NULL;
	return status_names[s];
}

const char *
review_status_label(const char *s)
{
	static const char *const map[][2] = {
	    {"open", "open"},
	    {"confirmed", "bevestigd"},
	    {"rejected", "verworpen"},
	    {"mitigated", "ondervangen"},
	    {"needs-amendment", "wetswijziging nodig"},
	    {REVIEW_RESOLVED, "opgelost"},
	};
	size_t i;

	for (i = 0; s != NULL && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], s) == 0)
			return map[i][1];
	return s != NULL ? s : "open";
}

int
review_status_parse(const char *s)
{
	int i;

	for (i = 0; i < REVIEW_NSTATUS; i++)
		if (strcmp(s, status_names[i]) == 0)
			return i;
	return -1;
}

int
review_status_filter_ok(const char *s)
{
	return review_status_parse(s) >= 0 || strcmp(s, REVIEW_RESOLVED) == 0;
}

const char *
review_count_name(int i)
{
	if (i == REVIEW_NSTATUS)
		return REVIEW_RESOLVED;
	return review_status_name((enum review_status)i);
}

/* --- helpers ---------------------------------------------------------------
 */

/* Whether s is well-formed UTF-8 (no overlong forms, no surrogates). */
static int
utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p, min;
		int k, i;

		if (c < 0x80) {
			p++;
			continue;
		}
		if ((c & 0xe0) == 0xc0) {
			k = 1;
			c &= 0x1f;
			min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2;
			c &= 0x0f;
			min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3;
			c &= 0x07;
			min = 0x10000;
		} else {
			return 0;
		}
		for (i = 1; i <= k; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (p[i] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0;
		p += k + 1;
	}
	return 1;
}

/* Whether s has something besides white space. */
static int
blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s; s++)
		if (strchr(" \t\n\r\f\v", *s) == NULL)
			return 0;
	return 1;
}

static enum pt_status
unknown_finding(const char *id, struct pt_err *err)
{
	return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
	                  "unknown finding '%s': no saved proeftuin has it "
	                  "(save the design with 'proeftoets check --save' or "
	                  "'proeftoets proeftuin add')",
	                  id);
}

void
review_entry_release(struct review_entry *e)
{
	free(e->finding_id);
	free(e->at);
	free(e->by);
	free(e->old_status);
	free(e->new_status);
	free(e->note);
	free(e->proeftuin);
	memset(e, 0, sizeof *e);
}

/* --- writing ---------------------------------------------------------------
 */

size_t
review_text_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static enum pt_status
set_decision(struct pt_store *st, const char *finding_id,
             enum review_status status, const char *by, const char *note,
             int *resolved, struct review_entry *out, struct pt_err *err)
{
	enum pt_status rc;
	int known, gone = 0;

	if (out)
		memset(out, 0, sizeof *out);
	if (review_status_name(status) == NULL)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "unknown review status %d", (int)status);
	if (blank(by))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "a decision needs the name of the reviewer");
	if (!utf8_ok(by))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "the reviewer's name is not valid UTF-8");
	if (note != NULL && *note == '\0')
		note = NULL;
	if (note != NULL && !utf8_ok(note))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "the note is not valid UTF-8");
	if (note != NULL && review_text_chars(note) > REVIEW_NOTE_MAX)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "the note is longer than %d characters",
		                  REVIEW_NOTE_MAX);
	if (status == REVIEW_REJECTED && blank(note))
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "status 'rejected' needs a note saying why "
		                  "the finding is not a barrier");
	rc = store_review_append(st, finding_id, status_names[REVIEW_OPEN],
	                         status_names[status], by, note, 1, &known,
	                         &gone, out, err);
	if (rc != PT_OK)
		return rc;
	if (!known)
		return unknown_finding(finding_id, err);
	if (resolved != NULL)
		*resolved = gone;
	else if (gone)
		return pt_err_set(err, PT_ENOTFOUND, NULL, 0, 0,
		                  "finding %s is resolved: the latest saved "
		                  "version of its proeftuin no longer produces "
		                  "it; no decision was recorded",
		                  finding_id);
	return PT_OK;
}

enum pt_status
review_set(struct pt_store *st, const char *finding_id,
           enum review_status status, const char *by, const char *note,
           struct review_entry *out, struct pt_err *err)
{
	return set_decision(st, finding_id, status, by, note, NULL, out, err);
}

enum pt_status
review_set_current(struct pt_store *st, const char *finding_id,
                   enum review_status status, const char *by, const char *note,
                   int *resolved, struct review_entry *out, struct pt_err *err)
{
	*resolved = 0;
	return set_decision(st, finding_id, status, by, note, resolved, out,
	                    err);
}

/* --- reading ---------------------------------------------------------------
 */

enum pt_status
review_log(struct pt_store *st, const char *finding_id,
           struct review_entry **entries, size_t *n, struct pt_err *err)
{
	int known;

	*entries = NULL;
	*n = 0;
	if (store_review_known(st, finding_id, &known, err))
		return PT_EDB;
	if (!known)
		return unknown_finding(finding_id, err);
	return store_review_entries(st, finding_id, entries, n, err);
}

enum pt_status
review_log_page(struct pt_store *st, const struct review_log_query *q,
                struct review_entry **entries, size_t *n, long long *total,
                struct pt_err *err)
{
	*entries = NULL;
	*n = 0;
	*total = 0;
	if (q->limit <= 0 || q->offset < 0)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "bad page of the review log (limit %ld, "
		                  "offset %ld)",
		                  q->limit, q->offset);
	return store_review_page(st, q, entries, n, total, err);
}

void
review_log_free(struct review_entry *entries, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		review_entry_release(&entries[i]);
	free(entries);
}

static void
item_release(struct review_item *it)
{
	free(it->id);
	free(it->proeftuin);
	free(it->rule);
	free(it->kind);
	free(it->severity);
	free(it->title);
	free(it->status);
	free(it->decision);
	free(it->by);
	free(it->at);
	free(it->note);
}

/*
 * The findings of one proeftuin, one finding or all (NULL, NULL), with
 * their current status; only those whose status is `status` unless NULL.
 */
static enum pt_status
list_query(struct pt_store *st, const char *proeftuin, const char *id,
           const char *status, struct review_item **items, size_t *n,
           struct pt_err *err)
{
	struct review_item *v;
	size_t all, i, k = 0;

	*items = NULL;
	*n = 0;
	if (store_review_items(st, proeftuin, id, &v, &all, err))
		return PT_EDB;
	for (i = 0; i < all; i++) {
		struct review_item *it = &v[i];

		if (it->decision == NULL)
			it->decision = xstrdup("open");
		it->status =
		    xstrdup(it->resolved ? REVIEW_RESOLVED : it->decision);
		if (status != NULL && strcmp(status, it->status) != 0) {
			item_release(it);
			continue;
		}
		v[k++] = *it;
	}
	if (k == 0) {
		free(v);
		v = NULL;
	}
	*items = v;
	*n = k;
	return PT_OK;
}

enum pt_status
review_list(struct pt_store *st, const char *proeftuin, const char *status,
            struct review_item **items, size_t *n, struct pt_err *err)
{
	return list_query(st, proeftuin, NULL, status, items, n, err);
}

enum pt_status
review_get(struct pt_store *st, const char *finding_id,
           struct review_item **item, struct pt_err *err)
{
	size_t n;

	*item = NULL;
	if (list_query(st, NULL, finding_id, NULL, item, &n, err))
		return PT_EDB;
	if (n == 0)
		return unknown_finding(finding_id, err);
	return PT_OK;
}

void
review_list_free(struct review_item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		item_release(&items[i]);
	free(items);
}

enum pt_status
review_counts(struct pt_store *st, const char *proeftuin,
              long counts[REVIEW_NCOUNTS], struct pt_err *err)
{
	struct review_item *items;
	size_t n, i;
	int k;

	for (k = 0; k < REVIEW_NCOUNTS; k++)
		counts[k] = 0;
	if (review_list(st, proeftuin, NULL, &items, &n, err))
		return PT_EDB;
	for (i = 0; i < n; i++) {
		k = items[i].resolved ? REVIEW_NSTATUS
		                      : review_status_parse(items[i].status);
		if (k >= 0)
			counts[k]++;
	}
	review_list_free(items, n);
	return PT_OK;
}
