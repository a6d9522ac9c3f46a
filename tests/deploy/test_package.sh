#!/usr/bin/env bash
# Install test of the Debian package on a clean Debian 12: builds the
# native .deb (deploy/package.sh), makes a scratch root with debootstrap
# (from the mirror the host's apt uses), and in a chroot: dpkg -i, then
# apt-get install -f for the Depends; checks the users, /var/lib/linli,
# the conffile, the units (systemctl cat, systemd-analyze verify), that
# linli-kiosk runs as linli with the shipped config (demo loaded from the
# installed assets, a screen rendered with the fonts from Depends), and
# that remove and purge leave no files but the data. As root; no network
# but the Debian mirror. Takes minutes: CI runs it (.ci/run).
#   bash tests/deploy/test_package.sh [DEB]      (default: build one)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "test_package: needs root" >&2; exit 1; }

start=$(date +%s)
passes=0 fails=0
ok() { echo "ok - $*"; passes=$((passes + 1)); }
bad() { echo "not ok - $*"; fails=$((fails + 1)); }

deb=${1:-}
if [ -z "$deb" ]; then
    deb=$(bash deploy/package.sh native | tail -n 1)
fi
[ -f "$deb" ] || { echo "test_package: no package $deb" >&2; exit 1; }

command -v debootstrap >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        -o DPkg::Lock::Timeout=600 debootstrap
# The host's Debian mirror (deb822 or one-line sources).
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources \
    2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 ~ /^bookworm$/ { print $2; exit }' \
    /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || { echo "test_package: no Debian mirror in /etc/apt" >&2; exit 1; }

root=$(mktemp -d /var/tmp/linli-root.XXXXXX)
chmod 0755 "$root" # apt in the chroot fetches as _apt
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 || {
    tail -n 20 "$root.log" >&2
    rm -f "$root.log"
    exit 1
}
rm -f "$root.log"
booted=$(date +%s)
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# No service may start inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
cp "$deb" "$root/tmp/linli.deb"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

# dpkg -i stops at the missing Depends; apt-get install -f brings them in
# and configures the package.
in_root dpkg -i /tmp/linli.deb >/dev/null 2>&1 || true
in_root apt-get -q update >/dev/null
if in_root apt-get -q install -f -y --no-install-recommends >"$root/tmp/apt.log" 2>&1; then
    ok "dpkg -i and apt-get install -f"
else
    bad "apt-get install -f: $(tail -n 5 "$root/tmp/apt.log")"
fi
status=$(in_root dpkg-query -W -f='${Status}' linli 2>/dev/null || true)
[ "$status" = "install ok installed" ] && ok "linli is installed" ||
    bad "linli status '$status'"
installed=$(date +%s)

# what postinst made
user=$(in_root getent passwd linli || true)
[ "$(echo "$user" | cut -d: -f6)" = /var/lib/linli ] &&
    [ "$(echo "$user" | cut -d: -f3)" -lt 1000 ] &&
    ok "system user linli: $user" || bad "no system user linli: '$user'"
perm=$(in_root stat -c '%a %U %G' /var/lib/linli)
[ "$perm" = "750 linli linli" ] && ok "/var/lib/linli is 750 linli" ||
    bad "/var/lib/linli is '$perm'"
in_root dpkg-query -W -f='${Conffiles}' linli | grep -q '/etc/linli/kiosk.conf' &&
    ok "kiosk.conf is a conffile" || bad "kiosk.conf is not a conffile"
[ "$(in_root systemctl is-enabled linli-kiosk.service 2>&1)" = enabled ] &&
    ok "linli-kiosk.service enabled" || bad "linli-kiosk.service not enabled"

# the units
units=(linli-kiosk.service)
if in_root test -x /usr/bin/linli-hub; then
    units+=(linli-hub.service)
    in_root getent passwd linli-hub >/dev/null && ok "system user linli-hub" ||
        bad "no system user linli-hub"
