/*
 * test_services.c - the nearby-services screens (categories, services,
 * service) driven with injected taps on the demo community: counts and
 * order against the store, the walking filters, the open-now badge at two
 * times, the detail's week, QR and map, 长辈版 limits and English.
 */
#include "fixture.h"

#include "civil_time.h"
#include "hours.h"

#include <math.h>

#define MAX_ROWS 64

/* Index of a category in bundle order (the tiles' "cat.N"), or -1. */
static int category_index(struct ui_fixture *f, const char *id)
{
    struct category_row rows[MAX_CATEGORIES];
    int n = 0;
    assert_int_equal(store_categories(f->store, rows, MAX_CATEGORIES, &n), 0);
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].id, id) == 0)
            return i;
    return -1;
}

/* Services of a category matching the filter, nearest first. */
static int services_of(struct ui_fixture *f, const char *category, int ring,
                       bool open_only, struct service_row *rows)
{
    struct service_query q = {
        .category = category, .within_min = ring, .open_only = open_only};
    int n = 0;
    assert_int_equal(store_services(f->store, &q, f->now_ms / 1000, rows,
                                    MAX_ROWS, &n, NULL),
                     0);
    return n;
}

/* The row of a category's service by its shown name; fails if none. */
static struct service_row row_named(struct ui_fixture *f, const char *cat,
                                    const char *name)
{
    static struct service_row rows[MAX_ROWS];
    int n = services_of(f, cat, 0, false, rows);
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].name[LANG_ZH], name) == 0 ||
            strcmp(rows[i].name[LANG_EN], name) == 0)
            return rows[i];
    fail_msg("no service named '%s' in %s", name, cat);
    return rows[0];
}

/* Elements that count as choices in 长辈版 (not nav, not keypad keys). */
static int choices(const struct ui *ui)
{
    int n = 0;
    for (int i = 0; i < ui->n_el; i++)
        if (ui->el[i].role != ROLE_NAV && ui->el[i].role != ROLE_KEY)
            n++;
    return n;
}

/* The list rows shown (ROLE_ITEM elements), in order. */
static int shown_rows(const struct ui *ui, const struct ui_element **out)
{
    int n = 0;
    for (int i = 0; i < ui->n_el; i++)
        if (ui->el[i].role == ROLE_ITEM)
            out[n++] = &ui->el[i];
    return n;
}

/* From home to the list of a category, paging the grid as a resident
 * would. */
static void open_category(struct ui_fixture *f, const char *id)
{
    ui_fixture_tap(f, "tile.services");
    char el[32];
    snprintf(el, sizeof(el), "cat.%d", category_index(f, id));
    for (int i = 0; i < 8 && !ui_find(&f->app.ui, el); i++)
        ui_fixture_tap(f, "page.next");
    ui_fixture_tap(f, el);
    assert_string_equal(ui_fixture_screen(f), "services");
    assert_string_equal(router_top(&f->app.router)->args.id, id);
}

/* Straight to a service's detail (the list's own order is tested apart). */
static void open_service(struct ui_fixture *f, const char *id)
{
    struct screen_args args = {0};
    snprintf(args.id, sizeof(args.id), "%s", id);
    router_push(&f->app.router, &screen_service, &args);
    assert_true(router_apply(&f->app.router));
    app_frame(&f->app);
}

/* Services of a category within 15 walking minutes, from the store. */
static int near_count(struct ui_fixture *f, const char *category)
{
    struct service_query q = {.category = category, .within_min = 15};
    int n = 0, total = 0;
    assert_int_equal(
        store_services(f->store, &q, f->now_ms / 1000, NULL, 0, &n, &total), 0);
    return total;
}

/* ---- categories ------------------------------------------------------ */

