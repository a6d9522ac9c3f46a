/*
 * hash.h - SHA-256 in hex, for token digests, bundle ETags and content
 * hashes (libsodium's crypto_hash_sha256).
 */
#ifndef LINLI_HUB_HASH_H
#define LINLI_HUB_HASH_H

#include <stddef.h>

#define HASH_HEX 64

/* Writes the lower-case hex SHA-256 of data (65 bytes with the NUL). */
void hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX + 1]);

/* Writes n bytes as lower-case hex (2n + 1 bytes with the NUL). */
void hash_hex(const unsigned char *p, size_t n, char *out);

#endif
