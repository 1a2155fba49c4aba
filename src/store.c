/* store.c: placeholder until the registry lands. */
#include "config.h"
#include <stdlib.h>
#include "store.h"

enum pt_status
store_open(const char *path, struct pt_store **out, struct pt_err *err)
{
	*out = NULL;
	return pt_err_set(err, PT_EINTERNAL, path, 0, 0, "not implemented");
}
void store_close(struct pt_store *st) { (void)st; }
enum pt_status store_provision_at(struct pt_store *st, const char *bwb, const char *artikel,
	const char *lid, const char *date, struct store_provision *out, struct pt_err *err)
{ (void)st; (void)bwb; (void)artikel; (void)lid; (void)date; (void)out;
  return pt_err_set(err, PT_EINTERNAL, NULL, 0, 0, "not implemented"); }
void store_provision_release(struct store_provision *p) { (void)p; }
char *store_url(const char *bwb, const char *artikel, const char *date) { (void)bwb; (void)artikel; (void)date; return NULL; }
char *store_jci(const char *bwb, const char *artikel, const char *lid, const char *date) { (void)bwb; (void)artikel; (void)lid; (void)date; return NULL; }
