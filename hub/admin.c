/*
 * admin.c - the admin API's router and the directory's create, read,
 * update and delete: categories, services, activities, notices, polls
 * (docs/protocol.md, "Admin API"). An item is stored as the JSON object
 * the bundle carries; it is valid if a bundle holding it (and what it
 * refers to) passes bundle_parse().
 */
#include "admin.h"

#include "buf.h"
#include "bundle.h"
#include "db.h"
#include "err.h"
#include "tokens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A valid config for checking directory items on their own. */
static const char check_config[] =
    "{\"kiosk_id\":\"check\",\"center\":{\"name\":{\"zh\":\"c\"},"
    "\"address\":{\"zh\":\"c\"}},\"location\":{\"lat\":31.2,\"lon\":121.4},"
    "\"display\":{\"orientation\":\"landscape\",\"pixel_pitch_mm\":0.248},"
    "\"languages\":[\"zh-CN\"],\"default_language\":\"zh-CN\","
    "\"default_mode\":\"standard\",\"idle\":{\"standard_s\":90,"
    "\"elder_s\":180,\"warning_s\":30},\"modules\":[\"services\"],"
    "\"staff_pin_hash\":\"$argon2id$v=19$m=8192,t=3,p=1$"
    "8lXdJc1CsNIvbkjBr29YBA$/OhFbyf3rVp0Qd/Ri1oNOA/twBZM0Da58mOfIJINh6Q\","
    "\"sync_interval_s\":300,\"screen\":{\"on\":\"07:00\",\"off\":\"21:30\","
    "\"brightness\":90,\"dim_brightness\":30,\"dim_after_s\":120},"
    "\"walking\":{\"speed_m_per_min\":66.7,\"detour\":1.3}}";

char *admin_bundle_text(const char *config, const char *categories,
                        const char *services, const char *activities,
                        const char *notices, const char *polls)
{
    struct buf b;
    buf_init(&b, BUNDLE_MAX_BYTES);
    buf_printf(&b,
               "{\"format\":1,\"version\":\"check\",\"generated_at\":"
               "\"2026-01-01T00:00:00+08:00\",\"config\":%s,"
               "\"categories\":%s,\"services\":%s,\"activities\":%s,"
               "\"notices\":%s,\"polls\":%s}",
               config ? config : check_config, categories ? categories : "[]",
               services ? services : "[]", activities ? activities : "[]",
               notices ? notices : "[]", polls ? polls : "[]");
    return buf_take(&b, NULL);
}

int admin_check(const char *bundle, size_t len, const char *from,
                const char *to, char *err, size_t errlen)
{
    struct bundle *b;
    char msg[512];
    int rc = bundle_parse(bundle, len, &b, msg, sizeof msg);
    if (!rc) {
        bundle_free(b);
        return 0;
    }
    size_t n = from ? strlen(from) : 0;
    if (to && n && strncmp(msg, from, n) == 0)
        snprintf(err, errlen, "%s%s", to, msg + n);
    else
        snprintf(err, errlen, "%s", msg);
    return rc;
}

char *admin_row_json(sqlite3 *db, const char *sql, const char *id)
{
    sqlite3_stmt *s = db_prepare(db, sql);
    if (!s)
        return NULL;
    db_bind_text(s, 1, id);
    char *j = sqlite3_step(s) == SQLITE_ROW ? strdup(db_col_text(s, 0)) : NULL;
    sqlite3_finalize(s);
    return j;
}

int admin_finish(struct admin *a, int rc)
{
    if (!rc)
        rc = db_mark_changed(a->db, a->now_s);
    rc = db_finish(a->db, rc);
    if (!rc)
        hub_changed(a->h);
    return rc;
}

int admin_exec_each(struct admin *a, const char *const *sql, size_t n,
                    const char *id)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        sqlite3_stmt *s = db_prepare(a->db, sql[i]);
        db_bind_text(s, 1, id);
        sqlite3_bind_int64(s, 2, a->now_s);
        rc = s ? db_step_write(s) : ERR_DB;
        sqlite3_finalize(s);
    }
    return rc;
}

void admin_end_delete(struct admin *a, int rc, const char *id)
{
    if (admin_finish(a, rc) && !a->r->replied)
        admin_db_error(a);
    if (!a->r->replied)
        http_reply_json(a->r, 200, json_pack("{s:s}", "deleted", id));
}

