/*
 * test_store.c - the SQLite cache: schema and migrations, applying a bundle
 * whole or not at all, the screens' queries, and the residents' actions
 * written with their outbox events.
 */
#include "testutil.h"

#include "bundle.h"
#include "err.h"
#include "outbox.h"
#include "store.h"
#include "store_schema.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fixture {
    char *dir;
    char path[512];
    struct store *st;
};

/* Monday 2026-11-23 10:00 in Shanghai: the clinic is open, the canteen
 * (11-13, 17-18:30) and the night noodle shop (17-02) are not. */
#define MON_10 test_sh_time(2026, 11, 23, 10, 0)

static struct bundle *parse_text(const char *text)
{
    struct bundle *b = NULL;
    char err[256];
    if (bundle_parse(text, strlen(text), &b, err, sizeof err))
        fail_msg("bundle: %s", err);
    return b;
}

static struct bundle *mini(void)
{
    char *text = test_read_file(LINLI_TEST_DATA "/mini.json", NULL);
    struct bundle *b = parse_text(text);
    free(text);
    return b;
}

static void apply_mini(struct store *st)
{
    struct bundle *b = mini();
    assert_int_equal(store_apply_bundle(st, b, MON_10 * 1000), 0);
    bundle_free(b);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/cache.sqlite", f->dir);
    assert_int_equal(store_open(f->path, &f->st, NULL, 0), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    store_close(f->st);
    test_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void sql_exec(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("%s: %s", sql, err);
    sqlite3_close(db);
}

/* ---- schema ------------------------------------------------------------ */

static void test_new_cache_is_empty_and_current(void **state)
{
    struct fixture *f = *state;
    assert_true(store_is_empty(f->st));
    assert_int_equal(test_sql_int(f->path, "PRAGMA user_version"),
                     store_schema_version());
    assert_int_equal(store_schema_version(), store_n_migrations);
    int rc = 0;
    assert_null(store_export(f->st, NULL, &rc));
    assert_int_equal(rc, ERR_NOT_FOUND);
    struct store_info info;
    assert_int_equal(store_info(f->st, &info), 0);
    assert_string_equal(info.bundle_version, "");
    assert_int_equal(test_sql_int(f->path, "PRAGMA journal_mode = WAL") >= 0, 1);
}

/* A version-1 cache with a booking in it is brought to the current
 * version, keeping the booking. */
static void test_migration_from_v1(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512];
    snprintf(path, sizeof path, "%s/old.sqlite", dir);
    sql_exec(path, store_migrations[0]);
    sql_exec(path, "PRAGMA user_version = 1;"
                   "INSERT INTO bookings (uuid, slot, code, phone,"
                   " phone_masked, status, created_ms) VALUES ('u1', 's1',"
                   " 'ABC234', '13812345678', '138****5678', 'pending', 1)");
    struct store *st;
    assert_int_equal(store_open(path, &st, NULL, 0), 0);
    assert_int_equal(test_sql_int(path, "PRAGMA user_version"),
                     store_schema_version());
    struct booking b;
    assert_int_equal(store_booking_by_code(st, "ABC234", &b), 0);
    assert_string_equal(b.uuid, "u1");
    assert_int_equal(b.status, BOOKING_PENDING);
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM ratings"), 0);
    store_close(st);
    test_rmtree(dir);
    free(dir);
}

/* A cache from a newer Linli is refused and left exactly as it was. */
static void test_newer_schema_refused(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], err[256];
    snprintf(path, sizeof path, "%s/new.sqlite", dir);
    sql_exec(path, "CREATE TABLE future (x); PRAGMA user_version = 99");
    struct store *st = NULL;
    assert_int_equal(store_open(path, &st, err, sizeof err), ERR_SCHEMA);
    assert_null(st);
    assert_non_null(strstr(err, "newer"));
    assert_int_equal(test_sql_int(path, "PRAGMA user_version"), 99);
    assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_master"), 1);
    test_rmtree(dir);
    free(dir);
}

