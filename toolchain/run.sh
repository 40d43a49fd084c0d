#!/usr/bin/env bash
# Quick start: install what is missing, build, and start the kiosk on the bundled content.
# Extra arguments go to the kiosk (e.g. ./toolchain/run.sh --lang sr-Cyrl).
set -euo pipefail
cd "$(dirname "$0")/.."
source toolchain/deps.sh
facts_install_packages "${FACTS_BUILD_PACKAGES[@]}"
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
kiosk=build/release/src/facts-kiosk
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ ! -e /dev/dri/card0 ]; then
  echo "run: no display here (no DISPLAY, no WAYLAND_DISPLAY, no /dev/dri/card0)."
  echo "run: to see the slides anyway, render them to PNG:"
  echo "       $kiosk --screenshots /tmp/facts-slides --size 1920x1080"
  echo "run: or start it under a virtual X server: xvfb-run -s '-screen 0 1920x1080x24' $kiosk"
  exit 0
fi
windowed=()
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && windowed=(--windowed 1280x720)
exec "$kiosk" "${windowed[@]}" "$@"
