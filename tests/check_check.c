/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_check.c: the checker on the example designs, finding by finding,
 * and the properties every finding must have: stable ids, provisions quoted
 * from the registry at the peildatum, missing provisions said to be
 * missing, unverified marks carried through.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "design.h"
#include "import.h"
#include "rules.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"

static char *dir, *db;
static struct ruleset *rs;
static struct pt_store *st;

static void
setup(void)
{
	struct pt_err e = PT_ERR_INIT;
	struct import_opts o;
	char *rules = t_src("rules"), *bwb = t_src("xml/bwb");
	char **files;
	size_t n, i;

	dir = t_tmpdir();
	db = xasprintf("%s/reg.db", dir);
	ck_assert_int_eq(rules_load_dir(rules, &rs, &e), PT_OK);
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	memset(&o, 0, sizeof o);
	ck_assert_int_eq(import_list(bwb, &files, &n, &e), PT_OK);
	for (i = 0; i < n; i++) {
		struct import_result r;

		ck_assert_msg(import_file(st, files[i], &o, &r, &e) == PT_OK,
		              "%s", e.msg);
		import_result_release(&r);
	}
	import_list_free(files, n);
	free(rules);
	free(bwb);
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

static struct check_result *
run(const char *rel, struct design **d)
{
	struct pt_err e = PT_ERR_INIT;
	struct check_result *r;
	char *path = t_src(rel);

	ck_assert_msg(design_load(path, "2026-11-25", d, &e) == PT_OK, "%s: %s",
	              path, e.msg);
	ck_assert_int_eq(check_run(*d, rs, st, &r, &e), PT_OK);
	free(path);
	return r;
}

/* The findings of each example design, exactly (kind + id). */
static const char *const expect_noord[] = {
    "barrier noord/jw-7.3.11-gegevensdeling/wt-centrum>rvt-noord",
    "barrier noord/jw-7.3.11-gegevensdeling/dossier:rvt-noord+wt-centrum",
    "barrier noord/jw-4.2.1-klachtrecht/rvt-noord",
    "barrier noord/jw-2.4-regionale-schaal/rvt-noord",
    "risk noord/risico-vertrouwenspersoon-jeugdhulp/rvt-noord",
    "risk noord/risico-hulp-en-dwang/rvt-noord",
    "risk noord/risico-rechterlijke-toets/rvt-noord",
    "risk noord/risico-rechtsbijstand/rvt-noord",
    "risk noord/risico-hoorrecht-kind/rvt-noord",
    "barrier noord/jw-3.2-1-uitvoering/rvt-noord",
    "barrier noord/jw-3.2-2-hulp-en-maatregel/rvt-noord",
    NULL};
static const char *const expect_rvt_gecertificeerd[] = {
    "risk rvt-gecertificeerd/risico-hoorrecht-kind/rvt-ijssel-vecht",
    "risk rvt-gecertificeerd/risico-evrm-8-uithuisplaatsing/rvt-ijssel-vecht",
    NULL};
static const char *const expect_rvt_integraal[] = {
    "barrier rvt-integraal/jw-1.1-doelgroep-volwassenen/rvt-gelderland-zuid",
    "barrier "
    "rvt-integraal/jw-7.3.11-gegevensdeling/"
    "wijkteam-nijmegen>rvt-gelderland-zuid",
    "barrier rvt-integraal/jw-7.3.11-gegevensdeling/rvt-gelderland-zuid>ggz",
    "barrier "
    "rvt-integraal/jw-7.3.11-gegevensdeling/"
    "dossier:rvt-gelderland-zuid+wijkteam-nijmegen",
    "risk "
    "rvt-integraal/risico-gegevens-ggz-volwassenen/rvt-gelderland-zuid>ggz",
    "risk "
    "rvt-integraal/risico-bijzondere-gegevens/"
    "wijkteam-nijmegen>rvt-gelderland-zuid",
    "risk rvt-integraal/risico-bijzondere-gegevens/rvt-gelderland-zuid>ggz",
    "barrier rvt-integraal/wth-2-huisverbod/rvt-gelderland-zuid",
    "barrier rvt-integraal/jw-2.4-regionale-schaal/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-klachtrecht-veilig-thuis/rvt-gelderland-zuid",
    "barrier rvt-integraal/jw-3.1-raadsonderzoek/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-hulp-en-dwang/rvt-gelderland-zuid",
    "risk "
    "rvt-integraal/risico-onafhankelijk-raadsonderzoek/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-rechterlijke-toets/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-rechtsbijstand/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-hoorrecht-kind/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-evrm-8-uithuisplaatsing/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-rapportage-helper/rvt-gelderland-zuid",
    "risk "
    "rvt-integraal/risico-rijkstaak-gemeentelijke-sturing/rvt-gelderland-zuid",
    "barrier rvt-integraal/jw-3.2-1-uitvoering/rvt-gelderland-zuid",
    "barrier rvt-integraal/jw-3.2-1-jeugdreclassering/rvt-gelderland-zuid",
    "barrier rvt-integraal/bw1-302-voogdij/rvt-gelderland-zuid",
    "barrier rvt-integraal/jw-3.2-2-hulp-en-maatregel/rvt-gelderland-zuid",
    "barrier rvt-integraal/jw-7.1.1.2-verwijsindex/rvt-gelderland-zuid",
    "risk rvt-integraal/risico-verwijsindex-integraal-team/rvt-gelderland-zuid",
    "barrier rvt-integraal/bw1-255-2-verzoek-ots/rvt-gelderland-zuid",
    NULL};
static const char *const expect_wijkteam[] = {
    "risk wijkteam-hulp-en-dwang/risico-hulp-en-dwang/wijkteam",
    "risk wijkteam-hulp-en-dwang/risico-rechterlijke-toets/wijkteam",
    "risk wijkteam-hulp-en-dwang/risico-rechtsbijstand/wijkteam",
    "risk wijkteam-hulp-en-dwang/risico-hoorrecht-kind/wijkteam",
    "barrier wijkteam-hulp-en-dwang/jw-3.2-1-uitvoering/wijkteam",
    "barrier wijkteam-hulp-en-dwang/jw-3.2-2-hulp-en-maatregel/wijkteam",
    NULL};
static const char *const expect_none[] = {NULL};

static const struct {
	const char *file;
	const char *const *expect;
	size_t barriers;
} examples[] = {
    {"xml/proeftuinen/huidige-taakverdeling.xml", expect_none, 0},
    {"xml/proeftuinen/veilig-thuis-aangewezen.xml", expect_none, 0},
    {"xml/proeftuinen/rvt-gecertificeerd.xml", expect_rvt_gecertificeerd, 0},
    {"xml/proeftuinen/noord.xml", expect_noord, 6},
    {"xml/proeftuinen/wijkteam-hulp-en-dwang.xml", expect_wijkteam, 2},
    {"xml/proeftuinen/rvt-integraal.xml", expect_rvt_integraal, 13},
};

START_TEST(test_check_examples)
{
	struct design *d;
	struct check_result *r = run(examples[_i].file, &d);
	size_t i, n = 0;

	while (examples[_i].expect[n])
		n++;
	for (i = 0; i < r->nfindings && i < n; i++) {
		char *got = xasprintf(
		    "%s %s", rules_kind_name(r->findings[i].rule->kind),
		    r->findings[i].id);

		ck_assert_msg(strcmp(got, examples[_i].expect[i]) == 0,
		              "%s finding %zu: got '%s', want '%s'",
		              examples[_i].file, i, got,
		              examples[_i].expect[i]);
		free(got);
	}
	ck_assert_msg(r->nfindings == n, "%s: %zu findings, want %zu",
	              examples[_i].file, r->nfindings, n);
	ck_assert_uint_eq(r->nbarriers, examples[_i].barriers);
	ck_assert_uint_eq(r->nbarriers + r->nrisks, r->nfindings);
	check_result_free(r);
	design_free(d);
}
END_TEST

START_TEST(test_check_ids_stable)
{
	struct design *d1, *d2;
	struct check_result *a = run("xml/proeftuinen/rvt-integraal.xml", &d1);
	struct check_result *b = run("xml/proeftuinen/rvt-integraal.xml", &d2);
	size_t i, k;

	ck_assert_uint_eq(a->nfindings, b->nfindings);
	for (i = 0; i < a->nfindings; i++) {
		ck_assert_str_eq(a->findings[i].id, b->findings[i].id);
		for (k = 0; k < i; k++)
			ck_assert_str_ne(a->findings[i].id, a->findings[k].id);
	}
	check_result_free(a);
	check_result_free(b);
	design_free(d1);
	design_free(d2);
}
END_TEST

static const struct finding *
find(const struct check_result *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].id, id) == 0)
			return &r->findings[i];
	return NULL;
}

