/*
 * test_screens.c - DESIGN.md §6 on every element of every screen image.
 *
 * Renders every screen with the real fonts in {standard, elder} x {zh, en}
 * x {landscape, portrait}, plus 1280x800 and the high-contrast theme,
 * through the same path as `linli-kiosk --screenshot`, then reads the
 * screens.json it wrote and checks, per mode: touch target sizes, gaps
 * between targets, text size and measured glyph height, text and icon
 * contrast, choices per screen and depth in 长辈版, and that no text run
 * is wider than its box. Every failure is listed with its image and
 * element before the test fails.
 */
#include "testutil.h"

#include "demo.h"
#include "err.h"
#include "i18n.h"
#include "shots.h"
#include "store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The limits of DESIGN §6 at 0.248 mm/px, per mode. */
struct limits {
    int target, primary, gap, text_px, glyph;
    double contrast, icon_contrast;
    int choices, depth;
};

static const struct limits standard = {47, 47, 8, 28, 20, 4.5, 3.0, 0, 0};
static const struct limits elder = {65, 81, 16, 44, 30, 7.0, 4.5, 6, 3};

static int failures;

static void report(const char *file, const char *fmt, const char *a,
                   double x, double y)
{
    if (failures++ < 60) {
        fprintf(stderr, "  %s: ", file);
        fprintf(stderr, fmt, a, x, y);
        fputc('\n', stderr);
    }
}

static void rect_of(json_t *e, int r[4])
{
    json_t *a = json_object_get(e, "rect");
    for (int i = 0; i < 4; i++)
        r[i] = (int)json_integer_value(json_array_get(a, i));
}

/* True if the run holds a Han character, a capital or a digit: runs whose
 * tallest glyph is a full-height one, which glyph height applies to. */
static bool has_tall_glyph(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0xE4 || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9'))
            return true;
    return false;
}

static void check_image(json_t *img)
{
    const char *file = json_string_value(json_object_get(img, "file"));
    bool is_elder = strcmp(json_string_value(json_object_get(img, "mode")),
                           "elder") == 0;
    const struct limits *L = is_elder ? &elder : &standard;
    json_t *els = json_object_get(img, "elements");
    size_t n = json_array_size(els), choices = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(els, i);
        const char *id = json_string_value(json_object_get(e, "id"));
        const char *role = json_string_value(json_object_get(e, "role"));
        int r[4];
        rect_of(e, r);
        int side = r[2] < r[3] ? r[2] : r[3];
        if (side < L->target)
            report(file, "target %s smaller side %.0f px < %.0f", id, side,
                   L->target);
        if (json_is_true(json_object_get(e, "primary")) && r[3] < L->primary)
            report(file, "primary %s %.0f px tall < %.0f", id, r[3],
                   L->primary);
        if (strcmp(role, "nav") != 0 && strcmp(role, "key") != 0)
            choices++;
        const char *label = json_string_value(json_object_get(e, "label"));
        if (!label || !*label)
            report(file, "element %s has no label%s", id, 0, 0);
        for (size_t j = i + 1; j < n; j++) {
            json_t *f = json_array_get(els, j);
            int s[4];
            rect_of(f, s);
            int dx = s[0] >= r[0] + r[2] ? s[0] - (r[0] + r[2])
                     : r[0] >= s[0] + s[2] ? r[0] - (s[0] + s[2])
                                           : -1;
            int dy = s[1] >= r[1] + r[3] ? s[1] - (r[1] + r[3])
                     : r[1] >= s[1] + s[3] ? r[1] - (s[1] + s[3])
                                           : -1;
            int gap = dx > dy ? dx : dy;
            if (gap < L->gap) {
                char both[160];
                snprintf(both, sizeof(both), "%s / %s", id,
                         json_string_value(json_object_get(f, "id")));
                report(file, "gap %s %.0f px < %.0f", both, gap, L->gap);
            }
        }
    }
    if (L->choices && choices > (size_t)L->choices)
        report(file, "%s: %.0f choices > %.0f", "elder", (double)choices,
               L->choices);
    if (L->depth &&
        json_integer_value(json_object_get(img, "depth")) > L->depth)
        report(file, "%s: depth %.0f > %.0f", "elder",
               (double)json_integer_value(json_object_get(img, "depth")),
               L->depth);

    size_t i;
    json_t *t;
    json_array_foreach(json_object_get(img, "texts"), i, t)
    {
        if (json_is_true(json_object_get(t, "covered")))
            continue;
        const char *s = json_string_value(json_object_get(t, "text"));
        int px = (int)json_integer_value(json_object_get(t, "px"));
        int glyph = (int)json_integer_value(json_object_get(t, "glyph_px"));
        double c = json_real_value(json_object_get(t, "contrast"));
        int r[4];
        rect_of(t, r);
        int width = (int)json_integer_value(json_object_get(t, "width_px"));
        if (px < L->text_px)
            report(file, "text '%s' at %.0f px < %.0f", s, px, L->text_px);
        if (has_tall_glyph(s) && glyph < L->glyph)
            report(file, "text '%s' glyphs %.0f px < %.0f", s, glyph,
                   L->glyph);
        if (c < L->contrast)
            report(file, "text '%s' contrast %.2f < %.1f", s, c, L->contrast);
        if (width > r[2] + 2)
            report(file, "text '%s' %.0f px wide in a %.0f px box", s, width,
                   r[2]);
    }
    json_array_foreach(json_object_get(img, "icons"), i, t)
    {
        if (json_is_true(json_object_get(t, "covered")))
            continue;
        double c = json_real_value(json_object_get(t, "contrast"));
        if (c < L->icon_contrast)
            report(file, "icon %s contrast %.2f < %.1f", "", c,
                   L->icon_contrast);
    }
}

