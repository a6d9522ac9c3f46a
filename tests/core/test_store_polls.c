/*
 * test_store_polls.c - the queries the poll and notice screens read: the
 * active polls in bundle order, paged; one question at a time with its
 * options, English falling back to Chinese; one notice by id.
 */
#include "testutil.h"

#include "bundle.h"
#include "err.h"
#include "store.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MON_10 test_sh_time(2026, 11, 23, 10, 0)

/* Four polls around Monday 2026-11-23, put into tests/data/mini.json:
 * "now" (two questions, the second without English), "old" (ended),
 * "later" (not started) and "also" (active, one question). */
static const char polls_json[] =
    "["
    "{\"id\": \"now\", \"title\": {\"zh\": \"食堂征询\", \"en\": \"Canteen\"},"
    " \"start\": \"2026-11-20T00:00:00+08:00\","
    " \"end\": \"2026-12-20T00:00:00+08:00\", \"questions\": ["
    "{\"id\": \"q1\", \"text\": {\"zh\": \"哪一餐？\", \"en\": \"Which "
    "meal?\"},"
    " \"options\": [{\"id\": \"lunch\", \"text\": {\"zh\": \"午餐\", \"en\":"
    " \"Lunch\"}}, {\"id\": \"dinner\", \"text\": {\"zh\": \"晚餐\", \"en\":"
    " \"Dinner\"}}, {\"id\": \"none\", \"text\": {\"zh\": \"不需要\"}}]},"
    "{\"id\": \"q2\", \"text\": {\"zh\": \"价格？\"}, \"options\": ["
    "{\"id\": \"lt10\", \"text\": {\"zh\": \"10元以下\"}},"
    " {\"id\": \"gt10\", \"text\": {\"zh\": \"10元以上\"}}]}]},"
    "{\"id\": \"old\", \"title\": {\"zh\": \"旧征询\"},"
    " \"start\": \"2026-10-01T00:00:00+08:00\","
    " \"end\": \"2026-11-01T00:00:00+08:00\", \"questions\": ["
    "{\"id\": \"q\", \"text\": {\"zh\": \"？\"}, \"options\": ["
    "{\"id\": \"a\", \"text\": {\"zh\": \"甲\"}}, {\"id\": \"b\", \"text\":"
    " {\"zh\": \"乙\"}}]}]},"
    "{\"id\": \"later\", \"title\": {\"zh\": \"将来的征询\"},"
    " \"start\": \"2026-12-01T00:00:00+08:00\","
    " \"end\": \"2026-12-31T00:00:00+08:00\", \"questions\": ["
    "{\"id\": \"q\", \"text\": {\"zh\": \"？\"}, \"options\": ["
    "{\"id\": \"a\", \"text\": {\"zh\": \"甲\"}}, {\"id\": \"b\", \"text\":"
    " {\"zh\": \"乙\"}}]}]},"
    "{\"id\": \"also\", \"title\": {\"zh\": \"停车征询\"},"
    " \"start\": \"2026-11-22T00:00:00+08:00\","
    " \"end\": \"2026-11-24T00:00:00+08:00\", \"questions\": ["
    "{\"id\": \"q\", \"text\": {\"zh\": \"要车位吗？\"}, \"options\": ["
    "{\"id\": \"yes\", \"text\": {\"zh\": \"要\"}}, {\"id\": \"no\", \"text\":"
    " {\"zh\": \"不要\"}}]}]}]";

/* mini.json with its polls replaced by polls_json. */
static struct bundle *bundle_with_polls(void)
{
    char *text = test_read_file(LINLI_TEST_DATA "/mini.json", NULL);
    json_t *root = json_loads(text, 0, NULL);
    json_t *polls = json_loads(polls_json, 0, NULL);
    assert_non_null(root);
    assert_non_null(polls);
    json_object_set_new(root, "polls", polls);
    char *doc = json_dumps(root, JSON_COMPACT);
    struct bundle *b = NULL;
    char err[256];
    if (bundle_parse(doc, strlen(doc), &b, err, sizeof err))
        fail_msg("bundle: %s", err);
    free(doc);
    json_decref(root);
    free(text);
    return b;
}

static int setup(void **state)
{
    struct store *st;
    assert_int_equal(store_open(":memory:", &st, NULL, 0), 0);
    struct bundle *b = bundle_with_polls();
    assert_int_equal(store_apply_bundle(st, b, MON_10 * 1000), 0);
    bundle_free(b);
    *state = st;
    return 0;
}

static int teardown(void **state)
{
    store_close(*state);
    return 0;
}

static void active_polls_in_bundle_order(void **state)
{
    struct store *st = *state;
    struct poll_row rows[4];
    int n = -1, total = -1;
    assert_int_equal(store_polls(st, MON_10, 0, rows, 4, &n, &total), 0);
    assert_int_equal(n, 2);
    assert_int_equal(total, 2);
    assert_string_equal(rows[0].id, "now");
    assert_string_equal(rows[0].title[LANG_ZH], "食堂征询");
    assert_string_equal(rows[0].title[LANG_EN], "Canteen");
    assert_int_equal(rows[0].n_questions, 2);
    assert_int_equal(rows[0].start, test_sh_time(2026, 11, 20, 0, 0));
    assert_int_equal(rows[0].end, test_sh_time(2026, 12, 20, 0, 0));
    assert_string_equal(rows[1].id, "also");
    /* no English title: the Chinese one */
    assert_string_equal(rows[1].title[LANG_EN], "停车征询");
    assert_int_equal(rows[1].n_questions, 1);
}

