/*
 * civic.c - rows, pager, end-of-flow message, dates and 好差评 faces shared
 * by the rating, notice and poll screens (civic.h).
 */
#include "civic.h"

#include "app.h"
#include "civil_time.h"
#include "icons.h"
#include "store.h"
#include "ui.h"

#include <stdio.h>
#include <string.h>

int civic_row_h(const struct theme *th, int detail_lines)
{
    int h = 2 * text_line_height(th->body) + 24 +
            detail_lines * text_line_height(th->text_min);
    return h < th->target ? th->target : h;
}

int civic_badge_w(struct ui *ui, const struct civic_badge *b)
{
    int px = ui->th->text_min;
    int tw = text_width(ui->tm, b->text, strlen(b->text), px, FONT_BOLD);
    int ipx = b->icon ? px * 5 / 4 : 0;
    int pad = b->pill ? px / 2 : 0;
    return pad + (ipx ? ipx + 8 : 0) + tw + pad;
}

int civic_badge(struct ui *ui, struct draw_list *dl, struct rect r,
                const struct civic_badge *b)
{
    const struct theme *th = ui->th;
    int px = th->text_min;
    int tw = text_width(ui->tm, b->text, strlen(b->text), px, FONT_BOLD);
    int ipx = b->icon ? px * 5 / 4 : 0;
    int pad = b->pill ? px / 2 : 0;
    int w = civic_badge_w(ui, b);
    int h = text_line_height(px) + 8;
    struct rect p = {b->right ? r.x + r.w - w : r.x, r.y + (r.h - h) / 2, w, h};
    struct rgba fg = th->c.ink2, icon = b->color;
    if (b->pill) {
        draw_list_rect(dl, p, b->color, h / 2);
        fg = icon = th->c.on_color;
    }
    int x = p.x + pad;
    if (ipx) {
        draw_list_icon(dl, (struct rect){x, p.y, ipx, p.h}, b->icon, ipx, icon);
        x += ipx + 8;
    }
    struct text_style st =
        ui_style(px, FONT_BOLD, fg, ALIGN_START, ALIGN_CENTER);
    draw_list_text(dl, (struct rect){x, p.y, tw + 1, p.h}, b->text, &st);
    return w;
}

/* Whether title fits two lines of width w at px. */
static bool title_fits(struct ui *ui, const char *title, int px, int w)
{
    struct text_lines l;
    text_wrap(ui->tm, title, px, FONT_BOLD, w, 2, &l);
    return !l.overflow;
}

bool civic_row(struct ui *ui, struct draw_list *dl, const char *id,
               struct rect r, const struct civic_row *row)
{
    const struct theme *th = ui->th;
    const struct palette *c = &th->c;
    char label[UI_LABEL_MAX];
    snprintf(label, sizeof(label), "%s%s%s", row->title,
             row->aside.text ? " " : "",
             row->aside.text ? row->aside.text : "");
    bool pressed;
    bool tapped = ui_hit(ui, id, ROLE_ITEM, label, r, &pressed);
    ui_last(ui)->disabled = row->disabled;
    if (row->disabled)
        tapped = pressed = false;
    draw_list_rect(dl, r, pressed ? rgba_darken(c->card, 12) : c->card, 12);
    draw_list_outline(dl, r, c->line, 2, 12);

