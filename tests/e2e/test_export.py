"""Export Database from Settings: through the dialog seam, and once through the real Qt dialog."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from judo_manager.backup.file_names import default_filename
from tests.conftest import assert_valid_backup
from tests.e2e.conftest import ROOT, LaunchApp, private_home, save_screenshot
from tests.e2e.native import (
    SAVE_DIALOG_TITLE,
    focus_dialog,
    type_path_and_accept,
    wait_until,
    xdotool,
)

ATHLETES = 25
# Generous for a slow machine; every wait below ends as soon as its condition holds.
UI_TIMEOUT_MS = 20_000


def test_export_writes_a_verified_copy_and_remembers_its_folder(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _demo_data_folder(tmp_path, ATHLETES)
    home, env = private_home(tmp_path)
    stick = _folder(tmp_path / "usb-stick")
    app = launch_app(data, env=env)
    page = app.page
    _open_settings(page)

    with _default_names() as proposed:
        app.answer_dialog(stick / "club-backup.db")
        _export_button(page).click()
        toast = _success_toast(page, "club-backup.db")
    backup = stick / "club-backup.db"
    expect(toast).to_contain_text(
        f"Backup saved: club-backup.db ({_shown_size(backup)}, {ATHLETES} athletes)"
    )
    expect(toast).to_contain_text("If it's on a USB stick, eject it before unplugging.")
    save_screenshot(page, "export-succeeded")
    last_backup = page.get_by_role("region", name="Last backup")
    expect(last_backup).to_contain_text(str(backup))
    expect(last_backup).not_to_contain_text("Never backed up")

    assert sorted(os.listdir(stick)) == ["club-backup.db"]  # no .partial, -wal or -shm
    assert_valid_backup(backup, ATHLETES)
    # A local disk: written in one copy, nothing beside the live data (not even a scratch copy).
    assert not (data / "scratch").exists()
    [asked] = app.dialogs_asked()
    assert (asked["kind"], asked["directory"]) == ("save", str(home))
    assert asked["filename"] in proposed

    second = _folder(tmp_path / "second-stick") / "again.db"
    app.answer_dialog(second)
    _export_button(page).click()
    _success_toast(page, "again.db")
    expect(last_backup).to_contain_text(str(second))
    assert app.dialogs_asked()[1]["directory"] == str(stick)
    assert_valid_backup(second, ATHLETES)

    # Import starts where the last backup went, too; both offer backups first (issue #14, 8).
    app.answer_dialog(None)
    page.get_by_role("button", name="Import Database").click()
    wait_until(lambda: len(app.dialogs_asked()) == 3, "the open dialog", app)
    save, again, opened = app.dialogs_asked()
    assert (opened["kind"], opened["directory"]) == ("open", str(second.parent))
    for asked_for in (save, again, opened):
        assert asked_for["file_types"] == ["Judo Manager backups (*.db)", "All files (*.*)"]
    assert (save["title"], opened["title"]) == ("Save a backup", "Choose a backup to restore")


def test_a_name_typed_without_db_gets_db(launch_app: LaunchApp, tmp_path: Path) -> None:
    data = _demo_data_folder(tmp_path, ATHLETES)
    folder = _folder(tmp_path / "backups")
    app = launch_app(data, env=private_home(tmp_path)[1])
    page = app.page
    _open_settings(page)

    app.answer_dialog(folder / "club-copy")
    _export_button(page).click()

    _success_toast(page, "club-copy.db")
    expect(page.get_by_role("region", name="Last backup")).to_contain_text(
        str(folder / "club-copy.db")
    )
    assert sorted(os.listdir(folder)) == ["club-copy.db"]
    assert_valid_backup(folder / "club-copy.db", ATHLETES)


def test_cancelling_the_dialog_is_not_an_error(launch_app: LaunchApp, tmp_path: Path) -> None:
    app = launch_app(env=private_home(tmp_path)[1])
    page = app.page
    _open_settings(page)
    last_backup = page.get_by_role("region", name="Last backup")
    expect(last_backup).to_contain_text("Never backed up")

    app.answer_dialog(None)
    _export_button(page).click()

    # The button turns busy before Python is even called, so once the dialog has been
    # answered, an idle button means the whole attempt is over.
    wait_until(lambda: len(app.dialogs_asked()) == 1, "the save dialog", app)
    _expect_idle(page)
    # Coming back to Settings reads the last backup afresh, after the cancelled attempt; by
    # then any toast the attempt raised has long been rendered.
    _leave_and_reopen_settings(page)
    expect(last_backup).to_contain_text("Never backed up")
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_role("status")).to_have_count(0)


def test_a_read_only_folder_gets_a_clear_error(
    launch_app: LaunchApp, tmp_path: Path, read_only_dir: Path
) -> None:
    app = launch_app(_demo_data_folder(tmp_path, ATHLETES), env=private_home(tmp_path)[1])
    page = app.page
    _open_settings(page)
    expect(page.get_by_role("region", name="Last backup")).to_contain_text("Never backed up")

    app.answer_dialog(read_only_dir / "club-backup.db")
    _export_button(page).click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Backup failed", timeout=UI_TIMEOUT_MS)
    expect(alert).to_contain_text(
        f"Judo Manager can't write to {read_only_dir}: the folder is read-only."
    )
    save_screenshot(page, "export-read-only-folder")
    _expect_idle(page)
    assert os.listdir(read_only_dir) == []
    _leave_and_reopen_settings(page)
    expect(page.get_by_role("region", name="Last backup")).to_contain_text("Never backed up")
    expect(page.get_by_role("status")).to_have_count(0)


def test_the_real_qt_save_dialog(launch_app: LaunchApp, tmp_path: Path) -> None:
    data = _demo_data_folder(tmp_path, ATHLETES)
    home, env = private_home(tmp_path)
    documents = _folder(home / "Documents")
    elsewhere = _folder(tmp_path / "elsewhere")
    app = launch_app(data, real_dialogs=True, env=env)
    page = app.page
    _open_settings(page)

    # Accepting the dialog as it opens saves under the proposed name, in Documents.
    with _default_names() as proposed:
        _export_button(page).click()
        focus_dialog(app, SAVE_DIALOG_TITLE)
        xdotool("key", "Return")
        toast = _success_toast(page, "judo_manager_backup_")
    [saved] = os.listdir(documents)
    assert saved in proposed
    expect(toast).to_contain_text(f"Backup saved: {saved} (")
    assert_valid_backup(documents / saved, ATHLETES)

    typed = elsewhere / "club-copy.db"
    _export_button(page).click()
    type_path_and_accept(app, SAVE_DIALOG_TITLE, str(typed))

    _success_toast(page, "club-copy.db")
    expect(page.get_by_role("region", name="Last backup")).to_contain_text(str(typed))
    assert sorted(os.listdir(elsewhere)) == ["club-copy.db"]
    assert_valid_backup(typed, ATHLETES)


@contextmanager
def _default_names() -> Iterator[set[str]]:
    """The proposed backup name for every day the block ran in (two, across midnight)."""
    names = {default_filename(dt.date.today())}
    yield names
    names.add(default_filename(dt.date.today()))


def _demo_data_folder(tmp_path: Path, athletes: int) -> Path:
    data = tmp_path / "data"
    demo = ["demo", "--athletes", str(athletes)]
    subprocess.run(
        [sys.executable, "-m", "judo_manager", "--data-dir", str(data), *demo],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return data


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _open_settings(page: Page) -> None:
    page.get_by_role("navigation").get_by_role("button", name="Settings").click(timeout=30_000)
    expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
    last_backup = page.get_by_role("region", name="Last backup")
    expect(last_backup).to_be_visible()
    expect(last_backup).not_to_contain_text("Checking")


def _leave_and_reopen_settings(page: Page) -> None:
    nav = page.get_by_role("navigation")
    nav.get_by_role("button", name="Athletes").click()
    expect(page.get_by_role("heading", level=1, name="Athletes")).to_be_visible()
    expect(page.get_by_role("region", name="Last backup")).to_have_count(0)
    _open_settings(page)


def _export_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Export Database")


def _expect_idle(page: Page) -> None:
    button = _export_button(page)
    expect(button).to_have_text("Export Database", timeout=UI_TIMEOUT_MS)
    expect(button).to_be_enabled()
    expect(button).not_to_have_attribute("aria-busy", "true")


def _success_toast(page: Page, file_name: str) -> Locator:
    toast = page.get_by_role("status").filter(has_text=f"Backup saved: {file_name}")
    expect(toast).to_be_visible(timeout=UI_TIMEOUT_MS)
    return toast


def _shown_size(path: Path) -> str:
    """A small club's backup size as the page writes it: decimal kilobytes, one decimal."""
    size = path.stat().st_size
    assert 1000 <= size < 999_950
    return f"{size / 1000:.1f} KB"
