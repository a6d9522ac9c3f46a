/*
 * test_focus.c - the keypad: focus moves in reading order, Enter taps the
 * focused element through the same path as a finger, Escape goes back,
 * a touch or a new screen drops the focus, and the ring is drawn.
 */
#include "fixture.h"

static void key(struct ui_fixture *f, enum input_key k)
{
    struct input_event ev = input_key(k);
    app_event(&f->app, &ev);
    app_frame(&f->app);
}

static const char *focused(struct ui_fixture *f)
{
    const struct ui_element *e = ui_focused(&f->app.ui);
    return e ? e->id : "";
}

/* Moves the focus down until it is on id; fails if it never is. */
static void focus_on(struct ui_fixture *f, const char *id)
{
    for (int i = 0; i <= f->app.ui.n_el; i++) {
        if (strcmp(focused(f), id) == 0)
            return;
        key(f, KEY_DOWN);
    }
    fail_msg("focus never reaches %s on %s", id, ui_fixture_screen(f));
}

static void arrows_move_in_order_and_wrap(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    const struct ui *ui = &f.app.ui;
    assert_null(ui_focused(ui));
    key(&f, KEY_DOWN);
    assert_string_equal(focused(&f), ui->el[0].id);
    key(&f, KEY_RIGHT);
    assert_string_equal(focused(&f), ui->el[1].id);
    key(&f, KEY_UP);
    key(&f, KEY_LEFT);
    assert_string_equal(focused(&f), ui->el[ui->n_el - 1].id);
    key(&f, KEY_DOWN);
    assert_string_equal(focused(&f), ui->el[0].id);
    ui_fixture_close(&f);
}

/* Reading order: the content top to bottom, left to right within a row,
 * then the bottom bar. */
static void home_order_is_reading_order(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    const struct ui *ui = &f.app.ui;
    assert_true(ui->n_el > 6);
    for (int i = 1; i < ui->n_el; i++) {
        struct rect p = ui->el[i - 1].rect, r = ui->el[i].rect;
        bool same_row = r.y < p.y + p.h && p.y < r.y + r.h;
        assert_int_equal(ui->el[i].focus, i);
        if (same_row)
            assert_true(r.x > p.x);
        else
            assert_true(r.y >= p.y + p.h);
    }
    ui_fixture_close(&f);
}

static void enter_taps_and_escape_goes_back(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    focus_on(&f, "tile.volunteer");
    key(&f, KEY_SELECT);
    assert_string_equal(ui_fixture_screen(&f), "activities");
    /* a new screen starts with no focus */
    assert_null(ui_focused(&f.app.ui));
    key(&f, KEY_BACK);
    assert_string_equal(ui_fixture_screen(&f), "home");
    /* Escape on home does nothing */
    key(&f, KEY_BACK);
    assert_string_equal(ui_fixture_screen(&f), "home");
    /* a switch toggles from the keypad as from a finger */
    focus_on(&f, "bar.contrast");
    key(&f, KEY_SELECT);
    assert_true(f.app.session.high_contrast);
    assert_string_equal(focused(&f), "bar.contrast");
    ui_fixture_close(&f);
}

static void enter_on_a_disabled_element_does_nothing(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_replay(&f, "tap tile.volunteer\ntap act.0\ntap slot.0\n"
                          "expect booking\n");
    focus_on(&f, "booking.confirm");
    assert_true(ui_focused(&f.app.ui)->disabled);
    key(&f, KEY_SELECT);
    assert_string_equal(ui_fixture_screen(&f), "booking");
    ui_fixture_close(&f);
}

static void a_touch_drops_the_focus(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    key(&f, KEY_DOWN);
    assert_non_null(ui_focused(&f.app.ui));
    struct input_event down = input_pointer(INPUT_DOWN, 5, 500);
    struct input_event up = input_pointer(INPUT_UP, 5, 500);
    app_event(&f.app, &down);
    app_event(&f.app, &up);
    app_frame(&f.app);
    assert_null(ui_focused(&f.app.ui));
    ui_fixture_close(&f);
}

/* The ring: an outline in the focus colour round the element, inside an
 * ink one, drawn after everything else. */
static void focus_ring_is_drawn(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    const struct draw_list *dl = app_frame(&f.app);
    struct rgba focus = f.app.theme.c.focus;
    for (size_t i = 0; i < dl->len; i++)
        assert_false(dl->cmds[i].kind == DRAW_OUTLINE &&
                     rgba_contrast(dl->cmds[i].color, focus) < 1.01 &&
                     dl->cmds[i].u.outline.width >= 6);
    key(&f, KEY_DOWN);
    dl = app_frame(&f.app);
    struct rect r = ui_focused(&f.app.ui)->rect;
    assert_true(dl->len >= 2);
    const struct draw_cmd *ring = &dl->cmds[dl->len - 1];
    const struct draw_cmd *ink = &dl->cmds[dl->len - 2];
    assert_int_equal(ring->kind, DRAW_OUTLINE);
    assert_int_equal(ink->kind, DRAW_OUTLINE);
    assert_true(ring->rect.x < r.x && ring->rect.y < r.y &&
                ring->rect.x + ring->rect.w > r.x + r.w);
    assert_true(ring->u.outline.width >= 6);
    assert_true(rgba_contrast(ring->color, focus) < 1.01);
    /* ≥ 3:1 against the paper, through its ink line */
    assert_true(rgba_contrast(ink->color, f.app.theme.c.paper) >= 3.0);
    assert_true(rgba_contrast(ring->color, ink->color) >= 3.0);
    ui_fixture_close(&f);
}

static void text_size_steps_grow_the_type(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    assert_int_equal(f.app.theme.body, 32);
    focus_on(&f, "bar.text");
    key(&f, KEY_SELECT);
    assert_int_equal(f.app.session.text_size, 2);
    assert_int_equal(f.app.theme.body, 36);
    key(&f, KEY_SELECT);
    assert_int_equal(f.app.theme.body, 41);
    assert_true(f.app.theme.target > 72);
    key(&f, KEY_SELECT);
    assert_int_equal(f.app.session.text_size, 1);
    assert_int_equal(f.app.theme.body, 32);
    /* 长辈版 keeps its own scale and has no text size switch */
    ui_fixture_tap(&f, "bar.text");
    ui_fixture_tap(&f, "bar.mode");
    assert_int_equal(f.app.theme.body, 48);
    assert_null(ui_find(&f.app.ui, "bar.text"));
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arrows_move_in_order_and_wrap),
        cmocka_unit_test(home_order_is_reading_order),
        cmocka_unit_test(enter_taps_and_escape_goes_back),
        cmocka_unit_test(enter_on_a_disabled_element_does_nothing),
        cmocka_unit_test(a_touch_drops_the_focus),
        cmocka_unit_test(focus_ring_is_drawn),
        cmocka_unit_test(text_size_steps_grow_the_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
