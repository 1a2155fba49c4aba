/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * ruimte.c: the juridische ruimte of a design (see ruimte.h).
 *
 * The variant is built as a list of changes to the design as submitted,
 * applied to a fresh copy of its XML each time, so that every variant (and
 * every step of the ladder) is a design file the reader validates exactly
 * as it validates the user's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "cite.h"
#include "ruimte.h"
#include "strmap.h"
#include "vocab.h"
#include "xmlsec.h"

/* What the name of a lawful variant ends in. */
#define VARIANT_NAAM " (binnen de huidige wet)"

/* At most this many rounds of change and check: each round lifts at least
 * one barrier, and a design has few kinds of barrier per actor. */
#define RUIMTE_MAX_ROUNDS 16

enum chg_kind {
	C_ATTR,        /* actor attribute: gecertificeerd, aangewezen-als */
	C_ADD_ACTOR,   /* a new actor for a task given back */
	C_MOVE,        /* tasks from one actor to another */
	C_GRONDSLAG,   /* the basis of the flows from van to naar */
	C_DROP_DOSSIER /* an integral file given up */
};

struct change {
	enum chg_kind kind;
	int group;    /* ladder group, or -1: kept until the last step */
	char *actor;  /* C_ATTR, C_MOVE (from), C_ADD_ACTOR (new id),
	                 C_GRONDSLAG (van) */
	char *name;   /* C_ATTR: attribute; C_ADD_ACTOR: rol */
	char *value;  /* C_ATTR: value (a token for aangewezen-als);
	                 C_ADD_ACTOR: naam; C_MOVE: to actor;
	                 C_GRONDSLAG: naar; C_DROP_DOSSIER: actor list */
	char **tasks; /* C_MOVE */
	size_t ntasks;
	const struct rule_kanaal *kanaal; /* C_GRONDSLAG: NULL = consent */
};

struct group {
	char *adds;             /* Dutch description */
	enum vocab_level level; /* of the barrier that made it */
	struct ruimte_item *items;
	size_t nitems;
};

struct builder {
	const char *xml;
	size_t len;
	const char *name, *today;
	const struct ruleset *rs;
	struct pt_store *st;
	struct change *ch;
	size_t nch, chcap;
	struct group *groups;
	size_t ngroups, gcap;
	struct strmap agreed; /* finding ids lifted by an agreement */
	struct ruimte_result *res;
	size_t rcap;
};

const char *
ruimte_soort_name(enum ruimte_soort s)
{
	static const char *const n[] = {"certificaat",
	                                "aanwijzing-veilig-thuis",
	                                "aanwijzing-jeugdhulpaanbieder",
	                                "toestemming",
	                                "grondslag",
	                                "gemeenschappelijke-regeling",
	                                "toerekening",
	                                "taak-terug"};

	return (size_t)s < sizeof n / sizeof n[0] ? n[s] : "?";
}

/* --- the XML of a variant --------------------------------------------- */

static int
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static xmlNode *
child(xmlNode *n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (is_el(n, name))
			return n;
	return NULL;
}

static int
attr_is(xmlNode *n, const char *name, const char *want)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	int r = v != NULL && strcmp((const char *)v, want) == 0;

	xmlFree(v);
	return r;
}

/* The space-separated list in s, normalised (single spaces, sorted is not
 * needed: the reader keeps the order). */
static char *
tokens(const char *s)
{
	struct pt_buf b = PT_BUF_INIT;
	const char *p = s;

	while (*p != '\0') {
		size_t n;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		n = strcspn(p, " \t\n");
		if (n > 0) {
			if (b.len > 0)
				pt_buf_addc(&b, ' ');
			pt_buf_add(&b, p, n);
		}
		p += n;
	}
	return b.s != NULL ? pt_buf_detach(&b) : xstrdup("");
}

static xmlNode *
find_actor(xmlNode *root, const char *id)
{
	xmlNode *n;

	for (n = child(child(root, "actoren"), "actor"); n != NULL; n = n->next)
		if (is_el(n, "actor") && attr_is(n, "id", id))
			return n;
	return NULL;
}

static void
apply_attr(xmlNode *root, const struct change *c)
{
	xmlNode *a = find_actor(root, c->actor);
	xmlChar *old;
	char *list, *v;

	if (a == NULL)
		return;
	if (strcmp(c->name, "aangewezen-als") != 0) {
		xmlSetProp(a, (const xmlChar *)c->name,
		           (const xmlChar *)c->value);
		return;
	}
	old = xmlGetProp(a, (const xmlChar *)c->name);
	list = tokens(old != NULL ? (const char *)old : "");
	xmlFree(old);
	v = *list != '\0' ? xasprintf("%s %s", list, c->value)
	                  : xstrdup(c->value);
	xmlSetProp(a, (const xmlChar *)c->name, (const xmlChar *)v);
	free(list);
	free(v);
}

