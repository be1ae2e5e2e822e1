"""The reports a coach hands over, built from a club made in the test: every report in every
format read back (pypdf, openpyxl, csv) and checked against the service's own view, what
each report lists and counts, the checks of a request, the organisation's logo, and print."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from judo_manager.bridge.guards import error_for_page
from judo_manager.bridge.reports import ReportsApi
from judo_manager.db import Database
from judo_manager.errors import ValidationError
from judo_manager.exports.model import EXPORT_FORMATS, ExportFormat, joined_problems
from judo_manager.exports.service import ExportsService
from judo_manager.exports.spreadsheets import guarded
from judo_manager.i18n import speaking
from judo_manager.reports.model import ReportView
from judo_manager.reports.service import ReportsService
from tests.media_files import ChoosingWindow, photo_bytes, write
from tests.tournament_club import TournamentClub

AYSE, AN, TARO, RETIRED = "Öztürk, Ayşe", "Nguyễn Văn An", "山田太郎", "Retired Member"
PERIOD = {"name": "promotions", "from_date": "2026-01-01", "to_date": "2026-06-15"}
REQUESTS: dict[str, dict[str, Any]] = {
    "roster": {"name": "roster"},
    "roster-columns": {
        "name": "roster",
        "columns": ["name", "birth_date", "phone", "guardian_phone", "licence_until"],
        "filters": {"status": "all"},
    },
    "grading": {"name": "grading"},
    "promotions": PERIOD,
    "medals-by-athlete": {"name": "medals", "season": 2026},
    "medals-by-tournament": {"name": "medals", "season": 2026, "group_by": "tournament"},
    "papers": {"name": "papers"},
}


@pytest.fixture
def club(db: Database, tmp_path: Path) -> TournamentClub:
    """Three active athletes and a retired one, today being 15 June 2026, with
    promotions, medals and papers at the edges the reports judge by, and the
    organisation's name and logo set."""
    club = TournamentClub.on(db)
    ayse = club.athlete(
        AYSE,
        sex="F",
        weight=48.0,
        phone="0812-1",
        joined_on="2026-02-01",
        licence_valid_until="2026-06-10",
        medical_valid_until="2026-07-01",
    )
    an = club.athlete(
        AN, born="2008-06-15", joined_on="2019-05-01", medical_valid_until="2026-06-15"
    )
    taro = club.athlete(
        TARO,
        weight=66.1,
        guardian_phone="0813-9",
        joined_on="2020-01-01",
        licence_valid_until="2026-06-20",
    )
    retired = club.athlete(RETIRED, active=False, joined_on="2018-01-01",
                           licence_valid_until="2026-06-01")  # fmt: skip
    promote(club, ayse.id, "2026-01-01", "Green", "K. Tanaka (6th Dan)")  # the first day
    promote(club, an.id, "2025-12-31", "Green", "K. Tanaka (6th Dan)")  # a day before it
    promote(club, an.id, "2026-06-15", "Blue", '=HYPERLINK("http://x")')  # the last day
    promote(club, retired.id, "2026-03-03", "Green", None)  # inactive, but promoted
    medal(club, ayse.id, "Bogor Cup", "2026-02-01", "gold")
    medal(club, ayse.id, "Jakarta Open", "2026-05-03", "gold")
    medal(club, an.id, "Jakarta Open", "2026-05-03", "silver", "U18 -66 kg")
    medal(club, an.id, "JAKARTA OPEN", "2026-05-03", "bronze", "Open")  # typed otherwise
    medal(club, taro.id, "Jakarta Open", "2025-11-10", "gold")  # another season
    blue = next(belt for belt in club.rules.get().belts if belt.name == "Blue")
    club.rules.update_belt(
        blue.id,
        {
            "name": "Blue",
            "kind": "kyu",
            "color": blue.color,
            "second_color": None,
            "min_months": 6,
            "min_age": None,
        },
    )
    logo = club.media.check_file(write(tmp_path, "logo.png", photo_bytes(kind="PNG")), "logo")
    club.clubs.set_organisation_logo(club.media.hold(logo, "logo").token)
    club.clubs.update_organisation({"name": "Dojo Garuda", "member_id_prefix": "DG-"})
    return club


