/*
 * app.c - session, frame, idle reset and staff corner (app.h).
 */
#include "app.h"

#include "civil_time.h"
#include "err.h"
#include "icons.h"
#include "store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void config_defaults(struct app_config *c)
{
    memset(c, 0, sizeof(*c));
    c->languages = (1u << LANG_ZH) | (1u << LANG_EN);
    c->modules = MODULE_SERVICES | MODULE_VOLUNTEER | MODULE_RATING |
                 MODULE_NOTICES | MODULE_POLLS;
    c->default_lang = LANG_ZH;
    c->idle_standard_s = APP_IDLE_STANDARD_S;
    c->idle_elder_s = APP_IDLE_ELDER_S;
    c->idle_warning_s = 30;
    c->walking.speed_m_per_min = GEO_WALK_SPEED_DEFAULT;
    c->walking.detour = GEO_DETOUR_DEFAULT;
    c->default_text_size = 1;
}

static void copy_text(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

int app_reload_config(struct app *a)
{
    struct app_config c;
    config_defaults(&c);
    if (!store_is_empty(a->store)) {
        struct bundle *b;
        int rc = store_load_config(a->store, &b);
        if (rc != 0)
            return rc;
        const struct config *k = &b->config;
        copy_text(c.kiosk_id, sizeof(c.kiosk_id), k->kiosk_id);
        copy_text(c.center[LANG_ZH], sizeof(c.center[0]), k->center_name.zh);
        copy_text(c.center[LANG_EN], sizeof(c.center[0]),
                  text_get(&k->center_name, LANG_EN));
        c.lat = k->lat;
        c.lon = k->lon;
        c.pixel_pitch_mm = k->pixel_pitch_mm;
        c.languages = k->languages ? k->languages : c.languages;
        c.modules = k->modules;
        c.default_lang = k->default_language;
        c.default_elder = k->default_elder;
        if (k->idle_standard_s > 0)
            c.idle_standard_s = k->idle_standard_s;
        if (k->idle_elder_s > 0)
            c.idle_elder_s = k->idle_elder_s;
        if (k->idle_warning_s > 0)
            c.idle_warning_s = k->idle_warning_s;
        copy_text(c.pin_hash, sizeof(c.pin_hash), k->staff_pin_hash);
        c.walking = k->walking;
        c.screen_on = k->screen_on;
        c.screen_off = k->screen_off;
        c.brightness = k->brightness;
        c.dim_brightness = k->dim_brightness;
        c.dim_after_s = k->dim_after_s;
        bundle_free(b);
    }
    struct store_info info;
    if (store_info(a->store, &info) == 0)
        a->applied_ms = info.applied_ms;
    if (c.idle_warning_s < APP_IDLE_WARNING_MIN_S)
        c.idle_warning_s = APP_IDLE_WARNING_MIN_S;
    if (!(c.languages & (1u << c.default_lang)))
        c.default_lang = LANG_ZH;
    if (a->cfg.default_text_size >= 1 &&
        a->cfg.default_text_size <= THEME_TEXT_SIZES)
        c.default_text_size = a->cfg.default_text_size;
    a->cfg = c;
    a->dirty = true;
    return 0;
}

static void session_start(struct app *a)
{
    memset(&a->session, 0, sizeof(a->session));
    a->session.mode = a->cfg.default_elder ? MODE_ELDER : MODE_STANDARD;
    a->session.lang = a->cfg.default_lang;
    a->session.text_size = a->cfg.default_text_size;
    a->session.volume = APP_VOLUME_DEFAULT;
}

static void theme_update(struct app *a)
{
    theme_make(&a->theme, a->session.mode, a->session.high_contrast,
               a->cfg.pixel_pitch_mm);
    theme_text_size(&a->theme, a->session.text_size);
}

/* ---- speech ---------------------------------------------------------- */

bool app_speech_on(const struct app *a)
{
    return a->session.mode == MODE_ELDER || a->session.speech;
}

static void speech_stop(struct app *a)
{
    if (a->speech.stop)
        a->speech.stop(a->speech.ctx);
}

/* Says text now, in the session's language, if speech is on. */
static void say_now(struct app *a, const char *text)
{
    if (app_speech_on(a) && a->speech.say && text && *text)
        a->speech.say(a->speech.ctx, text, a->session.lang);
}

/* Appends text to out (capacity n) after a pause mark. */
static void append_said(char *out, size_t n, const char *text)
{
    size_t len = strlen(out);
    if (!text || !*text || len + 1 >= n)
        return;
    /* cut to fit between whole UTF-8 characters, so speech never gets a
     * broken one */
    for (const char *p = len ? ". " : ""; *p && len + 1 < n; p++)
        out[len++] = *p;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        size_t c = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
        if (len + c + 1 > n)
            break;
        while (c-- && *p)
            out[len++] = (char)*p++;
    }
    out[len] = '\0';
}

void app_say(struct app *a, const char *text)
{
    if (app_speech_on(a))
        append_said(a->said, sizeof(a->said), text);
}

