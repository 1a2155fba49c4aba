/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * serve.c: the HTTP side of the web workspace (see serve.h): requests,
 * bodies, cookies, sessions, routing, headers.  Pages come from web.c.
 *
 * MHD is told not to decode URLs (unescape_none): the raw path is split
 * and percent-decoded here, strictly (a bad escape, a NUL byte or invalid
 * UTF-8 is a 400), so that an id may contain an encoded '/'.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlstring.h>
#include <microhttpd.h>

#include "auth.h"
#include "buf.h"
#include "html.h"
#include "review.h"
#include "rules.h"
#include "serve.h"
#include "store.h"
#include "web.h"

#define COOKIE "pt_sessie"
/* The nonce of the sign-in form (auth_login_nonce()). */
#define LOGIN_COOKIE "pt_aanmelden"
/* Seconds a client is asked to wait after a write found the registry
 * locked (Retry-After of the 503). */
#define SERVE_BUSY_RETRY 2
/* The most fields a form may have (form_problem()). */
#define SERVE_FORM_FIELDS 8
/* The longest address the sign-in returns to (next_ok()). */
#define SERVE_NEXT_MAX 2048

static const char csp[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/*
 * Requests are answered each on the thread of its connection; each takes
 * a registry connection of its own from the pool for the request (SQLite
 * connections are not shared between threads) and gives it back.
 */
/*
 * A connection as the watchdog sees it: from MHD's notification of its
 * start to that of its end (the socket is closed after the latter, so the
 * watchdog, under conn_mu, never touches a descriptor reused since).
 */
struct conn {
	struct conn *prev, *next;
	int fd;
	time_t start;  /* of the request coming in now */
	int answering; /* the request is in and being answered */
	int expired;   /* the watchdog has ended it */
};

struct server {
	const struct serve_config *cfg;
	struct ruleset *rs;      /* read only once loaded */
	struct auth_limits *lim; /* thread-safe */
	const char *tmpdir;
	unsigned max_conn, per_addr, idle, req_timeout;
	pthread_mutex_t pool_mu;
	struct pt_store **pool; /* max_conn of them */
	size_t npool;
	pthread_mutex_t conn_mu; /* guards conns and stopping */
	pthread_cond_t conn_cv;
	struct conn *conns;
	int stopping;
};

/* A registry connection for one request: from the pool, or a new one. */
static struct pt_store *
pool_get(struct server *sv, struct pt_err *err)
{
	struct pt_store *st = NULL;

	pthread_mutex_lock(&sv->pool_mu);
	if (sv->npool > 0)
		st = sv->pool[--sv->npool];
	pthread_mutex_unlock(&sv->pool_mu);
	if (st == NULL && store_open(sv->cfg->db_path, &st, err) != PT_OK)
		return NULL;
	return st;
}

static void
pool_put(struct server *sv, struct pt_store *st)
{
	if (st == NULL)
		return;
	pthread_mutex_lock(&sv->pool_mu);
	if (sv->npool < sv->max_conn) {
		sv->pool[sv->npool++] = st;
		st = NULL;
	}
	pthread_mutex_unlock(&sv->pool_mu);
	store_close(st);
}

/* Per connection and request: the body as it comes in. */
struct req {
	struct pt_buf body;
	size_t limit; /* body_limit() */
	int too_big;
	int answered;
};

struct resp {
	int status;
	const char *type;
	struct pt_buf body;
	char *location;    /* for 303 */
	char *cookie;      /* Set-Cookie */
	const char *allow; /* for 405 */
	const char *disposition;
	int retry_after;
};

/* --- addresses -------------------------------------------------------------
 */

enum pt_status
serve_addr_parse(const char *s, struct serve_addr *a, struct pt_err *err)
{
	const char *colon;
	char host[64], *end;
	unsigned long port;
	size_t hlen;

	memset(a, 0, sizeof *a);
	if (s[0] == '[') {
		const char *close = strchr(s, ']');

		if (close == NULL || close[1] != ':')
			goto bad;
		hlen = (size_t)(close - s - 1);
		if (hlen == 0 || hlen >= sizeof host)
			goto bad;
		memcpy(host, s + 1, hlen);
		host[hlen] = '\0';
		colon = close + 1;
	} else {
		colon = strrchr(s, ':');
		if (colon == NULL)
			goto bad;
		hlen = (size_t)(colon - s);
		if (hlen == 0 || hlen >= sizeof host)
			goto bad;
		memcpy(host, s, hlen);
		host[hlen] = '\0';
	}
	if (colon[1] < '0' || colon[1] > '9')
		goto bad;
	errno = 0;
	port = strtoul(colon + 1, &end, 10);
	if (errno != 0 || *end != '\0' || port > 65535)
		goto bad;
	if (s[0] == '[') {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&a->ss;

		if (inet_pton(AF_INET6, host, &in6->sin6_addr) != 1)
			goto bad;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((unsigned short)port);
		a->len = sizeof *in6;
		a->loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
	} else {
		struct sockaddr_in *in4 = (struct sockaddr_in *)&a->ss;

		if (inet_pton(AF_INET, host, &in4->sin_addr) != 1)
			goto bad;
		in4->sin_family = AF_INET;
		in4->sin_port = htons((unsigned short)port);
		a->len = sizeof *in4;
		a->loopback = (ntohl(in4->sin_addr.s_addr) >> 24) == 127;
	}
	return PT_OK;
bad:
	return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
	                  "bad listen address '%s' (want ADDR:PORT, e.g. "
	                  "127.0.0.1:8080 or [::1]:8080)",
	                  s);
}

/* --- decoding ----------------------------------------------------------------
 */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode len bytes of s (%XX, and '+' as a space when plus is set).
 * NULL for a bad escape, a NUL byte or a result that is not UTF-8.
 */
static char *
pct_decode(const char *s, size_t len, int plus)
{
	char *out = xmalloc(len + 1), *o = out;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= len)
				goto bad;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				goto bad;
			*o++ = (char)(hi * 16 + lo);
			i += 2;
		} else if (s[i] == '+' && plus) {
			*o++ = ' ';
		} else if (s[i] == '\0') {
			goto bad;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	if (!xmlCheckUTF8((const xmlChar *)out))
		goto bad;
	return out;
bad:
	free(out);
	return NULL;
}

/* The fields of an application/x-www-form-urlencoded body, raw, in order:
 * the one walk that form_field() and form_problem() share. */
struct form_iter {
	const char *p, *end;
};

struct form_span {
	const char *name, *value; /* value NULL for a field without '=' */
	size_t nlen, vlen;
};

static void
form_iter_init(struct form_iter *it, const struct pt_buf *body)
{
	it->p = body->s;
	it->end = body->s + body->len;
}

/* The next field in *f: 1, or 0 at the end. */
static int
form_next(struct form_iter *it, struct form_span *f)
{
	const char *amp, *stop, *eq;

	if (it->p >= it->end)
		return 0;
	amp = memchr(it->p, '&', (size_t)(it->end - it->p));
	stop = amp != NULL ? amp : it->end;
	eq = memchr(it->p, '=', (size_t)(stop - it->p));
	f->name = it->p;
	f->nlen = (size_t)((eq != NULL ? eq : stop) - it->p);
	f->value = eq != NULL ? eq + 1 : NULL;
	f->vlen = eq != NULL ? (size_t)(stop - eq - 1) : 0;
	it->p = stop + 1;
	return 1;
}

/*
 * The value of field name in an application/x-www-form-urlencoded body
 * (decoded; caller frees), NULL when absent.  *bad is set when the body
 * or a field cannot be decoded.
 */
static char *
form_field(const struct pt_buf *body, const char *name, int *bad)
{
	struct form_iter it;
	struct form_span f;

	if (memchr(body->s, '\0', body->len) != NULL) {
		*bad = 1;
		return NULL;
	}
	form_iter_init(&it, body);
	while (form_next(&it, &f)) {
		char *key = pct_decode(f.name, f.nlen, 1), *v;

		if (key == NULL) {
			*bad = 1;
			return NULL;
		}
		if (strcmp(key, name) != 0) {
			free(key);
			continue;
		}
		free(key);
		v = f.value != NULL ? pct_decode(f.value, f.vlen, 1)
		                    : xstrdup("");
		if (v == NULL)
			*bad = 1;
		return v;
	}
	return NULL;
}

