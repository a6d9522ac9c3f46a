# Helpers shared by the end-to-end sync tests (sourced). They expect
# $kiosk (linli-kiosk), $tmp (a scratch folder), $url, $kid and a token in
# $tmp/token; the kiosk's data is $tmp/k.
fail() {
    echo "FAIL: $*"
    exit 1
}
ok() { echo "ok   $* (${SECONDS}s)"; }
k() { timeout 120 "$kiosk" --data "$tmp/k" "$@"; }
sync_once() {
    k --hub "$url" --kiosk-id "$kid" --token-file "$tmp/token" --sync-once
}
# The same in the background, the kiosk itself (not a subshell) so that
# kill -9 $! hits it.
sync_bg() {
    "$kiosk" --data "$tmp/k" --hub "$url" --kiosk-id "$kid" \
        --token-file "$tmp/token" --sync-once >/dev/null 2>&1 &
}
# The texts of a screen (default: staff) as the kiosk shows it, one a line.
screen_texts() {
    rm -rf "$tmp/shots"
    k --hub "$url" --kiosk-id "$kid" --token-file "$tmp/token" \
        --screenshot "$tmp/shots" --screen "${1:-staff}" --size 1920x1080 \
        --mode standard --lang zh 2>/dev/null || fail "screenshot failed"
    python3 -c 'import json,sys
for s in json.load(open(sys.argv[1])):
    for t in s["texts"]: print(t["text"])' "$tmp/shots/screens.json"
}
sql() { sqlite3 "$tmp/k/cache.sqlite" "$1"; }
dump_field() {
    k --dump | python3 -c 'import json,sys
print(json.load(sys.stdin).get(sys.argv[1]))' "$1"
}
