/*
 * store.c - the SQLite cache: open and migrate, apply a bundle in one
 * transaction, export it, the screens' paged queries, and the residents'
 * actions written together with their outbox events (see store.h,
 * docs/cache.md).
 */
#include "store.h"

#include "buf.h"
#include "civil_time.h"
#include "err.h"
#include "outbox.h"
#include "store_internal.h"
#include "store_schema.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* ---- plumbing shared with outbox.c ------------------------------------- */

sqlite3_stmt *store_prepare(struct store *st, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return NULL;
    }
    return stmt;
}

int store_step_write(struct store *st, sqlite3_stmt *stmt)
{
    if (st->fail_after > 0 && --st->fail_after == 0)
        return ERR_DB;
    int rc = sqlite3_step(stmt);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : ERR_DB;
}

int store_exec(struct store *st, const char *sql)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0
                                                                    : ERR_DB;
}

int store_begin(struct store *st)
{
    return store_exec(st, "BEGIN IMMEDIATE");
}

int store_commit(struct store *st)
{
    return store_exec(st, "COMMIT");
}

void store_rollback(struct store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_finish(struct store *st, int rc)
{
    if (!rc)
        rc = store_commit(st);
    if (rc)
        store_rollback(st);
    return rc;
}

int store_row_rc(int step)
{
    return step == SQLITE_ROW    ? 0
           : step == SQLITE_DONE ? ERR_NOT_FOUND
                                 : ERR_DB;
}

void store_col_text(sqlite3_stmt *stmt, int i, char *dst, size_t n)
{
    const unsigned char *s = sqlite3_column_text(stmt, i);
    snprintf(dst, n, "%s", s ? (const char *)s : "");
}

void store_fail_after(struct store *st, int n)
{
    st->fail_after = n;
}

const char *store_errmsg(const struct store *st)
{
    return sqlite3_errmsg(st->db);
}

int store_schema_version(void)
{
    return store_n_migrations;
}

/* linli_open(hours_blob, unix_s): the open-now rule of hours.h, in SQL, so
 * filtering, counting and paging by "open now" happen in one query. */
static void sql_open(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct hours h;
    if (sqlite3_value_bytes(argv[0]) != (int)sizeof h) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    memcpy(&h, sqlite3_value_blob(argv[0]), sizeof h);
    sqlite3_result_int(ctx,
                       hours_is_open(&h, sqlite3_value_int64(argv[1]), NULL));
}

/* ---- open and migrate -------------------------------------------------- */

static int user_version(struct store *st, int *out)
{
    sqlite3_stmt *stmt = store_prepare(st, "PRAGMA user_version");
    if (!stmt || sqlite3_step(stmt) != SQLITE_ROW) {
        sqlite3_finalize(stmt);
        return ERR_DB;
    }
    *out = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return 0;
}

static int migrate(struct store *st)
{
    int v;
    if (user_version(st, &v))
        return ERR_DB;
    if (v > store_n_migrations)
        return ERR_SCHEMA;
    for (; v < store_n_migrations; v++) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
        if (store_begin(st) || store_exec(st, store_migrations[v]) ||
            store_exec(st, sql) || store_commit(st)) {
            store_rollback(st);
            return ERR_DB;
        }
    }
    return 0;
}

int store_open(const char *path, struct store **out, char *errbuf,
               size_t errlen)
{
    struct store *st = xcalloc(1, sizeof *st);
    int rc = ERR_DB;
    if (sqlite3_open_v2(path, &st->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                            SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK)
        goto fail;
    sqlite3_busy_timeout(st->db, 5000);
    /* The schema check first: a newer cache must be left as it is, and a
     * file that is not a database must not be turned into one. */
    int v;
    if (user_version(st, &v))
        goto fail;
    if (v > store_n_migrations) {
        rc = ERR_SCHEMA;
        goto fail;
    }
    if (store_exec(st, "PRAGMA journal_mode = WAL") ||
        store_exec(st, "PRAGMA synchronous = FULL") ||
        store_exec(st, "PRAGMA foreign_keys = ON") ||
        sqlite3_create_function(st->db, "linli_open", 2,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                sql_open, NULL, NULL) != SQLITE_OK ||
        search_register(st->db))
        goto fail;
    if ((rc = migrate(st)))
        goto fail;
    *out = st;
    return 0;
fail:
    if (errbuf && errlen)
        snprintf(errbuf, errlen, "%s",
                 rc == ERR_SCHEMA ? "written by a newer version of linli"
                 : st->db         ? sqlite3_errmsg(st->db)
                                  : "out of memory");
    store_close(st);
    return rc;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    free(st);
}

/* ---- apply a bundle ---------------------------------------------------- */

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

/* Binds a text's zh, then its en (zh when en is missing), at i and i+1. */
static void bind_pair(sqlite3_stmt *s, int i, const struct text *t)
{
    bind_text(s, i, t->zh);
    bind_text(s, i + 1, t->en ? t->en : t->zh);
}

static void bind_json(sqlite3_stmt *s, int i, const struct bundle *b,
                      const char *kind, int index)
{
    char *json = bundle_object_json(b, kind, index);
    sqlite3_bind_text(s, i, json, -1, free);
}

/* Runs one prepared insert per item: bind(i) then step, reset. */
#define INSERT_EACH(st, sql, count, bind_body)                                \
    do {                                                                      \
        sqlite3_stmt *s = store_prepare(st, sql);                             \
        if (!s)                                                               \
            return ERR_DB;                                                    \
        for (int i = 0; i < (count); i++) {                                   \
            bind_body;                                                        \
            int rc_ = store_step_write(st, s);                                \
            sqlite3_reset(s);                                                 \
            sqlite3_clear_bindings(s);                                        \
            if (rc_) {                                                        \
                sqlite3_finalize(s);                                          \
                return rc_;                                                   \
            }                                                                 \
        }                                                                     \
        sqlite3_finalize(s);                                                  \
    } while (0)

/* INSERT OR REPLACE of one key/value row with sql. */
static int put_row(struct store *st, const char *sql, const char *key,
                   const char *value)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    if (!s)
        return ERR_DB;
    bind_text(s, 1, key);
    bind_text(s, 2, value);
    int rc = store_step_write(st, s);
    sqlite3_finalize(s);
    return rc;
}

