/*
 * civic.h - what the rating, notice and poll screens share: list rows with
 * a word on the right, the pager with "第 2/5 页", the message that ends a
 * flow (thanks, already done, nothing here), dates without a time and the
 * 好差评 faces. Internal to kiosk/ui/screens; allocates nothing.
 */
#ifndef LINLI_CIVIC_H
#define LINLI_CIVIC_H

#include "draw_list.h"
#include "geom.h"
#include "theme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;
struct ui;

/* A short word that says what a colour alone must not (重要, 已评价): on
 * a pill of color with white text, or as ink2 text after an icon in
 * color. */
struct civic_badge {
    const char *text; /* NULL: no badge */
    uint32_t icon;    /* 0: none */
    struct rgba color;
    bool pill;
    bool right; /* against r's right edge, else its left */
};
/* The width of b, and b drawn vertically centred in r (returns its
 * width). */
int civic_badge_w(struct ui *ui, const struct civic_badge *b);
int civic_badge(struct ui *ui, struct draw_list *dl, struct rect r,
                const struct civic_badge *b);

/* A row of a list: an icon, a bold title of up to two lines, a detail
 * under it and a badge on the right. */
struct civic_row {
    const char *title;  /* required */
    const char *detail; /* up to two lines; may be NULL */
    uint32_t icon;      /* 0: none */
    struct rgba icon_color;
    struct civic_badge aside;
    bool aside_optional; /* left out when the title would not fit two
                            lines beside it: a name is never cut */
    bool disabled;
};

/* The height of a row: two title lines and detail_lines (0-2) lines. */
int civic_row_h(const struct theme *th, int detail_lines);
/* Draws a row in r as an element of role ROLE_ITEM; true when tapped
 * (never when disabled). */
bool civic_row(struct ui *ui, struct draw_list *dl, const char *id,
               struct rect r, const struct civic_row *row);

/* What a screen asks: a bold head (the question) with an optional icon
 * before it and a quieter line under it. */
struct civic_prompt {
    const char *head;
    const char *sub; /* may be NULL */
    uint32_t icon;   /* 0: none */
    struct rgba icon_color;
};

/* True if the prompt goes beside the choices rather than above them:
 * in landscape, when above them it would leave the choices less than
 * need px of height (a low window, such as 长辈版 at 1280x800). */
bool civic_side(const struct app *a, struct ui *ui, struct rect body,
                const struct civic_prompt *p, int need);

/* Draws the prompt above the choices (head at title size), or with side
 * on the left two fifths of body (head at body size, sub only if it
 * fits); *choices gets the room for the choices and *rest (may be NULL)
 * what is left of the prompt's column (empty above). */
void civic_prompt(struct app *a, struct ui *ui, struct draw_list *dl,
                  struct rect body, const struct civic_prompt *p, bool side,
                  struct rect *choices, struct rect *rest);

/* The end of a flow, centred in r: a big icon, a title, a text and one
 * primary button (none if button is NULL). */
struct civic_message {
    uint32_t icon;
    struct rgba color; /* of the icon and the button */
    const char *title;
    const char *text; /* may be NULL */
    const char *button_id;
    const char *button; /* label; NULL: no button */
    uint32_t button_icon;
};
/* True when the button is tapped. */
bool civic_message(struct app *a, struct ui *ui, struct draw_list *dl,
                   struct rect r, const struct civic_message *m);

/* A red warning banner with error.generic across r.w at r.y; returns the
 * height it takes. */
int civic_error(struct app *a, struct ui *ui, struct draw_list *dl,
                struct rect r);

/* The day of unix_s in the session's language: "11月22日". */
void civic_date(const struct app *a, int64_t unix_s, char *out, size_t n);

/* "发布于 11月22日 · 有效期到 11月26日" for a notice shown from start to
 * end (exclusive). */
void civic_notice_dates(const struct app *a, int64_t start, int64_t end,
                        char *out, size_t n);

/* The 好差评 face of level (5 非常满意 ... 1 非常不满意) and its colour:
 * green, green, brown, red, red. */
uint32_t civic_level_icon(int level);
struct rgba civic_level_color(const struct theme *th, int level);
/* "rating.level.N" for level, clamped to 1..5. */
const char *civic_level_key(int level, char out[24]);

#endif
