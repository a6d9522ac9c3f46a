/*
 * test_conf.c - conf.h: key = value lines become option entries in file
 * order, comments and blanks are skipped, flags take true or false, and
 * every bad line is refused with NAME:LINE and nothing filled in.
 */
#include "testutil.h"

#include "conf.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option opts[] = {
    {"data", required_argument, NULL, 1},   {"demo", no_argument, NULL, 2},
    {"windowed", no_argument, NULL, 3},     {"hub", required_argument, NULL, 4},
    {"config", required_argument, NULL, 5}, {NULL, 0, NULL, 0},
};
static const char *const deny[] = {"config", NULL};

static int parse(const char *text, struct conf *c, char *err, size_t n)
{
    return conf_parse(text, strlen(text), "k.conf", opts, deny, c, err, n);
}

static void test_entries(void **state)
{
    (void)state;
    const char *text = "# Linli kiosk\n"
                       "\n"
                       "  data = /var/lib/linli   # the cache\n"
                       "demo=true\r\n"
                       "windowed = false\n"
                       "\thub =  https://hub.example/a#b  \n"
                       "data = /srv/linli";
    struct conf c = {0};
    char err[256] = "";
    assert_int_equal(parse(text, &c, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_int_equal(c.n, 4); /* windowed = false sets nothing */
    assert_int_equal(c.entries[0].line, 3);
    assert_string_equal(c.entries[0].opt, "--data");
    assert_string_equal(c.entries[0].value, "/var/lib/linli");
    assert_int_equal(c.entries[1].line, 4);
    assert_string_equal(c.entries[1].opt, "--demo");
    assert_null(c.entries[1].value);
    /* a '#' inside a value (no blank before it) is part of the value */
    assert_int_equal(c.entries[2].line, 6);
    assert_string_equal(c.entries[2].opt, "--hub");
    assert_string_equal(c.entries[2].value, "https://hub.example/a#b");
    /* the last line needs no newline; a repeated key comes again, so the
     * later one wins as on a command line */
    assert_int_equal(c.entries[3].line, 7);
    assert_string_equal(c.entries[3].value, "/srv/linli");
    conf_release(&c);
    assert_null(c.entries);
    assert_int_equal(c.n, 0);
}

static void test_empty(void **state)
{
    (void)state;
    struct conf c = {0};
    char err[256];
    assert_int_equal(parse("", &c, err, sizeof err), 0);
    assert_int_equal(c.n, 0);
    conf_release(&c);
    assert_int_equal(parse("# only\n\n   \n", &c, err, sizeof err), 0);
    assert_int_equal(c.n, 0);
    conf_release(&c);
}

static void test_bad_lines(void **state)
{
    (void)state;
    static const struct {
        const char *text, *err;
    } cases[] = {
        {"data /x\n", "k.conf:1: expected 'key = value', not 'data /x'"},
        {"# c\n= /x\n", "k.conf:2: expected a key before '='"},
        {"\n\nspeed = 3\n", "k.conf:3: unknown key 'speed'"},
        {"--data = /x\n", "k.conf:1: unknown key '--data'"},
        {"Data = /x\n", "k.conf:1: unknown key 'Data'"},
        {"demo = true\ndemo = yes\n",
         "k.conf:2: 'demo' takes true or false, not 'yes'"},
        {"demo =\n", "k.conf:1: 'demo' takes true or false, not ''"},
        {"data =   # none\n", "k.conf:1: 'data' needs a value"},
        {"config = /etc/x\n", "k.conf:1: 'config' cannot be set in a "
                              "config file"},
        {"demo = true\nda\0ta = /x\n", "k.conf:2: a NUL byte: not a text "
                                       "file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct conf c = {.n = -7};
        char err[256] = "";
        /* the NUL case needs its true length */
        size_t len = strlen(cases[i].text);
        if (strstr(cases[i].err, "NUL"))
            len += 1 + strlen(cases[i].text + len + 1);
        int rc = conf_parse(cases[i].text, len, "k.conf", opts, deny, &c, err,
                            sizeof err);
        assert_int_equal(rc, ERR_INVALID);
        assert_string_equal(err, cases[i].err);
        assert_int_equal(c.n, -7); /* untouched */
        assert_null(c.entries);
    }
}

static void test_conf_read(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[512], err[512];
    snprintf(path, sizeof path, "%s/kiosk.conf", dir);
    struct conf c = {0};

    assert_int_equal(conf_read(path, opts, deny, &c, err, sizeof err), ERR_IO);
    assert_non_null(strstr(err, "cannot read "));
    assert_non_null(strstr(err, "No such file"));

    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("hub = https://hub.example\nwindowed = maybe\n", f);
    fclose(f);
    assert_int_equal(conf_read(path, opts, deny, &c, err, sizeof err),
                     ERR_INVALID);
    char want[600];
    snprintf(want, sizeof want,
             "%s:2: 'windowed' takes true or false, not 'maybe'", path);
    assert_string_equal(err, want);

    f = fopen(path, "w");
    assert_non_null(f);
    fputs("hub = https://hub.example\nwindowed = true\n", f);
    fclose(f);
    assert_int_equal(conf_read(path, opts, deny, &c, err, sizeof err), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.entries[1].opt, "--windowed");
    conf_release(&c);

    /* past the cap: refused whole */
    f = fopen(path, "w");
    assert_non_null(f);
    while (ftell(f) <= CONF_MAX_BYTES)
        fputs("# a long comment\n", f);
    fclose(f);
    assert_int_equal(conf_read(path, opts, deny, &c, err, sizeof err),
                     ERR_TOO_BIG);
    assert_non_null(strstr(err, "larger than 64 KiB"));
    test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entries),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_conf_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
