#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test, if any are missing.
# Sourced by run.sh and test.sh; safe to run again (it installs nothing when all are present).
set -euo pipefail

FACTS_BUILD_PACKAGES=(
  build-essential cmake pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsqlite3-dev
  libsodium-dev libqrencode-dev libinih-dev
)
FACTS_TEST_PACKAGES=(
  libcmocka-dev clang libclang-rt-14-dev minisign sqlite3
  xvfb xdotool x11-apps x11-utils imagemagick python3
)

facts_missing_packages() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || echo "$package"
  done
}

facts_install_packages() {
  local missing
  missing=$(facts_missing_packages "$@")
  [ -z "$missing" ] && return 0
  echo "deps: installing: $(echo $missing | tr '\n' ' ')"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