static void
apply_add_actor(xmlNode *root, const struct change *c)
{
	xmlNode *actoren = child(root, "actoren"), *a;

	if (actoren == NULL || find_actor(root, c->actor) != NULL)
		return;
	a = xmlNewChild(actoren, NULL, (const xmlChar *)"actor", NULL);
	xmlSetProp(a, (const xmlChar *)"id", (const xmlChar *)c->actor);
	xmlSetProp(a, (const xmlChar *)"rol", (const xmlChar *)c->name);
	xmlNewTextChild(a, NULL, (const xmlChar *)"naam",
	                (const xmlChar *)c->value);
}

static int
has_taak(xmlNode *taken, const char *id, const char *actor)
{
	xmlNode *t;

	for (t = taken != NULL ? taken->children : NULL; t != NULL; t = t->next)
		if (is_el(t, "taak") && attr_is(t, "id", id) &&
		    attr_is(t, "actor", actor))
			return 1;
	return 0;
}

static void
apply_move(xmlNode *root, const struct change *c)
{
	xmlNode *taken = child(root, "taken"), *t, *next;
	size_t i;

	for (t = taken != NULL ? taken->children : NULL; t != NULL; t = next) {
		next = t->next;
		if (!is_el(t, "taak") || !attr_is(t, "actor", c->actor))
			continue;
		for (i = 0; i < c->ntasks; i++)
			if (attr_is(t, "id", c->tasks[i]))
				break;
		if (i == c->ntasks)
			continue;
		if (has_taak(taken, c->tasks[i], c->value)) {
			xmlUnlinkNode(t);
			xmlFreeNode(t);
		} else
			xmlSetProp(t, (const xmlChar *)"actor",
			           (const xmlChar *)c->value);
	}
}

static void
apply_grondslag(xmlNode *root, const struct change *c)
{
	xmlNode *gd = child(root, "gegevensdeling"), *d, *b, *next;

	for (d = gd != NULL ? gd->children : NULL; d != NULL; d = d->next) {
		if (!is_el(d, "deling") || !attr_is(d, "van", c->actor) ||
		    !attr_is(d, "naar", c->value))
			continue;
		for (b = d->children; b != NULL; b = next) {
			next = b->next;
			xmlUnlinkNode(b);
			xmlFreeNode(b);
		}
		if (c->kanaal == NULL) {
			xmlSetProp(d, (const xmlChar *)"grondslag",
			           (const xmlChar *)"toestemming");
			continue;
		}
		xmlSetProp(d, (const xmlChar *)"grondslag",
		           (const xmlChar *)"wettelijk");
		b = xmlNewChild(d, NULL, (const xmlChar *)"bepaling", NULL);
		xmlSetProp(b, (const xmlChar *)"bwb",
		           (const xmlChar *)c->kanaal->bwb);
		xmlSetProp(b, (const xmlChar *)"artikel",
		           (const xmlChar *)c->kanaal->artikel);
		if (c->kanaal->lid != NULL)
			xmlSetProp(b, (const xmlChar *)"lid",
			           (const xmlChar *)c->kanaal->lid);
	}
}

static void
apply_drop_dossier(xmlNode *root, const struct change *c)
{
	xmlNode *gd = child(root, "gegevensdeling"), *d, *next;

	for (d = gd != NULL ? gd->children : NULL; d != NULL; d = next) {
		xmlChar *v;
		char *list;

		next = d->next;
		if (!is_el(d, "dossier"))
			continue;
		v = xmlGetProp(d, (const xmlChar *)"actoren");
		list = tokens(v != NULL ? (const char *)v : "");
		xmlFree(v);
		if (strcmp(list, c->value) == 0) {
			xmlUnlinkNode(d);
			xmlFreeNode(d);
		}
		free(list);
	}
}

/*
 * The design with the changes applied, except those of the groups before
 * back (given back in the ladder: 0 applies all), as XML.  NULL with err
 * on a parse failure.
 */
