/*
 * test_hub_quota.c - offline quotas as escrow (docs/protocol.md, "Slots and
 * the offline quota"): leases granted on fetch and renewed once a period,
 * booked + held <= capacity, lapsed leases free their seats, a late
 * offline confirmation is honoured and flagged; and 200 clients racing for
 * one slot over real HTTP confirm exactly its capacity, quotas included.
 */
#include "hubtest.h"
#include "testutil.h"

#include "bundle.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2026-11-23 02:00 UTC (10:00 in Shanghai): lease periods start at 00:00,
 * 06:00, 12:00 and 18:00 UTC. */
#define T0_MS (1795399200LL * 1000)

static void admin_ok(struct hubtest *t, const char *method, const char *path,
                     const char *body, long want)
{
    struct resp r;
    long got = hubtest_admin(t, method, path, body, &r);
    if (got != want)
        fail_msg("%s %s: %ld %s", method, path, got, r.body);
    resp_release(&r);
}

/* Removes the demo's activities, whose slots end as the test's clock
 * moves (a change to every bundle). */
static void clear_activities(struct hubtest *t)
{
    struct resp r;
    assert_int_equal(hubtest_admin(t, "GET", "activities", NULL, &r), 200);
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(r.json, "items"), i, a)
    {
        char path[128];
        snprintf(path, sizeof path, "activities/%s",
                 json_string_value(json_object_get(a, "id")));
        admin_ok(t, "DELETE", path, NULL, 200);
    }
    resp_release(&r);
}

/* A kiosk with the demo kiosk's config, and its token. */
static void add_kiosk(struct hubtest *t, const char *id, char token[65])
{
    struct resp r;
    hubtest_admin(t, "GET", "kiosks/caoyang-01", NULL, &r);
    json_t *cfg = json_deep_copy(json_object_get(r.json, "config"));
    resp_release(&r);
    json_object_del(cfg, "kiosk_id");
    json_object_set_new(cfg, "staff_pin", json_string("2468"));
    json_t *body = json_pack("{s:s, s:o}", "id", id, "config", cfg);
    char *text = json_dumps(body, JSON_COMPACT);
    admin_ok(t, "POST", "kiosks", text, 201);
    free(text);
    json_decref(body);
    hubtest_token(t, false, id, token);
}

/* A slot starting two days after T0, 2 hours long. */
static void add_slot(struct hubtest *t, const char *id, int capacity, int quota)
{
    struct resp r;
    if (hubtest_admin(t, "GET", "activities/race", NULL, &r) == 404)
        admin_ok(t, "POST", "activities",
                 "{\"id\":\"race\",\"name\":{\"zh\":\"助老\"},\"org\":{\"zh\":"
                 "\"站\"},\"place\":{\"zh\":\"厅\"}}",
                 201);
    resp_release(&r);
    char body[512];
    snprintf(body, sizeof body,
             "{\"id\":\"%s\",\"activity\":\"race\",\"start\":"
             "\"2026-11-25T10:00:00+08:00\",\"end\":"
             "\"2026-11-25T12:00:00+08:00\",\"capacity\":%d,\"quota\":%d}",
             id, capacity, quota);
    admin_ok(t, "POST", "slots", body, 201);
}

struct seen {
    int quota, booked;
    char until[40];
    char etag[80];
    long status;
};

/* Fetches the bundle with token; the slot's numbers as that kiosk sees
 * them. The bundle must pass bundle_parse. */
static struct seen fetch(struct hubtest *t, const char *token, const char *slot,
                         const char *etag)
{
    struct seen s = {0};
    struct resp r;
    char inm[128];
    const char *h[] = {inm, NULL};
    snprintf(inm, sizeof inm, "If-None-Match: %s", etag ? etag : "\"x\"");
    hubtest_req(t, "GET", "/api/v1/bundle", token, NULL, 0, h, &r);
    s.status = r.status;
    snprintf(s.etag, sizeof s.etag, "%s", r.etag);
    if (r.status == 200) {
        struct bundle *b;
        char err[256];
        if (bundle_parse(r.body, r.len, &b, err, sizeof err))
            fail_msg("bundle: %s", err);
        bundle_free(b);
        size_t i, k;
        json_t *a, *sl;
        json_array_foreach(json_object_get(r.json, "activities"), i, a)
            json_array_foreach(json_object_get(a, "slots"), k, sl)
        {
            if (strcmp(json_string_value(json_object_get(sl, "id")), slot))
                continue;
            s.quota = (int)json_integer_value(json_object_get(sl, "quota"));
            s.booked = (int)json_integer_value(json_object_get(sl, "booked"));
            const char *u =
                json_string_value(json_object_get(sl, "quota_until"));
            snprintf(s.until, sizeof s.until, "%s", u ? u : "");
        }
    }
    resp_release(&r);
    return s;
}

