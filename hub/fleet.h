/*
 * fleet.h - heartbeats and the health of every kiosk.
 *
 * POST /api/v1/heartbeat keeps the kiosk's last report (docs/protocol.md);
 * fleet_status() turns it into what staff see: last seen, version, data
 * age, outbox depth, recent errors, clock skew, and the offline alarm - a
 * kiosk not heard from for FLEET_OFFLINE_INTERVALS of its sync intervals
 * (or never).
 */
#ifndef LINLI_HUB_FLEET_H
#define LINLI_HUB_FLEET_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>

#define FLEET_OFFLINE_INTERVALS 3

/* The status object of kiosk at now_s, or NULL on a database error. */
json_t *fleet_status(sqlite3 *db, const char *kiosk, int64_t now_s);

#endif