static char *
variant(const struct builder *bd, int back, size_t *len, struct pt_err *err)
{
	xmlDocPtr doc = xmlsec_parse_memory(bd->xml, bd->len, bd->name, err);
	xmlNode *root;
	xmlChar *out = NULL;
	int n = 0;
	size_t i;
	char *s;

	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	for (i = 0; i < bd->nch; i++) {
		const struct change *c = &bd->ch[i];

		if (c->group >= 0 && c->group < back)
			continue;
		switch (c->kind) {
		case C_ATTR:
			apply_attr(root, c);
			break;
		case C_ADD_ACTOR:
			apply_add_actor(root, c);
			break;
		case C_MOVE:
			apply_move(root, c);
			break;
		case C_GRONDSLAG:
			apply_grondslag(root, c);
			break;
		case C_DROP_DOSSIER:
			apply_drop_dossier(root, c);
			break;
		}
	}
	xmlDocDumpFormatMemoryEnc(doc, &out, &n, "UTF-8", 1);
	xmlFreeDoc(doc);
	s = xmalloc((size_t)n + 1);
	memcpy(s, out, (size_t)n);
	s[n] = '\0';
	xmlFree(out);
	*len = (size_t)n;
	return s;
}

/* Load and check a variant.  The caller frees both. */
static enum pt_status
check_xml(const struct builder *bd, const char *xml, size_t len,
          struct design **d, struct check_result **r, struct pt_err *err)
{
	enum pt_status rc;

	*d = NULL;
	*r = NULL;
	rc = design_load_memory(xml, len, bd->name, bd->today, d, err);
	if (rc != PT_OK)
		return rc;
	if ((rc = check_run(*d, bd->rs, bd->st, r, err)) != PT_OK) {
		design_free(*d);
		*d = NULL;
		return rc;
	}
	return PT_OK;
}

/* --- the changes that lift one barrier -------------------------------- */

static struct change *
add_change(struct builder *bd, enum chg_kind kind, int group)
{
	struct change *c;

	PT_ARRAY_PUSH(bd->ch, bd->nch, bd->chcap);
	c = &bd->ch[bd->nch - 1];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->group = group;
	return c;
}

static int
new_group(struct builder *bd, enum vocab_level level, char *adds)
{
	struct group *g;

	PT_ARRAY_PUSH(bd->groups, bd->ngroups, bd->gcap);
	g = &bd->groups[bd->ngroups - 1];
	memset(g, 0, sizeof *g);
	g->adds = adds;
	g->level = level;
	return (int)bd->ngroups - 1;
}

static void
group_item(struct builder *bd, int group, const char *kind, const char *a,
           const char *b)
{
	struct group *g = &bd->groups[group];
	struct ruimte_item *it;

	g->items = xreallocarray(g->items, g->nitems + 1, sizeof *g->items);
	it = &g->items[g->nitems++];
	it->kind = kind;
	it->a = xstrdup0(a);
	it->b = xstrdup0(b);
}

static void
add_route(struct builder *bd, const struct finding *f, enum ruimte_soort s,
          const char *actor, char *toelichting, int group)
{
	struct ruimte_result *res = bd->res;
	struct ruimte_route *rt;

	PT_ARRAY_PUSH(res->routes, res->nroutes, bd->rcap);
	rt = &res->routes[res->nroutes - 1];
	rt->finding = xstrdup(f->id);
	rt->soort = s;
	rt->actor = xstrdup0(actor);
	rt->toelichting = toelichting;
	rt->rule = f->rule;
	rt->group = group;
}

/* The open route of f that changes the design, not yet taken. */
static const struct rule_route *
design_route(const struct finding *f, const struct design_actor *a,
             enum ruimte_soort *s)
{
	size_t i;

	for (i = 0; i < f->nroutes; i++) {
		const char *k = f->routes[i]->soort;

		if (strcmp(k, "certificaat") == 0 && !a->gecertificeerd) {
			*s = RUIMTE_CERTIFICAAT;
			return f->routes[i];
		}
		if (strcmp(k, "aanwijzing-veilig-thuis") == 0 &&
		    !(a->aangewezen & AANW_VEILIG_THUIS)) {
			*s = RUIMTE_AANWIJZING_VT;
			return f->routes[i];
		}
		if (strcmp(k, "aanwijzing-jeugdhulpaanbieder") == 0 &&
		    !(a->aangewezen & AANW_JEUGDHULPAANBIEDER)) {
			*s = RUIMTE_AANWIJZING_JHA;
			return f->routes[i];
		}
	}
	return NULL;
}

/* An open route that needs an agreement and no change of the design. */
static const struct rule_route *
agreement_route(const struct finding *f, enum ruimte_soort *s)
{
	size_t i;

	for (i = 0; i < f->nroutes; i++) {
		if (strcmp(f->routes[i]->soort, "samenwerking") == 0) {
			*s = RUIMTE_GEMEENSCHAPPELIJKE_REGELING;
			return f->routes[i];
		}
		if (strcmp(f->routes[i]->soort, "toerekening") == 0) {
			*s = RUIMTE_TOEREKENING;
			return f->routes[i];
		}
	}
	return NULL;
}

