#!/usr/bin/python3
"""Read-only FUSE filesystem exposing one file, ``disk.img``, whose reads fail.

Usage:
    failing_file.py BACKING MOUNTPOINT [--bad START:LENGTH ...]
                    [--fail-from OFFSET] [--delay-ms N] [--read-delay-ms N]
                    [--gone-file FILE [--vanish-at OFFSET]] [--busy-file FILE]
                    [--log FILE]

``disk.img`` has the size and content of BACKING.  A read request fails as a
whole with EIO when its byte range [offset, offset+size) overlaps

  * any ``--bad START:LENGTH`` range (bytes; may be given several times;
    START/LENGTH accept decimal, 0x hex, or K/M/G suffixes = KiB/MiB/GiB), or
  * [OFFSET, infinity) when ``--fail-from OFFSET`` is given (a drive whose
    rest is dead; reads wholly below OFFSET still succeed, so this is a bad
    region to the end, not a vanished device: see ``--gone-file``).

``--delay-ms N`` sleeps N milliseconds before answering any *failing* read
(a slow failing region).  ``--read-delay-ms N`` sleeps N milliseconds before
answering every *successful* read (a slow drive: it gives a test time to act
while an acquisition runs); without it successful reads are never delayed.

``--gone-file FILE``: while FILE exists, *every* read fails with EIO, also
of ranges that read fine before: the whole device has vanished (cable pulled,
USB reset), unlike a bad region, whose neighbours still read.  Delete FILE
and the device is back, unchanged.  ``--vanish-at OFFSET`` (needs
``--gone-file``) creates FILE when the first read reaching OFFSET arrives, so
the device vanishes at a known point; that read fails too.  It fires once:
after FILE is deleted the device stays healthy.  Killing the daemon (SIGKILL)
is the other way to make the device vanish, for good: reads of the loop
device then fail with EIO and the mount answers ENOTCONN.
``--busy-file FILE``: while FILE exists, every *open* of ``disk.img`` fails
with EBUSY, as a file system answers for a file another program holds
exclusively.  A loop device attached before FILE is created keeps reading.
``--log FILE`` appends one line per read request: ``offset size OK|EIO``.

The filesystem runs in the foreground (so a caller can background it and kill
it; SIGTERM/SIGINT unmount cleanly), is mounted read-only, and every open of
``disk.img`` is answered with FOPEN_DIRECT_IO so the kernel neither caches
file data nor rounds reads up to pages: each read the kernel receives is
forwarded 1:1 (split only at the FUSE max_read size, 128 KiB).

Failure granularity through a loop device (measured on Linux 6.18 with
attach.sh, i.e. ``losetup -r -f --show --direct-io=on --sector-size 512``;
plain ``losetup -r`` behaves the same; details in ../README.md):
  * O_DIRECT reads of /dev/loopN: exact to the 512-byte sector.  A 512-byte
    O_DIRECT read arrives here as one 512-byte read at the same offset.
    A larger O_DIRECT read overlapping a bad range fails as a whole (EIO, no
    partial count); requests reach this daemon in chunks of at most 128 KiB.
  * Buffered reads of /dev/loopN: 4 KiB page granularity (failed readahead
    falls back to single-page reads; failed pages are never cached).
Tests should use 4096-byte aligned bad ranges so the expected bad LBA
ranges are exact for both kinds of reader.

Requires /usr/bin/python3 with fusepy (Debian package python3-fusepy, module
name ``fusepy``; the PyPI package calls it ``fuse``) and libfuse2 (pulled in
by python3-fusepy), plus /dev/fuse.  Run as root.
"""

import argparse
import errno
import os
import stat
import sys
import threading
import time

try:  # PyPI "fusepy" installs module "fuse"; Debian's python3-fusepy "fusepy".
    import fuse as _fuse

    if not hasattr(_fuse, "FUSE") or not hasattr(_fuse, "Operations"):
        raise ImportError("module 'fuse' is not fusepy")
except ImportError:
    import fusepy as _fuse

FUSE = _fuse.FUSE
FuseOSError = _fuse.FuseOSError
Operations = _fuse.Operations

FILE_NAME = "disk.img"
FILE_PATH = "/" + FILE_NAME

