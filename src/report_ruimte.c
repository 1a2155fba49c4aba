/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_ruimte.c: the juridische ruimte (ruimte.h) as text, as JSON and
 * as an HTML fragment for the proeftuin page of the web workspace.
 *
 * The text is Dutch and follows the three questions of the programme: what
 * can be tried now, what an AMvB could allow, what needs the legislator,
 * then the ladder; for several designs, the provisions that block more
 * than one proeftuin.  The JSON contract is documented in README.md.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cite.h"
#include "html.h"
#include "json.h"
#include "report.h"
#include "report_ruimte_priv.h"
#include "ruimte.h"

const struct finding *
ruimte_rep_finding(const struct ruimte_result *r, const char *id)
{
	const struct check_result *c[2] = {r->full, r->variant};
	size_t i, k;

	for (k = 0; k < 2; k++)
		for (i = 0; c[k] != NULL && i < c[k]->nfindings; i++)
			if (strcmp(c[k]->findings[i].id, id) == 0)
				return &c[k]->findings[i];
	return NULL;
}

const struct finding_provision *
ruimte_rep_key(const struct finding *f)
{
	return f->nprovisions > 0 ? &f->provisions[0] : NULL;
}

int
ruimte_rep_same_key(const struct finding_provision *a,
                    const struct finding_provision *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a->rp->bwb, b->rp->bwb) == 0 &&
	       strcmp(a->rp->artikel, b->rp->artikel) == 0 &&
	       (a->rp->lid == NULL ? b->rp->lid == NULL
	                           : b->rp->lid != NULL &&
	                                 strcmp(a->rp->lid, b->rp->lid) == 0);
}

const struct finding_provision *
ruimte_rep_amvb_clause(const struct ruimte_result *r)
{
	const struct finding *f0 = r->namvb > 0 ? r->amvb[0] : NULL;
	size_t i, k, j;

	for (i = 1; f0 != NULL && i < f0->nprovisions; i++) {
		const struct finding_provision *p = &f0->provisions[i];
		int all = 1;

		for (k = 1; k < r->namvb && all; k++) {
			all = 0;
			for (j = 1; j < r->amvb[k]->nprovisions; j++)
				all |= ruimte_rep_same_key(
				    p, &r->amvb[k]->provisions[j]);
		}
		if (all)
			return p;
	}
	return NULL;
}

/* Whether one of the n provisions of v has the key of p. */
static int
has_key(const struct finding_provision *const *v, size_t n,
        const struct finding_provision *p)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (ruimte_rep_same_key(v[k], p))
			return 1;
	return 0;
}

void
ruimte_rep_quoted(const struct ruimte_result *r,
                  const struct finding_provision ***out, size_t *nout)
{
	const struct finding_provision **v = NULL, *p;
	size_t n = 0, cap = 0, i;

	for (i = 0; i <= r->namvb + r->nwet; i++) {
		if (i == 0)
			p = ruimte_rep_amvb_clause(r);
		else
			p = ruimte_rep_key(i <= r->namvb
			                       ? r->amvb[i - 1]
			                       : r->wet[i - 1 - r->namvb]);
		if (p == NULL || has_key(v, n, p))
			continue;
		PT_ARRAY_PUSH(v, n, cap);
		v[n - 1] = p;
	}
	*out = v;
	*nout = n;
}

/* The i-th barrier of a design that amvb or wet lifts. */
static const struct finding *
blocking(const struct ruimte_result *r, size_t i)
{
	return i < r->namvb ? r->amvb[i] : r->wet[i - r->namvb];
}

int
ruimte_rep_blocks(const struct ruimte_result *r,
                  const struct finding_provision *key)
{
	size_t i;

	for (i = 0; i < r->namvb + r->nwet; i++)
		if (ruimte_rep_same_key(ruimte_rep_key(blocking(r, i)), key))
			return 1;
	return 0;
}

void
ruimte_gedeeld(struct ruimte_result *const *res, size_t n,
               struct ruimte_gedeeld **out, size_t *nout)
{
	struct ruimte_gedeeld *g = NULL;
	size_t ng = 0, cap = 0, d, i, k;

