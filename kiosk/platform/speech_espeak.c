/*
 * speech_espeak.c - espeak-ng on a worker thread into SDL audio
 * (speech_espeak.h).
 */
#include "speech_espeak.h"

#include "err.h"
#include "xalloc.h"

#include <SDL.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <string.h>

struct speech_espeak {
    SDL_AudioDeviceID dev;
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *wake;
    /* under lock */
    char pending[SPEECH_TEXT_MAX];
    enum lang pending_lang;
    bool has_pending;
    char last[SPEECH_TEXT_MAX];
    enum lang last_lang;
    unsigned gen; /* bumped by say and stop: older synthesis is dropped */
    int volume;
    bool quit, synthesizing, paused;
    int done;
    SDL_threadID synth_thread;
};

/* What the synthesis callback is told through espeak's user_data. */
struct job {
    struct speech_espeak *e;
    unsigned gen;
};

/* espeak-ng's synchronous callback, on the worker: queue the samples
 * unless the utterance has been cancelled (then return 1: abort). */
static int on_samples(short *wav, int n, espeak_EVENT *events)
{
    struct job *job = events ? events->user_data : NULL;
    if (!job)
        return 1;
    struct speech_espeak *e = job->e;
    SDL_LockMutex(e->lock);
    bool current = job->gen == e->gen && !e->quit;
    if (current && wav && n > 0)
        SDL_QueueAudio(e->dev, wav, (Uint32)n * sizeof(short));
    SDL_UnlockMutex(e->lock);
    return current ? 0 : 1;
}

static int worker(void *arg)
{
    struct speech_espeak *e = arg;
    char text[SPEECH_TEXT_MAX];
    for (;;) {
        SDL_LockMutex(e->lock);
        while (!e->quit && !e->has_pending)
            SDL_CondWait(e->wake, e->lock);
        if (e->quit) {
            SDL_UnlockMutex(e->lock);
            return 0;
        }
        memcpy(text, e->pending, sizeof(text));
        enum lang lang = e->pending_lang;
        struct job job = {e, e->gen};
        int volume = e->volume;
        e->has_pending = false;
        e->synthesizing = true;
        e->synth_thread = SDL_ThreadID();
        SDL_UnlockMutex(e->lock);

        espeak_SetVoiceByName(lang == LANG_EN ? "en" : "cmn");
        espeak_SetParameter(espeakVOLUME, volume, 0);
        espeak_ERROR rc = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER,
                                       0, espeakCHARS_UTF8, NULL, &job);

        SDL_LockMutex(e->lock);
        e->synthesizing = false;
        if (rc == EE_OK && job.gen == e->gen)
            e->done++;
        SDL_UnlockMutex(e->lock);
    }
}

/* Hands text to the worker, cancelling what it is doing. Under lock. */
static void submit(struct speech_espeak *e, const char *text, enum lang lang)
{
    e->gen++;
    SDL_ClearQueuedAudio(e->dev);
    snprintf(e->pending, sizeof(e->pending), "%s", text);
    e->pending_lang = lang;
    e->has_pending = true;
    SDL_CondSignal(e->wake);
}

static void say(void *ctx, const char *text, enum lang lang)
{
    struct speech_espeak *e = ctx;
    if (!text || !*text)
        return;
    SDL_LockMutex(e->lock);
    snprintf(e->last, sizeof(e->last), "%s", text);
    e->last_lang = lang;
    submit(e, text, lang);
    SDL_UnlockMutex(e->lock);
}

static void repeat(void *ctx)
{
    struct speech_espeak *e = ctx;
    SDL_LockMutex(e->lock);
    if (e->last[0])
        submit(e, e->last, e->last_lang);
    SDL_UnlockMutex(e->lock);
}

static void stop(void *ctx)
{
    struct speech_espeak *e = ctx;
    SDL_LockMutex(e->lock);
    e->gen++;
    e->has_pending = false;
    SDL_ClearQueuedAudio(e->dev);
    SDL_UnlockMutex(e->lock);
}

static void set_paused(struct speech_espeak *e, bool paused)
{
    SDL_LockMutex(e->lock);
    e->paused = paused;
    SDL_PauseAudioDevice(e->dev, paused ? 1 : 0);
    SDL_UnlockMutex(e->lock);
}

