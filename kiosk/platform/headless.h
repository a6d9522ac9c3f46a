/*
 * headless.h - the kiosk's ui without a display: replays and the bench.
 *
 * Both draw with the real fonts (SDL_ttf, no video needed) into memory,
 * so what they measure and check is what a resident would see.
 */
#ifndef LINLI_HEADLESS_H
#define LINLI_HEADLESS_H

#include "clock.h"
#include "devices.h"

#include <stdbool.h>
#include <stdio.h>

struct store;
struct i18n;

/* Runs the replay script in path (replay.h) on a scratch copy of the
 * cache (live: on the cache itself, so its bookings and ratings go to
 * the outbox as a resident's would) at clk's time, at 1920x1080, with
 * devices (a printer prints the slips of the bookings it makes; may be
 * NULL). Returns 0, or 1 after printing "path: line N: why" to stderr. */
int replay_file(struct store *st, const struct i18n *i18n, struct clock clk,
                const struct devices *devices, const char *path, bool live,
                FILE *out);

/* Prints one JSON object to out: startup_ms (process start to the first
 * frame on screen memory), and per screen the p50/p99/max of frame time
 * (ui + software render) over many frames at 1920x1080, peak RSS, and
 * the speech engine's memory (RSS before it starts and after it has
 * spoken a sentence in each language).
 * start_mono_ms is when main() began. */
int bench_run(struct store *st, const struct i18n *i18n,
              const char *images_dir, int64_t start_mono_ms, FILE *out);

#endif
