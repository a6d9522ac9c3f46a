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
