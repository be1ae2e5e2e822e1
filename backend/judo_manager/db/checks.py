"""Checking a database file: its header, its integrity, its schema and its version.

Three callers, one module:
- opening the live database refuses a file that isn't ours or is newer (`check_compatible`);
- a snapshot for a backup or a safety copy is checked before it is published
  (`snapshot_header_problem`, `quick_check_problem`);
- a backup chosen for a restore is checked in full on its private staged copy, never on
  the coach's file: cheap header checks first (`check_file_header`), then SQLite's full
  `integrity_check` (restores are rare, and `quick_check` misses most damage), then whether
  it is ours, not newer than this app, and has exactly the schema of its version
  (`check_backup`); once brought up to this version, every row must fit (`check_rows`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from judo_manager.db.connection import SQLITE_HEADER
from judo_manager.db.migrations import APPLICATION_ID, SCHEMA_VERSION, read_header
from judo_manager.db.row_checks import first_row_problem
from judo_manager.db.schema import schema_difference
from judo_manager.errors import (
    ForeignDatabaseError,
    NewerDatabaseError,
    RestoreRejectedError,
)

# `integrity_check` runs about 1.25 thousand VM steps per page here; progress is an estimate.
STEPS_PER_PAGE = 1.25
PROGRESS_EVERY_STEPS = 1000

KNOWN_FORMATS = {
    b"\xff\xd8\xff": "a JPEG picture",
    b"\x89PNG": "a PNG picture",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or an Office document",
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
                f"{path.name} is a database from another program, not from Judo Manager. "
                "It has been left untouched."
            )
    elif application_id != APPLICATION_ID:
        raise ForeignDatabaseError(
            f"{path.name} belongs to another program, not to Judo Manager. "
            "It has been left untouched."
        )
    if user_version > SCHEMA_VERSION:
        raise NewerDatabaseError(
            f"{path.name} was saved by a newer version of Judo Manager "
            f"(data version {user_version}; this app knows up to {SCHEMA_VERSION}). "
            "Please update the app first. The file has been left untouched."
        )
    return user_version


def snapshot_header_problem(conn: sqlite3.Connection, expected_version: int) -> str | None:
    """What is wrong with a snapshot's id, schema version or journal mode, or None."""
    application_id, user_version = read_header(conn)
    if application_id != APPLICATION_ID:
        return "it is not marked as a Judo Manager database"
    if user_version != expected_version:
        return f"its data version is {user_version}, expected {expected_version}"
    journal_mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if journal_mode != "delete":
        return f"it is in {journal_mode} mode, so it depends on files beside it"
    return None


def quick_check_problem(conn: sqlite3.Connection) -> str | None:
    """What SQLite's `quick_check` reports, or None when it says ok."""
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        return f"SQLite can't read it ({error})"
    if result != ["ok"]:
        return f"SQLite's quick check reports: {'; '.join(result[:3])}"
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
    content: str = ""  # for not-sqlite: what it looks like instead ("a JPEG picture")
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
        raise RestoreRejectedError(f"{name} is empty (0 bytes), so it can't be a backup.")
    if problem.kind == "not-sqlite":
        raise RestoreRejectedError(
            f"{name} is not a Judo Manager backup: it is {problem.content}, not a database."
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
                f"{name} is damaged: SQLite found problems inside it ({problems[0]}). "
                "Use another backup."
            )
        application_id, user_version = read_header(conn)
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        difference = (
            schema_difference(conn, user_version) if 1 <= user_version <= SCHEMA_VERSION else None
        )
    except sqlite3.DatabaseError as error:
        raise RestoreRejectedError(
            f"{name} is damaged and can't be read ({error}). Use another backup."
        ) from error
    if application_id != APPLICATION_ID:
        raise RestoreRejectedError(
            f"{name} is a database from another program, not a Judo Manager backup."
        )
    if user_version > SCHEMA_VERSION:
        raise RestoreRejectedError(
            f"{name} was made by a newer version of Judo Manager (data version "
            f"{user_version}; this app knows up to {SCHEMA_VERSION}). Please update the app "
            "first, then restore it."
        )
    if user_version < 1:
        raise RestoreRejectedError(
            f"{name} is marked as Judo Manager's but has no data version. Use another backup."
        )
    if difference is not None:
        raise RestoreRejectedError(edited_message(name, difference))
    progress(1.0)
    return ValidFile(schema_version=user_version, page_size=page_size)


def edited_message(name: str, difference: str) -> str:
    """Why a file whose schema isn't the app's own is refused."""
    return (
        f"{name} can't be restored: {difference}. It may have been edited by another "
        "program. Nothing was changed; use another backup."
    )


def check_rows(conn: sqlite3.Connection, name: str) -> None:
    """Refuse a file, brought up to this app's version, whose schema or rows don't fit it.

    `conn` is writable, on a private copy (see `row_checks.first_row_problem`).
    """
    difference = schema_difference(conn, SCHEMA_VERSION)
    if difference is not None:
        raise RestoreRejectedError(edited_message(name, difference))
    problem = first_row_problem(conn)
    if problem is not None:
        raise RestoreRejectedError(
            f"{name} can't be restored: {problem.describe()}. Nothing was changed; fix it in "
            "the program that made it, or use another backup."
        )


def _describe_content(header: bytes) -> str:
    for magic, description in KNOWN_FORMATS.items():
        if header.startswith(magic):
            return description
    try:
        header.decode("utf-8")
    except UnicodeDecodeError:
        return "some other kind of file"
    return "a text file"


def _truncated(name: str, size: int, expected: int | None) -> str:
    have = f" ({size / 1_000_000:,.1f} of {expected / 1_000_000:,.1f} MB)" if expected else ""
    return (
        f"{name} is incomplete: the file is cut off{have}. The copy was probably "
        "interrupted. Use another backup."
    )
