# tests/support/e2e.sh — shared parts of the end-to-end shell tests that drive the real
# kiosk under Xvfb. Source it, then: e2e_start_xvfb WxH; start the kiosk with its output in
# "$work/kiosk.log" and its pid in kiosk_pid; check NAME COMMAND... for each check;
# e2e_finish last (prints "N passed, N failed" and returns the status). The trap kills the
# kiosk and Xvfb and removes the work folder unless something failed.
work=$(mktemp -d)
passed=0 failed=0 xvfb_pid='' kiosk_pid='' display=''
e2e_cleanup() {
  [ -n "$kiosk_pid" ] && kill -9 "$kiosk_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  [ "$failed" = 0 ] && rm -rf "$work"
}
trap e2e_cleanup EXIT
check() { # NAME COMMAND...: one numbered check, ok when the command succeeds
  local name=$1; shift
  if "$@"; then echo "ok - $name"; passed=$((passed + 1)); else echo "not ok - $name"; failed=$((failed + 1)); fi
}
# FACTS_E2E_WAIT_SCALE (default 1) stretches every wait: toolchain/test-pi.sh sets it for the
# ARM builds under qemu-user, where two emulated kiosks and their X servers share two cores.
wait_for_log() { # PATTERN SECONDS: the kiosk's log says PATTERN within SECONDS (times the scale)
  local deadline=$((SECONDS + $2 * ${FACTS_E2E_WAIT_SCALE:-1}))
  while [ $SECONDS -le $deadline ]; do
    grep -q -- "$1" "$work/kiosk.log" && return 0
    sleep 0.1
  done
  return 1
}
wait_until() { # SECONDS COMMAND...: COMMAND succeeds within SECONDS (times the scale)
  local deadline=$((SECONDS + $1 * ${FACTS_E2E_WAIT_SCALE:-1})); shift
  until "$@"; do [ $SECONDS -le $deadline ] || return 1; sleep 0.1; done
}
e2e_start_xvfb() { # WxH: a private X server on the first free display from 71; sets display
  display=71
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 "$1x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do xdpyinfo -display ":$display" >/dev/null 2>&1 && break; sleep 0.1; done
}
shot() { xwd -display ":$display" -root -silent | convert xwd:- "$work/$1.png"; }
not_black() { [ "$(convert "$work/$1.png" -format '%[fx:mean>0.02]' info:)" = 1 ]; }
differ() { [ "$(compare -metric AE "$work/$1.png" "$work/$2.png" null: 2>&1 | cut -d' ' -f1)" -gt 10000 ]; }
e2e_finish() {
  if [ "$failed" -gt 0 ]; then echo "--- kiosk log"; cat "$work/kiosk.log"; echo "kept $work"; fi
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}

# For tests that follow the kiosk's log in $log (its pid in kiosk_pid; WAIT_S seconds at most):
# lines: how many lines it has; wait_after FROM REGEX: a line after line FROM matches (grep -E)
# within WAIT_S; targets: the touch targets of the frame on screen (the last block the kiosk
# logged at debug level); centre_of: where one of them is.
lines() { wc -l <"$log"; }
wait_after() {
  local deadline=$((SECONDS + WAIT_S))
  while [ $SECONDS -le $deadline ]; do
    tail -n +"$(($1 + 1))" "$log" | grep -qE -- "$2" && return 0
    kill -0 "$kiosk_pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
targets() {
  awk '/targets: [0-9]+ touch targets/ { n = 0; delete t } /targets: [a-z-]+ .* at / { t[n++] = $0 }
       END { for (i = 0; i < n; i++) print t[i] }' "$log"
}
# centre_of PATTERN: "x y" of the centre of the first current target matching "KIND ARG"
# (waits up to WAIT_S for it to appear).
centre_of() {
    local deadline=$((SECONDS + WAIT_S)) line
    while [ $SECONDS -le $deadline ]; do
        line=$(targets | grep -m1 -F -- "targets: $1 at ")
        if [ -n "$line" ]; then
            sed -n 's/.* at \([0-9]*\),\([0-9]*\) \([0-9]*\)x\([0-9]*\)$/\1 \2 \3 \4/p' <<<"$line" |
                awk '{ printf "%d %d\n", $1 + $3 / 2, $2 + $4 / 2 }'
            return 0
        fi
        sleep 0.05
    done
    echo "# no target \"$1\" on screen" >&2
    return 1
}
