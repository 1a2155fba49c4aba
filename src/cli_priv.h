/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cli_priv.h: shared by the command files of the CLI (cli.c, cmd_*.c).
 *
 * Each command is one function `int cmd_NAME(struct cli *c, int argc,
 * char **argv)` where argv[0] is the command name; it returns an exit
 * status (enum pt_status).  Messages go through cli_error()/cli_warn(),
 * never straight to a stream.
 */
#ifndef PROEFTOETS_CLI_PRIV_H
#define PROEFTOETS_CLI_PRIV_H

#include <getopt.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "format.h"
#include "store.h"

struct cli {
	FILE *out, *err;
	const char *db_path; /* --db, $PROEFTOETS_DB, or "proeftoets.db" */
	int err_is_tty;      /* progress indication allowed */
};

/*
 * Option ids: the short letter for an option that has one ('o', 'q'),
 * else one of these.  An id means the same option in every command.
 */
enum cli_opt_id {
	OPT_ALL_VERSIONS = 256,
	OPT_BASE,
	OPT_BUNDLED,
	OPT_BY,
	OPT_COLOR,
	OPT_DATE,
	OPT_FORMAT,
	OPT_FROM,
	OPT_LID,
	OPT_LIMIT,
	OPT_LISTEN,
	OPT_NOTE,
	OPT_PROEFTUIN,
	OPT_RETRIES,
	OPT_ROLE,
	OPT_RULES,
	OPT_SAVE,
	OPT_SINCE,
	OPT_STATUS,
	OPT_TIMEOUT,
	OPT_TO,
	OPT_TODAY,
	OPT_MAX_TIME,
	OPT_ANY_ORIGIN,
	OPT_VARIANT,
	OPT_MAX_CONNECTIONS,
	OPT_MAX_PER_ADDRESS,
	OPT_IDLE_TIMEOUT,
	OPT_REQUEST_TIMEOUT,
	OPT_CITEERSTIJL,
	OPT_CSV_DIALECT,
	OPT_PAGINA
};

enum cli_arg { CLI_ARG_NONE, CLI_ARG_REQUIRED, CLI_ARG_OPTIONAL };

/* One option of a command; a table of them ends with id 0. */
struct cli_option {
	int id;              /* short letter or enum cli_opt_id */
	const char *name;    /* long name without "--" */
	enum cli_arg arg;    /* whether it takes a value */
	const char *argname; /* the value in help ("DIR"); NULL for none */
	const char *subs;    /* subcommands it is for ("list log"); NULL: all */
	const char *help;    /* help; each '\n' starts an indented line */
	unsigned formats;    /* a format_doc: help lists its formats */
};

#define CLI_MAX_OPTIONS 16

/*
 * One command: its name, the function that runs it and everything its
 * help shows.  The help is prose, then "Options:" generated from
 * options (with -h, --help implied), then the epilog, then the exit
 * statuses of err.c.
 */
struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *synopsis; /* "import [--date D] FILE|DIR..." */
	const char *summary;  /* one line for the command list */
	const char *help;     /* prose before the options */
	const struct cli_option *options;
	const char *epilog; /* prose after the options, or NULL */
};

extern const struct cli_command cli_commands[];

/* Append the synopsis of cmd as help shows it: "{formats}" in it is
 * replaced by the names of the formats of its --format option. */
void cli_synopsis(struct pt_buf *b, const struct cli_command *cmd);

/* The command called name, or NULL. */
const struct cli_command *cli_find_command(const char *name);

/* "proeftoets: message" on the error stream; returns code.  Control
 * characters in the message are escaped (cli_text_escape). */
int cli_error(struct cli *c, int code, const char *fmt, ...) PT_PRINTF(3, 4);
void cli_warn(struct cli *c, const char *fmt, ...) PT_PRINTF(2, 3);
/*
 * Print a pt_err as "proeftoets: file:line:col: msg", then each further
 * error it holds on a line of its own and, when it counted more than it
 * kept, "proeftoets: ... and N more errors"; returns err->code.
 */
