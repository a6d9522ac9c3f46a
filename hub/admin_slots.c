/*
 * admin_slots.c - /api/v1/admin/slots: an activity's time slots and the
 * bookings of each (docs/protocol.md, "Admin API").
 *
 * A slot is checked as the bundle would carry it (bundle_parse on its
 * activity with it). Capacity never drops below the seats already booked
 * plus those held by kiosks' leases (409): held seats may already be
 * promised to residents offline.
 */
#include "admin.h"

#include "civil_time.h"
#include "db.h"
#include "err.h"
#include "leases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *timestamp(int64_t t)
{
    char s[32];
    civil_format_timestamp(t, s);
    return json_string(s);
}

static json_t *slot_json(struct admin *a, const struct slot_state *s)
{
    int held = leases_held_by_others(a->db, s->id, NULL, a->now_s);
    return json_pack("{s:s, s:s, s:o, s:o, s:i, s:i, s:i, s:i, s:i}", "id",
                     s->id, "activity", s->activity, "start",
                     timestamp(s->start_s), "end", timestamp(s->end_s),
                     "capacity", s->capacity, "quota", s->quota, "booked",
                     s->booked, "held", held, "free",
                     s->capacity - s->booked - held);
}

static void list(struct admin *a)
{
    const char *act = http_query(a->r, "activity");
    sqlite3_stmt *s = db_prepare(
        a->db, "SELECT id FROM slots WHERE ?1 IS NULL OR activity = ?1"
               " ORDER BY start_s, id");
    if (!s) {
        admin_db_error(a);
        return;
    }
    db_bind_text(s, 1, act);
    json_t *items = json_array();
    while (sqlite3_step(s) == SQLITE_ROW) {
        struct slot_state st;
        if (!slot_load(a->db, db_col_text(s, 0), &st))
            json_array_append_new(items, slot_json(a, &st));
    }
    sqlite3_finalize(s);
    http_reply_json(a->r, 200, json_pack("{s:o}", "items", items));
}

static void bookings(struct admin *a, const struct slot_state *st)
{
    sqlite3_stmt *s = db_prepare(
        a->db, "SELECT code, phone, kiosk, via, over_capacity, created_s,"
               " uuid FROM bookings WHERE slot = ? ORDER BY created_s, uuid");
    if (!s) {
        admin_db_error(a);
        return;
    }
    db_bind_text(s, 1, st->id);
    json_t *items = json_array();
    while (sqlite3_step(s) == SQLITE_ROW)
        json_array_append_new(
            items,
            json_pack("{s:s, s:s, s:s, s:s, s:b, s:o, s:s}", "code",
                      db_col_text(s, 0), "phone", db_col_text(s, 1), "kiosk",
                      db_col_text(s, 2), "via", db_col_text(s, 3),
                      "over_capacity", sqlite3_column_int(s, 4), "created_at",
                      timestamp(sqlite3_column_int64(s, 5)), "uuid",
                      db_col_text(s, 6)));
    sqlite3_finalize(s);
    http_reply_json(
        a->r, 200,
        json_pack("{s:o, s:o}", "slot", slot_json(a, st), "bookings", items));
}

/* Checks the slot in body as its activity's bundle slot; fills out.
 * 0, or 400 / 404 answered. */
static int check_slot(struct admin *a, json_t *body, int booked,
                      struct slot_state *out)
{
    const char *act = json_string_value(json_object_get(body, "activity"));
    char *aj = act ? admin_row_json(a->db,
                                    "SELECT json FROM activities"
                                    " WHERE id = ?",
                                    act)
                   : NULL;
    if (!aj) {
        http_error(a->r, 400, "slot.activity: no activity \"%s\"",
                   act ? act : "");
        return ERR_INVALID;
    }
    json_t *activity = json_loads(aj, 0, NULL);
    free(aj);
    json_t *slot = json_deep_copy(body);
    json_object_del(slot, "activity");
    json_object_set_new(slot, "booked", json_integer(booked));
    if (!json_object_get(slot, "quota"))
        json_object_set_new(slot, "quota", json_integer(0));
    json_object_del(activity, "service"); /* checked when it was saved */
    json_object_set_new(activity, "slots", json_pack("[o]", slot));
    json_t *arr = json_pack("[o]", activity);
    char *acts = json_dumps(arr, HUB_JSON);
    json_decref(arr);
    char *bundle = admin_bundle_text(NULL, NULL, NULL, acts, NULL, NULL);
    char err[600];
    int rc = admin_check(bundle, strlen(bundle), "activities[0].slots[0]",
                         "slot", err, sizeof err);
    if (rc)
        http_error(a->r, 400, "%s", err);
    free(acts);
    free(bundle);
    if (rc)
        return rc;
    snprintf(out->id, sizeof out->id, "%s",
             json_string_value(json_object_get(body, "id")));
    snprintf(out->activity, sizeof out->activity, "%s", act);
    civil_parse_timestamp(json_string_value(json_object_get(body, "start")),
                          &out->start_s);
    civil_parse_timestamp(json_string_value(json_object_get(body, "end")),
                          &out->end_s);
    out->capacity = (int)json_integer_value(json_object_get(body, "capacity"));
    out->quota = (int)json_integer_value(json_object_get(body, "quota"));
    out->booked = booked;
    return 0;
}

