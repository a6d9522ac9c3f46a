/*
 * staff.c - local maintenance behind the PIN: what staff need to see at
 * the kiosk (its id, software and data versions, screen, data age, what
 * the cache holds, the outbox waiting for the hub, the last sync, the
 * peripherals: printer, watchdog, backlight, scanner), the printer's test
 * page, the backlight test and the way out. Actions come with the issues
 * that make them work; none is shown before it does something.
 */
#include "screen.h"

#include "app.h"
#include "devices.h"
#include "icons.h"
#include "outbox.h"
#include "store.h"
#include "sync.h"
#include "volunteer.h" /* the pager with "第 2/5 页" */

#include <stdio.h>
#include <string.h>

#define STAFF_ITEMS        (12 + STAFF_DEVICE_ITEMS)
#define STAFF_DEVICE_ITEMS 4

struct staff_state {
    int page;
    int test_job; /* the test page's print job, 0 if none */
};

struct item {
    const char *label;
    char value[256];
};

static void num(char out[16], int n)
{
    snprintf(out, 16, "%d", n);
}

/* ---- sync and 好差评 (issue 4): state, last sync, last error, the local
 * satisfaction rate, and the "sync now" button ---------------------------- */

static int sync_items(struct app *a, struct item *it, int n,
                      const struct store_info *info)
{
    const struct sync_status *ss =
        a->status.syncer ? sync_status(a->status.syncer) : NULL;
    char t[48], key[48], c[3][16];
    it[n].label = app_t(a, "staff.sync");
    if (!ss) {
        snprintf(it[n].value, sizeof(it->value), "%s",
                 app_t(a, "staff.sync.off"));
    } else {
        snprintf(key, sizeof(key), "sync.state.%s", sync_state_name(ss->state));
        bool waiting = !sync_busy(a->status.syncer);
        app_format_time(a, ss->next_try_ms / 1000, true, t, sizeof(t));
        if (waiting)
            app_fmt(
                a, "staff.sync.next", it[n].value, sizeof(it->value),
                (const char *const[]){"state", app_t(a, key), "time", t, NULL});
        else
            snprintf(it[n].value, sizeof(it->value), "%s", app_t(a, key));
    }
    n++;
    it[n].label = app_t(a, "staff.last_sync");
    if (ss && ss->last_success_ms > 0)
        app_format_time(a, ss->last_success_ms / 1000, true, it[n].value,
                        sizeof(it->value));
    else
        snprintf(it[n].value, sizeof(it->value), "%s",
                 *a->status.sync ? a->status.sync
                                 : app_t(a, "staff.last_sync.never"));
    n++;
    if (ss) {
        it[n].label = app_t(a, "staff.last_error");
        if (ss->last_error[0]) {
            app_format_time(a, ss->last_error_ms / 1000, true, t, sizeof(t));
            app_fmt(a, "staff.last_error.value", it[n].value, sizeof(it->value),
                    (const char *const[]){"time", t, "error", ss->last_error,
                                          NULL});
        } else {
            snprintf(it[n].value, sizeof(it->value), "%s",
                     app_t(a, "staff.last_error.none"));
        }
        n++;
    }
    it[n].label = app_t(a, "staff.satisfaction");
    if (info->n_ratings > 0) {
        num(c[0], (info->n_ratings_good * 100 + info->n_ratings / 2) /
                      info->n_ratings);
        num(c[1], info->n_ratings_good);
        num(c[2], info->n_ratings);
        app_fmt(
            a, "staff.satisfaction.value", it[n].value, sizeof(it->value),
            (const char *const[]){"pct", c[0], "good", c[1], "n", c[2], NULL});
    } else {
        snprintf(it[n].value, sizeof(it->value), "%s",
                 app_t(a, "staff.satisfaction.none"));
    }
    return n + 1;
}

/* The "sync now" button at the right of r's row, when sync is set up;
 * returns the width it took. */
