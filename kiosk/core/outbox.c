/*
 * outbox.c - the durable event queue (see outbox.h). Pushing happens in
 * store.c, inside each action's transaction; this file reads, acks and
 * retries.
 */
#include "outbox.h"

#include "err.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

void uuid_v4(char out[37])
{
    unsigned char b[16];
    if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b)
        abort(); /* the kernel's RNG does not fail after boot */
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    snprintf(out, 37,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
             b[10], b[11], b[12], b[13], b[14], b[15]);
}

int outbox_push(struct store *st, const char *uuid, const char *kind,
                const char *body, int64_t now_ms)
{
    if (strlen(body) > OUTBOX_BODY_MAX)
        return ERR_TOO_BIG;
    sqlite3_stmt *s = store_prepare(
        st, "INSERT INTO outbox (uuid, kind, body, created_ms, next_try_ms)"
            " VALUES (?, ?, ?, ?, ?)");
    if (!s)
        return ERR_DB;
    sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, body, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, now_ms);
    /* due at once, whatever the clock does later: only a retry sets a
     * time, so a clock set back cannot hide a new event */
    sqlite3_bind_int64(s, 5, 0);
    int rc = store_step_write(st, s);
    sqlite3_finalize(s);
    return rc;
}

int outbox_peek(struct store *st, int64_t now_ms, struct outbox_event *out,
                int max, int *n)
{
    sqlite3_stmt *s = store_prepare(
        st, "SELECT seq, uuid, kind, body, created_ms, tries, next_try_ms"
            " FROM outbox WHERE next_try_ms <= ? ORDER BY seq LIMIT ?");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, now_ms);
    sqlite3_bind_int(s, 2, max);
    int rc, k = 0;
    while (k < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct outbox_event *e = &out[k++];
        e->seq = sqlite3_column_int64(s, 0);
        store_col_text(s, 1, e->uuid, sizeof e->uuid);
        store_col_text(s, 2, e->kind, sizeof e->kind);
        store_col_text(s, 3, e->body, sizeof e->body);
        e->created_ms = sqlite3_column_int64(s, 4);
        e->tries = sqlite3_column_int(s, 5);
        e->next_try_ms = sqlite3_column_int64(s, 6);
    }
    sqlite3_finalize(s);
    if (k < max && rc != SQLITE_DONE)
        return ERR_DB;
    *n = k;
    return 0;
}

int outbox_ack(struct store *st, const char *uuid)
{
    struct outbox_ack a = {.uuid = uuid};
    return outbox_ack_batch(st, &a, 1);
}

int outbox_ack_batch(struct store *st, const struct outbox_ack *acks, int n)
{
    if (store_begin(st))
        return ERR_DB;
    sqlite3_stmt *del = store_prepare(st, "DELETE FROM outbox WHERE uuid=?");
    sqlite3_stmt *purge = store_prepare(
        st, "UPDATE bookings SET phone = NULL, acked = 1,"
            " hub_status = coalesce(?2, hub_status),"
            " hub_reason = coalesce(?3, hub_reason) WHERE uuid = ?1");
    int rc = del && purge ? 0 : ERR_DB;
    for (int i = 0; !rc && i < n; i++) {
        const struct outbox_ack *a = &acks[i];
        sqlite3_bind_text(del, 1, a->uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(purge, 1, a->uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(purge, 2, a->booking, -1, SQLITE_STATIC);
        sqlite3_bind_text(purge, 3, a->reason, -1, SQLITE_STATIC);
        rc = store_step_write(st, del);
        if (!rc)
            rc = store_step_write(st, purge);
        sqlite3_reset(del);
        sqlite3_reset(purge);
    }
    sqlite3_finalize(del);
    sqlite3_finalize(purge);
    return store_finish(st, rc);
}

int outbox_retry(struct store *st, const char *uuid, int64_t next_try_ms,
                 const char *error)
{
    sqlite3_stmt *s = store_prepare(
        st, "UPDATE outbox SET tries = tries + 1, next_try_ms = ?,"
            " last_error = ? WHERE uuid = ?");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, next_try_ms);
    sqlite3_bind_text(s, 2, error, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, uuid, -1, SQLITE_STATIC);
    int rc = store_step_write(st, s);
    sqlite3_finalize(s);
    if (!rc && sqlite3_changes(st->db) == 0)
        rc = ERR_NOT_FOUND;
    return rc;
}

int outbox_depth(struct store *st, int *n)
{
    return store_query_int(st, "SELECT count(*) FROM outbox", n);
}
