"""Import from a spreadsheet in the real window (issue #19): a small XLSX with Indonesian
headers chosen through the dialog seam, the guesses shown and one changed, the date order
answered, the problem rows seen, the athletes imported onto the roster, and the import undone
from its toast (after Settings' card names it an import) until the data is as it was.

(tests/e2e/test_import.py is Settings' Import Database, the restore of a backup.)
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

from openpyxl import Workbook
from playwright.sync_api import Locator, Page, expect

from judo_manager.db.layout import database_path
from tests.conftest import data_digest
from tests.e2e.axe import expect_no_violations
from tests.e2e.conftest import LaunchApp, RunningApp, go_to, save_screenshot
from tests.e2e.test_roster import ANA, BRUNO, START_TIMEOUT_MS, club

# Generous for a slow machine; every wait ends as soon as its condition holds.
UI_TIMEOUT_MS = 20_000
DIALOG = "Import athletes from a spreadsheet"
HEADERS = ("Nama", "Tanggal Lahir", "JK", "Sabuk", "Berat", "Kontak")
# Every typed date reads both ways (no day over 12), so the page must ask the order.
NEW = (
    ("Putri Ayu", "03/05/2011", "P", "Kuning", "38,5", "081234567890"),
    ("Budi Santoso", "07/08/2010", "L", "Yellow", 45, "081298765432"),
    ("Siti Rahma", "01/02/2012", "Perempuan", "putih", "30.5 kg", "085611112222"),
    ("Andi Wijaya", "11/12/2009", "M", "Orange", 52, "087733334444"),
)
PROBLEM_ROWS = (
    ("Rudi Hartono", "05/06/2011", "X", "White", 40, None),  # row 7: no such sex
    ("Dewi Lestari", "02/03/2010", "F", "White", 999, None),  # row 8: no such weight
)


def _spreadsheet(folder: Path) -> Path:
    """The club's list as a coach keeps it: Indonesian headers, dates typed as text, one
    athlete the club has already (her birth date a real date cell), two rows with a mistake."""
    folder.mkdir(parents=True)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Atlet"
    sheet.append(HEADERS)
    for row in NEW:
        sheet.append(row)
    # Row 6: Ana, already in the club: same name and birth date.
    sheet.append((ANA.name, dt.date.fromisoformat(ANA.birth_date), "F", "Yellow", 48, None))
    for row in PROBLEM_ROWS:
        sheet.append(row)
    path = folder / "daftar-atlet.xlsx"
    book.save(path)
    return path


def test_a_spreadsheet_is_previewed_imported_and_undone(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with club(data) as c:
        c.add(ANA)
        c.add(BRUNO)
    before = data_digest(database_path(data))
    sheet = _spreadsheet(tmp_path / "documents")
    app = launch_app(data)
    page = app.page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_club_size(page, 2, timeout=START_TIMEOUT_MS)

    app.answer_dialog(sheet)
    page.get_by_role("button", name="Import from a spreadsheet…").click()
    dialog = page.get_by_role("dialog", name=DIALOG)
    expect(dialog).to_be_visible(timeout=UI_TIMEOUT_MS)
    [asked] = app.dialogs_asked()
    assert asked["kind"] == "open"
    assert any("*.xlsx" in types and "*.csv" in types for types in asked["file_types"])

    expect(dialog).to_contain_text("daftar-atlet.xlsx")
    expect(dialog).to_contain_text("Excel workbook (.xlsx), sheet “Atlet”")
    # Python's guesses from the Indonesian headers; "Kontak" it doesn't know.
    for header, field in (
        ("Nama", "Full name"),
        ("Tanggal Lahir", "Birth date"),
        ("JK", "Sex"),
        ("Sabuk", "Belt"),
        ("Berat", "Weight (kg)"),
    ):
        expect(_column(dialog, header)).to_have_accessible_description("Guessed from the header")
        expect(_column(dialog, header).locator("option:checked")).to_have_text(field)
    expect(_column(dialog, "Kontak").locator("option:checked")).to_have_text("Ignore this column")

    # Nothing can be imported until the coach says how the dates read.
    question = dialog.get_by_role("group", name=re.compile("Which comes first in the dates"))
    expect(question).to_contain_text("Row 2 has 03/05/2011")
    day_first = question.get_by_role("radio", name="Day first: 3 May 2011")
    expect(question.get_by_role("radio", name="Month first: 5 Mar 2011")).to_be_visible()
    import_button = dialog.get_by_role("button", name="Import 4 athletes")
    expect(import_button).to_be_disabled()
    expect(import_button).to_have_accessible_description("Say which comes first in the dates.")

    # The problem rows, numbered as the spreadsheet numbers them.
    problems = dialog.get_by_role("list", name="2 rows left out").get_by_role("listitem")
    expect(problems).to_have_count(2)
    expect(problems.nth(0)).to_contain_text(re.compile(r"^Row 7: "))
    expect(problems.nth(1)).to_contain_text(re.compile(r"^Row 8: "))
    _expect_figure(dialog, "Rows in the file", 7)
    _expect_figure(dialog, "New athletes", 4)
    _expect_figure(dialog, "Already in the club", 1)
    _expect_figure(dialog, "Rows with a problem", 2)
    expect_no_violations(page, "the import dialog")
    save_screenshot(page, "import-spreadsheet-preview")
    problems.nth(1).scroll_into_view_if_needed()
    save_screenshot(page, "import-spreadsheet-problems")

    day_first.check()
    _column(dialog, "Kontak").select_option(label="Phone")
    expect(_column(dialog, "Kontak")).not_to_have_accessible_description("Guessed from the header")
    expect(import_button).to_be_enabled(timeout=UI_TIMEOUT_MS)
    _expect_figure(dialog, "New athletes", 4)
    assert data_digest(database_path(data)) == before  # nothing changes before Import

    import_button.click()
    toast = _toast(page, "Imported 4 athletes")
    expect(dialog).to_have_count(0)
    expect(toast).to_contain_text("1 athlete already in the club was left as they were.")
    expect(toast).to_contain_text("2 rows with a problem were not imported.")
    _expect_club_size(page, 6)
    expect(page.get_by_role("row", name=re.compile("Putri Ayu"))).to_be_visible()
    assert _imported(app) == [
        ("Andi Wijaya", "2009-12-11", "M", 52.0, "087733334444"),
        ("Budi Santoso", "2010-08-07", "M", 45.0, "081298765432"),
        ("Putri Ayu", "2011-05-03", "F", 38.5, "081234567890"),
        ("Siti Rahma", "2012-02-01", "F", 30.5, "085611112222"),
    ]

    # The toast's Undo asks first, in the import's words; Cancel leaves everything.
    toast.get_by_role("button", name="Undo import").click()
    undo = page.get_by_role("alertdialog", name="Undo the import?")
    expect(undo).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(undo).to_contain_text("before the import")
    undo.get_by_role("button", name="Cancel").click()
    expect(undo).to_have_count(0)
    _expect_club_size(page, 6)

    # Settings' card names the safety copy an import's, and undoes it the same way.
    go_to(page, "Settings")
    card = page.get_by_role("region", name="Safety copy")
    expect(card).to_contain_text("(2 athletes)", timeout=UI_TIMEOUT_MS)
    card.get_by_role("button", name="Undo last import").click()
    undo = page.get_by_role("alertdialog", name="Undo the import?")
    expect(undo).to_be_visible(timeout=UI_TIMEOUT_MS)
    undo.get_by_role("button", name="Undo the import").click()
    _toast(page, "Your data is back as it was before the import (2 athletes)")
    go_to(page, "Athletes")
    _expect_club_size(page, 2)
    expect(page.get_by_role("row", name=re.compile("Putri Ayu"))).to_have_count(0)
    assert data_digest(database_path(data)) == before


def _column(dialog: Locator, header: str) -> Locator:
    """The select of the file's column headed `header`."""
    return dialog.get_by_role("combobox", name=f"What column “{header}” holds")


