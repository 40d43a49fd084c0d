#!/usr/bin/env bash
# `facts-kiosk staff set-pin` from the shell, on a copy of the shipped kiosk.conf: the PIN read
# twice from standard input goes in as an Argon2id hash that libsodium itself (through python3's
# ctypes, not the kiosk's code) verifies; every other line stays byte for byte; the file keeps
# its mode and owner; mismatched, short, long or non-digit PINs, a missing second line and a
# symlinked config change nothing; the kiosk reads the result without a warning.
# Usage: set_pin.sh FACTS_KIOSK SHIPPED_KIOSK_CONF
set -uo pipefail
kiosk=${1:?usage: set_pin.sh FACTS_KIOSK KIOSK_CONF}
shipped=${2:?usage: set_pin.sh FACTS_KIOSK KIOSK_CONF}
source "$(dirname "$0")/../support/e2e.sh"
conf="$work/kiosk.conf"
{ cat "$shipped"; printf '\n# a line of our own\n[kiosk]\nlang = sr-Cyrl\n'; } >"$conf"
cp "$conf" "$work/before.conf"
chmod 640 "$conf"
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$conf"
owner_before=$(stat -c '%U:%G %a' "$conf")

verifies() { # HASH PIN: libsodium's crypto_pwhash_str_verify says yes
  python3 - "$1" "$2" <<'PY'
import ctypes, ctypes.util, sys
sodium = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
assert sodium.sodium_init() >= 0
pin = sys.argv[2].encode()
sys.exit(0 if sodium.crypto_pwhash_str_verify(sys.argv[1].encode(), pin, ctypes.c_ulonglong(len(pin))) == 0 else 1)
PY
}
not_verifies() { ! verifies "$@"; }
hash_of() { sed -n 's/^pin_hash = //p' "$conf"; }
unchanged() { cmp -s "$conf" "$work/saved.conf"; }
refused() { # STDIN_TEXT MESSAGE: exit 1, the message, the file as it was
  cp -p "$conf" "$work/saved.conf"
  printf "$1" | "$kiosk" staff set-pin --config "$conf" >"$work/out" 2>&1
  local status=$?
  [ $status = 1 ] && grep -q -- "$2" "$work/out" && grep -q "nothing changed" "$work/out" && unchanged
}

printf '2468\n2468\n' | "$kiosk" staff set-pin --config "$conf" >"$work/out" 2>&1
check "set-pin succeeds" grep -q "the staff PIN is set in $conf" "$work/out"
check "one pin_hash line, an Argon2id hash" test "$(grep -c '^pin_hash = \$argon2id\$' "$conf")" = 1
check "libsodium verifies the PIN against it" verifies "$(hash_of)" 2468
check "and not another PIN" not_verifies "$(hash_of)" 2469
check "every other line is kept" diff <(grep -v '^pin_hash' "$work/before.conf") <(grep -v '^pin_hash' "$conf")
check "the PIN itself is nowhere in the file" test "$(grep -c -e '= *2468$' -e '^2468$' "$conf")" = 0
check "mode and owner kept ($owner_before)" test "$(stat -c '%U:%G %a' "$conf")" = "$owner_before"
check "no temp file left beside it" test "$(ls "$work" | grep -c 'kiosk.conf')" = 1
"$kiosk" pack status --config "$conf" --state-dir "$work/state" >/dev/null 2>"$work/status.err"
check "the kiosk reads the file without a warning" test ! -s "$work/status.err"

first=$(hash_of)
check "mismatched PINs are refused" refused '2468\n1357\n' "differ"
check "a short PIN is refused" refused '123\n123\n' "4 to 8 digits"
check "a long PIN is refused" refused '123456789\n123456789\n' "4 to 8 digits"
check "letters are refused" refused '12ab\n12ab\n' "4 to 8 digits"
check "one line only is refused" refused '2468\n' "not given twice"
check "a bad command line is refused" bash -c "! '$kiosk' staff set-pin --bogus </dev/null 2>&1 | grep -q 'is set'"

printf '13579\n13579\n' | "$kiosk" staff set-pin --config "$conf" >/dev/null 2>&1
check "a new PIN replaces the line" test "$(grep -c '^pin_hash' "$conf")" = 1 -a "$(hash_of)" != "$first"
check "the new PIN verifies" verifies "$(hash_of)" 13579
check "the old one no longer does" not_verifies "$(hash_of)" 2468

ln -s "$conf" "$work/link.conf"
cp -p "$conf" "$work/saved.conf"
printf '2468\n2468\n' | "$kiosk" staff set-pin --config "$work/link.conf" >"$work/out" 2>&1
check "a symlinked config is refused" grep -q "symbolic link" "$work/out"
check "and its target is unchanged" unchanged

printf '2468\n2468\n' | "$kiosk" staff set-pin --config "$work/new.conf" >/dev/null 2>&1
check "a missing config is created with the [staff] section" grep -qx '\[staff\]' "$work/new.conf"
e2e_finish
