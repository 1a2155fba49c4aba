/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_rules.c: tests of rules.c and of the rule set in rules/.
 *
 * Besides the loader, these tests hold the rule set to the legal analysis:
 * every barrier and risk it encodes is present, every rule fires on its
 * fixture design tests/fixtures/rules/<id>/fires.xml and stays quiet on
 * quiet.xml, and the division of tasks under current law yields no
 * barrier.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "design.h"
#include "rules.h"
#include "suites.h"
#include "testlib.h"
#include "vocab.h"

#define NRULES 34

static struct ruleset *
load_all(void)
{
	struct pt_err err = PT_ERR_INIT;
	struct ruleset *rs = NULL;
	char *dir = t_src("rules");
	char msg[PT_ERR_MSG_MAX + PT_ERR_FILE_MAX + 64];
	enum pt_status st;

	st = rules_load_dir(dir, &rs, &err);
	ck_assert_msg(st == PT_OK, "rules/ does not load: %s",
	              pt_err_format(&err, msg, sizeof msg));
	ck_assert_ptr_nonnull(rs);
	free(dir);
	return rs;
}

static const struct rule *
find_rule(const struct ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->rules[i].id, id) == 0)
			return &rs->rules[i];
	return NULL;
}

START_TEST(test_rules_dir_loads)
{
	struct ruleset *rs = load_all();
	size_t i;

	ck_assert_uint_eq(rs->n, NRULES);
	ck_assert(t_contains(rs->dir, "rules"));
	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->rules[i];

		ck_assert(t_contains(r->file, "/rules/"));
		ck_assert_int_gt(r->line, 0);
		ck_assert_ptr_nonnull(r->titel);
		ck_assert_msg(r->toelichting != NULL && *r->toelichting != '\0',
		              "rule '%s' has no toelichting", r->id);
		ck_assert_msg(r->nprovisions > 0, "rule '%s' cites nothing",
		              r->id);
		if (r->kind == RULE_BARRIER) {
			ck_assert_msg(r->level_given,
			              "barrier '%s' without level", r->id);
			ck_assert_msg(r->wijziging != NULL &&
			                  *r->wijziging != '\0',
			              "barrier '%s' without wijziging", r->id);
		}
	}
	/* Files come in name order: doelgroep.xml before verzoeken.xml. */
	ck_assert(t_contains(rs->rules[0].file, "doelgroep.xml"));
	ck_assert(t_contains(rs->rules[rs->n - 1].file, "verzoeken.xml"));
	rules_free(rs);
}
END_TEST

START_TEST(test_rules_known_fields)
{
	struct ruleset *rs = load_all();
	const struct rule *r;
	size_t i;

	/* The example of the spec. */
	r = find_rule(rs, "jw-3.2-1-uitvoering");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(
	    r->titel,
	    "Alleen een gecertificeerde instelling mag een OTS uitvoeren");
	ck_assert_int_eq(r->kind, RULE_BARRIER);
	ck_assert_int_eq(r->severity, SEV_BLOCKING);
	ck_assert_str_eq(r->analyse, "B1");
	ck_assert_int_eq(r->cond, COND_TOEWIJZING);
	ck_assert_uint_eq(r->ntaken, 3);
	ck_assert_str_eq(r->taken[0], "uitvoering-ots");
	ck_assert_uint_eq(r->ngeldt_voor, 0);
	ck_assert_uint_eq(r->ntoegestaan, 2);
	ck_assert_uint_eq(r->toegestaan[0].nrollen, 1);
	ck_assert_str_eq(r->toegestaan[0].rollen[0],
	                 "gecertificeerde-instelling");
	ck_assert_int_eq(r->toegestaan[0].gecertificeerd, -1);
	ck_assert_int_eq(r->toegestaan[1].gecertificeerd, 1);
	ck_assert_uint_eq(r->toegestaan[1].nrollen, 0);
	ck_assert_str_eq(r->provisions[0].bwb, "BWBR0034925");
	ck_assert_str_eq(r->provisions[0].artikel, "3.2");
	ck_assert_str_eq(r->provisions[0].lid, "1");
	ck_assert_int_eq(r->provisions[0].zekerheid, ZEKER_V26);
	ck_assert_str_eq(r->provisions[0].getoetst_aan, "2026-01-01");
	ck_assert_str_eq(r->provisions[0].citeertitel, "Jeugdwet");
	ck_assert_ptr_null(r->provisions[1].lid);
	ck_assert_int_eq(r->level, LEVEL_WET);
	ck_assert_uint_eq(r->nroutes, 1);
	ck_assert_str_eq(r->routes[0].soort, "certificaat");
	/* Text is normalised: no newlines or runs of spaces from the file. */
	ck_assert(strchr(r->wijziging, '\n') == NULL);
	ck_assert(strstr(r->toelichting, "  ") == NULL);

	/* B2: a combination, liftable by an experiment AMvB. */
	r = find_rule(rs, "jw-3.2-2-hulp-en-maatregel");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->cond, COND_COMBINATIE);
	ck_assert_uint_eq(r->ntaken, 1);
	ck_assert_str_eq(r->taken[0], "jeugdhulp");
	ck_assert_uint_eq(r->ntaken_b, 5);
	ck_assert_int_eq(r->level, LEVEL_AMVB);
	ck_assert_str_eq(r->routes[0].soort, "experiment-amvb");
	ck_assert_str_eq(r->provisions[1].artikel, "12.1");

	/* B7: the statutory gateways. */
	r = find_rule(rs, "jw-7.3.11-gegevensdeling");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->cond, COND_GEGEVENSDELING);
	ck_assert_int_eq(r->dossiers, 1);
	ck_assert_uint_eq(r->gegevens, 0);
	ck_assert_uint_eq(r->nkanalen, 5);
	ck_assert_str_eq(r->kanalen[0].artikel, "7.3.11");
	ck_assert_str_eq(r->kanalen[0].lid, "4");
	ck_assert_uint_eq(r->kanalen[0].nnaar, 2);
	ck_assert_int_eq(r->kanalen[0].naar[1].gecertificeerd, 1);
	ck_assert_str_eq(r->kanalen[1].bwb, "BWBR0002656");
	ck_assert_ptr_null(r->kanalen[1].lid);
	ck_assert_uint_eq(r->kanalen[2].naar[1].aangewezen, AANW_VEILIG_THUIS);
	ck_assert_uint_eq(r->kanalen[3].naar[0].nrollen, 2);
	ck_assert_uint_eq(r->kanalen[4].naar[0].nrollen, 3);
	/* Each gateway is tied to its senders and, for 7.3.11 lid 4, a task. */
	ck_assert_uint_eq(r->kanalen[0].nvan, 0);
	ck_assert_uint_eq(r->kanalen[0].nnaar_taken, 1);
	ck_assert_str_eq(r->kanalen[0].naar_taken[0], "uitvoering-ots");
	ck_assert_uint_eq(r->kanalen[1].nvan, 0);
	ck_assert_uint_eq(r->kanalen[2].nvan, 0);
	ck_assert_uint_eq(r->kanalen[3].nvan, 3);
	ck_assert_uint_eq(r->kanalen[3].van[0].nrollen, 3);
	ck_assert_uint_eq(r->kanalen[4].nvan, 2);
	ck_assert_uint_eq(r->kanalen[4].van[1].aangewezen, AANW_VEILIG_THUIS);
	for (i = 1; i < r->nkanalen; i++)
		ck_assert_uint_eq(r->kanalen[i].nnaar_taken, 0);
	ck_assert_ptr_nonnull(r->norm);
	/* Wmo 5.2.6 was read only in the 2015 text. */
	for (i = 0; i < r->nprovisions; i++)
		if (strcmp(r->provisions[i].artikel, "5.2.6") == 0)
			ck_assert_int_eq(r->provisions[i].zekerheid, ZEKER_V15);

	/* R3, ggz: the same gateways by reference, each one cited. */
	r = find_rule(rs, "risico-gegevens-ggz-volwassenen");
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(r->nkanalen, 5);
	ck_assert_str_eq(r->kanalen[2].artikel, "5.2.6");
	ck_assert_uint_eq(r->kanalen[2].naar[1].aangewezen, AANW_VEILIG_THUIS);
	ck_assert_str_eq(r->kanalen[0].naar_taken[0], "uitvoering-ots");

	/* B13: only for two or more municipalities, a college matter. */
	r = find_rule(rs, "jw-2.4-regionale-schaal");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->min_gemeenten, 2);
	ck_assert_int_eq(r->severity, SEV_LOW);
	ck_assert_int_eq(r->level, LEVEL_COLLEGE);
	ck_assert_str_eq(r->routes[0].soort, "samenwerking");

	/* B6: designation by the colleges lifts it, for a team; any other
	 * actor needs a statute. */
	r = find_rule(rs, "wmo-4.1.1-veilig-thuis");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->level, LEVEL_WET);
	ck_assert_int_eq(r->severity, SEV_BLOCKING);
	ck_assert_str_eq(r->routes[0].soort, "aanwijzing-veilig-thuis");
	ck_assert(r->routes[0].level_given);
	ck_assert_int_eq(r->routes[0].level, LEVEL_COLLEGE);
	ck_assert_int_eq(r->routes[0].severity, SEV_HIGH);
	ck_assert_uint_eq(r->routes[0].nvoor, 1);
	ck_assert_uint_eq(r->routes[0].voor[0].nrollen, 2);
	ck_assert_uint_eq(r->toegestaan[1].aangewezen, AANW_VEILIG_THUIS);
	ck_assert_str_eq(r->provisions[2].onderdeel, "b");

	/* B9: the voogdij articles were only read in 2015. */
	r = find_rule(rs, "bw1-302-voogdij");
	ck_assert_ptr_nonnull(r);
	for (i = 0; i < r->nprovisions; i++) {
		ck_assert_int_eq(r->provisions[i].zekerheid, ZEKER_V15);
		ck_assert_str_eq(r->provisions[i].getoetst_aan, "2015-01-01");
	}

	/* B11: the verwijsindex is an AMvB matter. */
	r = find_rule(rs, "jw-7.1.1.2-verwijsindex");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->level, LEVEL_AMVB);
	ck_assert_uint_eq(r->ngeldt_voor, 1);
	ck_assert_uint_eq(r->geldt_voor[0].nrollen, 2);

	/* B14: the 0-100 target group. */
	r = find_rule(rs, "jw-1.1-doelgroep-volwassenen");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->geldt_voor[0].doelgroep, DOELGROEP_ALLE);

	/* A risk without niveau. */
	r = find_rule(rs, "risico-rapportage-helper");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->kind, RULE_RISK);
	ck_assert_int_eq(r->level_given, 0);
	ck_assert_int_eq(r->level, LEVEL_GEEN);
	ck_assert_ptr_null(r->wijziging);
	rules_free(rs);
}
END_TEST

