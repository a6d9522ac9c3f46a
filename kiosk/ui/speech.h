/*
 * speech.h - the seam through which the ui speaks (有声提示, DESIGN §6).
 *
 * The ui says short texts (a screen's title, the focused element, a
 * summary before confirming) in the session's language; the platform's
 * engine (platform/speech_espeak.h: espeak-ng into SDL audio) synthesises
 * them off the ui thread. Every call returns at once. A newer utterance
 * replaces the one being spoken and any not yet begun; stop() silences
 * the speaker before it returns (queued audio is dropped), so speech
 * stops as soon as a resident acts. Tests use a fake that records what
 * was said. A seam whose functions are NULL says nothing (speech_none).
 */
#ifndef LINLI_SPEECH_H
#define LINLI_SPEECH_H

#include "i18n.h"

#include <stdbool.h>

#define SPEECH_TEXT_MAX   1024
#define SPEECH_VOLUME_MIN 20 /* percent: quieter is not offered */
#define SPEECH_VOLUME_MAX 100

struct speech {
    void *ctx;
    /* Speaks text (UTF-8, copied; cut at SPEECH_TEXT_MAX) in lang,
     * cancelling whatever is being spoken. */
    void (*say)(void *ctx, const char *text, enum lang lang);
    /* Silences at once and forgets what was pending. */
    void (*stop)(void *ctx);
    /* Says the last text again. */
    void (*repeat)(void *ctx);
    /* Holds the speaker where it is; resume() goes on from there. */
    void (*pause)(void *ctx);
    void (*resume)(void *ctx);
    /* Loudness in percent, SPEECH_VOLUME_MIN..SPEECH_VOLUME_MAX; applies
     * to what is synthesised from now on. */
    void (*set_volume)(void *ctx, int percent);
    /* True while there is speech to be heard (not while paused). */
    bool (*is_speaking)(void *ctx);
};

/* A seam that says nothing: headless tools and kiosks without audio. */
static inline struct speech speech_none(void)
{
    struct speech s = {0};
    return s;
}

#endif
