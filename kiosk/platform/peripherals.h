/*
 * peripherals.h - the drivers (drivers/) adapted to the kiosk: the ui's
 * device seam (devices.h) and the main loop's hooks.
 *
 * Opened from the command line's options; a peripheral that is missing or
 * fails to open is logged once and left out (the kiosk runs without it),
 * except the printer, which is opened per job so one plugged in later is
 * used and one unplugged reports "not connected". Print jobs run on a
 * worker thread; the scanner reads on its own thread and hands each scan
 * to the loop through on_scan. The loop calls peripherals_tick() after
 * handling input and peripherals_iteration() when an iteration is done:
 * that is where the watchdog is kicked, if the iteration was healthy.
 */
#ifndef LINLI_PERIPHERALS_H
#define LINLI_PERIPHERALS_H

#include "devices.h"
#include "printer.h"
#include "watchdog.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct app;

struct peripherals_options {
    const char *printer;    /* device file or "serial:/dev/ttyS0"; NULL none */
    int printer_baud;       /* 0: 9600 */
    const char *watchdog;   /* "/dev/watchdog"; NULL none */
    int watchdog_timeout_s; /* 0: 15 */
    const char *backlight;  /* /sys/class/backlight/NAME; NULL none */
    const char *scanner;    /* evdev device or "serial:..."; NULL none */
    bool systemd;           /* READY=1, WATCHDOG=1 when systemd asks */
};

/* An iteration whose work (input, timers, frame) took longer than this,
 * or than the watchdog's period, is not healthy: no kick after it. */
#define PERIPHERALS_STALL_MS 2000

struct peripherals;

/* Opens what o names; never fails (a missing device is logged to log
 * and left out). With o->systemd, reads systemd's watchdog from the
 * environment (NOTIFY_SOCKET, WATCHDOG_USEC). */
struct peripherals *peripherals_open(const struct peripherals_options *o,
                                     FILE *log);
/* Stops the threads (a running print job is waited for, bounded by the
 * printer's timeouts) and closes everything; clean: the watchdog's magic
 * close and STOPPING=1. */
void peripherals_close(struct peripherals *p, bool clean);

/* The ui's seam over p. */
struct devices peripherals_devices(struct peripherals *p);

/* Test seams: how the printer is opened for each job, and a watchdog
 * device in place of /dev/watchdog. */
void peripherals_set_printer(struct peripherals *p, const char *name,
                             int (*open)(void *ctx, struct printer *out,
                                         char *err, size_t errlen),
                             void *ctx);
void peripherals_set_watchdog(struct peripherals *p,
                              const struct watchdog_ops *ops, void *ctx,
                              const char *name, int timeout_s);

/* Starts the scanner's thread: on_scan(ctx, text) is called on that
 * thread for each scan (the window posts it to the loop). */
void peripherals_start_scanner(struct peripherals *p,
                               void (*on_scan)(void *ctx, const char *text),
                               void *ctx);

/* Stops the scanner's thread (before the loop's event queue goes). */
void peripherals_stop_scanner(struct peripherals *p);

/* A person touched the screen or scanned at now_ms (monotonic). */
void peripherals_touch(struct peripherals *p, int64_t now_ms);

/* Drives the backlight from a's config and clock (writes only on a
 * change). */
void peripherals_tick(struct peripherals *p, const struct app *a);

/* The loop's iteration did its work from start_ms to end_ms (monotonic):
 * the first one (the first frame) tells systemd READY=1 and counts as
 * healthy however long it took; after it, a healthy one kicks the
 * watchdog. Returns whether it counted as healthy. */
bool peripherals_iteration(struct peripherals *p, int64_t start_ms,
                           int64_t end_ms);

/* The monotonic ms by which the loop must run again: a third of the
 * watchdog's timeout after the last kick, or the backlight's next change;
 * INT64_MAX if neither. */
int64_t peripherals_deadline(const struct peripherals *p, int64_t now_ms);

/* Waits (bounded by the printer's timeouts) for the running print job to
 * end: tests and a clean exit. */
void peripherals_wait_print(struct peripherals *p);

/* Turns the ui's slip into the receipt the printer is sent (exposed for
 * tests of the slip's layout). items must hold SLIP_RECEIPT_ITEMS. */
#define SLIP_RECEIPT_ITEMS (SLIP_LINES + 8)
void peripherals_slip_receipt(const struct slip *s, struct receipt_item *items,
                              struct receipt *out);

#endif
