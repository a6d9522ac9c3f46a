/*
 * buf.h - a caller-owned growable byte buffer with a size cap.
 *
 * In the spirit of curl's dynbuf: buf_init() cannot fail and allocates
 * nothing; every append either succeeds whole or leaves the buffer as it
 * was and returns ERR_TOO_BIG (the cap would be passed) or ERR_NOMEM.
 * The data is always NUL-terminated once anything was appended, so text
 * can be used as a C string. buf_take() hands the memory to the caller.
 */
#ifndef LINLI_BUF_H
#define LINLI_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
    char *data;  /* NULL until the first append */
    size_t len;  /* bytes used, not counting the terminating NUL */
    size_t cap;  /* bytes allocated */
    size_t max;  /* the cap on len */
};

void buf_init(struct buf *b, size_t max);
/* Frees the memory; the buffer is then as after buf_init(b, b->max). */
void buf_release(struct buf *b);
/* Forgets the content but keeps the memory for reuse. */
void buf_clear(struct buf *b);

int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* Appends the whole file at path. ERR_IO if it cannot be read (errno
 * says why), ERR_TOO_BIG past the cap (the buffer then holds a prefix to
 * be released), ERR_NOMEM. */
int buf_read_file(struct buf *b, const char *path);

/* Returns the data (an empty string if nothing was appended; never NULL,
 * aborts on OOM for that one byte) and resets the buffer. The caller
 * frees it. */
char *buf_take(struct buf *b, size_t *len_out);

#endif
