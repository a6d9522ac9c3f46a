/*
 * booking.c - booking a seat of a volunteer slot (args.id = slot id): what
 * is booked, the mobile number on the keypad, the privacy notice (PIPL
 * art. 17) with an unticked consent box, and the confirm button, which
 * says in words why it is not yet enabled. 长辈版, and any screen too
 * small for all of it at once, splits it in steps: the number, then the
 * notice, consent and confirm (on a very low screen the notice alone,
 * then consent and confirm). The number lives only in this screen's
 * state and is wiped when the screen is left.
 */
#include "screen.h"

#include "app.h"
#include "err.h"
#include "icons.h"
#include "store.h"
#include "volunteer.h"

#include <stdio.h>
#include <string.h>

#define PHONE_DIGITS 11

struct booking_state {
    char phone[PHONE_DIGITS + 1];
    bool consent;
    int step;         /* in steps: 0 or 1 the number, 2 the notice (and,
                         when they fit, consent and confirm), 3 those */
    int privacy_page; /* when the notice needs pages */
    int refused;      /* store_book's last refusal, 0 none */
    bool read_out;    /* the summary, since confirm was last enabled */
};

static int enter(struct screen *s, const struct screen_args *args)
{
    struct slot_row slot;
    return store_slot(s->app->store, args->id, &slot);
}

static void leave(struct screen *s)
{
    /* the number must not outlive the screen (DESIGN §7) */
    memset(s->state, 0, sizeof(struct booking_state));
}

/* ---- the number ------------------------------------------------------ */

/* A mainland mobile number so far: false once it cannot become one. */
static bool phone_plausible(const char *p)
{
    return (!p[0] || p[0] == '1') &&
           (!p[0] || !p[1] || (p[1] >= '3' && p[1] <= '9'));
}

static bool phone_valid(const char *p)
{
    char masked[16];
    return phone_mask(p, masked);
}

/* What the field shows: "138 1234 5" while typing, "138****5678" once
 * complete. */
static void phone_display(const char *p, char out[24])
{
    if (phone_mask(p, out))
        return;
    size_t n = strlen(p), o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 3 || i == 7)
            out[o++] = ' ';
        out[o++] = p[i];
    }
    out[o] = '\0';
}

/* ---- why confirm is not enabled -------------------------------------- */

struct reason {
    const char *text;
    bool error; /* a refusal, not a step still to do */
    bool retry; /* the action may be tried again all the same */
};

/* Why the action (下一步 when phone_only, else confirm) is not enabled,
 * or {NULL} when it is. */
static struct reason why_not(struct app *a, const struct booking_state *st,
                             const char *slot_id, bool phone_only, char *buf,
                             size_t len)
{
    struct slot_row slot;
    struct reason r = {NULL, true, false};
    bool full =
        store_slot(a->store, slot_id, &slot) == 0 && slot.remaining <= 0;
    if (st->refused == ERR_EXISTS)
        r.text = app_t(a, "booking.already");
    else if (st->refused == ERR_FULL || full)
        r.text = app_t(a, "booking.full");
    else if (st->refused == ERR_INVALID || st->refused == ERR_NOT_FOUND)
        r.text = app_t(a, "booking.unavailable");
    else if (st->refused)
        r.text = app_t(a, "error.generic"), r.retry = true;
    else if (!phone_plausible(st->phone) ||
             (strlen(st->phone) == PHONE_DIGITS && !phone_valid(st->phone)))
        r.text = app_t(a, "booking.phone.invalid");
    if (r.text)
        return r;
    r.error = false;
    size_t n = strlen(st->phone);
    if (n < PHONE_DIGITS) {
        char left[8];
        snprintf(left, sizeof(left), "%d", (int)(PHONE_DIGITS - n));
        const char *pairs[] = {"n", left, NULL};
        r.text = app_fmt(a, "booking.phone.incomplete", buf, len, pairs);
    } else if (!phone_only && !st->consent) {
        r.text = app_t(a, "booking.consent.required");
    }
    return r;
}

