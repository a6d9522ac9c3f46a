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

/* Text at body size (or px) from r's top, or its height with dl NULL. */
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

/* The open-now badge and its detail ("20:00 关门"). */
static int draw_status(struct app *a, struct ui *ui, struct draw_list *dl,
                       struct rect r, const struct service_row *row,
                       int64_t now)
{
    const struct theme *th = &a->theme;
    struct open_state os;
    map_open_state(a, &row->hours, now, &os);
    int bh = text_line_height(th->body) + 8;
    int bw = map_badge_width(a, &os, th->body);
    if (!dl)
        return bh;
    map_badge(a, ui, dl, (struct rect){r.x, r.y, bw, bh}, &os, th->body);
    if (*os.detail) {
        struct text_style ts = ui_style(th->body, FONT_REGULAR, th->c.ink,
                                        ALIGN_START, ALIGN_CENTER);
        ui_text(ui, dl, (struct rect){r.x + bw + 24, r.y, r.w - bw - 24, bh},
                os.detail, &ts, 1, 0);
    }
    return bh;
}

/* Open now, walking time, address, phone and accessibility. */
static int draw_facts(struct app *a, struct ui *ui, struct draw_list *dl,
                      struct rect r, const struct service_detail *d,
                      int64_t now)
{
    const struct service_row *row = &d->row;
    int gap = a->theme.gap;
    char walk[64];
    map_walk_text(a, row->walk_min, walk, sizeof(walk));
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
 * exception sets them. */
static void day_text(const struct app *a, const struct hours *h, int32_t day,
                     char *out, size_t outlen)
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
        len += (size_t)snprintf(out + len, outlen - len, "%s%s", i ? ", " : "",
                                one);
    }
    if (has_exception(h, day) && len < outlen)
        snprintf(out + len, outlen - len, " (%s)", app_t(a, "hours.special"));
}

/* The height of one day's line in the week. */
static int week_row_h(const struct app *a)
{
    return text_line_height(a->theme.body) + 8;
}

/* The seven days from today, today on the focus colour and marked 今天,
 * under a heading (or, on the hours tab, the open-now badge). */
