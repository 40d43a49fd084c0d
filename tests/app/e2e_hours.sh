#!/usr/bin/env bash
# End-to-end: opening hours in the real kiosk under Xvfb, on a scripted wall clock
# (--fake-clock, running 10 times as fast: a wall minute is 6 s here) across closing and opening.
#   1. booth: open, then at closing the screen is black (xwd of the root window), the monitor is
#      off if the X server has DPMS (xset q; Xvfb has no DPMS extension: then screen power's
#      auto must have fallen through cec, drm and x11 to black), the method chosen is logged
#      once with why the others did not work and is in status.json's display (with power off),
#      and the process uses almost no CPU while asleep (utime + stime from /proc/PID/stat over
#      5 s, printed); a tap wakes it for wake_minutes on the attract loop and does nothing else
#      (the next tap acts); then it sleeps again, and at opening it wakes by itself on the
#      attract loop with a frame drawn afresh (logged, and not black), status.json's power on;
#   2. lobby, screen_off = cec forced on a CEC device that is not there: a warning says it does
#      not work and black stands in, status.json says method black, worked false; a tap while
#      closed leaves it asleep; it wakes by itself at opening;
#   3. a bad [schedule] value in kiosk.conf: one warning with file, line and what is allowed,
#      and the kiosk stays on at a closed hour;
#   4. a signed stick after hours installs while the display sleeps, and the new pack is
#      confirmed only once it has been on screen, after opening (not after confirm_seconds
#      asleep).
# Usage: e2e_hours.sh FACTS_KIOSK FIXTURE_SOURCES
set -uo pipefail
kiosk=${1:?usage: e2e_hours.sh FACTS_KIOSK FIXTURE_SOURCES}
sources=${2:?usage: e2e_hours.sh FACTS_KIOSK FIXTURE_SOURCES}
source "$(dirname "$0")/../support/e2e.sh"
e2e_start_xvfb 960x540
minisign -G -W -p "$work/key.pub" -s "$work/key.sec" >/dev/null
mkdir -p "$work/media"
CPU_LIMIT_MS=${CPU_LIMIT_MS:-100} # over 5 s asleep: 2 % of one core at most
ticks_per_s=$(getconf CLK_TCK)

