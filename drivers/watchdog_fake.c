/*
 * watchdog_fake.c - the test watchdog device (watchdog_fake.h).
 */
#include "watchdog_fake.h"

#include <errno.h>

static int fake_keepalive(void *ctx)
{
    struct watchdog_fake *f = ctx;
    if (f->fail)
        return -EIO;
    f->keepalives++;
    return 0;
}

static void fake_close(void *ctx, bool magic)
{
    struct watchdog_fake *f = ctx;
    f->closed = true;
    f->magic = magic;
}

const struct watchdog_ops watchdog_fake_ops = {fake_keepalive, fake_close};