static int draw_week(struct app *a, struct ui *ui, struct draw_list *dl,
                     struct rect r, const struct service_row *row, int64_t now,
                     bool badge)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    struct rect hr = {r.x, r.y, r.w, 0};
    int y = r.y + th->gap / 2 +
            (badge ? draw_status(a, ui, dl, hr, row, now)
                   : text_at(ui, dl, hr, app_t(a, "hours.title"), th->body,
                             FONT_BOLD, c->ink, 1));
    if (hours_unknown(&row->hours)) {
        hr.y = y;
        return y - r.y +
               text_at(ui, dl, hr, app_t(a, "hours.unknown"), th->body,
                       FONT_REGULAR, c->ink, 2);
    }
    int row_h = week_row_h(a);
    if (!dl)
        return y + 7 * row_h - r.y;
    struct civil today;
    civil_from_unix(now, &today);
    int label_w = r.w * 2 / 5;
    for (int i = 0; i < 7; i++) {
        int32_t day = today.day_number + i;
        char key[24], label[64], hours[256];
        snprintf(key, sizeof(key), "weekday.%d", civil_weekday(day));
        if (i == 0)
            snprintf(label, sizeof(label), "%s %s", app_t(a, "hours.today"),
                     app_t(a, key));
        else
            snprintf(label, sizeof(label), "%s", app_t(a, key));
        day_text(a, &row->hours, day, hours, sizeof(hours));
        struct rect rr = {r.x, y + i * row_h, r.w, row_h};
        if (i == 0)
            draw_list_rect(dl, rr, c->focus, 8);
        else
            draw_list_rect(dl, (struct rect){rr.x, rr.y + rr.h - 1, rr.w, 1},
                           c->line, 0);
        struct text_style ls =
            ui_style(th->body, i == 0 ? FONT_BOLD : FONT_REGULAR, c->ink,
                     ALIGN_START, ALIGN_CENTER);
        ui_text(ui, dl, (struct rect){rr.x + 12, rr.y, label_w - 12, rr.h},
                label, &ls, 1, 0);
        ui_text(ui, dl,
                (struct rect){rr.x + label_w, rr.y, rr.w - label_w - 12, rr.h},
                hours, &ls, 1, 0);
    }
    return y + 7 * row_h - r.y;
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
    int w = text_width(&a->tm, label, strlen(label), th->body, FONT_BOLD) +
            th->body * 5 / 4 + 96;
    if (w > r.w)
        w = r.w;
    struct rect br = {r.x, r.y + r.h - th->target, w, th->target};
    struct button b = {.label = label,
                       .icon = ICON_VERY_SATISFIED,
                       .look = LOOK_FILLED,
                       .color = app_accent(a, "rating"),
                       .role = ROLE_BUTTON};
    if (ui_button(ui, dl, "service.rate", br, &b)) {
        struct screen_args args = {0};
        snprintf(args.id, sizeof(args.id), "%s", s->args.id);
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
    int wh = draw_week(a, ui, NULL, cb, &d->row, now, false) + th->gap;
    int qs = cb.h - wh < cb.w ? cb.h - wh : cb.w;
    if (!dl)
        return fh + dh + rate_h <= ca.h && qs >= 300;
    draw_rate(s, ui, dl, ca);
    draw_facts(a, ui, dl, ca, d, now);
    draw_about(a, ui, dl, (struct rect){ca.x, ca.y + fh, ca.w, dh}, d);
    draw_week(a, ui, dl, cb, &d->row, now, false);
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
    int wh = draw_week(a, ui, NULL, wr, &d->row, now, false);
    int row_h = wh > qs ? wh : qs;
    struct rect dr = {r.x, wr.y + row_h + gap, r.w, 0};
    int dh = draw_about(a, ui, NULL, dr, d);
    int rate_h = draw_rate(s, ui, NULL, r);
    struct rect mr = {r.x, dr.y + dh + (dh ? gap : 0), r.w, 0};
    mr.h = r.y + r.h - rate_h - mr.y;
    if (!dl)
        return mr.h >= 360;
    draw_facts(a, ui, dl, r, d, now);
    draw_week(a, ui, dl, wr, &d->row, now, false);
    draw_qr(a, ui, dl, (struct rect){wr.x + wr.w + gap, wr.y, qs, qs},
            s->state);
    dr.h = dh;
    draw_about(a, ui, dl, dr, d);
    draw_map(a, ui, dl, mr, d);
    draw_rate(s, ui, dl, r);
    return true;
}

/* 长辈版 and small screens: the same on tabs, one part at a time. */
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
    if (hit >= 0)
        st->tab = hit;
    struct rect in = {body.x, tr.y + tr.h + th->gap, body.w,
                      body.h - tr.h - th->gap};

    switch (st->tab) {
    case TAB_HOURS:
        in.w = in.w < 1100 ? in.w : 1100;
        draw_week(a, ui, dl, in, &d->row, now, true);
        break;
    case TAB_MAP:
        draw_map(a, ui, dl, in, d);
        break;
    case TAB_ABOUT:
        draw_about(a, ui, dl, in, d);
        break;
    default: {
        /* the facts and the rate button, the QR beside or under them */
        struct rect facts = in;
        facts.h -= draw_rate(s, ui, dl, in);
        if (in.h > in.w) {
            int fh = draw_facts(a, ui, dl, facts, d, now) + th->margin;
            int qs = facts.h - fh < in.w * 3 / 5 ? facts.h - fh : in.w * 3 / 5;
            draw_qr(a, ui, dl,
                    (struct rect){in.x + (in.w - qs) / 2, in.y + fh, qs, qs},
                    st);
        } else {
            int qs = in.h < in.w * 2 / 5 ? in.h : in.w * 2 / 5;
            facts.w = in.w - qs - th->margin;
            draw_facts(a, ui, dl, facts, d, now);
            draw_qr(a, ui, dl, (struct rect){in.x + in.w - qs, in.y, qs, qs},
                    st);
        }
        break;
    }
    }
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
