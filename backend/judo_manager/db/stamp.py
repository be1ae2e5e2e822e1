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
# The last change mark (`change_marks`) a backup holds: what is marked after it changed since.
BACKED_UP_THROUGH_KEY = "changes.backed_up_through"


@dataclass(frozen=True)
class BackupStamp:
    """What a backup says about itself; None where it doesn't say (or says it garbled)."""

    taken_at: dt.datetime | None
    app_version: str | None


def write_stamp(conn: sqlite3.Connection, taken_at: dt.datetime) -> int:
    """Record in the snapshot behind `conn` when it was taken, by this app's version, and
    that every change it holds is backed up; return its last change mark, which the live
    data records too once the backup is verified (`mark_backed_up`)."""
    backed_up_through = conn.execute("SELECT coalesce(max(mark), 0) FROM change_marks").fetchone()
    conn.executemany(
        _SET,
        [
            (TAKEN_AT_KEY, taken_at.isoformat()),
            (APP_VERSION_KEY, __version__),
            (BACKED_UP_THROUGH_KEY, str(backed_up_through[0])),
        ],
    )
    return int(backed_up_through[0])


def mark_backed_up(conn: sqlite3.Connection, backed_up_through: int) -> None:
    """Record in the live data behind `conn` that its changes up to the mark
    `backed_up_through` are in a verified backup. A later mark already recorded stays (two
    backups finishing out of order); a garbled record (`read_backed_up_through`) is
    replaced."""
    recorded = read_backed_up_through(conn)
    if recorded is None or recorded < backed_up_through:
        conn.execute(_SET, (BACKED_UP_THROUGH_KEY, str(backed_up_through)))


def read_backed_up_through(conn: sqlite3.Connection) -> int | None:
    """The last change mark the data behind `conn` knows to be in a backup; None if it knows
    of none (never backed up, or the record is garbled: a file from outside).

    Marks only grow and a backup records one its data holds, so a record past the data's
    last mark (or below 0) is garbled too: believed, it would hide every change until the
    marks caught up with it, and a huge one can't even be handed to SQLite."""
    row = conn.execute(
        "SELECT value, (SELECT coalesce(max(mark), 0) FROM change_marks) "
        "FROM app_settings WHERE key = ?",
        (BACKED_UP_THROUGH_KEY,),
    ).fetchone()
    if row is None:
        return None
    value, last_mark = row
    try:
        recorded = int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: a REAL that is infinite
        return None
    return recorded if 0 <= recorded <= last_mark else None


_SET = (
    "INSERT INTO app_settings(key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
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
