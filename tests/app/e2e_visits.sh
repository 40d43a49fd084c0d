#!/usr/bin/env bash
# End-to-end: visitor statistics as the real kiosk records them under Xvfb, driven by xdotool.
#   1. a visitor taps out of the attract loop, turns a page, opens a member, goes back,
#      switches to Cyrillic and opens the stories, then leaves: after the idle return the
#      state directory's visits/visits.db holds one session (its length, the language it ended in)
#      and its pages, the member by id and name; nothing is in the database before that
#      return (the batch waits in memory);
#   2. a second visitor searches the members (one search counted, its text nowhere); a stick
#      with an empty facts-kiosk folder (no pack) gets stats/<kiosk-id>-<date>.csv and
#      stats/report.html; the second session, still open, is written when the kiosk is
#      stopped (SIGTERM);
#   3. `facts-kiosk stats report --state-dir` writes the same report.
# Usage: e2e_visits.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: e2e_visits.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: e2e_visits.sh FACTS_KIOSK FIXTURE_SOURCES}
source "$(dirname "$0")/../support/e2e.sh"
for tool in Xvfb xdotool xdpyinfo sqlite3; do
  command -v "$tool" >/dev/null || { echo "e2e_visits: $tool is missing"; exit 1; }
done
e2e_start_xvfb 1280x720
db="$work/state/visits/visits.db"
# Where things are at 1280x720 (tests/e2e/e2e_display.sh measures them): the section bar's
# Members and Success stories buttons, the Cyrillic language pill, Back on a member's page.
# The rest by the touch targets the kiosk logs (debug level).
MEMBERS=(402 689) STORIES=(638 689) CYRILLIC=(1190 46) MIDDLE=(640 360) BACK=(70 46)
tap() { DISPLAY=":$display" xdotool mousemove "$1" "$2" click 1; sleep 0.8; }
tap_target() { # NAME ("keyboard-open 0", "text-input e"): the latest place the kiosk logged for it
  local at='' x y w h
  for _ in $(seq 150); do # a slow kiosk (ASan, qemu) logs the frame's targets later
    at=$(grep -F -- "targets: $1 at " "$work/kiosk.log" | tail -n 1 | sed 's/.* at \([0-9]*\),\([0-9]*\) \([0-9]*\)x\([0-9]*\).*/\1 \2 \3 \4/')
    [ -n "$at" ] && break
    sleep 0.1
  done
  [ -n "$at" ] || { echo "#   no target $1 logged"; return 1; }
  read -r x y w h <<<"$at"
  tap $((x + w / 2)) $((y + h / 2))
}
swipe_left() { # a finger dragged 500 px to the left in 10 steps: the next page
  local args=(mousemove 890 360 mousedown 1) i
  for i in $(seq 10); do args+=(sleep 0.02 mousemove $((890 - 50 * i)) 360); done
  DISPLAY=":$display" xdotool "${args[@]}" sleep 0.02 mouseup 1
  sleep 0.8
}
sql() { sqlite3 -readonly "$db" "$1" 2>/dev/null; }
is() { # LABEL ACTUAL EXPECTED
  [ "$2" = "$3" ] && return 0
  echo "#   $1: $2, expected $3"; return 1
}

# 200 members: the members pages have their search.
"$(dirname "$0")/../support/members_pack.sh" "$sources" "$work/src" &&
  "$kiosk" pack build "$work/src" -o "$work/pack.db" >/dev/null || { echo "cannot build the members pack"; exit 1; }
mkdir -p "$work/media" "$work/state"
: >"$work/kiosk.log"
DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 FACTS_BUNDLED_PACK="$work/pack.db" "$kiosk" \
  --mount-root "$work/media" --state-dir "$work/state" --kiosk-id "e2e-booth" --idle-seconds 12 \
  --slide-seconds 60 --transition-ms 200 --log-level debug >>"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
check "the kiosk opens its statistics database" wait_for_log "visits: visitor statistics in $db" 20
check "the attract loop runs" wait_for_log "deck: attract about page 1/" 20

