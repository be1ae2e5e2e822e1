"""`judo-manager report NAME DEST` and `athletes export DEST.pdf`: the report the page would
show, saved in the kind of file DEST's extension asks for, or refused in one clear line."""

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
from judo_manager.exports.model import joined_problems
from judo_manager.exports.spreadsheets import guarded
from judo_manager.reports.service import ReportsService
from tests.conftest import run_cli
from tests.tournament_club import TournamentClub

NAMES = ("Öztürk, Ayşe", "Nguyễn Văn An", "山田太郎")


@pytest.fixture
def club(db: Database) -> TournamentClub:
    """Three athletes, each promoted once in 2025 and with a medal of 2025."""
    club = TournamentClub.on(db)
    for number, name in enumerate(NAMES, start=1):
        athlete = club.athlete(name, joined_on="2024-01-01")
        club.athletes.add_promotion(
            athlete.id,
            athlete.revision,
            {"promoted_on": f"2025-0{number}-10", "belt_id": club.belts["Green"],
             "examiner": "K. Tanaka"},
        )  # fmt: skip
        athlete = club.athletes.get(athlete.id)
        club.athletes.add_medal(
            athlete.id,
            athlete.revision,
            {"competition": "Bogor Open", "held_on": "2025-05-03", "place": "gold"},
        )
    return club


def _service(club: TournamentClub) -> ReportsService:
    """The reports as the command sees them: today being the real today."""
    return ReportsService(club.athletes, club.rules, club.clubs, viewing=club.db.folder.viewing)


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("args", "request_"),
    [
        (["roster"], {"name": "roster", "filters": {"status": "active"}}),
        (["grading"], {"name": "grading"}),
        (["promotions", "--from", "2025-01-01", "--to", "2025-02-28"],
         {"name": "promotions", "from_date": "2025-01-01", "to_date": "2025-02-28"}),
        (["medals", "--season", "2025", "--group-by", "tournament"],
         {"name": "medals", "season": 2025, "group_by": "tournament"}),
        (["papers"], {"name": "papers"}),
    ],
)  # fmt: skip
def test_each_report_is_saved_as_the_page_shows_it(
    club: TournamentClub,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    request_: dict[str, object],
) -> None:
    data_dir = str(club.db.path.parent)
    out = tmp_path / "out"
    out.mkdir()
    reports = _service(club)
    view = reports.view(reports.query(request_))
    for name in ("report.pdf", "report.csv", "Report.XLSX"):
        assert main(["--data-dir", data_dir, "report", args[0], str(out / name),
                     *args[1:]]) == 0  # fmt: skip
        assert capsys.readouterr().out.startswith(f"Saved {view.title} to {out / name} (")

    expected = [
        [*group.values, *row.cells, joined_problems(row.problems)]
        for group in view.groups
        for row in group.rows
    ]
    assert _csv(out / "report.csv")[1:] == [[guarded(v) for v in row] for row in expected]
    sheet = load_workbook(out / "Report.XLSX").active
    assert [["" if v is None else v for v in row] for row in sheet.iter_rows(min_row=2,
            values_only=True)] == expected  # fmt: skip
    text = "".join(page.extract_text() for page in PdfReader(out / "report.pdf").pages)
    assert view.title in text and view.summary in text
    assert sorted(os.listdir(out)) == ["Report.XLSX", "report.csv", "report.pdf"]


def test_the_promotions_of_a_period_are_the_ones_dated_in_it(
    club: TournamentClub, tmp_path: Path
) -> None:
    dest = tmp_path / "registrar.csv"
    assert main(["--data-dir", str(club.db.path.parent), "report", "promotions", str(dest),
                 "--from", "2025-02-10", "--to", "2025-03-10"]) == 0  # fmt: skip

    rows = _csv(dest)
    assert [row[0] for row in rows[1:]] == [NAMES[1], NAMES[2]]  # 10 Feb and 10 Mar
    assert rows[1][4:8] == ["Orange", "Green", "10 Feb 2025", "K. Tanaka"]


def test_the_athletes_are_exported_as_a_pdf_too(club: TournamentClub, tmp_path: Path) -> None:
    dest = tmp_path / "athletes.pdf"
    assert main(["--data-dir", str(club.db.path.parent), "athletes", "export", str(dest)]) == 0

    text = PdfReader(dest).pages[0].extract_text()
    assert all(name in text for name in NAMES) and "3 athletes" in text


def test_the_report_speaks_the_commands_language(club: TournamentClub, tmp_path: Path) -> None:
    destination = tmp_path / "medali.pdf"

    result = run_cli(Path(club.db.path.parent), "--lang", "id", "report", "medals",
                     str(destination))  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Medali, sepanjang masa disimpan ke")
    assert "Halaman 1 dari 1" in PdfReader(destination).pages[0].extract_text()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["report", "promotions", "{dest}/p.csv"],
         "The promotions report needs the period: --from DATE --to DATE"),
        (["report", "promotions", "{dest}/p.csv", "--from", "2025-03-01", "--to", "2025-01-01"],
         "The period ends on 1 Jan 2025, before it starts on 1 Mar 2025."),
        (["report", "promotions", "{dest}/p.csv", "--from", "March", "--to", "2025-01-01"],
         "From is not a valid date."),
        (["report", "medals", "{dest}/m.csv", "--season", "1800"], "Season must be between"),
        (["report", "papers", "{dest}/earlier.pdf"],
         "earlier.pdf already exists. Add --force to replace it."),
        (["report", "papers", "{dest}/papers.txt"],
         "papers.txt doesn't end in one of .pdf, .csv, .xlsx"),
        (["report", "papers", "{dest}"], "is a folder"),
    ],
)  # fmt: skip
def test_a_refused_report_says_why_in_one_line_and_writes_nothing(
    club: TournamentClub,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    words: str,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.pdf").write_bytes(b"last week's report")

    code = main(["--data-dir", str(club.db.path.parent),
                 *(a.replace("{dest}", str(out)) for a in args)])  # fmt: skip

    error = capsys.readouterr().err
    assert code == 1
    assert error.startswith("error: ") and words in error and error.count("\n") == 1, error
    assert os.listdir(out) == ["earlier.pdf"]
    assert (out / "earlier.pdf").read_bytes() == b"last week's report"


def test_a_report_wants_club_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none"

    code = main(["--data-dir", str(missing), "report", "papers", str(tmp_path / "p.csv")])

    assert code == 1
    assert "There is no club data in" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "p.csv").exists()