/* ---- pieces of the layout ------------------------------------------- */

static int field_h(const struct theme *th)
{
    return th->target > text_line_height(th->big) + 16
               ? th->target
               : text_line_height(th->big) + 16;
}

static int phone_h(const struct theme *th)
{
    return text_line_height(th->body) + 8 + field_h(th);
}

/* "请输入您的手机号" over the field. */
static void draw_phone(struct app *a, struct ui *ui, struct draw_list *dl,
                       struct rect r, const struct booking_state *st)
{
    const struct theme *th = &a->theme;
    struct text_style ts =
        ui_style(th->body, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_START);
    int lh = text_line_height(th->body);
    ui_text(ui, dl, (struct rect){r.x, r.y, r.w, lh},
            app_t(a, "booking.phone.title"), &ts, 1, 0);
    char shown[24];
    phone_display(st->phone, shown);
    volunteer_field(ui, dl, (struct rect){r.x, r.y + lh + 8, r.w, field_h(th)},
                    shown, app_t(a, "booking.phone.label"));
}

static void draw_keypad(struct app *a, struct ui *ui, struct draw_list *dl,
                        struct rect r, struct booking_state *st)
{
    if (ui_keypad(ui, dl, "key", r, st->phone, sizeof(st->phone), PHONE_DIGITS,
                  app_t(a, "booking.phone.delete"),
                  app_t(a, "booking.phone.clear")))
        st->refused = 0;
}

/* The keypad's height for a width and the room there is: keys a little
 * wider than tall, up to twice the theme's target (portrait has the
 * height for them) and never below the smallest target. */
static int keypad_h(const struct theme *th, int w, int room)
{
    int key = (w - 2 * th->gap) / 3 * 3 / 4;
    if (key > th->target * 2)
        key = th->target * 2;
    if (key < th->target)
        key = th->target;
    int h = 4 * key + 3 * th->gap;
    if (h > room) {
        h = room;
        int min = 4 * th->min_target + 3 * th->gap;
        if (h < min)
            h = min;
    }
    return h;
}

/* The message's height at width w: one line, or two when it needs them
 * (it is never cut). */
static int message_h(struct app *a, struct ui *ui, int w, const char *msg)
{
    const struct theme *th = &a->theme;
    int one = text_line_height(th->body);
    if (!msg)
        return one;
    int h = ui_text_height(ui, w - th->body - 12, msg, th->body, FONT_BOLD, 2);
    return h > one ? h : one;
}

static void draw_message(struct app *a, struct ui *ui, struct draw_list *dl,
                         struct rect r, struct reason why)
{
    const struct theme *th = &a->theme;
    if (!why.text || rect_empty(r))
        return;
    int ipx = th->body;
    draw_list_icon(dl, (struct rect){r.x, r.y, ipx, r.h},
                   why.error ? ICON_WARNING : ICON_INFO, ipx,
                   why.error ? th->c.red : th->c.ink2);
    struct text_style ts =
        ui_style(th->body, why.error ? FONT_BOLD : FONT_REGULAR, th->c.ink,
                 ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, (struct rect){r.x + ipx + 12, r.y, r.w - ipx - 12, r.h},
            why.text, &ts, 2, 0);
}

/* Wraps s into lines at w (more than TEXT_MAX_LINES if need be), writing
 * the start and length of each of up to max lines. Returns the count. */
static int wrap_all(struct ui *ui, const char *s, int px, int w, size_t *start,
                    size_t *len, int max)
{
    size_t off = 0, n = strlen(s);
    int count = 0;
    while (off < n && count < max) {
        struct text_lines tl;
        text_wrap(ui->tm, s + off, px, FONT_REGULAR, w, TEXT_MAX_LINES, &tl);
        if (tl.n == 0)
            break;
        for (int i = 0; i < tl.n && count < max; i++) {
            start[count] = off + tl.start[i];
            len[count++] = tl.len[i];
        }
        off += tl.start[tl.n - 1] + tl.len[tl.n - 1];
        if (!tl.overflow)
            break;
    }
    return count;
}