fi
# systemctl cat needs a running systemd; in a chroot without one,
# systemd-analyze cat-config shows the same (the unit and its drop-ins).
show_unit() {
    in_root systemctl cat "$1" 2>/dev/null ||
        in_root systemd-analyze cat-config "systemd/system/$1"
}
for unit in "${units[@]}"; do
    if show_unit "$unit" >"$root/tmp/unit" 2>&1 &&
        grep -q '^ExecStart=/usr/bin/' "$root/tmp/unit"; then
        ok "systemctl cat $unit: $(head -n 1 "$root/tmp/unit")"
    else
        bad "systemctl cat $unit: $(cat "$root/tmp/unit")"
    fi
    if in_root systemd-analyze verify "/usr/lib/systemd/system/$unit" \
        >"$root/tmp/verify" 2>&1; then
        ok "systemd-analyze verify $unit"
    else
        bad "systemd-analyze verify $unit: $(cat "$root/tmp/verify")"
    fi
done
grep -q '^Type=notify' "$root/usr/lib/systemd/system/linli-kiosk.service" &&
    grep -q '^WatchdogSec=' "$root/usr/lib/systemd/system/linli-kiosk.service" &&
    ok "linli-kiosk.service: Type=notify with a watchdog" ||
    bad "linli-kiosk.service lacks Type=notify or WatchdogSec"

# the program, as the service runs it
version=$(in_root linli-kiosk --version 2>&1 || true)
[ "$version" = "linli-kiosk $(dpkg-deb -f "$deb" Version)" ] &&
    ok "linli-kiosk --version: $version" || bad "linli-kiosk --version: $version"
as_linli() { in_root runuser -u linli -- env SDL_VIDEODRIVER=dummy \
    SDL_AUDIODRIVER=dummy "$@"; }
if as_linli linli-kiosk --config /etc/linli/kiosk.conf --demo --dump \
    >"$root/tmp/dump" 2>&1 && grep -q '"kiosk_id": "caoyang-01"' "$root/tmp/dump"; then
    ok "demo loaded from /usr/share/linli/assets into /var/lib/linli"
else
    bad "demo as linli: $(cat "$root/tmp/dump")"
fi
perm=$(in_root stat -c '%a %U' /var/lib/linli/cache.sqlite 2>&1 || true)
[ "$perm" = "600 linli" ] && ok "the cache is 600 linli" || bad "cache is '$perm'"
if as_linli linli-kiosk --config /etc/linli/kiosk.conf --screenshot /tmp/shots \
    --screen home --size 1280x800 --mode standard --lang zh \
    >"$root/tmp/shot" 2>&1 && [ -s "$root/tmp/shots/screens.json" ]; then
    ok "home screen rendered with the fonts from Depends"
else
    bad "screenshot: $(tail -n 5 "$root/tmp/shot")"
fi

# remove keeps the conffile and the data; purge removes the conffile
in_root dpkg -r linli >/dev/null 2>&1 || bad "dpkg -r"
[ ! -e "$root/usr/bin/linli-kiosk" ] && [ -e "$root/etc/linli/kiosk.conf" ] &&
    ok "remove: binary gone, conffile kept" || bad "remove left the wrong files"
in_root dpkg -P linli >/dev/null 2>&1 || bad "dpkg -P"
[ ! -e "$root/etc/linli/kiosk.conf" ] && [ -e "$root/var/lib/linli/cache.sqlite" ] &&
    ok "purge: conffile gone, data kept" || bad "purge left the wrong files"
[ -z "$(find "$root/usr" -name 'linli*' -print -quit)" ] &&
    ok "no files left in /usr" || bad "files left: $(find "$root/usr" -name 'linli*')"

end=$(date +%s)
echo "test_package: debootstrap $((booted - start)) s, install" \
    "$((installed - booted)) s, checks $((end - installed)) s"
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
