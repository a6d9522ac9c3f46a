/*
 * test_sdl_text.c - sdl_text.h with the real fonts: the fallback chain,
 * metrics against VISUAL.md's numbers (Han ink ~ the font size, Latin
 * capitals ~0.73 of it), text and icons drawn inside their boxes in their
 * colours, and both caches staying within their caps. Skips when
 * fonts-noto-cjk (or, for icons, the icon font) is not installed.
 */
#include "testutil.h"

#include "draw_list.h"
#include "err.h"
#include "sdl_shot.h"
#include "sdl_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define W 640
#define H 360

static const uint32_t WHITE = 0xFFFFFF, RED = 0xA31B1B, GREEN = 0x1B5E20;

struct fixture {
    struct sdl_text *text; /* NULL: no fonts here, tests skip */
    struct text_metrics tm;
    struct text_renderer tr;
    struct sdl_shot *shot;
    struct draw_list dl;
};

/* The Debian paths without $LINLI_FONT, so the numbers are Noto's. */
static struct sdl_text_paths noto_paths(void)
{
    struct sdl_text_paths p = sdl_text_default_paths();
    p.env_font = NULL;
    return p;
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    if (!f || sdl_shot_open(W, H, &f->shot) != 0)
        return -1;
    draw_list_init(&f->dl, 2048, 64 * 1024);
    struct sdl_text_paths p = noto_paths();
    char err[256];
    int rc = sdl_text_open_paths(&p, &f->text, err, sizeof(err));
    if (rc == 0) {
        f->tm = sdl_text_metrics(f->text);
        f->tr = sdl_text_renderer(f->text);
    } else if (rc != ERR_NOT_FOUND) {
        print_error("%s\n", err);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    /* The renderer goes first, freeing the textures; then the text,
     * which must not touch them (test_close_before_renderer: the other
     * order). */
    sdl_shot_close(f->shot);
    sdl_text_close(f->text);
    draw_list_release(&f->dl);
    free(f);
    return 0;
}

static struct fixture *fonts_or_skip(void **state)
{
    struct fixture *f = *state;
    if (!f->text)
        skip(); /* fonts-noto-cjk is not installed */
    return f;
}

static int width(struct fixture *f, const char *s, int px, enum font_weight w)
{
    return f->tm.width(f->tm.ctx, s, strlen(s), px, w);
}

static int ink(struct fixture *f, const char *s, int px)
{
    return f->tm.ink_height(f->tm.ctx, s, strlen(s), px, FONT_REGULAR);
}

/* The bounding box of the pixels that differ from the white background;
 * w = 0 if there are none. */
static struct rect ink_box(const struct fixture *f)
{
    int x0 = W, y0 = H, x1 = -1, y1 = -1;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            if (rgba_equal(sdl_shot_pixel(f->shot, x, y), rgba_hex(WHITE)))
                continue;
            x0 = x < x0 ? x : x0;
            y0 = y < y0 ? y : y0;
            x1 = x > x1 ? x : x1;
            y1 = y > y1 ? y : y1;
        }
    }
    struct rect r = {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    if (x1 < 0)
        r.w = r.h = 0;
    return r;
}

static int count_exact(const struct fixture *f, uint32_t rgb)
{
    int n = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            n += rgba_equal(sdl_shot_pixel(f->shot, x, y), rgba_hex(rgb));
    return n;
}

