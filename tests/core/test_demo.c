/*
 * test_demo.c - demo_bundle_make() on the real template
 * (assets/demo/community.json, docs/bundle.md "The demo template"): for
 * load days across weekdays, a leap day and a year end the result parses
 * and is a community worth showing - slots in the next 14 days on the
 * template's weekdays, notices and a poll placed around today - the same
 * bytes for the same moment; and a broken template fails with a message.
 */
#include "testutil.h"

#include "bundle.h"
#include "civil_time.h"
#include "demo.h"
#include "err.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEMPLATE LINLI_TEST_ASSETS "/demo/community.json"

static char *template_text(size_t *len)
{
    return test_read_file(TEMPLATE, len);
}

/* Makes the demo for now_s from the real template; fails the test if it
 * cannot. */
static char *make_demo(int64_t now_s, size_t *len_out)
{
    size_t len;
    char *tmpl = template_text(&len), err[256] = "";
    char *out = NULL;
    size_t out_len = 0;
    int rc = demo_bundle_make(tmpl, len, now_s, &out, &out_len, err,
                              sizeof err);
    if (rc)
        fail_msg("demo_bundle_make: %d: %s", rc, err);
    assert_non_null(out);
    assert_int_equal(out_len, strlen(out));
    free(tmpl);
    if (len_out)
        *len_out = out_len;
    return out;
}

static struct bundle *parse_demo(const char *json, size_t len)
{
    char err[256] = "";
    struct bundle *b = NULL;
    int rc = bundle_parse(json, len, &b, err, sizeof err);
    if (rc)
        fail_msg("bundle_parse of the demo: %d: %s", rc, err);
    return b;
}

/* Weekday bits of a template schedule entry's "days". */
static unsigned days_bits(json_t *days)
{
    unsigned bits = 0;
    size_t i;
    json_t *d;
    json_array_foreach(days, i, d)
        bits |= 1u << (json_integer_value(d) - 1);
    return bits;
}

/* Every slot of activity a matches an entry of its template schedule
 * (weekday, start and end), and each entry made a slot on each of its
 * weekdays in the 14 days: two weeks, so two per weekday. */
static void check_schedule(const struct activity *a, json_t *tmpl_acts)
{
    json_t *ta = NULL, *item;
    size_t i;
    json_array_foreach(tmpl_acts, i, item) {
        if (strcmp(json_string_value(json_object_get(item, "id")), a->id) ==
            0)
            ta = item;
    }
    if (!ta)
        fail_msg("activity %s is not in the template", a->id);
    json_t *sched = json_object_get(ta, "schedule");
    int want = 0;
    json_array_foreach(sched, i, item)
        want += 2 * (int)json_array_size(json_object_get(item, "days"));
    if (a->n_slots != want)
        fail_msg("activity %s: %d slots, want %d", a->id, a->n_slots, want);

    for (int s = 0; s < a->n_slots; s++) {
        const struct slot *sl = &a->slots[s];
        struct civil st, en;
        civil_from_unix(sl->start, &st);
        civil_from_unix(sl->end, &en);
        bool found = false;
        json_array_foreach(sched, i, item) {
            int start, end;
            assert_true(civil_parse_hhmm(
                json_string_value(json_object_get(item, "start")), false,
                &start));
            assert_true(civil_parse_hhmm(
                json_string_value(json_object_get(item, "end")), true, &end));
            if ((days_bits(json_object_get(item, "days")) &
                 (1u << (st.weekday - 1))) &&
                st.minute_of_day == start &&
                sl->end == civil_unix(st.day_number, end) &&
                sl->capacity ==
                    (int)json_integer_value(json_object_get(item, "capacity")))
                found = true;
        }
        if (!found)
            fail_msg("slot %s matches no schedule entry", sl->id);

        /* the id is <activity>-YYYYMMDD-HHMM of the start */
        char id[128];
        snprintf(id, sizeof id, "%s-%04d%02d%02d-%02d%02d", a->id, st.year,
                 st.month, st.day, st.hour, st.minute);
        assert_string_equal(sl->id, id);
    }
}

