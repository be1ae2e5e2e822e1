"""Importing athletes from a spreadsheet: real XLSX and CSV files made here, a real club."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sqlite3
import struct
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook, load_workbook

from judo_manager.db import Database
from judo_manager.errors import BusyError, ImportRejectedError
from judo_manager.i18n import LANGUAGES, speaking, translate
from judo_manager.imports.extents import Extent, xls_extents, xlsx_extent
from judo_manager.imports.model import ImportPreview
from judo_manager.wiring import AppServices
from tests.conftest import data_digest
from tests.legacy_xls import write_xls

HEADER = ["Name", "Date of birth", "Sex", "Belt", "Weight", "Club"]


@pytest.fixture
def services(db: Database) -> Iterator[AppServices]:
    yield AppServices.build(db)


def write_csv(
    path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8", separator: str = ","
) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, date_1904: bool = False) -> Path:
    workbook = Workbook()
    if date_1904:
        workbook.epoch = dt.datetime(1904, 1, 1)  # type: ignore[assignment]
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"


def _ods_cell(value: object) -> str:
    """A cell as LibreOffice saves it: its type and value, and the text it shows."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, tuple):  # (formula, saved value)
        formula, saved = value
        return (
            f'<table:table-cell table:formula="of:={escape(formula)}" office:value-type="float"'
            f' office:value="{saved}"><text:p>{saved}</text:p></table:table-cell>'
        )
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p>' + (
        "</table:table-cell>"
    )