/* What speech says for an element: its spoken label and its state. */
static void element_said(const struct app *a, const struct ui_element *e,
                         char *out, size_t n)
{
    snprintf(out, n, "%s", e->speech);
    if (e->checked)
        append_said(out, n, app_t(a, "speech.checked"));
    if (e->disabled)
        append_said(out, n, app_t(a, "speech.disabled"));
}

/* After a frame: the title of a screen a resident opened, then what the
 * screen asked to say. */
static void speak_frame(struct app *a)
{
    char out[SPEECH_TEXT_MAX] = "";
    if (a->screen_serial != a->spoken_serial) {
        a->spoken_serial = a->screen_serial;
        if (app_speech_on(a))
            append_said(out, sizeof(out), a->title);
    }
    append_said(out, sizeof(out), a->said);
    a->said[0] = '\0';
    say_now(a, out);
}

void app_set_speech(struct app *a, struct speech sp)
{
    a->speech = sp;
    if (sp.set_volume)
        sp.set_volume(sp.ctx, a->session.volume);
}

void app_speech_start(struct app *a)
{
    if (a->paused && a->speech.resume) {
        a->speech.resume(a->speech.ctx);
        a->paused = false;
    }
    if (a->session.speech && a->speech.repeat) {
        a->speech.repeat(a->speech.ctx);
        return;
    }
    a->session.speech = true;
    a->dirty = true;
    char out[SPEECH_TEXT_MAX] = "";
    append_said(out, sizeof(out), app_t(a, "voice.on"));
    append_said(out, sizeof(out), a->title);
    const struct ui_element *e = ui_focused(&a->ui);
    if (e) {
        char el[UI_LABEL_MAX + 64];
        element_said(a, e, el, sizeof(el));
        append_said(out, sizeof(out), el);
    }
    say_now(a, out);
}

static void speech_volume(struct app *a, int delta)
{
    int v = a->session.volume + delta;
    v = v < SPEECH_VOLUME_MIN   ? SPEECH_VOLUME_MIN
        : v > SPEECH_VOLUME_MAX ? SPEECH_VOLUME_MAX
                                : v;
    a->session.volume = v;
    if (a->speech.set_volume)
        a->speech.set_volume(a->speech.ctx, v);
    char pct[16], msg[64];
    snprintf(pct, sizeof(pct), "%d", v);
    const char *pairs[] = {"pct", pct, NULL};
    app_say(a, app_fmt(a, "voice.volume", msg, sizeof(msg), pairs));
}

int app_init(struct app *a, struct store *st, const struct i18n *i18n,
             struct clock clock, struct text_metrics tm, int w, int h)
{
    memset(a, 0, sizeof(*a));
    a->store = st;
    a->i18n = i18n;
    a->clock = clock;
    a->tm = tm;
    a->w = w;
    a->h = h;
    int rc = app_reload_config(a);
    if (rc != 0)
        return rc;
    session_start(a);
    theme_update(a);
    ui_init(&a->ui, &a->theme, &a->tm, w, h);
    a->ui.back_id = "nav.back";
    /* room for the busiest screen with margin: a keypad screen records
     * about 150 commands */
    draw_list_init(&a->dl, 2048, 64 * 1024);
    a->last_input = clock_mono_ms(&a->clock);
    router_init(&a->router, a, &screen_home);
    a->dirty = true;
    return 0;
}

void app_release(struct app *a)
{
    router_release(&a->router);
    draw_list_release(&a->dl);
}

void app_resize(struct app *a, int w, int h)
{
    a->w = a->ui.w = w;
    a->h = a->ui.h = h;
    a->dirty = true;
}

void app_reset(struct app *a)
{
    router_home(&a->router);
    router_apply(&a->router);
    session_start(a);
    theme_update(a);
    ui_cancel_press(&a->ui);
    ui_focus_clear(&a->ui);
    /* the next resident starts in silence, at the default volume */
    speech_stop(a);
    if (a->paused && a->speech.resume)
        a->speech.resume(a->speech.ctx);
    a->paused = false;
    if (a->speech.set_volume)
        a->speech.set_volume(a->speech.ctx, a->session.volume);
    a->said[0] = '\0';
    a->spoken_serial = a->screen_serial;
    a->warn_since = 0;
    a->corner_down = 0;
    a->last_input = clock_mono_ms(&a->clock);
    a->dirty = true;
}

/* Whether there is anything for an idle reset to undo. */
static bool session_in_use(const struct app *a)
{
    return a->router.depth > 1 ||
           a->session.mode !=
               (a->cfg.default_elder ? MODE_ELDER : MODE_STANDARD) ||
           a->session.lang != a->cfg.default_lang || a->session.high_contrast ||
           a->session.n_done > 0 || a->session.speech ||
           a->session.volume != APP_VOLUME_DEFAULT ||
           a->session.text_size != a->cfg.default_text_size;
}

static int64_t idle_ms(const struct app *a)
{
    int s = a->session.mode == MODE_ELDER ? a->cfg.idle_elder_s
                                          : a->cfg.idle_standard_s;
    return (int64_t)s * 1000;
}

/* ---- frame ----------------------------------------------------------- */

