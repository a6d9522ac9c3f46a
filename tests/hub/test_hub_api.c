/*
 * test_hub_api.c - linli-hub over HTTP, as docs/protocol.md says: bundle
 * with ETag, 304 and gzip; events idempotent across restarts; whole-batch
 * validation; caps and malformed bodies; roles; heartbeat and the offline
 * alarm.
 */
#include "hubtest.h"
#include "testutil.h"

#include "buf.h"
#include "bundle.h"
#include "civil_time.h"
#include "gz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const gzip_hdr[] = {"Accept-Encoding: gzip", NULL};

static void get_bundle(struct hubtest *t, const char *token, const char *etag,
                       struct resp *r)
{
    char inm[128];
    const char *h[] = {inm, NULL};
    snprintf(inm, sizeof inm, "If-None-Match: %s", etag ? etag : "\"none\"");
    hubtest_req(t, "GET", "/api/v1/bundle", token, NULL, 0, h, r);
}

static void test_bundle_etag_304_gzip(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    struct resp r, g, n;
    get_bundle(&t, t.kiosk_token, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_true(strlen(r.etag) == 34 && r.etag[0] == '"');
    /* the kiosk's own validator accepts it */
    struct bundle *b;
    char err[256];
    assert_int_equal(bundle_parse(r.body, r.len, &b, err, sizeof err), 0);
    assert_string_equal(b->config.kiosk_id, t.kiosk);
    assert_true(b->n_services > 10 && b->n_activities > 0);
    bundle_free(b);

    /* gzip when asked, the same bytes inside */
    hubtest_req(&t, "GET", "/api/v1/bundle", t.kiosk_token, NULL, 0, gzip_hdr,
                &g);
    assert_int_equal(g.status, 200);
    assert_string_equal(g.encoding, "gzip");
    assert_string_equal(g.etag, r.etag);
    struct buf plain;
    buf_init(&plain, BUNDLE_MAX_BYTES);
    assert_int_equal(gz_inflate(g.body, g.len, &plain, NULL, 0), 0);
    assert_int_equal(plain.len, r.len);
    assert_memory_equal(plain.data, r.body, r.len);
    buf_release(&plain);

    /* the current ETag: 304, no body; again: the same */
    get_bundle(&t, t.kiosk_token, r.etag, &n);
    assert_int_equal(n.status, 304);
    assert_int_equal(n.len, 0);
    resp_release(&n);
    get_bundle(&t, t.kiosk_token, r.etag, &n);
    assert_int_equal(n.status, 304);
    resp_release(&n);

    /* a restart on the same database keeps the ETag */
    hubtest_restart(&t);
    get_bundle(&t, t.kiosk_token, r.etag, &n);
    assert_int_equal(n.status, 304);
    resp_release(&n);

    /* a change the kiosk shows: a new ETag, a later generated_at */
    struct resp a;
    t.now_ms += 60000;
    assert_int_equal(
        hubtest_admin(&t, "POST", "notices",
                      "{\"id\":\"n-new\",\"title\":{\"zh\":\"停水通知\"},"
                      "\"body\":{\"zh\":\"明天停水\"},"
                      "\"start\":\"2026-01-01T00:00:00+08:00\","
                      "\"end\":\"2099-01-01T00:00:00+08:00\"}",
                      &a),
        201);
    resp_release(&a);
    get_bundle(&t, t.kiosk_token, r.etag, &n);
    assert_int_equal(n.status, 200);
    assert_string_not_equal(n.etag, r.etag);
    assert_non_null(strstr(n.body, "停水通知"));
    assert_true(
        strcmp(json_string_value(json_object_get(n.json, "generated_at")),
               json_string_value(json_object_get(r.json, "generated_at"))) > 0);
    /* a change the kiosk does not show (another kiosk's heartbeat, a
     * rating) leaves it */
    struct resp n2;
    get_bundle(&t, t.kiosk_token, n.etag, &n2);
    assert_int_equal(n2.status, 304);
    resp_release(&n2);
    resp_release(&n);
    resp_release(&g);
    resp_release(&r);
    hubtest_stop(&t);
}

static char *event_booking(const char *uuid, const char *kiosk,
                           const char *slot, const char *activity,
                           const char *phone, const char *status)
{
    json_t *e = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
                          "uuid", uuid, "type", "booking", "kiosk_id", kiosk,
                          "slot", slot, "activity", activity, "phone", phone,
                          "code", "K7Q2MX", "status", status, "created_at",
                          "2026-11-23T10:02:11.512+08:00");
    char *s = json_dumps(e, JSON_COMPACT);
    json_decref(e);
    return s;
}

