/*
 * test_notices.c - the notices list (only those in force, important first),
 * a notice's body in zh and en and in pages, and the 征询 poll: answered
 * once a visit with its outbox event, 长辈版's own submit step, and what
 * it says when there is no poll.
 */
#include "fixture.h"

#include <jansson.h>

/* Re-applies the fixture's cache with edit() run on its bundle document:
 * how a test gets a long notice or a six-option question. */
static void edit_bundle(struct ui_fixture *f, void (*edit)(json_t *root))
{
    size_t len;
    int rc;
    char *text = store_export(f->store, &len, &rc);
    assert_non_null(text);
    json_t *root = json_loadb(text, len, 0, NULL);
    assert_non_null(root);
    edit(root);
    char *doc = json_dumps(root, JSON_COMPACT);
    struct bundle *b;
    char err[256];
    if (bundle_parse(doc, strlen(doc), &b, err, sizeof(err)))
        fail_msg("bundle: %s", err);
    assert_int_equal(store_apply_bundle(f->store, b, f->now_ms), 0);
    bundle_free(b);
    free(doc);
    json_decref(root);
    free(text);
}

static json_t *find_by_id(json_t *list, const char *id)
{
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o)
    {
        if (strcmp(json_string_value(json_object_get(o, "id")), id) == 0)
            return o;
    }
    fail_msg("no %s", id);
    return NULL;
}

/* 40 numbered paragraphs: far more than one page anywhere. */
static void long_water_notice(json_t *root)
{
    char zh[4000] = "", en[4000] = "";
    for (int i = 1; i <= 40; i++) {
        char p[96];
        snprintf(p, sizeof(p), "第%d段：请提前储水。\n", i);
        strcat(zh, p);
        snprintf(p, sizeof(p), "Part %d: store water.\n", i);
        strcat(en, p);
    }
    json_t *n = find_by_id(json_object_get(root, "notices"), "water_outage");
    json_object_set_new(n, "body", json_pack("{s:s, s:s}", "zh", zh, "en", en));
}

static void notices_in_force_important_first(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "tile.notices");
    assert_string_equal(ui_fixture_screen(&f), "notices");
    /* four in force: two important (newest first), then the others */
    const char *want[] = {"供水管道检修停水通知", "流感疫苗接种通知",
                          "垃圾分类新规提醒", "冬季用电安全提示"};
    for (int i = 0; i < 4; i++) {
        char id[16];
        snprintf(id, sizeof(id), "notice.%d", i);
        const struct ui_element *e = ui_find(&f.app.ui, id);
        assert_non_null(e);
        assert_memory_equal(e->label, want[i], strlen(want[i]));
        /* 重要 is a word on the row, not a colour alone */
        assert_true((strstr(e->label, "重要") != NULL) == (i < 2));
    }
    assert_null(ui_find(&f.app.ui, "notice.4"));
    assert_int_equal(draw_list_count_text(&f.app.dl, "重要"), 2);
    /* not yet posted, and expired */
    assert_null(draw_list_find_text(&f.app.dl, "曹杨环浜健步走"));
    assert_null(draw_list_find_text(&f.app.dl, "老年人防诈骗讲座"));
    /* when each was posted and until when it holds */
    assert_non_null(draw_list_find_text(&f.app.dl, "发布于 11月22日"));
    assert_non_null(draw_list_find_text(&f.app.dl, "有效期到 11月25日"));
    /* one page: no pager */
    assert_null(ui_find(&f.app.ui, "page.next"));
    ui_fixture_close(&f);
}

static void notices_page_in_elder_mode(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.mode");
    ui_fixture_tap(&f, "tile.notices");
    /* fewer rows fit a page; the rest are on the next */
    int on_first;
    for (on_first = 0; on_first < 6; on_first++) {
        char id[16];
        snprintf(id, sizeof(id), "notice.%d", on_first);
        if (!ui_find(&f.app.ui, id))
            break;
    }
    assert_true(on_first >= 1 && on_first < 4);
    ui_fixture_tap(&f, "page.next");
    char id[16];
    snprintf(id, sizeof(id), "notice.%d", on_first);
    assert_non_null(ui_find(&f.app.ui, id));
    assert_null(ui_find(&f.app.ui, "notice.0"));
    ui_fixture_tap(&f, id);
    assert_string_equal(ui_fixture_screen(&f), "notice");
    ui_fixture_close(&f);
}

static void a_notice_in_chinese_and_english(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "tile.notices");
    ui_fixture_tap(&f, "notice.1");
    assert_string_equal(ui_fixture_screen(&f), "notice");
    assert_string_equal(router_top(&f.app.router)->args.id, "flu_vaccine");
    assert_non_null(draw_list_find_text(&f.app.dl, "流感疫苗接种通知"));
    assert_non_null(draw_list_find_text(&f.app.dl, "重要"));
    assert_non_null(draw_list_find_text(&f.app.dl, "今年流感疫苗已到货"));
    ui_fixture_tap(&f, "bar.lang");
    assert_non_null(draw_list_find_text(&f.app.dl, "Flu vaccination"));
    assert_non_null(draw_list_find_text(&f.app.dl, "Important"));
    assert_non_null(draw_list_find_text(&f.app.dl, "This season's flu"));
    assert_null(draw_list_find_text(&f.app.dl, "今年流感疫苗已到货"));
    ui_fixture_close(&f);
}

