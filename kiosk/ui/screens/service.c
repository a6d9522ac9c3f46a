/*
 * service.c - one service (args.id): open now, walking time, address,
 * phone, accessibility, the week's opening hours from today, a QR code to
 * take the details away, a schematic map with the walking rings, and a
 * button to rate it. On a large landscape screen in standard mode all of
 * it shows at once; in 长辈版, portrait or a small screen it goes on tabs
 * (概况 / 开放时间 / 地图 / 简介), never in a scroll.
 */
#include "screen.h"

#include "app.h"
#include "civil_time.h"
#include "err.h"
#include "icons.h"
#include "map.h"
#include "qr.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

enum tab { TAB_OVERVIEW, TAB_HOURS, TAB_MAP, TAB_ABOUT };

struct state {
    int tab;
    int page; /* of the tab, when it does not fit one screen */
    /* the QR of each language, made on enter: the frame path must not
     * allocate, and the draw list borrows it */
    struct qr qr[LANG_COUNT];
    bool has_qr[LANG_COUNT];
};

/* The QR's text: the service's web page, or else its name, address and
 * phone, which a phone shows as a note. */
static void qr_text(const struct service_detail *d, enum lang lang, char *out,
                    size_t outlen)
{
    const struct service_row *r = &d->row;
    if (*d->url) {
        snprintf(out, outlen, "%s", d->url);
        return;
    }
    const char *name = lang == LANG_EN && *r->name[LANG_EN] ? r->name[LANG_EN]
                                                            : r->name[LANG_ZH];
    const char *addr = lang == LANG_EN && *r->address[LANG_EN]
                           ? r->address[LANG_EN]
                           : r->address[LANG_ZH];
    snprintf(out, outlen, "%s\n%s%s%s", name, addr, *r->phone ? "\n" : "",
             r->phone);
}

static int enter(struct screen *s, const struct screen_args *args)
{
    struct state *st = s->state;
    struct service_detail d;
    int rc = store_service(s->app->store, args->id, app_now_s(s->app), &d);
    if (rc)
        return rc;
    for (int l = 0; l < LANG_COUNT; l++) {
        char text[QR_MAX_TEXT];
        qr_text(&d, (enum lang)l, text, sizeof(text));
        st->has_qr[l] = qr_encode(text, &st->qr[l]) == 0;
    }
    return 0;
}

static void leave(struct screen *s)
{
    struct state *st = s->state;
    for (int l = 0; l < LANG_COUNT; l++)
        if (st->has_qr[l])
            qr_release(&st->qr[l]);
}

/* ---- pieces ---------------------------------------------------------- */

/* Each piece draws from the top of its rect and returns the height it
 * takes; with dl NULL it only measures, so a layout can check that
 * everything fits before it draws anything. */

/* Text at px from r's top, or its height with dl NULL. */
static int text_at(struct ui *ui, struct draw_list *dl, struct rect r,
                   const char *s, int px, enum font_weight wt,
                   struct rgba color, int max_lines)
{
    if (!dl)
        return ui_text_height(ui, r.w, s, px, wt, max_lines);
    struct text_style ts = ui_style(px, wt, color, ALIGN_START, ALIGN_START);
    return ui_text(ui, dl, r, s, &ts, max_lines, 0);
}

/* An icon, then a text of up to max_lines. */
static int fact(struct app *a, struct ui *ui, struct draw_list *dl,
                struct rect r, uint32_t icon, const char *text, int max_lines)
{
    const struct theme *th = &a->theme;
    int lh = text_line_height(th->body), ipx = th->body * 5 / 4;
    if (dl)
        draw_list_icon(dl, (struct rect){r.x, r.y, ipx, lh}, icon, ipx,
                       app_accent(a, "services"));
    struct rect tr = {r.x + ipx + 16, r.y, r.w - ipx - 16, 0};
    int h =
        text_at(ui, dl, tr, text, th->body, FONT_REGULAR, th->c.ink, max_lines);
    return h > lh ? h : lh;
}

