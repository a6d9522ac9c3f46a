/*
 * main.c - composition root of linli-kiosk: parses the command line, opens
 * the cache and runs the requested actions; with none, it opens the touch
 * UI (platform/window.h). Headless tools (screenshots, replays, the
 * benchmark) run the same app without a display.
 */
#include "buf.h"
#include "bundle.h"
#include "civil_time.h"
#include "clock.h"
#include "conf.h"
#include "demo.h"
#include "err.h"
#include "geo.h"
#include "headless.h"
#include "http_curl.h"
#include "i18n.h"
#include "search.h"
#include "peripherals.h"
#include "sdl_turn.h"
#include "shots.h"
#include "store.h"
#include "sync.h"
#include "window.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_FILE "cache.sqlite"

struct options {
    const char *data_dir;
    const char *assets_dir;
    const char *import_file;
    const char *export_file;
    const char *shots_dir, *screen, *size, *replay_file, *mode, *lang;
    const char *search;
    bool demo, dump, windowed, bench, high_contrast, speech;
    int text_size; /* 0: the default, 1 */
    bool fixed_now;
    int64_t now_ms;
    const char *config;
    bool config_read;
    struct peripherals_options periph;
    const char *hub, *kiosk_id, *token_file, *ca_file;
    bool sync_once, live;
    int rotate;
};

/* The config file's text, which options point into until exit. */
static struct conf config;

static void usage(FILE *f)
{
    fputs("usage: linli-kiosk [options]\n"
          "\n"
          "  --config FILE    read options from FILE first, 'key = value'\n"
          "                   lines (the service's: /etc/linli/kiosk.conf)\n"
          "  --data DIR       cache folder (default: $XDG_STATE_HOME/linli,\n"
          "                   else /var/lib/linli as root, else\n"
          "                   ~/.local/state/linli)\n"
          "  --assets DIR     assets folder (default: " LINLI_DEFAULT_ASSETS
          ")\n"
          "  --demo           load the demo community if the cache is empty\n"
          "  --import FILE    validate a bundle file and apply it; on bad\n"
          "                   input print why, exit 1 and change nothing\n"
          "  --export FILE    write the cache as a bundle file ('-': stdout)\n"
          "  --dump           print a JSON summary of the cache\n"
          "  --search QUERY   print the services and activities matching\n"
          "                   QUERY (pinyin initials such as wsfwz, or a\n"
          "                   part of a name) as JSON lines, best first;\n"
          "                   --lang zh|en: only those names\n"
          "  --now TIME       pretend it is TIME (RFC 3339), for tests/demos\n"
          "  --windowed       a window (--size WxH) instead of full screen\n"
          "  --rotate DEG     turn the picture 0, 90, 180 or 270 degrees\n"
          "                   clockwise on the panel (touch follows)\n"
          "  --screenshot DIR render every screen headless to DIR/*.png and\n"
          "                   DIR/screens.json (--screen NAME: one screen;\n"
          "                   --size WxH: one size; --high-contrast: also\n"
          "                   the high-contrast theme; --mode standard|elder,\n"
          "                   --lang zh|en: only those; --text-size N,\n"
          "                   --speech: that text size, the speech panel)\n"
          "  --text-size N    text size step 1-3 of standard mode (also the\n"
          "                   session default on the kiosk's screen)\n"
          "  --replay FILE    drive the UI headless with a script (see\n"
          "                   docs/replay.md); exit 1 if an expect fails\n"
          "  --bench          print JSON timings: first frame, per-screen\n"
          "                   frame times at 1920x1080\n"
          "  --printer PATH   receipt printer: a device file (/dev/usb/lp0)\n"
          "                   or serial:/dev/ttyS0 (see --printer-baud)\n"
          "  --printer-baud N serial printer speed (default 9600)\n"
          "  --watchdog PATH  hardware watchdog device (/dev/watchdog)\n"
          "  --watchdog-timeout S  its timeout in seconds (default 15)\n"
          "  --backlight PATH the panel's /sys/class/backlight/NAME folder\n"
          "  --scanner PATH   QR scanner: an evdev device or\n"
          "                   serial:/dev/ttyACM0\n"
          "  --hub URL        sync with the hub at URL (docs/sync.md); needs\n"
          "  --kiosk-id ID    this kiosk's id and\n"
          "  --token-file F   its token (a file only its owner may read)\n"
          "  --ca FILE        trust this CA for the hub's TLS certificate\n"
          "  --sync-once      one sync round, headless: exit 0 on success,\n"
          "                   else 1 with the error on stderr\n"
          "  --live           --replay on the real cache, as at the kiosk\n"
          "  --help           show this help\n"
          "  --version        show the version\n",
          f);
}

