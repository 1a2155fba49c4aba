/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_cli.c: the command line as users and scripts call it: help,
 * version, exit statuses of usage errors and of missing things.
 */
/* mknod() and S_IFCHR are XSI. */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli_priv.h"
#include "suites.h"
#include "testlib.h"

static char *dir, *db;

static void
setup(void)
{
	dir = t_tmpdir();
	db = xasprintf("%s/reg.db", dir);
}

static void
teardown(void)
{
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
}

START_TEST(test_cli_help_every_command)
{
	const struct cli_command *c;
	struct pt_buf syn = PT_BUF_INIT;
	char *out, *err;

	for (c = cli_commands; c->name; c++) {
		pt_buf_reset(&syn);
		cli_synopsis(&syn, c);
		ck_assert_msg(strchr(syn.s, '{') == NULL, "%s synopsis",
		              c->name);
		ck_assert_int_eq(t_cli(&out, &err, c->name, "--help", NULL), 0);
		ck_assert_msg(t_contains(out, "Usage: proeftoets"), "%s --help",
		              c->name);
		ck_assert_msg(t_contains(out, syn.s), "%s synopsis", c->name);
		ck_assert_msg(t_contains(out, "Exit status:"),
		              "%s exit statuses", c->name);
		ck_assert_str_eq(err, "");
		free(out);
		free(err);
		ck_assert_int_eq(t_cli(&out, NULL, "help", c->name, NULL), 0);
		ck_assert(t_contains(out, syn.s));
		free(out);
	}
	pt_buf_release(&syn);
	ck_assert_int_eq(t_cli(&out, NULL, "--help", NULL), 0);
	for (c = cli_commands; c->name; c++)
		ck_assert_msg(t_contains(out, c->name), "%s in --help",
		              c->name);
	free(out);
}
END_TEST

START_TEST(test_cli_man_page_lists_commands)
{
	const struct cli_command *c;
	char *path = t_src("doc/proeftoets.1.in");
	char *man = t_read(path, NULL);

	ck_assert_ptr_nonnull(man);
	for (c = cli_commands; c->name; c++)
		ck_assert_msg(t_contains(man, c->name), "man page lacks %s",
		              c->name);
	ck_assert(t_contains(man, "EXIT STATUS"));
	free(man);
	free(path);
}
END_TEST

/* The man page's synopsis of a command with --format lists exactly the
 * formats of the table, in its order. */
START_TEST(test_cli_man_page_lists_formats)
{
	char *path = t_src("doc/proeftoets.1.in"), *man = t_read(path, NULL);
	const struct cli_command *c;
	const struct cli_option *o;
	struct pt_buf want = PT_BUF_INIT, head = PT_BUF_INIT;
	const char *at;
	int n = 0;

	ck_assert_ptr_nonnull(man);
	for (c = cli_commands; c->name; c++)
		for (o = c->options; o->id; o++) {
			if (o->id != OPT_FORMAT || o->formats == 0)
				continue;
			pt_buf_reset(&head);
			pt_buf_addf(&head, "\n.B %s\n", c->name);
			at = strstr(man, head.s);
			ck_assert_msg(at != NULL, "no synopsis of %s", c->name);
			pt_buf_reset(&want);
			pt_buf_adds(&want, ".RB [ \\-\\-format\n.BR ");
			format_names(&want, (enum format_doc)o->formats, " | ",
			             " | ");
			pt_buf_adds(&want, " ]\n");
			at = strstr(at, ".RB [ \\-\\-format\n");
			ck_assert_msg(
			    at != NULL && strncmp(at, want.s, want.len) == 0,
			    "man page: %s --format is not %s", c->name, want.s);
			n++;
		}
	ck_assert_int_eq(n, 3); /* check, ruimte, amendments */
	pt_buf_release(&want);
	pt_buf_release(&head);
	free(man);
	free(path);
}
END_TEST

