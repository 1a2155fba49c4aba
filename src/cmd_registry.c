/* cmd_registry.c: placeholder until the registry commands land. */
#include "config.h"
#include "cli_priv.h"

int cmd_import(struct cli *c, int argc, char **argv) { (void)argc; (void)argv; return cli_error(c, PT_EINTERNAL, "not implemented"); }
int cmd_laws(struct cli *c, int argc, char **argv) { (void)argc; (void)argv; return cli_error(c, PT_EINTERNAL, "not implemented"); }
int cmd_show(struct cli *c, int argc, char **argv) { (void)argc; (void)argv; return cli_error(c, PT_EINTERNAL, "not implemented"); }
int cmd_search(struct cli *c, int argc, char **argv) { (void)argc; (void)argv; return cli_error(c, PT_EINTERNAL, "not implemented"); }
