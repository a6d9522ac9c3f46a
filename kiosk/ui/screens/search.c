/*
 * search.c - finding a service or an activity by name without an input
 * method: a large A-Z keyboard of pinyin initials (拼音首字母, as hospital
 * and government kiosks have), the letters typed shown big, and the
 * matches listed as they are typed, a page at a time (search.h ranks
 * them). In English the same keys give the first letters of English
 * words. A tap on a service opens it; on an activity, its times.
 *
 * Landscape: the letters and the keyboard on the left, the results on the
 * right, the pager above them. Portrait: letters on top, results, pager,
 * and the keyboard at the bottom within reach. The keys (letters, 删除,
 * 清空) are one control, like the phone keypad; 长辈版 lists at most four
 * results a page, so a screen never offers more than six choices.
 * args.id may carry letters to start with.
 */
#include "screen.h"

#include "app.h"
#include "icons.h"
#include "map.h"
#include "search.h"

#include <stdio.h>
#include <string.h>

/* Letters a resident can type; a name's initials are rarely over 15. */
#define KEYS_MAX       20
#define ROWS_MAX       8
#define ROWS_MAX_ELDER 4
#define KEY_COLS       7
#define KEY_ROWS       4

struct search_state {
    char keys[KEYS_MAX + 1]; /* lower-case a-z */
    int page;
};