static int
lift_by_route(struct builder *bd, const struct design *d,
              const struct finding *f)
{
	long ai = f->nactors > 0 ? design_actor_index(d, f->actors[0]) : -1;
	const struct rule_route *rt;
	enum ruimte_soort s;
	struct change *c;

	if (ai < 0)
		return 0;
	if ((rt = design_route(f, &d->actors[ai], &s)) != NULL) {
		c = add_change(bd, C_ATTR, -1);
		c->actor = xstrdup(f->actors[0]);
		c->name = xstrdup(s == RUIMTE_CERTIFICAAT ? "gecertificeerd"
		                                          : "aangewezen-als");
		c->value =
		    xstrdup(s == RUIMTE_CERTIFICAAT     ? "ja"
		            : s == RUIMTE_AANWIJZING_VT ? "veilig-thuis"
		                                        : "jeugdhulpaanbieder");
		add_route(bd, f, s, f->actors[0], xstrdup(rt->text), -1);
		return 1;
	}
	if ((rt = agreement_route(f, &s)) != NULL &&
	    strmap_get(&bd->agreed, f->id) < 0) {
		add_route(bd, f, s, f->actors[0], xstrdup(rt->text), -1);
		/* the key lives as long as the route */
		(void)strmap_add(&bd->agreed,
		                 bd->res->routes[bd->res->nroutes - 1].finding,
		                 0);
		return 0; /* nothing in the design changes */
	}
	return 0;
}

/* The actor that takes task back: one of the design with a role the law
 * names for it, else a new one of the first such role.  NULL when the law
 * names no role of the design format. */
static char *
holder_for(struct builder *bd, const struct design *d, const char *task,
           const char *from)
{
	const struct vocab_entry *v = vocab_task(task);
	char *roles, *tok, *save, *first = NULL, *id = NULL;
	size_t i;

	if (v == NULL || v->roles == NULL || *v->roles == '\0')
		return NULL;
	roles = xstrdup(v->roles);
	for (tok = strtok_r(roles, " ", &save); tok != NULL && id == NULL;
	     tok = strtok_r(NULL, " ", &save)) {
		if (first == NULL)
			first = tok;
		for (i = 0; i < d->nactors && id == NULL; i++)
			if (strcmp(d->actors[i].rol, tok) == 0 &&
			    strcmp(d->actors[i].id, from) != 0)
				id = xstrdup(d->actors[i].id);
	}
	if (id == NULL) {
		const struct vocab_entry *r = vocab_role(first);
		struct change *c;
		int k = 1;

		id = xstrdup(first);
		while (design_actor_index(d, id) >= 0) {
			free(id);
			id = xasprintf("%s-%d", first, ++k);
		}
		for (i = 0; i < bd->nch; i++)
			if (bd->ch[i].kind == C_ADD_ACTOR &&
			    strcmp(bd->ch[i].actor, id) == 0)
				break;
		if (i == bd->nch) {
			c = add_change(bd, C_ADD_ACTOR, -1);
			c->actor = xstrdup(id);
			c->name = xstrdup(first);
			c->value = xasprintf("%s (wettelijke taakhouder)",
			                     r != NULL ? r->label : first);
		}
	}
	free(roles);
	return id;
}

/* Give the tasks of the finding (for a combinatie, those of its first
 * group) back to a body the law names. */
static int
lift_by_task_back(struct builder *bd, const struct design *d,
                  const struct finding *f)
{
	const struct rule *r = f->rule;
	struct pt_buf why = PT_BUF_INIT;
	int group = -1, moved = 0;
	size_t i, k;

	if (f->nactors == 0 || r->cond == COND_GEGEVENSDELING)
		return 0;
	for (i = 0; i < f->ntasks; i++) {
		struct change *c;
		char *to;

		if (r->cond == COND_COMBINATIE) {
			for (k = 0; k < r->ntaken; k++)
				if (strcmp(r->taken[k], f->tasks[i]) == 0)
					break;
			if (k == r->ntaken)
				continue;
		}
		if ((to = holder_for(bd, d, f->tasks[i], f->actors[0])) == NULL)
			continue;
		if (group < 0)
			group = new_group(bd, f->level, NULL);
		c = add_change(bd, C_MOVE, group);
		c->actor = xstrdup(f->actors[0]);
		c->value = to;
		c->tasks = xcalloc(1, sizeof *c->tasks);
		c->tasks[0] = xstrdup(f->tasks[i]);
		c->ntasks = 1;
		pt_buf_addf(&why, "%s'%s' gaat terug naar %s",
		            moved ? "; " : "", f->tasks[i], to);
		group_item(bd, group, "taak", f->tasks[i], f->actors[0]);
		moved++;
	}
	if (!moved) {
		pt_buf_release(&why);
		return 0;
	}
	pt_buf_addf(&why,
	            ", een taakhouder die de wet noemt; %s werkt met die "
	            "taakhouder samen maar voert de taak niet zelf uit",
	            f->actors[0]);
	bd->groups[group].adds =
	    xasprintf("%s voert weer zelf uit: %s", f->actors[0], why.s);
	add_route(bd, f, RUIMTE_TAAK_TERUG, f->actors[0], pt_buf_detach(&why),
	          group);
	return 1;
}

