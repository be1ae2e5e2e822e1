"""Files on each operating system: copying fast, writing durably, reading back from the
drive, and replacing or deleting a file that a virus scanner or sync client holds for a moment.

What differs between the systems, and so lives here and nowhere else:

- Copying: `sendfile` copies inside the kernel on Linux only. macOS's `sendfile` needs a
  socket as its destination (ENOTSOCK) and Windows has none, so they copy through memory,
  as CPython's own `shutil` does.
- Durability: `fsync` on macOS leaves the data in the drive's own cache; `F_FULLFSYNC`
  flushes that too.
- Reading back from the drive: Linux drops the clean pages (`posix_fadvise`), macOS reads
  and writes without the cache (`F_NOCACHE`), Windows reads unbuffered
  (`FILE_FLAG_NO_BUFFERING`, into an aligned buffer). Where none of these is possible the
  read comes from memory, and the log says so.
- Windows refuses to rename or delete a file that any program has open (sharing violation,
  winerror 32), and Defender, the search indexer and OneDrive open every new file for a
  moment: replacing and deleting retry for up to about 10 seconds.
- Windows hides a file by an attribute, not by a leading dot.
- Linux only: which file systems let a backup be checked against the pages it was written
  from (`keeps_written_pages`, from the mount table), and starting a file's writeback early
  (`sync_file_range`).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import logging
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple, Protocol

from judo_manager.i18n import _

logger = logging.getLogger(__name__)

# Scratch files older than this were left by a run that was killed.
STALE_AFTER_S = 24 * 3600
# Large enough to be cheap, small enough for smooth progress and early writeback. A multiple
# of every sector size, as Windows' unbuffered reads require.
SPAN_BYTES = 8 * 1024 * 1024
# How long a replace or delete waits out a scanner or sync client that holds the file.
HELD_RETRY_S = 10.0
# Windows' reasons that mean "someone has it open right now": access denied (also what a
# file pending deletion answers), sharing violation, lock violation.
HELD_WINERRORS = frozenset({5, 32, 33})
# What a `sendfile` that can't copy between these two files says: not a socket (macOS, BSD),
# not supported here (some file systems, some kernels).
SENDFILE_REFUSALS = frozenset(
    {errno.ENOTSOCK, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
)
# Only Linux's sendfile copies between two regular files; CPython uses it on Linux only too.
USE_SENDFILE = sys.platform.startswith("linux")
IS_WINDOWS = sys.platform == "win32"
IS_LINUX = sys.platform.startswith("linux")
# Linux's disk file systems whose cached pages of a file are what was written to it, whose
# O_DIRECT reads go to the drive, and whose reads can be told not to wait for the drive
# (RWF_NOWAIT): a backup there is checked against the pages it was written from
# (`db/read_back.py`). Not FUSE drivers or network shares, which serve pages their own way;
# not btrfs or f2fs, whose O_DIRECT falls back to the cache for compressed or encrypted
# files; not vfat or exfat, which can't say whether a read would wait.
LOCAL_FILE_SYSTEMS = frozenset({"ext2", "ext3", "ext4", "xfs"})
# ext4's journalled data: O_DIRECT is served from the cache there.
CACHED_DIRECT_OPTIONS = frozenset({"data=journal"})
# The same for a folder whose files are encrypted (fscrypt), have their data journalled
# (chattr +j, which new files inherit) or go straight to memory-like storage (DAX): what
# `FS_IOC_GETFLAGS` says of a folder (linux/fs.h).
FS_IOC_GETFLAGS = 0x80086601
CACHED_DIRECT_FLAGS = 0x00000800 | 0x00004000 | 0x02000000  # ENCRYPT, JOURNAL_DATA, DAX
MOUNT_TABLE = Path("/proc/self/mountinfo")
# sync_file_range's flag: start writing the dirty pages, don't wait (linux/fs.h).
SYNC_FILE_RANGE_WRITE = 2
# Whether a file can be renamed while some program may have it open. Windows refuses (and a
# scanner may hold any file there), so a restore there copies into the live file instead.
RENAME_OPEN_FILES = not IS_WINDOWS


class SourceReadError(OSError):
    """Reading the file a copy was made from failed: its drive's fault, not the destination's.

    The copy's callers tell the coach which drive to look at: a backup's working copy on
    the computer's disk, or a backup being restored from a stick.
    """

    @classmethod
    def of(cls, error: OSError, source: str | os.PathLike[str]) -> SourceReadError:
        """`error`, met reading the file `source`, as a SourceReadError naming it."""
        return cls(error.errno, error.strerror, os.fspath(source))


def copy_into(
    source: BinaryIO,
    out: int,
    size: int,
    progress: Callable[[float], None],
    *,
    write_early: bool = False,
) -> None:
    """Copy `size` bytes from `source` into the file descriptor `out`, reporting 0..1.
    SourceReadError: reading `source` failed; any other OSError: writing `out` did.

    With `write_early`, each span is handed to the drive as soon as it is copied (where the
    OS lets us ask), so the final fsync is short and no pile of unwritten data holds up
    other writers.
    """
    copied = 0
    in_kernel = USE_SENDFILE and hasattr(os, "sendfile")
    while copied < size:
        count = min(SPAN_BYTES, size - copied)
        span = 0
        if in_kernel:
            try:
                span = os.sendfile(out, source.fileno(), copied, count)
            except OSError as error:
                if error.errno not in SENDFILE_REFUSALS:
                    # One error stands for both files: it is the source's if it can't be
                    # read there again.
                    _read_again(source, copied, count)
                    raise
                in_kernel = False  # this pair of files can't: copy through memory instead
        if not in_kernel:
            span = _copy_through_memory(source, out, copied, count)
        if span == 0:
            # Its reason is shown to the coach: "… could not be read (… ended early …)".
            raise EOFError(
                _("{name} ended early, at byte {offset}", name=source.name, offset=copied)
            )
        if write_early and hasattr(os, "posix_fadvise"):
            os.posix_fadvise(out, copied, span, os.POSIX_FADV_DONTNEED)
        copied += span
        progress(copied / size)


def _read_again(source: BinaryIO, offset: int, count: int) -> None:
    """Read `count` bytes of `source` from `offset`, for nothing but SourceReadError."""
    try:
        os.pread(source.fileno(), count, offset)
    except OSError as error:
        raise SourceReadError.of(error, source.name) from error


def read_source(source: BinaryIO, count: int) -> bytes:
    """The next `count` bytes of the file a copy is made from, or of the copy it is
    checked against; SourceReadError if its drive fails."""
    try:
        return source.read(count)
    except OSError as error:
        raise SourceReadError.of(error, source.name) from error


def _copy_through_memory(source: BinaryIO, out: int, offset: int, count: int) -> int:
    source.seek(offset)
    view = memoryview(read_source(source, count))
    sent = len(view)
    while view:
        view = view[os.write(out, view) :]
    return sent


def durable_sync(fd: int) -> None:
    """Make what was written to `fd` survive a power cut: on macOS through the drive's own
    cache too (`F_FULLFSYNC`), elsewhere `fsync`."""
    full = _fcntl_flag("F_FULLFSYNC")
    if full is not None:
        import fcntl

        try:
            fcntl.fcntl(fd, full)
            return
        except OSError:
            pass  # some drives (network shares, some USB bridges) refuse it: fsync still helps
    os.fsync(fd)


def start_writeback(fd: int) -> None:
    """Ask Linux to start writing what is unwritten of `fd`'s file to the drive now, without
    waiting (`sync_file_range`); nothing elsewhere. The pages stay in memory, clean, until
    the system needs the room; on this kernel a few MB of them then sometimes can't be read
    without waiting, and `db/read_back.py` counts those as gone.

    A file written by another library (SQLite) then reaches the drive while it is written,
    and the fsync that ends it is short.
    """
    call = _sync_file_range()
    if call is not None:
        call(fd, 0, 0, SYNC_FILE_RANGE_WRITE)  # a refusal only means a longer fsync


@functools.cache
def _sync_file_range() -> Callable[[int, int, int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        call = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    call.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
    call.restype = ctypes.c_int
    return call  # type: ignore[no-any-return]


def bypass_cache(fd: int) -> bool:
    """Ask macOS to write and read `fd` without its file cache (`F_NOCACHE`); whether it could.

    Set on the file being written too: pages written under it are not kept in memory, so the
    read-back that follows has to come from the drive.
    """
    nocache = _fcntl_flag("F_NOCACHE")
    if nocache is None:
        return False
    import fcntl

    try:
        fcntl.fcntl(fd, nocache, 1)
    except OSError:
        return False
    return True


def _fcntl_flag(name: str) -> int | None:
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    value = getattr(fcntl, name, None)
    return value if isinstance(value, int) else None


class Reader(Protocol):
    """Reads the next bytes of a file: up to `count`, fewer only at its end."""

    def read(self, count: int) -> bytes:
        """The next bytes."""
        ...


@contextlib.contextmanager
def read_from_device(path: Path) -> Iterator[tuple[Reader, bool]]:
    """A reader of `path` that reads from the drive, not from memory, where the OS allows;
    and whether it does.

    `path` must have been synced: Linux can then drop its pages, which are clean.
    """
    if IS_WINDOWS:
        unbuffered = _windows_unbuffered(path)
        if unbuffered is not None:
            try:
                yield unbuffered, True
            finally:
                unbuffered.close()
            return
    with path.open("rb", buffering=0) as file:
        from_device = False
        if hasattr(os, "posix_fadvise"):
            # After fsync the pages are clean, so the kernel can drop them: the reads below
            # then come from the drive, not from memory.
            os.posix_fadvise(file.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            from_device = True
        else:
            from_device = bypass_cache(file.fileno())
        if not from_device:
            logger.warning("%s is read back from the system's memory, not from the drive", path)
        yield file, from_device


def _windows_unbuffered(path: Path) -> Reader | None:
    """Windows: `path` opened with FILE_FLAG_NO_BUFFERING; None where the drive refuses it
    (some network shares), and the read-back then comes from memory."""
    from judo_manager.db import windows

    try:
        return windows.UnbufferedReader(path, SPAN_BYTES)
    except OSError as error:
        logger.warning("unbuffered read of %s refused (%s)", path, error)
        return None


def keeps_written_pages(folder: Path) -> bool:
    """Whether a file just written in `folder` can be checked against the pages the system
    keeps of it (`LOCAL_FILE_SYSTEMS`): on Linux's ext4 and xfs, in a folder whose files
    don't bypass that (`CACHED_DIRECT_FLAGS`). False elsewhere, as far as it is not known
    to hold."""
    mount = mount_of(folder) if IS_LINUX else None
    if (
        mount is None
        or mount.type not in LOCAL_FILE_SYSTEMS
        or CACHED_DIRECT_OPTIONS & set(mount.options.split(","))
    ):
        return False
    flags = _folder_flags(folder)
    return flags is not None and not flags & CACHED_DIRECT_FLAGS


def _folder_flags(folder: Path) -> int | None:
    """The inode flags of `folder` (`lsattr -d`), which its new files inherit; None when
    they can't be read."""
    import fcntl  # Linux only, as the caller is

    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        answer = fcntl.ioctl(fd, FS_IOC_GETFLAGS, bytes(8))
    except OSError:
        return None
    finally:
        os.close(fd)
    return int.from_bytes(answer[:4], sys.byteorder)