static int put_meta(struct store *st, const char *key, const char *value)
{
    return put_row(st, "INSERT OR REPLACE INTO meta (key, value) VALUES (?,?)",
                   key, value);
}

static int put_sync(struct store *st, const char *key, const char *value)
{
    return put_row(
        st, "INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)", key,
        value);
}

static int apply_rows(struct store *st, const struct bundle *b,
                      int64_t applied_ms)
{
    if (store_exec(st, "DELETE FROM config; DELETE FROM categories;"
                       "DELETE FROM services; DELETE FROM activities;"
                       "DELETE FROM slots; DELETE FROM notices;"
                       "DELETE FROM polls;"
                       "UPDATE bookings SET in_bundle = 1 WHERE acked = 1"))
        return ERR_DB;

    INSERT_EACH(st, "INSERT INTO config (id, kiosk_id, json) VALUES (1,?,?)",
                1, {
                    bind_text(s, 1, b->config.kiosk_id);
                    bind_json(s, 2, b, "config", 0);
                });
    INSERT_EACH(st,
                "INSERT INTO categories (ord, id, name_zh, name_en, icon,"
                " json) VALUES (?,?,?,?,?,?)",
                b->n_categories, {
                    const struct category *c = &b->categories[i];
                    sqlite3_bind_int(s, 1, i);
                    bind_text(s, 2, c->id);
                    bind_pair(s, 3, &c->name);
                    bind_text(s, 5, c->icon);
                    bind_json(s, 6, b, "categories", i);
                });
    INSERT_EACH(st,
                "INSERT INTO services (ord, id, category, name_zh, name_en,"
                " addr_zh, addr_en, phone, lat, lon, walk_min, tags, hours,"
                " json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                b->n_services, {
                    const struct service *v = &b->services[i];
                    sqlite3_bind_int(s, 1, i);
                    bind_text(s, 2, v->id);
                    bind_text(s, 3, b->categories[v->category].id);
                    bind_pair(s, 4, &v->name);
                    bind_pair(s, 6, &v->address);
                    bind_text(s, 8, v->phone);
                    sqlite3_bind_double(s, 9, v->lat);
                    sqlite3_bind_double(s, 10, v->lon);
                    sqlite3_bind_double(s, 11, v->walk_min);
                    sqlite3_bind_int(s, 12, (int)v->tags);
                    sqlite3_bind_blob(s, 13, &v->hours, sizeof v->hours,
                                      SQLITE_TRANSIENT);
                    bind_json(s, 14, b, "services", i);
                });
    INSERT_EACH(st,
                "INSERT INTO activities (ord, id, name_zh, name_en, org_zh,"
                " org_en, place_zh, place_en, json)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                b->n_activities, {
                    const struct activity *a = &b->activities[i];
                    sqlite3_bind_int(s, 1, i);
                    bind_text(s, 2, a->id);
                    bind_pair(s, 3, &a->name);
                    bind_pair(s, 5, &a->org);
                    bind_pair(s, 7, &a->place);
                    bind_json(s, 9, b, "activities", i);
                });
    for (int a = 0; a < b->n_activities; a++) {
        const struct activity *act = &b->activities[a];
        INSERT_EACH(st,
                    "INSERT INTO slots (id, activity, start_s, end_s,"
                    " capacity, booked, quota, quota_until)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    act->n_slots, {
                        const struct slot *sl = &act->slots[i];
                        bind_text(s, 1, sl->id);
                        bind_text(s, 2, act->id);
                        sqlite3_bind_int64(s, 3, sl->start);
                        sqlite3_bind_int64(s, 4, sl->end);
                        sqlite3_bind_int(s, 5, sl->capacity);
                        sqlite3_bind_int(s, 6, sl->booked);
                        sqlite3_bind_int(s, 7, sl->quota);
                        if (sl->quota_until)
                            sqlite3_bind_int64(s, 8, sl->quota_until);
                        else
                            sqlite3_bind_null(s, 8);
                    });
    }
    INSERT_EACH(st,
                "INSERT INTO notices (ord, id, start_s, end_s, important,"
                " title_zh, title_en, json) VALUES (?,?,?,?,?,?,?,?)",
                b->n_notices, {
                    const struct notice *n = &b->notices[i];
                    sqlite3_bind_int(s, 1, i);
                    bind_text(s, 2, n->id);
                    sqlite3_bind_int64(s, 3, n->start);
                    sqlite3_bind_int64(s, 4, n->end);
                    sqlite3_bind_int(s, 5, n->important);
                    bind_pair(s, 6, &n->title);
                    bind_json(s, 8, b, "notices", i);
                });
    INSERT_EACH(st,
                "INSERT INTO polls (ord, id, start_s, end_s, json)"
                " VALUES (?,?,?,?,?)",
                b->n_polls, {
                    const struct poll *p = &b->polls[i];
                    sqlite3_bind_int(s, 1, i);
                    bind_text(s, 2, p->id);
                    sqlite3_bind_int64(s, 3, p->start);
                    sqlite3_bind_int64(s, 4, p->end);
                    bind_json(s, 5, b, "polls", i);
                });

    char *version = bundle_object_json(b, "version", 0);
    char *generated = bundle_object_json(b, "generated_at", 0);
    char applied[32];
    snprintf(applied, sizeof applied, "%lld", (long long)applied_ms);
    int rc = put_meta(st, "version", version);
    if (!rc)
        rc = put_meta(st, "generated_at", generated);
    if (!rc)
        rc = put_meta(st, "applied_ms", applied);
    free(version);
    free(generated);
    return rc;
}

int store_apply_bundle(struct store *st, const struct bundle *b,
                       int64_t applied_ms)
{
    return store_apply_synced(st, b, applied_ms, "");
}

int store_apply_synced(struct store *st, const struct bundle *b,
                       int64_t applied_ms, const char *etag)
{
    if (store_begin(st))
        return ERR_DB;
    int rc = apply_rows(st, b, applied_ms);
    if (!rc)
        rc = put_sync(st, "etag", etag);
    return store_finish(st, rc);
}

/* ---- read back --------------------------------------------------------- */

int store_query_int(struct store *st, const char *sql, int *out)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    if (!s)
        return ERR_DB;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : ERR_DB;
}