def write_ods(path: Path, rows: Sequence[Sequence[object]], *, encrypted: bool = False) -> Path:
    """An OpenDocument spreadsheet as LibreOffice writes it, reduced to the parts a reader
    needs: the stored mimetype first, content.xml and the manifest. A date is a date cell,
    a (formula, value) pair a formula cell with the value it was saved with."""
    table = "".join(
        "<table:table-row>" + "".join(_ods_cell(value) for value in row) + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="Atlet">'
        f"{table}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    # A password-protected ODS says so in its manifest; its content.xml is then ciphertext.
    encryption = "<manifest:encryption-data/>" if encrypted else ""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        f' manifest:version="1.3"><manifest:file-entry manifest:full-path="/"'
        f' manifest:media-type="{ODS_MIMETYPE}"/><manifest:file-entry'
        f' manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}'
        "</manifest:file-entry></manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODS_MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("content.xml", os.urandom(2000) if encrypted else content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def settings_of(preview: ImportPreview, **changes: object) -> dict[str, object]:
    chosen: dict[str, object] = {
        "columns": [column.field for column in preview.columns],
        "date_order": preview.date_order,
        "duplicates": "skip",
    }
    chosen.update(changes)
    return chosen


def imported(services: AppServices, path: Path, **changes: object) -> ImportPreview:
    """Read `path` and import it with the app's guesses; the preview it was imported with."""
    preview = services.imports.read(path)
    settings = settings_of(preview, **changes)
    preview = services.imports.preview(preview.token, settings)
    assert preview.can_import, preview.problems
    services.imports.apply(preview.token, settings)
    return preview


def athletes(services: AppServices) -> dict[str, dict[str, object]]:
    """Every athlete by name, with the fields an import fills."""
    belts = {belt.id: belt.name for belt in services.rules.get().belts}
    clubs = {club.id: club.name for club in services.clubs.clubs()}
    found = {}
    for row in services.athletes.roster({"status": "all"}).rows:
        athlete = services.athletes.get(row.id)
        found[athlete.full_name] = {
            "born": athlete.birth_date,
            "sex": athlete.sex,
            "belt": belts.get(athlete.belt_id or 0),
            "weight": athlete.weight_kg,
            "club": clubs.get(athlete.club_id or 0),
            "member_id": athlete.member_id,
            "email": athlete.email,
        }
    return found


@pytest.mark.parametrize(
    ("encoding", "separator", "shown"),
    [
        ("cp1252", ";", "Windows-1252"),
        ("utf-8-sig", ",", "UTF-8 (BOM)"),
        ("utf-8", "\t", "UTF-8"),
        ("utf-16", ";", "UTF-16"),
    ],
)
def test_a_csv_in_any_usual_encoding_and_separator_is_read_and_shown(
    services: AppServices, tmp_path: Path, encoding: str, separator: str, shown: str
) -> None:
    path = write_csv(
        tmp_path / "club.csv",
        [HEADER, ["José Müller", "2011-05-03", "M", "Yellow", "45,5", ""]],
        encoding=encoding,
        separator=separator,
    )

    preview = imported(services, path)

    assert (preview.format, preview.encoding, preview.separator) == ("csv", shown, separator)
    assert athletes(services)["José Müller"]["weight"] == 45.5


def test_indonesian_headers_values_and_a_new_club_are_understood(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "klub.csv",
        [
            ["Nama Lengkap", "Tgl. Lahir", "Jenis Kelamin", "Sabuk", "Berat Badan", "Perguruan",
             "No HP", "Orang Tua", "Sekolah", "Catatan", "ID Anggota"],
            ["Siti Rahayu", "3/5/2011", "Perempuan", "Kuning", "38,5 kg", "Garuda", "0812",
             "Ibu Rahayu", "SDN 1", "kidal", "BJC-100"],
            ["Budi Santoso", "14.08.2010", "Laki-laki", "Sabuk Hijau", "52", "garuda", "", "",
             "", "", ""],
        ],
        encoding="cp1252",
        separator=";",
    )  # fmt: skip

    preview = services.imports.read(path)

    assert [c.field for c in preview.columns] == [
        "fullName", "birthDate", "sex", "belt", "weight", "club", "phone", "guardianName",
        "school", "notes", "memberId",
    ]  # fmt: skip
    assert all(c.guessed for c in preview.columns)
    assert preview.columns[0].samples == ["Siti Rahayu", "Budi Santoso"]
    assert preview.new_clubs == ["Garuda"]  # named twice, in two cases: one club
    imported(services, path)
    found = athletes(services)
    assert found["Siti Rahayu"] == {
        "born": "2011-05-03", "sex": "F", "belt": "Yellow", "weight": 38.5, "club": "Garuda",
        "member_id": "BJC-100", "email": None,
    }  # fmt: skip
    assert found["Budi Santoso"]["born"] == "2010-08-14"
    assert found["Budi Santoso"]["club"] == "Garuda"
    assert [club.name for club in services.clubs.clubs()] == ["Garuda"]


def test_a_club_named_only_on_rows_not_added_is_not_created(
    services: AppServices, tmp_path: Path
) -> None:
    belts = {belt.name: belt.id for belt in services.rules.get().belts}
    services.athletes.create(
        {"full_name": "Ana", "birth_date": "2011-05-03", "sex": "F",
         "belt_id": belts["White"], "weight_kg": 30.0, "active": True}
    )  # fmt: skip
    path = write_csv(
        tmp_path / "a.csv",
        [HEADER, ["Ana", "2011-05-03", "F", "White", "30", "Garuda"],  # already in the club
         ["Ben", "2011-05-04", "X", "White", "31", "Elang"],  # a problem row
         ["Cy", "2011-05-05", "M", "White", "31", "Harimau"]],
    )  # fmt: skip

    first = services.imports.read(path)
    assert first.new_clubs == ["Harimau"]
    filling = services.imports.preview(first.token, settings_of(first, duplicates="fill"))
    assert filling.new_clubs == ["Harimau"]
    imported(services, path, duplicates="fill")

    assert [club.name for club in services.clubs.clubs()] == ["Harimau"]
    assert athletes(services)["Ana"]["club"] is None  # a fill never gives a club it lacked


def test_a_ttl_column_place_and_date_of_birth_is_not_guessed_as_the_birth_date(
    services: AppServices, tmp_path: Path
) -> None:
    # "TTL" is "Tempat, Tanggal Lahir": the birthplace and the date in one cell.
    path = write_csv(
        tmp_path / "a.csv",
        [["Nama", "TTL", "Tgl Lahir", "JK", "Sabuk", "Berat"],
         ["Siti", "Bogor, 3 Mei 2011", "2011-05-03", "P", "Putih", "30"]],
    )  # fmt: skip

    preview = services.imports.read(path)

    assert [c.field for c in preview.columns] == [
        "fullName", None, "birthDate", "sex", "belt", "weight"
    ]  # fmt: skip
    imported(services, path)
    assert athletes(services)["Siti"]["born"] == "2011-05-03"


def test_first_and_last_names_in_two_columns_are_joined(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "split.xlsx",
        [
            ["First name", "Surname", "DOB", "Gender", "Grade", "Weight (kg)"],
            ["Ana", "Silva", dt.datetime(2012, 1, 9), "Female", "4 kyu", 33],
        ],
    )

    imported(services, path)

    assert athletes(services)["Ana Silva"]["born"] == "2012-01-09"


@pytest.mark.parametrize(
    "typed",
    ["2011-05-03", "03/05/2011", "3.5.2011", "3-5-2011", "03/05/11", "2011/5/3", 40666],
)
def test_each_way_of_writing_a_date_is_read(
    services: AppServices, tmp_path: Path, typed: object
) -> None:
    # 13/01/2012 settles the order for the file: day first.
    path = write_xlsx(
        tmp_path / "dates.xlsx",
        [HEADER, ["Ana", typed, "F", "White", 30], ["Ben", "13/01/2012", "M", "White", 31]],
    )

    imported(services, path)

    assert athletes(services)["Ana"]["born"] == "2011-05-03"


@pytest.mark.parametrize(
    ("typed", "born"),
    [
        ("3 May 2011", "2011-05-03"), ("3 Mei 2011", "2011-05-03"), ("03-May-2011", "2011-05-03"),
        ("3 MEI 2011", "2011-05-03"), ("May 3, 2011", "2011-05-03"), ("Mei 3 2011", "2011-05-03"),
        ("3 Agustus 2011", "2011-08-03"), ("3 Agu 2011", "2011-08-03"),
        ("3 Aug. 2011", "2011-08-03"), ("3 Juni 2011", "2011-06-03"),
        ("1 Sept 2013", "2013-09-01"), ("1 Sep. 2013", "2013-09-01"),
        ("30-Des-08", "2008-12-30"), ("13 Okt 2009", "2009-10-13"),
        ("3rd May 2011", "2011-05-03"), ("3 Mei 2011 00:00:00", "2011-05-03"),
    ],
)  # fmt: skip
def test_a_date_with_its_months_name_is_read_in_english_or_indonesian(
    services: AppServices, tmp_path: Path, typed: str, born: str
) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ana", typed, "F", "White", "30"]])

    preview = imported(services, path)

    assert not preview.date_order_needed
    assert athletes(services)["Ana"]["born"] == born


def test_a_months_name_is_never_in_doubt_and_a_word_that_names_none_is_a_problem(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        [
            HEADER,
            ["Ana", "3 Mei 2011", "F", "White", "30"],
            ["Ben", "04/06/2012", "M", "White", "30"],
            ["Cy", "3 Mayo 2011", "M", "White", "30"],
            ["Di", "31 Feb 2011", "F", "White", "30"],
        ],
    )

    preview = services.imports.read(path)

    # Only Ben's date reads two ways: the example the coach is shown is his.
    assert preview.date_order_needed and preview.date_example is not None
    assert (preview.date_example.row, preview.date_example.text) == (3, "04/06/2012")
    preview = imported(services, path, date_order="mdy")
    assert [(p.row, p.message) for p in preview.problems] == [
        (4, "Birth date '3 Mayo 2011' is not a date."),
        (5, "Birth date '31 Feb 2011' doesn't exist."),
    ]
    found = athletes(services)
    assert (found["Ana"]["born"], found["Ben"]["born"]) == ("2011-05-03", "2012-04-06")


def test_excel_serials_of_both_date_systems_are_read(services: AppServices, tmp_path: Path) -> None:
    # 40666 is 3 May 2011 counted from 1900 (past Excel's 29 February 1900), 39204 from 1904.
    imported(services, write_xlsx(tmp_path / "a.xlsx", [HEADER, ["Ana", 40666, "F", "White", 30]]))
    path = write_xlsx(
        tmp_path / "mac.xlsx", [HEADER, ["Ben", 39204, "M", "White", 30]], date_1904=True
    )
    imported(services, path)

    found = athletes(services)
    assert (found["Ana"]["born"], found["Ben"]["born"]) == ("2011-05-03", "2011-05-03")


def test_dates_that_read_both_ways_ask_the_order_once_with_an_example(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        [
            HEADER,
            ["Ana", "03/05/2011", "F", "White", "30"],
            ["Ben", "04/06/2012", "M", "White", "30"],
        ],
    )

    preview = services.imports.read(path)

    assert preview.date_order_needed and not preview.can_import
    assert preview.date_example is not None
    assert (preview.date_example.row, preview.date_example.text) == (2, "03/05/2011")
    assert preview.date_example.as_dmy == "3 May 2011"
    assert preview.date_example.as_mdy == "5 Mar 2011"
    with pytest.raises(ImportRejectedError, match="day/month or month/day"):
        services.imports.apply(preview.token, settings_of(preview))
    assert services.athletes.count() == 0
    imported(services, path, date_order="mdy")
    assert athletes(services)["Ana"]["born"] == "2011-03-05"


def test_the_import_reads_the_dates_in_the_order_its_preview_did(
    services: AppServices, tmp_path: Path
) -> None:
    # 05/23/2011 can only be month first, so the whole file is: the coach is never asked,
    # and the page sends no order of its own.
    path = write_csv(
        tmp_path / "us.csv",
        [HEADER, ["Ann Lee", "05/23/2011", "F", "White", "40"],
         ["Bob Ray", "03/04/2012", "M", "White", "41"]],
    )  # fmt: skip
    preview = services.imports.read(path)
    assert (preview.date_order, preview.date_order_needed, preview.to_add) == ("mdy", False, 2)

    outcome = services.imports.apply(preview.token, settings_of(preview, date_order=None))

    found = athletes(services)
    assert {name: found[name]["born"] for name in found} == {
        "Ann Lee": "2011-05-23",
        "Bob Ray": "2012-03-04",
    }
    assert (outcome.added, outcome.skipped, outcome.problems) == (2, 0, 0)


def test_an_import_counts_what_it_left_out_when_the_club_changed_since_the_preview(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        [HEADER, ["Ana", "2011-05-03", "F", "White", "30"],
         ["Ben", "2011-05-04", "M", "White", "31"], ["Cy", "2011-05-05", "X", "White", "31"]],
    )  # fmt: skip
    preview = services.imports.read(path)
    assert (preview.to_add, preview.duplicates, preview.problem_count) == (2, 0, 1)
    belts = {belt.name: belt.id for belt in services.rules.get().belts}
    # Typed in by hand after the preview was shown: Ben is in the club now.
    services.athletes.create(
        {"full_name": "Ben", "birth_date": "2011-05-04", "sex": "M",
         "belt_id": belts["White"], "weight_kg": 31.0, "active": True}
    )  # fmt: skip

    outcome = services.imports.apply(preview.token, settings_of(preview))

    assert (outcome.added, outcome.filled, outcome.skipped, outcome.problems) == (1, 0, 1, 1)
    assert sorted(athletes(services)) == ["Ana", "Ben"]


def test_impossible_future_and_too_old_birth_dates_are_problem_rows_by_number(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["Club roster 2026"],  # a title row above the header
            HEADER,
            ["Ana", "31/02/2010", "F", "White", "30"],
            [],
            ["Ben", "01/01/2090", "M", "White", "30"],
            ["Cy", "01/01/1900", "M", "White", "30"],
            ["Di", "13/01/2012", "X", "Purple", "300"],
            ["Ed", "13/01/2012", "M", "White", "40"],
        ],
    )

    preview = services.imports.read(path)

    assert [(p.row, p.message) for p in preview.problems] == [
        (3, "Birth date '31/02/2010' doesn't exist."),
        (5, "Birth date '01/01/2090' is in the future."),
        (6, "Birth date '01/01/1900' would make them over 100 years old."),
        (7, "Sex 'X' is not M or F (or L or P)."),
    ]
    assert (preview.to_add, preview.problem_count, preview.row_count) == (1, 4, 5)
    assert preview.can_import  # the good rows can go in


