"""Import Database on real files: every bad file refused, restores atomic and undoable."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from judo_manager.athletes.service import AthletesService
from judo_manager.backup.service import BackupService
from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate
from judo_manager.db.schema import expected_schema, schema_of
from judo_manager.db.snapshot import write_verified_copy
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import ReadOnlyDataError, RestoreRejectedError, StaleRecordError
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService
from tests.conftest import data_digest, flaky_drive, mounted_tmpfs, table_dump


@pytest.fixture
def club(db: Database) -> Database:
    """The live club: 40 athletes."""
    fill_demo_club(db, 40, seed=1)
    return db


def _service(db: Database) -> RestoreService:
    return RestoreService(db, JobLock())


def _backup_of(tmp_path: Path, athletes: int, name: str = "backup.db") -> Path:
    """A real backup of another club with `athletes` athletes."""
    other = open_database(database_path(tmp_path / f"other-{name}"))
    fill_demo_club(other, athletes, seed=2)
    destination = tmp_path / name
    write_verified_copy(other.path, destination, scratch_dir=tmp_path / "scratch")
    other.close()
    return destination


def _other_programs_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO recipes(title) VALUES ('Nasi goreng')")
    conn.commit()
    conn.close()


def _set_pragma(path: Path, pragma: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA {pragma}")
    conn.commit()
    conn.close()


def _make_empty(tmp: Path) -> Path:
    (tmp / "empty.db").touch()
    return tmp / "empty.db"


def _make_jpeg(tmp: Path) -> Path:
    path = tmp / "team-photo.db"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(5000))
    return path


def _make_text(tmp: Path) -> Path:
    path = tmp / "notes.db"
    path.write_text("Grading on Saturday: bring white belts.\n" * 40)
    return path


def _make_truncated(tmp: Path) -> Path:
    path = _backup_of(tmp, 3000, "cut.db")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _make_corrupted(tmp: Path) -> Path:
    path = _backup_of(tmp, 3000, "damaged.db")
    pages = path.stat().st_size // 4096
    with path.open("r+b") as file:
        # Full pages of athletes and promotions; the first pages hold small tables with room
        # to spare, where scribbling might hit only unused space.
        for page in (pages // 4, pages // 2, 3 * pages // 4):
            file.seek(page * 4096 + 100)
            file.write(os.urandom(600))
    return path


def _make_foreign(tmp: Path) -> Path:
    path = tmp / "recipes.db"
    _other_programs_db(path)
    return path


def _make_ours_without_tables(tmp: Path) -> Path:
    path = tmp / "hollow.db"
    _other_programs_db(path)
    _set_pragma(path, f"application_id = {APPLICATION_ID}")
    _set_pragma(path, "user_version = 1")
    return path


def _make_newer(tmp: Path) -> Path:
    path = _backup_of(tmp, 10, "future.db")
    _set_pragma(path, f"user_version = {SCHEMA_VERSION + 1}")
    return path


def _make_without_medals(tmp: Path) -> Path:
    path = _backup_of(tmp, 10, "no-medals.db")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE medals")
    conn.close()
    return path


def _make_orphaned(tmp: Path) -> Path:
    path = _backup_of(tmp, 40, "orphans.db")
    conn = sqlite3.connect(path, isolation_level=None)  # foreign keys are off by default
    conn.execute("DELETE FROM athletes WHERE id = (SELECT athlete_id FROM promotions LIMIT 1)")
    conn.close()
    return path


def _edited(tmp: Path, name: str, *statements: str) -> Path:
    """A real backup that another program then changed with `statements`."""
    path = _backup_of(tmp, 40, name)
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return path


# SQLite keeps whatever bytes it is given as text, and only reading them back fails.
NOT_UTF8 = "CAST(x'41ff42' AS TEXT)"


def _make_garbled_name(tmp: Path) -> Path:
    return _edited(tmp, "garbled.db", f"UPDATE athletes SET full_name = {NOT_UTF8} WHERE id = 1")


def _make_garbled_category(tmp: Path) -> Path:
    # A table the restore's preview never reads: only the roster, after the restore, would.
    return _edited(tmp, "garbled-rules.db", f"UPDATE age_categories SET name = {NOT_UTF8}")


def _make_utf16(tmp: Path) -> Path:
    source = sqlite3.connect(_backup_of(tmp, 40, "utf8.db"))
    script = "\n".join(source.iterdump())
    version = source.execute("PRAGMA user_version").fetchone()[0]
    source.close()
    path = tmp / "utf16.db"
    rebuilt = sqlite3.connect(path, isolation_level=None)
    rebuilt.execute("PRAGMA encoding = 'UTF-16le'")
    rebuilt.executescript(script)
    rebuilt.execute(f"PRAGMA user_version = {version}")
    rebuilt.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    rebuilt.close()
    return path


def _make_exhausted_ids(tmp: Path) -> Path:
    # The largest id SQLite can give: every new tournament would then fail, as "disk full".
    return _edited(
        tmp,
        "exhausted.db",
        "INSERT OR REPLACE INTO sqlite_sequence(name, seq) "
        "VALUES ('tournaments', 9223372036854775807)",
    )


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty": (_make_empty, "is empty"),
    "jpeg": (_make_jpeg, "it is a JPEG picture, not a database"),
    "text": (_make_text, "it is a text file, not a database"),
    "truncated": (_make_truncated, "is incomplete: the file is cut off"),
    "corrupted": (_make_corrupted, "is damaged"),
    "other-program": (_make_foreign, "from another program"),
    "missing-tables": (_make_ours_without_tables, "missing its tables"),
    "missing-v3-table": (_make_without_medals, r"missing its tables \(medals\)"),
    "orphaned-rows": (
        _make_orphaned,
        r"\d+ promotions? points? to athletes that aren't in the file",
    ),
    "newer-version": (_make_newer, "update the app first"),
    "not-utf8-in-a-name": (
        _make_garbled_name,
        r"1 athlete has unreadable characters in its full name, e\.g\. 'A\ufffdB'",
    ),
    "not-utf8-in-the-rules": (
        _make_garbled_category,
        "age_categories table have unreadable characters in their name",
    ),
    "utf-16": (_make_utf16, "it stores its text as UTF-16le, not UTF-8"),
    "ids-exhausted": (_make_exhausted_ids, "sqlite_sequence table has values outside the rule"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_with_its_own_message(
    club: Database, tmp_path: Path, kind: str
) -> None:
    make, message = BAD_FILES[kind]
    bad = make(tmp_path)
    before = table_dump(club.path)

    with pytest.raises(RestoreRejectedError, match=message):
        _service(club).inspect(bad)

    assert table_dump(club.path) == before
    assert list((club.path.parent / "staging").glob("*")) == []  # nothing left behind
    assert not (club.path.parent / "safety").exists()


def test_the_live_database_itself_is_refused(club: Database) -> None:
    before = table_dump(club.path)
    with pytest.raises(RestoreRejectedError, match="using right now"):
        _service(club).inspect(club.path)
    assert table_dump(club.path) == before


def test_a_file_that_vanishes_before_confirming_is_refused(club: Database, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    backup = _backup_of(stick, 120)
    service = _service(club)
    plan = service.inspect(backup)
    before = table_dump(club.path)

    backup.unlink()  # the stick is pulled out while the coach reads the preview

    with pytest.raises(RestoreRejectedError, match="no longer available"):
        service.restore(plan.token)
    assert table_dump(club.path) == before
    assert list((club.path.parent / "staging").iterdir()) == []


def test_a_backup_on_a_failing_stick_is_refused_as_unreadable(
    club: Database, tmp_path: Path
) -> None:
    backup = _backup_of(tmp_path, 2000)  # a few MB: the bad part lies well inside it
    before = table_dump(club.path)
    with flaky_drive(tmp_path, flip_at=1_000_000, fail="backup") as stick:
        shutil.copy(backup, stick / "backup.db")
        with pytest.raises(RestoreRejectedError) as refused:
            _service(club).inspect(stick / "backup.db")
    assert "backup.db could not be read" in str(refused.value)
    assert "USB stick" in str(refused.value)
    assert table_dump(club.path) == before
    assert list((club.path.parent / "staging").iterdir()) == []


def test_a_data_folder_that_cant_take_the_checked_copy_is_not_blamed_on_the_backup(
    club: Database, tmp_path: Path
) -> None:
    # The backup reads fine; the data folder's disk refuses the private copy made of it.
    backup = _backup_of(tmp_path, 120)
    before = table_dump(club.path)
    staging = club.path.parent / "staging"
    staging.mkdir()
    if os.geteuid() != 0:
        pytest.fail("a folder of the data that can't be written is a read-only mount: root only")
    with mounted_tmpfs(staging, "ro"):
        with pytest.raises(ReadOnlyDataError) as refused:
            _service(club).inspect(backup)
        assert list(staging.iterdir()) == []
    message = str(refused.value)
    assert "can't write to its data folder" in message and "could not be read" not in message
    assert table_dump(club.path) == before


def test_a_file_that_changes_before_confirming_is_refused(club: Database, tmp_path: Path) -> None:
    backup = _backup_of(tmp_path, 120)
    service = _service(club)
    plan = service.inspect(backup)
    before = table_dump(club.path)
    with backup.open("ab") as file:
        file.write(b"\0" * 4096)

    with pytest.raises(RestoreRejectedError, match="changed after it was checked"):
        service.restore(plan.token)
    assert table_dump(club.path) == before


def test_preview_shows_both_sides(club: Database, tmp_path: Path) -> None:
    backup = _backup_of(tmp_path, 120)

    plan = _service(club).inspect(backup)

    assert (plan.backup.contents["athletes"], plan.current.contents["athletes"]) == (120, 40)
    assert plan.backup.bytes == backup.stat().st_size
    assert plan.taken_at_from_backup and plan.app_version == "0.1.0"
    assert plan.schema_version == SCHEMA_VERSION
    assert (plan.backup.contents["promotions"], plan.backup.contents["medals"]) == (
        _count(backup, "promotions"),
        _count(backup, "medals"),
    )
    assert plan.backup.contents["promotions"] and plan.backup.contents["medals"]


def test_restore_then_undo_gives_back_exactly_the_data_before(
    club: Database, tmp_path: Path
) -> None:
    before = table_dump(club.path)
    backup = _backup_of(tmp_path, 120)
    service = _service(club)

    plan = service.inspect(backup)
    outcome = service.restore(plan.token)

    assert outcome.athletes == 120
    assert data_digest(club.path) == data_digest(backup)
    assert outcome.undo is not None and outcome.undo.athletes == 40
    assert club.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    after_undo = service.undo()

    assert after_undo.athletes == 40
    # Exactly the club's data, and this computer's log of backups, which records both.
    assert _without_log(table_dump(club.path)) == _without_log(before)
    kinds = club.connection().execute("SELECT kind, path FROM backup_log ORDER BY id")
    assert [tuple(row) for row in kinds] == [
        ("restore", str(backup)),
        ("undo", str(outcome.undo.path)),
    ]
    assert after_undo.undo is None  # that restore is undone; nothing older to undo
    safety = sorted(p.name for p in (club.path.parent / "safety").iterdir())
    assert len(safety) == 1 and safety[0].startswith("pre-undo-")  # the undo is protected too


def test_connections_open_in_other_threads_see_the_restored_data(
    club: Database, tmp_path: Path
) -> None:
    import threading

    counts: list[int] = []
    opened = threading.Event()
    restored = threading.Event()

    def reader() -> None:
        conn = club.connection()
        counts.append(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])
        opened.set()
        restored.wait()
        counts.append(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])

    thread = threading.Thread(target=reader)
    thread.start()
    opened.wait()
    service = _service(club)
    service.restore(service.inspect(_backup_of(tmp_path, 77)).token)
    restored.set()
    thread.join()

    assert counts == [40, 77]


def test_a_backup_with_8k_pages_is_accepted_and_restored(club: Database, tmp_path: Path) -> None:
    backup = _backup_of(tmp_path, 500)
    conn = sqlite3.connect(backup, isolation_level=None)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    conn.close()
    expected = data_digest(backup)
    service = _service(club)

    service.restore(service.inspect(backup).token)

    assert data_digest(club.path) == expected
    assert club.connection().execute("PRAGMA page_size").fetchone()[0] == 4096


def test_an_older_schema_is_migrated_on_restore(club: Database, tmp_path: Path) -> None:
    old = tmp_path / "from-version-1.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:1])
    conn.execute("INSERT INTO clubs(name) VALUES ('Dojo Lama')")
    conn.execute(
        "INSERT INTO athletes(club_id, full_name, birth_date, sex) "
        "VALUES (1, 'Budi Santoso', '2009-02-11', 'M')"
    )
    conn.close()
    assert _set_and_read_version(old) == 1
    service = _service(club)

    plan = service.inspect(old)
    assert plan.schema_version == 1 and not plan.taken_at_from_backup
    # The preview says the old file records no promotions, medals, photos or documents,
    # rather than zero; it had clubs from the start.
    assert dict(plan.backup.contents) == {
        "athletes": 1,
        "promotions": None,
        "medals": None,
        "photos": None,
        "documents": None,
        "clubs": 1,
        "tournaments": None,
        "tournament_entries": None,
    }
    assert plan.backup.contents.size("photos") is None
    service.restore(plan.token)

    live = club.connection()
    assert live.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    rows = live.execute("SELECT full_name, search_name, belt_id, weight_kg FROM athletes")
    # Nothing is invented for the new columns: no belt or weight until the coach sets them.
    assert [tuple(r) for r in rows] == [("Budi Santoso", "budi santoso", None, None)]
    assert live.execute("SELECT count(*) FROM belts").fetchone()[0] == 19
    # This computer's log (no backups yet) with the restore in it; none of the old file's.
    assert [tuple(r) for r in live.execute("SELECT kind FROM backup_log")] == [("restore",)]
    assert old.stat().st_size > 0 and _set_and_read_version(old) == 1  # the source untouched


def _without_log(dump: list[str]) -> list[str]:
    return [line for line in dump if "backup_log" not in line]


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _set_and_read_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_restore_needs_the_token_from_the_check(club: Database, tmp_path: Path) -> None:
    service = _service(club)
    service.inspect(_backup_of(tmp_path, 5))
    with pytest.raises(Exception, match="no longer waiting for confirmation"):
        service.restore("made-up-token")


KILL_POINTS = {
    # stage -> (folder to watch, pattern, size that shows the stage is under way). The
    # restore by rename is killed at each of its steps in test_restore_swap.py; the safety
    # copy and the replacement below are the copying ones, taken while another program
    # reads the live file.
    "staging": ("staging", "restore-*.db", 1),
    "safety copy": ("safety", ".jm-*.partial", 1),
    "replacement": ("", "judo_manager.db-wal", 4 * 1024 * 1024),
}


@pytest.mark.parametrize("stage", KILL_POINTS)
def test_sigkill_during_a_restore_leaves_old_or_new_data_whole(
    large_club_template: Path, data_dir: Path, stage: str, tmp_path: Path
) -> None:
    live = open_database(database_path(data_dir))
    fill_demo_club(live, 3000, seed=3)
    live.close()
    old, new = data_digest(database_path(data_dir)), data_digest(large_club_template)
    backup = tmp_path / "big-backup.db"
    backup.write_bytes(large_club_template.read_bytes())
    # The template was never a stamped backup, but it is a valid database of ours.
    folder, pattern, min_size = KILL_POINTS[stage]
    reader = sqlite3.connect(database_path(data_dir), isolation_level=None)
    reader.execute("SELECT count(*) FROM athletes")  # open, in WAL mode, and idle

    restore = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "judo_manager",
            "--data-dir",
            str(data_dir),
            "restore",
            str(backup),
            "--yes",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    watched = data_dir / folder
    while restore.poll() is None and not _has_file(watched, pattern, min_size):
        time.sleep(0.0005)
    assert restore.poll() is None, f"the restore ended before its {stage}"
    os.kill(restore.pid, signal.SIGKILL)
    restore.wait()
    reader.close()

    reopened = open_database(database_path(data_dir))  # what the next start does
    conn = reopened.connection()
    assert conn.execute("PRAGMA integrity_check").fetchall()[0][0] == "ok"
    reopened.close()
    assert data_digest(database_path(data_dir)) in (old, new)
    if stage != "replacement":
        assert data_digest(database_path(data_dir)) == old


def _has_file(folder: Path, pattern: str, min_size: int) -> bool:
    try:
        return any(f.stat().st_size >= min_size for f in folder.glob(pattern))
    except FileNotFoundError:  # a file vanished between listing and stat
        return False


def test_after_an_undo_no_older_restore_is_offered_for_undo(club: Database, tmp_path: Path) -> None:
    service = _service(club)
    service.restore(service.inspect(_backup_of(tmp_path, 50, "b.db")).token)
    with club.write() as conn:  # a week of work on the restored data
        conn.execute("INSERT INTO clubs(name) VALUES ('Work after the first restore')")
    worked_on = data_digest(club.path)
    service.restore(service.inspect(_backup_of(tmp_path, 60, "c.db")).token)

    service.undo()

    assert data_digest(club.path) == worked_on
    # Undoing again would jump back over that week of work to the very first data.
    assert service.undo_status() is None


def test_a_damaged_safety_copy_is_not_offered_for_undo(club: Database, tmp_path: Path) -> None:
    service = _service(club)
    outcome = service.restore(service.inspect(_backup_of(tmp_path, 20)).token)
    assert outcome.undo is not None
    outcome.undo.path.write_bytes(b"scrambled by a failing disk" * 100)

    assert service.undo_status() is None


def _edited(tmp: Path, name: str, *statements: str) -> Path:
    """A genuine backup that another program then changed with `statements`."""
    path = _backup_of(tmp, 30, name)
    conn = sqlite3.connect(path, isolation_level=None)  # checks and foreign keys as SQLite has them
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return path


EDITED_BACKUPS: dict[str, tuple[tuple[str, ...], str]] = {
    "trigger": (
        ("CREATE TRIGGER wipe AFTER INSERT ON backup_log BEGIN DELETE FROM athletes; END",),
        r"it has a trigger Judo Manager doesn't make \(wipe\)\. It may have been edited",
    ),
    "view": (
        ("CREATE VIEW everyone AS SELECT full_name FROM athletes",),
        r"it has a view Judo Manager doesn't make \(everyone\)",
    ),
    "index": (
        ("CREATE INDEX by_phone ON athletes(phone)",),
        r"it has an index Judo Manager doesn't make \(by_phone\)",
    ),
    "table": (
        ("CREATE TABLE notes_to_self (text TEXT)",),
        r"it has a table Judo Manager doesn't make \(notes_to_self\)",
    ),
    "missing-column": (
        ("ALTER TABLE clubs DROP COLUMN city",),
        "its table clubs is missing the column city",
    ),
    "extra-column": (
        ("ALTER TABLE medals ADD COLUMN sponsor TEXT",),
        r"its table medals has a column Judo Manager doesn't make \(sponsor\)",
    ),
    "changed-index": (
        ("DROP INDEX medals_athlete", "CREATE INDEX medals_athlete ON medals(held_on)"),
        "its index medals_athlete is not the one Judo Manager makes",
    ),
}


@pytest.mark.parametrize("kind", EDITED_BACKUPS)
def test_a_backup_another_program_edited_is_refused_and_nothing_changes(
    club: Database, tmp_path: Path, kind: str
) -> None:
    _assert_edited_backup_refused(club, tmp_path, kind, *EDITED_BACKUPS[kind])


def _assert_edited_backup_refused(
    club: Database, tmp_path: Path, kind: str, statements: tuple[str, ...], message: str
) -> None:
    edited = _edited(tmp_path, f"{kind}.db", *statements)
    before = table_dump(club.path)

    with pytest.raises(RestoreRejectedError, match=message):
        _service(club).inspect(edited)

    assert table_dump(club.path) == before
    assert list((club.path.parent / "staging").glob("*")) == []


def test_after_a_restore_the_schema_is_exactly_the_apps_own(club: Database, tmp_path: Path) -> None:
    service = _service(club)
    service.restore(service.inspect(_backup_of(tmp_path, 25)).token)

    assert schema_of(club.connection()) == expected_schema(SCHEMA_VERSION)


BAD_ROWS: dict[str, tuple[tuple[str, ...], str]] = {
    "unreadable-birth-date": (
        (
            "UPDATE athletes SET birth_date = '03/05/2011' "
            "WHERE id IN (SELECT id FROM athletes LIMIT 3)",
        ),
        r"3 athletes have birth dates Judo Manager can't read, e\.g\. '03/05/2011' for \w",
    ),
    "impossible-date": (
        ("UPDATE medals SET held_on = '2025-02-31' WHERE id = (SELECT min(id) FROM medals)",),
        r"1 medal has dates \(held on\) Judo Manager can't read, e\.g\. '2025-02-31'",
    ),
    "check-constraint": (
        (
            "PRAGMA ignore_check_constraints = 1",
            "UPDATE athletes SET sex = 'X' WHERE id = (SELECT min(id) FROM athletes)",
        ),
        r"1 athlete has values outside the rule sex IN \('F', 'M'\)",
    ),
    "text-for-a-number": (
        ("UPDATE athletes SET weight_kg = 'heavy' WHERE id = (SELECT min(id) FROM athletes)",),
        r"1 athlete has a weight kg that isn't a number, e\.g\. 'heavy' for \w",
    ),
    # Within the table's CHECK, but the next edit's mark would break it: every edit failing.
    "change-mark-at-its-limit": (
        (
            "UPDATE change_marks SET mark = 4611686018427387904 "
            "WHERE mark = (SELECT max(mark) FROM change_marks)",
        ),
        r"1 row of the change_marks table has values outside the rule mark <= 281474976710656",
    ),
    "belt-that-isn't-there": (
        ("UPDATE athletes SET belt_id = 999 WHERE id = (SELECT min(id) FROM athletes)",),
        r"1 athlete points to belts that aren't in the file",
    ),
}


@pytest.mark.parametrize("kind", BAD_ROWS)
def test_rows_the_app_cant_use_are_refused_with_a_count_and_an_example(
    club: Database, tmp_path: Path, kind: str
) -> None:
    _assert_edited_backup_refused(club, tmp_path, kind, *BAD_ROWS[kind])


def test_an_older_backup_is_checked_once_brought_up_to_date(club: Database, tmp_path: Path) -> None:
    old = tmp_path / "from-version-2.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:2])
    conn.executemany(
        "INSERT INTO athletes(full_name, birth_date, sex) VALUES (?, ?, ?)",
        [("Ana Silva", "03/05/2011", "F"), ("Budi Santoso", "2009-02-11", "M")],
    )
    conn.close()
    before = table_dump(club.path)

    with pytest.raises(
        RestoreRejectedError,
        match=r"1 athlete has birth dates Judo Manager can't read, e\.g\. '03/05/2011' for "
        "Ana Silva",
    ):
        _service(club).inspect(old)
    assert table_dump(club.path) == before


def test_a_backup_beside_an_unfinished_journal_is_described_for_what_it_is(
    club: Database, tmp_path: Path
) -> None:
    backup = _backup_of(tmp_path, 10)
    backup.with_name(backup.name + "-journal").write_bytes(os.urandom(4096))

    with pytest.raises(RestoreRejectedError, match="holds a change that was never finished"):
        _service(club).inspect(backup)


def test_a_big_file_that_isnt_a_database_is_refused_before_it_is_copied(
    club: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "holiday.db"
    with photo.open("wb") as file:
        file.write(b"\xff\xd8\xff\xe0\x00\x10JFIF")
        file.truncate(2 * 1024**3)  # 2 GB, sparse
    copies: list[Path] = []
    monkeypatch.setattr(
        "judo_manager.restore.staging.copy_into", lambda *args, **kw: copies.append(args[0])
    )

    with pytest.raises(RestoreRejectedError, match="it is a JPEG picture, not a database"):
        _service(club).inspect(photo)
    assert copies == []


def test_the_backup_log_is_this_computers_and_survives_a_restore_and_an_undo(
    club: Database, tmp_path: Path
) -> None:
    backups = BackupService(club, JobLock())
    exported = backups.export(tmp_path / "club.db", replace=False)
    service = _service(club)

    service.restore(service.inspect(exported.path).token)
    after_restore = backups.last_backup()
    service.undo()
    after_undo = backups.last_backup()

    # Restoring the backup just made: "last backup" still names it, not "never" or older.
    assert after_restore is not None and after_restore.path == exported.path
    assert after_undo is not None and after_undo.path == exported.path
    kinds = [row[0] for row in club.connection().execute("SELECT kind FROM backup_log")]
    assert kinds == ["backup", "restore", "undo"]


def test_a_form_opened_before_a_restore_cant_save_over_the_restored_athlete(
    club: Database, tmp_path: Path
) -> None:
    athletes = AthletesService(club)
    opened = athletes.get(1)  # the edit form, open while the restore runs
    service = _service(club)
    service.restore(service.inspect(_backup_of(tmp_path, 30)).token)
    before = table_dump(club.path)

    with pytest.raises(StaleRecordError, match="changed since you opened the form"):
        athletes.update(1, opened.revision, {"full_name": opened.full_name})
    with pytest.raises(StaleRecordError):
        athletes.add_medal(
            1,
            opened.revision,
            {"competition": "City Open", "held_on": "2025-02-01", "place": "gold"},
        )
    with pytest.raises(StaleRecordError):
        athletes.delete(1, opened.revision)

    assert table_dump(club.path) == before
