/* build.c - a kiosk's bundle from the database (see build.h). */
#include "build.h"

#include "buf.h"
#include "bundle.h"
#include "civil_time.h"
#include "db.h"
#include "err.h"
#include "leases.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void earlier(int64_t *t, int64_t candidate, int64_t now_s)
{
    if (candidate > now_s && candidate < *t)
        *t = candidate;
}

/* Appends `"name":[json,json,...]` from the first column of sql, whose
 * parameter ?1 (if any) is now_s; the second column, if any, is a time
 * at which the list changes by itself. */
static int append_list(sqlite3 *db, struct buf *b, const char *name,
                       const char *sql, int64_t now_s, int64_t *valid_until)
{
    sqlite3_stmt *s = db_prepare(db, sql);
    if (!s)
        return ERR_DB;
    if (sqlite3_bind_parameter_count(s) > 0)
        sqlite3_bind_int64(s, 1, now_s);
    int rc = buf_printf(b, ",\"%s\":[", name);
    int step, n = 0;
    while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
        const char *json = (const char *)sqlite3_column_text(s, 0);
        int len = sqlite3_column_bytes(s, 0);
        if (n++)
            rc = buf_append(b, ",", 1);
        if (!rc)
            rc = buf_append(b, json, (size_t)len);
        if (sqlite3_column_count(s) > 1)
            earlier(valid_until, sqlite3_column_int64(s, 1), now_s);
    }
    if (!rc && step != SQLITE_DONE)
        rc = ERR_DB;
    sqlite3_finalize(s);
    return rc ? rc : buf_append(b, "]", 1);
}

static json_t *timestamp(int64_t t)
{
    char s[32];
    civil_format_timestamp(t, s);
    return json_string(s);
}

/* The slots array of one activity, with this kiosk's quotas. */
static int slots_json(sqlite3 *db, const char *kiosk, const char *activity,
                      int64_t now_s, bool grant, json_t *out,
                      int64_t *valid_until)
{
    sqlite3_stmt *s =
        db_prepare(db, "SELECT id FROM slots WHERE activity = ? AND end_s > ?"
                       " ORDER BY start_s, id LIMIT ?");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, activity);
    sqlite3_bind_int64(s, 2, now_s);
    sqlite3_bind_int(s, 3, MAX_SLOTS_PER_ACTIVITY);
    int rc = 0, step;
    while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
        struct slot_state st;
        int held;
        int64_t until;
        if ((rc = slot_load(db, db_col_text(s, 0), &st)))
            break;
        if ((rc = leases_for(db, kiosk, &st, now_s, grant, &held, &until)))
            break;
        if (st.start_s <= now_s)
            held = 0; /* started: nothing to confirm offline */
        /* booked + quota <= capacity even after a late offline booking
         * took the slot past it (docs/protocol.md) */
        int booked = st.booked < st.capacity ? st.booked : st.capacity;
        if (held > st.capacity - booked)
            held = st.capacity - booked;
        json_t *o =
            json_pack("{s:s, s:o, s:o, s:i, s:i, s:i}", "id", st.id, "start",
                      timestamp(st.start_s), "end", timestamp(st.end_s),
                      "capacity", st.capacity, "booked", booked, "quota", held);
        if (held > 0)
            json_object_set_new(o, "quota_until", timestamp(until));
        json_array_append_new(out, o);
        earlier(valid_until, st.start_s, now_s);
        earlier(valid_until, st.end_s, now_s);
    }
    if (!rc && step != SQLITE_DONE)
        rc = ERR_DB;
    sqlite3_finalize(s);
    return rc;
}

static int append_activities(sqlite3 *db, struct buf *b, const char *kiosk,
                             int64_t now_s, bool grant, int64_t *valid_until)
{
    sqlite3_stmt *s =
        db_prepare(db, "SELECT id, json FROM activities ORDER BY pos, id");
    if (!s)
        return ERR_DB;
    int rc = buf_puts(b, ",\"activities\":["), step, n = 0;
    while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
        json_t *a = json_loads(db_col_text(s, 1), 0, NULL);
        json_t *slots = json_array();
        if (!a) {
            rc = ERR_DB;
        } else if (!(rc = slots_json(db, kiosk, db_col_text(s, 0), now_s, grant,
                                     slots, valid_until))) {
            json_object_set(a, "slots", slots);
            char *text = json_dumps(a, HUB_JSON);
            rc =
                !text ? ERR_NOMEM : buf_printf(b, "%s%s", n++ ? "," : "", text);
            free(text);
        }
        json_decref(slots);
        json_decref(a);
    }
    if (!rc && step != SQLITE_DONE)
        rc = ERR_DB;
    sqlite3_finalize(s);
    return rc ? rc : buf_append(b, "]", 1);
}

