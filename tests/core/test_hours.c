/*
 * test_hours.c - "open now", next change and a day's list (hours.h).
 *
 * Dates are in the week of Monday 2026-11-23: Fri 27, Sat 28, Sun 29,
 * Mon 30. Times are Shanghai wall times via test_sh_time().
 */
#define _GNU_SOURCE
#include "testutil.h"

#include "civil_time.h"
#include "hours.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MON      HOURS_DAY_BIT(1)
#define TUE      HOURS_DAY_BIT(2)
#define WED      HOURS_DAY_BIT(3)
#define THU      HOURS_DAY_BIT(4)
#define FRI      HOURS_DAY_BIT(5)
#define SAT      HOURS_DAY_BIT(6)
#define SUN      HOURS_DAY_BIT(7)
#define WEEKDAYS (MON | TUE | WED | THU | FRI)
#define ALL_DAYS (WEEKDAYS | SAT | SUN)

/* Minutes of "HH:MM"; "24:00" allowed. */
static int hm(const char *s)
{
    int m;
    if (!civil_parse_hhmm(s, true, &m))
        fail_msg("bad time \"%s\"", s);
    return m;
}

/* A range as bundle.c stores it: a close at or before the open runs past
 * midnight. */
static struct hours_range range_of(unsigned days, const char *open,
                                   const char *close)
{
    int o = hm(open), c = hm(close);
    if (c <= o)
        c += 1440;
    return (struct hours_range){(uint16_t)days, (uint16_t)o, (uint16_t)c};
}

static void add_range(struct hours *h, unsigned days, const char *open,
                      const char *close)
{
    assert_true(h->n_ranges < HOURS_MAX_RANGES);
    h->ranges[h->n_ranges++] = range_of(days, open, close);
}

static void add_exception(struct hours *h, int y, int mo, int d,
                          const char *open, const char *close)
{
    assert_true(h->n_exceptions < HOURS_MAX_EXCEPTIONS);
    struct hours_exception *e = &h->exceptions[h->n_exceptions++];
    e->day = civil_day_number(y, mo, d);
    e->range = range_of(0, open, close);
}

static void add_closure(struct hours *h, int y, int mo, int d)
{
    assert_true(h->n_exceptions < HOURS_MAX_EXCEPTIONS);
    struct hours_exception *e = &h->exceptions[h->n_exceptions++];
    e->day = civil_day_number(y, mo, d);
    e->range = (struct hours_range){0, 0, 0};
}

/* Asserts the state at a Shanghai time and, when want_next is not 0, the
 * time of the next change (-1: none within 8 days). */
#define CHECK(h, t, want_open, want_next)                                      \
    check_at((h), (t), (want_open), (want_next), __LINE__)

static void check_at(const struct hours *h, int64_t t, bool want_open,
                     int64_t want_next, int line)
{
    int64_t next = 12345;
    bool open = hours_is_open(h, t, &next);
    char ts[32], ns[32], ws[32];

    civil_format_timestamp(t, ts);
    civil_format_timestamp(next, ns);
    civil_format_timestamp(want_next, ws);
    if (open != want_open)
        fail_msg("line %d: at %s open=%d, want %d", line, ts, open, want_open);
    if (hours_is_open(h, t, NULL) != open)
        fail_msg("line %d: at %s answer depends on next_change", line, ts);
    if (want_next != 0 && next != want_next)
        fail_msg("line %d: at %s next change %s (%lld), want %s (%lld)", line,
                 ts, next == -1 ? "none" : ns, (long long)next,
                 want_next == -1 ? "none" : ws, (long long)want_next);
    if (next != -1 && next <= t)
        fail_msg("line %d: next change not after now", line);
}

#define SH(d, h, m) test_sh_time(2026, 11, (d), (h), (m))

static void test_weekday_range(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, WEEKDAYS, "09:00", "17:00");

    CHECK(&h, SH(23, 8, 59), false, SH(23, 9, 0));
    CHECK(&h, SH(23, 9, 0), true, SH(23, 17, 0));
    CHECK(&h, SH(23, 16, 59) + 59, true, SH(23, 17, 0));
    CHECK(&h, SH(23, 17, 0), false, SH(24, 9, 0));
    CHECK(&h, SH(23, 23, 59), false, SH(24, 9, 0));
    CHECK(&h, SH(27, 12, 0), true, SH(27, 17, 0));
    /* The weekend is closed. */
    CHECK(&h, SH(27, 17, 0), false, SH(30, 9, 0));
    CHECK(&h, SH(28, 10, 0), false, SH(30, 9, 0));
    CHECK(&h, SH(29, 23, 59), false, SH(30, 9, 0));
    CHECK(&h, SH(30, 9, 30), true, SH(30, 17, 0));
    /* Wednesday 1969-12-31, before the Unix epoch. */
    CHECK(&h, test_sh_time(1969, 12, 31, 10, 0), true,
          test_sh_time(1969, 12, 31, 17, 0));
    CHECK(&h, test_sh_time(1969, 12, 31, 18, 0), false,
          test_sh_time(1970, 1, 1, 9, 0));
}

