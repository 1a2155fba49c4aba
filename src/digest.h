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

#endif
