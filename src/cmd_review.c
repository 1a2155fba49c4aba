/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cmd_review.c: saved proeftuinen and the review workflow on the command
 * line: proeftuinen, proeftuin add, review list|set|log.
 *
 * Text output shows names and notes as stored, with two exceptions so that
 * what is shown can always be read back exactly: a backslash is shown as
 * "\\" and a control character other than newline and tab as "\xHH" (or
 * "\u00HH" for the C1 controls); lines after the first are indented.  JSON
 * output carries every string unchanged (json.h escapes it).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "cli_priv.h"
#include "design.h"
#include "fileio.h"
#include "json.h"
#include "review.h"
#include "rules.h"
#include "saved.h"
#include "vocab.h"
#include "xmlsec.h"
#include "i18n.h"

/* --format text|json: 0 text, 1 json, -1 after a usage error. */
static int
parse_format(struct cli *c, const char *cmd, const char *v)
{
	if (strcmp(v, "text") == 0)
		return 0;
	if (strcmp(v, "json") == 0)
		return 1;
	cli_usage(c, cmd, "unknown format '%s' (want text or json)", v);
	return -1;
}

/* Append s for text output (see the top of the file). */
#define add_text cli_text_escape

static int
flush(struct cli *c, struct pt_buf *b)
{
	int r = cli_write(c, b->s, b->len);

	pt_buf_release(b);
	return r;
}

/* --- proeftuinen ------------------------------------------------------------
 */

int
cmd_proeftuinen(struct cli *c, int argc, char **argv)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct saved_proeftuin *list;
	char day[64];
	struct json j;
	struct cli_getopt g;
	size_t n, i;
	int json = 0, r, id, k;

	cli_getopt_init(&g, c, "proeftuinen", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0)
		if (id == OPT_FORMAT &&
		    (json = parse_format(c, "proeftuinen", g.val)) < 0)
			return PT_EUSAGE;
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (g.ind < argc)
		return cli_unexpected(&g, argv[g.ind]);
	if ((r = cli_open_store_read(c, &st)) != PT_OK)
		return r;
	if (saved_list(st, &list, &n, &e) != PT_OK) {
		store_close(st);
		return cli_report(c, &e);
	}
	json_init(&j, &b, 1);
	if (json)
		json_begin_array(&j);
	else if (n == 0)
		pt_buf_adds(&b, _("No saved proeftuinen; save a design with "
		                  "'proeftoets check --save' or 'proeftoets "
		                  "proeftuin add'.\n"));
	for (i = 0; i < n; i++) {
		const struct saved_proeftuin *p = &list[i];
		long counts[REVIEW_NCOUNTS], barriers, risks;

		if (saved_counts(st, p->id, &barriers, &risks, &e) != PT_OK ||
		    review_counts(st, p->id, counts, &e) != PT_OK) {
			r = cli_report(c, &e);
			goto out;
		}
		if (json) {
			json_begin_object(&j);
			json_kstring(&j, "id", p->id);
			json_kstring(&j, "naam", p->naam);
			json_kstring(&j, "peildatum", p->peildatum);
			json_kint(&j, "versions", p->versions);
			json_kstring(&j, "saved_at", p->saved_at);
			json_kint(&j, "barriers", barriers);
			json_kint(&j, "risks", risks);
			json_key(&j, "review");
			json_begin_object(&j);
			for (k = 0; k < REVIEW_NCOUNTS; k++)
				json_kint(&j, review_count_name(k), counts[k]);
			json_end_object(&j);
			json_end_object(&j);
			continue;
		}
		pt_buf_addf(&b, "%s  ", p->id);
		add_text(&b, p->naam ? p->naam : _("(no name)"), "  ");
		pt_buf_addf(
		    &b, _("\n  versions: %d, last saved %s, peildatum %s\n"),
		    p->versions, p->saved_at,
		    cli_date(day, sizeof day, p->peildatum));
		pt_buf_addf(&b, _("  findings: %ld %s, %ld %s\n"), barriers,
		            ngettext("barrier", "barriers", barriers), risks,
		            ngettext("risk", "risks", risks));
		pt_buf_adds(&b, _("  review:  "));
		for (k = 0; k < REVIEW_NCOUNTS; k++)
			pt_buf_addf(&b, "%s %ld %s", k ? "," : "", counts[k],
			            review_count_name(k));
		pt_buf_addc(&b, '\n');
	}
	if (json) {
		json_end_array(&j);
		pt_buf_addc(&b, '\n');
	}
	r = flush(c, &b);
