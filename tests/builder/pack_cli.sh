#!/usr/bin/env bash
# The pack builder as staff use it, through the real binary:
#  - `facts-kiosk --help` lists every `pack …` verb, and `facts-kiosk pack` alone or with an
#    unknown verb says which there are (exit status 2);
#  - sources as Excel in a Serbian locale saves them (';' separator, byte-order mark, CRLF,
#    an en dash in a year range, fixed words in lower case, a story with no year, a Serbian
#    Latin text left in English) build with one warning, `pack check` accepts the pack, and
#    the kiosk renders every slide of it; `--report FILE` writes that warning too;
#  - a 200-member cluster (tests/support/members_pack.sh) with a few mistakes, every
#    English description copied into the Serbian one and a copy of members.csv saved as
#    "members (1).csv": every error is said, first, and the 150 warnings summed up by kind
#    (under 40 lines in all); `--report FILE` has every error and every warning.
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
"$kiosk" pack build "$work/src" -o "$work/staff.db" --report "$work/staff-report.txt" >"$work/build.out" 2>"$work/build.log"
check "spreadsheet sources: built" test $? = 0
check "spreadsheet sources: says it wrote the pack with 1 warning" \
  grep -q "(1 warning above, all of them in $work/staff-report.txt)" "$work/build.out"
check "spreadsheet sources: the warning's kind, then the warning" \
  test "$(head -n 1 "$work/build.log")" = "Serbian Latin text the same as in English (1 in all):"
check "spreadsheet sources: the warning names file, line and column" \
  grep -q "^$work/src/stories.csv:4: column \"title_sr_latn\": warning: the same text as in English" "$work/build.log"
check "spreadsheet sources: nothing else said" test "$(wc -l <"$work/build.log")" = 2
check "spreadsheet sources: the report has the warning" \
  grep -q "^$work/src/stories.csv:4: column \"title_sr_latn\": warning: the same text as in English" \
  "$work/staff-report.txt"
"$kiosk" pack check "$work/staff.db" >"$work/check.log" 2>&1
check "spreadsheet sources: pack check accepts the pack" test $? = 0
check "spreadsheet sources: years as the loader reads them" test "$(sqlite3 "$work/staff.db" \
  "SELECT group_concat(quote(years), ' ') FROM (SELECT years FROM stories ORDER BY position)")" = "'2019-2021' '' '2015'"
check "spreadsheet sources: fixed words in their one spelling" \
  test "$(sqlite3 "$work/staff.db" "SELECT count(*) FROM members WHERE kind IN ('SME', 'larger')")" = 2
"$kiosk" --screenshots "$work/shots" --size 480x270 --db "$work/staff.db" --log-level warn >"$work/shots.log" 2>&1
check "a story with no year: every slide renders" test $? = 0 -a -f "$work/staff.db" -a -f "$work/shots/en/08-stories-1.png"

# 3. A 200-member cluster with mistakes: errors first, warnings summed up, all in the report.
"$(dirname "$0")/../support/members_pack.sh" "$sources" "$work/cluster" >/dev/null
members="$work/cluster/members.csv"
# Every description left in English in the Serbian column: one warning per member that has one.
sed -i 's/"A fictional member of a fictional cluster, number \([0-9]*\), made for the kiosk.s tests."/"Izmišljeni član izmišljenog klastera, broj \1, napravljen za testove kioska."/' "$members"
warnings=$(grep -c 'klastera, broj [0-9]*, napravljen za testove kioska.","Izmišljeni' "$members")
cp "$members" "$work/cluster/members (1).csv"
# The mistakes (line numbers of members.csv; line 1 is the header).
sed -i -e '11s/^\(member-010,"[^"]*"\),[^,]*,/\1,SMEE,/' \
  -e '61s/,https:\/\/example.org\/member-60,/,www.example.org\/member-60,/' \
  -e '31s/^member-030,/member-005,/' \
  -e '41s/^member-040,/,/' \
  -e '51s/^member-050,/Example Brand 050 Đlj,/' \
  -e '21s/,,$/,2026-13-01,/' "$members"
sed -i '3s/^m2,b2b_meeting,/m2,,/' "$work/cluster/missions.csv"
"$kiosk" pack build "$work/cluster" -o "$work/cluster.db" --report "$work/cluster-report.txt" \
  >"$work/cluster.out" 2>"$work/cluster.log"
check "200 members with mistakes: exit status 1, no pack" test $? = 1 -a ! -e "$work/cluster.db"
errors=(
  "members.csv:11: column \"kind\": \"SMEE\" is not one of SME, larger, research, other"
  "members.csv:21: column \"show_from\": \"2026-13-01\" is not a date written as YYYY-MM-DD"
  "members.csv:31: column \"id\": \"member-005\" is already used on line 6"
  "members.csv:61: column \"website\": \"www.example.org/member-60\" is not a web address starting with https://"
  "missions.csv:3: column \"kind\": required value is empty: write one of trade_mission, b2b_meeting"
)
for error in "${errors[@]}"; do
  check "200 members: said, among the errors first: $error" \
    grep -qF -- "$work/cluster/$error" <(head -n ${#errors[@]} "$work/cluster.log")
  check "200 members: in the report: $error" grep -qF -- "$work/cluster/$error" "$work/cluster-report.txt"
done
check "200 members: the count of problems" grep -q "^pack build: ${#errors[@]} problems, no pack written; all of them in $work/cluster-report.txt$" "$work/cluster.log"
check "200 members: an id typed with đ and one left empty are no error" \
  test -z "$(grep -E 'members.csv:(41|51):' "$work/cluster.log")"
check "200 members: the warnings summed up" \
  grep -qF "Serbian Latin text the same as in English ($warnings in all), for example:" "$work/cluster.log"
check "200 members: three of them shown" test "$(grep -c 'warning: the same text as in English' "$work/cluster.log")" = 3
check "200 members: and how many more" grep -qF "… and $((warnings - 3)) more like these" "$work/cluster.log"
check "200 members: the copy of members.csv is named" \
  grep -qF "$work/cluster/members (1).csv: warning: not a sheet the kiosk knows — did you mean members.csv?" "$work/cluster.log"
check "200 members: under 40 lines in all ($(cat "$work/cluster.out" "$work/cluster.log" | wc -l))" \
  test "$(cat "$work/cluster.out" "$work/cluster.log" | wc -l)" -lt 40
check "200 members: the report has every warning ($warnings + 1)" \
  test "$(grep -c ': warning: ' "$work/cluster-report.txt")" = $((warnings + 1))
check "200 members: the report puts errors first" \
  test "$(grep -n ': warning: ' "$work/cluster-report.txt" | head -n 1 | cut -d: -f1)" -gt "$(grep -n 'SMEE' "$work/cluster-report.txt" | cut -d: -f1)"

[ "$failed" = 0 ] || tail -n 20 "$work"/*.log
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