START_TEST(test_check_quotes_registry_at_peildatum)
{
	struct design *d;
	struct check_result *r = run("xml/proeftuinen/noord.xml", &d);
	const struct finding *f =
	    find(r, "noord/jw-3.2-1-uitvoering/rvt-noord");
	const struct finding_provision *p;

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->ntasks, 1);
	ck_assert_str_eq(f->tasks[0], "uitvoering-ots");
	ck_assert_str_eq(f->actors[0], "rvt-noord");
	ck_assert(t_contains(f->trigger, "rvt-noord"));
	ck_assert(t_contains(f->trigger, "uitvoering-ots"));
	p = &f->provisions[0];
	ck_assert_str_eq(p->rp->bwb, "BWBR0034925");
	ck_assert_str_eq(p->rp->artikel, "3.2");
	ck_assert_int_eq(p->in_registry, 1);
	ck_assert_str_eq(p->version_date, "2026-01-01");
	ck_assert_str_eq(
	    p->text,
	    "1. Een kinderbeschermingsmaatregel of jeugdreclassering wordt "
	    "uitsluitend uitgevoerd door een gecertificeerde instelling.");
	ck_assert_str_eq(p->jci,
	                 "jci1.3:c:BWBR0034925&artikel=3.2&lid=1&g=2026-07-01");
	ck_assert_ptr_null(p->missing);
	check_result_free(r);
	design_free(d);
}
END_TEST

