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

struct ui {
	struct cli *c;
	int quiet;
	int progress_shown;
};

static const char *
default_rules_dir(void)
{
	const char *env = getenv("PROEFTOETS_RULES");

	return env && *env ? env : PKGDATADIR "/rules";
}

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

	clear_progress(u);
	if (ev->outcome == UPDATE_FAILED)
		cli_report(u->c, ev->err);
	if (u->quiet)
		return;
	switch (ev->outcome) {
	case UPDATE_IMPORTED:
		fprintf(out, "imported  %s %s  %s, in force %s to %s: %ld articles\n",
			ev->bwb, v->label,
			ev->import->citeertitel ? ev->import->citeertitel : "(no title)",
			v->inwerkingtreding,
			v->einddatum && strcmp(v->einddatum, "9999-12-31") != 0
				? v->einddatum : "(open)",
			ev->import->articles);
		break;
	case UPDATE_UNCHANGED:
		fprintf(out, "unchanged %s %s%s\n", ev->bwb, v->label,
			ev->downloaded ? "  (the same file was imported before)" : "");
		break;
	case UPDATE_FAILED:
		fprintf(out, "failed    %s %s\n", ev->bwb, v ? v->label : "manifest");
		break;
	case UPDATE_NONE:
		fprintf(out, "none      %s  no version wanted in the manifest\n",
			ev->bwb);
		break;
	}
}

static int
usage_value(struct cli *c, const char *opt, const char *what)
{
	return cli_usage(c, "update", "option '%s' needs %s", opt, what);
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

int
cmd_update(struct cli *c, int argc, char **argv)
{
	struct update_opts o;
	struct update_summary sum;
	struct ui u;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;
	const char *rules_dir = default_rules_dir();
	const char **ids;
	char **rule_ids = NULL;
	size_t nids = 0, nrule_ids = 0;
	int ai, r, rc, all = 0, rules_given = 0;
	long n;

	update_opts_default(&o);
	memset(&u, 0, sizeof u);
	u.c = c;
	ids = xcalloc((size_t)argc, sizeof *ids);
	for (ai = 1; ai < argc; ai++) {
		const char *v = NULL;

		if (cli_is_help(argv[ai])) {
			free(ids);
			return cli_help(c, "update");
		}
		if ((r = cli_opt_value(argc, argv, &ai, "--base", &v)) != 0) {
			if (r < 0 || *v == '\0') {
				free(ids);
				return usage_value(c, "--base", "a URL");
			}
			o.base = v;
		} else if ((r = cli_opt_value(argc, argv, &ai, "--since", &v)) != 0) {
			if (r < 0 || !vocab_is_date(v)) {
				free(ids);
				return usage_value(c, "--since", "a date YYYY-MM-DD");
			}
			o.select = UPDATE_SINCE;
			o.since = v;
		} else if ((r = cli_opt_value(argc, argv, &ai, "--today", &v)) != 0) {
			if (r < 0 || !vocab_is_date(v)) {
				free(ids);
				return usage_value(c, "--today", "a date YYYY-MM-DD");
			}
			o.today = v;
		} else if ((r = cli_opt_value(argc, argv, &ai, "--timeout", &v)) != 0) {
			if (r < 0 || (n = number(v, 1, 3600)) < 0) {
				free(ids);
				return usage_value(c, "--timeout", "a number of seconds (1-3600)");
			}
			o.http.connect_timeout = n;
			o.http.stall_timeout = n;
			o.http.total_timeout = 10 * n;
		} else if ((r = cli_opt_value(argc, argv, &ai, "--retries", &v)) != 0) {
			if (r < 0 || (n = number(v, 0, 10)) < 0) {
				free(ids);
				return usage_value(c, "--retries", "a number 0-10");
			}
			o.http.retries = (int)n;
		} else if ((r = cli_opt_value(argc, argv, &ai, "--rules", &v)) != 0) {
			if (r < 0 || *v == '\0') {
				free(ids);
				return usage_value(c, "--rules", "a directory");
			}
			rules_dir = v;
			rules_given = 1;
		} else if (strcmp(argv[ai], "--all-versions") == 0) {
			all = 1;
		} else if (strcmp(argv[ai], "-q") == 0 || strcmp(argv[ai], "--quiet") == 0) {
			u.quiet = 1;
		} else if (argv[ai][0] == '-' && argv[ai][1] != '\0') {
			free(ids);
			return cli_usage(c, "update", "unknown option '%s'", argv[ai]);
		} else if (!update_is_bwb_id(argv[ai])) {
			free(ids);
			return cli_usage(c, "update", "'%s' is not a BWB id (like BWBR0045754)",
					 argv[ai]);
		} else {
			ids[nids++] = argv[ai];
		}
	}
	if (all && o.select == UPDATE_SINCE) {
		free(ids);
		return cli_usage(c, "update", "give --all-versions or --since, not both");
	}
	if (all)
		o.select = UPDATE_ALL;
	if (o.base && !http_url_allowed(o.base)) {
		free(ids);
		return cli_usage(c, "update", "base '%s' is not an http, https or file URL",
				 o.base);
	}

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
			return cli_error(c, PT_EINPUT, "%s: the rules cite no law",
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
		fprintf(c->out, "%ld imported, %ld unchanged, %ld failed; "
			"%ld files downloaded\n", sum.imported, sum.unchanged,
			sum.failed, sum.downloads);
	}
	if (rc != PT_EUSAGE && sum.nchanges > 0) {
		struct update_stale *stale = NULL;
		size_t nstale = 0, i;
		int available = 0;
		struct pt_err se = PT_ERR_INIT;

		if (rs == NULL)
			fprintf(c->out, "stale rules: not checked (the rules could not be read)\n");
		else if (update_stale_rules(st, rs, sum.changes, sum.nchanges,
					    &available, &stale, &nstale, &se) != PT_OK)
			cli_report(c, &se);
		else if (!available)
			fprintf(c->out, "stale rules: not checked (no check available)\n");
		else if (nstale == 0)
			fprintf(c->out, "stale rules: none\n");
		else
			for (i = 0; i < nstale; i++)
				fprintf(c->out, "stale rule %s: %s artikel %s%s%s: %s\n",
					stale[i].rule_id, stale[i].bwb, stale[i].artikel,
					stale[i].lid ? " lid " : "",
					stale[i].lid ? stale[i].lid : "", stale[i].reason);
		update_stale_free(stale, nstale);
	}
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
