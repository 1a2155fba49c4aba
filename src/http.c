/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * http.c: downloads with libcurl: time-outs, bounded retries with
 * exponential back-off, a size limit, restricted protocols (see http.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "buf.h"
#include "http.h"
#include "i18n.h"

struct sink {
	FILE *f;
	unsigned long long bytes, max;
	int too_big, write_failed;
	int bad_encoding; /* the response has a Content-Encoding */
	char encoding[64];
	const struct http_opts *o;
	const char *url;
};

void
http_opts_default(struct http_opts *o)
{
	memset(o, 0, sizeof *o);
	o->connect_timeout = 30;
	o->stall_timeout = 30;
	o->total_timeout = 300;
	o->retries = 3;
	o->backoff_ms = 1000;
	o->max_size = HTTP_DEFAULT_MAX_SIZE;
	o->min_speed = HTTP_DEFAULT_MIN_SPEED;
}

enum pt_status
http_global_init(struct pt_err *err)
{
	CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);

	if (rc != CURLE_OK)
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "cannot initialise libcurl: %s",
		                  curl_easy_strerror(rc));
	return PT_OK;
}

void
http_global_cleanup(void)
{
	curl_global_cleanup();
}

int
http_url_allowed(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 ||
	       strncasecmp(url, "https://", 8) == 0 ||
	       strncasecmp(url, "file://", 7) == 0;
}

/*
 * Headers: no content encoding is asked for, so a body that comes
 * encoded anyway (a gzip or deflate bomb is one) is refused before it is
 * decoded or written.  A new status line (after a redirect or a 100)
 * starts over.
 */
static size_t
on_header(char *data, size_t size, size_t n, void *ctx)
{
	struct sink *s = ctx;
	size_t len = size * n, i, j;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		s->bad_encoding = 0;
		s->encoding[0] = '\0';
	} else if (len > 17 &&
	           strncasecmp(data, "Content-Encoding:", 17) == 0) {
		for (i = 17; i < len && (data[i] == ' ' || data[i] == '\t');
		     i++)
			;
		for (j = len;
		     j > i && (data[j - 1] == '\r' || data[j - 1] == '\n' ||
		               data[j - 1] == ' ');
		     j--)
			;
		if (j > i && !(j - i == 8 &&
		               strncasecmp(data + i, "identity", 8) == 0)) {
			s->bad_encoding = 1;
			snprintf(s->encoding, sizeof s->encoding, "%.*s",
			         (int)(j - i), data + i);
		}
	}
	return len;
}

static size_t
on_write(char *data, size_t size, size_t n, void *ctx)
{
	struct sink *s = ctx;
	size_t len = size * n;

	if (s->bad_encoding)
		return 0;

	if (s->bytes + len > s->max) {
		s->too_big = 1;
		return 0;
	}
	if (len && fwrite(data, 1, len, s->f) != len) {
		s->write_failed = 1;
		return 0;
	}
	s->bytes += len;
	return len;
}

static int
on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
            curl_off_t ulnow)
{
	struct sink *s = ctx;

	(void)ultotal;
	(void)ulnow;
	if (dlnow > 0)
		s->o->progress(s->o->progress_ctx, s->url,
		               (unsigned long long)dlnow,
		               dltotal > 0 ? (unsigned long long)dltotal : 0);
	return 0;
}

static const char *
reason(long status)
{
	switch (status) {
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 408:
		return "Request Timeout";
	case 410:
		return "Gone";
	case 429:
		return "Too Many Requests";
	case 500:
		return "Internal Server Error";
	case 502:
		return "Bad Gateway";
	case 503:
		return "Service Unavailable";
	case 504:
		return "Gateway Timeout";
	default:
		return "";
	}
}

static int
transient_status(long status)
{
	return status >= 500 || status == 408 || status == 429;
}

