/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_report.c: tests of the report writers (report*.c).
 *
 * The results are built by hand (fixture below): a design with a barrier
 * citing two provisions (one not in the registry, one known only from
 * general knowledge), a second barrier citing the same first provision, a
 * barrier on another provision, a risk and an assignment that is fine.
 * Texts carry markup, quotes, commas and newlines, so every format must
 * escape them.  CSV is parsed back with a small RFC 4180 reader and JSON is
 * checked with a small syntax checker.
 */
#include "config.h"

#include <string.h>
#include <stdlib.h>

#include "buf.h"
#include "csv.h"
#include "digest.h"
#include "format.h"
#include "html.h"
#include "provenance.h"
#include "report.h"
#include "rules.h"
#include "suites.h"
#include "testlib.h"

/* --- fixture ------------------------------------------------------------- */

#define EVIL "<script>alert(\"x\")</script> & 'b'"
#define TITLE_A                                                                \
	"Alleen een GI mag een OTS uitvoeren, \"uitsluitend\"\nook " EVIL
#define TEXT_32                                                                \
	"Een kinderbeschermingsmaatregel of jeugdreclassering "                \
	"wordt uitsluitend uitgevoerd door een gecertificeerde instelling."
#define MISSING "wet BWBR0002656 niet ge\xc3\xafmporteerd"

struct fixture {
	struct design d;
	struct design_actor actors[2];
	struct design_taak taken[3];
	char *gemeenten[2];
	struct rule rules[4];
	struct rule_provision rp[5];
	struct rule_route routes[1];
	struct finding f[4];
	struct finding_provision fp[5];
	char *ids[8];
	struct check_ok ok[1];
	struct check_result r;
	char *own[128]; /* everything to free */
	size_t nown;
};

/* Keep p to free it with the fixture. */
static char *
own(struct fixture *x, char *p)
{
	ck_assert_uint_lt(x->nown, 128);
	x->own[x->nown++] = p;
	return p;
}

static char *
S(struct fixture *x, const char *s)
{
	return own(x, xstrdup(s));
}

static void
set_rp(struct fixture *x, struct rule_provision *rp, const char *bwb,
       const char *art, const char *lid, enum rule_zekerheid z,
       const char *title)
{
	memset(rp, 0, sizeof *rp);
	rp->bwb = S(x, bwb);
	rp->artikel = S(x, art);
	rp->lid = lid != NULL ? S(x, lid) : NULL;
	rp->zekerheid = z;
	rp->citeertitel = title != NULL ? S(x, title) : NULL;
}

static void
set_fp(struct fixture *x, struct finding_provision *fp,
       const struct rule_provision *rp, const char *text)
{
	memset(fp, 0, sizeof *fp);
	fp->rp = rp;
	if (rp->lid != NULL)
		fp->jci = own(x, xasprintf("jci1.3:c:%s&artikel=%s&lid=%s"
		                           "&g=2026-01-01",
		                           rp->bwb, rp->artikel, rp->lid));
	else
		fp->jci = own(x, xasprintf("jci1.3:c:%s&artikel=%s"
		                           "&g=2026-01-01",
		                           rp->bwb, rp->artikel));
	fp->url = own(x, xasprintf("https://wetten.overheid.nl/%s", fp->jci));
	if (text != NULL) {
		fp->text = S(x, text);
		fp->in_registry = 1;
		fp->version_date = S(x, "2026-01-01");
	} else
		fp->missing = S(x, MISSING);
}

static void
set_rule(struct fixture *x, struct rule *r, const char *id, enum rule_kind kind,
         enum rule_severity sev, const char *titel, enum vocab_level level,
         struct rule_provision *rp, size_t nrp)
{
	memset(r, 0, sizeof *r);
	r->id = S(x, id);
	r->kind = kind;
	r->severity = sev;
	r->titel = S(x, titel);
	r->level = level;
	r->provisions = rp;
	r->nprovisions = nrp;
	if (kind == RULE_BARRIER)
		r->wijziging = S(x, "Wijzig art. 3.2 lid 1 Jeugdwet, zodat "
		                    "het \"team\" mag <uitvoeren>.");
}

static void
set_finding(struct fixture *x, struct finding *f, const char *id,
            const struct rule *r, struct finding_provision *fp, size_t nfp,
            char **ids)
{
	memset(f, 0, sizeof *f);
	f->id = S(x, id);
	f->rule = r;
	f->actors = ids;
	f->nactors = 1;
	f->tasks = ids + 1;
	f->ntasks = 1;
	f->trigger = S(x, "taak 'uitvoering-ots' toegewezen aan rvt-noord, "
	                  "een niet-gecertificeerd team");
	f->provisions = fp;
	f->nprovisions = nfp;
	/* as check_run() derives them when every route is open */
	f->severity = r->severity;
	f->level = r->level;
	f->wijziging = r->wijziging;
	if (r->nroutes > 0) {
		const struct rule_route **v =
		    (const struct rule_route **)(void *)own(
		        x, xcalloc(r->nroutes, sizeof *v));
		size_t i;

		for (i = 0; i < r->nroutes; i++)
			v[i] = &r->routes[i];
		f->routes = v;
		f->nroutes = r->nroutes;
	}
}

