/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_serve.c: the web workspace over real HTTP.  Each test case starts
 * `proeftoets serve --listen 127.0.0.1:0` in a child process on a
 * registry with the bundled laws, the noord proeftuin and two accounts,
 * and talks to it with libcurl: every page and API route, sign-in and
 * sign-out, review writes with and without CSRF token, a reader trying to
 * write, escaping, oversized and malformed requests, 404s, encoded ids,
 * the juridische ruimte and saving its lawful variant, the design (its
 * section, ontwerp.xml, the versions and their comparison), login limits; then
 * stops it with SIGTERM and expects a clean exit.
 */
#include "config.h"

#include <errno.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <check.h>
#include <curl/curl.h>
#include <sqlite3.h>

#include "auth.h"
#include "provenance.h"
#include "review.h"
#include "buf.h"
#include "check.h"
#include "cli.h"
#include "design.h"
#include "html.h"
#include "report.h"
#include "rules.h"
#include "saved.h"
#include "serve.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"
#include "vocab.h"
#include "web.h"

/* SERVE_FORM_FIELDS of serve.c */
#define SERVE_MAX_FIELDS_TEST 8
#define F_UITVOERING          "noord/jw-3.2-1-uitvoering/rvt-noord"
#define F_UITVOERING_ENC      "noord%2Fjw-3.2-1-uitvoering%2Frvt-noord"

static char *dir, *db, *rules;
static pid_t server = -1;
static FILE *server_out;
static char base[256];
/* More arguments of serve for a test case's server (NULL-terminated). */
static const char *serve_extra[8];

/* --- the server ----------------------------------------------------------- */

static void
make_registry(void)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	char *bwb, *noord, *err = NULL;

	dir = t_tmpdir();
	db = xasprintf("%s/reg.db", dir);
	rules = t_src("rules");
	bwb = t_src("xml/bwb");
	noord = t_src("xml/proeftuinen/noord.xml");
	ck_assert_int_eq(
	    t_cli(NULL, &err, "--db", db, "import", "-q", bwb, NULL), PT_OK);
	free(err);
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "proeftuin", "add", "-q",
	                       "--rules", rules, noord, NULL),
	                 PT_OK);
	ck_assert_int_eq(auth_init(&e), PT_OK);
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(
	    auth_user_add(st, "anna", AUTH_REVIEWER, "geheim-1", &e), PT_OK);
	ck_assert_int_eq(auth_user_add(st, "bob", AUTH_READER, "geheim-2", &e),
	                 PT_OK);
	store_close(st);
	free(bwb);
	free(noord);
}

