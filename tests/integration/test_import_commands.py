"""`judo-manager athletes import FILE`: the preview printed, --dry-run changing nothing, the
coach's yes, the refusal while a window holds the data folder, and `athletes export` read
back in either language."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from judo_manager.cli import main
from judo_manager.db import Database, open_database
from judo_manager.db.layout import DataFolder, database_path
from judo_manager.db.lock import DataFolderLock
from judo_manager.restore.safety_copies import every_copy
from judo_manager.wiring import AppServices
from tests.conftest import data_digest, run_cli

ROWS = [
    ["Nama", "Tanggal Lahir", "JK", "Sabuk", "Berat"],
    ["José Rahayu", "03/05/2011", "P", "Kuning", "38,5"],
    ["Budi Santoso", "04/06/2010", "L", "2 kyu", "52"],
    ["Rusak", "31/02/2010", "L", "Putih", "40"],
]


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "klub.csv"
    with path.open("w", newline="", encoding="cp1252") as out:
        csv.writer(out, delimiter=";").writerows(ROWS)
    return path


def _count(db: Database) -> int:
    return int(db.connection().execute("SELECT count(*) FROM athletes").fetchone()[0])


def test_a_dry_run_prints_the_preview_and_changes_nothing(
    db: Database, sheet: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = data_digest(db.path)
    data_dir = str(db.path.parent)

    code = main(["--data-dir", data_dir, "athletes", "import", str(sheet), "--dry-run"])

    out = capsys.readouterr().out
    assert code == 0
    assert "klub.csv: CSV, Windows-1252, separated by semicolon." in out
    assert "  Tanggal Lahir → Birth date  (03/05/2011, 04/06/2010, 31/02/2010)" in out
    assert "2 athletes to add" in out
    assert "row 4: Birth date '31/02/2010' doesn't exist." in out
    assert "Dry run: nothing was changed." in out
    assert data_digest(db.path) == before
    assert every_copy(DataFolder(db.path.parent)) == []


def test_the_import_asks_first_and_can_be_undone(
    db: Database, sheet: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = str(db.path.parent)
    before = data_digest(db.path)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["--data-dir", data_dir, "athletes", "import", str(sheet)]) == 1
    assert "Nothing was changed." in capsys.readouterr().out
    assert _count(db) == 0

    monkeypatch.setattr("builtins.input", lambda prompt: "ya")
    assert main(["--lang", "id", "--data-dir", data_dir, "athletes", "import", str(sheet)]) == 0
    assert _count(db) == 2
    assert "1 baris bermasalah tidak diimpor." in capsys.readouterr().out  # row 4's date

    assert main(["--data-dir", data_dir, "undo-restore", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Your data is back as it was before the import (0 athletes)." in out
    assert data_digest(db.path) == before


def test_the_import_is_refused_while_a_window_has_the_data_open(db: Database, sheet: Path) -> None:
    data_dir = db.path.parent
    before = data_digest(db.path)
    window = DataFolderLock(DataFolder(data_dir))
    window.acquire("")  # as an open window holds it
    try:
        result = run_cli(data_dir, "athletes", "import", str(sheet), "--yes")
    finally:
        window.release()

    assert result.returncode == 1
    assert "Close its window first" in result.stderr
    assert data_digest(db.path) == before


def test_a_file_that_isnt_a_spreadsheet_is_refused_in_one_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "athletes.xlsx"
    fake.write_bytes(b"%PDF-1.7\n")

    code = main(["--data-dir", str(db.path.parent), "athletes", "import", str(fake), "--yes"])

    assert code == 1
    assert capsys.readouterr().err.startswith("error: athletes.xlsx is a PDF document")


@pytest.mark.parametrize(("language", "suffix"), [("id", "csv"), ("en", "xlsx"), ("id", "xlsx")])
def test_athletes_export_then_import_gives_back_the_same_athletes(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, suffix: str
) -> None:
    club = AppServices.build(db)
    belts = {belt.name: belt.id for belt in club.rules.get().belts}
    for name, born, sex, belt, weight in [
        ("Siti Rahayu", "2011-05-03", "F", "Yellow", 38.5),
        ("Budi Santoso", "2008-12-30", "M", "1st Dan", 73.0),
        ("Dewi Lestari", "2009-08-13", "F", "Green", 52.0),
    ]:
        club.athletes.create(
            {"full_name": name, "birth_date": born, "sex": sex, "belt_id": belts[belt],
             "weight_kg": weight, "active": True}
        )  # fmt: skip
    roster = tmp_path / f"roster.{suffix}"
    elsewhere = tmp_path / "elsewhere"
    open_database(database_path(elsewhere)).close()

    assert main(["--lang", language, "--data-dir", str(db.path.parent),
                 "athletes", "export", str(roster)]) == 0  # fmt: skip
    capsys.readouterr()
    code = main(["--lang", language, "--data-dir", str(elsewhere),
                 "athletes", "import", str(roster), "--yes"])  # fmt: skip

    out = capsys.readouterr().out
    assert code == 0, out
    assert {"en": "3 athletes to add", "id": "3 atlet akan ditambahkan"}[language] in out
    # The birth dates went out as the language writes them, and came back as the same days.
    assert {"en": "3 May 2011", "id": "3 Mei 2011"}[language] in out
    imported = open_database(database_path(elsewhere))
    try:
        assert _athletes(AppServices.build(imported)) == _athletes(club)
    finally:
        imported.close()


def _athletes(services: AppServices) -> list[tuple[object, ...]]:
    """Every athlete as an import fills them, with their belt by name."""
    belts = {belt.id: belt.name for belt in services.rules.get().belts}
    rows = services.athletes.roster({"status": "all"}).rows
    return sorted(
        (a.member_id, a.full_name, a.birth_date, a.sex, belts.get(a.belt_id or 0), a.weight_kg)
        for a in (services.athletes.get(row.id) for row in rows)
    )