static void a_long_notice_turns_pages(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    edit_bundle(&f, long_water_notice);
    ui_fixture_tap(&f, "tile.notices");
    ui_fixture_tap(&f, "notice.0");
    assert_string_equal(ui_fixture_screen(&f), "notice");
    assert_non_null(draw_list_find_text(&f.app.dl, "第1段"));
    assert_null(draw_list_find_text(&f.app.dl, "第40段"));
    assert_true(ui_find(&f.app.ui, "page.prev")->disabled);
    assert_non_null(draw_list_find_text(&f.app.dl, "第 1/"));
    /* every paragraph shows on exactly one page, in order */
    int seen = 0, pages = 0;
    for (; pages < 20; pages++) {
        for (int i = 1; i <= 40; i++) {
            char p[32];
            snprintf(p, sizeof(p), "第%d段：", i);
            if (draw_list_find_text(&f.app.dl, p)) {
                assert_int_equal(i, seen + 1);
                seen = i;
            }
        }
        if (ui_find(&f.app.ui, "page.next")->disabled)
            break;
        ui_fixture_tap(&f, "page.next");
    }
    assert_int_equal(seen, 40);
    assert_true(pages >= 1);
    ui_fixture_tap(&f, "page.prev");
    assert_false(ui_find(&f.app.ui, "page.next")->disabled);
    /* English: the same, from its own text */
    ui_fixture_tap(&f, "bar.lang");
    assert_non_null(draw_list_find_text(&f.app.dl, "Part "));
    assert_null(draw_list_find_text(&f.app.dl, "段"));
    ui_fixture_close(&f);
}

static void answer_the_poll(struct ui_fixture *f, const int *picks, int n)
{
    for (int i = 0; i < n; i++) {
        char id[16], q[32];
        snprintf(q, sizeof(q), "第 %d/%d 题", i + 1, n);
        assert_non_null(draw_list_find_text(&f->app.dl, q));
        const struct ui_element *next =
            ui_find(&f->app.ui, i + 1 < n ? "poll.next" : "poll.submit");
        assert_non_null(next);
        assert_true(next->disabled);
        snprintf(id, sizeof(id), "opt.%d", picks[i]);
        ui_fixture_tap(f, id);
        assert_true(ui_find(&f->app.ui, id)->checked);
        if (i + 1 < n)
            ui_fixture_tap(f, "poll.next");
    }
}

