"""Import Database from Settings: preview, restore, undo; refused files; the real Qt dialog."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from judo_manager.athletes.service import AthletesService
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.db.snapshot import write_verified_copy
from judo_manager.demo.generator import fill_demo_club
from judo_manager.rules.service import RulesService
from tests.conftest import data_digest
from tests.e2e.conftest import LaunchApp, go_to, private_home, save_screenshot
from tests.e2e.native import OPEN_DIALOG_TITLE, type_path_and_accept, wait_until

LIVE_ATHLETES = 12
BACKUP_ATHLETES = 30
SMALLER_BACKUP = 5
# Generous for a slow machine; every wait below ends as soon as its condition holds.
UI_TIMEOUT_MS = 20_000
CONFIRMATION = "Replace your current data?"


def test_import_shows_a_preview_restores_and_undoes_from_the_toast(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _club(tmp_path / "data", LIVE_ATHLETES)
    live = database_path(data)
    backup = _backup_of_another_club(tmp_path / "usb-stick", BACKUP_ATHLETES, "club-2025.db")
    before = data_digest(live)
    home, env = private_home(tmp_path)
    app = launch_app(data, env=env)
    page = app.page
    _open_settings(page)

    app.answer_dialog(backup)
    _import_button(page).click()

    dialog = _confirmation(page)
    expect(dialog).to_contain_text(backup.name)
    expect(dialog).to_contain_text(str(backup))
    _expect_athletes_row(dialog, backup=BACKUP_ATHLETES, current=LIVE_ATHLETES)
    expect(dialog).not_to_contain_text("fewer than your current data")
    # Who: another club's file shares nobody with this one, by name and birth date.
    _expect_difference(dialog, "Removed by the restore", f"{LIVE_ATHLETES} athletes")
    _expect_difference(dialog, "Added by the restore", f"{BACKUP_ATHLETES} athletes")
    expect(_difference(dialog, "Added by the restore").get_by_role("listitem")).to_have_count(21)
    expect(_difference(dialog, "Added by the restore")).to_contain_text(
        f"and {BACKUP_ATHLETES - 20} more"
    )
    # The safe choice has the focus, never the button that replaces the data.
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    save_screenshot(page, "import-preview")
    [asked] = app.dialogs_asked()
    assert (asked["kind"], asked["directory"]) == ("open", str(home))
    assert data_digest(live) == before  # nothing changes before the coach says yes
    old_file = live.stat().st_ino

    dialog.get_by_role("button", name="Replace my data").click()

    toast = _success_toast(page, f"Data restored from {backup.name} ({BACKUP_ATHLETES} athletes)")
    expect(toast).to_contain_text("Your previous data was kept as a safety copy.")
    expect(dialog).to_have_count(0)
    # Still the same page in the same window: nothing restarted or reloaded.
    expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
    expect(_import_button(page)).to_be_focused()
    expect(_about_athletes(page)).to_have_text(str(BACKUP_ATHLETES))
    expect(_safety_copy_panel(page)).to_contain_text(f"({LIVE_ATHLETES} athletes)")
    assert data_digest(live) == data_digest(backup)
    # The window's own connections let go of the file: it became the safety copy, renamed.
    [copy] = (data / "safety").glob("pre-restore-*.db")
    assert copy.stat().st_ino == old_file
    _show_athletes(page, BACKUP_ATHLETES)

    toast.get_by_role("button", name="Undo restore").click()
    undo = page.get_by_role("alertdialog", name="Undo the restore?")
    expect(undo).to_be_visible(timeout=UI_TIMEOUT_MS)
    _expect_difference(undo, "Removed by the undo", f"{BACKUP_ATHLETES} athletes")
    _expect_difference(undo, "Brought back by the undo", f"{LIVE_ATHLETES} athletes")
    expect(undo).not_to_contain_text("Since the restore")  # nothing was done since
    expect(undo.get_by_role("button", name="Cancel")).to_be_focused()
    undo.get_by_role("button", name="Undo the restore").click()

    _success_toast(
        page, f"Your data is back as it was before the restore ({LIVE_ATHLETES} athletes)"
    )
    expect(toast).to_have_count(0)
    _expect_club_size(page, LIVE_ATHLETES)
    assert data_digest(live) == before
    _open_settings(page)
    expect(_about_athletes(page)).to_have_text(str(LIVE_ATHLETES))
    expect(_safety_copy_panel(page)).to_have_count(0)  # nothing left to undo
    assert app.process.poll() is None
    expect(page.get_by_role("alert")).to_have_count(0)


def test_undo_last_restore_in_settings_after_restarting_the_app(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _club(tmp_path / "data", LIVE_ATHLETES)
    live = database_path(data)
    backup = _backup_of_another_club(tmp_path / "backups", BACKUP_ATHLETES, "other-club.db")
    before = data_digest(live)
    env = private_home(tmp_path)[1]
    first = launch_app(data, env=env)
    _open_settings(first.page)
    expect(_safety_copy_panel(first.page)).to_have_count(0)  # no restore to undo yet
    first.answer_dialog(backup)
    _import_button(first.page).click()
    _confirmation(first.page).get_by_role("button", name="Replace my data").click()
    _success_toast(first.page, f"Data restored from {backup.name} ({BACKUP_ATHLETES} athletes)")
    first.stop()
    _add_athlete(live, "Ana Silva")  # work done after the restore, which Undo would lose

    app = launch_app(data, env=env)
    page = app.page
    _show_athletes(page, BACKUP_ATHLETES + 1)
    _open_settings(page)
    expect(_about_athletes(page)).to_have_text(str(BACKUP_ATHLETES + 1))
    panel = _safety_copy_panel(page)
    expect(panel).to_contain_text("Puts back your data as it was on")
    expect(panel).to_contain_text(f"({LIVE_ATHLETES} athletes)")

    panel.get_by_role("button", name="Undo last restore").click()
    undo = page.get_by_role("alertdialog", name="Undo the restore?")
    expect(undo).to_contain_text(
        "Since the restore you added 1 athlete (Ana Silva). Undo will remove that work.",
        timeout=UI_TIMEOUT_MS,
    )
    expect(_difference(undo, "Removed by the undo")).to_contain_text("Ana Silva")
    save_screenshot(page, "undo-preview")
    undo.get_by_role("button", name="Cancel").click()
    expect(undo).to_have_count(0)
    expect(_about_athletes(page)).to_have_text(str(BACKUP_ATHLETES + 1))  # nothing changed
    panel.get_by_role("button", name="Undo last restore").click()
    undo.get_by_role("button", name="Undo the restore").click()

    _success_toast(
        page, f"Your data is back as it was before the restore ({LIVE_ATHLETES} athletes)"
    )
    expect(_about_athletes(page)).to_have_text(str(LIVE_ATHLETES))
    expect(panel).to_have_count(0)
    assert data_digest(live) == before
    _show_athletes(page, LIVE_ATHLETES)
    expect(page.get_by_role("alert")).to_have_count(0)


def _difference(dialog: Locator, title: str) -> Locator:
    """One list of the preview's "who": removed, added or different."""
    return dialog.get_by_role("region", name=title)