/* The README's section on ruimte gives the formats of the table in its
 * synopsis, and a line on each. */
START_TEST(test_cli_readme_ruimte_formats)
{
	char *path = t_src("README.md"), *readme = t_read(path, NULL);
	struct pt_buf want = PT_BUF_INIT;
	const struct format *f;
	const char *sec, *end;

	ck_assert_ptr_nonnull(readme);
	sec = strstr(readme, "### Juridische ruimte: `ruimte`");
	ck_assert_ptr_nonnull(sec);
	end = strstr(sec + 4, "\n## ");
	pt_buf_adds(&want, "`proeftoets ruimte [--format ");
	format_names(&want, FORMAT_RUIMTE, "|", "|");
	pt_buf_adds(&want, "]");
	ck_assert_msg(strstr(sec, want.s) != NULL &&
	                  (end == NULL || strstr(sec, want.s) < end),
	              "README: no %s", want.s);
	for (f = formats; f->name != NULL; f++) {
		if (!format_carries(f, FORMAT_RUIMTE))
			continue;
		pt_buf_reset(&want);
		pt_buf_addf(&want, "\n- `%s`", f->name);
		ck_assert_msg(strstr(sec, want.s) != NULL &&
		                  (end == NULL || strstr(sec, want.s) < end),
		              "README: ruimte has no line on %s", f->name);
	}
	pt_buf_release(&want);
	free(readme);
	free(path);
}
END_TEST

/* The built man page names the paths of the configured prefix. */
START_TEST(test_cli_man_page_files)
{
	char *man = t_read("doc/proeftoets.1", NULL);

	ck_assert_msg(man != NULL, "doc/proeftoets.1 not built");
	ck_assert(t_contains(man, ".I " PKGDATADIR "/rules\n"));
	ck_assert(t_contains(man, ".I " PKGDATADIR "/bwb\n"));
	ck_assert_msg(!t_contains(man, "@pkgdatadir@") &&
	                  !t_contains(man, "@prefix@") &&
	                  !t_contains(man, "@bashcompletiondir@"),
	              "a placeholder is left in the man page");
	free(man);
}
END_TEST

START_TEST(test_cli_version)
{
	char *out;

	ck_assert_int_eq(t_cli(&out, NULL, "--version", NULL), 0);
	ck_assert_str_eq(out,
	                 "proeftoets " PACKAGE_VERSION "\n"
	                 "Copyright (C) 2026 the proeftoets developers\n"
	                 "Licensed under the EUPL-1.2 (European Union Public "
	                 "Licence v. 1.2).\n"
	                 "This is free software; there is no warranty.\n");
	free(out);
}
END_TEST

START_TEST(test_cli_usage_errors)
{
	char *out, *err;

	ck_assert_int_eq(t_cli(&out, &err, NULL), PT_EUSAGE);
	ck_assert(t_contains(err, "Usage:"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "frobnicate", NULL), PT_EUSAGE);
	ck_assert(t_contains(err, "unknown command 'frobnicate'"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", NULL), PT_EUSAGE);
	free(out);
	free(err);
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "show", "BWBR0034925", NULL),
	    PT_EUSAGE);
	ck_assert(t_contains(err, "show --help"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "show", "BWBR0034925",
	                       "3.2", "--date", "2026-02-30", NULL),
	                 PT_EUSAGE);
	free(out);
	free(err);
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "laws", "--format", "xml", NULL),
	    PT_EUSAGE);
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "import", NULL),
	                 PT_EUSAGE);
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "check", "--format",
	                       "pdf", "x.xml", NULL),
	                 PT_EUSAGE);
	free(out);
	free(err);
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "search", "--limit", "0", "x", NULL),
	    PT_EUSAGE);
	free(out);
	free(err);
	/* --citeerstijl takes kort or lang, in each of its commands */
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "check", "--citeerstijl",
	                       "long", "x.xml", NULL),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "option '--citeerstijl' needs kort or lang"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "amendments",
	                       "--citeerstijl", "", NULL),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "needs kort or lang"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "ruimte",
	                       "--citeerstijl", "KORT", "x.xml", NULL),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "needs kort or lang"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "serve", "--citeerstijl",
	                       "lang", NULL),
	                 PT_EUSAGE);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_cli_empty_registry)
{
	char *out, *err;

	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "laws", NULL), 0);
	ck_assert(t_contains(out, "holds no laws"));
	free(out);
	free(err);
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "laws", "--format", "json", NULL), 0);
	ck_assert_str_eq(out, "[]\n");
	free(out);
	free(err);
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "show", "BWBR0034925", "3.2", NULL),
	    PT_ENOTFOUND);
	ck_assert(t_contains(err, "BWBR0034925 is not in the registry"));
	ck_assert_str_eq(out, "");
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "search", "kind", NULL),
	                 0);
	ck_assert(t_contains(out, "0 results"));
	free(out);
	free(err);
}
END_TEST

