/*
 * ui.c - the widget context and the widgets (ui.h).
 */
#include "ui.h"

#include "icons.h"

#include <stdio.h>
#include <string.h>

const char *ui_role_name(enum ui_role role)
{
    static const char *const names[] = {"button", "tile",     "item",
                                        "toggle", "checkbox", "chip",
                                        "tab",    "key",      "nav"};
    return (unsigned)role < sizeof(names) / sizeof(names[0]) ? names[role]
                                                             : "?";
}

void ui_init(struct ui *ui, const struct theme *th,
             const struct text_metrics *tm, int w, int h)
{
    memset(ui, 0, sizeof(*ui));
    ui->th = th;
    ui->tm = tm;
    ui->w = w;
    ui->h = h;
    ui->focus_at = -1;
}

static uint32_t id_hash(const char *id);

void ui_begin(struct ui *ui, const struct input_event *ev)
{
    ui->ev = ev;
    ui->blocked = false;
    ui->taken = false;
    ui->n_el = 0;
    ui->el_overflow = false;
    ui->activate = 0;
    if (ev && ev->kind == INPUT_KEY && ev->key == KEY_SELECT)
        ui->activate = ui->focus;
    else if (ev && ev->kind == INPUT_KEY && ev->key == KEY_BACK && ui->back_id)
        ui->activate = id_hash(ui->back_id);
    if (ev && (ev->kind == INPUT_DOWN || ev->kind == INPUT_MOVE ||
               ev->kind == INPUT_UP)) {
        ui->ptr_x = ev->x;
        ui->ptr_y = ev->y;
        ui->ptr_down = ev->kind != INPUT_UP;
        if (ev->kind == INPUT_DOWN)
            ui->active = 0;
    }
}

void ui_end(struct ui *ui)
{
    if (ui->ev && ui->ev->kind == INPUT_UP)
        ui->active = 0;
    ui->ev = NULL;
    ui->activate = 0;
    /* the focus follows its id; if the id went (the screen moved on to
     * its next step), it goes too, and the next arrow starts from the
     * top, as on a new screen */
    if (!ui->focus)
        return;
    for (int i = 0; i < ui->n_el; i++)
        if (id_hash(ui->el[i].id) == ui->focus) {
            ui->focus_at = i;
            return;
        }
    ui_focus_clear(ui);
}

void ui_cancel_press(struct ui *ui)
{
    ui->active = 0;
}

const struct ui_element *ui_find(const struct ui *ui, const char *id)
{
    for (int i = 0; i < ui->n_el; i++)
        if (strcmp(ui->el[i].id, id) == 0)
            return &ui->el[i];
    return NULL;
}

static uint32_t id_hash(const char *id)
{
    uint32_t h = 2166136261u;
    for (; *id; id++)
        h = (h ^ (uint8_t)*id) * 16777619u;
    return h ? h : 1;
}

struct ui_element *ui_last(struct ui *ui)
{
    return ui->n_el > 0 && !ui->el_overflow ? &ui->el[ui->n_el - 1]
                                            : &ui->spare;
}

void ui_speak_as(struct ui *ui, const char *speech)
{
    struct ui_element *e = ui_last(ui);
    size_t n = speech ? strlen(speech) : 0;
    if (n >= sizeof(e->speech))
        n = sizeof(e->speech) - 1;
    if (n)
        memmove(e->speech, speech, n);
    e->speech[n] = '\0';
}

/* ---- keypad focus ---------------------------------------------------- */

const struct ui_element *ui_focused(const struct ui *ui)
{
    if (!ui->focus || ui->focus_at < 0 || ui->focus_at >= ui->n_el)
        return NULL;
    return &ui->el[ui->focus_at];
}