def _expect_difference(dialog: Locator, title: str, summary: str) -> None:
    expect(_difference(dialog, title)).to_contain_text(summary, timeout=UI_TIMEOUT_MS)


def _add_athlete(live: Path, name: str) -> None:
    db = open_database(live)
    try:
        belt = RulesService(db).get().belts[0].id
        AthletesService(db).create(
            {
                "full_name": name,
                "birth_date": "2012-04-01",
                "sex": "F",
                "belt_id": belt,
                "weight_kg": 40,
                "active": True,
            }
        )
    finally:
        db.close()


def _text_file(downloads: Path, data: Path) -> tuple[Path, str]:
    path = downloads / "notes.db"
    path.write_text("Grading on Saturday: bring white belts.\n" * 40)
    return path, "notes.db is not a Judo Manager backup: it is a text file, not a database."


def _jpeg(downloads: Path, data: Path) -> tuple[Path, str]:
    path = downloads / "team-photo.db"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(5000))
    return path, "team-photo.db is not a Judo Manager backup: it is a JPEG picture, not a database."


def _the_live_database(downloads: Path, data: Path) -> tuple[Path, str]:
    reason = "That is the database Judo Manager is using right now, not a backup."
    return database_path(data), reason


# Each makes the file the coach picks (in downloads, or the app's own data folder) and
# gives the reason the app must show.
REJECTED: dict[str, Callable[[Path, Path], tuple[Path, str]]] = {
    "text": _text_file,
    "jpeg": _jpeg,
    "live-database": _the_live_database,
}


