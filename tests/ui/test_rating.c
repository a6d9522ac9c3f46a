/*
 * test_rating.c - the 好差评 flow driven by taps: choosing the center or a
 * service, the five levels exactly and in order, reasons for 1-2, one
 * rating per target per visit (until the idle reset), the deaf first 3 s
 * of the thank-you, 长辈版 and English, and a failed write.
 */
#include "fixture.h"

#include <jansson.h>

static const char *const levels_zh[] = {"非常满意", "满意", "基本满意",
                                        "不满意", "非常不满意"};

static int n_ratings(struct ui_fixture *f)
{
    struct store_info info;
    assert_int_equal(store_info(f->store, &info), 0);
    return info.n_ratings;
}

static int depth(struct ui_fixture *f)
{
    int n = -1;
    assert_int_equal(outbox_depth(f->store, &n), 0);
    return n;
}

/* The newest outbox event, which must be a rating; its body parsed. */
static json_t *last_rating(struct ui_fixture *f)
{
    static struct outbox_event ev[8];
    int n = 0;
    assert_int_equal(outbox_peek(f->store, f->now_ms + 1, ev, 8, &n), 0);
    assert_true(n > 0);
    assert_string_equal(ev[n - 1].kind, "rating");
    json_t *body = json_loads(ev[n - 1].body, 0, NULL);
    assert_non_null(body);
    return body;
}

static const char *jstr(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    assert_non_null(s);
    return s;
}

static bool disabled(struct ui_fixture *f, const char *id)
{
    const struct ui_element *e = ui_find(&f->app.ui, id);
    assert_non_null(e);
    return e->disabled;
}

/* Elements other than the frame's: the choices DESIGN §6 counts. */
static int choices(struct ui_fixture *f)
{
    int n = 0;
    for (int i = 0; i < f->app.ui.n_el; i++)
        if (f->app.ui.el[i].role != ROLE_NAV &&
            f->app.ui.el[i].role != ROLE_KEY)
            n++;
    return n;
}

static void open_center(struct ui_fixture *f)
{
    ui_fixture_tap(f, "tile.rating");
    assert_string_equal(ui_fixture_screen(f), "rate_target");
    ui_fixture_tap(f, "rate.center");
    assert_string_equal(ui_fixture_screen(f), "rate");
}

static void the_five_levels_exactly_in_order(struct ui_fixture *f,
                                             const char *const *labels)
{
    int last = -1;
    for (int level = 5; level >= 1; level--) {
        char id[16];
        snprintf(id, sizeof(id), "level.%d", level);
        const struct ui_element *e = ui_find(&f->app.ui, id);
        assert_non_null(e);
        int at = (int)(e - f->app.ui.el);
        assert_true(at > last);
        last = at;
        const char *want = labels[5 - level];
        assert_memory_equal(e->label, want, strlen(want));
        assert_true(e->label[strlen(want)] == ' ' ||
                    e->label[strlen(want)] == '\0');
        assert_non_null(draw_list_find_text(&f->app.dl, want));
    }
}

static void rate_the_center_very_satisfied(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_center(&f);
    assert_non_null(draw_list_find_text(&f.app.dl, "曹杨新村街道党群服务中心"));
    assert_non_null(draw_list_find_text(&f.app.dl, "的服务满意吗"));
    assert_non_null(draw_list_find_text(&f.app.dl, "每次办事可评价一次"));
    the_five_levels_exactly_in_order(&f, levels_zh);
    assert_int_equal(n_ratings(&f), 0);

    ui_fixture_tap(&f, "level.5");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    assert_non_null(draw_list_find_text(&f.app.dl, "谢谢您的评价"));
    assert_int_equal(n_ratings(&f), 1);
    assert_int_equal(depth(&f), 1);
    json_t *ev = last_rating(&f);
    assert_string_equal(jstr(ev, "target_kind"), "center");
    assert_string_equal(jstr(ev, "target_id"), "caoyang-01");
    assert_int_equal(json_integer_value(json_object_get(ev, "level")), 5);
    assert_int_equal(json_array_size(json_object_get(ev, "reasons")), 0);
    json_decref(ev);
    ui_fixture_close(&f);
}

