"""Grading minimums in the real window (issue #18): Settings → Belts shows what promotion to
each belt asks, and the belt editor changes it, checked on the page and kept on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from judo_manager.db.layout import database_path
from tests.e2e.axe import expect_no_violations
from tests.e2e.conftest import LaunchApp
from tests.e2e.test_roster import START_TIMEOUT_MS


def test_a_belts_minimum_months_edited_in_settings_shows_in_the_ladder(
    launch_app: LaunchApp,
) -> None:
    app = launch_app()
    page = app.page
    expect(page.get_by_text("No athletes yet")).to_be_visible(timeout=START_TIMEOUT_MS)
    page.get_by_role("navigation").get_by_role("button", name="Settings").click()

    # The defaults: nothing to reach the lowest belt, months for a kyu, months and age for a dan.
    expect(_belt_row(page, "White")).to_contain_text("No minimum")
    expect(_belt_row(page, "Green")).to_contain_text("6 months")
    expect(_belt_row(page, "1st Dan")).to_contain_text("12 months · 15 years")

    page.get_by_role("button", name="Edit Green", exact=True).click()
    editor = page.get_by_role("dialog", name="Edit Green")
    months = editor.get_by_label("Months in the belt below")
    age = editor.get_by_label("Minimum age")
    expect(months).to_have_value("6")
    expect(age).to_have_value("")
    months.fill("1,5")
    age.fill("121")
    editor.get_by_role("button", name="Save belt").click()
    expect(months).to_have_accessible_description(
        "Months must be a whole number from 0 to 600, or empty. Empty: no minimum"
    )
    expect(age).to_have_accessible_description(
        "Minimum age must be a whole number from 0 to 120, or empty. Empty: no minimum"
    )
    expect_no_violations(page, "the belt editor with its errors")

    months.fill("8")
    age.fill("10")
    editor.get_by_role("button", name="Save belt").click()
    expect(editor).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="Saved the Green belt")).to_be_visible()
    expect(_belt_row(page, "Green")).to_contain_text("8 months · 10 years")
    assert _minimums_on_disk(app.data_dir, "Green") == (8, 10)

    # Emptied, both are "no minimum".
    page.get_by_role("button", name="Edit Green", exact=True).click()
    editor = page.get_by_role("dialog", name="Edit Green")
    editor.get_by_label("Months in the belt below").fill("")
    editor.get_by_label("Minimum age").fill("")
    editor.get_by_role("button", name="Save belt").click()
    expect(editor).to_have_count(0)
    expect(_belt_row(page, "Green")).to_contain_text("No minimum")
    assert _minimums_on_disk(app.data_dir, "Green") == (None, None)


def _belt_row(page: Page, name: str) -> Locator:
    """The ladder's row of the belt called `name`."""
    ladder = page.get_by_role("region", name="Belts").get_by_role(
        "list", name="Belt ladder, lowest first"
    )
    return ladder.get_by_role("listitem").filter(
        has=page.get_by_role("img", name=f"Belt: {name}", exact=True)
    )


def _minimums_on_disk(data: Path, name: str) -> tuple[int | None, int | None]:
    """(min_months, min_age) of the belt as the database file holds them."""
    conn = sqlite3.connect(f"{database_path(data).as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT min_months, min_age FROM belts WHERE name = ?", (name,))
        return row.fetchone()
    finally:
        conn.close()
