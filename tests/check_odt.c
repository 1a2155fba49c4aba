/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_odt.c: tests of the OpenDocument text (odt.c, report_odt.c,
 * amend_odt.c): a real design checked against the bundled laws and
 * written with --format odt, then read back with libzip and libxml2: the
 * package (mimetype first, stored, no extra field), content.xml and
 * styles.xml well-formed in the ODF namespaces, the headings, and the
 * same bytes from two runs with SOURCE_DATE_EPOCH; and the same as a Word
 * document (docx); and the juridische ruimte (ruimte_odt.c) as an
 * OpenDocument text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <zip.h>

#include "buf.h"
#include "err.h"
#include "odt.h"
#include "suites.h"
#include "testlib.h"
#include "xmlsec.h"

#define NS_OFFICE  "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT    "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE   "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_STYLE   "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_XLINK   "http://www.w3.org/1999/xlink"
#define NS_DC      "http://purl.org/dc/elements/1.1/"
#define NS_W       "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_DCTERMS "http://purl.org/dc/terms/"
/* 2025-12-01T00:00:00Z */
#define EPOCH "1764547200"

static char *tmp, *db, *rulesdir, *design;

static char *saved_epoch;

static void
setup(void)
{
	char *bwb = t_src("xml/bwb"), *out, *err;
	int rc;

	tmp = t_tmpdir();
	db = xasprintf("%s/reg.db", tmp);
	rulesdir = t_src("rules");
	design = t_src("xml/proeftuinen/noord.xml");
	rc = t_cli(&out, &err, "--db", db, "import", "-q", bwb, NULL);
	ck_assert_msg(rc == 0, "import: %s", err);
	free(out);
	free(err);
	free(bwb);
	saved_epoch = getenv("SOURCE_DATE_EPOCH");
	saved_epoch = saved_epoch != NULL ? xstrdup(saved_epoch) : NULL;
	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
}

static void
teardown(void)
{
	/* the environment of the suites after this one, as it was */
	if (saved_epoch != NULL)
		setenv("SOURCE_DATE_EPOCH", saved_epoch, 1);
	else
		unsetenv("SOURCE_DATE_EPOCH");
	free(saved_epoch);
	saved_epoch = NULL;
	t_tmpdir_cleanup(tmp);
	free(tmp);
	free(db);
	free(rulesdir);
	free(design);
}

/* check --format fmt -o dir/name; returns the path (caller frees). */
static char *
check_as(const char *fmt, const char *name)
{
	char *file = xasprintf("%s/%s", tmp, name), *out, *err;
	int rc;

	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rulesdir,
	           "--format", fmt, "-o", file, design, NULL);
	ck_assert_msg(rc == PT_FINDINGS, "check: %d %s", rc, err);
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	return file;
}

static char *
check_odt(const char *name)
{
	return check_as("odt", name);
}

/* The entry called name of the package (caller frees). */
static char *
entry(zip_t *za, const char *name, size_t *len)
{
	struct pt_buf b = PT_BUF_INIT;
	zip_file_t *zf = zip_fopen(za, name, 0);
	char chunk[8192];
	zip_int64_t n;

	ck_assert_msg(zf != NULL, "no entry %s", name);
	while ((n = zip_fread(zf, chunk, sizeof chunk)) > 0)
		pt_buf_add(&b, chunk, (size_t)n);
	ck_assert(n == 0);
	zip_fclose(zf);
	if (len != NULL)
		*len = b.len;
	return pt_buf_detach(&b);
}

static zip_t *
open_zip(const char *file)
{
	int ze = 0;
	zip_t *za = zip_open(file, ZIP_RDONLY | ZIP_CHECKCONS, &ze);

	ck_assert_msg(za != NULL, "cannot open %s as a zip (%d)", file, ze);
	return za;
}

