/*
 * hours.c - opening hours and "open now" (see hours.h for the rule).
 *
 * Everything is computed in Shanghai day numbers and minutes through
 * civil_time.h, never through localtime(). The struct comes from the store
 * as a blob, so counts are clamped and malformed ranges are skipped rather
 * than trusted.
 */
#include "hours.h"

#include "civil_time.h"

#define MINUTES_PER_DAY 1440
#define MAX_CLOSE       (2 * MINUTES_PER_DAY)

/* The most ranges that can start on one day: all weekly ranges, or all
 * exceptions. */
#define DAY_MAX                                                                \
    (HOURS_MAX_EXCEPTIONS > HOURS_MAX_RANGES ? HOURS_MAX_EXCEPTIONS            \
                                             : HOURS_MAX_RANGES)

/* next_change looks at the days D-1 .. D+8 around the day D of "now". */
#define SEARCH_DAYS 8
#define WINDOW_DAYS (SEARCH_DAYS + 2)

struct day_hours {
    int n;
    struct hours_range r[DAY_MAX];
};

static bool range_valid(const struct hours_range *r)
{
    return r->open < MINUTES_PER_DAY && r->open < r->close &&
           r->close <= MAX_CLOSE;
}

static bool range_is_closure(const struct hours_range *r)
{
    return r->open == 0 && r->close == 0;
}

static int n_ranges(const struct hours *h)
{
    return h->n_ranges < HOURS_MAX_RANGES ? h->n_ranges : HOURS_MAX_RANGES;
}

static int n_exceptions(const struct hours *h)
{
    return h->n_exceptions < HOURS_MAX_EXCEPTIONS ? h->n_exceptions
                                                  : HOURS_MAX_EXCEPTIONS;
}

/*
 * The ranges that start on `day`, unsorted: its exceptions if it has any,
 * else the weekly ranges for its weekday. A closed-all-day exception wins
 * over any other exception listed for the same day.
 */
static void day_hours_get(const struct hours *h, int32_t day,
                          struct day_hours *out)
{
    bool has_exception = false;
    out->n = 0;

    for (int i = 0; i < n_exceptions(h); i++) {
        const struct hours_exception *e = &h->exceptions[i];
        if (e->day != day)
            continue;
        if (range_is_closure(&e->range)) {
            out->n = 0;
            return;
        }
        has_exception = true;
        if (range_valid(&e->range))
            out->r[out->n++] = e->range;
    }
    if (has_exception)
        return;

    unsigned bit = HOURS_DAY_BIT(civil_weekday(day));
    for (int i = 0; i < n_ranges(h); i++) {
        const struct hours_range *r = &h->ranges[i];
        if ((r->days & bit) && range_valid(r))
            out->r[out->n++] = *r;
    }
}

/* Open at minute m of a day whose own hours are `today` and whose previous
 * day's hours are `yesterday`. */
static bool open_at(const struct day_hours *yesterday,
                    const struct day_hours *today, int m)
{
    for (int i = 0; i < today->n; i++)
        if (today->r[i].open <= m && m < today->r[i].close)
            return true;
    for (int i = 0; i < yesterday->n; i++)
        if (yesterday->r[i].close > MINUTES_PER_DAY &&
            m < yesterday->r[i].close - MINUTES_PER_DAY)
            return true;
    return false;
}

/* Index in win (days D-1 .. D+8) of the Shanghai day holding unix time t. */
static int window_index(int32_t first_day, int64_t t, int *minute)
{
    struct civil c;
    civil_from_unix(t, &c);
    *minute = c.minute_of_day;
    return (int)(c.day_number - first_day);
}

bool hours_is_open(const struct hours *h, int64_t unix_s, int64_t *next_change)
{
    struct day_hours win[WINDOW_DAYS];
    struct civil now;
    int32_t first;
    int n_days = next_change ? WINDOW_DAYS : 2;
    bool is_open;

    civil_from_unix(unix_s, &now);
    first = now.day_number - 1;
    for (int i = 0; i < n_days; i++)
        day_hours_get(h, first + i, &win[i]);
    is_open = open_at(&win[0], &win[1], now.minute_of_day);
    if (!next_change)
        return is_open;

    /*
     * The answer can only change at an opening or closing of a range that
     * starts in the window, and it is constant between two such times. So
     * the change is the earliest boundary after now at which the answer
     * differs. Boundaries of D-2 and earlier all fall at or before D's
     * midnight, and D+9 opens after now + 8 days.
     */
    int64_t limit = unix_s + (int64_t)SEARCH_DAYS * 86400;
    int64_t best = -1;
    bool found = false;
    for (int d = 0; d < WINDOW_DAYS; d++) {
        for (int i = 0; i < win[d].n; i++) {
            int bounds[2] = {win[d].r[i].open, win[d].r[i].close};
            for (int k = 0; k < 2; k++) {
                int64_t t = civil_unix(first + d, bounds[k]);
                int minute;
                if (t <= unix_s || t > limit || (found && t >= best))
                    continue;
                int j = window_index(first, t, &minute);
                if (open_at(&win[j - 1], &win[j], minute) != is_open) {
                    best = t;
                    found = true;
                }
            }
        }
    }
    *next_change = best;
    return is_open;
}

int hours_for_day(const struct hours *h, int32_t day_number,
                  struct hours_range *out, int max)
{
    struct day_hours day;
    day_hours_get(h, day_number, &day);

    /* Insertion sort by open, then close: at most DAY_MAX entries. */
    for (int i = 1; i < day.n; i++) {
        struct hours_range r = day.r[i];
        int j = i;
        while (j > 0 &&
               (day.r[j - 1].open > r.open || (day.r[j - 1].open == r.open &&
                                               day.r[j - 1].close > r.close))) {
            day.r[j] = day.r[j - 1];
            j--;
        }
        day.r[j] = r;
    }
    for (int i = 0; i < day.n && i < max; i++)
        out[i] = day.r[i];
    return day.n;
}

bool hours_unknown(const struct hours *h)
{
    return h->n_ranges == 0 && h->n_exceptions == 0;
}
