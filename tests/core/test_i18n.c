/*
 * test_i18n.c - message catalogs: the real catalogs agree on keys and
 * placeholders; lookups fall back zh-CN then key; i18n_format fills and
 * cuts at a UTF-8 boundary; malformed catalogs are refused with a message
 * that names the file and key.
 */
#define _GNU_SOURCE
#include "testutil.h"

#include "buf.h"
#include "err.h"
#include "i18n.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REAL_DIR LINLI_TEST_ASSETS "/i18n"

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

/* A temporary folder holding the two catalogs; en may be NULL (absent). */
static char *make_catalogs(const char *zh, const char *en)
{
    char *dir = test_tmpdir();
    write_file(dir, "zh-CN.json", zh);
    if (en)
        write_file(dir, "en.json", en);
    return dir;
}

static struct i18n *load_ok(const char *dir)
{
    struct i18n *i18n = NULL;
    char err[256] = "";
    int rc = i18n_load(dir, &i18n, err, sizeof(err));
    if (rc)
        fail_msg("i18n_load(%s): %s: %s", dir, err_str(rc), err);
    assert_non_null(i18n);
    return i18n;
}

/* True if s is well-formed UTF-8 (no truncated sequence). */
static bool utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 1 : *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 :
                *p >= 0xc0 ? 2 : 0;
        if (!n)
            return false;
        for (int i = 1; i < n; i++)
            if ((p[i] & 0xc0) != 0x80)
                return false;
        p += n;
    }
    return true;
}

/* ---- the real catalogs ---- */

static void collect_missing(void *ctx, enum lang lacking, const char *key)
{
    struct buf *b = ctx;
    assert_int_equal(buf_printf(b, "\n  %s lacks %s", lang_code(lacking),
                                key), 0);
}

static void test_real_catalogs_parity(void **state)
{
    struct i18n *i18n = load_ok(REAL_DIR);
    struct buf b;
    buf_init(&b, 1 << 20);
    size_t n = i18n_missing(i18n, collect_missing, &b);
    if (n)
        fail_msg("%zu keys missing:%s", n, b.data);
    buf_release(&b);
    i18n_free(i18n);
}

/* Appends to b each "{name}" of s that is not in other. */
static void placeholders_not_in(struct buf *b, const char *key,
                                const char *code, const char *s,
                                const char *other)
{
    for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
        size_t n = strcspn(p + 1, "{}");
        if (p[1 + n] != '}')
            continue;
        char ph[128];
        snprintf(ph, sizeof(ph), "%.*s", (int)n + 2, p);
        if (!strstr(other, ph))
            buf_printf(b, "\n  %s: %s in %s only", key, ph, code);
    }
}

static void test_real_catalogs_placeholders(void **state)
{
    json_error_t jerr;
    json_t *zh = json_load_file(REAL_DIR "/zh-CN.json", 0, &jerr);
    json_t *en = json_load_file(REAL_DIR "/en.json", 0, &jerr);
    assert_non_null(zh);
    assert_non_null(en);

    struct buf b;
    buf_init(&b, 1 << 20);
    const char *key;
    json_t *v;
    json_object_foreach(zh, key, v) {
        json_t *e = json_object_get(en, key);
        if (!json_is_string(v) || !json_is_string(e))
            continue; /* parity and load tests report these */
        placeholders_not_in(&b, key, "zh-CN", json_string_value(v),
                            json_string_value(e));
        placeholders_not_in(&b, key, "en", json_string_value(e),
                            json_string_value(v));
    }
    if (b.len)
        fail_msg("placeholders differ:%s", b.data);
    buf_release(&b);
    json_decref(zh);
    json_decref(en);
}

/* The five 好差评 levels, exactly as the national standard words them. */
static void test_real_catalogs_rating_levels(void **state)
{
    static const char *const zh[] = {"非常不满意", "不满意", "基本满意",
                                     "满意", "非常满意"};
    struct i18n *i18n = load_ok(REAL_DIR);
    char key[32];
    for (int i = 0; i < 5; i++) {
        snprintf(key, sizeof(key), "rating.level.%d", i + 1);
        assert_string_equal(i18n_get(i18n, LANG_ZH, key), zh[i]);
    }
    assert_string_equal(i18n_get(i18n, LANG_ZH, "mode.elder"), "长辈版");
    assert_string_equal(i18n_get(i18n, LANG_EN, "idle.title"),
                        "Still there?");
    i18n_free(i18n);
}

