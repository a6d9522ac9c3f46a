/*
 * http_curl.h - the http_client seam (core/http.h) on libcurl's multi
 * interface: non-blocking, one request at a time.
 *
 * TLS certificates and host names are verified (ca_file adds a private
 * CA bundle instead of the system's); a transfer is abandoned at its
 * timeout or when it moves fewer than 64 bytes/s for 15 s, so a hanging
 * server cannot hold sync; a body over the request's cap is refused while
 * it arrives, not after.
 */
#ifndef LINLI_HTTP_CURL_H
#define LINLI_HTTP_CURL_H

#include "http.h"

struct http_curl;

/* NULL if curl cannot start (message on log). ca_file may be NULL. */
struct http_curl *http_curl_new(const char *ca_file);
void http_curl_free(struct http_curl *hc);

/* The seam over hc (borrowed). */
struct http_client http_curl_client(struct http_curl *hc);

#endif
