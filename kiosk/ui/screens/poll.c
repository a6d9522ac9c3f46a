/*
 * poll.c - a 征询 poll (args.id, "" for the first active one): one single-
 * choice question at a time with its options as big cards, 上一题 / 下一题,
 * and on the last question 提交, which records every answer with its
 * outbox event. Once a visit: a poll answered in this session says so.
 * In 长辈版 a last question with six options would make seven choices
 * with 提交, so 提交 then gets a step of its own.
 */
#include "screen.h"

#include "app.h"
#include "civic.h"
#include "icons.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

struct state {
    char poll[ID_MAX + 1]; /* the poll shown; "" if none is active */
    int q;                 /* the question shown; n_questions: the
                              submit step of 长辈版 */
    unsigned char answer[MAX_QUESTIONS]; /* option index + 1; 0: none */
    bool done;                           /* just answered: thanks */
    bool failed;                         /* the last write failed */
};

/* The active poll with this id ("" the first); false if there is none. */
static bool find_poll(struct app *a, const char *id, struct poll_row *out)
{
    struct poll_row rows[4];
    int n = 0;
    for (int off = 0;; off += n) {
        if (store_polls(a->store, app_now_s(a), off, rows, 4, &n, NULL) ||
            n == 0)
            return false;
        for (int i = 0; i < n; i++)
            if (!id[0] || strcmp(rows[i].id, id) == 0) {
                *out = rows[i];
                return true;
            }
    }
}

static int enter(struct screen *s, const struct screen_args *args)
{
    struct state *st = s->state;
    struct poll_row row;
    if (find_poll(s->app, args->id, &row))
        snprintf(st->poll, sizeof(st->poll), "%s", row.id);
    return 0;
}

/* Writes the answers in question order; thanks on success. */
static void submit(struct app *a, struct state *st, int n_questions)
{
    char ids[MAX_QUESTIONS][ID_MAX + 1];
    const char *ptrs[MAX_QUESTIONS];
    struct poll_question_row q;
    for (int i = 0; i < n_questions; i++) {
        if (!st->answer[i] || store_poll_question(a->store, st->poll, i, &q) ||
            st->answer[i] > q.n_options) {
            st->q = i; /* not answered (or the poll changed): ask again */
            st->answer[i] = 0;
            return;
        }
        snprintf(ids[i], sizeof(ids[i]), "%s", q.options[st->answer[i] - 1].id);
        ptrs[i] = ids[i];
    }
    char uuid[37];
    if (store_answer_poll(a->store, st->poll, ptrs, n_questions,
                          clock_now_ms(&a->clock), uuid) != 0) {
        st->failed = true;
        return;
    }
    st->failed = false;
    st->done = true;
    app_mark_answered(a, st->poll);
}

/* The end of the flow, or why there is none: a message and the way home. */
static void draw_message(struct app *a, struct ui *ui, struct draw_list *dl,
                         uint32_t icon, const char *key)
{
    struct civic_message m = {.icon = icon,
                              .color = app_accent(a, "polls"),
                              .title = app_t(a, key),
                              .button_id = "poll.home",
                              .button = app_t(a, "nav.back_home"),
                              .button_icon = ICON_HOME};
    if (civic_message(a, ui, dl, app_body(a), &m))
        router_home(&a->router);
}

/* The options of question q as cards in area: a column where they stay
 * big enough, else two across; on a low window (side) the gaps and the
 * words shrink to the smallest the theme allows before the cards do. */
static void draw_options(struct app *a, struct state *st, struct ui *ui,
                         struct draw_list *dl, struct rect area,
                         const struct poll_question_row *q, bool side)
{
    const struct theme *th = &a->theme;
    int n = q->n_options, g = th->gap;
    int cols = a->w > a->h ? 2 : 1;
    if (cols == 1 && (area.h - (n - 1) * g) / n < th->target)
        cols = 2;
    int rows = (n + cols - 1) / cols;
    if (side && (area.h - (rows - 1) * g) / rows < th->target)
        g = th->min_gap;
    int h = (area.h - (rows - 1) * g) / rows;
    if (h > th->primary * 3 / 2)
        h = th->primary * 3 / 2;
    for (int i = 0; i < n; i++) {
        const struct poll_option_row *o = &q->options[i];
        bool on = st->answer[st->q] == i + 1;
        struct rect row = {area.x, area.y + (i / cols) * (h + g), area.w, h};
        struct button b = {
            .label = app_text(
                a, (const char *const[]){o->text[LANG_ZH], o->text[LANG_EN]}),
            .icon = on ? ICON_CHECK : 0,
            .look = LOOK_CARD,
            .selected = on,
            .label_px = side ? th->text_min : th->title,
            .role = ROLE_BUTTON};
        char id[16];
        snprintf(id, sizeof(id), "opt.%d", i);
        if (ui_button(ui, dl, id, rect_col(row, cols, g, i % cols), &b)) {
            st->answer[st->q] = (unsigned char)(i + 1);
            st->failed = false;
        }
    }
}

