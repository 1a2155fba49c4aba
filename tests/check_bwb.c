/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_bwb.c: tests of bwb.c, the streaming BWB reader: article counts of
 * the real corpus against XPath, text normalisation against the XML, the
 * old <wetgeving> format, and the catalogue of bad and unsafe inputs.
 * A collecting handler stands in for the importer; no database.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>

#include "buf.h"
#include "bwb.h"
#include "suites.h"
#include "testlib.h"
#include "xmlsec.h"

/* What the handler saw. */
struct seen {
	int nmeta;
	int meta_after_article; /* meta came after an article */
	char *bwb_id, *cit, *soort, *date;
	enum bwb_format format;
	long narticles;
	unsigned long hash; /* over every article's fields, in order */
	const char *want;   /* article nr to keep (first match) */
	int got;
	char *label, *title, *status, *path, *jci, *inwerking, *text;
	struct pt_buf leden; /* "nr|text\n" per lid */
	struct pt_buf refs;  /* "intref target|text\n" per ref */
	long line;
	struct pt_buf order; /* "nr " per article */
	long fail_at;        /* article callback fails at this one (1-based) */
	int fail_meta;
};

static void
seen_init(struct seen *s, const char *want)
{
	memset(s, 0, sizeof *s);
	s->want = want;
	pt_buf_init(&s->leden);
	pt_buf_init(&s->refs);
	pt_buf_init(&s->order);
}

static void
seen_free(struct seen *s)
{
	free(s->bwb_id);
	free(s->cit);
	free(s->soort);
	free(s->date);
	free(s->label);
	free(s->title);
	free(s->status);
	free(s->path);
	free(s->jci);
	free(s->inwerking);
	free(s->text);
	pt_buf_release(&s->leden);
	pt_buf_release(&s->refs);
	pt_buf_release(&s->order);
}

static unsigned long
hash_str(unsigned long h, const char *s)
{
	if (s == NULL)
		s = "\x01";
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211UL;
	return (h ^ 0xff) * 1099511628211UL;
}

static enum pt_status
on_meta(void *ctx, const struct bwb_meta *m, struct pt_err *err)
{
	struct seen *s = ctx;

	s->nmeta++;
	if (s->narticles > 0)
		s->meta_after_article = 1;
	if (s->nmeta == 1) {
		s->format = m->format;
		s->bwb_id = xstrdup0(m->bwb_id);
		s->cit = xstrdup0(m->citeertitel);
		s->soort = xstrdup0(m->soort);
		s->date = xstrdup0(m->inwerkingtreding);
	}
	if (s->fail_meta)
		return pt_err_set(err, PT_EDB, "db", 0, 0, "meta refused");
	return PT_OK;
}

static enum pt_status
on_article(void *ctx, const struct bwb_article *a, struct pt_err *err)
{
	struct seen *s = ctx;
	size_t i;

	s->narticles++;
	ck_assert_ptr_nonnull(a->nr);
	ck_assert_ptr_nonnull(a->label);
	ck_assert_ptr_nonnull(a->status);
	ck_assert_ptr_nonnull(a->path);
	ck_assert_ptr_nonnull(a->text);
	s->hash = hash_str(s->hash, a->nr);
	s->hash = hash_str(s->hash, a->label);
	s->hash = hash_str(s->hash, a->title);
	s->hash = hash_str(s->hash, a->status);
	s->hash = hash_str(s->hash, a->path);
	s->hash = hash_str(s->hash, a->jci);
	s->hash = hash_str(s->hash, a->text);
	for (i = 0; i < a->nleden; i++) {
		s->hash = hash_str(s->hash, a->leden[i].nr);
		s->hash = hash_str(s->hash, a->leden[i].text);
	}
	for (i = 0; i < a->nrefs; i++) {
		ck_assert_ptr_nonnull(a->refs[i].target);
		ck_assert_ptr_nonnull(a->refs[i].text);
		s->hash = hash_str(s->hash, a->refs[i].target);
		s->hash = hash_str(s->hash, a->refs[i].text);
	}
	pt_buf_addf(&s->order, "%s ", a->nr);
	if (s->want != NULL && !s->got && strcmp(a->nr, s->want) == 0) {
		s->got = 1;
		s->label = xstrdup(a->label);
		s->title = xstrdup0(a->title);
		s->status = xstrdup(a->status);
		s->path = xstrdup(a->path);
		s->jci = xstrdup0(a->jci);
		s->inwerking = xstrdup0(a->inwerking);
		s->text = xstrdup(a->text);
		s->line = a->line;
		for (i = 0; i < a->nleden; i++)
			pt_buf_addf(&s->leden, "%s|%s\n", a->leden[i].nr,
			            a->leden[i].text);
		for (i = 0; i < a->nrefs; i++)
			pt_buf_addf(&s->refs, "%s %s|%s\n",
			            a->refs[i].kind == BWB_REF_INTREF
			                ? "intref"
			                : "extref",
			            a->refs[i].target, a->refs[i].text);
	}
	if (s->fail_at > 0 && s->narticles == s->fail_at)
		return pt_err_set(err, PT_EDB, "db", 7, 0, "disk full");
	return PT_OK;
}

