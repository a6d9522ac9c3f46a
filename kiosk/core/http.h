/*
 * http.h - the http_client seam: asynchronous HTTP requests for sync.
 *
 * The core never includes curl: sync.c talks to a struct of function
 * pointers, which platform/http_curl.c implements on libcurl's multi
 * interface and tests replace with a scripted fake. One request is in
 * flight at a time per client. Nothing here blocks except wait().
 *
 *     start(req)  ->  step() ... HTTP_PENDING ... -> 0 (response ready)
 *                                              or -> ERR_NET / ERR_TOO_BIG
 *
 * A response (status, the headers sync uses, body) belongs to the client
 * and stays valid until the next start() or cancel().
 */
#ifndef LINLI_HTTP_H
#define LINLI_HTTP_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HTTP_PENDING    1 /* step(): not finished yet, call again later */
#define HTTP_HEADER_MAX 128
#define HTTP_ERROR_MAX  160

struct http_request {
    const char *method; /* "GET", "POST" */
    const char *url;
    const char *const *headers; /* "Name: value", NULL-terminated */
    const char *body;           /* NULL for none */
    size_t body_len;
    int timeout_ms;  /* the whole exchange */
    size_t max_body; /* response bodies over it fail */
};

struct http_response {
    int status; /* 200, 304, 503 ... */
    /* The headers that matter to sync, "" when absent. */
    char etag[HTTP_HEADER_MAX];
    char retry_after[HTTP_HEADER_MAX];
    char date[HTTP_HEADER_MAX];
    char content_encoding[HTTP_HEADER_MAX];
    struct buf body;            /* as received (still gzip, if it was) */
    char error[HTTP_ERROR_MAX]; /* why step() failed */
};

struct http_client {
    /* Starts req (copied: the caller's strings may go away). Cancels a
     * request still in flight. 0, or ERR_NET/ERR_NOMEM. */
    int (*start)(void *ctx, const struct http_request *req);
    /* Moves the request on without blocking. HTTP_PENDING, 0 with *out
     * set to the response, or a negative code (ERR_NET: connection,
     * TLS, timeout; ERR_TOO_BIG: body over max_body) with *out's error
     * saying why. */
    int (*step)(void *ctx, const struct http_response **out);
    /* Abandons the request in flight, if any. */
    void (*cancel)(void *ctx);
    /* Blocks up to timeout_ms for network activity (headless rounds). */
    void (*wait)(void *ctx, int timeout_ms);
    void *ctx;
};

/* An HTTP date (RFC 7231 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT")
 * to Unix seconds; false if it is not one. */
bool http_parse_date(const char *s, int64_t *unix_s);

/* Seconds to wait from a Retry-After value (delta seconds or an HTTP
 * date, measured against now_s); 0 if empty or not understood. */
int64_t http_retry_after_s(const char *value, int64_t now_s);

#endif
