/*
 * test_sdl_turn.c - sdl_turn.h with SDL's software renderer: a pixel the
 * ui draws at (x, y) on the turned texture lands on the panel where
 * point_unrotate() (geom.h) maps back to (x, y), for every corner and an
 * inner point at 90, 180 and 270 degrees; rotate 0 turns nothing.
 */
#include "testutil.h"

#include "geom.h"
#include "sdl_turn.h"

#include <SDL.h>

#define PW 8 /* the panel */
#define PH 6

/* The one lit pixel of s, which must have exactly one. */
static void lit_pixel(SDL_Surface *s, int *x, int *y)
{
    int n = 0;
    for (int py = 0; py < s->h; py++) {
        const Uint32 *row =
            (const Uint32 *)((const Uint8 *)s->pixels + py * s->pitch);
        for (int px = 0; px < s->w; px++) {
            if ((row[px] & 0xFFFFFF) == 0) /* black */
                continue;
            *x = px;
            *y = py;
            n++;
        }
    }
    assert_int_equal(n, 1);
}

static void test_turned_pixels(void **state)
{
    (void)state;
    SDL_Surface *panel =
        SDL_CreateRGBSurfaceWithFormat(0, PW, PH, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(panel);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(panel);
    assert_non_null(r);
    static const int degs[] = {90, 180, 270};
    for (int d = 0; d < 3; d++) {
        int w, h;
        SDL_Texture *t = sdl_turn_setup(r, degs[d], PW, PH, NULL, &w, &h);
        assert_non_null(t);
        assert_int_equal(w, degs[d] == 180 ? PW : PH);
        assert_int_equal(h, degs[d] == 180 ? PH : PW);
        const int pts[][2] = {
            {0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}, {1, 2}};
        for (int i = 0; i < 5; i++) {
            SDL_SetRenderTarget(r, t);
            SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
            SDL_RenderClear(r);
            SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
            SDL_RenderDrawPoint(r, pts[i][0], pts[i][1]);
            sdl_turn_present(r, t, degs[d], PW, PH);
            SDL_RenderPresent(r);
            int x, y;
            lit_pixel(panel, &x, &y);
            point_unrotate(degs[d], PW, PH, &x, &y);
            if (x != pts[i][0] || y != pts[i][1])
                fail_msg("%d degrees: (%d, %d) came back as (%d, %d)", degs[d],
                         pts[i][0], pts[i][1], x, y);
        }
        /* a new size frees the old texture and makes one of that size */
        t = sdl_turn_setup(r, degs[d], PH, PW, t, &w, &h);
        assert_non_null(t);
        assert_int_equal(w, degs[d] == 180 ? PH : PW);
        SDL_DestroyTexture(t);
    }
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(panel);
}

static void test_not_turned(void **state)
{
    (void)state;
    int w = 0, h = 0;
    assert_null(sdl_turn_setup(NULL, 0, 1920, 1080, NULL, &w, &h));
    assert_int_equal(w, 1920);
    assert_int_equal(h, 1080);
    int x = 5, y = 7;
    point_unrotate(0, 1920, 1080, &x, &y);
    assert_int_equal(x, 5);
    assert_int_equal(y, 7);
    assert_true(sdl_turn_valid(0) && sdl_turn_valid(90) &&
                sdl_turn_valid(180) && sdl_turn_valid(270));
    assert_false(sdl_turn_valid(45) || sdl_turn_valid(360) ||
                 sdl_turn_valid(-90));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_turned_pixels),
        cmocka_unit_test(test_not_turned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
