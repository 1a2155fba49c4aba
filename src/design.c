/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * design.c: read a proeftuin design (spec sections 1-3, see design.h).
 *
 * The file is parsed through xmlsec.h and validated against the compiled-in
 * RELAX NG schema, which fixes the structure.  What the schema leaves open
 * (vocabulary values, ids, dates, references between elements) is checked
 * here, so that every message names the value, the line and what is
 * allowed.  An error does not stop the read: the rest of the file is
 * checked too, and every error found (up to PT_ERR_MAX, then a count) is
 * returned in one struct pt_err.  Nothing half-read is returned.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "buf.h"
#include "design.h"
#include "fileio.h"
#include "vocab.h"
#include "xmlsec.h"
#include "i18n.h"

#define XML_SPACE " \t\r\n"

/* One error found in the file. */
struct found {
	long line;
	char *msg;
};

struct reader {
	const char *path;
	struct design *d;
	/* The PT_ERR_MAX errors of the lowest lines, in line order. */
	struct found errs[PT_ERR_MAX];
	size_t nerrs;
	size_t omitted; /* further errors, not kept */
	size_t cap_gemeenten, cap_actors, cap_taken, cap_delingen, cap_dossiers;
	/* Per actor, a bit per task of vocab.h it was given (for the
	 * duplicate check); NULL until the first task. */
	unsigned long long *taskbits;
	size_t ntaskbits;
};

/*
 * Keep one error.  The reader goes on after it, so the errors come in the
 * order of reading, not of the file; they are kept sorted by line (those
 * of one line in the order found), and past PT_ERR_MAX the ones of the
 * highest lines are only counted.
 */
static void
keep(struct reader *r, long line, char *msg)
{
	size_t i;

	i = r->nerrs;
	while (i > 0 && r->errs[i - 1].line > line)
		i--;
	if (r->nerrs == PT_ERR_MAX) {
		r->omitted++;
		if (i == PT_ERR_MAX) {
			free(msg);
			return;
		}
		free(r->errs[PT_ERR_MAX - 1].msg);
		r->nerrs--;
	}
	memmove(&r->errs[i + 1], &r->errs[i],
	        (r->nerrs - i) * sizeof r->errs[0]);
	r->errs[i].line = line;
	r->errs[i].msg = msg;
	r->nerrs++;
}

/* Record an error about element n; returns PT_EINPUT. */
static enum pt_status PT_PRINTF(3, 4)
    fail(struct reader *r, const xmlNode *n, const char *fmt, ...)
{
	struct pt_buf b = PT_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	pt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	keep(r, n != NULL ? xmlsec_line(n) : 0, pt_buf_detach(&b));
	return PT_EINPUT;
}

static int
is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* Copy of s without leading and trailing XML white space. */
static char *
trimdup(const char *s)
{
	size_t len;

	s += strspn(s, XML_SPACE);
	len = strlen(s);
	while (len > 0 && strchr(XML_SPACE, s[len - 1]) != NULL)
		len--;
	return xstrndup(s, len);
}

/*
 * The value of attribute name (no namespace) with surrounding white space
 * removed, or NULL when absent.  Read from the tree only: DTD attribute
 * defaults are not applied, so the value is what the schema saw.
 */
static char *
attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;
	xmlChar *v;
	char *s;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns != NULL || strcmp((const char *)a->name, name) != 0)
			continue;
		v = xmlNodeListGetString(n->doc, a->children, 1);
		s = trimdup(v != NULL ? (const char *)v : "");
		xmlFree(v);
		return s;
	}
	return NULL;
}

/*
 * A required attribute: the schema lets it be absent so that the message
 * can name it here.  *out is NULL when it is absent.
 */
static enum pt_status
need(struct reader *r, const xmlNode *n, const char *name, char **out)
{
	if ((*out = attr(n, name)) != NULL)
		return PT_OK;
	return fail(r, n, _("<%s> without the required attribute '%s'"),
	            (const char *)n->name, name);
}