/* 上一题, "第 1/3 题" and 下一题 or 提交 in r. */
static void draw_nav(struct app *a, struct state *st, struct ui *ui,
                     struct draw_list *dl, struct rect r, int n_questions,
                     bool submit_here)
{
    const struct theme *th = &a->theme;
    int bw = r.w / 3;
    struct button prev = {.label = app_t(a, "polls.prev"),
                          .look = LOOK_CARD,
                          .disabled = st->q == 0,
                          .role = ROLE_NAV};
    if (ui_button(ui, dl, "poll.prev", (struct rect){r.x, r.y, bw, r.h}, &prev))
        st->q--;
    if (st->q < n_questions) {
        char n[16], total[16], text[64];
        snprintf(n, sizeof(n), "%d", st->q + 1);
        snprintf(total, sizeof(total), "%d", n_questions);
        const char *pairs[] = {"n", n, "total", total, NULL};
        app_fmt(a, "polls.question", text, sizeof(text), pairs);
        struct text_style ts = ui_style(th->body, FONT_BOLD, th->c.ink,
                                        ALIGN_CENTER, ALIGN_CENTER);
        ui_text(ui, dl,
                (struct rect){r.x + bw + th->gap, r.y, r.w - 2 * (bw + th->gap),
                              r.h},
                text, &ts, 2, 0);
    }
    bool answered = st->q >= n_questions || st->answer[st->q] != 0;
    struct rect nr = {r.x + r.w - bw, r.y, bw, r.h};
    /* not ready: a quiet card, as a grey fill would fail 长辈版 contrast */
    struct button next = {.look = answered ? LOOK_FILLED : LOOK_CARD,
                          .color =
                              answered ? app_accent(a, "polls") : th->c.ink2,
                          .disabled = !answered};
    if (submit_here) {
        next.label = app_t(a, "polls.submit");
        next.icon = ICON_CHECK;
        next.primary = true;
        next.role = ROLE_BUTTON;
        if (ui_button(ui, dl, "poll.submit", nr, &next))
            submit(a, st, n_questions);
    } else if (st->q < n_questions) {
        next.label = app_t(a, "polls.next");
        next.role = ROLE_NAV;
        if (ui_button(ui, dl, "poll.next", nr, &next))
            st->q++;
    }
}

/* The question shown (or the 长辈版 submit step) with its options and
 * the row of 上一题 / 下一题 / 提交. */
static void draw_questions(struct app *a, struct state *st, struct ui *ui,
                           struct draw_list *dl, const struct poll_row *poll)
{
    const struct theme *th = &a->theme;
    struct rect body = app_body(a);
    int nq =
        poll->n_questions < MAX_QUESTIONS ? poll->n_questions : MAX_QUESTIONS;
    if (st->q > nq)
        st->q = nq;
    struct poll_question_row q;
    bool have_q =
        st->q < nq && store_poll_question(a->store, st->poll, st->q, &q) == 0;
    /* 提交 beside the last question's options, unless that would make
     * more choices than 长辈版 allows: then on a step of its own */
    bool last = st->q == nq - 1;
    bool own_step =
        last && have_q && th->max_choices && q.n_options + 1 > th->max_choices;
    bool submit_here = (last && !own_step) || st->q == nq;

    const char *ask = have_q
                          ? app_text(a, (const char *const[]){q.text[LANG_ZH],
                                                              q.text[LANG_EN]})
                          : app_t(a, "polls.confirm");
    struct civic_prompt p = {.head = ask};
    /* the row of 上一题 / 下一题 across the bottom; the question above the
     * options, or beside them on a low window */
    int nav_h = th->primary;
    struct rect above = {body.x, body.y, body.w, body.h - nav_h - th->tile_gap};
    int cols = a->w > a->h ? 2 : 1;
    int rows = have_q ? (q.n_options + cols - 1) / cols : 1;
    bool side =
        civic_side(a, ui, above, &p, rows * (th->target + th->gap) - th->gap);
    if (side) {
        nav_h = th->target;
        above.h = body.h - nav_h - th->tile_gap;
    }
    struct rect area;
    civic_prompt(a, ui, dl, above, &p, side, &area, NULL);
    if (st->failed) {
        int h = civic_error(a, ui, dl, area) + th->gap;
        area.y += h;
        area.h -= h;
    }
    if (have_q)
        draw_options(a, st, ui, dl, area, &q, side);
    draw_nav(a, st, ui, dl,
             (struct rect){body.x, body.y + body.h - nav_h, body.w, nav_h}, nq,
             submit_here);
}

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    struct app *a = s->app;
    struct state *st = s->state;
    const char *title = app_t(a, "polls.title");
    struct poll_row poll;
    if (st->done) {
        draw_message(a, ui, dl, ICON_CHECK, "polls.thanks");
    } else if (!st->poll[0] || !find_poll(a, st->poll, &poll)) {
        draw_message(a, ui, dl, ICON_POLL, "polls.empty");
    } else if (app_has_answered(a, st->poll)) {
        draw_message(a, ui, dl, ICON_CHECK, "polls.answered");
    } else {
        draw_questions(a, st, ui, dl, &poll);
        title = app_text(
            a, (const char *const[]){poll.title[LANG_ZH], poll.title[LANG_EN]});
    }
    app_draw_frame(a, ui, dl, title);
}

const struct screen_ops screen_poll = {
    .name = "poll",
    .state_size = sizeof(struct state),
    .enter = enter,
    .draw = draw,
};
