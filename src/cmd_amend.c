/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cmd_amend.c: the commands about changes of law: diff (a provision
 * between two dates), rules stale (rules written against an older text)
 * and amendments (the amendment list over the stored proeftuinen).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "amend.h"
#include "buf.h"
#include "cli_priv.h"
#include "csv.h"
#include "diff.h"
#include "fileio.h"
#include "format.h"
#include "json.h"
#include "lawref.h"
#include "rules.h"
#include "stale.h"
#include "vocab.h"
#include "i18n.h"

/* --color=auto|always|never: 1 colour, 0 none, -1 bad value. */
static int
parse_color(struct cli *c, const char *v)
{
	const char *nc;

	if (strcmp(v, "always") == 0)
		return 1;
	if (strcmp(v, "never") == 0)
		return 0;
	if (strcmp(v, "auto") != 0)
		return -1;
	nc = getenv("NO_COLOR");
	if (nc != NULL && *nc != '\0')
		return 0;
	return c->out == stdout && isatty(fileno(stdout));
}

/* "--color" (always, as git has it) or "--color=WHEN". */
static int
color_opt(struct cli *c, const char *v)
{
	if (v == NULL)
		return 1;
	return parse_color(c, v);
}

/* --format text|json: 0 text, 1 json, -1 bad. */
static int
text_or_json(const char *v)
{
	if (strcmp(v, "text") == 0)
		return 0;
	if (strcmp(v, "json") == 0)
		return 1;
	return -1;
}

/* --- diff -------------------------------------------------------------------
 */

static void
diff_side_json(struct json *j, const char *key, const char *date,
               const struct store_provision *p)
{
	char *jci = store_jci(p->bwb, p->artikel, p->lid, date);

	json_key(j, key);
	json_begin_object(j);
	json_kstring(j, "date", date);
	json_kstring(j, "version_date", p->version_date);
	json_kbool(j, "date_unknown", p->date_unknown);
	json_kstring(j, "source", p->source);
	json_kstring(j, "status", p->status);
	json_kstring(j, "jci", jci);
	json_kstring(j, "text", p->text);
	json_end_object(j);
	free(jci);
}

static const char *
vname(const struct store_provision *p)
{
	return p->version_date ? p->version_date : _("of unknown date");
}