const struct ui_element *ui_focus_move(struct ui *ui, int delta)
{
    if (ui->n_el == 0) {
        ui_focus_clear(ui);
        return NULL;
    }
    int at;
    if (!ui_focused(ui))
        at = delta >= 0 ? 0 : ui->n_el - 1;
    else
        at = ((ui->focus_at + delta) % ui->n_el + ui->n_el) % ui->n_el;
    ui->focus_at = at;
    ui->focus = id_hash(ui->el[at].id);
    return &ui->el[at];
}

void ui_focus_clear(struct ui *ui)
{
    ui->focus = 0;
    ui->focus_at = -1;
}

void ui_focus_ring(struct ui *ui, struct draw_list *dl)
{
    const struct ui_element *e = ui_focused(ui);
    if (!e)
        return;
    /* ink, focus colour, ink: whatever the element and what is round it,
     * one of the lines is >= 3:1 against it (VISUAL.md: focus #FFB300
     * with ink 9.7:1, ink on paper 15.8:1) */
    const struct palette *c = &ui->th->c;
    int w = ui->th->gap / 2 < 6 ? 6 : ui->th->gap / 2;
    draw_list_outline(dl, rect_inset(e->rect, -(w + 6)), c->ink, w + 9, 16);
    draw_list_outline(dl, rect_inset(e->rect, -(w + 3)), c->focus, w, 14);
}

bool ui_hit(struct ui *ui, const char *id, enum ui_role role, const char *label,
            struct rect r, bool *pressed)
{
    if (ui->n_el < UI_MAX_ELEMENTS) {
        struct ui_element *e = &ui->el[ui->n_el++];
        memset(e, 0, sizeof(*e));
        snprintf(e->id, sizeof(e->id), "%s", id);
        snprintf(e->label, sizeof(e->label), "%s", label ? label : "");
        memcpy(e->speech, e->label, sizeof(e->speech));
        e->role = role;
        e->rect = r;
        e->focus = ui->n_el - 1;
    } else {
        ui->el_overflow = true;
    }
    uint32_t h = id_hash(id);
    bool inside = rect_contains(r, ui->ptr_x, ui->ptr_y);
    bool tapped = false;
    const struct input_event *ev = ui->ev;
    if (ev && !ui->blocked && !ui->taken) {
        if (ev->kind == INPUT_KEY && ui->activate == h) {
            tapped = true; /* Enter on the focus, Escape on back */
            ui->taken = true;
        } else if (ev->kind == INPUT_DOWN && inside) {
            ui->active = h;
            ui->taken = true;
        } else if (ev->kind == INPUT_UP && ui->active == h) {
            tapped = inside;
            ui->taken = true;
        }
    }
    if (pressed)
        *pressed = !ui->blocked && ui->active == h && ui->ptr_down && inside;
    return tapped;
}

struct text_style ui_style(int px, enum font_weight w, struct rgba color,
                           enum align halign, enum align valign)
{
    struct text_style st = {px, w, color, halign, valign};
    return st;
}

/* The size at which s fits w in max_lines, stepping down by 10 % from px
 * to min_px; the wrap at that size in *lines. */
static int fit_px(struct ui *ui, const char *s, int px, int min_px,
                  enum font_weight wt, int w, int max_h, int max_lines,
                  struct text_lines *lines)
{
    if (min_px <= 0 || min_px > px)
        min_px = min_px <= 0 && ui->th->text_min < px ? ui->th->text_min : px;
    for (;;) {
        text_wrap(ui->tm, s, px, wt, w, max_lines, lines);
        bool too_high = max_h > 0 && lines->n * text_line_height(px) > max_h;
        if ((!lines->overflow && !too_high) || px <= min_px)
            return px;
        px = px * 9 / 10 < min_px ? min_px : px * 9 / 10;
    }
}

int ui_text_height(struct ui *ui, int w, const char *s, int px,
                   enum font_weight wt, int max_lines)
{
    struct text_lines lines;
    px = fit_px(ui, s, px, 0, wt, w, 0, max_lines, &lines);
    return lines.n * text_line_height(px);
}

