/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_markdown.c: the report as Markdown (CommonMark), to paste into a
 * memo: headings, bulleted fields, law text as block quotes.
 *
 * Text from the input is escaped so that it shows as written: characters
 * with a meaning in Markdown or HTML get a backslash, line breaks inside a
 * field become spaces (inside a block quote they continue the quote), and
 * other control characters become spaces.  Ids go in code spans.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "provenance.h"
#include "report.h"

/* Escaped inline text; a newline is replaced by `nl` (NULL: a space). */
static void
md_text(struct pt_buf *b, const char *s, const char *nl)
{
	int bol = 1; /* at the start of a line of the quote */
	unsigned char c;

	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c == '\n') {
			pt_buf_adds(b, nl != NULL ? nl : " ");
			bol = nl != NULL;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			pt_buf_addc(b, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>&#|~", c) != NULL)
			pt_buf_addc(b, '\\');
		else if (bol && (c == '-' || c == '+' || c == '='))
			pt_buf_addc(b, '\\');
		else if (bol && c >= '0' && c <= '9') {
			/* "1. " at the start of a line would start a list */
			const char *e = s;

			while (*e >= '0' && *e <= '9')
				e++;
			if (*e == '.' || *e == ')') {
				pt_buf_add(b, s, (size_t)(e - s));
				pt_buf_addc(b, '\\');
				s = e;
				c = (unsigned char)*s;
			}
		}
		pt_buf_addc(b, (char)c);
		if (c != ' ')
			bol = 0;
	}
}

/* A code span, or escaped text when s holds a backtick. */
static void
md_code(struct pt_buf *b, const char *s)
{
	if (s == NULL)
		return;
	if (strchr(s, '`') != NULL || strchr(s, '\n') != NULL) {
		md_text(b, s, NULL);
		return;
	}
	pt_buf_addc(b, '`');
	pt_buf_adds(b, s);
	pt_buf_addc(b, '`');
}

/* A link to the law, shown only for http(s) addresses. */
static void
md_link(struct pt_buf *b, const char *url)
{
	const char *p;

	if (url == NULL)
		return;
	if (strncmp(url, "https://", 8) != 0 &&
	    strncmp(url, "http://", 7) != 0) {
		md_code(b, url);
		return;
	}
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' ||
		    *p == '`')
			break;
	if (*p != '\0') {
		md_code(b, url);
		return;
	}
	pt_buf_addf(b, "<%s>", url);
}

/* "- **Label:** value\n" with indentation. */
static void
item(struct pt_buf *b, const char *indent, const char *label, const char *v)
{
	pt_buf_addf(b, "%s- **%s:** ", indent, label);
	md_text(b, v, NULL);
	pt_buf_addc(b, '\n');
}

static void
ids_item(struct pt_buf *b, const char *indent, const char *label,
         const struct design *d, char **ids, size_t n, int tasks)
{
	char *s;
	size_t i;

	pt_buf_addf(b, "%s- **%s:** ", indent, label);
	if (n == 0)
		pt_buf_adds(b, "\\-");
	for (i = 0; i < n; i++) {
		s = tasks ? report_task_label(ids[i])
		          : report_actor_label(d, ids[i]);
		if (i > 0)
			pt_buf_adds(b, "; ");
		md_text(b, s, NULL);
		free(s);
	}
	pt_buf_addc(b, '\n');
}

