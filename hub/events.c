/* events.c - validate and apply a batch of kiosk events (see events.h). */
#include "events.h"

#include "civil_time.h"
#include "db.h"
#include "err.h"
#include "hub_internal.h"
#include "leases.h"
#include "tokens.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define REASONS_MAX 6
#define CODE_MAX    16

/* ---- validation ---------------------------------------------------- */

struct check {
    char *err;
    size_t errlen;
    int i; /* index of the event */
};

static int fail(struct check *c, int status, const char *member,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int fail(struct check *c, int status, const char *member,
                const char *fmt, ...)
{
    int n = snprintf(c->err, c->errlen, "events[%d]%s%s: ", c->i,
                     member ? "." : "", member ? member : "");
    if (n < 0 || (size_t)n >= c->errlen)
        return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return status;
}

static bool uuid_ok(const char *s)
{
    if (!s || strlen(s) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
            return false;
    }
    return true;
}

static bool chars_ok(const char *s, size_t max, const char *extra,
                     bool upper_alnum)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > max)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = upper_alnum ? (isdigit(c) || (c >= 'A' && c <= 'Z'))
                              : (isdigit(c) || strchr(extra, c));
        if (!ok || c == '\0')
            return false;
    }
    return true;
}

static bool reason_ok(const char *r)
{
    return chars_ok(r, 32, "abcdefghijklmnopqrstuvwxyz_", false);
}

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int check_booking(struct check *c, json_t *e)
{
    if (!hub_id_ok(str(e, "slot")))
        return fail(c, 400, "slot", "expected an id");
    if (!hub_id_ok(str(e, "activity")))
        return fail(c, 400, "activity", "expected an id");
    if (!chars_ok(str(e, "phone"), 32, "+-() ", false))
        return fail(c, 400, "phone", "expected a phone number");
    if (!chars_ok(str(e, "code"), CODE_MAX, "", true))
        return fail(c, 400, "code", "expected 1-16 of A-Z 0-9");
    const char *st = str(e, "status");
    if (!st || (strcmp(st, "confirmed") && strcmp(st, "pending")))
        return fail(c, 400, "status", "expected \"confirmed\" or \"pending\"");
    return 0;
}

static int check_rating(struct check *c, json_t *e)
{
    const char *kind = str(e, "target_kind");
    if (!kind || (strcmp(kind, "service") && strcmp(kind, "center")))
        return fail(c, 400, "target_kind",
                    "expected \"service\" or \"center\"");
    if (!hub_id_ok(str(e, "target_id")))
        return fail(c, 400, "target_id", "expected an id");
    json_t *level = json_object_get(e, "level");
    json_int_t lv = json_integer_value(level);
    if (!json_is_integer(level) || lv < 1 || lv > 5)
        return fail(c, 400, "level", "expected an integer 1-5");
    json_t *reasons = json_object_get(e, "reasons");
    if (!reasons) { /* optional for levels 3-5 */
        reasons = json_array();
        json_object_set_new(e, "reasons", reasons);
    }
    if (!json_is_array(reasons) || json_array_size(reasons) > REASONS_MAX)
        return fail(c, 400, "reasons", "expected an array of at most %d",
                    REASONS_MAX);
    size_t i;
    json_t *r;
    json_array_foreach(reasons, i, r)
    {
        if (!reason_ok(json_string_value(r)))
            return fail(c, 400, "reasons", "[%zu]: expected a reason code", i);
    }
    /* 好差评: levels 1-2 (不满意, 非常不满意) say why; 3-5 do not */
    if ((lv <= 2) != (json_array_size(reasons) > 0))
        return fail(c, 400, "reasons",
                    lv <= 2 ? "level %d needs a reason"
                            : "level %d takes no reasons",
                    (int)lv);
    return 0;
}

static int check_poll_answer(struct check *c, json_t *e)
{
    if (!hub_id_ok(str(e, "poll")))
        return fail(c, 400, "poll", "expected an id");
    json_t *answers = json_object_get(e, "answers");
    size_t n = json_array_size(answers);
    if (!json_is_array(answers) || n < 1 || n > 20)
        return fail(c, 400, "answers", "expected an array of 1-20");
    size_t i;
    json_t *a;
    json_array_foreach(answers, i, a)
    {
        if (!hub_id_ok(str(a, "question")) || !hub_id_ok(str(a, "option")))
            return fail(c, 400, "answers",
                        "[%zu]: expected {\"question\": id, \"option\": id}",
                        i);
    }
    return 0;
}

