/*
 * backlight.c - sysfs backlight and its policy (backlight.h).
 */
#include "backlight.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DAY_S 86400

static int read_int(const char *path, int *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -errno;
    int v, rc = fscanf(f, "%d", &v) == 1 ? 0 : -EINVAL;
    fclose(f);
    if (!rc)
        *out = v;
    return rc;
}

int backlight_open(struct backlight *b, const char *dir, char *err,
                   size_t errlen)
{
    memset(b, 0, sizeof(*b));
    b->level = -1;
    if (snprintf(b->dir, sizeof(b->dir), "%s", dir) >= (int)sizeof(b->dir)) {
        snprintf(err, errlen, "path too long: %s", dir);
        return -ENAMETOOLONG;
    }
    char path[256];
    snprintf(path, sizeof(path), "%s/max_brightness", dir);
    int rc = read_int(path, &b->max);
    if (!rc && b->max <= 0)
        rc = -EINVAL;
    if (!rc) {
        snprintf(path, sizeof(path), "%s/brightness", dir);
        rc = access(path, W_OK) == 0 ? 0 : -errno;
    }
    if (rc)
        snprintf(err, errlen, "cannot use %s: %s", path, strerror(-rc));
    return rc;
}

int backlight_set(struct backlight *b, int level)
{
    level = level < 0 ? 0 : level > b->max ? b->max : level;
    if (level == b->level)
        return 0;
    char path[256], text[16];
    snprintf(path, sizeof(path), "%s/brightness", b->dir);
    int n = snprintf(text, sizeof(text), "%d\n", level);
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    int rc = 0;
    if (fd < 0 || write(fd, text, (size_t)n) != n)
        rc = -errno;
    if (fd >= 0 && close(fd) != 0 && !rc)
        rc = -errno;
    b->level = rc ? -1 : level;
    if (!rc)
        b->writes++;
    return rc;
}

int backlight_raw(const struct backlight *b, int percent)
{
    if (percent <= 0)
        return 0;
    if (percent > 100)
        percent = 100;
    int raw = (b->max * percent + 50) / 100;
    return raw < 1 ? 1 : raw;
}

void backlight_policy_configure(struct backlight_policy *p,
                                const struct backlight_config *cfg)
{
    p->cfg = *cfg;
    if (p->cfg.brightness <= 0 || p->cfg.brightness > 100)
        p->cfg.brightness = 100;
    if (p->cfg.dim_brightness < 0)
        p->cfg.dim_brightness = 0;
    if (p->cfg.dim_brightness > p->cfg.brightness)
        p->cfg.dim_brightness = p->cfg.brightness;
    if (p->cfg.dim_after_s <= 0)
        p->cfg.dim_after_s = 60;
}

void backlight_policy_init(struct backlight_policy *p,
                           const struct backlight_config *cfg)
{
    memset(p, 0, sizeof(*p));
    p->override = -1;
    backlight_policy_configure(p, cfg);
}

void backlight_policy_touch(struct backlight_policy *p, int64_t now_ms)
{
    p->touched = true;
    p->last_touch_ms = now_ms;
}

bool backlight_in_schedule(const struct backlight_config *cfg, int sec_of_day)
{
    int on = cfg->on_min * 60, off = cfg->off_min * 60;
    if (on == off)
        return true;
    if (on < off)
        return sec_of_day >= on && sec_of_day < off;
    return sec_of_day >= on || sec_of_day < off; /* past midnight */
}

/* Seconds from sec_of_day to the next time of day edge (> 0). */
static int64_t until(int sec_of_day, int edge)
{
    int64_t d = ((int64_t)edge - sec_of_day + DAY_S) % DAY_S;
    return d ? d : DAY_S;
}

int backlight_policy_level(const struct backlight_policy *p, int64_t now_ms,
                           int sec_of_day, int64_t *next_ms)
{
    const struct backlight_config *c = &p->cfg;
    int64_t idle_end = p->last_touch_ms + (int64_t)c->dim_after_s * 1000;
    bool in = backlight_in_schedule(c, sec_of_day);
    int64_t edge = INT64_MAX;
    if (c->on_min != c->off_min)
        edge = now_ms +
               1000 * until(sec_of_day, in ? c->off_min * 60 : c->on_min * 60);
    bool active = p->touched && now_ms < idle_end;
    *next_ms = active && idle_end < edge ? idle_end : edge;
    if (p->override >= 0)
        return p->override;
    if (active)
        return c->brightness;
    return in ? c->dim_brightness : 0;
}