/* Every barrier and risk of the analysis that the format can express. */
START_TEST(test_rules_cover_analysis)
{
	static const char *const barriers[] = {
	    "B1", "B2", "B3",  "B4",  "B5",  "B6",  "B7",
	    "B8", "B9", "B10", "B11", "B12", "B13", "B14",
	};
	static const char *const risks[] = {
	    "R1", "R2", "R3", "R4",  "R5",  "R6",
	    "R7", "R8", "R9", "R10", "R11", "R12",
	};
	struct ruleset *rs = load_all();
	size_t i, k, n;

	for (k = 0; k < sizeof barriers / sizeof barriers[0]; k++) {
		for (i = 0, n = 0; i < rs->n; i++)
			if (rs->rules[i].analyse != NULL &&
			    strcmp(rs->rules[i].analyse, barriers[k]) == 0) {
				ck_assert_msg(rs->rules[i].kind == RULE_BARRIER,
				              "%s rule '%s' is not a barrier",
				              barriers[k], rs->rules[i].id);
				n++;
			}
		ck_assert_msg(n > 0, "no rule for %s", barriers[k]);
	}
	for (k = 0; k < sizeof risks / sizeof risks[0]; k++) {
		for (i = 0, n = 0; i < rs->n; i++)
			if (rs->rules[i].analyse != NULL &&
			    strcmp(rs->rules[i].analyse, risks[k]) == 0) {
				ck_assert_msg(rs->rules[i].kind == RULE_RISK,
				              "%s rule '%s' is not a risk",
				              risks[k], rs->rules[i].id);
				n++;
			}
		ck_assert_msg(n > 0, "no rule for %s", risks[k]);
	}
	/* B15 is no barrier under the current text of Jeugdwet 2.11. */
	for (i = 0; i < rs->n; i++)
		ck_assert(rs->rules[i].analyse == NULL ||
		          strcmp(rs->rules[i].analyse, "B15") != 0);
	/* B3 needs one rule per kind of request. */
	for (i = 0, n = 0; i < rs->n; i++)
		if (rs->rules[i].analyse &&
		    strcmp(rs->rules[i].analyse, "B3") == 0)
			n++;
	ck_assert_uint_eq(n, 4);
	rules_free(rs);
}
END_TEST

struct bad_case {
	const char *file;
	enum pt_status code;
	long line;
	const char *msg;
};

static const struct bad_case bad_cases[] = {
    {"duplicate-id.xml", PT_EINPUT, 11,
     "duplicate rule id 'een' (also at line 3)"},
    {"unknown-task.xml", PT_EINPUT, 6, "unknown task 'vliegen'"},
    {"unknown-role.xml", PT_EINPUT, 7, "unknown role 'koning'"},
    {"bad-level.xml", PT_EINPUT, 9, "unknown level 'grondwet'"},
    {"barrier-without-niveau.xml", PT_EINPUT, 9, "has no niveau"},
    {"bad-id.xml", PT_EINPUT, 3, "bad rule id 'Een.Hoofdletter'"},
    {"empty-pattern.xml", PT_EINPUT, 7, "would match every actor"},
    {"malformed.xml", PT_EINPUT, 6, "end of data"},
    {"schema-violation.xml", PT_EINPUT, 3, "does not follow the schema"},
    {"no-bepaling.xml", PT_EINPUT, 6, "does not follow the schema"},
    {"combinatie-one-group.xml", PT_EINPUT, 5,
     "exactly 2 'taken' groups, not 1"},
    {"bad-date.xml", PT_EINPUT, 7, "bad date '2026-02-30'"},
    {"unknown-category.xml", PT_EINPUT, 6,
     "unknown data category 'financieel'"},
    {"unknown-designation.xml", PT_EINPUT, 8, "unknown designation 'gi'"},
    {"bad-bwb.xml", PT_EINPUT, 6, "bad BWB id 'BWBR00349'"},
    {"entity.xml", PT_EUNSAFE, 2, "declares an entity"},
    {"kanaal-not-cited.xml", PT_EINPUT, 9,
     "kanaal BWBR0002656 art. 240 of rule 'een' rests on no bepaling of the "
     "rule"},
    {"kanaal-bad-ref.xml", PT_EINPUT, 6,
     "kanaal ref 'later' names no earlier kanaal in this file"},
    {"kanaal-duplicate-id.xml", PT_EINPUT, 15, "duplicate kanaal id 'bw1-240'"},
    {"kanaal-unknown-task.xml", PT_EINPUT, 8, "unknown task 'toezicht'"},
    {"kanaal-ref-with-bwb.xml", PT_EINPUT, 9, "does not follow the schema"},
    {"route-niveau-without-ernst.xml", PT_EINPUT, 10,
     "route with a niveau but no ernst"},
    {"route-ernst-without-niveau.xml", PT_EINPUT, 10,
     "route with an ernst but no niveau"},
    {"route-bad-level.xml", PT_EINPUT, 10, "unknown level 'gemeente'"},
    {"route-unknown-task.xml", PT_EINPUT, 10, "unknown task 'helpen'"},
    {"route-empty.xml", PT_EINPUT, 10, "empty route in rule 'een'"},
    {"bij-taak-unknown.xml", PT_EINPUT, 8, "unknown task 'huisverbod'"},
};

