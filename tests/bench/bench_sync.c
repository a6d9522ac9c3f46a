/*
 * bench_sync.c - one sync of a big bundle, end to end, and what it does to
 * the frame rate (DESIGN §8; docs/sync.md). A local HTTP server in this
 * process serves the gzip'd bundle; the kiosk's sync (the real curl
 * client, the apply worker) downloads, inflates, parses, validates and
 * stores it while this thread keeps drawing the home screen every 16 ms
 * from the same cache, as the window loop would. Prints one JSON object:
 * milliseconds from "sync now" to applied (and the fetch and apply parts),
 * the frame gaps (largest, 99th percentile) while it ran, and the longest
 * the UI thread itself was busy in one iteration (sync step + frame): a
 * gap longer than that is the scheduler's, not a wait on sync.
 *
 * usage: bench_sync ASSETS_DIR [SERVICES] [RUNS]
 */
#include "app.h"
#include "bench.h"
#include "big_bundle.h"
#include "buf.h"
#include "bundle.h"
#include "http_curl.h"
#include "i18n.h"
#include "store.h"
#include "sync.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <math.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

struct server {
    int fd;
    char *gz;
    size_t gz_len;
};

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

/* One request a connection: the bundle for a GET, a plain 200 else. */
static void *serve(void *arg)
{
    struct server *sv = arg;
    for (;;) {
        int c = accept(sv->fd, NULL, NULL);
        if (c < 0)
            return NULL;
        char req[8192];
        size_t got = 0;
        ssize_t r;
        while (got < sizeof req - 1 &&
               (r = read(c, req + got, sizeof req - 1 - got)) > 0) {
            got += (size_t)r;
            req[got] = '\0';
            char *end = strstr(req, "\r\n\r\n");
            if (!end)
                continue;
            const char *cl = strstr(req, "Content-Length: ");
            size_t body = cl ? (size_t)atol(cl + 16) : 0;
            if (got >= (size_t)(end + 4 - req) + body)
                break;
        }
        char head[256];
        if (strncmp(req, "GET ", 4) == 0) {
            int n = snprintf(head, sizeof head,
                             "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                             "ETag: \"bench\"\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n",
                             sv->gz_len);
            write_all(c, head, (size_t)n);
            write_all(c, sv->gz, sv->gz_len);
        } else {
            const char *ok = "{\"results\": [], \"ok\": true}";
            int n = snprintf(head, sizeof head,
                             "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n%s",
                             strlen(ok), ok);
            write_all(c, head, (size_t)n);
        }
        close(c);
    }
}

static char *gzip_text(const char *in, size_t n, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&z, n);
    char *out = malloc(cap);
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

struct run {
    double total, fetch, apply, gap_max, gap_p99, work_max;
    int frames;
};