#define PRIVACY_LINES 48
#define PRIVACY_PAD   16

/* The privacy notice's height at width w: whole, or the least it is
 * shown with (its title, one line and the page buttons). */
static int privacy_h(struct app *a, struct ui *ui, int w, bool whole)
{
    const struct theme *th = &a->theme;
    size_t start[PRIVACY_LINES], len[PRIVACY_LINES];
    int n = whole ? wrap_all(ui, app_t(a, "booking.privacy.body"), th->text_min,
                             w - 2 * PRIVACY_PAD, start, len, PRIVACY_LINES)
                  : 1;
    return text_line_height(th->body) + n * text_line_height(th->text_min) +
           2 * PRIVACY_PAD + (whole ? 0 : th->target + th->gap);
}

/* The notice in r, on pages when r is too low for it; their buttons in
 * pager, or at the foot of r when pager is empty. */
static void draw_privacy(struct app *a, struct ui *ui, struct draw_list *dl,
                         struct rect r, struct rect pager,
                         struct booking_state *st)
{
    const struct theme *th = &a->theme;
    draw_list_rect(dl, r, th->c.card, 12);
    draw_list_outline(dl, r, th->c.line, 2, 12);
    struct rect in = rect_inset(r, PRIVACY_PAD);
    int lh = text_line_height(th->body);
    draw_list_icon(dl, (struct rect){in.x, in.y, th->body, lh}, ICON_LOCK,
                   th->body, th->c.ink2);
    struct text_style ts =
        ui_style(th->body, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl,
            (struct rect){in.x + th->body + 12, in.y, in.w - th->body - 12, lh},
            app_t(a, "booking.privacy.title"), &ts, 1, 0);
    const char *body = app_t(a, "booking.privacy.body");
    size_t start[PRIVACY_LINES], len[PRIVACY_LINES];
    int n = wrap_all(ui, body, th->text_min, in.w, start, len, PRIVACY_LINES);
    int blh = text_line_height(th->text_min);
    struct rect text = {in.x, in.y + lh, in.w, in.h - lh};
    int per = text.h / blh;
    if (per < n && rect_empty(pager)) {
        pager = (struct rect){in.x, in.y + in.h - th->target, in.w, th->target};
        text.h -= th->target + th->gap;
        per = text.h / blh;
    }
    if (per < 1)
        per = 1;
    int pages = (n + per - 1) / per;
    if (st->privacy_page >= pages)
        st->privacy_page = pages - 1;
    ts = ui_style(th->text_min, FONT_REGULAR, th->c.ink, ALIGN_START,
                  ALIGN_CENTER);
    char line[512];
    for (int i = 0; i < per; i++) {
        int k = st->privacy_page * per + i;
        if (k >= n)
            break;
        size_t l = len[k] < sizeof(line) - 1 ? len[k] : sizeof(line) - 1;
        memcpy(line, body + start[k], l);
        line[l] = '\0';
        draw_list_text(dl, (struct rect){text.x, text.y + i * blh, text.w, blh},
                       line, &ts);
    }
    app_pager(a, ui, dl, "privacy", pager, &st->privacy_page, pages);
}

/* The consent box's height at width w: its label may take three lines. */
static int consent_h(struct app *a, struct ui *ui, int w)
{
    const struct theme *th = &a->theme;
    int h = th->target;
    for (int i = 0; i < 2; i++) {
        /* ui_checkbox(): a box half the height, the label after it */
        int text =
            ui_text_height(ui, w - h / 2 - 72, app_t(a, "booking.consent"),
                           th->body, FONT_REGULAR, 3);
        if (text + 32 > h)
            h = text + 32;
    }
    return h;
}

/* ---- layouts ----------------------------------------------------------
 * Every part is a rect; an empty one is not drawn. */

struct parts {
    struct rect summary, phone, keypad, privacy, consent, message, action;
    struct rect yours, change; /* step 2: the number and 修改 */
    struct rect pager;         /* the notice's pages, outside it */
    bool next;                 /* the action is 下一步, not confirm */
};

