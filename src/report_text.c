/* report_text.c: placeholder until the text report lands. */
#include "config.h"
#include "report.h"

void
report_text(struct pt_buf *out, struct check_result *const *res, size_t n)
{
	(void)res; (void)n;
	pt_buf_adds(out, "(text report not implemented)\n");
}
