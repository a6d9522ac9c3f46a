/*
 * scanner_linux.c - evdev and serial scanners on Linux (scanner.h).
 */
#include "scanner.h"

#include "serial.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct dev {
    int fd;
    bool serial;
    struct scan_keys keys;
    struct scan_line line;
};

/* Decodes what is buffered in the kernel, one event or byte at a time, so
 * bytes after a finished scan stay for the next call. */
static int decode_one(struct dev *d, char *out, size_t n)
{
    if (d->serial) {
        char c;
        ssize_t r = read(d->fd, &c, 1);
        if (r <= 0)
            return r == 0 || errno == EAGAIN ? 0 : -errno;
        return scan_line_feed(&d->line, c, out, n) ? 1 : 2;
    }
    struct input_event ev;
    ssize_t r = read(d->fd, &ev, sizeof(ev));
    if (r < 0)
        return errno == EAGAIN ? 0 : -errno;
    if (r != (ssize_t)sizeof(ev))
        return 0; /* end of a recorded file */
    return scan_keys_feed(&d->keys, ev.type, ev.code, ev.value, out, n) ? 1 : 2;
}

static int dev_read(void *ctx, char *out, size_t n, int timeout_ms)
{
    struct dev *d = ctx;
    for (;;) {
        int rc = decode_one(d, out, n);
        if (rc == 1 || rc < 0)
            return rc;
        if (rc == 2)
            continue; /* more of a scan */
        int w = fd_wait(d->fd, POLLIN, timeout_ms);
        if (w <= 0)
            return w;
        /* readable: decode what came; a hang-up shows as a read error */
        rc = decode_one(d, out, n);
        if (rc == 0)
            return 0; /* end of file, or a spurious wake */
        if (rc == 1 || rc < 0)
            return rc;
    }
}

static void dev_close(void *ctx)
{
    struct dev *d = ctx;
    if (!d->serial)
        ioctl(d->fd, EVIOCGRAB, 0);
    close(d->fd);
    free(d);
}

static const struct scanner_ops dev_ops = {dev_read, dev_close};

int scanner_open(const char *spec, int baud, struct scanner *out, char *err,
                 size_t errlen)
{
    bool serial = strncmp(spec, "serial:", 7) == 0;
    int fd;
    if (serial) {
        fd = serial_open(spec + 7, baud > 0 ? baud : SCANNER_BAUD_DEFAULT,
                         O_RDONLY, err, errlen);
        if (fd < 0)
            return fd;
    } else if ((fd = open(spec, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
        int e = errno;
        snprintf(err, errlen, "cannot open %s: %s", spec, strerror(e));
        return -e;
    }
    struct dev *d = calloc(1, sizeof(*d));
    if (!d) {
        close(fd);
        snprintf(err, errlen, "out of memory");
        return -ENOMEM;
    }
    d->fd = fd;
    d->serial = serial;
    *out = (struct scanner){&dev_ops, d, false};
    /* grabbed, the scanner's keys go to us alone, not to the UI's
     * keyboard input; a device someone else holds still reads */
    if (!serial)
        out->grabbed = ioctl(fd, EVIOCGRAB, 1) == 0;
    return 0;
}