START_TEST(test_rules_bad_files)
{
	const struct bad_case *c = &bad_cases[_i];
	struct pt_err err = PT_ERR_INIT;
	struct ruleset *rs = rules_new();
	char *rel = xasprintf("tests/fixtures/rules/bad/%s", c->file);
	char *path = t_src(rel);
	enum pt_status st;

	st = rules_load_file(rs, path, &err);
	ck_assert_msg(st == c->code, "%s: status %d, want %d (%s)", c->file, st,
	              c->code, err.msg);
	ck_assert_int_eq(err.code, c->code);
	ck_assert_str_eq(err.file, path);
	if (c->line > 0)
		ck_assert_msg(err.line == c->line,
		              "%s: line %ld, want %ld (%s)", c->file, err.line,
		              c->line, err.msg);
	ck_assert_msg(t_contains(err.msg, c->msg),
	              "%s: message '%s' lacks '%s'", c->file, err.msg, c->msg);
	/* Nothing of a bad file is kept. */
	ck_assert_uint_eq(rs->n, 0);
	rules_free(rs);
	free(path);
	free(rel);
}
END_TEST

START_TEST(test_rules_duplicate_across_files)
{
	struct pt_err err = PT_ERR_INIT;
	struct ruleset *rs = rules_new();
	char *path = t_src("rules/uitvoering.xml");
	size_t n;

	ck_assert_int_eq(rules_load_file(rs, path, &err), PT_OK);
	n = rs->n;
	ck_assert_uint_gt(n, 0);
	ck_assert_int_eq(rules_load_file(rs, path, &err), PT_EINPUT);
	ck_assert(t_contains(
	    err.msg, "duplicate rule id 'jw-3.2-1-uitvoering' (also in "));
	ck_assert(t_contains(err.msg, "uitvoering.xml:"));
	ck_assert_int_eq(err.line, rs->rules[0].line);
	ck_assert_uint_eq(rs->n, n);
	rules_free(rs);
	free(path);
}
END_TEST

static const char rule_a[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<regels>\n"
    "  <regel id=\"a.1\" soort=\"risk\" ernst=\"low\" analyse=\"R9\">\n"
    "    <titel>  Eerste\n      regel  </titel>\n"
    "    <gegevensdeling dossiers=\"nee\">\n"
    "      <gegevens>gezondheid   melding</gegevens>\n"
    "      <geldt-voor aangewezen-als=\"veilig-thuis jeugdhulpaanbieder\"/>\n"
    "      <kanaal bwb=\"BWBR0035362\" artikel=\"5.2.6\" "
    "gegevens=\"melding\"/>\n"
    "    </gegevensdeling>\n"
    "    <bepaling bwb=\"BWBR0035362\" artikel=\"5.2.6\" zekerheid=\"GK\"\n"
    "      "
    "tekst-sha256="
    "\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"/>\n"
    "  </regel>\n"
    "</regels>\n";

static const char rule_b[] =
    "<regels><regel id=\"b\" soort=\"barrier\" ernst=\"medium\">"
    "<titel>B</titel><toewijzing min-gemeenten=\"3\"><taken>jeugdhulp</taken>"
    "<geldt-voor rol=\"wijkteam\" gecertificeerd=\"nee\" doelgroep=\"jeugd\"/>"
    "</toewijzing>"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"2.4\" lid=\"2\" onderdeel=\"a\" "
    "zekerheid=\"P\"/>"
    "<wijziging niveau=\"ministeriele-regeling\">W</wijziging>"
    "<route soort=\"toerekening\">R1</route><route "
    "soort=\"samenwerking\">R2</route>"
    "</regel></regels>";

/* Gateways with a sender, a receiver, a receiver's task and categories. */
static const char rule_gw[] =
    "<regels>\n"
    "  <regel id=\"gw\" soort=\"barrier\" ernst=\"high\">\n"
    "    <titel>G</titel>\n"
    "    <gegevensdeling>\n"
    "      <kanaal id=\"ots\" bwb=\"BWBR0034925\" artikel=\"7.3.11\" "
    "lid=\"4\">\n"
    "        <naar rol=\"gecertificeerde-instelling\"/>\n"
    "        <naar gecertificeerd=\"ja\"/>\n"
    "        <ontvanger-taak>uitvoering-ots</ontvanger-taak>\n"
    "      </kanaal>\n"
    "      <kanaal bwb=\"BWBR0034925\" artikel=\"7.4.0\" gegevens=\"jeugdhulp "
    "melding\">\n"
    "        <van rol=\"jeugdhulpaanbieder raad-voor-de-kinderbescherming\"/>\n"
    "        <van aangewezen-als=\"jeugdhulpaanbieder\"/>\n"
    "        <naar rol=\"college\"/>\n"
    "      </kanaal>\n"
    "    </gegevensdeling>\n"
    "    <bepaling bwb=\"BWBR0034925\" artikel=\"7.3.11\" lid=\"4\" "
    "zekerheid=\"V26\"/>\n"
    "    <bepaling bwb=\"BWBR0034925\" artikel=\"7.4.0\" lid=\"2\" "
    "zekerheid=\"V26\"/>\n"
    "    <wijziging niveau=\"wet\">W</wijziging>\n"
    "  </regel>\n"
    "  <regel id=\"gw2\" soort=\"risk\" ernst=\"low\">\n"
    "    <titel>H</titel>\n"
    "    <gegevensdeling><kanaal ref=\"ots\"/></gegevensdeling>\n"
    "    <bepaling bwb=\"BWBR0034925\" artikel=\"7.3.11\" zekerheid=\"V26\"/>\n"
    "  </regel>\n"
    "</regels>\n";

static const char design_gw[] =
    "<proeftuin id=\"gw\" peildatum=\"2026-07-01\"><actoren>"
    "<actor id=\"wt\" rol=\"wijkteam\"/>"
    "<actor id=\"gi-jr\" rol=\"gecertificeerde-instelling\"/>"
    "<actor id=\"gi\" rol=\"gecertificeerde-instelling\"/>"
    "<actor id=\"rvt\" rol=\"regionaal-veiligheidsteam\"/>"
    "<actor id=\"jha\" rol=\"jeugdhulpaanbieder\"/>"
    "<actor id=\"raad\" rol=\"raad-voor-de-kinderbescherming\"/>"
    "<actor id=\"rvt-jha\" rol=\"regionaal-veiligheidsteam\" "
    "aangewezen-als=\"jeugdhulpaanbieder\"/>"
    "<actor id=\"college\" rol=\"college\"/>"
    "<actor id=\"ggz\" rol=\"ggz-volwassenen\"/>"
    "</actoren><taken>"
    "<taak id=\"jeugdreclassering\" actor=\"gi-jr\"/>"
    "<taak id=\"uitvoering-ots\" actor=\"gi\"/>"
    "<taak id=\"uitvoering-ots\" actor=\"rvt\"/>"
    "</taken><gegevensdeling>"
    "<deling van=\"wt\" naar=\"gi\" gegevens=\"jeugdhulp\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.3.11\" lid=\"4\"/></deling>"
    "<deling van=\"wt\" naar=\"gi-jr\" gegevens=\"jeugdhulp\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.3.11\" lid=\"4\"/></deling>"
    "<deling van=\"wt\" naar=\"rvt\" gegevens=\"jeugdhulp\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.3.11\" lid=\"4\"/></deling>"
    "<deling van=\"wt\" naar=\"jha\" gegevens=\"jeugdhulp\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.3.11\" lid=\"4\"/></deling>"
    "<deling van=\"jha\" naar=\"college\" gegevens=\"jeugdhulp\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.4.0\" lid=\"2\"/></deling>"
    "<deling van=\"rvt-jha\" naar=\"college\" gegevens=\"melding\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.4.0\"/></deling>"
    "<deling van=\"ggz\" naar=\"college\" gegevens=\"jeugdhulp\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.4.0\" lid=\"2\"/></deling>"
    "<deling van=\"raad\" naar=\"college\" gegevens=\"jeugdhulp gezondheid\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.4.0\" lid=\"2\"/></deling>"
    "<deling van=\"jha\" naar=\"wt\" gegevens=\"jeugdhulp\" "
    "grondslag=\"wettelijk\">"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"7.4.0\" lid=\"2\"/>"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"3.1\"/></deling>"
    "</gegevensdeling></proeftuin>";

/* The trigger of the finding of rule id on subject, or NULL. */
static const char *
trigger_of(const struct check_result *res, const char *id, const char *subject)
{
	char *want = xasprintf("%s/%s/%s", res->design->id, id, subject);
	const char *t = NULL;
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].id, want) == 0)
			t = res->findings[i].trigger;
	free(want);
	return t;
}