/* ---- lookups ---- */

static void test_fallback(void **state)
{
    char *dir = make_catalogs("{\"a\": \"甲\", \"b\": \"乙\"}",
                              "{\"a\": \"A\", \"z\": \"Z\"}");
    struct i18n *i18n = load_ok(dir);

    assert_string_equal(i18n_get(i18n, LANG_ZH, "a"), "甲");
    assert_string_equal(i18n_get(i18n, LANG_EN, "a"), "A");
    /* en lacks b: zh-CN is the complete catalog */
    assert_string_equal(i18n_get(i18n, LANG_EN, "b"), "乙");
    /* neither has c: the key itself, so a tester can report it */
    assert_string_equal(i18n_get(i18n, LANG_ZH, "c"), "c");
    assert_string_equal(i18n_get(i18n, LANG_EN, "c"), "c");
    /* zh-CN never falls back to en */
    assert_string_equal(i18n_get(i18n, LANG_ZH, "z"), "z");
    assert_string_equal(i18n_get(i18n, LANG_EN, "z"), "Z");

    struct buf b;
    buf_init(&b, 4096);
    assert_int_equal(i18n_missing(i18n, collect_missing, &b), 2);
    assert_non_null(strstr(b.data, "en lacks b"));
    assert_non_null(strstr(b.data, "zh-CN lacks z"));
    assert_int_equal(i18n_missing(i18n, NULL, NULL), 2);
    buf_release(&b);

    i18n_free(i18n);
    test_rmtree(dir);
    free(dir);
}

static void test_many_keys(void **state)
{
    /* Enough keys, in scrambled order, to exercise the binary search. */
    struct buf zh, en;
    buf_init(&zh, 1 << 20);
    buf_init(&en, 1 << 20);
    buf_puts(&zh, "{");
    buf_puts(&en, "{");
    for (int i = 0; i < 500; i++) {
        int k = (i * 7919) % 500;
        buf_printf(&zh, "%s\"k.%d\": \"值%d\"", i ? "," : "", k, k);
        if (k % 2 == 0)
            buf_printf(&en, "%s\"k.%d\": \"v%d\"", en.len > 1 ? "," : "", k,
                       k);
    }
    buf_puts(&zh, "}");
    buf_puts(&en, "}");
    char *dir = make_catalogs(zh.data, en.data);
    struct i18n *i18n = load_ok(dir);

    char key[32], want[32];
    for (int k = 0; k < 500; k++) {
        snprintf(key, sizeof(key), "k.%d", k);
        snprintf(want, sizeof(want), "值%d", k);
        assert_string_equal(i18n_get(i18n, LANG_ZH, key), want);
        if (k % 2 == 0)
            snprintf(want, sizeof(want), "v%d", k);
        assert_string_equal(i18n_get(i18n, LANG_EN, key), want);
    }
    assert_int_equal(i18n_missing(i18n, NULL, NULL), 250);

    i18n_free(i18n);
    buf_release(&zh);
    buf_release(&en);
    test_rmtree(dir);
    free(dir);
}

/* ---- i18n_format ---- */

static const char fmt_zh[] =
    "{\"walk\": \"步行 {min} 分钟\","
    " \"page\": \"第 {page}/{pages} 页\","
    " \"twice\": \"{a}-{b}-{a}\","
    " \"odd\": \"{nope} { {} x{\","
    " \"edge\": \"{min}\"}";
static const char fmt_en[] =
    "{\"walk\": \"{min} min walk\","
    " \"page\": \"Page {page} of {pages}\"}";

