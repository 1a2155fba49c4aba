/* cmd_check.c: placeholder until the checker lands. */
#include "config.h"
#include "cli_priv.h"

int
cmd_check(struct cli *c, int argc, char **argv)
{
	(void)argc; (void)argv;
	return cli_error(c, PT_EINTERNAL, "check: not implemented yet");
}
