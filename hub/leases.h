/*
 * leases.h - offline quotas: seats of a slot held for one kiosk.
 *
 * docs/protocol.md, "Slots and the offline quota". A lease (kiosk, slot)
 * holds `held` seats until `until_s`; it counts against the slot until
 * until_s + LEASE_GRACE_S, then its unused seats are free again. Fetching
 * the bundle renews it to the end of the lease period after the current
 * one (periods are LEASE_PERIOD_S long, aligned to the Unix epoch), never
 * past the slot's start: so `quota_until` moves at most once a period and
 * the bundle's ETag stays put in between. Every function here runs inside
 * the caller's write transaction, where booked + sum(held) <= capacity is
 * kept.
 */
#ifndef LINLI_HUB_LEASES_H
#define LINLI_HUB_LEASES_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#define LEASE_PERIOD_S (6 * 3600)
#define LEASE_GRACE_S  600

struct slot_state {
    char id[65];
    char activity[65];
    int64_t start_s, end_s;
    int capacity, quota, booked;
};

/* Loads slot id. 0, ERR_NOT_FOUND or ERR_DB. */
int slot_load(sqlite3 *db, const char *id, struct slot_state *out);

/* Seats held at now_s by active leases of kiosks other than kiosk (NULL:
 * of all kiosks). */
int leases_held_by_others(sqlite3 *db, const char *slot, const char *kiosk,
                          int64_t now_s);

/* This kiosk's lease on slot at now_s: *held (0 when none or lapsed) and
 * *until_s. When grant, first renews and tops it up to the slot's quota
 * from free seats (writes the row). 0 or ERR_DB. */
int leases_for(sqlite3 *db, const char *kiosk, const struct slot_state *slot,
               int64_t now_s, bool grant, int *held, int64_t *until_s);

/* Turns one seat held by kiosk's active lease on slot into nothing (the
 * caller books it). *taken says whether there was one. 0 or ERR_DB. */
int leases_take(sqlite3 *db, const char *kiosk, const char *slot, int64_t now_s,
                bool *taken);

/* The earliest time after now_s at which an active lease on an upcoming
 * slot lapses (seats come free), or INT64_MAX. */
int64_t leases_next_lapse(sqlite3 *db, int64_t now_s);

#endif
