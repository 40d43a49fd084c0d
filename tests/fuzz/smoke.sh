#!/usr/bin/env bash
# Short libFuzzer runs: mutated content packs (fuzz_pack, SECONDS), seeded with the bundled pack
# and every past crash (tests/fuzz/regressions/); then mutated workbooks (fuzz_workbook, a third
# of SECONDS, at least 5), seeded with real workbooks and past crashes (tests/fuzz/workbook_seeds/);
# then mutated .ics files (fuzz_ics, a fifth of SECONDS, at least 5) seeded with tests/fuzz/seeds_ics/.
# Usage: tests/fuzz/smoke.sh BUILD_DIR [SECONDS]
# A longer run: tests/fuzz/smoke.sh build/fuzz 3600
set -euo pipefail
build=${1:?usage: smoke.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(mktemp -d)
workbooks=$(mktemp -d)
ics_corpus=$(mktemp -d)
trap 'rm -rf "$corpus" "$workbooks" "$ics_corpus"' EXIT
cp "$build/data/facts-content.db" "$corpus/bundled.db"
cp "$here"/regressions/* "$corpus/" 2>/dev/null || true
mkdir -p "$build/fuzz-artifacts"
"$build/tests/fuzz/fuzz_pack" -max_total_time="$seconds" -rss_limit_mb=1024 -max_len=262144 \
  -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
workbook_seconds=$((seconds / 3 > 5 ? seconds / 3 : 5))
cp "$here"/workbook_seeds/* "$workbooks/"
"$build/tests/fuzz/fuzz_workbook" -max_total_time="$workbook_seconds" -rss_limit_mb=1024 -max_len=65536 \
  -artifact_prefix="$build/fuzz-artifacts/workbook-" -print_final_stats=1 "$workbooks" 2>&1 | tail -n 12
cp "$here"/seeds_ics/* "$ics_corpus/"
ics_seconds=$((seconds / 5 > 5 ? seconds / 5 : 5))
"$build/tests/fuzz/fuzz_ics" -max_total_time="$ics_seconds" -rss_limit_mb=1024 -max_len=65536 \
  -artifact_prefix="$build/fuzz-artifacts/ics-" -print_final_stats=1 "$ics_corpus" 2>&1 | tail -n 12
echo "fuzz smoke: no crash in ${seconds}s (packs), ${workbook_seconds}s (workbooks) and ${ics_seconds}s (.ics)"
