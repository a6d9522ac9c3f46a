/*
 * sdl_render.c - executing a draw list with SDL2 calls (sdl_render.h).
 *
 * Every shape becomes horizontal spans of pixel rows, gathered into a small
 * stack batch of SDL_Rects and sent with SDL_RenderFillRects. Spans never
 * overlap, so a translucent shape is blended exactly once per pixel.
 */
#include "sdl_render.h"

#include "err.h"
#include "qr.h"

#include <math.h>
#include <stdbool.h>

#define BATCH_MAX 64

/* Rects waiting for one SDL_RenderFillRects call, and the first failure. */
struct batch {
    SDL_Renderer *r;
    SDL_Rect rects[BATCH_MAX];
    int n;
    int rc;
};

static void batch_flush(struct batch *b)
{
    if (b->n > 0 && SDL_RenderFillRects(b->r, b->rects, b->n) < 0 && b->rc == 0)
        b->rc = ERR_IO;
    b->n = 0;
}

static void batch_add(struct batch *b, int x, int y, int w, int h)
{
    if (w <= 0 || h <= 0)
        return;
    if (b->n == BATCH_MAX)
        batch_flush(b);
    SDL_Rect *o = &b->rects[b->n++];
    o->x = x;
    o->y = y;
    o->w = w;
    o->h = h;
}

/* A rect with rounded corners; radius is already clamped to half the
 * shorter side. */
struct rounded {
    struct rect r;
    int radius;
};

static struct rounded rounded_make(struct rect r, int radius)
{
    int half = (r.w < r.h ? r.w : r.h) / 2;
    struct rounded o = {r, radius < 0 ? 0 : radius > half ? half : radius};
    return o;
}

/* The pixels [x0, x1) of row y (absolute) that lie inside s: a pixel is in
 * when its centre is inside the corner's circle. False if the row misses s
 * altogether. */
static bool rounded_span(const struct rounded *s, int y, int *x0, int *x1)
{
    int j = y - s->r.y;
    if (j < 0 || j >= s->r.h || s->r.w <= 0)
        return false;
    int rad = s->radius, inset = 0;
    double dy = j < rad             ? rad - j - 0.5
                : j >= s->r.h - rad ? j - (s->r.h - rad) + 0.5
                                    : -1.0;
    if (dy >= 0.0) {
        double half = sqrt((double)rad * rad - dy * dy);
        inset = (int)ceil(rad - 0.5 - half);
        if (inset < 0)
            inset = 0;
    }
    *x0 = s->r.x + inset;
    *x1 = s->r.x + s->r.w - inset;
    return *x1 > *x0;
}

/* Consecutive rows with the same span merge into one rect, so a shape's
 * straight middle costs one rect however tall it is. */
struct run {
    int y0, h, x0, x1;
};

static void run_flush(struct batch *b, struct run *run)
{
    batch_add(b, run->x0, run->y0, run->x1 - run->x0, run->h);
    run->h = 0;
}

static void run_row(struct batch *b, struct run *run, int y, int x0, int x1)
{
    if (x1 <= x0) {
        if (run->h > 0)
            run_flush(b, run);
        return;
    }
    if (run->h > 0 && run->x0 == x0 && run->x1 == x1 && run->y0 + run->h == y) {
        run->h++;
        return;
    }
    if (run->h > 0)
        run_flush(b, run);
    run->y0 = y;
    run->h = 1;
    run->x0 = x0;
    run->x1 = x1;
}

static void fill_rounded(struct batch *b, struct rect r, int radius)
{
    if (rect_empty(r))
        return;
    struct rounded s = rounded_make(r, radius);
    if (s.radius == 0) {
        batch_add(b, r.x, r.y, r.w, r.h);
        return;
    }
    struct run run = {0};
    for (int y = r.y; y < r.y + r.h; y++) {
        int x0 = 0, x1 = 0;
        rounded_span(&s, y, &x0, &x1);
        run_row(b, &run, y, x0, x1);
    }
    if (run.h > 0)
        run_flush(b, &run);
}

/* The ring between the rounded rect (r, radius) and the one inset by
 * width, whose radius shrinks by the same width so the ring's thickness
 * holds around the corners. */
