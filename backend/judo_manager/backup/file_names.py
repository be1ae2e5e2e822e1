"""Backup file names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

BACKUP_SUFFIX = ".db"


def default_filename(today: dt.date | None = None) -> str:
    """`judo_manager_backup_YYYY-MM-DD.db`, with the local date."""
    return f"judo_manager_backup_{(today or dt.date.today()).isoformat()}{BACKUP_SUFFIX}"


def with_db_suffix(path: Path) -> Path:
    """Add `.db` when the coach typed a name without it (Qt ignores the dialog's filters)."""
    if path.suffix.lower() == BACKUP_SUFFIX:
        return path
    return path.with_name(path.name + BACKUP_SUFFIX)
