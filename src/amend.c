/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * amend.c: the amendment list over the stored proeftuinen: collect, group
 * by the provision to amend, and write it as text, Markdown, CSV, JSON or
 * XLSX (see amend.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "amend.h"
#include "design.h"
#include "json.h"
#include "provenance.h"
#include "report.h"
#include "review.h"
#include "saved.h"
#include "stale.h"
#include "workbook.h"

/* The columns of the amendment list, in the order of the CSV.  Every
 * count and position below derives from this enum and its table. */
enum amend_col {
	AC_SOORT,
	AC_NIVEAU,
	AC_ERNST,
	AC_WET,
	AC_BWB,
	AC_ARTIKEL,
	AC_LID,
	AC_BEPALING,
	AC_JCI,
	AC_LINK,
	AC_TEKST,
	AC_VERSIE,
	AC_WIJZIGING,
	AC_REGELS,
	AC_PROEFTUINEN,
	AC_BEVINDINGEN,
	AC_REVIEW_STATUS,
	AC_REVIEW_NOTE,
	AC_GEMITIGEERD,
	AC_OPMERKING,
	AC_VERSIE_SHA256,
	/* The provenance of the list, the same on every row. */
	AC_GEMAAKT,
	AC_PROEFTOETS,
	AC_REGELS_SHA256,
	AC_NCOLS
};

/* A column: its CSV name, and its header, width and flags on the sheet
 * Wijzigingen (header NULL: a CSV-only column). */
struct amend_column {
	const char *csv;
	const char *head;
	double width;
	unsigned flags; /* WORKBOOK_LINK */
};

static const struct amend_column amend_columns[AC_NCOLS] = {
    [AC_SOORT] = {"soort", "Soort", 12, 0},
    [AC_NIVEAU] = {"niveau", "Niveau", 10, 0},
    [AC_ERNST] = {"ernst", "Ernst", 11, 0},
    [AC_WET] = {"wet", "Wet", 22, 0},
    [AC_BWB] = {"bwb", "BWB", 13, 0},
    [AC_ARTIKEL] = {"artikel", "Artikel", 8, 0},
    [AC_LID] = {"lid", "Lid", 5, 0},
    [AC_BEPALING] = {"bepaling", "Bepaling", 26, 0},
    [AC_JCI] = {"jci", "Juriconnect", 34, 0},
    [AC_LINK] = {"link", "wetten.overheid.nl", 30, WORKBOOK_LINK},
    [AC_TEKST] = {"tekst", "Huidige tekst", 70, 0},
    [AC_VERSIE] = {"versie", "Versie", 11, 0},
    [AC_WIJZIGING] = {"wijziging", "Wijziging", 60, 0},
    [AC_REGELS] = {"regels", "Regels", 40, 0},
    [AC_PROEFTUINEN] = {"proeftuinen", "Proeftuinen", 16, 0},
    [AC_BEVINDINGEN] = {"bevindingen", "Bevindingen", 50, 0},
    [AC_REVIEW_STATUS] = {"beoordeling", "Beoordeling", 22, 0},
    [AC_REVIEW_NOTE] = {"toelichting_beoordeling", "Toelichting beoordeling",
                        40, 0},
    [AC_GEMITIGEERD] = {"gemitigeerd", "Gemitigeerd", 40, 0},
    [AC_OPMERKING] = {"opmerking", "Opmerking", 40, 0},
    [AC_VERSIE_SHA256] = {"versie_sha256", NULL, 0, 0},
    [AC_GEMAAKT] = {"gemaakt", NULL, 0, 0},
    [AC_PROEFTOETS] = {"proeftoets", NULL, 0, 0},
    [AC_REGELS_SHA256] = {"regels_sha256", NULL, 0, 0},
};

/* The sheet Risico's: which columns of a risk's row, under what header. */
struct amend_risk_column {
	enum amend_col col;
	const char *head;
	double width;
	unsigned flags;
};

static const struct amend_risk_column risk_columns[] = {
    {AC_ERNST, "Ernst", 11, 0},
    {AC_REGELS, "Regel", 40, 0},
    {AC_WIJZIGING, "Norm", 60, 0},
    {AC_BEPALING, "Bepalingen", 40, 0},
    {AC_JCI, "Juriconnect", 40, 0},
    {AC_LINK, "wetten.overheid.nl", 30, WORKBOOK_LINK},
    {AC_PROEFTUINEN, "Proeftuinen", 16, 0},
    {AC_BEVINDINGEN, "Bevindingen", 50, 0},
    {AC_REVIEW_STATUS, "Beoordeling", 22, 0},
    {AC_REVIEW_NOTE, "Toelichting beoordeling", 40, 0},
    {AC_GEMITIGEERD, "Gemitigeerd", 40, 0},
    {AC_OPMERKING, "Opmerking", 30, 0},
};
#define NRISKCOLS (sizeof risk_columns / sizeof risk_columns[0])

const char *
amend_csv_column(size_t i)
{
	return i < AC_NCOLS ? amend_columns[i].csv : NULL;
}

/* --- collecting ------------------------------------------------------------
 */

static void
source_release(struct amend_source *s)
{
	check_result_free(s->result);
	design_free(s->design);
	free(s->id);
	free(s->naam);
	free(s->peildatum);
	free(s->saved_at);
	memset(s, 0, sizeof *s);
}

enum pt_status
amend_collect(struct pt_store *st, const struct ruleset *rs, char *const *ids,
              size_t nids, const char *today, struct amend_list **out,
              struct pt_err *err)
{
	struct saved_proeftuin *list = NULL;
	struct amend_source *src = NULL;
	size_t nlist = 0, nsrc = 0, i, k;
	enum pt_status rc;

	*out = NULL;
	if ((rc = saved_list(st, &list, &nlist, err)) != PT_OK)
		return rc;
	for (k = 0; k < nids; k++) {
		for (i = 0; i < nlist; i++)
			if (strcmp(list[i].id, ids[k]) == 0)
				break;
		if (i == nlist) {
			saved_list_free(list, nlist);
			return pt_err_set(
			    err, PT_ENOTFOUND, NULL, 0, 0,
			    "proeftuin '%s' is not saved in the registry",
			    ids[k]);
		}
	}
	src = xcalloc(nlist ? nlist : 1, sizeof *src);
	for (i = 0; i < nlist; i++) {
		struct amend_source *s;
		char *xml = NULL, *name;
		size_t len = 0;

		if (nids > 0) {
			for (k = 0; k < nids; k++)
				if (strcmp(list[i].id, ids[k]) == 0)
					break;
			if (k == nids)
				continue;
		}
		s = &src[nsrc++];
		s->id = xstrdup(list[i].id);
		s->naam = xstrdup0(list[i].naam);
		s->peildatum = xstrdup0(list[i].peildatum);
		s->saved_at = xstrdup0(list[i].saved_at);
		s->versions = list[i].versions;
		rc = saved_latest_design(st, s->id, &xml, &len, err);
		if (rc == PT_OK) {
			name = xasprintf("proeftuin %s (saved)", s->id);
			rc = design_load_memory(xml, len, name, today,
			                        &s->design, err);
			free(name);
		}
		free(xml);
		if (rc == PT_OK)
			rc = check_run(s->design, rs, st, &s->result, err);
		if (rc == PT_OK)
			rc = saved_review_apply(st, s->result, err);
		if (rc != PT_OK) {
			for (k = 0; k < nsrc; k++)
				source_release(&src[k]);
			free(src);
			saved_list_free(list, nlist);
			return rc;
		}
	}
	saved_list_free(list, nlist);
	rc = amend_build(st, src, nsrc, today, out, err);
	free(src);
	return rc;
}

static int
streq0(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
same_key(const struct finding_provision *a, const struct finding_provision *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return streq0(a->rp->bwb, b->rp->bwb) &&
	       streq0(a->rp->artikel, b->rp->artikel) &&
	       streq0(a->rp->lid, b->rp->lid);
}

static void
add_id(char ***list, size_t *n, const char *id)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], id) == 0)
			return;
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrdup(id);
}

