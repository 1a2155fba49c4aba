/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * err.c: the error record (see err.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "i18n.h"

/* Free the further errors of err. */
static void
drop_more(struct pt_err *err)
{
	size_t i;

	for (i = 0; i < err->nmore; i++) {
		free(err->more[i].file);
		free(err->more[i].msg);
	}
	free(err->more);
	err->more = NULL;
	err->nmore = 0;
	err->omitted = 0;
}

void
pt_err_clear(struct pt_err *err)
{
	if (err == NULL)
		return;
	drop_more(err);
	err->code = PT_OK;
	err->file[0] = '\0';
	err->line = 0;
	err->col = 0;
	err->msg[0] = '\0';
}

static void PT_PRINTF(6, 0)
    set_first(struct pt_err *err, enum pt_status code, const char *file,
              long line, long col, const char *fmt, va_list ap)
{
	drop_more(err);
	err->code = code;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->col = col;
	vsnprintf(err->msg, sizeof err->msg, pt_tr(fmt), ap);
}

enum pt_status
pt_err_set(struct pt_err *err, enum pt_status code, const char *file, long line,
           long col, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	va_start(ap, fmt);
	set_first(err, code, file, line, col, fmt, ap);
	va_end(ap);
	return code;
}

enum pt_status
pt_err_add(struct pt_err *err, enum pt_status code, const char *file, long line,
           long col, const char *fmt, ...)
{
	struct pt_err_more *m;
	struct pt_buf b = PT_BUF_INIT;
	va_list ap;

	if (err == NULL)
		return code;
	va_start(ap, fmt);
	if (err->code == PT_OK) {
		set_first(err, code, file, line, col, fmt, ap);
	} else if (err->nmore + 1 >= PT_ERR_MAX) {
		err->omitted++;
	} else {
		/* At most PT_ERR_MAX - 1 further errors: allocate them once. */
		if (err->more == NULL)
			err->more = xcalloc(PT_ERR_MAX - 1, sizeof *err->more);
		m = &err->more[err->nmore++];
		m->file = xstrdup(file ? file : "");
		m->line = line;
		m->col = col;
		pt_buf_vaddf(&b, pt_tr(fmt), ap);
		m->msg = pt_buf_detach(&b);
	}
	va_end(ap);
	return code;
}

size_t
pt_err_count(const struct pt_err *err)
{
	if (err == NULL || err->code == PT_OK)
		return 0;
	return 1 + err->nmore + err->omitted;
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
	vsnprintf(err->msg, sizeof err->msg, pt_tr(fmt), ap);
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

static char *
format_one(const char *file, long line, long col, const char *msg, char *buf,
           size_t size)
{
	if (size == 0)
		return buf;
	if (file[0] != '\0' && line > 0 && col > 0)
		snprintf(buf, size, "%s:%ld:%ld: %s", file, line, col, msg);
	else if (file[0] != '\0' && line > 0)
		snprintf(buf, size, "%s:%ld: %s", file, line, msg);
	else if (file[0] != '\0')
		snprintf(buf, size, "%s: %s", file, msg);
	else
		snprintf(buf, size, "%s", msg);
	return buf;
}

char *
pt_err_format(const struct pt_err *err, char *buf, size_t size)
{
	return format_one(err->file, err->line, err->col, err->msg, buf, size);
}

char *
pt_err_format_more(const struct pt_err *err, size_t i, char *buf, size_t size)
{
	const struct pt_err_more *m;

	if (i >= err->nmore) {
		if (size > 0)
			buf[0] = '\0';
		return buf;
	}
	m = &err->more[i];
	return format_one(m->file, m->line, m->col, m->msg, buf, size);
}

/*
 * The exit statuses: the one list that --help, pt_status_name() and the
 * test of the man page's EXIT STATUS read.
 */
static const struct pt_status_doc statuses[] = {
    {PT_OK, "ok", N_("success (check: no barriers)")},
    {PT_FINDINGS, "barriers",
     N_("barriers (check), a barrier left in a variant (ruimte), stale rules "
        "(rules stale)")},
    {PT_EUSAGE, "usage", N_("usage error")},
    {PT_EINPUT, "input",
     N_("bad input: not well-formed, not valid, not BWB, bad design or rules")},
    {PT_EUNSAFE, "unsafe",
     N_("unsafe XML refused (entity declarations, external entities)")},
    {PT_EIO, "io", N_("a file could not be read or written")},
    {PT_EDB, "database", N_("database error")},
    {PT_ENOTFOUND, "not-found",
     N_("not found: a law, article or finding that is not in the registry")},
    {PT_EINTERNAL, "internal", N_("internal error")},
    {PT_OK, NULL, NULL}};

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
	k = snprintf(buf, size, "%s\n", _("Exit status:"));
	for (d = statuses; k >= 0 && d->name; d++) {
		n += (size_t)k;
		if (n >= size)
			return size - 1;
		k = snprintf(buf + n, size - n, "  %d  %s\n", (int)d->code,
		             _(d->text));
	}
	n += k >= 0 ? (size_t)k : 0;
	return n < size ? n : size - 1;
}
