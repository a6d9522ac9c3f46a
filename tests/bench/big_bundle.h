/*
 * big_bundle.h - a large bundle for benchmarks: the demo community with
 * its services repeated (ids bench-N, coordinates shifted a little) to n.
 * Exits the program if the demo template cannot be read; bench.h has
 * the clocks and percentiles.
 */
#ifndef LINLI_BIG_BUNDLE_H
#define LINLI_BIG_BUNDLE_H

#include <stddef.h>

/* A heap JSON text (length in *len) of a bundle with n services. */
char *big_bundle(const char *assets, int n, size_t *len);

/* The arguments every benchmark here takes, ASSETS_DIR [SERVICES] [RUNS]:
 * *n (default 10 000) and *runs (1-50, default 5). Exits with the usage
 * line of name when ASSETS_DIR is missing. */
void bench_args(int argc, char **argv, const char *name, int *n, int *runs);

#endif
