/*
 * server.c - the hub's life cycle and routing: listen socket, MHD thread
 * pool, per-thread database connections, authentication by role
 * (docs/protocol.md, "Authentication and roles"), dispatch to handlers.
 */
#include "db.h"
#include "err.h"
#include "hub.h"
#include "hub_internal.h"
#include "xalloc.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define API          "/api/v1/"
#define ADMIN_PREFIX "/api/v1/admin/"

sqlite3 *hub_db(struct hub *h)
{
    sqlite3 *db = pthread_getspecific(h->db_key);
    if (!db) {
        char err[256];
        if (db_open(h->db_path, &db, err, sizeof err)) {
            fprintf(stderr, "linli-hub: %s\n", err);
            return NULL;
        }
        pthread_setspecific(h->db_key, db);
    }
    return db;
}

int64_t hub_now_s(struct hub *h)
{
    return clock_now_s(&h->clock);
}

void hub_changed(struct hub *h)
{
    atomic_fetch_add(&h->gen, 1);
}

static void close_db(void *db)
{
    db_close(db);
}

/* The caller's token, or NULL after answering 401. */
static bool authenticate(struct hub *h, struct http_req *r,
                         struct token_who *who)
{
    const char *auth = http_header(r, MHD_HTTP_HEADER_AUTHORIZATION);
    sqlite3 *db = hub_db(h);
    if (!db) {
        http_error(r, 503, "database unavailable");
        return false;
    }
    if (!auth || strncmp(auth, "Bearer ", 7) != 0) {
        http_error(r, 401, "expected Authorization: Bearer TOKEN");
        return false;
    }
    if (!tokens_check(db, auth + 7, who)) {
        http_error(r, 401, "unknown or revoked token");
        return false;
    }
    return true;
}

struct route {
    const char *path;
    const char *method;
    size_t cap;
    void (*fn)(struct hub *h, struct http_req *r, const struct token_who *who);
};

static const struct route kiosk_routes[] = {
    {API "bundle", "GET", 0, api_bundle},
    {API "events", "POST", HTTP_CAP_EVENTS, api_events},
    {API "heartbeat", "POST", HTTP_CAP_HEARTBEAT, api_heartbeat},
};

static const struct route *kiosk_route(const char *url)
{
    for (size_t i = 0; i < sizeof kiosk_routes / sizeof *kiosk_routes; i++)
        if (strcmp(url, kiosk_routes[i].path) == 0)
            return &kiosk_routes[i];
    return NULL;
}

static size_t body_cap(const char *url)
{
    const struct route *rt = kiosk_route(url);
    if (rt)
        return rt->cap;
    return strncmp(url, ADMIN_PREFIX, strlen(ADMIN_PREFIX)) == 0
               ? HTTP_CAP_ADMIN
               : 0;
}