static struct fixture *
fixture_new(void)
{
	struct fixture *x = xcalloc(1, sizeof *x);
	struct design *d = &x->d;

	d->id = S(x, "noord");
	d->peildatum = S(x, "2026-01-01");
	d->peildatum_given = 1;
	d->naam = S(x, "Proeftuin Noord " EVIL);
	d->omschrijving = S(x, "Regionaal veiligheidsteam voert OTS uit, en "
	                       "biedt ook hulp.");
	x->gemeenten[0] = S(x, "Groningen");
	x->gemeenten[1] = S(x, "Het Hogeland");
	d->gemeenten = x->gemeenten;
	d->ngemeenten = 2;
	x->actors[0].id = S(x, "rvt-noord");
	x->actors[0].rol = S(x, "regionaal-veiligheidsteam");
	x->actors[0].naam = S(x, "Regionaal veiligheidsteam Noord");
	x->actors[1].id = S(x, "wt-centrum");
	x->actors[1].rol = S(x, "wijkteam");
	d->actors = x->actors;
	d->nactors = 2;
	x->taken[0].id = S(x, "uitvoering-ots");
	x->taken[0].actor = 0;
	x->taken[1].id = S(x, "jeugdreclassering");
	x->taken[1].actor = 0;
	x->taken[2].id = S(x, "jeugdhulp");
	x->taken[2].actor = 1;
	d->taken = x->taken;
	d->ntaken = 3;

	/* provisions: Jeugdwet 3.2 lid 1 (V26), BW 1:262 (GK, absent),
	 * BW 1:255 lid 2 (V26), AVG-like policy source (P), Jw 7.3.11 */
	set_rp(x, &x->rp[0], "BWBR0034925", "3.2", "1", ZEKER_V26, "Jeugdwet");
	set_rp(x, &x->rp[1], "BWBR0002656", "262", "1", ZEKER_GK,
	       "Burgerlijk Wetboek Boek 1");
	set_rp(x, &x->rp[2], "BWBR0002656", "255", "2", ZEKER_V26, NULL);
	set_rp(x, &x->rp[3], "BWBR0034925", "7.3.11", NULL, ZEKER_P,
	       "Jeugdwet");
	set_rp(x, &x->rp[4], "BWBR0034925", "3.2", "1", ZEKER_V26, "Jeugdwet");

	set_rule(x, &x->rules[0], "jw-3.2-1-uitvoering", RULE_BARRIER,
	         SEV_BLOCKING, TITLE_A, LEVEL_AMVB, &x->rp[0], 2);
	x->rules[0].analyse = S(x, "B1");
	x->rules[0].toelichting = S(x, "Zie Jeugdwet 3.2, en BW 1:262.");
	x->routes[0].soort = S(x, "certificaat");
	x->routes[0].text = S(x, "De drager van het team vraagt een "
	                         "certificaat aan (Jeugdwet 3.4).");
	x->rules[0].routes = x->routes;
	x->rules[0].nroutes = 1;
	set_rule(x, &x->rules[1], "r3-gegevens", RULE_RISK, SEV_HIGH,
	         "Gegevens delen zonder grondslag", LEVEL_WET, &x->rp[3], 1);
	x->rules[1].norm = S(x, "AVG art. 6; Grondwet art. 10 <norm>");
	set_rule(x, &x->rules[2], "jw-3.2-1-jr", RULE_BARRIER, SEV_BLOCKING,
	         "Alleen een GI mag jeugdreclassering uitvoeren", LEVEL_WET,
	         &x->rp[4], 1);
	set_rule(x, &x->rules[3], "bw-255-2-verzoek", RULE_BARRIER,
	         SEV_BLOCKING, "Alleen Raad en OM mogen een OTS verzoeken",
	         LEVEL_WET, &x->rp[2], 1);

	x->ids[0] = S(x, "rvt-noord");
	x->ids[1] = S(x, "uitvoering-ots");
	x->ids[2] = S(x, "rvt-noord");
	x->ids[3] = S(x, "jeugdreclassering");
	set_fp(x, &x->fp[0], &x->rp[0], TEXT_32);
	set_fp(x, &x->fp[1], &x->rp[1], NULL);
	set_fp(x, &x->fp[2], &x->rp[3],
	       "Tekst over \"toestemming\", en\n"
	       "een tweede regel.");
	x->fp[2].stale = 1;
	x->fp[2].date_unknown = 1;
	set_fp(x, &x->fp[3], &x->rp[4], TEXT_32);
	set_fp(x, &x->fp[4], &x->rp[2], "De kinderrechter kan ...");

	/* order: barrier A, risk, barrier B (same provision as A), barrier C */
	set_finding(x, &x->f[0], "noord/jw-3.2-1-uitvoering/rvt-noord",
	            &x->rules[0], &x->fp[0], 2, x->ids);
	x->f[0].unverified = 1;
	set_finding(x, &x->f[1], "noord/r3-gegevens/wt-centrum>rvt-noord",
	            &x->rules[1], &x->fp[2], 1, x->ids);
	set_finding(x, &x->f[2], "noord/jw-3.2-1-jr/rvt-noord", &x->rules[2],
	            &x->fp[3], 1, x->ids + 2);
	x->f[2].review_status = S(x, "aanvaard");
	x->f[2].review_note = S(x, "besproken in denktank, 3 maart");
	set_finding(x, &x->f[3], "noord/bw-255-2-verzoek/rvt-noord",
	            &x->rules[3], &x->fp[4], 1, x->ids);

	x->ok[0].taak = 2;
	x->ok[0].reason = S(x, "een wijkteam mag namens het college "
	                       "jeugdhulp bieden");
	x->r.design = d;
	x->r.findings = x->f;
	x->r.nfindings = 4;
	x->r.nbarriers = 3;
	x->r.nrisks = 1;
	x->r.ok = x->ok;
	x->r.nok = 1;
	x->r.registry = S(x, "/tmp/proeftoets.db");
	return x;
}

static void
fixture_free(struct fixture *x)
{
	size_t i;

	for (i = 0; i < x->nown; i++)
		free(x->own[i]);
	free(x);
}

/* Write the fixture in format f (caller frees). */
static char *
render(struct fixture *x, const char *f)
{
	struct pt_buf b = PT_BUF_INIT;
	struct check_result *res[1];

	res[0] = &x->r;
	t_report(&b, f, res, 1);
	return pt_buf_detach(&b);
}

static int
count(const char *h, const char *needle)
{
	int n = 0;

	while ((h = strstr(h, needle)) != NULL) {
		n++;
		h += strlen(needle);
	}
	return n;
}

/* --- a small RFC 4180 reader --------------------------------------------- */

struct csv {
	char ***rows; /* rows[i][j] */
	size_t *ncols;
	size_t nrows;
	int bad; /* not RFC 4180 (bare LF line end, stray quote) */
};

static void
csv_parse(const char *s, struct csv *c)
{
	struct pt_buf f = PT_BUF_INIT;
	char **row = NULL;
	size_t n = 0;

	memset(c, 0, sizeof *c);
	while (*s != '\0') {
		pt_buf_reset(&f);
		if (*s == '"') {
			for (s++;; s++) {
				if (*s == '\0') {
					c->bad = 1;
					break;
				}
				if (*s == '"') {
					if (s[1] != '"')
						break;
					s++;
				}
				pt_buf_addc(&f, *s);
			}
			if (*s == '"')
				s++;
		} else {
			while (*s != '\0' && *s != ',' && *s != '\r' &&
			       *s != '\n') {
				if (*s == '"')
					c->bad = 1;
				pt_buf_addc(&f, *s++);
			}
		}
		row = xreallocarray(row, n + 1, sizeof *row);
		row[n++] = xstrdup(f.s);
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s == '\r' && s[1] == '\n')
			s += 2;
		else {
			c->bad = 1; /* every record ends with CRLF */
			if (*s != '\0')
				s++;
		}
		c->rows = xreallocarray(c->rows, c->nrows + 1, sizeof *c->rows);
		c->ncols =
		    xreallocarray(c->ncols, c->nrows + 1, sizeof *c->ncols);
		c->rows[c->nrows] = row;
		c->ncols[c->nrows++] = n;
		row = NULL;
		n = 0;
		if (*s == '\0')
			break;
	}
	if (row != NULL) {
		c->bad = 1;
		while (n > 0)
			free(row[--n]);
		free(row);
	}
	pt_buf_release(&f);
}

static void
csv_free(struct csv *c)
{
	size_t i, j;

	for (i = 0; i < c->nrows; i++) {
		for (j = 0; j < c->ncols[i]; j++)
			free(c->rows[i][j]);
		free(c->rows[i]);
	}
	free(c->rows);
	free(c->ncols);
}

static long
csv_col(const struct csv *c, const char *name)
{
	size_t j;

	for (j = 0; c->nrows > 0 && j < c->ncols[0]; j++)
		if (strcmp(c->rows[0][j], name) == 0)
			return (long)j;
	return -1;
}

/* --- a small JSON syntax checker ------------------------------------------ */

static const char *json_value(const char *s, int depth);

static const char *
json_ws(const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
		s++;
	return s;
}

