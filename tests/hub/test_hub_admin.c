/*
 * test_hub_admin.c - the admin API (docs/protocol.md, "Admin API"):
 * create, read, update, delete of the directory, validation by
 * bundle_parse with paths, 404 and 409, kiosk configs (merge, PIN hash,
 * an invalid config refused with nothing changed), the 好差评 summary.
 */
#include "hubtest.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *message(struct resp *r)
{
    return json_string_value(json_object_get(r->json, "message"));
}

static void expect(struct hubtest *t, const char *method, const char *path,
                   const char *body, long status, const char *msg_part)
{
    struct resp r;
    long got = hubtest_admin(t, method, path, body, &r);
    if (got != status)
        fail_msg("%s %s: %ld, expected %ld (%s)", method, path, got, status,
                 r.body);
    if (msg_part && !strstr(message(&r) ? message(&r) : "", msg_part))
        fail_msg("%s %s: message \"%s\" lacks \"%s\"", method, path,
                 message(&r), msg_part);
    resp_release(&r);
}

static void test_directory_crud(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    int services = hubtest_sql(&t, "SELECT count(*) FROM services");
    expect(&t, "POST", "categories",
           "{\"id\":\"fixes\",\"name\":{\"zh\":\"维修\"},\"icon\":\"build\"}",
           201, NULL);
    const char *svc =
        "{\"id\":\"fix-1\",\"category\":\"fixes\",\"name\":{\"zh\":"
        "\"小家电维修\"},\"address\":{\"zh\":\"兰溪路1号\"},\"lat\":31.24,"
        "\"lon\":121.41,\"hours\":[{\"days\":[1,2,3],\"open\":\"09:00\","
        "\"close\":\"17:00\"}]}";
    expect(&t, "POST", "services", svc, 201, NULL);
    expect(&t, "POST", "services", svc, 409, "exists");
    /* invalid: the path names the problem, nothing is stored */
    expect(&t, "POST", "services",
           "{\"id\":\"fix-2\",\"category\":\"fixes\",\"name\":{\"zh\":\"x\"},"
           "\"address\":{\"zh\":\"y\"},\"lat\":31.24,\"lon\":121.41,"
           "\"hours\":[{\"days\":[1],\"open\":\"9am\",\"close\":\"17:00\"}]}",
           400, "service.hours[0].open");
    expect(&t, "POST", "services",
           "{\"id\":\"fix-3\",\"category\":\"helth\",\"name\":{\"zh\":\"x\"},"
           "\"address\":{\"zh\":\"y\"},\"lat\":31.24,\"lon\":121.41,"
           "\"hours\":[]}",
           400, "service.category");
    expect(&t, "POST", "services", "{\"id\": 5}", 400, NULL);
    expect(&t, "POST", "services", "not json", 400, "body");
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM services"),
                     services + 1);

    /* read, update in place (keeps its position), the bundle shows it */
    struct resp r;
    assert_int_equal(hubtest_admin(&t, "GET", "services/fix-1", NULL, &r), 200);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(r.json, "name"), "zh")),
                        "小家电维修");
    resp_release(&r);
    int pos = hubtest_sql(&t, "SELECT pos FROM services WHERE id='fix-1'");
    char *changed = strdup(svc);
    memcpy(strstr(changed, "小家电维修"), "大家电维修", strlen("大家电维修"));
    expect(&t, "PUT", "services/fix-1", changed, 200, NULL);
    assert_int_equal(hubtest_sql(&t, "SELECT pos FROM services WHERE"
                                     " id='fix-1'"),
                     pos);
    expect(&t, "PUT", "services/fix-9", changed, 400, "is not");
    free(changed);
    hubtest_req(&t, "GET", "/api/v1/bundle", t.kiosk_token, NULL, 0, NULL, &r);
    assert_non_null(strstr(r.body, "大家电维修"));
    resp_release(&r);

    /* unknown ids */
    expect(&t, "GET", "services/nope", NULL, 404, NULL);
    expect(&t, "PUT", "notices/nope",
           "{\"title\":{\"zh\":\"a\"},\"body\":{\"zh\":\"b\"},"
           "\"start\":\"2026-01-01T00:00:00+08:00\","
           "\"end\":\"2027-01-01T00:00:00+08:00\"}",
           404, NULL);
    expect(&t, "DELETE", "polls/nope", NULL, 404, NULL);
    expect(&t, "GET", "nothing", NULL, 404, NULL);

    /* an activity and a slot; a slot's rules; deletes in use */
    expect(&t, "POST", "activities",
           "{\"id\":\"fixit\",\"name\":{\"zh\":\"义务维修\"},\"org\":{\"zh\":"
           "\"志愿队\"},\"place\":{\"zh\":\"大厅\"},\"service\":\"fix-1\"}",
           201, NULL);
    expect(
        &t, "POST", "slots",
        "{\"id\":\"fixit-1\",\"activity\":\"fixit\",\"start\":"
        "\"2099-01-01T09:00:00+08:00\",\"end\":\"2099-01-01T08:00:00+08:00\","
        "\"capacity\":4}",
        400, "slot.");
    expect(
        &t, "POST", "slots",
        "{\"id\":\"fixit-1\",\"activity\":\"fixit\",\"start\":"
        "\"2099-01-01T09:00:00+08:00\",\"end\":\"2099-01-01T11:00:00+08:00\","
        "\"capacity\":4,\"quota\":1}",
        201, NULL);
    expect(
        &t, "POST", "slots",
        "{\"id\":\"fixit-2\",\"activity\":\"nope\",\"start\":"
        "\"2099-01-01T09:00:00+08:00\",\"end\":\"2099-01-01T11:00:00+08:00\","
        "\"capacity\":4}",
        400, "slot.activity");
    expect(&t, "DELETE", "categories/fixes", NULL, 409, "in use");
    expect(&t, "DELETE", "services/fix-1", NULL, 409, "in use");
    assert_int_equal(hubtest_admin(&t, "GET", "slots?activity=fixit", NULL, &r),
                     200);
    assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
    resp_release(&r);
    expect(&t, "DELETE", "activities/fixit", NULL, 200, NULL);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM slots WHERE"
                                     " activity='fixit'"),
                     0);
    expect(&t, "DELETE", "services/fix-1", NULL, 200, NULL);
    expect(&t, "DELETE", "categories/fixes", NULL, 200, NULL);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM services"),
                     services);

    /* polls: a question with one option is refused */
    expect(
        &t, "POST", "polls",
        "{\"id\":\"p9\",\"title\":{\"zh\":\"征询\"},\"start\":"
        "\"2026-01-01T00:00:00+08:00\",\"end\":\"2099-01-01T00:00:00+08:00\","
        "\"questions\":[{\"id\":\"q1\",\"text\":{\"zh\":\"?\"},"
        "\"options\":[{\"id\":\"o1\",\"text\":{\"zh\":\"是\"}}]}]}",
        400, "poll.questions[0].options");
    hubtest_stop(&t);
}

