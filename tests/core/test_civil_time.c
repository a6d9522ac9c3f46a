/*
 * test_civil_time.c - Shanghai calendar arithmetic, parsers and formatters.
 *
 * The references are gmtime_r() of a time shifted by 8 h and a naive
 * day-by-day calendar walk; civil_time.c itself must use neither.
 */
#define _GNU_SOURCE
#include "testutil.h"

#include "civil_time.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Walks every day from 1600-01-01 to 2400-12-31 and checks both
 * directions and the weekday against a running counter. */
static void test_date_round_trip(void **state)
{
    (void)state;
    int32_t n = civil_day_number(1600, 1, 1);
    int weekday = 6; /* 1600-01-01 was a Saturday */

    for (int y = 1600; y <= 2400; y++) {
        for (int m = 1; m <= 12; m++) {
            for (int d = 1; d <= month_days(y, m); d++) {
                int yy, mm, dd;
                assert_int_equal(civil_day_number(y, m, d), n);
                civil_date(n, &yy, &mm, &dd);
                assert_int_equal(yy, y);
                assert_int_equal(mm, m);
                assert_int_equal(dd, d);
                assert_int_equal(civil_weekday(n), weekday);
                n++;
                weekday = weekday % 7 + 1;
            }
        }
    }
}

static void test_day_number_anchors(void **state)
{
    (void)state;
    int y, m, d;

    assert_int_equal(civil_day_number(1970, 1, 1), 0);
    assert_int_equal(civil_day_number(1969, 12, 31), -1);
    assert_int_equal(civil_day_number(1970, 1, 2), 1);
    assert_int_equal(civil_day_number(2000, 3, 1), 11017);
    assert_int_equal(civil_day_number(2000, 2, 29), 11016);
    assert_int_equal(civil_day_number(2026, 11, 23), 20780);
    assert_int_equal(
        civil_day_number(1900, 3, 1) - civil_day_number(1900, 2, 28), 1);
    assert_int_equal(
        civil_day_number(2024, 3, 1) - civil_day_number(2024, 2, 28), 2);

    civil_date(-1, &y, &m, &d);
    assert_int_equal(y, 1969);
    assert_int_equal(m, 12);
    assert_int_equal(d, 31);
    civil_date(-719468, &y, &m, &d); /* the algorithm's own epoch */
    assert_int_equal(y, 0);
    assert_int_equal(m, 3);
    assert_int_equal(d, 1);
}

static void test_weekday(void **state)
{
    (void)state;
    assert_int_equal(civil_weekday(civil_day_number(2026, 11, 23)), 1);
    assert_int_equal(civil_weekday(civil_day_number(2026, 11, 29)), 7);
    assert_int_equal(civil_weekday(civil_day_number(1970, 1, 1)), 4);
    assert_int_equal(civil_weekday(civil_day_number(1969, 12, 31)), 3);
    assert_int_equal(civil_weekday(civil_day_number(1969, 12, 29)), 1);
    assert_int_equal(civil_weekday(civil_day_number(2000, 2, 29)), 2);
    assert_int_equal(civil_weekday(civil_day_number(2024, 2, 29)), 4);
    assert_int_equal(civil_weekday(civil_day_number(1949, 10, 1)), 6);
}

/* civil_from_unix against gmtime_r of the time plus 8 h, stepping by an
 * odd number of seconds through 1900..2100 and densely around 1970. */
static void check_from_unix(int64_t t)
{
    struct civil c;
    struct tm tm;
    time_t shifted = (time_t)(t + 8 * 3600);

    civil_from_unix(t, &c);
    assert_non_null(gmtime_r(&shifted, &tm));
    assert_int_equal(c.year, tm.tm_year + 1900);
    assert_int_equal(c.month, tm.tm_mon + 1);
    assert_int_equal(c.day, tm.tm_mday);
    assert_int_equal(c.hour, tm.tm_hour);
    assert_int_equal(c.minute, tm.tm_min);
    assert_int_equal(c.second, tm.tm_sec);
    assert_int_equal(c.weekday, tm.tm_wday == 0 ? 7 : tm.tm_wday);
    assert_int_equal(c.minute_of_day, tm.tm_hour * 60 + tm.tm_min);
    assert_int_equal(c.day_number, civil_day_number(c.year, c.month, c.day));
    /* And back: the day and minute give the time to the minute. */
    assert_int_equal(civil_unix(c.day_number, c.minute_of_day) + c.second, t);
}

