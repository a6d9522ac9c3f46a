/*
 * i18n.h - the zh-CN and en message catalogs.
 *
 * Catalogs are flat JSON objects in assets/i18n/<code>.json mapping a
 * dotted key ("home.tile.services") to a UTF-8 string. Lookups fall back
 * to zh-CN (the complete catalog), then to the key itself so a missing
 * string shows up as something a tester can report, never as a crash.
 * Strings may carry printf-free placeholders "{name}" that i18n_format()
 * fills.
 */
#ifndef LINLI_I18N_H
#define LINLI_I18N_H

#include <stdbool.h>
#include <stddef.h>

enum lang { LANG_ZH = 0, LANG_EN = 1, LANG_COUNT };

struct i18n;

/* "zh-CN" / "en". */
const char *lang_code(enum lang lang);
/* Accepts "zh-CN", "zh", "en" (case-insensitive); false otherwise. */
bool lang_parse(const char *code, enum lang *out);

/* Loads dir/zh-CN.json and dir/en.json. Returns 0 and *out, or ERR_IO,
 * ERR_PARSE (not a flat object of strings; message in errbuf), ERR_TOO_BIG
 * (a catalog over 1 MiB), ERR_NOMEM.
 * errbuf (may be NULL) receives a message like
 * "assets/i18n/en.json: home.title: expected a string". */
int i18n_load(const char *dir, struct i18n **out, char *errbuf,
              size_t errlen);
void i18n_free(struct i18n *i18n);

/* The string for key in lang, else in zh-CN, else key itself. The pointer
 * lives as long as the catalog. */
const char *i18n_get(const struct i18n *i18n, enum lang lang,
                     const char *key);

/* Copies the string for key into out (size outlen, always NUL-terminated,
 * cut at a UTF-8 boundary), replacing each "{name}" with the value paired
 * with name in the NULL-terminated list of (name, value) pairs.
 * Returns the length written. */
size_t i18n_format(const struct i18n *i18n, enum lang lang, const char *key,
                   char *out, size_t outlen, const char *const *pairs);

/* Keys present in one catalog and missing in the other: calls fn for each
 * (lang is the catalog that lacks it). Returns the count. Used by the
 * parity test and by `linli-kiosk --check-assets`. */
size_t i18n_missing(const struct i18n *i18n,
                    void (*fn)(void *ctx, enum lang lacking, const char *key),
                    void *ctx);

#endif