static int die(const char *fmt, const char *a, const char *b)
{
    fputs("linli-kiosk: ", stderr);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    return 1;
}

/* mkdir -p, private to the kiosk user (the cache holds phone numbers). */
static int make_dirs(const char *path)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s", path) >= (int)sizeof tmp)
        return -1;
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(tmp, 0700) && errno != EEXIST ? -1 : 0;
}

static const char *default_data_dir(char *out, size_t n)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        snprintf(out, n, "%s/linli", xdg);
    else if (geteuid() != 0 && home && *home)
        snprintf(out, n, "%s/.local/state/linli", home);
    else
        snprintf(out, n, "/var/lib/linli");
    return out;
}

static int parse_args(int argc, char **argv, struct options *o);

/*
 * --config FILE: each line of FILE is parsed as its option, before the
 * command line, which is then parsed again so that it wins. A bad line is
 * named by FILE:LINE.
 */
static int read_config(int argc, char **argv, struct options *o,
                       const struct option *opts)
{
    static const char *const deny[] = {"config", "help", "version", NULL};
    char err[512];
    if (conf_read(o->config, opts, deny, &config, err, sizeof err))
        return die("%s%s", err, "");
    struct options fresh = {.config = o->config, .config_read = true};
    for (int i = 0; i < config.n; i++) {
        struct conf_entry *e = &config.entries[i];
        char *args[] = {argv[0], e->opt, e->value, NULL};
        char where[4200];
        snprintf(where, sizeof where, "%s:%d", o->config, e->line);
        optind = 0; /* glibc: start a new scan */
        if (parse_args(e->value ? 3 : 2, args, &fresh))
            return die("%s: bad value of '%s'", where, e->opt + 2);
    }
    optind = 0;
    int rc = parse_args(argc, argv, &fresh);
    *o = fresh;
    return rc;
}

/* A whole decimal number in [min, max]. */
static bool parse_count(const char *s, long min, long max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = (int)v;
    return true;
}