static void test_from_unix(void **state)
{
    (void)state;
    const int64_t start = -2208988800LL; /* 1900-01-01T00:00:00Z */
    const int64_t end = 4102444800LL;    /* 2100-01-01T00:00:00Z */

    for (int64_t t = start; t < end; t += 86400 * 3 + 3607)
        check_from_unix(t);
    for (int64_t t = -3 * 86400; t < 3 * 86400; t += 59)
        check_from_unix(t);
}

static void test_from_unix_boundaries(void **state)
{
    (void)state;
    struct civil c;

    civil_from_unix(0, &c);
    assert_int_equal(c.year, 1970);
    assert_int_equal(c.hour, 8);
    assert_int_equal(c.day_number, 0);

    /* The last second of 1969 in Shanghai. */
    civil_from_unix(-8 * 3600 - 1, &c);
    assert_int_equal(c.year, 1969);
    assert_int_equal(c.month, 12);
    assert_int_equal(c.day, 31);
    assert_int_equal(c.hour, 23);
    assert_int_equal(c.minute, 59);
    assert_int_equal(c.second, 59);
    assert_int_equal(c.day_number, -1);
    assert_int_equal(c.weekday, 3);
    assert_int_equal(c.minute_of_day, 1439);

    civil_from_unix(-8 * 3600, &c);
    assert_int_equal(c.day_number, 0);
    assert_int_equal(c.minute_of_day, 0);
    assert_int_equal(c.second, 0);

    /* Shanghai midnight is 16:00 UTC the day before. */
    civil_from_unix(test_sh_time(2026, 11, 23, 0, 0), &c);
    assert_int_equal(c.day, 23);
    assert_int_equal(c.weekday, 1);
    assert_int_equal(c.minute_of_day, 0);
    civil_from_unix(test_sh_time(2026, 11, 23, 0, 0) - 1, &c);
    assert_int_equal(c.day, 22);
    assert_int_equal(c.weekday, 7);
}

static void test_civil_unix(void **state)
{
    (void)state;
    int32_t d = civil_day_number(2026, 11, 27);

    assert_int_equal(civil_unix(d, 0), test_sh_time(2026, 11, 27, 0, 0));
    assert_int_equal(civil_unix(d, 9 * 60 + 30),
                     test_sh_time(2026, 11, 27, 9, 30));
    assert_int_equal(civil_unix(d, 1440), test_sh_time(2026, 11, 28, 0, 0));
    assert_int_equal(civil_unix(d, 1560), test_sh_time(2026, 11, 28, 2, 0));
    assert_int_equal(civil_unix(0, 0), -8 * 3600);
    assert_int_equal(civil_unix(-1, 0), -86400 - 8 * 3600);
}

static void test_parse_hhmm(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int minutes;
    } good[] = {
        {"00:00", 0},    {"09:00", 540}, {"12:30", 750},
        {"23:59", 1439}, {"07:05", 425},
    };
    static const char *const bad[] = {
        "",      "9:00",  "09:0",  "09:000", "09-00",  "0900",   "24:00x",
        "24:01", "25:00", "23:60", "99:99",  " 09:00", "09:00 ", "09:00\n",
        "+9:00", "-1:00", "0a:00", "09:0a",  "09::0",  "T09:00",
    };
    int m;

    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        m = -1;
        assert_true(civil_parse_hhmm(good[i].s, false, &m));
        assert_int_equal(m, good[i].minutes);
        m = -1;
        assert_true(civil_parse_hhmm(good[i].s, true, &m));
        assert_int_equal(m, good[i].minutes);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        m = -7;
        if (civil_parse_hhmm(bad[i], true, &m))
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(m, -7); /* untouched on failure */
        assert_false(civil_parse_hhmm(bad[i], false, &m));
    }

    m = -7;
    assert_false(civil_parse_hhmm("24:00", false, &m));
    assert_int_equal(m, -7);
    assert_true(civil_parse_hhmm("24:00", true, &m));
    assert_int_equal(m, 1440);
    assert_false(civil_parse_hhmm(NULL, true, &m));
}