static void test_not_a_database(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], err[256];
    snprintf(path, sizeof path, "%s/junk.sqlite", dir);
    FILE *fp = fopen(path, "wb");
    for (int i = 0; i < 200; i++)
        fputs("this is not a database ", fp);
    fclose(fp);
    struct store *st = NULL;
    assert_int_equal(store_open(path, &st, err, sizeof err), ERR_DB);
    assert_null(st);
    assert_non_null(strstr(err, "not a database"));
    char *after = test_read_file(path, NULL);
    assert_int_equal(strncmp(after, "this is not a database", 22), 0);
    free(after);
    test_rmtree(dir);
    free(dir);
}

/* ---- applying bundles -------------------------------------------------- */

static void test_apply_and_info(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    assert_false(store_is_empty(f->st));
    struct store_info info;
    assert_int_equal(store_info(f->st, &info), 0);
    assert_string_equal(info.bundle_version, "test-1");
    assert_string_equal(info.kiosk_id, "test-kiosk");
    assert_int_equal(info.applied_ms, MON_10 * 1000);
    assert_int_equal(info.generated_at, test_sh_time(2026, 11, 23, 8, 0));
    assert_int_equal(info.n_categories, 2);
    assert_int_equal(info.n_services, 3);
    assert_int_equal(info.n_activities, 1);
    assert_int_equal(info.n_slots, 2);
    assert_int_equal(info.n_notices, 2);
    assert_int_equal(info.n_polls, 1);

    /* the export parses back to the same model */
    struct bundle *b;
    assert_int_equal(store_load_bundle(f->st, &b), 0);
    assert_int_equal(b->n_services, 3);
    assert_string_equal(b->services[1].id, "noodles");
    bundle_free(b);
}

/* Applying is all or nothing: a failure at any row leaves the previous
 * bundle exactly as it was. */
static void test_apply_is_atomic(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    char *before = store_export(f->st, NULL, NULL);

    char *text = test_read_file(LINLI_TEST_DATA "/mini.json", NULL);
    json_t *root = json_loads(text, 0, NULL);
    free(text);
    json_object_set_new(root, "version", json_string("test-2"));
    json_array_remove(json_object_get(root, "services"), 1);
    text = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    struct bundle *next = parse_text(text);
    free(text);

    int k, rc;
    for (k = 1; k < 100; k++) {
        store_fail_after(f->st, k);
        rc = store_apply_bundle(f->st, next, MON_10 * 1000 + k);
        if (rc == 0)
            break;
        assert_int_equal(rc, ERR_DB);
        char *now = store_export(f->st, NULL, NULL);
        assert_string_equal(before, now);
        free(now);
    }
    assert_true(k > 10); /* it failed at every row before succeeding */
    store_fail_after(f->st, 0);
    struct store_info info;
    store_info(f->st, &info);
    assert_string_equal(info.bundle_version, "test-2");
    assert_int_equal(info.n_services, 2);
    bundle_free(next);
    free(before);
}

/* ---- queries ----------------------------------------------------------- */

static void test_categories(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    struct category_row rows[4];
    int n;
    assert_int_equal(store_categories(f->st, rows, 4, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].id, "health");
    assert_string_equal(rows[0].name[LANG_ZH], "医疗卫生");
    assert_string_equal(rows[0].name[LANG_EN], "Health");
    assert_string_equal(rows[0].icon, "local_hospital");
    assert_int_equal(rows[0].n_services, 1);
    assert_int_equal(rows[1].n_services, 2);
}

static void query(struct store *st, const struct service_query *q,
                  int64_t now, const char *want_ids, int want_total)
{
    struct service_row rows[8];
    int n, total;
    assert_int_equal(store_services(st, q, now, rows, 8, &n, &total), 0);
    char got[256] = "";
    for (int i = 0; i < n; i++) {
        strcat(got, i ? " " : "");
        strcat(got, rows[i].id);
    }
    assert_string_equal(got, want_ids);
    assert_int_equal(total, want_total);
}

