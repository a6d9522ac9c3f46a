/*
 * test_config_reload.c - a bundle applied by sync while the kiosk runs:
 * its data shows at once, its config (center name, default mode, idle
 * timeout) waits until the kiosk is on home with no session, then is the
 * next session's default, without a restart.
 */
#include "probe.h"

#include <jansson.h>

/* The cached bundle with its config changed, applied as sync would. */
static void apply_changed(struct ui_fixture *f)
{
    size_t len;
    int rc;
    char *text = store_export(f->store, &len, &rc);
    assert_non_null(text);
    json_t *j = json_loadb(text, len, 0, NULL);
    free(text);
    json_t *cfg = json_object_get(j, "config");
    json_object_set_new(json_object_get(json_object_get(cfg, "center"), "name"),
                        "zh", json_string("新中心"));
    json_object_set_new(cfg, "default_mode", json_string("elder"));
    json_object_set_new(json_object_get(cfg, "idle"), "standard_s",
                        json_integer(45));
    text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    struct bundle *b;
    assert_int_equal(bundle_parse(text, strlen(text), &b, NULL, 0), 0);
    free(text);
    assert_int_equal(store_apply_synced(f->store, b, f->now_ms, "\"e2\""), 0);
    bundle_free(b);
    app_data_applied(&f->app);
}

static void config_waits_for_home(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_replay(&f, "tap tile.services\n");
    assert_string_not_equal(ui_fixture_screen(&f), "home");
    apply_changed(&f);
    /* a resident is using the kiosk: nothing of theirs changes */
    app_tick(&f.app);
    app_frame(&f.app);
    assert_string_not_equal(f.app.cfg.center[LANG_ZH], "新中心");
    assert_int_equal(f.app.session.mode, MODE_STANDARD);

    /* back on home after the idle reset: the new config is in force */
    ui_fixture_replay(&f, "wait 200000\n");
    app_tick(&f.app);
    app_frame(&f.app);
    assert_string_equal(ui_fixture_screen(&f), "home");
    assert_string_equal(f.app.cfg.center[LANG_ZH], "新中心");
    assert_int_equal(f.app.cfg.idle_standard_s, 45);
    assert_int_equal(f.app.session.mode, MODE_ELDER);
    assert_true(probe_shows(&f, "新中心"));
    ui_fixture_close(&f);
}

static void config_on_an_idle_home_is_at_once(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    apply_changed(&f);
    app_tick(&f.app);
    app_frame(&f.app);
    assert_string_equal(f.app.cfg.center[LANG_ZH], "新中心");
    assert_int_equal(f.app.session.mode, MODE_ELDER);
    assert_true(probe_shows(&f, "新中心"));
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(config_waits_for_home),
        cmocka_unit_test(config_on_an_idle_home_is_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
