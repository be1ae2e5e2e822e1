"""The window on the day the club's data on this computer is damaged.

It opens on its rescue screen instead of an empty club; "Restore from a backup…" goes
through the same native dialog, checks and preview as Import Database (with the backup
alone, since the current data can't be read), keeps the damaged file aside as it is, and
lands on the rescued club; "Show the data folder" opens the folder where it was kept.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from playwright.sync_api import expect

from tests.conftest import file_digest, make_backup, make_club
from tests.e2e.conftest import LaunchApp, go_to, save_screenshot

UI_TIMEOUT_MS = 30_000


def _scribble_page(path: Path, number: int) -> None:
    """Random bytes over the whole of page `number` (counted from 1, as SQLite does)."""
    with path.open("r+b") as file:
        file.seek((number - 1) * 4096)
        file.write(os.urandom(4096))


def test_damaged_data_is_rescued_from_the_start_up_screen(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    live = make_club(data, 300)
    backup = make_backup(tmp_path / "usb" / "club-2026.db", 45)
    _scribble_page(live, live.stat().st_size // 4096 // 2)
    damaged = file_digest(live)
    app = launch_app(data)
    page = app.page

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Judo Manager can't open your club's data", timeout=UI_TIMEOUT_MS
    )
    expect(page.get_by_role("alert")).to_contain_text(
        "Your club's data on this computer is damaged"
    )
    page.get_by_role("button", name="Show the data folder").click()
    app.answer_dialog(backup)
    page.get_by_role("button", name="Restore from a backup…").click()

    dialog = page.get_by_role("alertdialog", name="Replace the damaged data?")
    expect(dialog).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(dialog).to_contain_text("club-2026.db")
    expect(dialog).to_contain_text("damaged: can't be read")
    save_screenshot(page, "rescue-preview")
    assert file_digest(live) == damaged  # nothing changes before the coach says yes
    dialog.get_by_role("button", name="Replace my data").click()

    # The app as it starts: on the Dashboard, and the roster holds the backup's club.
    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible(
        timeout=UI_TIMEOUT_MS
    )
    go_to(page, "Athletes")
    expect(page.get_by_test_id("roster-count")).to_contain_text("45", timeout=UI_TIMEOUT_MS)
    (aside,) = data.glob("damaged-*.db")
    assert file_digest(aside) == damaged
    conn = sqlite3.connect(f"{live.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    asked = app.dialogs_asked()
    assert {"kind": "show-folder", "folder": str(data)} in asked
    assert [a["kind"] for a in asked].count("open") == 1
    assert "Traceback" not in app.log()


def _scribble_an_athletes_page(path: Path) -> None:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    (page,) = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'athletes' AND pagetype = 'leaf' "
        "ORDER BY pageno LIMIT 1 OFFSET 2"
    ).fetchone()
    conn.close()
    _scribble_page(path, page)


def test_damage_found_while_working_leads_to_the_rescue(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    live = make_club(data, 300)
    backup = make_backup(tmp_path / "usb" / "club-2026.db", 45)
    app = launch_app(data)
    page = app.page
    go_to(page, "Athletes", timeout=UI_TIMEOUT_MS)
    expect(page.get_by_test_id("roster-count")).to_contain_text("300", timeout=UI_TIMEOUT_MS)

    _scribble_an_athletes_page(live)  # the disk fails while the coach works
    page.get_by_role("combobox", name="Status").select_option(label="All")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Judo Manager can't open your club's data", timeout=UI_TIMEOUT_MS
    )
    app.answer_dialog(backup)
    page.get_by_role("button", name="Restore from a backup…").click()
    dialog = page.get_by_role("alertdialog", name="Replace the damaged data?")
    dialog.get_by_role("button", name="Replace my data").click()

    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible(
        timeout=UI_TIMEOUT_MS
    )
    go_to(page, "Athletes")
    expect(page.get_by_test_id("roster-count")).to_contain_text("45", timeout=UI_TIMEOUT_MS)
    (aside,) = data.glob("damaged-*.db")
    assert aside.stat().st_size > 0
    assert "Traceback" not in app.log()
