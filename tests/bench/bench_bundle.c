/*
 * bench_bundle.c - how long a big bundle takes to parse, validate and
 * store, and what the screens' queries cost on it (DESIGN §8: a
 * 10 000-service bundle in <= 1.5 s). Builds the bundle from the demo
 * template by repeating its services with shifted coordinates, then prints
 * one JSON object of timings in milliseconds (median of the runs).
 *
 * usage: bench_bundle ASSETS_DIR [SERVICES] [RUNS]
 */
#include "big_bundle.h"
#include "bundle.h"
#include "store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: bench_bundle ASSETS_DIR [SERVICES] [RUNS]\n", stderr);
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 10000;
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (runs < 1 || runs > 50)
        runs = 5;
    size_t len;
    char *text = big_bundle(argv[1], n, &len);
    char dir[] = "/tmp/linli-bench-XXXXXX", path[64];
    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof path, "%s/cache.sqlite", dir);
    struct store *st;
    if (store_open(path, &st, NULL, 0))
        return 1;

    double parse[50], apply[50], total[50], page[50], open_page[50];
    int64_t t = (int64_t)time(NULL);
    for (int r = 0; r < runs; r++) {
        struct bundle *b;
        char err[256];
        double t0 = bench_now_ms();
        if (bundle_parse(text, len, &b, err, sizeof err)) {
            fprintf(stderr, "bench_bundle: %s\n", err);
            return 1;
        }
        double t1 = bench_now_ms();
        if (store_apply_bundle(st, b, t * 1000))
            return 1;
        double t2 = bench_now_ms();
        bundle_free(b);
        parse[r] = t1 - t0;
        apply[r] = t2 - t1;
        total[r] = t2 - t0;

        /* a page of a category, nearest first; and the same open now */
        struct service_row rows[8];
        int got, count;
        struct service_query q = {.category = "dining"};
        double t3 = bench_now_ms();
        store_services(st, &q, t, rows, 8, &got, &count);
        double t4 = bench_now_ms();
        q.open_only = true;
        store_services(st, &q, t, rows, 8, &got, &count);
        double t5 = bench_now_ms();
        page[r] = t4 - t3;
        open_page[r] = t5 - t4;
    }
    printf("{\"services\": %d, \"bundle_bytes\": %zu, \"runs\": %d, "
           "\"parse_validate_ms\": %.1f, \"store_apply_ms\": %.1f, "
           "\"total_ms\": %.1f, \"category_page_ms\": %.2f, "
           "\"category_open_now_page_ms\": %.2f}\n",
           n, len, runs, bench_median(parse, runs), bench_median(apply, runs),
           bench_median(total, runs), bench_median(page, runs),
           bench_median(open_page, runs));
    store_close(st);
    free(text);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : 1;
}
