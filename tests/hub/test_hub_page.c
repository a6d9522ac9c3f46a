/*
 * test_hub_page.c - the /admin page driven in headless Chromium through
 * WebDriver (chromedriver over HTTP): sign in with the staff token, open a
 * kiosk's config, change the center's name and the 长辈版 idle time, save,
 * and check that the admin API shows the change; then an invalid value is
 * refused with its path on the page and changes nothing.
 *
 * Skipped (exit 77, ctest's SKIP_RETURN_CODE) only when chromium or
 * chromedriver is not installed.
 */
#include "hubtest.h"
#include "testutil.h"

#include <curl/curl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHROMIUM     "/usr/bin/chromium"
#define CHROMEDRIVER "/usr/bin/chromedriver"
#define ELEMENT_KEY  "element-6066-11e4-a52e-4f735466cecf"

extern char **environ;

struct driver {
    pid_t pid;
    int port;
    char session[128];
    char *profile;
};

static struct driver drv;
static struct hubtest hub;

static void pause_ms(int ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof sa;
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    getsockname(fd, (struct sockaddr *)&sa, &len);
    close(fd);
    return ntohs(sa.sin_port);
}

/* One WebDriver command; returns the "value" member (a new reference),
 * or NULL if the driver cannot be reached. */
static json_t *wd(const char *method, const char *path, json_t *body)
{
    struct resp out = {0};
    char url[512];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", drv.port, path);
    CURL *c = curl_easy_init();
    struct curl_slist *h =
        curl_slist_append(NULL, "Content-Type: application/json");
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, resp_on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    if (text)
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, text);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    free(text);
    json_decref(body);
    json_t *root =
        rc == CURLE_OK && out.body ? json_loads(out.body, 0, NULL) : NULL;
    resp_release(&out);
    json_t *v = json_incref(json_object_get(root, "value"));
    json_decref(root);
    return v;
}

static void session_path(char *out, size_t n, const char *rest)
{
    snprintf(out, n, "/session/%s%s", drv.session, rest);
}

/* The element matching css, waiting for it to appear (bounded); its id
 * goes to out. */
static void find(const char *css, char out[128])
{
    char path[256];
    session_path(path, sizeof path, "/element");
    for (int tries = 0; tries < 200; tries++) {
        json_t *v =
            wd("POST", path,
               json_pack("{s:s, s:s}", "using", "css selector", "value", css));
        const char *id = json_string_value(json_object_get(v, ELEMENT_KEY));
        if (id) {
            snprintf(out, 128, "%s", id);
            json_decref(v);
            return;
        }
        json_decref(v);
        pause_ms(100);
    }
    fail_msg("no element %s on the page", css);
}

static void element(const char *css, const char *action, json_t *body)
{
    char id[128], path[512], rest[256];
    find(css, id);
    snprintf(rest, sizeof rest, "/element/%s/%s", id, action);
    session_path(path, sizeof path, rest);
    json_decref(wd("POST", path, body ? body : json_object()));
}

static void type(const char *css, const char *text)
{
    element(css, "clear", NULL);
    element(css, "value", json_pack("{s:s}", "text", text));
}

static void click(const char *css)
{
    element(css, "click", NULL);
}

/* Waits (bounded) until the text of css contains want; returns it. */
static char *text_of(const char *css, const char *want)
{
    char id[128], path[512], rest[256];
    find(css, id);
    snprintf(rest, sizeof rest, "/element/%s/text", id);
    session_path(path, sizeof path, rest);
    char *last = NULL;
    for (int tries = 0; tries < 200; tries++) {
        json_t *v = wd("GET", path, NULL);
        free(last);
        last = strdup(json_string_value(v) ? json_string_value(v) : "");
        json_decref(v);
        if (strstr(last, want))
            return last;
        pause_ms(100);
    }
    fail_msg("%s says \"%s\", not \"%s\"", css, last, want);
    return last;
}

