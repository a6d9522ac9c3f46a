/*
 * http_curl.c - http_client on libcurl's multi interface (http_curl.h).
 */
#include "http_curl.h"

#include "err.h"
#include "xalloc.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LOW_SPEED_BYTES 64
#define LOW_SPEED_S     15

struct http_curl {
    CURLM *multi;
    CURL *easy; /* the request in flight, or NULL */
    struct curl_slist *headers;
    char *body; /* our copy of the request body */
    char *ca_file;
    size_t max_body;
    bool too_big;
    bool done;
    int result;                       /* of the finished transfer */
    char curl_error[CURL_ERROR_SIZE]; /* curl's detail on a failure */
    struct http_response resp;
};

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
    struct http_curl *hc = ctx;
    size_t len = size * n;
    int rc = buf_append(&hc->resp.body, p, len);
    if (rc == ERR_TOO_BIG)
        hc->too_big = true;
    return rc ? 0 : len; /* a short count aborts the transfer */
}

/* Keeps the headers sync reads; a header of a later response (after a
 * 100 Continue) replaces an earlier one. */
static size_t on_header(char *p, size_t size, size_t n, void *ctx)
{
    struct http_curl *hc = ctx;
    size_t len = size * n;
    static const struct {
        const char *name;
        size_t off;
    } keep[] = {
        {"etag", offsetof(struct http_response, etag)},
        {"retry-after", offsetof(struct http_response, retry_after)},
        {"date", offsetof(struct http_response, date)},
        {"content-encoding", offsetof(struct http_response, content_encoding)},
    };
    const char *colon = memchr(p, ':', len);
    if (!colon)
        return len;
    size_t name_len = (size_t)(colon - p);
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        if (strlen(keep[i].name) != name_len ||
            strncasecmp(p, keep[i].name, name_len) != 0)
            continue;
        const char *v = colon + 1, *end = p + len;
        while (v < end && (*v == ' ' || *v == '\t'))
            v++;
        while (end > v &&
               (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
            end--;
        char *dst = (char *)&hc->resp + keep[i].off;
        int vl = (int)(end - v) < HTTP_HEADER_MAX - 1 ? (int)(end - v)
                                                      : HTTP_HEADER_MAX - 1;
        snprintf(dst, HTTP_HEADER_MAX, "%.*s", vl, v);
    }
    return len;
}

static void end_transfer(struct http_curl *hc)
{
    if (hc->easy) {
        curl_multi_remove_handle(hc->multi, hc->easy);
        curl_easy_cleanup(hc->easy);
        hc->easy = NULL;
    }
    curl_slist_free_all(hc->headers);
    hc->headers = NULL;
    free(hc->body);
    hc->body = NULL;
}

static void hc_cancel(void *ctx)
{
    end_transfer(ctx);
}

static int hc_start(void *ctx, const struct http_request *req)
{
    struct http_curl *hc = ctx;
    end_transfer(hc);
    buf_release(&hc->resp.body);
    memset(&hc->resp, 0, sizeof hc->resp);
    buf_init(&hc->resp.body, req->max_body);
    hc->too_big = hc->done = false;
    hc->result = 0;
    CURL *e = curl_easy_init();
    if (!e)
        return ERR_NOMEM;
    for (const char *const *h = req->headers; h && *h; h++) {
        struct curl_slist *l = curl_slist_append(hc->headers, *h);
        if (!l) {
            curl_easy_cleanup(e);
            return ERR_NOMEM;
        }
        hc->headers = l;
    }
    /* no "Expect: 100-continue" round trip for small bodies */
    hc->headers = curl_slist_append(hc->headers, "Expect:");
    curl_easy_setopt(e, CURLOPT_URL, req->url);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, hc->headers);
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, req->method);
    if (req->body) {
        hc->body = xmalloc(req->body_len + 1);
        memcpy(hc->body, req->body, req->body_len);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, hc->body);
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                         (curl_off_t)req->body_len);
    } else if (strcmp(req->method, "GET") == 0) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, NULL);
    }
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)req->timeout_ms);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     (long)(req->timeout_ms < 15000 ? req->timeout_ms : 15000));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, (long)LOW_SPEED_BYTES);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, (long)LOW_SPEED_S);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)req->max_body);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (hc->ca_file)
        curl_easy_setopt(e, CURLOPT_CAINFO, hc->ca_file);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    hc->curl_error[0] = '\0';
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, hc->curl_error);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, hc);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, hc);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "linli-kiosk/" LINLI_VERSION);
    if (curl_multi_add_handle(hc->multi, e) != CURLM_OK) {
        curl_easy_cleanup(e);
        end_transfer(hc);
        return ERR_NET;
    }
    hc->easy = e;
    return 0;
}

static int hc_step(void *ctx, const struct http_response **out)
{
    struct http_curl *hc = ctx;
    *out = &hc->resp;
    if (!hc->easy && !hc->done) {
        snprintf(hc->resp.error, sizeof hc->resp.error, "no request");
        return ERR_NET;
    }
    if (!hc->done) {
        int running = 0;
        curl_multi_perform(hc->multi, &running);
        int left;
        CURLMsg *m;
        while ((m = curl_multi_info_read(hc->multi, &left))) {
            if (m->msg != CURLMSG_DONE || m->easy_handle != hc->easy)
                continue;
            CURLcode cc = m->data.result;
            long status = 0;
            curl_easy_getinfo(hc->easy, CURLINFO_RESPONSE_CODE, &status);
            hc->resp.status = (int)status;
            hc->done = true;
            if (hc->too_big || cc == CURLE_FILESIZE_EXCEEDED) {
                snprintf(hc->resp.error, sizeof hc->resp.error,
                         "response larger than %zu bytes", hc->resp.body.max);
                hc->result = ERR_TOO_BIG;
            } else if (cc != CURLE_OK) {
                snprintf(hc->resp.error, sizeof hc->resp.error, "%.150s",
                         hc->curl_error[0] ? hc->curl_error
                                           : curl_easy_strerror(cc));
                hc->result = ERR_NET;
            }
            end_transfer(hc);
        }
        if (!hc->done)
            return HTTP_PENDING;
    }
    return hc->result;
}

static void hc_wait(void *ctx, int timeout_ms)
{
    struct http_curl *hc = ctx;
    curl_multi_poll(hc->multi, NULL, 0, timeout_ms, NULL);
}

struct http_curl *http_curl_new(const char *ca_file)
{
    static bool inited;
    if (!inited) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            return NULL;
        inited = true;
    }
    struct http_curl *hc = xcalloc(1, sizeof *hc);
    hc->multi = curl_multi_init();
    if (!hc->multi) {
        free(hc);
        return NULL;
    }
    hc->ca_file = ca_file ? xstrdup(ca_file) : NULL;
    buf_init(&hc->resp.body, 0);
    return hc;
}

void http_curl_free(struct http_curl *hc)
{
    if (!hc)
        return;
    end_transfer(hc);
    buf_release(&hc->resp.body);
    curl_multi_cleanup(hc->multi);
    free(hc->ca_file);
    free(hc);
}

struct http_client http_curl_client(struct http_curl *hc)
{
    return (struct http_client){hc_start, hc_step, hc_cancel, hc_wait, hc};
}
