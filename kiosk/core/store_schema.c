/* store_schema.c - the cache schema, one migration per version. */
#include "store_schema.h"

const char *const store_migrations[] = {
    /* 0 -> 1: the bundle's tables, bookings and the outbox. The bundle's
     * objects keep their JSON as received (export gives it back exactly);
     * the columns beside it are what the queries filter and sort on. */
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE config (id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  kiosk_id TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE TABLE categories (ord INTEGER PRIMARY KEY, id TEXT NOT NULL"
    "  UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
    "  icon TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE TABLE services (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    "  category TEXT NOT NULL, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
    "  addr_zh TEXT NOT NULL, addr_en TEXT NOT NULL, phone TEXT,"
    "  lat REAL NOT NULL, lon REAL NOT NULL, walk_min REAL NOT NULL,"
    "  tags INTEGER NOT NULL, hours BLOB NOT NULL, json TEXT NOT NULL);"
    "CREATE INDEX services_by_category ON services (category, walk_min);"
    "CREATE INDEX services_by_walk ON services (walk_min);"
    "CREATE TABLE activities (ord INTEGER PRIMARY KEY, id TEXT NOT NULL"
    "  UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
    "  org_zh TEXT NOT NULL, org_en TEXT NOT NULL, place_zh TEXT NOT NULL,"
    "  place_en TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE TABLE slots (id TEXT PRIMARY KEY, activity TEXT NOT NULL,"
    "  start_s INTEGER NOT NULL, end_s INTEGER NOT NULL,"
    "  capacity INTEGER NOT NULL, booked INTEGER NOT NULL,"
    "  quota INTEGER NOT NULL);"
    "CREATE INDEX slots_by_activity ON slots (activity, start_s);"
    "CREATE TABLE notices (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    "  start_s INTEGER NOT NULL, end_s INTEGER NOT NULL,"
    "  important INTEGER NOT NULL, title_zh TEXT NOT NULL,"
    "  title_en TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE TABLE polls (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    "  start_s INTEGER NOT NULL, end_s INTEGER NOT NULL,"
    "  json TEXT NOT NULL);"
    /* Local actions: never touched by applying a bundle. phone is set to
     * NULL once the hub has the booking; in_bundle marks bookings the
     * hub's "booked" counts already include. */
    "CREATE TABLE bookings (uuid TEXT PRIMARY KEY, slot TEXT NOT NULL,"
    "  code TEXT NOT NULL UNIQUE, phone TEXT, phone_masked TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('confirmed', 'pending')),"
    "  created_ms INTEGER NOT NULL, acked INTEGER NOT NULL DEFAULT 0,"
    "  in_bundle INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX bookings_by_slot ON bookings (slot, in_bundle);"
    "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, body TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL, tries INTEGER NOT NULL DEFAULT 0,"
    "  next_try_ms INTEGER NOT NULL DEFAULT 0, last_error TEXT);"
    "CREATE VIEW slot_seats AS SELECT s.*,"
    "  max(0, s.capacity - s.booked - (SELECT count(*) FROM bookings b"
    "    WHERE b.slot = s.id AND b.in_bundle = 0)) AS remaining,"
    "  max(0, s.quota - (SELECT count(*) FROM bookings b WHERE"
    "    b.slot = s.id AND b.in_bundle = 0 AND b.status = 'confirmed'))"
    "    AS quota_left FROM slots s;",

    /* 1 -> 2: 好差评 ratings and poll answers, kept as local records. */
    "CREATE TABLE ratings (uuid TEXT PRIMARY KEY,"
    "  target_kind TEXT NOT NULL CHECK (target_kind IN ('center','service')),"
    "  target_id TEXT NOT NULL, level INTEGER NOT NULL CHECK (level"
    "  BETWEEN 1 AND 5), reasons TEXT NOT NULL, created_ms INTEGER NOT NULL);"
    "CREATE TABLE poll_answers (uuid TEXT PRIMARY KEY, poll TEXT NOT NULL,"
    "  answers TEXT NOT NULL, created_ms INTEGER NOT NULL);",

    /* 2 -> 3: sync with the hub. A slot's offline-quota lease (NULL: no
     * lease, a bundle from a file); the hub's decision on a booking; the
     * sync state that must survive a restart (ETag, last sync and error,
     * the measured clock offset), as key/value rows. */
    "ALTER TABLE slots ADD COLUMN quota_until INTEGER;"
    "ALTER TABLE bookings ADD COLUMN hub_status TEXT"
    "  CHECK (hub_status IN ('confirmed', 'rejected'));"
    "ALTER TABLE bookings ADD COLUMN hub_reason TEXT;"
    "CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",

    /* 3 -> 4: search (docs/search.md) reads every service's names on each
     * keypress; this covering index lets it scan the names instead of
     * rows that carry their JSON, which halves the time on 10 000. */
    "CREATE INDEX services_by_name ON services (name_zh, name_en, walk_min,"
    "  id);",
};

const int store_n_migrations =
    (int)(sizeof store_migrations / sizeof store_migrations[0]);