int cli_report(struct cli *c, const struct pt_err *e);
/* Usage error for a command: message plus "Try 'proeftoets CMD --help'". */
int cli_usage(struct cli *c, const char *cmd, const char *fmt, ...)
    PT_PRINTF(3, 4);
/* Print the command's help to out; returns PT_OK. */
int cli_help(struct cli *c, const char *cmd);
/* Whether argv[i] is --help or -h. */
int cli_is_help(const char *arg);
/* Open the registry; prints the error and returns its code on failure. */
int cli_open_store(struct cli *c, struct pt_store **st);
/* The same for a command that only reads (store_open_read()): works on a
 * registry it cannot write. */
int cli_open_store_read(struct cli *c, struct pt_store **st);
/* Write a whole buffer to out; returns PT_EIO on failure. */
int cli_write(struct cli *c, const char *s, size_t len);

/*
 * Append s so that a terminal shows it as it is and it can be read back:
 * a backslash as "\\", a control character other than newline and tab
 * as "\xHH" (a C1 control as "\u00HH"); after each newline, indent.
 */
void cli_text_escape(struct pt_buf *b, const char *s, const char *indent);

/* The rule directory when --rules is not given: $PROEFTOETS_RULES, else
 * the installed rules. */
const char *cli_default_rules_dir(void);
/*
 * The provision that the npos operands of cmd name: "BWB-ID ARTIKEL", or a
 * reference as lawyers type it ("BW 1:255 lid 2", "art. 3.2 Jeugdwet";
 * lawref.h), read against the laws of st.  A lid in the reference becomes
 * *lid (it must not differ from --lid).  On failure a usage error is
 * printed and its status returned; free ref with lawref_release().
 */
struct lawref;
struct pt_store;
int cli_provision_ref(struct cli *c, const char *cmd, struct pt_store *st,
                      const char **pos, int npos, const char **lid,
                      struct lawref *ref);
/* The directory of the laws installed with proeftoets ($PROEFTOETS_BWB,
 * else PKGDATADIR/bwb). */
const char *cli_bundled_laws_dir(void);
/* On standard error, when st holds no law: that every quote will be
 * missing, and how to fill the registry. */
struct pt_store;
void cli_warn_empty_registry(struct cli *c, struct pt_store *st);

/*
 * A date of a listing ("2026-07-01") as the locale writes it: the format
 * is the translation of "%Y-%m-%d" (nl: "1 juli 2026"), so the C locale
 * keeps ISO.  Returns buf, or iso itself when it is not such a date.
 */
const char *cli_date(char *buf, size_t size, const char *iso);
/* -o FILE: NULL (standard output) for "-", else v. */
const char *cli_output_path(const char *v);
/* Input operands of cmd: "-" (standard input) at most once; else a usage
 * error (PT_EUSAGE, reported). */
int cli_check_inputs(struct cli *c, const char *cmd, char *const *paths,
                     size_t n);

/*
 * Option parsing with getopt_long over the command's table (reset for
 * each command): "--name VALUE", "--name=VALUE", "-xVALUE", "-x VALUE",
 * options among the operands, and "--" before operands that start with
 * a dash.
 *
 *	struct cli_getopt g;
 *	cli_getopt_init(&g, c, "check", NULL, argc, argv);
 *	while ((id = cli_getopt_next(&g)) > 0)
 *		switch (id) { case 'o': out = g.val; break; ... }
 *	if (id < 0) return cli_getopt_status(&g, id);
 *	operands: argv[g.ind] .. argv[argc - 1]
 */
#define CLI_OPT_END   0
#define CLI_OPT_HELP  (-1) /* -h or --help: print the help */
#define CLI_OPT_ERROR (-2) /* a usage error, already reported */

