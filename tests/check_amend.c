/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_amend.c: tests of the amendment list (amend.c) and the
 * amendments command: grouping over stored proeftuinen, review statuses
 * (rejected left out, mitigated apart), and every output format read
 * back: CSV by an RFC 4180 parser, JSON by python3, XLSX by unzip.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"
#include "buf.h"
#include "check.h"
#include "design.h"
#include "fileio.h"
#include "provenance.h"
#include "review.h"
#include "rules.h"
#include "saved.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"

#define TODAY "2026-06-01"

/* Rules with quotes, commas and a level each; two share a provision. */
static const char rules_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<regels>\n"
    "<regel id=\"r-a\" soort=\"barrier\" ernst=\"blocking\">"
    "<titel>Het wijkteam voert de OTS uit</titel>"
    "<toewijzing><taken>uitvoering-ots</taken><geldt-voor "
    "rol=\"wijkteam\"/></toewijzing>"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"3.2\" lid=\"1\" zekerheid=\"V26\" "
    "getoetst-aan=\"2026-01-01\" citeertitel=\"Jeugdwet\"/>"
    "<wijziging niveau=\"wet\">De \"uitvoering\", ook van de OTS, mag door het "
    "wijkteam.</wijziging>"
    "</regel>\n"
    "<regel id=\"r-b\" soort=\"barrier\" ernst=\"medium\">"
    "<titel>Het wijkteam geeft schriftelijke aanwijzingen</titel>"
    "<toewijzing><taken>schriftelijke-aanwijzing</taken><geldt-voor "
    "rol=\"wijkteam\"/></toewijzing>"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"3.2\" lid=\"1\" zekerheid=\"V26\" "
    "getoetst-aan=\"2026-01-01\" citeertitel=\"Jeugdwet\"/>"
    "<wijziging niveau=\"amvb\">Een AMvB.</wijziging>"
    "</regel>\n"
    "<regel id=\"r-c\" soort=\"barrier\" ernst=\"low\">"
    "<titel>Het wijkteam verzoekt om een OTS</titel>"
    "<toewijzing><taken>verzoek-ots</taken><geldt-voor "
    "rol=\"wijkteam\"/></toewijzing>"
    "<bepaling bwb=\"BWBR0002656\" artikel=\"255\" lid=\"2\" zekerheid=\"V26\" "
    "getoetst-aan=\"2025-07-05\" citeertitel=\"Burgerlijk Wetboek Boek 1\"/>"
    "<wijziging niveau=\"college\">Afspraken van het college.</wijziging>"
    "</regel>\n"
    "<regel id=\"r-risk\" soort=\"risk\" ernst=\"medium\">"
    "<titel>Klachtrecht bij het wijkteam</titel>"
    "<toewijzing><taken>uitvoering-ots</taken><geldt-voor "
    "rol=\"wijkteam\"/></toewijzing>"
    "<bepaling bwb=\"BWBR0034925\" artikel=\"4.2.1\" lid=\"1\" "
    "zekerheid=\"V26\" getoetst-aan=\"2026-01-01\" citeertitel=\"Jeugdwet\"/>"
    "<norm>Een klachtregeling, met een onafhankelijke voorzitter.</norm>"
    "</regel>\n"
    "</regels>\n";

static const char p1_xml[] =
    "<proeftuin id=\"p1\" peildatum=\"2026-01-01\"><naam>Proeftuin \"Een\", "
    "Noord</naam>"
    "<actoren><actor id=\"wt1\" rol=\"wijkteam\"/></actoren>"
    "<taken><taak id=\"uitvoering-ots\" actor=\"wt1\"/>"
    "<taak id=\"schriftelijke-aanwijzing\" actor=\"wt1\"/>"
    "<taak id=\"verzoek-ots\" actor=\"wt1\"/></taken></proeftuin>";
static const char p2_xml[] =
    "<proeftuin id=\"p2\" peildatum=\"2026-01-01\"><naam>Proeftuin Twee</naam>"
    "<actoren><actor id=\"wt2\" rol=\"wijkteam\"/></actoren>"
    "<taken><taak id=\"uitvoering-ots\" actor=\"wt2\"/>"
    "<taak id=\"verzoek-ots\" actor=\"wt2\"/></taken></proeftuin>";

static char *tmp, *db, *rulesdir;

static void
save_design(struct pt_store *st, const struct ruleset *rs, const char *xml)
{
	struct design *d = NULL;
	struct check_result *r = NULL;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_msg(design_load_memory(xml, strlen(xml), "t.xml", TODAY, &d,
	                                 &e) == PT_OK,
	              "%s", e.msg);
	ck_assert_msg(check_run(d, rs, st, &r, &e) == PT_OK, "%s", e.msg);
	ck_assert_msg(saved_put(st, r, xml, strlen(xml), NULL, &e) == PT_OK,
	              "%s", e.msg);
	check_result_free(r);
	design_free(d);
}

static void
decide(struct pt_store *st, const char *id, enum review_status s,
       const char *note)
{
	struct pt_err e = PT_ERR_INIT;

	ck_assert_msg(review_set(st, id, s, "tester", note, NULL, &e) == PT_OK,
	              "%s: %s", id, e.msg);
}

