/*
 * rate_target.c - what to rate: the center itself, first and biggest, or
 * one of the services, nearest first, in pages. A target already rated in
 * this session says 已评价 and cannot be chosen again (one rating per
 * visit); a tap opens the rating screen (args.id "" for the center).
 */
#include "screen.h"

#include "app.h"
#include "civic.h"
#include "icons.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

#define MAX_ROWS 12

struct state {
    int page;
};

static void open_rate(struct app *a, const char *id)
{
    struct screen_args args = screen_args_id(id);
    router_push(&a->router, &screen_rate, &args);
}

static const char *center_name(const struct app *a)
{
    const char *name =
        app_text(a, (const char *const[]){a->cfg.center[LANG_ZH],
                                          a->cfg.center[LANG_EN]});
    return *name ? name : app_t(a, "app.center.fallback");
}

/* The height the center's card needs across w in portrait. */
static int center_h(struct app *a, struct ui *ui, int w)
{
    const struct theme *th = &a->theme;
    int tw = w - th->margin - th->title * 5 / 4 - 24;
    int h = ui_text_height(ui, tw, center_name(a), th->title, FONT_BOLD, 5) +
            ui_text_height(ui, tw, app_t(a, "rating.center"), th->body,
                           FONT_REGULAR, 2) +
            th->margin;
    return h < th->primary * 2 ? th->primary * 2 : h;
}

/* The center's big card in r, drawn here rather than by ui_button() so a
 * long name (56 letters in English) can take the lines it needs: names
 * are never cut. */
static void draw_center(struct app *a, struct ui *ui, struct draw_list *dl,
                        struct rect r, bool stack)
{
    const struct theme *th = &a->theme;
    const char *name = center_name(a);
    bool rated = app_has_rated(a, "center", a->cfg.kiosk_id);
    const char *sub = app_t(a, rated ? "rating.rated" : "rating.center");
    char label[UI_LABEL_MAX];
    snprintf(label, sizeof(label), "%s %s", name, sub);
    bool pressed;
    bool tapped = ui_hit(ui, "rate.center", ROLE_TILE, label, r, &pressed);
    struct ui_element *e = ui_last(ui);
    e->primary = true;
    e->disabled = rated;
    /* rated: a quiet card, since a grey fill would fail the 长辈版
     * contrast */
    struct rgba bg = rated ? th->c.card : app_accent(a, "rating");
    struct rgba fg = rated ? th->c.ink2 : th->c.on_color;
    struct rgba icon_fg = rated ? th->c.green : th->c.on_color;
    if (pressed && !rated)
        bg = rgba_darken(bg, 12);
    draw_list_rect(dl, r, bg, th->radius);
    if (rated)
        draw_list_outline(dl, r, th->c.line, 2, th->radius);

    /* a low card drops the face, then the line under the name, before
     * the name shrinks */
    struct rect in = rect_inset(r, th->margin / 2);
    uint32_t icon = rated ? ICON_CHECK : ICON_VERY_SATISFIED;
    int ipx = stack ? th->icon : th->title * 5 / 4;
    int tx = stack ? in.x : in.x + ipx + 24, tw = in.x + in.w - tx;
    int nh = ui_text_height(ui, tw, name, th->title, FONT_BOLD, 6);
    int sh = ui_text_height(ui, tw, sub, th->body, FONT_REGULAR, 2);
    if (stack && ipx + nh + sh > in.h)
        ipx = 0;
    if ((stack ? ipx : 0) + nh + sh > in.h)
        sh = 0;
    if ((stack ? ipx : 0) + nh + sh > in.h)
        nh = in.h - (stack ? ipx : 0) - sh;
    int y = in.y + (in.h - (stack ? ipx : 0) - nh - sh) / 2;
    if (stack && ipx) {
        draw_list_icon(dl, (struct rect){in.x, y, in.w, ipx}, icon, ipx,
                       icon_fg);
        y += ipx;
    } else if (!stack) {
        draw_list_icon(dl, (struct rect){in.x, in.y, ipx, in.h}, icon, ipx,
                       icon_fg);
    }
    struct text_style st =
        ui_style(th->title, FONT_BOLD, fg, stack ? ALIGN_CENTER : ALIGN_START,
                 ALIGN_START);
    ui_text(ui, dl, (struct rect){tx, y, tw, nh}, name, &st, 6, 0);
    if (sh) {
        st = ui_style(th->body, FONT_REGULAR, fg, st.halign, ALIGN_START);
        ui_text(ui, dl, (struct rect){tx, y + nh, tw, sh}, sub, &st, 2, 0);
    }
    if (tapped && !rated)
        open_rate(a, "");
}

