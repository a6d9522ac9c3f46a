#!/usr/bin/env bash
# Builds the Debian package of Linli into out/ (deploy/packaging.cmake):
#   bash deploy/package.sh [native|aarch64|armhf]     (default: native)
# Optimised (RelWithDebInfo; the package strips the binaries), without the
# tests, with the kiosk's assets folder set to where the package puts it.
# A cross package needs deploy/cross-deps.sh's packages (installed here).
# Prints the package, its Installed-Size and the binaries' sizes.
set -euo pipefail
cd "$(dirname "$0")/.."

arch=${1:-native}
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINLI_TESTS=OFF
    -DLINLI_ASSETS_DIR=/usr/share/linli/assets)
case "$arch" in
native)
    bash deploy/setup.sh
    strip=strip
    ;;
aarch64 | armhf)
    bash deploy/cross-deps.sh "$arch"
    flags+=(-DCMAKE_TOOLCHAIN_FILE="deploy/toolchain-$arch.cmake")
    triplet=$([ "$arch" = aarch64 ] && echo aarch64-linux-gnu ||
        echo arm-linux-gnueabihf)
    strip=$triplet-strip
    # dpkg-shlibdeps reads the target's library packages (multiarch)
    export DEB_HOST_ARCH=$([ "$arch" = aarch64 ] && echo arm64 || echo armhf)
    export DEB_HOST_GNU_TYPE=$triplet
    ;;
*)
    echo "usage: $0 [native|aarch64|armhf]" >&2
    exit 2
    ;;
esac
build=build-pkg-$arch
mkdir -p out

cmake -S . -B "$build" "${flags[@]}"
cmake --build "$build" -j"$(nproc)"
(cd "$build" && cpack -G DEB -B "$PWD/../out" >cpack.log) || {
    cat "$build/cpack.log" >&2
    exit 1
}
rm -rf out/_CPack_Packages

deb=$(ls -t out/linli_*.deb | head -n 1)
ls -l "$deb"
dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends
for bin in "$build"/kiosk/linli-kiosk "$build"/hub/linli-hub; do
    [ -f "$bin" ] || continue
    "$strip" -o "$bin.stripped" "$bin"
    echo "package: $(basename "$bin") ($arch): $(stat -c %s "$bin") bytes," \
        "stripped $(stat -c %s "$bin.stripped") bytes"
done
echo "$deb"