static void category_grid_counts_match_the_store(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "tile.services");
    assert_string_equal(ui_fixture_screen(&f), "categories");
    assert_non_null(draw_list_find_text(&f.app.dl, "附近服务"));

    struct category_row rows[MAX_CATEGORIES];
    int n = 0;
    assert_int_equal(store_categories(f.store, rows, MAX_CATEGORIES, &n), 0);
    assert_true(n > 12);
    int seen = 0;
    for (int page = 0; seen < n && page < 8; page++) {
        for (int i = 0; i < n; i++) {
            char id[32], want[128];
            snprintf(id, sizeof(id), "cat.%d", i);
            const struct ui_element *e = ui_find(&f.app.ui, id);
            if (!e)
                continue;
            assert_int_equal(e->role, ROLE_TILE);
            snprintf(want, sizeof(want), "步行 15 分钟内 %d 处",
                     near_count(&f, rows[i].id));
            if (!strstr(e->label, rows[i].name[LANG_ZH]) ||
                !strstr(e->label, want))
                fail_msg("tile %s: '%s', want '%s' and '%s'", id, e->label,
                         rows[i].name[LANG_ZH], want);
            seen++;
        }
        if (seen < n)
            ui_fixture_tap(&f, "page.next");
    }
    assert_int_equal(seen, n);
    ui_fixture_close(&f);
}

static void category_pages_turn_forward_and_back(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "tile.services");
    assert_non_null(ui_find(&f.app.ui, "cat.0"));
    assert_null(ui_find(&f.app.ui, "cat.12"));
    assert_non_null(draw_list_find_text(&f.app.dl, "第 1/2 页"));
    assert_true(ui_find(&f.app.ui, "page.prev")->disabled);

    /* a tap on a disabled page button changes nothing */
    ui_fixture_tap(&f, "page.prev");
    assert_non_null(ui_find(&f.app.ui, "cat.0"));

    ui_fixture_tap(&f, "page.next");
    assert_null(ui_find(&f.app.ui, "cat.0"));
    assert_non_null(ui_find(&f.app.ui, "cat.12"));
    assert_non_null(draw_list_find_text(&f.app.dl, "第 2/2 页"));
    assert_true(ui_find(&f.app.ui, "page.next")->disabled);

    ui_fixture_tap(&f, "page.prev");
    assert_non_null(ui_find(&f.app.ui, "cat.0"));
    assert_string_equal(ui_fixture_screen(&f), "categories");

    /* 长辈版: six to a page, four pages for 23 categories */
    ui_fixture_tap(&f, "bar.mode");
    assert_non_null(ui_find(&f.app.ui, "cat.5"));
    assert_null(ui_find(&f.app.ui, "cat.6"));
    assert_non_null(draw_list_find_text(&f.app.dl, "第 1/4 页"));
    ui_fixture_tap(&f, "page.next");
    assert_non_null(ui_find(&f.app.ui, "cat.6"));
    ui_fixture_close(&f);
}

/* ---- the list -------------------------------------------------------- */

static void category_opens_a_list_sorted_by_walking(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_category(&f, "supermarket");
    assert_non_null(draw_list_find_text(&f.app.dl, "超市 · 便利店"));

    static struct service_row rows[MAX_ROWS];
    int n = services_of(&f, "supermarket", 0, false, rows);
    assert_true(n >= 4);
    const struct ui_element *el[UI_MAX_ELEMENTS];
    int shown = shown_rows(&f.app.ui, el);
    assert_true(shown >= 4);
    double last = -1;
    for (int i = 0; i < shown; i++) {
        struct service_row r = row_named(&f, "supermarket", el[i]->label);
        assert_string_equal(r.id, rows[i].id);
        assert_true(r.walk_min >= last);
        last = r.walk_min;
        /* 步行 N 分钟, N the walking minutes rounded up */
        char walk[64];
        snprintf(walk, sizeof(walk), "步行 %d 分钟", (int)ceil(r.walk_min));
        assert_non_null(draw_list_find_text(&f.app.dl, walk));
        assert_non_null(draw_list_find_text(&f.app.dl, r.address[LANG_ZH]));
    }

    /* a row opens its service */
    ui_fixture_tap(&f, "svc.0");
    assert_string_equal(ui_fixture_screen(&f), "service");
    assert_string_equal(router_top(&f.app.router)->args.id, rows[0].id);
    ui_fixture_close(&f);
}

