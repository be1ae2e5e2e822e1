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
    days_since = None if last_on is None else (today - last_on).days
    if days_since is not None and days_since < 0:
        # Dated after today: made while the clock ran ahead, since set back. A day ahead is
        # a time zone crossed, so fresh; more, and its age can't be told: the reminder would
        # otherwise stay quiet until the clock caught up with it, months maybe.
        days_since = 0 if days_since >= -1 else None
    # A date that can't be read, or trusted, can't prove the backup is recent.
    due = days_since is None or days_since >= DUE_AFTER_DAYS or changes.total >= DUE_AFTER_CHANGES
    return BackupStatus("due" if due else "ok", last, days_since, changes)


def day_of(timestamp: str) -> dt.date | None:
    """The day of a backup log's timestamp, as this computer's clock wrote it; None for one
    that can't be read (the log travels inside restored files)."""
    try:
        return dt.datetime.fromisoformat(timestamp).date()
    except (TypeError, ValueError):
        return None
