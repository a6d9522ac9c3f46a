/*
 * backlight.h - the panel's backlight (sysfs) and the policy that drives
 * it from the config and the clock.
 *
 * The device is /sys/class/backlight/NAME: max_brightness read once,
 * brightness written as a decimal number, and only when the level
 * changes (the policy is asked every loop iteration). The root folder is
 * a parameter, so tests use a temporary tree.
 *
 * The policy (pure): inside the screen schedule the panel is at full
 * brightness and dims after dim_after_s without a touch; outside it the
 * panel is off, and a touch wakes it at full for dim_after_s. Brightness
 * in the config is in percent.
 */
#ifndef LINLI_BACKLIGHT_H
#define LINLI_BACKLIGHT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct backlight {
    char dir[200];
    int max;    /* max_brightness */
    int level;  /* last level written; -1 before the first */
    int writes; /* writes done (tests, staff screen) */
};

/* Opens the folder (it must hold brightness and a max_brightness > 0).
 * Returns 0, or -errno with a message in err. Writes nothing. */
int backlight_open(struct backlight *b, const char *dir, char *err,
                   size_t errlen);

/* Sets the raw level (clamped to 0..max); writes only if it differs from
 * the last level written. 0 or -errno (the level is then unknown, so the
 * next call writes again). */
int backlight_set(struct backlight *b, int level);

/* Percent (0..100) to a raw level: 0 stays 0 (off), anything else at
 * least 1, so a low dim level never turns the panel off. */
int backlight_raw(const struct backlight *b, int percent);

struct backlight_config {
    int brightness;      /* percent when in use, 1..100 (0: 100) */
    int dim_brightness;  /* percent when idle, 0..brightness */
    int dim_after_s;     /* idle seconds before dimming (0: 60) */
    int on_min, off_min; /* schedule, minutes after midnight; equal: always */
};

struct backlight_policy {
    struct backlight_config cfg;
    bool touched;          /* since the kiosk started */
    int64_t last_touch_ms; /* monotonic */
    int override;          /* percent a test forces; -1 none */
};

/* Starts untouched: the panel follows the schedule from the start (dim
 * inside it, off outside) until a person touches it. */
void backlight_policy_init(struct backlight_policy *p,
                           const struct backlight_config *cfg);
/* A new config (after a sync), keeping the touch and the test. Values out
 * of range are mended: brightness 0 means 100, dim above brightness is
 * brightness, dim_after_s 0 means 60. */
void backlight_policy_configure(struct backlight_policy *p,
                                const struct backlight_config *cfg);
/* A person touched the screen (or scanned) at now_ms. */
void backlight_policy_touch(struct backlight_policy *p, int64_t now_ms);

/* Whether sec_of_day (local, 0..86399) is inside the screen schedule. */
bool backlight_in_schedule(const struct backlight_config *cfg, int sec_of_day);

/* The percent wanted at now_ms (monotonic) when the local time is
 * sec_of_day; *next_ms gets the monotonic ms at which the answer can next
 * change (an idle timeout or a schedule edge). */
int backlight_policy_level(const struct backlight_policy *p, int64_t now_ms,
                           int sec_of_day, int64_t *next_ms);

#endif
