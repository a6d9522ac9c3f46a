/*
 * booked.c - the booking's outcome (args.id = confirmation code): booked,
 * or recorded but pending (beyond this kiosk's offline quota, the center
 * confirms it), with the code in very large type, its QR, what to do next,
 * what was booked and the masked number; 完成 goes home.
 */
#include "screen.h"

#include "app.h"
#include "err.h"
#include "icons.h"
#include "qr.h"
#include "store.h"
#include "volunteer.h"

#include <stdio.h>
#include <string.h>

struct booked_state {
    struct qr qr; /* made once on enter: encoding allocates */
    bool has_qr;
};

static int enter(struct screen *s, const struct screen_args *args)
{
    struct booked_state *st = s->state;
    struct booking b;
    int rc = store_booking_by_code(s->app->store, args->id, &b);
    if (rc)
        return rc;
    char text[32];
    snprintf(text, sizeof(text), "LINLI:BOOK:%s", b.code);
    /* without a QR the code on screen is still all a resident needs */
    st->has_qr = qr_encode(text, &st->qr) == 0;
    return 0;
}

static void leave(struct screen *s)
{
    struct booked_state *st = s->state;
    if (st->has_qr)
        qr_release(&st->qr);
}

/* The parts a column stacks: each placed only while it fits. */
static int place(struct rect *col, int h, int gap, struct rect *out)
{
    if (h > col->h) {
        *out = (struct rect){0};
        return 0;
    }
    *out = (struct rect){col->x, col->y, col->w, h};
    col->y += h + gap;
    col->h -= h + gap;
    return h;
}

/* The QR's caption, unless the card is too small for the code and two
 * lines of it (ui_qr() gives it two lines). */
static const char *qr_caption(struct app *a, struct ui *ui, struct rect r)
{
    const struct theme *th = &a->theme;
    const char *cap = app_t(a, "booking.qr.caption");
    int two = 2 * text_line_height(th->text_min);
    int h = ui_text_height(ui, r.w - 32, cap, th->text_min, FONT_REGULAR, 3);
    return h <= two && r.h - 32 - h >= 200 ? cap : NULL;
}

/* Text in r, top-left, unless r was left out. */
static void text_in(struct ui *ui, struct draw_list *dl, struct rect r,
                    const char *text, int px, enum font_weight wt,
                    struct rgba color, int max_lines)
{
    if (rect_empty(r))
        return;
    struct text_style ts = ui_style(px, wt, color, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, r, text, &ts, max_lines, 0);
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct booked_state *st = s->state;
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    struct rect body = app_body(a);
    struct booking b;
    if (store_booking_by_code(a->store, s->args.id, &b)) {
        app_draw_frame(a, ui, dl, app_t(a, "booking.title"));
        return;
    }
    bool ok = b.status == BOOKING_CONFIRMED;
    int gap = th->gap;

    /* 完成 at the bottom; the QR on the right in landscape, under the
     * code in portrait */
    struct rect done = {body.x, body.y + body.h - th->primary,
                        body.w < 900 ? body.w : body.w / 2, th->primary};
    struct rect col = {body.x, body.y, body.w, done.y - gap - body.y};
    struct rect qr_r = {0};
    const char *outcome =
        app_t(a, ok ? "booking.confirmed.title" : "booking.pending.title");
    int qr_side = 560;
    if (a->w > a->h) {
        if (qr_side > body.h)
            qr_side = body.h;
        if (qr_side > body.w / 3)
            qr_side = body.w / 3;
        struct rect right = {body.x + body.w - qr_side, body.y, qr_side,
                             body.h};
        col.w = body.w - qr_side - 2 * gap;
        done.w = col.w < done.w ? col.w : done.w;
        /* too low for outcome, code, number and 完成 in one column:
         * 完成 goes under the QR, which shrinks or, if it must, goes */
        int need = ui_text_height(ui, col.w - th->title - 16, outcome,
                                  th->title, FONT_BOLD, 2) +
                   text_line_height(th->big) + text_line_height(th->body) +
                   th->primary + 3 * gap;
        if (need > body.h) {
            done = (struct rect){right.x, body.y + body.h - th->primary,
                                 right.w, th->primary};
            col.h = body.h;
            if (qr_side > body.h - th->primary - gap)
                qr_side = body.h - th->primary - gap;
        }
        if (qr_side >= 240)
            qr_r = (struct rect){right.x + right.w - qr_side, body.y, qr_side,
                                 qr_side};
    }