class Mount(NamedTuple):
    """A file system as the mount table lists it."""

    type: str  # "ext4", "fuse.fusefat"...
    options: str  # its own, as "rw,errors=remount-ro,data=ordered"


def mount_of(folder: Path, table: str | None = None) -> Mount | None:
    """The file system `folder` is on, from Linux's mount table (or `table`, its text);
    None where there is none to read."""
    where = os.path.realpath(folder)
    if table is None:
        try:
            table = MOUNT_TABLE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    found, longest = None, -1
    for line in table.splitlines():
        # "36 35 98:0 /root /mnt/point rw,noatime shared:1 - ext4 /dev/sda1 rw,data=ordered":
        # the mount point is the fifth field (a space written as \040), then after " - " the
        # type, the source and the file system's own options.
        fields, _dash, rest = line.partition(" - ")
        parts, described = fields.split(" "), rest.split(" ")
        if len(parts) < 5 or len(described) < 3:
            continue
        point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), parts[4])
        inside = where == point or where.startswith(point.rstrip("/") + "/")
        # A later mount on the same point hides the earlier one: the last one listed wins.
        if inside and len(point) >= longest:
            found, longest = Mount(described[0], described[2]), len(point)
    return found


def winerror_of(error: OSError) -> int | None:
    """Windows' own error number, which says more than the errno CPython derives from it."""
    value = getattr(error, "winerror", None)
    return value if isinstance(value, int) else None


