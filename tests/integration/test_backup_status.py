"""The backup status the dashboard shows: the changes since the last backup and whether
another is due, over real data folders, backups, restores and files from older versions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from judo_manager.backup.model import ChangeCounts
from judo_manager.backup.service import BackupService
from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import MIGRATIONS, migrate
from judo_manager.db.stamp import BACKED_UP_THROUGH_KEY, TAKEN_AT_KEY, mark_backed_up
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService
from judo_manager.system.service import SystemService
from tests.integration.test_athlete_records import edit
from tests.tournament_club import TournamentClub

NOTHING = ChangeCounts.of()


@pytest.fixture
def club(db: Database) -> TournamentClub:
    return TournamentClub.on(db)


@pytest.fixture
def backup(db: Database) -> BackupService:
    return BackupService(db, JobLock())


def _export(backup: BackupService, tmp_path: Path, name: str = "club.db") -> Path:
    stick = tmp_path / "usb"
    stick.mkdir(exist_ok=True)
    return backup.export(stick / name, replace=True).path


def _medal(club: TournamentClub, athlete_id: int, competition: str = "City Open") -> int:
    athlete = club.athletes.get(athlete_id)
    saved = club.athletes.add_medal(
        athlete.id,
        athlete.revision,
        {"competition": competition, "held_on": "2026-02-01", "place": "gold"},
    )
    return next(m.id for m in saved.medals if m.competition == competition)


def _promote(club: TournamentClub, athlete_id: int, belt: str, on: str = "2026-03-01") -> int:
    athlete = club.athletes.get(athlete_id)
    saved = club.athletes.add_promotion(
        athlete.id, athlete.revision, {"promoted_on": on, "belt_id": club.belts[belt]}
    )
    return next(p.id for p in saved.promotions if p.promoted_on == on)


def _rename(club: TournamentClub, athlete_id: int, name: str) -> None:
    athlete = club.athletes.get(athlete_id)
    club.athletes.update(athlete.id, athlete.revision, edit(athlete, full_name=name))


# What counts


def test_a_club_without_athletes_or_backups_is_empty_and_one_with_athletes_never_backed_up(
    club: TournamentClub, backup: BackupService
) -> None:
    status = backup.status()
    assert (status.level, status.last, status.days_since, status.changes) == (
        "empty",
        None,
        None,
        NOTHING,
    )
    club.athlete("Ayu Lestari")
    status = backup.status()
    assert (status.level, status.changes) == ("never", ChangeCounts.of(athletes=1))
    assert status.needs_backup


def test_each_athlete_promotion_and_medal_counts_once_however_often_it_changed(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    ayu, budi, citra = (club.athlete(name) for name in ("Ayu", "Budi", "Citra"))
    medal = _medal(club, budi.id)
    _export(backup, tmp_path)
    assert backup.status().changes == NOTHING

    _rename(club, ayu.id, "Ayu Lestari")
    _rename(club, ayu.id, "Ayu Putri Lestari")
    assert backup.status().changes == ChangeCounts.of(athletes=1)

    # A medal is the medal's change alone; a promotion also moves the athlete's belt.
    _medal(club, citra.id, "Bogor Open")
    assert backup.status().changes == ChangeCounts.of(athletes=1, medals=1)
    promotion = _promote(club, citra.id, "Green")
    assert backup.status().changes == ChangeCounts.of(athletes=2, promotions=1, medals=1)

    # Deleting is a change too: the medal from before the backup, the new promotion again.
    budi = club.athletes.get(budi.id)
    club.athletes.delete_medal(medal, budi.revision)
    club.athletes.delete_promotion(promotion, club.athletes.get(citra.id).revision)
    status = backup.status()
    assert status.changes == ChangeCounts.of(athletes=2, promotions=1, medals=2)
    assert (status.level, status.days_since) == ("ok", 0)


def test_a_backup_brings_the_count_back_to_nothing(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    ayu = club.athlete("Ayu")
    _medal(club, ayu.id)
    _export(backup, tmp_path)
    status = backup.status()
    assert (status.level, status.changes) == ("ok", NOTHING)
    assert status.last is not None and status.last.path == tmp_path / "usb" / "club.db"


def test_a_failed_backup_leaves_the_count_as_it_was(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    club.athlete("Ayu")
    with pytest.raises(Exception, match="live database"):
        backup.export(club.db.path, replace=True)
    assert backup.status().changes == ChangeCounts.of(athletes=1)


def test_changes_made_while_a_backup_is_copied_still_count_after_it(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    club.athlete("Ayu")
    written_meanwhile: list[int] = []

    def edit_once_the_snapshot_is_taken(phase: str, fraction: float) -> None:
        # Past the first step of the copy (which starts at 0.0): its moment is fixed by then.
        if phase == "copying" and fraction > 0 and not written_meanwhile:
            written_meanwhile.append(club.athlete("Budi").id)

    (tmp_path / "usb").mkdir()
    saved = backup.export(
        tmp_path / "usb" / "club.db", replace=False, progress=edit_once_the_snapshot_is_taken
    )

    assert written_meanwhile
    # Budi is not in the backup, so he is still a change; Ayu is backed up.
    with sqlite3.connect(saved.path) as copy:
        assert [name for (name,) in copy.execute("SELECT full_name FROM athletes")] == ["Ayu"]
    assert backup.status().changes == ChangeCounts.of(athletes=1)


def test_a_backup_older_than_the_recorded_one_does_not_bring_back_changes(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    club.athlete("Ayu")
    _export(backup, tmp_path)
    with club.db.write() as conn:
        mark_backed_up(conn, 0)  # as a slower, earlier backup would record on finishing
    assert backup.status().changes == NOTHING


# Restores


def test_restoring_a_backup_counts_nothing_and_undoing_it_gives_back_the_count_before(
    club: TournamentClub, db: Database, backup: BackupService, tmp_path: Path
) -> None:
    ayu = club.athlete("Ayu")
    saved = _export(backup, tmp_path)
    _rename(club, ayu.id, "Ayu Lestari")
    _medal(club, ayu.id)
    club.athlete("Budi")
    before = ChangeCounts.of(athletes=2, medals=1)
    assert backup.status().changes == before

    restore = RestoreService(db, JobLock(), backup)
    restore.restore(restore.inspect(saved).token)
    status = backup.status()
    assert (status.level, status.changes) == ("ok", NOTHING)
    # The log is this computer's: the backup just restored is still the last one.
    assert status.last is not None and status.last.path == saved

    club.athlete("Citra")
    assert backup.status().changes == ChangeCounts.of(athletes=1)

    restore.undo()
    assert backup.status().changes == before


def test_restoring_another_clubs_backup_counts_nothing(
    club: TournamentClub, db: Database, backup: BackupService, tmp_path: Path
) -> None:
    other = TournamentClub.on(open_database(database_path(tmp_path / "other")))
    for name in ("Dewi", "Eko", "Fajar"):
        other.athlete(name)
    theirs = BackupService(other.db, JobLock())
    saved = _export(theirs, tmp_path, "theirs.db")
    other.db.close()
    club.athlete("Ayu")

    restore = RestoreService(db, JobLock(), backup)
    restore.restore(restore.inspect(saved).token)

    # Never backed up here (the log is this computer's), but nothing changed since the file.
    status = backup.status()
    assert (status.level, status.changes) == ("never", NOTHING)


# Dates


def test_a_backup_is_due_14_days_after_it_and_not_13(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    club.athlete("Ayu")
    _export(backup, tmp_path)
    today = dt.date.today()
    status = backup.status(today + dt.timedelta(days=13))
    assert (status.level, status.days_since) == ("ok", 13)
    status = backup.status(today + dt.timedelta(days=14))
    assert (status.level, status.days_since) == ("due", 14)


def test_a_backup_dated_after_today_is_due_as_its_age_cant_be_told(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    # Made while the clock ran ahead, then set back: counted as fresh, it kept the reminder
    # quiet until the clock caught up with it, months maybe.
    _export(backup, tmp_path)
    club.athlete("Ayu")
    status = backup.status(dt.date.today() - dt.timedelta(days=400))
    assert (status.level, status.days_since) == ("due", None)
    assert status.changes == ChangeCounts.of(athletes=1)
    # A day ahead is a time zone crossed on the way home: as fresh as can be.
    status = backup.status(dt.date.today() - dt.timedelta(days=1))
    assert (status.level, status.days_since) == ("ok", 0)


def test_a_backup_date_that_cant_be_read_is_due(
    club: TournamentClub, backup: BackupService, tmp_path: Path
) -> None:
    club.athlete("Ayu")
    _export(backup, tmp_path)
    with club.db.write() as conn:
        conn.execute("UPDATE backup_log SET finished_at = 'last tuesday'")
    status = backup.status()
    assert (status.level, status.days_since, status.changes) == ("due", None, NOTHING)


# The reminder follows the same rule


def test_the_reminder_is_due_at_50_changes_and_not_at_49(
    club: TournamentClub, db: Database, backup: BackupService, tmp_path: Path
) -> None:
    system = SystemService(db, backup.status)
    for number in range(49):
        club.athlete(f"Athlete {number:02}", licence_number=f"PJSI-{20000 + number}")
    _export(backup, tmp_path)
    athletes = club.athletes.roster({}).rows
    for athlete in athletes:
        _rename(club, athlete.id, f"{athlete.full_name} Putra")
    assert backup.status().level == "ok"
    assert not system.backup_reminder().due

    club.athlete("Athlete 49", licence_number="PJSI-20049")
    assert (backup.status().level, backup.status().changes.total) == ("due", 50)
    assert system.backup_reminder().due
    system.snooze_backup_reminder()
    assert not system.backup_reminder().due


def test_remind_me_tomorrow_pressed_while_the_clock_ran_ahead_doesnt_quiet_it_for_months(
    club: TournamentClub, db: Database, backup: BackupService
) -> None:
    club.athlete("Ayu")  # no backup yet: due
    ahead = dt.date.today() + dt.timedelta(days=200)
    SystemService(db, backup.status, today=lambda: ahead).snooze_backup_reminder()
    system = SystemService(db, backup.status)  # the clock set right again

    assert system.backup_reminder().due


# Files from elsewhere


def _version_8_file(path: Path, *, backed_up_at: str | None, taken_at: str | None) -> None:
    """A data file as version 8 left it: Ayu written before its last backup, Budi edited
    and Citra's medal added after it (every time in UTC, as the app writes them)."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:8])
    before, after = "2026-01-10T08:00:00.000Z", "2026-01-20T08:00:00.000Z"
    for name, created, updated in (
        ("Ayu", before, before),
        ("Budi", before, after),
        ("Citra", before, before),
    ):
        conn.execute(
            "INSERT INTO athletes(full_name, search_name, birth_date, sex, member_id, "
            "created_at, updated_at) VALUES (?, lower(?), '2011-02-03', 'F', ?, ?, ?)",
            (name, name, f"JM-{name}", created, updated),
        )
    conn.execute(
        "INSERT INTO medals(athlete_id, competition, held_on, place, created_at) "
        "VALUES (3, 'City Open', '2026-01-18', 'gold', ?)",
        (after,),
    )
    if backed_up_at is not None:
        conn.execute(
            "INSERT INTO backup_log(started_at, finished_at, path, bytes, duration_ms, "
            "contents, ok, error, kind) VALUES (?, ?, '/media/usb/club.db', 4096, 120, "
            "'{}', 1, NULL, 'backup')",
            (backed_up_at, backed_up_at),
        )
    if taken_at is not None:
        conn.execute("INSERT INTO app_settings(key, value) VALUES (?, ?)", (TAKEN_AT_KEY, taken_at))
    conn.close()