/* A query argument, decoded (MHD has turned '+' into ' '); caller frees.
 * NULL when absent; *bad when it cannot be decoded. */
static char *
query_arg(struct MHD_Connection *conn, const char *name, int *bad)
{
	const char *v =
	    MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
	char *d;

	if (v == NULL)
		return NULL;
	if ((d = pct_decode(v, strlen(v), 0)) == NULL)
		*bad = 1;
	return d;
}

static size_t
unescape_none(void *cls, struct MHD_Connection *conn, char *uri)
{
	(void)cls;
	(void)conn;
	return strlen(uri);
}

/* --- responses ---------------------------------------------------------------
 */

static void
resp_html(struct resp *r, int status)
{
	r->status = status;
	r->type = "text/html; charset=utf-8";
}

static enum MHD_Result
send_resp(struct MHD_Connection *conn, struct resp *r)
{
	struct MHD_Response *m;
	size_t len = r->body.len;
	enum MHD_Result ok;
	char ra[16];

	m = MHD_create_response_from_buffer(len, pt_buf_detach(&r->body),
	                                    MHD_RESPMEM_MUST_FREE);
	if (m == NULL)
		return MHD_NO;
	MHD_add_response_header(m, "Content-Type",
	                        r->type != NULL ? r->type
	                                        : "text/plain; charset=utf-8");
	MHD_add_response_header(m, "Content-Security-Policy", csp);
	MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(m, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(m, "X-Frame-Options", "DENY");
	MHD_add_response_header(m, "Cache-Control", "no-store");
	if (r->location != NULL)
		MHD_add_response_header(m, "Location", r->location);
	if (r->cookie != NULL)
		MHD_add_response_header(m, "Set-Cookie", r->cookie);
	if (r->allow != NULL)
		MHD_add_response_header(m, "Allow", r->allow);
	if (r->disposition != NULL)
		MHD_add_response_header(m, "Content-Disposition",
		                        r->disposition);
	if (r->retry_after > 0) {
		snprintf(ra, sizeof ra, "%d", r->retry_after);
		MHD_add_response_header(m, "Retry-After", ra);
	}
	ok = MHD_queue_response(conn, (unsigned)r->status, m);
	MHD_destroy_response(m);
	return ok;
}

static void
redirect(struct resp *r, const char *prefix, const char *id, const char *suffix)
{
	struct pt_buf b = PT_BUF_INIT;

	pt_buf_adds(&b, prefix);
	if (id != NULL)
		html_url_encode(&b, id);
	if (suffix != NULL)
		pt_buf_adds(&b, suffix);
	r->location = pt_buf_detach(&b);
	r->status = 303;
	r->type = "text/plain; charset=utf-8";
	pt_buf_adds(&r->body, "See ");
	pt_buf_adds(&r->body, r->location);
	pt_buf_addc(&r->body, '\n');
}

/* --- the request -------------------------------------------------------------
 */

struct call {
	struct server *sv;
	struct MHD_Connection *conn;
	struct req *rq;
	const char *method;
	const char *path; /* raw, not decoded */
	int api;
	int post, get; /* GET also means HEAD */
	struct auth_session ses;
	int signed_in;
	char token[AUTH_TOKEN_HEX];
	char login_nonce[AUTH_TOKEN_HEX], login_csrf[AUTH_TOKEN_HEX];
	char today[16];
	struct web_ctx ctx;
	struct pt_err err;
	struct resp r;
	char disposition[160]; /* r.disposition of a download */
	char *next;            /* ctx.next: where the sign-in goes after */
	struct pt_store *st;   /* this request's registry connection */
};

static void
fail(struct call *c, int status, const char *msg)
{
	pt_buf_reset(&c->r.body);
	if (c->api) {
		c->r.status = web_api_error(status, msg, &c->r.body);
		c->r.type = "application/json";
	} else {
		resp_html(&c->r, web_error(&c->ctx, status, msg, &c->r.body));
	}
}

static void
method_not_allowed(struct call *c, const char *allow)
{
	fail(c, 405, "Deze methode is hier niet toegestaan.");
	c->r.allow = allow;
}

/* The nonce cookie the browser sent with this request, or NULL. */
static const char *
login_cookie(const struct call *c)
{
	return MHD_lookup_connection_value(c->conn, MHD_COOKIE_KIND,
	                                   LOGIN_COOKIE);
}

/* The sign-in page, with its form token and the cookie that holds the
 * nonce behind it (the one the browser sent, when well-formed).  The
 * cookie's path is /: every page a signed-out browser asks for (its
 * favicon too) is this page, and each must keep the nonce of the form
 * already shown. */
static void
login_page(struct call *c, int status, const char *msg)
{
	auth_login_nonce(login_cookie(c), c->login_nonce);
	auth_login_csrf(c->login_nonce, c->login_csrf);
	c->ctx.csrf = c->login_csrf;
	free(c->r.cookie);
	c->r.cookie = xasprintf(LOGIN_COOKIE "=%s; HttpOnly; SameSite=Strict; "
	                                     "Path=/; Max-Age=%d",
	                        c->login_nonce, AUTH_SESSION_SECONDS);
	pt_buf_reset(&c->r.body);
	resp_html(&c->r, web_login(&c->ctx, status, msg, &c->r.body));
}

/*
 * Whether s may be where the sign-in sends the browser: a local path
 * ("/" and one more character that is not '/' or '\\', so no "//host"),
 * printable ASCII without '\\' (no scheme, no header injection), not the
 * sign-in or sign-out itself.
 */
static int
next_ok(const char *s)
{
	size_t i;

	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\' ||
	    strlen(s) > SERVE_NEXT_MAX)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e ||
		    s[i] == '\\')
			return 0;
	if (strncmp(s, "/login", 6) == 0 || strncmp(s, "/logout", 7) == 0)
		return 0;
	return 1;
}

/* Append one query argument of the request (as sent: MHD has only
 * turned '+' into ' ', which goes back). */
static enum MHD_Result
add_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct pt_buf *b = cls;
	const char *p;

	(void)kind;
	pt_buf_addc(b, strchr(b->s, '?') == NULL ? '?' : '&');
	for (p = key; *p; p++)
		pt_buf_addc(b, *p == ' ' ? '+' : *p);
	if (value == NULL)
		return MHD_YES;
	pt_buf_addc(b, '=');
	for (p = value; *p; p++)
		pt_buf_addc(b, *p == ' ' ? '+' : *p);
	return MHD_YES;
}

static void
unauthorized(struct call *c)
{
	struct pt_buf b = PT_BUF_INIT;

	if (c->api) {
		fail(c, 401, "not signed in");
		return;
	}
	/* After signing in, the browser comes back to the page it asked
	 * for. */
	if (c->get) {
		pt_buf_adds(&b, c->path);
		MHD_get_connection_values(c->conn, MHD_GET_ARGUMENT_KIND,
		                          add_arg, &b);
		if (next_ok(b.s)) {
			free(c->next);
			c->next = pt_buf_detach(&b);
			c->ctx.next = c->next;
		}
		pt_buf_release(&b);
	}
	login_page(c, 401, "Log eerst in.");
}

/*
 * What is wrong with the form of a POST, in Dutch, or NULL: it must be
 * application/x-www-form-urlencoded, with at most SERVE_FORM_FIELDS
 * fields, each name once (the forms of the workspace have at most four;
 * a repeated name would leave open which value counts).
 */
