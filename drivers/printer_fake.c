/*
 * printer_fake.c - the test printer (printer_fake.h).
 */
#include "printer_fake.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void printer_fake_init(struct printer_fake *f)
{
    memset(f, 0, sizeof(*f));
    f->paper_after = -1;
}

void printer_fake_release(struct printer_fake *f)
{
    free(f->bytes);
    f->bytes = NULL;
    f->len = f->cap = 0;
}

static bool paper_out(const struct printer_fake *f)
{
    return f->paper_after >= 0 && f->len >= (size_t)f->paper_after;
}

static ssize_t fake_write(void *ctx, const void *p, size_t n, int timeout_ms)
{
    struct printer_fake *f = ctx;
    if (f->missing)
        return -ENODEV;
    /* real-time requests are answered whatever the paper does */
    if (n == 3 && (memcmp(p, escpos_query_offline, 3) == 0 ||
                   memcmp(p, escpos_query_paper, 3) == 0)) {
        f->queries++;
        f->pending = ((const unsigned char *)p)[2];
        return 3;
    }
    if (f->cover_open)
        return -ETIMEDOUT;
    size_t room = n;
    if (f->paper_after >= 0)
        room = paper_out(f) ? 0 : (size_t)f->paper_after - f->len;
    if (room > n)
        room = n;
    if (room == 0)
        return -ETIMEDOUT; /* its buffer is full: the write times out */
    if (f->len + room > f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 1024;
        while (cap < f->len + room)
            cap *= 2;
        unsigned char *b = realloc(f->bytes, cap);
        if (!b)
            return -ENOMEM;
        f->bytes = b;
        f->cap = cap;
    }
    memcpy(f->bytes + f->len, p, room);
    f->len += room;
    return (ssize_t)room;
}

static ssize_t fake_read(void *ctx, void *p, size_t n, int timeout_ms)
{
    struct printer_fake *f = ctx;
    if (f->missing)
        return -ENODEV;
    int q = f->pending;
    f->pending = 0;
    if (f->no_status || q == 0 || n == 0)
        return 0;
    unsigned char b = 0x12; /* the fixed bits of a status byte */
    if (q == 2)
        b |= (paper_out(f) ? 0x20 : 0) | (f->cover_open ? 0x04 : 0);
    else if (paper_out(f))
        b |= 0x60;
    *(unsigned char *)p = b;
    return 1;
}

static void fake_close(void *ctx)
{
    struct printer_fake *f = ctx;
    f->closes++;
}

static const struct printer_ops fake_ops = {fake_write, fake_read, NULL,
                                            fake_close};

struct printer printer_fake_printer(struct printer_fake *f)
{
    f->opens++;
    return (struct printer){&fake_ops, f};
}
