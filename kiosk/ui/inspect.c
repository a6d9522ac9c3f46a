/*
 * inspect.c - describing a frame for screens.json (inspect.h).
 */
#include "inspect.h"

#include "app.h"

#include <stdio.h>
#include <string.h>

void inspect_hex(struct rgba c, char out[8])
{
    snprintf(out, 8, "#%02X%02X%02X", c.r, c.g, c.b);
}

static json_t *rect_json(struct rect r)
{
    return json_pack("[iiii]", r.x, r.y, r.w, r.h);
}

static struct rgba blend(struct rgba under, struct rgba over)
{
    struct rgba o = under;
    o.r = (uint8_t)((over.r * over.a + under.r * (255 - over.a)) / 255);
    o.g = (uint8_t)((over.g * over.a + under.g * (255 - over.a)) / 255);
    o.b = (uint8_t)((over.b * over.a + under.b * (255 - over.a)) / 255);
    o.a = 255;
    return o;
}

/* True if fill command c paints the point (x, y). Rounded corners are
 * ignored: text never sits in them. */
static bool paints(const struct draw_cmd *c, int x, int y)
{
    return c->kind == DRAW_RECT && rect_contains(c->rect, x, y);
}

/* The colour under command i at its centre, and whether a later fill
 * covers it. */
static struct rgba background(const struct draw_list *dl, size_t i,
                              bool *covered)
{
    const struct draw_cmd *t = &dl->cmds[i];
    int x = t->rect.x + t->rect.w / 2, y = t->rect.y + t->rect.h / 2;
    size_t j = i;
    while (j > 0 && !(paints(&dl->cmds[j - 1], x, y) &&
                      dl->cmds[j - 1].color.a == 255))
        j--;
    struct rgba bg = j > 0 ? dl->cmds[j - 1].color : rgba_hex(0xFFFFFF);
    for (size_t k = j; k < i; k++)
        if (paints(&dl->cmds[k], x, y))
            bg = blend(bg, dl->cmds[k].color);
    *covered = false;
    for (size_t k = i + 1; k < dl->len; k++)
        if (paints(&dl->cmds[k], x, y))
            *covered = true;
    return bg;
}

json_t *inspect_frame(const struct app *a)
{
    const struct ui *ui = &a->ui;
    const struct draw_list *dl = &a->dl;
    const struct screen *s = &a->router.stack[a->router.depth - 1];
    json_t *o = json_object();
    json_t *els = json_array(), *texts = json_array(), *icons = json_array();
    if (!o || !els || !texts || !icons) {
        json_decref(o);
        json_decref(els);
        json_decref(texts);
        json_decref(icons);
        return NULL;
    }
    json_object_set_new(o, "screen", json_string(s->ops->name));
    json_object_set_new(o, "mode", json_string(a->session.mode == MODE_ELDER
                                                   ? "elder"
                                                   : "standard"));
    json_object_set_new(o, "theme", json_string(a->session.high_contrast
                                                    ? "high_contrast"
                                                    : "normal"));
    json_object_set_new(o, "lang", json_string(lang_code(a->session.lang)));
    json_object_set_new(o, "text_size", json_integer(a->theme.text_size));
    json_object_set_new(o, "speech", json_boolean(a->session.speech));
    json_object_set_new(o, "width", json_integer(a->w));
    json_object_set_new(o, "height", json_integer(a->h));
    json_object_set_new(o, "depth", json_integer(a->router.depth - 1));
    json_object_set_new(o, "dialog", json_boolean(a->warn_since != 0));
    for (int i = 0; i < ui->n_el; i++) {
        const struct ui_element *e = &ui->el[i];
        json_array_append_new(
            els, json_pack("{s:s, s:s, s:s, s:s, s:o, s:b, s:b, s:b, s:i}",
                           "id", e->id, "role", ui_role_name(e->role),
                           "label", e->label, "speech", e->speech, "rect",
                           rect_json(e->rect), "primary", e->primary,
                           "disabled", e->disabled, "checked", e->checked,
                           "focus", e->focus));
    }
    for (size_t i = 0; i < dl->len; i++) {
        const struct draw_cmd *c = &dl->cmds[i];
        if (c->kind != DRAW_TEXT && c->kind != DRAW_ICON)
            continue;
        bool covered;
        struct rgba bg = background(dl, i, &covered);
        char fg_hex[8], bg_hex[8];
        inspect_hex(c->color, fg_hex);
        inspect_hex(bg, bg_hex);
        double contrast = rgba_contrast(c->color, bg);
        if (c->kind == DRAW_ICON) {
            json_array_append_new(
                icons, json_pack("{s:i, s:i, s:o, s:s, s:s, s:f, s:b}",
                                 "codepoint", (int)c->u.icon.codepoint, "px",
                                 c->u.icon.px, "rect", rect_json(c->rect),
                                 "fg", fg_hex, "bg", bg_hex, "contrast",
                                 contrast, "covered", covered));
            continue;
        }
        const struct text_style *st = &c->u.text.style;
        int glyph = a->tm.ink_height(a->tm.ctx, c->u.text.str, c->u.text.len,
                                     st->px, st->weight);
        int width = a->tm.width(a->tm.ctx, c->u.text.str, c->u.text.len,
                                st->px, st->weight);
        json_array_append_new(
            texts,
            json_pack("{s:s, s:i, s:s, s:i, s:i, s:o, s:s, s:s, s:f, s:b}",
                      "text", c->u.text.str, "px", st->px, "weight",
                      st->weight == FONT_BOLD ? "bold" : "regular",
                      "glyph_px", glyph, "width_px", width, "rect",
                      rect_json(c->rect), "fg", fg_hex, "bg", bg_hex,
                      "contrast", contrast, "covered", covered));
    }
    json_object_set_new(o, "elements", els);
    json_object_set_new(o, "texts", texts);
    json_object_set_new(o, "icons", icons);
    return o;
}
