/*
 * test_booking.c - booking a volunteer slot, driven with injected taps
 * and keypad digits: home -> activities -> slots -> booking -> booked,
 * with the checks of the number and the consent, the rows written to the
 * store and the outbox, full slots, the offline quota, a second booking of
 * the same slot, and the flow in 长辈版, in English and on a low screen.
 */
#include "probe.h"

#define PHONE  "13812345678"
#define MASKED "138****5678"

static const char *t(struct ui_fixture *f, const char *key)
{
    return app_t(&f->app, key);
}

/* The future slots of an activity, as the slots screen lists them. */
static int slots_of(struct ui_fixture *f, const char *activity,
                    struct slot_row *rows, int max)
{
    int n = 0;
    assert_int_equal(store_slots(f->store, activity, app_now_s(&f->app), 0,
                                 rows, max, &n, NULL),
                     0);
    return n;
}

/* From home to the slots of the i-th activity on the first page. */
static void open_activity(struct ui_fixture *f, int i, struct activity_row *act)
{
    int n = 0;
    struct activity_row rows[16];
    assert_int_equal(
        store_activities(f->store, app_now_s(&f->app), 0, rows, 16, &n, NULL),
        0);
    assert_true(i < n);
    *act = rows[i];
    ui_fixture_tap(f, "tile.volunteer");
    assert_string_equal(ui_fixture_screen(f), "activities");
    char id[16];
    snprintf(id, sizeof(id), "act.%d", i);
    ui_fixture_tap(f, id);
    assert_string_equal(ui_fixture_screen(f), "slots");
    assert_string_equal(router_top(&f->app.router)->args.id, act->id);
}

/* Taps the j-th slot card of the page shown. */
static void tap_slot(struct ui_fixture *f, int j)
{
    char id[16];
    snprintf(id, sizeof(id), "slot.%d", j);
    ui_fixture_tap(f, id);
}

/* The index on the slots screen's first page of the first slot that
 * matches: seats left, and more seats than this kiosk's quota when
 * beyond_quota is set. -1 if none. */
static int find_slot(struct ui_fixture *f, const struct slot_row *rows, int n,
                     bool beyond_quota)
{
    for (int j = 0; j < n; j++) {
        char id[16];
        snprintf(id, sizeof(id), "slot.%d", j);
        app_frame(&f->app);
        if (!ui_find(&f->app.ui, id))
            break; /* not on the first page */
        if (rows[j].remaining > 0 &&
            (!beyond_quota || rows[j].remaining > rows[j].quota_left))
            return j;
    }
    return -1;
}

/* Home to the booking screen of the first open slot of activity 0. */
static struct slot_row open_booking(struct ui_fixture *f)
{
    struct activity_row act;
    struct slot_row rows[32];
    open_activity(f, 0, &act);
    int n = slots_of(f, act.id, rows, 32);
    int j = find_slot(f, rows, n, false);
    assert_true(j >= 0);
    tap_slot(f, j);
    assert_string_equal(ui_fixture_screen(f), "booking");
    assert_string_equal(router_top(&f->app.router)->args.id, rows[j].id);
    return rows[j];
}

static int outbox_count(struct ui_fixture *f)
{
    int n = -1;
    assert_int_equal(outbox_depth(f->store, &n), 0);
    return n;
}

