/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_design.c: tests of design.c, the proeftuin design reader.
 *
 * Fixtures are in tests/fixtures/designs (one file per refusal, plus the
 * spec's example and edge cases that must load); the bundled example
 * designs in xml/proeftuinen must all load.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "design.h"
#include "suites.h"
#include "testlib.h"
#include "vocab.h"

#define FIXTURES "tests/fixtures/designs/"

/* Load a fixture; the design is returned and must be freed. */
static enum pt_status
load_fixture(const char *name, const char *today, struct design **d,
             struct pt_err *e)
{
	char *path = xasprintf("%s/" FIXTURES "%s", t_srcdir(), name);
	enum pt_status rc;

	pt_err_clear(e);
	rc = design_load(path, today, d, e);
	free(path);
	return rc;
}

static const struct design_taak *
find_taak(const struct design *d, const char *id, const char *actor)
{
	size_t i;

	for (i = 0; i < d->ntaken; i++)
		if (strcmp(d->taken[i].id, id) == 0 &&
		    strcmp(d->actors[d->taken[i].actor].id, actor) == 0)
			return &d->taken[i];
	return NULL;
}

START_TEST(test_design_spec_example)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d = NULL;
	const struct design_actor *rvt, *wt;

	ck_assert_int_eq(load_fixture("spec-example.xml", "2030-01-01", &d, &e),
	                 PT_OK);
	ck_assert_ptr_nonnull(d);
	ck_assert(t_contains(d->path, "spec-example.xml"));
	ck_assert_str_eq(d->id, "noord");
	ck_assert_str_eq(d->peildatum, "2026-01-01");
	ck_assert_int_eq(d->peildatum_given, 1);
	ck_assert_str_eq(d->naam, "Proeftuin Noord");
	ck_assert_str_eq(
	    d->omschrijving,
	    "Regionaal veiligheidsteam voert OTS uit en biedt ook hulp.");
	ck_assert_uint_eq(d->ngemeenten, 2);
	ck_assert_str_eq(d->gemeenten[0], "Groningen");
	ck_assert_str_eq(d->gemeenten[1], "Het Hogeland");

	ck_assert_uint_eq(d->nactors, 2);
	rvt = &d->actors[0];
	wt = &d->actors[1];
	ck_assert_str_eq(rvt->id, "rvt-noord");
	ck_assert_str_eq(rvt->rol, "regionaal-veiligheidsteam");
	ck_assert_str_eq(rvt->naam, "Regionaal veiligheidsteam Noord");
	ck_assert_int_eq(rvt->gecertificeerd, 0);
	ck_assert_uint_eq(rvt->aangewezen, 0);
	ck_assert_int_eq(rvt->doelgroep, DOELGROEP_JEUGD);
	ck_assert_str_eq(wt->id, "wt-centrum");
	ck_assert_str_eq(wt->rol, "wijkteam");
	ck_assert_str_eq(wt->naam, "Wijkteam Centrum");
	ck_assert_int_eq(wt->line, 14);
	ck_assert_int_eq(design_actor_index(d, "wt-centrum"), 1);
	ck_assert_int_eq(design_actor_index(d, "rvt-noord"), 0);
	ck_assert_int_eq(design_actor_index(d, "rvt-zuid"), -1);
	ck_assert_int_eq(design_actor_index(d, NULL), -1);
	ck_assert_int_eq(design_actor_index(NULL, "rvt-noord"), -1);

	ck_assert_uint_eq(d->ntaken, 3);
	ck_assert_str_eq(d->taken[0].id, "uitvoering-ots");
	ck_assert_uint_eq(d->taken[0].actor, 0);
	ck_assert_int_eq(d->taken[0].line, 17);
	ck_assert_str_eq(d->taken[1].id, "jeugdhulp");
	ck_assert_uint_eq(d->taken[1].actor, 0);
	ck_assert_str_eq(d->taken[2].id, "verzoek-raadsonderzoek");
	ck_assert_uint_eq(d->taken[2].actor, 1);

	ck_assert_uint_eq(d->ndelingen, 1);
	ck_assert_uint_eq(d->delingen[0].van, 1);
	ck_assert_uint_eq(d->delingen[0].naar, 0);
	ck_assert_uint_eq(d->delingen[0].gegevens, GEG_JEUGDHULP);
	ck_assert_int_eq(d->delingen[0].grondslag, GRONDSLAG_GEEN);
	ck_assert_uint_eq(d->delingen[0].nbepalingen, 0);
	ck_assert_int_eq(d->delingen[0].line, 22);

	ck_assert_uint_eq(d->ndossiers, 1);
	ck_assert_uint_eq(d->dossiers[0].nactoren, 2);
	ck_assert_uint_eq(d->dossiers[0].actoren[0], 0);
	ck_assert_uint_eq(d->dossiers[0].actoren[1], 1);
	ck_assert_int_eq(d->dossiers[0].line, 23);
	design_free(d);
}
END_TEST

