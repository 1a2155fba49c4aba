/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * main.c: the only code outside the library.
 */
#include "config.h"

#include <stdio.h>

#include "cli.h"

int
main(int argc, char **argv)
{
	return proeftoets_main(argc, argv, stdout, stderr);
}