static int enter(struct screen *s, const struct screen_args *args)
{
    struct search_state *st = s->state;
    size_t n = 0;
    for (const char *p = args->id; *p && n < KEYS_MAX; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
            st->keys[n++] = (char)(*p | 0x20);
    st->keys[n] = '\0';
    return 0;
}

/* The letters as shown: upper case, as on the keys. */
static void shown_keys(const char *keys, char out[KEYS_MAX + 1])
{
    size_t i = 0;
    for (; keys[i] && i < KEYS_MAX; i++)
        out[i] = (char)(keys[i] - 'a' + 'A');
    out[i] = '\0';
}

/* The gap between keys: the mode's smallest, so keys stay large. */
static int key_gap(const struct theme *th)
{
    return th->gap * 2 / 3 > 8 ? th->gap * 2 / 3 : 8;
}

/* The size of the keys' letters in a key k: big, but "W" (the widest)
 * inside the button's padding, and never under the smallest text. */
static int key_px(const struct app *a, struct rect k)
{
    const struct theme *th = &a->theme;
    int px = k.h * 3 / 5 < th->big ? k.h * 3 / 5 : th->big;
    while (px > th->text_min &&
           text_width(&a->tm, "W", 1, px, FONT_BOLD) > k.w - 36)
        px--;
    return px > th->text_min ? px : th->text_min;
}

/* The narrowest key: a target, with room for "W" at the smallest text. */
static int key_min_w(const struct app *a)
{
    const struct theme *th = &a->theme;
    int w = text_width(&a->tm, "W", 1, th->text_min, FONT_BOLD) + 36;
    return w > th->min_target ? w : th->min_target;
}

/* The A-Z keys in r; true if the letters changed. */
static bool draw_keyboard(struct app *a, struct ui *ui, struct draw_list *dl,
                          struct rect r, struct search_state *st)
{
    int gap = key_gap(&a->theme);
    bool changed = false;
    /* every key is the same size, so one text size for all */
    int px =
        key_px(a, rect_col(rect_row(r, KEY_ROWS, gap, 0), KEY_COLS, gap, 0));
    for (int i = 0; i < 26; i++) {
        struct rect row = rect_row(r, KEY_ROWS, gap, i / KEY_COLS);
        struct rect k = rect_col(row, KEY_COLS, gap, i % KEY_COLS);
        char label[2] = {(char)('A' + i), '\0'}, id[UI_ID_MAX];
        snprintf(id, sizeof(id), "key.%c", 'a' + i);
        struct button b = {.label = label,
                           .look = LOOK_CARD,
                           .role = ROLE_KEY,
                           .label_px = px};
        size_t len = strlen(st->keys);
        if (ui_button(ui, dl, id, k, &b) && len < KEYS_MAX) {
            st->keys[len] = (char)('a' + i);
            st->keys[len + 1] = '\0';
            changed = true;
        }
    }
    return changed;
}

/* The letters typed (or the placeholder) with 删除 and 清空 beside them
 * in r; true if the letters changed. */
static bool draw_query(struct app *a, struct ui *ui, struct draw_list *dl,
                       struct rect r, struct search_state *st)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    int gap = key_gap(th);
    const char *del = app_t(a, "search.delete");
    const char *clear = app_t(a, "search.clear");
    int ipx = th->body * 5 / 4;
    int dw =
        text_width(&a->tm, del, strlen(del), th->body, FONT_BOLD) + ipx + 48;
    int cw = text_width(&a->tm, clear, strlen(clear), th->body, FONT_BOLD) + 48;
    /* the box keeps room for six big letters: on a narrow row 删除 is
     * its icon alone (⌫, as on every phone) */
    int want = ipx + 48 + text_width(&a->tm, "WSFWZM", 6, th->big, FONT_BOLD);
    bool icon_only = r.w - dw - cw - 2 * gap < want;
    if (icon_only)
        dw = ipx + 48;
    struct rect box = {r.x, r.y, r.w - dw - cw - 2 * gap, r.h};
    draw_list_rect(dl, box, c->card, 12);
    draw_list_outline(dl, box, c->ink, 3, 12);
    draw_list_icon(dl, (struct rect){box.x + 16, box.y, ipx, box.h},
                   ICON_SEARCH, ipx, c->ink);
    struct rect t = {box.x + ipx + 32, box.y, box.w - ipx - 48, box.h};
    size_t len = strlen(st->keys);
    if (len) {
        char shown[KEYS_MAX + 1];
        shown_keys(st->keys, shown);
        int px = box.h * 3 / 5 < th->big ? box.h * 3 / 5 : th->big;
        struct text_style ts =
            ui_style(px > th->body ? px : th->body, FONT_BOLD, c->ink,
                     ALIGN_START, ALIGN_CENTER);
        ui_text(ui, dl, t, shown, &ts, 1, 0);
    } else {
        struct text_style ts = ui_style(th->text_min, FONT_REGULAR, c->ink2,
                                        ALIGN_START, ALIGN_CENTER);
        ui_text(ui, dl, t, app_t(a, "search.placeholder"), &ts, 1, 0);
    }
    bool changed = false;
    struct button b = {.label = icon_only ? "" : del,
                       .icon = ICON_BACKSPACE,
                       .look = LOOK_CARD,
                       .role = ROLE_KEY,
                       .disabled = len == 0,
                       .speech = del};
    if (ui_button(ui, dl, "key.del",
                  (struct rect){box.x + box.w + gap, r.y, dw, r.h}, &b)) {
        st->keys[len - 1] = '\0';
        changed = true;
    }
    snprintf(ui_last(ui)->label, UI_LABEL_MAX, "%s", del);
    b = (struct button){.label = clear,
                        .look = LOOK_CARD,
                        .role = ROLE_KEY,
                        .disabled = len == 0};
    if (ui_button(ui, dl, "key.clear",
                  (struct rect){r.x + r.w - cw, r.y, cw, r.h}, &b)) {
        st->keys[0] = '\0';
        changed = true;
    }
    /* a keyboard's backspace too, as the phone keypad takes it */
    const struct input_event *ev = ui->ev;
    if (ev && !ui->blocked && ev->kind == INPUT_KEY &&
        ev->key == KEY_BACKSPACE && strlen(st->keys) > 0) {
        st->keys[strlen(st->keys) - 1] = '\0';
        changed = true;
    }
    return changed;
}

/* Heights of a result row: its name in up to two lines, and under a
 * one-line name (or always, when the row has room) how far it is. */
struct row_size {
    int pad, lh_name, lh_meta, full, compact;
};

static struct row_size row_size(const struct theme *th)
{
    struct row_size z = {.pad = th->mode == MODE_ELDER ? 12 : 10,
                         .lh_name = text_line_height(th->body),
                         .lh_meta = text_line_height(th->text_min)};
    z.full = 2 * z.pad + 2 * z.lh_name + z.lh_meta;
    z.compact = 2 * z.pad + 2 * z.lh_name;
    return z;
}

