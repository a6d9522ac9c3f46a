/*
 * hours.h - opening hours and "open now", in Shanghai time.
 *
 * A service's hours are weekly ranges plus dated exceptions. A range that
 * closes at or before it opens runs past midnight: "22:00"-"02:00" on
 * Friday is open until 02:00 Saturday; such a range is stored with
 * close > 1440 (here 1560). "00:00"-"24:00" is open all day.
 *
 * The rule for an instant on Shanghai day D at minute m:
 *   - the hours that start on D are D's exceptions if D has any, else the
 *     weekly ranges for D's weekday; open if one of them has open <= m <
 *     close;
 *   - the hours that start on D-1 (chosen the same way) still count past
 *     midnight: open if one has close > 1440 and m < close - 1440.
 * An exception with open == close == 0 closes its day. So a holiday
 * closure stops that day's own ranges, but the previous evening's late
 * range still ends at its own time.
 *
 * The struct has fixed size and no pointers so the store can keep it as a
 * blob; bundle.c builds it from JSON and reports errors with their path.
 */
#ifndef LINLI_HOURS_H
#define LINLI_HOURS_H

#include <stdbool.h>
#include <stdint.h>

#define HOURS_MAX_RANGES 14
#define HOURS_MAX_EXCEPTIONS 32

/* Bit of each ISO weekday in hours_range.days: bit 0 Monday .. bit 6 Sunday */
#define HOURS_DAY_BIT(iso_weekday) (1u << ((iso_weekday) - 1))

struct hours_range {
    uint16_t days;   /* weekday bits; unused in exceptions */
    uint16_t open;   /* minutes after the opening day's midnight, 0..1439 */
    uint16_t close;  /* open < close <= 2880 */
};

struct hours_exception {
    int32_t day;             /* day number (civil_time.h) */
    struct hours_range range; /* open == close == 0: closed all day */
};

struct hours {
    uint8_t n_ranges;
    uint8_t n_exceptions;
    struct hours_range ranges[HOURS_MAX_RANGES];
    struct hours_exception exceptions[HOURS_MAX_EXCEPTIONS];
};

/* True if open at unix_s. If next_change is not NULL it receives the Unix
 * time at which that answer next changes (opens or closes), or -1 if it
 * does not change within the next 8 days (always open, never open). */
bool hours_is_open(const struct hours *h, int64_t unix_s, int64_t *next_change);

/* The ranges that start on a day, after exceptions: the list a detail
 * screen shows for that day. Writes at most max ranges, sorted by open
 * time, and returns how many there are (0: closed that day). A closed-day
 * exception yields 0. */
int hours_for_day(const struct hours *h, int32_t day_number,
                  struct hours_range *out, int max);

/* True if the hours have no ranges and no exceptions: "hours unknown",
 * which the UI shows differently from "closed". */
bool hours_unknown(const struct hours *h);

#endif
