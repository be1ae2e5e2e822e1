"""Writing one verified copy of the live database: a backup, or a safety copy.

The copy is a single moment even while the app keeps writing: SQLite's online backup API
copies it from one read transaction, which in WAL mode blocks nobody, and progress is
reported step by step. A read-only checker connection starts its read transaction at the
same moment and meanwhile runs `quick_check` on that very snapshot and counts what it holds,
on the other core. The copy is then made self-contained (its header marked for a rollback
journal), gets its "taken at" stamp, and its header is checked (our id, the schema version,
the journal mode). It is synced (`F_FULLFSYNC` on macOS) and read back from the drive, not
from memory, to compare byte for byte: `quick_check` misses most flipped bytes. Only when
every check passes does it take the final name (`os.replace`, waiting out a scanner that
holds the new file for a moment), and the folder is synced.

How it gets to the destination depends on what the destination's file system can vouch for
(`fileio.keeps_written_pages`):

- In one copy, on Linux's ext4 and xfs: SQLite writes the copy straight into a hidden
  temporary file beside the destination, and `db/read_back.py` compares what the drive
  returns with the pages the system kept of it. Should the system evict some of those
  before the check, the rest is compared with a second copy of the same moment, made the
  same way in the scratch folder (on the data disk, or on any drive but the destination's),
  and the copy on the destination isn't written again; only where that can't be done is
  the copy made again the other way.
  The read transaction lasts until the check is done, so the live write-ahead log grows
  by what the app commits meanwhile, and is emptied at its next checkpoint.
- Through a scratch copy everywhere else (FAT and exFAT sticks, FUSE drivers, network
  shares, macOS, Windows): the snapshot goes to a scratch file on the data disk first, is
  streamed into the temporary file beside the destination, and the drive's copy is
  compared with the scratch file. Two copies, but a reference that isn't the drive itself.

A name the system can't hold (`con.db`, a path over Windows' 260 characters) is refused
before anything is written.

Any failure removes the temporary file: the final name only ever holds a verified backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
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
from judo_manager.db.drive_errors import (
    describe_scratch_read_error,
    describe_write_error,
    name_problem,
    sqlite_reason,
)
from judo_manager.db.fileio import (
    SPAN_BYTES,
    SourceReadError,
    bypass_cache,
    copy_into,
    durable_sync,
    fsync_folder,
    hide,
    keeps_written_pages,
    publish_new_file,
    read_from_device,
    read_source,
    remove_leftover,
    remove_stale,
    replace_file,
    start_writeback,
    unhide,
    winerror_of,
)
from judo_manager.db.layout import OUR_SNAPSHOT, SNAPSHOT_PATTERN, new_snapshot_name
from judo_manager.db.migrations import read_header
from judo_manager.db.read_back import Comparison, ReadBack, Verdict
from judo_manager.db.stamp import write_stamp
from judo_manager.errors import BackupError, BackupVerificationError, DestinationExistsError
from judo_manager.i18n import Message, _
from judo_manager.progress import spread

logger = logging.getLogger(__name__)

Phase = Literal["snapshot", "copying", "verifying"]
ProgressCallback = Callable[[Phase, float], None]
# The hidden file a copy is written to beside its destination, until it is verified.
PARTIAL_PATTERN = ".*.partial"
# Ours, as this version names them (.jm-1a2b3c4d.partial) and as the previous one did
# (.club.db.1a2b3c4d.partial, every backup's name ending in .db or .DB): another program's hidden
# .partial files (rclone's .photos.tar.1a2b3c4d.partial) are left alone.
OUR_PARTIAL = re.compile(r"\.(jm-|.+\.(?i:db)\.)[0-9a-f]{8}\.partial")
# The length of ours (.jm-1a2b3c4d.partial): the path limit must leave room for it too.
PARTIAL_NAME_LENGTH = len(".jm-00000000.partial")

# Pages per backup step: small enough for smooth progress, large enough to stay cheap.
PAGES_PER_STEP = 4096
# Each phase's share of the whole job (as measured), for one bar that only moves forward:
# through a scratch copy, and in one copy.
PHASE_SPANS: dict[Phase, tuple[float, float]] = {
    "snapshot": (0.0, 0.35),
    "copying": (0.35, 0.85),
    "verifying": (0.85, 1.0),
}
ONE_COPY_SPANS: dict[Phase, tuple[float, float]] = {
    "copying": (0.0, 0.9),
    "verifying": (0.9, 1.0),
}
# Header bytes 18 and 19, the file format versions: 1 for a rollback journal, 2 for WAL.
# The backup API copies the live file's 2 (WAL); the copy must stand alone, without one.
FORMAT_VERSIONS_OFFSET = 18
ROLLBACK_JOURNAL_FORMAT = b"\x01\x01"
# SQLite's answers that may be the destination drive failing, not the live database.
DRIVE_FAILURES = frozenset(
    {sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}
)
# ...except reading, which is the live database's side.
SOURCE_READ_FAILURES = frozenset({sqlite3.SQLITE_IOERR_READ, sqlite3.SQLITE_IOERR_SHORT_READ})


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
    `scratch_dir` holds the scratch copy where one is needed (see above). With `read_only`
    (the live database's disk can't be written), the live database is only read, taking no
    lock, and `scratch_dir` must be elsewhere. Without `replace`, a file that appears under
    `destination` meanwhile (another backup racing to the same new name) is left alone:
    DestinationExistsError.
    """
    problem = name_problem(destination, PARTIAL_NAME_LENGTH)
    if problem is not None:
        raise problem
    # A backup killed mid-copy (a SIGKILL, a power cut, a pulled stick) leaves its hidden
    # partial file, under whatever name it was writing; and its snapshot, if no other disk
    # had room for one (`DataFolder.scratch_for`).
    remove_stale(destination.parent, PARTIAL_PATTERN, OUR_PARTIAL)
    remove_stale(destination.parent, SNAPSHOT_PATTERN, OUR_SNAPSHOT)
    report = _forward_only(progress)
    # What "too big for this drive" and "full" are told with, should writing fail.
    expected = _size_or_zero(live_db)

    def in_one_copy(temporary: Path, checker: ThreadPoolExecutor) -> _Snapshot:
        one_copy = spread(report, ONE_COPY_SPANS)
        return _write_in_one_copy(
            live_db, temporary, scratch_dir, one_copy, stamp, checker, read_only
        )

    def through_scratch(temporary: Path, checker: ThreadPoolExecutor) -> _Snapshot:
        two_copies = spread(report, PHASE_SPANS)
        return _write_through_scratch(
            live_db, temporary, scratch_dir, two_copies, stamp, checker, read_only
        )

    if keeps_written_pages(destination.parent):
        try:
            return _write(destination, replace, expected, in_one_copy)
        except _ReferenceLostError:
            # The system needed the memory: check this one the other way, from the start.
            logger.warning("the pages of the backup to %s left memory; copying again", destination)
    return _write(destination, replace, expected, through_scratch)


