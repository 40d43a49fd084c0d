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
check() { # [--booth] SIZE CLOCK SLIDES... (LANG/NAME)
  local profile=lobby refs=event
  if [ "$1" = --booth ]; then profile=booth refs=event-booth; shift; fi
  local size=$1 clock=$2; shift 2
  "$kiosk" --screenshots "$work/$profile-$size" --size "$size" --db "$work/event.db" --profile $profile \
    --fake-clock "$clock" --log-level warn
  for slide in "$@"; do
    local ref="$here/reference/$refs/$size/$slide.png" got="$work/$profile-$size/$slide.png"
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
# The booth (references in reference/event-booth/) at 11:05: its Event section, "Find my
# meetings" (a hint; "Example Buyer 007" typed, the keyboard open; then closed, each of its
# four meetings with a QR code) and the agenda. After the references: the codes decoded
# (zbarimg) and read as iCalendar, and no Event section two days later.
check --booth 960x540 2026-09-17T11:05:00 en/14-event-1 en/15-event-2 en/20-event-find en/21-event-found \
  sr-Cyrl/21-event-found
check --booth 540x960 2026-09-17T11:05:00 en/21-event-found sr-Latn/15-event-2
# ABOUT leads with now and next (about-1), then the board's pages (about-2 …).
check 960x540 2026-09-17T11:05:00 en/01-about-1 en/02-about-2 en/04-about-4 sr-Cyrl/02-about-2
check 540x960 2026-09-17T12:02:00 en/01-about-1 en/02-about-2 sr-Latn/03-about-3
# Full size under the lunch banner: a page of rows made shorter by the banner keeps its times,
# tables and "Occupied" (they were once left out for want of height). Under qemu
# (FACTS_SCREENSHOTS_FIXTURE_ONLY, toolchain/test-pi.sh) the full-size shots and the QR codes'
# 1280x720 shots are left to amd64: each size renders every slide in three languages.
emulated=${FACTS_SCREENSHOTS_FIXTURE_ONLY:-}
[ -z "$emulated" ] && check 1920x1080 2026-09-17T12:07:00 en/03-about-3
[ $update = 1 ] && { echo "references written"; exit 0; }
if [ -z "$emulated" ]; then
# A phone reads the codes: at 1280x720 every code of "Example Buyer 007"'s meetings decodes
# (zbarimg) to an iCalendar event Python's icalendar parses, in UTC at its round's start.
"$kiosk" --screenshots "$work/qr" --size 1280x720 --db "$work/event.db" --profile booth \
  --fake-clock 2026-09-17T11:05:00 --log-level warn
if zbarimg -q --raw "$work/qr/en/21-event-found.png" 2>/dev/null >"$work/qr.txt" &&
  /usr/bin/python3 - "$work/qr.txt" <<'PY'
import sys, icalendar
text = open(sys.argv[1], "rb").read().replace(b"\r\n\n", b"\r\n")
starts = []
for chunk in text.split(b"END:VCALENDAR\r\n"):
    if not chunk.strip():
        continue
    cal = icalendar.Calendar.from_ical(chunk + b"END:VCALENDAR\r\n")
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("dtstart")
        assert start.utcoffset().total_seconds() == 0, start
        assert "Table" in str(ev["location"]), ev["location"]
        starts.append(start.strftime("%H:%MZ"))
# Example Buyer 007 meets at 10:00, 10:50, 11:40 and 12:30 in Belgrade (UTC+2).
assert sorted(starts) == ["08:00Z", "08:50Z", "09:40Z", "10:30Z"], starts
PY
then
  echo "ok - 1280x720 the four QR codes read as iCalendar events in UTC"; passed=$((passed + 1))
else
  echo "not ok - 1280x720 the QR codes of en/21-event-found"; failed=$((failed + 1))
fi
fi
# Nothing of the event on another day: no Event section at the booth two days later.
"$kiosk" --screenshots "$work/after" --size 960x540 --db "$work/event.db" --profile booth \
  --fake-clock 2026-09-19T11:05:00 --log-level warn
if [ -n "$(ls "$work/after/en")" ] && [ -z "$(find "$work/after" -name '*-event-*')" ]; then
  echo "ok - 960x540 no Event section on 2026-09-19"; passed=$((passed + 1))
else
  echo "not ok - 960x540 an Event section on 2026-09-19"; failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ $failed = 0 ]
