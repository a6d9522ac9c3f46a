/*
 * serial.c - raw serial ports and bounded waits (serial.h).
 */
#include "serial.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static speed_t speed_of(int baud)
{
    switch (baud) {
    case 1200:
        return B1200;
    case 2400:
        return B2400;
    case 4800:
        return B4800;
    case 9600:
        return B9600;
    case 19200:
        return B19200;
    case 38400:
        return B38400;
    case 57600:
        return B57600;
    case 115200:
        return B115200;
    case 230400:
        return B230400;
    default:
        return 0;
    }
}

int serial_open(const char *path, int baud, int flags, char *err, size_t errlen)
{
    speed_t sp = speed_of(baud);
    if (!sp) {
        snprintf(err, errlen, "unsupported baud rate %d", baud);
        return -EINVAL;
    }
    int fd = open(path, flags | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
        return -e;
    }
    struct termios t;
    if (tcgetattr(fd, &t) != 0) {
        int e = errno;
        snprintf(err, errlen, "%s is not a serial port: %s", path, strerror(e));
        close(fd);
        return -e;
    }
    cfmakeraw(&t);
    t.c_cflag |= CLOCAL | CREAD;
    t.c_cflag &= ~(CSTOPB | CRTSCTS);
    t.c_cc[VMIN] = 0;
    t.c_cc[VTIME] = 0;
    if (cfsetispeed(&t, sp) || cfsetospeed(&t, sp) ||
        tcsetattr(fd, TCSANOW, &t)) {
        int e = errno;
        snprintf(err, errlen, "cannot set up %s: %s", path, strerror(e));
        close(fd);
        return -e;
    }
    return fd;
}

static long long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int fd_wait(int fd, short events, int timeout_ms)
{
    struct pollfd p = {.fd = fd, .events = events};
    long long end = mono_ms() + timeout_ms;
    for (;;) {
        long long left = end - mono_ms();
        int rc = poll(&p, 1, left > 0 ? (int)left : 0);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0)
            return -errno;
        if (rc == 0)
            return 0;
        if (p.revents & POLLNVAL)
            return -EBADF;
        /* a USB device unplugged reports POLLHUP or POLLERR */
        if ((p.revents & (POLLHUP | POLLERR)) && !(p.revents & events))
            return -ENODEV;
        return 1;
    }
}

/* One read or write with a deadline; op is read or write cast alike. */
static ssize_t io_timeout(int fd, bool out, void *p, size_t n, int timeout_ms)
{
    long long end = mono_ms() + timeout_ms;
    for (;;) {
        long long left = end - mono_ms();
        int w = fd_wait(fd, out ? POLLOUT : POLLIN, left > 0 ? (int)left : 0);
        if (w < 0)
            return w;
        if (w == 0)
            return -ETIMEDOUT;
        ssize_t r = out ? write(fd, p, n) : read(fd, p, n);
        if (r >= 0)
            return r;
        if (errno != EINTR && errno != EAGAIN)
            return -errno;
        if (mono_ms() >= end)
            return -ETIMEDOUT;
    }
}

ssize_t fd_write_timeout(int fd, const void *p, size_t n, int timeout_ms)
{
    return io_timeout(fd, true, (void *)p, n, timeout_ms);
}

ssize_t fd_read_timeout(int fd, void *p, size_t n, int timeout_ms)
{
    return io_timeout(fd, false, p, n, timeout_ms);
}