class _ReferenceLostError(Exception):
    """The pages a copy was to be checked against left memory before the check."""


def _write(
    destination: Path,
    replace: bool,
    expected: int,
    write: Callable[[Path, ThreadPoolExecutor], _Snapshot],
) -> WrittenCopy:
    """Run `write` into a new hidden temporary file beside `destination`, wait for the
    checker, and publish the copy under `destination` if every check passed. `expected` is
    about the size of the copy."""
    # Short, plain and hidden (a leading dot): any name the drive accepts for the backup
    # itself works for it too.
    temporary = destination.with_name(PARTIAL_PATTERN.replace("*", f"jm-{secrets.token_hex(4)}"))
    try:
        with ThreadPoolExecutor(max_workers=1) as checker:
            taken = write(temporary, checker)
            problem, contents = taken.checked.result()
        if problem:
            raise BackupVerificationError(
                _(
                    "The club database failed its check ({problem}). Nothing was "
                    "saved. The database may be damaged: restore your latest backup.",
                    problem=problem,
                )
            )
        _publish(temporary, destination, taken.bytes, replace)
    except OSError as error:
        _discard_with_sidecars(temporary)
        if isinstance(error, SourceReadError) and not _on_drive_of(error.filename, destination):
            # The snapshot's disk failed, not the destination's (`DataFolder.scratch_for`).
            raise describe_scratch_read_error(error) from error
        raise describe_write_error(error, destination, expected) from error
    except BaseException:
        _discard_with_sidecars(temporary)
        raise
    return WrittenCopy(destination, taken.bytes, contents, taken.taken_at, taken.backed_up_through)