/* Every row shown lies within ring minutes and the count is the store's. */
static void assert_rows_within(struct ui_fixture *f, const char *cat, int ring,
                               bool open_only)
{
    static struct service_row rows[MAX_ROWS];
    int want = services_of(f, cat, ring, open_only, rows);
    const struct ui_element *el[UI_MAX_ELEMENTS];
    int shown = shown_rows(&f->app.ui, el);
    assert_true(shown <= want);
    assert_true(shown > 0 || want == 0);
    for (int i = 0; i < shown; i++) {
        struct service_row r = row_named(f, cat, el[i]->label);
        if (ring && r.walk_min > ring)
            fail_msg("%s at %.1f min shown within %d", r.id, r.walk_min, ring);
        if (open_only)
            assert_true(hours_is_open(&r.hours, f->now_ms / 1000, NULL));
    }
    char count[32];
    snprintf(count, sizeof(count), "共 %d 处", want);
    assert_non_null(draw_list_find_text(&f->app.dl, count));
}

static void walking_filter_narrows_the_list(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_category(&f, "supermarket");
    static struct service_row all[MAX_ROWS], five[MAX_ROWS];
    int n_all = services_of(&f, "supermarket", 0, false, all);
    int n_five = services_of(&f, "supermarket", 5, false, five);
    assert_true(n_five > 0 && n_five < n_all);

    const int rings[] = {5, 10, 15};
    for (int i = 0; i < 3; i++) {
        char id[32];
        snprintf(id, sizeof(id), "filter.%d", rings[i]);
        ui_fixture_tap(&f, id);
        assert_true(ui_find(&f.app.ui, id)->checked);
        assert_false(ui_find(&f.app.ui, "filter.all")->checked);
        assert_int_equal(ui_find(&f.app.ui, id)->role, ROLE_CHIP);
        assert_rows_within(&f, "supermarket", rings[i], false);
    }
    const struct ui_element *el[UI_MAX_ELEMENTS];
    ui_fixture_tap(&f, "filter.5");
    assert_int_equal(shown_rows(&f.app.ui, el), n_five);
    ui_fixture_tap(&f, "filter.all");
    assert_rows_within(&f, "supermarket", 0, false);
    ui_fixture_close(&f);
}

static void walking_filter_cycles_in_elder_mode(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.mode");
    open_category(&f, "supermarket");
    /* one chip for the rings: the 5/10/15 chips would break the six */
    assert_null(ui_find(&f.app.ui, "filter.5"));
    assert_non_null(ui_find(&f.app.ui, "filter.walk"));
    const int rings[] = {5, 10, 15, 0};
    for (int i = 0; i < 4; i++) {
        ui_fixture_tap(&f, "filter.walk");
        assert_rows_within(&f, "supermarket", rings[i], false);
        const struct ui_element *el[UI_MAX_ELEMENTS];
        assert_true(shown_rows(&f.app.ui, el) <= 4);
        assert_true(choices(&f.app.ui) <= 6);
    }
    assert_non_null(draw_list_find_text(&f.app.dl, "步行多远：不限远近"));
    ui_fixture_tap(&f, "filter.walk");
    assert_non_null(draw_list_find_text(&f.app.dl, "步行多远：5 分钟内"));
    ui_fixture_close(&f);
}