/* Parse an entry: well-formed, root element local name in ns. */
static xmlDocPtr
parse(zip_t *za, const char *name, const char *ns, const char *root)
{
	struct pt_err e = PT_ERR_INIT;
	size_t len;
	char *s = entry(za, name, &len);
	xmlDocPtr doc = xmlsec_parse_memory(s, len, name, &e);
	xmlNodePtr r;

	ck_assert_msg(doc != NULL, "%s is not well-formed: %s", name, e.msg);
	r = xmlDocGetRootElement(doc);
	ck_assert_str_eq((const char *)r->name, root);
	ck_assert_ptr_nonnull(r->ns);
	ck_assert_str_eq((const char *)r->ns->href, ns);
	free(s);
	pt_err_clear(&e);
	return doc;
}

static int
is(const xmlNode *n, const char *ns, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       strcmp((const char *)n->ns->href, ns) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

/* Append the text of every ns:name element under n, one per line. */
static void
collect(const xmlNode *n, const char *ns, const char *name, struct pt_buf *b)
{
	xmlChar *s;

	for (; n != NULL; n = n->next) {
		if (is(n, ns, name)) {
			s = xmlNodeGetContent(n);
			pt_buf_addf(b, "%s\n", (const char *)s);
			xmlFree(s);
		}
		collect(n->children, ns, name, b);
	}
}

/* Append the values of attribute ans:attr of every ns:name element. */
static void
attrs(const xmlNode *n, const char *ns, const char *name, const char *ans,
      const char *attr, struct pt_buf *b)
{
	xmlChar *s;

	for (; n != NULL; n = n->next) {
		if (is(n, ns, name) &&
		    (s = xmlGetNsProp(n, BAD_CAST attr, BAD_CAST ans)) !=
		        NULL) {
			pt_buf_addf(b, "%s\n", (const char *)s);
			xmlFree(s);
		}
		attrs(n->children, ns, name, ans, attr, b);
	}
}

START_TEST(test_odt_package)
{
	static const char *const names[] = {"mimetype", "META-INF/manifest.xml",
	                                    "content.xml", "styles.xml",
	                                    "meta.xml"};
	char *file = check_odt("noord.odt"), *s, *raw;
	zip_t *za = open_zip(file);
	zip_stat_t st;
	size_t len;
	zip_int64_t i;

	ck_assert_int_eq(zip_get_num_entries(za, 0), 5);
	for (i = 0; i < 5; i++)
		ck_assert_str_eq(zip_get_name(za, (zip_uint64_t)i, 0),
		                 names[i]);
	/* mimetype: first, stored, no extra field, the media type. */
	ck_assert_int_eq(zip_stat_index(za, 0, 0, &st), 0);
	ck_assert_int_eq(st.comp_method, ZIP_CM_STORE);
	ck_assert_int_eq(zip_file_extra_fields_count(za, 0, ZIP_FL_LOCAL), 0);
	ck_assert_int_eq(zip_file_extra_fields_count(za, 0, ZIP_FL_CENTRAL), 0);
	s = entry(za, "mimetype", &len);
	ck_assert_uint_eq(len, strlen(ODT_MEDIA_TYPE));
	ck_assert_str_eq(s, "application/vnd.oasis.opendocument.text");
	free(s);
	ck_assert_int_eq(zip_stat_index(za, 2, 0, &st), 0);
	ck_assert_int_eq(st.comp_method, ZIP_CM_DEFLATE);
	/* The magic a file type detector reads at offset 30. */
	raw = t_read(file, &len);
	ck_assert_uint_gt(len, 38 + strlen(ODT_MEDIA_TYPE));
	ck_assert_int_eq(memcmp(raw, "PK\3\4", 4), 0);
	ck_assert_int_eq(raw[28] | raw[29], 0); /* extra field length */
	ck_assert_int_eq(memcmp(raw + 30, "mimetype" ODT_MEDIA_TYPE,
	                        8 + strlen(ODT_MEDIA_TYPE)),
	                 0);
	free(raw);
	s = entry(za, "META-INF/manifest.xml", NULL);
	ck_assert(t_contains(s, "manifest:full-path=\"/\""));
	ck_assert(t_contains(s, "manifest:full-path=\"content.xml\""));
	free(s);
	zip_close(za);
	free(file);
}
END_TEST

START_TEST(test_odt_content)
{
	char *file = check_odt("noord.odt");
	zip_t *za = open_zip(file);
	struct pt_buf h = PT_BUF_INIT, b = PT_BUF_INIT;
	xmlDocPtr doc;
	xmlNodePtr root;

	doc = parse(za, "content.xml", NS_OFFICE, "document-content");
	root = xmlDocGetRootElement(doc);
	collect(root, NS_TEXT, "h", &h);
	ck_assert_msg(t_contains(h.s, "Proeftoets: Proeftuin Noord\n"), "%s",
	              h.s);
	ck_assert(t_contains(h.s, "\nSamenvatting\n"));
	ck_assert(
	    t_contains(h.s, "\nBelemmeringen, per benodigde wijziging\n"));
	ck_assert(t_contains(h.s, "\n1. Wijziging van art. "));
	ck_assert(t_contains(h.s, "\n1.1 "));
	ck_assert(t_contains(h.s, "\nRisico's voor de rechtsbescherming\n"));
	ck_assert(t_contains(h.s, "\nR1 "));
	ck_assert(t_contains(h.s, "\nWat in orde is\n"));
	/* Heading levels as outline levels. */
	attrs(root, NS_TEXT, "h", NS_TEXT, "outline-level", &b);
	ck_assert(t_contains(b.s, "1\n2\n2\n3\n4\n"));
	/* Title page: design id, peildatum, date made. */
	pt_buf_reset(&b);
	collect(root, NS_TEXT, "p", &b);
	ck_assert(t_contains(b.s, "Proeftuin: noord\n"));
	ck_assert(t_contains(b.s, "Peildatum: 2026-07-01\n"));
	ck_assert(t_contains(b.s, "Gemaakt op 1 december 2025\n"));
	/* Law text in the style Citaat, tables, links to the law. */
	pt_buf_reset(&b);
	attrs(root, NS_TEXT, "p", NS_TEXT, "style-name", &b);
	ck_assert(t_contains(b.s, "\nCitaat\n"));
	ck_assert(t_contains(b.s, "Titelpagina_20_einde\n"));
	pt_buf_reset(&b);
	collect(root, NS_TABLE, "table-cell", &b);
	ck_assert(t_contains(b.s, "Bevinding\n"));
	ck_assert(t_contains(b.s, "noord/"));
	pt_buf_reset(&b);
	attrs(root, NS_TEXT, "a", NS_XLINK, "href", &b);
	ck_assert(
	    strncmp(b.s, "https://wetten.overheid.nl/jci1.3:c:BWBR", 40) == 0);
	xmlFreeDoc(doc);
	/* styles.xml: the styles used and the page number in the footer. */
	doc = parse(za, "styles.xml", NS_OFFICE, "document-styles");
	root = xmlDocGetRootElement(doc);
	pt_buf_reset(&b);
	attrs(root, NS_STYLE, "style", NS_STYLE, "name", &b);
	ck_assert(t_contains(b.s, "\nCitaat\n"));
	ck_assert(t_contains(b.s, "\nKop_20_4\n"));
	ck_assert(t_contains(b.s, "\nInternetkoppeling\n"));
	pt_buf_reset(&b);
	collect(root, NS_STYLE, "footer", &b);
	ck_assert(t_contains(b.s, "Pagina "));
	pt_buf_reset(&b);
	collect(root, NS_TEXT, "page-number", &b);
	ck_assert_uint_gt(b.len, 0);
	xmlFreeDoc(doc);
	/* meta.xml: the dates are SOURCE_DATE_EPOCH's. */
	doc = parse(za, "meta.xml", NS_OFFICE, "document-meta");
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_DC, "date", &b);
	ck_assert_str_eq(b.s, "2025-12-01T00:00:00\n");
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_DC, "title", &b);
	ck_assert_str_eq(b.s, "Proeftoets: Proeftuin Noord\n");
	xmlFreeDoc(doc);
	pt_buf_release(&h);
	pt_buf_release(&b);
	zip_close(za);
	free(file);
}
END_TEST

