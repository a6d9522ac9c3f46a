/* bcache.c - built bundles per kiosk, reference counted (see bcache.h). */
#include "bcache.h"

#include "buf.h"
#include "bundle.h"
#include "gz.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bcache {
    pthread_mutex_t lock;
    struct bentry **entries;
    int n, cap;
};

struct bcache *bcache_new(void)
{
    struct bcache *c = xcalloc(1, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

static void entry_free(struct bentry *e)
{
    free((char *)e->body);
    free((char *)e->gz);
    free(e);
}

void bcache_free(struct bcache *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        entry_free(c->entries[i]);
    free(c->entries);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static int find(struct bcache *c, const char *kiosk)
{
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->entries[i]->kiosk, kiosk) == 0)
            return i;
    return -1;
}

struct bentry *bcache_get(struct bcache *c, const char *kiosk, uint64_t gen,
                          int64_t now_s)
{
    pthread_mutex_lock(&c->lock);
    int i = find(c, kiosk);
    struct bentry *e = i >= 0 ? c->entries[i] : NULL;
    if (e && (e->gen != gen || now_s >= e->valid_until))
        e = NULL;
    if (e)
        e->refs++;
    pthread_mutex_unlock(&c->lock);
    return e;
}

struct bentry *bcache_put(struct bcache *c, const char *kiosk, uint64_t gen,
                          struct built *b)
{
    struct buf gz;
    buf_init(&gz, BUNDLE_MAX_BYTES);
    if (gz_deflate(b->body, b->len, &gz)) {
        buf_release(&gz);
        return NULL;
    }
    struct bentry *e = xcalloc(1, sizeof *e);
    memcpy(e->etag, b->etag, sizeof e->etag);
    e->body = b->body;
    e->len = b->len;
    b->body = NULL;
    e->gz = buf_take(&gz, &e->gz_len);
    snprintf(e->kiosk, sizeof e->kiosk, "%s", kiosk);
    e->gen = gen;
    e->valid_until = b->valid_until;
    e->refs = 2; /* the cache's and the caller's */

    pthread_mutex_lock(&c->lock);
    int i = find(c, kiosk);
    struct bentry *old = NULL;
    if (i >= 0) {
        old = c->entries[i];
        c->entries[i] = e;
    } else {
        if (c->n == c->cap) {
            c->cap = c->cap ? 2 * c->cap : 16;
            c->entries = xrealloc(c->entries, (size_t)c->cap * sizeof e);
        }
        c->entries[c->n++] = e;
    }
    bool drop = old && --old->refs == 0;
    pthread_mutex_unlock(&c->lock);
    if (drop)
        entry_free(old);
    return e;
}

void bcache_unref(struct bcache *c, struct bentry *e)
{
    pthread_mutex_lock(&c->lock);
    bool drop = --e->refs == 0;
    pthread_mutex_unlock(&c->lock);
    if (drop)
        entry_free(e);
}