/* The accessibility facts after the accessible icon, "轮椅可通行 · 有电梯",
 * wrapped between facts, never inside one. */
static int draw_tags(struct app *a, struct ui *ui, struct draw_list *dl,
                     struct rect r, unsigned tags)
{
    const struct theme *th = &a->theme;
    if (!(tags & ((1u << TAG_COUNT_) - 1)))
        return fact(a, ui, dl, r, ICON_ACCESSIBLE,
                    app_t(a, "service.access.none"), 2);
    int lh = text_line_height(th->body), ipx = th->body * 5 / 4;
    if (dl)
        draw_list_icon(dl, (struct rect){r.x, r.y, ipx, lh}, ICON_ACCESSIBLE,
                       ipx, app_accent(a, "services"));
    int x0 = r.x + ipx + 16, right = r.x + r.w, x = x0, y = r.y;
    const char *sep = " · ";
    int sw = text_width(&a->tm, sep, strlen(sep), th->body, FONT_REGULAR);
    struct text_style ts =
        ui_style(th->body, FONT_REGULAR, th->c.ink, ALIGN_START, ALIGN_START);
    bool first = true;
    for (int i = 0; i < TAG_COUNT_; i++) {
        if (!(tags & (1u << i)))
            continue;
        char key[48];
        snprintf(key, sizeof(key), "tag.%s", tag_name(i));
        const char *t = app_t(a, key);
        int tw = text_width(&a->tm, t, strlen(t), th->body, FONT_REGULAR);
        if (tw > right - x0)
            tw = right - x0;
        if (!first && x + sw + tw > right) {
            x = x0;
            y += lh;
        } else if (!first) {
            if (dl)
                draw_list_text(dl, (struct rect){x, y, sw, lh}, sep, &ts);
            x += sw;
        }
        if (dl)
            ui_text(ui, dl, (struct rect){x, y, tw, lh}, t, &ts, 1, 0);
        x += tw;
        first = false;
    }
    return y + lh - r.y;
}

/* The open-now badge and its detail ("20:00 关门") beside it, or under
 * it when the line is too short for both. */
static int draw_status(struct app *a, struct ui *ui, struct draw_list *dl,
                       struct rect r, const struct service_row *row,
                       int64_t now)
{
    const struct theme *th = &a->theme;
    struct open_state os;
    map_open_state(a, &row->hours, now, &os);
    int bh = text_line_height(th->body) + 8;
    int bw = map_badge_width(a, &os, th->body);
    int dw = text_width(&a->tm, os.detail, strlen(os.detail), th->body,
                        FONT_REGULAR);
    bool under = *os.detail && bw + 24 + dw > r.w;
    struct rect dr = {r.x + bw + 24, r.y, r.w - bw - 24, bh};
    if (under)
        dr = (struct rect){r.x, r.y + bh, r.w, text_line_height(th->body)};
    if (!dl)
        return dr.y + dr.h - r.y;
    map_badge(a, ui, dl, (struct rect){r.x, r.y, bw, bh}, &os, th->body);
    if (*os.detail) {
        struct text_style ts = ui_style(th->body, FONT_REGULAR, th->c.ink,
                                        ALIGN_START, ALIGN_CENTER);
        ui_text(ui, dl, dr, os.detail, &ts, 2, 0);
    }
    return dr.y + dr.h - r.y;
}

