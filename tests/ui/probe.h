/*
 * probe.h - looking at what a ui test's screen shows: its text (wrapped
 * or not), its elements and its choices as DESIGN §6 counts them. Each
 * call draws a fresh frame first. Header-only, like fixture.h.
 */
#ifndef LINLI_UI_PROBE_H
#define LINLI_UI_PROBE_H

#include "fixture.h"

/* s without its spaces into out. */
static inline void probe_squeeze(const char *s, char *out, size_t len)
{
    size_t o = 0;
    for (; *s && o + 1 < len; s++)
        if (*s != ' ')
            out[o++] = *s;
    out[o] = '\0';
}

/* True if the screen says text, in one run or wrapped over several (a
 * wrap drops the space it breaks at, so spaces are not compared). */
static inline bool probe_shows(struct ui_fixture *f, const char *text)
{
    static char all[65536];
    char run[1024], want[1024];
    size_t n = 0;
    app_frame(&f->app);
    all[0] = '\0';
    for (size_t i = 0; i < f->app.dl.len; i++) {
        const struct draw_cmd *c = &f->app.dl.cmds[i];
        if (c->kind != DRAW_TEXT)
            continue;
        probe_squeeze(c->u.text.str, run, sizeof(run));
        n += (size_t)snprintf(all + n, sizeof(all) - n, "%s", run);
        if (n >= sizeof(all))
            fail_msg("too much text on screen");
    }
    probe_squeeze(text, want, sizeof(want));
    return strstr(all, want) != NULL;
}

/* True if the frame draws a command of this kind (DRAW_QR ...). */
static inline bool probe_draws(struct ui_fixture *f, enum draw_kind kind)
{
    app_frame(&f->app);
    for (size_t i = 0; i < f->app.dl.len; i++)
        if (f->app.dl.cmds[i].kind == kind)
            return true;
    return false;
}

/* The element with this id; fails the test if it is not shown. */
static inline const struct ui_element *probe_element(struct ui_fixture *f,
                                                     const char *id)
{
    app_frame(&f->app);
    const struct ui_element *e = ui_find(&f->app.ui, id);
    if (!e)
        fail_msg("no element '%s' on %s", id, ui_fixture_screen(f));
    return e;
}

/* Choices as DESIGN §6 counts them: not the frame, not keypad keys. */
static inline int probe_choices(struct ui_fixture *f)
{
    app_frame(&f->app);
    int n = 0;
    for (int i = 0; i < f->app.ui.n_el; i++)
        if (f->app.ui.el[i].role != ROLE_NAV &&
            f->app.ui.el[i].role != ROLE_KEY)
            n++;
    return n;
}

/* Types digits on the keypad, as a keyboard would. */
static inline void probe_type(struct ui_fixture *f, const char *digits)
{
    char script[64];
    snprintf(script, sizeof(script), "type %s\n", digits);
    ui_fixture_replay(f, script);
}

#endif
