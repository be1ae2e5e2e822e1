"""What Settings shows about the app and its data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judo_manager import __version__
from judo_manager.db import Database
from judo_manager.db.contents import Contents, count_contents
from judo_manager.db.health import damage_of, damaged
from judo_manager.db.migrations import read_header
from judo_manager.system.preferences import Preferences, PreferencesFile


@dataclass(frozen=True)
class AppInfo:
    """The app's version and where and how big its data is."""

    app_version: str
    schema_version: int
    data_dir: Path
    database_path: Path
    database_bytes: int
    contents: Contents


class SystemService:
    """Answers questions about the app itself."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._preferences = PreferencesFile(db.folder.root)
        self._today = today

    def preferences(self) -> Preferences:
        """This computer's choices for the window (zoom, backup reminder)."""
        return self._preferences.read()

    def set_zoom(self, zoom: object) -> Preferences:
        """Remember the window's zoom, one of the usual steps from 50% to 200%."""
        return self._preferences.set_zoom(zoom)

    def snooze_backup_reminder(self) -> Preferences:
        """Quiet the reminder to back up until tomorrow."""
        return self._preferences.snooze_backup_reminder(self._today())

    def data_folder(self) -> Path:
        """The folder that holds the club's data."""
        return self._db.folder.root

    def data_problem(self) -> str | None:
        """What is wrong with the club's data on this computer, when it is damaged."""
        problem = damage_of(self._db.path, full_check=False)
        return None if problem is None else str(damaged(self._db.path, problem))

    def app_info(self) -> AppInfo:
        """Version, schema version, data folder, database size and what it holds."""
        with self._db.snapshot() as conn:
            _, schema_version = read_header(conn)
            contents = count_contents(conn)
        return AppInfo(
            app_version=__version__,
            schema_version=schema_version,
            data_dir=self._db.path.parent,
            database_path=self._db.path,
            database_bytes=self._db.size_bytes(),
            contents=contents,
        )
