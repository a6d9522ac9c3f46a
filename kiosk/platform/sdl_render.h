/*
 * sdl_render.h - executes a ui draw list with an SDL_Renderer.
 *
 * Shapes, QR symbols and clipping are drawn here with plain SDL2 calls.
 * Text and icons need fonts, so they go through struct text_renderer, a
 * seam the platform's SDL_ttf code implements; tests can pass their own.
 */
#ifndef LINLI_SDL_RENDER_H
#define LINLI_SDL_RENDER_H

#include "draw_list.h"

#include <SDL.h>

/* Draws DRAW_TEXT and DRAW_ICON commands. Each callback draws one command
 * with r, inside the clip sdl_render_list() has already set, and returns 0
 * or a negative enum err. A NULL callback (or a NULL text_renderer) means
 * that kind is skipped: nothing is drawn for it, on purpose. */
struct text_renderer {
    void *ctx;
    int (*text)(void *ctx, SDL_Renderer *r, const struct draw_cmd *cmd);
    int (*icon)(void *ctx, SDL_Renderer *r, const struct draw_cmd *cmd);
    /* DRAW_IMAGE, with its own context (sdl_images.h) */
    int (*image)(void *image_ctx, SDL_Renderer *r,
                 const struct draw_cmd *cmd);
    void *image_ctx;
};

/*
 * Executes dl's commands in order onto r's current target, with no scaling
 * of its own. Does not clear the target first or present it after; leaves
 * the clip rect unset and the draw colour and blend mode changed.
 *
 * Rounded corners are drawn as one rect per pixel row of the corner; an
 * outline is the ring between r and r inset by its width. A QR symbol gets
 * a light square (symbol plus a 4-module quiet zone) at the largest whole
 * module size that fits, centred, and a rect per run of dark modules; if
 * even 1 px per module does not fit, only the light box is drawn, so no
 * unreadable code appears. Colours with alpha < 255 are blended.
 *
 * Keeps going after a failed SDL call or callback; returns 0, or the first
 * failure (ERR_IO for SDL, with SDL_GetError() saying why). Does not
 * allocate.
 */
int sdl_render_list(SDL_Renderer *r, const struct draw_list *dl,
                    const struct text_renderer *tr);

#endif
