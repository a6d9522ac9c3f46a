/*
 * test_peripherals.c - the drivers as the kiosk uses them
 * (platform/peripherals.h): a booking whose slip runs out of paper half way
 * is still booked (store and outbox rows) with its code and QR on screen
 * and the "could not print" message; a missing printer likewise; the slip
 * as ESC/POS; the watchdog is not kicked after a stalled iteration and is
 * again after a healthy one; the backlight follows the config and the
 * staff's test on a temporary sysfs tree.
 */
#define _GNU_SOURCE /* memmem, open_memstream, posix_openpt */
#include "../ui/probe.h"

#include "backlight.h"
#include "peripherals.h"
#include "printer_fake.h"
#include "watchdog_fake.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PHONE "13812345678"

static int open_fake(void *ctx, struct printer *out, char *err, size_t n)
{
    *out = printer_fake_printer(ctx);
    return 0;
}

static int open_missing(void *ctx, struct printer *out, char *err, size_t n)
{
    snprintf(err, n, "cannot open /dev/usb/lp0: No such file or directory");
    return -ENOENT;
}

static struct peripherals *open_none(FILE **log, char **text, size_t *len)
{
    *log = open_memstream(text, len);
    struct peripherals_options o = {0};
    return peripherals_open(&o, *log);
}

static void book(struct ui_fixture *f)
{
    ui_fixture_replay(f, "tap tile.volunteer\n"
                         "tap act.0\n"
                         "tap slot.0\n"
                         "type " PHONE "\n"
                         "tap booking.consent\n"
                         "tap booking.confirm\n"
                         "expect booked\n");
}

static void paper_out_mid_slip_keeps_the_booking(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    struct printer_fake pf;
    printer_fake_init(&pf);
    pf.paper_after = 40; /* the center's name and a line or so */
    FILE *log;
    char *text;
    size_t len;
    struct peripherals *pe = open_none(&log, &text, &len);
    peripherals_set_printer(pe, "fake", open_fake, &pf);
    f.app.devices = peripherals_devices(pe);

    book(&f);
    peripherals_wait_print(pe);
    assert_int_equal(pf.len, 40);
    assert_int_equal(pf.opens, 1);
    assert_int_equal(pf.closes, 1);
    const char *code = router_top(&f.app.router)->args.id;
    assert_true(probe_shows(&f, app_t(&f.app, "slip.failed.paper")));
    assert_true(probe_shows(&f, code));
    assert_true(probe_draws(&f, DRAW_QR));
    /* the booking and its outbox event are there whatever the paper did */
    struct booking b;
    assert_int_equal(store_booking_by_code(f.store, code, &b), 0);
    assert_string_equal(b.phone_masked, "138****5678");
    int depth = 0;
    assert_int_equal(outbox_depth(f.store, &depth), 0);
    assert_int_equal(depth, 1);
    fflush(log);
    assert_non_null(strstr(text, "out of paper"));
    /* the staff screen says so too */
    struct device_info info;
    devices_info(&f.app.devices, &info);
    assert_int_equal(info.printer_last, SLIP_NO_PAPER);

    /* paper back in: the next slip prints whole */
    pf.paper_after = -1;
    pf.len = 0;
    ui_fixture_tap(&f, "booked.done");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_replay(&f, "tap tile.volunteer\ntap act.0\ntap slot.0\n"
                          "type 13912345678\ntap booking.consent\n"
                          "tap booking.confirm\nexpect booked\n");
    peripherals_wait_print(pe);
    assert_true(probe_shows(&f, app_t(&f.app, "print.done")));
    /* the slip: GB18030 center name in Chinese mode, the code's QR, cut */
    assert_true(pf.len > 100);
    assert_non_null(memmem(pf.bytes, pf.len, "\x1C&", 2));
    /* 曹杨 (the demo center's name) in GB18030: B2DC D1EE */
    assert_non_null(memmem(pf.bytes, pf.len, "\xB2\xDC\xD1\xEE", 4));
    char qr_data[SCREEN_ARG_MAX + 16];
    snprintf(qr_data, sizeof(qr_data), BOOKING_QR_PREFIX "%s",
             router_top(&f.app.router)->args.id);
    assert_non_null(memmem(pf.bytes, pf.len, qr_data, strlen(qr_data)));
    assert_memory_equal(pf.bytes + pf.len - 4, "\x1DV\x41\x00", 4);

    peripherals_close(pe, true);
    fclose(log);
    free(text);
    printer_fake_release(&pf);
    ui_fixture_close(&f);
}