/* The same design, the same SOURCE_DATE_EPOCH: the same bytes, whatever
 * the time zone. */
START_TEST(test_odt_reproducible)
{
	char *a, *b, *da, *dbytes;
	size_t la, lb;

	setenv("TZ", "UTC", 1);
	a = check_odt("a.odt");
	setenv("TZ", "Pacific/Auckland", 1);
	b = check_odt("b.odt");
	unsetenv("TZ");
	da = t_read(a, &la);
	dbytes = t_read(b, &lb);
	ck_assert_ptr_nonnull(da);
	ck_assert_ptr_nonnull(dbytes);
	ck_assert_uint_eq(la, lb);
	ck_assert_msg(memcmp(da, dbytes, la) == 0, "two runs differ");
	free(da);
	free(dbytes);
	free(a);
	free(b);
}
END_TEST

/* Several designs: one document, a title page and a section each. */
START_TEST(test_odt_two_designs)
{
	char *vt = t_src("xml/proeftuinen/veilig-thuis-aangewezen.xml");
	char *file = xasprintf("%s/twee.odt", tmp), *out, *err;
	struct pt_buf b = PT_BUF_INIT;
	xmlDocPtr doc;
	zip_t *za;
	int rc;

	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rulesdir,
	           "--format", "odt", "-o", file, design, vt, NULL);
	ck_assert_msg(rc == PT_FINDINGS, "%s", err);
	free(out);
	free(err);
	za = open_zip(file);
	doc = parse(za, "content.xml", NS_OFFICE, "document-content");
	collect(xmlDocGetRootElement(doc), NS_TEXT, "p", &b);
	ck_assert(t_contains(b.s, "Proeftuin: noord\n"));
	ck_assert(t_contains(b.s, "Proeftuin: veilig-thuis-aangewezen\n"));
	pt_buf_reset(&b);
	attrs(xmlDocGetRootElement(doc), NS_TEXT, "p", NS_TEXT, "style-name",
	      &b);
	ck_assert(strstr(strstr(b.s, "Titel\n") + 1, "Titel\n") != NULL);
	xmlFreeDoc(doc);
	doc = parse(za, "meta.xml", NS_OFFICE, "document-meta");
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_DC, "title", &b);
	ck_assert_str_eq(b.s, "Proeftoets van 2 proeftuinen\n");
	xmlFreeDoc(doc);
	zip_close(za);
	pt_buf_release(&b);
	free(file);
	free(vt);
}
END_TEST

