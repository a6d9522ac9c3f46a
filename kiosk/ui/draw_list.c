/*
 * draw_list.c - recording draw commands into fixed storage (draw_list.h).
 *
 * Invariant: len + clip_depth <= cap, i.e. every open push has a slot kept
 * for its pop. Non-clip commands and pushes check it before recording;
 * pops then always fit.
 */
#include "draw_list.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void draw_list_init(struct draw_list *dl, size_t max_cmds, size_t text_bytes)
{
    memset(dl, 0, sizeof(*dl));
    dl->cmds = xcalloc(max_cmds, sizeof(*dl->cmds));
    dl->cap = max_cmds;
    dl->text = xmalloc(text_bytes);
    dl->text_cap = text_bytes;
}

void draw_list_release(struct draw_list *dl)
{
    free(dl->cmds);
    free(dl->text);
    memset(dl, 0, sizeof(*dl));
}

void draw_list_clear(struct draw_list *dl)
{
    dl->len = 0;
    dl->text_len = 0;
    dl->clip_depth = 0;
    dl->clip_dropped = 0;
    dl->overflowed = false;
    dl->unbalanced = false;
}

/* A slot for one more command that leaves the reserve for open pops
 * (extra = 1 more for a push, whose own pop joins the reserve); NULL and
 * the overflow flag if there is none. */
static struct draw_cmd *cmd_new(struct draw_list *dl, enum draw_kind kind,
                                struct rect r, size_t extra)
{
    if (dl->len + (size_t)dl->clip_depth + 1 + extra > dl->cap) {
        dl->overflowed = true;
        return NULL;
    }
    struct draw_cmd *c = &dl->cmds[dl->len++];
    memset(c, 0, sizeof(*c));
    c->kind = kind;
    c->rect = r;
    return c;
}

void draw_list_rect(struct draw_list *dl, struct rect r, struct rgba color,
                    int radius)
{
    struct draw_cmd *c = cmd_new(dl, DRAW_RECT, r, 0);
    if (!c)
        return;
    c->color = color;
    c->u.fill.radius = radius > 0 ? radius : 0;
}

void draw_list_outline(struct draw_list *dl, struct rect r, struct rgba color,
                       int width, int radius)
{
    struct draw_cmd *c = cmd_new(dl, DRAW_OUTLINE, r, 0);
    if (!c)
        return;
    c->color = color;
    c->u.outline.width = width > 0 ? width : 0;
    c->u.outline.radius = radius > 0 ? radius : 0;
}

void draw_list_text(struct draw_list *dl, struct rect r, const char *text,
                    const struct text_style *style)
{
    if (!text)
        text = "";
    size_t n = strlen(text);
    /* Check the arena first so a dropped run leaves no slot behind. */
    if (n >= dl->text_cap - dl->text_len ||
        dl->len + (size_t)dl->clip_depth + 1 > dl->cap) {
        dl->overflowed = true;
        return;
    }
    struct draw_cmd *c = cmd_new(dl, DRAW_TEXT, r, 0);
    char *dst = dl->text + dl->text_len;
    memcpy(dst, text, n);
    dst[n] = '\0';
    dl->text_len += n + 1;
    c->color = style->color;
    c->u.text.str = dst;
    c->u.text.len = n;
    c->u.text.style = *style;
}

void draw_list_icon(struct draw_list *dl, struct rect r, uint32_t codepoint,
                    int px, struct rgba color)
{
    struct draw_cmd *c = cmd_new(dl, DRAW_ICON, r, 0);
    if (!c)
        return;
    c->color = color;
    c->u.icon.codepoint = codepoint;
    c->u.icon.px = px;
}

void draw_list_qr(struct draw_list *dl, struct rect r, const struct qr *qr,
                  struct rgba dark, struct rgba light)
{
    if (!qr)
        return;
    struct draw_cmd *c = cmd_new(dl, DRAW_QR, r, 0);
    if (!c)
        return;
    c->color = dark;
    c->u.qr.qr = qr;
    c->u.qr.light = light;
}

void draw_list_image(struct draw_list *dl, struct rect r, const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 32 ||
        strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != n)
        return;
    if (n >= dl->text_cap - dl->text_len ||
        dl->len + (size_t)dl->clip_depth + 1 > dl->cap) {
        dl->overflowed = true;
        return;
    }
    struct draw_cmd *c = cmd_new(dl, DRAW_IMAGE, r, 0);
    char *dst = dl->text + dl->text_len;
    memcpy(dst, name, n + 1);
    dl->text_len += n + 1;
    c->u.image.name = dst;
}

void draw_list_push_clip(struct draw_list *dl, struct rect r)
{
    /* While a dropped push is open, pushes inside it are dropped too, so
     * the dropped ones are always the innermost and their pops come first. */
    if (dl->clip_dropped > 0 || dl->clip_depth == DRAW_CLIP_MAX) {
        dl->overflowed = true;
        dl->clip_dropped++;
        return;
    }
    if (dl->clip_depth > 0)
        r = rect_intersect(r, dl->clips[dl->clip_depth - 1]);
    struct draw_cmd *c = cmd_new(dl, DRAW_CLIP_PUSH, r, 1);
    if (!c) {
        dl->clip_dropped++;
        return;
    }
    dl->clips[dl->clip_depth++] = r;
    c->u.clip.depth = dl->clip_depth;
}

void draw_list_pop_clip(struct draw_list *dl)
{
    if (dl->clip_dropped > 0) {
        dl->clip_dropped--;
        return;
    }
    if (dl->clip_depth == 0) {
        dl->unbalanced = true;
        return;
    }
    dl->clip_depth--;
    /* The reserve guarantees this slot. */
    struct draw_cmd *c = &dl->cmds[dl->len++];
    memset(c, 0, sizeof(*c));
    c->kind = DRAW_CLIP_POP;
    if (dl->clip_depth > 0)
        c->rect = dl->clips[dl->clip_depth - 1];
    c->u.clip.depth = dl->clip_depth;
}

static bool is_text_with(const struct draw_cmd *c, const char *needle)
{
    return c->kind == DRAW_TEXT && strstr(c->u.text.str, needle);
}

const struct draw_cmd *draw_list_find_text(const struct draw_list *dl,
                                           const char *needle)
{
    for (size_t i = 0; i < dl->len; i++)
        if (is_text_with(&dl->cmds[i], needle))
            return &dl->cmds[i];
    return NULL;
}

size_t draw_list_count_text(const struct draw_list *dl, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->len; i++)
        n += is_text_with(&dl->cmds[i], needle);
    return n;
}

size_t draw_list_count_kind(const struct draw_list *dl, enum draw_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->len; i++)
        n += dl->cmds[i].kind == kind;
    return n;
}