void admin_db_error(struct admin *a)
{
    http_error(a->r, 503, "database: %s", sqlite3_errmsg(a->db));
}

/* ---- the directory's kinds ----------------------------------------- */

struct kind {
    const char *name;   /* collection: "services" */
    const char *single; /* in error paths: "service" */
    const char *table;
    const char *in_use; /* SQL: is the item referred to? (NULL: never) */
    const char *in_use_why;
};

static const struct kind kinds[] = {
    {"categories", "category", "categories",
     "SELECT 1 FROM services WHERE category = ? LIMIT 1",
     "services are in this category"},
    {"services", "service", "services",
     "SELECT 1 FROM activities WHERE service = ? LIMIT 1",
     "an activity takes place here"},
    {"activities", "activity", "activities",
     "SELECT 1 FROM bookings b JOIN slots s ON s.id = b.slot"
     " WHERE s.activity = ? LIMIT 1",
     "its slots have bookings"},
    {"notices", "notice", "notices", NULL, NULL},
    {"polls", "poll", "polls", NULL, NULL},
};

static const struct kind *kind_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}

static void reply_text(struct admin *a, unsigned status, const char *json)
{
    http_reply(a->r, status, "application/json", json, strlen(json), NULL);
}

static void list(struct admin *a, const struct kind *k)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT json FROM %s ORDER BY pos, id", k->table);
    sqlite3_stmt *s = db_prepare(a->db, sql);
    if (!s) {
        admin_db_error(a);
        return;
    }
    struct buf b;
    buf_init(&b, BUNDLE_MAX_BYTES);
    int rc = buf_puts(&b, "{\"items\":["), n = 0;
    while (!rc && sqlite3_step(s) == SQLITE_ROW)
        rc = buf_printf(&b, "%s%s", n++ ? "," : "", db_col_text(s, 0));
    sqlite3_finalize(s);
    if (!rc)
        rc = buf_puts(&b, "]}");
    if (rc)
        http_error(a->r, 500, "list: %s", err_str(rc));
    else
        reply_text(a, 200, b.data);
    buf_release(&b);
}

static char *get_json(struct admin *a, const struct kind *k, const char *id)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT json FROM %s WHERE id = ?", k->table);
    return admin_row_json(a->db, sql, id);
}

/* The one-element arrays of a checking bundle for item of kind k. */
static char *wrap(const char *json)
{
    size_t n = strlen(json) + 3;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "[%s]", json);
    return s;
}

/* Checks item (compact JSON) of kind k with what it refers to; returns
 * the parsed bundle (the caller frees it) or NULL after answering 400. */
static struct bundle *check_item(struct admin *a, const struct kind *k,
                                 json_t *item)
{
    char *text = json_dumps(item, HUB_JSON);
    char *cat = NULL, *svc = NULL, *parts[5] = {0};
    const char *ref_cat = NULL;
    if (strcmp(k->name, "services") == 0) {
        ref_cat = json_string_value(json_object_get(item, "category"));
    } else if (strcmp(k->name, "activities") == 0) {
        const char *sid = json_string_value(json_object_get(item, "service"));
        svc = sid ? admin_row_json(a->db,
                                   "SELECT json FROM services"
                                   " WHERE id = ?",
                                   sid)
                  : NULL;
        if (svc) {
            json_t *sj = json_loads(svc, 0, NULL);
            cat = admin_row_json(
                a->db, "SELECT json FROM categories WHERE id = ?",
                json_string_value(json_object_get(sj, "category")));
            json_decref(sj);
        }
    }
    if (ref_cat)
        cat = admin_row_json(a->db,
                             "SELECT json FROM categories"
                             " WHERE id = ?",
                             ref_cat);
    int slot = strcmp(k->name, "categories") == 0   ? 0
               : strcmp(k->name, "services") == 0   ? 1
               : strcmp(k->name, "activities") == 0 ? 2
               : strcmp(k->name, "notices") == 0    ? 3
                                                    : 4;
    parts[slot] = wrap(text);
    if (cat && slot != 0)
        parts[0] = wrap(cat);
    if (svc)
        parts[1] = wrap(svc);
    char *bundle = admin_bundle_text(NULL, parts[0], parts[1], parts[2],
                                     parts[3], parts[4]);
    struct bundle *b = NULL;
    char msg[600], from[32];
    snprintf(from, sizeof from, "%s[0]", k->name);
    int rc =
        admin_check(bundle, strlen(bundle), from, k->single, msg, sizeof msg);
    if (rc)
        http_error(a->r, 400, "%s", msg);
    else
        bundle_parse(bundle, strlen(bundle), &b, NULL, 0);
    free(bundle);
    for (int i = 0; i < 5; i++)
        free(parts[i]);
    free(text);
    free(cat);
    free(svc);
    return b;
}