static void
add_ref(struct amend_ref **refs, size_t *n, const struct amend_source *s,
        const struct finding *f)
{
	*refs = xreallocarray(*refs, *n + 1, sizeof **refs);
	(*refs)[*n].src = s;
	(*refs)[*n].f = f;
	(*n)++;
}

/* Where a finding goes: 0 kept, 1 mitigated, 2 rejected. */
static int
classify(const struct finding *f)
{
	const char *s = report_review_status(f);

	if (strcmp(s, "rejected") == 0)
		return 2;
	if (strcmp(s, "mitigated") == 0)
		return 1;
	return 0;
}

static void
item_add(struct amend_list *l, struct amend_item *it,
         const struct amend_source *s, const struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;
	int cls = classify(f);

	if (cls == 2) {
		it->nrejected++;
		l->nrejected++;
		return;
	}
	if (cls == 1) {
		add_ref(&it->mitigated, &it->nmitigated, s, f);
		l->nmitigated++;
	} else {
		add_ref(&it->findings, &it->nfindings, s, f);
		l->nfindings++;
	}
	add_id(&it->proeftuinen, &it->nproeftuinen, s->id);
	for (i = 0; i < it->nrules; i++)
		if (it->rules[i] == r)
			break;
	if (i == it->nrules) {
		it->rules =
		    xreallocarray(it->rules, it->nrules + 1, sizeof *it->rules);
		it->rules[it->nrules++] = r;
	}
	if (f->wijziging != NULL) {
		for (i = 0; i < it->nwijzigingen; i++)
			if (strcmp(it->wijzigingen[i], f->wijziging) == 0)
				break;
		if (i == it->nwijzigingen) {
			it->wijzigingen =
			    xreallocarray(it->wijzigingen, it->nwijzigingen + 1,
			                  sizeof *it->wijzigingen);
			it->wijzigingen[it->nwijzigingen++] = f->wijziging;
		}
	}
}

/* Level and severity over the findings that need the item. */
static void
item_finish(struct amend_item *it)
{
	const struct amend_ref *refs;
	size_t n, i;

	it->needed = it->nfindings > 0;
	refs = it->needed ? it->findings : it->mitigated;
	n = it->needed ? it->nfindings : it->nmitigated;
	it->level = LEVEL_GEEN;
	it->severity = SEV_LOW;
	for (i = 0; i < n; i++) {
		if (refs[i].f->level < it->level)
			it->level = refs[i].f->level;
		if (refs[i].f->severity < it->severity)
			it->severity = refs[i].f->severity;
	}
}

/* Quote the current text of the item's provision. */
static enum pt_status
item_quote(struct pt_store *st, struct amend_item *it, const char *today,
           struct pt_err *err)
{
	const struct rule_provision *rp;
	struct finding_provision fp;
	struct store_provision p;
	size_t i;

	if (it->key == NULL) {
		it->citation = xstrdup("(geen bepaling genoemd)");
		return PT_OK;
	}
	rp = it->key->rp;
	memset(&fp, 0, sizeof fp);
	fp.rp = rp;
	fp.citeertitel = it->key->citeertitel;
	it->jci =
	    store_jci_part(rp->bwb, rp->artikel, rp->lid, rp->onderdeel, today);
	it->url = store_url(rp->bwb, rp->artikel, today);
	if (st == NULL) {
		it->citeertitel =
		    xstrdup0(it->key->citeertitel ? it->key->citeertitel
		                                  : rp->citeertitel);
		it->missing = xstrdup("er is geen register gebruikt");
		it->citation = cite_provision(&fp);
		return PT_OK;
	}
	if (store_provision_at(st, rp->bwb, rp->artikel, rp->lid, today, &p,
	                       err) != PT_OK) {
		store_provision_release(&p);
		return PT_EDB;
	}
	it->citeertitel =
	    xstrdup0(p.citeertitel ? p.citeertitel : rp->citeertitel);
	fp.citeertitel = it->citeertitel;
	it->citation = cite_provision(&fp);
	it->version_date = xstrdup0(p.version_date);
	it->version_sha256 = xstrdup0(p.sha256);
	it->date_unknown = p.date_unknown;
	if (p.found == STORE_FOUND) {
		char *own = store_jci_own(p.jci, rp->artikel, rp->lid,
		                          rp->onderdeel, today);

		if (own != NULL) { /* the file's own form */
			free(it->jci);
			it->jci = own;
		}
		it->in_registry = 1;
		it->text = p.text;
		p.text = NULL;
	} else
		it->missing = cite_missing(&p, rp, today);
	store_provision_release(&p);
	/* Any rule of the item written against an older text. */
	for (i = 0; i < it->nfindings + it->nmitigated; i++) {
		const struct finding *f =
		    i < it->nfindings ? it->findings[i].f
		                      : it->mitigated[i - it->nfindings].f;

		if (f->nprovisions == 0)
			continue;
		if (stale_mark(st, f->provisions[0].rp, today, &it->stale,
		               err) != PT_OK)
			return PT_EDB;
	}
	return PT_OK;
}

static void
risk_add(struct amend_list *l, const struct amend_source *s,
         const struct finding *f)
{
	struct amend_risk *rk;
	size_t i;
	int cls = classify(f);

	for (i = 0; i < l->nrisks; i++)
		if (l->risks[i].rule == f->rule)
			break;
	if (i == l->nrisks) {
		l->risks =
		    xreallocarray(l->risks, l->nrisks + 1, sizeof *l->risks);
		rk = &l->risks[l->nrisks++];
		memset(rk, 0, sizeof *rk);
		rk->rule = f->rule;
		rk->first = f;
	}
	rk = &l->risks[i];
	if (cls == 2) {
		rk->nrejected++;
		l->nrejected++;
		return;
	}
	if (cls == 1) {
		add_ref(&rk->mitigated, &rk->nmitigated, s, f);
		l->nmitigated++;
	} else {
		add_ref(&rk->findings, &rk->nfindings, s, f);
		l->nfindings++;
	}
	add_id(&rk->proeftuinen, &rk->nproeftuinen, s->id);
}

