/*
 * conf.h - the kiosk's config file (/etc/linli/kiosk.conf).
 *
 * One setting a line, "key = value"; blank lines and lines whose first
 * non-blank character is '#' are ignored, and so is the rest of a line from
 * a '#' that follows a blank ("data = /x  # cache"). Every key is a long
 * option of linli-kiosk: "hub = https://h" means "--hub https://h", and an
 * option without an argument takes true (given) or false (not given).
 * conf_parse only checks the file against the option table; the caller
 * hands each entry's argv to the same code that parses the command line,
 * before the command line, so the command line wins.
 */
#ifndef LINLI_CONF_H
#define LINLI_CONF_H

#include <getopt.h>
#include <stddef.h>

/* A config file larger than this is refused (ERR_TOO_BIG). */
#define CONF_MAX_BYTES (64 * 1024)

struct conf_entry {
    int line;     /* 1-based line in the file, for messages */
    char opt[64]; /* "--key" */
    char *value;  /* the option's argument; NULL for a flag set true */
};

struct conf {
    struct conf_entry *entries; /* in file order; false flags left out */
    int n;
    char *text; /* the file's text; entries point into it */
};

/*
 * Parses len bytes of text (need not be NUL-terminated) against opts, a
 * getopt_long table ending in a zeroed entry. deny, a NULL-terminated list
 * (may be NULL), names options that a file may not set (such as "config").
 * On success fills *c (to be released with conf_release) and returns 0. On
 * the first bad line returns ERR_INVALID and writes "NAME:LINE: why" to
 * err (name is how the file is called in messages); *c is then untouched.
 * ERR_TOO_BIG past CONF_MAX_BYTES.
 */
int conf_parse(const char *text, size_t len, const char *name,
               const struct option *opts, const char *const *deny,
               struct conf *c, char *err, size_t errlen);

/* conf_parse on the file at path; ERR_IO (with errno's reason in err) if
 * it cannot be read. */
int conf_read(const char *path, const struct option *opts,
              const char *const *deny, struct conf *c, char *err,
              size_t errlen);

/* Frees what conf_parse filled in; *c is then empty. */
void conf_release(struct conf *c);

#endif