/* The services, nearest first, as rows in cols columns over r. */
static void draw_services(struct app *a, struct state *st, struct ui *ui,
                          struct draw_list *dl, struct rect r)
{
    const struct theme *th = &a->theme;
    struct text_style hs =
        ui_style(th->body, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_START);
    int head = ui_text(ui, dl, r, app_t(a, "rating.services"), &hs, 2, 0);
    r.y += head + th->gap;
    r.h -= head + th->gap;

    int row_h = civic_row_h(th, 0);
    struct rect list = {r.x, r.y, r.w, r.h - th->target - th->gap};
    int per = ui_fit(list.h, row_h, th->gap);
    /* 长辈版: the center and at most five services on a screen */
    if (th->max_choices && per > th->max_choices - 1)
        per = th->max_choices - 1;
    if (per > MAX_ROWS)
        per = MAX_ROWS;

    struct service_row rows[MAX_ROWS];
    int n = 0, total = 0;
    struct service_query q = {.offset = st->page * per};
    store_services(a->store, &q, app_now_s(a), rows, per, &n, &total);
    if (total == 0) {
        struct text_style es = ui_style(th->body, FONT_REGULAR, th->c.ink2,
                                        ALIGN_START, ALIGN_START);
        ui_text(ui, dl, list, app_t(a, "data.empty"), &es, 2, 0);
        return;
    }
    for (int i = 0; i < n; i++) {
        const struct service_row *s = &rows[i];
        bool rated = app_has_rated(a, "service", s->id);
        char walk[64], id[UI_ID_MAX];
        app_walk_text(a, s->walk_min, walk, sizeof(walk));
        struct civic_row row = {
            .title = app_text(
                a, (const char *const[]){s->name[LANG_ZH], s->name[LANG_EN]}),
            .icon = ICON_PLACE,
            .icon_color = th->c.blue,
            .aside = {.text = rated ? app_t(a, "rating.rated") : walk,
                      .icon = rated ? ICON_CHECK : ICON_WALK,
                      .color = rated ? th->c.green : th->c.ink2,
                      .right = true},
            /* the walk is a nicety; 已评价 says why a row is off */
            .aside_optional = !rated,
            .disabled = rated};
        struct rect rr = {list.x, list.y + i * (row_h + th->gap), list.w,
                          row_h};
        snprintf(id, sizeof(id), "svc.%d", q.offset + i);
        if (civic_row(ui, dl, id, rr, &row))
            open_rate(a, s->id);
    }
    int pages = (total + per - 1) / per;
    app_pager(a, ui, dl, "page",
              (struct rect){r.x, r.y + r.h - th->target, r.w, th->target},
              &st->page, pages);
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    if (a->w > a->h) {
        /* landscape: the center as a tall tile on the left, the services
         * beside it */
        int cw = body.w / 3;
        draw_center(a, ui, dl, (struct rect){body.x, body.y, cw, body.h}, true);
        draw_services(a, st, ui, dl,
                      (struct rect){body.x + cw + th->tile_gap, body.y,
                                    body.w - cw - th->tile_gap, body.h});
    } else {
        int ch = center_h(a, ui, body.w);
        draw_center(a, ui, dl, (struct rect){body.x, body.y, body.w, ch},
                    false);
        draw_services(a, st, ui, dl,
                      (struct rect){body.x, body.y + ch + th->tile_gap, body.w,
                                    body.h - ch - th->tile_gap});
    }
    app_draw_frame(a, ui, dl, app_t(a, "rating.title"));
}

const struct screen_ops screen_rate_target = {
    .name = "rate_target",
    .state_size = sizeof(struct state),
    .draw = draw,
};
