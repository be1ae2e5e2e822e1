"""The data folder: where it is, and every file and folder the app keeps inside it.

    <data folder>/
        judo_manager.db     the club's data (with -wal and -shm beside it while open)
        scratch/            snapshots being written for a backup or a safety copy
        staging/            private copies of backups being checked for a restore
        safety/             verified copies of the data from before each restore (last 5)

Nothing else in the app spells these names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from judo_manager.db.fileio import remove_stale

APP_NAME = "Judo Manager"
DATA_DIR_ENV = "JUDO_MANAGER_DATA_DIR"
DATABASE_FILENAME = "judo_manager.db"
SNAPSHOT_PATTERN = "snapshot-*"
STAGED_PATTERN = "restore-*"


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder: `--data-dir`, else `$JUDO_MANAGER_DATA_DIR`, else the OS's user data dir."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    from platformdirs import user_data_dir  # only needed here; keeps subcommands quick

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataFolder:
    """The layout of one data folder."""

    root: Path

    @classmethod
    def of(cls, database: Path) -> DataFolder:
        """The data folder that holds `database`."""
        return cls(database.parent)

    @property
    def database(self) -> Path:
        """The club database."""
        return self.root / DATABASE_FILENAME

    @property
    def scratch(self) -> Path:
        """Where backups and safety copies take their snapshot before it is verified."""
        return self.root / "scratch"

    @property
    def staging(self) -> Path:
        """Where a chosen backup is copied before anything looks at it."""
        return self.root / "staging"

    @property
    def safety(self) -> Path:
        """The safety copies that undo a restore."""
        return self.root / "safety"

    def clean_stale(self) -> None:
        """Remove snapshots and staged copies that a killed run left behind a day ago."""
        remove_stale(self.scratch, SNAPSHOT_PATTERN)
        remove_stale(self.staging, STAGED_PATTERN)


def database_path(data_dir: Path) -> Path:
    """The club database inside `data_dir` (as `DataFolder(data_dir).database`)."""
    return DataFolder(data_dir).database