static const char *
json_str(const char *s)
{
	int i;

	if (*s++ != '"')
		return NULL;
	for (; *s != '"'; s++) {
		if ((unsigned char)*s < 0x20)
			return NULL;
		if (*s != '\\')
			continue;
		s++;
		if (*s == 'u') {
			for (i = 1; i <= 4; i++)
				if (strchr("0123456789abcdefABCDEF", s[i]) ==
				        NULL ||
				    s[i] == '\0')
					return NULL;
			s += 4;
		} else if (*s == '\0' || strchr("\"\\/bfnrt", *s) == NULL)
			return NULL;
	}
	return s + 1;
}

static const char *
json_value(const char *s, int depth)
{
	if (depth > 64 || s == NULL)
		return NULL;
	s = json_ws(s);
	if (*s == '{' || *s == '[') {
		char close = *s == '{' ? '}' : ']';
		int obj = *s == '{';

		s = json_ws(s + 1);
		if (*s == close)
			return s + 1;
		for (;;) {
			if (obj) {
				if ((s = json_str(json_ws(s))) == NULL)
					return NULL;
				s = json_ws(s);
				if (*s++ != ':')
					return NULL;
			}
			if ((s = json_value(s, depth + 1)) == NULL)
				return NULL;
			s = json_ws(s);
			if (*s == close)
				return s + 1;
			if (*s++ != ',')
				return NULL;
		}
	}
	if (*s == '"')
		return json_str(s);
	if (strncmp(s, "true", 4) == 0)
		return s + 4;
	if (strncmp(s, "false", 5) == 0)
		return s + 5;
	if (strncmp(s, "null", 4) == 0)
		return s + 4;
	if (*s == '-' || (*s >= '0' && *s <= '9')) {
		if (*s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return NULL;
		while ((*s >= '0' && *s <= '9') || *s == '.' || *s == 'e' ||
		       *s == 'E' || *s == '+' || *s == '-')
			s++;
		return s;
	}
	return NULL;
}

static int
json_valid(const char *s)
{
	s = json_value(s, 0);
	return s != NULL && *json_ws(s) == '\0';
}

/* The JSON object that starts at the last '{' before `at` (caller frees). */
static char *
json_enclosing(const char *doc, const char *at)
{
	const char *b = at, *e = at;

	while (b > doc && *b != '{')
		b--;
	while (*e != '\0' && *e != '}')
		e++;
	return xstrndup(b, (size_t)(e - b + 1));
}

/* --- tests --------------------------------------------------------------- */

START_TEST(test_report_format_parse)
{
	ck_assert_str_eq(format_find(FORMAT_REPORT, "text")->name, "text");
	ck_assert_str_eq(format_find(FORMAT_REPORT, "markdown")->ext, "md");
	ck_assert_ptr_nonnull(format_find(FORMAT_REPORT, "html"));
	ck_assert_ptr_nonnull(format_find(FORMAT_REPORT, "json"));
	ck_assert_ptr_nonnull(format_find(FORMAT_REPORT, "csv"));
	/* A workbook carries both, only to a file. */
	ck_assert_ptr_nonnull(format_find(FORMAT_REPORT, "xlsx"));
	ck_assert(format_find(FORMAT_REPORT, "xlsx")->flags & FORMAT_NO_STDOUT);
	ck_assert_ptr_nonnull(format_find(FORMAT_AMEND, "xlsx"));
	/* An OpenDocument text carries both, only to a file. */
	ck_assert_ptr_nonnull(format_find(FORMAT_REPORT, "odt"));
	ck_assert_ptr_eq(format_by_ext(FORMAT_AMEND, FORMAT_WEB, "odt"),
	                 format_find(FORMAT_REPORT, "odt"));
	ck_assert(format_find(FORMAT_REPORT, "odt")->flags & FORMAT_NO_STDOUT);
	ck_assert_ptr_nonnull(format_find(FORMAT_AMEND, "docx"));
	ck_assert(format_find(FORMAT_REPORT, "docx")->flags & FORMAT_NO_STDOUT);
	ck_assert_ptr_null(format_find(FORMAT_AMEND, "html"));
	ck_assert_ptr_null(format_find(FORMAT_REPORT, "pdf"));
	ck_assert_ptr_null(format_find(FORMAT_REPORT, "JSON"));
	ck_assert_ptr_null(format_find(FORMAT_REPORT, ""));
	ck_assert_ptr_eq(format_by_ext(FORMAT_AMEND, FORMAT_WEB, "xlsx"),
	                 format_find(FORMAT_AMEND, "xlsx"));
	ck_assert_ptr_null(format_by_ext(FORMAT_AMEND, FORMAT_WEB, "md"));
}
END_TEST

START_TEST(test_report_cite)
{
	struct fixture *x = fixture_new();
	struct finding_provision fp;
	struct rule_provision rp;
	char *s;

	s = cite_provision(&x->fp[0]);
	ck_assert_str_eq(s, "art. 3.2 lid 1 Jeugdwet");
	free(s);
	/* BW books are cited as "1:262"; by title and by BWB id */
	s = cite_provision(&x->fp[1]);
	ck_assert_str_eq(s, "art. 1:262 lid 1 BW");
	free(s);
	s = cite_provision(&x->fp[4]);
	ck_assert_str_eq(s, "art. 1:255 lid 2 BW");
	free(s);
	/* no lid */
	s = cite_provision(&x->fp[2]);
	ck_assert_str_eq(s, "art. 7.3.11 Jeugdwet");
	free(s);

	/* registry title wins, trimmed; onderdeel; unknown law: BWB id */
	memset(&rp, 0, sizeof rp);
	memset(&fp, 0, sizeof fp);
	rp.bwb = x->rp[0].bwb;
	rp.artikel = x->rp[0].artikel;
	rp.lid = x->rp[0].lid;
	rp.citeertitel = x->rp[0].citeertitel;
	fp.rp = &rp;
	fp.citeertitel = S(x, "  Wet maatschappelijke ondersteuning 2015 \n");
	rp.onderdeel = S(x, "b");
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "art. 3.2 lid 1 onder b Wmo 2015");
	free(s);
	fp.citeertitel = NULL;
	rp.citeertitel = NULL;
	rp.onderdeel = NULL;
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "art. 3.2 lid 1 Jeugdwet"); /* by its BWB id */
	free(s);
	rp.bwb = S(x, "BWBR0099999");
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "art. 3.2 lid 1 BWBR0099999");
	free(s);
	rp.bwb = x->rp[0].bwb;
	fp.citeertitel = S(x, "Burgerlijk Wetboek Boek 7A");
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "art. 7A:3.2 lid 1 BW");
	free(s);
	/* a title that only starts like a BW book is not one */
	fp.citeertitel = S(x, "Burgerlijk Wetboek Boekhouding");
	s = cite_provision(&fp);
	ck_assert_str_eq(s, "art. 3.2 lid 1 Burgerlijk Wetboek Boekhouding");
	free(s);
	fixture_free(x);
}
END_TEST

START_TEST(test_report_labels)
{
	ck_assert_str_eq(report_zekerheid_label(ZEKER_V26),
	                 "geverifieerd in geconsolideerde tekst (2025/2026)");
	ck_assert_str_eq(report_zekerheid_label(ZEKER_V15),
	                 "alleen geverifieerd in tekst van 2015");
	ck_assert_str_eq(
	    report_zekerheid_label(ZEKER_P),
	    "beleidsbron, geen wettekst \xe2\x80\x94 niet geverifieerd");
	ck_assert_str_eq(report_zekerheid_label(ZEKER_GK),
	                 "algemene kennis \xe2\x80\x94 niet geverifieerd");
	ck_assert_str_eq(report_severity_label(SEV_BLOCKING), "blokkerend");
	ck_assert_str_eq(report_kind_label(RULE_RISK), "risico");
}
END_TEST

