/*
 * headless.c - replays and the benchmark without a display (headless.h).
 */
#include "headless.h"

#include "app.h"
#include "buf.h"
#include "err.h"
#include "replay.h"
#include "sdl_images.h"
#include "sdl_shot.h"
#include "sdl_text.h"
#include "speech_espeak.h"
#include "store.h"
#include "tour.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

int replay_file(struct store *st, const struct i18n *i18n, struct clock clk,
                const struct devices *devices, const char *path, bool live,
                FILE *out)
{
    struct buf script;
    buf_init(&script, 1 << 20);
    if (buf_read_file(&script, path) != 0 || buf_append(&script, "", 1)) {
        fprintf(stderr, "linli-kiosk: cannot read %s\n", path);
        buf_release(&script);
        return 1;
    }
    char err[256];
    struct sdl_text *text = NULL;
    struct text_metrics tm = text_metrics_approx();
    if (sdl_text_open(&text, err, sizeof(err)) == 0)
        tm = sdl_text_metrics(text);
    struct store *scratch = NULL;
    int rc = live ? 0 : store_open_copy(st, &scratch);
    int64_t now = clock_now_ms(&clk);
    struct app a;
    if (!rc)
        rc = app_init(&a, live ? st : scratch, i18n, clock_fixed(&now), tm,
                      1920, 1080);
    if (!rc) {
        a.status.version = LINLI_VERSION;
        if (devices)
            a.devices = *devices;
        rc = replay_run(&a, &now, script.data, out, err, sizeof(err));
        if (rc)
            fprintf(stderr, "linli-kiosk: %s: %s\n", path, err);
        else
            fprintf(out, "replay: ok\n");
        app_release(&a);
    }
    if (scratch)
        store_close(scratch);
    sdl_text_close(text);
    buf_release(&script);
    return rc ? 1 : 0;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* A "VmHWM:" (peak) or "VmRSS:" (now) line of /proc/self/status. */
static long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof(line), f))
        if (strncmp(line, field, n) == 0)
            kib = strtol(line + n, NULL, 10);
    if (f)
        fclose(f);
    return kib;
}

/* What the speech engine costs in memory: RSS before it starts, and
 * after it has spoken a sentence in each language (bounded waits). */
static void bench_speech(FILE *out)
{
    char err[256];
    long before = status_kib("VmRSS:");
    struct speech_espeak *e;
    if (speech_espeak_open(&e, err, sizeof(err))) {
        fprintf(out, ", \"speech\": {\"error\": \"%s\"}", err);
        return;
    }
    struct speech sp = speech_espeak_seam(e);
    sp.say(sp.ctx, "欢迎来到邻里社区服务站", LANG_ZH);
    for (int i = 0; i < 500 && speech_espeak_done(e) < 1; i++)
        SDL_Delay(10);
    sp.say(sp.ctx, "Welcome to the community service center", LANG_EN);
    for (int i = 0; i < 500 && speech_espeak_done(e) < 2; i++)
        SDL_Delay(10);
    long after = status_kib("VmRSS:");
    sp.stop(sp.ctx);
    speech_espeak_close(e);
    fprintf(out,
            ", \"speech\": {\"rss_before_kib\": %ld, \"rss_after_kib\": %ld, "
            "\"added_kib\": %ld}",
            before, after, after - before);
}

#define BENCH_FRAMES 200

int bench_run(struct store *st, const struct i18n *i18n,
              const char *images_dir, int64_t start_mono_ms, FILE *out)
{
    struct clock sys = clock_system();
    char err[256];
    struct sdl_text *text;
    struct sdl_shot *shot;
    struct store *scratch = NULL;
    int rc = sdl_text_open(&text, err, sizeof(err));
    if (rc) {
        fprintf(stderr, "linli-kiosk: %s\n", err);
        return 1;
    }
    if ((rc = sdl_shot_open(1920, 1080, &shot))) {
        sdl_text_close(text);
        return 1;
    }
    struct text_renderer tr = sdl_text_renderer(text);
    struct sdl_images *images = sdl_images_new(images_dir);
    sdl_images_attach(images, &tr);
    struct app a;
    /* the first frame: the real cache, as a cold start would draw it */
    int64_t t_fonts = clock_mono_ms(&sys), t_app = 0;
    if ((rc = app_init(&a, st, i18n, sys, sdl_text_metrics(text), 1920,
                       1080)) == 0) {
        t_app = clock_mono_ms(&sys);
        sdl_shot_render(shot, app_frame(&a), &tr, a.theme.c.paper);
        app_release(&a);
    }
    int64_t t_frame = clock_mono_ms(&sys);
    double startup = (double)(t_frame - start_mono_ms);
    if (!rc)
        rc = store_open_copy(st, &scratch);
    if (!rc)
        rc = app_init(&a, scratch, i18n, sys, sdl_text_metrics(text), 1920,
                      1080);
    if (rc) {
        fprintf(stderr, "linli-kiosk: bench: %s\n", err_str(rc));
        sdl_images_free(images);
        sdl_shot_close(shot);
        sdl_text_close(text);
        if (scratch)
            store_close(scratch);
        return 1;
    }
    fprintf(out,
            "{\"startup_ms\": %.1f, \"startup_parts_ms\": {\"to_fonts\": "
            "%lld, \"app_init\": %lld, \"first_frame\": %lld}, "
            "\"frames_per_screen\": %d, \"size\": \"1920x1080\", "
            "\"screens\": {",
            startup, (long long)(t_fonts - start_mono_ms),
            (long long)(t_app - t_fonts), (long long)(t_frame - t_app),
            BENCH_FRAMES);
    static double t[BENCH_FRAMES];
    bool first = true;
    for (int i = 0; screen_all[i]; i++) {
        if (tour_open(&a, screen_all[i]->name) != 0)
            continue;
        for (int m = 0; m < 2; m++) {
            a.session.mode = (enum ui_mode)m;
            for (int f = 0; f < BENCH_FRAMES; f++) {
                struct timespec t0, t1;
                clock_gettime(CLOCK_MONOTONIC, &t0);
                a.dirty = true;
                sdl_shot_render(shot, app_frame(&a), &tr, a.theme.c.paper);
                clock_gettime(CLOCK_MONOTONIC, &t1);
                t[f] = (t1.tv_sec - t0.tv_sec) * 1e3 +
                       (t1.tv_nsec - t0.tv_nsec) / 1e6;
            }
            qsort(t, BENCH_FRAMES, sizeof(t[0]), cmp_double);
            fprintf(out,
                    "%s\"%s%s\": {\"p50_ms\": %.2f, \"p99_ms\": %.2f, "
                    "\"max_ms\": %.2f}",
                    first ? "" : ", ", screen_all[i]->name,
                    m ? "/elder" : "", t[BENCH_FRAMES / 2],
                    t[BENCH_FRAMES * 99 / 100], t[BENCH_FRAMES - 1]);
            first = false;
        }
        a.session.mode = MODE_STANDARD;
    }
    struct sdl_text_stats ts = sdl_text_stats(text);
    fprintf(out, "}, \"peak_rss_kib\": %ld, \"text_textures\": %d, "
                 "\"text_texture_bytes\": %zu",
            status_kib("VmHWM:"), ts.textures, ts.texture_bytes);
    bench_speech(out);
    fputs("}\n", out);
    app_release(&a);
    store_close(scratch);
    sdl_images_free(images);
    sdl_shot_close(shot);
    sdl_text_close(text);
    return 0;
}