int events_check(json_t *root, const char *kiosk, char *err, size_t errlen)
{
    struct check c = {err, errlen, 0};
    json_t *events = json_object_get(root, "events");
    if (!json_is_array(events) || json_array_size(events) > EVENTS_MAX_BATCH) {
        snprintf(err, errlen, "events: expected an array of at most %d",
                 EVENTS_MAX_BATCH);
        return 400;
    }
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e)
    {
        c.i = (int)i;
        if (!json_is_object(e))
            return fail(&c, 400, NULL, "expected an object");
        if (!uuid_ok(str(e, "uuid")))
            return fail(&c, 400, "uuid", "expected a UUID");
        const char *kid = str(e, "kiosk_id");
        if (!kid)
            return fail(&c, 400, "kiosk_id", "expected a string");
        if (strcmp(kid, kiosk) != 0)
            return fail(&c, 403, "kiosk_id", "not the caller's (%s)", kiosk);
        int64_t t;
        const char *created = str(e, "created_at");
        if (!created || !civil_parse_timestamp(created, &t))
            return fail(&c, 400, "created_at", "expected a timestamp");
        const char *type = str(e, "type");
        int rc = !type ? fail(&c, 400, "type", "expected a string")
                 : strcmp(type, "booking") == 0 ? check_booking(&c, e)
                 : strcmp(type, "rating") == 0  ? check_rating(&c, e)
                 : strcmp(type, "poll_answer") == 0
                     ? check_poll_answer(&c, e)
                     : fail(&c, 400, "type", "unknown type \"%s\"", type);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- applying ------------------------------------------------------ */

struct outcome {
    bool rejected;
    const char *booking; /* "confirmed" / "rejected" for bookings */
    const char *reason;
    bool changed;
};

static int rejected(struct outcome *o, const char *reason)
{
    o->rejected = true;
    o->reason = reason;
    return 0;
}

static bool row_exists(sqlite3 *db, const char *sql, const char *a,
                       const char *b)
{
    sqlite3_stmt *s = db_prepare(db, sql);
    if (!s)
        return false;
    db_bind_text(s, 1, a);
    db_bind_text(s, 2, b);
    bool yes = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    return yes;
}

static int apply_booking(sqlite3 *db, const char *kiosk, json_t *e,
                         int64_t now_s, int64_t created_s, struct outcome *o)
{
    struct slot_state slot;
    const char *slot_id = str(e, "slot");
    int rc = slot_load(db, slot_id, &slot);
    if (rc == ERR_NOT_FOUND ||
        (!rc && strcmp(slot.activity, str(e, "activity")) != 0))
        return rejected(o, "unknown_slot");
    if (rc)
        return rc;
    bool quota = strcmp(str(e, "status"), "confirmed") == 0;
    if (!quota) {
        /* decided now: checks that take no seat come first */
        if (slot.start_s <= now_s)
            return rejected(o, "started");
        if (row_exists(db, "SELECT 1 FROM bookings WHERE slot=? AND phone=?",
                       slot_id, str(e, "phone"))) {
            o->booking = "rejected";
            o->reason = "already_booked";
            return 0;
        }
    }
    /* a seat this kiosk holds first, else one nobody holds */
    bool taken;
    if ((rc = leases_take(db, kiosk, slot_id, now_s, &taken)))
        return rc;
    int free_seats = slot.capacity - slot.booked -
                     leases_held_by_others(db, slot_id, kiosk, now_s);
    if (!quota && !taken && free_seats <= 0) {
        o->booking = "rejected";
        o->reason = "full";
        return 0;
    }
    /* an offline confirmation is never revoked: if its lease lapsed and
     * no seat is free, it goes past capacity, flagged for staff */
    bool over = quota && !taken && free_seats <= 0;
    sqlite3_stmt *s = db_prepare(
        db, "INSERT INTO bookings (uuid, slot, kiosk, phone, code, via,"
            " over_capacity, created_s) VALUES (?,?,?,?,?,?,?,?)");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, str(e, "uuid"));
    db_bind_text(s, 2, slot_id);
    db_bind_text(s, 3, kiosk);
    db_bind_text(s, 4, str(e, "phone"));
    db_bind_text(s, 5, str(e, "code"));
    db_bind_text(s, 6, quota ? "quota" : "pending");
    sqlite3_bind_int(s, 7, over);
    sqlite3_bind_int64(s, 8, created_s);
    rc = db_step_write(s);
    sqlite3_finalize(s);
    if (!rc) {
        s = db_prepare(db, "UPDATE slots SET booked = booked + 1"
                           " WHERE id = ?");
        db_bind_text(s, 1, slot_id);
        rc = s ? db_step_write(s) : ERR_DB;
        sqlite3_finalize(s);
    }
    o->booking = "confirmed";
    o->changed = true;
    return rc;
}

