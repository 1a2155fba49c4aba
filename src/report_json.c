/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_json.c: the report as JSON, the contract of the spec (section 4)
 * plus the members listed in report.h.  One design gives one object,
 * several give an array of such objects.  Pretty-printed, UTF-8.
 */
#include "config.h"

#include <stdlib.h>

#include "json.h"
#include "provenance.h"
#include "report.h"
#include "rules.h"

static void
strings(struct json *j, const char *key, char **v, size_t n)
{
	size_t i;

	json_key(j, key);
	json_begin_array(j);
	for (i = 0; i < n; i++)
		json_string(j, v[i]);
	json_end_array(j);
}

static void
provision(struct json *j, const struct finding_provision *p)
{
	const struct rule_provision *rp = p->rp;
	char *cite;
	int have = p->in_registry && p->text != NULL;

	json_begin_object(j);
	json_kstring(j, "bwb", rp != NULL ? rp->bwb : NULL);
	json_kstring(j, "artikel", rp != NULL ? rp->artikel : NULL);
	if (rp != NULL && rp->lid != NULL)
		json_kstring(j, "lid", rp->lid);
	if (rp != NULL && rp->onderdeel != NULL)
		json_kstring(j, "onderdeel", rp->onderdeel);
	json_kstring(j, "jci", p->jci);
	json_kstring(j, "text", have ? p->text : NULL);
	json_kbool(j, "in_registry", have);
	cite = cite_provision_as(p, CITE_KORT);
	json_kstring(j, "citation", cite);
	free(cite);
	if (p->citeerstijl == CITE_LANG) {
		cite = cite_provision(p);
		json_kstring(j, "citation_lang", cite);
		free(cite);
	}
	json_kstring(j, "citeertitel",
	             p->citeertitel != NULL ? p->citeertitel
	             : rp != NULL           ? rp->citeertitel
	                                    : NULL);
	json_kstring(j, "url", p->url);
	json_kstring(j, "version_date", p->version_date);
	json_kbool(j, "date_unknown", p->date_unknown);
	json_kstring(j, "missing", have ? NULL : p->missing);
	json_kbool(j, "stale", p->stale);
	if (rp != NULL && rp->getoetst_aan != NULL) {
		/* the zekerheid mark belongs to the version in force on
		 * getoetst_aan; other_version: the text quoted is another */
		json_kstring(j, "getoetst_aan", rp->getoetst_aan);
		json_kstring(j, "checked_version", p->checked_version);
		json_kbool(j, "other_version", have && p->other_version);
	}
	if (rp != NULL) {
		json_kstring(j, "zekerheid",
		             rules_zekerheid_name(rp->zekerheid));
		json_kbool(j, "verified",
		           rules_zekerheid_verified(rp->zekerheid));
	}
	json_end_object(j);
}

