/*
 * sd_notify.h - systemd's notify protocol: one datagram with "KEY=VALUE"
 * lines to the AF_UNIX socket named by NOTIFY_SOCKET ('@' at the start
 * means the abstract namespace). A few lines instead of libsystemd: the
 * protocol is stable and documented, and the board image stays smaller.
 */
#ifndef LINLI_SD_NOTIFY_H
#define LINLI_SD_NOTIFY_H

/* Sends msg to the socket at path. 0 or -errno (-EINVAL: path too long or
 * empty). */
int sd_notify_send(const char *path, const char *msg);

#endif
