/*
 * main.c - linli-hub's command line: serve, the demo, token admin.
 *
 *   linli-hub --db FILE --listen ADDR:PORT [--threads N]
 *   linli-hub --demo [--listen ADDR:PORT] [--db FILE] [--assets DIR]
 *   linli-hub token add (--kiosk ID | --staff NAME) --db FILE
 *   linli-hub token list --db FILE
 *   linli-hub token revoke ID --db FILE
 *
 * Serving runs until SIGINT or SIGTERM, then stops cleanly (requests in
 * flight finish, connections close).
 */
#include "db.h"
#include "err.h"
#include "hub.h"
#include "seed.h"
#include "tokens.h"

#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef LINLI_DEFAULT_ASSETS
#define LINLI_DEFAULT_ASSETS "assets"
#endif

static const char usage[] =
    "usage: linli-hub --db FILE --listen ADDR:PORT [--threads N]\n"
    "       linli-hub --demo [--listen ADDR:PORT] [--db FILE] [--assets DIR]\n"
    "       linli-hub token add (--kiosk ID | --staff NAME) --db FILE\n"
    "       linli-hub token list --db FILE\n"
    "       linli-hub token revoke ID --db FILE\n"
    "       linli-hub --help | --version\n"
    "\n"
    "Serves the hub of docs/protocol.md: kiosk bundles, events and\n"
    "heartbeats, the staff admin API and the /admin page. --listen port 0\n"
    "picks a free port. --demo loads the demo community into an empty\n"
    "database (default: a new one under /tmp), makes a kiosk and a staff\n"
    "token, and prints {\"url\", \"kiosk_id\", \"kiosk_token\",\n"
    "\"staff_token\"} as the first line of output.\n";

struct args {
    const char *db, *listen, *assets, *kiosk, *staff;
    int threads;
    bool demo;
};

static int fail(const char *fmt, const char *a)
{
    fprintf(stderr, "linli-hub: ");
    fprintf(stderr, fmt, a);
    fputc('\n', stderr);
    return 1;
}

static int64_t now_s(void)
{
    return (int64_t)time(NULL);
}

static int token_cmd(int argc, char **argv, const struct args *a)
{
    if (!a->db)
        return fail("token: %s", "--db FILE is required");
    sqlite3 *db;
    char err[256];
    if (db_open(a->db, &db, err, sizeof err))
        return fail("%s", err);
    int status = 0;
    const char *verb = argc > 0 ? argv[0] : "";
    if (strcmp(verb, "add") == 0) {
        char token[TOKEN_HEX + 1];
        if (!a->kiosk == !a->staff) {
            status = fail("token add: %s", "give --kiosk ID or --staff NAME");
        } else {
            int rc = tokens_add(db, a->kiosk ? TOKEN_KIOSK : TOKEN_STAFF,
                                a->kiosk ? a->kiosk : a->staff, now_s(), token);
            if (rc)
                status = fail("token add: %s", rc == ERR_ARG
                                                   ? "bad id or name (1-64 of"
                                                     " A-Z a-z 0-9 . _ -)"
                                                   : err_str(rc));
            else
                printf("%s\n", token);
        }
    } else if (strcmp(verb, "list") == 0) {
        if (tokens_list(db, stdout))
            status = fail("token list: %s", sqlite3_errmsg(db));
    } else if (strcmp(verb, "revoke") == 0 && argc > 1) {
        char *end;
        long long id = strtoll(argv[1], &end, 10);
        int rc = *end ? ERR_ARG : tokens_revoke(db, id, now_s());
        if (rc)
            status =
                fail("token revoke: %s",
                     rc == ERR_NOT_FOUND ? "no such live token" : err_str(rc));
    } else {
        status = fail("token: %s", "expected add, list or revoke ID");
    }
    db_close(db);
    return status;
}