/* Stacks the consent box (if asked), the message and the action up from
 * the bottom of *col, taking them off it: the message just over the
 * action it explains, or over both when the consent box and the action
 * stand side by side in a wide column. */
static void bottom_parts(struct app *a, struct ui *ui, struct rect *col,
                         bool with_consent, const char *msg, struct parts *p)
{
    const struct theme *th = &a->theme;
    int gap = th->gap;
    bool beside = with_consent && col->w >= 1400;
    int act_w = beside ? col->w / 3 : col->w;
    int cw = beside ? col->w - act_w - gap : col->w;
    int ch = with_consent ? consent_h(a, ui, cw) : 0;
    int row = beside && ch > th->primary ? ch : th->primary;
    int bottom = col->y + col->h;
    p->action =
        (struct rect){col->x + col->w - act_w, bottom - (row + th->primary) / 2,
                      act_w, th->primary};
    if (beside)
        p->consent = (struct rect){col->x, bottom - (row + ch) / 2, cw, ch};
    bottom -= row;
    int mh = message_h(a, ui, col->w, msg);
    p->message = (struct rect){col->x, bottom - gap - mh, col->w, mh};
    bottom = p->message.y;
    if (with_consent && !beside) {
        p->consent = (struct rect){col->x, bottom - gap - ch, cw, ch};
        bottom = p->consent.y;
    }
    col->h = bottom - gap - col->y;
}

/* Everything on one screen; false when it does not fit body. */
static bool layout_single(struct app *a, struct ui *ui, const char *slot,
                          struct rect body, const char *msg, struct parts *p)
{
    const struct theme *th = &a->theme;
    int gap = th->gap;
    memset(p, 0, sizeof(*p));
    struct rect col = body;
    if (a->w > a->h) {
        /* the number and its keypad on the right, the rest on the left */
        int kw = body.w * 2 / 5;
        col.w = body.w - kw - 2 * gap;
        p->phone = (struct rect){body.x + body.w - kw, body.y, kw, phone_h(th)};
        int room = body.h - p->phone.h - gap;
        int kh = keypad_h(th, kw, room);
        if (kh > room)
            return false;
        p->keypad =
            (struct rect){p->phone.x, p->phone.y + p->phone.h + gap, kw, kh};
    }
    bottom_parts(a, ui, &col, true, msg, p);
    int sum = volunteer_summary(a, ui, NULL, (struct rect){0, 0, col.w, body.h},
                                slot);
    int priv = privacy_h(a, ui, col.w, true);
    int y = col.y;
    p->summary = (struct rect){col.x, y, col.w, sum};
    y += sum + gap;
    if (rect_empty(p->keypad)) {
        p->phone = (struct rect){col.x, y, col.w, phone_h(th)};
        y += p->phone.h + gap;
        int room = col.y + col.h - y - priv - gap;
        int kh = keypad_h(th, col.w, room);
        if (kh > room)
            return false;
        p->keypad = (struct rect){col.x, y, col.w, kh};
        y += kh + gap;
    }
    p->privacy = (struct rect){col.x, y, col.w, priv};
    return y + priv <= col.y + col.h;
}

/* Step 1 of two: what is booked, the number, its keypad, 下一步. */
static void layout_phone(struct app *a, struct ui *ui, const char *slot,
                         struct rect body, const char *msg, struct parts *p)
{
    const struct theme *th = &a->theme;
    int gap = th->gap;
    memset(p, 0, sizeof(*p));
    p->next = true;
    struct rect col = body;
    if (a->w > a->h) {
        int kw = body.w / 2 - gap;
        col.w = body.w - kw - 2 * gap;
        p->keypad = (struct rect){body.x + body.w - kw, body.y, kw,
                                  keypad_h(th, kw, body.h)};
    }
    bottom_parts(a, ui, &col, false, msg, p);
    int kh = rect_empty(p->keypad) ? keypad_h(th, col.w, col.h) : 0;
    int rest = col.h - phone_h(th) - gap - (kh ? kh + gap : 0);
    int sum =
        volunteer_summary(a, ui, NULL, (struct rect){0, 0, col.w, rest}, slot);
    p->summary = (struct rect){col.x, col.y, col.w, sum};
    int y = col.y + (sum ? sum + gap : 0);
    p->phone = (struct rect){col.x, y, col.w, phone_h(th)};
    if (kh)
        p->keypad = (struct rect){col.x, y + p->phone.h + gap, col.w, kh};
}

