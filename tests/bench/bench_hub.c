/*
 * bench_hub.c - what a hub pays when a bundle must be rebuilt (after a
 * change): building a kiosk's bundle of SERVICES services from the
 * database (leases included), and gzipping it for the cache. The 304
 * path costs neither; tests/bench/hub.sh measures that with wrk. Prints
 * one JSON object of timings in milliseconds (median of the runs).
 *
 * usage: bench_hub ASSETS_DIR [SERVICES] [RUNS]
 */
#include "big_bundle.h"
#include "buf.h"
#include "build.h"
#include "bundle.h"
#include "db.h"
#include "gz.h"
#include "seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: bench_hub ASSETS_DIR [SERVICES] [RUNS]\n", stderr);
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 10000;
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (runs < 1 || runs > 50)
        runs = 5;
    size_t len;
    char *text = big_bundle(argv[1], n, &len);
    char dir[] = "/tmp/linli-bench-hub-XXXXXX", path[64], err[512];
    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof path, "%s/hub.sqlite", dir);
    sqlite3 *db;
    char kiosk[65];
    int skipped;
    int64_t t = (int64_t)time(NULL);
    if (db_open(path, &db, err, sizeof err) ||
        seed_bundle(db, text, len, t, kiosk, &skipped, err, sizeof err)) {
        fprintf(stderr, "bench_hub: %s\n", err);
        return 1;
    }
    double build[50], gzip[50];
    size_t bytes = 0, gz_bytes = 0;
    for (int r = 0; r < runs; r++) {
        struct built b;
        double t0 = bench_now_ms();
        if (build_bundle(db, kiosk, NULL, t + r, true, &b))
            return 1;
        double t1 = bench_now_ms();
        struct buf gz;
        buf_init(&gz, BUNDLE_MAX_BYTES);
        if (gz_deflate(b.body, b.len, &gz))
            return 1;
        double t2 = bench_now_ms();
        build[r] = t1 - t0;
        gzip[r] = t2 - t1;
        bytes = b.len;
        gz_bytes = gz.len;
        /* what was built is a bundle the kiosk takes */
        struct bundle *parsed;
        if (r == 0 && bundle_parse(b.body, b.len, &parsed, err, sizeof err)) {
            fprintf(stderr, "bench_hub: built bundle invalid: %s\n", err);
            return 1;
        }
        if (r == 0)
            bundle_free(parsed);
        buf_release(&gz);
        built_release(&b);
    }
    double build_ms = bench_median(build, runs);
    double gzip_ms = bench_median(gzip, runs);
    printf("{\"services\": %d, \"bundle_bytes\": %zu, \"gzip_bytes\": %zu, "
           "\"runs\": %d, \"build_ms\": %.1f, \"gzip_ms\": %.1f, "
           "\"rebuild_total_ms\": %.1f}\n",
           n, bytes, gz_bytes, runs, build_ms, gzip_ms, build_ms + gzip_ms);
    db_close(db);
    free(text);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : 1;
}
