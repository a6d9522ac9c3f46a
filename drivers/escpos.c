/*
 * escpos.c - receipt model to ESC/POS bytes (escpos.h).
 */
#include "escpos.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ESC 0x1B
#define FS  0x1C
#define GS  0x1D
#define DLE 0x10
#define EOT 0x04

const unsigned char escpos_query_offline[3] = {DLE, EOT, 2};
const unsigned char escpos_query_paper[3] = {DLE, EOT, 4};

/* The output: grows by doubling up to ESCPOS_MAX_BYTES; the first error
 * sticks, so the encoder checks once at the end. */
struct out {
    unsigned char *p;
    size_t len, cap;
    int err;
};

static void put(struct out *o, const void *src, size_t n)
{
    if (o->err)
        return;
    if (o->len + n > ESCPOS_MAX_BYTES) {
        o->err = -E2BIG;
        return;
    }
    if (o->len + n > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap < o->len + n)
            cap *= 2;
        unsigned char *p = realloc(o->p, cap);
        if (!p) {
            o->err = -ENOMEM;
            return;
        }
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->len, src, n);
    o->len += n;
}

static void put3(struct out *o, int a, int b, int c)
{
    unsigned char s[3] = {(unsigned char)a, (unsigned char)b, (unsigned char)c};
    put(o, s, 3);
}

/* GS ( k pL pH cn fn: the head of a QR function with n bytes of
 * parameters to follow (cn 49 is the QR symbol). */
static void qr_head(struct out *o, int fn, size_t n)
{
    size_t total = n + 2;
    unsigned char h[7] = {GS,
                          '(',
                          'k',
                          (unsigned char)(total & 0xFF),
                          (unsigned char)(total >> 8),
                          49,
                          (unsigned char)fn};
    put(o, h, sizeof(h));
}

static void qr_fn(struct out *o, int fn, const void *param, size_t n)
{
    qr_head(o, fn, n);
    put(o, param, n);
}

static bool ascii_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* Length of the UTF-8 sequence starting with lead byte c; 0 if invalid. */
static size_t utf8_len(unsigned char c)
{
    return c < 0x80         ? 1
           : (c >> 5) == 6  ? 2
           : (c >> 4) == 14 ? 3
           : (c >> 3) == 30 ? 4
                            : 0;
}

/* One line (no '\n') as GB18030, character by character so a character
 * the printer cannot show becomes '?' without losing the rest. */
static void put_gb(struct out *o, iconv_t cd, const char *s, size_t n)
{
    for (size_t i = 0; i < n && !o->err;) {
        size_t cl = utf8_len((unsigned char)s[i]);
        if (cl == 0 || i + cl > n) {
            o->err = -EILSEQ;
            return;
        }
        char in[4], gb[8];
        memcpy(in, s + i, cl);
        char *ip = in, *op = gb;
        size_t il = cl, ol = sizeof(gb);
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
            o->err = -EILSEQ;
            return;
        }
        size_t gl = sizeof(gb) - ol;
        put(o, gl <= 2 ? gb : "?", gl <= 2 ? gl : 1);
        i += cl;
    }
}

