"""Opening, creating and migrating the club database, on real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from judo_manager.clubs.service import ClubsService
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate
from judo_manager.errors import (
    DataFolderError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
)
from tests.conftest import file_digest


def _header(path: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("PRAGMA application_id").fetchone()[0],
            conn.execute("PRAGMA user_version").fetchone()[0],
            conn.execute("PRAGMA journal_mode").fetchone()[0],
        )
    finally:
        conn.close()


def test_new_database_gets_the_whole_schema_our_id_and_wal(data_dir: Path) -> None:
    path = database_path(data_dir)
    open_database(path).close()

    assert _header(path) == (APPLICATION_ID, SCHEMA_VERSION, "wal")
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    conn.close()
    assert {"clubs", "athletes", "app_settings"} <= tables


def test_missing_data_folder_is_created(tmp_path: Path) -> None:
    path = database_path(tmp_path / "deep" / "new" / "folder")
    open_database(path).close()
    assert path.exists()


def test_reopening_keeps_the_data(data_dir: Path) -> None:
    path = database_path(data_dir)
    db = open_database(path)
    with db.write() as conn:
        conn.execute("INSERT INTO clubs(name, city) VALUES ('Judo Club Bogor', 'Bogor')")
    db.close()

    db = open_database(path)
    assert db.connection().execute("SELECT name FROM clubs").fetchone()[0] == "Judo Club Bogor"
    db.close()


def test_newer_schema_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = database_path(data_dir)
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = file_digest(path)

    with pytest.raises(NewerDatabaseError, match="update the app first"):
        open_database(path)
    assert file_digest(path) == before


def test_a_text_file_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = database_path(data_dir)
    path.write_text("Tournament notes: Bogor open, Saturday 9:00\n" * 50)
    before = file_digest(path)

    with pytest.raises(NotADatabaseError, match="isn't a database file"):
        open_database(path)
    assert file_digest(path) == before


def test_another_programs_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()
    before = file_digest(path)

    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_database(path)
    assert file_digest(path) == before


@pytest.mark.parametrize("subfolder", ["", "club"], ids=["folder-exists", "folder-to-create"])
def test_unwritable_data_folder_gives_a_clear_message(read_only_dir: Path, subfolder: str) -> None:
    with pytest.raises(DataFolderError, match="can't"):
        open_database(database_path(read_only_dir / subfolder))


def test_a_failing_migration_leaves_the_schema_at_the_last_whole_version(
    data_dir: Path,
) -> None:
    path = database_path(data_dir)
    open_database(path).close()
    conn = sqlite3.connect(path, isolation_level=None)

    def add_table_then_fail(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        migrate(conn, SCHEMA_VERSION, (*MIGRATIONS, add_table_then_fail))

    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert (
        conn.execute("SELECT count(*) FROM sqlite_schema WHERE name='half_done'").fetchone()[0] == 0
    )
    conn.close()


def test_a_version_2_club_opens_with_its_athletes_and_backup_history(data_dir: Path) -> None:
    path = database_path(data_dir)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:2])
    conn.execute("INSERT INTO clubs(id, name) VALUES (1, 'Dojo Lama')")
    conn.executemany(
        "INSERT INTO athletes(club_id, full_name, birth_date, sex, weight_kg) "
        "VALUES (1, ?, ?, ?, ?)",
        [("Zoë Ärger", "2010-04-02", "F", 41.5), ("Budi Santoso", "2009-11-19", "M", None)],
    )
    conn.execute(
        "INSERT INTO backup_log(started_at, finished_at, path, bytes, duration_ms, "
        "athlete_count, ok) VALUES ('2026-01-01', '2026-01-01', '/usb/b.db', 10, 5, 2, 1)"
    )
    conn.close()

    db = open_database(path)
    try:
        live = db.connection()
        assert live.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        athletes = live.execute(
            "SELECT full_name, search_name, club_id, belt_id, weight_kg FROM athletes ORDER BY id"
        ).fetchall()
        assert [tuple(row) for row in athletes] == [
            ("Zoë Ärger", "zoe arger", 1, None, 41.5),
            ("Budi Santoso", "budi santoso", 1, None, None),
        ]
        log = live.execute("SELECT contents FROM backup_log")
        assert [json.loads(row[0]) for row in log] == [
            {"athletes": 2, "promotions": None, "medals": None}
        ]
        assert live.execute("PRAGMA foreign_key_check").fetchall() == []
        # The rebuilt table keeps its foreign keys: deleting the club keeps the athletes.
        live.execute("DELETE FROM clubs")
        assert (
            live.execute("SELECT count(*) FROM athletes WHERE club_id IS NULL").fetchone()[0] == 2
        )
    finally:
        db.close()


def test_every_column_of_an_athletes_record_is_watched_by_its_revision_trigger() -> None:
    """A column added later must change the revision too, or a stale form could save over
    a change to it: the migration that adds it recreates the trigger, and this says so."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, 0)
    for table in ("athletes", "promotions", "medals"):
        [trigger] = conn.execute(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
            (f"{table}_revision_on_update",),
        ).fetchone()
        for (column,) in conn.execute(f"SELECT name FROM pragma_table_info('{table}')"):
            if column not in ("id", "revision"):
                assert f"NEW.{column} IS NOT OLD.{column}" in trigger, (table, column)