static void list_pages_in_elder_mode(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    ui_fixture_tap(&f, "bar.mode");
    open_category(&f, "supermarket");
    const struct ui_element *el[UI_MAX_ELEMENTS];
    int first = shown_rows(&f.app.ui, el);
    assert_true(first >= 1 && first <= 4);
    assert_non_null(ui_find(&f.app.ui, "svc.0"));
    char next[16];
    snprintf(next, sizeof(next), "svc.%d", first);
    assert_null(ui_find(&f.app.ui, next));
    ui_fixture_tap(&f, "page.next");
    assert_null(ui_find(&f.app.ui, "svc.0"));
    assert_non_null(ui_find(&f.app.ui, next));
    assert_non_null(draw_list_find_text(&f.app.dl, "第 2/"));
    ui_fixture_tap(&f, "page.prev");
    assert_non_null(ui_find(&f.app.ui, "svc.0"));
    ui_fixture_close(&f);
}

static void open_only_keeps_the_open_ones(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_category(&f, "elderly_care");
    static struct service_row rows[MAX_ROWS];
    int all = services_of(&f, "elderly_care", 0, false, rows);
    int open = services_of(&f, "elderly_care", 0, true, rows);
    assert_true(open > 0 && open < all);
    ui_fixture_tap(&f, "filter.open");
    assert_true(ui_find(&f.app.ui, "filter.open")->checked);
    assert_rows_within(&f, "elderly_care", 0, true);
    ui_fixture_close(&f);
}

/* The badges on the page agree with hours_is_open() at the app's time:
 * 开放中 for each open row, 休息中 and "HH:MM 开门" for each closed one. */
static void assert_badges(struct ui_fixture *f, const char *cat)
{
    int64_t now = f->now_ms / 1000;
    const struct ui_element *el[UI_MAX_ELEMENTS];
    int shown = shown_rows(&f->app.ui, el), open = 0, closed = 0;
    for (int i = 0; i < shown; i++) {
        struct service_row r = row_named(f, cat, el[i]->label);
        if (hours_unknown(&r.hours))
            continue;
        int64_t next;
        if (hours_is_open(&r.hours, now, &next)) {
            open++;
            continue;
        }
        closed++;
        struct civil c;
        civil_from_unix(next, &c);
        char hhmm[8], want[32];
        civil_format_hhmm(c.minute_of_day, hhmm);
        snprintf(want, sizeof(want), "%s 开门", hhmm);
        if (!draw_list_find_text(&f->app.dl, want))
            fail_msg("%s: no '%s'", r.id, want);
    }
    /* "只看开放中的", the filter, is no badge */
    assert_int_equal(draw_list_count_text(&f->app.dl, "开放中") -
                         draw_list_count_text(&f->app.dl, "只看开放中的"),
                     open);
    assert_int_equal(draw_list_count_text(&f->app.dl, "休息中"), closed);
}

static void open_now_badge_follows_the_hours(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_category(&f, "elderly_care");
    /* Monday 10:00: the day centre is open, the canteen opens at 11 */
    assert_badges(&f, "elderly_care");
    assert_true(draw_list_count_text(&f.app.dl, "开放中") > 1);
    assert_non_null(draw_list_find_text(&f.app.dl, "11:00 开门"));

    /* 22:00: everything closed, opening tomorrow */
    f.now_ms += 12 * 3600 * 1000LL;
    app_frame(&f.app);
    assert_badges(&f, "elderly_care");
    /* only the filter's label says 开放中 now */
    assert_int_equal(draw_list_count_text(&f.app.dl, "开放中"), 1);
    assert_non_null(draw_list_find_text(&f.app.dl, "明天 08:00 开门"));
    ui_fixture_close(&f);
}

static void unknown_hours_say_so(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_category(&f, "repair");
    assert_non_null(draw_list_find_text(&f.app.dl, "开放时间不详"));
    assert_badges(&f, "repair");
    open_service(&f, "repair_cobbler");
    assert_non_null(draw_list_find_text(&f.app.dl, "开放时间不详"));
    ui_fixture_close(&f);
}

/* ---- the detail ------------------------------------------------------ */

