/*
 * ui.h - the immediate-mode widget context and the widgets.
 *
 * A frame is: ui_begin(), the screen's draw function calling widgets, then
 * ui_end(). The frame may carry one input event; a widget given the event
 * answers it at once (ui_button() returns true on a tap). A tap counts when
 * the pointer is released over the widget it went down on, so a finger
 * that slides off cancels rather than activates.
 *
 * Every interactive widget also records itself (id, role, label, spoken
 * label, rect) in the frame's element list, in drawing order: that list is
 * what replays tap by id, what screens.json reports and what the DESIGN §6
 * checks read, and its order is the keypad's focus order (screens draw in
 * reading order, the bars last). One element may hold the keypad focus
 * (remembered by id across frames); KEY_SELECT taps it and KEY_BACK taps
 * the back button, through the same code as a finger. Widgets allocate
 * nothing.
 */
#ifndef LINLI_UI_H
#define LINLI_UI_H

#include "draw_list.h"
#include "geom.h"
#include "input.h"
#include "text.h"
#include "theme.h"

#include <stdbool.h>
#include <stdint.h>

#define UI_MAX_ELEMENTS 96
#define UI_ID_MAX       48
#define UI_LABEL_MAX    192

enum ui_role {
    ROLE_BUTTON,   /* an action */
    ROLE_TILE,     /* a big choice on a menu screen */
    ROLE_ITEM,     /* a row of a list that opens something */
    ROLE_TOGGLE,   /* a switch with a state (长辈版, language) */
    ROLE_CHECKBOX, /* consent */
    ROLE_CHIP,     /* one of several reasons or filters */
    ROLE_TAB,
    ROLE_KEY, /* a key of the on-screen keypad (the keypad is one
                 control: its keys count as one choice) */
    ROLE_NAV, /* back, home, page up/down and the bars' switches:
                 the frame of every screen, not a choice */
};

const char *ui_role_name(enum ui_role role);

struct ui_element {
    char id[UI_ID_MAX];
    enum ui_role role;
    char label[UI_LABEL_MAX];
    /* what speech says for it: the visible text unless the widget gives
     * words for an icon ("上一页" for ▲) */
    char speech[UI_LABEL_MAX];
    int focus; /* its place in the keypad's focus order, 0 first */
    struct rect rect;
    bool primary; /* the screen's main action (taller in 长辈版) */
    bool disabled;
    bool checked; /* toggles, checkboxes, chips, tabs */
};

struct ui {
    const struct theme *th;
    const struct text_metrics *tm;
    int w, h; /* the window */
    /* this frame */
    const struct input_event *ev; /* NULL: a redraw only */
    bool blocked;                 /* widgets ignore input (under a dialog) */
    bool taken;                   /* a widget answered ev */
    struct ui_element el[UI_MAX_ELEMENTS];
    int n_el;
    bool el_overflow;
    struct ui_element spare; /* ui_last() when the list is full */
    uint32_t activate;       /* hash of the id a key taps this frame, 0 none */
    /* across frames */
    uint32_t active; /* hash of the id pressed, 0 none */
    int ptr_x, ptr_y;
    bool ptr_down;
    uint32_t focus;      /* hash of the focused id, 0 none */
    int focus_at;        /* its index when last seen, -1 none */
    const char *back_id; /* the element KEY_BACK taps (may be NULL) */
};

void ui_init(struct ui *ui, const struct theme *th,
             const struct text_metrics *tm, int w, int h);
/* Starts a frame with ev (may be NULL); clears the element list. */
void ui_begin(struct ui *ui, const struct input_event *ev);
/* Ends it: a release ends any press. */
void ui_end(struct ui *ui);
/* Forgets a press in progress (on a screen change mid-gesture). */
void ui_cancel_press(struct ui *ui);

/* The element with this id in the last frame, or NULL. */
const struct ui_element *ui_find(const struct ui *ui, const char *id);

/* ---- keypad focus ---------------------------------------------------- */

/* Moves the focus delta places through the last frame's elements,
 * wrapping round; from no focus, down starts at the first and up at the
 * last. Returns the focused element, or NULL when there is none. */
const struct ui_element *ui_focus_move(struct ui *ui, int delta);
/* The focused element in the last frame, or NULL. */
const struct ui_element *ui_focused(const struct ui *ui);
/* Drops the focus (a touch, a new screen). */
void ui_focus_clear(struct ui *ui);
/* Draws the focus ring round the focused element: the theme's focus
 * colour between two ink lines, so it stands out (>= 3:1) on paper, on
 * cards and on coloured buttons alike. Call it last in a frame. */
void ui_focus_ring(struct ui *ui, struct draw_list *dl);