/* Open now, walking time, address, phone and accessibility. */
static int draw_facts(struct app *a, struct ui *ui, struct draw_list *dl,
                      struct rect r, const struct service_detail *d,
                      int64_t now)
{
    const struct service_row *row = &d->row;
    int gap = a->theme.gap;
    char walk[64];
    app_walk_text(a, row->walk_min, walk, sizeof(walk));
    struct rect fr = {r.x, r.y, r.w, 0};
    fr.y += draw_status(a, ui, dl, fr, row, now) + gap;
    fr.y += fact(a, ui, dl, fr, ICON_WALK, walk, 1) + gap;
    fr.y += fact(a, ui, dl, fr, ICON_PLACE,
                 app_text(a, (const char *const[]){row->address[LANG_ZH],
                                                   row->address[LANG_EN]}),
                 2) +
            gap;
    if (*row->phone)
        fr.y += fact(a, ui, dl, fr, ICON_PHONE, row->phone, 1) + gap;
    fr.y += draw_tags(a, ui, dl, fr, row->tags);
    return fr.y - r.y;
}

/* "08:30–17:00", with "次日" for a close past midnight. */
static void range_text(const struct app *a, const struct hours_range *hr,
                       char *out, size_t outlen)
{
    if (hr->open == 0 && hr->close >= 1440) {
        snprintf(out, outlen, "%s", app_t(a, "hours.all_day"));
        return;
    }
    char open[8], close[8], next[48];
    civil_format_hhmm(hr->open, open);
    if (hr->close == 1440)
        snprintf(close, sizeof(close), "24:00");
    else
        civil_format_hhmm(hr->close, close);
    if (hr->close > 1440) {
        const char *pairs[] = {"time", close, NULL};
        app_fmt(a, "hours.next_day", next, sizeof(next), pairs);
        snprintf(out, outlen, "%s–%s", open, next);
    } else {
        snprintf(out, outlen, "%s–%s", open, close);
    }
}

static bool has_exception(const struct hours *h, int32_t day)
{
    int n = h->n_exceptions < HOURS_MAX_EXCEPTIONS ? h->n_exceptions
                                                   : HOURS_MAX_EXCEPTIONS;
    for (int i = 0; i < n; i++)
        if (h->exceptions[i].day == day)
            return true;
    return false;
}

/* One day's hours as text: its ranges, 不开放, and 临时调整 when an
 * exception sets them; sep goes between the parts. */
static void day_text(const struct app *a, const struct hours *h, int32_t day,
                     const char *sep, char *out, size_t outlen)
{
    struct hours_range rs[HOURS_MAX_RANGES];
    int n = hours_for_day(h, day, rs, HOURS_MAX_RANGES);
    size_t len = 0;
    out[0] = '\0';
    if (n == 0)
        len = (size_t)snprintf(out, outlen, "%s", app_t(a, "hours.closed_day"));
    for (int i = 0; i < n && len < outlen; i++) {
        char one[64];
        range_text(a, &rs[i], one, sizeof(one));
        len += (size_t)snprintf(out + len, outlen - len, "%s%s", i ? sep : "",
                                one);
    }
    if (has_exception(h, day) && len < outlen)
        snprintf(out + len, outlen - len, "%s(%s)", *sep == ',' ? " " : sep,
                 app_t(a, "hours.special"));
}

/* Day i of the week from today: its name and hours, today on the focus
 * colour and marked 今天; two lines when the hours need them. Returns its
 * height. */
