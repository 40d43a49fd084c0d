#!/usr/bin/env bash
# Renders the README's screenshots from the bundled pack: assets/readme/make-screens.sh build/dev/src/facts-kiosk
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
