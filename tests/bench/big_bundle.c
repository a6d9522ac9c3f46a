/* big_bundle.c - the demo bundle grown to n services (big_bundle.h). */
#include "big_bundle.h"

#include "buf.h"
#include "bundle.h"
#include "demo.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The demo bundle with its services repeated to n. */
char *big_bundle(const char *assets, int n, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/demo/community.json", assets);
    struct buf in;
    buf_init(&in, BUNDLE_MAX_BYTES);
    if (buf_read_file(&in, path)) {
        fprintf(stderr, "bench_bundle: cannot read %s\n", path);
        exit(1);
    }
    char *demo;
    size_t demo_len;
    if (demo_bundle_make(in.data, in.len, (int64_t)time(NULL), &demo, &demo_len,
                         NULL, 0))
        exit(1);
    buf_release(&in);
    json_t *root = json_loads(demo, 0, NULL);
    free(demo);
    json_t *svcs = json_object_get(root, "services");
    size_t base = json_array_size(svcs);
    for (int i = (int)base; i < n; i++) {
        json_t *c = json_deep_copy(json_array_get(svcs, (size_t)i % base));
        char id[32];
        snprintf(id, sizeof id, "bench-%d", i);
        json_object_set_new(c, "id", json_string(id));
        double d = ((i * 7919) % 200 - 100) * 0.00003;
        json_object_set_new(
            c, "lat",
            json_real(json_number_value(json_object_get(c, "lat")) + d));
        json_object_set_new(
            c, "lon",
            json_real(json_number_value(json_object_get(c, "lon")) - d));
        json_array_append_new(svcs, c);
    }
    char *out = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    *len = strlen(out);
    return out;
}

double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}
