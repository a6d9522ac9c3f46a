/*
 * test_sync.c - the sync state machine against a scripted fake
 * http_client: a first sync and a 304, every kind of bad answer (5xx, 429
 * with Retry-After, truncated gzip, invalid JSON, invalid UTF-8, wrong
 * types, a body over the cap, a hang) leaving the cache as it was with the
 * error in the status, backoff bounds, exactly-once acks over several
 * batches, the hub's booking decisions, and the clock offset.
 */
#include "testutil.h"

#include "bundle.h"
#include "clock.h"
#include "err.h"
#include "gz.h"
#include "http.h"
#include "outbox.h"
#include "store.h"
#include "sync.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define MON_10 test_sh_time(2026, 11, 23, 10, 0)

enum bundle_answer {
    ANS_OK,        /* 200 gzip, or 304 on a matching If-None-Match */
    ANS_STATUS,    /* fake->status with a JSON error body */
    ANS_TRUNCATED, /* gzip cut short */
    ANS_PLAIN,     /* fake->plain as it is, not compressed */
    ANS_TOO_BIG,   /* the client's cap: ERR_TOO_BIG */
    ANS_HANG,      /* never finishes */
    ANS_NET,       /* connection refused */
};

#define MAX_UUIDS 1024

struct fake {
    int64_t *now;          /* the test's clock, ms */
    int64_t hub_offset_ms; /* the hub's Date is now + this */
    enum bundle_answer answer;
    int status; /* for ANS_STATUS */
    const char *retry_after;
    char *bundle; /* the plain JSON served */
    char etag[64];
    const char *plain;     /* for ANS_PLAIN */
    int events_answer_max; /* results given per batch; -1: all */
    char refuse_uuid[37];  /* a batch holding this event gets a 400 */
    /* what was asked */
    char method[8], path[64], if_none_match[128];
    int n_get, n_events, n_heartbeat, max_batch;
    char uuids[MAX_UUIDS][37];
    int sends[MAX_UUIDS];
    int n_uuids;
    char heartbeat[2048];
    /* the request in flight */
    bool running, hang;
    int rc;
    struct http_response resp;
};