	for (d = 0; d < n; d++)
		for (i = 0; i < res[d]->namvb + res[d]->nwet; i++) {
			const struct finding_provision *key =
			    ruimte_rep_key(blocking(res[d], i));
			struct pt_buf who = PT_BUF_INIT;
			size_t e, m = 0;

			for (k = 0; k < ng; k++)
				if (ruimte_rep_same_key(g[k].key, key))
					break;
			if (k < ng || key == NULL)
				continue;
			for (e = 0; e < n; e++)
				if (ruimte_rep_blocks(res[e], key))
					pt_buf_addf(&who, "%s%s",
					            m++ ? ", " : "",
					            res[e]->design->id);
			PT_ARRAY_PUSH(g, ng, cap);
			g[ng - 1].key = key;
			g[ng - 1].who = pt_buf_detach(&who);
			g[ng - 1].m = m;
		}
	*out = g;
	*nout = ng;
}

void
ruimte_gedeeld_free(struct ruimte_gedeeld *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(g[i].who);
	free(g);
}

/* --- JSON ------------------------------------------------------------- */

static void
j_provision(struct json *j, const struct finding_provision *p)
{
	char *cite = cite_provision_as(p, CITE_KORT);

	json_begin_object(j);
	json_kstring(j, "bwb", p->rp->bwb);
	json_kstring(j, "artikel", p->rp->artikel);
	if (p->rp->lid != NULL)
		json_kstring(j, "lid", p->rp->lid);
	json_kstring(j, "citation", cite);
	if (p->citeerstijl == CITE_LANG) {
		free(cite);
		cite = cite_provision(p);
		json_kstring(j, "citation_lang", cite);
	}
	json_kstring(j, "jci", p->jci);
	json_kstring(j, "text", p->in_registry ? p->text : NULL);
	json_kbool(j, "in_registry", p->in_registry && p->text != NULL);
	json_kstring(j, "zekerheid", rules_zekerheid_name(p->rp->zekerheid));
	json_end_object(j);
	free(cite);
}

static void
j_provisions(struct json *j, const struct finding *f)
{
	size_t i;

	json_key(j, "provisions");
	json_begin_array(j);
	for (i = 0; f != NULL && i < f->nprovisions; i++)
		j_provision(j, &f->provisions[i]);
	json_end_array(j);
}

static void
j_strings(struct json *j, const char *key, char *const *v, size_t n)
{
	size_t i;

	json_key(j, key);
	json_begin_array(j);
	for (i = 0; i < n; i++)
		json_string(j, v[i]);
	json_end_array(j);
}

/* The design as JSON, with the element and attribute names of the spec. */
static void
j_design(struct json *j, const struct design *d)
{
	size_t i, k;

	json_begin_object(j);
	json_kstring(j, "id", d->id);
	json_kstring(j, "peildatum", d->peildatum);
	json_kstring(j, "naam", d->naam);
	j_strings(j, "gemeenten", d->gemeenten, d->ngemeenten);
	json_key(j, "actoren");
	json_begin_array(j);
	for (i = 0; i < d->nactors; i++) {
		const struct design_actor *a = &d->actors[i];

		json_begin_object(j);
		json_kstring(j, "id", a->id);
		json_kstring(j, "rol", a->rol);
		json_kstring(j, "naam", a->naam);
		json_kbool(j, "gecertificeerd", a->gecertificeerd);
		json_key(j, "aangewezen-als");
		json_begin_array(j);
		for (k = 0; k < VOCAB_NAANWIJZING; k++)
			if (a->aangewezen & (1u << k))
				json_string(j, vocab_aanwijzing_names[k]);
		json_end_array(j);
		json_kstring(j, "doelgroep",
		             a->doelgroep == DOELGROEP_ALLE ? "alle-leeftijden"
		                                            : "jeugd");
		json_end_object(j);
	}
	json_end_array(j);
	json_key(j, "taken");
	json_begin_array(j);
	for (i = 0; i < d->ntaken; i++) {
		json_begin_object(j);
		json_kstring(j, "id", d->taken[i].id);
		json_kstring(j, "actor", d->actors[d->taken[i].actor].id);
		json_end_object(j);
	}
	json_end_array(j);
	json_key(j, "delingen");
	json_begin_array(j);
	for (i = 0; i < d->ndelingen; i++) {
		const struct design_deling *dl = &d->delingen[i];

		json_begin_object(j);
		json_kstring(j, "van", d->actors[dl->van].id);
		json_kstring(j, "naar", d->actors[dl->naar].id);
		json_key(j, "gegevens");
		json_begin_array(j);
		for (k = 0; k < VOCAB_NGEGEVENS; k++)
			if (dl->gegevens & (1u << k))
				json_string(j, vocab_gegevens_names[k]);
		json_end_array(j);
		json_kstring(
		    j, "grondslag",
		    dl->grondslag == GRONDSLAG_TOESTEMMING ? "toestemming"
		    : dl->grondslag == GRONDSLAG_WETTELIJK ? "wettelijk"
		                                           : "geen");
		json_key(j, "bepalingen");
		json_begin_array(j);
		for (k = 0; k < dl->nbepalingen; k++) {
			json_begin_object(j);
			json_kstring(j, "bwb", dl->bepalingen[k].bwb);
			json_kstring(j, "artikel", dl->bepalingen[k].artikel);
			if (dl->bepalingen[k].lid != NULL)
				json_kstring(j, "lid", dl->bepalingen[k].lid);
			json_end_object(j);
		}
		json_end_array(j);
		json_end_object(j);
	}
	json_end_array(j);
	json_key(j, "dossiers");
	json_begin_array(j);
	for (i = 0; i < d->ndossiers; i++) {
		json_begin_array(j);
		for (k = 0; k < d->dossiers[i].nactoren; k++)
			json_string(j, d->actors[d->dossiers[i].actoren[k]].id);
		json_end_array(j);
	}
	json_end_array(j);
	json_end_object(j);
}