static void draw_idle_warning(struct app *a, struct ui *ui,
                              struct draw_list *dl)
{
    const struct theme *th = &a->theme;
    int64_t left_ms = a->warn_since + a->cfg.idle_warning_s * 1000LL -
                      clock_mono_ms(&a->clock);
    int left = (int)((left_ms + 999) / 1000);
    if (left < 0)
        left = 0;
    char n[16], msg[256], line[128];
    snprintf(n, sizeof(n), "%d", left);
    const char *pairs[] = {"s", n, NULL};
    app_fmt(a, "idle.countdown", line, sizeof(line), pairs);
    snprintf(msg, sizeof(msg), "%s\n%s", line, app_t(a, "idle.wipe"));
    struct rect card = ui_dialog(
        ui, dl, a->w * 3 / 4, th->primary * 2 + th->title * 5 + th->margin * 3);
    struct rect in = rect_inset(card, th->margin);
    struct text_style st =
        ui_style(th->title, FONT_BOLD, th->c.ink, ALIGN_CENTER, ALIGN_START);
    int used = ui_text(ui, dl, in, app_t(a, "idle.title"), &st, 2, 0);
    st = ui_style(th->body, FONT_REGULAR, th->c.ink, ALIGN_CENTER, ALIGN_START);
    ui_text(ui, dl, (struct rect){in.x, in.y + used + 16, in.w, in.h}, msg, &st,
            3, 0);
    struct rect btn = {in.x + in.w / 6, in.y + in.h - th->primary * 3 / 2,
                       in.w * 2 / 3, th->primary * 3 / 2};
    struct button b = {.label = app_t(a, "idle.continue"),
                       .look = LOOK_FILLED,
                       .color = th->c.red,
                       .primary = true,
                       .label_px = th->big,
                       .icon = ICON_TOUCH};
    if (ui_button(ui, dl, "idle.continue", btn, &b)) {
        a->warn_since = 0;
        a->last_input = clock_mono_ms(&a->clock);
    }
    app_wake_at(a, clock_mono_ms(&a->clock) +
                       (left_ms % 1000 ? left_ms % 1000 : 1000));
}

static void run_frame(struct app *a, const struct input_event *ev)
{
    theme_update(a);
    struct ui *ui = &a->ui;
    struct draw_list *dl = &a->dl;
    draw_list_clear(dl);
    a->wake_at = 0;
    a->title[0] = '\0';
    ui_begin(ui, ev);
    draw_list_rect(dl, (struct rect){0, 0, a->w, a->h}, a->theme.c.paper, 0);
    struct screen *s = router_top(&a->router);
    bool warning = a->warn_since != 0;
    ui->blocked = warning;
    s->ops->draw(s, ui, dl);
    if (warning) {
        ui->blocked = false;
        draw_idle_warning(a, ui, dl);
    }
    ui_focus_ring(ui, dl);
    ui_end(ui);
    speak_frame(a);
    if (router_apply(&a->router)) {
        ui_cancel_press(ui);
        ui_focus_clear(ui);
        a->screen_serial++;
        a->dirty = true;
    }
}

const struct draw_list *app_frame(struct app *a)
{
    a->dirty = false;
    run_frame(a, NULL);
    /* a screen entered by this frame's navigation (run_frame sets dirty
     * then) draws once more so the list shows it */
    if (a->dirty) {
        a->dirty = false;
        run_frame(a, NULL);
    }
    return &a->dl;
}

/* Whether ev goes to the speech panel: a press on one of its buttons, or
 * Enter with the focus on one (the last frame's elements). */
static bool on_speech_panel(const struct app *a, const struct input_event *ev)
{
    const struct ui_element *e = NULL;
    if (ev->kind == INPUT_KEY && ev->key == KEY_SELECT) {
        e = ui_focused(&a->ui);
    } else if (ev->kind == INPUT_DOWN) {
        for (int i = 0; i < a->ui.n_el && !e; i++)
            if (rect_contains(a->ui.el[i].rect, ev->x, ev->y))
                e = &a->ui.el[i];
    }
    return e && strncmp(e->id, "speech.", 7) == 0;
}

static bool in_staff_corner(const struct app *a, int x, int y)
{
    return x < a->theme.header_h && y < a->theme.header_h;
}