static int draw_day(struct app *a, struct ui *ui, struct draw_list *dl,
                    struct rect r, const struct service_row *row, int64_t now,
                    int i)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    struct civil today;
    civil_from_unix(now, &today);
    int32_t day = today.day_number + i;
    char key[24], label[64], today_label[64], hours[256];
    snprintf(key, sizeof(key), "weekday.%d", today.weekday);
    snprintf(today_label, sizeof(today_label), "%s %s", app_t(a, "hours.today"),
             app_t(a, key));
    snprintf(key, sizeof(key), "weekday.%d", civil_weekday(day));
    snprintf(label, sizeof(label), "%s", i == 0 ? today_label : app_t(a, key));
    day_text(a, &row->hours, day, ", ", hours, sizeof(hours));
    /* the name column fits "今天 周一", the longest name */
    int label_w = text_width(&a->tm, today_label, strlen(today_label), th->body,
                             FONT_BOLD) +
                  36;
    if (label_w < r.w / 3)
        label_w = r.w / 3;
    enum font_weight wt = i == 0 ? FONT_BOLD : FONT_REGULAR;
    int hw = r.w - label_w - 12;
    /* ranges too long for one line go one to a line, never split */
    if (text_width(&a->tm, hours, strlen(hours), th->body, wt) > hw)
        day_text(a, &row->hours, day, "\n", hours, sizeof(hours));
    int hh = ui_text_height(ui, hw, hours, th->body, wt, 4);
    int lh = text_line_height(th->body);
    struct rect rr = {r.x, r.y, r.w, (hh > lh ? hh : lh) + 8};
    if (!dl)
        return rr.h;
    if (i == 0)
        draw_list_rect(dl, rr, c->focus, 8);
    else
        draw_list_rect(dl, (struct rect){rr.x, rr.y + rr.h - 1, rr.w, 1},
                       c->line, 0);
    struct text_style ls =
        ui_style(th->body, wt, c->ink, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, (struct rect){rr.x + 12, rr.y, label_w - 12, rr.h}, label,
            &ls, 1, 0);
    ui_text(ui, dl, (struct rect){rr.x + label_w, rr.y, hw, rr.h}, hours, &ls,
            4, 0);
    return rr.h;
}

/* The heading and the seven days from today. */
static int draw_week(struct app *a, struct ui *ui, struct draw_list *dl,
                     struct rect r, const struct service_row *row, int64_t now)
{
    const struct theme *th = &a->theme;
    struct rect hr = {r.x, r.y, r.w, 0};
    hr.y += text_at(ui, dl, hr, app_t(a, "hours.title"), th->body, FONT_BOLD,
                    th->c.ink, 1) +
            th->gap / 2;
    if (hours_unknown(&row->hours))
        return hr.y - r.y +
               text_at(ui, dl, hr, app_t(a, "hours.unknown"), th->body,
                       FONT_REGULAR, th->c.ink, 2);
    for (int i = 0; i < 7; i++)
        hr.y += draw_day(a, ui, dl, hr, row, now, i);
    return hr.y - r.y;
}

static void draw_qr(struct app *a, struct ui *ui, struct draw_list *dl,
                    struct rect r, const struct state *st)
{
    enum lang l = a->session.lang;
    if (st->has_qr[l])
        ui_qr(ui, dl, r, &st->qr[l], app_t(a, "service.qr.hint"));
}

static const char *description(const struct app *a,
                               const struct service_detail *d)
{
    return app_text(a, (const char *const[]){d->description[LANG_ZH],
                                             d->description[LANG_EN]});
}

/* True if the description wraps into the lines one text run can hold at
 * width w; a longer one goes on the about tab's pages. */
static bool about_fits(struct app *a, const struct service_detail *d, int w)
{
    struct text_lines tl;
    text_wrap(&a->tm, description(a, d), a->theme.body, FONT_REGULAR, w,
              TEXT_MAX_LINES, &tl);
    return !tl.overflow;
}

/* The description, or its height with dl NULL (0 if there is none). */
static int draw_about(struct app *a, struct ui *ui, struct draw_list *dl,
                      struct rect r, const struct service_detail *d)
{
    return text_at(ui, dl, r, description(a, d), a->theme.body, FONT_REGULAR,
                   a->theme.c.ink, TEXT_MAX_LINES);
}

/* The map with its legend beside it (wide r) or under it. */
static void draw_map(struct app *a, struct ui *ui, struct draw_list *dl,
                     struct rect r, const struct service_detail *d)
{
    const struct theme *th = &a->theme;
    const char *name = app_text(
        a, (const char *const[]){d->row.name[LANG_ZH], d->row.name[LANG_EN]});
    struct rect m = r, key = r;
    if (r.w > r.h * 4 / 3) {
        m.w = r.h;
        key.x = m.x + m.w + th->margin;
        key.w = r.x + r.w - key.x;
    } else {
        int kh = map_legend(a, ui, NULL, key, name);
        m.h = r.h - kh - th->gap;
        key.y = m.y + m.h + th->gap;
    }
    map_draw(a, ui, dl, m, d->row.lat, d->row.lon);
    map_legend(a, ui, dl, key, name);
}