/* show and diff take a provision as lawyers type it. */
START_TEST(test_cli_lawyer_references)
{
	static const struct {
		const char *args[6];
		int status;
		const char *want; /* in stdout, or in stderr for a failure */
	} rows[] = {
	    {{"BW", "1:255", "lid", "2"}, 0, "Artikel 255, lid 2"},
	    {{"art. 3.2 Jeugdwet"}, 0, "Jeugdwet (BWBR0034925)"},
	    {{"Jeugdwet", "7.3.11", "--lid", "4"}, 0, "Artikel 7.3.11, lid 4"},
	    {{"1:255"}, 0, "Artikel 255 "},
	    {{"bwbr0034925", "3.2"}, 0, "Artikel 3.2"},
	    {{"Wmo", "2015", "4.1.1"}, 0, "Artikel 4.1.1"},
	    {{"art. 265b BW"}, 0, "Artikel 265b"},
	    {{"Wet tijdelijk huisverbod 2 lid 1"}, 0, "Artikel 2, lid 1"},
	    {{"wet", "3.2"}, PT_EUSAGE, "fits several laws"},
	    {{"Jeugdwet"}, PT_EUSAGE, "no article number"},
	    {{"5:1"}, PT_EUSAGE, "only Boek 1"},
	    {{"Fantasiewet", "1"}, PT_EUSAGE, "no law of that name"},
	    {{"BW 1:255 lid 2", "--lid", "3"}, PT_EUSAGE, "give one"},
	};
	char *out, *err, *bwb = t_src("xml/bwb");
	size_t i;

	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "import", "-q", bwb, NULL), 0);
	free(out);
	free(err);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *const *a = rows[i].args;
		int rc = t_cli(&out, &err, "--db", db, "show", a[0], a[1], a[2],
		               a[3], a[4], a[5], NULL);

		ck_assert_msg(rc == rows[i].status, "row %zu: status %d: %s", i,
		              rc, err);
		ck_assert_msg(t_contains(rc == 0 ? out : err, rows[i].want),
		              "row %zu: lacks '%s': %s%s", i, rows[i].want, out,
		              err);
		free(out);
		free(err);
	}
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "diff", "Jeugdwet 2.11",
	                       "--lid", "1", "--from", "2015-01-01", "--to",
	                       "2026-01-01", NULL),
	                 0);
	ck_assert(t_contains(out, "[-wet, behoudens de vaststelling"));
	free(out);
	free(err);
	free(bwb);
}
END_TEST

/* A first run: check on an empty registry says how to fill it, and
 * import --bundled fills it from the installed laws; then no warning. */