START_TEST(test_report_verdict)
{
	struct fixture *x = fixture_new();
	char *s;

	s = report_verdict(&x->r);
	ck_assert_str_eq(s, "De wet blokkeert dit ontwerp op 3 punten");
	free(s);
	x->r.nbarriers = 1;
	s = report_verdict(&x->r);
	ck_assert_str_eq(s, "De wet blokkeert dit ontwerp op 1 punt");
	free(s);
	/* risks alone do not block */
	x->r.nbarriers = 0;
	s = report_verdict(&x->r);
	ck_assert_str_eq(s, "Geen juridische belemmeringen gevonden");
	free(s);
	s = report_peildatum(&x->d);
	ck_assert_str_eq(s, "2026-01-01");
	free(s);
	x->d.peildatum_given = 0;
	s = report_peildatum(&x->d);
	ck_assert_str_eq(s, "2026-01-01 (peildatum niet opgegeven; vandaag "
	                    "gebruikt)");
	free(s);
	fixture_free(x);
}
END_TEST

START_TEST(test_report_escape)
{
	struct pt_buf b = PT_BUF_INIT;

	html_esc(&b, "<a href=\"x\">'&'</a>");
	ck_assert_str_eq(
	    b.s, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
	pt_buf_reset(&b);
	report_csv_field(&b, "plain");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "a,b");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "zei \"ja\"");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "r1\nr2");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, NULL);
	ck_assert_str_eq(b.s, "plain|\"a,b\"|\"zei \"\"ja\"\"\"|\"r1\nr2\"|");
	/* A cell a spreadsheet would take for a formula gets a quote first,
	 * inside the quotes when it has them. */
	pt_buf_reset(&b);
	report_csv_field(&b, "=1+1");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "+31 6");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "-x");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "@SUM(A1)");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "=HYPERLINK(\"u\",\"k\")");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "\tx");
	pt_buf_addc(&b, '|');
	report_csv_field(&b, "a=b");
	ck_assert_str_eq(b.s, "'=1+1|'+31 6|'-x|'@SUM(A1)|"
	                      "\"'=HYPERLINK(\"\"u\"\",\"\"k\"\")\"|'\tx|a=b");
	pt_buf_release(&b);
}
END_TEST

/* The dialect excel-nl: semicolons, BOM, CRLF, numbers kept as text;
 * the fields come back as rfc4180 wrote them. */
START_TEST(test_report_csv_dialect)
{
	struct pt_buf b = PT_BUF_INIT;

	ck_assert_int_eq(csv_dialect_parse("rfc4180"), CSV_RFC4180);
	ck_assert_int_eq(csv_dialect_parse("excel-nl"), CSV_EXCEL_NL);
	ck_assert_int_eq(csv_dialect_parse("excel"), -1);
	ck_assert_int_eq(csv_dialect_parse(NULL), -1);
	ck_assert_str_eq(csv_dialect_name(CSV_EXCEL_NL), "excel-nl");
	ck_assert(csv_looks_numeric("2.10", 4));
	ck_assert(csv_looks_numeric("1:255", 5));
	ck_assert(csv_looks_numeric("2026-07-01", 10));
	ck_assert(csv_looks_numeric("3", 1));
	ck_assert(!csv_looks_numeric("262b", 4));
	ck_assert(!csv_looks_numeric("art. 2.10", 9));
	ck_assert(!csv_looks_numeric("", 0));
	ck_assert(!csv_looks_numeric("-1", 2));

	pt_buf_adds(&b, "a,b,c\r\n2.10,\"x; \"\"y\"\"\nz\",\r\n,,262b\r\n");
	csv_dialect_apply(&b, CSV_RFC4180, 1);
	ck_assert_str_eq(b.s,
	                 "a,b,c\r\n2.10,\"x; \"\"y\"\"\nz\",\r\n,,262b\r\n");
	csv_dialect_apply(&b, CSV_EXCEL_NL, 1);
	ck_assert_str_eq(b.s, "\xef\xbb\xbf"
	                      "a;b;c\r\n" CSV_TEXT_MARK
	                      "2.10;\"x; \"\"y\"\"\nz\";\r\n;;262b\r\n");
	/* A later part has no BOM; a comma needs no quotes. */
	pt_buf_reset(&b);
	pt_buf_adds(&b, "\"a,b\",1.3\r\n");
	csv_dialect_apply(&b, CSV_EXCEL_NL, 0);
	ck_assert_str_eq(b.s, "a,b;" CSV_TEXT_MARK "1.3\r\n");
	/* Nothing in, only the BOM out. */
	pt_buf_reset(&b);
	csv_dialect_apply(&b, CSV_EXCEL_NL, 1);
	ck_assert_uint_eq(b.len, 3);
	pt_buf_release(&b);
}
END_TEST

