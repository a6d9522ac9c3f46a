/*
 * test_bundle.c - bundle_parse(): a valid bundle becomes the model, and
 * every validation rule rejects its bad case with the exact path and
 * reason, leaving a store that held the previous bundle unchanged.
 */
#include "testutil.h"

#include "bundle.h"
#include "err.h"
#include "store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *mini_text(size_t *len)
{
    return test_read_file(LINLI_TEST_DATA "/mini.json", len);
}

static void test_valid_bundle(void **state)
{
    (void)state;
    size_t len;
    char *text = mini_text(&len), err[256];
    struct bundle *b = NULL;
    assert_int_equal(bundle_parse(text, len, &b, err, sizeof err), 0);
    assert_string_equal(b->version, "test-1");
    assert_string_equal(b->config.kiosk_id, "test-kiosk");
    assert_int_equal(b->config.languages, 3);
    assert_false(b->config.portrait);
    assert_int_equal(b->config.screen_on, 7 * 60);
    assert_int_equal(b->config.modules, 0x1f);
    assert_int_equal(b->n_categories, 2);
    assert_int_equal(b->n_services, 3);
    assert_int_equal(b->n_activities, 1);
    assert_int_equal(b->n_notices, 2);
    assert_int_equal(b->n_polls, 1);

    const struct service *clinic = &b->services[0];
    assert_string_equal(clinic->id, "clinic");
    assert_int_equal(clinic->category, 0);
    assert_int_equal(clinic->tags, TAG_WHEELCHAIR | TAG_ACCESSIBLE_TOILET);
    assert_int_equal(clinic->hours.n_ranges, 2);
    assert_int_equal(clinic->hours.n_exceptions, 1);
    /* 111 m north at 66.7 m/min with detour 1.3: about 2.2 minutes */
    assert_true(clinic->walk_min > 2.0 && clinic->walk_min < 2.4);

    const struct service *noodles = &b->services[1];
    assert_null(noodles->name.en);
    assert_string_equal(text_get(&noodles->name, LANG_EN), "深夜面馆");
    assert_null(noodles->phone);
    /* 17:00-02:00 runs past midnight: close is stored as 26:00 */
    assert_int_equal(noodles->hours.ranges[0].open, 17 * 60);
    assert_int_equal(noodles->hours.ranges[0].close, 26 * 60);
    assert_int_equal(noodles->category, 1);

    const struct activity *a = &b->activities[0];
    assert_int_equal(a->service, 2);
    assert_int_equal(a->n_slots, 2);
    assert_int_equal(a->slots[0].capacity, 3);
    assert_int_equal(a->slots[0].quota, 1);
    assert_int_equal(a->slots[0].end - a->slots[0].start, 2 * 3600);
    assert_true(b->notices[0].important);
    assert_false(b->notices[1].important);
    assert_int_equal(b->polls[0].questions[0].n_options, 2);

    char *json = bundle_object_json(b, "services", 2);
    assert_non_null(strstr(json, "\"canteen\""));
    free(json);
    assert_null(bundle_object_json(b, "services", 3));
    assert_int_equal(bundle_find_service(b, "noodles"), 1);
    assert_int_equal(bundle_find_service(b, "nope"), -1);
    bundle_free(b);
    free(text);
}

/* Sets (or with value NULL deletes) the member at a dotted path such as
 * "services.0.hours.0.open" in a copy of mini.json; returns the text. */
static char *mutate(const char *path, const char *value)
{
    size_t len;
    char *text = mini_text(&len);
    json_t *root = json_loadb(text, len, 0, NULL);
    free(text);
    assert_non_null(root);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *parent = root;
    char *save = NULL, *tok = strtok_r(buf, ".", &save), *next;
    while ((next = strtok_r(NULL, ".", &save))) {
        parent = json_is_array(parent)
                     ? json_array_get(parent, strtoul(tok, NULL, 10))
                     : json_object_get(parent, tok);
        assert_non_null(parent);
        tok = next;
    }
    json_t *v = NULL;
    if (value) {
        v = json_loads(value, JSON_DECODE_ANY, NULL);
        assert_non_null(v);
    }
    if (json_is_array(parent)) {
        size_t i = strtoul(tok, NULL, 10);
        if (v && i >= json_array_size(parent))
            json_array_append_new(parent, v);
        else if (v)
            json_array_set_new(parent, i, v);
        else
            json_array_remove(parent, i);
    } else if (v) {
        json_object_set_new(parent, tok, v);
    } else {
        json_object_del(parent, tok);
    }
    char *out = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    return out;
}

struct bad_case {
    const char *path;
    const char *value; /* JSON; NULL deletes */
    const char *error; /* the whole message */
};