def test_a_missing_or_odd_date_or_name_is_its_rows_problem_not_the_whole_files(
    services: AppServices, tmp_path: Path
) -> None:
    header = ["Name", "Date of birth", "Sex", "Belt", "Weight", "Licence valid until"]
    path = write_csv(
        tmp_path / "a.csv",
        [
            header,
            ["Ana", "", "F", "White", "30", ""],
            ["Ben", "²", "M", "White", "30", ""],  # a digit to Unicode, not to int()
            ["Cy", "03/05/2011", "M", "White", "30", "2026"],  # a year, not day 2026 of 1900
            ["", "04/05/2011", "F", "White", "30", ""],
            ["", "04/05/2011", "F", "White", "30", ""],
            ["Ed", "13/01/2012", "M", "White", "40", "31/12/2027"],
        ],
    )

    preview = services.imports.read(path)

    assert [(p.row, p.message) for p in preview.problems] == [
        (2, "Birth date is required."),
        (3, "Birth date '²' is not a date."),
        (4, "Licence valid until '2026' looks like a year, not a date: write the day and the "
            "month too."),
        (5, "Full name is required."),
        (6, "Full name is required."),
    ]  # fmt: skip
    assert preview.to_add == 1


def test_the_athletes_own_checks_judge_each_row(services: AppServices, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        [
            [*HEADER, "Email", "Member ID"],
            ["Ana", "2011-01-01", "F", "White", "300", "", "", ""],
            ["Ben", "2011-01-01", "M", "White", "40", "", "not-an-address", ""],
            ["Cy", "2011-01-01", "M", "White", "40", "", "", "X-1"],
            ["Dee", "2011-01-01", "F", "White", "40", "", "", "x-1"],
        ],
    )

    preview = services.imports.read(path)

    assert [(p.row, p.message) for p in preview.problems] == [
        (2, "Weight must be between 15 and 250 kg."),
        (3, "Email doesn't look like an address (name@example.com)."),
        (5, "Member ID x-1 is also on row 4."),
    ]