@pytest.mark.parametrize("kind", REJECTED)
def test_a_rejected_file_shows_why_and_changes_nothing(
    launch_app: LaunchApp, tmp_path: Path, kind: str
) -> None:
    data = _club(tmp_path / "data", LIVE_ATHLETES)
    live = database_path(data)
    chosen, reason = REJECTED[kind](_folder(tmp_path / "downloads"), data)
    before = data_digest(live)
    app = launch_app(data, env=private_home(tmp_path)[1])
    page = app.page
    _open_settings(page)

    app.answer_dialog(chosen)
    _import_button(page).click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("This file can't be restored", timeout=UI_TIMEOUT_MS)
    expect(alert).to_contain_text(reason)
    save_screenshot(page, f"import-rejected-{kind}")
    _expect_idle(page)
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    expect(_toasts(page).get_by_role("status")).to_have_count(0)
    assert len(app.dialogs_asked()) == 1
    assert data_digest(live) == before
    assert _staged_files(data) == []
    assert not (data / "safety").exists()
    expect(_safety_copy_panel(page)).to_have_count(0)
    expect(_about_athletes(page)).to_have_text(str(LIVE_ATHLETES))


@pytest.mark.parametrize("how", ["Escape key", "Cancel button"])
def test_cancelling_the_confirmation_changes_nothing(
    launch_app: LaunchApp, tmp_path: Path, how: str
) -> None:
    data = _club(tmp_path / "data", LIVE_ATHLETES)
    live = database_path(data)
    # An older backup with fewer athletes: the kind of file a coach thinks twice about.
    backup = _backup_of_another_club(tmp_path / "backups", SMALLER_BACKUP, "old-club.db")
    before = data_digest(live)
    app = launch_app(data, env=private_home(tmp_path)[1])
    page = app.page
    _open_settings(page)

    app.answer_dialog(backup)
    _import_button(page).click()
    dialog = _confirmation(page)
    _expect_athletes_row(dialog, backup=SMALLER_BACKUP, current=LIVE_ATHLETES)
    expect(dialog).to_contain_text(
        f"This backup has {LIVE_ATHLETES - SMALLER_BACKUP} athletes fewer than your current data."
    )
    [staged] = _staged_files(data)  # the private copy that was checked
    assert staged.name.startswith("restore-")

    if how == "Escape key":
        page.keyboard.press("Escape")
    else:
        dialog.get_by_role("button", name="Cancel").click()

    expect(dialog).to_have_count(0)
    expect(_import_button(page)).to_be_focused()
    _expect_idle(page)
    wait_until(lambda: _staged_files(data) == [], "the staged copy to be removed", app)
    assert data_digest(live) == before
    assert not (data / "safety").exists()
    expect(_safety_copy_panel(page)).to_have_count(0)
    expect(_about_athletes(page)).to_have_text(str(LIVE_ATHLETES))
    _show_athletes(page, LIVE_ATHLETES)
    expect(_toasts(page).get_by_role("status")).to_have_count(0)
    expect(page.get_by_role("alert")).to_have_count(0)