static enum pt_status
parse_file(const char *path, struct seen *s, struct pt_err *err)
{
	struct bwb_handler h = {on_meta, on_article, s, NULL};

	pt_err_clear(err);
	return bwb_parse_file(path, &h, err);
}

static enum pt_status
parse_mem(const char *xml, struct seen *s, struct pt_err *err)
{
	struct bwb_handler h = {on_meta, on_article, s, NULL};

	pt_err_clear(err);
	return bwb_parse_memory(xml, strlen(xml), "mem.xml", &h, err);
}

/* Parse a corpus file and keep article nr `want`; fails the test on error. */
static void
corpus_article(const char *rel, const char *want, struct seen *s)
{
	struct pt_err e = PT_ERR_INIT;
	char *path = t_sharedpath(rel);
	enum pt_status rc;

	seen_init(s, want);
	rc = parse_file(path, s, &e);
	ck_assert_msg(rc == PT_OK, "%s: %s", path, e.msg);
	ck_assert_msg(s->got, "%s: no article '%s'", path, want);
	free(path);
}

/* count(//artikel) by XPath over a DOM of the file. */
static long
xpath_count(const char *path)
{
	struct pt_err e = PT_ERR_INIT;
	xmlDocPtr doc;
	xmlXPathContextPtr x;
	xmlXPathObjectPtr o;
	long n;

	doc = xmlsec_parse_file(path, &e);
	ck_assert_msg(doc != NULL, "%s: %s", path, e.msg);
	x = xmlXPathNewContext(doc);
	o = xmlXPathEvalExpression((const xmlChar *)"count(//artikel)", x);
	ck_assert_ptr_nonnull(o);
	n = (long)o->floatval;
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(x);
	xmlFreeDoc(doc);
	return n;
}

static const struct {
	const char *file;
	const char *bwb;
	const char *date; /* NULL: the old format has none */
	enum bwb_format format;
	long articles; /* corpus README */
} corpus[] = {
    {"BWBR0002656_wettenbestand-2012.xml", "BWBR0002656", NULL,
     BWB_FORMAT_WETGEVING, 490},
    {"BWBR0018451_2025-01-01_0.xml", "BWBR0018451", "2025-01-01",
     BWB_FORMAT_TOESTAND, 9},
    {"BWBR0045754_2022-05-01_0.xml", "BWBR0045754", "2022-05-01",
     BWB_FORMAT_TOESTAND, 112},
    {"BWBR0008326_2011-01-01_0.xml", "BWBR0008326", "2011-01-01",
     BWB_FORMAT_TOESTAND, 6},
    {"BWBR0003984_1986-06-26_0.xml", "BWBR0003984", "1986-06-26",
     BWB_FORMAT_TOESTAND, 3},
    {"BWBR0018450_2025-07-05_0.xml", "BWBR0018450", "2025-07-05",
     BWB_FORMAT_TOESTAND, 175},
    {"BWBR0002458_2015-01-01_0.xml", "BWBR0002458", "2015-01-01",
     BWB_FORMAT_TOESTAND, 74},
    {"BWBR0034925_2015-01-01_extract.xml", "BWBR0034925", "2015-01-01",
     BWB_FORMAT_TOESTAND, 19},
    {"BWBR0034925_2026-01-01_extract.xml", "BWBR0034925", "2026-01-01",
     BWB_FORMAT_TOESTAND, 21},
    {"BWBR0002656_2025-07-05_extract.xml", "BWBR0002656", "2025-07-05",
     BWB_FORMAT_TOESTAND, 29},
    {"BWBR0035362_2026-07-01_extract.xml", "BWBR0035362", "2026-07-01",
     BWB_FORMAT_TOESTAND, 7},
    {"BWBR0024649_2020-07-01_extract.xml", "BWBR0024649", "2020-07-01",
     BWB_FORMAT_TOESTAND, 11},
};
#define NCORPUS (sizeof corpus / sizeof corpus[0])

