/*
 * theme.c - the numbers of VISUAL.md and DESIGN.md §6 (theme.h).
 */
#include "theme.h"

#include <math.h>
#include <string.h>

static const struct palette warm = {
    .paper = {0xF6, 0xF4, 0xEF, 255},
    .card = {0xFF, 0xFF, 0xFF, 255},
    .line = {0xC9, 0xC4, 0xB8, 255},
    .ink = {0x1A, 0x1A, 0x1A, 255},
    .ink2 = {0x4A, 0x4A, 0x4A, 255},
    .on_color = {0xFF, 0xFF, 0xFF, 255},
    .red = {0xA3, 0x1B, 0x1B, 255},
    .blue = {0x0B, 0x4F, 0x8A, 255},
    .green = {0x1B, 0x5E, 0x20, 255},
    .teal = {0x00, 0x57, 0x4B, 255},
    .brown = {0x7A, 0x3E, 0x00, 255},
    .purple = {0x5B, 0x2A, 0x86, 255},
    .slate = {0x37, 0x47, 0x4F, 255},
    .grey = {0x55, 0x55, 0x55, 255}, /* white on it 7.5:1 */
    .focus = {0xFF, 0xB3, 0x00, 255},
    .scrim = {0x00, 0x00, 0x00, 160},
};

/* Black on white; every action black with white text. */
static const struct palette high = {
    .paper = {0xFF, 0xFF, 0xFF, 255},
    .card = {0xFF, 0xFF, 0xFF, 255},
    .line = {0x00, 0x00, 0x00, 255},
    .ink = {0x00, 0x00, 0x00, 255},
    .ink2 = {0x00, 0x00, 0x00, 255},
    .on_color = {0xFF, 0xFF, 0xFF, 255},
    .red = {0x00, 0x00, 0x00, 255},
    .blue = {0x00, 0x00, 0x00, 255},
    .green = {0x00, 0x00, 0x00, 255},
    .teal = {0x00, 0x00, 0x00, 255},
    .brown = {0x00, 0x00, 0x00, 255},
    .purple = {0x00, 0x00, 0x00, 255},
    .slate = {0x00, 0x00, 0x00, 255},
    .grey = {0x3A, 0x3A, 0x3A, 255},
    .focus = {0xFF, 0xB3, 0x00, 255},
    .scrim = {0x00, 0x00, 0x00, 200},
};

void theme_make(struct theme *t, enum ui_mode mode, bool high_contrast,
                double mm_per_px)
{
    memset(t, 0, sizeof(*t));
    t->mode = mode;
    t->high_contrast = high_contrast;
    t->c = high_contrast ? high : warm;
    if (mode == MODE_ELDER) {
        *t = (struct theme){
            .mode = mode, .high_contrast = high_contrast, .c = t->c,
            .text_min = 44, .body = 48, .title = 60, .tile = 64,
            .tile_sub = 44, .big = 72,
            .target = 96, .primary = 112, .gap = 24, .tile_gap = 32,
            .margin = 40, .radius = 24, .header_h = 120, .footer_h = 120,
            .max_choices = 6, .icon = 120,
            .min_target = 65, .min_gap = 16, .min_glyph = 30,
            .min_contrast = 7.0,
        };
    } else {
        *t = (struct theme){
            .mode = mode, .high_contrast = high_contrast, .c = t->c,
            .text_min = 28, .body = 32, .title = 44, .tile = 48,
            .tile_sub = 30, .big = 60,
            .target = 72, .primary = 88, .gap = 16, .tile_gap = 24,
            .margin = 40, .radius = 24, .header_h = 112, .footer_h = 104,
            .max_choices = 0, .icon = 104,
            .min_target = 47, .min_gap = 8, .min_glyph = 20,
            .min_contrast = 4.5,
        };
    }
    t->text_size = 1;
    /* Millimetres are what matter: on a finer panel every length grows. */
    double k = mm_per_px > 0 ? 0.248 / mm_per_px : 1.0;
    if (k > 0.99 && k < 1.01)
        return;
    int *lengths[] = {&t->text_min, &t->body, &t->title, &t->tile,
                      &t->tile_sub, &t->big, &t->target, &t->primary,
                      &t->gap, &t->tile_gap, &t->margin, &t->radius,
                      &t->header_h, &t->footer_h, &t->icon, &t->min_target,
                      &t->min_gap, &t->min_glyph};
    for (size_t i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++)
        *lengths[i] = (int)lround(*lengths[i] * k);
}

void theme_text_size(struct theme *t, int step)
{
    static const int pct[THEME_TEXT_SIZES] = {100, 115, 130};
    if (t->mode != MODE_STANDARD || step < 1 || step > THEME_TEXT_SIZES)
        return;
    t->text_size = step;
    /* text, and what must hold a line of it, grow together; gaps,
     * margins and the bottom bar stay (its labels take the smallest
     * size, app.c), so more of the screen goes to the words */
    int *lengths[] = {&t->text_min, &t->body,    &t->title,
                      &t->tile,     &t->tile_sub, &t->big,
                      &t->target,   &t->primary, &t->header_h,
                      &t->icon};
    for (size_t i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++)
        *lengths[i] = *lengths[i] * pct[step - 1] / 100;
}

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct rgba c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
           0.0722 * channel(c.b);
}

double rgba_contrast(struct rgba a, struct rgba b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

struct rgba rgba_darken(struct rgba c, int pct)
{
    c.r = (uint8_t)(c.r * (100 - pct) / 100);
    c.g = (uint8_t)(c.g * (100 - pct) / 100);
    c.b = (uint8_t)(c.b * (100 - pct) / 100);
    return c;
}