_SUFFIXES = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def parse_size(text):
    """Parse '4096', '0x1000', '4K', '1M' ... into a non-negative int."""
    t = text.strip().lower()
    mult = 1
    if t and t[-1] in _SUFFIXES:
        mult = _SUFFIXES[t[-1]]
        t = t[:-1]
    try:
        value = int(t, 0) * mult
    except ValueError:
        raise argparse.ArgumentTypeError("not a size: %r" % text)
    if value < 0:
        raise argparse.ArgumentTypeError("negative size: %r" % text)
    return value


def parse_range(text):
    """Parse 'START:LENGTH' into (start, end) with end exclusive."""
    if ":" not in text:
        raise argparse.ArgumentTypeError("expected START:LENGTH, got %r" % text)
    start_s, length_s = text.split(":", 1)
    start = parse_size(start_s)
    length = parse_size(length_s)
    if length == 0:
        raise argparse.ArgumentTypeError("empty range: %r" % text)
    return (start, start + length)


class FailingFile(Operations):
    use_ns = True  # silence fusepy's utimens deprecation warning

    def __init__(self, backing, bad_ranges, fail_from, delay_ms, log_path,
                 read_delay_ms=0, gone_file=None, vanish_at=None,
                 busy_file=None):
        self.backing = backing
        self.busy_file = busy_file
        self.read_delay = read_delay_ms / 1000.0
        self.gone_file = gone_file
        self.vanish_at = vanish_at
        self.vanish_lock = threading.Lock()
        self.fd = os.open(backing, os.O_RDONLY)
        self.size = os.fstat(self.fd).st_size
        self.bad_ranges = sorted(bad_ranges)
        self.fail_from = fail_from
        self.delay = delay_ms / 1000.0
        self.log = open(log_path, "a", buffering=1) if log_path else None
        self.log_lock = threading.Lock()
        # use_ns = True: fusepy expects timestamps in nanoseconds.
        self.mtime = os.fstat(self.fd).st_mtime_ns

    # -- helpers ------------------------------------------------------------
    def _gone(self, offset, size):
        """Whether the whole device has vanished (or vanishes with this read)."""
        if self.gone_file is None:
            return False
        if self.vanish_at is not None and offset + size > self.vanish_at:
            with self.vanish_lock:
                if self.vanish_at is not None:
                    self.vanish_at = None  # fires once
                    with open(self.gone_file, "a"):
                        pass
        return os.path.exists(self.gone_file)

    def _fails(self, offset, size):
        end = offset + size
        if self._gone(offset, size):
            return True
        if self.fail_from is not None and end > self.fail_from:
            return True
        for b_start, b_end in self.bad_ranges:
            if offset < b_end and b_start < end:
                return True
        return False

    def _log(self, offset, size, result):
        if self.log is not None:
            with self.log_lock:
                self.log.write("%d %d %s\n" % (offset, size, result))

    # -- FUSE operations ----------------------------------------------------
    def getattr(self, path, fh=None):
        base = {
            "st_uid": 0,
            "st_gid": 0,
            "st_atime": self.mtime,
            "st_mtime": self.mtime,
            "st_ctime": self.mtime,
        }
        if path == "/":
            base.update(st_mode=stat.S_IFDIR | 0o555, st_nlink=2, st_size=0)
            return base
        if path == FILE_PATH:
            base.update(
                st_mode=stat.S_IFREG | 0o444,
                st_nlink=1,
                st_size=self.size,
                st_blocks=(self.size + 511) // 512,
            )
            return base
        raise FuseOSError(errno.ENOENT)

    def readdir(self, path, fh):
        if path != "/":
            raise FuseOSError(errno.ENOTDIR)
        return [".", "..", FILE_NAME]

    def open(self, path, fi):
        # raw_fi=True: fi is the struct fuse_file_info.
        if path != FILE_PATH:
            raise FuseOSError(errno.ENOENT)
        if (fi.flags & os.O_ACCMODE) != os.O_RDONLY:
            raise FuseOSError(errno.EROFS)
        if self.busy_file is not None and os.path.exists(self.busy_file):
            raise FuseOSError(errno.EBUSY)
        fi.direct_io = 1   # FOPEN_DIRECT_IO: no page cache, no read rounding
        fi.keep_cache = 0
        fi.fh = 0
        return 0

    def read(self, path, size, offset, fi):
        if path != FILE_PATH:
            raise FuseOSError(errno.ENOENT)
        if self._fails(offset, size):
            if self.delay > 0:
                time.sleep(self.delay)
            self._log(offset, size, "EIO")
            raise FuseOSError(errno.EIO)
        if self.read_delay > 0:
            time.sleep(self.read_delay)
        data = os.pread(self.fd, size, offset)
        self._log(offset, size, "OK")
        return data

    def release(self, path, fi):
        return 0

    def statfs(self, path):
        return {
            "f_bsize": 4096,
            "f_frsize": 4096,
            "f_blocks": (self.size + 4095) // 4096,
            "f_bfree": 0,
            "f_bavail": 0,
            "f_files": 1,
            "f_ffree": 0,
            "f_namemax": 255,
        }

    # Everything that could modify the filesystem is refused.
    def _erofs(self, *args, **kwargs):
        raise FuseOSError(errno.EROFS)

    write = truncate = create = unlink = mkdir = rmdir = rename = _erofs
    chmod = chown = utimens = symlink = link = mknod = _erofs

    def destroy(self, path):
        try:
            os.close(self.fd)
        except OSError:
            pass
        if self.log is not None:
            self.log.close()