START_TEST(test_check_older_peildatum_quotes_older_text)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d;
	struct check_result *r;
	char *path = t_src("xml/proeftuinen/noord.xml");
	char *xml = t_read(path, NULL), *p;
	size_t i, k;
	int seen = 0;

	/* the same design, looked at in 2020: the Jeugdwet of 2015 is quoted */
	p = strstr(xml, "peildatum=\"2026-07-01\"");
	ck_assert_ptr_nonnull(p);
	memcpy(p + strlen("peildatum=\""), "2020", 4);
	ck_assert_int_eq(design_load_memory(xml, strlen(xml), "noord-2020.xml",
	                                    NULL, &d, &e),
	                 PT_OK);
	ck_assert_int_eq(check_run(d, rs, st, &r, &e), PT_OK);
	for (i = 0; i < r->nfindings; i++)
		for (k = 0; k < r->findings[i].nprovisions; k++) {
			const struct finding_provision *fp =
			    &r->findings[i].provisions[k];

			if (strcmp(fp->rp->bwb, "BWBR0034925") == 0 &&
			    fp->in_registry) {
				ck_assert_str_eq(fp->version_date,
				                 "2015-01-01");
				seen++;
			}
			/* the Wmo extract is valid from 2026-07-01 only: said,
			 * not guessed */
			if (strcmp(fp->rp->bwb, "BWBR0035362") == 0) {
				ck_assert_int_eq(fp->in_registry, 0);
				ck_assert_ptr_null(fp->text);
				ck_assert(t_contains(fp->missing,
				                     "niet in het register "
				                     "voor deze peildatum"));
			}
		}
	ck_assert_int_gt(seen, 0);
	check_result_free(r);
	design_free(d);
	free(xml);
	free(path);
}
END_TEST