static int sync_button(struct app *a, struct ui *ui, struct draw_list *dl,
                       struct rect r)
{
    if (!a->status.syncer)
        return 0;
    const struct theme *th = &a->theme;
    bool busy = sync_busy(a->status.syncer);
    const char *label = app_t(a, busy ? "staff.syncing" : "staff.sync_now");
    int w = text_width(&a->tm, label, strlen(label), th->body, FONT_BOLD) +
            th->target + 3 * th->gap;
    struct rect b = {r.x + r.w - w, r.y, w, r.h};
    struct button bt = {.label = label,
                        .icon = ICON_SYNC,
                        .look = LOOK_FILLED,
                        .color = th->c.blue,
                        .disabled = busy};
    if (ui_button(ui, dl, "staff.sync_now", b, &bt)) {
        sync_now(a->status.syncer);
        a->dirty = true;
    }
    return w + 2 * th->gap;
}

/* The facts, read afresh for every frame. */
static int fill_items(struct app *a, struct item *it)
{
    struct store_info info;
    memset(&info, 0, sizeof(info));
    store_info(a->store, &info);
    int n = 0;
    char c[6][16];

    it[n].label = app_t(a, "staff.kiosk_id");
    snprintf(it[n++].value, sizeof(it->value), "%s",
             *a->cfg.kiosk_id ? a->cfg.kiosk_id : "—");
    it[n].label = app_t(a, "staff.version");
    snprintf(it[n++].value, sizeof(it->value), "%s",
             a->status.version ? a->status.version : "—");

    it[n].label = app_t(a, "staff.outbox");
    int depth = 0;
    outbox_depth(a->store, &depth);
    num(c[0], depth);
    app_fmt(a, "staff.outbox.count", it[n++].value, sizeof(it->value),
            (const char *const[]){"n", c[0], NULL});
    n = sync_items(a, it, n, &info);

    it[n].label = app_t(a, "staff.data_age");
    if (a->applied_ms > 0)
        app_format_time(a, a->applied_ms / 1000, true, it[n].value,
                        sizeof(it->value));
    else
        snprintf(it[n].value, sizeof(it->value), "%s",
                 app_t(a, "staff.data_age.never"));
    n++;
    it[n].label = app_t(a, "staff.bundle");
    snprintf(it[n++].value, sizeof(it->value), "%s",
             *info.bundle_version ? info.bundle_version : "—");

    it[n].label = app_t(a, "staff.counts");
    num(c[0], info.n_categories);
    num(c[1], info.n_services);
    num(c[2], info.n_activities);
    num(c[3], info.n_slots);
    num(c[4], info.n_notices);
    num(c[5], info.n_polls);
    app_fmt(a, "staff.counts.value", it[n++].value, sizeof(it->value),
            (const char *const[]){"categories", c[0], "services", c[1],
                                  "activities", c[2], "slots", c[3], "notices",
                                  c[4], "polls", c[5], NULL});
    it[n].label = app_t(a, "staff.local");
    num(c[0], info.n_bookings);
    num(c[1], info.n_ratings);
    num(c[2], info.n_poll_answers);
    app_fmt(a, "staff.local.value", it[n++].value, sizeof(it->value),
            (const char *const[]){"bookings", c[0], "ratings", c[1], "answers",
                                  c[2], NULL});

    it[n].label = app_t(a, "staff.screen");
    num(c[0], a->w);
    num(c[1], a->h);
    app_fmt(a, "staff.screen.value", it[n++].value, sizeof(it->value),
            (const char *const[]){"w", c[0], "h", c[1], NULL});
    return n;
}

/* A label over its value. */
static int item_h(struct ui *ui, int w, const struct item *it)
{
    const struct theme *th = ui->th;
    return text_line_height(th->text_min) +
           ui_text_height(ui, w, it->value, th->body, FONT_BOLD, 3);
}

/* Rows of cols items; row r starts page p when it does not fit under the
 * rows before it. Fills first[p] (the first item of page p) and returns
 * the number of pages. */
