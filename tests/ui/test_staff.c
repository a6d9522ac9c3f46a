/*
 * test_staff.c - the staff PIN and the staff screen, driven with injected
 * input: the corner long press, a wrong PIN, the lockout after five and
 * its end five minutes later (through an idle reset), and what the staff
 * screen shows.
 */
#include "probe.h"

#include "err.h"
#include "sync.h"

#define DEMO_PIN "246810"

/* "{key}" formatted with one number, as the screen says it. */
static const char *said(struct ui_fixture *f, const char *key, const char *name,
                        int n, char *out, size_t len)
{
    char v[16];
    snprintf(v, sizeof(v), "%d", n);
    const char *pairs[] = {name, v, NULL};
    return app_fmt(&f->app, key, out, len, pairs);
}

static void open_pin(struct ui_fixture *f)
{
    ui_fixture_replay(f, "press 20 20\nwait 3100\nrelease 20 20\n"
                         "expect staff_pin\n");
}

static void enter_pin(struct ui_fixture *f, const char *pin)
{
    probe_type(f, pin);
    ui_fixture_tap(f, "pin.ok");
}

static void long_press_opens_the_pin(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    /* a short press is a tap on nothing */
    ui_fixture_replay(&f, "press 20 20\nwait 2000\nrelease 20 20\n"
                          "expect home\n");
    open_pin(&f);
    assert_true(probe_shows(&f, app_t(&f.app, "staff.pin.title")));
    /* too short to check */
    ui_fixture_replay(&f, "type 246\n");
    assert_true(probe_element(&f, "pin.ok")->disabled);
    /* the PIN shows as dots, never as digits */
    assert_false(probe_shows(&f, "246"));
    ui_fixture_close(&f);
}

static void a_wrong_pin_says_so(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_pin(&f);
    enter_pin(&f, "1111");
    assert_string_equal(ui_fixture_screen(&f), "staff_pin");
    assert_true(probe_shows(&f, app_t(&f.app, "staff.pin.wrong")));
    char text[128];
    assert_true(probe_shows(
        &f, said(&f, "staff.pin.tries_left", "n", 4, text, sizeof(text))));
    assert_int_equal(f.app.pin.fails, 1);
    /* wiped after the check: 确定 waits for a new PIN */
    assert_true(probe_element(&f, "pin.ok")->disabled);
    enter_pin(&f, DEMO_PIN);
    assert_string_equal(ui_fixture_screen(&f), "staff");
    assert_int_equal(f.app.pin.fails, 0);
    ui_fixture_close(&f);
}

static void five_wrong_lock_for_five_minutes(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_pin(&f);
    for (int i = 0; i < 5; i++)
        enter_pin(&f, "13579");
    char text[128];
    assert_true(probe_shows(
        &f, said(&f, "staff.pin.locked", "min", 5, text, sizeof(text))));
    /* the keypad is disabled and the right PIN gets nowhere */
    assert_true(probe_element(&f, "key.2")->disabled);
    enter_pin(&f, DEMO_PIN);
    assert_string_equal(ui_fixture_screen(&f), "staff_pin");
    assert_true(probe_element(&f, "pin.ok")->disabled);
    /* checked anyway (a second finger, a stale frame): still refused */
    assert_int_equal(pin_check(&f.app.pin, f.app.cfg.pin_hash, DEMO_PIN,
                               app_mono_ms(&f.app)),
                     PIN_LOCKED);

    /* the minutes count down; an idle reset does not lift the lock */
    replay_wait(&f.app, &f.now_ms, 150 * 1000);
    assert_string_equal(ui_fixture_screen(&f), "home");
    open_pin(&f);
    assert_true(probe_shows(
        &f, said(&f, "staff.pin.locked", "min", 3, text, sizeof(text))));
    enter_pin(&f, DEMO_PIN);
    assert_string_equal(ui_fixture_screen(&f), "staff_pin");

    replay_wait(&f.app, &f.now_ms, 160 * 1000);
    if (strcmp(ui_fixture_screen(&f), "home") == 0)
        open_pin(&f);
    assert_false(probe_shows(&f, "输错次数太多"));
    assert_false(probe_element(&f, "key.2")->disabled);
    enter_pin(&f, DEMO_PIN);
    assert_string_equal(ui_fixture_screen(&f), "staff");
    ui_fixture_close(&f);
}

