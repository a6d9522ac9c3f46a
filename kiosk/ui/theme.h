/*
 * theme.h - colours, type scale and spacing for each mode (VISUAL.md).
 *
 * A theme is a plain struct of numbers the widgets read; nothing else in
 * the ui spells a colour or a size. The numbers are those of VISUAL.md at
 * 1080p and 0.248 mm/px, and meet DESIGN.md §6 for their mode; theme_make()
 * scales them for another pixel pitch. The high-contrast variant keeps the
 * sizes and swaps the palette for black on white.
 */
#ifndef LINLI_THEME_H
#define LINLI_THEME_H

#include "draw_list.h"

#include <stdbool.h>

enum ui_mode {
    MODE_STANDARD,
    MODE_ELDER, /* 长辈版 */
};

struct palette {
    struct rgba paper, card, line, ink, ink2, on_color;
    struct rgba red, blue, green, teal, brown, purple, slate, grey;
    struct rgba focus, scrim;
};

struct theme {
    enum ui_mode mode;
    bool high_contrast;
    int text_size; /* 1..THEME_TEXT_SIZES */
    struct palette c;
    /* type, px */
    int text_min, body, title, tile, tile_sub, big;
    /* targets and space, px */
    int target;   /* smallest side of any touch target */
    int primary;  /* height of primary actions */
    int gap;      /* between targets */
    int tile_gap; /* between home tiles */
    int margin;   /* screen edge to content */
    int radius;   /* tiles and buttons */
    int header_h, footer_h;
    int max_choices; /* 0: free; 6 in 长辈版 */
    int icon;        /* icon size on tiles */
    /* the DESIGN §6 limits this theme promises, px */
    int min_target, min_gap, min_glyph;
    double min_contrast;
};

/* Fills t for mode and variant at mm_per_px (0 means 0.248, a 21.5"
 * 1080p panel). Sizes grow on a finer pitch so millimetres stay true. */
void theme_make(struct theme *t, enum ui_mode mode, bool high_contrast,
                double mm_per_px);

/* Text size steps a resident can choose in standard mode (1: the type
 * scale of VISUAL.md; 2: about 115 %; 3: about 130 %). 长辈版 is larger
 * than step 3 already and keeps its own scale. */
#define THEME_TEXT_SIZES 3

/* Scales t's text, and the targets and bars that hold it, to text size
 * step (1..THEME_TEXT_SIZES; out of range counts as 1). Standard mode
 * only; the DESIGN §6 limits stay those of the mode. */
void theme_text_size(struct theme *t, int step);

/* WCAG 2 contrast ratio of two opaque colours, 1..21. */
double rgba_contrast(struct rgba a, struct rgba b);

/* c darkened by pct percent (the pressed state: 12). */
struct rgba rgba_darken(struct rgba c, int pct);

#endif
