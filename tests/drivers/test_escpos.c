/*
 * test_escpos.c - the ESC/POS encoder byte for byte: init, Chinese text in
 * GB18030 inside FS & / FS ., bold and double size, alignment, the GS ( k
 * QR sequence, feed and cut; bad input; the DLE EOT status decoder.
 */
#define _GNU_SOURCE /* memmem */
#include "testutil.h"

#include "escpos.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BYTES(...) ((const unsigned char[]){__VA_ARGS__})

/* The reset every receipt ends with, before the cut. */
#define TAIL 0x1B, 'a', 0, 0x1B, 'E', 0, 0x1D, '!', 0

static void expect(const struct receipt *r, const unsigned char *want, size_t n)
{
    unsigned char *got;
    size_t len;
    assert_int_equal(escpos_encode(r, &got, &len), 0);
    if (len != n || memcmp(got, want, n) != 0) {
        for (size_t i = 0; i < len; i++)
            fprintf(stderr, "%02X%s", got[i], i + 1 < len ? " " : "\n");
        fail_msg("encoded %zu bytes, expected %zu", len, n);
    }
    free(got);
}

static void plain_ascii_left(void **state)
{
    struct receipt_item it = {.kind = RECEIPT_TEXT, .text = "Code 7K3QX2"};
    struct receipt r = {&it, 1, false};
    const unsigned char want[] = {
        0x1B, '@', 0x1B, 'a', 0,   0x1B, 'E', 0,   0x1D, '!', 0,   0x1C, '!', 0,
        'C',  'o', 'd',  'e', ' ', '7',  'K', '3', 'Q',  'X', '2', '\n', TAIL};
    expect(&r, want, sizeof(want));
}

static void chinese_bold_double_centered(void **state)
{
    struct receipt_item it = {.kind = RECEIPT_TEXT,
                              .text = "邻里预约",
                              .align = ESCPOS_CENTER,
                              .bold = true,
                              .width = 2,
                              .height = 2};
    struct receipt r = {&it, 1, true};
    const unsigned char want[] = {
        0x1B, '@', 0x1B, 'a', 1, 0x1B, 'E', 1, 0x1D, '!', 0x11, 0x1C, '!', 0x0C,
        /* FS &, 邻里预约 in GB18030, FS . */
        0x1C, '&', 0xC1, 0xDA, 0xC0, 0xEF, 0xD4, 0xA4, 0xD4, 0xBC, 0x1C, '.',
        '\n', TAIL, 0x1D, 'V', 65, 0};
    expect(&r, want, sizeof(want));
}

static void lines_split_and_four_byte_chars(void **state)
{
    /* right aligned, double height only; a line of ASCII stays outside
     * Chinese mode; an emoji (four GB18030 bytes) prints as '?' */
    struct receipt_item it = {.kind = RECEIPT_TEXT,
                              .text = "A\n里😀",
                              .align = ESCPOS_RIGHT,
                              .height = 2};
    struct receipt r = {&it, 1, false};
    const unsigned char want[] = {
        0x1B, '@', 0x1B, 'a',  2,   0x1B, 'E',  0,   0x1D, '!', 0x01, 0x1C, '!',
        0x08, 'A', '\n', 0x1C, '&', 0xC0, 0xEF, '?', 0x1C, '.', '\n', TAIL};
    expect(&r, want, sizeof(want));
}

static void qr_code_and_feed(void **state)
{
    struct receipt_item it[] = {
        {.kind = RECEIPT_QR,
         .text = "LINLI:BOOK:ABC123",
         .align = ESCPOS_CENTER,
         .module = 8,
         .ecc = ESCPOS_QR_Q},
        {.kind = RECEIPT_FEED, .lines = 3},
    };
    struct receipt r = {it, 2, true};
    const unsigned char want[] = {0x1B, '@', 0x1B, 'a', 1,
                                  /* fn 65: model 2 */
                                  0x1D, '(', 'k', 4, 0, 49, 65, '2', 0,
                                  /* fn 67: module size 8 */
                                  0x1D, '(', 'k', 3, 0, 49, 67, 8,
                                  /* fn 69: error correction Q (50) */
                                  0x1D, '(', 'k', 3, 0, 49, 69, 50,
                                  /* fn 80: store 17 bytes (pL = 17 + 3) */
                                  0x1D, '(', 'k', 20, 0, 49, 80, '0', 'L', 'I',
                                  'N', 'L', 'I', ':', 'B', 'O', 'O', 'K', ':',
                                  'A', 'B', 'C', '1', '2', '3',
                                  /* fn 81: print */
                                  0x1D, '(', 'k', 3, 0, 49, 81, '0', '\n',
                                  /* ESC d 3 */
                                  0x1B, 'd', 3, TAIL, 0x1D, 'V', 65, 0};
    expect(&r, want, sizeof(want));
}