static void test_format_fill(void **state)
{
    char *dir = make_catalogs(fmt_zh, fmt_en);
    struct i18n *i18n = load_ok(dir);
    char out[128];
    const char *min[] = {"min", "12", NULL};
    const char *page[] = {"pages", "9", "page", "3", NULL};
    const char *ab[] = {"a", "甲", "b", "乙", NULL};

    assert_int_equal(i18n_format(i18n, LANG_ZH, "walk", out, sizeof(out),
                                 min),
                     strlen("步行 12 分钟"));
    assert_string_equal(out, "步行 12 分钟");
    i18n_format(i18n, LANG_EN, "walk", out, sizeof(out), min);
    assert_string_equal(out, "12 min walk");
    i18n_format(i18n, LANG_ZH, "page", out, sizeof(out), page);
    assert_string_equal(out, "第 3/9 页");
    i18n_format(i18n, LANG_EN, "page", out, sizeof(out), page);
    assert_string_equal(out, "Page 3 of 9");
    /* en lacks twice: zh-CN string, each placeholder filled every time */
    i18n_format(i18n, LANG_EN, "twice", out, sizeof(out), ab);
    assert_string_equal(out, "甲-乙-甲");
    /* unknown names and stray braces stay as text */
    i18n_format(i18n, LANG_ZH, "odd", out, sizeof(out), ab);
    assert_string_equal(out, "{nope} { {} x{");
    /* no pairs at all */
    i18n_format(i18n, LANG_ZH, "walk", out, sizeof(out), NULL);
    assert_string_equal(out, "步行 {min} 分钟");
    /* a missing key formats as the key */
    assert_int_equal(i18n_format(i18n, LANG_EN, "no.such", out, sizeof(out),
                                 min),
                     7);
    assert_string_equal(out, "no.such");
    /* a NULL value counts as empty */
    const char *null_val[] = {"min", NULL};
    i18n_format(i18n, LANG_ZH, "edge", out, sizeof(out), null_val);
    assert_string_equal(out, "");

    i18n_free(i18n);
    test_rmtree(dir);
    free(dir);
}

static void test_format_truncate(void **state)
{
    char *dir = make_catalogs(fmt_zh, fmt_en);
    struct i18n *i18n = load_ok(dir);
    const char *min[] = {"min", "十二", NULL};
    const char *full = "步行 十二 分钟";
    char out[64];

    /* "步" is 3 bytes: 4 bytes of room leave just it, not half of "行" */
    memset(out, 'x', sizeof(out));
    assert_int_equal(i18n_format(i18n, LANG_ZH, "walk", out, 5, min), 3);
    assert_string_equal(out, "步");
    assert_int_equal(out[5], 'x'); /* nothing written past outlen */

    /* a cut inside the value behaves the same */
    assert_int_equal(i18n_format(i18n, LANG_ZH, "walk", out, 10, min), 7);
    assert_string_equal(out, "步行 ");
    assert_int_equal(i18n_format(i18n, LANG_ZH, "walk", out, 12, min), 10);
    assert_string_equal(out, "步行 十");

    /* every size gives a prefix of the whole that is valid UTF-8 */
    for (size_t n = 1; n <= strlen(full) + 1; n++) {
        size_t len = i18n_format(i18n, LANG_ZH, "walk", out, n, min);
        assert_true(len < n);
        assert_int_equal(strlen(out), len);
        assert_true(utf8_ok(out));
        assert_memory_equal(out, full, len);
        assert_true(len + 3 >= n - 1); /* at most one character dropped */
    }
    assert_int_equal(i18n_format(i18n, LANG_ZH, "walk", out, sizeof(out),
                                 min),
                     strlen(full));

    /* no room at all: nothing written */
    out[0] = 'x';
    assert_int_equal(i18n_format(i18n, LANG_ZH, "walk", out, 0, min), 0);
    assert_int_equal(out[0], 'x');

    i18n_free(i18n);
    test_rmtree(dir);
    free(dir);
}

/* ---- malformed catalogs ---- */

/* Loads zh/en text that must fail with rc, and a message holding every
 * one of the NULL-terminated needles. */
static void expect_reject(const char *zh, const char *en, int rc,
                          const char *const *needles)
{
    char *dir = make_catalogs(zh, en);
    struct i18n *sentinel = (struct i18n *)&sentinel;
    struct i18n *i18n = sentinel;
    char err[512] = "";

    assert_int_equal(i18n_load(dir, &i18n, err, sizeof(err)), rc);
    assert_ptr_equal(i18n, sentinel); /* *out untouched */
    for (; *needles; needles++)
        if (!strstr(err, *needles))
            fail_msg("\"%s\" not in message \"%s\"", *needles, err);
    /* errbuf may be NULL */
    assert_int_equal(i18n_load(dir, &i18n, NULL, 0), rc);

    test_rmtree(dir);
    free(dir);
}

static void test_reject_not_object(void **state)
{
    expect_reject("[\"a\", \"b\"]", "{}", ERR_PARSE,
                  (const char *[]){"zh-CN.json", "object", NULL});
    expect_reject("{}", "\"just a string\"", ERR_PARSE,
                  (const char *[]){"en.json", "object", NULL});
}

