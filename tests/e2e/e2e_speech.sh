#!/usr/bin/env bash
# e2e_speech.sh — read aloud in the real kiosk, full screen under Xvfb 1280x720, driven by
# xdotool. SDL's "disk" audio driver writes what the kiosk plays to a file (SDL_DISKAUDIOFILE,
# 16-bit mono at 22050 Hz), which proves real speech came out:
#   1. a tap on the speaker button plays speech (loud, growing) and lights the button; a tap
#      elsewhere stops it at once (the file stops growing); a second tap on the button itself
#      stops it and does not start it again; after a language change it reads that language;
#   2. a page is read to its end (SDL_DISKAUDIODELAY=1: faster than real time), the device is
#      closed and the button goes dark; a page change by key (windowed) stops reading;
#   3. with no audio driver the kiosk starts as usual, logs one line, and shows no button;
#      --no-speech shows no button and opens no audio.
#   e2e_speech.sh path/to/facts-kiosk
set -uo pipefail
kiosk=${1:?usage: e2e_speech.sh path/to/facts-kiosk}
source "$(dirname "$0")/../support/e2e.sh"
e2e_start_xvfb 1280x720
: >"$work/kiosk.conf" # no /etc/facts-kiosk/kiosk.conf leaks in

# 1280x720, from metrics_for() and chrome_paint_top() (measured on a --screenshots render):
# the language pills end at x 1237, y 28..65; left of "English" and a gap, the speaker, a
# 37 px circle at x 909..946 → centre (927, 46). "Српски" is the rightmost pill.
SPEAKER_X=927 SPEAKER_Y=46 CYRILLIC_X=1210 CYRILLIC_Y=46 MIDDLE_X=640 MIDDLE_Y=360
SPEAKER_BOX=37x37+909+28

