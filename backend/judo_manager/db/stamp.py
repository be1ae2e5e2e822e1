"""The stamp inside a backup: when it was taken and by which version of the app.

Written into the snapshot just before it is verified, and read back when a backup is
inspected for a restore.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from judo_manager import __version__

TAKEN_AT_KEY = "backup.taken_at"
APP_VERSION_KEY = "backup.app_version"


@dataclass(frozen=True)
class BackupStamp:
    """What a backup says about itself; None where it doesn't say (or says it garbled)."""

    taken_at: dt.datetime | None
    app_version: str | None


def write_stamp(conn: sqlite3.Connection, taken_at: dt.datetime) -> None:
    """Record in the snapshot behind `conn` when it was taken and by this app's version."""
    conn.executemany(
        "INSERT INTO app_settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(TAKEN_AT_KEY, taken_at.isoformat()), (APP_VERSION_KEY, __version__)],
    )


def read_stamp(conn: sqlite3.Connection) -> BackupStamp:
    """The stamp of the backup behind `conn`, as far as it holds one."""
    settings = dict(
        conn.execute(
            "SELECT key, value FROM app_settings WHERE key IN (?, ?)",
            (TAKEN_AT_KEY, APP_VERSION_KEY),
        ).fetchall()
    )
    try:
        taken_at: dt.datetime | None = dt.datetime.fromisoformat(settings[TAKEN_AT_KEY])
    except (KeyError, ValueError, TypeError):  # not stamped by Judo Manager's export, or garbled
        taken_at = None
    version = settings.get(APP_VERSION_KEY)
    return BackupStamp(taken_at, version if isinstance(version, str) else None)
