/*
 * volunteer.c - the pieces the 志愿服务 screens share (volunteer.h).
 */
#include "volunteer.h"

#include "civil_time.h"
#include "err.h"
#include "icons.h"

#include <stdio.h>
#include <string.h>

int volunteer_activity(struct app *a, const char *id, struct activity_row *out)
{
    /* the store has no lookup by id: page through (≤ 500 activities, a
     * few pages of a fast query) */
    struct activity_row rows[16];
    int n = 0;
    for (int off = 0;; off += n) {
        int rc =
            store_activities(a->store, app_now_s(a), off, rows, 16, &n, NULL);
        if (rc)
            return rc;
        if (n == 0)
            return ERR_NOT_FOUND;
        for (int i = 0; i < n; i++)
            if (strcmp(rows[i].id, id) == 0) {
                *out = rows[i];
                return 0;
            }
    }
}

const char *volunteer_seats(const struct app *a, int remaining, bool brief,
                            char *out, size_t outlen)
{
    char n[16];
    snprintf(n, sizeof(n), "%d", remaining);
    const char *pairs[] = {"n", n, NULL};
    if (remaining <= 0)
        snprintf(out, outlen, "%s",
                 app_t(a, brief ? "volunteer.full.short" : "volunteer.full"));
    else if (brief)
        app_fmt(a, "volunteer.seats_left.short", out, outlen, pairs);
    else if (remaining == 1)
        snprintf(out, outlen, "%s", app_t(a, "volunteer.seats_left.one"));
    else
        app_fmt(a, "volunteer.seats_left", out, outlen, pairs);
    return out;
}

const char *volunteer_slot_time(const struct app *a,
                                const struct slot_row *slot, char *out,
                                size_t outlen)
{
    char start[64], end[8];
    app_format_time(a, slot->start, true, start, sizeof(start));
    app_format_time(a, slot->end, false, end, sizeof(end));
    snprintf(out, outlen, "%s–%s", start, end);
    return out;
}

/* ---- cards ------------------------------------------------------------ */

/* A line wraps to this many lines at most: enough that no name or place
 * is ever cut; a line without room is left out whole instead. */
#define LINE_WRAP      4
#define CARD_LINES_MAX 8

static int icon_px(const struct card_line *l)
{
    return l->icon ? l->px * 9 / 10 : 0;
}

static bool line_shown(const struct card_line *l)
{
    return l->text && *l->text;
}

static int line_height(struct ui *ui, int w, const struct card_line *l)
{
    int iw = l->icon ? icon_px(l) + 12 : 0;
    return ui_text_height(ui, w - iw, l->text, l->px, l->weight, LINE_WRAP);
}

int volunteer_lines_height(struct ui *ui, int w, const struct card_line *l,
                           int n)
{
    int h = 0;
    for (int i = 0; i < n; i++)
        if (line_shown(&l[i]))
            h += line_height(ui, w, &l[i]);
    return h;
}

/* Which of the n lines fit height h at width w, in keep: the line with
 * the highest prio goes first, a prio 0 line never. Returns the height of
 * the lines kept. */
static int fit_lines(struct ui *ui, int w, int h, const struct card_line *l,
                     int n, bool keep[CARD_LINES_MAX], int hs[])
{
    int total = 0;
    for (int i = 0; i < n; i++) {
        keep[i] = line_shown(&l[i]);
        hs[i] = keep[i] ? line_height(ui, w, &l[i]) : 0;
        total += hs[i];
    }
    while (total > h) {
        int worst = -1;
        for (int i = 0; i < n; i++)
            if (keep[i] && l[i].prio > 0 &&
                (worst < 0 || l[i].prio > l[worst].prio))
                worst = i;
        if (worst < 0)
            break;
        keep[worst] = false;
        total -= hs[worst];
    }
    return total;
}

/* The lines that fit r, stacked from its top (or centred down it), left-
 * or right-aligned. Returns the height drawn. */
