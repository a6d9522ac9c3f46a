/*
 * api_bundle.c - GET /api/v1/bundle (docs/protocol.md): the caller's
 * bundle from the cache when fresh, else built (renewing its leases) and
 * cached; 304 when If-None-Match names the current ETag.
 */
#include "err.h"
#include "hub_internal.h"

#include <string.h>

/* True if the If-None-Match list names etag (or is "*"). */
static bool etag_matches(const char *inm, const char *etag)
{
    if (!inm)
        return false;
    if (strcmp(inm, "*") == 0)
        return true;
    size_t n = strlen(etag);
    for (const char *p = strstr(inm, etag); p; p = strstr(p + 1, etag)) {
        char after = p[n];
        if (after == '\0' || after == ',' || after == ' ')
            return true;
    }
    return false;
}

void api_bundle(struct hub *h, struct http_req *r, const struct token_who *who)
{
    int64_t now_s = hub_now_s(h);
    uint64_t gen = atomic_load(&h->gen);
    struct bentry *e = bcache_get(h->cache, who->subject, gen, now_s);
    if (!e) {
        struct built b;
        sqlite3 *db = hub_db(h);
        int rc =
            db ? build_bundle(db, who->subject, NULL, now_s, true, &b) : ERR_DB;
        if (rc == ERR_NOT_FOUND) {
            http_error(r, 404, "kiosk %s has no config on this hub",
                       who->subject);
            return;
        }
        if (!rc) {
            e = bcache_put(h->cache, who->subject, gen, &b);
            built_release(&b);
        }
        if (!e) {
            http_error(r, 503, "cannot build the bundle: %s",
                       err_str(rc ? rc : ERR_NOMEM));
            return;
        }
    }
    const char *inm = http_header(r, MHD_HTTP_HEADER_IF_NONE_MATCH);
    if (etag_matches(inm, e->etag))
        http_reply_not_modified(r, e->etag);
    else if (http_accepts_gzip(r))
        http_reply_gzip(r, 200, "application/json", e->gz, e->gz_len, e->etag);
    else
        http_reply(r, 200, "application/json", e->body, e->len, e->etag);
    bcache_unref(h->cache, e);
}
