/*
 * test_outbox.c - the durable event queue: order, ack (with the phone
 * purge), retry with a delay, UUIDs, and durability: a writer killed with
 * SIGKILL in the middle of its writes leaves every event whole or absent,
 * never one without its action, and loses none it reported as written.
 */
#include "testutil.h"

#include "bundle.h"
#include "err.h"
#include "outbox.h"
#include "store.h"

#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MON_10 test_sh_time(2026, 11, 23, 10, 0)

static char *make_cache(struct store **st)
{
    char *dir = test_tmpdir(), *path = malloc(600);
    snprintf(path, 600, "%s/cache.sqlite", dir);
    free(dir);
    assert_int_equal(store_open(path, st, NULL, 0), 0);
    char *text = test_read_file(LINLI_TEST_DATA "/mini.json", NULL);
    struct bundle *b;
    assert_int_equal(bundle_parse(text, strlen(text), &b, NULL, 0), 0);
    assert_int_equal(store_apply_bundle(*st, b, MON_10 * 1000), 0);
    bundle_free(b);
    free(text);
    return path;
}

static void remove_cache(char *path)
{
    char *slash = strrchr(path, '/');
    *slash = '\0';
    test_rmtree(path);
    free(path);
}

static void test_uuid_v4(void **state)
{
    (void)state;
    enum { N = 2000 };
    static char ids[N][37];
    for (int i = 0; i < N; i++) {
        uuid_v4(ids[i]);
        assert_int_equal(strlen(ids[i]), 36);
        assert_int_equal(ids[i][8], '-');
        assert_int_equal(ids[i][13], '-');
        assert_int_equal(ids[i][14], '4');
        assert_non_null(strchr("89ab", ids[i][19]));
        for (int k = 0; k < 36; k++)
            assert_non_null(strchr("0123456789abcdef-", ids[i][k]));
    }
    qsort(ids, N, 37, (int (*)(const void *, const void *))strcmp);
    for (int i = 1; i < N; i++)
        assert_string_not_equal(ids[i - 1], ids[i]);
}

static void test_peek_ack_retry(void **state)
{
    (void)state;
    struct store *st;
    char *path = make_cache(&st);
    int64_t now = MON_10 * 1000;
    char r1[37], r2[37];
    struct booking b;
    assert_int_equal(store_rate(st, "center", "test-kiosk", 5, NULL, 0, now,
                                r1), 0);
    assert_int_equal(store_book(st, "haircut-1", "13812345678", now + 1, &b),
                     0);
    assert_int_equal(store_rate(st, "service", "clinic", 3, NULL, 0, now + 2,
                                r2), 0);

    struct outbox_event ev[4];
    int n, depth;
    assert_int_equal(outbox_peek(st, now + 10, ev, 4, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(ev[0].uuid, r1); /* oldest first */
    assert_string_equal(ev[1].uuid, b.uuid);
    assert_string_equal(ev[2].uuid, r2);
    assert_true(ev[0].seq < ev[1].seq && ev[1].seq < ev[2].seq);
    assert_string_equal(ev[1].kind, "booking");
    assert_int_equal(ev[1].tries, 0);
    assert_int_equal(ev[1].created_ms, now + 1);
    assert_int_equal(outbox_peek(st, now + 10, ev, 2, &n), 0);
    assert_int_equal(n, 2);

    /* a failed delivery waits for its next try */
    assert_int_equal(outbox_retry(st, r1, now + 60000, "hub: 503"), 0);
    assert_int_equal(outbox_peek(st, now + 10, ev, 4, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(ev[0].uuid, b.uuid);
    assert_int_equal(outbox_peek(st, now + 60000, ev, 4, &n), 0);
    assert_int_equal(n, 3);
    assert_int_equal(ev[0].tries, 1);
    assert_int_equal(outbox_retry(st, "no-such-uuid", now, "x"), ERR_NOT_FOUND);

    /* ack deletes the event and purges the phone number */
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM bookings WHERE"
                                   " phone = '13812345678'"), 1);
    assert_int_equal(outbox_ack(st, b.uuid), 0);
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM bookings WHERE"
                                   " phone IS NOT NULL"), 0);
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM outbox WHERE"
                                   " body LIKE '%13812345678%'"), 0);
    struct booking kept;
    assert_int_equal(store_booking_by_code(st, b.code, &kept), 0);
    assert_string_equal(kept.phone_masked, "138****5678");
    assert_int_equal(outbox_depth(st, &depth), 0);
    assert_int_equal(depth, 2);
    /* acking again (a replayed response) is harmless */
    assert_int_equal(outbox_ack(st, b.uuid), 0);
    assert_int_equal(outbox_depth(st, &depth), 0);
    assert_int_equal(depth, 2);
    store_close(st);
    remove_cache(path);
}