    struct rect title, label, code, qr_p = {0}, next, phone, summary;
    int tlh = text_line_height(th->title);
    place(&col,
          ui_text_height(ui, col.w - th->title - 16, outcome, th->title,
                         FONT_BOLD, 2),
          gap / 2, &title);
    /* the code as large as room allows under it for the masked number,
     * never below the big size: the label over it goes first */
    int lh = text_line_height(th->text_min);
    int room = col.h - text_line_height(th->body) - 2 * gap;
    int code_px = th->big * 2;
    if (text_line_height(code_px) + lh > room)
        code_px = (room - lh) * 10 / 14;
    if (code_px < th->big) {
        lh = 0;
        code_px = room * 10 / 14;
        code_px = code_px < th->big       ? th->big
                  : code_px > th->big * 2 ? th->big * 2
                                          : code_px;
    }
    place(&col, lh, 0, &label);
    place(&col, text_line_height(code_px), gap, &code);
    place(&col, text_line_height(th->body), gap, &phone);
    if (a->w <= a->h && col.h >= qr_side + gap) {
        place(&col, qr_side, gap, &qr_p);
        qr_p.x += (qr_p.w - qr_side) / 2;
        qr_p.w = qr_side;
        qr_r = qr_p;
    }
    const char *hint =
        app_t(a, ok ? "booking.confirmed.hint" : "booking.pending.body");
    place(&col, ui_text_height(ui, col.w, hint, th->body, FONT_REGULAR, 4), gap,
          &next);
    place(&col, volunteer_summary(a, ui, NULL, col, b.slot), gap, &summary);

    /* the outcome, in a word and an icon as well as a colour */
    draw_list_icon(dl, (struct rect){title.x, title.y, th->title, tlh},
                   ok ? ICON_EVENT_OK : ICON_SCHEDULE, th->title,
                   ok ? c->green : c->brown);
    title.x += th->title + 16;
    title.w -= th->title + 16;
    text_in(ui, dl, title, outcome, th->title, FONT_BOLD, c->ink, 2);
    text_in(ui, dl, label, app_t(a, "booking.code"), th->text_min, FONT_REGULAR,
            c->ink2, 1);
    text_in(ui, dl, code, b.code, code_px, FONT_BOLD, c->ink, 1);
    if (st->has_qr && !rect_empty(qr_r))
        ui_qr(ui, dl, qr_r, &st->qr, qr_caption(a, ui, qr_r));
    text_in(ui, dl, next, hint, th->body, FONT_REGULAR, c->ink, 4);
    if (!rect_empty(phone)) {
        char line[64];
        const char *pairs[] = {"phone", b.phone_masked, NULL};
        app_fmt(a, "booking.phone.masked", line, sizeof(line), pairs);
        draw_list_icon(dl, (struct rect){phone.x, phone.y, th->body, phone.h},
                       ICON_PHONE, th->body, c->ink2);
        phone.x += th->body + 12;
        phone.w -= th->body + 12;
        text_in(ui, dl, phone, line, th->body, FONT_REGULAR, c->ink, 1);
    }
    if (!rect_empty(summary))
        volunteer_summary(a, ui, dl, summary, b.slot);

    struct button btn = {.label = app_t(a, "booking.done"),
                         .icon = ICON_HOME,
                         .look = LOOK_FILLED,
                         .color = c->red,
                         .primary = true};
    if (ui_button(ui, dl, "booked.done", done, &btn))
        router_home(&a->router);
    app_draw_frame(a, ui, dl, app_t(a, "booking.title"));
}

const struct screen_ops screen_booked = {
    .name = "booked",
    .state_size = sizeof(struct booked_state),
    .enter = enter,
    .leave = leave,
    .draw = draw,
};
