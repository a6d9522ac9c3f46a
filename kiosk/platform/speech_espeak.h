/*
 * speech_espeak.h - the speech seam (ui/speech.h) on espeak-ng and SDL
 * audio.
 *
 * espeak-ng runs in its synchronous mode on a worker thread of its own:
 * say() hands the text over and returns; the worker synthesises it with
 * the Mandarin ("cmn") or English ("en") voice into 16-bit PCM, which its
 * callback queues on an SDL audio device (SDL_QueueAudio). A newer say()
 * or a stop() bumps a generation number under the engine's lock and
 * clears SDL's queue in the same critical section, and the callback
 * queues audio only for the current generation, so once stop() returns
 * nothing is left to play. espeak-ng keeps global state: open one engine
 * per process, once (espeak-ng does not start again after it is closed).
 */
#ifndef LINLI_SPEECH_ESPEAK_H
#define LINLI_SPEECH_ESPEAK_H

#include "speech.h"

#include <stddef.h>
#include <stdint.h>

struct speech_espeak;

/* Starts SDL audio (any driver SDL picks; SDL_AUDIODRIVER=dummy in tests),
 * espeak-ng and the worker. Returns 0, or ERR_IO with why in err (no
 * audio device, no espeak-ng data). */
int speech_espeak_open(struct speech_espeak **out, char *err, size_t errlen);
/* Stops the worker and closes audio and espeak-ng. NULL is a no-op. */
void speech_espeak_close(struct speech_espeak *e);

/* The seam, borrowing e. */
struct speech speech_espeak_seam(struct speech_espeak *e);

/* Bytes of PCM queued on the audio device, not yet played. */
uint32_t speech_espeak_queued(struct speech_espeak *e);
/* Utterances synthesised to the end, and whether the last synthesis ran
 * on a thread other than the caller's (tests: never on the ui's). */
int speech_espeak_done(struct speech_espeak *e);
bool speech_espeak_synth_elsewhere(struct speech_espeak *e);

#endif
