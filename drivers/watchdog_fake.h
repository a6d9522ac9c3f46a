/*
 * watchdog_fake.h - a watchdog device for tests: counts keepalives and
 * remembers how it was closed; fail makes keepalives fail.
 */
#ifndef LINLI_WATCHDOG_FAKE_H
#define LINLI_WATCHDOG_FAKE_H

#include "watchdog.h"

struct watchdog_fake {
    int keepalives;
    bool fail;
    bool closed, magic;
};

extern const struct watchdog_ops watchdog_fake_ops;

#endif
