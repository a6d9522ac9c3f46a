#!/usr/bin/env bash
# linli-kiosk --config FILE: its key = value lines act as options read
# before the command line (which wins); a bad line stops the kiosk with
# FILE:LINE and exit 1; the shipped deploy/kiosk.conf is accepted and
# documents every option of --help.
# usage: test_config.sh LINLI_KIOSK TESTS_DATA_DIR
set -euo pipefail
kiosk=$1
conf_dist=$(cd "$(dirname "$0")/../.." && pwd)/deploy/kiosk.conf
. "$(dirname "$0")/lib.sh"
kiosk_id() { sed -n 's/^  "kiosk_id": "\(.*\)",$/\1/p'; }

# data and demo from the file
cat >"$tmp/k.conf" <<CONF
# a test config
data = $tmp/a   # the cache
demo = true
now = $now
CONF
id=$("$kiosk" --config "$tmp/k.conf" --dump | kiosk_id)
[ "$id" = caoyang-01 ] && ok "config sets data and demo" || bad "config ignored (kiosk id '$id')"
[ -f "$tmp/a/cache.sqlite" ] && ok "cache made where the config says" || bad "no cache in $tmp/a"

# the command line wins; --config=FILE works too
"$kiosk" --config="$tmp/k.conf" --data "$tmp/b" --dump >/dev/null
[ -f "$tmp/b/cache.sqlite" ] && ok "--data on the command line wins" || bad "command line lost to the config"

# false leaves a flag unset
printf 'data = %s\ndemo = false\n' "$tmp/c" >"$tmp/off.conf"
"$kiosk" --config "$tmp/off.conf" --dump | grep -q '"empty": true' &&
    ok "demo = false loads nothing" || bad "demo = false loaded the demo"

# bad lines: exit 1, FILE:LINE on stderr, nothing made
expect_bad() { # NAME TEXT WANT
    printf '%b' "$2" >"$tmp/bad.conf"
    if "$kiosk" --config "$tmp/bad.conf" --data "$tmp/d" --dump >/dev/null 2>"$tmp/err"; then
        bad "$1: accepted"
    elif ! grep -qF -- "$3" "$tmp/err"; then
        bad "$1: message '$(cat "$tmp/err")' lacks '$3'"
    elif [ -e "$tmp/d" ]; then
        bad "$1: made the cache anyway"
    else
        ok "$1 refused: $(tr '\n' ' ' <"$tmp/err")"
    fi
}
expect_bad "unknown key" '# c\nspeedy = 3\n' "$tmp/bad.conf:2: unknown key 'speedy'"
expect_bad "no =" 'demo true\n' "$tmp/bad.conf:1: expected 'key = value'"
expect_bad "flag value" 'demo = yes\n' "$tmp/bad.conf:1: 'demo' takes true or false, not 'yes'"
expect_bad "config in config" 'config = /x\n' "$tmp/bad.conf:1: 'config' cannot be set"
expect_bad "bad value" '\n\nnow = soon\n' "$tmp/bad.conf:3: bad value of 'now'"
expect_bad "bad value" 'now = soon\n' "--now: expected a time like"
expect_bad "bad rotate" 'rotate = 45\n' "--rotate: expected 0, 90, 180 or 270, not '45'"
if "$kiosk" --config "$tmp/none.conf" --dump >/dev/null 2>"$tmp/err"; then
    bad "missing config accepted"
else
    grep -q "cannot read $tmp/none.conf: No such file" "$tmp/err" &&
        ok "missing config refused" || bad "missing config: $(cat "$tmp/err")"
fi

# the shipped config parses (its data folder overridden)
"$kiosk" --config "$conf_dist" --data "$tmp/e" --dump >/dev/null 2>"$tmp/err" &&
    ok "deploy/kiosk.conf accepted" || bad "deploy/kiosk.conf: $(cat "$tmp/err")"
# ... and names every option of --help (but those it cannot set)
for opt in $("$kiosk" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    key=${opt#--}
    case $key in config | help | version) continue ;; esac
    grep -qw -- "$key" "$conf_dist" || bad "deploy/kiosk.conf does not document '$key'"
done
ok "deploy/kiosk.conf documents the options of --help"

finish