def test_closing_the_open_dialog_is_not_an_error(launch_app: LaunchApp, tmp_path: Path) -> None:
    data = _club(tmp_path / "data", LIVE_ATHLETES)
    before = data_digest(database_path(data))
    app = launch_app(data, env=private_home(tmp_path)[1])
    page = app.page
    _open_settings(page)

    app.answer_dialog(None)
    _import_button(page).click()

    # The button turns busy before Python is even called, so once the dialog has been
    # answered, an idle button means the whole attempt is over.
    wait_until(lambda: len(app.dialogs_asked()) == 1, "the open dialog", app)
    _expect_idle(page)
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    assert data_digest(database_path(data)) == before
    assert _staged_files(data) == []
    # After a round trip to another page, any toast the attempt raised would be showing.
    _show_athletes(page, LIVE_ATHLETES)
    _open_settings(page)
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(_toasts(page).get_by_role("status")).to_have_count(0)


def test_the_real_qt_open_dialog(launch_app: LaunchApp, tmp_path: Path) -> None:
    data = _club(tmp_path / "data", LIVE_ATHLETES)
    live = database_path(data)
    backup = _backup_of_another_club(tmp_path / "usb-stick", BACKUP_ATHLETES, "club-2025.db")
    app = launch_app(data, real_dialogs=True, env=private_home(tmp_path)[1])
    page = app.page
    _open_settings(page)

    _import_button(page).click()
    type_path_and_accept(app, OPEN_DIALOG_TITLE, str(backup))

    dialog = _confirmation(page)
    expect(dialog).to_contain_text(str(backup))
    _expect_athletes_row(dialog, backup=BACKUP_ATHLETES, current=LIVE_ATHLETES)
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    dialog.get_by_role("button", name="Replace my data").click()

    _success_toast(page, f"Data restored from {backup.name} ({BACKUP_ATHLETES} athletes)")
    expect(_about_athletes(page)).to_have_text(str(BACKUP_ATHLETES))
    assert data_digest(live) == data_digest(backup)
    _show_athletes(page, BACKUP_ATHLETES)


def _club(data: Path, athletes: int) -> Path:
    """A data folder whose club has `athletes` athletes, closed, ready for the app."""
    db = open_database(database_path(data))
    try:
        fill_demo_club(db, athletes, seed=1)
    finally:
        db.close()
    return data


def _backup_of_another_club(folder: Path, athletes: int, name: str) -> Path:
    """A real, verified backup (as Export Database writes it) of a different club."""
    other = open_database(database_path(folder.parent / f"other-club-{name}"))
    try:
        fill_demo_club(other, athletes, seed=2)
        destination = _folder(folder) / name
        write_verified_copy(other.path, destination, scratch_dir=folder.parent / "scratch")
    finally:
        other.close()
    return destination


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _staged_files(data: Path) -> list[Path]:
    staging = data / "staging"
    return sorted(staging.iterdir()) if staging.exists() else []


def _open_settings(page: Page) -> None:
    go_to(page, "Settings", timeout=30_000)
    expect(_about_athletes(page)).to_be_visible()
    _expect_idle(page)


def _show_athletes(page: Page, count: int) -> None:
    go_to(page, "Athletes", timeout=30_000)
    _expect_club_size(page, count)


def _expect_club_size(page: Page, count: int) -> None:
    """The roster counts `count` athletes in the club, however many the filters show."""
    # Only the total is the club's size: the default filter hides inactive athletes, so
    # the rows shown may be fewer. The last list stays up while a fresh one loads, so only
    # the fresh answer can bring the right total.
    expect(page.get_by_test_id("roster-count")).to_have_text(
        re.compile(rf"^Showing \d+ of {count} athletes$"), timeout=UI_TIMEOUT_MS
    )