/* Defaults, any order of parts, white space, several bepalingen. */
START_TEST(test_design_edge_cases)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d = NULL;
	const struct design_deling *dl;
	long gi, wt, vt;

	ck_assert_int_eq(load_fixture("defaults.xml", NULL, &d, &e), PT_OK);
	ck_assert_str_eq(d->id, "randgevallen");
	ck_assert_str_eq(d->peildatum, "2028-02-29");
	ck_assert_ptr_null(d->naam);
	ck_assert_str_eq(d->omschrijving, "Twee regels.");
	ck_assert_uint_eq(d->ngemeenten, 1);
	ck_assert_str_eq(d->gemeenten[0], "Súdwest-Fryslân");

	gi = design_actor_index(d, "gi");
	wt = design_actor_index(d, "wt");
	vt = design_actor_index(d, "vt");
	ck_assert(gi >= 0 && wt >= 0 && vt >= 0);
	/* A GI is certified whatever the attribute says. */
	ck_assert_int_eq(d->actors[gi].gecertificeerd, 1);
	ck_assert_int_eq(d->actors[gi].doelgroep, DOELGROEP_JEUGD);
	ck_assert_ptr_null(d->actors[gi].naam);
	ck_assert_int_eq(d->actors[wt].gecertificeerd, 1);
	ck_assert_uint_eq(d->actors[wt].aangewezen,
	                  AANW_VEILIG_THUIS | AANW_JEUGDHULPAANBIEDER);
	ck_assert_int_eq(d->actors[wt].doelgroep, DOELGROEP_ALLE);
	ck_assert_str_eq(d->actors[wt].naam, "Wijkteam Oost");
	/* Empty aangewezen-als: no designation; gecertificeerd default nee. */
	ck_assert_uint_eq(d->actors[vt].aangewezen, 0);
	ck_assert_int_eq(d->actors[vt].gecertificeerd, 0);

	/* One task for two actors is allowed. */
	ck_assert_uint_eq(d->ntaken, 2);
	ck_assert_ptr_nonnull(find_taak(d, "verzoek-raadsonderzoek", "wt"));
	ck_assert_ptr_nonnull(find_taak(d, "verzoek-raadsonderzoek", "gi"));

	ck_assert_uint_eq(d->ndelingen, 1);
	dl = &d->delingen[0];
	ck_assert_uint_eq(dl->van, (size_t)wt);
	ck_assert_uint_eq(dl->naar, (size_t)gi);
	ck_assert_uint_eq(dl->gegevens, GEG_JEUGDHULP | GEG_GEZONDHEID);
	ck_assert_int_eq(dl->grondslag, GRONDSLAG_WETTELIJK);
	ck_assert_uint_eq(dl->nbepalingen, 2);
	ck_assert_str_eq(dl->bepalingen[0].bwb, "BWBR0034925");
	ck_assert_str_eq(dl->bepalingen[0].artikel, "7.3.11");
	ck_assert_str_eq(dl->bepalingen[0].lid, "4");
	ck_assert_str_eq(dl->bepalingen[1].bwb, "BWBR0002656");
	ck_assert_str_eq(dl->bepalingen[1].artikel, "240");
	ck_assert_ptr_null(dl->bepalingen[1].lid);

	ck_assert_uint_eq(d->ndossiers, 1);
	ck_assert_uint_eq(d->dossiers[0].nactoren, 2);
	ck_assert_uint_eq(d->dossiers[0].actoren[0], (size_t)gi);
	ck_assert_uint_eq(d->dossiers[0].actoren[1], (size_t)wt);
	design_free(d);

	ck_assert_int_eq(load_fixture("minimal.xml", "2026-05-05", &d, &e),
	                 PT_OK);
	ck_assert_str_eq(d->id, "leeg");
	ck_assert_uint_eq(d->nactors + d->ntaken + d->ndelingen + d->ndossiers +
	                      d->ngemeenten,
	                  0);
	ck_assert_ptr_null(d->naam);
	ck_assert_ptr_null(d->omschrijving);
	design_free(d);
}
END_TEST