static int paginate(struct ui *ui, const struct item *it, int n, int cols,
                    int col_w, int h, int first[STAFF_ITEMS + 1])
{
    int pages = 0, used = h + 1;
    for (int i = 0; i < n; i += cols) {
        int row = 0;
        for (int j = i; j < i + cols && j < n; j++) {
            int ih = item_h(ui, col_w, &it[j]);
            row = ih > row ? ih : row;
        }
        if (used + row > h && pages < STAFF_ITEMS) {
            first[pages++] = i;
            used = 0;
        }
        used += row + ui->th->gap;
    }
    first[pages] = n;
    return pages;
}

/* ---- peripherals: state, test page, backlight test -------------------- */

static const char *slip_state(struct app *a, enum slip_result r)
{
    switch (r) {
    case SLIP_NONE:
        return app_t(a, "staff.printer.none");
    case SLIP_PRINTING:
        return app_t(a, "staff.printer.printing");
    case SLIP_PRINTED:
        return app_t(a, "staff.printer.printed");
    case SLIP_NO_PAPER:
        return app_t(a, "staff.printer.paper");
    case SLIP_COVER_OPEN:
        return app_t(a, "staff.printer.cover");
    case SLIP_NO_PRINTER:
        return app_t(a, "staff.printer.missing");
    default:
        return app_t(a, "staff.printer.failed");
    }
}

/* Printer, watchdog, backlight and scanner after the other items. */
static int device_items(struct app *a, struct item *it, int n)
{
    struct device_info d;
    devices_info(&a->devices, &d);
    char dev[160], c[3][16];
    const char *none = app_t(a, "staff.none");

    it[n].label = app_t(a, "staff.printer");
    snprintf(it[n].value, sizeof(it->value), "%s", none);
    if (*d.printer)
        app_fmt(a, "staff.printer.value", it[n].value, sizeof(it->value),
                (const char *const[]){"device", d.printer, "state",
                                      slip_state(a, d.printer_last), NULL});
    n++;

    it[n].label = app_t(a, "staff.watchdog");
    snprintf(dev, sizeof(dev), "%s%s%s", d.watchdog,
             *d.watchdog && d.watchdog_systemd ? " + " : "",
             d.watchdog_systemd ? "systemd" : "");
    snprintf(it[n].value, sizeof(it->value), "%s", *dev ? dev : none);
    num(c[0], d.watchdog_timeout_s);
    num(c[1], d.watchdog_ago_s);
    num(c[2], d.watchdog_kicks);
    if (*dev)
        app_fmt(a,
                d.watchdog_ago_s < 0 ? "staff.watchdog.never"
                                     : "staff.watchdog.value",
                it[n].value, sizeof(it->value),
                (const char *const[]){"device", dev, "s", c[0], "ago", c[1],
                                      "n", c[2], NULL});
    if (*dev) /* the seconds since the last kick count up */
        app_wake_at(a, app_mono_ms(a) + 1000);
    n++;

    it[n].label = app_t(a, "staff.backlight");
    snprintf(it[n].value, sizeof(it->value), "%s", none);
    num(c[0], d.backlight_test ? d.backlight_test : d.backlight_percent);
    if (*d.backlight)
        app_fmt(a,
                d.backlight_test ? "staff.backlight.testing"
                                 : "staff.backlight.value",
                it[n].value, sizeof(it->value),
                (const char *const[]){
                    "device", d.backlight, "pct",
                    d.backlight_percent < 0 && !d.backlight_test ? "—" : c[0],
                    NULL});
    n++;

    it[n].label = app_t(a, "staff.scanner");
    snprintf(it[n].value, sizeof(it->value), "%s", none);
    num(c[0], d.scans);
    if (*d.scanner)
        app_fmt(a, "staff.scanner.value", it[n].value, sizeof(it->value),
                (const char *const[]){"device", d.scanner, "n", c[0], NULL});
    return n + 1;
}

