/*
 * test_backlight.c - the sysfs backlight on a temporary tree (max read,
 * percent to level, writes only on change, a missing node) and the policy
 * (full on touch, dim after idle, off outside the schedule, a touch wakes
 * it, schedules past midnight, the deadline of the next change).
 */
#include "testutil.h"

#include "backlight.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct tree {
    char *root;
    char dir[300];
};

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[400];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int read_level(const struct tree *t)
{
    char path[400];
    snprintf(path, sizeof(path), "%s/brightness", t->dir);
    size_t len;
    char *s = test_read_file(path, &len);
    int v = atoi(s);
    free(s);
    return v;
}

static void tree_make(struct tree *t, const char *max)
{
    t->root = test_tmpdir();
    snprintf(t->dir, sizeof(t->dir), "%s/panel", t->root);
    assert_int_equal(mkdir(t->dir, 0755), 0);
    write_file(t->dir, "max_brightness", max);
    write_file(t->dir, "brightness", "7\n");
}

static void tree_free(struct tree *t)
{
    test_rmtree(t->root);
    free(t->root);
}

static void sysfs_writes_only_on_change(void **state)
{
    struct tree t;
    tree_make(&t, "255\n");
    struct backlight b;
    char err[256];
    assert_int_equal(backlight_open(&b, t.dir, err, sizeof(err)), 0);
    assert_int_equal(b.max, 255);
    assert_int_equal(backlight_raw(&b, 100), 255);
    assert_int_equal(backlight_raw(&b, 30), 77);
    assert_int_equal(backlight_raw(&b, 0), 0);
    assert_int_equal(read_level(&t), 7); /* opening writes nothing */
    assert_int_equal(backlight_set(&b, 77), 0);
    assert_int_equal(read_level(&t), 77);
    /* the same level again: no write (the file keeps what we put) */
    write_file(t.dir, "brightness", "1\n");
    assert_int_equal(backlight_set(&b, 77), 0);
    assert_int_equal(read_level(&t), 1);
    assert_int_equal(b.writes, 1);
    assert_int_equal(backlight_set(&b, 999), 0); /* clamped */
    assert_int_equal(read_level(&t), 255);
    assert_int_equal(b.writes, 2);
    tree_free(&t);
}

static void sysfs_small_max_and_errors(void **state)
{
    struct tree t;
    tree_make(&t, "7\n");
    struct backlight b;
    char err[256];
    assert_int_equal(backlight_open(&b, t.dir, err, sizeof(err)), 0);
    /* a low dim level never turns a coarse panel off */
    assert_int_equal(backlight_raw(&b, 5), 1);
    write_file(t.dir, "max_brightness", "0\n");
    assert_int_equal(backlight_open(&b, t.dir, err, sizeof(err)), -EINVAL);
    char missing[400];
    snprintf(missing, sizeof(missing), "%s/none", t.root);
    assert_int_equal(backlight_open(&b, missing, err, sizeof(err)), -ENOENT);
    assert_non_null(strstr(err, "cannot use"));
    tree_free(&t);
}

#define H(h) ((h)*3600)

