/*
 * bench_search.c - what a keypress on the search screen costs on a big
 * cache: the demo bundle grown to N services with generated names
 * (place + road + kind, as a district's directory reads), then, for each letter
 * of a few queries typed one at a time, the time search_run() takes for a page
 * of eight with the total (what the screen asks per frame). Also the names
 * alone through search_name(), without SQLite. One JSON object, ms, with
 * the CPU time beside the wall time, as the machine may be busy.
 *
 * usage: bench_search ASSETS_DIR [SERVICES] [RUNS]
 */
#include "bench.h"
#include "buf.h"
#include "bundle.h"
#include "demo.h"
#include "search.h"
#include "store.h"
#include "utf8.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Places, roads and kinds the names are made of, zh and en. */
static const char *const places[][2] = {
    {"曹杨", "Caoyang"},   {"兰溪", "Lanxi"},     {"杏山", "Xingshan"},
    {"梅岭", "Meiling"},   {"花溪", "Huaxi"},     {"枣阳", "Zaoyang"},
    {"桐柏", "Tongbai"},   {"长寿", "Changshou"}, {"真如", "Zhenru"},
    {"宜川", "Yichuan"},   {"甘泉", "Ganquan"},   {"石泉", "Shiquan"},
    {"长风", "Changfeng"}, {"万里", "Wanli"},     {"桃浦", "Taopu"},
    {"行知", "Xingzhi"},
};
static const char *const kinds[][2] = {
    {"卫生服务站", "Health Station"},
    {"药房", "Pharmacy"},
    {"便利店", "Convenience Store"},
    {"菜场", "Food Market"},
    {"长者食堂", "Seniors' Canteen"},
    {"居民区综合服务站", "Residents' Station"},
    {"幼儿园", "Kindergarten"},
    {"理发店", "Barber"},
    {"快递驿站", "Parcel Station"},
    {"公共厕所", "Public Toilet"},
    {"银行网点", "Bank Branch"},
    {"家电维修部", "Appliance Repair"},
};

/* The demo bundle with generated services added up to n. */
static char *bundle_of(const char *assets, int n, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/demo/community.json", assets);
    struct buf in;
    buf_init(&in, BUNDLE_MAX_BYTES);
    char *demo;
    size_t demo_len;
    if (buf_read_file(&in, path) ||
        demo_bundle_make(in.data, in.len, (int64_t)time(NULL), &demo, &demo_len,
                         NULL, 0)) {
        fprintf(stderr, "bench_search: cannot read %s\n", path);
        exit(1);
    }
    buf_release(&in);
    json_t *root = json_loads(demo, 0, NULL);
    free(demo);
    json_t *svcs = json_object_get(root, "services");
    json_t *proto = json_deep_copy(json_array_get(svcs, 0));
    size_t np = sizeof places / sizeof places[0];
    size_t nk = sizeof kinds / sizeof kinds[0];
    for (int i = (int)json_array_size(svcs); i < n; i++) {
        const char *const *p = places[(size_t)i % np];
        const char *const *r = places[(size_t)(i / 7) % np];
        const char *const *k = kinds[(size_t)(i / 3) % nk];
        char zh[NAME_MAX_BYTES], en[NAME_MAX_BYTES], id[32];
        snprintf(zh, sizeof zh, "%s%s路%s%d", p[0], r[0], k[0], i % 97);
        snprintf(en, sizeof en, "%s %s Road %s %d", p[1], r[1], k[1], i % 97);
        snprintf(id, sizeof id, "bench-%d", i);
        json_t *c = json_deep_copy(proto);
        json_object_set_new(c, "id", json_string(id));
        json_object_set_new(c, "name",
                            json_pack("{s:s, s:s}", "zh", zh, "en", en));
        double d = ((i * 7919) % 200 - 100) * 0.00003;
        json_object_set_new(c, "lat", json_real(31.24 + d));
        json_object_set_new(c, "lon", json_real(121.42 - d));
        json_array_append_new(svcs, c);
    }
    json_decref(proto);
    char *out = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    *len = strlen(out);
    return out;
}