static const char *
form_problem(struct call *c)
{
	const char *ct = MHD_lookup_connection_value(c->conn, MHD_HEADER_KIND,
	                                             "Content-Type");
	struct form_span seen[SERVE_FORM_FIELDS], f;
	struct form_iter it;
	size_t n = 0, i;

	if (ct == NULL ||
	    strncmp(ct, "application/x-www-form-urlencoded", 33) != 0 ||
	    (ct[33] != '\0' && ct[33] != ';'))
		return "Het verzoek is geen formulier.";
	form_iter_init(&it, &c->rq->body);
	while (form_next(&it, &f)) {
		if (n == SERVE_FORM_FIELDS)
			return "Het formulier heeft te veel velden.";
		for (i = 0; i < n; i++)
			if (seen[i].nlen == f.nlen &&
			    memcmp(seen[i].name, f.name, f.nlen) == 0)
				return "Het formulier noemt een veld twee "
				       "keer.";
		seen[n++] = f;
	}
	return NULL;
}

/*
 * An Origin header, when sent, must name this host.  Browsers send
 * "null" for our own forms because of Referrer-Policy: no-referrer; the
 * CSRF token is what protects a write, this only refuses the obvious.
 */
static int
origin_ok(struct call *c)
{
	const char *o =
	    MHD_lookup_connection_value(c->conn, MHD_HEADER_KIND, "Origin");
	const char *host =
	    MHD_lookup_connection_value(c->conn, MHD_HEADER_KIND, "Host");
	const char *p;

	if (o == NULL || strcmp(o, "null") == 0)
		return 1;
	if ((p = strstr(o, "://")) == NULL || host == NULL)
		return 0;
	return strcmp(p + 3, host) == 0;
}

static void
do_login(struct call *c)
{
	struct auth_attempt at;
	enum auth_outcome out;
	char *user = NULL, *pass = NULL, *csrf = NULL, *next = NULL, addr[48];
	const char *msg;
	char old[AUTH_TOKEN_HEX];
	int bad = 0, wait = 0;

	/* Login CSRF: a page of another origin must not sign the browser
	 * in under an account of its choosing.  The form token does that
	 * whatever the browser sends as Origin; a foreign Origin is refused
	 * before anything is read. */
	if (!origin_ok(c)) {
		login_page(c, 403,
		           "Deze aanmelding komt niet van deze werkruimte; er "
		           "is niemand aangemeld.");
		return;
	}
	if ((msg = form_problem(c)) != NULL) {
		login_page(c, 400, msg);
		return;
	}
	user = form_field(&c->rq->body, "user", &bad);
	pass = form_field(&c->rq->body, "password", &bad);
	csrf = form_field(&c->rq->body, "csrf", &bad);
	next = form_field(&c->rq->body, "volgende", &bad);
	if (next_ok(next)) {
		c->next = next;
		c->ctx.next = next;
		next = NULL;
	}
	if (bad) {
		login_page(c, 400, "Ongeldig formulier.");
		goto out;
	}
	if (!auth_login_csrf_ok(login_cookie(c), csrf)) {
		login_page(c, 403,
		           "Het aanmeldformulier is verlopen of komt niet van "
		           "deze werkruimte; er is niemand aangemeld. Vul het "
		           "opnieuw in.");
		goto out;
	}
	if (user == NULL || pass == NULL) {
		login_page(c, 400, "Vul naam en wachtwoord in.");
		goto out;
	}
	if (strlen(user) > AUTH_NAME_MAX || strlen(pass) > AUTH_PASSWORD_MAX) {
		char *m = xasprintf("De naam mag ten hoogste %d tekens lang "
		                    "zijn, het wachtwoord ten hoogste %d; er "
		                    "is niemand aangemeld.",
		                    AUTH_NAME_MAX, AUTH_PASSWORD_MAX);

		login_page(c, 400, m);
		free(m);
		goto out;
	}
	{
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		    c->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

		auth_addr_key(ci != NULL ? ci->client_addr : NULL, addr);
	}
	at.name = user;
	at.password = pass;
	at.addr = addr;
	/* auth_login() writes the new token into c->token: the presented
	 * one is passed as a copy. */
	memcpy(old, c->token, sizeof old);
	at.old_token = old;
	at.now = time(NULL);
	if (auth_login(c->st, c->sv->lim, &at, &out, &wait, c->token,
	               &c->err) != PT_OK) {
		fail(c, 500, "De aanmelding kon niet worden verwerkt.");
		goto out;
	}
	switch (out) {
	case AUTH_OK:
		free(c->r.cookie);
		c->r.cookie =
		    xasprintf(COOKIE "=%s; HttpOnly; SameSite=Strict; "
		                     "Path=/; Max-Age=%d",
		              c->token, AUTH_SESSION_SECONDS);
		redirect(&c->r, c->next != NULL ? c->next : "/", NULL, NULL);
		break;
	case AUTH_BAD:
		login_page(c, 401, "Onjuiste naam of wachtwoord.");
		break;
	case AUTH_LIMITED:
		login_page(c, 429,
		           "Te veel mislukte pogingen vanaf dit adres; wacht "
		           "even en probeer het dan opnieuw.");
		c->r.retry_after = wait;
		break;
	case AUTH_BUSY:
		login_page(c, 503,
		           "De werkruimte is druk; probeer het zo opnieuw.");
		c->r.retry_after = wait;
		break;
	}
out:
	free(user);
	free(pass);
	free(csrf);
	free(next);
}

static void
do_logout(struct call *c)
{
	char *csrf;
	int bad = 0;

	if (!c->signed_in) {
		redirect(&c->r, "/login", NULL, NULL);
		return;
	}
	csrf = form_problem(c) == NULL ? form_field(&c->rq->body, "csrf", &bad)
	                               : NULL;
	if (!auth_csrf_ok(&c->ses, csrf)) {
		fail(c, 403,
		     "Het formulier is verlopen of komt niet van deze "
		     "werkruimte.");
	} else if (auth_logout(c->st, c->token, &c->err) != PT_OK) {
		fail(c, 500, "Uitloggen is mislukt.");
	} else {
		c->r.cookie = xstrdup(COOKIE "=; HttpOnly; SameSite=Strict; "
		                             "Path=/; Max-Age=0");
		redirect(&c->r, "/login", NULL, NULL);
	}
	free(csrf);
}

/* 409: the finding is resolved; its page, without a form. */
static void
resolved_refusal(struct call *c, const char *id)
{
	pt_buf_reset(&c->r.body);
	resp_html(&c->r, web_finding(&c->ctx, id, 409,
	                             "Deze bevinding is opgelost; er kan geen "
	                             "beslissing meer over worden vastgelegd. "
	                             "Er is niets vastgelegd.",
	                             &c->r.body, &c->err));
}

