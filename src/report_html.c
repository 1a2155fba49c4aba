/* report_html.c: placeholder until the html report lands. */
#include "config.h"
#include "report.h"

void
report_html(struct pt_buf *out, struct check_result *const *res, size_t n)
{
	(void)res; (void)n;
	pt_buf_adds(out, "(html report not implemented)\n");
}
