#!/usr/bin/env bash
# toolchain/promtool.sh — prints the path of Prometheus' promtool, for the tests that check the
# kiosk's Prometheus textfile (`promtool check metrics`). promtool comes in Debian's
# `prometheus` package, which also holds the server: it is not installed (nothing is started
# and nothing goes into /usr), only taken out of the package with `apt-get download` and
# `dpkg -x` into a cache folder, once: $FACTS_TOOL_CACHE, else $XDG_CACHE_HOME/facts-kiosk,
# else ~/.cache/facts-kiosk. Exit status: 0 (the path on stdout); 77 when apt cannot download
# the package (no network, no such package for this architecture): the caller skips.
set -uo pipefail
cache=${FACTS_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/facts-kiosk}/prometheus
promtool=$cache/usr/bin/promtool
if [ -x "$promtool" ]; then
  echo "$promtool"
  exit 0
fi
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
if ! (cd "$download" && apt-get download prometheus >/dev/null 2>&1) || ! ls "$download"/prometheus_*.deb >/dev/null 2>&1; then
  echo "promtool.sh: apt-get download prometheus failed (no network or no package here)" >&2
  exit 77
fi
mkdir -p "$cache.new" && dpkg -x "$download"/prometheus_*.deb "$cache.new" || exit 1
rm -rf "$cache" && mv "$cache.new" "$cache"
[ -x "$promtool" ] || { echo "promtool.sh: no usr/bin/promtool in the package" >&2; exit 1; }
echo "$promtool"