static void
do_review(struct call *c, const char *id)
{
	char *csrf = NULL, *status = NULL, *note = NULL;
	const char *msg = form_problem(c);
	int bad = 0, s, resolved = 0;
	enum pt_status rc;
	struct review_item *it;

	if (msg != NULL) {
		fail(c, 400, msg);
		return;
	}
	csrf = form_field(&c->rq->body, "csrf", &bad);
	status = form_field(&c->rq->body, "status", &bad);
	note = form_field(&c->rq->body, "note", &bad);
	if (bad) {
		fail(c, 400, "Het formulier kan niet worden gelezen.");
		goto out;
	}
	if (!auth_csrf_ok(&c->ses, csrf) || !origin_ok(c)) {
		fail(c, 403,
		     "Het formulier is verlopen of komt niet van deze "
		     "werkruimte; er is niets vastgelegd.");
		goto out;
	}
	if (c->ses.role != AUTH_REVIEWER) {
		fail(c, 403,
		     "Alleen een beoordelaar mag beslissingen "
		     "vastleggen; er is niets vastgelegd.");
		goto out;
	}
	/* A resolved finding is not decided again, whatever the form. */
	if ((rc = review_get(c->st, id, &it, &c->err)) == PT_ENOTFOUND) {
		fail(c, 404, "Deze bevinding is niet bekend.");
		goto out;
	} else if (rc != PT_OK) {
		fail(c, 500, "De bevinding kon niet worden gelezen.");
		goto out;
	}
	resolved = it->resolved;
	review_list_free(it, 1);
	if (resolved) {
		resolved_refusal(c, id);
		goto out;
	}
	/* A refused form comes back with what was chosen and typed. */
	c->ctx.form_status = status;
	c->ctx.form_note = note;
	c->ctx.form_error_field = "status";
	if (status == NULL || (s = review_status_parse(status)) < 0) {
		resp_html(&c->r, web_finding(&c->ctx, id, 400,
		                             "Kies een "
		                             "geldige beslissing.",
		                             &c->r.body, &c->err));
		goto out;
	}
	c->ctx.form_error_field = "note";
	if (note != NULL && note[strspn(note, " \t\r\n")] == '\0') {
		free(note);
		note = NULL;
		c->ctx.form_note = NULL;
	}
	if (note != NULL && review_text_chars(note) > REVIEW_NOTE_MAX) {
		char *m = xasprintf("De toelichting is langer dan %d tekens; "
		                    "er is niets vastgelegd.",
		                    REVIEW_NOTE_MAX);

		resp_html(&c->r, web_finding(&c->ctx, id, 400, m, &c->r.body,
		                             &c->err));
		free(m);
		goto out;
	}
	if (s == REVIEW_REJECTED && note == NULL) {
		resp_html(
		    &c->r,
		    web_finding(
		        &c->ctx, id, 400,
		        "Bij verwerpen "
		        "is een toelichting verplicht; er is niets vastgelegd.",
		        &c->r.body, &c->err));
		goto out;
	}
	rc = review_set_current(c->st, id, (enum review_status)s, c->ses.user,
	                        note, &resolved, NULL, &c->err);
	if (rc == PT_ENOTFOUND) {
		fail(c, 404, "Deze bevinding is niet bekend.");
	} else if (rc == PT_OK && resolved) {
		resolved_refusal(c, id);
	} else if (rc == PT_EUSAGE) {
		char *m = xasprintf("De beslissing is niet vastgelegd: %s.",
		                    c->err.msg);

		resp_html(&c->r, web_finding(&c->ctx, id, 400, m, &c->r.body,
		                             &c->err));
		free(m);
	} else if (rc != PT_OK && store_busy(c->st)) {
		/* Another writer holds the registry: nothing was recorded,
		 * and the same form can be sent again shortly. */
		fail(c, 503,
		     "Het register is even bezet door een andere schrijver; er "
		     "is niets vastgelegd. Probeer het over enkele seconden "
		     "opnieuw.");
		c->r.retry_after = SERVE_BUSY_RETRY;
	} else if (rc != PT_OK) {
		fail(c, 500, "De beslissing kon niet worden vastgelegd.");
	} else {
		redirect(&c->r, "/findings/", id, "?opgeslagen=1");
	}
out:
	c->ctx.form_status = c->ctx.form_note = NULL;
	c->ctx.form_error_field = NULL;
	free(csrf);
	free(status);
	free(note);
}

/* The save button of the section "Juridische ruimte": the lawful variant
 * of proeftuin id becomes a proeftuin of its own (web_ruimte_save). */
static void
do_ruimte_save(struct call *c, const char *id)
{
	char *csrf = NULL, *new_id = NULL, *m;
	const char *msg = form_problem(c);
	int bad = 0, added = 0;
	enum pt_status rc;

	if (msg != NULL) {
		fail(c, 400, msg);
		return;
	}
	csrf = form_field(&c->rq->body, "csrf", &bad);
	if (bad) {
		fail(c, 400, "Het formulier kan niet worden gelezen.");
	} else if (!auth_csrf_ok(&c->ses, csrf) || !origin_ok(c)) {
		fail(c, 403,
		     "Het formulier is verlopen of komt niet van deze "
		     "werkruimte; er is niets opgeslagen.");
	} else if (c->ses.role != AUTH_REVIEWER) {
		fail(c, 403,
		     "Alleen een beoordelaar mag een variant opslaan; er is "
		     "niets opgeslagen.");
	} else if ((rc = web_ruimte_save(&c->ctx, id, &new_id, &added,
	                                 &c->err)) == PT_ENOTFOUND) {
		fail(c, 404, "Deze proeftuin is niet opgeslagen.");
	} else if (rc == PT_EUSAGE) {
		resp_html(&c->r, web_proeftuin(&c->ctx, id, 400,
		                               "Dit ontwerp heeft geen route "
		                               "binnen de huidige wet; er is "
		                               "niets opgeslagen.",
		                               &c->r.body, &c->err));
	} else if (rc != PT_OK && store_busy(c->st)) {
		fail(c, 503,
		     "Het register is even bezet door een andere schrijver; er "
		     "is niets opgeslagen. Probeer het over enkele seconden "
		     "opnieuw.");
		c->r.retry_after = SERVE_BUSY_RETRY;
	} else if (rc != PT_OK) {
		fail(c, 500, "De variant kon niet worden opgeslagen.");
	} else if (added) {
		redirect(&c->r, "/proeftuinen/", new_id, NULL);
	} else {
		m = xasprintf("Proeftuin %s heeft dit ontwerp al als laatste "
		              "versie; er is geen nieuwe versie opgeslagen.",
		              new_id);
		resp_html(&c->r, web_proeftuin(&c->ctx, id, 200, m, &c->r.body,
		                               &c->err));
		free(m);
	}
	free(csrf);
	free(new_id);
}

/* --- a design from the browser ---------------------------------------------
 */

/* The fields of the design forms (web_design_form()): the token, the
 * design as XML (a file or text), and the fields of designform.h. */
enum { UP_CSRF, UP_ONTWERP, UP_FIELDS, UP_N = UP_FIELDS + DF_N };

static const char *
up_name(size_t i)
{
	return i == UP_CSRF      ? "csrf"
	       : i == UP_ONTWERP ? "ontwerp"
	                         : designform_names[i - UP_FIELDS];
}

struct upload {
	struct pt_buf v[UP_N];
	int seen[UP_N];
	int fields, dup;
};

static enum MHD_Result
upload_part(void *cls, enum MHD_ValueKind kind, const char *key,
            const char *filename, const char *ctype, const char *enc,
            const char *data, uint64_t off, size_t size)
{
	struct upload *u = cls;
	size_t i;

	(void)kind;
	(void)filename;
	(void)ctype;
	(void)enc;
	for (i = 0; i < UP_N && strcmp(key, up_name(i)) != 0; i++)
		continue;
	/* a value's first piece; an empty first piece may come twice */
	if (off == 0 && (i == UP_N || !u->seen[i] || u->v[i].len > 0)) {
		if (i < UP_N && u->seen[i])
			u->dup = 1;
		if (u->dup || ++u->fields > SERVE_FORM_FIELDS)
			return MHD_NO;
		if (i < UP_N)
			u->seen[i] = 1;
	}
	if (i < UP_N && size > 0)
		pt_buf_add(&u->v[i], data, size);
	return MHD_YES;
}

/* Read a design form, multipart (an uploaded file) or a plain form (the
 * XML text or the fields); the problem in Dutch, or NULL. */
static const char *
read_upload(struct call *c, struct upload *u)
{
	const char *ct = MHD_lookup_connection_value(c->conn, MHD_HEADER_KIND,
	                                             "Content-Type");
	struct MHD_PostProcessor *pp;
	const char *msg;
	enum MHD_Result ok;
	size_t i;
	int bad = 0;

	if (ct != NULL && strncmp(ct, "multipart/form-data", 19) == 0) {
		pp = MHD_create_post_processor(c->conn, 16384, upload_part, u);
		if (pp == NULL)
			return "Het formulier kan niet worden gelezen.";
		ok = MHD_post_process(pp, c->rq->body.s, c->rq->body.len);
		if (MHD_destroy_post_processor(pp) != MHD_YES)
			ok = MHD_NO;
		if (u->dup)
			return "Het formulier noemt een veld twee keer.";
		if (u->fields > SERVE_FORM_FIELDS)
			return "Het formulier heeft te veel velden.";
		return ok == MHD_YES ? NULL
		                     : "Het formulier kan niet worden gelezen.";
	}
	if ((msg = form_problem(c)) != NULL)
		return msg;
	for (i = 0; i < UP_N; i++) {
		char *v = form_field(&c->rq->body, up_name(i), &bad);

		if (v != NULL)
			pt_buf_adds(&u->v[i], v);
		u->seen[i] = v != NULL;
		free(v);
	}
	return bad ? "Het formulier kan niet worden gelezen." : NULL;
}

