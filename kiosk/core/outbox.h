/*
 * outbox.h - the durable queue of events for the hub.
 *
 * Every action that must reach the hub (booking, rating, poll answer) is
 * an outbox row written in the same transaction as the action itself
 * (store.h), with a UUID made once: the hub treats it as a permanent
 * idempotency key, so delivering a row twice never does anything twice.
 * The file is in WAL mode with synchronous=FULL: once a push has returned,
 * the event survives a power cut; a crash during one leaves all of it or
 * none of it.
 *
 * Sync (later) peeks a batch, sends it, then acks what the hub accepted
 * and retries the rest. Acking deletes the event and purges the phone
 * number the booking carried: the kiosk keeps personal data only until
 * the hub has it (DESIGN §7).
 */
#ifndef LINLI_OUTBOX_H
#define LINLI_OUTBOX_H

#include <stdint.h>

struct store;

#define OUTBOX_BODY_MAX 8192

struct outbox_event {
    int64_t seq;           /* order of pushing */
    char uuid[37];
    char kind[16];         /* "booking", "rating", "poll_answer" */
    char body[OUTBOX_BODY_MAX + 1]; /* the event as JSON, with its uuid */
    int64_t created_ms;
    int tries;
    int64_t next_try_ms;
};

/* Events due at now_ms (next try reached), oldest first: writes up to max
 * into out and *n. */
int outbox_peek(struct store *st, int64_t now_ms, struct outbox_event *out,
                int max, int *n);

/* The hub has the event: delete it and purge its personal data. Acking an
 * unknown uuid is not an error (it was acked before). */
int outbox_ack(struct store *st, const char *uuid);

/* The hub's result for one event: booking is its decision on a booking
 * ("confirmed" / "rejected") and reason why, or NULL. */
struct outbox_ack {
    const char *uuid;
    const char *booking, *reason;
};
/* Acks n events in one transaction (all or none), recording the hub's
 * decision on each booking row. */
int outbox_ack_batch(struct store *st, const struct outbox_ack *acks, int n);

/* Delivery failed: count the try, keep the error, wait until
 * next_try_ms. ERR_NOT_FOUND if there is no such event. */
int outbox_retry(struct store *st, const char *uuid, int64_t next_try_ms,
                 const char *error);

/* Events not yet acked. */
int outbox_depth(struct store *st, int *n);

/* A random (version 4) UUID, lower-case with hyphens. */
void uuid_v4(char out[37]);

#endif