static int apply_rating(sqlite3 *db, const char *kiosk, json_t *e,
                        int64_t created_s, struct outcome *o)
{
    const char *kind = str(e, "target_kind"), *target = str(e, "target_id");
    bool known = strcmp(kind, "center") == 0
                     ? strcmp(target, kiosk) == 0
                     : row_exists(db, "SELECT 1 FROM services WHERE id = ?",
                                  target, NULL);
    if (!known)
        return rejected(o, "unknown_target");
    char *reasons = json_dumps(json_object_get(e, "reasons"), HUB_JSON);
    sqlite3_stmt *s = db_prepare(
        db, "INSERT INTO ratings (uuid, kiosk, target_kind, target_id,"
            " level, reasons, created_s) VALUES (?,?,?,?,?,?,?)");
    int rc = ERR_DB;
    if (s && reasons) {
        db_bind_text(s, 1, str(e, "uuid"));
        db_bind_text(s, 2, kiosk);
        db_bind_text(s, 3, kind);
        db_bind_text(s, 4, target);
        sqlite3_bind_int(s, 5,
                         (int)json_integer_value(json_object_get(e, "level")));
        db_bind_text(s, 6, reasons);
        sqlite3_bind_int64(s, 7, created_s);
        rc = db_step_write(s);
    }
    sqlite3_finalize(s);
    free(reasons);
    return rc;
}

/* True if every answer names a question of the poll and one of its
 * options. */
static bool answers_fit(json_t *poll, json_t *answers)
{
    size_t i, j, k;
    json_t *a, *q, *opt;
    json_array_foreach(answers, i, a)
    {
        bool found = false;
        json_array_foreach(json_object_get(poll, "questions"), j, q)
        {
            if (strcmp(str(q, "id"), str(a, "question")) != 0)
                continue;
            json_array_foreach(json_object_get(q, "options"), k, opt) found =
                found || strcmp(str(opt, "id"), str(a, "option")) == 0;
        }
        if (!found)
            return false;
    }
    return true;
}

static int apply_poll_answer(sqlite3 *db, const char *kiosk, json_t *e,
                             int64_t created_s, struct outcome *o)
{
    sqlite3_stmt *s =
        db_prepare(db, "SELECT json, start_s, end_s FROM polls WHERE id = ?");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, str(e, "poll"));
    int step = sqlite3_step(s);
    json_t *poll =
        step == SQLITE_ROW ? json_loads(db_col_text(s, 0), 0, NULL) : NULL;
    bool open = step == SQLITE_ROW && sqlite3_column_int64(s, 1) <= created_s &&
                created_s < sqlite3_column_int64(s, 2);
    sqlite3_finalize(s);
    json_t *answers = json_object_get(e, "answers");
    int rc = 0;
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = ERR_DB;
    else if (!poll)
        rc = rejected(o, "unknown_poll");
    else if (!open)
        rc = rejected(o, "poll_closed");
    else if (!answers_fit(poll, answers))
        rc = rejected(o, "bad_answer");
    json_decref(poll);
    if (rc || o->rejected)
        return rc;
    char *text = json_dumps(answers, HUB_JSON);
    s = db_prepare(db, "INSERT INTO poll_answers (uuid, kiosk, poll,"
                       " answers, created_s) VALUES (?,?,?,?,?)");
    rc = ERR_DB;
    if (s && text) {
        db_bind_text(s, 1, str(e, "uuid"));
        db_bind_text(s, 2, kiosk);
        db_bind_text(s, 3, str(e, "poll"));
        db_bind_text(s, 4, text);
        sqlite3_bind_int64(s, 5, created_s);
        rc = db_step_write(s);
    }
    sqlite3_finalize(s);
    free(text);
    return rc;
}

static json_t *result_json(const struct outcome *o)
{
    json_t *r = json_object();
    if (o->booking)
        json_object_set_new(r, "booking", json_string(o->booking));
    if (o->reason)
        json_object_set_new(r, "reason", json_string(o->reason));
    return r;
}

/* The stored answer to uuid, as {"uuid", "status": "duplicate",
 * "result"}, or NULL if it is new. */
