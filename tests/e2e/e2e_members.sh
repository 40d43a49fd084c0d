#!/usr/bin/env bash
# e2e_members.sh — end-to-end test of the members directory at scale: the real facts-kiosk,
# full screen in Xvfb (1280x720) on a generated pack of 200 members
# (tests/support/members_pack.sh), driven by xdotool, checked through its log.
#
#   tests/e2e/e2e_members.sh path/to/facts-kiosk
#
# A visitor who reached the members section finds a member in at most 3 touches: the search
# field, one letter on the on-screen keyboard, the member's tile; or a letter of the A–Z index
# (the first letter as written) and the tile; a member whose name holds a number and a
# diacritic ("Example Brand 137 Đšav") with the search field, its digits on the keyboard's
# digit row and the tile, and plain "djsav" finds the Đšav names. A drag along the page
# indicator turns pages; the Cyrillic keyboard types Cyrillic letters that find Latin names;
# in windowed mode a physical keyboard types into the search (letters, backspace, escape).
# On the bundled pack, any story card opens its story, and a tap on the last page dot shows
# the last page.
#
# Where to tap comes from the kiosk itself: at --log-level debug it logs every touch target of
# the frame on screen when they change ("targets: text-input š at 1042,462 95x37",
# src/app/part_members.c) and the A–Z index ("members: index A 1, B 2, …"). Each tap is then
# checked by what the kiosk logs next ("members: search "š" …", "members: page of 96 …").
# Needs Xvfb, xdotool, xdpyinfo; prints ok / not ok per check, "N passed, M failed" last.
set -u
KIOSK=${1:?usage: e2e_members.sh path/to/facts-kiosk}
KIOSK=$(cd "$(dirname "$KIOSK")" && pwd)/$(basename "$KIOSK")
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xdotool xdpyinfo xwd convert; do
    command -v "$tool" >/dev/null || { echo "e2e_members: $tool is missing (packages: xvfb xdotool x11-utils x11-apps imagemagick)" >&2; exit 1; }
done
# shellcheck source=../support/e2e.sh
. "$here/../support/e2e.sh"

SCREEN=1280x720
WAIT_S=10
SETTLE_S=0.5 # a 150 ms transition, then the frame's targets are logged
TARGET_NAME="Example Brand Šavovi"
LETTER_TARGET="Удружење произвођача одеће и обуће Шумадије и Поморавља" # under U, as written
CYRILLIC_TARGET="Example Brand Tekstil"
NUMBER_TARGET="Example Brand 137 Đšav"

# ---- the pack -------------------------------------------------------------------------------
"$here/../support/members_pack.sh" "$here/../render/fixture" "$work/src"
"$KIOSK" pack build "$work/src" -o "$work/members.db" >/dev/null || { echo "Bail out! pack build failed"; exit 1; }
# Member numbers are rows of members.csv (none is hidden by dates): the first is 0.
member_number() { awk -F, -v name="\"$1\"" 'NR > 1 && $2 == name { print NR - 2; exit }' "$work/src/members.csv"; }
target_member=$(member_number "$TARGET_NAME")
letter_member=$(member_number "$LETTER_TARGET")
cyrillic_member=$(member_number "$CYRILLIC_TARGET")
number_member=$(member_number "$NUMBER_TARGET")

