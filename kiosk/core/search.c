/*
 * search.c - names matched against a query, and the cache searched with
 * them (search.h). The matching runs inside SQLite as the function
 * linli_search(query, kind, name_zh, name_en), so the store ranks and
 * pages the results itself: per keypress it reads each name once (from a
 * covering index) and sorts only the matches (docs/search.md).
 */
#include "search.h"

#include "err.h"
#include "store.h"
#include "store_internal.h"
#include "utf8.h"

#include <string.h>

/* The type name SQLite's pointer passing checks. */
#define QUERY_PTR "linli_search_query"

int search_query_parse(const char *text, unsigned langs,
                       struct search_query *out)
{
    if (!(langs & ((1u << LANG_COUNT) - 1)))
        return ERR_ARG;
    if (!utf8_valid(text))
        return ERR_PARSE;
    while (*text == ' ')
        text++;
    size_t len = strlen(text);
    while (len > 0 && text[len - 1] == ' ')
        len--;
    if (len == 0)
        return ERR_ARG;
    if (len > SEARCH_QUERY_MAX)
        return ERR_TOO_BIG;
    struct search_query q = {.langs = langs,
                             .kinds = (1u << SEARCH_SERVICE) |
                                      (1u << SEARCH_ACTIVITY)};
    bool initials = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7F)
            return ERR_PARSE;
        q.text[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : (char)c;
        uint64_t key = pinyin_key(q.text[i]);
        if (key)
            q.keys[q.n_keys++] = key;
        else if (c != ' ')
            initials = false;
    }
    q.text[len] = '\0';
    if (!initials)
        q.n_keys = 0;
    *out = q;
    return 0;
}

static bool is_han(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           cp >= 0x20000;
}

/* The initials of a name, in one pass: per character if it has Han
 * characters, else per word (a run of letters, digits and non-ASCII
 * characters). Returns how many, 0 if none or not UTF-8. */
static int name_initials(const char *name, size_t len, uint64_t *sets, int max)
{
    uint64_t words[PINYIN_MAX_CHARS];
    int n = 0, n_words = 0;
    bool han = false, in_word = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t l = utf8_decode(name + i, len - i, &cp);
        if (!l)
            return 0;
        i += l;
        uint64_t set = pinyin_char(cp);
        han |= is_han(cp);
        if (set && n < max)
            sets[n++] = set;
        bool w = cp >= 0x80 || set;
        if (w && !in_word && set && n_words < PINYIN_MAX_CHARS)
            words[n_words++] = set;
        in_word = w;
    }
    if (han)
        return n;
    n = n_words < max ? n_words : max;
    memcpy(sets, words, (size_t)n * sizeof(*sets));
    return n;
}

/* SEARCH_INITIALS if the keys are the initials of all n sets,
 * SEARCH_INITIALS_RUN if of a run of them, else SEARCH_NONE. */
