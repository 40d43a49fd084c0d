#!/usr/bin/env bash
# End-to-end: the lobby's event board in the real kiosk under Xvfb (960x540, the software
# renderer), with the fictional event pack (tests/support/event_pack.sh: 8 rounds of 20
# minutes from 10:00 with 5-minute breaks, "Lunch moved to hall C" from 12:00 to 13:30) and
# a --fake-clock in the event's zone (TZ=Europe/Belgrade):
#   1. at the clock's own pace, on now and next (--slide-seconds 60: nothing else moves): two
#      screen grabs 2 s apart differ, and only in the top part of the body (the clock and the
#      row counting down: the areas that count with the clock, drawn alone), not in the slide's
#      lower part (the day's later sessions, from 3/5 of the height) nor in the chrome's brand row;
#   2. 300 times as fast from 11:50: the board turns from round 6 to round 7 and from round 7
#      to round 8 (the kiosk logs "the board turns: round 7 on, round 8 next"), the lunch
#      announcement shows and leaves (logged), and while it shows the banner is on screen (the
#      bottom of the body differs from a grab without it).
# Usage: e2e_event_board.sh FACTS_KIOSK FIXTURE_DIR
set -uo pipefail
kiosk=${1:?usage: e2e_event_board.sh FACTS_KIOSK FIXTURE_DIR}
fixture=${2:?usage: e2e_event_board.sh FACTS_KIOSK FIXTURE_DIR}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/e2e.sh"
export TZ=Europe/Belgrade
WAIT_S=30
W=960 H=540
"$here/../support/event_pack.sh" "$fixture" "$work/src" 2026-09-17 >/dev/null
"$kiosk" pack build "$work/src" -o "$work/event.db" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
e2e_start_xvfb "${W}x${H}"
log="$work/kiosk.log"
mkdir -p "$work/keys" && : >"$work/kiosk.conf" # no /etc/facts-kiosk leaks in

start_kiosk() { # CLOCK SPEED
  : >"$log"
  # A kiosk id of its own: a fresh machine (CI's new Debian) has no /etc/machine-id to take one from.
  (DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 exec "$kiosk" --config "$work/kiosk.conf" --profile lobby --slide-seconds 60 \
    --kiosk-id e2e-event-board \
    --db "$work/event.db" --state-dir "$work/state" --mount-root "$work/media" --trusted-key "$work/keys" --log-level info \
    --fake-clock "$1" --fake-clock-speed "$2" >>"$log" 2>&1) &
  kiosk_pid=$!
}
stop_kiosk() { kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''; }
# changed A B: "W H X Y" of the box around every pixel that differs between two grabs ("0 0 0 0": none).
changed() {
  convert "$work/$1.png" "$work/$2.png" -compose difference -composite -threshold 0 -format '%@' info: |
    sed 's/^\([0-9]*\)x\([0-9]*\)+\([0-9]*\)+\([0-9]*\)$/\1 \2 \3 \4/'
}

# 1. The clock's own pace: only the areas that count with the clock change.
start_kiosk 2026-09-17T11:51:00 1 # lunch at 12:00 counts down in m:ss (under ten minutes)
check "first frame" wait_for_log "first frame after" 20
sleep 1.5
shot tick-a
sleep 2
shot tick-b
box=$(changed tick-a tick-b)
echo "# what changed in 2 s: $box (W H X Y)"
read -r bw bh bx by <<<"$box"
check "the clock and countdown moved on" test "$bw" -gt 0 -a "$bh" -gt 0
check "only the top of the body changed" test "$by" -gt $((H / 10)) -a $((by + bh)) -lt $((H * 3 / 5))
stop_kiosk

# 2. 300 times as fast: rounds turn, the announcement comes and goes.
start_kiosk 2026-09-17T11:50:00 300
check "first frame (fast)" wait_for_log "first frame after" 20
shot before-lunch
check "the announcement shows" wait_after 0 "event: announcement lunch-moved shows"
sleep 0.3
shot lunch
box=$(changed before-lunch lunch)
echo "# with the banner: $box (W H X Y)"
read -r bw bh bx by <<<"$box"
check "the banner is on screen" test "$bw" -gt $((W / 2)) -a $((by + bh)) -gt $((H * 2 / 3))
check "the board turns to round 7" wait_after 0 "event: the board turns: round 7 on, round 8 next"
check "the board turns to round 8" wait_after 0 "event: the board turns: round 8 on, round 0 next"
check "the announcement leaves" wait_after 0 "event: announcement lunch-moved leaves"
check "no warnings" bash -c "! grep -E '\[(warn|error)\]' '$log' | grep -v 'no trusted key'"
stop_kiosk
e2e_finish