static void
setup(void)
{
	char *bwb = t_src("xml/bwb"), *out, *err;
	struct pt_store *st = NULL;
	struct ruleset *rs = NULL;
	struct pt_err e = PT_ERR_INIT;
	int rc;

	tmp = t_tmpdir();
	db = xasprintf("%s/reg.db", tmp);
	rulesdir = xasprintf("%s/rules", tmp);
	rc = t_cli(&out, &err, "--db", db, "import", "-q", bwb, NULL);
	ck_assert_msg(rc == 0, "import: %s", err);
	free(out);
	free(err);
	free(bwb);
	ck_assert_int_eq(mkdir(rulesdir, 0700), 0);
	free(t_write(rulesdir, "regels.xml", rules_xml, strlen(rules_xml)));
	ck_assert_msg(rules_load_dir(rulesdir, &rs, &e) == PT_OK, "%s", e.msg);
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	save_design(st, rs, p1_xml);
	save_design(st, rs, p2_xml);
	decide(st, "p1/r-a/wt1", REVIEW_CONFIRMED, NULL);
	decide(st, "p1/r-b/wt1", REVIEW_MITIGATED, "Aanwijzing via de GI.");
	decide(st, "p1/r-c/wt1", REVIEW_REJECTED,
	       "Geen verzoek; alleen advies.");
	decide(st, "p2/r-a/wt2", REVIEW_NEEDS_AMENDMENT, NULL);
	decide(st, "p2/r-c/wt2", REVIEW_MITIGATED, "De Raad dient het in.");
	decide(st, "p2/r-risk/wt2", REVIEW_REJECTED, "Klachtregeling bestaat.");
	store_close(st);
	rules_free(rs);
}

static void
teardown(void)
{
	t_tmpdir_cleanup(tmp);
	free(tmp);
	free(db);
	free(rulesdir);
}

static struct amend_list *
collect(char *const *ids, size_t n, struct pt_store **stp, struct ruleset **rsp)
{
	struct pt_err e = PT_ERR_INIT;
	struct amend_list *l = NULL;

	ck_assert_int_eq(store_open(db, stp, &e), PT_OK);
	ck_assert_int_eq(rules_load_dir(rulesdir, rsp, &e), PT_OK);
	ck_assert_msg(amend_collect(*stp, *rsp, ids, n, TODAY, &l, &e) == PT_OK,
	              "%s", e.msg);
	return l;
}

static void
release(struct amend_list *l, struct pt_store *st, struct ruleset *rs)
{
	amend_free(l);
	store_close(st);
	rules_free(rs);
}

START_TEST(test_amend_groups)
{
	struct pt_store *st;
	struct ruleset *rs;
	struct amend_list *l = collect(NULL, 0, &st, &rs);
	const struct amend_item *it;

	ck_assert_uint_eq(l->nsources, 2);
	ck_assert_str_eq(l->sources[0].id, "p1");
	ck_assert_uint_eq(l->nitems, 2);
	ck_assert_uint_eq(l->nrejected, 2);
	ck_assert_uint_eq(l->nmitigated, 2);
	ck_assert_uint_eq(l->nfindings, 3);

	/* Jeugdwet 3.2 lid 1: r-a in both, r-b mitigated; level wet. */
	it = &l->items[0];
	ck_assert(it->needed);
	ck_assert_str_eq(it->key->rp->bwb, "BWBR0034925");
	ck_assert_str_eq(it->key->rp->artikel, "3.2");
	ck_assert_str_eq(it->key->rp->lid, "1");
	ck_assert_int_eq(it->level, LEVEL_WET);
	ck_assert_int_eq(it->severity, SEV_BLOCKING);
	ck_assert_str_eq(it->citation, "art. 3.2 lid 1 Jeugdwet");
	ck_assert_str_eq(it->jci,
	                 "jci1.3:c:BWBR0034925&artikel=3.2&lid=1&g=" TODAY);
	ck_assert_str_eq(it->version_date, "2026-01-01");
	ck_assert(t_contains(it->text, "uitsluitend uitgevoerd door een "
	                               "gecertificeerde instelling"));
	ck_assert_uint_eq(it->nfindings, 2);
	ck_assert_str_eq(it->findings[0].f->id, "p1/r-a/wt1");
	ck_assert_str_eq(it->findings[0].f->review_status, "confirmed");
	ck_assert_str_eq(it->findings[1].f->id, "p2/r-a/wt2");
	ck_assert_str_eq(it->findings[1].f->review_status, "needs-amendment");
	ck_assert_uint_eq(it->nmitigated, 1);
	ck_assert_str_eq(it->mitigated[0].f->id, "p1/r-b/wt1");
	ck_assert_uint_eq(it->nproeftuinen, 2);
	ck_assert_uint_eq(it->nwijzigingen, 2);
	ck_assert_uint_eq(it->nrejected, 0);

	/* BW 1:255 lid 2: rejected in p1, mitigated in p2: not needed. */
	it = &l->items[1];
	ck_assert(!it->needed);
	ck_assert_str_eq(it->key->rp->artikel, "255");
	ck_assert_str_eq(it->citation, "art. 1:255 lid 2 BW");
	ck_assert_uint_eq(it->nfindings, 0);
	ck_assert_uint_eq(it->nmitigated, 1);
	ck_assert_str_eq(it->mitigated[0].f->id, "p2/r-c/wt2");
	ck_assert_uint_eq(it->nrejected, 1);
	ck_assert_int_eq(it->level, LEVEL_COLLEGE);
	ck_assert_uint_eq(it->nproeftuinen, 1);
	ck_assert_str_eq(it->proeftuinen[0], "p2");

	/* The risk: p1 open, p2 rejected. */
	ck_assert_uint_eq(l->nrisks, 1);
	ck_assert_str_eq(l->risks[0].rule->id, "r-risk");
	ck_assert_uint_eq(l->risks[0].nfindings, 1);
	ck_assert_str_eq(l->risks[0].findings[0].f->id, "p1/r-risk/wt1");
	ck_assert_uint_eq(l->risks[0].nrejected, 1);
	release(l, st, rs);
}
END_TEST