def _about_athletes(page: Page) -> Locator:
    """The athlete count in Settings' "About this app" card."""
    about = page.get_by_role("region", name="About this app")
    return about.locator("dt", has_text="Athletes").locator("xpath=following-sibling::dd[1]")


def _safety_copy_panel(page: Page) -> Locator:
    return page.get_by_role("region", name="Safety copy")


def _import_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Import Database")


def _expect_idle(page: Page) -> None:
    button = _import_button(page)
    expect(button).to_have_text("Import Database", timeout=UI_TIMEOUT_MS)
    expect(button).to_be_enabled()
    expect(button).not_to_have_attribute("aria-busy", "true")


def _confirmation(page: Page) -> Locator:
    dialog = page.get_by_role("alertdialog", name=CONFIRMATION)
    expect(dialog).to_be_visible(timeout=UI_TIMEOUT_MS)
    return dialog


def _expect_athletes_row(dialog: Locator, *, backup: int, current: int) -> None:
    """The comparison's Athletes row: this backup's count, then the current data's."""
    # `has` is matched inside each row, so it starts from the page, not from the dialog.
    header = dialog.page.get_by_role("rowheader", name="Athletes", exact=True)
    row = dialog.get_by_role("row").filter(has=header)
    expect(row.get_by_role("cell")).to_have_text([str(backup), str(current)])


def _success_toast(page: Page, title: str) -> Locator:
    toast = _toasts(page).get_by_role("status").filter(has_text=title)
    expect(toast).to_be_visible(timeout=UI_TIMEOUT_MS)
    return toast


def _toasts(page: Page) -> Locator:
    """Sonner's notifications region: the roster's own count is a role="status" too."""
    return page.get_by_role("region", name="Notifications")


def test_a_form_open_across_a_restore_cant_save_over_the_restored_data(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _club(tmp_path / "data", LIVE_ATHLETES)
    live = database_path(data)
    backup = _backup_of_another_club(tmp_path / "usb-stick", BACKUP_ATHLETES, "club-2025.db")
    app = launch_app(data)
    page = app.page
    _show_athletes(page, LIVE_ATHLETES)
    opened = page.evaluate("window.pywebview.api.athletes.get(1)")
    page.get_by_text(opened["fullName"], exact=True).first.click()
    page.get_by_role("button", name="Edit", exact=True).click()
    form = page.get_by_role("dialog", name=f"Edit {opened['fullName']}")
    form.get_by_label("Weight (kg)").fill("77")

    # A restore lands while the form is open (as one from another window would have).
    app.answer_dialog(backup)
    page.evaluate(
        """async () => {
            const system = window.pywebview.api.system;
            const preview = await system.chooseRestoreFile();
            await system.restoreDatabase(preview.token);
        }"""
    )

    # The page and the form show the restored athlete 1, not what was typed over club A's.
    restored = page.evaluate("window.pywebview.api.athletes.get(1)")
    assert restored["fullName"] != opened["fullName"]
    expect(page.get_by_role("heading", level=2, name=restored["fullName"])).to_be_visible(
        timeout=UI_TIMEOUT_MS
    )
    form = page.get_by_role("dialog", name=f"Edit {restored['fullName']}")
    expect(form.get_by_label("Full name")).to_have_value(restored["fullName"])
    expect(form.get_by_label("Weight (kg)")).not_to_have_value("77")
    # And Python refuses the old form's save even if a page never heard of the restore.
    refusal = page.evaluate(
        """async ([id, revision]) => {
            try {
                await window.pywebview.api.athletes.delete(id, revision);
                return null;
            } catch (error) {
                return [error.name, error.message];
            }
        }""",
        [1, opened["revision"]],
    )
    assert refusal is not None and refusal[0] == "StaleRecordError"
    assert "changed since you opened the form" in refusal[1]
    assert data_digest(live) == data_digest(backup)
