/*
 * peripherals.c - drivers adapted to the kiosk (peripherals.h).
 */
#include "peripherals.h"

#include "app.h"
#include "backlight.h"
#include "civil_time.h"
#include "scanner.h"
#include "xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How long the scanner's thread waits per read (and so how soon it sees a
 * stop), and how often it tries again to open a scanner that is gone. */
#define SCAN_POLL_MS  250
#define SCAN_RETRY_MS 5000

struct peripherals {
    FILE *log;

    /* printer: opened per job on the worker thread */
    char printer[128];
    int baud;
    int (*printer_open)(void *ctx, struct printer *out, char *err,
                        size_t errlen);
    void *printer_ctx;
    pthread_mutex_t mu; /* guards job, result and the slip */
    pthread_t worker;
    bool worker_joinable;
    int job;
    enum slip_result result;
    struct slip slip;

    /* watchdog: the main thread only */
    struct watchdog wd;
    bool ready_sent, stall_logged;

    /* backlight: the main thread only */
    struct backlight bl;
    bool has_bl, policy_set, bl_logged;
    struct backlight_policy policy;
    int bl_percent, test_step;
    int64_t bl_next;

    /* scanner: its own thread */
    char scanner[128];
    pthread_t scan_thread;
    bool scan_running;
    atomic_bool stop;
    atomic_int scans;
    void (*on_scan)(void *ctx, const char *text);
    void *scan_ctx;
};

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int open_device_printer(void *ctx, struct printer *out, char *err,
                               size_t errlen)
{
    struct peripherals *p = ctx;
    return printer_open(p->printer, p->baud, out, err, errlen);
}

struct peripherals *peripherals_open(const struct peripherals_options *o,
                                     FILE *log)
{
    struct peripherals *p = xcalloc(1, sizeof(*p));
    char err[256];
    p->log = log;
    pthread_mutex_init(&p->mu, NULL);
    atomic_init(&p->stop, false);
    atomic_init(&p->scans, 0);
    p->bl_percent = -1;
    p->bl_next = INT64_MAX;
    if (o->printer && *o->printer)
        peripherals_set_printer(p, o->printer, open_device_printer, p);
    p->baud = o->printer_baud > 0 ? o->printer_baud : PRINTER_BAUD_DEFAULT;
    watchdog_init(&p->wd);
    if (o->watchdog && *o->watchdog &&
        watchdog_open(&p->wd, o->watchdog,
                      o->watchdog_timeout_s > 0 ? o->watchdog_timeout_s
                                                : WATCHDOG_TIMEOUT_DEFAULT_S,
                      err, sizeof(err)) != 0)
        fprintf(log, "linli-kiosk: watchdog: %s\n", err);
    if (o->systemd)
        watchdog_use_systemd(&p->wd);
    if (o->backlight && *o->backlight) {
        p->has_bl = backlight_open(&p->bl, o->backlight, err, sizeof(err)) == 0;
        if (!p->has_bl)
            fprintf(log, "linli-kiosk: backlight: %s\n", err);
    }
    if (o->scanner && *o->scanner)
        snprintf(p->scanner, sizeof(p->scanner), "%s", o->scanner);
    return p;
}

void peripherals_set_printer(struct peripherals *p, const char *name,
                             int (*open)(void *ctx, struct printer *out,
                                         char *err, size_t errlen),
                             void *ctx)
{
    snprintf(p->printer, sizeof(p->printer), "%s", name);
    p->printer_open = open;
    p->printer_ctx = ctx;
}

void peripherals_set_watchdog(struct peripherals *p,
                              const struct watchdog_ops *ops, void *ctx,
                              const char *name, int timeout_s)
{
    watchdog_attach(&p->wd, ops, ctx, name, timeout_s);
}

/* ---- printer ----------------------------------------------------------- */