void app_event(struct app *a, const struct input_event *ev)
{
    int64_t now = clock_mono_ms(&a->clock);
    bool act = ev->kind == INPUT_DOWN || ev->kind == INPUT_KEY ||
               ev->kind == INPUT_SCAN;
    if (act)
        a->last_input = now;
    /* a resident acting silences speech at once (DESIGN §6); the speech
     * key and the speech panel act on it themselves (pause must pause) */
    if (act && !(ev->kind == INPUT_KEY && ev->key == KEY_SPEECH) &&
        !on_speech_panel(a, ev))
        speech_stop(a);
    if (ev->kind == INPUT_DOWN)
        ui_focus_clear(&a->ui); /* a finger: the keypad's ring goes */
    if (ev->kind == INPUT_DOWN && in_staff_corner(a, ev->x, ev->y))
        a->corner_down = now;
    else if (ev->kind == INPUT_UP ||
             (ev->kind == INPUT_MOVE && !in_staff_corner(a, ev->x, ev->y)))
        a->corner_down = 0;
    if (a->warn_since && act) {
        /* any touch means "still here": dismiss without acting on it */
        a->warn_since = 0;
        a->dirty = true;
        return;
    }
    if (ev->kind == INPUT_SCAN && devices_open_scan(a, ev->text)) {
        run_frame(a, NULL); /* a booking's QR: its screen, from anywhere */
        a->dirty = true;
        return;
    }
    int delta = 0;
    if (ev->kind == INPUT_KEY) {
        if (ev->key == KEY_SPEECH) {
            app_speech_start(a);
            return;
        }
        delta = ev->key == KEY_UP || ev->key == KEY_LEFT      ? -1
                : ev->key == KEY_DOWN || ev->key == KEY_RIGHT ? 1
                                                              : 0;
        if (delta)
            ui_focus_move(&a->ui, delta);
    }
    struct screen *s = router_top(&a->router);
    if (s->ops->input)
        s->ops->input(s, ev);
    run_frame(a, ev);
    a->dirty = true;
    const struct ui_element *e = ui_focused(&a->ui);
    if (delta && e) {
        char said[UI_LABEL_MAX + 64];
        element_said(a, e, said, sizeof(said));
        say_now(a, said);
    }
}

void app_data_applied(struct app *a)
{
    struct store_info info;
    if (store_info(a->store, &info) == 0)
        a->applied_ms = info.applied_ms;
    a->config_pending = true;
    a->dirty = true;
}

void app_tick(struct app *a)
{
    int64_t now = clock_mono_ms(&a->clock);
    /* a new config waits until nobody is in the middle of something: on
     * home with no session, it becomes the session's defaults at once */
    if (a->config_pending && a->router.depth <= 1 && !a->warn_since) {
        bool fresh = !session_in_use(a); /* judged by the old defaults */
        if (app_reload_config(a) == 0) {
            a->config_pending = false;
            if (fresh)
                app_reset(a);
        }
    }
    if (a->corner_down && now - a->corner_down >= APP_STAFF_HOLD_MS) {
        a->corner_down = 0;
        a->warn_since = 0;
        router_push(&a->router, &screen_staff_pin, NULL);
        if (router_apply(&a->router))
            a->screen_serial++;
        ui_cancel_press(&a->ui);
        ui_focus_clear(&a->ui);
        a->dirty = true;
    }
    if (a->warn_since) {
        if (now - a->warn_since >= a->cfg.idle_warning_s * 1000LL) {
            a->resets++;
            app_reset(a);
        }
        a->dirty = true;
    } else if (session_in_use(a) && now - a->last_input >= idle_ms(a)) {
        a->warn_since = now;
        a->dirty = true;
        /* warned by voice too (DESIGN §6, 长辈版) */
        char msg[SPEECH_TEXT_MAX] = "";
        append_said(msg, sizeof(msg), app_t(a, "idle.title"));
        append_said(msg, sizeof(msg), app_t(a, "idle.wipe"));
        say_now(a, msg);
    }
    struct screen *s = router_top(&a->router);
    if (s->ops->tick)
        s->ops->tick(s, (uint64_t)now);
    if (a->wake_at && now >= a->wake_at)
        a->dirty = true;
}

int64_t app_next_deadline(const struct app *a)
{
    int64_t now = clock_mono_ms(&a->clock);
    /* the clock in the header changes on the minute */
    int64_t wall = clock_now_ms(&a->clock);
    int64_t next = now + (60000 - wall % 60000);
    if (a->corner_down && a->corner_down + APP_STAFF_HOLD_MS < next)
        next = a->corner_down + APP_STAFF_HOLD_MS;
    if (a->warn_since) {
        int64_t end = a->warn_since + a->cfg.idle_warning_s * 1000LL;
        if (end < next)
            next = end;
    } else if (session_in_use(a) && a->last_input + idle_ms(a) < next) {
        next = a->last_input + idle_ms(a);
    }
    if (a->wake_at && a->wake_at < next)
        next = a->wake_at;
    return next > now ? next : now;
}

/* ---- helpers for screens --------------------------------------------- */

const char *app_t(const struct app *a, const char *key)
{
    return i18n_get(a->i18n, a->session.lang, key);
}

const char *app_fmt(const struct app *a, const char *key, char *out,
                    size_t outlen, const char *const *pairs)
{
    i18n_format(a->i18n, a->session.lang, key, out, outlen, pairs);
    return out;
}

const char *app_text(const struct app *a, const char *const by_lang[])
{
    const char *en = by_lang[LANG_EN];
    return a->session.lang == LANG_EN && en && *en ? en : by_lang[LANG_ZH];
}

int64_t app_now_s(const struct app *a)
{
    return clock_now_s(&a->clock);
}

int64_t app_mono_ms(const struct app *a)
{
    return clock_mono_ms(&a->clock);
}

void app_wake_at(struct app *a, int64_t mono_ms)
{
    if (!a->wake_at || mono_ms < a->wake_at)
        a->wake_at = mono_ms;
}

/* The bottom bar's height: one row, or two when its buttons do not fit
 * one (portrait 长辈版). */
static int footer_rows(const struct app *a);

