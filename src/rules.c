/* rules.c: placeholder until the rule reader lands. */
#include "config.h"
#include <stdlib.h>
#include "buf.h"
#include "design.h"
#include "rules.h"

struct ruleset *rules_new(void) { return xcalloc(1, sizeof(struct ruleset)); }
void rules_free(struct ruleset *rs) { free(rs); }
enum pt_status rules_load_dir(const char *dir, struct ruleset **out, struct pt_err *err)
{ *out = NULL; return pt_err_set(err, PT_EINTERNAL, dir, 0, 0, "not implemented"); }
enum pt_status rules_load_file(struct ruleset *rs, const char *path, struct pt_err *err)
{ (void)rs; return pt_err_set(err, PT_EINTERNAL, path, 0, 0, "not implemented"); }
enum pt_status rules_load_memory(struct ruleset *rs, const char *data, size_t len, const char *name, struct pt_err *err)
{ (void)rs; (void)data; (void)len; return pt_err_set(err, PT_EINTERNAL, name, 0, 0, "not implemented"); }
int rules_pattern_match(const struct rule_pattern *p, const struct design_actor *a) { (void)p; (void)a; return 0; }
const char *rules_kind_name(enum rule_kind k) { return k == RULE_BARRIER ? "barrier" : "risk"; }
const char *rules_severity_name(enum rule_severity s) { static const char *n[] = {"blocking","high","medium","low"}; return n[s]; }
const char *rules_zekerheid_name(enum rule_zekerheid z) { static const char *n[] = {"V26","V15","P","GK"}; return n[z]; }
int rules_zekerheid_verified(enum rule_zekerheid z) { return z == ZEKER_V26 || z == ZEKER_V15; }
