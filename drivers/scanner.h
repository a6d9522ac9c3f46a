/*
 * scanner.h - a QR/barcode scanner: a keyboard-wedge HID device read
 * through evdev, or a serial scanner that sends a line per scan.
 *
 * The decoders are pure: scan_keys_feed() takes evdev key events (US
 * layout, shift tracked, Enter ends a scan) and scan_line_feed() bytes
 * (CR or LF ends a scan). The Linux scanner grabs its evdev device
 * (EVIOCGRAB) so its keys never reach the UI as typing. A scan longer
 * than SCAN_MAX - 1 bytes is dropped whole, never cut.
 */
#ifndef LINLI_SCANNER_H
#define LINLI_SCANNER_H

#include <stdbool.h>
#include <stddef.h>

#define SCAN_MAX 128

struct scan_keys {
    bool shift_l, shift_r;
    char text[SCAN_MAX];
    size_t len;
    bool overflow;
};

/* Feeds one evdev event (type, code, value). True when Enter ended a
 * non-empty scan: its text is copied to out (n bytes with the NUL). */
bool scan_keys_feed(struct scan_keys *k, unsigned type, unsigned code,
                    int value, char *out, size_t n);

struct scan_line {
    char text[SCAN_MAX];
    size_t len;
    bool overflow;
};

/* Feeds one byte from a serial scanner; true when CR or LF ended a
 * non-empty line. Control bytes other than CR/LF are ignored. */
bool scan_line_feed(struct scan_line *l, char c, char *out, size_t n);

struct scanner_ops {
    /* Waits up to timeout_ms for a scan: 1 and its text in out, 0 none,
     * -errno (-ENODEV: unplugged). */
    int (*read)(void *ctx, char *out, size_t n, int timeout_ms);
    void (*close)(void *ctx);
};

struct scanner {
    const struct scanner_ops *ops;
    void *ctx;
    bool grabbed; /* evdev: its keys are ours alone */
};

#define SCANNER_BAUD_DEFAULT 9600

/* Opens spec: an evdev device ("/dev/input/by-id/...-event-kbd") or
 * "serial:/dev/ttyACM0" (raw, baud). 0 or -errno with a message in err.
 * A device that cannot be grabbed is still used (grabbed false). */
int scanner_open(const char *spec, int baud, struct scanner *out, char *err,
                 size_t errlen);
void scanner_close(struct scanner *s);

#endif
