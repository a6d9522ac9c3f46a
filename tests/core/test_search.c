/*
 * test_search.c - queries on the demo community and the services and
 * activities they find, in order; the scoring rules one by one on single
 * names; bad queries; paging.
 */
#include "testutil.h"

#include "err.h"
#include "search.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

#define BOTH ((1u << LANG_ZH) | (1u << LANG_EN))
#define ZH   (1u << LANG_ZH)
#define EN   (1u << LANG_EN)

static int setup(void **state)
{
    *state = test_demo_store(test_sh_time(2026, 11, 23, 10, 0) * 1000);
    return 0;
}

static int teardown(void **state)
{
    store_close(*state);
    return 0;
}

struct search_case {
    const char *query;
    unsigned langs;
    const char *want; /* ids best first, "a:" for an activity, ' ' apart */
};

/* What the demo community's search gives, as a resident would type it. */
static const struct search_case cases[] = {
    /* 卫生服务站 = w s f w z, inside three names: nearest first */
    {"wsfwz", ZH, "hc_center hs_yicun hs_tongbai"},
    /* 长 is cháng or zhǎng: both find 长者食堂 */
    {"zzst", ZH, "elder_canteen"},
    {"czst", ZH, "elder_canteen"},
    /* the initials of a whole name beat those of a part */
    {"jdwx", ZH, "a:appliance_repair repair_appliance"},
    /* exact, then prefix */
    {"曹杨公园", ZH, "park_caoyang"},
    {"药房", ZH, "ph_lanxi ph_meiling ph_24h"},
    /* English: word initials of a run of words, prefix, exact */
    {"hs", EN,
     "hk_station barber_meiling restaurant_family hs_yicun hs_tongbai "
     "hk_company"},
    {"Lanxi Road Pharmacy", EN, "ph_lanxi"},
    {"lanxi road p", EN, "parking_lanxi wc_lanxi ph_lanxi"},
    {"lanxi road ph", EN, "ph_lanxi"},
    {"HEALTH station", EN, "hs_yicun hs_tongbai"},
    {"haircut", EN, "a:free_haircut"},
    /* letters query both languages on the command line */
    {"hs", BOTH,
     "recycle_point hk_station barber_meiling restaurant_family hs_yicun "
     "hs_tongbai hk_company"},
    /* digits are their own initials */
    {"24", ZH, "cvs_24h ph_24h"},
    /* nothing */
    {"xyz", BOTH, ""},
    {"幼儿园园", ZH, ""},
    {"wsfwz", EN, ""},
};

static void table_of_queries(void **state)
{
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        struct search_query q;
        assert_int_equal(search_query_parse(cases[c].query, cases[c].langs, &q),
                         0);
        struct search_hit hits[32];
        int n = -1, total = -1;
        assert_int_equal(search_run(*state, &q, 0, hits, 32, &n, &total), 0);
        char got[1024] = "";
        size_t len = 0;
        for (int i = 0; i < n; i++)
            len += (size_t)snprintf(
                got + len, sizeof(got) - len, "%s%s%s", i ? " " : "",
                hits[i].kind == SEARCH_ACTIVITY ? "a:" : "", hits[i].id);
        if (strcmp(got, cases[c].want) != 0)
            fail_msg("'%s': got '%s', want '%s'", cases[c].query, got,
                     cases[c].want);
        assert_int_equal(total, n);
    }
}