/* The answer to a design that was not saved. */
static void
design_refused(struct call *c, enum pt_status rc, const char *edit,
               const struct web_design_sent *sent)
{
	if (rc == PT_EINPUT || rc == PT_EUNSAFE || rc == PT_EUSAGE) {
		resp_html(&c->r, web_design_form(&c->ctx, edit, sent, 400,
		                                 &c->r.body, &c->err));
	} else if (store_busy(c->st)) {
		fail(c, 503,
		     "Het register is even bezet door een andere schrijver; er "
		     "is niets opgeslagen. Probeer het over enkele seconden "
		     "opnieuw.");
		c->r.retry_after = SERVE_BUSY_RETRY;
	} else {
		fail(c, 500, "Het ontwerp kon niet worden opgeslagen.");
	}
}

/* Save what the form sent: its XML, or the XML its fields make. */
static void
design_save_sent(struct call *c, const char *edit, struct upload *u)
{
	struct web_design_sent sent;
	struct designform f;
	struct designform_map map = {NULL, 0};
	struct pt_err de = PT_ERR_INIT;
	char *id = NULL, *why = NULL, *xml = NULL;
	int added = 0;
	size_t i, len;
	enum pt_status rc;

	memset(&sent, 0, sizeof sent);
	memset(&f, 0, sizeof f);
	if (!u->seen[UP_ONTWERP]) {
		for (i = 0; i < DF_N; i++)
			f.v[i] = u->seen[UP_FIELDS + i]
			             ? xstrdup(u->v[UP_FIELDS + i].s)
			             : NULL;
		xml = designform_xml(&f, &map);
		sent.fields = &f;
		sent.map = &map;
	} else {
		xml = xstrdup(u->v[UP_ONTWERP].s);
		sent.text = xml;
	}
	len = u->seen[UP_ONTWERP] ? u->v[UP_ONTWERP].len : strlen(xml);
	rc = web_design_save(&c->ctx, edit, xml, len, &id, &added, &why, &de);
	sent.msg = why;
	sent.e = &de;
	if (rc != PT_OK)
		design_refused(c, rc, edit, &sent);
	else
		redirect(&c->r, "/proeftuinen/", id, NULL);
	pt_err_clear(&de);
	designform_release(&f);
	designform_map_release(&map);
	free(xml);
	free(id);
	free(why);
}

/* POST /proeftuinen[?vorige=ID]: a new proeftuin, or a new version of
 * proeftuin ID, from a design form (web_design_save). */
static void
do_design_save(struct call *c)
{
	struct upload u;
	const char *msg;
	char *edit;
	int bad = 0;
	size_t i;

	memset(&u, 0, sizeof u);
	for (i = 0; i < UP_N; i++)
		pt_buf_init(&u.v[i]);
	edit = query_arg(c->conn, "vorige", &bad);
	if (bad || (edit != NULL && *edit == '\0')) {
		fail(c, 400, "Het adres kan niet worden gelezen.");
	} else if ((msg = read_upload(c, &u)) != NULL) {
		fail(c, 400, msg);
	} else if (!auth_csrf_ok(&c->ses, u.v[UP_CSRF].s) || !origin_ok(c)) {
		fail(c, 403,
		     "Het formulier is verlopen of komt niet van deze "
		     "werkruimte; er is niets opgeslagen.");
	} else if (c->ses.role != AUTH_REVIEWER) {
		fail(c, 403,
		     "Alleen een beoordelaar mag proeftuinen aanmaken of "
		     "bewerken; er is niets opgeslagen.");
	} else if (u.v[UP_ONTWERP].len > WEB_MAX_UPLOAD) {
		fail(c, 413,
		     "Het ontwerp is groter dan de werkruimte aanneemt; er is "
		     "niets opgeslagen.");
	} else {
		design_save_sent(c, edit, &u);
	}
	free(edit);
	for (i = 0; i < UP_N; i++)
		pt_buf_release(&u.v[i]);
}

/* path with prefix removed, when it starts with prefix and more follows. */
static const char *
after(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(path, prefix, n) != 0 || path[n] == '\0')
		return NULL;
	return path + n;
}

/* Decode a whole path tail to an id; sets a 400 and returns NULL if bad. */
static char *
path_id(struct call *c, const char *raw, size_t len)
{
	char *id = pct_decode(raw, len, 0);

	if (id == NULL || *id == '\0') {
		free(id);
		fail(c, 400, "Het adres kan niet worden gelezen.");
		return NULL;
	}
	return id;
}

static void
route_wet(struct call *c, const char *rest)
{
	char *q = NULL, *date = NULL, *lid = NULL, *bwb = NULL, *art = NULL;
	char *pagina = NULL, *van = NULL, *tot = NULL;
	int bad = 0;

	date = query_arg(c->conn, "date", &bad);
	if (rest == NULL) {
		q = query_arg(c->conn, "q", &bad);
		pagina = query_arg(c->conn, "pagina", &bad);
		if (bad)
			fail(c, 400, "De zoekvraag kan niet worden gelezen.");
		else
			resp_html(&c->r, web_wet(&c->ctx, q, date, pagina,
			                         &c->r.body, &c->err));
	} else {
		const char *slash = strchr(rest, '/');

		lid = query_arg(c->conn, "lid", &bad);
		van = query_arg(c->conn, "van", &bad);
		tot = query_arg(c->conn, "tot", &bad);
		if (slash == NULL && *rest != '\0' && !bad &&
		    (bwb = pct_decode(rest, strlen(rest), 0)) != NULL) {
			resp_html(&c->r, web_law(&c->ctx, bwb, date, &c->r.body,
			                         &c->err));
		} else if (slash == NULL || slash[1] == '\0') {
			fail(c, 404,
			     "Geef een wet en een artikel: "
			     "/wet/BWB-ID/ARTIKEL.");
		} else if (bad ||
		           (bwb = pct_decode(rest, (size_t)(slash - rest),
		                             0)) == NULL ||
		           (art = pct_decode(slash + 1, strlen(slash + 1),
		                             0)) == NULL) {
			fail(c, 400, "Het adres kan niet worden gelezen.");
		} else {
			resp_html(&c->r,
			          web_article(&c->ctx, bwb, art, lid, date, van,
			                      tot, &c->r.body, &c->err));
		}
	}
	free(q);
	free(date);
	free(pagina);
	free(van);
	free(tot);
	free(lid);
	free(bwb);
	free(art);
}

/* The query's filters of a list of findings (web_filter), decoded into
 * v (freed with query_free); 0, or -1 after a 400. */
#define NQUERY 8
static int
read_filter(struct call *c, struct web_filter *f, char *v[NQUERY])
{
	static const char *const keys[NQUERY] = {"status", "soort",     "ernst",
	                                         "niveau", "proeftuin", "regel",
	                                         "wet",    "sorteer"};
	int bad = 0, i;

	for (i = 0; i < NQUERY; i++)
		v[i] = query_arg(c->conn, keys[i], &bad);
	f->status = v[0];
	f->soort = v[1];
	f->ernst = v[2];
	f->niveau = v[3];
	f->proeftuin = v[4];
	f->regel = v[5];
	f->wet = v[6];
	f->sorteer = v[7];
	if (!bad)
		return 0;
	fail(c, 400, "De filters kunnen niet worden gelezen.");
	return -1;
}

static void
query_free(char *v[NQUERY])
{
	int i;

	for (i = 0; i < NQUERY; i++)
		free(v[i]);
}

