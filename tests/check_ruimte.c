/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_ruimte.c: the juridische ruimte (ruimte.c) of the example designs
 * and of designs made to try what a route may and may not do.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "design.h"
#include "fileio.h"
#include "report_ruimte_priv.h"
#include "rules.h"
#include "ruimte.h"
#include "suites.h"
#include "testlib.h"

static struct ruleset *rs;

static void
setup(void)
{
	struct pt_err e = PT_ERR_INIT;
	char *rules = t_src("rules");

	ck_assert_int_eq(rules_load_dir(rules, &rs, &e), PT_OK);
	free(rules);
}

static void
teardown(void)
{
	rules_free(rs);
}

static struct ruimte_result *
run_xml(const char *xml)
{
	struct pt_err e = PT_ERR_INIT;
	struct ruimte_result *r = NULL;

	ck_assert_msg(ruimte_run(xml, strlen(xml), "t.xml", "2026-07-01", rs,
	                         NULL, &r, &e) == PT_OK,
	              "%s", e.msg);
	return r;
}

static const char *const examples[] = {
    "huidige-taakverdeling.xml",   "noord.xml",
    "rvt-gecertificeerd.xml",      "rvt-integraal.xml",
    "veilig-thuis-aangewezen.xml", "wijkteam-hulp-en-dwang.xml"};

static int
in_ladder(const struct ruimte_result *r, const char *id)
{
	size_t i, k;

	for (i = 0; i < r->nladder; i++)
		for (k = 0; k < r->ladder[i].nbarriers; k++)
			if (strcmp(r->ladder[i].barriers[k], id) == 0)
				return 1;
	for (i = 0; i < r->variant->nfindings; i++)
		if (strcmp(r->variant->findings[i].id, id) == 0)
			return 1;
	return 0;
}

/*
 * Each example: the variant has no barrier that an agreement does not
 * lift, loads as a design of its own, and the ladder ends at the design
 * as submitted, every barrier of which it brings in (or the variant keeps
 * under an agreement).
 */
START_TEST(test_ruimte_examples)
{
	char *rel = xasprintf("xml/proeftuinen/%s", examples[_i]);
	char *path = t_src(rel);
	char *xml = t_read(path, NULL);
	struct ruimte_result *r = run_xml(xml);
	size_t i;

	ck_assert_msg(r->barriers_after == 0, "%s: %zu barriers after",
	              examples[_i], r->barriers_after);
	ck_assert_ptr_nonnull(r->variant_xml);
	ck_assert(t_contains(r->variant_xml, "-nu\""));
	ck_assert_ptr_nonnull(r->variant_design);
	ck_assert_uint_ge(r->nladder, 1);
	ck_assert_str_eq(r->ladder[r->nladder - 1].items[0].kind, "ontwerp");
	ck_assert_uint_eq(r->nnu + r->namvb + r->nwet, r->full->nbarriers);
	for (i = 0; i < r->full->nfindings; i++)
		if (r->full->findings[i].rule->kind == RULE_BARRIER)
			ck_assert_msg(in_ladder(r, r->full->findings[i].id),
			              "%s: %s not on the ladder", examples[_i],
			              r->full->findings[i].id);
	/* the AMvB part: only what the experiment clause covers */
	for (i = 0; i < r->namvb; i++) {
		const struct finding *f = r->amvb[i];

		ck_assert_int_eq(f->level, LEVEL_AMVB);
		if (strcmp(f->rule->id, "jw-7.1.1.2-verwijsindex") != 0) {
			ck_assert_str_eq(f->provisions[0].rp->artikel, "3.2");
			ck_assert_str_eq(f->provisions[0].rp->lid, "2");
		}
	}
	ruimte_free(r);
	free(xml);
	free(path);
	free(rel);
}
END_TEST

/* Whether a route of an agreement (a gemeenschappelijke regeling,
 * attribution) of r lifts finding f of the variant: same rule, same
 * actor. */
