/*
 * store.h - the kiosk's offline cache and its local actions (SQLite).
 *
 * One SQLite file in WAL mode with synchronous=FULL (docs/cache.md). It
 * holds the current bundle, applied whole in one transaction, and the
 * residents' actions (bookings, ratings, poll answers), each written in the
 * same transaction as its outbox event (outbox.h). The screens read through
 * the paged queries below: they fill caller-owned rows and allocate nothing,
 * so a screen asks for the page it shows and keeps no copy of the model.
 *
 * A store handle is used from one thread.
 */
#ifndef LINLI_STORE_H
#define LINLI_STORE_H

#include "bundle.h"

#include <stdbool.h>
#include <stdint.h>

struct store;

/* Opens (creating if needed) the cache at path and migrates its schema to
 * the current version. Returns 0 and *out, or ERR_DB (cannot open, not a
 * database, disk full: message in errbuf), ERR_SCHEMA (written by a newer
 * Linli; the file is left untouched). */
int store_open(const char *path, struct store **out, char *errbuf,
               size_t errlen);
void store_close(struct store *st);

/* The schema version this build writes, and the one the file has. */
int store_schema_version(void);

/* The last SQLite error message of this handle, for logs. */
const char *store_errmsg(const struct store *st);

/*
 * Replaces the cached bundle with b in one transaction; on any error the
 * previous content is untouched. Local actions are kept; bookings already
 * acknowledged by the hub are from now on counted in the bundle's "booked".
 * applied_ms is recorded as the data's age. Returns 0 or ERR_DB.
 */
int store_apply_bundle(struct store *st, const struct bundle *b,
                       int64_t applied_ms);

/* The same for a bundle from the hub, recording its ETag in the same
 * transaction (store_apply_bundle() records none: a file's bundle is never
 * taken for the hub's). */
int store_apply_synced(struct store *st, const struct bundle *b,
                       int64_t applied_ms, const char *etag);

/* What sync keeps across restarts (docs/sync.md). */
#define SYNC_ETAG_MAX  128
#define SYNC_ERROR_MAX 256
struct sync_meta {
    char etag[SYNC_ETAG_MAX + 1];    /* of the applied bundle, "" if none */
    int64_t last_sync_ms;            /* last successful round, 0: never */
    char last_error[SYNC_ERROR_MAX]; /* "" after a good round */
    int64_t last_error_ms;
    int64_t clock_offset_ms; /* hub time - system time, if used */
    bool clock_adjusted;     /* the offset is in use */
};
/* Reads the sync meta; fields never written read as zero / "". */
int store_sync_get(struct store *st, struct sync_meta *out);
/* Writes everything but the ETag (written with the bundle it belongs
 * to) in one transaction. */
int store_sync_put(struct store *st, const struct sync_meta *m);

/* True if no bundle was ever applied. */
bool store_is_empty(struct store *st);

/* The cached bundle as a bundle document that bundle_parse() accepts and
 * that re-imports to the same cache (docs/cache.md). Heap string, caller
 * frees; NULL on ERR_NOT_FOUND (empty) or ERR_DB, with *rc set. */
char *store_export(struct store *st, size_t *len_out, int *rc);

/* A new in-memory store holding a copy of st's bundle (not its local
 * actions), with the same data age: screenshots, replays and benchmarks
 * run on it so they can book and rate without touching the real cache.
 * Returns 0 and *out, or ERR_DB / ERR_NOMEM. */
int store_open_copy(struct store *st, struct store **out);

/* Loads the cached bundle back as a model (export + parse). */
int store_load_bundle(struct store *st, struct bundle **out);
/* The same with only its config (and version): the lists are empty. Cheap
 * whatever the directory's size, for the ui thread. */
int store_load_config(struct store *st, struct bundle **out);

struct store_info {
    char bundle_version[VERSION_MAX_BYTES + 1]; /* "" if empty */
    int64_t generated_at;                       /* Unix s, 0 if empty */
    int64_t applied_ms;                         /* 0 if empty */
    char kiosk_id[ID_MAX + 1];
    int n_categories, n_services, n_activities, n_slots, n_notices, n_polls;
    int n_bookings, n_ratings, n_poll_answers;
    int n_ratings_good; /* 好差评 levels 3-5: satisfied (protocol.md) */
    int outbox_depth;
};
int store_info(struct store *st, struct store_info *out);