static void fill_ring(struct batch *b, struct rect r, int width, int radius)
{
    if (rect_empty(r) || width <= 0)
        return;
    struct rect in = rect_inset(r, width);
    struct rounded outer = rounded_make(r, radius);
    if (rect_empty(in)) {
        fill_rounded(b, r, outer.radius);
        return;
    }
    int inner_radius = outer.radius - width;
    struct rounded inner = rounded_make(in, inner_radius);
    struct run left = {0}, right = {0};
    for (int y = r.y; y < r.y + r.h; y++) {
        int ox0 = 0, ox1 = 0, ix0 = 0, ix1 = 0;
        rounded_span(&outer, y, &ox0, &ox1);
        if (!rounded_span(&inner, y, &ix0, &ix1))
            ix0 = ix1 = ox1; /* the whole row belongs to the ring */
        run_row(b, &left, y, ox0, ix0);
        run_row(b, &right, y, ix1, ox1);
    }
    if (left.h > 0)
        run_flush(b, &left);
    if (right.h > 0)
        run_flush(b, &right);
}

/* Opaque colours overwrite (the fast path in the software renderer);
 * translucent ones blend. */
static int set_color(SDL_Renderer *r, struct rgba c)
{
    SDL_BlendMode mode = c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND;
    if (SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a) < 0 ||
        SDL_SetRenderDrawBlendMode(r, mode) < 0)
        return ERR_IO;
    return 0;
}

static void batch_color(struct batch *b, struct rgba c)
{
    if (set_color(b->r, c) < 0 && b->rc == 0)
        b->rc = ERR_IO;
}

static void fill_qr(struct batch *b, const struct draw_cmd *c)
{
    const struct qr *qr = c->u.qr.qr;
    struct rect r = c->rect;
    if (rect_empty(r) || !qr || qr->size <= 0)
        return;
    int modules = qr->size + 8; /* 4 quiet modules on each side */
    int side = r.w < r.h ? r.w : r.h;
    int m = side / modules;
    if (m >= 1)
        side = m * modules;
    int ox = r.x + (r.w - side) / 2, oy = r.y + (r.h - side) / 2;

    batch_color(b, c->u.qr.light);
    batch_add(b, ox, oy, side, side);
    batch_flush(b);
    if (m < 1)
        return; /* too small to scan: the light box alone */

    batch_color(b, c->color);
    for (int y = 0; y < qr->size; y++) {
        int x = 0;
        while (x < qr->size) {
            if (!qr_dark(qr, x, y)) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < qr->size && qr_dark(qr, x, y))
                x++;
            batch_add(b, ox + (4 + x0) * m, oy + (4 + y) * m, (x - x0) * m, m);
        }
    }
    batch_flush(b);
}

static int set_clip(SDL_Renderer *r, const struct draw_cmd *c)
{
    if (c->u.clip.depth == 0)
        return SDL_RenderSetClipRect(r, NULL) < 0 ? ERR_IO : 0;
    SDL_Rect s = {c->rect.x, c->rect.y, c->rect.w, c->rect.h};
    return SDL_RenderSetClipRect(r, &s) < 0 ? ERR_IO : 0;
}

int sdl_render_list(SDL_Renderer *r, const struct draw_list *dl,
                    const struct text_renderer *tr)
{
    struct batch b = {.r = r};
    /* Inside an empty clip nothing may show. SDL would clip it too, but
     * not every backend treats a 0x0 clip rect as "nothing", so skip. */
    bool hidden = false;
    for (size_t i = 0; i < dl->len; i++) {
        const struct draw_cmd *c = &dl->cmds[i];
        int rc = 0;
        switch (c->kind) {
        case DRAW_CLIP_PUSH:
        case DRAW_CLIP_POP:
            rc = set_clip(r, c);
            hidden = c->u.clip.depth > 0 && rect_empty(c->rect);
            break;
        case DRAW_RECT:
            if (hidden || rect_empty(c->rect))
                break;
            rc = set_color(r, c->color);
            fill_rounded(&b, c->rect, c->u.fill.radius);
            batch_flush(&b);
            break;
        case DRAW_OUTLINE:
            if (hidden || rect_empty(c->rect) || c->u.outline.width <= 0)
                break;
            rc = set_color(r, c->color);
            fill_ring(&b, c->rect, c->u.outline.width, c->u.outline.radius);
            batch_flush(&b);
            break;
        case DRAW_QR:
            if (!hidden)
                fill_qr(&b, c);
            break;
        case DRAW_TEXT:
            if (!hidden && tr && tr->text)
                rc = tr->text(tr->ctx, r, c);
            break;
        case DRAW_ICON:
            if (!hidden && tr && tr->icon)
                rc = tr->icon(tr->ctx, r, c);
            break;
        case DRAW_IMAGE:
            if (!hidden && tr && tr->image)
                rc = tr->image(tr->image_ctx, r, c);
            break;
        }
        if (rc < 0 && b.rc == 0)
            b.rc = rc;
    }
    if (SDL_RenderSetClipRect(r, NULL) < 0 && b.rc == 0)
        b.rc = ERR_IO;
    return b.rc;
}