static bool draw_hit(struct app *a, struct ui *ui, struct draw_list *dl,
                     const char *id, struct rect r, const struct search_hit *h)
{
    const struct theme *th = &a->theme;
    const struct palette *c = &th->c;
    const char *name =
        app_text(a, (const char *const[]){h->name[LANG_ZH], h->name[LANG_EN]});
    bool pressed;
    bool tapped = ui_hit(ui, id, ROLE_ITEM, name, r, &pressed);
    draw_list_rect(dl, r, pressed ? rgba_darken(c->card, 12) : c->card, 12);
    draw_list_outline(dl, r, c->line, 2, 12);

    struct row_size z = row_size(th);
    bool act = h->kind == SEARCH_ACTIVITY;
    int ipx = th->body * 5 / 4;
    struct rgba accent = app_accent(a, act ? "volunteer" : "services");
    draw_list_icon(dl, (struct rect){r.x + 20, r.y, ipx, r.h},
                   act ? ICON_VOLUNTEER : ICON_PLACE, ipx, accent);
    struct rect in = {r.x + ipx + 40, r.y + z.pad, r.w - ipx - 60,
                      r.h - 2 * z.pad};
    char walk[64] = "", meta[160];
    if (h->walk_min >= 0)
        app_walk_text(a, h->walk_min, walk, sizeof(walk));
    snprintf(meta, sizeof(meta), "%s%s%s",
             act ? app_t(a, "search.activity") : "", act && *walk ? " · " : "",
             walk);
    /* an activity's kind matters more than its distance when the line
     * cannot hold both */
    if (act && text_width(&a->tm, meta, strlen(meta), th->text_min,
                          FONT_REGULAR) > r.w - ipx - 60)
        snprintf(meta, sizeof(meta), "%s", app_t(a, "search.activity"));
    int nh = ui_text_height(ui, in.w, name, th->body, FONT_BOLD, 2);
    bool with_meta = nh + z.lh_meta <= in.h;
    if (nh > in.h)
        nh = in.h;
    int used = nh + (with_meta ? z.lh_meta : 0);
    int y = in.y + (in.h - used) / 2;
    struct text_style ts =
        ui_style(th->body, FONT_BOLD, c->ink, ALIGN_START, ALIGN_START);
    ui_text(ui, dl, (struct rect){in.x, y, in.w, nh}, name, &ts, 2, 0);
    if (with_meta) {
        ts = ui_style(th->text_min, FONT_REGULAR, c->ink2, ALIGN_START,
                      ALIGN_START);
        ui_text(ui, dl, (struct rect){in.x, y + nh, in.w, z.lh_meta}, meta, &ts,
                1, 0);
    }
    return tapped;
}

/* The matches of the letters typed in list, a page at a time, with the
 * count and the pager in bar. */
