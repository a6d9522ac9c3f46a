#!/usr/bin/env bash
# End to end: real linli-kiosk processes syncing with tests/e2e/fake_hub.py
# (docs/sync.md). A fresh kiosk syncs, a second sync is one 304; a change
# of config and notices reaches the screen; bookings and ratings made
# through the UI while the hub is down arrive once it is back; 24 kill -9
# of the kiosk or the hub at varied moments lose and double nothing and
# leave a sound cache; a misbehaving hub (truncated gzip, invalid JSON or
# UTF-8, wrong types, a huge body, a hang) changes nothing and its error
# shows on the staff screen.
# usage: test_sync_fake_hub.sh LINLI_KIOSK LINLI_HUB FAKE_HUB_PY REPLAYS_DIR
set -uo pipefail
kiosk="$1"
fake="$3"
replays="$4"
tmp=$(mktemp -d)
hub_pid=""
kid=caoyang-01

. "$(dirname "$0")/lib.sh"

start_hub() {
    : >"$tmp/hub.out"
    python3 "$fake" "$tmp/bundle.json" "$tmp/hub" tok >"$tmp/hub.out" \
        2>"$tmp/hub.err" &
    hub_pid=$!
    for _ in $(seq 200); do
        [ -s "$tmp/hub.out" ] && break
        sleep 0.05
    done
    url=$(python3 -c 'import json,sys
print(json.loads(open(sys.argv[1]).readline())["url"])' "$tmp/hub.out") ||
        fail "the fake hub did not start: $(cat "$tmp/hub.err")"
}
edit_bundle() { # python code run on the bundle as "b"
    python3 -c "import json,sys
b = json.load(open(sys.argv[1]))
$1
json.dump(b, open(sys.argv[1], 'w'), ensure_ascii=False)" "$tmp/bundle.json"
}
hub_events() {
    python3 -c 'import json,sys
try: print(len(json.load(open(sys.argv[1]))))
except OSError: print(0)' "$tmp/hub/events.json"
}

mkdir -p "$tmp/hub"
"$kiosk" --data "$tmp/src" --demo --export "$tmp/bundle.json" 2>/dev/null ||
    fail "cannot make the demo bundle"
printf 'tok\n' >"$tmp/token"
chmod 644 "$tmp/token"
start_hub

# ---- the token file must be private -----------------------------------
if sync_once 2>"$tmp/err"; then fail "a world-readable token was used"; fi
grep -q "read by others" "$tmp/err" || fail "no clear message: $(cat "$tmp/err")"
chmod 600 "$tmp/token"
ok "a token file others may read is refused"

# ---- a fresh kiosk, then a 304 ------------------------------------------
sync_once || fail "first sync"
[ "$(dump_field kiosk_id)" = "$kid" ] ||
    fail "the demo community is not in the cache"
sync_once || fail "second sync"
[ "$(grep -c '^GET /api/v1/bundle 200' "$tmp/hub/requests.log")" = 1 ] ||
    fail "the bundle was fetched twice"
[ "$(grep '^GET /api/v1/bundle' "$tmp/hub/requests.log" | tail -1)" = \
    "GET /api/v1/bundle 304" ] || fail "the second sync was not a 304"
ok "a fresh kiosk syncs; the second sync is one 304"

# ---- a staff change reaches the screen ------------------------------------
edit_bundle '
b["version"] = "e2e-2"
b["config"]["center"]["name"]["zh"] = "同步测试中心"
b["config"]["idle"]["standard_s"] = 45
n = dict(b["notices"][0])
n["id"] = "sync-notice"
n["title"] = {"zh": "同步测试公告", "en": "Sync test notice"}
n["priority"] = "important"
b["notices"].insert(0, n)'
sync_once || fail "sync of the changed bundle"
expect_staff_change
ok "a new center name, idle timeout and notice reach the kiosk's screen"

# ---- offline bookings and ratings arrive once -------------------------------
stop_hub
k --replay "$replays/book.txt" --live >/dev/null 2>&1 || fail "booking replay"
k --replay "$replays/rate.txt" --live >/dev/null 2>&1 || fail "rating replay"
if sync_once 2>"$tmp/err"; then fail "synced with the hub down"; fi
grep -q "sync failed" "$tmp/err" || fail "no error: $(cat "$tmp/err")"
[ "$(sql 'SELECT count(*) FROM outbox')" = 2 ] || fail "outbox not 2"
start_hub
sync_once || fail "sync after the hub came back"
sync_once || fail "sync again"
[ "$(hub_events)" = 2 ] || fail "hub has $(hub_events) events, not 2"
[ "$(sql 'SELECT count(*) FROM outbox')" = 0 ] || fail "outbox not empty"
[ "$(sql "SELECT hub_status FROM bookings")" = confirmed ] ||
    fail "the hub's decision is not on the booking"
[ "$(sql "SELECT count(*) FROM bookings WHERE phone IS NOT NULL")" = 0 ] ||
    fail "the phone number was kept after the ack"
ok "a booking and a rating made offline arrive exactly once"

# ---- kill -9 of the kiosk or the hub at varied moments ---------------------
change_bundle() { edit_bundle "b['version'] = 'kill-$1'"; }
kill_rounds
made=$((made + 2)) # with the booking and rating made offline above
[ "$(sql 'SELECT count(*) FROM ratings')" = "$((made - 1))" ] ||
    fail "ratings: $(sql 'SELECT count(*) FROM ratings') of $((made - 1))"
[ "$(hub_events)" = "$made" ] ||
    fail "the hub has $(hub_events) events, $made were made"
[ "$(dump_field bundle_version)" = kill-24 ] ||
    fail "the last bundle was not applied"
ok "24 kills of kiosk and hub: $made events once each, cache sound"

# ---- a misbehaving hub changes nothing; staff see why -------------------------
before=$(k --export - | sha256sum)
for m in truncated-gzip:"truncated gzip" invalid-json:"not valid JSON" \
    invalid-utf8:"unable to decode" wrong-types:"services[0].lat" \
    huge:"inflates past" unavailable:"HTTP 503" hang:"too slow"; do
    mode=${m%%:*}
    want=${m#*:}
    echo "$mode" >"$tmp/hub/mode"
    if sync_once 2>"$tmp/err"; then fail "$mode: the sync succeeded"; fi
    grep -qF "$want" "$tmp/err" || fail "$mode: stderr: $(cat "$tmp/err")"
    [ "$(k --export - | sha256sum)" = "$before" ] || fail "$mode: cache changed"
    screen_texts | tr '\n' ' ' | grep -qF "$want" ||
        fail "$mode: not on the staff screen"
    [ "$(sql 'PRAGMA integrity_check')" = ok ] || fail "$mode: corrupt"
    ok "$mode: cache unchanged, '$want' on the staff screen"
done
echo ok >"$tmp/hub/mode"
sync_once || fail "sync after the hub recovered"
exit 0