START_TEST(test_design_peildatum_default)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d = NULL;
	char today[16];
	time_t now;
	struct tm tm;

	ck_assert_int_eq(load_fixture("no-peildatum.xml", "2026-03-15", &d, &e),
	                 PT_OK);
	ck_assert_str_eq(d->peildatum, "2026-03-15");
	ck_assert_int_eq(d->peildatum_given, 0);
	design_free(d);

	/* NULL today: the real date (retry once if midnight passed). */
	ck_assert_int_eq(load_fixture("no-peildatum.xml", NULL, &d, &e), PT_OK);
	ck_assert(vocab_is_date(d->peildatum));
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (strcmp(today, d->peildatum) != 0) {
		design_free(d);
		ck_assert_int_eq(load_fixture("no-peildatum.xml", NULL, &d, &e),
		                 PT_OK);
	}
	ck_assert_str_eq(d->peildatum, today);
	ck_assert_int_eq(d->peildatum_given, 0);
	design_free(d);

	/* A given peildatum wins over today. */
	ck_assert_int_eq(load_fixture("spec-example.xml", "2026-03-15", &d, &e),
	                 PT_OK);
	ck_assert_str_eq(d->peildatum, "2026-01-01");
	design_free(d);

	/* A bad today is the caller's error, not the file's. */
	ck_assert_int_eq(load_fixture("no-peildatum.xml", "2026-13-01", &d, &e),
	                 PT_EUSAGE);
	ck_assert_ptr_null(d);
}
END_TEST

