/*
 * services.c - the services of one category (args.id), nearest first:
 * each row with its name, walking minutes, an open-now badge (a word and
 * an icon as well as a colour) and its address. Filters by walking ring
 * (chips 不限/5/10/15 minutes; in 长辈版 one chip that cycles, to stay
 * within six choices) and "open now only". Paged; a tap opens the service
 * (service.c, args.id = the service id).
 */
#include "screen.h"

#include "app.h"
#include "err.h"
#include "icons.h"
#include "map.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

#define ROWS_MAX       8
#define ROWS_MAX_ELDER 4

struct state {
    int page;
    int ring; /* 0 (any), 5, 10, 15 walking minutes */
    bool open_only;
};

static const int rings[] = {0, 5, 10, 15};
#define N_RINGS ((int)(sizeof(rings) / sizeof(rings[0])))

/* The category's name in the session language into out; false if the
 * cache has no such category. */
static bool category_name(struct app *a, const char *id, char *out,
                          size_t outlen)
{
    struct category_row rows[MAX_CATEGORIES];
    int n = 0;
    if (store_categories(a->store, rows, MAX_CATEGORIES, &n))
        return false;
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].id, id) == 0) {
            snprintf(out, outlen, "%s",
                     app_text(a, (const char *const[]){rows[i].name[LANG_ZH],
                                                       rows[i].name[LANG_EN]}));
            return true;
        }
    return false;
}

static int enter(struct screen *s, const struct screen_args *args)
{
    char name[NAME_MAX_BYTES + 1];
    return category_name(s->app, args->id, name, sizeof(name)) ? 0
                                                               : ERR_NOT_FOUND;
}

static const char *ring_label(const struct app *a, int ring)
{
    switch (ring) {
    case 5:
        return app_t(a, "walk.filter.5");
    case 10:
        return app_t(a, "walk.filter.10");
    case 15:
        return app_t(a, "walk.filter.15");
    default:
        return app_t(a, "walk.filter.all");
    }
}

/* ---- filters --------------------------------------------------------- */

/* The filters laid out left to right, wrapping to a new row when the
 * next one does not fit; returns the height they take. */
struct flow {
    struct rect area;
    int x, y, row_h, gap;
};

static struct rect flow_next(struct flow *f, int w)
{
    if (w > f->area.w)
        w = f->area.w;
    if (f->x > f->area.x && f->x + w > f->area.x + f->area.w) {
        f->x = f->area.x;
        f->y += f->row_h + f->gap;
    }
    struct rect r = {f->x, f->y, w, f->row_h};
    f->x += w + f->gap;
    return r;
}

static int chip_w(const struct app *a, const char *label, uint32_t icon)
{
    int px = a->theme.body;
    return text_width(&a->tm, label, strlen(label), px, FONT_BOLD) + 64 +
           (icon ? px * 5 / 4 + 16 : 0);
}

static bool chip(struct app *a, struct ui *ui, struct draw_list *dl,
                 struct flow *f, const char *id, const char *label,
                 uint32_t icon, bool selected)
{
    struct button b = {.label = label,
                       .icon = icon,
                       .look = LOOK_CARD,
                       .color = app_accent(a, "services"),
                       .selected = selected,
                       .role = ROLE_CHIP};
    return ui_button(ui, dl, id, flow_next(f, chip_w(a, label, icon)), &b);
}

static int open_w(const struct app *a)
{
    const char *open = app_t(a, "services.open_only");
    return text_width(&a->tm, open, strlen(open), a->theme.body, FONT_REGULAR) +
           a->theme.target / 2 + 96;
}

static void open_checkbox(struct app *a, struct state *st, struct ui *ui,
                          struct draw_list *dl, struct rect r)
{
    if (ui_checkbox(ui, dl, "filter.open", r, app_t(a, "services.open_only"),
                    &st->open_only))
        st->page = 0;
}

/*
 * Draws the filters at the top of body; returns the y below them. When
 * the ring chips fill a row that has no room left for "open now only",
 * that goes to the pager's row instead (*open_below), so the list keeps
 * its height on a small screen.
 */
