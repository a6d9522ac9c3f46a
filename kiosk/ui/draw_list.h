/*
 * draw_list.h - what a frame looks like, recorded as a list of commands.
 *
 * Screens and widgets append commands; the platform (sdl_render.h) executes
 * them, and ui tests inspect them instead of pixels. The list is
 * caller-owned with a fixed capacity chosen at init, which allocates once:
 * after that nothing allocates, so the frame path is draw_list_clear() and
 * appends. When full, further commands are dropped and `overflowed` is set.
 */
#ifndef LINLI_DRAW_LIST_H
#define LINLI_DRAW_LIST_H

#include "geom.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct qr;

/* A colour, straight (not premultiplied) alpha; a = 255 is opaque. */
struct rgba {
    uint8_t r, g, b, a;
};

/* An opaque colour from 0xRRGGBB, as VISUAL.md writes them. */
static inline struct rgba rgba_hex(uint32_t rgb)
{
    struct rgba c = {(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb,
                     255};
    return c;
}

/* c with its alpha replaced by a. */
static inline struct rgba rgba_alpha(struct rgba c, uint8_t a)
{
    c.a = a;
    return c;
}

static inline bool rgba_equal(struct rgba a, struct rgba b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

enum draw_kind {
    DRAW_RECT,      /* filled rectangle, optionally rounded */
    DRAW_OUTLINE,   /* rectangle border drawn inside rect */
    DRAW_TEXT,      /* one run of UTF-8 text in a box */
    DRAW_ICON,      /* one Material Icons glyph in a box */
    DRAW_QR,        /* a QR symbol with its quiet zone, fitted to rect */
    DRAW_IMAGE,     /* a PNG from assets/images/, fitted to rect */
    DRAW_CLIP_PUSH, /* from here, draw only inside rect */
    DRAW_CLIP_POP,  /* back to the clip before the matching push */
};

enum font_weight {
    FONT_REGULAR,
    FONT_BOLD,
};

/* Placement of a text run inside its box, across and down. */
enum align {
    ALIGN_START, /* left, or top */
    ALIGN_CENTER,
    ALIGN_END, /* right, or bottom */
};

/* How a text run looks. The run is drawn as one line: breaking lines and
 * shrinking to fit are the UI's job (through the text-metrics seam) before
 * it appends the runs. */
struct text_style {
    int px; /* font size in pixels */
    enum font_weight weight;
    struct rgba color;
    enum align halign;
    enum align valign;
};

/* Nesting depth of clip rectangles; a deeper push counts as overflow. */
#define DRAW_CLIP_MAX 8

/* One command. `rect` and `color` are shared; the union holds the rest by
 * kind. All pointers are valid until the list is cleared or released. */
struct draw_cmd {
    enum draw_kind kind;
    struct rect rect;  /* the box; for clip commands, the clip in effect
                          after the command (see clip below) */
    struct rgba color; /* fill, border, text, icon; for QR the dark modules */
    union {
        struct {
            int radius; /* corner radius, 0 for square corners */
        } fill;
        struct {
            int width;  /* border width, drawn inside rect */
            int radius; /* outer corner radius, 0 for square corners */
        } outline;
        struct {
            const char *str; /* NUL-terminated copy in the list's arena */
            size_t len;      /* bytes, without the NUL */
            struct text_style style;
        } text;
        struct {
            uint32_t codepoint; /* Material Icons, e.g. 0xE548 */
            int px;             /* glyph size; centred in rect */
        } icon;
        struct {
            const struct qr *qr; /* borrowed: must outlive the frame */
            struct rgba light;   /* quiet zone and light modules */
        } qr;
        struct {
            const char *name; /* "emblem": assets/images/emblem.png; a
                                 copy in the list's arena */
        } image;
        struct {
            int depth; /* clip pushes open after this command; at 0 there
                          is no clip and rect is {0} */
        } clip;
    } u;
};

/* Fields are read-only outside draw_list.c; tests and the renderer iterate
 * cmds[0 .. len). */
struct draw_list {
    struct draw_cmd *cmds;
    size_t len, cap;
    char *text; /* the arena holding text runs */
    size_t text_len, text_cap;
    struct rect clips[DRAW_CLIP_MAX]; /* effective clip per open push */
    int clip_depth;                   /* recorded pushes not yet popped */
    int clip_dropped; /* pushes dropped for lack of room, not yet popped */
    bool overflowed;  /* a command or its text was dropped since clear */
    bool unbalanced;  /* a pop had no push to match since clear */
};

/* Makes an empty list with room for max_cmds commands and text_bytes of
 * text (each run takes its length plus one). Allocates both once with
 * xmalloc, so it cannot fail; draw_list_release() frees them. */
void draw_list_init(struct draw_list *dl, size_t max_cmds, size_t text_bytes);
void draw_list_release(struct draw_list *dl);

/* Empties the list and its text arena, and resets the overflow, clip and
 * balance state, keeping the memory. Invalidates every pointer into the
 * list (command and text pointers). Call at the start of each frame. */
void draw_list_clear(struct draw_list *dl);

/*
 * Appending. Each call records one command or, if there is no room, drops
 * it and sets dl->overflowed. A command never partly lands: a text run
 * that does not fit the arena is dropped whole, never cut (a cut name
 * could mislead). Room for the pops of open clips is kept in reserve, so
 * a recorded push always gets its pop recorded.
 *
 * Rects are recorded as given; empty ones are kept (and draw nothing).
 */

/* A filled rect; radius > 0 rounds the corners (clamped by the renderer
 * to half the shorter side). */
void draw_list_rect(struct draw_list *dl, struct rect r, struct rgba color,
                    int radius);

/* A border of the given width inside r, with outer corner radius. */
void draw_list_outline(struct draw_list *dl, struct rect r, struct rgba color,
                       int width, int radius);

/* A copy of text (NULL counts as "") placed in box r per style. The
 * caller's string may change or go away right after the call. */
void draw_list_text(struct draw_list *dl, struct rect r, const char *text,
                    const struct text_style *style);

/* A Material Icons glyph of px pixels, centred in r. */
void draw_list_icon(struct draw_list *dl, struct rect r, uint32_t codepoint,
                    int px, struct rgba color);

/* The QR symbol qr with a 4-module quiet zone, drawn at the largest whole
 * module size that fits r and centred in it. qr is borrowed, not copied:
 * it must stay unchanged until the list is rendered and cleared. A NULL
 * qr is dropped (and is not an overflow). */
void draw_list_qr(struct draw_list *dl, struct rect r, const struct qr *qr,
                  struct rgba dark, struct rgba light);

/* The PNG assets/images/<name>.png scaled to fit r (aspect kept,
 * centred). name is copied; names are [a-z0-9_] (others are dropped, so
 * no path can be formed from data). A missing image draws nothing. */
void draw_list_image(struct draw_list *dl, struct rect r, const char *name);

/* Restricts drawing to r within the current clip, until the matching pop.
 * Pushes nest up to DRAW_CLIP_MAX deep; deeper ones are dropped (overflow)
 * and so are their pops. A pop without a push sets dl->unbalanced. */
void draw_list_push_clip(struct draw_list *dl, struct rect r);
void draw_list_pop_clip(struct draw_list *dl);

/*
 * Inspection, mainly for ui tests.
 */

/* The first text run containing needle (bytewise), or NULL. */
const struct draw_cmd *draw_list_find_text(const struct draw_list *dl,
                                           const char *needle);
/* How many text runs contain needle. */
size_t draw_list_count_text(const struct draw_list *dl, const char *needle);
/* How many commands of the given kind the list holds. */
size_t draw_list_count_kind(const struct draw_list *dl, enum draw_kind kind);

#endif
