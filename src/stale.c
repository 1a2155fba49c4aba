/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * stale.c: find rule provisions whose law text changed after the rule was
 * written (see stale.h), and write the list of rules to re-review.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diff.h"
#include "digest.h"
#include "json.h"
#include "cite.h"
#include "stale.h"
#include "i18n.h"

static int
streq0(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether two texts have the same words (white space does not count). */
static int
same_words(const char *a, const char *b)
{
	for (;;) {
		while (is_space(*a))
			a++;
		while (is_space(*b))
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		while (*a != '\0' && !is_space(*a) && *a == *b) {
			a++;
			b++;
		}
		if ((*a == '\0' || is_space(*a)) !=
		    (*b == '\0' || is_space(*b)))
			return 0;
		if (*a != '\0' && !is_space(*a))
			return 0;
	}
}

static int
hash_is(const char *text, const char *want)
{
	char h[DIGEST_SHA256_HEX];

	digest_sha256_mem(text, strlen(text), h);
	return strcmp(h, want) == 0;
}

int
stale_marks_finding(enum stale_reason r)
{
	return r == STALE_CHANGED || r == STALE_REPEALED || r == STALE_GONE;
}

enum pt_status
stale_check(struct pt_store *st, const struct rule_provision *rp,
            const char *date, struct stale_provision *out, struct pt_err *err)
{
	struct store_provision now, base;
	int have_base = 0;
	enum pt_status rc = PT_OK;

	memset(out, 0, sizeof *out);
	memset(&base, 0, sizeof base);
	out->rp = rp;
	out->pinned = rp->getoetst_aan != NULL || rp->tekst_sha256 != NULL;
	if (!out->pinned || st == NULL)
		return PT_OK;
	/* A date before the baseline is not a later version. */
	if (date != NULL && rp->getoetst_aan != NULL &&
	    strcmp(date, rp->getoetst_aan) < 0)
		return PT_OK;
	if (store_provision_at(st, rp->bwb, rp->artikel, rp->lid, date, &now,
	                       err) != PT_OK) {
		store_provision_release(&now);
		return PT_EDB;
	}
	out->citeertitel =
	    xstrdup0(now.citeertitel ? now.citeertitel : rp->citeertitel);
	if (now.found == STORE_NO_LAW || now.found == STORE_NO_VERSION)
		goto done;
	out->new_date = xstrdup0(now.version_date);
	out->new_date_unknown = now.date_unknown;
	if (now.found == STORE_FOUND)
		out->new_text = xstrdup(now.text);
	if (rp->getoetst_aan != NULL) {
		if (store_provision_at(st, rp->bwb, rp->artikel, rp->lid,
		                       rp->getoetst_aan, &base, err) != PT_OK) {
			rc = PT_EDB;
			goto done;
		}
		if (base.found != STORE_NO_LAW &&
		    base.found != STORE_NO_VERSION) {
			out->old_date = xstrdup0(base.version_date);
			out->old_date_unknown = base.date_unknown;
			/* The same version: nothing newer to compare with. */
			if (streq0(base.version_date, now.version_date) &&
			    streq0(base.source, now.source)) {
				out->checked = 1;
				goto done;
			}
		}
		if (base.found == STORE_FOUND) {
			have_base = 1;
			out->old_text = xstrdup(base.text);
			if (rp->tekst_sha256 != NULL)
				out->hash_mismatch =
				    !hash_is(base.text, rp->tekst_sha256);
		}
	}
	if (now.found != STORE_FOUND) {
		/* Gone now; say so only when it was there to begin with. */
		if (have_base || rp->tekst_sha256 != NULL) {
			out->checked = 1;
			out->reason = STALE_GONE;
		}
		goto done;
	}
	out->checked = 1;
	if (now.status != NULL && strcmp(now.status, "vervallen") == 0)
		out->reason = STALE_REPEALED;
	else if (rp->tekst_sha256 != NULL) {
		if (!hash_is(now.text, rp->tekst_sha256))
			out->reason = STALE_CHANGED;
	} else if (have_base) {
		if (!same_words(base.text, now.text))
			out->reason = STALE_CHANGED;
	} else {
		out->checked = 0;
		out->reason = STALE_NO_BASELINE;
	}
done:
	store_provision_release(&now);
	store_provision_release(&base);
	return rc;
}

enum pt_status
stale_mark(struct pt_store *st, const struct rule_provision *rp,
           const char *date, int *stale, struct pt_err *err)
{
	struct stale_provision p;
	enum pt_status rc;
	const char *key[7];
	int marks;

	if (st == NULL ||
	    (rp->getoetst_aan == NULL && rp->tekst_sha256 == NULL))
		return PT_OK;
	/* Checking many designs asks the same again and again. */
	key[0] = "stale";
	key[1] = rp->bwb;
	key[2] = rp->artikel;
	key[3] = rp->lid;
	key[4] = rp->getoetst_aan;
	key[5] = rp->tekst_sha256;
	key[6] = date;
	if (!store_memo_get(st, key, 7, &marks)) {
		rc = stale_check(st, rp, date, &p, err);
		marks = rc == PT_OK && stale_marks_finding(p.reason);
		stale_provision_release(&p);
		if (rc != PT_OK)
			return rc;
		store_memo_put(st, key, 7, marks);
	}
	if (marks)
		*stale = 1;
	return PT_OK;
}

void
stale_provision_release(struct stale_provision *p)
{
	if (p == NULL)
		return;
	free(p->citeertitel);
	free(p->old_text);
	free(p->new_text);
	free(p->old_date);
	free(p->new_date);
	memset(p, 0, sizeof *p);
}

enum pt_status
stale_rules(struct pt_store *st, const struct ruleset *rs, const char *date,
            struct stale_report **out, struct pt_err *err)
{
	struct stale_report *rep = xcalloc(1, sizeof *rep);
	size_t i, k;

	*out = NULL;
	rep->date = date;
	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->rules[i];
		struct stale_rule sr;

		memset(&sr, 0, sizeof sr);
		sr.rule = r;
		for (k = 0; k < r->nprovisions; k++) {
			struct stale_provision p;

			rep->provisions++;
			if (stale_check(st, &r->provisions[k], date, &p, err) !=
			    PT_OK) {
				stale_provision_release(&p);
				free(sr.provisions);
				stale_report_free(rep);
				return PT_EDB;
			}
			if (!p.pinned)
				rep->unpinned++;
			else if (!p.checked && p.reason == STALE_NONE)
				rep->unchecked++;
			if (p.reason == STALE_NONE) {
				stale_provision_release(&p);
				continue;
			}
			rep->stale++;
			sr.provisions = xreallocarray(sr.provisions, sr.n + 1,
			                              sizeof *sr.provisions);
			sr.provisions[sr.n++] = p;
		}
		if (sr.n == 0)
			continue;
		rep->rules =
		    xreallocarray(rep->rules, rep->n + 1, sizeof *rep->rules);
		rep->rules[rep->n++] = sr;
	}
	*out = rep;
	return PT_OK;
}

