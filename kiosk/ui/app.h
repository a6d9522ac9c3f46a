/*
 * app.h - the kiosk's ui as one object: session, router, frame, timers.
 *
 * main.c makes an app from a store, the catalogs, a clock and text
 * metrics, then feeds it input events and asks for frames; nothing here
 * knows SDL. The app owns the frame around every screen (header, bottom
 * bar with back/home and the 长辈版, language and contrast switches), the
 * session (what a resident chose and typed) and the rules that span
 * screens: idle warning and reset, the staff corner, one rating per
 * target per session, and the keypad and speech of docs/accessibility.md
 * (focus moved by the arrow keys, titles and the focused element spoken
 * in 长辈版 and speech mode, speech stopped by any touch or key).
 */
#ifndef LINLI_APP_H
#define LINLI_APP_H

#include "bundle.h"
#include "clock.h"
#include "devices.h"
#include "draw_list.h"
#include "i18n.h"
#include "pin.h"
#include "screen.h"
#include "speech.h"
#include "theme.h"
#include "ui.h"

#include <stdbool.h>
#include <stdint.h>

struct store;

/* What the app needs of the kiosk's config, copied out of the bundle. */
struct app_config {
    char kiosk_id[ID_MAX + 1];
    char center[LANG_COUNT][NAME_MAX_BYTES + 1];
    double lat, lon;
    double pixel_pitch_mm;
    unsigned languages, modules;
    enum lang default_lang;
    bool default_elder;
    int idle_standard_s, idle_elder_s, idle_warning_s;
    char pin_hash[PIN_HASH_MAX_BYTES + 1];
    struct walk_model walking;
    /* the panel: schedule (minutes after midnight), percent, idle s */
    int screen_on, screen_off, brightness, dim_brightness, dim_after_s;
    int default_text_size; /* 1..THEME_TEXT_SIZES; set by main.c */
};

#define SESSION_MAX_DONE 40
#define SESSION_KEY_MAX  (ID_MAX + 16)

/* Everything a resident's visit changes; wiped by the idle reset. */
struct session {
    enum ui_mode mode;
    enum lang lang;
    bool high_contrast;
    int text_size; /* 1..THEME_TEXT_SIZES, standard mode */
    bool speech;   /* speech mode: the speech key, a headset, the switch */
    int volume;    /* percent, SPEECH_VOLUME_MIN..SPEECH_VOLUME_MAX */
    /* what was done once per session: "rated:service:ID", "poll:ID" */
    char done[SESSION_MAX_DONE][SESSION_KEY_MAX];
    int n_done;
};

/* Shown on the staff screen; main.c fills what it knows. */
struct app_status {
    const char *version;
    char sync[96];       /* last sync result, "" if sync is not set up */
    struct sync *syncer; /* the hub sync (staff screen), NULL if none */
};

struct app {
    struct store *store;
    const struct i18n *i18n;
    struct clock clock;
    struct text_metrics tm;
    struct app_config cfg;
    struct app_status status;
    struct devices devices; /* printer, watchdog, backlight, scanner */
    struct session session;
    struct theme theme;
    struct ui ui;
    struct router router;
    struct draw_list dl;
    int w, h;
    struct pin_lock pin;
    int64_t applied_ms; /* when the cached data was applied, 0: never */
    /* timers, monotonic ms */
    int64_t last_input;
    int64_t warn_since;  /* idle warning shown since; 0 if not shown */
    int64_t corner_down; /* pointer held in the staff corner since */
    int64_t wake_at;     /* earliest redraw a screen asked for */
    int resets;          /* idle resets so far (tests, staff screen) */
    bool dirty;          /* the next frame differs from the last */
    bool config_pending; /* a new bundle's config waits for home */
    /* speech */
    struct speech speech;
    bool paused;                /* the speech panel's pause */
    char title[UI_LABEL_MAX];   /* the title this frame drew */
    char said[SPEECH_TEXT_MAX]; /* what this frame asked to say */
    unsigned screen_serial;     /* screens opened by a resident */
    unsigned spoken_serial;     /* ... of which the title was said */
};

#define APP_VOLUME_DEFAULT 80
#define APP_VOLUME_STEP    20

/* Idle defaults when the config gives none, and the floor of the warning
 * (DESIGN §3: at least 20 s to continue). */
