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

#include <stdbool.h>
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

/*
 * The kiosk's best clock (protocol.md "Clock"): a base clock plus the
 * offset measured from the hub's Date header, applied only while the base
 * is before the build date or more than CLOCK_SKEW_MAX_MS from the hub.
 * Opening hours, slots and data age read clock_adjusted(); sync feeds it
 * with clock_adjust_observe(). Used from one thread.
 */
#define CLOCK_SKEW_MAX_MS (5 * 60 * 1000)

struct clock_adjust {
    struct clock base;
    int64_t build_ms;  /* no real time is earlier than the build */
    int64_t offset_ms; /* hub - base, as last measured */
    bool active;       /* the offset is being added */
};

void clock_adjust_init(struct clock_adjust *ca, struct clock base,
                       int64_t build_ms);
/* The hub said hub_ms when the base said base_ms: measures the offset and
 * turns it on or off by the rule above. */
void clock_adjust_observe(struct clock_adjust *ca, int64_t hub_ms,
                          int64_t base_ms);
/* A clock reading ca (which must outlive it): now with the offset if
 * active, the base's monotonic time. */
struct clock clock_adjusted(struct clock_adjust *ca);

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