/* The child writes ratings as fast as it can, reporting each completed
 * write's number on the pipe. */
static void writer(const char *path, int fd)
{
    struct store *st;
    if (store_open(path, &st, NULL, 0))
        _exit(2);
    char uuid[37];
    const char *why[] = {"long_wait"};
    for (int i = 1;; i++) {
        int level = i % 5 + 1;
        if (store_rate(st, "service", "clinic", level, level <= 2 ? why : NULL,
                       level <= 2 ? 1 : 0, MON_10 * 1000 + i, uuid))
            _exit(3);
        if (write(fd, &i, sizeof i) != (ssize_t)sizeof i)
            _exit(4);
    }
}

static void check_consistent(const char *path, int reported)
{
    struct store *st;
    assert_int_equal(store_open(path, &st, NULL, 0), 0); /* recovers WAL */
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM"
                                   " pragma_integrity_check WHERE"
                                   " integrity_check != 'ok'"), 0);
    int ratings = test_sql_int(path, "SELECT count(*) FROM ratings");
    int events = test_sql_int(path, "SELECT count(*) FROM outbox");
    /* every rating has its event and no event lacks its rating */
    assert_int_equal(ratings, events);
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM ratings r JOIN"
                                   " outbox o USING (uuid)"), ratings);
    /* nothing reported as written is lost; at most the one in flight more */
    if (ratings < reported || ratings > reported + 1)
        fail_msg("%d ratings stored, %d reported written", ratings, reported);
    /* every event is whole: its body parses and carries its uuid */
    struct outbox_event *ev = malloc(sizeof *ev * 64);
    int n;
    assert_int_equal(outbox_peek(st, INT64_MAX, ev, 64, &n), 0);
    for (int i = 0; i < n; i++) {
        json_t *j = json_loads(ev[i].body, 0, NULL);
        assert_non_null(j);
        assert_string_equal(json_string_value(json_object_get(j, "uuid")),
                            ev[i].uuid);
        json_decref(j);
    }
    free(ev);
    store_close(st);
}

static void test_kill_during_writes(void **state)
{
    (void)state;
    struct store *st;
    char *path = make_cache(&st);
    store_close(st);
    srand((unsigned)time(NULL));
    int total_reported = 0;
    for (int round = 0; round < 12; round++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            writer(path, fds[1]);
        }
        close(fds[1]);
        /* once it has written (however slow the machine, e.g. under
         * qemu), let it write for 5-60 ms more, then kill it wherever it
         * is */
        int last = 0, x;
        assert_int_equal(read(fds[0], &last, sizeof last), sizeof last);
        struct timespec ts = {0, (5 + rand() % 55) * 1000000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFSIGNALED(status));
        while (read(fds[0], &x, sizeof x) == (ssize_t)sizeof x)
            last = x;
        close(fds[0]);
        total_reported += last;
        check_consistent(path, total_reported);
        /* the next round counts from what is really there */
        total_reported = test_sql_int(path, "SELECT count(*) FROM ratings");
    }
    print_message("%d ratings survived 12 kills\n", total_reported);
    assert_true(total_reported > 12); /* the writer did get work done */
    remove_cache(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uuid_v4),
        cmocka_unit_test(test_peek_ack_retry),
        cmocka_unit_test(test_kill_during_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