static int
item_cmp(const struct amend_item *a, const struct amend_item *b)
{
	if (a->needed != b->needed)
		return a->needed ? -1 : 1;
	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	return 0;
}

static int
risk_cmp(const struct amend_risk *a, const struct amend_risk *b)
{
	int an = a->nfindings > 0, bn = b->nfindings > 0;

	if (an != bn)
		return an ? -1 : 1;
	if (a->rule->severity != b->rule->severity)
		return a->rule->severity < b->rule->severity ? -1 : 1;
	return 0;
}

/* Stable insertion sorts: the lists are short. */
static void
sort_items(struct amend_item *v, size_t n)
{
	size_t i, j;
	struct amend_item t;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && item_cmp(&t, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

static void
sort_risks(struct amend_risk *v, size_t n)
{
	size_t i, j;
	struct amend_risk t;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && risk_cmp(&t, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

enum pt_status
amend_build(struct pt_store *st, struct amend_source *src, size_t n,
            const char *today, struct amend_list **out, struct pt_err *err)
{
	struct amend_list *l = xcalloc(1, sizeof *l);
	size_t i, g, k, m, ng;

	*out = NULL;
	l->today = xstrdup(today);
	l->sources = xcalloc(n ? n : 1, sizeof *l->sources);
	l->nsources = n;
	for (i = 0; i < n; i++) {
		l->sources[i] = src[i];
		memset(&src[i], 0, sizeof src[i]);
	}
	for (i = 0; i < n; i++) {
		const struct amend_source *s = &l->sources[i];
		struct report_group *groups;

		if (s->result == NULL)
			continue;
		report_groups(s->result, &groups, &ng);
		for (g = 0; g < ng; g++) {
			struct amend_item *it = NULL;

			for (k = 0; k < l->nitems; k++)
				if (same_key(l->items[k].key, groups[g].key))
					it = &l->items[k];
			if (it == NULL) {
				l->items = xreallocarray(
				    l->items, l->nitems + 1, sizeof *l->items);
				it = &l->items[l->nitems++];
				memset(it, 0, sizeof *it);
				it->key = groups[g].key;
			}
			for (m = 0; m < groups[g].nfindings; m++)
				item_add(l, it, s, groups[g].findings[m]);
		}
		report_groups_free(groups, ng);
		for (k = 0; k < s->result->nfindings; k++)
			if (s->result->findings[k].rule->kind == RULE_RISK)
				risk_add(l, s, &s->result->findings[k]);
	}
	/* Items whose findings were all rejected need nothing. */
	for (i = k = 0; i < l->nitems; i++) {
		struct amend_item *it = &l->items[i];

		if (it->nfindings == 0 && it->nmitigated == 0) {
			free(it->proeftuinen);
			free(it->rules);
			free(it->wijzigingen);
			continue;
		}
		l->items[k++] = *it;
	}
	l->nitems = k;
	for (i = 0; i < l->nitems; i++) {
		item_finish(&l->items[i]);
		if (item_quote(st, &l->items[i], today, err) != PT_OK) {
			amend_free(l);
			return PT_EDB;
		}
	}
	for (i = k = 0; i < l->nrisks; i++) {
		struct amend_risk *rk = &l->risks[i];

		if (rk->nfindings == 0 && rk->nmitigated == 0)
			continue;
		l->risks[k++] = *rk;
	}
	l->nrisks = k;
	sort_items(l->items, l->nitems);
	sort_risks(l->risks, l->nrisks);
	*out = l;
	return PT_OK;
}

static void
free_ids(char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

void
amend_free(struct amend_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nitems; i++) {
		struct amend_item *it = &l->items[i];

		free(it->citation);
		free(it->citeertitel);
		free(it->jci);
		free(it->url);
		free(it->text);
		free(it->version_date);
		free(it->version_sha256);
		free(it->missing);
		free(it->wijzigingen);
		free(it->rules);
		free(it->findings);
		free(it->mitigated);
		free_ids(it->proeftuinen, it->nproeftuinen);
	}
	free(l->items);
	for (i = 0; i < l->nrisks; i++) {
		free(l->risks[i].findings);
		free(l->risks[i].mitigated);
		free_ids(l->risks[i].proeftuinen, l->risks[i].nproeftuinen);
	}
	free(l->risks);
	for (i = 0; i < l->nsources; i++)
		source_release(&l->sources[i]);
	free(l->sources);
	free(l->today);
	free(l);
}

/* --- shared pieces of the writers ----------------------------------------- */

size_t
amend_count_needed(const struct amend_list *l, int needed)
{
	size_t i, n = 0;

	for (i = 0; i < l->nitems; i++)
		if (l->items[i].needed == needed)
			n++;
	return n;
}
/* "bevestigd: 2; open: 1" over the kept findings (caller frees). */
/* "confirmed: 2; open: 1" over the kept findings (caller frees). */
static char *
status_counts(const struct amend_ref *refs, size_t n)
{
	static const char *const names[] = {"needs-amendment", "confirmed",
	                                    "open", "mitigated"};
	struct pt_buf b = PT_BUF_INIT;
	size_t i, k, c;

	for (k = 0; k < 4; k++) {
		for (i = c = 0; i < n; i++)
			if (strcmp(report_review_status(refs[i].f), names[k]) ==
			    0)
				c++;
		if (c > 0)
			pt_buf_addf(&b, "%s%s: %zu", b.len ? "; " : "",
			            review_status_label(names[k]), c);
	}
	/* Any other status, as it was recorded. */
	for (i = 0; i < n; i++) {
		const char *s = report_review_status(refs[i].f);

		for (k = 0; k < 4; k++)
			if (strcmp(s, names[k]) == 0)
				break;
		if (k == 4)
			pt_buf_addf(&b, "%s%s: 1", b.len ? "; " : "",
			            review_status_label(s));
	}
	return pt_buf_detach(&b);
}

/* Findings one per line: "id (status)" (caller frees). */
static char *
ref_lines(const struct amend_ref *refs, size_t n)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		pt_buf_addf(&b, "%s%s (%s)", i ? "\n" : "", refs[i].f->id,
		            report_review_label(refs[i].f));
	return pt_buf_detach(&b);
}

/* The review notes of the findings of a and b, one per line: "id: note"
 * (caller frees). */
static char *
note_lines(const struct amend_ref *a, size_t na, const struct amend_ref *b,
           size_t nb)
{
	struct pt_buf out = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < na + nb; i++) {
		const struct finding *f = i < na ? a[i].f : b[i - na].f;

		if (f->review_note != NULL && *f->review_note != '\0')
			pt_buf_addf(&out, "%s%s: %s", out.len ? "\n" : "",
			            f->id, f->review_note);
	}
	return pt_buf_detach(&out);
}

static char *
join_ids(char *const *ids, size_t n)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		pt_buf_addf(&b, "%s%s", i ? "; " : "", ids[i]);
	return pt_buf_detach(&b);
}

static char *
rule_lines(const struct rule *const *rules, size_t n)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		pt_buf_addf(&b, "%s%s: %s", i ? "\n" : "", rules[i]->id,
		            rules[i]->titel ? rules[i]->titel : "");
	return pt_buf_detach(&b);
}