static int parse_args(int argc, char **argv, struct options *o)
{
    enum { OPT_DATA = 256, OPT_ASSETS, OPT_IMPORT, OPT_EXPORT, OPT_NOW,
           OPT_SHOTS, OPT_SCREEN, OPT_SIZE, OPT_REPLAY, OPT_WINDOWED,
           OPT_BENCH, OPT_HC, OPT_MODE, OPT_LANG, OPT_CONFIG, OPT_SEARCH,
           OPT_PRINTER, OPT_PRINTER_BAUD, OPT_WATCHDOG, OPT_WATCHDOG_TIMEOUT,
           OPT_BACKLIGHT, OPT_SCANNER, OPT_HUB, OPT_KIOSK_ID, OPT_TOKEN_FILE,
           OPT_CA, OPT_SYNC_ONCE, OPT_LIVE, OPT_TEXT_SIZE, OPT_SPEECH,
           OPT_ROTATE };
    static const struct option longopts[] = {
        {"config", required_argument, NULL, OPT_CONFIG},
        {"data", required_argument, NULL, OPT_DATA},
        {"assets", required_argument, NULL, OPT_ASSETS},
        {"demo", no_argument, NULL, 'D'},
        {"import", required_argument, NULL, OPT_IMPORT},
        {"export", required_argument, NULL, OPT_EXPORT},
        {"dump", no_argument, NULL, 'd'},
        {"search", required_argument, NULL, OPT_SEARCH},
        {"now", required_argument, NULL, OPT_NOW},
        {"screenshot", required_argument, NULL, OPT_SHOTS},
        {"screen", required_argument, NULL, OPT_SCREEN},
        {"size", required_argument, NULL, OPT_SIZE},
        {"high-contrast", no_argument, NULL, OPT_HC},
        {"mode", required_argument, NULL, OPT_MODE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"text-size", required_argument, NULL, OPT_TEXT_SIZE},
        {"speech", no_argument, NULL, OPT_SPEECH},
        {"replay", required_argument, NULL, OPT_REPLAY},
        {"windowed", no_argument, NULL, OPT_WINDOWED},
        {"rotate", required_argument, NULL, OPT_ROTATE},
        {"bench", no_argument, NULL, OPT_BENCH},
        {"printer", required_argument, NULL, OPT_PRINTER},
        {"printer-baud", required_argument, NULL, OPT_PRINTER_BAUD},
        {"watchdog", required_argument, NULL, OPT_WATCHDOG},
        {"watchdog-timeout", required_argument, NULL, OPT_WATCHDOG_TIMEOUT},
        {"backlight", required_argument, NULL, OPT_BACKLIGHT},
        {"scanner", required_argument, NULL, OPT_SCANNER},
        {"hub", required_argument, NULL, OPT_HUB},
        {"kiosk-id", required_argument, NULL, OPT_KIOSK_ID},
        {"token-file", required_argument, NULL, OPT_TOKEN_FILE},
        {"ca", required_argument, NULL, OPT_CA},
        {"sync-once", no_argument, NULL, OPT_SYNC_ONCE},
        {"live", no_argument, NULL, OPT_LIVE},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    int64_t now_s;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DATA: o->data_dir = optarg; break;
        case OPT_ASSETS: o->assets_dir = optarg; break;
        case 'D': o->demo = true; break;
        case OPT_IMPORT: o->import_file = optarg; break;
        case OPT_EXPORT: o->export_file = optarg; break;
        case 'd': o->dump = true; break;
        case OPT_SEARCH: o->search = optarg; break;
        case OPT_SHOTS: o->shots_dir = optarg; break;
        case OPT_SCREEN: o->screen = optarg; break;
        case OPT_SIZE: o->size = optarg; break;
        case OPT_HC: o->high_contrast = true; break;
        case OPT_MODE: o->mode = optarg; break;
        case OPT_LANG: o->lang = optarg; break;
        case OPT_SPEECH: o->speech = true; break;
        case OPT_TEXT_SIZE:
            if (strlen(optarg) != 1 || optarg[0] < '1' || optarg[0] > '3')
                return die("--text-size: 1, 2 or 3, not '%s'%s", optarg, "");
            o->text_size = optarg[0] - '0';
            break;
        case OPT_REPLAY: o->replay_file = optarg; break;
        case OPT_WINDOWED: o->windowed = true; break;
        case OPT_BENCH: o->bench = true; break;
        case OPT_CONFIG: o->config = optarg; break;
        case OPT_PRINTER: o->periph.printer = optarg; break;
        case OPT_WATCHDOG: o->periph.watchdog = optarg; break;
        case OPT_BACKLIGHT: o->periph.backlight = optarg; break;
        case OPT_SCANNER: o->periph.scanner = optarg; break;
        case OPT_PRINTER_BAUD:
            if (!parse_count(optarg, 1200, 921600, &o->periph.printer_baud))
                return die("--printer-baud: expected a baud rate such as "
                           "9600, not '%s'%s",
                           optarg, "");
            break;
        case OPT_WATCHDOG_TIMEOUT:
            if (!parse_count(optarg, 2, 3600, &o->periph.watchdog_timeout_s))
                return die("--watchdog-timeout: expected seconds (2 to "
                           "3600), not '%s'%s",
                           optarg, "");
            break;
        case OPT_HUB: o->hub = optarg; break;
        case OPT_KIOSK_ID: o->kiosk_id = optarg; break;
        case OPT_TOKEN_FILE: o->token_file = optarg; break;
        case OPT_CA: o->ca_file = optarg; break;
        case OPT_SYNC_ONCE: o->sync_once = true; break;
        case OPT_LIVE: o->live = true; break;
        case OPT_ROTATE:
            if (!*optarg || strlen(optarg) > 3 ||
                optarg[strspn(optarg, "0123456789")] ||
                !sdl_turn_valid(atoi(optarg)))
                return die("--rotate: expected 0, 90, 180 or 270, not "
                           "'%s'%s", optarg, "");
            o->rotate = atoi(optarg);
            break;
        case OPT_NOW:
            if (!civil_parse_timestamp(optarg, &now_s))
                return die("--now: expected a time like "
                           "2026-11-23T10:00:00+08:00, not '%s'%s",
                           optarg, "");
            o->fixed_now = true;
            o->now_ms = now_s * 1000;
            break;
        case 'h': usage(stdout); exit(0);
        case 'V': puts("linli-kiosk " LINLI_VERSION); exit(0);
        default: usage(stderr); return 2;
        }
    }
    if (optind < argc)
        return die("unexpected argument '%s'%s", argv[optind], "");
    if (o->config && !o->config_read)
        return read_config(argc, argv, o, longopts);
    if ((o->hub || o->kiosk_id || o->token_file || o->sync_once) &&
        !(o->hub && o->kiosk_id && o->token_file))
        return die("sync needs --hub, --kiosk-id and --token-file%s%s", "",
                   "");
    return 0;
}