/* Every refusal: fixture, status, line (0: do not check), message part. */
static const struct bad {
	const char *file;
	enum pt_status code;
	long line;
	const char *msg;
} bad[] = {
    {"unknown-role.xml", PT_EINPUT, 7, "unknown role 'veiligheidsteam'"},
    {"unknown-task.xml", PT_EINPUT, 10, "unknown task 'uitvoering-ots-plus'"},
    {"unknown-gegevens.xml", PT_EINPUT, 12, "unknown data category 'medisch'"},
    {"unknown-aanwijzing.xml", PT_EINPUT, 7, "unknown designation 'meldpunt'"},
    {"unknown-grondslag.xml", PT_EINPUT, 12, "unknown grondslag 'convenant'"},
    {"unknown-actor-taak.xml", PT_EINPUT, 10,
     "unknown actor 'rvt-zuid' in taak/@actor"},
    {"unknown-actor-van.xml", PT_EINPUT, 12,
     "unknown actor 'wijkteam' in deling/@van"},
    {"unknown-actor-naar.xml", PT_EINPUT, 13,
     "unknown actor 'raad' in deling/@naar"},
    {"unknown-actor-dossier.xml", PT_EINPUT, 12,
     "unknown actor 'vt' in dossier/@actoren"},
    {"duplicate-actor.xml", PT_EINPUT, 7,
     "duplicate actor id 'rvt' (first defined at line 5)"},
    {"duplicate-taak.xml", PT_EINPUT, 11,
     "task 'uitvoering-ots' is already given to actor 'rvt' at line 9"},
    {"bad-date.xml", PT_EINPUT, 3, "bad date '2026-02-30'"},
    {"bad-slug-proeftuin.xml", PT_EINPUT, 3, "bad proeftuin id 'Noord'"},
    {"bad-slug-actor.xml", PT_EINPUT, 7, "bad actor id 'rvt_noord'"},
    {"wettelijk-zonder-bepaling.xml", PT_EINPUT, 12,
     "grondslag 'wettelijk' without a bepaling"},
    {"bepaling-bij-toestemming.xml", PT_EINPUT, 13,
     "bepaling given with grondslag 'toestemming'"},
    {"bad-bwb.xml", PT_EINPUT, 13, "bad BWB id 'Jeugdwet'"},
    {"bad-gecertificeerd.xml", PT_EINPUT, 7,
     "bad value 'yes' for gecertificeerd"},
    {"bad-doelgroep.xml", PT_EINPUT, 7,
     "bad value 'volwassenen' for doelgroep"},
    {"dossier-one-actor.xml", PT_EINPUT, 12, "dossier with 1 actor"},
    {"dossier-twice.xml", PT_EINPUT, 12,
     "actor 'rvt' is listed twice in dossier/@actoren"},
    {"deling-to-self.xml", PT_EINPUT, 12, "deling from actor 'rvt' to itself"},
    {"empty-gegevens.xml", PT_EINPUT, 12, "deling without gegevens"},
    {"missing-rol.xml", PT_EINPUT, 7,
     "<actor> without the required attribute 'rol'"},
    {"missing-grondslag.xml", PT_EINPUT, 9,
     "<deling> without the required attribute 'grondslag'"},
    {"twice-taken.xml", PT_EINPUT, 10,
     "<taken> occurs twice (first at line 7)"},
    {"unknown-element.xml", PT_EINPUT, 6, "budget"},
    {"unknown-attribute.xml", PT_EINPUT, 10, "prioriteit"},
    {"wrong-root.xml", PT_EINPUT, 3, "proeftuin"},
    {"empty.xml", PT_EINPUT, 1, "empty"},
    {"malformed.xml", PT_EINPUT, 8, ""},
    {"xxe.xml", PT_EUNSAFE, 3, "entity 'geheim'"},
    {"billion-laughs.xml", PT_EUNSAFE, 3, "entity 'lol'"},
};
#define NBAD ((int)(sizeof bad / sizeof bad[0]))

START_TEST(test_design_refused)
{
	const struct bad *b = &bad[_i];
	struct pt_err e = PT_ERR_INIT;
	struct design *d = (struct design *)&e; /* must be reset to NULL */
	char buf[2048];

	ck_assert_msg(load_fixture(b->file, "2026-07-01", &d, &e) == b->code,
	              "%s: status %d, want %d (%s)", b->file, e.code, b->code,
	              pt_err_format(&e, buf, sizeof buf));
	ck_assert_ptr_null(d);
	ck_assert_int_eq(e.code, b->code);
	ck_assert_msg(t_contains(e.file, b->file), "%s: file '%s'", b->file,
	              e.file);
	ck_assert_msg(e.line == b->line, "%s: line %ld, want %ld (%s)", b->file,
	              e.line, b->line, e.msg);
	ck_assert_msg(t_contains(e.msg, b->msg), "%s: message '%s' lacks '%s'",
	              b->file, e.msg, b->msg);
	ck_assert(e.msg[0] != '\0');
	/* One fault, one message: reading on finds nothing it caused. */
	ck_assert_msg(pt_err_count(&e) == 1, "%s: %zu errors, the second: %s",
	              b->file, pt_err_count(&e),
	              pt_err_format_more(&e, 0, buf, sizeof buf));
	pt_err_clear(&e);
}
END_TEST

/* Fixtures with more than one error, tested below. */
static const char *const several[] = {"several-errors.xml",
                                      "too-many-errors.xml"};

