/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cmd_update.c: the update command: fetch the laws the rules cite (or the
 * ids given) from the BWB repository or a mirror, verify and import them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli_priv.h"
#include "rules.h"
#include "update.h"
#include "vocab.h"
#include "i18n.h"

struct ui {
	struct cli *c;
	int quiet;
	int progress_shown;
};

static void
clear_progress(struct ui *u)
{
	if (u->progress_shown) {
		fputs("\r\033[K", u->c->err);
		u->progress_shown = 0;
	}
}

static void
on_progress(void *ctx, const char *url, unsigned long long now,
            unsigned long long total)
{
	struct ui *u = ctx;
	const char *name = strrchr(url, '/');
	char bar[21];
	int i, fill;

	name = name ? name + 1 : url;
	if (total > 0) {
		fill = (int)(now * 20 / total);
		for (i = 0; i < 20; i++)
			bar[i] = i < fill ? '#' : ' ';
		bar[20] = '\0';
		fprintf(u->c->err, "\r%s [%s] %llu/%llu kB", name, bar,
		        now >> 10, total >> 10);
	} else {
		fprintf(u->c->err, "\r%s %llu kB", name, now >> 10);
	}
	fflush(u->c->err);
	u->progress_shown = 1;
}

static void
on_event(void *ctx, const struct update_event *ev)
{
	struct ui *u = ctx;
	const struct update_version *v = ev->version;
	FILE *out = u->c->out;
	char d1[64], d2[64];

	clear_progress(u);
	if (ev->outcome == UPDATE_FAILED)
		cli_report(u->c, ev->err);
	if (u->quiet)
		return;
	switch (ev->outcome) {
	case UPDATE_IMPORTED:
		fprintf(
		    out,
		    _("imported  %s %s  %s, in force %s to %s: %ld articles\n"),
		    ev->bwb, v->label,
		    ev->import->citeertitel ? ev->import->citeertitel
		                            : _("(no title)"),
		    cli_date(d1, sizeof d1, v->inwerkingtreding),
		    v->einddatum && strcmp(v->einddatum, "9999-12-31") != 0
		        ? cli_date(d2, sizeof d2, v->einddatum)
		        : _("(open)"),
		    ev->import->articles);
		break;
	case UPDATE_UNCHANGED:
		fprintf(out, _("unchanged %s %s%s\n"), ev->bwb, v->label,
		        ev->downloaded
		            ? _("  (the same file was imported before)")
		            : "");
		break;
	case UPDATE_FAILED:
		fprintf(out, _("failed    %s %s\n"), ev->bwb,
		        v ? v->label : _("manifest"));
		break;
	case UPDATE_NONE:
		fprintf(out,
		        _("none      %s  no version wanted in the manifest\n"),
		        ev->bwb);
		break;
	}
}

/* A whole number in [lo, hi]; -1 if v is not one. */
static long
number(const char *v, long lo, long hi)
{
	char *end;
	long n;

	if (v == NULL || *v < '0' || *v > '9')
		return -1;
	n = strtol(v, &end, 10);
	if (*end != '\0' || n < lo || n > hi)
		return -1;
	return n;
}

/* One option of update into o (and the flags); PT_OK or a usage error. */
static int
update_option(struct cli_getopt *g, int id, struct update_opts *o, struct ui *u,
              int *all, int *rules_given, const char **rules_dir)
{
	const char *v = g->val;
	long n;

	switch (id) {
	case OPT_BASE:
		if (*v == '\0')
			return cli_opt_needs(g, "a URL");
		o->base = v;
		break;
	case OPT_SINCE:
		if (!vocab_is_date(v))
			return cli_opt_needs(g, "a date YYYY-MM-DD");
		o->select = UPDATE_SINCE;
		o->since = v;
		break;
	case OPT_TODAY:
		if (!vocab_is_date(v))
			return cli_opt_needs(g, "a date YYYY-MM-DD");
		o->today = v;
		break;
	case OPT_TIMEOUT:
		if ((n = number(v, 1, 3600)) < 0)
			return cli_opt_needs(g, "a number of seconds (1-3600)");
		o->http.connect_timeout = n;
		o->http.stall_timeout = n;
		o->http.total_timeout = 10 * n;
		break;
	case OPT_RETRIES:
		if ((n = number(v, 0, 10)) < 0)
			return cli_opt_needs(g, "a number 0-10");
		o->http.retries = (int)n;
		break;
	case OPT_MAX_TIME:
		if ((n = number(v, 0, 7 * 86400)) < 0)
			return cli_opt_needs(g,
			                     "a number of seconds (0-604800)");
		o->max_run_time = n;
		break;
	case OPT_ANY_ORIGIN:
		o->http.any_origin = 1;
		break;
	case OPT_RULES:
		if (*v == '\0')
			return cli_opt_needs(g, "a directory");
		*rules_dir = v;
		*rules_given = 1;
		break;
	case OPT_ALL_VERSIONS:
		*all = 1;
		break;
	case 'q':
		u->quiet = 1;
		break;
	}
	return PT_OK;
}

