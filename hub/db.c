/* db.c - the hub's SQLite schema and helpers (see db.h). */
#include "db.h"

#include "err.h"

#include <stdio.h>
#include <string.h>

/*
 * hub_migrations[i] takes a file from user_version i to i + 1. Append
 * only: an existing step is never edited.
 *
 * Directory rows keep the object as the bundle carries it (json), plus the
 * columns the hub queries; pos keeps the staff's order. slots.booked is
 * the seats the hub has confirmed (imported counts plus bookings received);
 * leases hold seats of a slot for one kiosk until until_s (plus the grace
 * of docs/protocol.md). events is the permanent idempotency table.
 */
static const char *const hub_migrations[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE tokens (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE,"
    " role TEXT NOT NULL CHECK (role IN ('kiosk','staff')),"
    " subject TEXT NOT NULL, created_s INTEGER NOT NULL,"
    " revoked_s INTEGER);"
    "CREATE TABLE kiosks (id TEXT PRIMARY KEY, config TEXT NOT NULL,"
    " updated_s INTEGER NOT NULL);"
    "CREATE TABLE bundle_state (kiosk TEXT PRIMARY KEY,"
    " content_hash TEXT NOT NULL, generated_s INTEGER NOT NULL);"
    "CREATE TABLE categories (id TEXT PRIMARY KEY, pos INTEGER NOT NULL,"
    " json TEXT NOT NULL);"
    "CREATE TABLE services (id TEXT PRIMARY KEY, pos INTEGER NOT NULL,"
    " category TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE INDEX services_category ON services (category);"
    "CREATE TABLE activities (id TEXT PRIMARY KEY, pos INTEGER NOT NULL,"
    " service TEXT, json TEXT NOT NULL);"
    "CREATE TABLE slots (id TEXT PRIMARY KEY, activity TEXT NOT NULL,"
    " start_s INTEGER NOT NULL, end_s INTEGER NOT NULL,"
    " capacity INTEGER NOT NULL, quota INTEGER NOT NULL DEFAULT 0,"
    " booked INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX slots_activity ON slots (activity, start_s);"
    "CREATE TABLE notices (id TEXT PRIMARY KEY, pos INTEGER NOT NULL,"
    " end_s INTEGER NOT NULL, json TEXT NOT NULL);"
    "CREATE TABLE polls (id TEXT PRIMARY KEY, pos INTEGER NOT NULL,"
    " start_s INTEGER NOT NULL, end_s INTEGER NOT NULL,"
    " json TEXT NOT NULL);"
    "CREATE TABLE leases (kiosk TEXT NOT NULL, slot TEXT NOT NULL,"
    " held INTEGER NOT NULL, until_s INTEGER NOT NULL,"
    " PRIMARY KEY (kiosk, slot));"
    "CREATE INDEX leases_slot ON leases (slot);"
    "CREATE TABLE events (uuid TEXT PRIMARY KEY, kiosk TEXT NOT NULL,"
    " type TEXT NOT NULL, status TEXT NOT NULL, result TEXT NOT NULL,"
    " body TEXT NOT NULL, received_s INTEGER NOT NULL);"
    "CREATE TABLE bookings (uuid TEXT PRIMARY KEY, slot TEXT NOT NULL,"
    " kiosk TEXT NOT NULL, phone TEXT NOT NULL, code TEXT NOT NULL,"
    " via TEXT NOT NULL, over_capacity INTEGER NOT NULL DEFAULT 0,"
    " created_s INTEGER NOT NULL);"
    "CREATE INDEX bookings_slot ON bookings (slot);"
    "CREATE TABLE ratings (uuid TEXT PRIMARY KEY, kiosk TEXT NOT NULL,"
    " target_kind TEXT NOT NULL, target_id TEXT NOT NULL,"
    " level INTEGER NOT NULL, reasons TEXT NOT NULL,"
    " created_s INTEGER NOT NULL);"
    "CREATE TABLE poll_answers (uuid TEXT PRIMARY KEY, kiosk TEXT NOT NULL,"
    " poll TEXT NOT NULL, answers TEXT NOT NULL,"
    " created_s INTEGER NOT NULL);"
    "CREATE TABLE heartbeats (kiosk TEXT PRIMARY KEY,"
    " received_s INTEGER NOT NULL, body TEXT NOT NULL);",
};

#define N_MIGRATIONS ((int)(sizeof hub_migrations / sizeof *hub_migrations))

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        return NULL;
    }
    return s;
}

int db_exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : ERR_DB;
}

void db_bind_text(sqlite3_stmt *s, int i, const char *text)
{
    if (text)
        sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

int db_step_write(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return 0;
    return (rc & 0xff) == SQLITE_CONSTRAINT ? ERR_EXISTS : ERR_DB;
}

const char *db_col_text(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t ? t : "";
}

int64_t db_query_int(sqlite3 *db, const char *sql, const char *param,
                     int64_t fallback)
{
    sqlite3_stmt *s = db_prepare(db, sql);
    if (!s)
        return fallback;
    if (param)
        db_bind_text(s, 1, param);
    int64_t v = fallback;
    if (sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_type(s, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

int db_mark_changed(sqlite3 *db, int64_t now_s)
{
    sqlite3_stmt *s = db_prepare(
        db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('changed_s', ?)");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, now_s);
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    return rc;
}

int db_begin(sqlite3 *db)
{
    return db_exec(db, "BEGIN IMMEDIATE");
}

int db_finish(sqlite3 *db, int rc)
{
    if (!rc && db_exec(db, "COMMIT"))
        rc = ERR_DB;
    if (rc)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* Each step reads the version inside its own write transaction, so two
 * connections opening a new file at once never run a step twice. */
static int migrate(sqlite3 *db, char *err, size_t errlen)
{
    for (;;) {
        if (db_begin(db)) {
            snprintf(err, errlen, "cannot lock: %s", sqlite3_errmsg(db));
            return ERR_DB;
        }
        int version = (int)db_query_int(db, "PRAGMA user_version", NULL, -1);
        if (version < 0 || version > N_MIGRATIONS) {
            snprintf(err, errlen,
                     "schema version %d is newer than this hub's %d", version,
                     N_MIGRATIONS);
            return db_finish(db, ERR_SCHEMA);
        }
        if (version == N_MIGRATIONS)
            return db_finish(db, 0);
        char pragma[48];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d",
                 version + 1);
        int rc = 0;
        if (db_exec(db, hub_migrations[version]) || db_exec(db, pragma)) {
            snprintf(err, errlen, "migration %d failed: %s", version + 1,
                     sqlite3_errmsg(db));
            rc = ERR_DB;
        }
        if ((rc = db_finish(db, rc)))
            return rc;
    }
}

int db_open(const char *path, sqlite3 **out, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                            SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path,
                 db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return ERR_DB;
    }
    /* Writers wait for each other (BEGIN IMMEDIATE) rather than fail. */
    sqlite3_busy_timeout(db, 10000);
    int rc = db_exec(db, "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON");
    if (rc)
        snprintf(err, errlen, "cannot set up %s: %s", path, sqlite3_errmsg(db));
    else
        rc = migrate(db, err, errlen);
    if (rc) {
        sqlite3_close(db);
        return rc;
    }
    *out = db;
    return 0;
}

void db_close(sqlite3 *db)
{
    sqlite3_close(db);
}
