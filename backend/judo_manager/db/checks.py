"""Checking a database file: its header, its integrity, its schema and its version.

Three callers, one module:
- opening the live database refuses a file that isn't ours or is newer (`check_compatible`);
- a snapshot for a backup or a safety copy is checked before it is published
  (`snapshot_header_problem`, `quick_check_problem`);
- a backup chosen for a restore is checked in full on its private staged copy, never on
  the coach's file: cheap header checks first (`check_file_header`), then SQLite's full
  `integrity_check` (restores are rare, and `quick_check` misses most damage), then whether
  it is ours, not newer than this app, and has exactly the schema of its version
  (`check_backup`); once brought up to this version, every row must fit, and every stored
  file be what its rows say (`check_rows`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from judo_manager.db.connection import SQLITE_HEADER
from judo_manager.db.drive_errors import sqlite_reason
from judo_manager.db.migrations import APPLICATION_ID, SCHEMA_VERSION, read_header
from judo_manager.db.row_checks import first_row_problem
from judo_manager.db.schema import schema_difference
from judo_manager.db.stored_files import first_file_problem
from judo_manager.errors import (
    ForeignDatabaseError,
    NewerDatabaseError,
    RestoreRejectedError,
)
from judo_manager.i18n import Message, _, in_megabytes

# `integrity_check` runs about 1.25 thousand VM steps per page here; progress is an estimate.
STEPS_PER_PAGE = 1.25
PROGRESS_EVERY_STEPS = 1000

KNOWN_FORMATS = {
    b"\xff\xd8\xff": _("a JPEG picture"),
    b"\x89PNG": _("a PNG picture"),
    b"%PDF": _("a PDF document"),
    b"PK\x03\x04": _("a ZIP archive or an Office document"),
}


def check_compatible(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse a file that is not ours or is newer than this app; return its schema version.

    A brand-new empty file (no id, no tables) is accepted as version 0.
    """
    application_id, user_version = read_header(conn)
    if application_id == 0:
        has_tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] > 0
        if has_tables or user_version:
            raise ForeignDatabaseError(
                _(
                    "{name} is a database from another program, not from Judo Manager. "
                    "It has been left untouched.",
                    name=path.name,
                )
            )
    elif application_id != APPLICATION_ID:
        raise ForeignDatabaseError(
            _(
                "{name} belongs to another program, not to Judo Manager. "
                "It has been left untouched.",
                name=path.name,
            )
        )
    if user_version > SCHEMA_VERSION:
        raise NewerDatabaseError(
            _(
                "{name} was saved by a newer version of Judo Manager "
                "(data version {version}; this app knows up to {known}). "
                "Please update the app first. The file has been left untouched.",
                name=path.name,
                version=str(user_version),
                known=str(SCHEMA_VERSION),
            )
        )
    return user_version


def snapshot_header_problem(conn: sqlite3.Connection, expected_version: int) -> Message | None:
    """What is wrong with a snapshot's id, schema version or journal mode, or None."""
    application_id, user_version = read_header(conn)
    if application_id != APPLICATION_ID:
        return _("it is not marked as a Judo Manager database")
    if user_version != expected_version:
        return _(
            "its data version is {version}, expected {expected}",
            version=str(user_version),
            expected=str(expected_version),
        )
    journal_mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if journal_mode != "delete":
        return _("it is in {mode} mode, so it depends on files beside it", mode=journal_mode)
    return None


def quick_check_problem(conn: sqlite3.Connection) -> Message | None:
    """What SQLite's `quick_check` reports, or None when it says ok."""
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        return _("SQLite can't read it ({error})", error=sqlite_reason(error))
    if result != ["ok"]:
        return _("SQLite's quick check reports: {report}", report="; ".join(result[:3]))
    return None


@dataclass(frozen=True)
class ValidFile:
    """What validation learned about a restorable file."""

    schema_version: int
    page_size: int


@dataclass(frozen=True)
class HeaderProblem:
    """What a file's size and first 100 bytes say is wrong with it as a database."""

    kind: Literal["empty", "not-sqlite", "cut-off"]
    content: Message | None = None  # for not-sqlite: what it looks like ("a JPEG picture")
    size: int = 0
    expected: int | None = None  # for cut-off: the size its header promises, when known


def header_problem(path: Path) -> HeaderProblem | None:
    """Whether `path` is empty, not SQLite, or shorter than its header says; else None.

    Reads 100 bytes, whatever the file's size: a 2 GB photo is refused at once.
    """
    size = path.stat().st_size
    if size == 0:
        return HeaderProblem("empty")
    with path.open("rb") as file:
        header = file.read(100)
    if not header.startswith(SQLITE_HEADER):
        return HeaderProblem("not-sqlite", content=_describe_content(header), size=size)
    if len(header) < 100:
        return HeaderProblem("cut-off", size=size)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is only valid when both change counters agree.
    if header[24:28] == header[92:96] and size < pages * page_size:
        return HeaderProblem("cut-off", size=size, expected=pages * page_size)
    return None


