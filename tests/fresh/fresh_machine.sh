#!/usr/bin/env bash
# Fresh-machine test: the README's two quick-start commands on a brand-new minimal Debian 12.
#
#   tests/fresh/fresh_machine.sh [--keep]       # as root; run by .ci/run
#
# 1. A minimal bookworm (debootstrap --variant=minbase) from the mirror this machine's apt uses
#    (facts_apt_source in toolchain/deps.sh), with this machine's apt sources, keyrings and
#    proxy settings, so it installs from wherever this machine does. Made once and cached as
#    $FACTS_FRESH_CACHE/bookworm-minbase-<arch>.tar (default /var/tmp/facts-fresh; delete the
#    file to refresh it); every run unpacks a new copy and removes it afterwards (--keep leaves
#    it for a look).
# 2. The committed project (HEAD of this checkout; uncommitted changes are not tested) is cloned
#    into it, as a newcomer gets it.
# 3. In a chroot inside a private mount namespace (its own /dev with the usual nodes, devpts and
#    /dev/shm, /proc, /sys; unmounted by a trap and gone with the namespace in any case), with a
#    clean environment and no display: `./toolchain/run.sh` must exit 0 and say how to see the
#    slides, then `./toolchain/test.sh` must exit 0 (it installs the test packages itself).
#    The chroot also gets a network namespace of its own, reaching the mirror through
#    slirp4netns (user-mode NAT; installed if missing): X servers listen on abstract sockets,
#    which a chroot alone shares with the host, so without it the e2e tests' Xvfb on :70 could
#    be some other X server on this machine (and the tests would click in it). Without
#    slirp4netns it runs on the host's network and says so.
# Prints the time of each step. Exit status: 0 both commands passed; 1 something failed;
# 77 (SKIPPED) the fresh system cannot be made here: not root, no debootstrap, no apt source for
# bookworm, or no private mount namespace / chroot (an unprivileged container).
set -uo pipefail
self=$(realpath "$0")
cd "$(dirname "$self")/../.." || exit 1
source toolchain/deps.sh
set +e

SKIPPED=77
keep=0
[ "${1:-}" = --keep ] && keep=1
cache=${FACTS_FRESH_CACHE:-/var/tmp/facts-fresh}

say() { echo "== fresh_machine: $*"; }
skip() { echo "fresh_machine: SKIPPED: $*" >&2; exit $SKIPPED; }
fail() { echo "fresh_machine: FAILED: $*" >&2; exit 1; }