static void
j_nu(struct json *j, const struct ruimte_result *r)
{
	size_t i;

	json_key(j, "nu");
	json_begin_object(j);
	json_key(j, "variant");
	j_design(j, r->variant_design);
	json_key(j, "routes");
	json_begin_array(j);
	for (i = 0; i < r->nroutes; i++) {
		const struct ruimte_route *rt = &r->routes[i];

		json_begin_object(j);
		json_kstring(j, "finding", rt->finding);
		json_kstring(j, "route", ruimte_soort_name(rt->soort));
		json_kstring(j, "actor", rt->actor);
		json_kstring(j, "toelichting", rt->toelichting);
		json_kstring(j, "rule", rt->rule->id);
		j_provisions(j, ruimte_rep_finding(r, rt->finding));
		json_end_object(j);
	}
	json_end_array(j);
	json_kint(j, "barriers_after", (long long)r->barriers_after);
	json_end_object(j);
}

static void
j_ids(struct json *j, const char *key, const struct finding *const *f, size_t n)
{
	size_t i;

	json_key(j, key);
	json_begin_array(j);
	for (i = 0; i < n; i++)
		json_string(j, f[i]->id);
	json_end_array(j);
}

static void
j_amvb(struct json *j, const struct ruimte_result *r)
{
	const struct finding_provision *clause = ruimte_rep_amvb_clause(r);
	size_t i, k;

	json_key(j, "amvb");
	json_begin_object(j);
	j_ids(j, "barriers", r->amvb, r->namvb);
	json_key(j, "bepaling");
	if (clause != NULL)
		j_provision(j, clause);
	else
		json_null(j);
	json_key(j, "voorwaarden");
	json_begin_array(j);
	for (i = 0; i < r->namvb; i++) {
		const struct finding *f = r->amvb[i];

		for (k = 0; k < i; k++)
			if (r->amvb[k]->wijziging == f->wijziging)
				break;
		if (k == i && f->wijziging != NULL)
			json_string(j, f->wijziging);
	}
	json_end_array(j);
	json_end_object(j);
}

