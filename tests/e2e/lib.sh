# Helpers shared by the end-to-end sync tests (sourced). They expect
# $kiosk (linli-kiosk), $tmp (a scratch folder), $url, $kid and a token in
# $tmp/token; the kiosk's data is $tmp/k. The hub in $hub_pid is killed
# and $tmp removed on exit.
cleanup() {
    [ -n "$hub_pid" ] && kill -9 "$hub_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
stop_hub() {
    kill -9 "$hub_pid" 2>/dev/null
    wait "$hub_pid" 2>/dev/null
    hub_pid=""
}
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

# 24 rounds, each: a rating made through the UI ($replays/rate.txt), the
# caller's change_bundle ROUND (so the round fetches and applies), a sync
# started, and after a varied delay kill -9 of the kiosk (even rounds) or
# of the hub (odd ones; restarted with the caller's start_hub/stop_hub).
# The cache must pass integrity_check after each; then syncs until one
# succeeds and checks the outbox is empty. Sets $made (ratings made).
kill_rounds() {
    made=0
    for i in $(seq 1 24); do
        k --replay "$replays/rate.txt" --live >/dev/null 2>&1 ||
            fail "replay $i"
        made=$((made + 1))
        change_bundle "$i"
        sync_bg
        local kpid=$!
        sleep "$(printf '0.%03d' $(((i * 37) % 400)))"
        if [ $((i % 2)) = 0 ]; then
            kill -9 "$kpid" 2>/dev/null
            wait "$kpid" 2>/dev/null
        else
            stop_hub
            wait "$kpid" 2>/dev/null
            start_hub
        fi
        [ "$(sql 'PRAGMA integrity_check')" = ok ] ||
            fail "cache corrupt after kill $i"
    done
    for _ in 1 2 3; do sync_once >/dev/null 2>&1 && break; done
    sync_once || fail "sync after the kills"
    [ "$(sql 'PRAGMA integrity_check')" = ok ] || fail "cache corrupt"
    [ "$(sql 'SELECT count(*) FROM outbox')" = 0 ] || fail "events left"
}

# The staff change both tests make (center 同步测试中心, notice 同步测试公告,
# idle standard_s 45) is on home and in the cache.
expect_staff_change() {
    local home
    home=$(screen_texts home)
    grep -q "同步测试中心" <<<"$home" || fail "the new center name is not on home"
    grep -q "同步测试公告" <<<"$home" || fail "the new notice is not on home"
    k --export - | python3 -c 'import json,sys
assert json.load(sys.stdin)["config"]["idle"]["standard_s"] == 45' ||
        fail "the idle timeout did not arrive"
}
