#!/usr/bin/env bash
# Package test: builds the amd64 .deb (preset deb-amd64, build/h-pkg), installs it system-wide
# with apt-get, checks the installed kiosk, its unit file, user and directories, runs it as the
# unit does with USB updates from sticks in stick-mount's layout (installed_kiosk.sh), lists the arm64
# .deb that toolchain/test-pi.sh made, then purges the package and every package apt pulled in
# for it, leaving the machine as it was. Needs root (or sudo); run from .ci/run, not from CTest.
#
#   tests/package/package_test.sh
#
# Prints "ok - …" / "not ok - …" per check. Exit status: 0 all passed; 1 a check failed;
# 77 nothing failed but a check could not run here (it says which and why).
# Refuses to run where facts-kiosk is already installed: it would purge it.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
source toolchain/deps.sh

SKIPPED=77
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
passed=0 failed=0 skipped=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
skip() { echo "SKIPPED - $*"; skipped=$((skipped + 1)); }
check() { # NAME COMMAND...: ok when the command succeeds
  local name=$1; shift
  if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# Every file the package must carry (without the leading '.'), for amd64 and arm64 alike.
EXPECTED_FILES=(
  /usr/bin/facts-kiosk
  /usr/share/facts-kiosk/facts-content.db
  /usr/share/facts-kiosk/assets/fonts/Inter-Regular.otf
  /usr/share/facts-kiosk/assets/fonts/Inter-SemiBold.otf
  /usr/share/facts-kiosk/assets/fonts/Inter-Bold.otf
  /usr/share/facts-kiosk/assets/fonts/LICENSE-Inter.txt
  /etc/facts-kiosk/kiosk.conf
  /etc/facts-kiosk/keys.d/README
  /usr/lib/systemd/system/facts-kiosk.service
  /usr/lib/systemd/system/facts-kiosk-stick@.service
  /usr/lib/udev/rules.d/90-facts-kiosk-stick.rules
  /usr/libexec/facts-kiosk/stick-mount
  /usr/lib/sysusers.d/facts-kiosk.conf
  /usr/lib/tmpfiles.d/facts-kiosk.conf
)
# check_listing NAME FILE: FILE holds one packaged path per line; every expected one is there.
check_listing() {
  local name=$1 listing=$2 path missing=""
  for path in "${EXPECTED_FILES[@]}"; do
    grep -qxF "$path" "$listing" || missing="$missing $path"
  done
  if [ -z "$missing" ]; then ok "$name: all ${#EXPECTED_FILES[@]} files"; else not_ok "$name: missing$missing"; fi
}
deb_listing() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$'; }

if dpkg-query -W -f='${Status}' facts-kiosk 2>/dev/null | grep -q 'install ok installed'; then
  echo "package_test: facts-kiosk is already installed here; not touching it (the test purges it)" >&2
  exit 1
fi

echo "== package_test: build the amd64 package (preset deb-amd64)"
facts_install_packages "${FACTS_BUILD_PACKAGES[@]}" dpkg-dev file systemd minisign xvfb x11-utils python3
{ cmake --preset deb-amd64 >/dev/null && cmake --build --preset deb-amd64 -j"$(nproc)" &&
  (cd build/h-pkg && cpack -G DEB >/dev/null); } || { echo "package_test: build failed" >&2; exit 1; }
deb=$(find build/h-pkg -maxdepth 1 -name 'facts-kiosk_*_amd64.deb' -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2)
[ -n "$deb" ] || { echo "package_test: cpack made no .deb" >&2; exit 1; }
echo "== package_test: $deb"

work=$(mktemp -d)
user_existed=0 run_media_existed=0
getent passwd facts-kiosk >/dev/null && user_existed=1
[ -e /run/media ] && run_media_existed=1
dpkg-query -W -f='${Package}:${Architecture}\n' | sort >"$work/before"
cleanup() {
  echo "== package_test: purge"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq facts-kiosk >/dev/null 2>&1
  # What the install added, as listed right after it: packages that something else on this
  # machine installs while the test runs are not ours to purge.
  [ -f "$work/after" ] || dpkg-query -W -f='${Package}:${Architecture}\n' | sort >"$work/after"
  local extra
  # (grep finds nothing when the install pulled nothing in: not an error under errexit)
  extra=$(comm -13 "$work/before" "$work/after" | { grep -v '^facts-kiosk:' || true; } | tr '\n' ' ')
  if [ -n "${extra// /}" ]; then
    echo "package_test: purging what the install pulled in: $extra"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq $extra >/dev/null 2>&1
  fi
  [ $user_existed = 1 ] || $sudo userdel facts-kiosk 2>/dev/null || true
  # The stick mount root that the package's tmpfiles.d made (a tmpfs: it would go at reboot).
  $sudo rmdir /run/media/facts-kiosk 2>/dev/null || true
  [ $run_media_existed = 1 ] || $sudo rmdir /run/media 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== package_test: install"
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "./$deb" >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  not_ok "apt-get install ./$deb"
  exit 1
fi
ok "apt-get install ./$deb (dependencies from the archive)"
dpkg-query -W -f='${Package}:${Architecture}\n' | sort >"$work/after"

check "--version from /usr/bin" /usr/bin/facts-kiosk --version
check "pack check of the installed bundled pack" \
  /usr/bin/facts-kiosk pack check /usr/share/facts-kiosk/facts-content.db
dpkg -L facts-kiosk | grep -v '/\.$' >"$work/installed"
check_listing "installed files" "$work/installed"

# The installed program, with nothing from the source tree: run it from /, clean environment.
if /usr/bin/facts-kiosk --help 2>&1 | grep -- '--screenshots' >/dev/null; then
  shots=$work/shots
  mkdir -p "$shots"
  if (cd / && env -i PATH=/usr/bin:/bin HOME=/nonexistent \
        /usr/bin/facts-kiosk --screenshots "$shots" --size 640x360 >"$work/shots.log" 2>&1) &&
     [ -n "$(find "$shots" -name '*.png' -size +1k | head -1)" ]; then
    ok "--screenshots from the installed paths: $(find "$shots" -name '*.png' | wc -l) PNGs"
  else
    tail -20 "$work/shots.log"
    not_ok "--screenshots from the installed paths"
  fi
else
  skip "--screenshots: 'facts-kiosk --help' does not list --screenshots yet"
fi

# systemd-analyze verify loads the units offline (no running systemd needed) and checks every
# directive, the binaries they name and the units they reference.
verify_units() {
  local out
  out=$(cd / && systemd-analyze verify /usr/lib/systemd/system/facts-kiosk.service \
        /usr/lib/systemd/system/facts-kiosk-stick@.service 2>&1)
  local status=$?
  [ -n "$out" ] && echo "$out"
  [ $status = 0 ] && ! grep -q 'facts-kiosk' <<<"$out"
}
check "systemd-analyze verify facts-kiosk.service facts-kiosk-stick@.service" verify_units
check "service enabled for boot" systemctl is-enabled --quiet facts-kiosk.service
check "conffile /etc/facts-kiosk/kiosk.conf" \
  grep -q '/etc/facts-kiosk/kiosk.conf' <(dpkg-query -W -f='${Conffiles}' facts-kiosk)
groups_of_kiosk() { id -nG facts-kiosk | tr ' ' '\n' | sort | tr '\n' ' '; }
check "user facts-kiosk in video, render, input" \
  grep -qE '^(.* )?input (.* )?render (.* )?video ' <(groups_of_kiosk)
# Screen power (README, "Screen power"): /dev/cec0 and /dev/dri/card* belong to group video
# (systemd's udev rules), which the unit adds; no device allow-list (DevicePolicy=, DeviceAllow=,
# PrivateDevices=, ProtectClock=) may shut them out.
unit_reaches_screen_devices() {
  local unit=/usr/lib/systemd/system/facts-kiosk.service
  grep -qE '^SupplementaryGroups=(.* )?video( |$)' "$unit" &&
    ! grep -qE '^(DevicePolicy|DeviceAllow|PrivateDevices|ProtectClock)=' "$unit"
}
check "the unit reaches /dev/cec0 and the DRM device (group video, no device allow-list)" \
  unit_reaches_screen_devices
check "state directory /var/lib/facts-kiosk 0700 facts-kiosk" \
  test "$(stat -c '%a %U' /var/lib/facts-kiosk 2>/dev/null)" = "700 facts-kiosk"
check "stick-mount refuses a bad device name" \
  test "$(/usr/libexec/facts-kiosk/stick-mount mount '../sda' 2>/dev/null; echo $?)" = 2
check "binary is amd64" grep -q 'x86-64' <(file -L /usr/bin/facts-kiosk)

# The installed kiosk at work: started as the unit starts it, updated from sticks mounted where
# stick-mount mounts them, rolled back by root beside it (tests/package/installed_kiosk.sh).
echo "== package_test: installed kiosk (tests/package/installed_kiosk.sh)"
installed_status=0
timeout -k 10 900 tests/package/installed_kiosk.sh || installed_status=$?
case $installed_status in
0) ok "installed kiosk: USB updates, rollback and restarts (installed_kiosk.sh)" ;;
"$SKIPPED") skip "installed kiosk: could not run here (installed_kiosk.sh says why)" ;;
*) not_ok "installed kiosk: USB updates, rollback and restarts (installed_kiosk.sh, exit $installed_status)" ;;
esac