/* The texts of the paragraphs of WordprocessingML whose style id starts
 * with prefix, one per line. */
static void
w_paras(const xmlNode *n, const char *prefix, struct pt_buf *b)
{
	const xmlNode *c, *s;
	xmlChar *v, *t;

	for (; n != NULL; n = n->next) {
		if (is(n, NS_W, "p"))
			for (c = n->children; c != NULL; c = c->next) {
				if (!is(c, NS_W, "pPr"))
					continue;
				for (s = c->children; s != NULL; s = s->next) {
					if (!is(s, NS_W, "pStyle"))
						continue;
					v = xmlGetNsProp(s, BAD_CAST "val",
					                 BAD_CAST NS_W);
					if (v != NULL &&
					    strncmp((const char *)v, prefix,
					            strlen(prefix)) == 0) {
						t = xmlNodeGetContent(n);
						pt_buf_addf(b, "%s\n",
						            (const char *)t);
						xmlFree(t);
					}
					xmlFree(v);
				}
			}
		w_paras(n->children, prefix, b);
	}
}

/* --format docx: the same document as WordprocessingML. */
START_TEST(test_docx)
{
	static const char *const names[] = {
	    "[Content_Types].xml", "_rels/.rels",
	    "word/document.xml",   "word/_rels/document.xml.rels",
	    "word/styles.xml",     "word/footer1.xml",
	    "docProps/core.xml"};
	char *file = check_as("docx", "noord.docx"), *again, *s;
	char *a, *b2;
	size_t la, lb;
	struct pt_buf b = PT_BUF_INIT;
	zip_t *za = open_zip(file);
	xmlDocPtr doc;
	zip_int64_t i;

	ck_assert_int_eq(zip_get_num_entries(za, 0), 7);
	for (i = 0; i < 7; i++)
		ck_assert_str_eq(zip_get_name(za, (zip_uint64_t)i, 0),
		                 names[i]);
	s = entry(za, "[Content_Types].xml", NULL);
	ck_assert(t_contains(s, "wordprocessingml.document.main+xml"));
	free(s);
	doc = parse(za, "word/document.xml", NS_W, "document");
	w_paras(xmlDocGetRootElement(doc), "Kop", &b);
	ck_assert_msg(t_contains(b.s, "Proeftoets: Proeftuin Noord\n"), "%s",
	              b.s);
	ck_assert(t_contains(b.s, "\nSamenvatting\n"));
	ck_assert(
	    t_contains(b.s, "\nBelemmeringen, per benodigde wijziging\n"));
	ck_assert(t_contains(b.s, "\n1. Wijziging van art. "));
	ck_assert(t_contains(b.s, "\nWat in orde is\n"));
	pt_buf_reset(&b);
	w_paras(xmlDocGetRootElement(doc), "Citaat", &b);
	ck_assert_uint_gt(b.len, 0);
	pt_buf_reset(&b);
	w_paras(xmlDocGetRootElement(doc), "Titelgegevens", &b);
	ck_assert(t_contains(b.s, "Proeftuin: noord\n"));
	ck_assert(t_contains(b.s, "Gemaakt op 1 december 2025\n"));
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_W, "instrText", &b);
	ck_assert(t_contains(b.s, " HYPERLINK \"https://wetten.overheid.nl/"));
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_W, "tbl", &b);
	ck_assert(t_contains(b.s, "Bevinding"));
	xmlFreeDoc(doc);
	doc = parse(za, "word/styles.xml", NS_W, "styles");
	xmlFreeDoc(doc);
	doc = parse(za, "word/footer1.xml", NS_W, "ftr");
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_W, "instrText", &b);
	ck_assert(t_contains(b.s, " PAGE "));
	xmlFreeDoc(doc);
	doc = parse(za, "docProps/core.xml",
	            "http://schemas.openxmlformats.org/package/2006/metadata/"
	            "core-properties",
	            "coreProperties");
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_DCTERMS, "created", &b);
	ck_assert_str_eq(b.s, "2025-12-01T00:00:00Z\n");
	xmlFreeDoc(doc);
	zip_close(za);
	/* The same bytes again. */
	again = check_as("docx", "again.docx");
	a = t_read(file, &la);
	b2 = t_read(again, &lb);
	ck_assert(la == lb && memcmp(a, b2, la) == 0);
	free(a);
	free(b2);
	free(again);
	pt_buf_release(&b);
	free(file);
}
END_TEST

