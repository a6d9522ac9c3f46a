/*
 * hub.h - linli-hub as a library: start a server on a database, stop it.
 *
 * The hub serves docs/protocol.md: kiosks fetch their bundle, post events
 * and heartbeats; staff use /api/v1/admin/ and the /admin page. It runs on
 * libmicrohttpd's internal thread pool (epoll), each thread with its own
 * SQLite connection; writes are serialised by SQLite (BEGIN IMMEDIATE).
 * main.c and the tests both start it through here.
 */
#ifndef LINLI_HUB_H
#define LINLI_HUB_H

#include "clock.h"

#include <stddef.h>
#include <stdint.h>

struct hub_options {
    const char *db_path;
    const char *listen; /* "ADDR:PORT" (IPv4); port 0 picks a free one */
    int threads;        /* 0: one per CPU */
    struct clock clock; /* now_ms NULL: the system clock */
};

struct hub;

/* Opens the database (migrating it), binds and starts serving. Returns 0
 * and *out, or ERR_DB / ERR_SCHEMA / ERR_ARG (bad listen address) /
 * ERR_IO (cannot bind) with a message in err. */
int hub_start(const struct hub_options *o, struct hub **out, char *err,
              size_t errlen);
/* The port the hub listens on (the real one when 0 was asked for). */
uint16_t hub_port(const struct hub *h);
/* Stops serving (waits for requests in flight) and frees everything. */
void hub_stop(struct hub *h);

#endif
