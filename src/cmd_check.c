/*
 * cmd_check.c: the check command: designs + rules + registry -> report.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "cli_priv.h"
#include "design.h"
#include "report.h"
#include "rules.h"
#include "saved.h"
#include "vocab.h"

static const char *
default_rules_dir(void)
{
	const char *env = getenv("PROEFTOETS_RULES");

	return env && *env ? env : PKGDATADIR "/rules";
}

/*
 * Where the report goes: standard output, or with -o a temporary file
 * beside the output that is renamed over it once the whole report is
 * written, so that a failed run leaves an earlier report as it was.
 */
struct sink {
	struct cli *c;
	const char *path;	/* -o FILE, or NULL for standard output */
	char *tmp;
	FILE *f;
};

static int
sink_open(struct sink *k, struct cli *c, const char *path)
{
	memset(k, 0, sizeof *k);
	k->c = c;
	k->path = path;
	if (path == NULL)
		return PT_OK;
	k->tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	k->f = fopen(k->tmp, "wb");
	if (k->f == NULL) {
		cli_error(c, PT_EIO, "%s: cannot write: %s", path, strerror(errno));
		free(k->tmp);
		k->tmp = NULL;
		return PT_EIO;
	}
	return PT_OK;
}

/* Write out what b holds and empty it. */
static int
sink_write(struct sink *k, struct pt_buf *b)
{
	int rc = PT_OK;

	if (k->f == NULL)
		rc = cli_write(k->c, b->s, b->len);
	else if (b->len && fwrite(b->s, 1, b->len, k->f) != b->len)
		rc = cli_error(k->c, PT_EIO, "%s: cannot write: %s", k->path,
			       strerror(errno));
	pt_buf_reset(b);
	return rc;
}

/* Put the file in place when ok, else remove it. */
static int
sink_close(struct sink *k, int ok)
{
	int rc = PT_OK;

	if (k->f == NULL)
		return PT_OK;
	if (fclose(k->f) != 0 || (ok && rename(k->tmp, k->path) != 0)) {
		if (ok)
			rc = cli_error(k->c, PT_EIO, "%s: cannot write: %s",
				       k->path, strerror(errno));
		ok = 0;
	}
	if (!ok)
		unlink(k->tmp);
	free(k->tmp);
	k->f = NULL;
	k->tmp = NULL;
	return rc;
}