/* The test page: the kiosk, the time and the version, and a QR. */
static int print_test_page(struct app *a)
{
    struct slip sl;
    memset(&sl, 0, sizeof(sl));
    const char *center[] = {a->cfg.center[LANG_ZH], a->cfg.center[LANG_EN]};
    snprintf(sl.title, sizeof(sl.title), "%s", app_text(a, center));
    char when[64];
    app_format_time(a, app_now_s(a), true, when, sizeof(when));
    const char *rows[][2] = {
        {"slip.test.kiosk", *a->cfg.kiosk_id ? a->cfg.kiosk_id : "—"},
        {"slip.test.time", when},
        {"slip.test.version", a->status.version ? a->status.version : "—"},
    };
    for (int i = 0; i < 3; i++)
        app_fmt(a, rows[i][0], sl.lines[sl.n_lines++], SLIP_LINE_MAX,
                (const char *const[]){"v", rows[i][1], NULL});
    snprintf(sl.code, sizeof(sl.code), "TEST");
    snprintf(sl.code_label, sizeof(sl.code_label), "%s",
             app_t(a, "slip.test.title"));
    snprintf(sl.qr, sizeof(sl.qr), "LINLI:TEST:%s", a->cfg.kiosk_id);
    snprintf(sl.footer, sizeof(sl.footer), "%s", app_t(a, "slip.test.footer"));
    return devices_print(&a->devices, &sl);
}

/* The device actions there are: the test page where a printer is set
 * up, the backlight test where a backlight is. */
static int device_buttons(struct app *a, struct button *out, const char **ids)
{
    struct device_info d;
    devices_info(&a->devices, &d);
    const struct theme *th = &a->theme;
    int n = 0;
    if (*d.printer) {
        ids[n] = "staff.print_test";
        out[n++] = (struct button){.label = app_t(a, "staff.print_test"),
                                   .icon = ICON_PRINT,
                                   .look = LOOK_CARD,
                                   .color = th->c.slate};
    }
    if (*d.backlight) {
        ids[n] = "staff.backlight_test";
        out[n++] = (struct button){.label = app_t(a, "staff.backlight_test"),
                                   .icon = ICON_CONTRAST,
                                   .look = LOOK_CARD,
                                   .color = th->c.slate};
    }
    return n;
}

/* Side by side when both labels fit half the width, else one a row. */
static bool device_buttons_side(struct app *a, const struct button *b, int n,
                                int w)
{
    const struct theme *th = &a->theme;
    for (int i = 0; i < n; i++) {
        int need = text_width(&a->tm, b[i].label, strlen(b[i].label), th->body,
                              FONT_BOLD) +
                   th->body * 5 / 4 + 16 + 2 * 16;
        if (need > (w - th->gap) / 2)
            return false;
    }
    return true;
}

/* The rows of device actions over 退出 (empty when there is none), taken
 * off the bottom of *list. */
static struct rect device_actions_row(struct app *a, struct rect *list)
{
    struct button b[2];
    const char *ids[2];
    int n = device_buttons(a, b, ids);
    if (n == 0)
        return (struct rect){0};
    const struct theme *th = &a->theme;
    int rows = n > 1 && !device_buttons_side(a, b, n, list->w) ? n : 1;
    int h = rows * th->target + (rows - 1) * th->gap;
    list->h -= h + th->gap;
    return (struct rect){list->x, list->y + list->h + th->gap, list->w, h};
}

static void device_actions(struct app *a, struct staff_state *st, struct ui *ui,
                           struct draw_list *dl, struct rect r)
{
    struct button b[2];
    const char *ids[2];
    int n = rect_empty(r) ? 0 : device_buttons(a, b, ids);
    const struct theme *th = &a->theme;
    bool side = device_buttons_side(a, b, n, r.w);
    int w = side ? (r.w - th->gap) / 2 : r.w;
    w = w < 720 ? w : 720;
    enum slip_result res = devices_print_result(&a->devices, st->test_job);
    for (int i = 0; i < n; i++) {
        struct rect br = {r.x + (side ? i * (w + th->gap) : 0),
                          r.y + (side ? 0 : i * (th->target + th->gap)), w,
                          th->target};
        bool print = strcmp(ids[i], "staff.print_test") == 0;
        b[i].disabled = print && res == SLIP_PRINTING;
        if (!ui_button(ui, dl, ids[i], br, &b[i]))
            continue;
        if (print)
            st->test_job = print_test_page(a);
        else
            devices_backlight_test(&a->devices);
    }
    if (res == SLIP_PRINTING)
        app_wake_at(a, app_mono_ms(a) + 250);
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct staff_state *st = s->state;
    struct app *a = s->app;
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    struct item it[STAFF_ITEMS];
    int n = device_items(a, it, fill_items(a, it));