START_TEST(test_cli_first_run_bundled)
{
	char *out, *err, *rules = t_src("rules"), *bwb = t_src("xml/bwb");
	char *design = t_src("xml/proeftuinen/noord.xml");

	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "check", "--rules",
	                       rules, design, NULL),
	                 1);
	ck_assert(t_contains(err, "the registry holds no laws"));
	ck_assert(t_contains(err, "proeftoets import --bundled"));
	free(out);
	free(err);
	/* without files and without --bundled: a usage error */
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "import", NULL),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "or --bundled"));
	free(out);
	free(err);
	setenv("PROEFTOETS_BWB", bwb, 1);
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "import", "--bundled", NULL), 0);
	unsetenv("PROEFTOETS_BWB");
	ck_assert(t_contains(out, "0 failed"));
	ck_assert(t_contains(out, "BWBR0034925"));
	free(out);
	free(err);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "check", "--rules",
	                       rules, design, NULL),
	                 1);
	ck_assert(!t_contains(err, "holds no laws"));
	free(out);
	free(err);
	free(rules);
	free(bwb);
	free(design);
}
END_TEST

START_TEST(test_cli_import_missing_file)
{
	char *out, *err, *missing = xasprintf("%s/nope.xml", dir);

	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "import", missing, NULL),
	                 PT_EIO);
	ck_assert(t_contains(err, missing));
	ck_assert(t_contains(err, "cannot open"));
	free(out);
	free(err);
	free(missing);
}
END_TEST

START_TEST(test_cli_db_env_and_option)
{
	char *out, *other = xasprintf("%s/env.db", dir);

	setenv("PROEFTOETS_DB", other, 1);
	ck_assert_int_eq(t_cli(&out, NULL, "laws", NULL), 0);
	free(out);
	ck_assert_int_ne(t_db_int(other, "PRAGMA user_version"), -1);
	/* --db wins over the environment */
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "laws", NULL), 0);
	free(out);
	ck_assert_int_ne(t_db_int(db, "PRAGMA user_version"), -1);
	unsetenv("PROEFTOETS_DB");
	free(other);
}
END_TEST

START_TEST(test_cli_bad_database)
{
	char *out, *err,
	    *junk = t_write(
	        dir, "junk.db",
	        "this is not sqlite, just text "
	        "padding......................................................."
	        "...............................................",
	        130);

	ck_assert_int_eq(t_cli(&out, &err, "--db", junk, "laws", NULL), PT_EDB);
	ck_assert(t_contains(err, junk));
	free(out);
	free(err);
	free(junk);
}
END_TEST

/* check -o FILE: the same bytes as standard output, for every format and
 * several designs; a run that fails leaves an earlier report as it was
 * and no temporary file behind. */
START_TEST(test_cli_check_output_file)
{
	const struct format *f;
	char *rules = t_src("rules"),
	     *noord = t_src("xml/proeftuinen/noord.xml");
	char *vt = t_src("xml/proeftuinen/veilig-thuis-aangewezen.xml");
	char *file = xasprintf("%s/rapport", dir);
	char *bad = t_write(dir, "kapot.xml", "<proeftuin", 10);
	char *out, *err, *got;
	size_t len;

	for (f = formats; f->name != NULL; f++) {
		/* a picture shows one design: the list ends early */
		const char *second = (f->flags & FORMAT_ONE) ? NULL : vt;

		/* Those never written to standard output: check_odt.c. */
		if (!format_carries(f, FORMAT_REPORT) ||
		    (f->flags & FORMAT_NO_STDOUT))
			continue;
		ck_assert_int_eq(t_cli(&out, &err, "--db", db, "check",
		                       "--rules", rules, "--format", f->name,
		                       noord, second, NULL),
		                 PT_FINDINGS);
		free(err);
		ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "check",
		                       "--rules", rules, "--format", f->name,
		                       "-o", file, noord, second, NULL),
		                 PT_FINDINGS);
		free(err);
		got = t_read(file, &len);
		ck_assert_ptr_nonnull(got);
		ck_assert_msg(len == strlen(out) && memcmp(got, out, len) == 0,
		              "%s: -o differs from standard output", f->name);
		free(got);
		free(out);
	}
	/* A bad design: nothing is written, the earlier report stays. */
	got = t_read(file, &len);
	ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "check", "--rules",
	                       rules, "-o", file, noord, bad, NULL),
	                 PT_EINPUT);
	free(err);
	out = t_read(file, NULL);
	ck_assert_str_eq(out, got);
	free(out);
	free(got);
	/* An output that cannot be written: I/O error, no file left. */
	free(file);
	file = xasprintf("%s/geen-map/rapport", dir);
	ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "check", "--rules",
	                       rules, "-o", file, noord, NULL),
	                 PT_EIO);
	ck_assert(t_contains(err, "cannot write"));
	free(err);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "laws", NULL), 0);
	free(out);
	free(rules);
	free(noord);
	free(vt);
	free(file);
	free(bad);
}
END_TEST