static void
provision(struct pt_buf *b, const struct finding_provision *p)
{
	char *cite, *notes;

	cite = cite_provision(p);
	pt_buf_adds(b, "- **");
	md_text(b, cite, NULL);
	pt_buf_adds(b, "**");
	free(cite);
	if (p->rp != NULL) {
		pt_buf_adds(b, " \xe2\x80\x94 ");
		md_text(b, report_zekerheid_label(p->rp->zekerheid), NULL);
	}
	pt_buf_adds(b, "\n\n");
	if (p->in_registry && p->text != NULL) {
		pt_buf_adds(b, "  > ");
		md_text(b, p->text, "\n  > ");
		pt_buf_adds(b, "\n\n");
	}
	notes = report_provision_notes(p);
	if (*notes != '\0') {
		pt_buf_adds(b, "  *Let op:* ");
		md_text(b, notes, "; ");
		pt_buf_adds(b, "\n\n");
	}
	free(notes);
	pt_buf_adds(b, "  Juriconnect: ");
	if (p->jci != NULL)
		md_code(b, p->jci);
	else
		pt_buf_adds(b, "\\-");
	if (p->in_registry && p->text != NULL) {
		if (p->date_unknown)
			pt_buf_adds(b, "; versie met onbekende datum");
		else if (p->version_date != NULL) {
			pt_buf_adds(b, "; tekst geldend vanaf ");
			md_text(b, p->version_date, NULL);
		}
	}
	if (p->url != NULL) {
		pt_buf_adds(b, "; ");
		md_link(b, p->url);
	}
	pt_buf_adds(b, "\n\n");
}

static void
provisions(struct pt_buf *b, const struct finding *f)
{
	size_t i;

	if (f->nprovisions == 0) {
		pt_buf_adds(b, "Bepalingen: geen.\n\n");
		return;
	}
	pt_buf_adds(b, "Bepalingen:\n\n");
	for (i = 0; i < f->nprovisions; i++)
		provision(b, &f->provisions[i]);
}

/* Sources outside the registry, each with its verification mark. */
static void
sources(struct pt_buf *b, const struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;

	if (r->nsources == 0)
		return;
	pt_buf_adds(b, "Overige bronnen (niet in het register):\n\n");
	for (i = 0; i < r->nsources; i++) {
		pt_buf_adds(b, "- ");
		md_text(b, r->sources[i].text, " ");
		pt_buf_adds(b, " (");
		md_text(b, report_zekerheid_label(r->sources[i].zekerheid),
		        NULL);
		pt_buf_adds(b, ")");
		if (r->sources[i].url != NULL) {
			pt_buf_adds(b, " ");
			md_link(b, r->sources[i].url);
		}
		pt_buf_adds(b, "\n");
	}
	pt_buf_adds(b, "\n");
}

static void
finding_head(struct pt_buf *b, const struct design *d, const struct finding *f)
{
	const struct rule *r = f->rule;

	pt_buf_adds(b, "- **Bevinding:** ");
	md_code(b, f->id);
	pt_buf_adds(b, "\n- **Regel:** ");
	md_code(b, r->id);
	if (r->analyse != NULL) {
		pt_buf_adds(b, " (analyse ");
		md_text(b, r->analyse, NULL);
		pt_buf_addc(b, ')');
	}
	pt_buf_addc(b, '\n');
	ids_item(b, "", "Actoren", d, f->actors, f->nactors, 0);
	ids_item(b, "", "Taken", d, f->tasks, f->ntasks, 1);
	if (f->trigger != NULL)
		item(b, "", "Aanleiding", f->trigger);
	if (r->toelichting != NULL)
		item(b, "", "Toelichting", r->toelichting);
}

static void
finding_tail(struct pt_buf *b, const struct finding *f)
{
	if (f->unverified)
		item(b, "", "Let op",
		     "deze bevinding steunt mede op een bron "
		     "die niet is geverifieerd");
	item(b, "", "Beoordeling", report_review_label(f));
	if (f->review_note != NULL && *f->review_note != '\0')
		item(b, "  ", "Toelichting beoordeling", f->review_note);
	pt_buf_addc(b, '\n');
	provisions(b, f);
	sources(b, f);
}

