/*
 * search.h - finding services and volunteer activities by name, for the
 * search screen and `linli-kiosk --search` (docs/search.md).
 *
 * A query is either pinyin initials typed on the search screen's A-Z
 * keyboard (wsfwz finds 社区卫生服务站; a polyphonic character matches any
 * of its initials), the initials of English words (hs finds "Health
 * Station"), or a part of a name in Chinese characters or English words.
 * Each name gets the best of five scores below; results come best first,
 * then nearest on foot, then by name.
 */
#ifndef LINLI_SEARCH_H
#define LINLI_SEARCH_H

#include "bundle.h"
#include "pinyin.h"

#include <stdbool.h>
#include <stdint.h>

struct store;

/* The longest query, in bytes. */
#define SEARCH_QUERY_MAX 64

/* How well a name matches, from worst to best. */
enum search_score {
    SEARCH_NONE = 0,
    SEARCH_SUBSTRING = 1,    /* the query is a part of the name */
    SEARCH_INITIALS_RUN = 2, /* initials of a run of the name's
                              * characters (or words) */
    SEARCH_INITIALS = 3,     /* initials of the whole name */
    SEARCH_PREFIX = 4,       /* the name starts with the query */
    SEARCH_EXACT = 5,        /* the query is the whole name */
};

enum search_kind { SEARCH_SERVICE, SEARCH_ACTIVITY };

/* A parsed query. Latin letters compare without case. */
struct search_query {
    char text[SEARCH_QUERY_MAX + 1]; /* trimmed, ASCII lower-cased */
    uint64_t keys[SEARCH_QUERY_MAX]; /* the initials asked for */
    int n_keys;     /* 0 unless the query is only letters and digits
                     * (spaces ignored): then it may be initials */
    unsigned langs; /* names to match: bits (1u << enum lang) */
    unsigned kinds; /* what to find: bits (1u << enum search_kind); all
                     * after parsing */
};

/*
 * Parses text (UTF-8) into *out for the names of langs. Returns 0, or
 * ERR_ARG (empty or only spaces; langs 0), ERR_TOO_BIG (over
 * SEARCH_QUERY_MAX bytes), ERR_PARSE (not UTF-8, or a control
 * character). *out is written only on success.
 */
int search_query_parse(const char *text, unsigned langs,
                       struct search_query *out);

/*
 * The score of one name (UTF-8, at most NAME_MAX_BYTES) for q. The
 * initials of a name with Han characters are those of each character
 * (letters and digits in it count as themselves, anything else is
 * skipped); of a name without, those of its words. Initials match a run
 * of consecutive characters or words.
 */
enum search_score search_name(const struct search_query *q, const char *name);

struct search_hit {
    enum search_kind kind;
    char id[ID_MAX + 1];
    char name[LANG_COUNT][NAME_MAX_BYTES + 1]; /* en falls back to zh */
    enum lang lang;                            /* the name that matched */
    enum search_score score;
    double walk_min; /* from the kiosk; < 0: not known (an
                      * activity without a service) */
};

/*
 * Services and activities of the cache matching q, best first: by score,
 * then nearest (unknown distances last), then by the matched name (code
 * point order), then id. Writes up to max hits from offset; *n gets how
 * many and *total (may be NULL) the number of matches. Returns 0 or
 * ERR_DB.
 */
int search_run(struct store *st, const struct search_query *q, int offset,
               struct search_hit *hits, int max, int *n, int *total);

#endif
