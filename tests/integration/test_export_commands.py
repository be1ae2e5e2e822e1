"""`judo-manager tournaments entry-sheet ID DEST` and `judo-manager athletes export DEST`: the
kind of file from DEST's extension, written verified, refused in one clear line otherwise."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from judo_manager.cli import main
from judo_manager.db import Database
from tests.conftest import run_cli
from tests.tournament_club import TournamentClub

NAMES = ("Öztürk, Ayşe", "Nguyễn Văn An", "山田太郎")


@pytest.fixture
def club(db: Database) -> TournamentClub:
    """A club with three athletes born in 2010 entered in the Bogor Open (12 July 2026),
    and one inactive athlete who is not."""
    club = TournamentClub.on(db)
    ayse = club.athlete(NAMES[0], sex="F", weight=48.0)
    an = club.athlete(NAMES[1], weight=66.0)
    taro = club.athlete(NAMES[2], weight=66.1, licence_valid_until="2026-07-01")
    club.athlete("Retired Member", active=False)
    club.enter(club.tournament("Bogor Open"), ayse, an, taro)
    return club


def _data_dir(club: TournamentClub) -> str:
    return str(club.db.path.parent)


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


def test_the_entry_sheet_is_saved_in_the_kind_its_name_ends_in(
    club: TournamentClub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("entries.pdf", "entries.csv", "Entries.XLSX"):
        assert main(["--data-dir", _data_dir(club), "tournaments", "entry-sheet", "1",
                     str(out / name)]) == 0  # fmt: skip
        said = capsys.readouterr().out
        assert said.startswith(f"Saved the entry sheet of Bogor Open to {out / name} (")

    text = "".join(page.extract_text() for page in PdfReader(out / "entries.pdf").pages)
    assert text.index("U18 · Female · -48 kg") < text.index(NAMES[0])
    assert text.index("U18 · Male · -66 kg") < text.index(NAMES[1])
    assert text.index("U18 · Male · -73 kg") < text.index(NAMES[2])
    assert "The licence runs out on 1 Jul 2026" in text  # 山田's conflict, under his row
    rows = _csv(out / "entries.csv")
    assert [row[4] for row in rows[1:]] == list(NAMES)
    assert rows[2][2] == "'-66 kg"  # guarded like every value a spreadsheet would run
    sheet = load_workbook(out / "Entries.XLSX").active
    assert [cell.value for cell in sheet["C"]][1:] == ["-48 kg", "-66 kg", "-73 kg"]
    assert sorted(os.listdir(out)) == ["Entries.XLSX", "entries.csv", "entries.pdf"]


def test_the_entry_sheet_speaks_the_commands_language(club: TournamentClub, tmp_path: Path) -> None:
    destination = tmp_path / "pendaftaran.pdf"

    result = run_cli(
        Path(_data_dir(club)), "--lang", "id", "tournaments", "entry-sheet", "1", str(destination)
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Lembar pendaftaran Bogor Open disimpan ke")
    text = PdfReader(destination).pages[0].extract_text()
    assert "Halaman 1 dari 1" in text
    assert all(name in text for name in NAMES)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["tournaments", "entry-sheet", "1", "{dest}/entries.txt"],
         "entries.txt doesn't end in one of .pdf, .csv, .xlsx"),
        (["tournaments", "entry-sheet", "1", "{dest}/earlier.pdf"],
         "earlier.pdf already exists. Add --force to replace it."),
        (["tournaments", "entry-sheet", "1", "{dest}"], "is a folder"),
        (["tournaments", "entry-sheet", "7", "{dest}/entries.pdf"],
         "That tournament is no longer there"),
        (["athletes", "export", "{dest}/athletes.xls"],
         "athletes.xls doesn't end in one of .pdf, .csv, .xlsx"),
        (["athletes", "export", "{dest}/athletes.csv", "--season", "1800"], "Season"),
    ],
)  # fmt: skip
def test_a_refused_export_says_why_in_one_line_and_writes_nothing(
    club: TournamentClub,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    words: str,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.pdf").write_bytes(b"last week's sheet")

    code = main(["--data-dir", _data_dir(club), *(a.replace("{dest}", str(out)) for a in args)])

    error = capsys.readouterr().err
    assert code == 1
    assert error.startswith("error: ") and words in error and error.count("\n") == 1, error
    assert os.listdir(out) == ["earlier.pdf"]
    assert (out / "earlier.pdf").read_bytes() == b"last week's sheet"


def test_an_export_wants_club_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none"

    code = main(["--data-dir", str(missing), "athletes", "export", str(tmp_path / "a.csv")])

    assert code == 1
    assert "There is no club data in" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "a.csv").exists()


def test_the_roster_is_exported_with_each_athletes_category_and_weight_class(
    club: TournamentClub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _data_dir(club)
    member_ids = {a.full_name: a.member_id for a in club.athletes.roster({"status": "all"}).rows}

    assert main(["--data-dir", data_dir, "athletes", "export", str(tmp_path / "a.csv"),
                 "--season", "2026"]) == 0  # fmt: skip
    assert capsys.readouterr().out.startswith(f"Saved 3 athletes to {tmp_path / 'a.csv'} (")
    assert main(["--data-dir", data_dir, "athletes", "export", str(tmp_path / "a.xlsx"),
                 "--season", "2030"]) == 0  # fmt: skip

    rows = _csv(tmp_path / "a.csv")
    assert rows[0] == ["Member ID", "Name", "Birth date", "Sex", "Belt", "Weight", "Club",
                       "Age category", "Weight class", "Papers"]  # fmt: skip
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == set(NAMES)  # the inactive athlete is left out
    assert by_name[NAMES[0]] == [member_ids[NAMES[0]], NAMES[0], "2 Apr 2010", "Female", "Orange",
                                 "48 kg", "", "U18", "'-48 kg", ""]  # fmt: skip
    assert by_name[NAMES[1]][5:9] == ["66 kg", "", "U18", "'-66 kg"]
    assert by_name[NAMES[2]][5:9] == ["66.1 kg", "", "U18", "'-73 kg"]
    # In 2030 they are 20: juniors, with the juniors' ladder.
    sheet = load_workbook(tmp_path / "a.xlsx").active
    by_name = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_name[NAMES[1]][7:9] == ("U21", "-66 kg")
    assert by_name[NAMES[0]][7:9] == ("U21", "-48 kg")