# 1. One visitor.
tap "${MIDDLE[@]}"
swipe_left
tap "${MEMBERS[@]}"
first_tile() { # the first member tile the members page logged (the page starts where A–Z puts it)
  local index=''
  for _ in $(seq 150); do
    index=$(awk '/deck: interactive members page/ { first = "" }
                 /targets: open-detail [0-9]+ at/ && first == "" { first = $4 }
                 END { print first }' "$work/kiosk.log")
    [ -n "$index" ] && break
    sleep 0.1
  done
  echo "$index"
}
tile=$(first_tile)
tap_target "open-detail ${tile:-none}"
check "a member's page opens" wait_for_log "deck: interactive members page 1/[0-9]* detail open" 15
member=$(sed -n "s/.*members: page of ${tile:-none} \"\(.*\)\"\$/\1/p" "$work/kiosk.log" | head -n 1)
tap "${BACK[@]}"
tap "${CYRILLIC[@]}"
tap "${STORIES[@]}"
check "the stories open in Cyrillic" wait_for_log "deck: interactive stories page 1/[0-9]* lang sr-Cyrl" 15
check "nothing is written while the visitor is there" is sessions "$(sql 'SELECT count(*) FROM session')" 0
check "the kiosk returns to the attract loop by itself" wait_for_log "visits: session ended" 30
wait_flushed() { # N: the database holds N sessions within 10 s
  for _ in $(seq 100); do [ "$(sql 'SELECT count(*) FROM session')" = "$1" ] && return 0; sleep 0.1; done
  return 1
}
check "after the idle return the session is in visits.db" wait_flushed 1
echo "# flushed at the idle return: $(grep -m1 -o 'visits: [0-9]* events flushed ([0-9.]* ms on the loop)' "$work/kiosk.log")"
check "it ended in Cyrillic" is lang "$(sql 'SELECT lang FROM session')" sr-Cyrl
length=$(sql 'SELECT length_ms FROM session')
check "its length is that of the visit (${length:-?} ms)" test "${length:-0}" -ge 5000 -a "${length:-0}" -le 40000
member_id=$(sql "SELECT key FROM item WHERE kind = 'member'")
check "its pages: about 1, about 2, members, the member, members, stories" is pages \
  "$(sql "SELECT group_concat(i.kind || ' ' || i.key || ' ' || p.lang, ', ') FROM page_view AS p JOIN item AS i ON i.id = p.item ORDER BY p.seq")" \
  "page about:1 en, page about:2 en, page members:1 en, member $member_id en, page members:1 sr-Cyrl, page stories:1 sr-Cyrl"
check "the member is stored with the name on screen (${member:-?})" is title \
  "$(sql "SELECT title FROM item WHERE kind = 'member'")" "${member:-?}"
check "dwell times add up to the session's length (within 1 s)" test \
  "$(sql 'SELECT abs((SELECT sum(dwell_ms) FROM page_view) - (SELECT length_ms FROM session)) < 1000')" = 1

# 2. A second visitor searches the members ("ex": one search, its text not kept); a stick
#    without a pack arrives while they are there.
tap "${MIDDLE[@]}"
swipe_left
tap "${MEMBERS[@]}"
tap_target "keyboard-open 0"
tap_target "text-input e"
tap_target "text-input x"
check "the visitor typed a search" wait_for_log 'members: search "ex"' 15
mkdir -p "$work/media/stick/facts-kiosk"
check "the stick gets the statistics" wait_for_log "visits: statistics of 1 day written to $work/media/stick/facts-kiosk/stats" 20
today=$(sql 'SELECT day FROM session LIMIT 1')
csv="$work/media/stick/facts-kiosk/stats/e2e-booth-$today.csv"
check "stats/e2e-booth-$today.csv is on the stick" test -s "$csv"
check "... with a UTF-8 byte-order mark and the header" \
  is header "$(head -c 80 "$csv" | head -n 1 | tr -d '\r' | od -An -c | tr -s ' ' | head -n 1 | cut -c1-20)" " 357 273 277 k i o s"
csv_member() { grep "^e2e-booth,$today,1,[0-9:]*,member,en," "$csv" | grep -qF ",members,$member_id,$member"; }
check "... the first session and the member by id" csv_member
check "stats/report.html is on the stick" grep -q "Visitor statistics" "$work/media/stick/facts-kiosk/stats/report.html"
check "... with its charts inline" grep -q "<svg" "$work/media/stick/facts-kiosk/stats/report.html"
check "... and the member's name" grep -qF "$member" "$work/media/stick/facts-kiosk/stats/report.html"
kill -TERM "$kiosk_pid"
wait "$kiosk_pid"
status=$?
kiosk_pid=''
check "the kiosk stops cleanly (status $status)" test "$status" = 0
check "the open session is written at exit" is sessions "$(sql 'SELECT count(*) FROM session')" 2
check "... with its pages" is pages "$(sql 'SELECT count(*) FROM page_view WHERE session = (SELECT max(id) FROM session)')" 3
check "... and one search in it" is searches "$(sql "SELECT count(*) FROM event WHERE kind = 'search' AND session = (SELECT max(id) FROM session)")" 1
check "no text of the search is stored" test -z "$(sqlite3 -readonly "$db" .dump | grep -i "'ex'")"

# 3. The same report from the command line.
check "stats report writes the report" "$kiosk" stats report --state-dir "$work/state" --kiosk-id cli-kiosk -o "$work/report.html"
check "... of both sessions" grep -q "<b>2</b><span>visitor sessions" "$work/report.html"
check "... for the configured kiosk" grep -q "Kiosk cli-kiosk" "$work/report.html"
check "stats report without -o is a usage error" test "$("$kiosk" stats report --state-dir "$work/state" >/dev/null 2>&1; echo $?)" = 2
e2e_finish