static int draw_filters(struct app *a, struct state *st, struct ui *ui,
                        struct draw_list *dl, struct rect body,
                        bool *open_below)
{
    const struct theme *th = &a->theme;
    struct flow f = {body, body.x, body.y, th->target, th->gap};
    const char *labels[N_RINGS];
    int chips = 0, n = th->mode == MODE_ELDER ? 1 : N_RINGS;
    char walk[128];
    if (th->mode == MODE_ELDER) {
        /* one chip for the ring, so the screen keeps to six choices; it
         * says what it filters when there is room for that on one row */
        const char *pairs[] = {"title", app_t(a, "walk.filter.title"), "value",
                               ring_label(a, st->ring), NULL};
        app_fmt(a, "walk.filter.label", walk, sizeof(walk), pairs);
        if (chip_w(a, walk, ICON_WALK) + th->gap + open_w(a) > body.w)
            snprintf(walk, sizeof(walk), "%s", ring_label(a, st->ring));
        labels[0] = walk;
    } else {
        for (int i = 0; i < N_RINGS; i++)
            labels[i] = ring_label(a, rings[i]);
    }
    for (int i = 0; i < n; i++)
        chips += chip_w(a, labels[i], n == 1 ? ICON_WALK : 0) + th->gap;
    *open_below = chips <= body.w + th->gap && chips + open_w(a) > body.w;

    if (n == 1) {
        if (chip(a, ui, dl, &f, "filter.walk", walk, ICON_WALK,
                 st->ring != 0)) {
            int i = 0;
            while (i < N_RINGS && rings[i] != st->ring)
                i++;
            st->ring = rings[(i + 1) % N_RINGS];
            st->page = 0;
        }
    }
    for (int i = 0; n > 1 && i < N_RINGS; i++) {
        char id[UI_ID_MAX];
        if (rings[i])
            snprintf(id, sizeof(id), "filter.%d", rings[i]);
        else
            snprintf(id, sizeof(id), "filter.all");
        if (chip(a, ui, dl, &f, id, labels[i], 0, st->ring == rings[i])) {
            st->ring = rings[i];
            st->page = 0;
        }
    }
    if (!*open_below)
        open_checkbox(a, st, ui, dl, flow_next(&f, open_w(a)));
    return f.y + f.row_h;
}

/* ---- rows ------------------------------------------------------------ */

struct row_metrics {
    bool wide; /* name and address left, walk and badge right */
    int pad, lh_body, lh_small;
};

static struct row_metrics row_metrics(const struct app *a, int w)
{
    const struct theme *th = &a->theme;
    struct row_metrics m = {
        .wide = w >= 1100,
        .pad = th->mode == MODE_ELDER ? 12 : 10,
        .lh_body = text_line_height(th->body),
        .lh_small = text_line_height(th->text_min),
    };
    return m;
}

/* The height of a row: room for a name of name_lines (a name is never
 * cut and cannot shrink below the smallest text), the address, the
 * walking time with the badge, and the badge's detail. */
static int row_height(const struct row_metrics *m, int name_lines)
{
    int name = name_lines * m->lh_body + m->lh_small;
    int meta = m->lh_body + m->lh_small;
    return 2 * m->pad + (m->wide ? (name > meta ? name : meta) : name + meta);
}

/* Where the walking time, the badge and its detail go in a block w wide:
 * one line if they fit, else the badge or the detail on the next. */
struct meta {
    char walk[64];
    struct open_state os;
    int walk_w, badge_x, badge_y, badge_w, detail_x, detail_y, h;
};

static void meta_layout(struct app *a, const struct row_metrics *m, int w,
                        const struct service_row *row, int64_t now,
                        struct meta *out)
{
    const struct theme *th = &a->theme;
    app_walk_text(a, row->walk_min, out->walk, sizeof(out->walk));
    map_open_state(a, &row->hours, now, &out->os);
    int ipx = th->body * 5 / 4;
    out->walk_w =
        text_width(&a->tm, out->walk, strlen(out->walk), th->body, FONT_BOLD);
    if (out->walk_w > w - ipx - 8)
        out->walk_w = w - ipx - 8;
    out->badge_w = map_badge_width(a, &out->os, th->text_min);
    out->badge_x = ipx + 8 + out->walk_w + th->gap + 8;
    out->badge_y = 0;
    if (out->badge_x + out->badge_w > w) {
        out->badge_x = 0;
        out->badge_y = m->lh_body;
    }
    out->h = out->badge_y + m->lh_body;
    if (!*out->os.detail)
        return;
    const char *d = out->os.detail;
    int dw = text_width(&a->tm, d, strlen(d), th->text_min, FONT_REGULAR);
    out->detail_x = out->badge_x + out->badge_w + 16;
    out->detail_y = out->badge_y;
    if (out->detail_x + dw > w) {
        out->detail_x = 0;
        out->detail_y = out->h;
        out->h += m->lh_small;
    }
}

