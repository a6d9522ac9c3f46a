/*
 * test_text.c - line breaking (text_wrap) and the theme's numbers: the
 * palette pairs of VISUAL.md and the DESIGN §6 limits per mode.
 */
#include "testutil.h"

#include "text.h"
#include "theme.h"

#include <string.h>

static void line_text(const char *s, const struct text_lines *l, int i,
                      char *out)
{
    memcpy(out, s + l->start[i], l->len[i]);
    out[l->len[i]] = '\0';
}

static void han_breaks_anywhere_but_not_before_punctuation(void **state)
{
    struct text_metrics tm = text_metrics_approx();
    struct text_lines l;
    const char *s = "社区卫生服务站，欢迎您";
    /* 4 Han per line at 32 px = 128 px */
    text_wrap(&tm, s, 32, FONT_REGULAR, 130, 8, &l);
    char line[64];
    assert_true(l.n >= 3);
    for (int i = 0; i < l.n; i++) {
        line_text(s, &l, i, line);
        assert_true(strncmp(line, "，", 3) != 0);
    }
    line_text(s, &l, 0, line);
    assert_string_equal(line, "社区卫生");
    assert_false(l.overflow);
}

static void latin_breaks_at_spaces(void **state)
{
    struct text_metrics tm = text_metrics_approx();
    struct text_lines l;
    const char *s = "Community Health Station";
    text_wrap(&tm, s, 32, FONT_REGULAR, 300, 8, &l);
    char line[64];
    assert_int_equal(l.n, 2);
    line_text(s, &l, 0, line);
    assert_string_equal(line, "Community Health");
    line_text(s, &l, 1, line);
    assert_string_equal(line, "Station");
    assert_true(l.width <= 300);
}

static void long_word_is_split_and_overflow_reported(void **state)
{
    struct text_metrics tm = text_metrics_approx();
    struct text_lines l;
    const char *s = "Supercalifragilistic expialidocious words";
    text_wrap(&tm, s, 32, FONT_REGULAR, 120, 2, &l);
    assert_int_equal(l.n, 2);
    assert_true(l.overflow);
    for (int i = 0; i < l.n; i++)
        assert_true(text_width(&tm, s + l.start[i], l.len[i], 32,
                               FONT_REGULAR) <= 120);
}

static void newline_forces_a_break(void **state)
{
    struct text_metrics tm = text_metrics_approx();
    struct text_lines l;
    text_wrap(&tm, "一\n二", 32, FONT_REGULAR, 1000, 8, &l);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.len[0], 3);
}

static void palette_pairs_meet_aaa(void **state)
{
    for (int hc = 0; hc < 2; hc++) {
        struct theme t;
        theme_make(&t, MODE_ELDER, hc, 0);
        const struct palette *c = &t.c;
        struct rgba fills[] = {c->red, c->blue, c->green, c->teal,
                               c->brown, c->purple, c->slate, c->grey};
        for (size_t i = 0; i < sizeof(fills) / sizeof(fills[0]); i++)
            assert_true(rgba_contrast(c->on_color, fills[i]) >= 7.0);
        assert_true(rgba_contrast(c->ink, c->paper) >= 7.0);
        assert_true(rgba_contrast(c->ink2, c->paper) >= 7.0);
        assert_true(rgba_contrast(c->ink, c->focus) >= 7.0);
    }
    /* the WCAG formula: black on white is 21:1 */
    assert_true(rgba_contrast(rgba_hex(0), rgba_hex(0xFFFFFF)) > 20.99);
}

static void themes_keep_design_limits(void **state)
{
    struct theme s, e;
    theme_make(&s, MODE_STANDARD, false, 0.248);
    theme_make(&e, MODE_ELDER, false, 0.248);
    assert_true(s.target >= 47 && e.target >= 65 && e.primary >= 81);
    assert_true(s.gap >= 8 && e.gap >= 16);
    assert_true(s.text_min >= 28 && e.text_min >= 44);
    /* a finer panel (0.17 mm/px) keeps the millimetres */
    struct theme f;
    theme_make(&f, MODE_ELDER, false, 0.17);
    assert_true(f.target * 0.17 >= 16.0);
    assert_true(f.min_target >= 94);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(han_breaks_anywhere_but_not_before_punctuation),
        cmocka_unit_test(latin_breaks_at_spaces),
        cmocka_unit_test(long_word_is_split_and_overflow_reported),
        cmocka_unit_test(newline_forces_a_break),
        cmocka_unit_test(palette_pairs_meet_aaa),
        cmocka_unit_test(themes_keep_design_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
