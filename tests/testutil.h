/*
 * testutil.h - small helpers shared by the cmocka tests.
 *
 * Every test includes this instead of the cmocka preamble. Paths to the
 * source tree's assets/ and tests/data/ are compiled in.
 */
#ifndef LINLI_TESTUTIL_H
#define LINLI_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Reads a whole file into a NUL-terminated heap string; fails the test if
 * it cannot. */
char *test_read_file(const char *path, size_t *len_out);

/* A fresh empty temporary directory; fails the test if it cannot. The
 * caller frees the string; test_rmtree() removes the folder. */
char *test_tmpdir(void);
void test_rmtree(const char *path);

/* The first column of the first row of sql on the SQLite file at path, or
 * -1 if there is no row: for checking what the store wrote. */
int test_sql_int(const char *path, const char *sql);

/* Unix seconds of a Shanghai wall time (UTC+8). */
int64_t test_sh_time(int y, int mo, int d, int h, int mi);

struct store;
/* An in-memory cache holding the demo community as generated for now_ms
 * (assets/demo/community.json); fails the test if it cannot. */
struct store *test_demo_store(int64_t now_ms);

#endif
