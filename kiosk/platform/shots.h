/*
 * shots.h - headless screenshots of every screen, and screens.json.
 *
 * For each screen (or one), in {standard, elder} x {zh-CN, en} x
 * {landscape 1920x1080, portrait 1080x1920}, opens the screen on a scratch
 * copy of the cache (tour.h: reaching some screens books or rates), draws
 * it with the real fonts into an offscreen surface and writes
 * DIR/<screen>-<mode>-<lang>-<orientation>[-hc][-tN][-speech].png, then
 * DIR/screens.json: an
 * array with, per image, its file and inspect_frame()'s description.
 * Needs no display.
 */
#ifndef LINLI_SHOTS_H
#define LINLI_SHOTS_H

#include "clock.h"

#include <stdbool.h>
#include <stdio.h>

struct store;
struct i18n;

struct shots_options {
    const char *dir;     /* created if missing */
    const char *screen;  /* NULL: every screen */
    const char *size;    /* NULL: both orientations; or "WxH" */
    bool high_contrast;  /* also the high-contrast theme */
    const char *mode;    /* NULL: both; "standard" or "elder" */
    const char *lang;    /* NULL: both; "zh" or "en" */
    const char *images;  /* folder of the PNG images (assets/images) */
    struct sync *sync;   /* its state on the staff screen; may be NULL */
    int text_size;       /* 1..3 (theme.h), standard mode; 0: 1 */
    bool speech;         /* speech mode on: the speech panel shows */
    bool json_only;      /* screens.json alone, no PNGs: what the layout
                          * checks read, at a fraction of the time */
};

/* Writes the images and screens.json; progress and errors go to log.
 * Returns 0, ERR_NOT_FOUND (unknown screen), ERR_IO, or the first error
 * met. */
int shots_run(struct store *st, const struct i18n *i18n, struct clock clk,
              const struct shots_options *opt, FILE *log);

#endif
