/*
 * printer.c - the print job over any transport (printer.h).
 */
#include "printer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The most one write call is given, so a 64 KiB receipt makes progress
 * visibly and a stall is noticed within one timeout. */
#define CHUNK 512

void printer_close(struct printer *p)
{
    if (p->ops && p->ops->close)
        p->ops->close(p->ctx);
    p->ops = NULL;
    p->ctx = NULL;
}

bool printer_spec_is_serial(const char *spec)
{
    return strncmp(spec, "serial:", 7) == 0;
}

/* One query's answer byte: -1 if none came, -2 if the device is gone. */
static int ask(struct printer *p, const unsigned char q[3], int timeout_ms)
{
    ssize_t n = p->ops->write(p->ctx, q, 3, timeout_ms);
    if (n == -ENODEV || n == -ENOENT || n == -ENXIO)
        return -2;
    if (n != 3 || !p->ops->read)
        return -1;
    unsigned char b;
    n = p->ops->read(p->ctx, &b, 1, timeout_ms);
    if (n == -ENODEV || n == -ENOENT || n == -ENXIO)
        return -2;
    return n == 1 ? b : -1;
}

enum printer_status printer_port_status_decode(int lp)
{
    if (lp < 0)
        return PRINTER_UNKNOWN;
    if (lp & 0x20)
        return PRINTER_PAPER_OUT;
    if (!(lp & 0x10) || !(lp & 0x08))
        return PRINTER_OFFLINE;
    return PRINTER_READY;
}

enum printer_status printer_query(struct printer *p, int timeout_ms)
{
    int off = ask(p, escpos_query_offline, timeout_ms);
    if (off == -2)
        return PRINTER_MISSING;
    /* a printer that ignored the first query will ignore the second */
    int paper = off == -1 ? -1 : ask(p, escpos_query_paper, timeout_ms);
    if (paper == -2)
        return PRINTER_MISSING;
    enum printer_status st = escpos_status_decode(off, paper);
    if (st == PRINTER_UNKNOWN && p->ops->port_status)
        st = printer_port_status_decode(p->ops->port_status(p->ctx));
    return st;
}

static bool is_fault(enum printer_status s)
{
    return s != PRINTER_READY && s != PRINTER_UNKNOWN;
}

enum printer_status printer_print(struct printer *p, const struct receipt *r,
                                  int *enc_err)
{
    unsigned char *bytes;
    size_t len;
    int rc = escpos_encode(r, &bytes, &len);
    if (enc_err)
        *enc_err = rc;
    if (rc)
        return PRINTER_FAILED;
    enum printer_status before = printer_query(p, PRINTER_STATUS_TIMEOUT_MS);
    if (is_fault(before)) {
        free(bytes);
        return before;
    }
    ssize_t n = 0;
    for (size_t off = 0; off < len; off += (size_t)n) {
        size_t chunk = len - off < CHUNK ? len - off : CHUNK;
        n = p->ops->write(p->ctx, bytes + off, chunk, PRINTER_WRITE_TIMEOUT_MS);
        if (n <= 0)
            break;
    }
    free(bytes);
    if (n == -ENODEV || n == -ENOENT || n == -ENXIO)
        return PRINTER_MISSING;
    enum printer_status after = printer_query(p, PRINTER_STATUS_TIMEOUT_MS);
    if (is_fault(after))
        return after;
    return n < 0 ? PRINTER_FAILED : before;
}