static void
j_wet(struct json *j, const struct ruimte_result *r)
{
	size_t i, k;

	json_key(j, "wet");
	json_begin_object(j);
	json_key(j, "amendments");
	json_begin_array(j);
	for (i = 0; i < r->nwet; i++) {
		const struct finding_provision *key = ruimte_rep_key(r->wet[i]);
		enum vocab_level lv = r->wet[i]->level;

		for (k = 0; k < i; k++)
			if (ruimte_rep_same_key(ruimte_rep_key(r->wet[k]), key))
				break;
		if (k < i)
			continue; /* grouped under the first */
		json_begin_object(j);
		json_key(j, "provision");
		if (key != NULL)
			j_provision(j, key);
		else
			json_null(j);
		json_key(j, "findings");
		json_begin_array(j);
		for (k = i; k < r->nwet; k++)
			if (ruimte_rep_same_key(ruimte_rep_key(r->wet[k]),
			                        key)) {
				json_string(j, r->wet[k]->id);
				if (r->wet[k]->level < lv)
					lv = r->wet[k]->level;
			}
		json_end_array(j);
		json_kstring(j, "level", vocab_level_name(lv));
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
}

static void
j_ladder(struct json *j, const struct ruimte_result *r)
{
	size_t i, k;

	json_key(j, "ladder");
	json_begin_array(j);
	for (i = 0; i < r->nladder; i++) {
		const struct ruimte_step *s = &r->ladder[i];

		json_begin_object(j);
		json_kint(j, "stap", (long long)i + 1);
		json_key(j, "adds");
		json_begin_object(j);
		json_kstring(j, "beschrijving", s->adds);
		json_key(j, "items");
		json_begin_array(j);
		for (k = 0; k < s->nitems; k++) {
			json_begin_object(j);
			json_kstring(j, "soort", s->items[k].kind);
			if (strcmp(s->items[k].kind, "taak") == 0) {
				json_kstring(j, "taak", s->items[k].a);
				json_kstring(j, "actor", s->items[k].b);
			} else if (strcmp(s->items[k].kind, "deling") == 0) {
				json_kstring(j, "van", s->items[k].a);
				json_kstring(j, "naar", s->items[k].b);
			} else if (s->items[k].a != NULL) {
				json_kstring(j, "actoren", s->items[k].a);
			}
			json_end_object(j);
		}
		json_end_array(j);
		json_end_object(j);
		j_strings(j, "barriers", s->barriers, s->nbarriers);
		json_kstring(j, "level",
		             s->has_level ? vocab_level_name(s->level) : NULL);
		json_end_object(j);
	}
	json_end_array(j);
}

/* The provisions that block (amvb or wet) each design, for "gedeeld". */
static void
j_gedeeld(struct json *j, struct ruimte_result *const *res, size_t n)
{
	struct ruimte_gedeeld *g;
	size_t ng, d, k;

	ruimte_gedeeld(res, n, &g, &ng);
	json_key(j, "gedeeld");
	json_begin_array(j);
	for (k = 0; k < ng; k++) {
		char *cite = cite_provision(g[k].key);

		json_begin_object(j);
		json_kstring(j, "provision", cite);
		json_kstring(j, "bwb", g[k].key->rp->bwb);
		json_kstring(j, "artikel", g[k].key->rp->artikel);
		json_key(j, "proeftuinen");
		json_begin_array(j);
		for (d = 0; d < n; d++)
			if (ruimte_rep_blocks(res[d], g[k].key))
				json_string(j, res[d]->design->id);
		json_end_array(j);
		json_kbool(j, "lokaal", g[k].m < 2);
		json_end_object(j);
		free(cite);
	}
	json_end_array(j);
	ruimte_gedeeld_free(g, ng);
}

void
report_ruimte_json(struct pt_buf *out, struct ruimte_result *const *res,
                   size_t n)
{
	struct json j;
	size_t i;

	json_init(&j, out, 1);
	json_begin_object(&j);
	{
		const struct check_result **full = xcalloc(n + 1, sizeof *full);

		for (i = 0; i < n; i++)
			full[i] = res[i]->full;
		report_json_generated(&j, n > 0 ? res[0]->full->generated : 0,
		                      n > 0 ? res[0]->full->rules : NULL, full,
		                      n);
		free(full);
	}
	json_key(&j, "proeftuinen");
	json_begin_array(&j);
	for (i = 0; i < n; i++) {
		const struct ruimte_result *r = res[i];

		json_begin_object(&j);
		json_kstring(&j, "id", r->design->id);
		json_kstring(&j, "peildatum", r->design->peildatum);
		j_nu(&j, r);
		j_amvb(&j, r);
		j_wet(&j, r);
		j_ladder(&j, r);
		json_end_object(&j);
	}
	json_end_array(&j);
	j_gedeeld(&j, res, n);
	json_end_object(&j);
	pt_buf_addc(out, '\n');
}

/* --- text ------------------------------------------------------------- */

static void
t_finding(struct pt_buf *b, const char *indent, const struct finding *f)
{
	char *cite = ruimte_rep_key(f) != NULL
	                 ? cite_provision(ruimte_rep_key(f))
	                 : NULL;

	pt_buf_addf(b, "%s- %s\n%s  %s", indent, f->rule->titel, indent, f->id);
	if (cite != NULL)
		pt_buf_addf(b, "; %s", cite);
	pt_buf_addf(b, "; laagste niveau: %s\n", vocab_level_label(f->level));
	free(cite);
}

static void
t_nu(struct pt_buf *b, const struct ruimte_result *r)
{
	size_t i, k;

	pt_buf_adds(b, "1. Wat nu kan, binnen de huidige wet\n");
	if (r->nroutes == 0)
		pt_buf_adds(
		    b, "   Het ontwerp heeft geen belemmering die een route "
		       "zonder wetswijziging opheft.\n");
	for (i = 0; i < r->nroutes; i++) {
		const struct ruimte_route *rt = &r->routes[i];
		const struct finding *f = ruimte_rep_finding(r, rt->finding);

		pt_buf_addf(
		    b, "   - %s (%s): %s\n", ruimte_soort_name(rt->soort),
		    rt->actor != NULL ? rt->actor : "-", rt->toelichting);
		pt_buf_addf(b, "     bevinding %s; regel %s", rt->finding,
		            rt->rule->id);
		for (k = 0; f != NULL && k < f->nprovisions; k++) {
			char *cite = cite_provision(&f->provisions[k]);

			pt_buf_addf(b, "%s%s", k ? ", " : "; rust op ", cite);
			free(cite);
		}
		pt_buf_adds(b, "\n");
	}
	pt_buf_addf(b,
	            "   De variant met deze routes heeft %zu belemmering%s die "
	            "geen afspraak opheft.\n",
	            r->barriers_after, r->barriers_after == 1 ? "" : "en");
}

static void
t_amvb_wet(struct pt_buf *b, const struct ruimte_result *r)
{
	const struct finding_provision *clause = ruimte_rep_amvb_clause(r);
	size_t i;

	pt_buf_adds(b, "\n2. Wat een AMvB kan toestaan\n");
	if (r->namvb == 0)
		pt_buf_adds(
		    b, "   Geen belemmering van dit ontwerp is bij AMvB op "
		       "te heffen.\n");
	if (clause != NULL) {
		char *cite = cite_provision(clause);

		pt_buf_addf(b, "   Grondslag: %s\n", cite);
		free(cite);
	}
	for (i = 0; i < r->namvb; i++) {
		t_finding(b, "   ", r->amvb[i]);
		if (r->amvb[i]->wijziging != NULL)
			pt_buf_addf(b, "     Voorwaarden: %s\n",
			            r->amvb[i]->wijziging);
	}
	pt_buf_adds(b, "\n3. Wat de wetgever moet doen\n");
	if (r->nwet == 0)
		pt_buf_adds(b, "   Geen belemmering vraagt een wet in formele "
		               "zin.\n");
	for (i = 0; i < r->nwet; i++)
		t_finding(b, "   ", r->wet[i]);
}

static void
t_ladder(struct pt_buf *b, const struct ruimte_result *r)
{
	size_t i, k;

	pt_buf_adds(b, "\n4. De ladder: van de variant naar het volledige "
	               "ontwerp\n");
	pt_buf_addf(b, "   0. De variant van deel 1 (%zu belemmering%s)\n",
	            r->barriers_after, r->barriers_after == 1 ? "" : "en");
	for (i = 0; i < r->nladder; i++) {
		const struct ruimte_step *s = &r->ladder[i];

		pt_buf_addf(b, "   %zu. Erbij: %s\n", i + 1, s->adds);
		if (s->nbarriers == 0)
			pt_buf_adds(b, "      geen nieuwe belemmering\n");
		else
			pt_buf_addf(b,
			            "      %zu nieuwe belemmering%s, laagste "
			            "niveau: %s\n",
			            s->nbarriers, s->nbarriers == 1 ? "" : "en",
			            vocab_level_label(s->level));
		for (k = 0; k < s->nbarriers; k++)
			pt_buf_addf(b, "      - %s\n", s->barriers[k]);
	}
}

/* For several designs: the provisions that block more than one. */
static void
t_gedeeld(struct pt_buf *b, struct ruimte_result *const *res, size_t n)
{
	struct ruimte_gedeeld *g;
	size_t ng, k;
	int any = 0;

	ruimte_gedeeld(res, n, &g, &ng);
	pt_buf_adds(b, "\nBepalingen die meer dan een proeftuin blokkeren "
	               "(de kern van een experimenteerwet)\n");
	for (k = 0; k < ng; k++)
		if (g[k].m >= 2) {
			char *cite = cite_provision(g[k].key);

			pt_buf_addf(b, "   - %s: %s\n", cite, g[k].who);
			free(cite);
			any = 1;
		}
	if (!any)
		pt_buf_adds(b, "   geen: elke belemmering is lokaal\n");
	ruimte_gedeeld_free(g, ng);
}

void
report_ruimte_text(struct pt_buf *out, struct ruimte_result *const *res,
                   size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct ruimte_result *r = res[i];
		const char *naam =
		    r->design->naam != NULL ? r->design->naam : r->design->id;

		pt_buf_addf(
		    out, "%sJuridische ruimte: %s (%s), peildatum %s\n\n",
		    i ? "\n" : "", naam, r->design->id, r->design->peildatum);
		t_nu(out, r);
		t_amvb_wet(out, r);
		t_ladder(out, r);
	}
	if (n > 1)
		t_gedeeld(out, res, n);
}

