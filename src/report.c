/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report.c: what the report writers share: amendment groups, Dutch labels and
 * phrases, HTML and CSV escaping.  See report.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "provenance.h"
#include "review.h"
#include "rules.h"

/* --- amendment groups --------------------------------------------------- */

static int
streq0(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static const struct finding_provision *
group_key(const struct finding *f)
{
	if (f->nprovisions == 0 || f->provisions[0].rp == NULL)
		return NULL;
	return &f->provisions[0];
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

void
report_groups(const struct check_result *r, struct report_group **groups,
              size_t *n)
{
	struct report_group *g = NULL, *cur;
	const struct finding_provision *key;
	const struct finding *f;
	size_t ng = 0, cap = 0, i, k;

	for (i = 0; i < r->nfindings; i++) {
		f = &r->findings[i];
		if (f->rule == NULL || f->rule->kind != RULE_BARRIER)
			continue;
		key = group_key(f);
		for (k = 0; k < ng; k++)
			if (same_key(g[k].key, key))
				break;
		if (k == ng) {
			PT_ARRAY_PUSH(g, ng, cap);
			cur = &g[ng - 1];
			cur->key = key;
			cur->level = f->level;
			cur->findings = NULL;
			cur->nfindings = 0;
		}
		cur = &g[k];
		if (f->level < cur->level)
			cur->level = f->level;
		cur->findings = xreallocarray(cur->findings, cur->nfindings + 1,
		                              sizeof *cur->findings);
		cur->findings[cur->nfindings++] = f;
	}
	*groups = g;
	*n = ng;
}

void
report_groups_free(struct report_group *groups, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free((void *)groups[i].findings);
	free(groups);
}

/* --- labels ------------------------------------------------------------- */

const char *
report_zekerheid_label(enum rule_zekerheid z)
{
	switch (z) {
	case ZEKER_V26:
		return "geverifieerd in geconsolideerde tekst (2025/2026)";
	case ZEKER_V15:
		return "alleen geverifieerd in tekst van 2015";
	case ZEKER_P:
		return "beleidsbron, geen wettekst \xe2\x80\x94 niet "
		       "geverifieerd";
	case ZEKER_GK:
		return "algemene kennis \xe2\x80\x94 niet geverifieerd";
	}
	return "onbekende zekerheid \xe2\x80\x94 niet geverifieerd";
}

const char *
report_kind_label(enum rule_kind k)
{
	return k == RULE_BARRIER ? "belemmering" : "risico";
}

const char *
report_severity_label(enum rule_severity s)
{
	switch (s) {
	case SEV_BLOCKING:
		return "blokkerend";
	case SEV_HIGH:
		return "hoog";
	case SEV_MEDIUM:
		return "middel";
	case SEV_LOW:
		return "laag";
	}
	return "onbekend";
}

const char *
report_review_status(const struct finding *f)
{
	if (f->review_status == NULL || *f->review_status == '\0')
		return "open";
	return f->review_status;
}

const char *
report_review_label(const struct finding *f)
{
	return review_status_label(report_review_status(f));
}

char *
report_verdict(const struct check_result *r)
{
	if (r->nbarriers == 0)
		return xstrdup("Geen juridische belemmeringen gevonden");
	if (r->nbarriers == 1)
		return xstrdup("De wet blokkeert dit ontwerp op 1 punt");
	return xasprintf("De wet blokkeert dit ontwerp op %zu punten",
	                 r->nbarriers);
}

char *
report_made(const struct check_result *r)
{
	char t[48];

	provenance_amsterdam_nl(r->generated, t);
	return xasprintf("%s (Europe/Amsterdam), proeftoets %s", t,
	                 PACKAGE_VERSION);
}

char *
report_rules_made(const struct check_result *r)
{
	const struct ruleset *rs = r->rules;

	if (rs == NULL || rs->sha256[0] == '\0')
		return xasprintf("%zu regels", rs != NULL ? rs->n : 0);
	return xasprintf("%zu regels uit %zu bestanden, SHA-256 %s", rs->n,
	                 rs->nfiles, rs->sha256);
}

char *
report_laws_made(const struct check_result *r)
{
	struct pt_buf b = PT_BUF_INIT;
	struct provenance_law *laws;
	size_t n, i;

	provenance_laws(&r, 1, &laws, &n);
	for (i = 0; i < n; i++) {
		if (i > 0)
			pt_buf_adds(&b, "; ");
		pt_buf_addf(&b, "%s versie %s", laws[i].bwb,
		            laws[i].version != NULL ? laws[i].version
		                                    : "(datum onbekend)");
		if (laws[i].sha256 != NULL)
			pt_buf_addf(&b, " (SHA-256 %s)", laws[i].sha256);
	}
	free(laws);
	if (n == 0)
		pt_buf_adds(&b, "geen: niets geciteerd uit het register");
	return pt_buf_detach(&b);
}

char *
report_peildatum(const struct design *d)
{
	const char *p = d->peildatum != NULL ? d->peildatum : "?";

	if (d->peildatum_given)
		return xstrdup(p);
	return xasprintf("%s (peildatum niet opgegeven; vandaag gebruikt)", p);
}

const char *
report_registry(const struct check_result *r)
{
	if (r->registry == NULL)
		return "geen register gebruikt (geen enkele bepaling is "
		       "uit het register geciteerd)";
	return r->registry;
}

char *
report_actor_label(const struct design *d, const char *id)
{
	long i;

	if (id == NULL)
		return xstrdup("?");
	i = design_actor_index(d, id);
	if (i >= 0 && d->actors[i].naam != NULL)
		return xasprintf("%s (%s)", d->actors[i].naam, id);
	return xstrdup(id);
}

char *
report_task_label(const char *id)
{
	const struct vocab_entry *v;

	if (id == NULL)
		return xstrdup("?");
	if ((v = vocab_task(id)) == NULL)
		return xstrdup(id);
	return xasprintf("%s (%s)", v->label, id);
}

char *
report_provision_notes(const struct finding_provision *p)
{
	struct pt_buf b = PT_BUF_INIT;

	if (!p->in_registry || p->text == NULL) {
		if (p->missing != NULL &&
		    strncmp(p->missing, "niet in het register", 20) == 0)
			pt_buf_addf(&b, "%s\n", p->missing);
		else if (p->missing != NULL && *p->missing != '\0')
			pt_buf_addf(&b, "niet in het register: %s\n",
			            p->missing);
		else
			pt_buf_adds(&b, "niet in het register\n");
	} else if (p->date_unknown)
		pt_buf_adds(&b, "de datum van de geciteerde versie is "
		                "onbekend\n");
	if (p->part_missing && p->rp != NULL && p->rp->onderdeel != NULL)
		pt_buf_addf(&b,
		            "de tekst van het lid heeft geen onderdeel %s; het "
		            "hele lid is geciteerd\n",
		            p->rp->onderdeel);
	if (p->other_version && p->rp != NULL && p->rp->getoetst_aan != NULL) {
		/* the mark is that of the version the rule was checked
		 * against */
		if (p->date_unknown)
			pt_buf_adds(&b,
			            "geciteerd uit een versie met onbekende "
			            "datum");
		else
			pt_buf_addf(&b, "geciteerd uit de versie van %s",
			            p->version_date);
		if (p->checked_version != NULL)
			pt_buf_addf(&b,
			            "; de regel is getoetst aan de versie van "
			            "%s, het verificatiekenmerk hoort bij die "
			            "versie\n",
			            p->checked_version);
		else
			pt_buf_addf(
			    &b,
			    "; de regel is getoetst aan de tekst van %s, "
			    "die niet in het register staat; het "
			    "verificatiekenmerk hoort bij die tekst\n",
			    p->rp->getoetst_aan);
	}
	if (p->stale && p->other_version) {
		pt_buf_adds(&b, "de tekst is gewijzigd sinds de regel is "
		                "geschreven; controleer de regel\n");
	} else if (p->stale) {
		if (p->rp != NULL && p->rp->getoetst_aan != NULL)
			pt_buf_addf(
			    &b,
			    "de tekst is gewijzigd sinds de regel "
			    "is geschreven (getoetst aan de versie van %s); "
			    "controleer de regel\n",
			    p->rp->getoetst_aan);
		else
			pt_buf_adds(&b, "de tekst is gewijzigd sinds de regel "
			                "is geschreven; controleer de regel\n");
	}
	pt_buf_rtrim(&b);
	return pt_buf_detach(&b);
}

void
report_csv_field(struct pt_buf *b, const char *s)
{
	/* A formula in a spreadsheet starts with one of these (CSV
	 * injection): such a cell gets a quote first (csv.h). */
	int formula = s != NULL && *s != '\0' && strchr("=+-@\t\r", *s);

	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		if (formula)
			pt_buf_addc(b, '\'');
		pt_buf_adds(b, s);
		return;
	}
	pt_buf_addc(b, '"');
	if (formula)
		pt_buf_addc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			pt_buf_addc(b, '"');
		pt_buf_addc(b, *s);
	}
	pt_buf_addc(b, '"');
}
