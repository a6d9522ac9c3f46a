/*
 * test_scanner.c - scans from recorded evdev events (shift, autorepeat,
 * Enter, too long) read back through the Linux scanner from a file, and
 * serial lines through a pseudo-terminal.
 */
#define _GNU_SOURCE /* posix_openpt and friends */
#include "testutil.h"

#include "scanner.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Records a key press and release (with a SYN after each, as evdev). */
static int rec_key(struct input_event *ev, int n, unsigned code, bool shift)
{
    if (shift)
        ev[n++] = (struct input_event){
            .type = EV_KEY, .code = KEY_LEFTSHIFT, .value = 1};
    ev[n++] = (struct input_event){
        .type = EV_MSC, .code = MSC_SCAN, .value = 0x70004};
    ev[n++] = (struct input_event){.type = EV_KEY, .code = code, .value = 1};
    ev[n++] = (struct input_event){.type = EV_SYN};
    ev[n++] = (struct input_event){.type = EV_KEY, .code = code, .value = 0};
    if (shift)
        ev[n++] = (struct input_event){
            .type = EV_KEY, .code = KEY_LEFTSHIFT, .value = 0};
    ev[n++] = (struct input_event){.type = EV_SYN};
    return n;
}

/* "LINLI:BOOK:Ab3" then Enter as a keyboard-wedge scanner types it. */
static int rec_scan(struct input_event *ev, int n)
{
    static const unsigned keys[] = {KEY_L,         KEY_I, KEY_N, KEY_L, KEY_I,
                                    KEY_SEMICOLON, KEY_B, KEY_O, KEY_O, KEY_K,
                                    KEY_SEMICOLON, KEY_A, KEY_B, KEY_3};
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        n = rec_key(ev, n, keys[i], i < 11 || i == 11);
    return rec_key(ev, n, KEY_ENTER, false);
}

static void decodes_keys(void **state)
{
    struct input_event ev[256];
    int n = rec_scan(ev, 0);
    struct scan_keys k = {0};
    char out[SCAN_MAX];
    int scans = 0;
    for (int i = 0; i < n; i++)
        if (scan_keys_feed(&k, ev[i].type, ev[i].code, ev[i].value, out,
                           sizeof(out)))
            scans++;
    assert_int_equal(scans, 1);
    assert_string_equal(out, "LINLI:BOOK:Ab3");

    /* autorepeat does not add characters; Enter alone is no scan */
    assert_false(scan_keys_feed(&k, EV_KEY, KEY_7, 1, out, sizeof(out)));
    assert_false(scan_keys_feed(&k, EV_KEY, KEY_7, 2, out, sizeof(out)));
    assert_true(scan_keys_feed(&k, EV_KEY, KEY_KPENTER, 1, out, sizeof(out)));
    assert_string_equal(out, "7");
    assert_false(scan_keys_feed(&k, EV_KEY, KEY_ENTER, 1, out, sizeof(out)));

    /* too long: dropped whole, and the next scan is clean */
    for (int i = 0; i < SCAN_MAX + 5; i++)
        scan_keys_feed(&k, EV_KEY, KEY_A, 1, out, sizeof(out));
    assert_false(scan_keys_feed(&k, EV_KEY, KEY_ENTER, 1, out, sizeof(out)));
    scan_keys_feed(&k, EV_KEY, KEY_1, 1, out, sizeof(out));
    assert_true(scan_keys_feed(&k, EV_KEY, KEY_ENTER, 1, out, sizeof(out)));
    assert_string_equal(out, "1");
}

static void decodes_lines(void **state)
{
    struct scan_line l = {0};
    char out[SCAN_MAX];
    const char *in = "AB\x01"
                     "C\r\n\nDE\n";
    const char *want[] = {"ABC", "DE"};
    int got = 0;
    for (const char *p = in; *p; p++)
        if (scan_line_feed(&l, *p, out, sizeof(out)))
            assert_string_equal(out, want[got++]);
    assert_int_equal(got, 2);
}

static void evdev_recording_through_the_device(void **state)
{
    char *dir = test_tmpdir();
    char path[512], err[256];
    snprintf(path, sizeof(path), "%s/event-kbd", dir);
    struct input_event ev[512];
    int n = rec_scan(ev, 0);
    n = rec_scan(ev, n);
    FILE *f = fopen(path, "wb");
    assert_int_equal(fwrite(ev, sizeof(ev[0]), (size_t)n, f), (size_t)n);
    fclose(f);

    struct scanner s;
    assert_int_equal(scanner_open(path, 0, &s, err, sizeof(err)), 0);
    assert_false(s.grabbed); /* a file cannot be grabbed */
    char out[SCAN_MAX];
    assert_int_equal(s.ops->read(s.ctx, out, sizeof(out), 100), 1);
    assert_string_equal(out, "LINLI:BOOK:Ab3");
    assert_int_equal(s.ops->read(s.ctx, out, sizeof(out), 100), 1);
    assert_int_equal(s.ops->read(s.ctx, out, sizeof(out), 100), 0);
    scanner_close(&s);

    snprintf(path, sizeof(path), "%s/none", dir);
    assert_int_equal(scanner_open(path, 0, &s, err, sizeof(err)), -ENOENT);
    test_rmtree(dir);
    free(dir);
}

static void serial_lines_through_a_pty(void **state)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    char spec[128], err[256];
    snprintf(spec, sizeof(spec), "serial:%s", ptsname(master));
    struct scanner s;
    assert_int_equal(scanner_open(spec, 115200, &s, err, sizeof(err)), 0);
    char out[SCAN_MAX];
    assert_int_equal(s.ops->read(s.ctx, out, sizeof(out), 50), 0);
    const char *lines = "LINLI:BOOK:X7Y8Z9\r\n12345\r";
    assert_int_equal(write(master, lines, strlen(lines)),
                     (ssize_t)strlen(lines));
    assert_int_equal(s.ops->read(s.ctx, out, sizeof(out), 2000), 1);
    assert_string_equal(out, "LINLI:BOOK:X7Y8Z9");
    assert_int_equal(s.ops->read(s.ctx, out, sizeof(out), 2000), 1);
    assert_string_equal(out, "12345");
    scanner_close(&s);
    close(master);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_keys),
        cmocka_unit_test(decodes_lines),
        cmocka_unit_test(evdev_recording_through_the_device),
        cmocka_unit_test(serial_lines_through_a_pty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