static void staff_shows_the_kiosk_and_exits(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    /* one booking waiting for the hub */
    struct slot_row slot;
    struct activity_row act;
    int n = 0;
    assert_int_equal(
        store_activities(f.store, app_now_s(&f.app), 0, &act, 1, &n, NULL), 0);
    struct slot_row rows[32];
    assert_int_equal(
        store_slots(f.store, act.id, app_now_s(&f.app), 0, rows, 32, &n, NULL),
        0);
    int i = 0;
    while (i < n && rows[i].remaining <= 0)
        i++;
    assert_true(i < n);
    slot = rows[i];
    struct booking b;
    assert_int_equal(store_book(f.store, slot.id, "13812345678", f.now_ms, &b),
                     0);

    open_pin(&f);
    enter_pin(&f, DEMO_PIN);
    assert_string_equal(ui_fixture_screen(&f), "staff");
    char text[128];
    assert_true(probe_shows(&f, app_t(&f.app, "staff.outbox")));
    assert_true(probe_shows(
        &f, said(&f, "staff.outbox.count", "n", 1, text, sizeof(text))));
    assert_true(probe_shows(&f, app_t(&f.app, "staff.version")));
    assert_true(probe_shows(&f, "test")); /* the fixture's version */
    assert_true(probe_shows(&f, f.app.cfg.kiosk_id));
    assert_true(probe_shows(&f, "1920×1080"));
    assert_true(probe_shows(&f, app_t(&f.app, "staff.last_sync.never")));
    /* no action that does nothing yet */
    assert_null(ui_find(&f.app.ui, "staff.sync"));
    assert_false(probe_shows(&f, app_t(&f.app, "staff.sync_now")));
    assert_false(probe_shows(&f, app_t(&f.app, "staff.print_test")));

    /* a sync result, when main.c has one, replaces "never" */
    snprintf(f.app.status.sync, sizeof(f.app.status.sync), "%s", "ok 10:00");
    assert_true(probe_shows(&f, "ok 10:00"));

    ui_fixture_tap(&f, "staff.exit");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

/* An http_client whose every request fails as an unplugged cable does. */
static int down_start(void *ctx, const struct http_request *req)
{
    return 0;
}

static int down_step(void *ctx, const struct http_response **out)
{
    static struct http_response r = {.error = "connection refused"};
    *out = &r;
    return ERR_NET;
}

static void down_cancel(void *ctx)
{
}

static void down_wait(void *ctx, int ms)
{
}

static void staff_shows_sync_and_syncs_now(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    struct clock_adjust ca;
    clock_adjust_init(&ca, clock_fixed(&f.now_ms), 0);
    struct sync_config sc = {.hub_url = "http://hub.test",
                             .kiosk_id = f.app.cfg.kiosk_id,
                             .token = "tok",
                             .cache_path = ":memory:",
                             .version = "test"};
    struct http_client down = {down_start, down_step, down_cancel, down_wait,
                               NULL};
    struct sync *sync = sync_new(&sc, f.store, down, &ca, 7);
    f.app.status.syncer = sync;
    /* two ratings here: one 非常满意, one 不满意 */
    char uuid[37];
    const char *why[] = {"long_wait"};
    assert_int_equal(store_rate(f.store, "center", f.app.cfg.kiosk_id, 5, NULL,
                                0, f.now_ms, uuid),
                     0);
    assert_int_equal(store_rate(f.store, "center", f.app.cfg.kiosk_id, 2, why,
                                1, f.now_ms, uuid),
                     0);

    open_pin(&f);
    enter_pin(&f, DEMO_PIN);
    assert_string_equal(ui_fixture_screen(&f), "staff");
    assert_true(probe_shows(&f, app_t(&f.app, "staff.sync")));
    assert_true(probe_shows(&f, app_t(&f.app, "sync.state.idle")));
    assert_true(probe_shows(&f, app_t(&f.app, "staff.last_error.none")));
    assert_true(probe_shows(&f, "50%"));

    /* 立即同步: the round runs now, fails, and says why */
    ui_fixture_tap(&f, "staff.sync_now");
    assert_true(sync_step(sync));
    assert_true(probe_shows(&f, app_t(&f.app, "sync.state.offline")));
    assert_true(probe_shows(&f, "connection refused"));
    assert_int_equal(sync_status(sync)->state, SYNC_OFFLINE);

    f.app.status.syncer = NULL;
    sync_free(sync);
    ui_fixture_close(&f);
}

static void staff_fits_a_low_elder_screen(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1280, 800);
    ui_fixture_tap(&f, "bar.mode");
    ui_fixture_tap(&f, "bar.lang");
    open_pin(&f);
    enter_pin(&f, DEMO_PIN);
    assert_string_equal(ui_fixture_screen(&f), "staff");
    /* what does not fit is on the next page, reached by the buttons */
    assert_true(probe_shows(&f, app_t(&f.app, "staff.kiosk_id")));
    bool paged = ui_find(&f.app.ui, "page.next") != NULL;
    if (paged) {
        while (!probe_element(&f, "page.next")->disabled)
            ui_fixture_tap(&f, "page.next");
        assert_true(probe_shows(&f, app_t(&f.app, "staff.scanner")));
    }
    ui_fixture_tap(&f, "staff.exit");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_press_opens_the_pin),
        cmocka_unit_test(a_wrong_pin_says_so),
        cmocka_unit_test(five_wrong_lock_for_five_minutes),
        cmocka_unit_test(staff_shows_the_kiosk_and_exits),
        cmocka_unit_test(staff_fits_a_low_elder_screen),
        cmocka_unit_test(staff_shows_sync_and_syncs_now),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
