"""Reports in the real window (issue #18): the roster report filtered, sorted and given a
column, an athlete opened from it, saved as CSV through the dialog seam and printed (the
seam records the PDF opened in the viewer); the promotions of a period changed by its
dates, a period that runs backwards refused under its field, saved as PDF; the medals by
athlete, by competition and of all time, saved as XLSX. Each file is read back and holds
what the page showed, in the same order.

One window on one club; each test starts from the report it opens.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from judo_manager.db.layout import DataFolder
from tests.e2e.axe import expect_no_violations
from tests.e2e.conftest import LaunchApp, RunningApp, go_to, save_screenshot
from tests.e2e.native import resize_window, wait_until
from tests.e2e.test_roster import (
    ANA,
    CLUB,
    DENIZ,
    ELIF,
    KENJI,
    SEASON,
    START_TIMEOUT_MS,
    club,
)

ACTIVE = [m.name for m in CLUB if m.active]
# The first of January is never in the future, so this season's records are always there.
NEW_YEAR = f"{SEASON}-01-01"


@pytest.fixture(scope="module")
def shared(launch_module_app: LaunchApp, tmp_path_factory: pytest.TempPathFactory) -> RunningApp:
    """One window at 1366 x 800 on the roster's club, with promotions and medals this season
    and last."""
    data = tmp_path_factory.mktemp("club") / "data"
    with club(data) as c:
        ids = {member.name: c.add(member) for member in CLUB}
        c.promote(ids[ANA.name], "Orange", NEW_YEAR, examiner="M. Weber")
        c.promote(ids[DENIZ.name], "Green", NEW_YEAR, examiner="M. Weber")
        c.promote(ids[KENJI.name], "2nd Dan", f"{SEASON - 1}-06-01", examiner="K. Sato")
        c.medal(ids[ANA.name], "City Open", NEW_YEAR, "gold")
        c.medal(ids[ELIF.name], "City Open", NEW_YEAR, "silver")
        c.medal(ids[KENJI.name], "Old Cup", f"{SEASON - 1}-05-10", "bronze")
    app = launch_module_app(data)
    go_to(app.page, "Athletes", timeout=START_TIMEOUT_MS)
    expect(app.page.get_by_test_id("roster-count")).to_have_text(
        f"Showing {len(ACTIVE)} of {len(CLUB)} athletes", timeout=START_TIMEOUT_MS
    )
    resize_window(app, 1366, 800)
    return app


@pytest.fixture
def page(shared: RunningApp) -> Iterator[Page]:
    """The shared window on the Reports page."""
    go_to(shared.page, "Reports")
    yield shared.page


def _open_report(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Reports").get_by_role("button", name=name).click()
    expect(
        page.get_by_role("navigation", name="Reports").get_by_role("button", name=name)
    ).to_have_attribute("aria-current", "true")


def _filters(page: Page) -> Locator:
    """The roster's own filters, as the report shows them."""
    return page.get_by_role("group", name="Filters")


def _table(page: Page) -> Locator:
    """The report on screen, once Python's answer to the latest request is drawn."""
    table = page.get_by_role("table")
    expect(table).to_have_attribute("aria-busy", "false")
    return table


def _names(page: Page) -> Locator:
    """The athletes' links in the report, in its order."""
    return _table(page).get_by_role("link")


def _toast(page: Page, title: str) -> Locator:
    toast = page.get_by_role("region", name="Notifications").get_by_role("status")
    found = toast.filter(has_text=title).first
    expect(found).to_be_visible()
    return found


