"""A backup attempt, as the backup log keeps it, and how the data stands with its backups."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

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


# The data goes this long, or holds this many changed records, without a backup: time for
# another (the dashboard's card turns amber, the header reminds).
DUE_AFTER_DAYS = 14
DUE_AFTER_CHANGES = 50

BackupLevel = Literal["ok", "due", "never", "empty"]


@dataclass(frozen=True)
class ChangeCounts:
    """The athletes, promotions and medals added, edited or deleted since the last backup,
    each counted once however often it changed."""

    athletes: int
    promotions: int
    medals: int
    total: int

    @classmethod
    def of(cls, athletes: int = 0, promotions: int = 0, medals: int = 0) -> ChangeCounts:
        """The counts with their total."""
        return cls(athletes, promotions, medals, athletes + promotions + medals)


@dataclass(frozen=True)
class BackupStatus:
    """How the club's data stands with its backups (`backup.status.status_of` decides).

    - ok: backed up recently, with few changes since;
    - due: 14 days or more since the last backup, or 50 changes or more;
    - never: never backed up here, and the club holds athletes;
    - empty: never backed up, and there is nothing yet to back up.
    """

    level: BackupLevel
    last: BackupAttempt | None
    # Whole days since the last backup's day; 0 for one dated a day after today (a time
    # zone crossed); None with no backup, or one whose date can't be read or is later still
    # (a clock set back since).
    days_since: int | None
    changes: ChangeCounts

    @property
    def needs_backup(self) -> bool:
        """True when the coach should be asked to back up now."""
        return self.level in ("due", "never")