static void test_reject_not_string(void **state)
{
    expect_reject("{\"ok\": \"好\"}", "{\"ok\": \"ok\", \"home.title\": 3}",
                  ERR_PARSE,
                  (const char *[]){"en.json", "home.title", "string", NULL});
    /* nested objects are not flat */
    expect_reject("{\"home\": {\"title\": \"首页\"}}", "{}", ERR_PARSE,
                  (const char *[]){"zh-CN.json", "home", "string", NULL});
    expect_reject("{\"a\": null}", "{}", ERR_PARSE,
                  (const char *[]){"zh-CN.json", "a:", NULL});
    expect_reject("{\"a\": [\"x\"]}", "{}", ERR_PARSE,
                  (const char *[]){"zh-CN.json", "a:", NULL});
}

static void test_reject_bad_json(void **state)
{
    expect_reject("{\"a\": \"x\",", "{}", ERR_PARSE,
                  (const char *[]){"zh-CN.json", "line", NULL});
    expect_reject("{}", "", ERR_PARSE, (const char *[]){"en.json", NULL});
    /* a duplicate key would silently hide one of its strings */
    expect_reject("{\"a\": \"x\", \"a\": \"y\"}", "{}", ERR_PARSE,
                  (const char *[]){"zh-CN.json", "duplicate", NULL});
    /* invalid UTF-8 */
    expect_reject("{\"a\": \"\xe6\xad\"}", "{}", ERR_PARSE,
                  (const char *[]){"zh-CN.json", NULL});
}

static void test_reject_missing_file(void **state)
{
    expect_reject("{}", NULL, ERR_IO, (const char *[]){"en.json", NULL});
}

static void test_reject_too_big(void **state)
{
    /* Valid JSON just over the 1 MiB cap. */
    size_t n = 1024 * 1024;
    char *big = malloc(n + 16);
    assert_non_null(big);
    strcpy(big, "{\"a\": \"");
    size_t len = strlen(big);
    memset(big + len, 'x', n - len);
    strcpy(big + n, "\"}");
    expect_reject(big, "{}", ERR_TOO_BIG,
                  (const char *[]){"zh-CN.json", NULL});
    free(big);
}

static void test_load_bad_args(void **state)
{
    struct i18n *i18n = NULL;
    assert_int_equal(i18n_load(NULL, &i18n, NULL, 0), ERR_ARG);
    assert_int_equal(i18n_load(REAL_DIR, NULL, NULL, 0), ERR_ARG);
    i18n_free(NULL);
    assert_string_equal(i18n_get(NULL, LANG_EN, "x.y"), "x.y");
}

/* ---- language codes ---- */

static void test_lang(void **state)
{
    enum lang l = LANG_COUNT;
    assert_string_equal(lang_code(LANG_ZH), "zh-CN");
    assert_string_equal(lang_code(LANG_EN), "en");

    assert_true(lang_parse("zh-CN", &l));
    assert_int_equal(l, LANG_ZH);
    l = LANG_COUNT;
    assert_true(lang_parse("ZH-cn", &l));
    assert_int_equal(l, LANG_ZH);
    l = LANG_COUNT;
    assert_true(lang_parse("zh", &l));
    assert_int_equal(l, LANG_ZH);
    assert_true(lang_parse("EN", &l));
    assert_int_equal(l, LANG_EN);
    assert_true(lang_parse("en", &l));
    assert_int_equal(l, LANG_EN);

    l = LANG_COUNT;
    assert_false(lang_parse("fr", &l));
    assert_false(lang_parse("", &l));
    assert_false(lang_parse("zh-TW", &l));
    assert_false(lang_parse("en-US", &l));
    assert_false(lang_parse(NULL, &l));
    assert_int_equal(l, LANG_COUNT); /* untouched on failure */

    /* round trip */
    for (int i = 0; i < LANG_COUNT; i++) {
        assert_true(lang_parse(lang_code((enum lang)i), &l));
        assert_int_equal(l, i);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_catalogs_parity),
        cmocka_unit_test(test_real_catalogs_placeholders),
        cmocka_unit_test(test_real_catalogs_rating_levels),
        cmocka_unit_test(test_fallback),
        cmocka_unit_test(test_many_keys),
        cmocka_unit_test(test_format_fill),
        cmocka_unit_test(test_format_truncate),
        cmocka_unit_test(test_reject_not_object),
        cmocka_unit_test(test_reject_not_string),
        cmocka_unit_test(test_reject_bad_json),
        cmocka_unit_test(test_reject_missing_file),
        cmocka_unit_test(test_reject_too_big),
        cmocka_unit_test(test_load_bad_args),
        cmocka_unit_test(test_lang),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
