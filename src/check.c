/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check.c: apply the rules to a design and quote the law (see check.h).
 *
 * Three generic conditions (rules.h) are evaluated here; what they mean in
 * law lives in the rule files, not in this code.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "cite.h"
#include "digest.h"
#include "provenance.h"
#include "stale.h"
#include "vocab.h"

static int
in_list(char *const *list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

static int actor_holds_task(const struct design *d, size_t ai,
                            char *const *tasks, size_t n);
static void describe_task(struct pt_buf *b, const char *id);

/* Whether actor ai of the design matches a pattern, its tasks included. */
static int
pattern_match(const struct rule_pattern *p, const struct design *d, size_t ai)
{
	return rules_pattern_match(p, &d->actors[ai]) &&
	       (p->ntaken == 0 || actor_holds_task(d, ai, p->taken, p->ntaken));
}

static int
any_match(const struct rule_pattern *p, size_t n, const struct design *d,
          size_t ai)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pattern_match(&p[i], d, ai))
			return 1;
	return 0;
}

/* Whether the rule looks at this actor at all (geldt-voor, toegestaan). */
static int
actor_in_scope(const struct rule *r, const struct design *d, size_t ai)
{
	if (r->ngeldt_voor > 0 &&
	    !any_match(r->geldt_voor, r->ngeldt_voor, d, ai))
		return 0;
	return !any_match(r->toegestaan, r->ntoegestaan, d, ai);
}

/* "rvt-noord (regionaal veiligheidsteam, niet gecertificeerd)" */
static void
describe_actor(struct pt_buf *b, const struct design_actor *a)
{
	const struct vocab_entry *role = vocab_role(a->rol);
	int i;

	pt_buf_addf(b, "%s (%s, %s", a->id, role ? role->label : a->rol,
	            a->gecertificeerd ? "gecertificeerd"
	                              : "niet gecertificeerd");
	for (i = 0; i < VOCAB_NAANWIJZING; i++)
		if (a->aangewezen & (1u << i))
			pt_buf_addf(b, ", aangewezen als %s",
			            vocab_aanwijzing_names[i]);
	if (a->doelgroep == DOELGROEP_ALLE)
		pt_buf_adds(b, ", doelgroep alle leeftijden");
	pt_buf_addc(b, ')');
}

/* Dutch description of a pattern: "gecertificeerde instelling", ... */
static void
describe_pattern(struct pt_buf *b, const struct rule_pattern *p)
{
	size_t i;
	int parts = 0;

	for (i = 0; i < p->nrollen; i++) {
		const struct vocab_entry *role = vocab_role(p->rollen[i]);

		pt_buf_addf(b, "%s%s", i ? " of " : "",
		            role ? role->label : p->rollen[i]);
		parts++;
	}
	if (p->gecertificeerd >= 0) {
		pt_buf_addf(b, "%s%s", parts++ ? ", " : "een actor die ",
		            p->gecertificeerd
		                ? "een certificaat heeft (art. 3.4 Jeugdwet)"
		                : "geen certificaat heeft");
	}
	for (i = 0; i < VOCAB_NAANWIJZING; i++)
		if (p->aangewezen & (1u << i))
			pt_buf_addf(b, "%saangewezen als %s",
			            parts++ ? ", " : "",
			            vocab_aanwijzing_names[i]);
	if (p->doelgroep >= 0)
		pt_buf_addf(b, "%sdoelgroep %s", parts++ ? ", " : "",
		            p->doelgroep == DOELGROEP_ALLE ? "alle leeftijden"
		                                           : "jeugd");
	for (i = 0; i < p->ntaken; i++) {
		pt_buf_adds(b, i         ? " of "
		               : parts++ ? ", met de taak "
		                         : "een actor met de taak ");
		describe_task(b, p->taken[i]);
	}
	if (parts == 0)
		pt_buf_adds(b, "iedere actor");
}

static void
describe_task(struct pt_buf *b, const char *id)
{
	const struct vocab_entry *t = vocab_task(id);

	pt_buf_addf(b, "'%s' (%s)", t ? t->label : id, id);
}

