/*
 * printer_fake.h - a printer transport for tests: it records every byte
 * of the receipts sent (not the status queries), answers DLE EOT like a
 * real printer, and can be told to run out of paper after N bytes (it then
 * takes no more and reports paper end), to have its cover open, to report
 * no status at all, or to be missing.
 */
#ifndef LINLI_PRINTER_FAKE_H
#define LINLI_PRINTER_FAKE_H

#include "printer.h"

struct printer_fake {
    unsigned char *bytes; /* what was printed, heap */
    size_t len, cap;
    long paper_after; /* bytes until the paper ends; < 0: never */
    bool missing;     /* every call fails with -ENODEV */
    bool cover_open;
    bool no_status; /* reads time out, as on a USB printer without */
    int queries;    /* DLE EOT requests seen */
    int pending;    /* the query to answer next, 0 none */
    int opens, closes;
};

void printer_fake_init(struct printer_fake *f);
void printer_fake_release(struct printer_fake *f);
/* A printer that talks to f (f must outlive it). Counts an open. */
struct printer printer_fake_printer(struct printer_fake *f);

#endif
