/*
 * map.c - walking time, open-now badge and the schematic map (map.h).
 *
 * The map is drawn with rects only, as the draw list has no circles: each
 * walking ring is a dotted circle of small round rects, which reads as the
 * "within a walk" line of a printed neighbourhood map.
 */
#include "map.h"

#include "app.h"
#include "civil_time.h"
#include "geo.h"
#include "icons.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const int ring_minutes[3] = {5, 10, 15};

/* "08:30", "明天 08:30", "周三 08:30" or, for a time just past midnight
 * ending today's hours, "次日 02:00". */
static void when_text(const struct app *a, int64_t t, bool closing, char *out,
                      size_t outlen, const char **day_out)
{
    struct civil now, c;
    civil_from_unix(app_now_s(a), &now);
    civil_from_unix(t, &c);
    char hhmm[8];
    civil_format_hhmm(c.minute_of_day, hhmm);
    *day_out = NULL;
    if (c.day_number == now.day_number) {
        snprintf(out, outlen, "%s", hhmm);
    } else if (c.day_number == now.day_number + 1 && closing) {
        const char *pairs[] = {"time", hhmm, NULL};
        app_fmt(a, "hours.next_day", out, outlen, pairs);
    } else {
        char key[24];
        snprintf(key, sizeof(key), "weekday.%d", c.weekday);
        *day_out = c.day_number == now.day_number + 1 ? app_t(a, "day.tomorrow")
                                                      : app_t(a, key);
        snprintf(out, outlen, "%s", hhmm);
    }
}

void map_open_state(const struct app *a, const struct hours *h, int64_t now_s,
                    struct open_state *out)
{
    memset(out, 0, sizeof(*out));
    if (hours_unknown(h)) {
        out->kind = OPEN_UNKNOWN;
        snprintf(out->word, sizeof(out->word), "%s", app_t(a, "hours.unknown"));
        return;
    }
    int64_t next = -1;
    bool open = hours_is_open(h, now_s, &next);
    out->kind = open ? OPEN_NOW : OPEN_CLOSED;
    snprintf(out->word, sizeof(out->word), "%s",
             app_t(a, open ? "hours.open_now" : "hours.closed"));
    if (next < 0) {
        if (open)
            snprintf(out->detail, sizeof(out->detail), "%s",
                     app_t(a, "hours.all_day"));
        return;
    }
    char time[48];
    const char *day;
    when_text(a, next, open, time, sizeof(time), &day);
    if (day) {
        char both[96];
        snprintf(both, sizeof(both), "%s %s", day, time);
        const char *pairs[] = {"day", day, "time", time, NULL};
        if (open) {
            const char *p2[] = {"time", both, NULL};
            app_fmt(a, "hours.closes_at", out->detail, sizeof(out->detail), p2);
        } else {
            app_fmt(a, "hours.opens_day_at", out->detail, sizeof(out->detail),
                    pairs);
        }
        return;
    }
    const char *pairs[] = {"time", time, NULL};
    app_fmt(a, open ? "hours.closes_at" : "hours.opens_at", out->detail,
            sizeof(out->detail), pairs);
}

static uint32_t badge_icon(enum open_kind k)
{
    return k == OPEN_NOW      ? ICON_CHECK
           : k == OPEN_CLOSED ? ICON_SCHEDULE
                              : ICON_INFO;
}

int map_badge_width(const struct app *a, const struct open_state *st, int px)
{
    int tw = text_width(&a->tm, st->word, strlen(st->word), px, FONT_BOLD);
    return px + px * 5 / 4 + 8 + tw;
}

void map_badge(struct app *a, struct ui *ui, struct draw_list *dl,
               struct rect r, const struct open_state *st, int px)
{
    const struct palette *c = &a->theme.c;
    r.w = map_badge_width(a, st, px);
    bool open = st->kind == OPEN_NOW;
    struct rgba fg = open ? c->on_color : c->ink;
    draw_list_rect(dl, r, open ? c->green : c->card, r.h / 2);
    if (!open)
        draw_list_outline(dl, r, st->kind == OPEN_CLOSED ? c->ink2 : c->line, 2,
                          r.h / 2);
    int ipx = px * 5 / 4;
    struct rect ir = {r.x + px / 2, r.y, ipx, r.h};
    draw_list_icon(dl, ir, badge_icon(st->kind), ipx, fg);
    struct rect tr = {ir.x + ipx + 8, r.y, r.x + r.w - ir.x - ipx - 8 - px / 2,
                      r.h};
    struct text_style ts =
        ui_style(px, FONT_BOLD, fg, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, tr, st->word, &ts, 1, 0);
}

void map_message(struct app *a, struct ui *ui, struct draw_list *dl,
                 struct rect r, const char *text)
{
    const struct theme *th = &a->theme;
    struct text_style ts =
        ui_style(th->body, FONT_REGULAR, th->c.ink, ALIGN_CENTER, ALIGN_CENTER);
    ui_text(ui, dl, r, text, &ts, 3, 0);
}

