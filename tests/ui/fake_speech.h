/*
 * fake_speech.h - a speech seam (speech.h) that records what it is asked,
 * for ui tests: every call is one line of the log ("say zh 首页",
 * "stop", "repeat", "volume 60", "pause", "resume"), and said holds the
 * last text. Header-only, like fixture.h.
 */
#ifndef LINLI_FAKE_SPEECH_H
#define LINLI_FAKE_SPEECH_H

#include "speech.h"

#include <stdio.h>
#include <string.h>

#define FAKE_SPEECH_LOG 64

struct fake_speech {
    char log[FAKE_SPEECH_LOG][SPEECH_TEXT_MAX + 16];
    int n;
    char said[SPEECH_TEXT_MAX]; /* the last say */
    int says, stops, repeats, volume;
    bool paused;
};

static inline void fake_speech_note(struct fake_speech *f, const char *what,
                                    const char *text)
{
    if (f->n < FAKE_SPEECH_LOG)
        snprintf(f->log[f->n++], sizeof(f->log[0]), "%s%s%s", what,
                 text ? " " : "", text ? text : "");
}

static inline void fake_say(void *ctx, const char *text, enum lang lang)
{
    struct fake_speech *f = ctx;
    char line[SPEECH_TEXT_MAX + 8];
    snprintf(line, sizeof(line), "%s %s", lang == LANG_EN ? "en" : "zh", text);
    fake_speech_note(f, "say", line);
    snprintf(f->said, sizeof(f->said), "%s", text);
    f->says++;
}

static inline void fake_stop(void *ctx)
{
    struct fake_speech *f = ctx;
    fake_speech_note(f, "stop", NULL);
    f->stops++;
}

static inline void fake_repeat(void *ctx)
{
    struct fake_speech *f = ctx;
    fake_speech_note(f, "repeat", NULL);
    f->repeats++;
}

static inline void fake_pause(void *ctx)
{
    struct fake_speech *f = ctx;
    fake_speech_note(f, "pause", NULL);
    f->paused = true;
}

static inline void fake_resume(void *ctx)
{
    struct fake_speech *f = ctx;
    fake_speech_note(f, "resume", NULL);
    f->paused = false;
}

static inline void fake_volume(void *ctx, int percent)
{
    struct fake_speech *f = ctx;
    char v[16];
    snprintf(v, sizeof(v), "%d", percent);
    fake_speech_note(f, "volume", v);
    f->volume = percent;
}

static inline bool fake_speaking(void *ctx)
{
    struct fake_speech *f = ctx;
    return f->n > 0 && strncmp(f->log[f->n - 1], "say", 3) == 0;
}

static inline struct speech fake_speech_seam(struct fake_speech *f)
{
    memset(f, 0, sizeof(*f));
    struct speech s = {f,          fake_say,    fake_stop,   fake_repeat,
                       fake_pause, fake_resume, fake_volume, fake_speaking};
    return s;
}

/* Forgets the log (after the set-up steps of a test). */
static inline void fake_speech_clear(struct fake_speech *f)
{
    f->n = 0;
    f->said[0] = '\0';
    f->says = f->stops = f->repeats = 0;
}

#endif