static void
barrier(struct pt_buf *b, const char *h, const struct design *d,
        const struct finding *f, const struct report_group *g, size_t gi,
        size_t fi)
{
	const struct rule *r = f->rule;
	size_t i;

	pt_buf_addf(b, "%s %zu.%zu ", h, gi, fi);
	md_text(b, r->titel, NULL);
	pt_buf_adds(b, "\n\n");
	finding_head(b, d, f);
	item(b, "", "Wijziging",
	     f->wijziging != NULL ? f->wijziging : "(niet beschreven)");
	if (f->level != g->level)
		item(b, "", "Niveau", vocab_level_label(f->level));
	if (f->nroutes == 0)
		item(b, "", "Zonder wetswijziging", "geen route bekend");
	else {
		pt_buf_adds(b, "- **Zonder wetswijziging:**\n");
		for (i = 0; i < f->nroutes; i++) {
			pt_buf_adds(b, "  - *");
			md_text(b,
			        f->routes[i]->soort != NULL
			            ? f->routes[i]->soort
			            : "route",
			        NULL);
			pt_buf_adds(b, ":* ");
			md_text(b, f->routes[i]->text, NULL);
			pt_buf_addc(b, '\n');
		}
	}
	finding_tail(b, f);
}

static void
risk(struct pt_buf *b, const struct design *d, const struct finding *f,
     size_t ri)
{
	const struct rule *r = f->rule;

	pt_buf_addf(b, "### R%zu ", ri);
	md_text(b, r->titel, NULL);
	pt_buf_adds(b, "\n\n");
	item(b, "", "Ernst", report_severity_label(f->severity));
	item(b, "", "Norm", r->norm != NULL ? r->norm : "(niet beschreven)");
	finding_head(b, d, f);
	finding_tail(b, f);
}

static void
one(struct pt_buf *b, const struct check_result *r)
{
	const struct design *d = r->design;
	const struct design_taak *t;
	struct report_group *g;
	char *s;
	size_t ng, i, k;

	pt_buf_adds(b, "# Proeftoets: ");
	md_text(b, d->naam != NULL ? d->naam : d->id, NULL);
	pt_buf_adds(b, "\n\n## Samenvatting\n\n- **Proeftuin:** ");
	if (d->naam != NULL) {
		md_text(b, d->naam, NULL);
		pt_buf_addc(b, ' ');
	}
	md_code(b, d->id);
	pt_buf_addc(b, '\n');
	if (d->omschrijving != NULL)
		item(b, "", "Omschrijving", d->omschrijving);
	if (d->ngemeenten > 0) {
		pt_buf_adds(b, "- **Gemeenten:** ");
		for (i = 0; i < d->ngemeenten; i++) {
			if (i > 0)
				pt_buf_adds(b, ", ");
			md_text(b, d->gemeenten[i], NULL);
		}
		pt_buf_addc(b, '\n');
	}
	s = report_peildatum(d);
	item(b, "", "Peildatum", s);
	free(s);
	item(b, "", "Register", report_registry(r));
	s = report_made(r);
	item(b, "", "Gemaakt", s);
	free(s);
	s = report_rules_made(r);
	item(b, "", "Regels", s);
	free(s);
	s = report_laws_made(r);
	item(b, "", "Wetten", s);
	free(s);
	pt_buf_addf(b, "- **Belemmeringen:** %zu\n", r->nbarriers);
	pt_buf_addf(b, "- **Risico's:** %zu\n", r->nrisks);
	s = report_verdict(r);
	item(b, "", "Oordeel", s);
	free(s);

	pt_buf_adds(b, "\n## Belemmeringen, per benodigde wijziging\n\n");
	report_groups(r, &g, &ng);
	if (ng == 0)
		pt_buf_adds(b, "Geen.\n\n");
	for (i = 0; i < ng; i++) {
		pt_buf_addf(b, "### %zu. ", i + 1);
		if (g[i].key != NULL) {
			s = cite_provision(g[i].key);
			pt_buf_adds(b, "Wijziging van ");
			md_text(b, s, NULL);
			free(s);
		} else
			pt_buf_adds(b, "Zonder aangehaalde bepaling");
		pt_buf_adds(b, "\n\nLaagste niveau: **");
		md_text(b, vocab_level_label(g[i].level), NULL);
		pt_buf_adds(b, "**\n\n");
		for (k = 0; k < g[i].nfindings; k++)
			barrier(b, "####", d, g[i].findings[k], &g[i], i + 1,
			        k + 1);
	}
	report_groups_free(g, ng);

	pt_buf_adds(b, "## Risico's voor de rechtsbescherming\n\n");
	for (i = 0, k = 0; i < r->nfindings; i++)
		if (r->findings[i].rule->kind == RULE_RISK)
			risk(b, d, &r->findings[i], ++k);
	if (k == 0)
		pt_buf_adds(b, "Geen.\n\n");

	pt_buf_adds(b, "## Wat in orde is\n\n");
	if (r->nok == 0)
		pt_buf_adds(b, "Geen toewijzingen zonder bevinding.\n");
	for (i = 0; i < r->nok; i++) {
		if (r->ok[i].taak >= d->ntaken)
			continue;
		t = &d->taken[r->ok[i].taak];
		pt_buf_adds(b, "- **");
		s = report_task_label(t->id);
		md_text(b, s, NULL);
		free(s);
		pt_buf_adds(b, "** \xe2\x80\x94 ");
		s = t->actor < d->nactors
		        ? report_actor_label(d, d->actors[t->actor].id)
		        : xstrdup("?");
		md_text(b, s, NULL);
		free(s);
		pt_buf_adds(b, ": ");
		md_text(b, r->ok[i].reason, NULL);
		pt_buf_addc(b, '\n');
	}
}