static void hits_say_why_and_how_far(void **state)
{
    struct search_query q;
    struct search_hit h[4];
    int n, total;
    assert_int_equal(search_query_parse("jdwx", BOTH, &q), 0);
    assert_int_equal(search_run(*state, &q, 0, h, 4, &n, &total), 0);
    assert_int_equal(n, 2);
    assert_int_equal(h[0].kind, SEARCH_ACTIVITY);
    assert_int_equal(h[0].score, SEARCH_INITIALS);
    assert_int_equal(h[0].lang, LANG_ZH);
    assert_string_equal(h[0].name[LANG_ZH], "家电维修");
    assert_string_equal(h[0].name[LANG_EN], "Appliance repair");
    /* at the center, where the activity takes place */
    assert_true(h[0].walk_min >= 0 && h[0].walk_min < 1);
    assert_int_equal(h[1].kind, SEARCH_SERVICE);
    assert_int_equal(h[1].score, SEARCH_INITIALS_RUN);

    assert_int_equal(
        search_query_parse("Tongbai Road Health Station", BOTH, &q), 0);
    assert_int_equal(search_run(*state, &q, 0, h, 4, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_int_equal(h[0].score, SEARCH_EXACT);
    assert_int_equal(h[0].lang, LANG_EN);
}

static void kinds_narrow_it_down(void **state)
{
    struct search_query q;
    struct search_hit h[4];
    int n, total;
    assert_int_equal(search_query_parse("jdwx", BOTH, &q), 0);
    q.kinds = 1u << SEARCH_SERVICE;
    assert_int_equal(search_run(*state, &q, 0, h, 4, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_string_equal(h[0].id, "repair_appliance");
    q.kinds = 1u << SEARCH_ACTIVITY;
    assert_int_equal(search_run(*state, &q, 0, h, 4, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_string_equal(h[0].id, "appliance_repair");
    q.kinds = 0;
    assert_int_equal(search_run(*state, &q, 0, h, 4, &n, &total), 0);
    assert_int_equal(total, 0);
}

static void pages(void **state)
{
    struct search_query q;
    assert_int_equal(search_query_parse("l", ZH, &q), 0);
    struct search_hit all[128], page[5];
    int n, total, n2, total2;
    assert_int_equal(search_run(*state, &q, 0, all, 128, &n, &total), 0);
    assert_true(total > 20);
    assert_int_equal(n, total);
    for (int off = 0; off < total; off += 5) {
        assert_int_equal(search_run(*state, &q, off, page, 5, &n2, &total2), 0);
        assert_int_equal(total2, total);
        assert_int_equal(n2, total - off < 5 ? total - off : 5);
        for (int i = 0; i < n2; i++)
            assert_string_equal(page[i].id, all[off + i].id);
        /* best first throughout */
        for (int i = 1; i < n2; i++)
            assert_true(page[i].score <= page[i - 1].score);
    }
    /* past the end, and a count alone */
    assert_int_equal(search_run(*state, &q, total + 3, page, 5, &n2, &total2),
                     0);
    assert_int_equal(n2, 0);
    assert_int_equal(total2, total);
    assert_int_equal(search_run(*state, &q, 0, page, 0, &n2, &total2), 0);
    assert_int_equal(total2, total);
    assert_int_equal(search_run(*state, &q, 0, page, 5, &n2, NULL), 0);
}

static enum search_score score(const char *query, const char *name)
{
    struct search_query q;
    assert_int_equal(search_query_parse(query, BOTH, &q), 0);
    return search_name(&q, name);
}

static void scoring_rules(void **state)
{
    assert_int_equal(score("卫生服务站", "卫生服务站"), SEARCH_EXACT);
    assert_int_equal(score("卫生", "卫生服务站"), SEARCH_PREFIX);
    assert_int_equal(score("wsfwz", "卫生服务站"), SEARCH_INITIALS);
    assert_int_equal(score("wsfwz", "社区卫生服务站"), SEARCH_INITIALS_RUN);
    assert_int_equal(score("服务", "社区卫生服务站"), SEARCH_SUBSTRING);
    assert_int_equal(score("wsz", "社区卫生服务站"), SEARCH_NONE);
    /* polyphonic: 银行 is yín háng, 行 also xíng */
    assert_int_equal(score("yh", "银行"), SEARCH_INITIALS);
    assert_int_equal(score("yx", "银行"), SEARCH_INITIALS);
    /* 音乐 yīn yuè, 乐 also lè */
    assert_int_equal(score("yy", "音乐"), SEARCH_INITIALS);
    assert_int_equal(score("yl", "音乐"), SEARCH_INITIALS);
    assert_int_equal(score("zd", "重点"), SEARCH_INITIALS);
    assert_int_equal(score("cd", "重点"), SEARCH_INITIALS);
    assert_int_equal(score("cj", "参加"), SEARCH_INITIALS);
    assert_int_equal(score("hj", "还价"), SEARCH_INITIALS);
    assert_int_equal(score("hz", "和睦"), SEARCH_NONE);
    /* case, spaces at the ends, letters and digits in a Chinese name */
    assert_int_equal(score("  KFC ", "kfc"), SEARCH_EXACT);
    assert_int_equal(score("kfc", "KFC肯德基"), SEARCH_PREFIX);
    assert_int_equal(score("kdj", "KFC肯德基"), SEARCH_INITIALS_RUN);
    assert_int_equal(score("24", "24小时药房"), SEARCH_PREFIX);
    assert_int_equal(score("24xs", "24小时药房"), SEARCH_INITIALS_RUN);
    assert_int_equal(score("4xsyf", "24小时药房"), SEARCH_INITIALS_RUN);
    /* English words: initials of all or a run of them; spaces ignored */
    assert_int_equal(score("thc", "Tongbai Health Center"), SEARCH_INITIALS);
    assert_int_equal(score("h c", "Tongbai Health Center"),
                     SEARCH_INITIALS_RUN);
    assert_int_equal(score("hss", "Home-Style Shop"), SEARCH_INITIALS);
    assert_int_equal(score("alth", "Tongbai Health Center"), SEARCH_SUBSTRING);
    /* a query with other characters is never initials */
    assert_int_equal(score("ws-", "卫生服务站"), SEARCH_NONE);
}

static void bad_queries(void **state)
{
    struct search_query q = {.n_keys = 99};
    char long_q[SEARCH_QUERY_MAX + 2];
    memset(long_q, 'a', sizeof(long_q) - 1);
    long_q[sizeof(long_q) - 1] = '\0';
    assert_int_equal(search_query_parse("", BOTH, &q), ERR_ARG);
    assert_int_equal(search_query_parse("   ", BOTH, &q), ERR_ARG);
    assert_int_equal(search_query_parse("ws", 0, &q), ERR_ARG);
    assert_int_equal(search_query_parse(long_q, BOTH, &q), ERR_TOO_BIG);
    assert_int_equal(search_query_parse("w\xff", BOTH, &q), ERR_PARSE);
    assert_int_equal(search_query_parse("\xe5\x8d", BOTH, &q), ERR_PARSE);
    assert_int_equal(search_query_parse("ws\tz", BOTH, &q), ERR_PARSE);
    assert_int_equal(q.n_keys, 99); /* untouched on error */
    /* the longest query is fine */
    long_q[SEARCH_QUERY_MAX] = '\0';
    assert_int_equal(search_query_parse(long_q, BOTH, &q), 0);
    assert_int_equal(q.n_keys, SEARCH_QUERY_MAX);
}

static void empty_cache_finds_nothing(void **state)
{
    char err[128];
    struct store *st;
    assert_int_equal(store_open(":memory:", &st, err, sizeof(err)), 0);
    struct search_query q;
    struct search_hit h[2];
    int n = -1, total = -1;
    assert_int_equal(search_query_parse("ws", BOTH, &q), 0);
    assert_int_equal(search_run(st, &q, 0, h, 2, &n, &total), 0);
    assert_int_equal(n, 0);
    assert_int_equal(total, 0);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_of_queries),
        cmocka_unit_test(hits_say_why_and_how_far),
        cmocka_unit_test(kinds_narrow_it_down),
        cmocka_unit_test(pages),
        cmocka_unit_test(scoring_rules),
        cmocka_unit_test(bad_queries),
        cmocka_unit_test(empty_cache_finds_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
