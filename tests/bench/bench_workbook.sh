#!/usr/bin/env bash
# Content of a large cluster, built both ways: a fictional pack of MEMBERS members (default
# 1,000: tests/support/members_pack.sh's 200 and more "Example Brand Bench …" rows), then
#   - `pack build FOLDER` of its CSV files,
#   - `pack export` of that pack to content.xlsx (libxlsxwriter) with its images/,
#   - `pack build content.xlsx` of the exported workbook, and of one written from the CSV files
#     by openpyxl (tests/workbook/csv_to_xlsx.py, when /usr/bin/python3 has openpyxl),
# each RUNS times (default 3), with /usr/bin/time -v: wall seconds (fastest and slowest run) and
# peak memory (largest maximum resident set size). Prints figures, asserts nothing.
# Usage: tests/bench/bench_workbook.sh FACTS_KIOSK [MEMBERS=1000] [RUNS=3]
set -uo pipefail
kiosk=${1:?usage: bench_workbook.sh FACTS_KIOSK [MEMBERS] [RUNS]}
members=${2:-1000} runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_workbook.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$here/../support/members_pack.sh" "$here/../render/fixture" "$work/src" >/dev/null
row=$(($(wc -l <"$work/src/members.csv") - 1))
{
  while [ "$row" -lt "$members" ]; do
    row=$((row + 1))
    printf 'member-%04d,"Example Brand Bench %d",SME,,https://example.org/bench-%d,"A fictional member number %d, made for the benchmark.","Izmišljeni član broj %d, napravljen za merenje.",,\n' \
      "$row" "$row" "$row" "$row" "$row"
  done
} >>"$work/src/members.csv"

measure() { # NAME COMMAND...: RUNS runs; prints the fastest and slowest wall time and the peak RSS
  local name=$1 i seconds rss best='' worst='' peak=0
  shift
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>&1; then
      printf '%-34s failed: %s\n' "$name" "$(tail -1 "$work/out")"
      return 1
    fi
    end=$(date +%s%N)
    seconds=$(awk -v n=$((end - start)) 'BEGIN { printf "%.3f", n / 1e9 }')
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
    best=$(awk -v a="$best" -v b="$seconds" 'BEGIN { print (a == "" || b < a) ? b : a }')
    worst=$(awk -v a="$worst" -v b="$seconds" 'BEGIN { print (a == "" || b > a) ? b : a }')
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  printf '%-34s %6.3f s (slowest %.3f s)   peak RSS %5.1f MiB\n' "$name" "$best" "$worst" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
}

echo "bench_workbook: $members members, $runs runs each, $(nproc) cores, $("$kiosk" --version 2>/dev/null | head -1)"
measure "pack build FOLDER (CSV files)" "$kiosk" pack build "$work/src" -o "$work/csv.db" || exit 0
mkdir -p "$work/wb"
measure "pack export -o content.xlsx" "$kiosk" pack export "$work/csv.db" -o "$work/wb/content.xlsx"
printf '%-34s pack %d KiB, content.xlsx %d KiB, images/ %s KiB\n' "  sizes:" "$(($(stat -c %s "$work/csv.db") / 1024))" \
  "$(($(stat -c %s "$work/wb/content.xlsx") / 1024))" "$(du -sk "$work/wb/images" 2>/dev/null | cut -f1)"
measure "pack build content.xlsx" "$kiosk" pack build "$work/wb/content.xlsx" -o "$work/xlsx.db" &&
  printf '%-34s %s\n' "  built from the workbook:" "$("$kiosk" pack check "$work/xlsx.db" | grep '^members:')"
# The same sources as another program writes them (openpyxl: tests/workbook/csv_to_xlsx.py).
mkdir -p "$work/py"
if /usr/bin/python3 "$here/../workbook/csv_to_xlsx.py" "$work/src" "$work/py/content.xlsx" >/dev/null 2>&1; then
  measure "pack build content.xlsx (openpyxl)" "$kiosk" pack build "$work/py/content.xlsx" -o "$work/py.db"
fi
exit 0
