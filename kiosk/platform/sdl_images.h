/*
 * sdl_images.h - PNG images from assets/images/, drawn for DRAW_IMAGE.
 *
 * Images are loaded with SDL2_image on first use and kept as textures in
 * a small bounded cache (SDL_IMAGES_MAX entries, least recently used
 * first out); a name whose file is missing or not a PNG is remembered as
 * missing and logged once, and draws nothing, so a bad asset never stops
 * the kiosk. Like sdl_text, textures belong to the renderer they were made
 * with: call sdl_images_release_textures() before changing renderers.
 */
#ifndef LINLI_SDL_IMAGES_H
#define LINLI_SDL_IMAGES_H

#include "sdl_render.h"

#include <SDL.h>

#define SDL_IMAGES_MAX    16
#define SDL_IMAGES_MAX_PX 2048 /* larger images are refused */

struct sdl_images;

/* Images are read from dir/<name>.png. Cannot fail (xmalloc). */
struct sdl_images *sdl_images_new(const char *dir);
void sdl_images_free(struct sdl_images *im);
void sdl_images_release_textures(struct sdl_images *im);

/* Sets tr's image callback to draw from im. */
void sdl_images_attach(struct sdl_images *im, struct text_renderer *tr);

/* Cached images, for tests. */
int sdl_images_count(const struct sdl_images *im);

#endif