/* Seeds the demo and prints the first line; 0 or 1. */
static int demo_setup(const struct args *a, const char *db_path, uint16_t port)
{
    char err[512], kiosk[65];
    sqlite3 *db = NULL;
    int skipped = 0;
    int rc = db_open(db_path, &db, err, sizeof err);
    if (!rc)
        rc =
            seed_demo(db, a->assets, now_s(), kiosk, &skipped, err, sizeof err);
    if (rc) {
        if (db)
            db_close(db);
        return fail("demo: %s", err);
    }
    char kt[TOKEN_HEX + 1], st[TOKEN_HEX + 1], url[64];
    if (tokens_add(db, TOKEN_KIOSK, kiosk, now_s(), kt) ||
        tokens_add(db, TOKEN_STAFF, "demo-staff", now_s(), st)) {
        db_close(db);
        return fail("demo: %s", "cannot make tokens");
    }
    db_close(db);
    const char *colon = strrchr(a->listen, ':');
    snprintf(url, sizeof url, "http://%.*s:%u", (int)(colon - a->listen),
             a->listen, port);
    json_t *line = json_pack("{s:s, s:s, s:s, s:s}", "url", url, "kiosk_id",
                             kiosk, "kiosk_token", kt, "staff_token", st);
    char *text = json_dumps(line, HUB_JSON);
    printf("%s\n", text);
    fflush(stdout);
    free(text);
    json_decref(line);
    fprintf(stderr, "linli-hub: demo on %s/admin (db %s)%s\n", url, db_path,
            skipped ? ", existing data kept" : "");
    return 0;
}

static int serve(const struct args *a)
{
    char tmpdir[] = "/tmp/linli-hub-demo-XXXXXX", dbpath[4096];
    const char *db = a->db;
    if (!db && a->demo) {
        if (!mkdtemp(tmpdir))
            return fail("cannot make %s", tmpdir);
        snprintf(dbpath, sizeof dbpath, "%s/hub.sqlite", tmpdir);
        db = dbpath;
    }
    if (!db || !a->listen)
        return fail("%s", "--db FILE and --listen ADDR:PORT are required"
                          " (see --help)");
    /* The server's threads inherit this mask: only sigwait() below takes
     * SIGINT and SIGTERM. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct hub_options o = {
        .db_path = db, .listen = a->listen, .threads = a->threads};
    struct hub *h;
    char err[512];
    if (hub_start(&o, &h, err, sizeof err))
        return fail("%s", err);
    if (a->demo && demo_setup(a, db, hub_port(h))) {
        hub_stop(h);
        return 1;
    }
    if (!a->demo)
        fprintf(stderr, "linli-hub: listening on %s (port %u)\n", a->listen,
                hub_port(h));
    int sig;
    sigwait(&set, &sig);
    fprintf(stderr, "linli-hub: stopping\n");
    hub_stop(h);
    return 0;
}

int main(int argc, char **argv)
{
    struct args a = {.assets = LINLI_DEFAULT_ASSETS};
    bool token = argc > 1 && strcmp(argv[1], "token") == 0;
    char *rest[8];
    int n_rest = 0;
    for (int i = token ? 2 : 1; i < argc; i++) {
        const char *o = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = strcmp(o, "--db") == 0 || strcmp(o, "--listen") == 0 ||
                     strcmp(o, "--assets") == 0 || strcmp(o, "--kiosk") == 0 ||
                     strcmp(o, "--staff") == 0 || strcmp(o, "--threads") == 0;
        if (strcmp(o, "--help") == 0 || strcmp(o, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(o, "--version") == 0) {
            printf("linli-hub %s\n", LINLI_VERSION);
            return 0;
        } else if (strcmp(o, "--demo") == 0) {
            a.demo = true;
        } else if (takes && !v) {
            return fail("%s needs a value", o);
        } else if (takes) {
            const char **slot = strcmp(o, "--db") == 0       ? &a.db
                                : strcmp(o, "--listen") == 0 ? &a.listen
                                : strcmp(o, "--assets") == 0 ? &a.assets
                                : strcmp(o, "--kiosk") == 0  ? &a.kiosk
                                : strcmp(o, "--staff") == 0  ? &a.staff
                                                             : NULL;
            if (slot)
                *slot = v;
            else
                a.threads = atoi(v);
            i++;
        } else if (token && o[0] != '-' && n_rest < 8) {
            rest[n_rest++] = argv[i];
        } else {
            fprintf(stderr, "%s", usage);
            return 2;
        }
    }
    if (token)
        return token_cmd(n_rest, rest, &a);
    if (a.demo && !a.listen)
        a.listen = "127.0.0.1:8080";
    return serve(&a);
}
