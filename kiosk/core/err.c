/* err.c - phrases for enum err (see err.h). */
#include "err.h"

const char *err_str(int code)
{
    switch (code) {
    case ERR_OK: return "success";
    case ERR_NOMEM: return "out of memory";
    case ERR_TOO_BIG: return "too large";
    case ERR_IO: return "input/output error";
    case ERR_PARSE: return "malformed input";
    case ERR_INVALID: return "invalid data";
    case ERR_NOT_FOUND: return "not found";
    case ERR_DB: return "store error";
    case ERR_SCHEMA: return "cache written by a newer version";
    case ERR_FULL: return "no places left";
    case ERR_EXISTS: return "already exists";
    case ERR_NET: return "network error";
    case ERR_ARG: return "bad argument";
    }
    return "unknown error";
}