static void test_kiosk_config(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    struct resp r;
    assert_int_equal(hubtest_admin(&t, "GET", "kiosks/caoyang-01", NULL, &r),
                     200);
    json_t *cfg = json_object_get(r.json, "config");
    assert_null(json_object_get(cfg, "staff_pin_hash"));
    assert_true(json_is_true(json_object_get(cfg, "staff_pin_set")));
    resp_release(&r);
    assert_int_equal(hubtest_admin(&t, "GET", "kiosks/nope", NULL, &r), 404);
    resp_release(&r);

    /* invalid: 400 with the path; the stored config is untouched */
    {
        char sql[] = "SELECT length(config) FROM kiosks";
        int len = hubtest_sql(&t, sql);
        expect(&t, "PUT", "kiosks/caoyang-01", "{\"idle\":{\"elder_s\":5}}",
               400, "config.idle.elder_s");
        expect(&t, "PUT", "kiosks/caoyang-01", "{\"languages\":[\"fr\"]}", 400,
               "config.languages");
        expect(&t, "PUT", "kiosks/caoyang-01", "{\"staff_pin\":\"12\"}", 400,
               "config.staff_pin");
        expect(&t, "PUT", "kiosks/caoyang-01",
               "{\"staff_pin_hash\":\"$argon2id$x\"}", 400, "staff_pin");
        expect(&t, "PUT", "kiosks/caoyang-01", "{\"kiosk_id\":\"other\"}", 400,
               "kiosk_id");
        expect(&t, "PUT", "kiosks/nope", "{\"sync_interval_s\":60}", 404, NULL);
        assert_int_equal(hubtest_sql(&t, sql), len);
    }

    /* a merge: one number and the center's name; the PIN is hashed */
    struct resp b0;
    hubtest_req(&t, "GET", "/api/v1/bundle", t.kiosk_token, NULL, 0, NULL, &b0);
    expect(&t, "PUT", "kiosks/caoyang-01",
           "{\"idle\":{\"elder_s\":240},\"center\":{\"name\":{\"zh\":"
           "\"曹杨新村街道党群服务中心（新）\"}},\"staff_pin\":\"8642\"}",
           200, NULL);
    hubtest_req(&t, "GET", "/api/v1/bundle", t.kiosk_token, NULL, 0, NULL, &r);
    assert_string_not_equal(r.etag, b0.etag);
    json_t *c = json_object_get(r.json, "config");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(c, "idle"), "elder_s")),
                     240);
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(c, "idle"), "standard_s")),
                     90);
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_object_get(c, "center"), "name"), "zh")),
        "曹杨新村街道党群服务中心（新）");
    const char *hash = json_string_value(json_object_get(c, "staff_pin_hash"));
    assert_non_null(hash);
    assert_int_equal(strncmp(hash, "$argon2id$", 10), 0);
    resp_release(&r);
    resp_release(&b0);

    /* a second kiosk: needs a PIN; a duplicate is 409; delete revokes */
    expect(&t, "POST", "kiosks", "{\"id\":\"k2\",\"config\":{}}", 400,
           "config.");
    hubtest_admin(&t, "GET", "kiosks/caoyang-01", NULL, &r);
    json_t *cfg2 = json_deep_copy(json_object_get(r.json, "config"));
    resp_release(&r);
    json_object_del(cfg2, "kiosk_id");
    json_object_set_new(cfg2, "staff_pin", json_string("2468"));
    json_t *body = json_pack("{s:s, s:o}", "id", "k2", "config", cfg2);
    char *text = json_dumps(body, JSON_COMPACT);
    expect(&t, "POST", "kiosks", text, 201, NULL);
    expect(&t, "POST", "kiosks", text, 409, NULL);
    char k2[65];
    hubtest_token(&t, false, "k2", k2);
    hubtest_req(&t, "GET", "/api/v1/bundle", k2, NULL, 0, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_release(&r);
    expect(&t, "DELETE", "kiosks/k2", NULL, 200, NULL);
    hubtest_req(&t, "GET", "/api/v1/bundle", k2, NULL, 0, NULL, &r);
    assert_int_equal(r.status, 401);
    resp_release(&r);
    free(text);
    json_decref(body);
    hubtest_stop(&t);
}