static void test_services_nearest_first(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    struct service_query all = {0};
    /* canteen 95 m east (1.9 min), clinic 111 m north (2.2), noodles
     * 445 m north (8.7) */
    query(f->st, &all, MON_10, "canteen clinic noodles", 3);
    struct service_query food = {.category = "food"};
    query(f->st, &food, MON_10, "canteen noodles", 2);
    struct service_query near = {.within_min = 5};
    query(f->st, &near, MON_10, "canteen clinic", 2);
    struct service_query ten = {.within_min = 10};
    query(f->st, &ten, MON_10, "canteen clinic noodles", 3);
    struct service_query page2 = {.offset = 1};
    struct service_row row;
    int n, total;
    assert_int_equal(store_services(f->st, &page2, MON_10, &row, 1, &n,
                                    &total), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 3);
    assert_string_equal(row.id, "clinic");
    assert_true(row.walk_min > 2.0 && row.walk_min < 2.4);
    assert_string_equal(row.phone, "021-62000001");
    assert_int_equal(row.tags, TAG_WHEELCHAIR | TAG_ACCESSIBLE_TOILET);
    assert_int_equal(row.hours.n_ranges, 2);
    struct service_query none = {.category = "nothing"};
    query(f->st, &none, MON_10, "", 0);
}

static void test_open_now(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    struct service_query open = {.open_only = true};
    query(f->st, &open, MON_10, "clinic", 1);
    /* Monday 12:00: the canteen's lunch too */
    query(f->st, &open, test_sh_time(2026, 11, 23, 12, 0), "canteen clinic", 2);
    /* Tuesday 01:00: only Monday night's noodles, past midnight */
    query(f->st, &open, test_sh_time(2026, 11, 24, 1, 0), "noodles", 1);
    /* Wednesday 10:00: the clinic's dated closure */
    query(f->st, &open, test_sh_time(2026, 11, 25, 10, 0), "", 0);
    /* Sunday 10:00: the clinic has no Sunday hours */
    query(f->st, &open, test_sh_time(2026, 11, 29, 10, 0), "", 0);
    struct service_query open_food = {.category = "food", .open_only = true,
                                      .within_min = 5};
    query(f->st, &open_food, test_sh_time(2026, 11, 23, 17, 30), "canteen", 1);
}

static void test_service_detail(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    struct service_detail d;
    assert_int_equal(store_service(f->st, "clinic", MON_10, &d), 0);
    assert_true(d.row.open_now);
    assert_string_equal(d.description[LANG_ZH], "家庭医生签约、慢病随访。");
    assert_string_equal(d.description[LANG_EN], "Family doctors and follow-ups.");
    assert_string_equal(d.url, "https://example.org/clinic");
    assert_int_equal(store_service(f->st, "noodles", MON_10, &d), 0);
    assert_string_equal(d.row.name[LANG_EN], "深夜面馆"); /* en falls back */
    assert_string_equal(d.description[LANG_ZH], "");
    assert_string_equal(d.url, "");
    assert_string_equal(d.row.phone, "");
    assert_false(d.row.open_now);
    assert_int_equal(store_service(f->st, "nope", MON_10, &d), ERR_NOT_FOUND);
}

static void test_notices(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    struct notice_row rows[4];
    int n, total;
    assert_int_equal(store_notices(f->st, MON_10, 0, rows, 4, &n, &total), 0);
    assert_int_equal(n, 1); /* n2 ended in October */
    assert_int_equal(total, 1);
    assert_string_equal(rows[0].id, "n1");
    assert_true(rows[0].important);
    assert_string_equal(rows[0].title[LANG_EN], "Water cut");
    char body[256];
    assert_int_equal(store_notice_body(f->st, "n1", LANG_ZH, body, sizeof body), 0);
    assert_string_equal(body, "周三停水。\n请储水。");
    assert_int_equal(store_notice_body(f->st, "n1", LANG_EN, body, sizeof body), 0);
    assert_string_equal(body, "No water on Wednesday.");
    assert_int_equal(store_notice_body(f->st, "n2", LANG_EN, body, sizeof body), 0);
    assert_string_equal(body, "已过期。");
    assert_int_equal(store_notice_body(f->st, "zz", LANG_EN, body, sizeof body),
                     ERR_NOT_FOUND);
    /* on 2026-10-01 only n2 is active */
    assert_int_equal(store_notices(f->st, test_sh_time(2026, 10, 1, 9, 0), 0,
                                   rows, 4, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].id, "n2");
}

