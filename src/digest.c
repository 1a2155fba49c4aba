/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * digest.c: file and memory hashes with nettle (see digest.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <nettle/sha2.h>

#include "digest.h"

static void
hex(const unsigned char *d, size_t n, char *out)
{
	static const char x[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = x[d[i] >> 4];
		out[2 * i + 1] = x[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void
digest_sha256_mem(const void *data, size_t len, char out[DIGEST_SHA256_HEX])
{
	struct sha256_ctx c;
	unsigned char d[SHA256_DIGEST_SIZE];

	sha256_init(&c);
	sha256_update(&c, len, data);
	sha256_digest(&c, sizeof d, d);
	hex(d, sizeof d, out);
}

void
digest_sha512_mem(const void *data, size_t len, char out[DIGEST_SHA512_HEX])
{
	struct sha512_ctx c;
	unsigned char d[SHA512_DIGEST_SIZE];

	sha512_init(&c);
	sha512_update(&c, len, data);
	sha512_digest(&c, sizeof d, d);
	hex(d, sizeof d, out);
}

void
digest_sha256_init(struct digest_sha256 *d)
{
	sha256_init(&d->c);
	d->size = 0;
}

void
digest_sha256_update(struct digest_sha256 *d, const void *data, size_t len)
{
	sha256_update(&d->c, len, data);
	d->size += len;
}

void
digest_sha256_final(struct digest_sha256 *d, char out[DIGEST_SHA256_HEX])
{
	unsigned char b[SHA256_DIGEST_SIZE];

	sha256_digest(&d->c, sizeof b, b);
	hex(b, sizeof b, out);
}

static enum pt_status
hash_file(const char *path, int is512, char *out, unsigned long long *size,
          struct pt_err *err)
{
	struct sha256_ctx c256;
	struct sha512_ctx c512;
	unsigned char buf[1 << 16], d[SHA512_DIGEST_SIZE];
	unsigned long long total = 0;
	size_t n;
	FILE *f;

	f = fopen(path, "rb");
	if (f == NULL)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot open: %s",
		                  strerror(errno));
	sha256_init(&c256);
	sha512_init(&c512);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (is512)
			sha512_update(&c512, n, buf);
		else
			sha256_update(&c256, n, buf);
		total += n;
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot read: %s",
		                  strerror(e));
	}
	fclose(f);
	if (is512) {
		sha512_digest(&c512, SHA512_DIGEST_SIZE, d);
		hex(d, SHA512_DIGEST_SIZE, out);
	} else {
		sha256_digest(&c256, SHA256_DIGEST_SIZE, d);
		hex(d, SHA256_DIGEST_SIZE, out);
	}
	if (size)
		*size = total;
	return PT_OK;
}

enum pt_status
digest_sha256_file(const char *path, char out[DIGEST_SHA256_HEX],
                   unsigned long long *size, struct pt_err *err)
{
	return hash_file(path, 0, out, size, err);
}

enum pt_status
digest_sha512_file(const char *path, char out[DIGEST_SHA512_HEX],
                   unsigned long long *size, struct pt_err *err)
{
	return hash_file(path, 1, out, size, err);
}