void peripherals_slip_receipt(const struct slip *s, struct receipt_item *it,
                              struct receipt *out)
{
    int n = 0;
    it[n++] = (struct receipt_item){.kind = RECEIPT_TEXT,
                                    .text = s->title,
                                    .align = ESCPOS_CENTER,
                                    .bold = true,
                                    .height = 2};
    it[n++] = (struct receipt_item){.kind = RECEIPT_FEED, .lines = 1};
    for (int i = 0; i < s->n_lines && i < SLIP_LINES; i++)
        it[n++] =
            (struct receipt_item){.kind = RECEIPT_TEXT, .text = s->lines[i]};
    it[n++] = (struct receipt_item){.kind = RECEIPT_FEED, .lines = 1};
    it[n++] = (struct receipt_item){
        .kind = RECEIPT_TEXT, .text = s->code_label, .align = ESCPOS_CENTER};
    it[n++] = (struct receipt_item){.kind = RECEIPT_TEXT,
                                    .text = s->code,
                                    .align = ESCPOS_CENTER,
                                    .bold = true,
                                    .width = 2,
                                    .height = 2};
    if (*s->qr)
        it[n++] = (struct receipt_item){.kind = RECEIPT_QR,
                                        .text = s->qr,
                                        .align = ESCPOS_CENTER,
                                        .module = 6,
                                        .ecc = ESCPOS_QR_M};
    if (*s->footer)
        it[n++] =
            (struct receipt_item){.kind = RECEIPT_TEXT, .text = s->footer};
    it[n++] = (struct receipt_item){.kind = RECEIPT_FEED, .lines = 3};
    *out = (struct receipt){it, n, true};
}

static enum slip_result result_of(enum printer_status st)
{
    switch (st) {
    case PRINTER_READY:
    case PRINTER_UNKNOWN:
        return SLIP_PRINTED;
    case PRINTER_PAPER_OUT:
        return SLIP_NO_PAPER;
    case PRINTER_COVER_OPEN:
        return SLIP_COVER_OPEN;
    case PRINTER_MISSING:
        return SLIP_NO_PRINTER;
    default:
        return SLIP_FAILED;
    }
}