START_TEST(test_amend_select)
{
	struct pt_store *st;
	struct ruleset *rs;
	char *ids[] = {(char *)"p2"}, *bad[] = {(char *)"p9"};
	struct amend_list *l = collect(ids, 1, &st, &rs);
	struct pt_err e = PT_ERR_INIT;
	struct amend_list *l2 = NULL;

	ck_assert_uint_eq(l->nsources, 1);
	ck_assert_str_eq(l->sources[0].id, "p2");
	ck_assert_uint_eq(l->items[0].nfindings, 1);
	ck_assert_uint_eq(l->items[0].nproeftuinen, 1);
	/* All p2's risk findings were rejected: no risk left. */
	ck_assert_uint_eq(l->nrisks, 0);
	ck_assert_int_eq(amend_collect(st, rs, bad, 1, TODAY, &l2, &e),
	                 PT_ENOTFOUND);
	ck_assert(t_contains(e.msg, "'p9'"));
	ck_assert_ptr_null(l2);
	release(l, st, rs);
}
END_TEST

START_TEST(test_amend_text_markdown)
{
	struct pt_store *st;
	struct ruleset *rs;
	struct amend_list *l = collect(NULL, 0, &st, &rs);
	struct pt_buf b = PT_BUF_INIT;
	const char *mit;

	amend_text(&b, l);
	ck_assert(
	    t_contains(b.s, "Samenvatting: 1 bepaling te wijzigen; wet: 1."));
	ck_assert(t_contains(
	    b.s,
	    "1. art. 3.2 lid 1 Jeugdwet\n   Niveau: wet (wet in formele zin)"));
	ck_assert(t_contains(
	    b.s,
	    "Juriconnect: jci1.3:c:BWBR0034925&artikel=3.2&lid=1&g=" TODAY));
	ck_assert(t_contains(b.s, "[bevestigd] p1/r-a/wt1"));
	ck_assert(t_contains(b.s, "[wetswijziging nodig] p2/r-a/wt2"));
	/* Rejected findings are nowhere; mitigated ones in their own part. */
	ck_assert(!t_contains(b.s, "p1/r-c/wt1"));
	ck_assert(!t_contains(b.s, "p2/r-risk/wt2"));
	mit = strstr(b.s, "Gemitigeerd (geen wijziging nodig");
	ck_assert_ptr_nonnull(mit);
	ck_assert(t_contains(mit, "art. 1:255 lid 2 BW"));
	ck_assert(t_contains(mit, "[ondervangen] p2/r-c/wt2"));
	ck_assert(t_contains(mit, "opmerking: De Raad dient het in."));
	ck_assert(t_contains(
	    b.s, "Risico's\n--------\n\n1. Klachtrecht bij het wijkteam"));
	pt_buf_release(&b);

	amend_markdown(&b, l);
	ck_assert(t_contains(b.s, "# Wijzigingslijst"));
	ck_assert(t_contains(b.s, "### art. 3.2 lid 1 Jeugdwet"));
	ck_assert(t_contains(
	    b.s, "| `p1` | Proeftuin \"Een\", Noord | 2026-01-01 | 1 |"));
	ck_assert(t_contains(b.s, "## Gemitigeerd"));
	ck_assert(!t_contains(b.s, "p1/r-c/wt1"));
	pt_buf_release(&b);

	/* --citeerstijl lang: every citation written out; JSON keeps the
	 * short one and adds the long */
	amend_citeerstijl(l, CITE_LANG);
	amend_text(&b, l);
	ck_assert(
	    t_contains(b.s, "1. artikel 3.2, eerste lid, van de Jeugdwet\n"));
	ck_assert(t_contains(b.s, "artikel 1:255, tweede lid, van het "
	                          "Burgerlijk Wetboek"));
	ck_assert(!t_contains(b.s, "art. 3.2 lid 1 Jeugdwet"));
	pt_buf_release(&b);
	amend_json(&b, l);
	ck_assert(t_contains(b.s, "\"citation\": \"art. 3.2 lid 1 Jeugdwet\""));
	ck_assert(t_contains(b.s, "\"citation_lang\": \"artikel 3.2, eerste "
	                          "lid, van de Jeugdwet\""));
	pt_buf_release(&b);
	release(l, st, rs);
}
END_TEST