static int start_driver(void **state)
{
    if (access(CHROMIUM, X_OK) || access(CHROMEDRIVER, X_OK)) {
        fprintf(stderr, "chromium or chromedriver not installed: skipped\n");
        exit(77);
    }
    hubtest_start(&hub, 0);
    drv.port = free_port();
    char port_arg[32];
    snprintf(port_arg, sizeof port_arg, "--port=%d", drv.port);
    char *argv[] = {CHROMEDRIVER, port_arg, "--log-level=OFF", NULL};
    assert_int_equal(
        posix_spawn(&drv.pid, CHROMEDRIVER, NULL, NULL, argv, environ), 0);
    bool ready = false;
    for (int tries = 0; tries < 300 && !ready; tries++) {
        json_t *v = wd("GET", "/status", NULL);
        ready = json_is_true(json_object_get(v, "ready"));
        json_decref(v);
        if (!ready)
            pause_ms(100);
    }
    assert_true(ready);
    drv.profile = test_tmpdir();
    char profile_arg[600];
    snprintf(profile_arg, sizeof profile_arg, "--user-data-dir=%s",
             drv.profile);
    json_t *caps = json_pack(
        "{s:{s:{s:s, s:{s:s, s:[s,s,s,s,s,s,s]}}}}", "capabilities",
        "alwaysMatch", "browserName", "chrome", "goog:chromeOptions", "binary",
        CHROMIUM, "args", "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking",
        "--window-size=1280,1000", profile_arg);
    json_t *v = wd("POST", "/session", caps);
    const char *sid = json_string_value(json_object_get(v, "sessionId"));
    if (!sid)
        fail_msg("no WebDriver session: %s",
                 json_dumps(v, JSON_COMPACT) ?: "(no answer)");
    snprintf(drv.session, sizeof drv.session, "%s", sid);
    json_decref(v);
    return 0;
}

static int stop_driver(void **state)
{
    char path[256];
    if (drv.session[0]) {
        session_path(path, sizeof path, "");
        json_decref(wd("DELETE", path, NULL));
    }
    if (drv.pid > 0) {
        kill(drv.pid, SIGTERM);
        waitpid(drv.pid, NULL, 0);
    }
    if (drv.profile) {
        test_rmtree(drv.profile);
        free(drv.profile);
    }
    hubtest_stop(&hub);
    return 0;
}

static json_t *stored_config(void)
{
    struct resp r;
    assert_int_equal(hubtest_admin(&hub, "GET", "kiosks/caoyang-01", NULL, &r),
                     200);
    json_t *c = json_incref(json_object_get(r.json, "config"));
    resp_release(&r);
    return c;
}

static void test_edit_kiosk_config_in_the_page(void **state)
{
    char path[256], url[128];
    session_path(path, sizeof path, "/url");
    snprintf(url, sizeof url, "%s/admin", hub.url);
    json_decref(wd("POST", path, json_pack("{s:s}", "url", url)));

    type("#token", hub.staff_token);
    click("#login-go");
    /* the fleet table lists the demo kiosk; open its config */
    click("tr[data-kiosk='caoyang-01'] button");
    type("#cfg-name-zh", "曹杨新村街道党群服务中心（测试）");
    type("#cfg-idle-elder", "300");
    click("#cfg-save");
    free(text_of("#msg", "已保存"));

    json_t *c = stored_config();
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_object_get(c, "center"), "name"), "zh")),
        "曹杨新村街道党群服务中心（测试）");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(c, "idle"), "elder_s")),
                     300);
    /* what the page did not touch is kept */
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(c, "idle"), "standard_s")),
                     90);
    json_decref(c);

    /* an invalid value: the page shows the hub's path, nothing changes */
    type("#cfg-idle-elder", "5");
    click("#cfg-save");
    free(text_of("#msg", "config.idle.elder_s"));
    c = stored_config();
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(c, "idle"), "elder_s")),
                     300);
    json_decref(c);

    /* the kiosk gets the change in its next bundle */
    struct resp b;
    hubtest_req(&hub, "GET", "/api/v1/bundle", hub.kiosk_token, NULL, 0, NULL,
                &b);
    assert_int_equal(b.status, 200);
    assert_non_null(strstr(b.body, "曹杨新村街道党群服务中心（测试）"));
    resp_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edit_kiosk_config_in_the_page),
    };
    return cmocka_run_group_tests(tests, start_driver, stop_driver);
}
