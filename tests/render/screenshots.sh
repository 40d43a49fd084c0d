#!/usr/bin/env bash
# Screenshot test: renders the fictional fixture pack (tests/render/fixture/) headless with the
# real binary, landscape 960x540 and portrait 540x960, and compares chosen slides with the
# reference PNGs in tests/render/reference/ (per-channel tolerance 3; a diff image is written
# for each mismatch). Then the same for the members directory at scale: a generated pack of 200
# members (tests/support/members_pack.sh) at 1280x720, 1920x1080 and 1080x1920, its members pages
# (A–Z index, kind chips, page indicator), the search with the keyboard open and a query, and a
# member with a long name, a member's page with its website's QR code and the stories that
# name it (the pack's stories.members), and a story's page that names members, against
# tests/render/reference/members-200/. Regenerate the references after an intended visual change with:
#   tests/render/screenshots.sh --update build/dev/src/facts-kiosk build/dev/tests/render/png_compare
# then look at every changed PNG before committing it.
#
# With --gles2 the same slides are rendered through SDL's OpenGL ES 2 renderer (the Raspberry
# Pi's path: EGL + GLES2) under Xvfb with Mesa's llvmpipe, and compared with the same software
# references within the limits set below (limits=...). Exit status 77 (skipped) only when Xvfb or Mesa's
# EGL/GLES2 is not installed. Measured on Debian 12 (Mesa 22.3.6 llvmpipe, SDL 2.26.5), all 32
# compared slides: the edges of filled shapes (circles, rounded corners) land one pixel off (GL's
# rasterisation rules): up to 568 pixels differ by more than 64, worst 235; every other pixel is
# within 6 per channel (text and blending rounding); mean per-channel difference 0.03 to 0.249.
# So a pixel counts as equal within 8 of the reference pixel or of one of its 8 neighbours; at most
# 4 per mille of the pixels may need the neighbour (measured: at most 792, 1.5 per mille); the mean
# stays under 0.5. Checked to fail: the slide rolled one pixel (mean 2.6, 33 per mille shifted),
# another language (16 per mille over 8), hue turned 3% (mean 0.56, 10 per mille over 8).
set -euo pipefail
update=0 gles2=0
while [ $# -gt 0 ]; do
  case $1 in
  --update) update=1; shift ;;
  --gles2) gles2=1; shift ;;
  *) break ;;
  esac