static void missing_printer_never_blocks(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    FILE *log;
    char *text;
    size_t len;
    struct peripherals *pe = open_none(&log, &text, &len);
    peripherals_set_printer(pe, "/dev/usb/lp0", open_missing, NULL);
    f.app.devices = peripherals_devices(pe);
    book(&f);
    peripherals_wait_print(pe);
    assert_true(probe_shows(&f, app_t(&f.app, "slip.failed")));
    assert_true(probe_shows(&f, router_top(&f.app.router)->args.id));
    int depth = 0;
    outbox_depth(f.store, &depth);
    assert_int_equal(depth, 1);
    fflush(log);
    assert_non_null(strstr(text, "cannot open /dev/usb/lp0"));
    peripherals_close(pe, true);
    fclose(log);
    free(text);
    ui_fixture_close(&f);
}

static void watchdog_skips_stalled_iterations(void **state)
{
    FILE *log;
    char *text;
    size_t len;
    struct peripherals *pe = open_none(&log, &text, &len);
    struct watchdog_fake wf = {0};
    peripherals_set_watchdog(pe, &watchdog_fake_ops, &wf, "fake", 15);
    /* before any kick, the loop must run at once */
    assert_int_equal(peripherals_deadline(pe, 0), 0);
    /* the first frame may be slow (fonts): still a kick */
    assert_true(peripherals_iteration(pe, 0, 3000));
    assert_int_equal(wf.keepalives, 1);
    /* the loop wakes a third of the timeout after the last kick */
    assert_int_equal(peripherals_deadline(pe, 3000), 3000 + 5000);
    assert_true(peripherals_iteration(pe, 5000, 5010));
    assert_int_equal(wf.keepalives, 2);
    /* iterations stuck for 2.5 s and 4.5 s (a hung write, a slow query) */
    assert_false(peripherals_iteration(pe, 6000, 8500));
    assert_false(peripherals_iteration(pe, 8500, 13000));
    assert_int_equal(wf.keepalives, 2);
    /* overdue: the loop is to run at once */
    assert_int_equal(peripherals_deadline(pe, 13000), 5010 + 5000);
    /* recovered */
    assert_true(peripherals_iteration(pe, 13000, 13020));
    assert_int_equal(wf.keepalives, 3);
    /* healthy but too soon after the last kick: not passed on yet */
    assert_true(peripherals_iteration(pe, 13100, 13110));
    assert_int_equal(wf.keepalives, 3);
    fflush(log);
    assert_non_null(strstr(text, "stalled"));
    struct devices d = peripherals_devices(pe);
    struct device_info info;
    devices_info(&d, &info);
    assert_string_equal(info.watchdog, "fake");
    assert_int_equal(info.watchdog_timeout_s, 15);
    assert_int_equal(info.watchdog_kicks, 3);
    peripherals_close(pe, true);
    assert_true(wf.closed);
    assert_true(wf.magic);
    fclose(log);
    free(text);
}

static int read_level(const char *dir)
{
    char path[400];
    snprintf(path, sizeof(path), "%s/brightness", dir);
    size_t len;
    char *s = test_read_file(path, &len);
    int v = atoi(s);
    free(s);
    return v;
}