struct cli_getopt {
	struct cli *c;
	const char *cmd; /* command name, for help and messages */
	int argc;
	char **argv;
	int ind;         /* after CLI_OPT_END: the first operand */
	const char *val; /* the value of the option just returned */
	char opt[72];    /* that option as written: "-o", "--output" */
	const struct cli_option *table;
	struct option *longs; /* getopt_long's view of table */
	char shorts[2 * CLI_MAX_OPTIONS + 4];
	struct option longbuf[CLI_MAX_OPTIONS + 2];
};

/* sub: the subcommand (argv[0] then is its name), or NULL. */
void cli_getopt_init(struct cli_getopt *g, struct cli *c, const char *cmd,
                     const char *sub, int argc, char **argv);
/* The next option's id, CLI_OPT_END, CLI_OPT_HELP or CLI_OPT_ERROR. */
int cli_getopt_next(struct cli_getopt *g);
/* For a negative id: print the help (PT_OK) or return PT_EUSAGE. */
int cli_getopt_status(struct cli_getopt *g, int id);
/* What a command's own parse function returns after -h: stop, status 0. */
#define CLI_HELP_SHOWN (-1)
/* CLI_HELP_SHOWN or PT_EUSAGE for a negative id (cli_getopt_next). */
int cli_getopt_stop(struct cli_getopt *g, int id);
/* "option '--x' needs WHAT" about the option just returned: PT_EUSAGE. */
int cli_opt_needs(struct cli_getopt *g, const char *what);
/* "unexpected argument 'ARG'": PT_EUSAGE. */
int cli_unexpected(struct cli_getopt *g, const char *arg);
/* The operands after the options (argv[g->ind..argc-1]) into pos, at most
 * max; *n is how many.  PT_OK, or PT_EUSAGE (cli_unexpected) for one too
 * many. */
int cli_operands(struct cli_getopt *g, int argc, char **argv, const char **pos,
                 int max, int *n);

/* cmd_registry.c */
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_laws(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_search(struct cli *c, int argc, char **argv);
/* cmd_check.c */
int cmd_check(struct cli *c, int argc, char **argv);
/* cmd_ruimte.c */
int cmd_ruimte(struct cli *c, int argc, char **argv);
/* cmd_amend.c */
int cmd_diff(struct cli *c, int argc, char **argv);
int cmd_rules(struct cli *c, int argc, char **argv);
int cmd_amendments(struct cli *c, int argc, char **argv);
/* cmd_review.c */
int cmd_proeftuinen(struct cli *c, int argc, char **argv);
int cmd_proeftuin(struct cli *c, int argc, char **argv);
int cmd_review(struct cli *c, int argc, char **argv);
/* cmd_update.c */
int cmd_update(struct cli *c, int argc, char **argv);
/* cmd_serve.c */
int cmd_serve(struct cli *c, int argc, char **argv);
int cmd_user(struct cli *c, int argc, char **argv);

/*
 * --format, from format.h's table (format_default() gives the default):
 * the format named by the option just returned (NULL after the
 * usage error "option '--format' needs text, markdown, ..."), and the
 * check that a format that may not go to standard output has -o FILE
 * (PT_OK, or PT_EUSAGE after the message).
 */
const struct format *cli_format_option(struct cli_getopt *g,
                                       enum format_doc doc);
int cli_format_output(struct cli *c, const char *cmd, const struct format *f,
                      const char *output);
/* --citeerstijl: "kort" or "lang" into *style (cite.h), or PT_EUSAGE
 * after "option '--citeerstijl' needs kort or lang". */
int cli_citeerstijl_option(struct cli_getopt *g, int *style);

/* The message (and status PT_ENOTFOUND) for a provision look-up that found
 * nothing, shared by show and diff; date NULL means the newest version.
 * PT_OK when p was found. */
struct store_provision;
int cli_not_found(struct cli *c, const struct store_provision *p,
                  const char *artikel, const char *lid, const char *date);

#endif