void
stale_report_free(struct stale_report *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		for (k = 0; k < r->rules[i].n; k++)
			stale_provision_release(&r->rules[i].provisions[k]);
		free(r->rules[i].provisions);
	}
	free(r->rules);
	free(r);
}

const char *
stale_reason_name(enum stale_reason r)
{
	switch (r) {
	case STALE_NONE:
		return "none";
	case STALE_CHANGED:
		return "changed";
	case STALE_REPEALED:
		return "repealed";
	case STALE_GONE:
		return "gone";
	case STALE_NO_BASELINE:
		return "baseline-missing";
	}
	return "?";
}

const char *
stale_reason_label(enum stale_reason r)
{
	switch (r) {
	case STALE_NONE:
		return "ongewijzigd";
	case STALE_CHANGED:
		return "tekst gewijzigd";
	case STALE_REPEALED:
		return "vervallen";
	case STALE_GONE:
		return "niet (meer) in de nieuwere versie in het register";
	case STALE_NO_BASELINE:
		return "geen tekst van de getoetste versie in het register";
	}
	return "?";
}

/* "art. 2.11 lid 1 Jeugdwet (BWBR0034925)" (caller frees). */
static char *
cite(const struct stale_provision *p)
{
	struct finding_provision fp;
	char *c, *s;

	memset(&fp, 0, sizeof fp);
	fp.rp = p->rp;
	fp.citeertitel = p->citeertitel;
	c = cite_provision(&fp);
	s = xasprintf("%s (%s)", c, p->rp->bwb);
	free(c);
	return s;
}

static const char *
vdate(const char *d)
{
	return d != NULL ? d : _("of unknown date");
}