static void draw_results(struct app *a, struct ui *ui, struct draw_list *dl,
                         struct rect list, struct rect bar,
                         struct search_state *st)
{
    const struct theme *th = &a->theme;
    char msg[256];
    if (!st->keys[0]) {
        map_message(a, ui, dl, list, app_t(a, "search.hint"));
        return;
    }
    struct search_query q;
    if (search_query_parse(st->keys, 1u << a->session.lang, &q))
        return; /* cannot happen: the keys are letters */
    /* only what this kiosk offers */
    q.kinds = (a->cfg.modules & MODULE_SERVICES ? 1u << SEARCH_SERVICE : 0) |
              (a->cfg.modules & MODULE_VOLUNTEER ? 1u << SEARCH_ACTIVITY : 0);
    struct row_size z = row_size(th);
    int row_h = z.full;
    if ((list.h + th->gap) / (row_h + th->gap) < 2)
        row_h = z.compact;
    int per_page = ui_fit(list.h, row_h, th->gap);
    int max = th->mode == MODE_ELDER ? ROWS_MAX_ELDER : ROWS_MAX;
    if (per_page > max)
        per_page = max;
    struct search_hit hits[ROWS_MAX];
    int n = 0, total = 0;
    search_run(a->store, &q, st->page * per_page, hits, per_page, &n, &total);
    int pages = ui_pages(total, per_page, &st->page);
    if (n == 0 && total > 0)
        search_run(a->store, &q, st->page * per_page, hits, per_page, &n,
                   &total);
    if (total == 0) {
        char shown[KEYS_MAX + 1];
        shown_keys(st->keys, shown);
        const char *pairs[] = {"query", shown, NULL};
        char none[128];
        app_fmt(a, "search.none", none, sizeof(none), pairs);
        snprintf(msg, sizeof(msg), "%s\n%s", none, app_t(a, "search.hint"));
        map_message(a, ui, dl, list, msg);
        return;
    }
    /* rows share out the list's height, up to half again their own */
    int rh = (list.h - (per_page - 1) * th->gap) / per_page;
    if (rh > row_h * 3 / 2)
        rh = row_h * 3 / 2;
    for (int i = 0; i < n; i++) {
        char id[UI_ID_MAX];
        snprintf(id, sizeof(id), "hit.%d", st->page * per_page + i);
        struct rect r = {list.x, list.y + i * (rh + th->gap), list.w, rh};
        if (!draw_hit(a, ui, dl, id, r, &hits[i]))
            continue;
        struct screen_args args = screen_args_id(hits[i].id);
        router_push(&a->router,
                    hits[i].kind == SEARCH_ACTIVITY ? &screen_slots
                                                    : &screen_service,
                    &args);
    }
    /* the count where the pager leaves room for it; a pager short of
     * room says "2/5" instead of "第 2/5 页" */
    char cnt[16], count[64], p[16], ps[16], page_text[64];
    snprintf(cnt, sizeof(cnt), "%d", total);
    const char *pairs[] = {"n", cnt, NULL};
    app_fmt(a, "search.count", count, sizeof(count), pairs);
    snprintf(p, sizeof(p), "%d", st->page + 1);
    snprintf(ps, sizeof(ps), "%d", pages);
    const char *page_pairs[] = {"page", p, "pages", ps, NULL};
    app_fmt(a, "nav.page", page_text, sizeof(page_text), page_pairs);
    int buttons = 3 * th->target + 2 * th->gap;
    int pw = text_width(&a->tm, page_text, strlen(page_text), th->body,
                        FONT_REGULAR);
    if (buttons + pw > bar.w) {
        snprintf(page_text, sizeof(page_text), "%s/%s", p, ps);
        pw = text_width(&a->tm, page_text, strlen(page_text), th->body,
                        FONT_REGULAR);
    }
    int cw = text_width(&a->tm, count, strlen(count), th->body, FONT_REGULAR);
    if (cw + th->gap + (pages > 1 ? buttons + pw : 0) <= bar.w) {
        struct text_style ts = ui_style(th->body, FONT_REGULAR, th->c.ink,
                                        ALIGN_START, ALIGN_CENTER);
        ui_text(ui, dl, (struct rect){bar.x, bar.y, cw, bar.h}, count, &ts, 1,
                0);
    }
    if (pages > 1)
        app_pager_text(a, ui, dl, "page", bar, &st->page, pages, page_text);
    ui_page_clamp(&st->page, pages);
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct search_state *st = s->state;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    int gap = key_gap(th);
    int row = th->target;
    struct rect query, keys, bar, list;
    if (a->w > a->h) {
        /* the keyboard half the width, its keys no taller than wide */
        int kw = body.w / 2;
        if (kw < KEY_COLS * key_min_w(a) + (KEY_COLS - 1) * gap)
            kw = KEY_COLS * key_min_w(a) + (KEY_COLS - 1) * gap;
        int kh = body.h - row - th->gap;
        int key_w = (kw - (KEY_COLS - 1) * gap) / KEY_COLS;
        if (kh > KEY_ROWS * key_w + (KEY_ROWS - 1) * gap)
            kh = KEY_ROWS * key_w + (KEY_ROWS - 1) * gap;
        query = (struct rect){body.x, body.y, kw, row};
        keys = (struct rect){body.x, body.y + row + th->gap, kw, kh};
        int rx = body.x + kw + th->margin;
        bar = (struct rect){rx, body.y, body.x + body.w - rx, row};
        list = (struct rect){rx, body.y + row + th->gap, bar.w,
                             body.h - row - th->gap};
    } else {
        int key_w = (body.w - (KEY_COLS - 1) * gap) / KEY_COLS;
        int kh = KEY_ROWS *
                     (key_w < th->target * 5 / 4 ? key_w : th->target * 5 / 4) +
                 (KEY_ROWS - 1) * gap;
        keys = (struct rect){body.x, body.y + body.h - kh, body.w, kh};
        query = (struct rect){body.x, body.y, body.w, row};
        bar = (struct rect){body.x, keys.y - 2 * th->gap - row, body.w, row};
        list = (struct rect){body.x, query.y + row + th->gap, body.w,
                             bar.y - th->gap - (query.y + row + th->gap)};
    }
    bool changed = draw_query(a, ui, dl, query, st);
    changed |= draw_keyboard(a, ui, dl, keys, st);
    if (changed)
        st->page = 0;
    draw_results(a, ui, dl, list, bar, st);
    app_draw_frame(a, ui, dl, app_t(a, "search.title"));
}

const struct screen_ops screen_search = {
    .name = "search",
    .state_size = sizeof(struct search_state),
    .enter = enter,
    .draw = draw,
};