    struct rect exit = {body.x, body.y + body.h - th->primary,
                        body.w < 720 ? body.w : 720, th->primary};
    int sync_w = sync_button(
        a, ui, dl, (struct rect){body.x, exit.y, body.w, th->primary});
    if (exit.w > body.w - sync_w)
        exit.w = body.w - sync_w;
    struct rect list = {body.x, body.y, body.w, exit.y - th->gap - body.y};
    struct rect actions = device_actions_row(a, &list);
    int cols = a->w > a->h ? 2 : 1;
    int col_w = (list.w - (cols - 1) * 2 * th->gap) / cols;
    int first[STAFF_ITEMS + 1];
    int pages = paginate(ui, it, n, cols, col_w, list.h, first);
    struct rect pager = {0};
    if (pages > 1) {
        /* the page buttons beside 退出 when they fit there, else on a row
         * of their own over it */
        char text[64], p[16], ps[16];
        num(p, pages);
        num(ps, pages);
        app_fmt(a, "nav.page", text, sizeof(text),
                (const char *const[]){"page", p, "pages", ps, NULL});
        int need =
            text_width(&a->tm, text, strlen(text), th->body, FONT_REGULAR) +
            3 * th->target + 3 * th->gap;
        pager = (struct rect){
            exit.x + exit.w + 2 * th->gap, exit.y + (exit.h - th->target) / 2,
            body.w - exit.w - 2 * th->gap - sync_w, th->target};
        if (pager.w < need) {
            pager = (struct rect){body.x, exit.y - th->gap - th->target, body.w,
                                  th->target};
            list.h -= th->target + th->gap;
            actions.y -= th->target + th->gap; /* the pager under them */
            pages = paginate(ui, it, n, cols, col_w, list.h, first);
        }
    }
    if (st->page >= pages)
        st->page = pages - 1; /* the screen turned, or data changed */

    int y = list.y, row = 0;
    for (int i = first[st->page]; i < first[st->page + 1]; i++) {
        int c = (i - first[st->page]) % cols;
        struct rect r = {list.x + c * (col_w + 2 * th->gap), y, col_w, 0};
        int lh = text_line_height(th->text_min);
        struct text_style ts = ui_style(th->text_min, FONT_REGULAR, th->c.ink2,
                                        ALIGN_START, ALIGN_START);
        ui_text(ui, dl, (struct rect){r.x, r.y, r.w, lh}, it[i].label, &ts, 1,
                0);
        int vh = ui_text_height(ui, col_w, it[i].value, th->body, FONT_BOLD, 3);
        ts = ui_style(th->body, FONT_BOLD, th->c.ink, ALIGN_START, ALIGN_START);
        ui_text(ui, dl, (struct rect){r.x, r.y + lh, r.w, vh}, it[i].value, &ts,
                3, 0);
        row = lh + vh > row ? lh + vh : row;
        if (c == cols - 1 || i + 1 == first[st->page + 1]) {
            y += row + th->gap;
            row = 0;
        }
    }

    device_actions(a, st, ui, dl, actions);
    app_pager(a, ui, dl, "page", pager, &st->page, pages);
    struct button b = {.label = app_t(a, "staff.exit"),
                       .icon = ICON_HOME,
                       .look = LOOK_FILLED,
                       .color = th->c.slate,
                       .primary = true};
    if (ui_button(ui, dl, "staff.exit", exit, &b))
        router_home(&a->router);
    app_draw_frame(a, ui, dl, app_t(a, "staff.title"));
}

const struct screen_ops screen_staff = {
    .name = "staff",
    .state_size = sizeof(struct staff_state),
    .draw = draw,
};
