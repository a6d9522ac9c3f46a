/*
 * replay.h - driving the ui from a small text script (docs/replay.md).
 *
 * One command per line; '#' starts a comment:
 *   tap ID | tap X Y        down and up on an element's centre, or a point
 *   press X Y | release X Y half a tap (hold with wait in between)
 *   key NAME                up down left right enter (or select) back
 *                           speech backspace 0..9
 *   type DIGITS             one key per digit
 *   scan TEXT               a scanner read TEXT
 *   wait MS                 time passes: timers run, as on the kiosk
 *   mode standard|elder     lang zh|en
 *   expect SCREEN           the top screen is SCREEN
 *   expect-text TEXT        some text run on screen contains TEXT
 *   expect-no-text TEXT     none does
 *   expect-element ID       an element with this id is on screen
 *   expect-focus ID         the keypad focus is on the element ID
 * The clock is the replay's own: it starts at the app clock's time and
 * only wait moves it, so a replay gives the same result every run.
 */
#ifndef LINLI_REPLAY_H
#define LINLI_REPLAY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct app;

/*
 * Runs script against a, whose clock must read *clock_ms (clock_fixed):
 * wait moves it. Each command is echoed to log (may be NULL). Stops at the
 * first failure: returns ERR_PARSE (bad line) or ERR_INVALID (an expect
 * or a tap on a missing element failed) with "line N: why" in err.
 */
int replay_run(struct app *a, int64_t *clock_ms, const char *script,
               FILE *log, char *err, size_t errlen);

/* Taps the element with this id in the current frame; false if absent. */
int replay_tap_id(struct app *a, const char *id);

/* Lets ms of time pass in steps, running the app's timers on the way. */
void replay_wait(struct app *a, int64_t *clock_ms, int64_t ms);

#endif