/* The kiosk's token from path: refused if others may read it (it lets
 * anyone act as this kiosk). */
static int read_token(const char *path, char *out, size_t n)
{
    struct stat sb;
    if (stat(path, &sb))
        return die("cannot read the token file %s: %s", path, strerror(errno));
    if (sb.st_mode & (S_IRWXG | S_IRWXO))
        return die("the token file %s may be read by others: "
                   "chmod 600 %s first",
                   path, path);
    FILE *f = fopen(path, "r");
    if (!f || !fgets(out, (int)n, f)) {
        if (f)
            fclose(f);
        return die("cannot read the token file %s: %s", path,
                   f ? "empty" : strerror(errno));
    }
    fclose(f);
    out[strcspn(out, " \t\r\n")] = '\0';
    if (!*out)
        return die("the token file %s is empty%s", path, "");
    return 0;
}

/* One round, blocking: 0, or 1 with the error on stderr. */
static int sync_once(struct sync *s, struct http_client http)
{
    sync_now(s);
    for (;;) {
        sync_step(s);
        const struct sync_status *ss = sync_status(s);
        if (ss->round_done && !sync_busy(s)) {
            if (ss->round_ok)
                return 0;
            return die("sync failed: %s%s", ss->last_error, "");
        }
        http.wait(http.ctx, 20);
    }
}

/* Parses text as a bundle and applies it; message on stderr on failure. */
static int apply_text(struct store *st, const char *text, size_t len,
                      const char *what, int64_t now_ms)
{
    char err[512];
    struct bundle *b = NULL;
    int rc = bundle_parse(text, len, &b, err, sizeof err);
    if (rc)
        return die("cannot import %s: %s", what, err);
    rc = store_apply_bundle(st, b, now_ms);
    bundle_free(b);
    if (rc)
        return die("cannot store %s: %s", what, store_errmsg(st));
    return 0;
}

static int import_file(struct store *st, const char *path, int64_t now_ms)
{
    struct buf in;
    buf_init(&in, BUNDLE_MAX_BYTES);
    int rc = buf_read_file(&in, path);
    if (rc == ERR_TOO_BIG)
        rc = die("cannot import %s: larger than %s", path, "32 MiB");
    else if (rc)
        rc = die("cannot read %s: %s", path, strerror(errno));
    else
        rc = apply_text(st, in.data ? in.data : "", in.len, path, now_ms);
    buf_release(&in);
    return rc;
}