static void polls_are_paged(void **state)
{
    struct store *st = *state;
    struct poll_row row;
    int n = -1, total = -1;
    assert_int_equal(store_polls(st, MON_10, 1, &row, 1, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 2);
    assert_string_equal(row.id, "also");
    assert_int_equal(store_polls(st, MON_10, 2, &row, 1, &n, NULL), 0);
    assert_int_equal(n, 0);
}

static void polls_follow_the_clock(void **state)
{
    struct store *st = *state;
    struct poll_row rows[4];
    int n = -1, total = -1;
    /* 12-05: "now" and "later" are active, "also" has ended */
    assert_int_equal(store_polls(st, test_sh_time(2026, 12, 5, 9, 0), 0, rows,
                                 4, &n, &total),
                     0);
    assert_int_equal(n, 2);
    assert_int_equal(total, 2);
    assert_string_equal(rows[0].id, "now");
    assert_string_equal(rows[1].id, "later");
    /* the end is exclusive */
    assert_int_equal(
        store_polls(st, test_sh_time(2027, 1, 1, 0, 0), 0, rows, 4, &n, &total),
        0);
    assert_int_equal(n, 0);
    assert_int_equal(total, 0);
}

static void a_question_with_its_options(void **state)
{
    struct store *st = *state;
    struct poll_question_row q;
    assert_int_equal(store_poll_question(st, "now", 0, &q), 0);
    assert_string_equal(q.id, "q1");
    assert_string_equal(q.text[LANG_ZH], "哪一餐？");
    assert_string_equal(q.text[LANG_EN], "Which meal?");
    assert_int_equal(q.n_options, 3);
    assert_string_equal(q.options[0].id, "lunch");
    assert_string_equal(q.options[1].id, "dinner");
    assert_string_equal(q.options[1].text[LANG_EN], "Dinner");
    assert_string_equal(q.options[2].id, "none");
    assert_string_equal(q.options[2].text[LANG_EN], "不需要");

    assert_int_equal(store_poll_question(st, "now", 1, &q), 0);
    assert_string_equal(q.id, "q2");
    assert_string_equal(q.text[LANG_EN], "价格？");
    assert_int_equal(q.n_options, 2);
    assert_string_equal(q.options[0].text[LANG_ZH], "10元以下");
}

static void missing_questions_are_not_found(void **state)
{
    struct store *st = *state;
    struct poll_question_row q;
    memset(&q, 0x5A, sizeof q);
    assert_int_equal(store_poll_question(st, "now", 2, &q), ERR_NOT_FOUND);
    assert_int_equal(store_poll_question(st, "now", -1, &q), ERR_NOT_FOUND);
    assert_int_equal(store_poll_question(st, "zz", 0, &q), ERR_NOT_FOUND);
    /* out is written only on success */
    assert_int_equal((unsigned char)q.id[0], 0x5A);
    /* an ended poll's questions can still be read (answers cannot) */
    assert_int_equal(store_poll_question(st, "old", 0, &q), 0);
    assert_int_equal(q.n_options, 2);
}

static void one_notice_by_id(void **state)
{
    struct store *st = *state;
    struct notice_row r;
    assert_int_equal(store_notice(st, "n1", &r), 0);
    assert_string_equal(r.id, "n1");
    assert_string_equal(r.title[LANG_ZH], "停水通知");
    assert_string_equal(r.title[LANG_EN], "Water cut");
    assert_true(r.important);
    assert_int_equal(r.start, test_sh_time(2026, 11, 20, 0, 0));
    /* an expired one is still found (the list leaves it out) */
    assert_int_equal(store_notice(st, "n2", &r), 0);
    assert_false(r.important);
    assert_string_equal(r.title[LANG_EN], "旧通知");
    memset(&r, 0x5A, sizeof r);
    assert_int_equal(store_notice(st, "zz", &r), ERR_NOT_FOUND);
    assert_int_equal((unsigned char)r.id[0], 0x5A);
}

static void an_empty_cache_has_no_polls(void **state)
{
    (void)state;
    struct store *st;
    assert_int_equal(store_open(":memory:", &st, NULL, 0), 0);
    struct poll_row row;
    struct poll_question_row q;
    int n = -1, total = -1;
    assert_int_equal(store_polls(st, MON_10, 0, &row, 1, &n, &total), 0);
    assert_int_equal(n, 0);
    assert_int_equal(total, 0);
    assert_int_equal(store_poll_question(st, "now", 0, &q), ERR_NOT_FOUND);
    store_close(st);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(active_polls_in_bundle_order),
        T(polls_are_paged),
        T(polls_follow_the_clock),
        T(a_question_with_its_options),
        T(missing_questions_are_not_found),
        T(one_notice_by_id),
        cmocka_unit_test(an_empty_cache_has_no_polls),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
