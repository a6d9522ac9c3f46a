/*
 * volunteer.h - what the 志愿服务 screens (activities, slots, booking,
 * booked) share: an activity looked up by id, the labels of a slot's time
 * and seats, the card grid the lists page through, and the summary of a
 * slot that booking and booked show. Nothing here keeps model data: each
 * call reads the store for the frame that draws it.
 */
#ifndef LINLI_VOLUNTEER_H
#define LINLI_VOLUNTEER_H

#include "app.h"
#include "store.h"
#include "ui.h"

#include <stdbool.h>
#include <stddef.h>

/* The most cards a list page shows (rows fetched per frame). */
#define VOLUNTEER_PAGE_MAX 12

/* The activity with this id (at now, for its seat counts); ERR_NOT_FOUND
 * if there is none, ERR_DB. */
int volunteer_activity(struct app *a, const char *id, struct activity_row *out);

/* "剩余 3 个名额" / "已约满" for remaining seats; brief: "剩 3 位" /
 * "已满", for a slot's card. */
const char *volunteer_seats(const struct app *a, int remaining, bool brief,
                            char *out, size_t outlen);

/* "明天 09:00–11:00": the slot's day, start and end. */
const char *volunteer_slot_time(const struct app *a,
                                const struct slot_row *slot, char *out,
                                size_t outlen);

/* One line of a card: text in a size, weight and colour, with an optional
 * icon before it. It wraps, and is never cut: when there is not room for
 * every line, the line with the highest prio is left out whole, then the
 * next; prio 0 lines always stay. */
struct card_line {
    const char *text;
    uint32_t icon;
    int px;
    enum font_weight weight;
    struct rgba color;
    int prio;
};

/* A tappable card (ROLE_ITEM) with lines stacked on the left and lines
 * stacked on the right (nr may be 0), or all of them in one column when
 * stack is set. A disabled card looks greyed, says so to screens.json and
 * never returns true. */
bool volunteer_card(struct ui *ui, struct draw_list *dl, const char *id,
                    struct rect r, const struct card_line *left, int nl,
                    const struct card_line *right, int nr, bool stack,
                    bool disabled);

/* Stacks the lines that fit down r from its top; returns their height. */
int volunteer_lines(struct ui *ui, struct draw_list *dl, struct rect r,
                    const struct card_line *l, int n);
/* The height every one of the lines takes at width w. */
int volunteer_lines_height(struct ui *ui, int w, const struct card_line *l,
                           int n);

/* A page of cards: cols x rows cells of at least card_h in area, at most
 * max_per_page of them (0: no cap), columns at least min_card_w wide. */
struct card_grid {
    struct rect area;
    int cols, rows, per_page, gap;
};
void volunteer_grid(const struct app *a, struct rect area, int card_h,
                    int min_card_w, int max_per_page, struct card_grid *g);
struct rect volunteer_cell(const struct card_grid *g, int i);

/* A volunteer_grid() for total cards, with the pager row cut off the
 * bottom of area (into *pager; empty when one page holds them all).
 * Clamps *page to the pages there are and returns how many. */
int volunteer_paged_grid(const struct app *a, struct rect area, int card_h,
                         int min_card_w, int max_per_page, int total, int *page,
                         struct card_grid *g, struct rect *pager);

/* Draws what a slot is (activity name, day and time, place) from the top
 * of r, leaving out what r is too low for, and returns the height used;
 * with dl NULL only measures. Returns 0 if the slot or its activity is
 * gone. */
int volunteer_summary(struct app *a, struct ui *ui, struct draw_list *dl,
                      struct rect r, const char *slot_id);

/* A boxed read-out of what the keypad typed (phone, PIN), text in big
 * type centred; placeholder in ink2 when text is empty. */
void volunteer_field(struct ui *ui, struct draw_list *dl, struct rect r,
                     const char *text, const char *placeholder);

#endif