/* Check one corpus file; returns 1 if it is in the table above. */
static int
check_corpus_file(const char *dir, const char *name)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s, m;
	struct bwb_handler h;
	char *path = xasprintf("%s/%s", dir, name);
	char *data;
	size_t i, len;
	long want;
	enum pt_status rc;

	for (i = 0; i < NCORPUS; i++)
		if (strcmp(corpus[i].file, name) == 0)
			break;
	ck_assert_msg(i < NCORPUS, "%s is not in the table of the test", name);

	seen_init(&s, NULL);
	rc = parse_file(path, &s, &e);
	ck_assert_msg(rc == PT_OK, "%s: %s", path, e.msg);
	want = xpath_count(path);
	ck_assert_msg(s.narticles == want, "%s: %ld articles, XPath says %ld",
	              name, s.narticles, want);
	ck_assert_int_eq(want, corpus[i].articles);
	ck_assert_int_eq(s.nmeta, 1);
	ck_assert_int_eq(s.meta_after_article, 0);
	ck_assert_str_eq(s.bwb_id, corpus[i].bwb);
	ck_assert_int_eq(s.format, corpus[i].format);
	if (corpus[i].date == NULL)
		ck_assert_ptr_null(s.date);
	else
		ck_assert_str_eq(s.date, corpus[i].date);
	ck_assert_ptr_nonnull(s.cit);

	/* The same bytes from memory give the same articles. */
	data = t_read(path, &len);
	ck_assert_ptr_nonnull(data);
	seen_init(&m, NULL);
	h.meta = on_meta;
	h.article = on_article;
	h.ctx = &m;
	h.chunk = NULL;
	ck_assert_int_eq(bwb_parse_memory(data, len, name, &h, &e), PT_OK);
	ck_assert_int_eq(m.narticles, s.narticles);
	ck_assert_msg(m.hash == s.hash, "%s: memory and file differ", name);
	free(data);
	seen_free(&m);
	seen_free(&s);
	free(path);
	return 1;
}

static int
wanted(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0 &&
	       strstr(name, "_manifest") == NULL &&
	       (n < 8 || strcmp(name + n - 8, ".WTI.xml") != 0);
}

/* Every real file and every extract: count(//artikel), meta. */
START_TEST(test_bwb_corpus_counts)
{
	static const char *dirs[] = {"corpus/bwb", "corpus/extracts"};
	size_t d, checked = 0;

	for (d = 0; d < 2; d++) {
		char *dir = t_sharedpath(dirs[d]);
		DIR *dp = opendir(dir);
		struct dirent *de;

		ck_assert_msg(dp != NULL, "cannot open %s", dir);
		while ((de = readdir(dp)) != NULL)
			if (wanted(de->d_name))
				checked +=
				    (size_t)check_corpus_file(dir, de->d_name);
		closedir(dp);
		free(dir);
	}
	ck_assert_int_eq(checked, NCORPUS);
}
END_TEST

START_TEST(test_bwb_meta_titles)
{
	struct seen s;

	/* citeertitel where there is one, else the intitule, trimmed. */
	corpus_article("corpus/bwb/BWBR0018450_2025-07-05_0.xml", "1", &s);
	ck_assert_str_eq(s.cit, "Zorgverzekeringswet");
	ck_assert_str_eq(s.soort, "wet");
	seen_free(&s);
	corpus_article("corpus/bwb/BWBR0002656_wettenbestand-2012.xml", "1",
	               &s);
	ck_assert_str_eq(
	    s.cit, "Burgerlijk Wetboek Boek 1, Personen- en familierecht");
	ck_assert_str_eq(s.soort, "wet");
	seen_free(&s);
	corpus_article("corpus/bwb/BWBR0008326_2011-01-01_0.xml", "1", &s);
	ck_assert_str_eq(s.soort, "ministeriele-regeling");
	seen_free(&s);
}
END_TEST

/* Wmo 2015 art. 4.1.1 lid 2: a list a..g under the lid's own line. */
START_TEST(test_bwb_list_wmo)
{
	struct seen s;
	static const char *lid2 =
	    "2|2. Veilig Thuis oefent de volgende taken uit:\n"
	    "  a. het fungeren als meldpunt voor gevallen of vermoedens van "
	    "huiselijk geweld of kindermishandeling;\n"
	    "  b. het naar aanleiding van een melding van huiselijk geweld of "
	    "kindermishandeling of een vermoeden daarvan, onderzoeken of "
	    "daarvan daadwerkelijk sprake is;\n"
	    "  c. ";
	const char *p;
	char c;

	corpus_article("corpus/extracts/BWBR0035362_2026-07-01_extract.xml",
	               "4.1.1", &s);
	p = strstr(s.leden.s, "\n2|");
	ck_assert_ptr_nonnull(p);
	ck_assert_msg(strncmp(p + 1, lid2, strlen(lid2)) == 0, "%s", p + 1);
	for (c = 'a'; c <= 'g'; c++) {
		char item[8];

		snprintf(item, sizeof item, "\n  %c. ", c);
		ck_assert_msg(t_contains(s.text, item), "no item %c", c);
	}
	ck_assert(t_contains(
	    s.text,
	    "\n  g. het op de hoogte stellen van "
	    "degene die een melding heeft gedaan, van de stappen die "
	    "naar aanleiding van de melding zijn ondernomen.\n3. Veilig "
	    "Thuis verstrekt"));
	ck_assert_str_eq(s.path, "Hoofdstuk 4 / § 1");
	ck_assert_str_eq(s.jci, "jci1.3:c:BWBR0035362&hoofdstuk=4&paragraaf=1"
	                        "&artikel=4.1.1&z=2026-07-01&g=2026-07-01");
	ck_assert(!t_contains(s.text, "jci1.3")); /* no meta-data */
	seen_free(&s);
}
END_TEST