struct rect app_body(const struct app *a)
{
    const struct theme *th = &a->theme;
    int fh = th->footer_h * footer_rows(a);
    struct rect r = {th->margin, th->header_h + th->margin / 2,
                     a->w - 2 * th->margin,
                     a->h - th->header_h - fh - th->margin};
    return r;
}

const char *app_walk_text(const struct app *a, double minutes, char *out,
                          size_t outlen)
{
    if (minutes < 1.0) {
        snprintf(out, outlen, "%s", app_t(a, "walk.under_one"));
        return out;
    }
    char min[16];
    snprintf(min, sizeof(min), "%d", (int)ceil(minutes - 1e-9));
    const char *pairs[] = {"min", min, NULL};
    return app_fmt(a, "walk.minutes", out, outlen, pairs);
}

void app_pager(struct app *a, struct ui *ui, struct draw_list *dl,
               const char *id, struct rect r, int *page, int pages)
{
    app_pager_text(a, ui, dl, id, r, page, pages, NULL);
}

void app_pager_text(struct app *a, struct ui *ui, struct draw_list *dl,
                    const char *id, struct rect r, int *page, int pages,
                    const char *shown)
{
    if (pages < 1)
        pages = 1;
    ui_page_clamp(page, pages);
    if (pages == 1 || rect_empty(r))
        return;
    char p[16], ps[16], text[64];
    snprintf(p, sizeof(p), "%d", *page + 1);
    snprintf(ps, sizeof(ps), "%d", pages);
    const char *pairs[] = {"page", p, "pages", ps, NULL};
    app_fmt(a, "nav.page", text, sizeof(text), pairs);
    char prev[96], next[96];
    snprintf(prev, sizeof(prev), "%s, %s", app_t(a, "nav.prev_page"), text);
    snprintf(next, sizeof(next), "%s, %s", app_t(a, "nav.next_page"), text);
    const char *const said[2] = {prev, next};
    *page += ui_pager(ui, dl, id, r, *page, pages, shown ? shown : text, said);
    ui_page_clamp(page, pages);
}

/* The session's once-only set: "rated:KIND:ID", "poll:ID". */
static bool session_has(const struct session *se, const char *key)
{
    for (int i = 0; i < se->n_done; i++)
        if (strcmp(se->done[i], key) == 0)
            return true;
    return false;
}

static void session_mark(struct session *se, const char *key)
{
    if (!session_has(se, key) && se->n_done < SESSION_MAX_DONE)
        snprintf(se->done[se->n_done++], SESSION_KEY_MAX, "%s", key);
}

bool app_has_rated(const struct app *a, const char *kind, const char *id)
{
    char key[SESSION_KEY_MAX];
    snprintf(key, sizeof(key), "rated:%s:%s", kind, id);
    return session_has(&a->session, key);
}

void app_mark_rated(struct app *a, const char *kind, const char *id)
{
    char key[SESSION_KEY_MAX];
    snprintf(key, sizeof(key), "rated:%s:%s", kind, id);
    session_mark(&a->session, key);
}

bool app_has_answered(const struct app *a, const char *poll_id)
{
    char key[SESSION_KEY_MAX];
    snprintf(key, sizeof(key), "poll:%s", poll_id);
    return session_has(&a->session, key);
}

void app_mark_answered(struct app *a, const char *poll_id)
{
    char key[SESSION_KEY_MAX];
    snprintf(key, sizeof(key), "poll:%s", poll_id);
    session_mark(&a->session, key);
}

struct rgba app_accent(const struct app *a, const char *section)
{
    const struct palette *c = &a->theme.c;
    if (strcmp(section, "services") == 0)
        return c->blue;
    if (strcmp(section, "volunteer") == 0)
        return c->green;
    if (strcmp(section, "rating") == 0)
        return c->red;
    if (strcmp(section, "notices") == 0)
        return c->brown;
    if (strcmp(section, "polls") == 0)
        return c->purple;
    if (strcmp(section, "health") == 0)
        return c->teal;
    return c->slate;
}

void app_format_time(const struct app *a, int64_t unix_s, bool with_day,
                     char *out, size_t outlen)
{
    struct civil t, now;
    civil_from_unix(unix_s, &t);
    civil_from_unix(app_now_s(a), &now);
    char hhmm[8];
    civil_format_hhmm(t.minute_of_day, hhmm);
    if (!with_day) {
        snprintf(out, outlen, "%s", hhmm);
        return;
    }
    char key[24];
    const char *day;
    char date[64];
    if (t.day_number == now.day_number) {
        day = app_t(a, "day.today");
    } else if (t.day_number == now.day_number + 1) {
        day = app_t(a, "day.tomorrow");
    } else {
        char m[16], d[8];
        snprintf(m, sizeof(m), "month.%d", t.month);
        snprintf(d, sizeof(d), "%d", t.day);
        snprintf(key, sizeof(key), "weekday.%d", t.weekday);
        const char *pairs[] = {"month",   app_t(a, m),   "day", d,
                               "weekday", app_t(a, key), NULL};
        app_fmt(a, "app.date", date, sizeof(date), pairs);
        day = date;
    }
    snprintf(out, outlen, "%s %s", day, hhmm);
}

/* ---- the frame: header and bottom bar ------------------------------- */

