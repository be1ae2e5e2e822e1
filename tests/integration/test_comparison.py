"""The restore and undo previews name who is lost, added or changed, on real files."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from pathlib import Path

import pytest

from judo_manager.athletes.service import AthletesService
from judo_manager.backup.service import BackupService
from judo_manager.db import Database, open_database
from judo_manager.db.comparison import EXAMPLES, KindDifference, compare
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import MIGRATIONS, migrate
from judo_manager.demo.generator import fill_demo_club
from judo_manager.jobs import JobLock
from judo_manager.restore import safety_copies
from judo_manager.restore.service import RestoreService
from tests.conftest import data_digest, make_backup, run_cli


@pytest.fixture
def club(db: Database) -> Database:
    fill_demo_club(db, 30, seed=1)
    return db


def _by_table(differences: object) -> dict[str, KindDifference]:
    assert differences is not None
    return {d.table: d for d in differences}  # type: ignore[attr-defined]


def _form(athlete: object, **changes: object) -> dict[str, object]:
    fields = [
        "full_name",
        "birth_date",
        "sex",
        "belt_id",
        "weight_kg",
        "member_id",
        "club_id",
        "joined_on",
        "licence_number",
        "licence_valid_until",
        "medical_valid_until",
        "phone",
        "email",
        "address",
        "school",
        "guardian_name",
        "guardian_phone",
        "notes",
        "active",
    ]
    return {name: getattr(athlete, name) for name in fields} | changes


def test_a_backup_of_the_same_club_names_each_change_since(club: Database, tmp_path: Path) -> None:
    backup = BackupService(club, JobLock()).export(_stick(tmp_path) / "club.db", replace=False).path
    athletes = AthletesService(club)
    first, second, third, fourth = (athletes.get(i) for i in (1, 2, 3, 4))
    athletes.update(first.id, first.revision, _form(first, full_name="Renamed Person"))
    athletes.update(second.id, second.revision, _form(second, weight_kg=99.5))
    athletes.add_medal(
        third.id,
        third.revision,
        {"competition": "Winter Cup", "held_on": "2026-01-10", "place": "gold"},
    )
    athletes.delete(fourth.id, fourth.revision)
    athletes.create(
        _form(
            first,
            full_name="Ana Silva",
            birth_date="2010-05-05",
            licence_number=None,
            member_id=None,
        )
    )

    plan = RestoreService(club, JobLock()).inspect(backup)

    found = _by_table(plan.differences)
    people = found["athletes"]
    # "Lost": in the current data only, gone after the restore; "added": the backup's only.
    assert [d.label for d in people.only_current_examples] == ["Ana Silva"]
    assert [d.label for d in people.only_other_examples] == [fourth.full_name]
    changed = {d.label: d for d in people.changed_examples}
    assert set(changed) == {"Renamed Person", second.full_name, third.full_name}
    [rename] = changed["Renamed Person"].fields
    assert (str(rename.field), str(rename.current), str(rename.other)) == (
        "name",
        "Renamed Person",
        first.full_name,
    )
    [weight] = changed[second.full_name].fields
    assert (str(weight.field), str(weight.current), str(weight.other)) == (
        "weight (kg)",
        "99.5",
        f"{second.weight_kg:g}",
    )
    [medals] = changed[third.full_name].children
    assert (medals.table, medals.only_current, medals.only_other) == ("medals", 1, 0)
    assert (found["medals"].only_current, found["medals"].only_other) == (
        1,
        len(fourth.medals),
    )


def test_another_clubs_backup_matches_nobody_by_id_alone(club: Database, tmp_path: Path) -> None:
    backup = make_backup(tmp_path / "stick" / "other.db", 45, seed=9)

    plan = RestoreService(club, JobLock()).inspect(backup)

    people = _by_table(plan.differences)["athletes"]
    assert (people.only_current, people.only_other, people.changed) == (30, 45, 0)
    assert len(people.only_current_examples) == len(people.only_other_examples) == EXAMPLES
    labels = [d.label for d in people.only_other_examples]
    assert labels == sorted(labels, key=str.casefold)


def test_the_undo_preview_names_the_work_done_since_the_restore(
    club: Database, tmp_path: Path
) -> None:
    service = RestoreService(club, JobLock())
    service.restore(service.inspect(make_backup(tmp_path / "stick" / "b.db", 12, seed=4)).token)
    assert service.preview_undo().work_since is None  # nothing done since

    athletes = AthletesService(club)
    template = athletes.get(1)
    ana = athletes.create(
        _form(
            template,
            full_name="Ana Silva",
            birth_date="2011-02-02",
            licence_number=None,
            member_id=None,
        )
    )
    for day, belt in (("2024-01-01", 3), ("2025-01-01", 4)):
        ana = athletes.add_promotion(ana.id, ana.revision, {"promoted_on": day, "belt_id": belt})

    plan = service.preview_undo()

    assert str(plan.work_since) == (
        "Since the restore you added 1 athlete (Ana Silva) and 2 promotions."
    )
    people = _by_table(plan.differences)["athletes"]
    assert "Ana Silva" in [d.label for d in people.only_current_examples]
    assert (people.only_current, people.only_other) == (13, 30)
    assert plan.backup.contents["athletes"] == 30


def _stick(tmp_path: Path) -> Path:
    (tmp_path / "stick").mkdir()
    return tmp_path / "stick"


def test_the_command_line_undo_names_the_lost_work_and_asks_first(
    club: Database, data_dir: Path, tmp_path: Path
) -> None:
    service = RestoreService(club, JobLock())
    service.restore(service.inspect(make_backup(tmp_path / "stick" / "b.db", 12, seed=4)).token)
    template = AthletesService(club).get(1)
    AthletesService(club).create(
        _form(
            template,
            full_name="Ana Silva",
            birth_date="2011-02-02",
            licence_number=None,
            member_id=None,
        )
    )
    club.close()
    before = data_digest(club.path)

    unattended = run_cli(data_dir, "undo-restore")
    said_no = run_cli(data_dir, "undo-restore", answer="n\n")

    for refused in (unattended, said_no):
        assert refused.returncode == 1, refused.stderr
        assert "Since the restore you added 1 athlete (Ana Silva). Undo will remove that work." in (
            refused.stdout
        )
        assert "Nothing was changed." in refused.stdout
    assert data_digest(club.path) == before

    agreed = run_cli(data_dir, "undo-restore", answer="y\n")

    assert agreed.returncode == 0, agreed.stderr
    assert "back as it was before the restore (30 athletes)" in agreed.stdout


def test_inspect_prints_who_the_backup_would_add_lose_and_change(
    club: Database, data_dir: Path, tmp_path: Path
) -> None:
    backup = BackupService(club, JobLock()).export(_stick(tmp_path) / "club.db", replace=False)
    athletes = AthletesService(club)
    first = athletes.get(1)
    athletes.update(first.id, first.revision, _form(first, weight_kg=81.5))
    club.close()

    shown = run_cli(data_dir, "inspect", str(backup.path))

    assert shown.returncode == 0, shown.stderr
    assert "In both, but different: 1 athlete" in shown.stdout
    assert f"{first.full_name}: weight (kg) 81.5 -> {first.weight_kg:g}" in shown.stdout
    assert "Only in" not in shown.stdout


def _insert(db_path: Path, rows: list[tuple[int, str, str, str]], year: int = 2020) -> None:
    """Athletes (id, name, birth date, notes) written as older data or another tool would,
    made early in `year`."""
    conn = sqlite3.connect(db_path)
    conn.executemany(
        "INSERT INTO athletes(id, full_name, search_name, birth_date, sex, notes, created_at) "
        "VALUES (?, ?, lower(?), ?, 'F', ?, ?)",
        [
            (i, name, name, born, notes, f"{year}-01-0{i}T00:00:00.000Z")
            for i, name, born, notes in rows
        ],
    )
    conn.commit()
    conn.close()


def test_look_alikes_keep_their_own_partners_and_a_shared_id_is_not_a_rename(
    db: Database, tmp_path: Path
) -> None:
    other = open_database(database_path(tmp_path / "other"))
    other.close()
    db.close()
    # Two records with one name and birth date (older data), the backup holding them under
    # other ids; and another club's athlete 9 born on the day ours was.
    _insert(db.path, [(1, "Ayu", "2010-01-01", "a"), (2, "Ayu", "2010-01-01", "b")])
    _insert(other.path, [(2, "Ayu", "2010-01-01", "b"), (3, "Ayu", "2010-01-01", "a")])
    _insert(db.path, [(9, "Ana", "2011-05-05", "")])
    _insert(other.path, [(9, "Zoe", "2011-05-05", "")], year=2024)

    with (
        contextlib.closing(sqlite3.connect(db.path)) as mine,
        contextlib.closing(sqlite3.connect(other.path)) as theirs,
    ):
        people = _by_table(compare(mine, theirs))["athletes"]

    assert people.changed == 0  # neither the look-alikes nor Ana are "changed"
    assert [d.label for d in people.only_current_examples] == ["Ana"]
    assert [d.label for d in people.only_other_examples] == ["Zoe"]


def test_the_undo_preview_reads_a_safety_copy_from_an_older_version(
    club: Database, tmp_path: Path
) -> None:
    service = RestoreService(club, JobLock())
    outcome = service.restore(service.inspect(make_backup(tmp_path / "s" / "b.db", 6)).token)
    assert outcome.undo is not None
    # A copy taken by a version whose athletes had no belt or search key yet.
    outcome.undo.path.unlink()
    old = sqlite3.connect(outcome.undo.path, isolation_level=None)
    migrate(old, 0, MIGRATIONS[:2])
    old.execute(
        "INSERT INTO athletes(full_name, birth_date, sex, weight_kg) "
        "VALUES ('Ayu', '2010-01-01', 'F', 40)"
    )
    old.close()

    plan = service.preview_undo()

    assert plan.differences is not None
    people = _by_table(plan.differences)["athletes"]
    assert (people.only_current, people.only_other) == (6, 1)
    assert service.undo().athletes == 1


def test_a_restore_goes_on_when_the_marks_cant_be_written(
    club: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(copy: Path, marks: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safety_copies, "keep_marks", disk_full)
    service = RestoreService(club, JobLock())

    restored = service.restore(service.inspect(make_backup(tmp_path / "s" / "b.db", 6)).token)

    assert restored.athletes == 6
    assert service.preview_undo().work_since is None  # only that sentence is missing
