# tests/support/staff_drive.sh — drives the staff panel of the real kiosk with xdotool (the
# mouse is a finger to the kiosk), for end-to-end tests and benchmarks. Source it after
# tests/support/e2e.sh, with W and H the screen's size, DISPLAY set and the kiosk's debug log
# in "$work/kiosk.log". Where each button is comes from that log ("staff: panel buttons:
# … rollback=X,Y …", logged each time a page shows).
tap() { xdotool mousemove "$1" "$2" click 1; sleep 0.25; }
corner_hold() { # X Y SECONDS
  xdotool mousemove "$1" "$2" mousedown 1; sleep "$3"; xdotool mouseup 1; sleep 0.3
}
# The hidden gesture: 3 s in the top left corner, then 3 s in the bottom right one.
gesture() { corner_hold 8 8 3.4; corner_hold $((W - 8)) $((H - 8)) 3.4; }
button() { # PAGE NAME: "X Y" of a button, from the kiosk's debug log of the page last shown
  grep "staff: $1 buttons:" "$work/kiosk.log" | tail -1 | grep -o " $2=[0-9]*,[0-9]*" | cut -d= -f2 | tr , ' '
}
press() { # PAGE NAME
  local xy; xy=$(button "$1" "$2"); [ -n "$xy" ] || { echo "no button $2 on the $1"; return 1; }
  # shellcheck disable=SC2086
  tap $xy
}
type_pin() { # DIGITS: each key, then OK
  local i
  for ((i = 0; i < ${#1}; i++)); do press "pin pad" "${1:i:1}"; done
  press "pin pad" ok
}
