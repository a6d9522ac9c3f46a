/*
 * test_speech_sdl.c - the real speech engine: espeak-ng into SDL's dummy
 * audio driver (SDL_AUDIODRIVER=dummy, set by ctest).
 *
 * Speaks, waits (bounded) until synthesised audio is queued, and checks
 * that stop() leaves nothing queued by the time it returns: the "speech
 * stops within 100 ms of a touch" rule measured on the audio queue, not
 * on a clock. Also that synthesis ran on the engine's worker, not on the
 * calling (ui) thread, and that a newer utterance replaces an older one.
 */
#include "testutil.h"

#include "err.h"
#include "speech_espeak.h"

#include <SDL.h>

/* espeak-ng keeps global state: one engine for the whole run */
static int setup(void **state)
{
    char err[256];
    struct speech_espeak *e = NULL;
    if (speech_espeak_open(&e, err, sizeof(err))) {
        fprintf(stderr, "speech_espeak_open: %s\n", err);
        return -1;
    }
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    speech_espeak_close(*state);
    return 0;
}

/* Waits until audio is queued (at most ~10 s). */
static bool wait_queued(struct speech_espeak *e)
{
    for (int i = 0; i < 1000; i++) {
        if (speech_espeak_queued(e) > 0)
            return true;
        SDL_Delay(10);
    }
    return false;
}

static void stop_clears_the_queue(void **state)
{
    struct speech_espeak *e = *state;
    struct speech sp = speech_espeak_seam(e);
    sp.say(sp.ctx,
           "欢迎来到邻里社区服务站。请选择您需要的服务，我们会为您朗读。",
           LANG_ZH);
    assert_true(wait_queued(e));
    assert_true(sp.is_speaking(sp.ctx));
    sp.stop(sp.ctx);
    /* right after stop returns: nothing left to play, and the worker
     * cannot queue more of the cancelled utterance */
    assert_int_equal(speech_espeak_queued(e), 0);
    SDL_Delay(50);
    assert_int_equal(speech_espeak_queued(e), 0);
    assert_true(speech_espeak_synth_elsewhere(e));
}

static void english_and_repeat(void **state)
{
    struct speech_espeak *e = *state;
    struct speech sp = speech_espeak_seam(e);
    sp.set_volume(sp.ctx, 60);
    sp.say(sp.ctx, "Nearby services. Volunteer services.", LANG_EN);
    assert_true(wait_queued(e));
    sp.stop(sp.ctx);
    assert_int_equal(speech_espeak_queued(e), 0);
    sp.repeat(sp.ctx);
    assert_true(wait_queued(e));
    /* paused, it holds its audio and is not heard */
    sp.pause(sp.ctx);
    assert_false(sp.is_speaking(sp.ctx));
    sp.resume(sp.ctx);
    sp.stop(sp.ctx);
    assert_int_equal(speech_espeak_queued(e), 0);
}

static void short_utterance_finishes(void **state)
{
    struct speech_espeak *e = *state;
    struct speech sp = speech_espeak_seam(e);
    sp.say(sp.ctx, "好的", LANG_ZH);
    int before = speech_espeak_done(e);
    for (int i = 0; i < 1000 && speech_espeak_done(e) < before + 1; i++)
        SDL_Delay(10);
    assert_int_equal(speech_espeak_done(e), before + 1);
    /* a newer utterance cancels the one being spoken: only the last of a
     * burst is heard to the end */
    for (int i = 0; i < 5; i++)
        sp.say(sp.ctx, "第二页，共五页。上一页。下一页。", LANG_ZH);
    for (int i = 0; i < 1000 && speech_espeak_done(e) < before + 2; i++)
        SDL_Delay(10);
    SDL_Delay(100);
    assert_int_equal(speech_espeak_done(e), before + 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stop_clears_the_queue),
        cmocka_unit_test(english_and_repeat),
        cmocka_unit_test(short_utterance_finishes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