/* ---- the map --------------------------------------------------------- */

/* A chip of text centred on (x, y): card, thin border, ink text. */
static struct rect chip_rect(struct app *a, const char *s, int px, int x, int y)
{
    int w = text_width(&a->tm, s, strlen(s), px, FONT_BOLD) + px;
    int h = text_line_height(px) + 4;
    return (struct rect){x - w / 2, y - h / 2, w, h};
}

static void chip(struct app *a, struct ui *ui, struct draw_list *dl,
                 struct rect r, const char *s, int px, struct rgba border)
{
    const struct palette *c = &a->theme.c;
    draw_list_rect(dl, r, c->card, r.h / 2);
    draw_list_outline(dl, r, border, 3, r.h / 2);
    struct text_style ts =
        ui_style(px, FONT_BOLD, c->ink, ALIGN_CENTER, ALIGN_CENTER);
    ui_text(ui, dl, r, s, &ts, 1, px);
}

/* True if r overlaps none of the n rects taken. */
static bool free_spot(struct rect r, const struct rect *taken, int n)
{
    for (int i = 0; i < n; i++)
        if (!rect_empty(rect_intersect(r, taken[i])))
            return false;
    return true;
}

/* A ring of radius rad px around (cx, cy) as round dots of size d. */
static void dotted_ring(struct draw_list *dl, int cx, int cy, int rad, int d,
                        struct rgba color)
{
    int n = (int)(2 * M_PI * rad / (d * 2.5));
    if (n < 16)
        n = 16;
    for (int i = 0; i < n; i++) {
        double t = 2 * M_PI * i / n;
        int x = cx + (int)lround(rad * cos(t)),
            y = cy + (int)lround(rad * sin(t));
        draw_list_rect(dl, (struct rect){x - d / 2, y - d / 2, d, d}, color,
                       d / 2);
    }
}

/* Metres east and north of the kiosk, by great-circle distances along
 * the meridian and the parallel. */
static void offset_m(const struct app *a, double lat, double lon, double *east,
                     double *north)
{
    double k_lat = a->cfg.lat, k_lon = a->cfg.lon;
    *east = geo_distance_m(k_lat, k_lon, k_lat, lon);
    *north = geo_distance_m(k_lat, k_lon, lat, k_lon);
    if (lon < k_lon)
        *east = -*east;
    if (lat < k_lat)
        *north = -*north;
}

