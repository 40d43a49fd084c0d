#!/usr/bin/env bash
# The toolchain takes its package mirror from the machine's own apt configuration
# (facts_apt_source in toolchain/deps.sh), never from a host written in the project:
#   - deb822 .sources stanzas and one-line .list/sources.list entries, Signed-By kept,
#     disabled stanzas and other suites skipped, nothing found → status 1;
#   - no script under toolchain/ or tests/ names a Debian mirror host.
# Usage: test_apt_source.sh SOURCE_DIR
set -uo pipefail
source_dir=${1:?usage: test_apt_source.sh SOURCE_DIR}
source "$source_dir/toolchain/deps.sh"
set +e
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # NAME COMMAND...
  local name=$1; shift
  if "$@"; then echo "ok - $name"; passed=$((passed + 1)); else echo "not ok - $name"; failed=$((failed + 1)); fi
}
is() { [ "$1" = "$2" ] || { echo "  got '$1', expected '$2'"; return 1; }; }

mkdir -p "$work/a/sources.list.d"
cat >"$work/a/sources.list.d/debian.sources" <<'SRC'
# a comment
Types: deb
URIs: http://mirror.example.org/off
Suites: bookworm
Enabled: no

Types: deb-src deb
URIs: http://mirror.example.org/debian http://second.example.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/example.gpg
SRC
check "deb822: first enabled deb stanza, first URI, its keyring" \
  is "$(facts_apt_source bookworm "$work/a")" "http://mirror.example.org/debian /usr/share/keyrings/example.gpg"
check "deb822: another suite of the same stanza" \
  is "$(facts_apt_source bookworm-updates "$work/a")" "http://mirror.example.org/debian /usr/share/keyrings/example.gpg"

mkdir -p "$work/b/sources.list.d"
cat >"$work/b/sources.list" <<'SRC'
deb-src http://src.example.org/debian bookworm main
deb [arch=amd64 signed-by=/etc/apt/keyrings/x.gpg] http://one.example.org/debian bookworm main
SRC
check "one-line: options and signed-by" \
  is "$(facts_apt_source bookworm "$work/b")" "http://one.example.org/debian /etc/apt/keyrings/x.gpg"
echo "deb http://plain.example.org/debian trixie main" >"$work/b/sources.list.d/t.list"
check "one-line without signed-by" is "$(facts_apt_source trixie "$work/b")" "http://plain.example.org/debian -"

mkdir -p "$work/c/sources.list.d"
facts_apt_source bookworm "$work/c" >/dev/null
check "no source for the suite: status 1" is "$?" 1

hosts=$(grep -rnE 'deb\.debian\.org|ftp\.[a-z]+\.debian\.org|security\.debian\.org|archive\.raspberrypi\.(org|com)|raspbian\.raspberrypi' \
  "$source_dir/toolchain" "$source_dir/tests" "$source_dir/src" "$source_dir/.ci" "$source_dir/CMakeLists.txt" 2>/dev/null |
  grep -v "tests/toolchain/test_apt_source.sh")
check "no mirror host in the project's code" is "$hosts" ""

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
