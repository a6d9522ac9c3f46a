/*
 * replay.c - the replay script interpreter (replay.h).
 */
#include "replay.h"

#include "app.h"
#include "draw_list.h"
#include "err.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void pointer(struct app *a, enum input_kind kind, int x, int y)
{
    struct input_event ev = input_pointer(kind, x, y);
    app_event(a, &ev);
    app_frame(a);
}

int replay_tap_id(struct app *a, const char *id)
{
    app_frame(a);
    const struct ui_element *e = ui_find(&a->ui, id);
    if (!e)
        return ERR_NOT_FOUND;
    int x = e->rect.x + e->rect.w / 2, y = e->rect.y + e->rect.h / 2;
    pointer(a, INPUT_DOWN, x, y);
    pointer(a, INPUT_UP, x, y);
    return 0;
}

void replay_wait(struct app *a, int64_t *clock_ms, int64_t ms)
{
    int64_t end = *clock_ms + ms;
    while (*clock_ms < end) {
        int64_t next = app_next_deadline(a);
        if (next <= *clock_ms)
            next = *clock_ms + 1;
        *clock_ms = next < end ? next : end;
        app_tick(a);
        if (a->dirty)
            app_frame(a);
    }
}

static const struct {
    const char *name;
    enum input_key key;
} keys[] = {
    {"up", KEY_UP},         {"down", KEY_DOWN},     {"left", KEY_LEFT},
    {"right", KEY_RIGHT},   {"select", KEY_SELECT}, {"enter", KEY_SELECT},
    {"back", KEY_BACK},
    {"speech", KEY_SPEECH}, {"backspace", KEY_BACKSPACE},
};

static enum input_key key_named(const char *s)
{
    if (s[0] >= '0' && s[0] <= '9' && !s[1])
        return (enum input_key)(KEY_DIGIT0 + (s[0] - '0'));
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        if (strcmp(keys[i].name, s) == 0)
            return keys[i].key;
    return KEY_NONE;
}

static void send_key(struct app *a, enum input_key k)
{
    struct input_event ev = input_key(k);
    app_event(a, &ev);
    app_frame(a);
}

static int fail(char *err, size_t errlen, int line, int rc, const char *fmt,
                ...)
{
    int n = snprintf(err, errlen, "line %d: ", line);
    va_list ap;
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < errlen)
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return rc;
}

