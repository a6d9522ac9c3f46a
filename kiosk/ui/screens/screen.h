/*
 * screen.h - what every screen exports, and the router that stacks them.
 *
 * A screen is an immediate-mode function of (model, input): draw() reads
 * the store through the app and emits a draw list; its widgets answer the
 * frame's input and ask the router or the store for changes. Screens keep
 * only view state (page, selection, what is typed) in their state struct,
 * which the router allocates on enter (state_size bytes, zeroed) and frees
 * on leave. The router alone calls enter and leave, and only between
 * frames: a push, pop or home asked for during a frame takes effect when
 * router_apply() runs after it.
 */
#ifndef LINLI_SCREEN_H
#define LINLI_SCREEN_H

#include "draw_list.h"
#include "input.h"

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

struct app;
struct ui;
struct screen;

#define SCREEN_ARG_MAX 96

/* What a screen is opened with: an id (a category, a service, a slot …)
 * and a number; copied into the screen. */
struct screen_args {
    char id[SCREEN_ARG_MAX];
    int n;
};

/* Args naming id (cut to fit; ids are at most 64 bytes, docs/bundle.md). */
static inline struct screen_args screen_args_id(const char *id)
{
    struct screen_args args = {{0}, 0};
    snprintf(args.id, sizeof(args.id), "%.*s", (int)sizeof(args.id) - 1, id);
    return args;
}

struct screen_ops {
    const char *name;  /* stable: replays and screens.json use it */
    size_t state_size; /* bytes of view state the router allocates */
    int (*enter)(struct screen *s, const struct screen_args *args);
    void (*leave)(struct screen *s);
    void (*input)(struct screen *s, const struct input_event *ev);
    void (*tick)(struct screen *s, uint64_t now_ms);
    void (*draw)(struct screen *s, struct ui *ui, struct draw_list *dl);
};

struct screen {
    const struct screen_ops *ops;
    struct app *app;
    struct screen_args args;
    void *state;
};

#define ROUTER_DEPTH 6

enum router_op { ROUTE_NONE, ROUTE_PUSH, ROUTE_REPLACE, ROUTE_POP, ROUTE_HOME };

struct router {
    struct app *app;
    struct screen stack[ROUTER_DEPTH];
    int depth;
    /* the change asked for during this frame (the last one wins) */
    enum router_op op;
    const struct screen_ops *next;
    struct screen_args next_args;
};

/* Starts with home as the only screen (entered at once). */
void router_init(struct router *r, struct app *app,
                 const struct screen_ops *home);
/* Leaves every screen. */
void router_release(struct router *r);

/* Asks for a change at the end of the frame. args may be NULL. A push at
 * full depth becomes a replace of the top. */
void router_push(struct router *r, const struct screen_ops *ops,
                 const struct screen_args *args);
void router_replace(struct router *r, const struct screen_ops *ops,
                    const struct screen_args *args);
void router_pop(struct router *r);
void router_home(struct router *r);

/* Carries out the change asked for, if any: leave, then enter. A screen
 * whose enter fails is not shown (the one below stays). Returns true if
 * the top screen changed. */
bool router_apply(struct router *r);

static inline struct screen *router_top(struct router *r)
{
    return &r->stack[r->depth - 1];
}

/* Every screen of the kiosk, for --screen NAME and replays. NULL-ended. */
extern const struct screen_ops *const screen_all[];
const struct screen_ops *screen_by_name(const char *name);

extern const struct screen_ops screen_home, screen_categories, screen_services,
    screen_service, screen_activities, screen_slots, screen_booking,
    screen_booked, screen_rate_target, screen_rate, screen_rate_thanks,
    screen_notices, screen_notice, screen_poll, screen_staff_pin, screen_staff,
    screen_search;

#endif
