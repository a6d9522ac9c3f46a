/*
 * window.h - the kiosk on a real screen: window, input, main loop.
 *
 * Opens a fullscreen window on whatever video driver SDL picks (KMSDRM on
 * a bare terminal, Wayland or X11 on a desktop), or a window of the given
 * size with windowed. Mouse and touch become the ui's pointer events (one
 * finger; mouse events SDL synthesises from touch are dropped so a tap
 * counts once), and the arrow, Enter, Escape, digit and Backspace keys its
 * keys (F1 or the number pad's * is the speech key). Speech goes through
 * espeak-ng into SDL audio; a headset plugged in (SDL_AUDIODEVICEADDED for
 * an output beyond those present at start) starts speech mode. The loop
 * sleeps in SDL_WaitEventTimeout() until the next event or the app's (or
 * sync's, or a peripheral's) next deadline and draws only when the app says
 * the screen changed, so an idle kiosk uses no CPU.
 */
#ifndef LINLI_WINDOW_H
#define LINLI_WINDOW_H

#include "clock.h"

#include <stdbool.h>
#include <stdio.h>

struct store;
struct i18n;
struct peripherals;

struct window_options {
    bool windowed;
    int w, h;            /* windowed size; 0: 1920 x 1080 */
    const char *status;  /* for the staff screen: how sync is set up */
    const char *images;  /* folder of the PNG images (assets/images) */
    /* printer, watchdog, backlight, scanner (peripherals.h); may be NULL.
     * The loop wakes for the watchdog and the backlight, kicks the
     * watchdog after each healthy iteration, and turns scans into
     * INPUT_SCAN events. */
    struct peripherals *peripherals;
    struct sync *sync;   /* stepped every iteration; NULL: no hub */
    int text_size;       /* each session's text size step; 0: 1 */
    int rotate;          /* 0, 90, 180, 270: the picture turned clockwise
                          * on the panel (touch is turned back) */
};

/* Runs until the window is closed or SIGTERM/SIGINT. Returns 0, or
 * ERR_IO when no window could be opened (message on log). */
int window_run(struct store *st, const struct i18n *i18n, struct clock clk,
               const struct window_options *opt, FILE *log);

#endif