def is_held(error: OSError) -> bool:
    """Whether `error` says another program has the file open for a moment (Windows)."""
    return isinstance(error, PermissionError) and winerror_of(error) in HELD_WINERRORS


def _retry_while_held(action: Callable[[], None]) -> None:
    """Run `action`, retrying for up to HELD_RETRY_S while another program holds the file."""
    deadline = time.monotonic() + HELD_RETRY_S
    delay = 0.02
    while True:
        try:
            action()
            return
        except OSError as error:
            if not is_held(error) or time.monotonic() + delay > deadline:
                raise
        # A scanner or sync client lets go within a second or two; there is no event for it.
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def replace_file(source: Path, destination: Path) -> None:
    """`os.replace`, waiting out a program that holds either file for a moment."""
    _retry_while_held(lambda: os.replace(source, destination))


def remove_file(path: Path) -> None:
    """Delete `path` if it is there, waiting out a program that holds it for a moment."""
    _retry_while_held(lambda: path.unlink(missing_ok=True))


def remove_leftover(path: Path) -> bool:
    """Delete a file that is only a leftover; whether it is gone. Never raises: a leftover
    that can't be deleted (a read-only drive, a program holding it) is cleared later."""
    try:
        remove_file(path)
    except OSError as error:
        logger.warning("could not delete the leftover %s (%s)", path, error)
        return False
    return True