/* The rate button's width. */
static int rate_w(const struct app *a)
{
    const char *label = app_t(a, "service.rate");
    int px = a->theme.body;
    return text_width(&a->tm, label, strlen(label), px, FONT_BOLD) +
           px * 5 / 4 + 96;
}

/* The rate button at r's bottom if ratings are on; returns its height
 * with the gap above it, or 0. */
static int draw_rate(struct screen *s, struct ui *ui, struct draw_list *dl,
                     struct rect r)
{
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    if (!(a->cfg.modules & MODULE_RATING))
        return 0;
    if (!dl)
        return th->target + th->gap;
    const char *label = app_t(a, "service.rate");
    int w = rate_w(a) < r.w ? rate_w(a) : r.w;
    struct rect br = {r.x, r.y + r.h - th->target, w, th->target};
    struct button b = {.label = label,
                       .icon = ICON_VERY_SATISFIED,
                       .look = LOOK_FILLED,
                       .color = app_accent(a, "rating"),
                       .role = ROLE_BUTTON};
    if (ui_button(ui, dl, "service.rate", br, &b)) {
        struct screen_args args = screen_args_id(s->args.id);
        router_push(&a->router, &screen_rate, &args);
    }
    return th->target + th->gap;
}

/* ---- layouts --------------------------------------------------------- */

/*
 * Everything at once, in three columns: the facts, the description and
 * the rate button; the week and the QR; the map and its legend. With dl
 * NULL, returns whether it fits body.
 */
static bool draw_landscape(struct screen *s, struct ui *ui,
                           struct draw_list *dl, struct rect body,
                           const struct service_detail *d, int64_t now)
{
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    int gap = th->margin;
    struct rect ca = {body.x, body.y, body.w * 8 / 20 - gap, body.h};
    struct rect cb = {ca.x + ca.w + gap, body.y, body.w * 6 / 20 - gap, body.h};
    struct rect cc = {cb.x + cb.w + gap, body.y,
                      body.x + body.w - cb.x - cb.w - gap, body.h};
    int fh = draw_facts(a, ui, NULL, ca, d, now) + th->gap * 2;
    int rate_h = draw_rate(s, ui, NULL, ca);
    int dh = draw_about(a, ui, NULL, ca, d);
    int wh = draw_week(a, ui, NULL, cb, &d->row, now) + th->gap;
    int qs = cb.h - wh < cb.w ? cb.h - wh : cb.w;
    if (!dl)
        return fh + dh + rate_h <= ca.h && qs >= 300 && about_fits(a, d, ca.w);
    draw_rate(s, ui, dl, ca);
    draw_facts(a, ui, dl, ca, d, now);
    draw_about(a, ui, dl, (struct rect){ca.x, ca.y + fh, ca.w, dh}, d);
    draw_week(a, ui, dl, cb, &d->row, now);
    draw_qr(a, ui, dl,
            (struct rect){cb.x + (cb.w - qs) / 2, cb.y + cb.h - qs, qs, qs},
            s->state);
    draw_map(a, ui, dl, cc, d);
    return true;
}

/*
 * Everything at once, one part under the other: the facts; the week and
 * the QR side by side; the description; the map beside its legend; the
 * rate button. With dl NULL, returns whether it fits body.
 */
