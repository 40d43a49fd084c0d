#!/usr/bin/env bash
# e2e_event_booth.sh — end-to-end test of the booth's Event section: the real facts-kiosk,
# full screen in Xvfb (1280x720) on the fictional event pack (tests/support/event_pack.sh:
# 40 tables, 8 rounds, one day in Europe/Belgrade) with --fake-clock, driven by xdotool,
# checked through its log and its screen.
#
#   tests/e2e/e2e_event_booth.sh path/to/facts-kiosk
#
# On the event's day a visitor taps the Event tab ("Find my meetings" shows), the search
# field, then "buyer 007" on the on-screen keyboard (letters, space, digits) and Done: the
# screen then shows the company's four public meetings, each with a QR code that a phone
# reads (zbarimg, from a grab of the screen) as an iCalendar event in UTC at its round's
# start. Two days later the kiosk has no Event tab. Where to tap comes from the targets the
# kiosk logs at --log-level debug (src/app/part_members.c), as in e2e_members.sh.
# Needs Xvfb, xdotool, xdpyinfo, xwd, convert, zbarimg, python3-icalendar; prints ok / not ok
# per check, "N passed, M failed" last.
set -u
KIOSK=${1:?usage: e2e_event_booth.sh path/to/facts-kiosk}
KIOSK=$(cd "$(dirname "$KIOSK")" && pwd)/$(basename "$KIOSK")
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xdotool xdpyinfo xwd convert zbarimg; do
    command -v "$tool" >/dev/null || { echo "e2e_event_booth: $tool is missing (packages: xvfb xdotool x11-utils x11-apps imagemagick zbar-tools)" >&2; exit 1; }
done
# shellcheck source=../support/e2e.sh
. "$here/../support/e2e.sh"
WAIT_S=10
export TZ=Europe/Belgrade # the fake clock is local time, the event's

"$here/../support/event_pack.sh" "$here/../render/fixture" "$work/src" 2026-09-17 >/dev/null
"$KIOSK" pack build "$work/src" -o "$work/event.db" >/dev/null || { echo "Bail out! pack build failed"; exit 1; }
mkdir -p "$work/state" "$work/media" "$work/keys"
: >"$work/kiosk.conf"

booth() { # NAME CLOCK: a booth kiosk at the fake clock, woken by a tap, its log in $log
    log=$work/$1.log
    : >"$log"
    ln -sf "$log" "$work/kiosk.log"
    DISPLAY=":$display" "$KIOSK" --config "$work/kiosk.conf" --state-dir "$work/state" --mount-root "$work/media" \
        --trusted-key "$work/keys" --db "$work/event.db" --profile booth --fake-clock "$2" --no-speech \
        --log-level debug --idle-seconds 120 --transition-ms 150 </dev/null >/dev/null 2>"$log" &
    kiosk_pid=$!
    wait_after 0 'app: first frame after' || return 1
    sleep 1 # the switch to full screen swallows a click made meanwhile
    DISPLAY=":$display" xdotool mousemove 640 360 click 1
    wait_after 0 'deck: interactive ' && sleep 0.5
}
stop() { kill -TERM "$kiosk_pid" 2>/dev/null && wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''; }
tap() { # TARGET (as the kiosk logs it: "goto-section 5"): taps its centre
    local xy
    xy=$(centre_of "$1") || return 1
    mark=$(lines)
    # shellcheck disable=SC2086
    DISPLAY=":$display" xdotool mousemove $xy click 1
}
# type_keys TEXT: taps each character's key of the on-screen keyboard, each once the search
# shows the one before.
type_keys() {
    local typed='' c i
    for ((i = 0; i < ${#1}; i++)); do
        c=${1:i:1}
        tap "text-input $c" || return 1
        typed=$typed$c
        wait_after "$mark" "members: search \"$typed\" " || return 1
        sleep 0.2 # the frame with the new query logs its targets
    done
}
# The four codes on screen read as iCalendar events starting 08:00, 08:50, 09:40, 10:30 UTC.
codes_read() {
    shot found
    zbarimg -q --raw "$work/found.png" 2>/dev/null >"$work/codes.txt" || return 1
    /usr/bin/python3 - "$work/codes.txt" <<'PY'
import sys, icalendar
text = open(sys.argv[1], "rb").read().replace(b"\r\n\n", b"\r\n")
starts = []
for chunk in text.split(b"END:VCALENDAR\r\n"):
    if chunk.strip():
        for ev in icalendar.Calendar.from_ical(chunk + b"END:VCALENDAR\r\n").walk("VEVENT"):
            start = ev.decoded("dtstart")
            assert start.utcoffset().total_seconds() == 0, start
            starts.append(start.strftime("%H:%MZ"))
assert sorted(starts) == ["08:00Z", "08:50Z", "09:40Z", "10:30Z"], starts
PY
}

e2e_start_xvfb 1280x720
[ -n "$display" ] || { echo "Bail out! no Xvfb"; exit 1; }

check "event day: the kiosk starts and wakes" booth day 2026-09-17T11:05:00
check "event day: the Event tab opens Find my meetings" \
    eval 'tap "goto-section 5" && wait_after "$mark" "deck: interactive event page 1/"'
sleep 0.5
check "the search field opens the keyboard" \
    eval 'tap "keyboard-open 0" && wait_after "$mark" "members: search \"\" \(latin keyboard\)"'
sleep 0.5
check "letters, a space and digits type \"buyer 007\"" type_keys "buyer 007"
check "Done closes the keyboard, the query kept" \
    eval 'tap "keyboard-close 0" && wait_after "$mark" "members: search \"buyer 007\" \(keyboard closed\)"'
sleep 1
check "each of the four meetings' QR codes reads as its iCalendar event in UTC" codes_read
stop

check "two days later: the kiosk starts and wakes" booth after 2026-09-19T11:05:00
sleep 0.5
check "two days later: no Event tab" eval '! targets | grep -q "targets: goto-section 5 "'
check "two days later: the other tabs are there" eval 'targets | grep -q "targets: goto-section 4 "'
stop
e2e_finish