START_TEST(test_odt_cli_errors)
{
	char *out, *err, *file = xasprintf("%s/x.odt", tmp);
	int rc;

	/* Never to standard output: a usage error, nothing written. */
	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rulesdir,
	           "--format", "odt", design, NULL);
	ck_assert_int_eq(rc, PT_EUSAGE);
	ck_assert(t_contains(err, "--format odt needs -o FILE"));
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rulesdir,
	           "--format", "odt", "-o", "-", design, NULL);
	ck_assert_int_eq(rc, PT_EUSAGE);
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	           "--format", "odt", NULL);
	ck_assert_int_eq(rc, PT_EUSAGE);
	ck_assert(t_contains(err, "--format odt needs -o FILE"));
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rulesdir,
	           "--format", "docx", design, NULL);
	ck_assert_int_eq(rc, PT_EUSAGE);
	ck_assert(t_contains(err, "--format docx needs -o FILE"));
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	/* A SOURCE_DATE_EPOCH that is not a number. */
	setenv("SOURCE_DATE_EPOCH", "gisteren", 1);
	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rulesdir,
	           "--format", "odt", "-o", file, design, NULL);
	ck_assert_int_eq(rc, PT_EUSAGE);
	ck_assert(t_contains(err, "SOURCE_DATE_EPOCH 'gisteren'"));
	ck_assert_ptr_null(t_read(file, NULL));
	free(out);
	free(err);
	free(file);
}
END_TEST

