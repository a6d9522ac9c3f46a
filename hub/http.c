/* http.c - libmicrohttpd plumbing: bodies, replies, errors (see http.h). */
#include "http.h"

#include "db.h"
#include "err.h"
#include "gz.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Bodies smaller than this go out plain: gzip would not pay. */
#define GZIP_MIN_BYTES 512

void http_req_init(struct http_req *r, struct MHD_Connection *conn,
                   const char *method, const char *url, size_t cap)
{
    memset(r, 0, sizeof *r);
    r->conn = conn;
    r->method = method;
    r->url = url;
    r->cap = cap;
    /* a gzip body is smaller than what it decompresses to */
    buf_init(&r->body, cap);
    r->result = MHD_YES;
}

void http_req_release(struct http_req *r)
{
    buf_release(&r->body);
}

void http_req_feed(struct http_req *r, const char *data, size_t n)
{
    if (!r->too_large && buf_append(&r->body, data, n))
        r->too_large = true;
    if (r->too_large)
        buf_release(&r->body);
}

const char *http_header(struct http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_query(struct http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

bool http_accepts_gzip(struct http_req *r)
{
    const char *ae = http_header(r, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    return ae && strstr(ae, "gzip") && !strstr(ae, "gzip;q=0");
}

static const char *status_name(unsigned status)
{
    switch (status) {
    case 400:
        return "bad_request";
    case 401:
        return "unauthorized";
    case 403:
        return "forbidden";
    case 404:
        return "not_found";
    case 405:
        return "method_not_allowed";
    case 409:
        return "conflict";
    case 413:
        return "too_large";
    case 415:
        return "unsupported";
    case 429:
        return "rate_limited";
    case 503:
        return "unavailable";
    default:
        return "internal";
    }
}

static void queue(struct http_req *r, unsigned status,
                  struct MHD_Response *resp)
{
    if (r->replied || !resp) {
        if (resp)
            MHD_destroy_response(resp);
        r->result = r->replied ? r->result : MHD_NO;
        return;
    }
    r->replied = true;
    r->result = MHD_queue_response(r->conn, status, resp);
    MHD_destroy_response(resp);
}

static struct MHD_Response *response(unsigned status, const char *ctype,
                                     const void *data, size_t len,
                                     const char *etag)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        len, (void *)data, MHD_RESPMEM_MUST_COPY);
    if (!resp)
        return NULL;
    if (ctype)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    if (etag)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    /* docs/protocol.md: 429 and 503 say when to come back */
    if (status == 429 || status == 503)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "5");
    return resp;
}

void http_reply_gzip(struct http_req *r, unsigned status, const char *ctype,
                     const void *gz, size_t len, const char *etag)
{
    struct MHD_Response *resp = response(status, ctype, gz, len, etag);
    if (resp) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
        MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY,
                                MHD_HTTP_HEADER_ACCEPT_ENCODING);
    }
    queue(r, status, resp);
}

void http_reply(struct http_req *r, unsigned status, const char *ctype,
                const void *data, size_t len, const char *etag)
{
    if (len >= GZIP_MIN_BYTES && http_accepts_gzip(r)) {
        struct buf gz;
        buf_init(&gz, len + 1024);
        if (!gz_deflate(data, len, &gz)) {
            http_reply_gzip(r, status, ctype, gz.data, gz.len, etag);
            buf_release(&gz);
            return;
        }
        buf_release(&gz);
    }
    queue(r, status, response(status, ctype, data, len, etag));
}

void http_reply_json(struct http_req *r, unsigned status, json_t *obj)
{
    char *text = obj ? json_dumps(obj, HUB_JSON) : NULL;
    json_decref(obj);
    if (!text) {
        static const char oom[] =
            "{\"error\":\"internal\",\"message\":\"out of memory\"}";
        queue(r, 500,
              response(500, "application/json", oom, sizeof oom - 1, NULL));
        return;
    }
    http_reply(r, status, "application/json", text, strlen(text), NULL);
    free(text);
}

void http_reply_not_modified(struct http_req *r, const char *etag)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    if (resp)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
    queue(r, MHD_HTTP_NOT_MODIFIED, resp);
}

void http_error(struct http_req *r, unsigned status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    http_reply_json(
        r, status,
        json_pack("{s:s, s:s}", "error", status_name(status), "message", msg));
}

json_t *http_body_json(struct http_req *r)
{
    if (r->too_large) {
        http_error(r, 413, "body: over %zu bytes", r->cap);
        return NULL;
    }
    const char *ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct || strncasecmp(ct, "application/json", 16) != 0 ||
        (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
        http_error(r, 415, "body: expected Content-Type application/json");
        return NULL;
    }
    const char *ce = http_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING);
    struct buf plain;
    buf_init(&plain, r->cap);
    const char *data = r->body.data ? r->body.data : "";
    size_t len = r->body.len;
    if (ce && strcasecmp(ce, "gzip") == 0) {
        char why[128];
        int rc = gz_inflate(data, len, &plain, why, sizeof why);
        if (rc) {
            buf_release(&plain);
            if (rc == ERR_TOO_BIG)
                http_error(r, 413, "body: over %zu bytes", r->cap);
            else
                http_error(r, 400, "body: %s",
                           rc == ERR_PARSE ? why : err_str(rc));
            return NULL;
        }
        data = plain.data ? plain.data : "";
        len = plain.len;
    } else if (ce && strcasecmp(ce, "identity") != 0) {
        http_error(r, 415, "body: unsupported Content-Encoding %s", ce);
        return NULL;
    }
    json_error_t jerr;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    buf_release(&plain);
    if (!root) {
        http_error(r, 400, "body: %s (line %d, column %d)", jerr.text,
                   jerr.line, jerr.column);
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        http_error(r, 400, "body: expected an object");
        return NULL;
    }
    return root;
}