def test_a_rewrite_that_changes_nothing_keeps_the_revision() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, 0)
    conn.execute(
        "INSERT INTO athletes(full_name, search_name, birth_date, sex) "
        "VALUES ('Ana', 'ana', '2010-01-01', 'F')"
    )
    [before] = conn.execute("SELECT revision FROM athletes").fetchone()
    conn.execute("UPDATE athletes SET full_name = full_name, notes = notes")
    assert conn.execute("SELECT revision FROM athletes").fetchone()[0] == before
    conn.execute("UPDATE athletes SET notes = 'Left-handed'")
    assert conn.execute("SELECT revision FROM athletes").fetchone()[0] != before


def _version_6_club(path: Path, clubs: list[tuple[int, str]]) -> None:
    """A club database as version 6 of the app left it: clubs without short names, contacts
    or logos, and athletes without member IDs, added out of id order."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:6])
    conn.executemany(
        "INSERT INTO clubs(id, name, federation, city) VALUES (?, ?, 'PJSI', 'Bogor')", clubs
    )
    conn.executemany(
        "INSERT INTO athletes(id, club_id, full_name, search_name, birth_date, sex) "
        "VALUES (?, ?, ?, ?, '2010-04-02', 'F')",
        [
            (7, clubs[0][0], "Sari Dewi", "sari dewi"),
            (3, clubs[-1][0], "Ayu Lestari", "ayu lestari"),
            (12, None, "Rina Wati", "rina wati"),
        ],
    )
    conn.close()


def test_a_version_6_club_keeps_its_clubs_and_athletes_who_get_member_ids_in_id_order(
    data_dir: Path,
) -> None:
    path = database_path(data_dir)
    _version_6_club(path, [(1, "Judo Club Bogor"), (2, "Dojo Lama")])

    db = open_database(path)
    try:
        live = db.connection()
        assert live.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        clubs = ClubsService(db).clubs()
        assert [
            (c.name, c.short_name, c.federation, c.city, c.contact, c.logo_id) for c in clubs
        ] == [
            ("Dojo Lama", None, "PJSI", "Bogor", None, None),
            ("Judo Club Bogor", None, "PJSI", "Bogor", None, None),
        ]
        assert [c.athlete_count for c in clubs] == [1, 1]
        athletes = live.execute(
            "SELECT id, full_name, club_id, member_id FROM athletes ORDER BY id"
        )
        assert [tuple(row) for row in athletes] == [
            (3, "Ayu Lestari", 2, "JM-001"),
            (7, "Sari Dewi", 1, "JM-002"),
            (12, "Rina Wati", None, "JM-003"),
        ]
        organisation = ClubsService(db).organisation()
        assert (organisation.name, organisation.member_id_prefix) == (None, "JM-")
        assert live.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()


def test_a_version_6_club_list_with_dojo_a_twice_in_two_cases_still_opens(
    data_dir: Path,
) -> None:
    # Version 6 never refused "dojo a" beside "Dojo A" (`demo --force` even added a second
    # "Demo Judo Club"); from version 7 on a club's name is unique whatever its case, and the
    # file must still open with every club and athlete: the later twins get a number.
    path = database_path(data_dir)
    _version_6_club(path, [(1, "Dojo A"), (2, "dojo a"), (3, "DOJO A (2)"), (4, "DOJO A")])

    db = open_database(path)
    try:
        clubs = {c.id: (c.name, c.athlete_count) for c in ClubsService(db).clubs()}
        assert clubs == {
            1: ("Dojo A", 1),
            2: ("dojo a (3)", 0),
            3: ("DOJO A (2)", 0),
            4: ("DOJO A (4)", 1),
        }
        assert db.connection().execute("SELECT count(*) FROM athletes").fetchone()[0] == 3
    finally:
        db.close()
