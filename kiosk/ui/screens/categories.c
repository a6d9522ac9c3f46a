/*
 * categories.c - 附近服务: the categories of the 完整居住社区建设标准 as a
 * grid of tiles, each with its icon, its name and how many services lie
 * within a 15-minute walk. Pages of up to 12 tiles (6 in 长辈版, 3 x 2 or
 * 2 x 3), turned with the pager, never scrolled. A tap opens the list of
 * the category (services.c, args.id = the category id).
 */
#include "screen.h"

#include "app.h"
#include "icons.h"
#include "map.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

struct state {
    int page;
};

/* Columns and rows of a page: the most the screen holds with tiles still
 * tall enough for an icon, a name of two lines and the count. */
static void grid_shape(const struct app *a, struct rect grid, int *cols,
                       int *rows)
{
    const struct theme *th = &a->theme;
    bool portrait = a->h > a->w, elder = th->mode == MODE_ELDER;
    *cols = elder ? (portrait ? 2 : 3) : (portrait ? 3 : 4);
    int max_rows = elder ? (portrait ? 3 : 2) : (portrait ? 4 : 3);
    int min_h = elder ? 220 : 200;
    *rows = (grid.h + th->tile_gap) / (min_h + th->tile_gap);
    if (*rows > max_rows)
        *rows = max_rows;
    if (*rows < 1)
        *rows = 1;
}

/* A name too long for one line breaks at its " · " rather than wherever
 * the line ends ("为老服务 · 长者食堂"). */
static const char *tile_label(const struct app *a, const char *name, int w,
                              char *buf, size_t n)
{
    const char *dot = strstr(name, " · ");
    if (!dot ||
        text_width(&a->tm, name, strlen(name), a->theme.title, FONT_BOLD) <= w)
        return name;
    snprintf(buf, n, "%.*s\n%s", (int)(dot - name), name, dot + strlen(" · "));
    return buf;
}

/* Services of a category within the 15-minute ring. */
static int count_near(struct app *a, const char *category)
{
    struct service_query q = {.category = category, .within_min = 15};
    int n = 0, total = 0;
    if (store_services(a->store, &q, app_now_s(a), NULL, 0, &n, &total))
        return 0;
    return total;
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    struct category_row rows[MAX_CATEGORIES];
    int n = 0;
    store_categories(a->store, rows, MAX_CATEGORIES, &n);
    if (n == 0) {
        map_message(a, ui, dl, body, app_t(a, "data.empty"));
        app_draw_frame(a, ui, dl, app_t(a, "services.title"));
        return;
    }

    struct rect pager = {body.x, body.y + body.h - th->target, body.w,
                         th->target};
    struct rect grid = {body.x, body.y, body.w, pager.y - th->gap - body.y};
    int cols, nrows;
    grid_shape(a, grid, &cols, &nrows);
    int per_page = cols * nrows;
    int pages = ui_pages(n, per_page, &st->page);

    for (int i = 0; i < per_page; i++) {
        int k = st->page * per_page + i;
        if (k >= n)
            break;
        const struct category_row *c = &rows[k];
        struct rect row = rect_row(grid, nrows, th->tile_gap, i / cols);
        struct rect r = rect_col(row, cols, th->tile_gap, i % cols);
        int near = count_near(a, c->id);
        char cnt[16], sub[96], id[UI_ID_MAX], label[2 * NAME_MAX_BYTES];
        snprintf(cnt, sizeof(cnt), "%d", near);
        const char *pairs[] = {"n", cnt, NULL};
        app_fmt(a, near ? "categories.count" : "categories.none", sub,
                sizeof(sub), pairs);
        const char *name = app_text(
            a, (const char *const[]){c->name[LANG_ZH], c->name[LANG_EN]});
        struct button b = {
            .label =
                tile_label(a, name, r.w - th->margin, label, sizeof(label)),
            .sub = sub,
            .icon = icon_by_name(c->icon),
            .look = LOOK_CARD,
            .color = app_accent(a, "services"),
            .stack = true,
            .label_px = th->title,
            .sub_px = th->text_min,
            .role = ROLE_TILE,
        };
        snprintf(id, sizeof(id), "cat.%d", k);
        bool tapped = ui_button(ui, dl, id, r, &b);
        snprintf(ui_last(ui)->label, UI_LABEL_MAX, "%s %s", name, sub);
        if (tapped) {
            struct screen_args args = screen_args_id(c->id);
            router_push(&a->router, &screen_services, &args);
        }
    }

    app_pager(a, ui, dl, "page", pager, &st->page, pages);
    app_draw_frame(a, ui, dl, app_t(a, "services.title"));
}

const struct screen_ops screen_categories = {
    .name = "categories",
    .state_size = sizeof(struct state),
    .draw = draw,
};
