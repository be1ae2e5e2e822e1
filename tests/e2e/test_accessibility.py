"""axe-core's WCAG 2 A/AA checks over every page and dialog of the real window.

One window on one club walks the roster, an athlete's page with each of its forms,
confirmations and the date calendar, Settings with its belt and category editors, its clubs
and organisation with theirs (and the roster with a club and a papers badge), the restore
preview and the undo preview; the rescue screen needs damaged data, so it has a
window of its own.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import make_backup, make_club
from tests.e2e.axe import expect_no_violations
from tests.e2e.conftest import LaunchApp, RunningApp
from tests.e2e.test_roster import SEASON, Member, club_window
from tests.media_files import pdf_bytes, photo_bytes, write

UI_TIMEOUT_MS = 30_000
CLUB = [
    Member("Ana Kovač", 16, "F", "Yellow", 48.0),
    Member("Kenji Abe", 35, "M", "1st Dan", 81.0),
    Member("Bruno Silva", 12, "M", "White", 38.0),
]


@pytest.fixture(scope="module")
def shared(launch_module_app: LaunchApp, tmp_path_factory: pytest.TempPathFactory) -> RunningApp:
    """One window on `CLUB`, where Kenji Abe has a promotion and a medal."""
    return club_window(launch_module_app, tmp_path_factory.mktemp("club") / "data", CLUB)


@pytest.fixture(autouse=True)
def _no_dialog_left_open(shared: RunningApp) -> None:
    """A test that failed with a dialog open must not fail every test after it."""
    dialogs = shared.page.locator("[role=dialog], [role=alertdialog]")
    while dialogs.count():
        shared.page.keyboard.press("Escape")
        expect(dialogs).to_have_count(0)


def _go(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("button", name=name).click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()


def _open_athlete(page: Page, name: str) -> None:
    _go(page, "Athletes")
    page.get_by_role("row").filter(has=page.get_by_text(name, exact=True)).click()
    expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()


def test_the_roster_and_the_add_athlete_form(shared: RunningApp) -> None:
    page = shared.page
    _go(page, "Athletes")
    expect_no_violations(page, "the roster")
    page.get_by_role("button", name="Add athlete").click()
    form = page.get_by_role("dialog", name="Add athlete")
    expect(form).to_be_visible()
    expect_no_violations(page, "the Add athlete form")
    # The problems shown next to their fields are part of the form too.
    form.get_by_role("button", name="Save athlete").click()
    expect(form.locator("[data-field-error]").first).to_be_visible()
    expect_no_violations(page, "the Add athlete form with its problems shown")
    # And with Python's warnings beside Belt and Weight.
    form.get_by_label("Full name").fill("Yuki Tanaka")
    form.get_by_label("Birth date").fill(f"14/03/{SEASON - 2}")
    form.get_by_label("Sex").select_option(label="Male")
    form.get_by_label("Belt").select_option(label="6th Dan")
    form.get_by_label("Weight (kg)").fill("91")
    form.get_by_role("button", name="Save athlete").click()
    expect(form.locator("[data-field-warning]")).to_have_count(2)
    expect_no_violations(page, "the Add athlete form with its warnings shown")
    form.get_by_role("button", name="Cancel").click()
    expect(form).to_have_count(0)


def test_an_athlete_page_and_its_forms_and_confirmations(shared: RunningApp) -> None:
    page = shared.page
    _open_athlete(page, "Kenji Abe")
    expect_no_violations(page, "an athlete's page")
    header = page.get_by_role("region", name="Kenji Abe")

    header.get_by_role("button", name="Edit", exact=True).click()
    form = page.get_by_role("dialog", name="Edit Kenji Abe")
    expect(form).to_be_visible()
    expect_no_violations(page, "the Edit athlete form")
    form.get_by_role("button", name="Cancel").click()
    expect(form).to_have_count(0)

    header.get_by_role("button", name="Delete").click()
    confirm = page.get_by_role("alertdialog", name="Delete Kenji Abe?")
    expect(confirm).to_be_visible()
    expect_no_violations(page, "the delete confirmation")
    confirm.get_by_role("button", name="Cancel").click()
    expect(confirm).to_have_count(0)

    for button, form_name in (
        ("Record promotion", "Record promotion"),
        ("Add medal", "Add medal"),
        ("Edit promotion to 2nd Dan", "Edit promotion"),
        ("Edit gold medal at City Open", "Edit medal"),
    ):
        page.get_by_role("button", name=button).click()
        inline = page.get_by_role("form", name=form_name)
        expect(inline).to_be_visible()
        expect_no_violations(page, f"the {form_name} form")
        inline.get_by_role("button", name="Cancel").click()
        expect(inline).to_have_count(0)

    # The calendar beside a date field.
    page.get_by_role("button", name="Record promotion").click()
    inline = page.get_by_role("form", name="Record promotion")
    inline.get_by_role("button", name="Open calendar").click()
    expect(page.get_by_role("dialog", name="Promotion date: calendar")).to_be_visible()
    expect_no_violations(page, "the date calendar")
    page.keyboard.press("Escape")
    inline.get_by_role("button", name="Cancel").click()
    expect(inline).to_have_count(0)

    page.get_by_role("button", name=re.compile(r"^Delete promotion to ")).click()
    confirm = page.get_by_role("alertdialog")
    expect(confirm).to_be_visible()
    expect_no_violations(page, "the delete-a-promotion confirmation")
    confirm.get_by_role("button", name="Cancel").click()
    expect(confirm).to_have_count(0)


def test_an_athlete_photo_and_documents_the_viewer_and_the_document_form(
    shared: RunningApp, tmp_path: Path
) -> None:
    page = shared.page
    _open_athlete(page, "Bruno Silva")
    header = page.get_by_role("region", name="Bruno Silva")
    documents = page.get_by_role("region", name="Documents")

    shared.answer_dialog(write(tmp_path, "bruno.jpg", photo_bytes((800, 600))))
    header.get_by_role("button", name="Add photo of Bruno Silva").click()
    photo = header.get_by_role("button", name="View the photo of Bruno Silva")
    expect(photo).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(photo.locator("img")).to_have_attribute("src", re.compile("^data:"))
    expect_no_violations(page, "an athlete's page with a photo")

    photo.click()
    viewer = page.get_by_role("dialog", name="Photo of Bruno Silva")
    expect(viewer.get_by_role("img", name="Photo of Bruno Silva")).to_be_visible()
    expect_no_violations(page, "the image viewer")
    viewer.get_by_role("button", name="Zoom in").click()
    expect_no_violations(page, "the image viewer, zoomed in")
    page.keyboard.press("Escape")
    expect(viewer).to_have_count(0)

    shared.answer_dialog(write(tmp_path, "medical.pdf", pdf_bytes()))
    documents.get_by_role("button", name="Add document").click()
    form = page.get_by_role("dialog", name="Add document")
    expect(form).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect_no_violations(page, "the Add document form")
    form.get_by_label("Title").fill("")
    form.get_by_role("button", name="Save document").click()
    expect(form.locator("[data-field-error]").first).to_be_visible()
    expect_no_violations(page, "the Add document form with its problems shown")
    form.get_by_label("Kind").select_option(label="Medical certificate")
    form.get_by_label("Title").fill("Medical certificate")
    form.get_by_label("Valid until").fill(f"14/03/{SEASON + 1}")
    form.get_by_role("button", name="Save document").click()
    expect(form).to_have_count(0)
    expect(documents.get_by_role("listitem")).to_have_count(1)
    expect_no_violations(page, "an athlete's documents")

    documents.get_by_role("button", name="Delete Medical certificate").click()
    confirm = page.get_by_role("alertdialog", name="Delete this document?")
    expect_no_violations(page, "the delete-a-document confirmation")
    confirm.get_by_role("button", name="Delete document").click()
    expect(confirm).to_have_count(0)
    header.get_by_role("button", name="Remove photo of Bruno Silva").click()
    confirm = page.get_by_role("alertdialog", name="Remove the photo of Bruno Silva?")
    expect_no_violations(page, "the remove-the-photo confirmation")
    confirm.get_by_role("button", name="Remove photo").click()
    expect(confirm).to_have_count(0)
    expect(documents).to_contain_text("No documents yet.")


def test_settings_and_the_belt_and_category_editors(shared: RunningApp) -> None:
    page = shared.page
    _go(page, "Settings")
    expect(page.get_by_role("region", name="Belts")).to_be_visible()
    expect_no_violations(page, "Settings")
    for button, title in (
        ("Add belt", "Add belt"),
        ("Edit White", "Edit White"),
        ("Add category", "Add age category"),
    ):
        page.get_by_role("button", name=button, exact=True).click()
        editor = page.get_by_role("dialog", name=title)
        expect(editor).to_be_visible()
        expect_no_violations(page, f"the {title} editor")
        editor.get_by_role("button", name="Cancel").click()
        expect(editor).to_have_count(0)


def test_clubs_the_organisation_and_papers_with_their_dialogs(shared: RunningApp) -> None:
    page = shared.page
    _go(page, "Settings")
    clubs = page.get_by_role("region", name="Clubs")
    clubs.get_by_role("button", name="Add club").click()
    editor = page.get_by_role("dialog", name="Add club")
    expect(editor).to_be_visible()
    expect_no_violations(page, "the Add club form")
    editor.get_by_label("Name", exact=True).fill("City Judo Club")
    editor.get_by_role("button", name="Save club").click()
    expect(editor).to_have_count(0)
    expect(clubs.get_by_role("listitem").filter(has_text="City Judo Club")).to_be_visible()
    expect_no_violations(page, "Settings with a club")

    clubs.get_by_role("button", name="Edit City Judo Club").click()
    editor = page.get_by_role("dialog", name="Edit City Judo Club")
    expect(editor).to_be_visible()
    expect_no_violations(page, "the Edit club form")
    editor.get_by_role("button", name="Cancel").click()
    expect(editor).to_have_count(0)

    page.get_by_role("region", name="Organisation").get_by_role(
        "button", name="Edit organisation"
    ).click()
    branding = page.get_by_role("dialog", name="Organisation")
    expect(branding).to_be_visible()
    expect_no_violations(page, "the Organisation form")
    branding.get_by_role("button", name="Cancel").click()
    expect(branding).to_have_count(0)

    # The athlete form with its club, and the roster with a club filter and a papers badge.
    _open_athlete(page, "Ana Kovač")
    page.get_by_role("button", name="Edit", exact=True).click()
    form = page.get_by_role("dialog", name="Edit Ana Kovač")
    form.get_by_label("Club").select_option(label="City Judo Club")
    form.get_by_label("Licence valid until").fill("03/03/2020")
    expect_no_violations(page, "the Edit athlete form with a club")
    form.get_by_role("button", name="Save changes").click()
    expect(form).to_have_count(0)
    _go(page, "Athletes")
    expect(page.get_by_role("img", name="Licence expired on 3 Mar 2020")).to_be_visible()
    expect_no_violations(page, "the roster with a club filter and a papers badge")

    # As the club was found: no club, no licence date.
    _go(page, "Settings")
    clubs.get_by_role("button", name="Delete City Judo Club").click()
    confirm = page.get_by_role("alertdialog", name="Delete City Judo Club?")
    expect(confirm).to_be_visible()
    expect_no_violations(page, "the delete-a-club confirmation")
    confirm.get_by_role("button", name="Delete club").click()
    expect(confirm).to_have_count(0)
    _open_athlete(page, "Ana Kovač")
    page.get_by_role("button", name="Edit", exact=True).click()
    form = page.get_by_role("dialog", name="Edit Ana Kovač")
    form.get_by_label("Licence valid until").fill("")
    form.get_by_role("button", name="Save changes").click()
    expect(form).to_have_count(0)


def test_the_restore_preview_and_the_undo_preview(shared: RunningApp, tmp_path: Path) -> None:
    page = shared.page
    backup = make_backup(tmp_path / "usb" / "club-2026.db", 8)
    _go(page, "Settings")
    shared.answer_dialog(backup)
    page.get_by_role("button", name="Import Database").click()
    preview = page.get_by_role("alertdialog", name="Replace your current data?")
    expect(preview).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect_no_violations(page, "the restore preview")
    preview.get_by_role("button", name="Replace my data").click()
    expect(preview).to_have_count(0, timeout=UI_TIMEOUT_MS)

    page.get_by_role("region", name="Safety copy").get_by_role(
        "button", name="Undo last restore"
    ).click()
    undo = page.get_by_role("alertdialog", name="Undo the restore?")
    expect(undo).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect_no_violations(page, "the undo preview")
    # Put the club back for whoever runs after.
    undo.get_by_role("button", name="Undo the restore").click()
    expect(undo).to_have_count(0, timeout=UI_TIMEOUT_MS)
    _go(page, "Athletes")
    expect(page.get_by_test_id("roster-count")).to_have_text(
        f"Showing {len(CLUB)} of {len(CLUB)} athletes", timeout=UI_TIMEOUT_MS
    )


def test_the_rescue_screen(launch_app: LaunchApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    live = make_club(data, 20)
    with live.open("r+b") as file:  # scribble over the page after the header: damaged
        file.seek(4096)
        file.write(os.urandom(4096))
    page = launch_app(data).page
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Judo Manager can't open your club's data", timeout=UI_TIMEOUT_MS
    )
    expect_no_violations(page, "the rescue screen")
