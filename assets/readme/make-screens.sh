#!/usr/bin/env bash
# Renders the README's screenshots from the bundled pack: assets/readme/make-screens.sh build/dev/src/facts-kiosk
# (and the event of the day's two, from the fictional event pack of tests/support/event_pack.sh
# at a --fake-clock time in round 3, at 1920x1080, reduced to 64 colours with ImageMagick).
set -euo pipefail
kiosk=${1:?usage: assets/readme/make-screens.sh FACTS_KIOSK}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kiosk" --screenshots "$work/l" --size 1280x720 --log-level warn
"$kiosk" --screenshots "$work/p" --size 720x1280 --log-level warn
cp "$work/l/en/02-about-2.png" "$here/en-about-figures.png"
cp "$work/l/sr-Cyrl/07-members-1.png" "$here/sr-Cyrl-members.png"
cp "$work/l/sr-Latn/08-stories-1.png" "$here/sr-Latn-stories.png"
cp "$work/p/en/00-attract.png" "$here/portrait-attract.png"
"$here/../../tests/support/event_pack.sh" "$here/../../tests/render/fixture" "$work/event-src" 2026-09-17 >/dev/null
"$kiosk" pack build "$work/event-src" -o "$work/event.db" >/dev/null
TZ=Europe/Belgrade "$kiosk" --screenshots "$work/e" --size 1920x1080 --db "$work/event.db" --profile lobby \
  --fake-clock 2026-09-17T11:05:00 --log-level warn
convert "$work/e/en/01-about-1.png" -dither None -colors 64 "PNG8:$here/event-now-next.png"
convert "$work/e/en/02-about-2.png" -dither None -colors 64 "PNG8:$here/event-board.png"