static struct finding *
new_finding(struct check_result *res, size_t *cap, const struct rule *r,
            const char *subject)
{
	struct finding *f;
	size_t start;
	long j;
	char *id = xasprintf("%s/%s/%s", res->design->id, r->id, subject);

	/*
	 * Keep ids unique even when two subjects print the same: an id that
	 * the i-th finding has already becomes "id#<i+2>", and so on for the
	 * findings after it.
	 */
	for (start = 0;
	     (j = strmap_get(&res->ids, id)) >= 0 && (size_t)j >= start;
	     start = (size_t)j + 1) {
		char *id2 = xasprintf("%s#%zu", id, (size_t)j + 2);

		free(id);
		id = id2;
	}
	PT_ARRAY_PUSH(res->findings, res->nfindings, *cap);
	f = &res->findings[res->nfindings - 1];
	memset(f, 0, sizeof *f);
	f->id = id;
	f->rule = r;
	(void)strmap_add(&res->ids, id, res->nfindings - 1);
	return f;
}

static void
add_str(char ***list, size_t *n, const char *s)
{
	if (in_list(*list, *n, s))
		return;
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrdup(s);
}

/* Tasks of actor ai that are in the list, in design order. */
static size_t
actor_tasks(const struct design *d, size_t ai, char *const *list, size_t n,
            char ***out, size_t *nout)
{
	size_t i, k, before = *nout;
	const size_t *idx = design_actor_taken(d, ai, &k);

	for (i = 0; i < k; i++)
		if (in_list(list, n, d->taken[idx[i]].id))
			add_str(out, nout, d->taken[idx[i]].id);
	return *nout - before;
}

static void
eval_toewijzing(struct check_result *res, size_t *cap, const struct rule *r)
{
	const struct design *d = res->design;
	size_t ai, i;

	if (r->min_gemeenten > 0 && d->ngemeenten < (size_t)r->min_gemeenten)
		return;
	for (ai = 0; ai < d->nactors; ai++) {
		const struct design_actor *a = &d->actors[ai];
		char **tasks = NULL;
		size_t ntasks = 0;
		struct pt_buf t = PT_BUF_INIT;
		struct finding *f;

		if (!actor_in_scope(r, d, ai))
			continue;
		if (actor_tasks(d, ai, r->taken, r->ntaken, &tasks, &ntasks) ==
		    0)
			continue;
		pt_buf_adds(&t, ntasks > 1 ? "De taken " : "De taak ");
		for (i = 0; i < ntasks; i++) {
			if (i)
				pt_buf_adds(&t,
				            i + 1 == ntasks ? " en " : ", ");
			describe_task(&t, tasks[i]);
		}
		pt_buf_adds(&t, ntasks > 1 ? " zijn toegewezen aan "
		                           : " is toegewezen aan ");
		describe_actor(&t, a);
		if (r->ntoegestaan > 0) {
			pt_buf_adds(&t, "; de regel geldt niet voor: ");
			for (i = 0; i < r->ntoegestaan; i++) {
				if (i)
					pt_buf_adds(&t, "; ");
				describe_pattern(&t, &r->toegestaan[i]);
			}
		}
		if (r->min_gemeenten > 0)
			pt_buf_addf(&t, "; de proeftuin omvat %zu gemeenten",
			            d->ngemeenten);
		pt_buf_addc(&t, '.');
		f = new_finding(res, cap, r, a->id);
		add_str(&f->actors, &f->nactors, a->id);
		f->tasks = tasks;
		f->ntasks = ntasks;
		f->trigger = pt_buf_detach(&t);
	}
}

static void
eval_combinatie(struct check_result *res, size_t *cap, const struct rule *r)
{
	const struct design *d = res->design;
	size_t ai, i;

	for (ai = 0; ai < d->nactors; ai++) {
		const struct design_actor *a = &d->actors[ai];
		char **ta = NULL, **tb = NULL;
		size_t na = 0, nb = 0;
		struct pt_buf t = PT_BUF_INIT;
		struct finding *f;

		if (!actor_in_scope(r, d, ai))
			continue;
		actor_tasks(d, ai, r->taken, r->ntaken, &ta, &na);
		actor_tasks(d, ai, r->taken_b, r->ntaken_b, &tb, &nb);
		if (na == 0 || nb == 0) {
			for (i = 0; i < na; i++)
				free(ta[i]);
			for (i = 0; i < nb; i++)
				free(tb[i]);
			free(ta);
			free(tb);
			continue;
		}
		describe_actor(&t, a);
		pt_buf_adds(&t, " voert zowel ");
		for (i = 0; i < na; i++) {
			if (i)
				pt_buf_adds(&t, i + 1 == na ? " en " : ", ");
			describe_task(&t, ta[i]);
		}
		pt_buf_adds(&t, " als ");
		for (i = 0; i < nb; i++) {
			if (i)
				pt_buf_adds(&t, i + 1 == nb ? " en " : ", ");
			describe_task(&t, tb[i]);
		}
		pt_buf_adds(&t, " uit.");
		f = new_finding(res, cap, r, a->id);
		add_str(&f->actors, &f->nactors, a->id);
		for (i = 0; i < nb; i++) {
			add_str(&ta, &na, tb[i]);
			free(tb[i]);
		}
		free(tb);
		f->tasks = ta;
		f->ntasks = na;
		f->trigger = pt_buf_detach(&t);
	}
}

