/*
 * err.c: the error record (see err.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

void
pt_err_clear(struct pt_err *err)
{
	if (err == NULL)
		return;
	err->code = PT_OK;
	err->file[0] = '\0';
	err->line = 0;
	err->col = 0;
	err->msg[0] = '\0';
}

enum pt_status
pt_err_set(struct pt_err *err, enum pt_status code, const char *file,
	   long line, long col, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return code;
}

void
pt_err_prefix(struct pt_err *err, const char *fmt, ...)
{
	char old[PT_ERR_MSG_MAX];
	size_t n;
	va_list ap;

	if (err == NULL)
		return;
	memcpy(old, err->msg, sizeof old);
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	n = strlen(err->msg);
	if (n + 2 < sizeof err->msg) {
		memcpy(err->msg + n, ": ", 3);
		n += 2;
		memcpy(err->msg + n, old,
		       strnlen(old, sizeof err->msg - n - 1));
		err->msg[n + strnlen(old, sizeof err->msg - n - 1)] = '\0';
	}
}

char *
pt_err_format(const struct pt_err *err, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (err->file[0] != '\0' && err->line > 0 && err->col > 0)
		snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line,
			 err->col, err->msg);
	else if (err->file[0] != '\0' && err->line > 0)
		snprintf(buf, size, "%s:%ld: %s", err->file, err->line,
			 err->msg);
	else if (err->file[0] != '\0')
		snprintf(buf, size, "%s: %s", err->file, err->msg);
	else
		snprintf(buf, size, "%s", err->msg);
	return buf;
}

/*
 * The exit statuses: the one list that --help, pt_status_name() and the
 * test of the man page's EXIT STATUS read.
 */
static const struct pt_status_doc statuses[] = {
	{ PT_OK, "ok", "success (check: no barriers)" },
	{ PT_FINDINGS, "barriers",
	  "check: the design has barriers; rules stale: some rules are stale" },
	{ PT_EUSAGE, "usage", "usage error" },
	{ PT_EINPUT, "input",
	  "bad input: not well-formed, not valid, not BWB, bad design or rules" },
	{ PT_EUNSAFE, "unsafe",
	  "unsafe XML refused (entity declarations, external entities)" },
	{ PT_EIO, "io", "a file could not be read or written" },
	{ PT_EDB, "database", "database error" },
	{ PT_ENOTFOUND, "not-found",
	  "not found: a law, article or finding that is not in the registry" },
	{ PT_EINTERNAL, "internal", "internal error" },
	{ PT_OK, NULL, NULL }
};

const struct pt_status_doc *
pt_status_docs(void)
{
	return statuses;
}

const char *
pt_status_name(enum pt_status code)
{
	const struct pt_status_doc *d;

	for (d = statuses; d->name; d++)
		if (d->code == code)
			return d->name;
	return "unknown";
}

size_t
pt_status_table(char *buf, size_t size)
{
	const struct pt_status_doc *d;
	size_t n = 0;
	int k;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	k = snprintf(buf, size, "Exit status:\n");
	for (d = statuses; k >= 0 && d->name; d++) {
		n += (size_t)k;
		if (n >= size)
			return size - 1;
		k = snprintf(buf + n, size - n, "  %d  %s\n", (int)d->code, d->text);
	}
	n += k >= 0 ? (size_t)k : 0;
	return n < size ? n : size - 1;
}