/* Text content with runs of white space collapsed; NULL when empty. */
static char *
text(const xmlNode *n)
{
	struct pt_buf b = PT_BUF_INIT;
	xmlChar *v;
	const char *p;
	int space = 0;

	v = xmlNodeGetContent(n);
	for (p = v != NULL ? (const char *)v : ""; *p != '\0'; p++) {
		if (strchr(XML_SPACE, *p) != NULL) {
			space = b.len > 0;
			continue;
		}
		if (space)
			pt_buf_addc(&b, ' ');
		space = 0;
		pt_buf_addc(&b, *p);
	}
	xmlFree(v);
	if (b.len == 0) {
		pt_buf_release(&b);
		return NULL;
	}
	return pt_buf_detach(&b);
}

/* "a, b, c" of a vocabulary, for messages. */
static void
list_entries(struct pt_buf *b, const struct vocab_entry *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		pt_buf_addf(b, "%s%s", i ? ", " : "", v[i].id);
}

static void
list_names(struct pt_buf *b, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		pt_buf_addf(b, "%s%s", i ? ", " : "", names[i]);
}

static enum pt_status
fail_vocab(struct reader *r, const xmlNode *n, const char *what,
           const char *value, const char *where, const struct vocab_entry *v,
           int nv, const char *const *names, int nnames)
{
	struct pt_buf b = PT_BUF_INIT;
	enum pt_status rc;

	if (v != NULL)
		list_entries(&b, v, nv);
	else
		list_names(&b, names, nnames);
	rc = fail(r, n, _("unknown %s '%s' %s (known: %s)"), _(what), value,
	          where, b.s);
	pt_buf_release(&b);
	return rc;
}

/* --- look-up tables (linear in the size of the design) ------------------ */

/* Group the tasks by actor (a counting sort: file order kept). */
static void
index_taken(struct design *d)
{
	size_t i, *fill;

	d->taken_start = xcalloc(d->nactors + 1, sizeof *d->taken_start);
	d->taken_by_actor =
	    xcalloc(d->ntaken ? d->ntaken : 1, sizeof *d->taken_by_actor);
	for (i = 0; i < d->ntaken; i++)
		d->taken_start[d->taken[i].actor + 1]++;
	for (i = 0; i < d->nactors; i++)
		d->taken_start[i + 1] += d->taken_start[i];
	fill = xcalloc(d->nactors ? d->nactors : 1, sizeof *fill);
	for (i = 0; i < d->ntaken; i++) {
		size_t a = d->taken[i].actor;

		d->taken_by_actor[d->taken_start[a] + fill[a]++] = i;
	}
	free(fill);
}

const size_t *
design_actor_taken(const struct design *d, size_t ai, size_t *n)
{
	if (d->taken_start == NULL || ai >= d->nactors) {
		*n = 0;
		return NULL;
	}
	*n = d->taken_start[ai + 1] - d->taken_start[ai];
	return d->taken_by_actor + d->taken_start[ai];
}

/* Resolve an actor reference; fills *idx or reports the unknown id. */
static enum pt_status
actor_ref(struct reader *r, const xmlNode *n, const char *where, const char *id,
          size_t *idx)
{
	long i;

	i = design_actor_index(r->d, id);
	if (i < 0)
		return fail(r, n,
		            _("unknown actor '%s' in %s (no actor with "
		              "that id in <actoren>)"),
		            id, where);
	*idx = (size_t)i;
	return PT_OK;
}

static void
real_today(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d", &tm) == 0)
		strncpy(buf, "1970-01-01", size);
}

static void
read_gemeenten(struct reader *r, const xmlNode *el)
{
	struct design *d = r->d;
	const xmlNode *n;
	char *s;

	for (n = el->children; n != NULL; n = n->next) {
		if (!is_elem(n, "gemeente"))
			continue;
		if ((s = text(n)) == NULL) {
			fail(r, n,
			     _("empty gemeente: give the name of the "
			       "municipality"));
			continue;
		}
		PT_ARRAY_PUSH(d->gemeenten, d->ngemeenten, r->cap_gemeenten);
		d->gemeenten[d->ngemeenten - 1] = s;
	}
}

static void
read_aangewezen(struct reader *r, const xmlNode *n, const char *list,
                unsigned *bits)
{
	char *copy, *tok, *save;
	unsigned bit;

	copy = xstrdup(list);
	for (tok = strtok_r(copy, XML_SPACE, &save); tok != NULL;
	     tok = strtok_r(NULL, XML_SPACE, &save)) {
		if ((bit = vocab_aanwijzing_bit(tok)) == 0)
			fail_vocab(r, n, N_("designation"), tok,
			           "in actor/@aangewezen-als", NULL, 0,
			           vocab_aanwijzing_names, VOCAB_NAANWIJZING);
		*bits |= bit;
	}
	free(copy);
}