/* Every template exception with in_days N became one on today + N. */
static void check_exceptions(const struct bundle *b, json_t *tmpl,
                             int32_t today)
{
    json_t *svc;
    size_t i;
    int seen = 0;
    json_array_foreach(json_object_get(tmpl, "services"), i, svc) {
        json_t *ex;
        size_t j;
        json_array_foreach(json_object_get(svc, "exceptions"), j, ex) {
            json_t *in = json_object_get(ex, "in_days");
            if (!json_is_integer(in))
                continue;
            int k = bundle_find_service(
                b, json_string_value(json_object_get(svc, "id")));
            assert_true(k >= 0);
            const struct hours *h = &b->services[k].hours;
            bool found = false;
            for (int e = 0; e < h->n_exceptions; e++)
                if (h->exceptions[e].day ==
                    today + (int32_t)json_integer_value(in))
                    found = true;
            if (!found)
                fail_msg("service %s: no exception on today + %d",
                         b->services[k].id, (int)json_integer_value(in));
            seen++;
        }
    }
    assert_true(seen >= 1);
}

/* Everything the demo promises, for one load moment. */
static void check_demo_at(int64_t now_s)
{
    struct civil now;
    civil_from_unix(now_s, &now);
    size_t len;
    char *json = make_demo(now_s, &len);
    struct bundle *b = parse_demo(json, len);

    size_t tlen;
    char *ttext = template_text(&tlen);
    json_t *tmpl = json_loadb(ttext, tlen, 0, NULL);
    assert_non_null(tmpl);

    /* version and generated_at come from the load moment */
    char version[32];
    snprintf(version, sizeof version, "demo-%04d-%02d-%02d", now.year,
             now.month, now.day);
    assert_string_equal(b->version, version);
    assert_int_equal(b->generated_at, now_s);

    /* services: many, in every category, all within the 15-minute circle
     * and spread over the three rings, with both languages */
    assert_true(b->n_services >= 60);
    assert_true(b->n_categories >= 1);
    int *per_cat = calloc((size_t)b->n_categories, sizeof *per_cat);
    assert_non_null(per_cat);
    int rings[16] = {0};
    for (int i = 0; i < b->n_services; i++) {
        const struct service *s = &b->services[i];
        assert_true(s->category >= 0 && s->category < b->n_categories);
        per_cat[s->category]++;
        if (!(s->walk_min >= 0.0 && s->walk_min <= 15.0))
            fail_msg("service %s: %.2f minutes away", s->id, s->walk_min);
        rings[geo_ring(s->walk_min)]++;
        assert_non_null(s->name.zh);
        assert_true(s->name.zh[0] != '\0');
        if (!s->name.en || !s->name.en[0])
            fail_msg("service %s has no English name", s->id);
    }
    for (int c = 0; c < b->n_categories; c++)
        if (per_cat[c] < 2)
            fail_msg("category %s has %d services", b->categories[c].id,
                     per_cat[c]);
    free(per_cat);
    assert_int_equal(rings[0], 0);
    assert_true(rings[5] >= 1);
    assert_true(rings[10] >= 1);
    assert_true(rings[15] >= 1);

    /* activities: slots on the template's weekdays in the next 14 days,
     * seats within capacity, some full and some free */
    assert_true(b->n_activities >= 8);
    int full = 0, free_seats = 0;
    for (int i = 0; i < b->n_activities; i++) {
        const struct activity *a = &b->activities[i];
        if (a->n_slots < 1)
            fail_msg("activity %s has no slots", a->id);
        for (int s = 0; s < a->n_slots; s++) {
            const struct slot *sl = &a->slots[s];
            struct civil st;
            civil_from_unix(sl->start, &st);
            if (st.day_number < now.day_number ||
                st.day_number > now.day_number + DEMO_DAYS - 1)
                fail_msg("slot %s starts on day %d, load day %d", sl->id,
                         (int)st.day_number, (int)now.day_number);
            assert_true(sl->start < sl->end);
            assert_true(sl->booked >= 0 && sl->quota >= 0);
            assert_true(sl->booked + sl->quota <= sl->capacity);
            if (sl->booked == sl->capacity)
                full++;
            if (sl->booked + sl->quota < sl->capacity)
                free_seats++;
        }
        check_schedule(a, json_object_get(tmpl, "activities"));
    }
    assert_true(full >= 1);
    assert_true(free_seats >= 1);

    /* notices: some showing now, some not (yet or any more) */
    int active = 0, inactive = 0;
    for (int i = 0; i < b->n_notices; i++) {
        const struct notice *n = &b->notices[i];
        assert_true(n->start < n->end);
        if (n->start <= now_s && now_s < n->end)
            active++;
        else
            inactive++;
    }
    assert_true(active >= 1);
    assert_true(inactive >= 1);

    /* exactly one poll open now */
    active = 0;
    for (int i = 0; i < b->n_polls; i++)
        if (b->polls[i].start <= now_s && now_s < b->polls[i].end)
            active++;
    assert_int_equal(active, 1);

    check_exceptions(b, tmpl, now.day_number);

    json_decref(tmpl);
    free(ttext);
    bundle_free(b);
    free(json);
}

