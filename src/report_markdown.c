/* report_markdown.c: placeholder until the markdown report lands. */
#include "config.h"
#include "report.h"

void
report_markdown(struct pt_buf *out, struct check_result *const *res, size_t n)
{
	(void)res; (void)n;
	pt_buf_adds(out, "(markdown report not implemented)\n");
}
