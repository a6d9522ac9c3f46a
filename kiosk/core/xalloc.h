/*
 * xalloc.h - allocation policy for small internal allocations.
 *
 * Small, fixed-size allocations (a struct, a short string) abort on
 * out-of-memory: the kiosk is restarted by systemd and the hardware
 * watchdog, which beats threading ERR_NOMEM through every call. Anything
 * sized by input (downloads, images, JSON) must use plain malloc and
 * return ERR_NOMEM instead.
 */
#ifndef LINLI_XALLOC_H
#define LINLI_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
