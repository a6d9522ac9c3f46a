/*
 * admin_kiosks.c - /api/v1/admin/kiosks: the fleet and each kiosk's
 * config (docs/protocol.md, "Admin API").
 *
 * A config is the bundle's config object. Staff set the PIN as digits
 * ("staff_pin"); the hub stores only its argon2id hash (pin_hash(), as
 * the kiosk checks it) and never shows it. PUT is a JSON merge patch
 * (RFC 7396): null removes a member. A changed config is checked by
 * building that kiosk's bundle with it and running bundle_parse() on the
 * result, so a config the kiosk would refuse is never saved.
 */
#include "admin.h"

#include "build.h"
#include "db.h"
#include "err.h"
#include "fleet.h"
#include "pin.h"
#include "tokens.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The config as staff see it: no hash, whether a PIN is set. */
static json_t *public_config(const char *text)
{
    json_t *c = json_loads(text, 0, NULL);
    if (!c)
        return json_null();
    json_object_set_new(c, "staff_pin_set",
                        json_boolean(json_object_get(c, "staff_pin_hash")));
    json_object_del(c, "staff_pin_hash");
    return c;
}

static json_t *kiosk_json(struct admin *a, const char *id, const char *config)
{
    json_t *status = fleet_status(a->db, id, a->now_s);
    return json_pack("{s:s, s:o, s:o}", "id", id, "config",
                     public_config(config), "status",
                     status ? status : json_null());
}

static void list(struct admin *a)
{
    sqlite3_stmt *s = db_prepare(a->db, "SELECT id, config FROM kiosks"
                                        " ORDER BY id");
    if (!s) {
        admin_db_error(a);
        return;
    }
    json_t *items = json_array();
    while (sqlite3_step(s) == SQLITE_ROW)
        json_array_append_new(
            items, kiosk_json(a, db_col_text(s, 0), db_col_text(s, 1)));
    sqlite3_finalize(s);
    /* kiosks with a token and heartbeats but no config yet */
    s = db_prepare(a->db, "SELECT kiosk FROM heartbeats WHERE kiosk NOT IN"
                          " (SELECT id FROM kiosks) ORDER BY kiosk");
    while (s && sqlite3_step(s) == SQLITE_ROW)
        json_array_append_new(
            items, json_pack("{s:s, s:n, s:o}", "id", db_col_text(s, 0),
                             "config", "status",
                             fleet_status(a->db, db_col_text(s, 0), a->now_s)));
    sqlite3_finalize(s);
    http_reply_json(a->r, 200, json_pack("{s:o}", "items", items));
}

/* Replaces "staff_pin" by its hash in c. 0, or 400 answered. */
static int take_pin(struct admin *a, json_t *c)
{
    if (json_object_get(c, "staff_pin_hash")) {
        http_error(a->r, 400,
                   "config.staff_pin_hash: set staff_pin (the"
                   " digits) instead");
        return ERR_INVALID;
    }
    json_object_del(c, "staff_pin_set");
    json_t *pin = json_object_get(c, "staff_pin");
    if (!pin)
        return 0;
    const char *p = json_string_value(pin);
    size_t n = p ? strlen(p) : 0;
    bool digits = n >= PIN_MIN_DIGITS && n <= PIN_MAX_DIGITS;
    for (size_t i = 0; digits && i < n; i++)
        digits = isdigit((unsigned char)p[i]);
    char hash[128];
    if (!digits || pin_hash(p, hash)) {
        http_error(a->r, 400, "config.staff_pin: expected %d-%d digits",
                   PIN_MIN_DIGITS, PIN_MAX_DIGITS);
        return ERR_INVALID;
    }
    json_object_set_new(c, "staff_pin_hash", json_string(hash));
    json_object_del(c, "staff_pin");
    return 0;
}

/* RFC 7396 JSON merge patch: objects merge member by member, null
 * removes, anything else replaces. */
static void merge_patch(json_t *target, json_t *patch)
{
    const char *key;
    json_t *v;
    json_object_foreach(patch, key, v)
    {
        json_t *t = json_object_get(target, key);
        if (json_is_null(v))
            json_object_del(target, key);
        else if (json_is_object(v) && json_is_object(t))
            merge_patch(t, v);
        else if (json_is_object(v)) {
            json_t *fresh = json_object();
            merge_patch(fresh, v);
            json_object_set_new(target, key, fresh);
        } else
            json_object_set(target, key, v);
    }
}

/* Builds id's bundle with config and checks it; 0 or 400 answered. */
static int check_config(struct admin *a, const char *id, json_t *config)
{
    char *text = json_dumps(config, HUB_JSON);
    struct built b = {0};
    int rc =
        text ? build_bundle(a->db, id, text, a->now_s, false, &b) : ERR_NOMEM;
    char err[600];
    if (!rc && (rc = admin_check(b.body, b.len, NULL, NULL, err, sizeof err)))
        http_error(a->r, 400, "%s", err);
    else if (rc)
        http_error(a->r, 503, "cannot build the bundle: %s", err_str(rc));
    built_release(&b);
    free(text);
    return rc;
}

