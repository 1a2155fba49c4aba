/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_cite.c: tests of the two citation styles (cite.c) and of the
 * Juriconnect ids in the BWB XML's own form (store_jci_own()).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "store.h"
#include "suites.h"

static void
expect(const char *bwb, const char *title, const char *artikel, const char *lid,
       const char *onderdeel, enum cite_style style, const char *want)
{
	struct cite_ref r = {bwb, title, artikel, lid, onderdeel};
	char *s = cite_ref(&r, style);

	ck_assert_str_eq(s, want);
	free(s);
}

START_TEST(test_cite_kort)
{
	expect("BWBR0034925", "Jeugdwet", "3.2", "1", NULL, CITE_KORT,
	       "art. 3.2 lid 1 Jeugdwet");
	expect("BWBR0002656", "Burgerlijk Wetboek Boek 1", "255", "2", NULL,
	       CITE_KORT, "art. 1:255 lid 2 BW");
	/* the rules' abbreviations, by title and (without one) by BWB id */
	expect("BWBR0035362", "Wet maatschappelijke ondersteuning 2015",
	       "4.1.1", "2", "e", CITE_KORT,
	       "art. 4.1.1 lid 2 onder e Wmo 2015");
	expect("BWBR0001827", NULL, "809", "1", NULL, CITE_KORT,
	       "art. 809 lid 1 Rv");
	expect("BWBR0024649", "Wet tijdelijk huisverbod", "2", "1", NULL,
	       CITE_KORT, "art. 2 lid 1 Wth");
	expect("BWBR0002656", NULL, "240", NULL, NULL, CITE_KORT,
	       "art. 1:240 BW");
	/* a law the table does not know: its title, else its BWB id */
	expect("BWBR0011468", "Wet op de jeugdzorg", "1", NULL, NULL, CITE_KORT,
	       "art. 1 Wet op de jeugdzorg");
	expect("BWBR0099999", NULL, "3", "2", NULL, CITE_KORT,
	       "art. 3 lid 2 BWBR0099999");
}
END_TEST

START_TEST(test_cite_lang)
{
	expect("BWBR0034925", "Jeugdwet", "3.2", "1", NULL, CITE_LANG,
	       "artikel 3.2, eerste lid, van de Jeugdwet");
	expect("BWBR0034925", "Jeugdwet", "7.1.1", "1", "a", CITE_LANG,
	       "artikel 7.1.1, eerste lid, onderdeel a, van de Jeugdwet");
	expect("BWBR0034925", "Jeugdwet", "7.3.11", NULL, NULL, CITE_LANG,
	       "artikel 7.3.11 van de Jeugdwet");
	/* the books of the BW, by title and by BWB id */
	expect("BWBR0002656", "Burgerlijk Wetboek Boek 1", "255", "2", NULL,
	       CITE_LANG,
	       "artikel 1:255, tweede lid, van het Burgerlijk Wetboek");
	expect("BWBR0002656", NULL, "265b", "1", NULL, CITE_LANG,
	       "artikel 1:265b, eerste lid, van het Burgerlijk Wetboek");
	expect("BWBR0005290", "Burgerlijk Wetboek Boek 7A", "1", NULL, NULL,
	       CITE_LANG, "artikel 7A:1 van het Burgerlijk Wetboek");
	/* de and het follow the head noun of the citeertitel */
	expect("BWBR0035362", "Wet maatschappelijke ondersteuning 2015",
	       "4.1.1", "2", "e", CITE_LANG,
	       "artikel 4.1.1, tweede lid, onderdeel e, van de Wet "
	       "maatschappelijke ondersteuning 2015");
	expect("BWBR0001827", NULL, "809", "1", NULL, CITE_LANG,
	       "artikel 809, eerste lid, van het Wetboek van Burgerlijke "
	       "Rechtsvordering");
	expect("BWBR0035779", "Besluit Jeugdwet", "7.1", "3", NULL, CITE_LANG,
	       "artikel 7.1, derde lid, van het Besluit Jeugdwet");
	expect("BWBR0005537", "Algemene wet bestuursrecht", "4:8", "1", NULL,
	       CITE_LANG,
	       "artikel 4:8, eerste lid, van de Algemene wet bestuursrecht");
	expect("BWBR0024649", "Wet tijdelijk huisverbod", "2", "10", NULL,
	       CITE_LANG,
	       "artikel 2, tiende lid, van de Wet tijdelijk huisverbod");
	expect("BWBR0010000", "Uitvoeringsregeling Jeugdwet", "2", NULL, NULL,
	       CITE_LANG, "artikel 2 van de Uitvoeringsregeling Jeugdwet");
	/* a lid without an ordinal; a law without a title or table entry */
	expect("BWBR0034925", "Jeugdwet", "2.1", "21", NULL, CITE_LANG,
	       "artikel 2.1, lid 21, van de Jeugdwet");
	expect("BWBR0034925", "Jeugdwet", "2.1", "2a", NULL, CITE_LANG,
	       "artikel 2.1, lid 2a, van de Jeugdwet");
	expect("BWBR0099999", NULL, "3", NULL, NULL, CITE_LANG,
	       "artikel 3 van BWBR0099999");
}
END_TEST

