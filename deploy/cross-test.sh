#!/usr/bin/env bash
# Cross-builds the whole project for an ARM board and runs the whole ctest
# suite under qemu-user, on a Debian 12 amd64 host, as root.
#   bash deploy/cross-test.sh aarch64|armhf
# deploy/cross-deps.sh installs the compiler, qemu and the target's -dev
# packages. Builds in build-ARCH/ with deploy/toolchain-ARCH.cmake as
# tests/run.sh builds natively (Debug, warnings as errors: catches what
# only ARM shows, such as int64_t formats on armhf); ctest runs every test
# through qemu (CMAKE_CROSSCOMPILING_EMULATOR, no binfmt_misc needed).
set -euo pipefail
cd "$(dirname "$0")/.."

arch=${1:-}
case "$arch" in
aarch64 | armhf) ;;
*)
    echo "usage: $0 aarch64|armhf" >&2
    exit 2
    ;;
esac
build=build-$arch
start=$(date +%s)

bash deploy/cross-deps.sh "$arch"
cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE="deploy/toolchain-$arch.cmake" \
    -DCMAKE_BUILD_TYPE=Debug -DLINLI_WERROR=ON
cmake --build "$build" -j"$(nproc)"
want=$([ "$arch" = aarch64 ] && echo "ARM aarch64" || echo "ARM, EABI5")
file -b "$build/kiosk/linli-kiosk" | grep -q "$want" || {
    echo "cross-test: $build/kiosk/linli-kiosk is not an $arch binary" >&2
    exit 1
}
built=$(date +%s)

(cd "$build" && ctest --output-on-failure -j"$(nproc)")
end=$(date +%s)
echo "cross-test: $arch set-up and build $((built - start)) s," \
    "tests $((end - built)) s"
