/*
 * test_buf.c - buf.h: appends succeed whole or leave the buffer as it was,
 * the cap holds to the byte, take hands the memory over, files read in
 * whole or fail with the right code; and err_str() names every code.
 */
#include "testutil.h"

#include "buf.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_append_puts_printf(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1024);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.max, 1024);

    assert_int_equal(buf_append(&b, "abc", 3), 0);
    assert_int_equal(b.len, 3);
    assert_string_equal(b.data, "abc");
    assert_int_equal(buf_puts(&b, "-def"), 0);
    assert_string_equal(b.data, "abc-def");
    assert_int_equal(buf_printf(&b, "|%d|%s|%03x", 42, "x", 10), 0);
    assert_string_equal(b.data, "abc-def|42|x|00a");
    assert_int_equal(b.len, strlen("abc-def|42|x|00a"));

    /* binary data with a NUL inside keeps its length */
    assert_int_equal(buf_append(&b, "\0z", 2), 0);
    assert_int_equal(b.len, 18);
    assert_memory_equal(b.data + 16, "\0z", 3);

    /* empty appends succeed and change nothing */
    assert_int_equal(buf_append(&b, "", 0), 0);
    assert_int_equal(buf_puts(&b, ""), 0);
    assert_int_equal(b.len, 18);
    buf_release(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.max, 1024);
}

static void test_growth(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 20);
    char line[64];
    for (int i = 0; i < 10000; i++) {
        snprintf(line, sizeof line, "%d,", i);
        assert_int_equal(buf_puts(&b, line), 0);
    }
    assert_true(b.cap > b.len);
    assert_int_equal(b.data[b.len], '\0');
    assert_int_equal(strncmp(b.data, "0,1,2,", 6), 0);
    assert_non_null(strstr(b.data, ",9999,"));
    buf_release(&b);
}

static void test_cap_exact(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 10);
    assert_int_equal(buf_append(&b, "01234", 5), 0);
    assert_int_equal(buf_append(&b, "56789", 5), 0);
    assert_int_equal(b.len, 10);
    assert_string_equal(b.data, "0123456789");

    /* one byte more is refused and the buffer stays as it was */
    assert_int_equal(buf_append(&b, "x", 1), ERR_TOO_BIG);
    assert_int_equal(b.len, 10);
    assert_string_equal(b.data, "0123456789");
    assert_int_equal(buf_puts(&b, "y"), ERR_TOO_BIG);
    assert_int_equal(buf_printf(&b, "%c", 'z'), ERR_TOO_BIG);
    assert_string_equal(b.data, "0123456789");
    /* nothing is still allowed at the cap */
    assert_int_equal(buf_append(&b, "", 0), 0);
    buf_release(&b);

    /* a single append larger than the cap, on an empty buffer */
    buf_init(&b, 4);
    assert_int_equal(buf_append(&b, "abcde", 5), ERR_TOO_BIG);
    assert_int_equal(b.len, 0);
    assert_int_equal(buf_append(&b, "abcd", 4), 0);
    assert_string_equal(b.data, "abcd");
    buf_release(&b);

    /* a huge n must not wrap around the cap check */
    buf_init(&b, 16);
    assert_int_equal(buf_append(&b, "ab", 2), 0);
    assert_int_equal(buf_append(&b, "", (size_t)-1), ERR_TOO_BIG);
    assert_int_equal(buf_append(&b, "", (size_t)-1 - 1), ERR_TOO_BIG);
    assert_string_equal(b.data, "ab");
    buf_release(&b);

    /* max 0: only empty appends */
    buf_init(&b, 0);
    assert_int_equal(buf_append(&b, "a", 1), ERR_TOO_BIG);
    assert_int_equal(b.len, 0);
    buf_release(&b);
}

static void test_printf_over_cap(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 12);
    /* 5 + 7 bytes: exactly the cap */
    assert_int_equal(buf_puts(&b, "hello"), 0);
    assert_int_equal(buf_printf(&b, " %s", "world!"), 0);
    assert_int_equal(b.len, 12);
    assert_string_equal(b.data, "hello world!");
    buf_clear(&b);
    /* 5 + 8 bytes: one over, and the buffer keeps "hello" */
    assert_int_equal(buf_puts(&b, "hello"), 0);
    assert_int_equal(buf_printf(&b, ", %s", "world!"), ERR_TOO_BIG);
    assert_int_equal(b.len, 5);
    assert_string_equal(b.data, "hello");
    /* an empty format on an empty buffer gives "" */
    buf_release(&b);
    assert_int_equal(buf_printf(&b, "%s", ""), 0);
    assert_non_null(b.data);
    assert_string_equal(b.data, "");
    buf_release(&b);
}

