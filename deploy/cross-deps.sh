#!/usr/bin/env bash
# Installs what a cross build for ARCH needs on a Debian 12 amd64 host, as
# root: the cross compiler, qemu-user-static and the target's -dev
# packages (every *-dev of deploy/setup.sh, as PKG:DEBARCH, so a library
# added there is cross-built too). Used by cross-test.sh and package.sh.
#   bash deploy/cross-deps.sh aarch64|armhf
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
aarch64) triplet=aarch64-linux-gnu deb_arch=arm64 ;;
armhf) triplet=arm-linux-gnueabihf deb_arch=armhf ;;
*)
    echo "usage: $0 aarch64|armhf" >&2
    exit 2
    ;;
esac

bash deploy/setup.sh
dev=$(sed -n '/^packages=(/,/^)/p' deploy/setup.sh | sed 's/#.*//' |
    tr -s ' \t' '\n' | grep -- '-dev$' | sed "s/\$/:$deb_arch/")
packages=(gcc-"$triplet" qemu-user-static file $dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "cross-deps: all ${#packages[@]} packages for $1 are installed"
    exit 0
fi
echo "cross-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt_opts=(-q -o DPkg::Lock::Timeout=600)
dpkg --add-architecture "$deb_arch"
apt-get "${apt_opts[@]}" update
apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"
