/* leases.c - offline quota leases (see leases.h). */
#include "leases.h"

#include "db.h"
#include "err.h"

#include <stdio.h>

int slot_load(sqlite3 *db, const char *id, struct slot_state *out)
{
    sqlite3_stmt *s = db_prepare(
        db, "SELECT id, activity, start_s, end_s, capacity, quota, booked"
            " FROM slots WHERE id = ?");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        snprintf(out->id, sizeof out->id, "%s", db_col_text(s, 0));
        snprintf(out->activity, sizeof out->activity, "%s", db_col_text(s, 1));
        out->start_s = sqlite3_column_int64(s, 2);
        out->end_s = sqlite3_column_int64(s, 3);
        out->capacity = sqlite3_column_int(s, 4);
        out->quota = sqlite3_column_int(s, 5);
        out->booked = sqlite3_column_int(s, 6);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? ERR_NOT_FOUND : ERR_DB;
}

int leases_held_by_others(sqlite3 *db, const char *slot, const char *kiosk,
                          int64_t now_s)
{
    sqlite3_stmt *s = db_prepare(
        db, "SELECT coalesce(sum(held), 0) FROM leases WHERE slot = ?"
            " AND kiosk IS NOT ? AND until_s + ? > ?");
    if (!s)
        return 0;
    db_bind_text(s, 1, slot);
    db_bind_text(s, 2, kiosk);
    sqlite3_bind_int64(s, 3, LEASE_GRACE_S);
    sqlite3_bind_int64(s, 4, now_s);
    int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_finalize(s);
    return n;
}

static int lease_row(sqlite3 *db, const char *kiosk, const char *slot,
                     int64_t now_s, int *held, int64_t *until_s)
{
    sqlite3_stmt *s = db_prepare(
        db, "SELECT held, until_s FROM leases WHERE kiosk = ? AND slot = ?");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, kiosk);
    db_bind_text(s, 2, slot);
    *held = 0;
    *until_s = 0;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW &&
        sqlite3_column_int64(s, 1) + LEASE_GRACE_S > now_s) {
        *held = sqlite3_column_int(s, 0);
        *until_s = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : ERR_DB;
}

static int lease_write(sqlite3 *db, const char *kiosk, const char *slot,
                       int held, int64_t until_s)
{
    sqlite3_stmt *s = db_prepare(
        db, held > 0 ? "INSERT OR REPLACE INTO leases (kiosk, slot, held,"
                       " until_s) VALUES (?1, ?2, ?3, ?4)"
                     : "DELETE FROM leases WHERE kiosk = ?1 AND slot = ?2");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, kiosk);
    db_bind_text(s, 2, slot);
    if (held > 0) {
        sqlite3_bind_int(s, 3, held);
        sqlite3_bind_int64(s, 4, until_s);
    }
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    return rc;
}

int leases_for(sqlite3 *db, const char *kiosk, const struct slot_state *slot,
               int64_t now_s, bool grant, int *held, int64_t *until_s)
{
    int h;
    int64_t until;
    int rc = lease_row(db, kiosk, slot->id, now_s, &h, &until);
    if (rc)
        return rc;
    if (grant && slot->start_s > now_s) {
        /* renew: the end of the next period, not past the start */
        int64_t want = (now_s / LEASE_PERIOD_S + 2) * LEASE_PERIOD_S;
        if (want > slot->start_s)
            want = slot->start_s;
        int64_t new_until = until > want ? until : want;
        /* top up to the slot's quota from seats nobody holds */
        int free_seats = slot->capacity - slot->booked -
                         leases_held_by_others(db, slot->id, kiosk, now_s);
        int top = free_seats < slot->quota ? free_seats : slot->quota;
        int new_held = h > top ? h : top;
        if (new_held < 0)
            new_held = 0;
        if (new_held != h || (new_held > 0 && new_until != until)) {
            if ((rc = lease_write(db, kiosk, slot->id, new_held, new_until)))
                return rc;
        }
        h = new_held;
        until = new_until;
    }
    *held = h;
    *until_s = h > 0 ? until : 0;
    return 0;
}

int leases_take(sqlite3 *db, const char *kiosk, const char *slot, int64_t now_s,
                bool *taken)
{
    int held;
    int64_t until;
    int rc = lease_row(db, kiosk, slot, now_s, &held, &until);
    *taken = false;
    if (rc || held <= 0)
        return rc;
    if ((rc = lease_write(db, kiosk, slot, held - 1, until)))
        return rc;
    *taken = true;
    return 0;
}

int64_t leases_next_lapse(sqlite3 *db, int64_t now_s)
{
    sqlite3_stmt *s = db_prepare(
        db, "SELECT min(l.until_s + ?1) FROM leases l JOIN slots s"
            " ON s.id = l.slot WHERE l.until_s + ?1 > ?2 AND s.start_s > ?2");
    if (!s)
        return INT64_MAX;
    sqlite3_bind_int64(s, 1, LEASE_GRACE_S);
    sqlite3_bind_int64(s, 2, now_s);
    int64_t t = INT64_MAX;
    if (sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_type(s, 0) != SQLITE_NULL)
        t = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return t;
}