static void gz(const char *in, size_t n, struct buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(
        deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    unsigned char chunk[16384];
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    int zr;
    do {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        zr = deflate(&z, Z_FINISH);
        assert_int_equal(buf_append(out, chunk, sizeof chunk - z.avail_out), 0);
    } while (zr != Z_STREAM_END);
    deflateEnd(&z);
}

static void set_date(struct fake *f)
{
    time_t t = (time_t)((*f->now + f->hub_offset_ms) / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(f->resp.date, sizeof f->resp.date, "%a, %d %b %Y %H:%M:%S GMT",
             &tm);
}

static void json_body(struct fake *f, const char *text)
{
    assert_int_equal(buf_puts(&f->resp.body, text), 0);
}

static int count_uuid(struct fake *f, const char *uuid)
{
    for (int i = 0; i < f->n_uuids; i++)
        if (strcmp(f->uuids[i], uuid) == 0)
            return ++f->sends[i];
    assert_true(f->n_uuids < MAX_UUIDS);
    snprintf(f->uuids[f->n_uuids], 37, "%s", uuid);
    f->sends[f->n_uuids++] = 1;
    return 1;
}

/* POST /api/v1/events: results for the first events_answer_max, the
 * booking ones confirmed or (every third) rejected. */
static void serve_events(struct fake *f, const char *body)
{
    f->n_events++;
    json_t *j = json_loads(body, 0, NULL);
    json_t *events = json_object_get(j, "events");
    assert_true(json_is_array(events));
    int n = (int)json_array_size(events);
    assert_true(n >= 1 && n <= SYNC_BATCH_MAX);
    if (n > f->max_batch)
        f->max_batch = n;
    for (int i = 0; i < n; i++) {
        json_t *e = json_array_get(events, i);
        if (strcmp(json_string_value(json_object_get(e, "uuid")),
                   f->refuse_uuid) == 0) {
            /* protocol.md: a bad event refuses the batch, stores nothing */
            json_decref(j);
            json_body(f, "{\"error\": \"bad_request\", \"message\":"
                         " \"events[0].level: expected 1-5\"}");
            f->resp.status = 400;
            return;
        }
    }
    json_t *results = json_array();
    for (int i = 0; i < n; i++) {
        if (f->events_answer_max >= 0 && i >= f->events_answer_max)
            break;
        json_t *e = json_array_get(events, i);
        const char *uuid = json_string_value(json_object_get(e, "uuid"));
        int times = count_uuid(f, uuid);
        json_t *res = json_object();
        const char *type = json_string_value(json_object_get(e, "type"));
        if (strcmp(type, "booking") == 0)
            json_object_set_new(
                res, "booking",
                json_string(f->n_uuids % 3 ? "confirmed" : "rejected"));
        json_array_append_new(
            results,
            json_pack("{s:s, s:s, s:o}", "uuid", uuid, "status",
                      times > 1 ? "duplicate" : "accepted", "result", res));
    }
    json_decref(j);
    json_t *out = json_pack("{s:o}", "results", results);
    char *text = json_dumps(out, JSON_COMPACT);
    json_body(f, text);
    free(text);
    json_decref(out);
    f->resp.status = 200;
}

static void serve_bundle(struct fake *f)
{
    f->n_get++;
    switch (f->answer) {
    case ANS_OK:
        snprintf(f->resp.etag, sizeof f->resp.etag, "%s", f->etag);
        if (strcmp(f->if_none_match, f->etag) == 0) {
            f->resp.status = 304;
            return;
        }
        gz(f->bundle, strlen(f->bundle), &f->resp.body);
        snprintf(f->resp.content_encoding, HTTP_HEADER_MAX, "gzip");
        f->resp.status = 200;
        return;
    case ANS_STATUS:
        f->resp.status = f->status;
        if (f->retry_after)
            snprintf(f->resp.retry_after, HTTP_HEADER_MAX, "%s",
                     f->retry_after);
        json_body(f, "{\"error\": \"unavailable\", \"message\": \"busy\"}");
        return;
    case ANS_TRUNCATED: {
        struct buf whole;
        buf_init(&whole, BUNDLE_MAX_BYTES);
        gz(f->bundle, strlen(f->bundle), &whole);
        assert_int_equal(
            buf_append(&f->resp.body, whole.data, whole.len * 2 / 3), 0);
        buf_release(&whole);
        snprintf(f->resp.content_encoding, HTTP_HEADER_MAX, "gzip");
        snprintf(f->resp.etag, sizeof f->resp.etag, "\"cut\"");
        f->resp.status = 200;
        return;
    }
    case ANS_PLAIN:
        assert_int_equal(buf_append(&f->resp.body, f->plain, strlen(f->plain)),
                         0);
        snprintf(f->resp.etag, sizeof f->resp.etag, "\"plain\"");
        f->resp.status = 200;
        return;
    case ANS_TOO_BIG:
        f->rc = ERR_TOO_BIG;
        snprintf(f->resp.error, sizeof f->resp.error,
                 "response larger than 33554432 bytes");
        return;
    case ANS_HANG:
        f->hang = true;
        return;
    case ANS_NET:
        f->rc = ERR_NET;
        snprintf(f->resp.error, sizeof f->resp.error, "connection refused");
        return;
    }
}

static int fake_start(void *ctx, const struct http_request *req)
{
    struct fake *f = ctx;
    buf_release(&f->resp.body);
    memset(&f->resp, 0, sizeof f->resp);
    buf_init(&f->resp.body, req->max_body);
    f->rc = 0;
    f->hang = false;
    f->running = true;
    snprintf(f->method, sizeof f->method, "%s", req->method);
    const char *p = strstr(req->url, "/api/");
    snprintf(f->path, sizeof f->path, "%s", p ? p : req->url);
    bool auth = false, bundle = strcmp(f->path, "/api/v1/bundle") == 0;
    if (bundle)
        f->if_none_match[0] = '\0';
    for (const char *const *h = req->headers; *h; h++) {
        if (bundle && strncmp(*h, "If-None-Match: ", 15) == 0)
            snprintf(f->if_none_match, sizeof f->if_none_match, "%s", *h + 15);
        if (strcmp(*h, "Authorization: Bearer tok") == 0)
            auth = true;
    }
    assert_true(auth);
    set_date(f);
    if (bundle) {
        serve_bundle(f);
    } else if (strcmp(f->path, "/api/v1/events") == 0) {
        serve_events(f, req->body);
    } else {
        assert_string_equal(f->path, "/api/v1/heartbeat");
        f->n_heartbeat++;
        snprintf(f->heartbeat, sizeof f->heartbeat, "%.*s", (int)req->body_len,
                 req->body);
        json_body(f, "{\"ok\": true}");
        f->resp.status = 200;
    }
    return 0;
}

static int fake_step(void *ctx, const struct http_response **out)
{
    struct fake *f = ctx;
    *out = &f->resp;
    if (f->hang)
        return HTTP_PENDING;
    f->running = false;
    return f->rc;
}

static void fake_cancel(void *ctx)
{
    struct fake *f = ctx;
    f->running = f->hang = false;
}

static void fake_wait(void *ctx, int ms)
{
    (void)ctx;
    (void)ms;
}

/* ---- fixture --------------------------------------------------------------
 */

struct fx {
    char *dir, *path;
    struct store *st;
    int64_t now;
    struct clock_adjust clock;
    struct fake fake;
    struct sync *sync;
};

static char *read_bundle(void)
{
    return test_read_file(LINLI_TEST_DATA "/mini.json", NULL);
}

static int setup(void **state)
{
    struct fx *x = calloc(1, sizeof *x);
    x->dir = test_tmpdir();
    x->path = malloc(600);
    snprintf(x->path, 600, "%s/cache.sqlite", x->dir);
    assert_int_equal(store_open(x->path, &x->st, NULL, 0), 0);
    x->now = MON_10 * 1000;
    clock_adjust_init(&x->clock, clock_fixed(&x->now), (MON_10 - 86400) * 1000);
    x->fake.now = &x->now;
    x->fake.bundle = read_bundle();
    x->fake.events_answer_max = -1;
    snprintf(x->fake.etag, sizeof x->fake.etag, "\"v1\"");
    struct sync_config cfg = {.hub_url = "http://hub.test",
                              .kiosk_id = "test-kiosk",
                              .token = "tok",
                              .cache_path = x->path,
                              .version = "0.1.0",
                              .timeout_ms = 10000};
    struct http_client http = {fake_start, fake_step, fake_cancel, fake_wait,
                               &x->fake};
    x->sync = sync_new(&cfg, x->st, http, &x->clock, 42);
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    struct fx *x = *state;
    sync_free(x->sync);
    store_close(x->st);
    buf_release(&x->fake.resp.body);
    free(x->fake.bundle);
    test_rmtree(x->dir);
    free(x->dir);
    free(x->path);
    free(x);
    return 0;
}

/* Runs one round to its end ("sync now"); true if it succeeded. Bounded:
 * the worker gets up to 20 s of real time. */
static bool round_trip(struct fx *x)
{
    const struct sync_status *ss = sync_status(x->sync);
    sync_now(x->sync);
    sync_step(x->sync);
    for (int i = 0; i < 20000 && sync_busy(x->sync); i++) {
        if (x->fake.hang)
            x->now += 1000; /* time passes while the hub says nothing */
        else
            usleep(1000);
        sync_step(x->sync);
    }
    assert_false(sync_busy(x->sync));
    assert_true(ss->round_done);
    return ss->round_ok;
}

/* The cache's bundle as an export, for comparing before and after. */
static char *snapshot(struct fx *x)
{
    size_t len;
    int rc;
    char *s = store_export(x->st, &len, &rc);
    return s ? s : strdup("");
}

/* ---- tests ------------------------------------------------------------------
 */

static void test_first_sync_then_304(void **state)
{
    struct fx *x = *state;
    /* the first round waits 0-30 s after boot */
    int64_t wait = sync_next_deadline(x->sync) - x->now;
    assert_true(wait >= 0 && wait < SYNC_BOOT_DELAY_MS);
    assert_true(store_is_empty(x->st));

    assert_true(round_trip(x));
    const struct sync_status *ss = sync_status(x->sync);
    assert_int_equal(ss->applied, 1);
    assert_false(store_is_empty(x->st));
    struct sync_meta m;
    assert_int_equal(store_sync_get(x->st, &m), 0);
    assert_string_equal(m.etag, "\"v1\"");
    assert_int_equal(ss->state, SYNC_IDLE);
    assert_int_equal(ss->last_success_ms, x->now);
    assert_int_equal(x->fake.n_get, 1);
    assert_int_equal(x->fake.n_heartbeat, 1);
    assert_non_null(strstr(x->fake.heartbeat, "\"kiosk_id\":\"test-kiosk\""));
    assert_non_null(strstr(x->fake.heartbeat, "\"outbox_depth\":0"));

    /* the second round asks with the ETag: one 304, nothing applied */
    x->now += 60000;
    assert_true(round_trip(x));
    assert_string_equal(x->fake.if_none_match, "\"v1\"");
    assert_int_equal(x->fake.n_get, 2);
    assert_int_equal(ss->applied, 1);
    /* after a good round, the next one is an interval away (mini: 300 s
     * or its config's) */
    assert_true(sync_next_deadline(x->sync) > x->now);
}

struct bad {
    const char *name;
    enum bundle_answer answer;
    int status;
    const char *plain;
    const char *error; /* expected in last_error */
    enum sync_state state;
};

static void test_bad_answers_change_nothing(void **state)
{
    struct fx *x = *state;
    assert_true(round_trip(x));
    char *before = snapshot(x);
    const struct sync_status *ss = sync_status(x->sync);

    /* the bundle with a wrong type, and with invalid UTF-8 */
    char *wrong = strdup(x->fake.bundle);
    char *lat = strstr(wrong, "\"lat\":");
    assert_non_null(lat);
    memcpy(lat, "\"lat\":\"", 7);
    char *utf8 = strdup(x->fake.bundle);
    char *zh = strstr(utf8, "\"zh\": \"");
    if (!zh)
        zh = strstr(utf8, "\"zh\":\"");
    assert_non_null(zh);
    char *q = strchr(zh + 5, '"');
    q[1] = (char)0xff;

    const struct bad bad[] = {
        {"5xx", ANS_STATUS, 500, NULL, "HTTP 500", SYNC_BACKOFF},
        {"429", ANS_STATUS, 429, NULL, "HTTP 429", SYNC_BACKOFF},
        {"truncated gzip", ANS_TRUNCATED, 0, NULL, "truncated gzip",
         SYNC_BACKOFF},
        {"invalid JSON", ANS_PLAIN, 0, "{\"format\": 1, \"services\": [",
         "not valid JSON", SYNC_BACKOFF},
        {"invalid UTF-8", ANS_PLAIN, 0, utf8, "invalid bundle", SYNC_BACKOFF},
        {"wrong types", ANS_PLAIN, 0, wrong, "invalid bundle", SYNC_BACKOFF},
        {"JSON not an object", ANS_PLAIN, 0, "[1, 2, 3]", "invalid bundle",
         SYNC_BACKOFF},
        {"over the cap", ANS_TOO_BIG, 0, NULL, "larger than", SYNC_BACKOFF},
        {"hang", ANS_HANG, 0, NULL, "no answer within", SYNC_OFFLINE},
        {"refused", ANS_NET, 0, NULL, "connection refused", SYNC_OFFLINE},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        x->fake.answer = bad[i].answer;
        x->fake.status = bad[i].status;
        x->fake.plain = bad[i].plain;
        unsigned applied = ss->applied;
        assert_false(round_trip(x));
        if (!strstr(ss->last_error, bad[i].error))
            fail_msg("%s: last error '%s', expected '%s'", bad[i].name,
                     ss->last_error, bad[i].error);
        assert_int_equal(ss->state, bad[i].state);
        assert_int_equal(ss->applied, applied);
        char *after = snapshot(x);
        assert_string_equal(after, before);
        free(after);
        struct sync_meta m;
        assert_int_equal(store_sync_get(x->st, &m), 0);
        assert_string_equal(m.etag, "\"v1\"");
        assert_string_equal(m.last_error, ss->last_error);
    }
    /* a good round afterwards: the error is kept (for the staff screen)
     * but the kiosk is idle again, and the heartbeat carried the errors */
    x->fake.answer = ANS_OK;
    assert_true(round_trip(x));
    assert_int_equal(ss->state, SYNC_IDLE);
    assert_int_equal(ss->failures, 0);
    assert_non_null(strstr(x->fake.heartbeat, "connection refused"));
    free(before);
    free(wrong);
    free(utf8);
}

static void test_backoff(void **state)
{
    (void)state;
    /* full jitter: [0, min(cap, base * 2^n)) */
    assert_int_equal(sync_backoff_ms(0, 0.0, 0), 0);
    assert_true(sync_backoff_ms(0, 0.999999, 0) < SYNC_BASE_MS);
    assert_true(sync_backoff_ms(3, 0.999999, 0) < 8 * SYNC_BASE_MS);
    assert_true(sync_backoff_ms(3, 0.999999, 0) >= 7 * SYNC_BASE_MS);
    for (int n = 0; n < 100; n++)
        assert_true(sync_backoff_ms(n, 0.999999, 0) < SYNC_CAP_MS);
    assert_true(sync_backoff_ms(30, 0.999999, 0) > SYNC_CAP_MS - 1000);
    /* Retry-After is a floor */
    assert_int_equal(sync_backoff_ms(0, 0.0, 120000), 120000);
}

static void test_retry_after_floor(void **state)
{
    struct fx *x = *state;
    x->fake.answer = ANS_STATUS;
    x->fake.status = 503;
    x->fake.retry_after = "120";
    for (int i = 0; i < 5; i++) {
        assert_false(round_trip(x));
        int64_t wait = sync_next_deadline(x->sync) - x->now;
        assert_true(wait >= 120000);
        assert_true(wait <= SYNC_CAP_MS + 120000);
        assert_true(sync_status(x->sync)->next_try_ms - x->now >= 120000);
    }
    assert_int_equal(sync_status(x->sync)->failures, 5);
}

static void test_outbox_exactly_once(void **state)
{
    struct fx *x = *state;
    assert_true(round_trip(x));
    /* 250 ratings and some bookings wait for the hub */
    for (int i = 0; i < 250; i++) {
        char uuid[37];
        assert_int_equal(store_rate(x->st, "center", "test-kiosk", 4 + i % 2,
                                    NULL, 0, x->now, uuid),
                         0);
    }
    struct booking bk[2];
    const char *phones[] = {"13812345678", "13912345678"};
    for (int i = 0; i < 2; i++)
        assert_int_equal(
            store_book(x->st, "haircut-1", phones[i], x->now, &bk[i]), 0);
    int depth;
    assert_int_equal(outbox_depth(x->st, &depth), 0);
    assert_int_equal(depth, 252);

    /* the hub answers only 40 of each batch: the rest are retried */
    x->fake.events_answer_max = 40;
    assert_false(round_trip(x));
    assert_non_null(strstr(sync_status(x->sync)->last_error, "no result"));
    assert_int_equal(outbox_depth(x->st, &depth), 0);
    assert_int_equal(depth, 212);
    assert_int_equal(sync_status(x->sync)->outbox_depth, 212);

    /* then all of it: batches of at most 100, every event once */
    x->fake.events_answer_max = -1;
    assert_true(round_trip(x));
    assert_int_equal(outbox_depth(x->st, &depth), 0);
    assert_int_equal(depth, 0);
    assert_int_equal(x->fake.max_batch, SYNC_BATCH_MAX);
    assert_int_equal(x->fake.n_uuids, 252);
    for (int i = 0; i < x->fake.n_uuids; i++)
        assert_int_equal(x->fake.sends[i], 1);
    /* the hub's decisions are on the booking rows, phones purged */
    for (int i = 0; i < 2; i++) {
        struct booking b;
        assert_int_equal(store_booking_by_code(x->st, bk[i].code, &b), 0);
        assert_true(strcmp(b.hub_status, "confirmed") == 0 ||
                    strcmp(b.hub_status, "rejected") == 0);
    }
    assert_int_equal(test_sql_int(x->path, "SELECT count(*) FROM bookings"
                                           " WHERE phone IS NOT NULL"),
                     0);
}

static void test_lost_answer_is_a_duplicate(void **state)
{
    struct fx *x = *state;
    assert_true(round_trip(x));
    char uuid[37];
    assert_int_equal(
        store_rate(x->st, "center", "test-kiosk", 5, NULL, 0, x->now, uuid), 0);
    /* the hub stores the event but its answer is lost (no results) */
    x->fake.events_answer_max = 0;
    count_uuid(&x->fake, uuid); /* as if stored by that request */
    assert_false(round_trip(x));
    x->fake.events_answer_max = -1;
    assert_true(round_trip(x));
    int depth;
    assert_int_equal(outbox_depth(x->st, &depth), 0);
    assert_int_equal(depth, 0);
    assert_int_equal(x->fake.n_uuids, 1); /* one event, answered duplicate */
}

/* An event the hub refuses (400) is found by sending one at a time, kept
 * and set aside; the others are delivered; later it is tried again. */
static void test_refused_event_does_not_block(void **state)
{
    struct fx *x = *state;
    assert_true(round_trip(x));
    char uuid[5][37];
    for (int i = 0; i < 5; i++)
        assert_int_equal(store_rate(x->st, "center", "test-kiosk", 5, NULL, 0,
                                    x->now, uuid[i]),
                         0);
    snprintf(x->fake.refuse_uuid, 37, "%s", uuid[2]);
    round_trip(x);
    int depth;
    assert_int_equal(outbox_depth(x->st, &depth), 0);
    assert_int_equal(depth, 1); /* kept, not dropped */
    assert_int_equal(x->fake.n_uuids, 4);
    for (int i = 0; i < x->fake.n_uuids; i++) {
        assert_string_not_equal(x->fake.uuids[i], uuid[2]);
        assert_int_equal(x->fake.sends[i], 1);
    }
    assert_non_null(strstr(sync_status(x->sync)->last_error, "set aside"));
    assert_non_null(strstr(sync_status(x->sync)->last_error, "level"));
    /* a new event goes through at once; the refused one waits */
    char later[37];
    assert_int_equal(
        store_rate(x->st, "center", "test-kiosk", 4, NULL, 0, x->now, later),
        0);
    round_trip(x);
    assert_int_equal(x->fake.n_uuids, 5);
    assert_int_equal(outbox_depth(x->st, &depth), 0);
    assert_int_equal(depth, 1);
    /* its wait over and the hub fixed, it is delivered */
    x->now += SYNC_REFUSED_WAIT_MS + 1000;
    x->fake.refuse_uuid[0] = '\0';
    assert_true(round_trip(x));
    assert_int_equal(outbox_depth(x->st, &depth), 0);
    assert_int_equal(depth, 0);
    assert_int_equal(x->fake.n_uuids, 6);
}

static void test_clock_skew(void **state)
{
    struct fx *x = *state;
    /* the hub is two hours ahead of this kiosk's clock */
    x->fake.hub_offset_ms = 2 * 3600 * 1000;
    assert_true(round_trip(x));
    assert_true(x->clock.active);
    const struct sync_status *ss = sync_status(x->sync);
    assert_true(ss->clock_skew_s >= 7199 && ss->clock_skew_s <= 7201);
    struct clock c = clock_adjusted(&x->clock);
    int64_t d = clock_now_ms(&c) - x->now - 2 * 3600 * 1000;
    assert_true(d > -1000 && d < 1000);
    assert_non_null(strstr(x->fake.heartbeat, "\"clock_skew_s\":7"));
    /* the offset survives a restart */
    struct sync_meta m;
    assert_int_equal(store_sync_get(x->st, &m), 0);
    assert_true(m.clock_adjusted);

    /* a minute off is within tolerance: the system clock is kept */
    x->fake.hub_offset_ms = 60 * 1000;
    assert_true(round_trip(x));
    assert_false(x->clock.active);
    c = clock_adjusted(&x->clock);
    assert_int_equal(clock_now_ms(&c), x->now);

    /* a system clock before the build date is never trusted */
    struct clock_adjust ca;
    int64_t t = 1000;
    clock_adjust_init(&ca, clock_fixed(&t), MON_10 * 1000);
    clock_adjust_observe(&ca, 1000 + 1000, 1000);
    assert_true(ca.active);
}

static void test_http_helpers(void **state)
{
    (void)state;
    int64_t t;
    assert_true(http_parse_date("Sun, 06 Nov 1994 08:49:37 GMT", &t));
    assert_int_equal(t, 784111777);
    assert_false(http_parse_date("Sun, 06 Nov 1994 08:49:37", &t));
    assert_false(http_parse_date("yesterday", &t));
    assert_int_equal(http_retry_after_s("120", 0), 120);
    assert_int_equal(
        http_retry_after_s("Sun, 06 Nov 1994 08:50:37 GMT", 784111777), 60);
    assert_int_equal(http_retry_after_s("soon", 0), 0);

    /* gunzip: round trip, the cap, truncation, garbage */
    const char *text = "{\"hello\": \"邻里\"}";
    struct buf z, out;
    buf_init(&z, 1 << 20);
    gz(text, strlen(text), &z);
    char err[128];
    buf_init(&out, 1 << 20);
    assert_int_equal(gz_inflate(z.data, z.len, &out, err, sizeof err), 0);
    assert_string_equal(out.data, text);
    buf_release(&out);
    buf_init(&out, 4);
    assert_int_equal(gz_inflate(z.data, z.len, &out, err, sizeof err),
                     ERR_TOO_BIG);
    buf_release(&out);
    buf_init(&out, 1 << 20);
    assert_int_equal(gz_inflate(z.data, z.len - 5, &out, err, sizeof err),
                     ERR_PARSE);
    assert_non_null(strstr(err, "truncated"));
    buf_release(&out);
    buf_init(&out, 1 << 20);
    assert_int_equal(gz_inflate("not gzip at all", 15, &out, err, sizeof err),
                     ERR_PARSE);
    buf_release(&out);
    buf_release(&z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_first_sync_then_304, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_answers_change_nothing, setup,
                                        teardown),
        cmocka_unit_test(test_backoff),
        cmocka_unit_test_setup_teardown(test_retry_after_floor, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_outbox_exactly_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_refused_event_does_not_block,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_lost_answer_is_a_duplicate, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_clock_skew, setup, teardown),
        cmocka_unit_test(test_http_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
