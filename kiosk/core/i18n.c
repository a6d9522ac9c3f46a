/*
 * i18n.c - the zh-CN and en message catalogs (see i18n.h).
 *
 * jansson is used only while loading. Each catalog is then kept as one
 * string pool (every key and value, NUL-terminated) and one array of
 * (key, value) pointers into it, sorted by key in byte order, so a lookup
 * is a binary search that allocates nothing and i18n_missing() is a merge
 * of two sorted arrays.
 */
#include "i18n.h"

#include "buf.h"
#include "err.h"
#include "xalloc.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CATALOG_MAX_BYTES (1024 * 1024) /* a catalog file larger is refused */

struct entry {
    const char *key;
    const char *val;
};

struct catalog {
    struct entry *entries; /* sorted by strcmp() of key */
    size_t count;
    char *pool; /* owns the bytes every entry points into */
};

struct i18n {
    struct catalog cat[LANG_COUNT];
};

static const char *const lang_codes[LANG_COUNT] = {
    [LANG_ZH] = "zh-CN",
    [LANG_EN] = "en",
};

const char *lang_code(enum lang lang)
{
    if ((unsigned)lang >= LANG_COUNT)
        return lang_codes[LANG_ZH];
    return lang_codes[lang];
}

bool lang_parse(const char *code, enum lang *out)
{
    if (!code)
        return false;
    if (!strcasecmp(code, "zh-CN") || !strcasecmp(code, "zh")) {
        *out = LANG_ZH;
        return true;
    }
    if (!strcasecmp(code, "en")) {
        *out = LANG_EN;
        return true;
    }
    return false;
}

static void set_err(char *errbuf, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *errbuf, size_t errlen, const char *fmt, ...)
{
    if (!errbuf || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errbuf, errlen, fmt, ap);
    va_end(ap);
}

/* Reads path whole into b (capped at CATALOG_MAX_BYTES). */
static int read_file(const char *path, struct buf *b, char *errbuf,
                     size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(errbuf, errlen, "%s: cannot open: %s", path, strerror(errno));
        return ERR_IO;
    }
    char chunk[4096];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = buf_append(b, chunk, n);
        if (rc == ERR_TOO_BIG) {
            set_err(errbuf, errlen, "%s: larger than %d bytes", path,
                    CATALOG_MAX_BYTES);
            goto out_close;
        }
        if (rc) {
            set_err(errbuf, errlen, "%s: %s", path, err_str(rc));
            goto out_close;
        }
    }
    if (ferror(f)) {
        set_err(errbuf, errlen, "%s: cannot read: %s", path, strerror(errno));
        rc = ERR_IO;
    }
out_close:
    fclose(f);
    return rc;
}

static int entry_cmp(const void *a, const void *b)
{
    const struct entry *ea = a, *eb = b;
    return strcmp(ea->key, eb->key);
}

/* Copies the flat object root into cat. On failure cat is untouched. */
static int catalog_build(struct catalog *cat, json_t *root, const char *path,
                         char *errbuf, size_t errlen)
{
    const char *key;
    json_t *val;
    size_t pool_len = 0;

    json_object_foreach(root, key, val) {
        if (!json_is_string(val)) {
            set_err(errbuf, errlen, "%s: %s: expected a string", path, key);
            return ERR_PARSE;
        }
        if (!*key) {
            set_err(errbuf, errlen, "%s: empty key", path);
            return ERR_PARSE;
        }
        /* Both bounded by the 1 MiB file, so no overflow here. */
        pool_len += strlen(key) + 1 + json_string_length(val) + 1;
    }

    size_t count = json_object_size(root);
    struct entry *entries = malloc((count ? count : 1) * sizeof(*entries));
    char *pool = malloc(pool_len ? pool_len : 1);
    if (!entries || !pool) {
        free(entries);
        free(pool);
        set_err(errbuf, errlen, "%s: %s", path, err_str(ERR_NOMEM));
        return ERR_NOMEM;
    }

    char *p = pool;
    size_t i = 0;
    json_object_foreach(root, key, val) {
        size_t klen = strlen(key) + 1;
        size_t vlen = json_string_length(val);
        entries[i].key = memcpy(p, key, klen);
        p += klen;
        entries[i].val = memcpy(p, json_string_value(val), vlen);
        p[vlen] = '\0';
        p += vlen + 1;
        i++;
    }
    qsort(entries, count, sizeof(*entries), entry_cmp);

    cat->entries = entries;
    cat->count = count;
    cat->pool = pool;
    return 0;
}

static void catalog_release(struct catalog *cat)
{
    free(cat->entries);
    free(cat->pool);
    cat->entries = NULL;
    cat->pool = NULL;
    cat->count = 0;
}

