/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * provenance.h: when and with what a report was made, so that a reader a
 * year later can tell whether a finding still stands: the time (UTC and
 * Europe/Amsterdam), the proeftoets version, the rule set (the number of
 * rule files and a content hash, see struct ruleset) and, for each law
 * quoted, the version used (BWB id, date of the version, SHA-256 of the
 * file it was imported from).
 *
 * The time is SOURCE_DATE_EPOCH when that is set, so that the same input
 * gives the same report (tests, reproducible documents), else the clock.
 * Europe/Amsterdam is computed by the EU rule (summer time from the last
 * Sunday of March to the last Sunday of October, 01:00 UTC), not from the
 * process's time zone, so that reports do not depend on the machine.
 *
 * Domain, below the writers: nothing here prints.  The laws list borrows
 * the strings of the result it was made from; free only the array.
 */
#ifndef PROEFTOETS_PROVENANCE_H
#define PROEFTOETS_PROVENANCE_H

#include <stddef.h>
#include <time.h>

#include "err.h"

struct check_result;

/* The time of a report; PT_EUSAGE when SOURCE_DATE_EPOCH is set but is
 * not a number of seconds. */
enum pt_status provenance_time(time_t *t, struct pt_err *err);

/* "2026-12-03T19:10:00Z" */
void provenance_utc(time_t t, char out[32]);
/* "2026-12-03T20:10:00+01:00": the time in Europe/Amsterdam */
void provenance_amsterdam(time_t t, char out[32]);
/* "3 december 2026, 20:10": the same, as a Dutch text says it */
void provenance_amsterdam_nl(time_t t, char out[48]);
/* "3 december 2026 20:10": the same without the comma (tables) */
void provenance_amsterdam_nl_short(time_t t, char out[48]);
/* A date "2026-07-01" as Dutch text, "1 juli 2026"; anything that is not
 * such a date is copied as it is (cut to fit), NULL as "-". */
void provenance_date_nl(const char *iso, char out[48]);
/* The time of "2026-12-03T19:10:00Z" (UTC, ISO 8601, as the registry
 * writes times); -1 when s is not of that form. */
int provenance_parse_utc(const char *s, time_t *t);
/* The UTC time (out as provenance_utc()) of the start of the day date
 * ("YYYY-MM-DD", a valid date) in Europe/Amsterdam; of the day after it
 * when next is set. */
void provenance_amsterdam_day_utc(const char *date, int next, char out[32]);

struct provenance_law {
	const char *bwb;
	const char *version; /* date of the version; NULL = unknown */
	const char *sha256;  /* of the file it came from; may be NULL */
};
/* The law versions quoted in the nres results (entries may be NULL),
 * each once, sorted by BWB id and date. */
void provenance_laws(const struct check_result *const *res, size_t nres,
                     struct provenance_law **out, size_t *n);

#endif
