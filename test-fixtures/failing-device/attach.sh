#!/usr/bin/env bash
# attach.sh BACKING WORKDIR [--sector-size 512|4096] [--bad START:LENGTH ...] [--fail-from OFFSET] [--read-delay-ms N]
#           [--gone-file FILE [--vanish-at OFFSET]]
#           [--delay-ms N] [--log FILE]
#
# Exposes BACKING through failing_file.py (FUSE) at WORKDIR/mnt/disk.img and
# attaches that file READ-ONLY to a free loop device with
#     losetup -r -f --show --direct-io=on --sector-size 512
# (--sector-size 4096 makes a 4Kn device instead).
# Other options after WORKDIR are passed unchanged to failing_file.py.
#
# Writes:  WORKDIR/fuse.pid   pid of the FUSE process (own session, setsid)
#          WORKDIR/fuse.log   its stdout/stderr
#          WORKDIR/loopdev    the loop device path, e.g. /dev/loop3
# Prints the loop device path (only that) on stdout. On failure everything
# already set up is torn down again (detach.sh) and the exit status is 1.
#
# With the loop device configured like this, O_DIRECT reads of /dev/loopN
# fail with exact 512-byte-sector granularity: a read fails iff it overlaps a
# bad byte range (see README.md). Undo with: detach.sh WORKDIR
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3

die() { echo "attach.sh: $*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: attach.sh BACKING WORKDIR [--bad START:LENGTH ...] [--fail-from OFFSET] [--delay-ms N] [--read-delay-ms N] [--gone-file FILE [--vanish-at OFFSET]] [--busy-file FILE] [--log FILE]"
BACKING="$1"; WORKDIR="$2"; shift 2
SECTOR=512
PASS=()
while [ $# -gt 0 ]; do
    if [ "$1" = "--sector-size" ]; then
        SECTOR="${2:?--sector-size needs 512 or 4096}"; shift 2
    else
        PASS+=("$1"); shift
    fi
done
set -- ${PASS[@]+"${PASS[@]}"}
case "$SECTOR" in 512|4096) ;; *) die "--sector-size must be 512 or 4096, got $SECTOR" ;; esac

[ -f "$BACKING" ] || die "backing file not found: $BACKING"
BACKING="$(cd "$(dirname "$BACKING")" && pwd -P)/$(basename "$BACKING")"
mkdir -p "$WORKDIR"
WORKDIR="$(cd "$WORKDIR" && pwd -P)"
MNT="$WORKDIR/mnt"
IMG="$MNT/disk.img"

if [ -e "$WORKDIR/fuse.pid" ] || [ -e "$WORKDIR/loopdev" ]; then
    die "$WORKDIR is already in use (fuse.pid/loopdev exist); run detach.sh first"
fi
mkdir -p "$MNT"

fail() {
    echo "attach.sh: $*" >&2
    if [ -s "$WORKDIR/fuse.log" ]; then
        sed 's/^/attach.sh: fuse.log: /' "$WORKDIR/fuse.log" >&2
    fi
    "$HERE/detach.sh" "$WORKDIR" >&2 || true
    exit 1
}

# Start the FUSE filesystem in the background, in its own session so that
# signals aimed at the caller's process group do not hit it, and with no
# inherited stdout/stdin (a caller reading our stdout to EOF must not hang).
setsid "$PY" "$HERE/failing_file.py" "$BACKING" "$MNT" "$@" \
    </dev/null >"$WORKDIR/fuse.log" 2>&1 &
FUSE_PID=$!
echo "$FUSE_PID" > "$WORKDIR/fuse.pid"

# Wait (max ~10 s) until the mount is live and disk.img is visible.
is_mounted() {
    awk -v m="$MNT" '$5 == m { found = 1 } END { exit !found }' /proc/self/mountinfo
}
# True while process $1 exists and is not a zombie.
alive() {
    local st
    st="$( { cat "/proc/$1/stat"; } 2>/dev/null )" || return 1
    st="${st##*) }"
    [ -n "$st" ] && [ "${st%% *}" != Z ]
}
ok=0
for _ in $(seq 1 100); do
    if ! alive "$FUSE_PID"; then
        fail "FUSE process exited early"
    fi
    if is_mounted && [ -f "$IMG" ]; then
        ok=1
        break
    fi
    sleep 0.1
done
[ "$ok" = 1 ] || fail "timed out waiting for $IMG"

# Attach read-only. --direct-io=on: the loop driver reads the backing file
# with O_DIRECT (no second page cache); --sector-size 512: 512-byte logical
# blocks. If this kernel refuses direct I/O on the FUSE file, fall back to
# buffered backing I/O (granularity for O_DIRECT readers is the same, since
# failing_file.py opens disk.img with FOPEN_DIRECT_IO).
if ! LOOP="$(losetup -r -f --show --direct-io=on --sector-size "$SECTOR" "$IMG" 2>"$WORKDIR/losetup.err")"; then
    LOOP="$(losetup -r -f --show --sector-size "$SECTOR" "$IMG" 2>>"$WORKDIR/losetup.err")" \
        || fail "losetup failed: $(tr '\n' ' ' < "$WORKDIR/losetup.err")"
fi
case "$LOOP" in
    /dev/loop*) ;;
    *) fail "unexpected losetup output: $LOOP" ;;
esac
echo "$LOOP" > "$WORKDIR/loopdev"
rm -f "$WORKDIR/losetup.err"

# Make sure the device is ready and its size is visible.
blockdev --getsize64 "$LOOP" >/dev/null 2>&1 || fail "cannot query $LOOP"

echo "$LOOP"