/* The fill right under a text run (the last rect drawn before it that
 * covers its centre). */
static struct rgba fill_under(const struct draw_list *dl,
                              const struct draw_cmd *t)
{
    int x = t->rect.x + t->rect.w / 2, y = t->rect.y + t->rect.h / 2;
    for (const struct draw_cmd *c = t; c-- > dl->cmds;)
        if (c->kind == DRAW_RECT && rect_contains(c->rect, x, y))
            return c->color;
    return (struct rgba){0};
}

static void detail_shows_week_qr_and_map(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_category(&f, "community_center");
    ui_fixture_tap(&f, "svc.0");
    assert_string_equal(ui_fixture_screen(&f), "service");
    const struct draw_list *dl = &f.app.dl;
    assert_non_null(draw_list_find_text(dl, "曹杨新村街道党群服务中心"));
    /* today (Monday) first, on the focus colour */
    const struct draw_cmd *today = draw_list_find_text(dl, "今天 周一");
    assert_non_null(today);
    assert_true(rgba_equal(fill_under(dl, today), f.app.theme.c.focus));
    const struct draw_cmd *tue = draw_list_find_text(dl, "周二");
    assert_non_null(tue);
    assert_false(rgba_equal(fill_under(dl, tue), f.app.theme.c.focus));
    assert_true(draw_list_count_text(dl, "08:30–20:00") >= 5);
    assert_non_null(draw_list_find_text(dl, "09:00–17:00"));
    /* open now, address, phone, accessibility, the QR, the map */
    assert_non_null(draw_list_find_text(dl, "开放中"));
    assert_non_null(draw_list_find_text(dl, "20:00 关门"));
    assert_non_null(draw_list_find_text(dl, "兰溪路138号"));
    assert_non_null(draw_list_find_text(dl, "021-62541380"));
    assert_non_null(draw_list_find_text(dl, "轮椅可通行"));
    assert_int_equal(draw_list_count_kind(dl, DRAW_QR), 1);
    assert_non_null(draw_list_find_text(dl, "用手机扫一扫"));
    assert_non_null(draw_list_find_text(dl, "您在这里"));
    assert_non_null(draw_list_find_text(dl, "15 分钟"));
    assert_non_null(draw_list_find_text(dl, "北"));
    assert_true(draw_list_count_kind(dl, DRAW_CLIP_PUSH) >= 1);
    assert_false(dl->overflowed);
    assert_false(dl->unbalanced);
    ui_fixture_close(&f);
}

static void detail_shows_closed_days_and_exceptions(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    /* closed on Mondays: today says so */
    open_service(&f, "culture_center");
    const struct draw_cmd *today = draw_list_find_text(&f.app.dl, "今天");
    assert_non_null(today);
    assert_non_null(draw_list_find_text(&f.app.dl, "不开放"));
    assert_non_null(draw_list_find_text(&f.app.dl, "休息中"));
    assert_non_null(draw_list_find_text(&f.app.dl, "明天 09:00 开门"));
    /* a closure in three days is marked as special hours */
    router_pop(&f.app.router);
    router_apply(&f.app.router);
    open_service(&f, "cc_affairs");
    assert_non_null(draw_list_find_text(&f.app.dl, "不开放 (临时调整)"));
    /* a range past midnight */
    router_pop(&f.app.router);
    router_apply(&f.app.router);
    open_service(&f, "late_night");
    assert_non_null(draw_list_find_text(&f.app.dl, "17:00–次日 02:00"));
    ui_fixture_close(&f);
}

static void unknown_service_is_not_entered(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    struct screen_args args = {.id = "no-such-service"};
    router_push(&f.app.router, &screen_service, &args);
    assert_false(router_apply(&f.app.router));
    assert_string_equal(ui_fixture_screen(&f), "home");
    router_push(&f.app.router, &screen_services, &args);
    assert_false(router_apply(&f.app.router));
    assert_string_equal(ui_fixture_screen(&f), "home");
    ui_fixture_close(&f);
}