static int get_meta(struct store *st, const char *key, char *out, size_t n)
{
    sqlite3_stmt *s = store_prepare(st, "SELECT value FROM meta WHERE key=?");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, key);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        store_col_text(s, 0, out, n);
    sqlite3_finalize(s);
    return store_row_rc(rc);
}

/* ---- sync meta --------------------------------------------------------- */

int store_sync_get(struct store *st, struct sync_meta *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_prepare(st, "SELECT key, value FROM sync_meta");
    if (!s)
        return ERR_DB;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(s, 0);
        const char *v = (const char *)sqlite3_column_text(s, 1);
        if (strcmp(k, "etag") == 0)
            snprintf(out->etag, sizeof out->etag, "%s", v);
        else if (strcmp(k, "last_error") == 0)
            snprintf(out->last_error, sizeof out->last_error, "%s", v);
        else if (strcmp(k, "last_sync_ms") == 0)
            out->last_sync_ms = strtoll(v, NULL, 10);
        else if (strcmp(k, "last_error_ms") == 0)
            out->last_error_ms = strtoll(v, NULL, 10);
        else if (strcmp(k, "clock_offset_ms") == 0)
            out->clock_offset_ms = strtoll(v, NULL, 10);
        else if (strcmp(k, "clock_adjusted") == 0)
            out->clock_adjusted = strcmp(v, "1") == 0;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : ERR_DB;
}

int store_sync_put(struct store *st, const struct sync_meta *m)
{
    char n[4][24];
    snprintf(n[0], sizeof n[0], "%lld", (long long)m->last_sync_ms);
    snprintf(n[1], sizeof n[1], "%lld", (long long)m->last_error_ms);
    snprintf(n[2], sizeof n[2], "%lld", (long long)m->clock_offset_ms);
    snprintf(n[3], sizeof n[3], "%d", m->clock_adjusted ? 1 : 0);
    if (store_begin(st))
        return ERR_DB;
    int rc = put_sync(st, "last_sync_ms", n[0]);
    if (!rc)
        rc = put_sync(st, "last_error_ms", n[1]);
    if (!rc)
        rc = put_sync(st, "clock_offset_ms", n[2]);
    if (!rc)
        rc = put_sync(st, "clock_adjusted", n[3]);
    if (!rc)
        rc = put_sync(st, "last_error", m->last_error);
    return store_finish(st, rc);
}

bool store_is_empty(struct store *st)
{
    char v[8];
    return get_meta(st, "version", v, sizeof v) != 0;
}

/* Appends the json column of every row of table, in order, as an array. */
static int export_list(struct store *st, struct buf *out, const char *key,
                       const char *table)
{
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT json FROM %s ORDER BY ord", table);
    sqlite3_stmt *s = store_prepare(st, sql);
    if (!s)
        return ERR_DB;
    int rc = buf_printf(out, ",\"%s\":[", key);
    int k = 0, step;
    while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
        if (k++)
            rc = buf_puts(out, ",");
        if (!rc)
            rc = buf_puts(out, (const char *)sqlite3_column_text(s, 0));
    }
    if (!rc && step != SQLITE_DONE)
        rc = ERR_DB;
    sqlite3_finalize(s);
    return rc ? rc : buf_puts(out, "]");
}

/* The bundle document; with config_only, its lists left empty (what
 * reading the config needs, without the cost of the directory). */
static char *export_text(struct store *st, bool config_only, size_t *len_out,
                         int *rc_out)
{
    char version[VERSION_MAX_BYTES * 2 + 8], generated[80];
    struct buf out;
    int rc;
    buf_init(&out, 2 * (size_t)BUNDLE_MAX_BYTES);
    /* One read transaction, so the parts belong to the same bundle. */
    if (store_exec(st, "BEGIN")) {
        rc = ERR_DB;
        goto done;
    }
    rc = get_meta(st, "version", version, sizeof version);
    if (!rc)
        rc = get_meta(st, "generated_at", generated, sizeof generated);
    if (!rc)
        rc = buf_printf(&out, "{\"format\":%d,\"version\":%s,"
                              "\"generated_at\":%s,\"config\":",
                        BUNDLE_FORMAT, version, generated);
    if (!rc) {
        sqlite3_stmt *s = store_prepare(st, "SELECT json FROM config");
        if (s && sqlite3_step(s) == SQLITE_ROW)
            rc = buf_puts(&out, (const char *)sqlite3_column_text(s, 0));
        else
            rc = ERR_DB;
        sqlite3_finalize(s);
    }
    if (!rc && config_only)
        rc = buf_puts(&out, ",\"categories\":[],\"services\":[],"
                            "\"activities\":[],\"notices\":[],"
                            "\"polls\":[]");
    else if (!rc)
        rc = export_list(st, &out, "categories", "categories");
    if (!rc && !config_only)
        rc = export_list(st, &out, "services", "services");
    if (!rc && !config_only)
        rc = export_list(st, &out, "activities", "activities");
    if (!rc && !config_only)
        rc = export_list(st, &out, "notices", "notices");
    if (!rc && !config_only)
        rc = export_list(st, &out, "polls", "polls");
    if (!rc)
        rc = buf_puts(&out, "}\n");
    store_rollback(st);
done:
    if (rc_out)
        *rc_out = rc;
    if (rc) {
        buf_release(&out);
        return NULL;
    }
    return buf_take(&out, len_out);
}

char *store_export(struct store *st, size_t *len_out, int *rc_out)
{
    return export_text(st, false, len_out, rc_out);
}

static int load(struct store *st, bool config_only, struct bundle **out)
{
    size_t len;
    int rc;
    char *json = export_text(st, config_only, &len, &rc);
    if (!json)
        return rc;
    rc = bundle_parse(json, len, out, NULL, 0);
    free(json);
    return rc ? ERR_DB : 0; /* what we wrote must parse: else corruption */
}

int store_load_bundle(struct store *st, struct bundle **out)
{
    return load(st, false, out);
}

int store_load_config(struct store *st, struct bundle **out)
{
    return load(st, true, out);
}

