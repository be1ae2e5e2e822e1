"""Whether the live database can be used, and what its failures mean to a coach.

Damage is looked for at start-up (the header, and SQLite's quick check while the file is
small enough to check at once) and recognised at the first read that hits it. A damaged
file is never replaced by an empty club: the coach is led to restore a backup, and the
restore keeps the damaged file aside (`db/rescue.py`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from judo_manager.db.checks import HeaderProblem, header_problem
from judo_manager.db.connection import connect, sidecars
from judo_manager.db.drive_errors import sqlite_reason
from judo_manager.db.fileio import free_bytes
from judo_manager.db.layout import FULL_BELOW_BYTES
from judo_manager.errors import (
    DamagedDatabaseError,
    DataFolderError,
    DiskFullError,
    JudoManagerError,
    NotADatabaseError,
    ReadOnlyDataError,
)
from judo_manager.i18n import Message, _, in_megabytes

# Checked in full at start-up up to this size: quick_check took 59 ms on a 15 MB club of
# 20,000 athletes here, and a typical club is under 5 MB. A bigger file is checked as it is
# read, and in full before any restore.
QUICK_CHECK_AT_START_BYTES = 16 * 1024 * 1024
RESCUE_HINT = _("Restore it from a backup: the damaged file will be kept aside, as it is.")
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR}


@dataclass(frozen=True)
class Damage:
    """What is wrong with the live database: said of the file ("is empty (0 bytes)")."""

    problem: Message
    # The file isn't even an SQLite database any more (NotADatabaseError).
    not_a_database: bool = False


def damage_of(path: Path, *, full_check: bool) -> Damage | None:
    """What is wrong with the live database at `path`, in coach words; None if it seems sound.

    A missing file is a first start, not damage. With `full_check`, SQLite's quick check
    runs over the whole file; else only over a file small enough to check at once.
    """
    # Only what SQLite calls damage is damage: a full disk, a read-only one or a refused
    # permission is reported as itself by the open that follows.
    try:
        problem = header_problem(path)
        # A checkpoint cut short leaves the file shorter than its header says while the log
        # beside it still holds the rest: that is for SQLite to read, not damage.
        if problem is not None and not (problem.kind == "cut-off" and _has_journal(path)):
            return _describe_header(problem)
        if not full_check and path.stat().st_size > QUICK_CHECK_AT_START_BYTES:
            return None
        conn = connect(path, read_only=True)
        try:
            result = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
        finally:
            conn.close()
    except OSError:
        return None
    except sqlite3.Error as error:
        return (
            Damage(_("can't be read ({error})", error=sqlite_reason(error)))
            if is_damage(error)
            else None
        )
    if result == ["ok"]:
        return None
    return Damage(_("fails SQLite's check ({result})", result=result[0]))


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is damaged (not the disk full or read-only)."""
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _DAMAGE_CODES


def damaged(path: Path | None, damage: Damage) -> DamagedDatabaseError:
    """The error that leads the coach to the rescue; `path` None when it isn't known."""
    error_type = NotADatabaseError if damage.not_a_database else DamagedDatabaseError
    return error_type(
        # Translators: {name} {problem} reads "judo_manager.db is empty (0 bytes)".
        _(
            "Your club's data on this computer is damaged: {name} {problem}. {hint}",
            name=_("The database") if path is None else path.name,
            problem=damage.problem,
            hint=RESCUE_HINT,
        )
    )


def not_a_database(content: Message | None = None) -> Damage:
    """The damage of a file that isn't an SQLite database any more (and what it looks like)."""
    if content is None:
        return Damage(_("isn't a database file at all any more"), not_a_database=True)
    return Damage(
        _("isn't a database file at all any more (it looks like {content})", content=content),
        not_a_database=True,
    )


def describe_database_error(
    error: sqlite3.Error, path: Path | None = None
) -> JudoManagerError | None:
    """The coach's reading of an SQLite failure on the live database, or None if it's a bug.

    Damage, a full disk and a disk gone read-only are the coach's to fix; anything else is
    a fault in the app. `path` names the database where it is known.
    """
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if is_damage(error):
        return damaged(path, Damage(_("can't be read ({error})", error=sqlite_reason(error))))
    # SQLite says "disk I/O error" when it can't make its shared-memory file on a full disk.
    if primary == sqlite3.SQLITE_FULL or (
        primary in _READ_ONLY_CODES and path is not None and _is_full(path.parent)
    ):
        if path is None:
            return DiskFullError(
                _("The disk is full. Free some space and try again; nothing was lost.")
            )
        return DiskFullError(
            _(
                "The disk is full ({folder}). Free some space and try again; nothing was lost.",
                folder=path.parent,
            )
        )
    if primary in _READ_ONLY_CODES:
        if path is None:
            return ReadOnlyDataError(
                _(
                    "Judo Manager can't write to its data folder: the disk is read-only or "
                    "failing. Nothing was lost. Export a backup to another drive now (Settings, "
                    "or `judo-manager backup`), then check the disk."
                )
            )
        return ReadOnlyDataError(
            _(
                "Judo Manager can't write to its data folder ({folder}): the disk is read-only "
                "or failing. Nothing was lost. Export a backup to another drive now (Settings, "
                "or `judo-manager backup`), then check the disk.",
                folder=path.parent,
            )
        )
    if primary == sqlite3.SQLITE_PERM:
        if path is None:
            return DataFolderError(
                _(
                    "Judo Manager isn't allowed to write to its data folder. Check its "
                    "permissions, or choose another with --data-dir."
                )
            )
        return DataFolderError(
            _(
                "Judo Manager isn't allowed to write to its data folder ({folder}). Check its "
                "permissions, or choose another with --data-dir.",
                folder=path.parent,
            )
        )
    return None


def _has_journal(path: Path) -> bool:
    wal, _shm, journal = sidecars(path)
    return (wal.exists() and wal.stat().st_size > 0) or journal.exists()


def _is_full(folder: Path) -> bool:
    try:
        free = free_bytes(folder)
    except OSError:
        return False
    return free is not None and free < FULL_BELOW_BYTES


def _describe_header(problem: HeaderProblem) -> Damage:
    if problem.kind == "empty":
        return Damage(_("is empty (0 bytes)"))
    if problem.kind == "not-sqlite":
        return not_a_database(problem.content)
    if problem.expected:
        return Damage(
            _(
                "is cut off ({size} of {expected} MB)",
                size=in_megabytes(problem.size),
                expected=in_megabytes(problem.expected),
            )
        )
    return Damage(_("is cut off"))