static int text_item(struct out *o, iconv_t *cd, const struct receipt_item *it)
{
    int w = it->width ? it->width : 1, h = it->height ? it->height : 1;
    if (w < 1 || w > 8 || h < 1 || h > 8 || (unsigned)it->align > 2)
        return -EINVAL;
    put3(o, ESC, 'a', it->align);
    put3(o, ESC, 'E', it->bold ? 1 : 0);
    put3(o, GS, '!', ((w - 1) << 4) | (h - 1));
    /* Chinese mode has its own size bits: double width 4, height 8 */
    put3(o, FS, '!', (w > 1 ? 4 : 0) | (h > 1 ? 8 : 0));
    const char *s = it->text ? it->text : "";
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (ascii_only(s, n)) {
            put(o, s, n);
        } else {
            if (*cd == (iconv_t)-1 &&
                (*cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
                return -errno;
            put(o, (unsigned char[]){FS, '&'}, 2);
            put_gb(o, *cd, s, n);
            put(o, (unsigned char[]){FS, '.'}, 2);
        }
        put(o, "\n", 1);
        if (!nl)
            break;
        s = nl + 1;
    }
    return o->err;
}

static int qr_item(struct out *o, const struct receipt_item *it)
{
    size_t n = it->text ? strlen(it->text) : 0;
    int module = it->module ? it->module : 6;
    int ecc = it->ecc ? (int)it->ecc : ESCPOS_QR_M;
    if (n == 0 || n > ESCPOS_QR_MAX || module < 1 || module > 16 ||
        ecc < ESCPOS_QR_L || ecc > ESCPOS_QR_H || (unsigned)it->align > 2)
        return -EINVAL;
    put3(o, ESC, 'a', it->align);
    qr_fn(o, 65, (unsigned char[]){'2', 0}, 2); /* model 2 */
    qr_fn(o, 67, (unsigned char[]){(unsigned char)module}, 1);
    qr_fn(o, 69, (unsigned char[]){(unsigned char)ecc}, 1);
    /* store: "0" then the data */
    qr_head(o, 80, n + 1);
    put(o, "0", 1);
    put(o, it->text, n);
    qr_fn(o, 81, (unsigned char[]){'0'}, 1); /* print what was stored */
    put(o, "\n", 1);
    return o->err;
}

int escpos_encode(const struct receipt *r, unsigned char **out, size_t *len)
{
    struct out o = {0};
    iconv_t cd = (iconv_t)-1;
    int rc = 0;
    put(&o, (unsigned char[]){ESC, '@'}, 2);
    for (int i = 0; i < r->n && !rc; i++) {
        const struct receipt_item *it = &r->items[i];
        if (it->kind == RECEIPT_TEXT)
            rc = text_item(&o, &cd, it);
        else if (it->kind == RECEIPT_QR)
            rc = qr_item(&o, it);
        else if (it->lines >= 1 && it->lines <= 255)
            put3(&o, ESC, 'd', it->lines);
        else
            rc = -EINVAL;
    }
    /* back to the defaults, so the next job starts plain */
    put3(&o, ESC, 'a', 0);
    put3(&o, ESC, 'E', 0);
    put3(&o, GS, '!', 0);
    if (r->cut)
        put(&o, (unsigned char[]){GS, 'V', 65, 0}, 4); /* feed, full cut */
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    if (!rc)
        rc = o.err;
    if (rc) {
        free(o.p);
        return rc;
    }
    *out = o.p;
    *len = o.len;
    return 0;
}

const char *printer_status_str(enum printer_status s)
{
    switch (s) {
    case PRINTER_READY:
        return "ready";
    case PRINTER_UNKNOWN:
        return "no status reported";
    case PRINTER_PAPER_OUT:
        return "out of paper";
    case PRINTER_COVER_OPEN:
        return "cover open";
    case PRINTER_OFFLINE:
        return "offline";
    case PRINTER_MISSING:
        return "not connected";
    case PRINTER_FAILED:
        return "write failed";
    }
    return "unknown";
}

static bool status_byte(int b)
{
    return b >= 0 && (b & 0x93) == 0x12;
}

enum printer_status escpos_status_decode(int offline, int paper)
{
    bool off_ok = status_byte(offline), paper_ok = status_byte(paper);
    if (!off_ok && !paper_ok)
        return PRINTER_UNKNOWN;
    /* paper end: DLE EOT 4 bits 5-6, or DLE EOT 2 bit 5 (stopped by it) */
    if ((paper_ok && (paper & 0x60)) || (off_ok && (offline & 0x20)))
        return PRINTER_PAPER_OUT;
    if (off_ok && (offline & 0x04))
        return PRINTER_COVER_OPEN;
    if (off_ok && (offline & 0x48))
        return PRINTER_OFFLINE; /* error (bit 6) or feed button (bit 3) */
    return PRINTER_READY;
}