int store_info(struct store *st, struct store_info *out)
{
    memset(out, 0, sizeof *out);
    char tmp[80];
    if (!get_meta(st, "version", tmp, sizeof tmp)) {
        json_t *j = json_loads(tmp, JSON_DECODE_ANY, NULL);
        snprintf(out->bundle_version, sizeof out->bundle_version, "%s",
                 json_string_value(j) ? json_string_value(j) : "");
        json_decref(j);
    }
    if (!get_meta(st, "generated_at", tmp, sizeof tmp)) {
        json_t *j = json_loads(tmp, JSON_DECODE_ANY, NULL);
        if (json_string_value(j))
            civil_parse_timestamp(json_string_value(j), &out->generated_at);
        json_decref(j);
    }
    if (!get_meta(st, "applied_ms", tmp, sizeof tmp))
        out->applied_ms = strtoll(tmp, NULL, 10);
    sqlite3_stmt *s = store_prepare(st, "SELECT kiosk_id FROM config");
    if (s && sqlite3_step(s) == SQLITE_ROW)
        store_col_text(s, 0, out->kiosk_id, sizeof out->kiosk_id);
    sqlite3_finalize(s);
    struct {
        const char *sql;
        int *dst;
    } counts[] = {
        {"SELECT count(*) FROM categories", &out->n_categories},
        {"SELECT count(*) FROM services", &out->n_services},
        {"SELECT count(*) FROM activities", &out->n_activities},
        {"SELECT count(*) FROM slots", &out->n_slots},
        {"SELECT count(*) FROM notices", &out->n_notices},
        {"SELECT count(*) FROM polls", &out->n_polls},
        {"SELECT count(*) FROM bookings", &out->n_bookings},
        {"SELECT count(*) FROM ratings", &out->n_ratings},
        {"SELECT count(*) FROM ratings WHERE level >= 3", &out->n_ratings_good},
        {"SELECT count(*) FROM poll_answers", &out->n_poll_answers},
        {"SELECT count(*) FROM outbox", &out->outbox_depth},
    };
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
        if (store_query_int(st, counts[i].sql, counts[i].dst))
            return ERR_DB;
    return 0;
}

/* ---- queries ----------------------------------------------------------- */

/* Steps a paged query into rows with fill(); returns 0 or ERR_DB. */
#define FETCH_ROWS(s, rows, max, n, fill)                                     \
    do {                                                                      \
        int step_;                                                            \
        *(n) = 0;                                                             \
        while (*(n) < (max) && (step_ = sqlite3_step(s)) == SQLITE_ROW) {     \
            fill(s, &(rows)[*(n)]);                                           \
            (*(n))++;                                                         \
        }                                                                     \
        if (*(n) < (max) && step_ != SQLITE_DONE) {                           \
            sqlite3_finalize(s);                                              \
            return ERR_DB;                                                    \
        }                                                                     \
        sqlite3_finalize(s);                                                  \
    } while (0)

static void col_pair(sqlite3_stmt *s, int i, char dst[][NAME_MAX_BYTES + 1])
{
    store_col_text(s, i, dst[LANG_ZH], NAME_MAX_BYTES + 1);
    store_col_text(s, i + 1, dst[LANG_EN], NAME_MAX_BYTES + 1);
}

static void fill_category(sqlite3_stmt *s, struct category_row *r)
{
    store_col_text(s, 0, r->id, sizeof r->id);
    col_pair(s, 1, r->name);
    store_col_text(s, 3, r->icon, sizeof r->icon);
    r->n_services = sqlite3_column_int(s, 4);
}

int store_categories(struct store *st, struct category_row *rows, int max,
                     int *n)
{
    sqlite3_stmt *s = store_prepare(
        st, "SELECT c.id, c.name_zh, c.name_en, c.icon, (SELECT count(*) "
            "FROM services v WHERE v.category = c.id AND v.walk_min <= 15) "
            "FROM categories c "
            "ORDER BY c.ord");
    if (!s)
        return ERR_DB;
    FETCH_ROWS(s, rows, max, n, fill_category);
    return 0;
}

#define SERVICE_COLS                                                          \
    "id, category, name_zh, name_en, addr_zh, addr_en, phone, lat, lon, "     \
    "walk_min, tags, hours, linli_open(hours, ?1)"

static void fill_service(sqlite3_stmt *s, struct service_row *r)
{
    store_col_text(s, 0, r->id, sizeof r->id);
    store_col_text(s, 1, r->category, sizeof r->category);
    col_pair(s, 2, r->name);
    store_col_text(s, 4, r->address[LANG_ZH], sizeof r->address[LANG_ZH]);
    store_col_text(s, 5, r->address[LANG_EN], sizeof r->address[LANG_EN]);
    store_col_text(s, 6, r->phone, sizeof r->phone);
    r->lat = sqlite3_column_double(s, 7);
    r->lon = sqlite3_column_double(s, 8);
    r->walk_min = sqlite3_column_double(s, 9);
    r->tags = (unsigned)sqlite3_column_int(s, 10);
    memset(&r->hours, 0, sizeof r->hours);
    if (sqlite3_column_bytes(s, 11) == (int)sizeof r->hours)
        memcpy(&r->hours, sqlite3_column_blob(s, 11), sizeof r->hours);
    r->open_now = sqlite3_column_int(s, 12) != 0;
}

/* The WHERE clause of a service query, with only the filters that are
 * set, so SQLite can walk the (category, walk_min) or walk_min index in
 * order instead of scanning. Parameters: ?1 now, ?2 category, ?3 minutes. */
static void service_where(const struct service_query *q, char *out, size_t n)
{
    snprintf(out, n, " FROM services WHERE 1%s%s%s",
             q->category ? " AND category = ?2" : "",
             q->within_min ? " AND walk_min <= ?3" : "",
             q->open_only ? " AND linli_open(hours, ?1)" : "");
}

static sqlite3_stmt *service_stmt(struct store *st,
                                  const struct service_query *q,
                                  int64_t now_s, const char *head,
                                  const char *tail)
{
    char where[160], sql[512];
    service_where(q, where, sizeof where);
    snprintf(sql, sizeof sql, "%s%s%s", head, where, tail);
    sqlite3_stmt *s = store_prepare(st, sql);
    if (!s)
        return NULL;
    sqlite3_bind_int64(s, 1, now_s);
    if (q->category)
        bind_text(s, 2, q->category);
    if (q->within_min)
        sqlite3_bind_int(s, 3, q->within_min);
    return s;
}