static void books_a_slot_from_home(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    struct slot_row slot = open_booking(&f);
    assert_true(probe_element(&f, "booking.confirm")->disabled);
    assert_true(probe_shows(&f, t(&f, "booking.privacy.title")));

    /* digits by tapping keys, then by the keyboard */
    ui_fixture_tap(&f, "key.1");
    ui_fixture_tap(&f, "key.3");
    ui_fixture_tap(&f, "key.8");
    assert_true(probe_shows(&f, "138"));
    probe_type(&f, "1234567");
    assert_true(probe_element(&f, "booking.confirm")->disabled);
    probe_type(&f, "8");
    /* complete and valid: masked, but consent is still missing */
    assert_true(probe_shows(&f, MASKED));
    assert_false(probe_shows(&f, PHONE));
    assert_true(probe_shows(&f, t(&f, "booking.consent.required")));
    assert_true(probe_element(&f, "booking.confirm")->disabled);
    /* the box starts unticked */
    assert_false(probe_element(&f, "booking.consent")->checked);
    ui_fixture_tap(&f, "booking.consent");
    assert_true(probe_element(&f, "booking.consent")->checked);
    assert_false(probe_element(&f, "booking.confirm")->disabled);
    assert_int_equal(outbox_count(&f), 0);

    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booked");
    const char *code = router_top(&f.app.router)->args.id;
    struct booking b;
    assert_int_equal(store_booking_by_code(f.store, code, &b), 0);
    assert_string_equal(b.slot, slot.id);
    assert_string_equal(b.phone_masked, MASKED);
    assert_int_equal(b.status, BOOKING_CONFIRMED);
    assert_true(probe_shows(&f, code));
    assert_true(probe_shows(&f, MASKED));
    assert_false(probe_shows(&f, PHONE));
    assert_true(probe_shows(&f, t(&f, "booking.confirmed.title")));
    assert_int_equal(draw_list_count_kind(&f.app.dl, DRAW_QR), 1);

    /* one event, a booking of that slot */
    assert_int_equal(outbox_count(&f), 1);
    struct outbox_event ev[2];
    int n = 0;
    assert_int_equal(outbox_peek(f.store, f.now_ms, ev, 2, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].kind, "booking");
    assert_non_null(strstr(ev[0].body, slot.id));
    assert_non_null(strstr(ev[0].body, code));

    ui_fixture_tap(&f, "booked.done");
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

static void a_wrong_number_is_refused(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_booking(&f);
    ui_fixture_tap(&f, "booking.consent");
    /* no mobile number starts 12: said as soon as it is typed */
    probe_type(&f, "12");
    assert_true(probe_shows(&f, t(&f, "booking.phone.invalid")));
    probe_type(&f, "345678901");
    assert_true(probe_shows(&f, "123 4567 8901"));
    assert_true(probe_shows(&f, t(&f, "booking.phone.invalid")));
    assert_true(probe_element(&f, "booking.confirm")->disabled);
    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booking");
    assert_int_equal(outbox_count(&f), 0);
    /* too short is not enough either */
    ui_fixture_tap(&f, "key.clear");
    probe_type(&f, "1381234567");
    assert_true(probe_element(&f, "booking.confirm")->disabled);
    assert_false(probe_shows(&f, t(&f, "booking.phone.invalid")));
    /* one more digit and it goes */
    ui_fixture_tap(&f, "key.del");
    probe_type(&f, "78");
    assert_false(probe_element(&f, "booking.confirm")->disabled);
    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booked");
    ui_fixture_close(&f);
}

static void a_full_slot_cannot_be_chosen(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    /* the demo fills some slots: find one on a first page */
    int64_t now = app_now_s(&f.app);
    struct activity_row acts[16];
    int n_acts = 0;
    assert_int_equal(store_activities(f.store, now, 0, acts, 6, &n_acts, NULL),
                     0);
    int found = -1, j = -1;
    for (int i = 0; i < n_acts && found < 0; i++) {
        struct slot_row rows[32];
        int n = slots_of(&f, acts[i].id, rows, 12);
        for (int k = 0; k < n && found < 0; k++)
            if (rows[k].remaining <= 0)
                found = i, j = k;
    }
    assert_true(found >= 0);
    struct activity_row act;
    open_activity(&f, found, &act);
    char id[16];
    snprintf(id, sizeof(id), "slot.%d", j);
    const struct ui_element *e = probe_element(&f, id);
    assert_true(e->disabled);
    assert_non_null(strstr(e->label, t(&f, "volunteer.full.short")));
    ui_fixture_tap(&f, id);
    assert_string_equal(ui_fixture_screen(&f), "slots");
    ui_fixture_close(&f);
}

static void beyond_the_quota_it_is_pending(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    struct activity_row act;
    struct slot_row rows[32];
    open_activity(&f, 0, &act);
    int n = slots_of(&f, act.id, rows, 32);
    int j = find_slot(&f, rows, n, true);
    assert_true(j >= 0);
    /* this kiosk uses up its offline quota for the slot */
    for (int k = 0; k < rows[j].quota_left; k++) {
        char phone[24];
        struct booking b;
        snprintf(phone, sizeof(phone), "139000000%02d", k % 100);
        assert_int_equal(store_book(f.store, rows[j].id, phone, f.now_ms, &b),
                         0);
        assert_int_equal(b.status, BOOKING_CONFIRMED);
    }
    int before = outbox_count(&f);
    tap_slot(&f, j);
    assert_string_equal(ui_fixture_screen(&f), "booking");
    probe_type(&f, PHONE);
    ui_fixture_tap(&f, "booking.consent");
    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booked");
    struct booking b;
    assert_int_equal(
        store_booking_by_code(f.store, router_top(&f.app.router)->args.id, &b),
        0);
    assert_int_equal(b.status, BOOKING_PENDING);
    assert_true(probe_shows(&f, t(&f, "booking.pending.title")));
    assert_false(probe_shows(&f, t(&f, "booking.confirmed.title")));
    assert_true(probe_shows(&f, b.code));
    assert_true(probe_shows(&f, MASKED));
    assert_int_equal(outbox_count(&f), before + 1);
    ui_fixture_close(&f);
}

static void the_same_number_twice_is_refused(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_booking(&f);
    probe_type(&f, PHONE);
    ui_fixture_tap(&f, "booking.consent");
    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booked");
    ui_fixture_tap(&f, "booked.done");

    struct store_info before;
    assert_int_equal(store_info(f.store, &before), 0);
    open_booking(&f);
    /* a fresh screen: nothing typed, the box unticked */
    assert_false(probe_shows(&f, MASKED));
    assert_false(probe_element(&f, "booking.consent")->checked);
    probe_type(&f, PHONE);
    ui_fixture_tap(&f, "booking.consent");
    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booking");
    assert_true(probe_shows(&f, t(&f, "booking.already")));
    /* nothing lost, nothing written */
    assert_true(probe_shows(&f, MASKED));
    assert_true(probe_element(&f, "booking.confirm")->disabled);
    struct store_info after;
    assert_int_equal(store_info(f.store, &after), 0);
    assert_int_equal(after.n_bookings, before.n_bookings);
    assert_int_equal(outbox_count(&f), 1);
    /* another number may book it */
    ui_fixture_tap(&f, "key.del");
    probe_type(&f, "9");
    assert_false(probe_shows(&f, t(&f, "booking.already")));
    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booked");
    assert_int_equal(outbox_count(&f), 2);
    ui_fixture_close(&f);
}

static void leaving_forgets_the_number(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_booking(&f);
    probe_type(&f, "1381234");
    assert_true(probe_shows(&f, "138 1234"));
    ui_fixture_tap(&f, "nav.back");
    assert_string_equal(ui_fixture_screen(&f), "slots");
    assert_false(probe_shows(&f, "138 1234"));
    ui_fixture_tap(&f, "nav.home");
    open_booking(&f);
    assert_false(probe_shows(&f, "138 1234"));
    assert_int_equal(outbox_count(&f), 0);
    ui_fixture_close(&f);
}

/* The two steps of 长辈版 (and of any screen too small for one): the
 * number with 下一步, then the notice, consent and confirm, each within
 * six choices. */
static void book_in_steps(struct ui_fixture *f)
{
    open_booking(f);
    assert_null(ui_find(&f->app.ui, "booking.confirm"));
    assert_true(probe_element(f, "booking.next")->disabled);
    assert_true(probe_choices(f) <= 6);
    probe_type(f, "1281234567");
    ui_fixture_tap(f, "booking.next");
    assert_non_null(ui_find(&f->app.ui, "booking.next")); /* still step 1 */
    assert_true(probe_shows(f, t(f, "booking.phone.invalid")));
    ui_fixture_tap(f, "key.clear");
    probe_type(f, PHONE);
    assert_false(probe_element(f, "booking.next")->disabled);
    ui_fixture_tap(f, "booking.next");
    /* a screen too low for the notice beside the box shows it alone */
    if (ui_find(&f->app.ui, "booking.next")) {
        assert_true(probe_shows(f, t(f, "booking.privacy.title")));
        assert_true(probe_choices(f) <= 6);
        ui_fixture_tap(f, "booking.next");
    }
    assert_true(probe_element(f, "booking.confirm")->disabled);
    assert_false(probe_element(f, "booking.consent")->checked);
    assert_true(probe_shows(f, t(f, "booking.consent.required")));
    assert_true(probe_choices(f) <= 6);
    ui_fixture_tap(f, "booking.consent");
    assert_false(probe_element(f, "booking.confirm")->disabled);
    ui_fixture_tap(f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(f), "booked");
    assert_true(probe_shows(f, MASKED));
    assert_int_equal(outbox_count(f), 1);
}

static void books_in_elder_mode_and_english(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.mode");
    ui_fixture_tap(&f, "bar.lang");
    assert_int_equal(f.app.session.mode, MODE_ELDER);
    assert_true(probe_shows(&f, "Volunteer"));
    ui_fixture_tap(&f, "tile.volunteer");
    /* at most four activities a page */
    assert_non_null(ui_find(&f.app.ui, "act.3"));
    assert_null(ui_find(&f.app.ui, "act.4"));
    assert_true(probe_choices(&f) <= 6);
    ui_fixture_tap(&f, "nav.home");
    book_in_steps(&f);
    assert_true(probe_shows(&f, "You're booked"));
    ui_fixture_close(&f);
}

static void books_in_elder_mode_on_a_low_screen(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1280, 800);
    ui_fixture_tap(&f, "bar.mode");
    book_in_steps(&f);
    ui_fixture_close(&f);
}

