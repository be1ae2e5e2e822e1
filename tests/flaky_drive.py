"""A drive that returns other bytes than it was given: a FUSE pass-through that flips one
bit of every read of a hidden partial file (what a backup is written to) at one offset.

Run as `python -m tests.flaky_drive BACKING MOUNT OFFSET`; it serves until unmounted. What
is written reaches the backing folder unchanged, so only a check that reads back from the
drive, past the system's memory, can notice.

With `--fail PREFIX`, it is a failing disk instead: every read of a file whose name starts
with PREFIX, from OFFSET on, fails with EIO, as a bad sector's would.
"""

from __future__ import annotations

import argparse
import errno
import os

from fuse import FUSE, FuseOSError, Operations


class FlakyDrive(Operations):
    """Pass-through to `backing`, flipping the byte at `offset` of partial files as read;
    or, given `failing`, failing reads from `offset` on of the files named so."""

    def __init__(self, backing: str, offset: int, failing: str | None = None) -> None:
        self._backing = backing
        self._offset = offset
        self._failing = failing

    def _real(self, path: str) -> str:
        return os.path.join(self._backing, path.lstrip("/"))

    def getattr(self, path: str, fh: int | None = None) -> dict[str, int]:
        """The backing file's attributes."""
        try:
            st = os.lstat(self._real(path))
        except OSError as error:
            raise FuseOSError(error.errno or errno.EIO) from error
        keys = ("st_mode", "st_nlink", "st_size", "st_uid", "st_gid", "st_atime", "st_mtime")
        return {key: getattr(st, key) for key in (*keys, "st_ctime")}

    def readdir(self, path: str, fh: int) -> list[str]:
        """The backing folder's entries."""
        return [".", "..", *os.listdir(self._real(path))]

    def open(self, path: str, flags: int) -> int:
        """Open the backing file (without O_DIRECT, which the backing folder may refuse)."""
        return os.open(self._real(path), flags & ~getattr(os, "O_DIRECT", 0))

    def create(self, path: str, mode: int, fi: object = None) -> int:
        """Create the backing file."""
        return os.open(self._real(path), os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)

    def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
        """The backing bytes, one bit flipped at the offset in partial files; or none."""
        if self._failing is not None:
            if os.path.basename(path).startswith(self._failing) and offset + size > self._offset:
                raise FuseOSError(errno.EIO)
            return os.pread(fh, size, offset)
        data = bytearray(os.pread(fh, size, offset))
        if path.endswith(".partial") and offset <= self._offset < offset + len(data):
            data[self._offset - offset] ^= 0x10
        return bytes(data)

    def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
        """Write to the backing file unchanged."""
        return os.pwrite(fh, data, offset)

    def truncate(self, path: str, length: int, fh: int | None = None) -> None:
        """Truncate the backing file."""
        os.truncate(self._real(path), length)

    def flush(self, path: str, fh: int) -> None:
        """Nothing to flush: every write went straight to the backing file."""

    def fsync(self, path: str, datasync: int, fh: int) -> None:
        """Sync the backing file."""
        os.fsync(fh)

    def release(self, path: str, fh: int) -> None:
        """Close the backing file."""
        os.close(fh)

    def unlink(self, path: str) -> None:
        """Delete the backing file."""
        os.unlink(self._real(path))

    def rename(self, old: str, new: str) -> None:
        """Rename within the backing folder."""
        os.rename(self._real(old), self._real(new))

    def link(self, target: str, source: str) -> None:
        """Hard-link within the backing folder."""
        os.link(self._real(source), self._real(target))

    def chmod(self, path: str, mode: int) -> None:
        """Change the backing file's mode."""
        os.chmod(self._real(path), mode)

    def utimens(self, path: str, times: tuple[float, float] | None = None) -> None:
        """Set the backing file's times."""
        os.utime(self._real(path), times)

    def statfs(self, path: str) -> dict[str, int]:
        """The backing drive's space."""
        st = os.statvfs(self._real(path))
        keys = ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree")
        return {key: getattr(st, key) for key in keys}


def main() -> None:
    """Serve `BACKING` at `MOUNT`, flipping the byte at `OFFSET` (or failing reads of the
    files `--fail` names from there on), until unmounted."""
    parser = argparse.ArgumentParser()
    parser.add_argument("backing")
    parser.add_argument("mount")
    parser.add_argument("offset", type=int)
    parser.add_argument("--fail", metavar="PREFIX")
    args = parser.parse_args()
    drive = FlakyDrive(args.backing, args.offset, args.fail)
    FUSE(drive, args.mount, foreground=True, nothreads=True)


if __name__ == "__main__":
    main()
