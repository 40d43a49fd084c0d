#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test:
#   1. the debug build (warnings are errors) and its CTest suite;
#   2. the same suite under AddressSanitizer + UndefinedBehaviorSanitizer (leaks are errors);
#   3. a short libFuzzer smoke run over mutated content packs (clang).
set -euo pipefail
cd "$(dirname "$0")/.."
source toolchain/deps.sh
facts_install_packages "${FACTS_BUILD_PACKAGES[@]}" "${FACTS_TEST_PACKAGES[@]}"
jobs=$(nproc)

for preset in dev asan; do
  echo "== test.sh: $preset build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  echo "== test.sh: $preset tests"
  ctest --preset "$preset" -j"$jobs"
done

echo "== test.sh: fuzz smoke"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$jobs" --target fuzz_pack bundled_pack
tests/fuzz/smoke.sh build/fuzz
