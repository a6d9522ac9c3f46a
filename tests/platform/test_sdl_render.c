/*
 * test_sdl_render.c - sdl_render.h through sdl_shot.h, pixel by pixel:
 * filled and rounded rects, outlines, nested and empty clips, a QR symbol
 * module by module with its quiet zone, alpha blending without seams, the
 * text seam's callbacks and errors, and a PNG written and read back. No
 * SDL_Init() and no fonts: the software renderer needs neither.
 */
#include "testutil.h"

#include "draw_list.h"
#include "err.h"
#include "qr.h"
#include "sdl_render.h"
#include "sdl_images.h"
#include "sdl_shot.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 240
#define H 200

static const uint32_t PAPER = 0xF6F4EF, RED = 0xA31B1B, BLUE = 0x0B4F8A,
                      GREEN = 0x1B5E20, INK = 0x1A1A1A;

struct fixture {
    struct sdl_shot *shot;
    struct draw_list dl;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    if (!f || sdl_shot_open(W, H, &f->shot) != 0)
        return -1;
    draw_list_init(&f->dl, 256, 4096);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    draw_list_release(&f->dl);
    sdl_shot_close(f->shot);
    free(f);
    return 0;
}

static void render(struct fixture *f, const struct text_renderer *tr)
{
    assert_int_equal(sdl_shot_render(f->shot, &f->dl, tr, rgba_hex(PAPER)), 0);
}

/* Fails with the pixel's place and value unless it is exactly want. */
static void assert_pixel(const struct fixture *f, int x, int y,
                         struct rgba want)
{
    struct rgba got = sdl_shot_pixel(f->shot, x, y);
    if (!rgba_equal(got, want))
        fail_msg("pixel (%d,%d) is %02x%02x%02x/%02x, want "
                 "%02x%02x%02x/%02x",
                 x, y, got.r, got.g, got.b, got.a, want.r, want.g, want.b,
                 want.a);
}

static bool pixel_is(const struct fixture *f, int x, int y, uint32_t rgb)
{
    return rgba_equal(sdl_shot_pixel(f->shot, x, y), rgba_hex(rgb));
}

/* Every pixel of the shot is inside (want_in) or outside (PAPER) r. */
static void assert_only_rect(const struct fixture *f, struct rect r,
                             uint32_t want_in)
{
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            assert_pixel(f, x, y,
                         rgba_hex(rect_contains(r, x, y) ? want_in : PAPER));
}

static void test_clear_and_square_rect(void **state)
{
    struct fixture *f = *state;
    struct rect r = {10, 20, 50, 30};
    draw_list_rect(&f->dl, r, rgba_hex(RED), 0);
    draw_list_rect(&f->dl, (struct rect){100, 100, 0, 40}, rgba_hex(INK), 0);
    draw_list_rect(&f->dl, (struct rect){100, 100, 40, -3}, rgba_hex(INK), 0);
    render(f, NULL);
    assert_only_rect(f, r, RED);
    assert_int_equal(sdl_shot_width(f->shot), W);
    assert_int_equal(sdl_shot_height(f->shot), H);
    /* Outside the shot reads as {0}. */
    assert_pixel(f, -1, 0, (struct rgba){0, 0, 0, 0});
    assert_pixel(f, W, H - 1, (struct rgba){0, 0, 0, 0});
}

/* True if pixel (x, y) of a w x h rect at the origin with corner radius
 * rad has its centre inside the rounded shape. */
static bool in_rounded(int x, int y, int w, int h, int rad)
{
    double cx = x + 0.5, cy = y + 0.5;
    double kx = cx < rad ? rad : cx > w - rad ? w - rad : cx;
    double ky = cy < rad ? rad : cy > h - rad ? h - rad : cy;
    return (cx - kx) * (cx - kx) + (cy - ky) * (cy - ky) <=
           (double)rad * rad + 1e-9;
}

