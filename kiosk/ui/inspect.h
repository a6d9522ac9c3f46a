/*
 * inspect.h - a frame described as data: what screens.json holds.
 *
 * For the current frame of an app: the screen, mode, language, size and
 * stack depth; every interactive element (id, role, label, rect); every
 * text run with its font size, measured glyph height and its foreground
 * and background colours; every icon with its colours. The background of
 * a run is worked out from the draw list itself: the last opaque rect
 * under it, with any translucent rects drawn over that blended in. A run
 * that something drawn later covers (under a dialog) is marked covered,
 * since a resident cannot read it anyway. Tests check DESIGN.md §6 on
 * this description; --screenshot writes it next to the PNGs.
 */
#ifndef LINLI_INSPECT_H
#define LINLI_INSPECT_H

#include "draw_list.h"

#include <jansson.h>

struct app;

/* A new JSON object describing the app's last frame (app_frame() first),
 * or NULL when out of memory. */
json_t *inspect_frame(const struct app *a);

/* "#RRGGBB" */
void inspect_hex(struct rgba c, char out[8]);

#endif
