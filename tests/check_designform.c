/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_designform.c: the web workspace's design form (designform.h):
 * every example design survives design -> fields -> XML -> design, and
 * each line of the XML names the field and line it comes from.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "buf.h"
#include "design.h"
#include "designform.h"
#include "suites.h"
#include "testlib.h"

static const char *const examples[] = {
    "noord.xml",
    "huidige-taakverdeling.xml",
    "rvt-gecertificeerd.xml",
    "rvt-integraal.xml",
    "veilig-thuis-aangewezen.xml",
    "wijkteam-hulp-en-dwang.xml",
};

/* Whether actor a of x gives the same tasks as actor a of y. */
static void
same_design(const struct design *x, const struct design *y)
{
	size_t i, k;

	ck_assert_str_eq(x->id, y->id);
	ck_assert_str_eq(x->peildatum, y->peildatum);
	ck_assert_int_eq(x->peildatum_given, y->peildatum_given);
	ck_assert_str_eq(x->naam != NULL ? x->naam : "",
	                 y->naam != NULL ? y->naam : "");
	ck_assert_uint_eq(x->ngemeenten, y->ngemeenten);
	ck_assert_uint_eq(x->nactors, y->nactors);
	for (i = 0; i < x->nactors; i++) {
		ck_assert_str_eq(x->actors[i].id, y->actors[i].id);
		ck_assert_str_eq(x->actors[i].rol, y->actors[i].rol);
		ck_assert_int_eq(x->actors[i].gecertificeerd,
		                 y->actors[i].gecertificeerd);
		ck_assert_uint_eq(x->actors[i].aangewezen,
		                  y->actors[i].aangewezen);
		ck_assert_int_eq(x->actors[i].doelgroep,
		                 y->actors[i].doelgroep);
	}
	ck_assert_uint_eq(x->ntaken, y->ntaken);
	ck_assert_uint_eq(x->ndelingen, y->ndelingen);
	for (i = 0; i < x->ndelingen; i++) {
		ck_assert_uint_eq(x->delingen[i].gegevens,
		                  y->delingen[i].gegevens);
		ck_assert_int_eq(x->delingen[i].grondslag,
		                 y->delingen[i].grondslag);
		ck_assert_uint_eq(x->delingen[i].nbepalingen,
		                  y->delingen[i].nbepalingen);
		for (k = 0; k < x->delingen[i].nbepalingen; k++)
			ck_assert_str_eq(x->delingen[i].bepalingen[k].artikel,
			                 y->delingen[i].bepalingen[k].artikel);
	}
	ck_assert_uint_eq(x->ndossiers, y->ndossiers);
}

START_TEST(test_designform_round_trip)
{
	char *rel = xasprintf("xml/proeftuinen/%s", examples[_i]);
	char *path = t_src(rel), *xml;
	struct design *d, *back;
	struct designform f;
	struct designform_map map;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_int_eq(design_load(path, "2026-01-01", &d, &e), PT_OK);
	designform_from_design(d, &f);
	xml = designform_xml(&f, &map);
	ck_assert_msg(design_load_memory(xml, strlen(xml), "form", "2026-01-01",
	                                 &back, &e) == PT_OK,
	              "%s: %ld: %s\n%s", examples[_i], e.line, e.msg, xml);
	same_design(d, back);
	design_free(back);
	design_free(d);
	designform_map_release(&map);
	designform_release(&f);
	free(xml);
	free(path);
	free(rel);
}
END_TEST

START_TEST(test_designform_map)
{
	struct designform f;
	struct designform_map map;
	struct design *d;
	struct pt_err e = PT_ERR_INIT;
	char *xml;
	long fl;

	memset(&f, 0, sizeof f);
	f.v[DF_ID] = xstrdup("kaart");
	f.v[DF_PEILDATUM] = xstrdup("2026-13-01");
	f.v[DF_GEMEENTEN] = xstrdup("Goes\n\nSluis & <Hulst>\n");
	f.v[DF_ACTOREN] = xstrdup("a; wijkteam\n\nb; geen-rol; B\n");
	f.v[DF_GEGEVENSDELING] = xstrdup("deling; a; c; jeugdhulp; geen\n");
	xml = designform_xml(&f, &map);
	ck_assert(t_contains(xml, "<gemeente>Sluis &amp; &lt;Hulst&gt;"
	                          "</gemeente>"));
	ck_assert_int_eq(
	    design_load_memory(xml, strlen(xml), "form", NULL, &d, &e),
	    PT_EINPUT);
	/* the bad date, the unknown role (line 3 of actoren), the unknown
	 * actor of the flow (line 1 of gegevensdeling) */
	ck_assert_int_eq(designform_where(&map, e.line, e.msg, &fl),
	                 DF_PEILDATUM);
	ck_assert_uint_eq(e.nmore, 2);
	ck_assert_int_eq(
	    designform_where(&map, e.more[0].line, e.more[0].msg, &fl),
	    DF_ACTOREN);
	ck_assert_int_eq(fl, 3);
	ck_assert_int_eq(
	    designform_where(&map, e.more[1].line, e.more[1].msg, &fl),
	    DF_GEGEVENSDELING);
	ck_assert_int_eq(fl, 1);
	ck_assert_int_eq(designform_where(&map, 0, NULL, &fl), -1);
	ck_assert_int_eq(designform_where(&map, 100000, NULL, &fl), -1);
	pt_err_clear(&e);
	designform_map_release(&map);
	designform_release(&f);
	free(xml);
}
END_TEST

Suite *
suite_designform(void)
{
	Suite *s = suite_create("designform");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_designform_round_trip, 0,
	                    (int)(sizeof examples / sizeof examples[0]));
	tcase_add_test(tc, test_designform_map);
	suite_add_tcase(s, tc);
	return s;
}