#define APP_IDLE_STANDARD_S    90
#define APP_IDLE_ELDER_S       180
#define APP_IDLE_WARNING_MIN_S 20
#define APP_STAFF_HOLD_MS      3000

/* Sets up the app on a w x h window from the cache (its config, or
 * defaults when the cache is empty). Borrowed: store, i18n, tm's ctx, all
 * of which must outlive the app. Returns 0 or ERR_DB. */
int app_init(struct app *a, struct store *st, const struct i18n *i18n,
             struct clock clock, struct text_metrics tm, int w, int h);
void app_release(struct app *a);

/* Gives the app its speech engine (speech_none() until then). */
void app_set_speech(struct app *a, struct speech sp);

/* Starts speech mode (the speech key, a headset plugged in): says the
 * screen's title and the focused element; again, it repeats. */
void app_speech_start(struct app *a);

/* Re-reads the config from the store (after a sync); takes effect now. */
int app_reload_config(struct app *a);

/* Sync applied a new bundle: the screens show its data from the next
 * frame; its config takes effect at the next idle/home moment. */
void app_data_applied(struct app *a);

/* A new window size (rotation, resize). */
void app_resize(struct app *a, int w, int h);

/* Handles one input event: runs a frame with it, then any navigation. */
void app_event(struct app *a, const struct input_event *ev);

/* Runs the timers (idle, staff corner, clock) at the clock's now; sets
 * dirty if the screen must change. */
void app_tick(struct app *a);

/* Monotonic ms at which app_tick() next has something to do. */
int64_t app_next_deadline(const struct app *a);

/* Draws the current frame (no input) into a->dl and returns it. */
const struct draw_list *app_frame(struct app *a);

/* Wipes the session and returns to home in the default mode and
 * language, as the idle reset does. */
void app_reset(struct app *a);

/* ---- for screens ----------------------------------------------------- */

/* True when screens speak: 长辈版 or speech mode. */
bool app_speech_on(const struct app *a);
/* Says text after this frame (after the title of a screen just opened),
 * when speech is on; a no-op otherwise. */
void app_say(struct app *a, const char *text);

/* The string for key in the session's language. */
const char *app_t(const struct app *a, const char *key);
/* i18n_format() in the session's language into out. */
const char *app_fmt(const struct app *a, const char *key, char *out,
                    size_t outlen, const char *const *pairs);
/* text_get() in the session's language. */
const char *app_text(const struct app *a, const char *const by_lang[]);

int64_t app_now_s(const struct app *a);
int64_t app_mono_ms(const struct app *a);
/* Asks for a redraw at mono_ms (a countdown, a timed unlock). */
void app_wake_at(struct app *a, int64_t mono_ms);

/* The content area between the bars, inset by the margin. */
struct rect app_body(const struct app *a);

/* Draws the frame of a screen: header with title, and the bottom bar
 * (with back and home unless it is the home screen). */
void app_draw_frame(struct app *a, struct ui *ui, struct draw_list *dl,
                    const char *title);

/* "步行 N 分钟" for a walk of minutes, rounded up so a service shown as
 * 5 minutes is inside the 5-minute ring; "不到 1 分钟" under one. */
const char *app_walk_text(const struct app *a, double minutes, char *out,
                          size_t outlen);

/* The page buttons and "第 2/5 页" (ui_pager) in r for *page of pages,
 * keeping *page in range; draws nothing when there is one page. */
void app_pager(struct app *a, struct ui *ui, struct draw_list *dl,
               const char *id, struct rect r, int *page, int pages);
/* The same with shown drawn instead of "第 2/5 页" where that does not fit
 * (e.g. "2/5"); speech still says the whole. shown NULL: the whole. */
void app_pager_text(struct app *a, struct ui *ui, struct draw_list *dl,
                    const char *id, struct rect r, int *page, int pages,
                    const char *shown);

/* Session rules. */
bool app_has_rated(const struct app *a, const char *kind, const char *id);
void app_mark_rated(struct app *a, const char *kind, const char *id);
bool app_has_answered(const struct app *a, const char *poll_id);
void app_mark_answered(struct app *a, const char *poll_id);

/* The accent colour of a home section ("services", "volunteer", ...). */
struct rgba app_accent(const struct app *a, const char *section);

/* "HH:MM", "今天 14:00" / "11月24日 周二 14:00" style labels. */
void app_format_time(const struct app *a, int64_t unix_s, bool with_day,
                     char *out, size_t outlen);

#endif
