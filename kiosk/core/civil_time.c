/*
 * civil_time.c - Shanghai calendar arithmetic (see civil_time.h).
 *
 * Dates use Howard Hinnant's days_from_civil / civil_from_days (public
 * domain, http://howardhinnant.github.io/date_algorithms.html) with a fixed
 * UTC+8 offset; nothing here reads TZ or calls localtime(). Every division
 * of a possibly negative quantity floors, so times before 1970 land on the
 * right day.
 */
#include "civil_time.h"

#include <stdio.h>

#define SECONDS_PER_DAY 86400
#define MINUTES_PER_DAY 1440

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
    return a - floor_div(a, b) * b;
}

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year))
        return 29;
    return days[month - 1];
}

int32_t civil_day_number(int year, int month, int day)
{
    /* Years start in March so the leap day is the last of the year. */
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;                         /* [0, 399] */
    int64_t mp = month > 2 ? month - 3 : month + 9;      /* [0, 11] */
    int64_t doy = (153 * mp + 2) / 5 + day - 1;          /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return (int32_t)(era * 146097 + doe - 719468);
}

void civil_date(int32_t day_number, int *year, int *month, int *day)
{
    int64_t z = (int64_t)day_number + 719468; /* days since 0000-03-01 */
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097; /* [0, 146096] */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100); /* [0, 365] */
    int64_t mp = (5 * doy + 2) / 153;                      /* [0, 11] */
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = m;
    *day = d;
}

int civil_weekday(int32_t day_number)
{
    /* 1970-01-01 was a Thursday (ISO 4). */
    return (int)floor_mod((int64_t)day_number + 3, 7) + 1;
}

int64_t civil_unix(int32_t day_number, int minute)
{
    return (int64_t)day_number * SECONDS_PER_DAY + (int64_t)minute * 60 -
           CIVIL_UTC_OFFSET_S;
}

void civil_from_unix(int64_t unix_s, struct civil *out)
{
    int64_t local = unix_s + CIVIL_UTC_OFFSET_S;
    int64_t day = floor_div(local, SECONDS_PER_DAY);
    int sec = (int)(local - day * SECONDS_PER_DAY); /* [0, 86399] */

    out->day_number = (int32_t)day;
    civil_date(out->day_number, &out->year, &out->month, &out->day);
    out->hour = sec / 3600;
    out->minute = sec / 60 % 60;
    out->second = sec % 60;
    out->weekday = civil_weekday(out->day_number);
    out->minute_of_day = sec / 60;
}

/* Reads exactly n ASCII digits at s; false if any is not a digit. */
static bool read_digits(const char *s, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return true;
}

/* "YYYY-MM-DD" at the start of s (no terminator check). */
static bool read_date(const char *s, int32_t *day_number)
{
    int y, m, d;
    if (!read_digits(s, 4, &y) || s[4] != '-' || !read_digits(s + 5, 2, &m) ||
        s[7] != '-' || !read_digits(s + 8, 2, &d))
        return false;
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *day_number = civil_day_number(y, m, d);
    return true;
}

/* "HH:MM" at the start of s, 00:00..23:59 (no terminator check). */
static bool read_hhmm(const char *s, int *minutes)
{
    int h, m;
    if (!read_digits(s, 2, &h) || s[2] != ':' || !read_digits(s + 3, 2, &m))
        return false;
    if (h > 23 || m > 59)
        return false;
    *minutes = h * 60 + m;
    return true;
}

bool civil_parse_hhmm(const char *s, bool allow_24, int *minutes)
{
    int v;
    if (!s)
        return false;
    /* read_hhmm stops at the first non-digit, so a short string fails
     * before its NUL is passed. */
    if (allow_24 && s[0] == '2' && s[1] == '4' && s[2] == ':' && s[3] == '0' &&
        s[4] == '0' && s[5] == '\0') {
        *minutes = MINUTES_PER_DAY;
        return true;
    }
    if (!read_hhmm(s, &v) || s[5] != '\0')
        return false;
    *minutes = v;
    return true;
}

bool civil_parse_date(const char *s, int32_t *day_number)
{
    int32_t d;
    if (!s || !read_date(s, &d) || s[10] != '\0')
        return false;
    *day_number = d;
    return true;
}

bool civil_parse_timestamp(const char *s, int64_t *unix_s)
{
    int32_t day;
    int hm, sec, offset_min = 0;
    const char *p;

    if (!s || !read_date(s, &day) || s[10] != 'T' || !read_hhmm(s + 11, &hm) ||
        s[16] != ':' || !read_digits(s + 17, 2, &sec) || sec > 59)
        return false;
    p = s + 19;
    if (*p == '.') {
        /* RFC 3339 time-secfrac: a dot and at least one digit. */
        p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p == 'Z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        if (!read_hhmm(p + 1, &offset_min))
            return false;
        if (*p == '-')
            offset_min = -offset_min;
        p += 6;
    } else {
        return false;
    }
    if (*p != '\0')
        return false;
    /* Wall time in the stated offset, minus the offset, is UTC. */
    *unix_s = (int64_t)day * SECONDS_PER_DAY + (int64_t)hm * 60 + sec -
              (int64_t)offset_min * 60;
    return true;
}

void civil_format_timestamp(int64_t unix_s, char out[32])
{
    struct civil c;
    civil_from_unix(unix_s, &c);
    /* The fields are in range; the casts tell the compiler so. */
    snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%02u+08:00",
             (unsigned)c.year % 10000u, (unsigned)c.month % 100u,
             (unsigned)c.day % 100u, (unsigned)c.hour % 100u,
             (unsigned)c.minute % 100u, (unsigned)c.second % 100u);
}

void civil_format_date(int32_t day_number, char out[16])
{
    int y, m, d;
    civil_date(day_number, &y, &m, &d);
    snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

void civil_format_hhmm(int minutes, char out[8])
{
    int m = (int)floor_mod(minutes, MINUTES_PER_DAY);
    int h = m / 60;
    m %= 60;
    out[0] = (char)('0' + h / 10);
    out[1] = (char)('0' + h % 10);
    out[2] = ':';
    out[3] = (char)('0' + m / 10);
    out[4] = (char)('0' + m % 10);
    out[5] = '\0';
}
