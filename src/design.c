/*
 * design.c: read a proeftuin design (spec sections 1-3, see design.h).
 *
 * The file is parsed through xmlsec.h and validated against the compiled-in
 * RELAX NG schema, which fixes the structure.  What the schema leaves open
 * (vocabulary values, ids, dates, references between elements) is checked
 * here, so that every message names the value, the line and what is
 * allowed.  The first error stops the read; nothing half-read is returned.
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
#include "vocab.h"
#include "xmlsec.h"

#define XML_SPACE " \t\r\n"

struct reader {
	const char *path;
	struct pt_err *err;
	struct design *d;
	size_t cap_gemeenten, cap_actors, cap_taken, cap_delingen, cap_dossiers;
};

static enum pt_status PT_PRINTF(3, 4)
fail(struct reader *r, const xmlNode *n, const char *fmt, ...)
{
	struct pt_buf b = PT_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	pt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	pt_err_set(r->err, PT_EINPUT, r->path, xmlsec_line(n), 0, "%s", b.s);
	pt_buf_release(&b);
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
 * can name it here.
 */
static enum pt_status
need(struct reader *r, const xmlNode *n, const char *name, char **out)
{
	if ((*out = attr(n, name)) != NULL)
		return PT_OK;
	return fail(r, n, "<%s> without the required attribute '%s'",
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
	   const char *value, const char *where,
	   const struct vocab_entry *v, int nv,
	   const char *const *names, int nnames)
{
	struct pt_buf b = PT_BUF_INIT;
	enum pt_status rc;

	if (v != NULL)
		list_entries(&b, v, nv);
	else
		list_names(&b, names, nnames);
	rc = fail(r, n, "unknown %s '%s' %s (known: %s)", what, value, where,
		  b.s);
	pt_buf_release(&b);
	return rc;
}

/* Resolve an actor reference; fills *idx or reports the unknown id. */
static enum pt_status
actor_ref(struct reader *r, const xmlNode *n, const char *where,
	  const char *id, size_t *idx)
{
	long i;

	i = design_actor_index(r->d, id);
	if (i < 0)
		return fail(r, n, "unknown actor '%s' in %s (no actor with "
			    "that id in <actoren>)", id, where);
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

static enum pt_status
read_gemeenten(struct reader *r, const xmlNode *el)
{
	struct design *d = r->d;
	const xmlNode *n;
	char *s;

	for (n = el->children; n != NULL; n = n->next) {
		if (!is_elem(n, "gemeente"))
			continue;
		if ((s = text(n)) == NULL)
			return fail(r, n, "empty gemeente: give the name of "
				    "the municipality");
		PT_ARRAY_PUSH(d->gemeenten, d->ngemeenten, r->cap_gemeenten);
		d->gemeenten[d->ngemeenten - 1] = s;
	}
	return PT_OK;
}

static enum pt_status
read_aangewezen(struct reader *r, const xmlNode *n, const char *list,
		unsigned *bits)
{
	char *copy, *tok, *save;
	unsigned bit;
	enum pt_status rc = PT_OK;

	copy = xstrdup(list);
	for (tok = strtok_r(copy, XML_SPACE, &save); tok != NULL;
	     tok = strtok_r(NULL, XML_SPACE, &save)) {
		if ((bit = vocab_aanwijzing_bit(tok)) == 0) {
			rc = fail_vocab(r, n, "designation", tok,
					"in actor/@aangewezen-als", NULL, 0,
					vocab_aanwijzing_names,
					VOCAB_NAANWIJZING);
			break;
		}
		*bits |= bit;
	}
	free(copy);
	return rc;
}

/* Attributes of one actor into a (already pushed, zeroed). */
static enum pt_status
read_actor_attrs(struct reader *r, const xmlNode *n, struct design_actor *a)
{
	enum pt_status rc = PT_OK;
	char *cert, *aanw, *doel;
	size_t i;

	a->line = xmlsec_line(n);
	if ((rc = need(r, n, "id", &a->id)) != PT_OK ||
	    (rc = need(r, n, "rol", &a->rol)) != PT_OK)
		return rc;
	if (!vocab_is_slug(a->id))
		return fail(r, n, "bad actor id '%s': use lower-case letters, "
			    "digits and '-'", a->id);
	/* a is the last element of the array: compare with the earlier ones. */
	for (i = 0; r->d->actors + i != a; i++)
		if (strcmp(r->d->actors[i].id, a->id) == 0)
			return fail(r, n, "duplicate actor id '%s' (first "
				    "defined at line %ld)", a->id,
				    r->d->actors[i].line);
	if (vocab_role(a->rol) == NULL)
		return fail_vocab(r, n, "role", a->rol, "in actor/@rol",
				  vocab_roles, vocab_nroles, NULL, 0);

	cert = attr(n, "gecertificeerd");
	aanw = attr(n, "aangewezen-als");
	doel = attr(n, "doelgroep");
	if (cert == NULL || strcmp(cert, "nee") == 0)
		a->gecertificeerd = 0;
	else if (strcmp(cert, "ja") == 0)
		a->gecertificeerd = 1;
	else
		rc = fail(r, n, "bad value '%s' for gecertificeerd of actor "
			  "'%s' (expected 'ja' or 'nee')", cert, a->id);
	/* A gecertificeerde instelling holds a certificate by definition. */
	if (strcmp(a->rol, "gecertificeerde-instelling") == 0)
		a->gecertificeerd = 1;
	if (rc == PT_OK && aanw != NULL)
		rc = read_aangewezen(r, n, aanw, &a->aangewezen);
	if (rc == PT_OK) {
		if (doel == NULL || strcmp(doel, "jeugd") == 0)
			a->doelgroep = DOELGROEP_JEUGD;
		else if (strcmp(doel, "alle-leeftijden") == 0)
			a->doelgroep = DOELGROEP_ALLE;
		else
			rc = fail(r, n, "bad value '%s' for doelgroep of "
				  "actor '%s' (expected 'jeugd' or "
				  "'alle-leeftijden')", doel, a->id);
	}
	free(cert);
	free(aanw);
	free(doel);
	return rc;
}

static enum pt_status
read_actoren(struct reader *r, const xmlNode *el)
{
	struct design *d = r->d;
	struct design_actor *a;
	const xmlNode *n, *c;
	enum pt_status rc;

	for (n = el->children; n != NULL; n = n->next) {
		if (!is_elem(n, "actor"))
			continue;
		PT_ARRAY_PUSH(d->actors, d->nactors, r->cap_actors);
		a = &d->actors[d->nactors - 1];
		memset(a, 0, sizeof *a);
		if ((rc = read_actor_attrs(r, n, a)) != PT_OK)
			return rc;
		for (c = n->children; c != NULL; c = c->next)
			if (is_elem(c, "naam") && a->naam == NULL)
				a->naam = text(c);
	}
	return PT_OK;
}

static enum pt_status
read_taak(struct reader *r, const xmlNode *n)
{
	struct design *d = r->d;
	struct design_taak *t;
	char *id, *actor;
	size_t ai = 0, i;
	enum pt_status rc = PT_OK;

	id = actor = NULL;
	if ((rc = need(r, n, "id", &id)) == PT_OK &&
	    (rc = need(r, n, "actor", &actor)) == PT_OK) {
		if (vocab_task(id) == NULL)
			rc = fail_vocab(r, n, "task", id, "in taak/@id",
					vocab_tasks, vocab_ntasks, NULL, 0);
		else
			rc = actor_ref(r, n, "taak/@actor", actor, &ai);
	}
	for (i = 0; rc == PT_OK && i < d->ntaken; i++)
		if (d->taken[i].actor == ai && strcmp(d->taken[i].id, id) == 0)
			rc = fail(r, n, "duplicate assignment: task '%s' is "
				  "already given to actor '%s' at line %ld",
				  id, actor, d->taken[i].line);
	free(actor);
	if (rc != PT_OK) {
		free(id);
		return rc;
	}
	PT_ARRAY_PUSH(d->taken, d->ntaken, r->cap_taken);
	t = &d->taken[d->ntaken - 1];
	t->id = id;
	t->actor = ai;
	t->line = xmlsec_line(n);
	return PT_OK;
}

static enum pt_status
read_taken(struct reader *r, const xmlNode *el)
{
	const xmlNode *n;
	enum pt_status rc;

	for (n = el->children; n != NULL; n = n->next)
		if (is_elem(n, "taak") && (rc = read_taak(r, n)) != PT_OK)
			return rc;
	return PT_OK;
}

/* A BWB id as the registry uses it: "BWB", a capital letter, 7 digits. */
static int
is_bwb_id(const char *s)
{
	int i;

	if (strlen(s) != 11 || strncmp(s, "BWB", 3) != 0 ||
	    s[3] < 'A' || s[3] > 'Z')
		return 0;
	for (i = 4; i < 11; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static enum pt_status
read_bepaling(struct reader *r, const xmlNode *n, struct design_bepaling *b)
{
	enum pt_status rc;

	b->lid = attr(n, "lid");
	if ((rc = need(r, n, "bwb", &b->bwb)) != PT_OK ||
	    (rc = need(r, n, "artikel", &b->artikel)) != PT_OK)
		return rc;
	if (!is_bwb_id(b->bwb))
		return fail(r, n, "bad BWB id '%s' in bepaling (expected "
			    "e.g. 'BWBR0034925')", b->bwb);
	if (*b->artikel == '\0' || strpbrk(b->artikel, XML_SPACE) != NULL)
		return fail(r, n, "bad artikel '%s' in bepaling (expected the "
			    "article number, e.g. '7.3.11' or '265b')",
			    b->artikel);
	if (b->lid != NULL && (*b->lid == '\0' ||
	    strpbrk(b->lid, XML_SPACE) != NULL))
		return fail(r, n, "bad lid '%s' in bepaling (leave lid out "
			    "when the whole article is meant)", b->lid);
	return PT_OK;
}

static enum pt_status
read_gegevens(struct reader *r, const xmlNode *n, const char *list,
	      unsigned *bits)
{
	char *copy, *tok, *save;
	unsigned bit;
	enum pt_status rc = PT_OK;

	copy = xstrdup(list);
	for (tok = strtok_r(copy, XML_SPACE, &save); tok != NULL;
	     tok = strtok_r(NULL, XML_SPACE, &save)) {
		if ((bit = vocab_gegevens_bit(tok)) == 0) {
			rc = fail_vocab(r, n, "data category", tok,
					"in deling/@gegevens", NULL, 0,
					vocab_gegevens_names, VOCAB_NGEGEVENS);
			break;
		}
		*bits |= bit;
	}
	free(copy);
	if (rc == PT_OK && *bits == 0)
		rc = fail(r, n, "deling without gegevens: name at least one "
			  "data category");
	return rc;
}

static enum pt_status
read_deling_attrs(struct reader *r, const xmlNode *n,
		  struct design_deling *dl)
{
	char *van, *naar, *geg, *grond;
	enum pt_status rc;

	van = naar = geg = grond = NULL;
	if ((rc = need(r, n, "van", &van)) == PT_OK &&
	    (rc = need(r, n, "naar", &naar)) == PT_OK &&
	    (rc = need(r, n, "gegevens", &geg)) == PT_OK &&
	    (rc = need(r, n, "grondslag", &grond)) == PT_OK)
		rc = actor_ref(r, n, "deling/@van", van, &dl->van);
	if (rc == PT_OK)
		rc = actor_ref(r, n, "deling/@naar", naar, &dl->naar);
	if (rc == PT_OK && dl->van == dl->naar)
		rc = fail(r, n, "deling from actor '%s' to itself", van);
	if (rc == PT_OK)
		rc = read_gegevens(r, n, geg, &dl->gegevens);
	if (rc == PT_OK) {
		if (strcmp(grond, "geen") == 0)
			dl->grondslag = GRONDSLAG_GEEN;
		else if (strcmp(grond, "toestemming") == 0)
			dl->grondslag = GRONDSLAG_TOESTEMMING;
		else if (strcmp(grond, "wettelijk") == 0)
			dl->grondslag = GRONDSLAG_WETTELIJK;
		else
			rc = fail(r, n, "unknown grondslag '%s' in "
				  "deling/@grondslag (known: "
				  "toestemming, wettelijk, geen)", grond);
	}
	free(van);
	free(naar);
	free(geg);
	free(grond);
	return rc;
}

static enum pt_status
read_deling(struct reader *r, const xmlNode *n)
{
	struct design *d = r->d;
	struct design_deling *dl;
	const xmlNode *c;
	size_t cap = 0;
	enum pt_status rc;

	PT_ARRAY_PUSH(d->delingen, d->ndelingen, r->cap_delingen);
	dl = &d->delingen[d->ndelingen - 1];
	memset(dl, 0, sizeof *dl);
	dl->line = xmlsec_line(n);
	if ((rc = read_deling_attrs(r, n, dl)) != PT_OK)
		return rc;
	for (c = n->children; c != NULL; c = c->next) {
		if (!is_elem(c, "bepaling"))
			continue;
		if (dl->grondslag != GRONDSLAG_WETTELIJK)
			return fail(r, c, "bepaling given with grondslag "
				    "'%s': a bepaling names a statutory basis "
				    "and belongs only to grondslag='wettelijk'",
				    dl->grondslag == GRONDSLAG_GEEN ? "geen" :
				    "toestemming");
		PT_ARRAY_PUSH(dl->bepalingen, dl->nbepalingen, cap);
		memset(&dl->bepalingen[dl->nbepalingen - 1], 0,
		       sizeof *dl->bepalingen);
		rc = read_bepaling(r, c, &dl->bepalingen[dl->nbepalingen - 1]);
		if (rc != PT_OK)
			return rc;
	}
	if (dl->grondslag == GRONDSLAG_WETTELIJK && dl->nbepalingen == 0)
		return fail(r, n, "grondslag 'wettelijk' without a bepaling: "
			    "name the statutory basis, e.g. <bepaling "
			    "bwb=\"BWBR0034925\" artikel=\"7.3.11\" lid=\"4\"/>");
	return PT_OK;
}

static enum pt_status
read_dossier(struct reader *r, const xmlNode *n)
{
	struct design *d = r->d;
	struct design_dossier *ds;
	char *list, *tok, *save;
	size_t cap = 0, ai = 0, i;
	enum pt_status rc = PT_OK;

	PT_ARRAY_PUSH(d->dossiers, d->ndossiers, r->cap_dossiers);
	ds = &d->dossiers[d->ndossiers - 1];
	memset(ds, 0, sizeof *ds);
	ds->line = xmlsec_line(n);
	if ((rc = need(r, n, "actoren", &list)) != PT_OK)
		return rc;
	for (tok = strtok_r(list, XML_SPACE, &save); tok != NULL && rc == PT_OK;
	     tok = strtok_r(NULL, XML_SPACE, &save)) {
		if ((rc = actor_ref(r, n, "dossier/@actoren", tok, &ai)) != PT_OK)
			break;
		for (i = 0; i < ds->nactoren; i++)
			if (ds->actoren[i] == ai)
				rc = fail(r, n, "actor '%s' is listed twice in "
					  "dossier/@actoren", tok);
		if (rc != PT_OK)
			break;
		PT_ARRAY_PUSH(ds->actoren, ds->nactoren, cap);
		ds->actoren[ds->nactoren - 1] = ai;
	}
	if (rc == PT_OK && ds->nactoren < 2)
		rc = fail(r, n, "dossier with %zu actor%s: an integral dossier "
			  "is shared by at least two actors", ds->nactoren,
			  ds->nactoren == 1 ? "" : "s");
	free(list);
	return rc;
}

static enum pt_status
read_gegevensdeling(struct reader *r, const xmlNode *el)
{
	const xmlNode *n;
	enum pt_status rc;

	for (n = el->children; n != NULL; n = n->next) {
		if (is_elem(n, "deling"))
			rc = read_deling(r, n);
		else if (is_elem(n, "dossier"))
			rc = read_dossier(r, n);
		else
			continue;
		if (rc != PT_OK)
			return rc;
	}
	return PT_OK;
}

static enum pt_status
read_root(struct reader *r, const xmlNode *root, const char *today)
{
	struct design *d = r->d;
	static const char *const parts[] = { "naam", "omschrijving",
		"gemeenten", "actoren", "taken", "gegevensdeling" };
	const size_t nparts = sizeof parts / sizeof parts[0];
	const xmlNode *n, *seen[sizeof parts / sizeof parts[0]] = { NULL };
	enum pt_status rc = PT_OK;
	char now[16];
	size_t k;

	if (root == NULL || !is_elem(root, "proeftuin"))
		return fail(r, root, "the root element must be <proeftuin>");
	if ((rc = need(r, root, "id", &d->id)) != PT_OK)
		return rc;
	if (!vocab_is_slug(d->id))
		return fail(r, root, "bad proeftuin id '%s': use lower-case "
			    "letters, digits and '-'", d->id);
	d->peildatum = attr(root, "peildatum");
	if (d->peildatum != NULL) {
		if (!vocab_is_date(d->peildatum))
			return fail(r, root, "bad date '%s' in peildatum "
				    "(expected an existing date YYYY-MM-DD)",
				    d->peildatum);
		d->peildatum_given = 1;
	} else if (today != NULL) {
		if (!vocab_is_date(today))
			return pt_err_set(r->err, PT_EUSAGE, r->path, 0, 0,
					  "bad date '%s' for today (expected "
					  "YYYY-MM-DD)", today);
		d->peildatum = xstrdup(today);
	} else {
		real_today(now, sizeof now);
		d->peildatum = xstrdup(now);
	}

	/* The schema allows any order; each part may occur once. */
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (k = 0; k < nparts; k++)
			if (is_elem(n, parts[k]))
				break;
		if (k == nparts)
			continue;
		if (seen[k] != NULL)
			return fail(r, n, "<%s> occurs twice (first at line "
				    "%ld): give it once", parts[k],
				    xmlsec_line(seen[k]));
		seen[k] = n;
	}
	/* Actors first: taken and gegevensdeling refer to them. */
	for (n = root->children; n != NULL && rc == PT_OK; n = n->next) {
		if (is_elem(n, "naam"))
			d->naam = text(n);
		else if (is_elem(n, "omschrijving"))
			d->omschrijving = text(n);
		else if (is_elem(n, "gemeenten"))
			rc = read_gemeenten(r, n);
		else if (is_elem(n, "actoren"))
			rc = read_actoren(r, n);
	}
	for (n = root->children; n != NULL && rc == PT_OK; n = n->next) {
		if (is_elem(n, "taken"))
			rc = read_taken(r, n);
		else if (is_elem(n, "gegevensdeling"))
			rc = read_gegevensdeling(r, n);
	}
	return rc;
}

static enum pt_status
load_doc(xmlDocPtr doc, const char *path, const char *today,
	 struct design **out, struct pt_err *err)
{
	struct reader r;
	enum pt_status rc;

	rc = xmlsec_validate_rng(doc, schema_proeftuin, schema_proeftuin_len,
				 path, err);
	if (rc != PT_OK) {
		xmlFreeDoc(doc);
		return rc;
	}
	memset(&r, 0, sizeof r);
	r.path = path;
	r.err = err;
	r.d = xcalloc(1, sizeof *r.d);
	r.d->path = xstrdup(path);
	rc = read_root(&r, xmlDocGetRootElement(doc), today);
	xmlFreeDoc(doc);
	if (rc != PT_OK) {
		design_free(r.d);
		return rc;
	}
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
		rc = design_load_memory(b.s, b.len, path, today, out, err);
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
		return err != NULL && err->code != PT_OK ? err->code : PT_EINPUT;
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
	free(d);
}

long
design_actor_index(const struct design *d, const char *id)
{
	size_t i;

	if (d == NULL || id == NULL)
		return -1;
	for (i = 0; i < d->nactors; i++)
		if (d->actors[i].id != NULL && strcmp(d->actors[i].id, id) == 0)
			return (long)i;
	return -1;
}
