/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cmd_serve.c: the web workspace on the command line: `serve` runs it
 * (serve.h) until SIGINT or SIGTERM, `user` manages its accounts (auth.h).
 *
 * The signal handlers only write a byte to a pipe whose read end the
 * server waits on; the server stops, and the command returns normally.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "buf.h"
#include "cli_priv.h"
#include "serve.h"
#include "i18n.h"

static int stop_pipe[2] = {-1, -1};

static void
on_signal(int sig)
{
	int saved = errno;
	char b = (char)sig;

	if (stop_pipe[1] >= 0 && write(stop_pipe[1], &b, 1) < 0) {
		/* Nothing to do: the pipe is full, so a stop is pending. */
	}
	errno = saved;
}

static void
ready(void *arg, const char *url)
{
	struct cli *c = arg;

	fprintf(c->out, "listening on %s\n", url);
	fflush(c->out);
}

/* A whole number lo..hi, or 0 when v is not one. */
static unsigned
number(const char *v, unsigned long lo, unsigned long hi)
{
	char *end;
	unsigned long n;

	if (v == NULL || *v < '0' || *v > '9')
		return 0;
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < lo || n > hi)
		return 0;
	return (unsigned)n;
}

/* One limit option into cfg; PT_OK or a usage error. */
static int
serve_limit(struct cli_getopt *g, int id, struct serve_config *cfg)
{
	switch (id) {
	case OPT_MAX_CONNECTIONS:
		if ((cfg->max_connections =
		         number(g->val, 1, SERVE_LIMIT_MAX)) == 0)
			return cli_opt_needs(g, "a number 1-4096");
		break;
	case OPT_MAX_PER_ADDRESS:
		if ((cfg->max_per_addr = number(g->val, 1, SERVE_LIMIT_MAX)) ==
		    0)
			return cli_opt_needs(g, "a number 1-4096");
		break;
	case OPT_IDLE_TIMEOUT:
		if ((cfg->idle_timeout = number(g->val, 1, 3600)) == 0)
			return cli_opt_needs(g, "a number of seconds (1-3600)");
		break;
	case OPT_REQUEST_TIMEOUT:
		if ((cfg->request_timeout = number(g->val, 1, 3600)) == 0)
			return cli_opt_needs(g, "a number of seconds (1-3600)");
		break;
	}
	return PT_OK;
}