start_kiosk() { # ARGS...: the kiosk on the fake clock, 10 times as fast
  : >"$work/kiosk.log"
  DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 "$kiosk" --mount-root "$work/media" --state-dir "$work/state" \
    --trusted-key "$work/key.pub" --slide-seconds 60 --fake-clock-speed 10 --no-speech "$@" >>"$work/kiosk.log" 2>&1 &
  kiosk_pid=$!
}
run=0
stop_kiosk() { # SIGTERM: the kiosk must exit 0 (under ASan: no leak); each run's log is kept as run-N.log
  local status=0
  kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null || status=$?
  kiosk_pid=''
  run=$((run + 1)); cp "$work/kiosk.log" "$work/run-$run.log"
  check "run $run: the kiosk stops cleanly (status $status)" [ "$status" = 0 ]
  [ "$failed" -gt 0 ] && { echo "--- run $run log"; grep -v '^ALSA' "$work/run-$run.log"; }
}
black() { [ "$(convert "$work/$1.png" -format '%[fx:mean<0.002]' info:)" = 1 ]; }
count_log() { grep -c -- "$1" "$work/kiosk.log"; }
wait_for_count() { # PATTERN N SECONDS: the log says PATTERN N times within SECONDS
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -le $deadline ]; do
    [ "$(count_log "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  return 1
}
cpu_ms() { # the kiosk's user + system CPU time so far (all threads), in ms, from /proc/PID/stat
  awk -v hz="$ticks_per_s" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$kiosk_pid/stat"
}
cpu_us() { # the same to the microsecond: time on a CPU of every thread (schedstat, in ns)
  cat /proc/"$kiosk_pid"/task/*/schedstat 2>/dev/null | awk '{ ns += $1 } END { print int(ns / 1000) }'
}
wakeups() { # times the kiosk's threads went to sleep and were woken (voluntary context switches)
  cat /proc/"$kiosk_pid"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ { n += $2 } END { print n + 0 }'
}
# X Y. No --sync: xdotool then waits ~15 s when the pointer is already there.
tap() { DISPLAY=":$display" xdotool mousemove "$1" "$2" click 1; }
has_dpms() { xdpyinfo -display ":$display" | grep -q '^    DPMS$'; }
monitor_is() { DISPLAY=":$display" xset q | grep -q "Monitor is $1"; }
dpms_check() { # On|Off: the monitor state where the server has DPMS, else (Off) the log's fallback line
  if has_dpms && command -v xset >/dev/null; then
    monitor_is "$1"
  else
    grep -q 'sleeps (black: a black frame)' "$work/kiosk.log"
  fi
}
monitor_on_check() { # NAME: only where the server has DPMS (else there is no state to read)
  if has_dpms && command -v xset >/dev/null; then check "$1" monitor_is On; fi
}
has_dpms || echo "# this X server has no DPMS extension: the monitor state is checked through the kiosk's fallback"
status="$work/state/status.json"
display_is() { # POWER METHOD WORKED: status.json's display, as the kiosk last wrote it
  /usr/bin/python3 - "$status" "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["display"]
want = {"power": sys.argv[2], "method": sys.argv[3], "worked": sys.argv[4] == "true"}
sys.exit(0 if all(d.get(k) == v for k, v in want.items()) else 1)
PY
}
wait_for_display() { # POWER METHOD WORKED SECONDS
  local deadline=$((SECONDS + $4))
  while [ $SECONDS -le $deadline ]; do
    [ -s "$status" ] && display_is "$1" "$2" "$3" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "# status.json: $(cat "$status" 2>/dev/null)"
  return 1
}

# 1. The booth. Monday 2026-12-07 17:59:40: closes at 18:00 (2 s), opens at 18:05 (32 s).
start_kiosk --fake-clock 2026-12-07T17:59:40 --monday "09:00-18:00, 18:05-20:00" --wake-minutes 2 --status-seconds 1
check "booth: the schedule is read and the kiosk is open" \
  wait_for_log 'hours: opening hours on (fake clock): open now (2026-12-07 17:59:40), closes next: 2026-12-07 18:00:00' 10
wait_for_log 'first frame after' 10
sleep 0.5
shot open
check "booth: open, the screen shows the attract loop" not_black open
awake_start=$(cpu_us)
sleep 1
awake_us=$(( $(cpu_us) - awake_start ))
check "booth: at closing the display sleeps" \
  wait_for_log 'hours: closed: the display sleeps (.*) until 2026-12-07 18:05:00' 10
sleep 0.5
shot closed
check "booth: closed, the screen is black" black closed
check "booth: closed, the monitor is off (DPMS, or the kiosk says it fell back to black)" dpms_check Off
if has_dpms; then method=x11; else method=black; fi
check "booth: screen power's choice is logged: $method, after cec and drm (and x11) did not work" \
  grep -qE "hours: screen power: $method \(screen_off = auto; cec: /dev/cec0: .*; drm: the video driver is x11, not KMS/DRM" \
  "$work/kiosk.log"
check "booth: status.json says the display is off by $method" wait_for_display off "$method" true 5
asleep_start=$(cpu_ms) asleep_start_us=$(cpu_us) wakeups_start=$(wakeups)
sleep 5
asleep_ms=$(( $(cpu_ms) - asleep_start )) asleep_us=$(( $(cpu_us) - asleep_start_us ))
asleep_wakeups=$(( $(wakeups) - wakeups_start ))
echo "# CPU awake (attract loop, 1 s): ${awake_us} us; asleep (5 s): ${asleep_ms} ms by /proc/PID/stat," \
  "${asleep_us} us by schedstat, ${asleep_wakeups} thread wake-ups (limit ${CPU_LIMIT_MS} ms)"
check "booth: asleep, the kiosk uses almost no CPU (${asleep_ms} ms in 5 s)" [ "$asleep_ms" -le "$CPU_LIMIT_MS" ]
check "booth: asleep, nothing is drawn (no deck line since closing)" \
  [ "$(sed -n '/hours: closed: the display sleeps/,$p' "$work/kiosk.log" | grep -c 'deck:')" = 0 ]
tap 300 270
check "booth: a tap while closed wakes it for wake_minutes" \
  wait_for_log 'hours: a touch while closed wakes the booth for 2 min' 5
check "booth: ... and the display is on" wait_for_log 'hours: woken by a touch: the display is on' 5
sleep 0.5
shot woken
check "booth: woken, the screen shows the kiosk again" not_black woken
monitor_on_check "booth: woken, the monitor is on"
check "booth: the waking tap did nothing else (still the attract loop)" \
  bash -c "! grep -q 'deck: interactive' '$work/kiosk.log'"
tap 500 300
check "booth: the next tap acts (interactive)" wait_for_log 'deck: interactive' 5
check "booth: after wake_minutes it sleeps again" \
  wait_for_count 'hours: closed: the display sleeps' 2 15
sleep 0.5
shot closed_again
check "booth: asleep again, the screen is black" black closed_again
check "booth: at opening it wakes by itself" wait_for_log 'hours: open: the display is on' 30
check "booth: ... logged as opening time" \
  grep -q 'hours: opening time; closes next: 2026-12-07 20:00:00' "$work/kiosk.log"
sleep 0.5
shot opened
check "booth: after opening the screen shows the kiosk" not_black opened
monitor_on_check "booth: after opening the monitor is on"
check "booth: after opening the first frame is drawn afresh" \
  bash -c "sed -n '/hours: open: the display is on ($method)/,\$p' '$work/kiosk.log' | grep -q 'hours: the first frame after waking is drawn afresh'"
check "booth: screen power's choice was logged once for two nights" [ "$(count_log 'hours: screen power:')" = 1 ]
check "booth: status.json says the display is on again" wait_for_display on "$method" true 5
# It went to sleep interactive; it wakes on the attract loop.
check "booth: after opening it shows the attract loop" \
  bash -c "sed -n '/hours: open: the display is on/,\$p' '$work/kiosk.log' | grep -q 'deck: attract'"
stop_kiosk

# 2. The lobby: closes at 18:00 (2 s), opens at 18:01 (8 s); a tap in between changes nothing.
rm -f "$status"
start_kiosk --profile lobby --fake-clock 2026-12-07T17:59:40 --monday "09:00-18:00, 18:01-20:00" \
  --screen-off cec --cec-device "$work/no-cec" --status-seconds 1
check "lobby: at closing the display sleeps" wait_for_log 'hours: closed: the display sleeps (black: a black frame)' 10
check "lobby: the forced cec that does not work is a warning, black stands in" \
  grep -q "hours: screen power: screen_off = cec does not work (cec: $work/no-cec: No such file or directory): a black frame instead" \
  "$work/kiosk.log"
check "lobby: status.json says black, and that it did not work" wait_for_display off black false 5
tap 480 270
check "lobby: a tap while closed does not wake it" \
  wait_for_log 'hours: a touch while closed: the lobby sleeps on until opening' 5
sleep 0.3
shot lobby_tapped
check "lobby: after the tap the screen is still black" black lobby_tapped
check "lobby: after the tap it still sleeps on black (what screen_off = cec fell back to)" grep -q "sleeps (black: a black frame)" "$work/kiosk.log"
check "lobby: it did not wake before opening" \
  bash -c "! grep -q 'the display is on' '$work/kiosk.log'"
check "lobby: at opening it wakes by itself" wait_for_log 'hours: open: the display is on' 15
sleep 0.5
shot lobby_open
check "lobby: after opening the screen shows the kiosk" not_black lobby_open
check "lobby: after opening the first frame is drawn afresh" \
  wait_for_log 'hours: the first frame after waking is drawn afresh' 5
stop_kiosk

# 3. A bad value: reported with file, line and what is allowed; the kiosk stays on.
printf '[schedule]\nmonday = 09:00-12:00\ntuesday = 9-18\n' >"$work/kiosk.conf"
start_kiosk --config "$work/kiosk.conf" --fake-clock 2026-12-07T20:00:00
check "bad value: the warning names file, line and what is allowed" \
  wait_for_log "$work/kiosk.conf:3: key \"tuesday\": \"9-18\" is not valid: \"9-18\" does not start with a time HH:MM (00:00 to 24:00); allowed: open, closed, or ranges" 10
check "bad value: the warning says the opening hours are off" \
  grep -q 'the opening hours are off: the kiosk stays on at all hours' "$work/kiosk.log"
wait_for_log 'first frame after' 10
sleep 3 # Monday 20:00 would be closed by monday = 09:00-12:00
shot bad_value
check "bad value: at a closed hour the kiosk still shows" not_black bad_value
check "bad value: it never slept" bash -c "! grep -q 'display sleeps' '$work/kiosk.log'"
stop_kiosk

# 4. After hours a stick brings a new pack: installed asleep, confirmed only after opening.
"$kiosk" pack build "$sources" -o "$work/new.db" >/dev/null
minisign -S -s "$work/key.sec" -m "$work/new.db" -t "e2e pack" >/dev/null
rm -rf "$work/state"
start_kiosk --profile lobby --fake-clock 2026-12-07T17:59:40 --monday "09:00-18:00, 18:03-20:00" --confirm-seconds 5
check "stick after hours: the display sleeps" wait_for_log 'hours: closed: the display sleeps' 10
mkdir -p "$work/media/stick/facts-kiosk.tmp"
cp "$work/new.db" "$work/media/stick/facts-kiosk.tmp/content.db"
cp "$work/new.db.minisig" "$work/media/stick/facts-kiosk.tmp/content.db.minisig"
mv "$work/media/stick/facts-kiosk.tmp" "$work/media/stick/facts-kiosk"
check "stick after hours: the pack is installed while asleep" wait_for_log 'update: showing the new pack (version 7)' 10
sleep 7 # more than confirm_seconds, still before opening (18:03)
check "stick after hours: still asleep" bash -c "! grep -q 'the display is on' '$work/kiosk.log'"
shot stick_asleep
check "stick after hours: the screen stays black" black stick_asleep
check "stick after hours: not confirmed while nothing was on screen" \
  bash -c "! grep -q 'confirmed' '$work/kiosk.log'"
check "stick after hours: at opening it wakes" wait_for_log 'hours: open: the display is on' 15
check "stick after hours: confirmed once on screen after opening" \
  wait_for_log 'update: the new pack ran well for 5 s: confirmed' 5
stop_kiosk

e2e_finish
