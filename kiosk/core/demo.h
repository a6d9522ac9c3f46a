/*
 * demo.h - the demo community, made fresh for the day it is loaded.
 *
 * assets/demo/community.json is a bundle without dates (docs/bundle.md,
 * "The demo template"). demo_bundle_make() turns it into a bundle for the
 * Shanghai day of now_s: slots over the next 14 days from the weekly
 * schedules, notices and polls placed relative to today, so the demo never
 * goes stale. The kiosk's --demo and the hub's --demo both use it.
 */
#ifndef LINLI_DEMO_H
#define LINLI_DEMO_H

#include <stddef.h>
#include <stdint.h>

#define DEMO_DAYS 14

/* Returns 0 and a heap bundle document in *out (length *out_len), or
 * ERR_PARSE / ERR_INVALID with a message in errbuf. The result still has
 * to go through bundle_parse(). */
int demo_bundle_make(const char *template_json, size_t len, int64_t now_s,
                     char **out, size_t *out_len, char *errbuf,
                     size_t errlen);

#endif