/* The error record's errors, first and further, as "line: message". */
static char *
all_errors(const struct pt_err *e)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	if (e->code != PT_OK)
		pt_buf_addf(&b, "%ld: %s\n", e->line, e->msg);
	for (i = 0; i < e->nmore; i++) {
		ck_assert_str_eq(e->more[i].file, e->file);
		pt_buf_addf(&b, "%ld: %s\n", e->more[i].line, e->more[i].msg);
	}
	return pt_buf_detach(&b);
}

/* Several errors of different kinds: each is reported, with its line. */
START_TEST(test_design_several_errors)
{
	static const struct {
		long line;
		const char *msg;
	} want[] = {
	    {3, "bad date '2026-02-30' in peildatum"},
	    {6, "unknown role 'buurtteam' in actor/@rol"},
	    {7, "duplicate actor id 'rvt' (first defined at line 5)"},
	    {11, "unknown task 'uitvoering-ots-plus' in taak/@id"},
	    {12, "unknown actor 'rvt-zuid' in taak/@actor"},
	};
	static const char inone[] =
	    "<proeftuin id=\"Fout\">\n<actoren>\n"
	    "<actor id=\"a\" rol=\"wijkteam\" gecertificeerd=\"yes\" "
	    "doelgroep=\"x\"/>\n"
	    "<actor id=\"b\" rol=\"college\"/>\n</actoren>\n"
	    "<gegevensdeling>\n"
	    "<deling van=\"x\" naar=\"y\" gegevens=\"medisch\" "
	    "grondslag=\"convenant\"/>\n"
	    "<dossier actoren=\"a q a\"/>\n"
	    "</gegevensdeling>\n</proeftuin>\n";
	struct pt_err e = PT_ERR_INIT;
	struct design *d = (struct design *)&e; /* must be reset to NULL */
	char *all;
	size_t i;

	ck_assert_int_eq(load_fixture("several-errors.xml", NULL, &d, &e),
	                 PT_EINPUT);
	ck_assert_ptr_null(d);
	all = all_errors(&e);
	ck_assert_msg(pt_err_count(&e) == sizeof want / sizeof want[0],
	              "%zu errors:\n%s", pt_err_count(&e), all);
	ck_assert_uint_eq(e.omitted, 0);
	ck_assert(t_contains(e.file, "several-errors.xml"));
	ck_assert_int_eq(e.line, want[0].line);
	ck_assert_msg(t_contains(e.msg, want[0].msg), "%s", e.msg);
	for (i = 1; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_int_eq(e.more[i - 1].line, want[i].line);
		ck_assert_int_eq(e.more[i - 1].col, 0);
		ck_assert_msg(t_contains(e.more[i - 1].msg, want[i].msg),
		              "error %zu: '%s' lacks '%s'", i,
		              e.more[i - 1].msg, want[i].msg);
	}
	free(all);
	pt_err_clear(&e);
	ck_assert_ptr_null(e.more);

	/* Several errors in one element are each reported. */
	ck_assert_int_eq(
	    design_load_memory(inone, sizeof inone - 1, "i.xml", NULL, &d, &e),
	    PT_EINPUT);
	ck_assert_ptr_null(d);
	all = all_errors(&e);
	ck_assert_str_eq(
	    all,
	    "1: bad proeftuin id 'Fout': use lower-case letters, digits and "
	    "'-'\n"
	    "3: bad value 'yes' for gecertificeerd of actor 'a' (expected 'ja' "
	    "or 'nee')\n"
	    "3: bad value 'x' for doelgroep of actor 'a' (expected 'jeugd' or "
	    "'alle-leeftijden')\n"
	    "7: unknown actor 'x' in deling/@van (no actor with that id in "
	    "<actoren>)\n"
	    "7: unknown actor 'y' in deling/@naar (no actor with that id in "
	    "<actoren>)\n"
	    "7: unknown data category 'medisch' in deling/@gegevens (known: "
	    "jeugdhulp, gezondheid, strafrechtelijk, melding, raadsonderzoek)\n"
	    "7: unknown grondslag 'convenant' in deling/@grondslag (known: "
	    "toestemming, wettelijk, geen)\n"
	    "8: unknown actor 'q' in dossier/@actoren (no actor with that id "
	    "in <actoren>)\n"
	    "8: actor 'a' is listed twice in dossier/@actoren\n");
	free(all);
	pt_err_clear(&e);
}
END_TEST

