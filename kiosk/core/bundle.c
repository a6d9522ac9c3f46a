/*
 * bundle.c - parse and validate a bundle (see bundle.h, docs/bundle.md).
 *
 * jansson does the JSON (and rejects bad UTF-8, NUL characters and
 * duplicate keys); everything else is checked here, walking the tree with
 * a path so the first problem can be named exactly. The model's strings
 * point into the jansson tree, which the bundle keeps until bundle_free().
 */
#include "bundle.h"

#include "civil_time.h"
#include "err.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tag_names[TAG_COUNT_] = {
    "wheelchair", "accessible_toilet", "elevator", "hearing_loop",
    "braille",    "rest_area",         "accessible_parking",
};

static const char *const module_names[] = {
    "services", "volunteer", "rating", "notices", "polls",
};

const char *tag_name(int bit_index)
{
    return bit_index >= 0 && bit_index < TAG_COUNT_ ? tag_names[bit_index]
                                                    : NULL;
}

const char *module_name(int bit_index)
{
    return bit_index >= 0 && bit_index < 5 ? module_names[bit_index] : NULL;
}

/* ---- the validation walk ---------------------------------------------- */

struct vctx {
    char path[256];
    size_t plen;
    char *err;
    size_t errlen;
    int rc;
};

static size_t push_key(struct vctx *v, const char *key)
{
    size_t mark = v->plen;
    int n = snprintf(v->path + v->plen, sizeof v->path - v->plen, "%s%s",
                     v->plen ? "." : "", key);
    if (n > 0)
        v->plen = strnlen(v->path, sizeof v->path - 1);
    return mark;
}

static size_t push_index(struct vctx *v, size_t i)
{
    size_t mark = v->plen;
    snprintf(v->path + v->plen, sizeof v->path - v->plen, "[%zu]", i);
    v->plen = strnlen(v->path, sizeof v->path - 1);
    return mark;
}

static void pop(struct vctx *v, size_t mark)
{
    v->plen = mark;
    v->path[mark] = '\0';
}