/* ---- queries the screens use ------------------------------------------ */

struct category_row {
    char id[ID_MAX + 1];
    char name[LANG_COUNT][NAME_MAX_BYTES + 1]; /* en falls back to zh */
    char icon[ICON_MAX_BYTES + 1];
    int n_services;                            /* within 15 walking minutes */
};

/* All categories in bundle order. Writes up to max rows; *n gets how many
 * were written. */
int store_categories(struct store *st, struct category_row *rows, int max,
                     int *n);

struct service_row {
    char id[ID_MAX + 1];
    char category[ID_MAX + 1];
    char name[LANG_COUNT][NAME_MAX_BYTES + 1];
    char address[LANG_COUNT][ADDRESS_MAX_BYTES + 1];
    char phone[PHONE_MAX_BYTES + 1];           /* "" if none */
    double lat, lon, walk_min;
    unsigned tags;
    bool open_now;
    struct hours hours;
};

struct service_query {
    const char *category; /* NULL: every category */
    int within_min;       /* 5, 10, 15: walking minutes at most; 0: any */
    bool open_only;       /* only services open at now_s */
    int offset;           /* first row of the page */
};

/* Services matching q, nearest first (ties in bundle order), open state
 * evaluated at now_s. Writes up to max rows from q->offset; *n gets the
 * rows written and *total (may be NULL) the number of matches. */
int store_services(struct store *st, const struct service_query *q,
                   int64_t now_s, struct service_row *rows, int max, int *n,
                   int *total);

struct service_detail {
    struct service_row row;
    char description[LANG_COUNT][DESCRIPTION_MAX_BYTES + 1];
    char url[URL_MAX_BYTES + 1];
};
/* One service by id; ERR_NOT_FOUND if there is none. */
int store_service(struct store *st, const char *id, int64_t now_s,
                  struct service_detail *out);

struct activity_row {
    char id[ID_MAX + 1];
    char name[LANG_COUNT][NAME_MAX_BYTES + 1];
    char org[LANG_COUNT][NAME_MAX_BYTES + 1];
    char place[LANG_COUNT][NAME_MAX_BYTES + 1];
    int open_slots;     /* future slots with a seat left */
    int seats_left;     /* summed over future slots */
    int64_t next_start; /* first future slot with a seat, 0 if none */
};

/* Activities in bundle order, with their future slots' seats counted at
 * now_s. Paged like store_services(). */
int store_activities(struct store *st, int64_t now_s, int offset,
                     struct activity_row *rows, int max, int *n, int *total);

struct slot_row {
    char id[ID_MAX + 1];
    char activity[ID_MAX + 1];
    int64_t start, end;
    int capacity;
    int remaining;   /* capacity - booked - this kiosk's unsynced bookings */
    int quota_left;  /* seats this kiosk may still confirm offline */
    int64_t quota_until; /* ... before this (Unix s); 0: no lease */
};

/* Slots of an activity that start after now_s, earliest first. Paged. */
int store_slots(struct store *st, const char *activity_id, int64_t now_s,
                int offset, struct slot_row *rows, int max, int *n,
                int *total);
/* One slot by id (whether or not it is in the future). */
int store_slot(struct store *st, const char *slot_id, struct slot_row *out);

struct notice_row {
    char id[ID_MAX + 1];
    char title[LANG_COUNT][NAME_MAX_BYTES + 1];
    int64_t start, end;
    bool important;
};

/* Notices active at now_s (start <= now < end), important first, then the
 * newest. Paged. */
int store_notices(struct store *st, int64_t now_s, int offset,
                  struct notice_row *rows, int max, int *n, int *total);
/* One notice by id, active or not; ERR_NOT_FOUND. */
int store_notice(struct store *st, const char *id, struct notice_row *out);
/* A notice's body (en falls back to zh) into out; ERR_NOT_FOUND. */
int store_notice_body(struct store *st, const char *id, enum lang lang,
                      char *out, size_t outlen);