/* Jeugdwet 2026 art. 1.1: an unnumbered list ("–") with nadruk. */
START_TEST(test_bwb_list_jeugdwet)
{
	struct seen s;

	corpus_article("corpus/extracts/BWBR0034925_2026-01-01_extract.xml",
	               "1.1", &s);
	ck_assert_msg(
	    strncmp(
	        s.text,
	        "In deze wet en de daarop berustende bepalingen wordt "
	        "verstaan onder:\n  – accommodatie: bouwkundige voorziening "
	        "of deel van een bouwkundige voorziening met het daarbij "
	        "behorende terrein, waar jeugdhulp wordt verleend door of "
	        "namens een jeugdhulpaanbieder;\n  – bijzondere categorieën",
	        160) == 0,
	    "%s", s.text);
	ck_assert_int_eq(s.leden.len, 0);
	seen_free(&s);
}
END_TEST

/* Jeugdwet 2026 art. 3.2: leden, path, jci, label. */
START_TEST(test_bwb_jeugdwet_3_2)
{
	struct seen s;

	corpus_article("corpus/extracts/BWBR0034925_2026-01-01_extract.xml",
	               "3.2", &s);
	ck_assert_str_eq(
	    s.leden.s,
	    "1|1. Een kinderbeschermingsmaatregel of jeugdreclassering wordt "
	    "uitsluitend uitgevoerd door een gecertificeerde instelling.\n"
	    "2|2. Een gecertificeerde instelling biedt geen jeugdhulp aan.\n");
	ck_assert_str_eq(
	    s.text,
	    "1. Een kinderbeschermingsmaatregel of jeugdreclassering wordt "
	    "uitsluitend uitgevoerd door een gecertificeerde instelling.\n"
	    "2. Een gecertificeerde instelling biedt geen jeugdhulp aan.");
	ck_assert_str_eq(s.label, "Artikel 3.2");
	ck_assert_str_eq(s.status, "goed");
	ck_assert_str_eq(s.path, "Hoofdstuk 3");
	ck_assert_str_eq(s.jci,
	                 "jci1.3:c:BWBR0034925&artikel=3.2&g=2026-01-01");
	ck_assert_str_eq(s.inwerking, "2026-01-01");
	ck_assert_ptr_null(s.title);
	seen_free(&s);
}
END_TEST

/* BW Boek 1 as of 2012, old <wetgeving> format: art. 1 lid 1. */
START_TEST(test_bwb_old_format)
{
	struct seen s;

	corpus_article("corpus/bwb/BWBR0002656_wettenbestand-2012.xml", "1",
	               &s);
	ck_assert_int_eq(s.format, BWB_FORMAT_WETGEVING);
	ck_assert_ptr_null(s.date);
	ck_assert(
	    strncmp(s.leden.s,
	            "1|1. Allen die zich in Nederland "
	            "bevinden, zijn vrij en bevoegd tot het genot van de "
	            "burgerlijke rechten.\n2|2. Persoonlijke dienstbaarheden, "
	            "van welke aard of onder welke benaming ook, worden niet "
	            "geduld.\n",
	            s.leden.len) == 0);
	ck_assert_str_eq(s.label, "Artikel 1"); /* no @label: from kop/nr */
	ck_assert_str_eq(s.path, "Boek 1 / Titel 1");
	ck_assert_ptr_null(s.jci);
	ck_assert_int_eq(s.line, 20);
	seen_free(&s);

	/* Paragraphs without leden; intref targets. */
	corpus_article("corpus/bwb/BWBR0002656_wettenbestand-2012.xml", "4",
	               &s);
	ck_assert(t_contains(
	    s.refs.s, "intref 1.0:v:BWBR0002656&artikel=25c|artikel 25c\n"));
	seen_free(&s);
}
END_TEST