/*
 * More errors than a record keeps: the PT_ERR_MAX of the lowest lines, in
 * line order, and the count of the others.
 */
START_TEST(test_design_too_many_errors)
{
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf x = PT_BUF_INIT;
	struct design *d = NULL;
	char *out, *err, *path, *rules;
	const char *p;
	size_t i;

	ck_assert_int_eq(load_fixture("too-many-errors.xml", NULL, &d, &e),
	                 PT_EINPUT);
	ck_assert_ptr_null(d);
	ck_assert_uint_eq(pt_err_count(&e), 24);
	ck_assert_uint_eq(e.nmore, PT_ERR_MAX - 1);
	ck_assert_uint_eq(e.omitted, 24 - PT_ERR_MAX);
	ck_assert_int_eq(e.line, 6);
	ck_assert(t_contains(e.msg, "unknown actor 'team-01'"));
	for (i = 0; i < e.nmore; i++)
		ck_assert_int_eq(e.more[i].line, (long)i + 7);
	ck_assert(t_contains(e.more[PT_ERR_MAX - 2].msg, "'team-20'"));

	/* The tasks come before the actors they name, whose errors are found
	 * first: the errors of the lowest lines are still the ones kept. */
	pt_buf_adds(&x, "<proeftuin id=\"x\">\n<taken>\n");
	for (i = 0; i < 30; i++)
		pt_buf_addf(&x, "<taak id=\"taak-%zu\" actor=\"a\"/>\n", i);
	pt_buf_adds(&x, "</taken>\n<actoren>\n");
	for (i = 0; i < 5; i++)
		pt_buf_addf(&x, "<actor id=\"%s\" rol=\"rol-%zu\"/>\n",
		            i ? "b" : "a", i);
	pt_buf_adds(&x, "</actoren>\n</proeftuin>\n");
	pt_err_clear(&e);
	ck_assert_int_eq(design_load_memory(x.s, x.len, "x.xml", NULL, &d, &e),
	                 PT_EINPUT);
	ck_assert_uint_eq(pt_err_count(&e), 30 + 5 + 3);
	ck_assert_uint_eq(e.omitted, 30 + 5 + 3 - PT_ERR_MAX);
	ck_assert_int_eq(e.line, 3);
	ck_assert(t_contains(e.msg, "unknown task 'taak-0'"));
	for (i = 0; i < e.nmore; i++) {
		ck_assert_int_eq(e.more[i].line, (long)i + 4);
		ck_assert(t_contains(e.more[i].msg, "unknown task"));
	}
	pt_err_clear(&e);
	pt_buf_release(&x);

	/* The command line shows each error on its line, then the count. */
	path = t_src(FIXTURES "too-many-errors.xml");
	rules = t_src("rules");
	ck_assert_int_eq(
	    t_cli(&out, &err, "check", "--rules", rules, path, NULL),
	    PT_EINPUT);
	ck_assert_str_eq(out, "");
	for (i = 0, p = err; (p = strchr(p, '\n')) != NULL; p++)
		i++;
	ck_assert_uint_eq(i, PT_ERR_MAX + 1);
	ck_assert(t_contains(err, "too-many-errors.xml:6: unknown actor "
	                          "'team-01' in taak/@actor"));
	ck_assert(t_contains(err, "too-many-errors.xml:25: unknown actor "
	                          "'team-20' in taak/@actor"));
	ck_assert(!t_contains(err, "team-21"));
	ck_assert_msg(t_contains(err, "\nproeftoets: ... and 4 more errors\n"),
	              "%s", err);
	free(out);
	free(err);
	free(path);
	free(rules);
}
END_TEST