static bool rect_inside(struct rect in, struct rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

/* The middle of ink lies within (dx, dy) pixels of the middle of box. */
static void assert_centred(struct rect ink, struct rect box, int dx, int dy)
{
    int ix = ink.x + ink.w / 2, iy = ink.y + ink.h / 2;
    int bx = box.x + box.w / 2, by = box.y + box.h / 2;
    assert_in_range(ix, bx - dx, bx + dx);
    assert_in_range(iy, by - dy, by + dy);
}

static void render(struct fixture *f)
{
    assert_int_equal(sdl_shot_render(f->shot, &f->dl, &f->tr, rgba_hex(WHITE)),
                     0);
}

static void test_font_chain_picks_noto_sc(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    assert_non_null(
        strstr(sdl_text_font_path(f->text), "NotoSansCJK-Regular.ttc"));
    assert_int_equal(sdl_text_font_index(f->text), 2);

    /* $LINLI_FONT comes first, at face 0. */
    struct sdl_text_paths p = noto_paths();
    p.env_font = p.noto_regular;
    struct sdl_text *t = NULL;
    assert_int_equal(sdl_text_open_paths(&p, &t, NULL, 0), 0);
    assert_string_equal(sdl_text_font_path(t), p.noto_regular);
    assert_int_equal(sdl_text_font_index(t), 0);
    sdl_text_close(t);

    /* A bad $LINLI_FONT falls through to Noto SC. */
    p.env_font = "/nonexistent/font.ttf";
    assert_int_equal(sdl_text_open_paths(&p, &t, NULL, 0), 0);
    assert_int_equal(sdl_text_font_index(t), 2);
    sdl_text_close(t);
}

static void test_no_font_names_the_package(void **state)
{
    (void)state;
    struct sdl_text_paths p = {"/nonexistent/a.ttf", "/nonexistent/b.ttc", NULL,
                               "/nonexistent/c.ttc", NULL};
    struct sdl_text *t = NULL;
    char err[256] = "";
    assert_int_equal(sdl_text_open_paths(&p, &t, err, sizeof(err)),
                     ERR_NOT_FOUND);
    assert_null(t);
    assert_non_null(strstr(err, "fonts-noto-cjk"));
}

static void test_han_metrics(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    /* Two full-width characters: 2 em. */
    assert_in_range(width(f, "社区", 48, FONT_REGULAR), 94, 98);
    assert_in_range(width(f, "社区", 48, FONT_BOLD), 94, 100);
    /* Han ink is about as tall as the font size. */
    assert_in_range(ink(f, "社区", 48), 44, 48);
    assert_in_range(ink(f, "社区服务", 100), 90, 100);
}

static void test_latin_cap_height(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    /* VISUAL.md: a Latin capital's ink is about 0.73 of the size. */
    assert_in_range(ink(f, "E", 100), 70, 76);
    assert_in_range(ink(f, "E", 48), 33, 37);
    /* A descender reaches below the baseline. */
    assert_true(ink(f, "Eg", 100) > ink(f, "E", 100) + 15);
    /* Latin is narrower than Han. */
    assert_true(width(f, "Ee", 48, FONT_REGULAR) < 70);
    assert_true(width(f, "Ee", 48, FONT_BOLD) >=
                width(f, "Ee", 48, FONT_REGULAR));
}

static void test_blank_empty_and_bad_sizes(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    assert_int_equal(width(f, "", 48, FONT_REGULAR), 0);
    assert_true(width(f, " ", 48, FONT_REGULAR) > 0);
    assert_int_equal(ink(f, "", 48), 0);
    assert_int_equal(ink(f, "   \u3000", 48), 0);
    /* Spaces do not pull the ink down to the baseline. */
    assert_int_equal(ink(f, " E ", 100), ink(f, "E", 100));
    assert_int_equal(width(f, "社区", 0, FONT_REGULAR), 0);
    assert_int_equal(ink(f, "社区", -3), 0);
    /* Malformed UTF-8 is measured, not a crash. */
    (void)ink(f, "\xE7\xA4", 48);
    (void)width(f, "\xFF\xFE", 48, FONT_REGULAR);
}

static void test_long_run_in_chunks(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    /* 400 three-byte characters: longer than one measuring chunk. */
    char s[400 * 3 + 1];
    for (int i = 0; i < 400; i++)
        memcpy(s + 3 * i, "社", 3);
    s[sizeof(s) - 1] = '\0';
    assert_in_range(width(f, s, 20, FONT_REGULAR), 400 * 20 - 4, 400 * 20 + 4);
    /* Measuring only a prefix stops at len, not at the NUL. */
    assert_in_range(f->tm.width(f->tm.ctx, s, 30, 20, FONT_REGULAR), 198, 202);
}

static void test_font_cache_bounded(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    int w20 = width(f, "社区", 20, FONT_REGULAR);
    for (int px = 10; px < 70; px++)
        assert_in_range(width(f, "社区", px, FONT_REGULAR), 2 * px - 3,
                        2 * px + 3);
    for (int px = 10; px < 70; px++)
        (void)width(f, "社区", px, FONT_BOLD);
    /* one font per face, whatever the sizes */
    struct sdl_text_stats st = sdl_text_stats(f->text);
    assert_int_equal(st.fonts, 2);
    assert_int_equal(st.font_opens, 2);
    /* switching sizes back gives the same answer */
    assert_int_equal(width(f, "社区", 20, FONT_REGULAR), w20);
}

static void test_text_drawn_in_box(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct rect box = {40, 60, 400, 100};
    struct text_style st = {48, FONT_BOLD, rgba_hex(RED), ALIGN_CENTER,
                            ALIGN_CENTER};
    draw_list_text(&f->dl, box, "社区服务", &st);
    render(f);
    struct rect ib = ink_box(f);
    assert_true(ib.w > 150);
    assert_true(rect_inside(ib, box));
    /* The run's own colour, exactly, where the glyphs are solid. */
    assert_true(count_exact(f, RED) > 500);
    /* Centred: Han ink sits a little above the line box's middle. */
    assert_centred(ib, box, 4, 8);
    assert_in_range(ib.w, 4 * 48 - 12, 4 * 48 + 2);
}

static void test_alignment(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct rect box = {40, 40, 500, 200};
    struct text_style st = {40, FONT_REGULAR, rgba_hex(0x1A1A1A), ALIGN_START,
                            ALIGN_START};
    draw_list_text(&f->dl, box, "区", &st);
    render(f);
    struct rect a = ink_box(f);
    assert_in_range(a.x, box.x, box.x + 6);
    assert_in_range(a.y, box.y, box.y + 16);

    draw_list_clear(&f->dl);
    st.halign = ALIGN_END;
    st.valign = ALIGN_END;
    draw_list_text(&f->dl, box, "区", &st);
    render(f);
    struct rect b = ink_box(f);
    assert_in_range(b.x + b.w, box.x + box.w - 6, box.x + box.w);
    assert_in_range(b.y + b.h, box.y + box.h - 16, box.y + box.h);
}

static void test_translucent_text(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct text_style st = {60, FONT_BOLD, rgba_alpha(rgba_hex(0), 128),
                            ALIGN_CENTER, ALIGN_CENTER};
    draw_list_text(&f->dl, (struct rect){0, 0, W, H}, "国", &st);
    render(f);
    int darkest = 255;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int v = sdl_shot_pixel(f->shot, x, y).r;
            darkest = v < darkest ? v : darkest;
        }
    assert_in_range(darkest, 125, 129);
}

