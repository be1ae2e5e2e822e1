"""Export Database: verified backups to a file the coach chose, and the log of attempts."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
import time
from pathlib import Path

from judo_manager.backup import repository
from judo_manager.backup.file_names import default_filename, with_db_suffix
from judo_manager.backup.repository import BackupAttempt
from judo_manager.db import Database
from judo_manager.db.connection import is_part_of
from judo_manager.db.drive_errors import describe_write_error
from judo_manager.db.snapshot import ProgressCallback, write_verified_copy
from judo_manager.errors import BackupError, DestinationExistsError, JudoManagerError
from judo_manager.jobs import JobLock

logger = logging.getLogger(__name__)


class BackupService:
    """Writes verified backups and remembers every attempt."""

    def __init__(self, db: Database, jobs: JobLock) -> None:
        self._db = db
        # Shared with restore: only one backup or restore runs at a time.
        self._jobs = jobs

    def last_backup(self) -> BackupAttempt | None:
        """The most recent successful backup, if any."""
        return repository.last_success(self._db.connection())

    def export(
        self, target: Path, *, replace: bool, progress: ProgressCallback | None = None
    ) -> BackupAttempt:
        """Back up to the file `target`, or into the folder `target` under the default name.

        An existing file is replaced only with `replace`; else DestinationExistsError.
        """
        self._refuse_live_database(target)
        destination = target / default_filename() if target.is_dir() else with_db_suffix(target)
        with self._jobs.exclusive():
            if destination.exists() and not replace:
                raise DestinationExistsError(destination)
            return self._export(destination, progress)

    def _export(self, destination: Path, progress: ProgressCallback | None) -> BackupAttempt:
        destination = destination.absolute()
        started_at = _now()
        clock = time.monotonic()
        try:
            self._refuse_live_database(destination)
            self._check_free_space(destination)
            folder = self._db.folder
            folder.clean_stale()
            written = write_verified_copy(
                self._db.path, destination, scratch_dir=folder.scratch, progress=progress
            )
        except JudoManagerError as error:
            self._record_failure(destination, started_at, clock, str(error))
            raise
        except Exception as error:
            message = f"The backup failed unexpectedly ({error}). Nothing was saved."
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
        self._record(attempt)
        return attempt

    def _record_failure(
        self, destination: Path, started_at: str, clock: float, message: str
    ) -> None:
        failure = BackupAttempt(
            started_at=started_at,
            finished_at=_now(),
            path=destination,
            bytes=None,
            duration_ms=_ms_since(clock),
            contents=None,
            ok=False,
            error=message,
        )
        self._record(failure)

    def _refuse_live_database(self, destination: Path) -> None:
        """Refuse the live database and its side files, before anything is written."""
        if is_part_of(self._db.path, destination):
            raise BackupError(
                "That is the club's live database itself. Choose another name or folder "
                "for the backup."
            )

    def _check_free_space(self, destination: Path) -> None:
        needed = self._db.page_bytes()
        try:
            free = shutil.disk_usage(destination.parent).free
        except OSError as error:
            raise describe_write_error(error, destination, needed) from error
        # The old file stays until the new one is verified, so it frees nothing meanwhile.
        if free < needed:
            raise BackupError(
                f"The drive is full. The backup needs about {needed / 1_000_000:,.1f} MB free "
                f"in {destination.parent}, and only {free / 1_000_000:,.1f} MB are free. "
                "Free some space or choose another drive."
            )

    def _record(self, attempt: BackupAttempt) -> None:
        # The log is a convenience: failing to write it must not hide what happened to the
        # backup itself (a full data folder breaks both at once).
        try:
            with self._db.write() as conn:
                repository.record_attempt(conn, attempt)
        except sqlite3.Error:
            logger.exception("could not record the backup attempt for %s", attempt.path)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _ms_since(clock: float) -> int:
    return round((time.monotonic() - clock) * 1000)