/* --- CSV, read back by an RFC 4180 parser -------------------------------- */

struct csv {
	char ***rows; /* rows of fields */
	size_t *nf;
	size_t n;
};

/* Parse RFC 4180 text; returns 0 on malformed input. */
static int
csv_parse(const char *s, struct csv *c)
{
	struct pt_buf f = PT_BUF_INIT;
	char **row = NULL;
	size_t nrow = 0;

	memset(c, 0, sizeof *c);
	while (*s != '\0') {
		pt_buf_reset(&f);
		if (*s == '"') {
			for (s++;; s++) {
				if (*s == '\0')
					goto bad;
				if (*s == '"') {
					if (s[1] == '"') {
						pt_buf_addc(&f, '"');
						s++;
						continue;
					}
					s++;
					break;
				}
				pt_buf_addc(&f, *s);
			}
		} else {
			for (; *s != '\0' && *s != ',' && *s != '\r' &&
			       *s != '\n';
			     s++) {
				if (*s == '"')
					goto bad;
				pt_buf_addc(&f, *s);
			}
		}
		row = xreallocarray(row, nrow + 1, sizeof *row);
		row[nrow++] = xstrdup(f.s);
		if (*s == ',') {
			s++;
			continue;
		}
		/* End of record: CRLF only. */
		if (s[0] != '\r' || s[1] != '\n')
			goto bad;
		s += 2;
		c->rows = xreallocarray(c->rows, c->n + 1, sizeof *c->rows);
		c->nf = xreallocarray(c->nf, c->n + 1, sizeof *c->nf);
		c->rows[c->n] = row;
		c->nf[c->n++] = nrow;
		row = NULL;
		nrow = 0;
	}
	pt_buf_release(&f);
	return 1;
bad:
	while (nrow > 0)
		free(row[--nrow]);
	free(row);
	pt_buf_release(&f);
	return 0;
}

static void
csv_free(struct csv *c)
{
	size_t i, k;

	for (i = 0; i < c->n; i++) {
		for (k = 0; k < c->nf[i]; k++)
			free(c->rows[i][k]);
		free(c->rows[i]);
	}
	free(c->rows);
	free(c->nf);
}

static int
col(const char *name)
{
	int i;

	for (i = 0; amend_csv_column((size_t)i) != NULL; i++)
		if (strcmp(amend_csv_column((size_t)i), name) == 0)
			return i;
	ck_abort_msg("no column %s", name);
	return -1;
}

START_TEST(test_amend_csv)
{
	struct pt_store *st;
	struct ruleset *rs;
	struct amend_list *l = collect(NULL, 0, &st, &rs);
	struct pt_buf b = PT_BUF_INIT;
	struct csv c;
	size_t i;

	amend_csv(&b, l);
	ck_assert_msg(csv_parse(b.s, &c), "not RFC 4180:\n%s", b.s);
	ck_assert_uint_eq(c.n, 4); /* header, 2 items, 1 risk */
	for (i = 0; i < c.n; i++)
		ck_assert_uint_eq(c.nf[i], 24);
	for (i = 0; amend_csv_column(i) != NULL; i++)
		ck_assert_str_eq(c.rows[0][i], amend_csv_column(i));
	/* Quotes, commas and newlines come back exactly. */
	ck_assert_str_eq(c.rows[1][col("soort")], "wijziging");
	ck_assert_str_eq(c.rows[1][col("niveau")], "wet");
	ck_assert_str_eq(c.rows[1][col("wijziging")],
	                 "De \"uitvoering\", ook van de OTS, mag door het "
	                 "wijkteam.\n\nEen AMvB.");
	ck_assert_str_eq(
	    c.rows[1][col("bevindingen")],
	    "p1/r-a/wt1 (bevestigd)\np2/r-a/wt2 (wetswijziging nodig)");
	ck_assert_str_eq(c.rows[1][col("gemitigeerd")],
	                 "p1/r-b/wt1 (ondervangen)");
	ck_assert_str_eq(c.rows[1][col("proeftuinen")], "p1; p2");
	ck_assert_str_eq(c.rows[1][col("beoordeling")],
	                 "wetswijziging nodig: 1; bevestigd: 1");
	ck_assert_str_eq(c.rows[1][col("tekst")], l->items[0].text);
	ck_assert_str_eq(c.rows[1][col("jci")], l->items[0].jci);
	ck_assert_str_eq(c.rows[1][col("lid")], "1");
	ck_assert_str_eq(c.rows[2][col("soort")], "gemitigeerd");
	ck_assert_str_eq(c.rows[2][col("bevindingen")], "");
	ck_assert_str_eq(c.rows[2][col("opmerking")],
	                 "1 afgewezen bevinding weggelaten");
	ck_assert_str_eq(c.rows[3][col("soort")], "risico");
	ck_assert_str_eq(
	    c.rows[3][col("wijziging")],
	    "Een klachtregeling, met een onafhankelijke voorzitter.");
	ck_assert_str_eq(c.rows[3][col("bepaling")],
	                 "art. 4.2.1 lid 1 Jeugdwet");
	/* The provenance: the law version of an item, and on every row when
	 * and with what the list was made. */
	ck_assert_str_eq(c.rows[1][col("versie_sha256")],
	                 l->items[0].version_sha256);
	ck_assert_uint_eq(strlen(c.rows[1][col("versie_sha256")]), 64);
	ck_assert_str_eq(c.rows[3][col("versie_sha256")], "");
	for (i = 1; i < c.n; i++) {
		ck_assert_str_eq(c.rows[i][col("gemaakt")],
		                 c.rows[1][col("gemaakt")]);
		ck_assert_uint_eq(strlen(c.rows[i][col("gemaakt")]), 20);
		ck_assert_str_eq(c.rows[i][col("proeftoets")], PACKAGE_VERSION);
		ck_assert_str_eq(c.rows[i][col("regels_sha256")], rs->sha256);
	}
	/* No rejected finding anywhere. */
	ck_assert(!t_contains(b.s, "p1/r-c/wt1"));
	csv_free(&c);
	pt_buf_release(&b);
	release(l, st, rs);
}
END_TEST