static void test_icon_draws_ink(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    if (!sdl_text_has_icons(f->text))
        skip(); /* fonts-material-design-icons-iconfont missing */
    struct rect box = {200, 100, 96, 96};
    draw_list_icon(&f->dl, box, 0xE548, 64, rgba_hex(GREEN));
    render(f);
    struct rect ib = ink_box(f);
    assert_true(ib.w > 30 && ib.h > 30);
    assert_true(rect_inside(ib, box));
    assert_true(count_exact(f, GREEN) > 400);
    assert_centred(ib, box, 3, 3);
    /* A codepoint the font lacks draws nothing, without error. */
    draw_list_clear(&f->dl);
    draw_list_icon(&f->dl, box, 0x41, 64, rgba_hex(GREEN));
    render(f);
    assert_int_equal(ink_box(f).w, 0);
}

static void test_missing_icon_font_skips_icons(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct sdl_text_paths p = noto_paths();
    p.icons = "/nonexistent/icons.ttf";
    struct sdl_text *t = NULL;
    assert_int_equal(sdl_text_open_paths(&p, &t, NULL, 0), 0);
    assert_false(sdl_text_has_icons(t));
    struct text_renderer tr = sdl_text_renderer(t);
    struct text_style st = {32, FONT_REGULAR, rgba_hex(RED), ALIGN_START,
                            ALIGN_START};
    draw_list_icon(&f->dl, (struct rect){0, 0, 100, 100}, 0xE548, 64,
                   rgba_hex(GREEN));
    draw_list_text(&f->dl, (struct rect){200, 0, 200, 100}, "服务", &st);
    assert_int_equal(sdl_shot_render(f->shot, &f->dl, &tr, rgba_hex(WHITE)), 0);
    assert_int_equal(count_exact(f, GREEN), 0);
    assert_true(count_exact(f, RED) > 0);
    sdl_text_close(t);
}

