/* hubtest.c - a hub and a curl client for the hub's tests (hubtest.h). */
#include "hubtest.h"

#include "db.h"
#include "seed.h"
#include "testutil.h"
#include "tokens.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static void start(struct hubtest *t)
{
    struct hub_options o = {.db_path = t->db,
                            .listen = "127.0.0.1:0",
                            .threads = 2,
                            .clock = clock_fixed(&t->now_ms)};
    char err[256];
    int rc = hub_start(&o, &t->hub, err, sizeof err);
    if (rc)
        fail_msg("hub_start: %s", err);
    snprintf(t->url, sizeof t->url, "http://127.0.0.1:%u", hub_port(t->hub));
}

void hubtest_token(struct hubtest *t, bool staff, const char *subject,
                   char out[65])
{
    sqlite3 *db;
    char err[256];
    assert_int_equal(db_open(t->db, &db, err, sizeof err), 0);
    assert_int_equal(tokens_add(db, staff ? TOKEN_STAFF : TOKEN_KIOSK, subject,
                                t->now_ms / 1000, out),
                     0);
    db_close(db);
}

void hubtest_start(struct hubtest *t, int64_t now_ms)
{
    memset(t, 0, sizeof *t);
    t->now_ms = now_ms ? now_ms : (int64_t)time(NULL) * 1000;
    t->dir = test_tmpdir();
    snprintf(t->db, sizeof t->db, "%s/hub.sqlite", t->dir);
    sqlite3 *db;
    char err[256];
    int skipped;
    assert_int_equal(db_open(t->db, &db, err, sizeof err), 0);
    if (seed_demo(db, LINLI_TEST_ASSETS, t->now_ms / 1000, t->kiosk, &skipped,
                  err, sizeof err))
        fail_msg("seed_demo: %s", err);
    db_close(db);
    hubtest_token(t, false, t->kiosk, t->kiosk_token);
    hubtest_token(t, true, "tester", t->staff_token);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    start(t);
}

void hubtest_restart(struct hubtest *t)
{
    hub_stop(t->hub);
    start(t);
}

void hubtest_stop(struct hubtest *t)
{
    hub_stop(t->hub);
    test_rmtree(t->dir);
    free(t->dir);
}

size_t resp_on_body(char *p, size_t size, size_t n, void *ctx)
{
    struct resp *r = ctx;
    char *grown = realloc(r->body, r->len + size * n + 1);
    if (!grown)
        return 0;
    memcpy(grown + r->len, p, size * n);
    r->len += size * n;
    grown[r->len] = '\0';
    r->body = grown;
    return size * n;
}

static void copy_value(const char *line, size_t n, char *out, size_t cap)
{
    const char *v = memchr(line, ':', n);
    if (!v)
        return;
    v++;
    while (*v == ' ')
        v++;
    size_t len = (size_t)(line + n - v);
    while (len && (v[len - 1] == '\r' || v[len - 1] == '\n'))
        len--;
    snprintf(out, cap, "%.*s", (int)len, v);
}

static size_t on_header(char *p, size_t size, size_t n, void *ctx)
{
    struct resp *r = ctx;
    size_t len = size * n;
    if (len > 5 && strncasecmp(p, "ETag:", 5) == 0)
        copy_value(p, len, r->etag, sizeof r->etag);
    else if (len > 17 && strncasecmp(p, "Content-Encoding:", 17) == 0)
        copy_value(p, len, r->encoding, sizeof r->encoding);
    else if (len > 12 && strncasecmp(p, "Retry-After:", 12) == 0)
        copy_value(p, len, r->retry_after, sizeof r->retry_after);
    return len;
}

void hubtest_req(struct hubtest *t, const char *method, const char *path,
                 const char *token, const char *body, size_t body_len,
                 const char *const *headers, struct resp *out)
{
    memset(out, 0, sizeof *out);
    CURL *c = curl_easy_init();
    assert_non_null(c);
    char url[1024], auth[128];
    snprintf(url, sizeof url, "%s%s", t->url, path);
    struct curl_slist *h = NULL;
    bool ctype = false;
    for (int i = 0; headers && headers[i]; i++) {
        h = curl_slist_append(h, headers[i]);
        ctype = ctype || strncasecmp(headers[i], "Content-Type:", 13) == 0;
    }
    if (body && !ctype)
        h = curl_slist_append(h, "Content-Type: application/json");
    if (token) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        h = curl_slist_append(h, auth);
    }
    h = curl_slist_append(h, "Expect:");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, resp_on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, out);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK)
        fail_msg("%s %s: %s", method, path, curl_easy_strerror(rc));
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    if (!out->body)
        out->body = calloc(1, 1);
    out->json = json_loadb(out->body, out->len, 0, NULL);
}

void resp_release(struct resp *r)
{
    free(r->body);
    json_decref(r->json);
    memset(r, 0, sizeof *r);
}

long hubtest_admin(struct hubtest *t, const char *method, const char *path,
                   const char *json, struct resp *out)
{
    char full[512];
    snprintf(full, sizeof full, "/api/v1/admin/%s", path);
    hubtest_req(t, method, full, t->staff_token, json, json ? strlen(json) : 0,
                NULL, out);
    return out->status;
}

int hubtest_sql(struct hubtest *t, const char *sql)
{
    return test_sql_int(t->db, sql);
}