# ---- the kiosk and its log --------------------------------------------------------------------
mkdir -p "$work/state" "$work/media" "$work/keys"
: >"$work/kiosk.conf"
pack=(--db "$work/members.db") # start(): the pack; () for the bundled one
start() { # NAME OPTIONS...: a kiosk on the pack, its log in $work/NAME.log
    log=$work/$1.log
    shift
    : >"$log"
    ln -sf "$log" "$work/kiosk.log" # what e2e_finish prints on failure
    DISPLAY=":$display" "$KIOSK" --config "$work/kiosk.conf" --state-dir "$work/state" --mount-root "$work/media" \
        --trusted-key "$work/keys" "${pack[@]}" --log-level debug --slide-seconds 5 --idle-seconds 60 \
        --transition-ms 150 "$@" </dev/null >/dev/null 2>"$log" &
    kiosk_pid=$!
}
stop() {
    [ -n "$kiosk_pid" ] && kill -TERM "$kiosk_pid" 2>/dev/null && wait "$kiosk_pid" 2>/dev/null
    kiosk_pid=''
}
# After an input the targets on screen change: a block logged before it may be stale (a
# slow machine, ASan). acted() notes the log's length at each input; tap_target waits (a
# few seconds at most: not every input changes them) for a block logged after it.
acted_at=0
acted() { acted_at=$(lines); }
fresh_targets() {
    local deadline=$((SECONDS + 3))
    while [ $SECONDS -le $deadline ]; do
        tail -n +"$((acted_at + 1))" "$log" | grep -qE 'targets: [0-9]+ touch targets' && return 0
        sleep 0.05
    done
}
has_target() { centre_of "$1" >/dev/null; }
# found_within N MEMBER: MEMBER's page was opened, and it took 1 to N touches.
found_within() { [ "$touches" -ge 1 ] && [ "$touches" -le "$1" ] && grep -q "members: page of $2 " "$log"; }
touches=0
# tap_target TARGET: taps the target's centre and counts the touch.
tap_target() {
    local xy
    fresh_targets
    xy=$(centre_of "$1") || return 1
    acted
    # shellcheck disable=SC2086
    DISPLAY=":$display" xdotool mousemove $xy click 1
    touches=$((touches + 1))
}
key() { acted; DISPLAY=":$display" xdotool key --window "$wid" "$@"; }
type_text() { acted; DISPLAY=":$display" xdotool type --window "$wid" --delay 60 "$@"; }
tap_at() { acted; DISPLAY=":$display" xdotool mousemove "$1" "$2" click 1; }
state() { grep 'deck: ' "$log" | tail -n 1 | sed 's/.*deck: //'; }
# woken NAME: a kiosk started as start NAME, its first frame checked, woken by a tap.
woken() {
    start "$1"
    check "$1: first frame" wait_after 0 'app: first frame after'
    sleep 1 # the switch to full screen swallows a click made meanwhile
    tap_at 640 360
    wait_after 0 'deck: interactive ' >/dev/null
    sleep "$SETTLE_S"
}
# back_then PATTERN: taps Back and waits until the log shows PATTERN and the page settles.
back_then() {
    sleep "$SETTLE_S"
    local from
    from=$(lines)
    tap_target "back 0"
    wait_after "$from" "$1" >/dev/null
    sleep "$SETTLE_S"
}
# scrub_target: the page indicator (or page dots) on screen: sx sy sw sh and its pages.
scrub_target() {
    local line
    fresh_targets
    line=$(targets | grep -m1 'targets: scrub ')
    read -r sx sy sw sh < <(sed -n 's/.* at \([0-9]*\),\([0-9]*\) \([0-9]*\)x\([0-9]*\)$/\1 \2 \3 \4/p' <<<"$line")
    pages=$(sed -n 's/.*targets: scrub \([0-9]*\) .*/\1/p' <<<"$line")
}
# tap_keys KEY...: taps the keys of the on-screen keyboard in turn, each after the search
# shows the one before; $mark is then where the last one was tapped.
tap_keys() {
    local typed=''
    for key in "$@"; do
        mark=$(lines)
        tap_target "text-input $key"
        typed=$typed$key
        wait_after "$mark" "members: search \"$typed\" " >/dev/null || return 1
    done
}

# fresh_search: the × empties the search, then the field opens the Latin keyboard again.
fresh_search() {
    sleep "$SETTLE_S"
    mark=$(lines)
    tap_target "text-clear 0"
    wait_after "$mark" 'members: search "" ' >/dev/null
    sleep "$SETTLE_S"
    mark=$(lines)
    tap_target "keyboard-open 0"
    wait_after "$mark" 'members: search "" \(latin keyboard\)' >/dev/null
}

e2e_start_xvfb "$SCREEN"
[ -n "$display" ] || { echo "Bail out! no Xvfb"; exit 1; }

# 1. Full screen, by touch.
start touch
check "first frame" wait_after 0 'app: first frame after'
sleep 1 # the switch to full screen swallows a click made meanwhile (see e2e_display.sh)
mark=$(lines)
tap_at 640 360
check "a tap wakes the kiosk" wait_after "$mark" 'deck: interactive '
sleep "$SETTLE_S"
mark=$(lines)
tap_target "goto-section 1"
check "the section bar opens the members section ($(state))" wait_after "$mark" 'deck: interactive members page 1/'
sleep "$SETTLE_S"

