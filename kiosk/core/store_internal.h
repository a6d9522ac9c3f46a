/*
 * store_internal.h - what store.c and outbox.c share; not a public API.
 */
#ifndef LINLI_STORE_INTERNAL_H
#define LINLI_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store {
    sqlite3 *db;
    int fail_after; /* fault injection: the n-th row write fails */
};

/* Prepares sql; on failure returns NULL (the caller reports ERR_DB). */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/* Steps a statement that writes a row, honouring the fault injection.
 * Returns 0 or ERR_DB. Does not finalize. */
int store_step_write(struct store *st, sqlite3_stmt *stmt);

/* Runs SQL without results; 0 or ERR_DB. */
int store_exec(struct store *st, const char *sql);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; begin and commit return 0 or ERR_DB,
 * rollback cannot fail in a way the caller could act on. */
int store_begin(struct store *st);
int store_commit(struct store *st);
void store_rollback(struct store *st);

/* Appends an event to the outbox inside the caller's transaction. body is
 * the event's JSON (with the uuid in it). */
int outbox_push(struct store *st, const char *uuid, const char *kind,
                const char *body, int64_t now_ms);

/* Copies column i as text into dst (size n, NUL-terminated); "" if NULL. */
void store_col_text(sqlite3_stmt *stmt, int i, char *dst, size_t n);

#endif