/* Equal strings, or both NULL. */
static int
streq0(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/*
 * With the registry's memo held, results checked in one read transaction
 * share the quoted texts instead of copying them, and say the same as
 * results that own their copies.
 */
START_TEST(test_check_shares_held_memo)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d;
	struct check_result *own = run("xml/proeftuinen/noord.xml", &d);
	struct check_result *a, *b;
	size_t i, k, shared = 0;
	int txn;

	store_memo_hold(st);
	txn = store_read_begin(st);
	ck_assert_int_eq(txn, 1);
	ck_assert_int_eq(check_run(d, rs, st, &a, &e), PT_OK);
	ck_assert_int_eq(check_run(d, rs, st, &b, &e), PT_OK);
	store_read_end(st, txn);
	ck_assert_uint_eq(a->nfindings, own->nfindings);
	for (i = 0; i < a->nfindings; i++) {
		ck_assert_uint_eq(a->findings[i].nprovisions,
		                  own->findings[i].nprovisions);
		for (k = 0; k < a->findings[i].nprovisions; k++) {
			const struct finding_provision *pa =
			    &a->findings[i].provisions[k];
			const struct finding_provision *pb =
			    &b->findings[i].provisions[k];
			const struct finding_provision *po =
			    &own->findings[i].provisions[k];

			ck_assert_int_eq(pa->in_registry, po->in_registry);
			ck_assert(streq0(pa->citeertitel, po->citeertitel));
			ck_assert(streq0(pa->version_date, po->version_date));
			ck_assert(
			    streq0(pa->version_sha256, po->version_sha256));
			ck_assert(streq0(pa->text, po->text));
			ck_assert(streq0(pa->missing, po->missing));
			if (pa->text != NULL && pa->rp->onderdeel == NULL) {
				ck_assert_ptr_eq(pa->text, pb->text);
				ck_assert_ptr_ne(pa->text, po->text);
				shared++;
			}
		}
	}
	ck_assert_uint_gt(shared, 0);
	check_result_free(a);
	check_result_free(b);
	store_memo_release(st);
	check_result_free(own);
	design_free(d);
}
END_TEST

START_TEST(test_check_without_registry)
{
	struct pt_err e = PT_ERR_INIT;
	struct design *d;
	struct check_result *r;
	char *path = t_src("xml/proeftuinen/noord.xml");
	size_t i, k;

	ck_assert_int_eq(design_load(path, NULL, &d, &e), PT_OK);
	ck_assert_int_eq(check_run(d, rs, NULL, &r, &e), PT_OK);
	ck_assert_uint_gt(r->nfindings, 0);
	for (i = 0; i < r->nfindings; i++)
		for (k = 0; k < r->findings[i].nprovisions; k++) {
			ck_assert_int_eq(
			    r->findings[i].provisions[k].in_registry, 0);
			ck_assert_ptr_null(r->findings[i].provisions[k].text);
			ck_assert_ptr_nonnull(
			    r->findings[i].provisions[k].missing);
		}
	check_result_free(r);
	design_free(d);
	free(path);
}
END_TEST

START_TEST(test_check_unverified_marked)
{
	struct design *d;
	struct check_result *r = run("xml/proeftuinen/rvt-integraal.xml", &d);
	size_t i, k;
	int unverified = 0;

	for (i = 0; i < r->nfindings; i++) {
		int any = 0;

		for (k = 0; k < r->findings[i].nprovisions; k++)
			if (!rules_zekerheid_verified(
			        r->findings[i].provisions[k].rp->zekerheid))
				any = 1;
		for (k = 0; k < r->findings[i].rule->nsources; k++)
			if (!rules_zekerheid_verified(
			        r->findings[i].rule->sources[k].zekerheid))
				any = 1;
		ck_assert_int_eq(r->findings[i].unverified, any);
		unverified += any;
	}
	ck_assert_int_gt(unverified, 0);
	check_result_free(r);
	design_free(d);
}
END_TEST

START_TEST(test_check_ok_list)
{
	struct design *d;
	struct check_result *r =
	    run("xml/proeftuinen/huidige-taakverdeling.xml", &d);

	ck_assert_uint_eq(r->nfindings, 0);
	ck_assert_uint_eq(r->nok, d->ntaken);
	check_result_free(r);
	design_free(d);
	r = run("xml/proeftuinen/noord.xml", &d);
	/* verzoek-raadsonderzoek by the wijkteam is fine (B5); the RVT's tasks
	 * are not */
	ck_assert_uint_eq(r->nok, 1);
	ck_assert_str_eq(d->taken[r->ok[0].taak].id, "verzoek-raadsonderzoek");
	check_result_free(r);
	design_free(d);
}
END_TEST