# Search: the field, one letter, the tile.
touches=0
mark=$(lines)
tap_target "keyboard-open 0"
check "a touch on the search field opens the Latin keyboard" wait_after "$mark" 'members: search "" \(latin keyboard\)'
sleep "$SETTLE_S"
mark=$(lines)
tap_target "text-input š"
check "the key Š types š, results follow" wait_after "$mark" 'members: search "š" \(latin keyboard\), all kinds: [0-9]+ of 200'
sleep "$SETTLE_S"
mark=$(lines)
tap_target "open-detail $target_member"
check "its tile is in the results and opens \"$TARGET_NAME\"" \
    wait_after "$mark" "members: page of $target_member \"$TARGET_NAME\""
check "the member's page is on screen ($(state))" wait_after "$mark" 'deck: interactive members page [0-9]+/[0-9]+ detail open'
check "found in $touches touches after reaching the members section (at most 3)" found_within 3 "$target_member"
shot members-detail
check "the member's page is not black" not_black members-detail

# Back, clear the search, then by letter: the index letter and the tile.
sleep "$SETTLE_S"
mark=$(lines)
tap_target "back 0"
check "back to the results" wait_after "$mark" 'deck: interactive members page [0-9]+/[0-9]+ lang'
sleep "$SETTLE_S"
mark=$(lines)
tap_target "text-clear 0"
check "the × clears the search" wait_after "$mark" 'members: search "" \(keyboard closed\), all kinds: 200 of 200'
sleep "$SETTLE_S"
page=$(grep 'members: index ' "$log" | tail -n 1 | grep -o ' U [0-9]*' | awk '{ print $2 }')
check "the A–Z index has a U, the first letter of \"Удружење …\" as written (page ${page:-none})" test -n "$page"
touches=0
mark=$(lines)
tap_target "goto-page $((page - 1))"
check "the letter U jumps to page $page" wait_after "$mark" "deck: interactive members page $page/"
sleep "$SETTLE_S"
mark=$(lines)
tap_target "open-detail $letter_member"
check "\"$LETTER_TARGET\" is on that page and opens" wait_after "$mark" "members: page of $letter_member \"$LETTER_TARGET\""
check "found by letter in $touches touches (at most 3)" found_within 3 "$letter_member"

# The page indicator follows a finger dragged along it.
back_then 'deck: interactive members page'
scrub_target
mark=$(lines)
args=(mousemove $((sx + 2)) $((sy + sh / 2)) mousedown 1)
for i in $(seq 1 20); do args+=(sleep 0.02 mousemove $((sx + 2 + (sw - 4) * i / 20)) $((sy + sh / 2))); done
acted
DISPLAY=":$display" xdotool "${args[@]}" sleep 0.05 mouseup 1
check "dragging the page indicator to its end shows the last page ($pages)" \
    wait_after "$mark" "deck: interactive members page $pages/$pages "
check "and passes the pages between (a drag, not a swipe)" \
    bash -c "tail -n +$((mark + 1)) '$log' | grep -c 'deck: interactive members page' | awk '{ exit !(\$1 >= 3) }'"

# The Cyrillic keyboard: Cyrillic letters find Latin names.
sleep "$SETTLE_S"
mark=$(lines)
tap_target "keyboard-open 0"
wait_after "$mark" 'members: search "" \(latin keyboard\)' >/dev/null
mark=$(lines)
tap_target "keyboard-layout 2"
check "АБВ switches to the Cyrillic keyboard" wait_after "$mark" 'members: search "" \(cyrillic keyboard\)'
tap_keys т е к
check "Cyrillic \"тек\" typed on it" wait_after "$mark" 'members: search "тек" \(cyrillic keyboard\), all kinds: [1-9][0-9]* of 200'
check "and \"$CYRILLIC_TARGET\" is among the results" has_target "open-detail $cyrillic_member"
stop

# 1b. A name with a number and a diacritic: the field, its digits, the tile; then plain
# Latin ("djsav") finds "Đšav".
woken number
mark=$(lines)
tap_target "goto-section 1"
wait_after "$mark" 'deck: interactive members page 1/' >/dev/null
sleep "$SETTLE_S"
touches=0
mark=$(lines)
tap_target "keyboard-open 0"
check "number: the search field opens the keyboard" wait_after "$mark" 'members: search "" \(latin keyboard\)'
tap_keys 1 3 7
characters=3 touches=$((touches - 3)) # the characters typed are counted apart
check "number: \"137\" typed on the digit row" wait_after "$mark" 'members: search "137" \(latin keyboard\), all kinds: 1 of 200'
mark=$(lines)
sleep "$SETTLE_S"
tap_target "open-detail $number_member"
check "number: \"$NUMBER_TARGET\" opens from its tile" wait_after "$mark" "members: page of $number_member \"$NUMBER_TARGET\""
check "number: found in $touches touches plus $characters characters typed (at most 3 touches)" \
    found_within 3 "$number_member"