/* One command (cmd, rest of the line in arg). */
static int run_line(struct app *a, int64_t *clock_ms, const char *cmd,
                    char *arg, int line, char *err, size_t errlen)
{
    int x, y;
    const char *top = router_top(&a->router)->ops->name;
    if (strcmp(cmd, "tap") == 0) {
        if (sscanf(arg, "%d %d", &x, &y) == 2) {
            pointer(a, INPUT_DOWN, x, y);
            pointer(a, INPUT_UP, x, y);
            return 0;
        }
        if (replay_tap_id(a, arg) == 0)
            return 0;
        return fail(err, errlen, line, ERR_INVALID,
                    "no element '%s' on screen %s", arg, top);
    }
    if (strcmp(cmd, "press") == 0 || strcmp(cmd, "release") == 0) {
        if (sscanf(arg, "%d %d", &x, &y) != 2)
            return fail(err, errlen, line, ERR_PARSE, "expected X Y");
        pointer(a, cmd[0] == 'p' ? INPUT_DOWN : INPUT_UP, x, y);
        return 0;
    }
    if (strcmp(cmd, "key") == 0) {
        enum input_key k = key_named(arg);
        if (k == KEY_NONE)
            return fail(err, errlen, line, ERR_PARSE, "unknown key '%s'",
                        arg);
        send_key(a, k);
        return 0;
    }
    if (strcmp(cmd, "type") == 0) {
        for (const char *p = arg; *p; p++) {
            if (*p < '0' || *p > '9')
                return fail(err, errlen, line, ERR_PARSE,
                            "type takes digits only");
            send_key(a, (enum input_key)(KEY_DIGIT0 + (*p - '0')));
        }
        return 0;
    }
    if (strcmp(cmd, "scan") == 0) {
        struct input_event ev = {.kind = INPUT_SCAN};
        snprintf(ev.text, sizeof(ev.text), "%s", arg);
        app_event(a, &ev);
        app_frame(a);
        return 0;
    }
    if (strcmp(cmd, "wait") == 0) {
        char *end;
        long ms = strtol(arg, &end, 10);
        if (end == arg || *end || ms < 0 || ms > 24L * 3600 * 1000)
            return fail(err, errlen, line, ERR_PARSE, "wait takes ms");
        replay_wait(a, clock_ms, ms);
        return 0;
    }
    if (strcmp(cmd, "mode") == 0 || strcmp(cmd, "lang") == 0) {
        if (strcmp(arg, "elder") == 0)
            a->session.mode = MODE_ELDER;
        else if (strcmp(arg, "standard") == 0)
            a->session.mode = MODE_STANDARD;
        else if (strcmp(arg, "zh") == 0)
            a->session.lang = LANG_ZH;
        else if (strcmp(arg, "en") == 0)
            a->session.lang = LANG_EN;
        else
            return fail(err, errlen, line, ERR_PARSE, "unknown %s '%s'", cmd,
                        arg);
        a->dirty = true;
        app_frame(a);
        return 0;
    }
    if (strcmp(cmd, "expect") == 0) {
        app_frame(a);
        top = router_top(&a->router)->ops->name;
        if (strcmp(top, arg) != 0)
            return fail(err, errlen, line, ERR_INVALID,
                        "expected screen %s, on %s", arg, top);
        return 0;
    }
    if (strcmp(cmd, "expect-text") == 0 ||
        strcmp(cmd, "expect-no-text") == 0) {
        app_frame(a);
        bool want = strcmp(cmd, "expect-text") == 0;
        bool has = draw_list_find_text(&a->dl, arg) != NULL;
        if (has != want)
            return fail(err, errlen, line, ERR_INVALID, "text '%s' %s on %s",
                        arg, has ? "found" : "not found", top);
        return 0;
    }
    if (strcmp(cmd, "expect-focus") == 0) {
        app_frame(a);
        const struct ui_element *e = ui_focused(&a->ui);
        if (!e || strcmp(e->id, arg) != 0)
            return fail(err, errlen, line, ERR_INVALID,
                        "focus on '%s', not '%s', on %s", e ? e->id : "",
                        arg, top);
        return 0;
    }
    if (strcmp(cmd, "expect-element") == 0) {
        app_frame(a);
        if (!ui_find(&a->ui, arg))
            return fail(err, errlen, line, ERR_INVALID,
                        "no element '%s' on %s", arg, top);
        return 0;
    }
    return fail(err, errlen, line, ERR_PARSE, "unknown command '%s'", cmd);
}

int replay_run(struct app *a, int64_t *clock_ms, const char *script,
               FILE *log, char *err, size_t errlen)
{
    app_frame(a);
    int line = 0;
    for (const char *p = script; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char buf[512];
        line++;
        if (n >= sizeof(buf))
            return fail(err, errlen, line, ERR_PARSE, "line too long");
        memcpy(buf, p, n);
        buf[n] = '\0';
        p += n + (nl ? 1 : 0);
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = '\0';
        char *cmd = buf + strspn(buf, " \t\r");
        size_t len = strlen(cmd);
        while (len && strchr(" \t\r", cmd[len - 1]))
            cmd[--len] = '\0';
        if (!*cmd)
            continue;
        char *arg = cmd + strcspn(cmd, " \t");
        if (*arg)
            *arg++ = '\0';
        arg += strspn(arg, " \t");
        if (log)
            fprintf(log, "%s %s\n", cmd, arg);
        int rc = run_line(a, clock_ms, cmd, arg, line, err, errlen);
        if (rc)
            return rc;
    }
    return 0;
}
