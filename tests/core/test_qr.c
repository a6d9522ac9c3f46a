/*
 * test_qr.c - text to QR modules: valid symbol sizes, the three finder
 * patterns where a scanner looks for them, UTF-8 text, argument and size
 * errors, and the same bitmap for the same text.
 */
#include "testutil.h"

#include "err.h"
#include "qr.h"

#include <stdlib.h>
#include <string.h>

static void assert_valid_size(int size)
{
    assert_true(size >= 21 && size <= 177);
    assert_int_equal((size - 21) % 4, 0);
}

/* The 7x7 finder pattern with its top-left module at (x0, y0): a dark
 * ring, a light ring, a dark 3x3 core. */
static void assert_finder(const struct qr *qr, int x0, int y0)
{
    for (int y = 0; y < 7; y++) {
        for (int x = 0; x < 7; x++) {
            bool ring = x == 0 || x == 6 || y == 0 || y == 6;
            bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (qr_dark(qr, x0 + x, y0 + y) != (ring || core))
                fail_msg("finder at (%d,%d): module (%d,%d) should be %s",
                         x0, y0, x, y, ring || core ? "dark" : "light");
        }
    }
}

static void assert_symbol(const struct qr *qr)
{
    assert_valid_size(qr->size);
    assert_non_null(qr->modules);
    int n = qr->size;
    assert_finder(qr, 0, 0);
    assert_finder(qr, n - 7, 0);
    assert_finder(qr, 0, n - 7);
    /* The separator next to the top-left finder is light. */
    for (int i = 0; i < 8; i++) {
        assert_false(qr_dark(qr, 7, i));
        assert_false(qr_dark(qr, i, 7));
    }
    /* The timing pattern alternates along row 6, dark on even columns. */
    for (int x = 8; x < n - 8; x++)
        assert_int_equal(qr_dark(qr, x, 6), x % 2 == 0);
    /* Only 0 and 1: the encoder's other flag bits are stripped. */
    for (int i = 0; i < n * n; i++)
        assert_true(qr->modules[i] <= 1);
    /* Outside the symbol is light (the quiet zone is the UI's job). */
    assert_false(qr_dark(qr, -1, 0));
    assert_false(qr_dark(qr, 0, n));
}

static void test_url(void **state)
{
    struct qr qr;
    assert_int_equal(qr_encode("https://linli.example/s/health-station-01",
                               &qr),
                     0);
    assert_symbol(&qr);
    qr_release(&qr);
    assert_null(qr.modules);
    assert_int_equal(qr.size, 0);
    qr_release(&qr); /* twice is harmless */
}

static void test_short_text_is_version_1(void **state)
{
    struct qr qr;
    assert_int_equal(qr_encode("A1", &qr), 0);
    assert_int_equal(qr.size, 21);
    assert_symbol(&qr);
    qr_release(&qr);
}

static void test_chinese(void **state)
{
    const char *text = "上海市长宁区社区卫生服务中心 电话 021-12345678";
    struct qr zh, url;
    assert_int_equal(qr_encode(text, &zh), 0);
    assert_symbol(&zh);
    assert_int_equal(qr_encode("https://linli.example/", &url), 0);
    assert_true(zh.size != url.size ||
                memcmp(zh.modules, url.modules,
                       (size_t)zh.size * (size_t)zh.size) != 0);
    qr_release(&zh);
    qr_release(&url);
}

static void test_empty_and_null(void **state)
{
    struct qr qr = {.size = 7, .modules = (uint8_t *)&qr};
    assert_int_equal(qr_encode("", &qr), ERR_ARG);
    assert_int_equal(qr_encode(NULL, &qr), ERR_ARG);
    assert_int_equal(qr_encode("x", NULL), ERR_ARG);
    /* *out written only on success */
    assert_int_equal(qr.size, 7);
    assert_ptr_equal(qr.modules, (uint8_t *)&qr);
}

static void test_too_big(void **state)
{
    char *text = malloc(QR_MAX_TEXT + 2);
    assert_non_null(text);
    memset(text, 'a', QR_MAX_TEXT + 1);
    text[QR_MAX_TEXT + 1] = '\0';

    struct qr qr = {.size = 7, .modules = NULL};
    assert_int_equal(qr_encode(text, &qr), ERR_TOO_BIG);
    assert_int_equal(qr.size, 7);

    /* exactly at the cap still fits a version 40-M symbol */
    text[QR_MAX_TEXT] = '\0';
    assert_int_equal(qr_encode(text, &qr), 0);
    assert_symbol(&qr);
    qr_release(&qr);
    free(text);
}

static void test_deterministic(void **state)
{
    const char *text = "https://linli.example/b/LL-7Q3K";
    struct qr a, b;
    assert_int_equal(qr_encode(text, &a), 0);
    assert_int_equal(qr_encode(text, &b), 0);
    assert_int_equal(a.size, b.size);
    assert_memory_equal(a.modules, b.modules, (size_t)a.size * a.size);
    qr_release(&a);
    qr_release(&b);
}

static void test_longer_text_grows(void **state)
{
    char text[401];
    memset(text, 'z', 400);
    text[400] = '\0';
    struct qr small, big;
    assert_int_equal(qr_encode("z", &small), 0);
    assert_int_equal(qr_encode(text, &big), 0);
    assert_true(big.size > small.size);
    assert_symbol(&big);
    qr_release(&small);
    qr_release(&big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_url),
        cmocka_unit_test(test_short_text_is_version_1),
        cmocka_unit_test(test_chinese),
        cmocka_unit_test(test_empty_and_null),
        cmocka_unit_test(test_too_big),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_longer_text_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
