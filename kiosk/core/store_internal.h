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
/* Ends the transaction begun by store_begin(): commits if rc is 0, else
 * (or if the commit fails) rolls back. Returns the final code. */
int store_finish(struct store *st, int rc);

/* The code for the sqlite3_step() result of a one-row lookup: 0 for a
 * row, ERR_NOT_FOUND for none, ERR_DB for an error. */
int store_row_rc(int step);

/* The single integer answer of a query without parameters. */
int store_query_int(struct store *st, const char *sql, int *out);

/* Appends an event to the outbox inside the caller's transaction. body is
 * the event's JSON (with the uuid in it). */
int outbox_push(struct store *st, const char *uuid, const char *kind,
                const char *body, int64_t now_ms);

/* Registers the SQL function linli_search() (search.c) on a connection;
 * 0 or ERR_DB. */
int search_register(sqlite3 *db);

/* Copies column i as text into dst (size n, NUL-terminated); "" if NULL. */
void store_col_text(sqlite3_stmt *stmt, int i, char *dst, size_t n);

#endif
