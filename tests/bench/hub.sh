#!/usr/bin/env bash
# The hub's benchmark (DESIGN §8), on a Release build:
#   - the 304 path: a demo hub on loopback, wrk with the kiosk's token and
#     the current ETag (If-None-Match), requests per second;
#   - the rebuild path: building and gzipping the bundle of a directory of
#     SERVICES services (bench_hub).
#   bash tests/bench/hub.sh [SECONDS] [SERVICES]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-10}"
services="${2:-10000}"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j"$(nproc)" --target linli-hub bench_hub >/dev/null
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install wrk)"; exit 1; }

tmp=$(mktemp -d)
hub_pid=""
cleanup() {
    if [ -n "$hub_pid" ]; then kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
./build-bench/hub/linli-hub --demo --listen 127.0.0.1:0 --db "$tmp/hub.sqlite" \
    >"$tmp/out" 2>"$tmp/err" &
hub_pid=$!
for _ in $(seq 100); do
    [ -s "$tmp/out" ] && break
    sleep 0.1
done
line=$(head -n1 "$tmp/out")
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" <<<"$line"; }
url=$(field url)
token=$(field kiosk_token)
etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" \
    "$url/api/v1/bundle" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H "If-None-Match: $etag" "$url/api/v1/bundle")
[ "$code" = 304 ] || { echo "expected 304, got $code"; exit 1; }

echo "== 304 path: wrk -t2 -c64 -d${secs}s on $(nproc) cores"
wrk -t2 -c64 -d"${secs}s" -H "Authorization: Bearer $token" \
    -H "If-None-Match: $etag" "$url/api/v1/bundle" | tee "$tmp/wrk"
rps=$(sed -n 's/^Requests\/sec: *//p' "$tmp/wrk")
echo "{\"path\": \"304\", \"requests_per_s\": $rps}"

echo "== rebuild path: $services services"
./build-bench/tests/bench_hub assets "$services" 5