static void test_activities_and_slots(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    struct activity_row a;
    int n, total;
    assert_int_equal(store_activities(f->st, MON_10, 0, &a, 1, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 1);
    assert_string_equal(a.id, "haircut");
    assert_string_equal(a.org[LANG_ZH], "街道志愿服务站");
    assert_int_equal(a.open_slots, 1); /* haircut-2 was yesterday */
    assert_int_equal(a.seats_left, 2);
    assert_int_equal(a.next_start, test_sh_time(2026, 11, 24, 9, 0));

    struct slot_row s[4];
    assert_int_equal(store_slots(f->st, "haircut", MON_10, 0, s, 4, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 1);
    assert_string_equal(s[0].id, "haircut-1");
    assert_int_equal(s[0].capacity, 3);
    assert_int_equal(s[0].remaining, 2);
    assert_int_equal(s[0].quota_left, 1);
    assert_int_equal(store_slot(f->st, "haircut-2", &s[1]), 0);
    assert_int_equal(s[1].remaining, 5);
    assert_int_equal(store_slot(f->st, "nope", &s[1]), ERR_NOT_FOUND);
}

/* ---- actions ----------------------------------------------------------- */

static void test_booking_quota_pending_full(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    int64_t now = MON_10 * 1000;
    struct booking b1, b2, b3;
    assert_int_equal(store_book(f->st, "haircut-1", "13812345678", now, &b1), 0);
    assert_int_equal(b1.status, BOOKING_CONFIRMED); /* within the quota */
    assert_string_equal(b1.phone_masked, "138****5678");
    assert_int_equal(strlen(b1.code), 6);
    assert_int_equal(strlen(b1.uuid), 36);
    assert_int_equal(store_book(f->st, "haircut-1", "13812345678", now, &b2),
                     ERR_EXISTS);
    assert_int_equal(store_book(f->st, "haircut-1", "13900001111", now, &b2), 0);
    assert_int_equal(b2.status, BOOKING_PENDING); /* quota used: the hub decides */
    assert_int_equal(store_book(f->st, "haircut-1", "15000002222", now, &b3),
                     ERR_FULL);
    struct slot_row s;
    assert_int_equal(store_slot(f->st, "haircut-1", &s), 0);
    assert_int_equal(s.remaining, 0);
    assert_int_equal(s.quota_left, 0);

    assert_int_equal(store_book(f->st, "haircut-2", "15000002222", now, &b3),
                     ERR_INVALID); /* already started */
    assert_int_equal(store_book(f->st, "nope", "15000002222", now, &b3),
                     ERR_NOT_FOUND);
    assert_int_equal(store_book(f->st, "haircut-1", "1381234567", now, &b3),
                     ERR_ARG);
    assert_int_equal(store_book(f->st, "haircut-1", "12812345678", now, &b3),
                     ERR_ARG);
    assert_int_equal(store_book(f->st, "haircut-1", "1381234567x", now, &b3),
                     ERR_ARG);

    struct booking found;
    assert_int_equal(store_booking_by_code(f->st, b2.code, &found), 0);
    assert_string_equal(found.uuid, b2.uuid);
    assert_int_equal(found.status, BOOKING_PENDING);
    assert_int_equal(store_booking_by_code(f->st, "XXXXXX", &found),
                     ERR_NOT_FOUND);

    int depth;
    assert_int_equal(outbox_depth(f->st, &depth), 0);
    assert_int_equal(depth, 2);
    struct outbox_event ev;
    int n;
    assert_int_equal(outbox_peek(f->st, now, &ev, 1, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(ev.uuid, b1.uuid);
    assert_string_equal(ev.kind, "booking");
    json_t *j = json_loads(ev.body, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(j, "uuid")), b1.uuid);
    assert_string_equal(json_string_value(json_object_get(j, "slot")), "haircut-1");
    assert_string_equal(json_string_value(json_object_get(j, "activity")), "haircut");
    assert_string_equal(json_string_value(json_object_get(j, "phone")), "13812345678");
    assert_string_equal(json_string_value(json_object_get(j, "code")), b1.code);
    assert_string_equal(json_string_value(json_object_get(j, "status")), "confirmed");
    assert_string_equal(json_string_value(json_object_get(j, "kiosk_id")), "test-kiosk");
    json_decref(j);
}

/* Bookings survive a new bundle; once acked, the next bundle's "booked"
 * count includes them, so they are not counted twice. */
static void test_bookings_across_bundles(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    int64_t now = MON_10 * 1000;
    struct booking b;
    assert_int_equal(store_book(f->st, "haircut-1", "13812345678", now, &b), 0);
    apply_mini(f->st); /* the hub has not seen it: still counted here */
    struct slot_row s;
    store_slot(f->st, "haircut-1", &s);
    assert_int_equal(s.remaining, 1);
    assert_int_equal(s.quota_left, 0);

    assert_int_equal(outbox_ack(f->st, b.uuid), 0);
    char *text = test_read_file(LINLI_TEST_DATA "/mini.json", NULL);
    char *p = strstr(text, "\"booked\": 1, \"quota\": 1");
    assert_non_null(p);
    memcpy(p, "\"booked\": 2, \"quota\": 1", 23); /* the hub counted it */
    struct bundle *next = parse_text(text);
    free(text);
    assert_int_equal(store_apply_bundle(f->st, next, now), 0);
    bundle_free(next);
    store_slot(f->st, "haircut-1", &s);
    assert_int_equal(s.remaining, 1); /* 3 - 2, ours counted once */
    assert_int_equal(s.quota_left, 1); /* a fresh quota from the hub */
    struct booking found;
    assert_int_equal(store_booking_by_code(f->st, b.code, &found), 0);
}

/* The booking and its outbox row are one transaction. */
static void test_booking_atomic_with_outbox(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    struct booking b;
    store_fail_after(f->st, 2); /* the booking row is written, the event not */
    assert_int_equal(store_book(f->st, "haircut-1", "13812345678",
                                MON_10 * 1000, &b), ERR_DB);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM bookings"), 0);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM outbox"), 0);
    store_fail_after(f->st, 0);
    assert_int_equal(store_book(f->st, "haircut-1", "13812345678",
                                MON_10 * 1000, &b), 0);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM bookings"), 1);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM outbox"), 1);
}

