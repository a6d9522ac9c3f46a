/*
 * test_watchdog.c - kicks pass to the device and to systemd (a datagram
 * socket standing in for NOTIFY_SOCKET) at most once a second, the loop's
 * wake period, the magic close, and a missing device.
 */
#include "testutil.h"

#include "watchdog.h"
#include "watchdog_fake.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void device_kicks_and_magic_close(void **state)
{
    struct watchdog w;
    struct watchdog_fake f = {0};
    watchdog_init(&w);
    assert_false(watchdog_active(&w));
    assert_int_equal(watchdog_period_ms(&w), INT64_MAX);
    assert_int_equal(watchdog_kick(&w, 1000), 0);
    assert_int_equal(w.kicks, 0);

    watchdog_attach(&w, &watchdog_fake_ops, &f, "fake", 15);
    assert_true(watchdog_active(&w));
    assert_int_equal(watchdog_period_ms(&w), 5000);
    watchdog_kick(&w, 1000);
    watchdog_kick(&w, 1500); /* too soon: not passed on */
    assert_int_equal(f.keepalives, 1);
    watchdog_kick(&w, 2000);
    assert_int_equal(f.keepalives, 2);
    assert_int_equal(w.last_kick_ms, 2000);
    f.fail = true;
    assert_int_equal(watchdog_kick(&w, 4000), -EIO);
    assert_int_equal(w.errors, 1);
    watchdog_close(&w);
    assert_true(f.closed);
    assert_true(f.magic);
    assert_false(watchdog_active(&w));
}

static void missing_device(void **state)
{
    struct watchdog w;
    char err[256];
    watchdog_init(&w);
    assert_int_equal(
        watchdog_open(&w, "/nonexistent/watchdog", 15, err, sizeof(err)),
        -ENOENT);
    assert_non_null(strstr(err, "cannot open"));
    assert_false(watchdog_active(&w));
}

/* Reads one datagram (the socket has a receive timeout). */
static void expect_msg(int fd, const char *want)
{
    char buf[128];
    ssize_t n = recv(fd, buf, sizeof(buf) - 1, 0);
    assert_true(n > 0);
    buf[n] = '\0';
    assert_string_equal(buf, want);
}

static void systemd_notify(void **state)
{
    char *dir = test_tmpdir();
    char path[256];
    snprintf(path, sizeof(path), "%s/notify", dir);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    assert_true(strlen(path) < sizeof(sa.sun_path));
    memcpy(sa.sun_path, path, strlen(path) + 1);
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    struct timeval tv = {2, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));

    struct watchdog w;
    watchdog_init(&w);
    setenv("NOTIFY_SOCKET", path, 1);
    unsetenv("WATCHDOG_USEC");
    assert_false(watchdog_use_systemd(&w)); /* not asked for a watchdog */
    setenv("WATCHDOG_USEC", "6000000", 1);
    setenv("WATCHDOG_PID", "1", 1); /* another process's */
    assert_false(watchdog_use_systemd(&w));
    char pid[16];
    snprintf(pid, sizeof(pid), "%d", (int)getpid());
    setenv("WATCHDOG_PID", pid, 1);
    assert_true(watchdog_use_systemd(&w));
    assert_int_equal(watchdog_period_ms(&w), 2000);
    watchdog_ready(&w);
    expect_msg(fd, "READY=1");
    watchdog_kick(&w, 10000);
    expect_msg(fd, "WATCHDOG=1");
    watchdog_close(&w);
    expect_msg(fd, "STOPPING=1");
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    close(fd);
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(device_kicks_and_magic_close),
        cmocka_unit_test(missing_device),
        cmocka_unit_test(systemd_notify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
