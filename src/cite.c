/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cite.c: how a provision is cited in Dutch.  See cite.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

char *
cite_provision(const struct finding_provision *p)
{
	struct pt_buf b = PT_BUF_INIT;
	const struct rule_provision *rp = p->rp;
	char *title, *book;

	if (rp == NULL)
		return xstrdup("(onbekende bepaling)");
	title = citeertitel(p);
	book = bw_book(title, rp->bwb);
	pt_buf_adds(&b, "art. ");
	if (book != NULL)
		pt_buf_addf(&b, "%s:", book);
	pt_buf_adds(&b, rp->artikel != NULL ? rp->artikel : "?");
	if (rp->lid != NULL)
		pt_buf_addf(&b, " lid %s", rp->lid);
	if (rp->onderdeel != NULL)
		pt_buf_addf(&b, " onder %s", rp->onderdeel);
	if (book != NULL)
		pt_buf_adds(&b, " BW");
	else if (title != NULL)
		pt_buf_addf(&b, " %s", title);
	else if (rp->bwb != NULL)
		pt_buf_addf(&b, " %s", rp->bwb);
	free(book);
	free(title);
	return pt_buf_detach(&b);
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
