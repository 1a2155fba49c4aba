/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_svg.c: the picture of a design (report_svg.c).  The SVG is parsed
 * back with libxml2 and read with XPath: one box per actor and dossier,
 * the barrier marks on the box, arrow and dossier they concern and on
 * nothing else, links to the findings, escaping of what a design can
 * contain, the same bytes on every run, and the command's one-design rule.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "buf.h"
#include "check.h"
#include "design.h"
#include "report.h"
#include "rules.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"

#define RED "#b00020"

static char *dir, *db;
static struct ruleset *rs;
static struct pt_store *st;

static void
setup(void)
{
	struct pt_err e = PT_ERR_INIT;
	char *rules = t_src("rules");

	dir = t_tmpdir();
	db = xasprintf("%s/reg.db", dir);
	ck_assert_int_eq(rules_load_dir(rules, &rs, &e), PT_OK);
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	free(rules);
}

static void
teardown(void)
{
	store_close(st);
	rules_free(rs);
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
}

/* The SVG of a design given as XML text, parsed back. */
static xmlDocPtr
picture(const char *xml, const char *href, struct pt_buf *svg)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d;
	struct check_result *r;
	xmlDocPtr doc;

	ck_assert_msg(design_load_memory(xml, strlen(xml), "ontwerp.xml",
	                                 "2026-11-25", &d, &e) == PT_OK,
	              "%s", e.msg);
	ck_assert_int_eq(check_run(d, rs, st, &r, &e), PT_OK);
	ck_assert_msg(report_svg_design(svg, r, href, &e) == PT_OK, "%s",
	              e.msg);
	check_result_free(r);
	design_free(d);
	doc = xmlReadMemory(svg->s, (int)svg->len, "ontwerp.svg", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR);
	ck_assert_msg(doc != NULL, "the SVG is not well-formed");
	return doc;
}

static double
count(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr x = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o;
	double n;
	char *q = xasprintf("count(%s)", expr);

	xmlXPathRegisterNs(x, BAD_CAST "s",
	                   BAD_CAST "http://www.w3.org/2000/svg");
	xmlXPathRegisterNs(x, BAD_CAST "x",
	                   BAD_CAST "http://www.w3.org/1999/xlink");
	o = xmlXPathEvalExpression(BAD_CAST q, x);
	ck_assert_msg(o != NULL, "bad XPath %s", q);
	n = xmlXPathCastToNumber(o);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(x);
	free(q);
	return n;
}

static char *
example(const char *name)
{
	char *path = t_src(name), *data = t_read(path, NULL);

	ck_assert_ptr_nonnull(data);
	free(path);
	return data;
}

START_TEST(test_svg_noord)
{
	struct pt_buf svg = PT_BUF_INIT;
	char *xml = example("xml/proeftuinen/noord.xml");
	xmlDocPtr doc = picture(xml, "/findings/", &svg);

	/* two actors and one shared dossier */
	ck_assert_int_eq(count(doc, "//s:g[@class='node']"), 3);
	ck_assert_int_eq(count(doc, "//s:g[@id='actor-rvt-noord']"), 1);
	ck_assert_int_eq(count(doc, "//s:g[@id='dossier-1']"), 1);
	/* the team's box is marked (its tasks are barriers), the wijkteam's
	 * box is not: its request for a raadsonderzoek is lawful */
	ck_assert_int_ge(count(doc, "//s:g[@id='actor-rvt-noord']//"
	                            "s:path[@stroke='" RED "']"),
	                 1);
	ck_assert_int_eq(count(doc, "//s:g[@id='actor-wt-centrum']//"
	                            "*[@stroke='" RED "']"),
	                 0);
	/* the flow without grondslag, and the dossier */
	ck_assert_int_ge(
	    count(doc, "//s:g[@id='deling-1']//s:path[@stroke='" RED "']"), 1);
	ck_assert_int_ge(
	    count(doc, "//s:g[@id='dossier-1']//*[@stroke='" RED "']"), 1);
	ck_assert_int_ge(
	    count(doc, "//s:g[@id='deling-1']//s:a[starts-with(@x:href, "
	               "'/findings/noord%2Fjw-7.3.11-gegevensdeling%2F')]"),
	    1);
	ck_assert_int_eq(count(doc, "//s:text[. = 'Regionaal veiligheidsteam "
	                            "Noord']"),
	                 1);
	xmlFreeDoc(doc);
	pt_buf_release(&svg);
	free(xml);
}
END_TEST

/* What a design can contain comes out as text: markup escaped, and
 * Graphviz's own escapes (\N is the node's name) not expanded. */
START_TEST(test_svg_escape)
{
	static const char xml[] =
	    "<proeftuin id=\"x\" peildatum=\"2026-07-01\"><actoren>"
	    "<actor id=\"a\" rol=\"wijkteam\"><naam>&lt;script&gt;&amp;"
	    "\"\\N\\n</naam></actor>"
	    "<actor id=\"b\" rol=\"regionaal-veiligheidsteam\"/></actoren>"
	    "<taken><taak id=\"jeugdhulp\" actor=\"a\"/></taken>"
	    "</proeftuin>";
	struct pt_buf svg = PT_BUF_INIT;
	xmlDocPtr doc = picture(xml, NULL, &svg);

	ck_assert_int_eq(count(doc, "//s:text[. = '<script>&\"\\N\\n']"), 1);
	ck_assert_ptr_null(strstr(svg.s, "<script>"));
	/* without an href nothing links */
	ck_assert_int_eq(count(doc, "//s:a[@x:href]"), 0);
	xmlFreeDoc(doc);
	pt_buf_release(&svg);
}
END_TEST

START_TEST(test_svg_deterministic)
{
	struct pt_buf a = PT_BUF_INIT, b = PT_BUF_INIT;
	char *xml = example("xml/proeftuinen/rvt-integraal.xml");
	xmlDocPtr d1 = picture(xml, NULL, &a), d2 = picture(xml, NULL, &b);

	ck_assert_uint_eq(a.len, b.len);
	ck_assert_int_eq(memcmp(a.s, b.s, a.len), 0);
	xmlFreeDoc(d1);
	xmlFreeDoc(d2);
	pt_buf_release(&a);
	pt_buf_release(&b);
	free(xml);
}
END_TEST

/* check --format svg: one design, to standard output or -o; two designs
 * are a usage error that writes nothing. */
START_TEST(test_svg_cli)
{
	char *a = t_src("xml/proeftuinen/noord.xml");
	char *b = t_src("xml/proeftuinen/rvt-integraal.xml");
	char *rules = t_src("rules");
	char *out = NULL, *err = NULL;
	int rc;

	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rules,
	           "--format", "svg", a, NULL);
	ck_assert_int_eq(rc, 1); /* barriers found */
	ck_assert_ptr_nonnull(strstr(out, "<svg"));
	ck_assert_ptr_nonnull(strstr(out, "</svg>"));
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rules,
	           "--format", "svg", a, b, NULL);
	ck_assert_int_eq(rc, 2);
	ck_assert_str_eq(out, "");
	ck_assert_ptr_nonnull(strstr(err, "one design"));
	free(out);
	free(err);
	free(a);
	free(b);
	free(rules);
}
END_TEST

Suite *
suite_svg(void)
{
	Suite *s = suite_create("svg");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_svg_noord);
	tcase_add_test(tc, test_svg_escape);
	tcase_add_test(tc, test_svg_deterministic);
	tcase_add_test(tc, test_svg_cli);
	suite_add_tcase(s, tc);
	return s;
}