def main(argv=None):
    p = argparse.ArgumentParser(
        description="Read-only FUSE fs exposing BACKING as MOUNTPOINT/%s, "
        "with reads overlapping bad ranges failing with EIO." % FILE_NAME
    )
    p.add_argument("backing", help="backing file providing the content")
    p.add_argument("mountpoint", help="existing empty directory to mount on")
    p.add_argument("--bad", metavar="START:LENGTH", type=parse_range,
                   action="append", default=[],
                   help="byte range whose reads fail with EIO (repeatable)")
    p.add_argument("--fail-from", metavar="OFFSET", type=parse_size,
                   default=None,
                   help="every read reaching OFFSET or beyond fails")
    p.add_argument("--delay-ms", metavar="N", type=int, default=0,
                   help="sleep N ms before returning EIO for a failing read")
    p.add_argument("--read-delay-ms", metavar="N", type=int, default=0,
                   help="sleep N ms before answering every successful read")
    p.add_argument("--gone-file", metavar="FILE", default=None,
                   help="while FILE exists every read fails: the device "
                   "has vanished; delete FILE to bring it back")
    p.add_argument("--vanish-at", metavar="OFFSET", type=parse_size,
                   default=None,
                   help="create the --gone-file when the first read "
                   "reaching OFFSET arrives (once)")
    p.add_argument("--busy-file", metavar="FILE", default=None,
                   help="while FILE exists every open of the file fails "
                   "with EBUSY")
    p.add_argument("--log", metavar="FILE", default=None,
                   help="append 'offset size OK|EIO' per read request")
    p.add_argument("--debug", action="store_true",
                   help="libfuse debug output on stderr")
    args = p.parse_args(argv)

    if args.delay_ms < 0:
        p.error("--delay-ms must be >= 0")
    if args.read_delay_ms < 0:
        p.error("--read-delay-ms must be >= 0")
    if args.vanish_at is not None and args.gone_file is None:
        p.error("--vanish-at needs --gone-file")
    if not os.path.isfile(args.backing):
        p.error("backing file not found: %s" % args.backing)
    if not os.path.isdir(args.mountpoint):
        p.error("mountpoint is not a directory: %s" % args.mountpoint)

    gone_file = os.path.abspath(args.gone_file) if args.gone_file else None
    busy_file = os.path.abspath(args.busy_file) if args.busy_file else None
    ops = FailingFile(os.path.abspath(args.backing), args.bad, args.fail_from,
                      args.delay_ms, args.log, args.read_delay_ms, gone_file,
                      args.vanish_at, busy_file)
    FUSE(
        ops,
        args.mountpoint,
        raw_fi=True,
        foreground=True,
        nothreads=False,
        debug=args.debug,
        ro=True,
        direct_io=True,
        default_permissions=True,
        fsname="custos-failing:" + os.path.basename(args.backing),
        subtype="custos-failing",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