/* The first slot, not starting within the hour, with free seats. */
static void free_slot(struct hubtest *t, char slot[80], char act[80])
{
    struct resp r;
    assert_int_equal(hubtest_admin(t, "GET", "slots", NULL, &r), 200);
    size_t i;
    json_t *s;
    slot[0] = '\0';
    json_array_foreach(json_object_get(r.json, "items"), i, s)
    {
        int64_t start;
        assert_true(civil_parse_timestamp(
            json_string_value(json_object_get(s, "start")), &start));
        if (json_integer_value(json_object_get(s, "free")) >= 3 &&
            start > t->now_ms / 1000 + 3600 && !slot[0]) {
            snprintf(slot, 80, "%s",
                     json_string_value(json_object_get(s, "id")));
            snprintf(act, 80, "%s",
                     json_string_value(json_object_get(s, "activity")));
        }
    }
    assert_true(slot[0]);
    resp_release(&r);
}

static void post_events(struct hubtest *t, const char *token, const char *batch,
                        struct resp *r)
{
    hubtest_req(t, "POST", "/api/v1/events", token, batch, strlen(batch), NULL,
                r);
}

/* A batch (into batch) of a pending booking of a free slot and a center
 * rating at level, with uuids starting with digit; returns the booking
 * event alone (heap). */
static char *two_events(struct hubtest *t, const char *digit, int level,
                        char *batch, size_t size)
{
    char slot[80], act[80], uuid[40];
    free_slot(t, slot, act);
    snprintf(uuid, sizeof uuid, "%s1111111-2222-4333-8444-555555555555", digit);
    char *b1 =
        event_booking(uuid, t->kiosk, slot, act, "13812345678", "pending");
    uuid[35] = '6';
    snprintf(batch, size,
             "{\"events\":[%s,{\"uuid\":\"%s\",\"type\":\"rating\","
             "\"kiosk_id\":\"%s\",\"target_kind\":\"center\","
             "\"target_id\":\"%s\",\"level\":%d,"
             "\"created_at\":\"2026-11-23T10:02:11+08:00\"}]}",
             b1, uuid, t->kiosk, t->kiosk, level);
    return b1;
}

static void test_events_idempotent(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    char batch[4096];
    free(two_events(&t, "1", 5, batch, sizeof batch));
    struct resp r, d;
    post_events(&t, t.kiosk_token, batch, &r);
    assert_int_equal(r.status, 200);
    json_t *res = json_object_get(r.json, "results");
    assert_int_equal(json_array_size(res), 2);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(res, 0), "status")),
        "accepted");
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_array_get(res, 0), "result"), "booking")),
        "confirmed");
    int booked = hubtest_sql(&t, "SELECT sum(booked) FROM slots");

    /* again, and again after a restart: duplicate, same result, no
     * second effect */
    for (int round = 0; round < 2; round++) {
        if (round)
            hubtest_restart(&t);
        post_events(&t, t.kiosk_token, batch, &d);
        assert_int_equal(d.status, 200);
        json_t *dr = json_object_get(d.json, "results");
        for (size_t i = 0; i < 2; i++) {
            json_t *x = json_array_get(dr, i);
            assert_string_equal(json_string_value(json_object_get(x, "status")),
                                "duplicate");
            assert_true(
                json_equal(json_object_get(x, "result"),
                           json_object_get(json_array_get(res, i), "result")));
        }
        resp_release(&d);
    }
    assert_int_equal(hubtest_sql(&t, "SELECT sum(booked) FROM slots"), booked);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM bookings"), 1);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM ratings"), 1);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM events"), 2);
    resp_release(&r);
    hubtest_stop(&t);
}

static void test_events_bad_batch_stores_nothing(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    char batch[4096];
    char *b1 = two_events(&t, "2", 7, batch, sizeof batch);
    struct resp r;
    post_events(&t, t.kiosk_token, batch, &r);
    assert_int_equal(r.status, 400);
    assert_string_equal(json_string_value(json_object_get(r.json, "error")),
                        "bad_request");
    assert_non_null(
        strstr(json_string_value(json_object_get(r.json, "message")),
               "events[1].level"));
    resp_release(&r);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM events"), 0);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM bookings"), 0);

    /* another kiosk's event in the batch: 403, nothing stored */
    snprintf(batch, sizeof batch, "{\"events\":[%s,%s]}", b1, b1);
    char *other = strstr(batch + strlen(b1), t.kiosk);
    memcpy(other, "zz", 2);
    post_events(&t, t.kiosk_token, batch, &r);
    assert_int_equal(r.status, 403);
    resp_release(&r);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM events"), 0);

    /* a bad uuid, an unknown type, 101 events */
    const char *bad[] = {
        "{\"events\":[{\"uuid\":\"nope\",\"type\":\"rating\"}]}",
        "{\"events\":[{\"uuid\":\"21111111-2222-4333-8444-555555555557\","
        "\"type\":\"cancel\",\"kiosk_id\":\"caoyang-01\","
        "\"created_at\":\"2026-11-23T10:02:11+08:00\"}]}",
        "{\"events\":{}}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        post_events(&t, t.kiosk_token, bad[i], &r);
        assert_int_equal(r.status, 400);
        resp_release(&r);
    }
    struct buf many;
    buf_init(&many, 1u << 20);
    buf_puts(&many, "{\"events\":[");
    for (int i = 0; i <= 100; i++)
        buf_printf(&many, "%s%s", i ? "," : "", b1);
    buf_puts(&many, "]}");
    post_events(&t, t.kiosk_token, many.data, &r);
    assert_int_equal(r.status, 400);
    resp_release(&r);
    buf_release(&many);
    free(b1);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM events"), 0);
    hubtest_stop(&t);
}

