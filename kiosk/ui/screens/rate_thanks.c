/*
 * rate_thanks.c - thanks for a rating (args.n = the level given); for 1-2
 * it says staff will follow up. For its first 3 s it ignores touches, so
 * the second tap of an elder's double tap on a rating card cannot press
 * what appears under the finger; then the way home comes alive.
 */
#include "screen.h"

#include "app.h"
#include "civic.h"
#include "icons.h"

#include <stdio.h>

#define THANKS_DEAF_MS 3000

struct state {
    int64_t entered; /* monotonic ms */
};

static int enter(struct screen *s, const struct screen_args *args)
{
    (void)args;
    struct state *st = s->state;
    st->entered = app_mono_ms(s->app);
    return 0;
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    int level = s->args.n;
    bool low = level <= 2;
    char key[24], given[128], text[320];
    const char *pairs[] = {"level", app_t(a, civic_level_key(level, key)),
                           NULL};
    app_fmt(a, "rating.given", given, sizeof(given), pairs);
    if (low)
        snprintf(text, sizeof(text), "%s\n%s", given,
                 app_t(a, "rating.thanks.followup"));
    else
        snprintf(text, sizeof(text), "%s", given);
    struct civic_message m = {
        .icon = civic_level_icon(level),
        .color = civic_level_color(&a->theme, level),
        .title = app_t(a, low ? "rating.thanks.low" : "rating.thanks"),
        .text = text,
        .button_id = "thanks.home",
        .button = app_t(a, "nav.back_home"),
        .button_icon = ICON_HOME};
    /* the whole screen, bars too, is deaf at first: in portrait the last
     * rating card sits just above the bottom bar */
    int64_t alive = st->entered + THANKS_DEAF_MS;
    if (app_mono_ms(a) < alive) {
        ui->blocked = true;
        app_wake_at(a, alive);
    }
    if (civic_message(a, ui, dl, app_body(a), &m))
        router_home(&a->router);
    app_draw_frame(a, ui, dl, app_t(a, "rating.title"));
}

const struct screen_ops screen_rate_thanks = {
    .name = "rate_thanks",
    .state_size = sizeof(struct state),
    .enter = enter,
    .draw = draw,
};