struct poll_row {
    char id[ID_MAX + 1];
    char title[LANG_COUNT][NAME_MAX_BYTES + 1]; /* en falls back to zh */
    int64_t start, end;
    int n_questions;
};

/* Polls active at now_s (start <= now < end), in bundle order. Paged like
 * store_notices(). */
int store_polls(struct store *st, int64_t now_s, int offset,
                struct poll_row *rows, int max, int *n, int *total);

struct poll_option_row {
    char id[ID_MAX + 1];
    char text[LANG_COUNT][QUESTION_MAX_BYTES + 1]; /* en falls back to zh */
};

struct poll_question_row {
    char id[ID_MAX + 1];
    char text[LANG_COUNT][QUESTION_MAX_BYTES + 1]; /* en falls back to zh */
    struct poll_option_row options[MAX_OPTIONS];
    int n_options;
};

/* Question index (0-based, in the poll's order) of a poll, with its
 * options in order, whether or not the poll is active. ERR_NOT_FOUND if
 * there is no such poll or question. */
int store_poll_question(struct store *st, const char *poll_id, int index,
                        struct poll_question_row *out);

/* ---- local actions, each written with its outbox event ----------------- */

enum booking_status { BOOKING_CONFIRMED, BOOKING_PENDING };

struct booking {
    char uuid[37];
    char code[8];          /* confirmation code, 6 characters */
    char slot[ID_MAX + 1];
    char phone_masked[16]; /* "138****5678" */
    enum booking_status status;
    int64_t created_ms;
    char hub_status[12]; /* the hub's decision: "confirmed", "rejected"
                          * or "" while it has not decided */
};

/*
 * Books a seat of slot_id for a mainland mobile number (11 digits, 1[3-9]),
 * writing the booking and its outbox event in one transaction. Confirmed
 * while this kiosk's offline quota for the slot lasts, else pending (the
 * hub decides). Returns 0 and *out, ERR_ARG (bad phone), ERR_NOT_FOUND (no
 * such slot), ERR_INVALID (slot already started at now), ERR_FULL (no seat
 * left), ERR_EXISTS (this phone already booked this slot here), ERR_DB.
 */
int store_book(struct store *st, const char *slot_id, const char *phone,
               int64_t now_ms, struct booking *out);

/* A booking by its confirmation code (check-in); ERR_NOT_FOUND. */
int store_booking_by_code(struct store *st, const char *code,
                          struct booking *out);

/* The 好差评 levels, 5 = 非常满意 ... 1 = 非常不满意. */
#define RATING_MIN 1
#define RATING_MAX 5
#define RATING_REASON_MAX 6

/*
 * Records a rating of the center (target_kind "center", target_id the
 * kiosk id) or a service ("service", its id) with its outbox event.
 * Levels 1-2 need at least one reason code (a short id such as
 * "long_wait"); levels 3-5 take none. Returns 0 (uuid_out filled),
 * ERR_ARG, ERR_NOT_FOUND (no such service), ERR_DB.
 */
int store_rate(struct store *st, const char *target_kind,
               const char *target_id, int level, const char *const *reasons,
               int n_reasons, int64_t now_ms, char uuid_out[37]);

/* Records one answer (option id) to each question of a poll, in the
 * poll's question order, with its outbox event. ERR_NOT_FOUND (no such
 * poll, or not active at now), ERR_ARG (wrong count or unknown option). */
int store_answer_poll(struct store *st, const char *poll_id,
                      const char *const *option_ids, int n, int64_t now_ms,
                      char uuid_out[37]);

/* Makes a mainland mobile number's mask ("138****5678"); false if phone
 * is not 11 digits starting 1[3-9]. */
bool phone_mask(const char *phone, char out[16]);

/* Test hook (SQLite-style fault injection): the n-th row written from now
 * on fails with ERR_DB, as a full disk would; 0 turns it off. */
void store_fail_after(struct store *st, int n);

#endif
