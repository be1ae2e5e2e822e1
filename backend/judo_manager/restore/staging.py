"""The private staged copy of a chosen backup: copied in, then made ready to copy over.

The source may be on a slow or removable drive and may change later; every check and the
restore itself use the private staged copy. The source's size and modification time are
remembered, so a file that vanished or changed before the coach confirmed is refused.
Once checked, the staged copy is brought up to this app's schema and page size
(`make_ready`), still before anything of the live data is touched.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from judo_manager.db.checks import check_rows
from judo_manager.db.connection import sidecars
from judo_manager.db.drive_errors import os_reason
from judo_manager.db.fileio import SourceReadError, copy_into, free_bytes, remove_leftover
from judo_manager.db.layout import STAGED_PATTERN, DataFolder
from judo_manager.db.migrations import migrate
from judo_manager.errors import ReadOnlyDataError, RestoreRejectedError
from judo_manager.i18n import _, in_megabytes


@dataclass(frozen=True)
class SourceStamp:
    """Identifies the source file as it was when staged."""

    size: int
    mtime_ns: int


def stamp(path: Path) -> SourceStamp:
    """The size and modification time of `path`."""
    info = path.stat()
    return SourceStamp(info.st_size, info.st_mtime_ns)


def stage(source: Path, data: DataFolder, progress: Callable[[float], None]) -> Path:
    """Copy `source` into the staging folder; the staged path."""
    folder = data.staging
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise _unwritable(data, error) from error
    wal, _shm, journal = sidecars(source)
    if wal.exists() and wal.stat().st_size > 0:
        raise RestoreRejectedError(
            _(
                "{name} has unsaved changes in {log} beside it: another program still "
                "has it open, or was interrupted. Close that program, or export a fresh backup.",
                name=source.name,
                log=wal.name,
            )
        )
    if journal.exists() and journal.stat().st_size > 0:
        raise RestoreRejectedError(
            _(
                "{name} was being changed when it was copied or its program stopped: "
                "{journal} beside it holds a change that was never finished. Open it in "
                "the program that made it (or copy it again with that file), or use another "
                "backup.",
                name=source.name,
                journal=journal.name,
            )
        )
    staged = folder / STAGED_PATTERN.replace("*", f"{secrets.token_hex(6)}.db")
    try:
        total = source.stat().st_size
        _check_free_space(source, total, data.root)
        with source.open("rb") as reader:
            _copy_in(reader, staged, total, data, progress)
    except FileNotFoundError as error:
        discard(staged)
        raise RestoreRejectedError(
            _(
                "{name} is no longer there. If it's on a USB stick, plug it back in and "
                "choose it again.",
                name=source.name,
            )
        ) from error
    except (OSError, EOFError) as error:
        discard(staged)
        reason = os_reason(error) if isinstance(error, OSError) else error
        raise RestoreRejectedError(
            _(
                "{name} could not be read ({reason}). If it's on a USB stick, check that "
                "it is plugged in, then choose it again.",
                name=source.name,
                reason=reason,
            )
        ) from error
    return staged


def _copy_in(
    reader: BinaryIO, staged: Path, total: int, data: DataFolder, progress: Callable[[float], None]
) -> None:
    """Copy the backup `reader` reads into the new file `staged`; a failure to write there
    (the data folder's disk full or failing) is told as such, not as the backup's."""
    try:
        with staged.open("xb") as writer:
            copy_into(reader, writer.fileno(), total, progress)
    except SourceReadError:
        raise
    except OSError as error:
        discard(staged)
        raise _unwritable(data, error) from error


def _unwritable(data: DataFolder, error: OSError) -> ReadOnlyDataError:
    """What the coach is told when the data folder can't take the staged copy."""
    return ReadOnlyDataError(
        _(
            "Judo Manager can't write to its data folder {folder} to check the backup "
            "({reason}). Nothing was changed. If the disk is failing, "
            "export a backup to another drive now.",
            folder=data.root,
            reason=os_reason(error),
        )
    )


def make_ready(staged: Path, name: str, schema_version: int, live_page_size: int | None) -> None:
    """Make a checked staged copy ready to copy in: rollback journal, this app's schema, and
    the live database's page size; and refuse it if, brought up to date, a row doesn't fit.

    The backup API can't write pages of another size into a WAL database ("attempt to write
    a readonly database"), so a copy with, say, 8 KiB pages is rebuilt with VACUUM first.
    """
    conn = sqlite3.connect(staged, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        migrate(conn, schema_version)
        check_rows(conn, name)
        # None: the live data is damaged, and the staged copy will replace its file whole.
        if live_page_size and conn.execute("PRAGMA page_size").fetchone()[0] != live_page_size:
            conn.execute(f"PRAGMA page_size = {live_page_size}")
            conn.execute("VACUUM")
    finally:
        conn.close()


def check_unchanged(source: Path, expected: SourceStamp) -> None:
    """Refuse to go on if the chosen file vanished or changed since it was checked."""
    try:
        current = stamp(source)
    except OSError as error:
        raise RestoreRejectedError(
            _(
                "{name} is no longer available (was the USB stick removed?). Nothing was changed.",
                name=source.name,
            )
        ) from error
    if current != expected:
        raise RestoreRejectedError(
            _(
                "{name} changed after it was checked. Nothing was changed; choose it again.",
                name=source.name,
            )
        )


def discard(path: Path) -> None:
    """Remove a staged file and whatever SQLite left beside it."""
    for leftover in (path, *sidecars(path)):
        remove_leftover(leftover)


def _check_free_space(source: Path, size: int, data_dir: Path) -> None:
    """Refuse early when the data folder can't hold the staged copy and a safety copy."""
    needed = 2 * size
    free = free_bytes(data_dir)
    if free is not None and free < needed:
        raise RestoreRejectedError(
            _(
                "There isn't enough free space on this computer to restore {name}: it "
                "needs about {needed} MB and {free} MB are free.",
                name=source.name,
                needed=in_megabytes(needed, 0),
                free=in_megabytes(free, 0),
            )
        )
