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
		return xasprintf(
		    "het register bevat geen versie van %s die op %s geldt",
		    title, date);
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
