/*
 * build.h - one kiosk's bundle (docs/bundle.md) from the hub's database.
 *
 * The directory rows are stored as the JSON the bundle carries, so
 * building is mostly concatenation: categories and services in the staff's
 * order, notices and polls not yet ended, activities with their slots not
 * yet ended (at most MAX_SLOTS_PER_ACTIVITY, soonest first), each slot
 * with this kiosk's quota and quota_until (leases.h), and the kiosk's
 * config. version and generated_at change only when the rest does: the
 * hash of the rest is kept per kiosk (bundle_state), so the ETag - the
 * hash of the whole body - is stable across requests and restarts.
 */
#ifndef LINLI_HUB_BUILD_H
#define LINLI_HUB_BUILD_H

#include "hash.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct built {
    char *body; /* heap JSON text */
    size_t len;
    char etag[40];       /* "\"" + 32 hex + "\"" */
    int64_t valid_until; /* rebuild at or after this (time-driven change) */
};

/*
 * Builds kiosk's bundle at now_s. With commit, runs in its own write
 * transaction: renews and grants leases and records the content hash (the
 * serving path). Without, changes nothing: leases as they stand (a check
 * of a config before it is saved). extra_config, if not NULL, is used in
 * place of the stored config. Returns 0, ERR_NOT_FOUND (no such kiosk),
 * ERR_DB or ERR_NOMEM.
 */
int build_bundle(sqlite3 *db, const char *kiosk, const char *extra_config,
                 int64_t now_s, bool commit, struct built *out);
void built_release(struct built *b);

#endif
