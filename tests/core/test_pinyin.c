/*
 * test_pinyin.c - the generated initials table: common characters,
 * polyphonic ones keeping every modern reading's initial, the ends of the
 * table, and whole strings with letters, digits and punctuation.
 */
#include "testutil.h"

#include "err.h"
#include "pinyin.h"
#include "utf8.h"

#include <string.h>

/* The initials of s as pinyin_format() writes them. */
static const char *initials(const char *s)
{
    static char out[256];
    uint64_t sets[PINYIN_MAX_CHARS];
    int n = pinyin_initials(s, sets, PINYIN_MAX_CHARS);
    assert_true(n >= 0);
    pinyin_format(sets, n, out, sizeof(out));
    return out;
}

/* The initials of one character, as text. */
static const char *char_initials(const char *utf8)
{
    static char out[64];
    uint32_t cp;
    assert_int_equal(utf8_decode(utf8, strlen(utf8), &cp), strlen(utf8));
    uint64_t set = pinyin_char(cp);
    pinyin_format(&set, 1, out, sizeof(out));
    return out;
}

static void common_characters(void **state)
{
    assert_string_equal(char_initials("社"), "s");
    assert_string_equal(char_initials("区"), "[oq]"); /* qū; ōu a surname */
    assert_string_equal(char_initials("卫"), "w");
    assert_string_equal(char_initials("站"), "z");
    assert_string_equal(char_initials("一"), "y"); /* U+4E00 */
    assert_string_equal(char_initials("爱"), "a"); /* a vowel: ài */
    assert_string_equal(char_initials("饿"), "e"); /* è */
    assert_string_equal(char_initials("女"), "n"); /* nǚ */
    assert_string_equal(char_initials("银"), "y");
    assert_string_equal(char_initials("㐀"), "q"); /* U+3400, Ext. A */
}

static void polyphonic_characters_keep_every_initial(void **state)
{
    assert_string_equal(char_initials("行"), "[hx]"); /* xíng, háng */
    assert_string_equal(char_initials("长"), "[cz]"); /* cháng, zhǎng */
    assert_string_equal(char_initials("乐"), "[ly]"); /* lè, yuè */
    assert_string_equal(char_initials("重"), "[cz]"); /* zhòng, chóng */
    assert_string_equal(char_initials("参"), "[cs]"); /* cān, cēn, shēn */
    /* 还 hái, huán: one initial; its classical fú is left out */
    assert_string_equal(char_initials("还"), "h");
    /* 和 hé hè hú huó huò: all h */
    assert_string_equal(char_initials("和"), "h");
}

static void outside_the_table(void **state)
{
    assert_int_equal(pinyin_char(0x3000), 0);  /* ideographic space */
    assert_int_equal(pinyin_char(0xFF08), 0);  /* （ */
    assert_int_equal(pinyin_char(0x20000), 0); /* Ext. B: not covered */
    assert_int_equal(pinyin_char(0xAC00), 0);  /* Hangul */
    assert_int_equal(pinyin_char(0x4DC0), 0);  /* a hexagram, no reading */
    assert_int_equal(pinyin_char('-'), 0);
    assert_int_equal(pinyin_char('A'), pinyin_key('a'));
    assert_int_equal(pinyin_char('7'), 1ull << (PINYIN_DIGIT0 + 7));
    assert_int_equal(pinyin_key('!'), 0);
}

static void strings(void **state)
{
    assert_string_equal(initials("社区卫生服务站"), "s[oq]wsfwz");
    assert_string_equal(initials("银行"), "y[hx]");
    /* 食 shí, sì (to feed), yì (in a name) */
    assert_string_equal(initials("兰溪路长者食堂"), "lxl[cz]z[sy]t");
    /* letters and digits pass through lower-cased; punctuation and
     * spaces are skipped */
    assert_string_equal(initials("枣阳路24小时药房"), "zyl24xsyf");
    assert_string_equal(initials("KFC 肯德基"), "kfckdj");
    assert_string_equal(initials("智能快递柜（东门）"), "znkd[gj]dm");
    assert_string_equal(initials(""), "");
    /* at most max sets */
    uint64_t sets[3];
    assert_int_equal(pinyin_initials("社区卫生服务站", sets, 3), 3);
    /* not UTF-8 */
    assert_int_equal(pinyin_initials("\xe7\xa4", sets, 3), ERR_PARSE);
    assert_int_equal(pinyin_initials("a\xff", sets, 3), ERR_PARSE);
}

static void format_truncates_like_snprintf(void **state)
{
    uint64_t sets[2] = {pinyin_key('x') | pinyin_key('h'), 0};
    char out[3];
    assert_int_equal(pinyin_format(sets, 2, out, sizeof(out)), 5);
    assert_string_equal(out, "[h");
}

static void utf8_is_strict(void **state)
{
    uint32_t cp;
    assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 0);     /* overlong */
    assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
    assert_int_equal(utf8_decode("\xe4\xb8", 2, &cp), 0);     /* cut */
    assert_int_equal(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
    assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    assert_true(utf8_valid("社区 ok"));
    assert_false(utf8_valid("ok\x80"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(common_characters),
        cmocka_unit_test(polyphonic_characters_keep_every_initial),
        cmocka_unit_test(outside_the_table),
        cmocka_unit_test(strings),
        cmocka_unit_test(format_truncates_like_snprintf),
        cmocka_unit_test(utf8_is_strict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