START_TEST(test_rules_gateways)
{
	static const struct {
		const char *rule, *subject, *want; /* want NULL: no finding */
	} cases[] = {
	    {"gw", "wt>gi", NULL},
	    {"gw", "wt>gi-jr",
	     "met als genoemde grondslag art. 7.3.11 lid 4 Jeugdwet, "
	     "maar die bepaling dekt deze verstrekking niet: de ontvanger "
	     "voert de taak "
	     "'uitvoering van de ondertoezichtstelling' (uitvoering-ots) niet "
	     "uit."},
	    {"gw", "wt>rvt",
	     "die bepaling dekt deze verstrekking niet: de ontvanger is "
	     "geen gecertificeerde instelling of actor met een certificaat "
	     "(art. 3.4 Jeugdwet)."},
	    {"gw", "wt>jha",
	     ": de ontvanger is geen gecertificeerde instelling of actor met "
	     "een certificaat (art. 3.4 Jeugdwet) en de ontvanger voert de "
	     "taak "
	     "'uitvoering van de ondertoezichtstelling' (uitvoering-ots) niet "
	     "uit."},
	    {"gw", "jha>college", NULL},
	    {"gw", "rvt-jha>college", NULL},
	    {"gw", "ggz>college",
	     "niet: de verstrekker is geen jeugdhulpaanbieder, Raad voor "
	     "de Kinderbescherming of actor die is aangewezen als "
	     "jeugdhulpaanbieder."},
	    {"gw", "raad>college",
	     "niet: de gegevens (gezondheid) vallen er niet onder."},
	    {"gw", "jha>wt",
	     "met als genoemde grondslag art. 7.4.0 lid 2 Jeugdwet, "
	     "art. 3.1 Jeugdwet, maar geen daarvan dekt deze verstrekking: "
	     "art. 7.4.0 lid 2 Jeugdwet: de ontvanger is geen college van "
	     "burgemeester "
	     "en wethouders; art. 3.1 Jeugdwet: zij is geen van de "
	     "wettelijke kanalen "
	     "voor verstrekking zonder toestemming die deze regel kent."},
	    /* The same gateway by reference; 7.4.0 is no gateway of gw2. */
	    {"gw2", "wt>gi", NULL},
	    {"gw2", "wt>gi-jr", "de ontvanger voert de taak"},
	    {"gw2", "jha>college", "zij is geen van de wettelijke kanalen"},
	};
	struct pt_err err = PT_ERR_INIT;
	struct ruleset *rs = rules_new();
	struct design *d = NULL;
	struct check_result *res = NULL;
	const struct rule *r;
	size_t i;

	ck_assert_msg(rules_load_memory(rs, rule_gw, strlen(rule_gw), "gw.xml",
	                                &err) == PT_OK,
	              "%s", err.msg);
	r = &rs->rules[0];
	ck_assert_uint_eq(r->nkanalen, 2);
	ck_assert_str_eq(r->kanalen[0].id, "ots");
	ck_assert_int_eq(r->kanalen[0].line, 5);
	ck_assert_uint_eq(r->kanalen[0].nvan, 0);
	ck_assert_uint_eq(r->kanalen[0].nnaar, 2);
	ck_assert_uint_eq(r->kanalen[0].nnaar_taken, 1);
	ck_assert_str_eq(r->kanalen[0].naar_taken[0], "uitvoering-ots");
	ck_assert_ptr_null(r->kanalen[1].id);
	ck_assert_uint_eq(r->kanalen[1].nvan, 2);
	ck_assert_uint_eq(r->kanalen[1].van[0].nrollen, 2);
	ck_assert_uint_eq(r->kanalen[1].van[1].aangewezen,
	                  AANW_JEUGDHULPAANBIEDER);
	ck_assert_uint_eq(r->kanalen[1].gegevens, GEG_JEUGDHULP | GEG_MELDING);
	ck_assert_uint_eq(r->kanalen[1].nnaar_taken, 0);
	/* A reference is a copy, without the id. */
	r = &rs->rules[1];
	ck_assert_uint_eq(r->nkanalen, 1);
	ck_assert_ptr_null(r->kanalen[0].id);
	ck_assert_str_eq(r->kanalen[0].lid, "4");
	ck_assert_uint_eq(r->kanalen[0].nnaar, 2);
	ck_assert_int_eq(r->kanalen[0].naar[1].gecertificeerd, 1);
	ck_assert_str_eq(r->kanalen[0].naar_taken[0], "uitvoering-ots");
	ck_assert_ptr_ne(r->kanalen[0].naar, rs->rules[0].kanalen[0].naar);

	ck_assert_msg(design_load_memory(design_gw, strlen(design_gw),
	                                 "gw-design.xml", "2026-07-01", &d,
	                                 &err) == PT_OK,
	              "%s", err.msg);
	ck_assert_int_eq(check_run(d, rs, NULL, &res, &err), PT_OK);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *t =
		    trigger_of(res, cases[i].rule, cases[i].subject);

		if (cases[i].want == NULL)
			ck_assert_msg(t == NULL,
			              "%s %s: unexpected finding: %s",
			              cases[i].rule, cases[i].subject, t);
		else
			ck_assert_msg(t != NULL && t_contains(t, cases[i].want),
			              "%s %s: trigger '%s' lacks '%s'",
			              cases[i].rule, cases[i].subject,
			              t ? t : "(none)", cases[i].want);
	}
	check_result_free(res);
	design_free(d);
	rules_free(rs);
}
END_TEST