static int
transient_curl(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

/* Empty the file for a new attempt. */
static int
rewind_sink(struct sink *s)
{
	if (fflush(s->f) != 0 || ftruncate(fileno(s->f), 0) != 0)
		return -1;
	rewind(s->f);
	s->bytes = 0;
	s->too_big = s->write_failed = 0;
	return 0;
}

static void
sleep_ms(long ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void
setup_handle(CURL *h, const struct http_opts *o, const char *url,
             struct sink *s, char *errbuf)
{
	int https = strncasecmp(url, "https://", 8) == 0;

	curl_easy_setopt(h, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR,
	                 https ? "https" : "http,https");
#else
	curl_easy_setopt(
	    h, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FILE));
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS,
	                 https ? (long)CURLPROTO_HTTPS
	                       : (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	/* Redirects are followed by attempt(), which checks the origin. */
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_USERAGENT,
	                 o->user_agent ? o->user_agent
	                               : "proeftoets/" PACKAGE_VERSION);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, s);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
	                 o->connect_timeout > 0 ? o->connect_timeout : 30L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT,
	                 o->total_timeout > 0 ? o->total_timeout : 300L);
	/* Less than min_speed bytes a second for stall_timeout seconds: a
	 * stall (a slow drip too, not only silence). */
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT,
	                 o->min_speed > 0 ? o->min_speed : 1L);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME,
	                 o->stall_timeout > 0 ? o->stall_timeout : 30L);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->max);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	if (o->progress) {
		curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
		curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
		curl_easy_setopt(h, CURLOPT_XFERINFODATA, s);
	}
}

static int
is_redirect(long status)
{
	return status == 301 || status == 302 || status == 303 ||
	       status == 307 || status == 308;
}

/* One request to the handle's URL; a redirect is PT_OK with *status 3xx. */
static enum pt_status
request(CURL *h, struct sink *s, const char *errbuf, long *status,
        int *transient, struct pt_err *err)
{
	CURLcode rc;
	const char *detail;

	*transient = 0;
	*status = 0;
	rc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
	detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
	if (s->too_big || rc == CURLE_FILESIZE_EXCEEDED)
		return pt_err_set(err, PT_EIO, NULL, 0, 0,
		                  "larger than the maximum of %llu bytes",
		                  s->max);
	if (s->write_failed)
		return pt_err_set(err, PT_EIO, NULL, 0, 0,
		                  "cannot write the download: %s",
		                  strerror(errno));
	if (s->bad_encoding)
		return pt_err_set(
		    err, PT_EIO, NULL, 0, 0,
		    "refused: the server sent the body with "
		    "Content-Encoding '%s', which was not asked for",
		    s->encoding);
	switch (rc) {
	case CURLE_OK:
		break;
	case CURLE_OPERATION_TIMEDOUT:
		*transient = 1;
		return pt_err_set(err, PT_EIO, NULL, 0, 0, "timed out: %s",
		                  detail);
	case CURLE_PARTIAL_FILE:
		*transient = 1;
		return pt_err_set(err, PT_EIO, NULL, 0, 0,
		                  "truncated download: %s", detail);
	case CURLE_FILE_COULDNT_READ_FILE:
		return pt_err_set(err, PT_EIO, NULL, 0, 0, "not found");
	case CURLE_UNSUPPORTED_PROTOCOL:
		return pt_err_set(err, PT_EIO, NULL, 0, 0,
		                  "protocol not allowed: %s", detail);
	default:
		*transient = transient_curl(rc);
		return pt_err_set(err, PT_EIO, NULL, 0, 0, "%s", detail);
	}
	if (is_redirect(*status))
		return PT_OK;
	if (*status != 0 && (*status < 200 || *status > 299)) {
		*transient = transient_status(*status);
		return pt_err_set(err, PT_EIO, NULL, 0, 0, "HTTP %ld%s%s",
		                  *status, reason(*status)[0] ? " " : "",
		                  reason(*status));
	}
	return PT_OK;
}

/* The part of url that CURLU gives for what (lower-case where it is a
 * scheme or host; the default port filled in); caller frees. */
static char *
url_part(const char *url, CURLUPart what)
{
	CURLU *u = curl_url();
	char *v = NULL, *copy = NULL;

	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, what, &v, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		copy = xstrdup(v);
		curl_free(v);
	}
	curl_url_cleanup(u);
	return copy;
}

/* Whether a and b have the same scheme, host and port. */
int
http_same_origin(const char *a, const char *b)
{
	static const CURLUPart parts[] = {CURLUPART_SCHEME, CURLUPART_HOST,
	                                  CURLUPART_PORT};
	size_t i;
	int same = 1;

	for (i = 0; same && i < sizeof parts / sizeof parts[0]; i++) {
		char *x = url_part(a, parts[i]), *y = url_part(b, parts[i]);

		same = x != NULL && y != NULL && strcasecmp(x, y) == 0;
		free(x);
		free(y);
	}
	return same;
}

