"""The one rule for when the club's data needs a backup: the dashboard's card and the
header's reminder both read it from here."""

from __future__ import annotations

import datetime as dt

from judo_manager.backup.model import (
    DUE_AFTER_CHANGES,
    DUE_AFTER_DAYS,
    BackupAttempt,
    BackupStatus,
    ChangeCounts,
)


def status_of(
    last: BackupAttempt | None, today: dt.date, changes: ChangeCounts, *, holds_athletes: bool
) -> BackupStatus:
    """How the data stands: `last` the latest successful backup, `changes` the records
    changed since, on `today`."""
    if last is None:
        return BackupStatus("never" if holds_athletes else "empty", None, None, changes)
    last_on = day_of(last.finished_at)
    # A backup dated after today was made before the clock was set back: it is as fresh as
    # can be told, never negative days old.
    days_since = None if last_on is None else max(0, (today - last_on).days)
    # A date that can't be read can't prove the backup is recent.
    due = days_since is None or days_since >= DUE_AFTER_DAYS or changes.total >= DUE_AFTER_CHANGES
    return BackupStatus("due" if due else "ok", last, days_since, changes)


def day_of(timestamp: str) -> dt.date | None:
    """The day of a backup log's timestamp, as this computer's clock wrote it; None for one
    that can't be read (the log travels inside restored files)."""
    try:
        return dt.datetime.fromisoformat(timestamp).date()
    except (TypeError, ValueError):
        return None
