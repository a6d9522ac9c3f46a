/*
 * test_scan.c - a booking's QR scanned at any screen opens that booking
 * (without printing it again); other scans are left to the screen. The
 * booked screen's slip through a fake device seam: printing, printed, out
 * of paper (the code and QR stay, the screen says the slip could not be
 * printed), no printer; the staff screen's device items and actions.
 */
#include "probe.h"

#define PHONE "13812345678"

struct fake_devices {
    struct device_info info;
    enum slip_result result;
    int jobs, backlight_tests;
    struct slip last;
};

static int fake_print(void *ctx, const struct slip *s)
{
    struct fake_devices *d = ctx;
    d->last = *s;
    d->result = SLIP_PRINTING;
    return ++d->jobs;
}

static enum slip_result fake_result(void *ctx, int job)
{
    struct fake_devices *d = ctx;
    return job == d->jobs ? d->result : SLIP_NONE;
}

static void fake_info(void *ctx, struct device_info *out)
{
    struct fake_devices *d = ctx;
    *out = d->info;
    out->printer_last = d->jobs ? d->result : SLIP_NONE;
}

static void fake_backlight_test(void *ctx)
{
    struct fake_devices *d = ctx;
    d->backlight_tests++;
}

static const struct device_ops fake_ops = {fake_print, fake_result, fake_info,
                                           fake_backlight_test};

static void attach(struct ui_fixture *f, struct fake_devices *d)
{
    memset(d, 0, sizeof(*d));
    snprintf(d->info.printer, sizeof(d->info.printer), "/dev/usb/lp0");
    d->info.backlight_percent = -1;
    f->app.devices = (struct devices){&fake_ops, d};
}

/* Books the first open slot through the screens, as a resident would
 * (in 长辈版 and on low screens the booking comes in steps). */
static void book(struct ui_fixture *f)
{
    ui_fixture_replay(f, "tap tile.volunteer\n"
                         "tap act.0\n"
                         "tap slot.0\n"
                         "expect booking\n"
                         "type " PHONE "\n");
    for (int i = 0; i < 3; i++) {
        app_frame(&f->app);
        if (!ui_find(&f->app.ui, "booking.next"))
            break;
        ui_fixture_tap(f, "booking.next");
    }
    ui_fixture_tap(f, "booking.consent");
    ui_fixture_tap(f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(f), "booked");
}

static void scan(struct ui_fixture *f, const char *text)
{
    struct input_event ev = {.kind = INPUT_SCAN};
    snprintf(ev.text, sizeof(ev.text), "%s", text);
    app_event(&f->app, &ev);
    app_frame(&f->app);
}

static void slip_printed_after_booking(void **state)
{
    struct ui_fixture f;
    struct fake_devices d;
    ui_fixture_open(&f, 1920, 1080);
    attach(&f, &d);
    book(&f);
    assert_int_equal(d.jobs, 1);
    const char *code = router_top(&f.app.router)->args.id;
    assert_string_equal(d.last.code, code);
    char qr[SCREEN_ARG_MAX + 16];
    snprintf(qr, sizeof(qr), BOOKING_QR_PREFIX "%s", code);
    assert_string_equal(d.last.qr, qr);
    assert_string_equal(d.last.title, f.app.cfg.center[LANG_ZH]);
    bool masked = false;
    for (int i = 0; i < d.last.n_lines; i++)
        masked |= strstr(d.last.lines[i], "138****5678") != NULL;
    assert_true(masked);
    assert_true(probe_shows(&f, app_t(&f.app, "print.printing")));
    d.result = SLIP_PRINTED;
    assert_true(probe_shows(&f, app_t(&f.app, "print.done")));
    ui_fixture_close(&f);
}

static void paper_out_says_so_and_keeps_the_code(void **state)
{
    struct ui_fixture f;
    struct fake_devices d;
    ui_fixture_open(&f, 1080, 1920);
    attach(&f, &d);
    book(&f);
    d.result = SLIP_NO_PAPER;
    const char *code = router_top(&f.app.router)->args.id;
    assert_true(probe_shows(&f, app_t(&f.app, "slip.failed.paper")));
    assert_true(probe_shows(&f, code));
    assert_true(probe_draws(&f, DRAW_QR));
    d.result = SLIP_NO_PRINTER;
    assert_true(probe_shows(&f, app_t(&f.app, "slip.failed")));
    ui_fixture_close(&f);
}

/* 长辈版 in English on a low screen: the message still has its room */
static void paper_out_on_a_low_elder_screen(void **state)
{
    struct ui_fixture f;
    struct fake_devices d;
    ui_fixture_open(&f, 1280, 800);
    attach(&f, &d);
    ui_fixture_replay(&f, "mode elder\nlang en\n");
    book(&f);
    d.result = SLIP_NO_PAPER;
    /* the code first; the message in its short form if room is short */
    assert_true(probe_shows(&f, router_top(&f.app.router)->args.id));
    assert_true(probe_shows(&f, app_t(&f.app, "slip.failed.paper")) ||
                probe_shows(&f, app_t(&f.app, "slip.failed.short")));
    ui_fixture_close(&f);
}