static void
start_server(void)
{
	int fds[2];
	char line[256];
	FILE *in;

	make_registry();
	ck_assert_int_eq(pipe(fds), 0);
	fflush(NULL);
	server = fork();
	ck_assert_int_ge(server, 0);
	if (server == 0) {
		char *argv[16] = {(char *)"proeftoets",
		                  (char *)"--db",
		                  db,
		                  (char *)"serve",
		                  (char *)"--listen",
		                  (char *)"127.0.0.1:0",
		                  (char *)"--rules",
		                  rules,
		                  NULL};
		int argc = 8, i;
		FILE *out;

		for (i = 0; serve_extra[i] != NULL; i++)
			argv[argc++] = (char *)serve_extra[i];
		argv[argc] = NULL;
		close(fds[0]);
		out = fdopen(fds[1], "w");
		_exit(proeftoets_main(argc, argv, out, stderr));
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	ck_assert_ptr_nonnull(fgets(line, sizeof line, in));
	server_out = in;
	ck_assert_msg(strncmp(line, "listening on http://127.0.0.1:", 30) == 0,
	              "unexpected first line: %s", line);
	line[strcspn(line, "\n")] = '\0';
	/* "http://127.0.0.1:PORT/" without the final slash */
	snprintf(base, sizeof base, "%s", line + 13);
	base[strlen(base) - 1] = '\0';
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* A server that gives a request 3 s to come in. */
static void
start_slow_server(void)
{
	serve_extra[0] = "--request-timeout";
	serve_extra[1] = "3";
	serve_extra[2] = NULL;
	start_server();
	serve_extra[0] = NULL;
}

/* A server whose writes wait at most 200 ms for a lock. */
static void
start_impatient_server(void)
{
	setenv("PROEFTOETS_LOCK_WAIT_MS", "200", 1);
	start_server();
	unsetenv("PROEFTOETS_LOCK_WAIT_MS");
}

static void
stop_server(void)
{
	char line[256];
	int status = -1;

	if (server > 0) {
		kill(server, SIGTERM);
		/* It says so, and exits with 0. */
		ck_assert_ptr_nonnull(fgets(line, sizeof line, server_out));
		ck_assert_str_eq(line, "stopped\n");
		fclose(server_out);
		waitpid(server, &status, 0);
		server = -1;
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		              "the server did not stop cleanly (status %d)",
		              status);
	}
	curl_global_cleanup();
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
	free(rules);
}

/* --- HTTP -------------------------------------------------------------------
 */

struct http {
	long status;
	struct pt_buf body, head;
};

static size_t
collect(char *p, size_t size, size_t n, void *arg)
{
	pt_buf_add(arg, p, size * n);
	return size * n;
}

/*
 * One request.  body NULL = no body; ctype NULL = a form.  cookie is the
 * session token or NULL.
 */
/* One more request header for the next requests (NULL: none). */
static const char *req_header;
/* The local address the next requests come from (NULL: any). */
static const char *req_from;
/* The nonce cookie of the sign-in form the next requests send (NULL:
 * none). */
static const char *req_login_nonce;

static long
req(struct http *h, const char *method, const char *path, const char *token,
    const char *body, size_t len, const char *ctype)
{
	CURL *cu = curl_easy_init();
	struct curl_slist *hl = NULL;
	char *url = xasprintf("%s%s", base, path), *ck = NULL, *ct = NULL;
	CURLcode rc;

	pt_buf_init(&h->body);
	pt_buf_init(&h->head);
	curl_easy_setopt(cu, CURLOPT_URL, url);
	curl_easy_setopt(cu, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(cu, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(cu, CURLOPT_WRITEDATA, &h->body);
	curl_easy_setopt(cu, CURLOPT_HEADERFUNCTION, collect);
	curl_easy_setopt(cu, CURLOPT_HEADERDATA, &h->head);
	curl_easy_setopt(cu, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(cu, CURLOPT_PATH_AS_IS, 1L);
	if (req_from != NULL)
		curl_easy_setopt(cu, CURLOPT_INTERFACE, req_from);
	if (token != NULL || req_login_nonce != NULL) {
		ck = xasprintf("%s%s%s%s%s", token != NULL ? "pt_sessie=" : "",
		               token != NULL ? token : "",
		               token != NULL && req_login_nonce ? "; " : "",
		               req_login_nonce != NULL ? "pt_aanmelden=" : "",
		               req_login_nonce != NULL ? req_login_nonce : "");
		curl_easy_setopt(cu, CURLOPT_COOKIE, ck);
	}
	if (body != NULL) {
		ct = xasprintf("Content-Type: %s",
		               ctype != NULL
		                   ? ctype
		                   : "application/x-www-form-urlencoded");
		hl = curl_slist_append(hl, ct);
		curl_easy_setopt(cu, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(cu, CURLOPT_POSTFIELDSIZE_LARGE,
		                 (curl_off_t)len);
	}
	hl = curl_slist_append(hl, "Expect:");
	if (req_header != NULL)
		hl = curl_slist_append(hl, req_header);
	curl_easy_setopt(cu, CURLOPT_HTTPHEADER, hl);
	rc = curl_easy_perform(cu);
	ck_assert_msg(rc == CURLE_OK, "%s %s: %s", method, path,
	              curl_easy_strerror(rc));
	curl_easy_getinfo(cu, CURLINFO_RESPONSE_CODE, &h->status);
	curl_slist_free_all(hl);
	curl_easy_cleanup(cu);
	free(url);
	free(ck);
	free(ct);
	return h->status;
}

static long
get(struct http *h, const char *path, const char *token)
{
	return req(h, "GET", path, token, NULL, 0, NULL);
}

static long
post(struct http *h, const char *path, const char *token, const char *body)
{
	return req(h, "POST", path, token, body, strlen(body), NULL);
}

static void
http_release(struct http *h)
{
	pt_buf_release(&h->body);
	pt_buf_release(&h->head);
}

/*
 * Sign in as a browser does: fetch the sign-in page for its nonce cookie
 * and form token, then post form (without the token) with both.  token
 * is the session the browser already has, or NULL.
 */
static long
post_login(struct http *h, const char *token, const char *form)
{
	struct http page;
	char *nonce = NULL, *csrf = NULL, *body, *c;
	long st;

	ck_assert_int_eq(get(&page, "/login", NULL), 200);
	if ((c = strstr(page.head.s, "pt_aanmelden=")) != NULL)
		nonce = xstrndup(c + 13, strcspn(c + 13, ";\r\n"));
	if ((c = strstr(page.body.s, "name=\"csrf\" value=\"")) != NULL)
		csrf = xstrndup(c + 19, strcspn(c + 19, "\""));
	http_release(&page);
	ck_assert_ptr_nonnull(nonce);
	ck_assert_ptr_nonnull(csrf);
	body = xasprintf("csrf=%s&%s", csrf, form);
	req_login_nonce = nonce;
	st = post(h, "/login", token, body);
	req_login_nonce = NULL;
	free(body);
	free(csrf);
	free(nonce);
	return st;
}

/* Form encoding of one value. */
static char *
enc(const char *s)
{
	CURL *cu = curl_easy_init();
	char *e = curl_easy_escape(cu, s, 0), *r = xstrdup(e);

	curl_free(e);
	curl_easy_cleanup(cu);
	return r;
}

/* Sign in; returns the session token (caller frees) or NULL. */
static char *
login(const char *user, const char *password)
{
	struct http h;
	char *u = enc(user), *p = enc(password), *body, *tok = NULL, *c;

	body = xasprintf("user=%s&password=%s", u, p);
	post_login(&h, NULL, body);
	if (h.status == 303 && (c = strstr(h.head.s, "pt_sessie=")) != NULL)
		tok = xstrndup(c + 10, strcspn(c + 10, ";\r\n"));
	http_release(&h);
	free(u);
	free(p);
	free(body);
	return tok;
}

/* The CSRF token the page at path carries in its forms (caller frees). */
static char *
csrf_of(const char *path, const char *token)
{
	struct http h;
	char *c, *v = NULL;

	ck_assert_int_eq(get(&h, path, token), 200);
	c = strstr(h.body.s, "name=\"csrf\" value=\"");
	if (c != NULL)
		v = xstrndup(c + 19, strcspn(c + 19, "\""));
	http_release(&h);
	ck_assert_ptr_nonnull(v);
	return v;
}

static long long
log_rows(void)
{
	return t_db_int(db, "SELECT count(*) FROM review_log");
}

/* --- tests ------------------------------------------------------------------
 */

START_TEST(test_serve_needs_sign_in)
{
	struct http h;

	ck_assert_int_eq(get(&h, "/", NULL), 401);
	ck_assert(
	    t_contains(h.body.s, "<form method=\"post\" action=\"/login\""));
	ck_assert(t_contains(h.body.s, "<label for=\"password\">"));
	ck_assert(!t_contains(h.body.s, "noord"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/api/proeftuinen", NULL), 401);
	ck_assert(t_contains(h.head.s, "Content-Type: application/json"));
	ck_assert(t_contains(h.body.s, "\"error\""));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/findings/" F_UITVOERING_ENC, "0123"), 401);
	http_release(&h);
	/* A well-formed but unknown token is no session either. */
	ck_assert_int_eq(get(&h, "/",
	                     "00000000000000000000000000000000"
	                     "00000000000000000000000000000000"),
	                 401);
	http_release(&h);
}
END_TEST

START_TEST(test_serve_security_headers)
{
	struct http h;

	get(&h, "/login", NULL);
	ck_assert_int_eq(h.status, 200);
	ck_assert(t_contains(h.head.s, "Content-Security-Policy: default-src "
	                               "'none'; style-src 'unsafe-inline'"));
	ck_assert(t_contains(h.head.s, "form-action 'self'"));
	ck_assert(t_contains(h.head.s, "X-Content-Type-Options: nosniff"));
	ck_assert(t_contains(h.head.s, "Referrer-Policy: no-referrer"));
	ck_assert(t_contains(h.head.s, "X-Frame-Options: DENY"));
	ck_assert(
	    t_contains(h.head.s, "Content-Type: text/html; charset=utf-8"));
	/* No external resources and no scripts in the page. */
	ck_assert(!t_contains(h.body.s, "<script"));
	ck_assert(!t_contains(h.body.s, "src="));
	ck_assert(t_contains(h.body.s, "<html lang=\"nl\">"));
	http_release(&h);
	/* Error pages carry them too. */
	get(&h, "/nope", NULL);
	ck_assert(t_contains(h.head.s, "X-Frame-Options: DENY"));
	http_release(&h);
}
END_TEST

START_TEST(test_serve_login_logout)
{
	struct http h;
	char *tok, *csrf, *body;

	ck_assert_ptr_null(login("anna", "wrong"));
	ck_assert_ptr_null(login("nobody", "geheim-1"));
	ck_assert_int_eq(post_login(&h, NULL, "user=anna&password=wrong"), 401);
	ck_assert(t_contains(h.body.s, "Onjuiste naam of wachtwoord"));
	http_release(&h);

	ck_assert_int_eq(post_login(&h, NULL, "user=anna&password=geheim-1"),
	                 303);
	ck_assert(t_contains(h.head.s, "Location: /\r\n"));
	ck_assert(t_contains(h.head.s, "HttpOnly"));
	ck_assert(t_contains(h.head.s, "SameSite=Strict"));
	ck_assert(t_contains(h.head.s, "Path=/"));
	http_release(&h);

	tok = login("anna", "geheim-1");
	ck_assert_ptr_nonnull(tok);
	ck_assert_uint_eq(strlen(tok), 64);
	/* The registry keeps a hash of the token, never the token. */
	body = xasprintf("SELECT count(*) FROM web_session WHERE token_sha256 "
	                 "= '%s'",
	                 tok);
	ck_assert_int_eq(t_db_int(db, body), 0);
	free(body);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM web_user WHERE "
	                 "pwhash LIKE '$argon2id$%' AND pwhash NOT LIKE "
	                 "'%geheim%'"),
	    2);

	ck_assert_int_eq(get(&h, "/", tok), 200);
	ck_assert(t_contains(h.body.s, "Ingelogd als <strong>anna</strong>"));
	http_release(&h);
	/* Signed in, /login goes home. */
	ck_assert_int_eq(get(&h, "/login", tok), 303);
	http_release(&h);

	/* Logging out needs the CSRF token. */
	ck_assert_int_eq(post(&h, "/logout", tok, "csrf=nope"), 403);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/", tok), 200);
	http_release(&h);
	csrf = csrf_of("/", tok);
	body = xasprintf("csrf=%s", csrf);
	ck_assert_int_eq(post(&h, "/logout", tok, body), 303);
	ck_assert(t_contains(h.head.s, "Max-Age=0"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/", tok), 401);
	http_release(&h);
	free(body);
	free(csrf);
	free(tok);
}
END_TEST

START_TEST(test_serve_pages)
{
	struct http h;
	char *tok = login("bob", "geheim-2");

	ck_assert_ptr_nonnull(tok);
	ck_assert_int_eq(get(&h, "/", tok), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/proeftuinen/noord\">"));
	ck_assert(t_contains(h.body.s, "<th scope=\"col\">Belemmeringen</th>"));
	http_release(&h);

	ck_assert_int_eq(get(&h, "/proeftuinen/noord", tok), 200);
	ck_assert(t_contains(h.body.s, "<h2>Belemmeringen, per benodigde "
	                               "wijziging</h2>"));
	ck_assert(
	    t_contains(h.body.s, "Wijziging van art. 3.2 lid 1 Jeugdwet"));
	ck_assert(t_contains(h.body.s, "<h2>Risico&#39;s voor de "
	                               "rechtsbescherming</h2>"));
	ck_assert(t_contains(h.body.s,
	                     "<a href=\"/findings/" F_UITVOERING_ENC "\">"));
	http_release(&h);

	/* The finding page, by encoded id and by plain path. */
	ck_assert_int_eq(get(&h, "/findings/" F_UITVOERING_ENC, tok), 200);
	ck_assert(t_contains(h.body.s, "<code>jci1.3:c:BWBR0034925&amp;"
	                               "artikel=3.2&amp;lid=1&amp;g="));
	/* The provision as the HTML report renders it, with a link to the
	 * registry's page at the peildatum. */
	ck_assert(t_contains(h.body.s, "<div class=\"bepaling\">"));
	ck_assert(t_contains(h.body.s, "<blockquote cite=\"https://"));
	ck_assert(t_contains(h.body.s, "https://wetten.overheid.nl/"));
	ck_assert(t_contains(h.body.s, "\">in het register</a>"));
	ck_assert(t_contains(h.body.s, "<h2>Geschiedenis</h2>"));
	/* The jargon and the verification marks are explained in words. */
	ck_assert(t_contains(h.body.s, "<section id=\"verklaring\""));
	ck_assert(t_contains(h.body.s, "<dt>Laagste niveau</dt>"));
	ck_assert(t_contains(h.body.s, "<dt>V26</dt>"));
	ck_assert(t_contains(h.body.s, "<dt>GK</dt>"));
	/* Printed: no header or forms, link addresses written out, rows
	 * and quotes whole, folded texts open. */
	ck_assert(t_contains(h.body.s, "@media print{@page{margin:"));
	ck_assert(t_contains(h.body.s, "header,nav,form,button{display:none}"));
	ck_assert(t_contains(h.body.s, "a[href]::after{content:"));
	ck_assert(t_contains(h.body.s, "a[href^=\"#\"]::after{content:none}"));
	ck_assert(t_contains(h.body.s, "tr,blockquote,li,.melding{break-inside:"
	                               "avoid}"));
	ck_assert(t_contains(h.body.s, "details::details-content{"));
	/* A reader sees no form. */
	ck_assert(!t_contains(h.body.s, "name=\"status\""));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/findings/" F_UITVOERING, tok), 200);
	ck_assert(t_contains(h.body.s, F_UITVOERING));
	http_release(&h);

	ck_assert_int_eq(get(&h, "/amendments", tok), 200);
	ck_assert(t_contains(h.body.s, "<h1>Te wijzigen bepalingen</h1>"));
	ck_assert(t_contains(h.body.s, "art. 3.2 lid 1 Jeugdwet"));
	/* The download links come from the format table. */
	ck_assert(t_contains(h.body.s, "<a href=\"/amendments.csv\">CSV</a>"));
	ck_assert(t_contains(h.body.s,
	                     "<a href=\"/amendments.xlsx\">Excel (XLSX)</a>"));
	ck_assert(t_contains(
	    h.body.s, "<a href=\"/amendments.odt\">OpenDocument (ODT)</a>"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/amendments.csv", tok), 200);
	ck_assert(t_contains(h.head.s, "Content-Type: text/csv"));
	ck_assert(t_contains(h.head.s, "filename=\"wijzigingen.csv\""));
	ck_assert(t_contains(h.body.s, "BWBR0034925"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/amendments.json", tok), 200);
	ck_assert(t_contains(h.head.s, "Content-Type: application/json"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/amendments.xlsx", tok), 200);
	ck_assert(t_contains(h.head.s, "spreadsheetml"));
	ck_assert(h.body.len > 1000 && memcmp(h.body.s, "PK", 2) == 0);
	ck_assert(t_contains(h.head.s, "filename=\"wijzigingen.xlsx\""));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/amendments.odt", tok), 200);
	ck_assert(t_contains(h.head.s,
	                     "Content-Type: "
	                     "application/vnd.oasis.opendocument.text"));
	ck_assert(h.body.len > 1000 &&
	          memcmp(h.body.s + 30, "mimetypeapplication/vnd.oasis", 29) ==
	              0);
	ck_assert(t_contains(h.head.s, "filename=\"wijzigingen.odt\""));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/amendments.docx", tok), 200);
	ck_assert(t_contains(h.head.s, "wordprocessingml.document"));
	ck_assert(h.body.len > 1000 && memcmp(h.body.s, "PK", 2) == 0);
	http_release(&h);
	/* Formats the workspace does not offer are not there. */
	ck_assert_int_eq(get(&h, "/amendments.md", tok), 404);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/amendments.html", tok), 404);
	http_release(&h);

	ck_assert_int_eq(get(&h, "/wet", tok), 200);
	ck_assert(t_contains(h.body.s, "<label for=\"q\">"));
	ck_assert(t_contains(h.body.s, "BWBR0034925"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=gecertificeerde+instelling", tok),
	                 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/wet/BWBR0034925/"));
	ck_assert(t_contains(h.body.s, "treffer"));
	http_release(&h);
	/* A law's table of contents: divisions, each article a link. */
	ck_assert_int_eq(get(&h, "/wet/BWBR0034925?date=2026-01-01", tok), 200);
	ck_assert(t_contains(h.body.s, "<h1>Jeugdwet</h1>"));
	ck_assert(t_contains(h.body.s, "<h3>Hoofdstuk 2</h3>"));
	ck_assert(t_contains(h.body.s, "<a href=\"/wet/BWBR0034925/3.2?date="
	                               "2026-01-01\">Artikel 3.2</a>"));
	ck_assert(t_contains(h.body.s, "2026-01-01"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet/BWBR9999999", tok), 404);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet/BWBR0034925?date=morgen", tok), 400);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet/BWBR0034925?date=1900-01-01", tok), 404);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet", tok), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/wet/BWBR0034925\">"));
	http_release(&h);
	/* The findings that quote an article link from its page. */
	ck_assert_int_eq(get(&h, "/wet/BWBR0034925/3.2", tok), 200);
	ck_assert(t_contains(h.body.s, "Bevindingen die dit artikel noemen"));
	ck_assert(t_contains(h.body.s,
	                     "<a href=\"/findings/" F_UITVOERING_ENC "\">"));
	http_release(&h);
	/* A provision's versions, and the word diff between two dates. */
	ck_assert_int_eq(get(&h, "/wet/BWBR0034925/2.11?lid=1", tok), 200);
	ck_assert(t_contains(h.body.s, "<h2>Versies</h2>"));
	ck_assert(!t_contains(h.body.s, "Bevindingen die dit artikel noemen"));
	ck_assert(t_contains(h.body.s,
	                     "<a href=\"/wet/BWBR0034925/2.11?date="
	                     "2015-01-01&amp;lid=1\">geldend vanaf "
	                     "<time datetime=\"2015-01-01\">1 januari "
	                     "2015</time></a>"));
	ck_assert(t_contains(h.body.s, "?lid=1&amp;van=2015-01-01&amp;tot="
	                               "2026-01-01\">Verschil tussen"));
	http_release(&h);
	ck_assert_int_eq(get(&h,
	                     "/wet/BWBR0034925/2.11?lid=1&van=2015-01-01"
	                     "&tot=2026-01-01",
	                     tok),
	                 200);
	ck_assert(t_contains(h.body.s, "<h2>Verschil</h2>"));
	ck_assert(t_contains(h.body.s, "15 woorden weg, 1 erbij"));
	ck_assert(t_contains(h.body.s, "<del>wet, behoudens de vaststelling"));
	ck_assert(t_contains(h.body.s, "<ins>wet</ins>"));
	http_release(&h);
	ck_assert_int_eq(
	    get(&h, "/wet/BWBR0034925/2.11?lid=1&van=2015-01-01", tok), 400);
	ck_assert(t_contains(h.body.s, "twee datums"));
	http_release(&h);
	ck_assert_int_eq(get(&h,
	                     "/wet/BWBR0034925/2.11?van=gisteren"
	                     "&tot=2026-01-01",
	                     tok),
	                 400);
	http_release(&h);
	ck_assert_int_eq(get(&h,
	                     "/wet/BWBR0034925/2.11?van=1900-01-01"
	                     "&tot=2026-01-01",
	                     tok),
	                 404);
	http_release(&h);
	ck_assert_int_eq(
	    get(&h, "/wet/BWBR0034925/3.2?date=2026-01-01&lid=1", tok), 200);
	ck_assert(t_contains(h.body.s, "<h1>art. 3.2 lid 1 Jeugdwet</h1>"));
	ck_assert(t_contains(h.body.s, "gecertificeerde instelling"));
	ck_assert(t_contains(h.body.s, "jci1.3:c:BWBR0034925&amp;artikel=3.2"
	                               "&amp;lid=1"));
	http_release(&h);
	free(tok);
}
END_TEST

START_TEST(test_serve_api)
{
	struct http h;
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct ruleset *rs;
	struct design *d;
	struct check_result *r;
	struct pt_buf want = PT_BUF_INIT;
	char *tok = login("bob", "geheim-2"), *xml, today[16];
	size_t len;
	time_t now = time(NULL);
	struct tm tm;

	ck_assert_int_eq(get(&h, "/api/proeftuinen", tok), 200);
	ck_assert(t_contains(h.head.s, "Content-Type: application/json"));
	ck_assert(t_contains(h.body.s, "\"id\": \"noord\""));
	ck_assert(t_contains(h.body.s, "\"barriers\""));
	http_release(&h);

	/* Exactly the JSON report of the latest saved design. */
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	ck_assert_int_eq(rules_load_dir(rules, &rs, &e), PT_OK);
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(saved_latest_design(st, "noord", &xml, &len, &e),
	                 PT_OK);
	ck_assert_int_eq(design_load_memory(xml, len, "noord", today, &d, &e),
	                 PT_OK);
	ck_assert_int_eq(check_run(d, rs, st, &r, &e), PT_OK);
	ck_assert_int_eq(saved_review_apply(st, r, &e), PT_OK);
	t_report(&want, "json", &r, 1);
	ck_assert_int_eq(get(&h, "/api/proeftuinen/noord", tok), 200);
	ck_assert_str_eq(h.body.s, want.s);
	ck_assert(t_contains(h.body.s, "\"findings\""));
	http_release(&h);
	pt_buf_release(&want);
	check_result_free(r);
	design_free(d);
	free(xml);
	store_close(st);
	rules_free(rs);

	ck_assert_int_eq(get(&h, "/api/amendments", tok), 200);
	ck_assert(t_contains(h.body.s, "BWBR0034925"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/api/proeftuinen/zuid", tok), 404);
	ck_assert(t_contains(h.body.s, "\"error\""));
	http_release(&h);
	free(tok);
}
END_TEST

START_TEST(test_serve_review_write)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *bob = login("bob", "geheim-2");
	char *csrf, *bcsrf, *body;
	const char *path = "/findings/" F_UITVOERING_ENC "/review";
	long long n0 = log_rows();

	ck_assert_ptr_nonnull(anna);
	ck_assert_ptr_nonnull(bob);
	csrf = csrf_of("/findings/" F_UITVOERING_ENC, anna);
	bcsrf = csrf_of("/", bob);

	/* Not signed in: 401, nothing written. */
	body = xasprintf("csrf=%s&status=confirmed", csrf);
	ck_assert_int_eq(post(&h, path, NULL, body), 401);
	http_release(&h);
	free(body);
	/* Without and with a forged CSRF token: 403. */
	ck_assert_int_eq(post(&h, path, anna, "status=confirmed"), 403);
	http_release(&h);
	ck_assert_int_eq(post(&h, path, anna,
	                      "status=confirmed&csrf="
	                      "0000000000000000000000000000000000000000000000"
	                      "000000000000000000"),
	                 403);
	http_release(&h);
	/* Another session's token does not do either. */
	body = xasprintf("csrf=%s&status=confirmed", bcsrf);
	ck_assert_int_eq(post(&h, path, anna, body), 403);
	http_release(&h);
	free(body);
	/* A reader with a valid token: 403. */
	body = xasprintf("csrf=%s&status=confirmed", bcsrf);
	ck_assert_int_eq(post(&h, path, bob, body), 403);
	http_release(&h);
	free(body);
	ck_assert_int_eq(log_rows(), n0);

	/* A rejection without a note is refused. */
	body = xasprintf("csrf=%s&status=rejected&note=+", csrf);
	ck_assert_int_eq(post(&h, path, anna, body), 400);
	ck_assert(t_contains(h.body.s, "toelichting verplicht"));
	http_release(&h);
	free(body);
	body = xasprintf("csrf=%s&status=maybe", csrf);
	ck_assert_int_eq(post(&h, path, anna, body), 400);
	http_release(&h);
	free(body);
	{
		/* The server enforces the note's limit, not only the form. */
		struct pt_buf b = PT_BUF_INIT;
		int i;

		pt_buf_addf(&b, "csrf=%s&status=confirmed&note=", csrf);
		for (i = 0; i <= REVIEW_NOTE_MAX; i++)
			pt_buf_adds(&b, "x");
		ck_assert_int_eq(post(&h, path, anna, b.s), 400);
		ck_assert(t_contains(h.body.s, "langer dan 8000 tekens"));
		http_release(&h);
		pt_buf_release(&b);
	}
	ck_assert_int_eq(log_rows(), n0);

	/* The decision is logged under the signed-in user, whatever the
	 * form says. */
	body = xasprintf("csrf=%s&status=needs-amendment&by=mallory&"
	                 "reviewer=mallory&note=Wet+moet+om",
	                 csrf);
	ck_assert_int_eq(post(&h, path, anna, body), 303);
	ck_assert(t_contains(h.head.s, "Location: /findings/" F_UITVOERING_ENC
	                               "?opgeslagen=1\r\n"));
	http_release(&h);
	free(body);
	ck_assert_int_eq(log_rows(), n0 + 1);
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM review_log WHERE "
	                 "reviewer = 'anna' AND new_status = 'needs-amendment' "
	                 "AND old_status = 'open' AND note = 'Wet moet om' AND "
	                 "finding_id = '" F_UITVOERING "'"),
	    1);
	ck_assert_int_eq(get(&h, "/findings/" F_UITVOERING_ENC, anna), 200);
	ck_assert(t_contains(h.body.s, "<td>anna</td>"));
	ck_assert(t_contains(h.body.s, "wetswijziging nodig"));
	http_release(&h);
	/* Unknown finding. */
	body = xasprintf("csrf=%s&status=confirmed", csrf);
	ck_assert_int_eq(post(&h, "/findings/noord%2Fnope/review", anna, body),
	                 404);
	http_release(&h);
	free(body);
	ck_assert_int_eq(log_rows(), n0 + 1);
	free(csrf);
	free(bcsrf);
	free(anna);
	free(bob);
}
END_TEST

/* A decision sent while another writer holds the registry: 503 with
 * Retry-After, nothing recorded; the same form succeeds afterwards. */
START_TEST(test_serve_review_busy)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *csrf, *body;
	const char *path = "/findings/" F_UITVOERING_ENC "/review";
	long long n0 = log_rows();
	sqlite3 *lock;

	ck_assert_ptr_nonnull(anna);
	csrf = csrf_of("/findings/" F_UITVOERING_ENC, anna);
	body = xasprintf("csrf=%s&status=confirmed", csrf);
	ck_assert_int_eq(sqlite3_open(db, &lock), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(post(&h, path, anna, body), 503);
	ck_assert(t_contains(h.head.s, "Retry-After: 2"));
	ck_assert(t_contains(h.body.s, "niets vastgelegd"));
	http_release(&h);
	ck_assert_int_eq(sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(lock);
	ck_assert_int_eq(log_rows(), n0);
	ck_assert_int_eq(post(&h, path, anna, body), 303);
	http_release(&h);
	ck_assert_int_eq(log_rows(), n0 + 1);
	free(body);
	free(csrf);
	free(anna);
}
END_TEST

static long long
versions_of(const char *id)
{
	char *q = xasprintf("SELECT count(*) FROM proeftuin_version WHERE "
	                    "proeftuin_id = '%s'",
	                    id);
	long long n = t_db_int(db, q);

	free(q);
	return n;
}

/* The section "Juridische ruimte" and its save button: only a reviewer
 * with the session's token saves, once per design. */
START_TEST(test_serve_ruimte)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *bob = login("bob", "geheim-2");
	char *csrf, *bcsrf, *body;
	const char *path = "/proeftuinen/noord/ruimte/opslaan", *c;
	long long all0 = t_db_int(db, "SELECT count(*) FROM proeftuin_version");

	ck_assert_ptr_nonnull(anna);
	ck_assert_ptr_nonnull(bob);
	/* A reader sees the three parts and the ladder, and no button. */
	ck_assert_int_eq(get(&h, "/proeftuinen/noord", bob), 200);
	ck_assert(t_contains(h.body.s, "<h2>Juridische ruimte</h2>"));
	ck_assert(t_contains(h.body.s, "<h3>1. Wat nu kan, binnen de huidige "
	                               "wet</h3>"));
	ck_assert(
	    t_contains(h.body.s, "<h3>2. Wat een AMvB kan toestaan</h3>"));
	ck_assert(
	    t_contains(h.body.s, "<h3>3. Wat de wetgever moet doen</h3>"));
	ck_assert(t_contains(h.body.s, "<h3>4. De ladder: van de variant naar "
	                               "het volledige ontwerp</h3>"));
	ck_assert(
	    t_contains(h.body.s, "<td>certificaat</td><td>rvt-noord</td>"));
	ck_assert(t_contains(h.body.s, "Grondslag: art. 12.1 lid 1 Jeugdwet"));
	ck_assert(t_contains(h.body.s, "<strong>0 belemmeringen</strong> die "
	                               "geen afspraak opheft"));
	ck_assert(t_contains(h.body.s, "<a href=\"/findings/" F_UITVOERING_ENC
	                               "\"><code>" F_UITVOERING "</code></a>"));
	ck_assert(t_contains(h.body.s, "Nog niet opgeslagen als proeftuin "
	                               "<code>noord-nu</code>"));
	ck_assert(!t_contains(h.body.s, "/ruimte/opslaan"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord", anna), 200);
	ck_assert(t_contains(h.body.s, "action=\"/proeftuinen/noord/ruimte/"
	                               "opslaan\""));
	ck_assert(t_contains(h.body.s, "Variant opslaan als proeftuin "
	                               "noord-nu</button>"));
	http_release(&h);
	csrf = csrf_of("/proeftuinen/noord", anna);
	bcsrf = csrf_of("/", bob);

	/* Not signed in, no token, a forged one, another session's, a
	 * reader's own: nothing is stored. */
	body = xasprintf("csrf=%s", csrf);
	ck_assert_int_eq(post(&h, path, NULL, body), 401);
	http_release(&h);
	ck_assert_int_eq(post(&h, path, anna, ""), 403);
	http_release(&h);
	ck_assert_int_eq(post(&h, path, anna,
	                      "csrf=00000000000000000000000000000000000000000"
	                      "000000000000000000000"),
	                 403);
	ck_assert(t_contains(h.body.s, "niets opgeslagen"));
	http_release(&h);
	free(body);
	body = xasprintf("csrf=%s", bcsrf);
	ck_assert_int_eq(post(&h, path, anna, body), 403);
	http_release(&h);
	ck_assert_int_eq(post(&h, path, bob, body), 403);
	ck_assert(t_contains(h.body.s, "Alleen een beoordelaar"));
	http_release(&h);
	free(body);
	/* A foreign Origin with a good token. */
	body = xasprintf("csrf=%s", csrf);
	req_header = "Origin: http://evil.example";
	ck_assert_int_eq(post(&h, path, anna, body), 403);
	req_header = NULL;
	http_release(&h);
	/* Only POST saves; an unknown proeftuin is a 404. */
	ck_assert_int_eq(get(&h, path, anna), 405);
	ck_assert(t_contains(h.head.s, "Allow: POST"));
	http_release(&h);
	ck_assert_int_eq(
	    post(&h, "/proeftuinen/zuid/ruimte/opslaan", anna, body), 404);
	http_release(&h);
	ck_assert_int_eq(t_db_int(db, "SELECT count(*) FROM proeftuin_version"),
	                 all0);

	/* The reviewer saves: a new proeftuin noord-nu, version 1, without
	 * barriers, and the browser goes to its page. */
	ck_assert_int_eq(post(&h, path, anna, body), 303);
	ck_assert(t_contains(h.head.s, "Location: /proeftuinen/noord-nu\r\n"));
	http_release(&h);
	ck_assert_int_eq(versions_of("noord-nu"), 1);
	ck_assert_int_eq(t_db_int(db, "SELECT barriers FROM proeftuin_version "
	                              "WHERE proeftuin_id = 'noord-nu'"),
	                 0);
	ck_assert_int_eq(get(&h, "/api/proeftuinen", anna), 200);
	c = strstr(h.body.s, "\"id\": \"noord-nu\"");
	ck_assert_ptr_nonnull(c);
	c = strstr(c, "\"barriers\": ");
	ck_assert_ptr_nonnull(c);
	ck_assert(strncmp(c, "\"barriers\": 0,", 14) == 0);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord-nu", anna), 200);
	ck_assert(t_contains(h.body.s, "(binnen de huidige wet)"));
	ck_assert(t_contains(h.body.s, "<th scope=\"row\">Belemmeringen</th>"
	                               "<td>0</td>"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord", bob), 200);
	ck_assert(t_contains(h.body.s, "Opgeslagen als proeftuin <a "
	                               "href=\"/proeftuinen/noord-nu\">"));
	http_release(&h);

	/* Again: the same design, so no second version, and it says so. */
	ck_assert_int_eq(post(&h, path, anna, body), 200);
	ck_assert(t_contains(h.body.s, "geen nieuwe versie opgeslagen"));
	ck_assert(t_contains(h.body.s, "role=\"alert\""));
	http_release(&h);
	ck_assert_int_eq(versions_of("noord-nu"), 1);
	ck_assert_int_eq(versions_of("noord"), 1);
	free(body);
	free(csrf);
	free(bcsrf);
	free(anna);
	free(bob);
}
END_TEST

/* The design as a download: the stored bytes, which the design reader
 * reads as the stored design and `proeftuin add` takes back unchanged. */
START_TEST(test_serve_design_xml)
{
	struct http h;
	char *bob = login("bob", "geheim-2"), *xml, *path, *out = NULL;
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	struct design *got, *want;
	size_t len, i;

	ck_assert_ptr_nonnull(bob);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord/ontwerp.xml", NULL), 401);
	http_release(&h);
	/* A reader may fetch it. */
	ck_assert_int_eq(get(&h, "/proeftuinen/noord/ontwerp.xml", bob), 200);
	ck_assert(t_contains(h.head.s, "Content-Type: application/xml\r\n"));
	ck_assert(t_contains(h.head.s, "Content-Disposition: attachment; "
	                               "filename=\"noord.xml\"\r\n"));
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(saved_latest_design(st, "noord", &xml, &len, &e),
	                 PT_OK);
	store_close(st);
	ck_assert_uint_eq(h.body.len, len);
	ck_assert(memcmp(h.body.s, xml, len) == 0);
	ck_assert_int_eq(design_load_memory(h.body.s, h.body.len, "download",
	                                    "2026-01-01", &got, &e),
	                 PT_OK);
	ck_assert_int_eq(
	    design_load_memory(xml, len, "stored", "2026-01-01", &want, &e),
	    PT_OK);
	ck_assert_str_eq(got->id, want->id);
	ck_assert_str_eq(got->peildatum, want->peildatum);
	ck_assert_uint_eq(got->nactors, want->nactors);
	ck_assert_uint_eq(got->ntaken, want->ntaken);
	ck_assert_uint_eq(got->ndelingen, want->ndelingen);
	for (i = 0; i < got->nactors; i++) {
		ck_assert_str_eq(got->actors[i].id, want->actors[i].id);
		ck_assert_str_eq(got->actors[i].rol, want->actors[i].rol);
	}
	for (i = 0; i < got->ntaken; i++) {
		ck_assert_str_eq(got->taken[i].id, want->taken[i].id);
		ck_assert_uint_eq(got->taken[i].actor, want->taken[i].actor);
	}
	design_free(got);
	design_free(want);
	/* Back through the command line: the same design, no new version. */
	path = t_write(dir, "noord-download.xml", h.body.s, h.body.len);
	http_release(&h);
	ck_assert_int_eq(t_cli(&out, NULL, "--db", db, "proeftuin", "add", "-q",
	                       "--rules", rules, path, NULL),
	                 PT_OK);
	ck_assert_int_eq(versions_of("noord"), 1);
	free(out);
	free(path);
	free(xml);
	/* Unknown, and only GET. */
	ck_assert_int_eq(get(&h, "/proeftuinen/zuid/ontwerp.xml", bob), 404);
	ck_assert(t_contains(h.head.s, "Content-Type: text/html"));
	ck_assert(t_contains(h.body.s, "niet opgeslagen"));
	http_release(&h);
	ck_assert_int_eq(post(&h, "/proeftuinen/noord/ontwerp.xml", bob, ""),
	                 405);
	http_release(&h);
	free(bob);
}
END_TEST

/* A design with markup, quotes and ampersands in every text it can
 * carry: gemeenten, names, omschrijving, a bepaling's artikel and lid. */
static const char nasty_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<proeftuin id=\"zuidwest\" peildatum=\"2026-07-01\">\n"
    "<naam>Zuid &lt;script&gt;alert(1)&lt;/script&gt;</naam>\n"
    "<omschrijving>\"Samen\" &amp; 'veilig'</omschrijving>\n"
    "<gemeenten><gemeente>Goes &lt;b&gt;</gemeente>"
    "<gemeente>Sluis &amp; \"Hulst\"</gemeente></gemeenten>\n"
    "<actoren>\n"
    "<actor id=\"team\" rol=\"wijkteam\" gecertificeerd=\"ja\" "
    "aangewezen-als=\"jeugdhulpaanbieder veilig-thuis\" "
    "doelgroep=\"alle-leeftijden\">"
    "<naam>Team \"&lt;script&gt;\" &amp; co</naam></actor>\n"
    "<actor id=\"gi\" rol=\"gecertificeerde-instelling\">"
    "<naam>GI &lt;img src=x onerror=y&gt;</naam></actor>\n"
    "</actoren>\n"
    "<taken><taak id=\"jeugdhulp\" actor=\"team\"/>"
    "<taak id=\"uitvoering-ots\" actor=\"gi\"/>"
    "<taak id=\"jeugdhulp\" actor=\"gi\"/></taken>\n"
    "<gegevensdeling>\n"
    "<deling van=\"team\" naar=\"gi\" gegevens=\"jeugdhulp melding\" "
    "grondslag=\"wettelijk\"><bepaling bwb=\"BWBR0034925\" "
    "artikel=\"7.3.11&lt;script&gt;\" lid=\"4&amp;&quot;\"/></deling>\n"
    "<dossier actoren=\"team gi\"/>\n"
    "</gegevensdeling>\n"
    "</proeftuin>\n";

/* Save nasty_xml (or another design) as a proeftuin through the command
 * line. */
static void
add_design(const char *name, const char *xml)
{
	char *path = t_write(dir, name, xml, strlen(xml)), *out = NULL;

	ck_assert_int_ne(t_cli(&out, NULL, "--db", db, "proeftuin", "add", "-q",
	                       "--rules", rules, path, NULL),
	                 PT_EUSAGE);
	free(out);
	free(path);
}

/* The body contains the escaped form of s. */
static int
has_escaped(const char *body, const char *pre, const char *s, const char *post)
{
	struct pt_buf b = PT_BUF_INIT;
	int r;

	pt_buf_adds(&b, pre);
	html_esc(&b, s);
	pt_buf_adds(&b, post);
	r = t_contains(body, b.s);
	pt_buf_release(&b);
	return r;
}

/* The section "Ontwerp": gemeenten, peildatum, actors, the task matrix
 * with the holder the law names today, the flows; everything escaped. */
START_TEST(test_serve_design_view)
{
	struct http h;
	char *bob = login("bob", "geheim-2");

	ck_assert_ptr_nonnull(bob);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord", bob), 200);
	ck_assert(t_contains(h.body.s, "<h2>Ontwerp</h2>"));
	ck_assert(t_contains(h.body.s, "<a href=\"/proeftuinen/noord/"
	                               "ontwerp.xml\">"));
	ck_assert(t_contains(h.body.s, "<th scope=\"row\">Gemeenten</th>"
	                               "<td>Groningen, Het Hogeland</td>"));
	ck_assert(t_contains(h.body.s,
	                     "<th scope=\"row\">Peildatum</th>"
	                     "<td><time datetime=\"2026-07-01\">1 juli "
	                     "2026</time></td>"));
	ck_assert(t_contains(h.body.s,
	                     "<td>Regionaal veiligheidsteam Noord (rvt-noord)"
	                     "</td><td>regionaal veiligheidsteam <code>"
	                     "regionaal-veiligheidsteam</code></td><td>nee"
	                     "</td><td>-</td><td>jeugd</td>"));
	/* uitvoering-ots: the team does it, the law gives it to the GI */
	ck_assert(has_escaped(h.body.s,
	                      "<code>uitvoering-ots</code></th>"
	                      "<td class=\"ja\">\xe2\x9c\x93 ja</td>"
	                      "<td></td><td>",
	                      vocab_task("uitvoering-ots")->holder,
	                      "</td></tr>"));
	ck_assert(t_contains(h.body.s,
	                     "<td>Wijkteam Centrum (wt-centrum)</td><td>"
	                     "Regionaal veiligheidsteam Noord (rvt-noord)</td>"
	                     "<td>jeugdhulp</td><td>geen</td><td>-</td>"));
	ck_assert(t_contains(h.body.s, "<li>Regionaal veiligheidsteam Noord "
	                               "(rvt-noord), Wijkteam Centrum "
	                               "(wt-centrum)</li>"));
	/* the legend of the jargon */
	ck_assert(t_contains(h.body.s, "<dt>Laagste niveau</dt>"));
	/* the picture, inline, its marks linked to their findings */
	ck_assert(t_contains(h.body.s, "<h3>Afbeelding</h3>"));
	ck_assert(t_contains(h.body.s, "<figure class=\"afbeelding\"><svg "));
	ck_assert(!t_contains(h.body.s, "<!DOCTYPE svg"));
	ck_assert(t_contains(h.body.s, "xlink:href=\"/findings/noord%2Fjw-"
	                               "7.3.11-gegevensdeling%2Fwt-centrum%3E"
	                               "rvt-noord\""));
	http_release(&h);

	add_design("zuidwest.xml", nasty_xml);
	ck_assert_int_eq(versions_of("zuidwest"), 1);
	ck_assert_int_eq(get(&h, "/proeftuinen/zuidwest", bob), 200);
	ck_assert(!t_contains(h.body.s, "<script"));
	ck_assert(!t_contains(h.body.s, "<img"));
	ck_assert(!t_contains(h.body.s, "<b>"));
	ck_assert(!t_contains(h.body.s, "\"Hulst\""));
	ck_assert(t_contains(h.body.s, "<h1>Zuid &lt;script&gt;alert(1)&lt;/"
	                               "script&gt;</h1>"));
	ck_assert(t_contains(h.body.s, "<td>Goes &lt;b&gt;, Sluis &amp; "
	                               "&quot;Hulst&quot;</td>"));
	ck_assert(t_contains(h.body.s,
	                     "<td>Team &quot;&lt;script&gt;&quot; &amp; co "
	                     "(team)</td><td>lokaal team / wijkteam namens het "
	                     "college <code>wijkteam</code></td><td>ja</td>"
	                     "<td>veilig-thuis, jeugdhulpaanbieder</td>"
	                     "<td>alle leeftijden</td>"));
	ck_assert(t_contains(h.body.s,
	                     "<th scope=\"col\">GI &lt;img src=x "
	                     "onerror=y&gt;<br><code>gi</code></th>"));
	/* jeugdhulp: both do it */
	ck_assert(has_escaped(h.body.s,
	                      "<code>jeugdhulp</code></th>"
	                      "<td class=\"ja\">\xe2\x9c\x93 ja</td>"
	                      "<td class=\"ja\">\xe2\x9c\x93 ja</td>"
	                      "<td>",
	                      vocab_task("jeugdhulp")->holder, "</td></tr>"));
	ck_assert(t_contains(h.body.s, "<td>jeugdhulp, melding</td><td>"
	                               "wettelijk</td><td><code>BWBR0034925"
	                               "</code> art. 7.3.11&lt;script&gt; lid "
	                               "4&amp;&quot;</td>"));
	http_release(&h);
	free(bob);
}
END_TEST

/* Run SQL on the test registry (entries with chosen times, the times of
 * saved versions). */
static void
db_exec(const char *sql)
{
	sqlite3 *h;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, &msg) == SQLITE_OK,
	              "%s: %s", sql, msg ? msg : "?");
	sqlite3_close(h);
}

/* The first finding id that version a of zuidwest has and b has not
 * (caller frees), or NULL. */
static char *
only_in(int a, int b)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	char *v = NULL;

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_prepare_v2(
	        h,
	        "SELECT f.finding_id FROM finding_snapshot f JOIN "
	        "proeftuin_version v ON v.id = f.version_id WHERE "
	        "v.proeftuin_id = 'zuidwest' AND v.seq = ?1 AND f.finding_id "
	        "NOT IN (SELECT g.finding_id FROM finding_snapshot g JOIN "
	        "proeftuin_version w ON w.id = g.version_id WHERE "
	        "w.proeftuin_id = 'zuidwest' AND w.seq = ?2) ORDER BY f.seq",
	        -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int(st, 1, a);
	sqlite3_bind_int(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* nasty_xml with s replaced by r (once; s must occur). */
static char *
replaced(const char *in, const char *s, const char *r)
{
	const char *at = strstr(in, s);

	ck_assert_ptr_nonnull(at);
	return xasprintf("%.*s%s%s", (int)(at - in), in, r, at + strlen(s));
}

/* Version 2 of zuidwest: an actor renamed, one certified no more, one
 * added; a task gone, two new; a bepaling changed, a flow added, the
 * integral file given up. */
static char *
nasty_v2(void)
{
	static const char *const edits[][2] = {
	    {"GI &lt;img src=x onerror=y&gt;", "GI &amp; \"Zorg\""},
	    {"gecertificeerd=\"ja\"", "gecertificeerd=\"nee\""},
	    {"</actoren>", "<actor id=\"vt\" rol=\"veilig-thuis\"><naam>VT "
	                   "&lt;i&gt;</naam></actor></actoren>"},
	    {"<taak id=\"jeugdhulp\" actor=\"gi\"/>",
	     "<taak id=\"meldpunt\" actor=\"vt\"/>"
	     "<taak id=\"raadsonderzoek\" actor=\"team\"/>"},
	    {"lid=\"4&amp;&quot;\"", "lid=\"5\""},
	    {"<dossier actoren=\"team gi\"/>",
	     "<deling van=\"vt\" naar=\"team\" gegevens=\"melding\" "
	     "grondslag=\"toestemming\"/>"},
	};
	char *x = xstrdup(nasty_xml), *y;
	size_t i;

	for (i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		y = replaced(x, edits[i][0], edits[i][1]);
		free(x);
		x = y;
	}
	return x;
}

/* The versions page: number, Dutch time (Europe/Amsterdam, both sides of
 * both changes of summer time), source, findings. */
START_TEST(test_serve_versions)
{
	struct http h;
	char *bob = login("bob", "geheim-2"), *v2 = nasty_v2();

	ck_assert_ptr_nonnull(bob);
	/* zuidwest is version 1 (test_serve_design_view); 2 and again 1 */
	if (versions_of("zuidwest") == 0)
		add_design("zuidwest.xml", nasty_xml);
	add_design("zuidwest-2.xml", v2);
	add_design("zuidwest.xml", nasty_xml);
	ck_assert_int_eq(versions_of("zuidwest"), 3);
	db_exec("UPDATE proeftuin_version SET saved_at = CASE seq"
	        " WHEN 1 THEN '2026-03-29T01:00:00Z'"
	        " WHEN 2 THEN '2026-10-25T00:59:59Z'"
	        " ELSE '2027-01-01T00:30:00Z' END"
	        " WHERE proeftuin_id = 'zuidwest';"
	        "UPDATE proeftuin_version SET saved_at = '2026-03-29T00:59:00Z'"
	        " WHERE proeftuin_id = 'noord'");
	ck_assert_int_eq(get(&h, "/proeftuinen/zuidwest/versies", bob), 200);
	ck_assert(t_contains(h.body.s, "<tr><td>1</td><td><time datetime=\""
	                               "2026-03-29T01:00:00Z\">29 maart 2026 "
	                               "03:00</time></td><td><code>"));
	ck_assert(t_contains(h.body.s, "<tr><td>2</td><td><time datetime=\""
	                               "2026-10-25T00:59:59Z\">25 oktober 2026 "
	                               "02:59</time></td><td><code>"));
	ck_assert(t_contains(h.body.s, "<tr><td>3</td><td><time datetime=\""
	                               "2027-01-01T00:30:00Z\">1 januari 2027 "
	                               "01:30</time></td><td><code>"));
	ck_assert(t_contains(h.body.s, "/zuidwest-2.xml</code></td>"));
	ck_assert(t_contains(h.body.s, "<td>Zuid &lt;script&gt;alert(1)&lt;/"
	                               "script&gt;</td>"));
	ck_assert(!t_contains(h.body.s, "<script"));
	ck_assert(t_contains(h.body.s, "<a href=\"/proeftuinen/zuidwest/"
	                               "vergelijk?van=2&amp;naar=3\">"));
	ck_assert(t_contains(h.body.s, "action=\"/proeftuinen/zuidwest/"
	                               "vergelijk\""));
	http_release(&h);
	/* The list of proeftuinen gives the time in Dutch too. */
	ck_assert_int_eq(get(&h, "/", bob), 200);
	ck_assert(t_contains(h.body.s,
	                     "<td><time datetime=\"2026-03-29T00:59:"
	                     "00Z\">29 maart 2026 01:59</time></td>"));
	ck_assert(!t_contains(h.body.s, "(UTC)"));
	http_release(&h);
	/* The number of findings of each version, as saved. */
	ck_assert_int_eq(get(&h, "/proeftuinen/noord/versies", bob), 200);
	ck_assert(t_contains(h.body.s, "<tr><td>1</td><td><time datetime=\""
	                               "2026-03-29T00:59:00Z\">29 maart 2026 "
	                               "01:59</time></td>"));
	{
		char *want = xasprintf(
		    "<td>%lld (%lld belemmeringen, ",
		    t_db_int(db, "SELECT count(*) FROM finding_snapshot f JOIN "
		                 "proeftuin_version v ON v.id = f.version_id "
		                 "WHERE v.proeftuin_id = 'noord'"),
		    t_db_int(db, "SELECT barriers FROM proeftuin_version WHERE "
		                 "proeftuin_id = 'noord'"));

		ck_assert_msg(t_contains(h.body.s, want), "%s", want);
		free(want);
	}
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/zuid/versies", bob), 404);
	http_release(&h);
	ck_assert_int_eq(post(&h, "/proeftuinen/noord/versies", bob, ""), 405);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord/versies", NULL), 401);
	http_release(&h);
	free(v2);
	free(bob);
}
END_TEST

/* What changed from one version to another: the design, escaped, and
 * the findings that came and went; bad and unknown versions. */
START_TEST(test_serve_compare)
{
	struct http h;
	char *bob = login("bob", "geheim-2"), *gone, *came, *c, *want;
	const char *p = "/proeftuinen/zuidwest/vergelijk";

	ck_assert_ptr_nonnull(bob);
	ck_assert_int_eq(versions_of("zuidwest"), 3);
	ck_assert_int_eq(
	    get(&h, "/proeftuinen/zuidwest/vergelijk?van=1&naar=2", bob), 200);
	ck_assert(!t_contains(h.body.s, "<script"));
	ck_assert(!t_contains(h.body.s, "<img"));
	ck_assert(!t_contains(h.body.s, "<i>"));
	ck_assert(t_contains(h.body.s,
	                     "<tr><td>actor</td><td>GI &lt;img src=x "
	                     "onerror=y&gt; (gi)</td><td>naam: GI &lt;img "
	                     "src=x onerror=y&gt; \xe2\x86\x92 GI &amp; "
	                     "&quot;Zorg&quot;</td></tr>"));
	ck_assert(t_contains(h.body.s, "(team)</td><td>gecertificeerd: ja "
	                               "\xe2\x86\x92 nee</td></tr>"));
	ck_assert(t_contains(h.body.s, "<tr><td>actor</td><td>VT &lt;i&gt; "
	                               "(vt)</td><td>toegevoegd (veilig-thuis)"
	                               "</td></tr>"));
	ck_assert(t_contains(h.body.s, "<tr><td>taak</td><td>jeugdhulp: gi"
	                               "</td><td>vervallen</td></tr>"));
	ck_assert(t_contains(h.body.s, "<tr><td>taak</td><td>meldpunt: vt"
	                               "</td><td>toegevoegd</td></tr>"));
	ck_assert(t_contains(h.body.s, "<tr><td>taak</td><td>raadsonderzoek: "
	                               "team</td><td>toegevoegd</td></tr>"));
	ck_assert(!t_contains(h.body.s, "<td>jeugdhulp: team</td>"));
	ck_assert(t_contains(
	    h.body.s, "<tr><td>gegevensdeling</td><td>team \xe2\x86\x92 gi"
	              "</td><td>gegevens jeugdhulp, melding, grondslag "
	              "wettelijk, BWBR0034925 art. 7.3.11&lt;script&gt; lid "
	              "4&amp;&quot; \xe2\x86\x92 gegevens jeugdhulp, melding, "
	              "grondslag wettelijk, BWBR0034925 art. "
	              "7.3.11&lt;script&gt; lid 5</td></tr>"));
	ck_assert(t_contains(h.body.s, "<tr><td>gegevensdeling</td><td>vt "
	                               "\xe2\x86\x92 team</td><td>toegevoegd: "
	                               "gegevens melding, grondslag "
	                               "toestemming</td></tr>"));
	ck_assert(t_contains(h.body.s, "<tr><td>integraal dossier</td><td>gi, "
	                               "team</td><td>vervallen</td></tr>"));
	/* The findings: one that went, one that came, each under its
	 * heading and linked. */
	gone = only_in(1, 2);
	came = only_in(2, 1);
	ck_assert_ptr_nonnull(gone);
	ck_assert_ptr_nonnull(came);
	c = strstr(h.body.s, "<h3>Verdwenen</h3>");
	ck_assert_ptr_nonnull(c);
	ck_assert(t_contains(c, gone));
	ck_assert(!t_contains(c, came));
	*c = '\0';
	c = strstr(h.body.s, "<h3>Nieuw</h3>");
	ck_assert_ptr_nonnull(c);
	want = xasprintf("<code>%s</code>", came);
	ck_assert(t_contains(c, want));
	ck_assert(!t_contains(c, gone));
	free(want);
	http_release(&h);
	/* The other way round, they swap; a version with itself: nothing. */
	ck_assert_int_eq(
	    get(&h, "/proeftuinen/zuidwest/vergelijk?van=2&naar=1", bob), 200);
	c = strstr(h.body.s, "<h3>Verdwenen</h3>");
	ck_assert_ptr_nonnull(c);
	ck_assert(t_contains(c, came));
	ck_assert(t_contains(h.body.s, "<td>toegevoegd: gegevens jeugdhulp, "
	                               "melding") == 0);
	ck_assert(t_contains(h.body.s, "<tr><td>integraal dossier</td><td>gi, "
	                               "team</td><td>toegevoegd</td></tr>"));
	http_release(&h);
	ck_assert_int_eq(
	    get(&h, "/proeftuinen/zuidwest/vergelijk?van=1&naar=3", bob), 200);
	ck_assert(t_contains(h.body.s, "<p>Niets: het ontwerp is inhoudelijk "
	                               "gelijk.</p>"));
	ck_assert(t_contains(h.body.s, "<h3>Nieuw</h3>\n<p>Geen.</p>"));
	ck_assert(t_contains(h.body.s, "<h3>Verdwenen</h3>\n<p>Geen.</p>"));
	http_release(&h);
	free(gone);
	free(came);

	/* Missing or bad numbers: 400, in Dutch; unknown: 404. */
	{
		static const char *const bad[] = {"",
		                                  "?van=1",
		                                  "?naar=2",
		                                  "?van=&naar=2",
		                                  "?van=0&naar=1",
		                                  "?van=-1&naar=2",
		                                  "?van=1&naar=2x",
		                                  "?van=a&naar=b",
		                                  "?van=1.5&naar=2",
		                                  "?van=%2B1&naar=2",
		                                  "?van=1&naar=99999999999"};
		size_t i;

		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			char *u = xasprintf("%s%s", p, bad[i]);

			ck_assert_msg(get(&h, u, bob) == 400, "%s: %ld", u,
			              h.status);
			ck_assert(t_contains(h.body.s, "Geef twee "
			                               "versienummers"));
			http_release(&h);
			free(u);
		}
	}
	ck_assert_int_eq(get(&h,
	                     "/proeftuinen/zuidwest/vergelijk?van=%ZZ&"
	                     "naar=1",
	                     bob),
	                 400);
	http_release(&h);
	ck_assert_int_eq(
	    get(&h, "/proeftuinen/zuidwest/vergelijk?van=1&naar=4", bob), 404);
	ck_assert(t_contains(h.body.s, "heeft geen versie 4."));
	http_release(&h);
	ck_assert_int_eq(
	    get(&h, "/proeftuinen/zuidwest/vergelijk?van=7&naar=1", bob), 404);
	ck_assert(t_contains(h.body.s, "heeft geen versie 7."));
	http_release(&h);
	ck_assert_int_eq(
	    get(&h, "/proeftuinen/zuid/vergelijk?van=1&naar=1", bob), 404);
	http_release(&h);
	ck_assert_int_eq(post(&h,
	                      "/proeftuinen/zuidwest/vergelijk?van=1&"
	                      "naar=2",
	                      bob, ""),
	                 405);
	http_release(&h);
	free(bob);
}
END_TEST

#define BOUNDARY "----proeftoets-grens"
#define MP_TYPE  "multipart/form-data; boundary=" BOUNDARY

/* A multipart body of name/value pairs (NULL-terminated); a name that
 * starts with '@' is sent as a file. */
static char *
multipart(const char *const *kv)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; kv[i] != NULL; i += 2) {
		int file = kv[i][0] == '@';

		pt_buf_addf(&b,
		            "--" BOUNDARY "\r\nContent-Disposition: form-data; "
		            "name=\"%s\"%s\r\n%s\r\n",
		            kv[i] + file, file ? "; filename=\"o.xml\"" : "",
		            file ? "Content-Type: application/xml\r\n" : "");
		pt_buf_adds(&b, kv[i + 1]);
		pt_buf_adds(&b, "\r\n");
	}
	pt_buf_adds(&b, "--" BOUNDARY "--\r\n");
	return pt_buf_detach(&b);
}

static long
post_mp_to(struct http *h, const char *path, const char *token,
           const char *const *kv)
{
	char *body = multipart(kv);
	long st = req(h, "POST", path, token, body, strlen(body), MP_TYPE);

	free(body);
	return st;
}

static long
post_mp(struct http *h, const char *token, const char *const *kv)
{
	char *body = multipart(kv);
	long st =
	    req(h, "POST", "/proeftuinen", token, body, strlen(body), MP_TYPE);

	free(body);
	return st;
}

/* noord's design under another id, and with rvt-noord certified. */
static char *
noord_as(const char *id, int certified)
{
	char *path = t_src("xml/proeftuinen/noord.xml"), *x, *y, *z;
	size_t len;

	x = t_read(path, &len);
	free(path);
	ck_assert_ptr_nonnull(x);
	z = xasprintf("id=\"%s\" peildatum", id);
	y = replaced(x, "id=\"noord\" peildatum", z);
	free(z);
	free(x);
	if (certified) {
		x = replaced(y, "gecertificeerd=\"nee\"",
		             "gecertificeerd=\"ja\"");
		free(y);
		y = x;
	}
	return y;
}

static long long
all_versions(void)
{
	return t_db_int(db, "SELECT count(*) FROM proeftuin_version");
}

/* The design form: who may see and send it, CSRF and Origin, a new
 * proeftuin by upload, a new version by the text field, no version for
 * the same design, the reader's errors next to the field and escaped,
 * and the limits; nothing is stored on any refusal. */
START_TEST(test_serve_design_form)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *bob = login("bob", "geheim-2");
	char *csrf, *bcsrf, *oost = noord_as("oost", 0), *oost2;
	char *body, *t, *big;
	long long n0;
	size_t i;

	ck_assert_ptr_nonnull(anna);
	ck_assert_ptr_nonnull(bob);
	/* A reader sees neither the form nor the links to it. */
	ck_assert_int_eq(get(&h, "/proeftuinen/nieuw", bob), 403);
	ck_assert(t_contains(h.body.s, "Alleen een beoordelaar"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord/bewerken", bob), 403);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/", bob), 200);
	ck_assert(!t_contains(h.body.s, "/proeftuinen/nieuw"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord", bob), 200);
	ck_assert(!t_contains(h.body.s, "/bewerken"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/nieuw", NULL), 401);
	http_release(&h);

	ck_assert_int_eq(get(&h, "/", anna), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/proeftuinen/nieuw\">"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/nieuw", anna), 200);
	ck_assert(t_contains(h.body.s, "<h1>Nieuwe proeftuin</h1>"));
	ck_assert(t_contains(h.body.s, "enctype=\"multipart/form-data\""));
	ck_assert(t_contains(h.body.s, "<input type=\"file\" id=\"bestand\" "
	                               "name=\"ontwerp\""));
	ck_assert(t_contains(h.body.s, "<textarea id=\"tekst\" "
	                               "name=\"ontwerp\""));
	ck_assert(!t_contains(h.body.s, "vorige"));
	ck_assert(t_contains(h.body.s, "<input type=\"text\" id=\"v-id\" "
	                               "name=\"id\" value=\"\">"));
	http_release(&h);
	/* Editing starts from the latest version, escaped. */
	ck_assert_int_eq(get(&h, "/proeftuinen/noord/bewerken", anna), 200);
	ck_assert(t_contains(h.body.s, "action=\"/proeftuinen?vorige=noord\""));
	ck_assert(t_contains(h.body.s, "name=\"id\" value=\"noord\">"));
	ck_assert(t_contains(h.body.s,
	                     ">rvt-noord; regionaal-veiligheidsteam; "
	                     "Regionaal veiligheidsteam Noord; nee; ; jeugd; "
	                     "uitvoering-ots jeugdhulp\n"));
	ck_assert(t_contains(h.body.s, ">deling; wt-centrum; rvt-noord; "
	                               "jeugdhulp; geen\ndossier; rvt-noord "
	                               "wt-centrum\n</textarea>"));
	ck_assert(t_contains(h.body.s, "&lt;proeftuin id=&quot;noord&quot; "
	                               "peildatum=&quot;2026-07-01&quot;&gt;"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/zuid/bewerken", anna), 404);
	http_release(&h);
	ck_assert_int_eq(post(&h, "/proeftuinen/nieuw", anna, ""), 405);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen", anna), 405);
	http_release(&h);

	csrf = csrf_of("/proeftuinen/nieuw", anna);
	bcsrf = csrf_of("/", bob);
	n0 = all_versions();
	/* Refused: not signed in, no token, a forged one, another
	 * session's, a reader with the own one, a foreign Origin. */
	{
		const char *const none[] = {"@ontwerp", oost, NULL};
		const char *const forged[] = {
		    "csrf",
		    "0000000000000000000000000000000000000000000000000000000000"
		    "000000",
		    "@ontwerp", oost, NULL};
		const char *const other[] = {"csrf", bcsrf, "@ontwerp", oost,
		                             NULL};
		const char *const good[] = {"csrf", csrf, "@ontwerp", oost,
		                            NULL};

		ck_assert_int_eq(post_mp(&h, NULL, good), 401);
		http_release(&h);
		ck_assert_int_eq(post_mp(&h, anna, none), 403);
		http_release(&h);
		ck_assert_int_eq(post_mp(&h, anna, forged), 403);
		ck_assert(t_contains(h.body.s, "niets opgeslagen"));
		http_release(&h);
		ck_assert_int_eq(post_mp(&h, anna, other), 403);
		http_release(&h);
		ck_assert_int_eq(post_mp(&h, bob, other), 403);
		ck_assert(t_contains(h.body.s, "Alleen een beoordelaar"));
		http_release(&h);
		req_header = "Origin: http://evil.example";
		ck_assert_int_eq(post_mp(&h, anna, good), 403);
		req_header = NULL;
		http_release(&h);
		t = enc(oost);
		body = xasprintf("csrf=%s&ontwerp=%s", bcsrf, t);
		ck_assert_int_eq(post(&h, "/proeftuinen", bob, body), 403);
		http_release(&h);
		free(body);
		body = xasprintf("ontwerp=%s", t);
		ck_assert_int_eq(post(&h, "/proeftuinen", anna, body), 403);
		http_release(&h);
		free(body);
		free(t);
		ck_assert_int_eq(all_versions(), n0);

		/* The upload makes proeftuin oost, added by anna. */
		ck_assert_int_eq(post_mp(&h, anna, good), 303);
		ck_assert(
		    t_contains(h.head.s, "Location: /proeftuinen/oost\r\n"));
		http_release(&h);
		ck_assert_int_eq(versions_of("oost"), 1);
		ck_assert_int_eq(
		    t_db_int(db, "SELECT count(*) FROM proeftuin_version WHERE "
		                 "proeftuin_id = 'oost' AND source = "
		                 "'webwerkruimte (anna)'"),
		    1);
		ck_assert_int_eq(get(&h, "/proeftuinen/oost", anna), 200);
		ck_assert(t_contains(h.body.s, "Alleen een gecertificeerde "
		                               "instelling mag een OTS "
		                               "uitvoeren"));
		ck_assert(t_contains(h.body.s, "<a href=\"/proeftuinen/oost/"
		                               "bewerken\">"));
		http_release(&h);
		ck_assert_int_eq(get(&h, "/proeftuinen/oost/versies", anna),
		                 200);
		ck_assert(t_contains(h.body.s, "<code>webwerkruimte (anna)"
		                               "</code>"));
		http_release(&h);
		/* Creating it again is refused, next to the field. */
		ck_assert_int_eq(post_mp(&h, anna, good), 400);
		ck_assert(t_contains(h.body.s, "Proeftuin oost bestaat al"));
		ck_assert(t_contains(h.body.s, "role=\"alert\""));
		http_release(&h);
	}
	/* Editing with the same design adds nothing; with another, a
	 * version, and the page shows its findings. */
	{
		const char *const same[] = {"csrf", csrf, "@ontwerp", oost,
		                            NULL};

		ck_assert_int_eq(
		    post_mp_to(&h, "/proeftuinen?vorige=oost", anna, same),
		    303);
		http_release(&h);
		ck_assert_int_eq(versions_of("oost"), 1);
	}
	oost2 = noord_as("oost", 1);
	t = enc(oost2);
	body = xasprintf("csrf=%s&ontwerp=%s", csrf, t);
	free(t);
	ck_assert_int_eq(post(&h, "/proeftuinen?vorige=oost", anna, body), 303);
	ck_assert(t_contains(h.head.s, "Location: /proeftuinen/oost\r\n"));
	http_release(&h);
	free(body);
	ck_assert_int_eq(versions_of("oost"), 2);
	ck_assert_int_eq(get(&h, "/proeftuinen/oost", anna), 200);
	t = strstr(h.body.s, "<h2>Opgeloste bevindingen</h2>");
	ck_assert_ptr_nonnull(t);
	ck_assert(t_contains(t, "Alleen een gecertificeerde instelling mag een "
	                        "OTS uitvoeren"));
	http_release(&h);
	ck_assert_int_lt(
	    t_db_int(db, "SELECT barriers FROM proeftuin_version "
	                 "WHERE proeftuin_id = 'oost' AND seq = 2"),
	    t_db_int(db, "SELECT barriers FROM proeftuin_version "
	                 "WHERE proeftuin_id = 'oost' AND seq = 1"));
	/* Another id than the one edited; an empty design. */
	n0 = all_versions();
	t = enc(oost2);
	body = xasprintf("csrf=%s&ontwerp=%s", csrf, t);
	free(t);
	ck_assert_int_eq(post(&h, "/proeftuinen?vorige=noord", anna, body),
	                 400);
	ck_assert(t_contains(h.body.s, "Het ontwerp heeft id oost, maar u "
	                               "bewerkt proeftuin noord."));
	http_release(&h);
	free(body);
	body = xasprintf("csrf=%s&ontwerp=", csrf);
	ck_assert_int_eq(post(&h, "/proeftuinen", anna, body), 400);
	ck_assert(t_contains(h.body.s, "Het ontwerp is leeg."));
	http_release(&h);
	free(body);
	/* The reader's errors, every one, escaped, the text kept. */
	{
		char *x = replaced(oost, "rol=\"wijkteam\"",
		                   "rol=\"&lt;script&gt;&amp;&quot;\"");
		char *y = replaced(x, "actor=\"wt-centrum\"/>",
		                   "actor=\"'niemand'\"/>");
		const char *const bad[] = {"csrf", csrf, "@ontwerp", y, NULL};

		ck_assert_int_eq(post_mp(&h, anna, bad), 400);
		ck_assert(!t_contains(h.body.s, "<script"));
		ck_assert(t_contains(h.body.s,
		                     "unknown role &#39;&lt;script&gt;"
		                     "&amp;&quot;&#39;"));
		ck_assert(t_contains(h.body.s, "unknown actor &#39;&#39;niemand"
		                               "&#39;&#39;"));
		ck_assert(t_contains(h.body.s, "aria-describedby=\"fouten\">"
		                               "&lt;?xml"));
		ck_assert(t_contains(h.body.s,
		                     "rol=&quot;&amp;lt;script&amp;gt;"
		                     "&amp;amp;&amp;quot;&quot;"));
		http_release(&h);
		free(x);
		free(y);
	}
	ck_assert_int_eq(all_versions(), n0);

	/* Limits: a design over WEB_MAX_UPLOAD; a body over
	 * SERVE_MAX_UPLOAD; too many fields; a field twice. */
	big = xcalloc(WEB_MAX_UPLOAD + 2, 1);
	memset(big, 'a', WEB_MAX_UPLOAD + 1);
	{
		const char *const over[] = {"csrf", csrf, "@ontwerp", big,
		                            NULL};

		ck_assert_int_eq(post_mp(&h, anna, over), 413);
		http_release(&h);
	}
	free(big);
	big = xcalloc(SERVE_MAX_UPLOAD + 2, 1);
	memset(big, 'a', SERVE_MAX_UPLOAD + 1);
	ck_assert_int_eq(post(&h, "/proeftuinen", anna, big), 413);
	http_release(&h);
	free(big);
	{
		const char *many[2 * SERVE_MAX_FIELDS_TEST + 5];
		char names[SERVE_MAX_FIELDS_TEST + 1][8];
		const char *const twice[] = {"csrf",     csrf, "@ontwerp", oost,
		                             "@ontwerp", oost, NULL};

		for (i = 0; i <= SERVE_MAX_FIELDS_TEST; i++) {
			snprintf(names[i], sizeof names[i], "v%zu", i);
			many[2 * i] = names[i];
			many[2 * i + 1] = "x";
		}
		many[2 * i] = NULL;
		ck_assert_int_eq(post_mp(&h, anna, many), 400);
		ck_assert(t_contains(h.body.s, "te veel velden"));
		http_release(&h);
		ck_assert_int_eq(post_mp(&h, anna, twice), 400);
		ck_assert(t_contains(h.body.s, "twee keer"));
		http_release(&h);
		body = xasprintf("csrf=%s&ontwerp=a&ontwerp=b", csrf);
		ck_assert_int_eq(post(&h, "/proeftuinen", anna, body), 400);
		http_release(&h);
		free(body);
	}
	/* Other routes keep their own limit. */
	big = xcalloc(SERVE_MAX_BODY + 2, 1);
	memset(big, 'a', SERVE_MAX_BODY + 1);
	ck_assert_int_eq(
	    post(&h, "/proeftuinen/noord/ruimte/opslaan", anna, big), 413);
	http_release(&h);
	free(big);
	ck_assert_int_eq(all_versions(), n0);
	free(oost);
	free(oost2);
	free(csrf);
	free(bcsrf);
	free(anna);
	free(bob);
}
END_TEST

/* Form encoding of the fields form: name/value pairs, NULL-terminated. */
static char *
form_of(const char *const *kv)
{
	struct pt_buf b = PT_BUF_INIT;
	size_t i;

	for (i = 0; kv[i] != NULL; i += 2) {
		char *v = enc(kv[i + 1]);

		pt_buf_addf(&b, "%s%s=%s", i > 0 ? "&" : "", kv[i], v);
		free(v);
	}
	return pt_buf_detach(&b);
}

/* The design in fields: saved as the reader reads its XML, shown again
 * for editing, the same design in other words adds nothing, and the
 * reader's errors come next to the field and the line they are about. */
START_TEST(test_serve_design_fields)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *csrf, *body;
	struct design *d;
	struct pt_err e = PT_ERR_INIT;
	const char *c;

	ck_assert_ptr_nonnull(anna);
	csrf = csrf_of("/proeftuinen/nieuw", anna);
	{
		const char *const kv[] = {
		    "csrf",
		    csrf,
		    "id",
		    "veld",
		    "naam",
		    "Veld <b>&\"x\"",
		    "omschrijving",
		    "Twee 'teams' & een <i>dossier</i>",
		    "peildatum",
		    "2026-07-01",
		    "gemeenten",
		    "Goes\r\n\r\nSluis",
		    "actoren",
		    "rvt; regionaal-veiligheidsteam; Team <i>; nee; ; jeugd; "
		    "uitvoering-ots jeugdhulp\r\nwt; wijkteam; Wijk & team; "
		    "ja; "
		    "jeugdhulpaanbieder; alle-leeftijden; "
		    "verzoek-raadsonderzoek",
		    "gegevensdeling",
		    "deling; wt; rvt; jeugdhulp melding; wettelijk; "
		    "BWBR0034925 "
		    "7.3.11 4, BWBR0034925 7.3.8\r\ndossier; rvt wt",
		    NULL};

		body = form_of(kv);
	}
	ck_assert_int_eq(post(&h, "/proeftuinen", anna, body), 303);
	ck_assert(t_contains(h.head.s, "Location: /proeftuinen/veld\r\n"));
	http_release(&h);
	free(body);
	ck_assert_int_eq(versions_of("veld"), 1);
	/* What was saved is the design the fields describe. */
	ck_assert_int_eq(get(&h, "/proeftuinen/veld/ontwerp.xml", anna), 200);
	ck_assert_int_eq(design_load_memory(h.body.s, h.body.len, "veld",
	                                    "2026-01-01", &d, &e),
	                 PT_OK);
	http_release(&h);
	ck_assert_str_eq(d->naam, "Veld <b>&\"x\"");
	ck_assert_str_eq(d->omschrijving, "Twee 'teams' & een <i>dossier</i>");
	ck_assert_str_eq(d->peildatum, "2026-07-01");
	ck_assert_uint_eq(d->ngemeenten, 2);
	ck_assert_str_eq(d->gemeenten[1], "Sluis");
	ck_assert_uint_eq(d->nactors, 2);
	ck_assert_str_eq(d->actors[0].naam, "Team <i>");
	ck_assert_int_eq(d->actors[0].gecertificeerd, 0);
	ck_assert_int_eq(d->actors[1].gecertificeerd, 1);
	ck_assert_uint_eq(d->actors[1].aangewezen, AANW_JEUGDHULPAANBIEDER);
	ck_assert_int_eq(d->actors[1].doelgroep, DOELGROEP_ALLE);
	ck_assert_uint_eq(d->ntaken, 3);
	ck_assert_str_eq(d->taken[2].id, "verzoek-raadsonderzoek");
	ck_assert_uint_eq(d->taken[2].actor, 1);
	ck_assert_uint_eq(d->ndelingen, 1);
	ck_assert_uint_eq(d->delingen[0].gegevens, GEG_JEUGDHULP | GEG_MELDING);
	ck_assert_int_eq(d->delingen[0].grondslag, GRONDSLAG_WETTELIJK);
	ck_assert_uint_eq(d->delingen[0].nbepalingen, 2);
	ck_assert_str_eq(d->delingen[0].bepalingen[0].artikel, "7.3.11");
	ck_assert_str_eq(d->delingen[0].bepalingen[0].lid, "4");
	ck_assert_ptr_null(d->delingen[0].bepalingen[1].lid);
	ck_assert_uint_eq(d->ndossiers, 1);
	design_free(d);
	/* The page shows it, escaped. */
	ck_assert_int_eq(get(&h, "/proeftuinen/veld", anna), 200);
	ck_assert(t_contains(h.body.s, "<h1>Veld &lt;b&gt;&amp;&quot;x&quot;"
	                               "</h1>"));
	ck_assert(!t_contains(h.body.s, "<i>"));
	http_release(&h);
	/* Editing shows the fields, escaped. */
	ck_assert_int_eq(get(&h, "/proeftuinen/veld/bewerken", anna), 200);
	ck_assert(t_contains(h.body.s, "name=\"naam\" value=\"Veld &lt;b&gt;"
	                               "&amp;&quot;x&quot;\">"));
	ck_assert(t_contains(
	    h.body.s, ">rvt; regionaal-veiligheidsteam; Team &lt;i&gt;; "
	              "nee; ; jeugd; uitvoering-ots jeugdhulp\nwt; "
	              "wijkteam; Wijk &amp; team; ja; jeugdhulpaanbieder; "
	              "alle-leeftijden; verzoek-raadsonderzoek\n"));
	ck_assert(t_contains(h.body.s, ">deling; wt; rvt; jeugdhulp melding; "
	                               "wettelijk; BWBR0034925 7.3.11 4, "
	                               "BWBR0034925 7.3.8\ndossier; rvt wt\n"));
	http_release(&h);
	/* The same design in another order and spelling: no version. */
	{
		const char *const kv[] = {
		    "csrf",
		    csrf,
		    "id",
		    "veld",
		    "naam",
		    "Veld <b>&\"x\"",
		    "omschrijving",
		    "Twee 'teams' & een <i>dossier</i>",
		    "peildatum",
		    "2026-07-01",
		    "gemeenten",
		    "Goes\nSluis\n",
		    "actoren",
		    "wt; wijkteam; Wijk & team; ja; jeugdhulpaanbieder; "
		    "alle-leeftijden; verzoek-raadsonderzoek\n"
		    "rvt; regionaal-veiligheidsteam; Team <i>; nee; ; jeugd; "
		    "jeugdhulp uitvoering-ots\n",
		    "gegevensdeling",
		    "dossier; wt rvt\ndeling; wt; rvt; melding jeugdhulp; "
		    "wettelijk; BWBR0034925 7.3.11 4, BWBR0034925 7.3.8\n",
		    NULL};

		body = form_of(kv);
	}
	ck_assert_int_eq(post(&h, "/proeftuinen?vorige=veld", anna, body), 303);
	http_release(&h);
	free(body);
	ck_assert_int_eq(versions_of("veld"), 1);

	/* Errors: each next to its field, with the field's line. */
	{
		const char *const kv[] = {
		    "csrf",
		    csrf,
		    "id",
		    "veld",
		    "peildatum",
		    "2026-02-30",
		    "gemeenten",
		    "Goes",
		    "actoren",
		    "rvt; regionaal-veiligheidsteam\nwt; wijk<script>; Wijk; "
		    "nee; ; ; jeugdhulp",
		    "gegevensdeling",
		    "deling; wt; niemand; jeugdhulp; geen",
		    NULL};

		body = form_of(kv);
	}
	ck_assert_int_eq(post(&h, "/proeftuinen?vorige=veld", anna, body), 400);
	ck_assert(!t_contains(h.body.s, "<script"));
	c = strstr(h.body.s, "<ul class=\"melding\" id=\"fout-peildatum\">");
	ck_assert_ptr_nonnull(c);
	ck_assert(t_contains(c, "2026-02-30"));
	ck_assert(t_contains(h.body.s, "<ul class=\"melding\" "
	                               "id=\"fout-actoren\">\n<li>regel 2: "
	                               "unknown role &#39;wijk&lt;script&gt;"
	                               "&#39;"));
	ck_assert(t_contains(h.body.s, "<ul class=\"melding\" "
	                               "id=\"fout-gegevensdeling\">\n<li>regel "
	                               "1: unknown actor &#39;niemand&#39;"));
	ck_assert(t_contains(h.body.s, "aria-describedby=\"fout-actoren\">"
	                               "rvt; regionaal-veiligheidsteam\nwt; "
	                               "wijk&lt;script&gt;; Wijk;"));
	http_release(&h);
	free(body);
	ck_assert_int_eq(versions_of("veld"), 1);
	/* A field twice. */
	body = xasprintf("csrf=%s&id=veld&id=ander", csrf);
	ck_assert_int_eq(post(&h, "/proeftuinen", anna, body), 400);
	ck_assert(t_contains(h.body.s, "twee keer"));
	http_release(&h);
	free(body);
	free(csrf);
	free(anna);
}
END_TEST

START_TEST(test_serve_escapes_notes)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *csrf, *note, *body;

	csrf = csrf_of("/findings/" F_UITVOERING_ENC, anna);
	note = enc("<script>alert('x')</script><b onmouseover=\"y\">&amp;");
	body = xasprintf("csrf=%s&status=confirmed&note=%s", csrf, note);
	ck_assert_int_eq(
	    post(&h, "/findings/" F_UITVOERING_ENC "/review", anna, body), 303);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/findings/" F_UITVOERING_ENC, anna), 200);
	ck_assert(!t_contains(h.body.s, "<script>"));
	ck_assert(!t_contains(h.body.s, "<b onmouseover"));
	ck_assert(t_contains(h.body.s,
	                     "&lt;script&gt;alert(&#39;x&#39;)&lt;/"
	                     "script&gt;&lt;b onmouseover=&quot;y&quot;&gt;"
	                     "&amp;amp;"));
	http_release(&h);
	/* Stored exactly as typed. */
	ck_assert_int_eq(
	    t_db_int(db, "SELECT count(*) FROM review_log WHERE "
	                 "note = '<script>alert(''x'')</script><b onmouseover="
	                 "\"y\">&amp;'"),
	    1);
	free(body);
	free(note);
	free(csrf);
	free(anna);
}
END_TEST

/* Send raw bytes and return the status line's code (0 on no answer). */
static int
raw(const char *data)
{
	struct sockaddr_in sa;
	char buf[512];
	int fd, port, code = 0;
	ssize_t n;

	port = atoi(strrchr(base, ':') + 1);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	ck_assert_int_eq(write(fd, data, strlen(data)), (ssize_t)strlen(data));
	shutdown(fd, SHUT_WR);
	n = read(fd, buf, sizeof buf - 1);
	if (n > 12) {
		buf[n] = '\0';
		sscanf(buf, "HTTP/1.%*d %d", &code);
	}
	close(fd);
	return code;
}

START_TEST(test_serve_bad_requests)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *csrf, *big, *body;
	size_t n = SERVE_MAX_BODY + 10;
	long long n0 = log_rows();

	csrf = csrf_of("/", anna);
	/* Over the body limit: 413, nothing written, server still there. */
	big = xmalloc(n + 1);
	memset(big, 'a', n);
	memcpy(big, "note=", 5);
	big[n] = '\0';
	ck_assert_int_eq(req(&h, "POST",
	                     "/findings/" F_UITVOERING_ENC "/review", anna, big,
	                     n, NULL),
	                 413);
	http_release(&h);
	free(big);
	ck_assert_int_eq(log_rows(), n0);

	/* The shape of a form is the server's to check: a field named twice
	 * (which status counts?) and more fields than any form has. */
	body = xasprintf("csrf=%s&status=confirmed&status=rejected", csrf);
	ck_assert_int_eq(
	    post(&h, "/findings/" F_UITVOERING_ENC "/review", anna, body), 400);
	ck_assert(t_contains(h.body.s, "noemt een veld twee keer"));
	http_release(&h);
	free(body);
	body = xasprintf("csrf=%s&status=confirmed&a=1&b=2&c=3&d=4&e=5&f=6&g=7",
	                 csrf);
	ck_assert_int_eq(
	    post(&h, "/findings/" F_UITVOERING_ENC "/review", anna, body), 400);
	ck_assert(t_contains(h.body.s, "te veel velden"));
	http_release(&h);
	free(body);
	ck_assert_int_eq(log_rows(), n0);
	/* The lengths the sign-in form states. */
	big = xmalloc(AUTH_NAME_MAX + 2);
	memset(big, 'n', AUTH_NAME_MAX + 1);
	big[AUTH_NAME_MAX + 1] = '\0';
	body = xasprintf("user=%s&password=x", big);
	ck_assert_int_eq(post_login(&h, NULL, body), 400);
	ck_assert(t_contains(h.body.s, "ten hoogste 64 tekens"));
	ck_assert(!t_contains(h.head.s, "pt_sessie="));
	http_release(&h);
	free(body);
	free(big);
	ck_assert_int_eq(get(&h, "/login", NULL), 200);
	ck_assert(t_contains(h.body.s, "maxlength=\"64\""));
	ck_assert(t_contains(h.body.s, "maxlength=\"1024\""));
	http_release(&h);

	/* Malformed ids and forms: 400. */
	ck_assert_int_eq(get(&h, "/findings/%zz", anna), 400);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/findings/a%00b", anna), 400);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/findings/%ff%fe", anna), 400);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=%2", anna), 400);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=%22", anna), 400);
	ck_assert(t_contains(h.body.s, "zoekvraag"));
	ck_assert(t_contains(h.body.s, "aanhalingsteken"));
	ck_assert(!t_contains(h.body.s, "unterminated"));
	ck_assert(!t_contains(h.body.s, "fts5"));
	http_release(&h);
	/* Pages of the hits: bounds, past the end, bad numbers. */
	ck_assert_int_eq(get(&h, "/wet?q=kind", anna), 200);
	ck_assert(t_contains(h.body.s, "resultaten 1-50 van "));
	ck_assert(t_contains(h.body.s, "pagina=2\">Volgende pagina</a>"));
	ck_assert(!t_contains(h.body.s, "Vorige pagina"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=kind&pagina=2", anna), 200);
	ck_assert(t_contains(h.body.s, "resultaten 51-"));
	ck_assert(t_contains(h.body.s, "/wet?q=kind\">Vorige pagina</a>"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=kind&pagina=99999", anna), 200);
	ck_assert(t_contains(h.body.s, "Pagina 99999 bestaat niet"));
	ck_assert(t_contains(h.body.s, "Naar de laatste pagina"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=kind&pagina=0", anna), 400);
	ck_assert(t_contains(h.body.s, "Ongeldige pagina"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=kind&pagina=-1", anna), 400);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=kind&pagina=2x", anna), 400);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=kind&pagina=100001", anna), 400);
	http_release(&h);
	/* Lawyer-style queries: the provision, or the laws that have it. */
	ck_assert_int_eq(get(&h, "/wet?q=art.+3.2+Jeugdwet", anna), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/wet/BWBR0034925/3.2"));
	ck_assert(t_contains(h.body.s, "1 treffer"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=BW+1%3A255+lid+2", anna), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/wet/BWBR0002656/255"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=2.4+lid+2", anna), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/wet/BWBR0034925/2.4"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=ouder-kind", anna), 200);
	ck_assert(t_contains(h.body.s, "[ouder, kind]"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?q=c.q.", anna), 200);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet?date=gisteren", anna), 400);
	http_release(&h);
	ck_assert_int_eq(post(&h, "/findings/" F_UITVOERING_ENC "/review", anna,
	                      "csrf=%zz&status=confirmed"),
	                 400);
	http_release(&h);
	ck_assert_int_eq(req(&h, "POST",
	                     "/findings/" F_UITVOERING_ENC "/review", anna,
	                     "{}", 2, "application/json"),
	                 400);
	http_release(&h);
	ck_assert_int_eq(post_login(&h, NULL, "user=%&password=x"), 400);
	http_release(&h);
	ck_assert_int_eq(req(&h, "PUT", "/", anna, NULL, 0, NULL), 405);
	ck_assert(t_contains(h.head.s, "Allow: "));
	http_release(&h);
	ck_assert_int_eq(post(&h, "/", anna, "a=b"), 405);
	http_release(&h);
	/* A request line that is not HTTP gets no page and no crash. */
	ck_assert_int_ne(raw("GARBAGE\r\n\r\n"), 200);
	ck_assert_int_eq(raw("GET / HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n"),
	                 400);
	ck_assert_int_eq(raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: "
	                     "zz\r\n\r\n"),
	                 400);

	/* 404s. */
	ck_assert_int_eq(get(&h, "/nope", anna), 404);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/zuid", anna), 404);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/findings/noord%2Fnope%2Fx", anna), 404);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet/BWBR0034925/999", anna), 404);
	ck_assert(t_contains(h.body.s, "heeft dit artikel niet"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/wet/BWBR9999999/1", anna), 404);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/amendments.pdf", anna), 404);
	http_release(&h);

	/* Still serving. */
	ck_assert_int_eq(get(&h, "/", anna), 200);
	http_release(&h);
	free(csrf);
	free(anna);
}
END_TEST

/*
 * The limits count over the last 60 seconds.  Under valgrind a password
 * hash takes seconds; a sequence that took longer than the window proves
 * nothing, so its last step is then only required not to crash.
 */
START_TEST(test_serve_login_limits)
{
	struct http h;
	time_t t0 = time(NULL);
	long st;
	int i;

	for (i = 0; i < AUTH_FREE_PER_PAIR; i++) {
		ck_assert_int_eq(
		    post_login(&h, NULL, "user=anna&password=raden"), 401);
		http_release(&h);
	}
	/* Even the right password waits now, from this address. */
	st = post_login(&h, NULL, "user=anna&password=geheim-1");
	if (time(NULL) - t0 < 1) {
		ck_assert_int_eq(st, 429);
		ck_assert(t_contains(h.head.s, "Retry-After: "));
	}
	http_release(&h);
	/* Another user is not locked out by that, and a success does not
	 * count against a name. */
	for (i = 0; i < AUTH_FREE_PER_PAIR + 1; i++) {
		ck_assert_int_eq(
		    post_login(&h, NULL, "user=bob&password=geheim-2"), 303);
		http_release(&h);
	}
}
END_TEST

/* At most AUTH_SESSIONS_PER_USER live sessions per account, the oldest
 * ended first; a sign-in ends the session the browser presented. */
START_TEST(test_serve_session_cap_and_rotation)
{
	struct http h;
	char *first = login("anna", "geheim-1"), *tok[AUTH_SESSIONS_PER_USER];
	char *next = NULL, *c;
	int i;

	ck_assert_ptr_nonnull(first);
	ck_assert_int_eq(get(&h, "/", first), 200);
	http_release(&h);
	for (i = 0; i < AUTH_SESSIONS_PER_USER; i++) {
		tok[i] = login("anna", "geheim-1");
		ck_assert_ptr_nonnull(tok[i]);
	}
	/* The first is the oldest of six: it has ended, the others live. */
	ck_assert_int_eq(get(&h, "/", first), 401);
	http_release(&h);
	for (i = 0; i < AUTH_SESSIONS_PER_USER; i++) {
		ck_assert_int_eq(get(&h, "/", tok[i]), 200);
		http_release(&h);
	}
	ck_assert_int_eq(
	    t_db_int(db,
	             "SELECT count(*) FROM web_session s JOIN "
	             "web_user u ON u.id = s.user_id WHERE u.name = 'anna'"),
	    AUTH_SESSIONS_PER_USER);
	/* Signing in again from the browser of tok[4] ends tok[4]. */
	ck_assert_int_eq(post_login(&h, tok[4], "user=anna&password=geheim-1"),
	                 303);
	if ((c = strstr(h.head.s, "pt_sessie=")) != NULL)
		next = xstrndup(c + 10, strcspn(c + 10, ";\r\n"));
	http_release(&h);
	ck_assert_ptr_nonnull(next);
	ck_assert_str_ne(next, tok[4]);
	ck_assert_int_eq(get(&h, "/", tok[4]), 401);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/", next), 200);
	http_release(&h);
	free(next);
	for (i = 0; i < AUTH_SESSIONS_PER_USER; i++)
		free(tok[i]);
	free(first);
}
END_TEST

/* Login CSRF: a form of another origin cannot sign the browser in. */
/* Sign-ins of other people, each a password check of about half a second,
 * while this test asks for pages: a worker thread for the sign-ins. */
static pthread_mutex_t signins_mu = PTHREAD_MUTEX_INITIALIZER;
static int signins_done;

static void *
signin_worker(void *arg)
{
	char *name = xasprintf("onbekend-%d", *(int *)arg), *tok;

	tok = login(name, "verkeerd wachtwoord");
	free(tok);
	free(name);
	pthread_mutex_lock(&signins_mu);
	signins_done++;
	pthread_mutex_unlock(&signins_mu);
	return NULL;
}

/*
 * Password checks never hold up other requests: while six sign-ins are
 * being checked (three rounds of two at once), five page requests are all
 * answered before the last sign-in is.  One server thread answered them
 * only after every sign-in.
 */
START_TEST(test_serve_hashing_does_not_block_pages)
{
	pthread_t t[6];
	int ids[6], i, done;
	struct http h;
	struct timespec pause = {0, 100 * 1000000L};

	/* Under valgrind threads take turns on one core and every request is
	 * slow: the order of answers says nothing there. */
	if (getenv("VALGRIND") != NULL && *getenv("VALGRIND") != '\0')
		return;
	signins_done = 0;
	for (i = 0; i < 6; i++) {
		ids[i] = i;
		ck_assert_int_eq(
		    pthread_create(&t[i], NULL, signin_worker, &ids[i]), 0);
	}
	nanosleep(&pause, NULL);
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(get(&h, "/login", NULL), 200);
		http_release(&h);
	}
	pthread_mutex_lock(&signins_mu);
	done = signins_done;
	pthread_mutex_unlock(&signins_mu);
	for (i = 0; i < 6; i++)
		pthread_join(t[i], NULL);
	ck_assert_msg(done < 6, "the pages waited for all sign-ins (%d done)",
	              done);
	ck_assert_int_eq(signins_done, 6);
}
END_TEST

START_TEST(test_serve_login_foreign_origin)
{
	struct http h;

	req_header = "Origin: http://elders.example";
	ck_assert_int_eq(
	    post(&h, "/login", NULL, "user=anna&password=geheim-1"), 403);
	ck_assert(!t_contains(h.head.s, "pt_sessie="));
	ck_assert(t_contains(h.body.s, "niet van deze werkruimte"));
	http_release(&h);
	req_header = NULL;
	ck_assert_int_eq(post_login(&h, NULL, "user=anna&password=geheim-1"),
	                 303);
	ck_assert(t_contains(h.head.s, "pt_sessie="));
	http_release(&h);
}
END_TEST

/* Login CSRF without an Origin header, or with "Origin: null" (a
 * sandboxed frame): only the form token of the browser's own sign-in
 * page signs in. */
START_TEST(test_serve_login_form_token)
{
	struct http h;
	char *c, *nonce, *csrf, *body;
	const char *origins[] = {NULL, "Origin: null"};
	size_t i;

	ck_assert_int_eq(get(&h, "/login", NULL), 200);
	ck_assert((c = strstr(h.head.s, "pt_aanmelden=")) != NULL);
	nonce = xstrndup(c + 13, strcspn(c + 13, ";\r\n"));
	ck_assert_uint_eq(strlen(nonce), 64);
	ck_assert(t_contains(c, "HttpOnly; SameSite=Strict; Path=/;"));
	ck_assert((c = strstr(h.body.s, "name=\"csrf\" value=\"")) != NULL);
	csrf = xstrndup(c + 19, strcspn(c + 19, "\""));
	http_release(&h);
	body = xasprintf("csrf=%s&user=anna&password=geheim-1", csrf);
	for (i = 0; i < 2; i++) {
		req_header = origins[i];
		/* no token, no cookie */
		ck_assert_int_eq(
		    post(&h, "/login", NULL, "user=anna&password=geheim-1"),
		    403);
		ck_assert(!t_contains(h.head.s, "pt_sessie="));
		ck_assert(t_contains(h.body.s, "aanmeldformulier is verlopen"));
		http_release(&h);
		/* the token without the cookie it belongs to */
		ck_assert_int_eq(post(&h, "/login", NULL, body), 403);
		ck_assert(!t_contains(h.head.s, "pt_sessie="));
		http_release(&h);
		/* the token with another browser's nonce */
		req_login_nonce = "00000000000000000000000000000000"
		                  "00000000000000000000000000000000";
		ck_assert_int_eq(post(&h, "/login", NULL, body), 403);
		ck_assert(!t_contains(h.head.s, "pt_sessie="));
		http_release(&h);
		req_login_nonce = NULL;
	}
	req_header = NULL;
	/* the pair from one sign-in page signs in */
	req_login_nonce = nonce;
	ck_assert_int_eq(post(&h, "/login", NULL, body), 303);
	ck_assert(t_contains(h.head.s, "pt_sessie="));
	http_release(&h);
	req_login_nonce = NULL;
	free(body);
	free(csrf);
	free(nonce);
}
END_TEST

START_TEST(test_serve_listen_address)
{
	struct serve_addr a;
	struct pt_err e = PT_ERR_INIT;

	ck_assert_int_eq(serve_addr_parse("127.0.0.1:8080", &a, &e), PT_OK);
	ck_assert_int_eq(a.loopback, 1);
	ck_assert_int_eq(serve_addr_parse("127.1.2.3:0", &a, &e), PT_OK);
	ck_assert_int_eq(a.loopback, 1);
	ck_assert_int_eq(serve_addr_parse("[::1]:8080", &a, &e), PT_OK);
	ck_assert_int_eq(a.loopback, 1);
	ck_assert_int_eq(serve_addr_parse("0.0.0.0:8080", &a, &e), PT_OK);
	ck_assert_int_eq(a.loopback, 0);
	ck_assert_int_eq(serve_addr_parse("192.168.1.5:80", &a, &e), PT_OK);
	ck_assert_int_eq(a.loopback, 0);
	ck_assert_int_eq(serve_addr_parse("[::]:80", &a, &e), PT_OK);
	ck_assert_int_eq(a.loopback, 0);
	ck_assert_int_eq(serve_addr_parse("localhost:80", &a, &e), PT_EUSAGE);
	ck_assert_int_eq(serve_addr_parse("127.0.0.1", &a, &e), PT_EUSAGE);
	ck_assert_int_eq(serve_addr_parse("127.0.0.1:70000", &a, &e),
	                 PT_EUSAGE);
	ck_assert_int_eq(serve_addr_parse("127.0.0.1:-1", &a, &e), PT_EUSAGE);
	ck_assert_int_eq(serve_addr_parse(":80", &a, &e), PT_EUSAGE);
	ck_assert_int_eq(serve_addr_parse("[::1]80", &a, &e), PT_EUSAGE);
}
END_TEST

START_TEST(test_serve_warns_beyond_loopback)
{
	char *d = t_tmpdir(), *path = xasprintf("%s/w.db", d),
	     *r = t_src("rules");
	char *err = NULL;

	/* 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning
	 * comes first, then listening fails and nothing is served. */
	ck_assert_int_eq(t_cli(NULL, &err, "--db", path, "serve", "--listen",
	                       "192.0.2.1:0", "--rules", r, NULL),
	                 PT_EIO);
	ck_assert(t_contains(err, "warning: listening on 192.0.2.1:0, beyond "
	                          "loopback"));
	ck_assert(t_contains(err, "reverse proxy with TLS"));
	ck_assert(t_contains(err, "cannot listen on 192.0.2.1:0"));
	free(err);
	ck_assert_int_eq(t_cli(NULL, &err, "--db", path, "serve", "--listen",
	                       "localhost:8080", NULL),
	                 PT_EUSAGE);
	ck_assert(t_contains(err, "bad listen address 'localhost:8080'"));
	free(err);
	t_tmpdir_cleanup(d);
	free(d);
	free(path);
	free(r);
}
END_TEST

/* Run the CLI with stdin from a string, in a child. */
static int
cli_stdin(const char *input, char *const argv[])
{
	int fds[2], status, argc = 0;
	pid_t pid;
	ssize_t n;
	void (*old_pipe)(int);

	while (argv[argc] != NULL)
		argc++;
	ck_assert_int_eq(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		FILE *devnull = fopen("/dev/null", "w");

		close(fds[1]);
		dup2(fds[0], 0);
		_exit(proeftoets_main(argc, (char **)argv, devnull, devnull));
	}
	close(fds[0]);
	/* A child that refuses its arguments exits without reading: the
	 * write then fails with EPIPE, which is no failure of the test. */
	old_pipe = signal(SIGPIPE, SIG_IGN);
	n = write(fds[1], input, strlen(input));
	ck_assert(n == (ssize_t)strlen(input) || (n < 0 && errno == EPIPE));
	signal(SIGPIPE, old_pipe);
	close(fds[1]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

START_TEST(test_serve_user_add)
{
	char *d = t_tmpdir(), *path = xasprintf("%s/u.db", d);
	char *const add[] = {
	    (char *)"proeftoets", (char *)"--db",     path,
	    (char *)"user",       (char *)"add",      (char *)"carla",
	    (char *)"--role",     (char *)"reviewer", NULL};
	char *const bad[] = {
	    (char *)"proeftoets", (char *)"--db",  path,
	    (char *)"user",       (char *)"add",   (char *)"dirk",
	    (char *)"--role",     (char *)"admin", NULL};

	ck_assert_int_eq(cli_stdin("\n", add), PT_EUSAGE);
	ck_assert_int_eq(cli_stdin("", add), PT_EUSAGE);
	ck_assert_int_eq(cli_stdin("zeer geheim\n", bad), PT_EUSAGE);
	ck_assert_int_eq(cli_stdin("zeer geheim\n", add), PT_OK);
	/* The same name again is refused. */
	ck_assert_int_eq(cli_stdin("anders\n", add), PT_EUSAGE);
	ck_assert_int_eq(t_db_int(path, "SELECT count(*) FROM web_user"), 1);
	ck_assert_int_eq(
	    t_db_int(path,
	             "SELECT count(*) FROM web_user WHERE "
	             "name = 'carla' AND role = 'reviewer' AND pwhash LIKE "
	             "'$argon2id$%' AND instr(pwhash, 'geheim') = 0"),
	    1);
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", path, "user", "remove", "carla", NULL),
	    PT_OK);
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", path, "user", "remove", "carla", NULL),
	    PT_ENOTFOUND);
	t_tmpdir_cleanup(d);
	free(d);
	free(path);
}
END_TEST

/* --- slow clients ---------------------------------------------------------
 */

static int
under_valgrind(void)
{
	const char *v = getenv("VALGRIND");

	return v != NULL && *v != '\0';
}

/* A socket connected to the server from 127.0.0.1; -1 when refused. */
static int
connect_raw(void)
{
	struct sockaddr_in sa;
	int fd;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)atoi(strrchr(base, ':') + 1));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * A request whose header never ends is answered 408, with the security
 * headers, once the request time-out (3 s here) is over; the connection
 * is then closed.  The bound of the wait is generous: 30 s.
 */
START_TEST(test_serve_request_timeout)
{
	struct pt_buf got = PT_BUF_INIT;
	struct timeval tv = {30, 0};
	char buf[512];
	ssize_t n;
	int fd = connect_raw();

	ck_assert_int_ge(fd, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	ck_assert_int_eq(write(fd, "GET / HTTP/1.1\r\nHost: x\r\nX-", 27), 27);
	while ((n = read(fd, buf, sizeof buf)) > 0)
		pt_buf_add(&got, buf, (size_t)n);
	close(fd);
	ck_assert_msg(n == 0, "the connection was not closed");
	ck_assert_msg(t_contains(got.s != NULL ? got.s : "",
	                         "HTTP/1.1 408 Request Timeout\r\n"),
	              "no 408: '%s'", got.s != NULL ? got.s : "");
	ck_assert(t_contains(got.s, "X-Content-Type-Options: nosniff\r\n"));
	ck_assert(t_contains(got.s, "X-Frame-Options: DENY\r\n"));
	ck_assert(t_contains(got.s, "Content-Security-Policy: "));
	pt_buf_release(&got);
}
END_TEST

#define SLOW_CONNS  100
#define SLOW_ROUNDS 40 /* of half a second: 20 s */

struct slowloris {
	int fd[SLOW_CONNS];
	int cut;     /* connections the server ended (or refused) */
	int running; /* 0 stops the thread */
};

static pthread_mutex_t slow_mu = PTHREAD_MUTEX_INITIALIZER;

/* Every half second a byte of a header that never ends on each of
 * SLOW_CONNS connections; one the server ends is opened again. */
static void *
slowloris_worker(void *arg)
{
	struct slowloris *sl = arg;
	struct timespec half = {0, 500 * 1000000L};
	static const char head[] = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
	int i, run;

	for (i = 0; i < SLOW_CONNS; i++)
		if ((sl->fd[i] = connect_raw()) >= 0)
			send(sl->fd[i], head, sizeof head - 1, MSG_NOSIGNAL);
	for (;;) {
		pthread_mutex_lock(&slow_mu);
		run = sl->running;
		pthread_mutex_unlock(&slow_mu);
		if (!run)
			break;
		for (i = 0; i < SLOW_CONNS; i++) {
			if (sl->fd[i] >= 0 &&
			    send(sl->fd[i], "a", 1,
			         MSG_NOSIGNAL | MSG_DONTWAIT) == 1)
				continue;
			if (sl->fd[i] >= 0)
				close(sl->fd[i]);
			sl->cut++;
			if ((sl->fd[i] = connect_raw()) >= 0)
				send(sl->fd[i], head, sizeof head - 1,
				     MSG_NOSIGNAL);
		}
		nanosleep(&half, NULL);
	}
	for (i = 0; i < SLOW_CONNS; i++)
		if (sl->fd[i] >= 0)
			close(sl->fd[i]);
	return NULL;
}

/*
 * Slowloris: 100 connections from 127.0.0.1 trickle a header for 20 s
 * while a signed-in member on 127.0.0.2 asks for a page every half
 * second.  Every page answers 200: one address holds at most 32
 * connections and a request gets 3 s to come in.  No time is asserted
 * beyond libcurl's generous 30 s per request.
 */
START_TEST(test_serve_slowloris)
{
	static struct slowloris sl;
	struct timespec half = {0, 500 * 1000000L};
	struct http h;
	pthread_t t;
	char *anna;
	int i, ok = 0;

	if (under_valgrind())
		return;
	req_from = "127.0.0.2";
	anna = login("anna", "geheim-1");
	ck_assert_ptr_nonnull(anna);
	memset(&sl, 0, sizeof sl);
	sl.running = 1;
	ck_assert_int_eq(pthread_create(&t, NULL, slowloris_worker, &sl), 0);
	for (i = 0; i < SLOW_ROUNDS; i++) {
		nanosleep(&half, NULL);
		if (get(&h, "/", anna) == 200)
			ok++;
		http_release(&h);
	}
	pthread_mutex_lock(&slow_mu);
	sl.running = 0;
	pthread_mutex_unlock(&slow_mu);
	pthread_join(t, NULL);
	req_from = NULL;
	ck_assert_int_eq(ok, SLOW_ROUNDS);
	/* The server refused those over the limit and ended the slow ones. */
	ck_assert_int_gt(sl.cut, SLOW_CONNS - 32);
	free(anna);
}
END_TEST

/* --- decisions at a glance -------------------------------------------------
 */

#define F_SCHAAL     "noord/jw-2.4-regionale-schaal/rvt-noord"
#define F_SCHAAL_ENC "noord%2Fjw-2.4-regionale-schaal%2Frvt-noord"
#define F_DWANG_ENC  "noord%2Frisico-hulp-en-dwang%2Frvt-noord"

/* Record a decision as anna through the form; returns the HTTP status. */
static long
decide(const char *anna, const char *id_enc, const char *form)
{
	struct http h;
	char *path = xasprintf("/findings/%s", id_enc);
	char *csrf = csrf_of(path, anna);
	char *body = xasprintf("csrf=%s&%s", csrf, form);
	char *post_path = xasprintf("%s/review", path);
	long st = post(&h, post_path, anna, body);

	http_release(&h);
	free(post_path);
	free(body);
	free(csrf);
	free(path);
	return st;
}

/* Where needle is in h's body (NULL when it is not). */
static const char *
at(const struct http *h, const char *needle)
{
	return strstr(h->body.s, needle);
}

START_TEST(test_serve_findings_list)
{
	static const char *const bad[] = {
	    "status=maybe",        "status=resolved",   "soort=regel",
	    "ernst=zwaar",         "niveau=gemeente",   "proeftuin=zuid",
	    "regel=jw-nope",       "wet=BWBR9999999",   "sorteer=datum",
	    "status=%3Cscript%3E", "niveau=wet&ernst=x"};
	struct http h;
	char *bob = login("bob", "geheim-2"), *anna = login("anna", "geheim-1");
	size_t i;

	ck_assert_int_eq(get(&h, "/bevindingen", NULL), 401);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/bevindingen", bob), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/bevindingen\">"));
	ck_assert(t_contains(h.body.s,
	                     "<a href=\"/findings/" F_UITVOERING_ENC "\">"));
	ck_assert(t_contains(h.body.s, "<a href=\"/findings/" F_DWANG_ENC));
	/* Each count sets its status; all open so far. */
	ck_assert(t_contains(h.body.s, "<a href=\"/bevindingen?status=open\">"
	                               "open: "));
	ck_assert(t_contains(h.body.s, "<a href=\"/bevindingen?status="
	                               "confirmed\">bevestigd: 0</a>"));
	http_release(&h);

	/* Kind, severity, level, rule, law, proeftuin. */
	ck_assert_int_eq(get(&h, "/bevindingen?soort=risico", bob), 200);
	ck_assert(at(&h, "/findings/" F_DWANG_ENC) != NULL);
	ck_assert(at(&h, "/findings/" F_UITVOERING_ENC) == NULL);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/bevindingen?ernst=laag", bob), 200);
	ck_assert(at(&h, "/findings/" F_SCHAAL_ENC) != NULL);
	ck_assert(at(&h, "/findings/" F_UITVOERING_ENC) == NULL);
	ck_assert(t_contains(h.body.s, "1 bevinding van"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/bevindingen?niveau=college", bob), 200);
	ck_assert(at(&h, "/findings/" F_SCHAAL_ENC) != NULL);
	ck_assert(at(&h, "/findings/" F_UITVOERING_ENC) == NULL);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/bevindingen?niveau=AMvB", bob), 200);
	ck_assert(at(&h, "/findings/" F_SCHAAL_ENC) == NULL);
	http_release(&h);
	ck_assert_int_eq(
	    get(&h, "/bevindingen?regel=jw-3.2-1-uitvoering&proeftuin=noord",
	        bob),
	    200);
	ck_assert(at(&h, "/findings/" F_UITVOERING_ENC) != NULL);
	ck_assert(at(&h, "/findings/" F_DWANG_ENC) == NULL);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/bevindingen?wet=BWBR0001827", bob), 200);
	ck_assert(at(&h, "/findings/noord%2Frisico-hoorrecht-kind") != NULL);
	ck_assert(at(&h, "/findings/" F_DWANG_ENC) == NULL);
	http_release(&h);

	/* A decision moves a finding between the counts; the status filter
	 * shows it alone. */
	ck_assert_int_eq(decide(anna, F_SCHAAL_ENC, "status=mitigated"), 303);
	ck_assert_int_eq(get(&h, "/bevindingen?status=mitigated", bob), 200);
	ck_assert(at(&h, "/findings/" F_SCHAAL_ENC) != NULL);
	ck_assert(at(&h, "/findings/" F_UITVOERING_ENC) == NULL);
	ck_assert(t_contains(h.body.s, "<a href=\"/bevindingen?status="
	                               "mitigated\">ondervangen: 1</a>"));
	/* The active filter is shown and can be taken away. */
	ck_assert(t_contains(h.body.s, "<a href=\"/bevindingen\" "
	                               "title=\"Filter weghalen\">status: "
	                               "ondervangen"));
	ck_assert(t_contains(h.body.s, "<option value=\"mitigated\" "
	                               "selected>"));
	http_release(&h);
	/* Counts keep the other filters: no risk is mitigated. */
	ck_assert_int_eq(
	    get(&h, "/bevindingen?soort=risico&sorteer=ernst", bob), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/bevindingen?status=mitigated"
	                               "&amp;soort=risico&amp;sorteer=ernst\">"
	                               "ondervangen: 0</a>"));
	ck_assert(t_contains(h.body.s, "<a href=\"/bevindingen?sorteer=ernst\" "
	                               "title=\"Filter weghalen\">soort: "
	                               "risico"));
	http_release(&h);

	/* Sorting: by severity the blocking barrier comes before the low
	 * one; by rule, alphabetically. */
	ck_assert_int_eq(get(&h, "/bevindingen?sorteer=ernst", bob), 200);
	ck_assert(at(&h, "/findings/" F_UITVOERING_ENC) <
	          at(&h, "/findings/" F_SCHAAL_ENC));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/bevindingen?sorteer=regel", bob), 200);
	ck_assert(at(&h, "/findings/" F_SCHAAL_ENC) <
	          at(&h, "/findings/" F_UITVOERING_ENC));
	ck_assert(at(&h, "/findings/" F_UITVOERING_ENC) <
	          at(&h, "/findings/" F_DWANG_ENC));
	http_release(&h);

	/* Unknown values: 400 with a Dutch message, escaped. */
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *p = xasprintf("/bevindingen?%s", bad[i]);

		ck_assert_msg(get(&h, p, bob) == 400, "%s: %ld", p, h.status);
		ck_assert_msg(t_contains(h.body.s, "Onbekende") ||
		                  t_contains(h.body.s, "Geen regel"),
		              "%s", p);
		ck_assert(!t_contains(h.body.s, "<script>"));
		http_release(&h);
		free(p);
	}
	ck_assert_int_eq(get(&h, "/bevindingen?status=%3Cscript%3E", bob), 400);
	ck_assert(t_contains(h.body.s, "&lt;script&gt;"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/bevindingen?status=%ZZ", bob), 400);
	http_release(&h);
	/* Only GET. */
	ck_assert_int_eq(post(&h, "/bevindingen", bob, "x=1"), 405);
	http_release(&h);
	free(bob);
	free(anna);
}
END_TEST

START_TEST(test_serve_proeftuin_filters)
{
	struct http h;
	char *bob = login("bob", "geheim-2");
	const char *cut;

	ck_assert_int_eq(get(&h, "/proeftuinen/noord?soort=risico", bob), 200);
	/* Before the juridische ruimte, which names every finding. */
	cut = at(&h, "<h2>Juridische ruimte</h2>");
	ck_assert_ptr_nonnull(cut);
	ck_assert(at(&h, "/findings/" F_DWANG_ENC) < cut);
	ck_assert(at(&h, "<a href=\"/findings/" F_UITVOERING_ENC "\">") > cut);
	ck_assert(t_contains(h.body.s, "<a href=\"/proeftuinen/noord\" "
	                               "title=\"Filter weghalen\">soort: "
	                               "risico"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord?niveau=college", bob),
	                 200);
	cut = at(&h, "<h2>Juridische ruimte</h2>");
	ck_assert(at(&h, "/findings/" F_SCHAAL_ENC) < cut);
	ck_assert(at(&h, "<a href=\"/findings/" F_UITVOERING_ENC "\">") > cut);
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord?ernst=zwaar", bob), 400);
	ck_assert(t_contains(h.body.s, "Onbekende waarde van ernst"));
	http_release(&h);
	free(bob);
}
END_TEST

/* Append a log entry for finding id at a UTC time, as review_set does. */
static void
log_entry(const char *id, const char *at, const char *by, const char *note)
{
	char *sql = sqlite3_mprintf(
	    "INSERT INTO review_log(finding_id, logged_at, reviewer, "
	    "old_status, new_status, note) VALUES(%Q, %Q, %Q, 'open', "
	    "'confirmed', %Q)",
	    id, at, by, note);

	db_exec(sql);
	sqlite3_free(sql);
}

START_TEST(test_serve_log)
{
	static const char *const bad[] = {"pagina=0",
	                                  "pagina=-1",
	                                  "pagina=abc",
	                                  "pagina=1x",
	                                  "van=2026-02-30",
	                                  "tot=gisteren",
	                                  "van=2026-07-02&tot=2026-07-01",
	                                  "proeftuin=zuid",
	                                  "van=%3Cscript%3E"};
	struct http h;
	char *bob = login("bob", "geheim-2");
	struct pt_buf sql = PT_BUF_INIT;
	const char *a, *b;
	size_t i;
	int k;

	ck_assert_int_eq(get(&h, "/logboek", NULL), 401);
	http_release(&h);
	/* Summer and winter time, a member whose name needs escaping. */
	log_entry(F_SCHAAL, "2026-07-01T12:05:00Z", "anna", "zomer");
	log_entry(F_SCHAAL, "2026-01-15T23:30:00Z", "Eva \"<script>\" & 'Co'",
	          "<script>x</script> & \"y\"");
	ck_assert_int_eq(get(&h, "/logboek", bob), 200);
	ck_assert(t_contains(h.body.s, "<a href=\"/logboek\">Logboek</a>"));
	ck_assert(t_contains(h.body.s, "<time datetime=\"2026-07-01T12:05:00Z\""
	                               ">1 juli 2026 14:05</time>"));
	ck_assert(t_contains(h.body.s, ">16 januari 2026 00:30</time>"));
	ck_assert(!t_contains(h.body.s, "<script>"));
	ck_assert(t_contains(h.body.s, "Eva &quot;&lt;script&gt;&quot; &amp; "
	                               "&#39;Co&#39;</a>"));
	ck_assert(t_contains(h.body.s, "&lt;script&gt;x&lt;/script&gt; &amp; "
	                               "&quot;y&quot;"));
	/* Newest first, whatever the order they were written in. */
	a = at(&h, ">1 juli 2026 14:05<");
	b = at(&h, ">16 januari 2026 00:30<");
	ck_assert(a != NULL && b != NULL && a < b);
	/* The finding's own history says its times the same way. */
	{
		struct http f;

		ck_assert_int_eq(get(&f, "/findings/" F_SCHAAL_ENC, bob), 200);
		ck_assert(t_contains(f.body.s, "<time datetime=\"2026-07-01T"
		                               "12:05:00Z\">1 juli 2026 14:05"
		                               "</time>"));
		http_release(&f);
	}
	/* A member's name is a link that sets the filter. */
	ck_assert(
	    t_contains(h.body.s, "<a href=\"/logboek?lid=anna\">anna</a>"));
	http_release(&h);

	/* By member, proeftuin and period (days in Europe/Amsterdam). */
	ck_assert_int_eq(get(&h, "/logboek?lid=anna", bob), 200);
	ck_assert(t_contains(h.body.s, "1 juli 2026 14:05"));
	ck_assert(!t_contains(h.body.s, "Eva"));
	ck_assert(t_contains(h.body.s, "<a href=\"/logboek\" title=\"Filter "
	                               "weghalen\">lid: anna"));
	http_release(&h);
	ck_assert_int_eq(get(&h,
	                     "/logboek?lid=Eva+%22%3Cscript%3E%22+%26+%27Co"
	                     "%27",
	                     bob),
	                 200);
	ck_assert(t_contains(h.body.s, "1 beslissing met"));
	ck_assert(t_contains(h.body.s, "16 januari 2026 00:30"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?lid=niemand", bob), 200);
	ck_assert(t_contains(h.body.s, "Geen beslissingen."));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?van=2026-01-16&tot=2026-01-16", bob),
	                 200);
	ck_assert(t_contains(h.body.s, "16 januari 2026 00:30"));
	ck_assert(!t_contains(h.body.s, "1 juli 2026"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?tot=2026-01-15", bob), 200);
	ck_assert(t_contains(h.body.s, "Geen beslissingen."));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?van=2026-07-01&tot=2026-07-01", bob),
	                 200);
	ck_assert(t_contains(h.body.s, "1 juli 2026 14:05"));
	ck_assert(!t_contains(h.body.s, "januari"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?proeftuin=noord&lid=anna", bob),
	                 200);
	ck_assert(t_contains(h.body.s, "1 juli 2026 14:05"));
	http_release(&h);

	/* Pages of WEB_LOG_PAGE: 2 + 120 entries make 3. */
	pt_buf_adds(&sql, "BEGIN;");
	for (k = 0; k < 120; k++)
		pt_buf_addf(
		    &sql,
		    "INSERT INTO review_log(finding_id, logged_at, "
		    "reviewer, old_status, new_status, note) VALUES('" F_SCHAAL
		    "', '2026-08-01T10:%02d:%02dZ', 'piet', "
		    "'open', 'open', 'nr %d');",
		    k / 60, k % 60, k);
	pt_buf_adds(&sql, "COMMIT;");
	db_exec(sql.s);
	pt_buf_release(&sql);
	ck_assert_int_eq(get(&h, "/logboek", bob), 200);
	ck_assert(t_contains(h.body.s, "Pagina 1 van 3"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?lid=piet", bob), 200);
	ck_assert(t_contains(h.body.s, "Pagina 1 van 3"));
	ck_assert(t_contains(h.body.s, ">nr 119<"));
	ck_assert(t_contains(h.body.s, ">nr 70<"));
	ck_assert(!t_contains(h.body.s, ">nr 69<"));
	ck_assert(t_contains(h.body.s, "<a rel=\"next\" href=\"/logboek?lid="
	                               "piet&amp;pagina=2\">volgende</a>"));
	ck_assert(!t_contains(h.body.s, "rel=\"prev\""));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?lid=piet&pagina=3", bob), 200);
	ck_assert(t_contains(h.body.s, "Pagina 3 van 3"));
	ck_assert(t_contains(h.body.s, ">nr 0<"));
	ck_assert(t_contains(h.body.s, ">nr 19<"));
	ck_assert(!t_contains(h.body.s, ">nr 20<"));
	ck_assert(t_contains(h.body.s, "<a rel=\"prev\" href=\"/logboek?lid="
	                               "piet&amp;pagina=2\">vorige</a>"));
	ck_assert(!t_contains(h.body.s, "rel=\"next\""));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?lid=piet&pagina=4", bob), 404);
	ck_assert(t_contains(h.body.s, "3 pagina&#39;s"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/logboek?lid=niemand&pagina=2", bob), 404);
	http_release(&h);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *p = xasprintf("/logboek?%s", bad[i]);

		ck_assert_msg(get(&h, p, bob) == 400, "%s: %ld", p, h.status);
		ck_assert(!t_contains(h.body.s, "<script>"));
		http_release(&h);
		free(p);
	}
	ck_assert_int_eq(post(&h, "/logboek", bob, "x=1"), 405);
	http_release(&h);
	free(bob);
}
END_TEST

/* The value of the Location header of h (caller frees), or NULL. */
static char *
location(const struct http *h)
{
	const char *c = strstr(h->head.s, "Location: ");

	return c != NULL ? xstrndup(c + 10, strcspn(c + 10, "\r\n")) : NULL;
}

START_TEST(test_serve_decision_form)
{
	struct http h;
	char *anna = login("anna", "geheim-1"), *csrf, *body, *note;
	const char *page = "/findings/" F_DWANG_ENC;
	const char *path = "/findings/" F_DWANG_ENC "/review";
	const char *form, *details;
	long long n0 = log_rows();

	/* The form comes first, before the legal content. */
	ck_assert_int_eq(get(&h, page, anna), 200);
	form = at(&h, "<form method=\"post\" class=\"beoordeling\"");
	details = at(&h, "<h2>De bevinding</h2>");
	ck_assert(form != NULL && details != NULL && form < details);
	ck_assert(!t_contains(h.body.s, "Uw beslissing is vastgelegd"));
	http_release(&h);
	csrf = csrf_of(page, anna);

	/* Refused: the chosen status and the note come back, the message
	 * beside the field, nothing stored. */
	note = enc("Eerst \"<script>\" & 'overleg'");
	body = xasprintf("csrf=%s&status=rejected&note=", csrf);
	ck_assert_int_eq(post(&h, path, anna, body), 400);
	ck_assert(t_contains(h.body.s, "<option value=\"rejected\" selected>"));
	ck_assert(t_contains(h.body.s, "<p class=\"veldfout\" id=\"note-fout\" "
	                               "role=\"alert\">Bij verwerpen"));
	ck_assert(at(&h, "id=\"note-fout\"") < at(&h, "<textarea id=\"note\""));
	ck_assert(t_contains(h.body.s, "aria-describedby=\"note-fout\""));
	http_release(&h);
	free(body);
	body = xasprintf("csrf=%s&status=maybe&note=%s", csrf, note);
	ck_assert_int_eq(post(&h, path, anna, body), 400);
	ck_assert(t_contains(h.body.s, "id=\"status-fout\""));
	ck_assert(t_contains(h.body.s, "Kies een geldige beslissing"));
	/* The note as typed, escaped, in the textarea. */
	ck_assert(t_contains(h.body.s, "\">Eerst &quot;&lt;script&gt;&quot; "
	                               "&amp; &#39;overleg&#39;</textarea>"));
	ck_assert(!t_contains(h.body.s, "<script>"));
	http_release(&h);
	free(body);
	{
		struct pt_buf b = PT_BUF_INIT;
		int i;

		pt_buf_addf(&b, "csrf=%s&status=mitigated&note=", csrf);
		for (i = 0; i <= REVIEW_NOTE_MAX; i++)
			pt_buf_adds(&b, "y");
		ck_assert_int_eq(post(&h, path, anna, b.s), 400);
		ck_assert(t_contains(h.body.s, "<option value=\"mitigated\" "
		                               "selected>"));
		ck_assert(t_contains(h.body.s, "yyyyyyyyyy</textarea>"));
		ck_assert(t_contains(h.body.s, "id=\"note-fout\""));
		http_release(&h);
		pt_buf_release(&b);
	}
	ck_assert_int_eq(log_rows(), n0);

	/* Saved: back on the page with a confirmation. */
	body = xasprintf("csrf=%s&status=rejected&note=%s", csrf, note);
	ck_assert_int_eq(post(&h, path, anna, body), 303);
	ck_assert(t_contains(h.head.s, "Location: /findings/" F_DWANG_ENC
	                               "?opgeslagen=1\r\n"));
	http_release(&h);
	free(body);
	ck_assert_int_eq(log_rows(), n0 + 1);
	ck_assert_int_eq(
	    get(&h, "/findings/" F_DWANG_ENC "?opgeslagen=1", anna), 200);
	ck_assert(t_contains(h.body.s,
	                     "<p class=\"opgeslagen\" role=\"status\">"
	                     "Uw beslissing is vastgelegd: <span "
	                     "class=\"status s-rejected\">"
	                     "verworpen</span>.</p>"));
	/* The saved status is the one the form starts from; the note is
	 * not typed in again. */
	ck_assert(t_contains(h.body.s, "<option value=\"rejected\" selected>"));
	ck_assert(t_contains(h.body.s, "\"></textarea>"));
	http_release(&h);
	free(note);
	free(csrf);
	free(anna);
}
END_TEST

/* Sign in from the page at path (without a session) with the form that
 * page shows; returns the status and the Location in *loc. */
static long
login_from(const char *path, const char *volgende, char **loc)
{
	struct http page, h;
	char *nonce = NULL, *csrf = NULL, *body, *c, *v = NULL;
	long st;

	get(&page, path, NULL);
	if ((c = strstr(page.head.s, "pt_aanmelden=")) != NULL)
		nonce = xstrndup(c + 13, strcspn(c + 13, ";\r\n"));
	if ((c = strstr(page.body.s, "name=\"csrf\" value=\"")) != NULL)
		csrf = xstrndup(c + 19, strcspn(c + 19, "\""));
	if ((c = strstr(page.body.s, "name=\"volgende\" value=\"")) != NULL)
		v = xstrndup(c + 23, strcspn(c + 23, "\""));
	http_release(&page);
	ck_assert_ptr_nonnull(nonce);
	ck_assert_ptr_nonnull(csrf);
	if (volgende != NULL) {
		free(v);
		v = enc(volgende);
	} else if (v != NULL) {
		/* As the browser sends the field: the page's value
		 * unescaped (&amp; only here), form-encoded. */
		char *e;

		while ((e = strstr(v, "&amp;")) != NULL)
			memmove(e + 1, e + 5, strlen(e + 5) + 1);
		e = enc(v);
		free(v);
		v = e;
	}
	body = xasprintf("csrf=%s&user=anna&password=geheim-1%s%s", csrf,
	                 v != NULL ? "&volgende=" : "", v != NULL ? v : "");
	req_login_nonce = nonce;
	st = post(&h, "/login", NULL, body);
	req_login_nonce = NULL;
	*loc = location(&h);
	http_release(&h);
	free(body);
	free(csrf);
	free(nonce);
	free(v);
	return st;
}

START_TEST(test_serve_login_next)
{
	static const char *const evil[] = {"//evil.example/",
	                                   "http://evil.example/",
	                                   "https:evil.example",
	                                   "/\\evil.example",
	                                   "\\\\evil.example",
	                                   "evil.example",
	                                   "/a\r\nSet-Cookie: x=1",
	                                   "/a\tb",
	                                   "javascript:alert(1)",
	                                   "/login",
	                                   "/logout",
	                                   " /",
	                                   ""};
	struct http h;
	char *loc = NULL;
	size_t i;

	/* Asked for a page: that page, with its query, after signing in. */
	ck_assert_int_eq(
	    get(&h, "/bevindingen?soort=risico&sorteer=ernst", NULL), 401);
	ck_assert(t_contains(h.body.s,
	                     "<input type=\"hidden\" name=\"volgende\" "
	                     "value=\"/bevindingen?soort=risico&amp;"
	                     "sorteer=ernst\">"));
	http_release(&h);
	ck_assert_int_eq(
	    login_from("/bevindingen?soort=risico&sorteer=ernst", NULL, &loc),
	    303);
	ck_assert_str_eq(loc, "/bevindingen?soort=risico&sorteer=ernst");
	free(loc);
	ck_assert_int_eq(login_from("/findings/" F_DWANG_ENC, NULL, &loc), 303);
	ck_assert_str_eq(loc, "/findings/" F_DWANG_ENC);
	free(loc);
	ck_assert_int_eq(login_from("/login?volgende=%2Flogboek", NULL, &loc),
	                 303);
	ck_assert_str_eq(loc, "/logboek");
	free(loc);
	/* Without one: home. */
	ck_assert_int_eq(login_from("/login", NULL, &loc), 303);
	ck_assert_str_eq(loc, "/");
	free(loc);
	/* Never another site, a scheme or a header: home instead. */
	for (i = 0; i < sizeof evil / sizeof evil[0]; i++) {
		ck_assert_int_eq(login_from("/login", evil[i], &loc), 303);
		ck_assert_msg(strcmp(loc, "/") == 0, "%s -> %s", evil[i], loc);
		free(loc);
	}
	/* A signed-in browser at /login?volgende= goes there, if local. */
	loc = login("anna", "geheim-1");
	ck_assert_int_eq(
	    get(&h, "/login?volgende=%2Flogboek%3Flid%3Danna", loc), 303);
	ck_assert(t_contains(h.head.s, "Location: /logboek?lid=anna\r\n"));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/login?volgende=%2F%2Fevil.example", loc),
	                 303);
	ck_assert(t_contains(h.head.s, "Location: /\r\n"));
	http_release(&h);
	/* A wrong password keeps where to go. */
	free(loc);
	ck_assert_int_eq(get(&h, "/login?volgende=%2Flogboek", NULL), 200);
	ck_assert(t_contains(h.body.s, "name=\"volgende\" value=\"/logboek\""));
	http_release(&h);
}
END_TEST

/* A finding the latest version of its design no longer has keeps its
 * page and its log, and is not decided again. */
START_TEST(test_serve_resolved)
{
	static const char one[] = "    <gemeente>Het Hogeland</gemeente>\n";
	struct http h;
	char *anna = login("anna", "geheim-1"), *csrf, *body, *xml, *v2, *cut;
	char *noord = t_src("xml/proeftuinen/noord.xml");
	const char *path = "/findings/" F_SCHAAL_ENC "/review";
	size_t len;
	long long n0;

	/* Decided while it stood; the form is there. */
	csrf = csrf_of("/findings/" F_SCHAAL_ENC, anna);
	ck_assert_int_eq(
	    decide(anna, F_SCHAAL_ENC,
	           "status=confirmed&note=nog+%3Cb%3Eopen%3C%2Fb%3E"),
	    303);
	/* One municipality: no regional barrier in the new version. */
	xml = t_read(noord, &len);
	ck_assert_ptr_nonnull(xml);
	cut = strstr(xml, one);
	ck_assert_ptr_nonnull(cut);
	memmove(cut, cut + strlen(one), strlen(cut + strlen(one)) + 1);
	v2 = t_write(dir, "noord-v2.xml", xml, strlen(xml));
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "proeftuin", "add", "-q",
	                       "--rules", rules, v2, NULL),
	                 PT_OK);
	n0 = log_rows();

	ck_assert_int_eq(get(&h, "/findings/" F_SCHAAL_ENC, anna), 200);
	ck_assert(t_contains(h.body.s, "<span class=\"status s-resolved\">"
	                               "opgelost</span>"));
	ck_assert(t_contains(h.body.s, "er kan geen nieuwe beslissing"));
	ck_assert(!t_contains(h.body.s, "class=\"beoordeling\""));
	ck_assert(!t_contains(h.body.s, "name=\"status\""));
	/* The legal content of the version that had it. */
	ck_assert(t_contains(h.body.s, "Een regionaal team voor meerdere "
	                               "gemeenten"));
	ck_assert(t_contains(h.body.s, "<h2>Bepalingen op de peildatum</h2>"));
	ck_assert(t_contains(h.body.s, "<blockquote"));
	ck_assert(t_contains(h.body.s, "jci1.3:c:BWBR0034925&amp;artikel=2.3"));
	/* And its history, escaped. */
	ck_assert(t_contains(h.body.s, "<td>anna</td>"));
	ck_assert(t_contains(h.body.s, "nog &lt;b&gt;open&lt;/b&gt;"));
	http_release(&h);

	/* A decision is refused with 409 and nothing is stored. */
	body = xasprintf("csrf=%s&status=open&note=toch", csrf);
	ck_assert_int_eq(post(&h, path, anna, body), 409);
	ck_assert(t_contains(h.body.s, "Deze bevinding is opgelost; er kan "
	                               "geen beslissing meer"));
	ck_assert(!t_contains(h.body.s, "class=\"beoordeling\""));
	http_release(&h);
	free(body);
	/* Even with a bad status: being resolved comes first. */
	body = xasprintf("csrf=%s&status=rejected", csrf);
	ck_assert_int_eq(post(&h, path, anna, body), 409);
	http_release(&h);
	free(body);
	/* Without the token it is still a 403, and so for a reader. */
	ck_assert_int_eq(post(&h, path, anna, "status=open"), 403);
	http_release(&h);
	{
		char *bob = login("bob", "geheim-2"),
		     *bcsrf = csrf_of("/", bob);

		body = xasprintf("csrf=%s&status=open", bcsrf);
		ck_assert_int_eq(post(&h, path, bob, body), 403);
		http_release(&h);
		ck_assert_int_eq(get(&h, "/findings/" F_SCHAAL_ENC, bob), 200);
		ck_assert(t_contains(h.body.s, "<h2>Geschiedenis</h2>"));
		http_release(&h);
		free(body);
		free(bcsrf);
		free(bob);
	}
	ck_assert_int_eq(log_rows(), n0);

	/* It leaves the list of current findings, and is listed as
	 * resolved on its proeftuin. */
	ck_assert_int_eq(get(&h, "/bevindingen", anna), 200);
	ck_assert(!t_contains(h.body.s, "/findings/" F_SCHAAL_ENC));
	ck_assert(t_contains(h.body.s, "/findings/" F_UITVOERING_ENC));
	http_release(&h);
	ck_assert_int_eq(get(&h, "/proeftuinen/noord", anna), 200);
	ck_assert(t_contains(h.body.s, "<h2>Opgeloste bevindingen</h2>"));
	ck_assert(t_contains(h.body.s, "/findings/" F_SCHAAL_ENC));
	http_release(&h);
	/* A finding that still stands can be decided as before. */
	ck_assert_int_eq(decide(anna, F_UITVOERING_ENC, "status=confirmed"),
	                 303);
	ck_assert_int_eq(log_rows(), n0 + 1);
	free(xml);
	free(v2);
	free(noord);
	free(csrf);
	free(anna);
}
END_TEST

/* The days of the log's period are days in Europe/Amsterdam: their UTC
 * bounds around the changes of the clock, and the log's times read back. */
START_TEST(test_serve_log_days)
{
	static const struct {
		const char *date;
		int next;
		const char *utc;
	} rows[] = {
	    {"2026-01-16", 0, "2026-01-15T23:00:00Z"},
	    {"2026-07-01", 0, "2026-06-30T22:00:00Z"},
	    {"2026-07-01", 1, "2026-07-01T22:00:00Z"},
	    /* the last Sunday of March: midnight is still winter time */
	    {"2026-03-29", 0, "2026-03-28T23:00:00Z"},
	    {"2026-03-29", 1, "2026-03-29T22:00:00Z"},
	    /* the last Sunday of October: midnight is still summer time */
	    {"2026-10-25", 0, "2026-10-24T22:00:00Z"},
	    {"2026-10-25", 1, "2026-10-25T23:00:00Z"},
	    {"2024-02-29", 1, "2024-02-29T23:00:00Z"},
	    {"2026-12-31", 1, "2026-12-31T23:00:00Z"},
	};
	static const char *const bad[] = {"2026-07-01",
	                                  "2026-07-01T12:05:00",
	                                  "2026-07-01 12:05:00Z",
	                                  "2026-13-01T12:05:00Z",
	                                  "2026-07-01T12:05:00Zx",
	                                  ""};
	char utc[32], nl[48];
	time_t t;
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		provenance_amsterdam_day_utc(rows[i].date, rows[i].next, utc);
		ck_assert_msg(strcmp(utc, rows[i].utc) == 0, "%s %d: %s",
		              rows[i].date, rows[i].next, utc);
	}
	ck_assert_int_eq(provenance_parse_utc("2026-07-01T12:05:00Z", &t), 0);
	provenance_amsterdam_nl_short(t, nl);
	ck_assert_str_eq(nl, "1 juli 2026 14:05");
	provenance_utc(t, utc);
	ck_assert_str_eq(utc, "2026-07-01T12:05:00Z");
	ck_assert_int_eq(provenance_parse_utc("2024-02-29T23:59:59Z", &t), 0);
	provenance_amsterdam_nl_short(t, nl);
	ck_assert_str_eq(nl, "1 maart 2024 00:59");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(provenance_parse_utc(bad[i], &t) == -1, "%s",
		              bad[i]);
}
END_TEST

/* Decisions through review_set_current(): refused for a resolved
 * finding in the same transaction, nothing written. */
START_TEST(test_serve_review_set_current)
{
	struct pt_store *st;
	struct pt_err e = PT_ERR_INIT;
	long long n0;
	int resolved = -1;

	make_registry();
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(review_set_current(st, F_UITVOERING, REVIEW_CONFIRMED,
	                                    "anna", NULL, &resolved, NULL, &e),
	                 PT_OK);
	ck_assert_int_eq(resolved, 0);
	store_close(st);
	n0 = log_rows();
	ck_assert_int_eq(n0, 1);
	/* A new version without the finding: resolved. */
	{
		static const char one[] =
		    "    <gemeente>Het Hogeland</gemeente>\n";
		char *noord = t_src("xml/proeftuinen/noord.xml");
		char *xml = t_read(noord, NULL), *cut = strstr(xml, one), *v2;

		ck_assert_ptr_nonnull(cut);
		memmove(cut, cut + strlen(one), strlen(cut + strlen(one)) + 1);
		v2 = t_write(dir, "v2.xml", xml, strlen(xml));
		ck_assert_int_eq(t_cli(NULL, NULL, "--db", db, "proeftuin",
		                       "add", "-q", "--rules", rules, v2, NULL),
		                 PT_OK);
		free(v2);
		free(xml);
		free(noord);
	}
	ck_assert_int_eq(store_open(db, &st, &e), PT_OK);
	ck_assert_int_eq(review_set_current(st, F_SCHAAL, REVIEW_OPEN, "anna",
	                                    NULL, &resolved, NULL, &e),
	                 PT_OK);
	ck_assert_int_eq(resolved, 1);
	ck_assert_int_eq(log_rows(), n0);
	/* Unknown stays unknown; a current finding is still decided. */
	ck_assert_int_eq(review_set_current(st, "noord/nope", REVIEW_OPEN,
	                                    "anna", NULL, &resolved, NULL, &e),
	                 PT_ENOTFOUND);
	pt_err_clear(&e);
	ck_assert_int_eq(review_set_current(st, F_UITVOERING, REVIEW_OPEN,
	                                    "anna", NULL, &resolved, NULL, &e),
	                 PT_OK);
	ck_assert_int_eq(resolved, 0);
	ck_assert_int_eq(log_rows(), n0 + 1);
	store_close(st);
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
	free(rules);
}
END_TEST

Suite *
suite_serve(void)
{
	Suite *s = suite_create("serve");
	TCase *tc;

	tc = tcase_create("http");
	tcase_add_unchecked_fixture(tc, start_server, stop_server);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_serve_needs_sign_in);
	tcase_add_test(tc, test_serve_security_headers);
	tcase_add_test(tc, test_serve_login_logout);
	tcase_add_test(tc, test_serve_pages);
	tcase_add_test(tc, test_serve_api);
	tcase_add_test(tc, test_serve_review_write);
	tcase_add_test(tc, test_serve_escapes_notes);
	tcase_add_test(tc, test_serve_bad_requests);
	tcase_add_test(tc, test_serve_session_cap_and_rotation);
	tcase_add_test(tc, test_serve_login_foreign_origin);
	tcase_add_test(tc, test_serve_login_form_token);
	tcase_add_test(tc, test_serve_hashing_does_not_block_pages);
	tcase_add_test(tc, test_serve_ruimte);
	tcase_add_test(tc, test_serve_design_xml);
	tcase_add_test(tc, test_serve_design_view);
	tcase_add_test(tc, test_serve_versions);
	tcase_add_test(tc, test_serve_compare);
	tcase_add_test(tc, test_serve_design_form);
	tcase_add_test(tc, test_serve_design_fields);
	suite_add_tcase(s, tc);

	tc = tcase_create("decisions");
	tcase_add_unchecked_fixture(tc, start_server, stop_server);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_serve_findings_list);
	tcase_add_test(tc, test_serve_proeftuin_filters);
	tcase_add_test(tc, test_serve_log);
	tcase_add_test(tc, test_serve_decision_form);
	tcase_add_test(tc, test_serve_login_next);
	tcase_add_test(tc, test_serve_resolved);
	suite_add_tcase(s, tc);

	tc = tcase_create("limits");
	tcase_add_unchecked_fixture(tc, start_server, stop_server);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_serve_login_limits);
	suite_add_tcase(s, tc);

	tc = tcase_create("slow");
	tcase_add_unchecked_fixture(tc, start_slow_server, stop_server);
	tcase_set_timeout(tc, 180);
	tcase_add_test(tc, test_serve_request_timeout);
	tcase_add_test(tc, test_serve_slowloris);
	suite_add_tcase(s, tc);

	tc = tcase_create("busy");
	tcase_set_timeout(tc, 60);
	tcase_add_unchecked_fixture(tc, start_impatient_server, stop_server);
	tcase_add_test(tc, test_serve_review_busy);
	suite_add_tcase(s, tc);

	tc = tcase_create("cli");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_serve_listen_address);
	tcase_add_test(tc, test_serve_warns_beyond_loopback);
	tcase_add_test(tc, test_serve_user_add);
	tcase_add_test(tc, test_serve_log_days);
	tcase_add_test(tc, test_serve_review_set_current);
	suite_add_tcase(s, tc);
	return s;
}
