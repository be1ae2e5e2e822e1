"""Copying a validated staged copy over the live data, atomically: the way a restore goes
where the live file can't be renamed (`db/swap.py`): another thread or program has it open,
or the system (Windows) refuses to rename open files.

SQLite's online backup API copies the staged file into the live database in one step: one
write transaction on the live file, so a crash at any moment leaves either the complete old
data or the complete new data. No file is swapped, so connections that other threads hold
stay valid and simply see the new data after the commit.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from judo_manager.db import Database

logger = logging.getLogger(__name__)

# SQLite's default: checkpoint once the write-ahead log passes this many pages.
AUTOCHECKPOINT_PAGES = 1000


def replace_live_data(db: Database, staged: Path) -> None:
    """Copy `staged` over the live data in one transaction, holding the app's write lock.

    The new pages land in the write-ahead log; `checkpoint` moves them into the file later.
    """
    source = sqlite3.connect(f"{staged.as_uri()}?mode=ro", uri=True)
    try:
        with db.exclusive() as live:
            live.execute("PRAGMA wal_autocheckpoint = 0")
            try:
                source.backup(live, pages=-1)
            finally:
                # Even a copy that failed midway may have changed pages: what was read
                # before is treated as gone.
                db.data_replaced()
                live.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
    finally:
        source.close()


def checkpoint(db: Database) -> None:
    """Move the write-ahead log into the database file; the app may write meanwhile.

    The new data is already committed, so a failure here changes nothing for the coach:
    SQLite checkpoints again on its own later.
    """
    try:
        db.connection().execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error:
        logger.exception("checkpoint after a restore failed; SQLite will retry")