START_TEST(test_rules_memory)
{
	struct pt_err err = PT_ERR_INIT;
	struct ruleset *rs = rules_new();
	const struct rule *r;

	ck_assert_int_eq(
	    rules_load_memory(rs, rule_a, strlen(rule_a), "a.xml", &err),
	    PT_OK);
	ck_assert_int_eq(
	    rules_load_memory(rs, rule_b, strlen(rule_b), "b.xml", &err),
	    PT_OK);
	ck_assert_uint_eq(rs->n, 2);
	r = &rs->rules[0];
	ck_assert_str_eq(r->id, "a.1");
	ck_assert_str_eq(r->file, "a.xml");
	ck_assert_int_eq(r->line, 3);
	ck_assert_str_eq(r->titel, "Eerste regel");
	ck_assert_str_eq(r->analyse, "R9");
	ck_assert_int_eq(r->severity, SEV_LOW);
	ck_assert_int_eq(r->cond, COND_GEGEVENSDELING);
	ck_assert_int_eq(r->dossiers, 0);
	ck_assert_uint_eq(r->gegevens, GEG_GEZONDHEID | GEG_MELDING);
	ck_assert_uint_eq(r->geldt_voor[0].aangewezen,
	                  AANW_VEILIG_THUIS | AANW_JEUGDHULPAANBIEDER);
	ck_assert_int_eq(r->geldt_voor[0].gecertificeerd, -1);
	ck_assert_int_eq(r->geldt_voor[0].doelgroep, -1);
	ck_assert_uint_eq(r->kanalen[0].gegevens, GEG_MELDING);
	ck_assert_uint_eq(r->kanalen[0].nnaar, 0);
	ck_assert_int_eq(r->provisions[0].zekerheid, ZEKER_GK);
	ck_assert_ptr_nonnull(r->provisions[0].tekst_sha256);
	ck_assert_ptr_null(r->toelichting);
	ck_assert_int_eq(r->level_given, 0);

	r = &rs->rules[1];
	ck_assert_int_eq(r->kind, RULE_BARRIER);
	ck_assert_int_eq(r->min_gemeenten, 3);
	ck_assert_int_eq(r->geldt_voor[0].gecertificeerd, 0);
	ck_assert_int_eq(r->geldt_voor[0].doelgroep, DOELGROEP_JEUGD);
	ck_assert_int_eq(r->level, LEVEL_MR);
	ck_assert_int_eq(r->level_given, 1);
	ck_assert_str_eq(r->provisions[0].onderdeel, "a");
	ck_assert_int_eq(r->provisions[0].zekerheid, ZEKER_P);
	ck_assert_uint_eq(r->nroutes, 2);
	ck_assert_str_eq(r->routes[1].text, "R2");

	/* Loading the same text again clashes on the id. */
	ck_assert_int_eq(
	    rules_load_memory(rs, rule_b, strlen(rule_b), "c.xml", &err),
	    PT_EINPUT);
	ck_assert(
	    t_contains(err.msg, "duplicate rule id 'b' (also in b.xml:1)"));
	ck_assert_int_eq(rules_load_memory(rs, "", 0, "d.xml", &err),
	                 PT_EINPUT);
	ck_assert_uint_eq(rs->n, 2);
	rules_free(rs);
}
END_TEST

START_TEST(test_rules_load_dir)
{
	struct pt_err err = PT_ERR_INIT;
	struct ruleset *rs = NULL;
	char *dir = t_tmpdir(), *sub, *p[5];
	size_t i;

	/* Name order, not creation order; the schema dir and other files are
	 * skipped. */
	p[0] = t_write(dir, "z.xml", rule_a, strlen(rule_a));
	p[1] = t_write(dir, "m.xml", rule_b, strlen(rule_b));
	p[2] = t_write(dir, "notes.txt", "not xml", 7);
	sub = xasprintf("%s/schema", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	p[3] = t_write(sub, "x.xml", "<bad", 4);
	ck_assert_int_eq(rules_load_dir(dir, &rs, &err), PT_OK);
	ck_assert_uint_eq(rs->n, 2);
	ck_assert_str_eq(rs->rules[0].id, "b");
	ck_assert_str_eq(rs->rules[1].id, "a.1");
	ck_assert_str_eq(rs->dir, dir);
	rules_free(rs);

	/* One bad file spoils the set: nothing is returned. */
	p[4] = t_write(dir, "a.xml", "<regels>", 8);
	rs = (struct ruleset *)1;
	ck_assert_int_eq(rules_load_dir(dir, &rs, &err), PT_EINPUT);
	ck_assert_ptr_null(rs);
	ck_assert(t_contains(err.file, "a.xml"));

	ck_assert_int_eq(rules_load_dir(sub, &rs, &err), PT_EINPUT);
	for (i = 0; i < 5; i++) {
		remove(p[i]);
		free(p[i]);
	}
	ck_assert_int_eq(rules_load_dir(sub, &rs, &err), PT_EINPUT);
	ck_assert(t_contains(err.msg, "no rule files"));
	ck_assert_int_eq(rules_load_dir("/nonexistent/rules", &rs, &err),
	                 PT_EIO);
	ck_assert_ptr_null(rs);
	t_tmpdir_cleanup(dir);
	free(sub);
	free(dir);
}
END_TEST

START_TEST(test_rules_pattern_match)
{
	char r_gi[] = "gecertificeerde-instelling";
	char r_raad[] = "raad-voor-de-kinderbescherming";
	char r_rvt[] = "regionaal-veiligheidsteam";
	char id[] = "x";
	char *gi_roles[] = {r_gi, r_raad};
	struct rule_pattern any_cert = {NULL, 0, 1, 0, -1, NULL, 0};
	struct rule_pattern not_cert = {NULL, 0, 0, 0, -1, NULL, 0};
	struct rule_pattern roles = {gi_roles, 2, -1, 0, -1, NULL, 0};
	struct rule_pattern vt = {NULL, 0, -1, AANW_VEILIG_THUIS, -1, NULL, 0};
	struct rule_pattern both = {
	    NULL, 0,    -1, AANW_VEILIG_THUIS | AANW_JEUGDHULPAANBIEDER,
	    -1,   NULL, 0};
	struct rule_pattern alle = {NULL, 0, -1, 0, DOELGROEP_ALLE, NULL, 0};
	struct rule_pattern raad_cert = {gi_roles + 1, 1, 1, 0, -1, NULL, 0};
	struct design_actor rvt = {id, r_rvt, NULL, 0, 0, DOELGROEP_JEUGD, 1};
	struct design_actor rvt_c = {
	    id, r_rvt, NULL, 1, AANW_VEILIG_THUIS, DOELGROEP_ALLE, 1};
	struct design_actor gi = {id, r_gi, NULL, 0, 0, DOELGROEP_JEUGD, 1};
	struct design_actor raad = {id,
	                            r_raad,
	                            NULL,
	                            0,
	                            AANW_VEILIG_THUIS | AANW_JEUGDHULPAANBIEDER,
	                            DOELGROEP_JEUGD,
	                            1};

	ck_assert(!rules_pattern_match(&any_cert, &rvt));
	ck_assert(rules_pattern_match(&any_cert, &rvt_c));
	/* A gecertificeerde instelling is certified even if the flag is unset.
	 */
	ck_assert(rules_pattern_match(&any_cert, &gi));
	ck_assert(!rules_pattern_match(&not_cert, &gi));
	ck_assert(rules_pattern_match(&not_cert, &rvt));
	ck_assert(!rules_pattern_match(&not_cert, &rvt_c));
	ck_assert(rules_pattern_match(&roles, &gi));
	ck_assert(rules_pattern_match(&roles, &raad));
	ck_assert(!rules_pattern_match(&roles, &rvt_c));
	ck_assert(!rules_pattern_match(&vt, &rvt));
	ck_assert(rules_pattern_match(&vt, &rvt_c));
	ck_assert(rules_pattern_match(&vt, &raad));
	/* aangewezen-als with two names needs both. */
	ck_assert(!rules_pattern_match(&both, &rvt_c));
	ck_assert(rules_pattern_match(&both, &raad));
	ck_assert(rules_pattern_match(&alle, &rvt_c));
	ck_assert(!rules_pattern_match(&alle, &rvt));
	/* All attributes must match (AND). */
	ck_assert(!rules_pattern_match(&raad_cert, &raad));
	raad.gecertificeerd = 1;
	ck_assert(rules_pattern_match(&raad_cert, &raad));
	ck_assert(!rules_pattern_match(&raad_cert, &gi));
}
END_TEST

START_TEST(test_rules_names)
{
	ck_assert_str_eq(rules_kind_name(RULE_BARRIER), "barrier");
	ck_assert_str_eq(rules_kind_name(RULE_RISK), "risk");
	ck_assert_str_eq(rules_severity_name(SEV_BLOCKING), "blocking");
	ck_assert_str_eq(rules_severity_name(SEV_HIGH), "high");
	ck_assert_str_eq(rules_severity_name(SEV_MEDIUM), "medium");
	ck_assert_str_eq(rules_severity_name(SEV_LOW), "low");
	ck_assert_str_eq(rules_zekerheid_name(ZEKER_V26), "V26");
	ck_assert_str_eq(rules_zekerheid_name(ZEKER_V15), "V15");
	ck_assert_str_eq(rules_zekerheid_name(ZEKER_P), "P");
	ck_assert_str_eq(rules_zekerheid_name(ZEKER_GK), "GK");
	ck_assert(rules_zekerheid_verified(ZEKER_V26));
	ck_assert(rules_zekerheid_verified(ZEKER_V15));
	ck_assert(!rules_zekerheid_verified(ZEKER_P));
	ck_assert(!rules_zekerheid_verified(ZEKER_GK));
}
END_TEST

/* Whether checking the design at path finds rule id; -1 if it cannot run. */
static int
fires(const struct ruleset *rs, const char *path, const char *id,
      struct pt_buf *why)
{
	struct pt_err err = PT_ERR_INIT;
	struct design *d = NULL;
	struct check_result *res = NULL;
	char msg[PT_ERR_MSG_MAX + PT_ERR_FILE_MAX + 64];
	size_t i;
	int hit = 0;

	if (design_load(path, "2026-07-01", &d, &err) != PT_OK) {
		pt_buf_addf(why, "  %s\n",
		            pt_err_format(&err, msg, sizeof msg));
		return -1;
	}
	if (check_run(d, rs, NULL, &res, &err) != PT_OK) {
		pt_buf_addf(why, "  check %s: %s\n", path,
		            pt_err_format(&err, msg, sizeof msg));
		design_free(d);
		return -1;
	}
	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].rule->id, id) == 0)
			hit = 1;
	check_result_free(res);
	design_free(d);
	return hit;
}

