/* report.c: placeholder for the shared report helpers. */
#include "config.h"
#include <string.h>
#include "report.h"

int
report_format_parse(const char *s)
{
	static const char *n[] = { "text", "markdown", "html", "json", "csv" };
	int i;

	for (i = 0; i < 5; i++)
		if (strcmp(s, n[i]) == 0)
			return i;
	return -1;
}

void
report_write(struct pt_buf *out, enum report_format f,
	     struct check_result *const *res, size_t n)
{
	switch (f) {
	case REPORT_TEXT: report_text(out, res, n); break;
	case REPORT_MARKDOWN: report_markdown(out, res, n); break;
	case REPORT_HTML: report_html(out, res, n); break;
	case REPORT_JSON: report_json(out, res, n); break;
	case REPORT_CSV: report_csv(out, res, n); break;
	}
}