static void test_ratings(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    int64_t now = MON_10 * 1000;
    char uuid[37];
    const char *why[] = {"long_wait", "attitude"};
    const char *bad_why[] = {"Long Wait"};
    assert_int_equal(store_rate(f->st, "center", "test-kiosk", 5, NULL, 0, now,
                                uuid), 0);
    assert_int_equal(store_rate(f->st, "service", "clinic", 2, why, 2, now,
                                uuid), 0);
    assert_int_equal(store_rate(f->st, "service", "clinic", 1, NULL, 0, now,
                                uuid), ERR_ARG); /* 差评 needs a reason */
    assert_int_equal(store_rate(f->st, "service", "clinic", 4, why, 1, now,
                                uuid), ERR_ARG);
    assert_int_equal(store_rate(f->st, "service", "clinic", 1, bad_why, 1, now,
                                uuid), ERR_ARG);
    assert_int_equal(store_rate(f->st, "service", "clinic", 0, NULL, 0, now,
                                uuid), ERR_ARG);
    assert_int_equal(store_rate(f->st, "service", "clinic", 6, NULL, 0, now,
                                uuid), ERR_ARG);
    assert_int_equal(store_rate(f->st, "shop", "clinic", 5, NULL, 0, now,
                                uuid), ERR_ARG);
    assert_int_equal(store_rate(f->st, "service", "nope", 5, NULL, 0, now,
                                uuid), ERR_NOT_FOUND);
    assert_int_equal(store_rate(f->st, "center", "other", 5, NULL, 0, now,
                                uuid), ERR_NOT_FOUND);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM ratings"), 2);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM outbox WHERE"
                                      " kind = 'rating'"), 2);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM outbox WHERE"
                                      " body LIKE '%\"level\":2%' AND body"
                                      " LIKE '%[\"long_wait\",\"attitude\"]%'"),
                     1);
}

