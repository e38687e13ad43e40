#!/usr/bin/env bash
# check-prereqs.sh [--smoke]
#
# Exits 0 (printing nothing) if the failing-device fixture can be used on this
# machine; otherwise prints ONE line with the reason on stdout and exits 1.
# Tests call it to decide whether to skip.
#
# --smoke additionally does a real round trip (attach a 64 KiB file with one
# bad range, check an O_DIRECT read fails/succeeds as expected, detach); this
# catches environments where mounting is refused despite the static checks.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3

no() { echo "$*"; exit 1; }

[ "$(id -u)" = 0 ] || no "not running as root (uid $(id -u))"
[ -c /dev/fuse ] || no "/dev/fuse is missing or not a character device"
( exec 3<>/dev/fuse ) 2>/dev/null || no "/dev/fuse cannot be opened"
for t in losetup blockdev setsid awk dd; do
    command -v "$t" >/dev/null 2>&1 || no "$t not found (util-linux/coreutils)"
done
command -v fusermount3 >/dev/null 2>&1 || command -v fusermount >/dev/null 2>&1 \
    || no "fusermount3 not found (Debian package fuse3)"
[ -e /dev/loop-control ] || ls /dev/loop[0-9]* >/dev/null 2>&1 \
    || no "no loop device support (/dev/loop-control missing)"
# CAP_SYS_ADMIN (bit 21) is needed for mount(2) and loop setup.
capeff="$(awk '/^CapEff:/ { print $2 }' /proc/self/status 2>/dev/null)"
if [ -n "$capeff" ] && [ $(( 0x$capeff >> 21 & 1 )) -ne 1 ]; then
    no "CAP_SYS_ADMIN missing (container without privileges?)"
fi
losetup -f >/dev/null 2>&1 || no "no free loop device (losetup -f failed)"
[ -x "$PY" ] || no "$PY not found"
"$PY" - <<'EOF' 2>/dev/null || no "$PY cannot import fusepy (Debian package python3-fusepy) or libfuse2 is missing"
try:
    import fuse as m
    if not hasattr(m, "FUSE"):
        raise ImportError
except ImportError:
    import fusepy as m
EOF
[ -f "$HERE/failing_file.py" ] || no "failing_file.py missing next to check-prereqs.sh"

if [ "${1:-}" = "--smoke" ]; then
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/custos-prereq.XXXXXX")" || no "mktemp failed"
    trap '"$HERE/detach.sh" "$tmp/w" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
    head -c 65536 /dev/zero > "$tmp/b.bin" 2>/dev/null || no "cannot write to $tmp"
    loop="$("$HERE/attach.sh" "$tmp/b.bin" "$tmp/w" --bad 8192:4096 2>"$tmp/err")" \
        || no "attach.sh failed: $(head -n1 "$tmp/err")"
    dd if="$loop" of=/dev/null iflag=direct bs=512 skip=15 count=1 status=none 2>/dev/null \
        || no "smoke test: good sector of $loop unreadable"
    if dd if="$loop" of=/dev/null iflag=direct bs=512 skip=16 count=1 status=none 2>/dev/null; then
        no "smoke test: bad sector of $loop did not fail"
    fi
fi
exit 0
