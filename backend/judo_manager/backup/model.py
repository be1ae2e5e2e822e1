"""A backup attempt, as the backup log keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from judo_manager.db.contents import Contents


@dataclass(frozen=True)
class BackupAttempt:
    """One row of `backup_log`: a backup that worked (with what it held) or failed."""

    started_at: str
    finished_at: str
    path: Path
    bytes: int | None
    duration_ms: int
    contents: Contents | None
    ok: bool
    error: str | None = None
    # False when the data folder couldn't be written (a disk gone read-only or full).
    recorded: bool = True
    # "backup", or "restore"/"undo" for the data replaced from `path`.
    kind: str = "backup"