char *
amend_item_notes(const struct amend_item *it)
{
	struct pt_buf b = PT_BUF_INIT;

	if (it->key != NULL && !it->in_registry)
		pt_buf_addf(&b, "niet in het register: %s\n",
		            it->missing ? it->missing : "onbekend waarom");
	else if (it->key != NULL && it->date_unknown)
		pt_buf_adds(&b,
		            "de datum van de geciteerde versie is onbekend\n");
	if (it->stale)
		pt_buf_adds(&b, "de tekst is gewijzigd sinds de regel is "
		                "geschreven; controleer de regel\n");
	if (it->nrejected > 0)
		pt_buf_addf(&b, "%zu afgewezen bevinding%s weggelaten\n",
		            it->nrejected, it->nrejected == 1 ? "" : "en");
	pt_buf_rtrim(&b);
	return pt_buf_detach(&b);
}

void
amend_citeerstijl(struct amend_list *l, enum cite_style style)
{
	size_t i;

	for (i = 0; i < l->nsources; i++)
		cite_style_result(l->sources[i].result, style);
	for (i = 0; i < l->nitems; i++) {
		struct amend_item *it = &l->items[i];
		struct finding_provision fp;

		if (it->key == NULL)
			continue;
		memset(&fp, 0, sizeof fp);
		fp.rp = it->key->rp;
		fp.citeertitel = it->citeertitel;
		free(it->citation);
		it->citation = cite_provision_as(&fp, style);
		it->citeerstijl = (int)style;
	}
}

char *
amend_risk_citations(const struct amend_risk *rk, const char *sep, int jci)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < rk->first->nprovisions; i++) {
		const struct finding_provision *p = &rk->first->provisions[i];

		if (jci) {
			pt_buf_addf(&b, "%s%s", i ? sep : "",
			            p->jci ? p->jci : "");
		} else {
			char *c = cite_provision(p);

			pt_buf_addf(&b, "%s%s", i ? sep : "", c);
			free(c);
		}
	}
	return pt_buf_detach(&b);
}

static char *
join_texts(const char *const *v, size_t n, const char *sep)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		pt_buf_addf(&b, "%s%s", i ? sep : "", v[i]);
	return pt_buf_detach(&b);
}

/* The columns of amend_csv_columns for an item (each caller-freed). */
static void
item_row(const struct amend_item *it, char *col[AC_NCOLS])
{
	const struct rule_provision *rp = it->key ? it->key->rp : NULL;

	col[AC_SOORT] = xstrdup(it->needed ? "wijziging" : "gemitigeerd");
	col[AC_NIVEAU] = xstrdup(vocab_level_name(it->level));
	col[AC_ERNST] = xstrdup(report_severity_label(it->severity));
	col[AC_WET] = xstrdup0(it->citeertitel);
	col[AC_BWB] = xstrdup0(rp ? rp->bwb : NULL);
	col[AC_ARTIKEL] = xstrdup0(rp ? rp->artikel : NULL);
	col[AC_LID] = xstrdup0(rp ? rp->lid : NULL);
	col[AC_BEPALING] = xstrdup0(it->citation);
	col[AC_JCI] = xstrdup0(it->jci);
	col[AC_LINK] = xstrdup0(it->url);
	col[AC_TEKST] = xstrdup0(it->text);
	col[AC_VERSIE] = xstrdup0(it->version_date  ? it->version_date
	                          : it->in_registry ? "onbekend"
	                                            : NULL);
	col[AC_WIJZIGING] =
	    join_texts(it->wijzigingen, it->nwijzigingen, "\n\n");
	col[AC_REGELS] = rule_lines(it->rules, it->nrules);
	col[AC_PROEFTUINEN] = join_ids(it->proeftuinen, it->nproeftuinen);
	col[AC_BEVINDINGEN] = ref_lines(it->findings, it->nfindings);
	col[AC_REVIEW_STATUS] =
	    status_counts(it->needed ? it->findings : it->mitigated,
	                  it->needed ? it->nfindings : it->nmitigated);
	col[AC_REVIEW_NOTE] = note_lines(it->findings, it->nfindings,
	                                 it->mitigated, it->nmitigated);
	col[AC_GEMITIGEERD] = ref_lines(it->mitigated, it->nmitigated);
	col[AC_OPMERKING] = amend_item_notes(it);
	col[AC_VERSIE_SHA256] = xstrdup0(it->version_sha256);
	col[AC_GEMAAKT] = col[AC_PROEFTOETS] = col[AC_REGELS_SHA256] = NULL;
}

static void
risk_row(const struct amend_risk *rk, char *col[AC_NCOLS])
{
	const struct rule *r = rk->rule;
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; i < AC_NCOLS; i++)
		col[i] = NULL;
	col[AC_SOORT] =
	    xstrdup(rk->nfindings > 0 ? "risico" : "risico-gemitigeerd");
	col[AC_ERNST] = xstrdup(report_severity_label(r->severity));
	col[AC_BEPALING] = amend_risk_citations(rk, "\n", 0);
	col[AC_JCI] = amend_risk_citations(rk, "\n", 1);
	/* The link of the first provision: a cell holds one. */
	if (rk->first->nprovisions > 0)
		col[AC_LINK] = xstrdup0(rk->first->provisions[0].url);
	col[AC_WIJZIGING] = xstrdup0(r->norm);
	col[AC_REGELS] = rule_lines(&r, 1);
	col[AC_PROEFTUINEN] = join_ids(rk->proeftuinen, rk->nproeftuinen);
	col[AC_BEVINDINGEN] = ref_lines(rk->findings, rk->nfindings);
	col[AC_REVIEW_STATUS] =
	    status_counts(rk->nfindings ? rk->findings : rk->mitigated,
	                  rk->nfindings ? rk->nfindings : rk->nmitigated);
	col[AC_REVIEW_NOTE] = note_lines(rk->findings, rk->nfindings,
	                                 rk->mitigated, rk->nmitigated);
	col[AC_GEMITIGEERD] = ref_lines(rk->mitigated, rk->nmitigated);
	if (rk->nrejected > 0)
		pt_buf_addf(&b, "%zu afgewezen bevinding%s weggelaten",
		            rk->nrejected, rk->nrejected == 1 ? "" : "en");
	col[AC_OPMERKING] = pt_buf_detach(&b);
}