/*
 * Routes and levels per actor: a route is offered only to an actor that
 * can take it, and the level and severity follow.  Each rule with a route
 * that names who can take it (<voor>) is tried with an actor that can and
 * one that cannot; a route without <voor> is open to every actor the rule
 * finds (klachtrecht).
 */
struct route_case {
	const char *rule;
	const char *actor;  /* attributes of <actor id="a" ...> */
	const char *tasks;  /* space-separated, all given to actor a */
	const char *routes; /* the open routes' soort, space-separated */
	enum vocab_level level;
	enum rule_severity severity;
};

#define VT  "aanwijzing-veilig-thuis"
#define JHA "aanwijzing-jeugdhulpaanbieder"
static const struct route_case route_cases[] = {
    {"wmo-4.1.1-veilig-thuis", "rol=\"regionaal-veiligheidsteam\"", "meldpunt",
     VT, LEVEL_COLLEGE, SEV_HIGH},
    {"wmo-4.1.1-veilig-thuis", "rol=\"wijkteam\"", "onderzoek-na-melding", VT,
     LEVEL_COLLEGE, SEV_HIGH},
    {"wmo-4.1.1-veilig-thuis", "rol=\"politie\"", "meldpunt", "", LEVEL_WET,
     SEV_BLOCKING},
    {"wmo-4.1.1-veilig-thuis", "rol=\"openbaar-ministerie\"",
     "onderzoek-na-melding", "", LEVEL_WET, SEV_BLOCKING},
    {"jw-3.1-1-verzoek-raadsonderzoek", "rol=\"regionaal-veiligheidsteam\"",
     "verzoek-raadsonderzoek", VT " certificaat", LEVEL_COLLEGE, SEV_MEDIUM},
    {"jw-3.1-1-verzoek-raadsonderzoek", "rol=\"regionaal-veiligheidsteam\"",
     "verzoek-raadsonderzoek jeugdhulp", JHA " " VT " certificaat",
     LEVEL_COLLEGE, SEV_MEDIUM},
    {"jw-3.1-1-verzoek-raadsonderzoek", "rol=\"jeugdhulpaanbieder\"",
     "verzoek-raadsonderzoek", JHA, LEVEL_COLLEGE, SEV_MEDIUM},
    {"jw-3.1-1-verzoek-raadsonderzoek", "rol=\"politie\"",
     "verzoek-raadsonderzoek", "", LEVEL_WET, SEV_BLOCKING},
    {"jw-3.1-1-verzoek-raadsonderzoek", "rol=\"burgemeester\"",
     "verzoek-raadsonderzoek", "", LEVEL_WET, SEV_BLOCKING},
    {"jw-3.2-1-uitvoering", "rol=\"regionaal-veiligheidsteam\"",
     "uitvoering-ots", "certificaat", LEVEL_WET, SEV_BLOCKING},
    {"jw-3.2-1-uitvoering", "rol=\"politie\"", "uitvoering-ots", "", LEVEL_WET,
     SEV_BLOCKING},
    {"jw-3.2-1-jeugdreclassering", "rol=\"wijkteam\"", "jeugdreclassering",
     "certificaat", LEVEL_WET, SEV_BLOCKING},
    {"jw-3.2-1-jeugdreclassering", "rol=\"openbaar-ministerie\"",
     "jeugdreclassering", "", LEVEL_WET, SEV_BLOCKING},
    {"bw1-302-voogdij", "rol=\"regionaal-veiligheidsteam\"", "voogdij",
     "certificaat", LEVEL_WET, SEV_BLOCKING},
    {"bw1-302-voogdij", "rol=\"kinderrechter\"", "voogdij", "", LEVEL_WET,
     SEV_BLOCKING},
    {"bw1-260-2-verzoek-verlenging", "rol=\"regionaal-veiligheidsteam\"",
     "verzoek-verlenging-ots", "certificaat", LEVEL_WET, SEV_BLOCKING},
    {"bw1-260-2-verzoek-verlenging", "rol=\"politie\"",
     "verzoek-verlenging-ots", "", LEVEL_WET, SEV_BLOCKING},
    {"bw1-265b-verzoek-uithuisplaatsing", "rol=\"wijkteam\"",
     "verzoek-uithuisplaatsing", "certificaat", LEVEL_WET, SEV_BLOCKING},
    {"bw1-265b-verzoek-uithuisplaatsing", "rol=\"burgemeester\"",
     "verzoek-uithuisplaatsing", "", LEVEL_WET, SEV_BLOCKING},
    {"wmo-4.1.1-hulp-volwassenen", "rol=\"regionaal-veiligheidsteam\"",
     "hulp-volwassenen", VT, LEVEL_COLLEGE, SEV_HIGH},
    {"wmo-4.1.1-hulp-volwassenen", "rol=\"raad-voor-de-kinderbescherming\"",
     "hulp-volwassenen", "", LEVEL_WET, SEV_BLOCKING},
    {"wmo-4.1.1-hulp-volwassenen", "rol=\"gecertificeerde-instelling\"",
     "hulp-volwassenen", "", LEVEL_WET, SEV_BLOCKING},
    {"jw-4.2.1-klachtrecht", "rol=\"regionaal-veiligheidsteam\"",
     "uitvoering-ots", "toerekening certificaat", LEVEL_WET, SEV_BLOCKING},
};

