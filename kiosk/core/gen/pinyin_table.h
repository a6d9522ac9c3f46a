/*
 * pinyin_table.h - the generated pinyin initials table (private to
 * pinyin.c; written at build time by gen/pinyin_table.awk from Unihan,
 * docs/search.md).
 *
 * pinyin_table[cp - PINYIN_TABLE_FIRST] for a code point of U+3400..U+9FFF
 * is 0 (no Mandarin reading), 1..26 (its one initial, 'a'..'z'), or
 * PINYIN_TABLE_SETS + i: a polyphonic character whose initials are the
 * bits of pinyin_sets[i] (bit 0 'a' .. bit 25 'z').
 */
#ifndef LINLI_PINYIN_TABLE_H
#define LINLI_PINYIN_TABLE_H

#include <stdint.h>

#define PINYIN_TABLE_FIRST 0x3400u
#define PINYIN_TABLE_LAST  0x9FFFu
#define PINYIN_TABLE_SETS  27

extern const uint8_t pinyin_table[PINYIN_TABLE_LAST - PINYIN_TABLE_FIRST + 1];
extern const uint32_t pinyin_sets[];

#endif