static void test_one_day_a_week(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, WED, "10:00", "12:00");

    CHECK(&h, SH(25, 12, 0), false, test_sh_time(2026, 12, 2, 10, 0));
    CHECK(&h, SH(26, 0, 0), false, test_sh_time(2026, 12, 2, 10, 0));
    CHECK(&h, SH(25, 9, 59), false, SH(25, 10, 0));
    CHECK(&h, SH(25, 11, 0), true, SH(25, 12, 0));
}

static void test_past_midnight(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, FRI, "22:00", "02:00");
    assert_int_equal(h.ranges[0].close, 1560);

    CHECK(&h, SH(27, 21, 59), false, SH(27, 22, 0));
    CHECK(&h, SH(27, 22, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(27, 23, 59), true, SH(28, 2, 0));
    CHECK(&h, SH(28, 0, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(28, 1, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(28, 1, 59) + 59, true, SH(28, 2, 0));
    CHECK(&h, SH(28, 2, 0), false, test_sh_time(2026, 12, 4, 22, 0));
    /* Saturday has no late range of its own, so Sunday night is shut. */
    CHECK(&h, SH(28, 23, 0), false, test_sh_time(2026, 12, 4, 22, 0));
    CHECK(&h, SH(29, 1, 0), false, test_sh_time(2026, 12, 4, 22, 0));
    /* Nor does Thursday. */
    CHECK(&h, SH(27, 1, 0), false, SH(27, 22, 0));
}

static void test_past_midnight_two_nights(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, FRI | SAT, "22:00", "02:00");

    CHECK(&h, SH(28, 1, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(28, 2, 0), false, SH(28, 22, 0));
    CHECK(&h, SH(28, 23, 0), true, SH(29, 2, 0));
    CHECK(&h, SH(29, 1, 0), true, SH(29, 2, 0));
    CHECK(&h, SH(29, 2, 0), false, test_sh_time(2026, 12, 4, 22, 0));
}

/* Evening and early-morning ranges that meet at midnight are one opening:
 * no change is reported at 00:00. */
static void test_next_change_skips_seams(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, FRI, "18:00", "24:00");
    add_range(&h, SAT, "00:00", "02:00");
    add_range(&h, MON, "09:00", "12:00");
    add_range(&h, MON, "12:00", "18:00");

    CHECK(&h, SH(27, 20, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(28, 0, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(27, 23, 59), true, SH(28, 2, 0));
    CHECK(&h, SH(30, 10, 0), true, SH(30, 18, 0));
    CHECK(&h, SH(30, 12, 0), true, SH(30, 18, 0));
    CHECK(&h, SH(28, 2, 0), false, SH(30, 9, 0));
}

static void test_all_day(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, ALL_DAYS, "00:00", "24:00");
    assert_int_equal(h.ranges[0].open, 0);
    assert_int_equal(h.ranges[0].close, 1440);

    CHECK(&h, SH(23, 0, 0), true, -1);
    CHECK(&h, SH(25, 12, 34), true, -1);
    CHECK(&h, SH(29, 23, 59) + 59, true, -1);

    /* Open all week but Sunday. */
    h.ranges[0].days = WEEKDAYS | SAT;
    CHECK(&h, SH(23, 10, 0), true, SH(29, 0, 0));
    CHECK(&h, SH(28, 23, 59), true, SH(29, 0, 0));
    CHECK(&h, SH(29, 0, 0), false, SH(30, 0, 0));
    CHECK(&h, SH(29, 12, 0), false, SH(30, 0, 0));
}

static void test_never_open(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, WED, "09:00", "17:00");
    add_closure(&h, 2026, 11, 25);
    add_closure(&h, 2026, 12, 2);

    CHECK(&h, SH(24, 12, 0), false, -1);
    /* The next opening, two weeks ahead, is past the 8-day horizon. */
    CHECK(&h, SH(25, 12, 0), false, -1);
    CHECK(&h, test_sh_time(2026, 12, 1, 12, 0), false,
          test_sh_time(2026, 12, 9, 9, 0));
}

static void test_closure_keeps_late_range(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, FRI | SAT, "22:00", "02:00");
    add_closure(&h, 2026, 11, 28); /* Saturday closed */

    /* Friday's late range still ends at its own time on Saturday. */
    CHECK(&h, SH(27, 23, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(28, 1, 0), true, SH(28, 2, 0));
    CHECK(&h, SH(28, 2, 0), false, test_sh_time(2026, 12, 4, 22, 0));
    /* Saturday's own range does not start. */
    CHECK(&h, SH(28, 23, 0), false, test_sh_time(2026, 12, 4, 22, 0));
    CHECK(&h, SH(29, 1, 0), false, test_sh_time(2026, 12, 4, 22, 0));
    /* The next weekend is normal. */
    CHECK(&h, test_sh_time(2026, 12, 5, 23, 0), true,
          test_sh_time(2026, 12, 6, 2, 0));
}

static void test_closure_stops_friday_night(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, FRI | SAT, "22:00", "02:00");
    add_closure(&h, 2026, 11, 27); /* Friday closed */

    CHECK(&h, SH(27, 21, 0), false, SH(28, 22, 0));
    CHECK(&h, SH(27, 23, 0), false, SH(28, 22, 0));
    CHECK(&h, SH(28, 1, 0), false, SH(28, 22, 0));
    CHECK(&h, SH(28, 22, 0), true, SH(29, 2, 0));
}