static void qr_defaults(void **state)
{
    struct receipt_item it = {.kind = RECEIPT_QR, .text = "x"};
    struct receipt r = {&it, 1, false};
    unsigned char *got;
    size_t len;
    assert_int_equal(escpos_encode(&r, &got, &len), 0);
    /* module 6, ecc M (49) */
    assert_non_null(
        memmem(got, len, BYTES(0x1D, '(', 'k', 3, 0, 49, 67, 6), 8));
    assert_non_null(
        memmem(got, len, BYTES(0x1D, '(', 'k', 3, 0, 49, 69, 49), 8));
    free(got);
}

static void long_qr_length_bytes(void **state)
{
    char data[301];
    memset(data, 'a', 300);
    data[300] = '\0';
    struct receipt_item it = {.kind = RECEIPT_QR, .text = data};
    struct receipt r = {&it, 1, false};
    unsigned char *got;
    size_t len;
    assert_int_equal(escpos_encode(&r, &got, &len), 0);
    /* 303 = 0x012F: pL 0x2F, pH 0x01 */
    assert_non_null(
        memmem(got, len, BYTES(0x1D, '(', 'k', 0x2F, 0x01, 49, 80, '0'), 8));
    free(got);
}

static void bad_input_is_refused(void **state)
{
    unsigned char *got = NULL;
    size_t len;
    struct receipt_item bad_utf8 = {.kind = RECEIPT_TEXT, .text = "\xE9\x82"};
    struct receipt r = {&bad_utf8, 1, false};
    assert_int_equal(escpos_encode(&r, &got, &len), -EILSEQ);
    struct receipt_item big = {.kind = RECEIPT_TEXT, .text = "x", .width = 9};
    r.items = &big;
    assert_int_equal(escpos_encode(&r, &got, &len), -EINVAL);
    struct receipt_item empty_qr = {.kind = RECEIPT_QR, .text = ""};
    r.items = &empty_qr;
    assert_int_equal(escpos_encode(&r, &got, &len), -EINVAL);
    struct receipt_item feed = {.kind = RECEIPT_FEED, .lines = 0};
    r.items = &feed;
    assert_int_equal(escpos_encode(&r, &got, &len), -EINVAL);
    assert_null(got);

    /* past the cap */
    char *huge = malloc(ESCPOS_MAX_BYTES + 1);
    memset(huge, 'a', ESCPOS_MAX_BYTES);
    huge[ESCPOS_MAX_BYTES] = '\0';
    struct receipt_item h = {.kind = RECEIPT_TEXT, .text = huge};
    r.items = &h;
    assert_int_equal(escpos_encode(&r, &got, &len), -E2BIG);
    free(huge);
}

static void status_decoding(void **state)
{
    assert_int_equal(escpos_status_decode(0x12, 0x12), PRINTER_READY);
    assert_int_equal(escpos_status_decode(-1, -1), PRINTER_UNKNOWN);
    /* garbage is no answer */
    assert_int_equal(escpos_status_decode(0xFF, 0x00), PRINTER_UNKNOWN);
    assert_int_equal(escpos_status_decode(0x12, 0x72), PRINTER_PAPER_OUT);
    assert_int_equal(escpos_status_decode(0x32, -1), PRINTER_PAPER_OUT);
    assert_int_equal(escpos_status_decode(0x16, 0x12), PRINTER_COVER_OPEN);
    assert_int_equal(escpos_status_decode(0x52, 0x12), PRINTER_OFFLINE);
    /* near end (bits 2-3) still prints */
    assert_int_equal(escpos_status_decode(0x12, 0x1E), PRINTER_READY);
    assert_string_equal(printer_status_str(PRINTER_PAPER_OUT), "out of paper");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_ascii_left),
        cmocka_unit_test(chinese_bold_double_centered),
        cmocka_unit_test(lines_split_and_four_byte_chars),
        cmocka_unit_test(qr_code_and_feed),
        cmocka_unit_test(qr_defaults),
        cmocka_unit_test(long_qr_length_bytes),
        cmocka_unit_test(bad_input_is_refused),
        cmocka_unit_test(status_decoding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
