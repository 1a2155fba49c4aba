/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cli.h: the command-line program as a function.
 *
 * proeftoets_main() parses argv, runs one command and returns the exit
 * status (enum pt_status of err.h).  Output goes to out, diagnostics and
 * progress to err; nothing else is written and the process is never ended,
 * so tests and fuzzers can call it in-process.
 */
#ifndef PROEFTOETS_CLI_H
#define PROEFTOETS_CLI_H

#include <stdio.h>

int proeftoets_main(int argc, char **argv, FILE *out, FILE *err);

#endif
