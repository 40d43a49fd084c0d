#!/usr/bin/env bash
# Bad input never crashes the kiosk, and says what is wrong once:
#  - a missing font: a clear message at start-up and exit status 1;
#  - a pack image whose header is fine but whose data is not: slides still render (with a
#    placeholder) and the problem is logged once, not once per slide;
#  - an unknown language: a usage message and exit status 2.
# Usage: bad_input.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: bad_input.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: bad_input.sh FACTS_KIOSK FIXTURE_SOURCES}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if "${@:2}"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi; }

FACTS_ASSETS_DIR="$work/nowhere" "$kiosk" --screenshots "$work/a" >"$work/font.log" 2>&1
status=$?
check "missing font: exit status 1" test "$status" = 1
check "missing font: says which file" grep -q "render: font $work/nowhere/fonts/Inter-Regular.otf" "$work/font.log"

"$kiosk" pack build "$sources" -o "$work/pack.db" >/dev/null
# Keep the PNG signature and header (so the loader accepts it), then garbage.
sqlite3 "$work/pack.db" "UPDATE images SET data = CAST(substr(data, 1, 33) || randomblob(200) AS BLOB);"
"$kiosk" --screenshots "$work/b" --size 640x360 --db "$work/pack.db" >"$work/image.log" 2>&1
status=$?
check "broken image: still renders every slide" test "$status" = 0 -a "$(ls "$work/b/en" | wc -l)" -gt 10
check "broken image: logged once" test "$(grep -c 'cannot be shown' "$work/image.log")" = 1

"$kiosk" --lang xx >"$work/lang.log" 2>&1
status=$?
check "unknown language: usage error" test "$status" = 2
check "unknown language: says so" grep -q -- '--lang' "$work/lang.log"

[ "$failed" = 0 ] || cat "$work"/*.log
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
