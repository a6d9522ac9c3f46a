/*
 * civil_time.h - calendar arithmetic in Asia/Shanghai, whatever TZ says.
 *
 * China has used UTC+8 all year since 1991 (no daylight saving), so
 * Shanghai wall time is Unix time + 8 h for every date the kiosk can meet.
 * Using a fixed offset instead of localtime() keeps opening hours right on
 * a terminal whose zone was never set, and needs no tzdata on the board.
 * Days are counted as "day numbers": days since 1970-01-01 (Shanghai).
 */
#ifndef LINLI_CIVIL_TIME_H
#define LINLI_CIVIL_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CIVIL_UTC_OFFSET_S (8 * 3600)

struct civil {
    int year, month, day;  /* 2026, 1..12, 1..31 */
    int hour, minute, second;
    int weekday;           /* ISO: 1 = Monday ... 7 = Sunday */
    int32_t day_number;    /* days since 1970-01-01 */
    int minute_of_day;     /* 0..1439 */
};

/* Shanghai wall time of a Unix time (seconds). */
void civil_from_unix(int64_t unix_s, struct civil *out);

/* Day number of a calendar date (proleptic Gregorian); no range checks. */
int32_t civil_day_number(int year, int month, int day);
/* Calendar date of a day number. */
void civil_date(int32_t day_number, int *year, int *month, int *day);
/* ISO weekday (1 = Monday) of a day number. */
int civil_weekday(int32_t day_number);
/* Unix time of minute `minute` (may exceed 1439) of a Shanghai day. */
int64_t civil_unix(int32_t day_number, int minute);

/* "HH:MM" -> minutes after midnight. Accepts 00:00..23:59, and also 24:00
 * when allow_24 (a closing time meaning "midnight at the end of the day").
 * Exactly five characters; returns false on anything else. */
bool civil_parse_hhmm(const char *s, bool allow_24, int *minutes);
/* "YYYY-MM-DD" (a real date, years 1970..9999) -> day number. */
bool civil_parse_date(const char *s, int32_t *day_number);
/* RFC 3339 timestamp "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM" /
 * "-HH:MM" (fraction of seconds allowed and dropped) -> Unix seconds. */
bool civil_parse_timestamp(const char *s, int64_t *unix_s);

/* Writes "YYYY-MM-DDTHH:MM:SS+08:00" (26 bytes with NUL) to out. */
void civil_format_timestamp(int64_t unix_s, char out[32]);
/* Writes "YYYY-MM-DD" (11 bytes with NUL). */
void civil_format_date(int32_t day_number, char out[16]);
/* Writes "HH:MM" of minutes after midnight (values >= 1440 wrap, so a
 * close at 1560 prints "02:00"). */
void civil_format_hhmm(int minutes, char out[8]);

#endif