static void meta_draw(struct app *a, struct ui *ui, struct draw_list *dl,
                      struct rect r, const struct row_metrics *m,
                      const struct meta *mt)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    int ipx = th->body * 5 / 4;
    draw_list_icon(dl, (struct rect){r.x, r.y, ipx, m->lh_body}, ICON_WALK, ipx,
                   app_accent(a, "services"));
    struct text_style ts =
        ui_style(th->body, FONT_BOLD, c->ink, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, (struct rect){r.x + ipx + 8, r.y, mt->walk_w, m->lh_body},
            mt->walk, &ts, 1, 0);
    int bh = m->lh_small + 4;
    map_badge(a, ui, dl,
              (struct rect){r.x + mt->badge_x,
                            r.y + mt->badge_y + (m->lh_body - bh) / 2,
                            mt->badge_w, bh},
              &mt->os, th->text_min);
    if (!*mt->os.detail)
        return;
    int line = mt->detail_y == mt->badge_y ? m->lh_body : m->lh_small;
    ts = ui_style(th->text_min, FONT_REGULAR, c->ink2, ALIGN_START,
                  ALIGN_CENTER);
    ui_text(ui, dl,
            (struct rect){r.x + mt->detail_x, r.y + mt->detail_y,
                          r.w - mt->detail_x, line},
            mt->os.detail, &ts, 1, 0);
}

/* The share of a wide row (in twentieths) the name and address take:
 * 11, or 9 if the walking time and the badge of a row of the page would
 * not share a line in the rest. */
static int row_split(struct app *a, const struct row_metrics *m, int w,
                     const struct service_row *rows, int n, int64_t now)
{
    int in_w = w - 48;
    for (int i = 0; m->wide && i < n; i++) {
        struct meta mt;
        meta_layout(a, m, in_w - in_w * 11 / 20 - a->theme.margin, &rows[i],
                    now, &mt);
        if (mt.h > m->lh_body + m->lh_small)
            return 9;
    }
    return 11;
}

/* One service as a card, the name split/20 of it if wide; true when
 * tapped. */