START_TEST(test_amend_csv_parser)
{
	struct csv c;

	/* The parser itself: quoted CRLF, doubled quotes, empty fields. */
	ck_assert(csv_parse("a,\"b\"\"c\",\"d\r\ne\",\r\n", &c));
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_eq(c.nf[0], 4);
	ck_assert_str_eq(c.rows[0][1], "b\"c");
	ck_assert_str_eq(c.rows[0][2], "d\r\ne");
	ck_assert_str_eq(c.rows[0][3], "");
	csv_free(&c);
	ck_assert(!csv_parse("a\"b\r\n", &c));
	csv_free(&c);
}
END_TEST

/* --- JSON, read back by python3 ------------------------------------------ */

/* Run python3 on data; returns what it printed (caller frees). */
static char *
python(const char *dir, const char *data, const char *prog)
{
	char *in = t_write(dir, "in.json", data, strlen(data));
	char *cmd = xasprintf("python3 -c '%s' < '%s' 2>&1", prog, in);
	FILE *p = popen(cmd, "r");
	struct pt_buf b = PT_BUF_INIT;
	char buf[512];
	size_t n;

	ck_assert_ptr_nonnull(p);
	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		pt_buf_add(&b, buf, n);
	ck_assert_int_eq(pclose(p), 0);
	free(cmd);
	free(in);
	return pt_buf_detach(&b);
}

START_TEST(test_amend_json)
{
	struct pt_store *st;
	struct ruleset *rs;
	struct amend_list *l = collect(NULL, 0, &st, &rs);
	struct pt_buf b = PT_BUF_INIT;
	char *got;

	amend_json(&b, l);
	got = python(
	    tmp, b.s,
	    "import json,sys\n"
	    "d=json.load(sys.stdin)\n"
	    "s=d[\"summary\"]\n"
	    "print(s[\"amendments\"],s[\"mitigated_amendments\"],s[\"by_"
	    "level\"][\"wet\"],s[\"rejected\"],s[\"mitigated\"],s[\"risks\"])\n"
	    "a=d[\"amendments\"][0]\n"
	    "print(a[\"provision\"][\"citation\"],a[\"level\"],a[\"needed\"],a["
	    "\"provision\"][\"version_date\"])\n"
	    "print(\",\".join(f[\"id\"]+\"=\"+f[\"review\"][\"status\"] for f "
	    "in a[\"findings\"]))\n"
	    "print(\",\".join(f[\"id\"] for f in a[\"mitigated\"]))\n"
	    "print(d[\"amendments\"][1][\"needed\"],d[\"amendments\"][1]["
	    "\"rejected\"])\n"
	    "print(d[\"risks\"][0][\"rule\"],len(d[\"risks\"][0][\"findings\"])"
	    ",d[\"risks\"][0][\"rejected\"])\n"
	    "print(d[\"proeftuinen\"][0][\"naam\"])\n");
	ck_assert_str_eq(got,
	                 "1 1 1 2 2 1\n"
	                 "art. 3.2 lid 1 Jeugdwet wet True 2026-01-01\n"
	                 "p1/r-a/wt1=confirmed,p2/r-a/wt2=needs-amendment\n"
	                 "p1/r-b/wt1\n"
	                 "False 1\n"
	                 "r-risk 1 1\n"
	                 "Proeftuin \"Een\", Noord\n");
	free(got);
	pt_buf_release(&b);
	release(l, st, rs);
}
END_TEST

/* --- XLSX, read back with unzip ----------------------------------------------
 */

static char *
unzip(const char *file, const char *member)
{
	char *cmd = xasprintf("unzip -p '%s' '%s'", file, member);
	FILE *p = popen(cmd, "r");
	struct pt_buf b = PT_BUF_INIT;
	char buf[4096];
	size_t n;

	ck_assert_ptr_nonnull(p);
	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		pt_buf_add(&b, buf, n);
	ck_assert_msg(pclose(p) == 0, "unzip %s failed", member);
	free(cmd);
	return pt_buf_detach(&b);
}

