/*
 * err.h - the one error enum of Linli.
 *
 * Actions return 0 (ERR_OK) or one of these negative codes; predicates
 * return bool. err_str() gives a short lower-case phrase for messages,
 * which callers build at the edge ("cannot import %s: %s").
 */
#ifndef LINLI_ERR_H
#define LINLI_ERR_H

enum err {
    ERR_OK = 0,
    ERR_NOMEM = -1,     /* an allocation sized by input failed */
    ERR_TOO_BIG = -2,   /* a size cap was reached */
    ERR_IO = -3,        /* a file or device could not be read or written */
    ERR_PARSE = -4,     /* input is not well-formed (JSON, UTF-8, time) */
    ERR_INVALID = -5,   /* well-formed input breaks a rule */
    ERR_NOT_FOUND = -6, /* no such id, file or row */
    ERR_DB = -7,        /* the store failed (SQLite error) */
    ERR_SCHEMA = -8,    /* the cache was written by a newer schema */
    ERR_FULL = -9,      /* no seats (or no room) left */
    ERR_EXISTS = -10,   /* already done: a second rating, a duplicate id */
    ERR_NET = -11,      /* the network failed (later: sync) */
    ERR_ARG = -12,      /* the caller passed a bad argument */
};

/* A static phrase for code; "unknown error" for a value not in the enum. */
const char *err_str(int code);

#endif
