/*
 * window.c - window, input translation and the main loop (window.h).
 */
#include "window.h"

#include "app.h"
#include "err.h"
#include "peripherals.h"
#include "sdl_images.h"
#include "sdl_render.h"
#include "sdl_text.h"
#include "sync.h"
#include "speech_espeak.h"
#include "sdl_turn.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* SDL's key to the ui's; KEY_NONE for keys the kiosk ignores. */
static enum input_key key_of(SDL_Keycode k)
{
    switch (k) {
    case SDLK_UP: return KEY_UP;
    case SDLK_DOWN: return KEY_DOWN;
    case SDLK_LEFT: return KEY_LEFT;
    case SDLK_RIGHT: return KEY_RIGHT;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return KEY_SELECT;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK: return KEY_BACK;
    case SDLK_BACKSPACE: return KEY_BACKSPACE;
    case SDLK_F1:
    case SDLK_KP_MULTIPLY: return KEY_SPEECH;
    default: break;
    }
    if (k >= SDLK_0 && k <= SDLK_9)
        return (enum input_key)(KEY_DIGIT0 + (k - SDLK_0));
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9)
        return (enum input_key)(KEY_DIGIT0 + 1 + (k - SDLK_KP_1));
    if (k == SDLK_KP_0)
        return KEY_DIGIT0;
    return KEY_NONE;
}

/* Translates one SDL event; false if the ui has no use for it. */
static bool translate(const SDL_Event *e, int w, int h,
                      SDL_FingerID *finger, struct input_event *out)
{
    memset(out, 0, sizeof(*out));
    switch (e->type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID ||
            e->button.button != SDL_BUTTON_LEFT)
            return false;
        *out = input_pointer(e->type == SDL_MOUSEBUTTONDOWN ? INPUT_DOWN
                                                            : INPUT_UP,
                             e->button.x, e->button.y);
        return true;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID ||
            !(e->motion.state & SDL_BUTTON_LMASK))
            return false;
        *out = input_pointer(INPUT_MOVE, e->motion.x, e->motion.y);
        return true;
    case SDL_FINGERDOWN:
        if (*finger != -1)
            return false; /* one finger at a time */
        *finger = e->tfinger.fingerId;
        /* fall through */
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        if (e->tfinger.fingerId != *finger)
            return false;
        *out = input_pointer(e->type == SDL_FINGERDOWN   ? INPUT_DOWN
                             : e->type == SDL_FINGERUP ? INPUT_UP
                                                       : INPUT_MOVE,
                             (int)(e->tfinger.x * w), (int)(e->tfinger.y * h));
        if (e->type == SDL_FINGERUP)
            *finger = -1;
        return true;
    case SDL_KEYDOWN:
        out->kind = INPUT_KEY;
        out->key = key_of(e->key.keysym.sym);
        return out->key != KEY_NONE;
    default:
        return false;
    }
}

/* The SDL event type of a scan (data1: the text, heap), registered once;
 * the scanner's thread posts them, so a scan wakes the loop. */
static Uint32 scan_event = (Uint32)-1;

static void post_scan(void *ctx, const char *text)
{
    SDL_Event e = {.type = scan_event};
    e.user.data1 = SDL_strdup(text);
    if (!e.user.data1 || SDL_PushEvent(&e) != 1)
        SDL_free(e.user.data1);
}

/* A posted scan as the ui's event; frees the text. */
static void take_scan(SDL_Event *e, struct input_event *out)
{
    memset(out, 0, sizeof(*out));
    out->kind = INPUT_SCAN;
    snprintf(out->text, sizeof(out->text), "%s", (char *)e->user.data1);
    SDL_free(e->user.data1);
}

