/* demo.c - expand the demo template into a dated bundle (see demo.h). */
#include "demo.h"

#include "civil_time.h"
#include "err.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a: a stable "random" booked count per slot id, so a demo loaded
 * twice on the same day shows the same seats. */
static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int day_bits(json_t *days)
{
    int bits = 0;
    size_t i;
    json_t *d;
    json_array_foreach(days, i, d) {
        json_int_t x = json_integer_value(d);
        if (json_is_integer(d) && x >= 1 && x <= 7)
            bits |= 1 << (x - 1);
    }
    return bits;
}

static json_t *timestamp(int64_t unix_s)
{
    char s[32];
    civil_format_timestamp(unix_s, s);
    return json_string(s);
}

static int expand_schedule(json_t *activity, int32_t today, char *err,
                           size_t errlen)
{
    const char *aid = json_string_value(json_object_get(activity, "id"));
    json_t *sched = json_object_get(activity, "schedule");
    if (!aid || !json_is_array(sched)) {
        snprintf(err, errlen, "activity %s: expected \"schedule\"",
                 aid ? aid : "?");
        return ERR_INVALID;
    }
    json_t *slots = json_array();
    for (int d = 0; d < DEMO_DAYS; d++) {
        int32_t day = today + d;
        size_t i;
        json_t *e;
        json_array_foreach(sched, i, e) {
            int start, end;
            if (!(day_bits(json_object_get(e, "days")) &
                  (1 << (civil_weekday(day) - 1))))
                continue;
            if (!civil_parse_hhmm(json_string_value(json_object_get(e,
                                                                    "start")),
                                  false, &start) ||
                !civil_parse_hhmm(json_string_value(json_object_get(e, "end")),
                                  true, &end)) {
                snprintf(err, errlen, "activity %s: schedule[%zu]: expected "
                         "\"start\" and \"end\" as \"HH:MM\"", aid, i);
                json_decref(slots);
                return ERR_INVALID;
            }
            int y, mo, dd;
            civil_date(day, &y, &mo, &dd);
            char id[96];
            snprintf(id, sizeof id, "%s-%04d%02d%02d-%02d%02d", aid, y, mo,
                     dd, start / 60, start % 60);
            int cap = (int)json_integer_value(json_object_get(e, "capacity"));
            int quota = (int)json_integer_value(json_object_get(e, "quota"));
            if (quota > cap)
                quota = cap;
            uint32_t h = fnv1a(id);
            int booked = (int)(h % (uint32_t)(cap - quota + 1));
            if (h % 9 == 0) { /* now and then a full slot */
                booked = cap;
                quota = 0;
            }
            json_array_append_new(
                slots, json_pack("{s:s, s:o, s:o, s:i, s:i, s:i}", "id", id,
                                 "start", timestamp(civil_unix(day, start)),
                                 "end", timestamp(civil_unix(day, end)),
                                 "capacity", cap, "booked", booked, "quota",
                                 quota));
        }
    }
    json_object_del(activity, "schedule");
    json_object_set_new(activity, "slots", slots);
    return 0;
}

/* start_day / end_day -> start / end at midnight of those days. */
static void place_days(json_t *obj, int32_t today)
{
    json_t *s = json_object_get(obj, "start_day");
    json_t *e = json_object_get(obj, "end_day");
    if (!json_is_integer(s) || !json_is_integer(e))
        return;
    json_object_set_new(obj, "start",
                        timestamp(civil_unix(today + (int32_t)json_integer_value(s), 0)));
    json_object_set_new(obj, "end",
                        timestamp(civil_unix(today + (int32_t)json_integer_value(e), 0)));
    json_object_del(obj, "start_day");
    json_object_del(obj, "end_day");
}

static void place_exceptions(json_t *service, int32_t today)
{
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(service, "exceptions"), i, e) {
        json_t *in = json_object_get(e, "in_days");
        if (!json_is_integer(in))
            continue;
        char date[16];
        civil_format_date(today + (int32_t)json_integer_value(in), date);
        json_object_set_new(e, "date", json_string(date));
        json_object_del(e, "in_days");
    }
}

int demo_bundle_make(const char *template_json, size_t len, int64_t now_s,
                     char **out, size_t *out_len, char *errbuf,
                     size_t errlen)
{
    char dummy[8];
    if (!errbuf || !errlen) {
        errbuf = dummy;
        errlen = sizeof dummy;
    }
    json_error_t jerr;
    json_t *root = json_loadb(template_json, len, JSON_REJECT_DUPLICATES,
                              &jerr);
    if (!json_is_object(root)) {
        snprintf(errbuf, errlen, "demo template: line %d: %s", jerr.line,
                 root ? "expected an object" : jerr.text);
        json_decref(root);
        return ERR_PARSE;
    }
    struct civil now;
    civil_from_unix(now_s, &now);
    char version[32];
    civil_format_date(now.day_number, version);
    memmove(version + 5, version, strlen(version) + 1);
    memcpy(version, "demo-", 5);
    json_object_set_new(root, "format", json_integer(1));
    json_object_set_new(root, "version", json_string(version));
    json_object_set_new(root, "generated_at", timestamp(now_s));

    int rc = 0;
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(root, "activities"), i, item) {
        if ((rc = expand_schedule(item, now.day_number, errbuf, errlen)))
            break;
    }
    json_array_foreach(json_object_get(root, "notices"), i, item)
        place_days(item, now.day_number);
    json_array_foreach(json_object_get(root, "polls"), i, item)
        place_days(item, now.day_number);
    json_array_foreach(json_object_get(root, "services"), i, item)
        place_exceptions(item, now.day_number);
    if (!rc) {
        char *s = json_dumps(root, JSON_COMPACT);
        if (!s)
            rc = ERR_NOMEM;
        else {
            *out = s;
            *out_len = strlen(s);
        }
    }
    json_decref(root);
    return rc;
}
