/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_serve.c: the web workspace over real HTTP.  Each test case starts
 * `proeftoets serve --listen 127.0.0.1:0` in a child process on a
 * registry with the bundled laws, the noord proeftuin and two accounts,
 * and talks to it with libcurl: every page and API route, sign-in and
 * sign-out, review writes with and without CSRF token, a reader trying to
 * write, escaping, oversized and malformed requests, 404s, encoded ids,
 * the juridische ruimte and saving its lawful variant,
 * login limits; then stops it with SIGTERM and expects a clean exit.
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
#include "review.h"
#include "buf.h"
#include "check.h"
#include "cli.h"
#include "design.h"
#include "report.h"
#include "rules.h"
#include "saved.h"
#include "serve.h"
#include "store.h"
#include "suites.h"
#include "testlib.h"

#define F_UITVOERING     "noord/jw-3.2-1-uitvoering/rvt-noord"
#define F_UITVOERING_ENC "noord%2Fjw-3.2-1-uitvoering%2Frvt-noord"

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
	ck_assert(t_contains(h.body.s, "<a href=\"/wet/BWBR0034925/2.11?date="
	                               "2015-01-01&amp;lid=1\">geldend vanaf "
	                               "2015-01-01</a>"));
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
	ck_assert(t_contains(h.body.s, "Artikel 3.2 lid 1 Jeugdwet"));
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
	ck_assert(t_contains(h.head.s,
	                     "Location: /findings/" F_UITVOERING_ENC "\r\n"));
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
	suite_add_tcase(s, tc);
	return s;
}