/* Step 2 of two: the number with 修改, the notice, consent, confirm. On
 * a screen too low for the notice beside the rest, the notice with
 * 下一步 is step 2 and the consent box with confirm step 3. */
static void layout_consent(struct app *a, struct ui *ui, const char *slot,
                           struct rect body, int step, const char *msg,
                           struct parts *p)
{
    const struct theme *th = &a->theme;
    int gap = th->gap;
    memset(p, 0, sizeof(*p));
    struct rect col = body;
    bottom_parts(a, ui, &col, true, msg, p);
    int row = th->target + gap;
    if (col.h - row < privacy_h(a, ui, col.w, false)) {
        memset(p, 0, sizeof(*p));
        if (step <= 2) {
            /* the notice, its pages beside 下一步 */
            p->next = true;
            int w = body.w / 2 - gap / 2;
            p->action =
                (struct rect){body.x + body.w - w,
                              body.y + body.h - th->primary, w, th->primary};
            p->pager = (struct rect){body.x, p->action.y, w, th->primary};
            p->privacy = (struct rect){body.x, body.y, body.w,
                                       p->action.y - gap - body.y};
            return;
        }
        col = body;
        bottom_parts(a, ui, &col, true, msg, p);
        if (col.h < th->target)
            return;
    }
    int change_w = text_width(&a->tm, app_t(a, "booking.phone.change"),
                              strlen(app_t(a, "booking.phone.change")),
                              th->body, FONT_BOLD) +
                   th->body * 5 / 4 + 64;
    int priv = privacy_h(a, ui, col.w, true);
    int sum =
        volunteer_summary(a, ui, NULL, (struct rect){0, 0, col.w, col.h}, slot);
    int y = col.y;
    /* what is booked, when the notice still fits whole under it */
    if (sum + gap + row + priv <= col.h) {
        p->summary = (struct rect){col.x, y, col.w, sum};
        y += sum + gap;
    }
    p->change =
        (struct rect){col.x + col.w - change_w, y, change_w, th->target};
    p->yours = (struct rect){col.x, y, col.w - change_w - gap, th->target};
    y += row;
    if (step > 2)
        return; /* the notice was step 2 */
    p->privacy = (struct rect){col.x, y, col.w, col.y + col.h - y};
    if (p->privacy.h > priv)
        p->privacy.h = priv;
}

/* ---- the frame ------------------------------------------------------- */

static void confirm(struct screen *s)
{
    struct booking_state *st = s->state;
    struct app *a = s->app;
    struct booking b;
    int rc = store_book(a->store, s->args.id, st->phone,
                        clock_now_ms(&a->clock), &b);
    if (rc) {
        st->refused = rc; /* the number stays: nothing typed is lost */
        return;
    }
    struct screen_args args = screen_args_id(b.code);
    router_replace(&a->router, &screen_booked, &args);
}

static void draw_yours(struct app *a, struct ui *ui, struct draw_list *dl,
                       const struct parts *p, struct booking_state *st)
{
    const struct theme *th = &a->theme;
    char shown[24], line[96];
    phone_display(st->phone, shown);
    const char *pairs[] = {"phone", shown, NULL};
    app_fmt(a, "booking.phone.yours", line, sizeof(line), pairs);
    struct text_style ts =
        ui_style(th->body, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, p->yours, line, &ts, 2, 0);
    struct button b = {.label = app_t(a, "booking.phone.change"),
                       .icon = ICON_PHONE,
                       .look = LOOK_CARD};
    if (ui_button(ui, dl, "booking.change", p->change, &b))
        st->step = 1;
}