/* Writes item (insert at the end or update in place) with the columns
 * its kind queries. */
static int store_item(struct admin *a, const struct kind *k, json_t *item,
                      const struct bundle *b, bool insert)
{
    const char *id = json_string_value(json_object_get(item, "id"));
    char *text = json_dumps(item, HUB_JSON);
    char sql[256];
    const char *extra = "", *extra_vals = "";
    if (strcmp(k->table, "services") == 0)
        extra = ", category", extra_vals = ", ?4";
    else if (strcmp(k->table, "activities") == 0)
        extra = ", service", extra_vals = ", ?4";
    else if (strcmp(k->table, "notices") == 0)
        extra = ", end_s", extra_vals = ", ?6";
    else if (strcmp(k->table, "polls") == 0)
        extra = ", start_s, end_s", extra_vals = ", ?5, ?6";
    if (insert)
        snprintf(sql, sizeof sql,
                 "INSERT INTO %s (id, pos, json%s) VALUES (?1, (SELECT"
                 " coalesce(max(pos), -1) + 1 FROM %s), ?3%s)",
                 k->table, extra, k->table, extra_vals);
    else
        snprintf(sql, sizeof sql,
                 "INSERT OR REPLACE INTO %s (id, pos, json%s) VALUES (?1,"
                 " (SELECT pos FROM %s WHERE id = ?1), ?3%s)",
                 k->table, extra, k->table, extra_vals);
    sqlite3_stmt *s = db_prepare(a->db, sql);
    if (!s || !text) {
        sqlite3_finalize(s);
        free(text);
        return ERR_DB;
    }
    db_bind_text(s, 1, id);
    db_bind_text(s, 3, text);
    if (b->n_services && strcmp(k->table, "services") == 0)
        db_bind_text(s, 4, b->categories[b->services[0].category].id);
    if (b->n_activities && b->activities[0].service >= 0)
        db_bind_text(s, 4, b->services[b->activities[0].service].id);
    if (b->n_notices)
        sqlite3_bind_int64(s, 6, b->notices[0].end);
    if (b->n_polls) {
        sqlite3_bind_int64(s, 5, b->polls[0].start);
        sqlite3_bind_int64(s, 6, b->polls[0].end);
    }
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    free(text);
    return rc;
}

/* POST (id NULL) or PUT of one item. */
static void write_item(struct admin *a, const struct kind *k, const char *id)
{
    json_t *item = http_body_json(a->r);
    if (!item)
        return;
    const char *body_id = json_string_value(json_object_get(item, "id"));
    if (id && !body_id)
        json_object_set_new(item, "id", json_string(id));
    else if (id && strcmp(body_id, id) != 0) {
        http_error(a->r, 400, "%s.id: \"%s\" is not %s", k->single, body_id,
                   id);
        json_decref(item);
        return;
    }
    /* slots are managed under /slots, never through the activity */
    if (strcmp(k->name, "activities") == 0) {
        json_object_del(item, "slots");
        json_object_set_new(item, "slots", json_array());
    }
    if (db_begin(a->db)) {
        admin_db_error(a);
        json_decref(item);
        return;
    }
    struct bundle *b = check_item(a, k, item);
    int rc = b ? 0 : ERR_INVALID;
    char *old = NULL;
    if (!rc) {
        id = json_string_value(json_object_get(item, "id"));
        old = get_json(a, k, id);
    }
    bool put = strcmp(a->r->method, "PUT") == 0;
    if (!rc && !old && put) {
        http_error(a->r, 404, "no %s \"%s\"", k->single, id);
        rc = ERR_NOT_FOUND;
    } else if (!rc && old && !put) {
        http_error(a->r, 409, "%s \"%s\" exists", k->single, id);
        rc = ERR_EXISTS;
    }
    if (strcmp(k->name, "activities") == 0)
        json_object_del(item, "slots");
    bool existed = old != NULL;
    if (!rc)
        rc = store_item(a, k, item, b, !existed);
    free(old);
    bundle_free(b);
    if (admin_finish(a, rc) && !a->r->replied)
        admin_db_error(a);
    if (!a->r->replied) {
        char *text = json_dumps(item, HUB_JSON);
        reply_text(a, existed ? 200 : 201, text ? text : "{}");
        free(text);
    }
    json_decref(item);
}

