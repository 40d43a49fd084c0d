#!/usr/bin/env bash
# Raspberry Pi builds and tests, on a Debian 12 amd64 machine (root or sudo, Debian's mirror):
#   arm64 (64-bit Pi OS, preset pi-arm64): cross-build, run the whole CTest suite under
#          qemu-aarch64 (unit, screenshot and end-to-end tests), build the .deb;
#   armhf (32-bit Pi OS, preset pi-armhf): the same with qemu-arm.
# Installs what is missing: the cross compilers, qemu-user, and the target's -dev packages
# from Debian's multiarch archive (dpkg --add-architecture). If the mirror cannot deliver the
# armhf ones (they must match the host's versions exactly), armhf falls back to a sysroot made
# from bookworm main's armhf packages with debootstrap (toolchain/make-sysroot.sh, cached in
# build/sysroot-armhf; preset pi-armhf-sysroot): cross-build and tests under qemu-arm, no .deb
# (dpkg-shlibdeps needs the armhf packages in the host's dpkg database).
#
#   ./toolchain/test-pi.sh              # both; FACTS_PI_ARCHES="arm64" for one
#
# Exit status: 0 every architecture built and passed; 1 a build or a test failed;
# 77 (SKIPPED) nothing failed, but something could not be tested here: the mirror did not
# deliver an architecture's packages (nor, for armhf, the sysroot's), the kernel cannot run
# foreign binaries from scripts (binfmt_misc), or armhf's tests need a private /tmp that could
# not be mounted. A skip is never a pass: the summary at the end says what was skipped and why.
set -euo pipefail
cd "$(dirname "$0")/.."
source toolchain/deps.sh

SKIPPED=77
ARCHES=${FACTS_PI_ARCHES:-arm64 armhf}
jobs=$(nproc)
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
summary=()
failed=0
skipped=0

declare -A TRIPLET=([arm64]=aarch64-linux-gnu [armhf]=arm-linux-gnueabihf)
declare -A QEMU=([arm64]=qemu-aarch64 [armhf]=qemu-arm)

say() { echo "== test-pi.sh: $*"; }
loud() {
  echo "!! ============================================================================"
  echo "!! test-pi.sh: $*"
  echo "!! ============================================================================"
}

# The target's packages: every -dev package the native build needs, plus cmocka for the tests.
target_packages() { # ARCH
  local package
  for package in "${FACTS_BUILD_PACKAGES[@]}" libcmocka-dev; do
    case $package in *-dev) echo "$package:$1" ;; esac
  done
}