static int
lid_matches(const char *want, const char *given)
{
	if (want == NULL)
		return 1;
	return given != NULL && strcmp(want, given) == 0;
}

static void
describe_gegevens(struct pt_buf *b, unsigned g)
{
	int i, n = 0;

	for (i = 0; i < VOCAB_NGEGEVENS; i++)
		if (g & (1u << i))
			pt_buf_addf(b, "%s%s", n++ ? ", " : "",
			            vocab_gegevens_names[i]);
}

/*
 * The actors a list of patterns allows, as alternatives after "geen":
 * "gecertificeerde instelling of actor met een certificaat (Jeugdwet 3.4)".
 * A pattern with roles only gives one alternative per role.
 */
static void
describe_alternatives(struct pt_buf *b, const struct rule_pattern *p, size_t n)
{
	char **alts = NULL;
	size_t nalts = 0, i, k;

	for (i = 0; i < n; i++) {
		struct pt_buf alt = PT_BUF_INIT;
		int roles_only = p[i].gecertificeerd < 0 &&
		                 p[i].aangewezen == 0 && p[i].doelgroep < 0;
		const char *sep = " ";

		for (k = 0; k < p[i].nrollen; k++) {
			const struct vocab_entry *role =
			    vocab_role(p[i].rollen[k]);
			const char *label = role ? role->label : p[i].rollen[k];

			if (roles_only)
				add_str(&alts, &nalts, label);
			else
				pt_buf_addf(&alt, "%s%s", k ? " of " : "",
				            label);
		}
		if (roles_only)
			continue;
		if (p[i].nrollen == 0)
			pt_buf_adds(&alt, "actor");
		if (p[i].gecertificeerd >= 0) {
			pt_buf_addf(
			    &alt, "%s%s", sep,
			    p[i].gecertificeerd
			        ? "met een certificaat (art. 3.4 Jeugdwet)"
			        : "zonder certificaat");
			sep = ", ";
		}
		for (k = 0; k < VOCAB_NAANWIJZING; k++)
			if (p[i].aangewezen & (1u << k)) {
				pt_buf_addf(&alt, "%sdie is aangewezen als %s",
				            sep, vocab_aanwijzing_names[k]);
				sep = ", ";
			}
		if (p[i].doelgroep >= 0)
			pt_buf_addf(&alt, "%smet doelgroep %s", sep,
			            p[i].doelgroep == DOELGROEP_ALLE
			                ? "alle leeftijden"
			                : "jeugd");
		add_str(&alts, &nalts, alt.s);
		pt_buf_release(&alt);
	}
	for (i = 0; i < nalts; i++) {
		if (i)
			pt_buf_adds(b, i + 1 == nalts ? " of " : ", ");
		pt_buf_adds(b, alts[i]);
		free(alts[i]);
	}
	free(alts);
}

static int
actor_holds_task(const struct design *d, size_t ai, char *const *tasks,
                 size_t n)
{
	size_t i, k;
	const size_t *idx = design_actor_taken(d, ai, &k);

	for (i = 0; i < k; i++)
		if (in_list(tasks, n, d->taken[idx[i]].id))
			return 1;
	return 0;
}

/* Whether a route is open to one of the finding's actors. */
static int
route_open(const struct design *d, const struct rule_route *rt,
           const struct finding *f)
{
	size_t i, k;

	if (rt->nvoor == 0)
		return 1;
	for (i = 0; i < f->nactors; i++) {
		long ai = design_actor_index(d, f->actors[i]);

		for (k = 0; ai >= 0 && k < rt->nvoor; k++) {
			if (pattern_match(&rt->voor[k], d, (size_t)ai))
				return 1;
		}
	}
	return 0;
}