static int load_demo(struct store *st, const char *assets, int64_t now_ms)
{
    char path[4096], err[512];
    snprintf(path, sizeof path, "%s/demo/community.json", assets);
    struct buf in;
    buf_init(&in, BUNDLE_MAX_BYTES);
    if (buf_read_file(&in, path)) {
        buf_release(&in);
        return die("cannot read the demo community %s: %s", path,
                   strerror(errno));
    }
    char *json = NULL;
    size_t len = 0;
    int rc = demo_bundle_make(in.data, in.len, now_ms / 1000, &json, &len,
                              err, sizeof err);
    buf_release(&in);
    if (rc)
        return die("cannot make the demo community: %s%s", err, "");
    rc = apply_text(st, json, len, path, now_ms);
    free(json);
    return rc;
}

static int export_file(struct store *st, const char *path)
{
    size_t len;
    int rc;
    char *json = store_export(st, &len, &rc);
    if (!json)
        return die("cannot export: %s%s",
                   rc == ERR_NOT_FOUND ? "the cache is empty" : err_str(rc),
                   "");
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    bool ok = f && fwrite(json, 1, len, f) == len;
    if (f && f != stdout)
        ok = fclose(f) == 0 && ok;
    else if (f)
        ok = fflush(f) == 0 && ok;
    free(json);
    return ok ? 0 : die("cannot write %s: %s", path, strerror(errno));
}

/* Counts of services per category and per walking ring, open now, active
 * notices, bookable slots: what a person checking the data wants to see. */
static int dump_directory(struct store *st, int64_t now_s, json_t *out)
{
    struct category_row cats[MAX_CATEGORIES];
    int n_cats;
    if (store_categories(st, cats, MAX_CATEGORIES, &n_cats))
        return ERR_DB;
    json_t *by_cat = json_object();
    for (int i = 0; i < n_cats; i++)
        json_object_set_new(by_cat, cats[i].id,
                            json_integer(cats[i].n_services));
    json_object_set_new(out, "services_by_category", by_cat);

    json_t *rings = json_object();
    int prev = 0, total = 0, n;
    struct service_row row;
    for (int ring = 5; ring <= 15; ring += 5) {
        struct service_query q = {.within_min = ring};
        if (store_services(st, &q, now_s, &row, 0, &n, &total))
            return ERR_DB;
        char key[16];
        snprintf(key, sizeof key, "%d_min", ring);
        json_object_set_new(rings, key, json_integer(total - prev));
        prev = total;
    }
    struct service_query all = {0}, open = {.open_only = true};
    if (store_services(st, &all, now_s, &row, 0, &n, &total))
        return ERR_DB;
    json_object_set_new(rings, "farther", json_integer(total - prev));
    json_object_set_new(out, "services_by_walk", rings);
    if (store_services(st, &open, now_s, &row, 0, &n, &total))
        return ERR_DB;
    json_object_set_new(out, "services_open_now", json_integer(total));

    struct notice_row notice;
    if (store_notices(st, now_s, 0, &notice, 0, &n, &total))
        return ERR_DB;
    json_object_set_new(out, "notices_active", json_integer(total));

    struct activity_row acts[MAX_ACTIVITIES];
    if (store_activities(st, now_s, 0, acts, MAX_ACTIVITIES, &n, NULL))
        return ERR_DB;
    int open_slots = 0;
    for (int i = 0; i < n; i++)
        open_slots += acts[i].open_slots;
    json_object_set_new(out, "slots_bookable", json_integer(open_slots));
    return 0;
}

