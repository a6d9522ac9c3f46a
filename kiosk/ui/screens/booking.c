/* booking.c - placeholder until the screen is written. */
#include "screen.h"

#include "app.h"

static void draw(struct screen *s, struct ui *ui, struct draw_list *dl)
{
    app_draw_frame(s->app, ui, dl, "booking");
}

const struct screen_ops screen_booking = {
    .name = "booking",
    .draw = draw,
};