int window_run(struct store *st, const struct i18n *i18n, struct clock clk,
               const struct window_options *opt, FILE *log)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(log, "linli-kiosk: cannot start video: %s\n", SDL_GetError());
        return ERR_IO;
    }
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    Uint32 flags = opt->windowed ? SDL_WINDOW_RESIZABLE
                                 : SDL_WINDOW_FULLSCREEN_DESKTOP;
    int w = opt->w > 0 ? opt->w : 1920, h = opt->h > 0 ? opt->h : 1080;
    SDL_Window *win = SDL_CreateWindow("Linli", SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, w, h, flags);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
    char err[256];
    struct sdl_text *text = NULL;
    int rc = 0;
    if (!win || !r) {
        fprintf(log, "linli-kiosk: cannot open a window: %s\n",
                SDL_GetError());
        rc = ERR_IO;
    } else if ((rc = sdl_text_open(&text, err, sizeof(err)))) {
        fprintf(log, "linli-kiosk: %s\n", err);
    }
    if (rc) {
        if (r)
            SDL_DestroyRenderer(r);
        if (win)
            SDL_DestroyWindow(win);
        SDL_Quit();
        return rc;
    }
    if (!opt->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    /* With rotate, the ui draws on a w x h texture that is presented turned
     * on the pw x ph panel, and touch is mapped back (point_unrotate). */
    int pw, ph;
    SDL_GetRendererOutputSize(r, &pw, &ph);
    SDL_Texture *turn = sdl_turn_setup(r, opt->rotate, pw, ph, NULL, &w, &h);
    if (opt->rotate && !turn) {
        fprintf(log, "linli-kiosk: cannot rotate the screen: %s\n",
                SDL_GetError());
        rc = ERR_IO;
    }

    struct app a;
    if (rc) {
        /* no texture to turn the picture on: said above */
    } else if ((rc = app_init(&a, st, i18n, clk, sdl_text_metrics(text), w,
                              h))) {
        fprintf(log, "linli-kiosk: cannot read the cache: %s\n", err_str(rc));
    } else {
        a.status.version = LINLI_VERSION;
        if (opt->text_size > 0) {
            a.cfg.default_text_size = opt->text_size;
            app_reset(&a);
        }
        if (opt->status)
            snprintf(a.status.sync, sizeof(a.status.sync), "%s",
                     opt->status);
        a.status.syncer = opt->sync;
        unsigned applied = 0;
        struct text_renderer tr = sdl_text_renderer(text);
        struct sdl_images *images = sdl_images_new(opt->images ? opt->images
                                                               : "images");
        sdl_images_attach(images, &tr);
        SDL_FingerID finger = -1;
        struct peripherals *pe = opt->peripherals;
        /* peripherals run on the system's monotonic clock even when the
         * app's is pinned (--now) */
        struct clock sys = clock_system();
        if (pe) {
            a.devices = peripherals_devices(pe);
            if (scan_event == (Uint32)-1)
                scan_event = SDL_RegisterEvents(1);
            if (scan_event != (Uint32)-1)
                peripherals_start_scanner(pe, post_scan, NULL);
            peripherals_tick(pe, &a);
        }
        int64_t work_start = clock_mono_ms(&sys);
        /* speech: without audio or espeak-ng data the kiosk stays silent
         * and says why once */
        struct speech_espeak *voice = NULL;
        if (speech_espeak_open(&voice, err, sizeof(err)) == 0)
            app_set_speech(&a, speech_espeak_seam(voice));
        else
            fprintf(log, "linli-kiosk: no speech: %s\n", err);
        /* SDL reports the outputs present at start as added too; a
         * device beyond them is a headset plugged in */
        int outputs = voice ? SDL_GetNumAudioDevices(0) : 0;
        for (bool quit = false; !quit;) {
            if (a.dirty) {
                const struct draw_list *dl = app_frame(&a);
                SDL_SetRenderTarget(r, turn);
                SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
                SDL_RenderClear(r);
                sdl_render_list(r, dl, &tr);
                if (turn)
                    sdl_turn_present(r, turn, opt->rotate, pw, ph);
                SDL_RenderPresent(r);
            }
            int64_t next = app_next_deadline(&a);
            if (opt->sync && sync_next_deadline(opt->sync) < next)
                next = sync_next_deadline(opt->sync);
            int64_t wait = next - clock_mono_ms(&a.clock);
            if (pe) {
                int64_t now = clock_mono_ms(&sys);
                peripherals_iteration(pe, work_start, now);
                int64_t d = peripherals_deadline(pe, now) - now;
                wait = d < wait ? d : wait;
            }
            SDL_Event e;
            int got = SDL_WaitEventTimeout(
                &e, wait > 0 ? (wait < INT32_MAX ? (int)wait : INT32_MAX) : 0);
            work_start = clock_mono_ms(&sys);
            for (; got; got = SDL_PollEvent(&e)) {
                struct input_event ev;
                if (e.type == SDL_QUIT) {
                    quit = true;
                } else if (e.type == SDL_WINDOWEVENT &&
                           e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                    SDL_GetRendererOutputSize(r, &pw, &ph);
                    turn = sdl_turn_setup(r, opt->rotate, pw, ph, turn, &w,
                                          &h);
                    if (opt->rotate && !turn)
                        quit = true; /* no texture: nothing to draw on */
                    app_resize(&a, w, h);
                    sdl_text_release_textures(text);
                } else if ((e.type == SDL_WINDOWEVENT &&
                            e.window.event == SDL_WINDOWEVENT_EXPOSED) ||
                           e.type == SDL_RENDER_TARGETS_RESET) {
                    a.dirty = true;
                } else if (e.type == SDL_AUDIODEVICEADDED &&
                           !e.adevice.iscapture && voice &&
                           (int)e.adevice.which >= outputs) {
                    outputs = (int)e.adevice.which + 1;
                    app_speech_start(&a);
                } else if (e.type == scan_event ||
                           translate(&e, pw, ph, &finger, &ev)) {
                    if (e.type == scan_event)
                        take_scan(&e, &ev);
                    else if (ev.kind != INPUT_KEY)
                        point_unrotate(opt->rotate, pw, ph, &ev.x, &ev.y);
                    if (pe && (ev.kind == INPUT_DOWN || ev.kind == INPUT_SCAN))
                        peripherals_touch(pe, work_start);
                    app_event(&a, &ev);
                }
            }
            if (opt->sync && sync_step(opt->sync)) {
                a.dirty = true; /* the staff screen shows sync's state */
                if (sync_status(opt->sync)->applied != applied) {
                    applied = sync_status(opt->sync)->applied;
                    app_data_applied(&a);
                }
            }
            app_tick(&a);
            if (pe)
                peripherals_tick(pe, &a);
        }
        if (pe) {
            peripherals_stop_scanner(pe);
            peripherals_wait_print(pe);
            /* scans posted but not taken */
            SDL_Event e;
            while (SDL_PeepEvents(&e, 1, SDL_GETEVENT, scan_event,
                                  scan_event) == 1)
                SDL_free(e.user.data1);
        }
        app_set_speech(&a, speech_none());
        speech_espeak_close(voice);
        sdl_images_free(images);
        app_release(&a);
    }
    if (turn)
        SDL_DestroyTexture(turn);
    sdl_text_close(text);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return rc;
}
