/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cite.c: how a provision is cited in Dutch.  See cite.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cite.h"

/* The citation title without surrounding white space (caller frees). */
static char *
citeertitel(const struct finding_provision *p)
{
	const char *s = p->citeertitel;
	size_t len;

	if ((s == NULL || *s == '\0') && p->rp != NULL)
		s = p->rp->citeertitel;
	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	                   s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (len == 0)
		return NULL;
	return xstrndup(s, len);
}

/* The laws the rules cite, as lawyers abbreviate them in the short
 * style; the citeertitel is used for a provision without a title. */
static const struct {
	const char *bwb, *citeertitel, *kort;
} laws[] = {
    {"BWBR0002656", "Burgerlijk Wetboek Boek 1", "BW"},
    {"BWBR0001827", "Wetboek van Burgerlijke Rechtsvordering", "Rv"},
    {"BWBR0034925", "Jeugdwet", "Jeugdwet"},
    {"BWBR0035362", "Wet maatschappelijke ondersteuning 2015", "Wmo 2015"},
    {"BWBR0024649", "Wet tijdelijk huisverbod", "Wth"},
    {"BWBR0005537", "Algemene wet bestuursrecht", "Awb"},
};

static const char *const ordinals[] = {
    "eerste",    "tweede",      "derde",      "vierde",      "vijfde",
    "zesde",     "zevende",     "achtste",    "negende",     "tiende",
    "elfde",     "twaalfde",    "dertiende",  "veertiende",  "vijftiende",
    "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste"};

const char *
cite_ordinal(const char *n)
{
	int v = 0;
	const char *s;

	if (n == NULL || *n < '1' || *n > '9')
		return NULL;
	for (s = n; *s >= '0' && *s <= '9' && v <= 20; s++)
		v = v * 10 + (*s - '0');
	if (*s != '\0' || v < 1 || v > 20)
		return NULL;
	return ordinals[v - 1];
}

int
cite_style_parse(const char *name, enum cite_style *out)
{
	if (strcmp(name, "kort") == 0)
		*out = CITE_KORT;
	else if (strcmp(name, "lang") == 0)
		*out = CITE_LANG;
	else
		return 0;
	return 1;
}

/*
 * The book of the Burgerlijk Wetboek ("1", "7A") when the title names
 * one, else NULL (caller frees).
 */
static char *
bw_book(const char *title, const char *bwb)
{
	static const char prefix[] = "Burgerlijk Wetboek Boek ";
	const char *s, *e;

	if (title == NULL)
		return bwb != NULL && strcmp(bwb, "BWBR0002656") == 0
		           ? xstrdup("1")
		           : NULL;
	if (strncmp(title, prefix, sizeof prefix - 1) != 0)
		return NULL;
	s = title + sizeof prefix - 1;
	for (e = s; (*e >= '0' && *e <= '9') || (*e >= 'A' && *e <= 'Z'); e++)
		;
	if (e == s || (*e != '\0' && *e != ',' && *e != ' '))
		return NULL;
	return xstrndup(s, (size_t)(e - s));
}

/* The short name of the law: the abbreviation of its title, else of its
 * BWB id when it has no title, else the title or the id. */
static const char *
short_name(const char *title, const char *bwb)
{
	size_t i;

	for (i = 0; i < sizeof laws / sizeof laws[0]; i++)
		if (title != NULL
		        ? strcmp(title, laws[i].citeertitel) == 0
		        : bwb != NULL && strcmp(bwb, laws[i].bwb) == 0)
			return laws[i].kort;
	return title != NULL ? title : bwb;
}

/* Whether word w (n bytes) ends in one of the nouns of list. */
static int
ends_in(const char *w, size_t n, const char *const *list, size_t nlist)
{
	size_t k, m;

	for (k = 0; k < nlist; k++)
		if (n >= (m = strlen(list[k])) &&
		    strncasecmp(w + n - m, list[k], m) == 0)
			return 1;
	return 0;
}

/* Whether a law's name takes "het": its head noun (the first word that
 * names a kind of regulation) is a het-word. */