/* GET /bevindingen */
static void
route_findings(struct call *c)
{
	struct web_filter f;
	char *v[NQUERY];

	if (read_filter(c, &f, v) == 0)
		resp_html(&c->r,
		          web_findings(&c->ctx, &f, &c->r.body, &c->err));
	query_free(v);
}

/* GET /logboek */
static void
route_log(struct call *c)
{
	struct web_log_filter f;
	char *v[5];
	int bad = 0;

	f.lid = v[0] = query_arg(c->conn, "lid", &bad);
	f.proeftuin = v[1] = query_arg(c->conn, "proeftuin", &bad);
	f.van = v[2] = query_arg(c->conn, "van", &bad);
	f.tot = v[3] = query_arg(c->conn, "tot", &bad);
	f.pagina = v[4] = query_arg(c->conn, "pagina", &bad);
	if (bad)
		fail(c, 400, "De filters kunnen niet worden gelezen.");
	else
		resp_html(&c->r, web_log(&c->ctx, &f, &c->r.body, &c->err));
	for (bad = 0; bad < 5; bad++)
		free(v[bad]);
}

/* The design as a download: /proeftuinen/ID/ontwerp.xml. */
static void
design_download(struct call *c, const char *id)
{
	int n;

	c->r.status = web_design_xml(&c->ctx, id, &c->r.body, &c->err);
	if (c->r.status != 200) {
		resp_html(&c->r, c->r.status);
		return;
	}
	c->r.type = "application/xml";
	/* a saved id is a slug: nothing in it needs quoting */
	n = snprintf(c->disposition, sizeof c->disposition,
	             "attachment; filename=\"%s.xml\"", id);
	if (n < 0 || (size_t)n >= sizeof c->disposition)
		snprintf(c->disposition, sizeof c->disposition,
		         "attachment; filename=\"ontwerp.xml\"");
	c->r.disposition = c->disposition;
}

/* Whether the raw tail rest ends with suffix after an id; *idlen is the
 * length of that id. */
static int
ends_with(const char *rest, const char *suffix, size_t *idlen)
{
	size_t len = strlen(rest), n = strlen(suffix);

	if (len <= n || strcmp(rest + len - n, suffix) != 0)
		return 0;
	*idlen = len - n;
	return 1;
}

/* /proeftuinen/ID/vergelijk?van=N&naar=M */
static void
compare(struct call *c, const char *id)
{
	char *van, *naar;
	int bad = 0;

	van = query_arg(c->conn, "van", &bad);
	naar = query_arg(c->conn, "naar", &bad);
	if (bad)
		fail(c, 400, "Het adres kan niet worden gelezen.");
	else
		resp_html(&c->r, web_compare(&c->ctx, id, van, naar, &c->r.body,
		                             &c->err));
	free(van);
	free(naar);
}

/* The pages of a proeftuin below its own that only read:
 * /proeftuinen/ID/{ontwerp.xml,versies,vergelijk}; 0 when rest is none of
 * them. */
static int
route_proeftuin_read(struct call *c, const char *rest)
{
	static const char *const pages[] = {"/ontwerp.xml", "/versies",
	                                    "/vergelijk", "/bewerken"};
	size_t i, idlen = 0;
	char *id;

	for (i = 0; i < sizeof pages / sizeof pages[0]; i++)
		if (ends_with(rest, pages[i], &idlen))
			break;
	if (i == sizeof pages / sizeof pages[0])
		return 0;
	if (!c->get) {
		method_not_allowed(c, "GET, HEAD");
		return 1;
	}
	if ((id = path_id(c, rest, idlen)) == NULL)
		return 1;
	if (i == 0)
		design_download(c, id);
	else if (i == 1)
		resp_html(&c->r,
		          web_versions(&c->ctx, id, &c->r.body, &c->err));
	else if (i == 2)
		compare(c, id);
	else
		resp_html(&c->r, web_design_form(&c->ctx, id, NULL, 200,
		                                 &c->r.body, &c->err));
	free(id);
	return 1;
}

/* /proeftuinen/ID (GET), the pages of route_proeftuin_read() and
 * /proeftuinen/ID/ruimte/opslaan (POST); rest is what follows the prefix,
 * raw. */
static void
route_proeftuin(struct call *c, const char *rest)
{
	static const char save[] = "/ruimte/opslaan";
	size_t len = strlen(rest), n = sizeof save - 1;
	int is_save = len > n && strcmp(rest + len - n, save) == 0;
	char *id = NULL, *v[NQUERY] = {NULL};
	struct web_filter f;

	if (!is_save && route_proeftuin_read(c, rest))
		return;
	/* the form of a new proeftuin (a proeftuin with id "nieuw" is
	 * /proeftuinen/%6Eieuw) */
	if (strcmp(rest, "nieuw") == 0) {
		if (!c->get)
			method_not_allowed(c, "GET, HEAD");
		else
			resp_html(&c->r,
			          web_design_form(&c->ctx, NULL, NULL, 200,
			                          &c->r.body, &c->err));
		return;
	}
	if (is_save && !c->post) {
		method_not_allowed(c, "POST");
		return;
	}
	if (!is_save && !c->get) {
		method_not_allowed(c, "GET, HEAD");
		return;
	}
	if ((id = path_id(c, rest, is_save ? len - n : len)) == NULL)
		return;
	if (is_save) {
		do_ruimte_save(c, id);
	} else if (read_filter(c, &f, v) == 0) {
		c->ctx.filter = &f;
		resp_html(&c->r, web_proeftuin(&c->ctx, id, 200, NULL,
		                               &c->r.body, &c->err));
		c->ctx.filter = NULL;
	}
	query_free(v);
	free(id);
}

/* GET /login?volgende=PATH */
static void
route_login(struct call *c)
{
	int bad = 0;
	char *next = query_arg(c->conn, "volgende", &bad);

	if (next_ok(next)) {
		c->next = next;
		c->ctx.next = next;
	} else {
		free(next);
	}
	if (c->signed_in)
		redirect(&c->r, c->next != NULL ? c->next : "/", NULL, NULL);
	else
		login_page(c, 200, NULL);
}

static void
route(struct call *c)
{
	const char *p = c->path, *rest;
	const struct format *f;
	char *id = NULL;

	if (strcmp(p, "/login") == 0) {
		if (c->post)
			do_login(c);
		else if (!c->get)
			method_not_allowed(c, "GET, HEAD, POST");
		else
			route_login(c);
		return;
	}
	if (strcmp(p, "/logout") == 0) {
		if (c->post)
			do_logout(c);
		else
			method_not_allowed(c, "POST");
		return;
	}
	if (!c->signed_in) {
		unauthorized(c);
		return;
	}
	if ((rest = after(p, "/findings/")) != NULL) {
		size_t len = strlen(rest);

		if (c->post) {
			if (len <= 7 ||
			    strcmp(rest + len - 7, "/review") != 0) {
				method_not_allowed(c, "GET, HEAD");
				return;
			}
			if ((id = path_id(c, rest, len - 7)) != NULL)
				do_review(c, id);
		} else if (c->get) {
			const char *ok = MHD_lookup_connection_value(
			    c->conn, MHD_GET_ARGUMENT_KIND, "opgeslagen");

			c->ctx.saved = ok != NULL && strcmp(ok, "1") == 0;
			if ((id = path_id(c, rest, len)) != NULL)
				resp_html(&c->r,
				          web_finding(&c->ctx, id, 200, NULL,
				                      &c->r.body, &c->err));
		} else {
			method_not_allowed(c, "GET, HEAD");
			return;
		}
		free(id);
		return;
	}
	if ((rest = after(p, "/proeftuinen/")) != NULL) {
		route_proeftuin(c, rest);
		return;
	}
	if (strcmp(p, "/proeftuinen") == 0) {
		if (c->post)
			do_design_save(c);
		else
			method_not_allowed(c, "POST");
		return;
	}
	if (!c->get) {
		method_not_allowed(c, "GET, HEAD");
		return;
	}
	if (strcmp(p, "/") == 0) {
		resp_html(&c->r, web_index(&c->ctx, &c->r.body, &c->err));
	} else if (strcmp(p, "/bevindingen") == 0) {
		route_findings(c);
	} else if (strcmp(p, "/logboek") == 0) {
		route_log(c);
	} else if (strcmp(p, "/amendments") == 0) {
		resp_html(&c->r, web_amendments(&c->ctx, &c->r.body, &c->err));
	} else if (strncmp(p, "/amendments.", 12) == 0 &&
	           (f = format_by_ext(FORMAT_AMEND, FORMAT_WEB, p + 12)) !=
	               NULL) {
		c->r.status = web_amendments_export(
		    &c->ctx, f, c->sv->tmpdir, &c->r.body, &c->r.type, &c->err);
		snprintf(c->disposition, sizeof c->disposition,
		         "attachment; filename=\"wijzigingen.%s\"", f->ext);
		c->r.disposition = c->disposition;
	} else if (strcmp(p, "/wet") == 0) {
		route_wet(c, NULL);
	} else if ((rest = after(p, "/wet/")) != NULL) {
		route_wet(c, rest);
	} else if (strcmp(p, "/api/proeftuinen") == 0) {
		c->r.type = "application/json";
		c->r.status = web_api_proeftuinen(&c->ctx, &c->r.body, &c->err);
	} else if ((rest = after(p, "/api/proeftuinen/")) != NULL) {
		if ((id = path_id(c, rest, strlen(rest))) != NULL) {
			c->r.type = "application/json";
			c->r.status =
			    web_api_proeftuin(&c->ctx, id, &c->r.body, &c->err);
		}
		free(id);
	} else if (strcmp(p, "/api/amendments") == 0) {
		c->r.type = "application/json";
		c->r.status = web_api_amendments(&c->ctx, &c->r.body, &c->err);
	} else {
		fail(c, 404, "Deze pagina bestaat niet.");
	}
}