/*
 * The routes open to the finding, and its severity and level: an open
 * route that needs a lower level of law (a designation by the college
 * instead of a statute) sets both.
 */
static void
finding_routes(const struct design *d, struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;

	f->severity = r->severity;
	f->level = r->level;
	f->wijziging = r->wijziging;
	f->routes = xcalloc(r->nroutes ? r->nroutes : 1, sizeof *f->routes);
	for (i = 0; i < r->nroutes; i++) {
		const struct rule_route *rt = &r->routes[i];

		if (!route_open(d, rt, f))
			continue;
		f->routes[f->nroutes++] = rt;
		if (rt->level_given && rt->level > f->level) {
			f->level = rt->level;
			f->severity = rt->severity;
			f->wijziging = rt->text;
		}
	}
}

static void
describe_bepaling(struct pt_buf *b, const struct design_bepaling *bp)
{
	struct cite_ref r = {bp->bwb, NULL, bp->artikel, bp->lid, NULL};
	char *s = cite_ref(&r, CITE_KORT);

	pt_buf_adds(b, s);
	free(s);
}

/*
 * What of a sharing a gateway does not cover, in Dutch ("de verstrekker is
 * geen ..."), appended to b; returns 0 when the gateway covers it.
 */
static int
kanaal_gaps(const struct rule_kanaal *kn, const struct design *d,
            const struct design_deling *dl, struct pt_buf *b)
{
	int gaps = 0;
	size_t i;

	if (kn->nvan > 0 && !any_match(kn->van, kn->nvan, d, dl->van)) {
		pt_buf_adds(b, "de verstrekker is geen ");
		describe_alternatives(b, kn->van, kn->nvan);
		gaps++;
	}
	if (kn->nnaar > 0 && !any_match(kn->naar, kn->nnaar, d, dl->naar)) {
		pt_buf_adds(b, gaps++ ? " en " : "");
		pt_buf_adds(b, "de ontvanger is geen ");
		describe_alternatives(b, kn->naar, kn->nnaar);
	}
	if (kn->nnaar_taken > 0 &&
	    !actor_holds_task(d, dl->naar, kn->naar_taken, kn->nnaar_taken)) {
		pt_buf_adds(b, gaps++ ? " en " : "");
		pt_buf_adds(b, kn->nnaar_taken > 1
		                   ? "de ontvanger voert geen van de taken "
		                   : "de ontvanger voert de taak ");
		for (i = 0; i < kn->nnaar_taken; i++) {
			if (i)
				pt_buf_adds(b, i + 1 == kn->nnaar_taken ? " of "
				                                        : ", ");
			describe_task(b, kn->naar_taken[i]);
		}
		pt_buf_adds(b, kn->nnaar_taken > 1 ? " uit" : " niet uit");
	}
	if (kn->gegevens != 0 && (dl->gegevens & ~kn->gegevens) != 0) {
		pt_buf_adds(b, gaps++ ? " en " : "");
		pt_buf_adds(b, "de gegevens (");
		describe_gegevens(b, dl->gegevens & ~kn->gegevens);
		pt_buf_adds(b, ") vallen er niet onder");
	}
	return gaps;
}

/*
 * Whether one of the provisions the design cites for a sharing is a
 * gateway of the rule that covers its sender, receiver, the receiver's
 * task and the data.  When none is, *why says for each cited provision
 * what is not covered.
 */
static int
gateway_covers(const struct rule *r, const struct design *d,
               const struct design_deling *dl, struct pt_buf *why)
{
	size_t i, k;

	for (i = 0; i < dl->nbepalingen; i++) {
		const struct design_bepaling *b = &dl->bepalingen[i];
		struct pt_buf gaps = PT_BUF_INIT;
		int matched = 0;

		for (k = 0; k < r->nkanalen; k++) {
			const struct rule_kanaal *kn = &r->kanalen[k];
			struct pt_buf g = PT_BUF_INIT;

			if (strcmp(kn->bwb, b->bwb) != 0 ||
			    strcmp(kn->artikel, b->artikel) != 0 ||
			    !lid_matches(kn->lid, b->lid))
				continue;
			if (kanaal_gaps(kn, d, dl, &g) == 0) {
				pt_buf_release(&g);
				pt_buf_release(&gaps);
				return 1;
			}
			/* Two gateways on one provision: say what each misses.
			 */
			pt_buf_addf(&gaps, "%s%s", matched++ ? "; of " : "",
			            g.s);
			pt_buf_release(&g);
		}
		if (dl->nbepalingen > 1) {
			describe_bepaling(why, b);
			pt_buf_adds(why, ": ");
		}
		if (matched)
			pt_buf_adds(why, gaps.s);
		else
			pt_buf_adds(why,
			            "zij is geen van de wettelijke kanalen voor"
			            " verstrekking zonder toestemming die deze "
			            "regel kent");
		if (i + 1 < dl->nbepalingen)
			pt_buf_adds(why, "; ");
		pt_buf_release(&gaps);
	}
	return 0;
}

