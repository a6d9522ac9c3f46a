/*
 * home.c - the home screen: the center, the day's notice and the big
 * tiles for each module (VISUAL.md: 3 x 2 landscape, 2 x 3 portrait).
 *
 * The sixth tile takes a resident straight to the nearest health station,
 * the service a community center is asked about most; it shows only when
 * the cache has one.
 */
#include "screen.h"

#include "app.h"
#include "icons.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

struct tile {
    const char *id, *key, *section;
    uint32_t icon;
    unsigned module;
};

static const struct tile tiles[] = {
    {"tile.services", "home.tile.services", "services", ICON_WALK,
     MODULE_SERVICES},
    {"tile.volunteer", "home.tile.volunteer", "volunteer", ICON_VOLUNTEER,
     MODULE_VOLUNTEER},
    {"tile.rating", "home.tile.rating", "rating", ICON_VERY_SATISFIED,
     MODULE_RATING},
    {"tile.notices", "home.tile.notices", "notices", ICON_CAMPAIGN,
     MODULE_NOTICES},
    {"tile.polls", "home.tile.polls", "polls", ICON_POLL, MODULE_POLLS},
};

static const struct screen_ops *tile_target(const char *section)
{
    if (strcmp(section, "services") == 0)
        return &screen_categories;
    if (strcmp(section, "volunteer") == 0)
        return &screen_activities;
    if (strcmp(section, "rating") == 0)
        return &screen_rate_target;
    if (strcmp(section, "notices") == 0)
        return &screen_notices;
    return &screen_poll;
}

/* The other language's name for a tile: residents of either language
 * find their way, as the bilingual signs in the center do. */
static const char *other_lang(const struct app *a, const char *key)
{
    return i18n_get(a->i18n, a->session.lang == LANG_ZH ? LANG_EN : LANG_ZH,
                    key);
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    int64_t now = app_now_s(a);

    /* the top notice, or the stale-data warning, as a banner */
    struct notice_row notice;
    int n_notices = 0, total_notices = 0;
    store_notices(a->store, now, 0, &notice, 1, &n_notices, &total_notices);
    int banner_h = th->body * 2 + 16;
    bool stale = a->applied_ms > 0 &&
                 clock_now_ms(&a->clock) - a->applied_ms > 24 * 3600 * 1000LL;
    if (stale || n_notices > 0) {
        struct rect r = {body.x, body.y, body.w, banner_h};
        if (stale)
            ui_banner(ui, dl, r, ICON_WARNING, th->c.red,
                      app_t(a, "data.stale"));
        else
            ui_banner(
                ui, dl, r, ICON_CAMPAIGN, th->c.brown,
                app_text(a, (const char *const[]){notice.title[LANG_ZH],
                                                  notice.title[LANG_EN]}));
        body.y += banner_h + th->gap;
        body.h -= banner_h + th->gap;
    }

    /* the nearest health station, if any */
    struct service_row health;
    int n_health = 0;
    struct service_query q = {.category = "health"};
    store_services(a->store, &q, now, &health, 1, &n_health, NULL);

    const struct tile *shown[6];
    int n = 0;
    for (size_t i = 0; i < sizeof(tiles) / sizeof(tiles[0]); i++)
        if (a->cfg.modules & tiles[i].module)
            shown[n++] = &tiles[i];
    int n_tiles = n + (n_health > 0 && (a->cfg.modules & MODULE_SERVICES));
    bool portrait = a->h > a->w;
    int cols = portrait || n_tiles <= 4 ? 2 : 3;
    int rows = (n_tiles + cols - 1) / cols;

    for (int i = 0; i < n_tiles; i++) {
        struct rect row = rect_row(body, rows, th->tile_gap, i / cols);
        struct rect r = rect_col(row, cols, th->tile_gap, i % cols);
        char sub[128];
        struct button b = {.look = LOOK_FILLED,
                           .stack = true,
                           .label_px = th->tile,
                           .sub_px = th->tile_sub,
                           .role = ROLE_TILE};
        if (i < n) {
            const struct tile *t = shown[i];
            b.label = app_t(a, t->key);
            b.icon = t->icon;
            b.color = app_accent(a, t->section);
            snprintf(sub, sizeof(sub), "%s", other_lang(a, t->key));
            if (strcmp(t->section, "notices") == 0 && total_notices > 0) {
                char cnt[16], more[64];
                snprintf(cnt, sizeof(cnt), "%d", total_notices);
                const char *pairs[] = {"n", cnt, NULL};
                app_fmt(a, "home.tile.notices.new", more, sizeof(more), pairs);
                snprintf(sub, sizeof(sub), "%s", more);
            }
            b.sub = sub;
            if (ui_button(ui, dl, t->id, r, &b))
                router_push(&a->router, tile_target(t->section), NULL);
        } else {
            app_walk_text(a, health.walk_min, sub, sizeof(sub));
            b.label = app_t(a, "home.health");
            b.sub = sub;
            b.icon = ICON_HOSPITAL;
            b.color = app_accent(a, "health");
            if (ui_button(ui, dl, "tile.health", r, &b)) {
                struct screen_args args = screen_args_id(health.id);
                router_push(&a->router, &screen_service, &args);
            }
        }
    }
    const char *center =
        app_text(a, (const char *const[]){a->cfg.center[LANG_ZH],
                                          a->cfg.center[LANG_EN]});
    app_draw_frame(a, ui, dl,
                   *center ? center : app_t(a, "app.center.fallback"));
}

const struct screen_ops screen_home = {
    .name = "home",
    .draw = draw,
};
