/*
 * printer.h - a receipt printer: a byte transport plus the print job.
 *
 * The transport is a seam: the Linux one writes a USB printer device file
 * (/dev/usb/lp0) or a serial port (termios raw at a baud rate); the fake
 * (printer_fake.h) records bytes and runs out of paper or goes missing on
 * demand. printer_print() asks the status (DLE EOT), writes the encoded
 * receipt in chunks, each with a timeout, so a jammed printer costs the
 * caller a bounded wait, and asks the status again. Nothing here retries:
 * the kiosk decides what a person is told.
 */
#ifndef LINLI_PRINTER_H
#define LINLI_PRINTER_H

#include "escpos.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct printer_ops {
    /* Writes up to n bytes, waiting at most timeout_ms for the printer to
     * take any; returns the count written (> 0), or -ETIMEDOUT, -ENODEV
     * (gone), another -errno. */
    ssize_t (*write)(void *ctx, const void *p, size_t n, int timeout_ms);
    /* Reads up to n bytes within timeout_ms; returns the count, 0 when
     * nothing came, -errno. NULL when the transport cannot read. */
    ssize_t (*read)(void *ctx, void *p, size_t n, int timeout_ms);
    /* The port's status lines (usblp's LPGETSTATUS, IEEE 1284), for a
     * printer that does not answer DLE EOT: the byte, or -errno. NULL
     * when the transport has none. */
    int (*port_status)(void *ctx);
    void (*close)(void *ctx);
};

struct printer {
    const struct printer_ops *ops;
    void *ctx;
};

/* The default baud rate of serial printers. */
#define PRINTER_BAUD_DEFAULT 9600
/* Per-chunk write and per-query read timeouts. */
#define PRINTER_WRITE_TIMEOUT_MS  3000
#define PRINTER_STATUS_TIMEOUT_MS 400

/* Opens spec: a device file ("/dev/usb/lp0") or "serial:/dev/ttyS0" (raw,
 * baud). Returns 0 and *out; -ENOENT / -ENODEV when there is no such
 * device, -EINVAL for a baud rate termios lacks, another -errno, with a
 * message in err. */
int printer_open(const char *spec, int baud, struct printer *out, char *err,
                 size_t errlen);
void printer_close(struct printer *p);

/* Whether spec names a serial port ("serial:" prefix). */
bool printer_spec_is_serial(const char *spec);

/* The printer's status by DLE EOT 2 and 4, waiting timeout_ms for each
 * answer, else by the port's status lines; PRINTER_UNKNOWN when neither
 * says anything, PRINTER_MISSING when the transport is gone. */
enum printer_status printer_query(struct printer *p, int timeout_ms);

/* Decodes a port status byte (LP_POUTPA 0x20 paper out, LP_PSELECD 0x10
 * selected, LP_PERRORP 0x08 no error, active low); -1: unknown. */
enum printer_status printer_port_status_decode(int lp);

/* Prints r: refuses up front (writing nothing) when the status says paper
 * out, cover open, offline or missing; else writes it all and checks the
 * status after. Returns PRINTER_READY (or PRINTER_UNKNOWN when the printer
 * reports nothing) when every byte was taken and no fault was reported,
 * else the fault (PRINTER_FAILED for a write error or timeout that the
 * status does not explain). An encoding error gives PRINTER_FAILED and
 * -errno in *enc_err (may be NULL). */
enum printer_status printer_print(struct printer *p, const struct receipt *r,
                                  int *enc_err);

#endif
