"""SQL for the record of backup attempts and the changes made since the last backup."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from judo_manager.backup.model import BackupAttempt, ChangeCounts
from judo_manager.db.contents import Contents


def record_attempt(conn: sqlite3.Connection, attempt: BackupAttempt) -> None:
    """Append one attempt to the log."""
    conn.execute(
        "INSERT INTO backup_log(started_at, finished_at, path, bytes, duration_ms, contents, "
        "ok, error, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            attempt.started_at,
            attempt.finished_at,
            str(attempt.path),
            attempt.bytes,
            attempt.duration_ms,
            None if attempt.contents is None else json.dumps(attempt.contents.as_record()),
            int(attempt.ok),
            attempt.error,
            attempt.kind,
        ),
    )


def carry_history(target: sqlite3.Connection, source: Path, event: BackupAttempt) -> None:
    """Give the database behind `target` the backup log of the database at `source`, and
    record `event` in it, in one transaction. Both must have the current schema.

    `target` must be in autocommit mode, opened with URIs allowed.
    """
    target.execute("ATTACH DATABASE ? AS here", (f"{source.as_uri()}?mode=ro",))
    try:
        target.execute("BEGIN IMMEDIATE")
        try:
            target.execute("DELETE FROM main.backup_log")
            target.execute("INSERT INTO main.backup_log SELECT * FROM here.backup_log")
            record_attempt(target, event)
            target.execute("COMMIT")
        except BaseException:
            target.execute("ROLLBACK")
            raise
    finally:
        target.execute("DETACH DATABASE here")


def last_success(conn: sqlite3.Connection) -> BackupAttempt | None:
    """The most recent backup that worked, if any."""
    row = conn.execute(
        "SELECT started_at, finished_at, path, bytes, duration_ms, contents, ok, error "
        "FROM backup_log WHERE ok = 1 AND kind = 'backup' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return BackupAttempt(
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        path=Path(row["path"]),
        bytes=row["bytes"],
        duration_ms=row["duration_ms"],
        contents=_contents(row["contents"]),
        ok=bool(row["ok"]),
        error=row["error"],
    )


def changes_after(conn: sqlite3.Connection, mark: int | None) -> ChangeCounts:
    """The athletes, promotions and medals marked after `mark` (`change_marks`), each record
    once; every one when `mark` is None."""
    counts = dict(
        conn.execute(
            "SELECT kind, count(*) FROM change_marks WHERE mark > ? GROUP BY kind",
            (0 if mark is None else mark,),
        ).fetchall()
    )
    return ChangeCounts.of(
        athletes=counts.get("athletes", 0),
        promotions=counts.get("promotions", 0),
        medals=counts.get("medals", 0),
    )


def holds_athletes(conn: sqlite3.Connection) -> bool:
    """True when the data holds at least one athlete, active or not."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM athletes)").fetchone()[0])


def _contents(text: str | None) -> Contents | None:
    # Written by this app, but the log travels inside restored backups: read it carefully.
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return Contents.from_record(value)
