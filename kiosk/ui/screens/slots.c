/*
 * slots.c - the times of one volunteer activity (args.id = activity id):
 * where and who runs it, then its future slots with day, time and seats
 * left, a page at a time. A full slot is shown greyed with "已满" and
 * cannot be chosen; a slot with a seat opens booking (args.id = slot id).
 */
#include "screen.h"

#include "app.h"
#include "icons.h"
#include "store.h"
#include "volunteer.h"

#include <stdio.h>
#include <string.h>

struct slots_state {
    int page;
};

static int enter(struct screen *s, const struct screen_args *args)
{
    struct activity_row act;
    return volunteer_activity(s->app, args->id, &act);
}

/* Who and where, above the times, in at most r.h: the prompt and then
 * the organiser are left out when room is short. Returns the height
 * used. */
static int draw_about(struct app *a, struct ui *ui, struct draw_list *dl,
                      struct rect r, const struct activity_row *act)
{
    const struct theme *th = &a->theme;
    struct card_line l[3] = {
        {app_text(a, (const char *const[]){act->place[LANG_ZH],
                                           act->place[LANG_EN]}),
         ICON_PLACE, th->text_min, FONT_REGULAR, th->c.ink2, 1},
        {app_text(a,
                  (const char *const[]){act->org[LANG_ZH], act->org[LANG_EN]}),
         ICON_PERSON, th->text_min, FONT_REGULAR, th->c.ink2, 2},
        {app_t(a, "volunteer.choose_slot"), 0, th->body, FONT_BOLD, th->c.ink,
         3},
    };
    int h = volunteer_lines(ui, dl, r, l, 3);
    return h ? h + th->gap : 0;
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct slots_state *st = s->state;
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    bool elder = th->mode == MODE_ELDER;
    struct rect body = app_body(a);
    int64_t now = app_now_s(a);
    struct activity_row act;
    if (volunteer_activity(a, s->args.id, &act)) {
        /* gone with a sync while shown: nothing to choose */
        app_draw_frame(a, ui, dl, app_t(a, "volunteer.title"));
        return;
    }
    const char *title = app_text(
        a, (const char *const[]){act.name[LANG_ZH], act.name[LANG_EN]});

    int total = 0, n = 0;
    struct slot_row rows[VOLUNTEER_PAGE_MAX];
    store_slots(a->store, s->args.id, now, 0, rows, 0, &n, &total);
    int card_h = th->gap + 16 + text_line_height(th->body);
    if (card_h < th->target)
        card_h = th->target;
    /* room for a card and the page buttons comes first */
    struct rect about = body;
    about.h -= card_h + th->target + 2 * th->gap;
    int used = draw_about(a, ui, dl, about, &act);
    struct rect list = {body.x, body.y + used, body.w, body.h - used};
    if (total == 0) {
        struct text_style ts = ui_style(th->body, FONT_REGULAR, th->c.ink2,
                                        ALIGN_CENTER, ALIGN_CENTER);
        ui_text(ui, dl, list, app_t(a, "volunteer.empty"), &ts, 3, 0);
        app_draw_frame(a, ui, dl, title);
        return;
    }

    struct card_grid g;
    struct rect pager;
    int pages =
        volunteer_paged_grid(a, list, card_h, elder ? 860 : 560, elder ? 4 : 0,
                             total, &st->page, &g, &pager);
    store_slots(a->store, s->args.id, now, st->page * g.per_page, rows,
                g.per_page, &n, NULL);
    for (int i = 0; i < n; i++) {
        char id[UI_ID_MAX], when[96], seats[64];
        bool full = rows[i].remaining <= 0;
        struct card_line left = {
            volunteer_slot_time(a, &rows[i], when, sizeof(when)),
            0,
            th->body,
            FONT_BOLD,
            full ? th->c.ink2 : th->c.ink,
            0};
        struct card_line right = {
            volunteer_seats(a, rows[i].remaining, true, seats, sizeof(seats)),
            0,
            th->body,
            FONT_BOLD,
            full ? th->c.ink2 : th->c.green,
            0};
        snprintf(id, sizeof(id), "slot.%d", i);
        if (volunteer_card(ui, dl, id, volunteer_cell(&g, i), &left, 1, &right,
                           1, false, full)) {
            struct screen_args args = screen_args_id(rows[i].id);
            router_push(&a->router, &screen_booking, &args);
        }
    }
    app_pager(a, ui, dl, "page", pager, &st->page, pages);
    app_draw_frame(a, ui, dl, title);
}

const struct screen_ops screen_slots = {
    .name = "slots",
    .state_size = sizeof(struct slots_state),
    .enter = enter,
    .draw = draw,
};