@pytest.mark.parametrize(
    ("written", "belt"),
    [
        ("yellow", "Yellow"), ("Sabuk Kuning", "Yellow"), ("HIJAU", "Green"),
        ("brown belt", "Brown"), ("1 kyu", "Brown"), ("4. Kyu", "Orange-Green"),
        ("9th kyu", "White"), ("1 dan", "1st Dan"), ("Shodan", "1st Dan"), ("3rd dan", "3rd Dan"),
        ("black", "1st Dan"),
    ],
)  # fmt: skip
def test_belts_are_matched_by_name_colour_kyu_or_dan(
    services: AppServices, tmp_path: Path, written: str, belt: str
) -> None:
    # The default ladder has nine kyu belts: 1st kyu is brown, 4th orange-green, 9th white.
    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ana", "2000-01-01", "F", written, "60"]])

    imported(services, path)

    assert athletes(services)["Ana"]["belt"] == belt


def test_duplicates_are_skipped_or_only_their_empty_fields_filled(
    services: AppServices, tmp_path: Path
) -> None:
    belts = {belt.name: belt.id for belt in services.rules.get().belts}
    services.athletes.create(
        {"full_name": "Zsófia Öztürk", "birth_date": "2010-04-02", "sex": "F",
         "belt_id": belts["Green"], "weight_kg": 48.0, "active": True}
    )  # fmt: skip
    path = write_csv(
        tmp_path / "a.csv",
        [
            [*HEADER, "Email"],
            ["zsofia ozturk", "2010-04-02", "F", "White", "50", "", "zo@example.com"],
            ["New One", "2011-01-01", "M", "White", "40", "", ""],
            ["NEW ONE", "2011-01-01", "M", "White", "40", "", ""],
        ],
    )

    preview = services.imports.read(path)
    assert (preview.to_add, preview.duplicates, preview.to_fill) == (1, 1, 0)
    assert [(p.row, p.message) for p in preview.problems] == [
        (4, "NEW ONE, born 1 Jan 2011, is already on row 3.")
    ]
    filling = services.imports.preview(preview.token, settings_of(preview, duplicates="fill"))
    assert (filling.to_add, filling.duplicates, filling.to_fill) == (1, 1, 1)
    outcome = services.imports.apply(preview.token, settings_of(preview, duplicates="fill"))

    assert (outcome.added, outcome.filled, outcome.skipped, outcome.problems) == (1, 1, 0, 1)
    zsofia = athletes(services)["Zsófia Öztürk"]
    # Her email was empty: filled. Her belt and weight were not: kept.
    assert (zsofia["email"], zsofia["belt"], zsofia["weight"]) == ("zo@example.com", "Green", 48.0)


def test_an_import_that_would_change_nothing_is_refused_and_offers_no_undo(
    services: AppServices, tmp_path: Path
) -> None:
    belts = {belt.name: belt.id for belt in services.rules.get().belts}
    services.athletes.create(
        {"full_name": "Ana", "birth_date": "2011-05-03", "sex": "F",
         "belt_id": belts["White"], "weight_kg": 30.0, "active": True}
    )  # fmt: skip
    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ana", "2011-05-03", "F", "White", "30"]])
    preview = services.imports.read(path)
    assert (preview.to_add, preview.duplicates, preview.can_import) == (0, 1, False)
    before = data_digest(services.db.path)

    for duplicates in ("skip", "fill"):  # with "fill": Ana has nothing the file could fill
        with pytest.raises(ImportRejectedError, match="No row would add an athlete"):
            services.imports.apply(preview.token, settings_of(preview, duplicates=duplicates))

    assert data_digest(services.db.path) == before
    assert services.restore.undo_status() is None
    assert services.restore.safety_copies() == []


def test_a_formula_cell_takes_the_value_saved_with_it(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", [HEADER, ["Ana", "2011-05-03", "F", "White", 0]])
    # openpyxl writes no saved values, so the sheet's XML gets one as Excel writes it.
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    assert '<c r="E2" t="n"><v>0</v></c>' in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        '<c r="E2" t="n"><v>0</v></c>', '<c r="E2"><f>40+2.5</f><v>42.5</v></c>'
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)

    imported(services, path)

    assert athletes(services)["Ana"]["weight"] == 42.5


def test_an_ods_spreadsheet_is_read_with_its_date_cells_and_formula_values(
    services: AppServices, tmp_path: Path
) -> None:
    rows = [
        ["Judo Club Bogor"],
        [],
        HEADER,
        ["Ana", dt.date(2011, 5, 3), "F", "White", 30.5],
        ["Ben", "2011-05-04", "M", "White", ("40+2.5", 42.5)],
        ["Cy", 40666, "M", "White", 31],  # a date serial in a number cell
    ]
    # Read by its content: a LibreOffice file saved under another name is still one.
    path = write_ods(tmp_path / "athletes.csv", rows)

    preview = imported(services, path)

    assert (preview.format, preview.sheet_name, preview.row_count) == ("ods", "Atlet", 3)
    found = athletes(services)
    assert {name: (found[name]["born"], found[name]["weight"]) for name in found} == {
        "Ana": ("2011-05-03", 30.5),
        "Ben": ("2011-05-04", 42.5),
        "Cy": ("2011-05-03", 31.0),
    }


