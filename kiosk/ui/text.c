/*
 * text.c - estimated metrics and line breaking (text.h).
 */
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s (n bytes left); returns its length (1
 * for a bad byte, which then counts as U+FFFD) and the code point. */
static size_t utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = u[0] < 0x80 ? 1 : u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3
                 : u[0] >= 0xC0 ? 2 : 1;
    if (len > n || (len == 1 && u[0] >= 0x80)) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t c = len == 1 ? u[0] : u[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++)
        c = (c << 6) | (u[i] & 0x3F);
    *cp = c;
    return len;
}

static bool is_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
}

/* Widths in hundredths of an em, close to Noto Sans CJK's Latin. */
static int approx_advance(uint32_t cp)
{
    if (is_wide(cp))
        return 100;
    if (cp == ' ')
        return 22;
    if (strchr("iljtf.,:;!|'", (int)cp))
        return 28;
    if (strchr("mwMW", (int)cp))
        return 85;
    if (cp >= 'A' && cp <= 'Z')
        return 64;
    return 55;
}

static int approx_width(void *ctx, const char *s, size_t len, int px,
                        enum font_weight w)
{
    long sum = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_next(s + i, len - i, &cp);
        sum += approx_advance(cp);
    }
    if (w == FONT_BOLD)
        sum += sum / 25;
    return (int)((sum * px + 99) / 100);
}

static int approx_ink_height(void *ctx, const char *s, size_t len, int px,
                             enum font_weight w)
{
    int best = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_next(s + i, len - i, &cp);
        int h = is_wide(cp) ? px * 92 / 100
                : (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    ? px * 73 / 100
                : cp == ' ' ? 0
                            : px * 53 / 100;
        if (h > best)
            best = h;
    }
    return best;
}

struct text_metrics text_metrics_approx(void)
{
    struct text_metrics tm = {NULL, approx_width, approx_ink_height};
    return tm;
}

/* Characters a line must not start with (行首禁则). */
static bool no_break_before(uint32_t cp)
{
    static const uint32_t closing[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F,
        0xFF09, 0x300D, 0x300F, 0x3011, 0x201D, 0x2019, 0x2026, ',', '.',
        ':', ';', '!', '?', ')', ']', '%'};
    for (size_t i = 0; i < sizeof(closing) / sizeof(closing[0]); i++)
        if (cp == closing[i])
            return true;
    return false;
}

void text_wrap(const struct text_metrics *tm, const char *s, int px,
               enum font_weight w, int max_w, int max_lines,
               struct text_lines *out)
{
    memset(out, 0, sizeof(*out));
    if (max_lines > TEXT_MAX_LINES)
        max_lines = TEXT_MAX_LINES;
    size_t n = strlen(s), pos = 0;
    while (pos < n && out->n < max_lines) {
        while (pos < n && s[pos] == ' ')
            pos++;
        if (pos >= n)
            break;
        /* Grow the line a character at a time, remembering the last place
         * a break is allowed. */
        size_t end = pos, brk = 0;
        bool forced = false;
        while (end < n) {
            uint32_t cp;
            size_t cl = utf8_next(s + end, n - end, &cp);
            if (s[end] == '\n') {
                brk = end;
                forced = true;
                break;
            }
            if (text_width(tm, s + pos, end + cl - pos, px, w) > max_w &&
                end > pos)
                break;
            end += cl;
            if (end >= n)
                break;
            uint32_t next;
            utf8_next(s + end, n - end, &next);
            bool latin_pair = !is_wide(cp) && !is_wide(next) && cp != ' ' &&
                              next != ' ';
            if (!latin_pair && !no_break_before(next))
                brk = end;
        }
        size_t line_end = end >= n || forced ? (forced ? brk : n)
                          : brk > pos        ? brk
                                             : end;
        size_t len = line_end - pos;
        while (len > 0 && s[pos + len - 1] == ' ')
            len--;
        out->start[out->n] = pos;
        out->len[out->n] = len;
        int lw = text_width(tm, s + pos, len, px, w);
        if (lw > out->width)
            out->width = lw;
        out->n++;
        pos = forced ? line_end + 1 : line_end;
    }
    while (pos < n && (s[pos] == ' ' || s[pos] == '\n'))
        pos++;
    out->overflow = pos < n;
}