static void test_texture_cache_cap(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct text_style st = {28, FONT_REGULAR, rgba_hex(0x1A1A1A), ALIGN_START,
                            ALIGN_START};
    char s[64];
    /* 1000 distinct runs, 50 a frame. */
    for (int frame = 0; frame < 20; frame++) {
        draw_list_clear(&f->dl);
        for (int i = 0; i < 50; i++) {
            snprintf(s, sizeof(s), "服务 %d", frame * 50 + i);
            draw_list_text(&f->dl,
                           (struct rect){(i % 5) * 120, i / 5 * 36, 120, 36}, s,
                           &st);
        }
        render(f);
        struct sdl_text_stats stats = sdl_text_stats(f->text);
        assert_true(stats.textures <= SDL_TEXT_TEXTURES_MAX);
        assert_true(stats.texture_bytes <= SDL_TEXT_TEXTURE_BYTES);
    }
    struct sdl_text_stats st1 = sdl_text_stats(f->text);
    assert_int_equal(st1.textures, SDL_TEXT_TEXTURES_MAX);
    assert_int_equal(st1.misses, 1000);
    /* The last frame again: all hits, nothing rendered. */
    render(f);
    struct sdl_text_stats st2 = sdl_text_stats(f->text);
    assert_int_equal(st2.misses, st1.misses);
    assert_int_equal(st2.hits, st1.hits + 50);
    /* The same run in another colour is another texture. */
    draw_list_clear(&f->dl);
    st.color = rgba_hex(RED);
    draw_list_text(&f->dl, (struct rect){0, 0, 200, 40}, s, &st);
    render(f);
    assert_int_equal(sdl_text_stats(f->text).misses, st1.misses + 1);
    /* ...but only its alpha changing is the same one. */
    draw_list_clear(&f->dl);
    st.color = rgba_alpha(rgba_hex(RED), 100);
    draw_list_text(&f->dl, (struct rect){0, 0, 200, 40}, s, &st);
    render(f);
    assert_int_equal(sdl_text_stats(f->text).misses, st1.misses + 1);

    sdl_text_release_textures(f->text);
    assert_int_equal(sdl_text_stats(f->text).textures, 0);
    assert_int_equal(sdl_text_stats(f->text).texture_bytes, 0);
}

static void test_texture_byte_cap(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    /* About 5.8 MiB a texture (2000 x 725 px): two fit under the byte
     * cap, three do not. */
    struct text_style st = {500, FONT_REGULAR, rgba_hex(RED), ALIGN_START,
                            ALIGN_START};
    const char *runs[] = {"社区服务", "志愿服务", "长者食堂",
                          "卫生服务", "综合超市", "公共绿地"};
    for (size_t i = 0; i < 6; i++) {
        draw_list_clear(&f->dl);
        draw_list_text(&f->dl, (struct rect){0, 0, W, H}, runs[i], &st);
        render(f);
        struct sdl_text_stats stats = sdl_text_stats(f->text);
        assert_true(stats.texture_bytes <= SDL_TEXT_TEXTURE_BYTES);
        assert_int_equal(stats.textures, i < 2 ? (int)i + 1 : 2);
        assert_true(count_exact(f, RED) > 1000);
    }
    /* Bigger than the whole cap: drawn, not kept. */
    int before = sdl_text_stats(f->text).textures;
    st.px = 700;
    draw_list_clear(&f->dl);
    draw_list_text(&f->dl, (struct rect){0, 0, W, H}, "社区服务中心服务", &st);
    render(f);
    assert_true(count_exact(f, RED) > 1000);
    assert_int_equal(sdl_text_stats(f->text).textures, before);
}

