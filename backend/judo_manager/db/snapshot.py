"""Writing one verified copy of the live database: a backup, or a safety copy.

1. Snapshot: SQLite's online backup API copies the live database into a scratch file in the
   data folder. The source connection holds one read transaction for the whole copy, so the
   snapshot is a single moment even while the app keeps writing, the copy never restarts,
   and progress can still be reported step by step. In WAL mode that reader blocks nobody.
   A read-only checker connection starts its read transaction at the same moment and runs
   `quick_check` on that very snapshot meanwhile, on the other core.
2. The scratch copy becomes self-contained (`journal_mode=DELETE`), gets its "taken at"
   stamp, and its header is checked (our id, the schema version, the journal mode).
3. The scratch copy is streamed into a temporary file beside the destination and synced
   (`F_FULLFSYNC` on macOS), then read back from the drive, not from memory (`db/fileio.py`
   says how on each system), to compare byte for byte. `quick_check` misses most flipped
   bytes; the comparison catches them.
4. Only when both checks pass: `os.replace` onto the final name (waiting out a scanner that
   holds the new file for a moment), and `fsync` the folder.

A name the system can't hold (`con.db`, a path over Windows' 260 characters) is refused
before anything is written.

Any failure removes the temporary file: the final name only ever holds a verified backup.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import secrets
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from judo_manager.db.checks import quick_check_problem, snapshot_header_problem
from judo_manager.db.connection import connect, sidecars
from judo_manager.db.contents import Contents, count_contents
from judo_manager.db.drive_errors import describe_write_error, name_problem, sqlite_reason
from judo_manager.db.fileio import (
    SPAN_BYTES,
    bypass_cache,
    copy_into,
    durable_sync,
    fsync_folder,
    hide,
    publish_new_file,
    read_from_device,
    remove_leftover,
    remove_stale,
    replace_file,
    unhide,
    winerror_of,
)
from judo_manager.db.layout import SNAPSHOT_PATTERN
from judo_manager.db.migrations import read_header
from judo_manager.db.stamp import write_stamp
from judo_manager.errors import BackupError, BackupVerificationError, DestinationExistsError
from judo_manager.i18n import Message, _
from judo_manager.progress import spread

Phase = Literal["snapshot", "copying", "verifying"]
ProgressCallback = Callable[[Phase, float], None]
# The hidden file a copy is written to beside its destination, until it is verified.
PARTIAL_PATTERN = ".*.partial"
# Ours, as this version names them (.jm-1a2b3c4d.partial) and as the previous one did
# (.club.db.1a2b3c4d.partial): another program's hidden .partial files are left alone.
OUR_PARTIAL = re.compile(r"\.(jm-|.+\.)[0-9a-f]{8}\.partial")
# The length of ours (.jm-1a2b3c4d.partial): the path limit must leave room for it too.
PARTIAL_NAME_LENGTH = len(".jm-00000000.partial")

# Pages per backup step: small enough for smooth progress, large enough to stay cheap.
PAGES_PER_STEP = 4096
# Each phase's share of the whole job (as measured), for one bar that only moves forward.
PHASE_SPANS: dict[Phase, tuple[float, float]] = {
    "snapshot": (0.0, 0.35),
    "copying": (0.35, 0.85),
    "verifying": (0.85, 1.0),
}


@dataclass(frozen=True)
class WrittenCopy:
    """A verified copy under its final name."""

    path: Path
    bytes: int
    contents: Contents
    taken_at: dt.datetime
    # The last change mark the copy holds (`stamp.write_stamp`); None for an unstamped copy.
    backed_up_through: int | None


def write_verified_copy(
    live_db: Path,
    destination: Path,
    *,
    scratch_dir: Path,
    progress: ProgressCallback | None = None,
    stamp: bool = True,
    read_only: bool = False,
    replace: bool = True,
) -> WrittenCopy:
    """Write a verified snapshot of `live_db` to `destination`, replacing it if it exists.

    `progress` receives the current phase and the fraction (0..1) of the whole job done.
    With `stamp`, the copy records inside itself when it was taken and by which app
    version; a safety copy goes without, so that undoing gives back exactly the old data.
    With `read_only` (the live database's disk can't be written), nothing is written
    beside the live database: `scratch_dir` must then be elsewhere. Without `replace`, a
    file that appears under `destination` meanwhile (another backup racing to the same new
    name) is left alone: DestinationExistsError.
    """
    problem = name_problem(destination, PARTIAL_NAME_LENGTH)
    if problem is not None:
        raise problem
    report = spread(progress, PHASE_SPANS)
    report("snapshot", 0.0)
    scratch_dir.mkdir(parents=True, exist_ok=True)
    snapshot = scratch_dir / SNAPSHOT_PATTERN.replace("*", f"{secrets.token_hex(6)}.db")
    try:
        with ThreadPoolExecutor(max_workers=1) as checker:
            taken = _take_snapshot(live_db, snapshot, report, stamp, checker, read_only)
            size = snapshot.stat().st_size
            temporary = _copy_and_compare(snapshot, destination, size, report)
            try:
                problem = taken.integrity.result()
                if problem:
                    raise BackupVerificationError(
                        _(
                            "The club database failed its check ({problem}). Nothing was "
                            "saved. The database may be damaged: restore your latest backup.",
                            problem=problem,
                        )
                    )
                _publish(temporary, destination, size, replace)
            except BaseException:
                _discard(temporary)
                raise
        report("verifying", 1.0)
        return WrittenCopy(
            destination, size, taken.contents, taken.taken_at, taken.backed_up_through
        )
    finally:
        for leftover in (snapshot, *sidecars(snapshot)):
            _discard(leftover)


@dataclass(frozen=True)
class _Snapshot:
    taken_at: dt.datetime
    contents: Contents
    integrity: Future[Message | None]
    backed_up_through: int | None


def _take_snapshot(
    live_db: Path,
    snapshot: Path,
    report: ProgressCallback,
    stamp: bool,
    pool: ThreadPoolExecutor,
    read_only: bool,
) -> _Snapshot:
    # On a disk nobody can write, a database without a write-ahead log beside it can't change
    # while it is copied; SQLite then needs no shared-memory file, which such a disk can't hold.
    frozen = read_only and not _has_log(live_db)
    source = connect(live_db, read_only=read_only, frozen=frozen)
    target: sqlite3.Connection | None = None
    try:
        target = sqlite3.connect(snapshot, isolation_level=None)
        checker = _pin_same_moment(live_db, source, read_only, frozen)
        integrity = pool.submit(_check_and_close, checker)
        return _copy_snapshot(source, target, report, stamp, integrity)
    except sqlite3.Error as error:
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            raise BackupError(
                _(
                    "The disk is full: there isn't enough free space in {folder} to "
                    "prepare the backup. Free some space and try again; nothing was lost.",
                    folder=snapshot.parent,
                )
            ) from error
        raise BackupError(
            _(
                "The club database could not be read for the backup ({error}).",
                error=sqlite_reason(error),
            )
        ) from error
    finally:
        if target is not None:
            target.close()
        source.close()


def _pin_same_moment(
    live_db: Path, source: sqlite3.Connection, read_only: bool, frozen: bool
) -> sqlite3.Connection:
    """Start read transactions on `source` and on a new read-only checker at one moment.

    Holding the write lock for those few microseconds keeps any commit from landing
    between the two, so the checker checks exactly the snapshot that `source` copies. On a
    read-only disk nobody can commit, and the write lock can't be taken.
    """
    checker = connect(live_db, read_only=True, check_same_thread=False, frozen=frozen)
    if read_only:
        for conn in (source, checker):
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return checker
    pin = connect(live_db)
    try:
        pin.execute("BEGIN IMMEDIATE")
        try:
            for conn in (source, checker):
                conn.execute("BEGIN")
                conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        finally:
            pin.execute("ROLLBACK")
    except BaseException:
        checker.close()
        raise
    finally:
        pin.close()
    return checker


def _has_log(database: Path) -> bool:
    wal = sidecars(database)[0]
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def _check_and_close(checker: sqlite3.Connection) -> Message | None:
    # A read-only connection runs quick_check about twice as fast as a read-write one here.
    try:
        return quick_check_problem(checker)
    finally:
        checker.close()


def _copy_snapshot(
    source: sqlite3.Connection,
    target: sqlite3.Connection,
    report: ProgressCallback,
    stamp: bool,
    integrity: Future[Message | None],
) -> _Snapshot:
    taken_at = dt.datetime.now().astimezone()
    # The scratch file is thrown away after the copy; waiting for the disk buys nothing, and
    # a 500 MB flush would only hold up the app's own small commits.
    target.execute("PRAGMA synchronous = OFF")
    source.backup(
        target,
        pages=PAGES_PER_STEP,
        progress=lambda _status, remaining, total: report(
            "snapshot", (total - remaining) / total if total else 1.0
        ),
    )
    _id, schema_version = read_header(source)
    source.execute("COMMIT")
    target.execute("PRAGMA journal_mode = DELETE")
    backed_up_through = None
    if stamp:
        target.execute("BEGIN")
        backed_up_through = write_stamp(target, taken_at)
        target.execute("COMMIT")
    problem = snapshot_header_problem(target, schema_version)
    if problem:
        raise BackupVerificationError(
            _("The snapshot failed its check ({problem}). Nothing was saved.", problem=problem)
        )
    return _Snapshot(taken_at, count_contents(target), integrity, backed_up_through)


def _copy_and_compare(
    snapshot: Path, destination: Path, size: int, report: ProgressCallback
) -> Path:
    """Stream the snapshot into a temporary file beside `destination` and verify it there.

    The temporary name is short, plain and hidden (a leading dot), so any name the drive
    accepts for the backup itself works.
    """
    # A backup killed mid-copy (a SIGKILL, a power cut, a pulled stick) leaves its hidden
    # partial file, under whatever name it was writing.
    remove_stale(destination.parent, PARTIAL_PATTERN, OUR_PARTIAL)
    temporary = destination.with_name(PARTIAL_PATTERN.replace("*", f"jm-{secrets.token_hex(4)}"))
    try:
        _stream(snapshot, temporary, size, report)
        _compare_from_device(snapshot, temporary, size, report)
    except OSError as error:
        _discard(temporary)
        raise describe_write_error(error, destination, size) from error
    except BaseException:
        _discard(temporary)
        raise
    return temporary


def _stream(snapshot: Path, temporary: Path, size: int, report: ProgressCallback) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    out = os.open(temporary, flags, 0o644)
    try:
        hide(temporary)
        # macOS: written without the cache, so the read-back can't be served from memory.
        bypass_cache(out)
        with snapshot.open("rb") as source:
            copy_into(source, out, size, lambda f: report("copying", f), write_early=True)
        durable_sync(out)
    finally:
        os.close(out)


def _compare_from_device(
    snapshot: Path, temporary: Path, size: int, report: ProgressCallback
) -> None:
    if temporary.stat().st_size != size:
        raise BackupVerificationError(_mismatch_message(temporary))
    with read_from_device(temporary) as (copy, _handle), snapshot.open("rb", buffering=0) as source:
        compared = 0
        while expected := source.read(SPAN_BYTES):
            if copy.read(len(expected)) != expected:
                raise BackupVerificationError(_mismatch_message(temporary))
            compared += len(expected)
            report("verifying", compared / size)


def _mismatch_message(temporary: Path) -> Message:
    return _(
        "The copy in {folder} doesn't match what was written: the drive may be "
        "faulty. Nothing was saved; try another drive.",
        folder=temporary.parent,
    )


def _publish(temporary: Path, destination: Path, size: int, replace: bool) -> None:
    try:
        unhide(temporary)
        if replace:
            replace_file(temporary, destination)
            fsync_folder(destination.parent)
        else:
            publish_new_file(temporary, destination)
    except FileExistsError as error:
        raise DestinationExistsError(destination) from error
    except OSError as error:
        if name_refused(destination, error):
            raise BackupError(
                _(
                    'That file name isn\'t allowed on this drive: "{name}". Use '
                    'letters, digits, dashes and underscores (not : ? * < > | " or \\).',
                    name=destination.name,
                )
            ) from error
        raise describe_write_error(error, destination, size) from error


def name_refused(destination: Path, error: OSError) -> bool:
    """Whether the drive refused the name itself, found by trying a plain name there.

    Drives say it differently (EINVAL from Linux's vfat, EPERM from fusefat, ENOENT or
    EACCES on Windows), and the same codes mean other things; a plain hidden name that the
    same folder accepts at that moment settles it.
    """
    if winerror_of(error) is not None:
        return False  # Windows says which it is (123: a bad name), and describe reads that
    if error.errno not in (errno.EINVAL, errno.EPERM, errno.ENOENT, errno.EACCES, errno.EILSEQ):
        return False
    if destination.exists():
        return False  # the name is taken already, so the drive allows it: the file is locked
    probe = destination.with_name(PARTIAL_PATTERN.replace("*", f"jm-{secrets.token_hex(4)}"))
    try:
        probe.touch(exist_ok=False)
    except OSError:
        return False
    _discard(probe)
    return True


def _discard(path: Path) -> None:
    """Remove a temporary file if it is there; a read-only or vanished drive can't hold one."""
    remove_leftover(path)