int ui_text(struct ui *ui, struct draw_list *dl, struct rect r, const char *s,
            const struct text_style *st, int max_lines, int min_px)
{
    if (!s || !*s)
        return 0;
    struct text_lines lines;
    struct text_style ls = *st;
    ls.px =
        fit_px(ui, s, st->px, min_px, st->weight, r.w, r.h, max_lines, &lines);
    int lh = text_line_height(ls.px);
    int total = lines.n * lh;
    int y = r.y;
    if (st->valign == ALIGN_CENTER)
        y += (r.h - total) / 2;
    else if (st->valign == ALIGN_END)
        y += r.h - total;
    ls.valign = ALIGN_CENTER;
    char line[512];
    for (int i = 0; i < lines.n; i++) {
        size_t n =
            lines.len[i] < sizeof(line) - 1 ? lines.len[i] : sizeof(line) - 1;
        memcpy(line, s + lines.start[i], n);
        line[n] = '\0';
        struct rect lr = {r.x, y + i * lh, r.w, lh};
        draw_list_text(dl, lr, line, &ls);
    }
    return total;
}

/* ---- widgets --------------------------------------------------------- */

bool ui_button(struct ui *ui, struct draw_list *dl, const char *id,
               struct rect r, const struct button *b)
{
    const struct palette *c = &ui->th->c;
    bool pressed;
    char label[UI_LABEL_MAX];
    if (b->sub && *b->sub)
        snprintf(label, sizeof(label), "%s %s", b->label, b->sub);
    else
        snprintf(label, sizeof(label), "%s", b->label);
    bool tapped = ui_hit(ui, id, b->role, label, r, &pressed);
    struct ui_element *e = ui_last(ui);
    if (b->speech)
        ui_speak_as(ui, b->speech);
    e->primary = b->primary;
    e->disabled = b->disabled;
    e->checked = b->selected;
    if (b->disabled) {
        tapped = false;
        pressed = false;
    }

    struct rgba bg, fg, icon_fg;
    switch (b->look) {
    case LOOK_FILLED:
        bg = b->disabled ? c->grey : b->color;
        fg = icon_fg = c->on_color;
        break;
    case LOOK_BAR:
        bg = b->selected ? c->focus : c->card;
        fg = icon_fg = c->ink;
        break;
    case LOOK_CARD:
    default:
        bg = b->selected ? c->focus : c->card;
        fg = b->disabled ? c->ink2 : c->ink;
        icon_fg = b->selected || b->color.a == 0 ? c->ink : b->color;
        break;
    }
    if (pressed)
        bg = rgba_darken(bg, 12);
    int radius = r.h < 2 * ui->th->radius ? r.h / 4 : ui->th->radius;
    if (b->look == LOOK_BAR || r.h < 120)
        radius = 12;
    draw_list_rect(dl, r, bg, radius);
    if (b->look == LOOK_CARD)
        draw_list_outline(dl, r, b->selected ? c->ink : c->line,
                          b->selected ? 4 : 2, radius);