__attribute__((format(printf, 2, 3))) static bool fail(struct vctx *v,
                                                       const char *fmt, ...)
{
    if (v->rc)
        return false; /* keep the first problem */
    v->rc = ERR_INVALID;
    if (v->err && v->errlen) {
        int n = snprintf(v->err, v->errlen, "%s: ",
                         v->plen ? v->path : "(document)");
        if (n >= 0 && (size_t)n < v->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(v->err + n, v->errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return false;
}

/* The member key of obj with its path pushed; on a missing required member
 * fails with "required" and returns NULL (path still pushed: pop it). */
static json_t *enter(struct vctx *v, json_t *obj, const char *key,
                     bool required, size_t *mark)
{
    *mark = push_key(v, key);
    json_t *j = json_object_get(obj, key);
    if (!j && required)
        fail(v, "required");
    return j;
}

enum str_kind {
    STR_LINE,      /* one line: no control characters */
    STR_PARAGRAPH, /* newlines allowed */
    STR_ID,        /* A-Z a-z 0-9 . _ - */
    STR_ICON,      /* a-z 0-9 _ */
    STR_PHONE,     /* 0-9 + - ( ) space */
    STR_URL,
    STR_ASCII,     /* printable ASCII */
};

static bool char_ok(enum str_kind kind, unsigned char c)
{
    switch (kind) {
    case STR_LINE:
    case STR_URL:
        return c >= 0x20 && c != 0x7f;
    case STR_PARAGRAPH:
        return (c >= 0x20 && c != 0x7f) || c == '\n';
    case STR_ID:
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    case STR_ICON:
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    case STR_PHONE:
        return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '(' ||
               c == ')' || c == ' ';
    case STR_ASCII:
        return c > 0x20 && c < 0x7f;
    }
    return false;
}

static const char *kind_expect(enum str_kind kind)
{
    switch (kind) {
    case STR_ID: return "an id (letters, digits, '.', '_', '-')";
    case STR_ICON: return "an icon name (a-z, 0-9, '_')";
    case STR_PHONE: return "a phone number (digits, '+', '-', '(', ')', ' ')";
    case STR_ASCII: return "printable ASCII without spaces";
    default: return "text without control characters";
    }
}

/* Checks a string value already entered; returns it or NULL on failure. */
static const char *check_string(struct vctx *v, json_t *j, enum str_kind kind,
                                size_t max)
{
    if (!json_is_string(j))
        return fail(v, "expected a string"), NULL;
    const char *s = json_string_value(j);
    size_t n = json_string_length(j);
    if (n == 0)
        return fail(v, "must not be empty"), NULL;
    if (n > max)
        return fail(v, "longer than %zu bytes", max), NULL;
    for (size_t i = 0; i < n; i++)
        if (!char_ok(kind, (unsigned char)s[i]))
            return fail(v, "expected %s", kind_expect(kind)), NULL;
    if (kind == STR_URL && strncmp(s, "https://", 8) != 0 &&
        strncmp(s, "http://", 7) != 0)
        return fail(v, "expected an http:// or https:// URL"), NULL;
    return s;
}

static bool get_string(struct vctx *v, json_t *obj, const char *key,
                       bool required, enum str_kind kind, size_t max,
                       const char **out)
{
    size_t m;
    json_t *j = enter(v, obj, key, required, &m);
    const char *s = NULL;
    if (j)
        s = check_string(v, j, kind, max);
    pop(v, m);
    if (!j)
        return !required;
    if (!s)
        return false;
    *out = s;
    return true;
}

static bool get_id(struct vctx *v, json_t *obj, const char *key,
                   const char **out)
{
    return get_string(v, obj, key, true, STR_ID, ID_MAX, out);
}

static bool get_text(struct vctx *v, json_t *obj, const char *key,
                     bool required, bool paragraph, size_t max,
                     struct text *out)
{
    size_t m;
    json_t *j = enter(v, obj, key, required, &m);
    bool ok = !required;
    if (j) {
        enum str_kind kind = paragraph ? STR_PARAGRAPH : STR_LINE;
        struct text t = {NULL, NULL};
        if (!json_is_object(j))
            ok = fail(v, "expected an object {\"zh\": ..., \"en\": ...}");
        else if (get_string(v, j, "zh", true, kind, max, &t.zh) &&
                 get_string(v, j, "en", false, kind, max, &t.en)) {
            *out = t;
            ok = true;
        } else {
            ok = false;
        }
    }
    pop(v, m);
    return ok;
}

static bool get_int(struct vctx *v, json_t *obj, const char *key,
                    bool required, long long min, long long max, int *out)
{
    size_t m;
    json_t *j = enter(v, obj, key, required, &m);
    bool ok = !required;
    if (j) {
        long long x = json_is_integer(j) ? json_integer_value(j) : 0;
        if (!json_is_integer(j) || x < min || x > max)
            ok = fail(v, "expected an integer %lld..%lld", min, max);
        else {
            *out = (int)x;
            ok = true;
        }
    }
    pop(v, m);
    return ok;
}

static bool get_number(struct vctx *v, json_t *obj, const char *key,
                       double min, double max, double *out)
{
    size_t m;
    json_t *j = enter(v, obj, key, true, &m);
    bool ok = false;
    if (j) {
        double x = json_number_value(j);
        if (!json_is_number(j) || !(x >= min && x <= max))
            ok = fail(v, "expected a number %g..%g", min, max);
        else {
            *out = x;
            ok = true;
        }
    }
    pop(v, m);
    return ok;
}

static bool get_bool(struct vctx *v, json_t *obj, const char *key,
                     bool *out)
{
    size_t m;
    json_t *j = enter(v, obj, key, false, &m);
    bool ok = true;
    if (j) {
        if (!json_is_boolean(j))
            ok = fail(v, "expected true or false");
        else
            *out = json_is_true(j);
    }
    pop(v, m);
    return ok;
}

static bool get_hhmm(struct vctx *v, json_t *obj, const char *key,
                     bool allow_24, int *out)
{
    size_t m;
    json_t *j = enter(v, obj, key, true, &m);
    bool ok = false;
    if (j) {
        if (!json_is_string(j) ||
            !civil_parse_hhmm(json_string_value(j), allow_24, out))
            ok = fail(v, "expected \"HH:MM\"");
        else
            ok = true;
    }
    pop(v, m);
    return ok;
}

static bool get_timestamp(struct vctx *v, json_t *obj, const char *key,
                          bool required, int64_t *out)
{
    size_t m;
    json_t *j = enter(v, obj, key, required, &m);
    bool ok = !required && !json_object_get(obj, key);
    if (j) {
        if (!json_is_string(j) ||
            !civil_parse_timestamp(json_string_value(j), out))
            ok = fail(v, "expected a timestamp like "
                         "\"2026-11-24T09:00:00+08:00\"");
        else
            ok = true;
    }
    pop(v, m);
    return ok;
}

/* An array member with min..max items; path left at the key (pop it). */
static json_t *enter_array(struct vctx *v, json_t *obj, const char *key,
                           bool required, size_t min, size_t max,
                           size_t *mark)
{
    json_t *j = enter(v, obj, key, required, mark);
    if (!j)
        return NULL;
    if (!json_is_array(j))
        return fail(v, "expected an array"), NULL;
    size_t n = json_array_size(j);
    if (n < min || n > max)
        return fail(v, "expected %zu to %zu items, found %zu", min, max, n),
               NULL;
    return j;
}

static json_t *enter_object(struct vctx *v, json_t *obj, const char *key,
                            size_t *mark)
{
    json_t *j = enter(v, obj, key, true, mark);
    if (j && !json_is_object(j))
        return fail(v, "expected an object"), NULL;
    return j;
}

/* A set of names from a fixed list, as bits; all distinct. */
static bool get_name_set(struct vctx *v, json_t *obj, const char *key,
                         bool required, size_t min,
                         const char *const *names, int n_names,
                         unsigned *out)
{
    size_t m;
    json_t *arr = enter_array(v, obj, key, required, min, (size_t)n_names, &m);
    bool ok = !required && !json_object_get(obj, key);
    if (arr) {
        unsigned bits = 0;
        size_t i;
        json_t *item;
        ok = true;
        json_array_foreach(arr, i, item) {
            size_t mi = push_index(v, i);
            const char *s = json_string_value(item);
            int k = 0;
            while (s && k < n_names && strcmp(s, names[k]) != 0)
                k++;
            if (!s || k == n_names)
                ok = fail(v, "unknown value");
            else if (bits & (1u << k))
                ok = fail(v, "\"%s\" listed twice", s);
            bits |= 1u << k;
            pop(v, mi);
            if (!ok)
                break;
        }
        if (ok)
            *out = bits;
    }
    pop(v, m);
    return ok && !v->rc;
}

/* ---- unique ids and references ---------------------------------------- */

struct idref {
    const char *id;
    const char *kind; /* path prefix, e.g. "services" */
    int a, b;         /* indices: item, sub-item (-1 if none) */
};

static int idref_cmp(const void *x, const void *y)
{
    const struct idref *p = x, *q = y;
    int c = strcmp(p->id, q->id);
    if (c)
        return c;
    return p->a != q->a ? p->a - q->a : p->b - q->b;
}

static void idref_path(const struct idref *r, const char *sub, char *out,
                       size_t n)
{
    if (r->b < 0)
        snprintf(out, n, "%s[%d].id", r->kind, r->a);
    else
        snprintf(out, n, "%s[%d].%s[%d].id", r->kind, r->a, sub, r->b);
}

/* Sorts refs and fails on the first (in document order) duplicate. */
static bool check_unique(struct vctx *v, struct idref *refs, size_t n,
                         const char *sub)
{
    qsort(refs, n, sizeof *refs, idref_cmp);
    const struct idref *worst = NULL, *first = NULL;
    for (size_t i = 1; i < n; i++) {
        if (strcmp(refs[i].id, refs[i - 1].id) != 0)
            continue;
        const struct idref *r = &refs[i];
        if (!worst || r->a < worst->a || (r->a == worst->a && r->b < worst->b)) {
            worst = r;
            size_t k = i - 1;
            while (k > 0 && strcmp(refs[k - 1].id, r->id) == 0)
                k--;
            first = &refs[k];
        }
    }
    if (!worst)
        return true;
    char p1[96], p2[96];
    idref_path(worst, sub, p1, sizeof p1);
    idref_path(first, sub, p2, sizeof p2);
    size_t m = push_key(v, p1);
    fail(v, "duplicate id \"%s\" (also %s)", worst->id, p2);
    pop(v, m);
    return false;
}

static int idref_find(const struct idref *refs, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(refs[mid].id, id);
        if (c == 0)
            return refs[mid].a;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* ---- sections ---------------------------------------------------------- */

static bool parse_config(struct vctx *v, json_t *o, struct config *c)
{
    size_t m, m2;
    json_t *j;
    bool ok = get_id(v, o, "kiosk_id", &c->kiosk_id);

    if (ok) {
        j = enter_object(v, o, "center", &m);
        ok = j &&
             get_text(v, j, "name", true, false, NAME_MAX_BYTES,
                      &c->center_name) &&
             get_text(v, j, "address", true, false, ADDRESS_MAX_BYTES,
                      &c->center_address) &&
             get_string(v, j, "phone", false, STR_PHONE, PHONE_MAX_BYTES,
                        &c->center_phone);
        pop(v, m);
    }
    if (ok && !(ok = (j = enter_object(v, o, "location", &m)) != NULL))
        pop(v, m);
    else if (ok) {
        ok = get_number(v, j, "lat", -90, 90, &c->lat) &&
             get_number(v, j, "lon", -180, 180, &c->lon);
        pop(v, m);
    }
    if (ok && !(ok = (j = enter_object(v, o, "display", &m)) != NULL))
        pop(v, m);
    else if (ok) {
        const char *orient = NULL;
        ok = get_string(v, j, "orientation", true, STR_ID, 16, &orient) &&
             get_number(v, j, "pixel_pitch_mm", 0.05, 2.0,
                        &c->pixel_pitch_mm);
        if (ok && strcmp(orient, "landscape") != 0 &&
            strcmp(orient, "portrait") != 0) {
            m2 = push_key(v, "orientation");
            ok = fail(v, "expected \"landscape\" or \"portrait\"");
            pop(v, m2);
        }
        c->portrait = ok && strcmp(orient, "portrait") == 0;
        pop(v, m);
    }
    static const char *const langs[] = {"zh-CN", "en"};
    if (ok && (ok = get_name_set(v, o, "languages", true, 1, langs, 2,
                                 &c->languages))) {
        if (!(c->languages & (1u << LANG_ZH))) {
            m = push_key(v, "languages");
            ok = fail(v, "must contain \"zh-CN\"");
            pop(v, m);
        }
    }
    if (ok) {
        const char *dl = NULL;
        ok = get_string(v, o, "default_language", true, STR_ID, 16, &dl);
        m = push_key(v, "default_language");
        if (ok && (!lang_parse(dl, &c->default_language) ||
                   strcmp(dl, lang_code(c->default_language)) != 0 ||
                   !(c->languages & (1u << c->default_language))))
            ok = fail(v, "expected one of the languages");
        pop(v, m);
    }
    if (ok) {
        const char *mode = NULL;
        ok = get_string(v, o, "default_mode", true, STR_ID, 16, &mode);
        m = push_key(v, "default_mode");
        if (ok && strcmp(mode, "standard") != 0 && strcmp(mode, "elder") != 0)
            ok = fail(v, "expected \"standard\" or \"elder\"");
        c->default_elder = ok && strcmp(mode, "elder") == 0;
        pop(v, m);
    }
    if (ok && !(ok = (j = enter_object(v, o, "idle", &m)) != NULL))
        pop(v, m);
    else if (ok) {
        ok = get_int(v, j, "standard_s", true, 30, 1800, &c->idle_standard_s) &&
             get_int(v, j, "elder_s", true, 30, 3600, &c->idle_elder_s) &&
             get_int(v, j, "warning_s", true, 20, 120, &c->idle_warning_s);
        if (ok && c->idle_elder_s < c->idle_standard_s) {
            m2 = push_key(v, "elder_s");
            ok = fail(v, "must be at least standard_s (%d)",
                      c->idle_standard_s);
            pop(v, m2);
        }
        pop(v, m);
    }
    if (ok)
        ok = get_name_set(v, o, "modules", true, 1, module_names, 5,
                          &c->modules);
    if (ok) {
        ok = get_string(v, o, "staff_pin_hash", true, STR_ASCII,
                        PIN_HASH_MAX_BYTES, &c->staff_pin_hash);
        m = push_key(v, "staff_pin_hash");
        if (ok && strncmp(c->staff_pin_hash, "$argon2id$", 10) != 0)
            ok = fail(v, "expected an argon2id hash (\"$argon2id$...\")");
        pop(v, m);
    }
    if (ok)
        ok = get_int(v, o, "sync_interval_s", true, 30, 86400,
                     &c->sync_interval_s);
    if (ok && !(ok = (j = enter_object(v, o, "screen", &m)) != NULL))
        pop(v, m);
    else if (ok) {
        ok = get_hhmm(v, j, "on", false, &c->screen_on) &&
             get_hhmm(v, j, "off", false, &c->screen_off) &&
             get_int(v, j, "brightness", true, 1, 100, &c->brightness) &&
             get_int(v, j, "dim_brightness", true, 0, 100,
                     &c->dim_brightness) &&
             get_int(v, j, "dim_after_s", true, 10, 3600, &c->dim_after_s);
        if (ok && c->dim_brightness > c->brightness) {
            m2 = push_key(v, "dim_brightness");
            ok = fail(v, "must not exceed brightness (%d)", c->brightness);
            pop(v, m2);
        }
        pop(v, m);
    }
    if (ok && !(ok = (j = enter_object(v, o, "walking", &m)) != NULL))
        pop(v, m);
    else if (ok) {
        ok = get_number(v, j, "speed_m_per_min", 20, 150,
                        &c->walking.speed_m_per_min) &&
             get_number(v, j, "detour", 1.0, 3.0, &c->walking.detour);
        pop(v, m);
    }
    return ok && !v->rc;
}

static bool parse_category(struct vctx *v, json_t *o, struct category *c)
{
    return get_id(v, o, "id", &c->id) &&
           get_text(v, o, "name", true, false, NAME_MAX_BYTES, &c->name) &&
           get_string(v, o, "icon", true, STR_ICON, ICON_MAX_BYTES, &c->icon);
}

/* One {"open", "close"} pair into a range; close <= open runs past
 * midnight. */
static bool parse_range(struct vctx *v, json_t *o, struct hours_range *r)
{
    int open, close;
    if (!get_hhmm(v, o, "open", false, &open) ||
        !get_hhmm(v, o, "close", true, &close))
        return false;
    if (close <= open)
        close += 1440;
    r->open = (uint16_t)open;
    r->close = (uint16_t)close;
    return true;
}

static bool parse_hours(struct vctx *v, json_t *svc, struct hours *h)
{
    size_t m, mi, md;
    size_t i, k;
    json_t *item, *d;
    memset(h, 0, sizeof *h);
    json_t *arr = enter_array(v, svc, "hours", true, 0, HOURS_MAX_RANGES, &m);
    if (!arr)
        return pop(v, m), false;
    json_array_foreach(arr, i, item) {
        mi = push_index(v, i);
        struct hours_range *r = &h->ranges[h->n_ranges];
        json_t *days;
        if (!json_is_object(item)) {
            fail(v, "expected an object {\"days\", \"open\", \"close\"}");
        } else if ((days = enter_array(v, item, "days", true, 1, 7, &md))) {
            json_array_foreach(days, k, d) {
                size_t mk = push_index(v, k);
                json_int_t day = json_integer_value(d);
                if (!json_is_integer(d) || day < 1 || day > 7)
                    fail(v, "expected a weekday 1 (Monday) to 7 (Sunday)");
                else if (r->days & HOURS_DAY_BIT(day))
                    fail(v, "day %d listed twice", (int)day);
                else
                    r->days |= (uint16_t)HOURS_DAY_BIT(day);
                pop(v, mk);
                if (v->rc)
                    break;
            }
            pop(v, md);
            if (!v->rc)
                parse_range(v, item, r);
        } else {
            pop(v, md);
        }
        pop(v, mi);
        if (v->rc)
            return pop(v, m), false;
        h->n_ranges++;
    }
    pop(v, m);

    arr = enter_array(v, svc, "exceptions", false, 0, HOURS_MAX_EXCEPTIONS, &m);
    if (arr) {
        json_array_foreach(arr, i, item) {
            mi = push_index(v, i);
            struct hours_exception *e = &h->exceptions[h->n_exceptions];
            bool closed = false;
            size_t mk;
            json_t *date;
            if (!json_is_object(item)) {
                fail(v, "expected an object {\"date\", ...}");
            } else if ((date = enter(v, item, "date", true, &mk)) &&
                       (!json_is_string(date) ||
                        !civil_parse_date(json_string_value(date), &e->day))) {
                fail(v, "expected \"YYYY-MM-DD\"");
                pop(v, mk);
            } else {
                pop(v, mk);
                if (!v->rc && get_bool(v, item, "closed", &closed) &&
                    !closed)
                    parse_range(v, item, &e->range);
            }
            pop(v, mi);
            if (v->rc)
                return pop(v, m), false;
            h->n_exceptions++;
        }
    }
    pop(v, m);
    return !v->rc;
}

static bool parse_service(struct vctx *v, json_t *o, struct service *s,
                          const char **category_id)
{
    if (!(get_id(v, o, "id", &s->id) &&
          get_id(v, o, "category", category_id) &&
          get_text(v, o, "name", true, false, NAME_MAX_BYTES, &s->name) &&
          get_text(v, o, "address", true, false, ADDRESS_MAX_BYTES,
                   &s->address) &&
          get_number(v, o, "lat", -90, 90, &s->lat) &&
          get_number(v, o, "lon", -180, 180, &s->lon) &&
          get_string(v, o, "phone", false, STR_PHONE, PHONE_MAX_BYTES,
                     &s->phone) &&
          parse_hours(v, o, &s->hours) &&
          get_name_set(v, o, "tags", false, 0, tag_names, TAG_COUNT_,
                       &s->tags) &&
          get_text(v, o, "description", false, true, DESCRIPTION_MAX_BYTES,
                   &s->description) &&
          get_string(v, o, "url", false, STR_URL, URL_MAX_BYTES, &s->url)))
        return false;
    return true;
}

static bool parse_slot(struct vctx *v, json_t *o, struct slot *s)
{
    size_t m;
    if (!json_is_object(o))
        return fail(v, "expected an object");
    if (!(get_id(v, o, "id", &s->id) &&
          get_timestamp(v, o, "start", true, &s->start) &&
          get_timestamp(v, o, "end", true, &s->end) &&
          get_int(v, o, "capacity", true, 0, 10000, &s->capacity) &&
          get_int(v, o, "booked", true, 0, 10000, &s->booked) &&
          get_int(v, o, "quota", false, 0, 10000, &s->quota) &&
          get_timestamp(v, o, "quota_until", false, &s->quota_until)))
        return false;
    if (s->end <= s->start || s->end - s->start > 24 * 3600) {
        m = push_key(v, "end");
        fail(v, "must be after start, by at most 24 hours");
        pop(v, m);
        return false;
    }
    if ((long long)s->booked + s->quota > s->capacity) {
        m = push_key(v, "quota");
        fail(v, "booked + quota (%d + %d) exceeds capacity %d", s->booked,
             s->quota, s->capacity);
        pop(v, m);
        return false;
    }
    return true;
}

static bool parse_activity(struct vctx *v, json_t *o, struct activity *a,
                           const char **service_id)
{
    size_t m, i;
    json_t *item;
    if (!(get_id(v, o, "id", &a->id) &&
          get_text(v, o, "name", true, false, NAME_MAX_BYTES, &a->name) &&
          get_text(v, o, "org", true, false, NAME_MAX_BYTES, &a->org) &&
          get_text(v, o, "place", true, false, NAME_MAX_BYTES, &a->place) &&
          get_text(v, o, "description", false, true, DESCRIPTION_MAX_BYTES,
                   &a->description) &&
          get_string(v, o, "service", false, STR_ID, ID_MAX, service_id)))
        return false;
    json_t *arr = enter_array(v, o, "slots", true, 0, MAX_SLOTS_PER_ACTIVITY,
                              &m);
    if (arr) {
        a->slots = xcalloc(json_array_size(arr) + 1, sizeof *a->slots);
        json_array_foreach(arr, i, item) {
            size_t mi = push_index(v, i);
            bool ok = parse_slot(v, item, &a->slots[i]);
            pop(v, mi);
            if (!ok)
                break;
            a->n_slots++;
        }
    }
    pop(v, m);
    return !v->rc;
}

static bool check_span(struct vctx *v, int64_t start, int64_t end)
{
    if (end > start)
        return true;
    size_t m = push_key(v, "end");
    fail(v, "must be after start");
    pop(v, m);
    return false;
}

static bool parse_notice(struct vctx *v, json_t *o, struct notice *n)
{
    const char *prio = NULL;
    size_t m;
    if (!(get_id(v, o, "id", &n->id) &&
          get_text(v, o, "title", true, false, NAME_MAX_BYTES, &n->title) &&
          get_text(v, o, "body", true, true, BODY_MAX_BYTES, &n->body) &&
          get_timestamp(v, o, "start", true, &n->start) &&
          get_timestamp(v, o, "end", true, &n->end) &&
          check_span(v, n->start, n->end) &&
          get_string(v, o, "priority", false, STR_ID, 16, &prio)))
        return false;
    if (prio && strcmp(prio, "normal") != 0 && strcmp(prio, "important")) {
        m = push_key(v, "priority");
        fail(v, "expected \"normal\" or \"important\"");
        pop(v, m);
        return false;
    }
    n->important = prio && strcmp(prio, "important") == 0;
    return true;
}

/* Ids unique within one list (questions of a poll, options of one). */
static bool check_local_unique(struct vctx *v, const char *key,
                               const char *const *ids, int n)
{
    for (int i = 1; i < n; i++)
        for (int k = 0; k < i; k++)
            if (strcmp(ids[i], ids[k]) == 0) {
                size_t m = push_key(v, key);
                size_t mi = push_index(v, (size_t)i);
                size_t mk = push_key(v, "id");
                fail(v, "duplicate id \"%s\" (also %s[%d])", ids[i], key, k);
                pop(v, mk);
                pop(v, mi);
                pop(v, m);
                return false;
            }
    return true;
}

static bool parse_question(struct vctx *v, json_t *o, struct poll_question *q)
{
    size_t m, i;
    json_t *item;
    const char *ids[MAX_OPTIONS];
    if (!(get_id(v, o, "id", &q->id) &&
          get_text(v, o, "text", true, false, QUESTION_MAX_BYTES, &q->text)))
        return false;
    json_t *arr = enter_array(v, o, "options", true, 2, MAX_OPTIONS, &m);
    if (arr) {
        q->options = xcalloc(json_array_size(arr), sizeof *q->options);
        json_array_foreach(arr, i, item) {
            size_t mi = push_index(v, i);
            struct poll_option *op = &q->options[i];
            bool ok = json_is_object(item)
                          ? get_id(v, item, "id", &op->id) &&
                                get_text(v, item, "text", true, false,
                                         QUESTION_MAX_BYTES, &op->text)
                          : fail(v, "expected an object");
            pop(v, mi);
            if (!ok)
                break;
            ids[q->n_options++] = op->id;
        }
    }
    pop(v, m);
    return !v->rc && check_local_unique(v, "options", ids, q->n_options);
}

static bool parse_poll(struct vctx *v, json_t *o, struct poll *p)
{
    size_t m, i;
    json_t *item;
    const char *ids[MAX_QUESTIONS];
    if (!(get_id(v, o, "id", &p->id) &&
          get_text(v, o, "title", true, false, NAME_MAX_BYTES, &p->title) &&
          get_timestamp(v, o, "start", true, &p->start) &&
          get_timestamp(v, o, "end", true, &p->end) &&
          check_span(v, p->start, p->end)))
        return false;
    json_t *arr = enter_array(v, o, "questions", true, 1, MAX_QUESTIONS, &m);
    if (arr) {
        p->questions = xcalloc(json_array_size(arr), sizeof *p->questions);
        json_array_foreach(arr, i, item) {
            size_t mi = push_index(v, i);
            bool ok = json_is_object(item)
                          ? parse_question(v, item, &p->questions[i])
                          : fail(v, "expected an object");
            pop(v, mi);
            if (!ok)
                break;
            ids[p->n_questions++] = p->questions[i].id;
        }
    }
    pop(v, m);
    return !v->rc && check_local_unique(v, "questions", ids, p->n_questions);
}

/* ---- the whole document ------------------------------------------------ */

struct scratch {
    const char **service_category; /* per service: its category id */
    const char **activity_service; /* per activity: its service id or NULL */
    struct idref *refs;
};

/* Parses the array `key` into *items (each of size `size`) with fn. */
#define PARSE_LIST(v, root, key, maxn, items, count, fn_call)                 \
    do {                                                                      \
        size_t m_, i_;                                                        \
        json_t *arr_ = enter_array(v, root, key, true, 0, maxn, &m_);         \
        json_t *item;                                                         \
        if (arr_) {                                                           \
            items = xcalloc(json_array_size(arr_) + 1, sizeof *(items));      \
            json_array_foreach(arr_, i_, item) {                              \
                size_t mi_ = push_index(v, i_);                               \
                size_t i = i_;                                                \
                bool ok_ = json_is_object(item)                               \
                               ? (fn_call)                                    \
                               : fail(v, "expected an object");               \
                (void)i;                                                      \
                pop(v, mi_);                                                  \
                if (!ok_)                                                     \
                    break;                                                    \
                count++;                                                      \
            }                                                                 \
        }                                                                     \
        pop(v, m_);                                                           \
    } while (0)

static bool check_ids(struct vctx *v, struct bundle *b, struct scratch *s)
{
    size_t n = (size_t)(b->n_categories > b->n_services ? b->n_categories
                                                        : b->n_services);
    size_t n_slots = 0;
    for (int i = 0; i < b->n_activities; i++)
        n_slots += (size_t)b->activities[i].n_slots;
    n = n > n_slots ? n : n_slots;
    n = n > (size_t)b->n_activities ? n : (size_t)b->n_activities;
    s->refs = xcalloc(n + 1, sizeof *s->refs);
    struct idref *r = s->refs;
    int k;

    /* categories: unique, then resolve services' categories */
    for (k = 0; k < b->n_categories; k++)
        r[k] = (struct idref){b->categories[k].id, "categories", k, -1};
    if (!check_unique(v, r, (size_t)b->n_categories, NULL))
        return false;
    for (k = 0; k < b->n_services; k++) {
        int c = idref_find(r, (size_t)b->n_categories, s->service_category[k]);
        if (c < 0) {
            char p[64];
            snprintf(p, sizeof p, "services[%d].category", k);
            size_t m = push_key(v, p);
            fail(v, "no category \"%s\"", s->service_category[k]);
            pop(v, m);
            return false;
        }
        b->services[k].category = c;
    }
    /* services: unique, then resolve activities' places */
    for (k = 0; k < b->n_services; k++)
        r[k] = (struct idref){b->services[k].id, "services", k, -1};
    if (!check_unique(v, r, (size_t)b->n_services, NULL))
        return false;
    for (k = 0; k < b->n_activities; k++) {
        const char *sid = s->activity_service[k];
        b->activities[k].service = -1;
        if (!sid)
            continue;
        int idx = idref_find(r, (size_t)b->n_services, sid);
        if (idx < 0) {
            char p[64];
            snprintf(p, sizeof p, "activities[%d].service", k);
            size_t m = push_key(v, p);
            fail(v, "no service \"%s\"", sid);
            pop(v, m);
            return false;
        }
        b->activities[k].service = idx;
    }
    for (k = 0; k < b->n_activities; k++)
        r[k] = (struct idref){b->activities[k].id, "activities", k, -1};
    if (!check_unique(v, r, (size_t)b->n_activities, NULL))
        return false;
    size_t j = 0;
    for (k = 0; k < b->n_activities; k++)
        for (int q = 0; q < b->activities[k].n_slots; q++)
            r[j++] = (struct idref){b->activities[k].slots[q].id,
                                    "activities", k, q};
    if (!check_unique(v, r, j, "slots"))
        return false;
    for (k = 0; k < b->n_notices; k++)
        r[k] = (struct idref){b->notices[k].id, "notices", k, -1};
    if (!check_unique(v, r, (size_t)b->n_notices, NULL))
        return false;
    for (k = 0; k < b->n_polls; k++)
        r[k] = (struct idref){b->polls[k].id, "polls", k, -1};
    return check_unique(v, r, (size_t)b->n_polls, NULL);
}

static void compute_walking(struct bundle *b)
{
    const struct config *c = &b->config;
    for (int i = 0; i < b->n_services; i++) {
        struct service *s = &b->services[i];
        s->walk_min = geo_walk_minutes(&c->walking, c->lat, c->lon, s->lat,
                                       s->lon);
    }
}

static bool parse_root(struct vctx *v, json_t *root, struct bundle *b)
{
    struct scratch s = {0};
    size_t m;
    int format = 0;
    json_t *j;
    bool ok = false;

    if (!json_is_object(root))
        return fail(v, "expected a JSON object");
    if (!get_int(v, root, "format", true, BUNDLE_FORMAT, BUNDLE_FORMAT,
                 &format) ||
        !get_string(v, root, "version", true, STR_ASCII, VERSION_MAX_BYTES,
                    &b->version) ||
        !get_timestamp(v, root, "generated_at", true, &b->generated_at))
        return false;
    if (!(j = enter_object(v, root, "config", &m)))
        return pop(v, m), false;
    ok = parse_config(v, j, &b->config);
    pop(v, m);
    if (!ok)
        return false;

    PARSE_LIST(v, root, "categories", MAX_CATEGORIES, b->categories,
               b->n_categories, parse_category(v, item, &b->categories[i]));
    if (v->rc)
        goto out;
    {
        size_t n = json_array_size(json_object_get(root, "services"));
        s.service_category = xcalloc(n + 1, sizeof *s.service_category);
    }
    PARSE_LIST(v, root, "services", MAX_SERVICES, b->services, b->n_services,
               parse_service(v, item, &b->services[i],
                             &s.service_category[i]));
    if (v->rc)
        goto out;
    {
        size_t n = json_array_size(json_object_get(root, "activities"));
        s.activity_service = xcalloc(n + 1, sizeof *s.activity_service);
    }
    PARSE_LIST(v, root, "activities", MAX_ACTIVITIES, b->activities,
               b->n_activities,
               parse_activity(v, item, &b->activities[i],
                              &s.activity_service[i]));
    if (v->rc)
        goto out;
    PARSE_LIST(v, root, "notices", MAX_NOTICES, b->notices, b->n_notices,
               parse_notice(v, item, &b->notices[i]));
    if (v->rc)
        goto out;
    PARSE_LIST(v, root, "polls", MAX_POLLS, b->polls, b->n_polls,
               parse_poll(v, item, &b->polls[i]));
    if (v->rc)
        goto out;
    if (check_ids(v, b, &s))
        compute_walking(b);
out:
    free(s.service_category);
    free(s.activity_service);
    free(s.refs);
    return !v->rc;
}

int bundle_parse(const char *json, size_t len, struct bundle **out,
                 char *errbuf, size_t errlen)
{
    struct vctx v = {.err = errbuf, .errlen = errlen};
    if (errbuf && errlen)
        errbuf[0] = '\0';
    if (len > BUNDLE_MAX_BYTES) {
        fail(&v, "larger than %u MiB", BUNDLE_MAX_BYTES >> 20);
        return ERR_TOO_BIG;
    }
    json_error_t jerr;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        fail(&v, "not valid JSON at line %d column %d: %s", jerr.line,
             jerr.column, jerr.text);
        return json_error_code(&jerr) == json_error_out_of_memory
                   ? ERR_NOMEM
                   : ERR_PARSE;
    }
    struct bundle *b = xcalloc(1, sizeof *b);
    b->priv = root;
    if (!parse_root(&v, root, b)) {
        bundle_free(b);
        return v.rc ? v.rc : ERR_INVALID;
    }
    *out = b;
    return 0;
}

void bundle_free(struct bundle *b)
{
    if (!b)
        return;
    /* A failed parse leaves items past the counts half-filled: free by the
     * sizes of the JSON arrays the lists were allocated from. */
    json_t *acts = json_object_get(b->priv, "activities");
    json_t *polls = json_object_get(b->priv, "polls");
    for (size_t i = 0; b->activities && i < json_array_size(acts); i++)
        free(b->activities[i].slots);
    for (size_t i = 0; b->polls && i < json_array_size(polls); i++) {
        struct poll *p = &b->polls[i];
        json_t *qs = json_object_get(json_array_get(polls, i), "questions");
        for (size_t q = 0; p->questions && q < json_array_size(qs); q++)
            free(p->questions[q].options);
        free(p->questions);
    }
    free(b->categories);
    free(b->services);
    free(b->activities);
    free(b->notices);
    free(b->polls);
    json_decref(b->priv);
    free(b);
}

char *bundle_object_json(const struct bundle *b, const char *kind, int index)
{
    json_t *j = json_object_get(b->priv, kind);
    if (json_is_array(j))
        j = index >= 0 ? json_array_get(j, (size_t)index) : NULL;
    if (!j)
        return NULL;
    char *s = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!s)
        abort(); /* only on out-of-memory, per the xalloc policy */
    return s;
}

int bundle_find_service(const struct bundle *b, const char *id)
{
    for (int i = 0; i < b->n_services; i++)
        if (strcmp(b->services[i].id, id) == 0)
            return i;
    return -1;
}
