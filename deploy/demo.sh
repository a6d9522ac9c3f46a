#!/usr/bin/env bash
# Sets up, builds and runs the kiosk on its built-in demo community.
# The cache goes to build/demo-data unless LINLI_DATA says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
exec ./build/kiosk/linli-kiosk --data "${LINLI_DATA:-build/demo-data}" --demo "$@"