/* Every fixture that is not meant to load is in the table above. */
START_TEST(test_design_every_bad_fixture_listed)
{
	static const char *good[] = {"spec-example.xml", "defaults.xml",
	                             "minimal.xml", "no-peildatum.xml"};
	char *dir = t_src(FIXTURES);
	DIR *dp = opendir(dir);
	struct dirent *de;
	size_t i, nfiles = 0;
	int found;

	ck_assert_ptr_nonnull(dp);
	while ((de = readdir(dp)) != NULL) {
		if (!t_contains(de->d_name, ".xml"))
			continue;
		nfiles++;
		found = 0;
		for (i = 0; i < sizeof good / sizeof good[0]; i++)
			found |= strcmp(good[i], de->d_name) == 0;
		for (i = 0; i < (size_t)NBAD; i++)
			found |= strcmp(bad[i].file, de->d_name) == 0;
		for (i = 0; i < sizeof several / sizeof several[0]; i++)
			found |= strcmp(several[i], de->d_name) == 0;
		ck_assert_msg(found, "fixture %s is not tested", de->d_name);
	}
	closedir(dp);
	free(dir);
	ck_assert_uint_eq(nfiles, (size_t)NBAD + 4 +
	                              sizeof several / sizeof several[0]);
}
END_TEST

START_TEST(test_design_io_errors)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d = NULL;
	char *dir;

	ck_assert_int_eq(design_load("/nonexistent/design.xml", NULL, &d, &e),
	                 PT_EIO);
	ck_assert_ptr_null(d);
	ck_assert_str_eq(e.file, "/nonexistent/design.xml");
	ck_assert(t_contains(e.msg, "cannot open"));

	dir = t_tmpdir();
	pt_err_clear(&e);
	ck_assert_int_eq(design_load(dir, NULL, &d, &e), PT_EIO);
	ck_assert_ptr_null(d);
	ck_assert(t_contains(e.msg, "directory"));
	t_tmpdir_cleanup(dir);
	free(dir);
}
END_TEST

START_TEST(test_design_memory)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d = NULL;
	char *path = t_src(FIXTURES "spec-example.xml");
	size_t len, n;
	char *data = t_read(path, &len);
	static const char unknown[] =
	    "<proeftuin id=\"m\">\n<actoren>\n<actor id=\"a\" rol=\"gi\"/>\n"
	    "</actoren>\n</proeftuin>\n";
	static const char gemeente[] =
	    "<proeftuin id=\"g\"><gemeenten>\n<gemeente> \n</gemeente>"
	    "</gemeenten></proeftuin>";

	ck_assert_ptr_nonnull(data);
	ck_assert_int_eq(design_load_memory(data, len, "mem.xml", NULL, &d, &e),
	                 PT_OK);
	ck_assert_str_eq(d->path, "mem.xml");
	ck_assert_str_eq(d->id, "noord");
	ck_assert_uint_eq(d->nactors, 2);
	ck_assert_uint_eq(d->ntaken, 3);
	design_free(d);

	ck_assert_int_eq(design_load_memory(unknown, sizeof unknown - 1,
	                                    "m.xml", NULL, &d, &e),
	                 PT_EINPUT);
	ck_assert_ptr_null(d);
	ck_assert_str_eq(e.file, "m.xml");
	ck_assert_int_eq(e.line, 3);
	ck_assert(t_contains(e.msg, "unknown role 'gi'"));

	pt_err_clear(&e);
	ck_assert_int_eq(design_load_memory(gemeente, sizeof gemeente - 1,
	                                    "g.xml", NULL, &d, &e),
	                 PT_EINPUT);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(e.line, 2);
	ck_assert(t_contains(e.msg, "empty gemeente"));

	pt_err_clear(&e);
	ck_assert_int_eq(design_load_memory("", 0, "leeg.xml", NULL, &d, &e),
	                 PT_EINPUT);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(e.line, 1);

	/* Truncated at every length: never crashes, never leaks, never OK. */
	for (n = 1; n < len - 14; n += 7) {
		pt_err_clear(&e);
		ck_assert_int_ne(
		    design_load_memory(data, n, "cut.xml", NULL, &d, &e),
		    PT_OK);
		ck_assert_ptr_null(d);
		ck_assert(e.msg[0] != '\0');
	}
	free(data);
	free(path);
}
END_TEST

