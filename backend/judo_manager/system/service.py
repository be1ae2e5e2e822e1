"""What Settings shows about the app and its data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from judo_manager import __version__
from judo_manager.db import Database
from judo_manager.db.contents import Contents, count_contents
from judo_manager.db.health import damage_of, damaged
from judo_manager.db.migrations import read_header


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

    def __init__(self, db: Database) -> None:
        self._db = db

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