/* Zorgverzekeringswet art. 11a: repealed, text is the redactie. */
START_TEST(test_bwb_repealed)
{
	struct seen s;

	corpus_article("corpus/bwb/BWBR0018450_2025-07-05_0.xml", "11a", &s);
	ck_assert_str_eq(s.status, "vervallen");
	ck_assert_str_eq(s.text, "Vervallen");
	ck_assert_str_eq(s.path, "Hoofdstuk 3 / Paragraaf 3.2");
	ck_assert_str_eq(s.inwerking, "2014-07-16");
	seen_free(&s);
}
END_TEST

/* An article that holds only <redactie type="vervallen"> is vervallen. */
START_TEST(test_bwb_redactie_vervallen)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;

	seen_init(&s, "7");
	ck_assert_int_eq(
	    parse_mem(
	        "<toestand bwb-id=\"BWBR0000001\" "
	        "inwerkingtreding=\"2015-01-01\">"
	        "<wetgeving soort=\"wet\"><citeertitel>  Proefwet "
	        "</citeertitel>"
	        "<wet-besluit><wettekst>"
	        "<artikel><kop><label>Artikel</label><nr>7</nr></kop>"
	        "<al><redactie type=\"vervallen\">[Vervallen per 01-01-2015]"
	        "</redactie></al></artikel>"
	        "<artikel status=\"goed\"><kop><nr>8</nr></kop>"
	        "<al>Tekst.</al><al><redactie type=\"vervallen\">x</redactie>"
	        "</al></artikel>"
	        "</wettekst></wet-besluit></wetgeving></toestand>",
	        &s, &e),
	    PT_OK);
	ck_assert_int_eq(s.narticles, 2);
	ck_assert_str_eq(s.cit, "Proefwet");
	ck_assert_str_eq(s.status, "vervallen");
	ck_assert_str_eq(s.text, "[Vervallen per 01-01-2015]");
	ck_assert_str_eq(s.path, "");
	seen_free(&s);
}
END_TEST

/*
 * The CALS table and its footnote in BWBR0008326 sit in a bijlage without
 * articles, so no article of that file carries them.  Put the real table
 * into an article and check the rows and the footnote.
 */
START_TEST(test_bwb_table_footnote)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;
	struct pt_buf doc = PT_BUF_INIT;
	char *path = t_sharedpath("corpus/bwb/BWBR0008326_2011-01-01_0.xml");
	char *xml, *start, *end;
	const char *p, *r;
	size_t len;
	int rows = 0, notes = 0, lines;

	xml = t_read(path, &len);
	ck_assert_ptr_nonnull(xml);
	start = strstr(xml, "<table");
	ck_assert_ptr_nonnull(start);
	end = strstr(start, "</table>");
	ck_assert_ptr_nonnull(end);
	end += strlen("</table>");
	/* Rows with text (empty rows give no line) and footnotes. */
	for (p = start; (p = strstr(p, "<row>")) != NULL && p < end; p++) {
		const char *q = strstr(p, "</row>");

		for (r = p; (r = strstr(r, "<al>")) != NULL && r < q; r++) {
			rows++;
			break;
		}
	}
	for (p = start; (p = strstr(p, "<noot ")) != NULL && p < end; p++)
		notes++;
	ck_assert_int_eq(notes, 2);
	pt_buf_adds(&doc,
	            "<toestand bwb-id=\"BWBR0008326\" "
	            "inwerkingtreding=\"2011-01-01\"><wetgeving><regeling>"
	            "<bijlage label=\"Bijlage 1\"><kop><label>Bijlage</label>"
	            "<nr>1</nr><titel>behorende bij artikel 2</titel></kop>"
	            "<artikel><kop><nr>B1</nr></kop>");
	pt_buf_add(&doc, start, (size_t)(end - start));
	pt_buf_adds(&doc, "</artikel></bijlage></regeling></wetgeving>"
	                  "</toestand>");

	seen_init(&s, "B1");
	ck_assert_int_eq(parse_mem(doc.s, &s, &e), PT_OK);
	ck_assert_int_eq(s.narticles, 1);
	ck_assert_str_eq(s.path, "Bijlage 1");
	ck_assert_msg(strncmp(s.text,
	                      "I. Algemene Gegevens\n"
	                      "- | (8.1) | Gemeentecode\n"
	                      "- | (8.2) | Naam contactpersoon\n",
	                      62) == 0,
	              "%s", s.text);
	ck_assert(t_contains(
	    s.text,
	    "\n[noot *] de tussen haakjes "
	    "aangeduide code bij de gegevens verwijst naar het nummer"));
	/* One line per row, then one per footnote. */
	for (p = s.text, lines = 1; *p; p++)
		lines += *p == '\n';
	ck_assert_int_eq(rows, 26);
	ck_assert_int_eq(lines, rows + notes);
	ck_assert(t_contains(
	    s.text, "\nII Gegevens per onroerende zaak\n"
	            "1. De aanduiding van de onroerende zaak:\n- | (1.1) | "
	            "WOZ-objectnummer\n"));
	ck_assert(!t_contains(s.text, "  "));
	seen_free(&s);
	pt_buf_release(&doc);
	free(xml);
	free(path);
}
END_TEST

