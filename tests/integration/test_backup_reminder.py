"""The reminder to back up, decided in Python, over a real data folder and its backup log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from judo_manager.backup.service import BackupService
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.jobs import JobLock
from judo_manager.system.service import BackupReminder, SystemService
from tests.conftest import make_club

TODAY = dt.date(2026, 3, 14)


def _services(data: Path, today: dt.date = TODAY) -> tuple[SystemService, BackupService]:
    db = open_database(database_path(data))
    backup = BackupService(db, JobLock())
    return SystemService(db, backup.status, today=lambda: today), backup


def _log_backup(data: Path, finished_on: dt.date) -> None:
    db = open_database(database_path(data))
    try:
        with db.write() as conn:
            stamp = f"{finished_on.isoformat()}T18:00:00+00:00"
            conn.execute(
                "INSERT INTO backup_log(started_at, finished_at, path, bytes, duration_ms, "
                "contents, ok, error, kind) VALUES (?, ?, '/media/usb/club.db', 4096, 120, "
                "'{}', 1, NULL, 'backup')",
                (stamp, stamp),
            )
    finally:
        db.close()


def test_an_empty_club_is_not_reminded_but_a_club_with_athletes_and_no_backup_is(
    tmp_path: Path,
) -> None:
    system, _ = _services(tmp_path / "empty")
    assert system.backup_reminder() == BackupReminder(due=False, last_backup_on=None)

    make_club(tmp_path / "club", 3)
    system, _ = _services(tmp_path / "club")
    assert system.backup_reminder() == BackupReminder(due=True, last_backup_on=None)


def test_a_backup_13_days_old_is_recent_enough_and_one_14_days_old_is_not(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    make_club(data, 3)
    _log_backup(data, TODAY - dt.timedelta(days=13))
    system, _ = _services(data)
    assert system.backup_reminder() == BackupReminder(
        due=False, last_backup_on=TODAY - dt.timedelta(days=13)
    )
    system, _ = _services(data, today=TODAY + dt.timedelta(days=1))
    assert system.backup_reminder().due


def test_remind_me_tomorrow_is_quiet_today_and_reminds_again_tomorrow(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_club(data, 3)
    system, _ = _services(data)
    system.snooze_backup_reminder()
    assert not _services(data)[0].backup_reminder().due
    assert _services(data, today=TODAY + dt.timedelta(days=1))[0].backup_reminder().due


def test_a_fresh_backup_ends_the_reminder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_club(data, 3)
    _log_backup(data, TODAY - dt.timedelta(days=40))
    system, backup = _services(data, today=dt.date.today())
    assert system.backup_reminder().due
    (tmp_path / "usb").mkdir()
    backup.export(tmp_path / "usb" / "club.db", replace=False)
    assert system.backup_reminder() == BackupReminder(due=False, last_backup_on=dt.date.today())
