/* report_csv.c: placeholder until the csv report lands. */
#include "config.h"
#include "report.h"

void
report_csv(struct pt_buf *out, struct check_result *const *res, size_t n)
{
	(void)res; (void)n;
	pt_buf_adds(out, "(csv report not implemented)\n");
}