START_TEST(test_odt_amendments)
{
	char *out, *err, *file = xasprintf("%s/lijst.odt", tmp);
	struct pt_buf b = PT_BUF_INIT;
	xmlDocPtr doc;
	zip_t *za;
	int rc;

	rc = t_cli(&out, &err, "--db", db, "check", "--rules", rulesdir,
	           "--save", design, NULL);
	ck_assert_msg(rc == PT_FINDINGS, "%s", err);
	free(out);
	free(err);
	rc =
	    t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	          "--today", "2026-07-01", "--format", "odt", "-o", file, NULL);
	ck_assert_msg(rc == 0, "%s", err);
	free(out);
	free(err);
	za = open_zip(file);
	ck_assert_str_eq(zip_get_name(za, 0, 0), "mimetype");
	doc = parse(za, "content.xml", NS_OFFICE, "document-content");
	collect(xmlDocGetRootElement(doc), NS_TEXT, "h", &b);
	ck_assert_msg(t_contains(b.s, "Wijzigingslijst\n"), "%s", b.s);
	ck_assert(t_contains(b.s, "\nTe wijzigen bepalingen\n"));
	ck_assert(t_contains(b.s, "\n1. art. "));
	ck_assert(t_contains(b.s, "\nRisico's\n"));
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_TEXT, "p", &b);
	ck_assert(t_contains(b.s, "Proeftuin: noord\n"));
	ck_assert(t_contains(b.s, "Teksten zoals geldend op 2026-07-01\n"));
	ck_assert(t_contains(b.s, "Gemaakt op 1 december 2025\n"));
	pt_buf_reset(&b);
	attrs(xmlDocGetRootElement(doc), NS_TEXT, "p", NS_TEXT, "style-name",
	      &b);
	ck_assert(t_contains(b.s, "\nCitaat\n"));
	xmlFreeDoc(doc);
	zip_close(za);
	/* And as a Word document. */
	rc = t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	           "--today", "2026-07-01", "--format", "docx", "-o", file,
	           NULL);
	ck_assert_msg(rc == 0, "%s", err);
	free(out);
	free(err);
	za = open_zip(file);
	doc = parse(za, "word/document.xml", NS_W, "document");
	pt_buf_reset(&b);
	w_paras(xmlDocGetRootElement(doc), "Kop", &b);
	ck_assert_msg(t_contains(b.s, "Wijzigingslijst\n"), "%s", b.s);
	ck_assert(t_contains(b.s, "\nTe wijzigen bepalingen\n"));
	xmlFreeDoc(doc);
	zip_close(za);
	pt_buf_release(&b);
	free(file);
}
END_TEST

