"""Export Database: from the Settings button or the command line, one verified path."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
import time
from pathlib import Path

from judo_manager.backup import repository
from judo_manager.backup.naming import default_filename, dialog_start_folder, with_db_suffix
from judo_manager.backup.os_errors import describe_write_error
from judo_manager.backup.repository import BackupAttempt
from judo_manager.backup.writer import ProgressCallback, write_backup
from judo_manager.db import Database
from judo_manager.db.connection import is_part_of
from judo_manager.desktop import DesktopWindow
from judo_manager.errors import BackupError, JudoManagerError
from judo_manager.maintenance import MaintenanceLock

SCRATCH_FOLDER = "scratch"
logger = logging.getLogger(__name__)


class BackupService:
    """Writes verified backups and remembers every attempt."""

    def __init__(self, db: Database, window: DesktopWindow, maintenance: MaintenanceLock) -> None:
        self._db = db
        self._window = window
        # Shared with restore: only one backup or restore runs at a time.
        self._maintenance = maintenance

    def last_backup(self) -> BackupAttempt | None:
        """The most recent successful backup, if any."""
        return repository.last_success(self._db.connection())

    def export_with_dialog(self, progress: ProgressCallback | None = None) -> BackupAttempt | None:
        """Ask where to save with the native dialog, then back up; None if the coach cancels."""
        with self._maintenance.exclusive():
            last = self.last_backup()
            chosen = self._window.ask_save_path(
                directory=dialog_start_folder(last.path if last else None),
                filename=default_filename(),
            )
            if chosen is None:
                return None
            self._refuse_live_database(chosen)
            destination = with_db_suffix(chosen)
            if destination != chosen and destination.exists():
                # The dialog confirmed replacing the name typed, not this one.
                raise BackupError(
                    f"A file named {destination.name} already exists in {destination.parent}. "
                    "Choose it in the dialog to replace it, or pick another name."
                )
            return self._export(destination, progress)

    def export_to(self, target: Path, *, force: bool = False) -> BackupAttempt:
        """Back up to a file, or into a folder under the default name (the command line)."""
        self._refuse_live_database(target)
        destination = target / default_filename() if target.is_dir() else with_db_suffix(target)
        if destination.exists() and not force:
            raise BackupError(f"{destination} already exists. Add --force to replace it.")
        with self._maintenance.exclusive():
            return self._export(destination, None)

    def _export(self, destination: Path, progress: ProgressCallback | None) -> BackupAttempt:
        destination = destination.absolute()
        started_at = _now()
        clock = time.monotonic()
        try:
            self._refuse_live_database(destination)
            self._check_free_space(destination)
            written = write_backup(
                self._db.path,
                destination,
                scratch_dir=self._db.path.parent / SCRATCH_FOLDER,
                progress=progress,
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
            athlete_count=written.contents.athletes,
            promotion_count=written.contents.promotions,
            medal_count=written.contents.medals,
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
            athlete_count=None,
            promotion_count=None,
            medal_count=None,
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
        conn = self._db.connection()
        needed = (
            conn.execute("PRAGMA page_count").fetchone()[0]
            * conn.execute("PRAGMA page_size").fetchone()[0]
        )
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
