/*
 * sync.c - the sync state machine (sync.h, docs/sync.md).
 *
 * One round is a sequence of phases, each one request:
 *
 *     WAIT -> DELIVER (repeat while events are due) -> FETCH
 *          -> [APPLY on the worker, if 200] -> HEARTBEAT -> WAIT
 *
 * Any failure ends the round: the error is kept, the phase goes back to
 * WAIT with a backoff delay. A phase's request has a deadline of its own
 * besides the client's timeouts, so a client that never finishes cannot
 * stall sync.
 */
#include "sync.h"

#include "civil_time.h"
#include "err.h"
#include "gz.h"
#include "outbox.h"
#include "xalloc.h"

#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/statvfs.h>

enum phase { PH_WAIT, PH_DELIVER, PH_FETCH, PH_APPLY, PH_HEARTBEAT };

/* The worker's job: everything it needs is its own. */
struct apply_job {
    pthread_t thread;
    atomic_bool done;
    char *body;
    size_t len;
    bool gzip;
    char etag[SYNC_ETAG_MAX + 1];
    char *cache_path;
    char *kiosk_id;
    int64_t applied_ms;
    int rc;
    char error[SYNC_ERROR_MAX];
};

struct sync {
    struct sync_config cfg; /* strings owned */
    struct store *st;
    struct http_client http;
    struct clock_adjust *clock;
    uint64_t rng;
    enum phase phase;
    bool in_flight;        /* a request was started this phase */
    int64_t deadline_mono; /* of the request in flight */
    int64_t next_mono;     /* PH_WAIT: when the next round starts */
    int64_t start_mono;    /* for uptime */
    int interval_s;
    struct sync_meta meta;
    struct sync_status status;
    /* the batch in flight */
    struct outbox_event *batch;
    int n_batch;
    bool one_by_one;       /* a batch was refused (400): find which event */
    struct apply_job *job;
    char errors[SYNC_ERRORS_MAX][SYNC_ERROR_MAX]; /* for the heartbeat */
    int n_errors;
    bool changed;
};

const char *sync_state_name(enum sync_state s)
{
    static const char *const names[] = {"idle",     "delivering", "fetching",
                                        "applying", "backoff",    "offline"};
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "idle";
}

/* ---- time and randomness ----------------------------------------------- */

static int64_t mono(const struct sync *s)
{
    return clock_mono_ms(&s->clock->base);
}

static int64_t wall(struct sync *s)
{
    struct clock c = clock_adjusted(s->clock);
    return clock_now_ms(&c);
}