static const struct bad_case bad_cases[] = {
    {"format", "2", "format: expected an integer 1..1"},
    {"version", NULL, "version: required"},
    {"version", "\"\"", "version: must not be empty"},
    {"version", "\"a b\"", "version: expected printable ASCII without spaces"},
    {"generated_at", "\"yesterday\"",
     "generated_at: expected a timestamp like \"2026-11-24T09:00:00+08:00\""},
    {"config", "[]", "config: expected an object"},
    {"config.kiosk_id", "\"kiosk 1\"",
     "config.kiosk_id: expected an id (letters, digits, '.', '_', '-')"},
    {"config.kiosk_id", "\"" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "\"",
     "config.kiosk_id: longer than 64 bytes"},
    {"config.center.name", "{}", "config.center.name.zh: required"},
    {"config.center.name", "\"x\"",
     "config.center.name: expected an object {\"zh\": ..., \"en\": ...}"},
    {"config.center.name.zh", "123", "config.center.name.zh: expected a string"},
    {"config.center.phone", "\"call us\"",
     "config.center.phone: expected a phone number (digits, '+', '-', '(', "
     "')', ' ')"},
    {"config.location.lat", "91", "config.location.lat: expected a number -90..90"},
    {"config.location.lon", "\"121\"",
     "config.location.lon: expected a number -180..180"},
    {"config.display.orientation", "\"sideways\"",
     "config.display.orientation: expected \"landscape\" or \"portrait\""},
    {"config.display.pixel_pitch_mm", "0", "config.display.pixel_pitch_mm: expected a number 0.05..2"},
    {"config.languages", "[\"en\"]", "config.languages: must contain \"zh-CN\""},
    {"config.languages", "[\"zh-CN\", \"zh-CN\"]",
     "config.languages[1]: \"zh-CN\" listed twice"},
    {"config.languages", "[\"zh-CN\", \"fr\"]", "config.languages[1]: unknown value"},
    {"config.languages", "[]", "config.languages: expected 1 to 2 items, found 0"},
    {"config.default_language", "\"fr\"",
     "config.default_language: expected one of the languages"},
    {"config.default_mode", "\"big\"",
     "config.default_mode: expected \"standard\" or \"elder\""},
    {"config.idle.warning_s", "10", "config.idle.warning_s: expected an integer 20..120"},
    {"config.idle.elder_s", "60", "config.idle.elder_s: must be at least standard_s (90)"},
    {"config.idle.standard_s", "90.5", "config.idle.standard_s: expected an integer 30..1800"},
    {"config.modules", "[\"services\", \"games\"]", "config.modules[1]: unknown value"},
    {"config.staff_pin_hash", "\"123456\"",
     "config.staff_pin_hash: expected an argon2id hash (\"$argon2id$...\")"},
    {"config.sync_interval_s", "10", "config.sync_interval_s: expected an integer 30..86400"},
    {"config.screen.on", "\"7:00\"", "config.screen.on: expected \"HH:MM\""},
    {"config.screen.off", "\"24:00\"", "config.screen.off: expected \"HH:MM\""},
    {"config.screen.dim_brightness", "95",
     "config.screen.dim_brightness: must not exceed brightness (90)"},
    {"config.walking.detour", "0.5", "config.walking.detour: expected a number 1..3"},
    {"config.walking", NULL, "config.walking: required"},
    {"categories", "{}", "categories: expected an array"},
    {"categories.1", "\"food\"", "categories[1]: expected an object"},
    {"categories.1.id", "\"health\"",
     "categories[1].id: duplicate id \"health\" (also categories[0].id)"},
    {"categories.0.icon", "\"Local-Hospital\"",
     "categories[0].icon: expected an icon name (a-z, 0-9, '_')"},
    {"services.0.category", "\"helth\"", "services[0].category: no category \"helth\""},
    {"services.2.id", "\"clinic\"",
     "services[2].id: duplicate id \"clinic\" (also services[0].id)"},
    {"services.0.lat", NULL, "services[0].lat: required"},
    {"services.1.lon", "181", "services[1].lon: expected a number -180..180"},
    {"services.0.hours.0.open", "\"8:00\"", "services[0].hours[0].open: expected \"HH:MM\""},
    {"services.0.hours.0.open", "\"24:00\"", "services[0].hours[0].open: expected \"HH:MM\""},
    {"services.0.hours.0.close", "\"24:01\"", "services[0].hours[0].close: expected \"HH:MM\""},
    {"services.0.hours.0.days", "[0]",
     "services[0].hours[0].days[0]: expected a weekday 1 (Monday) to 7 (Sunday)"},
    {"services.0.hours.0.days", "[1, 1]", "services[0].hours[0].days[1]: day 1 listed twice"},
    {"services.0.hours.0.days", "[]",
     "services[0].hours[0].days: expected 1 to 7 items, found 0"},
    {"services.0.hours.1", "\"Sat 8-12\"",
     "services[0].hours[1]: expected an object {\"days\", \"open\", \"close\"}"},
    {"services.0.hours", NULL, "services[0].hours: required"},
    {"services.0.exceptions.0.date", "\"2026-02-30\"",
     "services[0].exceptions[0].date: expected \"YYYY-MM-DD\""},
    {"services.0.exceptions.0.closed", "\"yes\"",
     "services[0].exceptions[0].closed: expected true or false"},
    {"services.0.exceptions.0.closed", "false",
     "services[0].exceptions[0].open: required"},
    {"services.0.tags", "[\"wheelchair\", \"jetpack\"]", "services[0].tags[1]: unknown value"},
    {"services.0.tags", "[\"braille\", \"braille\"]",
     "services[0].tags[1]: \"braille\" listed twice"},
    {"services.0.phone", "\"call me\"",
     "services[0].phone: expected a phone number (digits, '+', '-', '(', ')', ' ')"},
    {"services.0.url", "\"ftp://example.org\"",
     "services[0].url: expected an http:// or https:// URL"},
    {"services.0.name.zh", "\"a\\tb\"",
     "services[0].name.zh: expected text without control characters"},
    {"services.0.name.en", "\"\"", "services[0].name.en: must not be empty"},
    {"services.0.address", NULL, "services[0].address: required"},
    {"services.0.description.zh", "[]", "services[0].description.zh: expected a string"},
    {"activities.0.service", "\"nowhere\"", "activities[0].service: no service \"nowhere\""},
    {"activities.0.org", NULL, "activities[0].org: required"},
    {"activities.0.slots.0.capacity", "-1",
     "activities[0].slots[0].capacity: expected an integer 0..10000"},
    {"activities.0.slots.0.capacity", "2.5",
     "activities[0].slots[0].capacity: expected an integer 0..10000"},
    {"activities.0.slots.0.quota", "3",
     "activities[0].slots[0].quota: booked + quota (1 + 3) exceeds capacity 3"},
    {"activities.0.slots.0.end", "\"2026-11-24T09:00:00+08:00\"",
     "activities[0].slots[0].end: must be after start, by at most 24 hours"},
    {"activities.0.slots.0.start", "\"2026-11-24 09:00\"",
     "activities[0].slots[0].start: expected a timestamp like "
     "\"2026-11-24T09:00:00+08:00\""},
    {"activities.0.slots.1.id", "\"haircut-1\"",
     "activities[0].slots[1].id: duplicate id \"haircut-1\" (also "
     "activities[0].slots[0].id)"},
    {"activities.0.slots.1", "[]", "activities[0].slots[1]: expected an object"},
    {"notices.0.priority", "\"urgent\"",
     "notices[0].priority: expected \"normal\" or \"important\""},
    {"notices.0.end", "\"2026-11-19T00:00:00+08:00\"", "notices[0].end: must be after start"},
    {"notices.1.id", "\"n1\"", "notices[1].id: duplicate id \"n1\" (also notices[0].id)"},
    {"polls.0.questions.0.options.1", NULL,
     "polls[0].questions[0].options: expected 2 to 6 items, found 1"},
    {"polls.0.questions.0.options.1.id", "\"daily\"",
     "polls[0].questions[0].options[1].id: duplicate id \"daily\" (also options[0])"},
    {"polls.0.questions", "[]", "polls[0].questions: expected 1 to 20 items, found 0"},
    {"polls.0.questions.1", "{\"id\": \"q1\", \"text\": {\"zh\": \"又一题\"}, \"options\":"
     " [{\"id\": \"a\", \"text\": {\"zh\": \"甲\"}}, {\"id\": \"b\", \"text\": {\"zh\": \"乙\"}}]}",
     "polls[0].questions[1].id: duplicate id \"q1\" (also questions[0])"},
    {"polls.0.start", "1700000000",
     "polls[0].start: expected a timestamp like \"2026-11-24T09:00:00+08:00\""},
    {"polls", NULL, "polls: required"},
};

