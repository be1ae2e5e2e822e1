"""Turning what the operating system said into what the coach needs to hear.

On Windows the reason is read from `winerror` first: CPython folds Windows' many reasons into
a few errno values, so a file another program holds (sharing violation) and a drive that
isn't ready would both read as EACCES or ENOENT, "read-only" or "plug it back in". errno
decides only where Windows gave no number (and on Linux and macOS).
"""

from __future__ import annotations

import errno
import re
import sqlite3
import sys
from pathlib import Path, PurePath

from judo_manager.db.fileio import winerror_of
from judo_manager.errors import BackupError
from judo_manager.i18n import Message, _, megabytes

FAT32_LIMIT_BYTES = 4 * 1024**3 - 1
# Where a data folder written as a Windows share path is: "... is on a network share".
NETWORK_SHARE = _("a network share")
# Windows' classic path limit: 260 characters with the final NUL, unless long paths are on.
WINDOWS_PATH_LIMIT = 259
# The longest name of one file or folder on every file system coaches use (NTFS, FAT32,
# exFAT, ext4, APFS).
NAME_LIMIT = 255
# Names Windows keeps for devices, with any extension: `con.db` opens the console.
WINDOWS_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)

# Windows' error numbers (winerror.h), grouped by what the coach should do.
WIN_ACCESS_DENIED = 5
WIN_SHARING = frozenset({32, 33})  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
WIN_UNPLUGGED = frozenset({21, 31, 1167, 55, 1117})  # not ready, device failed, not connected,
# device no longer available, I/O device error
WIN_FULL = frozenset({39, 112})  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
WIN_WRITE_PROTECT = 19
WIN_PATH_TOO_LONG = frozenset({206})  # ERROR_FILENAME_EXCED_RANGE
WIN_BAD_NAME = frozenset({123, 161})  # ERROR_INVALID_NAME, ERROR_BAD_PATHNAME
WIN_GONE = frozenset({2, 3})  # file or path not found
WIN_NETWORK = frozenset({53, 59, 64, 67, 1231})  # network path not found, unexpected network
# error, network name deleted, bad network name, network location unreachable
# The system's common reasons, in the coach's words (and language); any other is shown as
# the system words it.
_REASONS: dict[int, Message] = {
    errno.ENOENT: _("the file or folder isn't there"),
    errno.EACCES: _("permission denied"),
    errno.EPERM: _("permission denied"),
    errno.EROFS: _("the disk is read-only"),
    errno.ENOSPC: _("the disk is full"),
    errno.EIO: _("the drive didn't respond"),
    errno.ENOTDIR: _("part of the path isn't a folder"),
    errno.EISDIR: _("it is a folder, not a file"),
    errno.EBUSY: _("another program is using it"),
}


def os_reason(error: OSError) -> Message | str:
    """Why the system refused, for a coach: "permission denied", in the coach's language
    where it is a common reason, else as the system words it."""
    return _REASONS.get(error.errno or 0) or error.strerror or str(error)


# SQLite's common reasons by primary result code, in the coach's words (and language); any
# other is shown as SQLite words it ("database disk image is malformed" is CORRUPT).
_SQLITE_REASONS: dict[int, Message] = {
    sqlite3.SQLITE_CORRUPT: _("the file is damaged"),
    sqlite3.SQLITE_NOTADB: _("it isn't a database file"),
    sqlite3.SQLITE_BUSY: _("another program is using it"),
    sqlite3.SQLITE_LOCKED: _("another program is using it"),
    sqlite3.SQLITE_IOERR: _("the drive didn't respond"),
    sqlite3.SQLITE_FULL: _("the disk is full"),
    sqlite3.SQLITE_CANTOPEN: _("it can't be opened"),
    sqlite3.SQLITE_READONLY: _("the disk is read-only"),
    sqlite3.SQLITE_PERM: _("permission denied"),
}


def sqlite_reason(error: sqlite3.Error) -> Message | str:
    """Why SQLite failed, for a coach: "the file is damaged", in the coach's language where
    it is a common reason, else as SQLite words it."""
    code = getattr(error, "sqlite_errorcode", None)
    reason = None if code is None else _SQLITE_REASONS.get(code & 0xFF)
    return reason or str(error)