static enum MHD_Result
answer(struct server *sv, struct MHD_Connection *conn, struct req *rq,
       const char *url, const char *method)
{
	struct call c;
	const char *cookie;
	struct tm tm;
	time_t now = time(NULL);
	enum MHD_Result ok;
	int found = 0, txn;

	memset(&c, 0, sizeof c);
	c.sv = sv;
	c.conn = conn;
	c.rq = rq;
	c.method = method;
	c.path = url;
	c.api = strncmp(url, "/api/", 5) == 0;
	c.get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
	c.post = strcmp(method, "POST") == 0;
	pt_buf_init(&c.r.body);
	localtime_r(&now, &tm);
	strftime(c.today, sizeof c.today, "%Y-%m-%d", &tm);
	if ((c.st = pool_get(sv, &c.err)) == NULL) {
		fail(&c, 503, "Het register is nu niet te openen.");
		c.r.retry_after = 5;
		ok = send_resp(conn, &c.r);
		pt_buf_release(&c.r.body);
		pt_err_clear(&c.err);
		return ok;
	}
	c.ctx.st = c.st;
	c.ctx.rs = sv->rs;
	c.ctx.today = c.today;

	/* A page reads many rows: one snapshot and one lock for all of them
	 * (writes open their own transaction). */
	txn = c.get ? store_read_begin(c.st) : 0;
	cookie = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, COOKIE);
	if (cookie != NULL && strlen(cookie) < sizeof c.token)
		snprintf(c.token, sizeof c.token, "%s", cookie);
	if (auth_session_get(c.st, c.token, now, &c.ses, &found, &c.err) !=
	    PT_OK) {
		fail(&c, 500, "De sessie kon niet worden gelezen.");
	} else {
		c.signed_in = found;
		if (found) {
			c.ctx.user = c.ses.user;
			c.ctx.reviewer = c.ses.role == AUTH_REVIEWER;
			c.ctx.csrf = c.ses.csrf;
		}
		if (url[0] != '/')
			fail(&c, 400, "Het adres kan niet worden gelezen.");
		else if (rq->too_big)
			fail(&c, 413, "Het verzoek is te groot.");
		else if (!c.get && !c.post)
			method_not_allowed(&c, "GET, HEAD, POST");
		else
			route(&c);
	}
	store_read_end(c.st, txn);
	pool_put(sv, c.st);
	ok = send_resp(conn, &c.r);
	pt_buf_release(&c.r.body);
	free(c.r.location);
	free(c.r.cookie);
	free(c.next);
	auth_session_release(&c.ses);
	pt_err_clear(&c.err);
	return ok;
}

/* --- connections and the request time-out ---------------------------------
 */

static void
notify_conn(void *cls, struct MHD_Connection *conn, void **socket_context,
            enum MHD_ConnectionNotificationCode toe)
{
	struct server *sv = cls;
	struct conn *k = *socket_context;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		    conn, MHD_CONNECTION_INFO_CONNECTION_FD);

		k = xcalloc(1, sizeof *k);
		k->fd = ci != NULL ? ci->connect_fd : -1;
		k->start = time(NULL);
		pthread_mutex_lock(&sv->conn_mu);
		k->next = sv->conns;
		if (sv->conns != NULL)
			sv->conns->prev = k;
		sv->conns = k;
		pthread_mutex_unlock(&sv->conn_mu);
		*socket_context = k;
	} else if (k != NULL) {
		pthread_mutex_lock(&sv->conn_mu);
		if (k->prev != NULL)
			k->prev->next = k->next;
		else
			sv->conns = k->next;
		if (k->next != NULL)
			k->next->prev = k->prev;
		pthread_mutex_unlock(&sv->conn_mu);
		free(k);
		*socket_context = NULL;
	}
}

static struct conn *
conn_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci != NULL ? ci->socket_context : NULL;
}

/*
 * The request on conn is in: from now on it is answered, not timed.
 * Returns 0 when the watchdog has already ended the connection.
 */
static int
conn_answering(struct server *sv, struct MHD_Connection *conn)
{
	struct conn *k = conn_of(conn);
	int ok = 1;

	if (k == NULL)
		return 1;
	pthread_mutex_lock(&sv->conn_mu);
	if (k->expired)
		ok = 0;
	else
		k->answering = 1;
	pthread_mutex_unlock(&sv->conn_mu);
	return ok;
}

/* The answer is sent: the next request on the connection starts now. */
static void
conn_next(struct server *sv, struct MHD_Connection *conn)
{
	struct conn *k = conn_of(conn);

	if (k == NULL)
		return;
	pthread_mutex_lock(&sv->conn_mu);
	k->answering = 0;
	k->start = time(NULL);
	pthread_mutex_unlock(&sv->conn_mu);
}

/* What the watchdog sends before it shuts a connection whose request
 * took too long: MHD is only reading there, so nothing else is written. */
static const char timeout_answer[] =
    "HTTP/1.1 408 Request Timeout\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "X-Frame-Options: DENY\r\n"
    "Cache-Control: no-store\r\n"
    "Connection: close\r\n"
    "Content-Length: 38\r\n"
    "\r\n"
    "Het verzoek kwam niet op tijd binnen.\n";

/* Once a second: end the connections whose request is overdue. */
static void *
watchdog(void *arg)
{
	struct server *sv = arg;
	struct timespec ts;
	struct conn *k;
	time_t now;

	pthread_mutex_lock(&sv->conn_mu);
	while (!sv->stopping) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&sv->conn_cv, &sv->conn_mu, &ts);
		now = time(NULL);
		for (k = sv->conns; k != NULL; k = k->next) {
			if (k->answering || k->expired || k->fd < 0 ||
			    now - k->start < (time_t)sv->req_timeout)
				continue;
			k->expired = 1;
			if (send(k->fd, timeout_answer,
			         sizeof timeout_answer - 1,
			         MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
				/* Shut it all the same. */
			}
			shutdown(k->fd, SHUT_RDWR);
		}
	}
	pthread_mutex_unlock(&sv->conn_mu);
	return NULL;
}

/* The whole request is in (or refused early): answer it, unless the
 * watchdog has ended the connection meanwhile. */
