/*
 * activities.c - the volunteer activities (志愿服务) as cards, a page at a
 * time: name, place, organiser, the seats left and the next time with a
 * seat. A tap opens the activity's times (slots, args.id = activity id).
 * 长辈版 shows at most four cards a page.
 */
#include "screen.h"

#include "app.h"
#include "icons.h"
#include "store.h"
#include "volunteer.h"

#include <stdio.h>
#include <string.h>

struct activities_state {
    int page;
};

/* The lines of one activity's card: name, place, organiser on the left;
 * seats and the next time on the right. */
static void card_lines(struct app *a, const struct activity_row *r, char *next,
                       size_t next_len, char *seats, size_t seats_len,
                       struct card_line left[3], struct card_line right[2])
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    next[0] = '\0';
    if (r->next_start > 0) {
        char t[64];
        app_format_time(a, r->next_start, true, t, sizeof(t));
        const char *pairs[] = {"time", t, NULL};
        app_fmt(a, "volunteer.next", next, next_len, pairs);
    }
    volunteer_seats(a, r->seats_left, false, seats, seats_len);
    /* when a card is short of room the organiser is left out first,
     * then the place, then the next time: never the name or the seats */
    left[0] = (struct card_line){
        app_text(a, (const char *const[]){r->name[LANG_ZH], r->name[LANG_EN]}),
        0,
        th->body,
        FONT_BOLD,
        c->ink,
        0};
    left[1] = (struct card_line){
        app_text(a,
                 (const char *const[]){r->place[LANG_ZH], r->place[LANG_EN]}),
        ICON_PLACE,
        th->text_min,
        FONT_REGULAR,
        c->ink2,
        2};
    left[2] = (struct card_line){
        app_text(a, (const char *const[]){r->org[LANG_ZH], r->org[LANG_EN]}),
        ICON_PERSON,
        th->text_min,
        FONT_REGULAR,
        c->ink2,
        3};
    right[0] = (struct card_line){
        seats, 0, th->body, FONT_BOLD, r->seats_left > 0 ? c->green : c->ink2,
        0};
    right[1] = (struct card_line){next,         ICON_SCHEDULE, th->text_min,
                                  FONT_REGULAR, c->ink,        1};
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct activities_state *st = s->state;
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    bool elder = th->mode == MODE_ELDER;
    struct rect body = app_body(a);
    int64_t now = app_now_s(a);

    int total = 0, n = 0;
    struct activity_row rows[VOLUNTEER_PAGE_MAX];
    store_activities(a->store, now, 0, rows, 0, &n, &total);
    if (total == 0) {
        struct text_style ts = ui_style(th->body, FONT_REGULAR, th->c.ink2,
                                        ALIGN_CENTER, ALIGN_CENTER);
        ui_text(ui, dl, body, app_t(a, "volunteer.empty"), &ts, 3, 0);
        app_draw_frame(a, ui, dl, app_t(a, "volunteer.title"));
        return;
    }

    /* a card holds two lines of the body size (name and seats, or a
     * long name) and two smaller ones; 长辈版 stacks them all in a
     * column, which reads better in big type */
    int card_h = th->gap + 16 + 2 * text_line_height(th->body) +
                 2 * text_line_height(th->text_min);
    struct card_grid g;
    struct rect pager;
    int pages =
        volunteer_paged_grid(a, body, card_h, elder ? 860 : 800, elder ? 4 : 0,
                             total, &st->page, &g, &pager);
    store_activities(a->store, now, st->page * g.per_page, rows, g.per_page, &n,
                     NULL);
    for (int i = 0; i < n; i++) {
        char id[UI_ID_MAX], next[128], seats[64];
        struct card_line left[3], right[2];
        card_lines(a, &rows[i], next, sizeof(next), seats, sizeof(seats), left,
                   right);
        snprintf(id, sizeof(id), "act.%d", i);
        if (volunteer_card(ui, dl, id, volunteer_cell(&g, i), left, 3, right, 2,
                           elder, false)) {
            struct screen_args args = screen_args_id(rows[i].id);
            router_push(&a->router, &screen_slots, &args);
        }
    }
    app_pager(a, ui, dl, "page", pager, &st->page, pages);
    app_draw_frame(a, ui, dl, app_t(a, "volunteer.title"));
}

const struct screen_ops screen_activities = {
    .name = "activities",
    .state_size = sizeof(struct activities_state),
    .draw = draw,
};
