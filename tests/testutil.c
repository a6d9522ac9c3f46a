/* testutil.c - helpers for the cmocka tests (see testutil.h). */
#define _GNU_SOURCE
#include "testutil.h"

#include "bundle.h"
#include "demo.h"
#include "store.h"

#include <sqlite3.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

char *test_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
    p[n] = '\0';
    fclose(f);
    if (len_out)
        *len_out = (size_t)n;
    return p;
}

char *test_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *path;
    if (asprintf(&path, "%s/linli-test-XXXXXX", base ? base : "/tmp") < 0)
        fail_msg("asprintf");
    if (!mkdtemp(path))
        fail_msg("cannot make a temporary folder");
    return path;
}

static int rm_entry(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void test_rmtree(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int64_t test_sh_time(int y, int mo, int d, int h, int mi)
{
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mo - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi};
    return (int64_t)timegm(&tm) - 8 * 3600;
}

int test_sql_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    int v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

struct store *test_demo_store(int64_t now_ms)
{
    char err[256];
    struct store *st;
    size_t len, json_len;
    char *json;
    struct bundle *b;
    assert_int_equal(store_open(":memory:", &st, err, sizeof(err)), 0);
    char *tmpl = test_read_file(LINLI_TEST_ASSETS "/demo/community.json",
                                &len);
    if (demo_bundle_make(tmpl, len, now_ms / 1000, &json, &json_len, err,
                         sizeof(err)) ||
        bundle_parse(json, json_len, &b, err, sizeof(err)))
        fail_msg("demo: %s", err);
    assert_int_equal(store_apply_bundle(st, b, now_ms), 0);
    bundle_free(b);
    free(json);
    free(tmpl);
    return st;
}