/* intref and extref targets (the '&' of a jci arrives intact). */
START_TEST(test_bwb_refs)
{
	struct seen s;

	corpus_article("corpus/bwb/BWBR0008326_2011-01-01_0.xml", "2", &s);
	ck_assert_str_eq(
	    s.refs.s,
	    "extref jci1.3:c:BWBR0007119&artikel=22|artikel 22 van de Wet "
	    "waardering onroerende zaken\n"
	    "intref jci1.3:c:BWBR0008326&bijlage=1&z=2006-04-14&g=2011-01-01"
	    "|bijlage 1\n");
	ck_assert(t_contains(s.text, "in artikel 22 van de Wet waardering "
	                             "onroerende zaken bedoelde waarden"));
	seen_free(&s);
}
END_TEST

/* Nested articles each get a callback; the inner one ends first. */
START_TEST(test_bwb_nested)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;
	static const char *xml =
	    "<wetgeving bwb-id=\"BWBR0000002\" soort=\"wet\"><intitule>Wet"
	    "</intitule><wettekst><hoofdstuk><kop><label>Hoofdstuk</label>"
	    "<nr>2</nr><titel>Twee</titel></kop>"
	    "<artikel label=\"Art. 1\"><kop><nr>1</nr><titel>Wijziging"
	    "</titel></kop><al>Voor</al>"
	    "<artikel><kop><nr>A</nr></kop><al>Binnen</al></artikel>"
	    "<al>Na</al></artikel></hoofdstuk>"
	    "<artikel><kop><nr>3</nr></kop><al>Los</al></artikel>"
	    "</wettekst></wetgeving>";

	seen_init(&s, "1");
	ck_assert_int_eq(parse_mem(xml, &s, &e), PT_OK);
	ck_assert_int_eq(s.narticles, 3);
	ck_assert_str_eq(s.order.s, "A 1 3 ");
	ck_assert_str_eq(s.text, "Voor\nNa");
	ck_assert_str_eq(s.label, "Art. 1");
	ck_assert_str_eq(s.title, "Wijziging");
	ck_assert_str_eq(s.path, "Hoofdstuk 2");
	ck_assert_str_eq(s.cit, "Wet");
	ck_assert_ptr_null(s.date);
	seen_free(&s);
}
END_TEST

/* A lidnr inside a lidnr (found by the fuzzer: the number was appended
 * to the buffer it was read from, which realloc() had freed). */
START_TEST(test_bwb_nested_lidnr)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;
	static const char *xml =
	    "<wetgeving bwb-id=\"BWBR0000003\" soort=\"wet\"><intitule>Wet"
	    "</intitule><wettekst><artikel><kop><nr>1</nr></kop>"
	    "<lid><lidnr>1<lidnr>"
	    "22222222222222222222222222222222222222222222222222222222222222"
	    "22222222222222222222222222222222222222222222222222222222222222"
	    "22222222222222222222222222222222222222222222222222222222222222"
	    "22222222222222222222222222222222222222222222222222222222222222"
	    "</lidnr></lidnr><al>Tekst</al></lid>"
	    "</artikel></wettekst></wetgeving>";

	seen_init(&s, "1");
	ck_assert_int_eq(parse_mem(xml, &s, &e), PT_OK);
	ck_assert_int_eq(s.narticles, 1);
	ck_assert(strstr(s.text, "Tekst") != NULL);
	seen_free(&s);
}
END_TEST

/* No articles: meta still comes, once. */
START_TEST(test_bwb_no_articles)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;

	seen_init(&s, NULL);
	ck_assert_int_eq(
	    parse_mem(
	        "<toestand bwb-id=\"BWBR0000003\" "
	        "inwerkingtreding=\"2020-01-01\"><wetgeving soort=\"AMvB\">"
	        "<intitule>Besluit</intitule></wetgeving></toestand>",
	        &s, &e),
	    PT_OK);
	ck_assert_int_eq(s.nmeta, 1);
	ck_assert_int_eq(s.narticles, 0);
	ck_assert_str_eq(s.soort, "AMvB");
	ck_assert_str_eq(s.date, "2020-01-01");
	seen_free(&s);
}
END_TEST

