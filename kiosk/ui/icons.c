/*
 * icons.c - Material icon names a bundle may give a category (icons.h).
 */
#include "icons.h"

#include <string.h>

static const struct {
    const char *name;
    uint32_t cp;
} names[] = {
    {"account_balance", 0xE84F}, {"apartment", 0xEA40},
    {"build", 0xE869}, {"child_care", 0xEB41},
    {"cleaning_services", 0xF0FF}, {"content_cut", 0xE14E},
    {"directions_bus", 0xE530}, {"elderly", 0xF21A},
    {"ev_station", 0xE56D}, {"fitness_center", 0xEB43},
    {"local_hospital", 0xE548}, {"local_laundry_service", 0xE54A},
    {"local_parking", 0xE54F}, {"local_pharmacy", 0xE550},
    {"local_shipping", 0xE558}, {"park", 0xEA63}, {"recycling", 0xE760},
    {"restaurant", 0xE56C}, {"school", 0xE80C}, {"shopping_cart", 0xE8CC},
    {"storefront", 0xEA12}, {"theater_comedy", 0xEA66}, {"wc", 0xE63D},
    {"store", 0xE8D1}, {"local_library", 0xE54B},
    {"sports_basketball", 0xEA26}, {"local_cafe", 0xE541},
    {"local_grocery_store", 0xE547}, {"pets", 0xE91D}, {"eco", 0xEA35},
    {"medical_services", 0xF109}, {"support_agent", 0xF0E2},
    {"groups", 0xF233}, {"celebration", 0xEA65},
    {"volunteer_activism", 0xEA70}, {"directions_walk", 0xE536},
    {"home", 0xE88A}, {"place", 0xE55F}, {"event", 0xE878},
};

uint32_t icon_by_name(const char *name)
{
    if (name)
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
            if (strcmp(names[i].name, name) == 0)
                return names[i].cp;
    return ICON_CATEGORY;
}