static void draw_action(struct screen *s, struct ui *ui, struct draw_list *dl,
                        const struct parts *p, bool enabled)
{
    struct booking_state *st = s->state;
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    /* disabled, it is a plain card: grey with white text would be too
     * faint for 长辈版 */
    struct button b = {
        .label = app_t(a, p->next ? "booking.next" : "booking.confirm"),
        .icon = p->next ? ICON_CHECK : ICON_EVENT_OK,
        .look = enabled ? LOOK_FILLED : LOOK_CARD,
        .color = th->c.red,
        .primary = true,
        .disabled = !enabled,
        .label_px = th->body,
    };
    if (!ui_button(ui, dl, p->next ? "booking.next" : "booking.confirm",
                   p->action, &b))
        return;
    if (p->next)
        st->step = st->step < 2 ? 2 : st->step + 1;
    else
        confirm(s);
}

/* When confirm becomes the one thing left to do, speech reads back what
 * will be booked, with the masked number, before the resident confirms. */
static void speak_summary(struct app *a, struct booking_state *st,
                          const char *slot_id, bool ready)
{
    if (!ready || st->read_out) {
        st->read_out = ready;
        return;
    }
    st->read_out = true;
    struct slot_row slot;
    struct activity_row act;
    if (store_slot(a->store, slot_id, &slot) ||
        volunteer_activity(a, slot.activity, &act))
        return;
    char when[96], phone[24], out[SPEECH_TEXT_MAX];
    volunteer_slot_time(a, &slot, when, sizeof(when));
    phone_display(st->phone, phone);
    const char *pairs[] = {
        "what",
        app_text(a,
                 (const char *const[]){act.name[LANG_ZH], act.name[LANG_EN]}),
        "when",
        when,
        "place",
        app_text(a,
                 (const char *const[]){act.place[LANG_ZH], act.place[LANG_EN]}),
        "phone",
        phone,
        NULL};
    app_say(a, app_fmt(a, "booking.speak", out, sizeof(out), pairs));
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct booking_state *st = s->state;
    struct app *a = s->app;
    struct rect body = app_body(a);
    /* why the action waits, for 下一步 (the number) and for confirm */
    char b1[128], b2[128];
    struct reason why_phone = why_not(a, st, s->args.id, true, b1, sizeof(b1));
    struct reason why_all = why_not(a, st, s->args.id, false, b2, sizeof(b2));
    struct parts p;
    bool steps = a->theme.mode == MODE_ELDER ||
                 !layout_single(a, ui, s->args.id, body, why_all.text, &p);
    if (steps && st->step >= 2)
        layout_consent(a, ui, s->args.id, body, st->step, why_all.text, &p);
    else if (steps)
        layout_phone(a, ui, s->args.id, body, why_phone.text, &p);

    if (!rect_empty(p.summary))
        volunteer_summary(a, ui, dl, p.summary, s->args.id);
    if (!rect_empty(p.phone))
        draw_phone(a, ui, dl, p.phone, st);
    if (!rect_empty(p.keypad))
        draw_keypad(a, ui, dl, p.keypad, st);
    if (!rect_empty(p.yours))
        draw_yours(a, ui, dl, &p, st);
    if (!rect_empty(p.privacy))
        draw_privacy(a, ui, dl, p.privacy, p.pager, st);
    if (!rect_empty(p.consent))
        ui_checkbox(ui, dl, "booking.consent", p.consent,
                    app_t(a, "booking.consent"), &st->consent);
    struct reason why = p.next ? why_phone : why_all;
    draw_message(a, ui, dl, p.message, why);
    draw_action(s, ui, dl, &p, !why.text || why.retry);
    speak_summary(a, st, s->args.id, !p.next && !why_all.text);
    app_draw_frame(a, ui, dl, app_t(a, "booking.title"));
}

const struct screen_ops screen_booking = {
    .name = "booking",
    .state_size = sizeof(struct booking_state),
    .enter = enter,
    .leave = leave,
    .draw = draw,
};
