/*
 * window.h - the kiosk on a real screen: window, input, main loop.
 *
 * Opens a fullscreen window on whatever video driver SDL picks (KMSDRM on
 * a bare terminal, Wayland or X11 on a desktop), or a window of the given
 * size with windowed. Mouse and touch become the ui's pointer events (one
 * finger; mouse events SDL synthesises from touch are dropped so a tap
 * counts once), and the arrow, Enter, Escape, digit and Backspace keys its
 * keys. The loop sleeps in SDL_WaitEventTimeout() until the next event or
 * the app's next deadline and draws only when the app says the screen
 * changed, so an idle kiosk uses no CPU.
 */
#ifndef LINLI_WINDOW_H
#define LINLI_WINDOW_H

#include "clock.h"

#include <stdbool.h>
#include <stdio.h>

struct store;
struct i18n;

struct window_options {
    bool windowed;
    int w, h;            /* windowed size; 0: 1920 x 1080 */
    const char *status;  /* for the staff screen: how sync is set up */
    const char *images;  /* folder of the PNG images (assets/images) */
    int rotate;          /* 0, 90, 180, 270: the picture turned clockwise
                          * on the panel (touch is turned back) */
};

/* Runs until the window is closed or SIGTERM/SIGINT. Returns 0, or
 * ERR_IO when no window could be opened (message on log). */
int window_run(struct store *st, const struct i18n *i18n, struct clock clk,
               const struct window_options *opt, FILE *log);

#endif
