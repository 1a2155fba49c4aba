/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_text.c: the report as plain text for a terminal.
 *
 * No colours and no markup: headings are underlined, fields are "Label:
 * value" with the value wrapped at about 78 columns, law text is indented.
 * Control characters from the input are shown as spaces so a design or a
 * law text cannot drive the terminal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

#define WIDTH  78
#define LABELW 15 /* width of the field labels, "Belemmeringen: " */

/* Display width of s (UTF-8 continuation bytes do not count). */
static size_t
width(const char *s, size_t len)
{
	size_t i, w = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

static void
spaces(struct pt_buf *b, size_t n)
{
	while (n-- > 0)
		pt_buf_addc(b, ' ');
}

static void
add_word(struct pt_buf *b, const char *s, size_t len)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		pt_buf_addc(b, c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
}

/*
 * Append s word-wrapped.  The current line already holds `col` columns;
 * continuation lines are indented by `indent`.  Newlines in s start a new
 * line.  Ends with a newline.
 */
static void
wrap(struct pt_buf *b, size_t col, size_t indent, const char *s)
{
	const char *w;
	size_t len, ww;
	int first = 1; /* nothing written on this line yet */

	if (s == NULL)
		s = "";
	while (*s != '\0') {
		if (*s == '\n') {
			pt_buf_addc(b, '\n');
			spaces(b, indent);
			col = indent;
			first = 1;
			s++;
			continue;
		}
		if (*s == ' ' || *s == '\t' || *s == '\r') {
			s++;
			continue;
		}
		w = s;
		while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\r' &&
		       *s != '\n')
			s++;
		len = (size_t)(s - w);
		ww = width(w, len);
		if (!first && col + 1 + ww > WIDTH) {
			pt_buf_addc(b, '\n');
			spaces(b, indent);
			col = indent;
			first = 1;
		}
		if (!first) {
			pt_buf_addc(b, ' ');
			col++;
		}
		add_word(b, w, len);
		col += ww;
		first = 0;
	}
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	pt_buf_addc(b, '\n');
}

/* "Label:" padded, then the wrapped value. */
static void
field(struct pt_buf *b, size_t indent, const char *label, const char *value)
{
	size_t lw;

	spaces(b, indent);
	pt_buf_adds(b, label);
	pt_buf_addc(b, ':');
	lw = width(label, strlen(label)) + 1;
	if (lw < LABELW) {
		spaces(b, LABELW - lw);
		lw = LABELW;
	} else {
		pt_buf_addc(b, ' ');
		lw++;
	}
	wrap(b, indent + lw, indent + LABELW, value);
}

static void
heading(struct pt_buf *b, const char *s, char underline)
{
	size_t w = width(s, strlen(s));

	add_word(b, s, strlen(s));
	pt_buf_addc(b, '\n');
	while (w-- > 0)
		pt_buf_addc(b, underline);
	pt_buf_adds(b, "\n\n");
}

static void
ids_field(struct pt_buf *b, size_t indent, const char *label,
          const struct design *d, char **ids, size_t n, int tasks)
{
	struct pt_buf v = PT_BUF_INIT;
	char *s;
	size_t i;

	for (i = 0; i < n; i++) {
		s = tasks ? report_task_label(ids[i])
		          : report_actor_label(d, ids[i]);
		if (i > 0)
			pt_buf_adds(&v, "; ");
		pt_buf_adds(&v, s);
		free(s);
	}
	field(b, indent, label, n > 0 ? v.s : "-");
	pt_buf_release(&v);
}

static void
provision(struct pt_buf *b, size_t indent, const struct finding_provision *p)
{
	char *cite, *notes, *s, *nl;

	cite = cite_provision(p);
	spaces(b, indent);
	pt_buf_adds(b, "* ");
	wrap(b, indent + 2, indent + 2, cite);
	indent += 2;
	if (p->rp != NULL)
		field(b, indent, "Zekerheid",
		      report_zekerheid_label(p->rp->zekerheid));
	if (p->in_registry && p->text != NULL) {
		if (p->date_unknown)
			s = xstrdup("Tekst (versie met onbekende datum)");
		else if (p->version_date != NULL)
			s = xasprintf("Tekst (geldend vanaf %s)",
			              p->version_date);
		else
			s = xstrdup("Tekst");
		spaces(b, indent);
		pt_buf_addf(b, "%s:\n", s);
		free(s);
		spaces(b, indent + 4);
		wrap(b, indent + 4, indent + 4, p->text);
	}
	notes = report_provision_notes(p);
	for (s = notes; *s != '\0'; s = nl) {
		if ((nl = strchr(s, '\n')) != NULL)
			*nl++ = '\0';
		else
			nl = s + strlen(s);
		field(b, indent, "Let op", s);
	}
	free(notes);
	field(b, indent, "Juriconnect", p->jci != NULL ? p->jci : "-");
	if (p->url != NULL)
		field(b, indent, "Link", p->url);
	free(cite);
}