/* XML text with the five predefined entities resolved (caller frees). */
static char *
xml_text(const char *s, size_t len)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;
	static const char *const ent[][2] = {{"&amp;", "&"},
	                                     {"&lt;", "<"},
	                                     {"&gt;", ">"},
	                                     {"&quot;", "\""},
	                                     {"&apos;", "'"}};

	for (i = 0; i < len; i++) {
		size_t k;

		for (k = 0; k < 5; k++)
			if (strncmp(s + i, ent[k][0], strlen(ent[k][0])) == 0)
				break;
		if (k < 5) {
			pt_buf_adds(&b, ent[k][1]);
			i += strlen(ent[k][0]) - 1;
		} else
			pt_buf_addc(&b, s[i]);
	}
	return pt_buf_detach(&b);
}

/* The text of shared string n (caller frees), or NULL. */
static char *
shared_string(const char *sst, long n)
{
	const char *p = sst, *t, *e;

	while (n-- >= 0) {
		p = strstr(p, "<si>");
		if (p == NULL)
			return NULL;
		p += 4;
	}
	t = strstr(p, "<t");
	t = strchr(t, '>') + 1;
	e = strstr(t, "</t>");
	return xml_text(t, (size_t)(e - t));
}

/* The string in cell ref of a sheet (caller frees), or NULL. */
static char *
cell(const char *sheet, const char *sst, const char *ref)
{
	char *want = xasprintf("<c r=\"%s\"", ref);
	const char *p = strstr(sheet, want), *v, *end;

	free(want);
	if (p == NULL)
		return NULL;
	end = strstr(p, "</c>");
	if (strstr(p, "t=\"s\"") == NULL || strstr(p, "t=\"s\"") > end)
		return NULL;
	v = strstr(p, "<v>");
	return shared_string(sst, strtol(v + 3, NULL, 10));
}