static void test_special_hours(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, WEEKDAYS, "09:00", "17:00");
    add_exception(&h, 2026, 11, 25, "10:00", "12:00"); /* short Wednesday */
    add_exception(&h, 2026, 11, 29, "14:00", "16:00"); /* open on Sunday */
    add_exception(&h, 2026, 11, 28, "20:00", "01:00"); /* Saturday night */
    add_closure(&h, 2026, 11, 30);                     /* Monday off */

    CHECK(&h, SH(24, 17, 0), false, SH(25, 10, 0));
    CHECK(&h, SH(25, 9, 30), false, SH(25, 10, 0));
    CHECK(&h, SH(25, 11, 0), true, SH(25, 12, 0));
    CHECK(&h, SH(25, 13, 0), false, SH(26, 9, 0));
    CHECK(&h, SH(27, 18, 0), false, SH(28, 20, 0));
    CHECK(&h, SH(28, 20, 0), true, SH(29, 1, 0));
    CHECK(&h, SH(29, 0, 30), true, SH(29, 1, 0));
    CHECK(&h, SH(29, 1, 0), false, SH(29, 14, 0));
    CHECK(&h, SH(29, 15, 0), true, SH(29, 16, 0));
    /* Monday's closure pushes the next opening to Tuesday. */
    CHECK(&h, SH(29, 16, 0), false, test_sh_time(2026, 12, 1, 9, 0));
    CHECK(&h, SH(30, 10, 0), false, test_sh_time(2026, 12, 1, 9, 0));
}

static void test_lunch_break(void **state)
{
    (void)state;
    struct hours h = {0};
    add_range(&h, WEEKDAYS, "13:30", "17:00");
    add_range(&h, WEEKDAYS, "08:30", "11:30");
    add_range(&h, SAT, "09:00", "12:00");

    CHECK(&h, SH(23, 8, 0), false, SH(23, 8, 30));
    CHECK(&h, SH(23, 8, 30), true, SH(23, 11, 30));
    CHECK(&h, SH(23, 11, 29), true, SH(23, 11, 30));
    CHECK(&h, SH(23, 11, 30), false, SH(23, 13, 30));
    CHECK(&h, SH(23, 12, 0), false, SH(23, 13, 30));
    CHECK(&h, SH(23, 13, 30), true, SH(23, 17, 0));
    CHECK(&h, SH(23, 17, 0), false, SH(24, 8, 30));
    CHECK(&h, SH(27, 17, 0), false, SH(28, 9, 0));
    CHECK(&h, SH(28, 12, 0), false, SH(30, 8, 30));

    struct hours_range out[4];
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 23), out, 4),
                     2);
    assert_int_equal(out[0].open, 510);
    assert_int_equal(out[0].close, 690);
    assert_int_equal(out[1].open, 810);
    assert_int_equal(out[1].close, 1020);
}

