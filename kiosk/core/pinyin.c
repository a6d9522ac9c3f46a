/*
 * pinyin.c - initials of Chinese text (pinyin.h) from the generated
 * table: one byte per code point, a polyphonic character's byte pointing
 * into a short list of sets (gen/pinyin_table.h).
 */
#include "pinyin.h"

#include "err.h"
#include "pinyin_table.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

uint64_t pinyin_key(char c)
{
    if (c >= 'a' && c <= 'z')
        return 1ull << (c - 'a');
    if (c >= 'A' && c <= 'Z')
        return 1ull << (c - 'A');
    if (c >= '0' && c <= '9')
        return 1ull << (PINYIN_DIGIT0 + c - '0');
    return 0;
}

uint64_t pinyin_char(uint32_t cp)
{
    if (cp < 0x80)
        return pinyin_key((char)cp);
    if (cp < PINYIN_TABLE_FIRST || cp > PINYIN_TABLE_LAST)
        return 0;
    unsigned v = pinyin_table[cp - PINYIN_TABLE_FIRST];
    if (v == 0)
        return 0;
    if (v < PINYIN_TABLE_SETS)
        return 1ull << (v - 1);
    return pinyin_sets[v - PINYIN_TABLE_SETS];
}

int pinyin_initials(const char *s, uint64_t *out, int max)
{
    size_t n = strlen(s);
    int k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (!len)
            return ERR_PARSE;
        i += len;
        uint64_t set = pinyin_char(cp);
        if (set && k < max)
            out[k++] = set;
    }
    return k;
}

size_t pinyin_format(const uint64_t *sets, int n, char *out, size_t outlen)
{
    static const char sym[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    size_t len = 0;
    if (outlen)
        out[0] = '\0';
    for (int i = 0; i < n; i++) {
        char one[40];
        size_t m = 0;
        for (int b = 0; b < 36; b++)
            if (sets[i] & (1ull << b))
                one[m++] = sym[b];
        one[m] = '\0';
        size_t at = len < outlen ? len : outlen;
        len += (size_t)snprintf(out + at, outlen - at,
                                m == 0   ? "?%s"
                                : m == 1 ? "%s"
                                         : "[%s]",
                                one);
    }
    return len;
}
