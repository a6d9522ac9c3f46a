#!/usr/bin/env bash
# linli-hub's command line: token add/list/revoke, --demo's first line and
# a clean stop on SIGTERM, --help/--version, bad arguments.
#   bash cli_hub.sh PATH/TO/linli-hub
set -euo pipefail
hub="$1"
tmp=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$hub" --version | grep -q '^linli-hub ' || fail "--version"
"$hub" --help | grep -q 'token add' || fail "--help"
set +e
"$hub" --bogus >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option should exit 2"
"$hub" --db "$tmp/x.sqlite" --listen nowhere >/dev/null 2>&1
[ $? -eq 1 ] || fail "bad --listen should exit 1"
"$hub" token add --kiosk 'bad id!' --db "$tmp/t.sqlite" >/dev/null 2>&1
[ $? -eq 1 ] || fail "bad kiosk id should exit 1"
set -e

# tokens: 64 hex, listed, revoked
tok=$("$hub" token add --kiosk k1 --db "$tmp/t.sqlite")
[[ "$tok" =~ ^[0-9a-f]{64}$ ]] || fail "token format: $tok"
"$hub" token add --staff alice --db "$tmp/t.sqlite" >/dev/null
"$hub" token list --db "$tmp/t.sqlite" | grep -q 'staff  alice' || fail "list"
"$hub" token list --db "$tmp/t.sqlite" | grep -q "$tok" && fail "list shows a token"
"$hub" token revoke 1 --db "$tmp/t.sqlite"
"$hub" token list --db "$tmp/t.sqlite" | grep 'k1' | grep -q '+08:00 *[0-9-]*T' ||
    fail "revoked token not marked"
set +e
"$hub" token revoke 1 --db "$tmp/t.sqlite" 2>/dev/null; [ $? -eq 1 ] || fail "revoke twice"
set -e

# the demo: first line, a working kiosk token, a clean stop
"$hub" --demo --listen 127.0.0.1:0 --db "$tmp/demo.sqlite" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do [ -s "$tmp/out" ] && break; sleep 0.1; done
line=$(head -n1 "$tmp/out")
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" <<<"$line"; }
url=$(field url); kiosk=$(field kiosk_id); kt=$(field kiosk_token); st=$(field staff_token)
[[ "$url" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || fail "url: $line"
[ "$kiosk" = caoyang-01 ] || fail "kiosk_id: $line"
[[ "$kt" =~ ^[0-9a-f]{64}$ && "$st" =~ ^[0-9a-f]{64}$ ]] || fail "tokens: $line"
code=$(curl -s -o "$tmp/b.json" -w '%{http_code}' -H "Authorization: Bearer $kt" "$url/api/v1/bundle")
[ "$code" = 200 ] || fail "bundle: $code"
grep -q '"kiosk_id":"caoyang-01"' "$tmp/b.json" || fail "bundle content"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/admin")
[ "$code" = 200 ] || fail "/admin: $code"
kill -TERM "$pid"
wait "$pid" || fail "exit status after SIGTERM"
pid=""
# run again on the same database: the data is kept, new tokens work
"$hub" --demo --listen 127.0.0.1:0 --db "$tmp/demo.sqlite" >"$tmp/out2" 2>"$tmp/err2" &
pid=$!
for _ in $(seq 100); do [ -s "$tmp/out2" ] && break; sleep 0.1; done
grep -q 'existing data kept' "$tmp/err2" || fail "second demo run"
kill -INT "$pid"
wait "$pid" || fail "exit status after SIGINT"
pid=""
echo "ok"