static void
provisions(struct pt_buf *b, size_t indent, const struct finding *f)
{
	size_t i;

	spaces(b, indent);
	if (f->nprovisions == 0) {
		pt_buf_adds(b, "Bepalingen:   geen\n");
		return;
	}
	pt_buf_adds(b, "Bepalingen:\n");
	for (i = 0; i < f->nprovisions; i++)
		provision(b, indent + 2, &f->provisions[i]);
}

/* Sources outside the registry, each with its verification mark. */
static void
sources(struct pt_buf *b, size_t indent, const struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;
	char *s;

	if (r->nsources == 0)
		return;
	spaces(b, indent);
	pt_buf_adds(b, "Overige bronnen (niet in het register):\n");
	for (i = 0; i < r->nsources; i++) {
		s = xasprintf("%s (%s)", r->sources[i].text,
		              report_zekerheid_label(r->sources[i].zekerheid));
		spaces(b, indent + 2);
		pt_buf_adds(b, "* ");
		wrap(b, indent + 4, indent + 4, s);
		free(s);
		if (r->sources[i].url != NULL)
			field(b, indent + 4, "Link", r->sources[i].url);
	}
}

static void
review(struct pt_buf *b, size_t indent, const struct finding *f)
{
	char *s;

	if (f->review_note != NULL && *f->review_note != '\0')
		s = xasprintf("%s (%s)", report_review_label(f),
		              f->review_note);
	else
		s = xstrdup(report_review_label(f));
	field(b, indent, "Beoordeling", s);
	free(s);
}

/* The fields every finding has. */
static void
finding_head(struct pt_buf *b, size_t indent, const struct design *d,
             const struct finding *f)
{
	const struct rule *r = f->rule;
	char *s;

	field(b, indent, "Bevinding", f->id);
	if (r->analyse != NULL)
		s = xasprintf("%s (analyse %s)", r->id, r->analyse);
	else
		s = xstrdup(r->id);
	field(b, indent, "Regel", s);
	free(s);
	ids_field(b, indent, "Actoren", d, f->actors, f->nactors, 0);
	ids_field(b, indent, "Taken", d, f->tasks, f->ntasks, 1);
	if (f->trigger != NULL)
		field(b, indent, "Aanleiding", f->trigger);
	if (r->toelichting != NULL)
		field(b, indent, "Toelichting", r->toelichting);
}

static void
barrier(struct pt_buf *b, const struct design *d, const struct finding *f,
        const struct report_group *g, size_t gi, size_t fi)
{
	const struct rule *r = f->rule;
	char *s;
	size_t i;

	s = xasprintf("%zu.%zu ", gi, fi);
	spaces(b, 2);
	pt_buf_adds(b, s);
	wrap(b, 2 + strlen(s), 2 + strlen(s), r->titel);
	free(s);
	finding_head(b, 6, d, f);
	field(b, 6, "Wijziging",
	      f->wijziging != NULL ? f->wijziging : "(niet beschreven)");
	if (f->level != g->level)
		field(b, 6, "Niveau", vocab_level_label(f->level));
	if (f->nroutes == 0)
		field(b, 6, "Zonder wetswijziging", "geen route bekend");
	else {
		spaces(b, 6);
		pt_buf_adds(b, "Zonder wetswijziging:\n");
		for (i = 0; i < f->nroutes; i++) {
			s = xasprintf("- %s: ", f->routes[i]->soort != NULL
			                            ? f->routes[i]->soort
			                            : "route");
			spaces(b, 8);
			add_word(b, s, strlen(s));
			wrap(b, 8 + width(s, strlen(s)), 10,
			     f->routes[i]->text);
			free(s);
		}
	}
	if (f->unverified)
		field(b, 6, "Let op",
		      "deze bevinding steunt mede op een "
		      "bron die niet is geverifieerd");
	review(b, 6, f);
	provisions(b, 6, f);
	sources(b, 6, f);
	pt_buf_addc(b, '\n');
}