/* search takes a reference as lawyers type it straight to the provision,
 * and punctuation in plain words is never an error. */
START_TEST(test_cli_search_lawyer_style)
{
	static const struct {
		const char *q;
		const char *want;
	} rows[] = {
	    {"art. 3.2 Jeugdwet", "Jeugdwet (2026-01-01), Artikel 3.2:\n"},
	    {"BW 1:255 lid 2", "Artikel 255, lid 2:\n"},
	    {"Jeugdwet 7.3.11", "Artikel 7.3.11:\n"},
	    {"ouder-kind", "[ouder, kind]"},
	    {"c.q.", "results for 'c.q.'"},
	    {"niet-gecertificeerde", "results for"},
	    {"1:255", "Burgerlijk Wetboek Boek 1, Personen- en familierecht "
	              "(2025-07-05), Artikel 255:\n"},
	    {"2.4 lid 2", "Jeugdwet (2026-01-01), Artikel 2.4, lid 2:\n"},
	    {"kind NOT", "results for"},
	    {"kind AND", "[kind]"},
	    {"ouders", "[ouder]"},
	    {"gecertificeerd", "[gecertificeerde]"},
	    {"\"1:255\"", "0 results"},
	};
	char *out, *err, *bwb = t_src("xml/bwb");
	size_t i;

	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "import", "-q", bwb, NULL), 0);
	free(out);
	free(err);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ck_assert_msg(t_cli(&out, &err, "--db", db, "search", rows[i].q,
		                    NULL) == 0,
		              "%s: %s", rows[i].q, err);
		ck_assert_msg(t_contains(out, rows[i].want), "%s: %s",
		              rows[i].q, out);
		if (t_contains(rows[i].want, "Artikel")) /* the provision */
			ck_assert_msg(t_contains(out, "\n1 result for"), "%s",
			              out);
		free(out);
		free(err);
	}
	/* Bad input is told in Dutch, never in the index's syntax. */
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "search", "\"open", NULL), PT_EUSAGE);
	ck_assert_msg(t_contains(err, "aanhalingsteken"), "%s", err);
	ck_assert(!t_contains(err, "unterminated"));
	ck_assert(!t_contains(err, "fts5"));
	free(out);
	free(err);
	ck_assert_int_eq(
	    t_cli(&out, &err, "--db", db, "search", "\"kind\" AND (", NULL),
	    PT_EUSAGE);
	ck_assert_msg(t_contains(err, "kan niet worden gelezen"), "%s", err);
	ck_assert(!t_contains(err, "syntax error"));
	free(out);
	free(err);
	free(bwb);
}
END_TEST

