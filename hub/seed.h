/*
 * seed.h - fill an empty hub from a bundle (the demo community).
 *
 * The bundle is validated whole by bundle_parse() - the same definition
 * of valid the kiosk uses - then its config becomes a kiosk and its
 * directory the hub's, in one transaction. Slot counts are kept: `booked`
 * becomes the seats already confirmed, `quota` the per-kiosk offline quota
 * the hub grants.
 */
#ifndef LINLI_HUB_SEED_H
#define LINLI_HUB_SEED_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Imports bundle text into db if the hub has no kiosk and no service yet.
 * Returns 0 (imported, or *skipped when not empty), ERR_INVALID /
 * ERR_PARSE with "path: reason" in err, or ERR_DB. The kiosk id is
 * written to kiosk_out (65 bytes). */
int seed_bundle(sqlite3 *db, const char *text, size_t len, int64_t now_s,
                char kiosk_out[65], int *skipped, char *err, size_t errlen);

/* The demo community (assets_dir/demo/community.json made for now_s by
 * demo_bundle_make) into db if it is empty. The kiosk id goes to
 * kiosk_out. 0, or an error with a message in err. */
int seed_demo(sqlite3 *db, const char *assets_dir, int64_t now_s,
              char kiosk_out[65], int *skipped, char *err, size_t errlen);

#endif
