/*
 * events.h - a kiosk's batch of outbox events (docs/protocol.md,
 * "POST /api/v1/events").
 *
 * events_check() validates the whole batch before anything is stored;
 * events_apply() then applies each event in its own transaction. The uuid
 * is a permanent idempotency key: an event seen before is answered
 * "duplicate" with the result stored the first time. A booking is decided
 * in the same transaction as the slot's count, so concurrent batches never
 * overbook.
 */
#ifndef LINLI_HUB_EVENTS_H
#define LINLI_HUB_EVENTS_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EVENTS_MAX_BATCH 100

/* Checks root ({"events": [...]}) for kiosk. Returns 0, or 400 / 403 with
 * "path: reason" in err. */
int events_check(json_t *root, const char *kiosk, char *err, size_t errlen);

/* Applies the checked batch at now_s: returns {"results": [...]} (NULL if
 * the database failed before any result; later events without a result
 * are left out, to be retried). *changed is set if a booking changed a
 * slot's count. */
json_t *events_apply(sqlite3 *db, json_t *root, const char *kiosk,
                     int64_t now_s, bool *changed);

#endif
