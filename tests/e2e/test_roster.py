"""The roster in the real window: add, edit, promotions, medals, search, filters, sorting,
errors next to their fields, deleting, and the rules in Settings.

Each club is written into a real database in the fresh data folder before the window
opens; everything after that goes through the window.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from playwright.sync_api import Locator, Page, expect

from judo_manager.athletes.service import AthletesService
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.rules.service import RulesService
from tests.e2e.conftest import LaunchApp, RunningApp, go_to, save_screenshot

# The season the roster opens on is this year, so ages are given relative to it. A run
# that straddles midnight on New Year's Eve would see every age move by one.
SEASON = dt.date.today().year
# The first wait covers the window starting; everything after it answers in milliseconds.
START_TIMEOUT_MS = 30_000
TODAY = dt.date.today().isoformat()


@dataclass(frozen=True)
class Member:
    """An athlete to put in the club before the window opens."""

    name: str
    age: int
    sex: Literal["F", "M"]
    belt: str
    weight_kg: float
    active: bool = True

    @property
    def birth_date(self) -> str:
        """Born in the year that makes them `age` this season."""
        return f"{SEASON - self.age}-03-14"


ANA = Member("Ana Kovač", 16, "F", "Yellow", 48.0)
BRUNO = Member("Bruno Silva", 12, "M", "White", 38.0)
DENIZ = Member("Deniz Ozturk", 17, "M", "Orange", 66.0)
ELIF = Member("Elif Öztürk", 19, "F", "Green", 57.0)
KENJI = Member("Kenji Abe", 35, "M", "1st Dan", 81.0)
MARTA = Member("Marta Nowak", 24, "F", "Brown", 63.0, active=False)
SARA = Member("Sara Lind", 14, "F", "Blue", 44.0)
# Alphabetical by name is not by age, by belt name nor by ladder, so each order shows.
CLUB = (ANA, BRUNO, DENIZ, ELIF, KENJI, MARTA, SARA)
ACTIVE = [m.name for m in CLUB if m.active]


@dataclass
class Club:
    """The club's services on the database the window will open."""

    athletes: AthletesService
    belts: dict[str, int]

    def add(self, member: Member) -> int:
        """Put `member` on the roster; their id."""
        athlete = self.athletes.create(
            {
                "full_name": member.name,
                "birth_date": member.birth_date,
                "sex": member.sex,
                "belt_id": self.belts[member.belt],
                "weight_kg": member.weight_kg,
                "active": member.active,
            }
        )
        return athlete.id

    def promote(self, athlete_id: int, belt: str, on: str, examiner: str | None = None) -> None:
        """Record a grading to `belt`."""
        self.athletes.add_promotion(
            athlete_id,
            self.athletes.get(athlete_id).revision,
            {"promoted_on": on, "belt_id": self.belts[belt], "examiner": examiner},
        )

    def medal(self, athlete_id: int, competition: str, on: str, place: str) -> None:
        """Record a podium place."""
        self.athletes.add_medal(
            athlete_id,
            self.athletes.get(athlete_id).revision,
            {"competition": competition, "held_on": on, "place": place},
        )


@contextmanager
def club(data: Path) -> Iterator[Club]:
    """The real database in `data`, created and migrated, closed again before launch."""
    db = open_database(database_path(data))
    try:
        yield Club(AthletesService(db), {b.name: b.id for b in RulesService(db).get().belts})
    finally:
        db.close()


def club_window(launch: LaunchApp, data: Path, members: Sequence[Member]) -> RunningApp:
    """A window on a club of `members`, its roster shown (from the sidebar); Kenji Abe, if
    one of them, has a 2nd Dan grading and a gold medal from last season."""
    with club(data) as c:
        for member in members:
            athlete = c.add(member)
            if member.name == "Kenji Abe":
                c.promote(athlete, "2nd Dan", f"{SEASON - 1}-06-01", examiner="M. Weber")
                c.medal(athlete, "City Open", f"{SEASON - 1}-05-10", "gold")
    app = launch(data)
    go_to(app.page, "Athletes", timeout=START_TIMEOUT_MS)
    expect(app.page.get_by_test_id("roster-count")).to_have_text(
        f"Showing {len(members)} of {len(members)} athletes", timeout=START_TIMEOUT_MS
    )
    return app