static void test_take(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 100);
    assert_int_equal(buf_puts(&b, "owned"), 0);
    size_t len = 0;
    char *p = buf_take(&b, &len);
    assert_string_equal(p, "owned");
    assert_int_equal(len, 5);
    /* the buffer is reset and can be used again */
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    assert_int_equal(b.max, 100);
    assert_int_equal(buf_puts(&b, "again"), 0);
    assert_string_equal(b.data, "again");
    assert_true(b.data != p);
    free(p);
    buf_release(&b);

    /* take on an empty buffer gives "", never NULL */
    buf_init(&b, 100);
    len = 99;
    p = buf_take(&b, &len);
    assert_non_null(p);
    assert_string_equal(p, "");
    assert_int_equal(len, 0);
    free(p);
    p = buf_take(&b, NULL);
    assert_non_null(p);
    assert_string_equal(p, "");
    free(p);
}

static void test_clear_keeps_memory(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1000);
    assert_int_equal(buf_puts(&b, "some text to keep memory for"), 0);
    char *data = b.data;
    size_t cap = b.cap;
    buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_ptr_equal(b.data, data);
    assert_int_equal(b.cap, cap);
    assert_string_equal(b.data, "");
    assert_int_equal(buf_puts(&b, "short"), 0);
    assert_ptr_equal(b.data, data);
    assert_string_equal(b.data, "short");
    buf_release(&b);

    /* clear on a buffer that never allocated is harmless */
    buf_init(&b, 10);
    buf_clear(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
}

static char *write_temp(const char *dir, const char *name, const void *p,
                        size_t n)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    assert_non_null(path);
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
    return path;
}

static void test_read_file_ok(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    /* bigger than buf_read_file's read chunk, with NULs inside */
    size_t n = 40000;
    char *content = malloc(n);
    assert_non_null(content);
    for (size_t i = 0; i < n; i++)
        content[i] = (char)(i * 7 % 251);
    char *path = write_temp(dir, "data.bin", content, n);

    struct buf b;
    buf_init(&b, n);
    assert_int_equal(buf_read_file(&b, path), 0);
    assert_int_equal(b.len, n);
    assert_memory_equal(b.data, content, n);
    assert_int_equal(b.data[n], '\0');
    buf_release(&b);

    /* appends after what is already there */
    buf_init(&b, 100);
    char *small = write_temp(dir, "small.txt", "world\n", 6);
    assert_int_equal(buf_puts(&b, "hello "), 0);
    assert_int_equal(buf_read_file(&b, small), 0);
    assert_string_equal(b.data, "hello world\n");
    buf_release(&b);

    /* an empty file reads as nothing */
    char *empty = write_temp(dir, "empty.txt", "", 0);
    buf_init(&b, 100);
    assert_int_equal(buf_read_file(&b, empty), 0);
    assert_int_equal(b.len, 0);
    buf_release(&b);

    free(empty);
    free(small);
    free(path);
    free(content);
    test_rmtree(dir);
    free(dir);
}

static void test_read_file_errors(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    struct buf b;

    buf_init(&b, 100);
    size_t len = strlen(dir) + 32;
    char *missing = malloc(len);
    assert_non_null(missing);
    snprintf(missing, len, "%s/no-such-file", dir);
    assert_int_equal(buf_read_file(&b, missing), ERR_IO);
    assert_int_equal(b.len, 0);
    buf_release(&b);

    /* one byte over the cap, small and past the read chunk */
    char *small = write_temp(dir, "eleven.txt", "0123456789a", 11);
    buf_init(&b, 10);
    assert_int_equal(buf_read_file(&b, small), ERR_TOO_BIG);
    assert_true(b.len <= 10);
    buf_release(&b);
    buf_init(&b, 11);
    assert_int_equal(buf_read_file(&b, small), 0);
    assert_string_equal(b.data, "0123456789a");
    buf_release(&b);

    size_t n = 50001;
    char *content = calloc(1, n);
    assert_non_null(content);
    char *big = write_temp(dir, "big.bin", content, n);
    buf_init(&b, n - 1);
    assert_int_equal(buf_read_file(&b, big), ERR_TOO_BIG);
    assert_true(b.len <= n - 1);
    buf_release(&b);

    free(big);
    free(content);
    free(small);
    free(missing);
    test_rmtree(dir);
    free(dir);
}

static void test_err_str(void **state)
{
    (void)state;
    const char *seen[13];
    int n = 0;
    for (int code = ERR_OK; code >= ERR_ARG; code--) {
        const char *s = err_str(code);
        assert_non_null(s);
        assert_true(s[0] != '\0');
        if (strcmp(s, "unknown error") == 0)
            fail_msg("code %d has no phrase", code);
        for (int i = 0; i < n; i++)
            if (strcmp(seen[i], s) == 0)
                fail_msg("codes %d and %d share \"%s\"", -i, code, s);
        seen[n++] = s;
    }
    assert_int_equal(n, 13);
    assert_string_equal(err_str(99), "unknown error");
    assert_string_equal(err_str(ERR_ARG - 1), "unknown error");
    assert_string_equal(err_str(1), "unknown error");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_append_puts_printf),
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_cap_exact),
        cmocka_unit_test(test_printf_over_cap),
        cmocka_unit_test(test_take),
        cmocka_unit_test(test_clear_keeps_memory),
        cmocka_unit_test(test_read_file_ok),
        cmocka_unit_test(test_read_file_errors),
        cmocka_unit_test(test_err_str),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