/* Run the CLI with the file path (or a directory) as standard input. */
static int
cli_stdin(const char *path, char **out, char **err, const char *cmd,
          const char *arg)
{
	char *rules = t_src("rules");
	int saved = dup(STDIN_FILENO), fd, rc;

	ck_assert_int_ge(saved, 0);
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	if (strcmp(cmd, "proeftuin") == 0)
		rc = t_cli(out, err, "--db", db, cmd, "add", "--rules", rules,
		           arg, NULL);
	else
		rc = t_cli(out, err, "--db", db, cmd, "--rules", rules, arg,
		           NULL);
	ck_assert_int_eq(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	free(rules);
	return rc;
}

/* "-" reads a design from standard input, once; errors call it <stdin>. */
START_TEST(test_cli_stdin_design)
{
	char *rules = t_src("rules"),
	     *noord = t_src("xml/proeftuinen/noord.xml");
	char *bad = t_write(dir, "kapot.xml", "<proeftuin", 10);
	char *out, *err, *want;

	ck_assert_int_eq(t_cli(&want, &err, "--db", db, "check", "--rules",
	                       rules, noord, NULL),
	                 PT_FINDINGS);
	free(err);
	ck_assert_int_eq(cli_stdin(noord, &out, &err, "check", "-"),
	                 PT_FINDINGS);
	ck_assert_str_eq(out, want);
	free(out);
	free(err);
	free(want);
	ck_assert_int_eq(cli_stdin(bad, &out, &err, "check", "-"), PT_EINPUT);
	ck_assert_msg(t_contains(err, "<stdin>:"), "%s", err);
	free(out);
	free(err);
	ck_assert_int_eq(cli_stdin(dir, &out, &err, "check", "-"), PT_EIO);
	ck_assert(t_contains(err, "<stdin>: is a directory"));
	free(out);
	free(err);
	ck_assert_int_eq(cli_stdin(noord, &out, &err, "ruimte", "-"), 0);
	ck_assert(t_contains(out, "noord"));
	free(out);
	free(err);
	ck_assert_int_eq(cli_stdin(noord, &out, &err, "proeftuin", "-"), 0);
	ck_assert_msg(t_contains(out, "saved") && t_contains(out, "<stdin>"),
	              "%s", out);
	free(out);
	free(err);
	/* Standard input can be read only once. */
	ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "check", "--rules",
	                       rules, "-", "-", NULL),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "only once"));
	free(err);
	ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "import", "-", NULL),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "not supported"));
	free(err);
	free(rules);
	free(noord);
	free(bad);
}
END_TEST

/* ruimte finds the rules where check does, without --rules. */
START_TEST(test_cli_ruimte_default_rules)
{
	char *rules = t_src("rules"),
	     *noord = t_src("xml/proeftuinen/noord.xml");
	char *out, *err;

	setenv("PROEFTOETS_RULES", rules, 1);
	ck_assert_int_eq(t_cli(&out, &err, "--db", db, "ruimte", noord, NULL),
	                 0);
	unsetenv("PROEFTOETS_RULES");
	ck_assert(t_contains(out, "noord"));
	free(out);
	free(err);
	free(rules);
	free(noord);
}
END_TEST

/* check -o onto a device writes through and leaves the device; onto a
 * symbolic link it is refused; a write that fails half-way (a file-size
 * limit, as a full disk) leaves the old report whole. */