/* ruimte --format odt -o dir/name DESIGN...; returns the path. */
static char *
ruimte_odt(const char *name, const char *design2)
{
	char *file = xasprintf("%s/%s", tmp, name), *out, *err;
	int rc;

	rc = t_cli(&out, &err, "--db", db, "ruimte", "--rules", rulesdir,
	           "--format", "odt", "-o", file, design, design2, NULL);
	ck_assert_msg(rc == 0, "ruimte: %d %s", rc, err);
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	return file;
}

/* The juridische ruimte as an OpenDocument text: a package of the same
 * builder, its parts as headings, its provenance on the title page, the
 * routes and the ladder as tables, the law text as Citaat. */
START_TEST(test_odt_ruimte)
{
	char *file = ruimte_odt("ruimte.odt", NULL), *again, *da, *dbytes;
	zip_t *za = open_zip(file);
	struct pt_buf h = PT_BUF_INIT, b = PT_BUF_INIT;
	xmlDocPtr doc;
	xmlNodePtr root;
	size_t la, lb;

	ck_assert_int_eq(zip_get_num_entries(za, 0), 5);
	ck_assert_str_eq(zip_get_name(za, 0, 0), "mimetype");
	doc = parse(za, "content.xml", NS_OFFICE, "document-content");
	root = xmlDocGetRootElement(doc);
	collect(root, NS_TEXT, "h", &h);
	ck_assert_str_eq(h.s, "Juridische ruimte: Proeftuin Noord (noord)\n"
	                      "1. Wat nu kan, binnen de huidige wet\n"
	                      "2. Wat een AMvB kan toestaan\n"
	                      "3. Wat de wetgever moet doen\n"
	                      "4. De ladder: van de variant naar het "
	                      "volledige ontwerp\n"
	                      "5. De tekst van de bepalingen\n");
	attrs(root, NS_TEXT, "h", NS_TEXT, "outline-level", &b);
	ck_assert_str_eq(b.s, "1\n2\n2\n2\n2\n2\n");
	pt_buf_reset(&b);
	collect(root, NS_TEXT, "p", &b);
	ck_assert(t_contains(b.s, "Juridische ruimte\n"));
	ck_assert(t_contains(b.s, "Proeftuin: noord\n"));
	ck_assert(t_contains(b.s, "Peildatum: 2026-07-01\n"));
	ck_assert(t_contains(b.s, "Gemaakt op 1 december 2025\n"));
	ck_assert(t_contains(b.s, "Gemaakt: 1 december 2025, 01:00 "
	                          "(Europe/Amsterdam), proeftoets "));
	ck_assert(t_contains(b.s, "Regels: "));
	ck_assert(t_contains(b.s, "Wetten: BWBR"));
	ck_assert(t_contains(b.s, "; BWBR0034925 versie 2026-01-01 (SHA-256 "));
	/* (a space of its own is a text:s, which has no content) */
	ck_assert(t_contains(b.s, "\nGrondslag:art. 12.1 lid 1 Jeugdwet\n"));
	/* the text of 3.2 lid 2, quoted from the registry */
	ck_assert(t_contains(b.s, "Een gecertificeerde instelling biedt geen "
	                          "jeugdhulp aan."));
	pt_buf_reset(&b);
	attrs(root, NS_TEXT, "p", NS_TEXT, "style-name", &b);
	ck_assert(t_contains(b.s, "\nCitaat\n"));
	ck_assert(t_contains(b.s, "Titelpagina_20_einde\n"));
	pt_buf_reset(&b);
	collect(root, NS_TABLE, "table-cell", &b);
	ck_assert(t_contains(b.s, "Route\nActor\nWat verandert\n"));
	ck_assert(t_contains(b.s, "\ncertificaat\nrvt-noord\n"));
	ck_assert(t_contains(b.s, "Stap\nErbij\nNieuwe belemmeringen\n"));
	ck_assert(t_contains(b.s, "\n0\nDe variant van deel 1\n0\n"));
	xmlFreeDoc(doc);
	doc = parse(za, "meta.xml", NS_OFFICE, "document-meta");
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_DC, "title", &b);
	ck_assert_str_eq(b.s, "Juridische ruimte: Proeftuin Noord\n");
	xmlFreeDoc(doc);
	zip_close(za);
	/* the same bytes again */
	again = ruimte_odt("ruimte-2.odt", NULL);
	da = t_read(file, &la);
	dbytes = t_read(again, &lb);
	ck_assert(la == lb && memcmp(da, dbytes, la) == 0);
	free(da);
	free(dbytes);
	free(again);
	free(file);
	/* two designs: a title page each, then what blocks both */
	{
		char *wt = t_src("xml/proeftuinen/wijkteam-hulp-en-dwang.xml");

		file = ruimte_odt("twee.odt", wt);
		free(wt);
	}
	za = open_zip(file);
	doc = parse(za, "content.xml", NS_OFFICE, "document-content");
	pt_buf_reset(&h);
	collect(xmlDocGetRootElement(doc), NS_TEXT, "h", &h);
	ck_assert_msg(
	    t_contains(h.s, "\nJuridische ruimte: Proeftuin Drechtsteden"),
	    "%s", h.s);
	ck_assert(t_contains(h.s, "\nBepalingen die meer dan een proeftuin "
	                          "blokkeren (de kern van een "
	                          "experimenteerwet)\n"));
	pt_buf_reset(&b);
	collect(xmlDocGetRootElement(doc), NS_TEXT, "p", &b);
	ck_assert(t_contains(b.s, "art. 3.2 lid 2 Jeugdwet: noord, "
	                          "wijkteam-hulp-en-dwang\n"));
	xmlFreeDoc(doc);
	zip_close(za);
	pt_buf_release(&h);
	pt_buf_release(&b);
	free(file);
}
END_TEST