static int store_slot(struct admin *a, const struct slot_state *s)
{
    sqlite3_stmt *st = db_prepare(
        a->db, "INSERT OR REPLACE INTO slots (id, activity, start_s, end_s,"
               " capacity, quota, booked) VALUES (?,?,?,?,?,?,?)");
    if (!st)
        return ERR_DB;
    db_bind_text(st, 1, s->id);
    db_bind_text(st, 2, s->activity);
    sqlite3_bind_int64(st, 3, s->start_s);
    sqlite3_bind_int64(st, 4, s->end_s);
    sqlite3_bind_int(st, 5, s->capacity);
    sqlite3_bind_int(st, 6, s->quota);
    sqlite3_bind_int(st, 7, s->booked);
    int rc = db_step_write(st);
    sqlite3_finalize(st);
    return rc;
}

static void write_slot(struct admin *a, const char *id)
{
    json_t *body = http_body_json(a->r);
    if (!body)
        return;
    const char *body_id = json_string_value(json_object_get(body, "id"));
    if (id && !body_id)
        json_object_set_new(body, "id", json_string(id));
    if (db_begin(a->db)) {
        admin_db_error(a);
        json_decref(body);
        return;
    }
    int rc = 0;
    struct slot_state old, st;
    bool exists = false;
    if (id && body_id && strcmp(body_id, id) != 0) {
        http_error(a->r, 400, "slot.id: \"%s\" is not %s", body_id, id);
        rc = ERR_INVALID;
    } else {
        const char *sid = json_string_value(json_object_get(body, "id"));
        exists = sid && slot_load(a->db, sid, &old) == 0;
        if (id && !exists) {
            http_error(a->r, 404, "no slot \"%s\"", id);
            rc = ERR_NOT_FOUND;
        } else if (!id && exists) {
            http_error(a->r, 409, "slot \"%s\" exists", sid);
            rc = ERR_EXISTS;
        }
    }
    if (!rc)
        rc = check_slot(a, body, exists ? old.booked : 0, &st);
    if (!rc && exists && strcmp(old.activity, st.activity) != 0) {
        http_error(a->r, 400,
                   "slot.activity: a slot cannot move to another"
                   " activity");
        rc = ERR_INVALID;
    }
    int held = exists ? leases_held_by_others(a->db, st.id, NULL, a->now_s) : 0;
    if (!rc && st.capacity < st.booked + held) {
        http_error(a->r, 409,
                   "slot.capacity: %d is below the %d seats booked and %d"
                   " held by kiosks",
                   st.capacity, st.booked, held);
        rc = ERR_INVALID;
    }
    if (!rc)
        rc = store_slot(a, &st);
    if (admin_finish(a, rc) && !a->r->replied)
        admin_db_error(a);
    if (!a->r->replied)
        http_reply_json(a->r, exists ? 200 : 201, slot_json(a, &st));
    json_decref(body);
}

static void delete_slot(struct admin *a, const char *id)
{
    if (db_begin(a->db)) {
        admin_db_error(a);
        return;
    }
    struct slot_state st;
    int rc = slot_load(a->db, id, &st);
    if (rc == ERR_NOT_FOUND)
        http_error(a->r, 404, "no slot \"%s\"", id);
    else if (!rc && db_query_int(a->db,
                                 "SELECT count(*) FROM bookings"
                                 " WHERE slot = ?",
                                 id, 0) > 0) {
        http_error(a->r, 409, "slot \"%s\" has bookings", id);
        rc = ERR_EXISTS;
    }
    static const char *const sql[] = {"DELETE FROM leases WHERE slot = ?1",
                                      "DELETE FROM slots WHERE id = ?1"};
    if (!rc)
        rc = admin_exec_each(a, sql, 2, id);
    admin_end_delete(a, rc, id);
}

void admin_slots(struct admin *a, const char *id, const char *sub)
{
    const char *m = a->r->method;
    struct slot_state st;
    if (!id && strcmp(m, "GET") == 0)
        list(a);
    else if (!id && strcmp(m, "POST") == 0)
        write_slot(a, NULL);
    else if (id && strcmp(m, "GET") == 0 &&
             (!sub || strcmp(sub, "bookings") == 0)) {
        if (slot_load(a->db, id, &st))
            http_error(a->r, 404, "no slot \"%s\"", id);
        else if (sub)
            bookings(a, &st);
        else
            http_reply_json(a->r, 200, slot_json(a, &st));
    } else if (id && !sub && strcmp(m, "PUT") == 0)
        write_slot(a, id);
    else if (id && !sub && strcmp(m, "DELETE") == 0)
        delete_slot(a, id);
    else if (sub)
        http_error(a->r, 404, "no such resource %s", a->r->url);
    else
        http_error(a->r, 405, "%s %s: not allowed", m, a->r->url);
}