static bool draw_portrait(struct screen *s, struct ui *ui, struct draw_list *dl,
                          struct rect body, const struct service_detail *d,
                          int64_t now)
{
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    int gap = th->margin;
    struct rect r = body;
    int fh = draw_facts(a, ui, NULL, r, d, now);
    struct rect wr = {r.x, r.y + fh + gap, r.w * 11 / 20, 0};
    int qs = r.w - wr.w - gap;
    int wh = draw_week(a, ui, NULL, wr, &d->row, now);
    int row_h = wh > qs ? wh : qs;
    struct rect dr = {r.x, wr.y + row_h + gap, r.w, 0};
    int dh = draw_about(a, ui, NULL, dr, d);
    int rate_h = draw_rate(s, ui, NULL, r);
    struct rect mr = {r.x, dr.y + dh + (dh ? gap : 0), r.w, 0};
    mr.h = r.y + r.h - rate_h - mr.y;
    if (!dl)
        return mr.h >= 360 && about_fits(a, d, dr.w);
    draw_facts(a, ui, dl, r, d, now);
    draw_week(a, ui, dl, wr, &d->row, now);
    draw_qr(a, ui, dl, (struct rect){wr.x + wr.w + gap, wr.y, qs, qs},
            s->state);
    dr.h = dh;
    draw_about(a, ui, dl, dr, d);
    draw_map(a, ui, dl, mr, d);
    draw_rate(s, ui, dl, r);
    return true;
}

/*
 * 长辈版 and small screens: the same on tabs, one part at a time, each
 * tab a column of blocks (a fact, a day, a line of the description) put
 * on pages that fit, turned with the pager: never a scroll.
 */

#define ABOUT_LINES_MAX 96

/* What the overview shows, in order. */
enum part {
    PART_STATUS,
    PART_WALK,
    PART_ADDRESS,
    PART_PHONE,
    PART_TAGS,
    PART_QR,
    PART_RATE
};

struct blocks {
    struct screen *s;
    const struct service_detail *d;
    int64_t now;
    int tab;
    enum part parts[8]; /* the overview's blocks */
    int n_parts;
    int qs; /* the QR's side */
    /* the description wrapped into lines (the about tab) */
    int n_lines;
    size_t start[ABOUT_LINES_MAX], len[ABOUT_LINES_MAX];
};

/* Wraps the description into b's lines at width w. */
static void wrap_about(struct app *a, struct blocks *b, int w)
{
    const char *text = description(a, b->d);
    size_t off = 0, total = strlen(text);
    b->n_lines = 0;
    while (off < total && b->n_lines < ABOUT_LINES_MAX) {
        struct text_lines tl;
        text_wrap(&a->tm, text + off, a->theme.body, FONT_REGULAR, w,
                  TEXT_MAX_LINES, &tl);
        for (int i = 0; i < tl.n && b->n_lines < ABOUT_LINES_MAX; i++) {
            b->start[b->n_lines] = off + tl.start[i];
            b->len[b->n_lines++] = tl.len[i];
        }
        if (!tl.overflow || tl.n == 0)
            break;
        off += tl.start[tl.n - 1] + tl.len[tl.n - 1];
    }
}

static int block_count(const struct blocks *b)
{
    switch (b->tab) {
    case TAB_HOURS:
        return hours_unknown(&b->d->row.hours) ? 2 : 8;
    case TAB_MAP:
        return 1;
    case TAB_ABOUT:
        return b->n_lines;
    default:
        return b->n_parts;
    }
}

/* Block i of the tab at r's top, or its height with dl NULL; the height
 * includes the space after it. */
