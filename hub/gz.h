/*
 * gz.h - gzip in memory, for request and response bodies.
 *
 * gz_inflate() refuses output past a cap, so a small "zip bomb" body
 * cannot make the hub allocate without bound.
 */
#ifndef LINLI_HUB_GZ_H
#define LINLI_HUB_GZ_H

#include "buf.h"

#include <stddef.h>

/* Appends the gzip of in to out. 0, ERR_NOMEM or ERR_TOO_BIG (out's cap). */
int gz_deflate(const void *in, size_t len, struct buf *out);

/* Appends the decompressed gzip stream in to out (whose cap bounds it).
 * 0, ERR_PARSE (not gzip, corrupt or truncated), ERR_TOO_BIG or ERR_NOMEM. */
int gz_inflate(const void *in, size_t len, struct buf *out);

#endif