static void
row_free(char *col[AC_NCOLS])
{
	size_t i;

	for (i = 0; i < AC_NCOLS; i++)
		free(col[i]);
}

/* Add s with every line after the first indented by ind. */
static void
add_indented(struct pt_buf *b, const char *s, const char *ind)
{
	for (; s != NULL && *s != '\0'; s++) {
		pt_buf_addc(b, *s);
		if (*s == '\n' && s[1] != '\0')
			pt_buf_adds(b, ind);
	}
}

static const char *
source_naam(const struct amend_source *s)
{
	if (s->design != NULL && s->design->naam != NULL)
		return s->design->naam;
	return s->naam;
}

/* --- text -------------------------------------------------------------------
 */

static void
text_refs(struct pt_buf *b, const char *head, const struct amend_ref *refs,
          size_t n)
{
	size_t i;

	if (n == 0)
		return;
	pt_buf_addf(b, "   %s\n", head);
	for (i = 0; i < n; i++) {
		const struct finding *f = refs[i].f;

		pt_buf_addf(b, "     - [%s] %s\n       %s\n",
		            report_review_label(f), f->id,
		            f->rule->titel ? f->rule->titel : "");
		if (f->review_note != NULL && *f->review_note != '\0') {
			pt_buf_adds(b, "       opmerking: ");
			add_indented(b, f->review_note, "       ");
			pt_buf_addc(b, '\n');
		}
	}
}

static void
text_summary(struct pt_buf *b, const struct amend_list *l)
{
	size_t i, lv, c;

	pt_buf_addf(b, "Samenvatting: %zu bepaling%s te wijzigen",
	            amend_count_needed(l, 1),
	            amend_count_needed(l, 1) == 1 ? "" : "en");
	for (lv = 0, c = 0; lv < VOCAB_NLEVELS; lv++, c = 0) {
		for (i = 0; i < l->nitems; i++)
			if (l->items[i].needed && l->items[i].level == lv)
				c++;
		if (c > 0)
			pt_buf_addf(b, "; %s: %zu", vocab_level_name(lv), c);
	}
	pt_buf_addf(b,
	            ". %zu gemitigeerd, %zu risico%s. "
	            "Afgewezen bevindingen weggelaten: %zu.\n",
	            amend_count_needed(l, 0), l->nrisks,
	            l->nrisks == 1 ? "" : "'s", l->nrejected);
}

static void
text_item(struct pt_buf *b, const struct amend_item *it, size_t nr)
{
	char *notes = amend_item_notes(it);
	size_t i;

	pt_buf_addf(b, "\n%zu. %s\n", nr, it->citation);
	pt_buf_addf(b, "   Niveau: %s (%s); ernst: %s\n",
	            vocab_level_name(it->level), vocab_level_label(it->level),
	            report_severity_label(it->severity));
	if (it->jci != NULL)
		pt_buf_addf(b, "   Juriconnect: %s\n", it->jci);
	if (it->text != NULL) {
		pt_buf_addf(b, "   Huidige tekst (versie %s):\n     ",
		            it->version_date ? it->version_date
		                             : "van onbekende datum");
		add_indented(b, it->text, "     ");
		pt_buf_addc(b, '\n');
	}
	if (*notes != '\0') {
		pt_buf_adds(b, "   Let op: ");
		add_indented(b, notes, "           ");
		pt_buf_addc(b, '\n');
	}
	free(notes);
	for (i = 0; i < it->nwijzigingen; i++) {
		pt_buf_adds(b, "   Wijziging: ");
		add_indented(b, it->wijzigingen[i], "     ");
		pt_buf_addc(b, '\n');
	}
	pt_buf_adds(b, "   Proeftuinen: ");
	for (i = 0; i < it->nproeftuinen; i++)
		pt_buf_addf(b, "%s%s", i ? ", " : "", it->proeftuinen[i]);
	pt_buf_addc(b, '\n');
	text_refs(b, "Bevindingen:", it->findings, it->nfindings);
	text_refs(b, "Gemitigeerd (apart gehouden):", it->mitigated,
	          it->nmitigated);
}

static void
text_risk(struct pt_buf *b, const struct amend_risk *rk, size_t nr)
{
	char *cites = amend_risk_citations(rk, "; ", 0);
	size_t i;

	pt_buf_addf(b, "\n%zu. %s (%s)\n", nr,
	            rk->rule->titel ? rk->rule->titel : rk->rule->id,
	            report_severity_label(rk->rule->severity));
	pt_buf_addf(b, "   Regel: %s\n", rk->rule->id);
	if (rk->rule->norm != NULL) {
		pt_buf_adds(b, "   Norm: ");
		add_indented(b, rk->rule->norm, "     ");
		pt_buf_addc(b, '\n');
	}
	if (*cites != '\0')
		pt_buf_addf(b, "   Bepalingen: %s\n", cites);
	free(cites);
	pt_buf_adds(b, "   Proeftuinen: ");
	for (i = 0; i < rk->nproeftuinen; i++)
		pt_buf_addf(b, "%s%s", i ? ", " : "", rk->proeftuinen[i]);
	pt_buf_addc(b, '\n');
	text_refs(b, "Bevindingen:", rk->findings, rk->nfindings);
	text_refs(b, "Gemitigeerd (apart gehouden):", rk->mitigated,
	          rk->nmitigated);
	if (rk->nrejected > 0)
		pt_buf_addf(b, "   %zu afgewezen bevinding%s weggelaten\n",
		            rk->nrejected, rk->nrejected == 1 ? "" : "en");
}

void
amend_text(struct pt_buf *b, const struct amend_list *l)
{
	size_t i, nr;

	pt_buf_adds(b, "Wijzigingslijst\n===============\n");
	pt_buf_addf(b, "Teksten zoals geldend op %s.\n", l->today);
	pt_buf_addf(b, "Proeftuinen (%zu):\n", l->nsources);
	for (i = 0; i < l->nsources; i++) {
		const struct amend_source *s = &l->sources[i];
		const char *naam = source_naam(s);

		pt_buf_addf(b, "  - %s%s%s%s, peildatum %s, versie %d\n", s->id,
		            naam ? " (" : "", naam ? naam : "", naam ? ")" : "",
		            s->design ? s->design->peildatum : "?",
		            s->versions);
	}
	text_summary(b, l);
	pt_buf_adds(b, "\nTe wijzigen bepalingen\n----------------------\n");
	if (amend_count_needed(l, 1) == 0)
		pt_buf_adds(b, "Geen.\n");
	for (i = 0, nr = 1; i < l->nitems; i++)
		if (l->items[i].needed)
			text_item(b, &l->items[i], nr++);
	if (amend_count_needed(l, 0) > 0) {
		pt_buf_adds(
		    b,
		    "\nGemitigeerd (geen wijziging nodig zolang de "
		    "maatregel werkt)\n----------------------------------------"
		    "-----------------------\n");
		for (i = 0, nr = 1; i < l->nitems; i++)
			if (!l->items[i].needed)
				text_item(b, &l->items[i], nr++);
	}
	pt_buf_adds(b, "\nRisico's\n--------\n");
	if (l->nrisks == 0)
		pt_buf_adds(b, "Geen.\n");
	for (i = 0; i < l->nrisks; i++)
		text_risk(b, &l->risks[i], i + 1);
}