static void one_rating_per_target_until_the_idle_reset(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_center(&f);
    ui_fixture_tap(&f, "level.4");
    assert_int_equal(n_ratings(&f), 1);
    replay_wait(&f.app, &f.now_ms, 3500);
    ui_fixture_tap(&f, "thanks.home");
    assert_string_equal(ui_fixture_screen(&f), "home");

    /* the center says 已评价 and cannot be chosen */
    ui_fixture_tap(&f, "tile.rating");
    assert_true(disabled(&f, "rate.center"));
    assert_non_null(draw_list_find_text(&f.app.dl, "已评价"));
    ui_fixture_tap(&f, "rate.center");
    assert_string_equal(ui_fixture_screen(&f), "rate_target");

    /* opened anyway (a replay, a stale screen): already, no levels */
    router_push(&f.app.router, &screen_rate, &(struct screen_args){{0}, 0});
    app_frame(&f.app);
    assert_string_equal(ui_fixture_screen(&f), "rate");
    assert_non_null(draw_list_find_text(&f.app.dl, "这次已经评价过了"));
    assert_null(ui_find(&f.app.ui, "level.5"));
    ui_fixture_tap(&f, "rate.home");
    assert_string_equal(ui_fixture_screen(&f), "home");
    assert_int_equal(n_ratings(&f), 1);

    /* a new visit after the idle reset may rate again */
    ui_fixture_tap(&f, "tile.rating");
    replay_wait(&f.app, &f.now_ms, 130 * 1000);
    assert_int_equal(f.app.resets, 1);
    assert_string_equal(ui_fixture_screen(&f), "home");
    open_center(&f);
    assert_false(disabled(&f, "level.5"));
    ui_fixture_tap(&f, "level.3");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    assert_int_equal(n_ratings(&f), 2);
    ui_fixture_close(&f);
}

static void dissatisfied_asks_why_and_records_the_reasons(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_center(&f);
    ui_fixture_tap(&f, "level.2");
    assert_string_equal(ui_fixture_screen(&f), "rate");
    assert_non_null(draw_list_find_text(&f.app.dl, "您的评价：不满意"));
    assert_non_null(draw_list_find_text(&f.app.dl, "哪里让您不满意"));
    const char *chips[] = {"reason.long_wait",  "reason.attitude",
                           "reason.process",    "reason.facilities",
                           "reason.wrong_info", "reason.other"};
    for (int i = 0; i < 6; i++) {
        const struct ui_element *e = ui_find(&f.app.ui, chips[i]);
        assert_non_null(e);
        assert_int_equal(e->role, ROLE_CHIP);
        assert_false(e->checked);
    }
    /* no reason yet: submit does nothing */
    assert_true(disabled(&f, "rate.submit"));
    ui_fixture_tap(&f, "rate.submit");
    assert_string_equal(ui_fixture_screen(&f), "rate");
    assert_int_equal(n_ratings(&f), 0);

    /* chips toggle */
    ui_fixture_tap(&f, "reason.long_wait");
    ui_fixture_tap(&f, "reason.process");
    ui_fixture_tap(&f, "reason.attitude");
    ui_fixture_tap(&f, "reason.process");
    assert_true(ui_find(&f.app.ui, "reason.long_wait")->checked);
    assert_true(ui_find(&f.app.ui, "reason.attitude")->checked);
    assert_false(ui_find(&f.app.ui, "reason.process")->checked);
    assert_false(disabled(&f, "rate.submit"));
    ui_fixture_tap(&f, "rate.submit");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    assert_non_null(draw_list_find_text(&f.app.dl, "我们会改进"));
    assert_non_null(draw_list_find_text(&f.app.dl, "工作人员会尽快跟进处理"));

    json_t *ev = last_rating(&f);
    assert_int_equal(json_integer_value(json_object_get(ev, "level")), 2);
    json_t *r = json_object_get(ev, "reasons");
    assert_int_equal(json_array_size(r), 2);
    assert_string_equal(json_string_value(json_array_get(r, 0)), "long_wait");
    assert_string_equal(json_string_value(json_array_get(r, 1)), "attitude");
    json_decref(ev);
    ui_fixture_close(&f);
}

static void thanks_ignores_taps_for_three_seconds(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_center(&f);
    ui_fixture_tap(&f, "level.5");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    int64_t entered = app_mono_ms(&f.app);
    /* it asks to be redrawn when the button comes alive */
    assert_true(app_next_deadline(&f.app) <= entered + 3000);
    ui_fixture_tap(&f, "thanks.home");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    replay_wait(&f.app, &f.now_ms, 2500);
    ui_fixture_tap(&f, "thanks.home");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    replay_wait(&f.app, &f.now_ms, 600);
    ui_fixture_tap(&f, "thanks.home");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

static void a_service_from_the_list(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "tile.rating");
    /* nearest first: the list's first row is the nearest service */
    struct service_row first;
    int n = 0;
    struct service_query q = {0};
    assert_int_equal(
        store_services(f.store, &q, f.now_ms / 1000, &first, 1, &n, NULL), 0);
    assert_int_equal(n, 1);
    const struct ui_element *row = ui_find(&f.app.ui, "svc.0");
    assert_non_null(row);
    assert_memory_equal(row->label, first.name[LANG_ZH],
                        strlen(first.name[LANG_ZH]));
    ui_fixture_tap(&f, "svc.0");
    assert_string_equal(ui_fixture_screen(&f), "rate");
    assert_string_equal(router_top(&f.app.router)->args.id, first.id);
    assert_non_null(draw_list_find_text(&f.app.dl, first.name[LANG_ZH]));
    ui_fixture_tap(&f, "level.4");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    json_t *ev = last_rating(&f);
    assert_string_equal(jstr(ev, "target_kind"), "service");
    assert_string_equal(jstr(ev, "target_id"), first.id);
    json_decref(ev);

    /* back on the list (once the thanks listens): that service is rated,
     * the center is not */
    replay_wait(&f.app, &f.now_ms, 3500);
    ui_fixture_tap(&f, "nav.back");
    assert_string_equal(ui_fixture_screen(&f), "rate_target");
    assert_true(disabled(&f, "svc.0"));
    assert_false(disabled(&f, "svc.1"));
    assert_false(disabled(&f, "rate.center"));
    /* and the list pages */
    ui_fixture_tap(&f, "page.next");
    assert_null(ui_find(&f.app.ui, "svc.0"));
    ui_fixture_close(&f);
}