/*
 * Attributes of one actor into a (already pushed, zeroed).  Every error is
 * recorded; the actor stays in the list even then, so that references to
 * its id do not give errors of their own.
 */
static void
read_actor_attrs(struct reader *r, const xmlNode *n, struct design_actor *a)
{
	const char *id;
	char *cert, *aanw, *doel;
	long i;

	a->line = xmlsec_line(n);
	(void)need(r, n, "id", &a->id);
	(void)need(r, n, "rol", &a->rol);
	id = a->id != NULL ? a->id : "";
	if (a->id != NULL && !vocab_is_slug(a->id))
		fail(r, n,
		     _("bad actor id '%s': use lower-case letters, "
		       "digits and '-'"),
		     a->id);
	/* a is the last element of the array: is its id taken already? */
	if (a->id != NULL && (i = strmap_add(&r->d->ids, a->id,
	                                     (size_t)(a - r->d->actors))) >= 0)
		fail(r, n,
		     _("duplicate actor id '%s' (first defined at "
		       "line %ld)"),
		     a->id, r->d->actors[i].line);
	if (a->rol != NULL && vocab_role(a->rol) == NULL)
		fail_vocab(r, n, N_("role"), a->rol, "in actor/@rol",
		           vocab_roles, vocab_nroles, NULL, 0);

	cert = attr(n, "gecertificeerd");
	aanw = attr(n, "aangewezen-als");
	doel = attr(n, "doelgroep");
	if (cert == NULL || strcmp(cert, "nee") == 0)
		a->gecertificeerd = 0;
	else if (strcmp(cert, "ja") == 0)
		a->gecertificeerd = 1;
	else
		fail(r, n,
		     _("bad value '%s' for gecertificeerd of actor '%s' "
		       "(expected 'ja' or 'nee')"),
		     cert, id);
	/* A gecertificeerde instelling holds a certificate by definition. */
	if (a->rol != NULL && strcmp(a->rol, "gecertificeerde-instelling") == 0)
		a->gecertificeerd = 1;
	if (aanw != NULL)
		read_aangewezen(r, n, aanw, &a->aangewezen);
	if (doel == NULL || strcmp(doel, "jeugd") == 0)
		a->doelgroep = DOELGROEP_JEUGD;
	else if (strcmp(doel, "alle-leeftijden") == 0)
		a->doelgroep = DOELGROEP_ALLE;
	else
		fail(r, n,
		     _("bad value '%s' for doelgroep of actor '%s' "
		       "(expected 'jeugd' or 'alle-leeftijden')"),
		     doel, id);
	free(cert);
	free(aanw);
	free(doel);
}

static void
read_actoren(struct reader *r, const xmlNode *el)
{
	struct design *d = r->d;
	struct design_actor *a;
	const xmlNode *n, *c;

	for (n = el->children; n != NULL; n = n->next) {
		if (!is_elem(n, "actor"))
			continue;
		PT_ARRAY_PUSH(d->actors, d->nactors, r->cap_actors);
		a = &d->actors[d->nactors - 1];
		memset(a, 0, sizeof *a);
		read_actor_attrs(r, n, a);
		for (c = n->children; c != NULL; c = c->next)
			if (is_elem(c, "naam") && a->naam == NULL)
				a->naam = text(c);
	}
}

/* Whether actor ai was given the task id before; marks it given.  The
 * duplicate is then looked up for its line only. */
static int
taken_before(struct reader *r, size_t ai, const char *id)
{
	size_t k = (size_t)(vocab_task(id) - vocab_tasks);
	unsigned long long bit;

	if (k >= 64) {
		size_t i;

		for (i = 0; i < r->d->ntaken; i++)
			if (r->d->taken[i].actor == ai &&
			    strcmp(r->d->taken[i].id, id) == 0)
				return 1;
		return 0;
	}
	if (r->ntaskbits < r->d->nactors) {
		r->taskbits = xreallocarray(r->taskbits, r->d->nactors,
		                            sizeof *r->taskbits);
		memset(r->taskbits + r->ntaskbits, 0,
		       (r->d->nactors - r->ntaskbits) * sizeof *r->taskbits);
		r->ntaskbits = r->d->nactors;
	}
	bit = 1ULL << k;
	if (r->taskbits[ai] & bit)
		return 1;
	r->taskbits[ai] |= bit;
	return 0;
}

