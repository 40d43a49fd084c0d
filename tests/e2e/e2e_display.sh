#!/usr/bin/env bash
# e2e_display.sh — end-to-end test of the real facts-kiosk binary, full screen in a real X
# server (Xvfb 1280x720), driven by xdotool, checked through its log and screenshots.
#
#   tests/e2e/e2e_display.sh path/to/facts-kiosk
#
# Needs Xvfb, xdotool, xdpyinfo (x11-utils), xwd (x11-apps) and ImageMagick (convert,
# compare). Prints "ok - NAME" / "not ok - NAME" per check and "N passed, M failed" last;
# exits 0 only when every check passed. Every wait is bounded, so it cannot hang.
# The temp folder with the logs and screenshots is kept on failure, or when E2E_KEEP=1.
#
# The kiosk logs each visible state change (src/app/app.c, log_state), for example
#   [info] deck: attract about page 1/6 lang en
#   [info] deck: interactive contact page 1/1 lang sr-Cyrl
# and "[info] app: first frame after N ms" once the first slide is on screen.
set -u

KIOSK=${1:?usage: e2e_display.sh path/to/facts-kiosk}
KIOSK=$(cd "$(dirname "$KIOSK")" && pwd)/$(basename "$KIOSK")

SCREEN_W=1280
SCREEN_H=720
SLIDE_S=3
IDLE_S=5 # the smallest --idle-seconds the kiosk accepts
TRANSITION_MS=200
WAIT_S=10 # bound on every wait for a log line, unless a check says otherwise
SETTLE_S=0.6 # after a state change: let the transition finish before the next tap / shot

# Where things are on a 1280x720 screen, from metrics_for() (src/render/paint.c) and
# chrome.c: margin 43, gap 17, touch target 37, small text 16, footer 87 px high.
# Section bar: x 43..1237, y 667..712; 5 equal buttons of 237 px from x 47, y 671..708.
# Contact is the 5th: x 995..1232 → centre (1113, 689).
CONTACT_X=1113
CONTACT_Y=689
# About is the 1st: x 47..284 → centre (165, 689); Members the 2nd: centre (402, 689).
ABOUT_X=165
ABOUT_Y=689
MEMBERS_X=402
# Language pills, right-aligned at x 1237, y 28..65; the rightmost is "Српски"
# (about 90 px wide here, never narrower than the 37 px target).
CYRILLIC_X=1210
CYRILLIC_Y=46
MIDDLE_X=$((SCREEN_W / 2))
MIDDLE_Y=$((SCREEN_H / 2))
# The long pack (tests/support/long_pack.sh) has no members: its section bar has 4 buttons
# of 296 px from x 47; Success stories is the 2nd: x 343..639 → centre (491, 689).
STORIES_X=491
STORIES_Y=689
# Its first stories page: three cards of 386 px from x 43 with 17 px gaps, y 126..; the
# third (a story of 24 sentences) spans x 849..1235 → (1042, 350).
STORY3_X=1042
STORY3_Y=350
# On a reading page "‹ Back" is at the left end of the top row, from x 43, y 28..64.
BACK_X=70
BACK_Y=46
# Where a vertical drag on a reading page starts and how far each one goes.
SCROLL_X=640
SCROLL_FROM_Y=560
SCROLL_BY=360

for tool in Xvfb xdotool xdpyinfo xwd convert compare; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "e2e_display: $tool is missing (packages: xvfb xdotool x11-utils x11-apps imagemagick)" >&2
        exit 1
    fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/e2e_display.XXXXXX")
SHOTS=$WORK/shots
mkdir -p "$SHOTS" "$WORK/state"
: >"$WORK/kiosk.conf" # an empty config file: no /etc/facts-kiosk/kiosk.conf leaks in
XVFB_PID=
KIOSK_PID=
LOG=
PASSED=0
FAILED=0
FAILED_LOGS=()
T0=$(date +%s.%N)
SCRIPT_PID=$$

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
note() { echo "# $*"; }

ok() {
    PASSED=$((PASSED + 1))
    echo "ok - $1"
}

not_ok() {
    FAILED=$((FAILED + 1))
    echo "not ok - $1"
    shift
    local line
    for line in "$@"; do
        echo "#   $line"
    done
    if [ -n "$LOG" ]; then
        FAILED_LOGS+=("$LOG")
    fi
}