def promote(
    club: TournamentClub, athlete_id: int, day: str, belt: str, examiner: str | None
) -> None:
    revision = club.athletes.get(athlete_id).revision
    club.athletes.add_promotion(
        athlete_id,
        revision,
        {"promoted_on": day, "belt_id": club.belts[belt], "examiner": examiner},
    )


def medal(
    club: TournamentClub, athlete_id: int, competition: str, day: str, place: str,
    category: str | None = None,
) -> None:  # fmt: skip
    revision = club.athletes.get(athlete_id).revision
    club.athletes.add_medal(
        athlete_id,
        revision,
        {"competition": competition, "held_on": day, "place": place, "category": category},
    )


@pytest.fixture
def reports(club: TournamentClub) -> ReportsService:
    return ReportsService(
        club.athletes, club.rules, club.clubs, viewing=club.db.folder.viewing, today=club.clock
    )


def show(reports: ReportsService, request: dict[str, Any]) -> ReportView:
    return reports.view(reports.query(request))


def rows_of(view: ReportView) -> list[list[str]]:
    """The view's lines as a spreadsheet has them: group values, cells, problems."""
    return [
        [*group.values, *row.cells, joined_problems(row.problems)]
        for group in view.groups
        for row in group.rows
    ]


def column(view: ReportView, key: str) -> list[str]:
    index = [c.key for c in view.columns].index(key)
    return [row.cells[index] for group in view.groups for row in group.rows]