static void test_rounded_rect(void **state)
{
    struct fixture *f = *state;
    struct rect r = {20, 10, 120, 80};
    int rad = 24;
    draw_list_rect(&f->dl, r, rgba_hex(BLUE), rad);
    render(f, NULL);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            bool in = rect_contains(r, x, y) &&
                      in_rounded(x - r.x, y - r.y, r.w, r.h, rad);
            assert_pixel(f, x, y, rgba_hex(in ? BLUE : PAPER));
        }
    }
    /* The corners are cut, the edges' middles are not. */
    assert_true(pixel_is(f, r.x, r.y, PAPER));
    assert_true(pixel_is(f, r.x + r.w - 1, r.y + r.h - 1, PAPER));
    assert_true(pixel_is(f, r.x, r.y + r.h / 2, BLUE));
    assert_true(pixel_is(f, r.x + r.w / 2, r.y, BLUE));
}

static void test_radius_clamped_to_pill(void **state)
{
    struct fixture *f = *state;
    struct rect r = {10, 10, 200, 41};
    draw_list_rect(&f->dl, r, rgba_hex(GREEN), 1000);
    render(f, NULL);
    int rad = 20; /* half of 41, rounded down */
    for (int y = r.y; y < r.y + r.h; y++) {
        for (int x = r.x; x < r.x + r.w; x++) {
            bool in = in_rounded(x - r.x, y - r.y, r.w, r.h, rad);
            assert_int_equal(pixel_is(f, x, y, GREEN), in);
            /* Symmetric both ways. */
            int mx = 2 * r.x + r.w - 1 - x, my = 2 * r.y + r.h - 1 - y;
            assert_int_equal(pixel_is(f, mx, y, GREEN), in);
            assert_int_equal(pixel_is(f, x, my, GREEN), in);
        }
    }
}

static void test_square_outline(void **state)
{
    struct fixture *f = *state;
    struct rect r = {30, 40, 100, 60};
    draw_list_outline(&f->dl, r, rgba_hex(INK), 3, 0);
    draw_list_outline(&f->dl, (struct rect){150, 150, 40, 40}, rgba_hex(RED), 0,
                      0);
    render(f, NULL);
    struct rect inner = rect_inset(r, 3);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            bool ring = rect_contains(r, x, y) && !rect_contains(inner, x, y);
            assert_pixel(f, x, y, rgba_hex(ring ? INK : PAPER));
        }
    }
}

/* A rounded outline is the rounded fill minus the inner rounded fill
 * (inset by the width, radius less the width). */
static void test_rounded_outline(void **state)
{
    struct fixture *f = *state;
    struct rect r = {20, 20, 160, 120};
    int rad = 30, width = 6;
    draw_list_outline(&f->dl, r, rgba_hex(RED), width, rad);
    render(f, NULL);
    struct rect in = rect_inset(r, width);
    int in_rad = rad - width;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            bool outer = rect_contains(r, x, y) &&
                         in_rounded(x - r.x, y - r.y, r.w, r.h, rad);
            bool inner = rect_contains(in, x, y) &&
                         in_rounded(x - in.x, y - in.y, in.w, in.h, in_rad);
            assert_pixel(f, x, y, rgba_hex(outer && !inner ? RED : PAPER));
        }
    }
    /* The ring is width thick at the middle of every side. */
    int mx = r.x + r.w / 2, my = r.y + r.h / 2;
    for (int d = 0; d < width; d++) {
        assert_true(pixel_is(f, mx, r.y + d, RED));
        assert_true(pixel_is(f, mx, r.y + r.h - 1 - d, RED));
        assert_true(pixel_is(f, r.x + d, my, RED));
        assert_true(pixel_is(f, r.x + r.w - 1 - d, my, RED));
    }
    assert_true(pixel_is(f, mx, r.y + width, PAPER));
}

static void test_outline_wider_than_half_fills(void **state)
{
    struct fixture *f = *state;
    struct rect r = {50, 50, 30, 20};
    draw_list_outline(&f->dl, r, rgba_hex(BLUE), 10, 0);
    render(f, NULL);
    assert_only_rect(f, r, BLUE);
}