static void test_weekday(void **state)
{
    (void)state;
    check_demo_at(test_sh_time(2026, 11, 23, 10, 0)); /* Monday */
}

static void test_sunday(void **state)
{
    (void)state;
    check_demo_at(test_sh_time(2026, 11, 29, 15, 45));
}

static void test_leap_day(void **state)
{
    (void)state;
    check_demo_at(test_sh_time(2028, 2, 29, 9, 0));
}

static void test_year_end(void **state)
{
    (void)state;
    /* late evening: still 12-31 in Shanghai, already 15:30 UTC */
    check_demo_at(test_sh_time(2026, 12, 31, 23, 30));
}

static void test_early_morning(void **state)
{
    (void)state;
    /* 00:30 in Shanghai is the evening before in UTC: the load day must
     * be the Shanghai one */
    int64_t t = test_sh_time(2027, 3, 1, 0, 30);
    check_demo_at(t);
    size_t len;
    char *json = make_demo(t, &len);
    struct bundle *b = parse_demo(json, len);
    assert_string_equal(b->version, "demo-2027-03-01");
    bundle_free(b);
    free(json);
}

static void test_named_activities(void **state)
{
    (void)state;
    static const char *const names[] = {
        "助老陪诊", "理发义剪", "家电维修", "法律咨询", "健康义诊",
    };
    size_t len;
    char *json = make_demo(test_sh_time(2026, 11, 23, 10, 0), &len);
    struct bundle *b = parse_demo(json, len);
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        bool found = false;
        for (int i = 0; i < b->n_activities; i++)
            if (b->activities[i].name.zh &&
                strstr(b->activities[i].name.zh, names[k]))
                found = true;
        if (!found)
            fail_msg("no activity named %s", names[k]);
    }
    bundle_free(b);
    free(json);
}

