/*
 * test_home.c - the home screen, the frame, idle reset and the staff
 * corner, driven with injected input.
 */
#include "fixture.h"

#include "inspect.h"

static void home_shows_tiles_and_navigates(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    assert_string_equal(ui_fixture_screen(&f), "home");
    const char *tiles[] = {"tile.services", "tile.volunteer", "tile.rating",
                           "tile.notices", "tile.polls", "tile.health"};
    for (size_t i = 0; i < 6; i++)
        assert_non_null(ui_find(&f.app.ui, tiles[i]));
    assert_non_null(draw_list_find_text(&f.app.dl, "曹杨新村"));
    assert_non_null(draw_list_find_text(&f.app.dl, "附近服务"));
    ui_fixture_tap(&f, "tile.services");
    assert_string_equal(ui_fixture_screen(&f), "categories");
    ui_fixture_tap(&f, "nav.home");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

static void a_slide_off_does_not_tap(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    const struct ui_element *e = ui_find(&f.app.ui, "tile.services");
    struct rect r = e->rect;
    struct input_event down = input_pointer(INPUT_DOWN, r.x + 10, r.y + 10);
    struct input_event move = input_pointer(INPUT_MOVE, r.x + r.w + 50,
                                            r.y + 10);
    struct input_event up = input_pointer(INPUT_UP, r.x + r.w + 50, r.y + 10);
    app_event(&f.app, &down);
    app_event(&f.app, &move);
    app_event(&f.app, &up);
    app_frame(&f.app);
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

static void language_and_mode_switch(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.lang");
    assert_int_equal(f.app.session.lang, LANG_EN);
    assert_non_null(draw_list_find_text(&f.app.dl, "Nearby services"));
    ui_fixture_tap(&f, "bar.mode");
    assert_int_equal(f.app.session.mode, MODE_ELDER);
    assert_int_equal(f.app.theme.body, 48);
    ui_fixture_tap(&f, "bar.contrast");
    assert_true(f.app.session.high_contrast);
    ui_fixture_close(&f);
}

static void idle_warns_then_resets_everything(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.lang");
    ui_fixture_tap(&f, "tile.services");
    assert_string_equal(ui_fixture_screen(&f), "categories");
    /* standard idle 90 s: no warning just before */
    replay_wait(&f.app, &f.now_ms, 89 * 1000);
    assert_int_equal(f.app.warn_since, 0);
    replay_wait(&f.app, &f.now_ms, 2 * 1000);
    assert_true(f.app.warn_since != 0);
    assert_non_null(ui_find(&f.app.ui, "idle.continue"));
    /* continue keeps everything */
    ui_fixture_tap(&f, "idle.continue");
    assert_int_equal(f.app.warn_since, 0);
    assert_string_equal(ui_fixture_screen(&f), "categories");
    assert_int_equal(f.app.session.lang, LANG_EN);
    /* the warning gives at least 20 s, then wipes the session */
    replay_wait(&f.app, &f.now_ms, 91 * 1000);
    assert_true(f.app.warn_since != 0);
    replay_wait(&f.app, &f.now_ms, 19 * 1000);
    assert_string_equal(ui_fixture_screen(&f), "categories");
    replay_wait(&f.app, &f.now_ms, 15 * 1000);
    assert_string_equal(ui_fixture_screen(&f), "home");
    assert_int_equal(f.app.session.lang, LANG_ZH);
    assert_int_equal(f.app.resets, 1);
    ui_fixture_close(&f);
}

static void elder_idle_is_longer(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.mode");
    replay_wait(&f.app, &f.now_ms, 120 * 1000);
    assert_int_equal(f.app.warn_since, 0);
    replay_wait(&f.app, &f.now_ms, 61 * 1000);
    assert_true(f.app.warn_since != 0);
    ui_fixture_close(&f);
}

static void home_untouched_never_warns(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    replay_wait(&f.app, &f.now_ms, 3600 * 1000);
    assert_int_equal(f.app.warn_since, 0);
    assert_int_equal(f.app.resets, 0);
    ui_fixture_close(&f);
}

static void staff_corner_needs_a_long_press(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_replay(&f, "press 20 20\nwait 1000\nrelease 20 20\n"
                          "expect home\n"
                          "press 20 20\nwait 3100\nexpect staff_pin\n"
                          "release 20 20\n");
    ui_fixture_close(&f);
}

static void screens_json_describes_the_frame(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    json_t *o = inspect_frame(&f.app);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "screen")),
                        "home");
    assert_int_equal(json_integer_value(json_object_get(o, "width")), 1080);
    json_t *els = json_object_get(o, "elements");
    assert_true(json_array_size(els) >= 8);
    json_t *texts = json_object_get(o, "texts");
    size_t i;
    json_t *t;
    bool found = false;
    json_array_foreach(texts, i, t)
    {
        if (strcmp(json_string_value(json_object_get(t, "text")),
                   "附近服务") == 0) {
            found = true;
            assert_string_equal(json_string_value(json_object_get(t, "fg")),
                                "#FFFFFF");
            assert_string_equal(json_string_value(json_object_get(t, "bg")),
                                "#0B4F8A");
        }
    }
    assert_true(found);
    json_decref(o);
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(home_shows_tiles_and_navigates),
        cmocka_unit_test(a_slide_off_does_not_tap),
        cmocka_unit_test(language_and_mode_switch),
        cmocka_unit_test(idle_warns_then_resets_everything),
        cmocka_unit_test(elder_idle_is_longer),
        cmocka_unit_test(home_untouched_never_warns),
        cmocka_unit_test(staff_corner_needs_a_long_press),
        cmocka_unit_test(screens_json_describes_the_frame),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
