#!/bin/sh
# stick-mount mount|unmount <kernel name>: called by facts-kiosk-stick@<name>.service.
# Mounts a FAT/exFAT USB stick at /run/media/facts-kiosk/<label> for the kiosk: read-write, so the
# kiosk can leave facts-kiosk/update-report.txt on it, but nosuid,nodev,noexec and owned by the
# facts-kiosk user only. /run is a tmpfs, so no stale mount points survive a power cut.
set -eu

ROOT=/run/media/facts-kiosk
KIOSK_USER=facts-kiosk

usage() { echo "usage: stick-mount mount|unmount <kernel device name, e.g. sdb1>" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
name=$2
case $name in ''|*[!A-Za-z0-9]*) usage ;; esac
device=/dev/$name

case $action in
mount)
    fstype=$(blkid -o value -s TYPE "$device" || true)
    case $fstype in
    vfat) options=flush ;;  # write the update report out promptly: sticks get pulled
    exfat) options= ;;
    *) echo "stick-mount: $device: file system '$fstype' is not FAT or exFAT; left alone"; exit 0 ;;
    esac
    if findmnt -rn -S "$device" >/dev/null; then
        echo "stick-mount: $device is already mounted (boot disk?); left alone"
        exit 0
    fi
    # The label as a safe folder name: letters, digits, '.', '_', '-' only; else the device name.
    label=$(blkid -o value -s LABEL "$device" || true)
    label=$(printf '%s' "$label" | tr -c 'A-Za-z0-9._-' '_' | cut -c1-32)
    case $label in ''|.*) label=$name ;; esac
    target=$ROOT/$label
    if mountpoint -q "$target" 2>/dev/null; then
        target=$ROOT/$label-$name
    fi
    uid=$(id -u "$KIOSK_USER")
    gid=$(id -g "$KIOSK_USER")
    mkdir -p "$target"
    if ! mount -t "$fstype" \
        -o "rw,nosuid,nodev,noexec,noatime,uid=$uid,gid=$gid,fmask=0177,dmask=0077${options:+,$options}" \
        "$device" "$target"; then
        rmdir "$target" 2>/dev/null || true
        echo "stick-mount: $device: mount failed" >&2
        exit 1
    fi
    echo "stick-mount: $device ($fstype) mounted at $target"
    ;;
unmount)
    # The stick may already be gone: lazy unmount, then drop the empty mount point.
    findmnt -rn -S "$device" -o TARGET | while read -r target; do
        case $target in "$ROOT"/*) ;; *) continue ;; esac
        if umount -l "$target"; then
            rmdir "$target" 2>/dev/null || true
            echo "stick-mount: $device unmounted from $target"
        fi
    done
    ;;
*) usage ;;
esac
