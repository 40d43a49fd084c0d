#!/usr/bin/env bash
# Short libFuzzer runs over mutated content packs, seeded with the bundled pack and every
# past crash (tests/fuzz/regressions/), then over mutated .ics files seeded with
# tests/fuzz/seeds_ics/ (a fifth of the time, at least 5 s). Usage: tests/fuzz/smoke.sh BUILD_DIR [SECONDS]
# A longer run: tests/fuzz/smoke.sh build/fuzz 3600
set -euo pipefail
build=${1:?usage: smoke.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$build/data/facts-content.db" "$corpus/bundled.db"
cp "$here"/regressions/* "$corpus/" 2>/dev/null || true
mkdir -p "$build/fuzz-artifacts"
"$build/tests/fuzz/fuzz_pack" -max_total_time="$seconds" -rss_limit_mb=1024 -max_len=262144 \
  -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
ics_corpus=$(mktemp -d)
trap 'rm -rf "$corpus" "$ics_corpus"' EXIT
cp "$here"/seeds_ics/* "$ics_corpus/"
ics_seconds=$((seconds / 5 > 5 ? seconds / 5 : 5))
"$build/tests/fuzz/fuzz_ics" -max_total_time="$ics_seconds" -rss_limit_mb=1024 -max_len=65536 \
  -artifact_prefix="$build/fuzz-artifacts/ics-" -print_final_stats=1 "$ics_corpus" 2>&1 | tail -n 12
echo "fuzz smoke: no crash in ${seconds}s (packs) and ${ics_seconds}s (.ics)"