static void
read_taak(struct reader *r, const xmlNode *n)
{
	struct design *d = r->d;
	struct design_taak *t;
	char *id, *actor;
	size_t ai = 0, i;
	int ok;

	ok = need(r, n, "id", &id) == PT_OK;
	ok &= need(r, n, "actor", &actor) == PT_OK;
	if (id != NULL && vocab_task(id) == NULL) {
		fail_vocab(r, n, N_("task"), id, "in taak/@id", vocab_tasks,
		           vocab_ntasks, NULL, 0);
		ok = 0;
	}
	if (actor != NULL)
		ok &= actor_ref(r, n, "taak/@actor", actor, &ai) == PT_OK;
	if (ok && taken_before(r, ai, id)) {
		for (i = 0; i < d->ntaken; i++)
			if (d->taken[i].actor == ai &&
			    strcmp(d->taken[i].id, id) == 0)
				break;
		fail(r, n,
		     _("duplicate assignment: task '%s' is already "
		       "given to actor '%s' at line %ld"),
		     id, actor, i < d->ntaken ? d->taken[i].line : 0L);
		ok = 0;
	}
	free(actor);
	if (!ok) {
		free(id);
		return;
	}
	PT_ARRAY_PUSH(d->taken, d->ntaken, r->cap_taken);
	t = &d->taken[d->ntaken - 1];
	t->id = id;
	t->actor = ai;
	t->line = xmlsec_line(n);
}

static void
read_taken(struct reader *r, const xmlNode *el)
{
	const xmlNode *n;

	for (n = el->children; n != NULL; n = n->next)
		if (is_elem(n, "taak"))
			read_taak(r, n);
}

