/*
 * pin.c - staff PIN check and lockout (pin.h), on libsodium's argon2id.
 */
#include "pin.h"

#include "err.h"

#include <sodium.h>
#include <string.h>

bool pin_locked(const struct pin_lock *lock, int64_t mono_ms)
{
    return lock->locked_until > mono_ms;
}

enum pin_result pin_check(struct pin_lock *lock, const char *hash,
                          const char *pin, int64_t mono_ms)
{
    if (pin_locked(lock, mono_ms))
        return PIN_LOCKED;
    if (lock->locked_until)
        *lock = (struct pin_lock){0}; /* the lock ran out: a fresh start */
    bool ok = false;
    char buf[crypto_pwhash_STRBYTES] = {0};
    if (hash && pin && strlen(hash) < sizeof(buf) && sodium_init() >= 0) {
        memcpy(buf, hash, strlen(hash));
        ok = crypto_pwhash_str_verify(buf, pin, strlen(pin)) == 0;
    }
    if (ok) {
        lock->fails = 0;
        return PIN_OK;
    }
    if (++lock->fails >= PIN_MAX_TRIES) {
        lock->locked_until = mono_ms + PIN_LOCK_MS;
        return PIN_LOCKED;
    }
    return PIN_WRONG;
}

int pin_hash(const char *pin, char out[128])
{
    if (!pin || strlen(pin) < PIN_MIN_DIGITS || sodium_init() < 0)
        return ERR_ARG;
    char buf[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(buf, pin, strlen(pin), 3, 8u << 20,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return ERR_NOMEM;
    memcpy(out, buf, 128);
    return 0;
}
