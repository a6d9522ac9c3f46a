/*
 * rate.c - the 好差评 rating of the center (args.id "") or a service: the
 * five levels exactly, 非常满意 ... 非常不满意, as big cards with faces. A
 * level of 3-5 is recorded at once; 1-2 first ask why (structured reasons,
 * at least one). One rating per target per visit; a failed write says so
 * and keeps the choice, so nothing the resident did is lost.
 */
#include "screen.h"

#include "app.h"
#include "civic.h"
#include "err.h"
#include "icons.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

/*
 * The reasons a 1-2 rating asks for, and the codes sent to the hub, which
 * counts them: the codes are stable, so never rename one, only add.
 *   long_wait   等候时间长         attitude    态度不好
 *   process     办事不便           facilities  环境设施差
 *   wrong_info  信息不准确         other       其他
 * 长辈版 shows five (with the submit button, six choices): wrong_info is
 * left out there and "other" covers it.
 */
static const struct reason {
    const char *key, *code;
    bool elder;
} reasons[] = {
    {"rating.reason.wait", "long_wait", true},
    {"rating.reason.attitude", "attitude", true},
    {"rating.reason.process", "process", true},
    {"rating.reason.facilities", "facilities", true},
    {"rating.reason.info", "wrong_info", false},
    {"rating.reason.other", "other", true},
};
#define N_REASONS ((int)(sizeof(reasons) / sizeof(reasons[0])))

struct state {
    int level;       /* 1-2: asking why; 3-5: a write of it failed */
    unsigned chosen; /* bit i: reasons[i] */
    bool failed;     /* the last write failed */
    int said_level;  /* the level whose why step speech has read out */
};

static const char *target_kind(const struct screen *s)
{
    return s->args.id[0] ? "service" : "center";
}

static const char *target_id(const struct screen *s)
{
    return s->args.id[0] ? s->args.id : s->app->cfg.kiosk_id;
}

static int enter(struct screen *s, const struct screen_args *args)
{
    struct service_detail d;
    if (args->id[0] &&
        store_service(s->app->store, args->id, app_now_s(s->app), &d) != 0)
        return ERR_NOT_FOUND;
    return 0;
}

/* Writes the rating with its outbox event; on success goes on to thanks. */
static void rate(struct screen *s, struct state *st, int level)
{
    struct app *a = s->app;
    const char *codes[N_REASONS];
    int n = 0;
    for (int i = 0; level <= 2 && i < N_REASONS; i++)
        if (st->chosen & (1u << i))
            codes[n++] = reasons[i].code;
    char uuid[37];
    st->level = level;
    if (store_rate(a->store, target_kind(s), target_id(s), level, codes, n,
                   clock_now_ms(&a->clock), uuid) != 0) {
        st->failed = true;
        return;
    }
    st->failed = false;
    app_mark_rated(a, target_kind(s), target_id(s));
    router_replace(&a->router, &screen_rate_thanks,
                   &(struct screen_args){.n = level});
}

/* The level's label in the session language and, under it, the other. */
static void level_labels(const struct app *a, int level, const char **label,
                         const char **sub)
{
    char key[24];
    civic_level_key(level, key);
    *label = app_t(a, key);
    *sub =
        i18n_get(a->i18n, a->session.lang == LANG_ZH ? LANG_EN : LANG_ZH, key);
}

/* The height a level card needs for its face, word and the other
 * language's word side by side. */
static int level_need(const struct theme *th)
{
    int need =
        text_line_height(th->title) + text_line_height(th->text_min) + 32;
    return need < th->target ? th->target : need;
}

/* 长辈版 and portrait keep to a column or a grid; standard landscape has
 * the five across, as in the mockup. */
static bool few_per_row(const struct app *a)
{
    return a->theme.max_choices || a->h > a->w;
}

/* The height the five cards need under the question. */
static int levels_need(const struct app *a)
{
    const struct theme *th = &a->theme;
    int rows = a->h > a->w ? 3 : 2;
    return few_per_row(a) ? rows * level_need(th) + (rows - 1) * th->tile_gap
                          : 240;
}

/*
 * Where the five level cards go in area. Under the question: a column
 * where the cards stay big enough (长辈版, portrait), else a grid of three
 * across in landscape (two in portrait) with the last row centred, else
 * one row across. Beside it (side, a low window): a column, as tight as
 * the smallest gap allows, with the other language's word left out if
 * it does not fit (*with_sub).
 */
