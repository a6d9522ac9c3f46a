#!/usr/bin/env bash
# The UI benchmark (DESIGN §8), on a Release build:
#   - linli-kiosk --bench: startup to first frame, per-screen p50/p99
#     frame times at 1920x1080 (software renderer), peak RSS;
#   - the same home screen's first frame in headless Chromium, if it is
#     installed (apt-get install chromium), against linli-kiosk drawing
#     it headless: wall time of the whole process and peak RSS of each.
#   bash tests/bench/ui.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j"$(nproc)" --target linli-kiosk >/dev/null
kiosk=./build-bench/kiosk/linli-kiosk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$kiosk" --data "$tmp/data" --demo --dump >/dev/null

echo "== linli-kiosk --bench"
"$kiosk" --data "$tmp/data" --bench 2>/dev/null

# wall ms and max RSS KiB of one command, as "ms kib"
measure() {
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$tmp/rss" "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $(cat "$tmp/rss")"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== first frame of the home screen, whole process, median of $runs"
for i in $(seq "$runs"); do
    measure "$kiosk" --data "$tmp/data" --screenshot "$tmp/k" --screen home \
        --size 1920x1080 --mode standard --lang zh
done >"$tmp/kiosk.txt"
k_ms=$(cut -d' ' -f1 "$tmp/kiosk.txt" | median)
k_kib=$(cut -d' ' -f2 "$tmp/kiosk.txt" | median)
echo "linli-kiosk: ${k_ms} ms, peak RSS ${k_kib} KiB"

if ! command -v chromium >/dev/null; then
    echo "chromium: not installed (apt-get install chromium), skipped"
    exit 0
fi
page="file://$(pwd)/tests/bench/chromium/home.html"
for i in $(seq "$runs"); do
    measure chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --user-data-dir="$tmp/chr$i" \
        --window-size=1920,1080 --screenshot="$tmp/chromium.png" "$page"
done >"$tmp/chromium.txt"
c_ms=$(cut -d' ' -f1 "$tmp/chromium.txt" | median)
c_kib=$(cut -d' ' -f2 "$tmp/chromium.txt" | median)
echo "chromium: ${c_ms} ms, peak RSS of its largest process ${c_kib} KiB"
echo "ratio: $(awk "BEGIN {printf \"%.1f\", $c_ms / $k_ms}")x faster, RSS $(awk "BEGIN {printf \"%.1f\", $c_kib / $k_kib}")x smaller"