static void test_nested_clips(void **state)
{
    struct fixture *f = *state;
    struct rect full = {0, 0, W, H};
    struct rect a = {20, 20, 150, 100}, b = {100, 60, 120, 120};
    struct rect ab = rect_intersect(a, b);
    draw_list_push_clip(&f->dl, a);
    draw_list_push_clip(&f->dl, b);
    draw_list_rect(&f->dl, full, rgba_hex(RED), 0); /* only a ∩ b */
    draw_list_pop_clip(&f->dl);
    draw_list_rect(&f->dl, (struct rect){0, 0, 60, H}, rgba_hex(BLUE), 0);
    draw_list_pop_clip(&f->dl);
    draw_list_rect(&f->dl, (struct rect){200, 0, 40, 10}, rgba_hex(GREEN), 0);
    assert_false(f->dl.overflowed);
    render(f, NULL);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            uint32_t want = PAPER;
            if (rect_contains(ab, x, y))
                want = RED;
            if (rect_contains(a, x, y) && x < 60)
                want = BLUE;
            if (x >= 200 && y < 10)
                want = GREEN;
            assert_pixel(f, x, y, rgba_hex(want));
        }
    }
}

static void test_empty_clip_hides_everything(void **state)
{
    struct fixture *f = *state;
    struct qr qr;
    assert_int_equal(qr_encode("x", &qr), 0);
    draw_list_push_clip(&f->dl, (struct rect){0, 0, 50, 50});
    draw_list_push_clip(&f->dl, (struct rect){100, 100, 50, 50});
    draw_list_rect(&f->dl, (struct rect){0, 0, W, H}, rgba_hex(RED), 8);
    draw_list_outline(&f->dl, (struct rect){0, 0, W, H}, rgba_hex(RED), 4, 0);
    draw_list_qr(&f->dl, (struct rect){0, 0, W, H}, &qr, rgba_hex(INK),
                 rgba_hex(0xFFFFFF));
    draw_list_pop_clip(&f->dl);
    draw_list_pop_clip(&f->dl);
    render(f, NULL);
    assert_only_rect(f, (struct rect){0}, PAPER);
    qr_release(&qr);
}

/* The QR light square sits at the largest whole module size, centred; each
 * of its pixels is dark exactly where its module is. */
static void check_qr(struct fixture *f, struct rect r, const char *text)
{
    struct qr qr;
    assert_int_equal(qr_encode(text, &qr), 0);
    draw_list_clear(&f->dl);
    draw_list_qr(&f->dl, r, &qr, rgba_hex(INK), rgba_hex(0xFFFFFF));
    render(f, NULL);
    int n = qr.size + 8;
    int m = (r.w < r.h ? r.w : r.h) / n;
    assert_true(m >= 1);
    int side = m * n;
    int ox = r.x + (r.w - side) / 2, oy = r.y + (r.h - side) / 2;
    int dark = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            uint32_t want = PAPER;
            if (x >= ox && y >= oy && x < ox + side && y < oy + side) {
                int mx = (x - ox) / m - 4, my = (y - oy) / m - 4;
                want = qr_dark(&qr, mx, my) ? INK : 0xFFFFFF;
                dark += want == INK;
            }
            assert_pixel(f, x, y, rgba_hex(want));
        }
    }
    assert_true(dark > 0);
    qr_release(&qr);
}

static void test_qr_modules(void **state)
{
    struct fixture *f = *state;
    /* Several px per module across the 190 px of the shorter side. */
    check_qr(f, (struct rect){10, 5, 220, 190},
             "https://linli.example/s/health-station-01");
    /* An odd box, offset: 1 px modules, centred by integer division. */
    check_qr(f, (struct rect){3, 7, 40, 31}, "A1");
}

static void test_qr_too_small_draws_light_box_only(void **state)
{
    struct fixture *f = *state;
    struct qr qr;
    assert_int_equal(qr_encode("A1", &qr), 0); /* 21 + 8 modules */
    struct rect r = {10, 10, 60, 28};
    draw_list_qr(&f->dl, r, &qr, rgba_hex(INK), rgba_hex(0xFFFFFF));
    render(f, NULL);
    /* A 28 px light square centred across the 60 px. */
    assert_only_rect(f, (struct rect){10 + 16, 10, 28, 28}, 0xFFFFFF);
    qr_release(&qr);
}

