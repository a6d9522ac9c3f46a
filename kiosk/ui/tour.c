/*
 * tour.c - reaching a screen with real data (tour.h).
 */
#include "tour.h"

#include "app.h"
#include "err.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

static int go(struct app *a, const struct screen_ops *ops, const char *id)
{
    struct screen_args args = screen_args_id(id ? id : "");
    router_push(&a->router, ops, &args);
    return router_apply(&a->router) ? 0 : ERR_NOT_FOUND;
}

static int first_service(struct app *a, struct service_row *row)
{
    struct service_query q = {0};
    int n = 0;
    int rc = store_services(a->store, &q, app_now_s(a), row, 1, &n, NULL);
    return rc ? rc : n ? 0 : ERR_NOT_FOUND;
}

/* The first future slot with a seat left, and its activity. */
static int first_open_slot(struct app *a, struct slot_row *slot)
{
    struct activity_row acts[16];
    int n = 0, total = 0;
    for (int off = 0;; off += n) {
        int rc =
            store_activities(a->store, app_now_s(a), off, acts, 16, &n, &total);
        if (rc)
            return rc;
        if (n == 0)
            return ERR_NOT_FOUND;
        for (int i = 0; i < n; i++) {
            if (acts[i].open_slots == 0)
                continue;
            struct slot_row rows[32];
            int m = 0;
            rc = store_slots(a->store, acts[i].id, app_now_s(a), 0, rows, 32,
                             &m, NULL);
            if (rc)
                return rc;
            for (int j = 0; j < m; j++)
                if (rows[j].remaining > 0) {
                    *slot = rows[j];
                    return 0;
                }
        }
    }
}

int tour_open(struct app *a, const char *name)
{
    const struct screen_ops *target = screen_by_name(name);
    if (!target)
        return ERR_NOT_FOUND;
    router_home(&a->router);
    router_apply(&a->router);
    a->warn_since = 0;
    a->dirty = true;
    int rc = 0;
    struct service_row svc;
    struct slot_row slot;
    struct notice_row notice;
    int n = 0;

    if (target == &screen_home)
        return 0;
    if (target == &screen_categories)
        return go(a, &screen_categories, NULL);
    if (target == &screen_services || target == &screen_service) {
        if ((rc = first_service(a, &svc)) ||
            (rc = go(a, &screen_categories, NULL)) ||
            (rc = go(a, &screen_services, svc.category)))
            return rc;
        return target == &screen_service ? go(a, &screen_service, svc.id) : 0;
    }
    if (target == &screen_activities)
        return go(a, &screen_activities, NULL);
    if (target == &screen_slots || target == &screen_booking ||
        target == &screen_booked) {
        if ((rc = first_open_slot(a, &slot)) ||
            (rc = go(a, &screen_activities, NULL)) ||
            (rc = go(a, &screen_slots, slot.activity)))
            return rc;
        if (target == &screen_slots)
            return 0;
        if ((rc = go(a, &screen_booking, slot.id)) || target == &screen_booking)
            return rc;
        /* a number not yet used on this cache, since a phone books a slot
         * once */
        struct store_info info;
        if ((rc = store_info(a->store, &info)))
            return rc;
        char phone[16];
        snprintf(phone, sizeof(phone), "138%08d", 12345678 + info.n_bookings);
        struct booking b;
        if ((rc = store_book(a->store, slot.id, phone, clock_now_ms(&a->clock),
                             &b)))
            return rc;
        router_replace(&a->router, &screen_booked,
                       &(struct screen_args){.n = 0});
        snprintf(a->router.next_args.id, sizeof(a->router.next_args.id), "%s",
                 b.code);
        return router_apply(&a->router) ? 0 : ERR_NOT_FOUND;
    }
    if (target == &screen_rate_target)
        return go(a, &screen_rate_target, NULL);
    if (target == &screen_rate || target == &screen_rate_thanks) {
        if ((rc = go(a, &screen_rate_target, NULL)) ||
            (rc = go(a, &screen_rate, NULL)) || target == &screen_rate)
            return rc;
        char uuid[37];
        if ((rc = store_rate(a->store, "center", a->cfg.kiosk_id, 5, NULL, 0,
                             clock_now_ms(&a->clock), uuid)))
            return rc;
        app_mark_rated(a, "center", a->cfg.kiosk_id);
        router_replace(&a->router, &screen_rate_thanks,
                       &(struct screen_args){.n = 5});
        return router_apply(&a->router) ? 0 : ERR_NOT_FOUND;
    }
    if (target == &screen_notices)
        return go(a, &screen_notices, NULL);
    if (target == &screen_notice) {
        if ((rc = store_notices(a->store, app_now_s(a), 0, &notice, 1, &n,
                                NULL)))
            return rc;
        if (n == 0)
            return ERR_NOT_FOUND;
        if ((rc = go(a, &screen_notices, NULL)))
            return rc;
        return go(a, &screen_notice, notice.id);
    }
    if (target == &screen_poll)
        return go(a, &screen_poll, NULL);
    if (target == &screen_staff_pin)
        return go(a, &screen_staff_pin, NULL);
    if (target == &screen_staff)
        return go(a, &screen_staff, NULL);
    if (target == &screen_search) /* a letter that finds a few pages */
        return go(a, &screen_search, "c");
    return ERR_NOT_FOUND;
}
