/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * rules.c: read the rule set from the XML files of a rules directory (see
 * rules.h and rules/README.md).
 *
 * Each file is parsed safely (xmlsec.h), validated against the compiled-in
 * schema rules/schema/regels.rng, and then checked for what the schema
 * cannot see.  A file is taken whole or not at all: its rules are added to
 * the set only when every rule in it is sound.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "digest.h"
#include "design.h"
#include "rules.h"
#include "vocab.h"
#include "xmlsec.h"
#include "i18n.h"

/* The file being read, for error messages and kanaal references. */
struct rctx {
	const char *path;
	struct pt_err *err;
	const struct rule
	    *prev; /* the rules read before this one in the file */
	size_t nprev;
};

static int
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value (caller frees), or NULL when absent. */
static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Text of an element with white space collapsed and trimmed (caller frees). */
static char *
text(const xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	struct pt_buf b = PT_BUF_INIT;
	const char *p;
	int space = 0;

	for (p = v ? (const char *)v : ""; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			pt_buf_addc(&b, ' ');
		space = 0;
		pt_buf_addc(&b, *p);
	}
	xmlFree(v);
	return pt_buf_detach(&b);
}

/* Split a space-separated list; returns the number of words. */
static size_t
split(const char *s, char ***out)
{
	char **v = NULL;
	size_t n = 0;
	const char *p = s, *q;

	*out = NULL;
	if (s == NULL)
		return 0;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		for (q = p; *q != '\0' && *q != ' ' && *q != '\t' &&
		            *q != '\n' && *q != '\r';
		     q++)
			;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xstrndup(p, (size_t)(q - p));
		p = q;
	}
	*out = v;
	return n;
}

static void
free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static enum pt_status fail(struct rctx *c, const xmlNode *n, const char *fmt,
                           ...) PT_PRINTF(3, 4);

static enum pt_status
fail(struct rctx *c, const xmlNode *n, const char *fmt, ...)
{
	struct pt_buf b = PT_BUF_INIT;
	va_list ap;
	enum pt_status st;

	va_start(ap, fmt);
	pt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	st = pt_err_set(c->err, PT_EINPUT, c->path, n ? xmlsec_line(n) : 0, 0,
	                "%s", b.s);
	pt_buf_release(&b);
	return st;
}

/* Whether s is a rule id: [a-z0-9.-]+ */
static int
is_rule_id(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '.'))
			return 0;
	return 1;
}