/* The statutory gateway of rule r whose sender and receiver patterns fit. */
static const struct rule_kanaal *
covering_kanaal(const struct rule *r, const struct design_actor *van,
                const struct design_actor *naar)
{
	size_t i, k;

	for (i = 0; i < r->nkanalen; i++) {
		const struct rule_kanaal *kn = &r->kanalen[i];
		int ok_van = kn->nvan == 0, ok_naar = kn->nnaar == 0;

		for (k = 0; k < kn->nvan && !ok_van; k++)
			ok_van = rules_pattern_match(&kn->van[k], van);
		for (k = 0; k < kn->nnaar && !ok_naar; k++)
			ok_naar = rules_pattern_match(&kn->naar[k], naar);
		if (ok_van && ok_naar)
			return kn;
	}
	return NULL;
}

static struct ruimte_route *
route_of_group(struct builder *bd, int group)
{
	size_t i;

	for (i = 0; i < bd->res->nroutes; i++)
		if (bd->res->routes[i].group == group)
			return &bd->res->routes[i];
	return NULL;
}

/* The route of a sharing on gateway kn (caller frees). */
static char *
kanaal_route(const char *van, const char *naar, const struct rule_kanaal *kn)
{
	struct cite_ref r = {kn->bwb, NULL, kn->artikel, kn->lid, NULL};
	char *cite = cite_ref(&r, CITE_KORT), *s;

	s = xasprintf("%s verstrekt de gegevens aan %s op grond van %s, een "
	              "wettelijk kanaal voor deze verstrekker en ontvanger.",
	              van, naar, cite);
	free(cite);
	return s;
}

/* A flow: first the gateway that fits, then consent; a file: given up. */
static int
lift_flow(struct builder *bd, const struct design *d, const struct finding *f)
{
	const char *subj = strrchr(f->id, '/');
	char *van, *naar, *gt, *list;
	long vi, ni;
	size_t i;
	int g;

	subj = subj != NULL ? subj + 1 : f->id;
	if (strncmp(subj, "dossier:", 8) == 0) {
		list = xstrdup(subj + 8);
		if (strchr(list, '#') != NULL)
			*strchr(list, '#') = '\0';
		for (i = 0; list[i] != '\0'; i++)
			if (list[i] == '+')
				list[i] = ' ';
		for (i = 0; i < bd->nch; i++)
			if (bd->ch[i].kind == C_DROP_DOSSIER &&
			    strcmp(bd->ch[i].value, list) == 0) {
				free(list);
				return 0;
			}
		g = new_group(bd, f->level,
		              xasprintf("het integraal dossier van %s", list));
		add_change(bd, C_DROP_DOSSIER, g)->value = xstrdup(list);
		group_item(bd, g, "dossier", list, NULL);
		add_route(bd, f, RUIMTE_TOESTEMMING, f->actors[0],
		          xasprintf("Het integraal dossier van %s vervalt: de "
		                    "actoren houden elk hun eigen dossier en "
		                    "delen gegevens alleen met toestemming of "
		                    "langs een wettelijk kanaal.",
		                    list),
		          g);
		free(list);
		return 1;
	}
	if ((gt = strchr(subj, '>')) == NULL)
		return 0;
	van = xstrndup(subj, (size_t)(gt - subj));
	naar = xstrdup(gt + 1);
	if (strchr(naar, '#') != NULL)
		*strchr(naar, '#') = '\0';
	vi = design_actor_index(d, van);
	ni = design_actor_index(d, naar);
	for (i = 0; i < bd->nch; i++)
		if (bd->ch[i].kind == C_GRONDSLAG &&
		    strcmp(bd->ch[i].actor, van) == 0 &&
		    strcmp(bd->ch[i].value, naar) == 0)
			break;
	if (i < bd->nch) {
		/* The gateway did not cover it: consent instead. */
		struct change *c = &bd->ch[i];
		struct ruimte_route *rt = route_of_group(bd, c->group);
		int done = c->kanaal == NULL;

		c->kanaal = NULL;
		if (!done && rt != NULL) {
			rt->soort = RUIMTE_TOESTEMMING;
			free(rt->toelichting);
			rt->toelichting = xasprintf(
			    "%s verstrekt de gegevens aan %s alleen met "
			    "toestemming van de betrokkenen: geen wettelijk "
			    "kanaal dekt deze verstrekking.",
			    van, naar);
		}
		free(van);
		free(naar);
		return !done;
	}
	if (vi < 0 || ni < 0) {
		free(van);
		free(naar);
		return 0;
	}
	{
		const struct rule_kanaal *kn =
		    covering_kanaal(f->rule, &d->actors[vi], &d->actors[ni]);
		struct change *c;

		g = new_group(bd, f->level,
		              xasprintf("de verstrekking van %s aan %s zoals "
		                        "ontworpen",
		                        van, naar));
		c = add_change(bd, C_GRONDSLAG, g);
		c->actor = xstrdup(van);
		c->value = xstrdup(naar);
		c->kanaal = kn;
		group_item(bd, g, "deling", van, naar);
		add_route(
		    bd, f, kn != NULL ? RUIMTE_GRONDSLAG : RUIMTE_TOESTEMMING,
		    van,
		    kn != NULL
		        ? kanaal_route(van, naar, kn)
		        : xasprintf(
		              "%s verstrekt de gegevens aan %s alleen met "
		              "toestemming van de betrokkenen: geen "
		              "wettelijk kanaal dekt deze verstrekking.",
		              van, naar),
		    g);
	}
	free(van);
	free(naar);
	return 1;
}

