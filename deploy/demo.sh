#!/usr/bin/env bash
# Sets up, builds and runs the kiosk on its built-in demo community.
# The cache goes to build/demo-data unless LINLI_DATA says otherwise.
# With no display (no X11, no Wayland, no KMS device), it renders every
# screen to build/screenshots/ instead and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
kiosk=./build/kiosk/linli-kiosk
data="${LINLI_DATA:-build/demo-data}"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] &&
    ! compgen -G "/dev/dri/card*" >/dev/null; then
    "$kiosk" --data "$data" --demo --dump >/dev/null
    "$kiosk" --data "$data" --screenshot build/screenshots "$@"
    echo "demo: no display here, so every screen was rendered instead:"
    echo "demo:   $(pwd)/build/screenshots/*.png (and screens.json)"
    exit 0
fi
exec "$kiosk" --data "$data" --demo --windowed "$@"
