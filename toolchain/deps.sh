#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test, if any are missing.
# Sourced by run.sh and test.sh; safe to run again (it installs nothing when all are present).
set -euo pipefail

FACTS_BUILD_PACKAGES=(
  build-essential cmake pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsqlite3-dev
  libsodium-dev libqrencode-dev libinih-dev libcurl4-openssl-dev
  libespeak-ng-dev espeak-ng-data libx11-dev libxext-dev libdrm-dev
  libzip-dev libexpat1-dev libxlsxwriter-dev libical-dev
)
FACTS_TEST_PACKAGES=(
  libcmocka-dev clang libclang-rt-14-dev minisign sqlite3
  xvfb xdotool x11-apps x11-utils imagemagick python3
  libgl1-mesa-dri libegl-mesa0 libegl1 libgles2 nginx openssl
  python3-openpyxl libreoffice-calc-nogui python3-icalendar python3-tz time zbar-tools
)

# Prints the packages of "$@" that are not installed. A name without an architecture must be
# installed for this machine's own (or be arch: all): a -dev package installed only for a Pi's
# architecture (test-pi.sh) does not count, since some of them (libical-dev, through libdb-dev)
# cannot sit beside the native one and apt removes the native one to install them.
facts_missing_packages() {
  local package native
  native=$(dpkg --print-architecture)
  for package in "$@"; do
    case $package in
      *:*) dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || echo "$package" ;;
      *) dpkg-query -W -f='${Status} ${Architecture}\n' "$package" 2>/dev/null |
           grep -qE "^install ok installed ($native|all)\$" || echo "$package" ;;
    esac
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

# facts_apt_source SUITE [APT_DIR]: prints "URI KEYRING" for the first enabled `deb` source of
# SUITE (e.g. bookworm) in this machine's own apt configuration: /etc/apt/sources.list and
# sources.list.d/*.list (one-line `deb [options] URI SUITE COMPONENTS...`) and
# sources.list.d/*.sources (deb822 stanzas: Types, URIs, Suites, Enabled, Signed-By), in the
# order apt reads them. KEYRING is the source's Signed-By file, or "-" when it names none (then
# apt's default keyrings apply). Prints nothing and returns 1 when no source serves SUITE.
# So debootstrap uses whatever mirror or proxy the machine uses, and no host is written here.
facts_apt_source() {
  local suite=$1 dir=${2:-/etc/apt} file found=""
  local files=()
  [ -f "$dir/sources.list" ] && files+=("$dir/sources.list")
  for file in "$dir"/sources.list.d/*.list "$dir"/sources.list.d/*.sources; do
    [ -f "$file" ] && files+=("$file")
  done
  for file in "${files[@]}"; do
    case $file in
      *.sources) found=$(awk -v suite="$suite" '
        function flush(   n, i, s, u) {
          if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled != "no" && uris != "") {
            n = split(suites, s, /[ \t]+/)
            for (i = 1; i <= n; i++) if (s[i] == suite) {
              split(uris, u, /[ \t]+/)
              print u[1], (signed ~ /^\// ? signed : "-"); done = 1; exit
            }
          }
          types = uris = suites = signed = enabled = ""
        }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        /^[ \t]/ { next }
        {
          key = tolower(substr($0, 1, index($0, ":") - 1)); val = substr($0, index($0, ":") + 1)
          gsub(/^[ \t]+|[ \t]+$/, "", val)
          if (key == "types") types = val; else if (key == "uris") uris = val
          else if (key == "suites") suites = val; else if (key == "enabled") enabled = tolower(val)
          else if (key == "signed-by") signed = val
        }
        END { if (!done) flush() }' "$file") ;;
      *) found=$(awk -v suite="$suite" '
        $1 == "deb" {
          line = $0; sub(/^[ \t]*deb[ \t]+/, "", line); opts = ""
          if (line ~ /^\[/) { opts = substr(line, 2, index(line, "]") - 2); line = substr(line, index(line, "]") + 1) }
          n = split(line, f, /[ \t]+/); if (f[1] == "") { for (i = 1; i < n; i++) f[i] = f[i + 1] }
          if (f[2] == suite) {
            signed = "-"
            if (match(opts, /signed-by=[^ \t]+/)) signed = substr(opts, RSTART + 10, RLENGTH - 10)
            print f[1], signed; exit
          }
        }' "$file") ;;
    esac
    [ -n "$found" ] && { echo "$found"; return 0; }
  done
  return 1
}