static int draw_lines(struct ui *ui, struct draw_list *dl, struct rect r,
                      const struct card_line *l, int n, bool end, bool centre)
{
    bool keep[CARD_LINES_MAX];
    int hs[CARD_LINES_MAX];
    if (n > CARD_LINES_MAX)
        n = CARD_LINES_MAX;
    int total = fit_lines(ui, r.w, r.h, l, n, keep, hs);
    int y = r.y + (centre && total < r.h ? (r.h - total) / 2 : 0);
    for (int i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        int ipx = icon_px(&l[i]), iw = ipx ? ipx + 12 : 0;
        int tw = r.w - iw;
        if (end) {
            int natural = text_width(ui->tm, l[i].text, strlen(l[i].text),
                                     l[i].px, l[i].weight);
            tw = natural < tw ? natural : tw;
        }
        int x = end ? r.x + r.w - tw - iw : r.x;
        if (ipx)
            draw_list_icon(dl,
                           (struct rect){x, y, ipx, text_line_height(l[i].px)},
                           l[i].icon, ipx, l[i].color);
        struct text_style st =
            ui_style(l[i].px, l[i].weight, l[i].color,
                     end ? ALIGN_END : ALIGN_START, ALIGN_START);
        ui_text(ui, dl, (struct rect){x + iw, y, tw, hs[i]}, l[i].text, &st,
                LINE_WRAP, 0);
        y += hs[i];
    }
    return total;
}

int volunteer_lines(struct ui *ui, struct draw_list *dl, struct rect r,
                    const struct card_line *l, int n)
{
    return draw_lines(ui, dl, r, l, n, false, false);
}

static void join_label(char *out, size_t outlen, const struct card_line *l,
                       int n)
{
    for (int i = 0; i < n; i++) {
        if (!line_shown(&l[i]))
            continue;
        size_t len = strlen(out);
        snprintf(out + len, outlen - len, "%s%s", len ? " " : "", l[i].text);
    }
}

bool volunteer_card(struct ui *ui, struct draw_list *dl, const char *id,
                    struct rect r, const struct card_line *left, int nl,
                    const struct card_line *right, int nr, bool stack,
                    bool disabled)
{
    const struct theme *th = ui->th;
    char label[UI_LABEL_MAX] = "";
    join_label(label, sizeof(label), left, nl);
    join_label(label, sizeof(label), right, nr);
    bool pressed;
    bool tapped = ui_hit(ui, id, ROLE_ITEM, label, r, &pressed);
    ui_last(ui)->disabled = disabled;
    if (disabled)
        tapped = pressed = false;

    struct rgba bg = disabled ? th->c.paper : th->c.card;
    draw_list_rect(dl, r, pressed ? rgba_darken(bg, 12) : bg, 16);
    draw_list_outline(dl, r, th->c.line, 2, 16);
    int pad = th->gap + 8;
    struct rect in = {r.x + pad, r.y + pad / 2 + 4, r.w - 2 * pad,
                      r.h - pad - 8};
    if (stack) {
        struct card_line all[CARD_LINES_MAX];
        int n = 0;
        for (int i = 0; i < nl && n < CARD_LINES_MAX; i++)
            all[n++] = left[i];
        for (int i = 0; i < nr && n < CARD_LINES_MAX; i++)
            all[n++] = right[i];
        draw_lines(ui, dl, in, all, n, false, true);
        return tapped;
    }
    int right_w = 0;
    for (int i = 0; i < nr; i++) {
        int w = text_width(ui->tm, right[i].text, strlen(right[i].text),
                           right[i].px, right[i].weight) +
                (right[i].icon ? icon_px(&right[i]) + 12 : 0);
        right_w = w > right_w ? w : right_w;
    }
    /* the right side takes what it needs, up to 40 % of the card */
    if (right_w > in.w * 2 / 5)
        right_w = in.w * 2 / 5;
    struct rect lr = {in.x, in.y, in.w - (nr ? right_w + th->gap : 0), in.h};
    struct rect rr = {in.x + in.w - right_w, in.y, right_w, in.h};
    draw_lines(ui, dl, lr, left, nl, false, true);
    if (nr)
        draw_lines(ui, dl, rr, right, nr, true, true);
    return tapped;
}

/* ---- the grid and its pager ----------------------------------------- */

