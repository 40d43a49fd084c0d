#!/usr/bin/env bash
# End-to-end "Contact me": the real kiosk full screen under Xvfb (SIZE: 1280x720, 1080x1920)
# with --leads-key, driven by xdotool. A visitor opens the form from the contact page, sends it
# empty (told what is missing), types a name, a Cyrillic company and an e-mail on the on-screen
# keyboard (and a little on a physical one), picks a country, ticks the consent and sends;
# "Thank you" shows. A stick inserted then gets the sealed lead, `leads open` on what landed on
# it finds every field in the CSV, and neither the state folder nor the log holds the name or
# the e-mail. Screenshots of the form are kept in OUT_DIR when given.
# Where to tap comes from the kiosk's debug log of its touch targets (as in e2e_members.sh).
# Usage: e2e_lead_form.sh FACTS_KIOSK SIZE [OUT_DIR]
set -uo pipefail
kiosk=${1:?usage: e2e_lead_form.sh FACTS_KIOSK SIZE [OUT_DIR]}
size=${2:?usage: e2e_lead_form.sh FACTS_KIOSK SIZE [OUT_DIR]}
out_dir=${3:-}
source "$(dirname "$0")/../support/e2e.sh"
e2e_start_xvfb "$size"
rows() { tail -n +2 "$1" | grep -c .; }
today=$(date -u +%F)
log=$work/kiosk.log
WAIT_S=10

