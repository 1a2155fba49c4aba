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

#include <stdio.h>

#include "err.h"
#include "store.h"

struct cli {
	FILE *out, *err;
	const char *db_path;   /* --db, $PROEFTOETS_DB, or "proeftoets.db" */
	int err_is_tty;        /* progress indication allowed */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *synopsis;  /* "import [--date D] FILE|DIR..." */
	const char *summary;   /* one line for the command list */
	const char *help;      /* full help text (options, exit statuses) */
};

extern const struct cli_command cli_commands[];

/* "proeftoets: message" on the error stream; returns code. */
int cli_error(struct cli *c, int code, const char *fmt, ...) PT_PRINTF(3, 4);
void cli_warn(struct cli *c, const char *fmt, ...) PT_PRINTF(2, 3);
/* Print a pt_err as "proeftoets: file:line:col: msg"; returns err->code. */
int cli_report(struct cli *c, const struct pt_err *e);
/* Usage error for a command: message plus "see 'proeftoets CMD --help'". */
int cli_usage(struct cli *c, const char *cmd, const char *fmt, ...) PT_PRINTF(3, 4);
/* Print the command's help to out; returns PT_OK. */
int cli_help(struct cli *c, const char *cmd);
/* Whether argv[i] is --help or -h. */
int cli_is_help(const char *arg);
/* Open the registry; prints the error and returns its code on failure. */
int cli_open_store(struct cli *c, struct pt_store **st);
/* Write a whole buffer to out; returns PT_EIO on failure. */
int cli_write(struct cli *c, const char *s, size_t len);

/* Option parsing: "--name VALUE" or "--name=VALUE".  Returns 1 and sets
 * *val (advancing *i) when argv[*i] is that option; -1 if the value is
 * missing; 0 otherwise. */
int cli_opt_value(int argc, char **argv, int *i, const char *name,
		  const char **val);

/* cmd_registry.c */
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_laws(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_search(struct cli *c, int argc, char **argv);
/* cmd_check.c */
int cmd_check(struct cli *c, int argc, char **argv);
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

#endif
