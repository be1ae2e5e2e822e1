"""SQL for the record of backup attempts."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BackupAttempt:
    """One row of `backup_log`: a backup that worked or failed."""

    started_at: str
    finished_at: str
    path: Path
    bytes: int | None
    duration_ms: int
    athlete_count: int | None
    promotion_count: int | None
    medal_count: int | None
    ok: bool
    error: str | None = None


def record_attempt(conn: sqlite3.Connection, attempt: BackupAttempt) -> None:
    """Append one attempt to the log."""
    conn.execute(
        "INSERT INTO backup_log(started_at, finished_at, path, bytes, duration_ms, "
        "athlete_count, promotion_count, medal_count, ok, error) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            attempt.started_at,
            attempt.finished_at,
            str(attempt.path),
            attempt.bytes,
            attempt.duration_ms,
            attempt.athlete_count,
            attempt.promotion_count,
            attempt.medal_count,
            int(attempt.ok),
            attempt.error,
        ),
    )


def last_success(conn: sqlite3.Connection) -> BackupAttempt | None:
    """The most recent backup that worked, if any."""
    row = conn.execute(
        "SELECT started_at, finished_at, path, bytes, duration_ms, athlete_count, "
        "promotion_count, medal_count, ok, error "
        "FROM backup_log WHERE ok = 1 ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return BackupAttempt(
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        path=Path(row["path"]),
        bytes=row["bytes"],
        duration_ms=row["duration_ms"],
        athlete_count=row["athlete_count"],
        promotion_count=row["promotion_count"],
        medal_count=row["medal_count"],
        ok=bool(row["ok"]),
        error=row["error"],
    )
