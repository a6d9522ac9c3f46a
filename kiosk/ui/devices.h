/*
 * devices.h - what the ui needs of the terminal's peripherals, as a seam.
 *
 * The ui never includes drivers/: the platform adapts the printer,
 * watchdog, backlight and scanner to these calls (kiosk/platform/
 * peripherals.h), and tests give fakes. With no ops at all (headless
 * tools, screenshots) the ui behaves as on a kiosk without peripherals:
 * no slip, nothing on the staff screen but "not configured".
 *
 * Printing never blocks: print() hands a copy of the slip to a worker and
 * returns a job number; the screen asks print_result() on later frames.
 */
#ifndef LINLI_DEVICES_H
#define LINLI_DEVICES_H

#include <stdbool.h>
#include <stdint.h>

struct app;

#define SLIP_LINES    6
#define SLIP_LINE_MAX 160

/* A booking slip: what the printer puts on paper, in the session's
 * language, top to bottom. */
struct slip {
    char title[SLIP_LINE_MAX];             /* the center, large */
    char lines[SLIP_LINES][SLIP_LINE_MAX]; /* "活动：…", "时间：…" */
    int n_lines;
    char code_label[SLIP_LINE_MAX];
    char code[16]; /* printed double size */
    char qr[96];   /* QR content; "" for none */
    char footer[SLIP_LINE_MAX * 2];
};

enum slip_result {
    SLIP_NONE, /* no such job */
    SLIP_PRINTING,
    SLIP_PRINTED,
    SLIP_NO_PAPER,
    SLIP_COVER_OPEN,
    SLIP_NO_PRINTER, /* not connected */
    SLIP_FAILED,     /* offline, a write failed or timed out */
};

/* What the staff screen shows of the peripherals. */
struct device_info {
    char printer[128];             /* its device, "" if none configured */
    enum slip_result printer_last; /* the last job's result */
    char watchdog[128];            /* its device, "" if none */
    int watchdog_timeout_s;
    bool watchdog_systemd; /* systemd's watchdog is on too */
    int watchdog_ago_s;    /* seconds since the last kick; -1: never */
    int watchdog_kicks;
    char backlight[200];   /* sysfs folder, "" if none */
    int backlight_percent; /* what the policy set; -1 unknown */
    int backlight_test;    /* 0 off, else the percent forced */
    char scanner[128];     /* its device, "" if none */
    int scans;
};

struct device_ops {
    /* Starts printing a copy of s; a job number > 0, or 0 when there is
     * no printer or a job is still running. */
    int (*print)(void *ctx, const struct slip *s);
    enum slip_result (*print_result)(void *ctx, int job);
    void (*info)(void *ctx, struct device_info *out);
    /* Staff's backlight test: dim, then full, then back to the policy. */
    void (*backlight_test)(void *ctx);
};

struct devices {
    const struct device_ops *ops; /* NULL: no peripherals */
    void *ctx;
};

/* The seam's calls, safe on a struct devices without ops. */
bool devices_can_print(const struct devices *d);
int devices_print(const struct devices *d, const struct slip *s);
enum slip_result devices_print_result(const struct devices *d, int job);
void devices_info(const struct devices *d, struct device_info *out);
void devices_backlight_test(const struct devices *d);

/* A scan the app was given (INPUT_SCAN): a booking's QR
 * ("LINLI:BOOK:CODE", as the booked screen and the slip show it) opens
 * that booking on the booked screen, whatever screen is up. Returns true
 * if the scan was a booking this kiosk has; anything else is left to the
 * screen. */
bool devices_open_scan(struct app *a, const char *text);

/* The booked screen's n when it was opened by a scan, not a booking: no
 * slip is printed then. */
#define BOOKED_BY_SCAN 1

/* The QR content of a booking code (the booked screen's and the slip's). */
#define BOOKING_QR_PREFIX "LINLI:BOOK:"

#endif