tap() { DISPLAY=":$display" xdotool mousemove "$1" "$2" click 1; }
lines() { grep -c -- "$1" "$work/kiosk.log"; }
size_of() { stat -c %s "$1" 2>/dev/null || echo 0; }
# seconds RMS of a raw 16-bit mono 22050 Hz file, e.g. "1.72 3337"
audio_facts() {
  python3 - "$1" <<'EOF'
import math, struct, sys
data = open(sys.argv[1], 'rb').read()
samples = struct.unpack('<%dh' % (len(data) // 2), data[: len(data) // 2 * 2])
rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0
print('%.2f %.0f' % (len(samples) / 22050, rms))
EOF
}
audible() { read -r seconds rms <<<"$(audio_facts "$1")"; awk -v s="$seconds" -v r="$rms" -v min="$2" 'BEGIN { exit !(s >= min && r > 500) }'; }
shorter_than() { read -r seconds _ <<<"$(audio_facts "$1")"; awk -v s="$seconds" -v max="$2" 'BEGIN { exit !(s < max) }'; }
crop() { convert "$work/$1.png" -crop "$SPEAKER_BOX" +repage "$work/$1-speaker.png"; }
speaker_differs() { # A B: the speaker's square looks different in screenshots A and B
  crop "$1"; crop "$2"
  [ "$(compare -metric AE "$work/$1-speaker.png" "$work/$2-speaker.png" null: 2>&1 | cut -d' ' -f1)" -gt 100 ]
}
speaker_same() { ! speaker_differs "$1" "$2"; }
# A tap in the middle wakes the kiosk into interactive mode. Just after the first frame the
# window may still be going full screen and X drops a click: try again, three times at most.
wake() {
  local try
  for try in 1 2 3; do
    tap $MIDDLE_X $MIDDLE_Y
    wait_for_log "deck: interactive" 2 && { sleep 0.5; return 0; }
  done
  return 1
}
start_kiosk() { # ENV... -- ARGS...: the kiosk with its log in $work/kiosk.log
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  env DISPLAY=":$display" "${envs[@]}" "$kiosk" --config "$work/kiosk.conf" --state-dir "$work/state" \
    --idle-seconds 120 --slide-seconds 600 --transition-ms 200 "$@" >"$work/kiosk.log" 2>&1 &
  kiosk_pid=$!
}
stop_kiosk() { kill "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=''; }

# --- 1. play, stop, toggle, language ------------------------------------------------------
audio=$work/audio.raw
start_kiosk SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$audio" --
check "kiosk shows its first frame" wait_for_log "first frame" 10
check "read aloud is ready after the first frame" wait_for_log "speech: read aloud ready (audio driver disk" 10
check "a touch opens interactive mode" wake
check "... on the first page" wait_for_log "deck: interactive about page 1/6 lang en" 1
shot quiet
tap $SPEAKER_X $SPEAKER_Y
check "the speaker button reads the page" wait_for_log "speech: reading aloud in en" 5
sleep 1.5
shot reading
check "speech is playing: over 1 s of loud audio" audible "$audio" 1.0
check "the button is lit while it reads" speaker_differs quiet reading
tap $MIDDLE_X $MIDDLE_Y
check "a tap elsewhere stops it" wait_for_log "speech: stopped" 3
sleep 0.3
before=$(size_of "$audio")
sleep 1
check "nothing is played after the stop" test "$(size_of "$audio")" = "$before"
check "it was cut short (the page takes 17 s)" shorter_than "$audio" 5
sleep 0.3
shot stopped
check "the button is dark again" speaker_same quiet stopped
tap $SPEAKER_X $SPEAKER_Y
check "the button reads again" wait_for_log "speech: reading aloud in en" 5
sleep 0.8
tap $SPEAKER_X $SPEAKER_Y
sleep 1
check "a second tap on the button stops it" test "$(lines 'speech: stopped')" = 2
check "... and does not start it again" test "$(lines 'speech: reading aloud')" = 2
tap $CYRILLIC_X $CYRILLIC_Y
check "language switch" wait_for_log "lang sr-Cyrl" 5
sleep 0.5
tap $SPEAKER_X $SPEAKER_Y
check "it reads the language on screen" wait_for_log "speech: reading aloud in sr-Cyrl" 5
sleep 1
check "Serbian Cyrillic is heard" audible "$audio" 0.5
stop_kiosk
check "read aloud was set up once" test "$(grep -c 'speech: read aloud ready' "$work/kiosk.log")" = 1

# --- 2. read to the end --------------------------------------------------------------------
rm -f "$audio"
start_kiosk SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$audio" SDL_DISKAUDIODELAY=1 --
check "fast audio: ready" wait_for_log "speech: read aloud ready" 10
check "fast audio: interactive" wake
shot quiet2
tap $SPEAKER_X $SPEAKER_Y
check "the whole page is read and the device closed" wait_for_log "speech: finished" 10
check "all of it was played: over 12 s of speech" audible "$audio" 12
sleep 0.5
shot finished
check "the button is dark when reading ends" speaker_same quiet2 finished
check "the page stayed while it read" \
  bash -c "sed -n '/speech: reading aloud/,/speech: finished/p' '$work/kiosk.log' | grep -c 'deck:' | grep -qx 0"
stop_kiosk

# --- 2b. a page change without a touch (the keyboard of a windowed kiosk) stops it too ------
start_kiosk SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$audio" -- --windowed 1280x720
check "windowed: ready" wait_for_log "speech: read aloud ready" 10
check "windowed: interactive" wake
tap $SPEAKER_X $SPEAKER_Y
check "windowed: reading" wait_for_log "speech: reading aloud in en" 5
sleep 0.5
DISPLAY=":$display" xdotool key Right
check "the next page by key" wait_for_log "deck: interactive about page 2/6" 5
check "a page change stops reading" wait_for_log "speech: stopped" 3
stop_kiosk

# --- 3. no audio, --no-speech ------------------------------------------------------------------
start_kiosk SDL_AUDIODRIVER=no-such-driver --
check "no audio: the kiosk starts" wait_for_log "first frame" 10
check "no audio: said once" wait_for_log "speech: no audio (.*): read aloud is off" 5
check "no audio: interactive" wake
shot no-audio
check "no audio: no speaker button" speaker_differs quiet no-audio
tap $SPEAKER_X $SPEAKER_Y
sleep 0.5
check "no audio: one line about speech, nothing read" test "$(lines 'speech:')" = 1
check "no audio: still running" kill -0 "$kiosk_pid"
stop_kiosk

# As in CI: whatever audio this machine has (usually none under Xvfb), one line and a frame.
start_kiosk --
check "default audio: the kiosk starts" wait_for_log "first frame" 10
sleep 1.5
check "default audio: one line about speech" test "$(lines 'speech:')" = 1
stop_kiosk

rm -f "$audio"
start_kiosk SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$audio" -- --no-speech
check "--no-speech: the kiosk starts" wait_for_log "first frame" 10
check "--no-speech: interactive" wake
shot no-speech
check "--no-speech: no speaker button" speaker_differs quiet no-speech
check "--no-speech: no audio opened" test ! -e "$audio"
check "--no-speech: nothing said about speech" test "$(lines 'speech:')" = 0
stop_kiosk

e2e_finish