static void test_for_day(void **state)
{
    (void)state;
    struct hours h = {0};
    struct hours_range out[8];
    add_range(&h, WEEKDAYS, "14:00", "18:00");
    add_range(&h, FRI, "22:00", "02:00");
    add_range(&h, WEEKDAYS, "09:00", "12:00");
    add_exception(&h, 2026, 11, 25, "15:00", "16:00");
    add_exception(&h, 2026, 11, 25, "08:00", "10:00");
    add_closure(&h, 2026, 11, 26);
    add_exception(&h, 2026, 11, 29, "10:00", "11:00");

    /* Monday: its weekly ranges, sorted. */
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 23), out, 8),
                     2);
    assert_int_equal(out[0].open, 540);
    assert_int_equal(out[0].close, 720);
    assert_int_equal(out[1].open, 840);
    assert_int_equal(out[1].close, 1080);

    /* Wednesday: only its exceptions, sorted. */
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 25), out, 8),
                     2);
    assert_int_equal(out[0].open, 480);
    assert_int_equal(out[0].close, 600);
    assert_int_equal(out[1].open, 900);
    assert_int_equal(out[1].close, 960);

    /* Thursday: closed by an exception. */
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 26), out, 8),
                     0);

    /* Friday: three ranges, the late one last with its close past 24:00. */
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 27), out, 8),
                     3);
    assert_int_equal(out[2].open, 1320);
    assert_int_equal(out[2].close, 1560);

    /* Saturday: closed by the weekly rule (Friday's spill is Friday's). */
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 28), out, 8),
                     0);

    /* Sunday: opened by an exception. */
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 29), out, 8),
                     1);
    assert_int_equal(out[0].open, 600);
    assert_int_equal(out[0].close, 660);

    /* A short buffer gets the earliest ranges; the count is the total. */
    memset(out, 0xab, sizeof out);
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 27), out, 1),
                     3);
    assert_int_equal(out[0].open, 540);
    assert_int_equal(out[1].open, 0xabab);
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 27), NULL, 0),
                     3);
}

static void test_tz_independent(void **state)
{
    (void)state;
    static const char *const zones[] = {"America/New_York", "Asia/Tokyo",
                                        "Europe/London", "UTC"};
    struct hours h = {0};
    add_range(&h, WEEKDAYS, "09:00", "17:00");
    add_range(&h, FRI, "22:00", "02:00");
    add_closure(&h, 2026, 11, 25);

    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        struct hours_range out[4];
        setenv("TZ", zones[i], 1);
        tzset();
        CHECK(&h, SH(23, 8, 59), false, SH(23, 9, 0));
        CHECK(&h, SH(23, 9, 0), true, SH(23, 17, 0));
        CHECK(&h, SH(24, 23, 0), false, SH(26, 9, 0));
        CHECK(&h, SH(28, 1, 0), true, SH(28, 2, 0));
        CHECK(&h, SH(28, 2, 0), false, SH(30, 9, 0));
        assert_int_equal(
            hours_for_day(&h, civil_day_number(2026, 11, 27), out, 4), 2);
        assert_int_equal(
            hours_for_day(&h, civil_day_number(2026, 11, 25), out, 4), 0);
    }
    setenv("TZ", "UTC", 1);
    tzset();
}

static void test_unknown(void **state)
{
    (void)state;
    struct hours h = {0};
    struct hours_range out[2];
    int64_t next = 7;

    assert_true(hours_unknown(&h));
    assert_false(hours_is_open(&h, SH(23, 12, 0), &next));
    assert_int_equal(next, -1);
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 23), out, 2),
                     0);

    add_closure(&h, 2026, 11, 23);
    assert_false(hours_unknown(&h)); /* known: closed */

    memset(&h, 0, sizeof h);
    add_range(&h, MON, "09:00", "10:00");
    assert_false(hours_unknown(&h));
}

/* A corrupt blob from the store: counts too large, ranges out of bounds.
 * Nothing crashes and bad ranges never open the door. */
static void test_corrupt_blob(void **state)
{
    (void)state;
    struct hours h;
    struct hours_range out[HOURS_MAX_EXCEPTIONS];
    int64_t next;

    memset(&h, 0xff, sizeof h);
    assert_false(hours_unknown(&h));
    assert_false(hours_is_open(&h, SH(23, 12, 0), &next));
    assert_int_equal(next, -1);
    assert_int_equal(hours_for_day(&h, -1, out, HOURS_MAX_EXCEPTIONS), 0);

    memset(&h, 0, sizeof h);
    h.n_ranges = 3;
    h.ranges[0] = (struct hours_range){ALL_DAYS, 600, 600};   /* empty */
    h.ranges[1] = (struct hours_range){ALL_DAYS, 1500, 1600}; /* open > day */
    h.ranges[2] = (struct hours_range){ALL_DAYS, 600, 3000};  /* close > 2880 */
    CHECK(&h, SH(23, 10, 30), false, -1);
    assert_int_equal(hours_for_day(&h, civil_day_number(2026, 11, 23), out, 4),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekday_range),
        cmocka_unit_test(test_one_day_a_week),
        cmocka_unit_test(test_past_midnight),
        cmocka_unit_test(test_past_midnight_two_nights),
        cmocka_unit_test(test_next_change_skips_seams),
        cmocka_unit_test(test_all_day),
        cmocka_unit_test(test_never_open),
        cmocka_unit_test(test_closure_keeps_late_range),
        cmocka_unit_test(test_closure_stops_friday_night),
        cmocka_unit_test(test_special_hours),
        cmocka_unit_test(test_lunch_break),
        cmocka_unit_test(test_for_day),
        cmocka_unit_test(test_tz_independent),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_corrupt_blob),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