def test_an_excel_97_2003_workbook_is_read_with_its_date_cells_and_formula_values(
    services: AppServices, tmp_path: Path
) -> None:
    rows = [
        ["Judo Club Bogor"],
        [],
        HEADER,
        ["José", dt.date(2011, 5, 3), "M", "White", 30.5],
        ["Ben", "2011-05-04", "M", "White", ("=40+2.5", 42.5)],
        ["Cy", 40666, "M", "White", 31],  # a date serial in a number cell
    ]
    path = write_xls(tmp_path / "athletes.xls", rows)

    preview = imported(services, path)

    assert (preview.format, preview.sheet_name, preview.row_count) == ("xls", "Atlet", 3)
    found = athletes(services)
    assert {name: (found[name]["born"], found[name]["weight"]) for name in found} == {
        "José": ("2011-05-03", 30.5),
        "Ben": ("2011-05-04", 42.5),
        "Cy": ("2011-05-03", 31.0),
    }


def test_a_merged_title_blank_rows_and_a_repeated_header_are_passed_over(
    services: AppServices, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Judo Club Bogor: athletes"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(["Ana", "2011-05-03", "F", "White", 30])
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(["Ben", "2011-05-04", "M", "White", 31])
    workbook.save(tmp_path / "blocks.xlsx")

    preview = imported(services, tmp_path / "blocks.xlsx")

    assert (preview.row_count, preview.to_add, preview.problems) == (2, 2, [])
    assert set(athletes(services)) == {"Ana", "Ben"}


def _encrypted_workbook(path: Path) -> Path:
    # An OLE2 container as Office writes for a password: its stream is "EncryptedPackage".
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    path.write_bytes(header + entry + bytes(4096))
    return path


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b"") and p, "is empty"),
        (lambda p: p.write_bytes(b"\xef\xbb\xbf") and p, "is empty"),  # a BOM alone
        (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj") and p, "is a PDF document"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100)) and p, "is an image"),
        (_encrypted_workbook, "is protected with a password"),
        (lambda p: write_ods(p, [HEADER], encrypted=True), "is protected with a password"),
        (lambda p: write_xls(p, [HEADER], password=True), "is protected with a password"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)) and p,
         "damaged or not a spreadsheet"),
        (lambda p: write_ods(p, []), "is empty"),
        (_zip_bomb, "unpacks to far more"),
        (lambda p: write_csv(p, [["Ana", "2011-05-03", "F"], ["Ben", "2011-05-04", "M"]]),
         "has no header row"),
        (lambda p: p.write_bytes(b"PK\x03\x04garbage") and p, "damaged or not a spreadsheet"),
    ],
)  # fmt: skip
def test_files_that_cant_be_imported_are_refused_with_the_reason(
    services: AppServices, tmp_path: Path, make: object, reason: str
) -> None:
    path = tmp_path / "athletes.xlsx"
    make(path)  # type: ignore[operator]
    before = data_digest(services.db.path)

    with pytest.raises(ImportRejectedError, match=reason) as refused:
        services.imports.read(path)

    assert "athletes.xlsx" in str(refused.value)
    assert data_digest(services.db.path) == before


def test_over_50000_rows_are_refused_without_reading_them_all(
    services: AppServices, tmp_path: Path
) -> None:
    rows = [HEADER, *(["Ana", "2011-05-03", "F", "White", "30"] for _ in range(50_001))]
    path = write_csv(tmp_path / "big.csv", rows)

    with pytest.raises(ImportRejectedError, match="more than 50,000 rows"):
        services.imports.read(path)