static void test_malformed_and_oversized(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    struct resp r;
    post_events(&t, t.kiosk_token, "{\"events\": [", &r);
    assert_int_equal(r.status, 400);
    assert_non_null(r.json);
    resp_release(&r);
    post_events(&t, t.kiosk_token, "[1,2]", &r);
    assert_int_equal(r.status, 400);
    resp_release(&r);
    const char *text[] = {"Content-Type: text/plain", NULL};
    hubtest_req(&t, "POST", "/api/v1/events", t.kiosk_token, "{}", 2, text, &r);
    assert_int_equal(r.status, 415);
    assert_string_equal(json_string_value(json_object_get(r.json, "error")),
                        "unsupported");
    resp_release(&r);

    /* over the cap: 413 with the JSON error */
    size_t big = (1u << 20) + 10;
    char *huge = malloc(big + 1);
    memset(huge, ' ', big);
    huge[big] = '\0';
    huge[0] = '{';
    huge[big - 1] = '}';
    post_events(&t, t.kiosk_token, huge, &r);
    assert_int_equal(r.status, 413);
    assert_string_equal(json_string_value(json_object_get(r.json, "error")),
                        "too_large");
    resp_release(&r);
    /* the same as a small gzip body: still 413 (the cap is after
     * decompression) */
    struct buf gz;
    buf_init(&gz, big);
    assert_int_equal(gz_deflate(huge, big, &gz), 0);
    assert_true(gz.len < 64 * 1024);
    const char *gzh[] = {"Content-Encoding: gzip", NULL};
    hubtest_req(&t, "POST", "/api/v1/events", t.kiosk_token, gz.data, gz.len,
                gzh, &r);
    assert_int_equal(r.status, 413);
    resp_release(&r);
    /* a heartbeat has a smaller cap */
    huge[70 * 1024] = '}';
    hubtest_req(&t, "POST", "/api/v1/heartbeat", t.kiosk_token, huge,
                70 * 1024 + 1, NULL, &r);
    assert_int_equal(r.status, 413);
    resp_release(&r);
    /* corrupt and truncated gzip */
    hubtest_req(&t, "POST", "/api/v1/events", t.kiosk_token, "garbage", 7, gzh,
                &r);
    assert_int_equal(r.status, 400);
    resp_release(&r);
    hubtest_req(&t, "POST", "/api/v1/events", t.kiosk_token, gz.data,
                gz.len / 2, gzh, &r);
    assert_int_equal(r.status, 400);
    resp_release(&r);
    /* a good gzip body is taken */
    buf_clear(&gz);
    const char *ok = "{\"events\":[]}";
    assert_int_equal(gz_deflate(ok, strlen(ok), &gz), 0);
    hubtest_req(&t, "POST", "/api/v1/events", t.kiosk_token, gz.data, gz.len,
                gzh, &r);
    assert_int_equal(r.status, 200);
    resp_release(&r);
    buf_release(&gz);
    free(huge);
    /* wrong method, unknown path, bad admin id */
    hubtest_req(&t, "POST", "/api/v1/bundle", t.kiosk_token, "{}", 2, NULL, &r);
    assert_int_equal(r.status, 405);
    resp_release(&r);
    hubtest_req(&t, "GET", "/api/v1/nothing", t.kiosk_token, NULL, 0, NULL, &r);
    assert_int_equal(r.status, 404);
    resp_release(&r);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM events"), 0);
    hubtest_stop(&t);
}

