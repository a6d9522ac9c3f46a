/* tokens.c - bearer tokens stored as SHA-256 (see tokens.h). */
#include "tokens.h"

#include "civil_time.h"
#include "db.h"
#include "err.h"
#include "hash.h"

#include <string.h>
#include <sys/random.h>

bool hub_id_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

static void token_hash(const char *token, char out[HASH_HEX + 1])
{
    hash_sha256_hex(token, strlen(token), out);
}

int tokens_add(sqlite3 *db, enum token_role role, const char *subject,
               int64_t now_s, char out[TOKEN_HEX + 1])
{
    if (!hub_id_ok(subject))
        return ERR_ARG;
    unsigned char raw[TOKEN_HEX / 2];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
        return ERR_IO;
    char token[TOKEN_HEX + 1], hash[65];
    hash_hex(raw, sizeof raw, token);
    token_hash(token, hash);
    sqlite3_stmt *s =
        db_prepare(db, "INSERT INTO tokens (hash, role, subject, created_s)"
                       " VALUES (?,?,?,?)");
    if (!s)
        return ERR_DB;
    db_bind_text(s, 1, hash);
    db_bind_text(s, 2, role == TOKEN_KIOSK ? "kiosk" : "staff");
    db_bind_text(s, 3, subject);
    sqlite3_bind_int64(s, 4, now_s);
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    if (!rc)
        memcpy(out, token, sizeof token);
    return rc;
}

bool tokens_check(sqlite3 *db, const char *token, struct token_who *who)
{
    if (!token || strlen(token) != TOKEN_HEX)
        return false;
    for (int i = 0; i < TOKEN_HEX; i++)
        if (!((token[i] >= '0' && token[i] <= '9') ||
              (token[i] >= 'a' && token[i] <= 'f')))
            return false;
    char hash[65];
    token_hash(token, hash);
    sqlite3_stmt *s = db_prepare(db, "SELECT role, subject FROM tokens"
                                     " WHERE hash = ? AND revoked_s IS NULL");
    if (!s)
        return false;
    db_bind_text(s, 1, hash);
    bool ok = sqlite3_step(s) == SQLITE_ROW;
    if (ok) {
        who->role =
            strcmp(db_col_text(s, 0), "staff") == 0 ? TOKEN_STAFF : TOKEN_KIOSK;
        snprintf(who->subject, sizeof who->subject, "%s", db_col_text(s, 1));
    }
    sqlite3_finalize(s);
    return ok;
}

int tokens_revoke(sqlite3 *db, int64_t id, int64_t now_s)
{
    sqlite3_stmt *s = db_prepare(db, "UPDATE tokens SET revoked_s = ?"
                                     " WHERE id = ? AND revoked_s IS NULL");
    if (!s)
        return ERR_DB;
    sqlite3_bind_int64(s, 1, now_s);
    sqlite3_bind_int64(s, 2, id);
    int rc = db_step_write(s);
    sqlite3_finalize(s);
    if (!rc && sqlite3_changes(db) == 0)
        rc = ERR_NOT_FOUND;
    return rc;
}

int tokens_list(sqlite3 *db, FILE *f)
{
    sqlite3_stmt *s = db_prepare(db, "SELECT id, role, subject, created_s,"
                                     " revoked_s FROM tokens ORDER BY id");
    if (!s)
        return ERR_DB;
    fprintf(f, "%-4s %-6s %-24s %-26s %s\n", "id", "role", "subject", "created",
            "revoked");
    while (sqlite3_step(s) == SQLITE_ROW) {
        char created[32], revoked[32] = "-";
        civil_format_timestamp(sqlite3_column_int64(s, 3), created);
        if (sqlite3_column_type(s, 4) != SQLITE_NULL)
            civil_format_timestamp(sqlite3_column_int64(s, 4), revoked);
        fprintf(f, "%-4lld %-6s %-24s %-26s %s\n",
                (long long)sqlite3_column_int64(s, 0), db_col_text(s, 1),
                db_col_text(s, 2), created, revoked);
    }
    sqlite3_finalize(s);
    return 0;
}
