/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cli.c: global options, the command table, help and message helpers.
 * The commands themselves live in cmd_*.c.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cite.h"
#include "cli_priv.h"
#include "i18n.h"
#include "lawref.h"
#include "store.h"
#include "update.h"
#include "xmlsec.h"

#define REQ  CLI_ARG_REQUIRED
#define NONE CLI_ARG_NONE
#define OPT  CLI_ARG_OPTIONAL
#define RULES_HELP                                                             \
	N_("rule directory (default: the installed rules,\nor "                \
	   "$PROEFTOETS_RULES)")
#define CITEERSTIJL_OPT                                                        \
	{                                                                      \
		OPT_CITEERSTIJL, "citeerstijl", REQ, "kort|lang", NULL,        \
		    N_("how provisions are cited: kort (default; art.\n"       \
		       "3.2 lid 1 Jeugdwet) or lang (artikel 3.2, eerste\n"    \
		       "lid, van de Jeugdwet)"),                               \
		    0                                                          \
	}
#define FORMAT_TJ                                                              \
	{                                                                      \
		OPT_FORMAT, "format", REQ, "text|json", NULL,                  \
		    N_("output format (default text)"), 0                      \
	}

static const struct cli_option import_options[] = {
    {OPT_BUNDLED, "bundled", NONE, NULL, NULL,
     N_("also import the laws installed with proeftoets\n"
        "({bwbdir}, or $PROEFTOETS_BWB)"),
     0},
    {OPT_DATE, "date", REQ, "YYYY-MM-DD", NULL,
     N_("date of entry into force for files that carry\n"
        "none (the <wetgeving> format); without it the\n"
        "date is recorded as unknown"),
     0},
    {'q', "quiet", NONE, NULL, NULL, N_("print nothing but errors"), 0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option laws_options[] = {
    FORMAT_TJ, {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option show_options[] = {
    {OPT_LID, "lid", REQ, "N", NULL, N_("one lid of the article"), 0},
    {OPT_DATE, "date", REQ, "YYYY-MM-DD", NULL,
     N_("the date (default: the newest version)"), 0},
    FORMAT_TJ,
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option search_options[] = {
    {OPT_DATE, "date", REQ, "YYYY-MM-DD", NULL,
     N_("search only the versions in force at that date"), 0},
    {OPT_LIMIT, "limit", REQ, "N", NULL, N_("at most N results (default 20)"),
     0},
    {OPT_PAGINA, "pagina", REQ, "K", NULL,
     N_("show the K-th page of N results (default 1)"), 0},
    FORMAT_TJ,
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option check_options[] = {
    {OPT_RULES, "rules", REQ, "DIR", NULL, RULES_HELP, 0},
    {OPT_FORMAT, "format", REQ, "FORMAT", NULL, "", FORMAT_REPORT},
    {'o', "output", REQ, "FILE", NULL,
     N_("write the report to FILE instead of standard output\n"
        "('-': standard output)"),
     FORMAT_REPORT},
    {OPT_TODAY, "today", REQ, "DATE", NULL,
     N_("the date used for designs without a peildatum"), 0},
    {OPT_SAVE, "save", NONE, NULL, NULL,
     N_("also store each design and its findings in the\n"
        "registry under its proeftuin id (see 'proeftoets\n"
        "proeftuin add')"),
     0},
    CITEERSTIJL_OPT,
    {OPT_CSV_DIALECT, "csv-dialect", REQ, "DIALECT", NULL,
     "with --format csv: rfc4180 (default; commas) or\n"
     "excel-nl (semicolons, UTF-8 with BOM, article\n"
     "numbers kept as text: for Dutch spreadsheets)",
     0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option ruimte_options[] = {
    {OPT_RULES, "rules", REQ, "DIR", NULL, RULES_HELP, 0},
    {OPT_FORMAT, "format", REQ, "FORMAT", NULL, "", FORMAT_RUIMTE},
    {'o', "output", REQ, "FILE", NULL,
     N_("write the result to FILE instead of standard output\n"
        "('-': standard output)"),
     FORMAT_RUIMTE},
    {OPT_VARIANT, "variant", REQ, "FILE", NULL,
     N_("also write the lawful variant as a design file\n"
        "(only with one design)"),
     0},
    {OPT_TODAY, "today", REQ, "DATE", NULL,
     N_("the date used for designs without a peildatum"), 0},
    CITEERSTIJL_OPT,
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option proeftuinen_options[] = {
    FORMAT_TJ, {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option proeftuin_options[] = {
    {OPT_RULES, "rules", REQ, "DIR", "add", RULES_HELP, 0},
    {OPT_TODAY, "today", REQ, "DATE", "add",
     N_("the date used for designs without a peildatum"), 0},
    {'q', "quiet", NONE, NULL, "add", N_("print nothing but errors"), 0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option review_options[] = {
    {OPT_PROEFTUIN, "proeftuin", REQ, "ID", "list",
     N_("list: only this proeftuin"), 0},
    {OPT_STATUS, "status", REQ, "STATUS", "list",
     N_("list: only findings with this status (or resolved)"), 0},
    {OPT_BY, "by", REQ, "NAME", "set",
     N_("set: who decides (required, not empty)"), 0},
    {OPT_NOTE, "note", REQ, "TEXT", "set",
     N_("set: why (required for rejected)"), 0},
    {OPT_FORMAT, "format", REQ, "text|json", "list log",
     N_("list, log: output format (default text)"), 0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option update_options[] = {
    {OPT_BASE, "base", REQ, "URL", NULL,
     N_("the repository (default\n"
        "https://repository.officiele-overheidspublicaties.nl/bwb);\n"
        "an http, https or file:// URL of a mirror laid\n"
        "out the same way"),
     0},
    {OPT_ALL_VERSIONS, "all-versions", NONE, NULL, NULL,
     N_("every version in the manifest"), 0},
    {OPT_SINCE, "since", REQ, "YYYY-MM-DD", NULL,
     N_("every version in force on or after the date"), 0},
    {OPT_TODAY, "today", REQ, "YYYY-MM-DD", NULL,
     N_("the date that decides which version is in force\n"
        "(default: today)"),
     0},
    {OPT_TIMEOUT, "timeout", REQ, "SECONDS", NULL,
     N_("give up on a request that cannot connect or\n"
        "receives nothing for SECONDS (default 30); a\n"
        "request may take 10 times as long in all"),
     0},
    {OPT_RETRIES, "retries", REQ, "N", NULL,
     N_("attempts after a transient failure (5xx, time-out,\n"
        "connection reset or cut short; never after 404),\n"
        "waiting 1, 2, 4... seconds (default 3)"),
     0},
    {OPT_MAX_TIME, "max-time", REQ, "SECONDS", NULL,
     N_("stop downloading after SECONDS in all (default\n"
        "{max_run_time}; 0: no limit); what is left counts as failed"),
     0},
    {OPT_ANY_ORIGIN, "any-origin", NONE, NULL, NULL,
     N_("follow redirects to other hosts too (default: only\n"
        "within the host of --base)"),
     0},
    {OPT_RULES, "rules", REQ, "DIR", NULL,
     N_("rule directory for the laws to fetch (default:\n"
        "the installed rules, or $PROEFTOETS_RULES)"),
     0},
    {'q', "quiet", NONE, NULL, NULL, N_("print nothing but errors"), 0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option diff_options[] = {
    {OPT_LID, "lid", REQ, "N", NULL, N_("one lid of the article"), 0},
    {OPT_FROM, "from", REQ, "YYYY-MM-DD", NULL, N_("the old date (required)"),
     0},
    {OPT_TO, "to", REQ, "YYYY-MM-DD", NULL, N_("the new date (required)"), 0},
    FORMAT_TJ,
    {OPT_COLOR, "color", OPT, "WHEN", NULL,
     N_("colour deletions red and insertions green: auto\n"
        "(default: when standard output is a terminal\n"
        "and NO_COLOR is not set), always or never"),
     0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option rules_options[] = {
    {OPT_RULES, "rules", REQ, "DIR", "stale",
     N_("rule directory (default: the installed rules,\n"
        "or $PROEFTOETS_RULES)"),
     0},
    {OPT_DATE, "date", REQ, "YYYY-MM-DD", "stale",
     N_("compare with the versions in force then\n"
        "(default: the newest versions)"),
     0},
    {OPT_FORMAT, "format", REQ, "text|json", "stale",
     N_("output format (default text)"), 0},
    {OPT_COLOR, "color", OPT, "WHEN", "stale",
     N_("auto (default), always or never"), 0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option amendments_options[] = {
    {OPT_PROEFTUIN, "proeftuin", REQ, "ID", NULL,
     N_("only this proeftuin (may be repeated)"), 0},
    {OPT_RULES, "rules", REQ, "DIR", NULL, RULES_HELP, 0},
    {OPT_TODAY, "today", REQ, "DATE", NULL,
     N_("the date of the current text, and the peildatum of\n"
        "designs without one (default: today)"),
     0},
    {OPT_FORMAT, "format", REQ, "FORMAT", NULL, "", FORMAT_AMEND},
    {'o', "output", REQ, "FILE", NULL,
     N_("write to FILE ('-': standard output)"), FORMAT_AMEND},
    CITEERSTIJL_OPT,
    {OPT_CSV_DIALECT, "csv-dialect", REQ, "DIALECT", NULL,
     N_("with --format csv: rfc4180 (default; commas) or\n"
        "excel-nl (semicolons, UTF-8 with BOM, article\n"
        "numbers kept as text: for Dutch spreadsheets)"),
     0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option serve_options[] = {
    {OPT_LISTEN, "listen", REQ, "ADDR:PORT", NULL,
     N_("where to listen (default 127.0.0.1:8080; an\n"
        "IPv6 address in brackets, [::1]:8080); port 0\n"
        "picks a free port.  An address beyond loopback\n"
        "must be given here and gives a warning"),
     0},
    {OPT_RULES, "rules", REQ, "DIR", NULL,
     N_("rule directory (default: the installed rules,\n"
        "or $PROEFTOETS_RULES)"),
     0},
    {OPT_MAX_CONNECTIONS, "max-connections", REQ, "N", NULL,
     N_("connections at once (default 64; 1-4096); more\n"
        "are refused until one ends"),
     0},
    {OPT_MAX_PER_ADDRESS, "max-per-address", REQ, "N", NULL,
     N_("connections at once from one client address\n"
        "(default 32; at most --max-connections)"),
     0},
    {OPT_IDLE_TIMEOUT, "idle-timeout", REQ, "SECONDS", NULL,
     N_("end a connection silent this long (default 30)"), 0},
    {OPT_REQUEST_TIMEOUT, "request-timeout", REQ, "SECONDS", NULL,
     N_("answer 408 and end a connection whose request\n"
        "(header and body) has not come in whole after\n"
        "this long (default 60)"),
     0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

static const struct cli_option user_options[] = {
    {OPT_ROLE, "role", REQ, "reviewer|reader", "add",
     N_("add: reviewers may record decisions,\n"
        "readers only read (default reader)"),
     0},
    {0, NULL, NONE, NULL, NULL, NULL, 0}};

const struct cli_command cli_commands[] = {
    {"import", cmd_import,
     "import [--bundled] [--date YYYY-MM-DD] [FILE|DIR...]",
     N_("import BWB XML files into the registry"),
     N_("Import statutory XML from the Basiswettenbestand (BWB) into the\n"
        "registry: the <toestand> format (2015-1, 2015-2, 2016-1) and the\n"
        "older <wetgeving> format.  A directory is searched recursively for\n"
        "*.xml files (manifest and WTI files are skipped).\n"
        "\n"
        "Each file is imported in one transaction: a file that fails leaves\n"
        "nothing behind, and files imported before it stay.  A file that was\n"
        "imported before (same SHA-256) changes nothing.\n"),
     import_options, NULL},
    {"laws", cmd_laws, "laws [--format text|json]",
     N_("list imported laws, versions and article counts"),
     N_("List the laws in the registry with their versions (date of entry\n"
        "into force, source file) and the number of articles of each.\n"),
     laws_options, NULL},
    {"show", cmd_show,
     "show BWB-ID ARTIKEL|REFERENCE [--lid N] [--date YYYY-MM-DD] "
     "[--format text|json]",
     N_("show one provision as in force at a date"),
     N_("Show the text of an article (or one lid of it) from the version of\n"
        "the law in force at the date, with its Juriconnect id and link.\n"
        "ARTIKEL is the number as the law writes it: 3.2, 255, 265b, 4.1.1.\n"
        "A REFERENCE as lawyers type it names law, article and lid in one:\n"
        "'BW 1:255 lid 2', 'art. 3.2 Jeugdwet', 'Wmo 2015 4.1.1', '1:255';\n"
        "the law by BWB id, abbreviation (BW, Rv, Jeugdwet, Wmo 2015, Wth,\n"
        "Awb) or (part of) its citeertitel.  A name that fits several laws\n"
        "lists them.\n"),
     show_options, NULL},
    {"search", cmd_search,
     "search [--date YYYY-MM-DD] [--limit N] [--pagina K] [--format "
     "text|json] QUERY",
     N_("full-text search over provision texts"),
     N_("Search the text of every article in the registry.  QUERY uses SQLite\n"
        "FTS5 syntax: words (all must occur), \"a phrase\", OR, NOT, prefix*.\n"
        "Accents are ignored, and a Dutch word finds its other forms\n"
        "('ouders' finds 'ouder').  Hits show the law, the version and the "
        "article,\n"
        "with the matching words in [brackets].  A reference as lawyers type\n"
        "it ('art. 3.2 Jeugdwet', 'BW 1:255 lid 2') gives that provision; in\n"
        "quotes it is searched as words.  Punctuation in words ('ouder-kind',\n"
        "'c.q.') is read as the words themselves.  Only the page shown is\n"
        "ranked and cut into snippets; when there is more than one page a\n"
        "last line says which results these are and how many there are.\n"),
     search_options, NULL},
    {"check", cmd_check,
     "check [--rules DIR] [--format {formats}] [-o FILE] [--save] "
     "[--csv-dialect DIALECT] DESIGN.xml...",
     N_("check proeftuin designs against the rules"),
     N_("Check one or more proeftuin designs against the rule set at each\n"
        "design's peildatum, quoting every provision from the registry.\n"
        "Every finding shows its review status and the note of its last\n"
        "decision from the registry ('proeftoets review'); open when none.\n"
        "A DESIGN.xml of '-' is read from standard input (once).\n"
        "For a spreadsheet: --format xlsx, or --format csv --csv-dialect\n"
        "excel-nl; a CSV cell starting with = + - or @ gets a ' in front.\n"),
     check_options, NULL},
    {"ruimte", cmd_ruimte,
     "ruimte [--rules DIR] [--format {formats}] [-o FILE] [--variant FILE] "
     "DESIGN.xml...",
     N_("what a proeftuin can try within current law, by AMvB, by statute"),
     N_("For each design: (1) what can be tried now: every route that needs\n"
        "no change of law (a certificate, a designation by the college, a\n"
        "statutory gateway or consent for a flow, a gemeenschappelijke\n"
        "regeling), and for the other barriers the task back to the body the\n"
        "law names; that variant is checked with the same rules; (2) what an\n"
        "AMvB could allow; (3) what needs the legislator, per provision; (4)\n"
        "the ladder from the variant to the full design, one group of tasks "
        "or\n"
        "flows per step with the barriers it brings in and the lowest level\n"
        "that lifts them.  For several designs, the provisions that block "
        "more\n"
        "than one proeftuin.  Exit status 0 when every variant is free of\n"
        "barriers.  A DESIGN.xml of '-' is read from standard input (once).\n"
        "markdown, html (a standalone page) and odt are whole documents with\n"
        "the provenance and the quoted text of the provisions of (2) and "
        "(3).\n"),
     ruimte_options, NULL},
    {"proeftuinen", cmd_proeftuinen, "proeftuinen [--format text|json]",
     N_("list the saved proeftuinen and their review counts"),
     N_("List the proeftuinen saved in the registry: id, name, number of\n"
        "versions, when the latest was saved and its peildatum, the barriers\n"
        "and risks found in the latest version, and the number of findings\n"
        "per review status (open, confirmed, rejected, mitigated,\n"
        "needs-amendment, and resolved: no longer found in the latest\n"
        "version).\n"),
     proeftuinen_options, NULL},
    {"proeftuin", cmd_proeftuin,
     "proeftuin add [--rules DIR] [--today DATE] [-q] DESIGN.xml...",
     N_("save proeftuin designs and their findings"),
     N_("Check each design (as 'check' does, without writing a report) and\n"
        "store it in the registry under its proeftuin id: the design XML as\n"
        "read, its SHA-256 and peildatum, and a snapshot of every finding.\n"
        "A design that differs from the latest saved version of its\n"
        "proeftuin becomes a new version; the same design again changes\n"
        "nothing.  Review decisions stay attached to the findings, whose ids\n"
        "are stable; a finding the new version no longer has is shown as\n"
        "resolved and keeps its log.  All designs are read before any is\n"
        "stored.  Exit status 0 also when there are barriers.  A DESIGN.xml\n"
        "of '-' is read from standard input (once).\n"),
     proeftuin_options, NULL},
    {"review", cmd_review,
     "review list [--proeftuin ID] [--status STATUS] [--format text|json]\n"
     "   or: proeftoets [--db PATH] review set FINDING-ID STATUS --by NAME "
     "[--note TEXT]\n"
     "   or: proeftoets [--db PATH] review log FINDING-ID [--format text|json]",
     N_("review findings: list, decide, show the audit log"),
     N_("The review workflow of the denktank.  Each finding of a saved\n"
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
        "than newline and tab as \\xHH; JSON output has every text "
        "unchanged.\n"),
     review_options,
     N_("An unknown finding id, and review set on a resolved finding\n"
        "(nothing is recorded), give exit status 7.\n")},
    {"update", cmd_update,
     "update [--base URL] [--all-versions | --since YYYY-MM-DD] [--today "
     "YYYY-MM-DD] [BWB-ID...]",
     N_("fetch new versions of laws from the BWB repository"),
     N_("Keep the registry current from the BWB repository behind\n"
        "wetten.overheid.nl.  For each law (the BWB ids given, else every law\n"
        "the rules cite) the manifest BASE/BWB-ID/manifest.xml is read and "
        "the\n"
        "versions wanted are fetched from BASE/BWB-ID/VERSION/xml/FILE:\n"
        "by default the version in force today and every later version\n"
        "already published.  A version fetched before with the same SHA-512\n"
        "is not downloaded again.  Every file is checked against the size and\n"
        "SHA-512 of the manifest, and must hold the law named, before it is\n"
        "imported (one transaction per file).  A failure stops only that\n"
        "version (or, for a manifest, that law); the others go on.  One line\n"
        "per version says imported, unchanged or failed; a summary follows.\n"
        "Downloads go to a temporary file next to the registry.\n"),
     update_options,
     N_("When some version or manifest failed, the exit status is that of the\n"
        "first failure: 5 for a download or a file that does not match the\n"
        "manifest, 3 for a manifest or file that does not parse.\n")},
    {"diff", cmd_diff,
     "diff BWB-ID ARTIKEL|REFERENCE [--lid N] --from DATE --to DATE "
     "[--format text|json] [--color=WHEN]",
     N_("word diff of a provision between the versions in force at two dates"),
     N_("Compare the text of an article (or one lid of it) in the version of\n"
        "the law in force at --from with the version in force at --to, word\n"
        "by word: unchanged words plain, deleted words as [-woord-], inserted\n"
        "words as {+woord+} (like git diff --word-diff=plain).  A header "
        "names\n"
        "both versions and their dates.  The provision may be given as for\n"
        "show: 'BW 1:265b lid 2', 'art. 2.11 Jeugdwet'.\n"),
     diff_options,
     N_("Exit status 0 also when the texts differ; 7 when the law, a version,\n"
        "the article or the lid is not in the registry at one of the "
        "dates.\n")},
    {"rules", cmd_rules,
     "rules stale [--rules DIR] [--date YYYY-MM-DD] [--format text|json] "
     "[--color=WHEN]",
     N_("list rules written against a law text that has changed since"),
     N_("rules stale: every rule provision may say which version of the law\n"
        "it was written against (getoetst-aan, a date, and/or tekst-sha256).\n"
        "List the rules whose provision changed since: the registry holds a\n"
        "newer version whose text differs (changed), in which the article is\n"
        "repealed (repealed) or absent (gone), or the registry holds no text "
        "at\n"
        "the getoetst-aan date to compare with (baseline-missing).  For each,\n"
        "the old and new version dates and a word diff of the old and new\n"
        "text.  Provisions without getoetst-aan or tekst-sha256 are "
        "counted.\n"),
     rules_options,
     N_("Exit status 0 when no rule is stale, 1 when some are.\n")},
    {"amendments", cmd_amendments,
     "amendments [--proeftuin ID]... [--rules DIR] [--today DATE] [--format "
     "{formats}] [-o FILE] [--csv-dialect DIALECT]",
     N_("the list of provisions to amend over the stored proeftuinen"),
     N_("Check the latest saved design of every stored proeftuin (or of the\n"
        "ones named with --proeftuin) with the current rules at its "
        "peildatum,\n"
        "apply the review decisions, and list the provisions that must "
        "change:\n"
        "per provision the law, article, lid, Juriconnect id, the current "
        "text,\n"
        "the lowest level of law needed (wet, amvb, ...), and the proeftuinen\n"
        "and findings that need it with their review status; then the risks.\n"
        "Findings reviewed as rejected are left out; mitigated ones are "
        "listed\n"
        "apart.  For a spreadsheet: --format xlsx, or --format csv\n"
        "--csv-dialect excel-nl (see check --help).\n"),
     amendments_options,
     N_("Exit status 7 when a proeftuin named was never saved.\n")},
    {"serve", cmd_serve,
     "serve [--listen ADDR:PORT] [--rules DIR]\n"
     "         [--max-connections N] [--max-per-address N]\n"
     "         [--idle-timeout SECONDS] [--request-timeout SECONDS]",
     N_("the web workspace: proeftuinen, findings, review, law"),
     N_("Serve the web workspace of the denktank: the saved proeftuinen, each\n"
        "checked again with the current rules and registry, with its\n"
        "juridische ruimte (as 'ruimte') and a button that saves the lawful\n"
        "variant as proeftuin ID-nu for review; their findings with the\n"
        "provisions quoted at the peildatum, the review log and a form to\n"
        "record decisions, the findings of all proeftuinen with filters and\n"
        "counts per status (/bevindingen), the audit log of all decisions by\n"
        "member and period (/logboek), the amendment list (CSV, XLSX, JSON) "
        "and\n"
        "the law in the registry with full-text search; and a JSON API\n"
        "(/api/proeftuinen, /api/proeftuinen/ID, /api/amendments).  Pages are\n"
        "Dutch HTML without scripts.\n"
        "\n"
        "Everyone signs in with an account made by 'proeftoets user add'.\n"
        "Readers read; only reviewers record decisions, which the audit log\n"
        "keeps under the name of the signed-in user, and save variants.  The\n"
        "session cookie is not marked Secure: beyond loopback put a reverse\n"
        "proxy with TLS in front.  SIGINT or SIGTERM stops the server\n"
        "cleanly.\n"),
     serve_options,
     N_("Prints 'listening on http://ADDR:PORT/' once it listens.\n")},
    {"user", cmd_user,
     "user add NAME [--role reviewer|reader]\n"
     "   or: proeftoets [--db PATH] user list\n"
     "   or: proeftoets [--db PATH] user remove NAME",
     N_("accounts of the web workspace"),
     N_("user add     add an account; the password is read as one line from\n"
        "             standard input (an empty one is refused) and stored "
        "only\n"
        "             as a slow salted hash (Argon2id)\n"
        "user list    the accounts, their roles and live sessions\n"
        "user remove  remove an account and end its sessions\n"),
     user_options, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}};

void
cli_text_escape(struct pt_buf *b, const char *s, const char *indent)
{
	const unsigned char *p;

	if (s == NULL)
		return;
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n') {
			pt_buf_addc(b, '\n');
			pt_buf_adds(b, indent);
		} else if (*p == '\\') {
			pt_buf_adds(b, "\\\\");
		} else if ((*p < 0x20 && *p != '\t') || *p == 0x7f) {
			pt_buf_addf(b, "\\x%02x", *p);
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			pt_buf_addf(b, "\\u%04x", p[1]);
			p++;
		} else {
			pt_buf_addc(b, (char)*p);
		}
	}
}

/* "proeftoets: [prefix]message\n", the message escaped. */
static void
put_msg(struct cli *c, const char *prefix, const char *msg)
{
	struct pt_buf b = PT_BUF_INIT;

	pt_buf_adds(&b, "proeftoets: ");
	if (prefix)
		pt_buf_adds(&b, prefix);
	cli_text_escape(&b, msg, "");
	pt_buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, c->err);
	pt_buf_release(&b);
}

static void
vmsg(struct cli *c, const char *prefix, const char *fmt, va_list ap)
{
	struct pt_buf msg = PT_BUF_INIT;

	pt_buf_vaddf(&msg, pt_tr(fmt), ap);
	put_msg(c, prefix, msg.s);
	pt_buf_release(&msg);
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
	vmsg(c, _("warning: "), fmt, ap);
	va_end(ap);
}

int
cli_report(struct cli *c, const struct pt_err *e)
{
	char buf[PT_ERR_MSG_MAX + PT_ERR_FILE_MAX + 64];
	size_t i;

	put_msg(c, NULL, pt_err_format(e, buf, sizeof buf));
	for (i = 0; i < e->nmore; i++)
		put_msg(c, NULL, pt_err_format_more(e, i, buf, sizeof buf));
	if (e->omitted > 0)
		cli_error(c, 0,
		          ngettext("... and %zu more error",
		                   "... and %zu more errors", e->omitted),
		          e->omitted);
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
		fprintf(c->err, _("Try 'proeftoets %s --help'.\n"), cmd);
	else
		fputs(_("Try 'proeftoets --help'.\n"), c->err);
	return PT_EUSAGE;
}

int
cli_check_inputs(struct cli *c, const char *cmd, char *const *paths, size_t n)
{
	size_t i, stdin_uses = 0;

	for (i = 0; i < n; i++)
		if (strcmp(paths[i], "-") == 0)
			stdin_uses++;
	if (stdin_uses > 1)
		return cli_usage(c, cmd,
		                 "standard input ('-') can be given only once");
	return PT_OK;
}

const struct cli_command *
cli_find_command(const char *name)
{
	const struct cli_command *cmd;

	for (cmd = cli_commands; cmd->name; cmd++)
		if (strcmp(cmd->name, name) == 0)
			return cmd;
	return NULL;
}

/* "-o, --output FILE", "--color[=WHEN]": the left column of the help. */
static void
option_left(struct pt_buf *b, const struct cli_option *o)
{
	if (o->id < 256)
		pt_buf_addf(b, "-%c, ", o->id);
	pt_buf_addf(b, "--%s", o->name);
	if (o->arg == CLI_ARG_REQUIRED)
		pt_buf_addf(b, " %s", o->argname);
	else if (o->arg == CLI_ARG_OPTIONAL)
		pt_buf_addf(b, "[=%s]", o->argname);
}

/*
 * An option's help as printed: "{bwbdir}" and "{max_run_time}" in it (which
 * a translation keeps) become the directory of the bundled laws and
 * update's default limit.
 */
static void
help_text(struct pt_buf *b, const char *h)
{
	static const struct {
		const char *name, *value;
	} vars[] = {{"{bwbdir}", PKGDATADIR "/bwb"},
	            {"{max_run_time}", PT_STR(UPDATE_MAX_RUN_TIME)}};
	const char *p;
	size_t i;

	while ((p = strchr(h, '{')) != NULL) {
		pt_buf_add(b, h, (size_t)(p - h));
		for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
			if (strncmp(p, vars[i].name, strlen(vars[i].name)) == 0)
				break;
		if (i < sizeof vars / sizeof vars[0]) {
			pt_buf_adds(b, vars[i].value);
			h = p + strlen(vars[i].name);
		} else {
			pt_buf_addc(b, '{');
			h = p + 1;
		}
	}
	pt_buf_adds(b, h);
}

/*
 * The help of one option: its text, and for an option tied to the format
 * table what the table says (--format: the names, the default first; -o:
 * the formats that need a file).
 */
static void
option_text(struct pt_buf *b, const struct cli_option *o)
{
	const struct format *f;
	int n = 0, k;

	help_text(b, pt_tr(o->help));
	if (o->formats == 0)
		return;
	if (o->id == OPT_FORMAT) {
		struct pt_buf names = PT_BUF_INIT;

		format_names(&names, (enum format_doc)o->formats, ", ",
		             _(" or "));
		f = format_default((enum format_doc)o->formats);
		/* "text (default), markdown, ..." */
		pt_buf_addf(b, _("%s (default)%s"), f->name,
		            names.s + strlen(f->name));
		pt_buf_release(&names);
		return;
	}
	/* "xlsx and odt only to a FILE ..." */
	for (f = formats; f->name != NULL; f++)
		if (format_carries(f, (enum format_doc)o->formats) &&
		    (f->flags & FORMAT_NO_STDOUT))
			n++;
	for (f = formats, k = 0; f->name != NULL; f++)
		if (format_carries(f, (enum format_doc)o->formats) &&
		    (f->flags & FORMAT_NO_STDOUT))
			pt_buf_addf(b, "%s%s",
			            k++ == 0 ? "\n"
			            : k == n ? _(" and ")
			                     : ", ",
			            f->name);
	if (n > 0)
		pt_buf_adds(b, _(" only to a FILE, never to standard output"));
}

void
cli_synopsis(struct pt_buf *b, const struct cli_command *cmd)
{
	const char *p = strstr(cmd->synopsis, "{formats}");
	const struct cli_option *o;

	if (p == NULL) {
		pt_buf_adds(b, cmd->synopsis);
		return;
	}
	pt_buf_add(b, cmd->synopsis, (size_t)(p - cmd->synopsis));
	for (o = cmd->options; o->id; o++)
		if (o->id == OPT_FORMAT && o->formats)
			format_names(b, (enum format_doc)o->formats, "|", "|");
	pt_buf_adds(b, p + strlen("{formats}"));
}

/* The "Options:" block of a command's help, from its table. */
static void
options_help(struct pt_buf *b, const struct cli_option *opts)
{
	struct pt_buf left = PT_BUF_INIT, text = PT_BUF_INIT;
	const struct cli_option *o;
	const char *h;
	size_t width = 0;

	for (o = opts; o->id; o++) {
		pt_buf_reset(&left);
		option_left(&left, o);
		if (left.len > width)
			width = left.len;
	}
	pt_buf_addf(b, "%s\n", _("Options:"));
	for (o = opts; o->id; o++) {
		pt_buf_reset(&left);
		option_left(&left, o);
		pt_buf_addf(b, "  %-*s  ", (int)width, left.s);
		pt_buf_reset(&text);
		option_text(&text, o);
		for (h = text.s; *h; h++) {
			pt_buf_addc(b, *h);
			if (*h == '\n')
				pt_buf_addf(b, "%*s", (int)width + 4, "");
		}
		pt_buf_addc(b, '\n');
	}
	pt_buf_release(&left);
	pt_buf_release(&text);
}

static void
exit_statuses(FILE *f)
{
	char buf[2048];
	size_t n = pt_status_table(buf, sizeof buf);

	fwrite(buf, 1, n, f);
}

int
cli_help(struct cli *c, const char *name)
{
	const struct cli_command *cmd = cli_find_command(name);
	struct pt_buf b = PT_BUF_INIT;

	if (cmd == NULL)
		return PT_EUSAGE;
	pt_buf_addf(&b, "%s proeftoets [--db PATH] ", _("Usage:"));
	cli_synopsis(&b, cmd);
	pt_buf_addf(&b, "\n\n%s\n\n%s", _(cmd->summary), _(cmd->help));
	if (cmd->options[0].id) {
		pt_buf_addc(&b, '\n');
		options_help(&b, cmd->options);
	}
	if (cmd->epilog)
		pt_buf_addf(&b, "\n%s", _(cmd->epilog));
	pt_buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, c->out);
	pt_buf_release(&b);
	exit_statuses(c->out);
	return PT_OK;
}

int
cli_is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

const char *
cli_bundled_laws_dir(void)
{
	const char *env = getenv("PROEFTOETS_BWB");

	return env && *env ? env : PKGDATADIR "/bwb";
}

void
cli_warn_empty_registry(struct cli *c, struct pt_store *st)
{
	struct pt_err e = PT_ERR_INIT;
	long long n;

	if (store_law_count(st, &n, &e) != PT_OK || n > 0)
		return;
	cli_warn(c,
	         "%s: the registry holds no laws, so no provision can be "
	         "quoted; fill it with 'proeftoets import --bundled' (the laws "
	         "installed with proeftoets, %s) or 'proeftoets import "
	         "FILE|DIR'",
	         c->db_path, cli_bundled_laws_dir());
}

const char *
cli_default_rules_dir(void)
{
	const char *env = getenv("PROEFTOETS_RULES");

	return env && *env ? env : PKGDATADIR "/rules";
}

const char *
cli_date(char *buf, size_t size, const char *iso)
{
	struct tm tm;
	int y, m, d, n = 0;

	if (iso == NULL || strlen(iso) != 10 ||
	    sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return iso;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	/* TRANSLATORS: the strftime(3) format of a date in listings
	   (xgettext:no-c-format) */
	if (strftime(buf, size, _("%Y-%m-%d"), &tm) == 0)
		return iso;
	return buf;
}

const char *
cli_output_path(const char *v)
{
	return v != NULL && strcmp(v, "-") == 0 ? NULL : v;
}

const struct format *
cli_format_option(struct cli_getopt *g, enum format_doc doc)
{
	const struct format *f = format_find(doc, g->val);
	struct pt_buf b = PT_BUF_INIT;

	if (f != NULL)
		return f;
	format_names(&b, doc, ", ", _(" or "));
	cli_opt_needs(g, b.s);
	pt_buf_release(&b);
	return NULL;
}

int
cli_format_output(struct cli *c, const char *cmd, const struct format *f,
                  const char *output)
{
	if (output != NULL || !(f->flags & FORMAT_NO_STDOUT))
		return PT_OK;
	return cli_usage(c, cmd,
	                 "--format %s needs -o FILE (%s is not written "
	                 "to standard output)",
	                 f->name, pt_tr(f->what));
}

/* On a terminal: a write waits for another process's lock. */
static void
say_waiting(void *ctx)
{
	struct cli *c = ctx;

	fprintf(c->err, "proeftoets: %s\n",
	        _("waiting for the registry: another process is writing to "
	          "it..."));
	fflush(c->err);
}

int
cli_open_store(struct cli *c, struct pt_store **st)
{
	struct pt_err e = PT_ERR_INIT;

	if (store_open(c->db_path, st, &e) != PT_OK)
		return cli_report(c, &e);
	if (c->err_is_tty)
		store_on_wait(*st, say_waiting, c);
	return PT_OK;
}

int
cli_open_store_read(struct cli *c, struct pt_store **st)
{
	struct pt_err e = PT_ERR_INIT;

	if (store_open_read(c->db_path, st, &e) != PT_OK)
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

/* --- option parsing
 * ----------------------------------------------------------- */

/* Whether the option is for subcommand sub ("list" in "list log"). */
static int
for_sub(const struct cli_option *o, const char *sub)
{
	size_t n;
	const char *p;

	if (o->subs == NULL || sub == NULL)
		return 1;
	n = strlen(sub);
	for (p = o->subs; (p = strstr(p, sub)) != NULL; p += n)
		if ((p == o->subs || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

void
cli_getopt_init(struct cli_getopt *g, struct cli *c, const char *cmd,
                const char *sub, int argc, char **argv)
{
	const struct cli_command *command = cli_find_command(cmd);
	const struct cli_option *o;
	size_t nl = 0, ns = 0;

	memset(g, 0, sizeof *g);
	g->c = c;
	g->cmd = cmd;
	g->argc = argc;
	g->argv = argv;
	g->table = command->options;
	g->longs = g->longbuf;
	g->shorts[ns++] = ':'; /* report a missing value as ':' */
	g->shorts[ns++] = 'h';
	for (o = g->table; o->id && nl < CLI_MAX_OPTIONS; o++) {
		if (!for_sub(o, sub))
			continue;
		g->longbuf[nl].name = o->name;
		g->longbuf[nl].has_arg =
		    o->arg == CLI_ARG_REQUIRED   ? required_argument
		    : o->arg == CLI_ARG_OPTIONAL ? optional_argument
		                                 : no_argument;
		g->longbuf[nl].flag = NULL;
		g->longbuf[nl].val = o->id;
		nl++;
		if (o->id < 256) {
			g->shorts[ns++] = (char)o->id;
			if (o->arg != CLI_ARG_NONE)
				g->shorts[ns++] = ':';
			if (o->arg == CLI_ARG_OPTIONAL)
				g->shorts[ns++] = ':';
		}
	}
	g->longbuf[nl].name = "help";
	g->longbuf[nl].has_arg = no_argument;
	g->longbuf[nl].flag = NULL;
	g->longbuf[nl].val = 'h';
	g->shorts[ns] = '\0';
	optind = 0; /* GNU: start afresh for this argv */
	opterr = 0;
}

/* The table's entry for id, or NULL. */
static const struct cli_option *
option_by_id(const struct cli_getopt *g, int id)
{
	const struct cli_option *o;

	for (o = g->table; o->id; o++)
		if (o->id == id)
			return o;
	return NULL;
}

/* g->opt: the option as the user wrote it ("-o" or "--output"). */
static void
written_as(struct cli_getopt *g, int id, const char *arg)
{
	const struct cli_option *o = option_by_id(g, id);

	if (id < 256 && (arg == NULL || strncmp(arg, "--", 2) != 0))
		snprintf(g->opt, sizeof g->opt, "-%c", id);
	else
		snprintf(g->opt, sizeof g->opt, "--%s", o ? o->name : "?");
}

/* "unknown option 'X'" for what getopt_long refused. */
static int
unknown_option(struct cli_getopt *g)
{
	const char *arg =
	    optind > 0 && optind <= g->argc ? g->argv[optind - 1] : "";
	size_t n;

	if (optopt != 0 && optopt < 256 && strncmp(arg, "--", 2) != 0 &&
	    !option_by_id(g, optopt))
		return cli_usage(g->c, g->cmd, "unknown option '-%c'", optopt);
	if (optopt != 0 && option_by_id(g, optopt)) {
		written_as(g, optopt, "--");
		return cli_usage(g->c, g->cmd, "option '%s' takes no value",
		                 g->opt);
	}
	n = strcspn(arg, "=");
	return cli_usage(g->c, g->cmd, "unknown option '%.*s'", (int)n, arg);
}

int
cli_getopt_next(struct cli_getopt *g)
{
	int id, li = -1;

	g->val = NULL;
	id = getopt_long(g->argc, g->argv, g->shorts, g->longs, &li);
	if (id == -1) {
		g->ind = optind;
		return CLI_OPT_END;
	}
	if (id == 'h')
		return CLI_OPT_HELP;
	if (id == '?') {
		unknown_option(g);
		return CLI_OPT_ERROR;
	}
	if (id == ':') {
		written_as(g, optopt, g->argv[optind - 1]);
		cli_usage(g->c, g->cmd, "option '%s' needs a value", g->opt);
		return CLI_OPT_ERROR;
	}
	g->val = optarg;
	if (li >= 0)
		snprintf(g->opt, sizeof g->opt, "--%s", g->longs[li].name);
	else
		snprintf(g->opt, sizeof g->opt, "-%c", id);
	return id;
}

int
cli_getopt_status(struct cli_getopt *g, int id)
{
	if (id == CLI_OPT_HELP)
		return cli_help(g->c, g->cmd);
	return PT_EUSAGE;
}

int
cli_getopt_stop(struct cli_getopt *g, int id)
{
	if (id == CLI_OPT_HELP) {
		cli_help(g->c, g->cmd);
		return CLI_HELP_SHOWN;
	}
	return PT_EUSAGE;
}

int
cli_opt_needs(struct cli_getopt *g, const char *what)
{
	return cli_usage(g->c, g->cmd, "option '%s' needs %s", g->opt,
	                 pt_tr(what));
}

int
cli_citeerstijl_option(struct cli_getopt *g, int *style)
{
	enum cite_style s;

	if (!cite_style_parse(g->val, &s))
		return cli_opt_needs(g, "kort or lang");
	*style = (int)s;
	return PT_OK;
}

int
cli_unexpected(struct cli_getopt *g, const char *arg)
{
	return cli_usage(g->c, g->cmd, "unexpected argument '%s'", arg);
}

int
cli_provision_ref(struct cli *c, const char *cmd, struct pt_store *st,
                  const char **pos, int npos, const char **lid,
                  struct lawref *ref)
{
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf text = PT_BUF_INIT;
	struct store_law *laws = NULL;
	size_t nlaws = 0;
	int i, rc;

	memset(ref, 0, sizeof *ref);
	if (npos == 0)
		return cli_usage(c, cmd,
		                 "need a provision: BWB-ID ARTIKEL, or as in "
		                 "'BW 1:255 lid 2' or 'art. 3.2 Jeugdwet'");
	if (npos == 2 && lawref_pair(pos[0], pos[1], ref))
		return PT_OK;
	for (i = 0; i < npos; i++) {
		if (i > 0)
			pt_buf_addc(&text, ' ');
		pt_buf_adds(&text, pos[i]);
	}
	if (store_laws(st, &laws, &nlaws, &e) != PT_OK) {
		pt_buf_release(&text);
		return cli_report(c, &e);
	}
	rc = lawref_parse(text.s, laws, nlaws, ref, &e);
	store_laws_free(laws, nlaws);
	pt_buf_release(&text);
	if (rc != PT_OK)
		return cli_usage(c, cmd, "%s", e.msg);
	if (ref->lid != NULL && *lid != NULL && strcmp(ref->lid, *lid) != 0) {
		rc = cli_usage(c, cmd,
		               "lid %s in the reference, --lid %s: give one",
		               ref->lid, *lid);
		lawref_release(ref);
		return rc;
	}
	if (ref->lid != NULL)
		*lid = ref->lid;
	return PT_OK;
}

int
cli_operands(struct cli_getopt *g, int argc, char **argv, const char **pos,
             int max, int *n)
{
	int ai;

	*n = 0;
	for (ai = g->ind; ai < argc; ai++) {
		if (*n == max)
			return cli_unexpected(g, argv[ai]);
		pos[(*n)++] = argv[ai];
	}
	return PT_OK;
}

static void
usage(struct cli *c, FILE *f)
{
	const struct cli_command *cmd;
	int width = 0;

	for (cmd = cli_commands; cmd->name; cmd++)
		if ((int)strlen(cmd->name) > width)
			width = (int)strlen(cmd->name);

	fputs(
	    _("Usage: proeftoets [--db PATH] COMMAND [OPTIONS] [ARGS]\n"
	      "\n"
	      "The registry and rule checker for proeftuinen kind- en\n"
	      "gezinsbescherming: import Dutch statutory XML (BWB) into a\n"
	      "SQLite registry and check proeftuin designs against rules that\n"
	      "say where current law blocks them.\n"
	      "\n"
	      "Commands:\n"),
	    f);
	for (cmd = cli_commands; cmd->name; cmd++)
		fprintf(f, "  %-*s %s\n", width, cmd->name, _(cmd->summary));
	fputs(_("\n"
	        "Global options:\n"
	        "  --db PATH     the registry (default $PROEFTOETS_DB, else "
	        "./proeftoets.db)\n"
	        "  -h, --help    this help; 'proeftoets COMMAND --help' for a "
	        "command\n"
	        "  --version     print the version, copyright and licence\n"
	        "\n"),
	      f);
	exit_statuses(f);
	fprintf(f, "\n%s %s\n", _("Report bugs:"), PACKAGE_BUGREPORT);
	(void)c;
}

/* --version: the version, the copyright notice and the licence. */
static const char version_text[] =
    "proeftoets " PACKAGE_VERSION "\n"
    "Copyright (C) 2026 the proeftoets developers\n"
    "Licensed under the EUPL-1.2 (European Union Public Licence v. 1.2).\n"
    "This is free software; there is no warranty.\n";

/*
 * The options before the command (getopt_long stops at the command).
 * Returns the index of the command, or minus the exit status when the
 * run ends here (help, version, a usage error).
 */
static int
global_options(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0}};
	int id;

	optind = 0;
	opterr = 0;
	while ((id = getopt_long(argc, argv, "+:h", longs, NULL)) != -1) {
		switch (id) {
		case 'h':
			usage(c, c->out);
			return -PT_OK;
		case 'V':
			fputs(version_text, c->out);
			return -PT_OK;
		case 'd':
			if (*optarg == '\0')
				return -cli_usage(c, NULL,
				                  "option '--db' needs a path");
			c->db_path = optarg;
			break;
		case ':':
			return -cli_usage(c, NULL,
			                  "option '--db' needs a path");
		default:
			if (optopt != 0 &&
			    strncmp(argv[optind - 1], "--", 2) != 0)
				return -cli_usage(
				    c, NULL, "unknown option '-%c'", optopt);
			return -cli_usage(c, NULL, "unknown option '%.*s'",
			                  (int)strcspn(argv[optind - 1], "="),
			                  argv[optind - 1]);
		}
	}
	return optind;
}

/*
 * Messages and dates in the user's language (LANG, LC_ALL, LANGUAGE);
 * numbers stay C (reports, JSON and spreadsheets write "1.5").  The
 * catalogues are those installed under LOCALEDIR; $PROEFTOETS_LOCALEDIR
 * names another tree of LANG/LC_MESSAGES/proeftoets.mo (the tests use it
 * for the catalogue of the source tree).
 */
static void
init_messages(void)
{
	const char *dir = getenv("PROEFTOETS_LOCALEDIR");

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
#if defined(ENABLE_NLS) && ENABLE_NLS
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	textdomain(PACKAGE);
#else
	(void)dir;
#endif
}

int
proeftoets_main(int argc, char **argv, FILE *out, FILE *err)
{
	struct cli c;
	const struct cli_command *cmd;
	const char *env;
	int i, r;

	init_messages();
	memset(&c, 0, sizeof c);
	c.out = out;
	c.err = err;
	env = getenv("PROEFTOETS_DB");
	c.db_path = env && *env ? env : "proeftoets.db";
	c.err_is_tty = err == stderr && isatty(fileno(stderr));

	if ((i = global_options(&c, argc, argv)) <= 0)
		return -i;
	if (i >= argc) {
		usage(&c, err);
		return PT_EUSAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 < argc && cli_find_command(argv[i + 1]))
			return cli_help(&c, argv[i + 1]);
		usage(&c, out);
		return PT_OK;
	}
	cmd = cli_find_command(argv[i]);
	if (cmd == NULL)
		return cli_usage(&c, NULL, "unknown command '%s'", argv[i]);
	fflush(out);
	r = cmd->run(&c, argc - i, argv + i);
	xmlsec_cleanup();
	if (fflush(out) != 0 && r == PT_OK)
		r = cli_error(&c, PT_EIO, "cannot write output");
	return r;
}
