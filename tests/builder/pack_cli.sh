#!/usr/bin/env bash
# The pack builder as staff use it, through the real binary:
#  - `facts-kiosk --help` lists every `pack …` verb, and `facts-kiosk pack` alone or with an
#    unknown verb says which there are (exit status 2);
#  - sources as Excel in a Serbian locale saves them (';' separator, byte-order mark, CRLF,
#    an en dash in a year range, fixed words in lower case, a story with no year, a Serbian
#    Latin text left in English) build with one warning, `pack check` accepts the pack, and
#    the kiosk renders every slide of it.
# Usage: pack_cli.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: pack_cli.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: pack_cli.sh FACTS_KIOSK FIXTURE_SOURCES}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SDL_FRAMEBUFFER_ACCELERATION=0
passed=0 failed=0
check() { if "${@:2}"; then echo "ok - $1"; passed=$((passed + 1)); else echo "not ok - $1"; failed=$((failed + 1)); fi; }

# 1. The verbs.
"$kiosk" --help >"$work/help.log" 2>&1
check "--help: exit status 0" test $? = 0
for verb in "build SOURCE -o PACK.db" "check PACK.db" "rollback" "status"; do
  check "--help lists 'pack $verb'" grep -q -- "^  facts-kiosk pack $verb" "$work/help.log"
done
"$kiosk" pack >"$work/pack.log" 2>&1
check "'pack' alone: exit status 2" test $? = 2
check "'pack' alone: lists the verbs" grep -q -- "facts-kiosk pack rollback" "$work/pack.log"
"$kiosk" pack bulid data -o x.db >"$work/typo.log" 2>&1
check "'pack bulid': exit status 2" test $? = 2
check "'pack bulid': names it and lists the verbs" \
  grep -q 'unknown verb "bulid"' "$work/typo.log" -a -n "$(grep -- 'facts-kiosk pack build' "$work/typo.log")"

# 2. Sources as a spreadsheet saves them.
cp -r "$sources" "$work/src"
printf '\357\273\277id;title_en;title_sr_latn;place_en;place_sr_latn;years;body_en;body_sr_latn;photo;show_from;show_until\r\n' \
  >"$work/src/stories.csv"
printf 'fair;Example Fair;Primer sajma;Example City;Primer grad;2019\342\200\2232021;We were there, twice.;Bili smo tamo, dvaput.;;;\r\n' \
  >>"$work/src/stories.csv"
printf 'talk;Example Talk;Primer predavanja;;;;No year is known.;Godina nije poznata.;;;\r\n' >>"$work/src/stories.csv"
printf 'meet;Trade fair;Trade fair;;;2015;;;;;\r\n' >>"$work/src/stories.csv"
sed -i 's/,SME,/,sme,/; s/,larger,/,Larger,/' "$work/src/members.csv"
"$kiosk" pack build "$work/src" -o "$work/staff.db" >"$work/build.out" 2>"$work/build.log"
check "spreadsheet sources: built" test $? = 0
check "spreadsheet sources: says it wrote the pack with 1 warning" grep -q "(1 warning above)" "$work/build.out"
check "spreadsheet sources: the warning names file, line and column" \
  grep -q "^$work/src/stories.csv:4: column \"title_sr_latn\": warning: the same text as in English" "$work/build.log"
check "spreadsheet sources: nothing else said" test "$(wc -l <"$work/build.log")" = 1
"$kiosk" pack check "$work/staff.db" >"$work/check.log" 2>&1
check "spreadsheet sources: pack check accepts the pack" test $? = 0
check "spreadsheet sources: years as the loader reads them" test "$(sqlite3 "$work/staff.db" \
  "SELECT group_concat(quote(years), ' ') FROM (SELECT years FROM stories ORDER BY position)")" = "'2019-2021' '' '2015'"
check "spreadsheet sources: fixed words in their one spelling" \
  test "$(sqlite3 "$work/staff.db" "SELECT count(*) FROM members WHERE kind IN ('SME', 'larger')")" = 2
"$kiosk" --screenshots "$work/shots" --size 480x270 --db "$work/staff.db" --log-level warn >"$work/shots.log" 2>&1
check "a story with no year: every slide renders" test $? = 0 -a -f "$work/staff.db" -a -f "$work/shots/en/08-stories-1.png"

[ "$failed" = 0 ] || tail -n 20 "$work"/*.log
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
