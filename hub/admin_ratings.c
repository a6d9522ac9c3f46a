/*
 * admin_ratings.c - GET /api/v1/admin/ratings: the 好差评 summary.
 *
 * Five levels (5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意). The
 * satisfaction rate is the share of ratings at levels 3-5 among all
 * ratings (as in the 政务服务"好差评" rules: 基本满意 and above count as
 * satisfied); 差评 are levels 1-2, each with the reasons residents chose.
 * Given overall, per target (the center of a kiosk, or a service), with
 * the latest 差评 listed. ?since= and ?until= (timestamps) narrow it.
 */
#include "admin.h"

#include "civil_time.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

#define RECENT_BAD 50

struct tally {
    json_int_t levels[6];
    json_t *reasons; /* reason -> count, over 差评 */
};

static void tally_add(struct tally *t, int level, const char *reasons)
{
    if (level < 1 || level > 5)
        return;
    t->levels[level]++;
    json_t *r = json_loads(reasons, 0, NULL), *v;
    size_t i;
    json_array_foreach(r, i, v)
    {
        const char *key = json_string_value(v);
        if (!key)
            continue;
        json_int_t n = json_integer_value(json_object_get(t->reasons, key));
        json_object_set_new(t->reasons, key, json_integer(n + 1));
    }
    json_decref(r);
}

static json_t *tally_json(struct tally *t)
{
    json_int_t total = 0, good = t->levels[3] + t->levels[4] + t->levels[5];
    for (int i = 1; i <= 5; i++)
        total += t->levels[i];
    json_t *levels = json_object();
    for (int i = 1; i <= 5; i++) {
        char k[2] = {(char)('0' + i), 0};
        json_object_set_new(levels, k, json_integer(t->levels[i]));
    }
    return json_pack("{s:I, s:o, s:I, s:I, s:o, s:o}", "total", total, "levels",
                     levels, "satisfied", good, "bad",
                     t->levels[1] + t->levels[2], "satisfaction_rate",
                     total ? json_real((double)good / (double)total)
                           : json_null(),
                     "bad_reasons", t->reasons);
}

/* The name staff know a target by: the service's or the center's. */
static json_t *target_name(sqlite3 *db, const char *kind, const char *id)
{
    const char *sql = strcmp(kind, "service") == 0
                          ? "SELECT json_extract(json, '$.name.zh') FROM"
                            " services WHERE id = ?"
                          : "SELECT json_extract(config,"
                            " '$.center.name.zh') FROM kiosks WHERE id = ?";
    sqlite3_stmt *s = db_prepare(db, sql);
    json_t *name = json_null();
    if (s) {
        db_bind_text(s, 1, id);
        if (sqlite3_step(s) == SQLITE_ROW &&
            sqlite3_column_type(s, 0) != SQLITE_NULL)
            name = json_string(db_col_text(s, 0));
        sqlite3_finalize(s);
    }
    return name;
}

static bool window(struct admin *a, int64_t *since, int64_t *until)
{
    const char *names[2] = {"since", "until"};
    int64_t *out[2] = {since, until};
    *since = 0;
    *until = INT64_MAX;
    for (int i = 0; i < 2; i++) {
        const char *v = http_query(a->r, names[i]);
        if (v && !civil_parse_timestamp(v, out[i])) {
            http_error(a->r, 400, "%s: expected a timestamp", names[i]);
            return false;
        }
    }
    return true;
}

void admin_ratings(struct admin *a)
{
    int64_t since, until;
    if (strcmp(a->r->method, "GET") != 0) {
        http_error(a->r, 405, "%s %s: use GET", a->r->method, a->r->url);
        return;
    }
    if (!window(a, &since, &until))
        return;
    sqlite3_stmt *s = db_prepare(
        a->db, "SELECT target_kind, target_id, level, reasons, kiosk,"
               " created_s FROM ratings WHERE created_s >= ? AND"
               " created_s < ? ORDER BY target_kind, target_id,"
               " created_s DESC");
    if (!s) {
        admin_db_error(a);
        return;
    }
    sqlite3_bind_int64(s, 1, since);
    sqlite3_bind_int64(s, 2, until);
    struct tally all = {.reasons = json_object()}, one = {0};
    json_t *targets = json_array(), *bad = json_array();
    char kind[16] = "", id[72] = "";
    for (bool more = true; more;) {
        more = sqlite3_step(s) == SQLITE_ROW;
        const char *k = more ? db_col_text(s, 0) : "";
        const char *t = more ? db_col_text(s, 1) : "";
        if (one.reasons && (!more || strcmp(k, kind) || strcmp(t, id))) {
            json_t *o = tally_json(&one);
            json_object_set_new(o, "target_kind", json_string(kind));
            json_object_set_new(o, "target_id", json_string(id));
            json_object_set_new(o, "name", target_name(a->db, kind, id));
            json_array_append_new(targets, o);
            memset(&one, 0, sizeof one);
        }
        if (!more)
            break;
        if (!one.reasons) {
            one.reasons = json_object();
            snprintf(kind, sizeof kind, "%s", k);
            snprintf(id, sizeof id, "%s", t);
        }
        int level = sqlite3_column_int(s, 2);
        const char *reasons = db_col_text(s, 3);
        tally_add(&all, level, reasons);
        tally_add(&one, level, reasons);
        if (level <= 2) {
            char when[32];
            civil_format_timestamp(sqlite3_column_int64(s, 5), when);
            json_array_append_new(
                bad, json_pack("{s:s, s:s, s:i, s:o, s:s, s:s}", "target_kind",
                               k, "target_id", t, "level", level, "reasons",
                               json_loads(reasons, 0, NULL) ?: json_array(),
                               "kiosk", db_col_text(s, 4), "created_at", when));
        }
    }
    sqlite3_finalize(s);
    /* the latest 差评 first, at most RECENT_BAD */
    json_t *recent = json_array();
    size_t n = json_array_size(bad);
    for (size_t done = 0; done < n && done < RECENT_BAD; done++) {
        size_t best = 0;
        for (size_t i = 1; i < json_array_size(bad); i++)
            if (strcmp(json_string_value(json_object_get(json_array_get(bad, i),
                                                         "created_at")),
                       json_string_value(json_object_get(
                           json_array_get(bad, best), "created_at"))) > 0)
                best = i;
        json_array_append(recent, json_array_get(bad, best));
        json_array_remove(bad, best);
    }
    json_decref(bad);
    json_t *out = tally_json(&all);
    json_object_set_new(out, "targets", targets);
    json_object_set_new(out, "recent_bad", recent);
    http_reply_json(a->r, 200, out);
}
