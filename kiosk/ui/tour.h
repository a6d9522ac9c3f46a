/*
 * tour.h - opening any screen the way a resident would reach it.
 *
 * Screenshots, benchmarks and tests need "the service detail screen" with
 * real data behind it. tour_open() starts from home and pushes each screen
 * on the way with the first suitable item in the cache (the first category
 * that has services, the first activity with a free seat ...), through the
 * router like a tap would, so the stack and its depth are the real ones.
 * Screens that only follow an action (booked, rate_thanks) are reached by
 * doing the action: the store gets a real booking or rating, so run tours
 * on a scratch copy of the cache.
 */
#ifndef LINLI_TOUR_H
#define LINLI_TOUR_H

struct app;

/* Resets the app to home and opens screen name. Returns 0, ERR_NOT_FOUND
 * (no such screen, or the cache has nothing to show on it) or the error
 * of the action on the way. */
int tour_open(struct app *a, const char *name);

#endif