static void render_and_check(const char *size, bool hc)
{
    char err[256], *dir = test_tmpdir();
    struct store *st;
    struct i18n *i18n;
    int64_t now_ms = test_sh_time(2026, 11, 23, 10, 0) * 1000;
    assert_int_equal(store_open(":memory:", &st, err, sizeof(err)), 0);
    size_t len, json_len;
    char *tmpl = test_read_file(LINLI_TEST_ASSETS "/demo/community.json",
                                &len);
    char *json;
    assert_int_equal(demo_bundle_make(tmpl, len, now_ms / 1000, &json,
                                      &json_len, err, sizeof(err)),
                     0);
    struct bundle *b;
    assert_int_equal(bundle_parse(json, json_len, &b, err, sizeof(err)), 0);
    assert_int_equal(store_apply_bundle(st, b, now_ms), 0);
    bundle_free(b);
    free(json);
    free(tmpl);
    assert_int_equal(i18n_load(LINLI_TEST_ASSETS "/i18n", &i18n, err,
                               sizeof(err)),
                     0);
    struct shots_options opt = {
        dir, NULL, size, hc, NULL, NULL, LINLI_TEST_ASSETS "/images", NULL};
    int rc = shots_run(st, i18n, clock_fixed(&now_ms), &opt, stderr);
    if (rc == ERR_NOT_FOUND) /* no fonts on this machine */
        skip();
    assert_int_equal(rc, 0);

    char path[4096];
    snprintf(path, sizeof(path), "%s/screens.json", dir);
    json_error_t jerr;
    json_t *list = json_load_file(path, 0, &jerr);
    assert_non_null(list);
    /* 16 screens x 2 modes x 2 languages x sizes x themes */
    assert_true(json_array_size(list) >= 16 * 4);
    failures = 0;
    size_t i;
    json_t *img;
    json_array_foreach(list, i, img) check_image(img);
    if (failures)
        fail_msg("%d DESIGN §6 failures (first ones above)", failures);
    json_decref(list);
    i18n_free(i18n);
    store_close(st);
    test_rmtree(dir);
    free(dir);
}

static void both_orientations(void **state)
{
    render_and_check(NULL, false);
}

static void small_landscape_and_high_contrast(void **state)
{
    render_and_check("1280x800", true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(both_orientations),
        cmocka_unit_test(small_landscape_and_high_contrast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
