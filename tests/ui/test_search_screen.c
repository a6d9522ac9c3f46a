/*
 * test_search_screen.c - the search screen: opened from home's bar, letters
 * typed on its keys find services and activities as they are typed,
 * 删除 and 清空, paging, opening a result, English names, and 长辈版's
 * six choices in both orientations.
 */
#include "fixture.h"
#include "probe.h"

/* Taps the keys of letters (a-z) one by one. */
static void type_keys(struct ui_fixture *f, const char *letters)
{
    for (const char *p = letters; *p; p++) {
        char id[16];
        snprintf(id, sizeof(id), "key.%c", *p);
        ui_fixture_tap(f, id);
    }
}

/* The label of result i on screen ("" if none). */
static const char *hit(struct ui_fixture *f, int i)
{
    char id[16];
    snprintf(id, sizeof(id), "hit.%d", i);
    app_frame(&f->app);
    const struct ui_element *e = ui_find(&f->app.ui, id);
    return e ? e->label : "";
}

static void open_search(struct ui_fixture *f)
{
    ui_fixture_tap(f, "bar.search");
    assert_string_equal(ui_fixture_screen(f), "search");
}

static void typing_initials_finds_as_you_type(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_search(&f);
    /* nothing typed: the hint, no results, 删除 and 清空 disabled */
    assert_true(probe_shows(&f, "输入名称拼音首字母，如 wsfwz = 卫生服务站"));
    assert_string_equal(hit(&f, 0), "");
    assert_true(probe_element(&f, "key.del")->disabled);
    assert_true(probe_element(&f, "key.clear")->disabled);

    type_keys(&f, "wsfwz");
    assert_true(probe_shows(&f, "WSFWZ"));
    assert_string_equal(hit(&f, 0), "曹杨新村街道社区卫生服务中心");
    assert_string_equal(hit(&f, 1), "曹杨一村卫生服务站");
    assert_string_equal(hit(&f, 2), "桐柏路卫生服务站");
    assert_string_equal(hit(&f, 3), "");
    assert_true(probe_shows(&f, "找到 3 个"));
    assert_true(probe_shows(&f, "步行"));

    /* one more letter: nothing, and the screen says so */
    type_keys(&f, "q");
    assert_string_equal(hit(&f, 0), "");
    assert_true(probe_shows(&f, "没有找到“WSFWZQ”"));
    /* 删除 takes it back */
    ui_fixture_tap(&f, "key.del");
    assert_true(probe_shows(&f, "WSFWZ"));
    assert_string_equal(hit(&f, 2), "桐柏路卫生服务站");
    /* as does a keyboard's backspace */
    struct input_event bs = input_key(KEY_BACKSPACE);
    app_event(&f.app, &bs);
    assert_true(probe_shows(&f, "WSFW"));
    assert_false(probe_shows(&f, "WSFWZ"));
    /* 清空 empties it */
    ui_fixture_tap(&f, "key.clear");
    assert_string_equal(hit(&f, 0), "");
    assert_true(probe_shows(&f, "输入名称拼音首字母"));
    ui_fixture_close(&f);
}

static void a_result_opens_its_service_or_activity(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_search(&f);
    type_keys(&f, "czst"); /* 长 read cháng */
    assert_string_equal(hit(&f, 0), "兰溪路长者食堂");
    ui_fixture_tap(&f, "hit.0");
    assert_string_equal(ui_fixture_screen(&f), "service");
    assert_string_equal(router_top(&f.app.router)->args.id, "elder_canteen");
    /* back: the letters are still there */
    ui_fixture_tap(&f, "nav.back");
    assert_string_equal(ui_fixture_screen(&f), "search");
    assert_string_equal(hit(&f, 0), "兰溪路长者食堂");

    /* an activity opens its times */
    ui_fixture_tap(&f, "key.clear");
    type_keys(&f, "jdwx");
    assert_string_equal(hit(&f, 0), "家电维修");
    assert_true(probe_shows(&f, "志愿服务"));
    ui_fixture_tap(&f, "hit.0");
    assert_string_equal(ui_fixture_screen(&f), "slots");
    assert_string_equal(router_top(&f.app.router)->args.id, "appliance_repair");
    ui_fixture_close(&f);
}