static void
eval_gegevens(struct check_result *res, size_t *cap, const struct rule *r)
{
	const struct design *d = res->design;
	size_t i, k;

	for (i = 0; i < d->ndelingen; i++) {
		const struct design_deling *dl = &d->delingen[i];
		const struct design_actor *van = &d->actors[dl->van];
		const struct design_actor *naar = &d->actors[dl->naar];
		struct pt_buf t = PT_BUF_INIT, subj = PT_BUF_INIT,
		              why = PT_BUF_INIT;
		struct finding *f;

		if (r->gegevens != 0 && (dl->gegevens & r->gegevens) == 0)
			continue;
		if (r->ngeldt_voor > 0 &&
		    !any_match(r->geldt_voor, r->ngeldt_voor, d, dl->van) &&
		    !any_match(r->geldt_voor, r->ngeldt_voor, d, dl->naar))
			continue;
		if (dl->grondslag == GRONDSLAG_TOESTEMMING)
			continue;
		if (dl->grondslag == GRONDSLAG_WETTELIJK &&
		    gateway_covers(r, d, dl, &why)) {
			pt_buf_release(&why);
			continue;
		}
		describe_actor(&t, van);
		pt_buf_adds(&t, " verstrekt gegevens (");
		describe_gegevens(&t, dl->gegevens);
		pt_buf_adds(&t, ") aan ");
		describe_actor(&t, naar);
		if (dl->grondslag == GRONDSLAG_GEEN) {
			pt_buf_adds(&t, " zonder grondslag (geen toestemming, "
			                "geen wettelijke bepaling).");
		} else {
			pt_buf_adds(&t, " met als genoemde grondslag ");
			for (k = 0; k < dl->nbepalingen; k++) {
				if (k)
					pt_buf_adds(&t, ", ");
				describe_bepaling(&t, &dl->bepalingen[k]);
			}
			pt_buf_addf(
			    &t, ", maar %s: %s.",
			    dl->nbepalingen > 1
			        ? "geen daarvan dekt deze verstrekking"
			        : "die bepaling dekt deze verstrekking niet",
			    why.s);
		}
		pt_buf_release(&why);
		pt_buf_addf(&subj, "%s>%s", van->id, naar->id);
		/* One finding per sender/receiver pair. */
		f = NULL;
		{
			char *want =
			    xasprintf("%s/%s/%s", d->id, r->id, subj.s);
			long at = strmap_get(&res->ids, want);

			if (at >= 0)
				f = &res->findings[at];
			free(want);
		}
		if (f != NULL) {
			char *joined = xasprintf("%s %s", f->trigger, t.s);

			free(f->trigger);
			f->trigger = joined;
			pt_buf_release(&t);
		} else {
			f = new_finding(res, cap, r, subj.s);
			f->subject = FINDING_FLOW;
			add_str(&f->actors, &f->nactors, van->id);
			add_str(&f->actors, &f->nactors, naar->id);
			f->trigger = pt_buf_detach(&t);
		}
		pt_buf_release(&subj);
	}
	if (!r->dossiers)
		return;
	for (i = 0; i < d->ndossiers; i++) {
		const struct design_dossier *ds = &d->dossiers[i];
		struct pt_buf t = PT_BUF_INIT, subj = PT_BUF_INIT;
		struct finding *f;
		int hit = r->ngeldt_voor == 0;

		if (ds->nactoren < 2)
			continue;
		for (k = 0; k < ds->nactoren && !hit; k++)
			hit = any_match(r->geldt_voor, r->ngeldt_voor, d,
			                ds->actoren[k]);
		if (!hit)
			continue;
		pt_buf_adds(
		    &t,
		    "Een integraal dossier wordt gelezen en beschreven door ");
		pt_buf_adds(&subj, "dossier:");
		for (k = 0; k < ds->nactoren; k++) {
			if (k) {
				pt_buf_adds(&t, k + 1 == ds->nactoren ? " en "
				                                      : ", ");
				pt_buf_addc(&subj, '+');
			}
			describe_actor(&t, &d->actors[ds->actoren[k]]);
			pt_buf_adds(&subj, d->actors[ds->actoren[k]].id);
		}
		pt_buf_adds(
		    &t,
		    "; geen bepaling staat het samenvoegen van gegevens over"
		    " organisaties en doelen heen toe.");
		f = new_finding(res, cap, r, subj.s);
		f->subject = FINDING_DOSSIER;
		f->dossier = i;
		for (k = 0; k < ds->nactoren; k++)
			add_str(&f->actors, &f->nactors,
			        d->actors[ds->actoren[k]].id);
		f->trigger = pt_buf_detach(&t);
		pt_buf_release(&subj);
	}
}

