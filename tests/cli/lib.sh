# lib.sh - what the command-line tests share, sourced after `kiosk=$1`:
# a scratch folder $tmp removed on exit, the demo's pinned time $now, and
# TAP-style ok/bad lines counted by finish, which sets the exit status.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now=2026-11-23T10:00:00+08:00
fails=0
ok() { echo "ok - $*"; }
bad() { echo "not ok - $*"; fails=$((fails + 1)); }
finish() {
    echo "$fails failed"
    [ "$fails" -eq 0 ]
}
