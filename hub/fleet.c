/* fleet.c - heartbeats and fleet status (see fleet.h). */
#include "fleet.h"

#include "civil_time.h"
#include "db.h"
#include "hub_internal.h"

#include <string.h>

/* Members of a heartbeat and their JSON types; others are ignored. */
static const struct {
    const char *name;
    json_type type;
} fields[] = {
    {"version", JSON_STRING},        {"uptime_s", JSON_INTEGER},
    {"outbox_depth", JSON_INTEGER},  {"last_sync_at", JSON_STRING},
    {"bundle_version", JSON_STRING}, {"data_age_s", JSON_INTEGER},
    {"free_disk_mb", JSON_INTEGER},  {"clock_skew_s", JSON_INTEGER},
    {"sync_state", JSON_STRING},     {"errors", JSON_ARRAY},
};

#define ERRORS_MAX 20

static bool check(json_t *hb, char *err, size_t errlen)
{
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        json_t *v = json_object_get(hb, fields[i].name);
        if (v && json_typeof(v) != fields[i].type && !json_is_null(v)) {
            snprintf(err, errlen, "%s: expected %s", fields[i].name,
                     fields[i].type == JSON_STRING    ? "a string"
                     : fields[i].type == JSON_INTEGER ? "an integer"
                                                      : "an array");
            return false;
        }
    }
    json_t *errors = json_object_get(hb, "errors"), *e;
    size_t i;
    if (json_array_size(errors) > ERRORS_MAX) {
        snprintf(err, errlen, "errors: at most %d", ERRORS_MAX);
        return false;
    }
    json_array_foreach(errors, i, e)
    {
        const char *t = json_string_value(e);
        if (!t || strlen(t) > 512) {
            snprintf(err, errlen,
                     "errors[%zu]: expected a string of at"
                     " most 512 bytes",
                     i);
            return false;
        }
    }
    return true;
}

void api_heartbeat(struct hub *h, struct http_req *r,
                   const struct token_who *who)
{
    json_t *hb = http_body_json(r);
    if (!hb)
        return;
    char err[256];
    const char *kid = json_string_value(json_object_get(hb, "kiosk_id"));
    sqlite3 *db = hub_db(h);
    if (!kid) {
        http_error(r, 400, "kiosk_id: expected a string");
    } else if (strcmp(kid, who->subject) != 0) {
        http_error(r, 403, "kiosk_id: not the caller's (%s)", who->subject);
    } else if (!check(hb, err, sizeof err)) {
        http_error(r, 400, "%s", err);
    } else {
        char *body = json_dumps(hb, HUB_JSON);
        sqlite3_stmt *s = db ? db_prepare(db, "INSERT OR REPLACE INTO"
                                              " heartbeats (kiosk,"
                                              " received_s, body)"
                                              " VALUES (?,?,?)")
                             : NULL;
        int rc = -1;
        if (s && body) {
            db_bind_text(s, 1, kid);
            sqlite3_bind_int64(s, 2, hub_now_s(h));
            db_bind_text(s, 3, body);
            rc = db_step_write(s);
        }
        sqlite3_finalize(s);
        free(body);
        if (rc)
            http_error(r, 503, "cannot store the heartbeat");
        else
            http_reply_json(r, 200, json_pack("{s:b}", "ok", 1));
    }
    json_decref(hb);
}

static json_t *timestamp_or_null(int64_t t, bool have)
{
    char s[32];
    if (!have)
        return json_null();
    civil_format_timestamp(t, s);
    return json_string(s);
}

json_t *fleet_status(sqlite3 *db, const char *kiosk, int64_t now_s)
{
    int64_t interval = db_query_int(
        db,
        "SELECT json_extract(config, '$.sync_interval_s') FROM kiosks"
        " WHERE id = ?",
        kiosk, 300);
    sqlite3_stmt *s = db_prepare(
        db, "SELECT received_s, body FROM heartbeats WHERE kiosk = ?");
    if (!s)
        return NULL;
    db_bind_text(s, 1, kiosk);
    bool seen = sqlite3_step(s) == SQLITE_ROW;
    int64_t last = seen ? sqlite3_column_int64(s, 0) : 0;
    json_t *hb = seen ? json_loads(db_col_text(s, 1), 0, NULL) : NULL;
    sqlite3_finalize(s);
    if (!hb)
        hb = json_object();
    json_t *errors = json_object_get(hb, "errors");
    errors = errors ? json_incref(errors) : json_array();
    bool offline = !seen || now_s - last > FLEET_OFFLINE_INTERVALS * interval;
    json_t *o = json_pack(
        "{s:s, s:o, s:O, s:O, s:O, s:O, s:O, s:O, s:o, s:I, s:b, s:o}", "kiosk",
        kiosk, "last_seen", timestamp_or_null(last, seen), "version",
        json_object_get(hb, "version") ?: json_null(), "bundle_version",
        json_object_get(hb, "bundle_version") ?: json_null(), "data_age_s",
        json_object_get(hb, "data_age_s") ?: json_null(), "outbox_depth",
        json_object_get(hb, "outbox_depth") ?: json_null(), "clock_skew_s",
        json_object_get(hb, "clock_skew_s") ?: json_null(), "sync_state",
        json_object_get(hb, "sync_state") ?: json_null(), "errors", errors,
        "sync_interval_s", (json_int_t)interval, "offline", offline, "alarm",
        !seen     ? json_string("never_seen")
        : offline ? json_string("offline")
                  : json_null());
    json_decref(hb);
    return o;
}