/* Whether s looks like a BWB id: BWBR or BWBV and seven digits. */
static int
is_bwb_id(const char *s)
{
	int i;

	if (strlen(s) != 11 || strncmp(s, "BWB", 3) != 0 ||
	    (s[3] != 'R' && s[3] != 'V'))
		return 0;
	for (i = 4; i < 11; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* An article or lid number as the law writes it: no spaces, not empty. */
static int
is_number(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '&' ||
		    *s == '=')
			return 0;
	return 1;
}

static void
pattern_free(struct rule_pattern *p)
{
	free_list(p->rollen, p->nrollen);
	free_list(p->taken, p->ntaken);
}

static enum pt_status
read_tasks(struct rctx *c, const xmlNode *n, char ***out, size_t *nout)
{
	char *s = text(n);
	size_t i;

	*nout = split(s, out);
	free(s);
	if (*nout == 0)
		return fail(c, n, _("empty task list"));
	for (i = 0; i < *nout; i++)
		if (vocab_task((*out)[i]) == NULL)
			return fail(c, n, _("unknown task '%s'"), (*out)[i]);
	return PT_OK;
}

static enum pt_status
read_gegevens(struct rctx *c, const xmlNode *n, const char *s, unsigned *out)
{
	char **v;
	size_t nv, i;
	enum pt_status st = PT_OK;

	*out = 0;
	nv = split(s, &v);
	if (nv == 0)
		st = fail(c, n, _("empty list of data categories"));
	for (i = 0; i < nv && st == PT_OK; i++) {
		unsigned bit = vocab_gegevens_bit(v[i]);

		if (bit == 0)
			st = fail(c, n, _("unknown data category '%s'"), v[i]);
		*out |= bit;
	}
	free_list(v, nv);
	return st;
}

static enum pt_status
read_pattern(struct rctx *c, const xmlNode *n, struct rule_pattern *p)
{
	char *rol, *cert, *aanw, *dg, *taak;
	char **v = NULL;
	size_t nv = 0, i;
	enum pt_status st = PT_OK;

	memset(p, 0, sizeof *p);
	p->gecertificeerd = -1;
	p->doelgroep = -1;
	rol = attr(n, "rol");
	cert = attr(n, "gecertificeerd");
	aanw = attr(n, "aangewezen-als");
	dg = attr(n, "doelgroep");
	taak = attr(n, "taak");
	if (taak != NULL) {
		p->ntaken = split(taak, &p->taken);
		if (p->ntaken == 0)
			st = fail(c, n, _("empty task list"));
		for (i = 0; i < p->ntaken && st == PT_OK; i++)
			if (vocab_task(p->taken[i]) == NULL)
				st = fail(c, n, _("unknown task '%s'"),
				          p->taken[i]);
		free(taak);
	}
	if (st == PT_OK && rol == NULL && cert == NULL && aanw == NULL &&
	    dg == NULL && p->ntaken == 0)
		st = fail(
		    c, n,
		    _("'%s' has no attributes and would match every actor"),
		    (const char *)n->name);
	if (st == PT_OK && rol != NULL) {
		p->nrollen = split(rol, &p->rollen);
		if (p->nrollen == 0)
			st = fail(c, n, _("empty role list"));
		for (i = 0; i < p->nrollen && st == PT_OK; i++)
			if (vocab_role(p->rollen[i]) == NULL)
				st = fail(c, n, _("unknown role '%s'"),
				          p->rollen[i]);
	}
	if (st == PT_OK && cert != NULL)
		p->gecertificeerd = strcmp(cert, "ja") == 0;
	if (st == PT_OK && aanw != NULL) {
		nv = split(aanw, &v);
		if (nv == 0)
			st = fail(c, n, _("empty list of designations"));
		for (i = 0; i < nv && st == PT_OK; i++) {
			unsigned bit = vocab_aanwijzing_bit(v[i]);

			if (bit == 0)
				st = fail(c, n, _("unknown designation '%s'"),
				          v[i]);
			p->aangewezen |= bit;
		}
		free_list(v, nv);
	}
	if (st == PT_OK && dg != NULL)
		p->doelgroep = strcmp(dg, "alle-leeftijden") == 0
		                   ? DOELGROEP_ALLE
		                   : DOELGROEP_JEUGD;
	free(rol);
	free(cert);
	free(aanw);
	free(dg);
	return st;
}

static enum pt_status
add_pattern(struct rctx *c, const xmlNode *n, struct rule_pattern **arr,
            size_t *narr)
{
	struct rule_pattern p;
	enum pt_status st;

	st = read_pattern(c, n, &p);
	if (st != PT_OK) {
		pattern_free(&p);
		return st;
	}
	*arr = xreallocarray(*arr, *narr + 1, sizeof **arr);
	(*arr)[(*narr)++] = p;
	return PT_OK;
}

static void
kanaal_free(struct rule_kanaal *k)
{
	size_t i;

	free(k->id);
	free(k->bwb);
	free(k->artikel);
	free(k->lid);
	for (i = 0; i < k->nvan; i++)
		pattern_free(&k->van[i]);
	free(k->van);
	for (i = 0; i < k->nnaar; i++)
		pattern_free(&k->naar[i]);
	free(k->naar);
	free_list(k->naar_taken, k->nnaar_taken);
}

static char **
copy_list(char *const *v, size_t n)
{
	char **out = NULL;
	size_t i;

	if (n == 0)
		return NULL;
	out = xreallocarray(NULL, n, sizeof *out);
	for (i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	return out;
}

static struct rule_pattern *
copy_patterns(const struct rule_pattern *p, size_t n)
{
	struct rule_pattern *out;
	size_t i;

	if (n == 0)
		return NULL;
	out = xreallocarray(NULL, n, sizeof *out);
	for (i = 0; i < n; i++) {
		out[i] = p[i];
		out[i].rollen = copy_list(p[i].rollen, p[i].nrollen);
		out[i].taken = copy_list(p[i].taken, p[i].ntaken);
	}
	return out;
}

/* The kanaal named id among the earlier rules of the file and the current one.
 */
static const struct rule_kanaal *
find_kanaal(const struct rctx *c, const struct rule *r, const char *id)
{
	size_t i, k;

	for (k = 0; k < r->nkanalen; k++)
		if (r->kanalen[k].id != NULL &&
		    strcmp(r->kanalen[k].id, id) == 0)
			return &r->kanalen[k];
	for (i = 0; i < c->nprev; i++)
		for (k = 0; k < c->prev[i].nkanalen; k++)
			if (c->prev[i].kanalen[k].id != NULL &&
			    strcmp(c->prev[i].kanalen[k].id, id) == 0)
				return &c->prev[i].kanalen[k];
	return NULL;
}

/* <kanaal ref="id"/>: a copy of an earlier kanaal, without its id. */
static enum pt_status
read_kanaal_ref(struct rctx *c, const xmlNode *n, struct rule *r,
                struct rule_kanaal *k)
{
	char *ref = attr(n, "ref");
	const struct rule_kanaal *src = find_kanaal(c, r, ref);

	if (src == NULL) {
		enum pt_status st =
		    fail(c, n,
		         _("kanaal ref '%s' names no earlier kanaal "
		           "in this file"),
		         ref);

		free(ref);
		return st;
	}
	free(ref);
	k->bwb = xstrdup(src->bwb);
	k->artikel = xstrdup(src->artikel);
	k->lid = xstrdup0(src->lid);
	k->gegevens = src->gegevens;
	k->van = copy_patterns(src->van, src->nvan);
	k->nvan = src->nvan;
	k->naar = copy_patterns(src->naar, src->nnaar);
	k->nnaar = src->nnaar;
	k->naar_taken = copy_list(src->naar_taken, src->nnaar_taken);
	k->nnaar_taken = src->nnaar_taken;
	return PT_OK;
}

static enum pt_status
read_kanaal(struct rctx *c, const xmlNode *n, struct rule *r)
{
	struct rule_kanaal *k;
	const xmlNode *ch;
	char *g, *id;
	enum pt_status st = PT_OK;

	id = attr(n, "id");
	if (id != NULL && (!is_rule_id(id) || find_kanaal(c, r, id) != NULL)) {
		st = fail(c, n,
		          is_rule_id(id)
		              ? "duplicate kanaal id '%s' in this file"
		              : "bad kanaal id '%s' (want lower-case letters, "
		                "digits, '-' and '.')",
		          id);
		free(id);
		return st;
	}
	r->kanalen =
	    xreallocarray(r->kanalen, r->nkanalen + 1, sizeof *r->kanalen);
	k = &r->kanalen[r->nkanalen++];
	memset(k, 0, sizeof *k);
	k->id = id;
	k->line = xmlsec_line(n);
	if (xmlHasProp(n, (const xmlChar *)"ref") != NULL)
		return read_kanaal_ref(c, n, r, k);
	k->bwb = attr(n, "bwb");
	k->artikel = attr(n, "artikel");
	k->lid = attr(n, "lid");
	if (!is_bwb_id(k->bwb))
		return fail(c, n, _("bad BWB id '%s'"), k->bwb);
	if (!is_number(k->artikel))
		return fail(c, n, _("bad article number '%s'"), k->artikel);
	if (k->lid != NULL && !is_number(k->lid))
		return fail(c, n, _("bad lid '%s'"), k->lid);
	g = attr(n, "gegevens");
	if (g != NULL)
		st = read_gegevens(c, n, g, &k->gegevens);
	free(g);
	for (ch = n->children; ch != NULL && st == PT_OK; ch = ch->next) {
		if (is_el(ch, "van"))
			st = add_pattern(c, ch, &k->van, &k->nvan);
		else if (is_el(ch, "naar"))
			st = add_pattern(c, ch, &k->naar, &k->nnaar);
		else if (is_el(ch, "ontvanger-taak"))
			st = read_tasks(c, ch, &k->naar_taken, &k->nnaar_taken);
	}
	return st;
}

/*
 * A kanaal must rest on a provision the rule cites, so that the report
 * quotes it: same law and article, and the kanaal's lid (or the whole
 * article).
 */
static enum pt_status
check_kanalen_cited(struct rctx *c, const struct rule *r)
{
	size_t k, i;

	for (k = 0; k < r->nkanalen; k++) {
		const struct rule_kanaal *kn = &r->kanalen[k];

		for (i = 0; i < r->nprovisions; i++) {
			const struct rule_provision *p = &r->provisions[i];

			if (strcmp(p->bwb, kn->bwb) == 0 &&
			    strcmp(p->artikel, kn->artikel) == 0 &&
			    (p->lid == NULL || kn->lid == NULL ||
			     strcmp(p->lid, kn->lid) == 0))
				break;
		}
		if (i == r->nprovisions)
			return pt_err_set(
			    c->err, PT_EINPUT, c->path, kn->line, 0,
			    "kanaal %s art. %s%s%s of rule '%s' rests on no "
			    "bepaling of the rule",
			    kn->bwb, kn->artikel, kn->lid ? " lid " : "",
			    kn->lid ? kn->lid : "", r->id);
	}
	return PT_OK;
}

static enum pt_status
read_condition(struct rctx *c, const xmlNode *n, struct rule *r)
{
	const xmlNode *ch;
	enum pt_status st = PT_OK;
	size_t ngroups = 0;
	char *s;

	if (is_el(n, "toewijzing")) {
		r->cond = COND_TOEWIJZING;
		s = attr(n, "min-gemeenten");
		if (s != NULL) {
			char *end;
			long v = strtol(s, &end, 10);

			if (*end != '\0' || v < 1 || v > 10000)
				st = fail(c, n, _("bad min-gemeenten '%s'"), s);
			r->min_gemeenten = (int)v;
			free(s);
		}
	} else if (is_el(n, "combinatie")) {
		r->cond = COND_COMBINATIE;
	} else {
		r->cond = COND_GEGEVENSDELING;
		s = attr(n, "dossiers");
		r->dossiers = s != NULL && strcmp(s, "ja") == 0;
		free(s);
	}
	for (ch = n->children; ch != NULL && st == PT_OK; ch = ch->next) {
		if (is_el(ch, "taken")) {
			if (ngroups == 0)
				st = read_tasks(c, ch, &r->taken, &r->ntaken);
			else if (ngroups == 1 && r->cond == COND_COMBINATIE)
				st = read_tasks(c, ch, &r->taken_b,
				                &r->ntaken_b);
			ngroups++;
		} else if (is_el(ch, "geldt-voor")) {
			st =
			    add_pattern(c, ch, &r->geldt_voor, &r->ngeldt_voor);
		} else if (is_el(ch, "toegestaan")) {
			st =
			    add_pattern(c, ch, &r->toegestaan, &r->ntoegestaan);
		} else if (is_el(ch, "gegevens")) {
			s = text(ch);
			st = read_gegevens(c, ch, s, &r->gegevens);
			free(s);
		} else if (is_el(ch, "kanaal")) {
			st = read_kanaal(c, ch, r);
		}
	}
	if (st == PT_OK && r->cond == COND_COMBINATIE && ngroups != 2)
		st = pt_err_set(
		    c->err, PT_EINPUT, c->path, xmlsec_line(n), 0,
		    "combinatie needs exactly 2 'taken' groups, not %zu",
		    ngroups);
	return st;
}

static enum pt_status
read_bepaling(struct rctx *c, const xmlNode *n, struct rule *r)
{
	struct rule_provision *p;
	char *z;
	size_t i;

	r->provisions = xreallocarray(r->provisions, r->nprovisions + 1,
	                              sizeof *r->provisions);
	p = &r->provisions[r->nprovisions++];
	memset(p, 0, sizeof *p);
	p->bwb = attr(n, "bwb");
	p->artikel = attr(n, "artikel");
	p->lid = attr(n, "lid");
	p->onderdeel = attr(n, "onderdeel");
	p->getoetst_aan = attr(n, "getoetst-aan");
	p->tekst_sha256 = attr(n, "tekst-sha256");
	p->citeertitel = attr(n, "citeertitel");
	z = attr(n, "bij-taak");
	if (z != NULL) {
		p->nbij_taken = split(z, &p->bij_taken);
		free(z);
		if (p->nbij_taken == 0)
			return fail(c, n, _("empty task list in bij-taak"));
		for (i = 0; i < p->nbij_taken; i++)
			if (vocab_task(p->bij_taken[i]) == NULL)
				return fail(c, n, _("unknown task '%s'"),
				            p->bij_taken[i]);
	}
	z = attr(n, "zekerheid");
	p->zekerheid = strcmp(z, "V26") == 0   ? ZEKER_V26
	               : strcmp(z, "V15") == 0 ? ZEKER_V15
	               : strcmp(z, "P") == 0   ? ZEKER_P
	                                       : ZEKER_GK;
	free(z);
	if (!is_bwb_id(p->bwb))
		return fail(c, n, _("bad BWB id '%s'"), p->bwb);
	if (!is_number(p->artikel))
		return fail(c, n, _("bad article number '%s'"), p->artikel);
	if (p->lid != NULL && !is_number(p->lid))
		return fail(c, n, _("bad lid '%s'"), p->lid);
	if (p->onderdeel != NULL && !is_number(p->onderdeel))
		return fail(c, n, _("bad onderdeel '%s'"), p->onderdeel);
	if (p->getoetst_aan != NULL && !vocab_is_date(p->getoetst_aan))
		return fail(
		    c, n, _("bad date '%s' in getoetst-aan (want YYYY-MM-DD)"),
		    p->getoetst_aan);
	if (p->tekst_sha256 != NULL) {
		if (strlen(p->tekst_sha256) != 64)
			return fail(
			    c, n,
			    _("bad tekst-sha256 '%s' (want 64 hex digits)"),
			    p->tekst_sha256);
		for (i = 0; i < 64; i++)
			if (strchr("0123456789abcdef", p->tekst_sha256[i]) ==
			    NULL)
				return fail(c, n,
				            _("bad tekst-sha256 '%s' (want 64 "
				              "lower-case hex digits)"),
				            p->tekst_sha256);
	}
	return PT_OK;
}

static enum pt_status
read_bron(struct rctx *c, const xmlNode *n, struct rule *r)
{
	struct rule_source *s;
	char *z;

	r->sources =
	    xreallocarray(r->sources, r->nsources + 1, sizeof *r->sources);
	s = &r->sources[r->nsources++];
	memset(s, 0, sizeof *s);
	s->text = text(n);
	s->url = attr(n, "url");
	z = attr(n, "zekerheid");
	s->zekerheid = strcmp(z, "V26") == 0   ? ZEKER_V26
	               : strcmp(z, "V15") == 0 ? ZEKER_V15
	               : strcmp(z, "P") == 0   ? ZEKER_P
	                                       : ZEKER_GK;
	free(z);
	if (*s->text == '\0')
		return fail(c, n, _("empty bron in rule '%s'"), r->id);
	if (s->url != NULL && strncmp(s->url, "https://", 8) != 0 &&
	    strncmp(s->url, "http://", 7) != 0)
		return fail(
		    c, n, _("bad url '%s' in bron (want http:// or https://)"),
		    s->url);
	return PT_OK;
}

static enum pt_status
read_level(struct rctx *c, const xmlNode *n, enum vocab_level *out)
{
	char *s = attr(n, "niveau");
	int lv = s != NULL ? vocab_level_parse(s) : -1;
	enum pt_status st = PT_OK;

	if (lv < 0)
		st = fail(c, n,
		          _("unknown level '%s' (want wet, amvb, "
		            "ministeriele-regeling, college or geen)"),
		          s != NULL ? s : "");
	else
		*out = (enum vocab_level)lv;
	free(s);
	return st;
}

static enum rule_severity
severity_parse(const char *s)
{
	return strcmp(s, "blocking") == 0 ? SEV_BLOCKING
	       : strcmp(s, "high") == 0   ? SEV_HIGH
	       : strcmp(s, "medium") == 0 ? SEV_MEDIUM
	                                  : SEV_LOW;
}

/*
 * <route soort="..." [niveau="..." ernst="..."]> with <voor> patterns (who
 * can take it) before its text.  A niveau needs an ernst and the reverse:
 * the finding takes both from the route when the route is open to it.
 */
static enum pt_status
read_route(struct rctx *c, const xmlNode *n, struct rule *r)
{
	struct rule_route *rt;
	const xmlNode *ch;
	char *ernst;
	enum pt_status st = PT_OK;

	r->routes = xreallocarray(r->routes, r->nroutes + 1, sizeof *r->routes);
	rt = &r->routes[r->nroutes++];
	memset(rt, 0, sizeof *rt);
	rt->line = xmlsec_line(n);
	rt->soort = attr(n, "soort");
	rt->text = text(n);
	for (ch = n->children; ch != NULL && st == PT_OK; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && is_el(ch, "voor"))
			st = add_pattern(c, ch, &rt->voor, &rt->nvoor);
	if (st != PT_OK)
		return st;
	if (*rt->text == '\0')
		return fail(c, n, _("empty route in rule '%s'"), r->id);
	ernst = attr(n, "ernst");
	if (xmlHasProp(n, (const xmlChar *)"niveau") != NULL) {
		st = read_level(c, n, &rt->level);
		rt->level_given = st == PT_OK;
		if (st == PT_OK && ernst == NULL)
			st = fail(c, n, _("route with a niveau but no ernst"));
	} else if (ernst != NULL) {
		st = fail(c, n, _("route with an ernst but no niveau"));
	}
	if (ernst != NULL)
		rt->severity = severity_parse(ernst);
	free(ernst);
	return st;
}

static void
rule_free(struct rule *r)
{
	size_t i, k;

	free(r->id);
	free(r->file);
	free(r->analyse);
	free(r->titel);
	free(r->toelichting);
	free(r->norm);
	free_list(r->taken, r->ntaken);
	free_list(r->taken_b, r->ntaken_b);
	for (i = 0; i < r->ngeldt_voor; i++)
		pattern_free(&r->geldt_voor[i]);
	free(r->geldt_voor);
	for (i = 0; i < r->ntoegestaan; i++)
		pattern_free(&r->toegestaan[i]);
	free(r->toegestaan);
	for (i = 0; i < r->nkanalen; i++)
		kanaal_free(&r->kanalen[i]);
	free(r->kanalen);
	for (i = 0; i < r->nprovisions; i++) {
		struct rule_provision *p = &r->provisions[i];

		free(p->bwb);
		free(p->artikel);
		free(p->lid);
		free(p->onderdeel);
		free_list(p->bij_taken, p->nbij_taken);
		free(p->getoetst_aan);
		free(p->tekst_sha256);
		free(p->citeertitel);
	}
	free(r->provisions);
	for (i = 0; i < r->nsources; i++) {
		free(r->sources[i].text);
		free(r->sources[i].url);
	}
	free(r->sources);
	free(r->wijziging);
	for (i = 0; i < r->nroutes; i++) {
		free(r->routes[i].soort);
		free(r->routes[i].text);
		for (k = 0; k < r->routes[i].nvoor; k++)
			pattern_free(&r->routes[i].voor[k]);
		free(r->routes[i].voor);
	}
	free(r->routes);
}

static enum pt_status
read_regel(struct rctx *c, const xmlNode *n, struct rule *r)
{
	const xmlNode *ch;
	enum pt_status st = PT_OK;
	char *s;
	const xmlNode *wijz = NULL;

	memset(r, 0, sizeof *r);
	r->level = LEVEL_GEEN;
	r->file = xstrdup(c->path);
	r->line = xmlsec_line(n);
	r->id = attr(n, "id");
	if (!is_rule_id(r->id))
		return fail(c, n,
		            _("bad rule id '%s' (want lower-case letters, "
		              "digits, '-' and '.')"),
		            r->id);
	s = attr(n, "soort");
	r->kind = strcmp(s, "risk") == 0 ? RULE_RISK : RULE_BARRIER;
	free(s);
	s = attr(n, "ernst");
	r->severity = severity_parse(s);
	free(s);
	r->analyse = attr(n, "analyse");
	if (r->analyse != NULL && *r->analyse == '\0')
		return fail(c, n, _("empty analyse reference in rule '%s'"),
		            r->id);
	for (ch = n->children; ch != NULL && st == PT_OK; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(ch, "titel")) {
			r->titel = text(ch);
			if (*r->titel == '\0')
				st = fail(c, ch, _("empty titel in rule '%s'"),
				          r->id);
		} else if (is_el(ch, "toewijzing") || is_el(ch, "combinatie") ||
		           is_el(ch, "gegevensdeling")) {
			st = read_condition(c, ch, r);
		} else if (is_el(ch, "bepaling")) {
			st = read_bepaling(c, ch, r);
		} else if (is_el(ch, "bron")) {
			st = read_bron(c, ch, r);
		} else if (is_el(ch, "wijziging")) {
			wijz = ch;
			r->wijziging = text(ch);
			if (xmlHasProp(ch, (const xmlChar *)"niveau") != NULL) {
				st = read_level(c, ch, &r->level);
				r->level_given = st == PT_OK;
			}
		} else if (is_el(ch, "route")) {
			st = read_route(c, ch, r);
		} else if (is_el(ch, "norm")) {
			r->norm = text(ch);
		} else if (is_el(ch, "toelichting")) {
			r->toelichting = text(ch);
		}
	}
	if (st != PT_OK)
		return st;
	if (r->nprovisions == 0)
		return fail(c, n, _("rule '%s' cites no provision (bepaling)"),
		            r->id);
	st = check_kanalen_cited(c, r);
	if (st != PT_OK)
		return st;
	if (r->kind == RULE_BARRIER) {
		if (wijz == NULL)
			return fail(c, n, _("barrier '%s' has no wijziging"),
			            r->id);
		if (!r->level_given)
			return fail(
			    c, wijz,
			    _("barrier '%s' has no niveau on its wijziging"),
			    r->id);
	}
	if (r->wijziging != NULL && *r->wijziging == '\0' &&
	    r->kind == RULE_BARRIER)
		return fail(c, wijz, _("barrier '%s' has an empty wijziging"),
		            r->id);
	return PT_OK;
}

static int
has_id(const struct rule *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return 1;
	return 0;
}

/* Turn a parsed document into rules and append them all, or none. */
static enum pt_status
load_doc(struct ruleset *rs, xmlDocPtr doc, const char *path,
         struct pt_err *err)
{
	struct rctx c = {path, err, NULL, 0};
	const xmlNode *root, *n;
	struct rule *v = NULL;
	size_t nv = 0, i;
	enum pt_status st;

	st = xmlsec_validate_rng(doc, schema_regels, schema_regels_len, path,
	                         err);
	if (st != PT_OK)
		return st;
	root = xmlDocGetRootElement(doc);
	for (n = root->children; n != NULL; n = n->next) {
		if (!is_el(n, "regel"))
			continue;
		v = xreallocarray(v, nv + 1, sizeof *v);
		c.prev = v;
		c.nprev = nv;
		st = read_regel(&c, n, &v[nv]);
		nv++;
		if (st != PT_OK)
			break;
		if (has_id(rs->rules, rs->n, v[nv - 1].id)) {
			size_t k;

			for (k = 0; k < rs->n; k++)
				if (strcmp(rs->rules[k].id, v[nv - 1].id) == 0)
					break;
			st = pt_err_set(
			    err, PT_EINPUT, path, v[nv - 1].line, 0,
			    "duplicate rule id '%s' (also in %s:%ld)",
			    v[nv - 1].id, rs->rules[k].file, rs->rules[k].line);
			break;
		}
		if (has_id(v, nv - 1, v[nv - 1].id)) {
			for (i = 0; i + 1 < nv; i++)
				if (strcmp(v[i].id, v[nv - 1].id) == 0)
					break;
			st = pt_err_set(
			    err, PT_EINPUT, path, v[nv - 1].line, 0,
			    "duplicate rule id '%s' (also at line %ld)",
			    v[nv - 1].id, v[i].line);
			break;
		}
	}
	if (st != PT_OK) {
		for (i = 0; i < nv; i++)
			rule_free(&v[i]);
		free(v);
		return st;
	}
	rs->rules = xreallocarray(rs->rules, rs->n + nv + 1, sizeof *rs->rules);
	for (i = 0; i < nv; i++)
		rs->rules[rs->n++] = v[i];
	free(v);
	return PT_OK;
}

struct ruleset *
rules_new(void)
{
	return xcalloc(1, sizeof(struct ruleset));
}

void
rules_free(struct ruleset *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->n; i++)
		rule_free(&rs->rules[i]);
	free(rs->rules);
	free(rs->dir);
	free(rs);
}