int store_services(struct store *st, const struct service_query *q,
                   int64_t now_s, struct service_row *rows, int max, int *n,
                   int *total)
{
    if (total) {
        sqlite3_stmt *c = service_stmt(st, q, now_s, "SELECT count(*)", "");
        if (!c)
            return ERR_DB;
        *total = sqlite3_step(c) == SQLITE_ROW ? sqlite3_column_int(c, 0) : 0;
        sqlite3_finalize(c);
    }
    sqlite3_stmt *s = service_stmt(st, q, now_s, "SELECT " SERVICE_COLS,
                                   " ORDER BY walk_min, ord LIMIT ?4"
                                   " OFFSET ?5");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int(s, 4, max);
    sqlite3_bind_int(s, 5, q->offset);
    FETCH_ROWS(s, rows, max, n, fill_service);
    return 0;
}

int store_service(struct store *st, const char *id, int64_t now_s,
                  struct service_detail *out)
{
    sqlite3_stmt *s = store_prepare(
        st, "SELECT " SERVICE_COLS ", json_extract(json, '$.description.zh'),"
            " coalesce(json_extract(json, '$.description.en'),"
            " json_extract(json, '$.description.zh')),"
            " json_extract(json, '$.url') FROM services WHERE id = ?2");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, now_s);
    bind_text(s, 2, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        fill_service(s, &out->row);
        store_col_text(s, 13, out->description[LANG_ZH],
                       sizeof out->description[LANG_ZH]);
        store_col_text(s, 14, out->description[LANG_EN],
                       sizeof out->description[LANG_EN]);
        store_col_text(s, 15, out->url, sizeof out->url);
    }
    sqlite3_finalize(s);
    return store_row_rc(rc);
}

static void fill_activity(sqlite3_stmt *s, struct activity_row *r)
{
    store_col_text(s, 0, r->id, sizeof r->id);
    col_pair(s, 1, r->name);
    col_pair(s, 3, r->org);
    col_pair(s, 5, r->place);
    r->open_slots = sqlite3_column_int(s, 7);
    r->seats_left = sqlite3_column_int(s, 8);
    r->next_start = sqlite3_column_int64(s, 9);
}

int store_activities(struct store *st, int64_t now_s, int offset,
                     struct activity_row *rows, int max, int *n, int *total)
{
    if (total && store_query_int(st, "SELECT count(*) FROM activities", total))
        return ERR_DB;
    sqlite3_stmt *s = store_prepare(
        st, "SELECT a.id, a.name_zh, a.name_en, a.org_zh, a.org_en,"
            " a.place_zh, a.place_en, count(t.id), coalesce(sum(t.remaining),"
            " 0), coalesce(min(t.start_s), 0) FROM activities a LEFT JOIN"
            " slot_seats t ON t.activity = a.id AND t.start_s > ?1 AND"
            " t.remaining > 0 GROUP BY a.id ORDER BY a.ord LIMIT ?2 OFFSET ?3");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, now_s);
    sqlite3_bind_int(s, 2, max);
    sqlite3_bind_int(s, 3, offset);
    FETCH_ROWS(s, rows, max, n, fill_activity);
    return 0;
}

#define SLOT_COLS                                                              \
    "id, activity, start_s, end_s, capacity, remaining, quota_left,"           \
    " coalesce(quota_until, 0)"

static void fill_slot(sqlite3_stmt *s, struct slot_row *r)
{
    store_col_text(s, 0, r->id, sizeof r->id);
    store_col_text(s, 1, r->activity, sizeof r->activity);
    r->start = sqlite3_column_int64(s, 2);
    r->end = sqlite3_column_int64(s, 3);
    r->capacity = sqlite3_column_int(s, 4);
    r->remaining = sqlite3_column_int(s, 5);
    r->quota_left = sqlite3_column_int(s, 6);
    r->quota_until = sqlite3_column_int64(s, 7);
}

int store_slots(struct store *st, const char *activity_id, int64_t now_s,
                int offset, struct slot_row *rows, int max, int *n,
                int *total)
{
    if (total) {
        sqlite3_stmt *c = store_prepare(
            st, "SELECT count(*) FROM slots WHERE activity=?1 AND start_s>?2");
        if (!c)
            return ERR_DB;
        bind_text(c, 1, activity_id);
        sqlite3_bind_int64(c, 2, now_s);
        *total = sqlite3_step(c) == SQLITE_ROW ? sqlite3_column_int(c, 0) : 0;
        sqlite3_finalize(c);
    }
    sqlite3_stmt *s = store_prepare(
        st, "SELECT " SLOT_COLS " FROM slot_seats WHERE activity = ?1 AND"
            " start_s > ?2 ORDER BY start_s, id LIMIT ?3 OFFSET ?4");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, activity_id);
    sqlite3_bind_int64(s, 2, now_s);
    sqlite3_bind_int(s, 3, max);
    sqlite3_bind_int(s, 4, offset);
    FETCH_ROWS(s, rows, max, n, fill_slot);
    return 0;
}

int store_slot(struct store *st, const char *slot_id, struct slot_row *out)
{
    sqlite3_stmt *s =
        store_prepare(st, "SELECT " SLOT_COLS " FROM slot_seats WHERE id=?");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, slot_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        fill_slot(s, out);
    sqlite3_finalize(s);
    return store_row_rc(rc);
}

static void fill_notice(sqlite3_stmt *s, struct notice_row *r)
{
    store_col_text(s, 0, r->id, sizeof r->id);
    col_pair(s, 1, r->title);
    r->start = sqlite3_column_int64(s, 3);
    r->end = sqlite3_column_int64(s, 4);
    r->important = sqlite3_column_int(s, 5) != 0;
}

