/*
 * sdl_turn.c - the ui's picture turned on the panel (sdl_turn.h).
 */
#include "sdl_turn.h"

bool sdl_turn_valid(int rotate)
{
    return rotate == 0 || rotate == 90 || rotate == 180 || rotate == 270;
}

SDL_Texture *sdl_turn_setup(SDL_Renderer *r, int rotate, int pw, int ph,
                            SDL_Texture *old, int *w, int *h)
{
    if (old)
        SDL_DestroyTexture(old);
    bool across = rotate == 90 || rotate == 270;
    *w = across ? ph : pw;
    *h = across ? pw : ph;
    if (!rotate)
        return NULL;
    return SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888,
                             SDL_TEXTUREACCESS_TARGET, *w, *h);
}

void sdl_turn_present(SDL_Renderer *r, SDL_Texture *t, int rotate, int pw,
                      int ph)
{
    int w, h;
    SDL_QueryTexture(t, NULL, NULL, &w, &h);
    SDL_SetRenderTarget(r, NULL);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    /* the texture's centre on the panel's: turned about it, a ph x pw
     * texture covers the pw x ph panel exactly */
    SDL_Rect to = {(pw - w) / 2, (ph - h) / 2, w, h};
    SDL_RenderCopyEx(r, t, NULL, &to, rotate, NULL, SDL_FLIP_NONE);
}