def _on_drive_of(path: str, destination: Path) -> bool:
    """Whether the file `path` is on the drive `destination` is written to; a drive that
    no longer answers is taken for the destination's (a pulled stick)."""
    try:
        return Path(path).parent.stat().st_dev == destination.parent.stat().st_dev
    except OSError:
        return True


def _forward_only(progress: ProgressCallback | None) -> ProgressCallback | None:
    """`progress`, never moving back: a copy checked again from the start goes on from
    where the bar is."""
    if progress is None:
        return None
    furthest = [0.0]

    def report(phase: Phase, fraction: float) -> None:
        furthest[0] = max(furthest[0], fraction)
        progress(phase, furthest[0])

    return report


@dataclass(frozen=True)
class _Snapshot:
    bytes: int
    taken_at: dt.datetime
    # What the checker found wrong with the live snapshot (or None), and what it holds.
    checked: Future[tuple[Message | None, Contents]]
    backed_up_through: int | None


def _write_in_one_copy(
    live_db: Path,
    temporary: Path,
    scratch_dir: Path,
    report: ProgressCallback,
    stamp: bool,
    pool: ThreadPoolExecutor,
    read_only: bool,
) -> _Snapshot:
    """Copy the live database straight into `temporary`, stamp it, sync it and check it
    against the drive, in one copy; `scratch_dir` holds a second copy to check against
    should the pages kept of the first leave memory."""
    handle = _create_hidden(temporary)
    source: sqlite3.Connection | None = None
    checker: sqlite3.Connection | None = None
    try:
        # On a disk nobody can write, a database without a write-ahead log beside it can't
        # change while it is copied; SQLite then needs no shared-memory file, which such a
        # disk can't hold.
        frozen = read_only and not _has_log(live_db)
        try:
            source = connect(live_db, read_only=read_only, frozen=frozen)
            taken_at = dt.datetime.now().astimezone()
            checker = _pin_same_moment(live_db, source, read_only, frozen)
        except sqlite3.Error as error:
            # Nothing but the live data touched yet: its disk failed, not the destination's.
            raise _unreadable_live_data(error) from error
        checked = pool.submit(_check_count_and_close, checker)
        # `source` keeps its read transaction until the check is done: a second copy of the
        # very same moment may be needed to check against (`_check_against_second_copy`).
        schema_version = _copy_pages(
            source, temporary, handle, lambda f: report("copying", f), write_early=True
        )
        backed_up_through = _make_standalone(temporary, handle, schema_version, taken_at, stamp)
        durable_sync(handle)
        size = os.fstat(handle).st_size
        report("verifying", 0.0)
        with ReadBack(temporary) as read_back:
            found = read_back.compare(size, lambda f: report("verifying", f))
        if found.verdict is Verdict.UNKNOWN:
            found = _check_against_second_copy(
                temporary,
                size,
                start=found.matched,
                live_db=live_db,
                source=source,
                scratch_dir=scratch_dir,
                taken_at=taken_at,
                stamp=stamp,
                report=report,
            )
        if found.verdict is Verdict.UNKNOWN:
            raise _ReferenceLostError
        if found.verdict is Verdict.DIFFERS:
            raise BackupVerificationError(_mismatch_message(temporary))
        return _Snapshot(size, taken_at, checked, backed_up_through)
    except BaseException as error:
        if checker is not None:
            # Its quick_check would only keep the coach waiting; closed already if it is done.
            with contextlib.suppress(sqlite3.ProgrammingError):
                checker.interrupt()
        if isinstance(error, sqlite3.Error):
            raise _reading_or_writing_failure(error, temporary) from error
        raise
    finally:
        os.close(handle)
        if source is not None:
            source.close()