/* --- HTML fragment ---------------------------------------------------- */

/* A finding id, linked to href + id when href is set and the full design
 * has the finding (only its findings have a page). */
static void
h_id(struct pt_buf *b, const struct ruimte_result *r, const char *href,
     const char *id)
{
	size_t i;

	for (i = 0; href != NULL && r->full != NULL && i < r->full->nfindings;
	     i++)
		if (strcmp(r->full->findings[i].id, id) == 0)
			break;
	if (href != NULL && r->full != NULL && i < r->full->nfindings) {
		pt_buf_adds(b, "<a href=\"");
		pt_buf_adds(b, href);
		html_url_encode(b, id);
		html_tag(b, "\"><code>", id, "</code></a>");
	} else {
		html_tag(b, "<code>", id, "</code>");
	}
}

static void
h_barriers(struct pt_buf *b, size_t n)
{
	pt_buf_addf(b, "%zu belemmering%s", n, n == 1 ? "" : "en");
}

static void
h_nu(struct pt_buf *b, const struct ruimte_result *r, int level,
     const char *href)
{
	size_t i, k;

	html_heading(b, level, "1. Wat nu kan, binnen de huidige wet");
	if (r->nroutes == 0)
		pt_buf_adds(b, "<p>Het ontwerp heeft geen belemmering die een "
		               "route zonder wetswijziging opheft.</p>\n");
	else
		pt_buf_adds(
		    b, "<table>\n<caption>De routes van de variant binnen de "
		       "huidige wet</caption>\n<thead><tr>"
		       "<th scope=\"col\">Route</th>"
		       "<th scope=\"col\">Actor</th>"
		       "<th scope=\"col\">Wat verandert</th>"
		       "<th scope=\"col\">Bevinding en bepalingen</th>"
		       "</tr></thead>\n<tbody>\n");
	for (i = 0; i < r->nroutes; i++) {
		const struct ruimte_route *rt = &r->routes[i];
		const struct finding *f = ruimte_rep_finding(r, rt->finding);

		html_tag(b, "<tr><td>", ruimte_soort_name(rt->soort), "</td>");
		html_tag(b, "<td>", rt->actor != NULL ? rt->actor : "-",
		         "</td>");
		html_tag(b, "<td>", rt->toelichting, "</td><td>");
		h_id(b, r, href, rt->finding);
		html_tag(b, "<br>regel <code>", rt->rule->id, "</code>");
		for (k = 0; f != NULL && k < f->nprovisions; k++) {
			char *cite = cite_provision(&f->provisions[k]);

			html_tag(b, k ? ", " : "<br>rust op ", cite, "");
			free(cite);
		}
		pt_buf_adds(b, "</td></tr>\n");
	}
	if (r->nroutes > 0)
		pt_buf_adds(b, "</tbody>\n</table>\n");
	pt_buf_adds(b, "<p>De variant met deze routes heeft <strong>");
	h_barriers(b, r->barriers_after);
	pt_buf_adds(b, "</strong> die geen afspraak opheft.</p>\n");
}