enum pt_status
rules_load_file(struct ruleset *rs, const char *path, struct pt_err *err)
{
	xmlDocPtr doc;
	enum pt_status st;

	doc = xmlsec_parse_file(path, err);
	if (doc == NULL)
		return err != NULL && err->code != PT_OK ? err->code
		                                         : PT_EINPUT;
	st = load_doc(rs, doc, path, err);
	xmlFreeDoc(doc);
	return st;
}

enum pt_status
rules_load_memory(struct ruleset *rs, const char *data, size_t len,
                  const char *name, struct pt_err *err)
{
	xmlDocPtr doc;
	enum pt_status st;

	doc = xmlsec_parse_memory(data, len, name, err);
	if (doc == NULL)
		return err != NULL && err->code != PT_OK ? err->code
		                                         : PT_EINPUT;
	st = load_doc(rs, doc, name, err);
	xmlFreeDoc(doc);
	return st;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The content hash of the rule set: SHA-256 of what `sha256sum *.xml`
 * prints in the directory (under LC_ALL=C, the order of names here), so
 * that a reader can compute it again by hand.
 */
static enum pt_status
hash_files(struct ruleset *rs, char **names, size_t n, struct pt_err *err)
{
	struct pt_buf b = PT_BUF_INIT;
	char h[DIGEST_SHA256_HEX];
	size_t i;

	for (i = 0; i < n; i++) {
		const char *base = strrchr(names[i], '/');

		if (digest_sha256_file(names[i], h, NULL, err) != PT_OK) {
			pt_buf_release(&b);
			return err->code;
		}
		pt_buf_addf(&b, "%s  %s\n", h,
		            base != NULL ? base + 1 : names[i]);
	}
	digest_sha256_mem(b.s, b.len, rs->sha256);
	rs->nfiles = n;
	pt_buf_release(&b);
	return PT_OK;
}

enum pt_status
rules_load_dir(const char *dir, struct ruleset **out, struct pt_err *err)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	struct ruleset *rs;
	enum pt_status st = PT_OK;

	*out = NULL;
	d = opendir(dir);
	if (d == NULL)
		return pt_err_set(err, PT_EIO, dir, 0, 0,
		                  "cannot open rules directory");
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		struct stat sb;
		char *path;

		if (de->d_name[0] == '.' || len < 5 ||
		    strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			free(path);
			continue;
		}
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = path;
	}
	closedir(d);
	if (n == 0) {
		free(names);
		return pt_err_set(
		    err, PT_EINPUT, dir, 0, 0,
		    "no rule files (*.xml) in the rules directory");
	}
	qsort(names, n, sizeof *names, cmp_str);
	rs = rules_new();
	rs->dir = xstrdup(dir);
	for (i = 0; i < n && st == PT_OK; i++)
		st = rules_load_file(rs, names[i], err);
	if (st == PT_OK)
		st = hash_files(rs, names, n, err);
	free_list(names, n);
	if (st != PT_OK) {
		rules_free(rs);
		return st;
	}
	*out = rs;
	return PT_OK;
}

