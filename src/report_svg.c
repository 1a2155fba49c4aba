/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_svg.c: a picture of a checked design as SVG, laid out by
 * Graphviz (libgvc, dot): every actor a box, every data flow an arrow,
 * every shared dossier a cylinder joined to the actors that share it.  A
 * barrier or risk marks the box, arrow or dossier it concerns (red for a
 * barrier, amber for a risk) with the number of findings and their titles
 * as a tooltip; with an href each marked item links to its finding.
 *
 * Graphviz is started with two plugins only, loaded from its own plugin
 * directory: the dot layout and the core renderers (SVG).  Without the
 * Pango plugin text widths come from Graphviz's built-in font metrics, so
 * the picture is the same on every machine, no font configuration is read
 * and no font cache is written.  The plugins stay loaded for the life of
 * the process (Graphviz 2.43's dot layout keeps some memory for good),
 * and one picture is drawn at a time: Graphviz keeps its state in globals.
 */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wundef"
#include <gvc.h>
#include <gvplugin.h>
#pragma GCC diagnostic pop

#include "buf.h"
#include "html.h"
#include "report.h"
#include "vocab.h"

#define RED   "#b00020"
#define AMBER "#9a5b00"

/* Graphviz keeps layout state in globals: one picture at a time (the web
 * workspace draws on several threads). */
static pthread_mutex_t gv_lock = PTHREAD_MUTEX_INITIALIZER;

static struct {
	pthread_once_t once;
	lt_symlist_t syms[3];
	const char *error; /* why the plugins could not be loaded */
} gv = {PTHREAD_ONCE_INIT, {{NULL, NULL}}, NULL};

static void
gv_load(void)
{
	static const char *const libs[2][2] = {
	    {GV_PLUGINDIR "/libgvplugin_core.so.6",
	     "gvplugin_core_LTX_library"},
	    {GV_PLUGINDIR "/libgvplugin_dot_layout.so.6",
	     "gvplugin_dot_layout_LTX_library"}};
	size_t i;

	for (i = 0; i < 2; i++) {
		void *h = dlopen(libs[i][0], RTLD_NOW | RTLD_LOCAL);

		if (h == NULL ||
		    (gv.syms[i].address = dlsym(h, libs[i][1])) == NULL) {
			gv.error = libs[i][0];
			return;
		}
		gv.syms[i].name = libs[i][1];
	}
}

/* Graphviz's warnings would go to standard error; the library prints
 * nothing, and a failed layout is reported by its status. */
static int
gv_quiet(char *msg)
{
	(void)msg;
	return 0;
}

/* Graphviz's setters take char *; these keep -Wwrite-strings quiet. */
static void
set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void
defattr(Agraph_t *g, int kind, const char *name, const char *value)
{
	agattr(g, kind, (char *)name, (char *)value);
}

/* Graphviz expands \N, \G, \n and the like in labels: a backslash of the
 * design is doubled so it stays one. */
static void
add_label_text(struct pt_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			pt_buf_addc(b, '\\');
		pt_buf_addc(b, *s);
	}
}

/* The findings that concern one item of the picture. */
struct marks {
	size_t nbarriers, nrisks;
	const struct finding *first;
	struct pt_buf titles; /* for the tooltip, a line each */
};

static void
mark(struct marks *m, const struct finding *f)
{
	if (f->rule->kind == RULE_BARRIER)
		m->nbarriers++;
	else
		m->nrisks++;
	if (m->first == NULL)
		m->first = f;
	else
		pt_buf_addc(&m->titles, '\n');
	pt_buf_adds(&m->titles, f->rule->titel);
}

static int
has_actor(const struct finding *f, const char *id)
{
	size_t k;

	for (k = 0; k < f->nactors; k++)
		if (strcmp(f->actors[k], id) == 0)
			return 1;
	return 0;
}

static void
marks_of_actor(const struct check_result *r, const char *id, struct marks *m)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].subject == FINDING_ACTOR &&
		    has_actor(&r->findings[i], id))
			mark(m, &r->findings[i]);
}

static void
marks_of_flow(const struct check_result *r, const char *van, const char *naar,
              struct marks *m)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];

		if (f->subject == FINDING_FLOW && f->nactors == 2 &&
		    strcmp(f->actors[0], van) == 0 &&
		    strcmp(f->actors[1], naar) == 0)
			mark(m, f);
	}
}