static char *booking(int n, const char *kiosk, const char *slot,
                     const char *status)
{
    char *s = malloc(1024);
    snprintf(s, 1024,
             "{\"events\":[{\"uuid\":\"00000000-0000-4000-8000-%012d\","
             "\"type\":\"booking\",\"kiosk_id\":\"%s\",\"slot\":\"%s\","
             "\"activity\":\"race\",\"phone\":\"1380000%04d\",\"code\":"
             "\"C%05d\",\"status\":\"%s\",\"created_at\":"
             "\"2026-11-23T10:00:00+08:00\"}]}",
             n, kiosk, slot, n, n, status);
    return s;
}

/* Posts one booking; "confirmed", "full", ... from the result. */
static void book(struct hubtest *t, const char *token, int n, const char *kiosk,
                 const char *slot, const char *status, const char *want)
{
    char *ev = booking(n, kiosk, slot, status);
    struct resp r;
    hubtest_req(t, "POST", "/api/v1/events", token, ev, strlen(ev), NULL, &r);
    assert_int_equal(r.status, 200);
    json_t *res = json_object_get(
        json_array_get(json_object_get(r.json, "results"), 0), "result");
    const char *got = json_string_value(json_object_get(res, "booking"));
    if (!got)
        got = json_string_value(json_object_get(res, "reason"));
    if (strcmp(got, "rejected") == 0)
        got = json_string_value(json_object_get(res, "reason"));
    if (strcmp(got, want) != 0)
        fail_msg("booking %d: %s, expected %s", n, r.body, want);
    resp_release(&r);
    free(ev);
}

static int held(struct hubtest *t, const char *slot)
{
    char sql[200];
    /* active leases: until + the 10 minutes' grace not yet passed */
    snprintf(sql, sizeof sql,
             "SELECT coalesce(sum(held), 0) FROM leases WHERE slot = '%s'"
             " AND until_s + 600 > %lld",
             slot, (long long)(t->now_ms / 1000));
    return hubtest_sql(t, sql);
}

static int booked(struct hubtest *t, const char *slot)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT booked FROM slots WHERE id = '%s'", slot);
    return hubtest_sql(t, sql);
}

static void test_leases(void **state)
{
    struct hubtest t;
    hubtest_start(&t, T0_MS);
    char kb[65], kc[65], kd[65];
    add_kiosk(&t, "kb", kb);
    add_kiosk(&t, "kc", kc);
    hubtest_token(&t, false, "kd", kd); /* never fetches: no lease */
    clear_activities(&t);
    add_slot(&t, "q1", 5, 2);

    /* each fetch holds up to the quota from what is left */
    struct seen a = fetch(&t, t.kiosk_token, "q1", NULL);
    assert_int_equal(a.quota, 2);
    assert_string_equal(a.until, "2026-11-23T20:00:00+08:00");
    assert_int_equal(fetch(&t, kb, "q1", NULL).quota, 2);
    assert_int_equal(fetch(&t, kc, "q1", NULL).quota, 1);
    assert_int_equal(held(&t, "q1"), 5);
    /* nothing free: a pending booking from elsewhere is full */
    book(&t, kd, 1, "kd", "q1", "pending", "full");

    /* within the period the lease and the ETag stay put */
    t.now_ms += 3 * 3600 * 1000; /* 05:00 UTC */
    struct seen a2 = fetch(&t, t.kiosk_token, "q1", a.etag);
    assert_int_equal(a2.status, 304);
    /* the next period renews it: a new quota_until, a new ETag */
    t.now_ms += 2 * 3600 * 1000; /* 07:00 UTC */
    a2 = fetch(&t, t.kiosk_token, "q1", a.etag);
    assert_int_equal(a2.status, 200);
    assert_string_equal(a2.until, "2026-11-24T02:00:00+08:00");
    assert_int_equal(a2.quota, 2);

    /* an offline confirmation turns a held seat into a booked one */
    book(&t, t.kiosk_token, 2, t.kiosk, "q1", "confirmed", "confirmed");
    assert_int_equal(booked(&t, "q1"), 1);
    assert_int_equal(held(&t, "q1"), 4);
    struct resp s;
    assert_int_equal(hubtest_admin(&t, "GET", "slots/q1", NULL, &s), 200);
    assert_int_equal(json_integer_value(json_object_get(s.json, "free")), 0);
    resp_release(&s);

    /* kb and kc never came back: after quota_until + 10 min their seats
     * are free again; kiosk A's renewed lease still holds its one */
    t.now_ms = T0_MS + (10 * 3600 + 11 * 60) * 1000LL; /* 12:11 UTC */
    assert_int_equal(hubtest_admin(&t, "GET", "slots/q1", NULL, &s), 200);
    assert_int_equal(json_integer_value(json_object_get(s.json, "held")), 1);
    assert_int_equal(json_integer_value(json_object_get(s.json, "free")), 3);
    resp_release(&s);
    book(&t, kd, 3, "kd", "q1", "pending", "confirmed");
    book(&t, kd, 4, "kd", "q1", "pending", "confirmed");
    book(&t, kd, 5, "kd", "q1", "pending", "confirmed");
    book(&t, kd, 6, "kd", "q1", "pending", "full");
    book(&t, kd, 3, "kd", "q1", "pending", "confirmed"); /* a replay */
    assert_int_equal(booked(&t, "q1") + held(&t, "q1"), 5);

    /* kc confirmed offline before its lease ended, but the event came
     * late: honoured, past capacity, flagged for staff */
    book(&t, kc, 7, "kc", "q1", "confirmed", "confirmed");
    assert_int_equal(booked(&t, "q1"), 5);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM bookings WHERE"
                                     " over_capacity = 1"),
                     1);
    /* the bundle still passes bundle_parse: booked capped, no quota */
    struct seen a3 = fetch(&t, t.kiosk_token, "q1", NULL);
    assert_int_equal(a3.booked, 5);
    assert_int_equal(a3.quota, 0);
    /* a slot that has started gives no quota */
    t.now_ms = 1795572000LL * 1000 + 60000; /* 2026-11-25 10:01 +08 */
    assert_int_equal(fetch(&t, kb, "q1", NULL).quota, 0);
    hubtest_stop(&t);
}