/* One round: every barrier of the variant that a route or a step back can
 * lift.  Returns whether anything changed. */
static int
lift_round(struct builder *bd, const struct design *d,
           const struct check_result *r)
{
	size_t i;
	int changed = 0;

	for (i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];

		if (f->rule->kind != RULE_BARRIER ||
		    strmap_get(&bd->agreed, f->id) >= 0)
			continue;
		if (f->rule->cond == COND_GEGEVENSDELING) {
			changed |= lift_flow(bd, d, f);
			continue;
		}
		if (lift_by_route(bd, d, f)) {
			changed = 1;
			continue;
		}
		if (strmap_get(&bd->agreed, f->id) >= 0)
			continue;
		changed |= lift_by_task_back(bd, d, f);
	}
	return changed;
}

/* --- the result ------------------------------------------------------- */

static int
is_barrier(const struct finding *f)
{
	return f->rule->kind == RULE_BARRIER;
}

static int
lifted_now(const struct ruimte_result *res, const struct finding *f)
{
	size_t i;

	/* Consent and a task given back are ways around a barrier, not
	 * ways to do what the design wants: that still needs the law. */
	for (i = 0; i < res->nroutes; i++)
		if (res->routes[i].soort != RUIMTE_TAAK_TERUG &&
		    res->routes[i].soort != RUIMTE_TOESTEMMING &&
		    strcmp(res->routes[i].finding, f->id) == 0)
			return 1;
	return 0;
}

/* The full design's barriers by what lifts them. */
static void
partition(struct ruimte_result *res)
{
	const struct check_result *r = res->full;
	size_t i;

	res->nu = xcalloc(r->nfindings + 1, sizeof *res->nu);
	res->amvb = xcalloc(r->nfindings + 1, sizeof *res->amvb);
	res->wet = xcalloc(r->nfindings + 1, sizeof *res->wet);
	for (i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];

		if (!is_barrier(f))
			continue;
		if (lifted_now(res, f))
			res->nu[res->nnu++] = f;
		else if (f->level == LEVEL_AMVB)
			res->amvb[res->namvb++] = f;
		else
			res->wet[res->nwet++] = f;
	}
}

/* Ladder order: the groups whose barriers need the lowest level first
 * (college before amvb before wet), otherwise as they were made. */
static void
order_groups(struct builder *bd)
{
	size_t n = bd->ngroups, i, j;
	int *rank = xcalloc(n + 1, sizeof *rank);
	struct group *sorted = xcalloc(n + 1, sizeof *sorted);
	size_t k = 0;
	int lv;

	for (lv = LEVEL_GEEN; lv >= LEVEL_WET; lv--)
		for (i = 0; i < n; i++)
			if ((int)bd->groups[i].level == lv) {
				rank[i] = (int)k;
				sorted[k++] = bd->groups[i];
			}
	for (j = 0; j < bd->nch; j++)
		if (bd->ch[j].group >= 0)
			bd->ch[j].group = rank[bd->ch[j].group];
	for (j = 0; j < bd->res->nroutes; j++)
		if (bd->res->routes[j].group >= 0)
			bd->res->routes[j].group =
			    rank[bd->res->routes[j].group];
	free(bd->groups);
	bd->groups = sorted;
	free(rank);
}

static int
has_barrier(const struct check_result *r, const char *id)
{
	size_t i;

	for (i = 0; r != NULL && i < r->nfindings; i++)
		if (is_barrier(&r->findings[i]) &&
		    strcmp(r->findings[i].id, id) == 0)
			return 1;
	return 0;
}

