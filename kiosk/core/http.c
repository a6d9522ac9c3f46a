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
