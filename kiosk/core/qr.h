/*
 * qr.h - text to a QR module bitmap, via libqrencode.
 *
 * The UI draws the bitmap itself (a rectangle per dark module run), and the
 * printer driver uses the printer's native QR command instead; both take
 * the same text. Byte mode with UTF-8, error correction level M.
 */
#ifndef LINLI_QR_H
#define LINLI_QR_H

#include <stdbool.h>
#include <stdint.h>

#define QR_MAX_TEXT 1024 /* bytes; longer text is ERR_TOO_BIG */

struct qr {
    int size;          /* modules per side, without the quiet zone */
    uint8_t *modules;  /* size*size bytes, row-major, 1 = dark */
};

/* Encodes text. Returns 0, ERR_ARG (empty or NULL text), ERR_TOO_BIG or
 * ERR_NOMEM; *out is written only on success. */
int qr_encode(const char *text, struct qr *out);
void qr_release(struct qr *qr);

static inline bool qr_dark(const struct qr *qr, int x, int y)
{
    return x >= 0 && y >= 0 && x < qr->size && y < qr->size &&
           qr->modules[y * qr->size + x];
}

#endif
