/*
 * devices.c - the peripherals seam's calls and the scan of a booking's QR
 * (devices.h).
 */
#include "devices.h"

#include "app.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

bool devices_can_print(const struct devices *d)
{
    struct device_info info;
    devices_info(d, &info);
    return d->ops && *info.printer;
}

int devices_print(const struct devices *d, const struct slip *s)
{
    return d->ops ? d->ops->print(d->ctx, s) : 0;
}

enum slip_result devices_print_result(const struct devices *d, int job)
{
    return d->ops && job > 0 ? d->ops->print_result(d->ctx, job) : SLIP_NONE;
}

void devices_info(const struct devices *d, struct device_info *out)
{
    memset(out, 0, sizeof(*out));
    out->backlight_percent = -1;
    if (d->ops)
        d->ops->info(d->ctx, out);
}

void devices_backlight_test(const struct devices *d)
{
    if (d->ops)
        d->ops->backlight_test(d->ctx);
}

bool devices_open_scan(struct app *a, const char *text)
{
    size_t n = strlen(BOOKING_QR_PREFIX);
    if (strncmp(text, BOOKING_QR_PREFIX, n) != 0)
        return false;
    struct booking b;
    if (store_booking_by_code(a->store, text + n, &b) != 0)
        return false;
    struct screen *top = router_top(&a->router);
    if (top->ops == &screen_booked && strcmp(top->args.id, b.code) == 0)
        return true; /* already showing it */
    struct screen_args args = screen_args_id(b.code);
    args.n = BOOKED_BY_SCAN;
    router_push(&a->router, &screen_booked, &args);
    return true;
}