/* --- markdown
 * ----------------------------------------------------------------- */

/* Markdown-safe inline text: escape the characters that format. */
static void
md(struct pt_buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (strchr("\\`*_[]<>|#", *s) != NULL)
			pt_buf_addc(b, '\\');
		if (*s == '\n') {
			pt_buf_adds(b, "<br>");
			continue;
		}
		pt_buf_addc(b, *s);
	}
}

static void
md_refs(struct pt_buf *b, const char *head, const struct amend_ref *refs,
        size_t n)
{
	size_t i;

	if (n == 0)
		return;
	pt_buf_addf(b, "\n%s\n\n", head);
	for (i = 0; i < n; i++) {
		const struct finding *f = refs[i].f;

		pt_buf_addf(b, "- **%s** `%s`: ", report_review_label(f),
		            f->id);
		md(b, f->rule->titel);
		if (f->review_note != NULL && *f->review_note != '\0') {
			pt_buf_adds(b, " (opmerking: ");
			md(b, f->review_note);
			pt_buf_adds(b, ")");
		}
		pt_buf_addc(b, '\n');
	}
}

static void
md_item(struct pt_buf *b, const struct amend_item *it)
{
	char *notes = amend_item_notes(it);
	size_t i;

	pt_buf_adds(b, "\n### ");
	md(b, it->citation);
	pt_buf_addc(b, '\n');
	pt_buf_addf(b, "\n- Niveau: **%s** (%s)\n", vocab_level_name(it->level),
	            vocab_level_label(it->level));
	pt_buf_addf(b, "- Ernst: %s\n", report_severity_label(it->severity));
	if (it->jci != NULL)
		pt_buf_addf(b, "- Juriconnect: `%s`\n", it->jci);
	if (it->url != NULL)
		pt_buf_addf(b, "- Link: <%s>\n", it->url);
	pt_buf_adds(b, "- Proeftuinen: ");
	for (i = 0; i < it->nproeftuinen; i++)
		pt_buf_addf(b, "%s`%s`", i ? ", " : "", it->proeftuinen[i]);
	pt_buf_addc(b, '\n');
	if (*notes != '\0') {
		pt_buf_adds(b, "- Let op: ");
		md(b, notes);
		pt_buf_addc(b, '\n');
	}
	free(notes);
	if (it->text != NULL) {
		const char *s;

		pt_buf_addf(b, "\nHuidige tekst (versie %s):\n\n> ",
		            it->version_date ? it->version_date
		                             : "van onbekende datum");
		for (s = it->text; *s != '\0'; s++) {
			if (strchr("\\`*_[]<>|#", *s) != NULL)
				pt_buf_addc(b, '\\');
			pt_buf_addc(b, *s);
			if (*s == '\n')
				pt_buf_adds(b, ">\n> ");
		}
		pt_buf_addc(b, '\n');
	}
	for (i = 0; i < it->nwijzigingen; i++) {
		pt_buf_adds(b, "\nWijziging: ");
		md(b, it->wijzigingen[i]);
		pt_buf_addc(b, '\n');
	}
	md_refs(b, "Bevindingen:", it->findings, it->nfindings);
	md_refs(b, "Gemitigeerd (apart gehouden):", it->mitigated,
	        it->nmitigated);
}

void
amend_markdown(struct pt_buf *b, const struct amend_list *l)
{
	size_t i, lv, c;

	pt_buf_adds(b, "# Wijzigingslijst\n\n");
	pt_buf_addf(b, "Teksten zoals geldend op %s.\n\n", l->today);
	pt_buf_adds(b, "| Proeftuin | Naam | Peildatum | Versie |\n"
	               "|---|---|---|---|\n");
	for (i = 0; i < l->nsources; i++) {
		const struct amend_source *s = &l->sources[i];

		pt_buf_addf(b, "| `%s` | ", s->id);
		md(b, source_naam(s));
		pt_buf_addf(b, " | %s | %d |\n",
		            s->design ? s->design->peildatum : "?",
		            s->versions);
	}
	pt_buf_addf(b, "\n**%zu** bepaling%s te wijzigen",
	            amend_count_needed(l, 1),
	            amend_count_needed(l, 1) == 1 ? "" : "en");
	for (lv = 0, c = 0; lv < VOCAB_NLEVELS; lv++, c = 0) {
		for (i = 0; i < l->nitems; i++)
			if (l->items[i].needed && l->items[i].level == lv)
				c++;
		if (c > 0)
			pt_buf_addf(b, "; %s: %zu", vocab_level_name(lv), c);
	}
	pt_buf_addf(b,
	            ". %zu gemitigeerd, %zu risico%s. Afgewezen "
	            "bevindingen weggelaten: %zu.\n",
	            amend_count_needed(l, 0), l->nrisks,
	            l->nrisks == 1 ? "" : "'s", l->nrejected);
	pt_buf_adds(b, "\n## Te wijzigen bepalingen\n");
	if (amend_count_needed(l, 1) == 0)
		pt_buf_adds(b, "\nGeen.\n");
	for (i = 0; i < l->nitems; i++)
		if (l->items[i].needed)
			md_item(b, &l->items[i]);
	if (amend_count_needed(l, 0) > 0) {
		pt_buf_adds(b, "\n## Gemitigeerd (geen wijziging nodig zolang "
		               "de maatregel werkt)\n");
		for (i = 0; i < l->nitems; i++)
			if (!l->items[i].needed)
				md_item(b, &l->items[i]);
	}
	pt_buf_adds(b, "\n## Risico's\n");
	if (l->nrisks == 0)
		pt_buf_adds(b, "\nGeen.\n");
	for (i = 0; i < l->nrisks; i++) {
		const struct amend_risk *rk = &l->risks[i];
		char *cites = amend_risk_citations(rk, "; ", 0);

		pt_buf_adds(b, "\n### ");
		md(b, rk->rule->titel ? rk->rule->titel : rk->rule->id);
		pt_buf_addf(b, "\n\n- Regel: `%s`\n- Ernst: %s\n", rk->rule->id,
		            report_severity_label(rk->rule->severity));
		if (rk->rule->norm != NULL) {
			pt_buf_adds(b, "- Norm: ");
			md(b, rk->rule->norm);
			pt_buf_addc(b, '\n');
		}
		if (*cites != '\0') {
			pt_buf_adds(b, "- Bepalingen: ");
			md(b, cites);
			pt_buf_addc(b, '\n');
		}
		free(cites);
		if (rk->nrejected > 0)
			pt_buf_addf(
			    b, "- %zu afgewezen bevinding%s weggelaten\n",
			    rk->nrejected, rk->nrejected == 1 ? "" : "en");
		md_refs(b, "Bevindingen:", rk->findings, rk->nfindings);
		md_refs(b, "Gemitigeerd (apart gehouden):", rk->mitigated,
		        rk->nmitigated);
	}
}