int store_notices(struct store *st, int64_t now_s, int offset,
                  struct notice_row *rows, int max, int *n, int *total)
{
    if (total) {
        sqlite3_stmt *c = store_prepare(
            st, "SELECT count(*) FROM notices WHERE start_s<=?1 AND ?1<end_s");
        if (!c)
            return ERR_DB;
        sqlite3_bind_int64(c, 1, now_s);
        *total = sqlite3_step(c) == SQLITE_ROW ? sqlite3_column_int(c, 0) : 0;
        sqlite3_finalize(c);
    }
    sqlite3_stmt *s = store_prepare(
        st, "SELECT id, title_zh, title_en, start_s, end_s, important FROM"
            " notices WHERE start_s <= ?1 AND ?1 < end_s ORDER BY important"
            " DESC, start_s DESC, ord LIMIT ?2 OFFSET ?3");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, now_s);
    sqlite3_bind_int(s, 2, max);
    sqlite3_bind_int(s, 3, offset);
    FETCH_ROWS(s, rows, max, n, fill_notice);
    return 0;
}

int store_notice(struct store *st, const char *id, struct notice_row *out)
{
    sqlite3_stmt *s = store_prepare(
        st, "SELECT id, title_zh, title_en, start_s, end_s, important FROM"
            " notices WHERE id = ?");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        fill_notice(s, out);
    sqlite3_finalize(s);
    return store_row_rc(rc);
}

int store_notice_body(struct store *st, const char *id, enum lang lang,
                      char *out, size_t outlen)
{
    sqlite3_stmt *s = store_prepare(
        st, lang == LANG_EN
                ? "SELECT coalesce(json_extract(json, '$.body.en'),"
                  " json_extract(json, '$.body.zh')) FROM notices WHERE id=?"
                : "SELECT json_extract(json, '$.body.zh') FROM notices"
                  " WHERE id=?");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        store_col_text(s, 0, out, outlen);
    sqlite3_finalize(s);
    return store_row_rc(rc);
}

/* The zh and en columns of a localised text in a JSON column, en falling
 * back to zh; path is an SQL expression giving the text's JSON path. */
#define JSON_PAIR(col, path)                                                  \
    "json_extract(" col ", " path " || '.zh'), coalesce(json_extract(" col   \
    ", " path " || '.en'), json_extract(" col ", " path " || '.zh'))"

static void fill_poll(sqlite3_stmt *s, struct poll_row *r)
{
    store_col_text(s, 0, r->id, sizeof r->id);
    col_pair(s, 1, r->title);
    r->start = sqlite3_column_int64(s, 3);
    r->end = sqlite3_column_int64(s, 4);
    r->n_questions = sqlite3_column_int(s, 5);
}

int store_polls(struct store *st, int64_t now_s, int offset,
                struct poll_row *rows, int max, int *n, int *total)
{
    if (total) {
        sqlite3_stmt *c = store_prepare(
            st, "SELECT count(*) FROM polls WHERE start_s<=?1 AND ?1<end_s");
        if (!c)
            return ERR_DB;
        sqlite3_bind_int64(c, 1, now_s);
        *total = sqlite3_step(c) == SQLITE_ROW ? sqlite3_column_int(c, 0) : 0;
        sqlite3_finalize(c);
    }
    sqlite3_stmt *s = store_prepare(
        st, "SELECT id, " JSON_PAIR("json", "'$.title'") ", start_s, end_s,"
            " json_array_length(json, '$.questions') FROM polls WHERE"
            " start_s <= ?1 AND ?1 < end_s ORDER BY ord LIMIT ?2 OFFSET ?3");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, now_s);
    sqlite3_bind_int(s, 2, max);
    sqlite3_bind_int(s, 3, offset);
    FETCH_ROWS(s, rows, max, n, fill_poll);
    return 0;
}

int store_poll_question(struct store *st, const char *poll_id, int index,
                        struct poll_question_row *out)
{
    if (index < 0 || index >= MAX_QUESTIONS)
        return ERR_NOT_FOUND;
    /* one row per option, each repeating its question's fields: the
     * bundle guarantees 2-6 options, so no rows means no such question */
    sqlite3_stmt *s = store_prepare(
        st, "SELECT json_extract(p.json, ?2 || '.id'),"
            " " JSON_PAIR("p.json", "?2 || '.text'") ","
            " json_extract(o.value, '$.id'),"
            " " JSON_PAIR("o.value", "'$.text'") " FROM polls p,"
            " json_each(p.json, ?2 || '.options') o WHERE p.id = ?1 ORDER BY o.key");
    if (!s)
        return ERR_DB;
    char path[32];
    snprintf(path, sizeof path, "$.questions[%d]", index);
    bind_text(s, 1, poll_id);
    bind_text(s, 2, path);
    struct poll_question_row q;
    int step, n = 0;
    while ((step = sqlite3_step(s)) == SQLITE_ROW && n < MAX_OPTIONS) {
        if (n == 0) {
            store_col_text(s, 0, q.id, sizeof q.id);
            store_col_text(s, 1, q.text[LANG_ZH], sizeof q.text[LANG_ZH]);
            store_col_text(s, 2, q.text[LANG_EN], sizeof q.text[LANG_EN]);
        }
        struct poll_option_row *o = &q.options[n++];
        store_col_text(s, 3, o->id, sizeof o->id);
        store_col_text(s, 4, o->text[LANG_ZH], sizeof o->text[LANG_ZH]);
        store_col_text(s, 5, o->text[LANG_EN], sizeof o->text[LANG_EN]);
    }
    sqlite3_finalize(s);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return ERR_DB;
    if (n == 0)
        return ERR_NOT_FOUND;
    q.n_options = n;
    *out = q;
    return 0;
}

/* ---- local actions ----------------------------------------------------- */

bool phone_mask(const char *phone, char out[16])
{
    if (!phone || strlen(phone) != 11 || phone[0] != '1' || phone[1] < '3' ||
        phone[1] > '9')
        return false;
    for (int i = 0; i < 11; i++)
        if (phone[i] < '0' || phone[i] > '9')
            return false;
    snprintf(out, 16, "%.3s****%.4s", phone, phone + 7);
    return true;
}

/* Six characters a resident can read out and type: no 0/O, 1/I/L. */
static void make_code(char out[8])
{
    static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    unsigned char rnd[6];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
        abort(); /* the kernel's RNG does not fail after boot */
    for (int i = 0; i < 6; i++)
        out[i] = alphabet[rnd[i] % (sizeof alphabet - 1)];
    out[6] = '\0';
}

static char *event_json(json_t *event)
{
    char *s = json_dumps(event, JSON_COMPACT);
    json_decref(event);
    if (!s)
        abort(); /* out of memory: xalloc policy */
    return s;
}