def _club_of(data: Path, *members: Member) -> Path:
    with club(data) as c:
        for member in members:
            c.add(member)
    return data


def test_adding_an_athlete_shows_their_page_and_their_row(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    page = launch_app().page
    # A new club opens on the Dashboard, which has nothing to count yet: its first button
    # opens the add form straight over the roster.
    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible(
        timeout=START_TIMEOUT_MS
    )
    empty = page.get_by_role("region", name="No athletes yet")
    expect(empty.get_by_role("button", name="Go to Athletes")).to_be_visible()
    empty.get_by_role("button", name="Add the first athlete").click()
    form = page.get_by_role("dialog", name="Add athlete")
    expect(form).to_be_visible()
    born = f"{SEASON - 16}-03-14"

    form.get_by_label("Full name").fill("Ana Kovač")
    form.get_by_label("Birth date").fill(born)
    form.get_by_label("Sex").select_option(label="Female")
    form.get_by_label("Belt").select_option(label="Orange")
    form.get_by_label("Weight (kg)").fill("52.5")
    form.get_by_label("Licence number").fill("SLO-2231")
    form.get_by_label("Phone", exact=True).fill("+386 40 111 222")
    form.get_by_label("Email").fill("ana.kovac@example.com")
    # A 16-year-old: the form suggests a guardian's contact.
    expect(form).to_contain_text("Suggested for athletes under 18")
    form.get_by_label("Guardian name").fill("Mirela Kovač")
    form.get_by_label("Guardian phone").fill("+386 40 333 444")
    form.get_by_label("Notes").fill("Left-handed; prefers morning sessions.")
    form.get_by_label("School").fill("SMP Negeri 3 Bogor")
    form.get_by_label("Address").fill("Jl. Pajajaran 12\nBogor")
    form.get_by_role("button", name="Save athlete").click()

    _expect_toast(page, "Added Ana Kovač")
    expect(form).to_have_count(0)
    # Their page opens, reading from their name.
    header = _athlete_header(page, "Ana Kovač")
    expect(header.get_by_role("heading", name="Ana Kovač")).to_be_focused()
    expect(header.get_by_role("img", name="Belt: Orange")).to_be_visible()
    expect(header).to_contain_text(f"16 in {SEASON} · U18 Cadets · Female · 52.5 kg · Active")
    expect(_detail(header, "Member ID")).to_have_text("JM-001")
    expect(_detail(header, "Licence number")).to_have_text("SLO-2231")
    expect(_detail(header, "School")).to_have_text("SMP Negeri 3 Bogor")
    expect(_detail(header, "Address")).to_have_text("Jl. Pajajaran 12\nBogor")
    expect(_detail(header, "Phone")).to_have_text("+386 40 111 222")
    expect(_detail(header, "Email")).to_have_text("ana.kovac@example.com")
    expect(_detail(header, "Guardian")).to_have_text("Mirela Kovač")
    expect(_detail(header, "Guardian phone")).to_have_text("+386 40 333 444")
    expect(header).to_contain_text("Left-handed; prefers morning sessions.")
    expect(_history(page, "Promotion history")).to_contain_text("No promotions recorded yet.")

    _back_to_roster(page)

    _expect_roster(page, ["Ana Kovač"], total=1)
    row = _row(page, "Ana Kovač")
    # The first cell: the name, then the member ID Python gave (the form's was left empty).
    expect(row.get_by_role("gridcell")).to_have_text(
        [
            "Ana Kovač JM-001",
            f"{SEASON - 16} · 16",
            "Female",
            "Orange",
            "52.5 kg",
            "U18 Cadets -57 kg",
        ]
    )
    expect(row.get_by_role("img", name="Belt: Orange")).to_be_visible()


def test_editing_an_athlete_changes_their_page_and_their_row(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    page = launch_app(_club_of(tmp_path / "data", ANA, BRUNO)).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Ana Kovač", "Bruno Silva"], total=2, timeout=START_TIMEOUT_MS)
    _row(page, "Ana Kovač").click()
    expect(_athlete_header(page, "Ana Kovač")).to_contain_text("U18 Cadets")

    page.get_by_role("button", name="Edit", exact=True).click()
    form = page.get_by_role("dialog", name="Edit Ana Kovač")
    expect(form.get_by_label("Full name")).to_have_value("Ana Kovač")
    expect(form.get_by_label("Weight (kg)")).to_have_value("48")
    form.get_by_label("Full name").fill("Ana Kovač-Horvat")
    # Three years older: a junior now, no longer a cadet.
    form.get_by_label("Birth date").fill(f"{SEASON - 19}-03-14")
    form.get_by_label("Weight (kg)").fill("50.5")
    form.get_by_label("Phone", exact=True).fill("+386 41 555 666")
    form.get_by_role("button", name="Save changes").click()

    _expect_toast(page, "Saved Ana Kovač-Horvat")
    expect(form).to_have_count(0)
    header = _athlete_header(page, "Ana Kovač-Horvat")
    expect(header).to_contain_text(f"19 in {SEASON} · U21 Juniors · Female · 50.5 kg · Active")
    expect(_detail(header, "Phone")).to_have_text("+386 41 555 666")

    _back_to_roster(page)

    _expect_roster(page, ["Ana Kovač-Horvat", "Bruno Silva"], total=2)
    row = _row(page, "Ana Kovač-Horvat")
    expect(row.get_by_role("gridcell")).to_have_text(
        [
            "Ana Kovač-Horvat JM-001",
            f"{SEASON - 19} · 19",
            "Female",
            "Yellow",
            "50.5 kg",
            "U21 Juniors -52 kg",
        ]
    )
    # The keyboard carries on from the athlete just closed.
    expect(row).to_be_focused()


def test_a_promotion_changes_the_belt_and_deleting_it_gives_the_old_one_back(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with club(data) as c:
        kenji = c.add(Member("Kenji Abe", 12, "M", "White", 38.0))
        c.promote(kenji, "Yellow", f"{SEASON - 1}-06-01", examiner="M. Weber (5th Dan)")
    page = launch_app(data).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Kenji Abe"], total=1, timeout=START_TIMEOUT_MS)
    _row(page, "Kenji Abe").click()
    header = _athlete_header(page, "Kenji Abe")
    expect(header.get_by_role("img", name="Belt: Yellow")).to_be_visible()
    history = _history(page, "Promotion history")

    history.get_by_role("button", name="Record promotion").click()
    form = history.get_by_role("form", name="Record promotion")
    # Today, and the next belt on the ladder, are what a coach usually records.
    # Today, in the app language's order (en-GB: dd/mm/yyyy).
    expect(form.get_by_label("Promotion date")).to_have_value(dt.date.today().strftime("%d/%m/%Y"))
    expect(form.get_by_label("New belt").locator("option:checked")).to_have_text("Yellow-Orange")
    form.get_by_label("New belt").select_option(label="Orange")
    form.get_by_label("Examiner").fill("K. Tanaka (6th Dan)")
    form.get_by_role("button", name="Save promotion").click()

    _expect_toast(page, "Recorded the promotion to Orange for Kenji Abe")
    expect(form).to_have_count(0)
    expect(history.get_by_role("button", name="Record promotion")).to_be_focused()
    expect(header.get_by_role("img", name="Belt: Orange")).to_be_visible()
    timeline = _timeline(history, "Promotions, newest first")
    expect(timeline).to_have_count(2)
    _expect_promotion(timeline.nth(0), TODAY, "Orange", "from Yellow")
    expect(timeline.nth(0)).to_contain_text("Examiner: K. Tanaka (6th Dan)")
    _expect_promotion(timeline.nth(1), f"{SEASON - 1}-06-01", "Yellow", "from White")
    save_screenshot(page, "athlete-detail")

    timeline.nth(0).get_by_role(
        "button", name=re.compile(r"^Delete promotion to Orange on ")
    ).click()
    confirm = page.get_by_role("alertdialog", name="Delete this promotion?")
    expect(confirm).to_contain_text(
        "It is the latest promotion, so Kenji Abe's belt goes back to Yellow."
    )
    confirm.get_by_role("button", name="Delete promotion").click()

    toast = _expect_toast(page, "Promotion deleted")
    expect(toast).to_contain_text("Kenji Abe's belt is Yellow again.")
    expect(confirm).to_have_count(0)
    # The Delete button went with the promotion: the keyboard carries on from the section.
    expect(history.get_by_role("button", name="Record promotion")).to_be_focused()
    expect(header.get_by_role("img", name="Belt: Yellow")).to_be_visible()
    expect(timeline).to_have_count(1)
    _expect_promotion(timeline.nth(0), f"{SEASON - 1}-06-01", "Yellow", "from White")
    _back_to_roster(page)
    expect(_row(page, "Kenji Abe").get_by_role("img", name="Belt: Yellow")).to_be_visible()


def test_medals_are_listed_newest_first(launch_app: LaunchApp, tmp_path: Path) -> None:
    page = launch_app(_club_of(tmp_path / "data", ELIF)).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Elif Öztürk"], total=1, timeout=START_TIMEOUT_MS)
    _row(page, "Elif Öztürk").click()
    medals = _history(page, "Medal history")
    expect(medals).to_contain_text("No medals recorded yet.")

    _add_medal(page, "Regional Championships", f"{SEASON - 2}-11-20", "Silver", "U21 -57 kg")
    _expect_toast(page, "Added silver at Regional Championships")
    _add_medal(page, "City Open", f"{SEASON - 1}-05-10", "Gold")
    _expect_toast(page, "Added gold at City Open")

    timeline = _timeline(medals, "Medals, newest first")
    expect(timeline).to_have_count(2)
    # Entered second, won later: on top.
    expect(timeline.nth(0)).to_contain_text("Gold")
    expect(timeline.nth(0)).to_contain_text("City Open")
    expect(timeline.nth(0).locator("time")).to_have_attribute("datetime", f"{SEASON - 1}-05-10")
    expect(timeline.nth(1)).to_contain_text("Silver")
    expect(timeline.nth(1)).to_contain_text("Regional Championships")
    expect(timeline.nth(1)).to_contain_text("U21 -57 kg")
    expect(timeline.nth(1).locator("time")).to_have_attribute("datetime", f"{SEASON - 2}-11-20")
    expect(medals).not_to_contain_text("No medals recorded yet.")


def test_search_ignores_case_and_accents_and_combines_with_the_filters(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    page = launch_app(_club_of(tmp_path / "data", *CLUB)).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ACTIVE, total=7, timeout=START_TIMEOUT_MS)
    search = page.get_by_role("searchbox", name="Search athletes")

    search.fill("ozturk")
    _expect_roster(page, ["Deniz Ozturk", "Elif Öztürk"], total=7)

    # Every word must match, in any case, with or without accents.
    search.fill("ÖZTÜRK eli")
    _expect_roster(page, ["Elif Öztürk"], total=7)

    search.fill("kovac")
    _expect_roster(page, ["Ana Kovač"], total=7)

    search.fill("nobody")
    _expect_roster(page, [], total=7)
    expect(page.get_by_role("heading", name="No athletes match")).to_be_visible()
    page.get_by_role("button", name="Clear filters").click()
    expect(search).to_have_value("")
    _expect_roster(page, ACTIVE, total=7)

    # Marta is inactive: the default filter hides her until the status says otherwise.
    search.fill("nowak")
    _expect_roster(page, [], total=7)
    _filter(page, "Status").select_option(label="All")
    _expect_roster(page, ["Marta Nowak"], total=7)
    expect(_row(page, "Marta Nowak")).to_contain_text("Inactive")


def test_filters_combine_and_belt_sorts_in_ladder_order(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    page = launch_app(_club_of(tmp_path / "data", *CLUB)).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ACTIVE, total=7, timeout=START_TIMEOUT_MS)
    save_screenshot(page, "roster")

    _filter(page, "Sex").select_option(label="Female")
    _expect_roster(page, ["Ana Kovač", "Elif Öztürk", "Sara Lind"], total=7)

    _filter(page, "Status").select_option(label="All")
    _expect_roster(page, ["Ana Kovač", "Elif Öztürk", "Marta Nowak", "Sara Lind"], total=7)

    # Eligible for juniors (15 to 20), though Ana is shown with the younger cadets.
    _filter(page, "Age category").select_option(label="Eligible for U21 Juniors")
    _expect_roster(page, ["Ana Kovač", "Elif Öztürk"], total=7)
    # Each with the class of the category they are shown with.
    expect(_column(page, 6)).to_have_text(["U18 Cadets -48 kg", "U21 Juniors -57 kg"])

    _filter(page, "Sex").select_option(label="All")
    _expect_roster(page, ["Ana Kovač", "Deniz Ozturk", "Elif Öztürk"], total=7)

    _filter(page, "Belt").select_option(label="Orange")
    _expect_roster(page, ["Deniz Ozturk"], total=7)

    _filter(page, "Belt").select_option(label="All belts")
    _filter(page, "Age category").select_option(label="All ages")
    _filter(page, "Status").select_option(label="Inactive")
    _expect_roster(page, ["Marta Nowak"], total=7)

    _filter(page, "Status").select_option(label="All")
    _expect_roster(page, sorted(m.name for m in CLUB), total=7)

    belt_header = page.get_by_role("columnheader", name="Belt")
    belt_header.get_by_role("button").click()
    by_ladder = [BRUNO, ANA, DENIZ, ELIF, SARA, MARTA, KENJI]
    _expect_roster(page, [m.name for m in by_ladder], total=7)
    expect(_column(page, 4)).to_have_text([m.belt for m in by_ladder])
    expect(belt_header).to_have_attribute("aria-sort", "ascending")

    belt_header.get_by_role("button").click()
    _expect_roster(page, [m.name for m in reversed(by_ladder)], total=7)
    expect(belt_header).to_have_attribute("aria-sort", "descending")


def test_problems_show_next_to_their_fields_and_python_has_the_last_word(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _club_of(tmp_path / "data", ANA)
    page = launch_app(data).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Ana Kovač"], total=1, timeout=START_TIMEOUT_MS)

    page.get_by_role("button", name="Add athlete").click()
    form = page.get_by_role("dialog", name="Add athlete")
    # Ana again, in other case and without accents, but born next year and too heavy.
    form.get_by_label("Full name").fill("ana kovac")
    form.get_by_label("Birth date").fill(f"{SEASON + 1}-03-14")
    form.get_by_label("Sex").select_option(label="Female")
    form.get_by_label("Belt").select_option(label="Yellow")
    form.get_by_label("Weight (kg)").fill("300")
    form.get_by_role("button", name="Save athlete").click()

    _expect_field_error(form, "birthDate", "Birth date", "Birth date can't be in the future.")
    _expect_field_error(form, "weightKg", "Weight (kg)", "Weight must be between 15 and 250 kg.")
    expect(form.get_by_label("Birth date")).to_be_focused()  # the first field to fix
    expect(form.locator("[data-field-error]")).to_have_count(2)
    save_screenshot(page, "athlete-form-errors")

    # Fixing a field takes its message away; the form alone can't know Ana is there.
    form.get_by_label("Birth date").fill(ANA.birth_date)
    form.get_by_label("Weight (kg)").fill("49")
    expect(form.locator("[data-field-error]")).to_have_count(0)
    form.get_by_role("button", name="Save athlete").click()

    _expect_field_error(
        form,
        "fullName",
        "Full name",
        # The date as the app writes dates in English: "14 Mar 2010".
        f"{ANA.name}, born 14 Mar {SEASON - ANA.age}, is already on the roster.",
    )
    expect(form.get_by_label("Full name")).to_be_focused()
    expect(form.locator("[data-field-error]")).to_have_count(1)
    save_screenshot(page, "athlete-form-duplicate")
    expect(form.get_by_role("button", name="Save athlete")).to_be_enabled()

    form.get_by_role("button", name="Cancel").click()
    expect(form).to_have_count(0)
    _expect_roster(page, ["Ana Kovač"], total=1)
    expect(_toasts(page).get_by_role("status")).to_have_count(0)
    assert _athletes_in(data) == 1


def test_deleting_an_athlete_takes_their_promotions_and_medals_too(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with club(data) as c:
        marta = c.add(MARTA)
        c.add(SARA)
        c.promote(marta, "1st Dan", f"{SEASON - 1}-06-01")
        c.medal(marta, "National Cup", f"{SEASON - 1}-09-12", "bronze")
    page = launch_app(data).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Sara Lind"], total=2, timeout=START_TIMEOUT_MS)
    _filter(page, "Status").select_option(label="All")
    _expect_roster(page, ["Marta Nowak", "Sara Lind"], total=2)
    _row(page, "Marta Nowak").click()

    _athlete_header(page, "Marta Nowak").get_by_role("button", name="Delete").click()
    confirm = page.get_by_role("alertdialog", name="Delete Marta Nowak?")
    expect(confirm).to_contain_text("Their 1 promotion and 1 medal are deleted too.")
    # A stray Enter must not delete anyone.
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()
    confirm.get_by_role("button", name="Delete athlete").click()

    _expect_toast(page, "Deleted Marta Nowak")
    _expect_roster(page, ["Sara Lind"], total=1)
    page.get_by_role("navigation").get_by_role("button", name="Settings").click()
    about = page.get_by_role("region", name="About this app")
    expect(_detail(about, "Athletes")).to_have_text("1")
    expect(_detail(about, "Promotions")).to_have_text("0")
    expect(_detail(about, "Medals")).to_have_text("0")


def test_belts_and_age_categories_edited_in_settings_reach_the_roster(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    ana = Member("Ana Kovač", 17, "F", "Green", 52.0)
    bruno = Member("Bruno Silva", 12, "M", "Orange", 38.0)
    page = launch_app(_club_of(tmp_path / "data", ana, bruno)).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Ana Kovač", "Bruno Silva"], total=2, timeout=START_TIMEOUT_MS)
    page.get_by_role("columnheader", name="Belt").get_by_role("button").click()
    _expect_roster(page, ["Bruno Silva", "Ana Kovač"], total=2)
    expect(_row(page, "Ana Kovač").get_by_role("gridcell").last).to_have_text("U18 Cadets -52 kg")

    page.get_by_role("navigation").get_by_role("button", name="Settings").click()
    ladder = page.get_by_role("region", name="Belts").get_by_role(
        "list", name="Belt ladder, lowest first"
    )
    expect(ladder.get_by_role("img").nth(4)).to_have_accessible_name("Belt: Orange")
    # Two steps up, one at a time: Green goes above Orange-Green, then above Orange.
    ladder.get_by_role("button", name="Move Green up").click()
    expect(ladder.get_by_role("img").nth(5)).to_have_accessible_name("Belt: Green")
    ladder.get_by_role("button", name="Move Green up").click()
    expect(ladder.get_by_role("img").nth(4)).to_have_accessible_name("Belt: Green")
    expect(ladder.get_by_role("img").nth(5)).to_have_accessible_name("Belt: Orange")

    categories = page.get_by_role("region", name="Age categories")
    categories.get_by_role("button", name="Edit U18 Cadets").click()
    editor = page.get_by_role("dialog", name="Edit U18 Cadets")
    editor.get_by_label("Max age").fill("16")
    editor.get_by_role("button", name="Save category").click()
    _expect_toast(page, "Saved U18 Cadets")
    cadets = categories.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="U18", exact=True)
    )
    expect(cadets.get_by_role("cell").nth(2)).to_have_text("16")

    go_to(page, "Athletes")
    # Green is below Orange no more, and at 17 Ana is too old for the cadets now.
    _expect_roster(page, ["Ana Kovač", "Bruno Silva"], total=2)
    expect(_column(page, 4)).to_have_text(["Green", "Orange"])
    # Her class comes with her category: -52 kg of the juniors' ladder now.
    expect(_row(page, "Ana Kovač").get_by_role("gridcell").last).to_have_text("U21 Juniors -52 kg")


# --- helpers -------------------------------------------------------------------------


def _table(page: Page) -> Locator:
    return page.get_by_role("grid", name="Athletes")


def _rows(page: Page) -> Locator:
    """The athletes' rows, in the order shown (the header row holds no cells)."""
    return _table(page).get_by_role("row").filter(has=page.get_by_role("gridcell"))


def _column(page: Page, number: int) -> Locator:
    """Each shown row's cell in column `number` (1 is the name), top to bottom."""
    return _rows(page).locator(f"[role=gridcell]:nth-child({number})")


def _row(page: Page, name: str) -> Locator:
    """The row of the athlete named exactly `name`."""
    return _rows(page).filter(has=page.get_by_text(name, exact=True))


def _expect_roster(page: Page, names: list[str], *, total: int, timeout: float = 5_000) -> None:
    """The roster, settled, shows exactly `names` in this order, out of `total` athletes."""
    roster = page.get_by_role("region", name="Athlete roster")
    # The roster works out "busy" while rendering, and keeps the last list up meanwhile: only
    # once it is not busy are the rows the answer to the filters on screen. Each test also
    # expects something different at every step, so a list from before can't pass for it.
    expect(roster).to_have_attribute("aria-busy", "false", timeout=timeout)
    if names:
        expect(_names(page)).to_have_text(names)
    else:
        expect(_rows(page)).to_have_count(0)
    expect(page.get_by_test_id("roster-count")).to_have_text(
        f"Showing {len(names)} of {total} athletes"
    )


def _names(page: Page) -> Locator:
    """The names shown, top to bottom: the first cell also holds the athlete's picture and
    member ID, and says "Inactive" or that a paper runs out."""
    return _column(page, 1).locator("[data-athlete-name]")


def _filter(page: Page, label: str) -> Locator:
    return page.get_by_role("group", name="Filters").get_by_label(label, exact=True)


def _athlete_header(page: Page, name: str) -> Locator:
    """The top card of an athlete's page, named by their name."""
    return page.get_by_role("region", name=name, exact=True)


def _history(page: Page, title: str) -> Locator:
    return page.get_by_role("region", name=title)


def _timeline(section: Locator, label: str) -> Locator:
    return section.get_by_role("list", name=label).get_by_role("listitem")


def _detail(card: Locator, label: str) -> Locator:
    """The value written beside `label` in a card's list of details."""
    return card.locator(f"dt:text-is('{label}') + dd")


def _back_to_roster(page: Page) -> None:
    page.get_by_role("button", name="Back to athletes").click()
    expect(_table(page)).to_be_visible()


def _expect_promotion(item: Locator, on: str, belt: str, before: str) -> None:
    """One entry of the promotion timeline: its date, the belt reached, the one before."""
    expect(item.locator("time")).to_have_attribute("datetime", on)
    expect(item.get_by_role("img")).to_have_accessible_name(f"Belt: {belt}")
    expect(item).to_contain_text(before)


def _add_medal(
    page: Page, competition: str, on: str, place: str, category: str | None = None
) -> None:
    medals = _history(page, "Medal history")
    medals.get_by_role("button", name="Add medal").click()
    form = medals.get_by_role("form", name="Add medal")
    form.get_by_label("Competition", exact=True).fill(competition)
    form.get_by_label("Competition date").fill(on)
    form.get_by_label("Place").select_option(label=place)
    if category is not None:
        form.get_by_label("Category").fill(category)
    form.get_by_role("button", name="Save medal").click()
    expect(form).to_have_count(0)
    expect(medals.get_by_role("button", name="Add medal")).to_be_focused()


def _expect_field_error(form: Locator, field: str, label: str, message: str) -> None:
    """`message` under the field, and the field itself marked invalid and described by it."""
    error = form.locator(f'[data-field-error="{field}"]')
    expect(error).to_have_text(message)
    control = form.get_by_label(label, exact=True)
    expect(control).to_have_attribute("aria-invalid", "true")
    expect(control).to_have_accessible_description(message)


def _toasts(page: Page) -> Locator:
    """Sonner's notifications region: the roster's own count is a role="status" too."""
    return page.get_by_role("region", name="Notifications")


def _expect_toast(page: Page, title: str) -> Locator:
    toast = _toasts(page).get_by_role("status").filter(has_text=title)
    expect(toast).to_be_visible()
    return toast


def _athletes_in(data: Path) -> int:
    """How many athletes the database on disk holds."""
    conn = sqlite3.connect(f"{database_path(data).as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])
    finally:
        conn.close()


def test_a_medal_form_can_be_cancelled_and_a_medal_deleted_after_confirming(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    page = launch_app(_club_of(tmp_path / "data", ELIF)).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Elif Öztürk"], total=1, timeout=START_TIMEOUT_MS)
    _row(page, "Elif Öztürk").click()
    medals = _history(page, "Medal history")
    # Cancel gives the focus back to the section's button.
    medals.get_by_role("button", name="Add medal").click()
    form = medals.get_by_role("form", name="Add medal")
    expect(form.get_by_label("Competition", exact=True)).to_be_focused()
    form.get_by_role("button", name="Save medal").click()
    _expect_field_error(form, "competition", "Competition", "Competition is required.")
    _expect_field_error(form, "place", "Place", "Choose gold, silver or bronze.")
    expect(form.get_by_label("Competition", exact=True)).to_be_focused()
    form.get_by_role("button", name="Cancel").click()
    expect(form).to_have_count(0)
    expect(medals.get_by_role("button", name="Add medal")).to_be_focused()

    _add_medal(page, "Cup", "2020-05-01", "Gold")
    _expect_toast(page, "Added gold at Cup")
    medals.get_by_role("button", name="Delete gold medal at Cup").click()
    confirm = page.get_by_role("alertdialog", name="Delete this medal?")
    expect(confirm).to_contain_text("Gold at Cup on")
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()
    confirm.get_by_role("button", name="Cancel").click()
    expect(confirm).to_have_count(0)
    expect(medals.get_by_role("button", name="Delete gold medal at Cup")).to_be_focused()
    medals.get_by_role("button", name="Delete gold medal at Cup").click()
    confirm.get_by_role("button", name="Delete medal").click()
    _expect_toast(page, "Medal deleted")
    expect(confirm).to_have_count(0)
    expect(medals.get_by_role("button", name="Add medal")).to_be_focused()
    expect(medals).to_contain_text("No medals recorded yet.")


def test_belts_and_categories_are_deleted_added_and_refused_in_settings(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    page = launch_app(_club_of(tmp_path / "data", ELIF)).page
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    _expect_roster(page, ["Elif Öztürk"], total=1, timeout=START_TIMEOUT_MS)
    page.get_by_role("navigation").get_by_role("button", name="Settings").click()
    belts = page.get_by_role("region", name="Belts")

    # A belt in use is refused: the confirmation closes and a toast says why.
    belts.get_by_role("button", name="Delete Green").click()
    confirm = page.get_by_role("alertdialog", name="Delete the Green belt?")
    confirm.get_by_role("button", name="Delete belt").click()
    refusal = _toasts(page).get_by_role("alert").filter(has_text="Couldn't delete the Green belt")
    expect(refusal).to_contain_text("currently holds it")
    expect(confirm).to_have_count(0)

    # An unused one goes; focus carries on from "Add belt".
    belts.get_by_role("button", name="Delete Blue").click()
    blue = page.get_by_role("alertdialog", name="Delete the Blue belt?")
    blue.get_by_role("button", name="Delete belt").click()
    _expect_toast(page, "Deleted the Blue belt")
    expect(belts.get_by_role("button", name="Add belt")).to_be_focused()
    expect(belts.get_by_role("button", name="Delete Blue")).to_have_count(0)

    # The add dialog: its own check, then Python's, then a save.
    belts.get_by_role("button", name="Add belt").click()
    dialog = page.get_by_role("dialog", name="Add belt")
    expect(dialog.get_by_label("Name")).to_be_focused()
    dialog.get_by_role("button", name="Save belt").click()
    _expect_field_error(dialog, "name", "Name", "Name is required.")
    dialog.get_by_label("Name").fill("Green")
    dialog.get_by_role("button", name="Save belt").click()
    _expect_field_error(dialog, "name", "Name", "There is already a belt called Green.")
    dialog.get_by_label("Name").fill("Purple")
    dialog.get_by_role("button", name="Save belt").click()
    _expect_toast(page, "Added the Purple belt")
    expect(dialog).to_have_count(0)
    expect(belts.get_by_role("button", name="Add belt")).to_be_focused()

    categories = page.get_by_role("region", name="Age categories")
    categories.get_by_role("button", name=re.compile(r"^Delete U18")).click()
    confirm = page.get_by_role("alertdialog", name=re.compile(r"^Delete U18"))
    confirm.get_by_role("button", name="Delete category").click()
    _expect_toast(page, "Deleted U18")
    expect(categories.get_by_role("button", name="Add category")).to_be_focused()

    categories.get_by_role("button", name="Add category").click()
    dialog = page.get_by_role("dialog", name="Add age category")
    dialog.get_by_role("button", name="Save category").click()
    _expect_field_error(dialog, "code", "Code", "Code is required.")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(categories.get_by_role("button", name="Add category")).to_be_focused()