/* The barriers of cur that prev does not have. */
static void
step_barriers(struct ruimte_step *s, const struct check_result *prev,
              const struct check_result *cur)
{
	size_t i;

	for (i = 0; cur != NULL && i < cur->nfindings; i++) {
		const struct finding *f = &cur->findings[i];

		if (!is_barrier(f) || has_barrier(prev, f->id))
			continue;
		s->barriers = xreallocarray(s->barriers, s->nbarriers + 1,
		                            sizeof *s->barriers);
		s->barriers[s->nbarriers++] = xstrdup(f->id);
		if (!s->has_level || f->level < s->level)
			s->level = f->level;
		s->has_level = 1;
	}
}

static enum pt_status
build_ladder(struct builder *bd, struct pt_err *err)
{
	struct ruimte_result *res = bd->res;
	const struct check_result *prev = res->variant;
	struct check_result *kept = NULL;
	struct design *kept_d = NULL;
	size_t k, len;

	res->ladder = xcalloc(bd->ngroups + 1, sizeof *res->ladder);
	for (k = 0; k <= bd->ngroups; k++) {
		struct ruimte_step *s = &res->ladder[res->nladder++];
		struct design *d;
		struct check_result *r;
		char *xml;

		if (k < bd->ngroups) {
			struct group *g = &bd->groups[k];

			s->adds = g->adds;
			g->adds = NULL;
			s->items = g->items;
			s->nitems = g->nitems;
			g->items = NULL;
			g->nitems = 0;
			xml = variant(bd, (int)k + 1, &len, err);
			if (xml == NULL)
				goto fail;
			if (check_xml(bd, xml, len, &d, &r, err) != PT_OK) {
				free(xml);
				goto fail;
			}
			free(xml);
		} else {
			s->adds =
			    xstrdup("het ontwerp zoals ingediend, zonder de "
			            "routes van de variant");
			s->items = xcalloc(1, sizeof *s->items);
			s->items[0].kind = "ontwerp";
			s->nitems = 1;
			d = NULL;
			r = res->full;
		}
		step_barriers(s, prev, r);
		check_result_free(kept);
		design_free(kept_d);
		kept = r != res->full ? r : NULL;
		kept_d = d;
		prev = r;
	}
	check_result_free(kept);
	design_free(kept_d);
	return PT_OK;
fail:
	check_result_free(kept);
	design_free(kept_d);
	return err->code;
}

/* Whether s ends in tail. */
static int
ends_in(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && strcmp(s + n - t, tail) == 0;
}

/*
 * The variant as a design of its own: id "<id>-nu", its name says what it
 * is, and a comment lists the routes, so that it can be saved and
 * reviewed beside the design it comes from.  The variant of a variant
 * keeps its id and name: it is a new version of the same proeftuin, not
 * "<id>-nu-nu".
 */
static enum pt_status
name_variant(struct builder *bd, struct pt_err *err)
{
	struct ruimte_result *res = bd->res;
	xmlDocPtr doc = xmlsec_parse_memory(
	    res->variant_xml, strlen(res->variant_xml), bd->name, err);
	struct pt_buf c = PT_BUF_INIT;
	xmlNode *root, *naam;
	xmlChar *out = NULL;
	char *v;
	int n = 0;
	size_t i;

	if (doc == NULL)
		return err->code;
	root = xmlDocGetRootElement(doc);
	v = ends_in(res->design->id, "-nu")
	        ? xstrdup(res->design->id)
	        : xasprintf("%s-nu", res->design->id);
	xmlSetProp(root, (const xmlChar *)"id", (const xmlChar *)v);
	free(v);
	if ((naam = child(root, "naam")) != NULL) {
		const char *was = res->design->naam != NULL ? res->design->naam
		                                            : res->design->id;

		v = ends_in(was, VARIANT_NAAM)
		        ? xstrdup(was)
		        : xasprintf("%s" VARIANT_NAAM, was);
		xmlNodeSetContent(naam, NULL);
		xmlNodeAddContent(naam, (const xmlChar *)v);
		free(v);
	}
	pt_buf_addf(&c,
	            " De variant van proeftuin %s binnen de huidige wet "
	            "(proeftoets ruimte).  Routes:\n",
	            res->design->id);
	for (i = 0; i < res->nroutes; i++)
		pt_buf_addf(&c, "  - %s: %s\n",
		            ruimte_soort_name(res->routes[i].soort),
		            res->routes[i].finding);
	/* "--" may not occur in a comment */
	for (i = 0; i + 1 < c.len; i++)
		if (c.s[i] == '-' && c.s[i + 1] == '-')
			c.s[i + 1] = '~';
	xmlAddPrevSibling(root, xmlNewDocComment(doc, (const xmlChar *)c.s));
	pt_buf_release(&c);
	xmlDocDumpFormatMemoryEnc(doc, &out, &n, "UTF-8", 1);
	xmlFreeDoc(doc);
	free(res->variant_xml);
	res->variant_xml = xmalloc((size_t)n + 1);
	memcpy(res->variant_xml, out, (size_t)n);
	res->variant_xml[n] = '\0';
	xmlFree(out);
	design_free(res->variant_design);
	res->variant_design = NULL;
	return design_load_memory(res->variant_xml, (size_t)n, bd->name,
	                          bd->today, &res->variant_design, err);
}