int
cmd_serve(struct cli *c, int argc, char **argv)
{
	struct serve_config cfg;
	struct sigaction sa, old_int, old_term, old_pipe;
	struct pt_err e = PT_ERR_INIT;
	const char *listen = SERVE_DEFAULT_LISTEN;
	struct cli_getopt g;
	int id, r;

	memset(&cfg, 0, sizeof cfg);
	cfg.rules_dir = cli_default_rules_dir();
	cli_getopt_init(&g, c, "serve", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		if (id == OPT_LISTEN) {
			listen = g.val;
		} else if (id == OPT_RULES) {
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a directory");
			cfg.rules_dir = g.val;
		} else if ((r = serve_limit(&g, id, &cfg)) != PT_OK) {
			return r;
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (g.ind < argc)
		return cli_unexpected(&g, argv[g.ind]);
	if (serve_addr_parse(listen, &cfg.addr, &e) != PT_OK)
		return cli_usage(c, "serve", "%s", e.msg);
	if (!cfg.addr.loopback)
		cli_warn(
		    c,
		    "listening on %s, beyond loopback: the session cookie "
		    "and passwords travel unencrypted; put a reverse proxy "
		    "with TLS in front",
		    listen);
	if (pipe(stop_pipe) != 0)
		return cli_error(c, PT_EINTERNAL, "cannot create a pipe: %s",
		                 strerror(errno));
	fcntl(stop_pipe[1], F_SETFL, O_NONBLOCK);
	fcntl(stop_pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(stop_pipe[1], F_SETFD, FD_CLOEXEC);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old_pipe);

	cfg.db_path = c->db_path;
	cfg.stop_fd = stop_pipe[0];
	cfg.ready = ready;
	cfg.arg = c;
	r = serve_run(&cfg, &e);

	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	close(stop_pipe[0]);
	close(stop_pipe[1]);
	stop_pipe[0] = stop_pipe[1] = -1;
	if (r != PT_OK)
		return cli_report(c, &e);
	fprintf(c->out, "stopped\n");
	return PT_OK;
}

/* --- user --------------------------------------------------------------------
 */

/* One line from standard input, without its line end; NULL at EOF/error
 * or when longer than AUTH_PASSWORD_MAX. */
static char *
read_password(struct cli *c)
{
	char buf[AUTH_PASSWORD_MAX + 3];
	size_t len;

	if (fgets(buf, sizeof buf, stdin) == NULL) {
		cli_error(c, PT_EUSAGE, "no password on standard input");
		return NULL;
	}
	len = strlen(buf);
	if (len > 0 && buf[len - 1] != '\n' && len >= AUTH_PASSWORD_MAX + 1) {
		cli_error(c, PT_EUSAGE, "password longer than %d bytes",
		          AUTH_PASSWORD_MAX);
		return NULL;
	}
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	if (len == 0) {
		cli_error(c, PT_EUSAGE, "empty password refused");
		return NULL;
	}
	return xstrdup(buf);
}

static int
user_add(struct cli *c, int argc, char **argv)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	const char *name = NULL;
	char *pw;
	struct cli_getopt g;
	int role = AUTH_READER, id, r;

	cli_getopt_init(&g, c, "user", "add", argc, argv);
	while ((id = cli_getopt_next(&g)) > 0)
		if (id == OPT_ROLE && (role = auth_role_parse(g.val)) < 0)
			return cli_usage(c, "user",
			                 "option '--role' needs "
			                 "reviewer or reader");
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (g.ind < argc)
		name = argv[g.ind];
	if (g.ind + 1 < argc)
		return cli_unexpected(&g, argv[g.ind + 1]);
	if (name == NULL)
		return cli_usage(c, "user", "user add needs a name");
	if (auth_init(&e) != PT_OK)
		return cli_report(c, &e);
	if ((pw = read_password(c)) == NULL)
		return PT_EUSAGE;
	if ((r = cli_open_store(c, &st)) != PT_OK) {
		free(pw);
		return r;
	}
	r = auth_user_add(st, name, (enum auth_role)role, pw, &e);
	memset(pw, 0, strlen(pw));
	free(pw);
	store_close(st);
	if (r == PT_EUSAGE)
		return cli_error(c, PT_EUSAGE, "%s", e.msg);
	if (r != PT_OK)
		return cli_report(c, &e);
	fprintf(c->out, _("added user %s (%s)\n"), name,
	        auth_role_name((enum auth_role)role));
	return PT_OK;
}

static int
user_list(struct cli *c, int argc, char **argv)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct auth_user *u;
	struct cli_getopt g;
	size_t n, i;
	int r;

	cli_getopt_init(&g, c, "user", "list", argc, argv);
	if ((r = cli_getopt_next(&g)) < 0)
		return cli_getopt_status(&g, r);
	if (g.ind < argc)
		return cli_unexpected(&g, argv[g.ind]);
	if ((r = cli_open_store_read(c, &st)) != PT_OK)
		return r;
	r = auth_user_list(st, &u, &n, &e);
	store_close(st);
	if (r != PT_OK)
		return cli_report(c, &e);
	if (n == 0)
		fputs(_("No users; add one with 'proeftoets user add NAME'.\n"),
		      c->out);
	for (i = 0; i < n; i++)
		fprintf(c->out, "%-24s %-8s %ld %s\n", u[i].name,
		        auth_role_name(u[i].role), u[i].sessions,
		        ngettext("session", "sessions", u[i].sessions));
	auth_user_list_free(u, n);
	return PT_OK;
}

static int
user_remove(struct cli *c, int argc, char **argv)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct cli_getopt g;
	const char *name;
	int r;

	cli_getopt_init(&g, c, "user", "remove", argc, argv);
	if ((r = cli_getopt_next(&g)) < 0)
		return cli_getopt_status(&g, r);
	if (g.ind + 1 != argc)
		return cli_usage(c, "user", "user remove needs one name");
	name = argv[g.ind];
	if ((r = cli_open_store(c, &st)) != PT_OK)
		return r;
	r = auth_user_remove(st, name, &e);
	store_close(st);
	if (r != PT_OK)
		return cli_report(c, &e);
	fprintf(c->out, _("removed user %s and its sessions\n"), name);
	return PT_OK;
}

int
cmd_user(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(c, "user",
		                 "need a subcommand: add, list or remove");
	if (cli_is_help(argv[1]))
		return cli_help(c, "user");
	if (strcmp(argv[1], "add") == 0)
		return user_add(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return user_list(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "remove") == 0)
		return user_remove(c, argc - 1, argv + 1);
	return cli_usage(c, "user",
	                 "unknown subcommand '%s' (want add, list "
	                 "or remove)",
	                 argv[1]);
}