static void pause_speech(void *ctx)
{
    set_paused(ctx, true);
}

static void resume_speech(void *ctx)
{
    set_paused(ctx, false);
}

static void set_volume(void *ctx, int percent)
{
    struct speech_espeak *e = ctx;
    if (percent < SPEECH_VOLUME_MIN)
        percent = SPEECH_VOLUME_MIN;
    if (percent > SPEECH_VOLUME_MAX)
        percent = SPEECH_VOLUME_MAX;
    SDL_LockMutex(e->lock);
    e->volume = percent; /* espeak's 100 is its normal loudness */
    SDL_UnlockMutex(e->lock);
}

static bool is_speaking(void *ctx)
{
    struct speech_espeak *e = ctx;
    SDL_LockMutex(e->lock);
    bool on = !e->paused && (e->has_pending || e->synthesizing ||
                             SDL_GetQueuedAudioSize(e->dev) > 0);
    SDL_UnlockMutex(e->lock);
    return on;
}

struct speech speech_espeak_seam(struct speech_espeak *e)
{
    struct speech s = {e,          say,          stop,
                       repeat,     pause_speech, resume_speech,
                       set_volume, is_speaking};
    return s;
}

uint32_t speech_espeak_queued(struct speech_espeak *e)
{
    return SDL_GetQueuedAudioSize(e->dev);
}

int speech_espeak_done(struct speech_espeak *e)
{
    SDL_LockMutex(e->lock);
    int n = e->done;
    SDL_UnlockMutex(e->lock);
    return n;
}

bool speech_espeak_synth_elsewhere(struct speech_espeak *e)
{
    SDL_LockMutex(e->lock);
    bool other = e->synth_thread != 0 && e->synth_thread != SDL_ThreadID();
    SDL_UnlockMutex(e->lock);
    return other;
}

int speech_espeak_open(struct speech_espeak **out, char *err, size_t errlen)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(err, errlen, "cannot start audio: %s", SDL_GetError());
        return ERR_IO;
    }
    /* 100 ms chunks: the callback checks for a cancel that often */
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, NULL,
                                 espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        snprintf(err, errlen, "cannot start espeak-ng (no espeak-ng-data?)");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return ERR_IO;
    }
    if (espeak_SetVoiceByName("cmn") != EE_OK ||
        espeak_SetVoiceByName("en") != EE_OK) {
        snprintf(err, errlen, "espeak-ng has no cmn or en voice");
        espeak_Terminate();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return ERR_IO;
    }
    espeak_SetSynthCallback(on_samples);
    SDL_AudioSpec want = {
        .freq = rate, .format = AUDIO_S16SYS, .channels = 1, .samples = 1024};
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0);
    if (!dev) {
        snprintf(err, errlen, "cannot open audio: %s", SDL_GetError());
        espeak_Terminate();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return ERR_IO;
    }
    struct speech_espeak *e = xcalloc(1, sizeof(*e));
    e->dev = dev;
    e->volume = 100;
    e->lock = SDL_CreateMutex();
    e->wake = SDL_CreateCond();
    e->thread =
        e->lock && e->wake ? SDL_CreateThread(worker, "linli-speech", e) : NULL;
    if (!e->thread) {
        snprintf(err, errlen, "cannot start the speech thread: %s",
                 SDL_GetError());
        e->thread = NULL;
        speech_espeak_close(e);
        return ERR_IO;
    }
    SDL_PauseAudioDevice(dev, 0);
    *out = e;
    return 0;
}

void speech_espeak_close(struct speech_espeak *e)
{
    if (!e)
        return;
    if (e->thread) {
        SDL_LockMutex(e->lock);
        e->quit = true;
        e->gen++;
        SDL_CondSignal(e->wake);
        SDL_UnlockMutex(e->lock);
        SDL_WaitThread(e->thread, NULL);
    }
    SDL_CloseAudioDevice(e->dev);
    if (e->wake)
        SDL_DestroyCond(e->wake);
    if (e->lock)
        SDL_DestroyMutex(e->lock);
    espeak_Terminate();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(e);
}