static void test_roles(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    struct resp r;
    hubtest_req(&t, "GET", "/api/v1/bundle", NULL, NULL, 0, NULL, &r);
    assert_int_equal(r.status, 401);
    assert_string_equal(json_string_value(json_object_get(r.json, "error")),
                        "unauthorized");
    resp_release(&r);
    hubtest_req(&t, "GET", "/api/v1/bundle",
                "0000000000000000000000000000000000000000000000000000000000"
                "000000",
                NULL, 0, NULL, &r);
    assert_int_equal(r.status, 401);
    resp_release(&r);
    /* kiosk token: no admin */
    hubtest_req(&t, "GET", "/api/v1/admin/kiosks", t.kiosk_token, NULL, 0, NULL,
                &r);
    assert_int_equal(r.status, 403);
    assert_string_equal(json_string_value(json_object_get(r.json, "error")),
                        "forbidden");
    resp_release(&r);
    /* staff token: no kiosk endpoints */
    hubtest_req(&t, "GET", "/api/v1/bundle", t.staff_token, NULL, 0, NULL, &r);
    assert_int_equal(r.status, 403);
    resp_release(&r);
    /* a second kiosk reads its own bundle only, never the first's */
    char b_token[65];
    hubtest_token(&t, false, "other-kiosk", b_token);
    hubtest_req(&t, "GET", "/api/v1/bundle", b_token, NULL, 0, NULL, &r);
    assert_int_equal(r.status, 404); /* no config for it yet */
    resp_release(&r);
    struct resp k;
    assert_int_equal(hubtest_admin(&t, "GET", "kiosks/caoyang-01", NULL, &k),
                     200);
    json_t *cfg = json_object_get(k.json, "config");
    json_object_del(cfg, "staff_pin_set");
    json_object_del(cfg, "kiosk_id");
    json_object_set_new(cfg, "staff_pin", json_string("13579"));
    json_object_set_new(json_object_get(json_object_get(cfg, "center"), "name"),
                        "zh", json_string("另一个中心"));
    json_t *body = json_pack("{s:s, s:O}", "id", "other-kiosk", "config", cfg);
    char *text = json_dumps(body, JSON_COMPACT);
    assert_int_equal(hubtest_admin(&t, "POST", "kiosks", text, &r), 201);
    resp_release(&r);
    hubtest_req(&t, "GET", "/api/v1/bundle", b_token, NULL, 0, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(r.json, "config"), "kiosk_id")),
                        "other-kiosk");
    assert_non_null(strstr(r.body, "另一个中心"));
    resp_release(&r);
    /* its heartbeat may not speak for the first */
    hubtest_req(&t, "POST", "/api/v1/heartbeat", b_token,
                "{\"kiosk_id\":\"caoyang-01\"}", 25, NULL, &r);
    assert_int_equal(r.status, 403);
    resp_release(&r);
    free(text);
    json_decref(body);
    resp_release(&k);
    hubtest_stop(&t);
}

static void test_heartbeat_and_offline_alarm(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    struct resp r, k;
    char hb[512];
    snprintf(hb, sizeof hb,
             "{\"kiosk_id\":\"%s\",\"version\":\"0.1.0\",\"uptime_s\":3600,"
             "\"outbox_depth\":3,\"data_age_s\":120,\"clock_skew_s\":-2,"
             "\"errors\":[\"bundle: truncated gzip data\"]}",
             t.kiosk);
    hubtest_req(&t, "POST", "/api/v1/heartbeat", t.kiosk_token, hb, strlen(hb),
                NULL, &r);
    assert_int_equal(r.status, 200);
    assert_true(json_is_true(json_object_get(r.json, "ok")));
    resp_release(&r);
    hubtest_req(&t, "POST", "/api/v1/heartbeat", t.kiosk_token,
                "{\"kiosk_id\":\"caoyang-01\",\"uptime_s\":\"x\"}", 40, NULL,
                &r);
    assert_int_equal(r.status, 400);
    resp_release(&r);

    assert_int_equal(hubtest_admin(&t, "GET", "kiosks/caoyang-01", NULL, &k),
                     200);
    json_t *st = json_object_get(k.json, "status");
    assert_int_equal(json_integer_value(json_object_get(st, "outbox_depth")),
                     3);
    assert_int_equal(json_integer_value(json_object_get(st, "clock_skew_s")),
                     -2);
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(st, "errors"), 0)),
        "bundle: truncated gzip data");
    assert_true(json_is_false(json_object_get(st, "offline")));
    resp_release(&k);
    /* three sync intervals (300 s) later and a bit: the alarm */
    t.now_ms += 901 * 1000;
    assert_int_equal(hubtest_admin(&t, "GET", "kiosks", NULL, &k), 200);
    st = json_object_get(json_array_get(json_object_get(k.json, "items"), 0),
                         "status");
    assert_true(json_is_true(json_object_get(st, "offline")));
    assert_string_equal(json_string_value(json_object_get(st, "alarm")),
                        "offline");
    resp_release(&k);
    hubtest_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundle_etag_304_gzip),
        cmocka_unit_test(test_events_idempotent),
        cmocka_unit_test(test_events_bad_batch_stores_nothing),
        cmocka_unit_test(test_malformed_and_oversized),
        cmocka_unit_test(test_roles),
        cmocka_unit_test(test_heartbeat_and_offline_alarm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