static void test_deterministic(void **state)
{
    (void)state;
    int64_t t = test_sh_time(2026, 11, 23, 10, 0);
    size_t len1, len2;
    char *a = make_demo(t, &len1);
    char *b = make_demo(t, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(a, b, len1);
    free(b);

    /* later the same day: same version and the same seats */
    char *c = make_demo(test_sh_time(2026, 11, 23, 18, 5), &len2);
    struct bundle *ba = parse_demo(a, len1);
    struct bundle *bc = parse_demo(c, len2);
    assert_string_equal(ba->version, bc->version);
    assert_int_equal(ba->n_activities, bc->n_activities);
    for (int i = 0; i < ba->n_activities; i++) {
        assert_int_equal(ba->activities[i].n_slots,
                         bc->activities[i].n_slots);
        for (int s = 0; s < ba->activities[i].n_slots; s++) {
            const struct slot *x = &ba->activities[i].slots[s];
            const struct slot *y = &bc->activities[i].slots[s];
            assert_string_equal(x->id, y->id);
            assert_int_equal(x->start, y->start);
            assert_int_equal(x->booked, y->booked);
            assert_int_equal(x->quota, y->quota);
        }
    }
    bundle_free(bc);
    free(c);

    /* the next day: a different version and different slots */
    c = make_demo(test_sh_time(2026, 11, 24, 10, 0), &len2);
    bc = parse_demo(c, len2);
    assert_string_equal(bc->version, "demo-2026-11-24");
    assert_string_not_equal(ba->version, bc->version);
    assert_true(len1 != len2 || memcmp(a, c, len1) != 0);
    bundle_free(bc);
    free(c);
    bundle_free(ba);
    free(a);
}

/* demo_bundle_make on a literal template; *out must stay untouched on
 * failure. */
static int make_bad(const char *tmpl, char *err, size_t errlen)
{
    char *sentinel = (char *)"untouched";
    char *out = sentinel;
    size_t out_len = 12345;
    err[0] = '\0';
    int rc = demo_bundle_make(tmpl, strlen(tmpl),
                              test_sh_time(2026, 11, 23, 10, 0), &out,
                              &out_len, err, errlen);
    assert_ptr_equal(out, sentinel);
    assert_int_equal(out_len, 12345);
    return rc;
}

static void test_bad_templates(void **state)
{
    (void)state;
    char err[256];

    assert_int_equal(make_bad("this is not JSON", err, sizeof err),
                     ERR_PARSE);
    assert_true(err[0] != '\0');
    assert_int_equal(make_bad("{\"activities\": [", err, sizeof err),
                     ERR_PARSE);
    assert_true(err[0] != '\0');
    assert_int_equal(make_bad("[1, 2]", err, sizeof err), ERR_PARSE);
    assert_true(err[0] != '\0');

    assert_int_equal(make_bad("{\"activities\": [{\"id\": \"knit\", "
                              "\"name\": {\"zh\": \"编织\"}}]}",
                              err, sizeof err),
                     ERR_INVALID);
    assert_non_null(strstr(err, "knit"));
    assert_non_null(strstr(err, "schedule"));

    assert_int_equal(make_bad("{\"activities\": [{\"id\": \"haircut\", "
                              "\"schedule\": [{\"days\": [1, 2, 3, 4, 5, 6, "
                              "7], \"start\": \"9am\", \"end\": \"11:00\", "
                              "\"capacity\": 6, \"quota\": 2}]}]}",
                              err, sizeof err),
                     ERR_INVALID);
    assert_non_null(strstr(err, "haircut"));

    /* a bad end, and a schedule that comes after a good activity */
    assert_int_equal(make_bad("{\"activities\": [{\"id\": \"ok\", "
                              "\"schedule\": [{\"days\": [1], \"start\": "
                              "\"09:00\", \"end\": \"10:00\", \"capacity\": "
                              "3, \"quota\": 1}]}, {\"id\": \"late\", "
                              "\"schedule\": [{\"days\": [3], \"start\": "
                              "\"09:00\", \"end\": \"25:00\", \"capacity\": "
                              "3, \"quota\": 1}]}]}",
                              err, sizeof err),
                     ERR_INVALID);
    assert_non_null(strstr(err, "late"));

    /* a NULL errbuf is allowed */
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(demo_bundle_make("nope", 4, 0, &out, &out_len, NULL, 0),
                     ERR_PARSE);
    assert_null(out);
}

/* The template is len bytes, not a C string: an exact-size copy (no NUL
 * after it, which ASan would catch being read) works, and a cut one is
 * not JSON. */
static void test_template_not_nul_terminated(void **state)
{
    (void)state;
    size_t len;
    char *tmpl = template_text(&len);
    char *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, tmpl, len);
    char *out = NULL, err[256];
    size_t out_len;
    assert_int_equal(demo_bundle_make(copy, len,
                                      test_sh_time(2026, 11, 23, 10, 0), &out,
                                      &out_len, err, sizeof err),
                     0);
    free(out);
    /* cut in the middle: not JSON any more */
    out = NULL;
    assert_int_equal(demo_bundle_make(copy, len / 2,
                                      test_sh_time(2026, 11, 23, 10, 0), &out,
                                      &out_len, err, sizeof err),
                     ERR_PARSE);
    assert_null(out);
    free(copy);
    free(tmpl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_sunday),
        cmocka_unit_test(test_leap_day),
        cmocka_unit_test(test_year_end),
        cmocka_unit_test(test_early_morning),
        cmocka_unit_test(test_named_activities),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_bad_templates),
        cmocka_unit_test(test_template_not_nul_terminated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
