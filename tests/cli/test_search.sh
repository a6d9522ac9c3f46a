#!/usr/bin/env bash
# linli-kiosk --search on the demo community: pinyin initials, a
# polyphonic character, English words, no match (no lines, exit 0) and bad
# queries (a message, exit 2, the cache untouched).
# usage: test_search.sh LINLI_KIOSK TESTS_DATA_DIR
set -euo pipefail
kiosk=$1
. "$(dirname "$0")/lib.sh"
search() { "$kiosk" --data "$tmp/d" --now "$now" --search "$@"; }
ids() { sed -n 's/^{"id": *"\([^"]*\)".*/\1/p' | tr '\n' ' '; }

"$kiosk" --data "$tmp/d" --now "$now" --demo --dump >/dev/null

got=$(search wsfwz | ids)
[ "$got" = "hc_center hs_yicun hs_tongbai " ] && ok "wsfwz" || bad "wsfwz: $got"
search wsfwz | head -1 | grep -q '^{"id": *"hc_center", *"name": *"曹杨新村街道社区卫生服务中心", *"kind": *"service", *"score": *2}$' &&
    ok "a JSON line per match" || bad "line format: $(search wsfwz | head -1)"
got=$(search czst | ids)
[ "$got" = "elder_canteen " ] && ok "长 read as c" || bad "czst: $got"
got=$(search jdwx | ids)
[ "$got" = "appliance_repair repair_appliance " ] && ok "activity first (whole-name initials)" || bad "jdwx: $got"
search jdwx | head -1 | grep -q '"kind": *"activity"' && ok "kind activity" || bad "kind"
got=$(search "health station" --lang en | ids)
[ "$got" = "hs_yicun hs_tongbai " ] && ok "English words" || bad "health station: $got"
got=$(search wsfwz --lang en | ids)
[ -z "$got" ] && ok "--lang en leaves the pinyin out" || bad "--lang en: $got"

out=$(search xyz) && rc=0 || rc=$?
[ "$rc" = 0 ] && [ -z "$out" ] && ok "no match: no lines, exit 0" || bad "no match: rc $rc, '$out'"

before=$("$kiosk" --data "$tmp/d" --export - | md5sum)
for q in "" "   " "$(printf 'w\xff')" "$(printf 'a%.0s' $(seq 70))"; do
    if search "$q" >"$tmp/out" 2>"$tmp/err"; then
        bad "bad query '$q' accepted"
    else
        rc=$?
        [ "$rc" = 2 ] && grep -q "bad query" "$tmp/err" && [ ! -s "$tmp/out" ] &&
            ok "bad query refused (exit 2): $(cat "$tmp/err")" ||
            bad "bad query: rc $rc, $(cat "$tmp/err")"
    fi
done
if search ws --lang fr >/dev/null 2>&1; then bad "--lang fr accepted"; else
    [ $? = 2 ] && ok "--lang fr refused (exit 2)" || bad "--lang fr exit"; fi
after=$("$kiosk" --data "$tmp/d" --export - | md5sum)
[ "$before" = "$after" ] && ok "the cache is unchanged" || bad "the cache changed"

finish
