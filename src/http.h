/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * http.h: download one URL to a file (libcurl).
 *
 * Only http, https and file URLs are accepted.  Redirects are followed
 * (at most HTTP_MAX_REDIRECTS) to http and https only, never from https
 * to http, and only within the origin (scheme, host, port) of the URL
 * asked for, unless any_origin is set.  No content encoding is asked
 * for, and a body sent with one anyway (gzip, deflate) is refused before
 * it is decoded.  HTTPS certificates and host names are
 * always verified.  A request gives up when it cannot connect within
 * connect_timeout seconds, receives less than min_speed bytes a second for
 * stall_timeout seconds, or
 * takes longer than total_timeout seconds in all.  Transient failures (5xx,
 * 408, 429, time-outs, a connection that fails, resets or closes before the
 * announced length) are retried up to `retries` times, waiting backoff_ms,
 * then twice as long each time; 404 and other client errors never are.
 *
 * Errors are PT_EIO with a message that says what happened ("HTTP 404 Not
 * Found", "timed out", "truncated: ...").  PT_EUSAGE for a URL whose
 * scheme is not allowed.  The library never prints: progress is reported
 * through the callback.
 *
 * Ownership: strings are borrowed.  The file at path is created or
 * truncated; on failure it may hold a partial body and is left for the
 * caller to remove.
 */
#ifndef PROEFTOETS_HTTP_H
#define PROEFTOETS_HTTP_H

#include "err.h"

/* Called while a body arrives: bytes so far, and the total (0 = unknown). */
typedef void (*http_progress_fn)(void *ctx, const char *url,
                                 unsigned long long now,
                                 unsigned long long total);

struct http_opts {
	long connect_timeout;        /* seconds; 0 = 30 */
	long stall_timeout;          /* seconds without data; 0 = 30 */
	long total_timeout;          /* seconds per attempt; 0 = 300 */
	int retries;                 /* extra attempts for transient failures */
	long backoff_ms;             /* first wait between attempts; 0 = 1000 */
	unsigned long long max_size; /* bytes; 0 = HTTP_DEFAULT_MAX_SIZE */
	long min_speed;              /* bytes/s; 0 = 1 */
	int any_origin;              /* follow redirects to other origins */
	const char *user_agent;      /* NULL = "proeftoets/VERSION" */
	http_progress_fn progress;   /* may be NULL */
	void *progress_ctx;
};

#define HTTP_DEFAULT_MAX_SIZE  (256ULL << 20)
#define HTTP_DEFAULT_MIN_SPEED 1024L
#define HTTP_MAX_REDIRECTS     5

/* Fill o with the defaults (3 retries, 30 s time-outs, 1 KiB/s). */
void http_opts_default(struct http_opts *o);

struct http_result {
	long status; /* HTTP status of the last attempt; 0 for file: */
	unsigned long long bytes; /* body bytes written */
	int attempts;             /* requests made */
};

/*
 * Fetch url into the file at path.  res may be NULL.  Call
 * http_global_init() once before the first fetch and http_global_cleanup()
 * after the last.
 */
enum pt_status http_fetch(const struct http_opts *o, const char *url,
                          const char *path, struct http_result *res,
                          struct pt_err *err);

enum pt_status http_global_init(struct pt_err *err);
void http_global_cleanup(void);

/* Whether a and b have the same scheme, host and port. */
int http_same_origin(const char *a, const char *b);

/* Whether url starts with a scheme http_fetch accepts. */
int http_url_allowed(const char *url);

#endif