static void policy_dims_and_wakes(void **state)
{
    /* 07:00 to 22:00, full 80 %, dim 20 % after 60 s */
    struct backlight_config cfg = {80, 20, 60, 7 * 60, 22 * 60};
    struct backlight_policy p;
    int64_t next;
    backlight_policy_init(&p, &cfg);
    /* untouched since the start: the schedule alone */
    assert_int_equal(backlight_policy_level(&p, 0, H(10), &next), 20);
    assert_int_equal(next, H(12) * 1000LL);
    assert_int_equal(backlight_policy_level(&p, 0, H(6), &next), 0);
    assert_int_equal(next, H(1) * 1000LL);
    backlight_policy_touch(&p, 0);
    assert_int_equal(backlight_policy_level(&p, 0, H(10), &next), 80);
    assert_int_equal(next, 60000);
    assert_int_equal(backlight_policy_level(&p, 59999, H(10), &next), 80);
    assert_int_equal(backlight_policy_level(&p, 60000, H(10), &next), 20);
    /* dimmed, the next change is the schedule's end, 12 h on */
    assert_int_equal(next, 60000 + H(12) * 1000LL);
    backlight_policy_touch(&p, 100000);
    assert_int_equal(backlight_policy_level(&p, 100000, H(10), &next), 80);
    assert_int_equal(next, 160000);

    /* outside the schedule: off; a touch wakes it for dim_after_s */
    assert_int_equal(backlight_policy_level(&p, 200000, H(23), &next), 0);
    assert_int_equal(next, 200000 + H(8) * 1000LL); /* 07:00 */
    backlight_policy_touch(&p, 300000);
    assert_int_equal(backlight_policy_level(&p, 300000, H(23), &next), 80);
    assert_int_equal(next, 360000);
    assert_int_equal(backlight_policy_level(&p, 360000, H(23), &next), 0);
    assert_false(backlight_in_schedule(&cfg, H(22)));
    assert_true(backlight_in_schedule(&cfg, H(7)));

    /* a staff test forces a level */
    p.override = 50;
    assert_int_equal(backlight_policy_level(&p, 360000, H(23), &next), 50);
}

static void policy_schedules(void **state)
{
    struct backlight_config night = {100, 10, 30, 22 * 60, 6 * 60};
    assert_true(backlight_in_schedule(&night, H(23)));
    assert_true(backlight_in_schedule(&night, H(5)));
    assert_false(backlight_in_schedule(&night, H(12)));
    struct backlight_config always = {0, 0, 0, 0, 0};
    assert_true(backlight_in_schedule(&always, H(3)));
    struct backlight_policy p;
    int64_t next;
    backlight_policy_init(&p, &always);
    backlight_policy_touch(&p, 0);
    /* defaults: full 100 %, dim after 60 s to 0 %, never a schedule edge */
    assert_int_equal(backlight_policy_level(&p, 0, H(3), &next), 100);
    assert_int_equal(backlight_policy_level(&p, 60000, H(3), &next), 0);
    assert_int_equal(next, INT64_MAX);
}

/* The policy drives the sysfs file as the kiosk's loop does. */
static void policy_on_sysfs(void **state)
{
    struct tree t;
    tree_make(&t, "100\n");
    struct backlight b;
    char err[256];
    assert_int_equal(backlight_open(&b, t.dir, err, sizeof(err)), 0);
    struct backlight_config cfg = {90, 30, 10, 8 * 60, 20 * 60};
    struct backlight_policy p;
    backlight_policy_init(&p, &cfg);
    backlight_policy_touch(&p, 0);
    int64_t next;
    for (int64_t ms = 0; ms <= 20000; ms += 500)
        backlight_set(
            &b, backlight_raw(&b, backlight_policy_level(&p, ms, H(9), &next)));
    assert_int_equal(read_level(&t), 30);
    assert_int_equal(b.writes, 2); /* 90, then 30: once each */
    backlight_policy_touch(&p, 20000);
    backlight_set(
        &b, backlight_raw(&b, backlight_policy_level(&p, 20000, H(9), &next)));
    assert_int_equal(read_level(&t), 90);
    backlight_set(
        &b, backlight_raw(&b, backlight_policy_level(&p, 20000, H(21), &next)));
    assert_int_equal(read_level(&t), 90); /* woken by the touch */
    backlight_set(
        &b, backlight_raw(&b, backlight_policy_level(&p, 40000, H(21), &next)));
    assert_int_equal(read_level(&t), 0);
    assert_int_equal(b.writes, 4);
    tree_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sysfs_writes_only_on_change),
        cmocka_unit_test(sysfs_small_max_and_errors),
        cmocka_unit_test(policy_dims_and_wakes),
        cmocka_unit_test(policy_schedules),
        cmocka_unit_test(policy_on_sysfs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