    int px = b->label_px ? b->label_px : ui->th->body;
    int sub_px = b->sub_px ? b->sub_px : ui->th->text_min;
    bool has_sub = b->sub && *b->sub;
    int pad = r.h >= 2 * ui->th->target ? ui->th->margin / 2 : 16;
    struct rect in = rect_inset(r, pad);
    struct text_style main =
        ui_style(px, FONT_BOLD, fg, ALIGN_CENTER, ALIGN_CENTER);
    struct text_style sub =
        ui_style(sub_px, FONT_REGULAR, fg, ALIGN_CENTER, ALIGN_CENTER);
    if (b->stack) {
        /* icon above, label, sublabel: the tile of VISUAL.md */
        int ipx = b->icon ? ui->th->icon : 0;
        int lh, sh;
        /* a small tile gives up icon size first, then text size */
        for (;;) {
            lh = ui_text_height(ui, in.w, b->label, px, FONT_BOLD, 2);
            sh = has_sub
                     ? ui_text_height(ui, in.w, b->sub, sub_px, FONT_REGULAR, 2)
                     : 0;
            if (lh + sh <= in.h || px <= ui->th->text_min)
                break;
            px =
                px * 9 / 10 < ui->th->text_min ? ui->th->text_min : px * 9 / 10;
            main.px = px;
        }
        if (lh + sh > in.h) {
            has_sub = false; /* the second language is the first to go */
            sh = 0;
        }
        if (ipx && ipx + lh + sh > in.h)
            ipx = in.h - lh - sh >= ui->th->body ? in.h - lh - sh : 0;
        int y = in.y + (in.h - ipx - lh - sh) / 2;
        if (ipx)
            draw_list_icon(dl, (struct rect){in.x, y, in.w, ipx}, b->icon, ipx,
                           icon_fg);
        y += ipx;
        ui_text(ui, dl, (struct rect){in.x, y, in.w, lh}, b->label, &main, 2,
                0);
        if (has_sub)
            ui_text(ui, dl, (struct rect){in.x, y + lh, in.w, sh}, b->sub, &sub,
                    2, 0);
        return tapped;
    }
    /* a row: icon, then the label (and its sub under it), centred as one
     * block unless the button is wide and left-aligned content reads
     * better (list rows). */
    int ipx = b->icon ? (px * 5 / 4) : 0;
    int text_w = in.w - (ipx ? ipx + 16 : 0);
    int lw = text_width(ui->tm, b->label, strlen(b->label), px, FONT_BOLD);
    int sw = has_sub ? text_width(ui->tm, b->sub, strlen(b->sub), sub_px,
                                  FONT_REGULAR)
                     : 0;
    int block_w = (lw > sw ? lw : sw);
    if (block_w > text_w)
        block_w = text_w;
    enum align ha = b->role == ROLE_ITEM ? ALIGN_START : ALIGN_CENTER;
    int x = ha == ALIGN_START
                ? in.x
                : in.x + (in.w - block_w - (ipx ? ipx + 16 : 0)) / 2;
    if (ipx) {
        draw_list_icon(dl, (struct rect){x, in.y, ipx, in.h}, b->icon, ipx,
                       icon_fg);
        x += ipx + 16;
    }
    int tw = ha == ALIGN_START ? in.x + in.w - x : block_w;
    main.halign = sub.halign = ALIGN_START;
    int lh = ui_text_height(ui, tw, b->label, px, FONT_BOLD, 2);
    int sh =
        has_sub ? ui_text_height(ui, tw, b->sub, sub_px, FONT_REGULAR, 2) : 0;
    int y = in.y + (in.h - lh - sh) / 2;
    ui_text(ui, dl, (struct rect){x, y, tw, lh}, b->label, &main, 2, 0);
    if (has_sub)
        ui_text(ui, dl, (struct rect){x, y + lh, tw, sh}, b->sub, &sub, 2, 0);
    return tapped;
}

bool ui_checkbox(struct ui *ui, struct draw_list *dl, const char *id,
                 struct rect r, const char *label, bool *checked)
{
    const struct palette *c = &ui->th->c;
    bool pressed;
    bool tapped = ui_hit(ui, id, ROLE_CHECKBOX, label, r, &pressed);
    if (tapped)
        *checked = !*checked;
    ui_last(ui)->checked = *checked;
    draw_list_rect(dl, r, pressed ? rgba_darken(c->card, 12) : c->card, 12);
    draw_list_outline(dl, r, *checked ? c->ink : c->line, *checked ? 4 : 2, 12);
    int box = r.h * 5 / 10;
    struct rect b = {r.x + 24, r.y + (r.h - box) / 2, box, box};
    draw_list_rect(dl, b, *checked ? c->green : c->card, 6);
    draw_list_outline(dl, b, c->ink, 3, 6);
    if (*checked)
        draw_list_icon(dl, b, ICON_CHECK, box, c->on_color);
    struct rect t = {b.x + box + 24, r.y, r.x + r.w - b.x - box - 48, r.h};
    struct text_style st =
        ui_style(ui->th->body, FONT_REGULAR, c->ink, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, t, label, &st, 3, 0);
    return tapped;
}