/* Bad inputs: status, position, and no article reported. */
static void
expect_bad(const char *xml, size_t len, enum pt_status code, long line,
           long col, const char *msg)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;
	struct bwb_handler h = {on_meta, on_article, NULL, NULL};
	char *dir = t_tmpdir();
	char *path = t_write(dir, "bad.xml", xml, len);
	enum pt_status rc;

	seen_init(&s, NULL);
	h.ctx = &s;
	rc = bwb_parse_file(path, &h, &e);
	ck_assert_msg(rc == code, "%s: status %d, want %d (%s)", msg, rc, code,
	              e.msg);
	ck_assert_int_eq(e.code, code);
	ck_assert_str_eq(e.file, path);
	ck_assert_msg(e.line == line, "%s: line %ld, want %ld", msg, e.line,
	              line);
	if (col > 0)
		ck_assert_msg(e.col == col, "%s: col %ld, want %ld", msg, e.col,
		              col);
	ck_assert_msg(t_contains(e.msg, msg), "'%s' not in '%s'", msg, e.msg);
	ck_assert_int_eq(s.narticles, 0);
	seen_free(&s);

	/* The memory path says the same. */
	seen_init(&s, NULL);
	rc = bwb_parse_memory(xml, len, "m.xml", &h, &e);
	ck_assert_int_eq(rc, code);
	ck_assert_int_eq(e.line, line);
	seen_free(&s);

	t_tmpdir_cleanup(dir);
	free(dir);
	free(path);
}

#define BAD(xml, code, line, col, msg)                                         \
	expect_bad(xml, sizeof(xml) - 1, code, line, col, msg)

START_TEST(test_bwb_bad_inputs)
{
	BAD("", PT_EINPUT, 1, 1, "empty file");
	BAD("  \n\t\n ", PT_EINPUT, 3, 0, "empty file");
	BAD("<toestand bwb-id=\"X\">\n<wetgeving>\n<artikel><al>x</al>",
	    PT_EINPUT, 3, 0, "'artikel' is not closed");
	BAD("<toestand bwb-id=\"X\">\n<al>x</lid>\n</toestand>", PT_EINPUT, 2,
	    0, "mismatch");
	BAD("<?xml version=\"1.0\"?>\n<html><body/></html>\n", PT_EINPUT, 2, 0,
	    "'html'");
	BAD("<toestand bwb-id=\"X\" inwerkingtreding=\"2020-01-01\">\n"
	    "<wetgeving><artikel><al>caf\xe9</al></artikel></wetgeving>"
	    "</toestand>\n",
	    PT_EINPUT, 2, 0, "UTF-8");
	BAD("<toestand inwerkingtreding=\"2020-01-01\">\n<artikel/>"
	    "</toestand>",
	    PT_EINPUT, 1, 0, "bwb-id");
	BAD("<?xml version=\"1.0\"?>\n<!DOCTYPE toestand [<!ENTITY x SYSTEM "
	    "\"file:///etc/passwd\">]>\n<toestand bwb-id=\"X\"><artikel>"
	    "<al>&x;</al></artikel></toestand>\n",
	    PT_EUNSAFE, 2, 0, "entity 'x'");
	BAD("<?xml version=\"1.0\"?>\n<!DOCTYPE toestand [\n"
	    " <!ENTITY lol \"lol\">\n"
	    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	    "]>\n<toestand bwb-id=\"X\"><artikel><al>&lol2;</al></artikel>"
	    "</toestand>\n",
	    PT_EUNSAFE, 3, 0, "entity 'lol'");
	BAD("<!DOCTYPE toestand [<!ENTITY % p \"x\">]>\n"
	    "<toestand bwb-id=\"X\"/>",
	    PT_EUNSAFE, 1, 0, "entity 'p'");
	/* Undeclared entities, with and without an external DTD. */
	BAD("<toestand bwb-id=\"X\">\n<artikel><al>&foo;</al></artikel>"
	    "</toestand>",
	    PT_EUNSAFE, 2, 0, "'foo'");
	BAD("<?xml version=\"1.0\"?>\n<!DOCTYPE wetgeving SYSTEM "
	    "\"http://wetten.overheid.nl/dtd/bwb-plus-meta-1_61w.dtd\">\n"
	    "<wetgeving bwb-id=\"X\"><artikel><al>a\n&nbsp; b</al></artikel>"
	    "</wetgeving>",
	    PT_EUNSAFE, 4, 0, "'nbsp'");
}
END_TEST

/* A DOCTYPE that only names an external DTD is fine; it is not loaded. */
START_TEST(test_bwb_external_dtd_not_loaded)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;

	seen_init(&s, "1");
	ck_assert_int_eq(
	    parse_mem(
	        "<?xml version=\"1.0\"?>\n<!DOCTYPE "
	        "wetgeving SYSTEM \"file:///nonexistent/bwb.dtd\">\n<wetgeving "
	        "bwb-id=\"X\"><artikel><kop><nr>1</nr></kop><al>a &amp; &#233;"
	        "<![CDATA[ <b> ]]></al></artikel></wetgeving>",
	        &s, &e),
	    PT_OK);
	ck_assert_str_eq(s.text, "a & é <b>");
	seen_free(&s);
}
END_TEST

