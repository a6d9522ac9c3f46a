/*
 * sdl_shot.c - a software renderer drawing into a memory surface
 * (sdl_shot.h).
 */
#include "sdl_shot.h"

#include "err.h"
#include "xalloc.h"

#include <SDL_image.h>
#include <stdlib.h>

struct sdl_shot {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
};

int sdl_shot_open(int w, int h, struct sdl_shot **out)
{
    if (w <= 0 || h <= 0)
        return ERR_ARG;
    SDL_Surface *s =
        SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return ERR_IO;
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    if (!r) {
        SDL_FreeSurface(s);
        return ERR_IO;
    }
    struct sdl_shot *shot = xmalloc(sizeof(*shot));
    shot->surface = s;
    shot->renderer = r;
    *out = shot;
    return 0;
}

void sdl_shot_close(struct sdl_shot *shot)
{
    if (!shot)
        return;
    SDL_DestroyRenderer(shot->renderer);
    SDL_FreeSurface(shot->surface);
    free(shot);
}

SDL_Renderer *sdl_shot_renderer(struct sdl_shot *shot)
{
    return shot->renderer;
}

int sdl_shot_render(struct sdl_shot *shot, const struct draw_list *dl,
                    const struct text_renderer *tr, struct rgba clear)
{
    SDL_Renderer *r = shot->renderer;
    int rc = 0;
    if (SDL_RenderSetClipRect(r, NULL) < 0 ||
        SDL_SetRenderDrawColor(r, clear.r, clear.g, clear.b, clear.a) < 0 ||
        SDL_RenderClear(r) < 0)
        rc = ERR_IO;
    int drawn = sdl_render_list(r, dl, tr);
    if (rc == 0)
        rc = drawn;
    /* Commands are batched until a flush; the pixels must be final. */
    if (SDL_RenderFlush(r) < 0 && rc == 0)
        rc = ERR_IO;
    return rc;
}

int sdl_shot_save_png(struct sdl_shot *shot, const char *path)
{
    return IMG_SavePNG(shot->surface, path) < 0 ? ERR_IO : 0;
}

int sdl_shot_width(const struct sdl_shot *shot)
{
    return shot->surface->w;
}

int sdl_shot_height(const struct sdl_shot *shot)
{
    return shot->surface->h;
}

struct rgba sdl_shot_pixel(const struct sdl_shot *shot, int x, int y)
{
    struct rgba c = {0};
    const SDL_Surface *s = shot->surface;
    if (x < 0 || y < 0 || x >= s->w || y >= s->h)
        return c;
    const Uint8 *row = (const Uint8 *)s->pixels + (size_t)y * s->pitch;
    Uint32 px;
    SDL_memcpy(&px, row + (size_t)x * 4, sizeof(px));
    SDL_GetRGBA(px, s->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}