int ui_tabs(struct ui *ui, struct draw_list *dl, const char *id, struct rect r,
            const char *const *labels, int n, int selected)
{
    int hit = -1;
    for (int i = 0; i < n; i++) {
        char tid[UI_ID_MAX];
        snprintf(tid, sizeof(tid), "%s.%d", id, i);
        struct button b = {.label = labels[i],
                           .look = LOOK_CARD,
                           .selected = i == selected,
                           .role = ROLE_TAB};
        if (ui_button(ui, dl, tid, rect_col(r, n, ui->th->gap, i), &b))
            hit = i;
    }
    return hit;
}

int ui_pager(struct ui *ui, struct draw_list *dl, const char *id, struct rect r,
             int page, int pages, const char *page_text,
             const char *const said[2])
{
    const struct palette *c = &ui->th->c;
    int bw = ui->th->target * 3 / 2;
    char bid[UI_ID_MAX];
    int delta = 0;
    struct rect up = {r.x + r.w - 2 * bw - ui->th->gap, r.y, bw, r.h};
    struct rect down = {r.x + r.w - bw, r.y, bw, r.h};
    struct button b = {
        .look = LOOK_FILLED, .color = c->slate, .role = ROLE_NAV};
    snprintf(bid, sizeof(bid), "%s.prev", id);
    b.label = "";
    b.icon = ICON_UP;
    b.disabled = page <= 0;
    if (ui_button(ui, dl, bid, up, &b))
        delta = -1;
    snprintf(ui_last(ui)->label, UI_LABEL_MAX, "%s", "▲");
    ui_speak_as(ui, said[0]);
    snprintf(bid, sizeof(bid), "%s.next", id);
    b.icon = ICON_DOWN;
    b.disabled = page >= pages - 1;
    if (ui_button(ui, dl, bid, down, &b))
        delta = 1;
    snprintf(ui_last(ui)->label, UI_LABEL_MAX, "%s", "▼");
    ui_speak_as(ui, said[1]);
    struct rect t = {r.x, r.y, up.x - r.x - ui->th->gap, r.h};
    struct text_style st =
        ui_style(ui->th->body, FONT_REGULAR, c->ink, ALIGN_END, ALIGN_CENTER);
    ui_text(ui, dl, t, page_text, &st, 1, 0);
    return delta;
}

void ui_page_clamp(int *page, int pages)
{
    if (*page > pages - 1)
        *page = pages - 1;
    if (*page < 0)
        *page = 0;
}

int ui_pages(int n, int per_page, int *page)
{
    int pages = n > 0 && per_page > 0 ? (n + per_page - 1) / per_page : 1;
    ui_page_clamp(page, pages);
    return pages;
}

int ui_fit(int h, int row_h, int gap)
{
    int n = (h + gap) / (row_h + gap);
    return n < 1 ? 1 : n;
}