START_TEST(test_bwb_unreadable)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;
	char *dir = t_tmpdir();
	char *path = xasprintf("%s/none.xml", dir);

	seen_init(&s, NULL);
	ck_assert_int_eq(parse_file(path, &s, &e), PT_EIO);
	ck_assert_str_eq(e.file, path);
	ck_assert(t_contains(e.msg, "cannot open"));
	ck_assert_int_eq(parse_file(dir, &s, &e), PT_EIO); /* directory */
	ck_assert_int_eq(s.nmeta, 0);
	seen_free(&s);
	t_tmpdir_cleanup(dir);
	free(dir);
	free(path);
}
END_TEST

/* A callback that fails stops the parse; its status and err come back. */
START_TEST(test_bwb_callback_fails)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen s;
	char *path = t_sharedpath("corpus/bwb/BWBR0018450_2025-07-05_0.xml");

	seen_init(&s, NULL);
	s.fail_at = 3;
	ck_assert_int_eq(parse_file(path, &s, &e), PT_EDB);
	ck_assert_int_eq(s.narticles, 3);
	ck_assert_str_eq(e.msg, "disk full");
	ck_assert_str_eq(e.file, "db");
	ck_assert_int_eq(e.line, 7);
	seen_free(&s);

	seen_init(&s, NULL);
	s.fail_meta = 1;
	ck_assert_int_eq(parse_file(path, &s, &e), PT_EDB);
	ck_assert_str_eq(e.msg, "meta refused");
	ck_assert_int_eq(s.narticles, 0);
	seen_free(&s);
	free(path);
}
END_TEST

/* Text arriving in many small pieces: same result as in one piece. */
START_TEST(test_bwb_chunk_boundaries)
{
	struct pt_err e = PT_ERR_INIT;
	struct seen a, b;
	struct pt_buf big = PT_BUF_INIT;
	char *dir = t_tmpdir(), *path;
	int i;

	/* > 64 KiB so the file is read in several chunks. */
	pt_buf_adds(&big, "<toestand bwb-id=\"BWBR0000004\" "
	                  "inwerkingtreding=\"2020-01-01\"><wetgeving>");
	for (i = 0; i < 2000; i++)
		pt_buf_addf(&big,
		            "<artikel label=\"Artikel %d\"><kop><nr>%d"
		            "</nr></kop><lid><lidnr>1</lidnr><al>Een   lange"
		            "\n\t zin &amp; nog <nadruk>iets</nadruk>.</al>"
		            "</lid></artikel>\n",
		            i, i);
	pt_buf_adds(&big, "</wetgeving></toestand>");
	path = t_write(dir, "big.xml", big.s, big.len);
	seen_init(&a, "1999");
	seen_init(&b, "1999");
	ck_assert_int_eq(parse_file(path, &a, &e), PT_OK);
	ck_assert_int_eq(parse_mem(big.s, &b, &e), PT_OK);
	ck_assert_int_eq(a.narticles, 2000);
	ck_assert(a.hash == b.hash);
	ck_assert_str_eq(a.text, "1. Een lange zin & nog iets.");
	ck_assert_int_eq(a.line, 2 * 1999 + 1); /* two lines each */
	seen_free(&a);
	seen_free(&b);
	pt_buf_release(&big);
	t_tmpdir_cleanup(dir);
	free(dir);
	free(path);
}
END_TEST

Suite *
suite_bwb(void)
{
	Suite *s = suite_create("bwb");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_bwb_corpus_counts);
	tcase_add_test(tc, test_bwb_meta_titles);
	tcase_add_test(tc, test_bwb_list_wmo);
	tcase_add_test(tc, test_bwb_list_jeugdwet);
	tcase_add_test(tc, test_bwb_jeugdwet_3_2);
	tcase_add_test(tc, test_bwb_old_format);
	tcase_add_test(tc, test_bwb_repealed);
	tcase_add_test(tc, test_bwb_redactie_vervallen);
	tcase_add_test(tc, test_bwb_table_footnote);
	tcase_add_test(tc, test_bwb_refs);
	tcase_add_test(tc, test_bwb_nested);
	tcase_add_test(tc, test_bwb_nested_lidnr);
	tcase_add_test(tc, test_bwb_no_articles);
	tcase_add_test(tc, test_bwb_bad_inputs);
	tcase_add_test(tc, test_bwb_external_dtd_not_loaded);
	tcase_add_test(tc, test_bwb_unreadable);
	tcase_add_test(tc, test_bwb_callback_fails);
	tcase_add_test(tc, test_bwb_chunk_boundaries);
	suite_add_tcase(s, tc);
	return s;
}
