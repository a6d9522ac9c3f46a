/*
 * fixture.h - a kiosk ui on the demo community, for ui tests.
 *
 * ui_fixture_open() makes an in-memory cache with the demo community
 * generated for a fixed Monday morning (2026-11-23 10:00 Shanghai), the
 * catalogs, a fixed clock the test moves, and an app at the given size
 * with the estimating text metrics (no fonts, no display). Header-only so
 * each test executable needs nothing else linked.
 */
#ifndef LINLI_UI_FIXTURE_H
#define LINLI_UI_FIXTURE_H

#include "testutil.h"

#include "app.h"
#include "bundle.h"
#include "demo.h"
#include "err.h"
#include "i18n.h"
#include "outbox.h"
#include "replay.h"
#include "store.h"
#include "tour.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ui_fixture {
    struct store *store;
    struct i18n *i18n;
    int64_t now_ms; /* the app's clock: move it with replay_wait() */
    struct app app;
};

static inline void ui_fixture_open(struct ui_fixture *f, int w, int h)
{
    memset(f, 0, sizeof(*f));
    char err[256];
    f->now_ms = test_sh_time(2026, 11, 23, 10, 0) * 1000;
    assert_int_equal(store_open(":memory:", &f->store, err, sizeof(err)), 0);
    size_t len;
    char *tmpl = test_read_file(LINLI_TEST_ASSETS "/demo/community.json",
                                &len);
    char *json;
    size_t json_len;
    assert_int_equal(demo_bundle_make(tmpl, len, f->now_ms / 1000, &json,
                                      &json_len, err, sizeof(err)),
                     0);
    struct bundle *b;
    assert_int_equal(bundle_parse(json, json_len, &b, err, sizeof(err)), 0);
    assert_int_equal(store_apply_bundle(f->store, b, f->now_ms), 0);
    bundle_free(b);
    free(json);
    free(tmpl);
    assert_int_equal(i18n_load(LINLI_TEST_ASSETS "/i18n", &f->i18n, err,
                               sizeof(err)),
                     0);
    assert_int_equal(app_init(&f->app, f->store, f->i18n,
                              clock_fixed(&f->now_ms), text_metrics_approx(),
                              w, h),
                     0);
    f->app.status.version = "test";
    app_frame(&f->app);
}

static inline void ui_fixture_close(struct ui_fixture *f)
{
    app_release(&f->app);
    i18n_free(f->i18n);
    store_close(f->store);
}

/* Runs a replay script; fails the test with the replay's message. */
static inline void ui_fixture_replay(struct ui_fixture *f, const char *script)
{
    char err[256] = "";
    int rc = replay_run(&f->app, &f->now_ms, script, NULL, err, sizeof(err));
    if (rc)
        fail_msg("replay: %s", err);
}

static inline const char *ui_fixture_screen(struct ui_fixture *f)
{
    return router_top(&f->app.router)->ops->name;
}

/* Taps the element with this id; fails the test if it is not shown. */
static inline void ui_fixture_tap(struct ui_fixture *f, const char *id)
{
    if (replay_tap_id(&f->app, id) != 0)
        fail_msg("no element '%s' on %s", id, ui_fixture_screen(f));
}

#endif