# --- inner: runs in the private mount namespace, prepares the chroot and runs the commands ------
if [ "${1:-}" = --inner ]; then
  root=$2 own_net=$3
  if [ "$own_net" = 1 ]; then
    # slirp4netns (started by the outer part) configures tap0 and the default route.
    ip link set lo up 2>/dev/null
    for _ in $(seq 100); do
      awk 'NR > 1 && $2 == "00000000" { found = 1 } END { exit !found }' /proc/self/net/route && break
      sleep 0.1
    done
    awk 'NR > 1 && $2 == "00000000" { found = 1 } END { exit !found }' /proc/self/net/route ||
      fail "the network namespace got no network from slirp4netns within 10 s"
    echo "nameserver 10.0.2.3" >"$root/etc/resolv.conf" # slirp's forwarder to this machine's DNS
  fi
  umount_all() {
    local m
    for m in dev/shm dev/pts dev/null dev/zero dev/full dev/random dev/urandom dev/tty dev sys proc; do
      mountpoint -q "$root/$m" && umount -l "$root/$m"
    done
  }
  trap umount_all EXIT
  mount -t proc proc "$root/proc" || exit $SKIPPED
  mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys" 2>/dev/null ||
    mount --rbind -o ro /sys "$root/sys" || exit $SKIPPED
  # A /dev of its own: the usual nodes only (no /dev/dri, so run.sh sees no display).
  mount -t tmpfs -o mode=755,nosuid devfs "$root/dev" || exit $SKIPPED
  for node in null zero full random urandom tty; do
    touch "$root/dev/$node" && mount --bind "/dev/$node" "$root/dev/$node" || exit $SKIPPED
  done
  mkdir -p "$root/dev/pts" "$root/dev/shm"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts" || exit $SKIPPED
  ln -s pts/ptmx "$root/dev/ptmx"
  mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm" || exit $SKIPPED
  ln -s /proc/self/fd "$root/dev/fd"
  ln -s /proc/self/fd/0 "$root/dev/stdin"
  ln -s /proc/self/fd/1 "$root/dev/stdout"
  ln -s /proc/self/fd/2 "$root/dev/stderr"

  in_chroot() { # COMMAND: runs it in /project with a clean environment, no display
    env -i HOME=/root TERM=dumb LANG=C.UTF-8 USER=root \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      chroot "$root" /bin/bash -c "cd /project && $1"
  }
  failed=0
  say "./toolchain/run.sh (no display)"
  start=$SECONDS
  in_chroot ./toolchain/run.sh 2>&1 | tee "$root/run.log"
  status=${PIPESTATUS[0]}
  run_time=$((SECONDS - start))
  if [ "$status" != 0 ]; then
    echo "fresh_machine: not ok - run.sh: exit $status after $run_time s"
    failed=1
  elif ! grep -q -- '--screenshots' "$root/run.log"; then
    echo "fresh_machine: not ok - run.sh: exit 0 after $run_time s, but it did not say how to see the slides"
    failed=1
  else
    echo "fresh_machine: ok - run.sh: exit 0 after $run_time s"
  fi
  say "./toolchain/test.sh"
  start=$SECONDS
  in_chroot ./toolchain/test.sh
  status=$?
  test_time=$((SECONDS - start))
  if [ "$status" = 0 ]; then
    echo "fresh_machine: ok - test.sh: exit 0 after $test_time s"
  else
    echo "fresh_machine: not ok - test.sh: exit $status after $test_time s"
    failed=1
  fi
  echo "fresh_machine: times: run.sh $run_time s, test.sh $test_time s"
  exit $failed
fi

# --- outer: base system, fresh copy, clone, then the inner part in a private mount namespace ----
[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot, mounts)"
arch=$(dpkg --print-architecture)
base=$cache/bookworm-minbase-$arch.tar
if ! command -v debootstrap >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 ||
    skip "debootstrap is not installed and apt-get could not install it"
fi
command -v unshare >/dev/null || skip "no unshare (util-linux)"
unshare -m --propagation private true 2>/dev/null || skip "no private mount namespace here (unshare -m)"
head=$(git rev-parse --verify HEAD 2>/dev/null) || fail "$PWD is not a git checkout with a commit"
[ -z "$(git status --porcelain --untracked-files=no)" ] &&
  say "testing the committed HEAD ${head:0:12}" ||
  say "testing the committed HEAD ${head:0:12}; uncommitted changes in $PWD are NOT tested"

mkdir -p "$cache" || fail "cannot make $cache"
exec 9>"$cache/.lock"
flock 9 # one base system at a time; concurrent runs share it