static void results_come_in_pages(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_search(&f);
    type_keys(&f, "c");
    const struct ui_element *next = probe_element(&f, "page.next");
    assert_false(next->disabled);
    assert_true(probe_element(&f, "page.prev")->disabled);
    char first[UI_LABEL_MAX];
    snprintf(first, sizeof(first), "%s", hit(&f, 0));
    ui_fixture_tap(&f, "page.next");
    /* the second page numbers its rows on from the first */
    assert_string_equal(hit(&f, 0), "");
    int i = 1;
    while (!*hit(&f, i) && i < 20)
        i++;
    assert_true(i < 20);
    assert_string_not_equal(hit(&f, i), first);
    /* a new letter starts again at the first page */
    type_keys(&f, "y");
    assert_true(probe_element(&f, "page.prev")->disabled);
    assert_string_equal(hit(&f, 0), "曹杨新村街道党群服务中心");
    ui_fixture_close(&f);
}

static void english_names_by_word_initials(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.lang");
    open_search(&f);
    assert_true(probe_shows(&f, "hs = Health Station"));
    type_keys(&f, "hs");
    /* English names only: 回收 (huí shōu) is not among them */
    for (int i = 0; i < 8; i++)
        assert_null(strstr(hit(&f, i), "回收"));
    assert_string_equal(hit(&f, 0),
                        "Caoyang New Village Housekeeping Service Station");
    /* the initials of a whole name */
    ui_fixture_tap(&f, "key.clear");
    type_keys(&f, "trhs");
    assert_string_equal(hit(&f, 0), "Tongbai Road Health Station");
    assert_string_equal(hit(&f, 1), "");
    assert_true(probe_shows(&f, "1 found"));
    /* pinyin finds nothing in English */
    ui_fixture_tap(&f, "key.clear");
    type_keys(&f, "wsfwz");
    assert_string_equal(hit(&f, 0), "");
    assert_true(probe_shows(&f, "Nothing found"));
    ui_fixture_close(&f);
}

/* 长辈版: the keys are one control; results at most four a page, so no
 * more than six choices, landscape and portrait, small and large. */
static void elder_keeps_to_six_choices(void **state)
{
    const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 800}};
    for (size_t s = 0; s < 3; s++) {
        struct ui_fixture f;
        ui_fixture_open(&f, sizes[s][0], sizes[s][1]);
        ui_fixture_tap(&f, "bar.mode");
        open_search(&f);
        type_keys(&f, "l");
        assert_true(probe_choices(&f) <= 6);
        assert_true(probe_choices(&f) >= 1);
        assert_non_null(ui_find(&f.app.ui, "page.next"));
        /* every key is there and a key */
        for (char c = 'a'; c <= 'z'; c++) {
            char id[16];
            snprintf(id, sizeof(id), "key.%c", c);
            assert_int_equal(probe_element(&f, id)->role, ROLE_KEY);
        }
        ui_fixture_close(&f);
    }
}

static void tour_and_args_start_with_letters(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    struct screen_args args = {.id = "WsF9-"};
    router_push(&f.app.router, &screen_search, &args);
    router_apply(&f.app.router);
    assert_true(probe_shows(&f, "WSF"));
    assert_string_equal(hit(&f, 0), "曹杨新村街道社区卫生服务中心");
    assert_int_equal(tour_open(&f.app, "search"), 0);
    assert_string_equal(ui_fixture_screen(&f), "search");
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(typing_initials_finds_as_you_type),
        cmocka_unit_test(a_result_opens_its_service_or_activity),
        cmocka_unit_test(results_come_in_pages),
        cmocka_unit_test(english_names_by_word_initials),
        cmocka_unit_test(elder_keeps_to_six_choices),
        cmocka_unit_test(tour_and_args_start_with_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