START_TEST(test_rules_fixtures)
{
	struct ruleset *rs = load_all();
	struct pt_buf why = PT_BUF_INIT;
	struct stat sb;
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const char *id = rs->rules[i].id;
		char *rel_f =
		    xasprintf("tests/fixtures/rules/%s/fires.xml", id);
		char *rel_q =
		    xasprintf("tests/fixtures/rules/%s/quiet.xml", id);
		char *f = t_src(rel_f), *q = t_src(rel_q);
		int rc;

		if (stat(f, &sb) != 0 || stat(q, &sb) != 0) {
			pt_buf_addf(
			    &why, "  %s: no fires.xml/quiet.xml fixture\n", id);
		} else {
			rc = fires(rs, f, id, &why);
			if (rc == 0)
				pt_buf_addf(&why, "  %s: does not fire on %s\n",
				            id, rel_f);
			rc = fires(rs, q, id, &why);
			if (rc == 1)
				pt_buf_addf(&why, "  %s: fires on %s\n", id,
				            rel_q);
		}
		free(f);
		free(q);
		free(rel_f);
		free(rel_q);
	}
	ck_assert_msg(why.len == 0, "rule fixtures:\n%s", why.s);
	pt_buf_release(&why);
	rules_free(rs);
}
END_TEST

/* B13 needs two or more municipalities: the same design with one is quiet. */
START_TEST(test_rules_min_gemeenten)
{
	struct ruleset *rs = load_all();
	struct pt_err err = PT_ERR_INIT;
	struct design *d = NULL;
	struct check_result *res = NULL;
	char *path =
	    t_src("tests/fixtures/rules/jw-2.4-regionale-schaal/fires.xml");
	size_t i, n = 0, keep;

	ck_assert_int_eq(design_load(path, "2026-07-01", &d, &err), PT_OK);
	ck_assert_uint_eq(d->ngemeenten, 2);
	ck_assert_int_eq(check_run(d, rs, NULL, &res, &err), PT_OK);
	for (i = 0; i < res->nfindings; i++)
		n += strcmp(res->findings[i].rule->id,
		            "jw-2.4-regionale-schaal") == 0;
	ck_assert_uint_eq(n, 1);
	check_result_free(res);
	keep = d->ngemeenten;
	d->ngemeenten = 1;
	ck_assert_int_eq(check_run(d, rs, NULL, &res, &err), PT_OK);
	for (i = 0; i < res->nfindings; i++)
		ck_assert_str_ne(res->findings[i].rule->id,
		                 "jw-2.4-regionale-schaal");
	check_result_free(res);
	d->ngemeenten = keep;
	design_free(d);
	rules_free(rs);
	free(path);
}
END_TEST

/*
 * The statutory gateways of the rule set, one sharing at a time, between
 * the actors of one design: each lawful flow stays quiet, each flow with the
 * wrong sender, the wrong receiver or a receiver without the task is found,
 * and the finding says what is not covered.
 */
static const char gw_actors[] =
    "<actor id=\"wt\" rol=\"wijkteam\"/>"
    "<actor id=\"jha\" rol=\"jeugdhulpaanbieder\"/>"
    "<actor id=\"rvt-jha\" rol=\"regionaal-veiligheidsteam\" "
    "aangewezen-als=\"jeugdhulpaanbieder\"/>"
    "<actor id=\"gi\" rol=\"gecertificeerde-instelling\"/>"
    "<actor id=\"gi-jr\" rol=\"gecertificeerde-instelling\"/>"
    "<actor id=\"rvt-c\" rol=\"regionaal-veiligheidsteam\" "
    "gecertificeerd=\"ja\"/>"
    "<actor id=\"rvt-c-jr\" rol=\"regionaal-veiligheidsteam\" "
    "gecertificeerd=\"ja\"/>"
    "<actor id=\"rvt\" rol=\"regionaal-veiligheidsteam\"/>"
    "<actor id=\"raad\" rol=\"raad-voor-de-kinderbescherming\"/>"
    "<actor id=\"vt\" rol=\"veilig-thuis\"/>"
    "<actor id=\"rvt-vt\" rol=\"regionaal-veiligheidsteam\" "
    "aangewezen-als=\"veilig-thuis\"/>"
    "<actor id=\"college\" rol=\"college\"/>"
    "<actor id=\"ggz\" rol=\"ggz-volwassenen\"/>"
    "<actor id=\"politie\" rol=\"politie\"/>"
    "<actor id=\"om\" rol=\"openbaar-ministerie\"/>";
