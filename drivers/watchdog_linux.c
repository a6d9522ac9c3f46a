/*
 * watchdog_linux.c - /dev/watchdog through the kernel's watchdog API
 * (watchdog.h).
 */
#include "watchdog.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/watchdog.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int dev_keepalive(void *ctx)
{
    int fd = (int)(intptr_t)ctx;
    int dummy = 0;
    return ioctl(fd, WDIOC_KEEPALIVE, &dummy) == 0 ? 0 : -errno;
}

static void dev_close(void *ctx, bool magic)
{
    int fd = (int)(intptr_t)ctx;
    /* without the magic character a closed device keeps counting down
     * (or, with nowayout, cannot be stopped at all) */
    if (magic && write(fd, "V", 1) != 1)
        perror("linli-kiosk: watchdog magic close");
    close(fd);
}

static const struct watchdog_ops dev_ops = {dev_keepalive, dev_close};

int watchdog_open(struct watchdog *w, const char *path, int timeout_s,
                  char *err, size_t errlen)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
        return -e;
    }
    int t = timeout_s;
    if (ioctl(fd, WDIOC_SETTIMEOUT, &t) != 0) {
        /* some drivers have a fixed timeout: use it, and say so */
        if (ioctl(fd, WDIOC_GETTIMEOUT, &t) != 0 || t <= 0) {
            int e = errno;
            snprintf(err, errlen, "cannot set the timeout of %s: %s", path,
                     strerror(e));
            dev_close((void *)(intptr_t)fd, true);
            return -e;
        }
    }
    watchdog_attach(w, &dev_ops, (void *)(intptr_t)fd, path, t);
    return 0;
}