static int
takes_het(const char *name)
{
	static const char *const het[] = {"wetboek",   "besluit", "verdrag",
	                                  "reglement", "statuut", "protocol",
	                                  "handvest"};
	static const char *const de[] = {"wet",         "regeling",
	                                 "verordening", "beschikking",
	                                 "code",        "richtlijn"};
	const char *w = name;

	while (*w != '\0') {
		size_t n = strcspn(w, " ,");

		if (ends_in(w, n, het, sizeof het / sizeof het[0]))
			return 1;
		if (ends_in(w, n, de, sizeof de / sizeof de[0]))
			return 0;
		w += n;
		w += strspn(w, " ,");
	}
	return 0;
}

/* The written-out name with its article: the title (a BW book's without
 * " Boek N"), the table's citeertitel for a title-less law it knows, else
 * the BWB id (without article). */
static void
add_long_name(struct pt_buf *b, const char *title, const char *bwb, int book)
{
	const char *name = book ? "Burgerlijk Wetboek" : title;
	size_t i;

	for (i = 0;
	     name == NULL && bwb != NULL && i < sizeof laws / sizeof laws[0];
	     i++)
		if (strcmp(bwb, laws[i].bwb) == 0)
			name = laws[i].citeertitel;
	if (name == NULL) {
		pt_buf_adds(b, bwb != NULL ? bwb : "?");
		return;
	}
	pt_buf_adds(b, takes_het(name) ? "het " : "de ");
	pt_buf_adds(b, name);
}

char *
cite_ref(const struct cite_ref *r, enum cite_style style)
{
	struct pt_buf b = PT_BUF_INIT;
	char *book = bw_book(r->title, r->bwb);
	const char *ord = cite_ordinal(r->lid);

	pt_buf_adds(&b, style == CITE_LANG ? "artikel " : "art. ");
	if (book != NULL)
		pt_buf_addf(&b, "%s:", book);
	pt_buf_adds(&b, r->artikel != NULL ? r->artikel : "?");
	if (style == CITE_LANG) {
		if (r->lid != NULL && ord != NULL)
			pt_buf_addf(&b, ", %s lid", ord);
		else if (r->lid != NULL)
			pt_buf_addf(&b, ", lid %s", r->lid);
		if (r->onderdeel != NULL)
			pt_buf_addf(&b, ", onderdeel %s", r->onderdeel);
		pt_buf_adds(&b, r->lid != NULL || r->onderdeel != NULL
		                    ? ", van "
		                    : " van ");
		add_long_name(&b, r->title, r->bwb, book != NULL);
	} else {
		const char *name =
		    book != NULL ? "BW" : short_name(r->title, r->bwb);

		if (r->lid != NULL)
			pt_buf_addf(&b, " lid %s", r->lid);
		if (r->onderdeel != NULL)
			pt_buf_addf(&b, " onder %s", r->onderdeel);
		if (name != NULL)
			pt_buf_addf(&b, " %s", name);
	}
	free(book);
	return pt_buf_detach(&b);
}

char *
cite_provision_as(const struct finding_provision *p, enum cite_style style)
{
	const struct rule_provision *rp = p->rp;
	struct cite_ref r;
	char *title, *s;

	if (rp == NULL)
		return xstrdup("(onbekende bepaling)");
	title = citeertitel(p);
	r.bwb = rp->bwb;
	r.title = title;
	r.artikel = rp->artikel;
	r.lid = rp->lid;
	r.onderdeel = rp->onderdeel;
	s = cite_ref(&r, style);
	free(title);
	return s;
}

char *
cite_provision(const struct finding_provision *p)
{
	return cite_provision_as(p, p->citeerstijl == CITE_LANG ? CITE_LANG
	                                                        : CITE_KORT);
}

void
cite_style_result(struct check_result *r, enum cite_style style)
{
	size_t i, k;

	for (i = 0; r != NULL && i < r->nfindings; i++)
		for (k = 0; k < r->findings[i].nprovisions; k++)
			r->findings[i].provisions[k].citeerstijl = (int)style;
}

