#!/usr/bin/env bash
# Installs what a cross build for ARCH needs on a Debian 12 amd64 host, as
# root: the cross compiler, qemu-user-static and the target's -dev
# packages (every *-dev of deploy/setup.sh, as PKG:DEBARCH, so a library
# added there is cross-built too), through deploy/setup.sh. Used by
# cross-test.sh and package.sh.
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

mapfile -t dev < <(sed -n '/^packages=(/,/^)/p' deploy/setup.sh |
    sed 's/#.*//' | tr -s ' \t' '\n' | grep -- '-dev$' |
    sed "s/\$/:$deb_arch/")
dpkg --add-architecture "$deb_arch"
bash deploy/setup.sh gcc-"$triplet" qemu-user-static file "${dev[@]}"
