/*
 * admin.h - what the admin API's parts share; not an API.
 *
 * /api/v1/admin/ (docs/protocol.md, "Admin API") is split by job:
 * admin.c routes and does the directory's create/read/update/delete,
 * admin_kiosks.c kiosks and their configs, admin_slots.c slots and their
 * bookings, admin_ratings.c the 好差评 summary. Every write is one
 * BEGIN IMMEDIATE transaction that validates before it changes anything;
 * validity is bundle_parse()'s (admin_check).
 */
#ifndef LINLI_HUB_ADMIN_H
#define LINLI_HUB_ADMIN_H

#include "hub_internal.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stddef.h>

struct admin {
    struct hub *h;
    struct http_req *r;
    sqlite3 *db;
    int64_t now_s;
};

/* Parses a whole bundle with bundle_parse(); on failure writes "path:
 * reason" to err, with a leading `from` in the path (e.g. "services[0]")
 * replaced by `to` (e.g. "service"; NULL keeps it). 0 or the error. */
int admin_check(const char *bundle, size_t len, const char *from,
                const char *to, char *err, size_t errlen);

/* A bundle text around parts: each of config (NULL: a fixed valid one)
 * and the five arrays' JSON texts (NULL: "[]"). The caller frees it. */
char *admin_bundle_text(const char *config, const char *categories,
                        const char *services, const char *activities,
                        const char *notices, const char *polls);

/* The stored JSON of one row (sql with one parameter), or NULL. */
char *admin_row_json(sqlite3 *db, const char *sql, const char *id);

/* Ends a write: commits if rc is 0 (then marks the change), else rolls
 * back. Returns the final code. */
int admin_finish(struct admin *a, int rc);

/* Runs each of n statements with ?1 = id and ?2 = now_s, stopping at the
 * first failure; 0 or ERR_DB. */
int admin_exec_each(struct admin *a, const char *const *sql, size_t n,
                    const char *id);

/* Ends a delete begun with db_begin(): admin_finish(rc), then answers
 * {"deleted": id} unless an error was answered. */
void admin_end_delete(struct admin *a, int rc, const char *id);

/* Answers 503 for a database error code, else nothing (returns rc). */
void admin_db_error(struct admin *a);

void admin_kiosks(struct admin *a, const char *id, const char *sub);
void admin_slots(struct admin *a, const char *id, const char *sub);
void admin_ratings(struct admin *a);

#endif