static enum search_score initials_match(const struct search_query *q,
                                        const uint64_t *sets, int n)
{
    for (int k = 0; k + q->n_keys <= n; k++) {
        int i = 0;
        while (i < q->n_keys && (sets[k + i] & q->keys[i]))
            i++;
        if (i == q->n_keys)
            return n == q->n_keys ? SEARCH_INITIALS : SEARCH_INITIALS_RUN;
    }
    return SEARCH_NONE;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* True if s starts with the lower-case q (qlen bytes), ASCII case
 * ignored. */
static bool starts_with(const char *s, const char *q, size_t qlen)
{
    for (size_t i = 0; i < qlen; i++)
        if (lower(s[i]) != q[i]) /* s's NUL never equals a query byte */
            return false;
    return true;
}

enum search_score search_name(const struct search_query *q, const char *name)
{
    size_t len = strnlen(name, NAME_MAX_BYTES);
    size_t qlen = strlen(q->text);
    if (qlen <= len && starts_with(name, q->text, qlen))
        return qlen == len ? SEARCH_EXACT : SEARCH_PREFIX;
    if (q->n_keys) {
        uint64_t sets[PINYIN_MAX_CHARS];
        int n = name_initials(name, len, sets, PINYIN_MAX_CHARS);
        enum search_score s = initials_match(q, sets, n);
        if (s != SEARCH_NONE)
            return s;
    }
    for (size_t i = 1; i + qlen <= len; i++)
        if (starts_with(name + i, q->text, qlen))
            return SEARCH_SUBSTRING;
    return SEARCH_NONE;
}

/* linli_search(query, kind, name_zh, name_en): the best score of the
 * names of the query's languages, times two, plus the language that gave
 * it (zh on a tie); 0 for no match or a kind not asked for. */
static void sql_search(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const struct search_query *q = sqlite3_value_pointer(argv[0], QUERY_PTR);
    int best = 0;
    if (q && !(q->kinds & (1u << sqlite3_value_int(argv[1]))))
        q = NULL;
    for (int l = 0; q && l < LANG_COUNT; l++) {
        const unsigned char *name = sqlite3_value_text(argv[2 + l]);
        if (!(q->langs & (1u << l)) || !name)
            continue;
        int s = (int)search_name(q, (const char *)name);
        if (s > best >> 1)
            best = s << 1 | l;
    }
    sqlite3_result_int(ctx, best);
}

int search_register(sqlite3 *db)
{
    return sqlite3_create_function(db, "linli_search", 4, SQLITE_UTF8, NULL,
                                   sql_search, NULL, NULL) == SQLITE_OK
               ? 0
               : ERR_DB;
}

/* Every service and activity with its score m (see sql_search) and
 * walking minutes; an activity is as far as the service it takes place
 * at. ?1 is the query. */
#define MATCHES                                                                \
    "(SELECT 0 AS kind, id, name_zh, name_en, walk_min AS walk,"               \
    " linli_search(?1, 0, name_zh, name_en) AS m FROM services"                \
    " UNION ALL SELECT 1, a.id, a.name_zh, a.name_en, s.walk_min,"             \
    " linli_search(?1, 1, a.name_zh, a.name_en) FROM activities a"             \
    " LEFT JOIN services s ON s.id = json_extract(a.json, '$.service'))"       \
    " WHERE m > 0"

static void fill_hit(sqlite3_stmt *s, struct search_hit *h)
{
    int m = sqlite3_column_int(s, 5);
    h->kind = sqlite3_column_int(s, 0) ? SEARCH_ACTIVITY : SEARCH_SERVICE;
    store_col_text(s, 1, h->id, sizeof h->id);
    store_col_text(s, 2, h->name[LANG_ZH], sizeof h->name[LANG_ZH]);
    store_col_text(s, 3, h->name[LANG_EN], sizeof h->name[LANG_EN]);
    h->walk_min = sqlite3_column_type(s, 4) == SQLITE_NULL
                      ? -1
                      : sqlite3_column_double(s, 4);
    h->score = (enum search_score)(m >> 1);
    h->lang = (enum lang)(m & 1);
}

int search_run(struct store *st, const struct search_query *q, int offset,
               struct search_hit *hits, int max, int *n, int *total)
{
    sqlite3_stmt *s = store_prepare(
        st, "SELECT kind, id, name_zh, name_en, walk, m, count(*) OVER ()"
            " FROM " MATCHES " ORDER BY m >> 1 DESC, walk IS NULL, walk,"
            " CASE m & 1 WHEN 1 THEN name_en ELSE name_zh END, id"
            " LIMIT ?2 OFFSET ?3");
    if (!s)
        return ERR_DB;
    sqlite3_bind_pointer(s, 1, (void *)q, QUERY_PTR, NULL);
    sqlite3_bind_int(s, 2, max);
    sqlite3_bind_int(s, 3, offset);
    int step = SQLITE_DONE, all = 0;
    *n = 0;
    while (*n < max && (step = sqlite3_step(s)) == SQLITE_ROW) {
        fill_hit(s, &hits[*n]);
        all = sqlite3_column_int(s, 6);
        (*n)++;
    }
    sqlite3_finalize(s);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return ERR_DB;
    if (total && *n == 0) {
        /* a page past the end (or none asked for): count on their own */
        s = store_prepare(st, "SELECT count(*) FROM " MATCHES);
        if (!s)
            return ERR_DB;
        sqlite3_bind_pointer(s, 1, (void *)q, QUERY_PTR, NULL);
        step = sqlite3_step(s);
        all = step == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
        sqlite3_finalize(s);
        if (step != SQLITE_ROW)
            return ERR_DB;
    }
    if (total)
        *total = all;
    return 0;
}
