/*
 * pinyin.h - the pinyin initials of Chinese text (拼音首字母), for finding
 * names with the initials keyboard of the search screen (docs/search.md).
 *
 * A character's initials are a set: a polyphonic character keeps the
 * initial of every modern reading (行 x h, 长 c z, 乐 l y, 重 z c), so a
 * resident who reads it either way finds the name. The readings come from
 * Unicode's Unihan database, built into a table at build time
 * (gen/pinyin_table.awk); it covers U+3400..U+9FFF. ASCII letters and
 * digits stand for themselves, so "24小时" is 2 4 x s.
 */
#ifndef LINLI_PINYIN_H
#define LINLI_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* A set of initials: bit i is the letter 'a' + i, bit PINYIN_DIGIT0 + d
 * the digit d. */
#define PINYIN_DIGIT0 26

/* The most characters a name can have (bundle.h caps a name at 120
 * bytes). */
#define PINYIN_MAX_CHARS 128

/* The initials of code point cp: those of its readings for a Han
 * character, itself for an ASCII letter (either case) or digit, 0 for
 * anything else (spaces, punctuation, other scripts, a Han character
 * without a Mandarin reading). */
uint64_t pinyin_char(uint32_t cp);

/* The set a query character stands for: 'a'..'z' (either case) or
 * '0'..'9'; 0 for any other byte. */
uint64_t pinyin_key(char c);

/* The initials of the UTF-8 string s: one set per character that has
 * any, in order, skipping the others (spaces, punctuation), up to max.
 * Returns how many were written, or ERR_PARSE if s is not UTF-8. */
int pinyin_initials(const char *s, uint64_t *out, int max);

/* Writes n sets as text into out (always NUL-terminated): one letter or
 * digit for a set of one, several in brackets in alphabetical order for
 * more, "?" for an empty set: 银行 -> "y[hx]". Returns the length the
 * whole text needs, like snprintf. */
size_t pinyin_format(const uint64_t *sets, int n, char *out, size_t outlen);

#endif
