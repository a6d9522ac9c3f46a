/*
 * notice.c - one notice (args.id): its title, when it holds, and its body
 * in the session's language, wrapped to the screen and cut into pages
 * that the ▲ ▼ buttons turn (DESIGN §6: never a scroll that needs a
 * swipe).
 */
#include "screen.h"

#include "app.h"
#include "civic.h"
#include "err.h"
#include "icons.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

struct state {
    int page;
};

static int enter(struct screen *s, const struct screen_args *args)
{
    struct notice_row row;
    return store_notice(s->app->store, args->id, &row) ? ERR_NOT_FOUND : 0;
}

/* The line of s starting at byte off, wrapped at w; returns where the
 * next line starts (past the line's space or newline), or off at the
 * end. */
static size_t next_line(struct ui *ui, const char *s, size_t off, int px, int w,
                        struct text_lines *l)
{
    text_wrap(ui->tm, s + off, px, FONT_REGULAR, w, 1, l);
    if (l->n == 0)
        return off;
    size_t end = off + l->start[0] + l->len[0];
    while (s[end] == ' ')
        end++;
    if (s[end] == '\n')
        end++;
    return end;
}

/* Draws page `page` of body (lines_per lines a page) in r, nothing if
 * page is -1, and returns the number of pages. Wraps line by line, so no
 * length limit applies and nothing is allocated. */
static int draw_body(struct ui *ui, struct draw_list *dl, struct rect r,
                     const char *body, int page, int lines_per)
{
    const struct theme *th = ui->th;
    int px = th->body, lh = text_line_height(px);
    struct text_style st =
        ui_style(px, FONT_REGULAR, th->c.ink, ALIGN_START, ALIGN_CENTER);
    struct text_lines l;
    size_t off = 0;
    int line = 0;
    char buf[512];
    for (;;) {
        size_t next = next_line(ui, body, off, px, r.w, &l);
        if (l.n == 0)
            break;
        if (line / lines_per == page) {
            size_t n = l.len[0] < sizeof(buf) - 1 ? l.len[0] : sizeof(buf) - 1;
            memcpy(buf, body + off + l.start[0], n);
            buf[n] = '\0';
            int y = r.y + (line % lines_per) * lh;
            draw_list_text(dl, (struct rect){r.x, y, r.w, lh}, buf, &st);
        }
        line++;
        off = next;
    }
    return line == 0 ? 1 : (line + lines_per - 1) / lines_per;
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    struct notice_row row;
    char text[BODY_MAX_BYTES + 1] = "";
    if (store_notice(a->store, s->args.id, &row) == 0)
        store_notice_body(a->store, s->args.id, a->session.lang, text,
                          sizeof(text));
    else
        memset(&row, 0, sizeof(row));

    /* the title, with 重要 and its icon for an important notice, and the
     * dates; beside the text on a low window */
    char dates[256], sub[320];
    civic_notice_dates(a, row.start, row.end, dates, sizeof(dates));
    snprintf(sub, sizeof(sub), "%s%s%s",
             row.important ? app_t(a, "notices.important") : "",
             row.important ? " · " : "", dates);
    struct civic_prompt p = {
        .head = app_text(
            a, (const char *const[]){row.title[LANG_ZH], row.title[LANG_EN]}),
        .sub = sub,
        .icon = row.important ? ICON_WARNING : ICON_CAMPAIGN,
        .icon_color = row.important ? th->c.red : app_accent(a, "notices")};
    int lh = text_line_height(th->body);
    bool side =
        civic_side(a, ui, body, &p, 4 * lh + th->gap + th->target + th->gap);
    struct rect col;
    civic_prompt(a, ui, dl, body, &p, side, &col, NULL);
    if (!side) {
        draw_list_rect(dl, (struct rect){col.x, col.y, col.w, 2}, th->c.line,
                       0);
        col.y += 2 + th->gap;
        col.h -= 2 + th->gap;
    }
    struct rect area = {col.x, col.y, col.w, col.h - th->target - th->gap};
    int lines_per = area.h / lh;
    if (lines_per < 1)
        lines_per = 1;
    /* count first: a change of language or mode may leave fewer pages */
    int pages = draw_body(ui, dl, area, text, -1, lines_per);
    ui_page_clamp(&st->page, pages);
    draw_body(ui, dl, area, text, st->page, lines_per);
    app_pager(
        a, ui, dl, "page",
        (struct rect){col.x, col.y + col.h - th->target, col.w, th->target},
        &st->page, pages);
    app_draw_frame(a, ui, dl, app_t(a, "notices.title"));
}

const struct screen_ops screen_notice = {
    .name = "notice",
    .state_size = sizeof(struct state),
    .enter = enter,
    .draw = draw,
};