static void the_poll_once_a_visit(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "tile.polls");
    assert_string_equal(ui_fixture_screen(&f), "poll");
    assert_non_null(draw_list_find_text(&f.app.dl, "社区食堂需求征询"));
    assert_non_null(
        draw_list_find_text(&f.app.dl, "你最希望社区食堂提供哪一餐"));
    assert_true(ui_find(&f.app.ui, "poll.prev")->disabled);
    /* lunch, 15-20 yuan, delivery; back to the first: choices are kept */
    answer_the_poll(&f, (const int[]){1, 2, 2}, 3);
    ui_fixture_tap(&f, "poll.prev");
    ui_fixture_tap(&f, "poll.prev");
    assert_non_null(draw_list_find_text(&f.app.dl, "第 1/3 题"));
    assert_true(ui_find(&f.app.ui, "opt.1")->checked);
    assert_false(ui_find(&f.app.ui, "opt.0")->checked);
    ui_fixture_tap(&f, "poll.next");
    ui_fixture_tap(&f, "poll.next");
    assert_true(ui_find(&f.app.ui, "opt.2")->checked);
    struct store_info info;
    assert_int_equal(store_info(f.store, &info), 0);
    assert_int_equal(info.n_poll_answers, 0);
    ui_fixture_tap(&f, "poll.submit");
    assert_non_null(draw_list_find_text(&f.app.dl, "谢谢您的意见"));
    assert_int_equal(store_info(f.store, &info), 0);
    assert_int_equal(info.n_poll_answers, 1);
    assert_int_equal(info.outbox_depth, 1);
    static struct outbox_event ev;
    int n = 0;
    assert_int_equal(outbox_peek(f.store, f.now_ms + 1, &ev, 1, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(ev.kind, "poll_answer");
    json_t *body = json_loads(ev.body, 0, NULL);
    json_t *answers = json_object_get(body, "answers");
    const char *want[][2] = {
        {"meal", "lunch"}, {"price", "15_20"}, {"way", "delivery"}};
    assert_int_equal(json_array_size(answers), 3);
    for (int i = 0; i < 3; i++) {
        json_t *a = json_array_get(answers, (size_t)i);
        assert_string_equal(json_string_value(json_object_get(a, "question")),
                            want[i][0]);
        assert_string_equal(json_string_value(json_object_get(a, "option")),
                            want[i][1]);
    }
    json_decref(body);

    /* a second time in the same visit: answered already, nothing more */
    ui_fixture_tap(&f, "poll.home");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_tap(&f, "tile.polls");
    assert_non_null(draw_list_find_text(&f.app.dl, "这次您已经回答过了"));
    assert_null(ui_find(&f.app.ui, "opt.0"));
    assert_int_equal(store_info(f.store, &info), 0);
    assert_int_equal(info.n_poll_answers, 1);
    ui_fixture_close(&f);
}

static void poll_failure_keeps_the_answers(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.lang");
    ui_fixture_tap(&f, "tile.polls");
    assert_non_null(draw_list_find_text(&f.app.dl, "Question 1 of 3"));
    ui_fixture_tap(&f, "opt.0");
    ui_fixture_tap(&f, "poll.next");
    ui_fixture_tap(&f, "opt.0");
    ui_fixture_tap(&f, "poll.next");
    ui_fixture_tap(&f, "opt.0");
    store_fail_after(f.store, 1);
    ui_fixture_tap(&f, "poll.submit");
    assert_non_null(draw_list_find_text(&f.app.dl, "Something went wrong"));
    assert_true(ui_find(&f.app.ui, "opt.0")->checked);
    struct store_info info;
    assert_int_equal(store_info(f.store, &info), 0);
    assert_int_equal(info.n_poll_answers, 0);
    assert_int_equal(info.outbox_depth, 0);
    ui_fixture_tap(&f, "poll.submit");
    assert_non_null(draw_list_find_text(&f.app.dl, "Thank you for your"));
    assert_int_equal(store_info(f.store, &info), 0);
    assert_int_equal(info.n_poll_answers, 1);
    ui_fixture_close(&f);
}

/* A sixth option on the last question. */
static void six_options_last(json_t *root)
{
    json_t *poll = json_array_get(json_object_get(root, "polls"), 0);
    json_t *qs = json_object_get(poll, "questions");
    json_t *opts =
        json_object_get(json_array_get(qs, json_array_size(qs) - 1), "options");
    json_array_append_new(opts, json_pack("{s:s, s:{s:s, s:s}}", "id", "x5",
                                          "text", "zh", "邻居帮忙", "en",
                                          "A neighbour helps"));
    json_array_append_new(opts, json_pack("{s:s, s:{s:s, s:s}}", "id", "x6",
                                          "text", "zh", "其他", "en", "Other"));
}

static void elder_submits_a_six_option_poll_on_its_own_step(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    edit_bundle(&f, six_options_last);
    ui_fixture_tap(&f, "bar.mode");
    ui_fixture_tap(&f, "tile.polls");
    ui_fixture_tap(&f, "opt.0");
    ui_fixture_tap(&f, "poll.next");
    ui_fixture_tap(&f, "opt.0");
    ui_fixture_tap(&f, "poll.next");
    /* six options: 提交 would make a seventh choice */
    assert_non_null(ui_find(&f.app.ui, "opt.5"));
    assert_null(ui_find(&f.app.ui, "poll.submit"));
    ui_fixture_tap(&f, "opt.5");
    ui_fixture_tap(&f, "poll.next");
    assert_non_null(draw_list_find_text(&f.app.dl, "题目都答完了"));
    assert_null(ui_find(&f.app.ui, "opt.0"));
    ui_fixture_tap(&f, "poll.submit");
    assert_non_null(draw_list_find_text(&f.app.dl, "谢谢您的意见"));
    struct store_info info;
    assert_int_equal(store_info(f.store, &info), 0);
    assert_int_equal(info.n_poll_answers, 1);
    ui_fixture_close(&f);
}

static void no_poll_in_force(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    /* the demo poll closes 20 days after the load date */
    f.now_ms += 25LL * 86400 * 1000;
    ui_fixture_tap(&f, "tile.polls");
    assert_string_equal(ui_fixture_screen(&f), "poll");
    assert_non_null(draw_list_find_text(&f.app.dl, "目前没有征询"));
    assert_null(ui_find(&f.app.ui, "opt.0"));
    ui_fixture_tap(&f, "poll.home");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(notices_in_force_important_first),
        cmocka_unit_test(notices_page_in_elder_mode),
        cmocka_unit_test(a_notice_in_chinese_and_english),
        cmocka_unit_test(a_long_notice_turns_pages),
        cmocka_unit_test(the_poll_once_a_visit),
        cmocka_unit_test(poll_failure_keeps_the_answers),
        cmocka_unit_test(elder_submits_a_six_option_poll_on_its_own_step),
        cmocka_unit_test(no_poll_in_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