static void level_rects(const struct app *a, struct rect area, bool side,
                        struct rect out[5], bool *with_sub)
{
    const struct theme *th = &a->theme;
    int g = th->tile_gap, need = level_need(th);
    bool portrait = a->h > a->w;
    *with_sub = true;
    if (side || (few_per_row(a) && (area.h - 4 * g) / 5 >= need)) {
        g = side ? th->gap : g;
        if (side && (area.h - 4 * g) / 5 < th->min_target)
            g = th->min_gap;
        int w = area.w < 1400 ? area.w : 1400;
        int h = (area.h - 4 * g) / 5;
        if (h > th->primary * 2)
            h = th->primary * 2;
        *with_sub = h >= need;
        for (int i = 0; i < 5; i++)
            out[i] = (struct rect){area.x + (area.w - w) / 2,
                                   area.y + i * (h + g), w, h};
        return;
    }
    int cols = portrait ? 2 : 3, rows = portrait ? 3 : 2;
    if (few_per_row(a)) {
        if (area.h > rows * th->primary * 3)
            area.h = rows * th->primary * 3;
        for (int i = 0; i < 5; i++) {
            struct rect row = rect_row(area, rows, g, i / cols);
            int in_row = i / cols == rows - 1 ? 5 - (rows - 1) * cols : cols;
            out[i] = rect_col(row, cols, g, i % cols);
            /* the last row's cards in the middle */
            out[i].x += (cols - in_row) * (out[i].w + g) / 2;
        }
        return;
    }
    if (area.h > 440)
        area.h = 440;
    for (int i = 0; i < 5; i++)
        out[i] = rect_col(area, 5, g, i);
}

static void draw_levels(struct screen *s, struct state *st, struct ui *ui,
                        struct draw_list *dl, struct rect area, bool side)
{
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    struct rect rects[5];
    bool with_sub;
    level_rects(a, area, side, rects, &with_sub);
    for (int level = RATING_MAX; level >= RATING_MIN; level--) {
        struct rect r = rects[RATING_MAX - level];
        /* a face above the words where there is room for one */
        bool stack = r.h >= th->icon / 2 + text_line_height(th->tile) +
                                text_line_height(th->text_min) + th->margin;
        const char *label, *sub;
        level_labels(a, level, &label, &sub);
        struct button b = {.label = label,
                           .sub = with_sub ? sub : NULL,
                           .icon = civic_level_icon(level),
                           .look = LOOK_CARD,
                           .color = civic_level_color(th, level),
                           .stack = stack,
                           .selected = st->level == level,
                           .label_px = stack  ? th->tile
                                       : side ? th->body
                                              : th->title,
                           .sub_px = th->text_min,
                           .role = ROLE_BUTTON};
        char id[16];
        snprintf(id, sizeof(id), "level.%d", level);
        if (ui_button(ui, dl, id, r, &b)) {
            st->chosen = 0;
            if (level <= 2) {
                st->level = level;
                st->failed = false;
            } else {
                rate(s, st, level);
            }
        }
    }
}

/* The reasons shown: all six, or five in 长辈版. */
static int shown_reasons(const struct theme *th, int shown[N_REASONS])
{
    int n = 0;
    for (int i = 0; i < N_REASONS; i++)
        if (!th->max_choices || reasons[i].elder)
            shown[n++] = i;
    return n;
}

static int chip_h(const struct theme *th)
{
    return th->max_choices ? th->target : th->primary;
}

/* Chips across: three in landscape; in portrait two, or one in 长辈版
 * where two would squeeze an English reason onto a second line. */
static int chip_cols(const struct app *a, bool side)
{
    if (side)
        return 1;
    if (a->w > a->h)
        return 3;
    return a->theme.max_choices ? 1 : 2;
}

/* The height the chips and the submit button need under the prompt. */
static int reasons_need(const struct app *a)
{
    const struct theme *th = &a->theme;
    int shown[N_REASONS];
    int n = shown_reasons(th, shown), cols = chip_cols(a, false);
    int rows = (n + cols - 1) / cols;
    return rows * (chip_h(th) + th->gap) - th->gap + th->tile_gap + th->primary;
}

/*
 * The second step of a 1-2 rating: why, then submit. Under the prompt the
 * chips are a grid with the button below; beside it (side) they are a
 * column, and the button goes under the prompt in rest if it fits there,
 * else at the end of the column.
 */
