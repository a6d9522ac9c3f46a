/*
 * conf.c - the config file as option entries (conf.h). The text is copied
 * once and cut into lines in place; entries point into that copy.
 */
#include "conf.h"

#include "buf.h"
#include "err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Trims blanks from both ends of the string at s, in place. */
static char *trim(char *s)
{
    while (is_blank(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_blank(s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Cuts the line at a '#' that starts it or follows a blank. */
static void cut_comment(char *s)
{
    for (char *p = s; *p; p++) {
        if (*p == '#' && (p == s || is_blank(p[-1]))) {
            *p = '\0';
            return;
        }
    }
}

static const struct option *find_option(const struct option *opts,
                                        const char *key)
{
    for (; opts->name; opts++)
        if (strcmp(opts->name, key) == 0)
            return opts;
    return NULL;
}

static bool denied(const char *const *deny, const char *key)
{
    for (; deny && *deny; deny++)
        if (strcmp(*deny, key) == 0)
            return true;
    return false;
}

static int fail(char *err, size_t errlen, const char *name, int line,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int fail(char *err, size_t errlen, const char *name, int line,
                const char *fmt, ...)
{
    int n = snprintf(err, errlen, "%s:%d: ", name, line);
    if (n >= 0 && (size_t)n < errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return ERR_INVALID;
}

/* Checks one line (comment already cut) and fills *e if it sets
 * something; returns 1 if it did, 0 for nothing to set, or an error. */
static int parse_line(char *s, const char *name, int line,
                      const struct option *opts, const char *const *deny,
                      struct conf_entry *e, char *err, size_t errlen)
{
    s = trim(s);
    if (!*s)
        return 0;
    char *eq = strchr(s, '=');
    if (!eq)
        return fail(err, errlen, name, line,
                    "expected 'key = value', not '%.40s'", s);
    *eq = '\0';
    char *key = trim(s), *value = trim(eq + 1);
    if (!*key)
        return fail(err, errlen, name, line, "expected a key before '='");
    const struct option *o = find_option(opts, key);
    if (!o)
        return fail(err, errlen, name, line, "unknown key '%.40s'", key);
    if (denied(deny, key))
        return fail(err, errlen, name, line,
                    "'%s' cannot be set in a config file", key);
    e->line = line;
    snprintf(e->opt, sizeof e->opt, "--%s", o->name);
    e->value = value;
    if (o->has_arg != no_argument) {
        if (!*value)
            return fail(err, errlen, name, line, "'%s' needs a value", key);
        return 1;
    }
    e->value = NULL;
    if (strcmp(value, "true") == 0)
        return 1;
    if (strcmp(value, "false") == 0)
        return 0;
    return fail(err, errlen, name, line,
                "'%s' takes true or false, not '%.40s'", key, value);
}

int conf_parse(const char *text, size_t len, const char *name,
               const struct option *opts, const char *const *deny,
               struct conf *c, char *err, size_t errlen)
{
    if (len > CONF_MAX_BYTES) {
        snprintf(err, errlen, "%s: larger than %d KiB", name,
                 CONF_MAX_BYTES / 1024);
        return ERR_TOO_BIG;
    }
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\0')
            return fail(err, errlen, name, (int)lines,
                        "a NUL byte: not a text file");
        lines += text[i] == '\n';
    }
    struct conf out = {0};
    out.text = malloc(len + 1);
    out.entries = calloc(lines, sizeof *out.entries);
    if (!out.text || !out.entries) {
        conf_release(&out);
        snprintf(err, errlen, "%s: %s", name, err_str(ERR_NOMEM));
        return ERR_NOMEM;
    }
    memcpy(out.text, text, len);
    out.text[len] = '\0';

    char *s = out.text;
    for (int line = 1; s; line++) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        cut_comment(s);
        int rc = parse_line(s, name, line, opts, deny, &out.entries[out.n], err,
                            errlen);
        if (rc < 0) {
            conf_release(&out);
            return rc;
        }
        out.n += rc;
        s = nl ? nl + 1 : NULL;
    }
    *c = out;
    return 0;
}

int conf_read(const char *path, const struct option *opts,
              const char *const *deny, struct conf *c, char *err, size_t errlen)
{
    struct buf in;
    buf_init(&in, CONF_MAX_BYTES);
    int rc = buf_read_file(&in, path);
    if (rc == ERR_IO)
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
    else if (rc == ERR_TOO_BIG)
        snprintf(err, errlen, "%s: larger than %d KiB", path,
                 CONF_MAX_BYTES / 1024);
    else if (rc)
        snprintf(err, errlen, "cannot read %s: %s", path, err_str(rc));
    else
        rc = conf_parse(in.data ? in.data : "", in.len, path, opts, deny, c,
                        err, errlen);
    buf_release(&in);
    return rc;
}

void conf_release(struct conf *c)
{
    free(c->entries);
    free(c->text);
    c->entries = NULL;
    c->text = NULL;
    c->n = 0;
}
