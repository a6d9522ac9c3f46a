/*
 * booked.c - the booking's outcome (args.id = confirmation code): booked,
 * or recorded but pending (beyond this kiosk's offline quota, the center
 * confirms it), with the code in very large type, its QR, what to do next,
 * what was booked and the masked number; 完成 goes home. Right after a
 * booking it prints a slip when the kiosk has a printer, and says plainly
 * when the slip could not be printed (the code and QR stay on screen).
 * A scan of the QR opens it again (devices.h), without a slip.
 */
#include "screen.h"

#include "app.h"
#include "devices.h"
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
    int job; /* the slip's print job, 0 if none */
};

/* "label：value" into a slip line, the label from the catalog. */
static void slip_line(struct app *a, struct slip *sl, const char *key,
                      const char *value)
{
    if (sl->n_lines < SLIP_LINES && value && *value) {
        const char *pairs[] = {"v", value, NULL};
        app_fmt(a, key, sl->lines[sl->n_lines++], SLIP_LINE_MAX, pairs);
    }
}

/* The slip of booking b: center, activity, time, place, masked phone,
 * code and its QR. */
static void make_slip(struct app *a, const struct booking *b, const char *qr,
                      struct slip *sl)
{
    memset(sl, 0, sizeof(*sl));
    const char *center[] = {a->cfg.center[LANG_ZH], a->cfg.center[LANG_EN]};
    snprintf(sl->title, sizeof(sl->title), "%s", app_text(a, center));
    struct slot_row slot;
    struct activity_row act;
    if (store_slot(a->store, b->slot, &slot) == 0) {
        char when[96];
        bool found = volunteer_activity(a, slot.activity, &act) == 0;
        const char *name[] = {act.name[LANG_ZH], act.name[LANG_EN]};
        const char *place[] = {act.place[LANG_ZH], act.place[LANG_EN]};
        if (found)
            slip_line(a, sl, "slip.activity", app_text(a, name));
        slip_line(a, sl, "slip.time",
                  volunteer_slot_time(a, &slot, when, sizeof(when)));
        if (found)
            slip_line(a, sl, "slip.place", app_text(a, place));
    }
    slip_line(a, sl, "slip.phone", b->phone_masked);
    slip_line(a, sl, "slip.status",
              app_t(a, b->status == BOOKING_CONFIRMED ? "slip.confirmed"
                                                      : "slip.pending"));
    snprintf(sl->code_label, sizeof(sl->code_label), "%s",
             app_t(a, "booking.code"));
    snprintf(sl->code, sizeof(sl->code), "%s", b->code);
    snprintf(sl->qr, sizeof(sl->qr), "%s", qr);
    snprintf(sl->footer, sizeof(sl->footer), "%s",
             app_t(a, b->status == BOOKING_CONFIRMED ? "booking.confirmed.hint"
                                                     : "booking.pending.body"));
}

static int enter(struct screen *s, const struct screen_args *args)
{
    struct booked_state *st = s->state;
    struct booking b;
    int rc = store_booking_by_code(s->app->store, args->id, &b);
    if (rc)
        return rc;
    char text[32];
    snprintf(text, sizeof(text), BOOKING_QR_PREFIX "%s", b.code);
    /* without a QR the code on screen is still all a resident needs */
    st->has_qr = qr_encode(text, &st->qr) == 0;
    if (args->n != BOOKED_BY_SCAN && devices_can_print(&s->app->devices)) {
        struct slip sl;
        make_slip(s->app, &b, text, &sl);
        st->job = devices_print(&s->app->devices, &sl);
    }
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

static bool print_failed(struct app *a, const struct booked_state *st)
{
    enum slip_result r = devices_print_result(&a->devices, st->job);
    return r != SLIP_NONE && r != SLIP_PRINTING && r != SLIP_PRINTED;
}

/* What the slip's job says, NULL if there is none; while it prints the
 * screen looks again soon. */
static const char *print_status(struct app *a, const struct booked_state *st)
{
    switch (devices_print_result(&a->devices, st->job)) {
    case SLIP_NONE:
        return NULL;
    case SLIP_PRINTING:
        app_wake_at(a, app_mono_ms(a) + 250);
        return app_t(a, "print.printing");
    case SLIP_PRINTED:
        return app_t(a, "print.done");
    case SLIP_NO_PAPER:
        return app_t(a, "slip.failed.paper");
    default:
        return app_t(a, "slip.failed");
    }
}

/* The height of the printer's message and the gap under it; 0 if none. */
static int msg_height(struct ui *ui, int w, const char *msg)
{
    return msg ? ui_text_height(ui, w, msg, ui->th->body, FONT_BOLD, 5) +
                     ui->th->gap
               : 0;
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
    /* room for what the printer did comes off the code's */
    const char *print_msg = print_status(a, st);
    int msg_h = msg_height(ui, col.w, print_msg);
    int code_min = text_line_height(th->big) + gap;
    if (msg_h > col.h - code_min && print_failed(a, st)) {
        /* a low screen: the code first, then the short word */
        print_msg = app_t(a, "slip.failed.short");
        msg_h = msg_height(ui, col.w, print_msg);
    }
    if (msg_h > col.h - code_min) {
        print_msg = NULL;
        msg_h = 0;
    }
    col.h -= msg_h;
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
    /* whether the slip printed, in the room kept for it: a resident
     * without a slip must be told to note the code */
    col.h += msg_h;
    struct rect printed = {0};
    if (print_msg)
        place(&col, msg_h - gap, gap, &printed);
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
    if (print_msg)
        text_in(ui, dl, printed, print_msg, th->body, FONT_BOLD,
                print_failed(a, st) ? c->brown : c->ink, 5);
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
