/*
 * hub_internal.h - what the hub's request handlers share; not an API.
 *
 * A handler runs on one of libmicrohttpd's threads with that thread's
 * database connection (hub_db). After a committed write that changes what
 * some bundle contains, it calls hub_changed() so cached bundles are
 * rebuilt on their next request.
 */
#ifndef LINLI_HUB_INTERNAL_H
#define LINLI_HUB_INTERNAL_H

#include "bcache.h"
#include "clock.h"
#include "http.h"
#include "tokens.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdint.h>

struct hub {
    char *db_path;
    struct clock clock;
    struct MHD_Daemon *mhd;
    int listen_fd;
    uint16_t port;
    pthread_key_t db_key;
    atomic_uint_least64_t gen; /* bumped by every change to bundle content */
    struct bcache *cache;
};

/* This thread's connection, opened on first use; NULL if it cannot be. */
sqlite3 *hub_db(struct hub *h);
int64_t hub_now_s(struct hub *h);
/* Bundle content changed (after the commit). */
void hub_changed(struct hub *h);

/* The handlers, by route (server.c dispatches after authenticating). */
void api_bundle(struct hub *h, struct http_req *r, const struct token_who *who);
void api_events(struct hub *h, struct http_req *r, const struct token_who *who);
void api_heartbeat(struct hub *h, struct http_req *r,
                   const struct token_who *who);
/* path is what follows "/api/v1/admin/". */
void api_admin(struct hub *h, struct http_req *r, const char *path);
/* GET /admin: the staff page. */
void page_admin(struct http_req *r);

#endif