START_TEST(test_cite_ordinals)
{
	static const char *const want[] = {
	    "eerste",      "tweede",     "derde",       "vierde",
	    "vijfde",      "zesde",      "zevende",     "achtste",
	    "negende",     "tiende",     "elfde",       "twaalfde",
	    "dertiende",   "veertiende", "vijftiende",  "zestiende",
	    "zeventiende", "achttiende", "negentiende", "twintigste"};
	char n[8];
	int i;

	for (i = 1; i <= 20; i++) {
		snprintf(n, sizeof n, "%d", i);
		ck_assert_str_eq(cite_ordinal(n), want[i - 1]);
	}
	ck_assert_ptr_null(cite_ordinal("0"));
	ck_assert_ptr_null(cite_ordinal("21"));
	ck_assert_ptr_null(cite_ordinal("01"));
	ck_assert_ptr_null(cite_ordinal("1a"));
	ck_assert_ptr_null(cite_ordinal(""));
	ck_assert_ptr_null(cite_ordinal(NULL));
	ck_assert_ptr_null(cite_ordinal("99999999999999999999"));
}
END_TEST

START_TEST(test_cite_style_parse)
{
	enum cite_style s = CITE_LANG;

	ck_assert(cite_style_parse("kort", &s) && s == CITE_KORT);
	ck_assert(cite_style_parse("lang", &s) && s == CITE_LANG);
	ck_assert(!cite_style_parse("Lang", &s));
	ck_assert(!cite_style_parse("", &s));
	ck_assert(!cite_style_parse("long", &s));
}
END_TEST

/* A provision of a finding follows its own style; _as overrides it. */
START_TEST(test_cite_provision_style)
{
	struct rule_provision rp;
	struct finding_provision fp;
	char *s;

	memset(&rp, 0, sizeof rp);
	memset(&fp, 0, sizeof fp);
	rp.bwb = (char *)"BWBR0002656";
	rp.artikel = (char *)"255";
	rp.lid = (char *)"2";
	fp.rp = &rp;
	fp.citeertitel = " Burgerlijk Wetboek Boek 1\n";
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "art. 1:255 lid 2 BW");
	free(s);
	fp.citeerstijl = CITE_LANG;
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "artikel 1:255, tweede lid, van het Burgerlijk "
	                    "Wetboek");
	free(s);
	s = cite_provision_as(&fp, CITE_KORT);
	ck_assert_str_eq(s, "art. 1:255 lid 2 BW");
	free(s);
	fp.rp = NULL;
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "(onbekende bepaling)");
	free(s);
}
END_TEST