/*
 * Whether the quoted text is the one the rule was checked against: the
 * version in force on getoetst-aan.  A version of unknown date is never
 * that one.
 */
static enum pt_status
checked_version(struct pt_store *st, struct finding_provision *fp,
                struct pt_err *err)
{
	const struct rule_provision *rp = fp->rp;
	const struct store_provision *base;
	struct store_provision own;

	if (!fp->in_registry || rp->getoetst_aan == NULL)
		return PT_OK;
	memset(&own, 0, sizeof own);
	if (store_provision_shared(st, rp->bwb, rp->artikel, NULL,
	                           rp->getoetst_aan, &base, err) != PT_OK)
		return PT_EDB;
	if (base == NULL) {
		if (store_provision_at(st, rp->bwb, rp->artikel, NULL,
		                       rp->getoetst_aan, &own, err) != PT_OK) {
			store_provision_release(&own);
			return PT_EDB;
		}
		base = &own;
	}
	if (base->found != STORE_NO_LAW && base->found != STORE_NO_VERSION &&
	    !base->date_unknown)
		fp->checked_version = xstrdup0(base->version_date);
	fp->other_version = fp->date_unknown || fp->checked_version == NULL ||
	                    fp->version_date == NULL ||
	                    strcmp(fp->checked_version, fp->version_date) != 0;
	store_provision_release(&own);
	return PT_OK;
}

/* The slots of finding_provision.owned (check.h). */
enum { OWN_CITEERTITEL, OWN_TEXT, OWN_VERSION_DATE, OWN_SHA256, OWN_COUNT };

/* A part of a lid: its opening words and that item, not the whole list. */
static void
quote_part(struct finding_provision *fp)
{
	char *part;

	if (fp->rp->onderdeel == NULL || fp->rp->lid == NULL)
		return;
	part = cite_part_text(fp->text, fp->rp->onderdeel);
	if (part == NULL) {
		fp->part_missing = 1;
		return;
	}
	free(fp->owned[OWN_TEXT]);
	fp->text = fp->owned[OWN_TEXT] = part;
}

/* A bit per task of vocab.h that the design gives to some actor. */
static unsigned long long
design_tasks(const struct design *d)
{
	unsigned long long bits = 0;
	size_t i;

	for (i = 0; i < d->ntaken; i++) {
		const struct vocab_entry *v = vocab_task(d->taken[i].id);

		if (v != NULL && v - vocab_tasks < 64)
			bits |= 1ULL << (v - vocab_tasks);
	}
	return bits;
}

/* Whether the finding cites rp: always, unless rp is cited only for
 * designs with one of its bij-taak tasks. */
static int
cites(const struct check_result *res, const struct rule_provision *rp)
{
	size_t i;

	if (rp->nbij_taken == 0)
		return 1;
	for (i = 0; i < rp->nbij_taken; i++) {
		const struct vocab_entry *v = vocab_task(rp->bij_taken[i]);

		if (v != NULL && v - vocab_tasks < 64 &&
		    ((res->tasks >> (v - vocab_tasks)) & 1) != 0)
			return 1;
	}
	return 0;
}

/*
 * A string of the look-up for fp->owned[slot]: lent when the look-up is
 * the store's held memo (check.h), else a copy the finding owns.
 */
static const char *
keep(struct finding_provision *fp, int slot, const char *s, int lent)
{
	if (lent || s == NULL)
		return s;
	return fp->owned[slot] = xstrdup(s);
}

