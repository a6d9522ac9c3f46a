/*
 * tokens.h - bearer tokens of kiosks and staff.
 *
 * A token is 32 bytes from getrandom() in lower-case hex (64 characters),
 * shown once when made; the hub keeps only its SHA-256, so a copy of the
 * database gives no token away. A token has a role (kiosk or staff) and a
 * subject (the kiosk id, or the staff member's name). Revoking keeps the
 * row (for the list) but the token no longer authenticates.
 */
#ifndef LINLI_HUB_TOKENS_H
#define LINLI_HUB_TOKENS_H

#include "bundle.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define TOKEN_HEX         64
#define TOKEN_SUBJECT_MAX ID_MAX

enum token_role { TOKEN_KIOSK, TOKEN_STAFF };

struct token_who {
    enum token_role role;
    char subject[TOKEN_SUBJECT_MAX + 1];
};

/* Makes a token for role/subject (an id: 1-64 bytes of A-Z a-z 0-9 . _ -)
 * and writes its hex (NUL-terminated) to out. Returns 0, ERR_ARG (bad
 * subject), ERR_IO (no randomness) or ERR_DB. */
int tokens_add(sqlite3 *db, enum token_role role, const char *subject,
               int64_t now_s, char out[TOKEN_HEX + 1]);

/* Who holds token (the text after "Bearer "): true and *who, or false for
 * a malformed, unknown or revoked token. */
bool tokens_check(sqlite3 *db, const char *token, struct token_who *who);

/* Revokes token number id (as tokens_list shows). ERR_NOT_FOUND if there
 * is no such live token. */
int tokens_revoke(sqlite3 *db, int64_t id, int64_t now_s);

/* One line per token to f: id, role, subject, created, revoked. */
int tokens_list(sqlite3 *db, FILE *f);

/* True if s is an id (docs/bundle.md, common types). */
bool hub_id_ok(const char *s);

#endif