acted_at=0
acted() { acted_at=$(lines); }
fresh_targets() { # a block of targets logged after the last input (not every input changes them)
  local deadline=$((SECONDS + 2))
  while [ $SECONDS -le $deadline ]; do
    tail -n +"$((acted_at + 1))" "$log" | grep -qE 'targets: [0-9]+ touch targets' && return 0
    sleep 0.05
  done
}
tap() { # "KIND ARG" [same]: "same" when the last input did not move any target (a letter typed)
  local xy
  [ "${2:-}" = same ] || fresh_targets
  xy=$(centre_of "$1") || return 1
  acted
  # shellcheck disable=SC2086
  DISPLAY=":$display" xdotool mousemove $xy click 1
  sleep 0.08
}
tap_keys() { # TEXT: each character on the on-screen keyboard
  local text=$1 i
  for ((i = 0; i < ${#text}; i++)); do tap "text-input ${text:i:1}" same || return 1; done
}
keep_shot() { shot "$1"; [ -n "$out_dir" ] && mkdir -p "$out_dir" && cp "$work/$1.png" "$out_dir/$size-$1.png"; return 0; }

"$kiosk" leads keygen -p "$work/leads.pub" -s "$work/leads.key" >/dev/null
mkdir -p "$work/media" "$work/state"
# Landscape shows the bundled pack and the kiosk's own consent wording; portrait a pack that
# brings its own (organisation.consent), which the lead then names with the pack's version.
pack=() consent=default-1
if [ "${size#*x}" -gt "${size%x*}" ]; then
  cp -r "$(dirname "$0")/../render/fixture" "$work/src"
  sed -i '1s/$/,consent_en,consent_sr_latn/; 2s/$/,"I agree that the Example Cluster contacts me.","Slažem se da me Primer klaster kontaktira."/' \
    "$work/src/organisation.csv"
  "$kiosk" pack build "$work/src" -o "$work/consent.db" >/dev/null || { echo "Bail out! pack build failed"; exit 1; }
  pack=(--db "$work/consent.db")
  consent=pack-$(sed -n '2p' "$work/src/pack.csv" | cut -d, -f1)
fi
: >"$log"
DISPLAY=":$display" SDL_FRAMEBUFFER_ACCELERATION=0 "$kiosk" --mount-root "$work/media" --state-dir "$work/state" \
  --leads-key "$work/leads.pub" --kiosk-id booth-2 --slide-seconds 60 --idle-seconds 120 --transition-ms 150 \
  --log-level debug "${pack[@]}" </dev/null >/dev/null 2>"$log" &
kiosk_pid=$!
check "first frame" wait_after 0 'app: first frame after'
sleep 1 # the switch to full screen swallows a click made meanwhile (see e2e_display.sh)
w=${size%x*} h=${size#*x}
mark=$(lines); acted; DISPLAY=":$display" xdotool mousemove $((w / 2)) $((h / 2)) click 1
check "a tap wakes the kiosk" wait_after "$mark" 'deck: interactive '
mark=$(lines); tap "goto-section 4"
check "the contact page" wait_after "$mark" 'deck: interactive contact'
sleep 0.4
keep_shot contact-button
check "the contact page has a \"Contact me\" button" tap "lead-form 0"
check "the form opens" wait_after "$mark" 'leads: form opened from contact'
sleep 0.3
keep_shot form-empty

mark=$(lines); tap "lead-form 8"
check "sent empty: told what is missing" wait_after "$mark" 'leads: form not sent: name e-mail consent'
sleep 0.3
keep_shot form-problems

# The name on the on-screen keyboard (its letters are small: the form makes the capitals).
check "name typed on the on-screen keyboard" tap_keys "ana example"
# ... and two letters more on a physical keyboard (full screen: keys work while the form is open).
wid=$(DISPLAY=":$display" xdotool search --name 'FACTS Kiosk' | head -n 1)
acted; DISPLAY=":$display" xdotool type --window "$wid" --delay 80 " Jr"
acted; DISPLAY=":$display" xdotool key --window "$wid" BackSpace
acted; DISPLAY=":$display" xdotool type --window "$wid" --delay 80 "r"
# The company in Cyrillic: the field, the layout key, the letters.
tap "lead-form 2"
check "the Cyrillic layout" tap "keyboard-layout 2"
check "company typed in Cyrillic" tap_keys "пример"
# The e-mail: the keyboard goes back to Latin by itself; @ and . from the row above it.
tap "lead-form 3"
check "e-mail typed" tap_keys "ana@example.org"
mark=$(lines); tap "lead-form 4"
sleep 0.3
keep_shot countries
check "a country from the list" tap "lead-form 100"
check "the consent box" tap "lead-form 7"
sleep 0.3
keep_shot form-filled
mark=$(lines); tap "lead-form 8"
check "sent: sealed and stored" wait_after "$mark" 'leads: a contact request was sealed and stored \(581 bytes\)|leads: a contact request was sealed and stored'
sleep 0.3
keep_shot thanks
check "\"Thank you\" closes with Back" tap "lead-form 9"
check "... and the form closes" wait_after "$mark" 'leads: form closed \(thanks closed\)'

# A stick: the sealed lead lands on it, and opens on the staff's laptop.
stick="$work/media/facts-kiosk/STAFF"
mkdir -p "$stick.tmp/facts-kiosk/leads" && mv "$stick.tmp" "$stick"
check "the stick gets the lead" wait_after "$mark" "1 sealed contact request \([0-9]+ bytes\) copied to $stick/facts-kiosk/leads/booth-2-$today.sealed"
"$kiosk" leads open -s "$work/leads.key" "$stick" -o "$work/leads.csv" >/dev/null
check "leads open: one lead" test "$(rows "$work/leads.csv")" = 1
check "leads open: every field as typed" grep -q ",booth-2,en,Ana Example Jr,Пример,ana@example.org,Serbia,The cluster in general,$consent"$'\r'"$" "$work/leads.csv"
check "no plaintext in the state folder" bash -c "! grep -rqa 'Ana Example\|ana@example.org\|Пример' '$work/state'"
check "no plaintext in the log" bash -c "! grep -qa 'Ana Example\|ana@example.org\|Пример' '$log'"

# Leaving the form to the idle timeout: nothing kept (the attract loop closes it).
mark=$(lines); tap "lead-form 0"
check "the form opens again" wait_after "$mark" 'leads: form opened'
tap_keys "zed"
acted; DISPLAY=":$display" xdotool key --window "$wid" Escape
check "Escape closes it, nothing kept" wait_after "$mark" 'leads: form closed \(Escape; nothing kept\)'
# From a member's page: the member is what the visitor is interested in, a tap makes it the
# cluster in general and back.
mark=$(lines); tap "goto-section 1"
check "the members page" wait_after "$mark" 'deck: interactive members'
sleep 0.4
mark=$(lines); tap "open-detail 0"
check "a member's page" wait_after "$mark" 'deck: interactive members .*detail'
sleep 0.6
keep_shot member-button
mark=$(lines); tap "lead-form 0"
check "the form opens from the member's page" wait_after "$mark" 'leads: form opened from the page of '
sleep 0.3
keep_shot member-form
tap "lead-form 9"
check "still one lead in the state folder" test "$(stat -c %s "$work/state/leads.sealed")" -lt 700

e2e_finish
