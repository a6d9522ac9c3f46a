/*
 * hubtest.h - a real hub on 127.0.0.1 (free port) for the hub's tests,
 * and a small libcurl client for it.
 *
 * hubtest_start() makes a temporary database with the demo community, a
 * kiosk token and a staff token, and starts the hub in-process on a clock
 * the test moves (t->now_ms). Every failure fails the test.
 */
#ifndef LINLI_HUBTEST_H
#define LINLI_HUBTEST_H

#include "hub.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hubtest {
    struct hub *hub;
    char *dir;
    char db[512];
    char url[64];
    char kiosk[65];
    char kiosk_token[65];
    char staff_token[65];
    int64_t now_ms;
};

struct resp {
    long status;
    char *body; /* NUL-terminated */
    size_t len;
    char etag[80];
    char encoding[32];
    char retry_after[16];
    json_t *json; /* the body parsed, if it is JSON */
};

/* Starts a hub at now_ms (0: the system time). */
void hubtest_start(struct hubtest *t, int64_t now_ms);
/* Stops and starts again on the same database (a restart). */
void hubtest_restart(struct hubtest *t);
void hubtest_stop(struct hubtest *t);

/* A new token for a kiosk or staff member (straight into the database). */
void hubtest_token(struct hubtest *t, bool staff, const char *subject,
                   char out[65]);

/* One request. body may be NULL; headers is a NULL-terminated list of
 * "Name: value" (may be NULL). Content-Type: application/json is sent
 * with a body unless headers give another. */
void hubtest_req(struct hubtest *t, const char *method, const char *path,
                 const char *token, const char *body, size_t body_len,
                 const char *const *headers, struct resp *out);
void resp_release(struct resp *r);
/* A CURLOPT_WRITEFUNCTION that appends to the body of the struct resp
 * given as CURLOPT_WRITEDATA (NUL-terminated). */
size_t resp_on_body(char *p, size_t size, size_t n, void *resp);

/* Shorthands with the staff token, JSON body text (NULL for none);
 * return the status and fill out. */
long hubtest_admin(struct hubtest *t, const char *method, const char *path,
                   const char *json, struct resp *out);

/* The integer of sql on the hub's database (test_sql_int). */
int hubtest_sql(struct hubtest *t, const char *sql);

#endif