    /* what gives way to a long title: the optional badge (when two lines
     * at body size would not hold the title beside it), then the icon
     * (when two lines at the smallest size would not) */
    struct rect in = {r.x + 24, r.y + 12, r.w - 48, r.h - 24};
    int ipx = row->icon ? th->body * 5 / 4 : 0;
    int aw = row->aside.text ? civic_badge_w(ui, &row->aside) + 16 : 0;
    if (aw && row->aside_optional &&
        !title_fits(ui, row->title, th->body, in.w - aw - (ipx ? ipx + 16 : 0)))
        aw = 0;
    if (ipx && !title_fits(ui, row->title, th->text_min, in.w - aw - ipx - 16))
        ipx = 0;
    int x = in.x, right = in.x + in.w;
    if (ipx) {
        draw_list_icon(dl, (struct rect){x, in.y, ipx, in.h}, row->icon, ipx,
                       row->icon_color);
        x += ipx + 16;
    }
    if (aw)
        right -= civic_badge(ui, dl, in, &row->aside) + 16;
    int w = right - x;
    int lh = ui_text_height(ui, w, row->title, th->body, FONT_BOLD, 2);
    int dh = row->detail ? ui_text_height(ui, w, row->detail, th->text_min,
                                          FONT_REGULAR, 2)
                         : 0;
    int y = in.y + (in.h - lh - dh) / 2;
    struct text_style st =
        ui_style(th->body, FONT_BOLD, row->disabled ? c->ink2 : c->ink,
                 ALIGN_START, ALIGN_START);
    ui_text(ui, dl, (struct rect){x, y, w, lh}, row->title, &st, 2, 0);
    if (row->detail) {
        st = ui_style(th->text_min, FONT_REGULAR, c->ink2, ALIGN_START,
                      ALIGN_START);
        ui_text(ui, dl, (struct rect){x, y + lh, w, dh}, row->detail, &st, 2,
                0);
    }
    return tapped;
}

bool civic_message(struct app *a, struct ui *ui, struct draw_list *dl,
                   struct rect r, const struct civic_message *m)
{
    const struct theme *th = &a->theme;
    int w = r.w < 1400 ? r.w : 1400;
    int x = r.x + (r.w - w) / 2;
    int title_h = ui_text_height(ui, w, m->title, th->big, FONT_BOLD, 3);
    int text_h =
        m->text ? ui_text_height(ui, w, m->text, th->body, FONT_REGULAR, 4) : 0;
    int btn_h = m->button ? th->primary : 0;
    int gap = th->tile_gap;
    int rest =
        title_h + (text_h ? gap + text_h : 0) + (btn_h ? 2 * gap + btn_h : 0);
    /* the icon gives way first on a small window */
    int ipx = th->icon * 3 / 2;
    if (ipx + gap + rest > r.h)
        ipx = r.h - rest - gap > th->icon / 2 ? r.h - rest - gap : 0;
    int y = r.y + (r.h - (ipx ? ipx + gap : 0) - rest) / 2;
    if (ipx) {
        draw_list_icon(dl, (struct rect){x, y, w, ipx}, m->icon, ipx, m->color);
        y += ipx + gap;
    }
    struct text_style st =
        ui_style(th->big, FONT_BOLD, th->c.ink, ALIGN_CENTER, ALIGN_START);
    ui_text(ui, dl, (struct rect){x, y, w, title_h}, m->title, &st, 3, 0);
    y += title_h;
    if (text_h) {
        st = ui_style(th->body, FONT_REGULAR, th->c.ink2, ALIGN_CENTER,
                      ALIGN_START);
        ui_text(ui, dl, (struct rect){x, y + gap, w, text_h}, m->text, &st, 4,
                0);
        y += gap + text_h;
    }
    if (!m->button)
        return false;
    int bw =
        text_width(&a->tm, m->button, strlen(m->button), th->big, FONT_BOLD) +
        th->big * 2 + 96;
    bw = bw < w / 2 ? w / 2 : bw > w ? w : bw;
    struct rect br = {r.x + (r.w - bw) / 2, y + 2 * gap, bw, btn_h};
    struct button b = {.label = m->button,
                       .icon = m->button_icon,
                       .look = LOOK_FILLED,
                       .color = m->color,
                       .primary = true,
                       .label_px = th->big};
    return ui_button(ui, dl, m->button_id, br, &b);
}

/* The height of p at width w with its head at px, the sub line too if
 * with_sub. */
static int prompt_h(struct ui *ui, int w, const struct civic_prompt *p, int px,
                    bool with_sub)
{
    const struct theme *th = ui->th;
    int ipx = p->icon ? px * 5 / 4 + 16 : 0;
    int h = ui_text_height(ui, w - ipx, p->head, px, FONT_BOLD, 5);
    if (with_sub && p->sub)
        h += 8 + ui_text_height(ui, w, p->sub, th->body, FONT_REGULAR, 3);
    return h + th->gap;
}

