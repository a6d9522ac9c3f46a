/*
 * staff_pin.c - the staff PIN, reached by holding the top-left corner
 * (app.c). The PIN is typed on the keypad and shown as dots; 确定 checks
 * it (pin.h: a slow hash, five wrong tries lock entry for five minutes,
 * shown with the minutes left and the keypad disabled). A right PIN
 * replaces this screen with staff. What is typed is wiped after every
 * check and when the screen is left.
 */
#include "screen.h"

#include "app.h"
#include "icons.h"
#include "pin.h"

#include <stdio.h>
#include <string.h>

struct staff_pin_state {
    char pin[PIN_MAX_DIGITS + 1];
    bool wrong; /* the last check was a wrong PIN: said until the next */
};

static void leave(struct screen *s)
{
    memset(s->state, 0, sizeof(struct staff_pin_state));
}

static void check(struct screen *s)
{
    struct staff_pin_state *st = s->state;
    struct app *a = s->app;
    enum pin_result r =
        pin_check(&a->pin, a->cfg.pin_hash, st->pin, app_mono_ms(a));
    memset(st->pin, 0, sizeof(st->pin));
    st->wrong = r == PIN_WRONG;
    if (r == PIN_OK)
        router_replace(&a->router, &screen_staff, NULL);
}

/* One dot per digit typed, in a field like the booking's number. */
static void draw_dots(struct app *a, struct draw_list *dl, struct rect r,
                      size_t n)
{
    const struct theme *th = &a->theme;
    draw_list_rect(dl, r, th->c.card, 12);
    draw_list_outline(dl, r, th->c.ink2, 3, 12);
    int d = th->body, step = d + d / 2;
    int x = r.x + (r.w - (int)n * step + d / 2) / 2;
    for (size_t i = 0; i < n; i++)
        draw_list_rect(
            dl, (struct rect){x + (int)i * step, r.y + (r.h - d) / 2, d, d},
            th->c.ink, d / 2);
}

/* Why 确定 does nothing now, or NULL: locked (with the minutes left), or
 * the last PIN was wrong (with the tries left). */
static const char *message(struct app *a, const struct staff_pin_state *st,
                           bool locked, char *out, size_t len)
{
    char n[16];
    if (locked) {
        int64_t left = a->pin.locked_until - app_mono_ms(a);
        snprintf(n, sizeof(n), "%d", (int)((left + 59999) / 60000));
        const char *pairs[] = {"min", n, NULL};
        /* redraw when the minute count changes, and at the unlock */
        app_wake_at(a, app_mono_ms(a) + (left % 60000 ? left % 60000 : 60000));
        return app_fmt(a, "staff.pin.locked", out, len, pairs);
    }
    if (!st->wrong)
        return NULL;
    char tries[64];
    snprintf(n, sizeof(n), "%d", PIN_MAX_TRIES - a->pin.fails);
    const char *pairs[] = {"n", n, NULL};
    app_fmt(a, "staff.pin.tries_left", tries, sizeof(tries), pairs);
    snprintf(out, len, "%s %s", app_t(a, "staff.pin.wrong"), tries);
    return out;
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct staff_pin_state *st = s->state;
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    bool locked = pin_locked(&a->pin, app_mono_ms(a));
    int gap = th->gap, lh = text_line_height(th->body);

    /* keypad on the right in landscape, under the dots in portrait */
    struct rect col = body, pad = {0};
    int key_h = th->target * 4 / 3;
    if (a->w > a->h) {
        int kw = body.w / 2;
        col.w = body.w - kw - 2 * gap;
        int kh = 4 * key_h + 3 * gap;
        pad = (struct rect){body.x + body.w - kw, body.y, kw,
                            kh < body.h ? kh : body.h};
    }
    /* on a low screen the title makes way for the rest */
    int title_h = lh + 8;
    if (!rect_empty(pad) &&
        title_h + th->target + 2 * lh + th->primary + 2 * gap > col.h)
        title_h = 0;
    struct rect title = {col.x, col.y, col.w, title_h ? lh : 0};
    struct rect dots = {col.x, col.y + title_h, col.w, th->target};
    struct rect ok = {col.x, col.y + col.h - th->primary, col.w, th->primary};
    struct rect msg = {col.x, ok.y - gap - 2 * lh, col.w, 2 * lh};
    if (rect_empty(pad)) {
        /* portrait: bigger keys, the message and 确定 right under them */
        int top = dots.y + dots.h + gap;
        int kh = msg.y - gap - top;
        if (kh > 4 * th->target * 2 + 3 * gap)
            kh = 4 * th->target * 2 + 3 * gap;
        pad = (struct rect){col.x, top, col.w, kh};
        msg.y = pad.y + pad.h + gap;
        ok.y = msg.y + msg.h + gap;
    }

    struct text_style ts =
        ui_style(th->body, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_CENTER);
    if (!rect_empty(title))
        ui_text(ui, dl, title, app_t(a, "staff.pin.title"), &ts, 1, 0);
    draw_dots(a, dl, dots, strlen(st->pin));

    /* locked: the keys take no input and look it */
    bool blocked = ui->blocked;
    ui->blocked = blocked || locked;
    int first = ui->n_el;
    ui_keypad(ui, dl, "key", pad, st->pin, sizeof(st->pin), PIN_MAX_DIGITS,
              app_t(a, "booking.phone.delete"),
              app_t(a, "booking.phone.clear"));
    ui->blocked = blocked;
    if (locked) {
        for (int i = first; i < ui->n_el; i++)
            ui->el[i].disabled = true;
        draw_list_rect(dl, pad, rgba_alpha(th->c.paper, 200), 0);
    }

    char text[192];
    const char *why = message(a, st, locked, text, sizeof(text));
    if (why) {
        draw_list_icon(dl, (struct rect){msg.x, msg.y, th->body, lh},
                       locked ? ICON_LOCK : ICON_WARNING, th->body, th->c.red);
        ts = ui_style(th->body, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_START);
        ui_text(ui, dl,
                (struct rect){msg.x + th->body + 12, msg.y,
                              msg.w - th->body - 12, msg.h},
                why, &ts, 2, 0);
    }
    bool ready = !locked && strlen(st->pin) >= PIN_MIN_DIGITS;
    struct button b = {.label = app_t(a, "staff.pin.ok"),
                       .icon = ICON_LOCK,
                       .look = ready ? LOOK_FILLED : LOOK_CARD,
                       .color = th->c.slate,
                       .primary = true,
                       .disabled = !ready};
    bool enter = ui->ev && !ui->blocked && ui->ev->kind == INPUT_KEY &&
                 ui->ev->key == KEY_SELECT;
    if (ui_button(ui, dl, "pin.ok", ok, &b) || (ready && enter))
        check(s);
    app_draw_frame(a, ui, dl, app_t(a, "staff.title"));
}

const struct screen_ops screen_staff_pin = {
    .name = "staff_pin",
    .state_size = sizeof(struct staff_pin_state),
    .leave = leave,
    .draw = draw,
};