def _expect_figure(dialog: Locator, label: str, value: int) -> None:
    figure = dialog.locator("dt", has_text=label).locator("xpath=following-sibling::dd[1]")
    expect(figure).to_have_text(str(value), timeout=UI_TIMEOUT_MS)


def _expect_club_size(page: Page, count: int, timeout: int = UI_TIMEOUT_MS) -> None:
    expect(page.get_by_test_id("roster-count")).to_have_text(
        re.compile(rf"^Showing \d+ of {count} athletes$"), timeout=timeout
    )


def _toast(page: Page, title: str) -> Locator:
    toast = page.get_by_role("region", name="Notifications").get_by_role("status")
    toast = toast.filter(has_text=title)
    expect(toast).to_be_visible(timeout=UI_TIMEOUT_MS)
    return toast


def _imported(app: RunningApp) -> list[tuple[str, str, str, float, str | None]]:
    """The athletes the file added, as the database holds them."""
    known = (ANA.name, BRUNO.name)
    conn = sqlite3.connect(f"{database_path(app.data_dir).as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT full_name, birth_date, sex, weight_kg, phone FROM athletes"
            " WHERE full_name NOT IN (?, ?) ORDER BY full_name",
            known,
        ).fetchall()
    finally:
        conn.close()
    return [tuple(row) for row in rows]
