#!/usr/bin/env bash
# selftest.sh -- end-to-end check of the failing-device fixture.
#
# Builds a 1 MiB backing file of fixed pseudo-random bytes, attaches it with
# bad ranges 8192:4096 and 65536:8192, images the loop device with
#     dd iflag=direct bs=512 conv=noerror,sync
# and checks that exactly sectors 16-23 and 128-143 come out as zeros and
# everything else equals the backing file. Then detaches and checks that no
# loop device or FUSE mount is left behind. Exits 0 on success, 77 if the
# prerequisites are missing (check-prereqs.sh), 1 on failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! reason="$("$HERE/check-prereqs.sh")"; then
    echo "SKIP: $reason"
    exit 77
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/custos-failing-selftest.XXXXXX")"
cleanup() { "$HERE/detach.sh" "$TMP/work" || true; rm -rf "$TMP"; }
trap cleanup EXIT

/usr/bin/python3 - "$TMP/backing.bin" <<'PY'
import hashlib, sys
out = bytearray()
i = 0
while len(out) < 1 << 20:
    out += hashlib.sha256(b"custos-failing-selftest:%d" % i).digest()
    i += 1
open(sys.argv[1], "wb").write(out[: 1 << 20])
PY

LOOP="$("$HERE/attach.sh" "$TMP/backing.bin" "$TMP/work" --bad 8192:4096 --bad 65536:8192)"
echo "attached $LOOP"

dd if="$LOOP" of="$TMP/image.bin" iflag=direct bs=512 conv=noerror,sync 2>"$TMP/dd.err" || true
errors="$(grep -c "error reading" "$TMP/dd.err" || true)"

cp "$TMP/backing.bin" "$TMP/expected.bin"
dd if=/dev/zero of="$TMP/expected.bin" bs=512 seek=16 count=8 conv=notrunc status=none
dd if=/dev/zero of="$TMP/expected.bin" bs=512 seek=128 count=16 conv=notrunc status=none

status=0
if cmp -s "$TMP/image.bin" "$TMP/expected.bin"; then
    echo "OK: image equals backing file with sectors 16-23 and 128-143 zeroed"
else
    echo "FAIL: image differs from expected"
    status=1
fi
if [ "$errors" = 24 ]; then
    echo "OK: dd reported 24 unreadable 512-byte sectors"
else
    echo "FAIL: dd reported $errors read errors, expected 24"
    status=1
fi

"$HERE/detach.sh" "$TMP/work"
if losetup -l -n -O BACK-FILE | grep -qF "$TMP/work/mnt/disk.img"; then
    echo "FAIL: loop device still attached"
    status=1
fi
if awk -v m="$TMP/work/mnt" '$5 == m { f = 1 } END { exit !f }' /proc/self/mountinfo; then
    echo "FAIL: FUSE mount still present"
    status=1
fi
[ "$status" = 0 ] && echo "PASS"
exit "$status"
