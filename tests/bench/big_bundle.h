/*
 * big_bundle.h - a large bundle for benchmarks: the demo community with
 * its services repeated (ids bench-N, coordinates shifted a little) to n.
 * Exits the program if the demo template cannot be read. And the two
 * clocks-and-medians helpers every benchmark here needs.
 */
#ifndef LINLI_BIG_BUNDLE_H
#define LINLI_BIG_BUNDLE_H

#include <stddef.h>

/* A heap JSON text (length in *len) of a bundle with n services. */
char *big_bundle(const char *assets, int n, size_t *len);

/* Monotonic milliseconds. */
double bench_now_ms(void);
/* The median of v[0..n) (sorts v). */
double bench_median(double *v, int n);

#endif