static void no_printer_no_slip(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    book(&f);
    assert_false(probe_shows(&f, app_t(&f.app, "print.printing")));
    assert_false(probe_shows(&f, app_t(&f.app, "slip.failed")));
    ui_fixture_close(&f);
}

static void scan_opens_the_booking_anywhere(void **state)
{
    struct ui_fixture f;
    struct fake_devices d;
    ui_fixture_open(&f, 1920, 1080);
    attach(&f, &d);
    book(&f);
    char code[SCREEN_ARG_MAX], qr[SCREEN_ARG_MAX + 16];
    snprintf(code, sizeof(code), "%s", router_top(&f.app.router)->args.id);
    snprintf(qr, sizeof(qr), BOOKING_QR_PREFIX "%s", code);
    ui_fixture_tap(&f, "booked.done");
    ui_fixture_replay(&f, "tap tile.services\nexpect categories\n");

    /* not a booking, or a booking of another kiosk: nothing happens */
    scan(&f, "https://example.org/x");
    assert_string_equal(ui_fixture_screen(&f), "categories");
    scan(&f, BOOKING_QR_PREFIX "ZZZZZZ");
    assert_string_equal(ui_fixture_screen(&f), "categories");

    scan(&f, qr);
    assert_string_equal(ui_fixture_screen(&f), "booked");
    assert_string_equal(router_top(&f.app.router)->args.id, code);
    assert_true(probe_shows(&f, code));
    assert_true(probe_shows(&f, "138****5678"));
    assert_int_equal(d.jobs, 1); /* a scan prints no second slip */
    /* the same scan again does not stack the screen */
    int depth = f.app.router.depth;
    scan(&f, qr);
    assert_int_equal(f.app.router.depth, depth);
    /* back returns where the resident was */
    ui_fixture_tap(&f, "nav.back");
    assert_string_equal(ui_fixture_screen(&f), "categories");
    ui_fixture_close(&f);
}

/* The staff screen pages its items (sync, devices...): turns pages
 * until text shows, from the first. */
static bool staff_shows(struct ui_fixture *f, const char *text)
{
    app_frame(&f->app);
    for (const struct ui_element *prev;
         (prev = ui_find(&f->app.ui, "page.prev")) && !prev->disabled;) {
        ui_fixture_tap(f, "page.prev");
        app_frame(&f->app);
    }
    for (int i = 0; i < 4; i++) {
        if (probe_shows(f, text))
            return true;
        const struct ui_element *next = ui_find(&f->app.ui, "page.next");
        if (!next || next->disabled)
            return false;
        ui_fixture_tap(f, "page.next");
    }
    return false;
}

static void staff_devices(void **state)
{
    struct ui_fixture f;
    struct fake_devices d;
    ui_fixture_open(&f, 1920, 1080);
    attach(&f, &d);
    snprintf(d.info.watchdog, sizeof(d.info.watchdog), "/dev/watchdog");
    d.info.watchdog_timeout_s = 15;
    d.info.watchdog_ago_s = 2;
    d.info.watchdog_kicks = 7;
    snprintf(d.info.backlight, sizeof(d.info.backlight),
             "/sys/class/backlight/panel");
    d.info.backlight_percent = 80;
    ui_fixture_replay(&f, "press 20 20\nwait 3100\nrelease 20 20\n"
                          "expect staff_pin\ntype 246810\ntap pin.ok\n"
                          "expect staff\n");
    assert_true(staff_shows(&f, "/dev/watchdog"));
    assert_true(staff_shows(&f, "/sys/class/backlight/panel：80%"));
    ui_fixture_tap(&f, "staff.print_test");
    assert_int_equal(d.jobs, 1);
    assert_string_equal(d.last.code, "TEST");
    assert_true(probe_element(&f, "staff.print_test")->disabled);
    d.result = SLIP_NO_PAPER;
    assert_false(probe_element(&f, "staff.print_test")->disabled);
    assert_true(staff_shows(&f, app_t(&f.app, "staff.printer.paper")));
    ui_fixture_tap(&f, "staff.backlight_test");
    assert_int_equal(d.backlight_tests, 1);
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(slip_printed_after_booking),
        cmocka_unit_test(paper_out_says_so_and_keeps_the_code),
        cmocka_unit_test(paper_out_on_a_low_elder_screen),
        cmocka_unit_test(no_printer_no_slip),
        cmocka_unit_test(scan_opens_the_booking_anywhere),
        cmocka_unit_test(staff_devices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