START_TEST(test_report_groups)
{
	struct fixture *x = fixture_new();
	struct report_group *g;
	size_t n;

	report_groups(&x->r, &g, &n);
	/* A and B share Jeugdwet 3.2 lid 1; C is on BW 1:255; the risk is
	 * not grouped */
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(g[0].nfindings, 2);
	ck_assert_ptr_eq(g[0].findings[0], &x->f[0]);
	ck_assert_ptr_eq(g[0].findings[1], &x->f[2]);
	ck_assert_ptr_eq(g[0].key, &x->fp[0]);
	/* A alone could go by AMvB, B needs a wet: the group needs a wet */
	ck_assert_int_eq(g[0].level, LEVEL_WET);
	ck_assert_uint_eq(g[1].nfindings, 1);
	ck_assert_ptr_eq(g[1].findings[0], &x->f[3]);
	report_groups_free(g, n);

	/* with B at ministeriële regeling, the group takes A's AMvB */
	x->f[2].level = LEVEL_MR;
	x->f[0].level = LEVEL_AMVB;
	report_groups(&x->r, &g, &n);
	ck_assert_int_eq(g[0].level, LEVEL_AMVB);
	report_groups_free(g, n);

	/* a different lid is a different provision */
	x->rp[4].lid = NULL;
	report_groups(&x->r, &g, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_ptr_eq(g[1].findings[0], &x->f[2]);
	report_groups_free(g, n);
	fixture_free(x);
}
END_TEST

/* The key content every human-readable format must carry. */
static void
common_content(const char *s)
{
	ck_assert_msg(t_contains(s, "noord"), "proeftuin id");
	ck_assert_msg(t_contains(s, "2026-01-01"), "peildatum");
	ck_assert_msg(t_contains(s, "/tmp/proeftoets.db"), "registry");
	ck_assert_msg(t_contains(s, "De wet blokkeert dit ontwerp op 3 punten"),
	              "verdict");
	ck_assert_msg(t_contains(s, "art. 3.2 lid 1 Jeugdwet"), "group key");
	ck_assert_msg(t_contains(s, "art. 1:262 lid 1 BW"), "BW citation");
	ck_assert_msg(t_contains(s, "wet in formele zin"), "group level");
	ck_assert_msg(t_contains(s, "noord/jw-3.2-1-uitvoering/rvt-noord"),
	              "finding id");
	ck_assert_msg(t_contains(s, "Regionaal veiligheidsteam Noord"),
	              "actor");
	ck_assert_msg(t_contains(s, "uitvoering van de ondertoezichtstelling"),
	              "task label");
	ck_assert_msg(t_contains(s, "een niet-gecertificeerd team"), "trigger");
	ck_assert_msg(t_contains(s, "De drager van het team vraagt"), "route");
	ck_assert_msg(t_contains(s, "Een kinderbeschermingsmaatregel of "),
	              "law text");
	ck_assert_msg(t_contains(s, "niet in het register: " MISSING),
	              "missing provision");
	ck_assert_msg(t_contains(s, "algemene kennis \xe2\x80\x94 niet "
	                            "geverifieerd"),
	              "GK mark");
	ck_assert_msg(t_contains(s, "beleidsbron, geen wettekst"), "P mark");
	ck_assert_msg(t_contains(s, "gewijzigd sinds de regel"), "stale");
	ck_assert_msg(t_contains(s, "onbekend"), "date unknown");
	ck_assert_msg(t_contains(s, "Gegevens delen zonder grondslag"), "risk");
	ck_assert_msg(t_contains(s, "AVG art. 6; Grondwet art. 10"), "norm");
	ck_assert_msg(t_contains(s, "hoog"), "severity");
	ck_assert_msg(t_contains(s, "aanvaard"), "review status");
	ck_assert_msg(t_contains(s, "besproken in denktank"), "review note");
	ck_assert_msg(t_contains(s, "open"), "default review status");
	ck_assert_msg(t_contains(s, "jeugdhulp bieden"), "ok task");
	ck_assert_msg(t_contains(s, "namens het college jeugdhulp bieden"),
	              "ok reason");
	ck_assert_msg(t_contains(s, "https://wetten.overheid.nl/"), "link");
}

/* s with every run of spaces and newlines made one space (caller frees). */
static char *
flat(const char *s)
{
	struct pt_buf b = PT_BUF_INIT;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n') {
			if (b.len == 0 || b.s[b.len - 1] != ' ')
				pt_buf_addc(&b, ' ');
			continue;
		}
		pt_buf_addc(&b, *s);
	}
	return pt_buf_detach(&b);
}

/* Barriers come before risks, and A before B before C. */
static void
order(const char *s)
{
	const char *a = strstr(s, "noord/jw-3.2-1-uitvoering/rvt-noord");
	const char *b = strstr(s, "noord/jw-3.2-1-jr/rvt-noord");
	const char *c = strstr(s, "noord/bw-255-2-verzoek/rvt-noord");
	const char *r = strstr(s, "Gegevens delen zonder grondslag");

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(r);
	ck_assert_msg(a < b && b < c && c < r, "sections out of order");
}

START_TEST(test_report_text)
{
	struct fixture *x = fixture_new();
	char *s, *line, *nl, *p;
	size_t w, tokens;

	s = render(x, "text");
	p = flat(s); /* wrapped text, read as running text */
	common_content(p);
	order(p);
	ck_assert_msg(t_contains(p, "jci1.3:c:BWBR0034925&artikel=3.2&lid=1&"
	                            "g=2026-01-01"),
	              "jci");
	ck_assert_msg(t_contains(p, "Wijzig art. 3.2 lid 1 Jeugdwet, zodat "
	                            "het \"team\" mag <uitvoeren>."),
	              "amendment");
	ck_assert_msg(t_contains(p, "Laagste niveau: wet in formele zin"),
	              "group level");
	free(p);
	ck_assert_msg(strchr(s, '\x1b') == NULL, "no escape sequences");
	/* wrapped: a line longer than 78 columns is one long word after
	 * a label */
	for (line = s; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			break;
		w = 0;
		tokens = 0;
		for (p = line; p < nl; p++) {
			if (((unsigned char)*p & 0xc0) != 0x80)
				w++;
			if (*p != ' ' && (p == line || p[-1] == ' '))
				tokens++;
		}
		ck_assert_msg(w <= 78 || tokens <= 2, "line too long: %.*s",
		              (int)(nl - line), line);
	}
	free(s);

	/* peildatum not given */
	x->d.peildatum_given = 0;
	s = render(x, "text");
	ck_assert(t_contains(s, "peildatum niet opgegeven; vandaag gebruikt"));
	free(s);
	fixture_free(x);
}
END_TEST

START_TEST(test_report_markdown)
{
	struct fixture *x = fixture_new();
	char *s;

	s = render(x, "markdown");
	common_content(s);
	order(s);
	/* the title block pandoc reads: YAML, single-quoted (' doubled), the
	 * value escaped as Markdown, closed by "..." */
	ck_assert(t_contains(s, "---\ntitle: 'Proeftoets: Proeftuin Noord "
	                        "\\<script\\>alert(\"x\")\\</script\\> \\& "
	                        "''b'''\ndate: '"));
	ck_assert(strncmp(s, "---\ntitle: '", 12) == 0);
	ck_assert(t_contains(s, "\nlang: nl\ngemaakt: '"));
	ck_assert(t_contains(s, "\npeildatum: '2026-01-01'\n"));
	ck_assert(t_contains(s, "\nwetten: '"));
	ck_assert(t_contains(s, "'\n...\n\n# Proeftoets: "));
	ck_assert_int_eq(count(s, "\n...\n"), 1);
	ck_assert(t_contains(s, "\n## Samenvatting\n"));
	ck_assert(t_contains(s, "\n## Risico's voor de rechtsbescherming\n"));
	ck_assert(t_contains(s, "\n## Wat in orde is\n"));
	/* law text as a block quote, each line quoted */
	ck_assert(t_contains(s, "  > " TEXT_32 "\n"));
	ck_assert(t_contains(s, "  > Tekst over \"toestemming\", en\n"
	                        "  > een tweede regel.\n"));
	/* input markup is escaped, never live */
	ck_assert(!t_contains(s, "<script>"));
	ck_assert(t_contains(s, "\\<script\\>"));
	ck_assert(t_contains(s, "`jci1.3:c:"));
	/* the title's newline does not break the heading */
	ck_assert(t_contains(s, "uitsluitend\" ook \\<script"));
	free(s);
	x->d.peildatum_given = 0;
	s = render(x, "markdown");
	ck_assert(t_contains(s, "peildatum niet opgegeven; vandaag gebruikt"));
	free(s);
	fixture_free(x);
}
END_TEST

