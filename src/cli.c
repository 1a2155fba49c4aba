/*
 * cli.c: global options, the command table, help and message helpers.
 * The commands themselves live in cmd_*.c.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cli_priv.h"
#include "xmlsec.h"

#define EXIT_STATUSES                                                       \
	"Exit status:\n"                                                    \
	"  0  success (check: no barriers)\n"                              \
	"  1  check: the design has barriers\n"                            \
	"  2  usage error\n"                                               \
	"  3  bad input: not well-formed, not valid, not BWB, bad design or rules\n" \
	"  4  unsafe XML refused (entity declarations, external entities)\n" \
	"  5  a file could not be read or written\n"                       \
	"  6  database error\n"                                            \
	"  7  not found: a law, article or finding that is not in the registry\n" \
	"  8  internal error\n"

const struct cli_command cli_commands[] = {
	{ "import", cmd_import, "import [--date YYYY-MM-DD] FILE|DIR...",
	  "import BWB XML files into the registry",
	  "Import statutory XML from the Basiswettenbestand (BWB) into the\n"
	  "registry: the <toestand> format (2015-1, 2015-2, 2016-1) and the\n"
	  "older <wetgeving> format.  A directory is searched recursively for\n"
	  "*.xml files (manifest and WTI files are skipped).\n"
	  "\n"
	  "Each file is imported in one transaction: a file that fails leaves\n"
	  "nothing behind, and files imported before it stay.  A file that was\n"
	  "imported before (same SHA-256) changes nothing.\n"
	  "\n"
	  "Options:\n"
	  "  --date YYYY-MM-DD  date of entry into force for files that carry\n"
	  "                     none (the <wetgeving> format); without it the\n"
	  "                     date is recorded as unknown\n"
	  "  -q, --quiet        print nothing but errors\n" },
	{ "laws", cmd_laws, "laws [--format text|json]",
	  "list imported laws, versions and article counts",
	  "List the laws in the registry with their versions (date of entry\n"
	  "into force, source file) and the number of articles of each.\n"
	  "\n"
	  "Options:\n"
	  "  --format text|json  output format (default text)\n" },
	{ "show", cmd_show,
	  "show BWB-ID ARTIKEL [--lid N] [--date YYYY-MM-DD] [--format text|json]",
	  "show one provision as in force at a date",
	  "Show the text of an article (or one lid of it) from the version of\n"
	  "the law in force at the date, with its Juriconnect id and link.\n"
	  "ARTIKEL is the number as the law writes it: 3.2, 255, 265b, 4.1.1.\n"
	  "\n"
	  "Options:\n"
	  "  --lid N             one lid of the article\n"
	  "  --date YYYY-MM-DD   the date (default: the newest version)\n"
	  "  --format text|json  output format (default text)\n" },
	{ "search", cmd_search,
	  "search [--date YYYY-MM-DD] [--limit N] [--format text|json] QUERY",
	  "full-text search over provision texts",
	  "Search the text of every article in the registry.  QUERY uses SQLite\n"
	  "FTS5 syntax: words (all must occur), \"a phrase\", OR, NOT, prefix*.\n"
	  "Accents are ignored.  Hits show the law, the version and the article,\n"
	  "with the matching words in [brackets].\n"
	  "\n"
	  "Options:\n"
	  "  --date YYYY-MM-DD   search only the versions in force at that date\n"
	  "  --limit N           at most N results (default 20)\n"
	  "  --format text|json  output format (default text)\n" },
	{ "check", cmd_check,
	  "check [--rules DIR] [--format text|markdown|html|json|csv] [-o FILE] [--save] DESIGN.xml...",
	  "check proeftuin designs against the rules",
	  "Check one or more proeftuin designs against the rule set at each\n"
	  "design's peildatum, quoting every provision from the registry.\n"
	  "Every finding shows its review status and the note of its last\n"
	  "decision from the registry ('proeftoets review'); open when none.\n"
	  "\n"
	  "Options:\n"
	  "  --rules DIR      rule directory (default: the installed rules,\n"
	  "                   or $PROEFTOETS_RULES)\n"
	  "  --format FORMAT  text (default), markdown, html, json or csv\n"
	  "  -o FILE          write the report to FILE instead of standard output\n"
	  "  --today DATE     the date used for designs without a peildatum\n"
	  "  --save           also store each design and its findings in the\n"
	  "                   registry under its proeftuin id (see 'proeftoets\n"
	  "                   proeftuin add')\n" },
	{ "proeftuinen", cmd_proeftuinen, "proeftuinen [--format text|json]",
	  "list the saved proeftuinen and their review counts",
	  "List the proeftuinen saved in the registry: id, name, number of\n"
	  "versions, when the latest was saved and its peildatum, the barriers\n"
	  "and risks found in the latest version, and the number of findings\n"
	  "per review status (open, confirmed, rejected, mitigated,\n"
	  "needs-amendment, and resolved: no longer found in the latest\n"
	  "version).\n"
	  "\n"
	  "Options:\n"
	  "  --format text|json  output format (default text)\n" },
	{ "proeftuin", cmd_proeftuin,
	  "proeftuin add [--rules DIR] [--today DATE] [-q] DESIGN.xml...",
	  "save proeftuin designs and their findings",
	  "Check each design (as 'check' does, without writing a report) and\n"
	  "store it in the registry under its proeftuin id: the design XML as\n"
	  "read, its SHA-256 and peildatum, and a snapshot of every finding.\n"
	  "A design that differs from the latest saved version of its\n"
	  "proeftuin becomes a new version; the same design again changes\n"
	  "nothing.  Review decisions stay attached to the findings, whose ids\n"
	  "are stable; a finding the new version no longer has is shown as\n"
	  "resolved and keeps its log.  All designs are read before any is\n"
	  "stored.  Exit status 0 also when there are barriers.\n"
	  "\n"
	  "Options:\n"
	  "  --rules DIR   rule directory (default: the installed rules,\n"
	  "                or $PROEFTOETS_RULES)\n"
	  "  --today DATE  the date used for designs without a peildatum\n"
	  "  -q, --quiet   print nothing but errors\n" },
	{ "review", cmd_review,
	  "review list [--proeftuin ID] [--status STATUS] [--format text|json]\n"
	  "   or: proeftoets [--db PATH] review set FINDING-ID STATUS --by NAME [--note TEXT]\n"
	  "   or: proeftoets [--db PATH] review log FINDING-ID [--format text|json]",
	  "review findings: list, decide, show the audit log",
	  "The review workflow of the denktank.  Each finding of a saved\n"
	  "proeftuin (see 'proeftuin add', 'check --save') has a status:\n"
	  "  open             not decided yet (the default; also to reopen)\n"
	  "  confirmed        the barrier is real\n"
	  "  rejected         not a barrier; --note saying why is required\n"
	  "  mitigated        solved without a change of law (for example a\n"
	  "                   certificate or a designation)\n"
	  "  needs-amendment  the law has to change\n"
	  "and is shown as resolved when the latest saved version of its design\n"
	  "no longer has it.\n"
	  "\n"
	  "review list   the findings with their current status, decider, time\n"
	  "              and note\n"
	  "review set    record a decision; it is appended to the audit log\n"
	  "              (who, when in UTC, old and new status, note), which is\n"
	  "              never changed: the current status is the last entry\n"
	  "review log    the audit log of one finding, oldest first\n"
	  "\n"
	  "Text output shows a backslash as \\\\ and other control characters\n"
	  "than newline and tab as \\xHH; JSON output has every text unchanged.\n"
	  "\n"
	  "Options:\n"
	  "  --proeftuin ID      list: only this proeftuin\n"
	  "  --status STATUS     list: only findings with this status (or resolved)\n"
	  "  --by NAME           set: who decides (required, not empty)\n"
	  "  --note TEXT         set: why (required for rejected)\n"
	  "  --format text|json  list, log: output format (default text)\n"
	  "\n"
	  "An unknown finding id gives exit status 7.\n" },
	{ "update", cmd_update,
	  "update [--base URL] [--all-versions | --since YYYY-MM-DD] [--today YYYY-MM-DD] [BWB-ID...]",
	  "fetch new versions of laws from the BWB repository",
	  "Keep the registry current from the BWB repository behind\n"
	  "wetten.overheid.nl.  For each law (the BWB ids given, else every law\n"
	  "the rules cite) the manifest BASE/BWB-ID/manifest.xml is read and the\n"
	  "versions wanted are fetched from BASE/BWB-ID/VERSION/xml/FILE:\n"
	  "by default the version in force today and every later version\n"
	  "already published.  A version fetched before with the same SHA-512\n"
	  "is not downloaded again.  Every file is checked against the size and\n"
	  "SHA-512 of the manifest, and must hold the law named, before it is\n"
	  "imported (one transaction per file).  A failure stops only that\n"
	  "version (or, for a manifest, that law); the others go on.  One line\n"
	  "per version says imported, unchanged or failed; a summary follows.\n"
	  "Downloads go to a temporary file next to the registry.\n"
	  "\n"
	  "Options:\n"
	  "  --base URL          the repository (default\n"
	  "                      https://repository.officiele-overheidspublicaties.nl/bwb);\n"
	  "                      an http, https or file:// URL of a mirror laid\n"
	  "                      out the same way\n"
	  "  --all-versions      every version in the manifest\n"
	  "  --since YYYY-MM-DD  every version in force on or after the date\n"
	  "  --today YYYY-MM-DD  the date that decides which version is in force\n"
	  "                      (default: today)\n"
	  "  --timeout SECONDS   give up on a request that cannot connect or\n"
	  "                      receives nothing for SECONDS (default 30); a\n"
	  "                      request may take 10 times as long in all\n"
	  "  --retries N         attempts after a transient failure (5xx, time-out,\n"
	  "                      connection reset or cut short; never after 404),\n"
	  "                      waiting 1, 2, 4... seconds (default 3)\n"
	  "  --rules DIR         rule directory for the laws to fetch (default:\n"
	  "                      the installed rules, or $PROEFTOETS_RULES)\n"
	  "  -q, --quiet         print nothing but errors\n"
	  "\n"
	  "When some version or manifest failed, the exit status is that of the\n"
	  "first failure: 5 for a download or a file that does not match the\n"
	  "manifest, 3 for a manifest or file that does not parse.\n" },
	{ "diff", cmd_diff,
	  "diff BWB-ID ARTIKEL [--lid N] --from DATE --to DATE [--format text|json] [--color=WHEN]",
	  "word diff of a provision between the versions in force at two dates",
	  "Compare the text of an article (or one lid of it) in the version of\n"
	  "the law in force at --from with the version in force at --to, word\n"
	  "by word: unchanged words plain, deleted words as [-woord-], inserted\n"
	  "words as {+woord+} (like git diff --word-diff=plain).  A header names\n"
	  "both versions and their dates.\n"
	  "\n"
	  "Options:\n"
	  "  --lid N             one lid of the article\n"
	  "  --from YYYY-MM-DD   the old date (required)\n"
	  "  --to YYYY-MM-DD     the new date (required)\n"
	  "  --format text|json  output format (default text)\n"
	  "  --color[=WHEN]      colour deletions red and insertions green: auto\n"
	  "                      (default: when standard output is a terminal\n"
	  "                      and NO_COLOR is not set), always or never\n"
	  "\n"
	  "Exit status 0 also when the texts differ; 7 when the law, a version,\n"
	  "the article or the lid is not in the registry at one of the dates.\n" },
	{ "rules", cmd_rules,
	  "rules stale [--rules DIR] [--date YYYY-MM-DD] [--format text|json] [--color=WHEN]",
	  "list rules written against a law text that has changed since",
	  "rules stale: every rule provision may say which version of the law\n"
	  "it was written against (getoetst-aan, a date, and/or tekst-sha256).\n"
	  "List the rules whose provision changed since: the registry holds a\n"
	  "newer version whose text differs (changed), in which the article is\n"
	  "repealed (repealed) or absent (gone), or the registry holds no text at\n"
	  "the getoetst-aan date to compare with (baseline-missing).  For each,\n"
	  "the old and new version dates and a word diff of the old and new\n"
	  "text.  Provisions without getoetst-aan or tekst-sha256 are counted.\n"
	  "\n"
	  "Options:\n"
	  "  --rules DIR         rule directory (default: the installed rules,\n"
	  "                      or $PROEFTOETS_RULES)\n"
	  "  --date YYYY-MM-DD   compare with the versions in force then\n"
	  "                      (default: the newest versions)\n"
	  "  --format text|json  output format (default text)\n"
	  "  --color[=WHEN]      auto (default), always or never\n"
	  "\n"
	  "Exit status 0 when no rule is stale, 1 when some are.\n" },
	{ "amendments", cmd_amendments,
	  "amendments [--proeftuin ID]... [--rules DIR] [--today DATE] [--format text|markdown|csv|json|xlsx] [-o FILE]",
	  "the list of provisions to amend over the stored proeftuinen",
	  "Check the latest saved design of every stored proeftuin (or of the\n"
	  "ones named with --proeftuin) with the current rules at its peildatum,\n"
	  "apply the review decisions, and list the provisions that must change:\n"
	  "per provision the law, article, lid, Juriconnect id, the current text,\n"
	  "the lowest level of law needed (wet, amvb, ...), and the proeftuinen\n"
	  "and findings that need it with their review status; then the risks.\n"
	  "Findings reviewed as rejected are left out; mitigated ones are listed\n"
	  "apart.\n"
	  "\n"
	  "Options:\n"
	  "  --proeftuin ID   only this proeftuin (may be repeated)\n"
	  "  --rules DIR      rule directory (default: the installed rules,\n"
	  "                   or $PROEFTOETS_RULES)\n"
	  "  --today DATE     the date of the current text, and the peildatum of\n"
	  "                   designs without one (default: today)\n"
	  "  --format FORMAT  text (default), markdown, csv, json or xlsx\n"
	  "  -o FILE          write to FILE (required for xlsx)\n"
	  "\n"
	  "Exit status 7 when a proeftuin named was never saved.\n" },
	{ "serve", cmd_serve,
	  "serve [--listen ADDR:PORT] [--rules DIR]",
	  "the web workspace: proeftuinen, findings, review, law",
	  "Serve the web workspace of the denktank: the saved proeftuinen, each\n"
	  "checked again with the current rules and registry, their findings\n"
	  "with the provisions quoted at the peildatum, the review log and a\n"
	  "form to record decisions, the amendment list (CSV, XLSX, JSON) and\n"
	  "the law in the registry with full-text search; and a JSON API\n"
	  "(/api/proeftuinen, /api/proeftuinen/ID, /api/amendments).  Pages are\n"
	  "Dutch HTML without scripts.\n"
	  "\n"
	  "Everyone signs in with an account made by 'proeftoets user add'.\n"
	  "Readers read; only reviewers record decisions, which the audit log\n"
	  "keeps under the name of the signed-in user.  The session cookie is\n"
	  "not marked Secure: beyond loopback put a reverse proxy with TLS in\n"
	  "front.  SIGINT or SIGTERM stops the server cleanly.\n"
	  "\n"
	  "Options:\n"
	  "  --listen ADDR:PORT  where to listen (default 127.0.0.1:8080; an\n"
	  "                      IPv6 address in brackets, [::1]:8080); port 0\n"
	  "                      picks a free port.  An address beyond loopback\n"
	  "                      must be given here and gives a warning\n"
	  "  --rules DIR         rule directory (default: the installed rules,\n"
	  "                      or $PROEFTOETS_RULES)\n"
	  "\n"
	  "Prints 'listening on http://ADDR:PORT/' once it listens.\n" },
	{ "user", cmd_user,
	  "user add NAME [--role reviewer|reader]\n"
	  "   or: proeftoets [--db PATH] user list\n"
	  "   or: proeftoets [--db PATH] user remove NAME",
	  "accounts of the web workspace",
	  "user add     add an account; the password is read as one line from\n"
	  "             standard input (an empty one is refused) and stored only\n"
	  "             as a slow salted hash (Argon2id)\n"
	  "user list    the accounts, their roles and live sessions\n"
	  "user remove  remove an account and end its sessions\n"
	  "\n"
	  "Options:\n"
	  "  --role reviewer|reader  add: reviewers may record decisions,\n"
	  "                          readers only read (default reader)\n" },
	{ NULL, NULL, NULL, NULL, NULL }
};

static void
vmsg(struct cli *c, const char *prefix, const char *fmt, va_list ap)
{
	fputs("proeftoets: ", c->err);
	if (prefix)
		fputs(prefix, c->err);
	vfprintf(c->err, fmt, ap);
	fputc('\n', c->err);
}

int
cli_error(struct cli *c, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(c, NULL, fmt, ap);
	va_end(ap);
	return code;
}

void
cli_warn(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(c, "warning: ", fmt, ap);
	va_end(ap);
}

int
cli_report(struct cli *c, const struct pt_err *e)
{
	char buf[PT_ERR_MSG_MAX + PT_ERR_FILE_MAX + 64];

	fprintf(c->err, "proeftoets: %s\n", pt_err_format(e, buf, sizeof buf));
	return e->code == PT_OK ? PT_EINTERNAL : (int)e->code;
}

int
cli_usage(struct cli *c, const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(c, NULL, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(c->err, "Try 'proeftoets %s --help'.\n", cmd);
	else
		fputs("Try 'proeftoets --help'.\n", c->err);
	return PT_EUSAGE;
}

static const struct cli_command *
find_command(const char *name)
{
	const struct cli_command *cmd;

	for (cmd = cli_commands; cmd->name; cmd++)
		if (strcmp(cmd->name, name) == 0)
			return cmd;
	return NULL;
}

int
cli_help(struct cli *c, const char *name)
{
	const struct cli_command *cmd = find_command(name);

	if (cmd == NULL)
		return PT_EUSAGE;
	fprintf(c->out, "Usage: proeftoets [--db PATH] %s\n\n%s\n%s",
		cmd->synopsis, cmd->summary, "");
	fprintf(c->out, "\n%s\n" EXIT_STATUSES, cmd->help);
	return PT_OK;
}

int
cli_is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int
cli_open_store(struct cli *c, struct pt_store **st)
{
	struct pt_err e = PT_ERR_INIT;

	if (store_open(c->db_path, st, &e) != PT_OK)
		return cli_report(c, &e);
	return PT_OK;
}

int
cli_write(struct cli *c, const char *s, size_t len)
{
	if (len && fwrite(s, 1, len, c->out) != len)
		return cli_error(c, PT_EIO, "cannot write output");
	return PT_OK;
}

int
cli_opt_value(int argc, char **argv, int *i, const char *name,
	      const char **val)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strcmp(a, name) == 0) {
		if (*i + 1 >= argc)
			return -1;
		*val = argv[++*i];
		return 1;
	}
	if (strncmp(a, name, n) == 0 && a[n] == '=') {
		*val = a + n + 1;
		return 1;
	}
	return 0;
}

static void
usage(struct cli *c, FILE *f)
{
	const struct cli_command *cmd;
	int width = 0;

	for (cmd = cli_commands; cmd->name; cmd++)
		if ((int)strlen(cmd->name) > width)
			width = (int)strlen(cmd->name);

	fputs("Usage: proeftoets [--db PATH] COMMAND [OPTIONS] [ARGS]\n"
	      "\n"
	      "The registry and rule checker for proeftuinen kind- en\n"
	      "gezinsbescherming: import Dutch statutory XML (BWB) into a\n"
	      "SQLite registry and check proeftuin designs against rules that\n"
	      "say where current law blocks them.\n"
	      "\n"
	      "Commands:\n", f);
	for (cmd = cli_commands; cmd->name; cmd++)
		fprintf(f, "  %-*s %s\n", width, cmd->name, cmd->summary);
	fputs("\n"
	      "Global options:\n"
	      "  --db PATH     the registry (default $PROEFTOETS_DB, else ./proeftoets.db)\n"
	      "  -h, --help    this help; 'proeftoets COMMAND --help' for a command\n"
	      "  --version     print the version\n"
	      "\n" EXIT_STATUSES, f);
	(void)c;
}

int
proeftoets_main(int argc, char **argv, FILE *out, FILE *err)
{
	struct cli c;
	const struct cli_command *cmd;
	const char *env;
	int i, r;

	memset(&c, 0, sizeof c);
	c.out = out;
	c.err = err;
	env = getenv("PROEFTOETS_DB");
	c.db_path = env && *env ? env : "proeftoets.db";
	c.err_is_tty = err == stderr && isatty(fileno(stderr));

	for (i = 1; i < argc; i++) {
		const char *v;

		if (argv[i][0] != '-')
			break;
		if (cli_is_help(argv[i])) {
			usage(&c, out);
			return PT_OK;
		}
		if (strcmp(argv[i], "--version") == 0) {
			fprintf(out, "proeftoets %s\n", PACKAGE_VERSION);
			return PT_OK;
		}
		r = cli_opt_value(argc, argv, &i, "--db", &v);
		if (r < 0)
			return cli_usage(&c, NULL, "option '--db' needs a path");
		if (r > 0) {
			if (*v == '\0')
				return cli_usage(&c, NULL, "option '--db' needs a path");
			c.db_path = v;
			continue;
		}
		return cli_usage(&c, NULL, "unknown option '%s'", argv[i]);
	}
	if (i >= argc) {
		usage(&c, err);
		return PT_EUSAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 < argc && find_command(argv[i + 1]))
			return cli_help(&c, argv[i + 1]);
		usage(&c, out);
		return PT_OK;
	}
	cmd = find_command(argv[i]);
	if (cmd == NULL)
		return cli_usage(&c, NULL, "unknown command '%s'", argv[i]);
	fflush(out);
	r = cmd->run(&c, argc - i, argv + i);
	xmlsec_cleanup();
	if (fflush(out) != 0 && r == PT_OK)
		r = cli_error(&c, PT_EIO, "cannot write output");
	return r;
}
