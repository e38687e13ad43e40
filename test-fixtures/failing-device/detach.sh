#!/usr/bin/env bash
# detach.sh WORKDIR
#
# Undoes attach.sh: detaches the loop device(s) backed by WORKDIR/mnt/disk.img,
# stops the FUSE process from WORKDIR/fuse.pid and unmounts WORKDIR/mnt.
# Idempotent: anything already gone is skipped. Always exits 0 (problems that
# remain are reported on stderr).
set -uo pipefail

[ $# -ge 1 ] || { echo "usage: detach.sh WORKDIR" >&2; exit 0; }
WORKDIR="$1"
[ -d "$WORKDIR" ] || exit 0
WORKDIR="$(cd "$WORKDIR" && pwd -P)" || exit 0
MNT="$WORKDIR/mnt"
IMG="$MNT/disk.img"

warn() { echo "detach.sh: $*" >&2; }

# 1. Loop devices. Match by backing-file path text (a stat of the path could
#    block or fail with ENOTCONN if the FUSE process is already gone).
loops="$(losetup -l -n -O NAME,BACK-FILE 2>/dev/null \
    | awk -v f="$IMG" '{ n = $1; $1 = ""; sub(/^ /, ""); sub(/ \(deleted\)$/, "");
                          if ($0 == f) print n }')"
for dev in $loops; do
    # If the device is still open, the kernel defers the detach (autoclear).
    losetup -d "$dev" 2>/dev/null || warn "losetup -d $dev failed"
done
rm -f "$WORKDIR/loopdev"

is_mounted() {
    awk -v m="$MNT" '$5 == m { found = 1 } END { exit !found }' /proc/self/mountinfo
}

# True while process $1 exists and is not a zombie (the daemon is reparented
# to init after attach.sh exits; a zombie awaiting reaping counts as gone).
alive() {
    local st
    st="$( { cat "/proc/$1/stat"; } 2>/dev/null )" || return 1
    st="${st##*) }"
    [ -n "$st" ] && [ "${st%% *}" != Z ]
}

# 2. FUSE process: SIGTERM makes libfuse unmount and exit cleanly.
pid=""
if [ -f "$WORKDIR/fuse.pid" ]; then
    pid="$(cat "$WORKDIR/fuse.pid" 2>/dev/null || true)"
    case "$pid" in
        ''|*[!0-9]*) pid="" ;;
    esac
    # Guard against pid reuse: only touch our own failing_file.py process.
    if [ -n "$pid" ] && ! { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | grep -q "failing_file.py"; then
        pid=""
    fi
fi
if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        alive "$pid" || break
        sleep 0.1
    done
fi

# 3. Unmount whatever is left (dead daemon, or SIGTERM did not unmount).
if is_mounted; then
    fusermount3 -u "$MNT" 2>/dev/null || umount "$MNT" 2>/dev/null || umount -l "$MNT" 2>/dev/null \
        || warn "could not unmount $MNT"
fi

# 4. Last resort for a daemon that ignored SIGTERM (e.g. stuck in a delay).
if [ -n "$pid" ] && alive "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
        alive "$pid" || break
        sleep 0.1
    done
    if is_mounted; then
        umount -l "$MNT" 2>/dev/null || true
    fi
fi
rm -f "$WORKDIR/fuse.pid"
rmdir "$MNT" 2>/dev/null || true
exit 0
