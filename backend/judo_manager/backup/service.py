"""Export Database: verified backups to a file the coach chose, and the log of attempts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sqlite3
import time
from pathlib import Path

from judo_manager.backup import repository
from judo_manager.backup.file_names import default_filename, with_db_suffix
from judo_manager.backup.model import BackupAttempt, BackupStatus
from judo_manager.backup.status import status_of
from judo_manager.db import Database
from judo_manager.db.connection import is_part_of, sidecars
from judo_manager.db.drive_errors import describe_write_error, reason_of
from judo_manager.db.fileio import free_bytes
from judo_manager.db.layout import clean_stale_system_scratch
from judo_manager.db.snapshot import ProgressCallback, write_verified_copy
from judo_manager.db.stamp import mark_backed_up, read_backed_up_through
from judo_manager.errors import BackupError, DestinationExistsError, JudoManagerError
from judo_manager.i18n import SOURCE_LANGUAGE, Message, _, in_megabytes, translate
from judo_manager.jobs import JobLock

logger = logging.getLogger(__name__)
# The size of each piece of SQLite's shared-memory file (its WAL index).
SHARED_MEMORY_REGION = 32 * 1024


class BackupService:
    """Writes verified backups and remembers every attempt."""

    def __init__(self, db: Database, jobs: JobLock) -> None:
        self._db = db
        # Shared with restore: only one backup or restore runs at a time.
        self._jobs = jobs

    def last_backup(self) -> BackupAttempt | None:
        """The most recent successful backup, if any."""
        return repository.last_success(self._db.connection())

    def status(self, today: dt.date | None = None) -> BackupStatus:
        """How the data stands with its backups on `today` (this computer's by default): the
        last backup, how long ago, what changed since, and whether another is due."""
        # One read, so the last backup and the changes since it are of the same moment.
        with self._db.snapshot() as conn:
            last = repository.last_success(conn)
            changes = repository.changes_after(conn, read_backed_up_through(conn))
            holds_athletes = repository.holds_athletes(conn)
        return status_of(last, today or dt.date.today(), changes, holds_athletes=holds_athletes)

    def export(
        self, target: Path, *, replace: bool, progress: ProgressCallback | None = None
    ) -> BackupAttempt:
        """Back up to the file `target`, or into the folder `target` under the default name.

        An existing file is replaced only with `replace`; else DestinationExistsError.
        """
        self._refuse_live_database(target)
        with self._jobs.exclusive():
            try:  # a pulled stick answers even this with an error
                folder_given = target.is_dir()
                destination = (
                    target / default_filename() if folder_given else with_db_suffix(target)
                )
                exists = destination.exists()
            except OSError as error:
                raise describe_write_error(error, target, 0) from error
            if exists and not replace:
                raise DestinationExistsError(destination)
            return self._export(destination, progress, replace)

    def _export(
        self, destination: Path, progress: ProgressCallback | None, replace: bool
    ) -> BackupAttempt:
        destination = destination.absolute()
        started_at = _now()
        clock = time.monotonic()
        folder = self._db.folder
        # A failing data disk often turns read-only: the backup must still get the data out,
        # writing nothing there. A full one is not read-only while the data is open: the
        # window may still commit, so the snapshot keeps its locks, and only its scratch
        # copy goes elsewhere (`scratch_for`).
        read_only = folder.read_only() or not (folder.writable() or _in_use(self._db.path))
        try:
            self._refuse_live_database(destination)
            needed = self._check_free_space(destination)
            if not read_only:
                folder.clean_stale()
            clean_stale_system_scratch()
            with folder.scratch_for(needed, beside=destination.parent) as scratch:
                written = write_verified_copy(
                    self._db.path,
                    destination,
                    scratch_dir=scratch,
                    progress=progress,
                    read_only=read_only,
                    replace=replace,
                )
        except JudoManagerError as error:
            self._record_failure(destination, started_at, clock, error.message)
            raise
        except Exception as error:
            message = _(
                "The backup failed unexpectedly ({error}). Nothing was saved.",
                error=reason_of(error),
            )
            self._record_failure(destination, started_at, clock, message)
            raise BackupError(message) from error
        attempt = BackupAttempt(
            started_at=started_at,
            finished_at=_now(),
            path=written.path,
            bytes=written.bytes,
            duration_ms=_ms_since(clock),
            contents=written.contents,
            ok=True,
        )
        recorded = self._record(attempt, backed_up_through=written.backed_up_through)
        return dataclasses.replace(attempt, recorded=recorded)

    def carry_history(self, replacement: Path, kind: str, source: Path) -> None:
        """Keep this computer's backup log across a restore or an undo.

        The log tells what was backed up *here*, whatever data is in place: it goes into
        `replacement` (a checked private copy, about to replace the live data) with a record
        of the restore itself. A log that can't be carried is only history; the restore
        goes on without it.
        """
        event = BackupAttempt(
            started_at=_now(),
            finished_at=_now(),
            path=source,
            bytes=replacement.stat().st_size,
            duration_ms=0,
            contents=None,
            ok=True,
            kind=kind,
        )
        try:
            # mode=rw: a staged file that vanished is an error, never a new empty database.
            conn = sqlite3.connect(
                f"{replacement.as_uri()}?mode=rw", uri=True, isolation_level=None
            )
            try:
                repository.carry_history(conn, self._db.path, event)
            finally:
                conn.close()
        except sqlite3.Error as error:
            logger.warning("the backup log was not carried across the %s: %s", kind, error)

    def _record_failure(
        self, destination: Path, started_at: str, clock: float, message: Message
    ) -> None:
        # The log keeps it in English, as the app's logs do: it is for whoever reads the
        # file later, whatever language the window spoke.
        failure = BackupAttempt(
            started_at=started_at,
            finished_at=_now(),
            path=destination,
            bytes=None,
            duration_ms=_ms_since(clock),
            contents=None,
            ok=False,
            error=translate(message, SOURCE_LANGUAGE),
        )
        self._record(failure)

    def _refuse_live_database(self, destination: Path) -> None:
        """Refuse the live database and its side files, before anything is written."""
        if is_part_of(self._db.path, destination):
            raise BackupError(
                _(
                    "That is the club's live database itself. Choose another name or folder "
                    "for the backup."
                )
            )

    def _check_free_space(self, destination: Path) -> int:
        """Refuse a destination without room for the backup; the bytes it needs."""
        # The snapshot holds the file and what its write-ahead log adds: at most their sum.
        needed = self._db.size_bytes()
        try:
            free = free_bytes(destination.parent)
        except OSError as error:
            raise describe_write_error(error, destination, needed) from error
        # The old file stays until the new one is verified, so it frees nothing meanwhile.
        if free is not None and free < needed:
            raise BackupError(
                _(
                    "The drive is full. The backup needs about {needed} MB free "
                    "in {folder}, and only {free} MB are free. "
                    "Free some space or choose another drive.",
                    needed=in_megabytes(needed),
                    folder=destination.parent,
                    free=in_megabytes(free),
                )
            )
        return needed

    def _record(self, attempt: BackupAttempt, *, backed_up_through: int | None = None) -> bool:
        """Log the attempt; False if the data folder can't take it (read-only or full).

        With `backed_up_through`, the last change mark the backup holds, the data records
        that its changes up to there are backed up, in the same transaction as the log.

        The log is a convenience: failing to write it must not hide what happened to the
        backup itself (a full data folder breaks both at once).
        """
        if not self._db.folder.writable():
            return False
        try:
            with self._db.write() as conn:
                repository.record_attempt(conn, attempt)
                if backed_up_through is not None:
                    mark_backed_up(conn, backed_up_through)
        except sqlite3.Error as error:
            logger.warning("could not record the backup attempt for %s: %s", attempt.path, error)
            return False
        return True


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _ms_since(clock: float) -> int:
    return round((time.monotonic() - clock) * 1000)


def _in_use(database: Path) -> bool:
    """Whether some connection has `database` open in WAL mode: its shared-memory file
    holds SQLite's index of the log, in 32 KiB regions. One SQLite failed to grow, on a
    full disk, is shorter (a few bytes)."""
    _wal, shared_memory, _journal = sidecars(database)
    try:
        return shared_memory.stat().st_size >= SHARED_MEMORY_REGION
    except OSError:
        return False
