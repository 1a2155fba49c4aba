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

const char *
pt_status_name(enum pt_status code)
{
	switch (code) {
	case PT_OK: return "ok";
	case PT_FINDINGS: return "barriers";
	case PT_EUSAGE: return "usage";
	case PT_EINPUT: return "input";
	case PT_EUNSAFE: return "unsafe";
	case PT_EIO: return "io";
	case PT_EDB: return "database";
	case PT_ENOTFOUND: return "not-found";
	case PT_EINTERNAL: return "internal";
	}
	return "unknown";
}
