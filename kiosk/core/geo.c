/* geo.c - haversine distance and walking minutes (see geo.h). */
#include "geo.h"

#include <math.h>

#define EARTH_RADIUS_M 6371008.8 /* IUGG mean radius */

static double rad(double deg)
{
    return deg * (M_PI / 180.0);
}

double geo_distance_m(double lat1, double lon1, double lat2, double lon2)
{
    double dlat = rad(lat2 - lat1);
    double dlon = rad(lon2 - lon1);
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(rad(lat1)) * cos(rad(lat2)) * sin(dlon / 2) * sin(dlon / 2);
    if (a > 1.0)
        a = 1.0; /* rounding near antipodes */
    return 2.0 * EARTH_RADIUS_M * asin(sqrt(a));
}

double geo_walk_minutes(const struct walk_model *w, double lat1, double lon1,
                        double lat2, double lon2)
{
    return geo_distance_m(lat1, lon1, lat2, lon2) * w->detour /
           w->speed_m_per_min;
}

int geo_ring(double minutes)
{
    if (minutes <= 5.0)
        return 5;
    if (minutes <= 10.0)
        return 10;
    if (minutes <= 15.0)
        return 15;
    return 0;
}