static int dump(struct store *st, const char *cache, int64_t now_ms)
{
    struct store_info info;
    if (store_info(st, &info))
        return die("cannot read %s: %s", cache, store_errmsg(st));
    char when[32] = "";
    json_t *j = json_object();
    json_object_set_new(j, "cache", json_string(cache));
    json_object_set_new(j, "schema_version",
                        json_integer(store_schema_version()));
    json_object_set_new(j, "empty", json_boolean(!info.bundle_version[0]));
    if (info.bundle_version[0]) {
        json_object_set_new(j, "kiosk_id", json_string(info.kiosk_id));
        json_object_set_new(j, "bundle_version",
                            json_string(info.bundle_version));
        civil_format_timestamp(info.generated_at, when);
        json_object_set_new(j, "generated_at", json_string(when));
        civil_format_timestamp(info.applied_ms / 1000, when);
        json_object_set_new(j, "applied_at", json_string(when));
        json_object_set_new(j, "data_age_s",
                            json_integer((now_ms - info.applied_ms) / 1000));
    }
    json_object_set_new(
        j, "counts",
        json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i}",
                  "categories", info.n_categories, "services",
                  info.n_services, "activities", info.n_activities, "slots",
                  info.n_slots, "notices", info.n_notices, "polls",
                  info.n_polls, "bookings", info.n_bookings, "ratings",
                  info.n_ratings, "poll_answers", info.n_poll_answers));
    json_object_set_new(j, "outbox_depth", json_integer(info.outbox_depth));
    if (info.bundle_version[0] && dump_directory(st, now_ms / 1000, j)) {
        json_decref(j);
        return die("cannot read %s: %s", cache, store_errmsg(st));
    }
    civil_format_timestamp(now_ms / 1000, when);
    json_object_set_new(j, "now", json_string(when));
    json_dumpf(j, stdout, JSON_INDENT(2));
    putchar('\n');
    json_decref(j);
    return 0;
}

/* --search: every match as a JSON line, best first. A bad query is the
 * caller's mistake (exit 2), like a bad option. */