static int
agreed(const struct ruimte_result *r, const struct finding *f)
{
	size_t i, k;

	for (i = 0; i < r->nroutes; i++) {
		const struct ruimte_route *rt = &r->routes[i];

		if ((rt->soort != RUIMTE_GEMEENSCHAPPELIJKE_REGELING &&
		     rt->soort != RUIMTE_TOEREKENING) ||
		    rt->rule != f->rule || rt->actor == NULL)
			continue;
		for (k = 0; k < f->nactors; k++)
			if (strcmp(f->actors[k], rt->actor) == 0)
				return 1;
	}
	return 0;
}

/*
 * Each example's variant, loaded from the XML a user saves and checked
 * afresh with the same rules: no barrier but those a recorded agreement
 * lifts (which check still reports, README), and its id is ID-nu.
 */
START_TEST(test_ruimte_variant_checked)
{
	char *rel = xasprintf("xml/proeftuinen/%s", examples[_i]);
	char *path = t_src(rel), *xml = t_read(path, NULL), *id;
	struct ruimte_result *r = run_xml(xml);
	struct pt_err e = PT_ERR_INIT;
	struct design *d = NULL;
	struct check_result *c = NULL;
	size_t i, left = 0;

	ck_assert_msg(design_load_memory(r->variant_xml, strlen(r->variant_xml),
	                                 "nu.xml", "2026-07-01", &d,
	                                 &e) == PT_OK,
	              "%s: %s", examples[_i], e.msg);
	id = xasprintf("%s-nu", r->design->id);
	ck_assert_str_eq(d->id, id);
	ck_assert_int_eq(check_run(d, rs, NULL, &c, &e), PT_OK);
	for (i = 0; i < c->nfindings; i++)
		if (c->findings[i].rule->kind == RULE_BARRIER &&
		    !agreed(r, &c->findings[i])) {
			left++;
			ck_assert_msg(0, "%s: the variant has %s", examples[_i],
			              c->findings[i].id);
		}
	ck_assert_uint_eq(left, r->barriers_after);
	/* The variant of the variant is a new version of the same
	 * proeftuin: the same id, and its name says it once. */
	{
		struct ruimte_result *r2 = run_xml(r->variant_xml);
		const char *naam = r2->variant_design->naam;

		ck_assert_str_eq(r2->variant_design->id, id);
		ck_assert_ptr_nonnull(naam);
		ck_assert_msg(strstr(naam, "(binnen de huidige wet)") ==
		                      strrchr(naam, '(') &&
		                  strstr(naam, "(binnen de huidige wet)") !=
		                      NULL,
		              "%s: %s", examples[_i], naam);
		ruimte_free(r2);
	}
	check_result_free(c);
	design_free(d);
	ruimte_free(r);
	free(id);
	free(xml);
	free(path);
	free(rel);
}
END_TEST

/*
 * The ladder ends at the design as submitted: the barriers its steps bring
 * in, with those the variant keeps under an agreement, are exactly the
 * barriers of the full design, each once.
 */
START_TEST(test_ruimte_ladder_ends_at_design)
{
	char *rel = xasprintf("xml/proeftuinen/%s", examples[_i]);
	char *path = t_src(rel), *xml = t_read(path, NULL);
	struct ruimte_result *r = run_xml(xml);
	size_t i, k, j, seen = 0, hits;

	for (i = 0; i < r->nladder; i++)
		for (k = 0; k < r->ladder[i].nbarriers; k++) {
			const char *id = r->ladder[i].barriers[k];

			for (j = 0, hits = 0; j < r->full->nfindings; j++)
				if (r->full->findings[j].rule->kind ==
				        RULE_BARRIER &&
				    strcmp(r->full->findings[j].id, id) == 0)
					hits++;
			ck_assert_msg(hits == 1,
			              "%s: step %zu brings in %s, which the "
			              "design as submitted does not have",
			              examples[_i], i + 1, id);
			seen++;
		}
	/* each barrier of the full design once: the steps' count plus the
	 * ones the variant keeps under an agreement */
	for (i = 0; i < r->full->nfindings; i++) {
		const struct finding *f = &r->full->findings[i];

		if (f->rule->kind != RULE_BARRIER)
			continue;
		for (j = 0, hits = 0; j < r->nladder; j++)
			for (k = 0; k < r->ladder[j].nbarriers; k++)
				hits += strcmp(r->ladder[j].barriers[k],
				               f->id) == 0;
		ck_assert_msg(hits <= 1, "%s: %s on %zu steps", examples[_i],
		              f->id, hits);
		if (hits == 0)
			ck_assert_msg(agreed(r, f), "%s: %s not on the ladder",
			              examples[_i], f->id);
	}
	ck_assert_uint_le(seen, r->full->nbarriers);
	ck_assert_str_eq(r->ladder[r->nladder - 1].items[0].kind, "ontwerp");
	ruimte_free(r);
	free(xml);
	free(path);
	free(rel);
}
END_TEST

