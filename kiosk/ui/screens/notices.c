/*
 * notices.c - the community notices in force now, important ones first
 * (marked 重要 with an icon and a word, not by colour alone), in pages;
 * each row says when it was posted and until when it holds. A tap opens
 * the notice.
 */
#include "screen.h"

#include "app.h"
#include "civic.h"
#include "icons.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

#define MAX_ROWS 10

struct state {
    int page;
};

/* The detail lines a row needs at width w: one unless the dates line of
 * a sample notice would crowd it. */
static int detail_lines(struct app *a, int w)
{
    const struct theme *th = &a->theme;
    char sample[256];
    int64_t now = app_now_s(a);
    civic_notice_dates(a, now, now + 86400, sample, sizeof(sample));
    /* room left by the icon, the 重要 pill and padding */
    int room = w - 48 - th->body * 5 / 4 - 16 - th->text_min * 4 - 16;
    int need =
        text_width(&a->tm, sample, strlen(sample), th->text_min, FONT_REGULAR);
    return need * 10 > room * 8 ? 2 : 1;
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    const char *title = app_t(a, "notices.title");

    struct rect list = {body.x, body.y, body.w, body.h - th->target - th->gap};
    int row_h = civic_row_h(th, detail_lines(a, list.w));
    int per = ui_fit(list.h, row_h, th->gap);
    if (th->max_choices && per > th->max_choices)
        per = th->max_choices;
    if (per > MAX_ROWS)
        per = MAX_ROWS;

    struct notice_row rows[MAX_ROWS];
    int n = 0, total = 0;
    store_notices(a->store, app_now_s(a), st->page * per, rows, per, &n,
                  &total);
    if (total == 0) {
        struct civic_message m = {.icon = ICON_CAMPAIGN,
                                  .color = app_accent(a, "notices"),
                                  .title = app_t(a, "notices.empty")};
        civic_message(a, ui, dl, body, &m);
        app_draw_frame(a, ui, dl, title);
        return;
    }
    for (int i = 0; i < n; i++) {
        const struct notice_row *r = &rows[i];
        char dates[256], id[UI_ID_MAX];
        civic_notice_dates(a, r->start, r->end, dates, sizeof(dates));
        struct civic_row row = {
            .title = app_text(
                a, (const char *const[]){r->title[LANG_ZH], r->title[LANG_EN]}),
            .detail = dates,
            .icon = r->important ? ICON_WARNING : ICON_CAMPAIGN,
            .icon_color = r->important ? th->c.red : app_accent(a, "notices"),
            .aside = {.text =
                          r->important ? app_t(a, "notices.important") : NULL,
                      .color = th->c.red,
                      .pill = true,
                      .right = true}};
        struct rect rr = {list.x, list.y + i * (row_h + th->gap), list.w,
                          row_h};
        snprintf(id, sizeof(id), "notice.%d", st->page * per + i);
        if (civic_row(ui, dl, id, rr, &row)) {
            struct screen_args args = screen_args_id(r->id);
            router_push(&a->router, &screen_notice, &args);
        }
    }
    app_pager(
        a, ui, dl, "page",
        (struct rect){body.x, body.y + body.h - th->target, body.w, th->target},
        &st->page, (total + per - 1) / per);
    app_draw_frame(a, ui, dl, title);
}

const struct screen_ops screen_notices = {
    .name = "notices",
    .state_size = sizeof(struct state),
    .draw = draw,
};
