/*
 * test_speech.c - what the kiosk says, and when, through a fake speech
 * seam (fake_speech.h): titles on opening a screen in 长辈版 and speech
 * mode, the focused element, silence on a touch, the summaries read out
 * before confirming, and the reset at the end of a session.
 */
#include "fake_speech.h"
#include "fixture.h"

static struct fake_speech fake;

static void open_with_speech(struct ui_fixture *f)
{
    ui_fixture_open(f, 1920, 1080);
    app_set_speech(&f->app, fake_speech_seam(&fake));
}

static bool said(const char *part)
{
    return strstr(fake.said, part) != NULL;
}

static void elder_mode_says_each_title(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    ui_fixture_tap(&f, "bar.mode");
    fake_speech_clear(&fake);
    ui_fixture_tap(&f, "tile.volunteer");
    assert_string_equal(ui_fixture_screen(&f), "activities");
    assert_true(said(app_t(&f.app, "volunteer.title")));
    assert_int_equal(fake.says, 1);
    /* a redraw says nothing more */
    app_frame(&f.app);
    app_frame(&f.app);
    assert_int_equal(fake.says, 1);
    ui_fixture_close(&f);
}

static void standard_mode_is_silent_until_asked(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    ui_fixture_tap(&f, "tile.volunteer");
    assert_int_equal(fake.says, 0);
    /* the speech key: speech mode on, the title said; again: repeat */
    struct input_event k = input_key(KEY_SPEECH);
    app_event(&f.app, &k);
    assert_true(f.app.session.speech);
    assert_true(said(app_t(&f.app, "voice.on")));
    assert_true(said(app_t(&f.app, "volunteer.title")));
    app_event(&f.app, &k);
    assert_int_equal(fake.repeats, 1);
    app_frame(&f.app);
    assert_non_null(ui_find(&f.app.ui, "speech.repeat"));
    ui_fixture_tap(&f, "nav.back");
    assert_string_equal(ui_fixture_screen(&f), "home");
    assert_true(said(f.app.title));
    ui_fixture_close(&f);
}

static void focus_is_spoken_with_its_state(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    f.app.session.speech = true;
    struct input_event down = input_key(KEY_DOWN);
    app_event(&f.app, &down);
    app_frame(&f.app);
    const struct ui_element *e = ui_focused(&f.app.ui);
    assert_non_null(e);
    assert_string_equal(fake.said, e->speech);
    /* the contrast switch, once on, says so */
    ui_fixture_tap(&f, "bar.contrast");
    for (int i = 0;
         i < UI_MAX_ELEMENTS &&
         strcmp(ui_focused(&f.app.ui) ? ui_focused(&f.app.ui)->id : "",
                "bar.contrast") != 0;
         i++)
        app_event(&f.app, &down);
    assert_string_equal(ui_focused(&f.app.ui)->id, "bar.contrast");
    assert_true(said(app_t(&f.app, "theme.contrast")));
    assert_true(said(app_t(&f.app, "speech.checked")));
    ui_fixture_close(&f);
}

static void a_touch_stops_speech(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    f.app.session.mode = MODE_ELDER;
    ui_fixture_tap(&f, "tile.notices");
    assert_true(fake.says > 0);
    int stops = fake.stops;
    struct input_event ev = input_pointer(INPUT_DOWN, 5, 500);
    app_event(&f.app, &ev);
    assert_int_equal(fake.stops, stops + 1);
    assert_string_equal(fake.log[fake.n - 1], "stop");
    /* and a key (not the speech key, which repeats) */
    struct input_event k = input_key(KEY_DIGIT0 + 5);
    app_event(&f.app, &k);
    assert_int_equal(fake.stops, stops + 2);
    ui_fixture_close(&f);
}