#define DESIGN(actors, tasks)                                                  \
	"<proeftuin id=\"t\" peildatum=\"2026-07-01\"><naam>T</naam>"          \
	"<gemeenten><gemeente>G</gemeente></gemeenten><actoren>" actors        \
	"</actoren><taken>" tasks "</taken></proeftuin>"

static const struct ruimte_route *
route_for(const struct ruimte_result *r, const char *rule)
{
	size_t i;

	for (i = 0; i < r->nroutes; i++)
		if (strcmp(r->routes[i].rule->id, rule) == 0)
			return &r->routes[i];
	return NULL;
}

/* A police team is never certified or designated: its tasks go back to
 * the body the law names; a team is certified and designated. */
START_TEST(test_ruimte_no_route_for_police)
{
	struct ruimte_result *r = run_xml(
	    DESIGN("<actor id=\"pol\" rol=\"politie\"/><actor id=\"wt\" "
	           "rol=\"wijkteam\"/>",
	           "<taak id=\"uitvoering-ots\" actor=\"pol\"/>"
	           "<taak id=\"verzoek-raadsonderzoek\" actor=\"pol\"/>"
	           "<taak id=\"meldpunt\" actor=\"pol\"/>"));
	const struct ruimte_route *rt;
	size_t i;

	for (i = 0; i < r->nroutes; i++)
		ck_assert_msg(r->routes[i].soort == RUIMTE_TAAK_TERUG,
		              "%s for the police",
		              ruimte_soort_name(r->routes[i].soort));
	rt = route_for(r, "jw-3.1-1-verzoek-raadsonderzoek");
	ck_assert_ptr_nonnull(rt);
	ck_assert(t_contains(rt->toelichting, "naar wt"));
	rt = route_for(r, "jw-3.2-1-uitvoering");
	ck_assert_ptr_nonnull(rt);
	ck_assert(t_contains(rt->toelichting, "gecertificeerde-instelling"));
	ck_assert_uint_eq(r->barriers_after, 0);
	/* the variant added the gecertificeerde instelling and Veilig Thuis
	 * that the law names */
	ck_assert(
	    t_contains(r->variant_xml, "rol=\"gecertificeerde-instelling\""));
	ck_assert(t_contains(r->variant_xml, "rol=\"veilig-thuis\""));
	ruimte_free(r);

	r = run_xml(
	    DESIGN("<actor id=\"rvt\" rol=\"regionaal-veiligheidsteam\"/>",
	           "<taak id=\"uitvoering-ots\" actor=\"rvt\"/>"
	           "<taak id=\"meldpunt\" actor=\"rvt\"/>"));
	ck_assert_ptr_nonnull(route_for(r, "jw-3.2-1-uitvoering"));
	ck_assert_int_eq(route_for(r, "jw-3.2-1-uitvoering")->soort,
	                 RUIMTE_CERTIFICAAT);
	ck_assert_int_eq(route_for(r, "wmo-4.1.1-veilig-thuis")->soort,
	                 RUIMTE_AANWIJZING_VT);
	ck_assert(t_contains(r->variant_xml, "gecertificeerd=\"ja\""));
	ck_assert(
	    t_contains(r->variant_xml, "aangewezen-als=\"veilig-thuis\""));
	/* B1 and B6 by the routes, B12 (no klachtrecht) by the certificate */
	ck_assert_uint_eq(r->nnu, 3);
	ck_assert_uint_eq(r->namvb + r->nwet, 0);
	ck_assert_uint_eq(r->barriers_after, 0);
	ruimte_free(r);
}
END_TEST

