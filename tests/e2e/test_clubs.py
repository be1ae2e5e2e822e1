"""Clubs, the organisation's branding and the athletes' papers, in the real window: a club
added in Settings, given to an athlete and filtering the roster; the organisation's name and
logo in the sidebar and its member-ID prefix on the next athlete; expired and expiring
licences and medical certificates badged on the roster and found by its papers filter.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import LaunchApp, go_to, save_screenshot
from tests.e2e.test_roster import (
    ANA,
    BRUNO,
    DENIZ,
    SEASON,
    START_TIMEOUT_MS,
    _club_of,
    _expect_roster,
    _expect_toast,
    _filter,
    _row,
    club,
)

CLUB_NAME = "Bogor Judo Club"


def _logo(path: Path) -> Path:
    """A small PNG, as a club's logo would be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 80), (200, 30, 30)).save(path, "PNG")
    return path


def _clubs(page: Page) -> Locator:
    return page.get_by_role("region", name="Clubs")


def _club_item(page: Page, name: str) -> Locator:
    return (
        _clubs(page).get_by_role("list", name="Clubs").get_by_role("listitem").filter(has_text=name)
    )


def test_a_club_added_in_settings_is_given_to_an_athlete_and_filters_the_roster(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    app = launch_app(_club_of(tmp_path / "data", ANA, BRUNO))
    page = app.page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Ana Kovač", "Bruno Silva"], total=2, timeout=START_TIMEOUT_MS)
    # No clubs yet: no club to filter by.
    expect(page.get_by_role("group", name="Filters").get_by_label("Club")).to_have_count(0)

    go_to(page, "Settings")
    expect(_clubs(page)).to_contain_text("No clubs yet.")
    _clubs(page).get_by_role("button", name="Add club").click()
    editor = page.get_by_role("dialog", name="Add club")
    expect(editor.get_by_label("Name", exact=True)).to_be_focused()
    editor.get_by_role("button", name="Save club").click()
    expect(editor.locator('[data-field-error="name"]')).to_have_text("Name is required.")
    editor.get_by_label("Name", exact=True).fill(CLUB_NAME)
    editor.get_by_label("Short name").fill("BJC")
    editor.get_by_label("City").fill("Bogor")
    editor.get_by_label("Contact", exact=True).fill("+62 251 555 010")
    # The logo through the native open dialog; nothing is stored before Save.
    app.answer_dialog(_logo(tmp_path / "pictures" / "bjc-logo.png"))
    editor.get_by_role("button", name="Choose logo…").click()
    expect(editor).to_contain_text("bjc-logo.png")
    expect(editor.get_by_role("img", name="The logo chosen")).to_be_visible()
    editor.get_by_role("button", name="Save club").click()
    _expect_toast(page, f"Added {CLUB_NAME}")
    expect(editor).to_have_count(0)

    item = _club_item(page, CLUB_NAME)
    expect(item).to_contain_text("BJC")
    expect(item).to_contain_text("Bogor")
    expect(item).to_contain_text("0 athletes")
    # Its logo, as the thumbnail Python made of it.
    expect(item.locator("img")).to_have_attribute("src", re.compile(r"^data:image/"))
    save_screenshot(page, "settings-clubs")

    # A second club's name can't be the first's, whatever its case.
    _clubs(page).get_by_role("button", name="Add club").click()
    editor = page.get_by_role("dialog", name="Add club")
    editor.get_by_label("Name", exact=True).fill(CLUB_NAME.upper())
    editor.get_by_role("button", name="Save club").click()
    expect(editor.locator('[data-field-error="name"]')).to_be_visible()
    editor.get_by_role("button", name="Cancel").click()
    expect(editor).to_have_count(0)

    # Ana joins it, from her own form.
    go_to(page, "Athletes")
    _row(page, "Ana Kovač").click()
    page.get_by_role("button", name="Edit", exact=True).click()
    form = page.get_by_role("dialog", name="Edit Ana Kovač")
    expect(form.get_by_label("Club")).to_have_value("")
    form.get_by_label("Club").select_option(label=CLUB_NAME)
    form.get_by_role("button", name="Save changes").click()
    _expect_toast(page, "Saved Ana Kovač")
    expect(form).to_have_count(0)
    page.get_by_role("button", name="Back to athletes").click()

    _filter(page, "Club").select_option(label=CLUB_NAME)
    _expect_roster(page, ["Ana Kovač"], total=2)
    _filter(page, "Club").select_option(label="All clubs")
    _expect_roster(page, ["Ana Kovač", "Bruno Silva"], total=2)
    _filter(page, "Club").select_option(label=CLUB_NAME)
    _expect_roster(page, ["Ana Kovač"], total=2)

    # Deleting the club keeps its athletes, with no club; the filter it set goes with it.
    go_to(page, "Settings")
    expect(_club_item(page, CLUB_NAME)).to_contain_text("1 athlete")
    _clubs(page).get_by_role("button", name=f"Delete {CLUB_NAME}").click()
    confirm = page.get_by_role("alertdialog", name=f"Delete {CLUB_NAME}?")
    expect(confirm).to_contain_text(
        "1 athlete belongs to it. They stay on the roster, with no club."
    )
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()
    confirm.get_by_role("button", name="Delete club").click()
    _expect_toast(page, f"Deleted {CLUB_NAME}")
    expect(_clubs(page).get_by_role("button", name="Add club")).to_be_focused()
    expect(_clubs(page)).to_contain_text("No clubs yet.")

    go_to(page, "Athletes")
    _expect_roster(page, ["Ana Kovač", "Bruno Silva"], total=2)
    expect(page.get_by_role("group", name="Filters").get_by_label("Club")).to_have_count(0)


def test_the_organisation_shows_in_the_sidebar_and_its_prefix_on_the_next_member_id(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    app = launch_app()
    page = app.page
    expect(page.get_by_text("No athletes yet")).to_be_visible(timeout=START_TIMEOUT_MS)
    sidebar = page.locator("aside")
    expect(sidebar).to_contain_text("Judo Manager")
    expect(sidebar.locator("img")).to_have_count(0)

    go_to(page, "Settings")
    card = page.get_by_role("region", name="Organisation")
    expect(card).to_contain_text("Not set: the sidebar says Judo Manager")
    card.get_by_role("button", name="Edit organisation").click()
    dialog = page.get_by_role("dialog", name="Organisation")
    prefix = dialog.get_by_label("Member ID prefix")
    expect(prefix).to_have_value("JM-")
    expect(prefix).to_have_accessible_description("New athletes get member IDs like JM-001.")
    dialog.get_by_label("Name", exact=True).fill(CLUB_NAME)
    # The example follows what is typed.
    prefix.fill("BJC-")
    expect(prefix).to_have_accessible_description("New athletes get member IDs like BJC-001.")
    app.answer_dialog(_logo(tmp_path / "pictures" / "organisation.png"))
    dialog.get_by_role("button", name="Choose logo…").click()
    expect(dialog).to_contain_text("organisation.png")
    dialog.get_by_role("button", name="Save organisation").click()
    _expect_toast(page, "Saved the organisation's details")
    expect(dialog).to_have_count(0)

    expect(sidebar).to_contain_text(CLUB_NAME)
    expect(sidebar.locator("img")).to_have_attribute("src", re.compile(r"^data:image/"))
    expect(card).to_contain_text("BJC-001")
    save_screenshot(page, "settings-organisation")

    # The next athlete is offered the prefix's first member ID, and gets it.
    go_to(page, "Athletes")
    page.get_by_role("button", name="Add athlete").click()
    form = page.get_by_role("dialog", name="Add athlete")
    expect(form.get_by_label("Member ID")).to_have_attribute("placeholder", "BJC-001")
    form.get_by_label("Full name").fill(ANA.name)
    form.get_by_label("Birth date").fill(ANA.birth_date)
    form.get_by_label("Sex").select_option(label="Female")
    form.get_by_label("Belt").select_option(label=ANA.belt)
    form.get_by_label("Weight (kg)").fill("48")
    form.get_by_role("button", name="Save athlete").click()
    _expect_toast(page, f"Added {ANA.name}")
    page.get_by_role("button", name="Back to athletes").click()
    expect(_row(page, ANA.name).get_by_role("gridcell").first).to_have_text(f"{ANA.name} BJC-001")

    # The name stays after a restart: it is in the data.
    app.stop()
    page = launch_app(app.data_dir).page
    expect(page.locator("aside")).to_contain_text(CLUB_NAME, timeout=START_TIMEOUT_MS)


def test_expired_and_expiring_papers_are_badged_and_the_papers_filter_finds_them(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    soon = dt.date.today() + dt.timedelta(days=10)
    later = dt.date.today() + dt.timedelta(days=200)
    with club(data) as c:
        # Ana's licence ran out in 2020; Bruno's medical certificate runs out in ten days;
        # Deniz has neither date.
        for member, licence, medical in (
            (ANA, "2020-03-03", later.isoformat()),
            (BRUNO, later.isoformat(), soon.isoformat()),
            (DENIZ, None, None),
        ):
            c.athletes.create(
                {
                    "full_name": member.name,
                    "birth_date": member.birth_date,
                    "sex": member.sex,
                    "belt_id": c.belts[member.belt],
                    "weight_kg": member.weight_kg,
                    "active": True,
                    "licence_valid_until": licence,
                    "medical_valid_until": medical,
                }
            )
    page = launch_app(data).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    everyone = [ANA.name, BRUNO.name, DENIZ.name]
    _expect_roster(page, everyone, total=3, timeout=START_TIMEOUT_MS)

    expired = _row(page, ANA.name).get_by_role("img", name="Licence expired on 3 Mar 2020")
    expect(expired).to_have_text("Expired")
    expiring = _row(page, BRUNO.name).get_by_role(
        "img", name=re.compile(r"^Medical certificate expires on \d{1,2} \w+ \d{4}$")
    )
    expect(expiring).to_have_text("Expires soon")
    expect(
        _row(page, DENIZ.name).get_by_role("img", name=re.compile("^(Licence|Medical)"))
    ).to_have_count(0)
    save_screenshot(page, "roster-papers")

    papers = _filter(page, "Papers")
    papers.select_option(label="Expired")
    _expect_roster(page, [ANA.name], total=3)
    papers.select_option(label="Expiring within 30 days")
    _expect_roster(page, [BRUNO.name], total=3)
    papers.select_option(label="Missing")
    _expect_roster(page, [DENIZ.name], total=3)
    papers.select_option(label="All")
    _expect_roster(page, everyone, total=3)

    # A renewed licence, typed in the form, takes Ana's badge away.
    _row(page, ANA.name).click()
    page.get_by_role("button", name="Edit", exact=True).click()
    form = page.get_by_role("dialog", name=f"Edit {ANA.name}")
    renewed = form.get_by_label("Licence valid until")
    expect(renewed).to_have_value("03/03/2020")
    renewed.fill(f"31/12/{SEASON + 1}")
    form.get_by_role("button", name="Save changes").click()
    _expect_toast(page, f"Saved {ANA.name}")
    page.get_by_role("button", name="Back to athletes").click()
    papers.select_option(label="Expired")
    _expect_roster(page, [], total=3)