static int search_print(struct store *st, const char *text, const char *lang)
{
    enum lang only;
    unsigned langs = (1u << LANG_ZH) | (1u << LANG_EN);
    if (lang && !lang_parse(lang, &only)) {
        die("--lang: expected zh or en, not '%s'%s", lang, "");
        return 2;
    }
    if (lang)
        langs = 1u << only;
    struct search_query q;
    int rc = search_query_parse(text, langs, &q);
    if (rc) {
        die("bad query: %s%s",
            rc == ERR_TOO_BIG   ? "longer than 64 bytes"
            : rc == ERR_PARSE ? "not UTF-8 text or a control character"
                              : "empty",
            "");
        return 2;
    }
    struct search_hit hits[64];
    int n = 0, total = 0;
    for (int off = 0; off == 0 || off < total; off += n) {
        if (search_run(st, &q, off, hits, 64, &n, &total))
            return die("cannot search: %s%s", store_errmsg(st), "");
        if (n == 0)
            break;
        for (int i = 0; i < n; i++) {
            json_t *j = json_pack(
                "{s:s, s:s, s:s, s:i}", "id", hits[i].id, "name",
                hits[i].name[hits[i].lang], "kind",
                hits[i].kind == SEARCH_SERVICE ? "service" : "activity",
                "score", (int)hits[i].score);
            json_dumpf(j, stdout, JSON_COMPACT);
            putchar('\n');
            json_decref(j);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct clock sys = clock_system();
    int64_t start_ms = clock_mono_ms(&sys);
    struct options o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc;
    /* The cache holds phone numbers until the hub has them (DESIGN §7):
     * files we create, and SQLite's -wal and -shm beside them, are ours
     * alone. */
    umask(077);
    struct clock_adjust adjust;
    clock_adjust_init(&adjust,
                      o.fixed_now ? clock_fixed(&o.now_ms) : clock_system(),
                      (int64_t)LINLI_BUILD_EPOCH * 1000);
    struct clock clk = clock_adjusted(&adjust);
    char data_buf[4096], cache[4200], err[512];
    const char *data = o.data_dir ? o.data_dir
                                  : default_data_dir(data_buf,
                                                     sizeof data_buf);
    const char *assets = o.assets_dir ? o.assets_dir
                         : getenv("LINLI_ASSETS") ? getenv("LINLI_ASSETS")
                                                  : LINLI_DEFAULT_ASSETS;
    if (make_dirs(data))
        return die("cannot create %s: %s", data, strerror(errno));
    snprintf(cache, sizeof cache, "%s/" CACHE_FILE, data);

    struct store *st = NULL;
    if ((rc = store_open(cache, &st, err, sizeof err)))
        return die("cannot open %s: %s", cache, err);

    /* Sync, when a hub is set: it also restores the clock offset. */
    struct http_curl *curl = NULL;
    struct sync *sync = NULL;
    char token[256];
    if (o.hub && !(rc = read_token(o.token_file, token, sizeof token))) {
        curl = http_curl_new(o.ca_file);
        struct sync_config sc = {.hub_url = o.hub,
                                 .kiosk_id = o.kiosk_id,
                                 .token = token,
                                 .cache_path = cache,
                                 .version = LINLI_VERSION};
        if (!curl)
            rc = die("cannot start HTTP (libcurl)%s%s", "", "");
        else
            sync = sync_new(&sc, st, http_curl_client(curl), &adjust, 0);
    }
    if (!rc && o.sync_once)
        rc = sync_once(sync, http_curl_client(curl));

    if (!rc && o.demo && store_is_empty(st)) {
        rc = load_demo(st, assets, clock_now_ms(&clk));
    }
    if (!rc && o.import_file) {
        rc = import_file(st, o.import_file, clock_now_ms(&clk));
    }
    if (!rc && o.export_file) {
        rc = export_file(st, o.export_file);
    }
    if (!rc && o.dump) {
        rc = dump(st, cache, clock_now_ms(&clk));
    }
    if (!rc && o.search && (rc = search_print(st, o.search, o.lang)) == 2) {
        store_close(st);
        return 2;
    }
    bool ui = o.shots_dir || o.replay_file || o.bench ||
              (!o.dump && !o.import_file && !o.export_file && !o.search &&
               !o.sync_once);
    struct i18n *i18n = NULL;
    char images[4200];
    snprintf(images, sizeof images, "%s/images", assets);
    if (!rc && ui) {
        char dir[4200];
        snprintf(dir, sizeof dir, "%s/i18n", assets);
        if ((rc = i18n_load(dir, &i18n, err, sizeof err)))
            die("cannot load the catalogs: %s%s", err, "");
    }
    if (!rc && o.shots_dir) {
        struct shots_options so = {
            .dir = o.shots_dir, .screen = o.screen, .size = o.size,
            .high_contrast = o.high_contrast, .mode = o.mode, .lang = o.lang,
            .images = images, .sync = sync, .text_size = o.text_size,
            .speech = o.speech};
        rc = shots_run(st, i18n, clk, &so, stderr);
    } else if (!rc && o.replay_file) {
        /* the printer only: a replay must not arm the watchdog or dim
         * the panel, but its bookings may print (a bench test) */
        struct peripherals_options po = {.printer = o.periph.printer,
                                         .printer_baud =
                                             o.periph.printer_baud};
        struct peripherals *pe = peripherals_open(&po, stderr);
        struct devices dev = peripherals_devices(pe);
        rc = replay_file(st, i18n, clk, &dev, o.replay_file, o.live, stdout);
        peripherals_close(pe, true);
    } else if (!rc && o.bench) {
        rc = bench_run(st, i18n, images, start_ms, stdout);
    } else if (!rc && ui) {
        struct window_options wo = {.windowed = o.windowed, .images = images,
                                    .sync = sync, .text_size = o.text_size,
                                    .rotate = o.rotate};
        if (o.size && sscanf(o.size, "%dx%d", &wo.w, &wo.h) != 2)
            rc = die("--size: expected WxH, not '%s'%s", o.size, "");
        if (!rc) {
            o.periph.systemd = true; /* the service itself, not a tool */
            wo.peripherals = peripherals_open(&o.periph, stderr);
            rc = window_run(st, i18n, clk, &wo, stderr);
            peripherals_close(wo.peripherals, true);
        }
    }
    i18n_free(i18n);
    sync_free(sync);
    http_curl_free(curl);
    store_close(st);
    conf_release(&config);
    return rc ? 1 : 0;
}
