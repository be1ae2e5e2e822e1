"""Turning what the operating system said into what the coach needs to hear."""

from __future__ import annotations

import errno
from pathlib import Path

from judo_manager.errors import BackupError

FAT32_LIMIT_BYTES = 4 * 1024**3 - 1


def describe_write_error(error: OSError, destination: Path, size: int) -> BackupError:
    """A coach-readable reason why writing `destination` failed."""
    folder = destination.parent
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return BackupError(
            f"The drive is full. The backup needs about {_megabytes(size)} free in {folder}. "
            "Free some space or choose another drive."
        )
    if code == errno.EFBIG or (size > FAT32_LIMIT_BYTES and code == errno.EINVAL):
        return BackupError(
            f"The backup ({_megabytes(size)}) is too big for this drive's format: drives "
            "formatted as FAT32 can't hold files over 4 GB. Use a drive formatted as exFAT "
            "or NTFS."
        )
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupError(
            f"Judo Manager can't write to {folder}: the folder is read-only. If it's a USB "
            "stick, check its lock switch, or choose another folder."
        )
    if code in (errno.ENOENT, errno.ENOTDIR):
        return BackupError(
            f"The folder {folder} is no longer there. If it was on a USB stick, plug it back "
            "in and try again."
        )
    if code in (errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTCONN):
        return BackupError(
            f"The drive was unplugged: {folder} stopped responding. Plug it back in and try "
            "again; nothing was saved."
        )
    if code in (errno.EINVAL, errno.ENAMETOOLONG, errno.EILSEQ):
        return BackupError(
            f'The file name "{destination.name}" is not allowed on this drive. Use letters, '
            "digits, dashes and underscores."
        )
    return BackupError(f"The backup could not be written to {folder}: {error.strerror or error}.")


def _megabytes(size: int) -> str:
    return f"{max(size, 1) / 1_000_000:,.1f} MB"
