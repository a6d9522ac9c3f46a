/*
 * watchdog.c - kicking the device and systemd together (watchdog.h).
 */
#include "watchdog.h"

#include "sd_notify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void watchdog_init(struct watchdog *w)
{
    memset(w, 0, sizeof(*w));
}

void watchdog_attach(struct watchdog *w, const struct watchdog_ops *ops,
                     void *ctx, const char *name, int timeout_s)
{
    w->ops = ops;
    w->ctx = ctx;
    w->timeout_s = timeout_s;
    snprintf(w->device, sizeof(w->device), "%s", name);
}

bool watchdog_use_systemd(struct watchdog *w)
{
    const char *sock = getenv("NOTIFY_SOCKET");
    if (!sock || !*sock || strlen(sock) >= sizeof(w->notify))
        return false;
    snprintf(w->notify, sizeof(w->notify), "%s", sock);
    const char *usec = getenv("WATCHDOG_USEC");
    const char *pid = getenv("WATCHDOG_PID");
    char *end;
    long long us = usec ? strtoll(usec, &end, 10) : 0;
    if (!usec || *end || us <= 0)
        return false;
    if (pid && *pid && strtoll(pid, NULL, 10) != (long long)getpid())
        return false; /* meant for another process of the service */
    w->systemd_ms = us / 1000 > 0 ? us / 1000 : 1;
    return true;
}

bool watchdog_active(const struct watchdog *w)
{
    return w->ops || w->systemd_ms > 0;
}

void watchdog_ready(struct watchdog *w)
{
    if (*w->notify)
        sd_notify_send(w->notify, "READY=1");
}

int watchdog_kick(struct watchdog *w, int64_t now_ms)
{
    int64_t gap = watchdog_period_ms(w) / 2;
    if (gap > WATCHDOG_MIN_INTERVAL_MS)
        gap = WATCHDOG_MIN_INTERVAL_MS;
    if (!watchdog_active(w) || (w->kicks && now_ms - w->last_kick_ms < gap))
        return 0;
    int rc = 0;
    if (w->ops && (rc = w->ops->keepalive(w->ctx)) != 0)
        w->errors++;
    if (w->systemd_ms > 0)
        sd_notify_send(w->notify, "WATCHDOG=1");
    w->last_kick_ms = now_ms;
    w->kicks++;
    return rc;
}

int64_t watchdog_period_ms(const struct watchdog *w)
{
    int64_t p = INT64_MAX;
    if (w->ops && w->timeout_s > 0)
        p = (int64_t)w->timeout_s * 1000 / 3;
    if (w->systemd_ms > 0 && w->systemd_ms / 3 < p)
        p = w->systemd_ms / 3;
    return p;
}

void watchdog_close(struct watchdog *w)
{
    if (*w->notify)
        sd_notify_send(w->notify, "STOPPING=1");
    if (w->ops)
        w->ops->close(w->ctx, true);
    w->ops = NULL;
    w->ctx = NULL;
    w->systemd_ms = 0;
}