def test_a_version_8_file_counts_what_was_written_after_its_last_backup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # Backed up on 15 January at 09:00 in Jakarta (02:00 UTC).
    _version_8_file(database_path(data), backed_up_at="2026-01-15T09:00:00+07:00", taken_at=None)
    db = open_database(database_path(data))
    try:
        backup = BackupService(db, JobLock())
        status = backup.status(dt.date(2026, 1, 21))
        assert (status.level, status.days_since) == ("ok", 6)
        assert status.changes == ChangeCounts.of(athletes=1, medals=1)
        club = TournamentClub.on(db)
        _medal(club, 1)
        assert backup.status(dt.date(2026, 1, 21)).changes == ChangeCounts.of(athletes=1, medals=2)
        _export(backup, tmp_path)
        assert backup.status().changes == NOTHING
    finally:
        db.close()


def test_a_version_8_file_never_backed_up_counts_everything_written_from_now(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _version_8_file(database_path(data), backed_up_at=None, taken_at=None)
    db = open_database(database_path(data))
    try:
        backup = BackupService(db, JobLock())
        assert (backup.status().level, backup.status().changes) == ("never", NOTHING)
        TournamentClub.on(db).athlete("Dewi")
        assert backup.status().changes == ChangeCounts.of(athletes=1)
    finally:
        db.close()


def test_restoring_a_version_8_backup_counts_nothing_though_its_own_log_is_older(
    club: TournamentClub, db: Database, backup: BackupService, tmp_path: Path
) -> None:
    # The export that wrote a backup is logged after its snapshot: the file's own log ends
    # with the backup before, and its stamp tells when it was taken.
    old = tmp_path / "version-8.db"
    _version_8_file(
        old, backed_up_at="2026-01-15T02:00:00+00:00", taken_at="2026-01-25T10:00:00+07:00"
    )
    club.athlete("Zaki")
    restore = RestoreService(db, JobLock(), backup)

    restore.restore(restore.inspect(old).token)

    assert [a.full_name for a in club.athletes.roster({}).rows] == ["Ayu", "Budi", "Citra"]
    assert backup.status().changes == NOTHING
    club.athlete("Dewi")
    assert backup.status().changes == ChangeCounts.of(athletes=1)


@pytest.mark.parametrize(
    "value",
    [
        "'soon'",
        "''",
        "'-4'",
        "'99999999999999999999999999999999'",
        "'1e400'",
        "9e999",  # an infinite REAL, stored as the text 'Inf'
        "X'00ff'",
        "'5000'",  # past the data's last mark: it would hide the next 5,000 changes
    ],
)
def test_a_garbled_backed_up_mark_counts_every_change_until_the_next_backup(
    club: TournamentClub, backup: BackupService, tmp_path: Path, value: str
) -> None:
    ayu = club.athlete("Ayu")
    _export(backup, tmp_path)
    _medal(club, ayu.id)
    with club.db.write() as conn:
        conn.execute(
            f"UPDATE app_settings SET value = {value} WHERE key = ?", (BACKED_UP_THROUGH_KEY,)
        )

    status = backup.status()
    assert (status.level, status.changes) == ("ok", ChangeCounts.of(athletes=1, medals=1))
    assert not SystemService(club.db, backup.status).backup_reminder().due

    _export(backup, tmp_path)
    assert backup.status().changes == NOTHING
    club.athlete("Budi")
    assert backup.status().changes == ChangeCounts.of(athletes=1)
