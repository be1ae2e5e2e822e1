"""What Settings shows about the app and its data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judo_manager import __version__
from judo_manager.backup.model import BackupStatus
from judo_manager.backup.status import day_of
from judo_manager.db import Database
from judo_manager.db.contents import Contents, count_contents
from judo_manager.db.health import damage_of, damaged
from judo_manager.db.migrations import read_header
from judo_manager.i18n import Message
from judo_manager.system.preferences import Preferences, PreferencesFile

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class AppInfo:
    """The app's version and where and how big its data is."""

    app_version: str
    schema_version: int
    data_dir: Path
    database_path: Path
    database_bytes: int
    contents: Contents


@dataclass(frozen=True)
class BackupReminder:
    """Whether to remind the coach to back up now, and the day of the last backup."""

    due: bool
    last_backup_on: dt.date | None


class SystemService:
    """Answers questions about the app itself."""

    def __init__(
        self,
        db: Database,
        backup_status: Callable[[dt.date], BackupStatus],
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._db = db
        self._preferences = PreferencesFile(db.folder.root)
        self._backup_status = backup_status
        self._today = today

    def preferences(self) -> Preferences:
        """This computer's choices for the window (zoom, backup reminder)."""
        return self._preferences.read()

    def set_zoom(self, zoom: object) -> Preferences:
        """Remember the window's zoom, one of the usual steps from 50% to 200%."""
        return self._preferences.set_zoom(zoom)

    def set_language(self, choice: object) -> Preferences:
        """Remember the coach's language: one of the app's, or the system's."""
        return self._preferences.set_language(choice)

    def language(self) -> str:
        """The language the app speaks on this computer: the coach's choice, or the
        system's when the coach chose that (English when the app doesn't speak it)."""
        return self._preferences.language()

    def snooze_backup_reminder(self) -> Preferences:
        """Quiet the reminder to back up until tomorrow."""
        return self._preferences.snooze_backup_reminder(self._today())

    def backup_reminder(self) -> BackupReminder:
        """Due when the backup status says another backup is due (`backup.status`: 14 days
        or 50 changes since the last, or none yet while the club holds athletes); quiet on
        a day "Remind me tomorrow" was pressed for."""
        today = self._today()
        status = self._backup_status(today)
        last_on = None if status.last is None else day_of(status.last.finished_at)
        snoozed_until = self._preferences.read().backup_reminder_snoozed_until
        # Pressed for tomorrow: a later day was pressed while the clock ran ahead.
        snoozed = snoozed_until is not None and today < snoozed_until <= today + ONE_DAY
        return BackupReminder(due=status.needs_backup and not snoozed, last_backup_on=last_on)

    def data_folder(self) -> Path:
        """The folder that holds the club's data."""
        return self._db.folder.root

    def data_problem(self) -> Message | None:
        """What is wrong with the club's data on this computer, when it is damaged."""
        damage = damage_of(self._db.path, full_check=False)
        return None if damage is None else damaged(self._db.path, damage).message

    def app_info(self) -> AppInfo:
        """Version, schema version, data folder, database size and what it holds."""
        with self._db.snapshot() as conn:
            _id, schema_version = read_header(conn)
            contents = count_contents(conn)
        return AppInfo(
            app_version=__version__,
            schema_version=schema_version,
            data_dir=self._db.path.parent,
            database_path=self._db.path,
            database_bytes=self._db.size_bytes(),
            contents=contents,
        )