/* odt_text keeps what XML would collapse. */
START_TEST(test_odt_text)
{
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct odt *o = odt_new(ODT_TEXT);

	odt_p(o, NULL, " a  b\tc\nd\x01<&>");
	ck_assert_int_eq(odt_fragment(o, &b, &e), PT_OK);
	ck_assert_str_eq(b.s, "<text:p text:style-name=\"Standard\"><text:s/>a "
	                      "<text:s/>b<text:tab/>c<text:line-break/>d"
	                      "<text:s/>&lt;&amp;&gt;</text:p>");
	odt_free(o);
	/* WordprocessingML keeps spaces with xml:space. */
	pt_buf_reset(&b);
	o = odt_new(ODT_DOCX);
	odt_p(o, NULL, " a  b\tc\nd<");
	ck_assert_int_eq(odt_fragment(o, &b, &e), PT_OK);
	ck_assert_str_eq(b.s, "<w:p><w:pPr><w:pStyle w:val=\"Standard\"/>"
	                      "</w:pPr><w:r><w:t xml:space=\"preserve\"> a  "
	                      "b</w:t><w:tab/><w:t xml:space=\"preserve\">c"
	                      "</w:t><w:br/><w:t xml:space=\"preserve\">d&lt;"
	                      "</w:t></w:r></w:p>");
	odt_free(o);
	pt_buf_release(&b);
}
END_TEST

Suite *
suite_odt(void)
{
	Suite *s = suite_create("odt");
	TCase *tc = tcase_create("core");
	TCase *unit = tcase_create("unit");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_odt_package);
	tcase_add_test(tc, test_odt_content);
	tcase_add_test(tc, test_odt_reproducible);
	tcase_add_test(tc, test_odt_two_designs);
	tcase_add_test(tc, test_docx);
	tcase_add_test(tc, test_odt_cli_errors);
	tcase_add_test(tc, test_odt_amendments);
	tcase_add_test(tc, test_odt_ruimte);
	suite_add_tcase(s, tc);
	tcase_add_test(unit, test_odt_text);
	suite_add_tcase(s, unit);
	return s;
}
