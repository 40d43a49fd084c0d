#!/usr/bin/env bash
# Screenshot test: renders the fictional fixture pack (tests/render/fixture/) headless with the
# real binary, landscape 960x540 and portrait 540x960, and compares chosen slides with the
# reference PNGs in tests/render/reference/ (per-channel tolerance 3; a diff image is written
# for each mismatch). Regenerate the references after an intended visual change with:
#   tests/render/screenshots.sh --update build/dev/src/facts-kiosk build/dev/tests/render/png_compare
# then look at every changed PNG before committing it.
set -euo pipefail
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
kiosk=${1:?usage: screenshots.sh [--update] FACTS_KIOSK PNG_COMPARE}
compare=${2:?usage: screenshots.sh [--update] FACTS_KIOSK PNG_COMPARE}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
keep=0
trap '[ $keep = 1 ] || rm -rf "$work"' EXIT
export SDL_FRAMEBUFFER_ACCELERATION=0

"$kiosk" pack build "$here/fixture" -o "$work/fixture.db" >/dev/null
passed=0 failed=0
check_size() { # SIZE LANGS SLIDES...
  local size=$1 langs=$2; shift 2
  "$kiosk" --screenshots "$work/$size" --size "$size" --db "$work/fixture.db" --log-level warn
  for lang in $langs; do
    for slide in "$@"; do
      local ref="$here/reference/$size/$lang/$slide.png" got="$work/$size/$lang/$slide.png"
      if [ $update = 1 ]; then
        mkdir -p "$(dirname "$ref")" && cp "$got" "$ref"; continue
      fi
      if [ ! -f "$got" ]; then
        echo "not ok - $size $lang $slide: not rendered"; failed=$((failed + 1)); continue
      fi
      if "$compare" "$ref" "$got" "$work/diff-$size-$lang-$slide.png"; then
        echo "ok - $size $lang $slide"; passed=$((passed + 1))
      else
        echo "not ok - $size $lang $slide"; failed=$((failed + 1))
      fi
    done
  done
}
check_size 960x540 "en sr-Latn sr-Cyrl" 00-attract 01-about-1 02-about-2 07-members-1 08-stories-1 09-cooperation-1 12-contact-1 13-members-detail-1
check_size 540x960 "en sr-Cyrl" 01-about-1 07-members-1 09-cooperation-1 13-members-detail-1
if [ $update = 1 ]; then echo "references updated in $here/reference"; exit 0; fi

# File names sort in slide order, also past 99 slides: with 110 more members (over 100
# slides a language) the names start with three digits, and `ls` lists 000, 001, … in order.
mkdir -p "$work/many"
cp -r "$here/fixture/." "$work/many/"
for i in $(seq -w 1 110); do
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