static void test_poll_answers(void **state)
{
    struct fixture *f = *state;
    apply_mini(f->st);
    int64_t now = MON_10 * 1000;
    char uuid[37];
    const char *good[] = {"weekly"};
    const char *unknown[] = {"monthly"};
    const char *two[] = {"daily", "weekly"};
    assert_int_equal(store_answer_poll(f->st, "p1", good, 1, now, uuid), 0);
    assert_int_equal(store_answer_poll(f->st, "p1", unknown, 1, now, uuid),
                     ERR_ARG);
    assert_int_equal(store_answer_poll(f->st, "p1", two, 2, now, uuid), ERR_ARG);
    assert_int_equal(store_answer_poll(f->st, "zz", good, 1, now, uuid),
                     ERR_NOT_FOUND);
    assert_int_equal(store_answer_poll(f->st, "p1", good, 1,
                                       test_sh_time(2027, 1, 1, 9, 0) * 1000,
                                       uuid), ERR_NOT_FOUND); /* poll ended */
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM poll_answers"), 1);
    assert_int_equal(test_sql_int(f->path, "SELECT count(*) FROM outbox WHERE body"
                                      " LIKE '%\"option\":\"weekly\"%'"), 1);
}

static void test_phone_mask(void **state)
{
    (void)state;
    char m[16];
    assert_true(phone_mask("13812345678", m));
    assert_string_equal(m, "138****5678");
    assert_true(phone_mask("19900000000", m));
    assert_false(phone_mask("12812345678", m));
    assert_false(phone_mask("021-62000000", m));
    assert_false(phone_mask("138123456789", m));
    assert_false(phone_mask("", m));
    assert_false(phone_mask(NULL, m));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* A copy in memory has the same data and age; acting on it leaves the
 * cache alone. */
static void test_open_copy(void **state)
{
    struct fixture *f = *state;
    struct store *copy;
    assert_int_equal(store_open_copy(f->st, &copy), 0);
    assert_true(store_is_empty(copy));
    store_close(copy);
    apply_mini(f->st);
    assert_int_equal(store_open_copy(f->st, &copy), 0);
    struct store_info a, b;
    assert_int_equal(store_info(f->st, &a), 0);
    assert_int_equal(store_info(copy, &b), 0);
    assert_int_equal(a.n_services, b.n_services);
    assert_int_equal(a.n_slots, b.n_slots);
    assert_true(a.applied_ms == b.applied_ms);
    assert_string_equal(a.bundle_version, b.bundle_version);
    char uuid[37];
    assert_int_equal(store_rate(copy, "center", b.kiosk_id, 5, NULL, 0,
                                MON_10 * 1000, uuid),
                     0);
    assert_int_equal(store_info(f->st, &a), 0);
    assert_int_equal(a.n_ratings, 0);
    assert_int_equal(a.outbox_depth, 0);
    store_close(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_new_cache_is_empty_and_current),
        cmocka_unit_test(test_migration_from_v1),
        cmocka_unit_test(test_newer_schema_refused),
        cmocka_unit_test(test_not_a_database),
        T(test_apply_and_info),
        T(test_apply_is_atomic),
        T(test_categories),
        T(test_services_nearest_first),
        T(test_open_now),
        T(test_service_detail),
        T(test_notices),
        T(test_activities_and_slots),
        T(test_booking_quota_pending_full),
        T(test_bookings_across_bundles),
        T(test_booking_atomic_with_outbox),
        T(test_ratings),
        T(test_poll_answers),
        cmocka_unit_test(test_phone_mask),
        cmocka_unit_test_setup_teardown(test_open_copy, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