static void books_in_portrait_in_one_go(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    open_booking(&f);
    probe_type(&f, PHONE);
    ui_fixture_tap(&f, "booking.consent");
    ui_fixture_tap(&f, "booking.confirm");
    assert_string_equal(ui_fixture_screen(&f), "booked");
    ui_fixture_close(&f);
}

static void activities_page_through(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    ui_fixture_tap(&f, "bar.mode");
    ui_fixture_tap(&f, "tile.volunteer");
    int total = 0, n = 0;
    struct activity_row rows[16];
    assert_int_equal(
        store_activities(f.store, app_now_s(&f.app), 0, rows, 16, &n, &total),
        0);
    assert_true(total > 4);
    assert_true(probe_element(&f, "page.prev")->disabled);
    assert_true(probe_shows(
        &f, app_text(&f.app, (const char *const[]){rows[0].name[LANG_ZH],
                                                   rows[0].name[LANG_EN]})));
    ui_fixture_tap(&f, "page.next");
    assert_true(probe_shows(
        &f, app_text(&f.app, (const char *const[]){rows[4].name[LANG_ZH],
                                                   rows[4].name[LANG_EN]})));
    assert_false(probe_shows(
        &f, app_text(&f.app, (const char *const[]){rows[0].name[LANG_ZH],
                                                   rows[0].name[LANG_EN]})));
    ui_fixture_tap(&f, "act.0");
    assert_string_equal(router_top(&f.app.router)->args.id, rows[4].id);
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(books_a_slot_from_home),
        cmocka_unit_test(a_wrong_number_is_refused),
        cmocka_unit_test(a_full_slot_cannot_be_chosen),
        cmocka_unit_test(beyond_the_quota_it_is_pending),
        cmocka_unit_test(the_same_number_twice_is_refused),
        cmocka_unit_test(leaving_forgets_the_number),
        cmocka_unit_test(books_in_elder_mode_and_english),
        cmocka_unit_test(books_in_elder_mode_on_a_low_screen),
        cmocka_unit_test(books_in_portrait_in_one_go),
        cmocka_unit_test(activities_page_through),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
