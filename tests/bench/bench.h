/*
 * bench.h - what the benchmark programs share: a monotonic clock in ms
 * and thread CPU time in ms, and a percentile of a sample. Header-only, like
 * tests/ui/fixture.h.
 */
#ifndef LINLI_BENCH_H
#define LINLI_BENCH_H

#include <stdlib.h>
#include <time.h>

static inline double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of the calling thread in ms: steadier than the wall clock on a
 * machine shared with other work. */
static inline double bench_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The pct-th percentile of v[0..n) (n > 0); sorts v. */
static inline double bench_percentile(double *v, int n, int pct)
{
    qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
    return v[(size_t)n * (size_t)pct / 100 < (size_t)n
                 ? (size_t)n * (size_t)pct / 100
                 : (size_t)n - 1];
}

/* The median of v[0..n) (n > 0); sorts v. */
static inline double bench_median(double *v, int n)
{
    return bench_percentile(v, n, 50);
}

#endif
