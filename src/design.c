/* design.c: placeholder until the design reader lands. */
#include "config.h"
#include <stdlib.h>
#include "design.h"

enum pt_status
design_load(const char *path, const char *today, struct design **out, struct pt_err *err)
{
	(void)today; *out = NULL;
	return pt_err_set(err, PT_EINTERNAL, path, 0, 0, "not implemented");
}

enum pt_status
design_load_memory(const char *data, size_t len, const char *name, const char *today,
		   struct design **out, struct pt_err *err)
{
	(void)data; (void)len; (void)today; *out = NULL;
	return pt_err_set(err, PT_EINTERNAL, name, 0, 0, "not implemented");
}

void design_free(struct design *d) { free(d); }
long design_actor_index(const struct design *d, const char *id) { (void)d; (void)id; return -1; }
