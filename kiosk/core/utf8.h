/*
 * utf8.h - strict UTF-8 decoding for text that comes from outside (a
 * query typed or given on the command line, names from a bundle).
 */
#ifndef LINLI_UTF8_H
#define LINLI_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the sequence at s (n > 0 bytes left) into *cp and returns its
 * length, or 0 if it is not well-formed UTF-8 (a stray or missing
 * continuation byte, an overlong form, a surrogate, past U+10FFFF). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* True if the NUL-terminated s is well-formed UTF-8. */
bool utf8_valid(const char *s);

#endif