static void test_parse_date(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int y, m, d;
    } good[] = {
        {"1970-01-01", 1970, 1, 1},   {"2026-11-23", 2026, 11, 23},
        {"2024-02-29", 2024, 2, 29},  {"2000-02-29", 2000, 2, 29},
        {"2026-12-31", 2026, 12, 31}, {"9999-12-31", 9999, 12, 31},
        {"2026-04-30", 2026, 4, 30},
    };
    static const char *const bad[] = {
        "",
        "2026-02-30",
        "2026-02-29",
        "1900-02-29",
        "2100-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
        "2026-01-32",
        "1969-12-31",
        "0000-01-01",
        "2026-1-05",
        "2026-01-5",
        "26-01-05",
        "2026/01/05",
        "2026-01-05 ",
        "2026-01-05T",
        "2026-01-05x",
        " 2026-01-05",
        "20260105",
        "+2026-01-05",
        "2026-01-0a",
        "10000-01-01",
    };
    int32_t n;

    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        n = -12345;
        if (!civil_parse_date(good[i].s, &n))
            fail_msg("rejected \"%s\"", good[i].s);
        assert_int_equal(n, civil_day_number(good[i].y, good[i].m, good[i].d));
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = -12345;
        if (civil_parse_date(bad[i], &n))
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(n, -12345);
    }
    assert_false(civil_parse_date(NULL, &n));
}

static void test_parse_timestamp(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int y, mo, d, h, mi, sec; /* Shanghai wall time */
    } good[] = {
        {"2026-11-23T09:30:00+08:00", 2026, 11, 23, 9, 30, 0},
        {"2026-11-23T01:30:00Z", 2026, 11, 23, 9, 30, 0},
        {"2026-11-23T17:30:05Z", 2026, 11, 24, 1, 30, 5},
        {"2026-11-23T09:30:00-05:00", 2026, 11, 23, 22, 30, 0},
        {"2026-11-23T20:00:00-05:00", 2026, 11, 24, 9, 0, 0},
        {"2026-11-23T09:30:00+05:30", 2026, 11, 23, 12, 0, 0},
        {"2026-11-23T09:30:00-00:00", 2026, 11, 23, 17, 30, 0},
        {"2026-11-23T09:30:00.123Z", 2026, 11, 23, 17, 30, 0},
        {"2026-11-23T09:30:59.999999+08:00", 2026, 11, 23, 9, 30, 59},
        {"2026-11-23T09:30:00.5-05:00", 2026, 11, 23, 22, 30, 0},
        {"2024-02-29T23:59:59+08:00", 2024, 2, 29, 23, 59, 59},
        {"2026-12-31T16:00:00Z", 2027, 1, 1, 0, 0, 0},
        {"1970-01-01T00:00:00Z", 1970, 1, 1, 8, 0, 0},
    };
    static const char *const bad[] = {
        "",
        "2026-11-23",
        "2026-11-23T09:30:00",
        "2026-11-23T09:30Z",
        "2026-11-23 09:30:00Z",
        "2026-11-23t09:30:00Z",
        "2026-11-23T09:30:00z",
        "2026-11-23T9:30:00Z",
        "2026-11-23T09:30:0Z",
        "2026-11-23T24:00:00Z",
        "2026-11-23T23:60:00Z",
        "2026-11-23T23:59:60Z",
        "2026-02-30T09:30:00Z",
        "2026-13-01T09:30:00Z",
        "2026-11-23T09:30:00.Z",
        "2026-11-23T09:30:00.12.3Z",
        "2026-11-23T09:30:00,5Z",
        "2026-11-23T09:30:00+0800",
        "2026-11-23T09:30:00+08",
        "2026-11-23T09:30:00+8:00",
        "2026-11-23T09:30:00+08:00:00",
        "2026-11-23T09:30:00+24:00",
        "2026-11-23T09:30:00+08:60",
        "2026-11-23T09:30:00Zjunk",
        "2026-11-23T09:30:00Z ",
        "2026-11-23T09:30:00+08:00 ",
        "2026-11-23T09:30:00 +08:00",
        "2026-11-23T09:30:00UTC",
    };
    int64_t t;

    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        t = 42;
        if (!civil_parse_timestamp(good[i].s, &t))
            fail_msg("rejected \"%s\"", good[i].s);
        int64_t want = test_sh_time(good[i].y, good[i].mo, good[i].d, good[i].h,
                                    good[i].mi) +
                       good[i].sec;
        if (t != want)
            fail_msg("\"%s\": got %lld want %lld", good[i].s, (long long)t,
                     (long long)want);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        t = 42;
        if (civil_parse_timestamp(bad[i], &t))
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(t, 42);
    }
    assert_false(civil_parse_timestamp(NULL, &t));

    assert_true(civil_parse_timestamp("1970-01-01T00:00:00Z", &t));
    assert_int_equal(t, 0);
    assert_true(civil_parse_timestamp("1970-01-01T07:59:59+08:00", &t));
    assert_int_equal(t, -1);
}