static void *print_main(void *arg)
{
    struct peripherals *p = arg;
    struct printer pr;
    char err[256];
    enum slip_result r;
    /* the slip is ours while the job runs: print() refuses a second job */
    int rc = p->printer_open(p->printer_ctx, &pr, err, sizeof(err));
    if (rc) {
        r = rc == -ENOENT || rc == -ENODEV || rc == -ENXIO ? SLIP_NO_PRINTER
                                                           : SLIP_FAILED;
        fprintf(p->log, "linli-kiosk: printer: %s\n", err);
    } else {
        struct receipt_item items[SLIP_RECEIPT_ITEMS];
        struct receipt rec;
        peripherals_slip_receipt(&p->slip, items, &rec);
        int enc = 0;
        enum printer_status st = printer_print(&pr, &rec, &enc);
        printer_close(&pr);
        r = result_of(st);
        if (r != SLIP_PRINTED)
            fprintf(p->log, "linli-kiosk: printer %s: %s%s%s\n", p->printer,
                    printer_status_str(st), enc ? ": " : "",
                    enc ? strerror(-enc) : "");
    }
    pthread_mutex_lock(&p->mu);
    p->result = r;
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static int dev_print(void *ctx, const struct slip *s)
{
    struct peripherals *p = ctx;
    if (!p->printer_open)
        return 0;
    pthread_mutex_lock(&p->mu);
    bool busy = p->result == SLIP_PRINTING;
    pthread_mutex_unlock(&p->mu);
    if (busy)
        return 0;
    if (p->worker_joinable)
        pthread_join(p->worker, NULL);
    p->worker_joinable = false;
    p->slip = *s;
    p->job++;
    p->result = SLIP_PRINTING;
    if (pthread_create(&p->worker, NULL, print_main, p) != 0) {
        p->result = SLIP_FAILED;
        fprintf(p->log, "linli-kiosk: printer: cannot start a job\n");
        return p->job;
    }
    p->worker_joinable = true;
    return p->job;
}

static enum slip_result dev_print_result(void *ctx, int job)
{
    struct peripherals *p = ctx;
    pthread_mutex_lock(&p->mu);
    enum slip_result r = job == p->job ? p->result : SLIP_NONE;
    pthread_mutex_unlock(&p->mu);
    return r;
}

void peripherals_wait_print(struct peripherals *p)
{
    if (p->worker_joinable)
        pthread_join(p->worker, NULL);
    p->worker_joinable = false;
}

/* ---- staff ------------------------------------------------------------- */

static void dev_info(void *ctx, struct device_info *out)
{
    struct peripherals *p = ctx;
    snprintf(out->printer, sizeof(out->printer), "%s",
             p->printer_open ? p->printer : "");
    out->printer_last = dev_print_result(p, p->job);
    if (p->wd.ops)
        snprintf(out->watchdog, sizeof(out->watchdog), "%s", p->wd.device);
    out->watchdog_timeout_s =
        p->wd.ops ? p->wd.timeout_s : (int)(p->wd.systemd_ms / 1000);
    out->watchdog_systemd = p->wd.systemd_ms > 0;
    out->watchdog_ago_s =
        p->wd.kicks ? (int)((mono_ms() - p->wd.last_kick_ms) / 1000) : -1;
    out->watchdog_kicks = p->wd.kicks;
    if (p->has_bl)
        snprintf(out->backlight, sizeof(out->backlight), "%s", p->bl.dir);
    out->backlight_percent = p->bl_percent;
    out->backlight_test = p->has_bl ? p->policy.override : -1;
    if (out->backlight_test < 0)
        out->backlight_test = 0;
    snprintf(out->scanner, sizeof(out->scanner), "%s", p->scanner);
    out->scans = atomic_load(&p->scans);
}

static void dev_backlight_test(void *ctx)
{
    struct peripherals *p = ctx;
    if (!p->has_bl || !p->policy_set)
        return;
    /* dim, then full, then the policy again */
    p->test_step = (p->test_step + 1) % 3;
    int dim =
        p->policy.cfg.dim_brightness > 0 ? p->policy.cfg.dim_brightness : 10;
    p->policy.override = p->test_step == 1   ? dim
                         : p->test_step == 2 ? p->policy.cfg.brightness
                                             : -1;
    p->bl_next = 0; /* apply at the next tick */
}

static const struct device_ops dev_ops = {dev_print, dev_print_result, dev_info,
                                          dev_backlight_test};

struct devices peripherals_devices(struct peripherals *p)
{
    return (struct devices){&dev_ops, p};
}

/* ---- the loop's hooks -------------------------------------------------- */

void peripherals_touch(struct peripherals *p, int64_t now_ms)
{
    if (p->policy_set)
        backlight_policy_touch(&p->policy, now_ms);
    p->bl_next = 0;
}

void peripherals_tick(struct peripherals *p, const struct app *a)
{
    if (!p->has_bl)
        return;
    int64_t now = mono_ms();
    struct backlight_config cfg = {a->cfg.brightness, a->cfg.dim_brightness,
                                   a->cfg.dim_after_s, a->cfg.screen_on,
                                   a->cfg.screen_off};
    /* the config may change with a sync: keep the touch and the test */
    if (!p->policy_set)
        backlight_policy_init(&p->policy, &cfg);
    backlight_policy_configure(&p->policy, &cfg);
    p->policy_set = true;
    struct civil t;
    civil_from_unix(app_now_s(a), &t);
    int pct = backlight_policy_level(
        &p->policy, now, t.minute_of_day * 60 + t.second, &p->bl_next);
    int rc = backlight_set(&p->bl, backlight_raw(&p->bl, pct));
    if (rc && !p->bl_logged)
        fprintf(p->log, "linli-kiosk: backlight %s: %s\n", p->bl.dir,
                strerror(-rc));
    p->bl_logged = rc != 0;
    p->bl_percent = rc ? -1 : pct;
    if (rc)
        p->bl_next = now + SCAN_RETRY_MS; /* try again, not in a spin */
}

bool peripherals_iteration(struct peripherals *p, int64_t start_ms,
                           int64_t end_ms)
{
    /* the first iteration draws the first frame, loading fonts and
     * glyphs: slow on a small board, and not a stall */
    bool first = !p->ready_sent;
    if (first) {
        watchdog_ready(&p->wd);
        p->ready_sent = true;
    }
    int64_t limit = watchdog_period_ms(&p->wd);
    if (limit > PERIPHERALS_STALL_MS)
        limit = PERIPHERALS_STALL_MS;
    bool healthy = first || end_ms - start_ms <= limit;
    if (healthy) {
        watchdog_kick(&p->wd, end_ms);
        p->stall_logged = false;
    } else if (!p->stall_logged && watchdog_active(&p->wd)) {
        fprintf(p->log,
                "linli-kiosk: the main loop stalled for %lld ms: watchdog "
                "not kicked\n",
                (long long)(end_ms - start_ms));
        p->stall_logged = true;
    }
    return healthy;
}

int64_t peripherals_deadline(const struct peripherals *p, int64_t now_ms)
{
    int64_t next = p->has_bl ? p->bl_next : INT64_MAX;
    int64_t period = watchdog_period_ms(&p->wd);
    if (period != INT64_MAX) {
        int64_t kick = p->wd.kicks ? p->wd.last_kick_ms + period : now_ms;
        next = kick < next ? kick : next;
    }
    return next;
}

/* ---- scanner ----------------------------------------------------------- */

static void nap(struct peripherals *p, int ms)
{
    for (int t = 0; t < ms && !atomic_load(&p->stop); t += SCAN_POLL_MS) {
        struct timespec ts = {0, SCAN_POLL_MS * 1000000L};
        nanosleep(&ts, NULL);
    }
}

static void *scan_main(void *arg)
{
    struct peripherals *p = arg;
    struct scanner sc = {0};
    bool logged = false;
    char err[256], text[SCAN_MAX];
    while (!atomic_load(&p->stop)) {
        if (!sc.ops) {
            int rc = scanner_open(p->scanner, 0, &sc, err, sizeof(err));
            if (rc) {
                if (!logged)
                    fprintf(p->log, "linli-kiosk: scanner: %s\n", err);
                logged = true;
                nap(p, SCAN_RETRY_MS); /* it may be plugged in later */
                continue;
            }
            if (!sc.grabbed && strncmp(p->scanner, "serial:", 7) != 0)
                fprintf(p->log,
                        "linli-kiosk: scanner %s: cannot grab it; its keys "
                        "may also reach the screen\n",
                        p->scanner);
            logged = false;
        }
        int rc = sc.ops->read(sc.ctx, text, sizeof(text), SCAN_POLL_MS);
        if (rc == 1) {
            atomic_fetch_add(&p->scans, 1);
            p->on_scan(p->scan_ctx, text);
        } else if (rc < 0) {
            fprintf(p->log, "linli-kiosk: scanner %s: %s\n", p->scanner,
                    strerror(-rc));
            scanner_close(&sc);
            nap(p, SCAN_RETRY_MS);
        }
    }
    scanner_close(&sc);
    return NULL;
}

void peripherals_start_scanner(struct peripherals *p,
                               void (*on_scan)(void *ctx, const char *text),
                               void *ctx)
{
    if (!*p->scanner || p->scan_running)
        return;
    p->on_scan = on_scan;
    p->scan_ctx = ctx;
    atomic_store(&p->stop, false);
    p->scan_running = pthread_create(&p->scan_thread, NULL, scan_main, p) == 0;
    if (!p->scan_running)
        fprintf(p->log, "linli-kiosk: scanner: cannot start its thread\n");
}

void peripherals_stop_scanner(struct peripherals *p)
{
    if (!p->scan_running)
        return;
    atomic_store(&p->stop, true);
    pthread_join(p->scan_thread, NULL);
    p->scan_running = false;
}

void peripherals_close(struct peripherals *p, bool clean)
{
    if (!p)
        return;
    peripherals_stop_scanner(p);
    peripherals_wait_print(p);
    if (clean)
        watchdog_close(&p->wd);
    /* not clean: the device stays armed, and the board reboots unless
     * the kiosk comes back in time (that is what it is for) */
    pthread_mutex_destroy(&p->mu);
    free(p);
}