static void
marks_of_dossier(const struct check_result *r, size_t dossier, struct marks *m)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].subject == FINDING_DOSSIER &&
		    r->findings[i].dossier == dossier)
			mark(m, &r->findings[i]);
}

/* "2 belemmeringen, 1 risico" */
static void
add_counts(struct pt_buf *b, const struct marks *m)
{
	if (m->nbarriers)
		pt_buf_addf(b, "%zu %s", m->nbarriers,
		            m->nbarriers == 1 ? "belemmering"
		                              : "belemmeringen");
	if (m->nbarriers && m->nrisks)
		pt_buf_adds(b, ", ");
	if (m->nrisks)
		pt_buf_addf(b, "%zu %s", m->nrisks,
		            m->nrisks == 1 ? "risico" : "risico's");
}

/* Colour, tooltip and link of a marked item; its label gets the counts. */
static void
apply_marks(void *obj, struct pt_buf *label, struct marks *m, const char *href,
            const char *id)
{
	set(obj, "id", (char *)id);
	if (m->first == NULL)
		return;
	pt_buf_adds(label, "\n\xe2\x9a\xa0 ");
	add_counts(label, m);
	set(obj, "color", m->nbarriers ? RED : AMBER);
	set(obj, "fontcolor", m->nbarriers ? RED : AMBER);
	set(obj, "penwidth", "2");
	set(obj, "tooltip", m->titles.s);
	if (href != NULL) {
		struct pt_buf u = PT_BUF_INIT;

		pt_buf_adds(&u, href);
		html_url_encode(&u, m->first->id);
		set(obj, "href", u.s);
		pt_buf_release(&u);
	}
}

static void
marks_release(struct marks *m)
{
	pt_buf_release(&m->titles);
	memset(m, 0, sizeof *m);
}

static void
add_actors(Agraph_t *g, Agnode_t **nodes, const struct check_result *r,
           const char *href)
{
	const struct design *d = r->design;
	size_t i;

	for (i = 0; i < d->nactors; i++) {
		const struct design_actor *a = &d->actors[i];
		const struct vocab_entry *role = vocab_role(a->rol);
		struct pt_buf label = PT_BUF_INIT;
		struct marks m;
		char name[32], *id;

		memset(&m, 0, sizeof m);
		snprintf(name, sizeof name, "a%zu", i);
		nodes[i] = agnode(g, name, 1);
		add_label_text(&label, a->naam != NULL ? a->naam : a->id);
		pt_buf_addc(&label, '\n');
		add_label_text(&label, role != NULL ? role->label : a->rol);
		marks_of_actor(r, a->id, &m);
		id = xasprintf("actor-%s", a->id);
		apply_marks(nodes[i], &label, &m, href, id);
		set(nodes[i], "label", label.s);
		free(id);
		marks_release(&m);
		pt_buf_release(&label);
	}
}

static void
add_flows(Agraph_t *g, Agnode_t **nodes, const struct check_result *r,
          const char *href)
{
	const struct design *d = r->design;
	size_t i;
	int k, n;

	for (i = 0; i < d->ndelingen; i++) {
		const struct design_deling *dl = &d->delingen[i];
		struct pt_buf label = PT_BUF_INIT;
		struct marks m;
		Agedge_t *e;
		char name[32], *id;

		memset(&m, 0, sizeof m);
		snprintf(name, sizeof name, "d%zu", i);
		e = agedge(g, nodes[dl->van], nodes[dl->naar], name, 1);
		for (k = 0, n = 0; k < VOCAB_NGEGEVENS; k++)
			if (dl->gegevens & (1u << k))
				pt_buf_addf(&label, "%s%s", n++ ? ", " : "",
				            vocab_gegevens_names[k]);
		pt_buf_adds(&label, dl->grondslag == GRONDSLAG_TOESTEMMING
		                        ? "\n(toestemming)"
		                    : dl->grondslag == GRONDSLAG_WETTELIJK
		                        ? "\n(wettelijke grondslag)"
		                        : "\n(geen grondslag)");
		marks_of_flow(r, d->actors[dl->van].id, d->actors[dl->naar].id,
		              &m);
		id = xasprintf("deling-%zu", i + 1);
		apply_marks(e, &label, &m, href, id);
		set(e, "label", label.s);
		free(id);
		marks_release(&m);
		pt_buf_release(&label);
	}
}