def _in_order(text: str, names: list[str]) -> bool:
    """Whether every name is in `text`, in that order."""
    places = [text.find(name) for name in names]
    return -1 not in places and places == sorted(places)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_roster_report_is_filtered_sorted_saved_and_printed(
    page: Page, shared: RunningApp, tmp_path: Path
) -> None:
    _open_report(page, "Roster")
    expect(page.get_by_role("heading", level=2, name=f"Athletes, season {SEASON}")).to_be_visible()
    expect(page.get_by_test_id("report-summary")).to_have_text(f"{len(ACTIVE)} athletes")
    expect(_names(page)).to_have_text(sorted(ACTIVE))

    # A filter: the roster's own (shared with the athletes page).
    _filters(page).get_by_label("Sex").select_option(label="Female")
    expect(page.get_by_test_id("report-summary")).to_have_text("3 athletes")
    expect(_names(page)).to_have_text(["Ana Kovač", "Elif Öztürk", "Sara Lind"])

    # A header asks Python again; pressed again, the order turns round. (The birth date is
    # a default column: what a federation's list asks for and the import reads back.)
    header = _table(page).get_by_role("columnheader", name="Birth date", exact=True)
    expect(header).to_have_attribute("aria-sort", "none")
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(_names(page)).to_have_text(["Elif Öztürk", "Ana Kovač", "Sara Lind"])
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(_names(page)).to_have_text(["Sara Lind", "Ana Kovač", "Elif Öztürk"])

    # One more column, from Python's list.
    page.get_by_role("button", name="Columns (9)").click()
    page.get_by_role("group", name="Columns to show").get_by_label("Licence number").check()
    expect(page.get_by_role("button", name="Columns (10)")).to_be_visible()
    expect(_table(page).get_by_role("columnheader", name="Licence number")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Columns (10)")).to_be_focused()
    save_screenshot(page, "reports-roster")
    expect_no_violations(page, "the roster report, filtered and sorted")

    # Saved as CSV: the rows shown, in the order shown, with the column added.
    saved = tmp_path / "roster.csv"
    shared.answer_dialog(saved)
    page.get_by_role("button", name="Save as CSV").click()
    toast = _toast(page, "Saved roster.csv")
    asked = shared.dialogs_asked()[-1]
    assert asked["kind"] == "save"
    assert asked["filename"].endswith(".csv")
    with saved.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    header_row = next(row for row in rows if "Licence number" in row)
    name_at = header_row.index("Name")
    listed = [row[name_at] for row in rows[rows.index(header_row) + 1 :] if len(row) > name_at]
    assert [name for name in listed if name] == ["Sara Lind", "Ana Kovač", "Elif Öztürk"]
    toast.get_by_role("button", name="Open").click()
    wait_until(
        lambda: shared.dialogs_asked()[-1]["kind"] == "open-file", "the system's viewer", shared
    )
    assert shared.dialogs_asked()[-1]["path"] == str(saved)

    # Print: the same report as a PDF in the data folder, opened in the system's viewer.
    asked_before = len(shared.dialogs_asked())
    page.get_by_role("button", name="Print").click()
    _toast(page, "opened in your PDF viewer")
    assert len(shared.dialogs_asked()) == asked_before + 1
    opened = shared.dialogs_asked()[-1]
    assert opened["kind"] == "open-file"
    printed = Path(opened["path"])
    assert printed.parent == DataFolder(shared.data_dir).viewing
    assert printed.suffix == ".pdf"
    text = _pdf_text(printed)
    assert _in_order(text, ["Sara Lind", "Ana Kovač", "Elif Öztürk"])
    assert "Bruno Silva" not in text


def test_promotions_of_a_period_are_saved_as_pdf(
    page: Page, shared: RunningApp, tmp_path: Path
) -> None:
    _open_report(page, "Promotions")
    # From the first of January to today, by date.
    expect(_names(page)).to_have_text([ANA.name, DENIZ.name])

    page.get_by_label("From", exact=True).fill(f"{SEASON - 1}-01-01")
    expect(_names(page)).to_have_text([KENJI.name, ANA.name, DENIZ.name])
    expect(_table(page)).to_contain_text("K. Sato")

    # A period that runs backwards: Python's words under the field; the report stays.
    page.get_by_label("To", exact=True).fill(f"{SEASON - 2}-01-01")
    expect(page.locator("[data-field-error=toDate]")).to_contain_text("before it starts")
    expect(_names(page)).to_have_text([KENJI.name, ANA.name, DENIZ.name])
    expect_no_violations(page, "the promotions report with a refused period")
    page.get_by_label("To", exact=True).fill(f"{SEASON}-12-31")
    expect(page.locator("[data-field-error=toDate]")).to_have_count(0)

    # Sorted by date, newest first, and saved so.
    header = _table(page).get_by_role("columnheader", name="Date", exact=True)
    header.get_by_role("button").click()
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(_names(page).last).to_have_text(KENJI.name)
    shown = _names(page).all_inner_texts()
    saved = tmp_path / "promotions.pdf"
    shared.answer_dialog(saved)
    page.get_by_role("button", name="Save as PDF").click()
    _toast(page, "Saved promotions.pdf")
    text = _pdf_text(saved)
    assert _in_order(text, shown)
    assert "K. Sato" in text


def test_medals_by_athlete_by_competition_and_of_all_time(
    page: Page, shared: RunningApp, tmp_path: Path
) -> None:
    _open_report(page, "Medals")
    headings = _table(page).get_by_role("heading", level=3)
    # This season's, most gold first.
    expect(headings).to_have_text([ANA.name, ELIF.name])

    page.get_by_label("Listed").select_option(label="By competition")
    expect(headings).to_have_count(1)
    expect(headings.first).to_contain_text("City Open")

    page.get_by_label("Season", exact=True).select_option(label="All time")
    expect(headings).to_have_count(2)
    expect(_table(page)).to_contain_text("Old Cup")
    expect_no_violations(page, "the medals report of all time, by competition")

    saved = tmp_path / "medals.xlsx"
    shared.answer_dialog(saved)
    page.get_by_role("button", name="Save as XLSX").click()
    _toast(page, "Saved medals.xlsx")
    sheet = load_workbook(saved, read_only=True).active
    assert sheet is not None
    cells = [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value]
    text = "\n".join(cells)
    assert "City Open" in text
    assert "Old Cup" in text
    assert ANA.name in text and KENJI.name in text


def test_a_name_in_a_report_opens_the_athlete(page: Page) -> None:
    """Through `goTo`: the athletes page takes up `athleteId` in its `onArrive` (the
    dashboard's branch gives it that); back on Reports, the report is as the coach left it."""
    _open_report(page, "Promotions")
    _names(page).filter(has_text=DENIZ.name).click()
    expect(page.get_by_role("heading", level=1, name="Athletes")).to_be_visible()
    expect(page.get_by_role("heading", name=DENIZ.name).first).to_be_focused()
    go_to(page, "Reports")
    expect(
        page.get_by_role("navigation", name="Reports").get_by_role("button", name="Promotions")
    ).to_have_attribute("aria-current", "true")
    expect(_names(page).filter(has_text=DENIZ.name)).to_have_count(1)
