/*
 * sdl_shot.h - offscreen rendering of draw lists, for headless screenshots
 * and render tests.
 *
 * A shot is an ARGB8888 SDL_Surface with a software renderer drawing into
 * it. It needs no window and no video subsystem, only SDL itself (and
 * SDL_ttf, through sdl_text.h, when the list holds text).
 */
#ifndef LINLI_SDL_SHOT_H
#define LINLI_SDL_SHOT_H

#include "sdl_render.h"

#include <SDL.h>

struct sdl_shot;

/* Makes a w x h shot, cleared to transparent black. Returns 0 and *out,
 * ERR_ARG if w or h is not positive, or ERR_IO when SDL cannot make the
 * surface or renderer (SDL_GetError() says why). */
int sdl_shot_open(int w, int h, struct sdl_shot **out);

/* Frees the surface and destroys the renderer, and with it every texture
 * made for it. A struct sdl_text that drew here and will draw again (on
 * another shot) must drop its textures first: sdl_text_release_textures().
 * NULL is a no-op. */
void sdl_shot_close(struct sdl_shot *shot);

/* The shot's renderer, for callers that draw more than a list. */
SDL_Renderer *sdl_shot_renderer(struct sdl_shot *shot);

/* Clears the whole shot to clear, draws dl with sdl_render_list() (tr may
 * be NULL: text and icons are skipped) and flushes, so the pixels are
 * ready to read. Returns sdl_render_list()'s result, or ERR_IO if the
 * clear or flush fails. */
int sdl_shot_render(struct sdl_shot *shot, const struct draw_list *dl,
                    const struct text_renderer *tr, struct rgba clear);

/* Writes the shot as a PNG file. Returns 0 or ERR_IO (SDL_GetError()). */
int sdl_shot_save_png(struct sdl_shot *shot, const char *path);

/* Width and height given at open. */
int sdl_shot_width(const struct sdl_shot *shot);
int sdl_shot_height(const struct sdl_shot *shot);

/* The pixel at (x, y) as last flushed; {0} outside the shot. */
struct rgba sdl_shot_pixel(const struct sdl_shot *shot, int x, int y);

#endif
