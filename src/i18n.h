/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * i18n.h: messages in the user's language (gettext, domain PACKAGE).
 *
 * _("text") is the translation of a message, N_("text") marks a message
 * in a table that is translated where it is printed (_(row->help)).  The
 * message functions of the CLI (cli_error, cli_warn, cli_usage,
 * cli_opt_needs) and of the error record (pt_err_set, pt_err_add,
 * pt_err_prefix) translate their format themselves: their literals need
 * no mark (po/Makevars names them to xgettext).  Report and page texts
 * are Dutch in every locale and are never marked.  The strings returned
 * are owned by the catalogue: never free or change them.
 */
#ifndef PROEFTOETS_I18N_H
#define PROEFTOETS_I18N_H

#if defined(ENABLE_NLS) && ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s)              ((const char *)(s))
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) s

/* _(s), except for NULL and "" (whose translation is the catalogue's
 * header): those are returned as they are. */
static inline const char *
pt_tr(const char *s)
{
	return s != NULL && *s != '\0' ? _(s) : s;
}

#endif