def _create_hidden(temporary: Path) -> int:
    """Create the empty temporary file, hidden, and open it for writing; never one that is
    already there."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temporary, flags, 0o644)
    try:
        hide(temporary)
    except BaseException:
        os.close(handle)
        raise
    return handle


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


def _check_count_and_close(checker: sqlite3.Connection) -> tuple[Message | None, Contents]:
    # A read-only connection runs quick_check about twice as fast as a read-write one here.
    # It counts the same snapshot the copy holds: its read transaction began with the copy's.
    try:
        problem = quick_check_problem(checker)
        return problem, (count_contents(checker) if problem is None else Contents({}))
    except sqlite3.Error as error:  # quick_check passed, but a table can't be counted
        return _("SQLite can't read it ({error})", error=sqlite_reason(error)), Contents({})
    finally:
        checker.close()


def _copy_pages(
    source: sqlite3.Connection,
    temporary: Path,
    handle: int,
    progress: Callable[[float], None],
    *,
    write_early: bool,
) -> int:
    """Copy every page of the snapshot `source` holds into `temporary` (`handle` is open on
    it), reporting the fraction (0..1) copied; the schema version it holds.

    `source`'s read transaction stays open. The copy is synced and checked afterwards:
    while it is written it needs no journal (a failed copy is thrown away) and no syncs of
    SQLite's own. With `write_early`, what is written is handed to the drive step by step,
    so the final sync doesn't wait for all of it.
    """
    target = sqlite3.connect(temporary, isolation_level=None)
    try:
        target.execute("PRAGMA journal_mode = OFF")
        target.execute("PRAGMA synchronous = OFF")

        def copied(_status: int, remaining: int, total: int) -> None:
            if write_early:
                start_writeback(handle)
            progress((total - remaining) / total if total else 1.0)

        source.backup(target, pages=PAGES_PER_STEP, progress=copied)
        _id, schema_version = read_header(source)
    finally:
        target.close()
    return schema_version


def _ignore(_fraction: float) -> None:
    """Progress nobody is shown: the bar holds still while a second copy is made."""


def _make_standalone(
    temporary: Path, handle: int, schema_version: int, taken_at: dt.datetime, stamp: bool
) -> int | None:
    """Turn the pages copied into `temporary` into a backup of its own: a header without a
    write-ahead log, the stamp (if `stamp`), checked; the last change mark it holds, when
    stamped."""
    # The backup API copied the live file's header, which says WAL. Set while no
    # connection has the file open, so no SQLite cache holds the old header.
    os.pwrite(handle, ROLLBACK_JOURNAL_FORMAT, FORMAT_VERSIONS_OFFSET)
    return _stamp_and_check(temporary, schema_version, taken_at, stamp)


def _check_against_second_copy(
    temporary: Path,
    size: int,
    *,
    start: int,
    live_db: Path,
    source: sqlite3.Connection,
    scratch_dir: Path,
    taken_at: dt.datetime,
    stamp: bool,
    report: ProgressCallback,
) -> Comparison:
    """Check the drive's copy `temporary` from `start` on against a second copy of the same
    snapshot of `live_db`, made the same way in `scratch_dir`: the pages the system kept of
    the first left memory, and the drive can't be its own reference.

    The same moment copied and stamped the same way gives the same bytes, so the copy on
    the drive needn't be written again, which on a slow stick is most of the time. Where
    no second copy can be made, or it differs, the answer stays open (`Verdict.UNKNOWN`):
    whether it is the drive is for a copy made the other way to find out. OSError: the
    drive failed while read.
    """
    logger.warning("the pages of %s left memory; checking it against a second copy", temporary)
    second = _scratch_file(scratch_dir)
    try:
        if not _make_second_copy(live_db, source, second, temporary, taken_at, stamp):
            return Comparison(Verdict.UNKNOWN, start)
        if second.stat().st_size != size:
            logger.warning("a second copy of %s has another length", temporary)
            return Comparison(Verdict.UNKNOWN, start)
        with ReadBack(temporary, reference=second) as read_back:
            found = read_back.compare(size, lambda f: report("verifying", f), start=start)
    finally:
        _discard_with_sidecars(second)
    if found.verdict is not Verdict.MATCHES:
        logger.warning(
            "%s and a second copy of it: %s in the span from byte %d",
            temporary,
            found.verdict.value,
            found.matched,
        )
        return Comparison(Verdict.UNKNOWN, start)
    return found


def _make_second_copy(
    live_db: Path,
    source: sqlite3.Connection,
    second: Path,
    temporary: Path,
    taken_at: dt.datetime,
    stamp: bool,
) -> bool:
    """Copy the snapshot of `live_db` that `source` holds into `second` and make it stand
    alone, as `temporary` was; False (and why, in the log) where it can't be a reference
    for it."""
    try:
        second.parent.mkdir(parents=True, exist_ok=True)
        drive = second.parent.stat().st_dev
        if drive == temporary.parent.stat().st_dev and drive != live_db.parent.stat().st_dev:
            # On the destination's own drive (where the data disk had no room), its pages
            # could be read back from that drive, which a fake-capacity stick answers with
            # the same wrong bytes for both, and be written there after what was checked of
            # the first. The data disk is trusted as the live data's own.
            logger.warning("no second copy of %s: only its own drive has room", temporary)
            return False
        handle = os.open(second, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            # Not handed to the drive early: removed as soon as it is compared, it may
            # never have to be written to the disk at all.
            schema_version = _copy_pages(source, second, handle, _ignore, write_early=False)
            _make_standalone(second, handle, schema_version, taken_at, stamp)
        finally:
            os.close(handle)
    except (OSError, sqlite3.Error, BackupVerificationError) as error:
        logger.warning("no second copy of %s: %s", temporary, error)
        return False
    return True


def _scratch_file(scratch_dir: Path) -> Path:
    """A new name for a snapshot in `scratch_dir`, which the clean-ups know."""
    return scratch_dir / new_snapshot_name()


def _stamp_and_check(
    temporary: Path, schema_version: int, taken_at: dt.datetime, stamp: bool
) -> int | None:
    """Stamp the copy (if `stamp`) and check its header and its length; the last change mark
    it holds, when stamped."""
    target = sqlite3.connect(temporary, isolation_level=None)
    try:
        # Its journal stays in memory: a stamp that fails halfway spoils only this copy,
        # which is then thrown away.
        target.execute("PRAGMA journal_mode = MEMORY")
        target.execute("PRAGMA synchronous = OFF")
        backed_up_through = _stamped(target, taken_at, stamp)
        target.execute("PRAGMA journal_mode = DELETE")
        problem = snapshot_header_problem(target, schema_version)
        pages = int(target.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(target.execute("PRAGMA page_size").fetchone()[0])
    finally:
        target.close()
    if problem is None and pages * page_size != temporary.stat().st_size:
        problem = _("its length doesn't match the pages it says it holds")
    if problem:
        raise BackupVerificationError(
            _("The snapshot failed its check ({problem}). Nothing was saved.", problem=problem)
        )
    return backed_up_through


def _stamped(target: sqlite3.Connection, taken_at: dt.datetime, stamp: bool) -> int | None:
    """Stamp the copy behind `target` (`stamp.write_stamp`) unless `stamp` is off; the last
    change mark it holds, when stamped."""
    if not stamp:
        return None
    target.execute("BEGIN")
    backed_up_through = write_stamp(target, taken_at)
    target.execute("COMMIT")
    return backed_up_through


def _reading_or_writing_failure(error: sqlite3.Error, temporary: Path) -> Exception:
    """What an SQLite error during the copy means: the destination drive failing (an
    OSError, which the caller words for the coach) or the live data unreadable."""
    code = getattr(error, "sqlite_errorcode", None) or 0
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(temporary))
    if code & 0xFF in DRIVE_FAILURES and code not in SOURCE_READ_FAILURES:
        # SQLite only says that writing failed, not why; the drive's own answer does, and a
        # drive that answers nothing wrong now failed for a moment (a loose plug).
        return _drive_failure(temporary) or OSError(errno.EIO, sqlite_reason(error))
    return _unreadable_live_data(error)


def _unreadable_live_data(error: sqlite3.Error) -> BackupError:
    return BackupError(
        _(
            "The club database could not be read for the backup ({error}).",
            error=sqlite_reason(error),
        )
    )


def _drive_failure(temporary: Path) -> OSError | None:
    """What the destination drive answers to a small write of our own now; None if it takes
    it. SQLite only says that writing failed, not why; the drive's own answer does."""
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        try:
            os.write(fd, bytes(4096))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        return error
    return None


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _write_through_scratch(
    live_db: Path,
    temporary: Path,
    scratch_dir: Path,
    report: ProgressCallback,
    stamp: bool,
    pool: ThreadPoolExecutor,
    read_only: bool,
) -> _Snapshot:
    """Take the snapshot into a scratch file, stream it into `temporary` and compare the
    drive's copy with the scratch file."""
    scratch_dir.mkdir(parents=True, exist_ok=True)
    snapshot = _scratch_file(scratch_dir)
    try:
        taken = _take_snapshot(live_db, snapshot, report, stamp, pool, read_only)
        _copy_and_compare(snapshot, temporary, taken.bytes, report)
        return taken
    finally:
        _discard_with_sidecars(snapshot)


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
        taken_at = dt.datetime.now().astimezone()
        checker = _pin_same_moment(live_db, source, read_only, frozen)
        checked = pool.submit(_check_count_and_close, checker)
        # The scratch file is thrown away after the copy; waiting for the disk buys nothing,
        # and a 500 MB flush would only hold up the app's own small commits.
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
        backed_up_through = _stamped(target, taken_at, stamp)
        problem = snapshot_header_problem(target, schema_version)
        if problem:
            raise BackupVerificationError(
                _("The snapshot failed its check ({problem}). Nothing was saved.", problem=problem)
            )
        return _Snapshot(snapshot.stat().st_size, taken_at, checked, backed_up_through)
    except sqlite3.Error as error:
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            raise BackupError(
                _(
                    "The disk is full: there isn't enough free space in {folder} to "
                    "prepare the backup. Free some space and try again; nothing was lost.",
                    folder=snapshot.parent,
                )
            ) from error
        raise _unreadable_live_data(error) from error
    finally:
        if target is not None:
            target.close()
        source.close()


def _copy_and_compare(snapshot: Path, temporary: Path, size: int, report: ProgressCallback) -> None:
    """Stream the snapshot into `temporary` and verify it there."""
    _stream(snapshot, temporary, size, report)
    _compare_from_device(snapshot, temporary, size, report)


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
        while expected := read_source(source, SPAN_BYTES):
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


def _discard_with_sidecars(path: Path) -> None:
    """Remove a temporary database and any journal SQLite left beside it."""
    for leftover in (path, *sidecars(path), path.with_name(path.name + "-journal")):
        _discard(leftover)


def _discard(path: Path) -> None:
    """Remove a temporary file if it is there; a read-only or vanished drive can't hold one."""
    remove_leftover(path)
