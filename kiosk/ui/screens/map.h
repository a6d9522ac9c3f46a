/*
 * map.h - where and when: the pieces the nearby-services screens share.
 *
 * The walking time of a service ("步行 5 分钟"), its open-now state as a
 * word, an icon and a colour (never the colour alone), and the schematic
 * map of the kiosk, its 5/10/15-minute walking rings and the service.
 * Everything draws into the frame's draw list and allocates nothing.
 */
#ifndef LINLI_MAP_H
#define LINLI_MAP_H

#include "draw_list.h"
#include "geom.h"
#include "hours.h"

#include <stddef.h>
#include <stdint.h>

struct app;
struct ui;

enum open_kind { OPEN_UNKNOWN, OPEN_NOW, OPEN_CLOSED };

struct open_state {
    enum open_kind kind;
    char word[64];    /* 开放中 / 休息中 / 开放时间不详 */
    char detail[128]; /* "20:00 关门", "明天 08:30 开门", or "" */
};

/* The open state of h at now_s, in the session's language. */
void map_open_state(const struct app *a, const struct hours *h, int64_t now_s,
                    struct open_state *out);

/* Width of the badge map_badge() draws for st at px. */
int map_badge_width(const struct app *a, const struct open_state *st, int px);
/* The badge: a pill with an icon and the word, at r.x, r.y, r.h high
 * (r.w is ignored: the badge is map_badge_width() wide). */
void map_badge(struct app *a, struct ui *ui, struct draw_list *dl,
               struct rect r, const struct open_state *st, int px);

/* A message centred in r ("暂时没有内容"), in up to three lines. */
void map_message(struct app *a, struct ui *ui, struct draw_list *dl,
                 struct rect r, const char *text);

/*
 * The schematic map in r: the kiosk ("您在这里") at the centre, the
 * walking rings of 5, 10 and 15 minutes around it (radius in metres =
 * minutes x speed / detour of the kiosk's walk model, the inverse of the
 * walking time the store keeps), the service at (lat, lon) as a marker,
 * and north up. The scale fits the 15-minute ring, or the service if it
 * is further. Everything is clipped to r.
 */
void map_draw(struct app *a, struct ui *ui, struct draw_list *dl, struct rect r,
              double lat, double lon);

/* The key to the map: the kiosk, the service (its name) and the rings,
 * one under the other from r's top in r.w. With dl NULL it only
 * measures. Returns the height. */
int map_legend(struct app *a, struct ui *ui, struct draw_list *dl,
               struct rect r, const char *name);

#endif
