#!/usr/bin/env bash
# Builds a target sysroot for a Debian 12 architecture from Debian's own packages of bookworm main,
# without multiarch co-installation on the build machine (see test-pi.sh, arm-linux-gnueabihf-sysroot.cmake):
#
#   ./toolchain/make-sysroot.sh armhf build/sysroot-armhf
#
# debootstrap stage 1 (--foreign) downloads minbase plus the -dev packages and their dependencies;
# no target code runs. Stage 1 only unpacks the base system, so the remaining downloaded packages
# are unpacked here too, then absolute symlinks (libm.so -> /lib/...) are made relative so that the
# cross linker and qemu resolve them inside the sysroot, never on the build machine.
# A finished sysroot (marker file .facts-sysroot) is reused as is; delete the folder to refresh it.
# The packages come from the mirror this machine's apt uses for bookworm (its sources.list or
# sources.list.d/*.sources, see facts_apt_source in deps.sh); FACTS_DEBIAN_MIRROR overrides it.
# Exit status: 0 ready; 2 the download failed (mirror unreachable or incomplete); 1 anything else.
set -euo pipefail

arch=${1:?usage: make-sysroot.sh ARCH DIR}
dir=${2:?usage: make-sysroot.sh ARCH DIR}
source "$(dirname "$0")/deps.sh"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
mirror=${FACTS_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
  source_line=$(facts_apt_source bookworm) || {
    echo "make-sysroot.sh: this machine's apt has no source for bookworm (no 'deb URI bookworm ...'" \
      "line in /etc/apt/sources.list*, no deb822 stanza with 'Suites: bookworm' in" \
      "/etc/apt/sources.list.d/*.sources); add one, or set FACTS_DEBIAN_MIRROR" >&2
    exit 1
  }
  read -r mirror source_keyring <<<"$source_line"
  if [ "$source_keyring" != - ] && [ -f "$source_keyring" ]; then keyring=$source_keyring; fi
fi
# The target's -dev packages: every one the native build needs (toolchain/deps.sh), plus cmocka.
packages=libsdl2-dev,libsdl2-ttf-dev,libsdl2-image-dev,libsqlite3-dev,libsodium-dev,libqrencode-dev,libinih-dev,libcurl4-openssl-dev,libcmocka-dev

if [ -e "$dir/.facts-sysroot" ]; then
  echo "make-sysroot.sh: reusing $dir ($(cat "$dir/.facts-sysroot"))"
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
command -v debootstrap >/dev/null || {
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}

start=$(date +%s)
tmp=$dir.tmp
$sudo rm -rf "$tmp"
mkdir -p "$(dirname "$dir")"
log=$(mktemp)
echo "make-sysroot.sh: debootstrap --foreign $arch bookworm ($mirror) into $tmp"
if ! $sudo debootstrap --foreign --arch="$arch" --variant=minbase --include="$packages" \
    --keyring="$keyring" bookworm "$tmp" "$mirror" >"$log" 2>&1; then
  echo "make-sysroot.sh: debootstrap failed:"
  grep -E '^(E|W):' "$log" | head -8 || tail -8 "$log"
  rm -f "$log"
  $sudo rm -rf "$tmp"
  exit 2
fi
rm -f "$log"

echo "make-sysroot.sh: unpacking the downloaded packages"
for deb in "$tmp"/var/cache/apt/archives/*.deb; do
  dpkg-deb --fsys-tarfile "$deb" | $sudo tar -C "$tmp" --keep-directory-symlink -xf -
done
$sudo rm -f "$tmp"/var/cache/apt/archives/*.deb

# Absolute symlinks point at the build machine's files; make them relative to their own folder.
fixed=0
while IFS= read -r -d '' link; do
  target=$(readlink "$link")
  rel=$(realpath -m -s --relative-to="$(dirname "$link")" "$tmp$target")
  $sudo ln -sfn "$rel" "$link"
  fixed=$((fixed + 1))
done < <(find "$tmp" -type l -lname '/*' -print0)

case $arch in
  armhf) triplet=arm-linux-gnueabihf ;;
  arm64) triplet=aarch64-linux-gnu ;;
  *) triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH -a"$arch") ;;
esac
[ -e "$tmp/usr/lib/$triplet/pkgconfig/sdl2.pc" ] || {
  echo "make-sysroot.sh: the sysroot has no sdl2.pc; something went wrong" >&2
  exit 1
}
echo "bookworm $arch, $(date -u +%F)" | $sudo tee "$tmp/.facts-sysroot" >/dev/null
$sudo rm -rf "$dir"
$sudo mv "$tmp" "$dir"
echo "make-sysroot.sh: $dir ready: $(du -sh "$dir" | cut -f1), $fixed symlinks made relative, $(($(date +%s) - start)) s"
