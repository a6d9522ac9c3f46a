/*
 * pin.h - the staff PIN: a slow hash check with a lockout.
 *
 * The bundle carries only an argon2id hash of the PIN (libsodium's string
 * format, docs/bundle.md), so a stolen cache does not give the PIN away
 * cheaply. Five wrong tries in a row lock entry for five minutes (time on
 * the monotonic clock, so changing the wall clock does not unlock it); a
 * right PIN clears the count.
 */
#ifndef LINLI_PIN_H
#define LINLI_PIN_H

#include <stdbool.h>
#include <stdint.h>

#define PIN_MAX_TRIES 5
#define PIN_LOCK_MS (5 * 60 * 1000)
#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 8

struct pin_lock {
    int fails;            /* wrong tries since the last right one */
    int64_t locked_until; /* monotonic ms; 0 when not locked */
};

enum pin_result {
    PIN_OK,
    PIN_WRONG,  /* wrong; fails counted */
    PIN_LOCKED, /* not checked: locked (now, or by this wrong try) */
};

/* Checks pin against hash at mono_ms. An empty or malformed hash never
 * matches. The check takes ~50-100 ms (argon2id). */
enum pin_result pin_check(struct pin_lock *lock, const char *hash,
                          const char *pin, int64_t mono_ms);

/* True while entry is locked at mono_ms. */
bool pin_locked(const struct pin_lock *lock, int64_t mono_ms);

/* A new hash of pin for the bundle (argon2id, 8 MiB, 3 passes: slow
 * enough against guessing and small enough for a 1 GiB board). Returns 0
 * or ERR_NOMEM/ERR_ARG. out must hold 128 bytes. */
int pin_hash(const char *pin, char out[128]);

#endif
