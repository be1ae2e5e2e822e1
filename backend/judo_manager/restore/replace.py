"""Putting a validated staged copy in place of the live data, atomically.

Two ways, both leaving either the complete old data or the complete new data whatever
moment a crash comes:

- `swap_in`, when nothing of the app holds the live file (the one-writer lock keeps other
  Judo Manager processes out; `Database.replacing_file` this process's threads): the live
  file, its write-ahead log moved into it, gets a second name in the safety folder (a hard
  link: no byte copied), then the staged file is renamed over the live name. Each step is
  one atomic file-system operation, so no intent record is needed: before the rename the
  live name holds the old data (and the safety copy is the same file), after it the new.
- `replace_live_data`, otherwise: SQLite's online backup API copies the staged file into
  the live database in one write transaction. No file is swapped, so connections that other
  threads hold stay valid and simply see the new data after the commit.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from judo_manager.db import Database
from judo_manager.db.connection import sidecars
from judo_manager.db.database import bring_up_to_date
from judo_manager.db.fileio import durable_sync, fsync_folder, remove_leftover, replace_file
from judo_manager.errors import FileInUseError

logger = logging.getLogger(__name__)

# SQLite's default: checkpoint once the write-ahead log passes this many pages.
AUTOCHECKPOINT_PAGES = 1000


def swap_in(db: Database, staged: Path, keep_as: Path) -> bool:
    """Rename `staged` over the live file, which stays whole under `keep_as` (the safety
    copy); True once done. False, with nothing changed, when the file can't be swapped now:
    a thread still reads it, its log can't be emptied, or the drive has no hard links. The
    caller then copies through the backup API instead.
    """
    _make_durable(staged)
    try:
        with db.replacing_file():
            try:
                os.link(db.path, keep_as)
            except OSError as error:
                logger.info("no hard link for the safety copy (%s): copying instead", error)
                return False
            # One file under two names from here: settling the live name settles the copy.
            if not _settled(db.path):
                remove_leftover(keep_as)
                return False
            fsync_folder(keep_as.parent)
            try:
                replace_file(staged, db.path)
            except BaseException:
                remove_leftover(keep_as)  # nothing changed: this copy protects nothing
                raise
            fsync_folder(db.path.parent)
            # Rebuilt from the (absent) log whenever the file is opened.
            remove_leftover(sidecars(db.path)[1])
            bring_up_to_date(db.path)  # back to WAL, as the app keeps its data
    except FileInUseError:
        return False
    return True


def _make_durable(path: Path) -> None:
    with path.open("rb+") as file:
        durable_sync(file.fileno())


def _settled(live: Path) -> bool:
    """Move the live file's write-ahead log into it and leave WAL mode; True when the file
    alone now holds every committed change.

    No log is then left that SQLite could play into another file, and the safety copy (this
    very file) opens without making a log and shared-memory file of its own beside it. A
    crash from here on leaves the live data in rollback-journal mode, which the next start
    switches back (`bring_up_to_date`).
    """
    conn = sqlite3.connect(live, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    finally:
        conn.close()
    wal = sidecars(live)[0]
    return mode == "delete" and not wal.exists()


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