static int block(struct blocks *b, int i, struct ui *ui, struct draw_list *dl,
                 struct rect r)
{
    struct app *a = b->s->app;
    const struct theme *th = &a->theme;
    const struct service_row *row = &b->d->row;
    if (b->tab == TAB_MAP) {
        if (dl)
            draw_map(a, ui, dl, r, b->d);
        return r.h;
    }
    if (b->tab == TAB_ABOUT) {
        int lh = text_line_height(th->body);
        if (dl) {
            char line[512];
            size_t n =
                b->len[i] < sizeof(line) - 1 ? b->len[i] : sizeof(line) - 1;
            memcpy(line, description(a, b->d) + b->start[i], n);
            line[n] = '\0';
            struct text_style ts = ui_style(th->body, FONT_REGULAR, th->c.ink,
                                            ALIGN_START, ALIGN_CENTER);
            draw_list_text(dl, (struct rect){r.x, r.y, r.w, lh}, line, &ts);
        }
        return lh;
    }
    if (b->tab == TAB_HOURS) {
        if (i == 0)
            return draw_status(a, ui, dl, r, row, b->now) + th->gap;
        if (hours_unknown(&row->hours))
            return text_at(ui, dl, r, app_t(a, "hours.unknown"), th->body,
                           FONT_REGULAR, th->c.ink, 2);
        return draw_day(a, ui, dl, r, row, b->now, i - 1);
    }
    char walk[64];
    switch (b->parts[i]) {
    case PART_STATUS:
        return draw_status(a, ui, dl, r, row, b->now) + th->gap;
    case PART_WALK:
        app_walk_text(a, row->walk_min, walk, sizeof(walk));
        return fact(a, ui, dl, r, ICON_WALK, walk, 1) + th->gap;
    case PART_ADDRESS:
        return fact(a, ui, dl, r, ICON_PLACE,
                    app_text(a, (const char *const[]){row->address[LANG_ZH],
                                                      row->address[LANG_EN]}),
                    2) +
               th->gap;
    case PART_PHONE:
        return fact(a, ui, dl, r, ICON_PHONE, row->phone, 1) + th->gap;
    case PART_TAGS:
        return draw_tags(a, ui, dl, r, row->tags) + th->gap;
    case PART_RATE:
        return draw_rate(b->s, ui, dl,
                         (struct rect){r.x, r.y, r.w, th->target});
    default:
        if (dl)
            draw_qr(a, ui, dl,
                    (struct rect){r.x + (r.w - b->qs) / 2, r.y, b->qs, b->qs},
                    b->s->state);
        return b->qs + th->gap;
    }
}

/* The first block of each column of r.h for the blocks (the space after
 * the last one may fall outside); returns the column count (at least 1).
 * A block taller than r.h gets a column of its own. */
static int paginate(struct blocks *b, struct ui *ui, struct rect r, int *first,
                    int max_pages)
{
    int pages = 1, used = 0, n = block_count(b);
    int room = r.h + b->s->app->theme.gap;
    first[0] = 0;
    for (int i = 0; i < n; i++) {
        int h = block(b, i, ui, NULL, r);
        if (used > 0 && used + h > room && pages < max_pages) {
            first[pages++] = i;
            used = 0;
        }
        used += h;
    }
    first[pages] = n;
    return pages;
}

#define PAGES_MAX 32