static void
h_findings(struct pt_buf *b, const struct ruimte_result *r, const char *href,
           const struct finding *const *f, size_t n, int voorwaarden)
{
	size_t i;

	if (n > 0)
		pt_buf_adds(b, "<ul>\n");
	for (i = 0; i < n; i++) {
		char *cite = ruimte_rep_key(f[i]) != NULL
		                 ? cite_provision(ruimte_rep_key(f[i]))
		                 : NULL;

		html_tag(b, "<li>", f[i]->rule->titel, "<br>");
		h_id(b, r, href, f[i]->id);
		if (cite != NULL)
			html_tag(b, "; ", cite, "");
		html_tag(b, "; laagste niveau: <strong>",
		         vocab_level_label(f[i]->level), "</strong>");
		if (voorwaarden && f[i]->wijziging != NULL)
			html_tag(b, "<br>Voorwaarden: ", f[i]->wijziging, "");
		pt_buf_adds(b, "</li>\n");
		free(cite);
	}
	if (n > 0)
		pt_buf_adds(b, "</ul>\n");
}

static void
h_amvb_wet(struct pt_buf *b, const struct ruimte_result *r, int level,
           const char *href)
{
	const struct finding_provision *clause = ruimte_rep_amvb_clause(r);

	html_heading(b, level, "2. Wat een AMvB kan toestaan");
	if (r->namvb == 0)
		pt_buf_adds(b, "<p>Geen belemmering van dit ontwerp is bij "
		               "AMvB op te heffen.</p>\n");
	if (clause != NULL) {
		char *cite = cite_provision(clause);

		html_tag(b, "<p>Grondslag: ", cite, "</p>\n");
		free(cite);
	}
	h_findings(b, r, href, r->amvb, r->namvb, 1);
	html_heading(b, level, "3. Wat de wetgever moet doen");
	if (r->nwet == 0)
		pt_buf_adds(b, "<p>Geen belemmering vraagt een wet in formele "
		               "zin.</p>\n");
	h_findings(b, r, href, r->wet, r->nwet, 0);
}

