/* hash.c - SHA-256 hex (see hash.h). */
#include "hash.h"

#include <sodium.h>

void hash_hex(const unsigned char *p, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = '\0';
}

void hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX + 1])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, data, len);
    hash_hex(h, sizeof h, out);
}
