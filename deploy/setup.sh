#!/usr/bin/env bash
# Installs every Debian package Linli needs to build, test and run, and
# the packages named as arguments. Idempotent: safe to run again; refreshes
# the package lists first.
set -euo pipefail

packages=(
    # build
    build-essential cmake pkg-config
    # kiosk core
    libsqlite3-dev libjansson-dev zlib1g-dev libqrencode-dev libsodium-dev
    # pinyin initials table, generated at build time (docs/search.md)
    unicode-data bzip2 mawk
    # kiosk platform (SDL2 window, text, PNG icons; HTTP for sync)
    libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libcurl4-openssl-dev
    # speech output: espeak-ng (Mandarin and English voices)
    libespeak-ng-dev espeak-ng-data
    # hub
    libmicrohttpd-dev
    # tests (chromium drives the hub's /admin page; wrk benchmarks the hub)
    libcmocka-dev sqlite3 chromium chromium-driver wrk python3
    # fonts: CJK text and the icon font (fonts/README.md)
    fonts-noto-cjk fonts-material-design-icons-iconfont
)
# and any a caller adds (deploy/cross-deps.sh: the ARM ones)
packages+=("$@")

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages are installed"
    exit 0
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# several set-ups may share a machine: wait for the dpkg lock
lock=(-o DPkg::Lock::Timeout=600)
$sudo apt-get update -q "${lock[@]}"
$sudo apt-get install -y -q "${lock[@]}" --no-install-recommends "${missing[@]}"