static void
h_ladder(struct pt_buf *b, const struct ruimte_result *r, int level,
         const char *href)
{
	size_t i, k;

	html_heading(b, level,
	             "4. De ladder: van de variant naar het volledige "
	             "ontwerp");
	pt_buf_adds(b, "<ol start=\"0\">\n<li>De variant van deel 1 (");
	h_barriers(b, r->barriers_after);
	pt_buf_adds(b, ")</li>\n");
	for (i = 0; i < r->nladder; i++) {
		const struct ruimte_step *s = &r->ladder[i];

		html_tag(b, "<li>Erbij: ", s->adds, "<br>");
		if (s->nbarriers == 0) {
			pt_buf_adds(b, "geen nieuwe belemmering");
		} else {
			h_barriers(b, s->nbarriers);
			html_tag(b, " erbij, laagste niveau: <strong>",
			         vocab_level_label(s->level), "</strong>");
		}
		if (s->nbarriers > 0)
			pt_buf_adds(b, "\n<ul>\n");
		for (k = 0; k < s->nbarriers; k++) {
			pt_buf_adds(b, "<li>");
			h_id(b, r, href, s->barriers[k]);
			pt_buf_adds(b, "</li>\n");
		}
		pt_buf_adds(b, s->nbarriers > 0 ? "</ul></li>\n" : "</li>\n");
	}
	pt_buf_adds(b, "</ol>\n");
}

void
report_ruimte_html(struct pt_buf *out, const struct ruimte_result *r, int level,
                   const char *href)
{
	h_nu(out, r, level, href);
	h_amvb_wet(out, r, level, href);
	h_ladder(out, r, level, href);
}