static const char gw_taken[] =
    "<taak id=\"jeugdhulp\" actor=\"wt\"/>"
    "<taak id=\"jeugdhulp\" actor=\"jha\"/>"
    "<taak id=\"uitvoering-ots\" actor=\"gi\"/>"
    "<taak id=\"jeugdreclassering\" actor=\"gi-jr\"/>"
    "<taak id=\"uitvoering-ots\" actor=\"rvt-c\"/>"
    "<taak id=\"jeugdreclassering\" actor=\"rvt-c-jr\"/>"
    "<taak id=\"uitvoering-ots\" actor=\"rvt\"/>"
    "<taak id=\"raadsonderzoek\" actor=\"rvt\"/>"
    "<taak id=\"meldpunt\" actor=\"vt\"/>"
    "<taak id=\"meldpunt\" actor=\"rvt-vt\"/>";

struct gw_case {
	const char *van, *naar, *gegevens;
	const char *bwb, *artikel, *lid; /* lid may be NULL */
	const char *rule;
	const char *want; /* a part of the trigger; NULL: no finding */
};

#define JW  "BWBR0034925"
#define BW1 "BWBR0002656"
#define WMO "BWBR0035362"
#define B7  "jw-7.3.11-gegevensdeling"
#define NOT_OTS                                                                \
	"maar die bepaling dekt deze verstrekking niet: de ontvanger voert "   \
	"de "                                                                  \
	"taak 'uitvoering van de ondertoezichtstelling' (uitvoering-ots) "     \
	"niet uit."
#define GGZ "risico-gegevens-ggz-volwassenen"
#define NOT_VT                                                                 \
	"maar die bepaling dekt deze verstrekking niet: de ontvanger is geen " \
	"Veilig Thuis-organisatie of actor die is aangewezen als "             \
	"veilig-thuis."
#define NOT_740_VAN                                                            \
	"maar die bepaling dekt deze verstrekking niet: de verstrekker is "    \
	"geen "                                                                \
	"jeugdhulpaanbieder, gecertificeerde instelling, Raad voor de "        \
	"Kinderbescherming, actor "                                            \
	"met een certificaat (art. 3.4 Jeugdwet) of actor die is aangewezen "  \
	"als "                                                                 \
	"jeugdhulpaanbieder"
#define NOT_VT_VAN                                                             \
	"maar die bepaling dekt deze verstrekking niet: de verstrekker is "    \
	"geen "                                                                \
	"Veilig Thuis-organisatie of actor die is aangewezen als veilig-thuis"
#define NOT_411_NAAR                                                           \
	"maar die bepaling dekt deze verstrekking niet: de ontvanger is geen " \
	"politie, Raad voor de Kinderbescherming of openbaar ministerie."
#define NOT_GI                                                                 \
	"maar die bepaling dekt deze verstrekking niet: de ontvanger is geen " \
	"gecertificeerde instelling of actor met een certificaat (art. 3.4 "   \
	"Jeugdwet)"

static const struct gw_case gw_cases[] = {
    /* Jeugdwet 7.3.11 lid 4: derden -> the GI that carries out the OTS. */
    {"wt", "gi", "jeugdhulp", JW, "7.3.11", "4", B7, NULL},
    {"jha", "rvt-c", "jeugdhulp gezondheid", JW, "7.3.11", "4", B7, NULL},
    {"ggz", "gi", "gezondheid", JW, "7.3.11", "4", B7, NULL},
    {"wt", "gi-jr", "jeugdhulp", JW, "7.3.11", "4", B7, NOT_OTS},
    {"wt", "rvt-c-jr", "jeugdhulp", JW, "7.3.11", "4", B7, NOT_OTS},
    {"wt", "rvt", "jeugdhulp", JW, "7.3.11", "4", B7, NOT_GI "."},
    {"wt", "raad", "jeugdhulp", JW, "7.3.11", "4", B7,
     NOT_GI " en de ontvanger voert "
            "de taak 'uitvoering van de ondertoezichtstelling' "
            "(uitvoering-ots) niet uit."},
    {"wt", "gi", "jeugdhulp", JW, "7.3.11", "1", B7,
     "maar die bepaling dekt deze "
     "verstrekking niet: zij is geen van de wettelijke kanalen"},
    /* BW 1:240: whoever is bound by secrecy -> only the Raad. */
    {"gi", "raad", "jeugdhulp", BW1, "240", NULL, B7, NULL},
    {"vt", "raad", "melding", BW1, "240", NULL, B7, NULL},
    {"ggz", "raad", "gezondheid", BW1, "240", NULL, B7, NULL},
    {"wt", "college", "jeugdhulp", BW1, "240", NULL, B7,
     "met als genoemde grondslag "
     "art. 1:240 BW, maar die bepaling dekt deze verstrekking niet: de "
     "ontvanger "
     "is geen Raad voor de Kinderbescherming."},
    {"gi", "rvt", "jeugdhulp", BW1, "240", NULL, B7,
     "de ontvanger is geen Raad voor de "
     "Kinderbescherming."},
    {"jha", "gi", "jeugdhulp", BW1, "240", "1", B7,
     "de ontvanger is geen Raad voor de "
     "Kinderbescherming."},
    /* Wmo 2015 5.2.6: any professional -> only Veilig Thuis. */
    {"wt", "vt", "jeugdhulp", WMO, "5.2.6", NULL, B7, NULL},
    {"politie", "rvt-vt", "strafrechtelijk", WMO, "5.2.6", NULL, B7, NULL},
    {"ggz", "vt", "gezondheid", WMO, "5.2.6", NULL, B7, NULL},
    {"ggz", "vt", "gezondheid", WMO, "5.2.6", NULL, GGZ, NULL},
    {"ggz", "rvt-vt", "gezondheid", WMO, "5.2.6", NULL, GGZ, NULL},
    {"wt", "rvt", "jeugdhulp", WMO, "5.2.6", NULL, B7, NOT_VT},
    {"ggz", "rvt", "gezondheid", WMO, "5.2.6", NULL, B7, NOT_VT},
    {"ggz", "rvt", "gezondheid", WMO, "5.2.6", NULL, GGZ, NOT_VT},
    {"vt", "ggz", "melding", WMO, "5.2.6", NULL, GGZ, NOT_VT},
    /* The ggz risk knows the other gateways open to any professional. */
    {"ggz", "gi", "gezondheid", JW, "7.3.11", "4", GGZ, NULL},
    {"ggz", "gi-jr", "gezondheid", JW, "7.3.11", "4", GGZ, NOT_OTS},
    {"ggz", "raad", "gezondheid", BW1, "240", NULL, GGZ, NULL},
    {"ggz", "wt", "gezondheid", BW1, "240", NULL, GGZ,
     "de ontvanger is geen Raad"},
    /* Jeugdwet 7.4.0 lid 2: the providers it names -> the college or its
       designee. */
    {"jha", "college", "jeugdhulp", JW, "7.4.0", "2", B7, NULL},
    {"gi", "college", "jeugdhulp strafrechtelijk", JW, "7.4.0", "2", B7, NULL},
    {"gi-jr", "wt", "strafrechtelijk", JW, "7.4.0", "2", B7, NULL},
    {"raad", "wt", "raadsonderzoek", JW, "7.4.0", "2", B7, NULL},
    {"rvt-c", "college", "jeugdhulp", JW, "7.4.0", NULL, B7, NULL},
    {"rvt-jha", "college", "jeugdhulp", JW, "7.4.0", "2", B7, NULL},
    {"ggz", "college", "gezondheid", JW, "7.4.0", "2", B7, NOT_740_VAN "."},
    {"ggz", "college", "gezondheid", JW, "7.4.0", "2", GGZ, NOT_740_VAN "."},
    {"politie", "college", "strafrechtelijk", JW, "7.4.0", "2", B7,
     NOT_740_VAN "."},
    {"vt", "wt", "melding", JW, "7.4.0", "2", B7, NOT_740_VAN "."},
    {"wt", "college", "jeugdhulp", JW, "7.4.0", "2", B7, NOT_740_VAN "."},
    {"jha", "vt", "jeugdhulp", JW, "7.4.0", "2", B7,
     "maar die bepaling dekt deze "
     "verstrekking niet: de ontvanger is geen college van burgemeester en "
     "wethouders of "
     "lokaal team / wijkteam namens het college."},
    {"ggz", "gi", "gezondheid", JW, "7.4.0", "2", B7,
     NOT_740_VAN " en de ontvanger is geen "
                 "college van burgemeester en wethouders of lokaal team / "
                 "wijkteam namens het college."},
    /* Wmo 2015 4.1.1 lid 2 onder e: only Veilig Thuis -> police, Raad, OM. */
    {"vt", "politie", "melding", WMO, "4.1.1", "2", B7, NULL},
    {"vt", "raad", "melding", WMO, "4.1.1", "2", B7, NULL},
    {"vt", "om", "melding strafrechtelijk", WMO, "4.1.1", "2", B7, NULL},
    {"rvt-vt", "politie", "melding", WMO, "4.1.1", "2", B7, NULL},
    {"wt", "politie", "jeugdhulp", WMO, "4.1.1", "2", B7, NOT_VT_VAN "."},
    {"gi", "raad", "jeugdhulp", WMO, "4.1.1", "2", B7, NOT_VT_VAN "."},
    {"ggz", "politie", "gezondheid", WMO, "4.1.1", "2", GGZ, NOT_VT_VAN "."},
    {"vt", "college", "melding", WMO, "4.1.1", "2", B7, NOT_411_NAAR},
    {"vt", "ggz", "melding", WMO, "4.1.1", "2", GGZ, NOT_411_NAAR},
    {"jha", "college", "jeugdhulp", WMO, "4.1.1", "2", B7,
     NOT_VT_VAN
     " en de ontvanger "
     "is geen politie, Raad voor de Kinderbescherming of openbaar ministerie."},
    {"vt", "politie", "melding", WMO, "4.1.1", NULL, B7,
     "zij is geen van de wettelijke "
     "kanalen voor verstrekking zonder toestemming die deze regel kent."},
};

