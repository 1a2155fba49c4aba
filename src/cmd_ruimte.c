/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cmd_ruimte.c: the ruimte command: designs + rules + registry -> the
 * juridische ruimte of each design (ruimte.h), and the lawful variant.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cite.h"
#include "cli_priv.h"
#include "fileio.h"
#include "format.h"
#include "rules.h"
#include "ruimte.h"
#include "vocab.h"
#include "xmlsec.h"

struct ruimte_args {
	const char *rules_dir, *output, *variant, *today;
	const struct format *fmt;
	int style; /* enum cite_style */
};

static int
ruimte_args(struct cli *c, int argc, char **argv, struct ruimte_args *a,
            int *first)
{
	struct cli_getopt g;
	int id;

	memset(a, 0, sizeof *a);
	a->fmt = format_default(FORMAT_RUIMTE);
	a->rules_dir = cli_default_rules_dir();
	cli_getopt_init(&g, c, "ruimte", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		switch (id) {
		case OPT_RULES:
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a directory");
			a->rules_dir = g.val;
			break;
		case OPT_FORMAT:
			if ((a->fmt = cli_format_option(&g, FORMAT_RUIMTE)) ==
			    NULL)
				return PT_EUSAGE;
			break;
		case 'o':
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a file name");
			a->output = cli_output_path(g.val);
			break;
		case OPT_VARIANT:
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a file name");
			a->variant = g.val;
			break;
		case OPT_TODAY:
			if (!vocab_is_date(g.val))
				return cli_usage(
				    c, "ruimte",
				    "option '--today' needs a date YYYY-MM-DD");
			a->today = g.val;
			break;
		case OPT_CITEERSTIJL:
			if (cli_citeerstijl_option(&g, &a->style) != PT_OK)
				return PT_EUSAGE;
			break;
		}
	}
	if (id < 0)
		return cli_getopt_stop(&g, id);
	if (g.ind >= argc)
		return cli_usage(c, "ruimte", "no design file given");
	if (a->variant != NULL && argc - g.ind > 1)
		return cli_usage(c, "ruimte",
		                 "option '--variant' needs exactly one design");
	if (cli_format_output(c, "ruimte", a->fmt, a->output) != PT_OK)
		return PT_EUSAGE;
	*first = g.ind;
	return PT_OK;
}

/* Read and work out every design before writing anything. */
static int
ruimte_all(struct cli *c, const struct ruimte_args *a, char **paths, size_t n,
           const struct ruleset *rs, struct pt_store *st,
           struct ruimte_result **res)
{
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf xml = PT_BUF_INIT;
	size_t i;
	int rc = PT_OK;

	for (i = 0; i < n && rc == PT_OK; i++) {
		pt_err_clear(&e);
		pt_buf_reset(&xml);
		if (xmlsec_read_document(paths[i], &xml, &e) != PT_OK ||
		    ruimte_run(xml.s, xml.len, fileio_name(paths[i]), a->today,
		               rs, st, &res[i], &e) != PT_OK)
			rc = cli_report(c, &e);
		else {
			cite_style_result(res[i]->full,
			                  (enum cite_style)a->style);
			cite_style_result(res[i]->variant,
			                  (enum cite_style)a->style);
		}
	}
	pt_buf_release(&xml);
	pt_err_clear(&e);
	return rc;
}

int
cmd_ruimte(struct cli *c, int argc, char **argv)
{
	struct ruimte_args a;
	struct ruimte_result **res;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	size_t n, i, after = 0;
	int r, first = 0, rc, txn;

	if ((r = ruimte_args(c, argc, argv, &a, &first)) != PT_OK)
		return r == CLI_HELP_SHOWN ? PT_OK : r;
	if ((r = cli_check_inputs(c, "ruimte", argv + first,
	                          (size_t)(argc - first))) != PT_OK)
		return r;
	if (rules_load_dir(a.rules_dir, &rs, &e) != PT_OK)
		return cli_report(c, &e);
	n = (size_t)(argc - first);
	res = xcalloc(n, sizeof *res);
	rc = cli_open_store_read(c, &st);
	if (rc == PT_OK)
		cli_warn_empty_registry(c, st);
	txn = rc == PT_OK ? store_read_begin(st) : 0;
	if (rc == PT_OK)
		rc = ruimte_all(c, &a, argv + first, n, rs, st, res);
	if (st != NULL)
		store_read_end(st, txn);
	if (rc == PT_OK && a.fmt->ruimte(&b, res, n, &e) != PT_OK)
		rc = cli_report(c, &e);
	/* The variant first: a report that points at it is never left
	 * without it. */
	if (rc == PT_OK && a.variant != NULL &&
	    fileio_write_file(a.variant, res[0]->variant_xml,
	                      strlen(res[0]->variant_xml), &e) != PT_OK)
		rc = cli_report(c, &e);
	if (rc == PT_OK && a.output != NULL &&
	    fileio_write_file(a.output, b.s, b.len, &e) != PT_OK)
		rc = cli_report(c, &e);
	else if (rc == PT_OK && a.output == NULL)
		rc = cli_write(c, b.s, b.len);
	for (i = 0; i < n; i++) {
		if (res[i] != NULL)
			after += res[i]->barriers_after;
		ruimte_free(res[i]);
	}
	if (rc == PT_OK && after > 0)
		rc = PT_FINDINGS;
	free(res);
	pt_buf_release(&b);
	store_close(st);
	rules_free(rs);
	pt_err_clear(&e);
	return rc;
}