static void iso_ms(int64_t ms, char out[32])
{
    civil_format_timestamp(ms / 1000, out);
}

static int kiosk_id(struct store *st, char out[ID_MAX + 1])
{
    sqlite3_stmt *s = store_prepare(st, "SELECT kiosk_id FROM config");
    if (!s)
        return ERR_DB;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        store_col_text(s, 0, out, ID_MAX + 1);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : ERR_NOT_FOUND;
}

/* The booking's checks and rows, inside the caller's transaction. */
static int book_rows(struct store *st, const char *slot_id,
                     const char *phone, int64_t now_ms, struct booking *b)
{
    struct slot_row slot;
    char kid[ID_MAX + 1], when[32];
    int rc = store_slot(st, slot_id, &slot);
    if (rc)
        return rc;
    if (slot.start <= now_ms / 1000)
        return ERR_INVALID;
    if (slot.remaining <= 0)
        return ERR_FULL;
    if ((rc = kiosk_id(st, kid)))
        return rc;
    sqlite3_stmt *s = store_prepare(
        st, "SELECT 1 FROM bookings WHERE slot = ? AND phone = ?");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, slot_id);
    bind_text(s, 2, phone);
    rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc == SQLITE_ROW)
        return ERR_EXISTS;

    uuid_v4(b->uuid);
    snprintf(b->slot, sizeof b->slot, "%s", slot_id);
    /* Confirmed offline only within the quota and before its lease ends
     * (by the kiosk's best clock: now_ms comes from it). */
    bool leased = slot.quota_until == 0 || now_ms / 1000 < slot.quota_until;
    b->status =
        slot.quota_left > 0 && leased ? BOOKING_CONFIRMED : BOOKING_PENDING;
    b->created_ms = now_ms;
    const char *status = b->status == BOOKING_CONFIRMED ? "confirmed"
                                                        : "pending";
    s = store_prepare(st, "INSERT INTO bookings (uuid, slot, code, phone,"
                          " phone_masked, status, created_ms)"
                          " VALUES (?,?,?,?,?,?,?)");
    if (!s)
        return ERR_DB;
    /* A code is unique among this kiosk's bookings; on the rare clash,
     * draw again. */
    for (int tries = 0; tries < 8; tries++) {
        make_code(b->code);
        bind_text(s, 1, b->uuid);
        bind_text(s, 2, slot_id);
        bind_text(s, 3, b->code);
        bind_text(s, 4, phone);
        bind_text(s, 5, b->phone_masked);
        bind_text(s, 6, status);
        sqlite3_bind_int64(s, 7, now_ms);
        rc = store_step_write(st, s);
        if (!rc || sqlite3_extended_errcode(st->db) !=
                       SQLITE_CONSTRAINT_UNIQUE)
            break;
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    if (rc)
        return rc;
    iso_ms(now_ms, when);
    char *body = event_json(json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "uuid", b->uuid,
        "type", "booking", "kiosk_id", kid, "slot", slot_id, "activity",
        slot.activity, "phone", phone, "code", b->code, "status", status,
        "created_at", when));
    rc = outbox_push(st, b->uuid, "booking", body, now_ms);
    free(body);
    return rc;
}

int store_book(struct store *st, const char *slot_id, const char *phone,
               int64_t now_ms, struct booking *out)
{
    struct booking b = {0};
    if (!slot_id || !phone_mask(phone, b.phone_masked))
        return ERR_ARG;
    if (store_begin(st))
        return ERR_DB;
    int rc = store_finish(st, book_rows(st, slot_id, phone, now_ms, &b));
    if (rc)
        return rc;
    *out = b;
    return 0;
}

int store_booking_by_code(struct store *st, const char *code,
                          struct booking *out)
{
    sqlite3_stmt *s = store_prepare(
        st, "SELECT uuid, code, slot, phone_masked, status, created_ms,"
            " hub_status FROM bookings WHERE code = ?");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, code);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        store_col_text(s, 0, out->uuid, sizeof out->uuid);
        store_col_text(s, 1, out->code, sizeof out->code);
        store_col_text(s, 2, out->slot, sizeof out->slot);
        store_col_text(s, 3, out->phone_masked, sizeof out->phone_masked);
        out->status = strcmp((const char *)sqlite3_column_text(s, 4),
                             "confirmed") == 0
                          ? BOOKING_CONFIRMED
                          : BOOKING_PENDING;
        out->created_ms = sqlite3_column_int64(s, 5);
        store_col_text(s, 6, out->hub_status, sizeof out->hub_status);
    }
    sqlite3_finalize(s);
    return store_row_rc(rc);
}

static bool reason_ok(const char *r)
{
    size_t n = r ? strlen(r) : 0;
    if (n == 0 || n > 32)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((r[i] >= 'a' && r[i] <= 'z') || r[i] == '_'))
            return false;
    return true;
}

static int rate_rows(struct store *st, const char *kind, const char *target,
                     int level, json_t *reasons, int64_t now_ms,
                     const char *uuid)
{
    char kid[ID_MAX + 1], when[32];
    int rc = kiosk_id(st, kid);
    if (rc)
        return rc;
    if (strcmp(kind, "service") == 0) {
        sqlite3_stmt *s = store_prepare(st, "SELECT 1 FROM services WHERE id=?");
        if (!s)
            return ERR_DB;
        bind_text(s, 1, target);
        rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_ROW)
            return rc == SQLITE_DONE ? ERR_NOT_FOUND : ERR_DB;
    } else if (strcmp(target, kid) != 0) {
        return ERR_NOT_FOUND;
    }
    char *reasons_text = json_dumps(reasons, JSON_COMPACT);
    sqlite3_stmt *s = store_prepare(
        st, "INSERT INTO ratings (uuid, target_kind, target_id, level,"
            " reasons, created_ms) VALUES (?,?,?,?,?,?)");
    if (!s || !reasons_text) {
        sqlite3_finalize(s);
        free(reasons_text);
        return ERR_DB;
    }
    bind_text(s, 1, uuid);
    bind_text(s, 2, kind);
    bind_text(s, 3, target);
    sqlite3_bind_int(s, 4, level);
    bind_text(s, 5, reasons_text);
    sqlite3_bind_int64(s, 6, now_ms);
    rc = store_step_write(st, s);
    sqlite3_finalize(s);
    free(reasons_text);
    if (rc)
        return rc;
    iso_ms(now_ms, when);
    char *body = event_json(json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:i, s:O, s:s}", "uuid", uuid, "type",
        "rating", "kiosk_id", kid, "target_kind", kind, "target_id", target,
        "level", level, "reasons", reasons, "created_at", when));
    rc = outbox_push(st, uuid, "rating", body, now_ms);
    free(body);
    return rc;
}