static const char *
basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

/* The bundled designs all load, and say what they are about. */
START_TEST(test_design_examples)
{
	char *dir = t_src("xml/proeftuinen");
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct pt_err e = PT_ERR_INIT;
	struct design *d;
	char buf[2048];
	size_t n = 0, checked = 0;

	ck_assert_ptr_nonnull(dp);
	while ((de = readdir(dp)) != NULL) {
		char *path, *stem;
		const char *base;

		if (!t_contains(de->d_name, ".xml"))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		pt_err_clear(&e);
		d = NULL;
		ck_assert_msg(design_load(path, "2020-01-01", &d, &e) == PT_OK,
		              "%s", pt_err_format(&e, buf, sizeof buf));
		base = basename_of(path);
		stem = xstrndup(base, strlen(base) - 4);
		ck_assert_str_eq(d->id, stem);
		ck_assert_str_eq(d->peildatum, "2026-07-01");
		ck_assert_int_eq(d->peildatum_given, 1);
		ck_assert_ptr_nonnull(d->naam);
		ck_assert_uint_gt(d->nactors, 0);
		ck_assert_uint_gt(d->ntaken, 0);
		ck_assert_uint_gt(d->ngemeenten, 0);
		if (strcmp(d->id, "huidige-taakverdeling") == 0) {
			ck_assert_uint_eq(d->nactors, 9);
			ck_assert_uint_eq(d->ntaken, 25);
			ck_assert_uint_eq(d->ndelingen, 6);
			ck_assert_uint_eq(d->ndossiers, 0);
			ck_assert_uint_eq(d->ngemeenten, 1);
			ck_assert_ptr_nonnull(
			    find_taak(d, "verzoek-ots", "raad"));
			ck_assert_ptr_nonnull(
			    find_taak(d, "verzoek-ots", "om"));
			ck_assert_ptr_nonnull(find_taak(
			    d, "tijdelijk-huisverbod", "burgemeester"));
			checked++;
		} else if (strcmp(d->id, "rvt-integraal") == 0) {
			long rvt = design_actor_index(d, "rvt-gelderland-zuid");

			ck_assert_uint_eq(d->nactors, 4);
			ck_assert_uint_eq(d->ntaken, 18);
			ck_assert_uint_eq(d->ndelingen, 2);
			ck_assert_uint_eq(d->ndossiers, 1);
			ck_assert_uint_eq(d->ngemeenten, 5);
			ck_assert(rvt >= 0);
			ck_assert_int_eq(d->actors[rvt].gecertificeerd, 0);
			ck_assert_uint_eq(d->actors[rvt].aangewezen,
			                  AANW_VEILIG_THUIS);
			ck_assert_int_eq(d->actors[rvt].doelgroep,
			                 DOELGROEP_ALLE);
			checked++;
		} else if (strcmp(d->id, "noord") == 0) {
			ck_assert_uint_eq(d->nactors, 2);
			ck_assert_uint_eq(d->ntaken, 3);
			checked++;
		}
		design_free(d);
		free(stem);
		free(path);
		n++;
	}
	closedir(dp);
	free(dir);
	ck_assert_uint_eq(n, 6);
	ck_assert_uint_eq(checked, 3);
}
END_TEST

Suite *
suite_design(void)
{
	Suite *s = suite_create("design");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_design_spec_example);
	tcase_add_test(tc, test_design_edge_cases);
	tcase_add_test(tc, test_design_peildatum_default);
	tcase_add_loop_test(tc, test_design_refused, 0, NBAD);
	tcase_add_test(tc, test_design_every_bad_fixture_listed);
	tcase_add_test(tc, test_design_several_errors);
	tcase_add_test(tc, test_design_too_many_errors);
	tcase_add_test(tc, test_design_io_errors);
	tcase_add_test(tc, test_design_memory);
	tcase_add_test(tc, test_design_examples);
	suite_add_tcase(s, tc);
	return s;
}
