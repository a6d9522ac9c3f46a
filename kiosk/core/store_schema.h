/*
 * store_schema.h - the cache's schema as a list of migrations (private to
 * the store and its tests; docs/cache.md explains each table).
 *
 * store_migrations[i] takes a file from user_version i to i + 1. A release
 * only ever appends to this list: an existing step is never edited, so any
 * older cache can be brought forward in order, each step in one
 * transaction.
 */
#ifndef LINLI_STORE_SCHEMA_H
#define LINLI_STORE_SCHEMA_H

extern const char *const store_migrations[];
extern const int store_n_migrations;

#endif
