/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * digest.h: SHA-256 and SHA-512 of files and memory, as lower-case hex
 * (nettle).  Used to recognise a file that was imported before.
 *
 * Output buffers are caller-owned: DIGEST_SHA256_HEX / DIGEST_SHA512_HEX
 * bytes including the terminating NUL.
 */
#ifndef PROEFTOETS_DIGEST_H
#define PROEFTOETS_DIGEST_H

#include <stddef.h>

#include <nettle/sha2.h>

#include "err.h"

#define DIGEST_SHA256_HEX 65
#define DIGEST_SHA512_HEX 129

void digest_sha256_mem(const void *data, size_t len,
                       char out[DIGEST_SHA256_HEX]);
void digest_sha512_mem(const void *data, size_t len,
                       char out[DIGEST_SHA512_HEX]);

/* Hash a whole file; *size receives its length when size is not NULL. */
enum pt_status digest_sha256_file(const char *path, char out[DIGEST_SHA256_HEX],
                                  unsigned long long *size, struct pt_err *err);
enum pt_status digest_sha512_file(const char *path, char out[DIGEST_SHA512_HEX],
                                  unsigned long long *size, struct pt_err *err);

/*
 * SHA-256 fed piece by piece, for a reader that hashes what it parses
 * (the importer: one read of the file instead of two).  The struct is
 * the caller's; no resources are held.
 */
struct digest_sha256 {
	struct sha256_ctx c;
	unsigned long long size;
};

void digest_sha256_init(struct digest_sha256 *d);
void digest_sha256_update(struct digest_sha256 *d, const void *data,
                          size_t len);
void digest_sha256_final(struct digest_sha256 *d, char out[DIGEST_SHA256_HEX]);

#endif
