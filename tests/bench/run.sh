#!/usr/bin/env bash
# Runs the project's benchmarks on a Release build and prints their JSON.
#   bash tests/bench/run.sh [SERVICES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DLINLI_TESTS=ON >/dev/null
cmake --build build-bench -j"$(nproc)" --target bench_bundle bench_search \
    bench_sync >/dev/null
./build-bench/tests/bench_bundle assets "${1:-10000}" "${2:-5}"
./build-bench/tests/bench_search assets "${1:-10000}"
# a sync of the same bundle from a local server, and the frame gaps meanwhile
./build-bench/tests/bench_sync assets "${1:-10000}" "${2:-5}"