static void
add_dossiers(Agraph_t *g, Agnode_t **nodes, const struct check_result *r,
             const char *href)
{
	const struct design *d = r->design;
	size_t i, k;

	for (i = 0; i < d->ndossiers; i++) {
		const struct design_dossier *ds = &d->dossiers[i];
		struct pt_buf label = PT_BUF_INIT;
		struct marks m;
		Agnode_t *n;
		char name[32], *id;

		memset(&m, 0, sizeof m);
		snprintf(name, sizeof name, "s%zu", i);
		n = agnode(g, name, 1);
		set(n, "shape", "cylinder");
		pt_buf_adds(&label, "Gedeeld dossier");
		marks_of_dossier(r, i, &m);
		id = xasprintf("dossier-%zu", i + 1);
		apply_marks(n, &label, &m, href, id);
		set(n, "label", label.s);
		for (k = 0; k < ds->nactoren; k++) {
			Agedge_t *e =
			    agedge(g, nodes[ds->actoren[k]], n, NULL, 1);

			set(e, "dir", "none");
			set(e, "style", "dashed");
			if (m.first != NULL)
				set(e, "color", m.nbarriers ? RED : AMBER);
		}
		free(id);
		marks_release(&m);
		pt_buf_release(&label);
	}
}

static Agraph_t *
build_graph(const struct check_result *r, const char *href)
{
	const struct design *d = r->design;
	Agraph_t *g;
	Agnode_t **nodes;
	char *title = xasprintf("Proeftuin %s", d->id);

	g = agopen(title, Agdirected, NULL);
	free(title);
	defattr(g, AGRAPH, "rankdir", "LR");
	defattr(g, AGRAPH, "fontname", "Helvetica");
	defattr(g, AGRAPH, "nodesep", "0.4");
	defattr(g, AGNODE, "shape", "box");
	defattr(g, AGNODE, "style", "rounded");
	defattr(g, AGNODE, "fontname", "Helvetica");
	defattr(g, AGNODE, "fontsize", "11");
	/* Room for fonts wider than the Helvetica metrics of the layout. */
	defattr(g, AGNODE, "margin", "0.3,0.1");
	defattr(g, AGEDGE, "fontname", "Helvetica");
	defattr(g, AGEDGE, "fontsize", "9");
	nodes = xcalloc(d->nactors ? d->nactors : 1, sizeof *nodes);
	add_actors(g, nodes, r, href);
	add_flows(g, nodes, r, href);
	add_dossiers(g, nodes, r, href);
	free(nodes);
	return g;
}

enum pt_status
report_svg_design(struct pt_buf *out, const struct check_result *r,
                  const char *href, struct pt_err *err)
{
	GVC_t *gvc;
	Agraph_t *g;
	char *data = NULL;
	unsigned int len = 0;
	int failed;

	pthread_once(&gv.once, gv_load);
	if (gv.error != NULL)
		return pt_err_set(err, PT_EINTERNAL, gv.error, 0, 0,
		                  "cannot load this Graphviz plugin: %s",
		                  "is Graphviz (libgvc6) installed?");
	pthread_mutex_lock(&gv_lock);
	agseterrf(gv_quiet);
	gvc = gvContextPlugins(gv.syms, 0);
	if (gvc == NULL) {
		pthread_mutex_unlock(&gv_lock);
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "cannot start Graphviz");
	}
	g = build_graph(r, href);
	failed = gvLayout(gvc, g, "dot") != 0;
	if (!failed)
		failed = gvRenderData(gvc, g, "svg", &data, &len) != 0;
	if (!failed)
		pt_buf_add(out, data, len);
	if (data != NULL)
		gvFreeRenderData(data);
	gvFreeLayout(gvc, g);
	agclose(g);
	gvFreeContext(gvc);
	pthread_mutex_unlock(&gv_lock);
	if (failed)
		return pt_err_set(err, PT_EINTERNAL, r->design->path, 0, 0,
		                  "Graphviz could not draw the design");
	return PT_OK;
}

enum pt_status
report_svg_part(struct pt_buf *out, const struct check_result *r, size_t i,
                size_t n, struct pt_err *err)
{
	(void)i;
	if (n != 1)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "an SVG picture shows one design: "
		                  "give one design file (%zu given)",
		                  n);
	return report_svg_design(out, r, NULL, err);
}
