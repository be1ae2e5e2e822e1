"""Copying a file's bytes fast, with progress: in the kernel where the OS can."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# Scratch files older than this were left by a run that was killed.
STALE_AFTER_S = 24 * 3600
# Large enough to be cheap, small enough for smooth progress and early writeback.
SPAN_BYTES = 8 * 1024 * 1024


def copy_into(
    source: BinaryIO,
    out: int,
    size: int,
    progress: Callable[[float], None],
    *,
    write_early: bool = False,
) -> None:
    """Copy `size` bytes from `source` into the file descriptor `out`, reporting 0..1.

    With `write_early`, each span is handed to the drive as soon as it is copied, so the
    final fsync is short and no pile of unwritten data holds up other writers.
    """
    copied = 0
    while copied < size:
        span = _copy_span(source, out, copied, min(SPAN_BYTES, size - copied))
        if write_early and hasattr(os, "posix_fadvise"):
            os.posix_fadvise(out, copied, span, os.POSIX_FADV_DONTNEED)
        copied += span
        progress(copied / size)


def _copy_span(source: BinaryIO, out: int, offset: int, count: int) -> int:
    if hasattr(os, "sendfile"):
        sent = os.sendfile(out, source.fileno(), offset, count)
    else:
        source.seek(offset)
        view = memoryview(source.read(count))
        sent = len(view)
        while view:
            view = view[os.write(out, view) :]
    if sent == 0:
        raise EOFError(f"{source.name} ended early, at byte {offset}")
    return sent


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
                leftover.unlink()
        except OSError:
            pass  # gone already, or not ours to delete: it is only a leftover


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
        temporary.unlink()
    fsync_folder(destination.parent)


def _reserve_then_replace(temporary: Path, destination: Path) -> None:
    """Where a drive has no hard links: take the name with O_EXCL, then rename onto it.

    Of two racing for the name, only one creates it. Only a crash in between these two steps
    could leave the empty reservation behind.
    """
    os.close(os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    try:
        os.replace(temporary, destination)
    except BaseException:
        destination.unlink(missing_ok=True)
        raise


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, where the OS lets a folder be fsynced."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def free_bytes(folder: Path) -> int | None:
    """The free space on `folder`'s drive; None where the drive doesn't say.

    FUSE drivers such as fusefat report no blocks at all: that is no answer, not a full
    drive, and the write itself will tell.
    """
    usage = shutil.disk_usage(folder)
    return None if usage.total == 0 else usage.free
