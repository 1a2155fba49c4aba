/* bwb.c: placeholder until the streaming reader lands. */
#include "config.h"
#include "bwb.h"

enum pt_status
bwb_parse_file(const char *path, const struct bwb_handler *h, struct pt_err *err)
{
	(void)h;
	return pt_err_set(err, PT_EINTERNAL, path, 0, 0, "not implemented");
}

enum pt_status
bwb_parse_memory(const char *data, size_t len, const char *name,
		 const struct bwb_handler *h, struct pt_err *err)
{
	(void)data; (void)len; (void)h;
	return pt_err_set(err, PT_EINTERNAL, name, 0, 0, "not implemented");
}
