"""Weight classes in the real window (issue #17): the roster shows each athlete's class under
their category and filters by it; Settings edits a category's ladders, and the roster follows.

The club is written into a real database before the window opens; everything after that goes
through the window.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import LaunchApp, save_screenshot
from tests.e2e.native import resize_window
from tests.e2e.test_roster import START_TIMEOUT_MS, Member, club_window

# Cadets both: 48.0 kg is in -48 (up to and including 48 kg), 66.0 kg in -66.
ANA = Member("Ana Kovač", 16, "F", "Yellow", 48.0)
DENIZ = Member("Deniz Ozturk", 17, "M", "Orange", 66.0)
SARA = Member("Sara Lind", 16, "F", "Blue", 52.5)
CLUB = [ANA, DENIZ, SARA]


def test_a_weight_class_edited_in_settings_changes_the_roster(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    app = club_window(launch_app, tmp_path / "data", CLUB)
    resize_window(app, 1366, 800)
    page = app.page
    expect(_class_cell(page, ANA.name)).to_have_text("U18 Cadets -48 kg")
    expect(_class_cell(page, DENIZ.name)).to_have_text("U18 Cadets -66 kg")
    expect(_class_cell(page, SARA.name)).to_have_text("U18 Cadets -57 kg")

    # The filter offers the chosen category's ladder for the chosen sex.
    _filter(page, "Age category").select_option(label="Eligible for U18 Cadets")
    _filter(page, "Sex").select_option(label="Female")
    weight_class = _filter(page, "Weight class")
    expect(weight_class.locator("option")).to_have_text(
        [
            "All weights",
            "-40 kg",
            "-44 kg",
            "-48 kg",
            "-52 kg",
            "-57 kg",
            "-63 kg",
            "-70 kg",
            "+70 kg",
        ]
    )
    weight_class.select_option(label="-48 kg")
    _expect_names(page, [ANA.name])
    # Men have no -48 kg class: choosing a sex whose ladder lacks it clears it.
    _filter(page, "Sex").select_option(label="Male")
    expect(weight_class).to_have_value("")
    _expect_names(page, [DENIZ.name])
    _filter(page, "Sex").select_option(label="All")
    _filter(page, "Age category").select_option(label="All ages")
    _expect_names(page, [ANA.name, DENIZ.name, SARA.name])

    page.get_by_role("navigation").get_by_role("button", name="Settings").click()
    categories = page.get_by_role("region", name="Age categories")
    # The women's cadet ladder: the only one that starts at -40 (U15's starts at -32).
    cadets = categories.get_by_role("definition").filter(has_text=re.compile(r"^-40 -44"))
    expect(cadets).to_have_text("-40 -44 -48 -52 -57 -63 -70 +70")
    # Kids' bands carry the note that federations differ; the cadets' doesn't.
    expect(
        categories.get_by_text("Federations differ for kids' weight classes: check yours.")
    ).to_have_count(4)

    categories.get_by_role("button", name="Weight classes of U18 Cadets").click()
    classes = page.get_by_role("dialog", name="Weight classes: U18 Cadets")
    expect(classes).to_contain_text("Classes are ordered by their limit")
    women = classes.get_by_role("list", name="Women: classes, lightest first", exact=True)
    expect(women.get_by_role("listitem")).to_have_count(8)

    # -48 becomes -47: at 48.0 kg Ana is heavier than it, so she moves up to -52.
    women.get_by_role("button", name="Edit -48 kg (Women)").click()
    editor = page.get_by_role("dialog", name="Edit -48 kg")
    limit = editor.get_by_label("Limit (kg)")
    expect(limit).to_be_focused()
    expect(limit).to_have_value("48")
    # Checked here first: one decimal at most.
    limit.fill("47,25")
    editor.get_by_role("button", name="Save class").click()
    expect(editor.locator("[data-field-error=limitKg]")).to_have_text(
        "The limit takes one decimal at most, like 44.5."
    )
    expect(limit).to_be_focused()
    # Then by Python, shown on the same field: the ladder has a -52 kg class already.
    limit.fill("52")
    editor.get_by_role("button", name="Save class").click()
    expect(editor.locator("[data-field-error=limitKg]")).to_have_text(
        "Cadets already has a -52 kg class for women."
    )
    expect(limit).to_have_attribute("aria-invalid", "true")
    limit.fill("47")
    editor.get_by_role("button", name="Save class").click()
    _expect_toast(page, "Saved -47 kg in U18 Cadets (Women)")
    expect(editor).to_have_count(0)
    # Focus is back on the class's Edit button, in its place on the ladder.
    expect(women.get_by_role("button", name="Edit -47 kg (Women)")).to_be_focused()
    expect(women.get_by_role("listitem").nth(2)).to_contain_text("-47 kg")

    # Deleting -66 for men puts Deniz, at 66.0 kg, in the next heavier class, -73.
    men = classes.get_by_role("list", name="Men: classes, lightest first", exact=True)
    men.get_by_role("button", name="Delete -66 kg (Men)").click()
    confirm = page.get_by_role("alertdialog", name="Delete -66 kg from U18 Cadets (Men)?")
    confirm.get_by_role("button", name="Delete class").click()
    _expect_toast(page, "Deleted -66 kg from U18 Cadets (Men)")
    expect(men.get_by_role("listitem")).to_have_count(7)
    expect(classes.get_by_role("button", name="Add a class for Men")).to_be_focused()
    save_screenshot(page, "weight-classes")
    classes.get_by_role("button", name="Close").click()
    expect(classes).to_have_count(0)
    expect(cadets).to_have_text("-40 -44 -47 -52 -57 -63 -70 +70")
    save_screenshot(page, "weight-classes-settings")

    page.get_by_role("navigation").get_by_role("button", name="Athletes").click()
    expect(_class_cell(page, ANA.name)).to_have_text("U18 Cadets -52 kg")
    expect(_class_cell(page, DENIZ.name)).to_have_text("U18 Cadets -73 kg")
    expect(_class_cell(page, SARA.name)).to_have_text("U18 Cadets -57 kg")
    save_screenshot(page, "weight-classes-roster")
    # The filter follows the new classes: -52 kg holds Ana now, not Sara (52.5 kg: -57).
    _filter(page, "Age category").select_option(label="Eligible for U18 Cadets")
    _filter(page, "Sex").select_option(label="Female")
    _filter(page, "Weight class").select_option(label="-52 kg")
    _expect_names(page, [ANA.name])


def test_adding_an_over_class_and_a_named_class(launch_app: LaunchApp, tmp_path: Path) -> None:
    app = club_window(
        launch_app, tmp_path / "data", [Member("Farid Haddad", 22, "M", "Blue", 120.0)]
    )
    page = app.page
    # 120 kg is over 100 kg: +100, whatever the ladder's first match would say.
    expect(_class_cell(page, "Farid Haddad")).to_have_text("SEN Seniors +100 kg")

    page.get_by_role("navigation").get_by_role("button", name="Settings").click()
    categories = page.get_by_role("region", name="Age categories")
    categories.get_by_role("button", name="Weight classes of SEN Seniors").click()
    classes = page.get_by_role("dialog", name="Weight classes: SEN Seniors")
    men = classes.get_by_role("list", name="Men: classes, lightest first", exact=True)

    # A second over class is refused on the tick box, by Python.
    classes.get_by_role("button", name="Add a class for Men").click()
    editor = page.get_by_role("dialog", name="Add a weight class")
    editor.get_by_label("Limit (kg)").fill("130")
    editor.get_by_label("Over this limit (the heaviest class)").check()
    editor.get_by_role("button", name="Save class").click()
    expect(editor.locator("[data-field-error=over]")).to_have_text(
        "Seniors already has an over class for men, +100 kg; change that one instead."
    )
    expect(editor.get_by_label("Over this limit (the heaviest class)")).to_be_focused()

    # The over class itself moves up to +110, after a new -110 named "Heavy".
    editor.get_by_label("Over this limit (the heaviest class)").uncheck()
    editor.get_by_label("Limit (kg)").fill("110")
    editor.get_by_label("Name").fill("Heavy")
    expect(editor).to_contain_text("Empty: the class reads “-110 kg”.")
    editor.get_by_role("button", name="Save class").click()
    expect(editor.locator("[data-field-error=limitKg]")).to_have_text(
        "-110 kg can't be above the over class, +100 kg: raise that one first."
    )
    editor.get_by_role("button", name="Cancel").click()
    men.get_by_role("button", name="Edit +100 kg (Men)").click()
    editor = page.get_by_role("dialog", name="Edit +100 kg")
    expect(editor.get_by_label("Over this limit (the heaviest class)")).to_be_checked()
    editor.get_by_label("Limit (kg)").fill("110")
    editor.get_by_role("button", name="Save class").click()
    _expect_toast(page, "Saved +110 kg in SEN Seniors (Men)")
    classes.get_by_role("button", name="Add a class for Men").click()
    editor = page.get_by_role("dialog", name="Add a weight class")
    editor.get_by_label("Limit (kg)").fill("110")
    editor.get_by_label("Name").fill("Heavy")
    editor.get_by_role("button", name="Save class").click()
    _expect_toast(page, "Added Heavy to SEN Seniors (Men)")
    # A named class says its limit too; the ladder keeps the order of the limits.
    expect(men.locator("[data-weight-class]")).to_have_text(
        [*[f"-{limit} kg" for limit in (60, 66, 73, 81, 90, 100)], "Heavy -110 kg", "+110 kg"]
    )
    classes.get_by_role("button", name="Close").click()

    page.get_by_role("navigation").get_by_role("button", name="Athletes").click()
    expect(_class_cell(page, "Farid Haddad")).to_have_text("SEN Seniors +110 kg")


# --- helpers -------------------------------------------------------------------------


def _rows(page: Page) -> Locator:
    grid = page.get_by_role("grid", name="Athletes")
    return grid.get_by_role("row").filter(has=page.get_by_role("gridcell"))


def _class_cell(page: Page, name: str) -> Locator:
    """The last cell of `name`'s row: their category, then their weight class."""
    row = _rows(page).filter(has=page.get_by_text(name, exact=True))
    return row.get_by_role("gridcell").last


def _expect_names(page: Page, names: list[str]) -> None:
    roster = page.get_by_role("region", name="Athlete roster")
    expect(roster).to_have_attribute("aria-busy", "false", timeout=START_TIMEOUT_MS)
    expect(_rows(page).locator("[data-athlete-name]")).to_have_text(names)


def _filter(page: Page, label: str) -> Locator:
    return page.get_by_role("group", name="Filters").get_by_label(label, exact=True)


def _expect_toast(page: Page, title: str) -> None:
    toast = page.get_by_role("region", name="Notifications").get_by_role("status")
    expect(toast.filter(has_text=title)).to_be_visible()