/* The provenance of the list: the time and rule set of its checks (the
 * clock, or SOURCE_DATE_EPOCH, when nothing was checked) and the check
 * results, whose law versions are quoted.  One place for JSON, CSV and
 * XLSX; free res. */
struct amend_prov {
	time_t when;
	const struct ruleset *rs;
	const struct check_result **res;
	size_t n;
};

static void
amend_prov(const struct amend_list *l, struct amend_prov *p)
{
	struct pt_err e = PT_ERR_INIT;
	size_t i;

	memset(p, 0, sizeof *p);
	if (l->nsources > 0)
		p->res = xcalloc(l->nsources, sizeof *p->res);
	for (i = 0; i < l->nsources; i++) {
		if ((p->res[p->n] = l->sources[i].result) == NULL)
			continue;
		if (p->rs == NULL) {
			p->rs = p->res[p->n]->rules;
			p->when = p->res[p->n]->generated;
		}
		p->n++;
	}
	if (p->rs == NULL && provenance_time(&p->when, &e) != PT_OK)
		p->when = time(NULL);
}

/* --- CSV
 * ---------------------------------------------------------------------- */

static void
csv_row(struct pt_buf *b, char *const *col)
{
	size_t i;

	for (i = 0; i < AC_NCOLS; i++) {
		if (i)
			pt_buf_addc(b, ',');
		report_csv_field(b, col[i]);
	}
	pt_buf_adds(b, "\r\n");
}

/* The provenance columns of a row (gemaakt, proeftoets, regels_sha256). */
static void
prov_cols(const struct amend_prov *p, char *col[AC_NCOLS])
{
	char t[32];

	provenance_utc(p->when, t);
	col[AC_GEMAAKT] = xstrdup(t);
	col[AC_PROEFTOETS] = xstrdup(PACKAGE_VERSION);
	col[AC_REGELS_SHA256] = xstrdup0(
	    p->rs != NULL && p->rs->sha256[0] != '\0' ? p->rs->sha256 : NULL);
}

void
amend_csv(struct pt_buf *b, const struct amend_list *l)
{
	struct amend_prov p;
	char *col[AC_NCOLS];
	size_t i;

	amend_prov(l, &p);
	for (i = 0; i < AC_NCOLS; i++)
		col[i] = (char *)amend_columns[i].csv;
	csv_row(b, col);
	for (i = 0; i < l->nitems; i++) {
		item_row(&l->items[i], col);
		prov_cols(&p, col);
		csv_row(b, col);
		row_free(col);
	}
	for (i = 0; i < l->nrisks; i++) {
		risk_row(&l->risks[i], col);
		prov_cols(&p, col);
		csv_row(b, col);
		row_free(col);
	}
	free(p.res);
}

/* --- JSON
 * --------------------------------------------------------------------- */

