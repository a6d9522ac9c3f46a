#!/usr/bin/env bash
# linli-kiosk with peripherals: a replayed booking prints its slip as
# ESC/POS to a printer device file (here a plain file) and still books
# when the printer is missing; the touch UI (SDL's dummy video) drives a
# sysfs backlight from the config's schedule and exits cleanly on SIGTERM
# although the scanner and watchdog it was given are missing; bad values
# of the new options are refused.
# usage: test_peripherals.sh LINLI_KIOSK TESTS_DATA_DIR
set -euo pipefail
kiosk=$1
. "$(dirname "$0")/lib.sh"
replays=$(dirname "$0")/../replays
has() { LC_ALL=C grep -q -a -F -- "$2" "$1"; }

"$kiosk" --data "$tmp/d" --now "$now" --demo --dump >/dev/null

# a booking prints its slip
: >"$tmp/lp0"
if "$kiosk" --data "$tmp/d" --now "$now" --replay "$replays/book.txt" \
    --printer "$tmp/lp0" >"$tmp/out" 2>"$tmp/err"; then
    ok "replay with a printer"
else
    bad "replay with a printer: $(cat "$tmp/err")"
fi
[ -s "$tmp/lp0" ] && ok "slip printed ($(wc -c <"$tmp/lp0") bytes)" || bad "no slip"
has "$tmp/lp0" $'\x1b@' && ok "slip starts with ESC @" || bad "no ESC @"
# 曹杨 (the demo center) in GB18030, in Chinese mode
has "$tmp/lp0" $'\x1c&\xb2\xdc\xd1\xee' && ok "center name in GB18030" ||
    bad "center name not in GB18030"
has "$tmp/lp0" 'LINLI:BOOK:' && ok "slip has the booking's QR" || bad "no QR data"
has "$tmp/lp0" '138****5678' && ok "slip has the masked number" || bad "no masked number"
if has "$tmp/lp0" '13812345678'; then bad "slip has the whole number"; else ok "whole number not printed"; fi
has "$tmp/lp0" $'\x1dVA\x00' && ok "slip is cut" || bad "no cut"

# no printer: the booking still goes through, the log says why
if "$kiosk" --data "$tmp/d" --now "$now" --replay "$replays/book.txt" \
    --printer "$tmp/none/lp0" >"$tmp/out" 2>"$tmp/err"; then
    ok "replay without the printer"
else
    bad "replay without the printer failed: $(cat "$tmp/err")"
fi
grep -q 'printer: cannot open' "$tmp/err" && ok "missing printer logged" || bad "missing printer not logged"

# the touch UI drives the backlight: untouched at 10:00 (inside 07:00-
# 21:30) it is dim, 30 % of 255
bl() {
    mkdir -p "$tmp/bl"
    echo 255 >"$tmp/bl/max_brightness"
    echo 3 >"$tmp/bl/brightness"
    timeout --preserve-status -s TERM 3 "$kiosk" --data "$tmp/d" --now "$1" \
        --windowed --size 640x480 --backlight "$tmp/bl" \
        --scanner "$tmp/none/event-kbd" --watchdog "$tmp/none/watchdog" \
        2>"$tmp/err"
}
if bl "$now"; then ok "touch UI exits cleanly on SIGTERM"; else bad "touch UI exit status $?: $(cat "$tmp/err")"; fi
[ "$(cat "$tmp/bl/brightness")" = 77 ] && ok "backlight dim at 30 %" ||
    bad "backlight $(cat "$tmp/bl/brightness"), expected 77"
grep -q 'scanner: cannot open' "$tmp/err" && ok "missing scanner logged" || bad "missing scanner not logged"
grep -q 'watchdog: cannot open' "$tmp/err" && ok "missing watchdog logged" || bad "missing watchdog not logged"
bl 2026-11-23T23:00:00+08:00 || true
[ "$(cat "$tmp/bl/brightness")" = 0 ] && ok "backlight off outside the schedule" ||
    bad "backlight $(cat "$tmp/bl/brightness") at 23:00, expected 0"

for bad_opt in "--printer-baud 12x" "--watchdog-timeout 0" "--watchdog-timeout 99999"; do
    # shellcheck disable=SC2086
    if "$kiosk" --data "$tmp/d" $bad_opt --dump >/dev/null 2>&1; then
        bad "$bad_opt accepted"
    else
        ok "$bad_opt refused"
    fi
done

finish