# Installs the :ARCH packages; returns 1 (after saying why, loudly) if the mirror cannot
# deliver them. An architecture this function added and could not use is removed again, so
# that a broken foreign index does not make every later `apt-get update` fail.
install_target() { # ARCH
  local arch=$1 added=0 missing
  # shellcheck disable=SC2046
  missing=$(facts_missing_packages $(target_packages "$arch"))
  [ -z "$missing" ] && return 0
  if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
    $sudo dpkg --add-architecture "$arch"
    added=1
  fi
  say "$arch: installing ${missing//$'\n'/ }"
  local log
  log=$(mktemp)
  if ! $sudo apt-get update -qq >"$log" 2>&1; then
    echo "test-pi.sh: apt-get update reported errors (trying the install anyway):"
    grep -E '^(E|W):' "$log" | head -5 || true
  fi
  # shellcheck disable=SC2086
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      $missing >"$log" 2>&1; then
    if [ "$arch" = armhf ]; then
      loud "the package mirror cannot deliver the armhf multiarch packages; trying a sysroot next"
    else
      loud "the package mirror cannot deliver the $arch packages; $arch NOT built, NOT tested"
    fi
    grep -E '^(E:| [^ ].*: Depends)' "$log" | head -12 || true
    if [ $added = 1 ] && ! dpkg-query -W -f='${Architecture}\n' 2>/dev/null | grep -qx "$arch"; then
      $sudo dpkg --remove-architecture "$arch"
      $sudo apt-get update -qq >/dev/null 2>&1 || true
      echo "test-pi.sh: removed the $arch architecture again; apt is as it was"
    fi
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# Scripts among the tests (screenshots, end-to-end) start the ARM binary themselves, which
# only works when the kernel hands foreign ELF files to qemu (binfmt_misc; Debian's
# qemu-user-binfmt). CTest's own runs use CMAKE_CROSSCOMPILING_EMULATOR and need none of this.
enable_binfmt() { # ARCH
  local name=${QEMU[$1]} dir=/proc/sys/fs/binfmt_misc
  [ -e "$dir/$name" ] && return 0
  [ -e "$dir/register" ] || $sudo mount -t binfmt_misc binfmt_misc "$dir" 2>/dev/null || true
  [ -e "$dir/$name" ] || $sudo /lib/systemd/systemd-binfmt "/usr/lib/binfmt.d/$name.conf" 2>/dev/null || true
  [ -e "$dir/$name" ]
}

# Runs a command with TMPDIR on a private tmpfs (own mount namespace). For armhf tests: a 32-bit
# program's readdir() under qemu-user on a 64-bit host fails with EOVERFLOW on ext4, whose
# directory cookies are 64-bit hashes for 64-bit processes such as qemu (a real Pi's kernel hands
# 32-bit programs 32-bit ones); tmpfs cookies are small. The tests make their folders in $TMPDIR.
# The tmpfs goes on a folder of its own, not on /tmp: the source tree may itself live in /tmp.
FACTS_PRIVATE_TMP=$PWD/build/private-tmp
with_private_tmp() { # COMMAND...
  mkdir -p "$FACTS_PRIVATE_TMP"
  if [ "$(id -u)" -eq 0 ]; then
    TMPDIR=$FACTS_PRIVATE_TMP unshare -m sh -c 'mount -t tmpfs -o mode=1777 facts-tmp "$TMPDIR" && exec "$@"' sh "$@"
  else
    TMPDIR=$FACTS_PRIVATE_TMP sudo --preserve-env unshare -m bash -c 'mount -t tmpfs -o mode=1777 facts-tmp "$TMPDIR" || exit 1
      uid=$1 gid=$2; shift 2; exec setpriv --reuid="$uid" --regid="$gid" --init-groups "$@"' \
      bash "$(id -u)" "$(id -g)" "$@"
  fi
}
private_tmp_works() {
  # shellcheck disable=SC2016
  with_private_tmp sh -c '[ "$(stat -f -c %T "$TMPDIR")" = tmpfs ]' 2>/dev/null
}

# cross-build, test and package one architecture; appends one line to the summary.
run_arch() { # ARCH
  local arch=$1 preset start label=$1 sysroot=""
  preset=pi-$arch
  start=$(date +%s)
  if ! install_target "$arch"; then
    if [ "$arch" != armhf ]; then
      summary+=("SKIPPED $arch: the mirror could not deliver its packages (see above)")
      skipped=1
      return 0
    fi
    # armhf without multiarch: the target's packages unpacked into a sysroot of their own.
    say "armhf: falling back to a debootstrap sysroot (build/sysroot-armhf)"
    local status=0
    ./toolchain/make-sysroot.sh armhf build/sysroot-armhf || status=$?
    if [ $status = 2 ]; then
      loud "armhf: the mirror delivered neither the multiarch packages nor the sysroot's;" \
        "armhf NOT built, NOT tested"
      summary+=("SKIPPED armhf: the mirror could not deliver its packages (see above)")
      skipped=1
      return 0
    elif [ $status != 0 ]; then
      summary+=("FAILED  armhf: could not make the sysroot build/sysroot-armhf")
      failed=1
      return 0
    fi
    sysroot=$PWD/build/sysroot-armhf
    preset=pi-armhf-sysroot
    label="armhf (sysroot)"
  fi
  local excluded=() no_binfmt=0
  if ! enable_binfmt "$arch"; then
    no_binfmt=1
    loud "$arch: cannot register ${QEMU[$arch]} with binfmt_misc here; the script tests" \
      "(screenshots, bad input, pack CLI, e2e) that start the ARM binary themselves are NOT run"
    excluded+=(screenshots screenshots_gles2 bad_input pack_cli e2e_display e2e_update e2e_store e2e_watchdog e2e_hours e2e_visits)
    skipped=1
  fi
  # Mesa's llvmpipe in 32-bit ARM under qemu-user rounds shape edges and scaled images
  # differently (members pages off by up to 1.3 %), and it is not the Pi's GPU (V3D) anyway: the
  # GLES2 renderer's code is checked on amd64 and arm64; armhf runs the software references.
  [ "$arch" = armhf ] && excluded+=(screenshots_gles2)
  # espeak-ng finds its voices with readdir() in /usr/lib/arm-linux-gnueabihf/espeak-ng-data,
  # which 32-bit code under qemu-user cannot read on this host's ext4 (EOVERFLOW, as for /tmp
  # above): "no voice sr". A Pi reads its own disk; arm64 and amd64 run the speech tests.
  [ "$arch" = armhf ] && excluded+=(test_speech test_speech_player e2e_speech)
  # Tests that measure time on a running kiosk (watchdog gaps, poll schedules, minute-long
  # status and report cycles, CPU while the display sleeps, the staff gesture's 3 s holds) say
  # nothing under qemu-user, where everything runs 5-20 times slower, and their code is the
  # same C on every architecture: they run on amd64 (test.sh).
  excluded+=(e2e_watchdog e2e_url_watchdog e2e_url e2e_status e2e_report e2e_hours e2e_staff e2e_event_board)
  # The screen picture's e2e times the kiosk like those above. LibreOffice's re-save of a workbook
  # and the hostile workbooks' peak-RSS bounds (qemu-user's own memory counts in the RSS) are
  # checked on amd64; the workbook round trips run here.
  excluded+=(e2e_screen e2e_import workbook_libreoffice workbook_hostile)
  # The visitor's end-to-end flows (taps through the members, the lead form, the display's
  # rotations, the visit counts) are the same C as on arm64, which runs them: armhf keeps the
  # 32-bit questions (store, leads, unit tests, screenshots) and gives CI its ~3 minutes back.
  [ "$arch" = armhf ] && excluded+=(e2e_display e2e_members e2e_lead_form_1280x720 e2e_lead_form_1080x1920 e2e_visits
    e2e_event_booth)
  local exclude=()
  [ ${#excluded[@]} -gt 0 ] && exclude=(-E "^($(IFS='|'; echo "${excluded[*]}"))\$")
  local fresh=()
  if [ -n "$sysroot" ]; then
    # the sysroot's place is read at configure time; scripts that start the ARM binary through
    # binfmt_misc find its loader and libraries through QEMU_LD_PREFIX.
    export FACTS_SYSROOT=$sysroot QEMU_LD_PREFIX=$sysroot
    fresh=(--fresh)
  fi
  say "$label: configure + build (preset $preset)"
  if ! { cmake --preset "$preset" "${fresh[@]}" >/dev/null && cmake --build --preset "$preset" -j"$jobs"; }; then
    summary+=("FAILED  $label: the cross build failed")
    failed=1
    unset FACTS_SYSROOT QEMU_LD_PREFIX
    return 0
  fi
  local runner=()
  if [ "$arch" = armhf ]; then
    if private_tmp_works; then
      runner=(with_private_tmp)
    else
      loud "armhf: built, tests not run because 32-bit readdir() under qemu-user fails on this" \
        "host's /tmp (EOVERFLOW) and no private tmpfs /tmp could be mounted (unshare -m)"
      summary+=("SKIPPED $label: built (build/$preset), tests not run: no private tmpfs /tmp (see above)")
      skipped=1
      unset FACTS_SYSROOT QEMU_LD_PREFIX
      return 0
    fi
  fi
  say "$label: tests under ${QEMU[$arch]}"
  export FACTS_SCREENSHOTS_FIXTURE_ONLY=1 # the long pack's shots take ~9 min under qemu (screenshots.sh)
  export FACTS_E2E_WAIT_SCALE=3 # an emulated install can stall past an e2e wait (tests/support/e2e.sh)
  local log=build/$preset/test-pi-ctest.log
  if ! "${runner[@]}" ctest --preset "$preset" -j"$jobs" "${exclude[@]}" 2>&1 | tee "$log"; then
    summary+=("FAILED  $label: $(grep -E 'tests passed' "$log" || echo 'ctest failed')")
    failed=1
    unset FACTS_SYSROOT QEMU_LD_PREFIX
    return 0
  fi
  unset FACTS_SYSROOT QEMU_LD_PREFIX
  if [ -n "$sysroot" ]; then
    summary+=("PASSED  $label: $(grep -E 'tests passed' "$log"); no .deb (dpkg-shlibdeps needs the armhf packages installed through multiarch); $(($(date +%s) - start)) s")
    return 0
  fi
  say "$arch: package"
  if ! (cd "build/$preset" && cpack -G DEB >/dev/null); then
    summary+=("FAILED  $arch: cpack could not build the .deb")
    failed=1
    return 0
  fi
  local deb
  deb=$(ls -t "build/$preset"/facts-kiosk_*_"$arch".deb | head -1)
  local note=""
  [ $no_binfmt = 1 ] && note=" (script tests NOT run: no binfmt_misc)"
  summary+=("PASSED  $arch: $(grep -E 'tests passed' "$log")$note; $deb; $(($(date +%s) - start)) s")
}

say "host packages"
facts_install_packages "${FACTS_BUILD_PACKAGES[@]}" "${FACTS_TEST_PACKAGES[@]}" \
  qemu-user qemu-user-binfmt dpkg-dev file
for arch in $ARCHES; do
  [ -n "${TRIPLET[$arch]:-}" ] || { echo "test-pi.sh: unknown architecture $arch" >&2; exit 2; }
  facts_install_packages "gcc-${TRIPLET[$arch]}" "libc6-dev-$arch-cross"
  run_arch "$arch"
done

# Some target -dev packages cannot sit beside the native ones (libical-dev, through libdb-dev):
# apt removed the native ones to install them. Put this machine's own back.
say "host packages again"
facts_install_packages "${FACTS_BUILD_PACKAGES[@]}" || { summary+=("FAILED  the host's own packages could not be installed again"); failed=1; }

echo
echo "== test-pi.sh summary"
printf '   %s\n' "${summary[@]}"
if [ $failed = 1 ]; then exit 1; fi
if [ $skipped = 1 ]; then exit $SKIPPED; fi
exit 0