struct call {
    char *body;
    char reply[512];
    size_t len;
    struct curl_slist *headers;
};

static size_t on_reply(char *p, size_t size, size_t n, void *ctx)
{
    struct call *c = ctx;
    size_t take = size * n;
    if (c->len + take >= sizeof c->reply)
        take = sizeof c->reply - 1 - c->len;
    memcpy(c->reply + c->len, p, take);
    c->len += take;
    c->reply[c->len] = '\0';
    return size * n;
}

#define RACERS 200

static void test_200_clients_race_for_one_slot(void **state)
{
    struct hubtest t;
    hubtest_start(&t, T0_MS);
    char kb[65], kc[65];
    add_kiosk(&t, "kb", kb);
    hubtest_token(&t, false, "kc", kc);
    add_slot(&t, "hot", 20, 3);
    /* two kiosks hold 3 seats each for offline confirmations */
    assert_int_equal(fetch(&t, t.kiosk_token, "hot", NULL).quota, 3);
    assert_int_equal(fetch(&t, kb, "hot", NULL).quota, 3);

    /* all at once: 3 + 3 offline confirmations and 194 pending */
    static struct call calls[RACERS];
    CURLM *m = curl_multi_init();
    curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, (long)RACERS);
    char url[128];
    snprintf(url, sizeof url, "%s/api/v1/events", t.url);
    for (int i = 0; i < RACERS; i++) {
        const char *kid = i < 3 ? t.kiosk : i < 6 ? "kb" : "kc";
        const char *tok = i < 3 ? t.kiosk_token : i < 6 ? kb : kc;
        struct call *c = &calls[i];
        memset(c, 0, sizeof *c);
        c->body =
            booking(1000 + i, kid, "hot", i < 6 ? "confirmed" : "pending");
        char auth[128];
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", tok);
        c->headers = curl_slist_append(NULL, auth);
        c->headers =
            curl_slist_append(c->headers, "Content-Type: application/json");
        CURL *e = curl_easy_init();
        curl_easy_setopt(e, CURLOPT_URL, url);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, c->body);
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, c->headers);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_reply);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, c);
        curl_easy_setopt(e, CURLOPT_PRIVATE, c);
        curl_easy_setopt(e, CURLOPT_TIMEOUT, 90L);
        curl_multi_add_handle(m, e);
    }
    int running = 1;
    for (int rounds = 0; running && rounds < 100000; rounds++) {
        curl_multi_perform(m, &running);
        if (running)
            curl_multi_poll(m, NULL, 0, 1000, NULL);
    }
    assert_int_equal(running, 0);
    int confirmed = 0, full = 0, done = 0;
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(m, &left))) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        long status = 0;
        struct call *c;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&c);
        if (msg->data.result != CURLE_OK || status != 200)
            fail_msg("racer: curl %d, status %ld: %s", msg->data.result, status,
                     c->reply);
        done++;
        confirmed += strstr(c->reply, "\"booking\":\"confirmed\"") != NULL;
        full += strstr(c->reply, "\"reason\":\"full\"") != NULL;
        curl_multi_remove_handle(m, msg->easy_handle);
        curl_easy_cleanup(msg->easy_handle);
    }
    curl_multi_cleanup(m);
    for (int i = 0; i < RACERS; i++) {
        free(calls[i].body);
        curl_slist_free_all(calls[i].headers);
    }
    assert_int_equal(done, RACERS);
    assert_int_equal(confirmed, 20);
    assert_int_equal(full, RACERS - 20);
    assert_int_equal(booked(&t, "hot"), 20);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM bookings WHERE"
                                     " slot = 'hot'"),
                     20);
    assert_int_equal(hubtest_sql(&t, "SELECT count(*) FROM bookings WHERE"
                                     " over_capacity = 1"),
                     0);
    assert_int_equal(held(&t, "hot"), 0);
    hubtest_stop(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_leases),
        cmocka_unit_test(test_200_clients_race_for_one_slot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
