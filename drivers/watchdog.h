/*
 * watchdog.h - the hardware watchdog and systemd's, kicked together.
 *
 * A device (/dev/watchdog: WDIOC_SETTIMEOUT at open, WDIOC_KEEPALIVE per
 * kick, the magic 'V' before a clean close so a planned exit does not
 * reboot the board) behind a seam with a fake, plus systemd's watchdog
 * (sd_notify.h) when the service manager asked for it (WATCHDOG_USEC).
 * The caller kicks after a healthy main-loop iteration only, and must
 * wake at least every watchdog_period_ms(). watchdog_kick() is cheap to
 * call often: it passes a kick on at most once a second.
 */
#ifndef LINLI_WATCHDOG_H
#define LINLI_WATCHDOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct watchdog_ops {
    /* One keepalive; 0 or -errno. */
    int (*keepalive)(void *ctx);
    /* Closes; magic: write 'V' first (a clean exit disarms the timer). */
    void (*close)(void *ctx, bool magic);
};

#define WATCHDOG_TIMEOUT_DEFAULT_S 15
#define WATCHDOG_MIN_INTERVAL_MS   1000

struct watchdog {
    const struct watchdog_ops *ops; /* NULL: no device */
    void *ctx;
    char device[128];
    int timeout_s;        /* the device's, as the driver set it */
    int64_t systemd_ms;   /* systemd's timeout; 0 when not asked */
    char notify[108];     /* NOTIFY_SOCKET */
    int64_t last_kick_ms; /* monotonic ms of the last kick passed on */
    int kicks;            /* kicks passed on (device or systemd) */
    int errors;           /* failed keepalives */
};

/* No device, no systemd: kicks do nothing. */
void watchdog_init(struct watchdog *w);

/* Opens the device at path and sets its timeout (the driver may round
 * it; w->timeout_s says what it took). Returns 0, or -errno with a
 * message in err (w then has no device). Opening arms the timer. */
int watchdog_open(struct watchdog *w, const char *path, int timeout_s,
                  char *err, size_t errlen);

/* Uses ops/ctx as the device (tests: watchdog_fake.h). */
void watchdog_attach(struct watchdog *w, const struct watchdog_ops *ops,
                     void *ctx, const char *name, int timeout_s);

/* Reads NOTIFY_SOCKET and WATCHDOG_USEC (with WATCHDOG_PID, if set,
 * naming this process); true if systemd wants WATCHDOG=1 messages. */
bool watchdog_use_systemd(struct watchdog *w);

/* Whether anything is watching. */
bool watchdog_active(const struct watchdog *w);

/* Tells systemd the service is up (READY=1), once the first frame is on
 * screen. Does nothing without NOTIFY_SOCKET. */
void watchdog_ready(struct watchdog *w);

/* A healthy iteration ended at now_ms (monotonic): keepalive to the
 * device and WATCHDOG=1 to systemd, unless the last kick was less than
 * WATCHDOG_MIN_INTERVAL_MS (or half the period, if shorter) ago. Returns
 * 0 or the device's -errno. */
int watchdog_kick(struct watchdog *w, int64_t now_ms);

/* The longest the loop may sleep: a third of the shortest timeout;
 * INT64_MAX when nothing is watching. */
int64_t watchdog_period_ms(const struct watchdog *w);

/* A clean exit: STOPPING=1 to systemd, magic close of the device. */
void watchdog_close(struct watchdog *w);

#endif