static void
assert_cell(const char *sheet, const char *sst, const char *ref,
            const char *want)
{
	char *got = cell(sheet, sst, ref);

	ck_assert_msg(got != NULL, "cell %s is empty", ref);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_amend_xlsx)
{
	struct pt_store *st;
	struct ruleset *rs;
	struct amend_list *l = collect(NULL, 0, &st, &rs);
	struct pt_err e = PT_ERR_INIT;
	char *file = xasprintf("%s/lijst.xlsx", tmp);
	struct pt_buf bytes = PT_BUF_INIT;
	const struct check_result *res[2];
	struct provenance_law *laws;
	char *wb, *s1, *s2, *s3, *sst, *rels, t[32];
	size_t nlaws, i;

	ck_assert_msg(amend_xlsx(&bytes, l, tmp, &e) == PT_OK, "%s", e.msg);
	ck_assert_msg(fileio_write_file(file, bytes.s, bytes.len, &e) == PT_OK,
	              "%s", e.msg);
	pt_buf_release(&bytes);
	wb = unzip(file, "xl/workbook.xml");
	ck_assert(t_contains(wb, "name=\"Wijzigingen\""));
	ck_assert(t_contains(wb, "name=\"Risico's\""));
	s1 = unzip(file, "xl/worksheets/sheet1.xml");
	s2 = unzip(file, "xl/worksheets/sheet2.xml");
	sst = unzip(file, "xl/sharedStrings.xml");
	/* Header row frozen on both sheets. */
	ck_assert(t_contains(s1,
	                     "<pane ySplit=\"1\" topLeftCell=\"A2\" "
	                     "activePane=\"bottomLeft\" state=\"frozen\"/>"));
	ck_assert(t_contains(s2, "state=\"frozen\""));
	/* Column widths set. */
	ck_assert(t_contains(s1, "<cols>"));
	ck_assert(t_contains(s1, "customWidth=\"1\""));
	/* Headers and cells. */
	assert_cell(s1, sst, "A1", "Soort");
	assert_cell(s1, sst, "J1", "wetten.overheid.nl");
	assert_cell(s1, sst, "K1", "Huidige tekst");
	assert_cell(s1, sst, "R1", "Toelichting beoordeling");
	assert_cell(s1, sst, "A2", "wijziging");
	assert_cell(s1, sst, "B2", "wet");
	assert_cell(s1, sst, "H2", "art. 3.2 lid 1 Jeugdwet");
	assert_cell(s1, sst, "I2", l->items[0].jci);
	assert_cell(s1, sst, "K2", l->items[0].text);
	assert_cell(s1, sst, "M2",
	            "De \"uitvoering\", ook van de OTS, mag door het "
	            "wijkteam.\n\nEen AMvB.");
	assert_cell(s1, sst, "P2",
	            "p1/r-a/wt1 (bevestigd)\np2/r-a/wt2 (wetswijziging nodig)");
	assert_cell(s1, sst, "Q2", "wetswijziging nodig: 1; bevestigd: 1");
	/* The review notes, and the law as a link that can be clicked. */
	assert_cell(s1, sst, "R2", "p1/r-b/wt1: Aanwijzing via de GI.");
	assert_cell(s1, sst, "R3", "p2/r-c/wt2: De Raad dient het in.");
	assert_cell(s1, sst, "J2", l->items[0].url);
	ck_assert(t_contains(l->items[0].url, "https://wetten.overheid.nl/"));
	ck_assert(t_contains(s1, "<hyperlink ref=\"J2\" r:id=\"rId1\"/>"));
	rels = unzip(file, "xl/worksheets/_rels/sheet1.xml.rels");
	ck_assert(t_contains(rels, "TargetMode=\"External\""));
	ck_assert(t_contains(rels, "Target=\"https://wetten.overheid.nl/"
	                           "jci1.3:c:BWBR0034925&amp;artikel=3.2&amp;"
	                           "g=" TODAY "\""));
	free(rels);
	/* Printed: A4 landscape, one page wide, the header on every page. */
	ck_assert(t_contains(s1, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" "
	                         "orientation=\"landscape\"/>"));
	ck_assert(t_contains(s1, "<pageSetUpPr fitToPage=\"1\"/>"));
	ck_assert(t_contains(s1, "<autoFilter ref=\"A1:T1\"/>"));
	ck_assert(t_contains(wb, "_xlnm.Print_Titles"));
	ck_assert(t_contains(wb, "Wijzigingen!$1:$1"));
	/* The row is as high as its longest text needs. */
	ck_assert(t_contains(s1, "<row r=\"2\" spans=\"1:20\" ht=\""));
	assert_cell(s1, sst, "A3", "gemitigeerd");
	assert_cell(s1, sst, "H3", "art. 1:255 lid 2 BW");
	ck_assert_ptr_null(cell(s1, sst, "A4"));
	assert_cell(s2, sst, "A1", "Ernst");
	assert_cell(s2, sst, "B2", "r-risk: Klachtrecht bij het wijkteam");
	assert_cell(s2, sst, "C2",
	            "Een klachtregeling, met een onafhankelijke voorzitter.");
	/* Rejected findings are not in the workbook. */
	ck_assert(!t_contains(sst, "p1/r-c/wt1"));
	ck_assert(!t_contains(sst, "p2/r-risk/wt2"));
	/* Herkomst: when and with what, and each law version quoted, the
	 * facts of the JSON generated object. */
	ck_assert(t_contains(wb, "name=\"Herkomst\""));
	s3 = unzip(file, "xl/worksheets/sheet3.xml");
	assert_cell(s3, sst, "A1", "Gegeven");
	assert_cell(s3, sst, "A2", "Gemaakt (Europe/Amsterdam)");
	provenance_amsterdam(l->sources[0].result->generated, t);
	assert_cell(s3, sst, "B2", t);
	assert_cell(s3, sst, "A3", "Gemaakt (UTC)");
	provenance_utc(l->sources[0].result->generated, t);
	assert_cell(s3, sst, "B3", t);
	assert_cell(s3, sst, "A4", "proeftoets-versie");
	assert_cell(s3, sst, "B4", PACKAGE_VERSION);
	assert_cell(s3, sst, "A5", "Regels");
	ck_assert_uint_eq(strlen(rs->sha256), 64);
	assert_cell(s3, sst, "D5", rs->sha256);
	res[0] = l->sources[0].result;
	res[1] = l->sources[1].result;
	provenance_laws(res, 2, &laws, &nlaws);
	ck_assert_uint_gt(nlaws, 0);
	for (i = 0; i < nlaws; i++) {
		char ref[8];

		snprintf(ref, sizeof ref, "A%zu", i + 6);
		assert_cell(s3, sst, ref, "Wet");
		ref[0] = 'B';
		assert_cell(s3, sst, ref, laws[i].bwb);
		ref[0] = 'C';
		assert_cell(s3, sst, ref, laws[i].version);
		ref[0] = 'D';
		ck_assert_uint_eq(strlen(laws[i].sha256), 64);
		assert_cell(s3, sst, ref, laws[i].sha256);
	}
	snprintf(t, sizeof t, "A%zu", nlaws + 6);
	ck_assert_ptr_null(cell(s3, sst, t));
	free(laws);
	free(s3);
	free(wb);
	free(s1);
	free(s2);
	free(sst);
	free(file);
	release(l, st, rs);
}
END_TEST

