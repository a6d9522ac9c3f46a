/*
 * scanner.c - scan decoders (scanner.h): evdev keys and serial lines.
 */
#include "scanner.h"

#include <linux/input-event-codes.h>
#include <string.h>

/* US layout: the character of a key without and with shift. */
struct keychar {
    char plain, shifted;
};

static const struct keychar keymap[] = {
    [KEY_1] = {'1', '!'},           [KEY_2] = {'2', '@'},
    [KEY_3] = {'3', '#'},           [KEY_4] = {'4', '$'},
    [KEY_5] = {'5', '%'},           [KEY_6] = {'6', '^'},
    [KEY_7] = {'7', '&'},           [KEY_8] = {'8', '*'},
    [KEY_9] = {'9', '('},           [KEY_0] = {'0', ')'},
    [KEY_MINUS] = {'-', '_'},       [KEY_EQUAL] = {'=', '+'},
    [KEY_Q] = {'q', 'Q'},           [KEY_W] = {'w', 'W'},
    [KEY_E] = {'e', 'E'},           [KEY_R] = {'r', 'R'},
    [KEY_T] = {'t', 'T'},           [KEY_Y] = {'y', 'Y'},
    [KEY_U] = {'u', 'U'},           [KEY_I] = {'i', 'I'},
    [KEY_O] = {'o', 'O'},           [KEY_P] = {'p', 'P'},
    [KEY_LEFTBRACE] = {'[', '{'},   [KEY_RIGHTBRACE] = {']', '}'},
    [KEY_A] = {'a', 'A'},           [KEY_S] = {'s', 'S'},
    [KEY_D] = {'d', 'D'},           [KEY_F] = {'f', 'F'},
    [KEY_G] = {'g', 'G'},           [KEY_H] = {'h', 'H'},
    [KEY_J] = {'j', 'J'},           [KEY_K] = {'k', 'K'},
    [KEY_L] = {'l', 'L'},           [KEY_SEMICOLON] = {';', ':'},
    [KEY_APOSTROPHE] = {'\'', '"'}, [KEY_GRAVE] = {'`', '~'},
    [KEY_BACKSLASH] = {'\\', '|'},  [KEY_Z] = {'z', 'Z'},
    [KEY_X] = {'x', 'X'},           [KEY_C] = {'c', 'C'},
    [KEY_V] = {'v', 'V'},           [KEY_B] = {'b', 'B'},
    [KEY_N] = {'n', 'N'},           [KEY_M] = {'m', 'M'},
    [KEY_COMMA] = {',', '<'},       [KEY_DOT] = {'.', '>'},
    [KEY_SLASH] = {'/', '?'},       [KEY_KPASTERISK] = {'*', '*'},
    [KEY_SPACE] = {' ', ' '},       [KEY_KP7] = {'7', '7'},
    [KEY_KP8] = {'8', '8'},         [KEY_KP9] = {'9', '9'},
    [KEY_KPMINUS] = {'-', '-'},     [KEY_KP4] = {'4', '4'},
    [KEY_KP5] = {'5', '5'},         [KEY_KP6] = {'6', '6'},
    [KEY_KPPLUS] = {'+', '+'},      [KEY_KP1] = {'1', '1'},
    [KEY_KP2] = {'2', '2'},         [KEY_KP3] = {'3', '3'},
    [KEY_KP0] = {'0', '0'},         [KEY_KPDOT] = {'.', '.'},
    [KEY_KPSLASH] = {'/', '/'},
};

/* Ends a scan: true and the text in out unless it was empty or too long. */
static bool finish(char *text, size_t *len, bool *overflow, char *out, size_t n)
{
    bool ok = *len > 0 && !*overflow && *len < n;
    if (ok) {
        memcpy(out, text, *len);
        out[*len] = '\0';
    }
    *len = 0;
    *overflow = false;
    return ok;
}

static void add(char *text, size_t *len, bool *overflow, char c)
{
    if (*len + 1 >= SCAN_MAX)
        *overflow = true;
    else
        text[(*len)++] = c;
}

bool scan_keys_feed(struct scan_keys *k, unsigned type, unsigned code,
                    int value, char *out, size_t n)
{
    if (type != EV_KEY)
        return false;
    if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
        bool *s = code == KEY_LEFTSHIFT ? &k->shift_l : &k->shift_r;
        *s = value != 0;
        return false;
    }
    if (value != 1)
        return false; /* releases and autorepeat */
    if (code == KEY_ENTER || code == KEY_KPENTER)
        return finish(k->text, &k->len, &k->overflow, out, n);
    if (code < sizeof(keymap) / sizeof(keymap[0]) && keymap[code].plain) {
        bool shift = k->shift_l || k->shift_r;
        add(k->text, &k->len, &k->overflow,
            shift ? keymap[code].shifted : keymap[code].plain);
    }
    return false;
}

bool scan_line_feed(struct scan_line *l, char c, char *out, size_t n)
{
    if (c == '\r' || c == '\n')
        return finish(l->text, &l->len, &l->overflow, out, n);
    if ((unsigned char)c >= 0x20 && c != 0x7F)
        add(l->text, &l->len, &l->overflow, c);
    return false;
}

void scanner_close(struct scanner *s)
{
    if (s->ops && s->ops->close)
        s->ops->close(s->ctx);
    s->ops = NULL;
    s->ctx = NULL;
}