static void rate_button_opens_rating_of_the_service(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    open_service(&f, "hc_center");
    ui_fixture_tap(&f, "service.rate");
    assert_string_equal(ui_fixture_screen(&f), "rate");
    assert_string_equal(router_top(&f.app.router)->args.id, "hc_center");
    /* without the rating module there is no button */
    router_pop(&f.app.router);
    router_apply(&f.app.router);
    f.app.cfg.modules &= ~MODULE_RATING;
    app_frame(&f.app);
    assert_string_equal(ui_fixture_screen(&f), "service");
    assert_null(ui_find(&f.app.ui, "service.rate"));
    ui_fixture_close(&f);
}

static void elder_detail_goes_on_tabs(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1920, 1080);
    ui_fixture_tap(&f, "bar.mode");
    open_service(&f, "cc_party_center");
    /* overview: the facts and the QR */
    assert_true(ui_find(&f.app.ui, "tab.0")->checked);
    assert_int_equal(draw_list_count_kind(&f.app.dl, DRAW_QR), 1);
    assert_non_null(draw_list_find_text(&f.app.dl, "开放中"));
    assert_null(draw_list_find_text(&f.app.dl, "您在这里"));
    /* the week */
    ui_fixture_tap(&f, "tab.1");
    const struct draw_cmd *today = draw_list_find_text(&f.app.dl, "今天");
    assert_non_null(today);
    assert_true(rgba_equal(fill_under(&f.app.dl, today), f.app.theme.c.focus));
    /* the map */
    ui_fixture_tap(&f, "tab.2");
    assert_non_null(draw_list_find_text(&f.app.dl, "您在这里"));
    assert_int_equal(draw_list_count_kind(&f.app.dl, DRAW_QR), 0);
    /* the description */
    ui_fixture_tap(&f, "tab.3");
    assert_non_null(draw_list_find_text(&f.app.dl, "党群服务大厅"));
    ui_fixture_close(&f);
}

/* A low screen in 长辈版 (1280x800): the tabs' content goes on pages, and
 * turning them shows every part once. */
static void elder_detail_pages_on_a_low_screen(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1280, 800);
    ui_fixture_tap(&f, "bar.mode");
    open_service(&f, "cc_party_center");
    assert_non_null(ui_find(&f.app.ui, "page.next"));
    bool phone = false, qr = false, rate = false;
    for (int p = 0; p < 8; p++) {
        phone |= draw_list_find_text(&f.app.dl, "021-62541380") != NULL;
        qr |= draw_list_count_kind(&f.app.dl, DRAW_QR) > 0;
        rate |= ui_find(&f.app.ui, "service.rate") != NULL;
        assert_true(choices(&f.app.ui) <= 6);
        if (ui_find(&f.app.ui, "page.next")->disabled)
            break;
        ui_fixture_tap(&f, "page.next");
    }
    assert_true(phone && qr && rate);

    /* the week: all seven days over its pages, today first */
    ui_fixture_tap(&f, "tab.1");
    assert_non_null(draw_list_find_text(&f.app.dl, "今天 周一"));
    const char *days[] = {"周二", "周三", "周四", "周五", "周六", "周日"};
    bool seen[6] = {false};
    for (int p = 0; p < 8; p++) {
        for (int d = 0; d < 6; d++)
            seen[d] |= draw_list_find_text(&f.app.dl, days[d]) != NULL;
        const struct ui_element *next = ui_find(&f.app.ui, "page.next");
        if (!next || next->disabled)
            break;
        ui_fixture_tap(&f, "page.next");
    }
    for (int d = 0; d < 6; d++)
        if (!seen[d])
            fail_msg("%s never shown", days[d]);
    ui_fixture_close(&f);
}

/* ---- 长辈版 limits, both orientations ---------------------------------- */