struct bar_button {
    const char *id, *label;
    uint32_t icon;
    bool selected;
    bool icon_only; /* the label is spoken, not shown */
};

/* The bar's labels: the smallest text of the mode (or of a larger text
 * size), so four buttons fit a portrait 长辈版 bar in one row (they are
 * the same on every screen, and the icons say what they are as well). */
static int bar_px(const struct app *a)
{
    return a->theme.mode == MODE_ELDER || a->theme.text_size > 1
               ? a->theme.text_min
               : a->theme.body;
}

static int bar_button_w(const struct app *a, const struct bar_button *b)
{
    int px = bar_px(a);
    if (b->icon_only) /* narrower than tall, still a full target */
        return a->theme.target * 3 / 4 > a->theme.min_target
                   ? a->theme.target * 3 / 4
                   : a->theme.min_target;
    return text_width(&a->tm, b->label, strlen(b->label), px, FONT_BOLD) +
           px * 5 / 4 + 16 + 32;
}

/* The bar's buttons: back and home first (not on home), then the
 * switches. Returns how many. */
static int bar_buttons(const struct app *a, struct bar_button *out)
{
    int n = 0;
    if (a->router.depth > 1) {
        out[n++] = (struct bar_button){"nav.back", app_t(a, "nav.back"),
                                       ICON_BACK, false, false};
        out[n++] = (struct bar_button){"nav.home", app_t(a, "nav.home"),
                                       ICON_HOME, false, false};
    }
    /* search by pinyin initials, first on home where back and home sit
     * elsewhere: in the bar, not a seventh choice among home's tiles
     * (长辈版 keeps to six) */
    if (a->router.depth == 1 &&
        (a->cfg.modules & (MODULE_SERVICES | MODULE_VOLUNTEER)))
        out[n++] = (struct bar_button){"bar.search", app_t(a, "search.title"),
                                       ICON_SEARCH, false, false};
    bool elder = a->session.mode == MODE_ELDER;
    out[n++] = (struct bar_button){
        "bar.mode", app_t(a, elder ? "mode.standard" : "mode.elder"),
        elder ? ICON_TEXT_SMALLER : ICON_ELDERLY, false, false};
    if ((a->cfg.languages & 3u) == 3u)
        out[n++] = (struct bar_button){
            "bar.lang",
            a->session.lang == LANG_ZH
                ? i18n_get(a->i18n, LANG_EN, "lang.name.en")
                : i18n_get(a->i18n, LANG_ZH, "lang.name.zh-CN"),
            ICON_TRANSLATE, false, false};
    out[n++] = (struct bar_button){"bar.speech", app_t(a, "voice.toggle"),
                                   ICON_VOICE, a->session.speech, false};
    /* the contrast and text size switches live on home, where back and
     * home leave room, so the bar stays one row on small and portrait
     * screens */
    if (a->router.depth == 1)
        out[n++] =
            (struct bar_button){"bar.contrast", app_t(a, "theme.contrast"),
                                ICON_CONTRAST, a->session.high_contrast, false};
    if (a->router.depth == 1 && !elder) {
        static const char *const keys[THEME_TEXT_SIZES] = {
            "text.size.1", "text.size.2", "text.size.3"};
        int t = a->session.text_size;
        out[n++] = (struct bar_button){
            "bar.text", app_t(a, keys[t >= 1 && t <= 3 ? t - 1 : 0]),
            ICON_TEXT_SIZE, t > 1, false};
    }
    return n;
}

#define BAR_MAX 8

/* Rows of the bar's buttons: one, or two when they do not fit one. */
static bool bar_fits_one_row(const struct app *a, const struct bar_button *bb,
                             int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += bar_button_w(a, &bb[i]) + a->theme.gap;
    return total - a->theme.gap + 2 * a->theme.gap <= a->w;
}

/* The bar's buttons and its rows: when they need two rows and the speech
 * switch as an icon alone lets them keep one (a small 长辈版 screen), it
 * is drawn so; its words stay its spoken label. */
static int bar_layout(const struct app *a, struct bar_button *bb, int *rows)
{
    int n = bar_buttons(a, bb);
    *rows = 1;
    if (bar_fits_one_row(a, bb, n))
        return n;
    for (int i = 0; i < n; i++)
        bb[i].icon_only = strcmp(bb[i].id, "bar.speech") == 0;
    if (!bar_fits_one_row(a, bb, n)) {
        for (int i = 0; i < n; i++)
            bb[i].icon_only = false;
        *rows = 2;
    }
    return n;
}

static int bar_rows(const struct app *a)
{
    struct bar_button bb[BAR_MAX];
    int rows;
    bar_layout(a, bb, &rows);
    return rows;
}

/* Where the speech panel goes in speech mode: a row of its own over the
 * bar, unless that leaves a low screen too little room for its content
 * (a 1280x800 长辈版): then it goes, icons only, to the header's right,
 * in place of the date and time. */
static bool panel_in_header(const struct app *a)
{
    const struct theme *th = &a->theme;
    int body =
        a->h - th->header_h - th->footer_h * (bar_rows(a) + 1) - th->margin;
    return a->session.speech && body < 5 * th->primary;
}