static void test_alpha_blend(void **state)
{
    struct fixture *f = *state;
    draw_list_rect(&f->dl, (struct rect){0, 0, 100, 100}, rgba_hex(0xFFFFFF),
                   0);
    draw_list_rect(&f->dl, (struct rect){10, 10, 80, 80},
                   rgba_alpha(rgba_hex(0x000000), 128), 20);
    draw_list_outline(&f->dl, (struct rect){120, 20, 100, 100},
                      rgba_alpha(rgba_hex(RED), 0), 5, 10);
    render(f, NULL);
    /* 255 * (1 - 128/255) = 127, give or take SDL's rounding. */
    struct rgba mid = sdl_shot_pixel(f->shot, 50, 50);
    assert_in_range(mid.r, 126, 128);
    assert_int_equal(mid.r, mid.g);
    assert_int_equal(mid.g, mid.b);
    assert_int_equal(mid.a, 255);
    /* No row drawn twice: every covered pixel has the same shade, the
     * corners' rows included. */
    int covered = 0;
    for (int y = 10; y < 90; y++) {
        for (int x = 10; x < 90; x++) {
            struct rgba p = sdl_shot_pixel(f->shot, x, y);
            if (p.r == 255)
                continue;
            assert_true(rgba_equal(p, mid));
            covered++;
        }
    }
    assert_in_range(covered, 80 * 80 - 4 * 20 * 20, 80 * 80 - 300);
    assert_true(pixel_is(f, 10, 10, 0xFFFFFF));
    /* Fully transparent draws nothing. */
    assert_true(pixel_is(f, 170, 22, PAPER));
}

/* A fake text seam: records what it was asked, checks the clip it sees. */
struct fake_text {
    int texts, icons;
    SDL_Rect clip;
    bool clipped;
    int fail;
};

static int fake_text(void *ctx, SDL_Renderer *r, const struct draw_cmd *c)
{
    struct fake_text *ft = ctx;
    assert_int_equal(c->kind, DRAW_TEXT);
    ft->texts++;
    ft->clipped = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &ft->clip);
    return ft->fail;
}

static int fake_icon(void *ctx, SDL_Renderer *r, const struct draw_cmd *c)
{
    struct fake_text *ft = ctx;
    assert_int_equal(c->kind, DRAW_ICON);
    assert_int_equal(c->u.icon.codepoint, 0xE548);
    ft->icons++;
    return 0;
}

static void test_text_seam(void **state)
{
    struct fixture *f = *state;
    struct text_style st = {32, FONT_REGULAR, rgba_hex(INK), ALIGN_START,
                            ALIGN_START};
    struct rect clip = {5, 6, 70, 80};
    draw_list_push_clip(&f->dl, clip);
    draw_list_text(&f->dl, (struct rect){0, 0, 100, 40}, "社区", &st);
    draw_list_pop_clip(&f->dl);
    draw_list_icon(&f->dl, (struct rect){0, 0, 48, 48}, 0xE548, 48,
                   rgba_hex(RED));
    draw_list_rect(&f->dl, (struct rect){200, 150, 10, 10}, rgba_hex(RED), 0);

    /* No seam, or NULL callbacks: text and icons are skipped. */
    render(f, NULL);
    struct text_renderer none = {NULL, NULL, NULL, NULL, NULL};
    render(f, &none);

    struct fake_text ft = {0};
    struct text_renderer tr = {&ft, fake_text, fake_icon, NULL, NULL};
    render(f, &tr);
    assert_int_equal(ft.texts, 1);
    assert_int_equal(ft.icons, 1);
    assert_true(ft.clipped);
    assert_int_equal(ft.clip.x, clip.x);
    assert_int_equal(ft.clip.y, clip.y);
    assert_int_equal(ft.clip.w, clip.w);
    assert_int_equal(ft.clip.h, clip.h);
    /* The clip is unset afterwards. */
    assert_false(SDL_RenderIsClipEnabled(sdl_shot_renderer(f->shot)));

    /* A failing callback is reported, and drawing goes on after it. */
    ft.fail = ERR_IO;
    assert_int_equal(sdl_shot_render(f->shot, &f->dl, &tr, rgba_hex(PAPER)),
                     ERR_IO);
    assert_int_equal(ft.icons, 2);
    assert_true(pixel_is(f, 205, 155, RED));
}