void
stale_report_text(struct pt_buf *b, const struct stale_report *r, int color)
{
	size_t i, k;

	if (r->n == 0)
		pt_buf_addf(b,
		            _("No rule rests on a provision whose text changed "
		              "(compared with %s).\n"),
		            r->date ? r->date
		                    : _("the newest versions in the registry"));
	else
		pt_buf_addf(b,
		            _("Rules to re-review: %zu (%zu provisions), "
		              "compared with %s.\n"),
		            r->n, r->stale,
		            r->date ? r->date
		                    : _("the newest versions in the registry"));
	for (i = 0; i < r->n; i++) {
		const struct stale_rule *sr = &r->rules[i];

		pt_buf_addf(b, "\n%s (%s:%ld)\n  %s\n", sr->rule->id,
		            sr->rule->file ? sr->rule->file : "?",
		            sr->rule->line,
		            sr->rule->titel ? sr->rule->titel : "");
		for (k = 0; k < sr->n; k++) {
			const struct stale_provision *p = &sr->provisions[k];
			char *c = cite(p);
			struct diff d;

			pt_buf_addf(b, "\n  %s: %s (%s)\n", c,
			            stale_reason_name(p->reason),
			            stale_reason_label(p->reason));
			free(c);
			if (p->rp->getoetst_aan != NULL)
				pt_buf_addf(
				    b,
				    _("    written against: %s (version %s)\n"),
				    p->rp->getoetst_aan,
				    p->old_date || p->old_date_unknown
				        ? vdate(p->old_date)
				        : _("not in the registry"));
			if (p->rp->tekst_sha256 != NULL)
				pt_buf_addf(
				    b,
				    _("    written against text sha256 %s%s\n"),
				    p->rp->tekst_sha256,
				    p->hash_mismatch ? _(" (not the registry's "
				                         "text of that date)")
				                     : "");
			pt_buf_addf(b, _("    now: version %s\n"),
			            vdate(p->new_date));
			if (p->old_text == NULL && p->new_text == NULL)
				continue;
			diff_words(p->old_text, p->new_text, &d);
			pt_buf_adds(b, "    ");
			if (p->old_text == NULL)
				pt_buf_adds(b, _("(no old text) "));
			else if (p->new_text == NULL)
				pt_buf_adds(b, _("(no new text) "));
			{
				struct pt_buf t = PT_BUF_INIT;
				const char *s;

				diff_plain(&t, &d, color);
				/* Indent continuation lines too. */
				for (s = t.s; *s != '\0'; s++) {
					pt_buf_addc(b, *s);
					if (*s == '\n')
						pt_buf_adds(b, "    ");
				}
				pt_buf_release(&t);
			}
			pt_buf_addc(b, '\n');
			diff_free(&d);
		}
	}
	pt_buf_addf(
	    b,
	    _("\n%zu provisions cited, %zu to re-review, %zu without "
	      "getoetst-aan or tekst-sha256, %zu not in the registry.\n"),
	    r->provisions, r->stale, r->unpinned, r->unchecked);
}

static void
json_chunks(struct json *j, const char *a, const char *b)
{
	struct diff d;
	size_t i;

	diff_words(a, b, &d);
	json_key(j, "diff");
	json_begin_array(j);
	for (i = 0; i < d.n; i++) {
		json_begin_object(j);
		json_kstring(j, "op", diff_op_name(d.chunks[i].op));
		json_kstring(j, "text", d.chunks[i].text);
		json_end_object(j);
	}
	json_end_array(j);
	diff_free(&d);
}

void
stale_report_json(struct pt_buf *b, const struct stale_report *r)
{
	struct json j;
	size_t i, k;

	json_init(&j, b, 1);
	json_begin_object(&j);
	json_kstring(&j, "date", r->date);
	json_key(&j, "summary");
	json_begin_object(&j);
	json_kint(&j, "provisions", (long long)r->provisions);
	json_kint(&j, "stale", (long long)r->stale);
	json_kint(&j, "rules", (long long)r->n);
	json_kint(&j, "unpinned", (long long)r->unpinned);
	json_kint(&j, "not_in_registry", (long long)r->unchecked);
	json_end_object(&j);
	json_key(&j, "rules");
	json_begin_array(&j);
	for (i = 0; i < r->n; i++) {
		const struct stale_rule *sr = &r->rules[i];

		json_begin_object(&j);
		json_kstring(&j, "id", sr->rule->id);
		json_kstring(&j, "title", sr->rule->titel);
		json_kstring(&j, "file", sr->rule->file);
		json_kint(&j, "line", sr->rule->line);
		json_key(&j, "provisions");
		json_begin_array(&j);
		for (k = 0; k < sr->n; k++) {
			const struct stale_provision *p = &sr->provisions[k];
			char *c = cite(p);

			json_begin_object(&j);
			json_kstring(&j, "bwb", p->rp->bwb);
			json_kstring(&j, "artikel", p->rp->artikel);
			if (p->rp->lid != NULL)
				json_kstring(&j, "lid", p->rp->lid);
			json_kstring(&j, "citation", c);
			json_kstring(&j, "reason",
			             stale_reason_name(p->reason));
			json_kstring(&j, "getoetst_aan", p->rp->getoetst_aan);
			json_kstring(&j, "tekst_sha256", p->rp->tekst_sha256);
			json_kbool(&j, "hash_mismatch", p->hash_mismatch);
			json_key(&j, "old");
			json_begin_object(&j);
			json_kstring(&j, "version_date", p->old_date);
			json_kbool(&j, "date_unknown", p->old_date_unknown);
			json_kstring(&j, "text", p->old_text);
			json_end_object(&j);
			json_key(&j, "new");
			json_begin_object(&j);
			json_kstring(&j, "version_date", p->new_date);
			json_kbool(&j, "date_unknown", p->new_date_unknown);
			json_kstring(&j, "text", p->new_text);
			json_end_object(&j);
			json_chunks(&j, p->old_text, p->new_text);
			json_end_object(&j);
			free(c);
		}
		json_end_array(&j);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	pt_buf_addc(b, '\n');
}