START_TEST(test_cli_check_output_targets)
{
	/* Together a report of some 200 kB, over the limit set below. */
	static const char *const designs[6] = {
	    "xml/proeftuinen/huidige-taakverdeling.xml",
	    "xml/proeftuinen/noord.xml",
	    "xml/proeftuinen/rvt-gecertificeerd.xml",
	    "xml/proeftuinen/rvt-integraal.xml",
	    "xml/proeftuinen/veilig-thuis-aangewezen.xml",
	    "xml/proeftuinen/wijkteam-hulp-en-dwang.xml"};
	char *rules = t_src("rules"),
	     *noord = t_src("xml/proeftuinen/noord.xml");
	char *dev = xasprintf("%s/null", dir),
	     *link = xasprintf("%s/link", dir);
	char *file = t_write(dir, "oud-rapport", "oud", 3), *err, *got;
	struct stat st;
	int pid;

	if (mknod(dev, S_IFCHR | 0600, makedev(1, 3)) == 0) {
		ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "check",
		                       "--rules", rules, "-o", dev, noord,
		                       NULL),
		                 PT_FINDINGS);
		free(err);
		ck_assert_int_eq(lstat(dev, &st), 0);
		ck_assert(S_ISCHR(st.st_mode));
	}
	ck_assert_int_eq(symlink(file, link), 0);
	ck_assert_int_eq(t_cli(NULL, &err, "--db", db, "check", "--rules",
	                       rules, "-o", link, noord, NULL),
	                 PT_EIO);
	ck_assert(t_contains(err, "symbolic link"));
	free(err);
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));

	/* The limit in a child of its own, so that it stays there. */
	if ((pid = t_fork_fsize(65536)) == 0) {
		char *d[6];
		int k, rc;

		for (k = 0; k < 6; k++)
			d[k] = t_src(designs[k]);
		rc = t_cli(NULL, &err, "--db", db, "check", "--rules", rules,
		           "--format", "html", "-o", file, d[0], d[1], d[2],
		           d[3], d[4], d[5], NULL);
		rc = rc == PT_EIO && t_contains(err, "cannot write") ? 0 : 1;
		/* No leak in the child either (valgrind checks it too). */
		for (k = 0; k < 6; k++)
			free(d[k]);
		free(err);
		free(rules);
		free(noord);
		free(dev);
		free(link);
		free(file);
		_exit(rc);
	}
	ck_assert_int_eq(t_wait(pid), 0);
	got = t_read(file, NULL);
	ck_assert_str_eq(got, "oud");
	free(got);
	free(rules);
	free(noord);
	free(dev);
	free(link);
	free(file);
}
END_TEST

/* Control bytes of an argument never reach the terminal raw: an ESC
 * sequence in an unknown command or option is shown as \xHH. */
START_TEST(test_cli_escapes_control_bytes)
{
	char *err;

	ck_assert_int_eq(t_cli(NULL, &err, "frob\x1b[2J\x07", NULL), PT_EUSAGE);
	ck_assert(strchr(err, '\x1b') == NULL);
	ck_assert(strchr(err, '\x07') == NULL);
	ck_assert(t_contains(err, "frob\\x1b[2J\\x07"));
	free(err);
	ck_assert_int_eq(t_cli(NULL, &err, "laws", "--x\x1b]0;t\x07", NULL),
	                 PT_EUSAGE);
	ck_assert(strchr(err, '\x1b') == NULL);
	ck_assert(t_contains(err, "\\x1b]0;t\\x07"));
	free(err);
}
END_TEST

Suite *
suite_cli(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("proeftoets_main");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cli_help_every_command);
	tcase_add_test(tc, test_cli_man_page_lists_commands);
	tcase_add_test(tc, test_cli_man_page_lists_formats);
	tcase_add_test(tc, test_cli_readme_ruimte_formats);
	tcase_add_test(tc, test_cli_version);
	tcase_add_test(tc, test_cli_usage_errors);
	tcase_add_test(tc, test_cli_empty_registry);
	tcase_add_test(tc, test_cli_first_run_bundled);
	tcase_add_test(tc, test_cli_lawyer_references);
	tcase_add_test(tc, test_cli_import_missing_file);
	tcase_add_test(tc, test_cli_db_env_and_option);
	tcase_add_test(tc, test_cli_bad_database);
	tcase_add_test(tc, test_cli_check_output_file);
	tcase_add_test(tc, test_cli_check_output_targets);
	tcase_add_test(tc, test_cli_escapes_control_bytes);
	tcase_add_test(tc, test_cli_stdin_design);
	tcase_add_test(tc, test_cli_ruimte_default_rules);
	tcase_add_test(tc, test_cli_man_page_files);
	tcase_add_test(tc, test_cli_search_lawyer_style);
	suite_add_tcase(s, tc);
	return s;
}
