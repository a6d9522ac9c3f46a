/*
 * printer_linux.c - printer transports on Linux (printer.h): a USB printer
 * device file (usblp: /dev/usb/lp0) or a raw serial port.
 */
#include "printer.h"

#include "serial.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/lp.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct lp {
    int fd;
    bool can_read;
};

static ssize_t lp_write(void *ctx, const void *p, size_t n, int timeout_ms)
{
    struct lp *lp = ctx;
    ssize_t r = fd_write_timeout(lp->fd, p, n, timeout_ms);
    return r == 0 ? -ETIMEDOUT : r;
}

static ssize_t lp_read(void *ctx, void *p, size_t n, int timeout_ms)
{
    struct lp *lp = ctx;
    if (!lp->can_read)
        return 0;
    ssize_t r = fd_read_timeout(lp->fd, p, n, timeout_ms);
    /* usblp answers EIO or EOF when the printer has no back channel */
    return r == -ETIMEDOUT || r == -EIO ? 0 : r;
}

static int lp_port_status(void *ctx)
{
    struct lp *lp = ctx;
    int status = 0;
    /* usblp answers with the 1284 status lines; anything else ENOTTY */
    return ioctl(lp->fd, LPGETSTATUS, &status) == 0 ? status & 0xFF : -errno;
}

static void lp_close(void *ctx)
{
    struct lp *lp = ctx;
    close(lp->fd);
    free(lp);
}

static const struct printer_ops lp_ops = {lp_write, lp_read, lp_port_status,
                                          lp_close};

int printer_open(const char *spec, int baud, struct printer *out, char *err,
                 size_t errlen)
{
    int fd;
    bool can_read = true;
    if (printer_spec_is_serial(spec)) {
        fd = serial_open(spec + 7, baud > 0 ? baud : PRINTER_BAUD_DEFAULT,
                         O_RDWR, err, errlen);
        if (fd < 0)
            return fd;
    } else {
        fd = open(spec, O_RDWR | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0 && errno == EACCES) {
            /* a write-only node: print without status */
            fd = open(spec, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
            can_read = false;
        }
        if (fd < 0) {
            int e = errno;
            snprintf(err, errlen, "cannot open %s: %s", spec, strerror(e));
            return -e;
        }
    }
    struct lp *lp = malloc(sizeof(*lp));
    if (!lp) {
        close(fd);
        snprintf(err, errlen, "out of memory");
        return -ENOMEM;
    }
    lp->fd = fd;
    lp->can_read = can_read;
    *out = (struct printer){&lp_ops, lp};
    return 0;
}
