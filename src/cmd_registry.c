/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cmd_registry.c: the registry commands import, laws, show and search.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli_priv.h"
#include "import.h"
#include "json.h"
#include "lawref.h"
#include "query.h"
#include "vocab.h"
#include "i18n.h"

/* --format text|json: returns 0 text, 1 json, -1 on a usage error. */
static int
parse_format(struct cli *c, const char *cmd, const char *v)
{
	if (strcmp(v, "text") == 0)
		return 0;
	if (strcmp(v, "json") == 0)
		return 1;
	cli_usage(c, cmd, "unknown format '%s' (want text or json)", v);
	return -1;
}

static void
progress(void *ctx, const char *path, long articles, unsigned long long size)
{
	struct cli *c = ctx;

	fputc('\r', c->err);
	fprintf(c->err, _("importing %s (%llu MB): %ld articles"), path,
	        size >> 20, articles);
	fflush(c->err);
}

static const char *const outcome_names[] = {N_("added"), N_("replaced"),
                                            N_("unchanged")};

int
cmd_import(struct cli *c, int argc, char **argv)
{
	char day[64];
	struct import_opts opts;
	struct cli_getopt g;
	struct pt_store *st = NULL;
	const char **paths;
	size_t npaths, i, j;
	int quiet = 0, bundled = 0, rc = PT_OK, r, id;
	long counts[3] = {0, 0, 0}, failed = 0;

	memset(&opts, 0, sizeof opts);
	cli_getopt_init(&g, c, "import", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		if (id == 'q') {
			quiet = 1;
		} else if (id == OPT_BUNDLED) {
			bundled = 1;
		} else if (id == OPT_DATE) {
			if (!vocab_is_date(g.val))
				return cli_usage(
				    c, "import",
				    "option '--date' needs a date YYYY-MM-DD");
			opts.date = g.val;
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	npaths = (size_t)(argc - g.ind);
	if (npaths == 0 && !bundled)
		return cli_usage(c, "import",
		                 "no file or directory given (or --bundled)");
	for (i = 0; i < npaths; i++)
		if (strcmp(argv[g.ind + (int)i], "-") == 0)
			return cli_usage(
			    c, "import",
			    "import reads law files by name: "
			    "standard input ('-') is not supported");
	paths = xcalloc(npaths + 1, sizeof *paths);
	for (i = 0; i < npaths; i++)
		paths[i] = argv[g.ind + (int)i];
	if (bundled)
		paths[npaths++] = cli_bundled_laws_dir();
	if ((rc = cli_open_store(c, &st)) != PT_OK) {
		free(paths);
		return rc;
	}
	if (c->err_is_tty && !quiet) {
		opts.progress = progress;
		opts.progress_ctx = c;
	}
	for (i = 0; i < npaths; i++) {
		struct pt_err e = PT_ERR_INIT;
		char **files;
		size_t nfiles;

		if (import_list(paths[i], &files, &nfiles, &e) != PT_OK) {
			r = cli_report(c, &e);
			if (rc == PT_OK)
				rc = r;
			failed++;
			continue;
		}
		if (nfiles == 0)
			cli_warn(c, "%s: no BWB XML files found", paths[i]);
		for (j = 0; j < nfiles; j++) {
			struct import_result res;

			pt_err_clear(&e);
			r = import_file(st, files[j], &opts, &res, &e);
			if (opts.progress)
				fputs("\r\033[K", c->err);
			if (r != PT_OK) {
				/* A registry error is about the registry: say
				 * which law file it was importing. */
				if (strcmp(e.file, files[j]) != 0)
					pt_err_prefix(&e, "importing %s",
					              files[j]);
				cli_report(c, &e);
				if (rc == PT_OK)
					rc = r;
				failed++;
				continue;
			}
			counts[res.outcome]++;
			if (!quiet) {
				if (res.outcome == IMPORT_UNCHANGED)
					fprintf(c->out,
					        _("unchanged %s  %s (imported "
					          "before)\n"),
					        res.bwb ? res.bwb : "?",
					        files[j]);
				else
					fprintf(
					    c->out,
					    _("%-9s %s  %s, version %s: %ld "
					      "articles  %s\n"),
					    _(outcome_names[res.outcome]),
					    res.bwb,
					    res.citeertitel ? res.citeertitel
					                    : _("(no title)"),
					    res.inwerkingtreding
					        ? cli_date(day, sizeof day,
					                   res.inwerkingtreding)
					        : _("of unknown date"),
					    res.articles, files[j]);
			}
			import_result_release(&res);
		}
		import_list_free(files, nfiles);
	}
	if (!quiet)
		fprintf(
		    c->out,
		    _("%ld added, %ld replaced, %ld unchanged, %ld failed\n"),
		    counts[IMPORT_ADDED], counts[IMPORT_REPLACED],
		    counts[IMPORT_UNCHANGED], failed);
	store_close(st);
	free(paths);
	return rc;
}

int
cmd_laws(struct cli *c, int argc, char **argv)
{
	char day[64];
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct pt_buf b = PT_BUF_INIT;
	struct store_law *laws;
	struct cli_getopt g;
	size_t n, i, k;
	int json = 0, r, id;

	cli_getopt_init(&g, c, "laws", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0)
		if (id == OPT_FORMAT &&
		    (json = parse_format(c, "laws", g.val)) < 0)
			return PT_EUSAGE;
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (g.ind < argc)
		return cli_unexpected(&g, argv[g.ind]);
	if ((r = cli_open_store_read(c, &st)) != PT_OK)
		return r;
	if (store_laws(st, &laws, &n, &e) != PT_OK) {
		store_close(st);
		return cli_report(c, &e);
	}
	if (json) {
		struct json j;

		json_init(&j, &b, 1);
		json_begin_array(&j);
		for (i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kstring(&j, "bwb", laws[i].bwb);
			json_kstring(&j, "citeertitel", laws[i].citeertitel);
			json_kstring(&j, "soort", laws[i].soort);
			json_key(&j, "versions");
			json_begin_array(&j);
			for (k = 0; k < laws[i].nversions; k++) {
				const struct store_version *v =
				    &laws[i].versions[k];

				json_begin_object(&j);
				json_kstring(&j, "inwerkingtreding",
				             v->inwerkingtreding);
				json_kint(&j, "articles", v->articles);
				json_kstring(&j, "source", v->source);
				json_kstring(&j, "sha256", v->sha256);
				json_kstring(&j, "imported_at", v->imported_at);
				json_kstring(&j, "format",
				             v->format == 2 ? "wetgeving"
				                            : "toestand");
				json_end_object(&j);
			}
			json_end_array(&j);
			json_end_object(&j);
		}
		json_end_array(&j);
		pt_buf_addc(&b, '\n');
	} else if (n == 0) {
		pt_buf_addf(&b,
		            _("The registry %s holds no laws; use 'proeftoets "
		              "import'.\n"),
		            c->db_path);
	} else {
		for (i = 0; i < n; i++) {
			pt_buf_addf(&b, "%s  %s", laws[i].bwb,
			            laws[i].citeertitel ? laws[i].citeertitel
			                                : _("(no title)"));
			if (laws[i].soort)
				pt_buf_addf(&b, " (%s)", laws[i].soort);
			pt_buf_addc(&b, '\n');
			for (k = 0; k < laws[i].nversions; k++) {
				const struct store_version *v =
				    &laws[i].versions[k];
				const char *base = strrchr(v->source, '/');

				pt_buf_addf(
				    &b, _("  %-10s %5ld articles  %s\n"),
				    v->inwerkingtreding
				        ? cli_date(day, sizeof day,
				                   v->inwerkingtreding)
				        : _("unknown"),
				    v->articles, base ? base + 1 : v->source);
			}
		}
	}
	r = cli_write(c, b.s, b.len);
	pt_buf_release(&b);
	store_laws_free(laws, n);
	store_close(st);
	return r;
}

/*
 * The message for a look-up that found nothing, shared by show and diff:
 * what is missing, at which date (NULL: the newest version).
 */
int
cli_not_found(struct cli *c, const struct store_provision *p,
              const char *artikel, const char *lid, const char *date)
{
	const char *at = date ? date : _("the newest version");
	const char *vd =
	    p->version_date ? p->version_date : _("of unknown date");

	switch (p->found) {
	case STORE_NO_LAW:
		return cli_error(c, PT_ENOTFOUND,
		                 "%s is not in the registry %s; "
		                 "import it first",
		                 p->bwb, c->db_path);
	case STORE_NO_VERSION:
		if (p->undated_source != NULL)
			return cli_error(
			    c, PT_ENOTFOUND,
			    "no version of %s is in force on %s in the "
			    "registry: the earliest dated version is of %s, "
			    "and "
			    "the version of unknown date (%s) is not used for "
			    "a "
			    "date, as it is not known to be in force then "
			    "(import "
			    "it with --date to record its date)",
			    p->bwb, at, p->earliest_dated, p->undated_source);
		return cli_error(c, PT_ENOTFOUND,
		                 "no version of %s is in force on %s "
		                 "in the registry",
		                 p->bwb, at);
	case STORE_NO_ARTICLE:
		return cli_error(c, PT_ENOTFOUND,
		                 "%s has no article '%s' on %s (version %s)",
		                 p->bwb, artikel, at, vd);
	case STORE_NO_LID:
		return cli_error(c, PT_ENOTFOUND,
		                 "article %s of %s has no lid '%s' on %s "
		                 "(version %s)",
		                 artikel, p->bwb, lid, at, vd);
	case STORE_FOUND:
		break;
	}
	return PT_OK;
}

int
cmd_show(struct cli *c, int argc, char **argv)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct store_provision p;
	struct pt_buf b = PT_BUF_INIT;
	const char *pos[8] = {NULL}, *lid = NULL, *date = NULL;
	struct lawref ref;
	char day[64], *jci, *url;
	struct cli_getopt g;
	int json = 0, npos = 0, r, id;
	size_t i;

	cli_getopt_init(&g, c, "show", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		if (id == OPT_FORMAT) {
			if ((json = parse_format(c, "show", g.val)) < 0)
				return PT_EUSAGE;
		} else if (id == OPT_LID) {
			if (*g.val == '\0')
				return cli_opt_needs(&g, "a number");
			lid = g.val;
		} else if (id == OPT_DATE) {
			if (!vocab_is_date(g.val))
				return cli_usage(
				    c, "show",
				    "option '--date' needs a date YYYY-MM-DD");
			date = g.val;
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	if (cli_operands(&g, argc, argv, pos, 8, &npos) != PT_OK)
		return PT_EUSAGE;
	if ((r = cli_open_store_read(c, &st)) != PT_OK)
		return r;
	if ((r = cli_provision_ref(c, "show", st, pos, npos, &lid, &ref)) !=
	    PT_OK) {
		store_close(st);
		return r;
	}
	if (store_provision_at(st, ref.bwb, ref.artikel, lid, date, &p, &e) !=
	    PT_OK) {
		store_provision_release(&p);
		store_close(st);
		lawref_release(&ref);
		return cli_report(c, &e);
	}
	store_close(st);
	if (p.found != STORE_FOUND) {
		r = cli_not_found(c, &p, ref.artikel, lid, date);
		store_provision_release(&p);
		lawref_release(&ref);
		return r;
	}
	jci = store_jci(p.bwb, p.artikel, p.lid, date ? date : p.version_date);
	url = store_url(p.bwb, p.artikel, date ? date : p.version_date);
	if (json) {
		struct json j;

		json_init(&j, &b, 1);
		json_begin_object(&j);
		json_kstring(&j, "bwb", p.bwb);
		json_kstring(&j, "citeertitel", p.citeertitel);
		json_kstring(&j, "artikel", p.artikel);
		if (p.lid)
			json_kstring(&j, "lid", p.lid);
		json_kstring(&j, "label", p.label);
		json_kstring(&j, "title", p.title);
		json_kstring(&j, "status", p.status);
		json_kstring(&j, "path", p.path);
		json_kstring(&j, "date", date);
		json_key(&j, "version");
		json_begin_object(&j);
		json_kstring(&j, "inwerkingtreding", p.version_date);
		json_kbool(&j, "date_unknown", p.date_unknown);
		json_kstring(&j, "source", p.source);
		json_end_object(&j);
		json_kstring(&j, "jci", jci);
		json_kstring(&j, "url", url);
		json_kstring(&j, "text", p.text);
		json_key(&j, "references");
		json_begin_array(&j);
		for (i = 0; i < p.nrefs; i++)
			json_string(&j, p.refs[i]);
		json_end_array(&j);
		json_end_object(&j);
		pt_buf_addc(&b, '\n');
	} else {
		pt_buf_addf(&b, _("%s (%s), version %s\n"),
		            p.citeertitel ? p.citeertitel : p.bwb, p.bwb,
		            p.version_date
		                ? cli_date(day, sizeof day, p.version_date)
		                : _("of unknown date"));
		pt_buf_addf(&b, "%s", p.label ? p.label : p.artikel);
		if (p.lid)
			pt_buf_addf(&b, _(", lid %s"), p.lid);
		if (p.title)
			pt_buf_addf(&b, " (%s)", p.title);
		if (p.path && *p.path)
			pt_buf_addf(&b, "  [%s]", p.path);
		pt_buf_addc(&b, '\n');
		if (p.status && strcmp(p.status, "vervallen") == 0)
			pt_buf_adds(&b, _("Status: vervallen (repealed)\n"));
		if (p.date_unknown)
			pt_buf_adds(&b,
			            _("Note: the date of entry into force of "
			              "this version is "
			              "unknown; it is used because no dated "
			              "version is in force"
			              " at that date\n"));
		pt_buf_addf(&b, _("Juriconnect: %s\nLink: %s\n\n%s\n"), jci,
		            url, p.text);
	}
	r = cli_write(c, b.s, b.len);
	pt_buf_release(&b);
	free(jci);
	free(url);
	store_provision_release(&p);
	lawref_release(&ref);
	return r;
}

/* The highest --pagina: keeps (pagina - 1) * limit far from overflow. */
#define SEARCH_MAX_PAGINA 100000

/* The paging line under the results, when there is more than one page. */
static void
search_paging(struct pt_buf *b, size_t pagina, size_t limit, size_t n,
              size_t total)
{
	size_t first = (pagina - 1) * limit + 1;
	size_t pages = (total + limit - 1) / limit;

	if ((pagina == 1 && total <= n) || total == 0)
		return;
	if (n == 0) {
		pt_buf_addf(b,
		            "page %zu is past the last page: %zu result%s on "
		            "%zu page%s\n",
		            pagina, total, total == 1 ? "" : "s", pages,
		            pages == 1 ? "" : "s");
		return;
	}
	pt_buf_addf(b, "results %zu-%zu of %zu, page %zu of %zu", first,
	            first + n - 1, total, pagina, pages);
	if (pagina < pages)
		pt_buf_addf(b, " (next: --pagina %zu)", pagina + 1);
	pt_buf_addc(b, '\n');
}

int
cmd_search(struct cli *c, int argc, char **argv)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct store_search_hit *hits;
	struct pt_buf q = PT_BUF_INIT, b = PT_BUF_INIT;
	const char *date = NULL;
	struct cli_getopt g;
	size_t n, i, limit = 20, pagina = 1, total = 0;
	int json = 0, r, ai, id;

	cli_getopt_init(&g, c, "search", NULL, argc, argv);
	while ((id = cli_getopt_next(&g)) > 0) {
		if (id == OPT_LIMIT) {
			char *end;
			long l = strtol(g.val, &end, 10);

			if (*g.val == '\0' || *end != '\0' || l < 1 ||
			    l > 10000)
				return cli_usage(c, "search",
				                 "option '--limit' needs a "
				                 "number from 1 to 10000");
			limit = (size_t)l;
		} else if (id == OPT_PAGINA) {
			char *end;
			long l = strtol(g.val, &end, 10);

			if (*g.val == '\0' || *end != '\0' || l < 1 ||
			    l > SEARCH_MAX_PAGINA)
				return cli_usage(
				    c, "search",
				    "option '--pagina' needs a "
				    "page number from 1 to 100000");
			pagina = (size_t)l;
		} else if (id == OPT_DATE) {
			if (!vocab_is_date(g.val))
				return cli_usage(
				    c, "search",
				    "option '--date' needs a date YYYY-MM-DD");
			date = g.val;
		} else if (id == OPT_FORMAT) {
			if ((json = parse_format(c, "search", g.val)) < 0)
				return PT_EUSAGE;
		}
	}
	if (id < 0)
		return cli_getopt_status(&g, id);
	for (ai = g.ind; ai < argc; ai++) {
		if (q.len)
			pt_buf_addc(&q, ' ');
		pt_buf_adds(&q, argv[ai]);
	}
	if (q.len == 0) {
		pt_buf_release(&q);
		return cli_usage(c, "search", "no query given");
	}
	if ((r = cli_open_store_read(c, &st)) != PT_OK) {
		pt_buf_release(&q);
		return r;
	}
	r = query_search(st, q.s, date, limit, (pagina - 1) * limit, &hits, &n,
	                 &total, &e);
	store_close(st);
	if (r != PT_OK) {
		pt_buf_release(&q);
		return cli_report(c, &e);
	}
	if (json) {
		struct json j;

		json_init(&j, &b, 1);
		json_begin_array(&j);
		for (i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kstring(&j, "bwb", hits[i].bwb);
			json_kstring(&j, "citeertitel", hits[i].citeertitel);
			json_kstring(&j, "inwerkingtreding",
			             hits[i].version_date);
			json_kstring(&j, "artikel", hits[i].artikel);
			json_kstring(&j, "label", hits[i].label);
			json_kstring(&j, "snippet", hits[i].snippet);
			json_end_object(&j);
		}
		json_end_array(&j);
		pt_buf_addc(&b, '\n');
	} else {
		for (i = 0; i < n; i++) {
			char *s, *p;

			s = xstrdup(hits[i].snippet ? hits[i].snippet : "");
			for (p = s; *p; p++)
				if (*p == '\n')
					*p = ' ';
			pt_buf_addf(
			    &b, "%s %s (%s), %s:\n    %s\n", hits[i].bwb,
			    hits[i].citeertitel ? hits[i].citeertitel : "",
			    hits[i].version_date ? hits[i].version_date
			                         : _("date unknown"),
			    hits[i].label ? hits[i].label : hits[i].artikel, s);
			free(s);
		}
		pt_buf_addf(&b,
		            ngettext("%zu result for '%s'\n",
		                     "%zu results for '%s'\n", n),
		            n, q.s);
		search_paging(&b, pagina, limit, n, total);
	}
	r = cli_write(c, b.s, b.len);
	pt_buf_release(&b);
	pt_buf_release(&q);
	store_search_free(hits, n);
	return r;
}