/* Types query a letter at a time, runs times; returns the p50 and p99
 * of one keypress over all of them, and the last total. */
static void keypresses(struct store *st, const char *query, unsigned langs,
                       int runs, double *p50, double *p99, double *cpu50,
                       int *total)
{
    double t[64 * 50], cpu[64 * 50];
    int k = 0;
    size_t len = strlen(query);
    for (int r = 0; r < runs; r++) {
        for (size_t end = 0; end < len;) {
            /* one more whole character */
            uint32_t cp;
            size_t l = utf8_decode(query + end, len - end, &cp);
            end += l ? l : 1;
            char part[SEARCH_QUERY_MAX + 1];
            snprintf(part, sizeof part, "%.*s", (int)end, query);
            struct search_query q;
            struct search_hit hits[8];
            int n;
            if (search_query_parse(part, langs, &q))
                exit(1);
            double t0 = bench_now_ms(), c0 = bench_cpu_ms();
            if (search_run(st, &q, 0, hits, 8, &n, total))
                exit(1);
            cpu[k] = bench_cpu_ms() - c0;
            t[k++] = bench_now_ms() - t0;
        }
    }
    *p50 = bench_percentile(t, k, 50);
    *cpu50 = bench_percentile(cpu, k, 50);
    *p99 = bench_percentile(t, k, 99);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: bench_search ASSETS_DIR [SERVICES] [RUNS]\n", stderr);
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 10000;
    int runs = argc > 3 ? atoi(argv[3]) : 20;
    if (n < 1 || n > MAX_SERVICES)
        n = 10000;
    if (runs < 1 || runs > 50)
        runs = 20;
    size_t len;
    char *text = bundle_of(argv[1], n, &len);
    struct store *st;
    struct bundle *b;
    char err[256];
    err[0] = '\0';
    if (store_open(":memory:", &st, NULL, 0) ||
        bundle_parse(text, len, &b, err, sizeof err) ||
        store_apply_bundle(st, b, (int64_t)time(NULL) * 1000)) {
        fprintf(stderr, "bench_search: cannot load the bundle: %s\n", err);
        return 1;
    }

    static const struct {
        const char *query;
        unsigned langs;
    } cases[] = {
        {"wsfwz", 1u << LANG_ZH},
        {"xzlcz", 1u << LANG_ZH}, /* 行知路长者..., both polyphonic */
        {"卫生服务", 1u << LANG_ZH},
        {"hsp", 1u << LANG_EN},
        {"pharmacy", 1u << LANG_EN},
    };
    printf("{\"services\": %d, \"runs\": %d, \"keypress_ms\": {", n, runs);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        double p50, p99, cpu50;
        int total;
        keypresses(st, cases[c].query, cases[c].langs, runs, &p50, &p99, &cpu50,
                   &total);
        printf("%s\"%s\": {\"p50\": %.2f, \"p99\": %.2f, "
               "\"cpu_p50\": %.2f, \"matches\": %d}",
               c ? ", " : "", cases[c].query, p50, p99, cpu50, total);
    }

    /* the matching alone: every zh and en name once */
    struct search_query q;
    search_query_parse("wsfwz", 3, &q);
    double t0 = bench_now_ms();
    int hits = 0;
    for (int r = 0; r < runs; r++)
        for (int i = 0; i < b->n_services; i++)
            hits += search_name(&q, b->services[i].name.zh) != SEARCH_NONE ||
                    search_name(&q, b->services[i].name.en) != SEARCH_NONE;
    double names = (bench_now_ms() - t0) / runs;
    printf("}, \"match_names_only_ms\": %.2f, \"names_matched\": %d}\n", names,
           hits / runs);
    bundle_free(b);
    store_close(st);
    free(text);
    return 0;
}