static void
expect_jci(const char *own, const char *artikel, const char *lid,
           const char *onderdeel, const char *date, const char *want)
{
	char *s = store_jci_own(own, artikel, lid, onderdeel, date);

	if (want == NULL) {
		ck_assert_msg(s == NULL, "got %s", s);
		return;
	}
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, want);
	free(s);
}

/* The ids are those of the real files (tests/data, xml/bwb). */
START_TEST(test_cite_jci_own)
{
	/* divisions kept, lid and part after artikel, peildatum for dates */
	expect_jci("jci1.3:c:BWBR0035362&hoofdstuk=4&paragraaf=1&artikel=4.1.1"
	           "&z=2026-07-01&g=2026-07-01",
	           "4.1.1", "2", "e", "2026-08-01",
	           "jci1.3:c:BWBR0035362&hoofdstuk=4&paragraaf=1&artikel=4.1.1"
	           "&lid=2&o=e&g=2026-08-01");
	expect_jci("jci1.3:c:BWBR0002656&boek=1&titeldeel=14&afdeling=4&"
	           "artikel=255&z=2025-07-05&g=2025-07-05",
	           "255", "2", NULL, "2026-07-01",
	           "jci1.3:c:BWBR0002656&boek=1&titeldeel=14&afdeling=4&"
	           "artikel=255&lid=2&g=2026-07-01");
	/* only g= in the file; an article without lid */
	expect_jci("jci1.3:c:BWBR0034925&artikel=1.1&g=2015-01-01", "1.1", NULL,
	           NULL, "2015-06-01",
	           "jci1.3:c:BWBR0034925&artikel=1.1&g=2015-06-01");
	/* the short form (korte-verwijzing), no date given */
	expect_jci("jci1.3:c:BWBR0024649&artikel=1", "1", NULL, "a", NULL,
	           "jci1.3:c:BWBR0024649&artikel=1&o=a");
	/* not the id of that article: the caller builds its own */
	expect_jci("jci1.3:c:BWBR0034925&artikel=1.1&g=2015-01-01", "1.10",
	           NULL, NULL, "2015-06-01", NULL);
	expect_jci("jci1.3:c:BWBR0034925&artikel=2.4&lid=1&g=2015-01-01", "2.4",
	           "1", NULL, "2015-06-01", NULL);
	expect_jci("jci1.3:c:BWBR0008326&bijlage=1", "1", NULL, NULL, NULL,
	           NULL);
	expect_jci("1.0:c:BWBR0001827&artikel=4&g=2012-01-01", "4", NULL, NULL,
	           NULL, NULL);
	expect_jci(NULL, "4", NULL, NULL, NULL, NULL);
}
END_TEST

/* Without the file's id: the part is the o= key after lid. */
START_TEST(test_cite_jci_part)
{
	char *s =
	    store_jci_part("BWBR0035362", "4.1.1", "2", "e", "2026-07-01");

	ck_assert_str_eq(s, "jci1.3:c:BWBR0035362&artikel=4.1.1&lid=2&o=e&"
	                    "g=2026-07-01");
	free(s);
	s = store_jci("BWBR0034925", "3.2", "1", "2026-07-01");
	ck_assert_str_eq(s, "jci1.3:c:BWBR0034925&artikel=3.2&lid=1&"
	                    "g=2026-07-01");
	free(s);
	/* the link names the article: the resolver's documented form */
	s = store_url("BWBR0034925", "3.2", "2026-07-01");
	ck_assert_str_eq(s, "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&"
	                    "artikel=3.2&g=2026-07-01");
	free(s);
}
END_TEST

Suite *
suite_cite(void)
{
	Suite *s = suite_create("cite");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_cite_kort);
	tcase_add_test(tc, test_cite_lang);
	tcase_add_test(tc, test_cite_ordinals);
	tcase_add_test(tc, test_cite_style_parse);
	tcase_add_test(tc, test_cite_provision_style);
	tcase_add_test(tc, test_cite_jci_own);
	tcase_add_test(tc, test_cite_jci_part);
	suite_add_tcase(s, tc);
	return s;
}