/* The store keeps the last good bundle; each bad one must leave it. */
static void test_bad_cases(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], err[512];
    snprintf(path, sizeof path, "%s/cache.sqlite", dir);
    struct store *st;
    assert_int_equal(store_open(path, &st, NULL, 0), 0);
    size_t len;
    char *good = mini_text(&len);
    struct bundle *b;
    assert_int_equal(bundle_parse(good, len, &b, NULL, 0), 0);
    assert_int_equal(store_apply_bundle(st, b, 1000), 0);
    bundle_free(b);
    free(good);
    char *before = store_export(st, NULL, NULL);

    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const struct bad_case *c = &bad_cases[i];
        char *text = mutate(c->path, c->value);
        b = NULL;
        int rc = bundle_parse(text, strlen(text), &b, err, sizeof err);
        if (rc != ERR_INVALID || strcmp(err, c->error) != 0)
            fail_msg("case %zu (%s = %s):\n  got %d \"%s\"\n  want \"%s\"", i,
                     c->path, c->value ? c->value : "(deleted)", rc, err,
                     c->error);
        assert_null(b);
        free(text);
    }
    char *after = store_export(st, NULL, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
    store_close(st);
    test_rmtree(dir);
    free(dir);
}

static void expect_parse_error(const char *text, size_t len, int want_rc,
                               const char *want_prefix)
{
    char err[512];
    struct bundle *b = NULL;
    assert_int_equal(bundle_parse(text, len, &b, err, sizeof err), want_rc);
    assert_null(b);
    if (strncmp(err, want_prefix, strlen(want_prefix)) != 0)
        fail_msg("got \"%s\", want a message starting \"%s\"", err,
                 want_prefix);
}