/*
 * One attempt: the request, and the redirects it is given (at most
 * HTTP_MAX_REDIRECTS), each checked before it is followed: http or https
 * only, never from https to http, and within the origin of the URL asked
 * for unless the options allow any origin.  Returns PT_OK, or PT_EIO with
 * err filled and *transient telling whether another attempt may help.
 */
static enum pt_status
attempt(CURL *h, struct sink *s, const char *errbuf, long *status,
        int *transient, struct pt_err *err)
{
	char *cur = xstrdup(s->url), *next = NULL;
	enum pt_status rc;
	int hops;

	for (hops = 0;; hops++) {
		curl_easy_setopt(h, CURLOPT_URL, cur);
		rc = request(h, s, errbuf, status, transient, err);
		if (rc != PT_OK || !is_redirect(*status))
			break;
		*transient = 0;
		next = NULL;
		curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &next);
		if (next == NULL) {
			rc = pt_err_set(err, PT_EIO, NULL, 0, 0,
			                "HTTP %ld without a Location", *status);
			break;
		}
		if (hops == HTTP_MAX_REDIRECTS) {
			rc = pt_err_set(err, PT_EIO, NULL, 0, 0,
			                "more than %d redirects",
			                HTTP_MAX_REDIRECTS);
			break;
		}
		if (!(strncasecmp(next, "https://", 8) == 0 ||
		      (strncasecmp(next, "http://", 7) == 0 &&
		       strncasecmp(s->url, "https://", 8) != 0))) {
			rc =
			    pt_err_set(err, PT_EIO, NULL, 0, 0,
			               "redirect refused (protocol): %s", next);
			break;
		}
		if (!s->o->any_origin && !http_same_origin(s->url, next)) {
			rc = pt_err_set(
			    err, PT_EIO, NULL, 0, 0,
			    "redirect to another origin refused: %s", next);
			break;
		}
		free(cur);
		cur = xstrdup(next);
		if (rewind_sink(s) != 0) {
			rc = pt_err_set(err, PT_EIO, NULL, 0, 0,
			                "cannot write the download: %s",
			                strerror(errno));
			break;
		}
	}
	free(cur);
	return rc;
}

enum pt_status
http_fetch(const struct http_opts *o, const char *url, const char *path,
           struct http_result *res, struct pt_err *err)
{
	struct http_opts def;
	struct sink s;
	char errbuf[CURL_ERROR_SIZE];
	CURL *h;
	long status = 0, wait;
	int tries = 0, transient = 0;
	enum pt_status rc;

	if (res)
		memset(res, 0, sizeof *res);
	if (o == NULL) {
		http_opts_default(&def);
		o = &def;
	}
	if (!http_url_allowed(url))
		return pt_err_set(
		    err, PT_EUSAGE, NULL, 0, 0,
		    "'%s': only http, https and file URLs are allowed", url);
	memset(&s, 0, sizeof s);
	s.o = o;
	s.url = url;
	s.max = o->max_size ? o->max_size : HTTP_DEFAULT_MAX_SIZE;
	s.f = fopen(path, "wb+");
	if (s.f == NULL)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot create: %s",
		                  strerror(errno));
	h = curl_easy_init();
	if (h == NULL) {
		fclose(s.f);
		return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0,
		                  "cannot create a libcurl handle");
	}
	errbuf[0] = '\0';
	setup_handle(h, o, url, &s, errbuf);
	wait = o->backoff_ms > 0 ? o->backoff_ms : 1000;
	for (;;) {
		tries++;
		errbuf[0] = '\0';
		rc = attempt(h, &s, errbuf, &status, &transient, err);
		if (rc == PT_OK || !transient || tries > o->retries)
			break;
		sleep_ms(wait);
		wait *= 2;
		if (rewind_sink(&s) != 0) {
			rc = pt_err_set(err, PT_EIO, path, 0, 0,
			                "cannot write: %s", strerror(errno));
			break;
		}
	}
	curl_easy_cleanup(h);
	if (fclose(s.f) != 0 && rc == PT_OK)
		rc = pt_err_set(err, PT_EIO, path, 0, 0, "cannot write: %s",
		                strerror(errno));
	if (rc != PT_OK && tries > 1 && err != NULL) {
		size_t n = strlen(err->msg);

		snprintf(err->msg + n, sizeof err->msg - n,
		         _(" (after %d attempts)"), tries);
	}
	if (res) {
		res->status = status;
		res->bytes = s.bytes;
		res->attempts = tries;
	}
	return rc;
}