int
cmd_check(struct cli *c, int argc, char **argv)
{
	const char *rules_dir = default_rules_dir(), *output = NULL;
	const char *today = NULL;
	enum report_format fmt = REPORT_TEXT;
	struct design **designs;
	struct check_result **results;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct pt_buf *xml = NULL;  /* --save: the bytes of each design */
	struct sink out;	/* zeroed: closing an unopened sink does nothing */
	const char **paths;
	size_t npaths = 0, i, barriers = 0;
	int txn;
	int r, ai, rc = PT_OK, save = 0;

	memset(&out, 0, sizeof out);
	paths = xcalloc((size_t)argc, sizeof *paths);
	for (ai = 1; ai < argc; ai++) {
		const char *v;

		if (cli_is_help(argv[ai])) {
			free(paths);
			return cli_help(c, "check");
		}
		if ((r = cli_opt_value(argc, argv, &ai, "--rules", &v)) != 0) {
			if (r < 0 || *v == '\0')
				goto usage_value;
			rules_dir = v;
		} else if ((r = cli_opt_value(argc, argv, &ai, "--format", &v)) != 0) {
			int f = r > 0 ? report_format_parse(v) : -1;

			if (f < 0) {
				free(paths);
				return cli_usage(c, "check", "option '--format' needs text, "
						 "markdown, html, json or csv");
			}
			fmt = (enum report_format)f;
		} else if ((r = cli_opt_value(argc, argv, &ai, "-o", &v)) != 0 ||
			   (r = cli_opt_value(argc, argv, &ai, "--output", &v)) != 0) {
			if (r < 0 || *v == '\0')
				goto usage_value;
			output = v;
		} else if ((r = cli_opt_value(argc, argv, &ai, "--today", &v)) != 0) {
			if (r < 0 || !vocab_is_date(v)) {
				free(paths);
				return cli_usage(c, "check", "option '--today' needs a date YYYY-MM-DD");
			}
			today = v;
		} else if (strcmp(argv[ai], "--save") == 0) {
			save = 1;
		} else if (strcmp(argv[ai], "--") == 0) {
			for (ai++; ai < argc; ai++)
				paths[npaths++] = argv[ai];
		} else if (argv[ai][0] == '-' && argv[ai][1] != '\0') {
			free(paths);
			return cli_usage(c, "check", "unknown option '%s'", argv[ai]);
		} else {
			paths[npaths++] = argv[ai];
		}
	}
	if (npaths == 0) {
		free(paths);
		return cli_usage(c, "check", "no design file given");
	}

	if (rules_load_dir(rules_dir, &rs, &e) != PT_OK) {
		free(paths);
		return cli_report(c, &e);
	}
	designs = xcalloc(npaths, sizeof *designs);
	results = xcalloc(npaths, sizeof *results);
	if (save) {
		xml = xcalloc(npaths, sizeof *xml);
		for (i = 0; i < npaths; i++)
			pt_buf_init(&xml[i]);
	}
	/* Read every design before writing anything: bad input stops all. */
	for (i = 0; i < npaths && rc == PT_OK; i++) {
		pt_err_clear(&e);
		if (save) {
			/* Check and save the very same bytes. */
			if (saved_read_file(paths[i], &xml[i], &e) != PT_OK ||
			    design_load_memory(xml[i].s, xml[i].len, paths[i],
					       today, &designs[i], &e) != PT_OK)
				rc = cli_report(c, &e);
		} else if (design_load(paths[i], today, &designs[i], &e) != PT_OK)
			rc = cli_report(c, &e);
	}
	if (rc == PT_OK)
		rc = cli_open_store(c, &st);
	/* One snapshot of the registry for all designs (and shared look-ups). */
	txn = rc == PT_OK ? store_read_begin(st) : 0;
	for (i = 0; i < npaths && rc == PT_OK; i++) {
		pt_err_clear(&e);
		if (check_run(designs[i], rs, st, &results[i], &e) != PT_OK)
			rc = cli_report(c, &e);
		else
			barriers += results[i]->nbarriers;
	}
	if (st != NULL)
		store_read_end(st, txn);
	for (i = 0; i < npaths && rc == PT_OK && save; i++) {
		pt_err_clear(&e);
		if (saved_put(st, results[i], xml[i].s, xml[i].len, NULL, &e) != PT_OK)
			rc = cli_report(c, &e);
	}
	/*
	 * The report, a design at a time, with the denktank's decisions on
	 * every finding: each part is written out and its result freed, so
	 * that the report is never held whole in memory.
	 */
	if (rc == PT_OK)
		rc = sink_open(&out, c, output);
	for (i = 0; i < npaths && rc == PT_OK; i++) {
		pt_err_clear(&e);
		if (saved_review_apply(st, results[i], &e) != PT_OK) {
			rc = cli_report(c, &e);
			break;
		}
		report_part(&b, fmt, results[i], i, npaths);
		if (b.len >= 256 * 1024 || i + 1 == npaths)
			rc = sink_write(&out, &b);
		check_result_free(results[i]);
		results[i] = NULL;
	}
	if (sink_close(&out, rc == PT_OK) != PT_OK && rc == PT_OK)
		rc = PT_EIO;
	if (rc == PT_OK && barriers > 0)
		rc = PT_FINDINGS;
	for (i = 0; i < npaths; i++) {
		check_result_free(results[i]);
		design_free(designs[i]);
		if (xml)
			pt_buf_release(&xml[i]);
	}
	free(xml);
	pt_buf_release(&b);
	free(results);
	free(designs);
	store_close(st);
	rules_free(rs);
	free(paths);
	return rc;

usage_value:
	free(paths);
	return cli_usage(c, "check", "option '%s' needs a value", argv[ai]);
}
