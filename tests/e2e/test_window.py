"""The real window: it opens, navigates, shows real data, and reports a bad database."""

from __future__ import annotations

import subprocess
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from judo_manager.db.layout import database_path
from judo_manager.db.migrations import SCHEMA_VERSION
from tests.conftest import file_digest
from tests.e2e.conftest import LaunchApp, save_screenshot
from tests.e2e.native import wait_until


def test_window_opens_titled_with_the_sidebar(launch_app: LaunchApp) -> None:
    app = launch_app()
    page = app.page

    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("button", name="Athletes")).to_be_visible(timeout=30_000)
    expect(nav.get_by_role("button", name="Settings")).to_be_visible()
    # It opens on the Dashboard, which says where to start.
    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible()
    expect(page.get_by_text("No athletes yet")).to_be_visible()
    # The native window, as the window manager sees it.
    found = subprocess.run(
        ["xdotool", "search", "--pid", str(app.process.pid), "--name", "^Judo Manager$"],
        capture_output=True,
        text=True,
    )
    assert found.stdout.strip(), "no X window titled 'Judo Manager'"


def test_settings_shows_the_real_data_folder_and_version(launch_app: LaunchApp) -> None:
    app = launch_app()
    page = app.page

    page.get_by_role("navigation").get_by_role("button", name="Settings").click(timeout=30_000)

    expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
    expect(_value(page, "Data folder")).to_have_text(str(app.data_dir))
    expect(_value(page, "App version")).to_have_text("0.1.0")
    expect(_value(page, "Schema version")).to_have_text(str(SCHEMA_VERSION))
    expect(_value(page, "Athletes")).to_have_text("0")
    expect(page.get_by_role("region", name="Last backup")).to_contain_text("Never backed up")
    save_screenshot(page, "settings-page")


def test_a_database_that_is_not_sqlite_opens_the_rescue_screen(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data_dir = tmp_path / "broken"
    data_dir.mkdir()
    database = database_path(data_dir)
    database.write_bytes(b"\xff\xd8\xff\xe0 this is a photo, not a database" * 100)
    before = file_digest(database)

    app = launch_app(data_dir)

    expect(app.page.get_by_role("alert")).to_contain_text(
        "isn't a database file at all", timeout=30_000
    )
    expect(app.page.get_by_role("button", name="Restore from a backup…")).to_be_visible()
    expect(app.page.get_by_role("button", name="Show the data folder")).to_be_visible()
    save_screenshot(app.page, "startup-rescue")
    app.stop()
    assert "error: Your club's data on this computer is damaged" in app.log()
    assert "Traceback" not in app.log()
    assert file_digest(database) == before


def _value(page: Page, label: str) -> Locator:
    return page.locator(f"dt:text-is('{label}') + dd")


def test_the_page_cannot_reach_past_the_bridge_methods(launch_app: LaunchApp) -> None:
    app = launch_app()
    page = app.page
    expect(page.get_by_role("navigation")).to_be_visible(timeout=30_000)
    database = database_path(app.data_dir)
    before = file_digest(database)

    # What a hostile script in the page could try: walk from a namespace to the database.
    page.evaluate(
        "window.pywebview._jsApiCallback("
        "'system._system._db.path.write_text', ['overwritten'], 'attack')"
    )

    refusal = "refused a bridge call to the private name 'system._system._db.path.write_text'"
    wait_until(lambda: refusal in app.log(), "the refusal", app)
    assert file_digest(database) == before
    # Still the app's own page, where it opened.
    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible()
