/*
 * http.c - what the core does with HTTP bytes itself (http.h): dates,
 * Retry-After and gzip bodies. The transfer is behind the http_client
 * seam.
 */
#include "http.h"

#include "civil_time.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

bool http_parse_date(const char *s, int64_t *unix_s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    char wday[4], mon[4], zone[4];
    int day, year, h, m, sec, used = 0;
    if (!s ||
        sscanf(s, "%3s, %2d %3s %4d %2d:%2d:%2d %3s%n", wday, &day, mon, &year,
               &h, &m, &sec, zone, &used) != 8 ||
        s[used] != '\0' || strcmp(zone, "GMT") != 0)
        return false;
    const char *p = strstr(months, mon);
    if (!p || (p - months) % 3 != 0 || day < 1 || day > 31 || h > 23 ||
        m > 59 || sec > 60 || year < 1970)
        return false;
    int month = (int)(p - months) / 3 + 1;
    /* civil_unix() counts Shanghai days; a UTC day starts 8 h later */
    int64_t midnight =
        civil_unix(civil_day_number(year, month, day), 0) + CIVIL_UTC_OFFSET_S;
    *unix_s = midnight + h * 3600 + m * 60 + sec;
    return true;
}

int64_t http_retry_after_s(const char *value, int64_t now_s)
{
    if (!value || !*value)
        return 0;
    char *end;
    long long v = strtoll(value, &end, 10);
    if (end != value && *end == '\0')
        return v > 0 ? v : 0;
    int64_t when;
    if (http_parse_date(value, &when))
        return when > now_s ? when - now_s : 0;
    return 0;
}

int http_gunzip(const void *in, size_t n, struct buf *out, char *errbuf,
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