/* diff --format json: one object (see the man page). */
static void
diff_json(struct pt_buf *b, const struct store_provision *pa,
          const struct store_provision *pb, const char *from, const char *to,
          int same, const struct diff *d)
{
	struct json j;
	size_t i;

	json_init(&j, b, 1);
	json_begin_object(&j);
	json_kstring(&j, "bwb", pa->bwb);
	json_kstring(&j, "citeertitel", pa->citeertitel);
	json_kstring(&j, "artikel", pa->artikel);
	json_kstring(&j, "lid", pa->lid);
	diff_side_json(&j, "from", from, pa);
	diff_side_json(&j, "to", to, pb);
	json_kbool(&j, "same_version", same);
	json_kbool(&j, "changed", diff_changed(d));
	json_kbool(&j, "approximate", d->approximate);
	json_key(&j, "words");
	json_begin_object(&j);
	json_kint(&j, "equal", (long long)d->equal);
	json_kint(&j, "deleted", (long long)d->deleted);
	json_kint(&j, "inserted", (long long)d->inserted);
	json_end_object(&j);
	json_key(&j, "diff");
	json_begin_array(&j);
	for (i = 0; i < d->n; i++) {
		json_begin_object(&j);
		json_kstring(&j, "op", diff_op_name(d->chunks[i].op));
		json_kstring(&j, "text", d->chunks[i].text);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	pt_buf_addc(b, '\n');
}

/* diff in text: a header, the word diff, a summary line. */
static void
diff_text(struct pt_buf *b, const struct store_provision *pa,
          const struct store_provision *pb, const char *from, const char *to,
          const char *lid, int same, const struct diff *d, int color)
{
	const char *bold = color ? "\033[1m" : "", *off = color ? "\033[m" : "";

	pt_buf_addf(b, "%s%s (%s), %s", bold,
	            pa->citeertitel ? pa->citeertitel : pa->bwb, pa->bwb,
	            pa->label ? pa->label : pa->artikel);
	if (lid != NULL)
		pt_buf_addf(b, _(", lid %s"), lid);
	pt_buf_addf(b, "%s\n", off);
	pt_buf_addf(b, _("%s--- %s: version %s (%s)%s\n"), bold, from,
	            vname(pa), pa->source ? pa->source : "?", off);
	pt_buf_addf(b, _("%s+++ %s: version %s (%s)%s\n"), bold, to, vname(pb),
	            pb->source ? pb->source : "?", off);
	if (same)
		pt_buf_adds(b, _("(the same version is in force on both "
		                 "dates)\n"));
	else if (!diff_changed(d))
		pt_buf_adds(b, _("(no change in the words of the text)\n"));
	diff_plain(b, d, color);
	pt_buf_addc(b, '\n');
	if (d->approximate)
		pt_buf_adds(b, _("(the texts differ too much for a word "
		                 "diff; the rest is shown as replaced)\n"));
	if (!same && diff_changed(d))
		pt_buf_addf(b,
		            _("%zu words deleted, %zu inserted, %zu "
		              "unchanged\n"),
		            d->deleted, d->inserted, d->equal);
}

int
cmd_diff(struct cli *c, int argc, char **argv)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct store_provision pa, pb;
	struct pt_buf b = PT_BUF_INIT;
	struct diff d;
	const char *pos[8] = {NULL}, *lid = NULL, *from = NULL;
	struct lawref ref;
	const char *to = NULL, *v;
	struct cli_getopt g;
	int json = 0, color = -2, npos = 0, r, same, id;

	cli_getopt_init(&g, c, "diff", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		v = g.val;
		if (id == OPT_FORMAT) {
			if ((json = text_or_json(v)) < 0)
				return cli_usage(c, "diff",
				                 "option '--format' "
				                 "needs text or json");
		} else if (id == OPT_LID) {
			if (*v == '\0')
				return cli_opt_needs(&g, "a number");
			lid = v;
		} else if (id == OPT_FROM || id == OPT_TO) {
			if (!vocab_is_date(v))
				return cli_opt_needs(&g, "a date YYYY-MM-DD");
			*(id == OPT_FROM ? &from : &to) = v;
		} else if (id == OPT_COLOR) {
			if ((color = color_opt(c, v)) < 0)
				return cli_usage(c, "diff",
				                 "option '--color' needs "
				                 "auto, always or never");
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (cli_operands(&g, argc, argv, pos, 8, &npos) != PT_OK)
		return PT_EUSAGE;
	if (from == NULL || to == NULL)
		return cli_usage(c, "diff", "need both --from and --to");
	if (color == -2)
		color = parse_color(c, "auto");
	if ((r = cli_open_store_read(c, &st)) != PT_OK)
		return r;
	if ((r = cli_provision_ref(c, "diff", st, pos, npos, &lid, &ref)) !=
	    PT_OK) {
		store_close(st);
		return r;
	}
	memset(&pb, 0, sizeof pb);
	if (store_provision_at(st, ref.bwb, ref.artikel, lid, from, &pa, &e) !=
	        PT_OK ||
	    store_provision_at(st, ref.bwb, ref.artikel, lid, to, &pb, &e) !=
	        PT_OK) {
		store_provision_release(&pa);
		store_provision_release(&pb);
		store_close(st);
		lawref_release(&ref);
		return cli_report(c, &e);
	}
	store_close(st);
	r = PT_OK;
	if (pa.found != STORE_FOUND)
		r = cli_not_found(c, &pa, ref.artikel, lid, from);
	else if (pb.found != STORE_FOUND)
		r = cli_not_found(c, &pb, ref.artikel, lid, to);
	if (r != PT_OK) {
		store_provision_release(&pa);
		store_provision_release(&pb);
		lawref_release(&ref);
		return r;
	}
	same =
	    (pa.version_date == NULL
	         ? pb.version_date == NULL
	         : pb.version_date != NULL &&
	               strcmp(pa.version_date, pb.version_date) == 0) &&
	    strcmp(pa.source ? pa.source : "", pb.source ? pb.source : "") == 0;
	diff_words(pa.text, pb.text, &d);
	if (json)
		diff_json(&b, &pa, &pb, from, to, same, &d);
	else
		diff_text(&b, &pa, &pb, from, to, lid, same, &d, color);
	r = cli_write(c, b.s, b.len);
	pt_buf_release(&b);
	diff_free(&d);
	store_provision_release(&pa);
	store_provision_release(&pb);
	lawref_release(&ref);
	return r;
}

/* --- rules stale ------------------------------------------------------------
 */

static int
rules_stale(struct cli *c, int argc, char **argv)
{
	const char *rules_dir = cli_default_rules_dir(), *date = NULL, *v;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct stale_report *rep = NULL;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct cli_getopt g;
	int json = 0, color = -2, r, id;

	cli_getopt_init(&g, c, "rules", "stale", argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		v = g.val;
		if (id == OPT_RULES) {
			if (*v == '\0')
				return cli_opt_needs(&g, "a directory");
			rules_dir = v;
		} else if (id == OPT_FORMAT) {
			if ((json = text_or_json(v)) < 0)
				return cli_usage(c, "rules",
				                 "option '--format' "
				                 "needs text or json");
		} else if (id == OPT_DATE) {
			if (!vocab_is_date(v))
				return cli_opt_needs(&g, "a date YYYY-MM-DD");
			date = v;
		} else if (id == OPT_COLOR) {
			if ((color = color_opt(c, v)) < 0)
				return cli_usage(c, "rules",
				                 "option '--color' needs "
				                 "auto, always or never");
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (g.ind < argc)
		return cli_unexpected(&g, argv[g.ind]);
	if (color == -2)
		color = parse_color(c, "auto");
	if (rules_load_dir(rules_dir, &rs, &e) != PT_OK)
		return cli_report(c, &e);
	if ((r = cli_open_store_read(c, &st)) != PT_OK) {
		rules_free(rs);
		return r;
	}
	if (stale_rules(st, rs, date, &rep, &e) != PT_OK) {
		r = cli_report(c, &e);
	} else {
		if (json)
			stale_report_json(&b, rep);
		else
			stale_report_text(&b, rep, color);
		r = cli_write(c, b.s, b.len);
		if (r == PT_OK && rep->stale > 0)
			r = PT_FINDINGS;
	}
	pt_buf_release(&b);
	stale_report_free(rep);
	store_close(st);
	rules_free(rs);
	return r;
}

int
cmd_rules(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(c, "rules", "need a subcommand: stale");
	if (cli_is_help(argv[1]))
		return cli_help(c, "rules");
	if (strcmp(argv[1], "stale") == 0)
		return rules_stale(c, argc - 1, argv + 1);
	return cli_usage(c, "rules", "unknown subcommand '%s'", argv[1]);
}

/* --- amendments
 * --------------------------------------------------------------- */

/* The options of amendments; no operands.  *dialect stays -1 without
 * --csv-dialect. */
static int
amendments_args(struct cli *c, int argc, char **argv, char **ids, size_t *nids,
                const char **rules_dir, const struct format **fmt,
                const char **output, const char **today, int *style,
                int *dialect)
{
	struct cli_getopt g;
	const char *v;
	int id;

	cli_getopt_init(&g, c, "amendments", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		v = g.val;
		if (id == OPT_PROEFTUIN) {
			if (*v == '\0')
				return cli_opt_needs(&g, "an id");
			ids[(*nids)++] = (char *)v;
		} else if (id == OPT_RULES) {
			if (*v == '\0')
				return cli_opt_needs(&g, "a directory");
			*rules_dir = v;
		} else if (id == OPT_FORMAT) {
			if ((*fmt = cli_format_option(&g, FORMAT_AMEND)) ==
			    NULL)
				return PT_EUSAGE;
		} else if (id == 'o') {
			if (*v == '\0')
				return cli_opt_needs(&g, "a file name");
			*output = cli_output_path(v);
		} else if (id == OPT_TODAY) {
			if (!vocab_is_date(v))
				return cli_opt_needs(&g, "a date YYYY-MM-DD");
			*today = v;
		} else if (id == OPT_CITEERSTIJL) {
			if (cli_citeerstijl_option(&g, style) != PT_OK)
				return PT_EUSAGE;
		} else if (id == OPT_CSV_DIALECT) {
			if ((*dialect = csv_dialect_parse(v)) < 0)
				return cli_opt_needs(&g, "rfc4180 or excel-nl");
		}
	}
	if (id < 0)
		return cli_getopt_stop(&g, id);
	if (g.ind < argc)
		return cli_unexpected(&g, argv[g.ind]);
	if (*dialect >= 0 && *fmt != format_find(FORMAT_AMEND, "csv"))
		return cli_usage(c, "amendments",
		                 "option '--csv-dialect' needs '--format csv'");
	return cli_format_output(c, "amendments", *fmt, *output);
}

int
cmd_amendments(struct cli *c, int argc, char **argv)
{
	const char *rules_dir = cli_default_rules_dir(), *output = NULL;
	const char *today = NULL;
	char todaybuf[16], **ids;
	size_t nids = 0;
	const struct format *fmt = format_default(FORMAT_AMEND);
	int rc, style = CITE_KORT, dialect = -1;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct amend_list *l = NULL;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;

	ids = xcalloc((size_t)argc, sizeof *ids);
	if ((rc = amendments_args(c, argc, argv, ids, &nids, &rules_dir, &fmt,
	                          &output, &today, &style, &dialect)) !=
	    PT_OK) {
		free(ids);
		return rc == CLI_HELP_SHOWN ? PT_OK : rc;
	}
	if (today == NULL) {
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(todaybuf, sizeof todaybuf, "%Y-%m-%d", &tm);
		today = todaybuf;
	}
	if (rules_load_dir(rules_dir, &rs, &e) != PT_OK) {
		free(ids);
		return cli_report(c, &e);
	}
	if ((rc = cli_open_store_read(c, &st)) != PT_OK)
		goto out;
	if (amend_collect(st, rs, ids, nids, today, &l, &e) != PT_OK) {
		rc = cli_report(c, &e);
		goto out;
	}
	amend_citeerstijl(l, (enum cite_style)style);
	if (fmt->amend(&b, l, NULL, &e) != PT_OK) {
		rc = cli_report(c, &e);
		goto out;
	}
	if (dialect >= 0)
		csv_dialect_apply(&b, (enum csv_dialect)dialect, 1);
	if (output == NULL)
		rc = cli_write(c, b.s, b.len);
	else if (fileio_write_file(output, b.s, b.len, &e) != PT_OK)
		rc = cli_report(c, &e);
out:
	pt_buf_release(&b);
	amend_free(l);
	store_close(st);
	rules_free(rs);
	free(ids);
	pt_err_clear(&e);
	return rc;
}