static enum pt_status
build_variant(struct builder *bd, struct pt_err *err)
{
	struct ruimte_result *res = bd->res;
	int round;

	for (round = 0; round < RUIMTE_MAX_ROUNDS; round++) {
		size_t len;
		char *xml = variant(bd, 0, &len, err);
		struct design *d;
		struct check_result *r;
		int changed;

		if (xml == NULL)
			return err->code;
		if (check_xml(bd, xml, len, &d, &r, err) != PT_OK) {
			free(xml);
			return err->code;
		}
		changed = round + 1 < RUIMTE_MAX_ROUNDS && lift_round(bd, d, r);
		if (!changed) {
			res->variant_xml = xml;
			res->variant_design = d;
			res->variant = r;
			return PT_OK;
		}
		free(xml);
		check_result_free(r);
		design_free(d);
	}
	return PT_OK; /* not reached */
}

enum pt_status
ruimte_run(const char *xml, size_t len, const char *name, const char *today,
           const struct ruleset *rs, struct pt_store *st,
           struct ruimte_result **out, struct pt_err *err)
{
	struct builder bd;
	struct ruimte_result *res = xcalloc(1, sizeof *res);
	enum pt_status rc;
	size_t i;

	*out = NULL;
	memset(&bd, 0, sizeof bd);
	bd.xml = xml;
	bd.len = len;
	bd.name = name;
	bd.today = today;
	bd.rs = rs;
	bd.st = st;
	bd.res = res;
	rc = check_xml(&bd, xml, len, &res->own_design, &res->full, err);
	res->design = res->own_design;
	if (rc == PT_OK)
		rc = build_variant(&bd, err);
	if (rc == PT_OK) {
		for (i = 0; i < res->variant->nfindings; i++)
			if (is_barrier(&res->variant->findings[i]) &&
			    strmap_get(&bd.agreed,
			               res->variant->findings[i].id) < 0)
				res->barriers_after++;
		partition(res);
		order_groups(&bd);
		rc = build_ladder(&bd, err);
	}
	if (rc == PT_OK) {
		/* the variant check keeps the design's ids; its file does not
		 */
		rc = name_variant(&bd, err);
	}
	for (i = 0; i < bd.nch; i++) {
		size_t k;

		free(bd.ch[i].actor);
		free(bd.ch[i].name);
		free(bd.ch[i].value);
		for (k = 0; k < bd.ch[i].ntasks; k++)
			free(bd.ch[i].tasks[k]);
		free(bd.ch[i].tasks);
	}
	free(bd.ch);
	for (i = 0; i < bd.ngroups; i++) {
		size_t k;

		free(bd.groups[i].adds);
		for (k = 0; k < bd.groups[i].nitems; k++) {
			free(bd.groups[i].items[k].a);
			free(bd.groups[i].items[k].b);
		}
		free(bd.groups[i].items);
	}
	free(bd.groups);
	strmap_release(&bd.agreed);
	if (rc != PT_OK) {
		ruimte_free(res);
		return rc;
	}
	*out = res;
	return PT_OK;
}

void
ruimte_free(struct ruimte_result *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	check_result_free(r->full);
	check_result_free(r->variant);
	design_free(r->own_design);
	design_free(r->variant_design);
	free(r->variant_xml);
	for (i = 0; i < r->nroutes; i++) {
		free(r->routes[i].finding);
		free(r->routes[i].actor);
		free(r->routes[i].toelichting);
	}
	free(r->routes);
	free(r->nu);
	free(r->amvb);
	free(r->wet);
	for (i = 0; i < r->nladder; i++) {
		struct ruimte_step *s = &r->ladder[i];

		free(s->adds);
		for (k = 0; k < s->nitems; k++) {
			free(s->items[k].a);
			free(s->items[k].b);
		}
		free(s->items);
		for (k = 0; k < s->nbarriers; k++)
			free(s->barriers[k]);
		free(s->barriers);
	}
	free(r->ladder);
	free(r);
}