static void
json_refs(struct json *j, const char *key, const struct amend_ref *refs,
          size_t n)
{
	size_t i, k;

	json_key(j, key);
	json_begin_array(j);
	for (i = 0; i < n; i++) {
		const struct finding *f = refs[i].f;

		json_begin_object(j);
		json_kstring(j, "id", f->id);
		json_kstring(j, "proeftuin", refs[i].src->id);
		json_kstring(j, "rule", f->rule->id);
		json_kstring(j, "kind", rules_kind_name(f->rule->kind));
		json_kstring(j, "severity", rules_severity_name(f->severity));
		json_kstring(j, "title", f->rule->titel);
		json_key(j, "actors");
		json_begin_array(j);
		for (k = 0; k < f->nactors; k++)
			json_string(j, f->actors[k]);
		json_end_array(j);
		json_key(j, "tasks");
		json_begin_array(j);
		for (k = 0; k < f->ntasks; k++)
			json_string(j, f->tasks[k]);
		json_end_array(j);
		json_kstring(j, "trigger", f->trigger);
		json_key(j, "review");
		json_begin_object(j);
		json_kstring(j, "status", report_review_status(f));
		json_kstring(j, "note", f->review_note);
		json_end_object(j);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
json_ids(struct json *j, const char *key, char *const *ids, size_t n)
{
	size_t i;

	json_key(j, key);
	json_begin_array(j);
	for (i = 0; i < n; i++)
		json_string(j, ids[i]);
	json_end_array(j);
}

/* "citation" in the short style; with --citeerstijl lang also
 * "citation_lang". */
static void
json_citation(struct json *j, const struct amend_item *it)
{
	struct finding_provision fp;
	char *kort;

	memset(&fp, 0, sizeof fp);
	fp.rp = it->key->rp;
	fp.citeertitel = it->citeertitel;
	kort = cite_provision_as(&fp, CITE_KORT);
	json_kstring(j, "citation", kort);
	free(kort);
	if (it->citeerstijl == CITE_LANG)
		json_kstring(j, "citation_lang", it->citation);
}

static void
json_item(struct json *j, const struct amend_item *it)
{
	const struct rule_provision *rp = it->key ? it->key->rp : NULL;
	size_t i;

	json_begin_object(j);
	json_kbool(j, "needed", it->needed);
	json_key(j, "provision");
	if (rp == NULL) {
		json_null(j);
	} else {
		json_begin_object(j);
		json_kstring(j, "bwb", rp->bwb);
		json_kstring(j, "artikel", rp->artikel);
		json_kstring(j, "lid", rp->lid);
		json_citation(j, it);
		json_kstring(j, "citeertitel", it->citeertitel);
		json_kstring(j, "jci", it->jci);
		json_kstring(j, "url", it->url);
		json_kbool(j, "in_registry", it->in_registry);
		json_kstring(j, "text", it->text);
		json_kstring(j, "version_date", it->version_date);
		json_kbool(j, "date_unknown", it->date_unknown);
		json_kstring(j, "missing", it->missing);
		json_kbool(j, "stale", it->stale);
		json_end_object(j);
	}
	json_kstring(j, "level", vocab_level_name(it->level));
	json_kstring(j, "level_label", vocab_level_label(it->level));
	json_kstring(j, "severity", rules_severity_name(it->severity));
	json_key(j, "wijzigingen");
	json_begin_array(j);
	for (i = 0; i < it->nwijzigingen; i++)
		json_string(j, it->wijzigingen[i]);
	json_end_array(j);
	json_key(j, "rules");
	json_begin_array(j);
	for (i = 0; i < it->nrules; i++) {
		json_begin_object(j);
		json_kstring(j, "id", it->rules[i]->id);
		json_kstring(j, "title", it->rules[i]->titel);
		json_kstring(j, "level", vocab_level_name(it->rules[i]->level));
		json_end_object(j);
	}
	json_end_array(j);
	json_ids(j, "proeftuinen", it->proeftuinen, it->nproeftuinen);
	json_refs(j, "findings", it->findings, it->nfindings);
	json_refs(j, "mitigated", it->mitigated, it->nmitigated);
	json_kint(j, "rejected", (long long)it->nrejected);
	json_end_object(j);
}

static void
amend_json_generated(struct json *j, const struct amend_list *l)
{
	struct amend_prov p;

	amend_prov(l, &p);
	report_json_generated(j, p.when, p.rs, p.res, p.n);
	free(p.res);
}

void
amend_json(struct pt_buf *b, const struct amend_list *l)
{
	struct json j;
	size_t i, k, lv, c;

	json_init(&j, b, 1);
	json_begin_object(&j);
	amend_json_generated(&j, l);
	json_kstring(&j, "today", l->today);
	json_key(&j, "proeftuinen");
	json_begin_array(&j);
	for (i = 0; i < l->nsources; i++) {
		const struct amend_source *s = &l->sources[i];

		json_begin_object(&j);
		json_kstring(&j, "id", s->id);
		json_kstring(&j, "naam", source_naam(s));
		json_kstring(&j, "peildatum",
		             s->design ? s->design->peildatum : s->peildatum);
		json_kstring(&j, "saved_at", s->saved_at);
		json_kint(&j, "versions", s->versions);
		json_kint(&j, "barriers",
		          s->result ? (long long)s->result->nbarriers : 0);
		json_kint(&j, "risks",
		          s->result ? (long long)s->result->nrisks : 0);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "summary");
	json_begin_object(&j);
	json_kint(&j, "amendments", (long long)amend_count_needed(l, 1));
	json_kint(&j, "mitigated_amendments",
	          (long long)amend_count_needed(l, 0));
	json_key(&j, "by_level");
	json_begin_object(&j);
	for (lv = 0; lv < VOCAB_NLEVELS; lv++) {
		for (i = c = 0; i < l->nitems; i++)
			if (l->items[i].needed && l->items[i].level == lv)
				c++;
		json_kint(&j, vocab_level_name(lv), (long long)c);
	}
	json_end_object(&j);
	json_kint(&j, "risks", (long long)l->nrisks);
	json_kint(&j, "findings", (long long)l->nfindings);
	json_kint(&j, "mitigated", (long long)l->nmitigated);
	json_kint(&j, "rejected", (long long)l->nrejected);
	json_end_object(&j);
	json_key(&j, "amendments");
	json_begin_array(&j);
	for (i = 0; i < l->nitems; i++)
		json_item(&j, &l->items[i]);
	json_end_array(&j);
	json_key(&j, "risks");
	json_begin_array(&j);
	for (i = 0; i < l->nrisks; i++) {
		const struct amend_risk *rk = &l->risks[i];

		json_begin_object(&j);
		json_kstring(&j, "rule", rk->rule->id);
		json_kstring(&j, "title", rk->rule->titel);
		json_kstring(&j, "severity",
		             rules_severity_name(rk->rule->severity));
		json_kstring(&j, "analyse", rk->rule->analyse);
		json_kstring(&j, "norm", rk->rule->norm);
		json_key(&j, "provisions");
		json_begin_array(&j);
		for (k = 0; k < rk->first->nprovisions; k++) {
			const struct finding_provision *p =
			    &rk->first->provisions[k];
			char *cite = cite_provision_as(p, CITE_KORT);

			json_begin_object(&j);
			json_kstring(&j, "bwb", p->rp->bwb);
			json_kstring(&j, "artikel", p->rp->artikel);
			json_kstring(&j, "lid", p->rp->lid);
			json_kstring(&j, "citation", cite);
			if (p->citeerstijl == CITE_LANG) {
				free(cite);
				cite = cite_provision(p);
				json_kstring(&j, "citation_lang", cite);
			}
			json_end_object(&j);
			free(cite);
		}
		json_end_array(&j);
		json_ids(&j, "proeftuinen", rk->proeftuinen, rk->nproeftuinen);
		json_refs(&j, "findings", rk->findings, rk->nfindings);
		json_refs(&j, "mitigated", rk->mitigated, rk->nmitigated);
		json_kint(&j, "rejected", (long long)rk->nrejected);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	pt_buf_addc(b, '\n');
}

/* --- XLSX
 * --------------------------------------------------------------------- */

/* The sheets Wijzigingen (the columns with a header), Risico's
 * (risk_columns) and Herkomst. */
static void
xlsx_fill(struct workbook *wb, const void *arg)
{
	const struct amend_list *l = arg;
	struct workbook_column icols[AC_NCOLS], rcols[NRISKCOLS];
	enum amend_col icol[AC_NCOLS] = {AC_SOORT};
	const char *cells[AC_NCOLS];
	struct workbook_sheet *items, *risks;
	struct workbook_prov wp;
	struct amend_prov p;
	struct provenance_law *laws;
	char *col[AC_NCOLS], *rules;
	size_t i, c, ni, nlaws;

	for (c = ni = 0; c < AC_NCOLS; c++)
		if (amend_columns[c].head != NULL) {
			icol[ni] = (enum amend_col)c;
			icols[ni].head = amend_columns[c].head;
			icols[ni].width = amend_columns[c].width;
			icols[ni].more = NULL;
			icols[ni++].flags = amend_columns[c].flags;
		}
	for (c = 0; c < NRISKCOLS; c++) {
		rcols[c].head = risk_columns[c].head;
		rcols[c].width = risk_columns[c].width;
		rcols[c].flags = risk_columns[c].flags;
		rcols[c].more = NULL;
	}
	items = workbook_sheet(wb, "Wijzigingen", icols, ni);
	risks = workbook_sheet(wb, "Risico's", rcols, NRISKCOLS);
	amend_prov(l, &p);
	provenance_laws(p.res, p.n, &laws, &nlaws);
	wp.when = p.when;
	wp.rules = rules = workbook_rules_text(p.rs);
	wp.rules_sha256 =
	    p.rs != NULL && p.rs->sha256[0] != '\0' ? p.rs->sha256 : NULL;
	wp.laws = laws;
	wp.nlaws = nlaws;
	workbook_provenance(wb, &wp);
	free(rules);
	free(laws);
	free(p.res);
	for (i = 0; i < l->nitems; i++) {
		item_row(&l->items[i], col);
		for (c = 0; c < ni; c++)
			cells[c] = col[icol[c]];
		workbook_row(items, i + 1, cells);
		row_free(col);
	}
	for (i = 0; i < l->nrisks; i++) {
		risk_row(&l->risks[i], col);
		for (c = 0; c < NRISKCOLS; c++)
			cells[c] = col[risk_columns[c].col];
		workbook_row(risks, i + 1, cells);
		row_free(col);
	}
}

enum pt_status
amend_xlsx(struct pt_buf *b, const struct amend_list *l, const char *tmpdir,
           struct pt_err *err)
{
	return workbook_make(b, tmpdir, xlsx_fill, l, err);
}