def reason_of(error: BaseException) -> Message | str:
    """Why a file operation failed, for a coach: the system's or SQLite's reason."""
    if isinstance(error, OSError):
        return os_reason(error)
    if isinstance(error, sqlite3.Error):
        return sqlite_reason(error)
    return str(error)


def describe_write_error(
    error: OSError, destination: Path, size: int, *, system: str = sys.platform
) -> BackupError:
    """A coach-readable reason why writing `destination` failed.

    `system` is the OS the error came from (`sys.platform`); tests pass another to check the
    wording each system gets.
    """
    folder = destination.parent
    described = _by_winerror(winerror_of(error), destination, size)
    if described is not None:
        return described
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _full(folder, size)
    if code == errno.EFBIG or (size > FAT32_LIMIT_BYTES and code == errno.EINVAL):
        return BackupError(
            _(
                "The backup ({size}) is too big for this drive's format: drives "
                "formatted as FAT32 can't hold files over 4 GB. Use a drive formatted as exFAT "
                "or NTFS.",
                size=_megabytes(size),
            )
        )
    if code == errno.EPERM and system == "darwin":
        return _privacy(folder)
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _read_only(folder)
    if code in (errno.ENOENT, errno.ENOTDIR):
        return _gone(folder)
    if code in (errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTCONN):
        return _unplugged(folder)
    if code == errno.ENAMETOOLONG:
        return _too_long(destination)
    if code in (errno.EINVAL, errno.EILSEQ):
        return _bad_name(destination)
    return BackupError(
        _(
            "The backup could not be written to {folder}: {reason}.",
            folder=folder,
            reason=os_reason(error),
        )
    )


def _by_winerror(code: int | None, destination: Path, size: int) -> BackupError | None:
    folder = destination.parent
    if code is None:
        return None
    if code in WIN_SHARING:
        return BackupError(
            _(
                "Another program is using {name} in {folder} (an antivirus, a sync "
                "app such as OneDrive, or a program that has it open), so it can't be replaced "
                "now. Wait a moment and try again, or choose another name. Nothing was saved.",
                name=destination.name,
                folder=folder,
            )
        )
    if code in WIN_UNPLUGGED:
        return _unplugged(folder)
    if code in WIN_FULL:
        return _full(folder, size)
    if code == WIN_WRITE_PROTECT:
        return _read_only(folder)
    if code == WIN_ACCESS_DENIED:
        return BackupError(
            _(
                "Windows didn't let Judo Manager write to {folder}. The folder may be read-only "
                'or protected (Windows Security\'s "Controlled folder access" blocks apps from '
                "Documents and the Desktop). Choose another folder, or allow Judo Manager there.",
                folder=folder,
            )
        )
    if code in WIN_PATH_TOO_LONG:
        return _too_long(destination)
    if code in WIN_BAD_NAME:
        return _bad_name(destination)
    if code in WIN_GONE:
        return _gone(folder)
    if code in WIN_NETWORK:
        return BackupError(
            _(
                "The network folder {folder} can't be reached. Check the connection, or back "
                "up to a folder on this computer or a USB stick. Nothing was saved.",
                folder=folder,
            )
        )
    return None


def describe_scratch_read_error(error: OSError) -> BackupError:
    """Why a backup failed whose snapshot, taken on another drive than the destination's
    (the data folder's, or the system's temporary folder's), could not be read from there."""
    return BackupError(
        _(
            "Judo Manager could not read back its working copy of the backup in {folder} "
            "({reason}). Nothing was saved. The drive you chose is not at fault: the disk "
            "that holds {folder} may be failing. Try again, and if it fails again, have that "
            "disk checked.",
            folder=Path(error.filename).parent,
            reason=os_reason(error),
        )
    )