def check_file_header(path: Path, name: str) -> None:
    """Refuse an empty, non-SQLite or truncated backup from its first 100 bytes and size."""
    problem = header_problem(path)
    if problem is None:
        return
    if problem.kind == "empty":
        raise RestoreRejectedError(
            _("{name} is empty (0 bytes), so it can't be a backup.", name=name)
        )
    if problem.kind == "not-sqlite":
        raise RestoreRejectedError(
            _(
                "{name} is not a Judo Manager backup: it is {content}, not a database.",
                name=name,
                content=problem.content,
            )
        )
    raise RestoreRejectedError(_truncated(name, problem.size, problem.expected))


def check_backup(
    conn: sqlite3.Connection, name: str, progress: Callable[[float], None]
) -> ValidFile:
    """Run the full integrity check and the Judo Manager checks on an open staged copy."""
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        expected_steps = max(1.0, pages * STEPS_PER_PAGE)
        steps = [0]

        def tick() -> int:
            steps[0] += 1
            progress(min(0.99, steps[0] / expected_steps))
            return 0

        conn.set_progress_handler(tick, PROGRESS_EVERY_STEPS)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        finally:
            conn.set_progress_handler(None, 0)
        if problems != ["ok"]:
            raise RestoreRejectedError(
                _(
                    "{name} is damaged: SQLite found problems inside it ({problem}). "
                    "Use another backup.",
                    name=name,
                    problem=problems[0],
                )
            )
        application_id, user_version = read_header(conn)
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        encoding = conn.execute("PRAGMA encoding").fetchone()[0]
        difference = (
            schema_difference(conn, user_version) if 1 <= user_version <= SCHEMA_VERSION else None
        )
    except sqlite3.DatabaseError as error:
        raise RestoreRejectedError(unreadable_message(name, error)) from error
    if application_id != APPLICATION_ID:
        raise RestoreRejectedError(
            _(
                "{name} is a database from another program, not a Judo Manager backup.",
                name=name,
            )
        )
    if user_version > SCHEMA_VERSION:
        raise RestoreRejectedError(
            _(
                "{name} was made by a newer version of Judo Manager (data version "
                "{version}; this app knows up to {known}). Please update the app "
                "first, then restore it.",
                name=name,
                version=str(user_version),
                known=str(SCHEMA_VERSION),
            )
        )
    if user_version < 1:
        raise RestoreRejectedError(
            _(
                "{name} is marked as Judo Manager's but has no data version. Use another backup.",
                name=name,
            )
        )
    if encoding != "UTF-8":
        # Judo Manager writes UTF-8 only, and SQLite can't attach a file of another encoding
        # to it: the backup log would be lost at this restore and at every later one.
        raise RestoreRejectedError(
            edited_message(
                name, _("it stores its text as {encoding}, not UTF-8", encoding=encoding)
            )
        )
    if difference is not None:
        raise RestoreRejectedError(edited_message(name, difference))
    progress(1.0)
    return ValidFile(schema_version=user_version, page_size=page_size)


def unreadable_message(name: str, error: sqlite3.Error) -> Message:
    """Why a file SQLite fails to read is refused."""
    return _(
        "{name} is damaged and can't be read ({error}). Use another backup.",
        name=name,
        error=sqlite_reason(error),
    )


def edited_message(name: str, difference: Message) -> Message:
    """Why a file whose schema isn't the app's own is refused."""
    return _(
        "{name} can't be restored: {difference}. It may have been edited by another "
        "program. Nothing was changed; use another backup.",
        name=name,
        difference=difference,
    )


def check_rows(conn: sqlite3.Connection, name: str) -> None:
    """Refuse a file, brought up to this app's version, whose schema, rows or stored files
    don't fit it.

    `conn` is writable, on a private copy (see `row_checks.first_row_problem`).
    """
    difference = schema_difference(conn, SCHEMA_VERSION)
    if difference is not None:
        raise RestoreRejectedError(edited_message(name, difference))
    problem = first_row_problem(conn)
    if problem is not None:
        raise RestoreRejectedError(
            _(
                "{name} can't be restored: {problem}. Nothing was changed; fix it in "
                "the program that made it, or use another backup.",
                name=name,
                problem=problem.describe(),
            )
        )
    file_problem = first_file_problem(conn)
    if file_problem is not None:
        raise RestoreRejectedError(
            _(
                "{name} can't be restored: {problem}. Nothing was changed; use another backup.",
                name=name,
                problem=file_problem,
            )
        )


def _describe_content(header: bytes) -> Message:
    for magic, description in KNOWN_FORMATS.items():
        if header.startswith(magic):
            return description
    try:
        header.decode("utf-8")
    except UnicodeDecodeError:
        return _("some other kind of file")
    return _("a text file")


def _truncated(name: str, size: int, expected: int | None) -> Message:
    if expected:
        return _(
            "{name} is incomplete: the file is cut off ({size} of {expected} MB). The copy "
            "was probably interrupted. Use another backup.",
            name=name,
            size=in_megabytes(size),
            expected=in_megabytes(expected),
        )
    return _(
        "{name} is incomplete: the file is cut off. The copy was probably "
        "interrupted. Use another backup.",
        name=name,
    )
