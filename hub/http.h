/*
 * http.h - the plumbing between libmicrohttpd and the hub's handlers.
 *
 * A request's body is gathered into a capped buffer while it arrives
 * (http_req_feed); a body over the cap is dropped and answered 413. A
 * handler then reads the body as one JSON object (http_body_json: gzip
 * request bodies, Content-Type and caps checked) and answers once with
 * http_reply*() or http_error(). Every error is the JSON of
 * docs/protocol.md, "Errors". MHD adds the Date header.
 */
#ifndef LINLI_HUB_HTTP_H
#define LINLI_HUB_HTTP_H

#include "buf.h"

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

#define HTTP_CAP_EVENTS    (1u << 20)
#define HTTP_CAP_ADMIN     (1u << 20)
#define HTTP_CAP_HEARTBEAT (64u << 10)

struct http_req {
    struct MHD_Connection *conn;
    const char *method; /* "GET", "POST", ... (MHD's string) */
    const char *url;    /* path without the query */
    struct buf body;    /* as received (maybe gzip) */
    size_t cap;         /* after decompression */
    bool too_large;     /* the body passed the cap on the way in */
    bool replied;
    enum MHD_Result result; /* of queuing the reply */
};

/* Starts a request whose body may be up to cap bytes (0: no body). */
void http_req_init(struct http_req *r, struct MHD_Connection *conn,
                   const char *method, const char *url, size_t cap);
void http_req_release(struct http_req *r);
/* Takes n bytes of body; past the cap the rest is dropped. */
void http_req_feed(struct http_req *r, const char *data, size_t n);

/* A request header, or NULL. */
const char *http_header(struct http_req *r, const char *name);
/* A query argument, or NULL. */
const char *http_query(struct http_req *r, const char *name);
/* True if the client takes gzip (Accept-Encoding). */
bool http_accepts_gzip(struct http_req *r);

/* The body as a JSON object: returns it (the caller decrefs), or NULL
 * after answering 413 / 415 / 400 itself. */
json_t *http_body_json(struct http_req *r);

/* Answers status with data of type ctype; gzip it if the client takes
 * gzip and it is worth it. etag (may be NULL) is sent as the ETag. */
void http_reply(struct http_req *r, unsigned status, const char *ctype,
                const void *data, size_t len, const char *etag);
/* Answers with a body that is already gzip (Content-Encoding: gzip). */
void http_reply_gzip(struct http_req *r, unsigned status, const char *ctype,
                     const void *gz, size_t len, const char *etag);
/* Answers with obj as JSON, and decrefs it. */
void http_reply_json(struct http_req *r, unsigned status, json_t *obj);
/* Answers 304 with the ETag and no body. */
void http_reply_not_modified(struct http_req *r, const char *etag);
/* Answers a JSON error: the "error" member is the name of status
 * (docs/protocol.md), "message" the formatted text. */
void http_error(struct http_req *r, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