def _rewritten_part(path: Path, part: str, change: Callable[[str], str]) -> Path:
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info) for info in infos}
    parts[part] = change(parts[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in infos:  # an ODS's mimetype stays first and stored
            archive.writestr(info, parts[info.filename], info.compress_type)
    return path


def _rewritten_sheet(path: Path, change: Callable[[str], str]) -> Path:
    return _rewritten_part(path, "xl/worksheets/sheet1.xml", change)


def test_a_workbook_declaring_over_50000_rows_is_refused_unread(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "big.xlsx", [HEADER, ["Ana", "2011-05-03", "F", "White", 30]])
    # The sheet says it reaches row 60,000: believed, and nothing of it parsed.
    _rewritten_sheet(path, lambda xml: xml.replace('ref="A1:F2"', 'ref="A1:F60000"'))

    with pytest.raises(ImportRejectedError, match="more than 50,000 rows"):
        services.imports.read(path)


def test_a_workbook_of_over_50000_rows_that_declares_none_is_counted_and_refused(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "big.xlsx", [HEADER])
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Ana {n}</t></is></c></row>'
        for n in range(2, 50_020)
    )

    def without_dimension(xml: str) -> str:
        xml = re.sub(r"<dimension [^>]*/>", "", xml)
        return xml.replace("</sheetData>", rows + "</sheetData>")

    _rewritten_sheet(path, without_dimension)

    with pytest.raises(ImportRejectedError, match="more than 50,000 rows"):
        services.imports.read(path)


# One value far right on each of a few hundred rows: calamine would hold 300 by 16,384 cells
# (some 250 MB from an 11 KB file; at 4,000 rows its allocation fails and aborts the
# process). Few enough rows that a missing guard fails this test rather than the run.
WIDE_ROWS = 300


def _wide_xlsx(path: Path) -> Path:
    write_xlsx(path, [HEADER, *(["Ana", "2011-05-03", "F", "White", 30] for _ in range(WIDE_ROWS))])
    far = '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>'
    return _rewritten_sheet(path, lambda xml: xml.replace("</row>", far, 1))


def _wide_xls(path: Path) -> Path:
    header = [*HEADER, *([None] * (16_384 - len(HEADER) - 1)), "x"]
    return write_xls(path, [header, *(["Ana", "2011-05-03", "F", "White", 30],) * WIDE_ROWS])


def _wide_ods(path: Path) -> Path:
    write_ods(path, [[*HEADER, "far"], *(["Ana", "2011-05-03", "F", "White", 30],) * WIDE_ROWS])
    # As LibreOffice writes a run of the same value: one cell, repeated across the sheet.
    return _rewritten_part(
        path,
        "content.xml",
        lambda xml: xml.replace(
            '<table:table-cell office:value-type="string"><text:p>far</text:p>',
            '<table:table-cell table:number-columns-repeated="16378"'
            ' office:value-type="string"><text:p>far</text:p>',
        ),
    )


@pytest.mark.parametrize("make", [_wide_xlsx, _wide_xls, _wide_ods])
def test_a_small_workbook_with_a_value_in_its_last_column_is_refused_unparsed(
    services: AppServices, tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    path = make(tmp_path / "athletes.xlsx")
    assert path.stat().st_size < 100_000

    with pytest.raises(ImportRejectedError, match="has 16,384 columns; an athlete list has"):
        services.imports.read(path)


def _single_quoted(path: Path, *parts: str) -> Path:
    for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", *parts):
        _rewritten_part(path, part, lambda xml: xml.replace('"', "'"))
    return path


def test_a_workbook_written_with_single_quotes_is_measured_all_the_same(
    services: AppServices, tmp_path: Path
) -> None:
    # XML's other quotes, in the parts that say where the sheet is and how far it reaches:
    # missed, the sheet went to calamine unmeasured (a 5 KB file reaching column XFD of row
    # 1,048,576 made it ask for 512 GB and abort the app).
    path = write_xlsx(tmp_path / "big.xlsx", [HEADER, ["Ana", "2011-05-03", "F", "White", 30]])
    _rewritten_sheet(path, lambda xml: xml.replace('ref="A1:F2"', 'ref="A1:F60000"'))
    _single_quoted(path, "xl/worksheets/sheet1.xml")

    with pytest.raises(ImportRejectedError, match="more than 50,000 rows"):
        services.imports.read(path)


def test_a_1904_workbook_written_with_single_quotes_keeps_its_dates(
    services: AppServices, tmp_path: Path
) -> None:
    # 39204: 3 May 2011 counted from 1904; from 1900 it would be 1907.
    path = write_xlsx(
        tmp_path / "mac.xlsx", [HEADER, ["Ana", 39204, "F", "White", 30]], date_1904=True
    )
    _single_quoted(path)

    imported(services, path)

    assert athletes(services)["Ana"]["born"] == "2011-05-03"


def test_a_tag_that_never_closes_stops_at_the_next_one(tmp_path: Path) -> None:
    # Measured to the next "<", not to the end of the sheet: from every one of a file of
    # "<c <c <c …", that made the measure quadratic (hours for a 5 KB file).
    sheet = b'<sheetData><row r="1"><c r="A1" <c r="B1"><v>1</v></c></row></sheetData>'

    assert xlsx_extent(io.BytesIO(sheet)) == Extent(1, 2)


def test_an_xls_whose_fat_names_more_sectors_than_it_holds_is_refused_before_building_it(
    services: AppServices, tmp_path: Path
) -> None:
    # Its DIFAT lists sector 0 as a FAT sector again and again: a 51 MB file doing so 12.7
    # million times made a FAT of 6.5 GB before anything else was looked at.
    difat_sectors = 3
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)  # 512-byte sectors
    # 109 FAT sectors in the header, the directory at sector 0, the DIFAT from sector 1 on.
    struct.pack_into("<8I", header, 0x2C, 109, 0, 0, 4096, 0xFFFFFFFE, 0, 1, difat_sectors)
    struct.pack_into("<109I", header, 0x4C, *([0] * 109))
    body = bytearray(512)
    for number in range(1, difat_sectors + 1):
        following = number + 1 if number < difat_sectors else 0xFFFFFFFE
        body += struct.pack("<128I", *([0] * 127 + [following]))
    content = bytes(header + body)
    (tmp_path / "athletes.xls").write_bytes(content)

    with pytest.raises(ValueError, match="more FAT sectors than the file holds"):
        xls_extents(content)
    with pytest.raises(ImportRejectedError, match="damaged or not a spreadsheet"):
        services.imports.read(tmp_path / "athletes.xls")


def test_a_csv_wider_than_an_import_takes_is_refused_before_it_fills_memory(
    services: AppServices, tmp_path: Path
) -> None:
    wide = write_csv(tmp_path / "wide.csv", [HEADER, ["Ana", "2011-05-03", "F", *([""] * 600)]])
    # One line of commas: split, it alone would take gigabytes.
    endless = tmp_path / "endless.csv"
    endless.write_text("Name,Date of birth\n" + "," * 2_000_000)

    with pytest.raises(ImportRejectedError, match="has 603 columns; an athlete list has"):
        services.imports.read(wide)
    with pytest.raises(ImportRejectedError, match="has 2,000,001 columns"):
        services.imports.read(endless)


def test_shared_texts_larger_than_an_athlete_list_holds_are_refused_unopened(
    services: AppServices, tmp_path: Path
) -> None:
    # Texts that pack a few times over, as real ones do: no ratio gives them away, and
    # calamine reads them whole as it opens the file (some 2.7 times their size in memory).
    path = write_xlsx(tmp_path / "athletes.xlsx", [HEADER, ["Ana", "2011-05-03", "F", "White", 30]])
    tags = os.urandom(8 * 2_800_000).hex()
    texts = "".join(
        f"<si><t>{tags[at : at + 16]} Ana Putri Lestari</t></si>" for at in range(0, len(tags), 16)
    )
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", f"<sst>{texts}</sst>")
    assert path.stat().st_size < 50_000_000

    with pytest.raises(ImportRejectedError, match="unpacks to far more"):
        services.imports.read(path)


def test_a_sheet_wide_and_long_enough_to_fill_memory_is_refused(
    services: AppServices, tmp_path: Path
) -> None:
    # 450 columns (within the limit) down 5,000 rows: 2.25 million cells to hold.
    rows = [["Ana", "2011-05-03", "F", "White", 30]] * 5_000
    path = write_xlsx(tmp_path / "athletes.xlsx", [HEADER, *rows])
    far = '<c r="QH1" t="inlineStr"><is><t>x</t></is></c></row>'
    _rewritten_sheet(path, lambda xml: xml.replace("</row>", far, 1))

    with pytest.raises(ImportRejectedError, match="5,001 rows down and 450 columns across"):
        services.imports.read(path)


def test_empty_cells_repeated_to_the_sheets_edge_are_read_as_libreoffice_writes_them(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_ods(tmp_path / "athletes.ods", [HEADER, ["Ana", "2011-05-03", "F", "White", 30]])
    # LibreOffice ends each row with its empty cells repeated to column AMJ, and the table
    # with its empty rows repeated to row 1,048,576; an XLSX may hold styled empty cells.
    edge = '<table:table-cell table:number-columns-repeated="1018"/></table:table-row>'
    empty_rows = (
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>'
    )
    _rewritten_part(
        path,
        "content.xml",
        lambda xml: xml.replace("</table:table-row>", edge).replace("</table:table>", empty_rows),
    )
    styled = write_xlsx(tmp_path / "styled.xlsx", [HEADER, ["Ben", "2011-05-04", "M", "White", 31]])
    _rewritten_sheet(styled, lambda xml: xml.replace("</row>", '<c r="XFD1" s="0"/></row>', 1))

    assert imported(services, path).to_add == 1
    assert imported(services, styled).to_add == 1
    assert sorted(athletes(services)) == ["Ana", "Ben"]


def test_the_roster_reports_headers_are_guessed_in_every_language() -> None:
    from judo_manager.imports.columns import ROSTER_COLUMNS, guess_field
    from judo_manager.reports.roster import FIELDS

    # Each roster column is either read back or said not to be (age, category, class).
    assert list(ROSTER_COLUMNS) == [field.key for field in FIELDS]
    for language in LANGUAGES:
        guessed = {f.key: guess_field(translate(f.label, language.code)) for f in FIELDS}
        assert guessed == ROSTER_COLUMNS, language.code
    assert [k for k, field in ROSTER_COLUMNS.items() if field is None] == [
        "birth_year", "age", "category", "weight_class",
    ]  # fmt: skip


# Dates whose months English and Indonesian name differently (Aug/Agu, Dec/Des, May/Mei,
# Oct/Okt) or en-GB abbreviates its own way ("Sept"), and a 29 February.
ROUND_TRIP = [
    ("Zsófia Öztürk", "2010-08-02", "F", "Green", 48.5, "Garuda Bogor"),
    ("Budi Santoso", "2008-12-30", "M", "1st Dan", 73.0, None),
    ("Siti Rahayu", "2011-05-03", "F", "Yellow", 38.5, "Garuda Bogor"),
    ("Dewi Lestari", "2009-10-13", "F", "White", 52.0, None),
    ("Joko Widodo", "2013-09-01", "M", "White", 30.0, None),
    ("=HYPERLINK(1)", "2012-02-29", "M", "White", 30.0, None),
]
# How each language's export writes the header and Siti's and Joko's birth dates.
EXPORTED = {
    "en": (["Member ID", "Name", "Birth date", "Sex", "Belt", "Weight", "Club",
            "Age category", "Weight class"], "3 May 2011", "1 Sept 2013"),
    "id": (["ID anggota", "Nama", "Tanggal lahir", "Jenis kelamin", "Sabuk", "Berat badan", "Klub",
            "Kategori usia", "Kelas berat"], "3 Mei 2011", "1 Sep 2013"),
}  # fmt: skip


def add_round_trip_athletes(services: AppServices) -> None:
    """The athletes of ROUND_TRIP, in a club with their belts and clubs."""
    belts = {belt.name: belt.id for belt in services.rules.get().belts}
    services.clubs.create({"name": "Garuda Bogor"})
    clubs = {club.name: club.id for club in services.clubs.clubs()}
    for name, born, sex, belt, weight, club in ROUND_TRIP:
        services.athletes.create(
            {"full_name": name, "birth_date": born, "sex": sex, "belt_id": belts[belt],
             "weight_kg": weight, "club_id": clubs.get(club or ""), "active": True}
        )  # fmt: skip


def sheet_rows(path: Path) -> list[list[str]]:
    """A saved CSV's or XLSX's rows as text."""
    if path.suffix == ".csv":
        return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    sheet = load_workbook(path).active
    assert sheet is not None
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("language", ["en", "id"])
def test_export_then_import_gives_back_the_same_athletes(
    services: AppServices, tmp_path: Path, language: str, suffix: str
) -> None:
    from judo_manager.db import open_database
    from judo_manager.db.layout import database_path

    add_round_trip_athletes(services)
    expected = athletes(services)
    exported = tmp_path / f"roster.{suffix}"
    with speaking(language):
        # What `athletes export` writes: the roster report's default columns.
        roster = services.reports.query({"name": "roster", "filters": {"status": "active"}})
        services.exports.save(services.reports.sheet(roster), suffix, exported)  # type: ignore[arg-type]
    header, may, september = EXPORTED[language]
    rows = sheet_rows(exported)
    assert rows[0][: len(header)] == header
    born = {row[1]: row[2] for row in rows[1:]}
    assert (born["Siti Rahayu"], born["Joko Widodo"]) == (may, september)

    other = open_database(database_path(tmp_path / "elsewhere"))
    try:
        elsewhere = AppServices.build(other)
        preview = imported(elsewhere, exported)
        assert athletes(elsewhere) == expected
    finally:
        other.close()
    # Age category, weight class and papers are the app's own reading: left out, no problem.
    assert [c.field for c in preview.columns] == [
        "memberId", "fullName", "birthDate", "sex", "belt", "weight", "club", None, None, None,
    ]  # fmt: skip
    assert preview.problems == [] and preview.to_add == len(ROUND_TRIP)
    assert not preview.date_order_needed  # a month's name is never in doubt


def test_undo_import_gives_back_exactly_the_data_from_before(
    services: AppServices, tmp_path: Path
) -> None:
    belts = {belt.name: belt.id for belt in services.rules.get().belts}
    services.athletes.create(
        {"full_name": "Old Timer", "birth_date": "1990-01-01", "sex": "M",
         "belt_id": belts["Brown"], "weight_kg": 80.0, "active": True}
    )  # fmt: skip
    before = data_digest(services.db.path)
    path = write_csv(
        tmp_path / "a.csv",
        [[*HEADER, "Email"], ["Ana", "2011-05-03", "F", "White", "30", "Garuda", ""],
         ["old timer", "1990-01-01", "M", "White", "81", "", "ot@example.com"]],
    )  # fmt: skip
    preview = services.imports.read(path)
    outcome = services.imports.apply(preview.token, settings_of(preview, duplicates="fill"))
    assert (outcome.added, outcome.filled) == (1, 1)
    assert outcome.undo is not None
    assert outcome.undo.kind == "import" and outcome.undo.path.name.startswith("pre-import-")
    assert outcome.undo.athletes == 1
    assert services.restore.undo_status() == outcome.undo

    plan = services.restore.preview_undo()
    assert plan.copy.kind == "import"
    services.restore.undo()

    assert data_digest(services.db.path) == before
    assert services.restore.undo_status() is None


def test_work_done_after_an_import_is_named_before_undoing_it(
    services: AppServices, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ana", "2011-05-03", "F", "White", "30"]])
    imported(services, path)
    belts = {belt.name: belt.id for belt in services.rules.get().belts}
    services.athletes.create(
        {"full_name": "Typed Later", "birth_date": "2012-01-01", "sex": "F",
         "belt_id": belts["White"], "weight_kg": 30.0, "active": True}
    )  # fmt: skip

    plan = services.restore.preview_undo()

    assert str(plan.work_since) == "Since the import you added 1 athlete (Typed Later)."


def test_a_club_deleted_just_before_the_import_is_added_again_not_a_crash(
    services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.clubs.create({"name": "Garuda"})
    [garuda] = services.clubs.clubs()
    path = write_csv(
        tmp_path / "a.csv", [HEADER, ["Ana", "2011-05-03", "F", "White", "30", "Garuda"]]
    )
    preview = services.imports.read(path)
    assert preview.new_clubs == []
    take = services.restore.take_import_copy

    def the_club_deleted_meanwhile() -> Path:
        # As another window's delete that got the write lock first: gone before the import
        # writes, after the import began.
        services.db.connection().execute("DELETE FROM clubs WHERE id = ?", (garuda.id,))
        return take()

    monkeypatch.setattr(services.restore, "take_import_copy", the_club_deleted_meanwhile)

    outcome = services.imports.apply(preview.token, settings_of(preview))

    assert outcome.added == 1
    assert athletes(services)["Ana"]["club"] == "Garuda"
    assert [club.name for club in services.clubs.clubs()] == ["Garuda"]


def test_an_import_whose_copy_cant_be_read_back_is_done_without_an_undo(
    services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ana", "2011-05-03", "F", "White", "30"]])
    preview = services.imports.read(path)
    done = services.restore.import_done

    def the_disk_damages_the_copy(copy: Path) -> None:
        done(copy)
        copy.write_bytes(b"\0" * 4096)  # a sector gone bad after the commit

    monkeypatch.setattr(services.restore, "import_done", the_disk_damages_the_copy)

    outcome = services.imports.apply(preview.token, settings_of(preview))

    assert (outcome.added, outcome.undo) == (1, None)
    assert sorted(athletes(services)) == ["Ana"]
    assert services.restore.undo_status() is None


def test_a_failure_midway_changes_nothing_and_leaves_no_undo(
    services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = data_digest(services.db.path)
    path = write_csv(
        tmp_path / "a.csv",
        [HEADER, *([f"Athlete {n}", "2011-05-03", "F", "White", "30", "Garuda"] for n in range(5))],
    )
    preview = services.imports.read(path)
    add = services.athletes.add_checked
    calls: list[int] = []

    def add_until_the_disk_fails(athlete: object) -> int:
        calls.append(1)
        if len(calls) == 4:
            raise sqlite3.OperationalError("disk I/O error")
        return add(athlete)  # type: ignore[arg-type]

    monkeypatch.setattr(services.athletes, "add_checked", add_until_the_disk_fails)

    with pytest.raises(sqlite3.OperationalError):
        services.imports.apply(preview.token, settings_of(preview))

    assert len(calls) == 4
    assert data_digest(services.db.path) == before  # no athlete, no club
    assert services.restore.undo_status() is None  # the copy protected nothing: gone


def test_an_import_waits_for_no_backup_or_restore(services: AppServices, tmp_path: Path) -> None:
    import threading

    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ana", "2011-05-03", "F", "White", "30"]])
    preview = services.imports.read(path)
    holding, release = threading.Event(), threading.Event()

    def a_restore_running() -> None:
        with services.jobs.exclusive():
            holding.set()
            release.wait()

    other = threading.Thread(target=a_restore_running)
    other.start()
    holding.wait()
    try:
        with pytest.raises(BusyError):
            services.imports.apply(preview.token, settings_of(preview))
    finally:
        release.set()
        other.join()
    assert services.athletes.count() == 0


def test_a_forgotten_or_foreign_token_is_refused(services: AppServices, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADER, ["Ana", "2011-05-03", "F", "White", "30"]])
    preview = services.imports.read(path)

    with pytest.raises(ImportRejectedError, match="no longer open"):
        services.imports.preview("someone-elses", settings_of(preview))
    services.imports.discard(preview.token)
    with pytest.raises(ImportRejectedError, match="no longer open"):
        services.imports.apply(preview.token, settings_of(preview))
    assert services.athletes.count() == 0
