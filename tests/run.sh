#!/usr/bin/env bash
# Sets up, builds and runs every test: the one test command of README.md.
#   bash tests/run.sh             warnings as errors, all tests
#   bash tests/run.sh --sanitize  the same under ASan + UBSan (own build dir)
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-test
flags=(-DLINLI_WERROR=ON -DCMAKE_BUILD_TYPE=Debug)
if [ "${1:-}" = "--sanitize" ]; then
    build=build-asan
    flags+=(-DLINLI_SANITIZE=ON)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi

bash deploy/setup.sh
cmake -S . -B "$build" "${flags[@]}"
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure -j"$(nproc)"
