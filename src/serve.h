/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * serve.h: the web workspace of the denktank over HTTP (libmicrohttpd).
 *
 * serve_run() opens the registry, loads the rules, listens on the address
 * given and answers requests until the stop descriptor becomes readable
 * (the CLI's signal handler writes to a pipe); then it stops the server,
 * waits for the requests under way and returns.  It never prints: the
 * ready callback receives the URL once the server listens.
 *
 * Each connection has a thread of its own (MHD's thread per connection)
 * and takes a registry connection from a pool for each request; the
 * login limits are shared under a mutex.  A watchdog thread ends a
 * connection whose request (header and body) has not come in whole
 * within the request time-out: it answers 408 and shuts the socket.  The
 * caller's thread waits on the stop descriptor.
 *
 * Limits (serve_config; 0 takes the default):
 *   max_connections  connections at once (SERVE_MAX_CONNECTIONS)
 *   max_per_addr     of them from one client address (SERVE_MAX_PER_IP)
 *   idle_timeout     seconds of silence that end a connection
 *                    (SERVE_TIMEOUT)
 *   request_timeout  seconds from the first byte of a request (or the end
 *                    of the one before on the connection) to its last
 *                    (SERVE_REQUEST_TIMEOUT)
 * and fixed ones: a body of SERVE_MAX_BODY bytes (SERVE_MAX_UPLOAD for
 * POST /proeftuinen), SERVE_CONN_MEMORY bytes
 * of header buffer per connection (a larger header is answered by MHD).
 *
 * Routes (pages in web.h; everything but the sign-in needs a session):
 *   GET  /                         the proeftuinen
 *   GET  /proeftuinen/ID           one proeftuin (the filters of
 *                                  /bevindingen for its findings)
 *   GET  /proeftuinen/ID/ontwerp.xml   its latest design, as saved
 *   GET  /proeftuinen/ID/versies   its stored versions
 *   GET  /proeftuinen/ID/vergelijk?van=N&naar=M   what changed
 *   POST /proeftuinen/ID/ruimte/opslaan   csrf: save the lawful variant
 *   GET  /proeftuinen/nieuw, /proeftuinen/ID/bewerken   the design form
 *   POST /proeftuinen[?vorige=ID]  csrf, and ontwerp (a file, multipart,
 *                                  or text) or the fields of designform.h:
 *                                  save a new proeftuin or a version of ID
 *   GET  /bevindingen?status=&soort=&ernst=&niveau=&proeftuin=&regel=
 *        &wet=&sorteer=            the findings of every proeftuin
 *   GET  /findings/ID              one finding (ID percent-encoded; a
 *                                  literal '/' in the path is accepted too)
 *   POST /findings/ID/review       status, note, csrf: record a decision
 *                                  (303 to /findings/ID?opgeslagen=1; 400
 *                                  with the form kept; 409 when resolved)
 *   GET  /amendments               the amendment list; .csv .json .xlsx
 *   GET  /wet?q=&date=             laws and full-text search
 *   GET  /wet/BWB/ARTIKEL?date=&lid=   one provision at a date
 *   GET  /api/proeftuinen, /api/proeftuinen/ID, /api/amendments
 *   GET  /login; POST /login (user, password); POST /logout (csrf)
 *                                  volgende: the local path to go to after
 * HEAD is answered like GET without a body.
 *
 * Security: the session cookie is HttpOnly, SameSite=Strict, Path=/ (not
 * Secure: plain HTTP on loopback; beyond loopback put a TLS reverse proxy
 * in front).  Writes need a session of a reviewer and the session's CSRF
 * token; a POST whose Origin names another host is refused.  401 without
 * a session, 403 for a reader, a bad CSRF token or a foreign origin, 400
 * for a malformed request, 413 for a body over its limit.  Every
 * response carries a Content-Security-Policy without scripts, nosniff,
 * no-referrer and DENY framing; pages are not cached.
 *
 * Ownership: the config and its strings are borrowed for the call.
 */
#ifndef PROEFTOETS_SERVE_H
#define PROEFTOETS_SERVE_H

#include <sys/socket.h>

#include "err.h"

#define SERVE_DEFAULT_LISTEN "127.0.0.1:8080"
#define SERVE_MAX_BODY       (64 * 1024)
/* The body of POST /proeftuinen (a design, urlencoded or multipart, of at
 * most WEB_MAX_UPLOAD bytes, web.h) */
#define SERVE_MAX_UPLOAD      (2 * 1024 * 1024)
#define SERVE_MAX_CONNECTIONS 64
#define SERVE_MAX_PER_IP      32
#define SERVE_TIMEOUT         30 /* seconds of silence on a connection */
#define SERVE_REQUEST_TIMEOUT 60 /* seconds for a whole request to arrive */
#define SERVE_CONN_MEMORY     (32 * 1024) /* header buffer per connection */
#define SERVE_LIMIT_MAX       4096 /* the largest connection limit taken */
#define SERVE_HASH_SLOTS      2    /* password checks at once (Argon2id) */

struct serve_addr {
	struct sockaddr_storage ss;
	socklen_t len;
	int loopback; /* 127.0.0.0/8 or ::1 */
};

/*
 * Parse "ADDR:PORT" (IPv4 dotted quad, or [IPv6]); PORT 0 lets the system
 * pick a free port.  PT_EUSAGE for anything else (no host names).
 */
enum pt_status serve_addr_parse(const char *s, struct serve_addr *a,
                                struct pt_err *err);

struct serve_config {
	const char *db_path;
	const char *rules_dir;
	struct serve_addr addr;
	int stop_fd; /* readable (or closed) = stop */
	unsigned max_connections, max_per_addr; /* 0: the defaults */
	unsigned idle_timeout, request_timeout; /* seconds; 0: the defaults */
	/* Called once when listening: "http://127.0.0.1:PORT/". */
	void (*ready)(void *arg, const char *url);
	void *arg;
};

enum pt_status serve_run(const struct serve_config *cfg, struct pt_err *err);

#endif