/* The bar's rows and, in speech mode, the speech panel's row over them. */
static int footer_rows(const struct app *a)
{
    return bar_rows(a) + (a->session.speech && !panel_in_header(a) ? 1 : 0);
}

/* A tap on one of the bar's buttons. */
static void bar_action(struct app *a, const char *id)
{
    struct session *se = &a->session;
    if (strcmp(id, "nav.back") == 0) {
        router_pop(&a->router);
    } else if (strcmp(id, "nav.home") == 0) {
        router_home(&a->router);
    } else if (strcmp(id, "bar.mode") == 0) {
        se->mode = se->mode == MODE_ELDER ? MODE_STANDARD : MODE_ELDER;
    } else if (strcmp(id, "bar.lang") == 0) {
        se->lang = se->lang == LANG_ZH ? LANG_EN : LANG_ZH;
    } else if (strcmp(id, "bar.contrast") == 0) {
        se->high_contrast = !se->high_contrast;
    } else if (strcmp(id, "bar.search") == 0) {
        router_push(&a->router, &screen_search, NULL);
    } else if (strcmp(id, "bar.text") == 0) {
        se->text_size = se->text_size % THEME_TEXT_SIZES + 1;
    } else if (strcmp(id, "bar.speech") == 0) {
        if (se->speech) {
            se->speech = false;
            if (a->speech.say) /* the last thing said, whatever the mode */
                a->speech.say(a->speech.ctx, app_t(a, "voice.off"), se->lang);
        } else {
            app_speech_start(a);
        }
    }
}

/* The speech panel: repeat, pause or resume, stop, quieter, louder. */
static const struct panel_button {
    const char *id, *key;
    uint32_t icon;
} panel[] = {
    {"speech.repeat", "voice.repeat", ICON_REPLAY},
    {"speech.pause", "voice.pause", ICON_PAUSE},
    {"speech.stop", "voice.stop", ICON_STOP},
    {"speech.quieter", "voice.quieter", ICON_VOLUME_DOWN},
    {"speech.louder", "voice.louder", ICON_VOLUME},
};
#define N_PANEL ((int)(sizeof(panel) / sizeof(panel[0])))

static void panel_action(struct app *a, const char *id)
{
    const struct speech *sp = &a->speech;
    if (strcmp(id, "speech.repeat") == 0) {
        if (a->paused && sp->resume)
            sp->resume(sp->ctx);
        a->paused = false;
        if (sp->repeat)
            sp->repeat(sp->ctx);
    } else if (strcmp(id, "speech.pause") == 0) {
        if (a->paused && sp->resume)
            sp->resume(sp->ctx);
        else if (!a->paused && sp->pause)
            sp->pause(sp->ctx);
        a->paused = !a->paused;
    } else if (strcmp(id, "speech.stop") == 0) {
        speech_stop(a);
    } else if (strcmp(id, "speech.quieter") == 0) {
        speech_volume(a, -APP_VOLUME_STEP);
    } else if (strcmp(id, "speech.louder") == 0) {
        speech_volume(a, APP_VOLUME_STEP);
    }
}

static void draw_panel(struct app *a, struct ui *ui, struct draw_list *dl,
                       struct rect row)
{
    const struct theme *th = &a->theme;
    int px = bar_px(a);
    struct rect r = {row.x, row.y + (row.h - th->target) / 2, row.w,
                     th->target};
    const char *labels[N_PANEL];
    bool words = true; /* icons with words when every word fits */
    for (int i = 0; i < N_PANEL; i++) {
        labels[i] =
            app_t(a, i == 1 && a->paused ? "voice.resume" : panel[i].key);
        int need =
            text_width(&a->tm, labels[i], strlen(labels[i]), px, FONT_BOLD) +
            px * 5 / 4 + 16 + 32;
        if (need > rect_col(r, N_PANEL, th->gap, i).w)
            words = false;
    }
    for (int i = 0; i < N_PANEL; i++) {
        struct button b = {
            .label = words ? labels[i] : "",
            .icon = i == 1 && a->paused ? ICON_PLAY : panel[i].icon,
            .look = LOOK_BAR,
            .label_px = words ? px : (th->target - 32) * 4 / 5,
            .selected = i == 1 && a->paused,
            .role = ROLE_NAV,
            .speech = labels[i],
        };
        bool tapped = ui_button(ui, dl, panel[i].id,
                                rect_col(r, N_PANEL, th->gap, i), &b);
        if (!words)
            snprintf(ui_last(ui)->label, UI_LABEL_MAX, "%s", labels[i]);
        if (tapped)
            panel_action(a, panel[i].id);
    }
}

