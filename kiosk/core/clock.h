/*
 * clock.h - the injectable clock seam.
 *
 * The core never calls time() itself: everything that depends on "now"
 * (opening hours, slots, data age, idle timers) takes a struct clock, so
 * tests pin time and a kiosk with a wrong system clock can be given the
 * hub's time instead.
 */
#ifndef LINLI_CLOCK_H
#define LINLI_CLOCK_H

#include <stdint.h>

struct clock {
    /* Wall-clock time, milliseconds since the Unix epoch (UTC). */
    int64_t (*now_ms)(void *ctx);
    /* Monotonic milliseconds for timers; never goes back. */
    int64_t (*mono_ms)(void *ctx);
    void *ctx;
};

/* The system clock (CLOCK_REALTIME / CLOCK_MONOTONIC). */
struct clock clock_system(void);

/* A clock for tests: both readings come from *ms, which the test moves. */
struct clock clock_fixed(int64_t *ms);

static inline int64_t clock_now_ms(const struct clock *c)
{
    return c->now_ms(c->ctx);
}

static inline int64_t clock_now_s(const struct clock *c)
{
    int64_t ms = c->now_ms(c->ctx);
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

static inline int64_t clock_mono_ms(const struct clock *c)
{
    return c->mono_ms(c->ctx);
}

#endif
