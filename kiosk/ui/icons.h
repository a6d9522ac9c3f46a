/*
 * icons.h - Material Icons code points the ui draws (VISUAL.md, Icons).
 *
 * Code points are those of Debian's fonts-material-design-icons-iconfont
 * (css/material-design-icons.css). Bundles name a category's icon by its
 * Material name ("local_hospital"); icon_by_name() maps the names Linli
 * knows and falls back to a generic one, so a new name from the hub shows
 * something sensible rather than a missing glyph.
 */
#ifndef LINLI_ICONS_H
#define LINLI_ICONS_H

#include <stdint.h>

enum {
    ICON_WALK = 0xE536,      /* directions_walk */
    ICON_VOLUNTEER = 0xEA70, /* volunteer_activism */
    ICON_VERY_SATISFIED = 0xE815,
    ICON_SATISFIED = 0xE813,
    ICON_NEUTRAL = 0xE812,
    ICON_DISSATISFIED = 0xE811,
    ICON_VERY_DISSATISFIED = 0xE814,
    ICON_CAMPAIGN = 0xEF49,
    ICON_POLL = 0xE801,
    ICON_TRANSLATE = 0xE8E2,
    ICON_VOICE = 0xE91F, /* record_voice_over */
    ICON_ELDERLY = 0xF21A,
    ICON_HOME = 0xE88A,
    ICON_BACK = 0xE5C4, /* arrow_back */
    ICON_UP = 0xE5CE,   /* expand_less */
    ICON_DOWN = 0xE5CF, /* expand_more */
    ICON_CHECK = 0xE5CA,
    ICON_CLOSE = 0xE5CD,
    ICON_QR = 0xE00A, /* qr_code_2 */
    ICON_PHONE = 0xE0CD,
    ICON_PLACE = 0xE55F,
    ICON_ACCESSIBLE = 0xE914,
    ICON_SCHEDULE = 0xE8B5,
    ICON_EVENT = 0xE878,
    ICON_EVENT_OK = 0xE614, /* event_available */
    ICON_PERSON = 0xE7FD,
    ICON_LOCK = 0xE897,
    ICON_BACKSPACE = 0xE14A,
    ICON_VOLUME = 0xE050,        /* volume_up */
    ICON_VOLUME_DOWN = 0xE04D,
    ICON_REPLAY = 0xE042,
    ICON_PAUSE = 0xE034,
    ICON_PLAY = 0xE037,          /* play_arrow */
    ICON_STOP = 0xE047,
    ICON_PRINT = 0xE8AD,
    ICON_INFO = 0xE88E,
    ICON_WARNING = 0xE002,
    ICON_HOSPITAL = 0xE548,
    ICON_CONTRAST = 0xEB37,
    ICON_TEXT_SIZE = 0xEAE2,    /* text_increase */
    ICON_TEXT_SMALLER = 0xEADD, /* text_decrease */
    ICON_TOUCH = 0xE913,        /* touch_app */
    ICON_CATEGORY = 0xE574,
    ICON_ADMIN = 0xE869,         /* build */
    ICON_SEARCH = 0xE8B6,
    ICON_SYNC = 0xE627,
};

/* The code point of a Material icon name; ICON_CATEGORY if unknown or
 * NULL. */
uint32_t icon_by_name(const char *name);

#endif
