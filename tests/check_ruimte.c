/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_ruimte.c: the juridische ruimte (ruimte.c) of the example designs
 * and of designs made to try what a route may and may not do.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fileio.h"
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
	tcase_add_test(tc, test_ruimte_no_route_for_police);
	tcase_add_test(tc, test_ruimte_bad_design);
	suite_add_tcase(s, tc);
	return s;
}
