/*
 * router.c - the screen stack (screen.h).
 */
#include "screen.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void screen_leave(struct screen *s)
{
    if (s->ops && s->ops->leave)
        s->ops->leave(s);
    free(s->state);
    memset(s, 0, sizeof(*s));
}

static bool screen_enter(struct router *r, struct screen *s,
                         const struct screen_ops *ops,
                         const struct screen_args *args)
{
    memset(s, 0, sizeof(*s));
    s->ops = ops;
    s->app = r->app;
    if (args)
        s->args = *args;
    s->state = ops->state_size ? xcalloc(1, ops->state_size) : NULL;
    if (ops->enter && ops->enter(s, &s->args) != 0) {
        free(s->state);
        memset(s, 0, sizeof(*s));
        return false;
    }
    return true;
}

void router_init(struct router *r, struct app *app,
                 const struct screen_ops *home)
{
    memset(r, 0, sizeof(*r));
    r->app = app;
    if (!screen_enter(r, &r->stack[0], home, NULL))
        abort(); /* home reads nothing that can fail */
    r->depth = 1;
}

void router_release(struct router *r)
{
    while (r->depth > 0)
        screen_leave(&r->stack[--r->depth]);
}

static void ask(struct router *r, enum router_op op,
                const struct screen_ops *ops, const struct screen_args *args)
{
    r->op = op;
    r->next = ops;
    memset(&r->next_args, 0, sizeof(r->next_args));
    if (args)
        r->next_args = *args;
}

void router_push(struct router *r, const struct screen_ops *ops,
                 const struct screen_args *args)
{
    ask(r, r->depth < ROUTER_DEPTH ? ROUTE_PUSH : ROUTE_REPLACE, ops, args);
}

void router_replace(struct router *r, const struct screen_ops *ops,
                    const struct screen_args *args)
{
    ask(r, ROUTE_REPLACE, ops, args);
}

void router_pop(struct router *r)
{
    ask(r, ROUTE_POP, NULL, NULL);
}

void router_home(struct router *r)
{
    ask(r, ROUTE_HOME, NULL, NULL);
}

bool router_apply(struct router *r)
{
    enum router_op op = r->op;
    r->op = ROUTE_NONE;
    switch (op) {
    case ROUTE_NONE:
        return false;
    case ROUTE_POP:
        if (r->depth <= 1)
            return false;
        screen_leave(&r->stack[--r->depth]);
        return true;
    case ROUTE_HOME:
        if (r->depth <= 1)
            return false;
        while (r->depth > 1)
            screen_leave(&r->stack[--r->depth]);
        return true;
    case ROUTE_PUSH: {
        struct screen fresh;
        if (!screen_enter(r, &fresh, r->next, &r->next_args))
            return false;
        r->stack[r->depth++] = fresh;
        return true;
    }
    case ROUTE_REPLACE: {
        struct screen fresh;
        if (!screen_enter(r, &fresh, r->next, &r->next_args))
            return false;
        if (r->depth > 1)
            screen_leave(&r->stack[--r->depth]);
        else
            screen_leave(&r->stack[0]), r->depth = 0;
        r->stack[r->depth++] = fresh;
        return true;
    }
    }
    return false;
}

const struct screen_ops *const screen_all[] = {
    &screen_home,       &screen_categories, &screen_services,
    &screen_service,    &screen_activities, &screen_slots,
    &screen_booking,    &screen_booked,     &screen_rate_target,
    &screen_rate,       &screen_rate_thanks, &screen_notices,
    &screen_notice,     &screen_poll,       &screen_staff_pin,
    &screen_staff,      &screen_search,     NULL};

const struct screen_ops *screen_by_name(const char *name)
{
    for (int i = 0; screen_all[i]; i++)
        if (strcmp(screen_all[i]->name, name) == 0)
            return screen_all[i];
    return NULL;
}