static int save(struct admin *a, const char *id, json_t *config)
{
    char *text = json_dumps(config, HUB_JSON);
    sqlite3_stmt *s = db_prepare(
        a->db, "INSERT OR REPLACE INTO kiosks (id, config, updated_s)"
               " VALUES (?,?,?)");
    int rc = ERR_DB;
    if (s && text) {
        db_bind_text(s, 1, id);
        db_bind_text(s, 2, text);
        sqlite3_bind_int64(s, 3, a->now_s);
        rc = db_step_write(s);
    }
    sqlite3_finalize(s);
    free(text);
    return rc;
}

/* POST (create, body {"id", "config"}) or PUT (merge body into the
 * config). */
static void write_kiosk(struct admin *a, const char *id)
{
    json_t *body = http_body_json(a->r);
    if (!body)
        return;
    json_t *changes = id ? body : json_object_get(body, "config");
    if (!id)
        id = json_string_value(json_object_get(body, "id"));
    int rc = 0;
    if (!hub_id_ok(id)) {
        http_error(a->r, 400, "id: expected an id");
        rc = ERR_INVALID;
    } else if (!json_is_object(changes)) {
        http_error(a->r, 400, "config: expected an object");
        rc = ERR_INVALID;
    } else {
        const char *kid =
            json_string_value(json_object_get(changes, "kiosk_id"));
        if (kid && strcmp(kid, id) != 0) {
            http_error(a->r, 400, "config.kiosk_id: \"%s\" is not %s", kid, id);
            rc = ERR_INVALID;
        } else {
            rc = take_pin(a, changes); /* hashing is slow: before BEGIN */
        }
    }
    if (rc || db_begin(a->db)) {
        if (!a->r->replied)
            admin_db_error(a);
        json_decref(body);
        return;
    }
    bool put = strcmp(a->r->method, "PUT") == 0;
    char *old = admin_row_json(a->db,
                               "SELECT config FROM kiosks"
                               " WHERE id = ?",
                               id);
    json_t *config = NULL;
    if (put && !old) {
        http_error(a->r, 404, "no kiosk \"%s\"", id);
        rc = ERR_NOT_FOUND;
    } else if (!put && old) {
        http_error(a->r, 409, "kiosk \"%s\" exists", id);
        rc = ERR_EXISTS;
    } else {
        config = put ? json_loads(old, 0, NULL) : json_object();
        merge_patch(config, changes);
        json_object_set_new(config, "kiosk_id", json_string(id));
        rc = check_config(a, id, config);
    }
    if (!rc)
        rc = save(a, id, config);
    if (admin_finish(a, rc) && !a->r->replied)
        admin_db_error(a);
    if (!a->r->replied) {
        char *text = json_dumps(config, HUB_JSON);
        http_reply_json(a->r, put ? 200 : 201, kiosk_json(a, id, text));
        free(text);
    }
    free(old);
    json_decref(config);
    json_decref(body);
}

static void delete_kiosk(struct admin *a, const char *id)
{
    static const char *const sql[] = {
        "DELETE FROM kiosks WHERE id = ?1",
        "DELETE FROM leases WHERE kiosk = ?1",
        "DELETE FROM bundle_state WHERE kiosk = ?1",
        "DELETE FROM heartbeats WHERE kiosk = ?1",
        "UPDATE tokens SET revoked_s = ?2 WHERE role = 'kiosk'"
        " AND subject = ?1 AND revoked_s IS NULL",
    };
    if (db_begin(a->db)) {
        admin_db_error(a);
        return;
    }
    int rc = 0;
    if (db_query_int(a->db, "SELECT count(*) FROM kiosks WHERE id = ?", id,
                     0) == 0) {
        http_error(a->r, 404, "no kiosk \"%s\"", id);
        rc = ERR_NOT_FOUND;
    }
    if (!rc)
        rc = admin_exec_each(a, sql, sizeof sql / sizeof *sql, id);
    admin_end_delete(a, rc, id);
}

void admin_kiosks(struct admin *a, const char *id, const char *sub)
{
    const char *m = a->r->method;
    if (sub) {
        http_error(a->r, 404, "no such resource %s", a->r->url);
    } else if (!id && strcmp(m, "GET") == 0) {
        list(a);
    } else if (!id && strcmp(m, "POST") == 0) {
        write_kiosk(a, NULL);
    } else if (id && strcmp(m, "GET") == 0) {
        char *config = admin_row_json(a->db,
                                      "SELECT config FROM kiosks"
                                      " WHERE id = ?",
                                      id);
        if (config)
            http_reply_json(a->r, 200, kiosk_json(a, id, config));
        else
            http_error(a->r, 404, "no kiosk \"%s\"", id);
        free(config);
    } else if (id && strcmp(m, "PUT") == 0) {
        write_kiosk(a, id);
    } else if (id && strcmp(m, "DELETE") == 0) {
        delete_kiosk(a, id);
    } else {
        http_error(a->r, 405, "%s %s: not allowed", m, a->r->url);
    }
}