static void draw_tabs(struct screen *s, struct ui *ui, struct draw_list *dl,
                      struct rect body, const struct service_detail *d,
                      int64_t now)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const struct theme *th = &a->theme;
    const char *labels[4] = {
        app_t(a, "service.tab.overview"), app_t(a, "service.tab.hours"),
        app_t(a, "service.tab.map"), app_t(a, "service.tab.about")};
    int n = *description(a, d) ? 4 : 3;
    if (st->tab >= n)
        st->tab = TAB_OVERVIEW;
    struct rect tr = {body.x, body.y, body.w, th->target};
    int hit = ui_tabs(ui, dl, "tab", tr, labels, n, st->tab);
    if (hit >= 0 && hit != st->tab) {
        st->tab = hit;
        st->page = 0;
    }
    struct rect in = {body.x, tr.y + tr.h + th->gap, body.w,
                      body.h - tr.h - th->gap};

    struct blocks b = {.s = s, .d = d, .now = now, .tab = st->tab};
    bool overview = st->tab == TAB_OVERVIEW;
    /* the overview's QR beside the facts when the screen is wide and high
     * enough to scan it there, else a block of its own after them */
    struct rect col = in;
    bool qr_beside = overview && in.w > in.h && in.h >= 360;
    if (qr_beside) {
        b.qs = in.h < in.w * 2 / 5 ? in.h : in.w * 2 / 5;
        col.w = in.w - b.qs - th->margin;
    } else {
        b.qs = in.h - th->gap < in.w * 3 / 5 ? in.h - th->gap : in.w * 3 / 5;
    }
    if (overview) {
        enum part all[] = {PART_STATUS, PART_WALK, PART_ADDRESS, PART_PHONE,
                           PART_TAGS,   PART_QR,   PART_RATE};
        for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
            if ((all[i] == PART_PHONE && !*d->row.phone) ||
                (all[i] == PART_QR &&
                 (qr_beside || !st->has_qr[a->session.lang])) ||
                (all[i] == PART_RATE && !(a->cfg.modules & MODULE_RATING)))
                continue;
            b.parts[b.n_parts++] = all[i];
        }
    }
    if (st->tab == TAB_HOURS && col.w > 1100)
        col.w = 1100;
    if (st->tab == TAB_ABOUT)
        wrap_about(a, &b, col.w);

    /* columns of blocks when it does not fit; two columns to a page on a
     * low, wide screen, one otherwise; the pager under them */
    struct rect content = col;
    int first[PAGES_MAX + 1];
    int cols = paginate(&b, ui, content, first, PAGES_MAX);
    int per_page = 1;
    if (cols > 1) {
        content.h -= th->target + th->gap;
        per_page = overview && content.h < 400 && col.w >= 1100 ? 2 : 1;
        content.w = (col.w - (per_page - 1) * th->margin) / per_page;
        if (!qr_beside && b.qs > content.h - th->gap)
            b.qs = content.h - th->gap;
        if (!qr_beside && b.qs > content.w)
            b.qs = content.w;
        cols = paginate(&b, ui, content, first, PAGES_MAX);
    }
    int pages = ui_pages(cols, per_page, &st->page);

    for (int c = 0; c < per_page; c++) {
        int k = st->page * per_page + c;
        if (k >= cols)
            break;
        struct rect cr = content;
        cr.x += c * (content.w + th->margin);
        int y = cr.y;
        for (int i = first[k]; i < first[k + 1]; i++) {
            struct rect br = {cr.x, y, cr.w, cr.y + cr.h - y};
            y += block(&b, i, ui, dl, br);
        }
    }
    if (qr_beside)
        draw_qr(a, ui, dl, (struct rect){in.x + in.w - b.qs, in.y, b.qs, b.qs},
                st);
    if (pages > 1)
        app_pager(
            a, ui, dl, "page",
            (struct rect){col.x, col.y + col.h - th->target, col.w, th->target},
            &st->page, pages);
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    int64_t now = app_now_s(a);
    struct service_detail d;
    if (store_service(a->store, s->args.id, now, &d) != 0) {
        /* gone in a sync while shown */
        map_message(a, ui, dl, body, app_t(a, "data.empty"));
        app_draw_frame(a, ui, dl, app_t(a, "services.title"));
        return;
    }
    /* 长辈版 keeps to one part at a time: fewer things to take in */
    bool all = th->mode == MODE_STANDARD;
    if (all && body.w > body.h && draw_landscape(s, ui, NULL, body, &d, now))
        draw_landscape(s, ui, dl, body, &d, now);
    else if (all && body.h > body.w &&
             draw_portrait(s, ui, NULL, body, &d, now))
        draw_portrait(s, ui, dl, body, &d, now);
    else
        draw_tabs(s, ui, dl, body, &d, now);
    app_draw_frame(a, ui, dl,
                   app_text(a, (const char *const[]){d.row.name[LANG_ZH],
                                                     d.row.name[LANG_EN]}));
}

const struct screen_ops screen_service = {
    .name = "service",
    .state_size = sizeof(struct state),
    .enter = enter,
    .leave = leave,
    .draw = draw,
};
