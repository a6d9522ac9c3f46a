/* gz.c - gzip in memory with zlib (see gz.h). */
#include "gz.h"

#include "err.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

/* windowBits 15 + 16: the gzip wrapper rather than zlib's own. */
#define GZIP_WINDOW (15 + 16)

int gz_deflate(const void *in, size_t len, struct buf *out)
{
    z_stream z = {0};
    if (deflateInit2(&z, 6, Z_DEFLATED, GZIP_WINDOW, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return ERR_NOMEM;
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)len;
    unsigned char chunk[16384];
    int rc = 0, zrc;
    do {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        zrc = deflate(&z, Z_FINISH);
        rc = buf_append(out, chunk, sizeof chunk - z.avail_out);
    } while (!rc && zrc == Z_OK);
    if (!rc && zrc != Z_STREAM_END)
        rc = ERR_NOMEM;
    deflateEnd(&z);
    return rc;
}

int gz_inflate(const void *in, size_t n, struct buf *out, char *errbuf,
               size_t errlen)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    /* 15 + 32: a gzip or zlib header, detected */
    if (inflateInit2(&z, 15 + 32) != Z_OK)
        return ERR_NOMEM;
    z.next_in = (Bytef *)in;
    int rc = 0, zr = Z_OK;
    unsigned char chunk[64 * 1024];
    while (!rc && zr != Z_STREAM_END) {
        size_t left = n - (size_t)((const unsigned char *)z.next_in -
                                   (const unsigned char *)in);
        z.avail_in = left > UINT32_MAX ? UINT32_MAX : (uInt)left;
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        zr = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (zr == Z_NEED_DICT || zr == Z_DATA_ERROR) {
            snprintf(errbuf, errlen, "corrupt gzip data: %s",
                     z.msg ? z.msg : "bad stream");
            rc = ERR_PARSE;
        } else if (zr == Z_MEM_ERROR) {
            rc = ERR_NOMEM;
        } else if (got && (rc = buf_append(out, chunk, got)) == ERR_TOO_BIG) {
            snprintf(errbuf, errlen, "gzip data inflates past %zu bytes",
                     out->max);
        } else if (zr == Z_BUF_ERROR ||
                   (!got && z.avail_in == 0 && zr != Z_STREAM_END)) {
            snprintf(errbuf, errlen, "truncated gzip data");
            rc = ERR_PARSE;
        }
    }
    inflateEnd(&z);
    return rc;
}