static void test_renderer_change_drops_cache(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct text_style st = {40, FONT_REGULAR, rgba_hex(RED), ALIGN_START,
                            ALIGN_START};
    draw_list_text(&f->dl, (struct rect){0, 0, 200, 60}, "社区", &st);
    draw_list_text(&f->dl, (struct rect){0, 60, 200, 60}, "服务", &st);
    render(f);
    assert_int_equal(sdl_text_stats(f->text).textures, 2);

    struct sdl_shot *other = NULL;
    assert_int_equal(sdl_shot_open(W, H, &other), 0);
    draw_list_clear(&f->dl);
    draw_list_text(&f->dl, (struct rect){0, 0, 200, 60}, "社区", &st);
    assert_int_equal(sdl_shot_render(other, &f->dl, &f->tr, rgba_hex(WHITE)),
                     0);
    /* Only the new renderer's texture is left, and it drew. */
    assert_int_equal(sdl_text_stats(f->text).textures, 1);
    int red = 0;
    for (int y = 0; y < 60; y++)
        for (int x = 0; x < 200; x++)
            red += rgba_equal(sdl_shot_pixel(other, x, y), rgba_hex(RED));
    assert_true(red > 100);
    sdl_text_release_textures(f->text);
    sdl_shot_close(other);
}

/* One text, a shot per image: release, close, open, draw again (without
 * the release, the cache would hold textures their renderer freed). */
static void test_shot_after_shot(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct text_style st = {40, FONT_REGULAR, rgba_hex(RED), ALIGN_START,
                            ALIGN_START};
    draw_list_text(&f->dl, (struct rect){0, 0, 200, 60}, "社区", &st);
    for (int i = 0; i < 3; i++) {
        render(f);
        assert_true(count_exact(f, RED) > 100);
        assert_int_equal(sdl_text_stats(f->text).textures, 1);
        sdl_text_release_textures(f->text);
        sdl_shot_close(f->shot);
        assert_int_equal(sdl_shot_open(W, H, &f->shot), 0);
    }
    assert_int_equal(sdl_text_stats(f->text).misses, 3);
}

/* Closing the text while its renderer lives leaves the textures to the
 * renderer, which frees them (LeakSanitizer would say otherwise). */
static void test_close_before_renderer(void **state)
{
    struct fixture *f = fonts_or_skip(state);
    struct text_style st = {40, FONT_REGULAR, rgba_hex(RED), ALIGN_START,
                            ALIGN_START};
    draw_list_text(&f->dl, (struct rect){0, 0, 200, 60}, "社区", &st);
    render(f);
    sdl_text_close(f->text);
    f->text = NULL;
    /* The shot still draws, now without text. */
    assert_int_equal(sdl_shot_render(f->shot, &f->dl, NULL, rgba_hex(WHITE)),
                     0);
    assert_int_equal(count_exact(f, RED), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_font_chain_picks_noto_sc),
        cmocka_unit_test(test_no_font_names_the_package),
        T(test_han_metrics),
        T(test_latin_cap_height),
        T(test_blank_empty_and_bad_sizes),
        T(test_long_run_in_chunks),
        T(test_font_cache_bounded),
        T(test_text_drawn_in_box),
        T(test_alignment),
        T(test_translucent_text),
        T(test_icon_draws_ink),
        T(test_missing_icon_font_skips_icons),
        T(test_texture_cache_cap),
        T(test_texture_byte_cap),
        T(test_renderer_change_drops_cache),
        T(test_shot_after_shot),
        T(test_close_before_renderer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
