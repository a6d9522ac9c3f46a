/*
 * serial.h - what the printer and scanner share on Linux: raw serial
 * ports (termios) and waiting on a file descriptor with a timeout.
 */
#ifndef LINLI_SERIAL_H
#define LINLI_SERIAL_H

#include <stddef.h>
#include <sys/types.h>

/* Opens a tty raw (8N1, no flow control, no echo) at baud, non-blocking,
 * with flags (O_RDONLY, O_RDWR ...). Returns the fd, or -errno (-EINVAL
 * for a baud rate termios does not have) with a message in err. */
int serial_open(const char *path, int baud, int flags, char *err,
                size_t errlen);

/* Waits for events (POLLIN, POLLOUT) on fd up to timeout_ms: 1 ready,
 * 0 timed out, -errno (-ENODEV when the device went away). */
int fd_wait(int fd, short events, int timeout_ms);

/* write() or read() once fd is ready, retried on EINTR/EAGAIN until
 * timeout_ms passes: the count, -ETIMEDOUT, or -errno. A read of 0 bytes
 * (end of file) returns 0. */
ssize_t fd_write_timeout(int fd, const void *p, size_t n, int timeout_ms);
ssize_t fd_read_timeout(int fd, void *p, size_t n, int timeout_ms);

#endif