static const struct finding *
finding_of(const struct check_result *r, const char *rule)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule->id, rule) == 0)
			return &r->findings[i];
	return NULL;
}

START_TEST(test_check_routes_per_actor)
{
	const struct route_case *c = &route_cases[_i];
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf x = PT_BUF_INIT, got = PT_BUF_INIT;
	struct ruleset *set = NULL;
	struct design *d;
	struct check_result *r;
	const struct finding *f;
	char *rules = t_src("rules"), *tasks = xstrdup(c->tasks), *tok, *save;
	size_t i;

	ck_assert_int_eq(rules_load_dir(rules, &set, &e), PT_OK);
	pt_buf_addf(
	    &x,
	    "<proeftuin id=\"t\" peildatum=\"2026-07-01\"><naam>T</naam>"
	    "<gemeenten><gemeente>G</gemeente></gemeenten><actoren>"
	    "<actor id=\"a\" %s/></actoren><taken>",
	    c->actor);
	for (tok = strtok_r(tasks, " ", &save); tok != NULL;
	     tok = strtok_r(NULL, " ", &save))
		pt_buf_addf(&x, "<taak id=\"%s\" actor=\"a\"/>", tok);
	pt_buf_adds(&x, "</taken></proeftuin>");
	ck_assert_msg(design_load_memory(x.s, x.len, "t.xml", NULL, &d, &e) ==
	                  PT_OK,
	              "%s", e.msg);
	ck_assert_int_eq(check_run(d, set, NULL, &r, &e), PT_OK);
	f = finding_of(r, c->rule);
	ck_assert_msg(f != NULL, "%s: no finding of %s", c->actor, c->rule);
	for (i = 0; i < f->nroutes; i++)
		pt_buf_addf(&got, "%s%s", i ? " " : "", f->routes[i]->soort);
	ck_assert_msg(strcmp(got.s != NULL ? got.s : "", c->routes) == 0,
	              "%s %s: routes '%s', want '%s'", c->rule, c->actor,
	              got.s != NULL ? got.s : "", c->routes);
	ck_assert_msg(f->level == c->level, "%s %s: level %s", c->rule,
	              c->actor, vocab_level_name(f->level));
	ck_assert_msg(f->severity == c->severity, "%s %s: severity %s", c->rule,
	              c->actor, rules_severity_name(f->severity));
	/* the amendment text goes with the level: the route's when a route
	 * sets it, else the rule's */
	if (f->level != f->rule->level)
		ck_assert_msg(f->wijziging != f->rule->wijziging &&
		                  t_contains(f->wijziging, "Geen"),
		              "%s", c->rule);
	else
		ck_assert_ptr_eq(f->wijziging, f->rule->wijziging);
	check_result_free(r);
	design_free(d);
	rules_free(set);
	pt_buf_release(&x);
	pt_buf_release(&got);
	free(tasks);
	free(rules);
}
END_TEST

/* Wth 7 (the children heard at a huisverbod) is cited only where the
 * design has a huisverbod. */