static enum MHD_Result
answer_now(struct server *sv, struct MHD_Connection *conn, struct req *rq,
           const char *url, const char *method)
{
	rq->answered = 1;
	if (!conn_answering(sv, conn))
		return MHD_NO;
	return answer(sv, conn, rq, url, method);
}

/* The largest body of a request: SERVE_MAX_UPLOAD for a design sent to
 * POST /proeftuinen, else SERVE_MAX_BODY. */
static size_t
body_limit(const char *url, const char *method)
{
	if (strcmp(method, "POST") == 0 && strcmp(url, "/proeftuinen") == 0)
		return SERVE_MAX_UPLOAD;
	return SERVE_MAX_BODY;
}

static enum MHD_Result
handler(void *cls, struct MHD_Connection *conn, const char *url,
        const char *method, const char *version, const char *upload,
        size_t *upload_size, void **con_cls)
{
	struct server *sv = cls;
	struct req *rq = *con_cls;

	(void)version;
	if (rq == NULL) {
		const char *cl = MHD_lookup_connection_value(
		    conn, MHD_HEADER_KIND, "Content-Length");

		rq = xcalloc(1, sizeof *rq);
		pt_buf_init(&rq->body);
		*con_cls = rq;
		rq->limit = body_limit(url, method);
		if (cl != NULL && strtoull(cl, NULL, 10) > rq->limit) {
			/* Answer at once; MHD closes the connection after. */
			rq->too_big = 1;
			return answer_now(sv, conn, rq, url, method);
		}
		return MHD_YES;
	}
	if (rq->answered) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		if (rq->body.len + *upload_size > rq->limit) {
			rq->too_big = 1;
			*upload_size = 0;
			return answer_now(sv, conn, rq, url, method);
		}
		pt_buf_add(&rq->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	return answer_now(sv, conn, rq, url, method);
}

static void
completed(void *cls, struct MHD_Connection *conn, void **con_cls,
          enum MHD_RequestTerminationCode toe)
{
	struct req *rq = *con_cls;

	(void)toe;
	conn_next(cls, conn);
	if (rq != NULL) {
		pt_buf_release(&rq->body);
		free(rq);
		*con_cls = NULL;
	}
}

/* --- running
 * ------------------------------------------------------------------ */

static unsigned
limit_or(unsigned v, unsigned dflt)
{
	if (v == 0)
		return dflt;
	return v > SERVE_LIMIT_MAX ? SERVE_LIMIT_MAX : v;
}

static struct MHD_Daemon *
start_daemon(struct server *sv, const struct serve_config *cfg)
{
	/* A thread per connection: a password check (Argon2id, about half a
	 * second) or a long page never holds up another connection. */
	unsigned flags =
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD;

	if (cfg->addr.ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	return MHD_start_daemon(
	    flags, 0, NULL, NULL, handler, sv, MHD_OPTION_SOCK_ADDR,
	    (const struct sockaddr *)&cfg->addr.ss, MHD_OPTION_NOTIFY_COMPLETED,
	    completed, sv, MHD_OPTION_NOTIFY_CONNECTION, notify_conn, sv,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape_none, NULL,
	    MHD_OPTION_CONNECTION_LIMIT, sv->max_conn,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, sv->per_addr,
	    MHD_OPTION_CONNECTION_TIMEOUT, sv->idle,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONN_MEMORY,
	    MHD_OPTION_END);
}

static void
listen_error(const struct serve_config *cfg, const char *host,
             struct pt_err *err)
{
	int v6 = cfg->addr.ss.ss_family == AF_INET6;

	pt_err_set(
	    err, PT_EIO, NULL, 0, 0,
	    "cannot listen on %s%s%s:%u (in use, or not an "
	    "address of this machine?)",
	    v6 ? "[" : "", host, v6 ? "]" : "",
	    ntohs(v6 ? ((const struct sockaddr_in6 *)&cfg->addr.ss)->sin6_port
	             : ((const struct sockaddr_in *)&cfg->addr.ss)->sin_port));
}

/* Wait until the stop descriptor is readable. */
static enum pt_status
wait_stop(int fd, struct pt_err *err)
{
	for (;;) {
		struct pollfd pfd;

		pfd.fd = fd;
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
			                  "cannot wait for a stop signal: %s",
			                  strerror(errno));
		}
		if (pfd.revents != 0)
			return PT_OK;
	}
}

static void
server_init(struct server *sv, const struct serve_config *cfg)
{
	const char *tmp = getenv("TMPDIR");

	memset(sv, 0, sizeof *sv);
	sv->cfg = cfg;
	sv->tmpdir = tmp != NULL && *tmp != '\0' ? tmp : "/tmp";
	sv->max_conn = limit_or(cfg->max_connections, SERVE_MAX_CONNECTIONS);
	sv->per_addr = limit_or(cfg->max_per_addr, SERVE_MAX_PER_IP);
	if (sv->per_addr > sv->max_conn)
		sv->per_addr = sv->max_conn;
	sv->idle = cfg->idle_timeout != 0 ? cfg->idle_timeout : SERVE_TIMEOUT;
	sv->req_timeout = cfg->request_timeout != 0 ? cfg->request_timeout
	                                            : SERVE_REQUEST_TIMEOUT;
	sv->pool = xcalloc(sv->max_conn, sizeof *sv->pool);
	pthread_mutex_init(&sv->pool_mu, NULL);
	pthread_mutex_init(&sv->conn_mu, NULL);
	pthread_cond_init(&sv->conn_cv, NULL);
}

static void
server_release(struct server *sv)
{
	auth_limits_free(sv->lim);
	while (sv->npool > 0)
		store_close(sv->pool[--sv->npool]);
	free(sv->pool);
	pthread_mutex_destroy(&sv->pool_mu);
	pthread_mutex_destroy(&sv->conn_mu);
	pthread_cond_destroy(&sv->conn_cv);
	rules_free(sv->rs);
}

enum pt_status
serve_run(const struct serve_config *cfg, struct pt_err *err)
{
	struct server sv;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	char host[INET6_ADDRSTRLEN], url[INET6_ADDRSTRLEN + 32];
	struct pt_store *first;
	const void *ap;
	pthread_t wd;
	enum pt_status rc = PT_OK;

	if (auth_init(err) != PT_OK)
		return PT_EINTERNAL;
	server_init(&sv, cfg);
	if (rules_load_dir(cfg->rules_dir, &sv.rs, err) != PT_OK ||
	    /* Open (and if need be upgrade) the registry before serving. */
	    store_open(cfg->db_path, &first, err) != PT_OK) {
		server_release(&sv);
		return err->code;
	}
	sv.pool[sv.npool++] = first;
	sv.lim = auth_limits_new(SERVE_HASH_SLOTS);
	if (cfg->addr.ss.ss_family == AF_INET6)
		ap = &((const struct sockaddr_in6 *)&cfg->addr.ss)->sin6_addr;
	else
		ap = &((const struct sockaddr_in *)&cfg->addr.ss)->sin_addr;
	inet_ntop(cfg->addr.ss.ss_family, ap, host, sizeof host);
	if (pthread_create(&wd, NULL, watchdog, &sv) != 0) {
		server_release(&sv);
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "cannot start a thread");
	}
	if ((d = start_daemon(&sv, cfg)) == NULL) {
		listen_error(cfg, host, err);
		rc = PT_EIO;
		goto out;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	snprintf(url, sizeof url,
	         cfg->addr.ss.ss_family == AF_INET6 ? "http://[%s]:%u/"
	                                            : "http://%s:%u/",
	         host, info != NULL ? (unsigned)info->port : 0u);
	if (cfg->ready != NULL)
		cfg->ready(cfg->arg, url);
	rc = wait_stop(cfg->stop_fd, err);
	MHD_stop_daemon(d);
out:
	pthread_mutex_lock(&sv.conn_mu);
	sv.stopping = 1;
	pthread_cond_signal(&sv.conn_cv);
	pthread_mutex_unlock(&sv.conn_mu);
	pthread_join(wd, NULL);
	server_release(&sv);
	return rc;
}
