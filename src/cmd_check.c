/* SPDX-License-Identifier: EUPL-1.2 */
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
#include "cite.h"
#include "cli_priv.h"
#include "csv.h"
#include "design.h"
#include "fileio.h"
#include "format.h"
#include "rules.h"
#include "saved.h"
#include "vocab.h"
#include "xmlsec.h"

/*
 * Where the report goes: standard output, or with -o a file written
 * through fileio (a temporary file renamed over it once the whole report
 * is written, so that a failed run leaves an earlier report as it was).
 */
struct sink {
	struct cli *c;
	const char *path; /* -o FILE, or NULL for standard output */
	struct fileio_out *f;
	enum csv_dialect dialect; /* of a CSV report */
	int wrote;                /* something was written */
};

static int
sink_open(struct sink *k, struct cli *c, const char *path, int dialect)
{
	struct pt_err e = PT_ERR_INIT;

	memset(k, 0, sizeof *k);
	k->c = c;
	k->path = path;
	k->dialect = (enum csv_dialect)dialect;
	if (path != NULL && fileio_create(path, &k->f, &e) != PT_OK)
		return cli_report(c, &e);
	return PT_OK;
}

/* Write out what b holds (whole rows of a CSV in the sink's dialect) and
 * empty it. */
static int
sink_write(struct sink *k, struct pt_buf *b)
{
	struct pt_err e = PT_ERR_INIT;
	int rc = PT_OK;

	csv_dialect_apply(b, k->dialect, !k->wrote);
	k->wrote = 1;
	if (k->f == NULL)
		rc = cli_write(k->c, b->s, b->len);
	else if (fileio_write(k->f, b->s, b->len, &e) != PT_OK)
		rc = cli_report(k->c, &e);
	pt_buf_reset(b);
	return rc;
}

/* Put the file in place when ok, else drop it. */
static int
sink_close(struct sink *k, int ok)
{
	struct pt_err e = PT_ERR_INIT;
	int rc = PT_OK;

	if (k->f == NULL)
		return PT_OK;
	if (!ok)
		fileio_abort(k->f);
	else if (fileio_commit(k->f, &e) != PT_OK)
		rc = cli_report(k->c, &e);
	k->f = NULL;
	return rc;
}

/* Write the report part of design i of n, then free its result. */
static int
write_part(struct cli *c, struct sink *out, struct pt_buf *b,
           const struct format *fmt, struct check_result **r, size_t i,
           size_t n)
{
	struct pt_err e = PT_ERR_INIT;
	int rc = PT_OK;

	if (fmt->report(b, *r, i, n, &e) != PT_OK)
		rc = cli_report(c, &e);
	/* A package (FORMAT_BINARY) is made whole at the last part. */
	else if ((b->len >= 256 * 1024 && !(fmt->flags & FORMAT_BINARY)) ||
	         i + 1 == n)
		rc = sink_write(out, b);
	check_result_free(*r);
	*r = NULL;
	pt_err_clear(&e);
	return rc;
}

/* The options of check; the designs are argv[*first..argc). */
struct check_args {
	const char *rules_dir, *output, *today;
	const struct format *fmt;
	int save, style;          /* style: enum cite_style */
	int dialect, dialect_set; /* enum csv_dialect; --csv-dialect given */
};

static int
check_args(struct cli *c, int argc, char **argv, struct check_args *a,
           int *first)
{
	struct cli_getopt g;
	int id;

	memset(a, 0, sizeof *a);
	a->rules_dir = cli_default_rules_dir();
	a->fmt = format_default(FORMAT_REPORT);
	cli_getopt_init(&g, c, "check", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		switch (id) {
		case OPT_RULES:
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a directory");
			a->rules_dir = g.val;
			break;
		case OPT_FORMAT:
			if ((a->fmt = cli_format_option(&g, FORMAT_REPORT)) ==
			    NULL)
				return PT_EUSAGE;
			break;
		case 'o':
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a file name");
			a->output = cli_output_path(g.val);
			break;
		case OPT_TODAY:
			if (!vocab_is_date(g.val))
				return cli_usage(
				    c, "check",
				    "option '--today' needs a date YYYY-MM-DD");
			a->today = g.val;
			break;
		case OPT_SAVE:
			a->save = 1;
			break;
		case OPT_CITEERSTIJL:
			if (cli_citeerstijl_option(&g, &a->style) != PT_OK)
				return PT_EUSAGE;
			break;
		case OPT_CSV_DIALECT:
			if ((a->dialect = csv_dialect_parse(g.val)) < 0)
				return cli_opt_needs(&g, "rfc4180 or excel-nl");
			a->dialect_set = 1;
			break;
		}
	}
	if (id < 0)
		return cli_getopt_stop(&g, id);
	if (g.ind >= argc)
		return cli_usage(c, "check", "no design file given");
	if (a->dialect_set && a->fmt != format_find(FORMAT_REPORT, "csv"))
		return cli_usage(c, "check",
		                 "option '--csv-dialect' needs '--format csv'");
	if (cli_format_output(c, "check", a->fmt, a->output) != PT_OK)
		return PT_EUSAGE;
	if ((a->fmt->flags & FORMAT_ONE) && argc - g.ind > 1)
		return cli_usage(c, "check",
		                 "--format %s shows one design: give one "
		                 "design file (%d given)",
		                 a->fmt->name, argc - g.ind);
	*first = g.ind;
	return PT_OK;
}

