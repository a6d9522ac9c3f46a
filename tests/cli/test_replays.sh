#!/usr/bin/env bash
# Runs every replay in tests/replays/ against the demo community with
# linli-kiosk --replay: the flows of the touch UI end to end, as a
# resident's taps (docs/replay.md).
# usage: test_replays.sh LINLI_KIOSK TESTS_DATA_DIR
set -uo pipefail
kiosk="$1"
replays="$(dirname "$2")/replays"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now=2026-11-23T10:00:00+08:00
"$kiosk" --data "$tmp" --now "$now" --demo --dump >/dev/null || exit 1
fails=0
for r in "$replays"/*.txt; do
    if "$kiosk" --data "$tmp" --now "$now" --replay "$r" >"$tmp/out" \
        2>"$tmp/err"; then
        echo "ok   $(basename "$r")"
    else
        echo "FAIL $(basename "$r"): $(grep -v '^INFO' "$tmp/err")"
        fails=$((fails + 1))
    fi
done
exit $fails