static void test_malformed_documents(void **state)
{
    (void)state;
    expect_parse_error("[]", 2, ERR_INVALID, "(document): expected a JSON object");
    expect_parse_error("{\"format\": 1", 12, ERR_PARSE,
                       "(document): not valid JSON at line 1");
    expect_parse_error("", 0, ERR_PARSE, "(document): not valid JSON");
    expect_parse_error("{\"format\": 1} trailing", 22, ERR_PARSE,
                       "(document): not valid JSON");
    /* invalid UTF-8 inside a string */
    expect_parse_error("{\"version\": \"\xff\xfe\"}", 17, ERR_PARSE,
                       "(document): not valid JSON");
    /* a NUL character inside a string */
    expect_parse_error("{\"version\": \"a\\u0000b\"}", 23, ERR_PARSE,
                       "(document): not valid JSON");
    /* duplicate keys */
    expect_parse_error("{\"format\": 1, \"format\": 1}", 26, ERR_PARSE,
                       "(document): not valid JSON");
}

static void test_size_cap(void **state)
{
    (void)state;
    size_t n = (size_t)BUNDLE_MAX_BYTES + 1;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, ' ', n);
    big[0] = '{';
    big[n - 1] = '}';
    expect_parse_error(big, n, ERR_TOO_BIG, "(document): larger than 32 MiB");
    free(big);
}

/* One more service than MAX_SERVICES is refused by count. */
static void test_count_cap(void **state)
{
    (void)state;
    size_t len;
    char *text = mini_text(&len);
    json_t *root = json_loadb(text, len, 0, NULL);
    free(text);
    json_t *svcs = json_object_get(root, "services");
    json_t *proto = json_array_get(svcs, 2);
    for (int i = 3; i <= MAX_SERVICES; i++) {
        json_t *c = json_deep_copy(proto);
        char id[32];
        snprintf(id, sizeof id, "s%d", i);
        json_object_set_new(c, "id", json_string(id));
        json_array_append_new(svcs, c);
    }
    text = json_dumps(root, JSON_COMPACT);
    char err[256];
    struct bundle *b = NULL;
    assert_int_equal(bundle_parse(text, strlen(text), &b, err, sizeof err),
                     ERR_INVALID);
    assert_string_equal(err, "services: expected 0 to 20000 items, found 20001");
    /* and exactly MAX_SERVICES is fine */
    json_array_remove(svcs, json_array_size(svcs) - 1);
    free(text);
    text = json_dumps(root, JSON_COMPACT);
    assert_int_equal(bundle_parse(text, strlen(text), &b, err, sizeof err), 0);
    assert_int_equal(b->n_services, MAX_SERVICES);
    bundle_free(b);
    free(text);
    json_decref(root);
}

/* Unknown members are ignored; optional ones may be absent. */
static void test_lenient_where_documented(void **state)
{
    (void)state;
    struct {
        const char *path, *value;
    } ok[] = {
        {"future_member", "{\"anything\": true}"},
        {"services.0.exceptions", NULL},
        {"services.0.tags", NULL},
        {"services.0.hours", "[]"},
        {"services.0.description.zh", "\"第一行\\n第二行\""},
        {"services.0.hours.0.close", "\"24:00\""},
        {"activities.0.slots.0.quota", NULL},
        {"activities.0.service", NULL},
        {"notices.0.priority", NULL},
        {"config.languages", "[\"zh-CN\"]"},
        {"activities", "[]"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char *text = mutate(ok[i].path, ok[i].value), err[256];
        struct bundle *b = NULL;
        int rc = bundle_parse(text, strlen(text), &b, err, sizeof err);
        if (rc)
            fail_msg("%s: %s", ok[i].path, err);
        bundle_free(b);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_bundle),
        cmocka_unit_test(test_bad_cases),
        cmocka_unit_test(test_malformed_documents),
        cmocka_unit_test(test_size_cap),
        cmocka_unit_test(test_count_cap),
        cmocka_unit_test(test_lenient_where_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
