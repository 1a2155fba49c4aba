/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * provenance.c: when and with what a report was made (provenance.h).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "provenance.h"

enum pt_status
provenance_time(time_t *t, struct pt_err *err)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s == NULL || *s == '\0') {
		*t = time(NULL);
		return PT_OK;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (!isdigit((unsigned char)*s) || *end != '\0' || errno != 0 ||
	    (time_t)v != v)
		return pt_err_set(err, PT_EUSAGE, NULL, 0, 0,
		                  "SOURCE_DATE_EPOCH '%s' is not a number of "
		                  "seconds",
		                  s);
	*t = (time_t)v;
	return PT_OK;
}

void
provenance_utc(time_t t, char out[32])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar
 * (month 1-12), without timegm(), which POSIX does not have. */
static long long
days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The last Sunday of month (1-12, with 31 days) of year, 01:00 UTC. */
static time_t
last_sunday_0100(int year, int month)
{
	long long day = days_from_civil(year, month, 31);
	long long wday = ((day % 7) + 11) % 7; /* 1970-01-01 was a Thursday */

	return (time_t)((day - wday) * 86400 + 3600);
}

/* The offset of Europe/Amsterdam from UTC at t, in hours. */
static int
amsterdam_offset(time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	return t >= last_sunday_0100(tm.tm_year + 1900, 3) &&
	               t < last_sunday_0100(tm.tm_year + 1900, 10)
	           ? 2
	           : 1;
}

void
provenance_amsterdam(time_t t, char out[32])
{
	int off = amsterdam_offset(t);
	time_t l = t + (time_t)off * 3600;
	struct tm tm;
	char b[24];

	gmtime_r(&l, &tm);
	strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, 32, "%s+%02d:00", b, off);
}

static const char *const months_nl[] = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};

void
provenance_date_nl(const char *iso, char out[48])
{
	int y, m, d, n = 0;

	if (iso != NULL && strlen(iso) == 10 &&
	    sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31)
		snprintf(out, 48, "%d %s %d", d, months_nl[m - 1], y);
	else
		snprintf(out, 48, "%s", iso != NULL ? iso : "-");
}

static void
amsterdam_nl(time_t t, const char *sep, char out[48])
{
	const char *const *months = months_nl;
	time_t l = t + (time_t)amsterdam_offset(t) * 3600;
	struct tm tm;

	gmtime_r(&l, &tm);
	snprintf(out, 48, "%d %s %d%s %02d:%02d", tm.tm_mday, months[tm.tm_mon],
	         tm.tm_year + 1900, sep, tm.tm_hour, tm.tm_min);
}

void
provenance_amsterdam_nl(time_t t, char out[48])
{
	amsterdam_nl(t, ",", out);
}

void
provenance_amsterdam_nl_short(time_t t, char out[48])
{
	amsterdam_nl(t, "", out);
}

int
provenance_parse_utc(const char *s, time_t *t)
{
	int y, mo, d, h, mi, sec, n = 0;

	if (strlen(s) != 20 ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec,
	           &n) != 6 ||
	    n != 20 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || sec > 60)
		return -1;
	*t = (time_t)(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	              sec);
	return 0;
}

void
provenance_amsterdam_day_utc(const char *date, int next, char out[32])
{
	int y = 0, mo = 1, d = 1;
	time_t t;

	if (sscanf(date, "%4d-%2d-%2d", &y, &mo, &d) != 3) {
		y = 1970;
		mo = d = 1;
	}
	t = (time_t)((days_from_civil(y, mo, d) + (next ? 1 : 0)) * 86400);
	/* Midnight there is 22:00 or 23:00 UTC the day before, never near
	 * the change of the clock (01:00 UTC): the offset an hour before
	 * is the offset of midnight. */
	t -= (time_t)amsterdam_offset(t - 3600) * 3600;
	provenance_utc(t, out);
}

static int
str_cmp0(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int
law_cmp(const void *pa, const void *pb)
{
	const struct provenance_law *a = pa, *b = pb;
	int c = strcmp(a->bwb, b->bwb);

	if (c == 0)
		c = str_cmp0(a->version, b->version);
	if (c == 0)
		c = str_cmp0(a->sha256, b->sha256);
	return c;
}

void
provenance_laws(const struct check_result *const *res, size_t nres,
                struct provenance_law **out, size_t *n)
{
	struct provenance_law *v = NULL;
	size_t cap = 0, i, k, m = 0, ri;

	*out = NULL;
	*n = 0;
	for (ri = 0; ri < nres; ri++)
		for (i = 0; res[ri] != NULL && i < res[ri]->nfindings; i++) {
			const struct finding *f = &res[ri]->findings[i];

			for (k = 0; k < f->nprovisions; k++) {
				const struct finding_provision *fp =
				    &f->provisions[k];

				if (!fp->in_registry)
					continue;
				PT_ARRAY_PUSH(v, m, cap);
				v[m - 1].bwb = fp->rp->bwb;
				v[m - 1].version = fp->version_date;
				v[m - 1].sha256 = fp->version_sha256;
			}
		}
	if (m == 0)
		return;
	qsort(v, m, sizeof *v, law_cmp);
	for (i = k = 0; i < m; i++)
		if (k == 0 || law_cmp(&v[k - 1], &v[i]) != 0)
			v[k++] = v[i];
	*out = v;
	*n = k;
}