static json_t *seen(sqlite3 *db, const char *uuid)
{
    sqlite3_stmt *s = db_prepare(db, "SELECT result FROM events"
                                     " WHERE uuid = ?");
    if (!s)
        return NULL;
    db_bind_text(s, 1, uuid);
    json_t *out = NULL;
    if (sqlite3_step(s) == SQLITE_ROW) {
        json_t *res = json_loads(db_col_text(s, 0), 0, NULL);
        out = json_pack("{s:s, s:s, s:o}", "uuid", uuid, "status", "duplicate",
                        "result", res ? res : json_object());
    }
    sqlite3_finalize(s);
    return out;
}

static int record(sqlite3 *db, const char *kiosk, json_t *e, const char *status,
                  json_t *result, int64_t now_s)
{
    char *body = json_dumps(e, HUB_JSON);
    char *res = json_dumps(result, HUB_JSON);
    sqlite3_stmt *s = db_prepare(
        db, "INSERT INTO events (uuid, kiosk, type, status, result, body,"
            " received_s) VALUES (?,?,?,?,?,?,?)");
    int rc = ERR_DB;
    if (s && body && res) {
        db_bind_text(s, 1, str(e, "uuid"));
        db_bind_text(s, 2, kiosk);
        db_bind_text(s, 3, str(e, "type"));
        db_bind_text(s, 4, status);
        db_bind_text(s, 5, res);
        db_bind_text(s, 6, body);
        sqlite3_bind_int64(s, 7, now_s);
        rc = db_step_write(s);
    }
    sqlite3_finalize(s);
    free(body);
    free(res);
    return rc;
}

/* One event in its own transaction: its entry of "results", or NULL if
 * the database failed (nothing of it stored). */
static json_t *apply_one(sqlite3 *db, const char *kiosk, json_t *e,
                         int64_t now_s, bool *changed)
{
    if (db_begin(db))
        return NULL;
    /* the uuid is checked inside the transaction: two batches carrying
     * the same event apply it once */
    const char *uuid = str(e, "uuid");
    json_t *dup = seen(db, uuid);
    if (dup) {
        db_finish(db, 0);
        return dup;
    }
    struct outcome o = {0};
    int64_t created_s = 0;
    civil_parse_timestamp(str(e, "created_at"), &created_s);
    const char *type = str(e, "type");
    int rc = strcmp(type, "booking") == 0
                 ? apply_booking(db, kiosk, e, now_s, created_s, &o)
             : strcmp(type, "rating") == 0
                 ? apply_rating(db, kiosk, e, created_s, &o)
                 : apply_poll_answer(db, kiosk, e, created_s, &o);
    json_t *result = result_json(&o);
    const char *status = o.rejected ? "rejected" : "accepted";
    if (!rc)
        rc = record(db, kiosk, e, status, result, now_s);
    if (db_finish(db, rc)) {
        json_decref(result);
        return NULL;
    }
    *changed = *changed || o.changed;
    return json_pack("{s:s, s:s, s:o}", "uuid", uuid, "status", status,
                     "result", result);
}

json_t *events_apply(sqlite3 *db, json_t *root, const char *kiosk,
                     int64_t now_s, bool *changed)
{
    json_t *results = json_array();
    size_t i;
    json_t *e;
    *changed = false;
    json_array_foreach(json_object_get(root, "events"), i, e)
    {
        /* uuids compare in lower case, as the kiosk writes them */
        char uuid[37];
        snprintf(uuid, sizeof uuid, "%s", str(e, "uuid"));
        for (char *p = uuid; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        json_object_set_new(e, "uuid", json_string(uuid));
        json_t *r = apply_one(db, kiosk, e, now_s, changed);
        if (!r)
            break;
        json_array_append_new(results, r);
    }
    if (json_array_size(results) == 0 &&
        json_array_size(json_object_get(root, "events")) > 0) {
        json_decref(results);
        return NULL;
    }
    return json_pack("{s:o}", "results", results);
}

void api_events(struct hub *h, struct http_req *r, const struct token_who *who)
{
    json_t *root = http_body_json(r);
    if (!root)
        return;
    char err[256];
    int status = events_check(root, who->subject, err, sizeof err);
    sqlite3 *db = hub_db(h);
    json_t *out = NULL;
    bool changed = false;
    if (status)
        http_error(r, (unsigned)status, "%s", err);
    else if (!db || !(out = events_apply(db, root, who->subject, hub_now_s(h),
                                         &changed)))
        http_error(r, 503, "cannot store events");
    else
        http_reply_json(r, 200, out);
    if (changed)
        hub_changed(h);
    json_decref(root);
}
