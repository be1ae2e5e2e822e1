"""The Dashboard in the real window (issue #18): the first page the app opens on. Its numbers
move when an athlete and a medal are added, a chart's numbers are a table for screen readers
(shown once the keyboard is in it), a number opens the roster filtered to what it counts,
and axe finds nothing to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.axe import expect_no_violations
from tests.e2e.conftest import LaunchApp, save_screenshot
from tests.e2e.test_roster import ANA, BRUNO, KENJI, MARTA, club

TODAY = dt.date.today()
SEASON = TODAY.year
START_TIMEOUT_MS = 30_000


def _go(page: Page, name: str) -> None:
    page.get_by_role("navigation").get_by_role("button", name=name).click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()


def _counts(page: Page) -> Locator:
    return page.get_by_role("region", name=f"Your club in {SEASON}")


def _belt_count(page: Page, belt: str) -> Locator:
    """The link of `belt`'s row in the belts chart's table."""
    table = page.get_by_role("table", name="By belt")
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=belt, exact=True))
    return row.get_by_role("link")


def _settled(page: Page) -> None:
    """The numbers on screen are those of the data as it is now."""
    expect(page.locator("[data-dashboard]")).to_have_attribute("aria-busy", "false")


def test_the_dashboard_moves_with_an_athlete_and_a_medal_and_its_numbers_open_the_roster(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with club(data) as c:
        for member in (ANA, BRUNO, KENJI, MARTA):  # Marta is inactive
            c.add(member)
    page = launch_app(data).page

    # It opens on the Dashboard, with the active athletes counted.
    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible(
        timeout=START_TIMEOUT_MS
    )
    counts = _counts(page)
    expect(counts.get_by_role("link", name="3 active athletes")).to_be_visible()
    expect(counts.get_by_role("link", name="1 woman or girl")).to_be_visible()
    expect(counts.get_by_role("link", name="2 men and boys")).to_be_visible()
    medals = page.get_by_role("region", name="Medals")
    expect(medals.get_by_role("link", name="0 gold")).to_be_visible()
    expect(medals).to_contain_text(f"No medals in {SEASON}.")
    _settled(page)

    # The belts chart's numbers, as a table for screen readers: every belt, the inactive
    # brown belt not counted. Out of sight until the keyboard reaches it.
    expect(_belt_count(page, "Yellow")).to_have_text("1 athlete")
    expect(_belt_count(page, "1st Dan")).to_have_text("1 athlete")
    expect(_belt_count(page, "Brown")).to_have_text("0 athletes")
    # What clips the table to a pixel (it keeps its own size inside).
    holder = page.get_by_role("table", name="By belt").locator("xpath=..")
    hidden = holder.bounding_box()
    assert hidden is not None and hidden["width"] <= 1
    _belt_count(page, "Yellow").focus()
    shown = holder.bounding_box()
    assert shown is not None and shown["width"] > 100 and shown["height"] > 100
    save_screenshot(page, "dashboard")
    expect_no_violations(page, "the dashboard")

    # The number is a link: the roster filtered to the yellow belts of the season.
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Athletes")).to_be_visible()
    expect(page.get_by_test_id("roster-count")).to_have_text("Showing 1 of 4 athletes")
    expect(page.locator("#roster-belt option:checked")).to_have_text("Yellow")
    expect(page.get_by_role("row").filter(has_text=ANA.name)).to_be_visible()

    # A new athlete (her page opens) with a gold medal from today.
    page.get_by_role("button", name="Add athlete").click()
    form = page.get_by_role("dialog", name="Add athlete")
    form.get_by_label("Full name").fill("Sari Dewi")
    form.get_by_label("Birth date").fill(f"{SEASON - 15}-05-20")
    form.get_by_label("Sex").select_option(label="Female")
    form.get_by_label("Belt").select_option(label="Yellow")
    form.get_by_label("Weight (kg)").fill("52")
    form.get_by_role("button", name="Save athlete").click()
    expect(form).to_have_count(0)
    history = page.get_by_role("region", name="Medal history")
    history.get_by_role("button", name="Add medal").click()
    medal = history.get_by_role("form", name="Add medal")
    medal.get_by_label("Competition", exact=True).fill("City Open")
    medal.get_by_label("Competition date").fill(TODAY.isoformat())
    medal.get_by_label("Place").select_option(label="Gold")
    medal.get_by_role("button", name="Save medal").click()
    expect(medal).to_have_count(0)

    # Back on the Dashboard the numbers have moved, and she leads the medals.
    _go(page, "Dashboard")
    expect(counts.get_by_role("link", name="4 active athletes")).to_be_visible()
    expect(counts.get_by_role("link", name="2 women and girls")).to_be_visible()
    expect(_belt_count(page, "Yellow")).to_have_text("2 athletes")
    expect(medals.get_by_role("link", name="1 gold")).to_be_visible()
    leader = medals.get_by_role("listitem").filter(has_text="Sari Dewi")
    expect(leader).to_contain_text("1 gold · 0 silver · 0 bronze")
    _settled(page)

    # All time is a choice too; the athlete's name opens her page.
    medals.get_by_label("Season").select_option(label="All time")
    expect(medals.get_by_role("link", name="1 gold")).to_be_visible()
    leader.get_by_role("link", name="Sari Dewi").click()
    expect(page.get_by_role("heading", level=2, name="Sari Dewi")).to_be_visible()