sleep "$SETTLE_S"
mark=$(lines)
tap_target "back 0"
wait_after "$mark" 'deck: interactive members page' >/dev/null
fresh_search
tap_keys d j s a v
check "number: plain \"djsav\" finds the ten \"Example Brand … Đšav\"" \
    wait_after "$mark" 'members: search "djsav" \(latin keyboard\), all kinds: 10 of 200'
check "number: \"$NUMBER_TARGET\" among them" has_target "open-detail $number_member"

# 1b. A member's page lists the stories that name it (stories.members in the pack): a tap
# opens the story, and Back comes back to the member.
LINKED_TARGET="Example Brand Atelje Dizajn studio za modnu konfekciju i trikotažu"
linked_member=$(member_number "$LINKED_TARGET")
fresh_search
tap_keys d i z a j n
sleep "$SETTLE_S"
mark=$(lines)
tap_target "open-detail $linked_member"
check "linked: \"$LINKED_TARGET\" opens" wait_after "$mark" "members: page of $linked_member "
sleep "$SETTLE_S"
fresh_targets
check "linked: its page lists the two stories that name it" \
    test "$(targets | grep -c 'targets: open-story ')" = 2
mark=$(lines)
tap_target "open-story 1"
check "linked: a story on it opens the story's page" wait_after "$mark" 'deck: interactive stories page [0-9]+/[0-9]+ detail open'
back_then 'deck: interactive members page [0-9]+/[0-9]+ detail open'
check "linked: Back comes back to the member ($(state))" grep -q 'members page [0-9]*/[0-9]* detail open' <<<"$(state)"
stop

# 1c. The bundled pack's stories: a card that was not shortened opens its story, and the
# last page dot shows the last page, tapped.
pack=()
woken stories
mark=$(lines)
tap_target "goto-section 2"
check "stories: the section bar opens the stories" wait_after "$mark" 'deck: interactive stories page 1/'
sleep "$SETTLE_S"
mark=$(lines)
tap_target "open-detail 1"
check "stories: the second card (its text whole) opens its story" \
    wait_after "$mark" 'deck: interactive stories page 1/[0-9]+ detail open'
back_then 'deck: interactive stories page 1/'
scrub_target
check "stories: the page dots are a touch target (${pages:-no} pages)" test "${pages:-0}" -ge 2
mark=$(lines)
tap_at $((sx + sw - sw / (2 * ${pages:-1}))) $((sy + sh / 2))
check "stories: a tap on the last dot shows the last page ($pages)" \
    wait_after "$mark" "deck: interactive stories page $pages/$pages "
stop
pack=(--db "$work/members.db")

# 2. In a window, a physical keyboard types into the search.
start window --windowed 1280x720
check "windowed: first frame" wait_after 0 'app: first frame after'
sleep 1
wid=$(DISPLAY=":$display" xdotool search --sync --name 'FACTS Kiosk' | head -n 1)
DISPLAY=":$display" xdotool windowfocus --sync "$wid" 2>/dev/null
mark=$(lines)
key 2
check "windowed: key 2 opens the members" wait_after "$mark" 'deck: interactive members page 1/'
sleep "$SETTLE_S"
mark=$(lines)
type_text tekst
check "windowed: typing opens the search and types \"tekst\"" wait_after "$mark" 'members: search "tekst" \(latin keyboard\)'
mark=$(lines)
key BackSpace
check "windowed: backspace deletes" wait_after "$mark" 'members: search "teks" '
mark=$(lines)
key Escape
check "windowed: escape closes the keyboard, the search stays" wait_after "$mark" 'members: search "teks" \(keyboard closed\)'
mark=$(lines)
key Escape
check "windowed: escape again leaves for the attract loop" wait_after "$mark" 'deck: attract '
check "windowed: kiosk still running" kill -0 "$kiosk_pid"
stop

e2e_finish