static bool draw_row(struct app *a, struct ui *ui, struct draw_list *dl,
                     const char *id, struct rect r,
                     const struct service_row *row, int64_t now, int split)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    const char *name = app_text(
        a, (const char *const[]){row->name[LANG_ZH], row->name[LANG_EN]});
    const char *addr = app_text(
        a, (const char *const[]){row->address[LANG_ZH], row->address[LANG_EN]});
    bool pressed;
    bool tapped = ui_hit(ui, id, ROLE_ITEM, name, r, &pressed);
    draw_list_rect(dl, r, pressed ? rgba_darken(c->card, 12) : c->card, 12);
    draw_list_outline(dl, r, c->line, 2, 12);

    struct row_metrics m = row_metrics(a, r.w);
    struct rect in = {r.x + 24, r.y + m.pad, r.w - 48, r.h - 2 * m.pad};
    int lw = m.wide ? in.w * split / 20 : in.w;
    int mx = m.wide ? in.x + lw + th->margin : in.x;
    struct meta mt;
    meta_layout(a, &m, in.x + in.w - mx, row, now, &mt);
    int nh = ui_text_height(ui, lw, name, th->body, FONT_BOLD, 2);
    int ah = ui_text_height(ui, lw, addr, th->text_min, FONT_REGULAR, 2);
    /* a row lower than it likes (a small screen in 长辈版) leaves out the
     * address, which the service's own screen shows, before it cuts the
     * name */
    int others = ah + (m.wide ? 0 : mt.h);
    if (nh + others > in.h) {
        others -= ah;
        ah = 0;
    }
    if (nh + others > in.h && in.h - others >= m.lh_small)
        nh = in.h - others;
    int left_h = nh + ah + (m.wide ? 0 : mt.h);
    int y = in.y + (in.h > left_h ? (in.h - left_h) / 2 : 0);

    struct text_style ts =
        ui_style(th->body, FONT_BOLD, c->ink, ALIGN_START, ALIGN_START);
    ui_text(ui, dl, (struct rect){in.x, y, lw, nh}, name, &ts, 2, 0);
    y += nh;
    struct rect mr = {mx, y, in.x + in.w - mx, mt.h};
    if (m.wide)
        mr.y = in.y + (in.h - mt.h) / 2;
    else
        y += mt.h;
    meta_draw(a, ui, dl, mr, &m, &mt);
    ts =
        ui_style(th->text_min, FONT_REGULAR, c->ink2, ALIGN_START, ALIGN_START);
    if (ah)
        ui_text(ui, dl, (struct rect){in.x, y, lw, ah}, addr, &ts, 2, 0);
    return tapped;
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    struct rect body = app_body(a);
    int64_t now = app_now_s(a);
    char title[NAME_MAX_BYTES + 1];
    if (!category_name(a, s->args.id, title, sizeof(title)))
        snprintf(title, sizeof(title), "%s", app_t(a, "services.title"));

    bool open_below;
    int top = draw_filters(a, st, ui, dl, body, &open_below) + th->gap;
    struct rect pager = {body.x, body.y + body.h - th->target, body.w,
                         th->target};
    struct rect list = {body.x, top, body.w, pager.y - th->gap - top};

    /* rows with room for a name of two lines; on a screen too low for
     * two of those, rows for one line, where a long name takes the
     * address's place */
    struct row_metrics m = row_metrics(a, list.w);
    int row_h = row_height(&m, 2);
    int per_page = (list.h + th->gap) / (row_h + th->gap);
    if (per_page < 2) {
        row_h = row_height(&m, 1);
        per_page = (list.h + th->gap) / (row_h + th->gap);
    }
    int max = th->mode == MODE_ELDER ? ROWS_MAX_ELDER : ROWS_MAX;
    if (per_page > max)
        per_page = max;
    if (per_page < 1)
        per_page = 1;

    struct service_query q = {.category = s->args.id,
                              .within_min = st->ring,
                              .open_only = st->open_only};
    int n = 0, total = 0;
    store_services(a->store, &q, now, NULL, 0, &n, &total);
    int pages = ui_pages(total, per_page, &st->page);
    q.offset = st->page * per_page;
    struct service_row rows[ROWS_MAX];
    store_services(a->store, &q, now, rows, per_page, &n, NULL);

    /* rows share out the list's height, up to half again their own */
    int rh = (list.h - (per_page - 1) * th->gap) / per_page;
    if (rh > row_h * 3 / 2)
        rh = row_h * 3 / 2;
    int split = row_split(a, &m, list.w, rows, n, now);
    for (int i = 0; i < n; i++) {
        char id[UI_ID_MAX];
        snprintf(id, sizeof(id), "svc.%d", q.offset + i);
        struct rect r = {list.x, list.y + i * (rh + th->gap), list.w, rh};
        if (draw_row(a, ui, dl, id, r, &rows[i], now, split)) {
            struct screen_args args = screen_args_id(rows[i].id);
            router_push(&a->router, &screen_service, &args);
        }
    }
    if (n == 0) {
        map_message(a, ui, dl, list, app_t(a, "services.empty"));
    }

    char cnt[16], count[64];
    snprintf(cnt, sizeof(cnt), "%d", total);
    const char *pairs[] = {"n", cnt, NULL};
    app_fmt(a, "services.count", count, sizeof(count), pairs);
    struct text_style ts =
        ui_style(th->body, FONT_REGULAR, c->ink, ALIGN_START, ALIGN_CENTER);
    int cw = text_width(&a->tm, count, strlen(count), th->body, FONT_REGULAR);
    ui_text(ui, dl, (struct rect){pager.x, pager.y, cw, pager.h}, count, &ts, 1,
            0);
    pager.x += cw + th->gap;
    pager.w -= cw + th->gap;
    if (open_below) {
        int w = open_w(a);
        open_checkbox(a, st, ui, dl,
                      (struct rect){pager.x, pager.y, w, pager.h});
        pager.x += w + th->gap;
        pager.w -= w + th->gap;
    }
    app_pager(a, ui, dl, "page", pager, &st->page, pages);
    app_draw_frame(a, ui, dl, title);
}

const struct screen_ops screen_services = {
    .name = "services",
    .state_size = sizeof(struct state),
    .enter = enter,
    .draw = draw,
};
