/* gz.c - gzip in memory with zlib (see gz.h). */
#include "gz.h"

#include "err.h"

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

int gz_inflate(const void *in, size_t len, struct buf *out)
{
    z_stream z = {0};
    if (inflateInit2(&z, GZIP_WINDOW) != Z_OK)
        return ERR_NOMEM;
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)len;
    unsigned char chunk[16384];
    int rc = 0, zrc;
    do {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        zrc = inflate(&z, Z_NO_FLUSH);
        if (zrc != Z_OK && zrc != Z_STREAM_END)
            rc = zrc == Z_MEM_ERROR ? ERR_NOMEM : ERR_PARSE;
        else
            rc = buf_append(out, chunk, sizeof chunk - z.avail_out);
        /* no progress with input left over: truncated stream */
        if (!rc && zrc == Z_OK && z.avail_in == 0 && z.avail_out != 0)
            rc = ERR_PARSE;
    } while (!rc && zrc != Z_STREAM_END);
    inflateEnd(&z);
    return rc;
}
