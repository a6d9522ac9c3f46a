/*
 * text.h - the text-metrics seam, and line breaking on top of it.
 *
 * The ui lays text out without knowing fonts: it asks a struct
 * text_metrics how wide a run is. The platform implements it with SDL_ttf
 * and the real fonts; tests and headless tools can use text_metrics_approx(),
 * an estimate from character classes that is close to Noto Sans CJK
 * (Han and fullwidth = 1 em, Latin about 0.55 em) and needs no font file.
 */
#ifndef LINLI_TEXT_H
#define LINLI_TEXT_H

#include "draw_list.h"

#include <stddef.h>

struct text_metrics {
    void *ctx;
    /* Advance width in pixels of the first len bytes of s (UTF-8) at size
     * px and weight w. Must not allocate on a warm cache. */
    int (*width)(void *ctx, const char *s, size_t len, int px,
                 enum font_weight w);
    /* Height in pixels of the ink of the glyphs of s: from the top of the
     * highest glyph to the bottom of the lowest, as drawn at px. 0 for an
     * empty or blank run. Used by screens.json, not by layout. */
    int (*ink_height)(void *ctx, const char *s, size_t len, int px,
                      enum font_weight w);
};

/* The estimating metrics described above (no ctx, no font). */
struct text_metrics text_metrics_approx(void);

static inline int text_width(const struct text_metrics *tm, const char *s,
                             size_t len, int px, enum font_weight w)
{
    return tm->width(tm->ctx, s, len, px, w);
}

/* Line height for a font size: 1.4x, the spacing VISUAL.md asks for. */
static inline int text_line_height(int px)
{
    return (px * 14 + 9) / 10;
}

#define TEXT_MAX_LINES 8

/* Where each line of a wrapped run starts and how long it is, in bytes. */
struct text_lines {
    int n;
    size_t start[TEXT_MAX_LINES], len[TEXT_MAX_LINES];
    int width;     /* the widest line, px */
    bool overflow; /* more text than max_lines lines could hold */
};

/*
 * Breaks s into at most max_lines (<= TEXT_MAX_LINES) lines no wider than
 * max_w at px: between Han characters anywhere, in Latin text at spaces
 * (a word wider than the line is broken between characters), and never
 * before closing punctuation such as "，。）". Leading spaces of a line are
 * skipped. Sets overflow if text remains; the last line then holds only
 * what fits. Never allocates.
 */
void text_wrap(const struct text_metrics *tm, const char *s, int px,
               enum font_weight w, int max_w, int max_lines,
               struct text_lines *out);

#endif
