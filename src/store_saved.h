/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * store_saved.h: saved proeftuinen in the registry, for saved.c; the SQL
 * behind saved.h.
 *
 * Owns the tables proeftuin, proeftuin_version, finding and
 * finding_snapshot (migration 2 -> 3 in store.c; columns in saved.h).
 * What is saved (the design's bytes and SHA-256, the findings' JSON lists)
 * is made by saved.c; this module only stores and reads it.
 *
 * Ownership: input strings and structs are borrowed.  saved_proeftuin
 * arrays are those of saved.h (saved_list_free()); *xml of
 * store_saved_design() is a NUL-terminated malloc'd copy the caller frees.
 */
#ifndef PROEFTOETS_STORE_SAVED_H
#define PROEFTOETS_STORE_SAVED_H

#include <stddef.h>

#include "err.h"
#include "saved.h"
#include "store.h"

/* A checked design to save: one row of proeftuin_version. */
struct store_saved_version {
	const char *proeftuin, *naam, *sha256, *source, *peildatum;
	const char *design; /* the bytes as read, len of them */
	size_t len;
	long barriers, risks;
};

/* One finding of it: rows of finding and finding_snapshot. */
struct store_saved_finding {
	const char *id, *rule, *kind, *severity, *title, *trigger;
	const char *actors, *tasks, *jci; /* JSON arrays */
};

/* Every saved proeftuin with its latest version, ordered by id. */
enum pt_status store_saved_list(struct pt_store *st,
                                struct saved_proeftuin **list, size_t *n,
                                struct pt_err *err);

/* The design of the latest version; *found = 0 when there is none. */
enum pt_status store_saved_design(struct pt_store *st, const char *id,
                                  char **xml, size_t *len, int *found,
                                  struct pt_err *err);

/* Barriers and risks of the latest version; *found = 0 when none. */
/* The design of the latest version whose findings include finding_id;
 * *found = 0 when none has it. */
enum pt_status store_saved_finding_design(struct pt_store *st,
                                          const char *finding_id, char **xml,
                                          size_t *len, int *found,
                                          struct pt_err *err);

enum pt_status store_saved_counts(struct pt_store *st, const char *id,
                                  long *barriers, long *risks, int *found,
                                  struct pt_err *err);

/* Every version of proeftuin id, oldest first (saved_versions()). */
enum pt_status store_saved_versions(struct pt_store *st, const char *id,
                                    struct saved_version **list, size_t *n,
                                    struct pt_err *err);

/* The design of version seq; *found = 0 when there is no such version. */
enum pt_status store_saved_version_design(struct pt_store *st, const char *id,
                                          int seq, char **xml, size_t *len,
                                          int *found, struct pt_err *err);

/* The findings of version seq in report order (saved_version_findings()). */
enum pt_status store_saved_version_findings(struct pt_store *st, const char *id,
                                            int seq,
                                            struct saved_finding **list,
                                            size_t *n, struct pt_err *err);

/*
 * In one write transaction: when v->sha256 is that of the latest version
 * of v->proeftuin, nothing (*added = 0, *version its number); else v
 * becomes the next version with the findings f[0..nf) (*added = 1).
 */
enum pt_status store_saved_put(struct pt_store *st,
                               const struct store_saved_version *v,
                               const struct store_saved_finding *f, size_t nf,
                               int *version, int *added, struct pt_err *err);

/* The rows behind saved_citing() (saved.h); the Juriconnect ids are matched
 * on "c:BWB&artikel=ARTIKEL" followed by '&' or the end of the id. */
enum pt_status store_saved_citing(struct pt_store *st, const char *bwb,
                                  const char *artikel, char ***ids,
                                  char ***titles, size_t *n,
                                  struct pt_err *err);

#endif
