/*
 * test_printer.c - the print job over the fake transport (ready, paper
 * out before and during a receipt, cover open, missing, no status) and
 * over the Linux transport on a plain file and a missing device.
 */
#include "testutil.h"

#include "printer.h"
#include "printer_fake.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct receipt_item items[] = {
    {.kind = RECEIPT_TEXT, .text = "邻里 Linli", .bold = true},
    {.kind = RECEIPT_QR, .text = "LINLI:BOOK:ABC123"},
    {.kind = RECEIPT_FEED, .lines = 4},
};
static const struct receipt slip = {items, 3, true};

static size_t encoded_len(void)
{
    unsigned char *b;
    size_t n;
    assert_int_equal(escpos_encode(&slip, &b, &n), 0);
    free(b);
    return n;
}

static void prints_whole_receipt(void **state)
{
    struct printer_fake f;
    printer_fake_init(&f);
    struct printer p = printer_fake_printer(&f);
    assert_int_equal(printer_query(&p, 10), PRINTER_READY);
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_READY);
    assert_int_equal(f.len, encoded_len());
    assert_true(f.queries >= 4); /* before and after */
    printer_close(&p);
    assert_int_equal(f.closes, 1);
    printer_fake_release(&f);
}

static void paper_out_mid_receipt(void **state)
{
    struct printer_fake f;
    printer_fake_init(&f);
    f.paper_after = 20;
    struct printer p = printer_fake_printer(&f);
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_PAPER_OUT);
    assert_int_equal(f.len, 20);
    /* the next job is refused before a byte is written */
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_PAPER_OUT);
    assert_int_equal(f.len, 20);
    printer_fake_release(&f);
}

static void faults_refuse_up_front(void **state)
{
    struct printer_fake f;
    printer_fake_init(&f);
    f.cover_open = true;
    struct printer p = printer_fake_printer(&f);
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_COVER_OPEN);
    assert_int_equal(f.len, 0);
    f.cover_open = false;
    f.missing = true;
    assert_int_equal(printer_query(&p, 10), PRINTER_MISSING);
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_MISSING);
    assert_int_equal(f.len, 0);
    printer_fake_release(&f);
}

static void no_status_still_prints(void **state)
{
    struct printer_fake f;
    printer_fake_init(&f);
    f.no_status = true;
    struct printer p = printer_fake_printer(&f);
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_UNKNOWN);
    assert_int_equal(f.len, encoded_len());
    /* a silent printer that stops taking bytes is a failed job */
    f.paper_after = (long)f.len + 10;
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_FAILED);
    printer_fake_release(&f);
}

static void encoding_error_is_reported(void **state)
{
    struct printer_fake f;
    printer_fake_init(&f);
    struct printer p = printer_fake_printer(&f);
    struct receipt_item bad = {.kind = RECEIPT_TEXT, .text = "\xFF"};
    struct receipt r = {&bad, 1, false};
    int enc = 0;
    assert_int_equal(printer_print(&p, &r, &enc), PRINTER_FAILED);
    assert_int_equal(enc, -EILSEQ);
    assert_int_equal(f.len, 0);
    printer_fake_release(&f);
}

static void linux_transport_on_a_file(void **state)
{
    char *dir = test_tmpdir();
    char path[512], err[256];
    snprintf(path, sizeof(path), "%s/lp0", dir);
    FILE *touch = fopen(path, "w");
    assert_non_null(touch);
    fclose(touch);
    struct printer p;
    assert_int_equal(printer_open(path, 0, &p, err, sizeof(err)), 0);
    /* a file answers no status: printed, status unknown */
    assert_int_equal(printer_print(&p, &slip, NULL), PRINTER_UNKNOWN);
    printer_close(&p);
    size_t len;
    char *bytes = test_read_file(path, &len);
    /* the receipt and a DLE EOT 2 before and after it (unanswered, so no
     * DLE EOT 4) */
    assert_int_equal(len, encoded_len() + 6);
    assert_memory_equal(bytes, escpos_query_offline, 3);
    free(bytes);

    snprintf(path, sizeof(path), "%s/missing", dir);
    assert_int_equal(printer_open(path, 0, &p, err, sizeof(err)), -ENOENT);
    assert_non_null(strstr(err, "cannot open"));
    assert_true(printer_spec_is_serial("serial:/dev/ttyS0"));
    assert_int_equal(
        printer_open("serial:/dev/null", 12345, &p, err, sizeof(err)), -EINVAL);
    assert_int_equal(
        printer_open("serial:/dev/null", 9600, &p, err, sizeof(err)), -ENOTTY);
    test_rmtree(dir);
    free(dir);
}

static void port_status_lines(void **state)
{
    assert_int_equal(printer_port_status_decode(-ENOTTY), PRINTER_UNKNOWN);
    assert_int_equal(printer_port_status_decode(0x18), PRINTER_READY);
    assert_int_equal(printer_port_status_decode(0x38), PRINTER_PAPER_OUT);
    assert_int_equal(printer_port_status_decode(0x08), PRINTER_OFFLINE);
    assert_int_equal(printer_port_status_decode(0x10), PRINTER_OFFLINE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_whole_receipt),
        cmocka_unit_test(paper_out_mid_receipt),
        cmocka_unit_test(faults_refuse_up_front),
        cmocka_unit_test(no_status_still_prints),
        cmocka_unit_test(encoding_error_is_reported),
        cmocka_unit_test(linux_transport_on_a_file),
        cmocka_unit_test(port_status_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
