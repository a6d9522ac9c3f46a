/* clock.c - system and fixed clocks (see clock.h). */
#include "clock.h"

#include <time.h>

static int64_t read_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t system_now(void *ctx)
{
    (void)ctx;
    return read_clock(CLOCK_REALTIME);
}

static int64_t system_mono(void *ctx)
{
    (void)ctx;
    return read_clock(CLOCK_MONOTONIC);
}

struct clock clock_system(void)
{
    return (struct clock){system_now, system_mono, NULL};
}

static int64_t fixed_now(void *ctx)
{
    return *(int64_t *)ctx;
}

struct clock clock_fixed(int64_t *ms)
{
    return (struct clock){fixed_now, fixed_now, ms};
}

void clock_adjust_init(struct clock_adjust *ca, struct clock base,
                       int64_t build_ms)
{
    *ca = (struct clock_adjust){.base = base, .build_ms = build_ms};
}

void clock_adjust_observe(struct clock_adjust *ca, int64_t hub_ms,
                          int64_t base_ms)
{
    int64_t off = hub_ms - base_ms;
    ca->offset_ms = off;
    ca->active = base_ms < ca->build_ms || off > CLOCK_SKEW_MAX_MS ||
                 off < -CLOCK_SKEW_MAX_MS;
}

static int64_t adjusted_now(void *ctx)
{
    struct clock_adjust *ca = ctx;
    int64_t now = clock_now_ms(&ca->base);
    return ca->active ? now + ca->offset_ms : now;
}

static int64_t adjusted_mono(void *ctx)
{
    struct clock_adjust *ca = ctx;
    return clock_mono_ms(&ca->base);
}

struct clock clock_adjusted(struct clock_adjust *ca)
{
    return (struct clock){adjusted_now, adjusted_mono, ca};
}