static void
finding(struct json *j, const struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;

	json_begin_object(j);
	json_kstring(j, "id", f->id);
	json_kstring(j, "kind", rules_kind_name(r->kind));
	json_kstring(j, "rule", r->id);
	json_kstring(j, "severity", rules_severity_name(f->severity));
	json_kstring(j, "title", r->titel);
	strings(j, "actors", f->actors, f->nactors);
	strings(j, "tasks", f->tasks, f->ntasks);
	json_key(j, "provisions");
	json_begin_array(j);
	for (i = 0; i < f->nprovisions; i++)
		provision(j, &f->provisions[i]);
	json_end_array(j);
	json_key(j, "sources");
	json_begin_array(j);
	for (i = 0; i < r->nsources; i++) {
		json_begin_object(j);
		json_kstring(j, "text", r->sources[i].text);
		json_kstring(j, "zekerheid",
		             rules_zekerheid_name(r->sources[i].zekerheid));
		json_kbool(j, "verified",
		           rules_zekerheid_verified(r->sources[i].zekerheid));
		if (r->sources[i].url != NULL)
			json_kstring(j, "url", r->sources[i].url);
		json_end_object(j);
	}
	json_end_array(j);
	/*
	 * Every finding carries an amendment object, so readers can rely on
	 * amendment.level and amendment.text being there; a risk that needs
	 * no change of law has level "geen" and an empty text.
	 */
	json_key(j, "amendment");
	json_begin_object(j);
	json_kstring(j, "level",
	             vocab_level_name(r->level_given || r->kind == RULE_BARRIER
	                                  ? f->level
	                                  : LEVEL_GEEN));
	json_kstring(j, "text", f->wijziging ? f->wijziging : "");
	json_kstring(j, "label",
	             vocab_level_label(r->level_given || r->kind == RULE_BARRIER
	                                   ? f->level
	                                   : LEVEL_GEEN));
	json_end_object(j);
	json_key(j, "review");
	json_begin_object(j);
	json_kstring(j, "status", report_review_status(f));
	if (f->review_note != NULL)
		json_kstring(j, "note", f->review_note);
	json_end_object(j);
	json_kstring(j, "trigger", f->trigger);
	json_kstring(j, "toelichting", r->toelichting);
	json_kstring(j, "norm", r->norm);
	json_kstring(j, "analyse", r->analyse);
	json_kbool(j, "unverified", f->unverified);
	json_key(j, "routes");
	json_begin_array(j);
	for (i = 0; i < f->nroutes; i++) {
		json_begin_object(j);
		json_kstring(j, "soort", f->routes[i]->soort);
		json_kstring(j, "text", f->routes[i]->text);
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
}

static void
groups(struct json *j, const struct check_result *r)
{
	struct report_group *g;
	const struct rule_provision *rp;
	char *cite;
	size_t ng, i, k;

	report_groups(r, &g, &ng);
	json_key(j, "groups");
	json_begin_array(j);
	for (i = 0; i < ng; i++) {
		json_begin_object(j);
		json_key(j, "provision");
		if (g[i].key == NULL)
			json_null(j);
		else {
			rp = g[i].key->rp;
			json_begin_object(j);
			json_kstring(j, "bwb", rp->bwb);
			json_kstring(j, "artikel", rp->artikel);
			if (rp->lid != NULL)
				json_kstring(j, "lid", rp->lid);
			cite = cite_provision_as(g[i].key, CITE_KORT);
			json_kstring(j, "citation", cite);
			free(cite);
			if (g[i].key->citeerstijl == CITE_LANG) {
				cite = cite_provision(g[i].key);
				json_kstring(j, "citation_lang", cite);
				free(cite);
			}
			json_end_object(j);
		}
		json_kstring(j, "level", vocab_level_name(g[i].level));
		json_key(j, "findings");
		json_begin_array(j);
		for (k = 0; k < g[i].nfindings; k++)
			json_string(j, g[i].findings[k]->id);
		json_end_array(j);
		json_end_object(j);
	}
	json_end_array(j);
	report_groups_free(g, ng);
}

void
report_json_generated(struct json *j, time_t when, const struct ruleset *rs,
                      const struct check_result *const *res, size_t n)
{
	struct provenance_law *laws;
	size_t nlaws, i;
	char t[32];

	json_key(j, "generated");
	json_begin_object(j);
	provenance_utc(when, t);
	json_kstring(j, "at_utc", t);
	provenance_amsterdam(when, t);
	json_kstring(j, "at", t);
	json_kstring(j, "time_zone", "Europe/Amsterdam");
	json_kstring(j, "tool", PACKAGE_NAME);
	json_kstring(j, "version", PACKAGE_VERSION);
	json_key(j, "rules");
	json_begin_object(j);
	json_kint(j, "files", rs != NULL ? (long long)rs->nfiles : 0);
	json_kstring(j, "sha256",
	             rs != NULL && rs->sha256[0] != '\0' ? rs->sha256 : NULL);
	json_end_object(j);
	provenance_laws(res, n, &laws, &nlaws);
	json_key(j, "laws");
	json_begin_array(j);
	for (i = 0; i < nlaws; i++) {
		json_begin_object(j);
		json_kstring(j, "bwb", laws[i].bwb);
		json_kstring(j, "version", laws[i].version);
		json_kstring(j, "sha256", laws[i].sha256);
		json_end_object(j);
	}
	json_end_array(j);
	free(laws);
	json_end_object(j);
}

static void
one(struct json *j, const struct check_result *r)
{
	const struct design *d = r->design;
	const struct design_taak *t;
	char *s;
	size_t i;

	json_begin_object(j);
	report_json_generated(j, r->generated, r->rules, &r, 1);
	json_kstring(j, "proeftuin", d->id);
	json_kstring(j, "peildatum", d->peildatum);
	json_kbool(j, "peildatum_given", d->peildatum_given);
	json_kstring(j, "naam", d->naam);
	json_kstring(j, "omschrijving", d->omschrijving);
	json_kstring(j, "registry", r->registry);
	json_key(j, "summary");
	json_begin_object(j);
	json_kint(j, "barriers", (long long)r->nbarriers);
	json_kint(j, "risks", (long long)r->nrisks);
	s = report_verdict(r);
	json_kstring(j, "verdict", s);
	free(s);
	json_end_object(j);
	json_key(j, "findings");
	json_begin_array(j);
	for (i = 0; i < r->nfindings; i++)
		finding(j, &r->findings[i]);
	json_end_array(j);
	groups(j, r);
	json_key(j, "ok");
	json_begin_array(j);
	for (i = 0; i < r->nok; i++) {
		if (r->ok[i].taak >= d->ntaken)
			continue;
		t = &d->taken[r->ok[i].taak];
		json_begin_object(j);
		json_kstring(j, "task", t->id);
		json_kstring(j, "actor",
		             t->actor < d->nactors ? d->actors[t->actor].id
		                                   : NULL);
		json_kstring(j, "reason", r->ok[i].reason);
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
}

void
report_json_part(struct pt_buf *out, const struct check_result *r, size_t i,
                 size_t n)
{
	struct json j;

	json_init(&j, out, 1);
	if (n == 1) {
		/* One design: its report object, not an array of one. */
		if (r != NULL)
			one(&j, r);
		pt_buf_addc(out, '\n');
		return;
	}
	if (i == 0) {
		json_begin_array(&j);
	} else {
		/* Inside the array, after i elements. */
		j.depth = 1;
		j.count[0] = (int)i;
	}
	if (r != NULL)
		one(&j, r);
	if (i + 1 >= n) {
		json_end_array(&j);
		pt_buf_addc(out, '\n');
	}
}