static void rate(struct hubtest *t, int n, const char *target_kind,
                 const char *target, int level, const char *reason)
{
    char ev[512];
    snprintf(ev, sizeof ev,
             "{\"events\":[{\"uuid\":\"00000000-0000-4000-8000-%012d\","
             "\"type\":\"rating\",\"kiosk_id\":\"%s\",\"target_kind\":\"%s\","
             "\"target_id\":\"%s\",\"level\":%d,\"reasons\":[%s%s%s],"
             "\"created_at\":\"2026-11-23T10:00:00+08:00\"}]}",
             n, t->kiosk, target_kind, target, level, reason ? "\"" : "",
             reason ? reason : "", reason ? "\"" : "");
    struct resp r;
    hubtest_req(t, "POST", "/api/v1/events", t->kiosk_token, ev, strlen(ev),
                NULL, &r);
    assert_int_equal(r.status, 200);
    resp_release(&r);
}

static void test_ratings_summary(void **state)
{
    struct hubtest t;
    hubtest_start(&t, 0);
    struct resp r;
    assert_int_equal(hubtest_admin(&t, "GET", "ratings", NULL, &r), 200);
    assert_true(json_is_null(json_object_get(r.json, "satisfaction_rate")));
    resp_release(&r);
    /* 10 ratings: 5,5,5,4,4,3,3 satisfied; 2,1,1 差评 */
    int levels[] = {5, 5, 5, 4, 4, 3, 3, 2, 1, 1};
    for (int i = 0; i < 10; i++)
        rate(&t, i + 1, "center", t.kiosk, levels[i],
             levels[i] <= 2 ? (i == 7 ? "attitude" : "long_wait") : NULL);
    assert_int_equal(hubtest_admin(&t, "GET", "ratings", NULL, &r), 200);
    assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 10);
    assert_int_equal(json_integer_value(json_object_get(r.json, "bad")), 3);
    assert_true(
        json_real_value(json_object_get(r.json, "satisfaction_rate")) > 0.699 &&
        json_real_value(json_object_get(r.json, "satisfaction_rate")) < 0.701);
    json_t *reasons = json_object_get(r.json, "bad_reasons");
    assert_int_equal(json_integer_value(json_object_get(reasons, "long_wait")),
                     2);
    assert_int_equal(json_integer_value(json_object_get(reasons, "attitude")),
                     1);
    json_t *target = json_array_get(json_object_get(r.json, "targets"), 0);
    assert_string_equal(json_string_value(json_object_get(target, "target_id")),
                        t.kiosk);
    assert_non_null(json_string_value(json_object_get(target, "name")));
    assert_int_equal(json_array_size(json_object_get(r.json, "recent_bad")), 3);
    resp_release(&r);
    /* a window with nothing in it */
    assert_int_equal(hubtest_admin(&t, "GET",
                                   "ratings?since=2027-01-01T00:00:00Z", NULL,
                                   &r),
                     200);
    assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 0);
    resp_release(&r);
    expect(&t, "GET", "ratings?since=yesterday", NULL, 400, "since");
    hubtest_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_directory_crud),
        cmocka_unit_test(test_kiosk_config),
        cmocka_unit_test(test_ratings_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
