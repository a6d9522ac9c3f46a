/*
 * db.h - the hub's SQLite file: schema, migrations and small helpers.
 *
 * One file holds the district's directory (categories, services,
 * activities with slots, notices, polls), the kiosks and their configs,
 * tokens, every event ever received (the idempotency keys), bookings,
 * ratings, poll answers, quota leases and heartbeats. db_open() brings any
 * older file forward (hub_migrations[], append-only, each step in one
 * transaction). Each thread opens its own connection: WAL mode, a busy
 * timeout, and writes in BEGIN IMMEDIATE so that two writers queue instead
 * of deadlocking. docs/protocol.md says what the tables mean to clients.
 */
#ifndef LINLI_HUB_DB_H
#define LINLI_HUB_DB_H

#include <jansson.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* How the hub writes JSON it stores or sends: compact, and numbers with
 * 15 significant digits, so 31.2446 stays 31.2446 (jansson's default of 17
 * would write 31.244599999999998). */
#define HUB_JSON (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* Opens (creating if needed) and migrates path. Returns 0 and *out, or
 * ERR_DB / ERR_SCHEMA (a newer hub wrote it) with a message in err. */
int db_open(const char *path, sqlite3 **out, char *err, size_t errlen);
void db_close(sqlite3 *db);

/* BEGIN IMMEDIATE (0 or ERR_DB); db_finish() commits when rc is 0 and
 * rolls back otherwise (or when the commit fails); returns the final code. */
int db_begin(sqlite3 *db);
int db_finish(sqlite3 *db, int rc);

/* Prepares sql; NULL on failure (the caller reports ERR_DB). */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql);
/* Runs sql without results: 0 or ERR_DB. */
int db_exec(sqlite3 *db, const char *sql);
/* Binds a text parameter (NULL binds SQL NULL). */
void db_bind_text(sqlite3_stmt *s, int i, const char *text);
/* Steps a statement that writes: 0 or ERR_DB (SQLITE_CONSTRAINT gives
 * ERR_EXISTS). Does not finalize. */
int db_step_write(sqlite3_stmt *s);
/* Column i as text, "" for NULL. */
const char *db_col_text(sqlite3_stmt *s, int i);

/* The integer answer of one query with up to one text parameter (may be
 * NULL for none); fallback when there is no row. */
int64_t db_query_int(sqlite3 *db, const char *sql, const char *param,
                     int64_t fallback);

/* Inside a write transaction: records that the directory or a config
 * changed at now_s (meta "changed_s", the generated_at of the bundles the
 * change touches). 0 or ERR_DB. */
int db_mark_changed(sqlite3 *db, int64_t now_s);

#endif
