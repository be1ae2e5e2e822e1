"""Ordered schema migrations, bookkept in `PRAGMA user_version`.

Each migration is a function applied inside one transaction together with the new
`user_version`, so a crash leaves the schema at a whole version. `PRAGMA application_id`
marks the file as Judo Manager's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from judo_manager.errors import ForeignDatabaseError, NewerDatabaseError

# "JUDO" in ASCII.
APPLICATION_ID = 0x4A55444F

Migration = Callable[[sqlite3.Connection], None]


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction.

    `Connection.executescript` would commit the open transaction first, which would make a
    migration half-applied after a crash.
    """
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                conn.execute(statement)
            statement = ""


def _v1_initial(conn: sqlite3.Connection) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE clubs (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
            federation  TEXT,
            city        TEXT,
            created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE TABLE athletes (
            id          INTEGER PRIMARY KEY,
            club_id     INTEGER REFERENCES clubs(id) ON DELETE SET NULL,
            full_name   TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
            birth_date  TEXT NOT NULL,
            sex         TEXT NOT NULL CHECK (sex IN ('F', 'M')),
            weight_kg   REAL,
            active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX athletes_club ON athletes(club_id);
        CREATE TABLE app_settings (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )


def _v2_backup_log(conn: sqlite3.Connection) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE backup_log (
            id             INTEGER PRIMARY KEY,
            started_at     TEXT NOT NULL,
            finished_at    TEXT NOT NULL,
            path           TEXT NOT NULL,
            bytes          INTEGER,
            duration_ms    INTEGER NOT NULL,
            athlete_count  INTEGER,
            ok             INTEGER NOT NULL CHECK (ok IN (0, 1)),
            error          TEXT
        );
        CREATE INDEX backup_log_ok_finished ON backup_log(ok, finished_at);
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (_v1_initial, _v2_backup_log)
SCHEMA_VERSION = len(MIGRATIONS)


def read_header(conn: sqlite3.Connection) -> tuple[int, int]:
    """The file's `(application_id, user_version)`; reading them writes nothing."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    return application_id, user_version


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


def migrate(
    conn: sqlite3.Connection, from_version: int, migrations: tuple[Migration, ...] = MIGRATIONS
) -> int:
    """Apply every pending migration, each in its own transaction; return the new version."""
    for version in range(from_version, len(migrations)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            migrations[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(migrations)