# make_base: debootstrap a minbase bookworm, give it this machine's apt setup, pack it as $base.
make_base() {
  local source_line mirror keyring tree=$cache/base.tmp start=$SECONDS
  source_line=$(facts_apt_source bookworm) ||
    skip "this machine's apt has no source for bookworm (/etc/apt/sources.list*), nothing to debootstrap from"
  read -r mirror keyring <<<"$source_line"
  local keyopt=()
  [ "$keyring" != - ] && [ -f "$keyring" ] && keyopt=(--keyring="$keyring")
  say "making the base system: debootstrap --variant=minbase bookworm from $mirror (once; cached as $base)"
  rm -rf "$tree"
  if ! debootstrap --variant=minbase --arch="$arch" --include=ca-certificates "${keyopt[@]}" \
      bookworm "$tree" "$mirror" >"$cache/debootstrap.log" 2>&1; then
    tail -8 "$cache/debootstrap.log"
    rm -rf "$tree"
    fail "debootstrap failed (log: $cache/debootstrap.log)"
  fi
  # This machine's apt sources (active ones only), keyrings and proxy settings.
  rm -f "$tree/etc/apt/sources.list"
  [ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$tree/etc/apt/"
  find /etc/apt/sources.list.d -maxdepth 1 -type f \( -name '*.list' -o -name '*.sources' \) \
    -exec cp {} "$tree/etc/apt/sources.list.d/" \;
  cp -a /usr/share/keyrings/. "$tree/usr/share/keyrings/"
  [ -d /etc/apt/keyrings ] && mkdir -p "$tree/etc/apt/keyrings" && cp -a /etc/apt/keyrings/. "$tree/etc/apt/keyrings/"
  [ -d /etc/apt/trusted.gpg.d ] && cp -a /etc/apt/trusted.gpg.d/. "$tree/etc/apt/trusted.gpg.d/"
  [ -f /etc/apt/trusted.gpg ] && cp /etc/apt/trusted.gpg "$tree/etc/apt/"
  apt-config dump | grep -E '^Acquire::(https?|ftp)::Proxy' >"$tree/etc/apt/apt.conf.d/90facts-host-proxy"
  [ -s "$tree/etc/apt/apt.conf.d/90facts-host-proxy" ] || rm -f "$tree/etc/apt/apt.conf.d/90facts-host-proxy"
  rm -rf "$tree/var/cache/apt/archives/"*.deb "$tree/var/lib/apt/lists/"*
  tar -C "$tree" -cf "$base.tmp" . && mv "$base.tmp" "$base" || { rm -rf "$tree" "$base.tmp"; fail "cannot write $base"; }
  rm -rf "$tree"
  say "base system made in $((SECONDS - start)) s ($(du -h "$base" | cut -f1))"
}
if [ -s "$base" ]; then
  say "base system: cached $base (delete it to refresh)"
else
  make_base
fi

start=$SECONDS
root=$(mktemp -d "$cache/root.XXXXXX") || fail "cannot make a folder in $cache"
mounted_under() { grep -qF " $1/" /proc/self/mountinfo; }
inner=""
cleanup() {
  # The chroot's mounts live in the inner part's own namespace: stop it first, they go with it.
  if [ -n "$inner" ] && kill -0 "$inner" 2>/dev/null; then
    kill -TERM "$inner" 2>/dev/null
    wait "$inner" 2>/dev/null
  fi
  if mounted_under "$root"; then
    echo "fresh_machine: something is still mounted under $root; not removing it" >&2
  elif [ $keep = 1 ]; then
    echo "fresh_machine: kept $root"
  else
    rm -rf "$root"
  fi
}
trap cleanup EXIT
tar -C "$root" -xf "$base" || fail "cannot unpack $base"
git clone -q --no-checkout "$PWD" "$root/project" && git -C "$root/project" checkout -q --detach "$head" ||
  fail "cannot clone $PWD at $head"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
chmod 1777 "$root/tmp"
exec 9>&-
say "fresh system unpacked and project cloned in $((SECONDS - start)) s"

own_net=0
if command -v slirp4netns >/dev/null ||
   DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slirp4netns >/dev/null 2>&1; then
  own_net=1
else
  say "WARNING: no slirp4netns: the chroot shares this machine's network namespace, so its X servers" \
    "may collide with other X servers here"
fi
if [ $own_net = 1 ]; then
  unshare -m -n --propagation private "$self" --inner "$root" 1 &
  inner=$!
  # Attach slirp4netns only once the inner process is in its new network namespace.
  host_net=$(readlink /proc/self/ns/net)
  for _ in $(seq 100); do
    inner_net=$(readlink "/proc/$inner/ns/net" 2>/dev/null) || break
    [ "$inner_net" != "$host_net" ] && break
    sleep 0.05
  done
  slirp_pid=""
  if [ -n "${inner_net:-}" ] && [ "$inner_net" != "$host_net" ]; then
    slirp4netns --configure --mtu=65520 --disable-host-loopback "$inner" tap0 >"$root.slirp.log" 2>&1 &
    slirp_pid=$!
  fi
  wait "$inner"
  status=$?
  [ -n "$slirp_pid" ] && { kill "$slirp_pid" 2>/dev/null; wait "$slirp_pid" 2>/dev/null; }
  rm -f "$root.slirp.log"
else
  unshare -m --propagation private "$self" --inner "$root" 0
  status=$?
fi
say "exit $status"
exit $status