/* What the registry holds for fp->rp at date, quoted into fp. */
static enum pt_status
cite_from_registry(struct finding_provision *fp, struct pt_store *st,
                   const char *date, struct pt_err *err)
{
	const struct rule_provision *rp = fp->rp;
	const struct store_provision *p;
	struct store_provision own;
	int lent;

	memset(&own, 0, sizeof own);
	if (store_provision_shared(st, rp->bwb, rp->artikel, rp->lid, date, &p,
	                           err) != PT_OK)
		return PT_EDB;
	if (p == NULL) {
		if (store_provision_at(st, rp->bwb, rp->artikel, rp->lid, date,
		                       &own, err) != PT_OK) {
			store_provision_release(&own);
			return PT_EDB;
		}
		p = &own;
	}
	lent = p != &own && store_memo_held(st);
	fp->citeertitel = p->citeertitel
	                      ? keep(fp, OWN_CITEERTITEL, p->citeertitel, lent)
	                      : rp->citeertitel;
	fp->version_date = keep(fp, OWN_VERSION_DATE, p->version_date, lent);
	fp->date_unknown = p->date_unknown;
	if (p->found == STORE_FOUND) {
		char *jci = store_jci_own(p->jci, rp->artikel, rp->lid,
		                          rp->onderdeel, date);

		if (jci != NULL) { /* the file's own form */
			free(fp->jci);
			fp->jci = jci;
		}
		fp->in_registry = 1;
		fp->version_sha256 = keep(fp, OWN_SHA256, p->sha256, lent);
		if (p == &own) { /* taken, not copied */
			fp->text = fp->owned[OWN_TEXT] = own.text;
			own.text = NULL;
		} else
			fp->text = keep(fp, OWN_TEXT, p->text, lent);
		if (rp->tekst_sha256 != NULL) {
			char h[DIGEST_SHA256_HEX];

			digest_sha256_mem(fp->text, strlen(fp->text), h);
			fp->stale = strcmp(h, rp->tekst_sha256) != 0;
		}
		quote_part(fp);
	} else {
		fp->missing = cite_missing(p, rp, date);
	}
	store_provision_release(&own);
	return PT_OK;
}

static enum pt_status
quote(const struct check_result *res, struct finding *f, struct pt_store *st,
      struct pt_err *err)
{
	const struct design *d = res->design;
	const struct rule *r = f->rule;
	size_t i;

	for (i = 0; i < r->nsources; i++)
		if (!rules_zekerheid_verified(r->sources[i].zekerheid))
			f->unverified = 1;
	f->provisions =
	    xcalloc(r->nprovisions ? r->nprovisions : 1, sizeof *f->provisions);
	for (i = 0; i < r->nprovisions; i++) {
		const struct rule_provision *rp = &r->provisions[i];
		struct finding_provision *fp;

		if (!cites(res, rp))
			continue;
		fp = &f->provisions[f->nprovisions++];

		fp->rp = rp;
		fp->jci = store_jci_part(rp->bwb, rp->artikel, rp->lid,
		                         rp->onderdeel, d->peildatum);
		fp->url = store_url(rp->bwb, rp->artikel, d->peildatum);
		if (!rules_zekerheid_verified(rp->zekerheid))
			f->unverified = 1;
		if (st == NULL) {
			fp->citeertitel = rp->citeertitel;
			fp->missing = xstrdup("er is geen register gebruikt");
			continue;
		}
		if (cite_from_registry(fp, st, d->peildatum, err) != PT_OK)
			return PT_EDB;
		/* The law changed since the rule was written (stale.h). */
		if (stale_mark(st, rp, d->peildatum, &fp->stale, err) != PT_OK)
			return PT_EDB;
		if (checked_version(st, fp, err) != PT_OK)
			return PT_EDB;
	}
	return PT_OK;
}

static int
barrier_covers(const struct check_result *res, const char *actor,
               const char *task)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];

		if (f->rule->kind == RULE_BARRIER &&
		    in_list(f->actors, f->nactors, actor) &&
		    in_list(f->tasks, f->ntasks, task))
			return 1;
	}
	return 0;
}

/*
 * Per actor, a bit for each task of vocab.h that a barrier covers: one
 * pass over the findings instead of one per assignment.  NULL when a
 * task falls outside the bits (then barrier_covers() decides).
 */
