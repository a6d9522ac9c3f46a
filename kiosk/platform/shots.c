/*
 * shots.c - headless screenshots and screens.json (shots.h).
 */
#include "shots.h"

#include "app.h"
#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "sdl_images.h"
#include "sdl_shot.h"
#include "sdl_text.h"
#include "store.h"
#include "tour.h"

#include <SDL_ttf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct size {
    int w, h;
    const char *name;
};

static int shoot(struct store *scratch, const struct i18n *i18n,
                 struct clock clk, struct sdl_text *text,
                 struct sdl_images *images, const struct shots_options *opt,
                 const struct screen_ops *ops, struct size sz,
                 enum ui_mode mode, enum lang lang, bool hc, json_t *list,
                 FILE *log)
{
    struct app a;
    struct text_renderer tr = sdl_text_renderer(text);
    sdl_images_attach(images, &tr);
    int rc = app_init(&a, scratch, i18n, clk, sdl_text_metrics(text), sz.w,
                      sz.h);
    if (rc)
        return rc;
    a.session.mode = mode;
    a.session.lang = lang;
    a.session.high_contrast = hc;
    a.session.text_size = opt->text_size > 0 ? opt->text_size : 1;
    a.session.speech = opt->speech;
    a.status.version = LINLI_VERSION;
    a.status.syncer = opt->sync;
    rc = tour_open(&a, ops->name);
    if (rc) {
        fprintf(log, "shots: %s: nothing to show (%s), skipped\n", ops->name,
                err_str(rc));
        app_release(&a);
        return 0;
    }
    const struct draw_list *dl = app_frame(&a);
    char file[256], path[4096];
    char size_tag[16] = "";
    if (opt->text_size > 1)
        snprintf(size_tag, sizeof(size_tag), "-t%d", opt->text_size);
    snprintf(file, sizeof(file), "%s-%s-%s-%s%s%s%s.png", ops->name,
             mode == MODE_ELDER ? "elder" : "standard",
             lang == LANG_EN ? "en" : "zh", sz.name, hc ? "-hc" : "",
             size_tag, opt->speech ? "-speech" : "");
    snprintf(path, sizeof(path), "%s/%s", opt->dir, file);
    if (!opt->json_only) {
        struct sdl_shot *shot;
        if ((rc = sdl_shot_open(sz.w, sz.h, &shot))) {
            app_release(&a);
            return rc;
        }
        rc = sdl_shot_render(shot, dl, &tr, a.theme.c.paper);
        if (!rc)
            rc = sdl_shot_save_png(shot, path);
        /* the text cache's textures belong to this shot's renderer */
        sdl_text_release_textures(text);
        sdl_images_release_textures(images);
        sdl_shot_close(shot);
    }
    if (!rc) {
        json_t *o = inspect_frame(&a);
        if (o) {
            json_object_set_new(o, "file", json_string(file));
            json_array_append_new(list, o);
        }
    } else {
        fprintf(log, "shots: cannot write %s: %s\n", path, SDL_GetError());
    }
    app_release(&a);
    return rc;
}

int shots_run(struct store *st, const struct i18n *i18n, struct clock clk,
              const struct shots_options *opt, FILE *log)
{
    const struct screen_ops *one = NULL;
    if (opt->screen && !(one = screen_by_name(opt->screen))) {
        fprintf(log, "shots: no screen named '%s'\n", opt->screen);
        return ERR_NOT_FOUND;
    }
    struct size sizes[2] = {{1920, 1080, "landscape"},
                            {1080, 1920, "portrait"}};
    int n_sizes = 2;
    if (opt->size) {
        if (sscanf(opt->size, "%dx%d", &sizes[0].w, &sizes[0].h) != 2 ||
            sizes[0].w < 320 || sizes[0].h < 320 || sizes[0].w > 8192 ||
            sizes[0].h > 8192) {
            fprintf(log, "shots: --size: expected WxH, not '%s'\n",
                    opt->size);
            return ERR_ARG;
        }
        sizes[0].name = sizes[0].w >= sizes[0].h ? "landscape" : "portrait";
        n_sizes = 1;
    }
    int mode_from = 0, mode_to = 1, lang_from = 0, lang_to = 1;
    if (opt->mode) {
        if (strcmp(opt->mode, "standard") && strcmp(opt->mode, "elder")) {
            fprintf(log, "shots: --mode: standard or elder, not '%s'\n",
                    opt->mode);
            return ERR_ARG;
        }
        mode_from = mode_to = strcmp(opt->mode, "elder") == 0;
    }
    if (opt->lang) {
        enum lang l;
        if (!lang_parse(opt->lang, &l)) {
            fprintf(log, "shots: --lang: zh or en, not '%s'\n", opt->lang);
            return ERR_ARG;
        }
        lang_from = lang_to = (int)l;
    }
    if (opt->text_size < 0 || opt->text_size > THEME_TEXT_SIZES) {
        fprintf(log, "shots: --text-size: 1, 2 or 3, not %d\n",
                opt->text_size);
        return ERR_ARG;
    }
    if (mkdir(opt->dir, 0755) && errno != EEXIST) {
        fprintf(log, "shots: cannot create %s: %s\n", opt->dir,
                strerror(errno));
        return ERR_IO;
    }
    char err[256];
    struct sdl_text *text;
    int rc = sdl_text_open(&text, err, sizeof(err));
    if (rc) {
        fprintf(log, "shots: %s\n", err);
        return rc;
    }
    struct store *scratch;
    if ((rc = store_open_copy(st, &scratch))) {
        sdl_text_close(text);
        fprintf(log, "shots: cannot copy the cache: %s\n", err_str(rc));
        return rc;
    }
    struct sdl_images *images = sdl_images_new(opt->images ? opt->images
                                                           : "images");
    json_t *list = json_array();
    int count = 0;
    for (int i = 0; screen_all[i] && !rc; i++) {
        if (one && screen_all[i] != one)
            continue;
        for (int s = 0; s < n_sizes && !rc; s++)
            for (int m = mode_from; m <= mode_to && !rc; m++)
                for (int l = lang_from; l <= lang_to && !rc; l++)
                    for (int hc = 0; hc <= (int)opt->high_contrast && !rc;
                         hc++) {
                        size_t before = json_array_size(list);
                        rc = shoot(scratch, i18n, clk, text, images, opt,
                                   screen_all[i], sizes[s], (enum ui_mode)m,
                                   (enum lang)l, hc, list, log);
                        count += json_array_size(list) > before;
                    }
    }
    if (!rc) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/screens.json", opt->dir);
        if (json_dump_file(list, path, JSON_INDENT(1))) {
            fprintf(log, "shots: cannot write %s\n", path);
            rc = ERR_IO;
        } else {
            fprintf(log, "shots: %d images and screens.json in %s\n", count,
                    opt->dir);
        }
    }
    json_decref(list);
    sdl_images_free(images);
    store_close(scratch);
    sdl_text_close(text);
    return rc;
}