/*
 * The tap logic behind every widget, for custom ones: records the element
 * and answers the frame's event. Returns true on a completed tap; *pressed
 * (may be NULL) tells whether to draw the pressed look.
 */
bool ui_hit(struct ui *ui, const char *id, enum ui_role role, const char *label,
            struct rect r, bool *pressed);
/* The last recorded element, to set primary/checked/disabled on it. */
struct ui_element *ui_last(struct ui *ui);
/* Gives the last recorded element words for speech (an icon's meaning). */
void ui_speak_as(struct ui *ui, const char *speech);

/* ---- text ------------------------------------------------------------ */

struct text_style ui_style(int px, enum font_weight w, struct rgba color,
                           enum align halign, enum align valign);

/*
 * Draws s wrapped in r.w, at most max_lines lines, placed in r by the
 * style's alignment. Never cuts a word off: if it does not fit in
 * max_lines or in r.h (when r.h > 0) it shrinks a step at a time down to
 * min_px (0: the theme's smallest text), and only then drops what is
 * left. Returns the height the text takes.
 */
int ui_text(struct ui *ui, struct draw_list *dl, struct rect r, const char *s,
            const struct text_style *st, int max_lines, int min_px);
/* The height ui_text() would take, without drawing. */
int ui_text_height(struct ui *ui, int w, const char *s, int px,
                   enum font_weight wt, int max_lines);

/* ---- widgets --------------------------------------------------------- */

enum button_look {
    LOOK_FILLED, /* colour fill, white text: primary actions, tiles */
    LOOK_CARD,   /* white card, ink text, a thin border */
    LOOK_BAR,    /* white on the slate bars */
};

struct button {
    const char *label; /* required */
    const char *sub;   /* a second, smaller line; may be NULL */
    uint32_t icon;     /* Material Icons code point, 0 for none */
    enum button_look look;
    struct rgba color; /* fill for LOOK_FILLED, icon for LOOK_CARD */
    bool stack;        /* icon above the label, centred (tiles) */
    bool primary, selected, disabled;
    int label_px, sub_px; /* 0: the theme's body and smallest sizes */
    enum ui_role role;
    const char *speech; /* spoken label; NULL: label and sub */
};

/* A button in r; true when tapped (never when disabled). */
bool ui_button(struct ui *ui, struct draw_list *dl, const char *id,
               struct rect r, const struct button *b);

/* A tick box with its label to the right; toggles *checked on a tap and
 * returns true then. */
bool ui_checkbox(struct ui *ui, struct draw_list *dl, const char *id,
                 struct rect r, const char *label, bool *checked);

/* A row of n tabs; returns the tapped index or -1. */
int ui_tabs(struct ui *ui, struct draw_list *dl, const char *id, struct rect r,
            const char *const *labels, int n, int selected);

/*
 * The page buttons (▲ ▼) and "第 2/5 页" in r; said[] is what speech
 * says for ▲ and ▼ ("上一页", "下一页"). page is 0-based; returns
 * -1 or +1 when a button is tapped, 0 otherwise. Buttons at the ends are
 * disabled, never hidden, so nothing moves under a finger.
 */
int ui_pager(struct ui *ui, struct draw_list *dl, const char *id, struct rect r,
             int page, int pages, const char *page_text,
             const char *const said[2]);

/* Pages of n items at per_page a page (at least 1); clamps *page into
 * them. */
int ui_pages(int n, int per_page, int *page);
void ui_page_clamp(int *page, int pages);
/* How many rows of row_h with gap between fit in h (at least 1). */
int ui_fit(int h, int row_h, int gap);

/*
 * A numeric keypad (1-9, 删除, 0, 清空) in r editing the digits in buf
 * (capacity cap, at most max_digits). Keys 删除/清空 use the given labels.
 * Returns true if buf changed. Keyboard digit events edit it too.
 */
bool ui_keypad(struct ui *ui, struct draw_list *dl, const char *id,
               struct rect r, char *buf, size_t cap, int max_digits,
               const char *del_label, const char *clear_label);

/* A banner: a coloured stripe, an icon and one or two lines of text. */
void ui_banner(struct ui *ui, struct draw_list *dl, struct rect r,
               uint32_t icon, struct rgba accent, const char *text);

struct qr;
/* A QR code on a white card with a caption under it (may be NULL). */
void ui_qr(struct ui *ui, struct draw_list *dl, struct rect r,
           const struct qr *qr, const char *caption);

/* A dialog card centred on a scrim over the whole window; returns the card
 * rect to draw the content in. Call it after the screen so it is on top,
 * with ui->blocked cleared for the dialog's own buttons. */
struct rect ui_dialog(struct ui *ui, struct draw_list *dl, int w, int h);

#endif
