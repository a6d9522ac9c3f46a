/*
 * input.h - what the ui is told happened: pointer, keys and scans.
 *
 * The platform turns SDL's mouse and finger events into pointer events in
 * window pixels (one pointer: a second finger is ignored, so a palm cannot
 * confuse an elder's tap), keys into the few keys the kiosk knows, and a
 * scanner's line into one scan event. Replays and tests make the same
 * events by hand.
 */
#ifndef LINLI_INPUT_H
#define LINLI_INPUT_H

#include <stdint.h>

enum input_kind {
    INPUT_NONE,
    INPUT_DOWN, /* pointer pressed at (x, y) */
    INPUT_MOVE, /* pointer moved while pressed */
    INPUT_UP,   /* pointer released at (x, y) */
    INPUT_KEY,  /* a key of enum input_key */
    INPUT_SCAN, /* a scanner read text */
};

enum input_key {
    KEY_NONE,
    KEY_UP,
    KEY_DOWN,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_SELECT, /* Enter */
    KEY_BACK,   /* Escape */
    KEY_SPEECH, /* repeat / start speech */
    KEY_DIGIT0, /* KEY_DIGIT0 + n for digit n */
    KEY_BACKSPACE = KEY_DIGIT0 + 10,
};

#define INPUT_SCAN_MAX 128

struct input_event {
    enum input_kind kind;
    int x, y;          /* pointer events */
    enum input_key key; /* INPUT_KEY */
    char text[INPUT_SCAN_MAX]; /* INPUT_SCAN, NUL-terminated */
};

static inline struct input_event input_pointer(enum input_kind kind, int x,
                                               int y)
{
    struct input_event ev = {.kind = kind, .x = x, .y = y};
    return ev;
}

static inline struct input_event input_key(enum input_key key)
{
    struct input_event ev = {.kind = INPUT_KEY, .key = key};
    return ev;
}

#endif