static void backlight_from_config_and_staff_test(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    char *root = test_tmpdir();
    char dir[300], path[400];
    snprintf(dir, sizeof(dir), "%s/panel", root);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(path, sizeof(path), "%s/max_brightness", dir);
    FILE *fp = fopen(path, "w");
    fputs("200\n", fp);
    fclose(fp);
    snprintf(path, sizeof(path), "%s/brightness", dir);
    fp = fopen(path, "w");
    fputs("0\n", fp);
    fclose(fp);

    /* always on, so the test does not depend on the time of day */
    f.app.cfg.screen_on = f.app.cfg.screen_off = 0;
    f.app.cfg.brightness = 80;
    f.app.cfg.dim_brightness = 25;
    f.app.cfg.dim_after_s = 3600;
    struct peripherals_options o = {.backlight = dir};
    struct peripherals *pe = peripherals_open(&o, stderr);
    f.app.devices = peripherals_devices(pe);
    /* untouched since the start, inside the schedule: dim, 25 % of 200 */
    peripherals_tick(pe, &f.app);
    assert_int_equal(read_level(dir), 50);
    peripherals_touch(pe, app_mono_ms(&f.app));
    peripherals_tick(pe, &f.app);
    assert_int_equal(read_level(dir), 160); /* 80 % */
    devices_backlight_test(&f.app.devices); /* dim */
    peripherals_tick(pe, &f.app);
    assert_int_equal(read_level(dir), 50);
    struct device_info info;
    devices_info(&f.app.devices, &info);
    assert_int_equal(info.backlight_test, 25);
    devices_backlight_test(&f.app.devices); /* full */
    peripherals_tick(pe, &f.app);
    assert_int_equal(read_level(dir), 160);
    devices_backlight_test(&f.app.devices); /* back to the policy */
    peripherals_tick(pe, &f.app);
    assert_int_equal(read_level(dir), 160);
    devices_info(&f.app.devices, &info);
    assert_int_equal(info.backlight_test, 0);
    assert_int_equal(info.backlight_percent, 80);
    peripherals_close(pe, true);
    test_rmtree(root);
    free(root);
    ui_fixture_close(&f);
}

struct scans {
    pthread_mutex_t mu;
    char text[4][INPUT_SCAN_MAX];
    int n;
};

static void on_scan(void *ctx, const char *text)
{
    struct scans *s = ctx;
    pthread_mutex_lock(&s->mu);
    if (s->n < 4)
        snprintf(s->text[s->n++], INPUT_SCAN_MAX, "%s", text);
    pthread_mutex_unlock(&s->mu);
}

static int scans_seen(struct scans *s)
{
    pthread_mutex_lock(&s->mu);
    int n = s->n;
    pthread_mutex_unlock(&s->mu);
    return n;
}

/* A serial scanner on a pseudo-terminal: its thread hands each line to
 * the loop's callback; the scan opens the booking as a scan event. */
static void scanner_thread_to_booking(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    struct booking b;
    struct slot_row slots[4];
    struct activity_row act[1];
    int n = 0;
    assert_int_equal(
        store_activities(f.store, app_now_s(&f.app), 0, act, 1, &n, NULL), 0);
    assert_int_equal(store_slots(f.store, act[0].id, app_now_s(&f.app), 0,
                                 slots, 4, &n, NULL),
                     0);
    assert_int_equal(store_book(f.store, slots[0].id, PHONE, f.now_ms, &b), 0);

    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    char spec[128];
    snprintf(spec, sizeof(spec), "serial:%s", ptsname(master));
    struct peripherals_options o = {.scanner = spec};
    struct peripherals *pe = peripherals_open(&o, stderr);
    struct scans sc = {.mu = PTHREAD_MUTEX_INITIALIZER};
    peripherals_start_scanner(pe, on_scan, &sc);
    char line[64];
    int len = snprintf(line, sizeof(line), BOOKING_QR_PREFIX "%s\r\n", b.code);
    assert_int_equal(write(master, line, (size_t)len), len);
    /* bounded: the thread polls every 250 ms */
    for (int i = 0; i < 200 && scans_seen(&sc) == 0; i++)
        nanosleep(&(struct timespec){0, 25 * 1000000L}, NULL);
    peripherals_stop_scanner(pe);
    assert_int_equal(scans_seen(&sc), 1);
    struct device_info info;
    struct devices dev = peripherals_devices(pe);
    devices_info(&dev, &info);
    assert_int_equal(info.scans, 1);

    struct input_event ev = {.kind = INPUT_SCAN};
    snprintf(ev.text, sizeof(ev.text), "%s", sc.text[0]);
    app_event(&f.app, &ev);
    assert_string_equal(ui_fixture_screen(&f), "booked");
    assert_true(probe_shows(&f, b.code));
    peripherals_close(pe, true);
    close(master);
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paper_out_mid_slip_keeps_the_booking),
        cmocka_unit_test(missing_printer_never_blocks),
        cmocka_unit_test(watchdog_skips_stalled_iterations),
        cmocka_unit_test(backlight_from_config_and_staff_test),
        cmocka_unit_test(scanner_thread_to_booking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