# The arm64 package, from toolchain/test-pi.sh (the cross build). No build/pi-arm64 is a skip,
# not an exit (deps.sh, sourced above, turns on errexit).
arm_deb=$(find build/pi-arm64 -maxdepth 1 -name 'facts-kiosk_*_arm64.deb' -printf '%T@ %p\n' 2>/dev/null |
          sort -n | tail -1 | cut -d' ' -f2) || arm_deb=''
if [ -n "$arm_deb" ]; then
  echo "== package_test: dpkg-deb -c $arm_deb"
  dpkg-deb -c "$arm_deb"
  deb_listing "$arm_deb" >"$work/arm64"
  check_listing "arm64 package" "$work/arm64"
  check "arm64 package: Architecture arm64" test "$(dpkg-deb -f "$arm_deb" Architecture)" = arm64
  check "arm64 package: depends on SDL2 and friends" \
    grep -q 'libsdl2-2.0-0.*libsdl2-ttf' <(dpkg-deb -f "$arm_deb" Depends | tr ',' '\n' | sort | tr '\n' ' ')
  mkdir -p "$work/arm64-root"
  dpkg-deb -x "$arm_deb" "$work/arm64-root"
  check "arm64 package: binary is aarch64" grep -q 'ARM aarch64' <(file "$work/arm64-root/usr/bin/facts-kiosk")
else
  skip "arm64 package: no build/pi-arm64/facts-kiosk_*_arm64.deb (toolchain/test-pi.sh makes it)"
fi

trap - EXIT
cleanup
check "purged: no files left" test ! -e /usr/bin/facts-kiosk -a ! -e /etc/facts-kiosk -a ! -e /var/lib/facts-kiosk

echo "$passed passed, $failed failed, $skipped skipped"
[ $failed = 0 ] || exit 1
[ $skipped = 0 ] || exit $SKIPPED
exit 0
