#!/usr/bin/env bash
# Event screenshot test: the lobby's event slides of the fictional event pack
# (tests/support/event_pack.sh: 40 tables, 8 rounds, announcements) rendered headless as they
# would be at a --fake-clock time, compared with the references in
# tests/render/reference/event/ (per-channel tolerance 3, as tests/render/screenshots.sh):
# 960x540 at 11:05 during round 3 (now and next with its clock and lunch counting down, the board with round 3
# highlighted and round 4 after it) and 540x960 at 12:02 between rounds ("Round 6 starts in
# 3:00") under the lunch announcement's banner; 1920x1080 at 12:07, a board page under it. The fake clock is local time: TZ is the
# event's zone. Regenerate after an intended visual change with:
#   tests/render/event_screenshots.sh --update build/dev/src/facts-kiosk build/dev/tests/render/png_compare
# then look at every changed PNG before committing it.
set -euo pipefail
update=0
if [ "${1:-}" = --update ]; then update=1; shift; fi
kiosk=${1:?usage: event_screenshots.sh [--update] FACTS_KIOSK PNG_COMPARE}
compare=${2:?usage: event_screenshots.sh [--update] FACTS_KIOSK PNG_COMPARE}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/event-shots.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SDL_FRAMEBUFFER_ACCELERATION=0 TZ=Europe/Belgrade
"$here/../support/event_pack.sh" "$here/fixture" "$work/src" 2026-09-17 >/dev/null
"$kiosk" pack build "$work/src" -o "$work/event.db" >/dev/null
passed=0 failed=0
check() { # SIZE CLOCK SLIDES... (LANG/NAME)
  local size=$1 clock=$2; shift 2
  "$kiosk" --screenshots "$work/$size" --size "$size" --db "$work/event.db" --profile lobby \
    --fake-clock "$clock" --log-level warn
  for slide in "$@"; do
    local ref="$here/reference/event/$size/$slide.png" got="$work/$size/$slide.png"
    if [ $update = 1 ]; then
      mkdir -p "$(dirname "$ref")" && cp "$got" "$ref"; continue
    fi
    if [ -f "$got" ] && "$compare" "$ref" "$got" "$work/diff.png"; then
      echo "ok - $size $slide"; passed=$((passed + 1))
    else
      echo "not ok - $size $slide"; failed=$((failed + 1))
    fi
  done
}
# ABOUT leads with now and next (about-1), then the board's pages (about-2 …).
check 960x540 2026-09-17T11:05:00 en/01-about-1 en/02-about-2 en/04-about-4 sr-Cyrl/02-about-2
check 540x960 2026-09-17T12:02:00 en/01-about-1 en/02-about-2 sr-Latn/03-about-3
# Full size under the lunch banner: a page of rows made shorter by the banner keeps its times,
# tables and "Occupied" (they were once left out for want of height).
check 1920x1080 2026-09-17T12:07:00 en/03-about-3
[ $update = 1 ] && { echo "references written"; exit 0; }
echo "$passed passed, $failed failed"
[ $failed = 0 ]
