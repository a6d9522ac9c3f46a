/*
 * geom.h - integer rectangles in screen pixels, for layout and hit tests.
 *
 * A rect covers x <= px < x + w, y <= py < y + h; one with w <= 0 or
 * h <= 0 is empty and contains nothing. All helpers are pure and inline.
 */
#ifndef LINLI_GEOM_H
#define LINLI_GEOM_H

#include <stdbool.h>

struct rect {
    int x, y, w, h;
};

static inline bool rect_empty(struct rect r)
{
    return r.w <= 0 || r.h <= 0;
}

/* True if the pixel (px, py) lies inside r. */
static inline bool rect_contains(struct rect r, int px, int py)
{
    return px >= r.x && py >= r.y && px < r.x + r.w && py < r.y + r.h;
}

/* r shrunk by d on every side (grown if d < 0); never narrower or lower
 * than 0, so an over-inset rect is empty rather than inverted. */
static inline struct rect rect_inset(struct rect r, int d)
{
    struct rect o = {r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d};
    if (o.w < 0)
        o.w = 0;
    if (o.h < 0)
        o.h = 0;
    return o;
}

/* The overlap of a and b; empty (w or h 0) if they do not overlap. */
static inline struct rect rect_intersect(struct rect a, struct rect b)
{
    int x0 = a.x > b.x ? a.x : b.x;
    int y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    struct rect o = {x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
    return o;
}

/* Row i (0-based) of r cut into n rows with gap pixels between them. The
 * rows tile r exactly: leftover pixels go to rows spread along it, so the
 * last row ends on r's bottom edge. Requires n >= 1 and 0 <= i < n. */
static inline struct rect rect_row(struct rect r, int n, int gap, int i)
{
    int total = r.h - gap * (n - 1);
    int y0 = total * i / n, y1 = total * (i + 1) / n;
    struct rect o = {r.x, r.y + i * gap + y0, r.w, y1 - y0};
    return o;
}

/* Column i of r cut into n columns with gap pixels between them; as
 * rect_row() across. */
static inline struct rect rect_col(struct rect r, int n, int gap, int i)
{
    int total = r.w - gap * (n - 1);
    int x0 = total * i / n, x1 = total * (i + 1) / n;
    struct rect o = {r.x + i * gap + x0, r.y, x1 - x0, r.h};
    return o;
}

/* For a picture of the ui turned deg (0, 90, 180 or 270) clockwise on a
 * panel pw x ph pixels: maps the panel pixel (*x, *y) back to the ui's own
 * pixel, in a ui of ph x pw for 90 and 270, pw x ph otherwise. Any other
 * deg leaves the point as it is. */
static inline void point_unrotate(int deg, int pw, int ph, int *x, int *y)
{
    int px = *x, py = *y;
    if (deg == 90) {
        *x = py;
        *y = pw - 1 - px;
    } else if (deg == 180) {
        *x = pw - 1 - px;
        *y = ph - 1 - py;
    } else if (deg == 270) {
        *x = ph - 1 - py;
        *y = px;
    }
}

#endif