static void draw_header(struct app *a, struct ui *ui, struct draw_list *dl,
                        const char *title)
{
    const struct theme *th = &a->theme;
    struct rect bar = {0, 0, a->w, th->header_h};
    draw_list_rect(dl, bar, th->c.red, 0);
    struct civil now;
    civil_from_unix(app_now_s(a), &now);
    char hhmm[8], date[64], m[16], d[8], key[24];
    civil_format_hhmm(now.minute_of_day, hhmm);
    snprintf(m, sizeof(m), "month.%d", now.month);
    snprintf(d, sizeof(d), "%d", now.day);
    snprintf(key, sizeof(key), "weekday.long.%d", now.weekday);
    const char *pairs[] = {"month",   app_t(a, m),   "day", d,
                           "weekday", app_t(a, key), NULL};
    app_fmt(a, "app.date", date, sizeof(date), pairs);

    bool elder = th->mode == MODE_ELDER;
    bool in_header = panel_in_header(a);
    int right_w = in_header ? N_PANEL * th->target + (N_PANEL - 1) * th->gap
                  : elder   ? text_width(&a->tm, hhmm, strlen(hhmm), th->title,
                                         FONT_REGULAR)
                          : text_width(&a->tm, date, strlen(date), th->text_min,
                                       FONT_REGULAR);
    struct rect right = {a->w - th->margin - right_w, 0, right_w, th->header_h};
    struct rgba on = th->c.on_color;
    if (in_header) {
        draw_panel(a, ui, dl, right);
    } else if (elder) {
        struct text_style st =
            ui_style(th->title, FONT_REGULAR, on, ALIGN_END, ALIGN_CENTER);
        ui_text(ui, dl, right, hhmm, &st, 1, 0);
    } else {
        struct text_style st =
            ui_style(th->text_min, FONT_REGULAR, on, ALIGN_END, ALIGN_END);
        ui_text(ui, dl, (struct rect){right.x, 8, right.w, th->header_h / 2},
                date, &st, 1, 0);
        st = ui_style(th->body, FONT_REGULAR, on, ALIGN_END, ALIGN_START);
        ui_text(ui, dl,
                (struct rect){right.x, th->header_h / 2 + 4, right.w,
                              th->header_h / 2 - 8},
                hhmm, &st, 1, 0);
    }
    /* the emblem (assets/images/emblem.png), which also marks the corner
     * staff hold for three seconds */
    int e = th->header_h * 5 / 8;
    draw_list_image(dl, (struct rect){th->margin, (th->header_h - e) / 2, e, e},
                    "emblem");
    int lx = th->margin + e + th->gap;
    struct rect left = {lx, 4, right.x - th->margin - lx, th->header_h - 8};
    struct text_style st =
        ui_style(th->title, FONT_BOLD, on, ALIGN_START, ALIGN_CENTER);
    ui_text(ui, dl, left, title, &st, 2, th->text_min);
}

static void draw_footer(struct app *a, struct ui *ui, struct draw_list *dl)
{
    const struct theme *th = &a->theme;
    int rows;
    struct bar_button bb[BAR_MAX];
    int n = bar_layout(a, bb, &rows);
    int fh = th->footer_h * footer_rows(a);
    struct rect bar = {0, a->h - fh, a->w, fh};
    draw_list_rect(dl, bar, th->c.slate, 0);
    if (a->session.speech && !panel_in_header(a)) {
        draw_panel(
            a, ui, dl,
            (struct rect){th->gap, bar.y, a->w - 2 * th->gap, th->footer_h});
        bar.y += th->footer_h;
    }
    int bh = th->target;
    int edge = th->gap; /* the bar's buttons may sit closer to the edge */
    int x = edge, row = 0;
    for (int i = 0; i < n; i++) {
        int w = bar_button_w(a, &bb[i]);
        if (x + w > a->w - edge && row + 1 < rows) {
            row++;
            x = edge;
        }
        struct rect r = {
            x, bar.y + row * th->footer_h + (th->footer_h - bh) / 2, w, bh};
        struct button b = {.label = bb[i].icon_only ? "" : bb[i].label,
                           .icon = bb[i].icon,
                           .look = LOOK_BAR,
                           .label_px = bar_px(a),
                           .selected = bb[i].selected,
                           .role = ROLE_NAV,
                           .speech = bb[i].label};
        bool tapped = ui_button(ui, dl, bb[i].id, r, &b);
        if (bb[i].icon_only)
            snprintf(ui_last(ui)->label, UI_LABEL_MAX, "%s", bb[i].label);
        if (tapped)
            bar_action(a, bb[i].id);
        x += w + th->gap;
    }
    /* the data's age, where there is room: right of the last row */
    if (a->applied_ms > 0) {
        char t[48], msg[96];
        app_format_time(a, a->applied_ms / 1000, true, t, sizeof(t));
        const char *pairs[] = {"time", t, NULL};
        app_fmt(a, "data.updated", msg, sizeof(msg), pairs);
        int mw =
            text_width(&a->tm, msg, strlen(msg), th->text_min, FONT_REGULAR);
        if (x + mw + edge <= a->w) {
            struct text_style st =
                ui_style(th->text_min, FONT_REGULAR, th->c.on_color, ALIGN_END,
                         ALIGN_CENTER);
            ui_text(ui, dl,
                    (struct rect){x, bar.y + row * th->footer_h,
                                  a->w - edge - x, th->footer_h},
                    msg, &st, 1, 0);
        }
    }
}

void app_draw_frame(struct app *a, struct ui *ui, struct draw_list *dl,
                    const char *title)
{
    snprintf(a->title, sizeof(a->title), "%s", title ? title : "");
    draw_header(a, ui, dl, title);
    draw_footer(a, ui, dl);
}