static void test_format(void **state)
{
    (void)state;
    char ts[32], date[16], hm[8];

    civil_format_timestamp(test_sh_time(2026, 11, 23, 9, 5) + 7, ts);
    assert_string_equal(ts, "2026-11-23T09:05:07+08:00");
    assert_int_equal(strlen(ts), 25);
    civil_format_timestamp(0, ts);
    assert_string_equal(ts, "1970-01-01T08:00:00+08:00");
    civil_format_timestamp(-8 * 3600 - 1, ts);
    assert_string_equal(ts, "1969-12-31T23:59:59+08:00");
    civil_format_timestamp(test_sh_time(2024, 2, 29, 23, 59) + 59, ts);
    assert_string_equal(ts, "2024-02-29T23:59:59+08:00");

    civil_format_date(0, date);
    assert_string_equal(date, "1970-01-01");
    civil_format_date(-1, date);
    assert_string_equal(date, "1969-12-31");
    civil_format_date(civil_day_number(2026, 11, 23), date);
    assert_string_equal(date, "2026-11-23");
    civil_format_date(civil_day_number(9999, 12, 31), date);
    assert_string_equal(date, "9999-12-31");

    civil_format_hhmm(0, hm);
    assert_string_equal(hm, "00:00");
    civil_format_hhmm(540, hm);
    assert_string_equal(hm, "09:00");
    civil_format_hhmm(1439, hm);
    assert_string_equal(hm, "23:59");
    civil_format_hhmm(1440, hm);
    assert_string_equal(hm, "00:00");
    civil_format_hhmm(1560, hm);
    assert_string_equal(hm, "02:00");
    civil_format_hhmm(2879, hm);
    assert_string_equal(hm, "23:59");
}

/* What one module formats, the parsers read back unchanged. */
static void test_format_parse_round_trip(void **state)
{
    (void)state;
    char ts[32], date[16], hm[8];

    for (int64_t t = -8 * 3600; t < 4102444800LL; t += 7 * 86400 + 4321) {
        int64_t back;
        civil_format_timestamp(t, ts);
        assert_true(civil_parse_timestamp(ts, &back));
        assert_int_equal(back, t);
    }
    for (int32_t d = 0; d < civil_day_number(2101, 1, 1); d += 13) {
        int32_t back;
        civil_format_date(d, date);
        assert_true(civil_parse_date(date, &back));
        assert_int_equal(back, d);
    }
    for (int m = 0; m < 1440; m++) {
        int back;
        civil_format_hhmm(m, hm);
        assert_true(civil_parse_hhmm(hm, false, &back));
        assert_int_equal(back, m);
    }
}

/* Nothing depends on the process's zone. */
static void test_tz_independent(void **state)
{
    (void)state;
    static const char *const zones[] = {"America/New_York", "Asia/Tokyo", "UTC",
                                        "Europe/London"};
    int64_t t = test_sh_time(2026, 11, 23, 0, 30);

    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        struct civil c;
        int64_t parsed;
        char ts[32];

        setenv("TZ", zones[i], 1);
        tzset();
        civil_from_unix(t, &c);
        assert_int_equal(c.day, 23);
        assert_int_equal(c.weekday, 1);
        assert_int_equal(c.minute_of_day, 30);
        civil_format_timestamp(t, ts);
        assert_string_equal(ts, "2026-11-23T00:30:00+08:00");
        assert_true(
            civil_parse_timestamp("2026-11-23T00:30:00+08:00", &parsed));
        assert_int_equal(parsed, t);
    }
    setenv("TZ", "UTC", 1);
    tzset();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_round_trip),
        cmocka_unit_test(test_day_number_anchors),
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_from_unix),
        cmocka_unit_test(test_from_unix_boundaries),
        cmocka_unit_test(test_civil_unix),
        cmocka_unit_test(test_parse_hhmm),
        cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_parse_timestamp),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_parse_round_trip),
        cmocka_unit_test(test_tz_independent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