START_TEST(test_rules_statutory_gateways)
{
	const struct gw_case *c = &gw_cases[_i];
	struct ruleset *rs = load_all();
	struct pt_err err = PT_ERR_INIT;
	struct design *d = NULL;
	struct check_result *res = NULL;
	char *xml, *subject, *want_id;
	const char *trigger = NULL;
	size_t i;

	xml = xasprintf("<proeftuin id=\"gw\" "
	                "peildatum=\"2026-07-01\"><actoren>%s</actoren>"
	                "<taken>%s</taken><gegevensdeling>"
	                "<deling van=\"%s\" naar=\"%s\" gegevens=\"%s\" "
	                "grondslag=\"wettelijk\">"
	                "<bepaling bwb=\"%s\" artikel=\"%s\"%s%s%s/></deling>"
	                "</gegevensdeling></proeftuin>",
	                gw_actors, gw_taken, c->van, c->naar, c->gegevens,
	                c->bwb, c->artikel, c->lid ? " lid=\"" : "",
	                c->lid ? c->lid : "", c->lid ? "\"" : "");
	ck_assert_msg(design_load_memory(xml, strlen(xml), "gw.xml",
	                                 "2026-07-01", &d, &err) == PT_OK,
	              "%s", err.msg);
	ck_assert_int_eq(check_run(d, rs, NULL, &res, &err), PT_OK);
	subject = xasprintf("%s>%s", c->van, c->naar);
	want_id = xasprintf("gw/%s/%s", c->rule, subject);
	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].id, want_id) == 0)
			trigger = res->findings[i].trigger;
	if (c->want == NULL)
		ck_assert_msg(trigger == NULL, "%s, %s art. %s: %s finds: %s",
		              subject, c->bwb, c->artikel, c->rule, trigger);
	else
		ck_assert_msg(trigger != NULL && t_contains(trigger, c->want),
		              "%s, %s art. %s: %s: trigger '%s' lacks '%s'",
		              subject, c->bwb, c->artikel, c->rule,
		              trigger ? trigger : "(no finding)", c->want);
	free(subject);
	free(want_id);
	free(xml);
	check_result_free(res);
	design_free(d);
	rules_free(rs);
}
END_TEST

/* The division of tasks under current law (spec section 3) is lawful. */
START_TEST(test_rules_current_division)
{
	struct ruleset *rs = load_all();
	struct pt_err err = PT_ERR_INIT;
	struct design *d = NULL;
	struct check_result *res = NULL;
	struct pt_buf b = PT_BUF_INIT;
	char *path = t_src("tests/fixtures/rules/huidige-verdeling.xml");
	char msg[PT_ERR_MSG_MAX + PT_ERR_FILE_MAX + 64];
	size_t i;

	ck_assert_msg(design_load(path, "2026-07-01", &d, &err) == PT_OK, "%s",
	              pt_err_format(&err, msg, sizeof msg));
	ck_assert_int_eq(check_run(d, rs, NULL, &res, &err), PT_OK);
	for (i = 0; i < res->nfindings; i++)
		pt_buf_addf(&b, "  %s\n", res->findings[i].id);
	ck_assert_msg(res->nfindings == 0,
	              "findings on the current division:\n%s", b.s);
	ck_assert_uint_eq(res->nbarriers, 0);
	ck_assert_uint_eq(res->nok, d->ntaken);
	pt_buf_release(&b);
	check_result_free(res);
	design_free(d);
	rules_free(rs);
	free(path);
}
END_TEST

Suite *
suite_rules(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("loader");
	TCase *set = tcase_create("ruleset");

	tcase_add_test(tc, test_rules_memory);
	tcase_add_test(tc, test_rules_gateways);
	tcase_add_loop_test(tc, test_rules_bad_files, 0,
	                    (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, test_rules_duplicate_across_files);
	tcase_add_test(tc, test_rules_load_dir);
	tcase_add_test(tc, test_rules_pattern_match);
	tcase_add_test(tc, test_rules_names);
	suite_add_tcase(s, tc);

	tcase_add_test(set, test_rules_dir_loads);
	tcase_add_test(set, test_rules_known_fields);
	tcase_add_test(set, test_rules_cover_analysis);
	tcase_add_test(set, test_rules_fixtures);
	tcase_add_test(set, test_rules_min_gemeenten);
	tcase_add_test(set, test_rules_current_division);
	tcase_add_loop_test(set, test_rules_statutory_gateways, 0,
	                    (int)(sizeof gw_cases / sizeof gw_cases[0]));
	suite_add_tcase(s, set);
	return s;
}