START_TEST(test_report_html)
{
	struct fixture *x = fixture_new();
	char *s, *p;

	s = render(x, "html");
	/* escaped versions of the input are compared below; the rest of the
	 * common content has no special characters */
	common_content(s);
	order(s);
	ck_assert(strncmp(s, "<!DOCTYPE html>\n<html lang=\"nl\">", 32) == 0);
	ck_assert(t_contains(s, "<meta charset=\"utf-8\">"));
	ck_assert(t_contains(s, "<h1>"));
	ck_assert(t_contains(s, "<h2>Samenvatting</h2>"));
	ck_assert(t_contains(s, "<th scope=\"row\">"));
	ck_assert(t_contains(s, "<th scope=\"col\">Taak</th>"));
	ck_assert(t_contains(s, ">" TEXT_32 "</blockquote>"));
	ck_assert(
	    t_contains(s, "<a href=\"https://wetten.overheid.nl/"
	                  "jci1.3:c:BWBR0034925&amp;artikel=3.2&amp;lid=1&amp;"
	                  "g=2026-01-01\">"));
	ck_assert(t_contains(s, "&lt;script&gt;alert(&quot;x&quot;)"
	                        "&lt;/script&gt; &amp; &#39;b&#39;"));
	/* printed as a memo: margins, link addresses (not of anchors), rows
	 * and quotes whole, folded texts open */
	p = strstr(s, "@media print{");
	ck_assert_ptr_nonnull(p);
	ck_assert(t_contains(p, "@page{margin:"));
	ck_assert(t_contains(p, "a[href]::after{content:\" (\" attr(href) "
	                        "\")\""));
	ck_assert(t_contains(p, "a[href^=\"#\"]::after{content:none}"));
	ck_assert(t_contains(p, "tr,blockquote,.bepaling,li{break-inside:"
	                        "avoid}"));
	ck_assert(t_contains(p, "details::details-content{content-visibility:"
	                        "visible"));
	ck_assert(t_contains(p, "nav,form,button{display:none}"));
	/* no script, no external resources, every tag is ours */
	for (p = s; *p != '\0'; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	ck_assert(!t_contains(s, "<script"));
	ck_assert(!t_contains(s, "<link"));
	ck_assert(!t_contains(s, "src="));
	ck_assert(!t_contains(s, "<uitvoeren>"));
	ck_assert(!t_contains(s, "@import"));
	ck_assert_int_eq(count(s, "href="), count(s, "<a href=\"https://"
	                                             "wetten.overheid.nl/"));
	ck_assert(t_contains(s, "</html>\n"));
	free(s);

	x->d.peildatum_given = 0;
	s = render(x, "html");
	ck_assert(t_contains(s, "peildatum niet opgegeven; vandaag gebruikt"));
	free(s);

	/* a link that is not http(s) is not made a link */
	x->fp[0].url = S(x, "javascript:alert(1)");
	s = render(x, "html");
	ck_assert(!t_contains(s, "href=\"javascript"));
	free(s);
	fixture_free(x);
}
END_TEST

START_TEST(test_report_csv)
{
	struct fixture *x = fixture_new();
	struct csv c;
	long ti, fi, bw, tx, ir, zk, li, ac, st;
	size_t i;
	char *s;

	x->r.generated = 1782900000;
	x->fp[0].version_sha256 = S(x, "6af179e3");
	s = render(x, "csv");
	csv_parse(s, &c);
	ck_assert_msg(!c.bad, "not RFC 4180");
	ck_assert_str_eq(c.rows[0][0], "proeftuin");
	ck_assert_uint_eq(c.ncols[0], 28);
	/* header + (2 + 1 + 1 + 1) provision rows */
	ck_assert_uint_eq(c.nrows, 6);
	for (i = 0; i < c.nrows; i++)
		ck_assert_uint_eq(c.ncols[i], c.ncols[0]);
	ti = csv_col(&c, "titel");
	fi = csv_col(&c, "bevinding_id");
	bw = csv_col(&c, "bwb");
	tx = csv_col(&c, "tekst");
	ir = csv_col(&c, "in_register");
	zk = csv_col(&c, "zekerheid");
	li = csv_col(&c, "lid");
	ac = csv_col(&c, "actoren");
	st = csv_col(&c, "beoordeling");
	ck_assert(ti > 0 && fi > 0 && bw > 0 && tx > 0 && ir > 0 && zk > 0 &&
	          li > 0 && ac > 0 && st > 0);
	ck_assert_int_eq(csv_col(&c, "niveau"), 9);
	ck_assert_int_eq(csv_col(&c, "beoordeling"), 18);
	ck_assert_int_eq(csv_col(&c, "toelichting_beoordeling"), 19);
	/* the title with comma, quotes and newline comes back unchanged */
	ck_assert_str_eq(c.rows[1][ti], TITLE_A);
	ck_assert_str_eq(c.rows[2][ti], TITLE_A);
	ck_assert_str_eq(c.rows[1][fi], "noord/jw-3.2-1-uitvoering/rvt-noord");
	ck_assert_str_eq(c.rows[1][tx], TEXT_32);
	ck_assert_str_eq(c.rows[1][ir], "ja");
	ck_assert_str_eq(c.rows[1][li], "1");
	ck_assert_str_eq(c.rows[1][ac], "rvt-noord");
	/* the second provision is absent and general knowledge */
	ck_assert_str_eq(c.rows[2][bw], "BWBR0002656");
	ck_assert_str_eq(c.rows[2][ir], "nee");
	ck_assert_str_eq(c.rows[2][tx], "");
	ck_assert_str_eq(c.rows[2][zk], "GK");
	ck_assert(t_contains(c.rows[2][csv_col(&c, "opmerking")],
	                     "niet in het register: " MISSING));
	/* the risk, with a two-line text and no lid */
	ck_assert_str_eq(c.rows[3][csv_col(&c, "soort")], "risico");
	ck_assert_str_eq(c.rows[3][tx], "Tekst over \"toestemming\", en\n"
	                                "een tweede regel.");
	ck_assert_str_eq(c.rows[3][li], "");
	ck_assert_str_eq(c.rows[4][st], "aanvaard");
	ck_assert_str_eq(c.rows[5][st], "open");
	/* the provenance: the law version of a row's text, and on every row
	 * when and with what (no rule directory here: no rule set hash) */
	ck_assert_str_eq(c.rows[1][csv_col(&c, "versie")], "2026-01-01");
	ck_assert_str_eq(c.rows[1][csv_col(&c, "versie_sha256")], "6af179e3");
	ck_assert_str_eq(c.rows[2][csv_col(&c, "versie")], "");
	ck_assert_str_eq(c.rows[2][csv_col(&c, "versie_sha256")], "");
	for (i = 1; i < c.nrows; i++) {
		ck_assert_str_eq(c.rows[i][csv_col(&c, "gemaakt")],
		                 "2026-07-01T10:00:00Z");
		ck_assert_str_eq(c.rows[i][csv_col(&c, "proeftoets")],
		                 PACKAGE_VERSION);
		ck_assert_str_eq(c.rows[i][csv_col(&c, "regels_sha256")], "");
	}
	csv_free(&c);
	free(s);

	/* a finding without provisions still has a row */
	x->f[3].nprovisions = 0;
	s = render(x, "csv");
	csv_parse(s, &c);
	ck_assert(!c.bad);
	ck_assert_uint_eq(c.nrows, 6);
	ck_assert_str_eq(c.rows[5][fi], "noord/bw-255-2-verzoek/rvt-noord");
	ck_assert_str_eq(c.rows[5][bw], "");
	ck_assert_uint_eq(c.ncols[5], 28);
	csv_free(&c);
	free(s);
	fixture_free(x);
}
END_TEST

/* A part of a lid: the opening words, the item with what is nested in it,
 * and "(...)" where items are left out. */
START_TEST(test_report_cite_part)
{
	const char *lid = "2. Veilig Thuis oefent de volgende taken uit:\n"
	                  "  a. meldpunt;\n"
	                  "  b. onderzoek:\n"
	                  "    1\xc2\xb0 eerst;\n"
	                  "    2\xc2\xb0 dan;\n"
	                  "  c. laatste.";
	char *s;

	s = cite_part_text(lid, "a");
	ck_assert_str_eq(s, "2. Veilig Thuis oefent de volgende taken uit:\n"
	                    "  a. meldpunt;\n  (...)");
	free(s);
	s = cite_part_text(lid, "b");
	ck_assert_str_eq(s, "2. Veilig Thuis oefent de volgende taken uit:\n"
	                    "  (...)\n  b. onderzoek:\n    1\xc2\xb0 eerst;\n"
	                    "    2\xc2\xb0 dan;\n  (...)");
	free(s);
	s = cite_part_text(lid, "c");
	ck_assert_str_eq(s, "2. Veilig Thuis oefent de volgende taken uit:\n"
	                    "  (...)\n  c. laatste.");
	free(s);
	/* not an item of the lid's own list, or no list at all */
	ck_assert_ptr_null(cite_part_text(lid, "d"));
	ck_assert_ptr_null(cite_part_text(lid, "1\xc2\xb0"));
	ck_assert_ptr_null(cite_part_text("1. Een zin.", "a"));
}
END_TEST

START_TEST(test_report_json)
{
	struct fixture *x = fixture_new();
	char *s, *o;
	const char *p;

	s = render(x, "json");
	ck_assert_msg(json_valid(s), "invalid JSON:\n%s", s);
	ck_assert(s[0] == '{');
	ck_assert(t_contains(s, "\n  \"proeftuin\": \"noord\",\n"));
	ck_assert(t_contains(s, "\n  \"peildatum\": \"2026-01-01\",\n"));
	ck_assert(t_contains(s, "\n  \"findings\": [\n"));
	ck_assert(t_contains(s, "\"id\": \"noord/jw-3.2-1-uitvoering/"
	                        "rvt-noord\""));
	ck_assert(t_contains(s, "\"kind\": \"barrier\""));
	ck_assert(t_contains(s, "\"kind\": \"risk\""));
	ck_assert(t_contains(s, "\"rule\": \"jw-3.2-1-uitvoering\""));
	ck_assert(t_contains(s, "\"severity\": \"blocking\""));
	ck_assert(t_contains(s, "\"severity\": \"high\""));
	ck_assert(t_contains(
	    s,
	    "\"title\": \"Alleen een GI mag een OTS "
	    "uitvoeren, \\\"uitsluitend\\\"\\nook <script>alert(\\\"x\\\")"));
	ck_assert(t_contains(s, "\"actors\": [\n"));
	ck_assert(t_contains(s, "\"tasks\": [\n"));
	ck_assert(t_contains(s, "\"provisions\": [\n"));
	ck_assert(t_contains(s, "\"bwb\": \"BWBR0034925\""));
	ck_assert(t_contains(s, "\"artikel\": \"3.2\""));
	ck_assert(t_contains(s, "\"lid\": \"1\""));
	ck_assert(t_contains(s, "\"text\": \"" TEXT_32 "\""));
	ck_assert(t_contains(s, "\"in_registry\": true"));
	ck_assert(t_contains(s, "\"amendment\": {\n"));
	ck_assert(t_contains(s, "\"level\": \"amvb\""));
	ck_assert(t_contains(s, "\"level\": \"wet\""));
	ck_assert(t_contains(s, "\"review\": {\n"));
	ck_assert(t_contains(s, "\"status\": \"open\""));
	ck_assert(t_contains(s, "\"status\": \"aanvaard\",\n"));
	ck_assert(t_contains(s, "\"note\": \"besproken in denktank"));
	ck_assert(t_contains(s, "\"zekerheid\": \"GK\""));

	/* the absent provision: text null, in_registry false, why */
	p = strstr(s, "\"artikel\": \"262\"");
	ck_assert_ptr_nonnull(p);
	o = json_enclosing(s, p);
	ck_assert(t_contains(o, "\"text\": null"));
	ck_assert(t_contains(o, "\"in_registry\": false"));
	ck_assert(t_contains(o, "\"missing\": \"" MISSING "\""));
	ck_assert(t_contains(o, "\"verified\": false"));
	free(o);
	/* lid is left out, not null, when the rule names none */
	p = strstr(s, "\"artikel\": \"7.3.11\"");
	ck_assert_ptr_nonnull(p);
	o = json_enclosing(s, p);
	ck_assert(!t_contains(o, "\"lid\""));
	ck_assert(t_contains(o, "\"stale\": true"));
	ck_assert(t_contains(o, "\"date_unknown\": true"));
	free(o);
	/* one review without a note has no note member */
	p = strstr(s, "\"status\": \"open\"");
	o = json_enclosing(s, p);
	ck_assert(!t_contains(o, "\"note\""));
	free(o);
	ck_assert(t_contains(s, "\"barriers\": 3"));
	ck_assert(t_contains(s, "\"verdict\": \"De wet blokkeert dit ontwerp "
	                        "op 3 punten\""));
	ck_assert(t_contains(s, "\"reason\": \"een wijkteam mag namens het "
	                        "college jeugdhulp bieden\""));
	ck_assert(t_contains(s, "\"peildatum_given\": true"));
	free(s);

	x->d.peildatum_given = 0;
	s = render(x, "json");
	ck_assert(json_valid(s));
	ck_assert(t_contains(s, "\"peildatum_given\": false"));
	free(s);
	fixture_free(x);
}
END_TEST

START_TEST(test_report_several)
{
	struct fixture *x = fixture_new(), *y = fixture_new();
	struct check_result *res[2];
	struct pt_buf b = PT_BUF_INIT;
	struct csv c;

	y->d.id = S(y, "zuid");
	y->r.findings = NULL;
	y->r.nfindings = 0;
	y->r.nbarriers = 0;
	y->r.nrisks = 0;
	res[0] = &x->r;
	res[1] = &y->r;

	t_report(&b, "json", res, 2);
	ck_assert(json_valid(b.s));
	ck_assert(b.s[0] == '[');
	ck_assert(t_contains(b.s, "\"proeftuin\": \"noord\""));
	ck_assert(t_contains(b.s, "\"proeftuin\": \"zuid\""));
	ck_assert(t_contains(b.s, "\"verdict\": \"Geen juridische "
	                          "belemmeringen gevonden\""));
	pt_buf_reset(&b);

	t_report(&b, "json", res, 0);
	ck_assert(json_valid(b.s));
	ck_assert_str_eq(b.s, "[]\n");
	pt_buf_reset(&b);

	t_report(&b, "csv", res, 2);
	csv_parse(b.s, &c);
	ck_assert(!c.bad);
	ck_assert_uint_eq(c.nrows, 6); /* one header, zuid has no findings */
	csv_free(&c);
	pt_buf_reset(&b);

	t_report(&b, "html", res, 2);
	ck_assert_int_eq(count(b.s, "<!DOCTYPE html>"), 1);
	ck_assert_int_eq(count(b.s, "<section class=\"proeftuin\""), 2);
	ck_assert(t_contains(b.s, "Geen juridische belemmeringen gevonden"));
	pt_buf_reset(&b);

	t_report(&b, "text", res, 2);
	ck_assert(t_contains(b.s, "(noord)"));
	ck_assert(t_contains(b.s, "(zuid)"));
	ck_assert(t_contains(b.s, "Geen juridische belemmeringen gevonden"));
	pt_buf_reset(&b);

	t_report(&b, "markdown", res, 2);
	ck_assert_int_eq(count(b.s, "\n## Samenvatting\n"), 2);
	/* one title block, naming the number of designs; the peildatum and
	 * the laws are each design's own */
	ck_assert(
	    strncmp(b.s, "---\ntitle: 'Proeftoets: 2 proeftuinen'\n", 39) == 0);
	ck_assert_int_eq(count(b.s, "\n...\n"), 1);
	ck_assert(!t_contains(b.s, "\npeildatum: '"));
	ck_assert(t_contains(b.s, "\nregels: '"));
	pt_buf_release(&b);
	fixture_free(x);
	fixture_free(y);
}
END_TEST

START_TEST(test_report_deterministic)
{
	struct fixture *x = fixture_new(), *y = fixture_new();
	char *a, *b;
	const struct format *f;

	for (f = formats; f->name != NULL; f++) {
		if (!format_carries(f, FORMAT_REPORT))
			continue;
		a = render(x, f->name);
		b = render(y, f->name);
		ck_assert_msg(strcmp(a, b) == 0, "format %s differs", f->name);
		free(a);
		free(b);
	}
	fixture_free(x);
	fixture_free(y);
}
END_TEST

START_TEST(test_report_no_registry)
{
	struct fixture *x = fixture_new();
	char *s;
	size_t i;

	/* every provision absent: no text anywhere, each says so */
	x->r.registry = NULL;
	for (i = 0; i < 5; i++) {
		x->fp[i].in_registry = 0;
		x->fp[i].text = NULL;
		x->fp[i].missing = NULL;
		x->fp[i].date_unknown =
		    1; /* of a version nothing is cited from */
	}
	s = render(x, "text");
	ck_assert(!t_contains(s, "geciteerde versie"));
	ck_assert(!t_contains(s, "Een kinderbeschermingsmaatregel"));
	ck_assert_int_eq(count(s, "niet in het register"), 5);
	ck_assert(t_contains(s, "geen register gebruikt"));
	free(s);
	s = render(x, "json");
	ck_assert(!t_contains(s, "Een kinderbeschermingsmaatregel"));
	ck_assert(!t_contains(s, "toestemming"));
	ck_assert_int_eq(count(s, "\"in_registry\": false"), 5);
	ck_assert_int_eq(count(s, "\"in_registry\": true"), 0);
	free(s);
	fixture_free(x);
}
END_TEST

/* The time of a report in Europe/Amsterdam, across both changes of the
 * clock, and the rule set's hash as sha256sum computes it. */
START_TEST(test_report_provenance)
{
	static const struct {
		long long t;
		const char *utc, *ams, *nl;
	} rows[] = {
	    /* 2026-03-29 00:59:59 UTC: still winter time */
	    {1774745999, "2026-03-29T00:59:59Z", "2026-03-29T01:59:59+01:00",
	     "29 maart 2026, 01:59"},
	    /* 01:00 UTC: summer time */
	    {1774746000, "2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00",
	     "29 maart 2026, 03:00"},
	    /* 2026-10-25 00:59:59 UTC: still summer time */
	    {1792889999, "2026-10-25T00:59:59Z", "2026-10-25T02:59:59+02:00",
	     "25 oktober 2026, 02:59"},
	    {1792890000, "2026-10-25T01:00:00Z", "2026-10-25T02:00:00+01:00",
	     "25 oktober 2026, 02:00"},
	    /* a leap day, winter */
	    {1709208000, "2024-02-29T12:00:00Z", "2024-02-29T13:00:00+01:00",
	     "29 februari 2024, 13:00"},
	};
	struct pt_err e = PT_ERR_INIT;
	struct ruleset *rs;
	char utc[32], ams[32], nl[48], *dir, *rules, *listing;
	size_t i;
	time_t t;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		provenance_utc((time_t)rows[i].t, utc);
		provenance_amsterdam((time_t)rows[i].t, ams);
		provenance_amsterdam_nl((time_t)rows[i].t, nl);
		ck_assert_str_eq(utc, rows[i].utc);
		ck_assert_str_eq(ams, rows[i].ams);
		ck_assert_str_eq(nl, rows[i].nl);
	}
	setenv("SOURCE_DATE_EPOCH", "1782900000", 1);
	ck_assert_int_eq(provenance_time(&t, &e), PT_OK);
	ck_assert(t == 1782900000);
	setenv("SOURCE_DATE_EPOCH", "1e9", 1);
	ck_assert_int_eq(provenance_time(&t, &e), PT_EUSAGE);
	setenv("SOURCE_DATE_EPOCH", "1782900000", 1);

	/* Two rule files: the hash is that of sha256sum's listing. */
	dir = t_tmpdir();
	rules = t_src("rules/huisverbod.xml");
	listing = t_read(rules, NULL);
	free(t_write(dir, "a.xml", listing, strlen(listing)));
	free(t_write(dir, "b.xml", listing, strlen(listing)));
	pt_err_clear(&e);
	/* the same rules twice would clash: b.xml gets other ids */
	{
		char *p = xasprintf("%s/b.xml", dir), *c = t_read(p, NULL), *q;

		while ((q = strstr(c, "wth-2-huisverbod")) != NULL)
			q[0] = 'x';
		free(t_write(dir, "b.xml", c, strlen(c)));
		free(c);
		free(p);
	}
	ck_assert_int_eq(rules_load_dir(dir, &rs, &e), PT_OK);
	ck_assert_uint_eq(rs->nfiles, 2);
	{
		struct pt_buf b = PT_BUF_INIT;
		char h[DIGEST_SHA256_HEX], want[DIGEST_SHA256_HEX];
		const char *names[] = {"a.xml", "b.xml"};
		size_t k;

		for (k = 0; k < 2; k++) {
			char *p = xasprintf("%s/%s", dir, names[k]);

			ck_assert_int_eq(digest_sha256_file(p, h, NULL, &e),
			                 PT_OK);
			pt_buf_addf(&b, "%s  %s\n", h, names[k]);
			free(p);
		}
		digest_sha256_mem(b.s, b.len, want);
		ck_assert_str_eq(rs->sha256, want);
		pt_buf_release(&b);
	}
	rules_free(rs);
	free(listing);
	free(rules);
	t_tmpdir_cleanup(dir);
	free(dir);
}
END_TEST

Suite *
suite_report(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_report_format_parse);
	tcase_add_test(tc, test_report_cite);
	tcase_add_test(tc, test_report_cite_part);
	tcase_add_test(tc, test_report_labels);
	tcase_add_test(tc, test_report_verdict);
	tcase_add_test(tc, test_report_escape);
	tcase_add_test(tc, test_report_csv_dialect);
	tcase_add_test(tc, test_report_groups);
	tcase_add_test(tc, test_report_text);
	tcase_add_test(tc, test_report_markdown);
	tcase_add_test(tc, test_report_html);
	tcase_add_test(tc, test_report_csv);
	tcase_add_test(tc, test_report_json);
	tcase_add_test(tc, test_report_several);
	tcase_add_test(tc, test_report_deterministic);
	tcase_add_test(tc, test_report_no_registry);
	tcase_add_test(tc, test_report_provenance);
	suite_add_tcase(s, tc);
	return s;
}
