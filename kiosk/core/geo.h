/*
 * geo.h - distances and walking minutes from the kiosk.
 *
 * Walking time = great-circle distance x detour factor / walking speed.
 * The two parameters come from the kiosk's config; the defaults and their
 * sources:
 *   - speed 66.7 m/min (4 km/h): GB 50180-2018 (城市居住区规划设计标准)
 *     sets the 15-minute life circle at a walking distance of 800-1000 m,
 *     i.e. 1000 m in 15 minutes; slower than the 1.2-1.4 m/s of adult
 *     pedestrian studies, which suits a center serving many elders;
 *   - detour 1.3: the circuity of urban street networks (network distance
 *     over straight-line distance) is about 1.2-1.4 (Levinson and
 *     El-Geneidy 2009, "The minimum circuity frontier and the journey to
 *     work"; Boeing 2019 finds about 1.1-1.3 for city street grids).
 */
#ifndef LINLI_GEO_H
#define LINLI_GEO_H

#define GEO_WALK_SPEED_DEFAULT 66.7  /* metres per minute */
#define GEO_DETOUR_DEFAULT 1.3

struct walk_model {
    double speed_m_per_min;  /* > 0 */
    double detour;           /* >= 1 */
};

/* Great-circle (haversine) distance in metres, mean Earth radius. */
double geo_distance_m(double lat1, double lon1, double lat2, double lon2);

/* Walking minutes (not rounded) between two points. */
double geo_walk_minutes(const struct walk_model *w, double lat1, double lon1,
                        double lat2, double lon2);

/* The walking ring a time falls in, as the UI's 5/10/15 filter sees it:
 * 5, 10 or 15 for minutes <= that ring, 0 beyond 15. */
int geo_ring(double minutes);

#endif