def hide(path: Path) -> None:
    """Hide a temporary file on Windows too, where a leading dot hides nothing."""
    if IS_WINDOWS:
        from judo_manager.db import windows

        windows.set_hidden(path, hidden=True)


def unhide(path: Path) -> None:
    """Undo `hide` before a temporary file takes its final name: a renamed file keeps its
    attributes, and a hidden backup would look lost."""
    if IS_WINDOWS:
        from judo_manager.db import windows

        windows.set_hidden(path, hidden=False)


def remove_stale(folder: Path, pattern: str, ours: re.Pattern[str] | None = None) -> None:
    """Delete files matching `pattern` (and `ours`, where given) in `folder` that a killed
    run left behind a day ago.

    A day, not at once: another Judo Manager process may be using a fresh one right now.
    """
    cutoff = time.time() - STALE_AFTER_S
    try:
        leftovers = [p for p in folder.glob(pattern) if ours is None or ours.fullmatch(p.name)]
    except OSError:
        return  # an unreadable or vanished folder: the write that follows reports it
    for leftover in leftovers:
        try:
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                remove_file(leftover)
        except OSError:
            pass  # gone already, held, or not ours to delete: it is only a leftover


def publish_new_file(temporary: Path, destination: Path) -> None:
    """Give `temporary` the name `destination`, which must not exist yet, durably.

    A hard link fails if something took the name meanwhile, where a rename would replace it;
    where the drive has no hard links (FAT), the rename it is.
    """
    try:
        os.link(temporary, destination)
    except FileExistsError:
        raise
    except OSError:
        _reserve_then_replace(temporary, destination)
    else:
        remove_leftover(temporary)  # the name is published: the second one is only a leftover
    fsync_folder(destination.parent)


def _reserve_then_replace(temporary: Path, destination: Path) -> None:
    """Where a drive has no hard links: take the name with O_EXCL, then rename onto it.

    Of two racing for the name, only one creates it. Only a crash in between these two steps
    could leave the empty reservation behind.
    """
    os.close(os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    try:
        replace_file(temporary, destination)
    except BaseException:
        remove_leftover(destination)
        raise


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, where the OS lets a folder be fsynced."""
    if IS_WINDOWS:
        return  # NTFS journals its renames; a folder can't be opened for fsync there
    fd = os.open(folder, os.O_RDONLY)
    try:
        durable_sync(fd)
    finally:
        os.close(fd)


def free_bytes(folder: Path) -> int | None:
    """The free space on `folder`'s drive; None where the drive doesn't say.

    FUSE drivers such as fusefat report no blocks at all: that is no answer, not a full
    drive, and the write itself will tell.
    """
    usage = shutil.disk_usage(folder)
    return None if usage.total == 0 else usage.free