# check NAME COMMAND...: ok when COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else not_ok "$name"; fi
}

stop_kiosk() {
    if [ -n "$KIOSK_PID" ] && kill -0 "$KIOSK_PID" 2>/dev/null; then
        kill -TERM "$KIOSK_PID" 2>/dev/null
        for _ in $(seq 50); do
            kill -0 "$KIOSK_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$KIOSK_PID" 2>/dev/null
    fi
    [ -n "$KIOSK_PID" ] && wait "$KIOSK_PID" 2>/dev/null
    KIOSK_PID=
}

cleanup() {
    stop_kiosk
    if [ -n "$XVFB_PID" ]; then
        kill -TERM "$XVFB_PID" 2>/dev/null
        wait "$XVFB_PID" 2>/dev/null
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- X server ---------------------------------------------------------------------------

# Starts Xvfb on the first free display from :70 up; sets DISPLAY and XVFB_PID.
start_xvfb() {
    local n
    for n in $(seq 70 99); do
        if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then
            continue
        fi
        Xvfb ":$n" -screen 0 "${SCREEN_W}x${SCREEN_H}x24" -nolisten tcp >"$WORK/xvfb-$n.log" 2>&1 &
        XVFB_PID=$!
        local deadline=$((SECONDS + WAIT_S))
        while [ $SECONDS -le $deadline ]; do
            if ! kill -0 "$XVFB_PID" 2>/dev/null; then
                break # lost a race for this number: try the next one
            fi
            if DISPLAY=":$n" xdpyinfo >/dev/null 2>&1; then
                export DISPLAY=":$n"
                # Should this script be killed outright (a CTest timeout sends SIGKILL), the
                # trap cannot run: a watchdog takes the X server down with it, and the
                # kiosk loses its display and exits.
                (
                    trap '' INT TERM
                    while kill -0 "$SCRIPT_PID" 2>/dev/null; do sleep 1; done
                    kill -TERM "$XVFB_PID" 2>/dev/null
                ) </dev/null >/dev/null 2>&1 &
                return 0
            fi
            sleep 0.1
        done
        kill -TERM "$XVFB_PID" 2>/dev/null
        wait "$XVFB_PID" 2>/dev/null
        XVFB_PID=
    done
    return 1
}

# ---- the kiosk and its log ----------------------------------------------------------------

# start_kiosk NAME [ENV=VALUE...] -- [OPTIONS...]: starts the kiosk full screen with short
# timings, its log in $WORK/NAME.log (LOG).
start_kiosk() {
    local name=$1
    shift
    local env=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        env+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    LOG=$WORK/$name.log
    : >"$LOG"
    # Its own mount root and key folder: a stick or key another test puts in the machine's
    # default places (the package test does) is not this kiosk's business.
    mkdir -p "$WORK/media" "$WORK/keys"
    env "${env[@]}" "$KIOSK" --config "$WORK/kiosk.conf" --state-dir "$WORK/state" \
        --mount-root "$WORK/media" --trusted-key "$WORK/keys" --slide-seconds "$SLIDE_S" --idle-seconds "$IDLE_S" --transition-ms "$TRANSITION_MS" "$@" \
        </dev/null >"$WORK/$name.out" 2>"$LOG" &
    KIOSK_PID=$!
}

log_lines() { wc -l <"$LOG"; }

# wait_line FROM REGEX [TIMEOUT_S]: waits for a log line after line FROM matching REGEX
# (grep -E); prints it and succeeds, or fails after the timeout or when the kiosk died.
wait_line() {
    local from=$1 regex=$2 timeout=${3:-$WAIT_S}
    local deadline line
    deadline=$(awk -v t="$(now)" -v d="$timeout" 'BEGIN { printf "%.3f", t + d }')
    while :; do
        line=$(tail -n +"$((from + 1))" "$LOG" | grep -m1 -E -- "$regex")
        if [ -n "$line" ]; then
            printf '%s\n' "$line"
            return 0
        fi
        if ! kill -0 "$KIOSK_PID" 2>/dev/null; then
            return 1
        fi
        if awk -v t="$(now)" -v d="$deadline" 'BEGIN { exit !(t > d) }'; then
            return 1
        fi
        sleep 0.05
    done
}

# The state in a deck line: "interactive about page 2/6 lang en".
deck_state() { sed -n 's/.*deck: //p' <<<"$1"; }

# The last deck state logged so far.
last_state() { grep 'deck: ' "$LOG" | tail -n 1 | sed 's/.*deck: //'; }

# A hint for a failure in interactive mode: had the kiosk already gone back to attract?
idle_hint() {
    local state
    state=$(last_state)
    if [[ $state == attract* ]]; then
        echo "last state: $state (the $IDLE_S s idle timeout ran out before this input: a very slow machine?)"
    else
        echo "last state: $state"
    fi
}

kiosk_alive() { [ -n "$KIOSK_PID" ] && kill -0 "$KIOSK_PID" 2>/dev/null; }

# ---- input and screenshots ------------------------------------------------------------------

tap() { xdotool mousemove "$1" "$2" click 1; }

# drag_left X Y DISTANCE: press, move left in 10 steps of ~20 ms, release.
drag_left() {
    local x=$1 y=$2 distance=$3 steps=10 args=() i
    args+=(mousemove "$x" "$y" mousedown 1)
    for i in $(seq 1 $steps); do
        args+=(sleep 0.02 mousemove $((x - distance * i / steps)) "$y")
    done
    args+=(sleep 0.02 mouseup 1)
    xdotool "${args[@]}"
}

# drag_vertical X Y DY STEPS PAUSE_S: press, move DY px (negative: up) in STEPS moves of
# ~20 ms, rest PAUSE_S, release. A pause of 0.3 s makes a slow drag (the page stays where the
# finger left it), 0 a flick (the page glides on).
drag_vertical() {
    local x=$1 y=$2 dy=$3 steps=$4 pause=$5 args=() i
    args+=(mousemove "$x" "$y" mousedown 1)
    for i in $(seq 1 "$steps"); do
        args+=(sleep 0.02 mousemove "$x" $((y + dy * i / steps)))
    done
    args+=(sleep "$pause" mouseup 1)
    xdotool "${args[@]}"
}

# scroll_rest FROM: the position of the next "scroll: N of M px" logged after line FROM.
scroll_rest() { wait_line "$1" 'scroll: [0-9]+ of [0-9]+ px' "${2:-$WAIT_S}"; }
scroll_at() { sed -n 's/.*scroll: \([0-9]*\) of.*/\1/p' <<<"$1"; }

# shot NAME: grabs the whole screen now (fast: xwd only), as $SHOTS/NAME.xwd. ImageMagick
# turns it into NAME.png when a check first needs it: on a loaded machine a convert or
# compare can take seconds, which must not eat into the kiosk's idle timeout.
shot() {
    xwd -root -silent >"$SHOTS/$1.xwd"
}

png() {
    if [ -s "$SHOTS/$1.xwd" ]; then
        convert "xwd:$SHOTS/$1.xwd" "$SHOTS/$1.png" && rm -f "$SHOTS/$1.xwd"
    fi
    [ -s "$SHOTS/$1.png" ]
}

# not_black NAME: the screenshot has light in it and is not one flat colour. The theme is
# dark (mean ~0.12 of full scale with text), a black or blank frame has mean/deviation ~0.
not_black() {
    local stats mean sd
    png "$1" || return 1
    stats=$(convert "$SHOTS/$1.png" -format '%[fx:mean] %[fx:standard_deviation]' info: 2>/dev/null) || return 1
    read -r mean sd <<<"$stats"
    echo "#   $1.png: mean $mean, standard deviation $sd"
    awk -v m="$mean" -v s="$sd" 'BEGIN { exit !(m > 0.03 && s > 0.02) }'
}

# changed_pixels A B [X Y W H]: how many pixels differ (beyond 2 % colour fuzz), in the whole
# screenshots or in the rectangle.
changed_pixels() {
    local a=$1 b=$2 crop=()
    png "$a" && png "$b" || return 1
    if [ $# -ge 6 ]; then crop=(-crop "${5}x${6}+${3}+${4}" +repage); fi
    convert "$SHOTS/$a.png" "${crop[@]}" "$SHOTS/$a.crop.png" && convert "$SHOTS/$b.png" "${crop[@]}" "$SHOTS/$b.crop.png" || return 1
    # compare exits 1 when the images differ, 2 when it cannot compare them.
    compare -metric AE -fuzz 2% "$SHOTS/$a.crop.png" "$SHOTS/$b.crop.png" null: 2>&1 >/dev/null || [ $? = 1 ]
}

# region_differs A B X Y W H MIN: at least MIN pixels differ in the rectangle.
region_differs() {
    local ae
    ae=$(changed_pixels "$1" "$2" "$3" "$4" "$5" "$6") || return 1
    echo "#   $1.png vs $2.png in ${5}x${6}+${3}+${4}: $ae pixels differ (want at least $7)"
    awk -v ae="$ae" -v min="$7" 'BEGIN { exit !(ae + 0 >= min) }'
}

# changed_within A B X Y W H: no more pixels differ in the whole screen than the rectangle holds.
changed_within() {
    local ae
    ae=$(changed_pixels "$1" "$2") || return 1
    echo "#   $1.png vs $2.png: $ae pixels differ (want at most $(($5 * $6)), the ${5}x${6} rectangle)"
    awk -v ae="$ae" -v max=$(($5 * $6)) 'BEGIN { exit !(ae + 0 <= max) }'
}

# same A B: at most 0.1 % of the pixels differ.
same() {
    local ae
    ae=$(changed_pixels "$1" "$2") || return 1
    echo "#   $1.png vs $2.png: $ae pixels differ (want at most 0.1 %)"
    awk -v ae="$ae" -v total=$((SCREEN_W * SCREEN_H)) 'BEGIN { exit !(ae + 0 <= total / 1000) }'
}

# no_line_since FROM REGEX SECONDS: nothing matching REGEX is logged after line FROM for SECONDS.
no_line_since() {
    sleep "$3"
    ! tail -n +"$(($1 + 1))" "$LOG" | grep -q -E -- "$2"
}

# differs A B: more than 1 % of the pixels differ (beyond 2 % colour fuzz).
differs() {
    local ae
    png "$1" && png "$2" || return 1
    ae=$(compare -metric AE -fuzz 2% "$SHOTS/$1.png" "$SHOTS/$2.png" null: 2>&1 >/dev/null)
    echo "#   $1.png vs $2.png: $ae pixels differ"
    awk -v ae="$ae" -v total=$((SCREEN_W * SCREEN_H)) 'BEGIN { exit !(ae + 0 > total / 100) }'
}

# not_differs A B: at most 1 % of the pixels differ (the same screen again).
not_differs() {
    local ae
    png "$1" && png "$2" || return 1
    ae=$(compare -metric AE -fuzz 2% "$SHOTS/$1.png" "$SHOTS/$2.png" null: 2>&1 >/dev/null)
    echo "#   $1.png vs $2.png: $ae pixels differ"
    awk -v ae="$ae" -v total=$((SCREEN_W * SCREEN_H)) 'BEGIN { exit !(ae + 0 <= total / 100) }'
}

# start_and_wait NAME [ENV...] -- [OPTIONS...]: starts the kiosk and checks its first frame.
start_and_wait() {
    local name=$1
    start_kiosk "$@"
    local started line
    started=$(now)
    if line=$(wait_line 0 'app: first frame after' "$WAIT_S"); then
        ok "$name: first frame ($(sed -n 's/.*first frame after //p' <<<"$line"), seen after $(elapsed "$started") s)"
        # Right after its first frame the kiosk switches to full screen and blocks in SDL
        # for a moment; the window's FocusIn then reaches SDL in the same batch as a click
        # made meanwhile, and SDL 2.26 drops a click within 10 ms of FocusIn (unless
        # SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH is set). Give it a second before any input.
        sleep 1
        return 0
    fi
    not_ok "$name: first frame within $WAIT_S s"
    return 1
}

# ---- the checks ------------------------------------------------------------------------------

if ! start_xvfb; then
    echo "Bail out! no Xvfb could be started on :70-:99 (see $WORK)"
    echo "0 passed, 1 failed"
    exit 1
fi
note "Xvfb on $DISPLAY, logs and screenshots in $WORK"

# 1. The booth: attract loop, tap, drag, section bar, language switch, idle timeout.
if start_and_wait booth --; then
    shot booth-attract
    check "booth: attract screen is not black" not_black booth-attract

    first=$(wait_line 0 'deck: attract ')
    mark=$(log_lines)
    if next=$(wait_line "$mark" 'deck: attract ' $((SLIDE_S + 3))) &&
        [ "$(deck_state "$next")" != "$(deck_state "$first")" ]; then
        ok "booth: attract loop advances by itself ($(deck_state "$first") → $(deck_state "$next"))"
    else
        not_ok "booth: attract loop advances by itself within $((SLIDE_S + 3)) s" "first: $first"
    fi

    mark=$(log_lines)
    tap $MIDDLE_X $MIDDLE_Y
    if line=$(wait_line "$mark" 'deck: interactive '); then
        ok "booth: a tap in the middle enters interactive mode ($(deck_state "$line"))"
    else
        not_ok "booth: a tap in the middle enters interactive mode"
    fi
    sleep "$SETTLE_S"
    shot booth-interactive

    before=$(last_state)
    mark=$(log_lines)
    drag_left $((MIDDLE_X + 250)) $MIDDLE_Y 500
    if line=$(wait_line "$mark" 'deck: ') && after=$(deck_state "$line") &&
        [[ $after == interactive* ]] && [ "$after" != "$before" ]; then
        ok "booth: a drag left advances a page ($before → $after)"
    else
        not_ok "booth: a drag left advances a page" "before: $before" "after: ${line:-nothing logged}"
    fi
    sleep "$SETTLE_S"
    shot booth-before-section

    mark=$(log_lines)
    tap $CONTACT_X $CONTACT_Y
    if line=$(wait_line "$mark" 'deck: interactive contact page 1/1'); then
        ok "booth: a tap on the section bar's Contact opens contact ($(deck_state "$line"))"
    else
        not_ok "booth: a tap on the section bar's Contact opens contact" "$(idle_hint)"
    fi
    sleep "$SETTLE_S"
    shot booth-contact

    mark=$(log_lines)
    last_input=$(now) # the idle timeout runs from this tap
    tap $CYRILLIC_X $CYRILLIC_Y
    if line=$(wait_line "$mark" 'deck: interactive .*lang sr-Cyrl'); then
        ok "booth: a tap on Српски switches the language ($(deck_state "$line"))"
    else
        not_ok "booth: a tap on Српски switches the language" "$(idle_hint)"
    fi
    sleep "$SETTLE_S"
    shot booth-cyrillic

    # No input from here on: back to the attract loop after the idle timeout.
    mark=$(log_lines)
    if line=$(wait_line "$mark" 'deck: attract about page 1/' $((IDLE_S + WAIT_S))); then
        took=$(elapsed "$last_input")
        if awk -v t="$took" -v i="$IDLE_S" 'BEGIN { exit !(t >= i - 0.5) }'; then
            ok "booth: no input for $IDLE_S s returns to the attract loop after $took s ($(deck_state "$line"))"
        else
            not_ok "booth: no input for $IDLE_S s returns to the attract loop" "returned after only $took s"
        fi
        if [[ $line == *"lang en" ]]; then
            ok "booth: the attract loop comes back in the starting language"
        else
            not_ok "booth: the attract loop comes back in the starting language" "got: $line"
        fi
    else
        not_ok "booth: no input for $IDLE_S s returns to the attract loop" "last state: $(last_state)"
    fi
    sleep "$SETTLE_S"
    shot booth-idle
    check "booth: kiosk still running" kiosk_alive
    # The screenshots, now that no timer is running against us.
    check "booth: interactive screen is not black" not_black booth-interactive
    check "booth: contact screen is not black" not_black booth-contact
    check "booth: the screen changed with the section" differs booth-before-section booth-contact
    check "booth: the screen changed with the language" differs booth-contact booth-cyrillic
    check "booth: attract screen after idle is not black" not_black booth-idle
fi
stop_kiosk

# 1b. Touch that answers: the pressed state, an edge bounce, the idle warning. A longer idle
#     timeout (10 s: the warning shows for its last 5 s) leaves time between the steps.
ANSWER_IDLE_S=10
if start_and_wait answers -- --idle-seconds "$ANSWER_IDLE_S"; then
    wait_line 0 'deck: attract ' >/dev/null
    mark=$(log_lines)
    tap $MIDDLE_X $MIDDLE_Y
    wait_line "$mark" 'deck: interactive ' >/dev/null
    sleep "$SETTLE_S"
    mark=$(log_lines)
    tap $CONTACT_X $CONTACT_Y # Contact has one page: both its ends are here
    if line=$(wait_line "$mark" 'deck: interactive contact page 1/1'); then
        ok "answers: on the one-page contact section ($(deck_state "$line"))"
    else
        not_ok "answers: on the one-page contact section" "$(idle_hint)"
    fi
    sleep "$SETTLE_S"

    # The pressed state: shown while the finger rests, before it lifts.
    shot answers-rest
    xdotool mousemove $ABOUT_X $ABOUT_Y mousedown 1
    sleep 0.2
    shot answers-pressed
    mark=$(log_lines)
    xdotool mouseup 1
    if line=$(wait_line "$mark" 'deck: interactive about page 1/'); then
        ok "answers: the pressed About button acts on release ($(deck_state "$line"))"
    else
        not_ok "answers: the pressed About button acts on release" "$(idle_hint)"
    fi
    sleep "$SETTLE_S"
    mark=$(log_lines)
    tap $CONTACT_X $CONTACT_Y
    wait_line "$mark" 'deck: interactive contact page 1/1' >/dev/null
    sleep "$SETTLE_S"

    # A swipe past the section's end bounces and stays: no silent change of section.
    before=$(last_state)
    mark=$(log_lines)
    drag_left $((MIDDLE_X + 250)) $MIDDLE_Y 500
    if line=$(wait_line "$mark" 'input: edge bounce'); then
        ok "answers: a swipe at the section's last page bounces (${line#*input: })"
    else
        not_ok "answers: a swipe at the section's last page bounces" "$(idle_hint)"
    fi
    if no_line_since "$mark" 'deck: ' 1; then
        ok "answers: ... and the page stays in its section ($(last_state))"
    else
        not_ok "answers: ... and the page stays in its section" "before: $before" "after: $(last_state)"
    fi
    # A drag held past the end: the page follows the finger (resisting), then springs back.
    xdotool mousemove $((MIDDLE_X + 200)) $MIDDLE_Y mousedown 1 sleep 0.05 mousemove $((MIDDLE_X + 120)) $MIDDLE_Y \
        sleep 0.05 mousemove $MIDDLE_X $MIDDLE_Y sleep 0.05 mousemove $((MIDDLE_X - 150)) $MIDDLE_Y sleep 0.3
    shot answers-held
    mark=$(log_lines)
    xdotool mouseup 1
    sleep "$SETTLE_S"
    shot answers-sprung
    if no_line_since "$mark" 'deck: ' 0.5; then
        ok "answers: a held drag past the end is let go and stays ($(last_state))"
    else
        not_ok "answers: a held drag past the end is let go and stays" "after: $(last_state)"
    fi

    # The idle warning: it appears before the timeout, and a touch keeps the page without
    # acting on what is under the finger (here the section bar's Members).
    mark=$(log_lines)
    warned_from=$(now)
    if line=$(wait_line "$mark" 'idle: still there\?' $((ANSWER_IDLE_S + WAIT_S))); then
        ok "answers: the idle warning appears after $(elapsed "$warned_from") s (${line#*idle: })"
    else
        not_ok "answers: the idle warning appears" "last state: $(last_state)"
    fi
    sleep 0.5
    shot answers-warning
    mark=$(log_lines)
    tap $MEMBERS_X $ABOUT_Y
    if line=$(wait_line "$mark" 'idle: still there: answered'); then
        ok "answers: a touch answers the idle warning"
    else
        not_ok "answers: a touch answers the idle warning" "last state: $(last_state)"
    fi
    sleep "$SETTLE_S"
    shot answers-kept
    # The warning's own timeout has passed by the end of this wait; the page must still be there.
    if no_line_since "$mark" 'deck: ' $((ANSWER_IDLE_S / 2)) && [[ $(last_state) == "interactive contact page 1/1"* ]]; then
        ok "answers: the page stays, and the touch did not open Members ($(last_state))"
    else
        not_ok "answers: the page stays, and the touch did not open Members" "last state: $(last_state)"
    fi
    check "answers: kiosk still running" kiosk_alive
    # The section bar is at y 667..712; About's button at x 47..284, y 671..708.
    check "answers: the pressed About button is lit before the finger lifts" \
        region_differs answers-rest answers-pressed 47 671 237 37 2000
    check "answers: ... and nothing else changed" changed_within answers-rest answers-pressed 47 671 237 37
    check "answers: a held drag past the end moves the page" differs answers-rest answers-held
    check "answers: ... and it springs back when let go" same answers-rest answers-sprung
    check "answers: the idle warning shows on screen" differs answers-rest answers-warning
    check "answers: the page is as it was after the answer" same answers-rest answers-kept
fi
stop_kiosk

# 2. The same tap and drag with SDL turning the mouse into touch events: the kiosk then
#    ignores mouse events (src/platform/input.c), so a page change proves touch arrived.
if start_and_wait touch SDL_MOUSE_TOUCH_EVENTS=1 --; then
    wait_line 0 'deck: attract ' >/dev/null
    mark=$(log_lines)
    tap $MIDDLE_X $MIDDLE_Y
    if line=$(wait_line "$mark" 'deck: interactive '); then
        ok "touch: a tap as touch enters interactive mode ($(deck_state "$line"))"
    else
        not_ok "touch: a tap as touch enters interactive mode"
    fi
    sleep "$SETTLE_S"
    before=$(last_state)
    mark=$(log_lines)
    drag_left $((MIDDLE_X + 250)) $MIDDLE_Y 500
    if line=$(wait_line "$mark" 'deck: ') && after=$(deck_state "$line") &&
        [[ $after == interactive* ]] && [ "$after" != "$before" ]; then
        ok "touch: a drag left as touch advances a page ($before → $after)"
    else
        not_ok "touch: a drag left as touch advances a page" "before: $before" "after: ${line:-nothing logged}"
    fi
    check "touch: kiosk still running" kiosk_alive
fi
stop_kiosk

# 3. The lobby: a tap changes nothing.
if start_and_wait lobby -- --profile lobby; then
    wait_line 0 'deck: attract ' >/dev/null
    mark=$(log_lines)
    tap $MIDDLE_X $MIDDLE_Y
    sleep 2
    if tail -n +"$((mark + 1))" "$LOG" | grep -q 'deck: interactive'; then
        not_ok "lobby: a tap does not enter interactive mode" "$(grep 'deck: interactive' "$LOG" | head -n 1)"
    else
        ok "lobby: a tap does not enter interactive mode"
    fi
    shot lobby
    check "lobby: screen is not black" not_black lobby
    check "lobby: kiosk still running" kiosk_alive
fi
stop_kiosk

# 4. Stories: a long story opens from its card, scrolls with the finger (a flick glides on
#    after the finger lifts), reaches its end, and Back returns to the page it came from.
"$(dirname "$0")/../support/long_pack.sh" "$WORK/long-src" &&
    "$KIOSK" pack build "$WORK/long-src" -o "$WORK/long.db" >"$WORK/long-build.log" 2>&1 ||
    not_ok "stories: the long pack builds" "$(cat "$WORK/long-build.log")"
if [ -f "$WORK/long.db" ] && start_and_wait stories -- --db "$WORK/long.db"; then
    wait_line 0 'deck: attract ' >/dev/null
    mark=$(log_lines)
    tap $MIDDLE_X $MIDDLE_Y
    wait_line "$mark" 'deck: interactive ' >/dev/null
    sleep "$SETTLE_S"
    mark=$(log_lines)
    tap $STORIES_X $STORIES_Y
    if line=$(wait_line "$mark" 'deck: interactive stories page 1/'); then
        ok "stories: the section bar opens the stories ($(deck_state "$line"))"
    else
        not_ok "stories: the section bar opens the stories" "$(idle_hint)"
    fi
    page=$(last_state)
    sleep "$SETTLE_S"
    shot stories-page
    mark=$(log_lines)
    tap $STORY3_X $STORY3_Y
    if line=$(wait_line "$mark" 'deck: interactive stories page 1/[0-9]+ detail open') &&
        top=$(scroll_rest "$mark") && [[ $top == *"0 of "*" px (top)" ]]; then
        ok "stories: a tap on a shortened story opens its page, at the top ($(sed 's/.*scroll: //' <<<"$top"))"
    else
        not_ok "stories: a tap on a shortened story opens its page, at the top" "last state: $(last_state)" \
            "scroll: ${top:-nothing logged}"
    fi
    sleep "$SETTLE_S"
    shot story-top
    # A flick: 200 px up in ~100 ms and let go; the page glides further than the finger went.
    mark=$(log_lines)
    drag_vertical $SCROLL_X $SCROLL_FROM_Y -200 5 0
    if line=$(scroll_rest "$mark") && at=$(scroll_at "$line") && [ "${at:-0}" -gt 300 ]; then
        ok "stories: a flick of 200 px glides on to $at px"
    else
        not_ok "stories: a flick of 200 px glides on beyond 300 px" "scroll: ${line:-nothing logged}"
    fi
    # Slow drags, each moving the page as far as the finger, until the end.
    reached=''
    for _ in $(seq 1 40); do
        mark=$(log_lines)
        drag_vertical $SCROLL_X $SCROLL_FROM_Y -$SCROLL_BY 10 0.3
        line=$(scroll_rest "$mark") || break
        if [[ $line == *"(end)" ]]; then
            reached=$line
            break
        fi
    done
    if [ -n "$reached" ]; then
        ok "stories: dragging scrolls the story to its end ($(sed 's/.*scroll: //' <<<"$reached"))"
    else
        not_ok "stories: dragging scrolls the story to its end" "last: ${line:-nothing logged}" "$(idle_hint)"
    fi
    sleep "$SETTLE_S"
    shot story-end
    # Pulled past the end it gives a little and springs back to the end.
    mark=$(log_lines)
    drag_vertical $SCROLL_X $SCROLL_FROM_Y -$SCROLL_BY 10 0.3
    sleep 1
    last=$(grep 'scroll: ' "$LOG" | tail -n 1)
    if [[ $last =~ scroll:\ ([0-9]+)\ of\ ([0-9]+)\ px\ \(end\) ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ]; then
        ok "stories: pulled past the end it springs back to the end (${BASH_REMATCH[1]} px)"
    else
        not_ok "stories: pulled past the end it springs back to the end" "$(grep 'scroll: ' "$LOG" | tail -n 3)"
    fi
    mark=$(log_lines)
    tap $BACK_X $BACK_Y
    if line=$(wait_line "$mark" 'deck: interactive stories ') && [ "$(deck_state "$line")" = "$page" ]; then
        ok "stories: Back returns to the page the story was opened from ($(deck_state "$line"))"
    else
        not_ok "stories: Back returns to the page the story was opened from" "expected: $page" \
            "got: ${line:-nothing logged}"
    fi
    sleep "$SETTLE_S"
    shot stories-back
    check "stories: kiosk still running" kiosk_alive
    check "stories: the story's end looks different from its top" differs story-top story-end
    check "stories: the story page looks different from the stories page" differs stories-page story-top
    check "stories: back on the stories page" not_differs stories-page stories-back
fi
stop_kiosk

# 5. Bad packs fall back to the bundled one.
head -c 65536 /dev/urandom >"$WORK/corrupt.db"
for bad in missing:/nonexistent.db "corrupt:$WORK/corrupt.db"; do
    name=${bad%%:*}
    path=${bad#*:}
    if start_and_wait "$name" -- --db "$path"; then
        if line=$(wait_line 0 'falling back to the bundled pack'); then
            ok "$name pack: the log says it falls back to the bundled pack"
        else
            not_ok "$name pack: the log says it falls back to the bundled pack"
        fi
        if line=$(wait_line 0 'deck: attract ') && [[ $line != *"no content"* ]]; then
            ok "$name pack: bundled content is shown ($(deck_state "$line"))"
        else
            not_ok "$name pack: bundled content is shown" "last state: $(last_state)"
        fi
        sleep "$SETTLE_S"
        shot "$name-pack"
        check "$name pack: screen is not black" not_black "$name-pack"
        check "$name pack: kiosk still running" kiosk_alive
    fi
    stop_kiosk
done

# ---- summary ---------------------------------------------------------------------------------

for xwd in "$SHOTS"/*.xwd; do
    [ -e "$xwd" ] && png "$(basename "$xwd" .xwd)"
done
note "took $(elapsed "$T0") s"
if [ "$FAILED" -gt 0 ]; then
    printf '%s\n' "${FAILED_LOGS[@]}" | sort -u | while read -r log; do
        echo "# ---- $log"
        sed 's/^/#   /' "$log"
    done
    echo "# failed: logs and screenshots kept in $WORK"
fi
echo "$PASSED passed, $FAILED failed"
if [ "$FAILED" -gt 0 ]; then
    exit 1
fi
if [ -n "${E2E_KEEP:-}" ]; then
    note "E2E_KEEP: logs and screenshots kept in $WORK"
else
    rm -rf "$WORK"
fi
exit 0