bool civic_side(const struct app *a, struct ui *ui, struct rect body,
                const struct civic_prompt *p, int need)
{
    const struct theme *th = &a->theme;
    return a->w > a->h &&
           body.h - prompt_h(ui, body.w, p, th->title, true) < need;
}

void civic_prompt(struct app *a, struct ui *ui, struct draw_list *dl,
                  struct rect body, const struct civic_prompt *p, bool side,
                  struct rect *choices, struct rect *rest)
{
    const struct theme *th = &a->theme;
    struct rect r = body;
    if (side)
        r.w = body.w * 2 / 5;
    int px = side ? th->body : th->title;
    bool with_sub = !side || prompt_h(ui, r.w, p, px, true) <= r.h / 2;
    int ipx = p->icon ? px * 5 / 4 : 0;
    int y = r.y;
    struct text_style st =
        ui_style(px, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_START);
    if (ipx)
        draw_list_icon(dl, (struct rect){r.x, y, ipx, text_line_height(px)},
                       p->icon, ipx, p->icon_color);
    int x = r.x + (ipx ? ipx + 16 : 0);
    y += ui_text(ui, dl, (struct rect){x, y, r.x + r.w - x, 0}, p->head, &st, 5,
                 0);
    if (with_sub && p->sub) {
        st = ui_style(th->body, FONT_REGULAR, th->c.ink2, ALIGN_START,
                      ALIGN_START);
        y += 8 + ui_text(ui, dl, (struct rect){r.x, y + 8, r.w, 0}, p->sub, &st,
                         3, 0);
    }
    y += th->gap;
    struct rect left = {r.x, y, r.w, r.y + r.h - y};
    if (side) {
        int x0 = r.x + r.w + th->tile_gap;
        *choices = (struct rect){x0, body.y, body.x + body.w - x0, body.h};
    } else {
        *choices = left;
        left.h = 0;
    }
    if (rest)
        *rest = left;
}

int civic_error(struct app *a, struct ui *ui, struct draw_list *dl,
                struct rect r)
{
    const struct theme *th = &a->theme;
    int h = th->body * 2 + 16;
    ui_banner(ui, dl, (struct rect){r.x, r.y, r.w, h}, ICON_WARNING, th->c.red,
              app_t(a, "error.generic"));
    return h;
}

void civic_notice_dates(const struct app *a, int64_t start, int64_t end,
                        char *out, size_t n)
{
    char day[64], posted[96], until[96];
    civic_date(a, start, day, sizeof(day));
    const char *p1[] = {"date", day, NULL};
    app_fmt(a, "notices.posted", posted, sizeof(posted), p1);
    /* end is exclusive: a notice shown until 24:00 on the 26th ends at
     * 00:00 on the 27th, and says "until the 26th" */
    civic_date(a, end - 1, day, sizeof(day));
    const char *p2[] = {"date", day, NULL};
    app_fmt(a, "notices.until", until, sizeof(until), p2);
    snprintf(out, n, "%s · %s", posted, until);
}

void civic_date(const struct app *a, int64_t unix_s, char *out, size_t n)
{
    struct civil t;
    civil_from_unix(unix_s, &t);
    char m[16], d[8];
    snprintf(m, sizeof(m), "month.%d", t.month);
    snprintf(d, sizeof(d), "%d", t.day);
    const char *pairs[] = {"month", app_t(a, m), "day", d, NULL};
    app_fmt(a, "notices.date", out, n, pairs);
}

static int level_clamp(int level)
{
    return level < RATING_MIN   ? RATING_MIN
           : level > RATING_MAX ? RATING_MAX
                                : level;
}

uint32_t civic_level_icon(int level)
{
    static const uint32_t faces[] = {ICON_VERY_DISSATISFIED, ICON_DISSATISFIED,
                                     ICON_NEUTRAL, ICON_SATISFIED,
                                     ICON_VERY_SATISFIED};
    return faces[level_clamp(level) - 1];
}

struct rgba civic_level_color(const struct theme *th, int level)
{
    return level >= 4 ? th->c.green : level == 3 ? th->c.brown : th->c.red;
}

const char *civic_level_key(int level, char out[24])
{
    snprintf(out, 24, "rating.level.%d", level_clamp(level));
    return out;
}