out:
	pt_buf_release(&b);
	saved_list_free(list, n);
	store_close(st);
	return r;
}

/* --- proeftuin add
 * ------------------------------------------------------------ */

static int
proeftuin_add(struct cli *c, int argc, char **argv)
{
	const char *rules_dir = cli_default_rules_dir(), *today = NULL;
	struct ruleset *rs = NULL;
	struct pt_store *st = NULL;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf *xml, lines = PT_BUF_INIT;
	struct design **designs;
	struct cli_getopt g;
	const char **paths;
	size_t npaths, i;
	int id, quiet = 0, rc = PT_OK, txn = 0;

	cli_getopt_init(&g, c, "proeftuin", "add", argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		if (id == OPT_RULES) {
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a directory");
			rules_dir = g.val;
		} else if (id == OPT_TODAY) {
			if (!vocab_is_date(g.val))
				return cli_opt_needs(&g, "a date YYYY-MM-DD");
			today = g.val;
		} else if (id == 'q') {
			quiet = 1;
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	paths = (const char **)(argv + g.ind);
	npaths = (size_t)(argc - g.ind);
	if (npaths == 0)
		return cli_usage(c, "proeftuin", "no design file given");
	if ((rc = cli_check_inputs(c, "proeftuin", argv + g.ind, npaths)) !=
	    PT_OK)
		return rc;
	if (rules_load_dir(rules_dir, &rs, &e) != PT_OK)
		return cli_report(c, &e);
	xml = xcalloc(npaths, sizeof *xml);
	designs = xcalloc(npaths, sizeof *designs);
	for (i = 0; i < npaths; i++)
		pt_buf_init(&xml[i]);
	/* Read every design before storing anything: bad input stops all. */
	for (i = 0; i < npaths && rc == PT_OK; i++) {
		pt_err_clear(&e);
		if (xmlsec_read_document(paths[i], &xml[i], &e) != PT_OK ||
		    design_load_memory(xml[i].s, xml[i].len,
		                       fileio_name(paths[i]), today,
		                       &designs[i], &e) != PT_OK)
			rc = cli_report(c, &e);
	}
	if (rc == PT_OK)
		rc = cli_open_store(c, &st);
	/* All designs or none: one transaction, the lines printed after it. */
	if (rc == PT_OK && store_begin(st, &e) != PT_OK)
		rc = cli_report(c, &e);
	else if (rc == PT_OK)
		txn = 1;
	for (i = 0; i < npaths && rc == PT_OK; i++) {
		struct check_result *res = NULL;
		struct saved_put_info info;

		pt_err_clear(&e);
		if (check_run(designs[i], rs, st, &res, &e) != PT_OK ||
		    saved_put(st, res, xml[i].s, xml[i].len, &info, &e) !=
		        PT_OK) {
			rc = cli_report(c, &e);
		} else if (info.added) {
			pt_buf_addf(
			    &lines,
			    "saved     %s: version %d (%zu %s, "
			    "%zu %s)  %s\n",
			    designs[i]->id, info.version, res->nbarriers,
			    res->nbarriers == 1 ? "barrier" : "barriers",
			    res->nrisks, res->nrisks == 1 ? "risk" : "risks",
			    fileio_name(paths[i]));
		} else {
			pt_buf_addf(&lines,
			            "unchanged %s: version %d is the same "
			            "design  %s\n",
			            designs[i]->id, info.version,
			            fileio_name(paths[i]));
		}
		check_result_free(res);
	}
	if (txn && rc == PT_OK && store_commit(st, &e) != PT_OK)
		rc = cli_report(c, &e);
	if (txn && rc != PT_OK)
		store_rollback(st);
	if (rc == PT_OK && !quiet)
		rc = cli_write(c, lines.s, lines.len);
	pt_buf_release(&lines);
	for (i = 0; i < npaths; i++) {
		design_free(designs[i]);
		pt_buf_release(&xml[i]);
	}
	free(designs);
	free(xml);
	store_close(st);
	rules_free(rs);
	pt_err_clear(&e);
	return rc;
}

int
cmd_proeftuin(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(c, "proeftuin", "need a subcommand: add");
	if (cli_is_help(argv[1]))
		return cli_help(c, "proeftuin");
	if (strcmp(argv[1], "add") == 0)
		return proeftuin_add(c, argc - 1, argv + 1);
	return cli_usage(c, "proeftuin", "unknown subcommand '%s' (want add)",
	                 argv[1]);
}

/* --- review list ------------------------------------------------------------
 */

static void
item_json(struct json *j, const struct review_item *it)
{
	json_begin_object(j);
	json_kstring(j, "id", it->id);
	json_kstring(j, "proeftuin", it->proeftuin);
	json_kstring(j, "rule", it->rule);
	json_kstring(j, "kind", it->kind);
	json_kstring(j, "severity", it->severity);
	json_kstring(j, "title", it->title);
	json_kstring(j, "status", it->status);
	json_kbool(j, "resolved", it->resolved);
	json_kstring(j, "decision", it->decision);
	json_kstring(j, "by", it->by);
	json_kstring(j, "at", it->at);
	json_kstring(j, "note", it->note);
	json_kint(j, "entries", it->entries);
	json_end_object(j);
}

/* "confirmed, by NAME at TIME" */
static void
decision_text(struct pt_buf *b, const struct review_item *it)
{
	pt_buf_adds(b, it->decision);
	if (it->by != NULL) {
		pt_buf_adds(b, _(", by "));
		add_text(b, it->by, "           ");
		pt_buf_addf(b, _(" at %s"), it->at);
	}
}

static void
item_text(struct pt_buf *b, const struct review_item *it)
{
	const char *in = "           ";

	pt_buf_addf(b, _("%s\n  status:  "), it->id);
	if (it->resolved) {
		pt_buf_adds(
		    b, _("resolved (not found in the latest saved design;\n"
		         "           last decision: "));
		decision_text(b, it);
		pt_buf_adds(b, ")\n");
	} else {
		decision_text(b, it);
		pt_buf_addc(b, '\n');
	}
	pt_buf_addf(b, _("  finding: %s (%s), rule %s\n%s"), it->kind,
	            it->severity, it->rule, in);
	add_text(b, it->title, in);
	pt_buf_addc(b, '\n');
	if (it->note != NULL) {
		pt_buf_adds(b, _("  note:    "));
		add_text(b, it->note, in);
		pt_buf_addc(b, '\n');
	}
}

static int
review_list_cmd(struct cli *c, int argc, char **argv)
{
	const char *proeftuin = NULL, *status = NULL;
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct review_item *items;
	struct json j;
	struct cli_getopt g;
	size_t n, i;
	int json = 0, r, id;

	cli_getopt_init(&g, c, "review", "list", argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		if (id == OPT_FORMAT) {
			if ((json = parse_format(c, "review", g.val)) < 0)
				return PT_EUSAGE;
		} else if (id == OPT_PROEFTUIN) {
			if (*g.val == '\0')
				return cli_opt_needs(&g, "an id");
			proeftuin = g.val;
		} else if (id == OPT_STATUS) {
			if (!review_status_filter_ok(g.val))
				return cli_usage(
				    c, "review",
				    "option '--status' needs open, "
				    "confirmed, rejected, mitigated, "
				    "needs-amendment or resolved");
			status = g.val;
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (g.ind < argc)
		return cli_unexpected(&g, argv[g.ind]);
	if ((r = cli_open_store_read(c, &st)) != PT_OK)
		return r;
	if (review_list(st, proeftuin, status, &items, &n, &e) != PT_OK) {
		store_close(st);
		return cli_report(c, &e);
	}
	store_close(st);
	if (json) {
		json_init(&j, &b, 1);
		json_begin_array(&j);
		for (i = 0; i < n; i++)
			item_json(&j, &items[i]);
		json_end_array(&j);
		pt_buf_addc(&b, '\n');
	} else if (n == 0) {
		pt_buf_adds(&b, _("No findings"));
		if (status)
			pt_buf_addf(&b, _(" with status %s"), status);
		if (proeftuin) {
			pt_buf_adds(&b, _(" in saved proeftuin "));
			add_text(&b, proeftuin, "");
		}
		pt_buf_adds(&b, ".\n");
	}
	for (i = 0; !json && i < n; i++) {
		if (i > 0)
			pt_buf_addc(&b, '\n');
		item_text(&b, &items[i]);
	}
	review_list_free(items, n);
	return flush(c, &b);
}

/* --- review set -------------------------------------------------------------
 */

static int
review_set_cmd(struct cli *c, int argc, char **argv)
{
	const char *pos[2] = {NULL, NULL}, *by = NULL, *note = NULL;
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct review_entry ent;
	struct cli_getopt g;
	int npos = 0, r, id, status;

	cli_getopt_init(&g, c, "review", "set", argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		if (id == OPT_BY)
			by = g.val;
		else if (id == OPT_NOTE)
			note = g.val;
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (cli_operands(&g, argc, argv, pos, 2, &npos) != PT_OK)
		return PT_EUSAGE;
	if (npos != 2)
		return cli_usage(c, "review",
		                 "review set needs a finding id and a status");
	if ((status = review_status_parse(pos[1])) < 0)
		return cli_usage(
		    c, "review",
		    "unknown status '%s' (want open, "
		    "confirmed, rejected, mitigated or needs-amendment)",
		    pos[1]);
	if (by == NULL)
		return cli_usage(c, "review",
		                 "review set needs --by NAME: who decides");
	if ((r = cli_open_store(c, &st)) != PT_OK)
		return r;
	r = review_set(st, pos[0], (enum review_status)status, by, note, &ent,
	               &e);
	store_close(st);
	if (r == PT_EUSAGE)
		return cli_usage(c, "review", "%s", e.msg);
	if (r != PT_OK)
		return cli_report(c, &e);
	pt_buf_addf(&b, _("%s: %s -> %s, by "), ent.finding_id, ent.old_status,
	            ent.new_status);
	add_text(&b, ent.by, "  ");
	pt_buf_addf(&b, _(" at %s\n"), ent.at);
	review_entry_release(&ent);
	return flush(c, &b);
}

/* --- review log -------------------------------------------------------------
 */

static int
review_log_cmd(struct cli *c, int argc, char **argv)
{
	const char *id = NULL;
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct review_entry *log = NULL;
	struct review_item *it = NULL;
	struct json j;
	struct cli_getopt g;
	size_t n = 0, i;
	int json = 0, r, k;

	cli_getopt_init(&g, c, "review", "log", argc, argv);
	while ((k = cli_getopt_next(&g)) > 0)
		if (k == OPT_FORMAT &&
		    (json = parse_format(c, "review", g.val)) < 0)
			return PT_EUSAGE;
	if (k < 0)
		return cli_getopt_status(&g, k);
	if (g.ind < argc)
		id = argv[g.ind];
	if (g.ind + 1 < argc)
		return cli_unexpected(&g, argv[g.ind + 1]);
	if (id == NULL)
		return cli_usage(c, "review", "review log needs a finding id");
	if ((r = cli_open_store_read(c, &st)) != PT_OK)
		return r;
	if (review_get(st, id, &it, &e) != PT_OK ||
	    review_log(st, id, &log, &n, &e) != PT_OK) {
		store_close(st);
		review_list_free(it, it ? 1 : 0);
		return cli_report(c, &e);
	}
	store_close(st);
	if (json) {
		json_init(&j, &b, 1);
		json_begin_object(&j);
		json_kstring(&j, "finding", it->id);
		json_kstring(&j, "proeftuin", it->proeftuin);
		json_kstring(&j, "status", it->status);
		json_kbool(&j, "resolved", it->resolved);
		json_key(&j, "entries");
		json_begin_array(&j);
		for (i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kstring(&j, "at", log[i].at);
			json_kstring(&j, "by", log[i].by);
			json_kstring(&j, "old_status", log[i].old_status);
			json_kstring(&j, "new_status", log[i].new_status);
			json_kstring(&j, "note", log[i].note);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end_object(&j);
		pt_buf_addc(&b, '\n');
	} else {
		pt_buf_addf(&b, _("Finding: %s\nStatus:  %s"), it->id,
		            it->status);
		if (it->resolved)
			pt_buf_addf(&b,
			            _(" (not found in the latest saved design; "
			              "last decision: %s)"),
			            it->decision);
		pt_buf_addc(&b, '\n');
		if (n == 0)
			pt_buf_adds(&b, _("No decisions yet.\n"));
		for (i = 0; i < n; i++) {
			pt_buf_addf(&b, "%s%s  ", i ? "" : "\n", log[i].at);
			add_text(&b, log[i].by, "    ");
			pt_buf_addf(&b, ": %s -> %s\n", log[i].old_status,
			            log[i].new_status);
			if (log[i].note != NULL) {
				pt_buf_adds(&b, "    ");
				add_text(&b, log[i].note, "    ");
				pt_buf_addc(&b, '\n');
			}
		}
	}
	review_log_free(log, n);
	review_list_free(it, 1);
	return flush(c, &b);
}

int
cmd_review(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(c, "review",
		                 "need a subcommand: list, set or log");
	if (cli_is_help(argv[1]))
		return cli_help(c, "review");
	if (strcmp(argv[1], "list") == 0)
		return review_list_cmd(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "set") == 0)
		return review_set_cmd(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "log") == 0)
		return review_log_cmd(c, argc - 1, argv + 1);
	return cli_usage(c, "review",
	                 "unknown subcommand '%s' (want list, set "
	                 "or log)",
	                 argv[1]);
}