/* Whether r has a route of soort for actor. */
static int
has_route(const struct ruimte_result *r, enum ruimte_soort soort,
          const char *actor)
{
	size_t i;

	for (i = 0; i < r->nroutes; i++)
		if (r->routes[i].soort == soort && r->routes[i].actor != NULL &&
		    strcmp(r->routes[i].actor, actor) == 0)
			return 1;
	return 0;
}

/*
 * The route "aanwijzing-jeugdhulpaanbieder" is open to whoever offers
 * jeugdhulp (rules/verzoeken.xml), but a police team cannot be designated
 * as jeugdhulpaanbieder: for the police its request goes back to the body
 * the law names, while a regional team with the same tasks is designated
 * (rules/README.md).
 */
START_TEST(test_ruimte_police_not_jeugdhulpaanbieder)
{
	struct ruimte_result *r = run_xml(
	    DESIGN("<actor id=\"pol\" rol=\"politie\"/><actor id=\"wt\" "
	           "rol=\"wijkteam\"/>",
	           "<taak id=\"jeugdhulp\" actor=\"pol\"/>"
	           "<taak id=\"verzoek-raadsonderzoek\" actor=\"pol\"/>"));
	size_t i;

	ck_assert(!has_route(r, RUIMTE_AANWIJZING_JHA, "pol"));
	ck_assert(!has_route(r, RUIMTE_AANWIJZING_VT, "pol"));
	ck_assert(!has_route(r, RUIMTE_CERTIFICAAT, "pol"));
	for (i = 0; i < r->variant_design->nactors; i++) {
		const struct design_actor *a = &r->variant_design->actors[i];

		if (strcmp(a->id, "pol") == 0) {
			ck_assert_uint_eq(a->aangewezen, 0);
			ck_assert(!a->gecertificeerd);
		}
	}
	ck_assert(has_route(r, RUIMTE_TAAK_TERUG, "pol"));
	ck_assert_uint_eq(r->barriers_after, 0);
	ruimte_free(r);

	/* the same tasks with a team: the college designates it */
	r = run_xml(DESIGN("<actor id=\"wt\" "
	                   "rol=\"regionaal-veiligheidsteam\"/>",
	                   "<taak id=\"jeugdhulp\" actor=\"wt\"/>"
	                   "<taak id=\"verzoek-raadsonderzoek\" "
	                   "actor=\"wt\"/>"));
	ck_assert(has_route(r, RUIMTE_AANWIJZING_JHA, "wt"));
	ck_assert(t_contains(r->variant_xml,
	                     "aangewezen-als=\"jeugdhulpaanbieder\""));
	ck_assert_uint_eq(r->barriers_after, 0);
	ruimte_free(r);
}
END_TEST

/*
 * The AMvB part names a delegation only when every barrier in it rests on
 * it: Jeugdwet 12.1 for 3.2 lid 2, never for a barrier that 12.1 does not
 * cover (such as the verwijsindex of 7.1.1.2).  In the examples, 12.1 is
 * named only with 3.2 lid 2.
 */
