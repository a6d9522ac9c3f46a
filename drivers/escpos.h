/*
 * escpos.h - a receipt as ESC/POS bytes, for 58/80 mm thermal printers.
 *
 * Pure: a receipt model (lines of text with alignment, bold and a size,
 * QR codes, feeds, a cut) becomes the byte string a printer takes. Text is
 * UTF-8 in the model; lines with any non-ASCII character are converted to
 * GB18030 (iconv) and sent between FS & and FS . (the Chinese mode the
 * printers sold in China need). A character GB18030 can only spell in four
 * bytes is printed as '?': the printers' fonts hold GB2312/GBK only.
 * QR codes use the printer's own GS ( k symbol (model 2). docs/drivers.md
 * lists the subset.
 */
#ifndef LINLI_ESCPOS_H
#define LINLI_ESCPOS_H

#include <stdbool.h>
#include <stddef.h>

/* The most bytes one receipt may take. */
#define ESCPOS_MAX_BYTES (64 * 1024)
/* The most bytes of QR data (GS ( k stores up to 7089; a slip needs few). */
#define ESCPOS_QR_MAX 1024

enum escpos_align { ESCPOS_LEFT, ESCPOS_CENTER, ESCPOS_RIGHT };

/* QR error correction levels (the n of GS ( k fn 69). */
enum escpos_qr_ecc {
    ESCPOS_QR_L = 48,
    ESCPOS_QR_M = 49,
    ESCPOS_QR_Q = 50,
    ESCPOS_QR_H = 51,
};

enum receipt_kind { RECEIPT_TEXT, RECEIPT_QR, RECEIPT_FEED };

struct receipt_item {
    enum receipt_kind kind;
    const char *text;        /* TEXT: UTF-8, '\n' splits lines; QR: data */
    enum escpos_align align; /* TEXT and QR */
    bool bold;               /* TEXT */
    int width, height;       /* TEXT: magnification 1..8 (0 means 1) */
    int module;              /* QR: module size in dots 1..16 (0: 6) */
    enum escpos_qr_ecc ecc;  /* QR: 0 means M */
    int lines;               /* FEED: lines to feed 1..255 */
};

struct receipt {
    const struct receipt_item *items;
    int n;
    bool cut; /* feed to the cutter and cut (GS V) at the end */
};

/* Encodes r: ESC @, then each item, then the cut. Returns 0 with a heap
 * buffer in *out (caller frees) and its length in *len; -EILSEQ if a text
 * is not UTF-8, -EINVAL for an item out of range (empty or too long QR
 * data, magnification > 8), -E2BIG past ESCPOS_MAX_BYTES, -ENOMEM. */
int escpos_encode(const struct receipt *r, unsigned char **out, size_t *len);

/* DLE EOT status, as printers answer it (docs/drivers.md). */
enum printer_status {
    PRINTER_READY,
    PRINTER_UNKNOWN,   /* no answer in time: the printer does not report */
    PRINTER_PAPER_OUT, /* the roll sensor says paper end */
    PRINTER_COVER_OPEN,
    PRINTER_OFFLINE, /* offline for another reason (error, feed button) */
    PRINTER_MISSING, /* no such device (unplugged, wrong path) */
    PRINTER_FAILED,  /* a write failed or timed out mid-receipt */
};

/* A short lower-case phrase for logs and the staff screen's fallback. */
const char *printer_status_str(enum printer_status s);

/* The real-time status requests: DLE EOT 2 (offline cause) and DLE EOT 4
 * (roll paper sensor), 3 bytes each. */
extern const unsigned char escpos_query_offline[3];
extern const unsigned char escpos_query_paper[3];

/* Decodes the answers to the two queries (a byte each; -1 when that query
 * got no answer). A byte that is not a status byte (fixed bits 1 and 4 set,
 * 0 and 7 clear) counts as no answer. */
enum printer_status escpos_status_decode(int offline, int paper);

#endif
