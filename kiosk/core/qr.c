/*
 * qr.c - text to a QR module bitmap via libqrencode (see qr.h).
 *
 * libqrencode packs several flags into each module byte; bit 0 is "dark".
 * We keep only that bit, so the UI and tests never see the encoder's
 * internal flags.
 */
#include "qr.h"

#include "err.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

int qr_encode(const char *text, struct qr *out)
{
    if (!text || !*text || !out)
        return ERR_ARG;
    size_t len = strnlen(text, QR_MAX_TEXT + 1);
    if (len > QR_MAX_TEXT)
        return ERR_TOO_BIG;

    /* Byte mode keeps UTF-8 as it is; version 0 picks the smallest fit. */
    errno = 0;
    QRcode *code = QRcode_encodeData((int)len, (const unsigned char *)text, 0,
                                     QR_ECLEVEL_M);
    if (!code) {
        if (errno == ERANGE)
            return ERR_TOO_BIG;
        if (errno == EINVAL)
            return ERR_ARG;
        return ERR_NOMEM;
    }

    size_t n = (size_t)code->width * (size_t)code->width;
    uint8_t *modules = malloc(n);
    if (!modules) {
        QRcode_free(code);
        return ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        modules[i] = code->data[i] & 1;

    out->size = code->width;
    out->modules = modules;
    QRcode_free(code);
    return 0;
}

void qr_release(struct qr *qr)
{
    if (!qr)
        return;
    free(qr->modules);
    qr->modules = NULL;
    qr->size = 0;
}