static void elder_mode_in_english(void **state)
{
    static const char *const levels_en[] = {"Very satisfied", "Satisfied",
                                            "Fairly satisfied", "Dissatisfied",
                                            "Very dissatisfied"};
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    ui_fixture_tap(&f, "bar.lang");
    ui_fixture_tap(&f, "bar.mode");
    ui_fixture_tap(&f, "tile.rating");
    assert_true(choices(&f) <= 6);
    ui_fixture_tap(&f, "rate.center");
    assert_non_null(draw_list_find_text(&f.app.dl, "How satisfied are you"));
    the_five_levels_exactly_in_order(&f, levels_en);
    assert_true(choices(&f) <= 6);
    /* a column in portrait: each level under the one before */
    for (int level = 5; level > 1; level--) {
        char a[16], b[16];
        snprintf(a, sizeof(a), "level.%d", level);
        snprintf(b, sizeof(b), "level.%d", level - 1);
        assert_true(ui_find(&f.app.ui, b)->rect.y >
                    ui_find(&f.app.ui, a)->rect.y);
        assert_true(ui_find(&f.app.ui, a)->rect.h >= f.app.theme.target);
    }
    ui_fixture_tap(&f, "level.1");
    /* five reasons and submit: six choices */
    assert_int_equal(choices(&f), 6);
    assert_null(ui_find(&f.app.ui, "reason.wrong_info"));
    ui_fixture_tap(&f, "reason.other");
    ui_fixture_tap(&f, "rate.submit");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    assert_non_null(draw_list_find_text(&f.app.dl, "Thank you for telling"));
    json_t *ev = last_rating(&f);
    assert_int_equal(json_integer_value(json_object_get(ev, "level")), 1);
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(ev, "reasons"), 0)),
        "other");
    json_decref(ev);
    ui_fixture_close(&f);
}

static void a_failed_write_keeps_the_choice(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_center(&f);
    store_fail_after(f.store, 1);
    ui_fixture_tap(&f, "level.5");
    assert_string_equal(ui_fixture_screen(&f), "rate");
    assert_non_null(draw_list_find_text(&f.app.dl, "出了点问题"));
    assert_true(ui_find(&f.app.ui, "level.5")->checked);
    assert_int_equal(n_ratings(&f), 0);
    assert_int_equal(depth(&f), 0);
    assert_false(app_has_rated(&f.app, "center", "caoyang-01"));

    /* the same for a low rating: the reasons stay ticked */
    ui_fixture_tap(&f, "level.1");
    assert_null(draw_list_find_text(&f.app.dl, "出了点问题"));
    ui_fixture_tap(&f, "reason.long_wait");
    store_fail_after(f.store, 1);
    ui_fixture_tap(&f, "rate.submit");
    assert_string_equal(ui_fixture_screen(&f), "rate");
    assert_non_null(draw_list_find_text(&f.app.dl, "出了点问题"));
    assert_true(ui_find(&f.app.ui, "reason.long_wait")->checked);
    assert_int_equal(n_ratings(&f), 0);
    assert_int_equal(depth(&f), 0);

    /* the fault passed: trying again works */
    ui_fixture_tap(&f, "rate.submit");
    assert_string_equal(ui_fixture_screen(&f), "rate_thanks");
    assert_int_equal(n_ratings(&f), 1);
    assert_int_equal(depth(&f), 1);
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rate_the_center_very_satisfied),
        cmocka_unit_test(one_rating_per_target_until_the_idle_reset),
        cmocka_unit_test(dissatisfied_asks_why_and_records_the_reasons),
        cmocka_unit_test(thanks_ignores_taps_for_three_seconds),
        cmocka_unit_test(a_service_from_the_list),
        cmocka_unit_test(elder_mode_in_english),
        cmocka_unit_test(a_failed_write_keeps_the_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
