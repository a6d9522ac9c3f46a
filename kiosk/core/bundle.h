/*
 * bundle.h - the kiosk's data as one validated, read-only model.
 *
 * A bundle (docs/bundle.md) is the JSON document the hub serves, staff
 * import from a USB stick, and the demo template becomes. bundle_parse()
 * checks the whole of it - types, ranges, references, UTF-8, caps - before
 * any of it is used, and reports the first problem with its JSON path:
 *
 *     services[12].hours[0].open: expected "HH:MM"
 *
 * A parsed bundle owns all its memory; strings point into it and live until
 * bundle_free(). Nothing in it changes after parsing; the store copies what
 * it keeps.
 */
#ifndef LINLI_BUNDLE_H
#define LINLI_BUNDLE_H

#include "geo.h"
#include "hours.h"
#include "i18n.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BUNDLE_FORMAT 1
#define BUNDLE_MAX_BYTES (32u << 20)

/* Byte caps per language (docs/bundle.md). */
#define ID_MAX 64
#define NAME_MAX_BYTES 120
#define ADDRESS_MAX_BYTES 200
#define DESCRIPTION_MAX_BYTES 2000
#define BODY_MAX_BYTES 4000
#define PHONE_MAX_BYTES 32
#define URL_MAX_BYTES 512
#define ICON_MAX_BYTES 40
#define QUESTION_MAX_BYTES 200
#define PIN_HASH_MAX_BYTES 128
#define VERSION_MAX_BYTES 64

#define MAX_CATEGORIES 64
#define MAX_SERVICES 20000
#define MAX_ACTIVITIES 500
#define MAX_SLOTS_PER_ACTIVITY 200
#define MAX_NOTICES 200
#define MAX_POLLS 20
#define MAX_QUESTIONS 20
#define MAX_OPTIONS 6
#define MAX_TAGS 8

/* Localised text; en may be NULL (show zh instead). */
struct text {
    const char *zh;
    const char *en;
};

static inline const char *text_get(const struct text *t, enum lang lang)
{
    return lang == LANG_EN && t->en ? t->en : t->zh;
}

enum module {
    MODULE_SERVICES = 1u << 0,
    MODULE_VOLUNTEER = 1u << 1,
    MODULE_RATING = 1u << 2,
    MODULE_NOTICES = 1u << 3,
    MODULE_POLLS = 1u << 4,
};

/* Accessibility facts of a service (docs/bundle.md, services[].tags). */
enum tag {
    TAG_WHEELCHAIR = 1u << 0,
    TAG_ACCESSIBLE_TOILET = 1u << 1,
    TAG_ELEVATOR = 1u << 2,
    TAG_HEARING_LOOP = 1u << 3,
    TAG_BRAILLE = 1u << 4,
    TAG_REST_AREA = 1u << 5,
    TAG_ACCESSIBLE_PARKING = 1u << 6,
    TAG_COUNT_ = 7
};

/* The JSON name of tag bit i (0..TAG_COUNT_-1), e.g. "wheelchair". */
const char *tag_name(int bit_index);
/* The JSON name of module bit i (0..4), e.g. "volunteer". */
const char *module_name(int bit_index);

struct config {
    const char *kiosk_id;
    struct text center_name;
    struct text center_address;
    const char *center_phone;      /* may be NULL */
    double lat, lon;
    bool portrait;
    double pixel_pitch_mm;
    unsigned languages;            /* bit (1u << enum lang) */
    enum lang default_language;
    bool default_elder;
    int idle_standard_s, idle_elder_s, idle_warning_s;
    unsigned modules;              /* enum module bits */
    const char *staff_pin_hash;
    int sync_interval_s;
    int screen_on, screen_off;     /* minutes after midnight */
    int brightness, dim_brightness, dim_after_s;
    struct walk_model walking;
};

struct category {
    const char *id;
    struct text name;
    const char *icon;
};

struct service {
    const char *id;
    int category;                  /* index into bundle.categories */
    struct text name, address, description; /* description.zh may be NULL */
    double lat, lon;
    const char *phone, *url;       /* may be NULL */
    unsigned tags;                 /* enum tag bits */
    struct hours hours;
    double walk_min;               /* from the kiosk, by config.walking */
};

struct slot {
    const char *id;
    int64_t start, end;            /* Unix seconds */
    int capacity, booked, quota;
    int64_t quota_until; /* offline confirmations only before
                          * it (Unix s); 0: no lease (a file) */
};

struct activity {
    const char *id;
    struct text name, org, place, description;
    int service;                   /* index into bundle.services, or -1 */
    struct slot *slots;
    int n_slots;
};

struct notice {
    const char *id;
    struct text title, body;
    int64_t start, end;
    bool important;
};

struct poll_option {
    const char *id;
    struct text text;
};

struct poll_question {
    const char *id;
    struct text text;
    struct poll_option *options;
    int n_options;
};

struct poll {
    const char *id;
    struct text title;
    int64_t start, end;
    struct poll_question *questions;
    int n_questions;
};

struct bundle {
    const char *version;
    int64_t generated_at;
    struct config config;
    struct category *categories;
    struct service *services;
    struct activity *activities;
    struct notice *notices;
    struct poll *polls;
    int n_categories, n_services, n_activities, n_notices, n_polls;
    void *priv;                    /* the JSON tree the strings live in */
};

/*
 * Parses and validates a bundle of len bytes (need not be NUL-terminated).
 * Returns 0 and a new bundle in *out, or ERR_TOO_BIG (over
 * BUNDLE_MAX_BYTES), ERR_PARSE (not JSON, bad UTF-8) or ERR_INVALID (a rule
 * broken); then errbuf (if not NULL) holds "path: reason". ERR_NOMEM when
 * memory runs out. *out is written only on success.
 */
int bundle_parse(const char *json, size_t len, struct bundle **out,
                 char *errbuf, size_t errlen);
void bundle_free(struct bundle *b);

/* The compact JSON text of one object of the bundle as it was parsed, for
 * the store to keep and export unchanged: kind is "config", "categories",
 * "services", "activities", "notices" or "polls" (index ignored for
 * "config"). Returns a heap string the caller frees, or NULL if there is no
 * such object. */
char *bundle_object_json(const struct bundle *b, const char *kind, int index);

/* Index of the item with this id, or -1. Linear; for tests and tools. */
int bundle_find_service(const struct bundle *b, const char *id);

#endif