/* The options of update; the BWB ids are argv[*first..argc). */
static int
update_args(struct cli *c, int argc, char **argv, struct update_opts *o,
            struct ui *u, int *rules_given, const char **rules_dir, int *first)
{
	struct cli_getopt g;
	int id, i, all = 0, r;

	cli_getopt_init(&g, c, "update", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0)
		if ((r = update_option(&g, id, o, u, &all, rules_given,
		                       rules_dir)) != PT_OK)
			return r;
	if (id < 0)
		return cli_getopt_stop(&g, id);
	for (i = g.ind; i < argc; i++)
		if (!update_is_bwb_id(argv[i]))
			return cli_usage(
			    c, "update",
			    "'%s' is not a BWB id (like BWBR0045754)", argv[i]);
	if (all && o->select == UPDATE_SINCE)
		return cli_usage(c, "update",
		                 "give --all-versions or --since, not both");
	if (all)
		o->select = UPDATE_ALL;
	if (o->base && !http_url_allowed(o->base))
		return cli_usage(c, "update",
		                 "base '%s' is not an http, https or file URL",
		                 o->base);
	*first = g.ind;
	return PT_OK;
}

/* After a run that changed laws: which rules may now be stale. */
static void
report_stale(struct cli *c, struct pt_store *st, struct ruleset *rs,
             const struct update_summary *sum)
{
	struct update_stale *stale = NULL;
	size_t nstale = 0, i;
	int available = 0;
	struct pt_err se = PT_ERR_INIT;

	if (rs == NULL)
		fprintf(c->out, _("stale rules: not checked (the rules could "
		                  "not be read)\n"));
	else if (update_stale_rules(st, rs, sum->changes, sum->nchanges,
	                            &available, &stale, &nstale, &se) != PT_OK)
		cli_report(c, &se);
	else if (!available)
		fprintf(c->out,
		        _("stale rules: not checked (no check available)\n"));
	else if (nstale == 0)
		fprintf(c->out, _("stale rules: none\n"));
	else
		for (i = 0; i < nstale; i++)
			fprintf(
			    c->out, _("stale rule %s: %s artikel %s%s%s: %s\n"),
			    stale[i].rule_id, stale[i].bwb, stale[i].artikel,
			    stale[i].lid ? " lid " : "",
			    stale[i].lid ? stale[i].lid : "", stale[i].reason);
	update_stale_free(stale, nstale);
}

int
cmd_update(struct cli *c, int argc, char **argv)
{
	struct update_opts o;
	struct update_summary sum;
	struct ui u;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;
	const char *rules_dir = cli_default_rules_dir();
	const char **ids;
	char **rule_ids = NULL;
	size_t nids = 0, nrule_ids = 0;
	int first = 0, rc, rules_given = 0;

	update_opts_default(&o);
	memset(&u, 0, sizeof u);
	u.c = c;
	rc = update_args(c, argc, argv, &o, &u, &rules_given, &rules_dir,
	                 &first);
	if (rc != PT_OK)
		return rc == CLI_HELP_SHOWN ? PT_OK : rc;
	ids = xcalloc((size_t)argc, sizeof *ids);
	for (; first < argc; first++)
		ids[nids++] = argv[first];

	/* The rules name the laws to fetch, and are what may become stale. */
	if (rules_load_dir(rules_dir, &rs, &e) != PT_OK) {
		rs = NULL;
		if (nids == 0 || rules_given) {
			free(ids);
			return cli_report(c, &e);
		}
	}
	if (nids == 0) {
		update_rule_laws(rs, &rule_ids, &nrule_ids);
		if (nrule_ids == 0) {
			rules_free(rs);
			free(ids);
			return cli_error(c, PT_EINPUT,
			                 "%s: the rules cite no law",
			                 rules_dir);
		}
		free(ids);
		ids = (const char **)rule_ids;
		nids = nrule_ids;
	}
	if ((rc = cli_open_store(c, &st)) != PT_OK)
		goto done;
	if (c->err_is_tty && !u.quiet) {
		o.http.progress = on_progress;
		o.http.progress_ctx = &u;
	}
	o.report = on_event;
	o.report_ctx = &u;
	pt_err_clear(&e);
	rc = update_run(st, ids, nids, &o, &sum, &e);
	clear_progress(&u);
	if (rc == PT_EUSAGE) {
		cli_usage(c, "update", "%s", e.msg);
	} else if (!u.quiet) {
		fprintf(c->out,
		        _("%ld imported, %ld unchanged, %ld failed; "
		          "%ld files downloaded\n"),
		        sum.imported, sum.unchanged, sum.failed, sum.downloads);
	}
	if (rc != PT_EUSAGE && sum.nchanges > 0)
		report_stale(c, st, rs, &sum);
	update_summary_release(&sum);
	store_close(st);
done:
	rules_free(rs);
	if (rule_ids)
		update_ids_free(rule_ids, nrule_ids);
	else
		free(ids);
	return rc;
}