static int catalog_load(struct catalog *cat, const char *dir, enum lang lang,
                        char *errbuf, size_t errlen)
{
    char *path = xmalloc(strlen(dir) + strlen(lang_code(lang)) + 7);
    sprintf(path, "%s/%s.json", dir, lang_code(lang));

    struct buf b;
    buf_init(&b, CATALOG_MAX_BYTES);
    int rc = read_file(path, &b, errbuf, errlen);
    if (rc)
        goto out_buf;

    /* Duplicate keys would make one of the two strings silently win;
     * JSON_DECODE_ANY lets a bare string or number reach the object check
     * below, which words the error the same for every non-object. */
    json_error_t jerr;
    json_t *root = json_loadb(b.data ? b.data : "", b.len,
                              JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
    if (!root) {
        set_err(errbuf, errlen, "%s: line %d column %d: %s", path, jerr.line,
                jerr.column, jerr.text);
        rc = ERR_PARSE;
        goto out_buf;
    }
    if (!json_is_object(root)) {
        set_err(errbuf, errlen, "%s: expected a JSON object", path);
        rc = ERR_PARSE;
        goto out_json;
    }
    rc = catalog_build(cat, root, path, errbuf, errlen);

out_json:
    json_decref(root);
out_buf:
    buf_release(&b);
    free(path);
    return rc;
}

int i18n_load(const char *dir, struct i18n **out, char *errbuf,
              size_t errlen)
{
    if (!dir || !out) {
        set_err(errbuf, errlen, "i18n_load: %s", err_str(ERR_ARG));
        return ERR_ARG;
    }
    struct i18n *i18n = xcalloc(1, sizeof(*i18n));
    for (int l = 0; l < LANG_COUNT; l++) {
        int rc = catalog_load(&i18n->cat[l], dir, (enum lang)l, errbuf,
                              errlen);
        if (rc) {
            i18n_free(i18n);
            return rc;
        }
    }
    *out = i18n;
    return 0;
}

void i18n_free(struct i18n *i18n)
{
    if (!i18n)
        return;
    for (int l = 0; l < LANG_COUNT; l++)
        catalog_release(&i18n->cat[l]);
    free(i18n);
}

static const char *catalog_find(const struct catalog *cat, const char *key)
{
    size_t lo = 0, hi = cat->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, cat->entries[mid].key);
        if (c == 0)
            return cat->entries[mid].val;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const char *i18n_get(const struct i18n *i18n, enum lang lang,
                     const char *key)
{
    if (!key)
        return "";
    if (!i18n)
        return key;
    const char *s = NULL;
    if ((unsigned)lang < LANG_COUNT)
        s = catalog_find(&i18n->cat[lang], key);
    if (!s && lang != LANG_ZH)
        s = catalog_find(&i18n->cat[LANG_ZH], key);
    return s ? s : key;
}

/* Output state of i18n_format(): out has room for max bytes plus a NUL. */
struct fmt_out {
    char *out;
    size_t len;
    size_t max;
    bool cut;
};

static void fmt_put(struct fmt_out *o, const char *s, size_t n)
{
    if (o->cut)
        return;
    size_t room = o->max - o->len;
    if (n > room) {
        n = room;
        o->cut = true;
    }
    memcpy(o->out + o->len, s, n);
    o->len += n;
}

/* Bytes in the UTF-8 sequence that starts with lead byte c (1 for a stray
 * continuation byte, so a cut never loops). */
static size_t utf8_seq_len(unsigned char c)
{
    if (c >= 0xf0)
        return 4;
    if (c >= 0xe0)
        return 3;
    if (c >= 0xc0)
        return 2;
    return 1;
}

/* After a cut, drops a trailing sequence that lost some of its bytes. */
static void fmt_trim_utf8(struct fmt_out *o)
{
    size_t i = o->len;
    /* Walk back over at most three continuation bytes to the lead. */
    while (i > 0 && o->len - i < 3 &&
           ((unsigned char)o->out[i - 1] & 0xc0) == 0x80)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)o->out[i - 1];
    if ((lead & 0xc0) == 0x80)
        return; /* not UTF-8 anyway: leave it */
    if (utf8_seq_len(lead) > o->len - (i - 1))
        o->len = i - 1;
}

static const char *pair_find(const char *const *pairs, const char *name,
                             size_t n)
{
    for (; pairs && pairs[0]; pairs += 2) {
        if (strlen(pairs[0]) == n && !memcmp(pairs[0], name, n))
            return pairs[1] ? pairs[1] : "";
    }
    return NULL;
}

size_t i18n_format(const struct i18n *i18n, enum lang lang, const char *key,
                   char *out, size_t outlen, const char *const *pairs)
{
    if (!out || !outlen)
        return 0;
    struct fmt_out o = {.out = out, .len = 0, .max = outlen - 1};
    const char *s = i18n_get(i18n, lang, key);

    while (*s && !o.cut) {
        const char *open = strchr(s, '{');
        if (!open) {
            fmt_put(&o, s, strlen(s));
            break;
        }
        fmt_put(&o, s, (size_t)(open - s));
        const char *name = open + 1;
        size_t n = strcspn(name, "{}");
        const char *val = name[n] == '}' ? pair_find(pairs, name, n) : NULL;
        if (val) {
            fmt_put(&o, val, strlen(val));
            s = name + n + 1;
        } else {
            /* Not a placeholder we were given: keep the brace as text. */
            fmt_put(&o, open, 1);
            s = name;
        }
    }
    if (o.cut)
        fmt_trim_utf8(&o);
    out[o.len] = '\0';
    return o.len;
}

size_t i18n_missing(const struct i18n *i18n,
                    void (*fn)(void *ctx, enum lang lacking, const char *key),
                    void *ctx)
{
    const struct catalog *zh = &i18n->cat[LANG_ZH];
    const struct catalog *en = &i18n->cat[LANG_EN];
    size_t i = 0, j = 0, missing = 0;

    while (i < zh->count || j < en->count) {
        int c;
        if (i == zh->count)
            c = 1;
        else if (j == en->count)
            c = -1;
        else
            c = strcmp(zh->entries[i].key, en->entries[j].key);
        if (c == 0) {
            i++;
            j++;
            continue;
        }
        if (c < 0) {
            if (fn)
                fn(ctx, LANG_EN, zh->entries[i].key);
            i++;
        } else {
            if (fn)
                fn(ctx, LANG_ZH, en->entries[j].key);
            j++;
        }
        missing++;
    }
    return missing;
}
