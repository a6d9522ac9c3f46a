/* seed.c - a bundle into an empty hub (see seed.h). */
#include "seed.h"

#include "buf.h"
#include "bundle.h"
#include "db.h"
#include "demo.h"
#include "err.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int insert_json(sqlite3 *db, const char *sql, const char *id, int pos,
                       const char *col3, int64_t a, int64_t b, const char *json)
{
    sqlite3_stmt *s = db_prepare(db, sql);
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, id);
    sqlite3_bind_int(s, 2, pos);
    db_bind_text(s, 3, json);
    db_bind_text(s, 4, col3);
    sqlite3_bind_int64(s, 5, a);
    sqlite3_bind_int64(s, 6, b);
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    return rc;
}

/* The object's JSON as the bundle has it (numbers as HUB_JSON writes
 * them), without member drop (NULL: none). */
static char *object_json(const struct bundle *b, const char *kind, int i,
                         const char *drop)
{
    char *text = bundle_object_json(b, kind, i);
    if (!text)
        return NULL;
    json_t *o = json_loads(text, 0, NULL);
    free(text);
    if (drop)
        json_object_del(o, drop);
    text = o ? json_dumps(o, HUB_JSON) : NULL;
    json_decref(o);
    return text;
}

static int insert_slot(sqlite3 *db, const char *activity, const struct slot *sl)
{
    sqlite3_stmt *s = db_prepare(
        db, "INSERT INTO slots (id, activity, start_s, end_s, capacity,"
            " quota, booked) VALUES (?,?,?,?,?,?,?)");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, sl->id);
    db_bind_text(s, 2, activity);
    sqlite3_bind_int64(s, 3, sl->start);
    sqlite3_bind_int64(s, 4, sl->end);
    sqlite3_bind_int(s, 5, sl->capacity);
    sqlite3_bind_int(s, 6, sl->quota);
    sqlite3_bind_int(s, 7, sl->booked);
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    return rc;
}

static int import(sqlite3 *db, const struct bundle *b, int64_t now_s)
{
    int rc = 0;
    char *cfg = object_json(b, "config", 0, NULL);
    sqlite3_stmt *s = db_prepare(
        db, "INSERT INTO kiosks (id, config, updated_s) VALUES (?,?,?)");
    if (!s || !cfg) {
        rc = ERR_DB;
    } else {
        db_bind_text(s, 1, b->config.kiosk_id);
        db_bind_text(s, 2, cfg);
        sqlite3_bind_int64(s, 3, now_s);
        rc = db_step_write(s);
    }
    sqlite3_finalize(s);
    free(cfg);
    for (int i = 0; !rc && i < b->n_categories; i++) {
        char *j = object_json(b, "categories", i, NULL);
        rc = insert_json(db,
                         "INSERT INTO categories (id, pos, json)"
                         " VALUES (?1, ?2, ?3)",
                         b->categories[i].id, i, NULL, 0, 0, j);
        free(j);
    }
    for (int i = 0; !rc && i < b->n_services; i++) {
        const struct service *sv = &b->services[i];
        char *j = object_json(b, "services", i, NULL);
        rc = insert_json(db,
                         "INSERT INTO services (id, pos, json, category)"
                         " VALUES (?1, ?2, ?3, ?4)",
                         sv->id, i, b->categories[sv->category].id, 0, 0, j);
        free(j);
    }
    for (int i = 0; !rc && i < b->n_activities; i++) {
        const struct activity *a = &b->activities[i];
        char *j = object_json(b, "activities", i, "slots");
        rc = insert_json(db,
                         "INSERT INTO activities (id, pos, json, service)"
                         " VALUES (?1, ?2, ?3, ?4)",
                         a->id, i,
                         a->service >= 0 ? b->services[a->service].id : NULL, 0,
                         0, j);
        free(j);
        for (int k = 0; !rc && k < a->n_slots; k++)
            rc = insert_slot(db, a->id, &a->slots[k]);
    }
    for (int i = 0; !rc && i < b->n_notices; i++) {
        char *j = object_json(b, "notices", i, NULL);
        rc = insert_json(db,
                         "INSERT INTO notices (id, pos, json, end_s)"
                         " VALUES (?1, ?2, ?3, ?6)",
                         b->notices[i].id, i, NULL, 0, b->notices[i].end, j);
        free(j);
    }
    for (int i = 0; !rc && i < b->n_polls; i++) {
        char *j = object_json(b, "polls", i, NULL);
        rc = insert_json(db,
                         "INSERT INTO polls (id, pos, json, start_s,"
                         " end_s) VALUES (?1, ?2, ?3, ?5, ?6)",
                         b->polls[i].id, i, NULL, b->polls[i].start,
                         b->polls[i].end, j);
        free(j);
    }
    return rc ? rc : db_mark_changed(db, now_s);
}

int seed_bundle(sqlite3 *db, const char *text, size_t len, int64_t now_s,
                char kiosk_out[65], int *skipped, char *err, size_t errlen)
{
    struct bundle *b;
    int rc = bundle_parse(text, len, &b, err, errlen);
    if (rc)
        return rc;
    snprintf(kiosk_out, 65, "%s", b->config.kiosk_id);
    if ((rc = db_begin(db))) {
        bundle_free(b);
        return rc;
    }
    *skipped = db_query_int(db,
                            "SELECT (SELECT count(*) FROM kiosks) +"
                            " (SELECT count(*) FROM services)",
                            NULL, 0) > 0;
    if (!*skipped)
        rc = import(db, b, now_s);
    if (rc)
        snprintf(err, errlen, "cannot store: %s", sqlite3_errmsg(db));
    rc = db_finish(db, rc);
    bundle_free(b);
    return rc;
}

int seed_demo(sqlite3 *db, const char *assets_dir, int64_t now_s,
              char kiosk_out[65], int *skipped, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/demo/community.json", assets_dir);
    struct buf t;
    buf_init(&t, BUNDLE_MAX_BYTES);
    int rc = buf_read_file(&t, path);
    if (rc) {
        snprintf(err, errlen, "cannot read %s: %s", path, err_str(rc));
        buf_release(&t);
        return rc;
    }
    char *bundle;
    size_t len;
    rc = demo_bundle_make(t.data, t.len, now_s, &bundle, &len, err, errlen);
    buf_release(&t);
    if (rc)
        return rc;
    rc = seed_bundle(db, bundle, len, now_s, kiosk_out, skipped, err, errlen);
    free(bundle);
    return rc;
}