/*
 * Read every design before writing anything: bad input stops all.  With
 * xml (--save), the bytes are kept, to check and save the very same.
 */
static int
read_designs(struct cli *c, const char **paths, size_t n, const char *today,
             struct pt_buf *xml, struct design **designs)
{
	struct pt_err e = PT_ERR_INIT;
	size_t i;
	int rc = PT_OK;

	for (i = 0; i < n && rc == PT_OK; i++) {
		pt_err_clear(&e);
		if (xml != NULL) {
			if (xmlsec_read_document(paths[i], &xml[i], &e) !=
			        PT_OK ||
			    design_load_memory(xml[i].s, xml[i].len,
			                       fileio_name(paths[i]), today,
			                       &designs[i], &e) != PT_OK)
				rc = cli_report(c, &e);
		} else if (design_load(paths[i], today, &designs[i], &e) !=
		           PT_OK)
			rc = cli_report(c, &e);
	}
	pt_err_clear(&e);
	return rc;
}

int
cmd_check(struct cli *c, int argc, char **argv)
{
	struct check_args a;
	const char *rules_dir, *output, *today;
	const struct format *fmt;
	struct design **designs;
	struct check_result **results;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct pt_buf *xml = NULL; /* --save: the bytes of each design */
	struct sink out; /* zeroed: closing an unopened sink does nothing */
	const char **paths;
	size_t npaths, i, barriers = 0;
	int txn;
	int r, first = 0, rc = PT_OK, save;

	memset(&out, 0, sizeof out);
	if ((r = check_args(c, argc, argv, &a, &first)) != PT_OK)
		return r == CLI_HELP_SHOWN ? PT_OK : r;
	rules_dir = a.rules_dir;
	output = a.output;
	today = a.today;
	fmt = a.fmt;
	save = a.save;
	paths = (const char **)(argv + first);
	npaths = (size_t)(argc - first);
	if ((r = cli_check_inputs(c, "check", argv + first, npaths)) != PT_OK)
		return r;

	if (rules_load_dir(rules_dir, &rs, &e) != PT_OK)
		return cli_report(c, &e);
	designs = xcalloc(npaths, sizeof *designs);
	results = xcalloc(npaths, sizeof *results);
	if (save) {
		xml = xcalloc(npaths, sizeof *xml);
		for (i = 0; i < npaths; i++)
			pt_buf_init(&xml[i]);
	}
	rc = read_designs(c, paths, npaths, today, xml, designs);
	if (rc == PT_OK)
		rc =
		    save ? cli_open_store(c, &st) : cli_open_store_read(c, &st);
	/* One snapshot of the registry for all designs, shared look-ups. */
	if (rc == PT_OK)
		cli_warn_empty_registry(c, st);
	/*
	 * The denktank's decisions on every finding are read in the same
	 * snapshot: saving (below) writes no decision, and a look-up per
	 * design outside a transaction takes and drops the lock each time.
	 * The memo is held until the report is written: the findings share
	 * the text of each cited provision with it (check.h).
	 */
	if (rc == PT_OK)
		store_memo_hold(st);
	/*
	 * Without --save each design is checked, written out and freed in
	 * turn, so that memory holds one design's findings, not all of them
	 * (each report part carries its own provenance).  A registry error
	 * half-way then leaves standard output cut short (with -o the file
	 * stays as it was); with --save every result is kept for the save.
	 */
	if (rc == PT_OK && !save)
		rc = sink_open(&out, c, output, a.dialect);
	txn = rc == PT_OK ? store_read_begin(st) : 0;
	for (i = 0; i < npaths && rc == PT_OK; i++) {
		pt_err_clear(&e);
		if (check_run(designs[i], rs, st, &results[i], &e) != PT_OK ||
		    saved_review_apply(st, results[i], &e) != PT_OK) {
			rc = cli_report(c, &e);
			break;
		}
		barriers += results[i]->nbarriers;
		cite_style_result(results[i], (enum cite_style)a.style);
		if (!save)
			rc = write_part(c, &out, &b, fmt, &results[i], i,
			                npaths);
	}
	if (st != NULL)
		store_read_end(st, txn);
	/* --save: every design or none, in one transaction. */
	if (rc == PT_OK && save && store_begin(st, &e) != PT_OK)
		rc = cli_report(c, &e);
	for (i = 0; i < npaths && rc == PT_OK && save; i++) {
		pt_err_clear(&e);
		if (saved_put(st, results[i], xml[i].s, xml[i].len, NULL, &e) !=
		    PT_OK)
			rc = cli_report(c, &e);
		if (rc != PT_OK)
			store_rollback(st);
	}
	if (rc == PT_OK && save && store_commit(st, &e) != PT_OK) {
		store_rollback(st);
		rc = cli_report(c, &e);
	}
	/* --save: the report once everything is saved, a design at a time. */
	if (rc == PT_OK && save)
		rc = sink_open(&out, c, output, a.dialect);
	for (i = 0; i < npaths && rc == PT_OK && save; i++)
		rc = write_part(c, &out, &b, fmt, &results[i], i, npaths);
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
	store_memo_release(st); /* after the last check_result_free() */
	store_close(st);
	rules_free(rs);
	pt_err_clear(&e);
	return rc;
}