START_TEST(test_check_bij_taak)
{
	static const char *const designs[2] = {
	    "<proeftuin id=\"t\" peildatum=\"2026-07-01\"><naam>T</naam>"
	    "<gemeenten><gemeente>G</gemeente></gemeenten><actoren>"
	    "<actor id=\"a\" rol=\"regionaal-veiligheidsteam\"/></actoren>"
	    "<taken><taak id=\"uitvoering-ots\" actor=\"a\"/></taken>"
	    "</proeftuin>",
	    "<proeftuin id=\"t\" peildatum=\"2026-07-01\"><naam>T</naam>"
	    "<gemeenten><gemeente>G</gemeente></gemeenten><actoren>"
	    "<actor id=\"a\" rol=\"regionaal-veiligheidsteam\"/>"
	    "<actor id=\"b\" rol=\"burgemeester\"/></actoren>"
	    "<taken><taak id=\"uitvoering-ots\" actor=\"a\"/>"
	    "<taak id=\"tijdelijk-huisverbod\" actor=\"b\"/></taken>"
	    "</proeftuin>"};
	struct pt_err e = PT_ERR_INIT;
	struct ruleset *set = NULL;
	char *rules = t_src("rules");
	int i;
	size_t k;

	ck_assert_int_eq(rules_load_dir(rules, &set, &e), PT_OK);
	for (i = 0; i < 2; i++) {
		struct design *d;
		struct check_result *r;
		const struct finding *f;
		int wth = 0;

		ck_assert_int_eq(design_load_memory(designs[i],
		                                    strlen(designs[i]), "t.xml",
		                                    NULL, &d, &e),
		                 PT_OK);
		ck_assert_int_eq(check_run(d, set, NULL, &r, &e), PT_OK);
		f = finding_of(r, "risico-hoorrecht-kind");
		ck_assert_ptr_nonnull(f);
		for (k = 0; k < f->nprovisions; k++)
			wth += strcmp(f->provisions[k].rp->bwb,
			              "BWBR0024649") == 0;
		ck_assert_int_eq(wth, i);
		/* the others are cited either way */
		ck_assert_uint_eq(f->nprovisions, 5 + (size_t)i);
		check_result_free(r);
		design_free(d);
	}
	rules_free(set);
	free(rules);
}
END_TEST

/*
 * The convention of rules/README.md: a barrier (or a route) at level wet
 * is blocking, and nothing else is.
 */
START_TEST(test_check_rules_severity_convention)
{
	struct pt_err e = PT_ERR_INIT;
	struct ruleset *set = NULL;
	char *rules = t_src("rules");
	size_t i, k;

	ck_assert_int_eq(rules_load_dir(rules, &set, &e), PT_OK);
	for (i = 0; i < set->n; i++) {
		const struct rule *r = &set->rules[i];

		if (r->kind == RULE_BARRIER)
			ck_assert_msg((r->level == LEVEL_WET) ==
			                  (r->severity == SEV_BLOCKING),
			              "%s: level %s with severity %s", r->id,
			              vocab_level_name(r->level),
			              rules_severity_name(r->severity));
		for (k = 0; k < r->nroutes; k++)
			if (r->routes[k].level_given)
				ck_assert_msg(
				    (r->routes[k].level == LEVEL_WET) ==
				        (r->routes[k].severity == SEV_BLOCKING),
				    "%s: route %s", r->id, r->routes[k].soort);
	}
	rules_free(set);
	free(rules);
}
END_TEST

Suite *
suite_check(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("check_run");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_check_examples, 0,
	                    sizeof examples / sizeof examples[0]);
	tcase_add_test(tc, test_check_ids_stable);
	tcase_add_test(tc, test_check_quotes_registry_at_peildatum);
	tcase_add_test(tc, test_check_older_peildatum_quotes_older_text);
	tcase_add_test(tc, test_check_without_registry);
	tcase_add_test(tc, test_check_shares_held_memo);
	tcase_add_test(tc, test_check_unverified_marked);
	tcase_add_test(tc, test_check_ok_list);
	suite_add_tcase(s, tc);
	tc = tcase_create("routes");
	tcase_add_loop_test(tc, test_check_routes_per_actor, 0,
	                    sizeof route_cases / sizeof route_cases[0]);
	tcase_add_test(tc, test_check_rules_severity_convention);
	tcase_add_test(tc, test_check_bij_taak);
	suite_add_tcase(s, tc);
	return s;
}
