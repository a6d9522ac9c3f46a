/*
 * sdl_turn.h - the ui's picture turned on the panel (linli-kiosk --rotate).
 *
 * For a panel mounted other than its native way, the ui lays out for the
 * turned size and draws on a texture, which is presented turned 90, 180 or
 * 270 degrees clockwise; touch on the panel is mapped back with
 * point_unrotate() (geom.h). With rotate 0 nothing is turned and no texture
 * is made.
 */
#ifndef LINLI_SDL_TURN_H
#define LINLI_SDL_TURN_H

#include <SDL.h>
#include <stdbool.h>

/* True for the degrees --rotate takes: 0, 90, 180, 270. */
bool sdl_turn_valid(int rotate);

/*
 * Sets *w x *h to the ui's size on a panel of pw x ph turned by rotate, and
 * returns the texture to draw the ui on (a render target of that size), or
 * NULL when rotate is 0, or when SDL cannot make one (SDL_GetError says
 * why). Frees old, the texture of a previous size, first.
 */
SDL_Texture *sdl_turn_setup(SDL_Renderer *r, int rotate, int pw, int ph,
                            SDL_Texture *old, int *w, int *h);

/* Draws t (from sdl_turn_setup) turned by rotate onto r's own target of
 * pw x ph, which it clears first; leaves r's target there. */
void sdl_turn_present(SDL_Renderer *r, SDL_Texture *t, int rotate, int pw,
                      int ph);

#endif