static void delete_item(struct admin *a, const struct kind *k, const char *id)
{
    if (db_begin(a->db)) {
        admin_db_error(a);
        return;
    }
    char *old = get_json(a, k, id);
    int rc = 0;
    if (!old) {
        http_error(a->r, 404, "no %s \"%s\"", k->single, id);
        rc = ERR_NOT_FOUND;
    } else if (k->in_use && db_query_int(a->db, k->in_use, id, 0) == 1) {
        http_error(a->r, 409, "%s \"%s\" is in use: %s", k->single, id,
                   k->in_use_why);
        rc = ERR_EXISTS;
    }
    free(old);
    static const char *const activity_rows[] = {
        "DELETE FROM leases WHERE slot IN"
        " (SELECT id FROM slots WHERE activity = ?1)",
        "DELETE FROM slots WHERE activity = ?1",
    };
    if (!rc && strcmp(k->table, "activities") == 0)
        rc = admin_exec_each(a, activity_rows, 2, id);
    if (!rc) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?1", k->table);
        const char *one[] = {sql};
        rc = admin_exec_each(a, one, 1, id);
    }
    admin_end_delete(a, rc, id);
}

static void directory(struct admin *a, const struct kind *k, const char *id)
{
    const char *m = a->r->method;
    if (!id && strcmp(m, "GET") == 0) {
        list(a, k);
    } else if (!id && strcmp(m, "POST") == 0) {
        write_item(a, k, NULL);
    } else if (id && strcmp(m, "GET") == 0) {
        char *j = get_json(a, k, id);
        if (j)
            reply_text(a, 200, j);
        else
            http_error(a->r, 404, "no %s \"%s\"", k->single, id);
        free(j);
    } else if (id && strcmp(m, "PUT") == 0) {
        write_item(a, k, id);
    } else if (id && strcmp(m, "DELETE") == 0) {
        delete_item(a, k, id);
    } else {
        http_error(a->r, 405, "%s %s: not allowed", m, a->r->url);
    }
}

void api_admin(struct hub *h, struct http_req *r, const char *path)
{
    struct admin a = {h, r, hub_db(h), hub_now_s(h)};
    if (!a.db) {
        http_error(r, 503, "database unavailable");
        return;
    }
    /* collection[/id[/sub]] */
    char seg[3][ID_MAX + 2] = {{0}};
    int n = 0;
    for (const char *p = path; *p && n < 3;) {
        size_t len = strcspn(p, "/");
        if (len == 0 || len > ID_MAX) {
            http_error(r, 404, "no such resource %s", r->url);
            return;
        }
        memcpy(seg[n], p, len);
        seg[n++][len] = '\0';
        p += len;
        if (*p == '/')
            p++;
        if (*p == '\0' && p[-1] == '/' && n < 3)
            break;
    }
    const char *id = n > 1 ? seg[1] : NULL, *sub = n > 2 ? seg[2] : NULL;
    if (id && !hub_id_ok(id)) {
        http_error(r, 404, "no such resource %s", r->url);
        return;
    }
    const struct kind *k = kind_by_name(seg[0]);
    if (k && !sub)
        directory(&a, k, id);
    else if (strcmp(seg[0], "kiosks") == 0)
        admin_kiosks(&a, id, sub);
    else if (strcmp(seg[0], "slots") == 0)
        admin_slots(&a, id, sub);
    else if (strcmp(seg[0], "ratings") == 0 && !id)
        admin_ratings(&a);
    else
        http_error(r, 404, "no such resource %s", r->url);
}