static void draw_reasons(struct screen *s, struct state *st, struct ui *ui,
                         struct draw_list *dl, struct rect area, bool side,
                         struct rect rest)
{
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    int shown[N_REASONS];
    int n = shown_reasons(th, shown);
    bool submit_in_rest = side && rest.h >= th->primary;
    int cols = chip_cols(a, side);
    int cells = n + (side && !submit_in_rest);
    int rows = (cells + cols - 1) / cols;
    int g = th->gap, h = chip_h(th);
    if (side) {
        if ((area.h - (rows - 1) * g) / rows < th->min_target)
            g = th->min_gap;
        h = (area.h - (rows - 1) * g) / rows;
        if (h > th->primary)
            h = th->primary;
    }
    for (int k = 0; k < n; k++) {
        int i = shown[k];
        struct rect row = {area.x, area.y + (k / cols) * (h + g), area.w, h};
        bool on = st->chosen & (1u << i);
        struct button b = {.label = app_t(a, reasons[i].key),
                           .icon = on ? ICON_CHECK : 0,
                           .look = LOOK_CARD,
                           .selected = on,
                           .role = ROLE_CHIP};
        char id[UI_ID_MAX];
        snprintf(id, sizeof(id), "reason.%s", reasons[i].code);
        if (ui_button(ui, dl, id, rect_col(row, cols, g, k % cols), &b)) {
            st->chosen ^= 1u << i;
            st->failed = false;
        }
    }
    /* submit: a quiet card until a reason is chosen (a grey fill would
     * fall short of the 长辈版 contrast) */
    bool ready = st->chosen != 0;
    const char *label = app_t(a, "rating.submit");
    struct rect br;
    if (submit_in_rest) {
        br = (struct rect){rest.x, rest.y + rest.h - th->primary, rest.w,
                           th->primary};
    } else if (side) {
        br = (struct rect){area.x, area.y + n * (h + g), area.w, h};
    } else {
        int bw = text_width(&a->tm, label, strlen(label), th->big, FONT_BOLD) +
                 th->big * 2 + 96;
        bw = bw < area.w / 3 ? area.w / 3 : bw > area.w ? area.w : bw;
        br = (struct rect){area.x + area.w - bw,
                           area.y + rows * (h + g) - g + th->tile_gap, bw,
                           th->primary};
    }
    struct button b = {.label = label,
                       .icon = ICON_CHECK,
                       .look = ready ? LOOK_FILLED : LOOK_CARD,
                       .color = ready ? app_accent(a, "rating") : th->c.ink2,
                       .primary = true,
                       .disabled = !ready,
                       .label_px = side ? th->body : th->big};
    if (ui_button(ui, dl, "rate.submit", br, &b))
        rate(s, st, st->level);
}

/* The name of what is rated, in the session's language, into out. */
static void target_name(const struct screen *s, char *out, size_t n)
{
    const struct app *a = s->app;
    struct service_detail d;
    if (s->args.id[0] &&
        store_service(a->store, s->args.id, app_now_s(a), &d) == 0)
        snprintf(out, n, "%s",
                 app_text(a, (const char *const[]){d.row.name[LANG_ZH],
                                                   d.row.name[LANG_EN]}));
    else if (a->cfg.center[LANG_ZH][0])
        snprintf(out, n, "%s",
                 app_text(a, (const char *const[]){a->cfg.center[LANG_ZH],
                                                   a->cfg.center[LANG_EN]}));
    else
        snprintf(out, n, "%s", app_t(a, "app.center.fallback"));
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    const char *title = app_t(a, "rating.title");

    if (app_has_rated(a, target_kind(s), target_id(s))) {
        struct civic_message m = {.icon = ICON_CHECK,
                                  .color = th->c.green,
                                  .title = app_t(a, "rating.already"),
                                  .button_id = "rate.home",
                                  .button = app_t(a, "nav.back_home"),
                                  .button_icon = ICON_HOME};
        if (civic_message(a, ui, dl, body, &m))
            router_home(&a->router);
        app_draw_frame(a, ui, dl, title);
        return;
    }

    bool why = st->level >= RATING_MIN && st->level <= 2;
    char head[320];
    struct civic_prompt p = {.head = head};
    if (why) {
        /* the chosen level, face and word, then the question why */
        const char *label, *sub;
        level_labels(a, st->level, &label, &sub);
        const char *pairs[] = {"level", label, NULL};
        app_fmt(a, "rating.given", head, sizeof(head), pairs);
        p.sub = app_t(a, "rating.reason.title");
        p.icon = civic_level_icon(st->level);
        p.icon_color = civic_level_color(th, st->level);
    } else {
        char name[NAME_MAX_BYTES + 1];
        target_name(s, name, sizeof(name));
        const char *pairs[] = {"name", name, NULL};
        app_fmt(a, "rating.question", head, sizeof(head), pairs);
        p.sub = app_t(a, "rating.once");
    }
    bool side =
        civic_side(a, ui, body, &p, why ? reasons_need(a) : levels_need(a));
    if (side && why) {
        /* beside the chips, the question why says it all */
        p.head = p.sub;
        p.sub = NULL;
    }
    struct rect area, rest;
    civic_prompt(a, ui, dl, body, &p, side, &area, &rest);
    if (st->failed) {
        int h = civic_error(a, ui, dl, area) + th->gap;
        area.y += h;
        area.h -= h;
    }
    if (why && st->said_level != st->level) {
        /* before submitting, speech reads back the level given and asks
         * why */
        char out[SPEECH_TEXT_MAX];
        const char *pairs[] = {"given", head, "why",
                               app_t(a, "rating.reason.title"), NULL};
        app_say(a, app_fmt(a, "rating.speak", out, sizeof(out), pairs));
    }
    st->said_level = why ? st->level : 0;
    if (why)
        draw_reasons(s, st, ui, dl, area, side, rest);
    else
        draw_levels(s, st, ui, dl, area, side);
    app_draw_frame(a, ui, dl, title);
}

const struct screen_ops screen_rate = {
    .name = "rate",
    .state_size = sizeof(struct state),
    .enter = enter,
    .draw = draw,
};
