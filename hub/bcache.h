/*
 * bcache.h - the built bundles in memory, one per kiosk.
 *
 * The path every kiosk takes every sync interval is a conditional GET that
 * ends in 304; it is answered from here without touching the directory.
 * An entry is fresh while the hub's change generation is the one it was
 * built at and its valid_until (a slot starting, a lease to renew) has not
 * come. Entries are reference counted, so a reply can use one while a
 * newer build replaces it. Thread-safe.
 */
#ifndef LINLI_HUB_BCACHE_H
#define LINLI_HUB_BCACHE_H

#include "build.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bentry {
    char etag[40];
    const char *body, *gz; /* plain and gzip bodies */
    size_t len, gz_len;
    /* private */
    int refs;
    char kiosk[72];
    uint64_t gen;
    int64_t valid_until;
};

struct bcache;

struct bcache *bcache_new(void);
void bcache_free(struct bcache *c);

/* kiosk's entry if fresh at (gen, now_s), with a reference the caller
 * drops with bcache_unref(); else NULL. */
struct bentry *bcache_get(struct bcache *c, const char *kiosk, uint64_t gen,
                          int64_t now_s);
/* Stores b (taking its body) as kiosk's entry built at gen and returns it
 * with a reference; ERR_NOMEM leaves the cache as it was (NULL). */
struct bentry *bcache_put(struct bcache *c, const char *kiosk, uint64_t gen,
                          struct built *b);
void bcache_unref(struct bcache *c, struct bentry *e);

#endif