void map_draw(struct app *a, struct ui *ui, struct draw_list *dl, struct rect r,
              double lat, double lon)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    draw_list_rect(dl, r, c->card, 12);
    draw_list_outline(dl, r, c->line, 2, 12);
    draw_list_push_clip(dl, r);

    int px = th->text_min;
    int chip_h = text_line_height(px) + 4;
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    /* room for the 15-minute label above its ring */
    int max_px = (r.w < r.h ? r.w : r.h) / 2 - chip_h / 2 - 12;
    if (max_px < 16)
        max_px = 16;

    struct walk_model w = a->cfg.walking;
    if (w.speed_m_per_min <= 0)
        w.speed_m_per_min = GEO_WALK_SPEED_DEFAULT;
    if (w.detour < 1)
        w.detour = GEO_DETOUR_DEFAULT;
    double east, north;
    offset_m(a, lat, lon, &east, &north);
    double extent = ring_minutes[2] * w.speed_m_per_min / w.detour;
    double far = fabs(east) > fabs(north) ? fabs(east) : fabs(north);
    if (far * 1.15 > extent)
        extent = far * 1.15;
    double scale = max_px / extent;

    /* rings, the kiosk, the service, then the labels where they do not
     * cover one another */
    int dot = th->mode == MODE_ELDER ? 10 : 8;
    int rad[3];
    for (int i = 0; i < 3; i++) {
        rad[i] =
            (int)lround(ring_minutes[i] * w.speed_m_per_min / w.detour * scale);
        dotted_ring(dl, cx, cy, rad[i], dot, c->blue);
    }

    /* the kiosk: a red dot with a white rim */
    int kd = th->gap + 8;
    draw_list_rect(
        dl, (struct rect){cx - kd / 2 - 4, cy - kd / 2 - 4, kd + 8, kd + 8},
        c->card, kd);
    draw_list_rect(dl, (struct rect){cx - kd / 2, cy - kd / 2, kd, kd}, c->red,
                   kd / 2);

    /* the service: a place marker on a white disc, its tip on the spot */
    int sx = cx + (int)lround(east * scale),
        sy = cy - (int)lround(north * scale);
    int mk = th->icon * 2 / 3;
    struct rect disc = {sx - mk / 2, sy - mk, mk, mk};
    draw_list_rect(dl, disc, c->card, mk / 2);
    draw_list_outline(dl, disc, c->blue, 3, mk / 2);
    draw_list_icon(dl, rect_inset(disc, 4), ICON_PLACE, mk - 16, c->blue);

    /* "您在这里" beside the dot on the first side clear of the marker,
     * then each ring's label on the first place on the ring clear of both */
    struct rect taken[8];
    int n_taken = 0;
    taken[n_taken++] = disc;
    const char *here = app_t(a, "map.you_are_here");
    struct rect hr = chip_rect(a, here, px, cx, cy);
    int hw = hr.w, off = kd / 2 + 12;
    const struct rect sides[4] = {
        {cx - hw / 2, cy + off, hw, chip_h},
        {cx - hw / 2, cy - off - chip_h, hw, chip_h},
        {cx + off, cy - chip_h / 2, hw, chip_h},
        {cx - off - hw, cy - chip_h / 2, hw, chip_h},
    };
    hr = sides[0];
    for (int i = 0; i < 4; i++)
        if (free_spot(sides[i], taken, n_taken)) {
            hr = sides[i];
            break;
        }
    taken[n_taken++] = hr;
    for (int i = 2; i >= 0; i--) {
        char min[8], label[32];
        snprintf(min, sizeof(min), "%d", ring_minutes[i]);
        const char *pairs[] = {"min", min, NULL};
        app_fmt(a, "map.ring", label, sizeof(label), pairs);
        /* top, bottom, right, left, then the diagonals (x 1/sqrt 2) */
        static const int at[8][2] = {{0, -10}, {0, 10},  {10, 0}, {-10, 0},
                                     {7, -7},  {-7, -7}, {7, 7},  {-7, 7}};
        for (int j = 0; j < 8; j++) {
            struct rect cr =
                chip_rect(a, label, px, cx + at[j][0] * rad[i] / 10,
                          cy + at[j][1] * rad[i] / 10);
            struct rect in = rect_intersect(cr, r);
            if (in.w == cr.w && in.h == cr.h && free_spot(cr, taken, n_taken)) {
                chip(a, ui, dl, cr, label, px, c->blue);
                taken[n_taken++] = cr;
                break;
            }
        }
    }
    chip(a, ui, dl, hr, here, px, c->red);

    /* north: an arrow over 北 in the top right corner */
    const char *n_label = app_t(a, "map.north");
    int nt = text_width(&a->tm, n_label, strlen(n_label), px, FONT_BOLD);
    int nw = (nt > px ? nt : px) + px, nh = px + chip_h;
    struct rect nr = {r.x + r.w - nw - 12, r.y + 12, nw, nh};
    draw_list_rect(dl, nr, c->card, 8);
    draw_list_outline(dl, nr, c->ink, 2, 8);
    draw_list_icon(dl, (struct rect){nr.x, nr.y + 4, nw, px}, ICON_UP, px,
                   c->ink);
    struct text_style ts =
        ui_style(px, FONT_BOLD, c->ink, ALIGN_CENTER, ALIGN_CENTER);
    ui_text(ui, dl, (struct rect){nr.x, nr.y + px, nw, chip_h - 4}, n_label,
            &ts, 1, px);
    draw_list_pop_clip(dl);
}

/* One line of the legend: a symbol drawn by kind in a square, then text;
 * returns its height. With dl NULL it only measures. */
static int legend_item(struct app *a, struct ui *ui, struct draw_list *dl,
                       struct rect r, int kind, const char *text)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    int lh = text_line_height(th->body), sym = th->body * 5 / 4;
    int tw = r.w - sym - 16;
    int h = ui_text_height(ui, tw, text, th->body, FONT_REGULAR, 3);
    if (h < lh)
        h = lh;
    if (!dl)
        return h;
    struct rect sr = {r.x, r.y + (lh - sym) / 2, sym, sym};
    if (kind == 0) {
        int kd = th->gap + 8;
        draw_list_rect(
            dl,
            (struct rect){sr.x + (sym - kd) / 2, sr.y + (sym - kd) / 2, kd, kd},
            c->red, kd / 2);
    } else if (kind == 1) {
        draw_list_icon(dl, sr, ICON_PLACE, sym, c->blue);
    } else {
        int d = th->mode == MODE_ELDER ? 10 : 8;
        for (int i = 0; i < 3; i++)
            draw_list_rect(dl,
                           (struct rect){sr.x + i * (sym - d) / 2,
                                         sr.y + (sym - d) / 2, d, d},
                           c->blue, d / 2);
    }
    struct text_style ts =
        ui_style(th->body, FONT_REGULAR, c->ink, ALIGN_START, ALIGN_START);
    ui_text(ui, dl, (struct rect){r.x + sym + 16, r.y, tw, h}, text, &ts, 3, 0);
    return h;
}

int map_legend(struct app *a, struct ui *ui, struct draw_list *dl,
               struct rect r, const char *name)
{
    const char *texts[3] = {app_t(a, "map.you_are_here"), name,
                            app_t(a, "map.legend.rings")};
    int y = r.y;
    for (int i = 0; i < 3; i++) {
        struct rect ir = {r.x, y, r.w, 0};
        y += legend_item(a, ui, dl, ir, i, texts[i]) + a->theme.gap;
    }
    return y - r.y - a->theme.gap;
}