static void dispatch(struct hub *h, struct http_req *r)
{
    if (strcmp(r->url, "/admin") == 0 || strcmp(r->url, "/admin/") == 0) {
        if (strcmp(r->method, "GET") != 0)
            http_error(r, 405, "%s %s: use GET", r->method, r->url);
        else
            page_admin(r);
        return;
    }
    const struct route *rt = kiosk_route(r->url);
    bool admin = strncmp(r->url, ADMIN_PREFIX, strlen(ADMIN_PREFIX)) == 0;
    if (!rt && !admin) {
        http_error(r, 404, "no such resource %s", r->url);
        return;
    }
    struct token_who who;
    if (!authenticate(h, r, &who))
        return;
    if (admin) {
        if (who.role != TOKEN_STAFF)
            http_error(r, 403, "a kiosk token cannot use the admin API");
        else
            api_admin(h, r, r->url + strlen(ADMIN_PREFIX));
        return;
    }
    if (who.role != TOKEN_KIOSK)
        http_error(r, 403, "%s is for kiosk tokens", r->url);
    else if (strcmp(r->method, rt->method) != 0)
        http_error(r, 405, "%s %s: use %s", r->method, r->url, rt->method);
    else
        rt->fn(h, r, &who);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
    struct hub *h = cls;
    struct http_req *r = *con_cls;
    if (!r) {
        r = xmalloc(sizeof *r);
        http_req_init(r, conn, method, url, body_cap(url));
        const char *cl = MHD_lookup_connection_value(
            conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > r->cap)
            r->too_large = true;
        *con_cls = r;
        return MHD_YES;
    }
    if (*upload_data_size) {
        http_req_feed(r, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (r->replied)
        return MHD_YES;
    /* a body past its cap is answered 413 by http_body_json(), after the
     * route, the token and the method were checked */
    dispatch(h, r);
    if (!r->replied)
        http_error(r, 500, "no reply");
    return r->result;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct http_req *r = *con_cls;
    if (r) {
        http_req_release(r);
        free(r);
        *con_cls = NULL;
    }
}

static int parse_listen(const char *listen, struct sockaddr_in *sa)
{
    const char *colon = listen ? strrchr(listen, ':') : NULL;
    if (!colon || colon == listen || colon - listen > 63)
        return ERR_ARG;
    char host[64];
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || end == colon + 1 || port < 0 || port > 65535)
        return ERR_ARG;
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    if (strcmp(host, "*") == 0)
        sa->sin_addr.s_addr = htonl(INADDR_ANY);
    else if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
        return ERR_ARG;
    return 0;
}

static int open_listener(struct hub *h, const char *addr, char *err,
                         size_t errlen)
{
    struct sockaddr_in sa;
    if (parse_listen(addr, &sa)) {
        snprintf(err, errlen, "bad listen address %s (expected ADDR:PORT)",
                 addr ? addr : "(none)");
        return ERR_ARG;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
        bind(fd, (struct sockaddr *)&sa, sizeof sa) || listen(fd, 1024)) {
        snprintf(err, errlen, "cannot listen on %s: %s", addr, strerror(errno));
        if (fd >= 0)
            close(fd);
        return ERR_IO;
    }
    socklen_t len = sizeof sa;
    getsockname(fd, (struct sockaddr *)&sa, &len);
    h->listen_fd = fd;
    h->port = ntohs(sa.sin_port);
    return 0;
}

int hub_start(const struct hub_options *o, struct hub **out, char *err,
              size_t errlen)
{
    sqlite3 *db;
    int rc = db_open(o->db_path, &db, err, errlen);
    if (rc)
        return rc;
    db_close(db);
    struct hub *h = xcalloc(1, sizeof *h);
    h->db_path = xstrdup(o->db_path);
    h->clock = o->clock.now_ms ? o->clock : clock_system();
    h->cache = bcache_new();
    h->listen_fd = -1;
    pthread_key_create(&h->db_key, close_db);
    if ((rc = open_listener(h, o->listen, err, errlen))) {
        hub_stop(h);
        return rc;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned threads = o->threads > 0 ? (unsigned)o->threads
                       : cpus > 0     ? (unsigned)cpus
                                      : 2;
    h->mhd = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD, 0, NULL, NULL, on_request, h,
        MHD_OPTION_LISTEN_SOCKET, h->listen_fd, MHD_OPTION_THREAD_POOL_SIZE,
        threads, MHD_OPTION_CONNECTION_LIMIT, 4096u,
        MHD_OPTION_CONNECTION_TIMEOUT, 60u, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, h, MHD_OPTION_END);
    if (!h->mhd) {
        snprintf(err, errlen, "cannot start the HTTP server");
        hub_stop(h);
        return ERR_IO;
    }
    h->listen_fd = -1; /* MHD owns it now and closes it when stopped */
    *out = h;
    return 0;
}

uint16_t hub_port(const struct hub *h)
{
    return h->port;
}

void hub_stop(struct hub *h)
{
    if (!h)
        return;
    if (h->mhd)
        MHD_stop_daemon(h->mhd);
    if (h->listen_fd >= 0)
        close(h->listen_fd);
    /* this thread's connection, if a helper opened one here */
    sqlite3 *db = pthread_getspecific(h->db_key);
    if (db)
        db_close(db);
    pthread_key_delete(h->db_key);
    bcache_free(h->cache);
    free(h->db_path);
    free(h);
}