/* The file name of a path, for messages that must not depend on where
 * the registry was built. */
static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

static char *
no_version(const struct store_provision *p, const char *title, const char *date)
{
	if (p->undated_source != NULL && p->earliest_dated != NULL)
		return xasprintf(
		    "niet in het register voor deze peildatum: de oudste "
		    "versie van %s met een datum is die van %s, en de versie "
		    "zonder datum (%s) is niet gebruikt, omdat niet vaststaat "
		    "dat zij op %s gold (proeftoets import --date legt de "
		    "datum van zo'n versie vast)",
		    title, p->earliest_dated, base_name(p->undated_source),
		    date);
	if (p->earliest_dated != NULL)
		return xasprintf("niet in het register voor deze peildatum: de "
		                 "oudste versie van %s is die van %s",
		                 title, p->earliest_dated);
	return xasprintf(
	    "het register bevat geen versie van %s die op %s geldt", title,
	    date);
}

/* Indentation of the line at s, and whether it starts item label. */
static size_t
line_indent(const char *s)
{
	size_t n = 0;

	while (s[n] == ' ')
		n++;
	return n;
}

static int
line_is_item(const char *s, const char *label)
{
	size_t n = strlen(label);

	s += line_indent(s);
	return strncmp(s, label, n) == 0 &&
	       (s[n] == '.' || s[n] == ' ' || s[n] == ')');
}

char *
cite_part_text(const char *text, const char *onderdeel)
{
	struct pt_buf b = PT_BUF_INIT;
	const char *first = strchr(text, '\n'), *line, *end, *item = NULL;
	size_t depth = 0, ind;
	int before = 0, after = 0;

	if (first == NULL || onderdeel == NULL || *onderdeel == '\0')
		return NULL;
	/* The items of the lid's own list are its least indented lines. */
	for (line = first + 1; *line != '\0'; line = end + (*end != '\0')) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		ind = line_indent(line);
		if (ind == 0)
			break; /* a sentence after the list ends it */
		if (depth == 0)
			depth = ind;
		if (ind != depth)
			continue;
		if (item == NULL && line_is_item(line, onderdeel))
			item = line;
		else if (item == NULL)
			before = 1;
		else
			after = 1;
		if (after)
			break;
	}
	if (item == NULL)
		return NULL;
	pt_buf_add(&b, text, (size_t)(first - text));
	pt_buf_addc(&b, '\n');
	if (before)
		pt_buf_addf(&b, "%*s(...)\n", (int)depth, "");
	/* the item and the lines nested in it */
	for (line = item; *line != '\0'; line = end + (*end != '\0')) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		if (line != item && line_indent(line) <= depth)
			break;
		pt_buf_add(&b, line, (size_t)(end - line));
		pt_buf_addc(&b, '\n');
	}
	if (after)
		pt_buf_addf(&b, "%*s(...)\n", (int)depth, "");
	pt_buf_rtrim(&b);
	return pt_buf_detach(&b);
}

char *
cite_missing(const struct store_provision *p, const struct rule_provision *rp,
             const char *date)
{
	const char *title = p->citeertitel    ? p->citeertitel
	                    : rp->citeertitel ? rp->citeertitel
	                                      : rp->bwb;

	switch (p->found) {
	case STORE_NO_LAW:
		return xasprintf("%s (%s) is niet in het register ingelezen",
		                 title, rp->bwb);
	case STORE_NO_VERSION:
		return no_version(p, title, date);
	case STORE_NO_ARTICLE:
		return xasprintf("artikel %s staat niet in de versie van %s "
		                 "(%s) in het register",
		                 rp->artikel, title,
		                 p->version_date ? p->version_date
		                                 : "onbekende datum");
	case STORE_NO_LID:
		return xasprintf(
		    "artikel %s van %s heeft in de versie van %s geen lid %s",
		    rp->artikel, title,
		    p->version_date ? p->version_date : "onbekende datum",
		    rp->lid ? rp->lid : "?");
	case STORE_FOUND:
		break;
	}
	return NULL;
}