def name_problem(destination: Path, temporary_name_length: int) -> BackupError | None:
    """Why `destination` can't be written on this system at all, before anything is; or None.

    `temporary_name_length` is the length of the name written first beside it.
    """
    stem = destination.name.split(".")[0].rstrip(" ")
    if WINDOWS_RESERVED.fullmatch(stem):
        return BackupError(
            _(
                '"{name}" is a name Windows keeps for a device ({device}), so '
                "the file could not be opened on Windows. Choose another name.",
                name=destination.name,
                device=stem.upper(),
            )
        )
    if len(destination.name) > NAME_LIMIT:
        return _too_long(destination)
    longest_name = max(len(destination.name), temporary_name_length)
    if len(str(destination.parent / ("x" * longest_name))) > path_limit():
        return _too_long(destination)
    return None


def path_limit(system: str = sys.platform) -> int:
    """The longest full path this system lets the app write."""
    if system == "win32":
        from judo_manager.db import windows

        return 32_000 if windows.long_paths_enabled() else WINDOWS_PATH_LIMIT
    return 4095  # PATH_MAX less its NUL, on Linux and macOS alike


def is_network_path(path: PurePath) -> bool:
    """Whether `path` is written as a network location: `\\\\server\\share\\…` on Windows."""
    text = str(path)
    return text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "//?/"))


# File systems that reach another computer: SQLite's locks and its write-ahead log's shared
# memory don't work reliably over them (sqlite.org/wal.html, "WAL does not work over a
# network filesystem").
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "9p", "davfs", "fuse.davfs2"}
)


def network_folder_kind(folder: Path, *, mounts: str | None = None) -> Message | None:
    """What network `folder` is on (a share's name or a file system's), or None if local.

    Windows: a `\\\\server\\share` path or a drive letter mapped to one. Linux: the file
    system of the mount holding it (`mounts` is /proc/self/mounts' text, for tests). macOS
    is not asked: SMB shares mount under /Volumes like USB sticks, and nothing here tells
    them apart yet.
    """
    if is_network_path(folder):
        return NETWORK_SHARE
    if sys.platform == "win32":
        from judo_manager.db import windows

        return _("a network drive") if windows.drive_type(folder) == windows.DRIVE_REMOTE else None
    if mounts is None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            mounts = Path("/proc/self/mounts").read_text()
        except OSError:
            return None
    best: tuple[int, str] | None = None
    resolved = str(folder)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), fields[2])
    if best is not None and best[1] in NETWORK_FILE_SYSTEMS:
        return _("a network file system ({kind})", kind=best[1])
    return None


def _full(folder: Path, size: int) -> BackupError:
    return BackupError(
        _(
            "The drive is full. The backup needs about {size} free in {folder}. "
            "Free some space or choose another drive.",
            size=_megabytes(size),
            folder=folder,
        )
    )


def _read_only(folder: Path) -> BackupError:
    return BackupError(
        _(
            "Judo Manager can't write to {folder}: the folder is read-only. If it's a USB "
            "stick, check its lock switch, or choose another folder.",
            folder=folder,
        )
    )


def _privacy(folder: Path) -> BackupError:
    return BackupError(
        _(
            "macOS didn't let Judo Manager into {folder}. Allow it in System Settings > Privacy "
            "& Security > Files and Folders (or Removable Volumes for a USB stick), then try "
            "again, or choose another folder.",
            folder=folder,
        )
    )


def _gone(folder: Path) -> BackupError:
    return BackupError(
        _(
            "The folder {folder} is no longer there. If it was on a USB stick, plug it back "
            "in and try again.",
            folder=folder,
        )
    )


def _unplugged(folder: Path) -> BackupError:
    return BackupError(
        _(
            "The drive was unplugged: {folder} stopped responding. Plug it back in and try "
            "again; nothing was saved.",
            folder=folder,
        )
    )


def _too_long(destination: Path) -> BackupError:
    return BackupError(
        _(
            "The path {path} is too long for this system ({length} "
            "characters). Choose a folder nearer the top of the drive, or a shorter name. "
            "Nothing was saved.",
            path=destination,
            length=len(str(destination)),
        )
    )


def _bad_name(destination: Path) -> BackupError:
    return BackupError(
        _(
            'The file name "{name}" is not allowed on this drive. Use letters, '
            "digits, dashes and underscores.",
            name=destination.name,
        )
    )


def _megabytes(size: int) -> Message:
    return megabytes(max(size, 1))
