#!/usr/bin/env bash
# End to end with the real hub: linli-kiosk processes against
# `linli-hub --demo` (docs/sync.md, docs/protocol.md). A fresh kiosk syncs
# the demo community and a second sync applies nothing (304); a staff
# change through the admin API (center name, idle timeout, a new notice)
# shows on the kiosk's screen; bookings and ratings made through the UI
# while the hub is down arrive once when it is back; 24 kill -9 of the
# kiosk or the hub at varied moments leave a sound cache and every event
# counted exactly once by the hub's admin API.
# usage: test_sync_hub.sh LINLI_KIOSK LINLI_HUB FAKE_HUB_PY REPLAYS_DIR
set -uo pipefail
kiosk="$1"
hub="$2"
replays="$4"
tmp=$(mktemp -d)
hub_pid=""

. "$(dirname "$0")/lib.sh"

# Starts the hub on its database (the demo the first time) and sets $url.
start_hub() {
    : >"$tmp/hub.err"
    if [ -e "$tmp/hub.db" ]; then
        "$hub" --db "$tmp/hub.db" --listen 127.0.0.1:0 >/dev/null \
            2>"$tmp/hub.err" &
    else
        "$hub" --demo --db "$tmp/hub.db" --listen 127.0.0.1:0 \
            >"$tmp/hub.out" 2>"$tmp/hub.err" &
    fi
    hub_pid=$!
    port=""
    for _ in $(seq 200); do
        port=$(sed -n 's/.*listening on .*(port \([0-9]*\)).*/\1/p;
                       s|.*demo on http://127.0.0.1:\([0-9]*\)/.*|\1|p' \
            "$tmp/hub.err" | head -1)
        [ -n "$port" ] && break
        sleep 0.05
    done
    [ -n "$port" ] || fail "the hub did not start: $(cat "$tmp/hub.err")"
    url="http://127.0.0.1:$port"
}
first() {
    python3 -c 'import json,sys
print(json.loads(open(sys.argv[1]).readline())[sys.argv[2]])' \
        "$tmp/hub.out" "$1"
}
admin() { # METHOD PATH [BODY]
    curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $staff" \
        -H "Content-Type: application/json" ${3:+--data "$3"} "$url$2"
}
# Events the hub holds: ratings, and bookings of every slot.
hub_ratings() {
    admin GET /api/v1/admin/ratings |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
hub_bookings() {
    admin GET /api/v1/admin/slots | python3 -c 'import json,sys
print(sum(s["booked"] for s in json.load(sys.stdin)["items"]))'
}

start_hub
kid=$(first kiosk_id)
staff=$(first staff_token)
first kiosk_token >"$tmp/token"
chmod 600 "$tmp/token"

# ---- a fresh kiosk syncs the demo community; the second sync is a 304 ----
sync_once || fail "first sync"
[ "$(dump_field kiosk_id)" = "$kid" ] || fail "not the hub's community"
applied=$(dump_field applied_at)
etag=$(sql "SELECT value FROM sync_meta WHERE key = 'etag'")
[ -n "$etag" ] || fail "no ETag kept"
sleep 1.1 # a new apply would show a new applied_at
sync_once || fail "second sync"
[ "$(dump_field applied_at)" = "$applied" ] || fail "the 304 applied again"
ok "a fresh kiosk syncs the demo community; the second sync applies nothing"

# ---- a staff change through the admin API reaches the screen -------------
admin PUT "/api/v1/admin/kiosks/$kid" \
    '{"center": {"name": {"zh": "同步测试中心", "en": "Sync Test Centre"}},
      "idle": {"standard_s": 45}}' >/dev/null || fail "admin PUT kiosk"
# the newest important notice is the one home shows
admin POST /api/v1/admin/notices \
    '{"id": "sync-notice", "title": {"zh": "同步测试公告"},
      "body": {"zh": "端到端测试"}, "priority": "important",
      "start": "'"$(date -u -d '-1 min' +%Y-%m-%dT%H:%M:%SZ)"'",
      "end": "2099-01-01T00:00:00+08:00"}' >/dev/null ||
    fail "admin POST notice"
sync_once || fail "sync after the staff change"
expect_staff_change
ok "a center name, idle timeout and notice from the admin API are on screen"

# ---- offline: a booking and a rating through the UI arrive once ----------
ratings0=$(hub_ratings)
bookings0=$(hub_bookings)
stop_hub
k --replay "$replays/book.txt" --live >/dev/null 2>&1 || fail "booking replay"
k --replay "$replays/rate.txt" --live >/dev/null 2>&1 || fail "rating replay"
if sync_once 2>"$tmp/err"; then fail "synced with the hub down"; fi
screen_texts | tr '\n' ' ' | grep -q "Could not connect\|Couldn't connect" ||
    fail "the staff screen does not say the hub is unreachable"
start_hub
sync_once || fail "sync after the hub came back"
sync_once || fail "sync again"
[ "$(hub_ratings)" = $((ratings0 + 1)) ] || fail "ratings: $(hub_ratings)"
[ "$(hub_bookings)" = $((bookings0 + 1)) ] || fail "bookings: $(hub_bookings)"
[ "$(sql 'SELECT count(*) FROM outbox')" = 0 ] || fail "outbox not empty"
[ "$(sql 'SELECT hub_status FROM bookings')" = confirmed ] ||
    fail "the hub's decision is not on the booking"
ok "a booking and a rating made offline are on the hub once"

# ---- kill -9 of kiosk or hub at varied moments ----------------------------
change_bundle() { # a staff edit
    admin PUT "/api/v1/admin/kiosks/$kid" \
        "{\"idle\": {\"standard_s\": $((60 + $1))}}" >/dev/null ||
        fail "admin PUT $1"
}
kill_rounds
[ "$(hub_ratings)" = $((ratings0 + 1 + made)) ] ||
    fail "the hub has $(hub_ratings) ratings, $((ratings0 + 1 + made)) made"
[ "$(hub_bookings)" = $((bookings0 + 1)) ] || fail "bookings: $(hub_bookings)"
k --export - | python3 -c 'import json,sys
assert json.load(sys.stdin)["config"]["idle"]["standard_s"] == 84' ||
    fail "the last staff edit was not applied"
ok "24 kills of kiosk and hub: $made ratings once each, cache sound"
exit 0