static unsigned long long *
covered_tasks(const struct check_result *res)
{
	const struct design *d = res->design;
	unsigned long long *bits =
	    xcalloc(d->nactors ? d->nactors : 1, sizeof *bits);
	size_t i, a, t;

	for (i = 0; i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];

		if (f->rule->kind != RULE_BARRIER)
			continue;
		for (a = 0; a < f->nactors; a++) {
			long ai = design_actor_index(d, f->actors[a]);

			for (t = 0; ai >= 0 && t < f->ntasks; t++) {
				const struct vocab_entry *v =
				    vocab_task(f->tasks[t]);
				size_t k = v ? (size_t)(v - vocab_tasks) : 64;

				if (k >= 64) {
					free(bits);
					return NULL;
				}
				bits[ai] |= 1ULL << k;
			}
		}
	}
	return bits;
}

enum pt_status
check_run(const struct design *d, const struct ruleset *rs, struct pt_store *st,
          struct check_result **out, struct pt_err *err)
{
	struct check_result *res;
	unsigned long long *covered;
	size_t cap = 0, okcap = 0, i;
	enum pt_status prc;
	int txn;

	*out = NULL;
	res = xcalloc(1, sizeof *res);
	if ((prc = provenance_time(&res->generated, err)) != PT_OK) {
		free(res);
		return prc;
	}
	res->design = d;
	res->rules = rs;
	res->registry = st ? xstrdup(store_path(st)) : NULL;
	res->tasks = design_tasks(d);
	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->rules[i];

		switch (r->cond) {
		case COND_TOEWIJZING:
			eval_toewijzing(res, &cap, r);
			break;
		case COND_COMBINATIE:
			eval_combinatie(res, &cap, r);
			break;
		case COND_GEGEVENSDELING:
			eval_gegevens(res, &cap, r);
			break;
		}
	}
	/* The findings are all made: their ids are unique. */
	strmap_release(&res->ids);
	for (i = 0; i < res->nfindings; i++)
		finding_routes(d, &res->findings[i]);
	txn = st ? store_read_begin(st) : 0;
	for (i = 0; i < res->nfindings; i++) {
		struct finding *f = &res->findings[i];

		if (f->rule->kind == RULE_BARRIER)
			res->nbarriers++;
		else
			res->nrisks++;
		if (quote(res, f, st, err) != PT_OK) {
			store_read_end(st, txn);
			check_result_free(res);
			return PT_EDB;
		}
	}
	if (st)
		store_read_end(st, txn);
	covered = covered_tasks(res);
	for (i = 0; i < d->ntaken; i++) {
		const struct design_taak *t = &d->taken[i];
		const struct vocab_entry *task = vocab_task(t->id);
		struct check_ok *ok;

		if (covered != NULL && task != NULL
		        ? ((covered[t->actor] >> (task - vocab_tasks)) & 1) != 0
		        : barrier_covers(res, d->actors[t->actor].id, t->id) !=
		              0)
			continue;
		PT_ARRAY_PUSH(res->ok, res->nok, okcap);
		ok = &res->ok[res->nok - 1];
		ok->taak = i;
		ok->reason =
		    xasprintf("Geen regel vindt een belemmering voor deze "
		              "toewijzing. Wettelijke taakhouder(s): %s.",
		              task ? task->holder : "onbekend");
	}
	free(covered);
	*out = res;
	return PT_OK;
}

void
check_result_free(struct check_result *r)
{
	size_t i, k, o;

	if (r == NULL)
		return;
	for (i = 0; i < r->nfindings; i++) {
		struct finding *f = &r->findings[i];

		free(f->id);
		for (k = 0; k < f->nactors; k++)
			free(f->actors[k]);
		free(f->actors);
		for (k = 0; k < f->ntasks; k++)
			free(f->tasks[k]);
		free(f->tasks);
		free(f->trigger);
		free(f->routes);
		for (k = 0; k < f->nprovisions; k++) {
			free(f->provisions[k].jci);
			free(f->provisions[k].url);
			for (o = 0; o < OWN_COUNT; o++)
				free(f->provisions[k].owned[o]);
			free(f->provisions[k].missing);
			free(f->provisions[k].checked_version);
		}
		free(f->provisions);
		free(f->review_status);
		free(f->review_note);
	}
	free(r->findings);
	strmap_release(&r->ids);
	for (i = 0; i < r->nok; i++)
		free(r->ok[i].reason);
	free(r->ok);
	free(r->registry);
	free(r);
}