static void
risk(struct pt_buf *b, const struct design *d, const struct finding *f,
     size_t ri)
{
	const struct rule *r = f->rule;
	char *s;

	s = xasprintf("R%zu ", ri);
	spaces(b, 2);
	pt_buf_adds(b, s);
	wrap(b, 2 + strlen(s), 2 + strlen(s), r->titel);
	free(s);
	field(b, 6, "Ernst", report_severity_label(f->severity));
	field(b, 6, "Norm", r->norm != NULL ? r->norm : "(niet beschreven)");
	finding_head(b, 6, d, f);
	if (f->unverified)
		field(b, 6, "Let op",
		      "deze bevinding steunt mede op een "
		      "bron die niet is geverifieerd");
	review(b, 6, f);
	provisions(b, 6, f);
	sources(b, 6, f);
	pt_buf_addc(b, '\n');
}

static void
one(struct pt_buf *b, const struct check_result *r)
{
	const struct design *d = r->design;
	struct report_group *g;
	struct pt_buf v = PT_BUF_INIT;
	const struct design_taak *t;
	char *s, *c;
	size_t ng, i, k;

	s = xasprintf("Proeftoets: %s (%s)", d->naam != NULL ? d->naam : d->id,
	              d->id);
	heading(b, s, '=');
	free(s);

	heading(b, "Samenvatting", '-');
	s = d->naam != NULL ? xasprintf("%s (%s)", d->naam, d->id)
	                    : xstrdup(d->id);
	field(b, 0, "Proeftuin", s);
	free(s);
	if (d->omschrijving != NULL)
		field(b, 0, "Omschrijving", d->omschrijving);
	if (d->ngemeenten > 0) {
		for (i = 0; i < d->ngemeenten; i++) {
			if (i > 0)
				pt_buf_adds(&v, ", ");
			pt_buf_adds(&v, d->gemeenten[i]);
		}
		field(b, 0, "Gemeenten", v.s);
		pt_buf_release(&v);
	}
	s = report_peildatum(d);
	field(b, 0, "Peildatum", s);
	free(s);
	field(b, 0, "Register", report_registry(r));
	s = report_made(r);
	field(b, 0, "Gemaakt", s);
	free(s);
	s = report_rules_made(r);
	field(b, 0, "Regels", s);
	free(s);
	s = report_laws_made(r);
	field(b, 0, "Wetten", s);
	free(s);
	s = xasprintf("%zu", r->nbarriers);
	field(b, 0, "Belemmeringen", s);
	free(s);
	s = xasprintf("%zu", r->nrisks);
	field(b, 0, "Risico's", s);
	free(s);
	s = report_verdict(r);
	field(b, 0, "Oordeel", s);
	free(s);
	pt_buf_addc(b, '\n');

	heading(b, "Belemmeringen, per benodigde wijziging", '-');
	report_groups(r, &g, &ng);
	if (ng == 0)
		pt_buf_adds(b, "Geen.\n\n");
	for (i = 0; i < ng; i++) {
		if (g[i].key != NULL) {
			c = cite_provision(g[i].key);
			s = xasprintf("%zu. Wijziging van %s", i + 1, c);
			free(c);
		} else
			s = xasprintf("%zu. Zonder aangehaalde bepaling",
			              i + 1);
		wrap(b, 0, 3, s);
		free(s);
		field(b, 3, "Laagste niveau", vocab_level_label(g[i].level));
		pt_buf_addc(b, '\n');
		for (k = 0; k < g[i].nfindings; k++)
			barrier(b, d, g[i].findings[k], &g[i], i + 1, k + 1);
	}
	report_groups_free(g, ng);

	heading(b, "Risico's voor de rechtsbescherming", '-');
	for (i = 0, k = 0; i < r->nfindings; i++)
		if (r->findings[i].rule->kind == RULE_RISK)
			risk(b, d, &r->findings[i], ++k);
	if (k == 0)
		pt_buf_adds(b, "Geen.\n\n");

	heading(b, "Wat in orde is", '-');
	if (r->nok == 0)
		pt_buf_adds(b, "Geen toewijzingen zonder bevinding.\n");
	for (i = 0; i < r->nok; i++) {
		if (r->ok[i].taak >= d->ntaken)
			continue;
		t = &d->taken[r->ok[i].taak];
		s = report_task_label(t->id);
		pt_buf_adds(b, "* ");
		wrap(b, 2, 2, s);
		free(s);
		s = t->actor < d->nactors
		        ? report_actor_label(d, d->actors[t->actor].id)
		        : xstrdup("?");
		field(b, 2, "Actor", s);
		free(s);
		field(b, 2, "Reden", r->ok[i].reason);
	}
}

void
report_text_part(struct pt_buf *out, const struct check_result *r, size_t i,
                 size_t n)
{
	(void)n;
	if (r == NULL)
		return;
	if (i > 0)
		pt_buf_adds(out, "\n\n");
	one(out, r);
}
