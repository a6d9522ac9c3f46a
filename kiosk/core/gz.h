/*
 * gz.h - gzip in memory, for HTTP bodies: the hub compresses bundles and
 * inflates requests, the kiosk inflates bundles. One implementation for
 * both, so both refuse the same truncated or oversized streams.
 *
 * gz_inflate() refuses output past out's cap, so a small "zip bomb" cannot
 * make either side allocate without bound.
 */
#ifndef LINLI_GZ_H
#define LINLI_GZ_H

#include "buf.h"

#include <stddef.h>

/* Appends the gzip of in to out. 0, ERR_NOMEM or ERR_TOO_BIG (out's cap). */
int gz_deflate(const void *in, size_t len, struct buf *out);

/*
 * Inflates a gzip (or zlib) body of n bytes into out, whose cap bounds the
 * result. 0, ERR_TOO_BIG (past the cap), ERR_PARSE (corrupt or truncated
 * data: errbuf says which), ERR_NOMEM. On error out holds no meaning.
 */
int gz_inflate(const void *in, size_t n, struct buf *out, char *errbuf,
               size_t errlen);

#endif