/* A BWB id as the registry uses it: "BWB", a capital letter, 7 digits. */
static int
is_bwb_id(const char *s)
{
	int i;

	if (strlen(s) != 11 || strncmp(s, "BWB", 3) != 0 || s[3] < 'A' ||
	    s[3] > 'Z')
		return 0;
	for (i = 4; i < 11; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void
read_bepaling(struct reader *r, const xmlNode *n, struct design_bepaling *b)
{
	b->lid = attr(n, "lid");
	(void)need(r, n, "bwb", &b->bwb);
	(void)need(r, n, "artikel", &b->artikel);
	if (b->bwb != NULL && !is_bwb_id(b->bwb))
		fail(r, n,
		     _("bad BWB id '%s' in bepaling (expected e.g. "
		       "'BWBR0034925')"),
		     b->bwb);
	if (b->artikel != NULL &&
	    (*b->artikel == '\0' || strpbrk(b->artikel, XML_SPACE) != NULL))
		fail(r, n,
		     _("bad artikel '%s' in bepaling (expected the "
		       "article number, e.g. '7.3.11' or '265b')"),
		     b->artikel);
	if (b->lid != NULL &&
	    (*b->lid == '\0' || strpbrk(b->lid, XML_SPACE) != NULL))
		fail(r, n,
		     _("bad lid '%s' in bepaling (leave lid out when the "
		       "whole article is meant)"),
		     b->lid);
}

static void
read_gegevens(struct reader *r, const xmlNode *n, const char *list,
              unsigned *bits)
{
	char *copy, *tok, *save;
	unsigned bit;
	int bad = 0;

	copy = xstrdup(list);
	for (tok = strtok_r(copy, XML_SPACE, &save); tok != NULL;
	     tok = strtok_r(NULL, XML_SPACE, &save)) {
		if ((bit = vocab_gegevens_bit(tok)) == 0) {
			fail_vocab(r, n, N_("data category"), tok,
			           "in deling/@gegevens", NULL, 0,
			           vocab_gegevens_names, VOCAB_NGEGEVENS);
			bad = 1;
		}
		*bits |= bit;
	}
	free(copy);
	if (!bad && *bits == 0)
		fail(r, n,
		     _("deling without gegevens: name at least one data "
		       "category"));
}

/*
 * Attributes of one deling into dl; returns whether its grondslag is
 * known (given and valid).
 */
static int
read_deling_attrs(struct reader *r, const xmlNode *n, struct design_deling *dl)
{
	char *van, *naar, *geg, *grond;
	int van_ok, naar_ok, known = 0;

	van_ok = need(r, n, "van", &van) == PT_OK;
	naar_ok = need(r, n, "naar", &naar) == PT_OK;
	(void)need(r, n, "gegevens", &geg);
	(void)need(r, n, "grondslag", &grond);
	if (van_ok)
		van_ok = actor_ref(r, n, "deling/@van", van, &dl->van) == PT_OK;
	if (naar_ok)
		naar_ok =
		    actor_ref(r, n, "deling/@naar", naar, &dl->naar) == PT_OK;
	if (van_ok && naar_ok && dl->van == dl->naar)
		fail(r, n, _("deling from actor '%s' to itself"), van);
	if (geg != NULL)
		read_gegevens(r, n, geg, &dl->gegevens);
	if (grond != NULL) {
		known = 1;
		if (strcmp(grond, "geen") == 0)
			dl->grondslag = GRONDSLAG_GEEN;
		else if (strcmp(grond, "toestemming") == 0)
			dl->grondslag = GRONDSLAG_TOESTEMMING;
		else if (strcmp(grond, "wettelijk") == 0)
			dl->grondslag = GRONDSLAG_WETTELIJK;
		else {
			fail(r, n,
			     _("unknown grondslag '%s' in "
			       "deling/@grondslag (known: toestemming, "
			       "wettelijk, geen)"),
			     grond);
			known = 0;
		}
	}
	free(van);
	free(naar);
	free(geg);
	free(grond);
	return known;
}

static void
read_deling(struct reader *r, const xmlNode *n)
{
	struct design *d = r->d;
	struct design_deling *dl;
	const xmlNode *c;
	size_t cap = 0;
	int known;

	PT_ARRAY_PUSH(d->delingen, d->ndelingen, r->cap_delingen);
	dl = &d->delingen[d->ndelingen - 1];
	memset(dl, 0, sizeof *dl);
	dl->line = xmlsec_line(n);
	known = read_deling_attrs(r, n, dl);
	for (c = n->children; c != NULL; c = c->next) {
		if (!is_elem(c, "bepaling"))
			continue;
		if (known && dl->grondslag != GRONDSLAG_WETTELIJK) {
			fail(r, c,
			     _("bepaling given with grondslag '%s': a "
			       "bepaling names a statutory basis and belongs "
			       "only to grondslag='wettelijk'"),
			     dl->grondslag == GRONDSLAG_GEEN ? "geen"
			                                     : "toestemming");
			continue;
		}
		PT_ARRAY_PUSH(dl->bepalingen, dl->nbepalingen, cap);
		memset(&dl->bepalingen[dl->nbepalingen - 1], 0,
		       sizeof *dl->bepalingen);
		read_bepaling(r, c, &dl->bepalingen[dl->nbepalingen - 1]);
	}
	if (known && dl->grondslag == GRONDSLAG_WETTELIJK &&
	    dl->nbepalingen == 0)
		fail(r, n,
		     _("grondslag 'wettelijk' without a bepaling: name the "
		       "statutory basis, e.g. <bepaling bwb=\"BWBR0034925\" "
		       "artikel=\"7.3.11\" lid=\"4\"/>"));
}

static void
read_dossier(struct reader *r, const xmlNode *n)
{
	struct design *d = r->d;
	struct design_dossier *ds;
	char *list, *tok, *save;
	size_t cap = 0, ai = 0, i;
	int bad = 0;

	PT_ARRAY_PUSH(d->dossiers, d->ndossiers, r->cap_dossiers);
	ds = &d->dossiers[d->ndossiers - 1];
	memset(ds, 0, sizeof *ds);
	ds->line = xmlsec_line(n);
	if (need(r, n, "actoren", &list) != PT_OK)
		return;
	for (tok = strtok_r(list, XML_SPACE, &save); tok != NULL;
	     tok = strtok_r(NULL, XML_SPACE, &save)) {
		if (actor_ref(r, n, "dossier/@actoren", tok, &ai) != PT_OK) {
			bad = 1;
			continue;
		}
		for (i = 0; i < ds->nactoren; i++)
			if (ds->actoren[i] == ai)
				break;
		if (i < ds->nactoren) {
			fail(r, n,
			     _("actor '%s' is listed twice in "
			       "dossier/@actoren"),
			     tok);
			bad = 1;
			continue;
		}
		PT_ARRAY_PUSH(ds->actoren, ds->nactoren, cap);
		ds->actoren[ds->nactoren - 1] = ai;
	}
	/* Too few actors only counts when every one named was fine. */
	if (!bad && ds->nactoren < 2)
		fail(r, n,
		     _("dossier with %zu actor%s: an integral dossier is "
		       "shared by at least two actors"),
		     ds->nactoren, ds->nactoren == 1 ? "" : "s");
	free(list);
}

static void
read_gegevensdeling(struct reader *r, const xmlNode *el)
{
	const xmlNode *n;

	for (n = el->children; n != NULL; n = n->next) {
		if (is_elem(n, "deling"))
			read_deling(r, n);
		else if (is_elem(n, "dossier"))
			read_dossier(r, n);
	}
}

/*
 * The root and everything below it.  Errors are recorded and reading goes
 * on; only a wrong root element stops it, and a bad `today` (the caller's
 * error, not the file's) returns PT_EUSAGE at once with err filled.
 */
static enum pt_status
read_root(struct reader *r, const xmlNode *root, const char *today,
          struct pt_err *err)
{
	struct design *d = r->d;
	static const char *const parts[] = {"naam",      "omschrijving",
	                                    "gemeenten", "actoren",
	                                    "taken",     "gegevensdeling"};
	enum {
		P_NAAM,
		P_OMSCHRIJVING,
		P_GEMEENTEN,
		P_ACTOREN,
		P_TAKEN,
		P_GEGEVENSDELING,
		NPARTS
	};
	const xmlNode *n, *seen[NPARTS] = {NULL};
	char now[16];
	size_t k;

	if (root == NULL || !is_elem(root, "proeftuin"))
		return fail(r, root, _("the root element must be <proeftuin>"));
	if (need(r, root, "id", &d->id) == PT_OK && !vocab_is_slug(d->id))
		fail(r, root,
		     _("bad proeftuin id '%s': use lower-case letters, "
		       "digits and '-'"),
		     d->id);
	d->peildatum = attr(root, "peildatum");
	if (d->peildatum != NULL) {
		if (!vocab_is_date(d->peildatum))
			fail(r, root,
			     _("bad date '%s' in peildatum (expected "
			       "an existing date YYYY-MM-DD)"),
			     d->peildatum);
		d->peildatum_given = 1;
	} else if (today != NULL) {
		if (!vocab_is_date(today))
			return pt_err_set(err, PT_EUSAGE, r->path, 0, 0,
			                  "bad date '%s' for today (expected "
			                  "YYYY-MM-DD)",
			                  today);
		d->peildatum = xstrdup(today);
	} else {
		real_today(now, sizeof now);
		d->peildatum = xstrdup(now);
	}

	/* The schema allows any order; each part may occur once. */
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (k = 0; k < NPARTS; k++)
			if (is_elem(n, parts[k]))
				break;
		if (k == NPARTS)
			continue;
		if (seen[k] != NULL)
			fail(r, n,
			     _("<%s> occurs twice (first at line %ld): "
			       "give it once"),
			     parts[k], xmlsec_line(seen[k]));
		else
			seen[k] = n;
	}
	/* Only the first of each part is read; actors before what refers to
	 * them. */
	if (seen[P_NAAM] != NULL)
		d->naam = text(seen[P_NAAM]);
	if (seen[P_OMSCHRIJVING] != NULL)
		d->omschrijving = text(seen[P_OMSCHRIJVING]);
	if (seen[P_GEMEENTEN] != NULL)
		read_gemeenten(r, seen[P_GEMEENTEN]);
	if (seen[P_ACTOREN] != NULL)
		read_actoren(r, seen[P_ACTOREN]);
	if (seen[P_TAKEN] != NULL)
		read_taken(r, seen[P_TAKEN]);
	if (seen[P_GEGEVENSDELING] != NULL)
		read_gegevensdeling(r, seen[P_GEGEVENSDELING]);
	return r->nerrs > 0 ? PT_EINPUT : PT_OK;
}

/* Hand the errors found to err, the first as its main error. */
static void
report(struct reader *r, struct pt_err *err)
{
	size_t i;

	for (i = 0; i < r->nerrs; i++) {
		if (i == 0)
			pt_err_set(err, PT_EINPUT, r->path, r->errs[i].line, 0,
			           "%s", r->errs[i].msg);
		else
			pt_err_add(err, PT_EINPUT, r->path, r->errs[i].line, 0,
			           "%s", r->errs[i].msg);
	}
	if (err != NULL)
		err->omitted += r->omitted;
}

static enum pt_status
load_doc(xmlDocPtr doc, const char *path, const char *today,
         struct design **out, struct pt_err *err)
{
	struct reader r;
	enum pt_status rc;
	size_t i;

	rc = xmlsec_validate_rng(doc, schema_proeftuin, schema_proeftuin_len,
	                         path, err);
	if (rc != PT_OK) {
		xmlFreeDoc(doc);
		return rc;
	}
	memset(&r, 0, sizeof r);
	r.path = path;
	r.d = xcalloc(1, sizeof *r.d);
	r.d->path = xstrdup(path);
	rc = read_root(&r, xmlDocGetRootElement(doc), today, err);
	xmlFreeDoc(doc);
	if (rc == PT_EINPUT)
		report(&r, err);
	for (i = 0; i < r.nerrs; i++)
		free(r.errs[i].msg);
	free(r.taskbits);
	if (rc != PT_OK) {
		design_free(r.d);
		return rc;
	}
	index_taken(r.d);
	*out = r.d;
	return PT_OK;
}

enum pt_status
design_load(const char *path, const char *today, struct design **out,
            struct pt_err *err)
{
	struct pt_buf b = PT_BUF_INIT;
	enum pt_status rc;

	*out = NULL;
	/*
	 * Parsed from memory with the same guards as xmlsec_parse_file():
	 * libxml2 never opens a file itself.
	 */
	if ((rc = xmlsec_read_document(path, &b, err)) == PT_OK)
		rc = design_load_memory(b.s, b.len, fileio_name(path), today,
		                        out, err);
	pt_buf_release(&b);
	return rc;
}

enum pt_status
design_load_memory(const char *data, size_t len, const char *name,
                   const char *today, struct design **out, struct pt_err *err)
{
	xmlDocPtr doc;

	*out = NULL;
	if ((doc = xmlsec_parse_memory(data, len, name, err)) == NULL)
		return err != NULL && err->code != PT_OK ? err->code
		                                         : PT_EINPUT;
	return load_doc(doc, name, today, out, err);
}

void
design_free(struct design *d)
{
	size_t i, k;

	if (d == NULL)
		return;
	free(d->path);
	free(d->id);
	free(d->peildatum);
	free(d->naam);
	free(d->omschrijving);
	for (i = 0; i < d->ngemeenten; i++)
		free(d->gemeenten[i]);
	free(d->gemeenten);
	for (i = 0; i < d->nactors; i++) {
		free(d->actors[i].id);
		free(d->actors[i].rol);
		free(d->actors[i].naam);
	}
	free(d->actors);
	for (i = 0; i < d->ntaken; i++)
		free(d->taken[i].id);
	free(d->taken);
	for (i = 0; i < d->ndelingen; i++) {
		for (k = 0; k < d->delingen[i].nbepalingen; k++) {
			free(d->delingen[i].bepalingen[k].bwb);
			free(d->delingen[i].bepalingen[k].artikel);
			free(d->delingen[i].bepalingen[k].lid);
		}
		free(d->delingen[i].bepalingen);
	}
	free(d->delingen);
	for (i = 0; i < d->ndossiers; i++)
		free(d->dossiers[i].actoren);
	free(d->dossiers);
	strmap_release(&d->ids);
	free(d->taken_by_actor);
	free(d->taken_start);
	free(d);
}

long
design_actor_index(const struct design *d, const char *id)
{
	size_t i;

	if (d == NULL || id == NULL)
		return -1;
	if (d->ids.cap > 0)
		return strmap_get(&d->ids, id);
	for (i = 0; i < d->nactors; i++)
		if (d->actors[i].id != NULL && strcmp(d->actors[i].id, id) == 0)
			return (long)i;
	return -1;
}