static void elder_never_shows_more_than_six_choices(void **state)
{
    const int sizes[2][2] = {{1920, 1080}, {1080, 1920}};
    for (int s = 0; s < 2; s++) {
        struct ui_fixture f;
        ui_fixture_open(&f, sizes[s][0], sizes[s][1]);
        ui_fixture_tap(&f, "bar.mode");
        ui_fixture_tap(&f, "tile.services");
        for (int p = 0; p < 4; p++) {
            assert_true(choices(&f.app.ui) <= 6);
            if (!ui_find(&f.app.ui, "page.next")->disabled)
                ui_fixture_tap(&f, "page.next");
        }
        ui_fixture_tap(&f, "nav.back");
        open_category(&f, "elderly_care");
        assert_true(choices(&f.app.ui) <= 6);
        ui_fixture_tap(&f, "filter.open");
        assert_true(choices(&f.app.ui) <= 6);
        ui_fixture_tap(&f, "filter.open");
        ui_fixture_tap(&f, "svc.0");
        assert_string_equal(ui_fixture_screen(&f), "service");
        for (int t = 0; t < 4; t++) {
            char id[16];
            snprintf(id, sizeof(id), "tab.%d", t);
            if (!ui_find(&f.app.ui, id))
                break;
            ui_fixture_tap(&f, id);
            assert_true(choices(&f.app.ui) <= 6);
        }
        assert_true(f.app.router.depth - 1 <= 3);
        ui_fixture_close(&f);
    }
}

static void english_shows_english_names(void **state)
{
    struct ui_fixture f;
    ui_fixture_open(&f, 1080, 1920);
    ui_fixture_tap(&f, "bar.lang");
    ui_fixture_tap(&f, "tile.services");
    assert_non_null(draw_list_find_text(&f.app.dl, "Pharmacies"));
    assert_non_null(draw_list_find_text(&f.app.dl, "within 15 min"));
    assert_null(draw_list_find_text(&f.app.dl, "药店"));
    ui_fixture_tap(&f, "nav.back");
    open_category(&f, "community_center");
    assert_non_null(draw_list_find_text(&f.app.dl, "Community service"));
    assert_non_null(draw_list_find_text(&f.app.dl, "Any distance"));
    assert_non_null(draw_list_find_text(&f.app.dl, "min walk"));
    assert_non_null(draw_list_find_text(&f.app.dl, "Open now"));
    ui_fixture_tap(&f, "svc.0");
    assert_non_null(draw_list_find_text(&f.app.dl, "Lanxi Road"));
    assert_non_null(draw_list_find_text(&f.app.dl, "Today Mon"));
    assert_non_null(draw_list_find_text(&f.app.dl, "You are here"));
    assert_null(draw_list_find_text(&f.app.dl, "兰溪路"));
    ui_fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(category_grid_counts_match_the_store),
        cmocka_unit_test(category_pages_turn_forward_and_back),
        cmocka_unit_test(category_opens_a_list_sorted_by_walking),
        cmocka_unit_test(walking_filter_narrows_the_list),
        cmocka_unit_test(walking_filter_cycles_in_elder_mode),
        cmocka_unit_test(list_pages_in_elder_mode),
        cmocka_unit_test(open_only_keeps_the_open_ones),
        cmocka_unit_test(open_now_badge_follows_the_hours),
        cmocka_unit_test(unknown_hours_say_so),
        cmocka_unit_test(detail_shows_week_qr_and_map),
        cmocka_unit_test(detail_shows_closed_days_and_exceptions),
        cmocka_unit_test(unknown_service_is_not_entered),
        cmocka_unit_test(rate_button_opens_rating_of_the_service),
        cmocka_unit_test(elder_detail_goes_on_tabs),
        cmocka_unit_test(elder_detail_pages_on_a_low_screen),
        cmocka_unit_test(elder_never_shows_more_than_six_choices),
        cmocka_unit_test(english_shows_english_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