int
rules_pattern_match(const struct rule_pattern *p, const struct design_actor *a)
{
	size_t i;
	int cert;

	if (p->nrollen > 0) {
		for (i = 0; i < p->nrollen; i++)
			if (a->rol != NULL && strcmp(p->rollen[i], a->rol) == 0)
				break;
		if (i == p->nrollen)
			return 0;
	}
	/* A gecertificeerde instelling holds a certificate by definition. */
	cert = a->gecertificeerd != 0 ||
	       (a->rol != NULL &&
	        strcmp(a->rol, "gecertificeerde-instelling") == 0);
	if (p->gecertificeerd >= 0 && cert != p->gecertificeerd)
		return 0;
	if ((a->aangewezen & p->aangewezen) != p->aangewezen)
		return 0;
	if (p->doelgroep >= 0 && a->doelgroep != p->doelgroep)
		return 0;
	return 1;
}

const char *
rules_kind_name(enum rule_kind k)
{
	return k == RULE_BARRIER ? "barrier" : "risk";
}

const char *
rules_severity_name(enum rule_severity s)
{
	static const char *const n[] = {"blocking", "high", "medium", "low"};

	return (unsigned)s < 4 ? n[s] : "?";
}

const char *
rules_zekerheid_name(enum rule_zekerheid z)
{
	static const char *const n[] = {"V26", "V15", "P", "GK"};

	return (unsigned)z < 4 ? n[z] : "?";
}

int
rules_zekerheid_verified(enum rule_zekerheid z)
{
	return z == ZEKER_V26 || z == ZEKER_V15;
}
