/*
 * test_draw_list.c - recording draw commands: order, text copies, the
 * fixed capacity, and clip nesting with its reserved pops.
 */
#include "testutil.h"

#include "draw_list.h"

#include <string.h>

static const struct text_style style = {32, FONT_REGULAR, {0, 0, 0, 255},
                                        ALIGN_START, ALIGN_CENTER};

static void records_in_order_and_copies_text(void **state)
{
    struct draw_list dl;
    draw_list_init(&dl, 16, 256);
    char name[16] = "社区食堂";
    draw_list_rect(&dl, (struct rect){0, 0, 10, 10}, rgba_hex(0xA31B1B), 8);
    draw_list_text(&dl, (struct rect){0, 0, 100, 40}, name, &style);
    strcpy(name, "changed");
    draw_list_icon(&dl, (struct rect){0, 0, 48, 48}, 0xE548, 48,
                   rgba_hex(0xFFFFFF));
    assert_int_equal(dl.len, 3);
    assert_int_equal(dl.cmds[0].kind, DRAW_RECT);
    assert_int_equal(dl.cmds[0].u.fill.radius, 8);
    assert_string_equal(dl.cmds[1].u.text.str, "社区食堂");
    assert_int_equal(dl.cmds[1].u.text.len, strlen("社区食堂"));
    assert_ptr_equal(draw_list_find_text(&dl, "食堂"), &dl.cmds[1]);
    assert_null(draw_list_find_text(&dl, "changed"));
    assert_int_equal(draw_list_count_kind(&dl, DRAW_ICON), 1);
    draw_list_clear(&dl);
    assert_int_equal(dl.len, 0);
    assert_int_equal(dl.text_len, 0);
    draw_list_release(&dl);
}

static void full_list_drops_whole_commands(void **state)
{
    struct draw_list dl;
    draw_list_init(&dl, 3, 8);
    draw_list_text(&dl, (struct rect){0}, "0123456789", &style); /* > arena */
    assert_int_equal(dl.len, 0);
    assert_true(dl.overflowed);
    draw_list_text(&dl, (struct rect){0}, "abc", &style);
    draw_list_rect(&dl, (struct rect){0}, rgba_hex(0), 0);
    draw_list_rect(&dl, (struct rect){0}, rgba_hex(0), 0);
    draw_list_rect(&dl, (struct rect){0}, rgba_hex(0), 0); /* 4th: dropped */
    assert_int_equal(dl.len, 3);
    assert_string_equal(dl.cmds[0].u.text.str, "abc");
    draw_list_qr(&dl, (struct rect){0}, NULL, rgba_hex(0), rgba_hex(0));
    assert_int_equal(dl.len, 3);
    draw_list_release(&dl);
}

static void clips_nest_intersect_and_always_pop(void **state)
{
    struct draw_list dl;
    draw_list_init(&dl, 4, 64);
    draw_list_push_clip(&dl, (struct rect){0, 0, 100, 100});
    draw_list_push_clip(&dl, (struct rect){50, 50, 100, 100});
    assert_int_equal(dl.cmds[1].rect.x, 50);
    assert_int_equal(dl.cmds[1].rect.w, 50); /* intersected */
    /* two pops are reserved: no room for anything else */
    draw_list_rect(&dl, (struct rect){0}, rgba_hex(0), 0);
    assert_true(dl.overflowed);
    draw_list_pop_clip(&dl);
    draw_list_pop_clip(&dl);
    assert_int_equal(dl.len, 4);
    assert_int_equal(dl.cmds[3].kind, DRAW_CLIP_POP);
    assert_int_equal(dl.cmds[3].u.clip.depth, 0);
    assert_false(dl.unbalanced);
    draw_list_pop_clip(&dl);
    assert_true(dl.unbalanced);
    draw_list_release(&dl);
}

static void too_deep_clips_are_dropped_with_their_pops(void **state)
{
    struct draw_list dl;
    draw_list_init(&dl, 64, 64);
    for (int i = 0; i < DRAW_CLIP_MAX + 2; i++)
        draw_list_push_clip(&dl, (struct rect){0, 0, 10, 10});
    assert_int_equal(dl.clip_depth, DRAW_CLIP_MAX);
    for (int i = 0; i < DRAW_CLIP_MAX + 2; i++)
        draw_list_pop_clip(&dl);
    assert_int_equal(dl.clip_depth, 0);
    assert_false(dl.unbalanced);
    assert_int_equal(draw_list_count_kind(&dl, DRAW_CLIP_POP),
                     DRAW_CLIP_MAX);
    draw_list_release(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_in_order_and_copies_text),
        cmocka_unit_test(full_list_drops_whole_commands),
        cmocka_unit_test(clips_nest_intersect_and_always_pop),
        cmocka_unit_test(too_deep_clips_are_dropped_with_their_pops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