/* splitmix64: a uniform draw in [0, 1). */
static double uniform(struct sync *s)
{
    uint64_t z = (s->rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0;
}

int64_t sync_backoff_ms(int n, double u, int64_t floor_ms)
{
    int64_t window = SYNC_CAP_MS;
    if (n < 20 && ((int64_t)SYNC_BASE_MS << n) < SYNC_CAP_MS)
        window = (int64_t)SYNC_BASE_MS << n;
    int64_t d = (int64_t)(u * (double)window);
    return d < floor_ms ? floor_ms : d;
}

/* ---- status ------------------------------------------------------------ */

static void set_state(struct sync *s, enum sync_state st)
{
    if (s->status.state != st) {
        s->status.state = st;
        s->changed = true;
    }
}

static void refresh_depth(struct sync *s)
{
    int n = 0;
    if (outbox_depth(s->st, &n) == 0 && n != s->status.outbox_depth) {
        s->status.outbox_depth = n;
        s->changed = true;
    }
}

static void save_meta(struct sync *s)
{
    s->meta.clock_offset_ms = s->clock->offset_ms;
    s->meta.clock_adjusted = s->clock->active;
    store_sync_put(s->st, &s->meta); /* best effort: it is all redone */
}

static void wait_until(struct sync *s, int64_t delay_ms, enum sync_state st)
{
    s->phase = PH_WAIT;
    s->in_flight = false;
    s->next_mono = mono(s) + delay_ms;
    s->status.next_try_ms = wall(s) + delay_ms;
    set_state(s, st);
    s->changed = true;
}

/* The round failed: keep why, back off. net says the hub was not reached;
 * retry_after_s is the hub's floor. */
static void fail(struct sync *s, bool net, int64_t retry_after_s,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Keeps the error for the staff screen and the next heartbeat. */
static void note_error(struct sync *s, const char *fmt, va_list ap)
{
    vsnprintf(s->status.last_error, sizeof s->status.last_error, fmt, ap);
    s->status.last_error_ms = wall(s);
    snprintf(s->meta.last_error, sizeof s->meta.last_error, "%s",
             s->status.last_error);
    s->meta.last_error_ms = s->status.last_error_ms;
    if (s->n_errors == SYNC_ERRORS_MAX) {
        memmove(s->errors[0], s->errors[1],
                sizeof s->errors[0] * (SYNC_ERRORS_MAX - 1));
        s->n_errors--;
    }
    snprintf(s->errors[s->n_errors++], SYNC_ERROR_MAX, "%s",
             s->status.last_error);
    save_meta(s);
}

static void fail(struct sync *s, bool net, int64_t retry_after_s,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    note_error(s, fmt, ap);
    va_end(ap);
    s->one_by_one = false;
    int64_t floor = retry_after_s > 0 ? retry_after_s * 1000 : 0;
    int64_t d = sync_backoff_ms(s->status.failures, uniform(s), floor);
    s->status.failures++;
    s->status.round_done = true;
    s->status.round_ok = false;
    free(s->batch);
    s->batch = NULL;
    s->n_batch = 0;
    s->http.cancel(s->http.ctx);
    refresh_depth(s);
    wait_until(s, d, net ? SYNC_OFFLINE : SYNC_BACKOFF);
}

static void succeed(struct sync *s)
{
    s->status.failures = 0;
    s->status.last_success_ms = wall(s);
    s->meta.last_sync_ms = s->status.last_success_ms;
    s->n_errors = 0; /* the heartbeat reported them */
    s->status.round_done = true;
    s->status.round_ok = true;
    save_meta(s);
    refresh_depth(s);
    wait_until(s, (int64_t)s->interval_s * 1000, SYNC_IDLE);
}

/* ---- requests ---------------------------------------------------------- */

static int start(struct sync *s, const char *method, const char *path,
                 const char *body, const char *etag, size_t max_body)
{
    char url[1024], auth[160], inm[SYNC_ETAG_MAX + 32];
    snprintf(url, sizeof url, "%s%s", s->cfg.hub_url, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", s->cfg.token);
    const char *headers[6];
    int n = 0;
    headers[n++] = auth;
    headers[n++] = "Accept: application/json";
    if (body)
        headers[n++] = "Content-Type: application/json";
    else
        headers[n++] = "Accept-Encoding: gzip";
    if (etag && *etag) {
        snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
        headers[n++] = inm;
    }
    headers[n] = NULL;
    struct http_request req = {
        .method = method,
        .url = url,
        .headers = headers,
        .body = body,
        .body_len = body ? strlen(body) : 0,
        .timeout_ms = s->cfg.timeout_ms,
        .max_body = max_body,
    };
    int rc = s->http.start(s->http.ctx, &req);
    if (rc) {
        fail(s, true, 0, "cannot start %s %s: %s", method, path, err_str(rc));
        return rc;
    }
    s->in_flight = true;
    /* the client's own timeouts should fire first; this is the backstop */
    s->deadline_mono = mono(s) + s->cfg.timeout_ms + 5000;
    return 0;
}

/* Steps the request in flight: 0 with *out (any status, its Date
 * observed), HTTP_PENDING, or -1 after failing the round. */
static int finish(struct sync *s, const char *what,
                  const struct http_response **out)
{
    int rc = s->http.step(s->http.ctx, out);
    if (rc == HTTP_PENDING) {
        if (mono(s) < s->deadline_mono)
            return HTTP_PENDING;
        fail(s, true, 0, "%s: no answer within %d s", what,
             s->cfg.timeout_ms / 1000);
        return -1;
    }
    s->in_flight = false;
    if (rc) {
        fail(s, rc == ERR_NET, 0, "%s: %s", what,
             (*out && (*out)->error[0]) ? (*out)->error : err_str(rc));
        return -1;
    }
    int64_t hub_s;
    if (http_parse_date((*out)->date, &hub_s)) {
        clock_adjust_observe(s->clock, hub_s * 1000 + 500,
                             clock_now_ms(&s->clock->base));
        s->status.clock_skew_s = s->clock->offset_ms / 1000;
    }
    return 0;
}

/* A status other than the expected one: the hub's message if it sent
 * one. */
static void fail_status(struct sync *s, const char *what,
                        const struct http_response *r)
{
    const char *msg = NULL;
    json_t *j =
        json_loadb(r->body.data ? r->body.data : "", r->body.len, 0, NULL);
    if (json_is_object(j))
        msg = json_string_value(json_object_get(j, "message"));
    int64_t ra = http_retry_after_s(r->retry_after, wall(s) / 1000);
    fail(s, false, r->status == 429 || r->status == 503 ? ra : 0,
         "%s: HTTP %d%s%.120s", what, r->status, msg ? ": " : "",
         msg ? msg : "");
    json_decref(j);
}

/* ---- deliver ------------------------------------------------------------ */

static void deliver_start(struct sync *s)
{
    s->phase = PH_DELIVER;
    set_state(s, SYNC_DELIVERING);
    free(s->batch);
    s->batch = xcalloc(SYNC_BATCH_MAX, sizeof *s->batch);
    /* Every waiting event is due (the round's backoff paces retries)
     * except one the hub refused as malformed, set aside for a while
     * (deliver_refused) so that it cannot hold up the rest. */
    if (outbox_peek(s->st, wall(s), s->batch,
                    s->one_by_one ? 1 : SYNC_BATCH_MAX, &s->n_batch)) {
        fail(s, false, 0, "outbox: %s", store_errmsg(s->st));
        return;
    }
    if (s->n_batch == 0) {
        free(s->batch);
        s->batch = NULL;
        s->one_by_one = false;
        s->phase = PH_FETCH;
        return;
    }
    struct buf body;
    buf_init(&body, (size_t)SYNC_BATCH_MAX * (OUTBOX_BODY_MAX + 2) + 64);
    int rc = buf_puts(&body, "{\"events\":[");
    for (int i = 0; !rc && i < s->n_batch; i++) {
        /* The event names the kiosk it was made on; one made before the
         * first sync (demo or file data) names the config of then, so
         * the kiosk's own id is set here, as the hub requires. */
        json_t *e = json_loads(s->batch[i].body, 0, NULL);
        char *text = NULL;
        if (json_is_object(e) &&
            !json_object_set_new(e, "kiosk_id", json_string(s->cfg.kiosk_id)))
            text = json_dumps(e, JSON_COMPACT);
        json_decref(e);
        rc = text ? buf_printf(&body, "%s%s", i ? "," : "", text) : ERR_PARSE;
        free(text);
    }
    if (!rc)
        rc = buf_puts(&body, "]}");
    if (rc)
        fail(s, false, 0, "outbox: %s", err_str(rc));
    else
        start(s, "POST", "/api/v1/events", body.data, NULL, 1u << 20);
    buf_release(&body);
}

/* Acks every event of the batch the hub gave a result for. Returns the
 * number of events left without one, or -1 if the answer is unusable. */
static int ack_results(struct sync *s, json_t *results, char *err,
                       size_t errlen)
{
    if (!json_is_array(results)) {
        snprintf(err, errlen, "results: expected an array");
        return -1;
    }
    struct outbox_ack *acks = xcalloc((size_t)s->n_batch, sizeof *acks);
    int n = 0;
    size_t i;
    json_t *r;
    json_array_foreach(results, i, r)
    {
        const char *uuid = json_string_value(json_object_get(r, "uuid"));
        const char *st = json_string_value(json_object_get(r, "status"));
        if (!uuid || !st ||
            (strcmp(st, "accepted") && strcmp(st, "duplicate") &&
             strcmp(st, "rejected")))
            continue; /* no result for it: retried */
        int k = 0;
        while (k < s->n_batch && strcmp(s->batch[k].uuid, uuid))
            k++;
        if (k == s->n_batch)
            continue; /* not ours in this batch */
        json_t *res = json_object_get(r, "result");
        const char *dec = json_string_value(json_object_get(res, "booking"));
        const char *why = json_string_value(json_object_get(res, "reason"));
        if (strcmp(s->batch[k].kind, "booking") == 0) {
            /* a rejected event is a rejected booking */
            if (!strcmp(st, "rejected"))
                dec = "rejected";
            if (dec && strcmp(dec, "confirmed") && strcmp(dec, "rejected"))
                dec = NULL;
        } else {
            dec = why = NULL;
        }
        acks[n++] = (struct outbox_ack){uuid, dec, why};
    }
    int left = s->n_batch - n;
    if (n && outbox_ack_batch(s->st, acks, n)) {
        snprintf(err, errlen, "cannot record the acks: %s",
                 store_errmsg(s->st));
        left = -1;
    }
    free(acks);
    return left;
}

static void error_now(struct sync *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void error_now(struct sync *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    note_error(s, fmt, ap);
    va_end(ap);
}

/*
 * The hub refused a batch as malformed (400: protocol.md stores nothing
 * of it). A batch is then resent one event at a time to find the culprit;
 * a single refused event is kept - nothing a resident entered is dropped -
 * but set aside for SYNC_REFUSED_WAIT_MS with the hub's reason, which the
 * staff screen and the heartbeat show, and the others go on.
 */
static void deliver_refused(struct sync *s, const struct http_response *r)
{
    json_t *j =
        json_loadb(r->body.data ? r->body.data : "", r->body.len, 0, NULL);
    const char *msg =
        json_is_object(j) ? json_string_value(json_object_get(j, "message"))
                          : NULL;
    char why[SYNC_ERROR_MAX];
    snprintf(why, sizeof why, "events: HTTP 400%s%.120s", msg ? ": " : "",
             msg ? msg : "");
    json_decref(j);
    if (s->n_batch == 1) {
        outbox_retry(s->st, s->batch[0].uuid, wall(s) + SYNC_REFUSED_WAIT_MS,
                     why);
        error_now(s, "%s (event %s set aside)", why, s->batch[0].uuid);
    } else {
        error_now(s, "%s", why);
    }
    s->one_by_one = true;
    deliver_start(s);
}

static void deliver_step(struct sync *s)
{
    const struct http_response *r = NULL;
    if (finish(s, "events", &r))
        return;
    if (r->status == 400) {
        deliver_refused(s, r);
        return;
    }
    if (r->status != 200) {
        fail_status(s, "events", r);
        return;
    }
    json_error_t je;
    json_t *j =
        json_loadb(r->body.data ? r->body.data : "", r->body.len, 0, &je);
    char err[160] = "";
    int left = -1;
    if (!j)
        snprintf(err, sizeof err, "not JSON: %.120s", je.text);
    else
        left = ack_results(s, json_object_get(j, "results"), err, sizeof err);
    json_decref(j);
    refresh_depth(s);
    if (left < 0) {
        fail(s, false, 0, "events: %s", err);
        return;
    }
    if (left > 0) {
        for (int i = 0; i < s->n_batch; i++)
            outbox_retry(s->st, s->batch[i].uuid, 0, "no result from hub");
        fail(s, false, 0, "events: the hub gave no result for %d", left);
        return;
    }
    deliver_start(s); /* the next batch, or on to the bundle */
}

/* ---- fetch and apply ----------------------------------------------------- */

static void *apply_main(void *arg)
{
    struct apply_job *job = arg;
    char err[SYNC_ERROR_MAX] = "";
    struct buf plain;
    buf_init(&plain, BUNDLE_MAX_BYTES);
    const char *json = job->body;
    size_t len = job->len;
    int rc = 0;
    if (job->gzip) {
        rc = gz_inflate(job->body, job->len, &plain, err, sizeof err);
        json = plain.data ? plain.data : "";
        len = plain.len;
        if (rc == ERR_NOMEM)
            snprintf(err, sizeof err, "out of memory inflating");
    }
    struct bundle *b = NULL;
    char perr[SYNC_ERROR_MAX - 32] = "";
    if (!rc && (rc = bundle_parse(json, len, &b, perr, sizeof perr)))
        snprintf(err, sizeof err, "invalid bundle: %s", perr);
    free(job->body);
    job->body = NULL;
    buf_release(&plain);
    if (!rc && strcmp(b->config.kiosk_id, job->kiosk_id) != 0) {
        snprintf(err, sizeof err, "the bundle is for kiosk %.64s",
                 b->config.kiosk_id);
        rc = ERR_INVALID;
    }
    struct store *st = NULL;
    if (!rc && (rc = store_open(job->cache_path, &st, perr, sizeof perr)))
        snprintf(err, sizeof err, "cannot open the cache: %s", perr);
    if (!rc && (rc = store_apply_synced(st, b, job->applied_ms, job->etag)))
        snprintf(err, sizeof err, "cannot store the bundle: %s",
                 store_errmsg(st));
    store_close(st);
    bundle_free(b);
    job->rc = rc;
    snprintf(job->error, sizeof job->error, "%s", err);
    atomic_store(&job->done, true);
    return NULL;
}

static void fetch_step(struct sync *s)
{
    if (!s->in_flight) {
        set_state(s, SYNC_FETCHING);
        start(s, "GET", "/api/v1/bundle", NULL, s->meta.etag, BUNDLE_MAX_BYTES);
        return;
    }
    const struct http_response *r = NULL;
    if (finish(s, "bundle", &r))
        return;
    if (r->status == 304) {
        s->phase = PH_HEARTBEAT;
        return;
    }
    if (r->status != 200) {
        fail_status(s, "bundle", r);
        return;
    }
    const char *enc = r->content_encoding;
    bool gzip = strcmp(enc, "gzip") == 0 || strcmp(enc, "x-gzip") == 0;
    if (*enc && !gzip && strcmp(enc, "identity") != 0) {
        fail(s, false, 0, "bundle: unknown Content-Encoding %.40s", enc);
        return;
    }
    if (strlen(r->etag) > SYNC_ETAG_MAX) {
        fail(s, false, 0, "bundle: ETag longer than %d bytes", SYNC_ETAG_MAX);
        return;
    }
    struct apply_job *job = xcalloc(1, sizeof *job);
    job->body = malloc(r->body.len + 1);
    if (!job->body) {
        free(job);
        fail(s, false, 0, "bundle: out of memory");
        return;
    }
    memcpy(job->body, r->body.data ? r->body.data : "", r->body.len);
    job->len = r->body.len;
    job->gzip = gzip;
    snprintf(job->etag, sizeof job->etag, "%s", r->etag);
    job->cache_path = xstrdup(s->cfg.cache_path);
    job->kiosk_id = xstrdup(s->cfg.kiosk_id);
    job->applied_ms = wall(s);
    atomic_init(&job->done, false);
    if (pthread_create(&job->thread, NULL, apply_main, job)) {
        free(job->body);
        free(job->cache_path);
        free(job->kiosk_id);
        free(job);
        fail(s, false, 0, "bundle: cannot start the worker");
        return;
    }
    s->job = job;
    s->phase = PH_APPLY;
    set_state(s, SYNC_APPLYING);
}

static void job_free(struct apply_job *job)
{
    pthread_join(job->thread, NULL);
    free(job->body);
    free(job->cache_path);
    free(job->kiosk_id);
    free(job);
}

/* The sync interval of the cached config, or 300 s. */
static int cached_interval(struct store *st)
{
    int v = 300;
    struct bundle *b;
    if (!store_is_empty(st) && store_load_config(st, &b) == 0) {
        v = b->config.sync_interval_s > 0 ? b->config.sync_interval_s : v;
        bundle_free(b);
    }
    return v;
}

static void apply_step(struct sync *s)
{
    if (!atomic_load(&s->job->done))
        return;
    struct apply_job *job = s->job;
    s->job = NULL;
    int rc = job->rc;
    char err[SYNC_ERROR_MAX];
    snprintf(err, sizeof err, "%s", job->error);
    char etag[SYNC_ETAG_MAX + 1];
    snprintf(etag, sizeof etag, "%s", job->etag);
    job_free(job);
    if (rc) {
        fail(s, false, 0, "bundle: %s", err[0] ? err : err_str(rc));
        return;
    }
    snprintf(s->meta.etag, sizeof s->meta.etag, "%s", etag);
    s->interval_s = cached_interval(s->st);
    s->status.applied++;
    s->changed = true;
    s->phase = PH_HEARTBEAT;
}

/* ---- heartbeat ----------------------------------------------------------- */

static char *heartbeat_json(struct sync *s)
{
    struct store_info info;
    memset(&info, 0, sizeof info);
    store_info(s->st, &info);
    int64_t now = wall(s);
    char last[32] = "";
    if (s->status.last_success_ms)
        civil_format_timestamp(s->status.last_success_ms / 1000, last);
    long long free_mb = -1;
    struct statvfs vfs;
    if (statvfs(s->cfg.cache_path, &vfs) == 0)
        free_mb =
            (long long)((unsigned long long)vfs.f_bavail * vfs.f_frsize >> 20);
    json_t *errors = json_array();
    for (int i = 0; i < s->n_errors; i++)
        json_array_append_new(errors, json_string(s->errors[i]));
    json_t *j = json_pack(
        "{s:s, s:s, s:I, s:i, s:s?, s:s, s:I, s:I, s:I, s:s, s:o}", "kiosk_id",
        s->cfg.kiosk_id, "version", s->cfg.version, "uptime_s",
        (json_int_t)((mono(s) - s->start_mono) / 1000), "outbox_depth",
        info.outbox_depth, "last_sync_at", last[0] ? last : NULL,
        "bundle_version", info.bundle_version, "data_age_s",
        (json_int_t)(info.applied_ms ? (now - info.applied_ms) / 1000 : -1),
        "free_disk_mb", (json_int_t)free_mb, "clock_skew_s",
        (json_int_t)s->status.clock_skew_s, "sync_state",
        /* the round got this far: the state it is recovering from, if
         * any */
        s->status.failures ? "backoff" : "idle", "errors", errors);
    char *out = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!out)
        abort(); /* out of memory: xalloc policy */
    return out;
}

static void heartbeat_step(struct sync *s)
{
    if (!s->in_flight) {
        char *body = heartbeat_json(s);
        start(s, "POST", "/api/v1/heartbeat", body, NULL, 64 * 1024);
        free(body);
        return;
    }
    const struct http_response *r = NULL;
    if (finish(s, "heartbeat", &r))
        return;
    if (r->status != 200)
        fail_status(s, "heartbeat", r);
    else
        succeed(s);
}

/* ---- the machine -----------------------------------------------------------
 */

struct sync *sync_new(const struct sync_config *cfg, struct store *st,
                      struct http_client http, struct clock_adjust *clock,
                      uint64_t seed)
{
    struct sync *s = xcalloc(1, sizeof *s);
    s->cfg.hub_url = xstrdup(cfg->hub_url);
    s->cfg.kiosk_id = xstrdup(cfg->kiosk_id);
    s->cfg.token = xstrdup(cfg->token);
    s->cfg.cache_path = xstrdup(cfg->cache_path);
    s->cfg.version = xstrdup(cfg->version ? cfg->version : "");
    s->cfg.timeout_ms = cfg->timeout_ms > 0 ? cfg->timeout_ms : SYNC_TIMEOUT_MS;
    s->st = st;
    s->http = http;
    s->clock = clock;
    if (!seed && getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed)
        seed = (uint64_t)clock_now_ms(&clock->base);
    s->rng = seed;
    s->start_mono = mono(s);
    store_sync_get(st, &s->meta);
    if (s->meta.clock_adjusted) {
        clock->offset_ms = s->meta.clock_offset_ms;
        clock->active = true;
        s->status.clock_skew_s = clock->offset_ms / 1000;
    }
    s->status.last_success_ms = s->meta.last_sync_ms;
    snprintf(s->status.last_error, sizeof s->status.last_error, "%s",
             s->meta.last_error);
    s->status.last_error_ms = s->meta.last_error_ms;
    s->interval_s = cached_interval(st);
    refresh_depth(s);
    int64_t boot = (int64_t)(uniform(s) * SYNC_BOOT_DELAY_MS);
    /* a kiosk restarted after a failed round is still backing off */
    wait_until(s, boot,
               s->meta.last_error_ms > s->meta.last_sync_ms ? SYNC_BACKOFF
                                                            : SYNC_IDLE);
    return s;
}

void sync_free(struct sync *s)
{
    if (!s)
        return;
    if (s->job)
        job_free(s->job);
    s->http.cancel(s->http.ctx);
    free(s->batch);
    free((char *)s->cfg.hub_url);
    free((char *)s->cfg.kiosk_id);
    free((char *)s->cfg.token);
    free((char *)s->cfg.cache_path);
    free((char *)s->cfg.version);
    free(s);
}

bool sync_step(struct sync *s)
{
    s->changed = false;
    enum phase before;
    do {
        before = s->phase;
        switch (s->phase) {
        case PH_WAIT:
            if (mono(s) >= s->next_mono)
                deliver_start(s);
            break;
        case PH_DELIVER:
            deliver_step(s);
            break;
        case PH_FETCH:
            fetch_step(s);
            break;
        case PH_APPLY:
            apply_step(s);
            break;
        case PH_HEARTBEAT:
            heartbeat_step(s);
            break;
        }
        /* a phase that ended without waiting lets the next one start now */
    } while (s->phase != before && s->phase != PH_WAIT);
    return s->changed;
}

void sync_now(struct sync *s)
{
    if (s->phase == PH_WAIT)
        s->next_mono = mono(s);
}

int64_t sync_next_deadline(const struct sync *s)
{
    if (s->phase == PH_WAIT)
        return s->next_mono;
    /* a transfer or an apply in flight: look again soon */
    return mono(s) + 20;
}

bool sync_busy(const struct sync *s)
{
    return s->phase != PH_WAIT;
}

const struct sync_status *sync_status(const struct sync *s)
{
    return &s->status;
}
