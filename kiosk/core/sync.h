/*
 * sync.h - the kiosk's side of the hub protocol (docs/protocol.md,
 * docs/sync.md): a state machine stepped from the main loop that never
 * blocks it.
 *
 * A round delivers the outbox in batches of at most 100 events, fetches
 * the bundle if it changed (If-None-Match), applies it, then sends a
 * heartbeat. The bundle is inflated, parsed, validated and applied on a
 * worker thread with its own SQLite connection, so frames keep coming;
 * everything else runs in sync_step() on the caller's thread. Failures
 * back off with full jitter (Retry-After a floor) and are kept as the last
 * error; the cache is never left half-changed.
 *
 * A sync borrows the store (the caller's thread's handle), the http
 * client and the clock; all must outlive it.
 */
#ifndef LINLI_SYNC_H
#define LINLI_SYNC_H

#include "clock.h"
#include "http.h"
#include "store.h"

#include <stdbool.h>
#include <stdint.h>

enum sync_state {
    SYNC_IDLE,       /* waiting for the next interval after a good round */
    SYNC_DELIVERING, /* posting outbox events */
    SYNC_FETCHING,   /* getting the bundle */
    SYNC_APPLYING,   /* inflating, checking and storing it (worker) */
    SYNC_BACKOFF,    /* waiting after the hub or its data failed */
    SYNC_OFFLINE,    /* waiting after the hub could not be reached */
};

/* "idle", "delivering", ... as the heartbeat and the catalogs name them. */
const char *sync_state_name(enum sync_state s);

#define SYNC_BATCH_MAX     100
/* an event the hub refuses as malformed waits this long before a retry */
#define SYNC_REFUSED_WAIT_MS (6 * 3600 * 1000LL)
#define SYNC_BASE_MS       (5 * 1000)
#define SYNC_CAP_MS        (15 * 60 * 1000)
#define SYNC_BOOT_DELAY_MS (30 * 1000)
#define SYNC_TIMEOUT_MS    (60 * 1000)
#define SYNC_ERRORS_MAX    5

struct sync_config {
    const char *hub_url; /* "https://hub:8443" (no trailing path) */
    const char *kiosk_id;
    const char *token;      /* the kiosk's bearer token */
    const char *cache_path; /* the store's file, for the worker */
    const char *version;    /* of the software, for the heartbeat */
    int timeout_ms;         /* per request; 0: SYNC_TIMEOUT_MS */
};

struct sync_status {
    enum sync_state state;
    int64_t last_success_ms; /* wall ms of the last good round, 0: never */
    char last_error[SYNC_ERROR_MAX]; /* "" if none since start and meta */
    int64_t last_error_ms;
    int outbox_depth;
    int64_t next_try_ms;  /* wall ms of the next round, when waiting */
    int64_t clock_skew_s; /* the hub's time minus the system's */
    int failures;         /* in a row */
    unsigned applied;     /* bundles applied since start */
    bool round_done;      /* a round has ended since start */
    bool round_ok;        /* ... and the last one succeeded */
};

struct sync;

/* Makes a sync over st (opened from cfg->cache_path), http and the clock
 * (whose offset sync measures and stores). The first round waits a
 * random 0-30 s; seed 0 draws the randomness from the kernel. Strings of
 * cfg are copied. */
struct sync *sync_new(const struct sync_config *cfg, struct store *st,
                      struct http_client http, struct clock_adjust *clock,
                      uint64_t seed);
/* Waits for a worker still applying, then frees. */
void sync_free(struct sync *s);

/* Does whatever is due without blocking. Returns true if the status
 * changed (the staff screen redraws) - and sync_status()->applied grows
 * when a new bundle is in the cache. */
bool sync_step(struct sync *s);

/* "Sync now": the next step starts a round if none is running. */
void sync_now(struct sync *s);

/* Monotonic ms of the next moment sync_step() has work: the next round,
 * or soon while a transfer or apply is in flight. */
int64_t sync_next_deadline(const struct sync *s);

/* True while a round runs. */
bool sync_busy(const struct sync *s);

const struct sync_status *sync_status(const struct sync *s);

/* The full-jitter delay after n failures in a row, from a uniform draw
 * u in [0, 1): floor(u * min(cap, base * 2^n)) ms, at least floor_ms. */
int64_t sync_backoff_ms(int n, double u, int64_t floor_ms);

#endif