/* Everything but format, version and generated_at: `"config":...}`. */
static int content(sqlite3 *db, const char *kiosk, const char *config,
                   int64_t now_s, bool grant, struct buf *b,
                   int64_t *valid_until)
{
    int rc = buf_printf(b, "\"config\":%s", config);
    if (!rc)
        rc = append_list(db, b, "categories",
                         "SELECT json FROM categories ORDER BY pos, id", now_s,
                         valid_until);
    if (!rc)
        rc = append_list(db, b, "services",
                         "SELECT json FROM services ORDER BY pos, id", now_s,
                         valid_until);
    if (!rc)
        rc = append_activities(db, b, kiosk, now_s, grant, valid_until);
    if (!rc)
        rc = append_list(db, b, "notices",
                         "SELECT json, end_s FROM notices WHERE end_s > ?1"
                         " ORDER BY pos, id",
                         now_s, valid_until);
    if (!rc)
        rc = append_list(db, b, "polls",
                         "SELECT json, end_s FROM polls WHERE end_s > ?1"
                         " ORDER BY pos, id",
                         now_s, valid_until);
    return rc ? rc : buf_append(b, "}", 1);
}

static char *stored_config(sqlite3 *db, const char *kiosk)
{
    sqlite3_stmt *s = db_prepare(db, "SELECT config FROM kiosks WHERE id = ?");
    if (!s)
        return NULL;
    db_bind_text(s, 1, kiosk);
    char *c = sqlite3_step(s) == SQLITE_ROW ? strdup(db_col_text(s, 0)) : NULL;
    sqlite3_finalize(s);
    return c;
}

/* generated_at: kept while the content hash is; else the last recorded
 * change if it came after the previous version, else now (a change made
 * by time: a lease renewed, a slot or notice ended). */
static int generated(sqlite3 *db, const char *kiosk, const char *hash,
                     int64_t now_s, bool commit, int64_t *out)
{
    sqlite3_stmt *s = db_prepare(db, "SELECT content_hash, generated_s"
                                     " FROM bundle_state WHERE kiosk = ?");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, kiosk);
    int64_t prev = -1;
    bool same = false;
    if (sqlite3_step(s) == SQLITE_ROW) {
        same = strcmp(db_col_text(s, 0), hash) == 0;
        prev = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    if (same) {
        *out = prev;
        return 0;
    }
    int64_t changed = db_query_int(
        db, "SELECT value FROM meta WHERE key = 'changed_s'", NULL, now_s);
    *out = changed > prev && changed <= now_s ? changed : now_s;
    if (!commit)
        return 0;
    s = db_prepare(db, "INSERT OR REPLACE INTO bundle_state (kiosk,"
                       " content_hash, generated_s) VALUES (?,?,?)");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, kiosk);
    db_bind_text(s, 2, hash);
    sqlite3_bind_int64(s, 3, *out);
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    return rc;
}

static int build(sqlite3 *db, const char *kiosk, const char *extra_config,
                 int64_t now_s, bool commit, struct built *out)
{
    char *config =
        extra_config ? strdup(extra_config) : stored_config(db, kiosk);
    if (!config)
        return ERR_NOT_FOUND;
    struct buf c, b;
    buf_init(&c, BUNDLE_MAX_BYTES);
    buf_init(&b, BUNDLE_MAX_BYTES);
    int64_t valid_until = (now_s / LEASE_PERIOD_S + 1) * LEASE_PERIOD_S;
    earlier(&valid_until, leases_next_lapse(db, now_s), now_s);
    int rc = content(db, kiosk, config, now_s, commit, &c, &valid_until);
    free(config);
    char hash[HASH_HEX + 1], when[32], version[64];
    int64_t gen_s = now_s;
    if (!rc) {
        hash_sha256_hex(c.data, c.len, hash);
        rc = generated(db, kiosk, hash, now_s, commit, &gen_s);
    }
    if (!rc) {
        struct civil cv;
        civil_from_unix(gen_s, &cv);
        civil_format_timestamp(gen_s, when);
        snprintf(version, sizeof version, "%04d-%02d-%02d.%.12s", cv.year,
                 cv.month, cv.day, hash);
        rc = buf_printf(&b,
                        "{\"format\":%d,\"version\":\"%s\","
                        "\"generated_at\":\"%s\",",
                        BUNDLE_FORMAT, version, when);
    }
    if (!rc)
        rc = buf_append(&b, c.data, c.len);
    buf_release(&c);
    if (rc) {
        buf_release(&b);
        return rc;
    }
    char body_hash[HASH_HEX + 1];
    hash_sha256_hex(b.data, b.len, body_hash);
    snprintf(out->etag, sizeof out->etag, "\"%.32s\"", body_hash);
    out->valid_until = valid_until;
    out->body = buf_take(&b, &out->len);
    return 0;
}

int build_bundle(sqlite3 *db, const char *kiosk, const char *extra_config,
                 int64_t now_s, bool commit, struct built *out)
{
    if (!commit)
        return build(db, kiosk, extra_config, now_s, false, out);
    if (db_begin(db))
        return ERR_DB;
    struct built b = {0};
    int rc = db_finish(db, build(db, kiosk, extra_config, now_s, true, &b));
    if (rc) {
        built_release(&b);
        return rc;
    }
    *out = b;
    return 0;
}

void built_release(struct built *b)
{
    free(b->body);
    b->body = NULL;
}