/* key: 'value' in YAML: a single-quoted scalar, so that only ' needs
 * doubling; pandoc reads the value as Markdown, hence md_text(). */
static void
yaml_item(struct pt_buf *b, const char *key, const char *value)
{
	struct pt_buf v = PT_BUF_INIT;
	const char *s;

	md_text(&v, value, NULL);
	pt_buf_addf(b, "%s: '", key);
	for (s = v.s != NULL ? v.s : ""; *s != '\0'; s++) {
		if (*s == '\'')
			pt_buf_addc(b, '\'');
		pt_buf_addc(b, *s);
	}
	pt_buf_adds(b, "'\n");
	pt_buf_release(&v);
}

/*
 * The title block pandoc reads (a YAML metadata block), so that "pandoc
 * -o memo.docx" gives a document with a title, a date and the
 * provenance.  Of several designs the first names the report; the
 * peildatum and the laws are each design's own and stay in its summary.
 */
static void
front_matter(struct pt_buf *b, const struct check_result *r, size_t n)
{
	const struct design *d = r->design;
	char t[48], *s;

	pt_buf_adds(b, "---\n");
	if (n == 1) {
		s = xasprintf("Proeftoets: %s",
		              d->naam != NULL ? d->naam : d->id);
		yaml_item(b, "title", s);
		free(s);
	} else {
		s = xasprintf("Proeftoets: %zu proeftuinen", n);
		yaml_item(b, "title", s);
		free(s);
	}
	provenance_amsterdam_nl(r->generated, t);
	yaml_item(b, "date", t);
	pt_buf_adds(b, "lang: nl\n");
	s = report_made(r);
	yaml_item(b, "gemaakt", s);
	free(s);
	s = report_rules_made(r);
	yaml_item(b, "regels", s);
	free(s);
	if (n == 1) {
		s = report_peildatum(d);
		yaml_item(b, "peildatum", s);
		free(s);
		s = report_laws_made(r);
		yaml_item(b, "wetten", s);
		free(s);
	}
	pt_buf_adds(b, "...\n\n");
}

void
report_markdown_part(struct pt_buf *out, const struct check_result *r, size_t i,
                     size_t n)
{
	if (r == NULL)
		return;
	if (i == 0)
		front_matter(out, r, n);
	else
		pt_buf_adds(out, "\n---\n\n");
	one(out, r);
}

void
report_md_text(struct pt_buf *b, const char *s)
{
	md_text(b, s, NULL);
}

void
report_md_code(struct pt_buf *b, const char *s)
{
	md_code(b, s);
}

void
report_md_provision(struct pt_buf *b, const struct finding_provision *p)
{
	provision(b, p);
}