START_TEST(test_ruimte_amvb_clause)
{
	struct rule_provision p32 = {0}, p121 = {0}, p7112 = {0};
	struct finding_provision a[2], b[2], c[2];
	struct finding f32 = {0}, f32b = {0}, fvi = {0};
	const struct finding *amvb[2];
	struct ruimte_result r;
	const struct finding_provision *cl;
	size_t k;

	p32.bwb = p121.bwb = p7112.bwb = (char *)"BWBR0034925";
	p32.artikel = (char *)"3.2";
	p32.lid = (char *)"2";
	p121.artikel = (char *)"12.1";
	p121.lid = (char *)"1";
	p7112.artikel = (char *)"7.1.1.2";
	p7112.lid = (char *)"1";
	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	memset(c, 0, sizeof c);
	a[0].rp = b[0].rp = &p32;
	a[1].rp = b[1].rp = c[1].rp = &p121;
	c[0].rp = &p7112;
	f32.provisions = a;
	f32b.provisions = b;
	fvi.provisions = c;
	f32.nprovisions = f32b.nprovisions = 2;
	fvi.nprovisions = 1; /* 7.1.1.2 without 12.1 */
	memset(&r, 0, sizeof r);
	r.amvb = amvb;
	amvb[0] = &f32;
	r.namvb = 1;
	cl = ruimte_rep_amvb_clause(&r);
	ck_assert_ptr_nonnull(cl);
	ck_assert_str_eq(cl->rp->artikel, "12.1");
	amvb[1] = &f32b;
	r.namvb = 2;
	ck_assert_ptr_eq(ruimte_rep_amvb_clause(&r), &a[1]);
	amvb[1] = &fvi;
	ck_assert_ptr_null(ruimte_rep_amvb_clause(&r));
	amvb[0] = &fvi;
	r.namvb = 1;
	ck_assert_ptr_null(ruimte_rep_amvb_clause(&r));

	/* the examples */
	for (k = 0; k < sizeof examples / sizeof examples[0]; k++) {
		char *rel = xasprintf("xml/proeftuinen/%s", examples[k]);
		char *path = t_src(rel), *xml = t_read(path, NULL);
		struct ruimte_result *x = run_xml(xml);
		size_t i;

		cl = ruimte_rep_amvb_clause(x);
		if (cl != NULL) {
			ck_assert_str_eq(cl->rp->artikel, "12.1");
			for (i = 0; i < x->namvb; i++) {
				const struct finding_provision *key =
				    ruimte_rep_key(x->amvb[i]);

				ck_assert_str_eq(key->rp->artikel, "3.2");
				ck_assert_str_eq(key->rp->lid, "2");
			}
		}
		ck_assert_int_eq(cl != NULL, x->namvb > 0);
		ruimte_free(x);
		free(xml);
		free(path);
		free(rel);
	}
}
END_TEST

/* A design that does not load is bad input, with its line. */
START_TEST(test_ruimte_bad_design)
{
	struct pt_err e = PT_ERR_INIT;
	struct ruimte_result *r = NULL;
	const char *xml = DESIGN("<actor id=\"a\" rol=\"koning\"/>", "");

	ck_assert_int_eq(
	    ruimte_run(xml, strlen(xml), "t.xml", NULL, rs, NULL, &r, &e),
	    PT_EINPUT);
	ck_assert_ptr_null(r);
	ck_assert(t_contains(e.msg, "koning"));
}
END_TEST

Suite *
suite_ruimte(void)
{
	Suite *s = suite_create("ruimte");
	TCase *tc = tcase_create("ruimte");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_ruimte_examples, 0,
	                    sizeof examples / sizeof examples[0]);
	tcase_add_loop_test(tc, test_ruimte_variant_checked, 0,
	                    sizeof examples / sizeof examples[0]);
	tcase_add_loop_test(tc, test_ruimte_ladder_ends_at_design, 0,
	                    sizeof examples / sizeof examples[0]);
	tcase_add_test(tc, test_ruimte_no_route_for_police);
	tcase_add_test(tc, test_ruimte_police_not_jeugdhulpaanbieder);
	tcase_add_test(tc, test_ruimte_amvb_clause);
	tcase_add_test(tc, test_ruimte_bad_design);
	suite_add_tcase(s, tc);
	return s;
}