void volunteer_grid(const struct app *a, struct rect area, int card_h,
                    int min_card_w, int max_per_page, struct card_grid *g)
{
    int gap = a->theme.gap;
    g->area = area;
    g->gap = gap;
    g->cols = min_card_w > 0 ? (area.w + gap) / (min_card_w + gap) : 1;
    if (g->cols < 1)
        g->cols = 1;
    g->rows = (area.h + gap) / (card_h + gap);
    if (g->rows < 1)
        g->rows = 1;
    if (max_per_page > 0) {
        while (g->cols > 1 && g->cols > max_per_page)
            g->cols--;
        while (g->rows > 1 && g->rows * g->cols > max_per_page)
            g->rows--;
    }
    while (g->rows > 1 && g->rows * g->cols > VOLUNTEER_PAGE_MAX)
        g->rows--;
    g->per_page = g->rows * g->cols;
}

struct rect volunteer_cell(const struct card_grid *g, int i)
{
    /* cells keep the height of a full grid so a short last page does not
     * stretch its cards */
    struct rect row = rect_row(g->area, g->rows, g->gap, i / g->cols);
    return rect_col(row, g->cols, g->gap, i % g->cols);
}

int volunteer_paged_grid(const struct app *a, struct rect area, int card_h,
                         int min_card_w, int max_per_page, int total, int *page,
                         struct card_grid *g, struct rect *pager)
{
    const struct theme *th = &a->theme;
    *pager = (struct rect){0};
    volunteer_grid(a, area, card_h, min_card_w, max_per_page, g);
    if (total > g->per_page) {
        *pager = (struct rect){area.x, area.y + area.h - th->target, area.w,
                               th->target};
        area.h -= th->target + th->gap;
        volunteer_grid(a, area, card_h, min_card_w, max_per_page, g);
    }
    int pages = total > 0 ? (total + g->per_page - 1) / g->per_page : 1;
    if (*page >= pages)
        *page = pages - 1;
    if (*page < 0)
        *page = 0;
    return pages;
}

/* ---- a slot's summary ------------------------------------------------ */

int volunteer_summary(struct app *a, struct ui *ui, struct draw_list *dl,
                      struct rect r, const char *slot_id)
{
    const struct theme *th = &a->theme;
    struct slot_row slot;
    struct activity_row act;
    if (store_slot(a->store, slot_id, &slot) ||
        volunteer_activity(a, slot.activity, &act))
        return 0;
    char when[96];
    volunteer_slot_time(a, &slot, when, sizeof(when));
    /* the place goes first when room is short, then the time */
    struct card_line l[3] = {
        {app_text(a,
                  (const char *const[]){act.name[LANG_ZH], act.name[LANG_EN]}),
         0, th->body, FONT_BOLD, th->c.ink, 1},
        {when, ICON_SCHEDULE, th->text_min, FONT_REGULAR, th->c.ink, 2},
        {app_text(
             a, (const char *const[]){act.place[LANG_ZH], act.place[LANG_EN]}),
         ICON_PLACE, th->text_min, FONT_REGULAR, th->c.ink2, 3},
    };
    if (!dl) {
        bool keep[CARD_LINES_MAX];
        int hs[CARD_LINES_MAX];
        int h = fit_lines(ui, r.w, r.h, l, 3, keep, hs);
        return h <= r.h ? h : 0;
    }
    return draw_lines(ui, dl, r, l, 3, false, false);
}

void volunteer_field(struct ui *ui, struct draw_list *dl, struct rect r,
                     const char *text, const char *placeholder)
{
    const struct theme *th = ui->th;
    draw_list_rect(dl, r, th->c.card, 12);
    draw_list_outline(dl, r, th->c.ink2, 3, 12);
    bool empty = !text || !*text;
    int px = empty ? th->body : th->big;
    struct text_style st =
        ui_style(px, empty ? FONT_REGULAR : FONT_BOLD,
                 empty ? th->c.ink2 : th->c.ink, ALIGN_CENTER, ALIGN_CENTER);
    ui_text(ui, dl, rect_inset(r, 12), empty ? placeholder : text, &st, 1, 0);
}
