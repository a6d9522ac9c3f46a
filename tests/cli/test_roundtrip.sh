#!/usr/bin/env bash
# linli-kiosk's command line: the demo loads and dumps; --export then
# --import into an empty cache round-trips exactly; a malformed bundle is
# refused with a clear message and changes nothing.
# usage: test_roundtrip.sh LINLI_KIOSK TESTS_DATA_DIR
set -euo pipefail
kiosk=$1
data=$2
. "$(dirname "$0")/lib.sh"
# dump without the line naming the cache file, which differs per folder
dump() { "$kiosk" --data "$1" --now "$now" --dump | grep -v '"cache":'; }

"$kiosk" --version | grep -q '^linli-kiosk [0-9]' && ok "--version" || bad "--version"
"$kiosk" --help | grep -q -- '--import FILE' && ok "--help" || bad "--help"
if "$kiosk" --bogus >/dev/null 2>&1; then bad "unknown option accepted"; else ok "unknown option refused"; fi

# the demo community
"$kiosk" --data "$tmp/a" --now "$now" --demo --dump >"$tmp/demo.json"
grep -q '"kiosk_id": "caoyang-01"' "$tmp/demo.json" && ok "demo loaded" || bad "demo not loaded"
n=$(sed -n 's/^    "services": \([0-9]*\),*$/\1/p' "$tmp/demo.json")
[ "${n:-0}" -ge 60 ] && ok "demo has $n services" || bad "demo has ${n:-no} services"
grep -q '"farther": 0' "$tmp/demo.json" && ok "all services within 15 minutes" || bad "services beyond 15 minutes"
# --demo again keeps the cache as it is (loads only into an empty cache)
dump "$tmp/a" >"$tmp/a1.json"
"$kiosk" --data "$tmp/a" --now 2026-11-24T10:00:00+08:00 --demo --dump >/dev/null
dump "$tmp/a" >"$tmp/a2.json"
cmp -s "$tmp/a1.json" "$tmp/a2.json" && ok "--demo leaves a full cache alone" || bad "--demo reloaded a full cache"

# export -> import into an empty cache -> export: the same bytes
"$kiosk" --data "$tmp/a" --export "$tmp/export1.json"
"$kiosk" --data "$tmp/b" --now "$now" --import "$tmp/export1.json" >/dev/null
"$kiosk" --data "$tmp/b" --export "$tmp/export2.json"
cmp -s "$tmp/export1.json" "$tmp/export2.json" && ok "export/import round trip is exact" || bad "round trip differs"
dump "$tmp/b" >"$tmp/b.json"
cmp -s "$tmp/a1.json" "$tmp/b.json" && ok "imported cache dumps the same" || { bad "dumps differ"; diff "$tmp/a1.json" "$tmp/b.json" || true; }
"$kiosk" --data "$tmp/a" --export - | cmp -s - "$tmp/export1.json" && ok "--export - writes stdout" || bad "--export -"

# malformed bundles: refused, clear message, nothing changed
head -c 5000 "$tmp/export1.json" >"$tmp/truncated.json"
sed 's/"lat":31\.[0-9]*/"lat":"north"/' "$tmp/export1.json" >"$tmp/wrongtype.json"
printf '{"format":1,"version":"x\xff"}' >"$tmp/badutf8.json"
cp "$data/mini.json" "$tmp/good.json"
for f in truncated wrongtype badutf8 missing; do
    if "$kiosk" --data "$tmp/b" --now "$now" --import "$tmp/$f.json" >/dev/null 2>"$tmp/err.txt"; then
        bad "$f bundle accepted"
    else
        ok "$f bundle refused: $(cat "$tmp/err.txt")"
    fi
    grep -q "linli-kiosk: cannot" "$tmp/err.txt" || bad "$f: no clear message"
    dump "$tmp/b" >"$tmp/b2.json"
    cmp -s "$tmp/b.json" "$tmp/b2.json" && ok "$f left the cache unchanged" || bad "$f changed the cache"
done
grep -q 'config.location.lat: expected a number' <("$kiosk" --data "$tmp/b" --import "$tmp/wrongtype.json" 2>&1) \
    && ok "wrong type named by its path" || bad "wrong type message"

# a good bundle replaces the demo whole
"$kiosk" --data "$tmp/b" --now "$now" --import "$tmp/good.json" --dump >"$tmp/b3.json"
grep -q '"services": 3,' "$tmp/b3.json" && ok "good bundle replaces the cache" || bad "good bundle not applied"

finish