def read_back(path: Path, export_format: ExportFormat) -> list[list[str]] | str:
    """A saved file's rows (CSV, XLSX), or its text (PDF)."""
    if export_format == "csv":
        return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    if export_format == "xlsx":
        sheet = load_workbook(path).active
        return [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def saved(reports: ReportsService, tmp_path: Path) -> Iterator[Any]:
    exports = ExportsService()

    def save(request: dict[str, Any], export_format: ExportFormat) -> Path:
        query = reports.query(request)
        path = tmp_path / reports.file_name(query, export_format)
        exports.save(reports.sheet(query), export_format, path)
        return path

    yield save


@pytest.mark.parametrize("export_format", EXPORT_FORMATS)
@pytest.mark.parametrize("report", REQUESTS)
def test_every_report_saves_in_every_format_what_the_page_shows(
    reports: ReportsService, saved: Any, report: str, export_format: ExportFormat
) -> None:
    request = REQUESTS[report]
    view = show(reports, request)
    path = saved(request, export_format)
    back = read_back(path, export_format)

    assert view.row_count > 0
    if export_format == "pdf":
        assert isinstance(back, str)
        for text in (view.title, "Dojo Garuda", view.summary, *view.details):
            assert text in back
        for group in view.groups:
            assert " · ".join(group.values) in back if group.values else True
            assert group.total in back
        names = [row.cells[[c.key for c in view.columns].index("name")]
                 for group in view.groups for row in group.rows] if any(
            c.key == "name" for c in view.columns) else []  # fmt: skip
        positions = [back.index(name) for name in dict.fromkeys(names)]
        assert positions == sorted(positions)  # in the view's order
        assert "Page 1 of 1" in back
        return
    header, *lines = back
    assert header[:-1] == [*view.group_columns, *(c.label for c in view.columns)]
    expected = rows_of(view)
    if export_format == "csv":
        expected = [[guarded(value) for value in row] for row in expected]
    assert lines == expected


def test_the_roster_report_is_the_roster_with_its_filters_and_columns(
    reports: ReportsService,
) -> None:
    default = show(reports, {"name": "roster"})
    assert [c.key for c in default.columns] == [
        "member_id", "name", "birth_date", "sex", "belt", "weight", "club", "category",
        "weight_class",
    ]  # fmt: skip
    assert sorted(column(default, "name")) == sorted([AYSE, AN, TARO])  # active only
    # The whole birth date, in the coach's language: what `athletes import` reads back.
    born = dict(zip(column(default, "name"), column(default, "birth_date"), strict=True))
    assert born == {AYSE: "2 Apr 2010", AN: "15 Jun 2008", TARO: "2 Apr 2010"}
    assert default.summary == "3 athletes"
    assert [c.key for c in default.available_columns if c.chosen] == [
        c.key for c in default.columns
    ]

    chosen = show(reports, REQUESTS["roster-columns"] | {"sort": "licence_until"})
    assert [c.label for c in chosen.columns] == [
        "Name", "Birth date", "Phone", "Guardian phone", "Licence valid until",
    ]  # fmt: skip
    assert rows_of(chosen) == [
        [RETIRED, "2 Apr 2010", "", "", "1 Jun 2026",
         "The licence expired on 1 Jun 2026."],
        [AYSE, "2 Apr 2010", "0812-1", "", "10 Jun 2026",
         "The licence expired on 10 Jun 2026."],
        [TARO, "2 Apr 2010", "", "0813-9", "20 Jun 2026", ""],
        [AN, "15 Jun 2008", "", "", "31 Dec 2027", ""],
    ]  # fmt: skip
    women = show(reports, {"name": "roster", "filters": {"sex": "F"}})
    assert column(women, "name") == [AYSE]
    assert women.details == ["Active athletes · Women"]
    heaviest = show(reports, {"name": "roster", "sort": "weight", "descending": True})
    assert column(heaviest, "weight") == ["66.1 kg", "66 kg", "48 kg"]


def test_only_the_athletes_new_in_the_season(reports: ReportsService) -> None:
    new = show(reports, {"name": "roster", "new_in_season": True, "filters": {"season": 2026}})
    assert column(new, "name") == [AYSE]  # joined on 1 Feb 2026
    assert new.details == ["Active athletes · New this season"]
    assert show(reports, {"name": "roster", "new_in_season": True,
                          "filters": {"season": 2019}}).row_count == 1  # fmt: skip


def test_the_grading_report_lists_who_is_ready_then_who_will_be_soon(
    reports: ReportsService, saved: Any
) -> None:
    view = show(reports, {"name": "grading"})

    assert view.title == "Grading readiness"
    assert [(g.values, g.total) for g in view.groups] == [
        (["Ready to grade"], "1 athlete"),
        (["Ready within 3 months"], "1 athlete"),
    ]
    assert rows_of(view) == [
        # Never promoted: counted from the day joined. The retired athlete is not listed.
        ["Ready to grade", TARO, "JM-003", "2 Apr 2010", "16", "Orange",
         "6 years, 5 months (since joining)", "Orange-Green", "1 Jul 2020", ""],
        ["Ready within 3 months", AYSE, "JM-001", "2 Apr 2010", "16", "Green", "5 months",
         "Blue", "1 Jul 2026", ""],
    ]  # fmt: skip
    assert view.summary == "1 ready now, 1 ready within 3 months"
    assert view.details == ["As of 15 Jun 2026"]
    assert "Examiner's name and signature" in read_back(saved({"name": "grading"}, "pdf"), "pdf")


def test_the_promotions_of_a_period_include_both_its_days(reports: ReportsService) -> None:
    view = show(reports, PERIOD)

    assert view.title == "Promotions, 1 Jan 2026 to 15 Jun 2026"
    assert rows_of(view) == [
        [AYSE, "JM-001", "2 Apr 2010", "PJSI-10001", "Orange", "Green", "1 Jan 2026",
         "K. Tanaka (6th Dan)", ""],
        [RETIRED, "JM-004", "2 Apr 2010", "PJSI-10001", "Orange", "Green", "3 Mar 2026", "", ""],
        [AN, "JM-002", "15 Jun 2008", "PJSI-10001", "Green", "Blue", "15 Jun 2026",
         '=HYPERLINK("http://x")', ""],
    ]  # fmt: skip
    assert view.summary == "3 promotions, of 3 athletes"
    newest_first = show(reports, PERIOD | {"sort": "promoted_on", "descending": True})
    assert column(newest_first, "promoted_on") == ["15 Jun 2026", "3 Mar 2026", "1 Jan 2026"]
    assert show(reports, PERIOD | {"to_date": "2026-06-14"}).row_count == 2


def test_the_medals_are_counted_by_athlete_and_by_competition(reports: ReportsService) -> None:
    by_athlete = show(reports, REQUESTS["medals-by-athlete"])

    assert by_athlete.title == "Medals, season 2026"
    assert [(g.values, g.total) for g in by_athlete.groups] == [
        ([AYSE], "2 gold, 0 silver, 0 bronze (2 medals)"),  # most gold first
        ([AN], "0 gold, 1 silver, 1 bronze (2 medals)"),
    ]
    assert by_athlete.summary == "2 gold, 1 silver, 1 bronze (4 medals)"
    assert by_athlete.groups[0].rows[0].cells == ["Bogor Cup", "1 Feb 2026", "", "Gold"]

    by_competition = show(reports, REQUESTS["medals-by-tournament"])
    assert [(g.values, g.total) for g in by_competition.groups] == [
        (["Bogor Cup", "1 Feb 2026"], "1 gold, 0 silver, 0 bronze (1 medal)"),
        # "JAKARTA OPEN" on the same day is the same competition.
        (["Jakarta Open", "3 May 2026"], "1 gold, 1 silver, 1 bronze (3 medals)"),
    ]
    assert [row.cells[3] for row in by_competition.groups[1].rows] == ["Gold", "Silver", "Bronze"]

    all_time = show(reports, {"name": "medals"})
    assert all_time.title == "Medals, all time"
    assert all_time.summary == "3 gold, 1 silver, 1 bronze (5 medals)"


def test_the_papers_to_renew_are_listed_one_per_paper_soonest_first(
    reports: ReportsService,
) -> None:
    view = show(reports, {"name": "papers"})

    assert [row[:7] for row in rows_of(view)] == [
        [AYSE, "JM-001", "Licence", "PJSI-10001", "10 Jun 2026", "Expired 5 days ago", "0812-1"],
        [AN, "JM-002", "Medical certificate", "", "15 Jun 2026", "Expires today", ""],
        [TARO, "JM-003", "Licence", "PJSI-10001", "20 Jun 2026", "Expires in 5 days", "0813-9"],
        [AYSE, "JM-001", "Medical certificate", "", "1 Jul 2026", "Expires in 16 days", "0812-1"],
    ]  # the retired athlete's, and the papers valid beyond 30 days, are not listed
    assert view.groups[0].rows[0].problems == ["The licence expired on 10 Jun 2026."]
    assert view.summary == "1 expired, 3 expiring within 30 days"
    assert view.details == ["As of 15 Jun 2026: expired, or expiring within 30 days"]


def test_a_report_speaks_the_language_it_is_asked_in(reports: ReportsService) -> None:
    with speaking("id"):
        view = show(reports, {"name": "papers"})
    assert view.summary == "1 kedaluwarsa, 3 akan kedaluwarsa dalam 30 hari"
    assert column(view, "valid_until")[0] == "10 Jun 2026"
    assert column(view, "state")[1] == "Berakhir hari ini"


@pytest.mark.parametrize(
    ("request_", "field", "words"),
    [
        ({"name": "budget"}, "name", "Report must be one of: roster, grading"),
        ({}, "name", "Please choose a report."),
        ({"name": "promotions", "from_date": "2026-01-01"}, "to_date", "To is required."),
        (PERIOD | {"from_date": "1 Jan 2026"}, "from_date", "From is not a valid date."),
        (PERIOD | {"from_date": "2026-07-01"}, "to_date",
         "The period ends on 15 Jun 2026, before it starts on 1 Jul 2026."),
        ({"name": "roster", "columns": ["name", "salary"]}, "columns",
         "This report has no column salary."),
        ({"name": "roster", "columns": "name"}, "columns", "The chosen columns are not right."),
        ({"name": "papers", "sort": "weight"}, "sort", "This report can't be sorted by weight."),
        ({"name": "medals", "group_by": "club"}, "group_by", "Group by must be one of"),
        ({"name": "medals", "season": "2026"}, "season", "Season must be a whole number."),
        ({"name": "roster", "filters": "all"}, "filters", "The roster's filters are not right."),
        ({"name": "roster", "filters": {"season": 1800}}, "season", "Season must be between"),
        ({"name": "roster", "descending": "yes"}, "descending", "Descending must be ticked"),
    ],
)  # fmt: skip
def test_a_request_the_reports_cant_answer_is_refused_in_words(
    reports: ReportsService, request_: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        reports.query(request_)
    assert field in refused.value.fields
    assert words in str(refused.value.fields[field])


def test_every_pdf_is_headed_by_the_organisations_name_and_logo(
    reports: ReportsService, saved: Any
) -> None:
    for report in REQUESTS:
        first = PdfReader(saved(REQUESTS[report], "pdf")).pages[0]
        assert len(first.images) == 1, report
        assert first.extract_text().startswith("Dojo Garuda"), report


def test_a_damaged_logo_costs_only_the_logo(
    club: TournamentClub, reports: ReportsService, saved: Any
) -> None:
    with club.db.write() as conn:
        conn.execute("UPDATE media_data SET data = zeroblob(length(data))")

    page = PdfReader(saved({"name": "papers"}, "pdf")).pages[0]

    assert len(page.images) == 0 and page.extract_text().startswith("Dojo Garuda")


def test_the_file_names_say_what_and_when(reports: ReportsService) -> None:
    names = {
        report: reports.file_name(reports.query(request), "pdf")
        for report, request in REQUESTS.items()
    }
    assert names["grading"] == "grading_2026-06-15.pdf"
    assert names["promotions"] == "promotions_2026-01-01_2026-06-15.pdf"
    assert names["medals-by-athlete"] == "medals_2026_2026-06-15.pdf"
    assert reports.file_name(reports.query({"name": "medals"}), "csv") == "medals_2026-06-15.csv"
    assert names["roster"] == "roster_2026_2026-06-15.pdf"
    assert names["papers"] == "papers_2026-06-15.pdf"


def test_the_bridge_shows_saves_and_prints_what_the_page_asks_for(
    club: TournamentClub, reports: ReportsService, tmp_path: Path
) -> None:
    window = ChoosingWindow(tmp_path / "chosen.csv")
    api = ReportsApi(reports, ExportsService(), window)
    request = {
        "name": "roster", "season": None, "fromDate": None, "toDate": None,
        "filters": {"search": "", "sex": "M", "beltId": None, "categoryId": None,
                    "weightClassId": None, "clubId": None, "papers": "all",
                    "status": "active", "season": 2026, "sort": "name", "descending": False},
        "columns": ["name", "weight"], "newInSeason": False, "groupBy": "athlete",
        "sort": "weight", "descending": True,
    }  # fmt: skip

    shown = api.show(request)
    saved = api.save(request, "csv")
    api.print(request)

    assert [row["cells"] for row in shown["groups"][0]["rows"]] == [
        [TARO, "66.1 kg"],
        [AN, "66 kg"],
    ]
    assert shown["sort"] == "weight" and shown["rowCount"] == 2
    assert window.asked[0]["filename"] == "roster_2026_2026-06-15.csv"
    assert saved is not None and saved["fileName"] == "chosen.csv"
    assert read_back(tmp_path / "chosen.csv", "csv")[1:] == [
        [TARO, "66.1 kg", ""],
        [AN, "66 kg", ""],
    ]
    (printed,) = window.opened
    assert printed.parent == club.db.folder.viewing and printed.name.endswith(
        "-roster_2026_2026-06-15.pdf"
    )
    assert TARO in PdfReader(printed).pages[0].extract_text()
    with pytest.raises(ValidationError) as refused:
        api.show(
            {**request, "name": "promotions", "fromDate": "2026-02-01", "toDate": "2026-01-01"}
        )
    assert error_for_page(refused.value)["message"].count('"toDate"') == 1