static void booking_summary_is_read_before_confirming(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    ui_fixture_replay(&f, "mode elder\n"
                          "tap tile.volunteer\n"
                          "tap act.0\n"
                          "tap slot.0\n"
                          "expect booking\n"
                          "type 13812345678\n"
                          "tap booking.next\n");
    assert_false(said("138****5678"));
    ui_fixture_replay(&f, "tap booking.consent\n");
    assert_true(said("138****5678"));
    assert_true(said(app_t(&f.app, "booking.confirm")));
    int says = fake.says;
    app_frame(&f.app);
    assert_int_equal(fake.says, says); /* once, not every frame */
    ui_fixture_replay(&f, "tap booking.confirm\nexpect booked\n");
    ui_fixture_close(&f);
}

static void rating_is_read_before_submitting(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    ui_fixture_replay(&f, "mode elder\n"
                          "tap tile.rating\n"
                          "tap rate.center\n"
                          "tap level.2\n");
    assert_true(said(app_t(&f.app, "rating.level.2")));
    assert_true(said(app_t(&f.app, "rating.submit")));
    ui_fixture_close(&f);
}

static void session_end_resets_speech(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    ui_fixture_tap(&f, "bar.speech");
    assert_true(f.app.session.speech);
    ui_fixture_tap(&f, "speech.louder");
    assert_int_equal(fake.volume, APP_VOLUME_DEFAULT + APP_VOLUME_STEP);
    int stops = fake.stops;
    ui_fixture_tap(&f, "speech.pause");
    assert_true(fake.paused);
    assert_int_equal(fake.stops, stops); /* paused, not stopped */
    ui_fixture_tap(&f, "speech.pause");
    assert_false(fake.paused);
    ui_fixture_tap(&f, "speech.pause");
    ui_fixture_tap(&f, "bar.text");
    assert_int_equal(f.app.session.text_size, 2);
    ui_fixture_tap(&f, "tile.services");
    fake_speech_clear(&fake);
    /* idle: the warning is said too, then the reset silences it all */
    replay_wait(
        &f.app, &f.now_ms,
        (int64_t)(f.app.cfg.idle_standard_s + f.app.cfg.idle_warning_s + 1) *
            1000);
    assert_int_equal(f.app.resets, 1);
    assert_true(fake.stops > 0);
    assert_false(fake.paused);
    assert_false(f.app.session.speech);
    assert_int_equal(fake.volume, APP_VOLUME_DEFAULT);
    assert_int_equal(f.app.session.text_size, 1);
    assert_int_equal(f.app.theme.body, 32);
    /* the next resident is not greeted by the home title */
    int says = fake.says;
    app_frame(&f.app);
    assert_int_equal(fake.says, says);
    ui_fixture_close(&f);
}

static void idle_warning_is_spoken(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    f.app.session.mode = MODE_ELDER;
    ui_fixture_tap(&f, "tile.notices");
    replay_wait(&f.app, &f.now_ms,
                (int64_t)f.app.cfg.idle_elder_s * 1000 + 500);
    assert_true(f.app.warn_since != 0);
    assert_true(said(app_t(&f.app, "idle.title")));
    ui_fixture_close(&f);
}

static void icons_have_words(void **state)
{
    struct ui_fixture f;
    open_with_speech(&f);
    ui_fixture_tap(&f, "tile.rating");
    const struct ui_element *next = ui_find(&f.app.ui, "page.next");
    assert_non_null(next);
    assert_string_equal(next->label, "▼");
    assert_non_null(strstr(next->speech, app_t(&f.app, "nav.next_page")));
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(elder_mode_says_each_title),
        cmocka_unit_test(standard_mode_is_silent_until_asked),
        cmocka_unit_test(focus_is_spoken_with_its_state),
        cmocka_unit_test(a_touch_stops_speech),
        cmocka_unit_test(booking_summary_is_read_before_confirming),
        cmocka_unit_test(rating_is_read_before_submitting),
        cmocka_unit_test(session_end_resets_speech),
        cmocka_unit_test(idle_warning_is_spoken),
        cmocka_unit_test(icons_have_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