static void test_save_png(void **state)
{
    struct fixture *f = *state;
    draw_list_rect(&f->dl, (struct rect){10, 10, 30, 30}, rgba_hex(RED), 0);
    render(f, NULL);
    char *dir = test_tmpdir();
    char path[512];
    snprintf(path, sizeof(path), "%s/shot.png", dir);
    assert_int_equal(sdl_shot_save_png(f->shot, path), 0);
    SDL_Surface *png = IMG_Load(path);
    assert_non_null(png);
    assert_int_equal(png->w, W);
    assert_int_equal(png->h, H);
    SDL_Surface *argb =
        SDL_ConvertSurfaceFormat(png, SDL_PIXELFORMAT_ARGB8888, 0);
    assert_non_null(argb);
    Uint32 *px = (Uint32 *)((Uint8 *)argb->pixels + 20 * argb->pitch);
    struct rgba in, out;
    SDL_GetRGBA(px[20], argb->format, &in.r, &in.g, &in.b, &in.a);
    SDL_GetRGBA(px[100], argb->format, &out.r, &out.g, &out.b, &out.a);
    assert_true(rgba_equal(in, rgba_hex(RED)));
    assert_true(rgba_equal(out, rgba_hex(PAPER)));
    SDL_FreeSurface(argb);
    SDL_FreeSurface(png);

    snprintf(path, sizeof(path), "%s/no/such/dir/shot.png", dir);
    assert_int_equal(sdl_shot_save_png(f->shot, path), ERR_IO);
    test_rmtree(dir);
    free(dir);
}

static void test_open_args(void **state)
{
    struct sdl_shot *shot = NULL;
    assert_int_equal(sdl_shot_open(0, 10, &shot), ERR_ARG);
    assert_int_equal(sdl_shot_open(10, -1, &shot), ERR_ARG);
    assert_null(shot);
    /* A fresh shot is transparent black. */
    assert_int_equal(sdl_shot_open(3, 2, &shot), 0);
    struct rgba p = sdl_shot_pixel(shot, 2, 1);
    assert_true(rgba_equal(p, (struct rgba){0, 0, 0, 0}));
    sdl_shot_close(shot);
    sdl_shot_close(NULL);
}

/* A PNG from assets/images/ is fitted to its rect with its aspect kept;
 * a missing one, or a name that could form a path, draws nothing. */
static void test_images(void **state)
{
    struct fixture *f = *state;
    struct sdl_images *im = sdl_images_new(LINLI_TEST_ASSETS "/images");
    struct text_renderer tr = {0};
    sdl_images_attach(im, &tr);
    draw_list_rect(&f->dl, (struct rect){0, 0, W, H}, rgba_hex(RED), 0);
    draw_list_image(&f->dl, (struct rect){20, 20, 200, 100}, "emblem");
    draw_list_image(&f->dl, (struct rect){0, 150, 50, 50}, "no_such_image");
    draw_list_image(&f->dl, (struct rect){0, 150, 50, 50}, "../etc/x");
    assert_int_equal(draw_list_count_kind(&f->dl, DRAW_IMAGE), 2);
    render(f, &tr);
    /* 100 x 100, centred: the disc is white at its top, red outside it */
    assert_pixel(f, 120, 26, rgba_hex(0xFFFFFF));
    assert_pixel(f, 60, 70, rgba_hex(RED));
    assert_pixel(f, 25, 175, rgba_hex(RED));
    assert_int_equal(sdl_images_count(im), 1);
    sdl_images_release_textures(im);
    assert_int_equal(sdl_images_count(im), 0);
    sdl_images_free(im);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_clear_and_square_rect),
        T(test_rounded_rect),
        T(test_radius_clamped_to_pill),
        T(test_square_outline),
        T(test_rounded_outline),
        T(test_outline_wider_than_half_fills),
        T(test_nested_clips),
        T(test_empty_clip_hides_everything),
        T(test_qr_modules),
        T(test_qr_too_small_draws_light_box_only),
        T(test_alpha_blend),
        T(test_text_seam),
        T(test_save_png),
        T(test_images),
        cmocka_unit_test(test_open_args),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