int store_rate(struct store *st, const char *target_kind,
               const char *target_id, int level, const char *const *reasons,
               int n_reasons, int64_t now_ms, char uuid_out[37])
{
    if (!target_kind || !target_id || level < RATING_MIN ||
        level > RATING_MAX || n_reasons < 0 || n_reasons > RATING_REASON_MAX ||
        (strcmp(target_kind, "center") != 0 &&
         strcmp(target_kind, "service") != 0))
        return ERR_ARG;
    /* 好差评: the two lowest levels ask why; the others take no reason. */
    if ((level <= 2) != (n_reasons > 0))
        return ERR_ARG;
    json_t *arr = json_array();
    for (int i = 0; i < n_reasons; i++) {
        if (!reason_ok(reasons[i])) {
            json_decref(arr);
            return ERR_ARG;
        }
        json_array_append_new(arr, json_string(reasons[i]));
    }
    char uuid[37];
    uuid_v4(uuid);
    int rc = store_begin(st) ? ERR_DB
                             : rate_rows(st, target_kind, target_id, level,
                                         arr, now_ms, uuid);
    json_decref(arr);
    if ((rc = store_finish(st, rc)))
        return rc;
    memcpy(uuid_out, uuid, 37);
    return 0;
}

/* Checks option_ids against the poll's questions; builds the answers. */
static int poll_answers(const char *poll_json, const char *const *option_ids,
                        int n, json_t **out)
{
    json_t *poll = json_loads(poll_json, 0, NULL);
    json_t *qs = json_object_get(poll, "questions");
    int rc = (int)json_array_size(qs) == n ? 0 : ERR_ARG;
    json_t *answers = json_array();
    for (int i = 0; !rc && i < n; i++) {
        json_t *q = json_array_get(qs, (size_t)i), *opt;
        size_t k;
        rc = ERR_ARG;
        json_array_foreach(json_object_get(q, "options"), k, opt) {
            const char *id = json_string_value(json_object_get(opt, "id"));
            if (option_ids[i] && id && strcmp(id, option_ids[i]) == 0)
                rc = 0;
        }
        if (!rc)
            json_array_append_new(
                answers,
                json_pack("{s:s, s:s}", "question",
                          json_string_value(json_object_get(q, "id")),
                          "option", option_ids[i]));
    }
    json_decref(poll);
    if (rc)
        json_decref(answers);
    else
        *out = answers;
    return rc;
}

static int answer_rows(struct store *st, const char *poll_id,
                       const char *const *option_ids, int n, int64_t now_ms,
                       const char *uuid)
{
    char kid[ID_MAX + 1], when[32];
    int rc = kiosk_id(st, kid);
    if (rc)
        return rc;
    sqlite3_stmt *s = store_prepare(
        st, "SELECT json FROM polls WHERE id=? AND start_s<=? AND ?<end_s");
    if (!s)
        return ERR_DB;
    bind_text(s, 1, poll_id);
    sqlite3_bind_int64(s, 2, now_ms / 1000);
    sqlite3_bind_int64(s, 3, now_ms / 1000);
    json_t *answers = NULL;
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        rc = poll_answers((const char *)sqlite3_column_text(s, 0), option_ids,
                          n, &answers);
    else
        rc = rc == SQLITE_DONE ? ERR_NOT_FOUND : ERR_DB;
    sqlite3_finalize(s);
    if (rc)
        return rc;
    char *answers_text = json_dumps(answers, JSON_COMPACT);
    s = store_prepare(st, "INSERT INTO poll_answers (uuid, poll, answers,"
                          " created_ms) VALUES (?,?,?,?)");
    if (s && answers_text) {
        bind_text(s, 1, uuid);
        bind_text(s, 2, poll_id);
        bind_text(s, 3, answers_text);
        sqlite3_bind_int64(s, 4, now_ms);
        rc = store_step_write(st, s);
    } else {
        rc = ERR_DB;
    }
    sqlite3_finalize(s);
    free(answers_text);
    if (!rc) {
        iso_ms(now_ms, when);
        char *body = event_json(json_pack(
            "{s:s, s:s, s:s, s:s, s:O, s:s}", "uuid", uuid, "type",
            "poll_answer", "kiosk_id", kid, "poll", poll_id, "answers",
            answers, "created_at", when));
        rc = outbox_push(st, uuid, "poll_answer", body, now_ms);
        free(body);
    }
    json_decref(answers);
    return rc;
}

int store_answer_poll(struct store *st, const char *poll_id,
                      const char *const *option_ids, int n, int64_t now_ms,
                      char uuid_out[37])
{
    if (!poll_id || !option_ids || n <= 0 || n > MAX_QUESTIONS)
        return ERR_ARG;
    char uuid[37];
    uuid_v4(uuid);
    if (store_begin(st))
        return ERR_DB;
    int rc = store_finish(st, answer_rows(st, poll_id, option_ids, n, now_ms,
                                          uuid));
    if (rc)
        return rc;
    memcpy(uuid_out, uuid, 37);
    return 0;
}

int store_open_copy(struct store *st, struct store **out)
{
    char err[256];
    struct store *copy;
    int rc = store_open(":memory:", &copy, err, sizeof(err));
    if (rc || store_is_empty(st)) {
        if (!rc)
            *out = copy;
        return rc;
    }
    struct bundle *b;
    struct store_info info;
    if (!(rc = store_load_bundle(st, &b))) {
        if (!(rc = store_info(st, &info)))
            rc = store_apply_bundle(copy, b, info.applied_ms);
        bundle_free(b);
    }
    if (rc) {
        store_close(copy);
        return rc;
    }
    *out = copy;
    return 0;
}