START_TEST(test_amend_cli)
{
	char *out, *err, *file = xasprintf("%s/cli.xlsx", tmp);
	char *csv = xasprintf("%s/cli.csv", tmp), *data;
	int rc;

	rc = t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	           "--today", TODAY, NULL);
	ck_assert_msg(rc == 0, "%s", err);
	ck_assert(t_contains(out, "Wijzigingslijst"));
	ck_assert(t_contains(out, "1. art. 3.2 lid 1 Jeugdwet"));
	free(out);
	free(err);
	/* A workbook needs -o: never binary to standard output. */
	rc = t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	           "--format", "xlsx", NULL);
	ck_assert_int_eq(rc, 2);
	ck_assert(t_contains(err, "needs -o FILE"));
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	           "--format", "xlsx", "-o", file, "--today", TODAY, NULL);
	ck_assert_msg(rc == 0, "%s", err);
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	data = unzip(file, "xl/worksheets/sheet1.xml");
	ck_assert(t_contains(data, "state=\"frozen\""));
	free(data);
	rc = t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	           "--format", "csv", "-o", csv, "--proeftuin", "p1", "--today",
	           TODAY, NULL);
	ck_assert_msg(rc == 0, "%s", err);
	data = t_read(csv, NULL);
	ck_assert(t_contains(data, "soort,niveau,ernst,wet,bwb,artikel,lid,"));
	ck_assert(t_contains(data, "p1/r-a/wt1 (bevestigd)"));
	ck_assert(!t_contains(data, "p2/"));
	free(data);
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "amendments", "--rules", rulesdir,
	           "--proeftuin", "nergens", NULL);
	ck_assert_int_eq(rc, 7);
	ck_assert(t_contains(err, "proeftuin 'nergens' is not saved"));
	free(out);
	free(err);
	rc = t_cli(&out, &err, "--db", db, "amendments", "--format", "pdf",
	           NULL);
	ck_assert_int_eq(rc, 2);
	free(out);
	free(err);
	free(file);
	free(csv);
}
END_TEST

START_TEST(test_amend_empty)
{
	char *dir = t_tmpdir(), *path = xasprintf("%s/leeg.db", dir);
	char *out, *err;
	int rc;

	rc = t_cli(&out, &err, "--db", path, "amendments", "--rules", rulesdir,
	           "--today", TODAY, "--format", "json", NULL);
	ck_assert_msg(rc == 0, "%s", err);
	ck_assert(t_contains(out, "\"amendments\": []"));
	free(out);
	free(err);
	t_tmpdir_cleanup(dir);
	free(dir);
	free(path);
}
END_TEST

/* The shipped rules and designs: the list a denktank would see. */
START_TEST(test_amend_real_rules)
{
	char *bwb = t_src("xml/bwb"), *rdir = t_src("rules"), *out, *err;
	char *dir = t_tmpdir(), *path = xasprintf("%s/echt.db", dir);
	static const char *const designs[] = {
	    "xml/proeftuinen/noord.xml", "xml/proeftuinen/rvt-integraal.xml"};
	struct pt_store *st = NULL;
	struct ruleset *rs = NULL;
	struct amend_list *l = NULL;
	struct pt_err e = PT_ERR_INIT;
	const struct amend_item *it = NULL;
	size_t i;

	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", path, "import", "-q", bwb, NULL), 0);
	free(out);
	free(err);
	ck_assert_int_eq(store_open(path, &st, &e), PT_OK);
	ck_assert_msg(rules_load_dir(rdir, &rs, &e) == PT_OK, "%s", e.msg);
	for (i = 0; i < 2; i++) {
		char *f = t_src(designs[i]);
		size_t len;
		char *xml = t_read(f, &len);

		ck_assert_ptr_nonnull(xml);
		save_design(st, rs, xml);
		free(xml);
		free(f);
	}
	ck_assert_msg(amend_collect(st, rs, NULL, 0, "2026-07-01", &l, &e) ==
	                  PT_OK,
	              "%s", e.msg);
	ck_assert_uint_eq(l->nsources, 2);
	ck_assert_uint_ge(l->nitems, 2);
	for (i = 0; i < l->nitems; i++) {
		const struct amend_item *x = &l->items[i];

		/* Needed first, by level; keys unique. */
		if (i > 0)
			ck_assert(x->level >= l->items[i - 1].level ||
			          x->needed != l->items[i - 1].needed);
		if (x->key != NULL &&
		    strcmp(x->key->rp->bwb, "BWBR0034925") == 0 &&
		    strcmp(x->key->rp->artikel, "3.2") == 0 &&
		    x->key->rp->lid != NULL &&
		    strcmp(x->key->rp->lid, "1") == 0) {
			ck_assert_ptr_null(it);
			it = x;
		}
	}
	/* Both designs give a team OTS tasks: art. 3.2 lid 1 for both. */
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(it->level, LEVEL_WET);
	ck_assert_uint_eq(it->nproeftuinen, 2);
	ck_assert(it->in_registry);
	ck_assert(l->nrisks > 0);
	amend_free(l);
	rules_free(rs);
	store_close(st);
	t_tmpdir_cleanup(dir);
	free(dir);
	free(path);
	free(bwb);
	free(rdir);
}
END_TEST

Suite *
suite_amend(void)
{
	Suite *s = suite_create("amend");
	TCase *tc = tcase_create("core");
	TCase *real = tcase_create("real");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_amend_groups);
	tcase_add_test(tc, test_amend_select);
	tcase_add_test(tc, test_amend_text_markdown);
	tcase_add_test(tc, test_amend_csv);
	tcase_add_test(tc, test_amend_csv_parser);
	tcase_add_test(tc, test_amend_json);
	tcase_add_test(tc, test_amend_xlsx);
	tcase_add_test(tc, test_amend_cli);
	tcase_add_test(tc, test_amend_empty);
	suite_add_tcase(s, tc);
	tcase_set_timeout(real, 120);
	tcase_add_test(real, test_amend_real_rules);
	suite_add_tcase(s, real);
	return s;
}