static int one_run(const char *cache, const char *url, const char *kiosk,
                   const struct i18n *i18n, struct run *out)
{
    unlink(cache);
    struct store *st;
    char err[256];
    if (store_open(cache, &st, err, sizeof err))
        return fprintf(stderr, "bench_sync: %s\n", err), 1;
    struct clock_adjust ca;
    clock_adjust_init(&ca, clock_system(), 0);
    struct http_curl *hc = http_curl_new(NULL);
    struct sync_config sc = {.hub_url = url,
                             .kiosk_id = kiosk,
                             .token = "bench",
                             .cache_path = cache,
                             .version = "bench"};
    struct sync *s = sync_new(&sc, st, http_curl_client(hc), &ca, 1);
    struct app a;
    if (app_init(&a, st, i18n, clock_adjusted(&ca), text_metrics_approx(), 1920,
                 1080))
        return fprintf(stderr, "bench_sync: app_init failed\n"), 1;
    static double gaps[1 << 16];
    int n = 0;
    double t0 = bench_now_ms(), fetch_end = 0, last = t0;
    unsigned applied = 0;
    sync_now(s);
    double work_max = 0;
    do {
        double w0 = bench_now_ms();
        sync_step(s);
        const struct sync_status *ss = sync_status(s);
        if (!fetch_end && ss->state == SYNC_APPLYING)
            fetch_end = bench_now_ms();
        if (ss->applied != applied) {
            applied = ss->applied;
            app_data_applied(&a);
        }
        app_tick(&a);
        a.dirty = true;
        app_frame(&a);
        double now = bench_now_ms();
        if (now - w0 > work_max)
            work_max = now - w0;
        if (n < (int)(sizeof gaps / sizeof gaps[0]))
            gaps[n++] = now - last;
        last = now;
        /* the next frame 16 ms after this one started, as at 60 Hz */
        double next = now + 16.0 - fmod(now - t0, 16.0);
        usleep((useconds_t)((next - bench_now_ms()) * 1000 > 0
                                ? (next - bench_now_ms()) * 1000
                                : 0));
    } while (sync_busy(s));
    double end = bench_now_ms();
    int rc = sync_status(s)->round_ok ? 0 : 1;
    if (rc)
        fprintf(stderr, "bench_sync: %s\n", sync_status(s)->last_error);
    qsort(gaps, (size_t)n, sizeof gaps[0], cmp_double);
    out->total = end - t0;
    out->fetch = fetch_end ? fetch_end - t0 : 0;
    out->apply = fetch_end ? end - fetch_end : 0;
    out->gap_max = n ? gaps[n - 1] : 0;
    out->gap_p99 = n ? gaps[n * 99 / 100] : 0;
    out->frames = n;
    out->work_max = work_max;
    app_release(&a);
    sync_free(s);
    http_curl_free(hc);
    store_close(st);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_sync ASSETS_DIR [SERVICES] [RUNS]\n");
        return 2;
    }
    int services = argc > 2 ? atoi(argv[2]) : 10000;
    int runs = argc > 3 ? atoi(argv[3]) : 3;
    size_t len;
    char *json = big_bundle(argv[1], services, &len);
    json_t *root = json_loadb(json, len, 0, NULL);
    char kiosk[ID_MAX + 1];
    snprintf(kiosk, sizeof kiosk, "%s",
             json_string_value(
                 json_object_get(json_object_get(root, "config"), "kiosk_id")));
    json_decref(root);
    struct server sv;
    sv.gz = gzip_text(json, len, &sv.gz_len);
    sv.fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET,
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t alen = sizeof addr;
    if (bind(sv.fd, (struct sockaddr *)&addr, sizeof addr) ||
        listen(sv.fd, 16) ||
        getsockname(sv.fd, (struct sockaddr *)&addr, &alen)) {
        perror("bench_sync: listen");
        return 1;
    }
    pthread_t th;
    pthread_create(&th, NULL, serve, &sv);
    char url[64], dir[] = "/tmp/bench_sync.XXXXXX", cache[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", ntohs(addr.sin_port));
    if (!mkdtemp(dir))
        return 1;
    snprintf(cache, sizeof cache, "%s/cache.sqlite", dir);
    struct i18n *i18n;
    char err[256], i18n_dir[4096];
    snprintf(i18n_dir, sizeof i18n_dir, "%s/i18n", argv[1]);
    if (i18n_load(i18n_dir, &i18n, err, sizeof err))
        return fprintf(stderr, "bench_sync: %s\n", err), 1;

    double total[16], fetch[16], apply[16], gmax = 0, gp99[16], wmax = 0;
    int frames = 0;
    runs = runs < 1 ? 1 : runs > 16 ? 16 : runs;
    for (int r = 0; r < runs; r++) {
        struct run one;
        if (one_run(cache, url, kiosk, i18n, &one))
            return 1;
        total[r] = one.total;
        fetch[r] = one.fetch;
        apply[r] = one.apply;
        gp99[r] = one.gap_p99;
        gmax = one.gap_max > gmax ? one.gap_max : gmax;
        wmax = one.work_max > wmax ? one.work_max : wmax;
        frames += one.frames;
    }
    printf("{\"services\": %d, \"bundle_bytes\": %zu, \"gzip_bytes\": %zu, "
           "\"runs\": %d,\n \"sync_ms\": %.1f, \"fetch_ms\": %.1f, "
           "\"inflate_parse_store_ms\": %.1f,\n \"frames\": %d, "
           "\"frame_gap_p99_ms\": %.1f, \"frame_gap_max_ms\": %.1f, "
           "\"ui_work_max_ms\": %.1f}\n",
           services, len, sv.gz_len, runs, bench_median(total, runs),
           bench_median(fetch, runs), bench_median(apply, runs), frames,
           bench_median(gp99, runs), gmax, wmax);
    i18n_free(i18n);
    unlink(cache);
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", cache);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", cache);
    unlink(wal);
    rmdir(dir);
    free(json);
    free(sv.gz);
    return 0;
}