done
kiosk=${1:?usage: screenshots.sh [--update] [--gles2] FACTS_KIOSK PNG_COMPARE}
compare=${2:?usage: screenshots.sh [--update] [--gles2] FACTS_KIOSK PNG_COMPARE}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
keep=0 xvfb_pid=''
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; fi
  [ $keep = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
export SDL_FRAMEBUFFER_ACCELERATION=0
renderer=()
limits=()
shoot=("$kiosk")
if [ $gles2 = 1 ]; then
  [ $update = 0 ] || { echo "screenshots: the references come from the software renderer; no --update with --gles2" >&2; exit 2; }
  command -v Xvfb >/dev/null || { echo "SKIPPED: Xvfb is not installed"; exit 77; }
  libraries=$(ldconfig -p)
  for lib in libEGL_mesa.so.0 libGLESv2.so.2; do
    grep -qF "$lib " <<<"$libraries" || { echo "SKIPPED: $lib (Mesa EGL / GLES2) is not installed"; exit 77; }
  done
  display=61
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
  # EGL as on the Pi (SDL would take GLX under X11), and Mesa's software rasteriser even where a
  # GPU is present: the limits were measured on llvmpipe.
  export DISPLAY=":$display" SDL_VIDEO_X11_FORCE_EGL=1 LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
  renderer=(--renderer opengles2)
  # Under ASan: SDL_Quit unloads Mesa (dlclose), and what Mesa and the libraries it loaded still
  # held is then reported as leaked from an "<unknown module>" (LeakSanitizer can no longer trace
  # it, nor can a suppression name it; preloading Mesa changes what it draws). So no leak check
  # here; ASan and UBSan stay on, and the same kiosk code is leak-checked by the software run
  # (test `screenshots`).
  if ldd "$kiosk" 2>/dev/null | grep 'libasan\.so' >/dev/null; then
    shoot=(env "ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0" "$kiosk")
  fi
  limits=(--stats --tolerance 8 --shift 1 --allow-shifted 4 --mean 0.5)
fi

# compare_shot LABEL REF GOT DIFF [PNG_COMPARE OPTIONS...]: with --update, GOT becomes the
# reference REF; otherwise GOT must match REF (a missing GOT is a failure too).
compare_shot() {
  local label=$1 ref=$2 got=$3 diff=$4; shift 4
  if [ $update = 1 ]; then
    mkdir -p "$(dirname "$ref")" && cp "$got" "$ref"; return
  fi
  if [ ! -f "$got" ]; then
    echo "not ok - $label: not rendered"; failed=$((failed + 1)); return
  fi
  if "$compare" "$@" "$ref" "$got" "$diff"; then
    echo "ok - $label"; passed=$((passed + 1))
  else
    echo "not ok - $label"; failed=$((failed + 1))
  fi
}

"$kiosk" pack build "$here/fixture" -o "$work/fixture.db" >/dev/null
passed=0 failed=0
check_size() { # SIZE LANGS SLIDES...
  local size=$1 langs=$2; shift 2
  if [ $gles2 = 1 ]; then
    # The kiosk must say it drew with OpenGL ES 2: a build that ignored --renderer would render
    # in software and match the references trivially.
    "${shoot[@]}" --screenshots "$work/$size" --size "$size" --db "$work/fixture.db" --log-level info \
      "${renderer[@]}" 2>"$work/$size.log" || true
    if grep -q 'screenshots: renderer opengles2' "$work/$size.log"; then
      echo "ok - $size drawn by $(grep -o 'renderer opengles2.*' "$work/$size.log")"; passed=$((passed + 1))
    else
      cat "$work/$size.log"; echo "not ok - $size not drawn by OpenGL ES 2"; failed=$((failed + 1))
    fi
  else
    "${shoot[@]}" --screenshots "$work/$size" --size "$size" --db "$work/fixture.db" --log-level warn
  fi
  for lang in $langs; do
    for slide in "$@"; do
      compare_shot "$size $lang $slide" "$here/reference/$size/$lang/$slide.png" "$work/$size/$lang/$slide.png" \
        "$work/diff-$size-$lang-$slide.png" "${limits[@]}"
    done
  done
}
# 12-cooperation-4: the cooperation timeline (the fixture's dated programmes and stories).
check_size 960x540 "en sr-Latn sr-Cyrl" 00-attract 01-about-1 02-about-2 07-members-1 08-stories-1 09-cooperation-1 \
  12-cooperation-4 13-contact-1 14-members-detail-1
check_size 540x960 "en sr-Cyrl" 00-attract 01-about-1 07-members-1 09-cooperation-1 12-cooperation-4 14-members-detail-1

# The long pack (tests/support/long_pack.sh: 40 stories, long Cyrillic texts, empty sections, a
# contact without phone, e-mail or web address) at the kiosk's real sizes, landscape and
# portrait: story cards with "Read more", a story's reading page at its top and at its end,
# long texts cut with "Read more" instead of shrinking, the contact saying where to find the
# team. Slides are named without their number (the numbers depend on the size); references in
# reference/long/SIZE/LANG/NAME.png. Software renderer only (the GL run covers the fixture).
check_long() { # SIZE LANG SLIDES...
  local size=$1 lang=$2; shift 2
  local shots="$work/long-$size"
  if [ ! -d "$shots" ]; then
    "${shoot[@]}" --screenshots "$shots" --size "$size" --db "$work/long.db" --log-level warn
  fi
  for slide in "$@"; do
    local got
    got=$(ls "$shots/$lang/"[0-9]*"-$slide.png" 2>/dev/null | head -n 1)
    # A story's page scales its photo: on ARM (arm64 under qemu) the scaler rounds one pixel in
    # a million differently (worst 4 against the tolerance of 3), so 0.02 per mille may be over.
    compare_shot "long $size $lang $slide" "$here/reference/long/$size/$lang/$slide.png" "${got:-$shots/$lang/$slide.png}" \
      "$work/diff-long-$size-$lang-$slide.png" --allow 0.02
  done
}
# FACTS_SCREENSHOTS_FIXTURE_ONLY=1 (toolchain/test-pi.sh under qemu, where these few hundred
# shots take about 9 minutes) leaves the long pack out: its layouts are the same C on every
# architecture, and the fixture's references above already check ARM's pixels.
long_pack=0
[ $gles2 = 0 ] && [ -z "${FACTS_SCREENSHOTS_FIXTURE_ONLY:-}" ] && long_pack=1
if [ $long_pack = 1 ]; then
  "$here/../support/long_pack.sh" "$work/long"
  "$kiosk" pack build "$work/long" -o "$work/long.db" >/dev/null
  # Three sizes, each a few hundred shots: two at a time (the machine has two cores).
  "${shoot[@]}" --screenshots "$work/long-1920x1080" --size 1920x1080 --db "$work/long.db" --log-level warn &
  "${shoot[@]}" --screenshots "$work/long-1080x1920" --size 1080x1920 --db "$work/long.db" --log-level warn
  wait
  # cooperation-4: the timeline's second period (2011–2018: ranges, stories, long names cut).
  check_long 1280x720 en about-1 stories-1 stories-detail-3 stories-detail-3-end cooperation-1 cooperation-4 contact-1
  check_long 1280x720 sr-Cyrl stories-1 stories-detail-3 stories-detail-3-end
  check_long 1920x1080 sr-Cyrl about-3 stories-1 stories-detail-3 stories-detail-3-end contact-1
  check_long 1080x1920 sr-Cyrl about-1 stories-1 stories-detail-1 stories-detail-1-end cooperation-1 cooperation-4 \
    contact-1
  check_long 1080x1920 en about-1-text-1 about-1-text-1-end
fi
if [ $long_pack = 1 ]; then
  # check_members SIZE LANG/SLIDE...: the 200-member pack at SIZE, rendered once, chosen slides
  # compared. Software renderer and not under FACTS_SCREENSHOTS_FIXTURE_ONLY, as the long pack.
  "$here/../support/members_pack.sh" "$here/fixture" "$work/members-src"
  "$kiosk" pack build "$work/members-src" -o "$work/members.db" >/dev/null
  check_members() {
    local size=$1 out="$work/members/$1"; shift
    mkdir -p "$work/members"
    "${shoot[@]}" --screenshots "$out" --size "$size" --db "$work/members.db" --log-level warn "${renderer[@]}"
    for shot in "$@"; do
      compare_shot "members $size $shot" "$here/reference/members-200/$size/$shot.png" "$out/$shot.png" \
        "$work/diff-members-$size-${shot//\//-}.png" "${limits[@]}"
    done
  }
  check_members 1280x720 en/07-members-1 en/16-members-10 en/40-members-detail-4 en/49-members-search \
    sr-Latn/16-members-10 sr-Cyrl/07-members-1 sr-Cyrl/49-members-search
  check_members 1920x1080 en/07-members-1 en/49-members-search sr-Latn/16-members-10 sr-Latn/49-members-search \
    sr-Cyrl/07-members-1 en/39-members-detail-3 en/51-stories-detail-2
  check_members 1080x1920 en/07-members-1 en/66-members-search sr-Latn/57-members-detail-4 sr-Cyrl/16-members-10 \
    sr-Cyrl/66-members-search
fi
if [ $update = 1 ]; then echo "references updated in $here/reference"; exit 0; fi

# Every story has a reading page, shot at its top and, when it is longer than the screen, at
# its end; no shot of the long pack is blank.
for size in 1280x720 1920x1080 1080x1920; do
  [ $long_pack = 1 ] || break
  for lang in en sr-Latn sr-Cyrl; do
    tops=$(ls "$work/long-$size/$lang" | grep -c -- '-stories-detail-[0-9]*\.png$')
    ends=$(ls "$work/long-$size/$lang" | grep -c -- '-stories-detail-[0-9]*-end\.png$')
    if [ "$tops" = 40 ] && [ "$ends" -ge 10 ]; then
      echo "ok - long $size $lang: 40 stories have a reading page, $ends scroll to an end"; passed=$((passed + 1))
    else
      echo "not ok - long $size $lang: $tops story pages (40 expected), $ends shot at their end"; failed=$((failed + 1))
    fi
  done
done

# File names sort in slide order, also past 99 slides: with 1,000 more members (over 100
# members pages a language) the names start with three digits, and `ls` lists 000, 001, … in
# order.
mkdir -p "$work/many"
cp -r "$here/fixture/." "$work/many/"
for i in $(seq -w 1 1000); do
  echo "member-$i,Example Member $i,SME,,,,,,"
done >>"$work/many/members.csv"
"$kiosk" pack build "$work/many" -o "$work/many.db" >/dev/null
"$kiosk" --screenshots "$work/many-shots" --size 192x108 --db "$work/many.db" --log-level warn
for lang in en sr-Latn sr-Cyrl; do
  count=$(ls "$work/many-shots/$lang" | wc -l)
  order=$(cd "$work/many-shots/$lang" && LC_ALL=C ls | sed 's/-.*//' | tr '\n' ' ')
  expected=$(seq -f '%03g' 0 $((count - 1)) | tr '\n' ' ')
  if [ "$count" -gt 100 ] && [ "$order" = "$expected" ]; then
    echo "ok - $count slides in $lang: ls order is slide order"; passed=$((passed + 1))
  else
    echo "not ok - $count slides in $lang: ls order is not slide order: $order"; failed=$((failed + 1))
  fi
done
if [ $failed -gt 0 ]; then keep=1; echo "screenshots and diffs kept in $work"; fi
echo "$passed passed, $failed failed"
[ $failed = 0 ]