bool ui_keypad(struct ui *ui, struct draw_list *dl, const char *id,
               struct rect r, char *buf, size_t cap, int max_digits,
               const char *del_label, const char *clear_label)
{
    static const char *const keys[12] = {"1", "2", "3", "4",  "5", "6",
                                         "7", "8", "9", NULL, "0", NULL};
    size_t len = strlen(buf);
    bool changed = false;
    int gap = ui->th->gap;
    for (int i = 0; i < 12; i++) {
        struct rect row = rect_row(r, 4, gap, i / 3);
        struct rect k = rect_col(row, 3, gap, i % 3);
        char kid[UI_ID_MAX];
        const char *label = keys[i]  ? keys[i]
                            : i == 9 ? clear_label
                                     : del_label;
        snprintf(kid, sizeof(kid), "%s.%s", id,
                 keys[i]  ? keys[i]
                 : i == 9 ? "clear"
                          : "del");
        struct button b = {.label = label,
                           .look = LOOK_CARD,
                           .role = ROLE_KEY,
                           .label_px = keys[i] ? ui->th->big : ui->th->body};
        if (!ui_button(ui, dl, kid, k, &b))
            continue;
        if (keys[i] && len < (size_t)max_digits && len + 1 < cap) {
            buf[len++] = keys[i][0];
            buf[len] = '\0';
            changed = true;
        } else if (!keys[i] && len > 0) {
            len = i == 9 ? 0 : len - 1;
            buf[len] = '\0';
            changed = true;
        }
    }
    const struct input_event *ev = ui->ev;
    if (ev && !ui->blocked && ev->kind == INPUT_KEY) {
        if (ev->key >= KEY_DIGIT0 && ev->key < KEY_DIGIT0 + 10 &&
            len < (size_t)max_digits && len + 1 < cap) {
            buf[len++] = (char)('0' + ev->key - KEY_DIGIT0);
            buf[len] = '\0';
            changed = true;
        } else if (ev->key == KEY_BACKSPACE && len > 0) {
            buf[--len] = '\0';
            changed = true;
        }
    }
    return changed;
}

void ui_banner(struct ui *ui, struct draw_list *dl, struct rect r,
               uint32_t icon, struct rgba accent, const char *text)
{
    const struct palette *c = &ui->th->c;
    draw_list_rect(dl, r, c->card, 12);
    draw_list_rect(dl, (struct rect){r.x, r.y, 12, r.h}, accent, 0);
    int ipx = ui->th->body * 5 / 4;
    draw_list_icon(dl, (struct rect){r.x + 32, r.y, ipx, r.h}, icon, ipx,
                   accent);
    struct rect t = {r.x + 32 + ipx + 24, r.y + 8, r.w - ipx - 88, r.h - 16};
    struct text_style st =
        ui_style(ui->th->body, FONT_REGULAR, c->ink, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, t, text, &st, 2, 0);
}

void ui_qr(struct ui *ui, struct draw_list *dl, struct rect r,
           const struct qr *qr, const char *caption)
{
    const struct palette *c = &ui->th->c;
    int cap_h = caption ? ui_text_height(ui, r.w - 32, caption,
                                         ui->th->text_min, FONT_REGULAR, 2)
                        : 0;
    draw_list_rect(dl, r, c->card, 12);
    draw_list_outline(dl, r, c->line, 2, 12);
    struct rect q = {r.x + 16, r.y + 16, r.w - 32, r.h - 32 - cap_h};
    /* dark modules always black on white: phones read that best */
    draw_list_qr(dl, q, qr, rgba_hex(0x000000), rgba_hex(0xFFFFFF));
    if (caption) {
        struct text_style st = ui_style(ui->th->text_min, FONT_REGULAR, c->ink,
                                        ALIGN_CENTER, ALIGN_START);
        ui_text(ui, dl, (struct rect){r.x + 16, q.y + q.h, r.w - 32, cap_h},
                caption, &st, 2, 0);
    }
}

struct rect ui_dialog(struct ui *ui, struct draw_list *dl, int w, int h)
{
    const struct palette *c = &ui->th->c;
    draw_list_rect(dl, (struct rect){0, 0, ui->w, ui->h}, c->scrim, 0);
    if (w > ui->w - 2 * ui->th->margin)
        w = ui->w - 2 * ui->th->margin;
    if (h > ui->h - 2 * ui->th->margin)
        h = ui->h - 2 * ui->th->margin;
    struct rect r = {(ui->w - w) / 2, (ui->h - h) / 2, w, h};
    draw_list_rect(dl, r, c->paper, ui->th->radius);
    return r;
}
